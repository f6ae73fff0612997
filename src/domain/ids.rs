//! Record IDs as users see them: O-7, P-4, S-42, A-3, C-12, M-5.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Organisation,
    Person,
    Signal,
    Action,
    Commitment,
    Meeting,
}

impl RecordKind {
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Organisation,
        RecordKind::Person,
        RecordKind::Signal,
        RecordKind::Action,
        RecordKind::Commitment,
        RecordKind::Meeting,
    ];

    pub fn letter(self) -> char {
        match self {
            RecordKind::Organisation => 'O',
            RecordKind::Person => 'P',
            RecordKind::Signal => 'S',
            RecordKind::Action => 'A',
            RecordKind::Commitment => 'C',
            RecordKind::Meeting => 'M',
        }
    }

    pub fn from_letter(c: char) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.letter() == c.to_ascii_uppercase())
    }

    /// The table that holds records of this kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Organisation => "organisation",
            RecordKind::Person => "person",
            RecordKind::Signal => "signal",
            RecordKind::Action => "action",
            RecordKind::Commitment => "commitment",
            RecordKind::Meeting => "meeting",
        }
    }

    pub fn name(self) -> &'static str {
        self.table()
    }
}

/// A typed reference to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: i64,
}

impl RecordRef {
    pub fn new(kind: RecordKind, id: i64) -> Self {
        RecordRef { kind, id }
    }

    /// Parse "S-42", "s42", "S 42" or, when `expected` is given, a bare "42".
    /// A letter that names another kind than `expected` is refused.
    pub fn parse(input: &str, expected: Option<RecordKind>) -> Result<Self, IdError> {
        let s = input.trim();
        let mut chars = s.chars();
        let first = chars.next().ok_or_else(|| IdError::new(input, expected))?;
        let (kind, rest) = if first.is_ascii_digit() {
            (expected.ok_or_else(|| IdError::new(input, expected))?, s)
        } else {
            let kind =
                RecordKind::from_letter(first).ok_or_else(|| IdError::new(input, expected))?;
            let rest = chars.as_str();
            // One separator at most: "S-42", "S 42" or "S42".
            let rest = rest.strip_prefix(['-', ' ']).unwrap_or(rest);
            (kind, rest)
        };
        if let Some(want) = expected
            && want != kind
        {
            return Err(IdError::new(input, expected));
        }
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::new(input, expected));
        }
        let id: i64 = rest.parse().map_err(|_| IdError::new(input, expected))?;
        if id <= 0 {
            return Err(IdError::new(input, expected));
        }
        Ok(RecordRef { kind, id })
    }
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.kind.letter(), self.id)
    }
}

/// Text that is not a record's ID: what was typed (shortened) and the kind of record
/// expected, if one was. [`crate::words`] says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub input: String,
    pub expected: Option<RecordKind>,
}

impl std::error::Error for IdError {}

impl IdError {
    fn new(input: &str, expected: Option<RecordKind>) -> Self {
        IdError {
            input: input.chars().take(40).collect(),
            expected,
        }
    }

    /// The same, as a [`crate::domain::Problem`].
    pub fn problem(&self) -> crate::domain::Problem {
        crate::domain::Problem::NotAnId {
            input: self.input.clone(),
            expected: self.expected,
        }
    }
}

/// Format a database id as a user-facing reference.
pub fn display(kind: RecordKind, id: i64) -> String {
    RecordRef::new(kind, id).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_users_type() {
        let s = Some(RecordKind::Signal);
        assert_eq!(RecordRef::parse("S-42", s).unwrap().id, 42);
        assert_eq!(RecordRef::parse("s42", s).unwrap().id, 42);
        assert_eq!(RecordRef::parse(" 42 ", s).unwrap().id, 42);
        assert_eq!(
            RecordRef::parse("S 7", None).unwrap(),
            RecordRef::new(RecordKind::Signal, 7)
        );
        assert_eq!(
            RecordRef::parse("M-5", None).unwrap().kind,
            RecordKind::Meeting
        );
    }

    #[test]
    fn refuses_wrong_kind_and_garbage() {
        let s = Some(RecordKind::Signal);
        for bad in [
            "C-12",
            "",
            "S-",
            "S-x",
            "42",
            "S-0",
            "S--1",
            "S-99999999999999999999",
            "X-1",
        ] {
            let expected = if bad == "42" { None } else { s };
            assert!(RecordRef::parse(bad, expected).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn displays_round_trip() {
        for kind in RecordKind::ALL {
            let r = RecordRef::new(kind, 123);
            assert_eq!(RecordRef::parse(&r.to_string(), None).unwrap(), r);
        }
    }
}

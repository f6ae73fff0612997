//! The live-minutes line parser (DESIGN §3): a line's prefix gives its kind and its
//! tokens (`@owner`, `org:NAME`, `#theme`, `due:DATE`) link it.
//!
//! Parsing never fails and never loses text: the line is kept exactly as typed, and
//! tokens are only byte ranges into it, so anything that does not resolve can be
//! highlighted for correction.
//!
//! This module holds what a parsed line is and what it says; the submodules parse a
//! line, match typed names against known ones, and fold case and accents.

mod folding;
mod parse;
mod prefix_match;

pub use folding::fold;
pub use parse::parse_line;
pub use prefix_match::{PrefixMatch, match_prefix};

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Note,
    Decision,
    Action,
    Commitment,
    Signal,
    Question,
}

impl EntryKind {
    pub const ALL: [EntryKind; 6] = [
        EntryKind::Note,
        EntryKind::Decision,
        EntryKind::Action,
        EntryKind::Commitment,
        EntryKind::Signal,
        EntryKind::Question,
    ];

    /// The stable code stored in the database.
    pub fn code(&self) -> &'static str {
        match self {
            EntryKind::Note => "note",
            EntryKind::Decision => "decision",
            EntryKind::Action => "action",
            EntryKind::Commitment => "commitment",
            EntryKind::Signal => "signal",
            EntryKind::Question => "question",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The kind for a one-letter prefix; English and Dutch letters both work
    /// (B = besluit, T = toezegging, V = vraag).
    fn from_prefix(letter: char) -> Option<Self> {
        Some(match letter.to_ascii_lowercase() {
            'd' | 'b' => EntryKind::Decision,
            'a' => EntryKind::Action,
            't' | 'c' => EntryKind::Commitment,
            's' => EntryKind::Signal,
            'q' | 'v' => EntryKind::Question,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into [`ParsedLine::raw`], including the `@`, `#`, `org:` or `due:`.
    pub span: Range<usize>,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    Owner(String),
    Org(String),
    Theme(String),
    Due(NaiveDate),
    /// A `due:` whose value is not a date; the raw value, possibly empty.
    BadDue(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedLine {
    pub kind: EntryKind,
    /// The line exactly as typed.
    pub raw: String,
    /// Byte offset in `raw` where the body starts (after the prefix and its spaces).
    pub prefix_end: usize,
    /// In order of appearance, never overlapping.
    pub tokens: Vec<Token>,
}

impl ParsedLine {
    /// The body without its resolved tokens, whitespace collapsed: the text of the
    /// action, commitment or signal. A bad `due:` stays in, so nothing typed vanishes
    /// unnoticed. If only tokens were typed, the trimmed body is returned instead.
    pub fn title(&self) -> String {
        let mut out = String::with_capacity(self.raw.len());
        let mut pos = self.prefix_end;
        let removed = self
            .tokens
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::BadDue(_)));
        for token in removed {
            push_gap(
                &mut out,
                &self.raw[pos..token.span.start],
                pos != self.prefix_end,
            );
            pos = token.span.end;
        }
        push_gap(&mut out, &self.raw[pos..], pos != self.prefix_end);
        let title = out.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.chars().any(char::is_alphanumeric) {
            title
        } else {
            self.body().trim().to_owned()
        }
    }

    /// The line after its prefix.
    pub fn body(&self) -> &str {
        &self.raw[self.prefix_end..]
    }

    fn first<'a, T>(&'a self, pick: impl Fn(&'a TokenKind) -> Option<T>) -> Option<T> {
        self.tokens.iter().find_map(|t| pick(&t.kind))
    }

    pub fn owner(&self) -> Option<&str> {
        self.first(|k| match k {
            TokenKind::Owner(name) => Some(name.as_str()),
            _ => None,
        })
    }

    pub fn org(&self) -> Option<&str> {
        self.first(|k| match k {
            TokenKind::Org(name) => Some(name.as_str()),
            _ => None,
        })
    }

    pub fn theme(&self) -> Option<&str> {
        self.first(|k| match k {
            TokenKind::Theme(name) => Some(name.as_str()),
            _ => None,
        })
    }

    pub fn due(&self) -> Option<NaiveDate> {
        self.first(|k| match k {
            TokenKind::Due(date) => Some(*date),
            _ => None,
        })
    }

    /// Parts of the line to highlight for correction: due dates that are not dates,
    /// and a second owner, organisation, theme or due date that differs from the
    /// first (only the first is used).
    pub fn problems(&self) -> Vec<(Range<usize>, String)> {
        let mut problems = Vec::new();
        let mut firsts: [Option<&TokenKind>; 4] = [None; 4];
        for token in &self.tokens {
            let slot = match &token.kind {
                TokenKind::BadDue(value) => {
                    let message = if value.is_empty() {
                        "due: needs a date right after the colon, e.g. due:+14d or due:fri"
                            .to_owned()
                    } else {
                        format!(
                            "not a date: {value:?} (use due:2024-11-01, due:+14d, due:+2w, \
                             or a weekday such as due:fri / due:vr)"
                        )
                    };
                    problems.push((token.span.clone(), message));
                    continue;
                }
                TokenKind::Owner(_) => 0,
                TokenKind::Org(_) => 1,
                TokenKind::Theme(_) => 2,
                TokenKind::Due(_) => 3,
            };
            match firsts[slot] {
                None => firsts[slot] = Some(&token.kind),
                Some(first) if same(first, &token.kind) => {}
                Some(first) => {
                    let (what, used) = describe(first);
                    let (_, ignored) = describe(&token.kind);
                    problems.push((
                        token.span.clone(),
                        format!("more than one {what}: {used} is used, not {ignored}"),
                    ));
                }
            }
        }
        problems
    }
}

/// Appends text between removed tokens. After a removed token, a space before
/// punctuation is dropped, so "call @jan." becomes "call." and not "call .".
fn push_gap(out: &mut String, gap: &str, after_token: bool) {
    if after_token && gap.starts_with(['.', ',', ';', ':', '!', '?']) {
        out.truncate(out.trim_end().len());
    }
    out.push_str(gap);
}

/// Whether two tokens of the same kind refer to the same thing.
fn same(a: &TokenKind, b: &TokenKind) -> bool {
    match (a, b) {
        (TokenKind::Owner(a), TokenKind::Owner(b))
        | (TokenKind::Org(a), TokenKind::Org(b))
        | (TokenKind::Theme(a), TokenKind::Theme(b)) => fold(a) == fold(b),
        _ => a == b,
    }
}

/// What a token is, and how it was typed, for messages. Names are `{:?}`-quoted
/// where they may hold arbitrary text, so control characters come out escaped.
fn describe(kind: &TokenKind) -> (&'static str, String) {
    match kind {
        TokenKind::Owner(name) => ("owner", format!("@{name}")),
        TokenKind::Org(name) => ("organisation", format!("org:{name:?}")),
        TokenKind::Theme(name) => ("theme", format!("#{name}")),
        TokenKind::Due(date) => ("due date", format!("due:{date}")),
        TokenKind::BadDue(value) => ("due date", format!("due:{value:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_kind_codes_round_trip() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
            let json = serde_json::to_string(&kind).expect("serialises");
            assert_eq!(json, format!("\"{}\"", kind.code()));
            assert_eq!(serde_json::from_str::<EntryKind>(&json).ok(), Some(kind));
        }
        assert_eq!(EntryKind::from_code("Note"), None);
        assert_eq!(EntryKind::from_code(""), None);
    }
}

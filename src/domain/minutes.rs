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
mod full_names;
mod parse;
mod prefix_match;
pub mod syntax;

pub use folding::fold;
pub use parse::parse_line;
pub use prefix_match::{PrefixMatch, match_prefix};

use super::Problem;
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

    /// The kind for a prefix word: one letter, or the full word in Dutch or English,
    /// any case (`Besluit`, `Actie`, `Toezegging`, `Signaal`, `Vraag`).
    fn from_prefix_word(word: &str) -> Option<Self> {
        let mut chars = word.chars();
        if let (Some(letter), None) = (chars.next(), chars.next()) {
            return Self::from_prefix(letter);
        }
        Some(match word.to_lowercase().as_str() {
            "besluit" | "besloten" | "decision" | "decided" => EntryKind::Decision,
            "actie" | "actiepunt" | "action" => EntryKind::Action,
            "toezegging" | "toegezegd" | "commitment" | "promise" => EntryKind::Commitment,
            "signaal" | "signal" => EntryKind::Signal,
            "vraag" | "question" => EntryKind::Question,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    Owner(String),
    Org(String),
    Theme(String),
    Due(NaiveDate),
    /// A due date said in words in an action or commitment ("voor 1 juli"); the
    /// words stay part of the text.
    SaidDue(NaiveDate),
    /// A `due:` whose value is not a date; the raw value, possibly empty.
    BadDue(String),
}

impl TokenKind {
    /// Which slot of a line the token fills: "owner", "organisation", "theme" or "due
    /// date" (a code, kept in the minutes summary's JSON).
    pub fn slot(&self) -> &'static str {
        match self {
            TokenKind::Owner(_) => "owner",
            TokenKind::Org(_) => "organisation",
            TokenKind::Theme(_) => "theme",
            TokenKind::Due(_) | TokenKind::SaidDue(_) | TokenKind::BadDue(_) => "due date",
        }
    }
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
    /// action, commitment or signal. A bad `due:` and a due date said in words stay
    /// in, so nothing typed vanishes unnoticed. If only tokens were typed, the
    /// trimmed body is returned instead.
    pub fn title(&self) -> String {
        let title = self.without(|k| !matches!(k, TokenKind::BadDue(_) | TokenKind::SaidDue(_)));
        if title.chars().any(char::is_alphanumeric) {
            title
        } else {
            self.body().trim().to_owned()
        }
    }

    /// The body as a reader should see it: without any token (a bad `due:` too; what
    /// it lacks is said apart), due dates said in words kept. Possibly empty.
    pub fn plain(&self) -> String {
        self.without(|k| !matches!(k, TokenKind::SaidDue(_)))
    }

    /// The body without the tokens `drop` picks, whitespace collapsed.
    fn without(&self, drop: impl Fn(&TokenKind) -> bool) -> String {
        let mut out = String::with_capacity(self.raw.len());
        let mut pos = self.prefix_end;
        let removed = self
            .tokens
            .iter()
            .filter(|t| t.span.start >= self.prefix_end)
            .filter(|t| drop(&t.kind));
        for token in removed {
            push_gap(
                &mut out,
                &self.raw[pos..token.span.start],
                pos != self.prefix_end,
            );
            pos = token.span.end;
        }
        push_gap(&mut out, &self.raw[pos..], pos != self.prefix_end);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
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

    /// Every organisation named, in order, without repeats (a commitment may be
    /// made to several).
    pub fn orgs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in &self.tokens {
            if let TokenKind::Org(name) = &t.kind
                && !out.iter().any(|o| fold(o) == fold(name))
            {
                out.push(name);
            }
        }
        out
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
            TokenKind::Due(date) | TokenKind::SaidDue(date) => Some(*date),
            _ => None,
        })
    }

    /// Parts of the line to highlight for correction: due dates that are not dates,
    /// and a second owner, organisation, theme or due date that differs from the
    /// first (only the first is used).
    pub fn problems(&self) -> Vec<(Range<usize>, Problem)> {
        let mut problems = Vec::new();
        let mut firsts: [Option<&TokenKind>; 4] = [None; 4];
        for token in &self.tokens {
            let slot = match &token.kind {
                TokenKind::BadDue(value) => {
                    let message = if value.is_empty() {
                        Problem::MinutesDueEmpty
                    } else {
                        Problem::MinutesNotADate {
                            value: value.clone(),
                        }
                    };
                    problems.push((token.span.clone(), message));
                    continue;
                }
                TokenKind::Owner(_) => 0,
                // A commitment may be made to several organisations at once.
                TokenKind::Org(_) if self.kind == EntryKind::Commitment => continue,
                TokenKind::Org(_) => 1,
                TokenKind::Theme(_) => 2,
                TokenKind::Due(_) | TokenKind::SaidDue(_) => 3,
            };
            match firsts[slot] {
                None => firsts[slot] = Some(&token.kind),
                Some(first) if same(first, &token.kind) => {}
                Some(first) => {
                    problems.push((
                        token.span.clone(),
                        Problem::MinutesMoreThanOne {
                            used: first.clone(),
                            ignored: token.kind.clone(),
                        },
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
        (TokenKind::Due(a) | TokenKind::SaidDue(a), TokenKind::Due(b) | TokenKind::SaidDue(b)) => {
            a == b
        }
        _ => a == b,
    }
}

/// What a token is, and how it was typed, for messages. Names are `{:?}`-quoted
/// where they may hold arbitrary text, so control characters come out escaped.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_tokens() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let p = parse_line(
            "A: bel @ingrid over org:Duin de tegels due:31-02 voor 1 juli",
            today,
        );
        assert_eq!(p.plain(), "bel over de tegels voor 1 juli");
        assert!(p.title().contains("due:31-02"), "{}", p.title());
        assert_eq!(parse_line("A: @jan due:+2w", today).plain(), "");
    }

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

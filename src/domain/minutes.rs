//! The live-minutes line parser (DESIGN §3): a line's prefix gives its kind and its
//! tokens (`@owner`, `org:NAME`, `#theme`, `due:DATE`) link it.
//!
//! Parsing never fails and never loses text: the line is kept exactly as typed, and
//! tokens are only byte ranges into it, so anything that does not resolve can be
//! highlighted for correction.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::parse_date;

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

/// Characters that may end a bare `org:`/`due:` value but belong to the sentence.
const TRAILING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\''];

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

/// Parses one minutes line. Never fails: unknown prefixes make a note, malformed
/// tokens stay text (a bad `due:` is kept as [`TokenKind::BadDue`]).
pub fn parse_line(line: &str, today: NaiveDate) -> ParsedLine {
    let (kind, prefix_end) = split_prefix(line);
    ParsedLine {
        kind,
        raw: line.to_owned(),
        prefix_end,
        tokens: scan_tokens(line, prefix_end, today),
    }
}

/// A single letter and a colon at the start (after whitespace) is a prefix;
/// `Dinsdag: ...` is a note.
fn split_prefix(line: &str) -> (EntryKind, usize) {
    let start = line.len() - line.trim_start().len();
    let mut chars = line[start..].chars();
    let (Some(letter), Some(':')) = (chars.next(), chars.next()) else {
        return (EntryKind::Note, 0);
    };
    let Some(kind) = EntryKind::from_prefix(letter) else {
        return (EntryKind::Note, 0);
    };
    let after_colon = &line[start + letter.len_utf8() + 1..];
    (kind, line.len() - after_colon.trim_start().len())
}

/// Tokens start at the beginning of the body or after whitespace or opening
/// punctuation, so `jan@example.nl` and `issue#5` stay text.
fn scan_tokens(line: &str, body_start: usize, today: NaiveDate) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = body_start;
    let mut at_boundary = true;
    while let Some(c) = line[pos..].chars().next() {
        if at_boundary && let Some((len, kind)) = token_at(&line[pos..], today) {
            tokens.push(Token {
                span: pos..pos + len,
                kind,
            });
            pos += len;
            at_boundary = false;
            continue;
        }
        at_boundary = c.is_whitespace() || matches!(c, '(' | '[' | '{' | ',' | ';');
        pos += c.len_utf8();
    }
    tokens
}

/// The token at the start of `s`, as (byte length, kind).
fn token_at(s: &str, today: NaiveDate) -> Option<(usize, TokenKind)> {
    if let Some(rest) = s.strip_prefix('@') {
        let len = name_len(rest);
        return (len > 0).then(|| (1 + len, TokenKind::Owner(rest[..len].to_owned())));
    }
    if let Some(rest) = s.strip_prefix('#') {
        let len = name_len(rest);
        return (len > 0).then(|| (1 + len, TokenKind::Theme(rest[..len].to_owned())));
    }
    if let Some(rest) = strip_prefix_ci(s, "org:") {
        let (len, name) = org_value(rest)?;
        return Some((4 + len, TokenKind::Org(name)));
    }
    if let Some(rest) = strip_prefix_ci(s, "due:") {
        // An empty or unparsable value is still a token: the user meant a due date.
        let value = &rest[..bare_len(rest)];
        let kind = match parse_date(value, today) {
            Ok(date) => TokenKind::Due(date),
            Err(_) => TokenKind::BadDue(value.to_owned()),
        };
        return Some((4 + value.len(), kind));
    }
    None
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Length of an `@owner` or `#theme` name: letters (any script), digits, combining
/// accents, `-`, `_`, `.`; a trailing `.` ends the sentence, not the name.
fn name_len(s: &str) -> usize {
    let end = s
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_alphanumeric()
                || matches!(c, '-' | '_' | '.')
                || ('\u{300}'..='\u{36f}').contains(&c))
        })
        .map_or(s.len(), |(i, _)| i);
    s[..end].trim_end_matches('.').len()
}

/// Length of a bare value: up to whitespace, without trailing sentence punctuation.
fn bare_len(s: &str) -> usize {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    s[..end].trim_end_matches(TRAILING_PUNCTUATION).len()
}

/// `"Het Oude Centrum"` (quoted, may hold spaces) or a bare name, as (byte length
/// including quotes, name). An unclosed quote falls back to a bare name.
fn org_value(s: &str) -> Option<(usize, String)> {
    if let Some(inner) = s.strip_prefix('"') {
        if let Some(close) = inner.find('"') {
            let name = inner[..close]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            return (!name.is_empty()).then(|| (close + 2, name));
        }
        let len = bare_len(inner);
        return (len > 0).then(|| (1 + len, inner[..len].to_owned()));
    }
    let len = bare_len(s);
    (len > 0).then(|| (len, s[..len].to_owned()))
}

/// The outcome of matching a typed name against known names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixMatch<T> {
    Unique(T),
    /// The names of all candidates that matched equally well.
    Ambiguous(Vec<String>),
    None,
}

/// Matches `query` against candidate names, ignoring case and accents. An exact
/// name wins; otherwise the query must be the start of the name or of one of its
/// words (`Zeeheld` finds "Bewonersorganisatie Zeeheldenkwartier"). `-` and `_`
/// match a space, since tokens cannot hold spaces (`@jan-de` finds "Jan de Vries").
pub fn match_prefix<'a, T: Clone>(
    query: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
) -> PrefixMatch<T> {
    let query = match_key(query);
    if query.is_empty() {
        return PrefixMatch::None;
    }
    let mut exact = Vec::new();
    let mut prefix = Vec::new();
    for (name, value) in candidates {
        let key = match_key(name);
        if key == query {
            exact.push((name, value));
        } else if word_starts(&key).any(|i| key[i..].starts_with(&query)) {
            prefix.push((name, value));
        }
    }
    let found = if exact.is_empty() { prefix } else { exact };
    if found.len() > 1 {
        return PrefixMatch::Ambiguous(found.into_iter().map(|(n, _)| n.to_owned()).collect());
    }
    match found.into_iter().next() {
        Some((_, value)) => PrefixMatch::Unique(value),
        None => PrefixMatch::None,
    }
}

/// Folded, with `-`/`_` as spaces and whitespace collapsed.
fn match_key(s: &str) -> String {
    fold(s)
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte offsets where a word starts: an alphanumeric after a non-alphanumeric, and 0.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_alnum = false;
    s.char_indices().filter_map(move |(i, c)| {
        let start = i == 0 || (c.is_alphanumeric() && !prev_alnum);
        prev_alnum = c.is_alphanumeric();
        start.then_some(i)
    })
}

/// Lowercases and removes accents (Latin-1 and Latin Extended-A, plus combining
/// accents), for matching and searching: `fold("Één Ĳsbaan") == "een ijsbaan"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match fold_char(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// The unaccented spelling of a lowercase letter, `Some("")` for a combining accent.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{300}'..='\u{36f}' => "",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// Wednesday.
    fn today() -> NaiveDate {
        d(2024, 10, 16)
    }

    fn parse(line: &str) -> ParsedLine {
        parse_line(line, today())
    }

    fn kinds(line: &str) -> Vec<TokenKind> {
        parse(line).tokens.into_iter().map(|t| t.kind).collect()
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

    #[test]
    fn every_prefix() {
        let cases = [
            ("D:", EntryKind::Decision),
            ("B:", EntryKind::Decision),
            ("A:", EntryKind::Action),
            ("T:", EntryKind::Commitment),
            ("C:", EntryKind::Commitment),
            ("S:", EntryKind::Signal),
            ("Q:", EntryKind::Question),
            ("V:", EntryKind::Question),
        ];
        for (prefix, kind) in cases {
            for p in [prefix.to_owned(), prefix.to_lowercase()] {
                for line in [
                    format!("{p} fix the lamp"),
                    format!("{p}fix the lamp"),
                    format!("  {p}   fix the lamp"),
                    format!("\t{p} fix the lamp"),
                ] {
                    let parsed = parse(&line);
                    assert_eq!(parsed.kind, kind, "{line:?}");
                    assert_eq!(parsed.body(), "fix the lamp", "{line:?}");
                    assert_eq!(parsed.title(), "fix the lamp", "{line:?}");
                }
            }
        }
    }

    #[test]
    fn notes() {
        for line in [
            "just a note",
            "Dinsdag: meeting moved",
            "DB: two letters",
            "X: unknown letter",
            "Ä: not ascii",
            "D :space before colon",
            ": colon first",
            "",
            "   ",
            "D",
        ] {
            let parsed = parse(line);
            assert_eq!(parsed.kind, EntryKind::Note, "{line:?}");
            assert_eq!(parsed.prefix_end, 0, "{line:?}");
            assert_eq!(parsed.raw, line);
        }
        assert_eq!(
            parse("Dinsdag: meeting moved").title(),
            "Dinsdag: meeting moved"
        );
    }

    #[test]
    fn prefix_without_body() {
        let parsed = parse("A:");
        assert_eq!(parsed.kind, EntryKind::Action);
        assert_eq!(parsed.prefix_end, 2);
        assert_eq!(parsed.title(), "");
        assert_eq!(parse("A:   ").prefix_end, 5);
    }

    #[test]
    fn owner_tokens() {
        assert_eq!(kinds("A: call @jan"), [TokenKind::Owner("jan".into())]);
        assert_eq!(
            kinds("@Jan-Willem_2 x"),
            [TokenKind::Owner("Jan-Willem_2".into())]
        );
        assert_eq!(
            kinds("ask @j.de.vries."),
            [TokenKind::Owner("j.de.vries".into())]
        );
        assert_eq!(kinds("ask @Zoë, today"), [TokenKind::Owner("Zoë".into())]);
        assert_eq!(
            kinds("ask @Ze\u{301}"),
            [TokenKind::Owner("Ze\u{301}".into())]
        );
        assert_eq!(kinds("ask @محمد"), [TokenKind::Owner("محمد".into())]);
        assert_eq!(kinds("(@jan)"), [TokenKind::Owner("jan".into())]);
        // Not tokens: a bare @, an e-mail address.
        assert_eq!(kinds("meet @ 10"), []);
        assert_eq!(kinds("mail jan@example.nl"), []);
        assert_eq!(kinds("@."), []);
    }

    #[test]
    fn theme_tokens() {
        assert_eq!(
            kinds("S: litter #afval"),
            [TokenKind::Theme("afval".into())]
        );
        assert_eq!(
            kinds("#groen-onderhoud."),
            [TokenKind::Theme("groen-onderhoud".into())]
        );
        assert_eq!(kinds("issue#5 and # alone"), []);
    }

    #[test]
    fn org_tokens() {
        assert_eq!(kinds("org:Zeeheld"), [TokenKind::Org("Zeeheld".into())]);
        assert_eq!(
            kinds("ORG:Zeeheld, said"),
            [TokenKind::Org("Zeeheld".into())]
        );
        assert_eq!(kinds("Org:Zeeheld."), [TokenKind::Org("Zeeheld".into())]);
        assert_eq!(
            kinds("org:BO-Zeeheld/Noord x"),
            [TokenKind::Org("BO-Zeeheld/Noord".into())]
        );
        assert_eq!(kinds("org:"), []);
        assert_eq!(kinds("org: Zeeheld"), []);
        assert_eq!(kinds("org:..."), []);
        assert_eq!(kinds("reorg:x"), []);
    }

    #[test]
    fn quoted_org() {
        let parsed = parse("S: noise org:\"Het Oude Centrum\" at night");
        assert_eq!(parsed.org(), Some("Het Oude Centrum"));
        let span = parsed.tokens[0].span.clone();
        assert_eq!(&parsed.raw[span], "org:\"Het Oude Centrum\"");
        assert_eq!(parsed.title(), "noise at night");
        assert_eq!(parse("org:\"  Het   Oude \"").org(), Some("Het Oude"));
        assert_eq!(kinds("org:\"\" x"), []);
        assert_eq!(kinds("org:\"   \" x"), []);
        // Unclosed quote: the first word is the name.
        let parsed = parse("org:\"Het Oude");
        assert_eq!(parsed.org(), Some("Het"));
        assert_eq!(&parsed.raw[parsed.tokens[0].span.clone()], "org:\"Het");
    }

    #[test]
    fn due_tokens_every_date_form() {
        let cases = [
            ("due:2024-11-01", d(2024, 11, 1)),
            ("due:1-11-2024", d(2024, 11, 1)),
            ("due:01-11-2024", d(2024, 11, 1)),
            ("due:+14d", d(2024, 10, 30)),
            ("due:+2w", d(2024, 10, 30)),
            ("due:+3m", d(2025, 1, 16)),
            ("due:+0d", today()),
            ("due:today", today()),
            ("due:vandaag", today()),
            ("due:tomorrow", d(2024, 10, 17)),
            ("due:morgen", d(2024, 10, 17)),
            ("due:fri", d(2024, 10, 18)),
            ("due:vr", d(2024, 10, 18)),
            ("due:vrijdag", d(2024, 10, 18)),
            ("due:wo", d(2024, 10, 23)),
            ("DUE:Fri", d(2024, 10, 18)),
        ];
        for (token, want) in cases {
            let line = format!("A: do it {token} please");
            let parsed = parse(&line);
            assert_eq!(parsed.due(), Some(want), "{line}");
            assert_eq!(parsed.title(), "do it please", "{line}");
            assert!(parsed.problems().is_empty(), "{line}");
        }
        // Sentence punctuation after the value is not part of it.
        let parsed = parse("A: do it due:fri.");
        assert_eq!(parsed.due(), Some(d(2024, 10, 18)));
        assert_eq!(parsed.title(), "do it.");
        assert_eq!(parse("due:2024-11-01, then").due(), Some(d(2024, 11, 1)));
    }

    #[test]
    fn bad_due_is_kept_as_text_and_reported() {
        let parsed = parse("A: fix lamp due:31-02-2024 @jan");
        assert_eq!(parsed.due(), None);
        assert_eq!(parsed.owner(), Some("jan"));
        assert_eq!(parsed.title(), "fix lamp due:31-02-2024");
        let problems = parsed.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(&parsed.raw[problems[0].0.clone()], "due:31-02-2024");
        assert!(
            problems[0].1.contains("\"31-02-2024\""),
            "{}",
            problems[0].1
        );

        let parsed = parse("A: fix lamp due: fri");
        assert_eq!(parsed.tokens[0].kind, TokenKind::BadDue(String::new()));
        assert_eq!(parsed.title(), "fix lamp due: fri");
        assert!(parsed.problems()[0].1.contains("right after the colon"));

        assert_eq!(
            kinds("due:+999999999d"),
            [TokenKind::BadDue("+999999999d".into())]
        );
        assert_eq!(kinds("due:soon"), [TokenKind::BadDue("soon".into())]);
    }

    #[test]
    fn tokens_in_the_middle_and_many() {
        let line = "T: @jan promises org:Zeeheld a new bench #groen due:+2w before winter";
        let parsed = parse(line);
        assert_eq!(parsed.kind, EntryKind::Commitment);
        assert_eq!(parsed.owner(), Some("jan"));
        assert_eq!(parsed.org(), Some("Zeeheld"));
        assert_eq!(parsed.theme(), Some("groen"));
        assert_eq!(parsed.due(), Some(d(2024, 10, 30)));
        assert_eq!(parsed.title(), "promises a new bench before winter");
        let spans: Vec<&str> = parsed
            .tokens
            .iter()
            .map(|t| &line[t.span.clone()])
            .collect();
        assert_eq!(spans, ["@jan", "org:Zeeheld", "#groen", "due:+2w"]);
        assert!(parsed.problems().is_empty());
    }

    #[test]
    fn title_tidies_punctuation_and_falls_back_to_body() {
        assert_eq!(parse("A: call @jan.").title(), "call.");
        assert_eq!(parse("A: call @jan, then @piet").title(), "call, then");
        assert_eq!(parse("A:   @jan   due:fri ").title(), "@jan   due:fri");
        assert_eq!(parse("A: @jan.").title(), "@jan.");
        assert_eq!(
            parse("multiple   spaces\u{a0} here").title(),
            "multiple spaces here"
        );
    }

    #[test]
    fn conflicting_tokens_are_problems() {
        let parsed = parse("A: @jan and @piet and @JAN org:A org:a #x #y due:fri due:+2d");
        assert_eq!(parsed.owner(), Some("jan"));
        let problems = parsed.problems();
        let messages: Vec<&str> = problems.iter().map(|(_, m)| m.as_str()).collect();
        // @JAN is @jan, org:a is org:A, and due:fri and due:+2d are both 2024-10-18.
        assert_eq!(
            messages,
            [
                "more than one owner: @jan is used, not @piet",
                "more than one theme: #x is used, not #y",
            ]
        );
        assert_eq!(&parsed.raw[problems[0].0.clone()], "@piet");
        let parsed = parse("A: x due:fri due:+3d");
        assert_eq!(
            parsed.problems()[0].1,
            "more than one due date: due:2024-10-18 is used, not due:2024-10-19"
        );
        assert_eq!(&parsed.raw[parsed.problems()[0].0.clone()], "due:+3d");
        let parsed = parse("org:A org:\"B c\"");
        assert_eq!(
            parsed.problems()[0].1,
            "more than one organisation: org:\"A\" is used, not org:\"B c\""
        );
    }

    #[test]
    fn non_ascii_text() {
        let line = "B: één bankje 🙂 voor @Zoë org:\"Café Ñandú\" #groen שלום עולם due:vr";
        let parsed = parse(line);
        assert_eq!(parsed.kind, EntryKind::Decision);
        assert_eq!(parsed.raw, line);
        assert_eq!(parsed.owner(), Some("Zoë"));
        assert_eq!(parsed.org(), Some("Café Ñandú"));
        assert_eq!(parsed.due(), Some(d(2024, 10, 18)));
        assert_eq!(parsed.title(), "één bankje 🙂 voor שלום עולם");

        let rtl = "S: \u{202e}ابحث\u{202c} @سارة";
        let parsed = parse(rtl);
        assert_eq!(parsed.owner(), Some("سارة"));
        assert_eq!(parsed.title(), "\u{202e}ابحث\u{202c}");

        let parsed = parse("🙂: emoji is not a prefix");
        assert_eq!(parsed.kind, EntryKind::Note);
        let parsed = parse("A:🙂@jan");
        assert_eq!(parsed.kind, EntryKind::Action);
        assert_eq!(parsed.tokens, []);
    }

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Één Ĳsbaan"), "een ijsbaan");
        assert_eq!(
            fold("Straße Œuvre Æbleskiver"),
            "strasse oeuvre aebleskiver"
        );
        assert_eq!(
            fold("ÀÁÂÃÄÅ çÇ ÑÖØÜÝŸ Łódź Čepić"),
            "aaaaaa cc noouyy lodz cepic"
        );
        assert_eq!(fold("Ze\u{301}"), "ze");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Þór Ðóra"), "thor dora");
        assert_eq!(fold("שלום 🙂"), "שלום 🙂");
    }

    fn orgs() -> Vec<(&'static str, u32)> {
        vec![
            ("Bewonersorganisatie Zeeheldenkwartier", 1),
            ("Het Oude Centrum", 2),
            ("Huurdersvereniging Zuid", 3),
            ("Zuid", 4),
            ("Café de Kroon", 5),
            ("Jan de Vries", 6),
            ("Jan-Willem Bakker", 7),
        ]
    }

    #[test]
    fn match_prefix_unique_and_word_prefix() {
        let m = |q: &str| match_prefix(q, orgs());
        assert_eq!(m("Zeeheld"), PrefixMatch::Unique(1));
        assert_eq!(m("bewoners"), PrefixMatch::Unique(1));
        assert_eq!(m("oude"), PrefixMatch::Unique(2));
        assert_eq!(m("oude-cen"), PrefixMatch::Unique(2));
        assert_eq!(m("het_oude_centrum"), PrefixMatch::Unique(2));
        assert_eq!(m("CAFE"), PrefixMatch::Unique(5));
        assert_eq!(m("kroon"), PrefixMatch::Unique(5));
        assert_eq!(m("jan-de"), PrefixMatch::Unique(6));
        assert_eq!(m("jan-w"), PrefixMatch::Unique(7));
        assert_eq!(m("willem"), PrefixMatch::Unique(7));
    }

    #[test]
    fn match_prefix_exact_wins() {
        // "Zuid" is both a whole name and a word of "Huurdersvereniging Zuid".
        assert_eq!(match_prefix("zuid", orgs()), PrefixMatch::Unique(4));
    }

    #[test]
    fn match_prefix_ambiguous_and_none() {
        assert_eq!(
            match_prefix("jan", orgs()),
            PrefixMatch::Ambiguous(vec!["Jan de Vries".into(), "Jan-Willem Bakker".into()])
        );
        assert_eq!(
            match_prefix("zu", orgs()),
            PrefixMatch::Ambiguous(vec!["Huurdersvereniging Zuid".into(), "Zuid".into()])
        );
        assert_eq!(match_prefix("eeheld", orgs()), PrefixMatch::None);
        assert_eq!(match_prefix("", orgs()), PrefixMatch::None);
        assert_eq!(match_prefix(" - ", orgs()), PrefixMatch::None);
        assert_eq!(
            match_prefix("x", Vec::<(&str, u8)>::new()),
            PrefixMatch::None
        );
        let twins = [("Jan Jansen", 1), ("jan jansen", 2)];
        assert_eq!(
            match_prefix("Jan Jansen", twins),
            PrefixMatch::Ambiguous(vec!["Jan Jansen".into(), "jan jansen".into()])
        );
    }

    fn check_invariants(line: &str) -> Result<(), TestCaseError> {
        let parsed = parse_line(line, today());
        prop_assert_eq!(&parsed.raw, line);
        prop_assert!(parsed.prefix_end <= line.len());
        prop_assert!(line.is_char_boundary(parsed.prefix_end));
        let mut last_end = parsed.prefix_end;
        for token in &parsed.tokens {
            let span = token.span.clone();
            prop_assert!(
                span.start >= last_end,
                "overlap or out of order: {:?}",
                parsed.tokens
            );
            prop_assert!(span.start < span.end && span.end <= line.len());
            prop_assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
            let text = line[span].to_lowercase();
            prop_assert!(
                ["@", "#", "org:", "due:"]
                    .iter()
                    .any(|p| text.starts_with(p)),
                "{text:?}"
            );
            last_end = token.span.end;
        }
        let _ = parsed.title();
        for (span, _) in parsed.problems() {
            prop_assert!(line.get(span).is_some());
        }
        Ok(())
    }

    /// Lines built from pieces that exercise prefixes, tokens and quoting.
    fn minutes_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("@".to_owned()),
            Just("#".to_owned()),
            Just("org:".to_owned()),
            Just("ORG:\"".to_owned()),
            Just("due:".to_owned()),
            Just("Due:+2w".to_owned()),
            Just("due:31-02-2024".to_owned()),
            Just("\"".to_owned()),
            Just(" ".to_owned()),
            Just("D:".to_owned()),
            Just("a:".to_owned()),
            Just(".".to_owned()),
            Just("é".to_owned()),
            Just("\u{301}".to_owned()),
            Just("🙂".to_owned()),
            Just("\u{202e}".to_owned()),
            "[a-zA-Z0-9]{1,6}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn arbitrary_unicode_never_panics(line in any::<String>()) {
            check_invariants(&line)?;
        }

        #[test]
        fn minutes_like_lines_keep_invariants(line in minutes_like()) {
            check_invariants(&line)?;
        }

        #[test]
        fn match_prefix_never_panics(query in any::<String>(), names in prop::collection::vec(any::<String>(), 0..5)) {
            let _ = match_prefix(&query, names.iter().map(|n| (n.as_str(), ())));
            let _ = fold(&query);
        }

        #[test]
        fn every_name_finds_itself_or_a_namesake(names in prop::collection::vec("[A-Za-zéÉ -]{1,12}", 1..6)) {
            for (i, name) in names.iter().enumerate() {
                match match_prefix(name, names.iter().enumerate().map(|(j, n)| (n.as_str(), j))) {
                    PrefixMatch::Unique(j) => prop_assert_eq!(match_key(&names[j]), match_key(name)),
                    PrefixMatch::Ambiguous(found) => prop_assert!(found.len() > 1),
                    PrefixMatch::None => prop_assert!(match_key(name).is_empty(), "{i} {name:?}"),
                }
            }
        }
    }
}

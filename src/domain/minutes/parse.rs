//! Parsing one minutes line: its prefix (`A:` or `Actie:`, possibly with tokens
//! before the colon), its `@owner`, `org:NAME`, `#theme` and `due:DATE` tokens, and
//! in actions and commitments a due date said in words ("voor 1 juli"), as byte
//! ranges into the line as typed.

use chrono::NaiveDate;

use super::{EntryKind, ParsedLine, Token, TokenKind};
use crate::domain::dates::parse_date;

/// Characters that may end a bare `org:`/`due:` value but belong to the sentence.
const TRAILING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\''];

/// Parses one minutes line. Never fails: unknown prefixes make a note, malformed
/// tokens stay text (a bad `due:` is kept as [`TokenKind::BadDue`]).
pub fn parse_line(line: &str, today: NaiveDate) -> ParsedLine {
    let (kind, word_end, prefix_end) = split_prefix(line, today);
    // Tokens typed before the colon (`Actie @jan:`) count too.
    let mut tokens = scan_tokens(line, word_end, today);
    if matches!(kind, EntryKind::Action | EntryKind::Commitment) {
        let said = said_dues(line, prefix_end, &tokens, today);
        tokens.extend(said);
        tokens.sort_by_key(|t| t.span.start);
    }
    ParsedLine {
        kind,
        raw: line.to_owned(),
        prefix_end,
        tokens,
    }
}

/// A known word and a colon at the start (after whitespace) is a prefix: one letter
/// (`A:`) right before the colon, or a full word in Dutch or English (`Actie:`,
/// `Decision:`) that may carry tokens before its colon (`Actie @jan:`). `Dinsdag:
/// ...` is a note. Returns (kind, end of the prefix word, start of the body).
fn split_prefix(line: &str, today: NaiveDate) -> (EntryKind, usize, usize) {
    const NOTE: (EntryKind, usize, usize) = (EntryKind::Note, 0, 0);
    let start = line.len() - line.trim_start().len();
    let rest = &line[start..];
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let Some(kind) = EntryKind::from_prefix_word(word) else {
        return NOTE;
    };
    let word_end = start + word_len;
    let mut pos = word_end;
    if word.chars().count() == 1 && line[pos..].starts_with(':') {
        pos += 1;
    } else if word.chars().count() == 1 && !starts_with_token(&line[pos..], today) {
        // `A. Jansen: …` and `B: …` alike need the colon right after the letter,
        // unless tokens stand between them (`T org:Duinoord: …`).
        return NOTE;
    } else {
        loop {
            let after = line[pos..].trim_start();
            let spaced = after.len() < line.len() - pos;
            pos = line.len() - after.len();
            if after.starts_with(':') {
                pos += 1;
                break;
            }
            // A token needs a space before it: `Actie@jan:` is not a prefix.
            match token_at(after, today) {
                Some((len, _)) if spaced => pos += len,
                _ => return NOTE,
            }
        }
    }
    let after_colon = &line[pos..];
    (kind, word_end, line.len() - after_colon.trim_start().len())
}

/// Whether `s` is whitespace and then a token.
fn starts_with_token(s: &str, today: NaiveDate) -> bool {
    let after = s.trim_start();
    after.len() < s.len() && token_at(after, today).is_some()
}

/// Words that introduce a due date in a sentence: "voor 1 juli", "uiterlijk vrijdag".
const DUE_TRIGGERS: &[&str] = &[
    "voor",
    "vóór",
    "uiterlijk",
    "deadline",
    "by",
    "before",
    "due",
    "until",
    "tot",
];
/// Words that start a due date by themselves: "binnen twee weken", "eind januari".
const DUE_STARTS: &[&str] = &[
    "binnen",
    "over",
    "within",
    "in",
    "eind",
    "einde",
    "end",
    "begin",
    "start",
    "morgen",
    "overmorgen",
    "tomorrow",
    "volgende",
    "next",
];
/// The longest date phrase tried, in words (`vr 4 dec 2026`, `end of march 2027`).
const MAX_DATE_WORDS: usize = 4;

/// Due dates said in words in the body, outside the typed tokens. The phrase stays
/// part of the text; it is only marked.
fn said_dues(line: &str, body_start: usize, tokens: &[Token], today: NaiveDate) -> Vec<Token> {
    let words: Vec<(usize, &str)> = line[body_start..]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let free = |at: usize, end: usize| {
        tokens
            .iter()
            .all(|t| t.span.end <= at || t.span.start >= end)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let lower = words[i].1.to_lowercase();
        let lower = lower.trim_end_matches(':');
        let from = if DUE_TRIGGERS.contains(&lower) {
            i + 1
        } else if DUE_STARTS.contains(&lower) {
            i
        } else {
            i += 1;
            continue;
        };
        let longest = (from + MAX_DATE_WORDS).min(words.len());
        let hit = (from + 1..=longest).rev().find_map(|to| {
            let (first_at, _) = words[from];
            let (last_at, last) = words[to - 1];
            let end = last_at + last.trim_end_matches(TRAILING_PUNCTUATION).len();
            if end <= first_at {
                return None;
            }
            let phrase = &line[first_at..end];
            // Two-letter weekdays (`ma`, `do`) are everyday words in a sentence.
            if to - from == 1 && phrase.chars().count() <= 2 {
                return None;
            }
            let date = parse_date(phrase, today).ok()?;
            let start = words[i].0;
            free(start, end).then_some((to, start..end, date))
        });
        match hit {
            Some((to, span, date)) => {
                found.push(Token {
                    span,
                    kind: TokenKind::SaidDue(date),
                });
                i = to;
            }
            None => i += 1,
        }
    }
    found
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
        // `due:"15 dec"`: a quoted value may hold the forms with spaces.
        if let Some(inner) = rest.strip_prefix('"')
            && let Some(close) = inner.find('"')
        {
            let value = &inner[..close];
            let kind = match parse_date(value, today) {
                Ok(date) => TokenKind::Due(date),
                Err(_) => TokenKind::BadDue(value.to_owned()),
            };
            return Some((4 + close + 2, kind));
        }
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
pub(super) fn name_len(s: &str) -> usize {
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
            "Actie is nodig: wie?",
            "Actie@jan: no space",
            "Besluiten: plural is not a prefix",
            "Vragen over @jan:",
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
            ("due:15-12", d(2024, 12, 15)),
            ("due:15/12", d(2024, 12, 15)),
            ("due:\"15 dec\"", d(2024, 12, 15)),
            ("due:\"eind maart\"", d(2025, 3, 31)),
            ("due:\"over twee weken\"", d(2024, 10, 30)),
            ("due:overmorgen", d(2024, 10, 18)),
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
            problems[0].1.to_string().contains("\"31-02-2024\""),
            "{}",
            problems[0].1
        );

        let parsed = parse("A: fix lamp due: fri");
        assert_eq!(parsed.tokens[0].kind, TokenKind::BadDue(String::new()));
        assert_eq!(parsed.title(), "fix lamp due: fri");
        assert!(
            parsed.problems()[0]
                .1
                .to_string()
                .contains("right after the colon")
        );

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
        let messages: Vec<String> = problems.iter().map(|(_, m)| m.to_string()).collect();
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
            parsed.problems()[0].1.to_string(),
            "more than one due date: due:2024-10-18 is used, not due:2024-10-19"
        );
        assert_eq!(&parsed.raw[parsed.problems()[0].0.clone()], "due:+3d");
        let parsed = parse("org:A org:\"B c\"");
        assert_eq!(
            parsed.problems()[0].1.to_string(),
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
    fn full_word_prefixes_in_both_languages() {
        let cases = [
            ("Besluit", EntryKind::Decision),
            ("Besloten", EntryKind::Decision),
            ("Decision", EntryKind::Decision),
            ("Actie", EntryKind::Action),
            ("Action", EntryKind::Action),
            ("Toezegging", EntryKind::Commitment),
            ("Commitment", EntryKind::Commitment),
            ("Signaal", EntryKind::Signal),
            ("Signal", EntryKind::Signal),
            ("Vraag", EntryKind::Question),
            ("Question", EntryKind::Question),
        ];
        for (word, kind) in cases {
            for w in [word.to_owned(), word.to_lowercase(), word.to_uppercase()] {
                for line in [format!("{w}: fix the lamp"), format!("  {w} :fix the lamp")] {
                    let parsed = parse(&line);
                    assert_eq!(parsed.kind, kind, "{line:?}");
                    assert_eq!(parsed.title(), "fix the lamp", "{line:?}");
                }
            }
        }
    }

    #[test]
    fn tokens_before_the_colon() {
        let parsed = parse("Actie @Youssef: bel de aannemer");
        assert_eq!(parsed.kind, EntryKind::Action);
        assert_eq!(parsed.owner(), Some("Youssef"));
        assert_eq!(parsed.title(), "bel de aannemer");
        let parsed = parse("Toezegging org:Duinoord: nieuwe bankjes due:+2w");
        assert_eq!(parsed.kind, EntryKind::Commitment);
        assert_eq!(parsed.org(), Some("Duinoord"));
        assert_eq!(parsed.due(), Some(d(2024, 10, 30)));
        assert_eq!(parsed.title(), "nieuwe bankjes");
        // The one-letter forms too.
        let parsed = parse("T org:Duinoord org:Zorgvliet: nieuwe bankjes");
        assert_eq!(parsed.kind, EntryKind::Commitment);
        assert_eq!(parsed.orgs(), ["Duinoord", "Zorgvliet"]);
        assert_eq!(parsed.title(), "nieuwe bankjes");
        assert_eq!(parse("A @jan: bellen").owner(), Some("jan"));
        assert_eq!(parse("A jan: bellen").kind, EntryKind::Note);
        let parsed = parse("Actie @jan due:vr #groen: snoeien");
        assert_eq!(parsed.owner(), Some("jan"));
        assert_eq!(parsed.theme(), Some("groen"));
        assert_eq!(parsed.title(), "snoeien");
    }

    #[test]
    fn due_said_in_words_is_understood_and_kept() {
        // Today is Wednesday 16 October 2024.
        let cases = [
            (
                "Ingrid regelt de bankjes, voor 1 juli",
                "voor 1 juli",
                d(2025, 7, 1),
            ),
            (
                "bankjes uiterlijk vrijdag.",
                "uiterlijk vrijdag",
                d(2024, 10, 18),
            ),
            (
                "deadline 15 maart: offerte",
                "deadline 15 maart",
                d(2025, 3, 15),
            ),
            (
                "offerte binnen twee weken",
                "binnen twee weken",
                d(2024, 10, 30),
            ),
            ("rapport eind januari klaar", "eind januari", d(2025, 1, 31)),
            ("morgen bellen", "morgen", d(2024, 10, 17)),
            ("call them by friday", "by friday", d(2024, 10, 18)),
            (
                "report before 20 january 2027",
                "before 20 january 2027",
                d(2027, 1, 20),
            ),
            ("bellen over 3 weken", "over 3 weken", d(2024, 11, 6)),
        ];
        for (body, phrase, want) in cases {
            for prefix in ["Actie:", "A:", "Toezegging org:X:"] {
                let line = format!("{prefix} {body}");
                let parsed = parse(&line);
                assert_eq!(parsed.due(), Some(want), "{line}");
                let said: Vec<&str> = parsed
                    .tokens
                    .iter()
                    .filter(|t| matches!(t.kind, TokenKind::SaidDue(_)))
                    .map(|t| &line[t.span.clone()])
                    .collect();
                assert_eq!(said, [phrase], "{line}");
                assert_eq!(
                    parsed.title(),
                    body.split_whitespace().collect::<Vec<_>>().join(" ")
                );
                assert!(
                    parsed.problems().is_empty(),
                    "{line}: {:?}",
                    parsed.problems()
                );
            }
        }
    }

    #[test]
    fn words_that_only_look_like_dates_stay_text() {
        for line in [
            "Actie: bankje voor ma en pa",
            "Actie: praten over 3 bankjes",
            "Actie: voor de buurt",
            "Actie: in de buurt",
            "Actie: voor 15-20 mensen",
            "Besluit: voor 1 juli klaar",
            "Signaal: morgen weer lawaai",
            "gewoon morgen",
        ] {
            assert_eq!(parse(line).due(), None, "{line}");
        }
    }

    #[test]
    fn said_and_typed_due_must_agree() {
        assert!(parse("A: x voor vrijdag due:vr").problems().is_empty());
        let problems = parse("A: x voor 1 juli due:vr").problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .1
                .to_string()
                .starts_with("more than one due date")
        );
    }

    #[test]
    fn a_commitment_may_name_several_organisations() {
        let parsed = parse("T: bankjes org:Duinoord org:Bezuidenhout org:duinoord due:+2w");
        assert_eq!(parsed.orgs(), ["Duinoord", "Bezuidenhout"]);
        assert!(parsed.problems().is_empty());
        // Elsewhere a second organisation is still a slip.
        assert_eq!(parse("A: x org:A org:B").problems().len(), 1);
    }

    fn check_invariants(line: &str) -> Result<(), TestCaseError> {
        let parsed = parse_line(line, today());
        prop_assert_eq!(&parsed.raw, line);
        prop_assert!(parsed.prefix_end <= line.len());
        prop_assert!(line.is_char_boundary(parsed.prefix_end));
        let mut last_end = 0;
        for token in &parsed.tokens {
            let span = token.span.clone();
            prop_assert!(
                span.start >= last_end || last_end == parsed.prefix_end,
                "overlap or out of order: {:?}",
                parsed.tokens
            );
            prop_assert!(span.start < span.end && span.end <= line.len());
            prop_assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
            let text = line[span].to_lowercase();
            let said = matches!(token.kind, TokenKind::SaidDue(_));
            prop_assert!(
                said || ["@", "#", "org:", "due:"]
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
            Just("Actie".to_owned()),
            Just("Toezegging org:x:".to_owned()),
            Just(" voor 1 juli".to_owned()),
            Just(" binnen twee weken".to_owned()),
            Just(" eind ".to_owned()),
            Just("maart".to_owned()),
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
    }
}

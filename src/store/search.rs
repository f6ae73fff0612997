//! Full-text search over every record that holds text: organisations, people, signals,
//! feedback, commitments, actions, meetings and minutes.
//!
//! The index (`search`, FTS5) and the triggers that keep it in step with every
//! write live in `schema/002_search.sql`. What a user types never reaches FTS5 as
//! syntax: [`build_query`] turns any text into a query of quoted words, each matched as
//! a prefix, all required. The words go through the index's own tokenizer
//! (`unicode61 remove_diacritics 2`), so case and accents fold exactly as they did when
//! the text was indexed: "een centraal" finds "Eén centraal".

use super::{OptionalExt, Result, Store, invalid};
use crate::domain::{RecordKind, RecordRef, text};
use rusqlite::Connection;
use serde::Serialize;

/// More words than this is not a search but a pasted paragraph.
pub const MAX_WORDS: usize = 20;

/// Marks around matched words in a snippet, from the private-use area: they never
/// leave this module ([`SearchHit::highlights`] says where the matches are).
const MARK_OPEN: char = '\u{e000}';
const MARK_CLOSE: char = '\u{e001}';

/// What a hit is. The order is the order of the groups in a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Organisation,
    Person,
    Signal,
    Feedback,
    Commitment,
    Action,
    Meeting,
    Minutes,
}

impl SearchKind {
    pub const ALL: [SearchKind; 8] = [
        SearchKind::Organisation,
        SearchKind::Person,
        SearchKind::Signal,
        SearchKind::Feedback,
        SearchKind::Commitment,
        SearchKind::Action,
        SearchKind::Meeting,
        SearchKind::Minutes,
    ];

    /// The kind code in the index's rowids (`id * 16 + code`), as in the migration.
    fn code(self) -> i64 {
        match self {
            SearchKind::Organisation => 1,
            SearchKind::Person => 2,
            SearchKind::Signal => 3,
            SearchKind::Feedback => 4,
            SearchKind::Commitment => 5,
            SearchKind::Action => 6,
            SearchKind::Meeting => 7,
            SearchKind::Minutes => 8,
        }
    }

    fn from_code(code: i64) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.code() == code)
    }

    fn of_record(kind: RecordKind) -> SearchKind {
        match kind {
            RecordKind::Organisation => SearchKind::Organisation,
            RecordKind::Person => SearchKind::Person,
            RecordKind::Signal => SearchKind::Signal,
            RecordKind::Action => SearchKind::Action,
            RecordKind::Commitment => SearchKind::Commitment,
            RecordKind::Meeting => SearchKind::Meeting,
        }
    }

    pub fn code_name(self) -> &'static str {
        match self {
            SearchKind::Organisation => "organisation",
            SearchKind::Person => "person",
            SearchKind::Signal => "signal",
            SearchKind::Feedback => "feedback",
            SearchKind::Commitment => "commitment",
            SearchKind::Action => "action",
            SearchKind::Meeting => "meeting",
            SearchKind::Minutes => "minutes",
        }
    }

    /// The heading of a group of hits.
    pub fn heading(self) -> &'static str {
        match self {
            SearchKind::Organisation => "Organisations",
            SearchKind::Person => "People",
            SearchKind::Signal => "Signals",
            SearchKind::Feedback => "Feedback",
            SearchKind::Commitment => "Commitments",
            SearchKind::Action => "Actions",
            SearchKind::Meeting => "Meetings",
            SearchKind::Minutes => "Minutes",
        }
    }

    /// The heading of a group of hits, in Dutch.
    pub fn heading_nl(self) -> &'static str {
        match self {
            SearchKind::Organisation => "Organisaties",
            SearchKind::Person => "Personen",
            SearchKind::Signal => "Signalen",
            SearchKind::Feedback => "Terugkoppeling",
            SearchKind::Commitment => "Toezeggingen",
            SearchKind::Action => "Acties",
            SearchKind::Meeting => "Overleggen",
            SearchKind::Minutes => "Verslagen",
        }
    }
}

/// One record found. Feedback opens its signal and a minutes line its meeting, so
/// `record` is then the signal's or the meeting's ID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The record to open: "S-42", "O-7", "M-5", …
    pub record: String,
    pub kind: SearchKind,
    /// A name for the record: the signal's title, the person's name, the meeting's title.
    pub title: String,
    /// The text around the match, on one line, without marks.
    pub snippet: String,
    /// Where in `snippet` the matched words are: `[start, end)` in characters.
    pub highlights: Vec<(usize, usize)>,
}

impl SearchHit {
    /// The snippet with `open` and `close` around each match, e.g. `[` and `]`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.snippet.len() + 8);
        for (i, c) in self.snippet.chars().enumerate() {
            if self.highlights.iter().any(|&(s, _)| s == i) {
                out.push_str(open);
            }
            out.push(c);
            if self.highlights.iter().any(|&(_, e)| e == i + 1) {
                out.push_str(close);
            }
        }
        out
    }
}

/// What a typed search becomes: an FTS5 expression of quoted words, and a record ID
/// when one was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// e.g. `"een"* "centraal"*`.
    pub fts: String,
    /// "S-42", "s42" or "S 42" typed: that record comes first.
    pub record: Option<RecordRef>,
}

/// Turn whatever was typed into a valid FTS5 query. Pure: no database needed.
///
/// Control characters are dropped; the text is split at white space and at FTS5's
/// syntax characters (`" ( ) * ^ : { } +`, and `,` `;`); punctuation at either end of a
/// word goes, and pieces without a letter or digit are dropped. Every word left becomes a
/// quoted string matched as a prefix, so FTS5 operators (`AND`, `NEAR`, `col:`) are
/// plain words. All words must match.
///
/// # Errors
/// `StoreError::Invalid` for text without a single letter or digit, and for more than
/// [`MAX_WORDS`] words.
pub fn build_query(input: &str) -> Result<SearchQuery> {
    let cleaned = text::clean_line(input);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(invalid("type a word to search for"));
    }
    // FTS5's own syntax characters separate words; other punctuation stays inside a
    // word, which then matches as a phrase ("S-42", "anna@example.org").
    let words: Vec<&str> = trimmed
        .split(|c: char| c.is_whitespace() || SYNTAX.contains(&c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !is_combining(c)))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        let shown: String = trimmed.chars().take(40).collect();
        return Err(invalid(format!(
            "nothing to search for in {shown}: type a word (letters or digits)"
        )));
    }
    if words.len() > MAX_WORDS {
        return Err(invalid(format!(
            "a search takes at most {MAX_WORDS} words, not {}",
            words.len()
        )));
    }
    let record = id_in(trimmed, &words);
    let fts = words
        .iter()
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ");
    Ok(SearchQuery { fts, record })
}

/// Characters with a meaning in FTS5 queries, and list separators: they split words.
const SYNTAX: &[char] = &['"', '(', ')', '*', '^', ':', '{', '}', '+', ',', ';'];

/// Combining accents belong to the letter before them ("e\u{301}" is "é").
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A record ID typed as the whole query ("S 42") or as one of its words ("S-42").
fn id_in(whole: &str, words: &[&str]) -> Option<RecordRef> {
    std::iter::once(whole)
        .chain(words.iter().copied())
        .find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            // A bare number is not an ID here: it is as likely a house number.
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            RecordRef::parse(w, None).ok()
        })
}

/// Split a snippet with marks into plain text and the character ranges of the matches.
fn unmark(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut plain = String::with_capacity(s.len());
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut n = 0usize;
    for c in s.chars() {
        match c {
            MARK_OPEN => open = Some(n),
            MARK_CLOSE => {
                if let Some(start) = open.take()
                    && start < n
                {
                    ranges.push((start, n));
                }
            }
            '\n' | '\r' | '\t' => {
                plain.push(' ');
                n += 1;
            }
            c => {
                plain.push(c);
                n += 1;
            }
        }
    }
    (plain, ranges)
}

/// The record a row of the index belongs to, with its title; `None` when it is gone.
fn describe(conn: &Connection, kind: SearchKind, id: i64) -> Result<Option<(String, String)>> {
    let (sql, letter) = match kind {
        SearchKind::Organisation => ("SELECT id, name FROM organisation WHERE id = ?1", 'O'),
        SearchKind::Person => (
            "SELECT p.id, p.name || coalesce(' (' || coalesce(o.short_name, o.name) || ')', '')
               FROM person p LEFT JOIN organisation o ON o.id = p.org_id WHERE p.id = ?1",
            'P',
        ),
        SearchKind::Signal => ("SELECT id, title FROM signal WHERE id = ?1", 'S'),
        SearchKind::Feedback => (
            "SELECT s.id, s.title FROM feedback f JOIN signal s ON s.id = f.signal_id WHERE f.id = ?1",
            'S',
        ),
        SearchKind::Commitment => ("SELECT id, text FROM commitment WHERE id = ?1", 'C'),
        SearchKind::Action => ("SELECT id, text FROM action WHERE id = ?1", 'A'),
        SearchKind::Meeting => ("SELECT id, title FROM meeting WHERE id = ?1", 'M'),
        SearchKind::Minutes => (
            "SELECT m.id, m.title FROM minute x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = ?1",
            'M',
        ),
    };
    let row: Option<(i64, String)> = conn
        .prepare_cached(sql)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map(|(rid, title)| (format!("{letter}-{rid}"), title)))
}

impl Store {
    /// Search every kind of record. At most `limit` hits: the best-ranked ones (BM25,
    /// a title counting five times the rest), grouped by kind (in [`SearchKind`] order)
    /// and by rank within a group. A record ID in the query puts
    /// that record first. One hit per record, the best: several matching minutes lines
    /// of one meeting give one hit for the meeting, and feedback that matches better
    /// than its signal stands for the signal.
    ///
    /// # Errors
    /// `StoreError::Invalid` with a message for a query without words (see
    /// [`build_query`]); never an FTS syntax error.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let q = build_query(query)?;
        let limit = limit.max(1);
        let mut first: Option<SearchHit> = None;
        if let Some(r) = q.record {
            let kind = SearchKind::of_record(r.kind);
            if let Some((record, title)) = describe(&self.conn, kind, r.id)? {
                let snippet: String = title.chars().take(80).collect();
                first = Some(SearchHit {
                    record,
                    kind,
                    title,
                    snippet: unmark(&snippet).0,
                    highlights: Vec::new(),
                });
            }
        }
        let mut hits: Vec<SearchHit> = Vec::new();
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, snippet(search, -1, ?2, ?3, '…', 12)
               FROM search WHERE search MATCH ?1
              ORDER BY bm25(search, 5.0, 1.0), rowid
              LIMIT ?4",
        )?;
        // Several rows can open the same record (minutes lines of one meeting).
        let fetch = (limit as i64).saturating_mul(4).min(2000);
        let rows: Vec<(i64, String)> = st
            .query_map(
                rusqlite::params![q.fts, MARK_OPEN.to_string(), MARK_CLOSE.to_string(), fetch],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    ))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        for (rowid, snippet) in rows {
            if hits.len() >= limit {
                break;
            }
            let Some(kind) = SearchKind::from_code(rowid.rem_euclid(16)) else {
                continue;
            };
            let Some((record, title)) = describe(&self.conn, kind, rowid.div_euclid(16))? else {
                continue;
            };
            // One hit per record: feedback opens its signal, minutes their meeting.
            if hits.iter().any(|h| h.record == record)
                || first.as_ref().is_some_and(|f| f.record == record)
            {
                continue;
            }
            let (snippet, highlights) = unmark(&snippet);
            hits.push(SearchHit {
                record,
                kind,
                title,
                snippet,
                highlights,
            });
        }

        // Grouped by kind; the sort is stable, so rank order holds within a group.
        hits.sort_by_key(|h| h.kind);
        let mut out: Vec<SearchHit> = first.into_iter().collect();
        out.extend(hits);
        out.truncate(limit);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fts(s: &str) -> String {
        build_query(s).unwrap().fts
    }

    #[test]
    fn words_become_quoted_prefixes() {
        assert_eq!(fts("een centraal"), "\"een\"* \"centraal\"*");
        assert_eq!(fts("  Eén   CENTRAAL "), "\"Eén\"* \"CENTRAAL\"*");
    }

    #[test]
    fn operators_are_plain_words() {
        assert_eq!(
            fts("stoep AND NOT tegel"),
            "\"stoep\"* \"AND\"* \"NOT\"* \"tegel\"*"
        );
        assert_eq!(fts("NEAR(a b)"), "\"NEAR\"* \"a\"* \"b\"*");
        assert_eq!(fts("title:stoep"), "\"title\"* \"stoep\"*");
        assert_eq!(fts("a\"b"), "\"a\"* \"b\"*");
        assert_eq!(fts("groen - *"), "\"groen\"*");
        assert_eq!(fts("^tegel"), "\"tegel\"*");
        assert_eq!(fts("-stoep."), "\"stoep\"*");
        assert_eq!(
            fts("S-42 anna@example.org"),
            "\"S-42\"* \"anna@example.org\"*"
        );
        assert_eq!(fts("e\u{301}e\u{301}n"), "\"e\u{301}e\u{301}n\"*");
    }

    #[test]
    fn nothing_to_search_is_a_clear_message() {
        for s in ["", "   ", "\0", "*", "\"", "( ) - ^ *", "\u{1b}[\u{7}"] {
            let err = build_query(s).unwrap_err().to_string();
            assert!(err.contains("type a word"), "{s:?}: {err}");
        }
        let many = "woord ".repeat(MAX_WORDS + 1);
        assert!(
            build_query(&many)
                .unwrap_err()
                .to_string()
                .contains("at most")
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(fts("stoep\0tegel"), "\"stoeptegel\"*");
        assert_eq!(fts("a\u{1b}b"), "\"ab\"*");
    }

    #[test]
    fn record_ids_are_recognised() {
        let r = |s: &str| build_query(s).unwrap().record.map(|r| r.to_string());
        assert_eq!(r("S-42").as_deref(), Some("S-42"));
        assert_eq!(r("s42").as_deref(), Some("S-42"));
        assert_eq!(r("S 42").as_deref(), Some("S-42"));
        assert_eq!(r("zie M-5, punt 3").as_deref(), Some("M-5"));
        assert_eq!(r("42"), None);
        assert_eq!(r("stoep"), None);
    }

    #[test]
    fn unmark_finds_ranges() {
        let s = format!("a {MARK_OPEN}één{MARK_CLOSE} b\n{MARK_OPEN}c{MARK_CLOSE}");
        let (plain, ranges) = unmark(&s);
        assert_eq!(plain, "a één b c");
        assert_eq!(ranges, vec![(2, 5), (8, 9)]);
        let hit = SearchHit {
            record: "S-1".into(),
            kind: SearchKind::Signal,
            title: String::new(),
            snippet: plain,
            highlights: ranges,
        };
        assert_eq!(hit.marked("[", "]"), "a [één] b [c]");
    }

    /// `"…"* "…"*`: quoted strings (inner quotes doubled), each followed by `*`,
    /// separated by single spaces, and nothing else.
    fn is_quoted_words(f: &str) -> bool {
        let mut chars = f.chars().peekable();
        loop {
            if chars.next() != Some('"') {
                return false;
            }
            loop {
                match chars.next() {
                    None => return false,
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                }
            }
            if chars.next() != Some('*') {
                return false;
            }
            match chars.next() {
                None => return true,
                Some(' ') => {}
                Some(_) => return false,
            }
        }
    }

    #[test]
    fn quoted_words_checker() {
        assert!(is_quoted_words("\"a\"* \"b\"\"c\"*"));
        assert!(!is_quoted_words("\"a\" OR \"b\"*"));
        assert!(!is_quoted_words("a*"));
    }

    proptest! {
        #[test]
        fn every_query_is_quoted_words(s in any::<String>()) {
            if let Ok(q) = build_query(&s) {
                prop_assert!(is_quoted_words(&q.fts), "{:?}", q.fts);
            }
        }

        #[test]
        fn hostile_pieces_make_quoted_words(parts in proptest::collection::vec(
            prop_oneof![
                Just("\""), Just("*"), Just("NEAR"), Just("("), Just(")"), Just("AND"), Just("OR"),
                Just("-"), Just("^"), Just("col:"), Just("\0"), Just("één"), Just("x"), Just(" "), Just(":")
            ], 0..12)) {
            let s: String = parts.concat();
            if let Ok(q) = build_query(&s) {
                prop_assert!(is_quoted_words(&q.fts));
            }
        }
    }
}

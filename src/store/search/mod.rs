//! Full-text search over every record that holds text: organisations, people, signals,
//! feedback, commitments, actions, meetings and minutes.
//!
//! The index (`search`, FTS5) and the triggers that keep it in step with every
//! write live in `schema/002_search.sql`, keyed by kind and newest first since
//! `schema/005_search_vocab.sql`. What a user types never reaches FTS5 as syntax:
//! [`build_query`] turns any text into a query of quoted words, each matched as a prefix,
//! all required. The words go through the index's own tokenizer (`unicode61
//! remove_diacritics 2`), so case and accents fold exactly as they did when the text was
//! indexed: "een centraal" finds "Eén centraal".
//!
//! A search reads a bounded number of rows whatever is typed, so that it answers within
//! milliseconds at 100,000 signals and a million minutes lines: see the notes above
//! `KIND_SHIFT` for how.

mod plan;
mod query;

use super::{OptionalExt, Result, Store, invalid};
use crate::domain::{RecordKind, RecordRef, text};
use plan::*;
use query::*;
pub use query::{SearchQuery, build_query};
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

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

/// A text column's value, `""` for anything else.
pub(super) fn text(v: ValueRef<'_>) -> &str {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or_default(),
        _ => "",
    }
}

/// The records behind rows of the index of one kind: by row id, the record to open
/// and its title. Rows whose record is gone, and erased people, are missing.
fn describe(
    conn: &Connection,
    kind: SearchKind,
    ids: &[i64],
) -> Result<HashMap<i64, (String, String)>> {
    let (sql, letter) = match kind {
        SearchKind::Organisation => (
            "SELECT id, id, name FROM organisation WHERE id IN (SELECT value FROM json_each(?1))",
            'O',
        ),
        SearchKind::Person => (
            "SELECT p.id, p.id, p.name || coalesce(' (' || coalesce(o.short_name, o.name) || ')', '')
               FROM person p LEFT JOIN organisation o ON o.id = p.org_id
              WHERE p.id IN (SELECT value FROM json_each(?1)) AND p.erased_at IS NULL",
            'P',
        ),
        SearchKind::Signal => (
            "SELECT id, id, title FROM signal WHERE id IN (SELECT value FROM json_each(?1))",
            'S',
        ),
        SearchKind::Feedback => (
            "SELECT f.id, s.id, s.title FROM feedback f JOIN signal s ON s.id = f.signal_id
              WHERE f.id IN (SELECT value FROM json_each(?1))",
            'S',
        ),
        SearchKind::Commitment => (
            "SELECT id, id, text FROM commitment WHERE id IN (SELECT value FROM json_each(?1))",
            'C',
        ),
        SearchKind::Action => (
            "SELECT id, id, text FROM action WHERE id IN (SELECT value FROM json_each(?1))",
            'A',
        ),
        SearchKind::Meeting => (
            "SELECT id, id, title FROM meeting WHERE id IN (SELECT value FROM json_each(?1))",
            'M',
        ),
        SearchKind::Minutes => (
            "SELECT x.id, m.id, m.title FROM minute x JOIN meeting m ON m.id = x.meeting_id
              WHERE x.id IN (SELECT value FROM json_each(?1))",
            'M',
        ),
    };
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([json_ids(ids)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = HashMap::with_capacity(ids.len());
    for row in rows {
        let (id, rid, title) = row?;
        out.insert(id, (format!("{letter}-{rid}"), title));
    }
    Ok(out)
}

/// `[1,2,3]`, for `json_each`.
fn json_ids(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// Snippets for rows of the index that `fts` matches, by rowid.
fn snippets(conn: &Connection, fts: &str, rowids: &[i64]) -> Result<HashMap<i64, String>> {
    let (Some(&lo), Some(&hi)) = (rowids.iter().min(), rowids.iter().max()) else {
        return Ok(HashMap::new());
    };
    // The LIMIT ends the statement at the last row wanted: FTS5 would otherwise look on
    // for a next match past the range (see `walk`).
    let mut st = conn.prepare_cached(
        "SELECT rowid, snippet(search, -1, ?2, ?3, '…', 12)
           FROM search WHERE search MATCH ?1 AND rowid BETWEEN ?4 AND ?5
            AND +rowid IN (SELECT value FROM json_each(?6))
          LIMIT ?7",
    )?;
    let rows = st.query_map(
        rusqlite::params![
            fts,
            MARK_OPEN.to_string(),
            MARK_CLOSE.to_string(),
            lo,
            hi,
            json_ids(rowids),
            rowids.len() as i64
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        },
    )?;
    rows.collect::<rusqlite::Result<_>>().map_err(Into::into)
}

/// A quoted FTS5 string.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Store {
    /// Search every kind of record. At most `limit` hits: the best-ranked ones, grouped by
    /// kind (in [`SearchKind`] order) and by rank within a group. A record ID in the
    /// query puts that record first. One hit per record, the best: several matching
    /// minutes lines of one meeting give one hit for the meeting, and feedback that
    /// matches better than its signal stands for the signal.
    ///
    /// Ranking is BM25 without its IDF part, a title counting five times the rest, over
    /// the newest matches of each kind (up to `limit` per kind); among equals the newest
    /// comes first. A common word ("de") is thus ranked among its most recent matches,
    /// which keeps a search within milliseconds at 100,000 signals and a million minutes
    /// lines (see the notes in this module's source).
    ///
    /// # Errors
    /// `StoreError::Invalid` with a message for a query without words (see
    /// [`build_query`]); never an FTS syntax error.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        Ok(self.search_within(query, limit, None)?.0)
    }

    /// [`Store::search`], giving up on the kinds not yet read when `time` has passed:
    /// the hits found so far, and whether every kind was read. For search as you type,
    /// where a key must never wait long.
    ///
    /// # Errors
    /// As [`Store::search`].
    pub fn search_within(
        &self,
        query: &str,
        limit: usize,
        time: Option<std::time::Duration>,
    ) -> Result<(Vec<SearchHit>, bool)> {
        let deadline = time.map(|t| Instant::now() + t);
        let q = build_query(query)?;
        let limit = limit.max(1);
        let conn = &self.conn;

        // A record ID typed: that record first.
        let mut first: Option<SearchHit> = None;
        if let Some(r) = q.record {
            let kind = SearchKind::of_record(r.kind);
            if let Some((record, title)) = describe(conn, kind, &[r.id])?.remove(&r.id) {
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
        let want = limit - usize::from(first.is_some());
        if want == 0 || q.words.is_empty() {
            return Ok((first.into_iter().collect(), true));
        }

        let plan = Plan::new(conn, &q)?;
        if plan.nothing {
            return Ok((first.into_iter().collect(), true));
        }
        let budget = want.saturating_mul(2).saturating_add(100);
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut complete = true;
        // No row matches below this rowid: a kind's walk may have found the next match
        // several kinds on.
        let mut none_below = 0;
        for kind in SearchKind::ALL {
            if none_below > kind.rowids().1 {
                continue;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                complete = false;
                break;
            }
            let mut w = walk(conn, kind, &plan, true, want, budget)?;
            if w.gave_up || (w.read >= budget && w.records < want && w.rejected * 2 >= w.read) {
                // The check passed over most rows read: the word is rare among those
                // that share its first letters. The exact query, at whatever cost.
                w = walk(conn, kind, &plan, false, want, budget)?;
            }
            if let Some(next) = w.next {
                none_below = next;
            }
            candidates.extend(w.found);
        }

        // Rank: BM25 without IDF, the average length taken over the rows read; newest
        // first among equals.
        let n = candidates.len().max(1) as f64;
        let avg_len = candidates
            .iter()
            .map(|c| c.title.1 + c.body.1)
            .sum::<usize>() as f64
            / n;
        for c in &mut candidates {
            c.score = score(c, avg_len);
        }
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.kind.cmp(&b.kind))
                .then(a.rowid.cmp(&b.rowid))
        });

        // The records behind the best rows, a few more than needed at a time (one
        // statement per kind): most rows read are never shown.
        let mut kept: Vec<(&Candidate, String, String)> = Vec::new();
        let mut seen: HashSet<String> = first.iter().map(|f| f.record.clone()).collect();
        let mut next = 0;
        while kept.len() < want && next < candidates.len() {
            let size = (want - kept.len()).saturating_mul(2).max(16);
            let chunk = &candidates[next..(next + size).min(candidates.len())];
            next += chunk.len();
            let mut records: HashMap<(SearchKind, i64), (String, String)> = HashMap::new();
            for kind in SearchKind::ALL {
                let ids: Vec<i64> = chunk
                    .iter()
                    .filter(|c| c.kind == kind)
                    .map(|c| c.id)
                    .collect();
                if !ids.is_empty() {
                    for (id, r) in describe(conn, kind, &ids)? {
                        records.insert((kind, id), r);
                    }
                }
            }
            // One hit per record, the best.
            for c in chunk {
                if kept.len() >= want {
                    break;
                }
                let Some((record, title)) = records.remove(&(c.kind, c.id)) else {
                    continue;
                };
                if seen.insert(record.clone()) {
                    kept.push((c, record, title));
                }
            }
        }

        // Snippets for the hits kept, one statement per kind. A word looked up through
        // its first letters is asked for as the words of those rows that start with it,
        // so that only they are marked.
        let mut snips: HashMap<i64, String> = HashMap::new();
        for kind in SearchKind::ALL {
            let rows: Vec<&Candidate> = kept
                .iter()
                .filter(|(c, _, _)| c.kind == kind)
                .map(|(c, _, _)| *c)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let fts = if plan.any_wide() {
                let parts: Vec<String> = plan
                    .words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let mut alts: Vec<String> = Vec::new();
                        if plan.wide(i) {
                            for c in &rows {
                                for t in &c.found[i] {
                                    let t = quote(t);
                                    if !alts.contains(&t) {
                                        alts.push(t);
                                    }
                                }
                            }
                        }
                        match (plan.wide(i), alts.is_empty()) {
                            (false, _) => plan.parts[i].clone(),
                            (true, true) => w.fts.clone(),
                            (true, false) => format!("({})", alts.join(" OR ")),
                        }
                    })
                    .collect();
                // FTS5 joins a group in brackets to a phrase only with an explicit AND.
                parts.join(" AND ")
            } else {
                plan.exact(conn)?.to_string()
            };
            let rowids: Vec<i64> = rows.iter().map(|c| c.rowid).collect();
            snips.extend(snippets(conn, &fts, &rowids)?);
        }

        let mut hits: Vec<SearchHit> = kept
            .into_iter()
            .map(|(c, record, title)| {
                let (snippet, highlights) = unmark(snips.get(&c.rowid).map_or("", String::as_str));
                SearchHit {
                    record,
                    kind: c.kind,
                    title,
                    snippet,
                    highlights,
                }
            })
            .collect();
        // Grouped by kind; the sort is stable, so rank order holds within a group.
        hits.sort_by_key(|h| h.kind);
        let mut out: Vec<SearchHit> = first.into_iter().collect();
        out.extend(hits);
        Ok((out, complete))
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
        assert_eq!(fts("NEAR(ab cd)"), "\"NEAR\"* \"ab\"* \"cd\"*");
        assert_eq!(fts("title:stoep"), "\"title\"* \"stoep\"*");
        assert_eq!(fts("ab\"cd"), "\"ab\"* \"cd\"*");
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
    fn single_letters_are_left_out() {
        // A prefix of one letter would merge the index's lists for every word with it.
        assert_eq!(fts("een c"), "\"een\"*");
        assert_eq!(fts("blok A 12"), "\"blok\"* \"12\"*");
        assert_eq!(fts("J. de Vries"), "\"de\"* \"Vries\"*");
        // The last part of a word of several is matched whole when it is one letter.
        assert_eq!(fts("S-4"), "\"S-4\"");
        assert_eq!(fts("S-42"), "\"S-42\"*");
        assert_eq!(fts("de"), "\"de\"*");
        // Single letters only are no search at all, but a clear message ...
        for s in ["d", "S", "S-", "é", "e\u{301}", " 4 ", "(x)", "a b"] {
            let err = build_query(s).unwrap_err().to_string();
            assert!(err.contains("two letters"), "{s:?}: {err}");
        }
        // ... unless they make a record ID.
        let q = build_query("S 4").unwrap();
        assert_eq!(
            (q.fts.as_str(), q.record.map(|r| r.to_string())),
            ("", Some("S-4".into()))
        );
    }

    #[test]
    fn long_words_fold_like_the_index() {
        let w = |s: &str| Word::new(s).folded;
        assert_eq!(w("Speeltuin").as_deref(), Some("speeltuin"));
        assert_eq!(w("coördinatie").as_deref(), Some("coordinatie"));
        assert_eq!(w("e\u{301}e\u{301}n").as_deref(), Some("een"));
        // Letters the index keeps as they are, and phrases, are not folded here.
        assert_eq!(w("straße"), None);
        assert_eq!(w("Ørsted"), None);
        assert_eq!(w("S-42"), None);
        assert_eq!(Word::new("speelt").matches("Speeltuin"), Some(true));
        assert_eq!(Word::new("speelt").matches("spelen"), Some(false));
        assert_eq!(Word::new("cafe").matches("Café"), Some(true));
        assert_eq!(Word::new("a").matches("ab"), Some(false));
        assert_eq!(Word::new("S-42").matches("s"), None);
    }

    /// The fold here and the index's tokenizer agree on every letter of Latin-1 and
    /// Latin Extended-A, capital or small: a word that folds to ASCII here is the term
    /// the index holds.
    #[test]
    fn fold_agrees_with_the_index_tokenizer() {
        let conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = \"unicode61 remove_diacritics 2\");
             CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);",
        )
        .expect("tables");
        let letters: Vec<char> = ('\u{c0}'..='\u{17f}')
            .filter(|c| c.is_alphanumeric())
            .collect();
        for (i, c) in letters.iter().enumerate() {
            conn.execute(
                "INSERT INTO t (rowid, x) VALUES (?1, ?2)",
                rusqlite::params![i as i64 + 1, format!("q{c}q")],
            )
            .expect("insert");
        }
        let mut st = conn.prepare("SELECT doc, term FROM v").expect("prepare");
        let terms: Vec<(i64, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert_eq!(terms.len(), letters.len());
        for (doc, term) in terms {
            let c = letters[doc as usize - 1];
            assert_eq!(fold(&format!("q{c}q")), term, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn marked_counts_tokens_and_spans() {
        let s = format!(
            "De {MARK_OPEN}speeltuin{MARK_CLOSE}, e\u{301}e\u{301}n {MARK_OPEN}Speelt{MARK_CLOSE}!"
        );
        assert_eq!(marked(&s), (4, vec!["speeltuin", "Speelt"]));
        assert_eq!(marked(""), (0, vec![]));
    }

    #[test]
    fn rowids_are_grouped_by_kind_newest_first() {
        for kind in SearchKind::ALL {
            let (lo, hi) = kind.rowids();
            let rowid = ((kind.code() + 1) << KIND_SHIFT) - 42;
            assert!(lo <= rowid && rowid <= hi);
            assert_eq!(decode(rowid), Some((kind, 42)));
            assert!(
                rowid < ((kind.code() + 1) << KIND_SHIFT) - 41,
                "newer is lower"
            );
        }
        assert_eq!(decode(0), None);
        assert_eq!(decode(9 << KIND_SHIFT), None);
    }

    /// An index as the migrations build it, in memory: `n` signals, each with `text`
    /// and a word of its own.
    fn index_of(texts: &[(usize, &str)]) -> Connection {
        let conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE VIRTUAL TABLE search USING fts5(title, body,
                 tokenize = \"unicode61 remove_diacritics 2\", prefix = '2 3');
             CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, instance);",
        )
        .expect("tables");
        let mut id = 0;
        for (n, text) in texts {
            for _ in 0..*n {
                id += 1;
                conn.execute(
                    "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, 'melding')",
                    rusqlite::params![((SearchKind::Signal.code() + 1) << KIND_SHIFT) - id, text],
                )
                .expect("insert");
            }
        }
        conn
    }

    /// A long word whose first letters are common is walked through those letters and
    /// checked row by row, without listing the index's words that start with it (each
    /// seek past a common word in that list reads the word's whole list); a word no
    /// word of the index starts with is nothing at once.
    #[test]
    fn a_common_head_is_walked_not_listed() {
        let conn = index_of(&[
            (WIDE_FROM as usize, "wij wijkagent"),
            (10, "wijkteam speeltuin"),
            (
                5,
                "wijkraad wijkbudget wijkcentrum wijkkrant wijkfeest wijkavond",
            ),
        ]);
        // Two words start with "wijka": listing them took a seek past each.
        let q = build_query("wijka").expect("query");
        let plan = Plan::new(&conn, &q).expect("plan");
        assert!(matches!(plan.forms[0], Form::Wide), "{:?}", plan.forms);
        assert!(!plan.nothing);
        assert_eq!(plan.walk, "\"wij\"*");
        let q = build_query("wijkz").expect("query");
        assert!(Plan::new(&conn, &q).expect("plan").nothing);
        // Few rows with those letters: the word as typed.
        let q = build_query("speel").expect("query");
        assert!(matches!(
            Plan::new(&conn, &q).expect("plan").forms[0],
            Form::Typed
        ));
    }

    /// A kind's walk reads at most `budget` rows and stops at `want` records, however
    /// many rows match: a common word costs the same as a rare one.
    #[test]
    fn a_walk_is_capped() {
        let conn = index_of(&[(3000, "de wijk")]);
        let q = build_query("de").expect("query");
        let plan = Plan::new(&conn, &q).expect("plan");
        let w = walk(&conn, SearchKind::Signal, &plan, true, 50, 200).expect("walk");
        assert_eq!((w.read, w.records, w.found.len()), (50, 50, 50));
        // Newest first: the highest ids.
        assert_eq!(w.found[0].id, 3000);
        assert_eq!(w.found[49].id, 2951);
        let w = walk(&conn, SearchKind::Signal, &plan, true, 5000, 200).expect("walk");
        assert_eq!(w.read, 200);
        assert_eq!(w.next, None, "stopped at the budget, not at the end");
        // No rows of another kind were read.
        let w = walk(&conn, SearchKind::Organisation, &plan, true, 50, 200).expect("walk");
        assert_eq!(w.read, 0);
    }

    /// Spellings with kept letters are found where the letter is among the first three
    /// (looked up in the prefix index) and further on (in the list of words).
    #[test]
    fn kept_spellings_near_and_far() {
        let conn = index_of(&[(3, "Łódź"), (3, "Straße"), (3, "het lodz")]);
        assert_eq!(
            kept_spellings(&conn, "lodz", false).expect("spellings"),
            vec!["łodz".to_string()]
        );
        assert_eq!(
            kept_spellings(&conn, "strasse", false).expect("spellings"),
            vec!["straße".to_string()]
        );
        assert_eq!(
            kept_spellings(&conn, "strass", true).expect("spellings"),
            vec!["straß".to_string()]
        );
        assert!(
            kept_spellings(&conn, "het", true)
                .expect("spellings")
                .is_empty()
        );
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

    /// `"…"* "…"`: quoted strings (inner quotes doubled), each followed by `*` or not,
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
            let mut next = chars.next();
            if next == Some('*') {
                next = chars.next();
            }
            match next {
                None => return true,
                Some(' ') => {}
                Some(_) => return false,
            }
        }
    }

    #[test]
    fn quoted_words_checker() {
        assert!(is_quoted_words("\"a\"* \"b\"\"c\"*"));
        assert!(is_quoted_words("\"a\" \"bc\"*"));
        assert!(!is_quoted_words("\"a\"** \"b\""));
        assert!(!is_quoted_words("\"a\" OR \"b\"*"));
        assert!(!is_quoted_words("a*"));
    }

    proptest! {
        #[test]
        fn every_query_is_quoted_words(s in any::<String>()) {
            if let Ok(q) = build_query(&s) {
                // Nothing but a record ID ("S 4") leaves no words.
                let id_only = q.fts.is_empty() && q.record.is_some();
                prop_assert!(id_only || is_quoted_words(&q.fts), "{:?}", q.fts);
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

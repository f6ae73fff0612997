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

use super::{OptionalExt, Result, Store, invalid};
use crate::domain::{RecordKind, RecordRef, text};
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

/// What a typed search becomes: an FTS5 expression of quoted words, and a record ID
/// when one was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// e.g. `"een"* "centraal"*`: what the whole query means to FTS5.
    pub fts: String,
    /// "S-42", "s42" or "S 42" typed: that record comes first.
    pub record: Option<RecordRef>,
    words: Vec<Word>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    /// As FTS5 gets it: `"stoep"*`; a single letter or digit is a whole word, `"a"`.
    fts: String,
    /// The word as the index folds it (lowercase, accents off, see [`fold`]) when it is
    /// one token of letters and digits that folds to plain ASCII; `None` otherwise.
    folded: Option<String>,
    /// Matched as the start of a word (`*`).
    prefix: bool,
}

impl Word {
    fn new(w: &str) -> Word {
        let quoted = format!("\"{}\"", w.replace('"', "\"\""));
        let pieces: Vec<&str> = w
            .split(|c: char| !is_token_char(c))
            .filter(|p| !p.is_empty())
            .collect();
        let last = pieces
            .last()
            .map_or(0, |p| p.chars().filter(|&c| !is_combining(c)).count());
        // A prefix of one letter would make FTS5 merge the lists of every word that
        // starts with it (a million rows for "d"): one letter is a word of its own.
        let prefix = last >= 2;
        let folded = if pieces.len() == 1 {
            Some(fold(w)).filter(|f| f.bytes().all(|b| b.is_ascii_alphanumeric()))
        } else {
            None
        };
        Word {
            fts: if prefix { quoted + "*" } else { quoted },
            folded,
            prefix,
        }
    }

    /// Whether one token of a record (as it is in the record) is a match for this word.
    fn matches(&self, token: &str) -> Option<bool> {
        let want = self.folded.as_deref()?;
        let got = fold(token);
        Some(if self.prefix {
            got.starts_with(want)
        } else {
            got == want
        })
    }
}

/// Turn whatever was typed into a valid FTS5 query. Pure: no database needed.
///
/// Control characters are dropped; the text is split at white space and at FTS5's
/// syntax characters (`" ( ) * ^ : { } +`, and `,` `;`); punctuation at either end of a
/// word goes, and pieces without a letter or digit are dropped. Every word left becomes a
/// quoted string matched as a prefix, so FTS5 operators (`AND`, `NEAR`, `col:`) are plain
/// words. All words must match. Single letters and digits are left out; a word whose
/// last part is one ("S-4") is matched whole.
///
/// # Errors
/// `StoreError::Invalid` for text without a single letter or digit, for single letters
/// and digits only (unless they make a record ID, "S 4"), and for more than
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
    // A single letter or digit is left out: as a prefix it would make FTS5 merge the
    // lists of every word that starts with it (a million rows for "d"), as a word it
    // matches little that was meant, and it is mostly the start of the next word typed.
    let single = |w: &&str| w.chars().filter(|&c| !is_combining(c)).count() < 2;
    if record.is_none() && words.iter().all(single) {
        return Err(invalid(format!(
            "type a word of two letters or more to search for, not just {}",
            words.join(" ")
        )));
    }
    let words: Vec<Word> = words
        .into_iter()
        .filter(|w| !single(w))
        .map(Word::new)
        .collect();
    let fts = words
        .iter()
        .map(|w| w.fts.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(SearchQuery { fts, record, words })
}

/// Characters with a meaning in FTS5 queries, and list separators: they split words.
const SYNTAX: &[char] = &['"', '(', ')', '*', '^', ':', '{', '}', '+', ',', ';'];

/// Combining accents belong to the letter before them ("e\u{301}" is "é").
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A character of a token for the index's tokenizer: letters, digits and the accents
/// on them; anything else separates tokens.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Text as the index folds it (`unicode61 remove_diacritics 2`): lowercase, combining
/// accents dropped, and the accented Latin letters it folds made plain. Letters it keeps
/// as they are (ø, ß, ł, æ, đ, …) stay, unlike `domain::minutes::fold`: a word that is
/// plain ASCII here is the very term the index holds.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_combining(c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
            'ĥ' => 'h',
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => 'i',
            'ĵ' => 'j',
            'ķ' => 'k',
            'ĺ' | 'ļ' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ŏ' | 'ő' => 'o',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => 's',
            'ţ' | 'ť' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'ŵ' => 'w',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        })
        .collect()
}

/// The tokens of a text: runs of letters, digits and accents.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_token_char(c))
        .filter(|t| !t.is_empty())
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

/// A column as `highlight()` gives it: how many tokens it has, and the marked pieces.
fn marked(s: &str) -> (usize, Vec<&str>) {
    let mut n = 0;
    let mut spans = Vec::new();
    let mut in_token = false;
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            MARK_OPEN => open = Some(i + c.len_utf8()),
            MARK_CLOSE => {
                if let Some(start) = open.take() {
                    spans.push(&s[start..i]);
                }
            }
            c => {
                let t = is_token_char(c);
                if t && !in_token {
                    n += 1;
                }
                in_token = t;
            }
        }
    }
    (n, spans)
}

// ---------------------------------------------------------------------------------
// How a search stays within milliseconds at 100,000 signals and a million minutes lines.
//
// The index is keyed by kind first, newest first (schema/005_search_vocab.sql): a row's
// rowid is `((code + 1) << 40) - id`, so each kind is one range of rowids, and walking a
// range in ascending order (what FTS5 does cheaply, stopping at a LIMIT) meets the
// newest records first. A search reads a bounded number of rows per kind:
//
// 1. Every word becomes something FTS5 can walk lazily. A whole word is one list and a
//    prefix of two or three letters is in the index's prefix index, but a longer prefix
//    ("speel") makes FTS5 merge the lists of every word that starts with it before it
//    returns a single row, each time a statement starts (6 ms for "speel", 16 ms for
//    "bewo"). So when the word's first three letters match `WIDE_FROM` rows or more, the
//    words of the index that start with it are looked up in `search_vocab`: up to
//    `FEW_TERMS` of them are asked for by name (`"speeltuin" OR "speeltuinen"`); with
//    more, the word is looked for through its first three letters ("spe"*) and each
//    row is checked here for a token that starts with the whole word. A single letter
//    is a whole word, never a prefix, and alone it is no query at all.
// 2. Per kind, the newest rows that match, until they stand for `want` records or
//    `budget` rows were read, with `highlight()`, so that the check and the ranking
//    need no further reads. A kind where the check passed over most rows is read once
//    more with the exact query (the words by name, up to `MAX_TERMS`).
// 3. The rows are ranked by BM25 as FTS5 computes it but without its IDF factor: that
//    factor needs a count of every row that holds each word (all 610,000 rows for
//    "de"), which, with ranking every match, made a common word take half a second.
//    Newest first among equals.
// 4. The records behind the best rows are looked up a few more than needed at a time,
//    one statement per kind, and only the hits kept get a snippet, one statement per
//    kind.
// ---------------------------------------------------------------------------------

/// Where the kinds' ranges of rowids start: `code << KIND_SHIFT`.
const KIND_SHIFT: u32 = 40;

/// A word's first three letters that match this many rows or more are looked up
/// lazily and checked here; fewer, and the exact prefix is cheap enough.
const WIDE_FROM: i64 = 2000;

/// A word whose first three letters are common is asked for as the words of the index
/// that start with it when there are at most this many ...
const FEW_TERMS: usize = 6;
/// ... and, where the check passed over too many rows, at most this many.
const MAX_TERMS: usize = 32;
/// A kind's walk stops when the check passed over this many rows, four times as many as
/// it kept: the exact query is cheaper then.
const GIVE_UP: usize = 64;

/// BM25's parameters, and the weight of a title (as `bm25(search, 5.0, 1.0)` had it).
const K1: f64 = 1.2;
const B: f64 = 0.75;
const TITLE_WEIGHT: f64 = 5.0;

impl SearchKind {
    /// The rowids of this kind's rows in the index, first and last.
    fn rowids(self) -> (i64, i64) {
        let c = self.code();
        ((c << KIND_SHIFT) + 1, ((c + 1) << KIND_SHIFT) - 1)
    }
}

/// The kind and id of a row of the index.
fn decode(rowid: i64) -> Option<(SearchKind, i64)> {
    let kind = SearchKind::from_code(rowid >> KIND_SHIFT)?;
    Some((kind, ((kind.code() + 1) << KIND_SHIFT) - rowid))
}

/// How one word is asked of the index.
#[derive(Debug)]
enum Form {
    /// As typed (`Word::fts`).
    Typed,
    /// As the few words of the index that start with it: `"speeltuin" OR "speeltuinen"`.
    Terms(Vec<String>),
    /// Through its first three letters (`"spe"*`), each row checked here for a token that
    /// starts with the whole word.
    Wide,
}

/// How a query is run: the expression the kinds are walked with, and the words checked
/// here.
struct Plan<'q> {
    words: &'q [Word],
    forms: Vec<Form>,
    /// Per word, how it is asked for in the walk.
    parts: Vec<String>,
    /// The FTS5 expression the kinds are walked with.
    walk: String,
    /// The exact query, for a kind where the check passed over too many rows: words
    /// looked up through their first letters as the words of the index that start with
    /// them when there are few enough, else as typed (which makes FTS5 merge them).
    exact: std::cell::OnceCell<String>,
    /// Some word matches nothing in the index.
    nothing: bool,
}

/// `("a" OR "b")`.
fn any_of(terms: &[String]) -> String {
    let quoted: Vec<String> = terms.iter().map(|t| quote(t)).collect();
    format!("({})", quoted.join(" OR "))
}

impl<'q> Plan<'q> {
    fn new(conn: &Connection, q: &'q SearchQuery) -> Result<Plan<'q>> {
        let mut forms = Vec::with_capacity(q.words.len());
        let mut parts = Vec::with_capacity(q.words.len());
        let mut nothing = false;
        for w in &q.words {
            let form = match &w.folded {
                Some(f) if w.prefix && f.len() > 3 => {
                    let head = format!("\"{}\"*", &f[..3]);
                    let n: i64 = conn
                        .prepare_cached(
                            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 LIMIT ?2)",
                        )?
                        .query_row(rusqlite::params![head, WIDE_FROM], |r| r.get(0))?;
                    if n < WIDE_FROM {
                        // Few rows share its first letters: merging its words is cheap.
                        Form::Typed
                    } else {
                        match terms_with(conn, f, FEW_TERMS)? {
                            Some(terms) => {
                                nothing |= terms.is_empty();
                                Form::Terms(terms)
                            }
                            None => Form::Wide,
                        }
                    }
                }
                _ => Form::Typed,
            };
            parts.push(match &form {
                Form::Typed => w.fts.clone(),
                Form::Terms(terms) if terms.is_empty() => w.fts.clone(),
                Form::Terms(terms) => any_of(terms),
                Form::Wide => format!("\"{}\"*", &w.folded.as_deref().unwrap_or_default()[..3]),
            });
            forms.push(form);
        }
        Ok(Plan {
            words: &q.words,
            forms,
            // FTS5 joins a group in brackets to a phrase only with an explicit AND.
            walk: parts.join(" AND "),
            parts,
            exact: std::cell::OnceCell::new(),
            nothing,
        })
    }

    fn wide(&self, i: usize) -> bool {
        matches!(self.forms[i], Form::Wide)
    }

    fn any_wide(&self) -> bool {
        self.forms.iter().any(|f| matches!(f, Form::Wide))
    }

    /// The exact query (see `exact`), worked out when first needed.
    fn exact(&self, conn: &Connection) -> Result<&str> {
        if let Some(e) = self.exact.get() {
            return Ok(e);
        }
        let mut parts = Vec::with_capacity(self.words.len());
        for (w, form) in self.words.iter().zip(&self.forms) {
            parts.push(match form {
                Form::Typed => w.fts.clone(),
                Form::Terms(terms) if terms.is_empty() => w.fts.clone(),
                Form::Terms(terms) => any_of(terms),
                Form::Wide => {
                    match terms_with(conn, w.folded.as_deref().unwrap_or_default(), MAX_TERMS)? {
                        Some(terms) if !terms.is_empty() => any_of(&terms),
                        _ => w.fts.clone(),
                    }
                }
            });
        }
        Ok(self.exact.get_or_init(|| parts.join(" AND ")))
    }
}

/// The words of the index that start with `prefix` (plain ASCII), in order, when there
/// are at most `max`; `None` when there are more. One short seek each, in the index's
/// list of words (`search_vocab`), which also reads no row.
fn terms_with(conn: &Connection, prefix: &str, max: usize) -> Result<Option<Vec<String>>> {
    let mut end = prefix.to_string();
    let Some(last) = end.pop() else {
        return Ok(None);
    };
    end.push(char::from(last as u8 + 1));
    let mut st = conn
        .prepare_cached("SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")?;
    let mut out = Vec::new();
    let mut from = prefix.to_string();
    while let Some(term) = st
        .query_row([&from, &end], |r| r.get::<_, String>(0))
        .optional()?
    {
        if out.len() == max {
            return Ok(None);
        }
        // The next word after this one: nothing sorts between "term" and "term\u{1}".
        from = format!("{term}\u{1}");
        out.push(term);
    }
    Ok(Some(out))
}

/// A row of the index that matches, with what ranking it needs.
struct Candidate {
    rowid: i64,
    kind: SearchKind,
    id: i64,
    /// Matches and tokens in the title and in the rest.
    title: (usize, usize),
    body: (usize, usize),
    /// For words looked up through their first letters: the tokens of this row that
    /// matched them, as written, for its snippet.
    found: Vec<Vec<String>>,
    score: f64,
}

impl Candidate {
    /// `None` when `check` is set and the row lacks a word looked up through its first
    /// letters.
    fn read(rowid: i64, title: &str, body: &str, plan: &Plan, check: bool) -> Option<Candidate> {
        let (kind, id) = decode(rowid)?;
        let (tn, tspans) = marked(title);
        let (bn, bspans) = marked(body);
        let mut found: Vec<Vec<String>> = Vec::new();
        let (mut tm, mut bm) = (tspans.len(), bspans.len());
        if plan.any_wide() {
            found = vec![Vec::new(); plan.words.len()];
            // A mark counts when one of its tokens matches a word, or when some word
            // cannot be checked here (a phrase such as "S-42").
            let unchecked = plan.words.iter().any(|w| w.folded.is_none());
            let mut count = |spans: &[&str]| {
                let mut n = 0;
                for span in spans {
                    let mut hit = unchecked;
                    for t in tokens(span) {
                        for (i, w) in plan.words.iter().enumerate() {
                            if w.matches(t) == Some(true) {
                                hit = true;
                                if plan.wide(i) && !found[i].iter().any(|f| f == t) {
                                    found[i].push(t.to_string());
                                }
                            }
                        }
                    }
                    n += usize::from(hit);
                }
                n
            };
            tm = count(&tspans);
            bm = count(&bspans);
            if check && (0..plan.words.len()).any(|i| plan.wide(i) && found[i].is_empty()) {
                return None;
            }
        }
        Some(Candidate {
            rowid,
            kind,
            id,
            title: (tm, tn),
            body: (bm, bn),
            found,
            score: 0.0,
        })
    }
}

/// BM25 as FTS5 computes it (`bm25(search, 5.0, 1.0)`), without the IDF factor: the
/// matches weighted by column against the row's length in tokens.
fn score(c: &Candidate, avg_len: f64) -> f64 {
    let freq = TITLE_WEIGHT * c.title.0 as f64 + c.body.0 as f64;
    let len = (c.title.1 + c.body.1) as f64;
    freq * (K1 + 1.0) / (freq + K1 * (1.0 - B + B * len / avg_len.max(1.0)))
}

/// What one kind's walk found.
struct Walk {
    found: Vec<Candidate>,
    /// Rows read, and of those passed over by the check.
    read: usize,
    rejected: usize,
    /// The records the rows found stand for: a minutes line stands for its meeting.
    records: usize,
    /// The check passed over so many rows that the walk stopped.
    gave_up: bool,
    /// Where the next match after this kind's range is, when the walk got there:
    /// `i64::MAX` for nowhere. The kinds before it have no match.
    next: Option<i64>,
}

/// The rows of one kind that match, newest first, until they stand for `want` records
/// (several minutes lines can open one meeting) or `budget` rows were read. With
/// `check`, rows without a token for each word looked up through its first letters are
/// passed over; without, the exact query is used.
///
/// The range of rowids has no upper end: FTS5 looks for a row that holds every word
/// without regard to it, so for a kind without such a row it walks on to the next
/// match, however far (8 ms for "licht wijkuitvoeringsplan", two words of 122,000
/// minutes lines each that never meet). That match is kept in `Walk::next`, so the
/// kinds up to it are not walked at all, and the search pays for that walk once.
fn walk(
    conn: &Connection,
    kind: SearchKind,
    plan: &Plan,
    check: bool,
    want: usize,
    budget: usize,
) -> Result<Walk> {
    let fts = if check {
        plan.walk.as_str()
    } else {
        plan.exact(conn)?
    };
    let (lo, hi) = kind.rowids();
    // The record a row opens: its own, or the signal of feedback, the meeting of a line.
    let record = match kind {
        SearchKind::Feedback => "(SELECT signal_id FROM feedback WHERE id = ?6 - search.rowid)",
        SearchKind::Minutes => "(SELECT meeting_id FROM minute WHERE id = ?6 - search.rowid)",
        _ => "?6 - search.rowid",
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT rowid, highlight(search, 0, ?2, ?3), highlight(search, 1, ?2, ?3), {record}
           FROM search WHERE search MATCH ?1 AND rowid >= ?4
          ORDER BY rowid LIMIT ?5"
    ))?;
    let mut rows = st.query(rusqlite::params![
        fts,
        MARK_OPEN.to_string(),
        MARK_CLOSE.to_string(),
        lo,
        i64::try_from(budget)
            .unwrap_or(i64::MAX - 1)
            .saturating_add(1),
        (kind.code() + 1) << KIND_SHIFT
    ])?;
    let mut w = Walk {
        found: Vec::new(),
        read: 0,
        rejected: 0,
        records: 0,
        gave_up: false,
        next: None,
    };
    let mut records: HashSet<Option<i64>> = HashSet::new();
    let mut ended = true;
    while let Some(r) = rows.next()? {
        let rowid: i64 = r.get(0)?;
        if rowid > hi {
            w.next = Some(rowid);
            ended = false;
            break;
        }
        if w.read == budget {
            ended = false;
            break;
        }
        w.read += 1;
        let (title, body) = (text(r.get_ref(1)?), text(r.get_ref(2)?));
        match Candidate::read(rowid, title, body, plan, check) {
            Some(c) => {
                w.found.push(c);
                if records.insert(r.get(3)?) && records.len() >= want {
                    ended = false;
                    break;
                }
            }
            None => {
                w.rejected += 1;
                // Hardly a row that matches: asking for the word itself is cheaper.
                if w.rejected >= GIVE_UP && w.rejected >= 4 * w.found.len() {
                    w.gave_up = true;
                    ended = false;
                    break;
                }
            }
        }
    }
    if ended {
        // No row at all after the last one read.
        w.next = Some(i64::MAX);
    }
    w.records = records.len();
    Ok(w)
}

/// A text column's value, `""` for anything else.
fn text(v: ValueRef<'_>) -> &str {
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

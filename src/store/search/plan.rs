//! How a search reads a bounded number of rows per kind: the plan of words and
//! prefixes, the walk over each kind's range of rowids, and the ranking of what it met.

use super::*;

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
//    word is looked for through its first three letters ("spe"*) and each row is
//    checked here for a token that starts with the whole word; one seek in
//    `search_vocab` first says whether any word of the index starts with it at all.
//    (Listing those words up front, to ask for a few by name, cost 5-20 ms at a
//    million signals: each seek past a common word reads that word's whole list.)
//    A single letter
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
pub(super) const KIND_SHIFT: u32 = 40;

/// A word's first three letters that match this many rows or more are looked up
/// lazily and checked here; fewer, and the exact prefix is cheap enough.
pub(super) const WIDE_FROM: i64 = 2000;

/// A word whose first three letters are common, where the check passed over too many
/// rows, is asked for as the words of the index that start with it when there are at
/// most this many.
pub(super) const MAX_TERMS: usize = 32;
/// A kind's walk stops when the check passed over this many rows, four times as many as
/// it kept: the exact query is cheaper then.
pub(super) const GIVE_UP: usize = 64;

/// BM25's parameters, and the weight of a title (as `bm25(search, 5.0, 1.0)` had it).
pub(super) const K1: f64 = 1.2;
pub(super) const B: f64 = 0.75;
pub(super) const TITLE_WEIGHT: f64 = 5.0;

impl SearchKind {
    /// The rowids of this kind's rows in the index, first and last.
    pub(super) fn rowids(self) -> (i64, i64) {
        let c = self.code();
        ((c << KIND_SHIFT) + 1, ((c + 1) << KIND_SHIFT) - 1)
    }
}

/// The kind and id of a row of the index.
pub(super) fn decode(rowid: i64) -> Option<(SearchKind, i64)> {
    let kind = SearchKind::from_code(rowid >> KIND_SHIFT)?;
    Some((kind, ((kind.code() + 1) << KIND_SHIFT) - rowid))
}

/// How one word is asked of the index.
#[derive(Debug)]
pub(super) enum Form {
    /// As typed (`Word::fts`).
    Typed,
    /// As the few words of the index that start with it: `"speeltuin" OR "speeltuinen"`.
    Terms(Vec<String>),
    /// Through its first three letters (`"spe"*`), each row checked here for a token that
    /// starts with the whole word.
    Wide,
    /// As typed and as the spellings with letters the index keeps (ł, ø, æ, ß, …) that
    /// the index holds: `"lodz"* OR "łodz"*`.
    Kept(Vec<String>),
}

impl Form {
    /// How a word is asked for in this form, when it is asked for as typed or kept.
    fn typed_or_kept(&self, w: &Word) -> Option<String> {
        match self {
            Form::Typed => Some(w.fts.clone()),
            Form::Terms(terms) if terms.is_empty() => Some(w.fts.clone()),
            Form::Kept(alts) => {
                let star = if w.prefix { "*" } else { "" };
                let mut all = vec![w.fts.clone()];
                all.extend(alts.iter().map(|a| format!("{}{star}", quote(a))));
                Some(format!("({})", all.join(" OR ")))
            }
            Form::Terms(_) | Form::Wide => None,
        }
    }
}

/// The letters the index keeps as they are (`unicode61 remove_diacritics 2` folds only
/// letters with a separable accent), with the plain spelling people type for them.
pub(super) const KEPT_LETTERS: &[(&str, char)] = &[
    ("l", 'ł'),
    ("l", 'ŀ'),
    ("o", 'ø'),
    ("d", 'đ'),
    ("d", 'ð'),
    ("ss", 'ß'),
    ("ae", 'æ'),
    ("oe", 'œ'),
    ("th", 'þ'),
    ("ij", 'ĳ'),
    ("i", 'ı'),
    ("h", 'ħ'),
    ("t", 'ŧ'),
    ("k", 'ĸ'),
    ("ng", 'ŋ'),
];

/// A word asked for as typed, with the spellings with kept letters the index holds.
fn typed_or_kept(conn: &Connection, w: &Word) -> Result<Form> {
    let Some(plain) = w.folded.as_deref() else {
        return Ok(Form::Typed);
    };
    let alts = kept_spellings(conn, plain, w.prefix)?;
    Ok(if alts.is_empty() {
        Form::Typed
    } else {
        Form::Kept(alts)
    })
}

/// At most this many other spellings of one word are asked for.
const MAX_KEPT: usize = 8;

/// The spellings of a plain ASCII word with letters the index keeps ("łodz" for "lodz")
/// that the index holds (as the start of a word, for a prefix), besides the word itself.
/// A walk over the index's list of words, one short seek per letter tried, that follows
/// only spellings some word of the index starts with.
pub(super) fn kept_spellings(conn: &Connection, plain: &str, prefix: bool) -> Result<Vec<String>> {
    let mut seek = conn
        .prepare_cached("SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")?;
    let mut starts = |s: &str| -> Result<Option<String>> {
        let end = format!("{s}\u{10ffff}");
        Ok(seek
            .query_row([s, end.as_str()], |r| r.get::<_, String>(0))
            .optional()?)
    };
    // Whether some word of the index starts with `s`. Two or three letters are one
    // lookup in the index's prefix index (`prefix = '2 3'`); a seek in the list of words
    // can cost milliseconds when it lands just after a common word ("heŧ" after "het":
    // 5 ms at a million signals), as it reads that word's whole list to get past it.
    let mut probe = conn.prepare_cached("SELECT 1 FROM search WHERE search MATCH ?1 LIMIT 1")?;
    let mut any_starts = |s: &str, starts: &mut dyn FnMut(&str) -> Result<Option<String>>| {
        Ok::<bool, super::super::StoreError>(match s.chars().count() {
            // Nothing cheap answers for one letter; the next letter decides.
            0 | 1 => true,
            2 | 3 => probe.exists([format!("{}*", quote(s))])?,
            _ => starts(s)?.is_some(),
        })
    };
    // Whether a kept letter could still stand for part of `rest`.
    let could_keep = |rest: &str| {
        (0..rest.len()).any(|i| {
            KEPT_LETTERS
                .iter()
                .any(|(ascii, _)| rest.is_char_boundary(i) && rest[i..].starts_with(ascii))
        })
    };
    let mut out = Vec::new();
    // (spelling so far, bytes of `plain` used, whether a kept letter is in it)
    let mut stack: Vec<(String, usize, bool)> = vec![(String::new(), 0, false)];
    while let Some((s, at, kept)) = stack.pop() {
        if at == plain.len() {
            if kept {
                let whole = prefix || starts(&s)?.is_some_and(|t| t == s);
                if whole && out.len() < MAX_KEPT {
                    out.push(s);
                }
            }
            continue;
        }
        let rest = &plain[at..];
        if !kept && !could_keep(rest) {
            // Only the plain spelling can come of it, which is no other spelling.
            continue;
        }
        let mut next: Vec<(String, usize, bool)> = Vec::new();
        let c = &rest[..1];
        next.push((format!("{s}{c}"), at + 1, kept));
        for (ascii, letter) in KEPT_LETTERS {
            if rest.starts_with(ascii) {
                next.push((format!("{s}{letter}"), at + ascii.len(), true));
            }
        }
        for n in next {
            // Only a spelling that some word of the index starts with can lead anywhere.
            if any_starts(&n.0, &mut starts)? {
                stack.push(n);
            }
        }
        if out.len() >= MAX_KEPT {
            break;
        }
    }
    out.sort();
    Ok(out)
}

/// How a query is run: the expression the kinds are walked with, and the words checked
/// here.
pub(super) struct Plan<'q> {
    pub(super) words: &'q [Word],
    pub(super) forms: Vec<Form>,
    /// Per word, how it is asked for in the walk.
    pub(super) parts: Vec<String>,
    /// The FTS5 expression the kinds are walked with.
    pub(super) walk: String,
    /// The exact query, for a kind where the check passed over too many rows: words
    /// looked up through their first letters as the words of the index that start with
    /// them when there are few enough, else as typed (which makes FTS5 merge them).
    pub(super) exact: std::cell::OnceCell<String>,
    /// Some word matches nothing in the index.
    pub(super) nothing: bool,
}

/// `("a" OR "b")`.
pub(super) fn any_of(terms: &[String]) -> String {
    let quoted: Vec<String> = terms.iter().map(|t| quote(t)).collect();
    format!("({})", quoted.join(" OR "))
}

impl<'q> Plan<'q> {
    pub(super) fn new(conn: &Connection, q: &'q SearchQuery) -> Result<Plan<'q>> {
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
                        typed_or_kept(conn, w)?
                    } else if terms_with(conn, f, 0)?.is_some() {
                        // No word of the index starts with it.
                        nothing = true;
                        Form::Terms(Vec::new())
                    } else {
                        // Not the words that start with it, one by one: a seek past a
                        // common word reads that word's whole list (5-15 ms for
                        // "over", "wijk" at a million). The walk checks each row.
                        Form::Wide
                    }
                }
                _ => typed_or_kept(conn, w)?,
            };
            parts.push(match &form {
                Form::Terms(terms) if !terms.is_empty() => any_of(terms),
                Form::Wide => format!("\"{}\"*", &w.folded.as_deref().unwrap_or_default()[..3]),
                f => f.typed_or_kept(w).unwrap_or_default(),
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

    pub(super) fn wide(&self, i: usize) -> bool {
        matches!(self.forms[i], Form::Wide)
    }

    pub(super) fn any_wide(&self) -> bool {
        self.forms.iter().any(|f| matches!(f, Form::Wide))
    }

    /// The exact query (see `exact`), worked out when first needed.
    pub(super) fn exact(&self, conn: &Connection) -> Result<&str> {
        if let Some(e) = self.exact.get() {
            return Ok(e);
        }
        let mut parts = Vec::with_capacity(self.words.len());
        for (w, form) in self.words.iter().zip(&self.forms) {
            parts.push(match form {
                Form::Terms(terms) if !terms.is_empty() => any_of(terms),
                Form::Wide => {
                    match terms_with(conn, w.folded.as_deref().unwrap_or_default(), MAX_TERMS)? {
                        Some(terms) if !terms.is_empty() => any_of(&terms),
                        _ => w.fts.clone(),
                    }
                }
                f => f.typed_or_kept(w).unwrap_or_default(),
            });
        }
        Ok(self.exact.get_or_init(|| parts.join(" AND ")))
    }
}

/// The words of the index that start with `prefix` (plain ASCII), in order, when there
/// are at most `max`; `None` when there are more. One short seek each, in the index's
/// list of words (`search_vocab`), which also reads no row.
pub(super) fn terms_with(
    conn: &Connection,
    prefix: &str,
    max: usize,
) -> Result<Option<Vec<String>>> {
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
pub(super) struct Candidate {
    pub(super) rowid: i64,
    pub(super) kind: SearchKind,
    pub(super) id: i64,
    /// Matches and tokens in the title and in the rest.
    pub(super) title: (usize, usize),
    pub(super) body: (usize, usize),
    /// For words looked up through their first letters: the tokens of this row that
    /// matched them, as written, for its snippet.
    pub(super) found: Vec<Vec<String>>,
    pub(super) score: f64,
}

impl Candidate {
    /// `None` when `check` is set and the row lacks a word looked up through its first
    /// letters.
    pub(super) fn read(
        rowid: i64,
        title: &str,
        body: &str,
        plan: &Plan,
        check: bool,
    ) -> Option<Candidate> {
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
pub(super) fn score(c: &Candidate, avg_len: f64) -> f64 {
    let freq = TITLE_WEIGHT * c.title.0 as f64 + c.body.0 as f64;
    let len = (c.title.1 + c.body.1) as f64;
    freq * (K1 + 1.0) / (freq + K1 * (1.0 - B + B * len / avg_len.max(1.0)))
}

/// What one kind's walk found.
pub(super) struct Walk {
    pub(super) found: Vec<Candidate>,
    /// Rows read, and of those passed over by the check.
    pub(super) read: usize,
    pub(super) rejected: usize,
    /// The records the rows found stand for: a minutes line stands for its meeting.
    pub(super) records: usize,
    /// The check passed over so many rows that the walk stopped.
    pub(super) gave_up: bool,
    /// Where the next match after this kind's range is, when the walk got there:
    /// `i64::MAX` for nowhere. The kinds before it have no match.
    pub(super) next: Option<i64>,
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
pub(super) fn walk(
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

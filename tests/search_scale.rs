//! Search on a generated database of a few thousand signals, where common words match
//! thousands of rows and the store reads only the newest of them: hits stay grouped by
//! kind with one hit per record, every hit really matches, a rare word in an old record
//! is still found, prefixes typed one letter at a time never fail, and an erased person
//! is never found.

mod support;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;
use wijkdesk::store::{SearchHit, SearchKind, Store, StoreError, build_query};

/// Signals generated on top of the demo data: enough for the common words' first three
/// letters to match thousands of rows, so that the store reads only the newest of them.
const SCALE: usize = 2500;

/// A word no generated text holds, behind a common beginning ("spe"): put into old
/// records only, it is found only if the store looks past the newest rows.
const RARE: &str = "speelveldjeqx";

/// The generated database, made once for the whole file; tests open it afresh.
fn generated() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("scale.db");
        let mut store = Store::open(&path, support::ctx("demo")).expect("open");
        wijkdesk::demo::load(&mut store, SCALE).expect("generate");
        // The rare word in the oldest signal, an old minutes line and an organisation.
        let conn = store.conn();
        conn.execute(
            &format!("UPDATE signal SET body = body || ' Het {RARE} ligt er slecht bij.' WHERE id = (SELECT min(id) FROM signal)"),
            [],
        )
        .expect("signal");
        conn.execute(
            &format!("UPDATE minute SET text = text || ' Zie ook {RARE}.' WHERE id = (SELECT min(id) FROM minute)"),
            [],
        )
        .expect("minute");
        conn.execute(
            &format!("UPDATE organisation SET notes = notes || ' Beheert {RARE}.' WHERE id = (SELECT min(id) FROM organisation)"),
            [],
        )
        .expect("organisation");
        drop(store);
        (dir, path)
    });
    path
}

fn open() -> Store {
    Store::open(generated(), support::ctx("demo")).expect("open generated")
}

/// The records the query's exact FTS5 expression matches, every one of them, read
/// straight from the index (rowids as in schema/005_search_vocab.sql).
fn every_match(store: &Store, query: &str) -> HashSet<String> {
    let fts = build_query(query).expect("query").fts;
    let conn = store.conn();
    let mut st = conn
        .prepare("SELECT rowid FROM search WHERE search MATCH ?1")
        .expect("prepare");
    let rowids: Vec<i64> = st
        .query_map([&fts], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let one = |sql: &str, id: i64| -> i64 {
        conn.query_row(sql, [id], |r| r.get(0))
            .expect("record behind a row")
    };
    rowids
        .into_iter()
        .map(|rowid| {
            let code = rowid >> 40;
            let id = ((code + 1) << 40) - rowid;
            match code {
                1 => format!("O-{id}"),
                2 => format!("P-{id}"),
                3 => format!("S-{id}"),
                4 => format!(
                    "S-{}",
                    one("SELECT signal_id FROM feedback WHERE id = ?1", id)
                ),
                5 => format!("C-{id}"),
                6 => format!("A-{id}"),
                7 => format!("M-{id}"),
                8 => format!(
                    "M-{}",
                    one("SELECT meeting_id FROM minute WHERE id = ?1", id)
                ),
                _ => panic!("rowid {rowid} of no kind"),
            }
        })
        .collect()
}

/// Grouped by kind in `SearchKind` order, one hit per record, at most `limit`.
fn well_formed(q: &str, hits: &[SearchHit], limit: usize) {
    assert!(hits.len() <= limit, "{q}: {} hits", hits.len());
    let kinds: Vec<SearchKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "{q}: grouped in kind order");
    let mut seen = HashSet::new();
    for h in hits {
        assert!(seen.insert(h.record.clone()), "{q}: {} twice", h.record);
        for &(s, e) in &h.highlights {
            assert!(s < e && e <= h.snippet.chars().count(), "{q}: {h:?}");
        }
    }
}

/// Lowercase without the accents the index folds, for checking marked words.
fn plain(s: &str) -> String {
    wijkdesk::domain::minutes::fold(s)
}

#[test]
fn common_words_give_real_matches_grouped_by_kind() {
    let store = open();
    // The scenario this file is about: the first letters match thousands of rows.
    for head in ["\"de\"*", "\"spe\"*", "\"ove\"*"] {
        let n: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH ?1",
                [head],
                |r| r.get(0),
            )
            .expect("count");
        assert!(n >= 2000, "{head} matches only {n} rows");
    }
    for q in [
        "de",
        "het",
        "over",
        "overleg",
        "bewoners",
        "sp",
        "spe",
        "spee",
        "speel",
        "speelt",
        "speeltu",
        "speeltuin",
        "school",
        "de speeltuin",
        "een centraal",
        "wijkagent licht",
    ] {
        let hits = store.search(q, 50).expect("search");
        well_formed(q, &hits, 50);
        let all = every_match(&store, q);
        assert!(!hits.is_empty() || all.is_empty(), "{q}: nothing found");
        for h in &hits {
            assert!(all.contains(&h.record), "{q}: {} does not match", h.record);
        }
        if all.len() >= 50 {
            assert!(
                hits.len() >= 10,
                "{q}: only {} of {} records",
                hits.len(),
                all.len()
            );
        }
        // What is marked is what was typed.
        let words: Vec<String> = q.split_whitespace().map(plain).collect();
        for h in &hits {
            for &(s, e) in &h.highlights {
                let marked: String = h.snippet.chars().skip(s).take(e - s).collect();
                let marked = plain(&marked);
                assert!(
                    words.iter().any(|w| marked.starts_with(w.as_str())),
                    "{q}: {marked:?} marked in {h:?}"
                );
            }
        }
    }
}

#[test]
fn a_common_word_finds_several_kinds() {
    let store = open();
    let hits = store.search("de", 50).expect("search");
    let kinds: HashSet<SearchKind> = hits.iter().map(|h| h.kind).collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    // The newest records come first among equals: the signals found are recent ones.
    let newest: i64 = store
        .conn()
        .query_row("SELECT max(id) FROM signal", [], |r| r.get(0))
        .expect("max");
    for h in hits.iter().filter(|h| h.kind == SearchKind::Signal) {
        let id: i64 = h.record[2..].parse().expect("id");
        assert!(id > newest - 1000, "{} is old", h.record);
    }
}

#[test]
fn a_rare_word_in_old_records_is_found() {
    let store = open();
    let want = every_match(&store, RARE);
    assert_eq!(want.len(), 3, "{want:?}");
    for n in 5..=RARE.len() {
        let q = &RARE[..n];
        let hits = store.search(q, 50).expect("search");
        well_formed(q, &hits, 50);
        let all = every_match(&store, q);
        let got: HashSet<String> = hits.iter().map(|h| h.record.clone()).collect();
        if all.len() <= 40 {
            assert_eq!(got, all, "{q}");
        } else {
            assert!(got.is_subset(&all), "{q}");
        }
    }
    let hits = store.search(RARE, 50).expect("search");
    for h in &hits {
        assert!(
            h.highlights.iter().any(|&(s, e)| {
                let m: String = h.snippet.chars().skip(s).take(e - s).collect();
                plain(&m) == RARE
            }),
            "the rare word is marked: {h:?}"
        );
    }
    // With another word: both must be there.
    let hits = store.search(&format!("slecht {RARE}"), 50).expect("search");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0].kind, SearchKind::Signal);
}

/// Every prefix of a few queries, as the popup asks for them: hits, or the store's
/// message for a single letter, never an error from SQLite.
#[test]
fn typing_letter_by_letter_never_fails() {
    let store = open();
    for query in [
        "de speeltuin",
        "S-4242",
        "een centraal",
        "zzzq",
        "Overleg wijk",
        "één",
    ] {
        let prefixes = (1..=query.len()).filter(|&n| query.is_char_boundary(n));
        for n in prefixes {
            let q = &query[..n];
            match store.search(q, 50) {
                Ok(hits) => well_formed(q, &hits, 50),
                Err(StoreError::Invalid(m)) => {
                    let m = m.to_string();
                    assert!(
                        m.contains("two letters") || m.contains("type a word"),
                        "{q:?}: {m}"
                    )
                }
                Err(e) => panic!("{q:?}: {e:?}"),
            }
        }
    }
}

#[test]
fn any_limit_is_taken() {
    let store = open();
    for limit in [0, 1, 3, usize::MAX] {
        let hits = store.search("de", limit).expect("search");
        well_formed("de", &hits, limit.max(1));
        assert!(!hits.is_empty(), "{limit}");
    }
    let hits = store.search("S-3 de", 1).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].record, "S-3");
}

#[test]
fn a_search_out_of_time_says_so() {
    let store = open();
    let (hits, complete) = store
        .search_within("de", 50, Some(Duration::ZERO))
        .expect("search");
    assert!(!complete);
    assert!(hits.is_empty(), "{hits:?}");
    let (hits, complete) = store
        .search_within("S-3 de", 50, Some(Duration::ZERO))
        .expect("search");
    assert!(!complete);
    assert_eq!(
        hits.iter().map(|h| h.record.as_str()).collect::<Vec<_>>(),
        ["S-3"],
        "a typed ID is looked up first"
    );
    let (hits, complete) = store
        .search_within("de", 50, Some(Duration::from_secs(60)))
        .expect("search");
    assert!(complete);
    assert_eq!(hits, store.search("de", 50).expect("search"));
}

#[test]
fn an_erased_person_is_never_found() {
    // A copy: erasing rewrites the file.
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("copy.db");
    {
        let store = open();
        store
            .conn()
            .execute("VACUUM INTO ?1", [path.to_str().expect("utf-8 path")])
            .expect("copy");
    }
    let mut store = Store::open(&path, support::ctx("demo")).expect("open copy");
    let (id, name, email): (i64, String, Option<String>) = store
        .conn()
        .query_row(
            "SELECT id, name, email FROM person WHERE erased_at IS NULL AND email IS NOT NULL
              ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("a person");
    let record = format!("P-{id}");
    let found = |store: &Store, q: &str| {
        store
            .search(q, 1000)
            .expect("search")
            .iter()
            .any(|h| h.record == record)
    };
    assert!(found(&store, &name), "{name} is found before");
    store.erase_person(id).expect("erase");
    let email = email.expect("email");
    let surname = name.split_whitespace().last().expect("a name").to_string();
    for q in [
        name.as_str(),
        email.as_str(),
        surname.as_str(),
        record.as_str(),
        "de",
        "wijk",
    ] {
        assert!(!found(&store, q), "{q} finds the erased {record}");
    }
}

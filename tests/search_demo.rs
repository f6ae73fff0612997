//! Full-text search over the demo data: words, prefixes, accent-free spelling, record
//! IDs, grouping by kind, and hostile queries that must never reach SQLite as syntax.

use chrono::NaiveDate;
use proptest::prelude::*;
use std::sync::OnceLock;
use wijkdesk::store::{Ctx, SearchHit, SearchKind, Store, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("valid date")
}

/// One demo database for the whole file, opened afresh by each test (read-only use).
fn demo_path() -> &'static std::path::Path {
    static DB: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("demo.db");
        let mut store = Store::open(&path, Ctx::new("demo", today())).expect("open");
        wijkdesk::demo::load(&mut store, 0).expect("demo loads");
        (dir, path)
    });
    path
}

fn demo() -> Store {
    Store::open(demo_path(), Ctx::new("demo", today())).expect("open demo")
}

fn titles(hits: &[SearchHit], kind: SearchKind) -> Vec<String> {
    hits.iter()
        .filter(|h| h.kind == kind)
        .map(|h| h.title.clone())
        .collect()
}

#[test]
fn finds_a_signal_by_its_words() {
    let store = demo();
    let hits = store
        .search("losse stoeptegels basisschool", 20)
        .expect("search");
    let signals = titles(&hits, SearchKind::Signal);
    assert!(
        signals
            .iter()
            .any(|t| t == "Losse stoeptegels bij de basisschool"),
        "{hits:#?}"
    );
    let hit = hits
        .iter()
        .find(|h| h.title == "Losse stoeptegels bij de basisschool")
        .expect("hit");
    assert!(hit.record.starts_with("S-"), "{hit:?}");
    assert!(
        !hit.highlights.is_empty(),
        "the matched words are marked: {hit:?}"
    );
    for &(s, e) in &hit.highlights {
        let word: String = hit.snippet.chars().skip(s).take(e - s).collect();
        assert!(!word.trim().is_empty(), "{hit:?}");
    }
}

#[test]
fn words_match_as_prefixes() {
    let store = demo();
    for q in ["stoeptegel", "stoept", "losse stoep", "basissch"] {
        let hits = store.search(q, 20).expect("search");
        assert!(
            titles(&hits, SearchKind::Signal)
                .iter()
                .any(|t| t == "Losse stoeptegels bij de basisschool"),
            "{q}: {hits:#?}"
        );
    }
}

#[test]
fn accents_need_not_be_typed() {
    let store = demo();
    for q in ["een centraal", "EEN CENTRAAL", "één centraal", "eén centr"] {
        let hits = store.search(q, 50).expect("search");
        assert!(
            titles(&hits, SearchKind::Signal)
                .iter()
                .any(|t| t.starts_with("Eén centraal aanspreekpunt")),
            "{q}: {hits:#?}"
        );
        // The organisation whose notes ask for it, and the minutes where it was said.
        assert!(
            hits.iter().any(|h| h.kind == SearchKind::Organisation),
            "{q}: {hits:#?}"
        );
        assert!(
            hits.iter()
                .any(|h| h.kind == SearchKind::Minutes && h.record.starts_with("M-")),
            "{q}: {hits:#?}"
        );
    }
}

#[test]
fn every_kind_is_searchable() {
    let store = demo();
    let org = store.search("Zeeheldenkwartier", 50).expect("search");
    assert!(
        org.iter()
            .any(|h| h.kind == SearchKind::Organisation && h.title.contains("Zeeheldenkwartier")),
        "{org:#?}"
    );
    // People by name, by their organisation and by e-mail address.
    let people = store.people("", None, 1000).expect("people");
    let p = people
        .iter()
        .find(|p| p.email.is_some() && p.org_name.is_some())
        .expect("a person with e-mail");
    let first_name = p.name.split_whitespace().next().expect("a name");
    let hits = store.search(first_name, 50).expect("search");
    assert!(
        hits.iter().any(|h| h.record == format!("P-{}", p.id)),
        "{first_name}: {hits:#?}"
    );
    let email = p.email.clone().expect("email");
    let hits = store.search(&email, 50).expect("search");
    assert!(
        hits.iter().any(|h| h.record == format!("P-{}", p.id)),
        "{email}: {hits:#?}"
    );
    // Commitments, actions and meetings by their text.
    for kind in [
        SearchKind::Commitment,
        SearchKind::Action,
        SearchKind::Meeting,
        SearchKind::Feedback,
    ] {
        let text: String = match kind {
            SearchKind::Commitment => store
                .conn()
                .query_row("SELECT text FROM commitment ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .unwrap(),
            SearchKind::Action => store
                .conn()
                .query_row("SELECT text FROM action ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .unwrap(),
            SearchKind::Meeting => store
                .conn()
                .query_row("SELECT title FROM meeting ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .unwrap(),
            _ => store
                .conn()
                .query_row("SELECT text FROM feedback ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .unwrap(),
        };
        let words: Vec<&str> = text.split_whitespace().take(6).collect();
        let hits = store.search(&words.join(" "), 50).expect("search");
        assert!(
            hits.iter().any(|h| h.kind == kind),
            "{kind:?} {text:?}: {hits:#?}"
        );
    }
}

#[test]
fn hits_are_grouped_by_kind() {
    let store = demo();
    let hits = store.search("stoep", 50).expect("search");
    assert!(hits.len() > 2, "{hits:#?}");
    let kinds: Vec<SearchKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "grouped in kind order");
    // One hit per record.
    let mut seen = std::collections::HashSet::new();
    for h in &hits {
        assert!(seen.insert((h.kind, h.record.clone())), "duplicate {h:?}");
    }
    assert!(store.search("stoep", 3).expect("search").len() <= 3);
}

#[test]
fn a_record_id_comes_first() {
    let store = demo();
    for (q, want) in [
        ("S-3", "S-3"),
        ("s3", "S-3"),
        ("O-2", "O-2"),
        ("stoep M-1", "M-1"),
        ("C-1", "C-1"),
    ] {
        let hits = store.search(q, 10).expect("search");
        assert_eq!(
            hits.first().map(|h| h.record.as_str()),
            Some(want),
            "{q}: {hits:#?}"
        );
    }
    // An ID that does not exist is no error.
    assert!(store.search("S-999999", 10).is_ok());
}

const HOSTILE: &[&str] = &[
    "\"",
    "\"\"",
    "*",
    "**",
    "NEAR",
    "NEAR(stoep tegel, 2)",
    "(",
    ")",
    "()",
    "(stoep",
    "AND",
    "OR -",
    "NOT",
    "stoep AND",
    "OR stoep",
    "^",
    "^stoep",
    "col:",
    "title:stoep",
    "body:",
    "\0",
    "stoep\0tegel",
    "-stoep",
    "+stoep",
    "stoep*",
    "*stoep",
    "'",
    "'; DROP TABLE signal; --",
    "{title body}: stoep",
    "\u{1b}[31m",
    "\u{202e}stoep",
    "🙂",
    ":",
    "\\",
    "%_",
];

#[test]
fn hostile_queries_give_results_or_a_clear_message() {
    let store = demo();
    for q in HOSTILE {
        match store.search(q, 20) {
            Ok(_) => {}
            Err(StoreError::Invalid(m)) => {
                let m = m.to_string();
                assert!(m.contains("type a word"), "{q:?}: {m}");
            }
            Err(e) => panic!("{q:?} gave {e:?}"),
        }
    }
    // Syntax characters around words do not hide the words.
    for q in [
        "(stoeptegels)",
        "\"stoeptegels\"",
        "stoeptegels*",
        "^stoeptegels",
        "-stoeptegels",
        "stoeptegels:",
        "{stoeptegels}",
    ] {
        let hits = store.search(q, 20).expect("search");
        assert!(!hits.is_empty(), "{q:?}");
    }
    assert!(matches!(store.search("", 20), Err(StoreError::Invalid(_))));
    assert!(matches!(
        store.search("*()", 20),
        Err(StoreError::Invalid(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_makes_an_sqlite_error(q in any::<String>()) {
        let store = demo();
        match store.search(&q, 10) {
            Ok(_) | Err(StoreError::Invalid(_)) => {}
            Err(e) => prop_assert!(false, "{q:?}: {e:?}"),
        }
    }

    #[test]
    fn syntax_soup_never_makes_an_sqlite_error(parts in proptest::collection::vec(
        prop_oneof![
            Just("\""), Just("*"), Just("NEAR"), Just("("), Just(")"), Just("AND"), Just("OR"), Just("NOT"),
            Just("-"), Just("^"), Just("col:"), Just("\0"), Just("een"), Just("stoep"), Just(" "), Just(":"),
            Just("+"), Just("{"), Just("}"), Just(","), Just("S-1"), Just("é")
        ], 0..16)) {
        let store = demo();
        let q: String = parts.concat();
        match store.search(&q, 10) {
            Ok(_) | Err(StoreError::Invalid(_)) => {}
            Err(e) => prop_assert!(false, "{q:?}: {e:?}"),
        }
    }
}

//! The Markdown export of a demo meeting, compared with a golden file: the
//! "begrijpelijke samenvatting" residents receive. Regenerate the files after an
//! intended change with `UPDATE_GOLDEN=1 cargo test --test minutes_export_golden`
//! and read the diff before committing it.

mod support;

use chrono::NaiveDate;
use wijkdesk::domain::minutes_export::Lang;
use wijkdesk::store::{Ctx, Store};

fn demo_store(dir: &tempfile::TempDir) -> Store {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut store = Store::open(&dir.path().join("demo.db"), Ctx::new("demo", today)).unwrap();
    wijkdesk::demo::load(&mut store, 0).unwrap();
    store
}

fn meeting_id(store: &Store, title: &str) -> i64 {
    store
        .meetings(1000)
        .unwrap()
        .into_iter()
        .find(|m| m.title == title)
        .unwrap_or_else(|| panic!("no demo meeting {title:?}"))
        .id
}

fn check_golden(name: &str, actual: &str) {
    support::golden::check(name, actual, "minutes_export_golden");
}

#[test]
fn scheveningen_minutes_match_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let id = meeting_id(&store, "Stadsdeeloverleg Scheveningen");
    let text = store.minutes_markdown(id, Lang::Nl).unwrap();
    check_golden("minutes_scheveningen.md", &text);
}

#[test]
fn scheveningen_minutes_in_english_match_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir);
    let id = meeting_id(&store, "Stadsdeeloverleg Scheveningen");
    let text = store.minutes_markdown(id, Lang::En).unwrap();
    check_golden("minutes_scheveningen.en.md", &text);
}

#[test]
fn the_diff_names_the_lines_that_differ() {
    let d = support::golden::diff("a\nb\nc\n", "a\nB\nc\nd\n");
    assert_eq!(d, "line 2:\n  -b\n  +B\nline 4:\n  +d");
    assert!(support::golden::diff("a\n", "a").contains("final newline"));
}

//! The Markdown export of a demo meeting, compared with a golden file: the
//! "begrijpelijke samenvatting" residents receive. Regenerate the files after an
//! intended change with `UPDATE_GOLDEN=1 cargo test --test minutes_export_golden`
//! and read the diff before committing it.

use chrono::NaiveDate;
use std::path::PathBuf;
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

/// The lines that differ, numbered, as `-expected` / `+actual`.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = Vec::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push(format!("line {}:", i + 1));
            if let Some(x) = x {
                out.push(format!("  -{x}"));
            }
            if let Some(y) = y {
                out.push(format!("  +{y}"));
            }
        }
        if out.len() > 60 {
            out.push("  …".into());
            break;
        }
    }
    if out.is_empty() && expected != actual {
        out.push("the files differ in line endings or a final newline".into());
    }
    out.join("\n")
}

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "the export differs from {} (-golden +now):\n{}\n\nIf the change is intended, run \
         UPDATE_GOLDEN=1 cargo test --test minutes_export_golden and review the diff.",
        path.display(),
        diff(&expected, actual)
    );
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
    let d = diff("a\nb\nc\n", "a\nB\nc\nd\n");
    assert_eq!(d, "line 2:\n  -b\n  +B\nline 4:\n  +d");
    assert!(diff("a\n", "a").contains("final newline"));
}

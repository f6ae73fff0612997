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

/// Lines whose tokens did not resolve read as sentences in the export: no raw `@`,
/// `org:` or `due:`, and every "not registered yet" says what is missing.
#[test]
fn unresolved_lines_say_what_is_missing() {
    use support::{TempDb, day0, residents, staff};
    use wijkdesk::store::NewMeeting;
    let db = TempDb::new();
    let mut store = db.open("tester");
    let duinoord = residents(&mut store, "Bewonersoverleg Duinoord").id;
    residents(&mut store, "Wijkberaad Bezuidenhout");
    staff(&mut store, "Anna de Vries", "avries", None, &[], &[]);
    let m = store
        .add_meeting(NewMeeting {
            title: "Overleg".into(),
            starts_at: day0().and_hms_opt(19, 30, 0),
            org_ids: vec![duinoord],
            ..Default::default()
        })
        .unwrap()
        .id;
    for line in [
        "A: bankjes regelen @Ingrid due:+14d",
        "T: nieuwe lampen org:Nergens due:+14d",
        "T: verlichting org:Duinoord due:31-02",
        "B: we gaan door @Ingrid",
        "Vraag: wie belt org:Nergens?",
        "A: @avries due:",
        "S: losse tegels org:Nergens",
    ] {
        store.add_minute(m, None, line).unwrap();
    }
    for lang in [Lang::Nl, Lang::En] {
        let text = store.minutes_markdown(m, lang).unwrap();
        for raw in ["@", "org:", "due:"] {
            assert!(!text.contains(raw), "{raw} in:\n{text}");
        }
        let (not_yet, owner, org, date) = match lang {
            Lang::Nl => (
                "nog niet geregistreerd",
                "behandelaar nog niet gekozen: 'Ingrid'",
                "organisatie nog niet gekozen: 'Nergens'",
                "datum niet begrepen: '31-02'",
            ),
            Lang::En => (
                "not registered yet",
                "owner not yet chosen: 'Ingrid'",
                "organisation not yet chosen: 'Nergens'",
                "date not understood: '31-02'",
            ),
        };
        for l in text.lines().filter(|l| l.contains(not_yet)) {
            assert!(l.contains(&format!("{not_yet} — ")), "no reason: {l}");
        }
        for said in [owner, org, date] {
            assert!(text.contains(said), "{said} missing from:\n{text}");
        }
        // The decision names who is not chosen yet, though it makes no record.
        assert!(
            text.lines()
                .any(|l| l.starts_with("1. ") && l.contains(owner)),
            "{text}"
        );
    }
}

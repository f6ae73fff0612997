//! Property tests over what users and files hand us: record IDs, dates, minutes lines
//! and CSV imports never panic, whatever the input; a refused import changes nothing.

use chrono::NaiveDate;
use proptest::prelude::*;
use wijkdesk::domain::RecordRef;
use wijkdesk::domain::ids::RecordKind;
use wijkdesk::store::{Ctx, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

proptest! {
    #[test]
    fn record_ids_parse_or_refuse_never_panic(s in "\\PC{0,24}", kind in 0usize..7) {
        let expected = RecordKind::ALL.get(kind).copied();
        if let Ok(r) = RecordRef::parse(&s, expected) {
            // Whatever parses prints back to a form that parses to the same record.
            prop_assert_eq!(RecordRef::parse(&r.to_string(), None).unwrap(), r);
            prop_assert!(r.id > 0);
        }
    }

    #[test]
    fn id_like_inputs_round_trip(letter in "[OPSACMopsacm]", sep in "(-| |)", n in 1i64..1_000_000_000) {
        let r = RecordRef::parse(&format!("{letter}{sep}{n}"), None).unwrap();
        prop_assert_eq!(r.id, n);
        prop_assert_eq!(r.kind.letter(), letter.to_ascii_uppercase().chars().next().unwrap());
    }

    #[test]
    fn dates_parse_or_refuse_never_panic(s in "\\PC{0,30}") {
        let _ = wijkdesk::domain::dates::parse_date(&s, today());
        let _ = wijkdesk::domain::dates::parse_datetime(&s, today());
    }
}

/// One database for the CSV cases: imports here never commit, so it stays empty.
fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("fuzz.db"), Ctx::new("fuzz", today())).unwrap();
    (dir, store)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn csv_import_of_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let (_dir, mut store) = store();
        let _ = store.import_orgs(&bytes, false);
        let _ = store.import_people(&bytes, false);
        prop_assert!(store.is_empty().unwrap());
    }

    #[test]
    fn csv_import_of_arbitrary_rows_never_panics(
        header in "(naam|name|soort|kind|stadsdeel|district|e-mail|email|x)([;,](naam|name|soort|kind|stadsdeel|district|e-mail|email|x)){0,4}",
        rows in proptest::collection::vec("[^\\r\\n]{0,40}", 0..6),
        bom in any::<bool>(),
    ) {
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        text.push_str(&header);
        for r in &rows {
            text.push('\n');
            text.push_str(r);
        }
        let (_dir, mut store) = store();
        let _ = store.import_orgs(text.as_bytes(), false);
        let _ = store.import_people(text.as_bytes(), false);
        prop_assert!(store.is_empty().unwrap(), "a preview imports nothing");
    }

    #[test]
    fn a_committed_import_is_all_or_nothing(rows in proptest::collection::vec("[A-Za-z ]{0,12}(;[a-z]{0,9}){0,2}", 1..6)) {
        let mut text = String::from("naam;soort;stadsdeel");
        for r in &rows {
            text.push('\n');
            text.push_str(r);
        }
        let (_dir, mut store) = store();
        let count = |s: &Store| s.count(RecordKind::Organisation).unwrap();
        match store.import_orgs(text.as_bytes(), true) {
            Ok(report) if report.imported => {
                prop_assert!(count(&store) as usize <= report.rows);
            }
            // Any bad row: nothing at all is stored.
            _ => prop_assert_eq!(count(&store), 0, "a refused import leaves nothing behind"),
        }
    }
}

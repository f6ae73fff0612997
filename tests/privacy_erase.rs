//! AVG: a person's data can be exported, and after erasure the database file and its
//! WAL hold none of the person's name, email address or phone number.

use chrono::NaiveDate;
use std::path::Path;
use wijkdesk::store::{Ctx, NewMeeting, NewPerson, Store};

fn ctx() -> Ctx {
    Ctx::new(
        "privacy-officer",
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    )
}

fn file_contains(path: &Path, needle: &str) -> bool {
    match std::fs::read(path) {
        Ok(bytes) => bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
        Err(_) => false,
    }
}

fn wal(path: &Path) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push("-wal");
    p.into()
}

#[test]
fn erase_leaves_no_trace_in_file_or_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("avg.db");
    let mut store = Store::open(&path, ctx()).unwrap();
    wijkdesk::demo::load(&mut store, 0).unwrap();
    let name = "Wilhelmina Zonderland-Testpersoon";
    let email = "w.zonderland.uniek@example.org";
    let phone = "06-0000 9876";
    let org = store.resolve_org("Zeeheld").unwrap();
    let p = store
        .add_person(NewPerson {
            name: name.into(),
            org_id: Some(org),
            role: Some("secretaris".into()),
            email: Some(email.into()),
            phone: Some(phone.into()),
            ..Default::default()
        })
        .unwrap();
    // She is named in minutes and in an edit, so copies sit in several tables.
    let m = store
        .add_meeting(NewMeeting {
            title: "Overleg met de secretaris".into(),
            starts_at: Some(
                NaiveDate::from_ymd_opt(2026, 1, 10)
                    .unwrap()
                    .and_hms_opt(19, 30, 0)
                    .unwrap(),
            ),
            org_ids: vec![org],
            ..Default::default()
        })
        .unwrap();
    store
        .add_minute(
            m.id,
            None,
            &format!("{name} meldt dat de bel kapot is; bereikbaar op {phone}"),
        )
        .unwrap();
    let edited = store
        .edit_person(
            p.id,
            wijkdesk::store::PersonEdit {
                role: Some("voorzitter".into()),
                ..Default::default()
            },
            Some(p.version),
        )
        .unwrap();
    assert!(edited.version > p.version);

    let export = store.export_person(p.id).unwrap().to_string();
    for s in [name, email, phone] {
        assert!(export.contains(s), "the export holds {s}");
    }
    assert!(
        export.contains("bel kapot"),
        "the export holds the minutes that name her"
    );

    let places = store.erase_person(p.id).unwrap();
    assert!(
        places >= 2,
        "minutes and audit copies were rewritten, got {places}"
    );
    let after = store.person(p.id).unwrap();
    assert!(after.erased && after.email.is_none() && after.phone.is_none());
    let history = store.history(after.reference()).unwrap();
    assert_eq!(history.last().unwrap().action, "erase");
    assert_eq!(history.last().unwrap().user, "privacy-officer");
    drop(store);

    for s in [name, email, phone, "Zonderland"] {
        assert!(!file_contains(&path, s), "database file still holds {s}");
        assert!(!file_contains(&wal(&path), s), "WAL still holds {s}");
    }
    // And the database is still sound and usable.
    let store = Store::open(&path, ctx()).unwrap();
    assert!(store.check().unwrap().is_empty());
    assert!(
        store.minutes(m.id).unwrap()[0]
            .text
            .contains("[verwijderd]")
    );
}

#[test]
fn erasing_twice_is_refused_and_unknown_people_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.db"), ctx()).unwrap();
    let p = store
        .add_person(NewPerson {
            name: "Jan Tijdelijk".into(),
            ..Default::default()
        })
        .unwrap();
    store.erase_person(p.id).unwrap();
    let err = store.erase_person(p.id).unwrap_err().to_string();
    assert!(err.contains("erased already"), "{err}");
    let err = store.erase_person(999).unwrap_err().to_string();
    assert!(err.contains("P-999"), "{err}");
}

#[test]
fn retention_review_lists_people_without_recent_activity() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db"), ctx()).unwrap();
    store
        .add_person(NewPerson {
            name: "Oud Contact".into(),
            ..Default::default()
        })
        .unwrap();
    // Everything happened "today" (2026-01-15 in ctx, audit stamped now): a date in
    // the future finds everyone inactive, a date long ago finds nobody.
    let later = NaiveDate::from_ymd_opt(2999, 1, 1).unwrap();
    let long_ago = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    assert_eq!(store.people_inactive_since(later).unwrap().len(), 1);
    assert!(store.people_inactive_since(long_ago).unwrap().is_empty());
}

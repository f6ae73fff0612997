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

    let places = store.erase_person(p.id).unwrap().total();
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

mod support;

/// Every byte of `path` lower-cased (ASCII), for a case-insensitive search.
fn lower_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default().to_ascii_lowercase()
}

/// The forms of Xandra's identity that must not survive, lower-cased.
const FORMS: &[&str] = &[
    "xandra quibbleworth",
    "xandra-quibbleworth",
    "xandra_quibbleworth",
    "quibbleworth",
    "xquibble",
    "x.quibble@example.org",
    "quibble",
    "0612345678",
    "06-1234 5678",
    "1234 5678",
    "+31 6 1234 5678",
    // From her notes, which went with her record and its history.
    "kattenpad 12",
];

fn hits(path: &Path) -> Vec<String> {
    let bytes = lower_bytes(path);
    FORMS
        .iter()
        .filter(|f| bytes.windows(f.len()).any(|w| w == f.as_bytes()))
        .map(|f| format!("{}: {f}", path.display()))
        .collect()
}

#[test]
fn erasure_leaves_no_form_of_the_person_in_the_database_drafts_or_new_exports() {
    use wijkdesk::tui::popups::form::FormDraft;
    let env = support::cli::Env::new();
    env.ok(&["demo"]);
    let drafts = env.dir().join("drafts");
    let run = |user: &str, args: &[&str]| -> String {
        let out = env
            .cmd()
            .env("WIJKDESK_USER", user)
            .env("WIJKDESK_DRAFTS", &drafts)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "wijkdesk {args:?}: {stderr}");
        String::from_utf8(out.stdout).unwrap()
    };
    let id = run(
        "tester",
        &[
            "person",
            "add",
            "--name",
            "Xandra Quibbleworth",
            "--org",
            "O-1",
            "--role",
            "secretaris",
            "--email",
            "X.Quibble@Example.org",
            "--phone",
            "06-1234 5678",
            "--username",
            "xquibble",
            "--notes",
            "Woont Kattenpad 12, belt liever 's avonds",
        ],
    )
    .lines()
    .next()
    .unwrap()
    .trim()
    .to_string();
    assert!(id.starts_with("P-"), "{id}");

    // Named in minutes in every form, and a line edited so the audit holds copies.
    let meeting = run(
        "tester",
        &[
            "meeting",
            "add",
            "--title",
            "Overleg met Xandra Quibbleworth",
            "--start",
            "2026-01-10T19:30",
            "--org",
            "O-1",
            "--location",
            "Bij XANDRA QUIBBLEWORTH thuis",
            "--agenda",
            "Vragen van @xquibble",
        ],
    )
    .lines()
    .next()
    .unwrap()
    .trim()
    .to_string();
    for line in [
        "Xandra Quibbleworth meldt dat de bel kapot is",
        "@Xandra-Quibbleworth belt terug op 0612345678",
        "Q: mailt XANDRA QUIBBLEWORTH via x.quibble@example.org?",
        "A: Bankjes regelen @xquibble due:+2w",
        "Bereikbaar op +31 6 1234 5678",
    ] {
        run("tester", &["minutes", "add", &meeting, line]);
    }
    run(
        "tester",
        &[
            "minutes",
            "edit",
            &format!("{meeting}/1"),
            "Xandra Quibbleworth meldt dat de bel al weken kapot is",
        ],
    );
    // Her own work: records she made carry her username.
    let signal = run(
        "xquibble",
        &[
            "signal",
            "add",
            "--org",
            "O-1",
            "--title",
            "Bel kapot, gemeld door Xandra-Quibbleworth",
            "--body",
            "Contact: 06-1234 5678 of X.QUIBBLE@example.org",
        ],
    )
    .lines()
    .next()
    .unwrap()
    .trim()
    .to_string();
    run(
        "tester",
        &[
            "feedback",
            "add",
            &signal,
            "--channel",
            "phone",
            "--text",
            "Xandra Quibbleworth gebeld: de aannemer komt",
        ],
    );
    run(
        "tester",
        &[
            "action",
            "add",
            "--text",
            "Xandra Quibbleworth terugbellen",
            "--owner",
            "DSB",
        ],
    );
    // A form draft on disk, as the screens leave it after a dropped connection.
    let mut draft = FormDraft {
        kind: "meeting".into(),
        db: env.db.to_string_lossy().into_owned(),
        ..Default::default()
    };
    draft.values.insert(
        "title".into(),
        "Nagesprek @Xandra-Quibbleworth (06-1234 5678)".into(),
    );
    let draft_file = wijkdesk::drafts::save_in(&drafts, &draft).unwrap();
    // An export made before the erasure is the user's own file: it is not touched.
    let before = env.dir().join("before.csv");
    run(
        "tester",
        &["person", "export-all", "-o", before.to_str().unwrap()],
    );
    let before_bytes = std::fs::read(&before).unwrap();
    assert!(!hits(&before).is_empty(), "the test named her nowhere");
    assert!(!hits(&env.db).is_empty() || !hits(&wal(&env.db)).is_empty());
    let found = run("tester", &["search", "quibbleworth", "--json"]);
    assert!(found.contains("Quibbleworth"), "{found}");

    let out = run("privacy-officer", &["person", "erase", &id, "--yes"]);
    assert!(out.starts_with(&format!("{id} erased (")), "{out}");
    for kind in [
        "minutes lines",
        "history entries",
        "search index entries",
        "signals",
        "feedback texts",
        "form drafts on disk",
        "meetings",
        "agenda items",
    ] {
        assert!(out.contains(kind), "no {kind} in the report:\n{out}");
    }

    // Exports written after the erasure.
    let fresh = env.dir().join("after");
    std::fs::create_dir(&fresh).unwrap();
    let mut written = Vec::new();
    for (name, args) in [
        ("orgs.csv", vec!["org", "export"]),
        ("people.csv", vec!["person", "export-all"]),
        (
            "people.json",
            vec!["person", "export-all", "--format", "json"],
        ),
        ("minutes.md", vec!["minutes", "export", &meeting]),
        ("meetings.ics", vec!["meeting", "export"]),
    ] {
        let file = fresh.join(name);
        let mut a = args.clone();
        let path = file.to_str().unwrap().to_string();
        a.extend(["-o", &path]);
        run("tester", &a);
        written.push(file);
    }
    for (name, args) in [
        ("loop.csv", vec!["report", "loop", "--format", "csv"]),
        ("loop.md", vec!["report", "loop", "--format", "md"]),
        (
            "commitments.csv",
            vec!["report", "commitments", "--format", "csv"],
        ),
        (
            "commitments.md",
            vec!["report", "commitments", "--format", "md"],
        ),
        ("person.json", vec!["person", "export", &id]),
        ("history.txt", vec!["history", &id]),
        ("timeline.txt", vec!["signal", "show", &signal]),
    ] {
        let file = fresh.join(name);
        std::fs::write(&file, run("tester", &args)).unwrap();
        written.push(file);
    }
    let mut places = vec![env.db.clone(), wal(&env.db), shm(&env.db)];
    for entry in std::fs::read_dir(&drafts).unwrap() {
        places.push(entry.unwrap().path());
    }
    places.extend(written);
    let left: Vec<String> = places.iter().flat_map(|p| hits(p)).collect();
    assert!(left.is_empty(), "still there:\n{}", left.join("\n"));

    // The draft is still a draft, with the stand-in; the old export is untouched.
    let text = std::fs::read_to_string(&draft_file).unwrap();
    assert!(text.contains("Nagesprek @[verwijderd]"), "{text}");
    assert_eq!(std::fs::read(&before).unwrap(), before_bytes);
    for word in ["quibbleworth", "xquibble", "Xandra"] {
        let found = run("tester", &["search", word, "--json"]);
        assert_eq!(found.trim(), "[]", "search {word} still finds: {found}");
    }
    let minutes = run("tester", &["minutes", "list", &meeting]);
    assert!(
        minutes.contains("@[verwijderd] belt terug op [verwijderd]"),
        "{minutes}"
    );
    // The database is sound after it was rebuilt.
    let store = wijkdesk::store::Store::open(&env.db, ctx()).unwrap();
    assert!(store.check().unwrap().is_empty());
}

fn shm(path: &Path) -> std::path::PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push("-shm");
    p.into()
}

/// A name typed in a signal's text and corrected away by an edit still sits in the old
/// text the history and the timeline keep: erasure finds it there too.
#[test]
fn erasure_finds_a_name_in_the_old_text_of_an_edited_signal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edit.db");
    let mut store = Store::open(&path, ctx()).unwrap();
    store.set_accept_new_terms(true);
    let name = "Gerritje Vlasbloem-Oudtekst";
    let org = store
        .add_org(wijkdesk::store::NewOrg {
            name: "Buurtvereniging Oude Tekst".into(),
            ..Default::default()
        })
        .unwrap();
    let p = store
        .add_person(NewPerson {
            name: name.into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .unwrap();
    let s = store
        .add_signal(wijkdesk::store::NewSignal {
            title: "Lekkage in het buurthuis".into(),
            body: Some(format!("Gemeld door {name}: het dak lekt.")),
            org_id: Some(org.id),
            ..Default::default()
        })
        .unwrap();
    store
        .edit_signal(
            s.id,
            wijkdesk::store::SignalEdit {
                body: Some("Gemeld door de secretaris: het dak lekt.".into()),
                ..Default::default()
            },
            Some(s.version),
        )
        .unwrap();
    // The signal no longer names her, but its history and timeline do.
    assert!(!store.signal(s.id).unwrap().body.contains(name));
    let history = store.history(s.reference()).unwrap();
    assert!(history.last().unwrap().changes.to_string().contains(name));
    let timeline = store.timeline(s.id).unwrap();
    assert!(timeline.last().unwrap().detail.contains(name));
    let export = store.export_person(p.id).unwrap().to_string();
    assert!(
        export.contains("het dak lekt"),
        "the export holds the old text that names her"
    );

    let erasure = store.erase_person(p.id).unwrap();
    let count = |kind: &str| {
        erasure
            .counts
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    // Her own history, and the signal's creation and edit that held the old text.
    assert!(count("audit") >= 3, "{:?}", erasure.counts);
    assert!(count("signal_event") >= 1, "{:?}", erasure.counts);
    let history = store.history(s.reference()).unwrap();
    assert!(
        history
            .iter()
            .all(|h| !h.changes.to_string().contains("Vlasbloem"))
    );
    assert!(
        store
            .timeline(s.id)
            .unwrap()
            .iter()
            .all(|e| !e.detail.contains("Vlasbloem"))
    );
    drop(store);
    for needle in [name, "Vlasbloem"] {
        assert!(
            !file_contains(&path, needle),
            "database file still holds {needle}"
        );
        assert!(
            !file_contains(&wal(&path), needle),
            "WAL still holds {needle}"
        );
    }
}

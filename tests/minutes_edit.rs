//! Minutes after they were typed: editing (a line that resolves now creates its record;
//! a line that created one keeps it untouched), moving, deleting, answering questions,
//! amendments once final, and the draft of the line being typed.

mod support;

use rusqlite::Connection;
use support::{TempDb, day0, days, residents, service, staff};
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::minutes::EntryKind;
use wijkdesk::store::{NewMeeting, Store, StoreError};

struct World {
    db: TempDb,
    store: Store,
    meeting: i64,
    items: Vec<i64>,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let duinoord = residents(&mut store, "Bewonersoverleg Duinoord").id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    staff(&mut store, "Anna de Vries", "avries", Some(dso), &[], &[]);
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(day0().and_hms_opt(19, 30, 0).unwrap()),
            org_ids: vec![duinoord],
            agenda: vec!["Opening".into(), "Verkeer".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    let items = store
        .agenda(meeting)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    World {
        db,
        store,
        meeting,
        items,
    }
}

/// One row of a table as text, to prove it unchanged.
fn row(conn: &Connection, table: &str, id: i64) -> String {
    let mut st = conn
        .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))
        .unwrap();
    let n = st.column_count();
    st.query_row([id], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
            .collect::<Vec<_>>()
            .join(" | "))
    })
    .unwrap()
}

fn last_action(store: &Store, meeting: i64) -> String {
    store
        .history(store.meeting(meeting).unwrap().reference())
        .unwrap()
        .pop()
        .unwrap()
        .action
}

#[test]
fn an_unresolved_line_creates_its_record_when_an_edit_makes_it_resolve() {
    let mut w = world();
    let e = w
        .store
        .add_minute(
            w.meeting,
            Some(w.items[1]),
            "A: Tegels laten herstellen @nobody due:+2w",
        )
        .unwrap();
    assert_eq!(e.minute.created, None);
    assert_eq!(e.minute.problems.len(), 1, "{:?}", e.minute.problems);
    let actions = support::count(&w.db.raw(), "SELECT count(*) FROM action");

    let change = w
        .store
        .edit_minute(
            e.minute.id,
            "A: Tegels laten herstellen @avries due:+2w",
            Some(e.minute.version),
        )
        .unwrap();
    assert!(change.changed);
    let created = change.created.clone().expect("the action is created now");
    assert!(created.starts_with("A-"));
    assert_eq!(change.kept, None);
    assert_eq!(change.minute.created.as_deref(), Some(created.as_str()));
    assert!(change.minute.problems.is_empty());
    assert_eq!(change.minute.version, e.minute.version + 1);
    assert_eq!(
        support::count(&w.db.raw(), "SELECT count(*) FROM action"),
        actions + 1
    );
    let id: i64 = created[2..].parse().unwrap();
    let action = w.store.action(id).unwrap();
    assert_eq!(action.text, "Tegels laten herstellen");
    assert_eq!(
        action.due,
        Some(days(14)),
        "due:+2w counts from the day the line was written"
    );
    assert_eq!(action.meeting_id, Some(w.meeting));
    assert!(action.owner.contains("Anna de Vries"));
    let item: Option<i64> =
        w.db.raw()
            .query_row(
                "SELECT agenda_item_id FROM action WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(item, Some(w.items[1]), "linked to the line's agenda item");
    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference())
        .unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "update");
    assert_eq!(
        last.changes[format!("minute {}", e.minute.position)][1],
        "A: Tegels laten herstellen @avries due:+2w"
    );
}

#[test]
fn an_edit_keeps_the_record_a_line_created_and_changes_nothing_on_it() {
    let mut w = world();
    let e = w
        .store
        .add_minute(
            w.meeting,
            None,
            "T: Verlichting herstellen @avries due:+14d",
        )
        .unwrap();
    let made = e.minute.created.clone().expect("commitment created");
    let cid: i64 = made[2..].parse().unwrap();
    let before = row(&w.db.raw(), "commitment", cid);
    let commitments = support::count(&w.db.raw(), "SELECT count(*) FROM commitment");

    let change = w
        .store
        .edit_minute(
            e.minute.id,
            "T: Verlichting in het park herstellen @onbekend due:+30d",
            None,
        )
        .unwrap();
    assert!(change.changed);
    assert_eq!(change.created, None, "no second record");
    assert_eq!(change.kept.as_deref(), Some(made.as_str()));
    assert_eq!(
        change.minute.created.as_deref(),
        Some(made.as_str()),
        "still linked"
    );
    assert_eq!(
        change.minute.text,
        "T: Verlichting in het park herstellen @onbekend due:+30d"
    );
    assert_eq!(
        change.minute.problems.len(),
        1,
        "the new text's problems are stored: {:?}",
        change.minute.problems
    );
    assert_eq!(
        row(&w.db.raw(), "commitment", cid),
        before,
        "the commitment is untouched"
    );
    assert_eq!(
        support::count(&w.db.raw(), "SELECT count(*) FROM commitment"),
        commitments
    );

    // Its kind cannot change: that would leave a decision linked to a commitment.
    let dump = support::dump(&w.db.raw());
    let err = w
        .store
        .edit_minute(e.minute.id, "D: Toch een besluit", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains(&made) && err.contains("commitment"), "{err}");
    assert_eq!(support::dump(&w.db.raw()), dump);
}

#[test]
fn edits_refuse_empty_text_and_stale_versions_and_skip_no_ops() {
    let mut w = world();
    let e = w.store.add_minute(w.meeting, None, "Welkom").unwrap();
    assert!(w.store.edit_minute(e.minute.id, "   ", None).is_err());
    let same = w.store.edit_minute(e.minute.id, "Welkom", None).unwrap();
    assert!(!same.changed);
    assert_eq!(
        same.minute.version, e.minute.version,
        "a no-op writes nothing"
    );
    w.store
        .edit_minute(e.minute.id, "Welkom allemaal", Some(e.minute.version))
        .unwrap();
    let stale = w
        .store
        .edit_minute(e.minute.id, "Welkom iedereen", Some(e.minute.version));
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");
    let also_stale = w.store.delete_minute(e.minute.id, Some(e.minute.version));
    assert!(matches!(also_stale, Err(StoreError::Conflict(_))));
    assert!(w.store.edit_minute(99_999, "x", None).is_err());
    let note = w
        .store
        .edit_minute(e.minute.id, "Q: Wie opent?", None)
        .unwrap();
    assert_eq!(
        note.minute.kind,
        EntryKind::Question,
        "a line without a record may change kind"
    );
}

#[test]
fn lines_move_between_agenda_items_with_their_record() {
    let mut w = world();
    let e = w
        .store
        .add_minute(w.meeting, Some(w.items[0]), "A: Agenda rondsturen @avries")
        .unwrap();
    let aid: i64 = e.minute.created.as_deref().unwrap()[2..].parse().unwrap();
    let moved = w
        .store
        .move_minute(e.minute.id, Some(w.items[1]), None)
        .unwrap();
    assert_eq!(moved.agenda_item_id, Some(w.items[1]));
    assert_eq!(
        moved.position, e.minute.position,
        "the order of typing is kept"
    );
    let item: Option<i64> =
        w.db.raw()
            .query_row(
                "SELECT agenda_item_id FROM action WHERE id = ?1",
                [aid],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(item, Some(w.items[1]));
    // Now the first item is free to delete.
    w.store.delete_agenda_item(w.items[0], None).unwrap();
    let loose = w.store.move_minute(e.minute.id, None, None).unwrap();
    assert_eq!(loose.agenda_item_id, None);

    let other = w
        .store
        .add_meeting(NewMeeting {
            title: "Ander overleg".into(),
            starts_at: Some(day0().and_hms_opt(10, 0, 0).unwrap()),
            agenda: vec!["Elders".into()],
            ..Default::default()
        })
        .unwrap();
    let elsewhere = w.store.agenda(other.id).unwrap()[0].id;
    let err = w
        .store
        .move_minute(e.minute.id, Some(elsewhere), None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("not part of"), "{err}");
}

#[test]
fn deleting_a_line_keeps_what_it_created() {
    let mut w = world();
    let e = w
        .store
        .add_minute(w.meeting, None, "S: Losse tegels bij de school #verkeer")
        .unwrap();
    let made = e.minute.created.clone().expect("signal created");
    let sid: i64 = made[2..].parse().unwrap();
    let gone = w
        .store
        .delete_minute(e.minute.id, Some(e.minute.version))
        .unwrap();
    assert_eq!(gone.kept.as_deref(), Some(made.as_str()));
    assert_eq!(gone.minute.text, "S: Losse tegels bij de school #verkeer");
    assert!(w.store.minutes(w.meeting).unwrap().is_empty());
    assert_eq!(
        w.store.signal(sid).unwrap().title,
        "Losse tegels bij de school",
        "the signal stays"
    );
    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference())
        .unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "update");
    assert_eq!(
        last.changes["minute 1"],
        serde_json::json!(["S: Losse tegels bij de school #verkeer", null])
    );
    assert_eq!(last.changes["minute 1 kept"][0], made.as_str());
    let plain = w
        .store
        .add_minute(w.meeting, None, "Gewoon een notitie")
        .unwrap();
    assert_eq!(
        w.store.delete_minute(plain.minute.id, None).unwrap().kept,
        None
    );
}

#[test]
fn after_finalising_every_change_is_an_amendment() {
    let mut w = world();
    let a = w
        .store
        .add_minute(w.meeting, Some(w.items[0]), "Welkom")
        .unwrap();
    let b = w
        .store
        .add_minute(w.meeting, Some(w.items[0]), "Notitie die weg moet")
        .unwrap();
    let q = w
        .store
        .add_minute(w.meeting, Some(w.items[1]), "Q: Komt er een zebrapad?")
        .unwrap();
    w.store
        .meeting_step(w.meeting, MeetingEvent::Hold, None)
        .unwrap();
    let edited = w
        .store
        .edit_minute(a.minute.id, "Welkom door de voorzitter", None)
        .unwrap();
    assert!(!edited.minute.amendment);
    assert_eq!(
        last_action(&w.store, w.meeting),
        "update",
        "held, not final: not yet an amendment"
    );
    w.store
        .meeting_step(w.meeting, MeetingEvent::Finalise, None)
        .unwrap();

    let fresh = w
        .store
        .add_minute(w.meeting, None, "Nagekomen opmerking")
        .unwrap();
    assert!(fresh.minute.amendment);
    assert_eq!(last_action(&w.store, w.meeting), "amend");

    let moved = w
        .store
        .move_minute(b.minute.id, Some(w.items[1]), None)
        .unwrap();
    assert!(moved.amendment);
    assert_eq!(last_action(&w.store, w.meeting), "amend");

    let before_edit = w.store.minute(q.minute.id).unwrap();
    assert!(!before_edit.amendment);
    let e = w
        .store
        .edit_minute(q.minute.id, "Q: Komt er een zebrapad bij de school?", None)
        .unwrap();
    assert!(e.minute.amendment);
    assert_eq!(last_action(&w.store, w.meeting), "amend");

    w.store.delete_minute(b.minute.id, None).unwrap();
    assert_eq!(last_action(&w.store, w.meeting), "amend");
    let doc = w.store.minutes_doc(w.meeting).unwrap();
    assert_eq!(
        doc.removed,
        ["Notitie die weg moet"],
        "the export lists what was removed after finalising"
    );

    // Answering a question is not an amendment of these minutes.
    let answered = w.store.answer_question(q.minute.id, true, None).unwrap();
    assert!(answered.answered);
    assert_eq!(last_action(&w.store, w.meeting), "answer");
}

#[test]
fn questions_are_answered_and_reopened() {
    let mut w = world();
    let q = w
        .store
        .add_minute(w.meeting, None, "V: Wanneer komt de bank terug?")
        .unwrap();
    assert_eq!(q.minute.kind, EntryKind::Question);
    let a = w
        .store
        .answer_question(q.minute.id, true, Some(q.minute.version))
        .unwrap();
    assert!(a.answered);
    assert!(!a.amendment);
    let again = w.store.answer_question(q.minute.id, true, None).unwrap();
    assert_eq!(again.version, a.version, "answering twice changes nothing");
    let open = w
        .store
        .answer_question(q.minute.id, false, Some(a.version))
        .unwrap();
    assert!(!open.answered);
    assert_eq!(last_action(&w.store, w.meeting), "reopen");
    let note = w.store.add_minute(w.meeting, None, "Een notitie").unwrap();
    let err = w
        .store
        .answer_question(note.minute.id, true, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a question"), "{err}");
}

#[test]
fn lines_are_found_by_meeting_and_number() {
    let mut w = world();
    w.store.add_minute(w.meeting, None, "Een").unwrap();
    let two = w.store.add_minute(w.meeting, None, "Twee").unwrap();
    assert_eq!(w.store.minute_at(w.meeting, 2).unwrap().id, two.minute.id);
    assert!(
        w.store
            .minute_at(w.meeting, 3)
            .unwrap_err()
            .to_string()
            .contains("has no line 3")
    );
    assert!(w.store.minute_at(999, 1).is_err());
}

#[test]
fn the_draft_line_is_kept_per_meeting_and_user() {
    let w = world();
    let mut mine = w.db.open("tester");
    let mut theirs = w.db.open("collega");
    assert_eq!(mine.minute_draft(w.meeting).unwrap(), None);
    mine.save_minute_draft(w.meeting, "A: Tegels la").unwrap();
    mine.save_minute_draft(w.meeting, "A: Tegels laten herstellen @DS")
        .unwrap();
    theirs.save_minute_draft(w.meeting, "Q: Wie").unwrap();
    assert_eq!(
        support::count(&w.db.raw(), "SELECT count(*) FROM minute_draft"),
        2,
        "one row per meeting and user, overwritten in place"
    );
    // A new process (after a crash) finds it back.
    drop(mine);
    let mut mine = w.db.open("tester");
    assert_eq!(
        mine.minute_draft(w.meeting).unwrap().as_deref(),
        Some("A: Tegels laten herstellen @DS")
    );
    assert_eq!(
        theirs.minute_draft(w.meeting).unwrap().as_deref(),
        Some("Q: Wie")
    );

    // Enter: the line is stored and the draft cleared in one transaction.
    let e = mine
        .add_minute_from_draft(w.meeting, None, "A: Tegels laten herstellen @DSO")
        .unwrap();
    assert!(e.minute.created.is_some());
    assert_eq!(mine.minute_draft(w.meeting).unwrap(), None);
    assert_eq!(
        theirs.minute_draft(w.meeting).unwrap().as_deref(),
        Some("Q: Wie"),
        "others' drafts stay"
    );

    theirs.save_minute_draft(w.meeting, "").unwrap();
    assert_eq!(
        theirs.minute_draft(w.meeting).unwrap(),
        None,
        "an empty draft is no draft"
    );
    mine.save_minute_draft(w.meeting, "bezig").unwrap();
    mine.clear_minute_draft(w.meeting).unwrap();
    assert_eq!(mine.minute_draft(w.meeting).unwrap(), None);

    let err = mine.save_minute_draft(999, "x").unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(ref m) if m == "M-999"),
        "{err:?}"
    );
    // A failed line keeps the draft.
    mine.save_minute_draft(w.meeting, "   ").unwrap();
    mine.save_minute_draft(w.meeting, "nog bezig").unwrap();
    assert!(
        mine.add_minute_from_draft(w.meeting, Some(99_999), "nog bezig")
            .is_err()
    );
    assert_eq!(
        mine.minute_draft(w.meeting).unwrap().as_deref(),
        Some("nog bezig")
    );
}

#[test]
fn a_draft_write_is_cheap() {
    let w = world();
    let mut store = w.db.open("tester");
    let started = std::time::Instant::now();
    for i in 0..200 {
        store
            .save_minute_draft(w.meeting, &format!("regel {i}"))
            .unwrap();
    }
    let per_write = started.elapsed() / 200;
    // Generous: fsync on a slow disk; typing pauses are hundreds of milliseconds.
    assert!(
        per_write < std::time::Duration::from_millis(100),
        "{per_write:?} per draft write"
    );
    assert_eq!(
        store.minute_draft(w.meeting).unwrap().as_deref(),
        Some("regel 199")
    );
}

#[test]
fn tab_completes_tokens_that_resolve() {
    let mut w = world();
    let dso = w.store.resolve_org("DSO").unwrap();
    staff(&mut w.store, "Jan-Willem van Dijk", "", Some(dso), &[], &[]);
    w.store
        .add_signal(wijkdesk::store::NewSignal {
            title: "Drukte".into(),
            theme: Some("verkeer".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(w.store.token_candidates("@an", 10).unwrap(), ["@avries"]);
    assert_eq!(
        w.store.token_candidates("@vries", 10).unwrap(),
        ["@avries"],
        "a later word of the name"
    );
    assert_eq!(w.store.token_candidates("@ds", 10).unwrap(), ["@DSO"]);
    assert_eq!(
        w.store.token_candidates("@stedel", 10).unwrap(),
        ["@DSO"],
        "by the service's name"
    );
    assert_eq!(
        w.store.token_candidates("org:duin", 10).unwrap(),
        ["org:\"Bewonersoverleg Duinoord\""]
    );
    assert_eq!(
        w.store.token_candidates("ORG:\"bewoners", 10).unwrap(),
        ["org:\"Bewonersoverleg Duinoord\""]
    );
    assert_eq!(w.store.token_candidates("#ver", 10).unwrap(), ["#verkeer"]);
    assert!(w.store.token_candidates("due:+1", 10).unwrap().is_empty());
    assert!(w.store.token_candidates("@zzz", 10).unwrap().is_empty());
    let everyone = w.store.token_candidates("@", 10).unwrap();
    assert!(everyone.len() >= 3, "{everyone:?}");
    assert_eq!(w.store.token_candidates("@", 2).unwrap().len(), 2);
    // Every completion resolves when used.
    let jan = w.store.token_candidates("@jan", 10).unwrap();
    assert_eq!(jan.len(), 1, "{jan:?}");
    for token in [
        jan[0].as_str(),
        "@avries",
        "@DSO",
        "org:\"Bewonersoverleg Duinoord\"",
        "#verkeer",
    ] {
        let e = w
            .store
            .add_minute(w.meeting, None, &format!("A: Bellen {token}"))
            .unwrap();
        assert!(
            e.minute.problems.is_empty(),
            "{token}: {:?}",
            e.minute.problems
        );
        assert!(e.minute.created.is_some());
    }
}

//! schema/015: a database from before gets a random installation id (the calendar
//! UIDs' unique part) that survives reopening; its meetings continue their SEQUENCE;
//! its outbox keeps every message. And what a cancelled meeting means for the lists
//! and the cadence.

mod support;

use support::{TempDb, count, day0, old_schema, residents};
use wijkdesk::domain::meeting::{MeetingEvent, MeetingStatus};
use wijkdesk::store::{MailKind, NewMeeting, Store};

/// A database as wijkdesk left it at schema 14, with a meeting edited twice and a
/// feedback e-mail in the outbox.
fn old_database(db: &TempDb) {
    let conn = db.raw_plain();
    old_schema(&conn, 14);
    conn.execute_batch(
        "INSERT INTO organisation (name, kind, created_at, updated_at)
              VALUES ('Wijkberaad Zeeheld', 'residents', '2024-09-01T10:00:00Z', '2024-09-01T10:00:00Z');
         INSERT INTO meeting (title, starts_at, created_by, created_at, updated_at, version)
              VALUES ('Overleg', '2024-10-01T19:30', 'alice', '2024-09-01T10:00:00Z', '2024-09-02T10:00:00Z', 3);
         INSERT INTO signal (title, org_id, received_on, created_by, created_at, updated_at)
              VALUES ('Losse tegels', 1, '2024-09-01', 'alice', '2024-09-01T10:00:00Z', '2024-09-01T10:00:00Z');
         INSERT INTO outbox (signal_id, is_final, text, to_addr, subject, message_id, status, error,
                             created_by, created_at, updated_at)
              VALUES (1, 0, 'Beste bewoners', 'zeeheld@example.org', 'Terugkoppeling S-1', 'S-1.1@x',
                      'failed', 'connection refused', 'alice', '2024-09-01T10:00:00Z', '2024-09-01T10:00:00Z');",
    )
    .unwrap();
}

fn is_uuid_v4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        && s.chars().all(|c| !c.is_ascii_uppercase())
        && parts[2].starts_with('4')
        && "89ab".contains(&parts[3][..1])
}

#[test]
fn an_old_database_gets_an_installation_id_that_survives_reopening() {
    let db = TempDb::new();
    old_database(&db);
    let id = {
        let store = db.open("beheer");
        let id = store.installation_id().unwrap();
        assert!(is_uuid_v4(&id), "{id}");
        // Its meeting continues the SEQUENCE earlier exports wrote (version - 1).
        let m = store.meeting(1).unwrap();
        assert_eq!((m.sequence, m.invited_sequence), (2, None));
        // The outbox kept its message, as feedback on its signal.
        let e = store.outbox_entry(1).unwrap();
        assert_eq!(
            (e.kind, e.signal_id, e.meeting_id),
            (MailKind::Feedback, Some(1), None)
        );
        assert_eq!(e.error.as_deref(), Some("connection refused"));
        id
    };
    let again = db.open("someone-else");
    assert_eq!(again.installation_id().unwrap(), id);
    assert_eq!(
        count(&db.raw(), "SELECT count(*) FROM installation"),
        1,
        "made once"
    );
    let integrity: String = db
        .raw()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert_eq!(
        count(&db.raw(), "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );

    // A new database has its own.
    let other = TempDb::new();
    let fresh = other.open("beheer").installation_id().unwrap();
    assert!(is_uuid_v4(&fresh));
    assert_ne!(fresh, id);
}

#[test]
fn a_cancelled_meeting_leaves_the_planned_list_and_never_counts_as_held() {
    let db = TempDb::new();
    let mut store: Store = db.open("anouk");
    let org = residents(&mut store, "Bewonersoverleg Duinoord").id;
    let day = |n: i64| {
        (day0() + chrono::Duration::days(n))
            .and_hms_opt(19, 30, 0)
            .unwrap()
    };
    let add = |store: &mut Store, title: &str, n: i64| {
        store
            .add_meeting(NewMeeting {
                title: title.into(),
                starts_at: Some(day(n)),
                org_ids: vec![org],
                ..Default::default()
            })
            .unwrap()
            .id
    };
    let soon = add(&mut store, "Soon", 3);
    let later = add(&mut store, "Later", 10);
    let m = store
        .cancel_meeting(soon, Some("zaal dicht"), None)
        .unwrap();
    assert_eq!(m.status, MeetingStatus::Cancelled);
    assert_eq!(m.cancel_reason.as_deref(), Some("zaal dicht"));
    assert_eq!(m.sequence, 1);
    assert_eq!(m.version, 2);

    // Planned first (only "Later"), then the cancelled one among those that are over.
    let page: Vec<(i64, MeetingStatus)> = store
        .meeting_page("", None, 10)
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.status))
        .collect();
    assert_eq!(
        page,
        vec![
            (later, MeetingStatus::Planned),
            (soon, MeetingStatus::Cancelled)
        ]
    );

    // Not held, not finalised, not edited, not cancelled twice: each says why.
    store.set_now(Some(day(4)));
    for (result, needle) in [
        (
            store
                .meeting_step(soon, MeetingEvent::Hold, None)
                .map(|_| ()),
            "cannot hold a meeting that is cancelled",
        ),
        (
            store.cancel_meeting(soon, None, None).map(|_| ()),
            "cancelled already",
        ),
        (
            store
                .edit_meeting(
                    soon,
                    wijkdesk::store::MeetingEdit {
                        location: Some("Elders".into()),
                        ..Default::default()
                    },
                    None,
                )
                .map(|_| ()),
            "can no longer be changed",
        ),
        (
            store.add_minute(soon, None, "D: toch doorgaan").map(|_| ()),
            "can no longer be changed",
        ),
        (
            store.add_agenda_item(soon, "Rondvraag").map(|_| ()),
            "can no longer be changed",
        ),
        (
            store.set_attendance(soon, org, Some(true), None),
            "can no longer be changed",
        ),
    ] {
        let e = result.unwrap_err().to_string();
        assert!(e.contains(needle), "{e}");
    }

    // The cadence counts held meetings only: the cancelled one never is.
    let last: Option<String> = db
        .raw()
        .query_row(
            "SELECT (SELECT last_meeting FROM org_figures WHERE org_id = ?1)",
            [org],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last, None);
    // The statement to the organisation does not announce the called-off meeting.
    let st = store.statement(org, None).unwrap();
    let upcoming: Vec<&str> = st.planned.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(upcoming, vec!["Later"]);
    assert!(st.meetings.is_empty());
    let history = store.history(m.reference()).unwrap();
    let cancel = history
        .iter()
        .find(|h| h.action == "cancel")
        .expect("cancel row");
    assert_eq!(cancel.changes["reason"][1], "zaal dicht");
    assert_eq!(cancel.changes["status"][1], "cancelled");
}

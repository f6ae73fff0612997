//! Meetings read true, on real files: a meeting is not held before it starts; anyone,
//! the municipality's staff too, can be on the attendance list; the agenda and the
//! attendance marks refuse a stale edit, naming what changed; the history names the
//! people and organisations, also in entries written before it did.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use support::{TempDb, day0, days, dump, residents, service, staff};
use wijkdesk::domain::meeting::{MeetingEvent, MeetingStatus};
use wijkdesk::domain::minutes_export::Lang;
use wijkdesk::store::{AgendaMove, NewMeeting, NewPerson, Store, StoreError};

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).expect("valid time")
}

struct World {
    db: TempDb,
    store: Store,
    org: i64,
    staff: i64,
    meeting: i64,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let org = residents(&mut store, "Bewonersorganisatie Duinoord").id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let staff = staff(&mut store, "Anna de Vries", "avries", Some(dso), &[], &[]).id;
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(at(days(14), 19, 30)),
            org_ids: vec![org],
            agenda: vec!["Opening".into(), "Verkeer".into(), "Rondvraag".into()],
            ..Default::default()
        })
        .expect("add meeting")
        .id;
    World {
        db,
        store,
        org,
        staff,
        meeting,
    }
}

fn conflict(e: StoreError) -> String {
    match e {
        StoreError::Conflict(m) => m.to_string(),
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn a_meeting_is_not_held_before_it_starts() {
    let mut w = world();
    let before = dump(&w.db.raw());
    // A minute before the start, on the day itself.
    w.store.set_now(Some(at(days(14), 19, 29)));
    let err = w
        .store
        .meeting_step(w.meeting, MeetingEvent::Hold, None)
        .unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains(&format!("M-{}", w.meeting)), "{msg}");
    assert!(msg.contains("2024-10-15 at 19:30"), "{msg}");
    assert_eq!(dump(&w.db.raw()), before, "a refused hold writes nothing");

    // Without an exact time, the day given is the whole day: a meeting later that day
    // can be marked held that evening, one on a later day cannot.
    w.store.set_now(None);
    assert_eq!(w.store.today(), day0());
    assert!(
        w.store
            .meeting_step(w.meeting, MeetingEvent::Hold, None)
            .is_err()
    );

    w.store.set_now(Some(at(days(14), 19, 30)));
    let m = w
        .store
        .meeting_step(w.meeting, MeetingEvent::Hold, None)
        .unwrap();
    assert_eq!(m.status, MeetingStatus::Held);
}

#[test]
fn municipal_staff_attend_and_the_minutes_list_them() {
    let mut w = world();
    // A member of staff without an organisation: known by their role.
    let wm = w
        .store
        .add_person(NewPerson {
            name: "Willem Mulder".into(),
            role: Some("wijkmanager".into()),
            username: Some("wmulder".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    w.store
        .set_person_attendance(w.meeting, wm, Some(true), Some(0))
        .unwrap();
    w.store
        .set_person_attendance(w.meeting, w.staff, Some(false), None)
        .unwrap();
    let people = w.store.meeting_people(w.meeting).unwrap();
    assert_eq!(people.len(), 2);
    let md = w.store.minutes_markdown(w.meeting, Lang::En).unwrap();
    let present = md.lines().find(|l| l.contains("Present")).unwrap_or("");
    assert!(present.contains("Willem Mulder (wijkmanager)"), "{md}");
    let absent = md.lines().find(|l| l.contains("Absent")).unwrap_or("");
    assert!(
        absent.contains("Anna de Vries (Dienst Stedelijke Ontwikkeling)"),
        "{md}"
    );
}

#[test]
fn a_stale_agenda_edit_is_a_conflict_that_names_the_item() {
    let mut w = world();
    let mut other = w.db.open("collega");
    let mine = w.store.agenda(w.meeting).unwrap();
    let verkeer = mine[1].clone();
    assert_eq!(verkeer.version, 1);
    let renamed = other
        .rename_agenda_item(verkeer.id, "Verkeer en parkeren", Some(1))
        .unwrap();
    assert_eq!(renamed.version, 2);

    let before = dump(&w.db.raw());
    let m = format!("M-{}", w.meeting);
    let msg = conflict(
        w.store
            .rename_agenda_item(verkeer.id, "Verkeer Valkenboskade", Some(verkeer.version))
            .unwrap_err(),
    );
    assert!(
        msg.contains(&format!("agenda item 2 \"Verkeer en parkeren\" of {m}")),
        "{msg}"
    );
    assert!(msg.contains("version 1") && msg.contains("now 2"), "{msg}");
    conflict(
        w.store
            .move_agenda_item(verkeer.id, AgendaMove::Up, Some(verkeer.version))
            .unwrap_err(),
    );
    conflict(
        w.store
            .delete_agenda_item(verkeer.id, Some(verkeer.version))
            .unwrap_err(),
    );
    assert_eq!(dump(&w.db.raw()), before, "stale edits write nothing");

    // Moving changes both items it swaps: an edit on the other one read before is stale.
    let opening = mine[0].clone();
    assert!(
        other
            .move_agenda_item(verkeer.id, AgendaMove::Up, Some(2))
            .unwrap()
    );
    let msg = conflict(
        w.store
            .rename_agenda_item(opening.id, "Welkom", Some(opening.version))
            .unwrap_err(),
    );
    assert!(msg.contains("\"Opening\""), "{msg}");
    // With the version read now, the edit goes through.
    let now = w.store.agenda(w.meeting).unwrap();
    let opening = now.iter().find(|a| a.id == opening.id).unwrap();
    w.store
        .rename_agenda_item(opening.id, "Welkom", Some(opening.version))
        .unwrap();
}

#[test]
fn a_stale_attendance_mark_is_a_conflict_that_names_who() {
    let mut w = world();
    let mut other = w.db.open("collega");
    w.store
        .set_person_attendance(w.meeting, w.staff, None, Some(0))
        .unwrap();
    let read = w.store.meeting_people(w.meeting).unwrap()[0].clone();
    let org_read = w.store.meeting_orgs(w.meeting).unwrap()[0].clone();
    other
        .set_person_attendance(w.meeting, w.staff, Some(true), Some(read.version))
        .unwrap();
    other
        .set_attendance(w.meeting, w.org, Some(true), Some(org_read.version))
        .unwrap();

    let before = dump(&w.db.raw());
    let msg = conflict(
        w.store
            .set_person_attendance(w.meeting, w.staff, Some(false), Some(read.version))
            .unwrap_err(),
    );
    assert!(
        msg.contains(&format!(
            "the attendance of Anna de Vries (P-{}) at M-{}",
            w.staff, w.meeting
        )),
        "{msg}"
    );
    let msg = conflict(
        w.store
            .set_attendance(w.meeting, w.org, Some(false), Some(org_read.version))
            .unwrap_err(),
    );
    assert!(
        msg.contains(&format!("O-{} Bewonersorganisatie Duinoord", w.org)),
        "{msg}"
    );
    conflict(
        w.store
            .remove_meeting_person(w.meeting, w.staff, Some(read.version))
            .unwrap_err(),
    );
    assert_eq!(dump(&w.db.raw()), before, "stale marks write nothing");

    // Someone seen as not on the list (version 0) whom another put on it meanwhile.
    let jan = staff(&mut w.store, "Jan Jansen", "jjansen", None, &[], &[]).id;
    other
        .set_person_attendance(w.meeting, jan, Some(true), Some(0))
        .unwrap();
    conflict(
        w.store
            .set_person_attendance(w.meeting, jan, Some(false), Some(0))
            .unwrap_err(),
    );
    // Taken off the list by another after I read them.
    let jan_read = w
        .store
        .meeting_people(w.meeting)
        .unwrap()
        .into_iter()
        .find(|p| p.person_id == jan)
        .unwrap();
    other
        .remove_meeting_person(w.meeting, jan, Some(jan_read.version))
        .unwrap();
    let msg = conflict(
        w.store
            .set_person_attendance(w.meeting, jan, Some(false), Some(jan_read.version))
            .unwrap_err(),
    );
    assert!(msg.contains("taken off the list"), "{msg}");
}

#[test]
fn the_history_names_people_and_organisations() {
    let mut w = world();
    let m = w.store.meeting(w.meeting).unwrap().reference();
    w.store
        .set_person_attendance(w.meeting, w.staff, Some(true), None)
        .unwrap();
    w.store
        .set_person_attendance(w.meeting, w.staff, Some(false), None)
        .unwrap();
    w.store
        .set_attendance(w.meeting, w.org, None, None)
        .unwrap();
    let history = w.store.history(m).unwrap();
    let anna = format!("Anna de Vries (P-{})", w.staff);
    let org = format!("O-{} Bewonersorganisatie Duinoord", w.org);
    // Created with the organisation invited.
    assert_eq!(history[0].changes[&org], "invited");
    let marks: Vec<_> = history
        .iter()
        .filter(|h| h.action == "attendance")
        .map(|h| h.changes.clone())
        .collect();
    assert_eq!(marks[0][&anna], "attended");
    assert_eq!(marks[1][&anna], serde_json::json!(["attended", "absent"]));
    assert_eq!(
        marks[2][&org],
        serde_json::json!(["not marked", "not marked"])
    );
    for h in &history {
        for key in h.changes.as_object().unwrap().keys() {
            assert!(
                !key.starts_with("P-") && key != &format!("O-{}", w.org),
                "a bare reference in {}",
                h.changes
            );
        }
    }
}

#[test]
fn older_history_is_shown_with_names_too() {
    let w = world();
    let m = format!("M-{}", w.meeting);
    let raw = w.db.raw();
    // Entries as they were written before the history named anyone.
    for changes in [
        serde_json::json!({ format!("P-{}", w.staff): [null, true] }),
        serde_json::json!({ format!("P-{}", w.staff): [true, false] }),
        serde_json::json!({ format!("O-{}", w.org): [null, null] }),
        serde_json::json!({ format!("P-{}", w.staff): ["listed", null] }),
        serde_json::json!({ "organisations": [[], [format!("O-{} Bewonersorganisatie Duinoord", w.org)]] }),
    ] {
        raw.execute(
            "INSERT INTO audit (at, username, record, action, changes)
             VALUES ('2024-10-01T12:00:00Z', 'oud', ?1, 'attendance', ?2)",
            rusqlite::params![m, changes.to_string()],
        )
        .unwrap();
    }
    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference());
    let history = history.unwrap();
    let old: Vec<_> = history
        .iter()
        .filter(|h| h.user == "oud")
        .map(|h| h.changes.clone())
        .collect();
    let anna = format!("Anna de Vries (P-{})", w.staff);
    let org = format!("O-{} Bewonersorganisatie Duinoord", w.org);
    assert_eq!(old[0][&anna], "attended");
    assert_eq!(old[1][&anna], serde_json::json!(["attended", "absent"]));
    assert_eq!(old[2][&org], "not marked");
    assert_eq!(old[3][&anna], "taken off the list");
    assert_eq!(old[4][&org], "invited");
}

#[test]
fn erasing_a_person_takes_their_name_out_of_the_meetings_history() {
    let mut w = world();
    w.store
        .set_person_attendance(w.meeting, w.staff, Some(true), None)
        .unwrap();
    w.store.erase_person(w.staff).unwrap();
    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference())
        .unwrap();
    let text = serde_json::to_string(&history).unwrap();
    assert!(!text.contains("Anna de Vries"), "{text}");
    assert!(text.contains(&format!("(P-{})", w.staff)), "{text}");
}

#[test]
fn the_history_names_agenda_items_added_and_deleted() {
    let mut w = world();
    let m = w.store.meeting(w.meeting).unwrap().reference();
    let item = w.store.add_agenda_item(w.meeting, "Groen").unwrap();
    w.store
        .delete_agenda_item(item.id, Some(item.version))
        .unwrap();
    // And one written before, with the title as a value.
    w.db.raw()
        .execute(
            "INSERT INTO audit (at, username, record, action, changes)
             VALUES ('2024-10-01T12:00:00Z', 'oud', ?1, 'agenda', ?2)",
            rusqlite::params![
                m.to_string(),
                serde_json::json!({ "agenda item 5": [null, "Afval"] }).to_string()
            ],
        )
        .unwrap();
    let history = w.store.history(m).unwrap();
    let agenda: Vec<_> = history
        .iter()
        .filter(|h| h.action == "agenda")
        .map(|h| h.changes.clone())
        .collect();
    assert_eq!(agenda[0]["agenda item 4 \"Groen\""], "added");
    assert_eq!(agenda[1]["agenda item 4 \"Groen\""], "deleted");
    assert_eq!(agenda[2]["agenda item 5 \"Afval\""], "added");
}

#[test]
fn a_mark_on_an_organisation_uninvited_meanwhile_is_a_conflict() {
    let mut w = world();
    let mut other = w.db.open("collega");
    let read = w.store.meeting_orgs(w.meeting).unwrap()[0].clone();
    other
        .edit_meeting(
            w.meeting,
            wijkdesk::store::MeetingEdit {
                remove_orgs: vec![w.org],
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let before = dump(&w.db.raw());
    let msg = conflict(
        w.store
            .set_attendance(w.meeting, w.org, Some(true), Some(read.version))
            .unwrap_err(),
    );
    assert!(
        msg.contains(&format!(
            "O-{} Bewonersorganisatie Duinoord was taken off the invitation to M-{}",
            w.org, w.meeting
        )),
        "{msg}"
    );
    assert_eq!(dump(&w.db.raw()), before);
}

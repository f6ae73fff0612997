//! Meetings in the store: editing with a version check, the agenda, attendance per
//! organisation and per person, the calendar's data, and last contact and cadence.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use support::{TempDb, audit_rows, count, day0, days, residents, service, staff};
use wijkdesk::domain::meeting::{MeetingEvent, MeetingStatus};
use wijkdesk::store::{AgendaMove, MeetingEdit, NewMeeting, Store, StoreError};

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).expect("valid time")
}

struct World {
    db: TempDb,
    store: Store,
    duinoord: i64,
    zorgvliet: i64,
    dso: i64,
    anna: i64,
    meeting: i64,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let duinoord = residents(&mut store, "Bewonersoverleg Duinoord").id;
    let zorgvliet = residents(&mut store, "Wijkoverleg Zorgvliet").id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let anna = staff(
        &mut store,
        "Anna de Vries",
        "avries",
        Some(dso),
        &["Segbroek"],
        &["verkeer"],
    )
    .id;
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(at(days(14), 19, 30)),
            org_ids: vec![duinoord],
            agenda: vec!["Opening".into(), "Verkeer".into(), "Rondvraag".into()],
            ..Default::default()
        })
        .expect("add meeting")
        .id;
    World {
        db,
        store,
        duinoord,
        zorgvliet,
        dso,
        anna,
        meeting,
    }
}

fn titles(store: &Store, meeting: i64) -> Vec<String> {
    store
        .agenda(meeting)
        .expect("agenda")
        .into_iter()
        .map(|a| format!("{}. {}", a.position, a.title))
        .collect()
}

#[test]
fn edit_changes_the_fields_given_and_logs_them() {
    let mut w = world();
    let before = w.store.meeting(w.meeting).unwrap();
    let audits = audit_rows(&w.db.raw());
    let after = w
        .store
        .edit_meeting(
            w.meeting,
            MeetingEdit {
                title: Some("Overleg Duinoord (verplaatst)".into()),
                kind: Some("wijkoverleg".into()),
                starts_at: Some(at(days(15), 20, 0)),
                ends_at: Some(Some(at(days(15), 21, 30))),
                location: Some("Buurthuis De Mussen".into()),
                district: Some(Some("Segbroek".into())),
                chair_id: Some(Some(w.anna)),
                minute_taker_id: Some(Some(w.anna)),
                add_orgs: vec![w.zorgvliet],
                remove_orgs: vec![],
            },
            Some(before.version),
        )
        .expect("edit");
    assert_eq!(after.title, "Overleg Duinoord (verplaatst)");
    assert_eq!(after.kind, "wijkoverleg");
    assert_eq!(after.starts_at, at(days(15), 20, 0));
    assert_eq!(after.ends_at, Some(at(days(15), 21, 30)));
    assert_eq!(after.location, "Buurthuis De Mussen");
    assert_eq!(after.district.as_deref(), Some("Segbroek"));
    assert_eq!(after.chair_id, Some(w.anna));
    assert_eq!(after.version, before.version + 1);
    assert_eq!(
        w.store.meeting(w.meeting).unwrap(),
        after,
        "what is returned is what is stored"
    );
    let orgs: Vec<i64> = w
        .store
        .meeting_orgs(w.meeting)
        .unwrap()
        .iter()
        .map(|o| o.org_id)
        .collect();
    assert_eq!(orgs, vec![w.duinoord, w.zorgvliet]);
    assert_eq!(
        audit_rows(&w.db.raw()),
        audits + 1,
        "one audit row for the whole edit"
    );
    let last = w.store.history(after.reference()).unwrap().pop().unwrap();
    assert_eq!(last.action, "update");
    // The organisation invited is named, in words.
    assert_eq!(
        last.changes[format!("O-{} Wijkoverleg Zorgvliet", w.zorgvliet)],
        "invited",
        "{}",
        last.changes
    );
    for field in ["title", "starts_at", "location", "chair_id"] {
        assert!(
            last.changes.get(field).is_some(),
            "{field} missing from {}",
            last.changes
        );
    }
    assert!(
        last.changes.get("status").is_none(),
        "unchanged fields are not logged"
    );

    // Clearing optional fields and uninviting.
    let cleared = w
        .store
        .edit_meeting(
            w.meeting,
            MeetingEdit {
                ends_at: Some(None),
                district: Some(None),
                chair_id: Some(None),
                remove_orgs: vec![w.zorgvliet],
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(cleared.ends_at, None);
    assert_eq!(cleared.district, None);
    assert_eq!(cleared.chair_id, None);
    assert_eq!(cleared.minute_taker_id, Some(w.anna));
    assert_eq!(w.store.meeting_orgs(w.meeting).unwrap().len(), 1);
    let last = w.store.history(cleared.reference()).unwrap().pop().unwrap();
    assert_eq!(
        last.changes[format!("O-{} Wijkoverleg Zorgvliet", w.zorgvliet)],
        "no longer invited"
    );
}

#[test]
fn edit_refuses_a_stale_version_and_bad_values_without_writing() {
    let mut w = world();
    let v = w.store.meeting(w.meeting).unwrap().version;
    // Someone else edits first.
    let mut other = w.db.open("collega");
    other
        .edit_meeting(
            w.meeting,
            MeetingEdit {
                location: Some("Wijkcentrum".into()),
                ..Default::default()
            },
            Some(v),
        )
        .unwrap();
    let dump = support::dump(&w.db.raw());
    let stale = w.store.edit_meeting(
        w.meeting,
        MeetingEdit {
            title: Some("Mijn titel".into()),
            ..Default::default()
        },
        Some(v),
    );
    assert!(matches!(stale, Err(StoreError::Conflict(_))), "{stale:?}");

    let bad: Vec<(MeetingEdit, &str)> = vec![
        (
            MeetingEdit {
                title: Some("  ".into()),
                ..Default::default()
            },
            "title",
        ),
        (
            MeetingEdit {
                ends_at: Some(Some(at(days(14), 18, 0))),
                ..Default::default()
            },
            "before it starts",
        ),
        (
            MeetingEdit {
                starts_at: Some(at(days(14), 23, 0)),
                ends_at: Some(Some(at(days(14), 22, 0))),
                ..Default::default()
            },
            "before it starts",
        ),
        (
            MeetingEdit {
                chair_id: Some(Some(999)),
                ..Default::default()
            },
            "P-999",
        ),
        (
            MeetingEdit {
                remove_orgs: vec![w.zorgvliet],
                ..Default::default()
            },
            "not invited",
        ),
        (
            MeetingEdit {
                add_orgs: vec![999],
                ..Default::default()
            },
            "O-999",
        ),
    ];
    for (edit, word) in bad {
        let err = w
            .store
            .edit_meeting(w.meeting, edit, None)
            .unwrap_err()
            .to_string();
        assert!(err.contains(word), "{err:?} should mention {word:?}");
    }
    assert_eq!(
        support::dump(&w.db.raw()),
        dump,
        "refused edits wrote nothing"
    );
}

#[test]
fn editing_a_final_meeting_is_an_amendment() {
    let mut w = world();
    // The evening of the meeting: it can be held now.
    w.store.set_now(Some(at(days(14), 21, 0)));
    w.store
        .meeting_step(w.meeting, MeetingEvent::Hold, None)
        .unwrap();
    w.store
        .meeting_step(w.meeting, MeetingEvent::Finalise, None)
        .unwrap();
    let m = w
        .store
        .edit_meeting(
            w.meeting,
            MeetingEdit {
                location: Some("Buurthuis".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(m.status, MeetingStatus::Final);
    let last = w.store.history(m.reference()).unwrap().pop().unwrap();
    assert_eq!(last.action, "amend");
}

#[test]
fn agenda_items_are_added_renamed_moved_and_deleted() {
    let mut w = world();
    let added = w
        .store
        .add_agenda_item(w.meeting, "Groen\tin de wijk")
        .unwrap();
    assert_eq!(
        (added.position, added.title.as_str()),
        (4, "Groen in de wijk")
    );
    assert_eq!(
        titles(&w.store, w.meeting),
        [
            "1. Opening",
            "2. Verkeer",
            "3. Rondvraag",
            "4. Groen in de wijk"
        ]
    );

    w.store
        .rename_agenda_item(added.id, "Groen en afval", None)
        .unwrap();
    assert!(
        w.store
            .move_agenda_item(added.id, AgendaMove::Up, None)
            .unwrap()
    );
    assert_eq!(
        titles(&w.store, w.meeting),
        [
            "1. Opening",
            "2. Verkeer",
            "3. Groen en afval",
            "4. Rondvraag"
        ]
    );
    let first = w.store.agenda(w.meeting).unwrap()[0].id;
    assert!(
        !w.store
            .move_agenda_item(first, AgendaMove::Up, None)
            .unwrap(),
        "first stays first"
    );
    assert!(
        w.store
            .move_agenda_item(first, AgendaMove::Down, None)
            .unwrap()
    );
    assert_eq!(
        titles(&w.store, w.meeting),
        [
            "1. Verkeer",
            "2. Opening",
            "3. Groen en afval",
            "4. Rondvraag"
        ]
    );
    let last = w.store.agenda(w.meeting).unwrap()[3].id;
    assert!(
        !w.store
            .move_agenda_item(last, AgendaMove::Down, None)
            .unwrap(),
        "last stays last"
    );

    let deleted = w.store.delete_agenda_item(first, None).unwrap();
    assert_eq!(deleted.title, "Opening");
    assert_eq!(
        titles(&w.store, w.meeting),
        ["1. Verkeer", "2. Groen en afval", "3. Rondvraag"],
        "numbers close up"
    );
    assert!(w.store.rename_agenda_item(added.id, " ", None).is_err());
    assert!(w.store.add_agenda_item(w.meeting, "").is_err());
    assert!(w.store.rename_agenda_item(9999, "x", None).is_err());

    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference())
        .unwrap();
    let agenda_rows = history.iter().filter(|h| h.action == "agenda").count();
    assert_eq!(
        agenda_rows, 5,
        "add, rename, up, down and delete are logged; no-op moves are not"
    );
}

#[test]
fn an_agenda_item_with_minutes_under_it_is_not_deleted() {
    let mut w = world();
    let item = w.store.agenda(w.meeting).unwrap()[1].id;
    w.store
        .add_minute(w.meeting, Some(item), "Drukte bij de school")
        .unwrap();
    let dump = support::dump(&w.db.raw());
    let err = w
        .store
        .delete_agenda_item(item, None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("1 minutes line") && err.contains("move it"),
        "{err}"
    );
    assert_eq!(support::dump(&w.db.raw()), dump);
}

#[test]
fn attendance_per_organisation_and_per_person() {
    let mut w = world();
    let jan = staff(
        &mut w.store,
        "Jan Jansen",
        "jjansen",
        Some(w.duinoord),
        &[],
        &[],
    )
    .id;
    w.store
        .set_attendance(w.meeting, w.duinoord, Some(true), None)
        .unwrap();
    w.store
        .set_attendance(w.meeting, w.zorgvliet, Some(false), None)
        .unwrap();
    w.store
        .set_person_attendance(w.meeting, jan, Some(true), None)
        .unwrap();
    w.store
        .set_person_attendance(w.meeting, w.anna, None, None)
        .unwrap();
    w.store
        .set_person_attendance(w.meeting, w.anna, Some(false), None)
        .unwrap();
    let orgs = w.store.meeting_orgs(w.meeting).unwrap();
    assert_eq!(
        orgs.iter().map(|o| o.attended).collect::<Vec<_>>(),
        [Some(true), Some(false)]
    );
    let people = w.store.meeting_people(w.meeting).unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].name, "Anna de Vries");
    assert_eq!(people[0].attended, Some(false));
    assert_eq!(
        people[0].org.as_deref(),
        Some("Dienst Stedelijke Ontwikkeling")
    );
    assert_eq!(people[1].name, "Jan Jansen");
    assert_eq!(people[1].attended, Some(true));
    assert!(
        w.store
            .set_person_attendance(w.meeting, 999, Some(true), None)
            .is_err()
    );
    w.store.remove_meeting_person(w.meeting, jan, None).unwrap();
    assert_eq!(w.store.meeting_people(w.meeting).unwrap().len(), 1);
    assert!(w.store.remove_meeting_person(w.meeting, jan, None).is_err());
    let history = w
        .store
        .history(w.store.meeting(w.meeting).unwrap().reference())
        .unwrap();
    // The history names the person, in words: not "P-4: null → false".
    let label = format!("Anna de Vries (P-{})", w.anna);
    let person_row = history
        .iter()
        .rev()
        .find(|h| h.changes.get(&label).is_some())
        .unwrap();
    assert_eq!(
        person_row.changes[&label],
        serde_json::json!(["not marked", "absent"])
    );
    let _ = w.dso;
}

#[test]
fn meetings_for_the_calendar_from_a_day() {
    let mut w = world();
    let old = w
        .store
        .add_meeting(NewMeeting {
            title: "Oud overleg".into(),
            starts_at: Some(at(day0(), 10, 0)),
            ends_at: Some(at(day0(), 11, 0)),
            ..Default::default()
        })
        .unwrap();
    let all = w.store.meetings_for_ics(None).unwrap();
    assert_eq!(
        all.iter().map(|e| e.id).collect::<Vec<_>>(),
        [old.id, w.meeting],
        "by start"
    );
    let later = w.store.meetings_for_ics(Some(days(1))).unwrap();
    assert_eq!(later.len(), 1);
    let e = &later[0];
    assert_eq!(e.title, "Overleg Duinoord");
    assert_eq!(e.agenda, ["Opening", "Verkeer", "Rondvraag"]);
    assert_eq!(e.orgs, ["Bewonersoverleg Duinoord"]);
    assert_eq!(e.sequence, 0);
    assert_eq!(
        w.store.meetings_for_ics(Some(days(14))).unwrap().len(),
        1,
        "the day itself counts"
    );
    assert!(w.store.meetings_for_ics(Some(days(15))).unwrap().is_empty());
}

#[test]
fn holding_a_meeting_updates_last_contact_and_clears_cadence_overdue() {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let org = residents(&mut store, "Wijkberaad Bezuidenhout").id;
    let stayed_away = residents(&mut store, "Wijkberaad Mariahoeve").id;
    let summary = store.org_summary(org).unwrap();
    assert_eq!(summary.last_contact, None);
    assert!(summary.cadence_overdue, "never met: overdue");

    let m = store
        .add_meeting(NewMeeting {
            title: "Overleg Bezuidenhout".into(),
            starts_at: Some(at(day0(), 20, 0)),
            org_ids: vec![org, stayed_away],
            ..Default::default()
        })
        .unwrap();
    store
        .set_attendance(m.id, stayed_away, Some(false), None)
        .unwrap();
    assert_eq!(
        store.org_summary(org).unwrap().last_contact,
        None,
        "a planned meeting is no contact yet"
    );
    store.meeting_step(m.id, MeetingEvent::Hold, None).unwrap();
    let summary = store.org_summary(org).unwrap();
    assert_eq!(summary.last_contact, Some(day0()));
    assert!(!summary.cadence_overdue);
    let absent = store.org_summary(stayed_away).unwrap();
    assert_eq!(
        absent.last_contact, None,
        "an organisation that stayed away was not met"
    );
    assert!(absent.cadence_overdue);

    // Half a year later (cadence 2 a year) it is overdue again.
    let later = db.open_on("tester", days(200));
    assert!(later.org_summary(org).unwrap().cadence_overdue);
    assert_eq!(count(&db.raw(), "SELECT count(*) FROM meeting"), 1);
}

//! One route for every versioned change: whatever the record kind (signal,
//! organisation, person, commitment, action, meeting) or the part of a meeting (agenda
//! item, attendance mark, minutes line), a change made on a stale read is a conflict
//! naming both versions and writes nothing, and a change that goes through bumps the
//! version once, writes one audit row with exactly the fields that differ and, for a
//! signal, one timeline line. CSV import updates through the same route as `org edit`
//! and `person edit`.

mod support;

use serde_json::Value;
use support::{TempDb, count, day0, days, dump, residents, service, staff};
use wijkdesk::domain::action::ActionEvent;
use wijkdesk::domain::meeting::MeetingStatus;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{
    MeetingEdit, NewAction, NewCommitment, NewMeeting, NewSignal, OrgEdit, Organisation, Owner,
    Person, PersonEdit, Signal, SignalEdit, Store, StoreError, Triage,
};

/// `attempt`, made on a stale read, is a conflict that names both versions and leaves
/// every table as it was.
fn refused_as_stale<T: std::fmt::Debug>(
    db: &TempDb,
    store: &mut Store,
    what: &str,
    had: i64,
    now: i64,
    attempt: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) {
    let before = dump(&db.raw());
    match attempt(store) {
        Err(StoreError::Conflict(m)) => assert!(
            m.to_string().contains("changed by someone else")
                && m.to_string()
                    .contains(&format!("you had version {had}, it is now {now}")),
            "{what}: {m}"
        ),
        other => panic!("{what}: expected a conflict, got {other:?}"),
    }
    assert!(
        dump(&db.raw()) == before,
        "{what}: a change refused as stale wrote something"
    );
}

/// The last audit row of a record: its action and its field changes.
fn last_audit(db: &TempDb, r: RecordRef) -> (String, Value) {
    let (action, changes): (String, String) = db
        .raw()
        .query_row(
            "SELECT action, changes FROM audit WHERE record = ?1 ORDER BY id DESC LIMIT 1",
            [r.to_string()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("an audit row");
    (
        action,
        serde_json::from_str(&changes).expect("JSON changes"),
    )
}

fn fields(changes: &Value) -> Vec<String> {
    let mut keys: Vec<String> = changes
        .as_object()
        .expect("an object of changes")
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn audit_rows_of(db: &TempDb, r: RecordRef) -> i64 {
    count(
        &db.raw(),
        &format!("SELECT count(*) FROM audit WHERE record = '{r}'"),
    )
}

fn timeline_rows(db: &TempDb, signal: i64) -> i64 {
    count(
        &db.raw(),
        &format!("SELECT count(*) FROM signal_event WHERE signal_id = {signal}"),
    )
}

/// A residents' organisation's new signal, and a member of a service's staff who can
/// own it, in a new database opened by "anna".
fn a_signal_with_an_owner_to_be() -> (TempDb, Store, Organisation, Person, Owner, Signal) {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let dso = service(&mut anna, "Dienst Stedelijke Ontwikkeling", "DSO");
    let jan = staff(&mut anna, "Jan de Vries", "jan", Some(dso.id), &[], &[]);
    let owner = Owner {
        person_id: Some(jan.id),
        org_id: None,
    };
    let s = anna
        .add_signal(NewSignal {
            title: "Losse tegels".into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .expect("signal");
    (db, anna, org, jan, owner, s)
}

#[test]
fn every_record_kind_refuses_a_stale_read_and_writes_nothing() {
    let (db, mut anna, org, jan, owner, s) = a_signal_with_an_owner_to_be();
    let c = anna
        .add_commitment(NewCommitment {
            text: "Tegels vervangen".into(),
            org_id: org.id,
            owner,
            due: days(20),
            signal_id: Some(s.id),
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("commitment");
    let a = anna
        .add_action(NewAction {
            text: "Schouw plannen".into(),
            owner,
            due: Some(days(5)),
            signal_id: Some(s.id),
            ..Default::default()
        })
        .expect("action");
    let m = anna
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(days(3).and_hms_opt(19, 30, 0).expect("time")),
            org_ids: vec![org.id],
            ..Default::default()
        })
        .expect("meeting");
    // Someone else changes each record once: the reads above are now stale.
    let mut piet = db.open("piet");
    let s2 = piet
        .edit_signal(
            s.id,
            SignalEdit {
                title: Some("Losse tegels Duinoord".into()),
                ..Default::default()
            },
            Some(s.version),
        )
        .expect("edit signal");
    let org2 = piet
        .edit_org(
            org.id,
            OrgEdit {
                notes: Some("Secretaris wisselt".into()),
                ..Default::default()
            },
            Some(org.version),
        )
        .expect("edit org");
    let jan2 = piet
        .edit_person(
            jan.id,
            PersonEdit {
                phone: Some("070 123 4567".into()),
                ..Default::default()
            },
            Some(jan.version),
        )
        .expect("edit person");
    let c2 = piet
        .move_commitment(c.id, days(30), "aannemer later", Some(c.version))
        .expect("move commitment");
    let m2 = piet
        .edit_meeting(
            m.id,
            MeetingEdit {
                location: Some("Buurthuis".into()),
                ..Default::default()
            },
            Some(m.version),
        )
        .expect("edit meeting");
    let a_now = anna.action(a.id).expect("action").version;

    let (had, now) = (s.version, s2.version);
    refused_as_stale(&db, &mut anna, "signal edit", had, now, |st| {
        st.edit_signal(
            s.id,
            SignalEdit {
                body: Some("Bij de school".into()),
                ..Default::default()
            },
            Some(had),
        )
    });
    refused_as_stale(&db, &mut anna, "triage", had, now, |st| {
        st.triage(
            s.id,
            Triage {
                owner: Some(owner),
                ..Default::default()
            },
            Some(had),
        )
    });
    refused_as_stale(&db, &mut anna, "assign", had, now, |st| {
        st.assign_signal(s.id, owner, Some(had))
    });
    refused_as_stale(&db, &mut anna, "due date move", had, now, |st| {
        st.move_signal_due(s.id, days(40), "wacht op aannemer", Some(had))
    });
    refused_as_stale(
        &db,
        &mut anna,
        "organisation edit",
        org.version,
        org2.version,
        |st| {
            st.edit_org(
                org.id,
                OrgEdit {
                    cadence_per_year: Some(4),
                    ..Default::default()
                },
                Some(org.version),
            )
        },
    );
    refused_as_stale(
        &db,
        &mut anna,
        "person edit",
        jan.version,
        jan2.version,
        |st| {
            st.edit_person(
                jan.id,
                PersonEdit {
                    role: Some("wijkregisseur".into()),
                    ..Default::default()
                },
                Some(jan.version),
            )
        },
    );
    refused_as_stale(
        &db,
        &mut anna,
        "commitment kept",
        c.version,
        c2.version,
        |st| st.keep_commitment(c.id, Some(c.version)),
    );
    refused_as_stale(&db, &mut anna, "action done", a_now - 1, a_now, |st| {
        st.finish_action(a.id, ActionEvent::Done, None, Some(a_now - 1))
    });
    refused_as_stale(
        &db,
        &mut anna,
        "meeting cancelled",
        m.version,
        m2.version,
        |st| st.cancel_meeting(m.id, Some("zaal dicht"), Some(m.version)),
    );
}

#[test]
fn a_change_bumps_the_version_once_and_audits_exactly_what_differs() {
    let (db, mut anna, org, _, owner, s) = a_signal_with_an_owner_to_be();

    let events = timeline_rows(&db, s.id);
    let t = anna
        .triage(
            s.id,
            Triage {
                owner: Some(owner),
                ..Default::default()
            },
            Some(s.version),
        )
        .expect("triage");
    assert_eq!(t.version, s.version + 1);
    let (action, changes) = last_audit(&db, s.reference());
    assert_eq!(action, "triage");
    assert_eq!(fields(&changes), ["owner_person_id", "state"]);
    assert_eq!(timeline_rows(&db, s.id), events + 1, "one timeline line");

    let e = anna
        .edit_signal(
            s.id,
            SignalEdit {
                title: Some("Losse tegels bij de school".into()),
                ..Default::default()
            },
            Some(t.version),
        )
        .expect("edit");
    assert_eq!(e.version, t.version + 1);
    let (action, changes) = last_audit(&db, s.reference());
    assert_eq!(action, "edit");
    assert_eq!(
        changes["title"],
        serde_json::json!(["Losse tegels", "Losse tegels bij de school"])
    );
    assert_eq!(fields(&changes), ["title"]);
    assert_eq!(timeline_rows(&db, s.id), events + 2);

    let o = anna
        .edit_org(
            org.id,
            OrgEdit {
                email: Some("secretaris@duinoord.nl".into()),
                ..Default::default()
            },
            Some(org.version),
        )
        .expect("edit org");
    assert_eq!(o.version, org.version + 1);
    let (action, changes) = last_audit(&db, org.reference());
    assert_eq!(action, "update");
    assert_eq!(fields(&changes), ["email"]);

    // A part of a meeting: the item's version moves, the meeting's history tells it.
    let m = anna
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(days(3).and_hms_opt(19, 30, 0).expect("time")),
            org_ids: vec![org.id],
            agenda: vec!["Verkeer".into()],
            ..Default::default()
        })
        .expect("meeting");
    let item = anna.agenda(m.id).expect("agenda").remove(0);
    let meeting_rows = audit_rows_of(&db, m.reference());
    let renamed = anna
        .rename_agenda_item(item.id, "Verkeer en parkeren", Some(item.version))
        .expect("rename");
    assert_eq!(renamed.version, item.version + 1);
    assert_eq!(audit_rows_of(&db, m.reference()), meeting_rows + 1);
    let (action, changes) = last_audit(&db, m.reference());
    assert_eq!(action, "agenda");
    assert_eq!(
        changes["agenda item 1"],
        serde_json::json!(["Verkeer", "Verkeer en parkeren"])
    );
    assert_eq!(
        anna.meeting(m.id).expect("meeting").status,
        MeetingStatus::Planned
    );
}

#[test]
fn parts_of_a_meeting_refuse_a_stale_read_and_write_nothing() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let m = anna
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(day0().and_hms_opt(19, 30, 0).expect("time")),
            org_ids: vec![org.id],
            agenda: vec!["Verkeer".into(), "Groen".into()],
            ..Default::default()
        })
        .expect("meeting");
    let item = anna.agenda(m.id).expect("agenda").remove(0);
    let line = anna
        .add_minute(m.id, Some(item.id), "Bewoners vragen om een drempel")
        .expect("line")
        .minute;
    let mark = anna.meeting_orgs(m.id).expect("orgs").remove(0);

    let mut piet = db.open("piet");
    piet.rename_agenda_item(item.id, "Verkeer en parkeren", Some(item.version))
        .expect("rename");
    piet.edit_minute(
        line.id,
        "Bewoners vragen om twee drempels",
        Some(line.version),
    )
    .expect("edit line");
    piet.set_attendance(m.id, org.id, Some(true), Some(mark.version))
        .expect("mark");

    let (had, now) = (item.version, item.version + 1);
    refused_as_stale(&db, &mut anna, "agenda rename", had, now, |st| {
        st.rename_agenda_item(item.id, "Groen en spelen", Some(had))
    });
    refused_as_stale(&db, &mut anna, "agenda delete", had, now, |st| {
        st.delete_agenda_item(item.id, Some(had))
    });
    let (had, now) = (line.version, line.version + 1);
    refused_as_stale(&db, &mut anna, "minutes line edit", had, now, |st| {
        st.edit_minute(line.id, "Bewoners willen een zebrapad", Some(had))
    });
    refused_as_stale(&db, &mut anna, "minutes line delete", had, now, |st| {
        st.delete_minute(line.id, Some(had))
    });
    let (had, now) = (mark.version, mark.version + 1);
    refused_as_stale(&db, &mut anna, "attendance", had, now, |st| {
        st.set_attendance(m.id, org.id, Some(false), Some(had))
    });
}

const ORG_HEADER: &str = "name,email,cadence\n";

#[test]
fn csv_import_updates_through_org_edit_with_its_rules_versions_and_audit() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let org = residents(&mut anna, "Wijkberaad Duinoord");

    // The same bad address is refused by import and by edit in the same words.
    let bad = "secretaris duinoord.nl";
    let edit = anna
        .edit_org(
            org.id,
            OrgEdit {
                email: Some(bad.into()),
                ..Default::default()
            },
            Some(org.version),
        )
        .expect_err("a bad address");
    let report = anna
        .import_orgs(
            format!("{ORG_HEADER}Wijkberaad Duinoord,{bad},2\n").as_bytes(),
            true,
        )
        .expect("a readable file");
    assert!(!report.imported);
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert!(
        report.problems[0].message.contains(&edit.to_string()),
        "import said {:?}, edit said {edit}",
        report.problems[0].message
    );
    assert_eq!(anna.org(org.id).expect("org").version, org.version);

    // An update: one version step and one audit row, as an edit makes, called "import".
    let rows = audit_rows_of(&db, org.reference());
    let report = anna
        .import_orgs(
            format!("{ORG_HEADER}Wijkberaad Duinoord,secretaris@duinoord.nl,4\n").as_bytes(),
            true,
        )
        .expect("import");
    assert!(report.imported, "{report:?}");
    let after = anna.org(org.id).expect("org");
    assert_eq!(after.version, org.version + 1);
    assert_eq!(after.email.as_deref(), Some("secretaris@duinoord.nl"));
    assert_eq!(audit_rows_of(&db, org.reference()), rows + 1);
    let (action, changes) = last_audit(&db, org.reference());
    assert_eq!(action, "import");
    assert_eq!(fields(&changes), ["cadence_per_year", "email"]);

    // The same file again changes nothing: no version step, no audit row.
    let report = anna
        .import_orgs(
            format!("{ORG_HEADER}Wijkberaad Duinoord,secretaris@duinoord.nl,4\n").as_bytes(),
            true,
        )
        .expect("import again");
    assert_eq!(
        report.count(wijkdesk::store::RowAction::Unchanged),
        1,
        "{report:?}"
    );
    assert_eq!(anna.org(org.id).expect("org").version, after.version);
    assert_eq!(audit_rows_of(&db, org.reference()), rows + 1);
}

#[test]
fn csv_import_updates_people_through_person_edit() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let dso = service(&mut anna, "Dienst Stedelijke Ontwikkeling", "DSO");
    let jan = staff(&mut anna, "Jan de Vries", "jan", Some(dso.id), &[], &[]);
    let piet = staff(&mut anna, "Piet Bakker", "piet", Some(dso.id), &[], &[]);

    // A username taken by someone else: refused by import as by edit.
    let edit = anna
        .edit_person(
            piet.id,
            PersonEdit {
                username: Some("jan".into()),
                ..Default::default()
            },
            Some(piet.version),
        )
        .expect_err("a taken username");
    let report = anna
        .import_people(b"name,username\nPiet Bakker,jan\n", true)
        .expect("a readable file");
    assert!(!report.imported);
    assert!(
        report.problems[0].message.contains(&edit.to_string()),
        "import said {:?}, edit said {edit}",
        report.problems[0].message
    );

    let report = anna
        .import_people(b"name,phone\nPiet Bakker,070 765 4321\n", true)
        .expect("import");
    assert!(report.imported, "{report:?}");
    let after = anna.person(piet.id).expect("person");
    assert_eq!(after.version, piet.version + 1);
    let (action, changes) = last_audit(&db, RecordRef::new(RecordKind::Person, piet.id));
    assert_eq!(action, "import");
    assert_eq!(fields(&changes), ["phone"]);
    assert_eq!(
        anna.person(jan.id).expect("jan").version,
        jan.version,
        "only the matched row changes"
    );
}

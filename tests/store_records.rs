//! The record modules through the store, on real files: versions and conflicts, the
//! audit trail, all-or-nothing writes, the signal lifecycle and timeline, commitments,
//! actions, minutes lines and who-does-what.

mod support;

use chrono::NaiveDateTime;
use serde_json::Value;
use std::collections::BTreeSet;
use support::{TempDb, audit_rows, day0, days, dump, residents, service, staff};
use wijkdesk::domain::action::{ActionEvent, ActionState};
use wijkdesk::domain::commitment::{CommitmentState, Outcome};
use wijkdesk::domain::minutes::EntryKind;
use wijkdesk::domain::signal::SignalState;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{
    ActionFilter, AuditEntry, Channel, CommitmentFilter, NewAction, NewCommitment, NewFeedback,
    NewMeeting, NewSignal, OrgEdit, Owner, PersonEdit, Store, StoreError, Triage,
};

fn signal(store: &mut Store, org: i64, title: &str) -> wijkdesk::store::Signal {
    store
        .add_signal(NewSignal {
            title: title.into(),
            org_id: Some(org),
            ..Default::default()
        })
        .expect("add signal")
}

fn commitment(
    store: &mut Store,
    org: i64,
    text: &str,
    due: chrono::NaiveDate,
) -> wijkdesk::store::Commitment {
    store
        .add_commitment(NewCommitment {
            text: text.into(),
            org_id: org,
            owner: Owner::default(),
            due,
            signal_id: None,
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("add commitment")
}

fn interim(text: &str) -> NewFeedback {
    NewFeedback {
        channel: Channel::Phone,
        text: text.into(),
        is_final: false,
        next_due: None,
    }
}

/// A result with its success value shown, so that attempts of every kind fit one list.
fn shown<T: std::fmt::Debug>(r: Result<T, StoreError>) -> Result<String, StoreError> {
    r.map(|v| format!("{v:?}"))
}

fn changed_fields(entry: &AuditEntry) -> BTreeSet<String> {
    entry
        .changes
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn change(entry: &AuditEntry, field: &str) -> (Value, Value) {
    let pair = entry
        .changes
        .get(field)
        .unwrap_or_else(|| panic!("{field} not in {}", entry.changes));
    (pair[0].clone(), pair[1].clone())
}

fn expect_conflict(result: Result<impl std::fmt::Debug, StoreError>, record: &str) -> String {
    match result {
        Err(StoreError::Conflict(msg)) => {
            let msg = msg.to_string();
            assert!(msg.contains(record), "the conflict names {record}: {msg}");
            assert!(msg.contains("reload"), "the conflict says to reload: {msg}");
            msg
        }
        other => panic!("expected a conflict on {record}, got {other:?}"),
    }
}

#[test]
fn an_org_edit_naming_a_stale_version_is_a_conflict_and_the_first_edit_stays() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let mut bram = db.open("bram");
    let org = residents(&mut anna, "Wijkberaad Duinoord");

    // Both read version v.
    let read_by_anna = anna.org(org.id).expect("read");
    let read_by_bram = bram.org(org.id).expect("read");
    assert_eq!(read_by_anna.version, read_by_bram.version);
    let v = read_by_anna.version;

    let edited = bram
        .edit_org(
            org.id,
            OrgEdit {
                notes: Some("Voorzitter wisselt in januari".into()),
                ..Default::default()
            },
            Some(v),
        )
        .expect("first edit");
    assert_eq!(edited.version, v + 1);

    let audit_before = audit_rows(anna.conn());
    let msg = expect_conflict(
        anna.edit_org(
            org.id,
            OrgEdit {
                notes: Some("Alleen per e-mail".into()),
                ..Default::default()
            },
            Some(v),
        ),
        &org.reference().to_string(),
    );
    assert!(msg.contains(&format!("version {v}")), "{msg}");
    assert_eq!(
        audit_rows(anna.conn()),
        audit_before,
        "a refused edit writes no audit row"
    );

    let now = anna.org(org.id).expect("read again");
    assert_eq!(
        now.notes, "Voorzitter wisselt in januari",
        "the first edit is intact"
    );
    assert_eq!(now.version, v + 1);

    // Reloading and editing again, as the message says, works.
    let again = anna
        .edit_org(
            org.id,
            OrgEdit {
                email: Some("info@duinoord.nl".into()),
                ..Default::default()
            },
            Some(now.version),
        )
        .expect("edit after reload");
    assert_eq!(again.notes, "Voorzitter wisselt in januari");
    assert_eq!(again.email.as_deref(), Some("info@duinoord.nl"));
    assert_eq!(again.version, v + 2);
}

#[test]
fn a_person_edit_naming_a_stale_version_is_a_conflict_and_the_first_edit_stays() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let mut bram = db.open("bram");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let p = anna
        .add_person(wijkdesk::store::NewPerson {
            name: "Karin Visser".into(),
            org_id: Some(org.id),
            role: Some("secretaris".into()),
            ..Default::default()
        })
        .expect("person");
    let v = bram.person(p.id).expect("read").version;

    bram.edit_person(
        p.id,
        PersonEdit {
            role: Some("voorzitter".into()),
            ..Default::default()
        },
        Some(v),
    )
    .expect("first edit");
    let audit_before = audit_rows(anna.conn());
    expect_conflict(
        anna.edit_person(
            p.id,
            PersonEdit {
                phone: Some("070-1234567".into()),
                ..Default::default()
            },
            Some(v),
        ),
        &p.reference().to_string(),
    );
    assert_eq!(audit_rows(anna.conn()), audit_before);
    let now = anna.person(p.id).expect("read again");
    assert_eq!(now.role, "voorzitter");
    assert_eq!(now.phone, None, "the conflicting edit wrote nothing");
    assert_eq!(now.version, v + 1);
}

#[test]
fn every_change_writes_one_audit_row_with_only_the_changed_fields() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let mut bram = db.open("bram");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    bram.edit_org(
        org.id,
        OrgEdit {
            notes: Some("Vergadert op dinsdag".into()),
            ..Default::default()
        },
        Some(org.version),
    )
    .expect("edit");

    let h = anna.history(org.reference()).expect("history");
    assert_eq!(
        h.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["create", "update"]
    );
    assert_eq!((h[0].user.as_str(), h[1].user.as_str()), ("anna", "bram"));
    assert!(h.iter().all(|e| e.record == "O-1"));
    assert_eq!(
        change(&h[0], "name"),
        (Value::Null, Value::from("Wijkberaad Duinoord"))
    );
    assert_eq!(
        changed_fields(&h[1]),
        BTreeSet::from(["notes".to_string()]),
        "{}",
        h[1].changes
    );
    assert_eq!(
        change(&h[1], "notes"),
        (Value::from(""), Value::from("Vergadert op dinsdag"))
    );

    // A person: the same shape, and a change of organisation shows the name too.
    let other = residents(&mut anna, "Bewonersorganisatie Zeeheldenkwartier");
    let p = anna
        .add_person(wijkdesk::store::NewPerson {
            name: "Karin Visser".into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .expect("person");
    bram.edit_person(
        p.id,
        PersonEdit {
            org_id: Some(Some(other.id)),
            ..Default::default()
        },
        Some(p.version),
    )
    .expect("move person");
    let h = anna.history(p.reference()).expect("history");
    assert_eq!(
        h.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["create", "update"]
    );
    assert_eq!(
        change(&h[1], "org_id"),
        (Value::from(org.id), Value::from(other.id))
    );
    assert_eq!(
        changed_fields(&h[1]),
        BTreeSet::from(["org_id".to_string(), "org_name".to_string()]),
        "{}",
        h[1].changes
    );

    // Signals: create, then the transition with exactly the fields it changed.
    let dsb = service(&mut anna, "Dienst Stadsbeheer", "DSB");
    let jan = staff(
        &mut anna,
        "Jan de Vries",
        "jdevries",
        Some(dsb.id),
        &[],
        &[],
    );
    let s = signal(&mut anna, org.id, "Losse stoeptegels");
    bram.triage(
        s.id,
        Triage {
            owner: Some(Owner {
                person_id: Some(jan.id),
                org_id: None,
            }),
            feedback_due: Some(days(10)),
            ..Default::default()
        },
        Some(s.version),
    )
    .expect("triage");
    let h = anna.history(s.reference()).expect("history");
    assert_eq!(
        h.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["create", "triage"]
    );
    assert_eq!(
        changed_fields(&h[1]),
        ["feedback_due", "owner_person_id", "state"]
            .into_iter()
            .map(String::from)
            .collect::<BTreeSet<_>>(),
        "{}",
        h[1].changes
    );
    assert_eq!(
        change(&h[1], "state"),
        (Value::from("new"), Value::from("triaged"))
    );

    // The audit count is exactly one row per write (the service Jan works for is one).
    assert_eq!(audit_rows(anna.conn()), 2 + 1 + 2 + 1 + 1 + 2);
}

/// Each of these writes must fail, and the whole database must be as it was: no audit
/// row, no timeline entry, no feedback, no half-applied update.
#[test]
fn a_failed_write_leaves_the_database_unchanged() {
    let db = TempDb::new();
    let mut s = db.open("anna");
    let org = residents(&mut s, "Wijkberaad Duinoord");
    let dso = service(&mut s, "Dienst Stadsbeheer", "DSB");
    let jan = staff(
        &mut s,
        "Jan de Vries",
        "jdevries",
        Some(dso.id),
        &["Scheveningen"],
        &["verkeer"],
    );
    let piet = staff(
        &mut s,
        "Piet Jansen",
        "pjansen",
        Some(dso.id),
        &["Laak"],
        &["groen"],
    );
    let new_signal = signal(&mut s, org.id, "Losse stoeptegels");
    let triaged = signal(&mut s, org.id, "Kapotte lantaarnpaal");
    let triaged = s
        .triage(
            triaged.id,
            Triage {
                owner: Some(Owner {
                    person_id: Some(jan.id),
                    org_id: Some(dso.id),
                }),
                ..Default::default()
            },
            Some(triaged.version),
        )
        .expect("triage");
    let c = commitment(&mut s, org.id, "Bomen snoeien", days(14));
    let done = s
        .add_action(NewAction {
            text: "Bel de aannemer".into(),
            ..Default::default()
        })
        .expect("action");
    s.finish_action(done.id, ActionEvent::Done, None, Some(done.version))
        .expect("done");
    let meeting = s
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(day0().and_hms_opt(19, 30, 0).expect("time")),
            org_ids: vec![org.id],
            ..Default::default()
        })
        .expect("meeting");
    let owner = Some(Owner {
        person_id: Some(jan.id),
        org_id: None,
    });
    let stale = Some(99);

    type Attempt<'a> = (
        &'a str,
        Box<dyn Fn(&mut Store) -> Result<String, StoreError> + 'a>,
        &'a str,
    );
    let attempts: Vec<Attempt> = vec![
        (
            "close a new signal",
            Box::new(|st| shown(st.close_signal(new_signal.id, None))),
            "cannot close",
        ),
        (
            "start a new signal",
            Box::new(|st| shown(st.start_signal(new_signal.id, None))),
            "triage it first",
        ),
        (
            "reopen a new signal",
            Box::new(|st| shown(st.reopen_signal(new_signal.id, "omdat", None))),
            "cannot reopen",
        ),
        (
            "final feedback on a new signal",
            Box::new(|st| {
                shown(st.add_feedback(
                    new_signal.id,
                    NewFeedback {
                        is_final: true,
                        ..interim("Het is geregeld")
                    },
                    None,
                ))
            }),
            "triage it first",
        ),
        (
            "triage without owner",
            Box::new(|st| shown(st.triage(new_signal.id, Triage::default(), None))),
            "needs an owner",
        ),
        (
            "triage with a due date in the past",
            Box::new(|st| {
                shown(st.triage(
                    new_signal.id,
                    Triage {
                        owner,
                        feedback_due: Some(days(-1)),
                        ..Default::default()
                    },
                    None,
                ))
            }),
            "in the past",
        ),
        (
            "triage naming a stale version (its update runs before the version check)",
            Box::new(|st| {
                shown(st.triage(
                    new_signal.id,
                    Triage {
                        owner,
                        theme: Some("verkeer".into()),
                        expectation: Some("Binnen 4 weken".into()),
                        ..Default::default()
                    },
                    stale,
                ))
            }),
            "reload",
        ),
        (
            "interim feedback naming a stale version (its feedback row is inserted first)",
            Box::new(|st| {
                shown(st.add_feedback(
                    triaged.id,
                    NewFeedback {
                        next_due: Some(days(20)),
                        ..interim("We kijken ernaar")
                    },
                    stale,
                ))
            }),
            "reload",
        ),
        (
            "feedback with the next date in the past",
            Box::new(|st| {
                shown(st.add_feedback(
                    triaged.id,
                    NewFeedback {
                        next_due: Some(days(-3)),
                        ..interim("Later")
                    },
                    None,
                ))
            }),
            "in the past",
        ),
        (
            "feedback without text",
            Box::new(|st| shown(st.add_feedback(triaged.id, interim("  \n "), None))),
            "required",
        ),
        (
            "decline without explanation",
            Box::new(|st| shown(st.decline(new_signal.id, "   ", Channel::Email, None))),
            "explanation",
        ),
        (
            "decline naming a stale version (its feedback row is inserted first)",
            Box::new(|st| {
                shown(st.decline(
                    new_signal.id,
                    "Valt onder de woningcorporatie",
                    Channel::Email,
                    stale,
                ))
            }),
            "reload",
        ),
        (
            "merge into itself",
            Box::new(|st| shown(st.merge_signal(new_signal.id, new_signal.id, true, None))),
            "itself",
        ),
        (
            "signal without title",
            Box::new(|st| {
                shown(st.add_signal(NewSignal {
                    title: " ".into(),
                    ..Default::default()
                }))
            }),
            "title",
        ),
        (
            "break a commitment without saying what went wrong",
            Box::new(|st| shown(st.break_commitment(c.id, "", "Voortaan dubbel", None))),
            "what went wrong",
        ),
        (
            "break a commitment without saying how it is prevented",
            Box::new(|st| shown(st.break_commitment(c.id, "Vergeten", " ", None))),
            "prevented next time",
        ),
        (
            "withdraw a commitment without reason",
            Box::new(|st| shown(st.withdraw_commitment(c.id, " ", None))),
            "reason",
        ),
        (
            "move a commitment without reason",
            Box::new(|st| shown(st.move_commitment(c.id, days(21), "", None))),
            "reason",
        ),
        (
            "move a commitment to its own date",
            Box::new(|st| shown(st.move_commitment(c.id, days(14), "zelfde", None))),
            "already",
        ),
        (
            "keep a commitment naming a stale version",
            Box::new(|st| shown(st.keep_commitment(c.id, stale))),
            "reload",
        ),
        (
            "commitment to an organisation that does not exist",
            Box::new(|st| {
                shown(st.add_commitment(NewCommitment {
                    text: "Iets".into(),
                    org_id: 4242,
                    owner: Owner::default(),
                    due: days(3),
                    signal_id: None,
                    meeting_id: None,
                    agenda_item_id: None,
                }))
            }),
            "O-4242",
        ),
        (
            "finish a finished action",
            Box::new(|st| shown(st.finish_action(done.id, ActionEvent::Cancel, None, None))),
            "only open actions",
        ),
        (
            "org edit with a bad email",
            Box::new(|st| {
                shown(st.edit_org(
                    org.id,
                    OrgEdit {
                        email: Some("geen adres".into()),
                        ..Default::default()
                    },
                    None,
                ))
            }),
            "not an email",
        ),
        (
            "org renamed to another org's name",
            Box::new(|st| {
                shown(st.edit_org(
                    org.id,
                    OrgEdit {
                        name: Some("Dienst Stadsbeheer".into()),
                        ..Default::default()
                    },
                    None,
                ))
            }),
            "exists already",
        ),
        (
            "person edit with a username that is taken",
            Box::new(|st| {
                shown(st.edit_person(
                    piet.id,
                    PersonEdit {
                        username: Some("jdevries".into()),
                        ..Default::default()
                    },
                    None,
                ))
            }),
            "belongs to P-",
        ),
        (
            "person edit with a bad phone number",
            Box::new(|st| {
                shown(st.edit_person(
                    jan.id,
                    PersonEdit {
                        phone: Some("bel maar".into()),
                        ..Default::default()
                    },
                    None,
                ))
            }),
            "not a phone number",
        ),
        (
            "empty minutes line",
            Box::new(|st| shown(st.add_minute(meeting.id, None, "   "))),
            "empty line",
        ),
        (
            "minutes line for a meeting that does not exist",
            Box::new(|st| shown(st.add_minute(4242, None, "D: Akkoord"))),
            "M-4242",
        ),
        (
            "minutes line for another meeting's agenda item",
            Box::new(|st| shown(st.add_minute(meeting.id, Some(4242), "D: Akkoord"))),
            "agenda item",
        ),
    ];

    for (what, attempt, needle) in attempts {
        let before_audit = audit_rows(s.conn());
        let before = dump(s.conn());
        let result = attempt(&mut s);
        let err = match result {
            Ok(v) => panic!("{what}: should have failed, got {v}"),
            Err(e) => e,
        };
        assert!(
            err.to_string().contains(needle),
            "{what}: message \"{err}\" does not mention \"{needle}\""
        );
        assert_eq!(
            audit_rows(s.conn()),
            before_audit,
            "{what}: an audit row was written"
        );
        let after = dump(s.conn());
        if after != before {
            let gone: Vec<_> = before.iter().filter(|r| !after.contains(r)).collect();
            let new: Vec<_> = after.iter().filter(|r| !before.contains(r)).collect();
            panic!("{what}: the database changed\n  before: {gone:#?}\n  after: {new:#?}");
        }
    }

    // The records are exactly as they were.
    assert_eq!(
        s.signal(new_signal.id).expect("signal").state,
        SignalState::New
    );
    assert_eq!(
        s.signal(new_signal.id).expect("signal").owner_person_id,
        None
    );
    assert_eq!(s.feedback_of(triaged.id).expect("feedback"), vec![]);
    assert_eq!(s.commitment(c.id).expect("commitment").due, days(14));
    assert_eq!(s.commitment_moves(c.id).expect("moves"), vec![]);
}

#[test]
fn the_signal_lifecycle_through_the_store_with_its_timeline_in_order() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let mut bram = db.open("bram");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let dsb = service(&mut anna, "Dienst Stadsbeheer", "DSB");
    let jan = staff(
        &mut anna,
        "Jan de Vries",
        "jdevries",
        Some(dsb.id),
        &["Scheveningen"],
        &["verkeer"],
    );

    let s = anna
        .add_signal(NewSignal {
            title: "Losse stoeptegels bij de school".into(),
            org_id: Some(org.id),
            theme: Some("Verkeer".into()),
            ..Default::default()
        })
        .expect("intake");
    assert_eq!(
        (s.state, s.version, s.created_by.as_str()),
        (SignalState::New, 1, "anna")
    );
    assert_eq!(s.received_on, day0());
    assert_eq!(s.feedback_due, Some(days(14)), "default feedback due date");
    assert_eq!(
        s.district.as_deref(),
        Some("Scheveningen"),
        "district from the organisation"
    );
    let dup = signal(&mut anna, org.id, "Stoeptegels (dubbel gemeld)");

    let s = anna
        .triage(
            s.id,
            Triage {
                owner: Some(Owner {
                    person_id: Some(jan.id),
                    org_id: Some(dsb.id),
                }),
                theme: None,
                expectation: Some("Herstel binnen vier weken; de school krijgt bericht".into()),
                feedback_due: Some(days(10)),
                reason: None,
            },
            Some(s.version),
        )
        .expect("triage");
    assert_eq!((s.state, s.version), (SignalState::Triaged, 2));
    assert_eq!(s.feedback_due, Some(days(10)));
    assert_eq!(s.theme.as_deref(), Some("verkeer"));

    let merged = bram
        .merge_signal(dup.id, s.id, true, Some(dup.version))
        .expect("merge");
    assert_eq!(
        (merged.state, merged.merged_into),
        (SignalState::Merged, Some(s.id))
    );

    let s = bram.start_signal(s.id, Some(s.version)).expect("start");
    assert_eq!((s.state, s.version), (SignalState::InProgress, 3));

    let a = anna
        .add_action(NewAction {
            text: "Aannemer inschakelen".into(),
            owner: Owner {
                person_id: Some(jan.id),
                org_id: None,
            },
            due: Some(days(7)),
            signal_id: Some(s.id),
            ..Default::default()
        })
        .expect("action");
    let c = anna
        .add_commitment(NewCommitment {
            text: "Tegels liggen er voor de herfstvakantie weer vast".into(),
            org_id: org.id,
            owner: Owner {
                person_id: None,
                org_id: Some(dsb.id),
            },
            due: days(20),
            signal_id: Some(s.id),
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("commitment");

    let s = bram
        .add_feedback(
            s.id,
            NewFeedback {
                next_due: Some(days(21)),
                ..interim("De aannemer komt volgende week")
            },
            Some(s.version),
        )
        .expect("interim feedback");
    assert_eq!(
        (s.state, s.feedback_due),
        (SignalState::InProgress, Some(days(21))),
        "interim moves the due date"
    );
    let s = bram
        .add_feedback(
            s.id,
            NewFeedback {
                channel: Channel::Email,
                text: "Hersteld op 8 oktober".into(),
                is_final: true,
                next_due: None,
            },
            Some(s.version),
        )
        .expect("final feedback");
    assert_eq!(s.state, SignalState::Answered);
    let s = bram.close_signal(s.id, Some(s.version)).expect("close");
    assert_eq!(s.state, SignalState::Closed);
    let s = anna
        .reopen_signal(s.id, "De tegels liggen er weer los", Some(s.version))
        .expect("reopen");
    assert_eq!(
        (s.state, s.feedback_due),
        (SignalState::Triaged, Some(days(14)))
    );
    let s = anna
        .decline(
            s.id,
            "Het trottoir is van de woningcorporatie; wij hebben het doorgegeven",
            Channel::Letter,
            Some(s.version),
        )
        .expect("decline");
    assert_eq!(
        (s.state, s.version),
        (SignalState::Declined, 8),
        "one version per step"
    );

    let fb = anna.feedback_of(s.id).expect("feedback");
    assert_eq!(
        fb.iter()
            .map(|f| (f.is_final, f.channel, f.given_by.as_str()))
            .collect::<Vec<_>>(),
        [
            (false, Channel::Phone, "bram"),
            (true, Channel::Email, "bram"),
            (true, Channel::Letter, "anna")
        ],
        "the decline explanation is sent back as final feedback"
    );

    let history = anna.history(s.reference()).expect("history");
    assert_eq!(
        history
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        [
            "create", "triage", "started", "feedback", "feedback", "closed", "reopened", "declined"
        ]
    );

    // The timeline: every step, in the order it happened, with who did it.
    let timeline = bram.timeline(s.id).expect("timeline");
    let got: Vec<(&str, &str)> = timeline
        .iter()
        .map(|t| (t.event.as_str(), t.user.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("received", "anna"),
            ("due-date", "anna"),
            ("triaged", "anna"),
            ("merge", "bram"),
            ("started", "bram"),
            ("action", "anna"),
            ("commitment", "anna"),
            ("due-date", "bram"),
            ("feedback", "bram"),
            ("feedback", "bram"),
            ("feedback", "bram"),
            ("closed", "bram"),
            ("due-date", "anna"),
            ("reopened", "anna"),
            ("declined", "anna"),
        ],
        "timeline out of order:\n{timeline:#?}"
    );
    let details: Vec<&str> = timeline.iter().map(|t| t.detail.as_str()).collect();
    // Every change of the due date, with the old and the new date.
    assert!(
        details[1].contains(&format!("→ {}", days(10))),
        "{details:?}"
    );
    assert!(
        details[2].contains("Jan de Vries (DSB)") && details[2].contains(&days(10).to_string()),
        "{details:?}"
    );
    assert!(details[3].contains(&format!("S-{}", dup.id)), "{details:?}");
    assert!(
        details[5].contains(&a.reference().to_string()),
        "{details:?}"
    );
    assert!(
        details[6].contains(&c.reference().to_string()),
        "{details:?}"
    );
    assert!(
        details[7].contains("announced in interim feedback"),
        "{details:?}"
    );
    assert!(details[8].starts_with("interim feedback"), "{details:?}");
    assert!(details[9].starts_with("final feedback"), "{details:?}");
    // The merged signal's organisation gets the same final feedback.
    assert!(
        details[10].contains(&format!("S-{}", dup.id)),
        "{details:?}"
    );
    assert!(
        details[13].contains("weer los"),
        "the reopen reason is kept: {details:?}"
    );
    assert!(details[14].contains("woningcorporatie"), "{details:?}");
    assert!(anna.check().expect("check").is_empty());
}

#[test]
fn a_commitment_move_keeps_old_and_new_due_with_the_reason_and_kept_late_is_computed() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let c = commitment(&mut anna, org.id, "Speeltuin opknappen", days(14));
    assert_eq!(
        (c.state, c.outcome, c.version),
        (CommitmentState::Open, Outcome::Open, 1)
    );

    let c = anna
        .move_commitment(c.id, days(21), "De aannemer kan pas later", Some(1))
        .expect("move 1");
    let mut bram = db.open("bram");
    let c = bram
        .move_commitment(c.id, days(28), "Vergunning vertraagd", Some(c.version))
        .expect("move 2");
    assert_eq!((c.due, c.version), (days(28), 3));
    expect_conflict(
        anna.move_commitment(c.id, days(35), "nog later", Some(1)),
        &c.reference().to_string(),
    );

    let moves = anna.commitment_moves(c.id).expect("moves");
    let got: Vec<_> = moves
        .iter()
        .map(|m| (m.old_due, m.new_due, m.reason.as_str(), m.moved_by.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (days(14), days(21), "De aannemer kan pas later", "anna"),
            (days(21), days(28), "Vergunning vertraagd", "bram"),
        ]
    );
    let h = anna.history(c.reference()).expect("history");
    assert_eq!(
        h.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["create", "move", "move"]
    );
    assert_eq!(
        changed_fields(&h[1]),
        ["days_moved", "due", "moves"]
            .into_iter()
            .map(String::from)
            .collect::<BTreeSet<_>>()
    );
    assert_eq!(
        change(&h[1], "due"),
        (
            Value::from(days(14).to_string()),
            Value::from(days(21).to_string())
        )
    );

    // Two days after the (moved) due date it is overdue; keeping it then is kept late.
    let mut later = db.open_on("cor", days(30));
    assert_eq!(
        later.commitment(c.id).expect("read").outcome,
        Outcome::OpenOverdue
    );
    let kept = later.keep_commitment(c.id, Some(c.version)).expect("keep");
    assert_eq!(
        (kept.state, kept.resolved_on, kept.outcome),
        (CommitmentState::Kept, Some(days(30)), Outcome::KeptLate)
    );
    assert_eq!(
        anna.commitment(c.id).expect("read").outcome,
        Outcome::KeptLate,
        "computed from resolved_on, not today"
    );
    let err = later
        .move_commitment(c.id, days(60), "te laat", None)
        .expect_err("kept is final");
    assert!(
        err.to_string().contains("only open commitments change"),
        "{err}"
    );

    // Kept on the due date itself is on time.
    let on_time = commitment(&mut anna, org.id, "Bankje terugplaatsen", days(30));
    let kept = later
        .keep_commitment(on_time.id, Some(on_time.version))
        .expect("keep on time");
    assert_eq!(kept.outcome, Outcome::KeptOnTime);

    // Broken needs an acknowledgement, withdrawn a reason; both are kept.
    let b = commitment(&mut anna, org.id, "Extra prullenbakken", days(7));
    let b = anna
        .break_commitment(
            b.id,
            "Budget was op",
            "Voortaan eerst budget checken",
            Some(b.version),
        )
        .expect("break");
    assert_eq!(
        (b.state, b.outcome),
        (CommitmentState::Broken, Outcome::Broken)
    );
    assert_eq!(
        (b.acknowledgement.as_deref(), b.prevention.as_deref()),
        (Some("Budget was op"), Some("Voortaan eerst budget checken"))
    );
    let w = commitment(&mut anna, org.id, "Wijkfeest subsidie", days(7));
    let w = anna
        .withdraw_commitment(w.id, "Het wijkfeest gaat niet door", Some(w.version))
        .expect("withdraw");
    assert_eq!(
        (w.state, w.reason.as_deref()),
        (
            CommitmentState::Withdrawn,
            Some("Het wijkfeest gaat niet door")
        )
    );

    assert_eq!(
        anna.commitments(&CommitmentFilter::default())
            .expect("open"),
        vec![],
        "none is open any more"
    );
    assert_eq!(
        anna.commitments(&CommitmentFilter {
            all_states: true,
            ..Default::default()
        })
        .expect("all")
        .len(),
        4
    );
}

#[test]
fn actions_are_done_or_cancelled_once() {
    let db = TempDb::new();
    let mut anna = db.open("anna");
    let org = residents(&mut anna, "Wijkberaad Duinoord");
    let dsb = service(&mut anna, "Dienst Stadsbeheer", "DSB");
    let jan = staff(
        &mut anna,
        "Jan de Vries",
        "jdevries",
        Some(dsb.id),
        &[],
        &[],
    );
    let s = signal(&mut anna, org.id, "Zwerfvuil bij de container");
    let a = anna
        .add_action(NewAction {
            text: "Container laten legen".into(),
            owner: Owner {
                person_id: Some(jan.id),
                org_id: None,
            },
            due: Some(days(7)),
            signal_id: Some(s.id),
            ..Default::default()
        })
        .expect("action");
    let late = anna
        .add_action(NewAction {
            text: "Bewoners informeren".into(),
            due: Some(days(-1)),
            ..Default::default()
        })
        .expect("overdue action");
    assert_eq!(
        (a.state, a.overdue, a.owner.as_str()),
        (ActionState::Open, false, "Jan de Vries")
    );
    assert!(late.overdue);
    assert_eq!(
        anna.actions(&ActionFilter {
            overdue_only: true,
            ..Default::default()
        })
        .expect("overdue")
        .len(),
        1
    );

    let mut bram = db.open("bram");
    let done = bram
        .finish_action(a.id, ActionEvent::Done, None, Some(a.version))
        .expect("done");
    assert_eq!(
        (done.state, done.resolved_on, done.version),
        (ActionState::Done, Some(day0()), 2)
    );
    let err = anna
        .finish_action(a.id, ActionEvent::Cancel, None, None)
        .expect_err("finished once");
    assert!(
        err.to_string().contains("only open actions change"),
        "{err}"
    );
    expect_conflict(
        anna.finish_action(late.id, ActionEvent::Done, None, Some(late.version + 1)),
        "A-2",
    );

    let cancelled = anna
        .finish_action(
            late.id,
            ActionEvent::Cancel,
            Some("Al gedaan door de corporatie"),
            Some(late.version),
        )
        .expect("cancel");
    assert_eq!(
        (cancelled.state, cancelled.overdue),
        (ActionState::Cancelled, false)
    );
    assert_eq!(
        cancelled.reason.as_deref(),
        Some("Al gedaan door de corporatie")
    );

    assert_eq!(
        anna.actions(&ActionFilter::default()).expect("open"),
        vec![]
    );
    assert_eq!(
        anna.actions(&ActionFilter {
            all_states: true,
            ..Default::default()
        })
        .expect("all")
        .len(),
        2
    );
    let h = anna.history(a.reference()).expect("history");
    assert_eq!(
        h.iter()
            .map(|e| (e.action.as_str(), e.user.as_str()))
            .collect::<Vec<_>>(),
        [("create", "anna"), ("done", "bram")]
    );
    let events: Vec<String> = anna
        .timeline(s.id)
        .expect("timeline")
        .into_iter()
        .map(|t| t.detail)
        .collect();
    assert!(
        events
            .iter()
            .any(|d| d == "A-1 created: Container laten legen"),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|d| d == "A-1 done: Container laten legen"),
        "{events:?}"
    );
}

#[test]
fn minutes_lines_create_linked_records_and_unknown_owners_keep_the_line() {
    let db = TempDb::new();
    let mut s = db.open("notulist");
    let zeeheld = residents(&mut s, "Bewonersorganisatie Zeeheldenkwartier");
    let duinoord = residents(&mut s, "Wijkberaad Duinoord");
    let dsb = service(&mut s, "Dienst Stadsbeheer", "DSB");
    let jan = staff(
        &mut s,
        "Jan de Vries",
        "jdevries",
        Some(dsb.id),
        &["Centrum"],
        &["verkeer"],
    );
    let starts = NaiveDateTime::new(
        day0(),
        chrono::NaiveTime::from_hms_opt(19, 30, 0).expect("time"),
    );
    let m = s
        .add_meeting(NewMeeting {
            title: "Wijkoverleg Centrum".into(),
            starts_at: Some(starts),
            org_ids: vec![zeeheld.id, duinoord.id],
            agenda: vec!["Verkeer".into(), "Rondvraag".into()],
            ..Default::default()
        })
        .expect("meeting");

    // A: an action for a member of staff, due in a week, linked to the meeting.
    let e = s
        .add_minute(
            m.id,
            None,
            "A: Verkeersborden bij de school controleren @jdevries due:+7d",
        )
        .expect("A line");
    assert_eq!(e.parsed_kind, EntryKind::Action);
    assert!(e.minute.problems.is_empty(), "{:?}", e.minute.problems);
    let action_ref = e.minute.created.clone().expect("an action was created");
    let action_id: i64 = RecordRef::parse(&action_ref, Some(RecordKind::Action))
        .expect("A-id")
        .id;
    let a = s.action(action_id).expect("action");
    assert_eq!(a.text, "Verkeersborden bij de school controleren");
    assert_eq!(
        (a.owner_person_id, a.owner_org_id),
        (Some(jan.id), Some(dsb.id)),
        "staff bring their service"
    );
    assert_eq!(
        (a.due, a.meeting_id, a.created_by.as_str()),
        (Some(days(7)), Some(m.id), "notulist")
    );

    // T: a commitment to the organisation named, due in two weeks.
    let e = s
        .add_minute(
            m.id,
            None,
            "T: Terugkoppeling over de bomenkap org:Zeeheld due:+14d",
        )
        .expect("T line");
    assert_eq!(e.parsed_kind, EntryKind::Commitment);
    assert!(e.minute.problems.is_empty(), "{:?}", e.minute.problems);
    let c_id = RecordRef::parse(
        e.minute.created.as_deref().expect("commitment"),
        Some(RecordKind::Commitment),
    )
    .expect("C-id")
    .id;
    let c = s.commitment(c_id).expect("commitment");
    assert_eq!(
        (c.org_id, c.due, c.meeting_id),
        (zeeheld.id, days(14), Some(m.id))
    );
    assert_eq!(c.text, "Terugkoppeling over de bomenkap");

    // S: a signal from the organisation named, with its theme.
    let agenda = s.agenda(m.id).expect("agenda");
    let e = s
        .add_minute(
            m.id,
            Some(agenda[0].id),
            "S: Hardrijders op de Zeeheldenstraat org:Zeeheld #verkeer",
        )
        .expect("S line");
    assert_eq!(e.parsed_kind, EntryKind::Signal);
    let sig_id = RecordRef::parse(
        e.minute.created.as_deref().expect("signal"),
        Some(RecordKind::Signal),
    )
    .expect("S-id")
    .id;
    let sig = s.signal(sig_id).expect("signal");
    assert_eq!(sig.title, "Hardrijders op de Zeeheldenstraat");
    assert_eq!(
        (sig.org_id, sig.theme.as_deref(), sig.meeting_id),
        (Some(zeeheld.id), Some("verkeer"), Some(m.id))
    );
    assert_eq!(
        (sig.state, sig.created_by.as_str()),
        (SignalState::New, "notulist")
    );
    let timeline = s.timeline(sig_id).expect("timeline");
    assert!(
        timeline
            .iter()
            .any(|t| t.event == "received" && t.detail == format!("raised in M-{}", m.id)),
        "{timeline:#?}"
    );
    assert!(
        timeline
            .iter()
            .any(|t| t.event == "meeting" && t.detail.contains("Wijkoverleg Centrum")),
        "{timeline:#?}"
    );

    // An unknown owner: the line is kept exactly as typed, with its problem, and
    // nothing is created.
    let counts = |st: &Store| {
        (
            st.count(RecordKind::Action).expect("count"),
            st.count(RecordKind::Commitment).expect("count"),
            st.count(RecordKind::Signal).expect("count"),
        )
    };
    assert_eq!(counts(&s), (1, 1, 1));
    let typed = "A: Aannemer bellen over de tegels @nobody due:+7d";
    let e = s
        .add_minute(m.id, None, typed)
        .expect("the line is stored anyway");
    assert_eq!(e.minute.text, typed);
    assert_eq!(e.minute.created, None);
    assert_eq!(e.minute.problems.len(), 1, "{:?}", e.minute.problems);
    assert!(
        e.minute.problems[0].to_string().contains("@nobody"),
        "{:?}",
        e.minute.problems
    );
    assert_eq!(
        counts(&s),
        (1, 1, 1),
        "nothing was created for the unresolved line"
    );

    // A decision and a note create nothing; all lines are there, in order.
    s.add_minute(
        m.id,
        None,
        "D: Het verkeersplan gaat in januari naar de raad",
    )
    .expect("decision");
    s.add_minute(m.id, None, "Mevrouw Bakker vraagt naar de bomen")
        .expect("note");
    assert_eq!(counts(&s), (1, 1, 1));
    let minutes = s.minutes(m.id).expect("minutes");
    assert_eq!(
        minutes
            .iter()
            .map(|l| (l.position, l.kind))
            .collect::<Vec<_>>(),
        [
            (1, EntryKind::Action),
            (2, EntryKind::Commitment),
            (3, EntryKind::Signal),
            (4, EntryKind::Action),
            (5, EntryKind::Decision),
            (6, EntryKind::Note),
        ]
    );
    assert_eq!(minutes[2].agenda_item_id, Some(agenda[0].id));
    assert!(
        minutes
            .iter()
            .all(|l| l.created_by == "notulist" && !l.amendment)
    );
    // Each line is audited on the meeting, in the same transaction as what it created.
    let h = s.history(m.reference()).expect("history");
    assert_eq!(h.iter().filter(|e| e.action == "create").count(), 1 + 6);
    assert!(s.check().expect("check").is_empty());
}

#[test]
fn who_does_what_finds_staff_by_district_and_theme() {
    let db = TempDb::new();
    let mut s = db.open("anna");
    let dsb = service(&mut s, "Dienst Stadsbeheer", "DSB");
    let org = residents(&mut s, "Wijkberaad Duinoord");
    staff(
        &mut s,
        "Jan de Vries",
        "jdevries",
        Some(dsb.id),
        &["Scheveningen"],
        &["Verkeer", "groen"],
    );
    staff(
        &mut s,
        "Fatima el Amrani",
        "felamrani",
        Some(dsb.id),
        &["Segbroek"],
        &["verkeer"],
    );
    staff(&mut s, "Kees Bos", "kbos", None, &[], &["veiligheid"]); // every district
    staff(&mut s, "Els Smit", "esmit", None, &["Scheveningen"], &[]); // every theme
    s.add_person(wijkdesk::store::NewPerson {
        name: "Anna Voorzitter".into(),
        org_id: Some(org.id),
        role: Some("voorzitter".into()),
        ..Default::default()
    })
    .expect("resident contact");

    let names = |st: &Store, d: &str, t: &str| -> Vec<String> {
        st.who_does_what(d, t)
            .expect("who does what")
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    // Exact cover first, then those covering every theme of the district.
    assert_eq!(
        names(&s, "Scheveningen", "verkeer"),
        ["Jan de Vries", "Els Smit"]
    );
    assert_eq!(
        names(&s, "scheveningen", "VERKEER"),
        ["Jan de Vries", "Els Smit"],
        "case does not matter"
    );
    assert_eq!(names(&s, "Segbroek", "veiligheid"), ["Kees Bos"]);
    assert_eq!(names(&s, "Segbroek", "verkeer"), ["Fatima el Amrani"]);
    assert_eq!(
        names(&s, "", "verkeer"),
        ["Fatima el Amrani", "Jan de Vries", "Els Smit"]
    );
    assert_eq!(names(&s, "Laak", "groen"), Vec::<String>::new());
    let everyone = names(&s, "", "");
    assert_eq!(everyone.len(), 4, "{everyone:?}");
    assert!(
        !everyone.iter().any(|n| n == "Anna Voorzitter"),
        "residents' contacts are not staff"
    );
    let (districts, themes) = s.districts_and_themes().expect("pickers");
    assert!(districts.contains(&"Segbroek".to_string()), "{districts:?}");
    assert!(themes.contains(&"veiligheid".to_string()), "{themes:?}");
}

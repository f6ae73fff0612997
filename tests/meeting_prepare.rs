//! Preparing a meeting: what is still open with its organisations, carried over from
//! earlier meetings, and turned into agenda items.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use support::{TempDb, days, residents, service, staff};
use wijkdesk::domain::action::ActionEvent;
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{
    AgendaSource, Channel, NewAction, NewCommitment, NewMeeting, NewOrg, NewSignal, Owner,
    PrepSection, Store,
};

fn at(d: NaiveDate, h: u32) -> NaiveDateTime {
    d.and_hms_opt(h, 0, 0).unwrap()
}

struct World {
    db: TempDb,
    store: Store,
    duinoord: i64,
    zorgvliet: i64,
    politie: i64,
    owner: Owner,
}

fn meeting(store: &mut Store, title: &str, day: NaiveDate, orgs: &[i64]) -> i64 {
    store
        .add_meeting(NewMeeting {
            title: title.into(),
            starts_at: Some(at(day, 19)),
            org_ids: orgs.to_vec(),
            ..Default::default()
        })
        .unwrap()
        .id
}

fn held(store: &mut Store, id: i64, lines: &[&str]) -> Vec<i64> {
    let ids = lines
        .iter()
        .map(|l| store.add_minute(id, None, l).unwrap().minute.id)
        .collect();
    // Held on its evening: a meeting is not held before it starts.
    let start = store.meeting(id).unwrap().starts_at;
    store.set_now(Some(start + chrono::Duration::hours(2)));
    store.meeting_step(id, MeetingEvent::Hold, None).unwrap();
    store.set_now(None);
    ids
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let duinoord = residents(&mut store, "Bewonersoverleg Duinoord").id;
    let zorgvliet = residents(&mut store, "Wijkoverleg Zorgvliet").id;
    let politie = store
        .add_org(NewOrg {
            name: "Politie Haaglanden".into(),
            kind: Some("partner".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let anna = staff(&mut store, "Anna de Vries", "avries", Some(dso), &[], &[]).id;
    World {
        db,
        store,
        duinoord,
        zorgvliet,
        politie,
        owner: Owner {
            person_id: Some(anna),
            org_id: Some(dso),
        },
    }
}

fn signal(store: &mut Store, title: &str, org: i64, received: NaiveDate) -> i64 {
    store
        .add_signal(NewSignal {
            title: title.into(),
            org_id: Some(org),
            received_on: Some(received),
            ..Default::default()
        })
        .unwrap()
        .id
}

#[test]
fn prepare_lists_what_is_open_with_the_meetings_organisations() {
    let mut w = world();
    let owner = w.owner;
    // An earlier meeting with Duinoord and the police.
    let earlier = meeting(
        &mut w.store,
        "Overleg Duinoord voorjaar",
        days(-40),
        &[w.duinoord, w.politie],
    );
    let lines = held(
        &mut w.store,
        earlier,
        &[
            "Q: Komt er een zebrapad bij de school?",
            "V: Wanneer gaat de speeltuin open? @avries",
            "A: Verkeersdienst bellen @avries due:+60d",
            "A: Al gedaan @avries",
        ],
    );
    w.store.answer_question(lines[1], true, None).unwrap();
    let done: i64 = w.store.minute(lines[3]).unwrap().created.unwrap()[2..]
        .parse()
        .unwrap();
    w.store
        .finish_action(done, ActionEvent::Done, None, None)
        .unwrap();
    let open_action: i64 = w.store.minute(lines[2]).unwrap().created.unwrap()[2..]
        .parse()
        .unwrap();
    // An earlier meeting of Zorgvliet with the police: the police alone does not carry it over.
    let other = meeting(
        &mut w.store,
        "Overleg Zorgvliet",
        days(-30),
        &[w.zorgvliet, w.politie],
    );
    held(
        &mut w.store,
        other,
        &[
            "Q: Vraag van Zorgvliet",
            "A: Actie voor Zorgvliet @avries due:+60d",
        ],
    );

    // Signals.
    let overdue = signal(&mut w.store, "Losse stoeptegels", w.duinoord, days(-30)); // due day -16
    let owed = signal(&mut w.store, "Kapotte lantaarn", w.duinoord, days(0)); // due day 14
    let later = signal(&mut w.store, "Bankje weg", w.duinoord, days(10)); // due day 24
    let declined = signal(&mut w.store, "Te laat gemeld", w.duinoord, days(0));
    w.store
        .decline(declined, "Valt buiten de gemeente", Channel::Email, None)
        .unwrap();
    let elsewhere = signal(&mut w.store, "Zorgvliet-signaal", w.zorgvliet, days(0));
    // An action on a Duinoord signal, outside any meeting.
    let on_signal = w
        .store
        .add_action(NewAction {
            text: "Aannemer bellen".into(),
            owner,
            due: Some(days(5)),
            signal_id: Some(owed),
            ..Default::default()
        })
        .unwrap()
        .id;
    // Commitments.
    let promise = |store: &mut Store, text: &str, org: i64, due: NaiveDate| {
        store
            .add_commitment(NewCommitment {
                text: text.into(),
                org_id: org,
                owner,
                due,
                signal_id: None,
                meeting_id: None,
                agenda_item_id: None,
            })
            .unwrap()
            .id
    };
    let c_open = promise(
        &mut w.store,
        "Verslag binnen twee weken",
        w.duinoord,
        days(9),
    );
    let c_kept = promise(&mut w.store, "Al gedaan", w.duinoord, days(3));
    w.store.keep_commitment(c_kept, None).unwrap();
    let c_other = promise(&mut w.store, "Voor Zorgvliet", w.zorgvliet, days(9));

    // The meeting to prepare, and one after it.
    let next = meeting(
        &mut w.store,
        "Overleg Duinoord najaar",
        days(20),
        &[w.duinoord, w.politie],
    );
    let after = meeting(
        &mut w.store,
        "Overleg Duinoord winter",
        days(60),
        &[w.duinoord],
    );
    held(&mut w.store, after, &["Q: Vraag van later"]);

    let prep = w.store.prepare(next).unwrap();
    assert_eq!(prep.meeting.id, next);
    assert_eq!(prep.orgs.len(), 2);
    let signal_ids: Vec<i64> = prep.signals.iter().map(|s| s.id).collect();
    assert_eq!(
        signal_ids,
        [overdue, owed, later],
        "open signals, feedback due first; not {declined} or {elsewhere}"
    );
    assert!(prep.signals[0].overdue);
    assert!(!prep.signals[1].overdue);
    assert_eq!(
        prep.signals[0].org.as_deref(),
        Some("Bewonersoverleg Duinoord")
    );
    let owed_ids: Vec<i64> = prep.feedback_owed.iter().map(|s| s.id).collect();
    assert_eq!(
        owed_ids,
        [overdue, owed],
        "feedback due by the day of the meeting"
    );
    let commitment_ids: Vec<i64> = prep.commitments.iter().map(|c| c.id).collect();
    assert_eq!(
        commitment_ids,
        [c_open],
        "not kept {c_kept}, not Zorgvliet's {c_other}"
    );
    let action_ids: Vec<i64> = prep.actions.iter().map(|a| a.id).collect();
    assert_eq!(
        action_ids,
        [on_signal, open_action],
        "by due date; not done {done}, not Zorgvliet's"
    );
    let questions: Vec<&str> = prep.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        questions,
        ["Komt er een zebrapad bij de school?"],
        "unanswered, earlier, same residents"
    );
    assert_eq!(prep.questions[0].label(), format!("M-{earlier}/1"));
    assert_eq!(prep.questions[0].meeting_date, days(-40));

    let entries = prep.entries();
    let sections: Vec<(PrepSection, &str)> = entries
        .iter()
        .map(|e| (e.section, e.label.as_str()))
        .collect();
    let s = |id: i64| RecordRef::new(RecordKind::Signal, id).to_string();
    assert_eq!(
        sections[0],
        (PrepSection::FeedbackOwed, s(overdue).as_str())
    );
    assert_eq!(sections[1], (PrepSection::FeedbackOwed, s(owed).as_str()));
    assert_eq!(
        sections[2],
        (PrepSection::Signal, s(later).as_str()),
        "a signal is listed once"
    );
    assert_eq!(entries.len(), 2 + 1 + 1 + 2 + 1);
    assert_eq!(
        entries.last().unwrap().source,
        AgendaSource::Minute(prep.questions[0].minute_id)
    );
    assert_eq!(
        entries
            .iter()
            .find(|e| e.section == PrepSection::Action && e.label == format!("A-{open_action}"))
            .unwrap()
            .context,
        Some(format!("M-{earlier}"))
    );
}

#[test]
fn without_residents_the_services_and_partners_carry_over() {
    let mut w = world();
    let earlier = meeting(
        &mut w.store,
        "Overleg Zorgvliet",
        days(-30),
        &[w.zorgvliet, w.politie],
    );
    held(
        &mut w.store,
        earlier,
        &["Q: Hoe vaak surveilleert de politie?"],
    );
    let police_only = meeting(&mut w.store, "Driehoeksoverleg", days(5), &[w.politie]);
    let prep = w.store.prepare(police_only).unwrap();
    assert_eq!(prep.questions.len(), 1);
    let empty = meeting(&mut w.store, "Overleg zonder organisaties", days(5), &[]);
    let prep = w.store.prepare(empty).unwrap();
    assert!(prep.is_empty());
    assert!(prep.entries().is_empty());
}

#[test]
fn chosen_entries_become_agenda_items_once() {
    let mut w = world();
    let owner = w.owner;
    let earlier = meeting(
        &mut w.store,
        "Overleg Duinoord voorjaar",
        days(-40),
        &[w.duinoord],
    );
    let q = held(
        &mut w.store,
        earlier,
        &["Q: Komt er een zebrapad bij de school? #verkeer @avries"],
    )[0];
    let s = signal(
        &mut w.store,
        "Losse stoeptegels bij de school",
        w.duinoord,
        days(0),
    );
    let c = w
        .store
        .add_commitment(NewCommitment {
            text: "Verslag binnen twee weken delen".into(),
            org_id: w.duinoord,
            owner,
            due: days(14),
            signal_id: None,
            meeting_id: None,
            agenda_item_id: None,
        })
        .unwrap()
        .id;
    let next = w
        .store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord najaar".into(),
            starts_at: Some(at(days(20), 19)),
            org_ids: vec![w.duinoord],
            agenda: vec!["Opening".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    let sources = [
        AgendaSource::Record(RecordRef::new(RecordKind::Signal, s)),
        AgendaSource::Record(RecordRef::new(RecordKind::Commitment, c)),
        AgendaSource::Minute(q),
    ];
    let added = w.store.add_agenda_items_from(next, &sources).unwrap();
    let titles: Vec<String> = added
        .iter()
        .map(|a| format!("{}. {}", a.position, a.title))
        .collect();
    assert_eq!(
        titles,
        [
            format!("2. S-{s} Losse stoeptegels bij de school"),
            format!("3. C-{c} Verslag binnen twee weken delen"),
            format!("4. M-{earlier}/1 Komt er een zebrapad bij de school?"),
        ]
    );
    assert!(
        w.store
            .add_agenda_items_from(next, &sources)
            .unwrap()
            .is_empty(),
        "already on the agenda"
    );
    assert_eq!(w.store.agenda(next).unwrap().len(), 4);

    let dump = support::dump(&w.db.raw());
    for bad in [
        AgendaSource::Record(RecordRef::new(RecordKind::Organisation, w.duinoord)),
        AgendaSource::Record(RecordRef::new(RecordKind::Signal, 9999)),
        AgendaSource::Minute(9999),
    ] {
        let all = [
            AgendaSource::Record(RecordRef::new(RecordKind::Signal, s)),
            bad,
        ];
        assert!(
            w.store.add_agenda_items_from(next, &all).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(support::dump(&w.db.raw()), dump, "all or nothing");
}

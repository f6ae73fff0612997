//! The search index follows every write, in the same transaction: edits, erasure,
//! rollbacks, and databases that existed before the index did.

mod support;

use rusqlite::params;
use support::{TempDb, count, old_schema, residents, service, staff};
use wijkdesk::store::{
    Channel, NewCommitment, NewFeedback, NewMeeting, NewSignal, OrgEdit, Owner, SearchKind, Store,
    StoreError,
};

fn records(store: &Store, q: &str) -> Vec<String> {
    store
        .search(q, 100)
        .expect("search")
        .into_iter()
        .map(|h| h.record)
        .collect()
}

fn integrity(store: &Store) {
    store
        .conn()
        .execute(
            "INSERT INTO search(search, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the index matches its content");
}

/// Rows in the index, against the records that should be in it.
fn index_is_complete(store: &Store) {
    let c = |sql: &str| count(store.conn(), sql);
    let expected = c("SELECT count(*) FROM organisation")
        + c("SELECT count(*) FROM person WHERE erased_at IS NULL")
        + c("SELECT count(*) FROM signal")
        + c("SELECT count(*) FROM feedback")
        + c("SELECT count(*) FROM commitment")
        + c("SELECT count(*) FROM action")
        + c("SELECT count(*) FROM meeting")
        + c("SELECT count(*) FROM minute");
    assert_eq!(c("SELECT count(*) FROM search"), expected);
}

#[test]
fn renaming_an_organisation_moves_it_and_its_people() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Wijkberaad Duinoord");
    let p = staff(&mut store, "Kees Pronk", "kees", Some(org.id), &[], &[]);
    assert_eq!(
        records(&store, "duinoord"),
        vec![org.reference().to_string(), p.reference().to_string()]
    );
    store
        .edit_org(
            org.id,
            OrgEdit {
                name: Some("Bewonersvereniging Vogelwijk".into()),
                ..Default::default()
            },
            None,
        )
        .expect("rename");
    assert!(records(&store, "duinoord").is_empty());
    assert_eq!(
        records(&store, "vogelwijk"),
        vec![org.reference().to_string(), p.reference().to_string()]
    );
    integrity(&store);
    index_is_complete(&store);
}

#[test]
fn signals_feedback_and_commitments_are_found_as_they_change() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Zeeheld");
    let s = store
        .add_signal(NewSignal {
            title: "Losse stoeptegels".into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .expect("signal");
    let r = s.reference().to_string();
    assert_eq!(records(&store, "stoeptegel"), vec![r.clone()]);
    let dsb = service(&mut store, "Dienst Stadsbeheer", "DSB");
    store
        .triage(
            s.id,
            wijkdesk::store::Triage {
                owner: Some(Owner {
                    person_id: None,
                    org_id: Some(dsb.id),
                }),
                expectation: Some(
                    "Herstel binnen twee weken, de bestrating is van de gemeente".into(),
                ),
                ..Default::default()
            },
            None,
        )
        .expect("triage");
    assert_eq!(
        records(&store, "bestrating"),
        vec![r.clone()],
        "the expectation is indexed"
    );
    store
        .add_feedback(
            s.id,
            NewFeedback {
                channel: Channel::Email,
                text: "Aannemer ingepland voor vrijdag".into(),
                is_final: false,
                next_due: None,
            },
            None,
        )
        .expect("feedback");
    let hits = store.search("aannemer", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].record.as_str()),
        (SearchKind::Feedback, r.as_str())
    );
    assert_eq!(
        hits[0].title, "Losse stoeptegels",
        "a feedback hit is titled by its signal"
    );

    let c = store
        .add_commitment(NewCommitment {
            text: "Tegels herstellen".into(),
            org_id: org.id,
            owner: Owner::default(),
            due: support::days(10),
            signal_id: Some(s.id),
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("commitment");
    store
        .break_commitment(c.id, "Aannemer failliet", "Voortaan twee offertes", None)
        .expect("break");
    assert!(records(&store, "failliet offertes").contains(&c.reference().to_string()));
    integrity(&store);
    index_is_complete(&store);
}

#[test]
fn meetings_and_minutes_are_found() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Duinoord");
    let m = store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(support::day0().and_hms_opt(19, 30, 0).expect("time")),
            org_ids: vec![org.id],
            agenda: vec!["Parkeerdruk Reinkenstraat".into()],
            ..Default::default()
        })
        .expect("meeting");
    assert!(
        records(&store, "reinkenstraat").contains(&m.reference().to_string()),
        "agenda is indexed"
    );
    store
        .add_minute(
            m.id,
            None,
            "Q: Wie gaat over de hondenpoep in het plantsoen?",
        )
        .expect("minute");
    let hits = store.search("hondenpoep", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].record.clone()),
        (SearchKind::Minutes, m.reference().to_string())
    );
    assert_eq!(hits[0].title, "Overleg Duinoord");
    integrity(&store);
    index_is_complete(&store);
}

#[test]
fn an_erased_person_cannot_be_found() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Duinoord");
    let p = store
        .add_person(wijkdesk::store::NewPerson {
            name: "Gerrit Zwanenburg".into(),
            org_id: Some(org.id),
            email: Some("gerrit.zwanenburg@example.org".into()),
            ..Default::default()
        })
        .expect("person");
    assert_eq!(
        records(&store, "zwanenburg"),
        vec![p.reference().to_string()]
    );
    assert_eq!(
        records(&store, "gerrit.zwanenburg@example.org"),
        vec![p.reference().to_string()]
    );
    store.erase_person(p.id).expect("erase");
    assert!(records(&store, "zwanenburg").is_empty());
    assert!(records(&store, "gerrit").is_empty());
    integrity(&store);
    index_is_complete(&store);
}

#[test]
fn a_rolled_back_write_leaves_the_index_alone() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let before = count(store.conn(), "SELECT count(*) FROM search");
    let err = store
        .write(|tx, _| {
            tx.execute(
                "INSERT INTO signal (title, received_on, created_by, created_at, updated_at)
                 VALUES ('Spookmelding', '2024-10-01', 'anna', 'x', 'x')",
                [],
            )?;
            Err::<(), _>(StoreError::Invalid(wijkdesk::domain::Problem::Failure {
                error: "changed my mind".into(),
            }))
        })
        .expect_err("rolled back");
    assert!(err.to_string().contains("changed my mind"));
    assert_eq!(count(store.conn(), "SELECT count(*) FROM search"), before);
    assert!(records(&store, "spookmelding").is_empty());
}

#[test]
fn a_database_from_before_the_index_is_indexed_when_migrated() {
    let db = TempDb::new();
    {
        // Schema version 1 only, with records in it.
        let conn = db.raw_plain();
        old_schema(&conn, 1);
        conn.execute(
            "INSERT INTO organisation (name, kind, notes, created_at, updated_at)
             VALUES ('Wijkberaad Bezuidenhout', 'residents', 'Vraagt om één centraal aanspreekpunt', 'x', 'x')",
            [],
        )
        .expect("org");
        conn.execute(
            "INSERT INTO signal (title, org_id, received_on, feedback_due, created_by, created_at, updated_at)
             VALUES ('Bankje kapot', 1, '2024-09-01', '2024-09-15', 'anna', 'x', 'x')",
            [],
        )
        .expect("signal");
        conn.execute(
            "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, next_due, created_at)
             VALUES (?1, 0, 'email', 'Wordt bekeken', '2024-09-10', 'anna', '2024-10-01', 'x'),
                    (?1, 1, 'email', 'Bankje vervangen', '2024-10-03', 'anna', NULL, 'x')",
            params![1],
        )
        .expect("feedback");
        conn.execute(
            "UPDATE signal SET feedback_due = '2024-10-01' WHERE id = 1",
            [],
        )
        .expect("moved due");
        conn.execute(
            "INSERT INTO audit (at, username, record, action, changes)
             VALUES ('2024-09-10T12:00:00Z', 'anna', 'S-1', 'feedback', '{\"feedback_due\":[\"2024-09-15\",\"2024-10-01\"]}')",
            [],
        )
        .expect("audit of the move");
    }
    let store = db.open("anna");
    assert_eq!(records(&store, "een centraal"), vec!["O-1".to_string()]);
    assert_eq!(records(&store, "bankje"), vec!["S-1".to_string()]);
    integrity(&store);
    index_is_complete(&store);
    // The due date each feedback answered: the first the date before the move (from the
    // audit trail), the second the date the first promised.
    let dues: Vec<Option<String>> = store
        .conn()
        .prepare("SELECT due_then FROM feedback ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(
        dues,
        vec![
            Some("2024-09-15".to_string()),
            Some("2024-10-01".to_string())
        ]
    );
}

#[test]
fn the_demo_index_is_whole() {
    let db = TempDb::new();
    let mut store = db.open("demo");
    wijkdesk::demo::load(&mut store, 50).expect("demo");
    integrity(&store);
    index_is_complete(&store);
}

/// Search folds every accent the index's tokenizer can take off a letter: a Romanian
/// comma below, a Portuguese tilde, Vietnamese stacked marks, whatever their block.
/// (Letters that are not a base letter with an accent, such as ł, ø and ß, are their
/// own letters to the index; quick jump and the pickers fold those too.)
#[test]
fn accents_on_any_latin_letter_fold_in_search() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Wijkberaad Oost").id;
    for title in [
        "Ștefan zoekt een bankje",
        "Bezoek uit São Paulo",
        "Đường Nguyễn wil meer groen",
    ] {
        store
            .add_signal(NewSignal {
                title: title.into(),
                org_id: Some(org),
                ..Default::default()
            })
            .unwrap();
    }
    for (q, want) in [("stefan", "S-1"), ("sao paulo", "S-2"), ("nguyen", "S-3")] {
        assert_eq!(records(&store, q), [want], "{q}");
    }
}

/// Letters the index keeps as they are (ł, ø, æ, ß, đ) are found by the plain spelling
/// people type, as a whole word and as the start of one, and only where they stand.
#[test]
fn letters_the_index_keeps_are_found_by_their_plain_spelling() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Wijkberaad Oost").id;
    for title in [
        "Bezoek uit Łódź over de markt",
        "Fietsen van Aerø aan de kade",
        "Gaten in de Hauptstraße",
        "Đorđe meldt een lekkage",
        "Lodewijk meldt zwerfvuil",
    ] {
        store
            .add_signal(NewSignal {
                title: title.into(),
                org_id: Some(org),
                ..Default::default()
            })
            .unwrap();
    }
    for (q, want) in [
        ("lodz", vec!["S-1"]),
        ("łódź", vec!["S-1"]),
        ("aero", vec!["S-2"]),
        ("hauptstrasse", vec!["S-3"]),
        ("hauptstra", vec!["S-3"]),
        ("dorde", vec!["S-4"]),
        ("lode", vec!["S-5"]),
        ("markt lodz", vec!["S-1"]),
    ] {
        let mut got = records(&store, q);
        got.sort();
        assert_eq!(got, want, "{q}");
    }
    // A spelling with a kept letter is not the plain word: "łodz" does not find Lodewijk.
    assert!(records(&store, "lodzx").is_empty());
}

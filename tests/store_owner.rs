//! Owners are staff, in the store on a real file: every write that sets an owner
//! (triage, commitment and action add, a minutes line) refuses a resident, a
//! residents' organisation, a partner as such and an unattached person, whatever
//! resolved it, and leaves the database as it was; owner choices offer only those who
//! may own.

mod support;

use support::{TempDb, days, dump, residents, service, staff};
use wijkdesk::domain::RecordKind;
use wijkdesk::store::{
    NewAction, NewCommitment, NewMeeting, NewOrg, NewSignal, Owner, Store, StoreError, Triage,
};

struct World {
    db: TempDb,
    store: Store,
    zeeheld: i64,
    dso: i64,
    politie: i64,
    bas: i64,
    anna: i64,
    karin: i64,
    loner: i64,
    signal: i64,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let zeeheld = residents(&mut store, "Wijkberaad Zeeheld").id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let politie = store
        .add_org(NewOrg {
            name: "Politie Haaglanden".into(),
            kind: Some("partner".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let bas = staff(&mut store, "Bas Jansen", "tester", Some(dso), &[], &[]).id;
    let anna = staff(
        &mut store,
        "Anna de Vries",
        "avries",
        Some(zeeheld),
        &[],
        &[],
    )
    .id;
    let karin = staff(&mut store, "Karin Smit", "ksmit", Some(politie), &[], &[]).id;
    let loner = staff(&mut store, "Los Zand", "lzand", None, &[], &[]).id;
    let signal = store
        .add_signal(NewSignal {
            title: "Losse tegels".into(),
            org_id: Some(zeeheld),
            ..Default::default()
        })
        .unwrap()
        .id;
    World {
        db,
        store,
        zeeheld,
        dso,
        politie,
        bas,
        anna,
        karin,
        loner,
        signal,
    }
}

fn person(id: i64) -> Owner {
    Owner {
        person_id: Some(id),
        org_id: None,
    }
}

fn org(id: i64) -> Owner {
    Owner {
        person_id: None,
        org_id: Some(id),
    }
}

#[track_caller]
fn refused(e: StoreError, why: &str) {
    let m = e.to_string();
    assert!(matches!(e, StoreError::Refused(_)), "{m}");
    assert!(m.contains(why), "{m}");
}

#[test]
fn every_write_that_sets_an_owner_refuses_anyone_but_staff() {
    let mut w = world();
    let before = dump(&w.db.raw());
    let not_owners = [
        (person(w.anna), "a residents' organisation"),
        (org(w.zeeheld), "is a residents' organisation"),
        (org(w.politie), "is a partner"),
        (person(w.loner), "belongs to no organisation"),
        // A resident does not become an owner by naming a service alongside.
        (
            Owner {
                person_id: Some(w.anna),
                org_id: Some(w.dso),
            },
            "a residents' organisation",
        ),
    ];
    for (owner, why) in not_owners {
        let t = Triage {
            owner: Some(owner),
            feedback_due: Some(days(10)),
            ..Default::default()
        };
        refused(w.store.triage(w.signal, t, None).unwrap_err(), why);
        let c = NewCommitment {
            text: "Brief sturen".into(),
            org_id: w.zeeheld,
            owner,
            due: days(14),
            signal_id: None,
            meeting_id: None,
            agenda_item_id: None,
        };
        refused(w.store.add_commitment(c).unwrap_err(), why);
        let a = NewAction {
            text: "Bellen".into(),
            owner,
            due: Some(days(7)),
            ..Default::default()
        };
        refused(w.store.add_action(a).unwrap_err(), why);
    }
    assert_eq!(dump(&w.db.raw()), before, "nothing written");

    // Staff of a service or a partner, and a service, may.
    for owner in [person(w.bas), person(w.karin), org(w.dso)] {
        w.store
            .add_action(NewAction {
                text: "Tegels leggen".into(),
                owner,
                due: Some(days(7)),
                ..Default::default()
            })
            .unwrap();
    }
    let s = w
        .store
        .triage(
            w.signal,
            Triage {
                owner: Some(w.store.resolve_owner("Bas").unwrap()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(
        (s.owner_person_id, s.owner_org_id),
        (Some(w.bas), Some(w.dso))
    );
}

#[test]
fn resolution_matches_only_those_who_may_own() {
    let mut w = world();
    // A resident by name or username: refused with the reason.
    refused(
        w.store.resolve_owner("Anna").unwrap_err(),
        "Anna de Vries (P-2)",
    );
    refused(w.store.resolve_owner("avries").unwrap_err(), "residents'");
    // A second Karin at a residents' organisation does not make "Karin" ambiguous.
    staff(&mut w.store, "Karin Bos", "kbos", Some(w.zeeheld), &[], &[]);
    assert_eq!(w.store.resolve_owner("Karin").unwrap(), person(w.karin));
    // Two members of staff: refused with both.
    staff(&mut w.store, "Karel Dam", "kdam", Some(w.dso), &[], &[]);
    let e = w.store.resolve_owner("Kar").unwrap_err().to_string();
    assert!(
        e.contains("more than one owner")
            && e.contains("Karin Smit (P-3)")
            && e.contains("Karel Dam (P-"),
        "{e}"
    );
    let choices = w.store.owner_choices().unwrap();
    let refs: Vec<String> = choices.iter().map(|c| c.reference.to_string()).collect();
    assert_eq!(refs[0], format!("O-{}", w.dso), "services first: {refs:?}");
    for c in &choices {
        match c.reference.kind {
            RecordKind::Organisation => assert!(c.is_service, "{c:?}"),
            _ => assert!(
                !["Anna de Vries", "Karin Bos", "Los Zand"].contains(&c.name.as_str()),
                "{c:?} offered"
            ),
        }
    }
    assert_eq!(
        choices.len(),
        1 + 3,
        "DSO, Bas, Karin Smit, Karel: {refs:?}"
    );
}

#[test]
fn a_minutes_line_with_a_resident_owner_keeps_the_line_and_creates_nothing() {
    let mut w = world();
    let m = w
        .store
        .add_meeting(NewMeeting {
            title: "Overleg Zeeheld".into(),
            starts_at: Some(days(3).and_hms_opt(19, 30, 0).unwrap()),
            org_ids: vec![w.zeeheld],
            ..Default::default()
        })
        .unwrap();
    let e = w
        .store
        .add_minute(m.id, None, "A: Buren bellen @avries due:+7d")
        .unwrap();
    assert!(e.minute.created.is_none());
    assert!(
        e.minute
            .problems
            .iter()
            .any(|p| p.to_string().contains("residents' organisation")),
        "{:?}",
        e.minute.problems
    );
    assert!(w.store.token_candidates("@av", 10).unwrap().is_empty());
    assert_eq!(w.store.token_candidates("@ksm", 10).unwrap(), ["@ksmit"]);
}

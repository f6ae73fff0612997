//! Minutes lines as people write them make the right records in the store: full-word
//! prefixes, tokens before the colon, due dates said in words, the owner named by the
//! first word, and one commitment per organisation. Today is 1 October 2024 (`day0`).

mod support;

use chrono::NaiveDate;
use support::{TempDb, day0, residents, service, staff};
use wijkdesk::domain::minutes::EntryKind;
use wijkdesk::store::{ActionFilter, CommitmentFilter, NewMeeting, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

struct World {
    _db: TempDb,
    store: Store,
    duinoord: i64,
    bezuidenhout: i64,
    ingrid: i64,
    dso: i64,
    meeting: i64,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("tester");
    let duinoord = residents(&mut store, "Bewonersoverleg Duinoord").id;
    let bezuidenhout = residents(&mut store, "Wijkberaad Bezuidenhout").id;
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let ingrid = staff(&mut store, "Ingrid Bakker", "ibakker", Some(dso), &[], &[]).id;
    staff(&mut store, "Bella Smit", "bsmit", Some(dso), &[], &[]);
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Overleg".into(),
            starts_at: day0().and_hms_opt(19, 30, 0),
            org_ids: vec![duinoord, bezuidenhout],
            ..Default::default()
        })
        .expect("add meeting")
        .id;
    World {
        _db: db,
        store,
        duinoord,
        bezuidenhout,
        ingrid,
        dso,
        meeting,
    }
}

fn actions(store: &Store, meeting: i64) -> Vec<wijkdesk::store::Action> {
    store
        .actions(&ActionFilter {
            all_states: true,
            meeting_id: Some(meeting),
            ..Default::default()
        })
        .expect("actions")
}

#[test]
fn an_action_said_in_words() {
    let mut w = world();
    let entry = w
        .store
        .add_minute(
            w.meeting,
            None,
            "Actie: Ingrid regelt de bankjes, voor 1 juli",
        )
        .expect("add");
    assert_eq!(entry.parsed_kind, EntryKind::Action);
    assert!(
        entry.minute.problems.is_empty(),
        "{:?}",
        entry.minute.problems
    );
    let all = actions(&w.store, w.meeting);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].owner_person_id, Some(w.ingrid));
    assert_eq!(
        all[0].due,
        Some(d(2025, 7, 1)),
        "the next 1 July after {}",
        day0()
    );
    assert_eq!(all[0].text, "Ingrid regelt de bankjes, voor 1 juli");
    assert_eq!(entry.minute.created, Some(format!("A-{}", all[0].id)));
}

#[test]
fn full_word_prefixes_and_tokens_before_the_colon() {
    let mut w = world();
    w.store
        .add_minute(
            w.meeting,
            None,
            "ACTION @ibakker: call the contractor by friday",
        )
        .expect("add");
    let all = actions(&w.store, w.meeting);
    assert_eq!(all[0].owner_person_id, Some(w.ingrid));
    // 1 October 2024 is a Tuesday.
    assert_eq!(all[0].due, Some(d(2024, 10, 4)));
    assert_eq!(all[0].text, "call the contractor by friday");
    let e = w
        .store
        .add_minute(w.meeting, None, "Besluit: de schouw gaat door")
        .expect("add");
    assert_eq!(e.parsed_kind, EntryKind::Decision);
    assert_eq!(e.minute.created, None);
}

/// `@Ingrid Smits`: a full name typed with its space names its owner whole, the
/// surname does not stay in the action's text, and the minutes read it back so.
#[test]
fn an_owner_typed_as_a_full_name_with_its_space() {
    let mut w = world();
    let smits = staff(
        &mut w.store,
        "Ingrid Smits",
        "ismits",
        Some(w.dso),
        &[],
        &[],
    )
    .id;
    let e = w
        .store
        .add_minute(
            w.meeting,
            None,
            "Actie: @Ingrid Smits belt de netbeheerder voor 1 november",
        )
        .expect("add");
    assert!(e.minute.problems.is_empty(), "{:?}", e.minute.problems);
    let all = actions(&w.store, w.meeting);
    assert_eq!(all[0].owner_person_id, Some(smits));
    assert_eq!(all[0].text, "belt de netbeheerder voor 1 november");
    assert_eq!(all[0].due, Some(d(2024, 11, 1)));
    let doc = w.store.minutes_doc(w.meeting).expect("minutes");
    let line = &doc.sections[0].lines[0];
    assert_eq!(line.text, "belt de netbeheerder voor 1 november");
    assert!(
        line.owner
            .as_deref()
            .is_some_and(|o| o.starts_with("Ingrid Smits")),
        "{line:?}"
    );

    // The other Ingrid, by her full name; a lower-case word after the first name is
    // text, and "Ingrid" alone is now two people.
    w.store
        .add_minute(w.meeting, None, "Actie: @Ingrid Bakker bestelt de bankjes")
        .expect("add");
    let e = w
        .store
        .add_minute(w.meeting, None, "Actie: @Ingrid bakt een taart")
        .expect("add");
    assert!(
        !e.minute.problems.is_empty(),
        "two people are called Ingrid"
    );
    let all = actions(&w.store, w.meeting);
    let bakker = all.iter().find(|a| a.text == "bestelt de bankjes");
    assert_eq!(
        bakker.map(|a| a.owner_person_id),
        Some(Some(w.ingrid)),
        "{all:?}"
    );

    // A service by its full name, typed with or without the capital.
    for line in [
        "Actie: @Dienst Stedelijke Ontwikkeling stuurt de planning",
        "Actie: @dienst Stedelijke Ontwikkeling stuurt de tekening",
    ] {
        let e = w.store.add_minute(w.meeting, None, line).expect("add");
        assert!(
            e.minute.problems.is_empty(),
            "{line}: {:?}",
            e.minute.problems
        );
    }
    let all = actions(&w.store, w.meeting);
    for text in ["stuurt de planning", "stuurt de tekening"] {
        let a = all.iter().find(|a| a.text == text);
        assert_eq!(
            a.map(|a| a.owner_org_id),
            Some(Some(w.dso)),
            "{text}: {all:?}"
        );
    }
}

#[test]
fn a_first_word_that_only_starts_a_name_owns_nothing() {
    let mut w = world();
    // "Bel" starts "Bella" but is not her name: no owner, and no problem either.
    let e = w
        .store
        .add_minute(w.meeting, None, "Actie: Bel de aannemer binnen twee weken")
        .expect("add");
    assert!(e.minute.problems.is_empty(), "{:?}", e.minute.problems);
    let all = actions(&w.store, w.meeting);
    assert_eq!(all[0].owner_person_id, None);
    assert_eq!(all[0].due, Some(d(2024, 10, 15)));
}

#[test]
fn one_commitment_per_organisation_named() {
    let mut w = world();
    let e = w
        .store
        .add_minute(
            w.meeting,
            None,
            "Toezegging org:Duinoord org:Bezuidenhout: nieuwe bankjes eind januari",
        )
        .expect("add");
    assert!(e.minute.problems.is_empty(), "{:?}", e.minute.problems);
    assert_eq!(e.also_created.len(), 1, "{e:?}");
    let all = w
        .store
        .commitments(&CommitmentFilter {
            all_states: true,
            ..Default::default()
        })
        .expect("commitments");
    let mut orgs: Vec<i64> = all.iter().map(|c| c.org_id).collect();
    orgs.sort_unstable();
    assert_eq!(orgs, [w.duinoord, w.bezuidenhout]);
    for c in &all {
        assert_eq!(c.due, d(2025, 1, 31));
        assert_eq!(c.text, "nieuwe bankjes eind januari");
        assert_eq!(c.meeting_id, Some(w.meeting));
    }
}

/// Every commitment a line makes is linked to it: the line names them all (when read
/// back, not only in the answer to the add) and each one leads back to the line.
#[test]
fn every_commitment_of_a_line_is_linked_to_it() {
    let mut w = world();
    let e = w
        .store
        .add_minute(
            w.meeting,
            None,
            "Toezegging org:Duinoord org:Bezuidenhout: nieuwe bankjes eind januari",
        )
        .expect("add");
    let line = w.store.minute(e.minute.id).expect("read back");
    let made = line.made();
    assert_eq!(made.len(), 2, "{line:?}");
    for c in &made {
        let id: i64 = c.trim_start_matches("C-").parse().expect("C-n");
        let back = w
            .store
            .commitment_line(id)
            .expect("line of")
            .expect("linked");
        assert_eq!(back.id, line.id, "{c}");
    }
    // The list of a meeting's lines says the same.
    let listed = w.store.minutes(w.meeting).expect("minutes");
    assert_eq!(listed[0].made(), made);
}

/// A line that could not make its commitments at first (no date) makes them all when
/// the date is added, and links every one.
#[test]
fn an_edited_line_links_every_commitment_it_makes() {
    let mut w = world();
    let e = w
        .store
        .add_minute(
            w.meeting,
            None,
            "T org:Duinoord org:Bezuidenhout: nieuwe bankjes",
        )
        .expect("add");
    assert!(e.minute.created.is_none());
    assert!(!e.minute.problems.is_empty());
    let changed = w
        .store
        .edit_minute(
            e.minute.id,
            "T org:Duinoord org:Bezuidenhout: nieuwe bankjes due:+14d",
            Some(e.minute.version),
        )
        .expect("edit");
    assert!(changed.minute.problems.is_empty(), "{:?}", changed.minute);
    assert_eq!(changed.minute.made().len(), 2, "{:?}", changed.minute);
    let orgs: Vec<i64> = changed
        .minute
        .made()
        .iter()
        .map(|c| {
            let id: i64 = c.trim_start_matches("C-").parse().unwrap();
            w.store.commitment(id).expect("commitment").org_id
        })
        .collect();
    assert!(
        orgs.contains(&w.duinoord) && orgs.contains(&w.bezuidenhout),
        "{orgs:?}"
    );
    // Deleting the line keeps the commitments and drops only the links.
    w.store
        .delete_minute(changed.minute.id, Some(changed.minute.version))
        .expect("delete");
    for c in changed.minute.made() {
        let id: i64 = c.trim_start_matches("C-").parse().unwrap();
        assert!(w.store.commitment(id).is_ok());
        assert!(w.store.commitment_line(id).expect("query").is_none());
    }
}

#[test]
fn a_commitment_without_a_date_is_kept_with_its_problem() {
    let mut w = world();
    let e = w
        .store
        .add_minute(w.meeting, None, "Toezegging org:Duinoord: nieuwe bankjes")
        .expect("add");
    assert_eq!(e.minute.created, None);
    assert!(
        e.minute
            .problems
            .iter()
            .any(|p| p.to_string().contains("needs a due date")),
        "{:?}",
        e.minute.problems
    );
    assert_eq!(e.minute.text, "Toezegging org:Duinoord: nieuwe bankjes");
}

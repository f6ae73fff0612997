//! Districts, neighbourhoods and themes are kept lists: a write takes a name on its
//! list (in the list's spelling), refuses an unknown one unless told to add it, and
//! a merge rewrites every record that used the old name, with audit rows.

mod support;

use support::{TempDb, count, day0, dump};
use wijkdesk::domain::RecordKind;
use wijkdesk::domain::vocab::{Resolution, TermKind};
use wijkdesk::store::{
    NewMeeting, NewOrg, NewPerson, NewSignal, OrgEdit, Store, StoreError, Triage,
};

fn org(store: &mut Store, name: &str, district: &str) -> Result<i64, StoreError> {
    store
        .add_org(NewOrg {
            name: name.into(),
            kind: Some("residents".into()),
            district: Some(district.into()),
            ..Default::default()
        })
        .map(|o| o.id)
}

#[test]
fn a_name_on_the_list_is_stored_in_the_lists_spelling() {
    let db = TempDb::new();
    let mut s = db.strict("anna");
    s.add_term(TermKind::District, "Segbroek", None)
        .expect("add");
    s.add_term(TermKind::Theme, "Groen", None).expect("add");
    // Themes are kept in lower case, as they always were (#groen in minutes).
    assert_eq!(s.term_names(TermKind::Theme).unwrap(), ["groen"]);

    let id = org(&mut s, "Wijkberaad Duinoord", " SEGBRÖEK ").expect("accent and case aside");
    assert_eq!(s.org(id).unwrap().district.as_deref(), Some("Segbroek"));
    let sig = s
        .add_signal(NewSignal {
            title: "Boom omgewaaid".into(),
            org_id: Some(id),
            theme: Some("#GROEN".into()),
            ..Default::default()
        })
        .expect("signal");
    assert_eq!(sig.theme.as_deref(), Some("groen"));
    assert_eq!(
        sig.district.as_deref(),
        Some("Segbroek"),
        "the organisation's district"
    );
}

#[test]
fn an_unknown_name_is_refused_with_suggestions_and_changes_nothing() {
    let db = TempDb::new();
    let mut s = db.strict("anna");
    s.add_term(TermKind::District, "Segbroek", None).unwrap();
    s.add_term(TermKind::Theme, "verkeer", None).unwrap();
    let id = org(&mut s, "Wijkberaad Duinoord", "Segbroek").unwrap();
    let before = dump(s.conn());

    match org(&mut s, "Bewonersgroep Valkenbos", "Segbroke") {
        Err(StoreError::UnknownTerm(u)) => {
            assert_eq!(u.kind, TermKind::District);
            assert_eq!(u.value, "Segbroke");
            assert_eq!(u.suggestions, ["Segbroek"]);
            assert_eq!(
                u.to_string(),
                "'Segbroke' is not a known district (did you mean 'Segbroek'?)"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let refused = [
        s.edit_org(
            id,
            OrgEdit {
                district: Some("Segbroke".into()),
                ..Default::default()
            },
            None,
        )
        .map(|_| ()),
        s.add_signal(NewSignal {
            title: "Hardrijders".into(),
            org_id: Some(id),
            theme: Some("verkeerr".into()),
            ..Default::default()
        })
        .map(|_| ()),
        s.add_person(NewPerson {
            name: "Bas".into(),
            districts: vec!["Segbroek".into(), "Escamp".into()],
            ..Default::default()
        })
        .map(|_| ()),
        s.add_meeting(NewMeeting {
            title: "Wijkoverleg".into(),
            starts_at: day0().and_hms_opt(19, 30, 0),
            district: Some("Laak".into()),
            ..Default::default()
        })
        .map(|_| ()),
    ];
    for r in refused {
        assert!(matches!(r, Err(StoreError::UnknownTerm(_))), "{r:?}");
    }
    let sig = s
        .add_signal(NewSignal {
            title: "Hardrijders".into(),
            org_id: Some(id),
            theme: Some("verkeer".into()),
            ..Default::default()
        })
        .unwrap();
    // An owner is a service: checked before the theme would be.
    let service = s
        .add_org(NewOrg {
            name: "Dienst Stadsbeheer".into(),
            kind: Some("service".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let before_triage = dump(s.conn());
    let r = s.triage(
        sig.id,
        Triage {
            owner: Some(wijkdesk::store::Owner {
                person_id: None,
                org_id: Some(service),
            }),
            theme: Some("groen".into()),
            ..Default::default()
        },
        None,
    );
    assert!(matches!(r, Err(StoreError::UnknownTerm(_))), "{r:?}");
    assert_eq!(
        dump(s.conn()),
        before_triage,
        "a refused triage changes nothing"
    );
    assert_ne!(before, before_triage);
}

#[test]
fn a_write_told_to_add_puts_the_name_on_the_list_with_an_audit_row() {
    let db = TempDb::new();
    let mut s = db.strict("anna");
    s.set_accept_new_terms(true);
    org(&mut s, "Wijkberaad Duinoord", "Segbroek").unwrap();
    s.add_person(NewPerson {
        name: "Bas".into(),
        districts: vec!["Escamp".into(), "escamp".into()],
        themes: vec!["Verkeer".into()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        s.term_names(TermKind::District).unwrap(),
        ["Escamp", "Segbroek"]
    );
    assert_eq!(s.term_names(TermKind::Theme).unwrap(), ["verkeer"]);
    assert_eq!(
        count(
            s.conn(),
            "SELECT count(*) FROM audit WHERE record = 'district:Segbroek' AND action = 'create'"
        ),
        1
    );
    // Adding a name that is there already is refused, with the kept spelling.
    let e = s.add_term(TermKind::District, "ESCAMP", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'ESCAMP' is on the district list already, as 'Escamp'"
    );
}

#[test]
fn merging_rewrites_every_record_in_one_go_with_audit_rows() {
    let db = TempDb::new();
    let mut s = db.open("anna"); // fixtures: the typo gets on the list as it did before
    let good = org(&mut s, "Wijkberaad Duinoord", "Segbroek").unwrap();
    let typo = org(&mut s, "Bewonersgroep Valkenbos", "Segbroke").unwrap();
    s.add_term(
        TermKind::Neighbourhood,
        "Valkenboskwartier",
        Some("Segbroke"),
    )
    .unwrap();
    let sig = s
        .add_signal(NewSignal {
            title: "Losse tegels".into(),
            org_id: Some(typo),
            theme: Some("verkeer".into()),
            ..Default::default()
        })
        .unwrap();
    let p = s
        .add_person(NewPerson {
            name: "Bas".into(),
            districts: vec!["Segbroke".into(), "Segbroek".into(), "Escamp".into()],
            ..Default::default()
        })
        .unwrap();
    let m = s
        .add_meeting(NewMeeting {
            title: "Wijkoverleg".into(),
            starts_at: day0().and_hms_opt(19, 30, 0),
            district: Some("segbroke".into()),
            ..Default::default()
        })
        .unwrap();
    let pairs = s.near_duplicates(TermKind::District).unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!(
        (pairs[0].a.as_str(), pairs[0].b.as_str()),
        ("Segbroek", "Segbroke")
    );
    assert_eq!((pairs[0].a_uses, pairs[0].b_uses), (2, 4));
    // The more used one is kept by the suggested command; here that is the typo, so
    // the user merges the other way round on purpose.
    assert_eq!(
        pairs[0].merge_command(),
        "wijkdesk district merge Segbroek Segbroke"
    );

    let strict_before = s.org(good).unwrap();
    let changed = s
        .merge_terms(TermKind::District, "segbroke", "Segbroek")
        .expect("merge");
    assert_eq!(changed, 4, "org, signal, person, meeting");
    assert_eq!(s.org(typo).unwrap().district.as_deref(), Some("Segbroek"));
    assert_eq!(
        s.org(typo).unwrap().version,
        2,
        "a rewrite is a new version"
    );
    assert_eq!(s.org(good).unwrap(), strict_before, "untouched");
    assert_eq!(
        s.signal(sig.id).unwrap().district.as_deref(),
        Some("Segbroek")
    );
    assert_eq!(s.person(p.id).unwrap().districts, ["Segbroek", "Escamp"]);
    assert_eq!(
        s.meeting(m.id).unwrap().district.as_deref(),
        Some("Segbroek")
    );
    assert_eq!(
        s.term_names(TermKind::District).unwrap(),
        ["Escamp", "Segbroek"]
    );
    let hoods = s.terms(TermKind::Neighbourhood).unwrap();
    assert_eq!(
        hoods[0].district.as_deref(),
        Some("Segbroek"),
        "moved along"
    );
    assert!(s.near_duplicates(TermKind::District).unwrap().is_empty());

    let h = s
        .history(wijkdesk::domain::RecordRef::new(RecordKind::Signal, sig.id))
        .unwrap();
    let last = h.last().unwrap();
    assert_eq!(last.action, "district merged");
    assert_eq!(
        last.changes["district"],
        serde_json::json!(["Segbroke", "Segbroek"])
    );
    assert_eq!(
        count(
            s.conn(),
            "SELECT count(*) FROM signal_event WHERE event = 'edited' AND detail LIKE 'district Segbroke → Segbroek%'"
        ),
        1
    );
    assert_eq!(
        count(
            s.conn(),
            "SELECT count(*) FROM audit WHERE record = 'district:Segbroke' AND action = 'merge'"
        ),
        1
    );
    // Merging a name into itself, or an unknown one, is refused and changes nothing.
    let before = dump(s.conn());
    assert!(
        s.merge_terms(TermKind::District, "Segbroek", "segbroek")
            .is_err()
    );
    assert!(matches!(
        s.merge_terms(TermKind::District, "Laak", "Segbroek"),
        Err(StoreError::UnknownTerm(_))
    ));
    assert_eq!(dump(s.conn()), before);
}

#[test]
fn renaming_rewrites_records_and_refuses_a_name_taken() {
    let db = TempDb::new();
    let mut s = db.open("anna");
    let o = org(&mut s, "Wijkberaad Duinoord", "segbroek").unwrap();
    s.add_term(TermKind::District, "Escamp", None).unwrap();
    assert_eq!(
        s.rename_term(TermKind::District, "SEGBROEK", "Segbroek")
            .unwrap(),
        1
    );
    assert_eq!(s.org(o).unwrap().district.as_deref(), Some("Segbroek"));
    let before = dump(s.conn());
    let e = s
        .rename_term(TermKind::District, "Segbroek", "escamp")
        .unwrap_err();
    assert!(e.to_string().contains("merge instead"), "{e}");
    assert_eq!(dump(s.conn()), before);
}

#[test]
fn an_unknown_theme_in_minutes_keeps_the_line_and_lists_the_problem() {
    let db = TempDb::new();
    let mut s = db.strict("anna");
    s.add_term(TermKind::Theme, "verkeer", None).unwrap();
    let m = s
        .add_meeting(NewMeeting {
            title: "Wijkoverleg".into(),
            starts_at: day0().and_hms_opt(19, 30, 0),
            ..Default::default()
        })
        .unwrap();
    let e = s
        .add_minute(m.id, None, "S: Losse tegels bij de school #verkeerr")
        .expect("the line is kept");
    assert_eq!(e.minute.problems.len(), 1, "{:?}", e.minute.problems);
    assert!(
        e.minute.problems[0]
            .to_string()
            .starts_with("#verkeerr: 'verkeerr' is not a known theme (did you mean 'verkeer'?)"),
        "{:?}",
        e.minute.problems
    );
    let sig = s.signals(&Default::default()).unwrap();
    assert_eq!(sig.len(), 1);
    assert_eq!(sig[0].theme, None);
    let e = s.add_minute(m.id, None, "S: Hardrijders #Verkeer").unwrap();
    assert!(e.minute.problems.is_empty());
}

#[test]
fn resolve_suggests_for_pickers() {
    let db = TempDb::new();
    let mut s = db.strict("anna");
    for d in ["Segbroek", "Scheveningen", "Escamp"] {
        s.add_term(TermKind::District, d, None).unwrap();
    }
    assert_eq!(
        s.resolve_term(TermKind::District, "escámp").unwrap(),
        Resolution::Known("Escamp".into())
    );
    assert_eq!(
        s.resolve_term(TermKind::District, "Segbroke").unwrap(),
        Resolution::Unknown {
            suggestions: vec!["Segbroek".into()]
        }
    );
    assert_eq!(
        s.districts_and_themes().unwrap().0,
        ["Escamp", "Scheveningen", "Segbroek"]
    );
}

/// An existing database from before the lists: its distinct values become the lists,
/// a typo included, and the typo is listed as a near duplicate to merge.
#[test]
fn the_migration_seeds_the_lists_from_an_old_database() {
    let db = TempDb::new();
    {
        let mut s = db.open("anna");
        let o = org(&mut s, "Wijkberaad Duinoord", "Segbroek").unwrap();
        org(&mut s, "Bewonersgroep Valkenbos", "Escamp").unwrap();
        s.add_signal(NewSignal {
            title: "Boom".into(),
            org_id: Some(o),
            theme: Some("groen".into()),
            ..Default::default()
        })
        .unwrap();
    }
    // Make it an old database: free text written before the lists existed, typos
    // and comma lists included, and no term table.
    let raw = db.raw();
    raw.execute_batch(
        "DROP TABLE term;
         UPDATE signal SET district = 'Segbroke', neighbourhood = 'Duinoord';
         UPDATE organisation SET neighbourhoods = 'Valkenboskwartier, Regentessekwartier' WHERE id = 2;
         INSERT INTO person (name, districts, themes, created_at, updated_at)
              VALUES ('Bas', 'Escamp,Laak', 'groen,Verkeer', 'x', 'x');",
    )
    .unwrap();
    raw.execute_batch(include_str!("../schema/012_vocab.sql"))
        .expect("migration 013 runs on the old database");
    drop(raw);

    let s = db.strict("anna");
    assert_eq!(
        s.term_names(TermKind::District).unwrap(),
        ["Escamp", "Laak", "Segbroek", "Segbroke"]
    );
    assert_eq!(s.term_names(TermKind::Theme).unwrap(), ["groen", "Verkeer"]);
    let hoods = s.terms(TermKind::Neighbourhood).unwrap();
    let names: Vec<(&str, Option<&str>)> = hoods
        .iter()
        .map(|t| (t.name.as_str(), t.district.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("Duinoord", Some("Segbroke")),
            ("Regentessekwartier", Some("Escamp")),
            ("Valkenboskwartier", Some("Escamp"))
        ]
    );
    let pairs = s.near_duplicates(TermKind::District).unwrap();
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].a.as_str(), pairs[0].a_uses), ("Segbroek", 1));
    assert_eq!((pairs[0].b.as_str(), pairs[0].b_uses), ("Segbroke", 1));
}

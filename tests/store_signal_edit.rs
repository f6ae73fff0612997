//! Correcting a signal on a real database file: one versioned update with the changed
//! fields in the audit row, a timeline entry with old → new, a conflict for a stale
//! version, refusals that change nothing, and everything derived from the fields
//! (search, the inbox, the organisation's figures and statement) following at once.

mod support;

use support::TempDb;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{InboxFilter, NewOrg, NewSignal, SignalEdit, Store, StoreError};

struct World {
    db: TempDb,
    store: Store,
    a: i64,
    b: i64,
    signal: i64,
}

fn world() -> World {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = |store: &mut Store, name: &str, district: &str| {
        store
            .add_org(NewOrg {
                name: name.into(),
                district: Some(district.into()),
                ..Default::default()
            })
            .expect("org")
            .id
    };
    let a = org(&mut store, "Bewonersvereniging Zeeheld", "Scheveningen");
    let b = org(&mut store, "Wijkberaad Regentes", "Segbroek");
    store
        .add_term(wijkdesk::domain::vocab::TermKind::Theme, "groen", None)
        .expect("theme");
    let s = store
        .add_signal(NewSignal {
            title: "Losse stoeptegels".into(),
            body: Some("Bij de school liggen tegels los.".into()),
            org_id: Some(a),
            theme: Some("verkeer".into()),
            ..Default::default()
        })
        .expect("signal");
    // From here on, names must be on their lists, as on the screens.
    store.set_accept_new_terms(false);
    World {
        db,
        store,
        a,
        b,
        signal: s.id,
    }
}

fn changes(w: &World, id: i64) -> serde_json::Value {
    let h = w
        .store
        .history(RecordRef::new(RecordKind::Signal, id))
        .expect("history");
    let last = h.last().expect("an audit row");
    assert_eq!(last.action, "edit");
    assert_eq!(last.user, "anna");
    last.changes.clone()
}

#[test]
fn an_edit_bumps_the_version_and_records_what_changed_from_what() {
    let mut w = world();
    let before = w.store.signal(w.signal).expect("signal");
    assert_eq!(before.district.as_deref(), Some("Scheveningen"));
    let after = w
        .store
        .edit_signal(
            w.signal,
            SignalEdit {
                title: Some("Losse stoeptegels bij de Duinschool".into()),
                org_id: Some(w.b),
                district: Some("segbroek".into()),
                ..Default::default()
            },
            Some(before.version),
        )
        .expect("edit");
    assert_eq!(after.version, before.version + 1);
    assert_eq!(after.title, "Losse stoeptegels bij de Duinschool");
    assert_eq!(after.org_id, Some(w.b));
    // The list's spelling, whatever the case typed.
    assert_eq!(after.district.as_deref(), Some("Segbroek"));
    assert_eq!(after.body, before.body, "fields not named stay");
    assert_eq!(after.theme, before.theme);
    assert_eq!(w.store.signal(w.signal).expect("reread"), after);

    let c = changes(&w, w.signal);
    assert_eq!(
        c["title"],
        serde_json::json!(["Losse stoeptegels", "Losse stoeptegels bij de Duinschool"])
    );
    assert_eq!(c["org_id"], serde_json::json!([w.a, w.b]));
    assert_eq!(
        c["district"],
        serde_json::json!(["Scheveningen", "Segbroek"])
    );
    assert!(
        c.get("body").is_none(),
        "unchanged fields are not in the diff: {c}"
    );
    assert!(c.get("theme").is_none(), "{c}");

    let timeline = w.store.timeline(w.signal).expect("timeline");
    let e = timeline.last().expect("an entry");
    assert_eq!(e.event, "edited");
    assert!(
        e.detail.starts_with("title, organisation, district: "),
        "{}",
        e.detail
    );
    assert!(
        e.detail
            .contains("title \"Losse stoeptegels\" → \"Losse stoeptegels bij de Duinschool\""),
        "{}",
        e.detail
    );
    assert!(
        e.detail
            .contains("organisation \"Bewonersvereniging Zeeheld\" → \"Wijkberaad Regentes\""),
        "{}",
        e.detail
    );
    assert!(
        e.detail
            .contains("district \"Scheveningen\" → \"Segbroek\""),
        "{}",
        e.detail
    );
    // The state did not change.
    assert_eq!(after.state, before.state);
}

#[test]
fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let mut w = world();
    let read = w.store.signal(w.signal).expect("signal");
    // Someone else corrects the title first, on their own connection.
    let mut other = w.db.strict("bert");
    other
        .edit_signal(
            w.signal,
            SignalEdit {
                title: Some("Tegels los bij school".into()),
                ..Default::default()
            },
            Some(read.version),
        )
        .expect("their edit");
    let events = w.store.timeline(w.signal).expect("timeline").len();
    let err = w
        .store
        .edit_signal(
            w.signal,
            SignalEdit {
                body: Some("Mijn tekst".into()),
                ..Default::default()
            },
            Some(read.version),
        )
        .expect_err("stale");
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    let now = w.store.signal(w.signal).expect("signal");
    assert_eq!(now.title, "Tegels los bij school");
    assert_eq!(now.body, "Bij de school liggen tegels los.");
    assert_eq!(now.version, read.version + 1);
    assert_eq!(w.store.timeline(w.signal).expect("timeline").len(), events);
}

#[test]
fn refusals_say_why_and_change_nothing() {
    let mut w = world();
    let read = w.store.signal(w.signal).expect("signal");
    let refused = |w: &mut World, edit: SignalEdit, why: &str| {
        let err = w
            .store
            .edit_signal(w.signal, edit, Some(read.version))
            .expect_err(why);
        assert!(err.to_string().contains(why), "{err}");
        assert_eq!(w.store.signal(w.signal).expect("signal"), read);
    };
    refused(&mut w, SignalEdit::default(), "nothing to change");
    refused(
        &mut w,
        SignalEdit {
            title: Some("Losse stoeptegels".into()),
            theme: Some("Verkeer".into()),
            ..Default::default()
        },
        "nothing to change",
    );
    refused(
        &mut w,
        SignalEdit {
            title: Some("   ".into()),
            ..Default::default()
        },
        "title",
    );
    refused(
        &mut w,
        SignalEdit {
            district: Some("Segbroke".into()),
            ..Default::default()
        },
        "Segbroke",
    );
    refused(
        &mut w,
        SignalEdit {
            org_id: Some(9999),
            ..Default::default()
        },
        "O-9999",
    );
    let history = w
        .store
        .history(RecordRef::new(RecordKind::Signal, w.signal))
        .expect("history");
    assert!(history.iter().all(|h| h.action != "edit"));
}

#[test]
fn a_blank_district_neighbourhood_or_theme_clears_it() {
    let mut w = world();
    let s = w
        .store
        .edit_signal(
            w.signal,
            SignalEdit {
                theme: Some(String::new()),
                district: Some(" ".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    assert_eq!((s.theme, s.district), (None, None));
    let e = w.store.timeline(w.signal).expect("timeline");
    assert!(
        e.last()
            .expect("entry")
            .detail
            .contains("theme \"verkeer\" → -"),
        "{:?}",
        e.last()
    );
}

#[test]
fn search_inbox_figures_and_statement_follow_an_edit() {
    let mut w = world();
    let hits = |w: &World, q: &str| -> Vec<String> {
        w.store
            .search(q, 20)
            .expect("search")
            .into_iter()
            .map(|h| h.record)
            .collect()
    };
    let me = format!("S-{}", w.signal);
    assert!(hits(&w, "stoeptegels").contains(&me));
    w.store
        .edit_signal(
            w.signal,
            SignalEdit {
                title: Some("Kapotte lantaarnpaal".into()),
                body: Some("De lantaarnpaal bij het Duinpad brandt niet.".into()),
                org_id: Some(w.b),
                theme: Some("groen".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    assert!(
        !hits(&w, "stoeptegels").contains(&me),
        "the old title is gone"
    );
    assert!(!hits(&w, "school").contains(&me), "the old text is gone");
    assert!(hits(&w, "lantaarnpaal").contains(&me));
    assert!(hits(&w, "Duinpad").contains(&me));

    // The inbox under an organisation filter, and its counts.
    let page = |w: &World, org: i64| -> Vec<i64> {
        w.store
            .inbox_page(
                &InboxFilter {
                    org_id: Some(org),
                    ..Default::default()
                },
                None,
                50,
            )
            .expect("page")
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    assert!(page(&w, w.a).is_empty());
    assert_eq!(page(&w, w.b), vec![w.signal]);
    assert_eq!(w.store.inbox_counts().expect("counts").open, 1);
    let open: Vec<(i64, i64)> = {
        let raw = w.db.raw();
        let mut st = raw
            .prepare("SELECT org_id, open_signals FROM org_figures ORDER BY org_id")
            .expect("prepare");
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    };
    assert_eq!(open, vec![(w.a, 0), (w.b, 1)]);

    // The statement of the organisation it moved to has it; the other's has not.
    let statement = |w: &World, org: i64| {
        serde_json::to_string(&w.store.statement(org, None).expect("statement")).expect("json")
    };
    assert!(statement(&w, w.b).contains("Kapotte lantaarnpaal"));
    assert!(!statement(&w, w.a).contains("lantaarnpaal"));
    assert!(!statement(&w, w.a).contains("stoeptegels"));
}

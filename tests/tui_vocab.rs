//! The screens ask before a district or theme that is not on its kept list is added:
//! no stores it nowhere, yes adds exactly that name and saves.

mod support;

use crossterm::event::KeyCode;
use support::screens::{H, W, app, shows};
use wijkdesk::domain::vocab::TermKind;
use wijkdesk::store::{SignalFilter, Store};
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};

fn signal(store: &Store, title: &str) -> wijkdesk::store::Signal {
    let id = store
        .signals(&SignalFilter {
            all_states: true,
            text: Some(title.into()),
            ..SignalFilter::default()
        })
        .unwrap()
        .into_iter()
        .find(|r| r.title.starts_with(title))
        .expect(title)
        .id;
    store.signal(id).unwrap()
}

#[test]
fn triage_asks_before_a_new_theme_and_no_adds_nothing() {
    let db = TempDb::new("vocab-triage");
    let mut store = db.demo();
    let before = signal(&store, "Parkeerdruk");
    let themes_before = store.term_names(TermKind::Theme).unwrap();
    let mut app = app(&mut store);
    type_text(&mut app, "/");
    type_text(&mut app, "Parkeerdruk");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "t");
    shows(&app, "Triage S-");
    type_text(&mut app, "Ingrid");
    press(&mut app, KeyCode::Enter); // owner taken, on to the theme
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "fietsstalling");
    app.on_key(ctrl('s'));
    shows(
        &app,
        "'fietsstalling' is not on the list (theme). Add it as a new theme?",
    );
    assert_eq!(app.popup_count(), 1, "still open, nothing saved");

    // No: nothing is added, the signal is as it was, the field says why.
    type_text(&mut app, "n");
    shows(&app, "Not added: choose a theme from the list.");
    assert_eq!(app.popup_count(), 1);
    assert_eq!(
        app.store().term_names(TermKind::Theme).unwrap(),
        themes_before
    );
    assert_eq!(signal(app.store(), "Parkeerdruk"), before);

    // Asked again on the next save; yes adds exactly this theme and triages.
    app.on_key(ctrl('s'));
    shows(&app, "Add it as a new theme?");
    type_text(&mut app, "y");
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains("Triaged S-"), "{st}");
    let themes = app.store().term_names(TermKind::Theme).unwrap();
    assert_eq!(themes.len(), themes_before.len() + 1);
    assert!(themes.contains(&"fietsstalling".to_string()));
    drop(app);
    assert_eq!(
        signal(&store, "Parkeerdruk").theme.as_deref(),
        Some("fietsstalling")
    );
}

#[test]
fn the_organisation_form_asks_before_a_new_district_and_suggests_the_near_one() {
    let db = TempDb::new("vocab-org");
    let mut store = db.demo();
    let mut app = app(&mut store);
    type_text(&mut app, "4");
    type_text(&mut app, "n");
    shows(&app, "New organisation");
    type_text(&mut app, "Buurtvereniging Nieuw");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Segbroke");
    app.on_key(ctrl('s'));
    shows(&app, "Did you mean 'Segbroek'?");
    assert_eq!(app.popup_count(), 1);
    assert!(
        app.store()
            .org_summaries("Buurtvereniging Nieuw", 5)
            .unwrap()
            .is_empty(),
        "not saved while asking"
    );
    type_text(&mut app, "n");
    assert!(
        !app.store()
            .term_names(TermKind::District)
            .unwrap()
            .contains(&"Segbroke".to_string())
    );
    // Corrected to a name on the list (any case): saved in the list's spelling.
    for _ in 0.."Segbroke".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "segbroek");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let org = app
        .store()
        .org_summaries("Buurtvereniging Nieuw", 5)
        .unwrap()
        .remove(0)
        .org;
    assert_eq!(org.district.as_deref(), Some("Segbroek"));
}

#[test]
fn the_lists_popup_adds_and_merges_with_a_yes() {
    let db = TempDb::new("vocab-lists");
    let mut store = db.demo();
    // An old typo: a signal's district that is not what the list means.
    store.set_accept_new_terms(true);
    store
        .add_signal(wijkdesk::store::NewSignal {
            title: "Losse tegels Valkenbos".into(),
            district: Some("Segbroke".into()),
            ..Default::default()
        })
        .unwrap();
    store.set_accept_new_terms(false);
    let mut app = app(&mut store);
    type_text(&mut app, ":");
    type_text(&mut app, "kept lists");
    press(&mut app, KeyCode::Enter);
    let s = shows(&app, "Districts, neighbourhoods and themes");
    assert!(s.contains("Segbroke") && s.contains("~ Segbroek"), "{s}");

    // A new name: Enter asks, no leaves the list as it was, yes adds it.
    type_text(&mut app, "Ypenburg-Oost");
    shows(&app, "Not on the list: Enter to add it.");
    press(&mut app, KeyCode::Enter);
    shows(&app, "'Ypenburg-Oost' is not on the list (district).");
    type_text(&mut app, "n");
    assert!(
        !app.store()
            .term_names(TermKind::District)
            .unwrap()
            .contains(&"Ypenburg-Oost".to_string())
    );
    type_text(&mut app, "Ypenburg-Oost");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    assert!(
        app.store()
            .term_names(TermKind::District)
            .unwrap()
            .contains(&"Ypenburg-Oost".to_string())
    );

    // Merge the typo into the right name: the signal moves along.
    type_text(&mut app, "Segbroke");
    app.on_key(ctrl('e'));
    type_text(&mut app, "Segbroek");
    press(&mut app, KeyCode::Enter);
    shows(
        &app,
        "Merge Segbroke into Segbroek? Its 1 records move along.",
    );
    type_text(&mut app, "y");
    shows(&app, "Merged Segbroke into Segbroek; 1 records changed.");
    assert!(
        !app.store()
            .term_names(TermKind::District)
            .unwrap()
            .contains(&"Segbroke".to_string())
    );
    drop(app);
    assert_eq!(
        signal(&store, "Losse tegels Valkenbos").district.as_deref(),
        Some("Segbroek")
    );
}

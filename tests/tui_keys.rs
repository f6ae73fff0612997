//! The screens driven by keys in-process, checked on the screen and in the store.

mod support;

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use std::collections::BTreeMap;
use support::screens::notes_changed_elsewhere;
use wijkdesk::store::Store;
use wijkdesk::tui::keymap::KeyMap;
use wijkdesk::tui::testing::{TempDb, ctrl, fixed_ctx, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 100;
const H: u16 = 30;

fn settings() -> Settings {
    Settings::new(Lang::En, true, false)
}

fn app(store: &mut Store) -> App<'_> {
    let mut app = App::new(
        store,
        settings(),
        Size {
            width: W,
            height: H,
        },
    );
    // The inbox comes first; these tests start on the organisations.
    app.select_screen("organisations");
    app
}

fn shows(app: &App, text: &str) -> String {
    let s = screen(app, W, H);
    assert!(s.contains(text), "expected {text:?} on the screen:\n{s}");
    s
}

fn clear_field(app: &mut App) {
    for _ in 0..60 {
        press(app, KeyCode::Backspace);
    }
}

fn org_id(store: &Store, name: &str) -> i64 {
    store
        .org_summaries(name, 5)
        .unwrap()
        .into_iter()
        .find(|o| o.org.name == name)
        .expect(name)
        .org
        .id
}

/// The selected row of the visible list.
fn selected_row(app: &App) -> String {
    screen(app, W, H)
        .lines()
        .find(|l| l.contains("│> "))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn filter_open_edit_invalid_then_save() {
    let db = TempDb::new("keys-edit");
    let mut store = db.demo();
    let id = org_id(&store, "Bewonersorganisatie Zeeheldenkwartier");
    let mut app = app(&mut store);

    // Filter narrows as you type.
    type_text(&mut app, "/zeeheld");
    let s = shows(&app, "Organisations (1)");
    assert!(!s.contains("Duinoord"), "{s}");
    press(&mut app, KeyCode::Enter); // keep the filter
    press(&mut app, KeyCode::Enter); // open the detail
    shows(
        &app,
        &format!("Bewonersorganisatie Zeeheldenkwartier (O-{id})"),
    );
    shows(&app, "Open commitments");
    press(&mut app, KeyCode::Esc);

    // Edit: a bad email is refused next to its field, the store is untouched.
    type_text(&mut app, "e");
    shows(&app, &format!("Edit O-{id}"));
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    type_text(&mut app, "zeeheld at example");
    app.on_key(ctrl('s'));
    let s = shows(&app, "Not an email address.");
    assert!(s.contains("Not saved: see the marked field."), "{s}");
    assert_ne!(
        app.store().org(id).unwrap().email.as_deref(),
        Some("zeeheld at example")
    );

    // Fixed and saved: the store has it, the form is gone, the status says so.
    clear_field(&mut app);
    type_text(&mut app, "bestuur@zeeheld.example");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0);
    assert!(
        app.status()
            .unwrap_or_default()
            .contains(&format!("Saved O-{id}")),
        "{:?}",
        app.status()
    );
    let org = app.store().org(id).unwrap();
    assert_eq!(org.email.as_deref(), Some("bestuur@zeeheld.example"));
    assert_eq!(
        org.name, "Bewonersorganisatie Zeeheldenkwartier",
        "untouched fields stay"
    );
}

#[test]
fn new_organisation_through_the_form_and_enter_on_the_last_field() {
    let db = TempDb::new("keys-new");
    let mut store = db.demo();
    let mut app = app(&mut store);
    type_text(&mut app, "n");
    shows(&app, "New organisation");
    // Enter moves on, and saves on the last field.
    press(&mut app, KeyCode::Enter);
    shows(&app, "Short name");
    press(&mut app, KeyCode::BackTab);
    type_text(&mut app, "Buurtvereniging Nieuw");
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    type_text(&mut app, "Escamp");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    type_text(&mut app, "99");
    press(&mut app, KeyCode::Enter);
    shows(&app, "A number from 0 to 52.");
    clear_field(&mut app);
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let id = org_id(app.store(), "Buurtvereniging Nieuw");
    let org = app.store().org(id).unwrap();
    assert_eq!(
        (org.district.as_deref(), org.cadence_per_year),
        (Some("Escamp"), 4)
    );
    assert!(
        selected_row(&app).contains("Buurtvereniging Nieuw"),
        "the new record is selected"
    );
}

#[test]
fn a_duplicate_name_from_the_store_is_shown_next_to_the_name() {
    let db = TempDb::new("keys-dup");
    let mut store = db.demo();
    let mut app = app(&mut store);
    type_text(&mut app, "n");
    type_text(&mut app, "Bewonersoverleg Duinoord");
    app.on_key(ctrl('s'));
    let s = shows(&app, "exists");
    let name_line = s
        .lines()
        .position(|l| l.contains(">Name"))
        .expect("name field focused");
    assert!(
        s.lines()
            .nth(name_line + 1)
            .unwrap_or_default()
            .contains("an organisation named"),
        "{s}"
    );
}

#[test]
fn a_conflict_keeps_the_typed_values() {
    let db = TempDb::new("keys-conflict");
    let mut store = db.demo();
    let id = org_id(&store, "Bewonersoverleg Duinoord");
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut app = app(&mut store);
    type_text(&mut app, "/Duinoord");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "BOD");
    // Someone else edits the same organisation meanwhile.
    notes_changed_elsewhere(&mut other, id);
    app.on_key(ctrl('s'));
    let s = shows(&app, "Someone else changed this record");
    assert!(s.contains("BOD"), "typed value kept:\n{s}");
    assert_eq!(app.popup_count(), 1);
    // Saving again is a knowing choice and goes through.
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    assert_eq!(
        app.store().org(id).unwrap().short_name.as_deref(),
        Some("BOD")
    );
}

#[test]
fn another_process_writing_refreshes_the_list_and_keeps_selection_and_form() {
    let db = TempDb::new("keys-refresh");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut app = app(&mut store);
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    let before = selected_row(&app);
    app.take_dirty();
    app.on_tick();
    assert!(!app.take_dirty(), "nothing to draw while idle");
    other
        .add_org(wijkdesk::store::NewOrg {
            name: "Aaa Eerste Vereniging".into(),
            ..Default::default()
        })
        .unwrap();
    app.on_tick();
    assert!(app.take_dirty());
    shows(&app, "Aaa Eerste Vereniging");
    assert_eq!(
        selected_row(&app).split('│').nth(1),
        before.split('│').nth(1),
        "selection kept by record"
    );

    // A half-filled form survives a refresh.
    type_text(&mut app, "n");
    type_text(&mut app, "Half getypt");
    other
        .add_org(wijkdesk::store::NewOrg {
            name: "Zzz Laatste".into(),
            ..Default::default()
        })
        .unwrap();
    app.on_tick();
    shows(&app, "Half getypt");
    assert_eq!(app.popup_count(), 1);
}

#[test]
fn escape_asks_before_discarding_typed_text_and_drafts_survive() {
    let db = TempDb::new("keys-discard");
    let mut store = db.demo();
    let mut app = app(&mut store);
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0, "an untouched form closes at once");
    type_text(&mut app, "n");
    type_text(&mut app, "Iets");
    press(&mut app, KeyCode::Esc);
    shows(&app, "Discard what you typed?");
    type_text(&mut app, "n");
    assert_eq!(app.popup_count(), 1);
    shows(&app, "Iets");

    // Stopped now (SIGTERM, SIGHUP): the form comes back as a draft.
    let draft = app.draft().expect("a draft");
    assert_eq!(draft.values.get("name").map(String::as_str), Some("Iets"));
    drop(app);
    let mut again = App::new(
        &mut store,
        settings(),
        Size {
            width: W,
            height: H,
        },
    );
    assert!(again.restore_draft(&draft));
    shows(&again, "Restored the form you had not saved.");
    shows(&again, "Iets");
    press(&mut again, KeyCode::Esc);
    type_text(&mut again, "y");
    assert_eq!(again.popup_count(), 0);
}

#[test]
fn people_edit_the_districts_and_themes_staff_cover() {
    let db = TempDb::new("keys-people");
    let mut store = db.demo();
    let mut app = app(&mut store);
    app.select_screen("people");
    assert_eq!(app.screen_id(), "people");
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter); // keep the filter
    press(&mut app, KeyCode::Enter); // the detail, full size at this width
    shows(&app, "Covers (who does what)");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "e");
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    type_text(&mut app, "groen, verkeer");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let id = app.store().resolve_person("Ingrid Smits").unwrap();
    assert_eq!(
        app.store().person(id).unwrap().themes,
        vec!["groen".to_string(), "verkeer".to_string()]
    );

    // A new person in an organisation named by a prefix; a bad organisation is refused by the field.
    type_text(&mut app, "n");
    type_text(&mut app, "Nieuwe Buurtgenoot");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Nergens Bestaand");
    app.on_key(ctrl('s'));
    shows(&app, "no organisation matches");
    clear_field(&mut app);
    type_text(&mut app, "Bewonersoverleg Duin");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let p = app
        .store()
        .person(app.store().resolve_person("Nieuwe Buurtgenoot").unwrap())
        .unwrap();
    assert_eq!(p.org_name.as_deref(), Some("Bewonersoverleg Duinoord"));
}

#[test]
fn who_does_what_in_three_keystrokes_and_more() {
    let db = TempDb::new("keys-who");
    let mut store = db.demo();
    let mut app = app(&mut store);
    type_text(&mut app, "w");
    shows(&app, "Who does what");
    type_text(&mut app, "segb");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "groen");
    let s = shows(&app, "Contacts: Segbroek / groen");
    assert!(
        s.contains("Ingrid Smits") && s.contains("i.smits@example.nl"),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0);
}

#[test]
fn palette_and_jump() {
    let db = TempDb::new("keys-palette");
    let mut store = db.demo();
    let id = store.resolve_person("Ingrid Smits").unwrap();
    let mut app = app(&mut store);
    type_text(&mut app, ":peop");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_id(), "people");
    assert_eq!(app.popup_count(), 0);

    type_text(&mut app, "1");
    app.on_key(ctrl('p'));
    type_text(&mut app, &format!("P-{id}"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_id(), "people");
    assert!(
        selected_row(&app).contains("Ingrid Smits"),
        "{}",
        screen(&app, W, H)
    );

    app.on_key(ctrl('p'));
    type_text(&mut app, "zeehld");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_id(), "organisations");
    assert!(
        selected_row(&app).contains("Zeeheldenkwartier"),
        "{}",
        screen(&app, W, H)
    );
}

#[test]
fn help_follows_the_live_key_map() {
    let db = TempDb::new("keys-help");
    let mut store = db.demo();
    let mut overrides = BTreeMap::new();
    overrides.insert("who".to_string(), vec!["ctrl-w".to_string()]);
    overrides.insert(
        "down".to_string(),
        vec!["n".to_string(), "down".to_string()],
    );
    let (keymap, warnings) = KeyMap::with_overrides(&overrides);
    assert!(warnings.is_empty());
    let mut s = settings();
    s.keymap = keymap;
    let mut app = App::new(
        &mut store,
        s,
        Size {
            width: W,
            height: 60,
        },
    );
    type_text(&mut app, "?");
    let text = screen(&app, W, 60);
    assert!(
        text.contains("Ctrl-W") && text.contains("Who does what"),
        "{text}"
    );
    assert!(text.contains("n, Down"), "{text}");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "w");
    assert_eq!(app.popup_count(), 0, "w is no longer bound");
    app.on_key(ctrl('w'));
    assert_eq!(app.popup_count(), 1);
}

#[test]
fn empty_database_offers_the_demo() {
    let db = TempDb::new("keys-welcome");
    let mut store = db.open();
    let mut app = app(&mut store);
    shows(&app, "is empty");
    shows(&app, "load the demo data now");
    type_text(&mut app, "d");
    shows(&app, "Demo data loaded");
    shows(&app, "Bewonersoverleg Duinoord");
}

#[test]
fn quit_closes_the_detail_first_then_quits() {
    let db = TempDb::new("keys-quit");
    let mut store = db.demo();
    let mut app = app(&mut store);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "q");
    assert!(!app.should_quit());
    type_text(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn the_user_guide_names_every_action() {
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screens.md")).unwrap();
    for action in wijkdesk::tui::action::Action::all() {
        let name = action.name();
        if name.starts_with("screen_") && !matches!(name.as_str(), "screen_1" | "screen_9") {
            continue;
        }
        assert!(
            guide.contains(&name),
            "docs/screens.md does not mention the action {name}"
        );
    }
}

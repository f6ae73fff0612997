//! Date fields echo the date they understood while it is typed, and refuse what is
//! impossible with what was read. Today is Thursday 15 January 2026 (`fixed_ctx`).

mod support;

use crossterm::event::KeyCode;
use support::screens::{H, W, app_in, shows};
use wijkdesk::store::Store;
use wijkdesk::tui::testing::{TempDb, ctrl, press, type_text};
use wijkdesk::tui::{App, Lang};

fn app(store: &mut Store, lang: Lang) -> App<'_> {
    app_in(store, lang, W, H)
}

fn clear(app: &mut App) {
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
}

/// The triage popup on a new demo signal, with the focus on its due field.
fn triage_due(app: &mut App, store_title: &str) {
    type_text(app, "/");
    type_text(app, store_title);
    press(app, KeyCode::Enter);
    type_text(app, "t");
    shows(app, "Beoordelen S-");
    type_text(app, "Ingrid");
    press(app, KeyCode::Enter); // owner taken, theme next
    press(app, KeyCode::Tab); // expectation
    press(app, KeyCode::Tab); // due
    clear(app);
}

#[test]
fn the_triage_due_field_shows_what_it_understood() {
    let db = TempDb::new("dates-triage");
    let mut store = db.demo();
    let mut app = app(&mut store, Lang::Nl);
    triage_due(&mut app, "Parkeerdruk");
    type_text(&mut app, "vr");
    shows(&app, "→ vr 16 jan 2026");
    clear(&mut app);
    type_text(&mut app, "15 dec");
    shows(&app, "→ di 15 dec 2026");
    clear(&mut app);
    type_text(&mut app, "eind maart");
    shows(&app, "→ di 31 mrt 2026");
    clear(&mut app);
    type_text(&mut app, "31 feb");
    let s = shows(&app, "✗ geen datum");
    assert!(s.contains("gelezen als dag 31 van maand"), "{s}");
    // The hint's examples are words, never a fixed date that may lie in the past.
    assert!(s.contains("+2w, vr, 15 jan"), "{s}");
    // Refused on save, the popup stays with the typed text.
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1);
    shows(&app, "31 feb");
}

#[test]
fn the_meeting_start_field_shows_what_it_understood() {
    let db = TempDb::new("dates-meeting");
    let mut store = db.demo();
    let mut app = app(&mut store, Lang::En);
    assert!(app.select_screen("meetings"));
    type_text(&mut app, "n");
    shows(&app, "New meeting");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "vr 19.30 uur");
    shows(&app, "→ Fri 16 Jan 2026 19:30");
    clear(&mut app);
    type_text(&mut app, "10-12-2026 19:30");
    shows(&app, "→ Thu 10 Dec 2026 19:30");
}

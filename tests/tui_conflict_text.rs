//! A refused concurrent edit keeps what was typed: triage of a signal someone else
//! changed meanwhile stays open with the typed text and their changes filled in where
//! nothing was typed (the record forms' merge), and saves on the next Ctrl-S; a minutes
//! line edited by someone else meanwhile keeps the edit in the input, shows their text,
//! and the next Enter saves it. In-process, keys in, screen and store checked.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use support::screens::{H, W, shows};
use wijkdesk::tui::testing::{
    TempDb, app_en, ctrl, filter_inbox, press, signal_by_title, type_text,
};
use wijkdesk::tui::{App, Lang, Settings};

/// Someone else's change, made beside the app's own connection.
fn someone_else(db: &TempDb, sql: &str, id: i64) {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    wijkdesk::store::keep_figures(&conn).unwrap();
    assert_eq!(conn.execute(sql, [id]).unwrap(), 1);
}

#[test]
fn triage_refused_by_someone_elses_change_keeps_the_text_and_merges() {
    let db = TempDb::new("conflict-triage");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    type_text(&mut app, "t");
    shows(&app, &format!("Triage S-{id}"));
    type_text(&mut app, "Ingrid");
    press(&mut app, KeyCode::Enter); // take the owner
    press(&mut app, KeyCode::Tab); // theme as it was
    type_text(&mut app, "Wij kijken samen met DSO naar de parkeerdruk.");

    someone_else(
        &db,
        "UPDATE signal SET theme = 'groen', version = version + 1 WHERE id = ?1",
        id,
    );
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the popup stays open");
    let s = shows(&app, "was changed by someone else meanwhile");
    assert!(s.contains("Wij kijken samen met DSO"), "{s}");
    assert!(s.contains("groen"), "their theme is filled in:\n{s}");
    assert_eq!(app.store().signal(id).unwrap().expectation, None);

    app.on_key(ctrl('s'));
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains(&format!("Triaged S-{id}")), "{st}");
    let sig = app.store().signal(id).unwrap();
    assert_eq!(
        sig.expectation.as_deref(),
        Some("Wij kijken samen met DSO naar de parkeerdruk.")
    );
    assert_eq!(sig.theme.as_deref(), Some("groen"));
}

#[test]
fn a_minutes_edit_refused_by_someone_elses_change_keeps_the_text() {
    let db = TempDb::new("conflict-minutes");
    let mut store = db.demo();
    let meeting = store
        .meetings(100)
        .unwrap()
        .into_iter()
        .find(|m| m.title.contains("Bezuidenhout"))
        .unwrap()
        .id;
    let line = store
        .add_minute(meeting, None, "Opening door de voorzitter")
        .unwrap()
        .minute;
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: W,
            height: H,
        },
    );
    assert!(app.select_screen("meetings"));
    type_text(&mut app, "/");
    type_text(&mut app, "Bezuidenhout");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    shows(&app, "Minutes of M-");
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "e");
    shows(&app, "~ Opening door de voorzitter");
    app.on_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
    type_text(&mut app, "om acht uur");

    someone_else(
        &db,
        "UPDATE minute SET text = 'Opening door de wijkmanager', version = version + 1 WHERE id = ?1",
        line.id,
    );
    press(&mut app, KeyCode::Enter);
    let s = shows(&app, "was changed by someone else meanwhile");
    assert!(s.contains("Opening door de wijkmanager"), "{s}");
    assert!(s.contains("~ Opening door de om acht uur"), "{s}");
    assert_eq!(
        app.store().minute(line.id).unwrap().text,
        "Opening door de wijkmanager"
    );

    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.store().minute(line.id).unwrap().text,
        "Opening door de om acht uur"
    );
}

#[test]
fn feedback_refused_by_someone_elses_change_keeps_the_text() {
    let db = TempDb::new("conflict-feedback");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Bewonersbrieven eerder delen");
    let before = store.feedback_of(id).unwrap().len();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Bewonersbrieven eerder");
    type_text(&mut app, "f");
    shows(&app, &format!("Feedback on S-{id}"));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "We hebben het nagevraagd bij DPZ.");
    someone_else(
        &db,
        "UPDATE signal SET version = version + 1 WHERE id = ?1",
        id,
    );
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the popup stays open");
    let s = shows(&app, "was changed by someone else meanwhile");
    assert!(s.contains("We hebben het nagevraagd bij DPZ."), "{s}");
    assert_eq!(app.store().feedback_of(id).unwrap().len(), before);

    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{:?}", app.status());
    let given = app.store().feedback_of(id).unwrap();
    assert_eq!(given.len(), before + 1);
    assert!(
        given
            .iter()
            .any(|f| f.text == "We hebben het nagevraagd bij DPZ.")
    );
}

#[test]
fn a_form_saved_while_another_user_holds_the_database_stays_open_with_its_text() {
    let db = TempDb::new("locked-form");
    let mut store = db.demo();
    // As in the screens: a write on the keyboard's path waits a moment only.
    wijkdesk::store::waiting::set_thread_wait(Some(wijkdesk::tui::SCREEN_WAIT));
    wijkdesk::store::waiting::set_thread_screens(true);
    let mut app = app_en(&mut store, W, H);
    assert!(app.select_screen("organisations"));
    type_text(&mut app, "n");
    shows(&app, "New organisation");
    type_text(&mut app, "Vereniging tijdens het slot");

    let holder = rusqlite::Connection::open(&db.path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the form stays open");
    let s = shows(&app, "another user's change");
    assert!(s.contains("Vereniging tijdens het slot"), "{s}");
    holder.execute_batch("ROLLBACK").unwrap();

    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{:?}", app.status());
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains("Created O-"), "{st}");
    wijkdesk::store::waiting::set_thread_wait(None);
    wijkdesk::store::waiting::set_thread_screens(false);
}

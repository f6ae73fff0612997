//! Correcting a signal on the screens: `e` in the inbox and in the signal's detail
//! opens the edit form; saving changes the store, the list and the timeline; a name
//! on no list is refused beside its field with what is allowed; someone else's change
//! meanwhile opens the conflict dialog with the typed text kept; an unsaved form comes
//! back from its draft. Snapshots of the form in English and Dutch.

mod support;

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use support::screens::{H, W, shows};
use wijkdesk::tui::testing::{
    TempDb, app_en, ctrl, filter_inbox, press, screen, signal_by_title, type_text,
};
use wijkdesk::tui::{App, Lang, Settings};

/// Empty the focused field (its cursor is at the end).
fn clear(app: &mut App) {
    for _ in 0..200 {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn edit_from_the_inbox_moves_the_signal_and_the_timeline_says_so() {
    let db = TempDb::new("edit-inbox");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let before = store.signal(id).unwrap();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    type_text(&mut app, "e");
    shows(&app, &format!("Edit S-{id}"));
    shows(&app, "Bewonersorganisatie Binckhorst");
    clear(&mut app); // the title
    type_text(&mut app, "Parkeerdruk Binckhorst-Noord");
    press(&mut app, KeyCode::Tab); // text
    press(&mut app, KeyCode::Tab); // organisation: a picker
    clear(&mut app);
    type_text(&mut app, "duinoord");
    shows(&app, "Bewonersoverleg Duinoord");
    press(&mut app, KeyCode::Enter); // take it, on to the district
    clear(&mut app);
    type_text(&mut app, "Segbr");
    press(&mut app, KeyCode::Enter);
    clear(&mut app); // the neighbourhood of the old district goes
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let st = app.status().unwrap_or_default().to_string();
    assert_eq!(
        st,
        format!("S-{id} edited: title, organisation, district, neighbourhood.")
    );

    let after = app.store().signal(id).unwrap();
    assert_eq!(after.title, "Parkeerdruk Binckhorst-Noord");
    assert_eq!(after.district.as_deref(), Some("Segbroek"));
    assert_eq!(after.neighbourhood, None);
    assert_eq!(after.theme, before.theme);
    assert_eq!(after.body, before.body);
    assert_eq!(after.version, before.version + 1);
    let org = app.store().org(after.org_id.unwrap()).unwrap();
    assert_eq!(org.name, "Bewonersoverleg Duinoord");

    // The list shows the new title and organisation; the detail's timeline the edit.
    let s = shows(&app, "Parkeerdruk Binckhorst-Noord");
    assert!(s.contains("Duinoord"), "{s}");
    assert!(!s.contains("bedrijfsbusjes"), "{s}");
    press(&mut app, KeyCode::Enter);
    let s = shows(&app, "edited");
    assert!(s.contains("title, organisation, district"), "{s}");
}

#[test]
fn edit_from_the_detail_and_a_name_on_no_list_is_refused_beside_the_field() {
    let db = TempDb::new("edit-detail");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let before = store.signal(id).unwrap();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    press(&mut app, KeyCode::Enter); // the detail
    shows(&app, "Timeline");
    type_text(&mut app, "e");
    shows(&app, &format!("Edit S-{id}"));
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab); // to the theme
    }
    clear(&mut app);
    type_text(&mut app, "qqqxxzz");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the form stays open");
    let s = shows(&app, "'qqqxxzz' is not on the list (theme). Allowed:");
    assert!(
        s.contains("'afval',") && s.contains("'communicatie',"),
        "{s}"
    );
    assert!(s.contains("Lists (L)"), "{s}");
    assert_eq!(app.store().signal(id).unwrap(), before, "nothing saved");

    // A blank title is refused too.
    press(&mut app, KeyCode::Tab); // back round to the title
    clear(&mut app);
    app.on_key(ctrl('s'));
    shows(&app, "Required.");
    assert_eq!(app.store().signal(id).unwrap(), before);

    // Esc on a changed form asks first; yes throws it away.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "y");
    assert_eq!(app.popup_count(), 0);
    assert_eq!(app.store().signal(id).unwrap(), before);
}

#[test]
fn someone_elses_change_meanwhile_opens_the_conflict_dialog_with_the_text_kept() {
    let db = TempDb::new("edit-conflict");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Tab); // the text
    type_text(&mut app, " Ook op zondag.");

    let conn = rusqlite::Connection::open(&db.path).unwrap();
    wijkdesk::store::keep_figures(&conn).unwrap();
    conn.execute(
        "UPDATE signal SET title = 'Busjes in de woonstraten', version = version + 1 WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);

    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the form stays open");
    let s = shows(&app, "Changed by someone else");
    assert!(s.contains("Busjes in de woonstraten"), "{s}");
    assert!(s.contains("> Text"), "what was typed is kept:\n{s}");
    assert!(
        !app.store()
            .signal(id)
            .unwrap()
            .body
            .contains("Ook op zondag."),
        "nothing saved yet"
    );
    // Merge: their title, my text; saving again stores both.
    type_text(&mut app, "m");
    app.on_key(ctrl('s'));
    let after = app.store().signal(id).unwrap();
    assert_eq!(after.title, "Busjes in de woonstraten");
    assert!(after.body.ends_with("Ook op zondag."), "{}", after.body);
}

#[test]
fn an_unsaved_edit_comes_back_from_its_draft() {
    let db = TempDb::new("edit-draft");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let draft = {
        let mut app = app_en(&mut store, W, H);
        filter_inbox(&mut app, "Parkeerdruk");
        type_text(&mut app, "e");
        type_text(&mut app, " (concept)");
        app.draft().expect("a draft of the typed form")
    };
    assert_eq!(draft.kind, "signal_edit");
    assert_eq!(draft.id, Some(id));
    let mut app = app_en(&mut store, W, H);
    assert!(app.restore_draft(&draft));
    let s = shows(&app, "(concept)");
    assert!(s.contains(&format!("Edit S-{id}")), "{s}");
    app.on_key(ctrl('s'));
    assert!(
        app.store()
            .signal(id)
            .unwrap()
            .title
            .ends_with("woonstraten (concept)")
    );
}

fn snap(lang: Lang, code: &str, w: u16, h: u16) {
    let db = TempDb::new("edit-snap");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(lang, true, false),
        Size {
            width: w,
            height: h,
        },
    );
    filter_inbox(&mut app, "Parkeerdruk");
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab); // the organisation picker, its list open
    type_text(&mut app, "bewoners"); // replaces the name shown, narrows the list
    insta::assert_snapshot!(format!("signal_edit_{code}_{w}x{h}"), screen(&app, w, h));
}

#[test]
fn snapshots_of_the_form() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Nl, "nl")] {
        for (w, h) in [(80, 24), (120, 40)] {
            snap(lang, code, w, h);
        }
    }
}

//! The meetings screen driven by keys in-process: create and edit a meeting in the
//! form, edit the agenda (add, rename, reorder, delete), prepare a planned meeting
//! (selected entries become agenda items), mark attendance (last contact moves).

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::screens::{app, meeting_id, shows};
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{TempDb, ctrl, press, type_text};

fn select(app: &mut App, title: &str) {
    assert!(app.select_screen("meetings"));
    type_text(app, "/");
    type_text(app, title);
    press(app, KeyCode::Enter);
    shows(app, "Meetings (1)");
}

#[test]
fn the_list_shows_upcoming_then_held_and_final() {
    let db = TempDb::new("meetings-list");
    let mut store = db.demo();
    let mut app = app(&mut store);
    assert!(app.select_screen("meetings"));
    let s = shows(&app, "Meetings (6)");
    let at = |w: &str| s.find(w).unwrap_or_else(|| panic!("{w}:\n{s}"));
    assert!(
        at("planned") < at("held") && at("held") < at("final"),
        "{s}"
    );
    // History, who-does-what and help still work from here.
    type_text(&mut app, "?");
    assert_eq!(app.popup_count(), 1);
    shows(&app, "Show help (all keys)");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "2");
    assert_ne!(app.screen_id(), "meetings");
}

#[test]
fn create_then_edit_a_meeting_in_the_form() {
    let db = TempDb::new("meetings-form");
    let mut store = db.demo();
    {
        let mut app = app(&mut store);
        assert!(app.select_screen("meetings"));
        type_text(&mut app, "n");
        shows(&app, "New meeting");
        type_text(&mut app, "Overleg Zeeheldenkwartier");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "2026-02-10 19:30");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "21:00");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Buurthuis De Kade");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Centrum");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Bewonersorganisatie Zeeheld, Politie");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Annelies");
        app.on_key(ctrl('s'));
        shows(&app, "Created M-");
        shows(&app, "Overleg Zeeheldenkwartier");
    }
    let id = meeting_id(&store, "Zeeheldenkwartier");
    let orgs = store.meeting_orgs(id).unwrap();
    assert_eq!(orgs.len(), 2, "{orgs:?}");
    let m = store.meeting(id).unwrap();
    assert_eq!(m.ends_at.unwrap().format("%H:%M").to_string(), "21:00");
    assert!(m.chair_id.is_some());
    // Edit: a bad time is refused next to its field; a good one is saved.
    {
        let mut app = app(&mut store);
        select(&mut app, "Zeeheldenkwartier");
        type_text(&mut app, "e");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        for _ in 0..20 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "morgen 25:00");
        app.on_key(ctrl('s'));
        shows(&app, "not a date and time");
        for _ in 0..12 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "2026-02-10 20:00");
        app.on_key(ctrl('s'));
        shows(&app, "Saved M-");
    }
    let m = store.meeting(id).unwrap();
    assert_eq!(
        m.starts_at.format("%Y-%m-%d %H:%M").to_string(),
        "2026-02-10 20:00"
    );
}

#[test]
fn agenda_items_added_renamed_moved_and_deleted() {
    let db = TempDb::new("meetings-agenda");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    let before = store.agenda(id).unwrap();
    {
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "a");
        shows(&app, "Agenda of M-");
        type_text(&mut app, "n");
        type_text(&mut app, "Nieuw punt over groen");
        press(&mut app, KeyCode::Enter);
        shows(&app, "Nieuw punt over groen");
        // It is last; K moves it up one.
        type_text(&mut app, "K");
        type_text(&mut app, "e");
        for _ in 0..5 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "bomen");
        press(&mut app, KeyCode::Enter);
        // Delete the first item: asked first.
        type_text(&mut app, "g");
        type_text(&mut app, "d");
        shows(&app, "Delete agenda item");
        type_text(&mut app, "y");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.popup_count(), 0);
        shows(&app, "Nieuw punt over bomen");
    }
    let after = store.agenda(id).unwrap();
    assert_eq!(after.len(), before.len());
    assert_eq!(after[after.len() - 2].title, "Nieuw punt over bomen");
    assert_ne!(after[0].title, before[0].title);
}

#[test]
fn prepare_turns_selected_entries_into_agenda_items() {
    let db = TempDb::new("meetings-prepare");
    let mut store = db.demo();
    let id = meeting_id(&store, "Wijkoverleg Centrum");
    let before = store.agenda(id).unwrap().len();
    let entries = store.prepare(id).unwrap().entries();
    assert!(entries.len() >= 3);
    {
        let mut app = app(&mut store);
        select(&mut app, "Wijkoverleg Centrum");
        type_text(&mut app, "p");
        shows(&app, "Prepare M-");
        shows(&app, "Feedback owed");
        type_text(&mut app, " ");
        type_text(&mut app, " ");
        shows(&app, "2 selected");
        press(&mut app, KeyCode::Enter);
        shows(&app, "Added 2 agenda items.");
        assert_eq!(app.popup_count(), 0);
    }
    let agenda = store.agenda(id).unwrap();
    assert_eq!(agenda.len(), before + 2);
    assert!(agenda[before].title.starts_with(&entries[0].label));
    // A meeting that was held is not prepared.
    let mut app = app(&mut store);
    select(&mut app, "Scheveningen");
    type_text(&mut app, "p");
    shows(&app, "Only a planned meeting is prepared");
}

#[test]
fn attendance_marks_organisations_and_people() {
    let db = TempDb::new("meetings-attendance");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "A");
        shows(&app, "Attendance at M-");
        type_text(&mut app, " ");
        press(&mut app, KeyCode::Down);
        type_text(&mut app, " ");
        type_text(&mut app, " ");
        press(&mut app, KeyCode::Esc);
        shows(&app, "[x] Wijkberaad Bezuidenhout");
    }
    let orgs = store.meeting_orgs(id).unwrap();
    assert_eq!(orgs[0].attended, Some(true));
    let people = store.meeting_people(id).unwrap();
    assert!(
        people.iter().any(|p| p.attended == Some(false)),
        "{people:?}"
    );
}

#[test]
fn hold_and_finalise_from_the_list() {
    let db = TempDb::new("meetings-status");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    {
        // The tests run on 2026-01-15: the meeting of the 27th is not held yet.
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "h");
        shows(
            &app,
            "cannot mark a meeting held before it starts: it starts on 2026-01-27 at 20:00",
        );
        assert_eq!(app.store().meeting(id).unwrap().status.code(), "planned");
    }
    // Its evening.
    store.set_now(Some(
        store.meeting(id).unwrap().starts_at + chrono::Duration::hours(2),
    ));
    {
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "F");
        shows(&app, "cannot finalise");
        type_text(&mut app, "h");
        shows(&app, "is held now");
        type_text(&mut app, "F");
        shows(&app, "Finalise the minutes of M-");
        type_text(&mut app, "n");
        assert_eq!(app.store().meeting(id).unwrap().status.code(), "held");
        type_text(&mut app, "F");
        type_text(&mut app, "y");
        shows(&app, "is final now");
        app.on_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(app.should_quit());
    }
    assert_eq!(store.meeting(id).unwrap().status.code(), "final");
}

#[test]
fn attendance_adds_staff_and_refuses_a_stale_mark() {
    let db = TempDb::new("meetings-staff");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    let linda = store.resolve_person("ljansen").unwrap();
    let mut other = db.open();
    {
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "A");
        shows(&app, "n add someone");
        // A member of the municipality's staff, by username.
        type_text(&mut app, "n");
        shows(&app, "Add as present");
        type_text(&mut app, "ljansen");
        press(&mut app, KeyCode::Enter);
        shows(&app, "[x] Linda Jansen");
        // Someone else marks her absent meanwhile; Space here was read before that.
        other
            .set_person_attendance(id, linda, Some(false), None)
            .unwrap();
        type_text(&mut app, " ");
        shows(&app, "changed by someone else");
        // The list is reloaded: their mark is shown, and a second Space goes on from it.
        shows(&app, "[-] Linda Jansen");
        type_text(&mut app, " ");
        shows(&app, "[ ] Linda Jansen");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.popup_count(), 0);
        // The meeting's detail lists her with the organisation.
        shows(&app, "[ ] Linda Jansen - ");
        // The history names her.
        type_text(&mut app, "H");
        let s = shows(
            &app,
            &format!("Linda Jansen (P-{linda}) absent → not marked"),
        );
        assert!(
            s.contains(&format!("Linda Jansen (P-{linda}) attended → absent")),
            "{s}"
        );
        assert!(!s.contains(&format!("P-{linda}:")), "{s}");
    }
    let me = store
        .meeting_people(id)
        .unwrap()
        .into_iter()
        .find(|p| p.person_id == linda)
        .unwrap();
    assert_eq!(me.attended, None);
}

#[test]
fn a_stale_agenda_rename_keeps_what_was_typed() {
    let db = TempDb::new("meetings-agenda-stale");
    let mut store = db.demo();
    let id = meeting_id(&store, "Bezuidenhout");
    let first = store.agenda(id).unwrap()[0].clone();
    let mut other = db.open();
    {
        let mut app = app(&mut store);
        select(&mut app, "Bezuidenhout");
        type_text(&mut app, "a");
        type_text(&mut app, "e");
        type_text(&mut app, " en welkom");
        other
            .rename_agenda_item(first.id, "Opening door de voorzitter", None)
            .unwrap();
        press(&mut app, KeyCode::Enter);
        let s = shows(&app, "changed by someone else");
        // The prompt is still open with what was typed; the list shows theirs.
        assert!(s.contains(&format!("{} en welkom", first.title)), "{s}");
        assert!(s.contains("Opening door de voorzitter"), "{s}");
        assert_eq!(
            app.store().agenda(id).unwrap()[0].title,
            "Opening door de voorzitter"
        );
        // Enter again puts the typed title over theirs.
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(
        store.agenda(id).unwrap()[0].title,
        format!("{} en welkom", first.title)
    );
}

//! The organisation, person and meeting forms share one definition: each behaves the
//! same way when someone else saved the record first (the conflict dialog, what was
//! typed kept, overwrite knowingly), and each comes back from its draft.

mod support;

use crossterm::event::KeyCode;
use support::screens::{H, W, app};
use wijkdesk::store::{MeetingEdit, OrgEdit, PersonEdit, Store};
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{TempDb, ctrl, fixed_ctx, press, screen, type_text};

/// The screen `id` narrowed to `filter`, the selected record's form open, " (ext)"
/// typed after its first field.
fn edit_selected(app: &mut App, id: &str, filter: &str) -> wijkdesk::domain::RecordRef {
    assert!(app.select_screen(id));
    type_text(app, "/");
    type_text(app, filter);
    press(app, KeyCode::Enter);
    let record = app.selected_record().expect("a record is selected");
    type_text(app, "e");
    assert_eq!(app.popup_count(), 1, "{}", screen(app, W, H));
    press(app, KeyCode::End);
    type_text(app, " (ext)");
    record
}

/// Ctrl-S after someone else's save: the dialog, then `o` saves what the form holds
/// over it knowingly.
fn save_over_their_change(app: &mut App) {
    app.on_key(ctrl('s'));
    let s = screen(app, W, H);
    assert!(s.contains("Changed by someone else"), "{s}");
    assert!(s.contains("(ext)"), "what was typed is kept:\n{s}");
    type_text(app, "o");
    assert_eq!(app.popup_count(), 0, "{}", screen(app, W, H));
}

#[test]
fn the_organisation_form_meets_a_conflict_like_the_others() {
    let db = TempDb::new("forms-org");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let id = {
        let mut app = app(&mut store);
        let r = edit_selected(&mut app, "organisations", "Duinoord");
        let edit = OrgEdit {
            notes: Some("their notes".into()),
            ..OrgEdit::default()
        };
        other.edit_org(r.id, edit, None).unwrap();
        save_over_their_change(&mut app);
        r.id
    };
    let org = store.org(id).unwrap();
    assert!(org.name.ends_with(" (ext)"), "{}", org.name);
    assert_ne!(
        org.notes, "their notes",
        "overwritten with all that was in the form"
    );
}

#[test]
fn the_person_form_meets_a_conflict_like_the_others() {
    let db = TempDb::new("forms-person");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let id = {
        let mut app = app(&mut store);
        let r = edit_selected(&mut app, "people", "Eva Hendriks");
        let edit = PersonEdit {
            role: Some("their role".into()),
            ..PersonEdit::default()
        };
        other.edit_person(r.id, edit, None).unwrap();
        save_over_their_change(&mut app);
        r.id
    };
    let p = store.person(id).unwrap();
    assert!(p.name.ends_with(" (ext)"), "{}", p.name);
    assert_ne!(
        p.role, "their role",
        "overwritten with all that was in the form"
    );
}

#[test]
fn the_meeting_form_meets_a_conflict_like_the_others() {
    let db = TempDb::new("forms-meeting");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let id = {
        let mut app = app(&mut store);
        let r = edit_selected(&mut app, "meetings", "Bezuidenhout");
        let edit = MeetingEdit {
            location: Some("their place".into()),
            ..MeetingEdit::default()
        };
        other.edit_meeting(r.id, edit, None).unwrap();
        save_over_their_change(&mut app);
        r.id
    };
    let m = store.meeting(id).unwrap();
    assert!(m.title.ends_with(" (ext)"), "{}", m.title);
    assert_ne!(
        m.location, "their place",
        "overwritten with all that was in the form"
    );
}

#[test]
fn each_form_comes_back_from_its_draft_with_its_record_and_version() {
    for (screen_id, filter, kind) in [
        ("organisations", "Duinoord", "organisation"),
        ("people", "Eva Hendriks", "person"),
        ("meetings", "Bezuidenhout", "meeting"),
    ] {
        let db = TempDb::new("forms-draft");
        let mut store = db.demo();
        let mut app = app(&mut store);
        let r = edit_selected(&mut app, screen_id, filter);
        let draft = app.draft().expect("a draft");
        assert_eq!(draft.kind, kind);
        assert_eq!(draft.id, Some(r.id));
        assert!(
            draft.version.is_some(),
            "{kind}: the version it was read at"
        );
        press(&mut app, KeyCode::Esc);
        type_text(&mut app, "y");
        assert_eq!(app.popup_count(), 0, "{kind}: {}", screen(&app, W, H));

        assert!(app.restore_draft(&draft), "{kind}");
        let s = screen(&app, W, H);
        assert!(s.contains("(ext)"), "{kind}: the typed text is back:\n{s}");
        assert!(s.contains(&format!("{r}")), "{kind}: its record:\n{s}");
        app.on_key(ctrl('s'));
        assert_eq!(app.popup_count(), 0, "{kind}: {}", screen(&app, W, H));
    }
}

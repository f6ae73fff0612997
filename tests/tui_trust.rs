//! Trust on the screens: the conflict dialog when someone else saved first,
//! the history popup, and the People screen's export, erase and retention review.

mod support;

use crossterm::event::KeyCode;
use support::screens::{app_in as app, notes_changed_elsewhere};
use wijkdesk::store::{OrgEdit, Store};
use wijkdesk::tui::testing::{TempDb, ctrl, fixed_ctx, press, screen, type_text};
use wijkdesk::tui::{App, Lang};

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

const ORG: &str = "Bewonersoverleg Duinoord";

/// The TUI opens the organisation's form and types a short name; another handle on
/// the same file changes its notes meanwhile; the TUI saves.
fn conflict<'a>(db: &TempDb, store: &'a mut Store, w: u16, h: u16) -> (App<'a>, i64, i64) {
    let id = org_id(store, ORG);
    let v0 = store.org(id).unwrap().version;
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut app = app(store, Lang::En, w, h);
    assert!(app.select_screen("organisations"));
    type_text(&mut app, "/Duinoord");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "BOD");
    notes_changed_elsewhere(&mut other, id);
    app.on_key(ctrl('s'));
    (app, id, v0)
}

#[test]
fn conflict_dialog_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let db = TempDb::new("trust-conflict-snap");
        let mut store = db.demo();
        let (app, _, _) = conflict(&db, &mut store, w, h);
        insta::assert_snapshot!(format!("conflict_en_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn conflict_shows_both_and_overwrite_saves_the_typed_value() {
    let db = TempDb::new("trust-overwrite");
    let mut store = db.demo();
    let (mut app, id, v0) = conflict(&db, &mut store, 100, 30);
    let s = screen(&app, 100, 30);
    assert!(s.contains("Changed by someone else"), "{s}");
    assert!(s.contains("Someone else changed this record"), "{s}");
    let short = s.lines().find(|l| l.contains("Short name")).unwrap();
    assert!(
        short.contains('>') && short.contains("BOD"),
        "yours marked: {short}"
    );
    let notes = s.lines().find(|l| l.contains("Notes")).unwrap();
    assert!(
        notes.contains('<') && notes.contains("changed elsewhere"),
        "theirs marked: {notes}"
    );
    assert_eq!(
        app.store().org(id).unwrap().short_name.as_deref(),
        None,
        "nothing saved yet"
    );
    type_text(&mut app, "o");
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, 100, 30));
    let org = app.store().org(id).unwrap();
    assert_eq!(org.short_name.as_deref(), Some("BOD"));
    assert_eq!(org.version, v0 + 2, "their edit and then ours");
}

#[test]
fn conflict_reload_asks_then_keeps_theirs() {
    let db = TempDb::new("trust-reload");
    let mut store = db.demo();
    let (mut app, id, v0) = conflict(&db, &mut store, 100, 30);
    type_text(&mut app, "r");
    let s = screen(&app, 100, 30);
    assert!(s.contains("Discard what you typed"), "{s}");
    type_text(&mut app, "n");
    assert!(screen(&app, 100, 30).contains("Changed by someone else"));
    type_text(&mut app, "r");
    type_text(&mut app, "y");
    let s = screen(&app, 100, 30);
    assert!(s.contains("The saved version is shown now"), "{s}");
    assert!(!s.contains("BOD"), "{s}");
    // Nothing typed any more: Esc closes without asking.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, 100, 30));
    let org = app.store().org(id).unwrap();
    assert_eq!(org.notes, "changed elsewhere");
    assert_eq!(org.short_name, None);
    assert_eq!(org.version, v0 + 1);
}

#[test]
fn conflict_merge_keeps_both_changes() {
    let db = TempDb::new("trust-merge");
    let mut store = db.demo();
    let (mut app, id, v0) = conflict(&db, &mut store, 100, 30);
    type_text(&mut app, "m");
    let s = screen(&app, 100, 30);
    assert!(s.contains("Their changes are filled in"), "{s}");
    assert!(s.contains("BOD") && s.contains("changed elsewhere"), "{s}");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, 100, 30));
    let org = app.store().org(id).unwrap();
    assert_eq!(org.short_name.as_deref(), Some("BOD"));
    assert_eq!(org.notes, "changed elsewhere");
    assert_eq!(org.version, v0 + 2);
}

#[test]
fn conflict_in_the_person_form_too() {
    let db = TempDb::new("trust-person");
    let mut store = db.demo();
    let p = store.people("Ingrid Smits", None, 5).unwrap().remove(0);
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut app = app(&mut store, Lang::Nl, 100, 30);
    assert!(app.select_screen("people"));
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "e");
    for _ in 0..2 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Wijkregisseur");
    other
        .edit_person(
            p.id,
            wijkdesk::store::PersonEdit {
                role: Some("Coördinator".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    app.on_key(ctrl('s'));
    let s = screen(&app, 100, 30);
    assert!(s.contains("Door iemand anders gewijzigd"), "{s}");
    let role = s.lines().find(|l| l.contains("Wijkregisseur")).unwrap();
    assert!(
        role.contains('!') && role.contains("Wijkregisseur") && role.contains("Coördinator"),
        "{role}"
    );
    type_text(&mut app, "o");
    assert_eq!(app.store().person(p.id).unwrap().role, "Wijkregisseur");
}

#[test]
fn history_popup_lists_changes_field_by_field() {
    let db = TempDb::new("trust-history");
    let mut store = db.demo();
    let id = org_id(&store, ORG);
    for n in 1..=8 {
        store
            .edit_org(
                id,
                OrgEdit {
                    cadence_per_year: Some(n),
                    ..OrgEdit::default()
                },
                None,
            )
            .unwrap();
    }
    store
        .edit_org(
            id,
            OrgEdit {
                short_name: Some("BOD".into()),
                ..OrgEdit::default()
            },
            None,
        )
        .unwrap();
    let mut app = app(&mut store, Lang::En, 100, 30);
    assert!(app.select_screen("organisations"));
    type_text(&mut app, "/Duinoord");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "H");
    let s = screen(&app, 100, 30);
    assert!(s.contains(&format!("History of O-{id}")), "{s}");
    assert!(s.contains("demo"), "who: {s}");
    assert!(s.contains("changed"), "what: {s}");
    assert!(s.contains("Short name: - → BOD"), "before → after: {s}");
    assert!(s.contains("Meetings a year: 7 → 8"), "{s}");
    // It scrolls, and Esc closes it.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    let s = screen(&app, 100, 30);
    assert!(!s.contains("Short name: - → BOD"), "{s}");
    type_text(&mut app, "G");
    assert!(
        screen(&app, 100, 30).contains("created"),
        "the oldest at the end"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0);
}

#[test]
fn history_snapshots() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Nl, "nl")] {
        for (w, h) in [(80, 24), (120, 40)] {
            let db = TempDb::new("trust-history-snap");
            let mut store = db.demo();
            let mut app = app(&mut store, lang, w, h);
            assert!(app.select_screen("organisations"));
            type_text(&mut app, "H");
            insta::assert_snapshot!(format!("history_{tag}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn erase_from_the_people_screen_behind_a_typed_confirmation() {
    let db = TempDb::new("trust-erase");
    let mut store = db.demo();
    let p = store.people("Ingrid Smits", None, 5).unwrap().remove(0);
    let r = p.reference().to_string();
    let mut app = app(&mut store, Lang::En, 100, 30);
    assert!(app.select_screen("people"));
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "D");
    let s = screen(&app, 100, 30);
    assert!(s.contains(&format!("Erase {r}")), "{s}");
    assert!(s.contains("Ingrid Smits"), "names the person: {s}");
    assert!(s.contains("cannot be undone"), "{s}");
    assert!(s.contains("Export first (X)"), "{s}");
    // A wrong word erases nothing.
    type_text(&mut app, "yes");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app, 100, 30).contains("nothing was erased"));
    assert!(!app.store().person(p.id).unwrap().erased);
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &r);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, 100, 30));
    let after = app.store().person(p.id).unwrap();
    assert!(after.erased);
    assert!(!after.name.contains("Ingrid"), "{}", after.name);
    assert_eq!(after.email, None);
    assert!(
        app.status()
            .unwrap_or_default()
            .contains(&format!("Erased {r}")),
        "{:?}",
        app.status()
    );
    // Erased already: no second erase, no edit.
    type_text(&mut app, "D");
    assert_eq!(app.popup_count(), 0);
}

#[test]
fn erase_accepts_the_word_in_dutch_and_esc_cancels() {
    let db = TempDb::new("trust-erase-nl");
    let mut store = db.demo();
    let p = store.people("Ingrid Smits", None, 5).unwrap().remove(0);
    let mut app = app(&mut store, Lang::Nl, 100, 30);
    assert!(app.select_screen("people"));
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "D");
    let s = screen(&app, 100, 30);
    assert!(s.contains("kan niet ongedaan"), "{s}");
    press(&mut app, KeyCode::Esc);
    assert!(!app.store().person(p.id).unwrap().erased);
    type_text(&mut app, "Dwissen");
    press(&mut app, KeyCode::Enter);
    assert!(app.store().person(p.id).unwrap().erased);
}

#[test]
fn retention_review_lists_people_inactive_since_a_date() {
    let db = TempDb::new("trust-retention");
    let mut store = db.demo();
    let expected = store
        .people_inactive_since(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap())
        .unwrap()
        .len();
    let mut app = app(&mut store, Lang::En, 100, 30);
    assert!(app.select_screen("people"));
    type_text(&mut app, "R");
    assert!(screen(&app, 100, 30).contains("Inactive since (a date with its year"));
    type_text(&mut app, "2025-13-01");
    press(&mut app, KeyCode::Enter);
    // The refusal says what was read, as every date field does.
    assert!(
        app.status()
            .unwrap_or_default()
            .contains("not a date: \"2025-13-01\": read as day 1 of month 13 in 2025"),
        "{:?}",
        app.status()
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2025-06-01");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, 100, 30);
    assert!(
        s.contains(&format!("People: inactive since 2025-06-01 ({expected})")),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    let s = screen(&app, 100, 30);
    assert!(!s.contains("inactive since"), "{s}");
}

#[test]
fn export_writes_an_owner_only_file() {
    let db = TempDb::new("trust-export");
    let store = db.demo();
    let p = store.people("Ingrid Smits", None, 5).unwrap().remove(0);
    let dir = db.dir.join("exports");
    let path = wijkdesk::tui::screens::people::avg::write_export(
        &store,
        p.id,
        &dir,
        wijkdesk::words::Lang::En,
    )
    .unwrap();
    assert_eq!(path, dir.join(format!("P-{}.json", p.id)));
    let text = std::fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["person"]["name"], "Ingrid Smits");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

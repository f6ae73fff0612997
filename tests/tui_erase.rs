//! `D` on the People screen erases the person, drafts on disk included, and the status
//! line says how many places changed, per kind, in the screen's language.
//! (Its own test binary: it sets `WIJKDESK_DRAFTS` for the process.)

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::tui::popups::form::FormDraft;
use wijkdesk::tui::testing::{TempDb, press, type_text};
use wijkdesk::tui::{App, Lang, Settings};

#[test]
fn erasing_from_the_people_screen_reports_every_kind_and_cleans_drafts() {
    let db = TempDb::new("tui-erase");
    let drafts = db.dir.join("drafts");
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("WIJKDESK_DRAFTS", &drafts) };
    let mut store = db.demo();
    let id = store.resolve_person("Ingrid Smits").unwrap();
    let mut draft = FormDraft {
        kind: "meeting".into(),
        db: "/elsewhere.db".into(),
        ..Default::default()
    };
    draft
        .values
        .insert("title".into(), "Terugbellen: @Ingrid-Smits".into());
    let file = wijkdesk::drafts::save_in(&drafts, &draft).unwrap();

    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        Size {
            width: 160,
            height: 30,
        },
    );
    assert!(app.select_screen("people"));
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "D");
    type_text(&mut app, "wissen");
    press(&mut app, KeyCode::Enter);
    let status = app.status().unwrap_or_default().to_string();
    assert!(status.starts_with(&format!("P-{id} gewist: ")), "{status}");
    for kind in [
        "persoonsrecords",
        "geschiedenisregels",
        "formulierconcepten op schijf",
    ] {
        assert!(status.contains(kind), "no {kind}: {status}");
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Terugbellen: @[verwijderd]"), "{text}");
    drop(app);
    let p = store.person(id).unwrap();
    assert!(p.erased && !p.name.contains("Ingrid"), "{}", p.name);
}

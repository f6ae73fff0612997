//! `X` on the People screen writes the person's export where it says, owner-only.
//! (Its own test binary: it sets `WIJKDESK_EXPORT_DIR` for the process.)

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::tui::testing::{TempDb, press, type_text};
use wijkdesk::tui::{App, Lang, Settings};

#[test]
fn export_from_the_people_screen_says_where() {
    let db = TempDb::new("trust-export-key");
    let dir = db.dir.join("my-exports");
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("WIJKDESK_EXPORT_DIR", &dir) };
    let mut store = db.demo();
    let id = store.resolve_person("Ingrid Smits").unwrap();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        Size {
            width: 100,
            height: 30,
        },
    );
    assert!(app.select_screen("people"));
    type_text(&mut app, "/Ingrid Smits");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "X");
    let path = dir.join(format!("P-{id}.json"));
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("P-{id} geëxporteerd naar {}", path.display())),
        "{status}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Ingrid Smits"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

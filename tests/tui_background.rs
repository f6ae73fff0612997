//! Long work leaves the key handlers: with the shell's background route in place (as
//! the terminal sets it up), exporting every list says that it is writing, keys keep
//! working meanwhile, and the result comes back as an event that says where the
//! files went. (Its own test binary: it sets `WIJKDESK_EXPORT_DIR` for the process.)

mod support;

use crossterm::event::KeyCode;
use std::time::Duration;
use support::screens::app_with_background;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};

#[test]
fn exporting_every_list_runs_off_the_input_path_and_says_where_when_done() {
    let db = TempDb::new("background-export");
    let dir = db.dir.join("lijsten");
    // SAFETY: the only test in this binary; nothing else reads the environment meanwhile.
    unsafe { std::env::set_var("WIJKDESK_EXPORT_DIR", &dir) };
    let mut store = db.demo();
    let (mut app, rx) = app_with_background(&mut store);

    type_text(&mut app, ":export_csv");
    press(&mut app, KeyCode::Enter);
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("Writing every list to {}", dir.display())),
        "{status}"
    );
    // The screen still answers keys while the export runs.
    assert!(app.select_screen("organisations"));
    press(&mut app, KeyCode::Down);
    assert!(screen(&app, 100, 30).contains("Organisations"));

    let finish = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the export came back");
    app.on_background(finish);
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("6 CSV files written to {}", dir.display())),
        "{status}"
    );
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, 6, "{status}");
}

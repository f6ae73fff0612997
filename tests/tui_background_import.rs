//! A CSV import leaves the key handler: with the shell's background route in place (as
//! the terminal sets it up), Enter in the import prompt closes it and the status line
//! says what is being imported; keys keep working meanwhile; the result comes back as
//! an event that says what was imported, and the screen shows the new organisation
//! without a reload asked for. A refused file brings the prompt back with its path.

mod support;

use crossterm::event::KeyCode;
use std::sync::mpsc;
use std::time::Duration;
use support::screens::app_with_background;
use wijkdesk::tui::App;
use wijkdesk::tui::app::Finish;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};

fn import_orgs_from(app: &mut App, path: &std::path::Path) {
    type_text(app, ":import_orgs");
    press(app, KeyCode::Enter);
    assert!(
        screen(app, 100, 30).contains("Import organisations from a CSV file"),
        "{}",
        screen(app, 100, 30)
    );
    type_text(app, &path.to_string_lossy());
    press(app, KeyCode::Enter);
}

fn wait_for_result(app: &mut App, rx: &mpsc::Receiver<Finish>) -> String {
    let finish = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the import came back");
    app.on_background(finish);
    app.status().unwrap_or_default().to_string()
}

#[test]
fn importing_runs_off_the_input_path_and_the_screen_shows_the_result() {
    let db = TempDb::new("background-import");
    let file = db.dir.join("nieuw.csv");
    // "Aaa…" sorts first, so the organisations list shows it at the top.
    std::fs::write(
        &file,
        "naam;soort;cadans\r\nAaa Wijkraad Achtergrond;bewoners;6\r\n",
    )
    .unwrap();
    let mut store = db.demo();
    let (mut app, rx) = app_with_background(&mut store);
    assert!(app.select_screen("organisations"));
    assert!(!screen(&app, 100, 30).contains("Aaa Wijkraad Achtergrond"));

    import_orgs_from(&mut app, &file);
    // The prompt is gone and the status line says what is being imported.
    assert_eq!(app.popup_count(), 0);
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("Importing {}…", file.display())),
        "{status}"
    );
    // Keys still move the list while the import runs.
    let before = app.selected_record();
    press(&mut app, KeyCode::Down);
    assert_ne!(app.selected_record(), before);

    let status = wait_for_result(&mut app, &rx);
    assert!(
        status.contains(&format!(
            "1 created, 0 updated, 0 unchanged from {}",
            file.display()
        )),
        "{status}"
    );
    // Written on the job's own connection: the store's change generation moved, and
    // the list shows the new organisation.
    assert!(
        screen(&app, 100, 30).contains("Aaa Wijkraad Achtergrond"),
        "{}",
        screen(&app, 100, 30)
    );
}

#[test]
fn a_refused_import_brings_the_prompt_back_with_its_path() {
    let db = TempDb::new("background-import-refused");
    let bad = db.dir.join("fout.csv");
    std::fs::write(&bad, "naam,soort\nWijkraad Fout,kasteel\n").unwrap();
    let mut store = db.demo();
    let orgs_before = store.export_orgs().unwrap().rows.len();
    {
        let (mut app, rx) = app_with_background(&mut store);
        import_orgs_from(&mut app, &bad);
        assert_eq!(app.popup_count(), 0);

        let status = wait_for_result(&mut app, &rx);
        assert!(status.contains("Nothing imported"), "{status}");
        assert!(status.contains("line 2"), "{status}");
        // The prompt is back with the path typed, to correct it or the file.
        assert_eq!(app.popup_count(), 1);
        let shown = screen(&app, 100, 30);
        assert!(
            shown.contains("Import organisations from a CSV file"),
            "{shown}"
        );
        let name = bad.file_name().unwrap().to_string_lossy().into_owned();
        assert!(shown.contains(&name), "{shown}");
    }
    assert_eq!(store.export_orgs().unwrap().rows.len(), orgs_before);
}

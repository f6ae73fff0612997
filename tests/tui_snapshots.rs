//! Snapshots of every screen and popup at 80×24 and 120×40, in English and Dutch, on
//! the demo database with a fixed day (2026-01-15) and user (demo).

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Nl, "nl")];

/// Render `setup` on a demo (or empty) database for every size and language.
fn snap(name: &str, demo: bool, setup: impl Fn(&mut App)) {
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let db = TempDb::new(name);
            let mut store = if demo { db.demo() } else { db.open() };
            let mut app = App::new(
                &mut store,
                Settings::new(lang, true, false),
                Size {
                    width: w,
                    height: h,
                },
            );
            // The inbox comes first; these snapshots start on the organisations.
            app.select_screen("organisations");
            setup(&mut app);
            // The temporary path differs per run, and so does the padding after it.
            let path = db.path.display().to_string();
            let text: String = screen(&app, w, h)
                .lines()
                .map(|l| match l.contains(&path) {
                    true => format!(
                        "{} |\n",
                        l.replace(&path, "[DB]").trim_end_matches('│').trim_end()
                    ),
                    false => format!("{l}\n"),
                })
                .collect();
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), text);
        }
    }
}

#[test]
fn organisations_list_and_detail() {
    snap("organisations", true, |app| {
        press(app, KeyCode::Down);
        press(app, KeyCode::Down);
    });
}

#[test]
fn organisation_full_detail() {
    snap("organisation_detail", true, |app| {
        type_text(app, "/zeeheld");
        press(app, KeyCode::Enter);
        press(app, KeyCode::Enter);
    });
}

#[test]
fn people() {
    snap("people", true, |app| {
        app.select_screen("people");
        press(app, KeyCode::Down);
    });
}

#[test]
fn help() {
    snap("help", true, |app| type_text(app, "?"));
}

#[test]
fn palette() {
    snap("palette", true, |app| type_text(app, ":who"));
}

#[test]
fn jump() {
    snap("jump", true, |app| {
        app.on_key(ctrl('p'));
        type_text(app, "duin");
    });
}

#[test]
fn who_does_what() {
    snap("who", true, |app| {
        type_text(app, "w");
        type_text(app, "segb");
        press(app, KeyCode::Enter);
        type_text(app, "groen");
    });
}

#[test]
fn form_with_a_validation_error() {
    snap("form_error", true, |app| {
        type_text(app, "n");
        type_text(app, "Buurtvereniging Test");
        for _ in 0..6 {
            press(app, KeyCode::Tab);
        }
        type_text(app, "not-an-email");
        app.on_key(ctrl('s'));
    });
}

#[test]
fn welcome_on_an_empty_database() {
    snap("welcome", false, |_| {});
}

//! Snapshots of the meetings list, the preparation view and the minutes editor at
//! 80×24 and 120×40, in English and Dutch, on the demo database with a fixed day
//! (2026-01-15) and user (demo).

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Nl, "nl")];

fn snap(name: &str, setup: impl Fn(&mut App)) {
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let db = TempDb::new(name);
            let mut store = db.demo();
            let mut app = App::new(
                &mut store,
                Settings::new(lang, true, false),
                Size {
                    width: w,
                    height: h,
                },
            );
            assert!(app.select_screen("meetings"));
            setup(&mut app);
            let path = db.path.file_name().unwrap().to_string_lossy().to_string();
            let text = screen(&app, w, h).replace(&path, "[DB]");
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), text);
        }
    }
}

fn filter(app: &mut App, title: &str) {
    type_text(app, "/");
    type_text(app, title);
    press(app, KeyCode::Enter);
}

#[test]
fn meetings_list() {
    snap("meetings", |app| press(app, KeyCode::Down));
}

#[test]
fn preparation() {
    snap("prepare", |app| {
        filter(app, "Centrum");
        type_text(app, "p");
        type_text(app, " ");
        press(app, KeyCode::Down);
        type_text(app, " ");
    });
}

#[test]
fn minutes_editor() {
    snap("minutes", |app| {
        filter(app, "Bezuidenhout");
        press(app, KeyCode::Enter);
        for line in [
            "Opening door de voorzitter",
            "A: Verslag rondsturen naar alle leden @demo due:+14d",
            "T: Terugkoppeling over de oversteek due:+2w",
            "S: Losse stoeptegels bij de tramhalte #verkeer",
            "A: Bellen met de aannemer @zzonbekend",
            "Q: Wanneer komt de nieuwe straatverlichting?",
        ] {
            type_text(app, line);
            press(app, KeyCode::Enter);
        }
        type_text(app, "D: Voortaan @nergens elk kwartaal");
    });
}

#[test]
fn attendance_with_staff_being_added() {
    snap("attendance", |app| {
        filter(app, "Bezuidenhout");
        type_text(app, "A");
        // A member of staff on the list, then the prompt for the next one.
        type_text(app, "n");
        type_text(app, "ljansen");
        press(app, KeyCode::Enter);
        type_text(app, "n");
        type_text(app, "Eva");
    });
}

#[test]
fn minutes_editor_empty_shows_the_syntax_briefly() {
    snap("minutes_empty", |app| {
        filter(app, "Bezuidenhout");
        press(app, KeyCode::Enter);
    });
}

#[test]
fn minutes_syntax_on_f2() {
    snap("minutes_syntax", |app| {
        filter(app, "Bezuidenhout");
        press(app, KeyCode::Enter);
        press(app, KeyCode::F(2));
    });
}

#[test]
fn finalising_lists_the_lines_with_problems() {
    snap("minutes_finalise_problems", |app| {
        // Scheveningen is held; its minutes are not final yet.
        filter(app, "Scheveningen");
        press(app, KeyCode::Enter);
        type_text(app, "A: Bankjes regelen @zzniemand");
        press(app, KeyCode::Enter);
        type_text(app, "T: Lampen vervangen org:Duinoord due:31-02");
        press(app, KeyCode::Enter);
        press(app, KeyCode::Up);
        type_text(app, "F");
    });
}

#[test]
fn follow_up_form() {
    snap("follow_up", |app| {
        filter(app, "Scheveningen");
        type_text(app, "N");
    });
}

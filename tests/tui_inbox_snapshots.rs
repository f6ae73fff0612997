//! Snapshots of the inbox, the tracker, a signal's detail with its timeline, and the
//! triage and feedback popups, at 80×24 and 120×40 in English and Dutch, on the demo
//! database with a fixed day (2026-01-15) and user (demo).

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
            setup(&mut app);
            // The timeline's times are when the test ran: mask them.
            let text = mask_times(&screen(&app, w, h));
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), text);
        }
    }
}

/// `2026-01-15 10:42` → `2026-01-15 hh:mm` (the day is fixed, the clock is not).
fn mask_times(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let is_time = i + 5 <= chars.len()
            && i > 0
            && chars[i - 1] == ' '
            && chars[i].is_ascii_digit()
            && chars[i + 1].is_ascii_digit()
            && chars[i + 2] == ':'
            && chars[i + 3].is_ascii_digit()
            && chars[i + 4].is_ascii_digit();
        if is_time {
            out.push_str("hh:mm");
            i += 5;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn inbox() {
    snap("inbox", |app| press(app, KeyCode::Down));
}

#[test]
fn tracker() {
    snap("tracker", |app| type_text(app, "2"));
}

#[test]
fn signal_detail_with_timeline() {
    snap("signal_detail", |app| {
        type_text(app, "/Overlast van jongeren");
        press(app, KeyCode::Enter);
        press(app, KeyCode::Enter);
    });
}

#[test]
fn triage_popup() {
    snap("triage", |app| {
        type_text(app, "/Parkeerdruk");
        press(app, KeyCode::Enter);
        type_text(app, "t");
        type_text(app, "ing");
    });
}

#[test]
fn feedback_popup() {
    snap("feedback", |app| {
        type_text(app, "/Overlast van jongeren");
        press(app, KeyCode::Enter);
        type_text(app, "f");
        press(app, KeyCode::Tab);
        press(app, KeyCode::Tab);
        press(app, KeyCode::Right); // the first template, filled in
    });
}

//! Fields of several lines at 80×24, in-process: a 300-character paragraph wraps at the
//! field's width (nothing runs off to the right), and a 30-line text scrolls to keep
//! the cursor in view. The feedback text and a form's notes alike.

use crossterm::event::KeyCode;
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{TempDb, app_en, filter_inbox, press, screen, type_text};

const W: u16 = 80;
const H: u16 = 24;

fn paragraph() -> String {
    let words = "de bankjes bij het speelveld aan de Duinstraat zijn al weken kapot en";
    let mut p = String::new();
    for w in words.split(' ').cycle() {
        if p.chars().count() >= 290 {
            break;
        }
        p.push_str(w);
        p.push(' ');
    }
    p.push_str("tot slot.");
    p
}

fn thirty_lines() -> String {
    (1..=30)
        .map(|n| format!("regel {n:02} van de notulen"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rows of the screen that hold words of the paragraph.
fn rows_of_paragraph(screen: &str) -> usize {
    let words = ["bankjes", "speelveld", "Duinstraat", "weken"];
    screen
        .lines()
        .filter(|l| words.iter().any(|w| l.contains(w)))
        .count()
}

fn open_feedback(app: &mut App) {
    filter_inbox(app, "Parkeerdruk");
    type_text(app, "f");
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
}

fn open_org_notes(app: &mut App) {
    assert!(app.select_screen("organisations"));
    type_text(app, "n");
    for _ in 0..5 {
        press(app, KeyCode::Tab);
    }
    assert!(
        screen(app, W, H).contains(">Notes"),
        "{}",
        screen(app, W, H)
    );
}

fn check_wrap(open: fn(&mut App), name: &str, rows: usize) {
    let db = TempDb::new("fields-wrap");
    let mut store = db.demo();
    let mut app = app_en(&mut store, W, H);
    open(&mut app);
    let p = paragraph();
    assert!(
        (295..=310).contains(&p.chars().count()),
        "{}",
        p.chars().count()
    );
    app.on_paste(&p);
    let s = screen(&app, W, H);
    // The end, where the cursor is, shows whole: the text wrapped rather than scrolled
    // sideways, over every row of the field.
    assert!(s.contains("tot slot."), "{name}\n{s}");
    assert!(rows_of_paragraph(&s) >= rows, "{name}\n{s}");
    assert!(s.lines().all(|l| l.chars().count() <= usize::from(W)));
    // Nothing of it was lost.
    let values = app.draft().expect("a draft").values;
    assert!(values.values().any(|v| *v == p), "{name}: {values:?}");
}

fn check_scroll(open: fn(&mut App), name: &str) {
    let db = TempDb::new("fields-scroll");
    let mut store = db.demo();
    let mut app = app_en(&mut store, W, H);
    open(&mut app);
    app.on_paste(&thirty_lines());
    let s = screen(&app, W, H);
    assert!(s.contains("regel 30"), "{name}: the cursor's line\n{s}");
    assert!(!s.contains("regel 01"), "{name}\n{s}");
    for _ in 0..29 {
        press(&mut app, KeyCode::Up);
    }
    let s = screen(&app, W, H);
    assert!(s.contains("regel 01"), "{name}: up to the first line\n{s}");
    assert!(!s.contains("regel 30"), "{name}\n{s}");
    // Typing lands on the first line, where the cursor is.
    press(&mut app, KeyCode::Home);
    type_text(&mut app, "Eerst: ");
    assert!(screen(&app, W, H).contains("Eerst: regel 01"));
}

#[test]
fn the_feedback_text_wraps_and_scrolls() {
    check_wrap(open_feedback, "feedback", 5);
    check_scroll(open_feedback, "feedback");
}

#[test]
fn a_form_notes_field_wraps_and_scrolls() {
    check_wrap(open_org_notes, "organisation notes", 3);
    check_scroll(open_org_notes, "organisation notes");
}

#[test]
fn help_lists_the_editing_keys() {
    let db = TempDb::new("fields-help");
    let mut store = db.demo();
    let mut app = app_en(&mut store, 100, 60);
    type_text(&mut app, "?");
    type_text(&mut app, "G");
    let s = screen(&app, 100, 60);
    assert!(
        s.contains("Text fields (every field, filter and search)"),
        "{s}"
    );
    assert!(
        s.contains("Ctrl-U") && s.contains("delete from the line start to the cursor"),
        "{s}"
    );
    assert!(
        s.contains("with typed text: asks before it is thrown away"),
        "{s}"
    );
}

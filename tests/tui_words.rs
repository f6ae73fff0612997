//! The screens say problems in the interface's language: a minutes line with problems
//! in the Dutch interface shows them in Dutch, with no English left in them.

mod support;

use crossterm::event::KeyCode;
use support::screens::app_in;
use wijkdesk::store::Store;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang};

const W: u16 = 140;
const H: u16 = 40;

fn app(store: &mut Store, lang: Lang) -> App<'_> {
    app_in(store, lang, W, H)
}

fn shows(app: &App, text: &str) -> String {
    let s = screen(app, W, H);
    assert!(s.contains(text), "expected {text:?} on the screen:\n{s}");
    s
}

/// Open the minutes of the Bezuidenhout meeting and type a line with two problems: an
/// owner nobody is, and a second due date.
fn line_with_problems(app: &mut App) {
    assert!(app.select_screen("meetings"));
    type_text(app, "/");
    type_text(app, "Bezuidenhout");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    type_text(app, "A: Bellen met de aannemer @zzonbekend due:+7d due:+9d");
    press(app, KeyCode::Enter);
}

#[test]
fn minutes_problems_are_dutch_in_the_dutch_interface() {
    let db = TempDb::new("words-minutes-nl");
    let mut store = db.demo();
    let mut app = app(&mut store, Lang::Nl);
    line_with_problems(&mut app);
    let s = shows(
        &app,
        "@zzonbekend: geen persoon of dienst gevonden voor \"zzonbekend\"",
    );
    assert!(s.contains("meer dan één datum:"), "{s}");
    for english in ["no person", "matches", "more than one", "is used"] {
        assert!(
            !s.contains(english),
            "English {english:?} on the Dutch screen:\n{s}"
        );
    }
}

#[test]
fn minutes_problems_keep_their_english_words_in_english() {
    let db = TempDb::new("words-minutes-en");
    let mut store = db.demo();
    let mut app = app(&mut store, Lang::En);
    line_with_problems(&mut app);
    let s = shows(
        &app,
        "@zzonbekend: no person or service matches \"zzonbekend\"",
    );
    assert!(s.contains("more than one due date:"), "{s}");
}

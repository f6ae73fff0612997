//! Nothing typed is thrown away unasked: every popup and form where typed text would make
//! or change a record, opened from its screen, typed in, then Esc. With text, Esc asks
//! "Discard what you typed?"; `n` keeps the text, `y` throws it away. With nothing typed,
//! Esc closes at once. A search or the palette is a question, not work: Esc closes it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use wijkdesk::store::Store;
use wijkdesk::tui::testing::{TempDb, app_en, ctrl, filter_inbox, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;
const ASK: &str = "Discard what you typed?";

fn select_meeting(app: &mut App, title: &str) {
    assert!(app.select_screen("meetings"));
    type_text(app, "/");
    type_text(app, title);
    press(app, KeyCode::Enter);
}

fn select_person(app: &mut App, name: &str) {
    assert!(app.select_screen("people"));
    type_text(app, "/");
    type_text(app, name);
    press(app, KeyCode::Enter);
}

/// One popup: how to open it, what to type, and how many popups stay open once what was
/// typed is thrown away (a prompt inside a popup closes only the prompt).
struct Case {
    name: &'static str,
    open: fn(&mut App),
    typed: &'static str,
    after_discard: usize,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "quick add",
            open: |app| type_text(app, "a"),
            typed: "Bankje kapot bij de school",
            after_discard: 0,
        },
        Case {
            name: "feedback",
            open: |app| {
                filter_inbox(app, "Parkeerdruk");
                type_text(app, "f");
                // Kind, channel, template: on to the text.
                for _ in 0..3 {
                    press(app, KeyCode::Tab);
                }
            },
            typed: "We kijken er deze week naar",
            after_discard: 0,
        },
        Case {
            name: "triage",
            open: |app| {
                filter_inbox(app, "Parkeerdruk");
                type_text(app, "t");
                press(app, KeyCode::Tab);
                press(app, KeyCode::Tab);
            },
            typed: "We bellen de bewoners terug",
            after_discard: 0,
        },
        Case {
            name: "decline a signal",
            open: |app| {
                filter_inbox(app, "Parkeerdruk");
                type_text(app, "x");
            },
            typed: "Valt buiten de gemeente",
            after_discard: 0,
        },
        Case {
            name: "new action in the tracker",
            open: |app| {
                assert!(app.select_screen("tracker"));
                type_text(app, "n");
                press(app, KeyCode::Tab);
            },
            typed: "Schouw plannen met de wijkagent",
            after_discard: 0,
        },
        Case {
            name: "cancel a meeting",
            open: |app| {
                select_meeting(app, "Bezuidenhout");
                type_text(app, "c");
            },
            typed: "De zaal is dicht",
            after_discard: 0,
        },
        Case {
            name: "erase a person",
            open: |app| {
                select_person(app, "Ingrid Smits");
                type_text(app, "D");
            },
            typed: "wisse",
            after_discard: 0,
        },
        Case {
            name: "import organisations",
            open: |app| press(app, KeyCode::F(8)),
            typed: "/tmp/organisaties.csv",
            after_discard: 0,
        },
        Case {
            name: "rename in the lists",
            open: |app| {
                type_text(app, "L");
                // The old name is there to change; what is typed goes after it.
                app.on_key(ctrl('r'));
            },
            typed: "Nieuwe wijknaam",
            after_discard: 1,
        },
        Case {
            name: "new agenda item",
            open: |app| {
                select_meeting(app, "Bezuidenhout");
                type_text(app, "a");
                type_text(app, "n");
            },
            typed: "Speeltuin Haagse Bos",
            after_discard: 1,
        },
        Case {
            name: "add to the attendance",
            open: |app| {
                select_meeting(app, "Bezuidenhout");
                type_text(app, "A");
                type_text(app, "n");
            },
            typed: "Ingrid",
            after_discard: 1,
        },
        Case {
            // An earlier minutes line being changed (a new line being typed is kept as
            // the meeting's draft instead: see the minutes tests).
            name: "change a minutes line",
            open: |app| {
                select_meeting(app, "Bezuidenhout");
                press(app, KeyCode::Enter);
                if !screen(app, W, H).contains("Eerste regel") {
                    type_text(app, "Eerste regel");
                    press(app, KeyCode::Enter);
                }
                press(app, KeyCode::Up);
                type_text(app, "e");
            },
            typed: " van de avond",
            after_discard: 1,
        },
        Case {
            name: "organisation form",
            open: |app| {
                assert!(app.select_screen("organisations"));
                type_text(app, "n");
            },
            typed: "Wijkcomité Zuidrand",
            after_discard: 0,
        },
        Case {
            name: "person form",
            open: |app| {
                assert!(app.select_screen("people"));
                type_text(app, "n");
            },
            typed: "Fatima el Amrani",
            after_discard: 0,
        },
        Case {
            name: "meeting form",
            open: |app| {
                assert!(app.select_screen("meetings"));
                type_text(app, "n");
            },
            typed: "Extra overleg",
            after_discard: 0,
        },
    ]
}

fn shown(app: &App) -> String {
    screen(app, W, H)
}

fn app(store: &mut Store) -> App<'_> {
    app_en(store, W, H)
}

#[test]
fn esc_asks_before_typed_text_goes_and_n_keeps_it() {
    for case in cases() {
        let db = TempDb::new("discard");
        let mut store = db.demo();
        let name = case.name;

        // Nothing typed: Esc closes without a question.
        {
            let mut app = app(&mut store);
            (case.open)(&mut app);
            let open = app.popup_count();
            assert!(open >= 1, "{name}: nothing opened\n{}", shown(&app));
            press(&mut app, KeyCode::Esc);
            let s = shown(&app);
            assert!(!s.contains(ASK), "{name}: asked with nothing typed\n{s}");
            assert_eq!(app.popup_count(), case.after_discard, "{name}\n{s}");
        }

        // Typed: Esc asks; n keeps the text, and typing goes on where it was.
        let mut app = app(&mut store);
        (case.open)(&mut app);
        let open = app.popup_count();
        type_text(&mut app, case.typed);
        assert!(shown(&app).contains(case.typed), "{name}\n{}", shown(&app));
        press(&mut app, KeyCode::Esc);
        let s = shown(&app);
        assert!(s.contains(ASK), "{name}: no question\n{s}");
        type_text(&mut app, "n");
        let s = shown(&app);
        assert!(!s.contains(ASK), "{name}: still asking\n{s}");
        assert!(s.contains(case.typed), "{name}: the text went\n{s}");
        assert_eq!(app.popup_count(), open, "{name}\n{s}");
        type_text(&mut app, "!");
        assert!(
            shown(&app).contains(&format!("{}!", case.typed)),
            "{name}: typing goes on\n{}",
            shown(&app)
        );

        // y throws it away.
        press(&mut app, KeyCode::Esc);
        assert!(shown(&app).contains(ASK), "{name}");
        type_text(&mut app, "y");
        let s = shown(&app);
        assert!(!s.contains(ASK), "{name}\n{s}");
        assert!(!s.contains(case.typed), "{name}: the text stayed\n{s}");
        assert_eq!(app.popup_count(), case.after_discard, "{name}\n{s}");
    }
}

#[test]
fn an_unchanged_value_closes_without_asking() {
    let db = TempDb::new("discard-same");
    let mut store = db.demo();
    let mut app = app(&mut store);
    // Type and take it back again: nothing to lose.
    type_text(&mut app, "a");
    type_text(&mut app, "Bank");
    app.on_key(ctrl('w'));
    press(&mut app, KeyCode::Esc);
    assert!(!shown(&app).contains(ASK));
    assert_eq!(app.popup_count(), 0);
}

#[test]
fn searches_and_the_palette_close_on_esc() {
    let db = TempDb::new("discard-search");
    let mut store = db.demo();
    let mut app = app(&mut store);
    for open in [
        ctrl('f'),
        KeyEvent::new(KeyCode::Char(':'), KeyModifiers::NONE),
        ctrl('p'),
    ] {
        app.on_key(open);
        assert_eq!(app.popup_count(), 1);
        type_text(&mut app, "bank");
        press(&mut app, KeyCode::Esc);
        assert!(!shown(&app).contains(ASK), "{}", shown(&app));
        assert_eq!(app.popup_count(), 0, "{}", shown(&app));
    }
}

#[test]
fn the_question_in_dutch() {
    let db = TempDb::new("discard-nl");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        ratatui::layout::Size {
            width: W,
            height: H,
        },
    );
    type_text(&mut app, "a");
    type_text(&mut app, "Bankje");
    press(&mut app, KeyCode::Esc);
    let s = shown(&app);
    assert!(s.contains("Wat je getypt hebt weggooien?"), "{s}");
    type_text(&mut app, "n");
    assert!(shown(&app).contains("Bankje"));
}

//! What reaches the terminal, byte for byte, through the real crossterm backend: with
//! the monochrome theme (as under NO_COLOR) no colour code is written at all, and the
//! selected row is in reverse video; a cursor move costs little.

use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use wijkdesk::tui::testing::{TempDb, press};
use wijkdesk::tui::{App, Lang, Settings};

/// A writer whose bytes the test can read while the terminal owns it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn terminal(out: &Shared) -> Terminal<CrosstermBackend<Shared>> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap()
}

/// Every SGR sequence (`ESC [ … m`) in the output, as its parameter lists.
fn sgr_params(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0x1b && bytes[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < bytes.len()
                && (bytes[j].is_ascii_digit()
                    || bytes[j] == b';'
                    || bytes[j] == b':'
                    || bytes[j] == b'?')
            {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'm' {
                let params = String::from_utf8_lossy(&bytes[start..j]).to_string();
                out.push(params.split([';', ':']).map(str::to_string).collect());
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_colour(params: &[String]) -> bool {
    params.iter().any(|p| {
        let Ok(n) = p.parse::<u16>() else {
            return false;
        };
        matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107)
    })
}

fn draw(terminal: &mut Terminal<CrosstermBackend<Shared>>, out: &Shared, app: &App) -> Vec<u8> {
    out.0.borrow_mut().clear();
    terminal.draw(|f| app.draw(f)).unwrap();
    out.0.borrow().clone()
}

#[test]
fn monochrome_writes_no_colour_and_reverses_the_selection() {
    let db = TempDb::new("bytes");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: 80,
            height: 24,
        },
    );
    // The inbox comes first; this test measures the organisations.
    app.select_screen("organisations");
    let out = Shared::default();
    let mut terminal = terminal(&out);

    let first = draw(&mut terminal, &out, &app);
    let sgrs = sgr_params(&first);
    assert!(!sgrs.is_empty());
    for p in &sgrs {
        assert!(
            !is_colour(p),
            "colour code ESC[{}m in the output",
            p.join(";")
        );
    }
    assert!(
        sgrs.iter().any(|p| p.iter().any(|x| x == "7")),
        "the selection is not in reverse video"
    );
    // The reversed text is the selected row (the first organisation).
    let text = String::from_utf8_lossy(&first);
    let row = text.find("> Bestuursdienst").expect("the selected row");
    let before = &text[..row];
    let on = before
        .rfind("\x1b[7m")
        .expect("reverse video before the selected row");
    assert!(
        !before[on..].contains("\x1b[27m") && !before[on..].contains("\x1b[0m"),
        "reverse ended before the row"
    );

    // Moving the selection redraws two rows, not the screen.
    press(&mut app, KeyCode::Down);
    let step = draw(&mut terminal, &out, &app);
    assert!(step.len() < 600, "a cursor move wrote {} bytes", step.len());
    for p in sgr_params(&step) {
        assert!(
            !is_colour(&p),
            "colour code ESC[{}m after a move",
            p.join(";")
        );
    }
    assert!(sgr_params(&step).iter().any(|p| p.iter().any(|x| x == "7")));

    // Idle: the app has nothing to draw.
    app.take_dirty();
    app.on_tick();
    assert!(!app.take_dirty(), "an idle tick asks for a redraw");
}

#[test]
fn the_colour_theme_uses_only_the_16_colour_palette() {
    let db = TempDb::new("bytes-colour");
    let mut store = db.demo();
    let app = App::new(
        &mut store,
        Settings::new(Lang::Nl, false, false),
        Size {
            width: 80,
            height: 24,
        },
    );
    let shared = Shared::default();
    let mut terminal = terminal(&shared);
    let out = draw(&mut terminal, &shared, &app);
    for p in sgr_params(&out) {
        let joined = p.join(";");
        assert!(
            !joined.contains("38;2") && !joined.contains("48;2"),
            "RGB colour ESC[{joined}m"
        );
    }
}

#[test]
fn ascii_borders() {
    let db = TempDb::new("bytes-ascii");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, true),
        Size {
            width: 80,
            height: 24,
        },
    );
    // The inbox comes first.
    app.select_screen("organisations");
    let text = wijkdesk::tui::testing::screen(&app, 80, 24);
    assert!(text.contains("+ Organisations (34) ---"), "{text}");
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "box drawing in ASCII mode:\n{text}"
    );
}

/// A cursor move on a list sends the terminal two short stretches (the selection bar
/// leaving one row and reaching the next), not two full rows: at most 250 bytes at
/// 120×40, in colour and in monochrome, on the lists without a detail pane beside them.
/// Bytes are counted, not timed: the same input always writes the same output.
#[test]
fn a_cursor_move_costs_at_most_250_bytes() {
    let db = TempDb::new("bytes-move");
    let mut store = db.demo();
    for mono in [false, true] {
        for screen in ["inbox", "tracker"] {
            let mut app = App::new(
                &mut store,
                Settings::new(Lang::En, mono, false),
                Size {
                    width: 120,
                    height: 40,
                },
            );
            app.select_screen(screen);
            let out = Shared::default();
            let options = TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
            };
            let mut terminal =
                Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
            draw(&mut terminal, &out, &app);
            for _ in 0..3 {
                press(&mut app, KeyCode::Char('j'));
                let step = draw(&mut terminal, &out, &app);
                assert!(
                    step.len() <= 250,
                    "{screen} (mono {mono}): a cursor move wrote {} bytes: {:?}",
                    step.len(),
                    String::from_utf8_lossy(&step)
                );
                assert!(
                    sgr_params(&step)
                        .iter()
                        .any(|p| p.iter().any(|x| x == "7" || x.starts_with("48"))),
                    "{screen}: the selection is drawn"
                );
            }
        }
    }
}

/// Beside a detail pane (Organisations, Meetings at 120 columns) the pane follows the
/// cursor once it rests, as the screens run (App::set_settle_delay): each move sends
/// only the list's two short stretches, and the pane is drawn once when settled.
#[test]
fn beside_a_detail_pane_a_move_costs_the_list_and_the_pane_follows_at_rest() {
    let db = TempDb::new("bytes-settle");
    let mut store = db.demo();
    for screen in ["organisations", "meetings"] {
        let mut app = App::new(
            &mut store,
            Settings::new(Lang::En, false, false),
            Size {
                width: 120,
                height: 40,
            },
        );
        app.set_settle_delay(std::time::Duration::from_millis(80));
        app.select_screen(screen);
        let out = Shared::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        };
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
        draw(&mut terminal, &out, &app);
        let before = wijkdesk::tui::testing::screen(&app, 120, 40);
        for _ in 0..3 {
            press(&mut app, KeyCode::Char('j'));
            assert!(app.next_wakeup().is_some(), "{screen}: the pane waits");
            let step = draw(&mut terminal, &out, &app);
            assert!(
                step.len() <= 250,
                "{screen}: a move wrote {} bytes",
                step.len()
            );
        }
        app.settle();
        assert!(app.next_wakeup().is_none());
        let settled = draw(&mut terminal, &out, &app);
        assert!(
            settled.len() > 250,
            "{screen}: the pane is drawn once at rest"
        );
        let at_rest = wijkdesk::tui::testing::screen(&app, 120, 40);
        assert_ne!(before, at_rest, "{screen}: the pane follows the selection");
        // At rest the frame is what it is without the wait.
        let mut direct = App::new(
            &mut store,
            Settings::new(Lang::En, false, false),
            Size {
                width: 120,
                height: 40,
            },
        );
        direct.select_screen(screen);
        for _ in 0..3 {
            press(&mut direct, KeyCode::Char('j'));
        }
        assert_eq!(
            wijkdesk::tui::testing::screen(&direct, 120, 40),
            at_rest,
            "{screen}"
        );
    }
}

#[test]
fn ctrl_l_clears_the_terminal_and_draws_every_cell_again() {
    let db = TempDb::new("bytes-ctrl-l");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: 80,
            height: 24,
        },
    );
    let out = Shared::default();
    let mut terminal = terminal(&out);
    draw(&mut terminal, &out, &app);
    // Without Ctrl-L, an unchanged frame writes no clear and next to nothing.
    assert!(!app.take_clear());
    let quiet = draw(&mut terminal, &out, &app);
    assert!(!quiet.windows(4).any(|w| w == b"\x1b[2J"));

    // Ctrl-L inside a text field of a popup (quick add): not typed, but a clear.
    wijkdesk::tui::testing::type_text(&mut app, "a");
    wijkdesk::tui::testing::type_text(&mut app, "bankje");
    draw(&mut terminal, &out, &app);
    app.on_key(wijkdesk::tui::testing::ctrl('l'));
    assert!(app.take_clear(), "Ctrl-L asks for a clear");
    assert!(!app.take_clear(), "once");
    out.0.borrow_mut().clear();
    wijkdesk::tui::repaint(&mut terminal).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let bytes = out.0.borrow().clone();
    let text = String::from_utf8_lossy(&bytes);
    let clear = text.find("\x1b[2J").expect("a clear-screen sequence");
    // Everything is drawn again after the clear: the tab bar, the popup, the text.
    for want in ["Inbox", "Quick add a signal", "bankje"] {
        let at = text
            .rfind(want)
            .unwrap_or_else(|| panic!("{want} not drawn again"));
        assert!(at > clear, "{want} drawn before the clear");
    }
    assert!(
        !text.contains("\x1b[6n"),
        "never asks the terminal for its cursor"
    );
    assert_eq!(app.popup_count(), 1, "the popup stays open");
    assert_eq!(app.status(), Some("Reloaded."));
}

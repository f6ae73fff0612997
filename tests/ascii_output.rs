//! `--ascii` and `TERM=dumb`: report output and every screen drawn with ASCII marks
//! only (borders, bars, dashes, arrows, ellipses). Letters from the data, such as the
//! "é" of a name, stay: the check is that every byte is ASCII or part of a letter.

mod support;

use support::cli::*;

fn demo() -> Env {
    let env = Env::new();
    env.ok(&["demo"]);
    env
}

/// Every character that is not ASCII, unless it is a letter (names from the data).
fn marks(text: &str) -> Vec<(usize, char)> {
    text.lines()
        .enumerate()
        .flat_map(|(n, l)| {
            l.chars()
                .filter(|c| !c.is_ascii() && !c.is_alphabetic())
                .map(move |c| (n + 1, c))
        })
        .collect()
}

/// Runs with TERM set (the helper's environment has none of the caller's TERM).
fn run(env: &Env, term: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("TERM", term)
        .env("COLUMNS", "120")
        .args(args)
        .output()
        .expect("run wijkdesk");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const REPORTS: &[&[&str]] = &[
    &["report", "all"],
    &["report", "loop"],
    &["report", "commitments"],
    &["report", "cadence"],
    &["report", "load"],
    &["report", "all", "--format", "md"],
    &["report", "all", "--format", "csv"],
    &["--lang", "nl", "report", "loop"],
];

#[test]
fn report_commands_write_only_ascii_marks_under_ascii_and_term_dumb() {
    let env = demo();
    for args in REPORTS {
        let mut ascii = vec!["--ascii"];
        ascii.extend_from_slice(args);
        let out = run(&env, "xterm-256color", &ascii);
        assert!(!out.trim().is_empty(), "{args:?} printed nothing");
        assert_eq!(marks(&out), vec![], "--ascii {args:?}:\n{out}");
        let out = run(&env, "dumb", args);
        assert_eq!(marks(&out), vec![], "TERM=dumb {args:?}:\n{out}");
    }
    // Without either, the same reports do use marks: the check above can fail.
    let out = run(&env, "xterm-256color", &["report", "loop"]);
    assert!(!marks(&out).is_empty(), "{out}");
}

#[test]
fn ascii_report_tables_stay_aligned() {
    let env = demo();
    let fancy = run(&env, "xterm-256color", &["report", "loop"]);
    let plain = run(&env, "dumb", &["report", "loop"]);
    let widths = |s: &str| s.lines().map(|l| l.chars().count()).collect::<Vec<_>>();
    assert_eq!(widths(&fancy), widths(&plain), "{plain}");
    assert!(plain.contains("0-14 days"), "{plain}");
}

const SCREENS: &[&str] = &[
    "inbox",
    "tracker",
    "meetings",
    "organisations",
    "people",
    "reports",
    "help",
    "palette",
    "jump",
    "who",
    "lists",
    "form",
    "quick_add",
    "search",
];

/// Every screen drawn (on ratatui's TestBackend, through `wijkdesk snapshot`) under
/// TERM=dumb has ASCII borders, bars and marks.
#[test]
fn every_screen_is_ascii_under_term_dumb() {
    let env = demo();
    for screen in SCREENS {
        for (w, h) in [("100", "30"), ("120", "40")] {
            let frame = run(
                &env,
                "dumb",
                &["snapshot", screen, "--width", w, "--height", h],
            );
            assert!(frame.contains("+-"), "{screen}: ASCII borders\n{frame}");
            assert_eq!(marks(&frame), vec![], "{screen} {w}x{h}:\n{frame}");
        }
    }
    let frame = run(
        &env,
        "dumb",
        &["snapshot", "reports", "--width", "120", "--height", "32"],
    );
    assert!(frame.contains('#'), "the report charts draw bars:\n{frame}");
    // The same screen on a capable terminal draws boxes and blocks.
    let fancy = run(
        &env,
        "xterm-256color",
        &["snapshot", "reports", "--width", "120", "--height", "32"],
    );
    assert!(fancy.contains('█') && fancy.contains('┌'), "{fancy}");
}

/// What the real crossterm backend writes with `ascii` on, byte for byte: escape
/// sequences and ASCII marks, and no other byte than those of letters in names.
#[test]
fn the_bytes_written_to_the_terminal_are_ascii_marks() {
    use crossterm::event::KeyCode;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::{Rect, Size};
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;
    use wijkdesk::tui::testing::{TempDb, press};
    use wijkdesk::tui::{App, Lang, Settings};

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

    let db = TempDb::new("ascii-bytes");
    let mut store = db.demo();
    for ascii in [true, false] {
        let mut app = App::new(
            &mut store,
            Settings::new(Lang::Nl, false, ascii),
            Size {
                width: 120,
                height: 40,
            },
        );
        let mut written = Vec::new();
        for screen in [
            "inbox",
            "tracker",
            "meetings",
            "organisations",
            "people",
            "reports",
        ] {
            assert!(app.select_screen(screen));
            // The reports screen shows each report in turn.
            let turns = if screen == "reports" { 4 } else { 1 };
            for _ in 0..turns {
                let out = Shared::default();
                let options = TerminalOptions {
                    viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
                };
                let mut terminal =
                    Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
                terminal.draw(|f| app.draw(f)).unwrap();
                written.extend_from_slice(&out.0.borrow());
                press(&mut app, KeyCode::Char(']'));
            }
        }
        let text = String::from_utf8(written).expect("UTF-8");
        let marks = marks(&text);
        if ascii {
            assert_eq!(marks, vec![], "ascii on: marks written");
        } else {
            assert!(!marks.is_empty(), "ascii off draws boxes and blocks");
        }
    }
}

//! Hostile text (DESIGN §7, ENGINEERING "Text from outside"): escape and control
//! payloads written straight into the database file (bypassing the store's input
//! cleaning) and through the store API, then every registered screen, its detail, its
//! form and the popups drawn through the real crossterm backend into a byte buffer.
//! None of the payload's sequences may reach the terminal; the bidi override must be
//! shown as a visible marker. The CLI's output is checked the same way.

use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use wijkdesk::store::{NewOrg, NewPerson, NewSignal, Store};
use wijkdesk::tui::action::Action;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

/// ESC[2J, OSC 0 (title), OSC 52 (clipboard), OSC 8 (hyperlink), DCS, C1 CSI, a bidi
/// override, NUL and CR.
const PAYLOAD: &str = concat!(
    "<G\u{202e}H",
    "A\x1b[2J",
    "B\x1b]0;pwned\x07",
    "C\x1b]52;c;ZXZpbA==\x07",
    "D\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "E\x1bPq#0;2;0;0;0\x1b\\",
    "F\u{9b}31m",
    "\0I\rJ>"
);

/// Byte sequences that must never be written.
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC", b"\x1b]"),
    ("DCS", b"\x1bP"),
    ("ST", b"\x1b\\"),
    ("clear screen", b"\x1b[2J"),
    ("C1 CSI", "\u{9b}".as_bytes()),
    ("RLO", "\u{202e}".as_bytes()),
    ("NUL", b"\0"),
    ("BEL", b"\x07"),
    ("CR", b"\r"),
    ("OSC 0 title", b"]0;pwned\x07"),
];

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

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// One full frame through a fresh crossterm terminal, as bytes.
fn draw(app: &App, w: u16, h: u16) -> Vec<u8> {
    let out = Shared::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal = Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    out.0.borrow().clone()
}

/// No payload sequence, and every escape that is written is a CSI from the backend.
fn check(bytes: &[u8], view: &str) {
    for (what, seq) in FORBIDDEN {
        assert!(!contains(bytes, seq), "{view}: {what} reached the terminal");
    }
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0x1b {
            assert_eq!(
                bytes.get(i + 1),
                Some(&b'['),
                "{view}: an escape that is not a CSI at byte {i}"
            );
        }
    }
}

/// Write the payload into every text a screen can show, behind the store's back.
fn poison_file(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    wijkdesk::store::keep_figures(&conn).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    for (table, columns) in [
        ("organisation", &["name", "notes", "district"][..]),
        ("person", &["name", "role", "notes"][..]),
        ("signal", &["title", "body"][..]),
        ("feedback", &["text"][..]),
        ("minute", &["text"][..]),
        ("meeting", &["title"][..]),
        ("commitment", &["text"][..]),
    ] {
        for c in columns {
            conn.execute(
                &format!("UPDATE {table} SET {c} = coalesce({c}, '') || ?1"),
                [PAYLOAD],
            )
            .unwrap_or_else(|e| panic!("{table}.{c}: {e}"));
        }
    }
}

/// The same payload through the store: it must come out clean.
fn through_the_store(store: &mut Store) {
    let org = store
        .add_org(NewOrg {
            name: format!("Aaa {PAYLOAD}"),
            notes: Some(format!("notes {PAYLOAD}\nsecond line")),
            ..Default::default()
        })
        .unwrap();
    let p = store
        .add_person(NewPerson {
            name: format!("Aaa {PAYLOAD}"),
            org_id: Some(org.id),
            role: Some(PAYLOAD.into()),
            ..Default::default()
        })
        .unwrap();
    let s = store
        .add_signal(NewSignal {
            title: format!("Aaa {PAYLOAD}"),
            body: Some(format!("body {PAYLOAD}")),
            org_id: Some(org.id),
            ..Default::default()
        })
        .unwrap();
    for text in [&org.name, &org.notes, &p.name, &p.role, &s.title, &s.body] {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a control character was stored: {text:?}"
        );
    }
}

fn settings() -> Settings {
    Settings::new(Lang::En, true, false)
}

#[test]
fn no_payload_reaches_the_terminal_from_any_screen_or_popup() {
    let db = TempDb::new("hostile");
    let mut store = db.demo();
    through_the_store(&mut store);
    drop(store);
    poison_file(&db.path);
    let mut store = db.open();
    let ids: Vec<&str> = wijkdesk::tui::screens::registry()
        .iter()
        .map(|s| s.id())
        .collect();
    assert!(ids.len() >= 2);
    let mut views = 0;
    let mut marker_seen = false;
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = App::new(
            &mut store,
            settings(),
            Size {
                width: w,
                height: h,
            },
        );
        let mut look = |app: &App, view: String| {
            let bytes = draw(app, w, h);
            check(&bytes, &view);
            marker_seen |= contains(&bytes, "⟨U+202E⟩".as_bytes());
            views += 1;
        };
        for id in &ids {
            assert!(app.select_screen(id), "{id}");
            look(&app, format!("{id} {w}x{h}"));
            // The full detail, where the screen has one.
            press(&mut app, KeyCode::Enter);
            look(&app, format!("{id} detail {w}x{h}"));
            press(&mut app, KeyCode::Esc);
            while app.popup_count() > 0 {
                press(&mut app, KeyCode::Esc);
            }
            // The selected record's history.
            type_text(&mut app, "H");
            look(&app, format!("{id} history {w}x{h}"));
            while app.popup_count() > 0 {
                press(&mut app, KeyCode::Esc);
            }
            // The edit form, holding the record's text.
            type_text(&mut app, "e");
            look(&app, format!("{id} edit {w}x{h}"));
            while app.popup_count() > 0 {
                press(&mut app, KeyCode::Esc);
                type_text(&mut app, "y");
            }
        }
        assert!(app.select_screen(ids[0]));
        for a in [Action::Help, Action::Palette, Action::Jump, Action::Who] {
            app.update(a);
            look(&app, format!("{a:?} {w}x{h}"));
            if a == Action::Jump {
                type_text(&mut app, "Aaa");
                look(&app, format!("{a:?} typed {w}x{h}"));
            }
            while app.popup_count() > 0 {
                press(&mut app, KeyCode::Esc);
            }
        }
    }
    assert!(views >= 4 * ids.len() + 8);
    assert!(marker_seen, "the bidi override was not shown as ⟨U+202E⟩");
}

#[test]
fn the_bidi_override_is_shown_in_the_lists() {
    let db = TempDb::new("hostile-visible");
    let store = db.demo();
    drop(store);
    poison_file(&db.path);
    let mut store = db.open();
    let mut app = App::new(
        &mut store,
        settings(),
        Size {
            width: 120,
            height: 40,
        },
    );
    assert!(app.select_screen("organisations"));
    let s = screen(&app, 120, 40);
    assert!(s.contains("G⟨U+202E⟩H"), "{s}");
    assert!(s.contains('␛'), "escape shown as a stand-in: {s}");
}

/// The CLI prints record text escaped too.
#[test]
fn cli_output_carries_no_escape_bytes() {
    let db = TempDb::new("hostile-cli");
    let mut store = db.demo();
    through_the_store(&mut store);
    let signal = store
        .signals(&Default::default())
        .unwrap()
        .first()
        .map(|s| s.id)
        .unwrap();
    drop(store);
    poison_file(&db.path);
    let sig = format!("S-{signal}");
    for args in [
        &["signal", "show", sig.as_str()][..],
        &["signal", "list"][..],
        &["org", "list"][..],
        &["org", "show", "O-1"][..],
        &["person", "list"][..],
    ] {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"))
            .args(args)
            .env("WIJKDESK_DB", &db.path)
            .env("WIJKDESK_USER", "demo")
            .env("WIJKDESK_TODAY", "2026-01-15")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out);
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !bytes.is_empty() || name == "stderr",
                "{args:?} printed nothing"
            );
            assert!(
                !bytes.contains(&0x1b),
                "{args:?} {name}: ESC in {:?}",
                String::from_utf8_lossy(bytes)
            );
            for (what, seq) in FORBIDDEN {
                assert!(!contains(bytes, seq), "{args:?} {name}: {what}");
            }
        }
    }
}

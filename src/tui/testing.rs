//! Helpers for driving the screens without a terminal: a demo database with a fixed
//! user and day, typing keys, and rendering a frame as text. Used by the tests and
//! benchmarks; nothing here runs in the application.

use super::app::App;
use super::snapshot;
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

pub use crate::store::testing::{TempDb, fixed_ctx};

impl TempDb {
    /// A store with the demo data (loaded once per process, then copied).
    pub fn demo(&self) -> Store {
        let template = TEMPLATE.get_or_init(|| {
            // A static is never dropped: remove the template when the test process exits.
            // SAFETY: the handler only reads a set OnceLock and removes a directory.
            unsafe { libc::atexit(remove_template) };
            let dir =
                std::env::temp_dir().join(format!("wijkdesk-tui-template-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join("template.db");
            let mut store = Store::open(&path, fixed_ctx()).expect("open the template database");
            crate::demo::load(&mut store, 0).expect("load the demo data");
            let copy = dir.join("demo.db");
            store.backup(&copy).expect("copy the demo database");
            copy
        });
        std::fs::copy(template, &self.path).expect("copy the demo database");
        self.open()
    }
}

/// The demo database every `TempDb::demo` copies, made once per test process.
static TEMPLATE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

extern "C" fn remove_template() {
    if let Some(dir) = TEMPLATE.get().and_then(|p| p.parent()) {
        let _ = std::fs::remove_dir_all(dir);
    }
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Type text, one key per character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.on_key(KeyEvent::new(KeyCode::Char(c), mods));
    }
}

/// Press one key.
pub fn press(app: &mut App, code: KeyCode) {
    app.on_key(key(code));
}

/// The frame as text.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    snapshot::render(app, width, height)
}

/// The screens in English, mono, on a terminal of `width` × `height`.
pub fn app_en(store: &mut Store, width: u16, height: u16) -> App<'_> {
    App::new(
        store,
        super::Settings::new(super::Lang::En, true, false),
        ratatui::layout::Size { width, height },
    )
}

/// The id of the signal (in any state) whose title starts with `title`.
pub fn signal_by_title(store: &Store, title: &str) -> i64 {
    store
        .signals(&crate::store::SignalFilter {
            all_states: true,
            text: Some(title.into()),
            ..Default::default()
        })
        .expect("signals")
        .into_iter()
        .find(|r| r.title.starts_with(title))
        .unwrap_or_else(|| panic!("no signal titled {title:?}"))
        .id
}

/// Narrow the inbox to `text` with the `/` filter and keep the filter.
pub fn filter_inbox(app: &mut App, text: &str) {
    type_text(app, "/");
    type_text(app, text);
    press(app, KeyCode::Enter);
}

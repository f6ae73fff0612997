//! The screens in-process, for the tests that drive them by keys without a terminal:
//! an [`App`] in English at a fixed size, and a look at what it shows.

use wijkdesk::store::Store;
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{app_en, screen};

/// The terminal size these tests draw at.
pub const W: u16 = 120;
pub const H: u16 = 40;

/// The screens on `store`, in English, `W`×`H`.
pub fn app(store: &mut Store) -> App<'_> {
    app_en(store, W, H)
}

/// The screen as text; fails unless it shows `text`.
pub fn shows(app: &App, text: &str) -> String {
    let s = screen(app, W, H);
    assert!(s.contains(text), "expected {text:?} on the screen:\n{s}");
    s
}

/// The ID of the first meeting whose title contains `title`.
pub fn meeting_id(store: &Store, title: &str) -> i64 {
    store
        .meetings(100)
        .expect("list meetings")
        .into_iter()
        .find(|m| m.title.contains(title))
        .expect(title)
        .id
}

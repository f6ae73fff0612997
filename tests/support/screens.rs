//! The screens in-process, for the tests that drive them by keys without a terminal:
//! an [`App`] in English at a fixed size (or in a language and size of choice, or with
//! its background work going into a channel), a look at what it shows, and a second
//! user changing a record meanwhile.

use ratatui::layout::Size;
use std::sync::{Arc, Mutex, mpsc};
use wijkdesk::store::{OrgEdit, Store};
use wijkdesk::tui::app::Finish;
use wijkdesk::tui::testing::{app_en, screen};
use wijkdesk::tui::{App, Lang, Settings};

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

/// The screens on `store` in `lang` (mono), `width`×`height`.
pub fn app_in(store: &mut Store, lang: Lang, width: u16, height: u16) -> App<'_> {
    App::new(
        store,
        Settings::new(lang, true, false),
        Size { width, height },
    )
}

/// The screens (English, 100×30) with the background route going into a channel, as
/// the terminal has it going into its event loop.
pub fn app_with_background(store: &mut Store) -> (App<'_>, mpsc::Receiver<Finish>) {
    let (tx, rx) = mpsc::channel();
    let mut app = app_in(store, Lang::En, 100, 30);
    let tx = Mutex::new(tx);
    app.set_background_sink(Arc::new(move |finish| {
        let _ = tx.lock().unwrap().send(finish);
    }));
    (app, rx)
}

/// Someone else saves the organisation `id` meanwhile, on their own connection
/// `other`: its notes become "changed elsewhere".
pub fn notes_changed_elsewhere(other: &mut Store, id: i64) {
    other
        .edit_org(
            id,
            OrgEdit {
                notes: Some("changed elsewhere".into()),
                ..OrgEdit::default()
            },
            None,
        )
        .unwrap();
}

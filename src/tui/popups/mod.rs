//! Popups live on a stack above the screens; the top one gets the keys.

pub mod cancel_meeting;
pub mod confirm;
// Trust: conflicts, history, AVG
pub mod conflict;
pub mod erase;
pub mod form;
pub mod help;
pub mod history;
pub mod jump;
pub mod lists;
pub mod palette;
pub mod who;
// Inbox and tracker
pub mod feedback;
pub mod kept;
pub mod picker;
pub mod quick_add;
pub mod restore;
pub mod triage;
// Search and reports
pub mod search;
// Spreadsheets
pub mod transfer;

use super::action::{Cx, Outcome};
use super::config::Settings;
use crossterm::event::KeyEvent;
use form::FormDraft;
use ratatui::Frame;
use ratatui::layout::Rect;

pub trait Popup {
    /// Every key goes to the top popup first. `Ignored` lets the shell try its global
    /// keys that make sense over a popup (quit now, suspend, help, refresh).
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome;

    fn on_paste(&mut self, _text: &str, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// True while plain characters are typed text.
    fn text_entry(&self) -> bool {
        false
    }

    /// The database changed elsewhere: reload what is shown, keeping what was typed.
    fn refresh(&mut self, _cx: &mut Cx) {}

    /// Throw away what was typed, after the user said so: by default the popup closes;
    /// a prompt inside a popup closes only the prompt.
    fn discard(&mut self, _cx: &mut Cx) -> Outcome {
        Outcome::one(super::action::Effect::Close)
    }

    /// Anything typed that would be lost if the program stopped now.
    fn draft(&self) -> Option<FormDraft> {
        None
    }

    /// Put back the values of a kept draft (see [`crate::tui::draft`]).
    fn restore_values(&mut self, _values: &std::collections::BTreeMap<String, String>) {}

    /// A write that waited off the input path is done (see [`crate::tui::worker`]).
    fn on_write(&mut self, _done: &crate::tui::worker::WriteDone, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    // Inbox and tracker
    /// Text back from `$EDITOR` after [`crate::tui::action::Effect::ExternalEdit`].
    fn edited(&mut self, _result: Result<String, String>, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// Draw over the whole terminal `area` (a popup centres itself).
    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings);
}

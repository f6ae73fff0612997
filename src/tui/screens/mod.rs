//! The screens: one module each, registered in [`registry`]. A new screen is one new
//! module implementing [`Screen`] plus one line in [`registry`]; its place there gives
//! its digit key and its place in the tab bar.

pub mod org_form;
pub mod organisations;
pub mod people;
pub mod person_form;
pub mod welcome;

use super::action::{Action, Cx, Outcome};
use super::config::Settings;
use super::i18n::T;
use super::popups::form::{Form, FormDraft};
use crate::domain::RecordRef;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Every screen, in tab order.
pub fn registry() -> Vec<Box<dyn Screen>> {
    vec![
        Box::new(organisations::Organisations::default()),
        Box::new(people::People::default()),
    ]
}

/// One screen: its own state, key handling and pure drawing.
pub trait Screen {
    /// A stable name, for `wijkdesk snapshot NAME`.
    fn id(&self) -> &'static str;

    /// The title in the tab bar.
    fn title(&self) -> T;

    /// Reload what the screen shows from the store, keeping the selection (by record)
    /// and anything typed.
    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()>;

    /// True while the screen takes typed text (a filter being typed): then plain
    /// characters go to [`Screen::on_key`] and only non-text keys are actions.
    fn text_entry(&self) -> bool {
        false
    }

    /// A key that is no action here, while [`Screen::text_entry`] is true.
    fn on_key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// Pasted text.
    fn on_paste(&mut self, _text: &str, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// An action from the key map. `Quit` and `Back` are offered here first, so a
    /// screen can close what it has open before the shell quits.
    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome;

    /// Select and show a record, if this screen lists its kind.
    fn show(&mut self, _record: RecordRef, _cx: &mut Cx) -> bool {
        false
    }

    /// Reopen a form kept as a draft, if it is one of this screen's forms.
    fn restore_form(&self, _draft: &FormDraft, _cx: &mut Cx) -> Option<Form> {
        None
    }

    /// The district of what is selected, so who-does-what can start there.
    fn district_hint(&self) -> Option<String> {
        None
    }

    /// Draw from the state alone: never query the store here.
    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings);
}

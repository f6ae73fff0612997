//! The screens: one module each, registered in [`registry`]. A new screen is one new
//! module implementing [`Screen`] plus one line in [`registry`]; its place there gives
//! its digit key and its place in the tab bar.

pub mod org_form;
pub mod organisations;
pub mod people;
pub mod person_form;
pub mod record_form;
pub mod welcome;
// Inbox and tracker
pub mod inbox;
pub mod signal_detail;
pub mod signal_edit;
pub mod signal_forms;
pub mod tracker;
pub mod tracker_forms;
// Meetings and minutes
pub mod follow_up;
pub mod meeting_form;
pub mod meeting_mail;
pub mod meetings;
pub mod minutes_editor;
pub mod minutes_input;
pub mod minutes_parts;
pub mod minutes_popups;
pub mod minutes_syntax;
pub mod minutes_view;
pub mod prepare;
// Search and reports
pub mod reports;
pub mod reports_doc;
pub mod reports_draw;
pub mod reports_popups;

use super::action::{Action, Scope};

use super::component::{Cx, Outcome};
use super::popups::form::{Form, FormDraft};
use super::settings::Settings;
use crate::domain::RecordRef;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Every screen, in tab order.
pub fn registry() -> Vec<Box<dyn Screen>> {
    vec![
        // Inbox and tracker: the inbox is where the day starts.
        Box::new(inbox::Inbox::default()),
        Box::new(tracker::Tracker::default()),
        // Meetings and minutes
        Box::new(meetings::Meetings::default()),
        Box::new(organisations::Organisations::default()),
        Box::new(people::People::default()),
        // Search and reports: last.
        Box::new(reports::Reports::default()),
    ]
}

/// One screen: its own state, key handling and pure drawing.
/// What a screen did after a triage saved from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterTriage {
    /// The next untriaged signal is selected.
    MovedOn,
    /// No untriaged signal is left; the list stays where it was.
    NoneLeft,
    /// Not this screen's business: show the triaged signal as after any save.
    ShowIt,
}

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

    /// Select a record and show it in full (a person's own view); by default as
    /// [`Screen::show`].
    fn open_record(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        self.show(record, cx)
    }

    /// A signal was just triaged from this screen: select the next one to triage, or
    /// say that none is left, or leave it to the shell to show the triaged signal.
    fn after_triage(&mut self, _record: RecordRef, _cx: &mut Cx) -> AfterTriage {
        AfterTriage::ShowIt
    }

    /// The district of what is selected, so who-does-what can start there.
    fn district_hint(&self) -> Option<String> {
        None
    }

    // Trust: conflicts, history, AVG
    /// The record under the cursor, for its history (`H`).
    fn selected(&self) -> Option<RecordRef> {
        None
    }

    // Inbox and tracker
    /// The screen's own key scope, looked up before the list keys (`None`: lists only).
    fn scope(&self) -> Option<Scope> {
        None
    }

    /// What the tab shows after the title (live counts), kept up to date by
    /// [`Screen::refresh_counts`]; never computed while drawing.
    fn badge(&self) -> Option<String> {
        None
    }

    /// Recount what the tab shows; called for every screen when the data changed.
    fn refresh_counts(&mut self, _cx: &mut Cx) {}

    /// Something waits for the cursor to rest (a detail pane beside the list).
    fn wants_settle(&self) -> bool {
        false
    }

    /// The cursor rested: bring up to date what waited for it; true when that changed
    /// what is drawn.
    fn settle(&mut self, _cx: &mut Cx) -> bool {
        false
    }

    /// An answer computed off the input path for this screen: Handled (or effects)
    /// when it changes what is shown, Ignored when it is out of date.
    fn on_report(&mut self, _done: crate::tui::worker::ReportDone, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// A picker's choice (see [`crate::tui::component::Effect::Pick`]).
    fn on_pick(&mut self, _tag: &'static str, _value: &str, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// Draw from the state alone: never query the store here.
    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings);
}

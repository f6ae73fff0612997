//! How components talk to the shell: what a handler may use ([`Cx`]), what it answers
//! ([`Outcome`], [`Effect`]) and the [`Popup`] protocol. The words a key can mean live
//! in [`super::action`], which knows nothing of this.

use super::action::Action;
use super::settings::Settings;
use crate::drafts::FormDraft;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What a screen or popup asks the shell to do after handling a key.
pub enum Effect {
    /// A message for the status line.
    Status(String),
    /// A refusal or error for the status line, in plain words.
    Error(String),
    /// Open a popup on top of the stack.
    Push(Box<dyn Popup>),
    /// Close the top popup.
    Close,
    /// The top popup throws away what was typed (the answer to "Discard what you
    /// typed?"): see [`Popup::discard`].
    Discard,
    /// A record was saved: show it on the screen that lists it, and say so. (The
    /// shell reloads what is shown whenever the store's change generation moves;
    /// this effect only says what to select.)
    Saved {
        record: crate::domain::RecordRef,
        message: String,
    },
    /// One signal was triaged: where the screen keeps a triage queue (the inbox) move
    /// on to the next untriaged signal instead of showing this one.
    Triaged {
        record: crate::domain::RecordRef,
        message: String,
    },
    /// Do an action as if its key was pressed (the palette).
    Run(Action),
    /// Show a record on the screen that lists it (the jump list).
    Goto(crate::domain::RecordRef),
    /// Show a record in full on the screen that lists it (a person from who-does-what).
    Open(crate::domain::RecordRef),
    // Inbox and tracker.
    /// A picker's choice for the current screen: what was picked (`tag`) and its value.
    Pick { tag: &'static str, value: String },
    /// Edit text in `$EDITOR` (the shell leaves the screen, runs it and comes back),
    /// then hand the result to the top popup.
    ExternalEdit(String),
    /// Send feedback by e-mail off the input path; the answer comes back later.
    Mail(Box<super::worker::MailJob>),
    /// Send a meeting's invitation or minutes off the input path.
    MeetingMail(Box<super::worker::MeetingMailJob>),
    /// Write and/or e-mail an organisation's statement off the input path.
    Statement(Box<super::worker::StatementJob>),
    /// Import a CSV file off the input path.
    Import(super::csv_files::ImportJob),
}

/// The answer to a key or an action.
pub enum Outcome {
    /// Not for me: let the next one try.
    Ignored,
    /// Done; the screen changed.
    Handled,
    /// Done, and the shell has work to do.
    Effects(Vec<Effect>),
}

impl Outcome {
    pub fn one(e: Effect) -> Outcome {
        Outcome::Effects(vec![e])
    }

    pub fn error(msg: impl Into<String>) -> Outcome {
        Outcome::one(Effect::Error(msg.into()))
    }
}

/// What handlers may use: the store, the user's settings, the terminal's size.
pub struct Cx<'a> {
    pub store: &'a mut crate::store::Store,
    pub settings: &'a super::settings::Settings,
    /// The whole terminal; lists size what they load by it.
    pub size: ratatui::layout::Size,
    /// Computes reports on its own thread, when the shell runs one (not in tests).
    pub reports: Option<&'a super::worker::ReportWorker>,
    /// Stores writes that wait for another user's change, off the input path, when the
    /// shell runs one (not in tests: there a locked write is refused at once).
    pub writes: Option<&'a super::worker::WriteWorker>,
    /// A detail pane beside a list follows the selection once the cursor rests
    /// ([`super::screens::Screen::settle`]) rather than on every move; the shell sets
    /// this, tests need not.
    pub defer_details: bool,
    /// The first frame is on its way (the shell sets this until it is out).
    pub first_frame: bool,
}

impl Cx<'_> {
    /// Rows a list loads beyond the screen: none for the first frame (they follow it),
    /// else enough that a move within the screen fetches nothing.
    pub fn list_margin(&self) -> usize {
        if self.first_frame {
            0
        } else {
            super::window::MARGIN
        }
    }

    pub fn t(&self, key: T) -> &'static str {
        self.settings.lang.t(key)
    }
}

/// A popup on the stack above the screens.
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
        Outcome::one(Effect::Close)
    }

    /// Anything typed that would be lost if the program stopped now.
    fn draft(&self) -> Option<FormDraft> {
        None
    }

    /// Put back the values of a kept draft (see [`crate::drafts`]).
    fn restore_values(&mut self, _values: &std::collections::BTreeMap<String, String>) {}

    /// A write that waited off the input path is done (see [`crate::tui::worker`]).
    fn on_write(&mut self, _done: &crate::tui::worker::WriteDone, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    // Inbox and tracker
    /// Text back from `$EDITOR` after [`Effect::ExternalEdit`].
    fn edited(&mut self, _result: Result<String, String>, _cx: &mut Cx) -> Outcome {
        Outcome::Ignored
    }

    /// Draw over the whole terminal `area` (a popup centres itself).
    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings);
}

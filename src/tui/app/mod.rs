//! The application state: the store, the screens, the popup stack and the status
//! line, and how the shell is built. Keys become actions through the key map;
//! [`App::update`] routes each action; [`App::draw`] is pure and never touches the
//! store. One job per file:
//!
//! - `events`: input events, and which of popup, screen or action each goes to;
//! - `actions`: the shell's own actions; `effects`: what components ask of it;
//! - `refresh`: reloading what is shown when the store changed;
//! - `background`: work off the input path and its results;
//! - `drafts`: typed text kept as a draft file;
//! - `draw`: the pure draw.

use super::popups::Popup;
use super::screens::{self, Screen};
use super::settings::Settings;
use crate::store::Store;
use ratatui::layout::Size;

/// A context for handlers from the app's fields, borrowed apart from the screens and popups.
macro_rules! cx {
    ($app:ident) => {
        Cx {
            store: &mut *$app.store,
            settings: &$app.settings,
            size: $app.size,
            reports: $app.reports.as_ref(),
            writes: $app.writes.as_ref(),
            defer_details: $app.settle_delay.is_some(),
            first_frame: $app.first_frame,
        }
    };
}

mod actions;
mod background;
mod drafts;
mod draw;
mod effects;
mod events;
mod refresh;

pub struct App<'s> {
    store: &'s mut Store,
    settings: Settings,
    screens: Vec<Box<dyn Screen>>,
    stale: Vec<bool>,
    current: usize,
    popups: Vec<Box<dyn Popup>>,
    status: Option<(bool, String)>,
    welcome: bool,
    /// The store's change generation when the screens were last reloaded: when it
    /// moves (anyone's write), the shell reloads what is shown after the event.
    seen: u64,
    /// Who is working, as the top bar names them (refreshed with the data).
    me: String,
    /// The organisation-name generation the short names were worked out at.
    org_names_seen: Option<i64>,
    /// The first frame is still to come ([`App::new_for_terminal`]): the short names
    /// wait for it, and lists load no rows beyond the screen.
    first_frame: bool,
    size: Size,
    dirty: bool,
    /// A key or paste came since the last tick (the user is busy).
    keys_since_tick: bool,
    /// Where reports are computed off the input path, if anywhere.
    reports: Option<super::worker::ReportWorker>,
    /// Where e-mail answers go when sent on a thread (the screens); `None` sends in
    /// place (tests).
    mail_sink: Option<MailSink>,
    /// The same for a meeting's invitations and minutes.
    meeting_mail_sink: Option<MeetingMailSink>,
    /// Where statements written or sent on a thread report back; `None`: in place.
    statement_sink: Option<StatementSink>,
    /// Where other jobs done off the input path (exports) hand their result back;
    /// `None`: they run in place (tests).
    background: Option<BackgroundSink>,
    /// How long the cursor must rest before a detail pane follows it (the shell sets
    /// it; `None` updates panes at once), and when that is next due.
    settle_delay: Option<std::time::Duration>,
    settle_at: Option<std::time::Instant>,
    quit: bool,
    suspend: bool,
    /// Ctrl-L: wipe the terminal before the next frame.
    clear: bool,
    // Inbox and tracker: text waiting to be edited in $EDITOR.
    external_edit: Option<String>,
    /// Where writes that wait for another user's change go (the screens; tests: none).
    writes: Option<super::worker::WriteWorker>,
    /// This process's live draft file, when drafts are kept (the screens), and the
    /// text last written to it.
    draft_file: Option<std::path::PathBuf>,
    draft_written: Option<String>,
}

/// Hands a finished send back to the shell's event loop.
pub type MailSink = std::sync::Arc<dyn Fn(super::worker::MailDone) + Send + Sync>;
pub type MeetingMailSink = std::sync::Arc<dyn Fn(super::worker::MeetingMailDone) + Send + Sync>;

/// Hands a finished statement back to the shell's event loop.
pub type StatementSink = std::sync::Arc<dyn Fn(super::worker::StatementDone) + Send + Sync>;

/// The shell's half of a job done in the background (see [`worker::in_background`]):
/// applied to it on the input thread once the job's result is back.
pub type Finish = Box<dyn for<'s> FnOnce(&mut App<'s>) + Send>;

/// Hands a finished background job back to the shell's event loop.
pub type BackgroundSink = std::sync::Arc<dyn Fn(Finish) + Send + Sync>;

impl<'s> App<'s> {
    /// The shell on a store, for a terminal of `size`.
    pub fn new(store: &'s mut Store, settings: Settings, size: Size) -> App<'s> {
        Self::build(store, settings, size, false)
    }

    /// As [`App::new`], for the terminal: the first frame comes before the short
    /// organisation names are worked out from every organisation (10 ms at 20,000),
    /// and its list holds one screenful; until [`App::after_first_frame`] it shows
    /// names without their usual kind word.
    pub fn new_for_terminal(store: &'s mut Store, settings: Settings, size: Size) -> App<'s> {
        Self::build(store, settings, size, true)
    }

    /// Work done after the first frame: the short names, and the rows beyond the
    /// screen that a move within it needs. Says whether the screen needs drawing again.
    pub fn after_first_frame(&mut self) -> bool {
        if !self.first_frame {
            return false;
        }
        self.first_frame = false;
        // The reload works out the short names too, now that the frame is out.
        self.refresh_visible();
        true
    }

    fn build(store: &'s mut Store, settings: Settings, size: Size, defer: bool) -> App<'s> {
        let screens = screens::registry();
        let stale = vec![true; screens.len()];
        let status = (!settings.warnings.is_empty()).then(|| (true, settings.warnings.join("; ")));
        let mut app = App {
            store,
            settings,
            screens,
            stale,
            current: 0,
            popups: Vec::new(),
            status,
            welcome: false,
            seen: 0,
            me: String::new(),
            org_names_seen: None,
            first_frame: defer,
            size,
            dirty: true,
            keys_since_tick: false,
            reports: None,
            mail_sink: None,
            meeting_mail_sink: None,
            statement_sink: None,
            background: None,
            settle_delay: None,
            settle_at: None,
            quit: false,
            suspend: false,
            clear: false,
            external_edit: None,
            writes: None,
            draft_file: None,
            draft_written: None,
        };
        app.refresh_visible();
        app
    }

    pub fn store(&self) -> &Store {
        self.store
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The status line's message, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_ref().map(|(_, m)| m.as_str())
    }

    pub fn screen_id(&self) -> &'static str {
        self.screens[self.current].id()
    }

    pub fn popup_count(&self) -> usize {
        self.popups.len()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True once after something changed that needs drawing.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// Ctrl-L was pressed: the terminal is to be wiped and drawn whole, once.
    pub fn take_clear(&mut self) -> bool {
        std::mem::take(&mut self.clear)
    }

    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// Switch to a screen by its id (`organisations`, `people`).
    pub fn select_screen(&mut self, id: &str) -> bool {
        match self.screens.iter().position(|s| s.id() == id) {
            Some(i) => {
                self.switch(i);
                true
            }
            None => false,
        }
    }

    pub fn screen_ids(&self) -> Vec<&'static str> {
        self.screens.iter().map(|s| s.id()).collect()
    }

    // Search and reports
    /// The record selected on the visible screen, if any (for tests and history).
    pub fn selected_record(&self) -> Option<crate::domain::RecordRef> {
        self.screens[self.current].selected()
    }

    fn set_error(&mut self, msg: impl Into<String>) {
        self.status = Some((true, msg.into()));
    }

    fn set_info(&mut self, msg: impl Into<String>) {
        self.status = Some((false, msg.into()));
    }

    /// Store writes that wait for another user's change on this worker from now on.
    pub fn set_write_worker(&mut self, worker: super::worker::WriteWorker) {
        self.writes = Some(worker);
    }

    /// The write worker, to close it (see [`super::worker::WriteWorker::finish`]).
    pub fn take_write_worker(&mut self) -> Option<super::worker::WriteWorker> {
        self.writes.take()
    }

    /// Compute reports on this worker from now on (the screens do; tests need not).
    pub fn set_report_worker(&mut self, worker: super::worker::ReportWorker) {
        self.reports = Some(worker);
    }

    /// Let detail panes beside lists follow the cursor only once it rests for `delay`:
    /// holding j sends the terminal the list's two short stretches per row, and the
    /// pane once, instead of the whole pane for every row passed.
    pub fn set_settle_delay(&mut self, delay: std::time::Duration) {
        self.settle_delay = Some(delay);
    }

    /// When the shell should call [`App::settle`] if no event comes first.
    pub fn next_wakeup(&self) -> Option<std::time::Instant> {
        self.settle_at
    }

    /// Run long jobs (exports) on a thread from now on (the screens do; tests: in place).
    pub fn set_background_sink(&mut self, sink: BackgroundSink) {
        self.background = Some(sink);
    }

    /// Send e-mail on a thread from now on (the screens do; tests send in place).
    pub fn set_mail_sink(&mut self, sink: MailSink) {
        self.mail_sink = Some(sink);
    }

    /// Write and send statements on a thread from now on (the screens do).
    pub fn set_statement_sink(&mut self, sink: StatementSink) {
        self.statement_sink = Some(sink);
    }

    /// Send a meeting's mail on a thread from now on (the screens do; tests send in place).
    pub fn set_meeting_mail_sink(&mut self, sink: MeetingMailSink) {
        self.meeting_mail_sink = Some(sink);
    }
}

//! The application state: the store, the screens, the popup stack and the status
//! line. Keys become actions through the key map; [`App::update`] routes each action;
//! [`App::draw`] is pure and never touches the store.

use super::action::{Action, Scope};

use super::component::{Cx, Effect, Outcome};
use super::config::Settings;
use super::popups::Popup;
use super::popups::form::FormDraft;
use super::popups::help::{self, Help};
use super::popups::jump::Jump;
use super::popups::lists::ListsPopup;
use super::popups::palette::{Command, Palette};
use super::popups::who::Who;
use super::screens::{self, AfterTriage, Screen, welcome};
use super::widgets;
use super::worker;
use crate::store::Store;
use crate::words::T;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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
        }
    };
}

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
    /// The short names wait for the first frame ([`App::new_for_terminal`]).
    org_names_deferred: bool,
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
    /// organisation names are worked out from every organisation (10 ms at 20,000);
    /// until [`App::after_first_frame`] it shows names without their usual kind word.
    pub fn new_for_terminal(store: &'s mut Store, settings: Settings, size: Size) -> App<'s> {
        Self::build(store, settings, size, true)
    }

    /// Work done after the first frame. Says whether the screen needs drawing again.
    pub fn after_first_frame(&mut self) -> bool {
        if !self.org_names_deferred {
            return false;
        }
        self.org_names_deferred = false;
        self.refresh_org_names();
        self.dirty = true;
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
            org_names_deferred: defer,
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

    // Inbox and tracker
    /// Text a popup asked to edit in `$EDITOR`, once.
    pub fn take_external_edit(&mut self) -> Option<String> {
        self.external_edit.take()
    }

    /// The edited text back from `$EDITOR` (or `Err` with why not), for the top popup.
    pub fn external_edited(&mut self, result: Result<String, String>) {
        self.dirty = true;
        let out = {
            let mut cx = cx!(self);
            match self.popups.last_mut() {
                Some(top) => top.edited(result, &mut cx),
                None => Outcome::Ignored,
            }
        };
        self.apply(out);
        self.catch_up();
        self.sync_draft();
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

    /// Organisation names as narrow columns show them (before the screens draw),
    /// worked out again only when a name changed.
    fn refresh_org_names(&mut self) {
        let generation = self.store.org_names_generation().ok();
        if generation.is_some() && generation == self.org_names_seen {
            return;
        }
        // Every name in one buffer: 20,000 organisations are one allocation, not 40,000.
        let mut text = String::new();
        let mut spans: Vec<(u32, u32, Option<u32>)> = Vec::new();
        let read = self.store.each_org_name(|name, short| {
            let start = text.len() as u32;
            text.push_str(name);
            let name_end = text.len() as u32;
            let short_end = short.map(|s| {
                text.push_str(s);
                text.len() as u32
            });
            spans.push((start, name_end, short_end));
        });
        if read.is_ok() {
            let at = |a: u32, b: u32| &text[a as usize..b as usize];
            self.settings.org_names = crate::domain::org_names::OrgNames::new(
                spans
                    .iter()
                    .map(|&(a, b, c)| (at(a, b), c.map(|c| at(b, c)))),
            );
            self.org_names_seen = generation;
        }
    }

    /// Reload what is shown when the store's change generation moved since the last
    /// reload: a write by a screen or popup on this connection, by a worker thread or
    /// by another process. The shell calls it after every event it handles, so no
    /// component has to say that others need reloading.
    fn catch_up(&mut self) {
        match self.store.change_generation() {
            Ok(g) if g != self.seen => self.refresh_visible(),
            Ok(_) => {}
            Err(e) => {
                let msg = e.to_string();
                if self.status.as_ref().map(|s| &s.1) != Some(&msg) {
                    self.set_error(msg);
                    self.dirty = true;
                }
            }
        }
    }

    /// Reload the visible screen (and popups that show data); the others reload when shown.
    fn refresh_visible(&mut self) {
        // Taken before reading, so a write that lands meanwhile is caught next time.
        if let Ok(g) = self.store.change_generation() {
            self.seen = g;
        }
        self.welcome = self.store.is_empty().unwrap_or(false);
        self.me = self
            .store
            .display_name()
            .unwrap_or_else(|_| self.store.user().to_string());
        if !self.org_names_deferred {
            self.refresh_org_names();
        }
        for s in self.stale.iter_mut() {
            *s = true;
        }
        let i = self.current;
        let result = {
            let mut cx = cx!(self);
            self.screens[i].refresh(&mut cx)
        };
        self.stale[i] = false;
        if let Err(e) = result {
            self.set_error(self.settings.lang.store_error(&e));
        }
        let mut cx = cx!(self);
        for p in self.popups.iter_mut() {
            p.refresh(&mut cx);
        }
        // Inbox and tracker: the tabs' live counts.
        for screen in self.screens.iter_mut() {
            screen.refresh_counts(&mut cx);
        }
        self.dirty = true;
    }

    fn switch(&mut self, i: usize) {
        if i >= self.screens.len() {
            return;
        }
        self.current = i;
        if self.stale[i] {
            let result = {
                let mut cx = cx!(self);
                self.screens[i].refresh(&mut cx)
            };
            self.stale[i] = false;
            if let Err(e) = result {
                self.set_error(self.settings.lang.store_error(&e));
            }
        }
        self.dirty = true;
    }

    /// A key from the terminal.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.key_input(key);
        self.catch_up();
        self.arm_settle();
        self.sync_draft();
    }

    fn key_input(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.keys_since_tick = true;
        self.dirty = true;
        self.status = None;
        // Ctrl-L works from anywhere, inside popups and text fields too: a garbled
        // terminal is wiped and drawn again, and the data reloaded.
        if self
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Global], true)
            == Some(Action::Refresh)
        {
            self.clear = true;
            self.update(Action::Refresh);
            return;
        }
        if let Some(top) = self.popups.last_mut() {
            let text = top.text_entry();
            let out = {
                let mut cx = cx!(self);
                top.handle_key(key, &mut cx)
            };
            match out {
                Outcome::Ignored => {
                    let global = self
                        .settings
                        .keymap
                        .lookup_event(&key, &[Scope::Global], text);
                    if let Some(
                        a @ (Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh),
                    ) = global
                    {
                        self.update(a);
                    }
                }
                o => self.apply(o),
            }
            return;
        }
        let text = self.screens[self.current].text_entry();
        let scopes: &[Scope] = if self.welcome {
            &[Scope::Welcome, Scope::List, Scope::Global]
        } else {
            &[Scope::List, Scope::Global]
        };
        // Inbox and tracker: the screen's own keys come first.
        let own: Vec<Scope> = self.screens[self.current]
            .scope()
            .filter(|_| !self.welcome)
            .into_iter()
            .chain(scopes.iter().copied())
            .collect();
        let scopes = own.as_slice();
        match self.settings.keymap.lookup_event(&key, scopes, text) {
            Some(action) => self.update(action),
            None if text => {
                let i = self.current;
                let out = {
                    let mut cx = cx!(self);
                    self.screens[i].on_key(key, &mut cx)
                };
                self.apply(out);
            }
            None => {}
        }
    }

    /// Pasted text (bracketed paste): never interpreted as keys.
    pub fn on_paste(&mut self, text: &str) {
        self.paste_input(text);
        self.catch_up();
        self.arm_settle();
        self.sync_draft();
    }

    /// Store writes that wait for another user's change on this worker from now on.
    pub fn set_write_worker(&mut self, worker: super::worker::WriteWorker) {
        self.writes = Some(worker);
    }

    /// The write worker, to close it (see [`super::worker::WriteWorker::finish`]).
    pub fn take_write_worker(&mut self) -> Option<super::worker::WriteWorker> {
        self.writes.take()
    }

    /// A write that waited off the input path is done: the popup that asked shows it.
    pub fn on_write(&mut self, done: super::worker::WriteDone) {
        self.dirty = true;
        let mut out = Outcome::Ignored;
        for i in (0..self.popups.len()).rev() {
            let mut cx = cx!(self);
            out = self.popups[i].on_write(&done, &mut cx);
            if !matches!(out, Outcome::Ignored) {
                break;
            }
        }
        match (out, &done.result) {
            (Outcome::Ignored, Ok(e)) => {
                let n = e.minute.position;
                self.set_info(self.settings.lang.f(T::MinutesStored, &[("n", &n)]));
            }
            (Outcome::Ignored, Err(why)) => self.set_error(why.clone()),
            (out, _) => self.apply(out),
        }
        self.catch_up();
        self.sync_draft();
    }

    /// Keep drafts in `dir` from now on: whatever is typed is written there as it
    /// changes, for this database and account.
    pub fn set_draft_dir(&mut self, dir: &std::path::Path) {
        let db = self.store.path().display().to_string();
        self.draft_file = Some(super::draft::live_path(dir, &db, self.store.account()));
    }

    /// Write the draft file if what is typed changed since (remove it when nothing
    /// is); the path when a draft is kept.
    pub fn sync_draft(&mut self) -> Option<std::path::PathBuf> {
        let path = self.draft_file.clone()?;
        let draft = self.draft();
        let text = draft.as_ref().and_then(|d| toml::to_string(d).ok());
        if text != self.draft_written {
            let written = match &draft {
                Some(d) => super::draft::keep(&path, d),
                None => std::fs::remove_file(&path).or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                }),
            };
            match written {
                Ok(()) => self.draft_written = text,
                Err(e) => {
                    self.set_error(format!("cannot keep the draft in {}: {e}", path.display()))
                }
            }
        }
        self.draft_written.as_ref().map(|_| path)
    }

    /// Reopen the newest draft left for this database and account, if any.
    pub fn restore_waiting_draft(&mut self) -> bool {
        let Some(dir) = self
            .draft_file
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
        else {
            return false;
        };
        let db = self.store.path().display().to_string();
        let Some((draft, path)) = super::draft::waiting_in(&dir, &db, self.store.account()) else {
            return false;
        };
        if !self.restore_draft(&draft) {
            // Its record is gone or its step no longer possible: say where the text is.
            let msg = self.settings.lang.f(
                T::DraftNotReopened,
                &[("kind", &draft.kind), ("path", &path.display())],
            );
            self.set_error(msg);
            return false;
        }
        self.sync_draft();
        if Some(&path) != self.draft_file.as_ref() {
            let _ = std::fs::remove_file(&path);
        }
        true
    }

    fn paste_input(&mut self, text: &str) {
        self.keys_since_tick = true;
        self.dirty = true;
        let out = {
            let mut cx = cx!(self);
            match self.popups.last_mut() {
                Some(top) => top.on_paste(text, &mut cx),
                None => self.screens[self.current].on_paste(text, &mut cx),
            }
        };
        self.apply(out);
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

    /// The cursor rested: the current screen brings its detail pane up to date.
    pub fn settle(&mut self) {
        self.settle_at = None;
        let i = self.current;
        let mut cx = cx!(self);
        if self.screens[i].settle(&mut cx) {
            self.dirty = true;
        }
    }

    /// After input: if the screen now waits for the cursor to rest, (re)start the wait.
    fn arm_settle(&mut self) {
        if let Some(delay) = self.settle_delay {
            self.settle_at = self.screens[self.current]
                .wants_settle()
                .then(|| std::time::Instant::now() + delay);
        }
    }

    /// Run long jobs (exports) on a thread from now on (the screens do; tests: in place).
    pub fn set_background_sink(&mut self, sink: BackgroundSink) {
        self.background = Some(sink);
    }

    /// A job done in the background is back: the shell takes its result in.
    pub fn on_background(&mut self, finish: Finish) {
        self.dirty = true;
        finish(self);
        self.catch_up();
    }

    /// Every list as CSV files, off the input path: at a million signals the export
    /// takes a while, and the screens keep working meanwhile.
    fn export_sheets(&mut self) {
        let dir = super::screens::people::avg::export_dir();
        let lang = self.settings.lang;
        let to = dir.clone();
        let said = move |app: &mut App<'_>, r: Result<Vec<std::path::PathBuf>, String>| match r {
            Ok(files) => app.set_info(lang.f(
                T::ExportSheetsDone,
                &[("n", &files.len()), ("dir", &dir.display())],
            )),
            Err(e) => app.set_error(e),
        };
        match self.background.clone() {
            Some(sink) => {
                self.set_info(lang.f(T::ExportSheetsWorking, &[("dir", &to.display())]));
                let path = self.store.path().to_path_buf();
                let ctx = self.store.ctx().clone();
                super::worker::in_background(
                    path,
                    ctx,
                    move |s| super::popups::transfer::export_all(s, &to, lang),
                    Err,
                    move |r| sink(Box::new(move |app| said(app, r))),
                );
            }
            None => {
                let r = super::popups::transfer::export_all(self.store, &to, lang);
                said(self, r);
            }
        }
    }

    /// Send e-mail on a thread from now on (the screens do; tests send in place).
    pub fn set_mail_sink(&mut self, sink: MailSink) {
        self.mail_sink = Some(sink);
    }

    /// Write and send statements on a thread from now on (the screens do).
    pub fn set_statement_sink(&mut self, sink: StatementSink) {
        self.statement_sink = Some(sink);
    }

    fn run_statement(&mut self, job: super::worker::StatementJob) {
        let id = crate::domain::RecordRef::new(crate::domain::RecordKind::Organisation, job.org_id);
        if self.statement_sink.is_some() {
            self.set_info(self.settings.lang.f(T::StatementWorking, &[("id", &id)]));
        }
        let sink = self.statement_sink.clone();
        let (spawn, run) = (worker::spawn_statement, worker::run_statement_job);
        self.off_input(sink, job, spawn, run, Self::on_statement);
    }

    /// Do `job` on a thread of its own when `sink` is set (the screens), else in place
    /// (tests); either way `take` is how the shell takes the answer in.
    fn off_input<J, D: 'static>(
        &mut self,
        sink: Option<std::sync::Arc<dyn Fn(D) + Send + Sync>>,
        job: J,
        spawn: worker::Spawn<J, D>,
        run: fn(&mut Store, J) -> D,
        take: fn(&mut Self, D),
    ) {
        match sink {
            Some(sink) => {
                let path = self.store.path().to_path_buf();
                let ctx = self.store.ctx().clone();
                spawn(path, ctx, job, Box::new(move |done| sink(done)));
            }
            None => {
                let done = run(self.store, job);
                take(self, done);
            }
        }
    }

    /// A statement was written or sent (or not): say where it went.
    pub fn on_statement(&mut self, done: super::worker::StatementDone) {
        let lang = self.settings.lang;
        self.dirty = true;
        let id = done.org.to_string();
        match done.result {
            Ok(said) => self.set_info(lang.f(
                T::StatementDone,
                &[("id", &id), ("where", &said.join("; "))],
            )),
            Err(why) => self.set_error(lang.f(T::StatementFailed, &[("id", &id), ("why", &why)])),
        }
        self.catch_up();
    }

    fn send_mail(&mut self, job: worker::MailJob) {
        let sink = self.mail_sink.clone();
        let (spawn, run) = (worker::spawn_mail, worker::run_mail_job);
        self.off_input(sink, job, spawn, run, Self::on_mail);
    }

    /// Send a meeting's mail on a thread from now on (the screens do; tests send in place).
    pub fn set_meeting_mail_sink(&mut self, sink: MeetingMailSink) {
        self.meeting_mail_sink = Some(sink);
    }

    fn send_meeting_mail(&mut self, job: worker::MeetingMailJob) {
        let sink = self.meeting_mail_sink.clone();
        let (spawn, run) = (worker::spawn_meeting_mail, worker::run_meeting_mail_job);
        self.off_input(sink, job, spawn, run, Self::on_meeting_mail);
    }

    /// A meeting's mail finished: how many went out, where the drafts are, what failed.
    pub fn on_meeting_mail(&mut self, done: super::worker::MeetingMailDone) {
        self.dirty = true;
        self.say_meeting_mail(done);
        self.catch_up();
    }

    fn say_meeting_mail(&mut self, done: super::worker::MeetingMailDone) {
        use crate::store::{MailKind, MailStatus};
        let lang = self.settings.lang;
        let id = done.meeting.to_string();
        let r = match done.result {
            Err(why) => return self.set_error(format!("{id}: {why}")),
            Ok(r) => r,
        };
        let count = |s: &[MailStatus]| r.entries.iter().filter(|e| s.contains(&e.status)).count();
        let what = lang.t(match r.kind {
            MailKind::Cancel => T::MailWhatCancel,
            MailKind::Minutes => T::MailWhatMinutes,
            _ => T::MailWhatInvite,
        });
        let mut parts = vec![lang.f(T::MailSentN, &[("n", &count(&[MailStatus::Sent]))])];
        let drafts = count(&[MailStatus::Draft]);
        if drafts > 0 {
            let dir = r
                .entries
                .iter()
                .find_map(|e| e.draft_path.as_deref())
                .and_then(|p| std::path::Path::new(p).parent())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            parts.push(lang.f(T::MailDraftsN, &[("n", &drafts), ("dir", &dir)]));
        }
        let failed = count(&[MailStatus::Failed, MailStatus::Sending]);
        if failed > 0 {
            parts.push(lang.f(T::MailFailedN, &[("n", &failed)]));
        }
        if !r.skipped.is_empty() {
            parts.push(lang.f(T::MailNoAddressN, &[("n", &r.skipped.len())]));
        }
        let msg = format!("{id} {what}: {}", parts.join(", "));
        if failed > 0 {
            self.set_error(msg);
        } else {
            self.set_info(msg);
        }
    }

    /// A send finished: say how it went, and show the feedback when it was given.
    pub fn on_mail(&mut self, done: super::worker::MailDone) {
        use crate::store::MailStatus;
        let lang = self.settings.lang;
        self.dirty = true;
        let id = done.signal.to_string();
        match done.result {
            Err(why) => self.set_error(format!("{id}: {why}")),
            Ok(r) => {
                let e = &r.entry;
                match (e.status, &r.signal) {
                    (MailStatus::Sent, Some(_)) => {
                        self.set_info(lang.f(T::FeedbackSent, &[("id", &id)]))
                    }
                    (MailStatus::Sent, None) => self.set_error(lang.f(
                        T::FeedbackSentUnrecorded,
                        &[("id", &id), ("why", &e.error.clone().unwrap_or_default())],
                    )),
                    (MailStatus::Draft, _) => self.set_info(lang.f(
                        T::FeedbackEml,
                        &[("path", &e.draft_path.clone().unwrap_or_default())],
                    )),
                    _ => self.set_error(lang.f(
                        T::FeedbackMailFailed,
                        &[
                            ("id", &id),
                            ("why", &e.error.clone().unwrap_or_default()),
                            ("n", &e.id),
                        ],
                    )),
                }
            }
        }
        self.catch_up();
    }

    /// A report computed by the worker: the screen that asked shows it.
    pub fn on_report(&mut self, done: super::worker::ReportDone) {
        let Some(i) = self.screens.iter().position(|s| s.id() == "reports") else {
            return;
        };
        let out = {
            let mut cx = cx!(self);
            self.screens[i].on_report(done, &mut cx)
        };
        if i == self.current && !matches!(out, Outcome::Ignored) {
            self.dirty = true;
            self.apply(out);
        }
        self.catch_up();
    }

    /// The periodic tick: reload what is visible when another process wrote.
    pub fn on_tick(&mut self) {
        // A tick with no key since the last one: the moment to checkpoint (off the
        // input path; see Store::defer_checkpoints).
        if !std::mem::take(&mut self.keys_since_tick)
            && let Err(e) = self.store.checkpoint_if_written()
        {
            self.set_error(self.settings.lang.store_error(&e));
            self.dirty = true;
        }
        self.catch_up();
        self.sync_draft();
    }

    pub fn on_resize(&mut self, width: u16, height: u16) {
        let grew = width > self.size.width || height > self.size.height;
        self.size = Size { width, height };
        if grew {
            self.refresh_visible();
        }
        self.dirty = true;
    }

    /// What an action is called in help and the palette; `None` for screens that do not exist.
    pub fn describe(&self, action: Action) -> Option<String> {
        let t = |k| self.settings.lang.t(k);
        match action {
            Action::Screen(n) => {
                let screen = self.screens.get(usize::from(n).checked_sub(1)?)?;
                Some(format!("{} {}", t(T::ActScreen), t(screen.title())))
            }
            a => Some(t(a.description()).to_string()),
        }
    }

    fn commands(&self) -> Vec<Command> {
        Action::all()
            .into_iter()
            .filter(|a| a.in_palette() && (self.welcome || *a != Action::LoadDemo))
            .filter_map(|a| {
                let label = self.describe(a)?;
                Some(Command {
                    action: a,
                    label,
                    keys: self.settings.keymap.label(a),
                })
            })
            .collect()
    }

    /// Do an action.
    pub fn update(&mut self, action: Action) {
        self.dirty = true;
        match action {
            Action::Help => {
                let lines = help::lines(&self.settings, &|a| self.describe(a));
                self.popups.push(Box::new(Help::new(lines)));
            }
            Action::Palette => {
                let p = Palette::new(self.commands(), &self.settings);
                self.popups.push(Box::new(p));
            }
            Action::Jump => {
                let jump = {
                    let mut cx = cx!(self);
                    Jump::new(&mut cx)
                };
                match jump {
                    Ok(j) => self.popups.push(Box::new(j)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::Who => {
                let hint = self.screens[self.current].district_hint();
                // Opened on a signal, who-does-what can give it to the contact chosen.
                let signal = self.screens[self.current]
                    .selected()
                    .filter(|r| r.kind == crate::domain::RecordKind::Signal);
                let who = {
                    let mut cx = cx!(self);
                    match signal {
                        Some(r) => {
                            Who::new(&mut cx, hint).and_then(|w| w.for_signal(&mut cx, r.id))
                        }
                        None => Who::new(&mut cx, hint),
                    }
                };
                match who {
                    Ok(w) => self.popups.push(Box::new(w)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::Lists => {
                let lists = {
                    let mut cx = cx!(self);
                    ListsPopup::new(&mut cx)
                };
                match lists {
                    Ok(l) => self.popups.push(Box::new(l)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::ExportSheets => self.export_sheets(),
            Action::ImportOrgs | Action::ImportPeople => {
                use super::popups::transfer::{ImportKind, ImportPrompt};
                let kind = if action == Action::ImportOrgs {
                    ImportKind::Organisations
                } else {
                    ImportKind::People
                };
                self.popups
                    .push(Box::new(ImportPrompt::new(kind, &self.settings)));
            }
            Action::QuitNow => self.quit = true,
            Action::NextScreen => self.switch((self.current + 1) % self.screens.len()),
            Action::PrevScreen => {
                self.switch((self.current + self.screens.len() - 1) % self.screens.len())
            }
            Action::Screen(n) => {
                let i = usize::from(n).saturating_sub(1);
                if i < self.screens.len() {
                    self.switch(i);
                }
            }
            Action::Suspend => self.suspend = true,
            Action::Refresh => {
                self.refresh_visible();
                self.set_info(self.settings.lang.t(T::Reloaded));
            }
            Action::LoadDemo if self.welcome => self.load_demo(),
            // Inbox and tracker: quick add, from anywhere.
            Action::QuickAdd => {
                let p = super::popups::quick_add::QuickAdd::new(&self.settings);
                self.popups.push(Box::new(p));
            }
            // Search and reports: full-text search, from anywhere.
            Action::Search => {
                let p = {
                    let mut cx = cx!(self);
                    super::popups::search::Search::new(&mut cx)
                };
                self.popups.push(Box::new(p));
            }
            // Trust: conflicts, history, AVG
            Action::History => self.open_history(),
            other => {
                let i = self.current;
                let out = {
                    let mut cx = cx!(self);
                    self.screens[i].on_action(other, &mut cx)
                };
                match out {
                    Outcome::Ignored if other == Action::Quit => self.quit = true,
                    out => self.apply(out),
                }
            }
        }
    }

    // Trust: conflicts, history, AVG
    /// The history popup of the record selected on the visible screen.
    fn open_history(&mut self) {
        let Some(record) = self.screens[self.current].selected() else {
            self.set_error(self.settings.lang.t(T::HistoryNothing));
            return;
        };
        let popup = {
            let mut cx = cx!(self);
            super::popups::history::History::new(record, &mut cx)
        };
        match popup {
            Ok(h) => self.popups.push(Box::new(h)),
            Err(e) => self.set_error(self.settings.lang.store_error(&e)),
        }
    }

    fn load_demo(&mut self) {
        match crate::demo::load(self.store, 0) {
            Ok(sum) => {
                self.catch_up();
                let msg = self.settings.lang.f(
                    T::DemoLoaded,
                    &[
                        ("orgs", &sum.organisations),
                        ("people", &sum.people),
                        ("signals", &sum.signals),
                    ],
                );
                self.set_info(msg);
            }
            Err(e) => self.set_error(self.settings.lang.store_error(&e)),
        }
    }

    fn apply(&mut self, outcome: Outcome) {
        let Outcome::Effects(effects) = outcome else {
            return;
        };
        for effect in effects {
            match effect {
                Effect::Status(m) => self.set_info(m),
                Effect::Error(m) => self.set_error(m),
                Effect::Push(p) => self.popups.push(p),
                Effect::Close => {
                    self.popups.pop();
                }
                Effect::Discard => {
                    let out = match self.popups.last_mut() {
                        Some(top) => {
                            let mut cx = cx!(self);
                            top.discard(&mut cx)
                        }
                        None => Outcome::Ignored,
                    };
                    self.apply(out);
                }
                Effect::Saved { record, message } => {
                    // Shown as it is now: the write moved the generation.
                    self.catch_up();
                    self.goto(record);
                    self.set_info(message);
                }
                Effect::Triaged { record, message } => {
                    self.catch_up();
                    let i = self.current;
                    let after = {
                        let mut cx = cx!(self);
                        self.screens[i].after_triage(record, &mut cx)
                    };
                    match after {
                        AfterTriage::MovedOn => self.set_info(message),
                        AfterTriage::NoneLeft => {
                            let none_left = self.settings.lang.t(T::NothingLeftToTriage);
                            self.set_info(format!("{message} {none_left}"));
                        }
                        AfterTriage::ShowIt => {
                            self.goto(record);
                            self.set_info(message);
                        }
                    }
                }
                Effect::Run(a) => self.update(a),
                Effect::Goto(r) => self.goto(r),
                Effect::Open(r) => {
                    self.catch_up();
                    self.open_record(r);
                }
                // Inbox and tracker.
                Effect::Pick { tag, value } => {
                    let i = self.current;
                    let out = {
                        let mut cx = cx!(self);
                        self.screens[i].on_pick(tag, &value, &mut cx)
                    };
                    self.apply(out);
                }
                Effect::ExternalEdit(text) => self.external_edit = Some(text),
                Effect::Mail(job) => self.send_mail(*job),
                Effect::MeetingMail(job) => self.send_meeting_mail(*job),
                Effect::Statement(job) => self.run_statement(*job),
            }
        }
    }

    /// Show a record in full on the screen that lists it.
    fn open_record(&mut self, record: crate::domain::RecordRef) {
        self.show_on_its_screen(record, |screen, cx| screen.open_record(record, cx));
    }

    /// Show a record on the screen that lists it.
    fn goto(&mut self, record: crate::domain::RecordRef) {
        self.show_on_its_screen(record, |screen, cx| screen.show(record, cx));
    }

    /// Make the first screen that `show` shows the record on the current one.
    fn show_on_its_screen(
        &mut self,
        record: crate::domain::RecordRef,
        show: impl Fn(&mut dyn Screen, &mut Cx) -> bool,
    ) {
        for i in 0..self.screens.len() {
            let shown = {
                let mut cx = cx!(self);
                show(self.screens[i].as_mut(), &mut cx)
            };
            if shown {
                self.current = i;
                self.stale[i] = false;
                return;
            }
        }
        self.set_error(self.settings.lang.f(T::NotFound, &[("id", &record)]));
    }

    /// The form the user was typing in, if any, as a draft to keep.
    pub fn draft(&self) -> Option<FormDraft> {
        self.popups
            .iter()
            .rev()
            .find_map(|p| p.draft())
            .map(|mut d| {
                d.db = self.store.path().display().to_string();
                d.account = self.store.account().to_string();
                d
            })
    }

    /// Reopen a kept draft in its form; false when no screen knows it.
    pub fn restore_draft(&mut self, draft: &FormDraft) -> bool {
        for i in 0..self.screens.len() {
            let form = {
                let mut cx = cx!(self);
                self.screens[i].restore_form(draft, &mut cx)
            };
            if let Some(f) = form {
                self.popups.push(Box::new(f));
                self.dirty = true;
                return true;
            }
        }
        // Popups that are not a screen's record form: reopened over the screen they
        // belong to.
        let home = match draft.kind.as_str() {
            "triage" | "feedback" | "signal_decline" | "signal_reopen" => Some("inbox"),
            "minutes" | "agenda" => Some("meetings"),
            k if k.starts_with("tracker_") => Some("tracker"),
            _ => None,
        };
        if let Some(id) = home {
            self.select_screen(id);
        }
        let popup = {
            let mut cx = cx!(self);
            super::restore::restore(draft, &mut cx)
        };
        match popup {
            Some(p) => {
                self.popups.push(p);
                self.set_info(self.settings.lang.t(T::DraftWaiting));
                self.dirty = true;
                true
            }
            None => false,
        }
    }

    /// Draw everything from the state; no store access.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        // A message takes the lines it needs (never cut), up to a third of the screen.
        let status_h = self
            .status_lines(area.width)
            .len()
            .clamp(1, usize::from(area.height / 3).max(1)) as u16;
        let [tabs, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(status_h),
        ])
        .areas(area);
        self.draw_tabs(frame, tabs);
        if self.welcome {
            welcome::draw(
                frame,
                body,
                &self.settings,
                &self.store.path().display().to_string(),
            );
        } else {
            self.screens[self.current].draw(frame, body, &self.settings);
        }
        self.draw_status(frame, status);
        // Popups leave one line for the status; a message of more lines keeps them all.
        let popup_area = Rect {
            height: area.height.saturating_sub(status_h - 1),
            ..area
        };
        for p in &self.popups {
            p.draw(frame, popup_area, &self.settings);
        }
        if self.settings.ascii {
            crate::tui::widgets::ascii_buffer(frame.buffer_mut());
        }
    }

    fn draw_tabs(&self, frame: &mut Frame, area: Rect) {
        let s = &self.settings;
        let width = usize::from(area.width);
        let cells = crate::domain::text::cell_width;
        // Inbox and tracker: live counts after the title. Where the tabs do not fit,
        // they shorten step by step: short names, then no padding and no program
        // name; only below 80 columns do the other tabs lose their counts, and then
        // their names. The current tab always shows in full.
        let file = self
            .store
            .path()
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let user = widgets::vis(self.store.user());
        // Level by level: full names; short names; no program name; no padding; the
        // other tabs without counts; the other tabs as digits.
        let label = |i: usize, screen: &dyn Screen, level: u8| {
            let badge = screen.badge().map(|b| format!(" {b}")).unwrap_or_default();
            let short = s.lang.t(short_title(screen.title()));
            let n = i + 1;
            match level {
                0 => format!(" {n} {}{badge} ", s.lang.t(screen.title())),
                1 | 2 => format!(" {n} {short}{badge} "),
                3 => format!("{n} {short}{badge}"),
                _ if i == self.current => format!("{n} {short}{badge}"),
                4 => format!("{n} {short}"),
                _ => format!("{n}"),
            }
        };
        let tabs_width = |l: u8| -> usize {
            self.screens
                .iter()
                .enumerate()
                .map(|(i, sc)| cells(&label(i, sc.as_ref(), l)) + 1)
                .sum()
        };
        let head = |l: u8| if l < 2 { " wijkdesk " } else { "" };
        let tight = |l: u8| l >= 3;
        // The widest level that fits beside the user's name (from level 2 on, the
        // name may go too).
        let level = (0..6u8)
            .find(|&l| {
                let right = if l < 3 { cells(&user) + 2 } else { 0 };
                cells(head(l)) + tabs_width(l) + right <= width
            })
            .unwrap_or(5);
        let mut spans = vec![Span::styled(head(level), s.theme.title)];
        for (i, screen) in self.screens.iter().enumerate() {
            let style = if i == self.current {
                s.theme.tab_active
            } else {
                s.theme.tab
            };
            if i > 0 || !tight(level) {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(label(i, screen.as_ref(), level), style));
        }
        let used = cells(head(level)) + tabs_width(level) - usize::from(tight(level));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        // Who is working and on which file, as much of it as the tabs leave room for:
        // the person's name with the account, else the name alone (80 columns with
        // every tab named), else the username; the file name where it fits.
        let me = widgets::vis(&self.me);
        let name_only = me
            .strip_suffix(&format!(" ({user})"))
            .map(|name| format!("{name} "));
        let right = [
            Some(format!("{me} @ {} ", widgets::vis(&file))),
            Some(format!("{me} ")),
            Some(format!("{user} @ {} ", widgets::vis(&file))),
            name_only,
            Some(format!("{user} ")),
        ];
        let Some(right) = right
            .into_iter()
            .flatten()
            .find(|r| used + 1 + cells(r) <= width)
        else {
            return;
        };
        let w = cells(&right) as u16;
        let r = Rect {
            x: area.x + area.width - w,
            width: w,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Span::styled(right, s.theme.muted)).right_aligned(),
            r,
        );
    }

    /// The status message as the lines it takes at `width` (none without a message).
    fn status_lines(&self, width: u16) -> Vec<String> {
        match &self.status {
            Some((_, m)) => {
                super::fit::wrap(&widgets::vis(m), usize::from(width).saturating_sub(2))
            }
            None => Vec::new(),
        }
    }

    fn draw_status(&self, frame: &mut Frame, area: Rect) {
        let s = &self.settings;
        let lines: Vec<Line> = match &self.status {
            Some((error, _)) => {
                let style = if *error { s.theme.error } else { s.theme.info };
                let mut lines = self.status_lines(area.width);
                // Taller than a third of the screen: the end shows (it says what to do).
                let skip = lines.len().saturating_sub(usize::from(area.height));
                lines
                    .drain(skip..)
                    .map(|l| Line::from(Span::styled(format!(" {l}"), style)))
                    .collect()
            }
            None => {
                let mut spans = vec![Span::raw(" ")];
                let hints = [
                    (Action::Help, T::HintHelp),
                    (Action::Palette, T::HintPalette),
                    (Action::Jump, T::HintJump),
                    (Action::Who, T::HintWho),
                    (Action::Filter, T::HintFilter),
                    (Action::New, T::HintNew),
                    (Action::Quit, T::HintQuit),
                ];
                for (a, what) in hints {
                    if let Some(k) = s.keymap.first(a) {
                        spans.extend(widgets::hint(s, k, s.lang.t(what)));
                    }
                }
                vec![Line::from(spans)]
            }
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The tab's name where the screen's full title does not fit.
fn short_title(title: T) -> T {
    match title {
        T::ScreenInbox => T::TabInbox,
        T::ScreenTracker => T::TabTracker,
        T::ScreenMeetings => T::TabMeetings,
        T::ScreenOrganisations => T::TabOrganisations,
        T::ScreenPeople => T::TabPeople,
        T::ScreenReports => T::TabReports,
        other => other,
    }
}

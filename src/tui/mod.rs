//! The full-screen terminal application.
//!
//! - [`app`]: state, `update(Action)`, pure `draw`;
//! - [`action`]: what keys mean ([`action::Action`]) and what components ask the shell to do;
//! - [`keymap`], [`settings`], [`theme`]: the user's keys, choices and colours (the
//!   config file itself is [`crate::config`]); the strings are [`crate::words::catalogue`]'s;
//! - [`screens`]: one module per screen, registered in [`screens::registry`];
//! - [`popups`]: help, palette, jump, forms, who-does-what, confirm;
//! - [`snapshot`]: one frame as text.
//!
//! The loop below: one channel fed by an input thread, a 500 ms tick and a signal
//! thread; all pending events are handled, then one frame is drawn, and only when
//! something changed: nothing is written while idle.

pub mod action;
pub mod app;
mod backend;
mod blank_diff;
pub mod component;
pub mod csv_files;
pub mod fit;
pub mod fuzzy;
pub mod input;
pub mod keymap;
pub mod list;
pub mod popups;
pub mod restore;
pub mod screens;
pub mod settings;
pub mod snapshot;
pub mod table;
mod terminal;
pub mod terms;
pub mod testing;
pub mod theme;
pub mod widgets;
pub mod window;
pub mod worker;

pub use crate::words::Lang;
pub use app::App;
pub use settings::Settings;
pub use snapshot::snapshot;
pub use terminal::repaint;

use crate::store::{Ctx, Store};
use crate::words::T;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, Event as TermEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::layout::Size;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io::{Result, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};
use terminal::{INPUT_PAUSED, draw, external_edit, suspend};

/// What the command line passes to the screens.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The database; `None`: `$WIJKDESK_DB`, else the user's data directory.
    pub db: Option<PathBuf>,
    /// `en` or `nl`; `None`: the config file, else `LANG`.
    pub lang: Option<String>,
    /// Borders in plain ASCII.
    pub ascii: bool,
}

/// The screens' own SQLite page cache, in KiB (see [`Store::limit_page_cache`]).
pub const SCREEN_PAGE_CACHE_KIB: u32 = 1024;

/// How often the store is asked whether another process wrote.
pub const TICK: Duration = Duration::from_millis(500);

/// How long the cursor rests before a detail pane beside a list follows it: longer
/// than the gap between repeated keys (about 30 ms), short enough to feel immediate.
pub const SETTLE: Duration = Duration::from_millis(80);

enum Event {
    Term(TermEvent),
    Tick,
    Signal(i32),
    /// A report computed off the input path (see worker.rs).
    Report(Box<worker::ReportDone>),
    /// A feedback e-mail that went out (or did not), sent off the input path.
    Mail(Box<worker::MailDone>),
    /// A meeting's invitation or minutes, sent off the input path.
    MeetingMail(Box<worker::MeetingMailDone>),
    /// An organisation's statement written or sent off the input path.
    Statement(Box<worker::StatementDone>),
    /// A write that waited for another user's change (see worker.rs).
    Write(Box<worker::WriteDone>),
    /// Another job done off the input path (an export), ready to be taken in.
    Background(app::Finish),
}

/// How long a write from the screens waits for another user's change on the input
/// path before it goes to the write worker (or, for a form, says so and keeps the
/// text): short enough that keys never stall, longer than any ordinary write.
pub const SCREEN_WAIT: Duration = Duration::from_millis(250);

enum Exit {
    Quit,
    Signal(i32),
}

/// A report at a million signals builds and drops tens of MiB of rows (on the worker
/// and again when laid out), and glibc keeps what was freed: every copy of the screens
/// would hold it after one look at the Reports screen. Hand it back.
pub(crate) fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Why the screens could not start, or had to stop; said in the screens' language.
#[derive(Debug)]
pub struct Failure {
    lang: Lang,
    why: Why,
}

#[derive(Debug)]
enum Why {
    NoTerminal,
    Terminal(std::io::Error),
    Store(crate::store::StoreError),
}

impl From<std::io::Error> for Why {
    fn from(e: std::io::Error) -> Why {
        Why::Terminal(e)
    }
}

impl From<crate::store::StoreError> for Why {
    fn from(e: crate::store::StoreError) -> Why {
        Why::Store(e)
    }
}

impl Failure {
    /// The language of the screens that failed (their `--lang`, config file or `LANG`).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// What went wrong, and why, in one sentence.
    pub fn say(&self) -> String {
        match &self.why {
            Why::NoTerminal => self.lang.t(T::ScreensNeedTerminal).to_string(),
            Why::Terminal(e) => self.lang.f(T::ScreensTerminalFailed, &[("error", e)]),
            Why::Store(e) => self.lang.store_error(e),
        }
    }
}

/// Open the screens on the database and run until the user quits.
pub fn run(opts: Options) -> std::result::Result<(), Failure> {
    // The binary installed them already; a library caller gets them here, once.
    crate::install_error_hooks();
    let settings = Settings::load(&opts);
    let lang = settings.lang;
    run_screens(opts, settings).map_err(|why| Failure { lang, why })
}

fn run_screens(opts: Options, settings: Settings) -> std::result::Result<(), Why> {
    // Before anything is opened or created: a pipe or a file is no place for screens.
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Why::NoTerminal);
    }
    let path = opts
        .db
        .clone()
        .unwrap_or_else(crate::store::default_db_path);
    let mut store = open_store(&path)?;
    let mouse = settings.mouse;
    // Caught from here on; the thread that reads them starts after the first frame.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let size = terminal::take(mouse)?;
    let (events, rx) = mpsc::channel();
    // The workers act as the screens do: the same user and day.
    let ctx = store.ctx().clone();
    let mut app = App::new_for_terminal(&mut store, settings, size);
    app.set_report_worker(worker::ReportWorker::spawn(path.clone(), ctx.clone(), {
        let events = events.clone();
        move |done| {
            let _ = events.send(Event::Report(Box::new(done)));
        }
    }));
    app.set_mail_sink({
        let events = std::sync::Mutex::new(events.clone());
        std::sync::Arc::new(move |done| {
            if let Ok(ev) = events.lock() {
                let _ = ev.send(Event::Mail(Box::new(done)));
            }
        })
    });
    app.set_meeting_mail_sink({
        let events = std::sync::Mutex::new(events.clone());
        std::sync::Arc::new(move |done| {
            if let Ok(ev) = events.lock() {
                let _ = ev.send(Event::MeetingMail(Box::new(done)));
            }
        })
    });
    app.set_statement_sink({
        let events = std::sync::Mutex::new(events.clone());
        std::sync::Arc::new(move |done| {
            if let Ok(ev) = events.lock() {
                let _ = ev.send(Event::Statement(Box::new(done)));
            }
        })
    });
    app.set_background_sink({
        let events = std::sync::Mutex::new(events.clone());
        std::sync::Arc::new(move |finish| {
            if let Ok(ev) = events.lock() {
                let _ = ev.send(Event::Background(finish));
            }
        })
    });
    app.set_write_worker(worker::WriteWorker::spawn(path.clone(), ctx, {
        let events = std::sync::Mutex::new(events.clone());
        move |done| {
            if let Ok(ev) = events.lock() {
                let _ = ev.send(Event::Write(Box::new(done)));
            }
        }
    }));
    app.set_settle_delay(SETTLE);
    if let Some(dir) = crate::drafts::dir() {
        app.set_draft_dir(&dir);
        app.restore_waiting_draft();
    }

    let mut sources = Some(move || spawn_sources(events, signals));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, size, &rx, || {
            if let Some(start) = sources.take() {
                start();
            }
        })
    }));
    // Lines still waiting for another user's change give up now; what the write
    // worker did is taken in, so the draft holds exactly what was not stored.
    crate::store::waiting::abandon_waits();
    if let Some(w) = app.take_write_worker() {
        w.finish(Duration::from_secs(2));
    }
    while let Ok(ev) = rx.try_recv() {
        if let Event::Write(done) = ev {
            app.on_write(*done);
        }
    }
    // Whatever happened, nothing typed is lost (the draft file follows every key; this
    // writes the last state once more).
    let kept = app.sync_draft();
    let lang = app.settings().lang;
    drop(app);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = ratatui::try_restore();
    // The terminal's drop shows the cursor, but an exit on a signal skips it.
    let _ = execute!(std::io::stdout(), crossterm::cursor::Show);
    if let Some(path) = kept {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            lang.f(crate::words::T::DraftKept, &[("path", &path.display())])
        );
    }
    match outcome {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(Err(e)) => Err(Why::Terminal(e)),
        Ok(Ok(Exit::Quit)) => Ok(()),
        Ok(Ok(Exit::Signal(sig))) => std::process::exit(128 + sig),
    }
}

/// The database the screens work on: opened (its folder made, owner-only, if need
/// be), with the screens' own waits, checkpoints and page cache.
fn open_store(path: &std::path::Path) -> crate::store::Result<Store> {
    let mut store = Store::open(path, Ctx::from_env())?;
    // Writes on the input path never wait long for another user's change.
    crate::store::waiting::set_thread_wait(Some(SCREEN_WAIT));
    crate::store::waiting::set_thread_screens(true);
    // Checkpoints on idle ticks, never in the commit of a key (App::on_tick).
    store.defer_checkpoints()?;
    store.limit_page_cache(SCREEN_PAGE_CACHE_KIB)?;
    Ok(store)
}

/// The threads that feed the one event channel: the input thread, the tick and the
/// signal thread. Started once the first frame is out, so that starting them (about
/// 0.2 ms) is not on the way to it: keys typed meanwhile wait in the terminal, and a
/// signal in signal-hook's pipe (it is caught from before the terminal is taken).
fn spawn_sources(tx: Sender<Event>, mut signals: Signals) {
    let input: Sender<Event> = tx.clone();
    std::thread::spawn(move || {
        loop {
            // Inbox and tracker: keys belong to $EDITOR while it runs.
            if INPUT_PAUSED.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            match crossterm::event::poll(Duration::from_millis(50)) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(_) => break,
            }
            let Ok(ev) = crossterm::event::read() else {
                break;
            };
            if input.send(Event::Term(ev)).is_err() {
                break;
            }
        }
    });
    let tick = tx.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if tick.send(Event::Tick).is_err() {
                break;
            }
        }
    });
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let _ = tx.send(Event::Signal(sig));
            // The screens keep what was typed and give the terminal back on their
            // own at once; should they be stuck in a write, leave without them.
            std::thread::spawn(move || exit_if_still_running(sig));
        }
    });
}

/// How long a stop signal waits for the screens to leave on their own.
const SIGNAL_GRACE: Duration = Duration::from_secs(3);

/// After a stop signal: if the process still runs after [`SIGNAL_GRACE`], put the
/// terminal back as well as can be done from here (at most half a second: a hung-up
/// terminal may not take it) and exit with the signal's status.
fn exit_if_still_running(sig: i32) {
    std::thread::sleep(SIGNAL_GRACE);
    let (done, wait) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = execute!(
            std::io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            crossterm::terminal::LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = done.send(());
    });
    let _ = wait.recv_timeout(Duration::from_millis(500));
    std::process::exit(128 + sig);
}

fn event_loop(
    app: &mut App,
    size: Size,
    rx: &Receiver<Event>,
    mut after_draw: impl FnMut(),
) -> Result<Exit> {
    let terminal = &mut terminal::first_frame(app, size)?;
    after_draw();
    // What could wait for the first frame; the frame is drawn again below (the app is
    // still marked for drawing), with a cursor if the screen has one.
    app.after_first_frame();
    loop {
        if app.take_dirty() {
            if app.take_clear() {
                repaint(terminal)?;
            }
            draw(terminal, app)?;
            after_draw();
            // What could wait for the first frame, then that frame again.
            if app.after_first_frame() {
                continue;
            }
        }
        // A detail pane waiting for the cursor to rest sets a deadline.
        let first = match app.next_wakeup() {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(ev) => ev,
                Err(RecvTimeoutError::Timeout) => {
                    app.settle();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
            },
            None => match rx.recv() {
                Ok(ev) => ev,
                Err(_) => return Ok(Exit::Quit),
            },
        };
        let mut next = Some(first);
        // Drain everything pending before drawing once.
        while let Some(ev) = next {
            if let Some(sig) = handle(app, ev) {
                return Ok(Exit::Signal(sig));
            }
            next = rx.try_recv().ok();
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
        if app.take_suspend() {
            suspend(terminal, app.settings().mouse)?;
            app.mark_dirty();
        }
        // Inbox and tracker: a popup's text in $EDITOR.
        if let Some(text) = app.take_external_edit() {
            let result = external_edit(terminal, &text, app.settings().mouse, app.settings().lang);
            app.external_edited(result);
        }
    }
}

fn handle(app: &mut App, ev: Event) -> Option<i32> {
    match ev {
        Event::Term(TermEvent::Key(key)) => app.on_key(key),
        Event::Term(TermEvent::Paste(text)) => app.on_paste(&text),
        Event::Term(TermEvent::Resize(w, h)) => app.on_resize(w, h),
        Event::Term(TermEvent::Mouse(m)) => match m.kind {
            MouseEventKind::ScrollDown if app.popup_count() == 0 => {
                app.update(action::Action::Down)
            }
            MouseEventKind::ScrollUp if app.popup_count() == 0 => app.update(action::Action::Up),
            _ => {}
        },
        Event::Term(TermEvent::FocusGained | TermEvent::FocusLost) => {}
        Event::Tick => app.on_tick(),
        Event::Report(done) => app.on_report(*done),
        Event::Mail(done) => app.on_mail(*done),
        Event::MeetingMail(done) => app.on_meeting_mail(*done),
        Event::Statement(done) => app.on_statement(*done),
        Event::Write(done) => app.on_write(*done),
        Event::Background(finish) => app.on_background(finish),
        Event::Signal(sig) => return Some(sig),
    }
    None
}

//! Waiting for another user's write: how long a connection waits for the write lock
//! (per thread: the screens wait a moment, their write worker and the command line a
//! stated time), a notice once a wait lasts, and who holds the lock where that can be
//! told (long writers such as imports leave a small record beside the database).

use crate::domain::Problem;
use crate::domain::problem::{Activity, Holder};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a write waits for another user's change by default: `WIJKDESK_LOCK_WAIT`
/// (seconds) overrides it.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(60);

/// After this long a waiting write tells its user (the command line on stderr).
pub const NOTICE_AFTER: Duration = Duration::from_millis(300);

/// `WIJKDESK_LOCK_WAIT` in seconds (fractions allowed), else the default.
pub fn configured_wait() -> Duration {
    std::env::var("WIJKDESK_LOCK_WAIT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(DEFAULT_LOCK_WAIT)
}

type Notice = Box<dyn Fn()>;

/// Set when the program is closing: writes still waiting give up at once, with
/// nothing written (the screens keep their text in the draft instead).
static ABANDON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Make every write that waits for the lock, now or later, give up at once.
pub fn abandon_waits() {
    ABANDON.store(true, std::sync::atomic::Ordering::SeqCst);
}

thread_local! {
    static LIMIT: Cell<Option<Duration>> = const { Cell::new(None) };
    static STARTED: Cell<Option<Instant>> = const { Cell::new(None) };
    static NOTICED: Cell<bool> = const { Cell::new(false) };
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
    static SCREENS: Cell<bool> = const { Cell::new(false) };
}

/// This thread runs the screens: a write that cannot wait says so in their words
/// (the text stays where it was typed) instead of the command line's.
pub fn set_thread_screens(on: bool) {
    SCREENS.with(|s| s.set(on));
}

/// How long writes on this thread wait for the lock (`None`: the configured time).
pub fn set_thread_wait(limit: Option<Duration>) {
    LIMIT.with(|l| l.set(limit));
}

/// Run `f` with writes on this thread waiting at most `limit` (then as before).
pub fn with_wait<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let before = LIMIT.with(|l| l.replace(Some(limit)));
    let out = f();
    LIMIT.with(|l| l.set(before));
    out
}

/// The wait that applies on this thread.
pub fn thread_wait() -> Duration {
    LIMIT.with(|l| l.get()).unwrap_or_else(configured_wait)
}

/// Call `notice` once per wait on this thread when it lasts [`NOTICE_AFTER`].
pub fn set_thread_notice(notice: Option<Notice>) {
    NOTICE.with(|n| *n.borrow_mut() = notice);
}

/// SQLite's busy handler: retry every half to two milliseconds until the thread's
/// wait is over. (SQLite's own busy timeout backs off to 100 ms steps, and then writers
/// that keep arriving take the lock first: one writer could starve past its timeout.)
pub(super) fn retry_while_busy(attempt: i32) -> bool {
    let now = Instant::now();
    if attempt == 0 {
        STARTED.with(|s| s.set(Some(now)));
        NOTICED.with(|n| n.set(false));
    }
    let waited = STARTED
        .with(|s| s.get())
        .map(|t| now.duration_since(t))
        .unwrap_or_default();
    if waited >= thread_wait() || ABANDON.load(std::sync::atomic::Ordering::SeqCst) {
        return false;
    }
    if waited >= NOTICE_AFTER && !NOTICED.with(|n| n.replace(true)) {
        NOTICE.with(|n| {
            if let Some(f) = n.borrow().as_ref() {
                f();
            }
        });
    }
    let jitter = (attempt as u64).wrapping_mul(7919) % 1500;
    std::thread::sleep(Duration::from_micros(500 + jitter));
    true
}

/// The record a long writer leaves beside the database while it holds the lock.
fn holder_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".writer");
    PathBuf::from(name)
}

/// Who holds the write lock on `db` (who, doing what, since when), when a long writer
/// said so and is still running.
///
/// The record is the writer's process id, a line in English (what wijkdesk before
/// typed holders wrote, and still reads), and the holder as JSON. A record of an
/// older wijkdesk, without the JSON, is shown as its line says ([`Holder::Stated`]).
pub fn holder(db: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(holder_path(db)).ok()?;
    let mut lines = text.lines();
    let pid: i32 = lines.next()?.trim().parse().ok()?;
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        if !alive {
            return None;
        }
    }
    let stated = lines.next()?;
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect::<String>()
    };
    if let Some(Holder::Writer {
        who,
        activity,
        since,
    }) = lines.next().and_then(|l| serde_json::from_str(l).ok())
    {
        return Some(Holder::Writer {
            who: clean(&who),
            activity,
            since,
        });
    }
    Some(clean(stated))
        .filter(|w| !w.trim().is_empty())
        .map(|text| Holder::Stated { text })
}

/// Kept while a long write runs; the record goes when it is dropped.
pub struct HolderRecord(PathBuf);

impl Drop for HolderRecord {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Say that `who` is doing `activity` to `db` until the guard is dropped (best effort:
/// a folder we cannot write to just means no one is named).
pub fn announce(db: &Path, who: &str, activity: Activity) -> Option<HolderRecord> {
    let path = holder_path(db);
    let since = chrono::Local::now().time();
    let holder = Holder::Writer {
        who: who.to_string(),
        activity,
        since: chrono::NaiveTime::from_hms_opt(
            chrono::Timelike::hour(&since),
            chrono::Timelike::minute(&since),
            0,
        )
        .unwrap_or(since),
    };
    // The second line for a wijkdesk that reads only that (always in English: it was
    // never translated); the third for this one, which says it in its reader's language.
    let older = holder.to_string();
    let json = serde_json::to_string(&holder).ok()?;
    let text = format!("{}\n{older}\n{json}\n", std::process::id());
    let _ = std::fs::remove_file(&path);
    crate::files::write_new(&path, text.as_bytes()).ok()?;
    Some(HolderRecord(path))
}

/// That another user's change held the database for `waited`, naming them if known.
pub fn held(db: &Path, waited: Duration) -> Problem {
    Problem::Held {
        holder: holder(db),
        waited_secs: waited.as_secs_f64().round() as u64,
    }
}

/// What a write that gave up waiting after `waited` tells its user.
pub fn gave_up(db: &Path, waited: Duration) -> Problem {
    Problem::Busy {
        holder: holder(db),
        waited_secs: waited.as_secs_f64().round() as u64,
        screens: SCREENS.with(|s| s.get()),
    }
}

/// The notice for a write that is waiting.
pub fn waiting(db: &Path) -> Problem {
    Problem::Waiting {
        holder: holder(db),
        limit_secs: thread_wait().as_secs_f64().round() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_is_named_while_its_process_runs() {
        let dir = crate::files::private_temp_dir("wijkdesk-holder").unwrap();
        let db = dir.join("x.db");
        assert_eq!(holder(&db), None);
        let guard = announce(&db, "jan", Activity::Import { rows: 40 }).unwrap();
        let h = holder(&db).unwrap();
        assert!(
            matches!(&h, Holder::Writer { who, activity: Activity::Import { rows: 40 }, .. } if who == "jan"),
            "{h:?}"
        );
        assert!(h.to_string().starts_with("jan: import of 40 rows, since "));
        // What a wijkdesk that reads only the second line shows: the English sentence.
        let written = std::fs::read_to_string(holder_path(&db)).unwrap();
        assert_eq!(written.lines().nth(1), Some(h.to_string().as_str()));
        drop(guard);
        assert_eq!(holder(&db), None);
        // A record left by a process that is gone names no one.
        std::fs::write(holder_path(&db), "999999999\nghost: import\n").unwrap();
        assert_eq!(holder(&db), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_record_in_the_older_form_is_shown_as_it_was_written() {
        let dir = crate::files::private_temp_dir("wijkdesk-holder-old").unwrap();
        let db = dir.join("x.db");
        let old = format!(
            "{}\njan: import of organisations, since 21:03\n",
            std::process::id()
        );
        std::fs::write(holder_path(&db), old).unwrap();
        let h = holder(&db).unwrap();
        assert_eq!(
            h,
            Holder::Stated {
                text: "jan: import of organisations, since 21:03".into()
            }
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

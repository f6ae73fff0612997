//! The store: the only module that speaks SQL.
//!
//! One SQLite file, shared by several processes on one server: WAL, `BEGIN IMMEDIATE`
//! for every write, a version on every editable record, an audit row in the same
//! transaction as the change it describes.

mod actions;
mod assign;
mod audit;
mod bulk;
mod check;
mod commitments;
mod complete;
mod csv_io;
mod error;
mod figures;
mod follow_up;
mod inbox;
mod labels;
mod lists;
mod meeting_pages;
mod meetings;
mod minute_reading;
mod minutes;
mod open;
mod org_names;
mod orgs;
mod outbox;
mod people;
mod prepare;
mod privacy;
mod reports;
mod reports_digest;
mod reports_kept;
mod resolve;
mod search;
mod signal_dues;
mod signal_edits;
mod signal_list;
mod signal_merges;
mod signal_record;
mod signals;
mod snapshot;
mod statement;
pub mod testing;
mod timeline;
mod tracker;
mod versioned;
mod vocab;
pub mod waiting;

pub use crate::domain::org::LOAD_THRESHOLD;
pub use crate::domain::signal::{Channel, DEFAULT_FEEDBACK_DAYS};
pub use actions::{Action, ActionFilter, NewAction};
pub use audit::AuditEntry;
pub use bulk::{Bulk, BulkAction, BulkCommitment, BulkSignal};
pub use commitments::{Commitment, CommitmentFilter, CommitmentMove, NewCommitment};
pub use csv_io::{ColumnUse, ExportTable, ImportReport, RowAction, RowPlan, RowProblem};
pub use error::{Result, StoreError, sqlite_problem};
pub(crate) use error::{invalid, problem};
pub use figures::keep_figures;
pub use follow_up::FollowUp;
pub use inbox::{InboxCounts, InboxFilter, InboxKey};
pub use meetings::{
    AgendaItem, AgendaMove, Meeting, MeetingEdit, MeetingOrg, MeetingPerson, MinuteEntry,
    NewMeeting, StoredMinute,
};
pub use minutes::{DeletedMinute, MinuteChange};
pub use open::{APPLICATION_ID, SCHEMA_VERSION, default_db_path};
pub use orgs::{NewOrg, OrgEdit, OrgKind, OrgSummary, Organisation};
pub use outbox::{MailKind, MailStatus, NewMail, NewMeetingMail, OutboxEntry};
pub use people::{NewPerson, Person, PersonEdit};
pub use prepare::{AgendaSource, OpenQuestion, PrepEntry, PrepSection, PrepSignal, Preparation};
pub use privacy::{Erasure, kind_label as erasure_kind_label};
pub use reports::{AnyReport, ReportKind};
pub use reports_digest::{DIGEST_DAYS, Digest, DigestItem, DigestKind, DigestMeeting, MeetingTask};
pub use reports_kept::RecordsPage;
pub use resolve::{Owner, OwnerChoice};
pub use search::{MAX_WORDS, SearchHit, SearchKind, SearchQuery, build_query};
pub use signal_dues::DueMove;
pub use signal_edits::{SignalEdit, signal_edit_fields};
pub use signal_record::Signal;
pub use signals::{
    Feedback, NewFeedback, NewSignal, SignalFilter, SignalRow, TimelineEntry, Triage,
};
pub use tracker::{TrackerFilter, TrackerItem, TrackerKey};
pub use vocab::{NearPair, Term, UnknownTerm};

use crate::domain::{Problem, RecordKind, RecordRef};
use chrono::{Local, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Who is working and what day it is: every write records both.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The name changes are made under (`created_by`, `given_by`, "mine"): the
    /// account, unless `WIJKDESK_USER` overrides it.
    pub user: String,
    /// The operating-system account that runs wijkdesk; the audit trail and the
    /// signal timelines record it beside `user`, whatever the override says.
    pub account: String,
    pub today: NaiveDate,
}

impl Ctx {
    /// `user` working on `today`, on this process's real account.
    pub fn new(user: impl Into<String>, today: NaiveDate) -> Self {
        Ctx {
            user: user.into(),
            account: crate::account::current().to_string(),
            today,
        }
    }

    /// The account of the process (its real uid, via the passwd database) and the
    /// local date. `WIJKDESK_USER` and `WIJKDESK_TODAY` override the acting name and
    /// the day for tests, demos and snapshots; `$USER` and `$LOGNAME` are never read.
    pub fn from_env() -> Self {
        let account = crate::account::current().to_string();
        let user = std::env::var("WIJKDESK_USER")
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| account.clone());
        let today = std::env::var("WIJKDESK_TODAY")
            .ok()
            .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
            .unwrap_or_else(|| Local::now().date_naive());
        Ctx {
            user,
            account,
            today,
        }
    }
}

/// Who did something, as history shows it: the acting name, and the account beside it
/// when the two differ ("demo (account root)"). Rows from before accounts were
/// recorded have none.
pub fn actor_label(user: &str, account: Option<&str>) -> String {
    match account {
        Some(a) if a != user => format!("{user} (account {a})"),
        _ => user.to_string(),
    }
}

thread_local! {
    /// Set while the demo loader replays history: stamps then carry that day.
    static BACKDATE: std::cell::Cell<Option<NaiveDate>> = const { std::cell::Cell::new(None) };
}

/// A moment for audit rows and timelines: UTC, second precision.
pub(crate) fn now_stamp() -> String {
    match BACKDATE.with(|b| b.get()) {
        Some(day) => format!("{}T12:00:00Z", date_str(day)),
        None => Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

pub(crate) fn date_str(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `s` for `LIKE … ESCAPE '\'`: its `%`, `_` and `\` match only themselves.
pub(crate) fn like_escaped(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub(crate) fn parse_date_col(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    ctx: Ctx,
    /// Writes since the last checkpoint, when checkpoints wait for an idle moment
    /// (see [`Store::defer_checkpoints`]); `None` when SQLite checkpoints by itself.
    unchecked_writes: Option<usize>,
    /// The local wall-clock time to work with instead of the real one (tests, demos).
    clock: Option<NaiveDateTime>,
    /// The day the store was opened on, when that was the real day: the clock is then
    /// the real one, also in a session that runs past midnight.
    live_day: Option<NaiveDate>,
    /// Whether writes may add districts, neighbourhoods and themes that are not on
    /// their lists yet (see [`Store::set_accept_new_terms`]).
    accept_new_terms: bool,
    /// Transactions committed with changes on this connection, counted by SQLite's
    /// commit hook: every commit path (`Store::write`, `begin_immediate`, a batch).
    commits: Arc<AtomicU64>,
    /// Whether this connection has made the kept figures' triggers (see
    /// [`figures`]): made before its first write, not when it opens.
    keeps_figures: bool,
    /// Whether [`Store::begin_snapshot`] holds a read transaction open.
    in_snapshot: bool,
}

/// `WIJKDESK_NOW` (`2026-01-27T19:30` or `2026-01-27 19:30`): the local time to use.
fn clock_from_env() -> Option<NaiveDateTime> {
    let s = std::env::var("WIJKDESK_NOW").ok()?;
    let s = s.trim().replacen(' ', "T", 1);
    NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// With deferred checkpoints, a write checkpoints by itself after this many writes,
/// so that a session that is never idle cannot grow the WAL without end.
const CHECKPOINT_AFTER_WRITES: usize = 500;

impl Store {
    /// Open (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path, ctx: Ctx) -> Result<Store> {
        let mut conn = open::open_and_migrate(path)?;
        let commits = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&commits);
        conn.commit_hook(Some(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            // false: let the commit go ahead.
            false
        }))?;
        let ctx_today = ctx.today;
        Ok(Store {
            conn,
            commits,
            path: path.to_path_buf(),
            ctx,
            unchecked_writes: None,
            clock: clock_from_env(),
            live_day: Some(ctx_today).filter(|d| *d == Local::now().date_naive()),
            accept_new_terms: false,
            keeps_figures: false,
            in_snapshot: false,
        })
    }

    /// The local wall-clock time, as meetings' starts are stored. Opened on the real
    /// day, the real time; when the day is set otherwise (`WIJKDESK_TODAY`, the demo's
    /// replay) the end of that day, since only the day is known; `WIJKDESK_NOW` or
    /// [`Store::set_now`] give an exact time.
    pub fn now_local(&self) -> NaiveDateTime {
        if let Some(t) = self.clock {
            return t;
        }
        let now = Local::now().naive_local();
        if self.live_day == Some(self.ctx.today) || now.date() == self.ctx.today {
            now
        } else {
            self.ctx.today.and_hms_opt(23, 59, 59).unwrap_or(now)
        }
    }

    /// Work as if the local time were `now` (`None`: the clock again).
    pub fn set_now(&mut self, now: Option<NaiveDateTime>) {
        self.clock = now;
    }

    /// The time set by [`Store::set_now`] or `WIJKDESK_NOW`, if any.
    pub fn fixed_now(&self) -> Option<NaiveDateTime> {
        self.clock
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// Work as if it were `day` (the demo loader replays history with it); `None`
    /// returns to the real clock and `today`.
    pub fn set_as_of(&mut self, day: Option<NaiveDate>, today: NaiveDate) {
        BACKDATE.with(|b| b.set(day));
        self.ctx.today = day.unwrap_or(today);
    }

    pub fn today(&self) -> NaiveDate {
        self.ctx.today
    }

    pub fn user(&self) -> &str {
        &self.ctx.user
    }

    /// The operating-system account this store's changes are recorded under.
    pub fn account(&self) -> &str {
        &self.ctx.account
    }

    /// Read-only access for queries that live outside the store (reports, benches).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA data_version`: changes when another connection commits (the screens
    /// watch [`Store::change_generation`], which also counts this connection's own).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The change generation: moves whenever a write is committed, on this connection
    /// (by any path) or on another one (another process, a worker thread). A screen
    /// that remembers it knows, by comparing, whether what it shows may be stale; it
    /// never moves for reads. Its value means nothing beyond equality and growth.
    pub fn change_generation(&self) -> Result<u64> {
        let others = self.data_version()?;
        Ok(self.commits.load(Ordering::Relaxed) + others as u64)
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction: all of it or nothing.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>, &Ctx) -> Result<T>) -> Result<T> {
        let started = std::time::Instant::now();
        let path = self.path.clone();
        let busy = |e: StoreError| busy_error(&path, started, e);
        self.close_snapshot();
        self.keep_figures()?;
        let tx = begin_immediate(&mut self.conn, &self.path)?;
        let out = {
            let _terms = vocab::AcceptNewGuard::set(self.accept_new_terms);
            f(&tx, &self.ctx).map_err(busy)?
        };
        tx.commit().map_err(|e| busy(e.into()))?;
        if let Some(n) = self.unchecked_writes.as_mut() {
            *n += 1;
            if *n >= CHECKPOINT_AFTER_WRITES {
                self.checkpoint_if_written()?;
            }
        }
        Ok(out)
    }

    /// `BEGIN IMMEDIATE`, waiting for another user's change as long as this thread
    /// waits (see [`waiting`]); one that takes too long is [`StoreError::Busy`].
    pub(crate) fn begin_immediate(&mut self) -> Result<Transaction<'_>> {
        self.close_snapshot();
        self.keep_figures()?;
        begin_immediate(&mut self.conn, &self.path)
    }

    /// Leave checkpoints to [`Store::checkpoint_if_written`] instead of the commit that
    /// happens to fill the WAL: that commit (a minutes line, say) would otherwise wait
    /// for the checkpoint's copy and fsync, about 50 ms at 100,000 signals, while the
    /// user types. The screens checkpoint on a tick with no key pressed.
    pub fn defer_checkpoints(&mut self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_autocheckpoint = 0;")?;
        self.unchecked_writes = Some(0);
        Ok(())
    }

    /// Hold at most `kib` KiB of database pages in this connection's own cache (SQLite's
    /// default is 2,000 KiB). The screens page through indexes a window at a time and
    /// find the pages in the operating system's file cache, shared by every copy; each
    /// copy's own cache is memory that 50 open screens pay 50 times.
    pub fn limit_page_cache(&self, kib: u32) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{kib};"))?;
        Ok(())
    }

    /// Copy what this connection wrote from the WAL into the database (a passive
    /// checkpoint: it never waits for other users). True when there was something.
    pub fn checkpoint_if_written(&mut self) -> Result<bool> {
        match self.unchecked_writes {
            Some(n) if n > 0 => {
                self.conn
                    .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
                self.unchecked_writes = Some(0);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Counts of every record kind, for `init` and tab captions.
    pub fn count(&self, kind: RecordKind) -> Result<i64> {
        let sql = format!("SELECT count(*) FROM {}", kind.table());
        Ok(self.conn.query_row(&sql, [], |r| r.get(0))?)
    }

    /// True when nothing but the schema is there: the screens then offer the demo.
    /// Asked on every refresh: two `count(*)` over a million signals took 9 ms of each
    /// first frame and refresh; whether a first row exists is one seek.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM organisation) AND NOT EXISTS (SELECT 1 FROM signal)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Make sure a record exists, with a message that names it if not.
    pub fn exists(&self, r: RecordRef) -> Result<()> {
        exists(&self.conn, r)
    }

    /// A consistent copy while others keep working (`VACUUM INTO`).
    ///
    /// The copy is written to a new private file with an unguessable name beside the
    /// target and only given the target's name when it is complete and on disk, by a
    /// hard link that fails if anything (a file, a planted link) took the name in the
    /// meantime. A failed copy (a full disk, a file-size limit) removes its file, and
    /// one cut off by a crash is a hidden `.name-….tmp`: neither blocks the next backup.
    pub fn backup(&self, to: &Path) -> Result<()> {
        if std::fs::symlink_metadata(to).is_ok() {
            return Err(invalid(Problem::FileExists {
                path: to.display().to_string(),
            }));
        }
        let dir = match to.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let name = to
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                invalid(Problem::NotAFileName {
                    path: to.display().to_string(),
                })
            })?;
        let (tmp, _) =
            crate::files::unique_new(&dir, &format!(".{name}"), ".tmp").map_err(|e| {
                invalid(Problem::CannotCreateIn {
                    dir: dir.display().to_string(),
                    error: e.to_string(),
                })
            })?;
        let copied = (|| -> Result<()> {
            let target = tmp.to_str().ok_or_else(|| invalid(Problem::PathNotUtf8))?;
            // VACUUM INTO fills the existing empty file and keeps its mode (0600).
            self.conn.execute("VACUUM INTO ?1", [target]).map_err(|e| {
                invalid(Problem::CannotWrite {
                    path: to.display().to_string(),
                    error: e.to_string(),
                    disk_full_hint: true,
                })
            })?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| {
                    invalid(Problem::CannotWrite {
                        path: to.display().to_string(),
                        error: e.to_string(),
                        disk_full_hint: false,
                    })
                })?;
            let placed = match std::fs::hard_link(&tmp, to) {
                // A file system without hard links (a FAT memory stick): rename.
                Err(e)
                    if e.kind() != std::io::ErrorKind::AlreadyExists
                        && std::fs::symlink_metadata(to).is_err() =>
                {
                    std::fs::rename(&tmp, to)
                }
                other => other,
            };
            placed.map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    invalid(Problem::FileExists {
                        path: to.display().to_string(),
                    })
                } else {
                    invalid(Problem::CannotCreate {
                        path: to.display().to_string(),
                        error: e.to_string(),
                    })
                }
            })
        })();
        let _ = std::fs::remove_file(&tmp);
        copied
    }
}

fn begin_immediate<'c>(conn: &'c mut Connection, path: &Path) -> Result<Transaction<'c>> {
    let started = std::time::Instant::now();
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| busy_error(path, started, e.into()))
}

/// A lock wait that ran out, in words; other errors as they are.
fn busy_error(db: &Path, started: std::time::Instant, e: StoreError) -> StoreError {
    match e {
        StoreError::Sqlite(ref s)
            if matches!(
                s.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            StoreError::Busy(waiting::gave_up(db, started.elapsed()))
        }
        e => e,
    }
}

/// EXPLAIN QUERY PLAN of `sql`, one line a step: the tests that pin a list's plan
/// read it.
pub(crate) fn query_plan(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<String> {
    let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let lines = st
        .query_map(params, |r| r.get::<_, String>(3))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.join("\n"))
}

pub(crate) fn exists(conn: &Connection, r: RecordRef) -> Result<()> {
    let sql = format!("SELECT 1 FROM {} WHERE id = ?1", r.kind.table());
    let found: Option<i64> = conn
        .query_row(&sql, [r.id], |row| row.get(0))
        .map(Some)
        .or_else(|e| {
            if e == rusqlite::Error::QueryReturnedNoRows {
                Ok(None)
            } else {
                Err(e)
            }
        })?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(r.to_string())),
    }
}

/// Split a comma-separated list column.
pub(crate) fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

pub(crate) fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}

/// Optional query result.
pub(crate) trait OptionalExt<T> {
    fn optional(self) -> rusqlite::Result<Option<T>>;
}

impl<T> OptionalExt<T> for rusqlite::Result<T> {
    fn optional(self) -> rusqlite::Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

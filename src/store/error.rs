//! What can go wrong in the store, and how SQLite's own errors are said to a user.

use super::UnknownTerm;
use crate::domain::{Problem, Refusal};

/// Everything that can go wrong in the store, each with a message a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record (its reference, e.g. "S-12") is not there.
    #[error("{}", Problem::NotFound { reference: _0.clone() })]
    NotFound(String),
    /// Someone else changed what this edit read.
    #[error("{0}")]
    Conflict(Problem),
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0}")]
    Invalid(Problem),
    /// A district, neighbourhood or theme that is not on its kept list.
    #[error("{0}")]
    UnknownTerm(UnknownTerm),
    /// A file that is not a wijkdesk database, or one of a newer wijkdesk.
    #[error("{0}")]
    NotWijkdesk(Problem),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file system refused (a read-only folder, a lock, a sync): which file, what
    /// was being done, and the system's own words.
    #[error("{0}")]
    Io(Problem),
    /// Another user's change held the write lock longer than this one would wait;
    /// nothing was written.
    #[error("{0}")]
    Busy(Problem),
}

impl StoreError {
    /// True when the write gave up waiting for another user's change.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy(_) => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }
}

impl StoreError {
    /// What went wrong as a [`Problem`], for a report that lists several (CSV rows).
    pub fn into_problem(self) -> Problem {
        match self {
            StoreError::Invalid(p)
            | StoreError::Conflict(p)
            | StoreError::Busy(p)
            | StoreError::Io(p)
            | StoreError::NotWijkdesk(p) => p,
            StoreError::Refused(r) => r.0,
            StoreError::NotFound(reference) => Problem::NotFound { reference },
            StoreError::UnknownTerm(u) => u.problem(),
            StoreError::Sqlite(e) => sqlite_problem(&e),
        }
    }
}

/// What SQLite said, as a [`Problem`]: the kind of trouble, and its own text.
pub fn sqlite_problem(e: &rusqlite::Error) -> Problem {
    use crate::domain::problem::DbTrouble as D;
    use rusqlite::ErrorCode as C;
    // SQLite's "disk I/O error" when the shared index (`-shm`) cannot grow with the WAL:
    // on a local disk, that is a disk without room.
    let shm_full = matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE);
    let trouble = match e.sqlite_error_code() {
        _ if shm_full => D::DiskFull,
        Some(C::DatabaseBusy | C::DatabaseLocked) => D::Busy,
        Some(C::ReadOnly) => D::ReadOnly,
        Some(C::DiskFull) => D::DiskFull,
        Some(C::NotADatabase) => D::NotADatabase,
        Some(C::CannotOpen) => D::CannotOpen,
        Some(C::DatabaseCorrupt) => D::Corrupt,
        _ => D::Other,
    };
    Problem::Database {
        trouble,
        error: e.to_string(),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) fn invalid(problem: Problem) -> StoreError {
    StoreError::Invalid(problem)
}

/// A domain rule's refusal of a value the user gave (a bad address, a date in the
/// past): invalid input, as when the store checked it itself.
pub(crate) fn problem(r: Refusal) -> StoreError {
    StoreError::Invalid(r.0)
}

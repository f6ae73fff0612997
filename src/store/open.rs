//! Opening a database file: creation with owner-only permissions, the application id,
//! migrations from `schema/`, and the pragmas every connection needs.

use super::{Result, StoreError};
use crate::domain::Problem;
use rusqlite::{Connection, OpenFlags};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// "WIJK" in ASCII: marks a file as a wijkdesk database.
pub const APPLICATION_ID: i32 = 0x5749_4A4B;

/// The numbered migrations, applied in order; `user_version` says how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../../schema/001_init.sql"),
    include_str!("../../schema/002_search.sql"),
    include_str!("../../schema/003_links.sql"),
    include_str!("../../schema/004_report_indexes.sql"),
    include_str!("../../schema/005_search_vocab.sql"),
    include_str!("../../schema/006_org_figures.sql"),
    include_str!("../../schema/007_list_pages.sql"),
    include_str!("../../schema/008_inbox_counts.sql"),
    include_str!("../../schema/009_promises.sql"),
    include_str!("../../schema/010_actor.sql"),
    include_str!("../../schema/011_meeting_versions.sql"),
    include_str!("../../schema/012_vocab.sql"),
    include_str!("../../schema/013_cadence.sql"),
    include_str!("../../schema/014_outbox.sql"),
    include_str!("../../schema/015_calendar.sql"),
    include_str!("../../schema/016_report_figures.sql"),
    include_str!("../../schema/017_list_order.sql"),
    include_str!("../../schema/019_signal_moves.sql"),
    include_str!("../../schema/020_minute_links.sql"),
    include_str!("../../schema/021_refresh_lookups.sql"),
    include_str!("../../schema/022_report_ledger.sql"),
    include_str!("../../schema/023_open_signal_total.sql"),
    include_str!("../../schema/024_open_commitment_total.sql"),
    include_str!("../../schema/025_figures_kept_by_writers.sql"),
    include_str!("../../schema/026_facts_kept_by_writers.sql"),
    include_str!("../../schema/027_inbox_rows_in_index.sql"),
    include_str!("../../schema/028_inbox_names.sql"),
    include_str!("../../schema/029_feedback_days_by_month.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `--db`, else `$WIJKDESK_DB`, else `wijkdesk.db` in the user's data directory.
pub fn default_db_path() -> PathBuf {
    if let Ok(p) = std::env::var("WIJKDESK_DB")
        && !p.trim().is_empty()
    {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("nl", "wijkdesk", "wijkdesk")
        .map(|d| d.data_dir().join("wijkdesk.db"))
        .unwrap_or_else(|| PathBuf::from("wijkdesk.db"))
}

pub(super) fn open_and_migrate(path: &Path) -> Result<Connection> {
    open_and_migrate_inner(path).map_err(|e| {
        if let StoreError::Sqlite(inner) = &e
            && inner.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt)
        {
            return damaged(path, inner);
        }
        let text = e.to_string();
        let about_writing = [
            "readonly",
            "read-only",
            "unable to open",
            "Permission denied",
        ]
        .iter()
        .any(|w| text.contains(w));
        // A full disk: SQLite says "disk I/O error" when it cannot make room for its
        // shared index (`-shm`), which every connection needs, even one that only reads.
        let about_room = ["disk I/O error", "database or disk is full"]
            .iter()
            .any(|w| text.contains(w));
        if let Some(why) = read_only_place(path).filter(|_| about_writing) {
            return StoreError::Io(why);
        }
        match no_room(path).filter(|_| about_room || about_writing) {
            Some(why) => StoreError::Io(why),
            None => e,
        }
    })
}

/// Less than this free for the user where the database is, and an error on opening it
/// is taken to be the disk's being full: a WAL database needs 32 KiB for its shared
/// index and room for the write-ahead log.
const ROOM_NEEDED: u64 = 1024 * 1024;

/// The disk's being full where the database is, in words, if that is the trouble.
fn no_room(path: &Path) -> Option<Problem> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let place = if path.exists() { path } else { folder_of(path) };
        let c = std::ffi::CString::new(place.as_os_str().as_bytes()).ok()?;
        // SAFETY: a valid NUL-terminated path and a zeroed struct for statvfs() to fill.
        let mut fs: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(c.as_ptr(), &mut fs) } != 0 {
            return None;
        }
        // What an unprivileged user may still write (root's reserve left out).
        // Both are u64 on 64-bit Linux and narrower elsewhere.
        let free = (fs.f_bavail as u64).saturating_mul(fs.f_frsize as u64);
        if free < ROOM_NEEDED {
            return Some(Problem::NoSpace {
                path: path.display().to_string(),
                free,
            });
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

/// The folder a database file is in: "." for a bare file name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Why wijkdesk cannot write where the database is, in words, if that is the trouble:
/// SQLite's own "attempt to write a readonly database" does not say what to fix.
fn read_only_place(path: &Path) -> Option<Problem> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let writable = |p: &Path| {
            let Ok(c) = std::ffi::CString::new(p.as_os_str().as_bytes()) else {
                return true;
            };
            // SAFETY: a valid NUL-terminated path; access() only reads it.
            unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
        };
        let dir = folder_of(path);
        if path.exists() && !writable(path) {
            return Some(Problem::ReadOnlyPlace {
                path: path.display().to_string(),
                folder: false,
            });
        }
        if dir.is_dir() && !writable(dir) {
            return Some(Problem::ReadOnlyPlace {
                path: dir.display().to_string(),
                folder: true,
            });
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    None
}

fn open_and_migrate_inner(path: &Path) -> Result<Connection> {
    if path.is_dir() {
        return Err(StoreError::Io(Problem::IsADirectory {
            path: path.display().to_string(),
        }));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::create_dir_private(dir).map_err(|e| io(Doing::Create, dir, e))?;
    }
    // Fast path: an existing, current database needs no lock.
    if path.exists() {
        let conn = connect(path)?;
        check_identity(&conn, path)?;
        if user_version(&conn)? == SCHEMA_VERSION {
            ensure_wal(&conn, path)?;
            return Ok(conn);
        }
    }
    // First open and migrations race between processes: serialise them on a side file.
    let lock = lock_file(path)?;
    create_owner_only(path)?;
    let mut conn = connect(path)?;
    check_identity(&conn, path)?;
    ensure_wal(&conn, path)?;
    migrate(&mut conn)?;
    drop(lock);
    Ok(conn)
}

fn connect(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|e| io(Doing::Open, path, e))?;
    conn.busy_handler(Some(super::waiting::retry_while_busy))?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;",
    )
    .map_err(|e| not_a_database(path, e))?;
    Ok(conn)
}

fn not_a_database(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotWijkdesk(Problem::NotSqlite {
            path: path.display().to_string(),
        }),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => damaged(path, &e),
        _ => io(Doing::Open, path, e),
    }
}

/// A file SQLite cannot read as it opens it: what to do about it, not only "malformed".
fn damaged(path: &Path, e: &rusqlite::Error) -> StoreError {
    StoreError::Io(Problem::Damaged {
        path: path.display().to_string(),
        error: e.to_string(),
    })
}

/// What was being done to a file when the system refused.
#[derive(Clone, Copy)]
enum Doing {
    Create,
    Open,
    Lock,
}

/// The file system's refusal of `path` while `doing`, with the system's own words.
fn io(doing: Doing, path: &Path, e: impl std::fmt::Display) -> StoreError {
    let (path, error) = (path.display().to_string(), e.to_string());
    StoreError::Io(match doing {
        Doing::Create => Problem::CannotCreate { path, error },
        Doing::Open => Problem::CannotOpen { path, error },
        Doing::Lock => Problem::CannotLock { path, error },
    })
}

/// Refuse files that belong to another application.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| not_a_database(path, e))?;
    if app == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if app == 0 && tables == 0 {
        return Ok(()); // a new, empty file: ours to initialise
    }
    Err(StoreError::NotWijkdesk(Problem::OtherApplication {
        path: path.display().to_string(),
    }))
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn ensure_wal(conn: &Connection, path: &Path) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Io(Problem::NoWal {
            path: path.display().to_string(),
            mode,
        }));
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let from: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if from > SCHEMA_VERSION {
        return Err(StoreError::NotWijkdesk(Problem::SchemaNewer {
            found: from,
            understood: SCHEMA_VERSION,
        }));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    tx.commit()?;
    Ok(())
}

/// Exclusive locks held while the file is created and migrated: on `<db>.lock`, and
/// on the database file itself once it exists. A lock file that this account may not
/// open at all (made by a colleague before the database was opened to the group) is
/// left to its owner; the lock on the database, which every member of the team may
/// open, still keeps two upgrades apart. (`flock` does not touch SQLite's own locks.)
fn lock_file(path: &Path) -> Result<Vec<File>> {
    let mut held = Vec::new();
    match lock_side_file(path) {
        Ok(f) => held.push(f),
        Err(e) if !path.exists() => return Err(e),
        Err(_) => {}
    }
    if path.exists() {
        let db = File::open(path).map_err(|e| io(Doing::Open, path, e))?;
        db.lock().map_err(|e| io(Doing::Lock, path, e))?;
        held.push(db);
    }
    Ok(held)
}

/// The side file `<db>.lock`, locked.
fn lock_side_file(path: &Path) -> Result<File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    // The lock follows the database's group permissions (docs/operations.md, the team
    // set-up): a second member of staff must be able to take it during an upgrade.
    let mode = lock_mode(path);
    let opened = owner_only_options(mode)
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        // A lock file another account created narrower than the database: a shared
        // lock on a read-only descriptor excludes just the same (flock).
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::PermissionDenied && lock_path.exists() {
                OpenOptions::new().read(true).open(&lock_path)
            } else {
                Err(e)
            }
        });
    let file = opened.map_err(|e| io(Doing::Create, &lock_path, e))?;
    #[cfg(unix)]
    {
        // Widen an older lock file of ours to the database's group, and give it the
        // database's group when the folder did not (no set-group-id bit); best effort:
        // the owner may change a file's group only to one of their own groups.
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if let Ok(m) = file.metadata() {
            if m.permissions().mode() & 0o777 != mode {
                let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
            }
            if mode & 0o060 != 0
                && let Ok(db_meta) = std::fs::metadata(path)
                && db_meta.gid() != m.gid()
            {
                let _ = std::os::unix::fs::fchown(&file, None, Some(db_meta.gid()));
            }
        }
    }
    file.lock().map_err(|e| io(Doing::Lock, &lock_path, e))?;
    Ok(file)
}

/// A database file that wijkdesk creates is readable by its owner only.
fn create_owner_only(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    owner_only_options(0o600)
        .write(true)
        .create_new(true)
        .open(path)
        .map(|_| ())
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Ok(())
            } else {
                Err(e)
            }
        })
        .map_err(|e| io(Doing::Create, path, e))
}

/// 0600, plus the group's read and write bits when the database grants them.
fn lock_mode(db: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let group = std::fs::metadata(db)
            .map(|m| m.permissions().mode() & 0o060)
            .unwrap_or(0);
        0o600 | group
    }
    #[cfg(not(unix))]
    {
        let _ = db;
        0o600
    }
}

/// New files are created with `mode` and never through a symbolic link.
fn owner_only_options(mode: u32) -> OpenOptions {
    let mut o = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(mode).custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    let _ = mode;
    o
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_lock_file_follows_the_databases_group() {
        let dir = crate::files::private_temp_dir("wijkdesk-lock-test").unwrap();
        let db = dir.join("team.db");
        let lock_path = dir.join("team.db.lock");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;

        // Made by `init` before the database exists: the owner's only.
        drop(lock_file(&db).unwrap());
        assert_eq!(mode(&lock_path), 0o600);

        // The team set-up opens the database to the group; the lock follows it.
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();
        drop(lock_file(&db).unwrap());
        assert_eq!(mode(&lock_path), 0o660);

        // A database whose group is not the folder's: the lock takes the database's.
        let team_gid = if unsafe { libc::geteuid() } == 0 {
            4242
        } else {
            unsafe { libc::getegid() }
        };
        std::os::unix::fs::chown(&db, None, Some(team_gid)).unwrap();
        std::fs::remove_file(&lock_path).unwrap();
        drop(lock_file(&db).unwrap());
        assert_eq!(mode(&lock_path), 0o660);
        {
            use std::os::unix::fs::MetadataExt;
            assert_eq!(std::fs::metadata(&lock_path).unwrap().gid(), team_gid);
        }

        // Another account's lock file that this one may only read still locks.
        std::fs::set_permissions(&lock_path, std::fs::Permissions::from_mode(0o440)).unwrap();
        drop(lock_file(&db).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! Opening a database file: creation, migration, identity, permissions, integrity.
//! Every test works on a real file in its own temporary directory.

mod support;

use rusqlite::Connection;
use std::path::Path;
use support::{
    TempDb, bytes, count, ctx, pragma_i64, pragma_text, raw_plain, residents, sibling, tables,
};
use wijkdesk::domain::RecordKind;
use wijkdesk::store::{self, NewSignal, Store, StoreError};

const EXPECTED_TABLES: &[&str] = &[
    "action",
    "agenda_item",
    "audit",
    "commitment",
    "commitment_move",
    "feedback",
    "meeting",
    "meeting_org",
    "meeting_person",
    "minute",
    "minute_draft",
    "organisation",
    "person",
    "signal",
    "signal_event",
];

fn open_err(path: &Path) -> StoreError {
    match Store::open(path, ctx("anna")) {
        Ok(_) => panic!(
            "{} was opened, but should have been refused",
            path.display()
        ),
        Err(e) => e,
    }
}

/// Nothing but the file itself (and no -wal, -shm or -journal that SQLite would leave
/// after writing) is in the directory.
fn assert_no_sqlite_side_files(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = sibling(path, suffix);
        assert!(
            !side.exists(),
            "{} was created next to a file wijkdesk refused",
            side.display()
        );
    }
}

#[test]
fn migrate_from_empty_creates_the_schema_and_sets_the_pragmas() {
    let db = TempDb::new();
    assert!(!db.path.exists());
    let mut store = db.open("anna");
    assert!(db.path.exists());

    // On the store's own connection.
    let conn = store.conn();
    let found = tables(conn);
    for t in EXPECTED_TABLES {
        assert!(
            found.iter().any(|f| f == t),
            "table {t} missing; found {found:?}"
        );
    }
    assert_eq!(pragma_i64(conn, "user_version"), store::SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(conn, "application_id"),
        i64::from(store::APPLICATION_ID)
    );
    assert_eq!(pragma_text(conn, "journal_mode").to_lowercase(), "wal");
    assert_eq!(
        pragma_i64(conn, "foreign_keys"),
        1,
        "foreign keys must be enforced on every connection"
    );
    // Enforced, not only switched on: a person in an organisation that does not exist.
    store.keep_figures().expect("keep figures");
    let conn = store.conn();
    let err = conn
        .execute(
            "INSERT INTO person (name, org_id, created_at, updated_at) VALUES ('Anna', 999, 'x', 'x')",
            [],
        )
        .expect_err("a dangling foreign key must be refused");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    assert!(store.is_empty().expect("is_empty"));
    for kind in RecordKind::ALL {
        assert_eq!(store.count(kind).expect("count"), 0, "{kind:?}");
    }

    // In the file itself, seen by another connection: the marks persist.
    let other = db.raw();
    assert_eq!(pragma_i64(&other, "user_version"), store::SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(&other, "application_id"),
        i64::from(store::APPLICATION_ID)
    );
    assert_eq!(
        pragma_text(&other, "journal_mode").to_lowercase(),
        "wal",
        "WAL is a property of the file"
    );
    assert_eq!(store::APPLICATION_ID, 0x5749_4A4B, "\"WIJK\" in ASCII");
}

#[test]
fn bundled_sqlite_has_the_wal_reset_fix() {
    // ENGINEERING.md: SQLite before 3.51.3 can corrupt a database when two connections
    // write or checkpoint at once.
    let v = rusqlite::version_number();
    assert!(
        v >= 3_051_003,
        "bundled SQLite {} is older than 3.51.3",
        rusqlite::version()
    );
}

#[test]
fn reopening_keeps_the_data_and_does_not_migrate_again() {
    let db = TempDb::new();
    let (org, signal) = {
        let mut store = db.open("anna");
        let org = residents(&mut store, "Wijkberaad Duinoord");
        let signal = store
            .add_signal(NewSignal {
                title: "Losse stoeptegels bij de school".into(),
                org_id: Some(org.id),
                theme: Some("#Verkeer".into()),
                ..Default::default()
            })
            .expect("add signal");
        (org, signal)
    };
    let before_history = {
        let store = db.open("bram");
        assert_eq!(store.org(org.id).expect("org after reopen"), org);
        assert_eq!(
            store.signal(signal.id).expect("signal after reopen"),
            signal
        );
        assert_eq!(signal.theme.as_deref(), Some("verkeer"));
        assert_eq!(store.count(RecordKind::Organisation).expect("count"), 1);
        assert_eq!(store.count(RecordKind::Signal).expect("count"), 1);
        assert!(!store.is_empty().expect("is_empty"));
        store.history(signal.reference()).expect("history")
    };
    assert_eq!(before_history.len(), 1);
    assert_eq!(before_history[0].user, "anna");
    // A third open, still the same schema version and the same rows.
    let store = db.open("cor");
    assert_eq!(
        pragma_i64(store.conn(), "user_version"),
        store::SCHEMA_VERSION
    );
    assert_eq!(
        support::audit_rows(store.conn()),
        2,
        "one create for the org, one for the signal"
    );
    assert!(store.check().expect("check").is_empty());
}

/// A file of another application: one made with rusqlite, with its own table.
fn foreign_sqlite(path: &Path, application_id: Option<i32>, with_table: bool) {
    let conn = Connection::open(path).expect("create foreign file");
    if with_table {
        conn.execute_batch(
            "CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
             INSERT INTO recipe (name) VALUES ('erwtensoep'), ('stamppot');",
        )
        .expect("foreign schema");
    }
    if let Some(id) = application_id {
        conn.execute_batch(&format!("PRAGMA application_id = {id}"))
            .expect("foreign application id");
    }
    conn.close().expect("close foreign file");
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_byte_for_byte_unchanged() {
    let cases: &[(&str, Option<i32>, bool)] = &[
        ("no application id, own table", None, true),
        ("other application id, own table", Some(0x1234_5678), true),
        ("other application id, no tables", Some(0x1234_5678), false),
    ];
    for (what, app_id, with_table) in cases {
        let db = TempDb::new();
        foreign_sqlite(&db.path, *app_id, *with_table);
        let original = bytes(&db.path);
        let err = open_err(&db.path);
        match &err {
            StoreError::NotWijkdesk(problem) => {
                let msg = problem.to_string();
                assert!(
                    msg.contains(&db.path.display().to_string()),
                    "{what}: the message names the file: {msg}"
                );
                assert!(msg.contains("not a wijkdesk database"), "{what}: {msg}");
            }
            other => panic!("{what}: expected NotWijkdesk, got {other:?}"),
        }
        assert_eq!(
            bytes(&db.path),
            original,
            "{what}: the foreign file was modified"
        );
        assert_no_sqlite_side_files(&db.path);
        // Still the other application's file, as it was.
        let conn = raw_plain(&db.path);
        assert_eq!(pragma_i64(&conn, "user_version"), 0, "{what}");
        assert_eq!(
            pragma_i64(&conn, "application_id"),
            i64::from(app_id.unwrap_or(0)),
            "{what}"
        );
        assert_eq!(
            pragma_text(&conn, "journal_mode").to_lowercase(),
            "delete",
            "{what}: journal mode changed"
        );
        assert!(
            !tables(&conn).iter().any(|t| t == "signal"),
            "{what}: wijkdesk tables were added"
        );
    }
}

/// Deterministic noise that does not start with the SQLite header.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_with_a_clear_message_and_left_unchanged() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random bytes", noise(8192)),
        ("a few random bytes", noise(37)),
        (
            "text",
            b"naam,telefoon\nAnna de Vries,070-1234567\nBram Jansen,06-12345678\n".to_vec(),
        ),
        ("one line of text", b"hello\n".to_vec()),
    ];
    for (what, content) in cases {
        assert!(!content.starts_with(b"SQLite format 3\0"));
        let db = TempDb::new();
        std::fs::write(&db.path, &content).expect("write non-SQLite file");
        let err = open_err(&db.path);
        let msg = err.to_string();
        assert!(
            matches!(err, StoreError::NotWijkdesk(_)),
            "{what}: expected NotWijkdesk, got {err:?}"
        );
        assert!(
            msg.contains(&db.path.display().to_string()),
            "{what}: the message names the file: {msg}"
        );
        assert!(msg.contains("not a wijkdesk database"), "{what}: {msg}");
        assert!(
            msg.contains("not an SQLite file"),
            "{what}: the message says why: {msg}"
        );
        assert!(!msg.contains('\n'), "{what}: one line: {msg}");
        assert_eq!(bytes(&db.path), content, "{what}: the file was modified");
        assert_no_sqlite_side_files(&db.path);
    }
}

#[test]
fn a_newer_schema_version_is_refused_and_left_alone() {
    let db = TempDb::new();
    {
        let mut store = db.open("anna");
        residents(&mut store, "Wijkberaad Duinoord");
    }
    let newer = store::SCHEMA_VERSION + 1;
    {
        let conn = db.raw();
        conn.execute_batch(&format!("PRAGMA user_version = {newer}"))
            .expect("bump user_version");
        conn.close().expect("close");
    }
    let original = bytes(&db.path);
    let err = open_err(&db.path);
    let msg = err.to_string();
    assert!(
        matches!(err, StoreError::NotWijkdesk(_)),
        "expected NotWijkdesk, got {err:?}"
    );
    assert!(msg.contains(&format!("schema version {newer}")), "{msg}");
    assert!(
        msg.contains("upgrade wijkdesk"),
        "the message says what to do: {msg}"
    );
    assert_eq!(
        bytes(&db.path),
        original,
        "a newer file must not be modified"
    );
    let conn = db.raw();
    assert_eq!(pragma_i64(&conn, "user_version"), newer);
    assert_eq!(count(&conn, "SELECT count(*) FROM organisation"), 1);
}

#[test]
fn a_directory_is_refused_with_a_clear_message() {
    let db = TempDb::new();
    std::fs::create_dir(&db.path).expect("mkdir");
    let err = open_err(&db.path);
    assert!(matches!(err, StoreError::Io(_)), "{err:?}");
    assert!(err.to_string().contains("is a directory"), "{err}");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[test]
fn a_new_database_file_and_its_wal_are_readable_by_the_owner_only() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    // A write makes sure the -wal and -shm files exist while the store is open.
    residents(&mut store, "Wijkberaad Duinoord");
    let wal = sibling(&db.path, "-wal");
    let shm = sibling(&db.path, "-shm");
    assert!(wal.exists(), "WAL file expected while the store is open");
    assert_eq!(mode(&db.path), 0o600, "database file");
    assert_eq!(
        mode(&wal) & 0o077,
        0,
        "the -wal file holds recent writes: mode {:o}",
        mode(&wal)
    );
    assert_eq!(mode(&shm) & 0o077, 0, "-shm mode {:o}", mode(&shm));
    let lock = sibling(&db.path, ".lock");
    if lock.exists() {
        assert_eq!(mode(&lock) & 0o077, 0, ".lock mode {:o}", mode(&lock));
    }
    drop(store);
}

#[cfg(unix)]
#[test]
fn a_new_database_is_owner_only_even_under_umask_000() {
    // Without an explicit mode, SQLite would create the file 0666 & ~umask. Run the
    // creation in a child whose umask is 000 so that only wijkdesk's own mode counts.
    let db = TempDb::new();
    let out = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_wijkdesk-test-helper"))
        .arg("umask-open")
        .arg(&db.path)
        .output()
        .expect("spawn worker");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "worker failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("MODES"))
        .unwrap_or_else(|| panic!("no MODES line in {stdout}"));
    let modes: Vec<(&str, u32)> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k, u32::from_str_radix(v, 8).expect("octal mode")))
        .collect();
    assert!(modes.iter().any(|(k, _)| *k == "db"), "{line}");
    assert!(
        modes.iter().any(|(k, _)| *k == "wal"),
        "the worker saw its -wal file: {line}"
    );
    for (k, m) in &modes {
        assert_eq!(
            m & 0o077,
            0,
            "{k} is readable by others under umask 000: {line}"
        );
    }
    assert_eq!(
        modes.iter().find(|(k, _)| *k == "db").map(|(_, m)| *m),
        Some(0o600),
        "{line}"
    );
    // And the database the child made is sound.
    let store = db.open("anna");
    assert_eq!(store.count(RecordKind::Organisation).expect("count"), 1);
}

#[cfg(unix)]
#[test]
fn a_backup_is_owner_only_and_complete() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    residents(&mut store, "Wijkberaad Duinoord");
    let copy = db.dir.path().join("copy.db");
    store.backup(&copy).expect("backup");
    assert_eq!(mode(&copy), 0o600);
    let err = store.backup(&copy).expect_err("a backup never overwrites");
    assert!(err.to_string().contains("exists already"), "{err}");
    let restored = Store::open(&copy, ctx("bram")).expect("open backup");
    assert_eq!(restored.count(RecordKind::Organisation).expect("count"), 1);
    assert!(restored.check().expect("check").is_empty());
}

#[test]
fn check_is_empty_on_a_sound_file_and_reports_a_broken_reference() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    let org = residents(&mut store, "Wijkberaad Duinoord");
    store
        .add_signal(NewSignal {
            title: "Zwerfvuil".into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .expect("signal");
    assert_eq!(store.check().expect("check"), Vec::<String>::new());

    // Break a reference behind the store's back (foreign keys off on this connection):
    // check() must notice, so an empty answer above means something.
    let conn = db.raw();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         UPDATE signal SET org_id = 4242;",
    )
    .expect("break a reference");
    let problems = store.check().expect("check");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("foreign key") && problems[0].contains("signal"),
        "{problems:?}"
    );
}

/// With checkpoints deferred (as the screens run), a commit never copies the WAL into
/// the database; `checkpoint_if_written` does, and only when this connection wrote.
/// Past CHECKPOINT_AFTER_WRITES (500) writes without an idle moment, a write does it.
#[test]
fn deferred_checkpoints_wait_for_the_idle_tick() {
    let db = TempDb::new();
    let mut store = db.open("lotte");
    store.defer_checkpoints().unwrap();
    assert!(
        !store.checkpoint_if_written().unwrap(),
        "nothing written yet"
    );
    let size = |suffix: &str| {
        std::fs::metadata(format!("{}{suffix}", db.path.display()))
            .map(|m| m.len())
            .unwrap()
    };
    let db_before = size("");
    for n in 0..300 {
        residents(&mut store, &format!("Bewonersgroep {n}"));
    }
    // SQLite's own checkpoint would have started the WAL over at 1,000 pages.
    let page = support::pragma_i64(&db.raw(), "page_size") as u64;
    assert!(
        size("-wal") > 1000 * (page + 24),
        "the WAL grew past SQLite's threshold: {} bytes",
        size("-wal")
    );
    assert_eq!(
        size(""),
        db_before,
        "no commit copied pages into the database"
    );
    assert!(
        store.checkpoint_if_written().unwrap(),
        "this connection wrote"
    );
    let db_after = size("");
    assert!(db_after > db_before, "the checkpoint copied the pages");
    assert!(!store.checkpoint_if_written().unwrap(), "nothing new since");
    // Never idle: the 500th write checkpoints by itself.
    for n in 300..800 {
        residents(&mut store, &format!("Bewonersgroep {n}"));
    }
    assert!(size("") > db_after, "a write checkpointed after 500 writes");
}

#[test]
fn a_shared_index_that_cannot_grow_is_a_full_disk() {
    use rusqlite::ffi;
    use wijkdesk::domain::Problem;
    use wijkdesk::domain::problem::DbTrouble;
    let said = |code| match store::sqlite_problem(&rusqlite::Error::SqliteFailure(
        ffi::Error::new(code),
        None,
    )) {
        Problem::Database { trouble, .. } => trouble,
        other => panic!("{other:?}"),
    };
    // SQLite's "disk I/O error" when the `-shm` cannot be made larger: the disk is full.
    assert_eq!(said(ffi::SQLITE_IOERR_SHMSIZE), DbTrouble::DiskFull);
    assert_eq!(said(ffi::SQLITE_FULL), DbTrouble::DiskFull);
    // Any other I/O error keeps SQLite's own words.
    assert_eq!(said(ffi::SQLITE_IOERR_READ), DbTrouble::Other);
}

//! The one helper module of the integration tests (`mod support;` in a test file):
//! store helpers here (real temporary database files, fixed dates, a dump of every
//! row so that "nothing changed" can be checked exactly), and for other kinds of test
//! [`cli`] (the `wijkdesk` command on a temporary database), [`screens`] (the screens
//! in-process), [`e2e`] (the binary in tmux), [`smtp_server`] (a real SMTP server) and
//! [`golden`] (golden files).
//! Child processes that a test starts live in the test-only `wijkdesk-test-helper`
//! binary (tests/helper), not here.

#![allow(dead_code)] // each test file uses a different part of this module

pub mod cli;
pub mod e2e;
pub mod golden;
pub mod screens;
pub mod smtp_server;

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use wijkdesk::store::{Ctx, NewOrg, NewPerson, Organisation, Owner, Person, Store, Triage};

/// The day the tests live on, so that due dates and outcomes do not depend on the clock.
pub fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 1).expect("valid date")
}

pub fn days(n: i64) -> NaiveDate {
    day0() + Duration::days(n)
}

pub fn ctx(user: &str) -> Ctx {
    Ctx::new(user, day0())
}

pub fn ctx_on(user: &str, today: NaiveDate) -> Ctx {
    Ctx::new(user, today)
}

/// A temporary directory with one database path in it (not created yet).
pub struct TempDb {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new() -> TempDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("wijkdesk.db");
        TempDb { dir, path }
    }

    /// A store handle on this file for `user`, on day 0. Fixtures name districts and
    /// themes freely, so this handle adds them to the kept lists as it goes; the
    /// refusal of unknown names has its own tests (store_vocab.rs) on [`TempDb::strict`].
    pub fn open(&self, user: &str) -> Store {
        let mut s = self.strict(user);
        s.set_accept_new_terms(true);
        s
    }

    pub fn open_on(&self, user: &str, today: NaiveDate) -> Store {
        let mut s = Store::open(&self.path, ctx_on(user, today))
            .unwrap_or_else(|e| panic!("open {}: {e}", self.path.display()));
        s.set_accept_new_terms(true);
        s
    }

    /// A store handle that refuses names not on their lists, as the screens' is.
    pub fn strict(&self, user: &str) -> Store {
        Store::open(&self.path, ctx(user))
            .unwrap_or_else(|e| panic!("open {}: {e}", self.path.display()))
    }

    /// A rusqlite connection outside the store, to look at the file itself or to
    /// change it past the store's checks; it keeps the figures as the store does.
    pub fn raw(&self) -> Connection {
        raw(&self.path)
    }

    /// A plain rusqlite connection without the kept figures' triggers: for replaying
    /// a migration, as an upgrade runs it.
    pub fn raw_plain(&self) -> Connection {
        raw_plain(&self.path)
    }
}

pub fn raw(path: &Path) -> Connection {
    let conn = raw_plain(path);
    wijkdesk::store::keep_figures(&conn).unwrap_or_else(|e| panic!("keep figures: {e}"));
    conn
}

pub fn raw_plain(path: &Path) -> Connection {
    Connection::open(path).unwrap_or_else(|e| panic!("raw open {}: {e}", path.display()))
}

pub fn pragma_i64(conn: &Connection, name: &str) -> i64 {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("PRAGMA {name}: {e}"))
}

pub fn pragma_text(conn: &Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("PRAGMA {name}: {e}"))
}

pub fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The user tables of a database, sorted.
pub fn tables(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("prepare");
    st.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// The whole schema as SQLite stores it: type, name, table and SQL of every object.
pub fn schema_dump(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare("SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .expect("prepare");
    st.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// Every row of every table, as text, in a fixed order: two equal dumps mean nothing
/// was written in between.
pub fn dump(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    for table in tables(conn) {
        // Sorted in Rust: some tables (FTS shadow tables) have no rowid to order by.
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("prepare dump");
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut cells = Vec::with_capacity(n);
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cells.push(format!("{v:?}"));
                }
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .expect("query dump");
        let mut rows: Vec<String> = rows.map(|r| r.expect("row")).collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

/// Audit rows about records; a write that also adds a district or theme to its kept
/// list writes one more row, about that list entry (record `district:Name`).
pub fn audit_rows(conn: &Connection) -> i64 {
    count(
        conn,
        "SELECT count(*) FROM audit WHERE record NOT LIKE '%:%'",
    )
}

pub fn residents(store: &mut Store, name: &str) -> Organisation {
    store
        .add_org(NewOrg {
            name: name.to_string(),
            kind: Some("residents".into()),
            district: Some("Scheveningen".into()),
            ..Default::default()
        })
        .expect("add residents' organisation")
}

pub fn service(store: &mut Store, name: &str, short: &str) -> Organisation {
    store
        .add_org(NewOrg {
            name: name.to_string(),
            short_name: Some(short.to_string()),
            kind: Some("service".into()),
            ..Default::default()
        })
        .expect("add service")
}

pub fn staff(
    store: &mut Store,
    name: &str,
    username: &str,
    org: Option<i64>,
    districts: &[&str],
    themes: &[&str],
) -> Person {
    store
        .add_person(NewPerson {
            name: name.to_string(),
            org_id: org,
            role: Some("gebiedsregisseur".into()),
            username: Some(username.to_string()),
            districts: districts.iter().map(|s| s.to_string()).collect(),
            themes: themes.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        })
        .expect("add staff member")
}

/// Triage signal `id` to `owner`, with nothing else said (no theme, the due date as it
/// is).
pub fn triage_to(store: &mut Store, id: i64, owner: Owner) {
    store
        .triage(
            id,
            Triage {
                owner: Some(owner),
                ..Default::default()
            },
            None,
        )
        .expect("triage");
}

/// Bytes of a file, for byte-for-byte comparisons.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// `<db>-wal`, `<db>-shm`, `<db>.lock` and friends.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Make `conn` a wijkdesk database as an older version left it: the migrations in
/// schema/ up to and including number `version`, with its user_version and the
/// application id, and no rows. The store then migrates it from there when it opens.
pub fn old_schema(conn: &Connection, version: i64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let mut files: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("schema entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let number = name.split('_').next()?.parse().ok()?;
            (name.ends_with(".sql") && number <= version).then_some((number, path))
        })
        .collect();
    files.sort();
    assert_eq!(
        files.last().map(|(n, _)| *n),
        Some(version),
        "no migration numbered {version}"
    );
    for (_, path) in files {
        let sql = std::fs::read_to_string(&path).expect("read migration");
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    conn.execute_batch(&format!(
        "PRAGMA user_version = {version}; PRAGMA application_id = {};",
        wijkdesk::store::APPLICATION_ID
    ))
    .expect("set the schema version");
}

//! `wijkdesk check`: what SQLite finds wrong with the file, a finding a line.

use super::{Result, Store};
use rusqlite::{Connection, ErrorCode};

impl Store {
    /// `PRAGMA integrity_check` and `foreign_key_check`: the problems found, empty when sound.
    ///
    /// A damaged page can stop the whole-file check half-way (SQLite gives up with
    /// "malformed" where its scan of a table meets the page). Then each table is checked
    /// on its own, so the findings in the others are still listed and the damaged
    /// table is named; only a file too damaged for even that is one problem.
    pub fn check(&self) -> Result<Vec<String>> {
        let whole_file = |what: &str, e: &rusqlite::Error| {
            format!("{what}: SQLite cannot read the file to check it: {e}")
        };
        let mut problems = match integrity(&self.conn, None) {
            Ok(found) => found,
            Err(e) if corrupt(&e) => {
                table_by_table(&self.conn).unwrap_or_else(|_| vec![whole_file("integrity", &e)])
            }
            Err(e) => return Err(e.into()),
        };
        // A table pointing into a damaged one cannot be checked either: one line for
        // all, as the integrity findings above name where the damage is.
        match foreign_keys(&self.conn) {
            Ok(found) => problems.extend(found),
            Err(e) if corrupt(&e) => problems.push(whole_file("foreign key", &e)),
            Err(e) => return Err(e.into()),
        }
        Ok(problems)
    }
}

fn corrupt(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt)
}

/// The integrity of each table: the findings where SQLite can read, the table's name
/// where it cannot. Fails only when the list of tables itself cannot be read.
fn table_by_table(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    for table in &tables {
        match integrity(conn, Some(table)) {
            Ok(rows) => found.extend(rows),
            Err(e) if corrupt(&e) => found.push(format!(
                "integrity: table {table}: SQLite cannot read it to check it: {e}"
            )),
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

/// `PRAGMA integrity_check` of the whole file (`None`) or of one table.
fn integrity(conn: &Connection, table: Option<&str>) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare("SELECT * FROM pragma_integrity_check(?1)")?;
    let mut found = Vec::new();
    for row in st.query_map([table], |r| r.get::<_, String>(0))? {
        // One row can hold several findings, a line each, under a heading.
        found.extend(
            row?.lines()
                .filter(|l| *l != "ok" && !l.starts_with("*** in database"))
                .map(|l| format!("integrity: {l}")),
        );
    }
    Ok(found)
}

fn foreign_keys(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st.query_map([], |r| {
        Ok(format!(
            "foreign key: {} row {} points to a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
            r.get::<_, String>(2)?
        ))
    })?;
    rows.collect()
}

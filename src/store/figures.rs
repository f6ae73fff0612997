//! The kept figures' triggers (and those of the base tables' kept facts), made on
//! each connection before it first writes.
//!
//! They are not in the stored schema (schema/025, 026): every connection parses the stored
//! schema when it opens, and most connections (each start of the screens, each
//! command that only reads) never write. A connection that writes makes them as
//! TEMP triggers from schema/kept_figures.sql, and registers the function that the
//! stored guards call before every change to a table with kept figures; a connection
//! without them (another program, a path that forgot) cannot change those tables.

use super::signals::ROW_SELECT;
use super::{Result, Store};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// The triggers, as TEMP triggers.
const KEPT_FIGURES: &str = include_str!("../../schema/kept_figures.sql");

/// What the stored guards call: unknown on a connection that has not made the triggers.
const GUARD: &str = "wijkdesk_keeps_figures";

impl Store {
    /// Make the kept figures' triggers on this connection, once: every write path
    /// comes here first, and so must a test that writes through [`Store::conn`].
    pub fn keep_figures(&mut self) -> Result<()> {
        if !self.keeps_figures {
            keep_figures(&self.conn)?;
            self.keeps_figures = true;
        }
        Ok(())
    }
}

/// Whether the stored trigger `name` is one of the guards of schema/025.
pub(crate) fn is_guard(name: &str) -> bool {
    name.starts_with("keep_figures_")
}

/// Make the kept figures' triggers on `conn` and let it write. Once per connection:
/// a second call would fail on the triggers that already exist.
pub fn keep_figures(conn: &Connection) -> rusqlite::Result<()> {
    // One transaction for all of them; only the temporary schema is written.
    let own = conn.is_autocommit();
    if own {
        conn.execute_batch("BEGIN")?;
    }
    // The lists' row as a view, for the triggers that keep the inbox's names: one
    // definition of a signal's organisation and owner as shown.
    let made = conn
        .execute_batch(&format!(
            "CREATE TEMP VIEW signal_row (id, title, org, district, theme, owner_person_id,
                 owner_org_id, state, received_on, feedback_due, owner) AS {ROW_SELECT};"
        ))
        .and_then(|()| conn.execute_batch(KEPT_FIGURES));
    if own {
        match made {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(_) => conn.execute_batch("ROLLBACK")?,
        }
    }
    made?;
    // Only once the triggers are there may the guards let a write through.
    conn.create_scalar_function(
        GUARD,
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        |_| Ok(rusqlite::types::Null),
    )
}

/// The kept figures' triggers on `conn` that are on `tables`: (name, table, SQL that
/// makes it again). For the bulk loader, which sets some aside while it loads.
pub(crate) fn made_on(
    conn: &Connection,
    tables: &[&str],
) -> rusqlite::Result<Vec<(String, String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, tbl_name, sql FROM sqlite_temp_master WHERE type = 'trigger' ORDER BY rowid",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (name, table, sql) = row?;
        if tables.contains(&table.as_str()) {
            // SQLite keeps the text without its TEMP.
            let sql = match sql.strip_prefix("CREATE TRIGGER ") {
                Some(rest) => format!("CREATE TEMP TRIGGER {rest}"),
                None => sql,
            };
            out.push((name, table, sql));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.db");
        let conn = super::super::open::open_and_migrate(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn a_connection_that_has_not_made_them_cannot_change_a_kept_table() {
        let (_dir, conn) = migrated();
        let err = conn
            .execute("INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('X', 'residents', '', '')", [])
            .unwrap_err();
        assert!(err.to_string().contains(GUARD), "{err}");
        keep_figures(&conn).unwrap();
        conn.execute("INSERT INTO organisation (name, kind, created_at, updated_at) VALUES ('X', 'residents', '', '')", [])
            .unwrap();
        let kept: i64 = conn
            .query_row("SELECT count(*) FROM org_figures", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, 1, "the new organisation's figures row");
    }

    #[test]
    fn none_are_left_in_the_stored_schema_and_all_are_made() {
        let (_dir, conn) = migrated();
        keep_figures(&conn).unwrap();
        let made = made_on(&conn, &["signal", "commitment"]).unwrap();
        assert!(
            made.iter()
                .all(|(_, _, sql)| sql.starts_with("CREATE TEMP TRIGGER "))
        );
        let temp: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            temp as usize,
            KEPT_FIGURES.matches("CREATE TEMP TRIGGER ").count()
        );
        let stored: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(stored.iter().all(|name| is_guard(name)), "{stored:?}");
        assert_eq!(stored.len(), 33, "a guard per table and kind of change");
    }
}

//! Privacy (AVG): everything held about a person, erasure, and retention review.
//!
//! Erasure anonymises the person everywhere the name, email address or phone number
//! is held (the record, text that names them, timelines, the audit trail's copies,
//! the search index), keeps one audit entry saying an erasure happened, and leaves no
//! copy in the database file or its WAL.

use super::{OptionalExt, Result, Store, StoreError, audit, now_stamp, people};
use crate::domain::{RecordKind, RecordRef};
use rusqlite::{Connection, params};
use serde_json::{Value, json};

/// Text columns that may quote a person; (table, column).
const TEXT_COLUMNS: &[(&str, &str)] = &[
    ("organisation", "notes"),
    ("person", "notes"),
    ("person", "role"),
    ("signal", "title"),
    ("signal", "body"),
    ("signal", "expectation"),
    ("feedback", "text"),
    ("commitment", "text"),
    ("commitment", "acknowledgement"),
    ("commitment", "prevention"),
    ("signal_due_move", "reason"),
    ("commitment", "reason"),
    ("commitment_move", "reason"),
    ("action", "text"),
    ("action", "reason"),
    ("minute", "text"),
    ("minute", "problems"),
    ("minute_draft", "text"),
    ("meeting", "title"),
    ("meeting", "location"),
    ("agenda_item", "title"),
    ("signal_event", "detail"),
    ("outbox", "text"),
    ("outbox", "to_addr"),
    ("outbox", "also_to"),
    ("outbox", "subject"),
    ("outbox", "sender_name"),
    ("outbox", "error"),
    ("outbox", "draft_path"),
    // Meeting mail: the calendar part and the attached minutes name people too.
    ("outbox", "calendar"),
    ("outbox", "attachment"),
    ("meeting", "cancel_reason"),
    ("audit", "changes"),
];

const ERASED: &str = "[verwijderd]";

fn rows_json(conn: &Connection, sql: &str, id: i64) -> Result<Vec<Value>> {
    let mut st = conn.prepare(sql)?;
    let names: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
    let rows = st.query_map([id], |r| {
        let mut obj = serde_json::Map::new();
        for (i, n) in names.iter().enumerate() {
            let v: rusqlite::types::Value = r.get(i)?;
            obj.insert(
                n.clone(),
                match v {
                    rusqlite::types::Value::Null => Value::Null,
                    rusqlite::types::Value::Integer(x) => json!(x),
                    rusqlite::types::Value::Real(x) => json!(x),
                    rusqlite::types::Value::Text(t) => json!(t),
                    rusqlite::types::Value::Blob(_) => json!("<blob>"),
                },
            );
        }
        Ok(Value::Object(obj))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rows of `table` whose `column` mentions any of `needles`.
fn mentions(
    conn: &Connection,
    table: &str,
    column: &str,
    needles: &[String],
) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for n in needles {
        let sql = format!(
            "SELECT '{table}' AS \"table\", rowid AS id, {column} AS text FROM {table} WHERE instr({column}, ?1) > 0"
        );
        let mut st = conn.prepare(&sql)?;
        let rows = st.query_map([n], |r| Ok(json!({ "table": r.get::<_, String>(0)?, "id": r.get::<_, i64>(1)?, "column": column, "text": r.get::<_, String>(2)? })))?;
        for row in rows {
            let row = row?;
            if !out.contains(&row) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

/// The strings that identify a person: name, email, phone.
fn identifiers(p: &people::Person) -> Vec<String> {
    let mut ids = vec![p.name.clone()];
    ids.extend(p.email.clone());
    ids.extend(p.phone.clone());
    ids.retain(|s| s.trim().chars().count() >= 3);
    ids
}

impl Store {
    /// Everything held about a person, as JSON (AVG right of access).
    pub fn export_person(&self, id: i64) -> Result<Value> {
        let p = people::get(&self.conn, id)?;
        let r = p.reference().to_string();
        let needles = identifiers(&p);
        let mut mentioned = Vec::new();
        for (table, column) in TEXT_COLUMNS {
            if *table == "audit" {
                continue;
            }
            mentioned.extend(mentions(&self.conn, table, column, &needles)?);
        }
        let mut audit_rows = rows_json(
            &self.conn,
            "SELECT at, username, account, record, action, changes FROM audit WHERE record = 'P-' || ?1 ORDER BY id",
            id,
        )?;
        for m in mentions(&self.conn, "audit", "changes", &needles)? {
            if !audit_rows.iter().any(|a| a.get("changes") == m.get("text")) {
                audit_rows.push(m);
            }
        }
        Ok(json!({
            "exported_at": now_stamp(),
            // The account that really ran the export; the acting name beside it,
            // which WIJKDESK_USER may have set to anything.
            "exported_by": self.account(),
            "exported_as": self.user(),
            "person": p,
            "record": r,
            "meetings": rows_json(&self.conn,
                "SELECT m.id, m.title, m.starts_at,
                        CASE WHEN m.chair_id = ?1 THEN 'chair' WHEN m.minute_taker_id = ?1 THEN 'minute-taker' ELSE 'attendee' END AS role,
                        mp.attended
                   FROM meeting m LEFT JOIN meeting_person mp ON mp.meeting_id = m.id AND mp.person_id = ?1
                  WHERE m.chair_id = ?1 OR m.minute_taker_id = ?1 OR mp.person_id = ?1 ORDER BY m.starts_at", id)?,
            "signals_owned": rows_json(&self.conn, "SELECT id, title, state FROM signal WHERE owner_person_id = ?1", id)?,
            "commitments_owned": rows_json(&self.conn, "SELECT id, text, state, due FROM commitment WHERE owner_person_id = ?1", id)?,
            "actions_owned": rows_json(&self.conn, "SELECT id, text, state, due FROM action WHERE owner_person_id = ?1", id)?,
            "feedback_given": match &p.username {
                Some(u) => {
                    let mut st = self.conn.prepare("SELECT signal_id, given_on, channel, text FROM feedback WHERE given_by = ?1")?;
                    let rows = st.query_map([u], |r| Ok(json!({"signal": r.get::<_, i64>(0)?, "given_on": r.get::<_, String>(1)?, "channel": r.get::<_, String>(2)?, "text": r.get::<_, String>(3)?})))?;
                    rows.collect::<rusqlite::Result<Vec<_>>>()?
                }
                None => Vec::new(),
            },
            "mentioned_in": mentioned,
            "audit": audit_rows,
        }))
    }

    /// Anonymise a person everywhere (AVG right to erasure). Returns how many places
    /// were rewritten.
    pub fn erase_person(&mut self, id: i64) -> Result<usize> {
        let p = people::get(&self.conn, id)?;
        if p.erased {
            return Err(StoreError::Invalid(format!(
                "{} was erased already",
                p.reference()
            )));
        }
        let needles = identifiers(&p);
        let placeholder = format!("{ERASED} {}", p.reference());
        let rewritten = self.write(|tx, ctx| {
            let mut rewritten = 0;
            tx.execute(
                "UPDATE person SET name = ?2, email = NULL, phone = NULL, username = NULL, notes = '', erased_at = ?3,
                        version = version + 1, updated_at = ?3 WHERE id = ?1",
                params![id, placeholder, now_stamp()],
            )?;
            // Longest first, so a name inside an email address goes with the address.
            let mut needles = needles.clone();
            needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
            for (table, column) in TEXT_COLUMNS {
                for n in &needles {
                    rewritten += tx.execute(
                        &format!("UPDATE {table} SET {column} = replace({column}, ?1, ?2) WHERE instr({column}, ?1) > 0"),
                        params![n, ERASED],
                    )?;
                }
            }
            audit::log(tx, ctx, RecordRef::new(RecordKind::Person, id), "erase", json!({ "erased": [null, format!("{rewritten} places anonymised")] }))?;
            Ok(rewritten)
        })?;
        self.purge_free_space()?;
        Ok(rewritten)
    }

    /// Leave no old copy of erased text: merge the search index, write the WAL back
    /// and truncate it, and rebuild the file so freed pages hold nothing.
    fn purge_free_space(&mut self) -> Result<()> {
        let has_search: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'search'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if has_search.is_some() {
            self.conn
                .execute("INSERT INTO search(search) VALUES ('optimize')", [])?;
        }
        self.conn.execute_batch(
            "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        Ok(())
    }

    /// People with no recorded activity since `since` (retention review): no
    /// meetings, ownership or audit changes after that date.
    pub fn people_inactive_since(&self, since: chrono::NaiveDate) -> Result<Vec<people::Person>> {
        let since = super::date_str(since);
        let mut st = self.conn.prepare(
            "SELECT p.id FROM person p
              WHERE p.erased_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.record = 'P-' || p.id AND a.at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM meeting m LEFT JOIN meeting_person mp ON mp.meeting_id = m.id
                                 WHERE (m.chair_id = p.id OR m.minute_taker_id = p.id OR mp.person_id = p.id)
                                   AND m.starts_at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM signal s WHERE s.owner_person_id = p.id AND s.updated_at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM commitment c WHERE c.owner_person_id = p.id AND c.updated_at >= ?1)
                AND NOT EXISTS (SELECT 1 FROM action x WHERE x.owner_person_id = p.id AND x.updated_at >= ?1)
              ORDER BY p.name",
        )?;
        let ids: Vec<i64> = st
            .query_map([since], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|i| people::get(&self.conn, i))
            .collect()
    }
}

//! Privacy (AVG): everything held about a person, erasure, and retention review.
//!
//! Erasure anonymises the person everywhere the name, email address or phone number
//! is held (the record, text that names them, timelines, the audit trail's copies,
//! the search index), keeps one audit entry saying an erasure happened, and leaves no
//! copy in the database file or its WAL.

use super::{OptionalExt, Result, Store, StoreError, audit, now_stamp, people, timeline};
use crate::domain::Problem;
use crate::domain::RecordRef;
use crate::domain::erasure::{Mentions, STAND_IN};
use rusqlite::{Connection, params};
use serde_json::{Value, json};

const ERASED: &str = STAND_IN;

/// Fields of a person's own audit entries that held who they are; their values go.
const PERSON_FIELDS: &[&str] = &["name", "email", "phone", "username", "notes"];

/// The shadow tables FTS5 keeps for a full-text table; they change only through it.
const FTS_SHADOWS: &[&str] = &["data", "idx", "content", "docsize", "config"];

/// Every column of every ordinary table, found in the schema rather than listed, so
/// that a table or column added later is searched too. SQLite's own tables and the
/// search index's shadow tables are left out (the index is handled through itself).
fn all_columns(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, coalesce(sql, '') FROM sqlite_schema
          WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let tables: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let virtuals: Vec<&str> = tables
        .iter()
        .filter(|(_, sql)| sql.to_uppercase().starts_with("CREATE VIRTUAL TABLE"))
        .map(|(n, _)| n.as_str())
        .collect();
    let shadow = |name: &str| {
        virtuals.iter().any(|v| {
            FTS_SHADOWS
                .iter()
                .any(|suffix| name == format!("{v}_{suffix}"))
        })
    };
    let mut out = Vec::new();
    for (table, _) in &tables {
        if virtuals.contains(&table.as_str()) || shadow(table) {
            continue;
        }
        let mut st = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
        let cols: Vec<String> = st
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        out.extend(cols.into_iter().map(|c| (table.clone(), c)));
    }
    Ok(out)
}

fn quoted(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// The distinct text values of `table.column` that mention the person.
fn mentioning_values(
    conn: &Connection,
    table: &str,
    column: &str,
    mentions: &Mentions,
) -> Result<Vec<String>> {
    let (t, c) = (quoted(table), quoted(column));
    // Not DISTINCT: that would sort every value in a temporary file on disk.
    let mut st = conn.prepare(&format!("SELECT {c} FROM {t} WHERE typeof({c}) = 'text'"))?;
    let mut rows = st.query([])?;
    let mut out: Vec<String> = Vec::new();
    while let Some(row) = rows.next()? {
        let v: String = row.get(0)?;
        if mentions.found_in(&v) && !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

/// Search index entries that mention the person: (rowid, title, body).
fn search_entries(conn: &Connection, mentions: &Mentions) -> Result<Vec<(i64, String, String)>> {
    let has: Option<String> = conn
        .query_row(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'search'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if has.is_none() {
        return Ok(Vec::new());
    }
    let mut st =
        conn.prepare("SELECT rowid, coalesce(title, ''), coalesce(body, '') FROM search")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (rowid, title, body): (i64, String, String) = row?;
        if mentions.found_in(&title) || mentions.found_in(&body) {
            out.push((rowid, title, body));
        }
    }
    Ok(out)
}

/// The person's own audit entries (their creation, every edit) lose the values of
/// the fields that said who they were; the rest of their history stays readable.
fn erase_own_history(tx: &Connection, id: i64) -> Result<usize> {
    let mut st = tx.prepare("SELECT id, changes FROM audit WHERE record = 'P-' || ?1")?;
    let rows: Vec<(i64, String)> = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut n = 0;
    for (audit_id, changes) in rows {
        let Ok(Value::Object(mut fields)) = serde_json::from_str::<Value>(&changes) else {
            continue;
        };
        let mut changed = false;
        for field in PERSON_FIELDS {
            if let Some(v) = fields.get_mut(*field) {
                let blank = |v: &mut Value, changed: &mut bool| {
                    if matches!(v, Value::String(s) if !s.is_empty()) {
                        *v = json!(ERASED);
                        *changed = true;
                    }
                };
                match v {
                    Value::Array(items) => items.iter_mut().for_each(|i| blank(i, &mut changed)),
                    other => blank(other, &mut changed),
                }
            }
        }
        if changed {
            tx.execute(
                "UPDATE audit SET changes = ?2 WHERE id = ?1",
                params![audit_id, Value::Object(fields).to_string()],
            )?;
            n += 1;
        }
    }
    Ok(n)
}

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

/// Rows of `table` whose `column` mentions the person.
fn mentions_in(
    conn: &Connection,
    table: &str,
    column: &str,
    mentions: &Mentions,
) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    let values = mentioning_values(conn, table, column, mentions)?;
    if values.is_empty() {
        return Ok(out);
    }
    let (t, c) = (quoted(table), quoted(column));
    // Tables without a rowid (none hold free text today) are quoted without an id.
    let with_rowid = conn
        .prepare(&format!("SELECT rowid FROM {t} LIMIT 0"))
        .is_ok();
    let sql = if with_rowid {
        format!("SELECT rowid, {c} FROM {t} WHERE {c} = ?1")
    } else {
        format!("SELECT NULL, {c} FROM {t} WHERE {c} = ?1")
    };
    let mut st = conn.prepare(&sql)?;
    for v in values {
        let rows = st.query_map([&v], |r| {
            Ok(json!({ "table": table, "id": r.get::<_, Option<i64>>(0)?, "column": column, "text": r.get::<_, String>(1)? }))
        })?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

/// The forms of a person's identity that erasure and the AVG export look for.
fn mentions_of(p: &people::Person) -> Mentions {
    Mentions::new(
        &p.name,
        p.username.as_deref(),
        p.email.as_deref(),
        p.phone.as_deref(),
    )
}

/// What an erasure changed, by kind (a table's name, `search` for the search index,
/// `drafts` for form drafts on disk), and whether the old copies are gone from the
/// write-ahead log too.
#[derive(Debug, Clone)]
pub struct Erasure {
    pub person: RecordRef,
    /// (kind, places), in a fixed order.
    pub counts: Vec<(String, usize)>,
    /// The forms that were looked for, to clean files outside the database with.
    pub mentions: Mentions,
    /// False when another program held the database open, so that the write-ahead
    /// log could not be emptied; it is emptied at the next checkpoint.
    pub wal_cleared: bool,
    /// Why the file could not be rebuilt afterwards (a full disk): the erasure is
    /// stored, but freed pages may still hold old text.
    pub rebuild_failed: Option<String>,
}

impl Erasure {
    pub fn total(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    pub fn add(&mut self, kind: &str, n: usize) {
        if n == 0 {
            return;
        }
        match self.counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, m)) => *m += n,
            None => self.counts.push((kind.to_string(), n)),
        }
    }

    /// "3 minutes lines, 5 history entries, …" in English.
    pub fn summary(&self) -> String {
        self.counts
            .iter()
            .map(|(k, n)| format!("{n} {}", kind_label(k)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What a kind of place is called on the command line.
pub fn kind_label(kind: &str) -> &str {
    match kind {
        "person" => "person records",
        "organisation" => "organisations",
        "meeting" => "meetings",
        "agenda_item" => "agenda items",
        "signal" => "signals",
        "signal_event" => "timeline entries",
        "signal_due_move" => "signal due-date moves",
        "feedback" => "feedback texts",
        "commitment" => "commitments",
        "commitment_move" => "commitment due-date moves",
        "action" => "actions",
        "minute" => "minutes lines",
        "minute_draft" => "minutes drafts",
        "audit" => "history entries",
        "outbox" => "outgoing mails",
        "term" => "vocabulary terms",
        "search" => "search index entries",
        "drafts" => "form drafts on disk",
        other => other,
    }
}

impl Store {
    /// Everything held about a person, as JSON (AVG right of access).
    pub fn export_person(&self, id: i64) -> Result<Value> {
        let p = people::get(&self.conn, id)?;
        let r = p.reference().to_string();
        let found = mentions_of(&p);
        let mut mentioned = Vec::new();
        for (table, column) in all_columns(&self.conn)? {
            if table == "audit" {
                continue;
            }
            for m in mentions_in(&self.conn, &table, &column, &found)? {
                // The person's own record is shown whole above.
                if table == "person" && m.get("id") == Some(&json!(id)) {
                    continue;
                }
                if !mentioned.contains(&m) {
                    mentioned.push(m);
                }
            }
        }
        let mut audit_rows = rows_json(
            &self.conn,
            "SELECT at, username, account, record, action, changes FROM audit WHERE record = 'P-' || ?1 ORDER BY id",
            id,
        )?;
        for column in ["changes", "username", "account"] {
            for m in mentions_in(&self.conn, "audit", column, &found)? {
                if !audit_rows.iter().any(|a| a.get(column) == m.get("text")) {
                    audit_rows.push(m);
                }
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

    /// Anonymise a person everywhere (AVG right to erasure): every mention of their
    /// name (also as `@First-Last`), username, e-mail address and phone number, in any
    /// letter case, in every text column of every table (the audit trail and the
    /// signal timelines too) and in the search index, becomes the same stand-in; the
    /// person's own history loses the values it held. Then the file is rebuilt and its
    /// write-ahead log emptied, so that no freed page keeps a copy.
    pub fn erase_person(&mut self, id: i64) -> Result<Erasure> {
        let p = people::get(&self.conn, id)?;
        if p.erased {
            return Err(StoreError::Invalid(Problem::ErasedAlready {
                reference: p.reference().to_string(),
            }));
        }
        let found = mentions_of(&p);
        let placeholder = format!("{ERASED} {}", p.reference());
        let mut erasure = Erasure {
            person: p.reference(),
            counts: Vec::new(),
            mentions: found.clone(),
            wal_cleared: false,
            rebuild_failed: None,
        };
        let counts = self.write(|tx, ctx| {
            let mut e = erasure.clone();
            tx.execute(
                "UPDATE person SET name = ?2, email = NULL, phone = NULL, username = NULL, notes = '', erased_at = ?3,
                        version = version + 1, updated_at = ?3 WHERE id = ?1",
                params![id, placeholder, now_stamp()],
            )?;
            e.add("person", 1);
            e.add("audit", erase_own_history(tx, id)?);
            // Counted before the tables change: their triggers update most entries.
            let indexed = search_entries(tx, &found)?.len();
            let mut signals: Vec<i64> = Vec::new();
            let columns = all_columns(tx)?;
            for (table, column) in &columns {
                let values = mentioning_values(tx, table, column, &found)?;
                if values.is_empty() {
                    continue;
                }
                let has_version = columns.iter().any(|(t, c)| t == table && c == "version");
                // A form open elsewhere on the old text must not save it back.
                let bump = if has_version { ", version = version + 1" } else { "" };
                let (t, c) = (quoted(table), quoted(column));
                let signal_of = match table.as_str() {
                    "signal" => Some("id"),
                    "feedback" | "signal_due_move" => Some("signal_id"),
                    _ => None,
                };
                for old in values {
                    let new = found.replace(&old).into_owned();
                    let sql = format!("UPDATE {t} SET {c} = ?1{bump} WHERE {c} = ?2");
                    let n = match signal_of {
                        Some(key) => {
                            let mut st = tx.prepare(&format!("{sql} RETURNING {key}"))?;
                            let ids: Vec<i64> = st
                                .query_map(params![new, old], |r| r.get(0))?
                                .collect::<rusqlite::Result<_>>()?;
                            let n = ids.len();
                            signals.extend(ids);
                            n
                        }
                        None => tx.execute(&sql, params![new, old])?,
                    };
                    e.add(table, n);
                }
            }
            // Whatever the triggers did not reach (text gathered from several rows).
            for (rowid, title, body) in search_entries(tx, &found)? {
                tx.execute("DELETE FROM search WHERE rowid = ?1", [rowid])?;
                tx.execute(
                    "INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)",
                    params![rowid, found.replace(&title), found.replace(&body)],
                )?;
            }
            e.add("search", indexed);
            signals.sort_unstable();
            signals.dedup();
            for s in signals {
                timeline::log_event(tx, ctx, s, "anonymised", None, None, "personal data of an erased person")?;
            }
            let done = format!("{} places anonymised ({})", e.total(), e.summary());
            audit::log(tx, ctx, p.reference(), "erase", json!({ "erased": [null, done] }))?;
            Ok(e.counts)
        })?;
        erasure.counts = counts;
        // The erasure is committed: a failed rebuild is reported, not an error.
        match self.purge_free_space() {
            Ok(cleared) => erasure.wal_cleared = cleared,
            Err(e) => erasure.rebuild_failed = Some(e.to_string()),
        }
        Ok(erasure)
    }

    /// Leave no old copy of erased text: merge the search index, rebuild the file so
    /// freed pages hold nothing (in memory, not in a temporary file), and write the
    /// WAL back and truncate it. False when another program's open transaction kept
    /// the WAL from being emptied.
    fn purge_free_space(&mut self) -> Result<bool> {
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
        // VACUUM's copy goes to memory: every connection has temp_store = MEMORY.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")?;
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
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

//! The audit trail: who changed what and when, field by field.

use super::labels::{agenda_label, attendance_word, invitation_changes, org_label, person_label};
use super::{Ctx, OptionalExt, Result, now_stamp};
use crate::domain::{RecordKind, RecordRef};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    /// The acting name (the account, or the `WIJKDESK_USER` override).
    pub user: String,
    /// The operating-system account that made the change; `None` on rows from before
    /// accounts were recorded.
    pub account: Option<String>,
    pub record: String,
    pub action: String,
    /// field → [before, after]
    pub changes: Value,
}

impl AuditEntry {
    /// Who made the change: "demo (account root)" when an override hid the account.
    pub fn who(&self) -> String {
        super::actor_label(&self.user, self.account.as_deref())
    }
}

/// Record a change in the same transaction as the change itself.
pub(crate) fn log(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    record: RecordRef,
    action: &str,
    changes: Value,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit (at, username, account, record, action, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            now_stamp(),
            ctx.user,
            ctx.account,
            record.to_string(),
            action,
            changes.to_string()
        ],
    )?;
    Ok(())
}

/// A creation: every field as [null, value].
pub(crate) fn created<T: Serialize>(value: &T) -> Value {
    let mut out = Map::new();
    if let Ok(Value::Object(fields)) = serde_json::to_value(value) {
        for (k, v) in fields {
            if !v.is_null() && k != "version" && k != "id" {
                out.insert(k, json!([Value::Null, v]));
            }
        }
    }
    Value::Object(out)
}

/// The fields that differ between two serialisations of a record.
pub(crate) fn diff<T: Serialize>(before: &T, after: &T) -> Value {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Value::Object(Map::new());
    };
    let mut out = Map::new();
    for (k, va) in &a {
        if k == "version" || k == "updated_at" {
            continue;
        }
        let vb = b.get(k).cloned().unwrap_or(Value::Null);
        if *va != vb {
            out.insert(k.clone(), json!([va, vb]));
        }
    }
    Value::Object(out)
}

pub(crate) fn history(conn: &Connection, record: RecordRef) -> Result<Vec<AuditEntry>> {
    let mut st = conn.prepare(
        "SELECT id, at, username, account, record, action, changes FROM audit WHERE record = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([record.to_string()], |r| {
        let changes: String = r.get(6)?;
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            user: r.get(2)?,
            account: r.get(3)?,
            record: r.get(4)?,
            action: r.get(5)?,
            changes: serde_json::from_str(&changes).unwrap_or(Value::Null),
        })
    })?;
    let mut entries: Vec<AuditEntry> = rows.collect::<rusqlite::Result<_>>()?;
    if record.kind == RecordKind::Meeting {
        for e in &mut entries {
            e.changes = named(conn, &e.changes)?;
        }
    }
    Ok(entries)
}

/// A mark written before attendance was recorded in words (true, false, null).
fn legacy_mark(v: &Value) -> Option<Option<bool>> {
    match v {
        Value::Bool(b) => Some(Some(*b)),
        Value::Null => Some(None),
        _ => None,
    }
}

/// An agenda item added or deleted, as written before: "agenda item 2": [null, "Verkeer"].
fn legacy_agenda(field: &str, change: &Value) -> Option<(String, &'static str)> {
    let position: i64 = field.strip_prefix("agenda item ")?.parse().ok()?;
    let (title, word) = match change.as_array().map(Vec::as_slice)? {
        [Value::Null, Value::String(t)] => (t, "added"),
        [Value::String(t), Value::Null] => (t, "deleted"),
        _ => return None,
    };
    Some((agenda_label(position, title), word))
}

/// A meeting's older history, written with bare references ("P-29": [true, false],
/// "O-20": [null, null], "organisations": [[…], […]]), in the words it is written in
/// now: "Anton Brink (P-29)": ["attended", "absent"], "O-20 Naam": "invited".
fn named(conn: &Connection, changes: &Value) -> Result<Value> {
    let Value::Object(fields) = changes else {
        return Ok(changes.clone());
    };
    let mut out = Map::new();
    for (field, change) in fields {
        if field == "organisations"
            && let Some([Value::Array(a), Value::Array(b)]) = change.as_array().map(Vec::as_slice)
        {
            let names = |l: &Vec<Value>| -> Vec<String> {
                l.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            };
            out.extend(invitation_changes(&names(a), &names(b)));
            continue;
        }
        if let Some((label, word)) = legacy_agenda(field, change) {
            out.insert(label, json!(word));
            continue;
        }
        let Some(r) = RecordRef::parse(field, None)
            .ok()
            .filter(|r| matches!(r.kind, RecordKind::Person | RecordKind::Organisation))
            .filter(|r| r.to_string() == *field)
        else {
            out.insert(field.clone(), change.clone());
            continue;
        };
        let name: Option<String> = conn
            .query_row(
                &format!("SELECT name FROM {} WHERE id = ?1", r.kind.table()),
                [r.id],
                |row| row.get(0),
            )
            .optional()?;
        let label = match (&name, r.kind) {
            (Some(n), RecordKind::Person) => person_label(n, r.id),
            (Some(n), _) => org_label(n, r.id),
            (None, _) => field.clone(),
        };
        let pair = change.as_array().filter(|p| p.len() == 2);
        let value = match pair.map(|p| (&p[0], &p[1])) {
            Some((Value::String(b), Value::Null)) if b == "listed" => json!("taken off the list"),
            Some((b, a)) => match (legacy_mark(b), legacy_mark(a)) {
                (Some(Some(b)), Some(a)) => json!([attendance_word(Some(b)), attendance_word(a)]),
                (Some(None), Some(a)) => json!(attendance_word(a)),
                _ => change.clone(),
            },
            None => change.clone(),
        };
        out.insert(label, value);
    }
    Ok(Value::Object(out))
}

impl super::Store {
    /// Every audit entry of one record, oldest first.
    pub fn history(&self, record: RecordRef) -> Result<Vec<AuditEntry>> {
        self.exists(record)?;
        history(&self.conn, record)
    }
}

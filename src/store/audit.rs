//! The audit trail: who changed what and when, field by field.

use super::{Ctx, Result, now_stamp};
use crate::domain::RecordRef;
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
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl super::Store {
    /// Every audit entry of one record, oldest first.
    pub fn history(&self, record: RecordRef) -> Result<Vec<AuditEntry>> {
        self.exists(record)?;
        history(&self.conn, record)
    }
}

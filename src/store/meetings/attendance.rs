//! Who is invited to a meeting and who came: organisations and people. Anyone can be
//! on the list, the municipality's own staff as well as the organisations' people.
//! Each mark carries a version, so that two people marking at once cannot overwrite
//! each other unseen; the audit names the organisation or person, in words.

use super::{Meeting, get};
use crate::domain::Problem;
use crate::domain::{RecordKind, RecordRef};
use crate::store::labels::{attendance_word, org_label, person_label};
use crate::store::versioned::{self, Part, Written};
use crate::store::{OptionalExt, Result, Store, StoreError, invalid};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingOrg {
    pub org_id: i64,
    pub name: String,
    pub attended: Option<bool>,
    pub version: i64,
}

/// A person's attendance at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingPerson {
    pub person_id: i64,
    pub name: String,
    pub org: Option<String>,
    pub role: String,
    /// `None`: invited, not known whether they came.
    pub attended: Option<bool>,
    /// The version of this mark; 0 for someone shown but not on the list yet.
    pub version: i64,
}

/// Someone newly on the list: the word for how they came on.
fn listed_word(v: Option<bool>) -> &'static str {
    match v {
        None => "invited",
        some => attendance_word(some),
    }
}

/// The history's change for one mark: a sentence when new, before → after otherwise.
fn mark_change(before: Option<Option<bool>>, after: Option<bool>) -> Value {
    match before {
        None => json!(listed_word(after)),
        Some(b) => json!([attendance_word(b), attendance_word(after)]),
    }
}

pub(crate) fn meeting_orgs(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingOrg>> {
    let mut st = conn.prepare_cached(
        "SELECT mo.org_id, o.name, mo.attended, mo.version
           FROM meeting_org mo JOIN organisation o ON o.id = mo.org_id
          WHERE mo.meeting_id = ?1 ORDER BY o.name",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok(MeetingOrg {
            org_id: r.get(0)?,
            name: r.get(1)?,
            attended: r.get(2)?,
            version: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn meeting_people(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingPerson>> {
    let mut st = conn.prepare_cached(
        "SELECT mp.person_id, p.name, o.name, p.role, mp.attended, mp.version
           FROM meeting_person mp JOIN person p ON p.id = mp.person_id
           LEFT JOIN organisation o ON o.id = p.org_id
          WHERE mp.meeting_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok(MeetingPerson {
            person_id: r.get(0)?,
            name: r.get(1)?,
            org: r.get(2)?,
            role: r.get(3)?,
            attended: r.get(4)?,
            version: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The mark and version of one row of `table` (`meeting_org` or `meeting_person`,
/// keyed by `col`), or `None` when it is not on the list.
fn current_mark(
    tx: &Transaction<'_>,
    table: &str,
    col: &str,
    meeting_id: i64,
    id: i64,
) -> Result<Option<(Option<bool>, i64)>> {
    Ok(tx
        .query_row(
            &format!("SELECT attended, version FROM {table} WHERE meeting_id = ?1 AND {col} = ?2"),
            params![meeting_id, id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// A mark as a version conflict names it: changed since it was read, or taken off the
/// list meanwhile.
fn mark_part(what: &str, m: &Meeting, current: Option<(Option<bool>, i64)>) -> Part {
    Part {
        what: Problem::StaleAttendance {
            who: what.to_string(),
            meeting: m.reference().to_string(),
            had: 0,
            now: 0,
        },
        version: current.map(|c| c.1),
        gone: Some(Problem::AttendanceGone {
            who: what.to_string(),
            org: what.starts_with("O-"),
            meeting: m.reference().to_string(),
        }),
    }
}

/// The list an organisation or a person is on: its table, and the column naming them.
fn list_of(who: RecordRef) -> (&'static str, &'static str) {
    match who.kind {
        RecordKind::Organisation => ("meeting_org", "org_id"),
        _ => ("meeting_person", "person_id"),
    }
}

/// How the history names an organisation or a person on a list.
fn label_of(tx: &Transaction<'_>, who: RecordRef) -> Result<String> {
    let name = name_of(tx, who)?;
    Ok(match who.kind {
        RecordKind::Organisation => org_label(&name, who.id),
        _ => person_label(&name, who.id),
    })
}

/// Mark `who` (an organisation or a person) at a meeting, putting them on its list if
/// they were not; `expected` is the version of the mark the caller read.
fn mark(
    tx: &Transaction<'_>,
    ctx: &crate::store::Ctx,
    meeting_id: i64,
    who: RecordRef,
    attended: Option<bool>,
    expected: Option<i64>,
) -> Result<()> {
    let m = get(tx, meeting_id)?;
    super::ensure_not_cancelled(&m)?;
    let label = label_of(tx, who)?;
    let (table, col) = list_of(who);
    let before = current_mark(tx, table, col, meeting_id, who.id)?;
    let part = mark_part(&label, &m, before);
    versioned::update_part(tx, ctx, m.reference(), &part, expected, || {
        tx.execute(
            &format!(
                "INSERT INTO {table} (meeting_id, {col}, attended) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, {col})
                 DO UPDATE SET attended = excluded.attended, version = version + 1"
            ),
            params![meeting_id, who.id, attended],
        )?;
        let changes = json!({ label: mark_change(before.map(|b| b.0), attended) });
        Ok(Written::logged((), "attendance", changes))
    })
}

fn name_of(tx: &Transaction<'_>, r: RecordRef) -> Result<String> {
    let sql = format!("SELECT name FROM {} WHERE id = ?1", r.kind.table());
    tx.query_row(&sql, [r.id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(r.to_string()))
}

impl Store {
    pub fn meeting_orgs(&self, id: i64) -> Result<Vec<MeetingOrg>> {
        meeting_orgs(&self.conn, id)
    }

    /// The people on a meeting's attendance list, by name.
    pub fn meeting_people(&self, meeting_id: i64) -> Result<Vec<MeetingPerson>> {
        meeting_people(&self.conn, meeting_id)
    }

    /// Mark an organisation present, absent or not marked (inviting it if it was not);
    /// `expected` is the version of the mark the caller read.
    pub fn set_attendance(
        &mut self,
        meeting_id: i64,
        org_id: i64,
        attended: Option<bool>,
        expected: Option<i64>,
    ) -> Result<()> {
        let who = RecordRef::new(RecordKind::Organisation, org_id);
        self.write(|tx, ctx| mark(tx, ctx, meeting_id, who, attended, expected))
    }

    /// Mark a person present (`Some(true)`), absent (`Some(false)`) or invited with
    /// attendance unknown (`None`). Anyone can be on the list: the municipality's staff
    /// as well as the organisations' people. `expected` is the version of the mark the
    /// caller read (0: they were not on the list).
    pub fn set_person_attendance(
        &mut self,
        meeting_id: i64,
        person_id: i64,
        attended: Option<bool>,
        expected: Option<i64>,
    ) -> Result<()> {
        let who = RecordRef::new(RecordKind::Person, person_id);
        self.write(|tx, ctx| mark(tx, ctx, meeting_id, who, attended, expected))
    }

    /// Take a person off a meeting's attendance list.
    pub fn remove_meeting_person(
        &mut self,
        meeting_id: i64,
        person_id: i64,
        expected: Option<i64>,
    ) -> Result<()> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            super::ensure_not_cancelled(&m)?;
            let label = label_of(tx, RecordRef::new(RecordKind::Person, person_id))?;
            let before = current_mark(tx, "meeting_person", "person_id", meeting_id, person_id)?;
            if before.is_none() {
                return Err(invalid(Problem::NotOnList {
                    who: label.to_string(),
                    meeting: m.reference().to_string(),
                }));
            }
            let part = mark_part(&label, &m, before);
            versioned::update_part(tx, ctx, m.reference(), &part, expected, || {
                tx.execute(
                    "DELETE FROM meeting_person WHERE meeting_id = ?1 AND person_id = ?2",
                    params![meeting_id, person_id],
                )?;
                let changes = json!({ label: "taken off the list" });
                Ok(Written::logged((), "attendance", changes))
            })
        })
    }
}

//! Who is invited to a meeting and who came: organisations and people. Anyone can be
//! on the list, the municipality's own staff as well as the organisations' people.
//! Each mark carries a version, so that two people marking at once cannot overwrite
//! each other unseen; the audit names the organisation or person, in words.

use super::{Meeting, get};
use crate::domain::Problem;
use crate::domain::{RecordKind, RecordRef};
use crate::store::{OptionalExt, Result, Store, StoreError, audit, invalid};
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

/// An attendance mark as a word, for the history.
pub(crate) fn attendance_word(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "attended",
        Some(false) => "absent",
        None => "not marked",
    }
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

/// How the history names a person: "Anton Brink (P-29)".
pub(crate) fn person_label(name: &str, id: i64) -> String {
    format!("{name} ({})", RecordRef::new(RecordKind::Person, id))
}

/// How the history names an organisation: "O-20 Bewonersorganisatie X".
pub(crate) fn org_label(name: &str, id: i64) -> String {
    format!("{} {name}", RecordRef::new(RecordKind::Organisation, id))
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

/// A mark read at `expected` that has changed (or gone) since is a conflict naming it.
fn check_mark(
    what: &str,
    m: &Meeting,
    current: Option<(Option<bool>, i64)>,
    expected: Option<i64>,
) -> Result<()> {
    let Some(want) = expected else {
        return Ok(());
    };
    match current {
        Some((_, now)) if now == want => Ok(()),
        Some((_, now)) => Err(StoreError::Conflict(Problem::StaleAttendance {
            who: what.to_string(),
            meeting: m.reference().to_string(),
            had: want,
            now,
        })),
        // Version 0: the caller saw them as not on the list, and they still are not.
        None if want == 0 => Ok(()),
        None => Err(StoreError::Conflict(Problem::AttendanceGone {
            who: what.to_string(),
            org: what.starts_with("O-"),
            meeting: m.reference().to_string(),
        })),
    }
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
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            super::ensure_not_cancelled(&m)?;
            let name = name_of(tx, RecordRef::new(RecordKind::Organisation, org_id))?;
            let label = org_label(&name, org_id);
            let before = current_mark(tx, "meeting_org", "org_id", meeting_id, org_id)?;
            check_mark(&label, &m, before, expected)?;
            tx.execute(
                "INSERT INTO meeting_org (meeting_id, org_id, attended) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, org_id)
                 DO UPDATE SET attended = excluded.attended, version = version + 1",
                params![meeting_id, org_id, attended],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                json!({ label: mark_change(before.map(|b| b.0), attended) }),
            )?;
            Ok(())
        })
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
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            super::ensure_not_cancelled(&m)?;
            let name = name_of(tx, RecordRef::new(RecordKind::Person, person_id))?;
            let label = person_label(&name, person_id);
            let before = current_mark(tx, "meeting_person", "person_id", meeting_id, person_id)?;
            check_mark(&label, &m, before, expected)?;
            tx.execute(
                "INSERT INTO meeting_person (meeting_id, person_id, attended) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, person_id)
                 DO UPDATE SET attended = excluded.attended, version = version + 1",
                params![meeting_id, person_id, attended],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                json!({ label: mark_change(before.map(|b| b.0), attended) }),
            )?;
            Ok(())
        })
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
            let name = name_of(tx, RecordRef::new(RecordKind::Person, person_id))?;
            let label = person_label(&name, person_id);
            let before = current_mark(tx, "meeting_person", "person_id", meeting_id, person_id)?;
            if before.is_none() {
                return Err(invalid(Problem::NotOnList {
                    who: label.to_string(),
                    meeting: m.reference().to_string(),
                }));
            }
            check_mark(&label, &m, before, expected)?;
            tx.execute(
                "DELETE FROM meeting_person WHERE meeting_id = ?1 AND person_id = ?2",
                params![meeting_id, person_id],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                json!({ label: "taken off the list" }),
            )?;
            Ok(())
        })
    }
}

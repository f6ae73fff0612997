//! Who is invited to a meeting and who came: organisations and people.

use super::get;
use crate::domain::{RecordKind, RecordRef};
use crate::store::{OptionalExt, Result, Store, audit, invalid};
use rusqlite::{Connection, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingOrg {
    pub org_id: i64,
    pub name: String,
    pub attended: Option<bool>,
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
}

pub(crate) fn meeting_orgs(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingOrg>> {
    let mut st = conn.prepare_cached(
        "SELECT mo.org_id, o.name, mo.attended FROM meeting_org mo JOIN organisation o ON o.id = mo.org_id
         WHERE mo.meeting_id = ?1 ORDER BY o.name",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok(MeetingOrg {
            org_id: r.get(0)?,
            name: r.get(1)?,
            attended: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn meeting_people(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingPerson>> {
    let mut st = conn.prepare_cached(
        "SELECT mp.person_id, p.name, o.name, p.role, mp.attended
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
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn meeting_orgs(&self, id: i64) -> Result<Vec<MeetingOrg>> {
        meeting_orgs(&self.conn, id)
    }

    /// The people on a meeting's attendance list, by name.
    pub fn meeting_people(&self, meeting_id: i64) -> Result<Vec<MeetingPerson>> {
        meeting_people(&self.conn, meeting_id)
    }

    pub fn set_attendance(
        &mut self,
        meeting_id: i64,
        org_id: i64,
        attended: Option<bool>,
    ) -> Result<()> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            tx.execute(
                "INSERT INTO meeting_org (meeting_id, org_id, attended) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, org_id) DO UPDATE SET attended = excluded.attended",
                params![meeting_id, org_id, attended],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                serde_json::json!({ format!("O-{org_id}"): [null, attended] }),
            )?;
            Ok(())
        })
    }

    /// Mark a person present (`Some(true)`), absent (`Some(false)`) or invited with
    /// attendance unknown (`None`).
    pub fn set_person_attendance(
        &mut self,
        meeting_id: i64,
        person_id: i64,
        attended: Option<bool>,
    ) -> Result<()> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            crate::store::exists(tx, RecordRef::new(RecordKind::Person, person_id))?;
            let before: Option<Option<bool>> = tx
                .query_row(
                    "SELECT attended FROM meeting_person WHERE meeting_id = ?1 AND person_id = ?2",
                    params![meeting_id, person_id],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO meeting_person (meeting_id, person_id, attended) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET attended = excluded.attended",
                params![meeting_id, person_id, attended],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                serde_json::json!({ format!("P-{person_id}"): [before.flatten(), attended] }),
            )?;
            Ok(())
        })
    }

    /// Take a person off a meeting's attendance list.
    pub fn remove_meeting_person(&mut self, meeting_id: i64, person_id: i64) -> Result<()> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            let n = tx.execute(
                "DELETE FROM meeting_person WHERE meeting_id = ?1 AND person_id = ?2",
                params![meeting_id, person_id],
            )?;
            if n == 0 {
                return Err(invalid(format!(
                    "P-{person_id} is not on the list of {}",
                    m.reference()
                )));
            }
            audit::log(
                tx,
                ctx,
                m.reference(),
                "attendance",
                serde_json::json!({ format!("P-{person_id}"): ["listed", null] }),
            )?;
            Ok(())
        })
    }
}

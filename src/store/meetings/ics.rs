//! Meetings as the calendar (ICS) export needs them.

use super::{Meeting, SELECT, agenda_of, from_row, meeting_orgs};
use crate::domain::ics::IcsEvent;
use crate::store::{Result, Store};
use chrono::NaiveDate;

impl Store {
    /// Meetings starting on or after `from` (all when `None`), by start, as the
    /// calendar export needs them.
    pub fn meetings_for_ics(&self, from: Option<NaiveDate>) -> Result<Vec<IcsEvent>> {
        let mut st = self.conn.prepare(&format!(
            "{SELECT} WHERE ?1 IS NULL OR substr(starts_at, 1, 10) >= ?1 ORDER BY starts_at, id"
        ))?;
        let meetings: Vec<Meeting> = st
            .query_map([from.map(crate::store::date_str)], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(meetings.len());
        for m in meetings {
            let agenda = agenda_of(&self.conn, m.id)?
                .into_iter()
                .map(|a| a.title)
                .collect();
            let orgs = meeting_orgs(&self.conn, m.id)?
                .into_iter()
                .map(|o| o.name)
                .collect();
            out.push(IcsEvent {
                id: m.id,
                title: m.title,
                kind: m.kind,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                location: m.location,
                status: m.status,
                agenda,
                orgs,
                sequence: m.version - 1,
            });
        }
        Ok(out)
    }
}

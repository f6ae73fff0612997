//! Meetings as the calendar (ICS) export and the invitations need them.

use super::{Meeting, SELECT, agenda_of, from_row, installation_id, meeting_orgs};
use crate::domain::ics::{IcsEvent, Party, uid};
use crate::store::{Result, Store};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::collections::HashMap;

impl Store {
    /// Meetings starting on or after `from` (all when `None`), by start, as the
    /// calendar export needs them, without an ORGANIZER.
    pub fn meetings_for_ics(&self, from: Option<NaiveDate>) -> Result<Vec<IcsEvent>> {
        self.calendar_events(from, None)
    }

    /// [`Store::meetings_for_ics`], with `mailbox` (the configured `[mail] from`) as the
    /// ORGANIZER's address, named after each meeting's chair.
    pub fn calendar_events(
        &self,
        from: Option<NaiveDate>,
        mailbox: Option<&Party>,
    ) -> Result<Vec<IcsEvent>> {
        let mut st = self.conn.prepare(&format!(
            "{SELECT} WHERE ?1 IS NULL OR substr(starts_at, 1, 10) >= ?1 ORDER BY starts_at, id"
        ))?;
        let meetings: Vec<Meeting> = st
            .query_map([from.map(crate::store::date_str)], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let installation = installation_id(&self.conn)?;
        // Organisations and chairs recur across meetings: look each up once.
        let mut seen = Lookups::default();
        meetings
            .into_iter()
            .map(|m| self.ics_event(m, &installation, mailbox, &mut seen))
            .collect()
    }

    /// One meeting as its invitation carries it.
    pub fn meeting_ics_event(&self, id: i64, mailbox: Option<&Party>) -> Result<IcsEvent> {
        let m = self.meeting(id)?;
        let installation = installation_id(&self.conn)?;
        self.ics_event(m, &installation, mailbox, &mut Lookups::default())
    }

    /// Who a meeting's invitations go to: each invited organisation's address, else its
    /// contact person's; organisations without either come back apart, by name.
    pub fn meeting_invitees(&self, id: i64) -> Result<(Vec<Party>, Vec<String>)> {
        self.invitees(id, &mut Lookups::default())
    }

    fn invitees(&self, id: i64, seen: &mut Lookups) -> Result<(Vec<Party>, Vec<String>)> {
        let mut with = Vec::new();
        let mut without = Vec::new();
        for o in meeting_orgs(&self.conn, id)? {
            let address = match seen.addresses.get(&o.org_id) {
                Some(a) => a.clone(),
                None => {
                    let a = self.org_mail_address(o.org_id)?;
                    seen.addresses.insert(o.org_id, a.clone());
                    a
                }
            };
            match address {
                Some(email) => with.push(Party {
                    name: o.name,
                    email,
                }),
                None => without.push(crate::store::labels::org_label(&o.name, o.org_id)),
            }
        }
        Ok((with, without))
    }

    /// An organisation's e-mail address, else the first of its people's (by name).
    pub fn org_mail_address(&self, org_id: i64) -> Result<Option<String>> {
        let org = self.org(org_id)?;
        if let Some(e) = org.email.filter(|e| !e.trim().is_empty()) {
            return Ok(Some(e.trim().to_string()));
        }
        Ok(self
            .people("", Some(org_id), 50)?
            .into_iter()
            .filter(|p| !p.erased)
            .find_map(|p| p.email.filter(|e| !e.trim().is_empty()))
            .map(|e| e.trim().to_string()))
    }

    fn ics_event(
        &self,
        m: Meeting,
        installation: &str,
        mailbox: Option<&Party>,
        seen: &mut Lookups,
    ) -> Result<IcsEvent> {
        let agenda = agenda_of(&self.conn, m.id)?
            .into_iter()
            .map(|a| a.title)
            .collect();
        let orgs = meeting_orgs(&self.conn, m.id)?
            .into_iter()
            .map(|o| o.name)
            .collect();
        let chair = match (m.chair_id, mailbox) {
            (Some(p), Some(_)) => match seen.names.get(&p) {
                Some(n) => Some(n.clone()),
                None => {
                    let n = self.person(p)?.name;
                    seen.names.insert(p, n.clone());
                    Some(n)
                }
            },
            _ => None,
        };
        let organizer = mailbox.map(|b| Party {
            name: chair.unwrap_or_else(|| b.name.clone()),
            email: b.email.clone(),
        });
        let (attendees, _) = self.invitees(m.id, seen)?;
        Ok(IcsEvent {
            id: m.id,
            uid: uid(m.id, installation),
            title: m.title,
            kind: m.kind,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            location: m.location,
            status: m.status,
            agenda,
            orgs,
            sequence: m.sequence,
            organizer,
            attendees,
            last_modified: utc(&m.updated_at),
            cancel_reason: m.cancel_reason,
        })
    }
}

/// Organisations' addresses and people's names already looked up.
#[derive(Default)]
struct Lookups {
    addresses: HashMap<i64, Option<String>>,
    names: HashMap<i64, String>,
}

/// A stored UTC stamp (`2026-01-15T09:05:00Z`).
fn utc(s: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(s.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S")
        .ok()
        .map(|t| t.and_utc())
}

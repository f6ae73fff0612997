//! The meeting record: create, read, edit and step it through its states. Its agenda,
//! attendance, minutes lines and calendar export live in the submodules.

mod agenda;
mod attendance;
mod ics;
mod minute_entry;

pub use agenda::{AgendaItem, AgendaMove};
pub(crate) use agenda::{agenda_item, agenda_label, agenda_of, append_agenda_item};
pub use attendance::{MeetingOrg, MeetingPerson};
pub(crate) use attendance::{meeting_orgs, meeting_people};
pub(crate) use minute_entry::problems_column;
pub(crate) use minute_entry::{
    MINUTE_SELECT, add_minute_tx, minute_from_row, minute_get, realise, store_resolution,
};
pub use minute_entry::{MinuteEntry, StoredMinute};

use super::labels::{invitation_changes, org_label};
use super::versioned::{self, Change, Versioned};
use super::{Ctx, OptionalExt, Result, Store, StoreError, invalid, now_stamp, vocab};
use crate::domain::Problem;
use crate::domain::meeting::{
    MeetingEvent, MeetingStatus, check_editable, check_started, check_times, transition,
};
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::NaiveDateTime;
use rusqlite::{Connection, Row, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub location: String,
    pub district: Option<String>,
    pub status: MeetingStatus,
    pub chair_id: Option<i64>,
    pub minute_taker_id: Option<i64>,
    pub version: i64,
    /// The iCalendar SEQUENCE: raised by each change of time, place, status or
    /// invitation list. Kept out of the history's field list (the invitation rows name it).
    #[serde(skip)]
    pub sequence: i64,
    /// When it was called off (UTC), and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    /// The SEQUENCE the last invitations carried (sent, or written as drafts); None:
    /// none went out.
    #[serde(skip)]
    pub invited_sequence: Option<i64>,
    /// Last change (UTC), for LAST-MODIFIED.
    #[serde(skip)]
    pub updated_at: String,
}

impl Meeting {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Meeting, self.id)
    }
}

#[derive(Debug, Clone, Default)]
pub struct NewMeeting {
    pub title: String,
    pub kind: Option<String>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub location: Option<String>,
    pub district: Option<String>,
    pub org_ids: Vec<i64>,
    pub chair_id: Option<i64>,
    pub minute_taker_id: Option<i64>,
    pub agenda: Vec<String>,
}

/// A partial edit of a meeting: `None` leaves a field as it is; for the optional
/// fields `Some(None)` clears them.
#[derive(Debug, Clone, Default)]
pub struct MeetingEdit {
    pub title: Option<String>,
    pub kind: Option<String>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<Option<NaiveDateTime>>,
    pub location: Option<String>,
    pub district: Option<Option<String>>,
    pub chair_id: Option<Option<i64>>,
    pub minute_taker_id: Option<Option<i64>>,
    /// Organisations to invite.
    pub add_orgs: Vec<i64>,
    /// Organisations to take off the invitation list.
    pub remove_orgs: Vec<i64>,
}

pub(crate) const SELECT: &str =
    "SELECT id, title, kind, starts_at, ends_at, location, district, status, chair_id,
                             minute_taker_id, version, sequence, cancelled_at, cancel_reason,
                             invited_sequence, updated_at FROM meeting";

pub(crate) fn parse_dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .unwrap_or_default()
}

pub(crate) fn dt_str(d: NaiveDateTime) -> String {
    d.format("%Y-%m-%dT%H:%M").to_string()
}

pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: r.get(2)?,
        starts_at: parse_dt(&r.get::<_, String>(3)?),
        ends_at: r.get::<_, Option<String>>(4)?.map(|s| parse_dt(&s)),
        location: r.get(5)?,
        district: r.get(6)?,
        // A cancelled meeting keeps 'planned' in the status column (schema/015).
        status: match r.get::<_, Option<String>>(12)? {
            Some(_) => MeetingStatus::Cancelled,
            None => {
                MeetingStatus::from_code(&r.get::<_, String>(7)?).unwrap_or(MeetingStatus::Planned)
            }
        },
        chair_id: r.get(8)?,
        minute_taker_id: r.get(9)?,
        version: r.get(10)?,
        sequence: r.get(11)?,
        cancelled_at: r.get(12)?,
        cancel_reason: r.get(13)?,
        invited_sequence: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Meeting> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Meeting, id).to_string()))
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewMeeting) -> Result<Meeting> {
    let title = text::clean_line(&required(&new.title, crate::domain::Field::MeetingTitle)?);
    let starts = new
        .starts_at
        .ok_or_else(|| invalid(Problem::MeetingNeedsStart))?;
    if let Some(end) = new.ends_at
        && end < starts
    {
        return Err(invalid(Problem::EndsBeforeStart {
            end,
            start: starts,
            would: false,
        }));
    }
    check_times(starts, new.ends_at)?;
    for p in [new.chair_id, new.minute_taker_id].into_iter().flatten() {
        super::exists(tx, RecordRef::new(RecordKind::Person, p))?;
    }
    let district = vocab::accept(tx, ctx, TermKind::District, new.district.as_deref(), None)?;
    let now = now_stamp();
    tx.execute(
        "INSERT INTO meeting (title, kind, starts_at, ends_at, location, district, chair_id, minute_taker_id,
                              created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            title,
            new.kind.map(|k| text::clean_line(&k)).filter(|k| !k.trim().is_empty()).unwrap_or_else(|| "overleg".into()),
            dt_str(starts),
            new.ends_at.map(dt_str),
            new.location.map(|l| text::clean_line(&l)).unwrap_or_default(),
            district,
            new.chair_id,
            new.minute_taker_id,
            ctx.user,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    for org in &new.org_ids {
        super::exists(tx, RecordRef::new(RecordKind::Organisation, *org))?;
        tx.execute(
            "INSERT OR IGNORE INTO meeting_org (meeting_id, org_id) VALUES (?1, ?2)",
            params![id, org],
        )?;
    }
    for (i, item) in new.agenda.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, title) VALUES (?1, ?2, ?3)",
            params![id, i as i64 + 1, text::clean_line(item)],
        )?;
    }
    let invited = invitation_changes(&[], &org_names(tx, id)?);
    versioned::created(tx, ctx, id, Change::new("create").also(invited))
}

impl Versioned for Meeting {
    const KIND: RecordKind = RecordKind::Meeting;

    fn read(conn: &Connection, _ctx: &Ctx, id: i64) -> Result<Meeting> {
        get(conn, id)
    }
}

/// The audit action for a change to a meeting: an amendment once the minutes are final.
pub(crate) fn change_action(m: &Meeting, plain: &'static str) -> &'static str {
    if m.status.minutes_locked() {
        "amend"
    } else {
        plain
    }
}

/// The invited organisations as the history names them ("O-20 Bewonersorganisatie X").
fn org_names(conn: &Connection, meeting_id: i64) -> Result<Vec<String>> {
    Ok(meeting_orgs(conn, meeting_id)?
        .into_iter()
        .map(|o| org_label(&o.name, o.org_id))
        .collect())
}

/// A cancelled meeting keeps its agenda, attendance and minutes as they were.
pub(crate) fn ensure_not_cancelled(m: &Meeting) -> Result<()> {
    check_editable(m.status).map_err(|r| {
        crate::domain::Refusal::new(Problem::of(m.reference().to_string(), r.0)).into()
    })
}

/// Raise the meeting's SEQUENCE: its time, place, status or invitation list changed.
pub(crate) fn bump_sequence(tx: &Transaction<'_>, id: i64) -> Result<i64> {
    Ok(tx.query_row(
        "UPDATE meeting SET sequence = sequence + 1 WHERE id = ?1 RETURNING sequence",
        [id],
        |r| r.get(0),
    )?)
}

/// This database's installation id (schema/015), for calendar UIDs.
pub(crate) fn installation_id(conn: &Connection) -> Result<String> {
    Ok(
        conn.query_row("SELECT uuid FROM installation WHERE id = 1", [], |r| {
            r.get(0)
        })?,
    )
}

fn clean_opt(s: Option<String>) -> Option<String> {
    s.map(|v| text::clean_line(&v).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The planned meetings by start, then the others from the latest.
fn meeting_parts() -> Vec<super::lists::Part> {
    let part = |index: &str, cond: &str, order: &str| super::lists::Part {
        sql: format!(
            "{} INDEXED BY {index} WHERE {cond} ORDER BY {order}",
            SELECT.trim_end()
        ),
        params: Vec::new(),
    };
    vec![
        part(
            "meeting_planned",
            "status = 'planned' AND cancelled_at IS NULL",
            "starts_at, id",
        ),
        part(
            "meeting_done",
            "status IN ('held', 'final') OR cancelled_at IS NOT NULL",
            "starts_at DESC, id DESC",
        ),
    ]
}

impl Store {
    pub fn add_meeting(&mut self, new: NewMeeting) -> Result<Meeting> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        get(&self.conn, id)
    }

    /// Meetings ordered by start; `upcoming` shows planned ones from today on first.
    /// Meetings for a list: the planned ones soonest first, then the others (held,
    /// final, cancelled) latest first.
    pub fn meetings(&self, limit: usize) -> Result<Vec<Meeting>> {
        let mut rows = Vec::new();
        self.each_meeting(Some(limit), |m| {
            rows.push(m);
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }

    /// The rows of [`Store::meetings`], handed to `emit` one at a time: two range
    /// scans in index order, nothing sorted or collected.
    pub fn each_meeting<E: From<StoreError>>(
        &self,
        limit: Option<usize>,
        emit: impl FnMut(Meeting) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        super::lists::stream(&self.conn, &meeting_parts(), limit, from_row, emit)
    }

    /// EXPLAIN QUERY PLAN of each statement of the meeting list (for the plan tests).
    #[doc(hidden)]
    pub fn meeting_list_plans(&self) -> Result<Vec<String>> {
        super::lists::plans(&self.conn, &meeting_parts())
    }

    pub fn meeting_step(
        &mut self,
        id: i64,
        event: MeetingEvent,
        expected: Option<i64>,
    ) -> Result<Meeting> {
        let now = self.now_local();
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Meeting| {
                let to = transition(before.status, event)?;
                if event == MeetingEvent::Hold {
                    check_started(before.starts_at, now).map_err(|r| {
                        crate::domain::Refusal::new(Problem::of(
                            before.reference().to_string(),
                            r.0,
                        ))
                    })?;
                }
                tx.execute(
                    "UPDATE meeting SET status = ?2 WHERE id = ?1",
                    params![id, to.code()],
                )?;
                bump_sequence(tx, id)?;
                Ok(Change::new(to.code()))
            })
        })
    }

    /// Call off a planned meeting. It stays in the diary as cancelled, with the reason;
    /// its SEQUENCE rises so that a cancellation replaces the invitation in calendars.
    pub fn cancel_meeting(
        &mut self,
        id: i64,
        reason: Option<&str>,
        expected: Option<i64>,
    ) -> Result<Meeting> {
        let reason = clean_opt(reason.map(String::from));
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Meeting| {
                transition(before.status, MeetingEvent::Cancel).map_err(|r| {
                    crate::domain::Refusal::new(Problem::of(before.reference().to_string(), r.0))
                })?;
                tx.execute(
                    "UPDATE meeting SET cancelled_at = ?2, cancel_reason = ?3 WHERE id = ?1",
                    params![id, now_stamp(), reason],
                )?;
                let sequence = bump_sequence(tx, id)?;
                let mut also = vec![(
                    "sequence".to_string(),
                    serde_json::json!([before.sequence, sequence]),
                )];
                if let Some(r) = &reason {
                    also.push(("reason".to_string(), serde_json::json!([null, r])));
                }
                Ok(Change::new("cancel").also(also))
            })
        })
    }

    /// This database's installation id: part of every meeting's calendar UID.
    pub fn installation_id(&self) -> Result<String> {
        installation_id(&self.conn)
    }

    /// Edit a meeting's details and its invitation list; `expected` is the version the
    /// caller read. After finalising, the change is logged as an amendment.
    pub fn edit_meeting(
        &mut self,
        id: i64,
        edit: MeetingEdit,
        expected: Option<i64>,
    ) -> Result<Meeting> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Meeting| {
            check_editable(before.status)
                .map_err(|r| crate::domain::Refusal::new(Problem::of(before.reference().to_string(), r.0)))?;
            let orgs_before = org_names(tx, id)?;
            let mut after: Meeting = before.clone();
            if let Some(t) = edit.title {
                after.title = text::clean_line(&required(&t, crate::domain::Field::MeetingTitle)?);
            }
            if let Some(k) = edit.kind {
                after.kind = clean_opt(Some(k)).unwrap_or_else(|| "overleg".into());
            }
            if let Some(s) = edit.starts_at {
                after.starts_at = s;
            }
            if let Some(e) = edit.ends_at {
                after.ends_at = e;
            }
            if let Some(end) = after.ends_at
                && end < after.starts_at
            {
                return Err(invalid(Problem::EndsBeforeStart { end, start: after.starts_at, would: true }));
            }
            if after.starts_at != before.starts_at || after.ends_at != before.ends_at {
                check_times(after.starts_at, after.ends_at)?;
            }
            if let Some(l) = edit.location {
                after.location = text::clean_line(&l).trim().to_string();
            }
            if let Some(d) = edit.district {
                after.district = match d {
                    Some(d) => vocab::accept(tx, ctx, TermKind::District, Some(&d), None)?,
                    None => None,
                };
            }
            if let Some(c) = edit.chair_id {
                after.chair_id = c;
            }
            if let Some(m) = edit.minute_taker_id {
                after.minute_taker_id = m;
            }
            for p in [after.chair_id, after.minute_taker_id].into_iter().flatten() {
                super::exists(tx, RecordRef::new(RecordKind::Person, p))?;
            }
            let invited: Vec<i64> = meeting_orgs(tx, id)?.iter().map(|o| o.org_id).collect();
            for org in &edit.remove_orgs {
                if !invited.contains(org) {
                    return Err(invalid(Problem::NotInvited { org: RecordRef::new(RecordKind::Organisation, *org).to_string(), meeting: before.reference().to_string() }));
                }
                if edit.add_orgs.contains(org) {
                    return Err(invalid(Problem::AddedAndRemoved { org: RecordRef::new(RecordKind::Organisation, *org).to_string(), meeting: before.reference().to_string() }));
                }
            }
            tx.execute(
                "UPDATE meeting SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, location = ?6,
                        district = ?7, chair_id = ?8, minute_taker_id = ?9 WHERE id = ?1",
                params![
                    id,
                    after.title,
                    after.kind,
                    dt_str(after.starts_at),
                    after.ends_at.map(dt_str),
                    after.location,
                    after.district,
                    after.chair_id,
                    after.minute_taker_id
                ],
            )?;
            for org in &edit.add_orgs {
                super::exists(tx, RecordRef::new(RecordKind::Organisation, *org))?;
                tx.execute(
                    "INSERT OR IGNORE INTO meeting_org (meeting_id, org_id) VALUES (?1, ?2)",
                    params![id, org],
                )?;
            }
            for org in &edit.remove_orgs {
                tx.execute(
                    "DELETE FROM meeting_org WHERE meeting_id = ?1 AND org_id = ?2",
                    params![id, org],
                )?;
            }
            let orgs_after = org_names(tx, id)?;
            // What a calendar shows changed: the copies already sent must be replaced.
            let moved = after.starts_at != before.starts_at
                || after.ends_at != before.ends_at
                || after.location != before.location
                || orgs_after != orgs_before;
            if moved {
                bump_sequence(tx, id)?;
            }
            Ok(Change::new(change_action(before, "update"))
                .also(invitation_changes(&orgs_before, &orgs_after)))
            })
        })
    }
}

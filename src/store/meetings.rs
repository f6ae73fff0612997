//! Meetings, their agenda, attendance and minutes. A minutes line is stored the moment
//! it is entered; `A:`, `T:` and `S:` lines create their action, commitment or signal in
//! the same transaction.

use super::{
    Ctx, OptionalExt, Result, Store, StoreError, actions, audit, bump_version, commitments,
    invalid, now_stamp,
    resolve::{self, Owner},
    signals,
};
use crate::domain::ics::IcsEvent;
use crate::domain::meeting::{MeetingEvent, MeetingStatus, transition};
use crate::domain::minutes::{EntryKind, ParsedLine, parse_line};
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::{NaiveDate, NaiveDateTime};
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
}

impl Meeting {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Meeting, self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingOrg {
    pub org_id: i64,
    pub name: String,
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    pub position: i64,
    pub title: String,
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

/// A minutes line as stored, with what it created and what could not be resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMinute {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub position: i64,
    pub kind: EntryKind,
    pub text: String,
    pub created: Option<String>,
    pub problems: Vec<String>,
    pub answered: bool,
    pub amendment: bool,
    pub created_by: String,
    pub version: i64,
}

/// What `add_minute` did with a line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinuteEntry {
    pub minute: StoredMinute,
    pub parsed_kind: EntryKind,
}

pub(crate) const SELECT: &str =
    "SELECT id, title, kind, starts_at, ends_at, location, district, status, chair_id,
                             minute_taker_id, version FROM meeting";

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
        status: MeetingStatus::from_code(&r.get::<_, String>(7)?).unwrap_or(MeetingStatus::Planned),
        chair_id: r.get(8)?,
        minute_taker_id: r.get(9)?,
        version: r.get(10)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Meeting> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Meeting, id).to_string()))
}

pub(crate) fn minute_from_row(r: &Row<'_>) -> rusqlite::Result<StoredMinute> {
    let kind: String = r.get(4)?;
    let created = match (
        r.get::<_, Option<i64>>(6)?,
        r.get::<_, Option<i64>>(7)?,
        r.get::<_, Option<i64>>(8)?,
    ) {
        (Some(s), _, _) => Some(format!("S-{s}")),
        (_, Some(a), _) => Some(format!("A-{a}")),
        (_, _, Some(c)) => Some(format!("C-{c}")),
        _ => None,
    };
    let problems: String = r.get(9)?;
    Ok(StoredMinute {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        position: r.get(3)?,
        kind: EntryKind::from_code(&kind).unwrap_or(EntryKind::Note),
        text: r.get(5)?,
        created,
        problems: problems
            .lines()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect(),
        answered: r.get(10)?,
        amendment: r.get(11)?,
        created_by: r.get(12)?,
        version: r.get(13)?,
    })
}

pub(crate) const MINUTE_SELECT: &str = "SELECT id, meeting_id, agenda_item_id, position, kind, text, signal_id, action_id,
                                    commitment_id, problems, answered, amendment, created_by, version FROM minute";

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewMeeting) -> Result<Meeting> {
    let title = text::clean_line(&required(&new.title, "a meeting's title")?);
    let starts = new
        .starts_at
        .ok_or_else(|| invalid("a meeting needs a start, e.g. --start 2024-10-16T19:30"))?;
    if let Some(end) = new.ends_at
        && end < starts
    {
        return Err(invalid(format!(
            "the meeting ends ({end}) before it starts ({starts})"
        )));
    }
    for p in [new.chair_id, new.minute_taker_id].into_iter().flatten() {
        super::exists(tx, RecordRef::new(RecordKind::Person, p))?;
    }
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
            new.district.map(|d| text::clean_line(&d)).filter(|d| !d.trim().is_empty()),
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
    let m = get(tx, id)?;
    audit::log(tx, ctx, m.reference(), "create", audit::created(&m))?;
    Ok(m)
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

/// Store one minutes line and create what it asks for. Unresolvable tokens never lose
/// the line: it is stored as typed, with its problems listed.
pub(crate) fn add_minute_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    meeting_id: i64,
    agenda_item_id: Option<i64>,
    line: &str,
) -> Result<MinuteEntry> {
    let meeting = get(tx, meeting_id)?;
    let line = text::clean_line(line);
    if line.trim().is_empty() {
        return Err(invalid("an empty line is not stored"));
    }
    if let Some(a) = agenda_item_id {
        let ok: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM agenda_item WHERE id = ?1 AND meeting_id = ?2",
                params![a, meeting_id],
                |r| r.get(0),
            )
            .optional()?;
        if ok.is_none() {
            return Err(invalid(format!(
                "agenda item {a} is not part of {}",
                meeting.reference()
            )));
        }
    }
    let parsed = parse_line(&line, ctx.today);
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM minute WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    let now = now_stamp();
    tx.execute(
        "INSERT INTO minute (meeting_id, agenda_item_id, position, kind, text, amendment, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![meeting_id, agenda_item_id, position, parsed.kind.code(), line, meeting.status.minutes_locked(), ctx.user, now],
    )?;
    let id = tx.last_insert_rowid();
    let r = realise(tx, ctx, &meeting, agenda_item_id, &parsed, true)?;
    store_resolution(tx, id, &r)?;
    let minute = minute_get(tx, id)?;
    let action = if minute.amendment { "amend" } else { "create" };
    audit::log(
        tx,
        ctx,
        meeting.reference(),
        action,
        serde_json::json!({ "minute": [null, line] }),
    )?;
    Ok(MinuteEntry {
        parsed_kind: parsed.kind,
        minute,
    })
}

pub(crate) fn minute_get(conn: &Connection, id: i64) -> Result<StoredMinute> {
    conn.query_row(
        &format!("{MINUTE_SELECT} WHERE id = ?1"),
        [id],
        minute_from_row,
    )
    .optional()?
    .ok_or_else(|| invalid(format!("minutes line {id} does not exist")))
}

/// What resolving a line's tokens gave: the problems found and the record created.
#[derive(Debug, Default)]
pub(crate) struct Resolution {
    pub problems: Vec<String>,
    /// (signal, action, commitment)
    pub created: (Option<i64>, Option<i64>, Option<i64>),
}

impl Resolution {
    pub(crate) fn created_ref(&self) -> Option<RecordRef> {
        match self.created {
            (Some(s), _, _) => Some(RecordRef::new(RecordKind::Signal, s)),
            (_, Some(a), _) => Some(RecordRef::new(RecordKind::Action, a)),
            (_, _, Some(c)) => Some(RecordRef::new(RecordKind::Commitment, c)),
            _ => None,
        }
    }
}

/// Write a resolution onto its minutes line: the links and the problems.
pub(crate) fn store_resolution(tx: &Transaction<'_>, minute_id: i64, r: &Resolution) -> Result<()> {
    tx.execute(
        "UPDATE minute SET signal_id = ?2, action_id = ?3, commitment_id = ?4, problems = ?5 WHERE id = ?1",
        params![minute_id, r.created.0, r.created.1, r.created.2, r.problems.join("\n")],
    )?;
    Ok(())
}

/// Resolve a line's tokens and, when complete and `create` is set, create its action,
/// commitment or signal. With `create` unset (the line made its record before) only
/// the tokens are checked, so that the text can still be highlighted.
pub(crate) fn realise(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    meeting: &Meeting,
    agenda_item_id: Option<i64>,
    parsed: &ParsedLine,
    create: bool,
) -> Result<Resolution> {
    let mut problems: Vec<String> = parsed.problems().into_iter().map(|(_, m)| m).collect();
    let owner = match parsed.owner() {
        Some(o) => match resolve::owner(tx, o) {
            Ok(owner) => Some(owner),
            Err(e) => {
                problems.push(format!("@{o}: {e}"));
                None
            }
        },
        None => None,
    };
    let orgs = meeting_orgs(tx, meeting.id)?;
    let org = match parsed.org() {
        Some(o) => match resolve::org_id(tx, o) {
            Ok(id) => Some(id),
            Err(e) => {
                problems.push(format!("org:{o}: {e}"));
                None
            }
        },
        None if orgs.len() == 1 => Some(orgs[0].org_id),
        None => None,
    };
    let title = parsed.title();
    let mut created: (Option<i64>, Option<i64>, Option<i64>) = (None, None, None);
    if create && problems.is_empty() {
        match parsed.kind {
            EntryKind::Action => {
                let a = actions::insert(
                    tx,
                    ctx,
                    actions::NewAction {
                        text: title,
                        owner: owner.unwrap_or_default(),
                        due: parsed.due(),
                        signal_id: None,
                        meeting_id: Some(meeting.id),
                        agenda_item_id,
                    },
                )?;
                created.1 = Some(a.id);
            }
            EntryKind::Commitment => match (org, parsed.due()) {
                (Some(org_id), Some(due)) => {
                    let c = commitments::insert(
                        tx,
                        ctx,
                        commitments::NewCommitment {
                            text: title,
                            org_id,
                            owner: owner.unwrap_or_default(),
                            due,
                            signal_id: None,
                            meeting_id: Some(meeting.id),
                            agenda_item_id,
                        },
                    )?;
                    created.2 = Some(c.id);
                }
                (None, _) => {
                    problems.push("a commitment is made to an organisation: add org:NAME".into())
                }
                (_, None) => problems
                    .push("a commitment needs a due date: add due:+14d or due:2024-12-01".into()),
            },
            EntryKind::Signal => {
                let s = signals::insert(
                    tx,
                    ctx,
                    signals::NewSignal {
                        title,
                        org_id: org,
                        theme: parsed.theme().map(str::to_string),
                        meeting_id: Some(meeting.id),
                        ..Default::default()
                    },
                )?;
                created.0 = Some(s.id);
            }
            _ => {}
        }
    }
    Ok(Resolution { problems, created })
}

impl Store {
    pub fn add_meeting(&mut self, new: NewMeeting) -> Result<Meeting> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        get(&self.conn, id)
    }

    /// Meetings ordered by start; `upcoming` shows planned ones from today on first.
    pub fn meetings(&self, limit: usize) -> Result<Vec<Meeting>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{SELECT} ORDER BY status = 'planned' DESC,
                       CASE WHEN status = 'planned' THEN starts_at END ASC, starts_at DESC LIMIT ?1"
        ))?;
        let rows = st.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting_orgs(&self, id: i64) -> Result<Vec<MeetingOrg>> {
        meeting_orgs(&self.conn, id)
    }

    pub fn agenda(&self, id: i64) -> Result<Vec<AgendaItem>> {
        agenda_of(&self.conn, id)
    }

    pub fn minutes(&self, meeting_id: i64) -> Result<Vec<StoredMinute>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{MINUTE_SELECT} WHERE meeting_id = ?1 ORDER BY position, id"
        ))?;
        let rows = st.query_map([meeting_id], minute_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_minute(
        &mut self,
        meeting_id: i64,
        agenda_item_id: Option<i64>,
        line: &str,
    ) -> Result<MinuteEntry> {
        self.write(|tx, ctx| add_minute_tx(tx, ctx, meeting_id, agenda_item_id, line))
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

    pub fn meeting_step(
        &mut self,
        id: i64,
        event: MeetingEvent,
        expected: Option<i64>,
    ) -> Result<Meeting> {
        self.write(|tx, ctx| {
            let before = get(tx, id)?;
            let to = transition(before.status, event)?;
            let version = bump_version(tx, before.reference(), expected)?;
            tx.execute(
                "UPDATE meeting SET status = ?2 WHERE id = ?1",
                params![id, to.code()],
            )?;
            let mut after = get(tx, id)?;
            after.version = version;
            audit::log(
                tx,
                ctx,
                after.reference(),
                to.code(),
                audit::diff(&before, &after),
            )?;
            Ok(after)
        })
    }

    /// The owner as it would be resolved from a minutes token; for previews.
    pub fn preview_owner(&self, token: &str) -> Result<Owner> {
        resolve::owner(&self.conn, token)
    }
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

/// A step of an agenda item up or down the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaMove {
    Up,
    Down,
}

/// The audit action for a change to a meeting: an amendment once the minutes are final.
pub(crate) fn change_action(m: &Meeting, plain: &'static str) -> &'static str {
    if m.status.minutes_locked() {
        "amend"
    } else {
        plain
    }
}

fn org_names(conn: &Connection, meeting_id: i64) -> Result<Vec<String>> {
    Ok(meeting_orgs(conn, meeting_id)?
        .into_iter()
        .map(|o| format!("O-{} {}", o.org_id, o.name))
        .collect())
}

/// An agenda item with the meeting it belongs to.
pub(crate) fn agenda_item(conn: &Connection, item_id: i64) -> Result<(Meeting, AgendaItem)> {
    let found: Option<(i64, AgendaItem)> = conn
        .query_row(
            "SELECT meeting_id, id, position, title FROM agenda_item WHERE id = ?1",
            [item_id],
            |r| {
                Ok((
                    r.get(0)?,
                    AgendaItem {
                        id: r.get(1)?,
                        position: r.get(2)?,
                        title: r.get(3)?,
                    },
                ))
            },
        )
        .optional()?;
    let (meeting_id, item) =
        found.ok_or_else(|| invalid(format!("agenda item {item_id} does not exist")))?;
    Ok((get(conn, meeting_id)?, item))
}

pub(crate) fn agenda_of(conn: &Connection, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let mut st = conn.prepare_cached(
        "SELECT id, position, title FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok(AgendaItem {
            id: r.get(0)?,
            position: r.get(1)?,
            title: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Append an agenda item at the end; the caller logs it.
pub(crate) fn append_agenda_item(
    tx: &Transaction<'_>,
    meeting_id: i64,
    title: &str,
) -> Result<AgendaItem> {
    let title = text::clean_line(&required(title, "an agenda item's title")?);
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO agenda_item (meeting_id, position, title) VALUES (?1, ?2, ?3)",
        params![meeting_id, position, title],
    )?;
    Ok(AgendaItem {
        id: tx.last_insert_rowid(),
        position,
        title,
    })
}

/// Number the agenda 1, 2, 3, … in its current order.
fn renumber_agenda(tx: &Transaction<'_>, meeting_id: i64) -> Result<()> {
    for (i, item) in agenda_of(tx, meeting_id)?.iter().enumerate() {
        let want = i as i64 + 1;
        if item.position != want {
            tx.execute(
                "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
                params![item.id, want],
            )?;
        }
    }
    Ok(())
}

fn clean_opt(s: Option<String>) -> Option<String> {
    s.map(|v| text::clean_line(&v).trim().to_string())
        .filter(|v| !v.is_empty())
}

impl Store {
    /// Edit a meeting's details and its invitation list; `expected` is the version the
    /// caller read. After finalising, the change is logged as an amendment.
    pub fn edit_meeting(
        &mut self,
        id: i64,
        edit: MeetingEdit,
        expected: Option<i64>,
    ) -> Result<Meeting> {
        self.write(|tx, ctx| {
            let before = get(tx, id)?;
            let orgs_before = org_names(tx, id)?;
            let mut after = before.clone();
            if let Some(t) = edit.title {
                after.title = text::clean_line(&required(&t, "a meeting's title")?);
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
                return Err(invalid(format!(
                    "the meeting would end ({}) before it starts ({})",
                    dt_str(end),
                    dt_str(after.starts_at)
                )));
            }
            if let Some(l) = edit.location {
                after.location = text::clean_line(&l).trim().to_string();
            }
            if let Some(d) = edit.district {
                after.district = clean_opt(d);
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
                    return Err(invalid(format!(
                        "O-{org} is not invited to {}",
                        before.reference()
                    )));
                }
                if edit.add_orgs.contains(org) {
                    return Err(invalid(format!(
                        "O-{org} is both added to and removed from {}",
                        before.reference()
                    )));
                }
            }
            let version = bump_version(tx, before.reference(), expected)?;
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
            let mut after = get(tx, id)?;
            after.version = version;
            let mut changes = audit::diff(&before, &after);
            let orgs_after = org_names(tx, id)?;
            if orgs_after != orgs_before
                && let serde_json::Value::Object(map) = &mut changes
            {
                map.insert(
                    "organisations".into(),
                    serde_json::json!([orgs_before, orgs_after]),
                );
            }
            audit::log(
                tx,
                ctx,
                after.reference(),
                change_action(&before, "update"),
                changes,
            )?;
            Ok(after)
        })
    }

    /// Add an agenda item at the end of the agenda.
    pub fn add_agenda_item(&mut self, meeting_id: i64, title: &str) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            let item = append_agenda_item(tx, meeting_id, title)?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                change_action(&m, "agenda"),
                serde_json::json!({ format!("agenda item {}", item.position): [null, item.title] }),
            )?;
            Ok(item)
        })
    }

    /// Rename an agenda item.
    pub fn rename_agenda_item(&mut self, item_id: i64, title: &str) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let (m, before) = agenda_item(tx, item_id)?;
            let title = text::clean_line(&required(title, "an agenda item's title")?);
            tx.execute(
                "UPDATE agenda_item SET title = ?2 WHERE id = ?1",
                params![item_id, title],
            )?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                change_action(&m, "agenda"),
                serde_json::json!({ format!("agenda item {}", before.position): [before.title, title] }),
            )?;
            Ok(AgendaItem { title, ..before })
        })
    }

    /// Move an agenda item one place up or down. Returns false (and changes nothing)
    /// when it is first (up) or last (down) already.
    pub fn move_agenda_item(&mut self, item_id: i64, dir: AgendaMove) -> Result<bool> {
        self.write(|tx, ctx| {
            let (m, item) = agenda_item(tx, item_id)?;
            let agenda = agenda_of(tx, m.id)?;
            let at = agenda
                .iter()
                .position(|a| a.id == item_id)
                .ok_or_else(|| invalid(format!("agenda item {item_id} does not exist")))?;
            let other = match dir {
                AgendaMove::Up if at > 0 => at - 1,
                AgendaMove::Down if at + 1 < agenda.len() => at + 1,
                _ => return Ok(false),
            };
            let mut order: Vec<i64> = agenda.iter().map(|a| a.id).collect();
            order.swap(at, other);
            for (i, id) in order.iter().enumerate() {
                tx.execute(
                    "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
                    params![id, i as i64 + 1],
                )?;
            }
            audit::log(
                tx,
                ctx,
                m.reference(),
                change_action(&m, "agenda"),
                serde_json::json!({ format!("agenda item \"{}\" position", item.title): [at + 1, other + 1] }),
            )?;
            Ok(true)
        })
    }

    /// Delete an agenda item. Refused while minutes lines, actions or commitments hang
    /// under it: move those lines to another item first.
    pub fn delete_agenda_item(&mut self, item_id: i64) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let (m, item) = agenda_item(tx, item_id)?;
            let lines: i64 = tx.query_row(
                "SELECT count(*) FROM minute WHERE agenda_item_id = ?1",
                [item_id],
                |r| r.get(0),
            )?;
            if lines > 0 {
                return Err(invalid(format!(
                    "agenda item {} \"{}\" has {lines} minutes line{}; move {} to another item first",
                    item.position,
                    item.title,
                    if lines == 1 { "" } else { "s" },
                    if lines == 1 { "it" } else { "them" },
                )));
            }
            let mut st = tx.prepare(
                "SELECT 'A-' || id FROM action WHERE agenda_item_id = ?1
                 UNION ALL SELECT 'C-' || id FROM commitment WHERE agenda_item_id = ?1",
            )?;
            let records: Vec<String> = st
                .query_map([item_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !records.is_empty() {
                return Err(invalid(format!(
                    "agenda item {} \"{}\" is where {} came from; it stays",
                    item.position,
                    item.title,
                    records.join(", ")
                )));
            }
            tx.execute("DELETE FROM agenda_item WHERE id = ?1", [item_id])?;
            renumber_agenda(tx, m.id)?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                change_action(&m, "agenda"),
                serde_json::json!({ format!("agenda item {}", item.position): [item.title, null] }),
            )?;
            Ok(item)
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
            super::exists(tx, RecordRef::new(RecordKind::Person, person_id))?;
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

    /// The people on a meeting's attendance list, by name.
    pub fn meeting_people(&self, meeting_id: i64) -> Result<Vec<MeetingPerson>> {
        meeting_people(&self.conn, meeting_id)
    }

    /// Meetings starting on or after `from` (all when `None`), by start, as the
    /// calendar export needs them.
    pub fn meetings_for_ics(&self, from: Option<NaiveDate>) -> Result<Vec<IcsEvent>> {
        let mut st = self.conn.prepare(&format!(
            "{SELECT} WHERE ?1 IS NULL OR substr(starts_at, 1, 10) >= ?1 ORDER BY starts_at, id"
        ))?;
        let meetings: Vec<Meeting> = st
            .query_map([from.map(super::date_str)], from_row)?
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

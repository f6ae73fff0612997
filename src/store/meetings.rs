//! Meetings, their agenda, attendance and minutes. A minutes line is stored the moment
//! it is entered; `A:`, `T:` and `S:` lines create their action, commitment or signal in
//! the same transaction.

use super::{
    Ctx, OptionalExt, Result, Store, StoreError, actions, audit, bump_version, commitments,
    invalid, now_stamp,
    resolve::{self, Owner},
    signals,
};
use crate::domain::meeting::{MeetingEvent, MeetingStatus, transition};
use crate::domain::minutes::{EntryKind, ParsedLine, parse_line};
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

const SELECT: &str =
    "SELECT id, title, kind, starts_at, ends_at, location, district, status, chair_id,
                             minute_taker_id, version FROM meeting";

fn parse_dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .unwrap_or_default()
}

pub(crate) fn dt_str(d: NaiveDateTime) -> String {
    d.format("%Y-%m-%dT%H:%M").to_string()
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
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

fn minute_from_row(r: &Row<'_>) -> rusqlite::Result<StoredMinute> {
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

const MINUTE_SELECT: &str = "SELECT id, meeting_id, agenda_item_id, position, kind, text, signal_id, action_id,
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

fn meeting_orgs(conn: &Connection, meeting_id: i64) -> Result<Vec<MeetingOrg>> {
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
    realise(tx, ctx, &meeting, id, agenda_item_id, &parsed)?;
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

fn minute_get(conn: &Connection, id: i64) -> Result<StoredMinute> {
    conn.query_row(
        &format!("{MINUTE_SELECT} WHERE id = ?1"),
        [id],
        minute_from_row,
    )
    .optional()?
    .ok_or_else(|| invalid(format!("minutes line {id} does not exist")))
}

/// Resolve a line's tokens and, when complete, create its action, commitment or signal.
fn realise(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    meeting: &Meeting,
    minute_id: i64,
    agenda_item_id: Option<i64>,
    parsed: &ParsedLine,
) -> Result<()> {
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
    if problems.is_empty() {
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
    tx.execute(
        "UPDATE minute SET signal_id = ?2, action_id = ?3, commitment_id = ?4, problems = ?5 WHERE id = ?1",
        params![minute_id, created.0, created.1, created.2, problems.join("\n")],
    )?;
    Ok(())
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
        let mut st = self
            .conn
            .prepare_cached("SELECT id, position, title FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id")?;
        let rows = st.query_map([id], |r| {
            Ok(AgendaItem {
                id: r.get(0)?,
                position: r.get(1)?,
                title: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

//! The digest: what is overdue or due soon for one person, for a login message or a
//! daily mail from cron.

use super::{Result, Store, StoreError, date_str, parse_date_col};
use crate::domain::Problem;
use crate::domain::{RecordKind, RecordRef};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::params;
use serde::Serialize;

/// Days ahead a digest looks unless told otherwise.
pub const DIGEST_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DigestKind {
    /// Feedback owed on a signal the person owns.
    Feedback,
    Commitment,
    Action,
}

impl DigestKind {
    pub fn label(self) -> &'static str {
        match self {
            DigestKind::Feedback => "feedback owed",
            DigestKind::Commitment => "commitment",
            DigestKind::Action => "action",
        }
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            DigestKind::Feedback => "terugkoppeling",
            DigestKind::Commitment => "toezegging",
            DigestKind::Action => "actie",
        }
    }
}

/// Something with a due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestItem {
    pub record: String,
    pub kind: DigestKind,
    pub text: String,
    /// The organisation it is owed to, where there is one.
    pub org: Option<String>,
    pub due: NaiveDate,
    /// Days from today to the due date: negative when overdue.
    pub days: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingTask {
    /// A planned meeting in the coming days.
    Prepare,
    /// Held, minutes not final yet, and this person took them or chaired.
    FinaliseMinutes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestMeeting {
    pub record: String,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub task: MeetingTask,
    /// chair, minute-taker, invited
    pub roles: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Digest {
    pub person: String,
    pub person_name: String,
    pub today: NaiveDate,
    pub days: i64,
    /// Past due, most overdue first.
    pub overdue: Vec<DigestItem>,
    /// Due today or in the coming days, soonest first.
    pub due_soon: Vec<DigestItem>,
    pub meetings: Vec<DigestMeeting>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.due_soon.is_empty() && self.meetings.is_empty()
    }
}

fn parse_dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .unwrap_or_default()
}

impl Store {
    /// The person a digest is for: a username (exactly, any case), else an ID or a
    /// unique prefix of a name.
    pub fn digest_person(&self, who: &str) -> Result<i64> {
        let by_username: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM person WHERE username = ?1 COLLATE NOCASE AND erased_at IS NULL",
                [who.trim()],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        match by_username {
            Some(id) => Ok(id),
            None => self.resolve_person(who),
        }
    }

    /// What is overdue or due within `days` for a person: feedback owed on signals they
    /// own, their open commitments and actions, meetings to prepare (planned in the
    /// coming days, where they chair, take minutes or are invited) and minutes to
    /// finalise (held meetings they chaired or took minutes of).
    pub fn digest(&self, person_id: i64, days: i64) -> Result<Digest> {
        let person = super::people::get(&self.conn, person_id)?;
        if person.erased {
            return Err(StoreError::Invalid(Problem::Erased {
                reference: person.reference().to_string(),
            }));
        }
        let today = self.today();
        let horizon = date_str(today + Duration::days(days.max(0)));
        let mut items: Vec<DigestItem> = Vec::new();
        let item = |kind: DigestKind, letter: RecordKind| {
            move |r: &rusqlite::Row<'_>| -> rusqlite::Result<DigestItem> {
                let due = parse_date_col(&r.get::<_, String>(3)?);
                Ok(DigestItem {
                    record: RecordRef::new(letter, r.get(0)?).to_string(),
                    kind,
                    text: r.get(1)?,
                    org: r.get(2)?,
                    due,
                    days: (due - today).num_days(),
                })
            }
        };
        let queries: [(&str, DigestKind, RecordKind); 3] = [
            (
                "SELECT s.id, s.title, o.name, s.feedback_due FROM signal s LEFT JOIN organisation o ON o.id = s.org_id
                  WHERE s.owner_person_id = ?1 AND s.state IN ('new', 'triaged', 'in_progress')
                    AND s.feedback_due IS NOT NULL AND s.feedback_due <= ?2",
                DigestKind::Feedback,
                RecordKind::Signal,
            ),
            (
                "SELECT c.id, c.text, o.name, c.due FROM commitment c JOIN organisation o ON o.id = c.org_id
                  WHERE c.owner_person_id = ?1 AND c.state = 'open' AND c.due <= ?2",
                DigestKind::Commitment,
                RecordKind::Commitment,
            ),
            (
                "SELECT a.id, a.text, NULL, a.due FROM action a
                  WHERE a.owner_person_id = ?1 AND a.state = 'open' AND a.due IS NOT NULL AND a.due <= ?2",
                DigestKind::Action,
                RecordKind::Action,
            ),
        ];
        for (sql, kind, letter) in queries {
            let mut st = self.conn.prepare_cached(sql)?;
            for row in st.query_map(params![person_id, horizon], item(kind, letter))? {
                items.push(row?);
            }
        }
        items.sort_by(|a, b| (a.due, a.kind, &a.record).cmp(&(b.due, b.kind, &b.record)));
        let (overdue, due_soon): (Vec<_>, Vec<_>) = items.into_iter().partition(|i| i.days < 0);

        let mut st = self.conn.prepare_cached(
            "SELECT m.id, m.title, m.starts_at, m.status, m.chair_id = ?1, m.minute_taker_id = ?1,
                    EXISTS (SELECT 1 FROM meeting_person mp WHERE mp.meeting_id = m.id AND mp.person_id = ?1)
               FROM meeting m
              WHERE (m.status = 'planned' AND m.cancelled_at IS NULL AND substr(m.starts_at, 1, 10) BETWEEN ?2 AND ?3
                     AND (m.chair_id = ?1 OR m.minute_taker_id = ?1
                          OR EXISTS (SELECT 1 FROM meeting_person mp WHERE mp.meeting_id = m.id AND mp.person_id = ?1)))
                 OR (m.status = 'held' AND substr(m.starts_at, 1, 10) <= ?2
                     AND (m.chair_id = ?1 OR m.minute_taker_id = ?1))
              ORDER BY m.starts_at, m.id",
        )?;
        let rows = st.query_map(params![person_id, date_str(today), horizon], |r| {
            let mut roles = Vec::new();
            if r.get::<_, Option<bool>>(4)?.unwrap_or(false) {
                roles.push("chair");
            }
            if r.get::<_, Option<bool>>(5)?.unwrap_or(false) {
                roles.push("minute-taker");
            }
            if r.get::<_, bool>(6)? {
                roles.push("invited");
            }
            let status: String = r.get(3)?;
            Ok(DigestMeeting {
                record: RecordRef::new(RecordKind::Meeting, r.get(0)?).to_string(),
                title: r.get(1)?,
                starts_at: parse_dt(&r.get::<_, String>(2)?),
                task: if status == "held" {
                    MeetingTask::FinaliseMinutes
                } else {
                    MeetingTask::Prepare
                },
                roles,
            })
        })?;
        let meetings = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Digest {
            person: person.reference().to_string(),
            person_name: person.name,
            today,
            days,
            overdue,
            due_soon,
            meetings,
        })
    }
}

//! The facts behind the statement to an organisation (`domain::report::statement`):
//! its signals with their feedback and due-date moves, the commitments made to it, the
//! meetings it was at with their decisions, and its open questions.

use super::meetings::parse_dt;
use super::minute_reading::{read_line_or_as_typed, written_day};
use super::{Result, Store, audit, parse_date_col};
use crate::domain::commitment::CommitmentState;
use crate::domain::meeting::MeetingStatus;
use crate::domain::report::statement::{
    DueChange, FeedbackGiven, Statement, StatementCommitment, StatementMeeting, StatementQuestion,
    StatementSignal,
};
use crate::domain::signal::SignalState;
use crate::domain::{RecordKind, RecordRef};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

fn opt_date(s: Option<String>) -> Option<NaiveDate> {
    s.filter(|s| !s.is_empty()).map(|s| parse_date_col(&s))
}

/// The service that handles a record: the service named as owner, else the owner's own
/// organisation. Never a person's name: the statement goes outside.
const SERVICE: &str = "coalesce((SELECT name FROM organisation WHERE id = {t}.owner_org_id),
                                (SELECT o.name FROM person p JOIN organisation o ON o.id = p.org_id
                                  WHERE p.id = {t}.owner_person_id))";

fn service(table: &str) -> String {
    SERVICE.replace("{t}", table)
}

fn signals(conn: &Connection, org_id: i64, today: NaiveDate) -> Result<Vec<StatementSignal>> {
    let mut st = conn.prepare(&format!(
        "SELECT s.id, s.title, s.received_on, s.state, {}, s.expectation,
                coalesce(s.first_due, s.feedback_due), s.feedback_due, s.merged_into
           FROM signal s WHERE s.org_id = ?1 ORDER BY s.received_on, s.id",
        service("s")
    ))?;
    let mut out = st
        .query_map([org_id], |r| {
            let state: String = r.get(3)?;
            Ok(StatementSignal {
                reference: RecordRef::new(RecordKind::Signal, r.get(0)?).to_string(),
                title: r.get(1)?,
                received_on: parse_date_col(&r.get::<_, String>(2)?),
                state: SignalState::from_code(&state).unwrap_or(SignalState::New),
                service: r.get(4)?,
                expectation: r.get(5)?,
                promised: opt_date(r.get(6)?),
                due: opt_date(r.get(7)?),
                moves: Vec::new(),
                feedback: Vec::new(),
                merged_into: r
                    .get::<_, Option<i64>>(8)?
                    .map(|m| RecordRef::new(RecordKind::Signal, m).to_string()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut fb = conn.prepare_cached(
        "SELECT given_on, is_final, channel, text, next_due FROM feedback
          WHERE signal_id = ?1 ORDER BY given_on, id",
    )?;
    let mut mv = conn.prepare_cached(
        "SELECT old_due, new_due, reason, moved_at FROM signal_due_move
          WHERE signal_id = ?1 ORDER BY id",
    )?;
    for s in &mut out {
        let id = RecordRef::parse(&s.reference, Some(RecordKind::Signal))
            .map(|r| r.id)
            .unwrap_or_default();
        s.feedback = fb
            .query_map([id], |r| {
                Ok(FeedbackGiven {
                    on: parse_date_col(&r.get::<_, String>(0)?),
                    is_final: r.get(1)?,
                    channel: r.get(2)?,
                    text: r.get(3)?,
                    next_due: opt_date(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        s.moves = due_changes(&mut mv, id, today)?;
    }
    Ok(out)
}

/// The moves of one promise's due date, from a statement that selects (old due, new
/// due, reason, moved at) for one record's id: a signal's and a commitment's alike.
fn due_changes(
    st: &mut rusqlite::CachedStatement<'_>,
    id: i64,
    today: NaiveDate,
) -> Result<Vec<DueChange>> {
    Ok(st
        .query_map([id], |r| {
            Ok(DueChange {
                from: opt_date(r.get(0)?),
                to: parse_date_col(&r.get::<_, String>(1)?),
                reason: r.get(2)?,
                on: written_day(&r.get::<_, String>(3)?, today),
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn commitments(
    conn: &Connection,
    org_id: i64,
    today: NaiveDate,
) -> Result<Vec<StatementCommitment>> {
    let mut st = conn.prepare(&format!(
        "SELECT c.id, c.text, {}, c.created_at, m.title, m.starts_at, c.signal_id,
                coalesce(c.first_due, c.due), c.due, c.state, c.resolved_on,
                c.acknowledgement, c.prevention, c.reason
           FROM commitment c LEFT JOIN meeting m ON m.id = c.meeting_id
          WHERE c.org_id = ?1 ORDER BY c.id",
        service("c")
    ))?;
    let mut out = st
        .query_map([org_id], |r| {
            let meeting = match (
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ) {
                (Some(t), Some(at)) => Some((t, parse_dt(&at).date())),
                _ => None,
            };
            let state: String = r.get(9)?;
            Ok(StatementCommitment {
                reference: RecordRef::new(RecordKind::Commitment, r.get(0)?).to_string(),
                text: r.get(1)?,
                service: r.get(2)?,
                made_on: written_day(&r.get::<_, String>(3)?, today),
                meeting,
                signal: r
                    .get::<_, Option<i64>>(6)?
                    .map(|s| RecordRef::new(RecordKind::Signal, s).to_string()),
                promised: parse_date_col(&r.get::<_, String>(7)?),
                due: parse_date_col(&r.get::<_, String>(8)?),
                state: CommitmentState::from_code(&state).unwrap_or(CommitmentState::Open),
                resolved_on: opt_date(r.get(10)?),
                moves: Vec::new(),
                acknowledgement: r.get(11)?,
                prevention: r.get(12)?,
                reason: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut mv = conn.prepare_cached(
        "SELECT old_due, new_due, reason, moved_at FROM commitment_move
          WHERE commitment_id = ?1 ORDER BY id",
    )?;
    for c in &mut out {
        let id = RecordRef::parse(&c.reference, Some(RecordKind::Commitment))
            .map(|r| r.id)
            .unwrap_or_default();
        c.moves = due_changes(&mut mv, id, today)?;
    }
    Ok(out)
}

fn meetings(
    conn: &Connection,
    org_id: i64,
    today: NaiveDate,
) -> Result<(Vec<StatementMeeting>, Vec<StatementMeeting>)> {
    let mut st = conn.prepare(
        "SELECT m.id, m.title, m.starts_at, m.status, mo.attended
           FROM meeting m JOIN meeting_org mo ON mo.meeting_id = m.id
          WHERE mo.org_id = ?1 AND m.cancelled_at IS NULL -- called off: never held, not coming
          ORDER BY m.starts_at, m.id",
    )?;
    let rows = st
        .query_map([org_id], |r| {
            let status: String = r.get(3)?;
            Ok(StatementMeeting {
                reference: RecordRef::new(RecordKind::Meeting, r.get(0)?).to_string(),
                title: r.get(1)?,
                day: parse_dt(&r.get::<_, String>(2)?).date(),
                status: MeetingStatus::from_code(&status).unwrap_or(MeetingStatus::Planned),
                attended: r.get(4)?,
                decisions: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut dec = conn.prepare_cached(
        "SELECT text, created_at FROM minute WHERE meeting_id = ?1 AND kind = 'decision'
          ORDER BY position",
    )?;
    let (mut held, mut planned) = (Vec::new(), Vec::new());
    for mut m in rows {
        if m.status == MeetingStatus::Planned {
            if m.day >= today {
                planned.push(m);
            }
            continue;
        }
        let id = RecordRef::parse(&m.reference, Some(RecordKind::Meeting))
            .map(|r| r.id)
            .unwrap_or_default();
        m.decisions = dec
            .query_map([id], |r| {
                let text: String = r.get(0)?;
                let at: String = r.get(1)?;
                Ok(read_line_or_as_typed(conn, &text, written_day(&at, today)).title())
            })?
            .collect::<rusqlite::Result<_>>()?;
        held.push(m);
    }
    Ok((held, planned))
}

fn questions(conn: &Connection, org_id: i64, today: NaiveDate) -> Result<Vec<StatementQuestion>> {
    let mut st = conn.prepare(
        "SELECT mi.text, mi.created_at, m.title, m.starts_at
           FROM minute mi JOIN meeting m ON m.id = mi.meeting_id
          WHERE mi.kind = 'question' AND mi.answered = 0
            AND mi.meeting_id IN (SELECT meeting_id FROM meeting_org WHERE org_id = ?1)
          ORDER BY m.starts_at, mi.meeting_id, mi.position",
    )?;
    let rows = st
        .query_map([org_id], |r| {
            let text: String = r.get(0)?;
            let at: String = r.get(1)?;
            Ok(StatementQuestion {
                text: read_line_or_as_typed(conn, &text, written_day(&at, today)).title(),
                meeting_title: r.get(2)?,
                asked_on: parse_dt(&r.get::<_, String>(3)?).date(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

impl Store {
    /// The statement to organisation `org_id` as of today. With `since`, closed matters
    /// and meetings from before that day are left out; open ones always stand in it.
    pub fn statement(&self, org_id: i64, since: Option<NaiveDate>) -> Result<Statement> {
        let org = self.org(org_id)?;
        let today = self.today();
        let conn = &self.conn;
        let after = |d: Option<NaiveDate>| match (since, d) {
            (None, _) => true,
            (Some(s), Some(d)) => d >= s,
            (Some(_), None) => false,
        };
        let signals = signals(conn, org_id, today)?
            .into_iter()
            .filter(|s| {
                s.is_open()
                    || after(Some(s.received_on))
                    || s.feedback.iter().any(|f| after(Some(f.on)))
            })
            .collect();
        let commitments = commitments(conn, org_id, today)?
            .into_iter()
            .filter(|c| {
                c.is_open() || after(Some(c.made_on)) || after(c.resolved_on) || after(Some(c.due))
            })
            .collect();
        let (held, planned) = meetings(conn, org_id, today)?;
        Ok(Statement {
            reference: org.reference().to_string(),
            name: org.name,
            today,
            since,
            signals,
            commitments,
            meetings: held.into_iter().filter(|m| after(Some(m.day))).collect(),
            planned,
            questions: questions(conn, org_id, today)?,
        })
    }

    /// Note in the organisation's history that its statement went out (or was written
    /// as a draft): to whom, how, and the message's ID.
    pub fn record_statement_sent(
        &mut self,
        org_id: i64,
        to: &str,
        how: &str,
        message_id: &str,
    ) -> Result<()> {
        self.write(|tx, ctx| {
            audit::log(
                tx,
                ctx,
                RecordRef::new(RecordKind::Organisation, org_id),
                "statement",
                json!({
                    "statement": [serde_json::Value::Null, how],
                    "to": [serde_json::Value::Null, to],
                    "message_id": [serde_json::Value::Null, message_id],
                }),
            )
        })
    }
}

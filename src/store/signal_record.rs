//! The signal record as the store reads it: its row, its version and the facts its
//! state rules need. A leaf that every module changing a signal reads through.

use super::resolve::Owner;
use super::timeline::Event;
use super::versioned::{self, Change, Versioned};
use super::{Ctx, OptionalExt, Result, StoreError, parse_date_col};
use crate::domain::signal::{SignalEvent, SignalFacts, SignalState, transition};
use crate::domain::{RecordKind, RecordRef};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub org_id: Option<i64>,
    pub district: Option<String>,
    pub neighbourhood: Option<String>,
    pub theme: Option<String>,
    pub state: SignalState,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub expectation: Option<String>,
    pub received_on: NaiveDate,
    /// The due date in force: the promise, or where it moved since.
    pub feedback_due: Option<NaiveDate>,
    /// The promise: the first feedback due date. Reports measure against it.
    pub first_due: Option<NaiveDate>,
    /// How often the due date was moved later (triage or a reasoned move), and by how
    /// many days in all.
    pub due_moves: i64,
    pub due_moved_days: i64,
    pub merged_into: Option<i64>,
    pub meeting_id: Option<i64>,
    pub created_by: String,
    pub version: i64,
}

impl Signal {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Signal, self.id)
    }

    pub fn owner(&self) -> Owner {
        Owner {
            person_id: self.owner_person_id,
            org_id: self.owner_org_id,
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.state.owes_feedback() && self.feedback_due.is_some_and(|d| d < today)
    }
}

const SELECT: &str = "SELECT id, title, body, org_id, district, neighbourhood, theme, state, owner_person_id,
                             owner_org_id, expectation, received_on, feedback_due, merged_into, meeting_id,
                             created_by, version, first_due, due_moves, due_moved_days FROM signal";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Signal> {
    let state: String = r.get(7)?;
    Ok(Signal {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        org_id: r.get(3)?,
        district: r.get(4)?,
        neighbourhood: r.get(5)?,
        theme: r.get(6)?,
        state: SignalState::from_code(&state).unwrap_or(SignalState::New),
        owner_person_id: r.get(8)?,
        owner_org_id: r.get(9)?,
        expectation: r.get(10)?,
        received_on: parse_date_col(&r.get::<_, String>(11)?),
        feedback_due: r.get::<_, Option<String>>(12)?.map(|d| parse_date_col(&d)),
        merged_into: r.get(13)?,
        meeting_id: r.get(14)?,
        created_by: r.get(15)?,
        version: r.get(16)?,
        first_due: r.get::<_, Option<String>>(17)?.map(|d| parse_date_col(&d)),
        due_moves: r.get(18)?,
        due_moved_days: r.get(19)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Signal> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Signal, id).to_string()))
}

fn has_final_feedback(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM feedback WHERE signal_id = ?1 AND is_final = 1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn facts(conn: &Connection, s: &Signal) -> Result<SignalFacts> {
    Ok(SignalFacts {
        state: s.state,
        has_final_feedback: has_final_feedback(conn, s.id)?,
    })
}

impl Versioned for Signal {
    const KIND: RecordKind = RecordKind::Signal;

    fn read(conn: &Connection, _ctx: &Ctx, id: i64) -> Result<Signal> {
        get(conn, id)
    }
}

/// Step signal `id` by `event`, read by the caller at `expected`: the state rules say
/// where to, `apply` writes what else the step brings (feedback, a due date) and
/// returns the timeline's words, and the step is audited and on the timeline as `name`.
pub(crate) fn step(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    expected: Option<i64>,
    event: SignalEvent,
    name: &'static str,
    apply: impl FnOnce(&Signal, SignalState) -> Result<String>,
) -> Result<Signal> {
    versioned::update(tx, ctx, id, expected, |before: &Signal| {
        let to = transition(facts(tx, before)?, event)?;
        let detail = apply(before, to)?;
        tx.execute(
            "UPDATE signal SET state = ?2 WHERE id = ?1",
            params![id, to.code()],
        )?;
        Ok(Change::new(name).timeline(Event::step(id, name, before.state, to, detail)))
    })
}

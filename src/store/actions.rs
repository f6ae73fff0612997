//! Actions: internal tasks with an owner and a due date.

use super::timeline::Event;
use super::versioned::{self, Change, Versioned};
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, date_str, now_stamp, parse_date_col,
    resolve::Owner,
};
use crate::domain::action::{ActionEvent, ActionState, transition};
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub id: i64,
    pub text: String,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub state: ActionState,
    pub overdue: bool,
    pub resolved_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub signal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub created_by: String,
    pub version: i64,
}

impl Action {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Action, self.id)
    }
}

#[derive(Debug, Clone, Default)]
pub struct NewAction {
    pub text: String,
    pub owner: Owner,
    pub due: Option<NaiveDate>,
    pub signal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub all_states: bool,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub overdue_only: bool,
    pub due_before: Option<NaiveDate>,
    pub signal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub limit: Option<usize>,
}

pub(super) const SELECT: &str = "SELECT a.id, a.text, a.owner_person_id, a.owner_org_id,
        coalesce(p.name, '') || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ' (' ELSE '' END
          || coalesce(coalesce(so.short_name, so.name), '')
          || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ')' ELSE '' END,
        a.due, a.state, a.resolved_on, a.reason, a.signal_id, a.meeting_id, a.created_by, a.version
   FROM action a
   LEFT JOIN person p ON p.id = a.owner_person_id
   LEFT JOIN organisation so ON so.id = a.owner_org_id";

pub(super) fn row_fn(today: NaiveDate) -> impl Fn(&Row<'_>) -> rusqlite::Result<Action> {
    move |r| {
        let state = ActionState::from_code(&r.get::<_, String>(6)?).unwrap_or(ActionState::Open);
        let due = r.get::<_, Option<String>>(5)?.map(|d| parse_date_col(&d));
        Ok(Action {
            id: r.get(0)?,
            text: r.get(1)?,
            owner_person_id: r.get(2)?,
            owner_org_id: r.get(3)?,
            owner: r.get(4)?,
            due,
            state,
            overdue: state == ActionState::Open && due.is_some_and(|d| d < today),
            resolved_on: r.get::<_, Option<String>>(7)?.map(|d| parse_date_col(&d)),
            reason: r.get(8)?,
            signal_id: r.get(9)?,
            meeting_id: r.get(10)?,
            created_by: r.get(11)?,
            version: r.get(12)?,
        })
    }
}

pub(crate) fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Action> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], row_fn(today))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Action, id).to_string()))
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewAction) -> Result<Action> {
    let text = text::clean_line(&required(&new.text, crate::domain::Field::ActionText)?);
    super::resolve::check_owner(tx, new.owner)?;
    if let Some(s) = new.signal_id {
        super::exists(tx, RecordRef::new(RecordKind::Signal, s))?;
    }
    if let Some(m) = new.meeting_id {
        super::exists(tx, RecordRef::new(RecordKind::Meeting, m))?;
    }
    let now = now_stamp();
    tx.execute(
        "INSERT INTO action (text, owner_person_id, owner_org_id, due, signal_id, meeting_id, agenda_item_id,
                             created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            text,
            new.owner.person_id,
            new.owner.org_id,
            new.due.map(date_str),
            new.signal_id,
            new.meeting_id,
            new.agenda_item_id,
            ctx.user,
            now
        ],
    )?;
    let made = |a: &Action| {
        let detail = format!("{} created: {}", a.reference(), a.text);
        Some(Event::note(a.signal_id?, "action", detail))
    };
    versioned::created(
        tx,
        ctx,
        tx.last_insert_rowid(),
        Change::new("create").timeline_after(made),
    )
}

impl Store {
    pub fn add_action(&mut self, new: NewAction) -> Result<Action> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn action(&self, id: i64) -> Result<Action> {
        get(&self.conn, id, self.today())
    }

    /// Mark done or cancel (a reason is kept when given).
    pub fn finish_action(
        &mut self,
        id: i64,
        event: ActionEvent,
        reason: Option<&str>,
        expected: Option<i64>,
    ) -> Result<Action> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Action| {
                let to = transition(before.state, event)?;
                let reason = reason
                    .map(|r| text::clean_line(r).trim().to_string())
                    .filter(|r| !r.is_empty());
                tx.execute(
                    "UPDATE action SET state = ?2, resolved_on = ?3, reason = ?4 WHERE id = ?1",
                    params![id, to.code(), date_str(ctx.today), reason],
                )?;
                Ok(
                    Change::new(to.code()).timeline_after(move |after: &Action| {
                        let s = after.signal_id?;
                        Some(Event::note(
                            s,
                            "action",
                            format!("{} {}: {}", after.reference(), to.code(), after.text),
                        ))
                    }),
                )
            })
        })
    }
}

impl Versioned for Action {
    const KIND: RecordKind = RecordKind::Action;

    fn read(conn: &Connection, ctx: &Ctx, id: i64) -> Result<Action> {
        get(conn, id, ctx.today)
    }
}

//! Commitments (toezeggingen): promises to an organisation, with a due date and its history.

use super::timeline::Event;
use super::versioned::{self, Change, Versioned};
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, date_str, invalid, now_stamp, parse_date_col,
    resolve::Owner,
};
use crate::domain::Problem;
use crate::domain::commitment::{
    CommitmentEvent, CommitmentState, Dues, Note, Outcome, Resolution, outcome, resolution,
    transition,
};
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commitment {
    pub id: i64,
    pub text: String,
    pub org_id: i64,
    pub org: String,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub owner: String,
    /// The due date in force.
    pub due: NaiveDate,
    /// The promise: the first due date. Kept after it is kept late.
    pub first_due: NaiveDate,
    /// How often the due date moved later, and the days those moves added.
    pub moves: i64,
    pub days_moved: i64,
    pub state: CommitmentState,
    pub outcome: Outcome,
    pub resolved_on: Option<NaiveDate>,
    /// Broken: what went wrong.
    pub acknowledgement: Option<String>,
    /// Broken: how it is prevented next time.
    pub prevention: Option<String>,
    pub reason: Option<String>,
    pub signal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub created_by: String,
    pub version: i64,
}

impl Commitment {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Commitment, self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentMove {
    pub old_due: NaiveDate,
    pub new_due: NaiveDate,
    pub reason: String,
    pub moved_by: String,
    pub moved_at: String,
}

#[derive(Debug, Clone)]
pub struct NewCommitment {
    pub text: String,
    pub org_id: i64,
    pub owner: Owner,
    pub due: NaiveDate,
    pub signal_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct CommitmentFilter {
    pub all_states: bool,
    pub org_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub overdue_only: bool,
    /// Due on or before this date.
    pub due_before: Option<NaiveDate>,
    pub signal_id: Option<i64>,
    pub limit: Option<usize>,
}

pub(super) const SELECT: &str = "SELECT c.id, c.text, c.org_id, o.name, c.owner_person_id, c.owner_org_id,
        coalesce(p.name, '') || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ' (' ELSE '' END
          || coalesce(coalesce(so.short_name, so.name), '')
          || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ')' ELSE '' END,
        c.due, c.state, c.resolved_on, c.acknowledgement, c.reason, c.signal_id, c.meeting_id, c.created_by, c.version,
        coalesce(c.first_due, c.due), c.prevention,
        (SELECT count(*) FROM commitment_move m WHERE m.commitment_id = c.id AND m.new_due > m.old_due),
        (SELECT coalesce(sum(CAST(julianday(m.new_due) - julianday(m.old_due) AS INTEGER)), 0)
           FROM commitment_move m WHERE m.commitment_id = c.id AND m.new_due > m.old_due)
   FROM commitment c
   JOIN organisation o ON o.id = c.org_id
   LEFT JOIN person p ON p.id = c.owner_person_id
   LEFT JOIN organisation so ON so.id = c.owner_org_id";

pub(super) fn row_fn(today: NaiveDate) -> impl Fn(&Row<'_>) -> rusqlite::Result<Commitment> {
    move |r| {
        let state =
            CommitmentState::from_code(&r.get::<_, String>(8)?).unwrap_or(CommitmentState::Open);
        let due = parse_date_col(&r.get::<_, String>(7)?);
        let first_due = parse_date_col(&r.get::<_, String>(16)?);
        let resolved_on = r.get::<_, Option<String>>(9)?.map(|d| parse_date_col(&d));
        Ok(Commitment {
            id: r.get(0)?,
            text: r.get(1)?,
            org_id: r.get(2)?,
            org: r.get(3)?,
            owner_person_id: r.get(4)?,
            owner_org_id: r.get(5)?,
            owner: r.get(6)?,
            due,
            first_due,
            moves: r.get(18)?,
            days_moved: r.get(19)?,
            state,
            outcome: outcome(
                state,
                Dues {
                    first: first_due,
                    now: due,
                },
                resolved_on,
                today,
            ),
            resolved_on,
            acknowledgement: r.get(10)?,
            prevention: r.get(17)?,
            reason: r.get(11)?,
            signal_id: r.get(12)?,
            meeting_id: r.get(13)?,
            created_by: r.get(14)?,
            version: r.get(15)?,
        })
    }
}

pub(crate) fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Commitment> {
    conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], row_fn(today))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Commitment, id).to_string()))
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewCommitment) -> Result<Commitment> {
    let text = text::clean_line(&required(&new.text, crate::domain::Field::CommitmentText)?);
    super::exists(tx, RecordRef::new(RecordKind::Organisation, new.org_id))?;
    super::resolve::check_owner(tx, new.owner)?;
    if let Some(s) = new.signal_id {
        super::exists(tx, RecordRef::new(RecordKind::Signal, s))?;
    }
    if let Some(m) = new.meeting_id {
        super::exists(tx, RecordRef::new(RecordKind::Meeting, m))?;
    }
    let now = now_stamp();
    tx.execute(
        "INSERT INTO commitment (text, org_id, owner_person_id, owner_org_id, due, first_due, signal_id, meeting_id,
                                 agenda_item_id, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            text,
            new.org_id,
            new.owner.person_id,
            new.owner.org_id,
            date_str(new.due),
            new.signal_id,
            new.meeting_id,
            new.agenda_item_id,
            ctx.user,
            now
        ],
    )?;
    let made = |c: &Commitment| {
        let detail = format!("{} made: {} (due {})", c.reference(), c.text, c.due);
        Some(Event::note(c.signal_id?, "commitment", detail))
    };
    versioned::created(
        tx,
        ctx,
        tx.last_insert_rowid(),
        Change::new("create").timeline_after(made),
    )
}

fn resolve(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    event: CommitmentEvent,
    note: Note<'_>,
    expected: Option<i64>,
) -> Result<Commitment> {
    versioned::update(tx, ctx, id, expected, |before: &Commitment| {
        let to = transition(before.state, event)?;
        let Resolution {
            acknowledgement: ack,
            prevention,
            reason,
        } = resolution(event, note)?;
        tx.execute(
            "UPDATE commitment SET state = ?2, resolved_on = ?3, acknowledgement = coalesce(?4, acknowledgement),
                    reason = coalesce(?5, reason), prevention = coalesce(?6, prevention) WHERE id = ?1",
            params![id, to.code(), date_str(ctx.today), ack, reason, prevention],
        )?;
        Ok(
            Change::new(event.code()).timeline_after(move |after: &Commitment| {
                let s = after.signal_id?;
                let word = match event {
                    CommitmentEvent::Keep => format!("kept ({})", after.outcome.code()),
                    CommitmentEvent::Break => format!(
                        "broken (what went wrong: {}; prevented next time by: {})",
                        after.acknowledgement.as_deref().unwrap_or(""),
                        after.prevention.as_deref().unwrap_or("")
                    ),
                    _ => format!("withdrawn ({})", after.reason.as_deref().unwrap_or("")),
                };
                Some(Event::note(
                    s,
                    "commitment",
                    format!("{} {word}: {}", after.reference(), after.text),
                ))
            }),
        )
    })
}

impl Versioned for Commitment {
    const KIND: RecordKind = RecordKind::Commitment;

    fn read(conn: &Connection, ctx: &Ctx, id: i64) -> Result<Commitment> {
        get(conn, id, ctx.today)
    }
}

impl Store {
    pub fn add_commitment(&mut self, new: NewCommitment) -> Result<Commitment> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn commitment(&self, id: i64) -> Result<Commitment> {
        get(&self.conn, id, self.today())
    }

    pub fn keep_commitment(&mut self, id: i64, expected: Option<i64>) -> Result<Commitment> {
        self.write(|tx, ctx| resolve(tx, ctx, id, CommitmentEvent::Keep, Note::None, expected))
    }

    /// Break a commitment, admitting it: what went wrong, and how it is prevented next
    /// time. Both are required, and both go on the timeline and into exports.
    pub fn break_commitment(
        &mut self,
        id: i64,
        what_went_wrong: &str,
        prevention: &str,
        expected: Option<i64>,
    ) -> Result<Commitment> {
        self.write(|tx, ctx| {
            resolve(
                tx,
                ctx,
                id,
                CommitmentEvent::Break,
                Note::Acknowledgement {
                    what_went_wrong,
                    prevention,
                },
                expected,
            )
        })
    }

    pub fn withdraw_commitment(
        &mut self,
        id: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<Commitment> {
        self.write(|tx, ctx| {
            resolve(
                tx,
                ctx,
                id,
                CommitmentEvent::Withdraw,
                Note::Reason(reason),
                expected,
            )
        })
    }

    /// Move the due date; the old and new dates and the reason are kept.
    pub fn move_commitment(
        &mut self,
        id: i64,
        new_due: NaiveDate,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<Commitment> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Commitment| {
                transition(before.state, CommitmentEvent::Move)?;
                let reason = required(reason, crate::domain::Field::MoveReason)?;
                if new_due == before.due {
                    return Err(invalid(Problem::DueAlready { reference: before.reference().to_string(), due: new_due }));
                }
                tx.execute("UPDATE commitment SET due = ?2 WHERE id = ?1", params![id, date_str(new_due)])?;
                tx.execute(
                    "INSERT INTO commitment_move (commitment_id, old_due, new_due, reason, moved_by, moved_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, date_str(before.due), date_str(new_due), reason, ctx.user, now_stamp()],
                )?;
                let detail = format!("{} moved from {} to {new_due}: {reason}", before.reference(), before.due);
                Ok(Change::new("move").timeline_after(move |after: &Commitment| {
                    Some(Event::note(after.signal_id?, "commitment", detail))
                }))
            })
        })
    }

    /// Open commitments past their due date in force (the tracker's tab), from what the
    /// triggers keep: the open commitments' total (schema/024) less those due from today
    /// on, summed from the commitments report's kept counts (schema/022, the cut that
    /// sums over every grouping). The past's thousands of due dates are not read: this is
    /// on the way to every first frame and every refresh.
    pub fn overdue_commitment_count(&self) -> Result<i64> {
        let mut st = self.conn.prepare_cached(
            "SELECT coalesce((SELECT n FROM open_commitment_total), 0)
                  - (SELECT coalesce(sum(n), 0) FROM report_ledger
                      WHERE cut = 15 AND a = '' AND org = 0 AND service = 0 AND theme = ''
                        AND outcome = 'open' AND due >= ?1)",
        )?;
        Ok(st.query_row([date_str(self.today())], |r| r.get(0))?)
    }

    pub fn commitment_moves(&self, id: i64) -> Result<Vec<CommitmentMove>> {
        let mut st = self.conn.prepare_cached(
            "SELECT old_due, new_due, reason, moved_by, moved_at FROM commitment_move WHERE commitment_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(CommitmentMove {
                old_due: parse_date_col(&r.get::<_, String>(0)?),
                new_due: parse_date_col(&r.get::<_, String>(1)?),
                reason: r.get(2)?,
                moved_by: r.get(3)?,
                moved_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

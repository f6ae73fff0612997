//! A signal's feedback due date: every change on the timeline, moves kept with their
//! reasons and counted; the promise (the first due date) never changes here.

use super::signal_record::Signal;
use super::timeline::log_event;
use super::versioned::{self, Change};
use super::{Ctx, Result, Store, date_str, now_stamp, parse_date_col, problem};
use crate::domain::signal::{check_due_move, check_later_reason};
use crate::domain::text;
use chrono::NaiveDate;
use rusqlite::{Transaction, params};
use serde::Serialize;

/// A change of a signal's feedback due date, as its history keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueMove {
    pub old_due: Option<NaiveDate>,
    pub new_due: NaiveDate,
    pub reason: String,
    pub moved_by: String,
    pub moved_at: String,
}

/// Change the feedback due date in force, on the timeline with the old and new date,
/// who and why. A `move` (triage, a reasoned move) needs a reason when it is later, and
/// is counted; the promise (`first_due`) never changes here.
pub(crate) fn set_due(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    before: &Signal,
    new_due: NaiveDate,
    reason: &str,
    is_move: bool,
) -> Result<()> {
    let old = before.feedback_due;
    if old == Some(new_due) {
        return Ok(());
    }
    let reason = text::clean_line(reason).trim().to_string();
    check_later_reason(before.reference(), old, new_due, &reason, is_move).map_err(problem)?;
    let later = old.is_some_and(|o| new_due > o);
    tx.execute(
        "UPDATE signal SET feedback_due = ?2 WHERE id = ?1",
        params![before.id, date_str(new_due)],
    )?;
    let from = old.map(date_str).unwrap_or_else(|| "-".to_string());
    if is_move {
        tx.execute(
            "INSERT INTO signal_due_move (signal_id, old_due, new_due, reason, moved_by, moved_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                before.id,
                old.map(date_str),
                date_str(new_due),
                reason,
                ctx.user,
                now_stamp()
            ],
        )?;
    }
    // Postponements are what the reports count; an earlier date is kept, not counted.
    if let (true, true, Some(o)) = (is_move, later, old) {
        tx.execute(
            "UPDATE signal SET due_moves = due_moves + 1, due_moved_days = due_moved_days + ?2 WHERE id = ?1",
            params![before.id, (new_due - o).num_days()],
        )?;
    }
    let promise = match before.first_due {
        Some(p) if p != new_due => format!(" (promised {p})"),
        _ => String::new(),
    };
    let why = if reason.is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    };
    log_event(
        tx,
        ctx,
        before.id,
        "due-date",
        None,
        None,
        &format!("feedback due {from} → {new_due}{promise}{why}"),
    )
}

impl Store {
    /// Move the feedback due date: a reason is required when it moves later. The move
    /// is on the timeline and counted; the promise stays what it was.
    pub fn move_signal_due(
        &mut self,
        id: i64,
        new_due: NaiveDate,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Signal| {
                check_due_move(
                    before.reference(),
                    before.state,
                    before.feedback_due,
                    new_due,
                    ctx.today,
                )
                .map_err(problem)?;
                set_due(tx, ctx, before, new_due, reason, true)?;
                Ok(Change::new("move"))
            })
        })
    }

    /// Every change of the due date by a move, oldest first.
    pub fn signal_due_moves(&self, id: i64) -> Result<Vec<DueMove>> {
        let mut st = self.conn.prepare_cached(
            "SELECT old_due, new_due, reason, moved_by, moved_at FROM signal_due_move
              WHERE signal_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(DueMove {
                old_due: r.get::<_, Option<String>>(0)?.map(|d| parse_date_col(&d)),
                new_due: parse_date_col(&r.get::<_, String>(1)?),
                reason: r.get(2)?,
                moved_by: r.get(3)?,
                moved_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

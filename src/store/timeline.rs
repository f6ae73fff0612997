//! A signal's timeline: one row a step, in the same transaction as the change it
//! tells of. A leaf beside the audit trail, so that every writer can tell a signal's
//! story without importing the signals module.

use super::{Ctx, Result, now_stamp};
use crate::domain::signal::SignalState;
use rusqlite::{Transaction, params};

/// One line on a signal's timeline: the step, the states it went from and to (when it
/// changed state), and what happened, in words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Event {
    pub signal_id: i64,
    pub name: &'static str,
    pub from: Option<SignalState>,
    pub to: Option<SignalState>,
    pub detail: String,
}

impl Event {
    /// A line that does not change the signal's state.
    pub fn note(signal_id: i64, name: &'static str, detail: impl Into<String>) -> Event {
        Event {
            signal_id,
            name,
            from: None,
            to: None,
            detail: detail.into(),
        }
    }

    /// A line for a step from state `from` to state `to`.
    pub fn step(
        signal_id: i64,
        name: &'static str,
        from: SignalState,
        to: SignalState,
        detail: impl Into<String>,
    ) -> Event {
        Event {
            signal_id,
            name,
            from: Some(from),
            to: Some(to),
            detail: detail.into(),
        }
    }

    pub fn write(&self, tx: &Transaction<'_>, ctx: &Ctx) -> Result<()> {
        log_event(
            tx,
            ctx,
            self.signal_id,
            self.name,
            self.from,
            self.to,
            &self.detail,
        )
    }
}

pub(crate) fn log_event(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    signal_id: i64,
    event: &str,
    from: Option<SignalState>,
    to: Option<SignalState>,
    detail: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO signal_event (signal_id, at, username, account, event, from_state, to_state, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            signal_id,
            now_stamp(),
            ctx.user,
            ctx.account,
            event,
            from.map(|s| s.code()),
            to.map(|s| s.code()),
            detail
        ],
    )?;
    Ok(())
}

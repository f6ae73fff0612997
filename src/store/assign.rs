//! Give an open signal to someone else without triaging it again: the owner changes,
//! nothing else. A versioned write with an audit row and a timeline entry, as the
//! owner set by triage.

use super::resolve::{Owner, check_owner, owner_label};
use super::signal_record::Signal;
use super::timeline::Event;
use super::versioned::{self, Change};
use super::{Result, Store, problem};
use crate::domain::signal::{check_assignable, check_owner_named};
use rusqlite::params;

impl Store {
    /// Make `owner` the owner of open signal `id`, read at version `expected`.
    pub fn assign_signal(
        &mut self,
        id: i64,
        owner: Owner,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Signal| {
                check_assignable(before.reference(), before.state).map_err(problem)?;
                check_owner_named(owner.is_named(), "assigning", "").map_err(problem)?;
                check_owner(tx, owner)?;
                tx.execute(
                    "UPDATE signal SET owner_person_id = ?2, owner_org_id = ?3 WHERE id = ?1",
                    params![id, owner.person_id, owner.org_id],
                )?;
                let from = owner_label(tx, before.owner())?;
                let to = owner_label(tx, owner)?;
                let detail = if from.is_empty() {
                    format!("owner {to}")
                } else {
                    format!("owner {to} (was {from})")
                };
                Ok(Change::new("assign").timeline(Event::step(
                    id,
                    "assigned",
                    before.state,
                    before.state,
                    detail,
                )))
            })
        })
    }
}

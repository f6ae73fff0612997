//! Give an open signal to someone else without triaging it again: the owner changes,
//! nothing else. A versioned write with an audit row and a timeline entry, as the
//! owner set by triage.

use super::audit;
use super::resolve::{Owner, check_owner, owner_label};
use super::signals::{Signal, get, log_event};
use super::{Result, Store, bump_version, invalid};
use crate::domain::Problem;
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
            let before = get(tx, id)?;
            if !before.state.is_open() {
                return Err(invalid(Problem::AssignNotOpen {
                    reference: before.reference().to_string(),
                    state: before.state,
                }));
            }
            if owner.person_id.is_none() && owner.org_id.is_none() {
                return Err(invalid(Problem::AssignNeedsOwner));
            }
            check_owner(tx, owner)?;
            let version = bump_version(tx, before.reference(), expected)?;
            tx.execute(
                "UPDATE signal SET owner_person_id = ?2, owner_org_id = ?3 WHERE id = ?1",
                params![id, owner.person_id, owner.org_id],
            )?;
            let mut after = get(tx, id)?;
            after.version = version;
            audit::log(
                tx,
                ctx,
                after.reference(),
                "assign",
                audit::diff(&before, &after),
            )?;
            let from = owner_label(tx, before.owner())?;
            let to = owner_label(tx, owner)?;
            let detail = if from.is_empty() {
                format!("owner {to}")
            } else {
                format!("owner {to} (was {from})")
            };
            log_event(
                tx,
                ctx,
                id,
                "assigned",
                Some(before.state),
                Some(before.state),
                &detail,
            )?;
            Ok(after)
        })
    }
}

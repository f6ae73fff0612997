//! Merging signals: the merged signal's organisation stays owed its answer, which the
//! final feedback on the surviving signal gives it too.

use super::signal_record::{Signal, get, step};
use super::timeline::log_event;
use super::{Ctx, Result, Store, audit, date_str, invalid, now_stamp};
use crate::domain::Problem;
use crate::domain::signal::{Channel, SignalEvent};
use crate::domain::text::one_line;
use crate::domain::{RecordKind, RecordRef};
use rusqlite::{Connection, Transaction, params};

/// The signals merged into `id`, also through a chain of merges, that are still owed
/// their final feedback.
fn owed_ids(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "WITH RECURSIVE merged_in(id) AS (
             SELECT id FROM signal WHERE merged_into = ?1
             UNION SELECT s.id FROM signal s JOIN merged_in m ON s.merged_into = m.id)
         SELECT s.id FROM signal s JOIN merged_in m ON m.id = s.id
          WHERE s.state = 'merged'
            AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.signal_id = s.id AND f.is_final = 1)
          ORDER BY s.id",
    )?;
    let ids = st.query_map([id], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Final feedback on a signal answers every signal merged into it (also through a
/// chain of merges) that was still owed its answer: each of those organisations gets
/// the same answer, recorded on its own signal and timeline.
pub(crate) fn answer_merged(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    survivor: &Signal,
    channel: Channel,
    text: &str,
) -> Result<()> {
    let mut owed: Vec<(i64, String)> = Vec::new();
    for id in owed_ids(tx, survivor.id)? {
        let org = match get(tx, id)?.org_id {
            Some(o) => super::orgs::get(tx, o)?.name,
            None => String::new(),
        };
        owed.push((id, org));
    }
    for (id, org) in owed {
        tx.execute(
            "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, created_at)
             VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)",
            params![id, channel.code(), text, date_str(ctx.today), ctx.user, now_stamp()],
        )?;
        let fid = tx.last_insert_rowid();
        let r = RecordRef::new(RecordKind::Signal, id);
        audit::log(
            tx,
            ctx,
            r,
            "feedback",
            serde_json::json!({ "final_feedback": [null, format!("#{fid} with {}", survivor.reference())] }),
        )?;
        log_event(
            tx,
            ctx,
            id,
            "feedback",
            None,
            None,
            &format!(
                "final feedback #{fid} by {}, given with {}: {}",
                channel.code(),
                survivor.reference(),
                one_line(text, 80)
            ),
        )?;
        let to = if org.is_empty() {
            r.to_string()
        } else {
            format!("{r} ({org})")
        };
        log_event(
            tx,
            ctx,
            survivor.id,
            "feedback",
            None,
            None,
            &format!("the final feedback was given to {to} too"),
        )?;
    }
    Ok(())
}

impl Store {
    /// The signals merged into this one (also through a chain of merges) whose
    /// organisations are still owed the final feedback.
    pub fn owed_through(&self, id: i64) -> Result<Vec<Signal>> {
        owed_ids(&self.conn, id)?
            .into_iter()
            .map(|i| get(&self.conn, i))
            .collect()
    }

    /// Merge a signal into another open one. The merged signal's organisation is still
    /// owed its answer: the final feedback on the surviving signal is given to it too.
    /// Merging across organisations must be confirmed (`across_confirmed`), and both
    /// timelines say who is owed what.
    pub fn merge_signal(
        &mut self,
        id: i64,
        into: i64,
        across_confirmed: bool,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            if id == into {
                return Err(invalid(Problem::MergeIntoItself));
            }
            get(tx, id)?;
            let target = get(tx, into)?;
            if !target.state.is_open() {
                return Err(invalid(Problem::MergeIntoClosed {
                    target: target.reference().to_string(),
                    state: target.state,
                }));
            }
            let org_name = |o: Option<i64>| -> Result<String> {
                Ok(match o {
                    Some(o) => super::orgs::get(tx, o)?.name,
                    None => "no organisation".to_string(),
                })
            };
            let mut across = false;
            let mut from_org = String::new();
            let after = step(tx, ctx, id, expected, SignalEvent::Merge, "merged", |before, _| {
                across = before.org_id != target.org_id;
                from_org = org_name(before.org_id)?;
                let into_org = org_name(target.org_id)?;
                if across && !across_confirmed {
                    return Err(invalid(Problem::MergeAcrossOrgs { from: before.reference().to_string(), from_org: before.org_id.map(|_| from_org.clone()), into: target.reference().to_string(), into_org: target.org_id.map(|_| into_org.clone()) }));
                }
                tx.execute(
                    "UPDATE signal SET merged_into = ?2 WHERE id = ?1",
                    params![id, into],
                )?;
                let owed = if across {
                    format!("; {from_org} is owed the final feedback given with S-{into} ({into_org})")
                } else {
                    String::new()
                };
                Ok(format!("merged into S-{into}{owed}"))
            })?;
            let also = if across {
                format!("; {from_org} gets the final feedback too")
            } else {
                String::new()
            };
            log_event(
                tx,
                ctx,
                into,
                "merge",
                None,
                None,
                &format!("S-{id} merged into this signal: {}{also}", after.title),
            )?;
            Ok(after)
        })
    }
}

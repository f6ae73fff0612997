//! Lists of commitments and actions, streamed: each list is a few segments in a fixed
//! order, and each segment one statement whose index already gives its order, so the
//! first rows of a list of a million are a few index steps and a full list is never
//! sorted or collected. (One statement ordering by an `overdue` expression made SQLite
//! sort every matching row first.)

use super::actions::{self, Action, ActionFilter};
use super::commitments::{self, Commitment, CommitmentFilter};
use super::{Result, Store, StoreError, date_str};
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params_from_iter};

/// One statement of a list, with its values.
pub(super) struct Part {
    pub sql: String,
    pub params: Vec<Value>,
}

/// Builds the WHERE of a part: conditions with `?N` for their value's number.
struct Where {
    sql: String,
    params: Vec<Value>,
}

impl Where {
    fn new(first: &str) -> Where {
        Where {
            sql: first.to_string(),
            params: Vec::new(),
        }
    }

    fn and(&mut self, cond: &str, v: Option<Value>) -> &mut Where {
        let n = self.params.len() + 1;
        self.sql.push_str(" AND ");
        self.sql.push_str(&cond.replace("?N", &format!("?{n}")));
        if let Some(v) = v {
            self.params.push(v);
        }
        self
    }

    fn part(self, select: &str, order: &str) -> Part {
        Part {
            sql: format!("{select}\n WHERE {}\n ORDER BY {order}", self.sql),
            params: self.params,
        }
    }
}

fn int(v: Option<i64>) -> Option<Value> {
    v.map(Value::Integer)
}

/// Run the parts in turn, handing each row to `emit`, up to `limit` rows in all.
pub(super) fn stream<T, E: From<StoreError>>(
    conn: &Connection,
    parts: &[Part],
    limit: Option<usize>,
    map: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
    mut emit: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<usize, E> {
    let limit = limit.unwrap_or(usize::MAX);
    let mut n = 0;
    for p in parts {
        if n >= limit {
            break;
        }
        let mut st = conn.prepare_cached(&p.sql).map_err(StoreError::from)?;
        let mut rows = st
            .query(params_from_iter(p.params.iter()))
            .map_err(StoreError::from)?;
        while n < limit {
            let Some(r) = rows.next().map_err(StoreError::from)? else {
                break;
            };
            emit(map(r).map_err(StoreError::from)?)?;
            n += 1;
        }
    }
    Ok(n)
}

/// EXPLAIN QUERY PLAN of every part.
pub(super) fn plans(conn: &Connection, parts: &[Part]) -> Result<Vec<String>> {
    parts
        .iter()
        .map(|p| super::query_plan(conn, &p.sql, params_from_iter(p.params.iter())))
        .collect()
}

/// Open commitments by due date (the overdue ones come first that way), then with
/// `all_states` the others by due date.
fn commitment_parts(f: &CommitmentFilter, today: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for open in [true, false] {
        if !open && (!f.all_states || f.overdue_only) {
            break;
        }
        let index = match (f.org_id, f.signal_id) {
            (Some(_), _) => "commitment_org",
            (None, Some(_)) => "commitment_signal",
            (None, None) if open => "commitment_open_due",
            (None, None) => "commitment_done_due",
        };
        let select = commitments::SELECT.replace(
            "FROM commitment c",
            &format!("FROM commitment c INDEXED BY {index}"),
        );
        let mut w = Where::new(if open {
            "c.state = 'open'"
        } else {
            "c.state != 'open'"
        });
        if let Some(o) = f.org_id {
            w.and("c.org_id = ?N", int(Some(o)));
        }
        if let Some(s) = f.signal_id {
            w.and("c.signal_id = ?N", int(Some(s)));
        }
        if let Some(p) = f.owner_person_id {
            w.and("c.owner_person_id = ?N", int(Some(p)));
        }
        if let Some(o) = f.owner_org_id {
            w.and("c.owner_org_id = ?N", int(Some(o)));
        }
        if f.overdue_only {
            w.and("c.due < ?N", Some(Value::Text(today.to_string())));
        }
        if let Some(d) = f.due_before {
            w.and("c.due <= ?N", Some(Value::Text(date_str(d))));
        }
        parts.push(w.part(&select, "c.due, c.id"));
    }
    parts
}

/// Open actions by due date (overdue first that way), those without one after them;
/// then with `all_states` the others the same way.
fn action_parts(f: &ActionFilter, today: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    for open in [true, false] {
        if !open && (!f.all_states || f.overdue_only) {
            break;
        }
        for dated in [true, false] {
            if !dated && (f.overdue_only || f.due_before.is_some()) {
                continue;
            }
            let index = match (f.signal_id, f.meeting_id) {
                (Some(_), _) => "action_signal",
                (None, Some(_)) => "action_meeting",
                (None, None) if open => "action_open_due",
                (None, None) => "action_done_due",
            };
            let select = actions::SELECT.replace(
                "FROM action a",
                &format!("FROM action a INDEXED BY {index}"),
            );
            let mut w = Where::new(match (open, dated) {
                (true, true) => "a.state = 'open' AND a.due IS NOT NULL",
                (true, false) => "a.state = 'open' AND a.due IS NULL",
                (false, true) => "a.state != 'open' AND a.due IS NOT NULL",
                (false, false) => "a.state != 'open' AND a.due IS NULL",
            });
            if let Some(s) = f.signal_id {
                w.and("a.signal_id = ?N", int(Some(s)));
            }
            if let Some(m) = f.meeting_id {
                w.and("a.meeting_id = ?N", int(Some(m)));
            }
            if let Some(p) = f.owner_person_id {
                w.and("a.owner_person_id = ?N", int(Some(p)));
            }
            if let Some(o) = f.owner_org_id {
                w.and("a.owner_org_id = ?N", int(Some(o)));
            }
            if f.overdue_only {
                w.and("a.due < ?N", Some(Value::Text(today.to_string())));
            }
            if let Some(d) = f.due_before {
                w.and("a.due <= ?N", Some(Value::Text(date_str(d))));
            }
            parts.push(w.part(&select, if dated { "a.due, a.id" } else { "a.id" }));
        }
    }
    parts
}

impl Store {
    /// Commitments for a list: open ones, overdue first, then by due date; with
    /// `all_states` the others after them, by due date.
    pub fn commitments(&self, f: &CommitmentFilter) -> Result<Vec<Commitment>> {
        let mut rows = Vec::new();
        self.each_commitment(f, |c| {
            rows.push(c);
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }

    /// The rows of [`Store::commitments`], handed to `emit` one at a time.
    pub fn each_commitment<E: From<StoreError>>(
        &self,
        f: &CommitmentFilter,
        emit: impl FnMut(Commitment) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        let today = self.today();
        let parts = commitment_parts(f, &date_str(today));
        stream(
            &self.conn,
            &parts,
            f.limit,
            commitments::row_fn(today),
            emit,
        )
    }

    /// Actions for a list: open ones, overdue first, then by due date, those without
    /// one last; with `all_states` the others after them.
    pub fn actions(&self, f: &ActionFilter) -> Result<Vec<Action>> {
        let mut rows = Vec::new();
        self.each_action(f, |a| {
            rows.push(a);
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }

    /// The rows of [`Store::actions`], handed to `emit` one at a time.
    pub fn each_action<E: From<StoreError>>(
        &self,
        f: &ActionFilter,
        emit: impl FnMut(Action) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        let today = self.today();
        let parts = action_parts(f, &date_str(today));
        stream(&self.conn, &parts, f.limit, actions::row_fn(today), emit)
    }

    /// EXPLAIN QUERY PLAN of each statement of a commitment list (for the plan tests).
    #[doc(hidden)]
    pub fn commitment_list_plans(&self, f: &CommitmentFilter) -> Result<Vec<String>> {
        plans(&self.conn, &commitment_parts(f, &date_str(self.today())))
    }

    /// EXPLAIN QUERY PLAN of each statement of an action list (for the plan tests).
    #[doc(hidden)]
    pub fn action_list_plans(&self, f: &ActionFilter) -> Result<Vec<String>> {
        plans(&self.conn, &action_parts(f, &date_str(self.today())))
    }
}

//! The signal list of the command line (`signal list`) and of the organisation and
//! person pages: overdue feedback first, then by age, streamed row by row.
//!
//! The order is the inbox's, and then the signals no longer open: open signals whose
//! feedback is overdue, by (received_on, id); open signals not yet due, by the due date
//! in force; open signals without a due date; then (with `--all` or `--state`) the
//! others by (received_on, id). A segment is read by range scans that already give its
//! order — one per state on `signal_state (state, received_on)`, merged here, or the
//! due-date index — so the first rows cost a few index steps and a full list is never
//! collected. (One organisation's or owner's signals are few: their index, and a sort
//! of the not-yet-due ones.) (One statement ordering by the overdue expression made SQLite
//! sort every matching signal, and under a LIMIT pick a plan ten times worse.)

use super::signals::{ROW_SELECT, SignalFilter, SignalRow, row_from};
use super::{Result, Store, StoreError, date_str};
use crate::domain::signal::SignalState;
use rusqlite::types::Value;
use rusqlite::{Rows, params_from_iter};

const OPEN: &str = "('new','triaged','in_progress')";

/// One statement that yields rows in (received_on, id) order.
struct Cursor {
    sql: String,
    params: Vec<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Segment {
    /// Open, feedback overdue: by (received_on, id).
    Overdue,
    /// Open, not yet due: by (feedback_due, received_on, id), as the inbox.
    Due,
    /// Open without a due date: by (received_on, id).
    NoDue,
    /// Not open (`--all`, `--state closed`): by (received_on, id).
    Closed,
}

/// `('a','b')` of state codes: fixed words, written into the statement so that the
/// planner sees them.
fn state_list(states: &[SignalState]) -> String {
    let codes: Vec<String> = states.iter().map(|s| format!("'{}'", s.code())).collect();
    format!("({})", codes.join(","))
}

impl SignalFilter {
    fn wanted_states(&self) -> Vec<SignalState> {
        if self.all_states {
            SignalState::ALL.to_vec()
        } else if self.states.is_empty() {
            SignalState::ALL
                .iter()
                .copied()
                .filter(|s| s.is_open())
                .collect()
        } else {
            let mut v: Vec<SignalState> = Vec::new();
            for s in &self.states {
                if !v.contains(s) {
                    v.push(*s);
                }
            }
            v
        }
    }

    /// The conditions besides state and segment, with their values (numbered after
    /// the ones already in `params`).
    fn narrowing(&self, sql: &mut String, params: &mut Vec<Value>) {
        let mut add = |cond: &str, v: Option<Value>| {
            let n = params.len() + 1;
            sql.push_str(" AND ");
            sql.push_str(&cond.replace("?N", &format!("?{n}")));
            if let Some(v) = v {
                params.push(v);
            }
        };
        if let Some(o) = self.org_id {
            add("s.org_id = ?N", Some(Value::Integer(o)));
        }
        if let Some(p) = self.owner_person_id {
            add("s.owner_person_id = ?N", Some(Value::Integer(p)));
        }
        if self.unassigned {
            add("s.owner_person_id IS NULL AND s.owner_org_id IS NULL", None);
        }
        if let Some(t) = &self.theme {
            let t = t.trim_start_matches('#').to_lowercase();
            add("s.theme = ?N", Some(Value::Text(t)));
        }
        if let Some(d) = &self.district {
            add(
                "s.district = ?N COLLATE NOCASE",
                Some(Value::Text(d.clone())),
            );
        }
        if let Some(t) = &self.text {
            let like = format!("%{}%", t.trim());
            add(
                "(s.title LIKE ?N OR o.name LIKE ?N OR s.theme LIKE ?N)",
                Some(Value::Text(like)),
            );
        }
        if let Some(o) = self.owner_org_id {
            add(
                "(s.owner_org_id = ?N OR p.org_id = ?N)",
                Some(Value::Integer(o)),
            );
        }
    }

    /// The statements of one segment. Several (one per state) are each in (received_on,
    /// id) order and merged; a single one is in the segment's own order.
    fn cursors(&self, segment: Segment, today: &str) -> Vec<Cursor> {
        let wanted = self.wanted_states();
        let states: Vec<SignalState> = wanted
            .iter()
            .copied()
            .filter(|s| s.is_open() == (segment != Segment::Closed))
            .collect();
        if states.is_empty() {
            return Vec::new();
        }
        let cond = match segment {
            Segment::Overdue => format!("s.state IN {OPEN} AND s.feedback_due < ?1"),
            Segment::Due => format!("s.state IN {OPEN} AND s.feedback_due >= ?1"),
            Segment::NoDue => format!("s.state IN {OPEN} AND s.feedback_due IS NULL"),
            Segment::Closed => format!("s.state NOT IN {OPEN}"),
        };
        let order = match segment {
            Segment::Due => "s.feedback_due, s.received_on, s.id",
            _ => "s.received_on, s.id",
        };
        let one = |index: &str, states: &[SignalState]| -> Cursor {
            let select = ROW_SELECT.replace(
                "FROM signal s",
                &format!("FROM signal s INDEXED BY {index}"),
            );
            let state_cond = if states.len() == 1 {
                format!("s.state = '{}'", states[0].code())
            } else {
                format!("s.state IN {}", state_list(states))
            };
            // Today is ?1 where the segment compares with it.
            let mut params = Vec::new();
            if cond.contains("?1") {
                params.push(Value::Text(today.to_string()));
            }
            let mut sql = format!("{select}\n WHERE {state_cond} AND {cond}");
            self.narrowing(&mut sql, &mut params);
            sql.push_str(&format!("\n ORDER BY {order}"));
            Cursor { sql, params }
        };
        if self.org_id.is_some() {
            return vec![one("signal_org", &states)];
        }
        if self.owner_person_id.is_some() {
            return vec![one("signal_owner", &states)];
        }
        match segment {
            // Not yet due, or no due date: few, and one range of the due-date index.
            Segment::Due | Segment::NoDue => vec![one("signal_open_due", &states)],
            Segment::Overdue | Segment::Closed => {
                states.iter().map(|s| one("signal_state", &[*s])).collect()
            }
        }
    }

    fn segments(&self) -> Vec<Segment> {
        if self.overdue_only {
            vec![Segment::Overdue]
        } else {
            vec![
                Segment::Overdue,
                Segment::Due,
                Segment::NoDue,
                Segment::Closed,
            ]
        }
    }
}

fn next_row(rows: &mut Rows<'_>, today: chrono::NaiveDate) -> Result<Option<SignalRow>> {
    match rows.next()? {
        Some(r) => Ok(Some(row_from(r, today)?)),
        None => Ok(None),
    }
}

impl Store {
    /// Signals for a list: overdue feedback first, then by age (oldest first).
    pub fn signals(&self, f: &SignalFilter) -> Result<Vec<SignalRow>> {
        let mut rows = Vec::new();
        self.each_signal(f, |r| {
            rows.push(r);
            Ok::<(), StoreError>(())
        })?;
        Ok(rows)
    }

    /// The rows of [`Store::signals`], handed to `emit` one at a time as they are
    /// read: nothing is collected, and an error from `emit` (a closed pipe) stops the
    /// reading. Returns how many rows were handed over.
    pub fn each_signal<E: From<StoreError>>(
        &self,
        f: &SignalFilter,
        mut emit: impl FnMut(SignalRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E> {
        let today = self.today();
        let today_s = date_str(today);
        let limit = f.limit.unwrap_or(usize::MAX);
        let mut n = 0;
        for segment in f.segments() {
            if n >= limit {
                break;
            }
            let cursors = f.cursors(segment, &today_s);
            let mut stmts = Vec::with_capacity(cursors.len());
            for c in &cursors {
                stmts.push(self.conn.prepare_cached(&c.sql).map_err(StoreError::from)?);
            }
            let mut rows: Vec<Rows<'_>> = Vec::with_capacity(cursors.len());
            for (st, c) in stmts.iter_mut().zip(&cursors) {
                rows.push(
                    st.query(params_from_iter(c.params.iter()))
                        .map_err(StoreError::from)?,
                );
            }
            let mut heads: Vec<Option<SignalRow>> = Vec::with_capacity(rows.len());
            for r in rows.iter_mut() {
                heads.push(next_row(r, today)?);
            }
            // Merge the states' cursors by (received_on, id).
            while n < limit {
                let Some(i) = heads
                    .iter()
                    .enumerate()
                    .filter_map(|(i, h)| h.as_ref().map(|h| (i, (h.received_on, h.id))))
                    .min_by_key(|(_, k)| *k)
                    .map(|(i, _)| i)
                else {
                    break;
                };
                let row = heads[i].take().expect("a head was chosen");
                emit(row)?;
                n += 1;
                heads[i] = next_row(&mut rows[i], today)?;
            }
        }
        Ok(n)
    }

    /// What SQLite plans for each statement of a signal list (EXPLAIN QUERY PLAN, one
    /// line a step): for the tests that pin that every list is a range scan in order.
    #[doc(hidden)]
    pub fn signal_list_plans(&self, f: &SignalFilter) -> Result<Vec<String>> {
        let today = date_str(self.today());
        let mut plans = Vec::new();
        for segment in f.segments() {
            for c in f.cursors(segment, &today) {
                plans.push(super::query_plan(
                    &self.conn,
                    &c.sql,
                    params_from_iter(c.params.iter()),
                )?);
            }
        }
        Ok(plans)
    }
}

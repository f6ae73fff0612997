//! The tracker's list: open actions and commitments together, by due date (overdue
//! ones, being due earliest, come first), actions without a due date last. Paged with
//! keyset queries on the partial indexes `action_open_due` and `commitment_open_due`:
//! a page deep in the list costs what the first one does.

use super::actions::{self, Action};
use super::commitments::{self, Commitment};
use super::{Result, Store, date_str};
use crate::domain::RecordRef;
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;

/// One row of the tracker.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackerItem {
    Action(Action),
    Commitment(Commitment),
}

impl TrackerItem {
    pub fn reference(&self) -> RecordRef {
        match self {
            TrackerItem::Action(a) => a.reference(),
            TrackerItem::Commitment(c) => c.reference(),
        }
    }

    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            TrackerItem::Action(a) => a.due,
            TrackerItem::Commitment(c) => Some(c.due),
        }
    }

    pub fn id(&self) -> i64 {
        match self {
            TrackerItem::Action(a) => a.id,
            TrackerItem::Commitment(c) => c.id,
        }
    }

    /// Past its due date (and still open).
    pub fn overdue(&self) -> bool {
        match self {
            TrackerItem::Action(a) => a.overdue,
            TrackerItem::Commitment(c) => {
                c.outcome == crate::domain::commitment::Outcome::OpenOverdue
            }
        }
    }

    pub fn version(&self) -> i64 {
        match self {
            TrackerItem::Action(a) => a.version,
            TrackerItem::Commitment(c) => c.version,
        }
    }

    /// The list order: dated before undated, by due date, actions before commitments
    /// on the same day, then by number.
    pub fn key(&self) -> TrackerKey {
        TrackerKey {
            due: self.due(),
            commitment: matches!(self, TrackerItem::Commitment(_)),
            id: self.id(),
        }
    }
}

/// A row's place in the tracker's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrackerKey {
    pub due: Option<NaiveDate>,
    pub commitment: bool,
    pub id: i64,
}

impl TrackerKey {
    fn order(&self) -> (bool, Option<NaiveDate>, bool, i64) {
        (self.due.is_none(), self.due, self.commitment, self.id)
    }
}

impl PartialOrd for TrackerKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TrackerKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order().cmp(&other.order())
    }
}

/// What the tracker can be narrowed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackerFilter {
    /// Owned by this person.
    pub owner_person_id: Option<i64>,
    /// Owned by this service.
    pub owner_org_id: Option<i64>,
    /// Commitments to this organisation (actions have none, so none show).
    pub org_id: Option<i64>,
    pub overdue_only: bool,
    /// Due on or before this day.
    pub due_before: Option<NaiveDate>,
}

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    After,
    Before,
}

impl Store {
    /// How many rows the tracker lists under this filter.
    pub fn tracker_count(&self, f: &TrackerFilter) -> Result<usize> {
        let upper = upper_bound(f, self.today());
        let mut total = 0;
        if f.org_id.is_none() {
            let mut w = Where::new("a.state = 'open'");
            w.owner("a", f);
            if let Some(u) = upper {
                w.add("a.due <= ?", Value::Text(date_str(u)));
            }
            let sql = format!("SELECT count(*) FROM action a {}", w.sql);
            total += self
                .conn
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(w.values), |r| r.get::<_, i64>(0))?;
        }
        let mut w = Where::new("c.state = 'open'");
        w.owner("c", f);
        if let Some(org) = f.org_id {
            w.add("c.org_id = ?", Value::Integer(org));
        }
        if let Some(u) = upper {
            w.add("c.due <= ?", Value::Text(date_str(u)));
        }
        let sql = format!("SELECT count(*) FROM commitment c {}", w.sql);
        total += self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(w.values), |r| r.get::<_, i64>(0))?;
        Ok(total as usize)
    }

    /// One action or commitment as the tracker shows it.
    pub fn tracker_item(&self, record: RecordRef) -> Result<TrackerItem> {
        match record.kind {
            crate::domain::RecordKind::Action => self.action(record.id).map(TrackerItem::Action),
            _ => self.commitment(record.id).map(TrackerItem::Commitment),
        }
    }

    /// Up to `n` rows after `after` (from the top when `None`), in list order.
    pub fn tracker_page(
        &self,
        f: &TrackerFilter,
        after: Option<TrackerKey>,
        n: usize,
    ) -> Result<Vec<TrackerItem>> {
        self.tracker_rows(f, after, Dir::After, n)
    }

    /// Up to `n` rows before `before` (the last `n` when `None`), in list order.
    pub fn tracker_page_before(
        &self,
        f: &TrackerFilter,
        before: Option<TrackerKey>,
        n: usize,
    ) -> Result<Vec<TrackerItem>> {
        let mut rows = self.tracker_rows(f, before, Dir::Before, n)?;
        rows.reverse();
        Ok(rows)
    }

    /// Rows nearest to `key` in direction `dir` (nearest first): up to `n` from each
    /// table, merged.
    fn tracker_rows(
        &self,
        f: &TrackerFilter,
        key: Option<TrackerKey>,
        dir: Dir,
        n: usize,
    ) -> Result<Vec<TrackerItem>> {
        let upper = upper_bound(f, self.today());
        let mut rows: Vec<TrackerItem> = Vec::new();
        if f.org_id.is_none() {
            let dated = |me: &Self, n| me.dated_actions(f, upper, key, dir, n);
            let undated = |me: &Self, n| me.undated_actions(f, key, dir, n);
            let undated_ok = upper.is_none();
            let mut acts = Vec::new();
            match (dir, key.map(|k| k.due.is_some())) {
                // Dated rows come first: after a dated key (or from the top), the
                // dated rest, then the undated ones.
                (Dir::After, None | Some(true)) => {
                    acts = dated(self, n)?;
                    if acts.len() < n && undated_ok {
                        acts.extend(undated(self, n - acts.len())?);
                    }
                }
                (Dir::After, Some(false)) => acts = undated(self, n)?,
                (Dir::Before, Some(true)) => acts = dated(self, n)?,
                (Dir::Before, None | Some(false)) => {
                    if undated_ok {
                        acts = undated(self, n)?;
                    }
                    if acts.len() < n {
                        acts.extend(dated(self, n - acts.len())?);
                    }
                }
            }
            rows.extend(acts.into_iter().map(TrackerItem::Action));
        }
        // Commitments always have a due date: none come after an undated key.
        if !(dir == Dir::After && key.is_some_and(|k| k.due.is_none())) {
            rows.extend(
                self.open_commitments(f, upper, key, dir, n)?
                    .into_iter()
                    .map(TrackerItem::Commitment),
            );
        }
        match dir {
            Dir::After => rows.sort_by_key(TrackerItem::key),
            Dir::Before => rows.sort_by_key(|r| std::cmp::Reverse(r.key())),
        }
        rows.truncate(n);
        Ok(rows)
    }

    fn dated_actions(
        &self,
        f: &TrackerFilter,
        upper: Option<NaiveDate>,
        key: Option<TrackerKey>,
        dir: Dir,
        n: usize,
    ) -> Result<Vec<Action>> {
        // On the key's day, actions come before commitments.
        let bound = key.and_then(|k| {
            k.due.map(|d| {
                // After a commitment: the next day on; before it: that day too.
                (d, if k.commitment { i64::MAX } else { k.id })
            })
        });
        let mut w = Where::new("a.state = 'open' AND a.due IS NOT NULL");
        w.owner("a", f);
        if let Some(u) = upper {
            w.add("a.due <= ?", Value::Text(date_str(u)));
        }
        if let Some((d, id)) = bound {
            w.range("a", dir, d, id);
        }
        self.open_actions(w, &dir.order("a.due, a.id"), n)
    }

    fn undated_actions(
        &self,
        f: &TrackerFilter,
        key: Option<TrackerKey>,
        dir: Dir,
        n: usize,
    ) -> Result<Vec<Action>> {
        let mut w = Where::new("a.state = 'open' AND a.due IS NULL");
        w.owner("a", f);
        if let Some(k) = key.filter(|k| k.due.is_none()) {
            let op = if dir == Dir::After { ">" } else { "<" };
            w.add(&format!("a.id {op} ?"), Value::Integer(k.id));
        }
        self.open_actions(w, &dir.order("a.id"), n)
    }

    fn open_actions(&self, w: Where, order: &str, n: usize) -> Result<Vec<Action>> {
        let sql = format!("{} {} ORDER BY {order} LIMIT {n}", actions::SELECT, w.sql);
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            rusqlite::params_from_iter(w.values),
            actions::row_fn(self.today()),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn open_commitments(
        &self,
        f: &TrackerFilter,
        upper: Option<NaiveDate>,
        key: Option<TrackerKey>,
        dir: Dir,
        n: usize,
    ) -> Result<Vec<Commitment>> {
        // On the key's day, commitments come after actions.
        let bound = key.and_then(|k| {
            k.due.map(|d| {
                // After an action: that day on; before it: the days before.
                (d, if k.commitment { k.id } else { 0 })
            })
        });
        let mut w = Where::new("c.state = 'open'");
        w.owner("c", f);
        if let Some(org) = f.org_id {
            w.add("c.org_id = ?", Value::Integer(org));
        }
        if let Some(u) = upper {
            w.add("c.due <= ?", Value::Text(date_str(u)));
        }
        if let Some((d, id)) = bound {
            w.range("c", dir, d, id);
        }
        let order = dir.order("c.due, c.id");
        let sql = format!(
            "{} {} ORDER BY {order} LIMIT {n}",
            commitments::SELECT.replace(
                "FROM commitment c",
                "FROM commitment c INDEXED BY commitment_open_due"
            ),
            w.sql
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            rusqlite::params_from_iter(w.values),
            commitments::row_fn(self.today()),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The last due day listed: overdue means due before today; a week bound is "due on
/// or before".
fn upper_bound(f: &TrackerFilter, today: NaiveDate) -> Option<NaiveDate> {
    [
        f.overdue_only.then(|| today - Duration::days(1)),
        f.due_before,
    ]
    .into_iter()
    .flatten()
    .min()
}

impl Dir {
    fn order(self, cols: &str) -> String {
        match self {
            Dir::After => cols.to_string(),
            Dir::Before => cols
                .split(", ")
                .map(|c| format!("{c} DESC"))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// A WHERE clause built from the filters that apply, with its parameters in order.
struct Where {
    sql: String,
    values: Vec<Value>,
}

impl Where {
    fn new(base: &str) -> Where {
        Where {
            sql: format!("WHERE {base}"),
            values: Vec::new(),
        }
    }

    fn add(&mut self, cond: &str, value: Value) {
        self.sql.push_str(" AND ");
        self.sql.push_str(cond);
        self.values.push(value);
    }

    fn owner(&mut self, t: &str, f: &TrackerFilter) {
        if let Some(p) = f.owner_person_id {
            self.add(&format!("{t}.owner_person_id = ?"), Value::Integer(p));
        }
        if let Some(o) = f.owner_org_id {
            self.add(&format!("{t}.owner_org_id = ?"), Value::Integer(o));
        }
    }

    /// Rows strictly after (or before) `(due, id)` in `(due, id)` order: one range on
    /// the index.
    fn range(&mut self, t: &str, dir: Dir, due: NaiveDate, id: i64) {
        let op = if dir == Dir::After { ">" } else { "<" };
        self.sql
            .push_str(&format!(" AND ({t}.due, {t}.id) {op} (?, ?)"));
        self.values.push(Value::Text(date_str(due)));
        self.values.push(Value::Integer(id));
    }
}

//! The inbox: open signals, overdue feedback first, then by the due date in force,
//! read a window at a time with keyset paging so that 100,000 signals page as fast
//! as ten.
//!
//! The order is three segments: overdue by (received_on, id); then the rest by
//! (feedback_due, received_on, id); last any open signal without a due date by
//! (received_on, id). Each segment is one range scan of a partial index
//! (`signal_open_received`, `signal_open_due`), which hold every column a row shows,
//! so a page reads no page of the signal table; a page that runs off the end of one
//! segment continues in the next.

use super::signals::{SignalRow, row_from};
use super::{Result, Store, date_str};
use chrono::NaiveDate;
use rusqlite::params;

/// Narrowing of the inbox; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    pub org_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    pub unassigned: bool,
    pub overdue_only: bool,
    pub theme: Option<String>,
    pub district: Option<String>,
    /// Words in the title, organisation or theme.
    pub text: Option<String>,
    /// Only signals still waiting for triage.
    pub untriaged: bool,
}

/// Where a page starts: just after this row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxKey {
    pub overdue: bool,
    /// The due date in force (orders the not-yet-due segment).
    pub due: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub id: i64,
}

impl InboxKey {
    pub fn of(row: &SignalRow) -> InboxKey {
        InboxKey {
            overdue: row.overdue,
            due: row.feedback_due,
            received_on: row.received_on,
            id: row.id,
        }
    }

    fn segment(&self) -> Segment {
        match (self.overdue, self.due) {
            (true, _) => Segment::Overdue,
            (false, Some(_)) => Segment::Due,
            (false, None) => Segment::NoDue,
        }
    }
}

/// The inbox's parts, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Segment {
    Overdue,
    Due,
    NoDue,
}

const SEGMENTS: [Segment; 3] = [Segment::Overdue, Segment::Due, Segment::NoDue];

/// The open-signal counts a tab shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InboxCounts {
    pub open: i64,
    pub overdue: i64,
    /// The highest signal number there is: the inbox's ID column is as wide as it, so
    /// that the column keeps its width whichever rows are loaded.
    pub last_signal: i64,
}

/// The statement for one segment: with or without a key, forwards or backwards, at
/// most `limit` rows. The limit is written into the statement, not bound: SQLite plans
/// with a bound LIMIT's value, so binding one made it prepare the statement again
/// each time it ran (a quarter of the first window's cost); `?10` stays unused.
fn inbox_sql(seg: Segment, keyed: bool, backwards: bool, limit: usize) -> String {
    let (cmp, order) = if backwards {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    // Each segment is one range of one partial index, in that index's order.
    let (index, segment, key_range, by) = match seg {
        Segment::Overdue => (
            "signal_open_received",
            "s.feedback_due < ?1",
            format!("AND (s.received_on, s.id) {cmp} (?2, ?3)"),
            format!("s.received_on {order}, s.id {order}"),
        ),
        Segment::Due => (
            "signal_open_due",
            "s.feedback_due >= ?1",
            format!("AND (s.feedback_due, s.received_on, s.id) {cmp} (?11, ?2, ?3)"),
            format!("s.feedback_due {order}, s.received_on {order}, s.id {order}"),
        ),
        Segment::NoDue => (
            "signal_open_due",
            "s.feedback_due IS NULL",
            format!("AND (s.received_on, s.id) {cmp} (?2, ?3)"),
            format!("s.received_on {order}, s.id {order}"),
        ),
    };
    // Two statements rather than `?2 IS NULL OR …`, so that the key is an index range.
    let key_range = if keyed {
        key_range
    } else {
        "AND ?2 IS NULL AND ?3 IS NULL AND ?11 IS NULL".to_string()
    };
    // Without statistics the planner would take the state index and sort everything.
    // The names are the ones kept on an open signal (schema/028), in the index too, so
    // a page reads no table at all; `row_from` reads the columns of `ROW_SELECT`.
    format!(
        "SELECT s.id, s.title, s.inbox_org, s.district, s.theme, s.owner_person_id, s.owner_org_id,
                s.state, s.received_on, s.feedback_due, coalesce(s.inbox_owner, '')
           FROM signal s INDEXED BY {index}
              WHERE s.state IN ('new','triaged','in_progress')
                AND {segment}
                {key_range}
                AND (?4 IS NULL OR s.org_id = ?4)
                AND (?5 IS NULL OR s.owner_person_id = ?5)
                AND (?6 = 0 OR (s.owner_person_id IS NULL AND s.owner_org_id IS NULL))
                AND (?7 IS NULL OR s.theme = ?7)
                AND (?8 IS NULL OR s.district = ?8 COLLATE NOCASE)
                AND (?9 IS NULL OR s.title LIKE ?9 OR s.inbox_org LIKE ?9 OR s.theme LIKE ?9)
                AND (?12 = 0 OR s.state = 'new')
              ORDER BY {by}
              LIMIT {limit}"
    )
}

impl Store {
    /// Up to `limit` inbox rows after `after` (from the top when `None`).
    pub fn inbox_page(
        &self,
        f: &InboxFilter,
        after: Option<InboxKey>,
        limit: usize,
    ) -> Result<Vec<SignalRow>> {
        let mut rows = Vec::with_capacity(limit);
        let start = after.map_or(Segment::Overdue, |k| k.segment());
        for seg in SEGMENTS.into_iter().filter(|s| *s >= start) {
            if rows.len() >= limit || (f.overdue_only && seg != Segment::Overdue) {
                break;
            }
            let from = after.filter(|k| k.segment() == seg);
            rows.extend(self.inbox_query(f, seg, from, limit - rows.len(), false)?);
        }
        Ok(rows)
    }

    /// Up to `limit` rows before `before`, nearest first reversed into display order:
    /// for paging up and for keeping a selection in view after a refresh.
    pub fn inbox_page_before(
        &self,
        f: &InboxFilter,
        before: Option<InboxKey>,
        limit: usize,
    ) -> Result<Vec<SignalRow>> {
        let mut rows = Vec::with_capacity(limit);
        // From the end (no key): the last segment first.
        let start = before.map_or(Segment::NoDue, |k| k.segment());
        for seg in SEGMENTS.into_iter().rev().filter(|s| *s <= start) {
            if rows.len() >= limit {
                break;
            }
            if f.overdue_only && seg != Segment::Overdue {
                continue;
            }
            let from = before.filter(|k| k.segment() == seg);
            rows.extend(self.inbox_query(f, seg, from, limit - rows.len(), true)?);
        }
        rows.reverse();
        Ok(rows)
    }

    fn inbox_query(
        &self,
        f: &InboxFilter,
        seg: Segment,
        key: Option<InboxKey>,
        limit: usize,
        backwards: bool,
    ) -> Result<Vec<SignalRow>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let today = self.today();
        let sql = inbox_sql(seg, key.is_some(), backwards, limit);
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                date_str(today),
                key.map(|k| date_str(k.received_on)),
                key.map(|k| k.id),
                f.org_id,
                f.owner_person_id,
                f.unassigned,
                f.theme
                    .as_deref()
                    .map(|t| t.trim_start_matches('#').to_lowercase()),
                f.district,
                f.text
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| format!("%{t}%")),
                limit as i64,
                key.and_then(|k| k.due).map(date_str),
                f.untriaged,
            ],
            |r| row_from(r, today),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open and overdue counts for the tab bar, from what the triggers keep: the open
    /// signals' total (schema/023), less those due from today on and those without a
    /// date, from the per-day counts (schema/008). A few dozen days are read, not the
    /// thousands of past days a city's history leaves with something still open.
    pub fn inbox_counts(&self) -> Result<InboxCounts> {
        let mut st = self.conn.prepare_cached(
            "SELECT t.n, t.n - (SELECT coalesce(sum(n), 0) FROM open_signal_days WHERE due >= ?1)
                             - (SELECT coalesce(sum(n), 0) FROM open_signal_days WHERE due = ''),
                    (SELECT coalesce(max(id), 0) FROM signal)
               FROM (SELECT coalesce((SELECT n FROM open_signal_total), 0) AS n) t",
        )?;
        Ok(st.query_row([date_str(self.today())], |r| {
            Ok(InboxCounts {
                open: r.get(0)?,
                overdue: r.get(1)?,
                last_signal: r.get(2)?,
            })
        })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every segment, keyed or not, in either direction, is a range of its partial
    /// index read in order: no full scan of the signals, no sort of them, and no page
    /// of the signal table (the index holds every column a row shows, schema/027).
    #[test]
    fn every_page_is_an_index_range_without_a_sort() {
        let db = crate::store::testing::TempDb::new("inbox-plan");
        let store = db.open();
        for seg in SEGMENTS {
            for keyed in [false, true] {
                for backwards in [false, true] {
                    let sql = inbox_sql(seg, keyed, backwards, 10);
                    let mut st = store
                        .conn
                        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                        .unwrap();
                    let plan: Vec<String> = st
                        .query_map(
                            rusqlite::params![
                                "2026-01-15",
                                "2026-01-01",
                                1,
                                None::<i64>,
                                None::<i64>,
                                0,
                                None::<String>,
                                None::<String>,
                                None::<String>,
                                10,
                                "2026-01-20",
                                0
                            ],
                            |r| r.get::<_, String>(3),
                        )
                        .unwrap()
                        .collect::<rusqlite::Result<_>>()
                        .unwrap();
                    let plan = plan.join("\n");
                    let index = if seg == Segment::Overdue {
                        "signal_open_received"
                    } else {
                        "signal_open_due"
                    };
                    assert!(
                        plan.contains(&format!("SEARCH s USING COVERING INDEX {index}"))
                            || plan.contains(&format!("SCAN s USING COVERING INDEX {index}")),
                        "{seg:?} keyed={keyed} back={backwards}:\n{plan}"
                    );
                    assert!(
                        !plan.contains("TEMP B-TREE"),
                        "{seg:?} keyed={keyed} back={backwards} sorts:\n{plan}"
                    );
                    if seg != Segment::Overdue {
                        assert!(
                            plan.contains("SEARCH s USING COVERING INDEX"),
                            "{seg:?} is a range, not a scan:\n{plan}"
                        );
                    }
                }
            }
        }
    }

    /// A page's statement is prepared once, not again each time it runs.
    #[test]
    fn a_page_is_not_prepared_again_when_it_runs() {
        let db = crate::store::testing::TempDb::new("inbox-reprepare");
        let store = db.open();
        let f = InboxFilter::default();
        for _ in 0..3 {
            store.inbox_page(&f, None, 10).unwrap();
        }
        let sql = inbox_sql(Segment::Overdue, false, false, 10);
        let st = store.conn.prepare_cached(&sql).unwrap();
        assert_eq!(st.get_status(rusqlite::StatementStatus::RePrepare), 0);
    }
}

//! The inbox: open signals, overdue feedback first, then by age, read a window at a
//! time with keyset paging so that 100,000 signals page as fast as ten.
//!
//! The order is two segments — overdue, then the rest — each by (received_on, id).
//! Each segment is one range scan of the partial index `signal_open_received`; a
//! page that runs off the end of the overdue segment continues in the other one.

use super::signals::{ROW_SELECT, SignalRow, row_from};
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
}

/// Where a page starts: just after this row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxKey {
    pub overdue: bool,
    pub received_on: NaiveDate,
    pub id: i64,
}

impl InboxKey {
    pub fn of(row: &SignalRow) -> InboxKey {
        InboxKey {
            overdue: row.overdue,
            received_on: row.received_on,
            id: row.id,
        }
    }
}

/// The open-signal counts a tab shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InboxCounts {
    pub open: i64,
    pub overdue: i64,
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
        if after.is_none_or(|k| k.overdue) {
            rows.extend(self.inbox_segment(f, true, after, limit)?);
        }
        if rows.len() < limit && !f.overdue_only {
            let from = after.filter(|k| !k.overdue);
            rows.extend(self.inbox_segment(f, false, from, limit - rows.len())?);
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
        // From the end (no key) or from a not-yet-due key: the second segment first.
        if before.is_none_or(|k| !k.overdue) && !f.overdue_only {
            rows.extend(self.inbox_segment_back(f, false, before, limit)?);
        }
        if rows.len() < limit {
            let from = before.filter(|k| k.overdue);
            rows.extend(self.inbox_segment_back(f, true, from, limit - rows.len())?);
        }
        rows.reverse();
        Ok(rows)
    }

    fn inbox_segment(
        &self,
        f: &InboxFilter,
        overdue: bool,
        after: Option<InboxKey>,
        limit: usize,
    ) -> Result<Vec<SignalRow>> {
        self.inbox_query(f, overdue, after, limit, false)
    }

    fn inbox_segment_back(
        &self,
        f: &InboxFilter,
        overdue: bool,
        before: Option<InboxKey>,
        limit: usize,
    ) -> Result<Vec<SignalRow>> {
        self.inbox_query(f, overdue, before, limit, true)
    }

    fn inbox_query(
        &self,
        f: &InboxFilter,
        overdue: bool,
        key: Option<InboxKey>,
        limit: usize,
        backwards: bool,
    ) -> Result<Vec<SignalRow>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let today = self.today();
        let (cmp, order) = if backwards {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        let segment = if overdue {
            "s.feedback_due < ?1"
        } else {
            // Signals not yet due are mostly recent: start the scan at the oldest of
            // them (found on the due-date index) instead of at the oldest signal.
            "(s.feedback_due >= ?1 OR s.feedback_due IS NULL)
             AND s.received_on >= coalesce((SELECT min(received_on) FROM signal INDEXED BY signal_open_due
                 WHERE state IN ('new','triaged','in_progress') AND feedback_due >= ?1), '0000')"
        };
        // Two statements rather than `?2 IS NULL OR …`, so that the key is an index range.
        let key_range = match key {
            Some(_) => format!("AND (s.received_on, s.id) {cmp} (?2, ?3)"),
            None => "AND ?2 IS NULL AND ?3 IS NULL".to_string(),
        };
        // Without statistics the planner would take the state index and sort everything.
        let select = ROW_SELECT.replace(
            "FROM signal s",
            "FROM signal s INDEXED BY signal_open_received",
        );
        let sql = format!(
            "{select}
              WHERE s.state IN ('new','triaged','in_progress')
                AND {segment}
                {key_range}
                AND (?4 IS NULL OR s.org_id = ?4)
                AND (?5 IS NULL OR s.owner_person_id = ?5)
                AND (?6 = 0 OR (s.owner_person_id IS NULL AND s.owner_org_id IS NULL))
                AND (?7 IS NULL OR s.theme = ?7)
                AND (?8 IS NULL OR s.district = ?8 COLLATE NOCASE)
                AND (?9 IS NULL OR s.title LIKE ?9 OR o.name LIKE ?9 OR s.theme LIKE ?9)
              ORDER BY s.received_on {order}, s.id {order}
              LIMIT ?10"
        );
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
                limit as i64
            ],
            |r| row_from(r, today),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open and overdue counts for the tab bar, from the per-day counts the triggers
    /// keep (schema/008): a sum over a few hundred days, not 50,000 signals.
    pub fn inbox_counts(&self) -> Result<InboxCounts> {
        let mut st = self.conn.prepare_cached(
            "SELECT coalesce(sum(n), 0), coalesce(sum(CASE WHEN due != '' AND due < ?1 THEN n END), 0)
               FROM open_signal_days",
        )?;
        Ok(st.query_row([date_str(self.today())], |r| {
            Ok(InboxCounts {
                open: r.get(0)?,
                overdue: r.get(1)?,
            })
        })?)
    }
}

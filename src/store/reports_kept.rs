//! The commitments and load reports read from the counts schema/022 keeps
//! (`report_ledger`, `report_load`), and the records behind their figures selected on
//! the base rows a page at a time. What depends on today (an open commitment overdue,
//! the load window) is worked out when the report is made.

use super::{Result, Store, date_str};
use crate::domain::org::LOAD_THRESHOLD;
use crate::domain::report::{
    CommitmentOutcome, CommitmentsReport, DateRange, GroupCounts, LOAD_WINDOW_DAYS, Lang,
    LoadCount, LoadReport, OutcomeCounts, ReportFilter,
};
use crate::domain::{RecordKind, RecordRef};
use chrono::{Duration, NaiveDate};
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::HashMap;

/// How the kept commitments are grouped: one total, per service, per organisation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Total,
    Service,
    Org,
}

/// A page of the records behind a figure: IDs such as "S-42", in the figure's order,
/// and whether more follow the last one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordsPage {
    pub ids: Vec<String>,
    pub more: bool,
}

/// `O-3` as the reports key a group: Some(3); "" (no service): Some(0); anything else
/// names no group (-1 matches nothing).
pub(super) fn group_id(key: &str) -> i64 {
    if key.is_empty() {
        return 0;
    }
    match RecordRef::parse(key, Some(RecordKind::Organisation)) {
        Ok(r) if format!("O-{}", r.id) == key => r.id,
        _ => -1,
    }
}

/// A period as bounds on the kept promise days: the whole range when open at both ends
/// is the summed cut ('' .. '').
fn period_bounds(p: DateRange) -> (bool, [Value; 2]) {
    if p.from.is_none() && p.to.is_none() {
        return (
            false,
            [Value::Text(String::new()), Value::Text(String::new())],
        );
    }
    (
        true,
        [
            Value::Text(p.from.map(date_str).unwrap_or_else(|| "0000-01-01".into())),
            Value::Text(p.to.map(date_str).unwrap_or_else(|| "9999-12-31".into())),
        ],
    )
}

fn count(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as usize)
}

impl Store {
    /// The commitments report from `report_ledger` (the filter already checked; no
    /// organisation filter: one organisation's few commitments are counted instead).
    pub(super) fn commitments_kept(
        &self,
        f: ReportFilter,
        lang: Lang,
    ) -> Result<CommitmentsReport> {
        let today = self.today();
        let totals = self
            .ledger_groups(&f, today, Group::Total)?
            .into_iter()
            .next()
            .map(|(_, _, c)| c)
            .unwrap_or_default();
        let per_service = self
            .ledger_groups(&f, today, Group::Service)?
            .into_iter()
            .map(|(id, name, c)| GroupCounts::service((id != 0).then_some(id), name, c, lang))
            .collect();
        let per_org = self
            .ledger_groups(&f, today, Group::Org)?
            .into_iter()
            .map(|(id, name, c)| GroupCounts::org(id, name.unwrap_or_default(), c))
            .collect();
        Ok(CommitmentsReport::from_groups(
            today,
            f,
            totals,
            per_service,
            per_org,
        ))
    }

    /// One grouping of the kept commitments: (id, name, counts) per group with any.
    /// The cut keeps what the group and the filter name and sums over the rest.
    fn ledger_groups(
        &self,
        f: &ReportFilter,
        today: NaiveDate,
        group: Group,
    ) -> Result<Vec<(i64, Option<String>, OutcomeCounts)>> {
        let (by_day, [from, to]) = period_bounds(f.period());
        let keep_org = group == Group::Org || f.district.is_some();
        let keep_service = group == Group::Service || f.service.is_some();
        let cut = i64::from(!keep_org)
            | i64::from(!keep_service) << 1
            | i64::from(f.theme.is_none()) << 2
            | i64::from(!by_day) << 3;
        // The total groups by the cut, which is one value here.
        let (key, by, name) = match group {
            Group::Total => ("0", "cut", "NULL"),
            Group::Service => ("service", "service", "coalesce(o.short_name, o.name)"),
            Group::Org => ("org", "org", "o.name"),
        };
        let sql = format!(
            "SELECT g.k, {name}, g.on_time, g.late, g.broken, g.overdue, g.open, g.withdrawn,
                    g.moved, g.moves, g.days
               FROM (SELECT {key} AS k,
                            sum(iif(outcome = 'kept_on_time', n, 0)) AS on_time,
                            sum(iif(outcome = 'kept_late', n, 0)) AS late,
                            sum(iif(outcome = 'broken', n, 0)) AS broken,
                            sum(iif(outcome = 'open' AND due < ?7, n, 0)) AS overdue,
                            sum(iif(outcome = 'open' AND due >= ?7, n, 0)) AS open,
                            sum(iif(outcome = 'withdrawn', n, 0)) AS withdrawn,
                            sum(moved) AS moved, sum(moves) AS moves, sum(days) AS days
                       FROM report_ledger
                      WHERE cut = ?1 AND a BETWEEN ?2 AND ?3
                        AND (?4 IS NULL OR service = ?4) AND (?5 IS NULL OR theme = ?5)
                        AND (?6 IS NULL OR org IN (SELECT id FROM organisation
                                                     WHERE district = ?6 COLLATE NOCASE))
                      GROUP BY {by} HAVING sum(n) > 0) g
               LEFT JOIN organisation o ON o.id = g.k"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                cut,
                from,
                to,
                f.service,
                f.theme,
                f.district,
                date_str(today)
            ],
            |r| {
                let by_outcome = [
                    count(r, 2)?,
                    count(r, 3)?,
                    count(r, 4)?,
                    count(r, 5)?,
                    count(r, 6)?,
                    count(r, 7)?,
                ];
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    OutcomeCounts::from_counts(
                        by_outcome,
                        count(r, 8)?,
                        count(r, 9)?,
                        r.get::<_, Option<i64>>(10)?.unwrap_or(0),
                    ),
                ))
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The commitments behind a figure of the commitments report, in id order, after
    /// `after` (an id) and at most `limit`: selected on the commitments themselves with
    /// the rules the figures are kept by. `None` for a key that is not a figure.
    pub(super) fn commitment_records_page(
        &self,
        key: &str,
        f: &ReportFilter,
        after: i64,
        limit: usize,
    ) -> Result<Option<RecordsPage>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        let mut parts = figure.split('.');
        if parts.next() != Some("commitments") {
            return Ok(None);
        }
        let (group, outcome) = if figure == "commitments.moved" {
            (None, "moved")
        } else {
            match (parts.next(), parts.next(), parts.next()) {
                (Some(o), None, None) => (None, o),
                (Some(g @ ("service" | "org")), Some(o), None) => (Some(g), o),
                _ => return Ok(None),
            }
        };
        let first = "coalesce(c.first_due, c.due)";
        let rule = match outcome {
            "moved" => "c.later_moves > 0".to_string(),
            "all" => "1".to_string(),
            o => match CommitmentOutcome::from_key(o) {
                Some(CommitmentOutcome::KeptOnTime) => format!(
                    "c.state = 'kept' AND (c.resolved_on IS NULL OR c.resolved_on <= {first})"
                ),
                Some(CommitmentOutcome::KeptLate) => {
                    format!("c.state = 'kept' AND c.resolved_on > {first}")
                }
                Some(CommitmentOutcome::Broken) => "c.state = 'broken'".into(),
                Some(CommitmentOutcome::Withdrawn) => "c.state = 'withdrawn'".into(),
                Some(CommitmentOutcome::OpenOverdue) => "c.state = 'open' AND c.due < ?7".into(),
                Some(CommitmentOutcome::Open) => "c.state = 'open' AND c.due >= ?7".into(),
                None => return Ok(None),
            },
        };
        // ?8: the group's service or organisation (0 for no service).
        let grouped = match group {
            Some("service") => "coalesce(c.owner_org_id, 0) = ?8",
            Some(_) => "c.org_id = ?8",
            None => "?8 IS NULL",
        };
        let p = f.period();
        let sql = format!(
            "SELECT c.id FROM commitment c
              WHERE c.id > ?9 AND {rule} AND {grouped}
                AND {first} BETWEEN ?1 AND ?2
                AND (?3 IS NULL OR c.org_id IN (SELECT id FROM organisation
                                                  WHERE district = ?3 COLLATE NOCASE))
                AND (?4 IS NULL OR c.signal_theme = ?4)
                AND (?5 IS NULL OR c.owner_org_id = ?5)
                AND (?6 IS NULL OR c.org_id = ?6)
                AND ?7 IS NOT NULL
              ORDER BY c.id LIMIT ?10"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                p.from.map(date_str).unwrap_or_else(|| "0000-01-01".into()),
                p.to.map(date_str).unwrap_or_else(|| "9999-12-31".into()),
                f.district,
                f.theme,
                f.service,
                f.org,
                date_str(self.today()),
                group.map(|_| group_id(arg)),
                after,
                limit.saturating_add(1).min(i64::MAX as usize) as i64,
            ],
            |r| r.get::<_, i64>(0),
        )?;
        let mut ids = rows.collect::<rusqlite::Result<Vec<i64>>>()?;
        let more = ids.len() > limit;
        ids.truncate(limit);
        Ok(Some(RecordsPage {
            ids: ids.into_iter().map(|id| format!("C-{id}")).collect(),
            more,
        }))
    }

    /// The load report from `report_load` (signals per organisation and day) and the
    /// meetings of the window, counted on their date index (a few thousand).
    pub(super) fn load_kept(&self, f: ReportFilter) -> Result<LoadReport> {
        let as_of = f.to.unwrap_or(self.today());
        let since = date_str(as_of - Duration::days(LOAD_WINDOW_DAYS));
        let until = date_str(as_of);
        // A meeting starts on a day when its start, as text, lies from that day up to
        // the next (`starts_at` begins with the date), so the index on it is used.
        let next = date_str(as_of + Duration::days(1));
        let mut meetings: HashMap<i64, usize> = HashMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT mo.org_id, count(*) FROM meeting m JOIN meeting_org mo ON mo.meeting_id = m.id
                  WHERE m.starts_at >= ?1 AND m.starts_at < ?2 AND m.cancelled_at IS NULL
                    AND (?3 IS NULL OR EXISTS (SELECT 1 FROM meeting_org x
                                                WHERE x.meeting_id = m.id AND x.org_id = ?3))
                  GROUP BY mo.org_id",
            )?;
            let rows = st.query_map(params![since, next, f.service], |r| {
                Ok((r.get::<_, i64>(0)?, count(r, 1)?))
            })?;
            for row in rows {
                let (org, n) = row?;
                meetings.insert(org, n);
            }
        }
        let cut = i64::from(f.service.is_none()) | i64::from(f.theme.is_none()) << 1;
        let mut st = self.conn.prepare_cached(
            "SELECT o.id, o.name, o.district, g.n
               FROM organisation o
               LEFT JOIN (SELECT org, sum(n) AS n FROM report_load
                           WHERE cut = ?1 AND a BETWEEN ?2 AND ?3
                             AND (?4 IS NULL OR service = ?4) AND (?5 IS NULL OR theme = ?5)
                           GROUP BY org) g ON g.org = o.id
              WHERE o.kind = 'residents'
                AND (?6 IS NULL OR o.district = ?6 COLLATE NOCASE)
                AND (?7 IS NULL OR o.id = ?7)
              ORDER BY o.id",
        )?;
        let rows = st.query_map(
            params![cut, since, until, f.service, f.theme, f.district, f.org],
            |r| {
                let org_id: i64 = r.get(0)?;
                Ok(LoadCount {
                    org_id,
                    name: r.get(1)?,
                    district: r.get(2)?,
                    meetings: meetings.get(&org_id).copied().unwrap_or(0),
                    signals: count(r, 3)?,
                })
            },
        )?;
        let counts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(LoadReport::from_counts(as_of, f, LOAD_THRESHOLD, counts))
    }

    /// The records behind a load figure: `load.over` from the kept report, one
    /// organisation's meetings and signals counted on its own indexes.
    pub(super) fn load_records(&self, key: &str, f: &ReportFilter) -> Result<Option<Vec<String>>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        match figure {
            "load.over" => {
                let report = self.load_kept(f.clone())?;
                let mut ids: Vec<i64> = report
                    .rows
                    .iter()
                    .filter(|r| r.over)
                    .map(|r| group_id(&r.org))
                    .collect();
                ids.sort_unstable();
                Ok(Some(ids.into_iter().map(|id| format!("O-{id}")).collect()))
            }
            "load.org" => {
                let id = group_id(arg);
                if id <= 0 || f.org.is_some_and(|o| o != id) {
                    return Ok(None);
                }
                let one = ReportFilter {
                    org: Some(id),
                    ..f.clone()
                };
                Ok(self.load_facts(&one)?.records(key))
            }
            _ => Ok(None),
        }
    }
}

/// The whole list behind a figure, a page at a time (for code that wants it all).
pub(super) const ALL: usize = usize::MAX / 2;

#[cfg(test)]
mod tests {
    use super::group_id;

    #[test]
    fn group_keys_name_a_service_none_or_nothing() {
        assert_eq!(group_id("O-3"), 3);
        assert_eq!(group_id(""), 0);
        assert_eq!(group_id("O-03"), -1);
        assert_eq!(group_id("S-3"), -1);
        assert_eq!(group_id("x"), -1);
    }
}

//! The loop's health (DESIGN section 6): the store reads the facts, the pure figures in
//! [`crate::domain::report`] count them. The records behind any figure come from the
//! same facts, so a list opened from a figure always holds as many records as it says.

use super::reports_kept::RecordsPage;
use super::{Result, Store, date_str, invalid, parse_date_col};
use crate::domain::Problem;
use crate::domain::commitment::{CommitmentState, Dues, outcome};
use crate::domain::org::LOAD_THRESHOLD;
use crate::domain::report::{
    AgeBucket, CadenceFact, CadenceFacts, CadenceReport, CommitmentFact, CommitmentFacts,
    CommitmentOutcome, CommitmentsReport, DateRange, DueCount, FirstFeedback, LOAD_WINDOW_DAYS,
    Lang, LoadFact, LoadFacts, LoadReport, LoopFacts, LoopReport, LoopSelection, MovedCount,
    OpenCount, ReportFilter, Rows, loop_selection,
};
use crate::domain::{RecordKind, RecordRef};
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};
use std::collections::BTreeMap;

/// The reports by name, as the command line and the Reports screen offer them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Loop,
    Commitments,
    Cadence,
    Load,
}

impl ReportKind {
    pub const ALL: [ReportKind; 4] = [
        ReportKind::Loop,
        ReportKind::Commitments,
        ReportKind::Cadence,
        ReportKind::Load,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportKind::Loop => "loop",
            ReportKind::Commitments => "commitments",
            ReportKind::Cadence => "cadence",
            ReportKind::Load => "load",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportKind> {
        ReportKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim().to_ascii_lowercase())
    }
}

/// Any report, for code that handles them alike (output formats, the screen).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum AnyReport {
    Loop(LoopReport),
    Commitments(CommitmentsReport),
    Cadence(CadenceReport),
    Load(LoadReport),
}

impl AnyReport {
    pub fn tables(&self, lang: Lang, rows: Rows) -> Vec<crate::domain::report::Table> {
        match self {
            AnyReport::Loop(r) => r.tables(lang, rows),
            AnyReport::Commitments(r) => r.tables(lang, rows),
            AnyReport::Cadence(r) => r.tables(lang, rows),
            AnyReport::Load(r) => r.tables(lang, rows),
        }
    }
}

/// Owing the organisation an answer: an open state, or merged and not yet answered
/// (the final feedback on the surviving signal answers it). Word for word the
/// condition of the partial index `signal_loop_open`, so that SQLite can use it.
fn owes_answer() -> &'static str {
    "(state IN ('new', 'triaged', 'in_progress') OR (state = 'merged' AND answered_on IS NULL))"
}

/// The filter's district, theme, service and organisation on a signal, as `?1` to `?4`
/// (bound by [`with_filter`]): only those given, so that an unfiltered report does no
/// work for them per row. Every column is in each of the loop report's indexes.
fn signal_filter(f: &ReportFilter) -> String {
    let parts = [
        (f.district.is_some(), "district = ?1 COLLATE NOCASE"),
        (f.theme.is_some(), "theme = ?2"),
        (f.service.is_some(), "owner_org_id = ?3"),
        (f.org.is_some(), "org_id = ?4"),
    ];
    std::iter::once("1")
        .chain(parts.into_iter().filter(|(on, _)| *on).map(|(_, sql)| sql))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// `?1` to `?4` of [`signal_filter`], then `more`.
fn with_filter(f: &ReportFilter, more: impl IntoIterator<Item = Value>) -> Vec<Value> {
    let text = |t: &Option<String>| t.clone().map_or(Value::Null, Value::Text);
    let id = |i: Option<i64>| i.map_or(Value::Null, Value::Integer);
    let mut v = vec![text(&f.district), text(&f.theme), id(f.service), id(f.org)];
    v.extend(more);
    v
}

/// A `count(*)` or `sum(…)` column (`NULL` when nothing was summed).
fn count(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as usize)
}

/// A date column read without allocating: `YYYY-MM-DD` directly, anything else as
/// [`parse_date_col`] reads it.
fn day(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let Some(text) = r.get_ref(i)?.as_str_or_null()? else {
        return Ok(None);
    };
    let b = text.as_bytes();
    let num = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let quick = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?))
        .flatten();
    Ok(Some(quick.unwrap_or_else(|| parse_date_col(text))))
}

/// A range of days as two bounds for `BETWEEN` (ISO dates compare as text); an open
/// end as a date before or after any stored one.
fn bounds(r: DateRange) -> [Value; 2] {
    [
        Value::Text(r.from.map(date_str).unwrap_or_else(|| "0000-01-01".into())),
        Value::Text(r.to.map(date_str).unwrap_or_else(|| "9999-12-31".into())),
    ]
}

impl Store {
    /// The filter as the reports use it: checked, theme as stored.
    fn report_filter(&self, f: &ReportFilter) -> Result<ReportFilter> {
        f.check()?;
        Ok(ReportFilter {
            theme: f.theme_code(),
            district: f
                .district
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            ..f.clone()
        })
    }

    /// The counts behind the loop report (merged signals included: their organisations
    /// are owed an answer too), narrowed by district, theme, service and organisation,
    /// over the days [`LoopFacts`] names: read from the per-day counts schema/016 keeps
    /// (a few thousand rows, however many signals), or for one organisation counted
    /// from its own signals.
    pub fn loop_facts(&self, f: &ReportFilter) -> Result<LoopFacts> {
        let f = self.report_filter(f)?;
        if f.org.is_some() {
            self.loop_facts_counted(f)
        } else {
            self.loop_facts_kept(f)
        }
    }

    /// [`Store::loop_facts`] from `report_cube`: one range of its primary key per
    /// figure, the filter's dimensions given and the others summed over (the cut).
    fn loop_facts_kept(&self, f: ReportFilter) -> Result<LoopFacts> {
        let today = self.today();
        let conn = &self.conn;
        let cut = i64::from(f.district.is_none())
            | i64::from(f.theme.is_none()) << 1
            | i64::from(f.service.is_none()) << 2;
        // ?1 to ?4: the cut and its dimensions ('' and 0 where summed), then ?5, ?6 …
        let dims = |cut: i64, more: Vec<Value>| -> Vec<Value> {
            let mut v = vec![
                Value::Integer(cut),
                Value::Text(f.district.clone().unwrap_or_default()),
                Value::Text(f.theme.clone().unwrap_or_default()),
                Value::Integer(f.service.unwrap_or(0)),
            ];
            v.extend(more);
            v
        };
        const CELL: &str = "cut = ?1 AND district = ?2 AND theme = ?3 AND service = ?4";
        let by_day = |kind: i64, range: DateRange| -> Result<Vec<(NaiveDate, usize)>> {
            let mut st = conn.prepare_cached(&format!(
                "SELECT a, sum(n) FROM report_cube
                  WHERE kind = ?7 AND {CELL} AND a BETWEEN ?5 AND ?6
                  GROUP BY a HAVING sum(n) > 0 ORDER BY a"
            ))?;
            let args = dims(
                cut,
                bounds(range)
                    .into_iter()
                    .chain([Value::Integer(kind)])
                    .collect(),
            );
            let rows = st.query_map(params_from_iter(args), |r| {
                Ok((day(r, 0)?.unwrap_or_default(), count(r, 1)?))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let mut st = conn.prepare_cached(&format!(
            "SELECT b, a, sum(n) FROM report_cube
              WHERE kind = 1 AND {CELL} AND a BETWEEN ?5 AND ?6
              GROUP BY b, a HAVING sum(n) > 0 ORDER BY b, a"
        ))?;
        let by_due = st
            .query_map(
                params_from_iter(dims(cut, bounds(LoopFacts::due_range(&f)).into())),
                |r| {
                    Ok(DueCount {
                        feedback: FirstFeedback::from_code(r.get(0)?)
                            .unwrap_or(FirstFeedback::None),
                        due: day(r, 1)?.unwrap_or_default(),
                        count: count(r, 2)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        // Days to first feedback: the whole months of the period from their monthly
        // counts (kind 7), the days around them from the daily ones (kind 2), summed
        // here rather than grouped by SQLite (which sorted them in a temporary b-tree).
        let mut st = conn.prepare_cached(&format!(
            "SELECT b, n FROM report_cube WHERE kind = ?7 AND {CELL} AND a BETWEEN ?5 AND ?6"
        ))?;
        let split = f.period().by_whole_months();
        let mut days: BTreeMap<i64, i64> = BTreeMap::new();
        for (kind, range) in [(2, split.head), (7, split.months), (2, split.tail)] {
            if range.is_empty() {
                continue;
            }
            let args = bounds(range).into_iter().chain([Value::Integer(kind)]);
            let mut rows = st.query(params_from_iter(dims(cut, args.collect())))?;
            while let Some(r) = rows.next()? {
                *days.entry(r.get(0)?).or_default() += r.get::<_, i64>(1)?;
            }
        }
        let days_to_first_feedback = days
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(d, n)| (d, n as usize))
            .collect();
        // Open signals are shown by district and theme: those two are never summed
        // over here, and narrowed only when the filter names them.
        let ranges = std::iter::once(LoopFacts::open_range(&f, today))
            .chain(AgeBucket::ALL.map(|b| b.received_range(today)));
        let mut st = conn.prepare_cached(
            "SELECT district, theme, sum(iif(a BETWEEN ?7 AND ?8, n, 0)), sum(iif(a BETWEEN ?9 AND ?10, n, 0)),
                    sum(iif(a BETWEEN ?11 AND ?12, n, 0)), sum(iif(a BETWEEN ?13 AND ?14, n, 0))
               FROM report_cube
              WHERE kind = 3 AND cut = ?1 AND (?2 = '' OR district = ?2) AND (?3 = '' OR theme = ?3)
                AND service = ?4 AND a BETWEEN ?5 AND ?6
              GROUP BY district, theme
             HAVING sum(n) > 0",
        )?;
        let open = st
            .query_map(
                params_from_iter(dims(cut & 4, ranges.flat_map(bounds).collect())),
                |r| {
                    let text = |i: usize| -> rusqlite::Result<Option<String>> {
                        Ok(Some(r.get::<_, String>(i)?).filter(|t| !t.is_empty()))
                    };
                    Ok(OpenCount {
                        district: text(0)?,
                        theme: text(1)?,
                        by_age: [count(r, 2)?, count(r, 3)?, count(r, 4)?, count(r, 5)?],
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let weeks = LoopFacts::week_range(&f, today);
        let received = by_day(4, weeks)?;
        let answered = by_day(5, weeks)?;
        // The inbox's overdue: in the inbox, due before today, received in the range.
        let past_due_date: usize = {
            let mut st = conn.prepare_cached(&format!(
                "SELECT sum(n) FROM report_cube
                  WHERE kind = 6 AND {CELL} AND a < ?7 AND b BETWEEN ?5 AND ?6"
            ))?;
            let args = dims(
                cut,
                bounds(LoopFacts::open_range(&f, today))
                    .into_iter()
                    .chain([Value::Text(date_str(today))])
                    .collect(),
            );
            st.query_row(params_from_iter(args), |r| count(r, 0))?
        };
        let moved = self.moved_counts(&f)?;
        Ok(LoopFacts {
            today,
            filter: f,
            by_due,
            days_to_first_feedback,
            open,
            received,
            answered,
            moved,
            past_due_date,
        })
    }

    /// Signals whose due date moved, per service and organisation: few, on their own
    /// partial index (schema/022).
    fn moved_counts(&self, f: &ReportFilter) -> Result<Vec<MovedCount>> {
        let filter = signal_filter(f);
        // The period read row by row (`+`), not as a range of the index: as a range,
        // SQLite skips through the index once per pair of service and organisation
        // (18,800 at a million), slower than reading its 83,000 entries in a row, for a
        // month as for all time (16 -> 6 ms, 54 -> 40 ms).
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT g.owner_org_id, coalesce(so.short_name, so.name), g.org_id, o.name, g.n, g.moves, g.days
               FROM (SELECT owner_org_id, org_id, count(*) AS n, sum(due_moves) AS moves,
                            sum(due_moved_days) AS days
                       FROM signal INDEXED BY signal_moved
                      WHERE due_moves > 0 AND +received_on BETWEEN ?5 AND ?6 AND {filter}
                      GROUP BY owner_org_id, org_id) g
               LEFT JOIN organisation so ON so.id = g.owner_org_id
               LEFT JOIN organisation o ON o.id = g.org_id"
        ))?;
        let named =
            |id: Option<i64>, name: Option<String>| id.map(|i| (i, name.unwrap_or_default()));
        let mut moved = st
            .query_map(params_from_iter(with_filter(f, bounds(f.period()))), |r| {
                Ok(MovedCount {
                    service: named(r.get(0)?, r.get(1)?),
                    org: named(r.get(2)?, r.get(3)?),
                    signals: count(r, 4)?,
                    moves: count(r, 5)?,
                    days: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // Ordered here, not by an ORDER BY: SQLite sorted the groups again in a
        // temporary b-tree although they come grouped in this order from the index.
        let id = |g: &Option<(i64, String)>| g.as_ref().map(|(i, _)| *i);
        moved.sort_unstable_by_key(|m| (id(&m.service), id(&m.org)));
        Ok(moved)
    }

    /// [`Store::loop_facts`] for one organisation: its signals counted on `signal_org`
    /// (an organisation raises a few hundred signals at most).
    fn loop_facts_counted(&self, f: ReportFilter) -> Result<LoopFacts> {
        let filter = signal_filter(&f);
        let today = self.today();
        let conn = &self.conn;
        let counts = |sql: &str, range: DateRange| -> Result<Vec<(NaiveDate, usize)>> {
            let mut st = conn.prepare_cached(sql)?;
            let rows = st.query_map(params_from_iter(with_filter(&f, bounds(range))), |r| {
                Ok((parse_date_col(&r.get::<_, String>(0)?), count(r, 1)?))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let mut st = conn.prepare_cached(&format!(
            "SELECT loop_feedback, loop_due, count(*) FROM signal INDEXED BY signal_org
              WHERE loop_due IS NOT NULL AND loop_due BETWEEN ?5 AND ?6
                AND {filter}
              GROUP BY loop_feedback, loop_due"
        ))?;
        let by_due = st
            .query_map(
                params_from_iter(with_filter(&f, bounds(LoopFacts::due_range(&f)))),
                |r| {
                    Ok(DueCount {
                        feedback: FirstFeedback::from_code(r.get(0)?)
                            .unwrap_or(FirstFeedback::None),
                        due: parse_date_col(&r.get::<_, String>(1)?),
                        count: count(r, 2)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = conn.prepare_cached(&format!(
            "SELECT loop_days, count(*) FROM signal INDEXED BY signal_org
              WHERE first_feedback_on IS NOT NULL AND received_on BETWEEN ?5 AND ?6
                AND {filter}
              GROUP BY loop_days"
        ))?;
        let days_to_first_feedback = st
            .query_map(params_from_iter(with_filter(&f, bounds(f.period()))), |r| {
                Ok((r.get::<_, Option<i64>>(0)?.unwrap_or(0), count(r, 1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ranges = std::iter::once(LoopFacts::open_range(&f, today))
            .chain(AgeBucket::ALL.map(|b| b.received_range(today)));
        let mut st = conn.prepare_cached(&format!(
            "SELECT district, theme, sum(received_on BETWEEN ?7 AND ?8), sum(received_on BETWEEN ?9 AND ?10),
                    sum(received_on BETWEEN ?11 AND ?12), sum(received_on BETWEEN ?13 AND ?14)
               FROM signal INDEXED BY signal_org
              WHERE {open} AND received_on BETWEEN ?5 AND ?6 AND {filter}
              GROUP BY district, theme",
            open = owes_answer()
        ))?;
        let open = st
            .query_map(
                params_from_iter(with_filter(&f, ranges.flat_map(bounds))),
                |r| {
                    Ok(OpenCount {
                        district: r.get(0)?,
                        theme: r.get(1)?,
                        by_age: [count(r, 2)?, count(r, 3)?, count(r, 4)?, count(r, 5)?],
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let weeks = LoopFacts::week_range(&f, today);
        let received = counts(
            &format!(
                "SELECT received_on, count(*) FROM signal INDEXED BY signal_org
                  WHERE received_on BETWEEN ?5 AND ?6 AND {filter}
                  GROUP BY received_on"
            ),
            weeks,
        )?;
        let answered = counts(
            &format!(
                "SELECT answered_on, count(*) FROM signal INDEXED BY signal_org
                  WHERE answered_on IS NOT NULL AND answered_on BETWEEN ?5 AND ?6
                    AND {filter}
                  GROUP BY answered_on"
            ),
            weeks,
        )?;
        // The inbox's overdue, by its own index: open signals past the due date in force.
        let past_due_date: usize = {
            let mut st = conn.prepare_cached(&format!(
                "SELECT count(*) FROM signal INDEXED BY signal_org
                  WHERE state IN ('new', 'triaged', 'in_progress') AND feedback_due < ?7
                    AND received_on BETWEEN ?5 AND ?6 AND {filter}"
            ))?;
            let args = with_filter(
                &f,
                bounds(LoopFacts::open_range(&f, today))
                    .into_iter()
                    .chain([Value::Text(date_str(today))]),
            );
            st.query_row(params_from_iter(args), |r| count(r, 0))?
        };
        let moved = self.moved_counts(&f)?;
        Ok(LoopFacts {
            today,
            filter: f,
            by_due,
            days_to_first_feedback,
            open,
            received,
            answered,
            moved,
            past_due_date,
        })
    }

    /// The signals behind a loop figure, by id in order; `None` for a key that is not
    /// one of the loop report's. Selected on the same indexes and columns the figures
    /// are counted on.
    pub fn loop_records(&self, key: &str, f: &ReportFilter) -> Result<Option<Vec<i64>>> {
        self.loop_records_after(key, f, 0, super::reports_kept::ALL)
    }

    /// [`Store::loop_records`] from the first id after `after`, at most `limit` (and one
    /// more, so that the caller knows whether more follow).
    fn loop_records_after(
        &self,
        key: &str,
        f: &ReportFilter,
        after: i64,
        limit: usize,
    ) -> Result<Option<Vec<i64>>> {
        let take = limit.saturating_add(1).min(i64::MAX as usize);
        let f = self.report_filter(f)?;
        let filter = signal_filter(&f);
        let Some(selection) = loop_selection(key, &f, self.today()) else {
            return Ok(None);
        };
        // One organisation's signals are few: read them on its own index.
        let by = |index: &'static str| if f.org.is_some() { "signal_org" } else { index };
        let mut ids: Vec<i64> = Vec::new();
        let mut select = |sql: &str, range: DateRange, extra: [Value; 2]| -> Result<()> {
            if range.is_empty() {
                return Ok(());
            }
            // ?9 and ?10: the page, by id. A whole list is sorted here instead: SQLite's
            // sort of half a million ids costs ten times as much.
            let sql = if limit >= super::reports_kept::ALL {
                format!("{sql} AND id > ?9 AND ?10 > 0")
            } else {
                format!("{sql} AND id > ?9 ORDER BY id LIMIT ?10")
            };
            let mut st = self.conn.prepare_cached(&sql)?;
            let page = [Value::Integer(after), Value::Integer(take as i64)];
            let args = with_filter(&f, bounds(range).into_iter().chain(extra).chain(page));
            let rows = st.query_map(params_from_iter(args), |r| r.get::<_, i64>(0))?;
            for id in rows {
                ids.push(id?);
            }
            Ok(())
        };
        // ?7 and ?8: what else the selection names (absent as NULL).
        match selection {
            LoopSelection::Decided(ways) => {
                for (way, range) in ways {
                    select(
                        &format!(
                            "SELECT id FROM signal INDEXED BY {index}
                              WHERE loop_due IS NOT NULL AND loop_due BETWEEN ?5 AND ?6
                                AND loop_feedback = ?7 AND ?8 IS NULL AND {filter}",
                            index = by("signal_loop_due")
                        ),
                        range,
                        [Value::Integer(way.code()), Value::Null],
                    )?;
                }
            }
            LoopSelection::FirstFeedback { received } => select(
                &format!(
                    "SELECT id FROM signal INDEXED BY {index}
                      WHERE first_feedback_on IS NOT NULL AND received_on BETWEEN ?5 AND ?6
                        AND ?7 IS NULL AND ?8 IS NULL AND {filter}",
                    index = by("signal_loop_days")
                ),
                received,
                [Value::Null, Value::Null],
            )?,
            LoopSelection::Open {
                received,
                district,
                theme,
            } => select(
                &format!(
                    "SELECT id FROM signal INDEXED BY {index}
                      WHERE {open} AND received_on BETWEEN ?5 AND ?6
                        AND (?7 IS NULL OR coalesce(district, '') = ?7)
                        AND (?8 IS NULL OR coalesce(theme, '') = ?8) AND {filter}",
                    open = owes_answer(),
                    index = by("signal_loop_open")
                ),
                received,
                [
                    district.map_or(Value::Null, Value::Text),
                    theme.map_or(Value::Null, Value::Text),
                ],
            )?,
            LoopSelection::Received(range) => select(
                &format!(
                    "SELECT id FROM signal INDEXED BY {index}
                      WHERE received_on BETWEEN ?5 AND ?6
                        AND ?7 IS NULL AND ?8 IS NULL AND {filter}",
                    index = by("signal_received")
                ),
                range,
                [Value::Null, Value::Null],
            )?,
            LoopSelection::PastDueDate { received, today } => select(
                &format!(
                    "SELECT id FROM signal INDEXED BY {index}
                      WHERE state IN ('new', 'triaged', 'in_progress') AND feedback_due < ?7
                        AND received_on BETWEEN ?5 AND ?6 AND ?8 IS NULL AND {filter}",
                    index = by("signal_open_due")
                ),
                received,
                [Value::Text(date_str(today)), Value::Null],
            )?,
            LoopSelection::Moved {
                received,
                service,
                org,
            } => {
                // "" is none (0 here); a key that names no organisation selects nothing.
                let id = |key: Option<String>| match key.as_deref() {
                    None => Value::Null,
                    Some("") => Value::Integer(0),
                    Some(k) => RecordRef::parse(k, Some(RecordKind::Organisation))
                        .map_or(Value::Integer(-1), |r| Value::Integer(r.id)),
                };
                select(
                    &format!(
                        "SELECT id FROM signal INDEXED BY signal_moved
                          WHERE due_moves > 0 AND received_on BETWEEN ?5 AND ?6
                            AND (?7 IS NULL OR coalesce(owner_org_id, 0) = ?7)
                            AND (?8 IS NULL OR coalesce(org_id, 0) = ?8) AND {filter}"
                    ),
                    received,
                    [id(service), id(org)],
                )?
            }
            LoopSelection::Answered(range) => select(
                &format!(
                    "SELECT id FROM signal INDEXED BY {index}
                      WHERE answered_on IS NOT NULL AND answered_on BETWEEN ?5 AND ?6
                        AND ?7 IS NULL AND ?8 IS NULL AND {filter}",
                    index = by("signal_loop_answered")
                ),
                range,
                [Value::Null, Value::Null],
            )?,
        }
        ids.sort_unstable();
        ids.truncate(take);
        Ok(Some(ids))
    }

    /// A page of the records behind a figure (see [`Store::report_records`]): at most
    /// `limit` after the ID `after` (the last of the page before; `None` for the first),
    /// and whether more follow. The loop's and commitments' records are selected a page
    /// at a time on their indexes, so that the first page of a figure of half a million
    /// signals comes as quickly as one of ten.
    ///
    /// # Errors
    /// `StoreError::Invalid` for a key that names no figure.
    pub fn report_records_page(
        &self,
        figure: &str,
        f: &ReportFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<RecordsPage> {
        let figure = figure.trim();
        let after_id = after
            .and_then(|a| RecordRef::parse(a, None).ok())
            .map_or(0, |r| r.id);
        let section = figure.split(['.', ':']).next().unwrap_or("");
        let page = |mut ids: Vec<String>| {
            let more = ids.len() > limit;
            ids.truncate(limit);
            RecordsPage { ids, more }
        };
        let found = match section {
            "loop" => self
                .loop_records_after(figure, f, after_id, limit)?
                .map(|v| page(v.into_iter().map(|id| format!("S-{id}")).collect())),
            "commitments" => {
                let applied = self.report_filter(f)?;
                self.commitment_records_page(figure, &applied, after_id, limit)?
            }
            // Organisations, or one organisation's meetings and signals: a few thousand
            // at most, listed whole and paged here.
            _ => {
                let all = self.report_records(figure, f)?;
                let start = after
                    .and_then(|a| all.iter().position(|id| id == a))
                    .map_or(0, |i| i + 1);
                Some(page(
                    all.into_iter()
                        .skip(start)
                        .take(limit.saturating_add(1))
                        .collect(),
                ))
            }
        };
        found.ok_or_else(|| self.unknown_figure(figure))
    }

    fn unknown_figure(&self, figure: &str) -> super::StoreError {
        invalid(Problem::NotAFigure {
            figure: figure.to_string(),
        })
    }

    /// Feedback on time, days to first feedback, open signals by age, district and
    /// theme, and the weekly and monthly series.
    pub fn loop_report(&self, f: &ReportFilter, lang: Lang) -> Result<LoopReport> {
        Ok(self.loop_facts(f)?.report(lang))
    }

    /// Commitments narrowed by the organisation's district, the theme of the signal
    /// they came from, the owning service and the organisation; the period is applied
    /// to due dates by the figures.
    pub fn commitment_facts(&self, f: &ReportFilter) -> Result<CommitmentFacts> {
        let f = self.report_filter(f)?;
        let today = self.today();
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.org_id, o.name, c.owner_org_id, coalesce(so.short_name, so.name), c.due, c.state,
                    c.resolved_on, coalesce(c.first_due, c.due),
                    (SELECT count(*) FROM commitment_move m WHERE m.commitment_id = c.id AND m.new_due > m.old_due),
                    (SELECT sum(CAST(julianday(m.new_due) - julianday(m.old_due) AS INTEGER))
                       FROM commitment_move m WHERE m.commitment_id = c.id AND m.new_due > m.old_due)
               FROM commitment c
               JOIN organisation o ON o.id = c.org_id
               LEFT JOIN organisation so ON so.id = c.owner_org_id
              WHERE (?1 IS NULL OR o.district = ?1 COLLATE NOCASE)
                AND (?2 IS NULL OR EXISTS (SELECT 1 FROM signal s WHERE s.id = c.signal_id AND s.theme = ?2))
                AND (?3 IS NULL OR c.owner_org_id = ?3)
                AND (?4 IS NULL OR c.org_id = ?4)
              ORDER BY c.id",
        )?;
        let rows = st.query_map(params![f.district, f.theme, f.service, f.org], |r| {
            let due = day(r, 5)?.unwrap_or_default();
            let state = CommitmentState::from_code(r.get_ref(6)?.as_str()?)
                .unwrap_or(CommitmentState::Open);
            let resolved = day(r, 7)?;
            let first = day(r, 8)?.unwrap_or(due);
            Ok(CommitmentFact {
                id: r.get(0)?,
                org_id: r.get(1)?,
                org_name: r.get(2)?,
                service_id: r.get(3)?,
                service_name: r.get(4)?,
                due: first,
                moves: count(r, 9)?,
                days_moved: r.get::<_, Option<i64>>(10)?.unwrap_or(0),
                outcome: CommitmentOutcome::of(outcome(
                    state,
                    Dues { first, now: due },
                    resolved,
                    today,
                )),
            })
        })?;
        Ok(CommitmentFacts {
            today,
            filter: f,
            commitments: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Commitments kept on time, kept late, broken, open overdue, open and withdrawn:
    /// in total, per service and per organisation.
    /// Read from the kept counts (schema/022); for one organisation, counted from its
    /// own commitments.
    pub fn commitments_report(&self, f: &ReportFilter, lang: Lang) -> Result<CommitmentsReport> {
        let f = self.report_filter(f)?;
        if f.org.is_some() {
            return Ok(self.commitment_facts(&f)?.report(lang));
        }
        self.commitments_kept(f, lang)
    }

    /// Residents' organisations with their last meeting and last feedback up to the
    /// report day (`to`, else today). District and organisation narrow the
    /// organisations; a theme keeps those that raised a signal on it; a service keeps
    /// those with a signal or commitment that service owns (both kept per organisation
    /// in `org_reach`, schema/022).
    pub fn cadence_facts(&self, f: &ReportFilter) -> Result<CadenceFacts> {
        let f = self.report_filter(f)?;
        let as_of = f.to.unwrap_or(self.today());
        // The last meeting and last contact are kept per organisation (schema/006 and
        // 013); only for a report day before them are they looked up as of that day.
        let mut st = self.conn.prepare_cached(
            "SELECT o.id, o.name, o.district, o.cadence_per_year,
                    CASE WHEN k.last_meeting IS NULL OR k.last_meeting <= ?5 THEN k.last_meeting ELSE
                    -- The last meeting: held or final, attended or attendance not taken.
                    (SELECT max(substr(m.starts_at, 1, 10))
                       FROM meeting_org mo JOIN meeting m ON m.id = mo.meeting_id
                      WHERE mo.org_id = o.id AND m.status IN ('held', 'final')
                        AND coalesce(mo.attended, 1) = 1 AND substr(m.starts_at, 1, 10) <= ?5) END,
                    CASE WHEN k.last_contact IS NULL OR k.last_contact <= ?5 THEN k.last_contact ELSE
                    nullif(max(
                      -- Feedback: a signal's latest when that is by the day, else its
                      -- latest up to the day (rare unless the day lies in the past).
                      coalesce((SELECT max(s.last_feedback_on) FROM signal s INDEXED BY signal_org_feedback
                                 WHERE s.org_id = o.id AND s.last_feedback_on <= ?5), ''),
                      coalesce((SELECT max(f.given_on)
                                  FROM signal s INDEXED BY signal_org_feedback
                                  JOIN feedback f ON f.signal_id = s.id
                                 WHERE s.org_id = o.id AND s.last_feedback_on > ?5 AND f.given_on <= ?5), '')),
                      '') END
               FROM organisation o
               LEFT JOIN org_figures k ON k.org_id = o.id
              WHERE o.kind = 'residents'
                AND (?1 IS NULL OR o.district = ?1 COLLATE NOCASE)
                AND (?2 IS NULL OR EXISTS (SELECT 1 FROM org_reach r
                                            WHERE r.org_id = o.id AND r.kind = 2 AND r.value = ?2 AND r.n > 0))
                AND (?3 IS NULL OR EXISTS (SELECT 1 FROM org_reach r
                                            WHERE r.org_id = o.id AND r.kind = 1 AND r.value = ?3 AND r.n > 0))
                AND (?4 IS NULL OR o.id = ?4)
              ORDER BY o.name COLLATE NOCASE",
        )?;
        let rows = st.query_map(
            params![f.district, f.theme, f.service, f.org, date_str(as_of)],
            |r| {
                Ok(CadenceFact {
                    org_id: r.get(0)?,
                    name: r.get(1)?,
                    district: r.get(2)?,
                    cadence_per_year: r.get(3)?,
                    last_meeting: r.get::<_, Option<String>>(4)?.map(|d| parse_date_col(&d)),
                    last_feedback: r.get::<_, Option<String>>(5)?.map(|d| parse_date_col(&d)),
                })
            },
        )?;
        Ok(CadenceFacts {
            today: as_of,
            filter: f,
            orgs: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Residents' organisations not met within their cadence (meetings only).
    pub fn cadence_report(&self, f: &ReportFilter) -> Result<CadenceReport> {
        Ok(self.cadence_facts(f)?.report())
    }

    /// Residents' organisations with the meetings they were invited to and the signals
    /// they raised in the [`LOAD_WINDOW_DAYS`] days up to the report day (`to`, else
    /// today). District and organisation narrow the organisations; a theme counts only
    /// signals on that theme; a service counts only its own signals and the meetings it
    /// was at as well.
    pub fn load_facts(&self, f: &ReportFilter) -> Result<LoadFacts> {
        let f = self.report_filter(f)?;
        let as_of = f.to.unwrap_or(self.today());
        let since = date_str(as_of - Duration::days(LOAD_WINDOW_DAYS));
        let until = date_str(as_of);
        let mut orgs: BTreeMap<i64, LoadFact> = BTreeMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT id, name, district FROM organisation
                  WHERE kind = 'residents'
                    AND (?1 IS NULL OR district = ?1 COLLATE NOCASE)
                    AND (?2 IS NULL OR id = ?2)",
            )?;
            let rows = st.query_map(params![f.district, f.org], |r| {
                Ok(LoadFact {
                    org_id: r.get(0)?,
                    name: r.get(1)?,
                    district: r.get(2)?,
                    meetings: Vec::new(),
                    signals: Vec::new(),
                })
            })?;
            for row in rows {
                let row = row?;
                orgs.insert(row.org_id, row);
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT mo.org_id, m.id FROM meeting m JOIN meeting_org mo ON mo.meeting_id = m.id
              WHERE substr(m.starts_at, 1, 10) BETWEEN ?1 AND ?2 AND m.cancelled_at IS NULL
                AND (?3 IS NULL OR EXISTS (SELECT 1 FROM meeting_org x WHERE x.meeting_id = m.id AND x.org_id = ?3))
              ORDER BY m.starts_at, m.id",
        )?;
        let pairs = st.query_map(params![since, until, f.service], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for pair in pairs {
            let (org, meeting) = pair?;
            if let Some(o) = orgs.get_mut(&org) {
                o.meetings.push(meeting);
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT s.org_id, s.id FROM signal s INDEXED BY signal_received
              WHERE s.org_id IS NOT NULL AND s.received_on BETWEEN ?1 AND ?2
                AND (?3 IS NULL OR s.theme = ?3)
                AND (?4 IS NULL OR s.owner_org_id = ?4)
              ORDER BY s.received_on, s.id",
        )?;
        let pairs = st.query_map(params![since, until, f.theme, f.service], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for pair in pairs {
            let (org, signal) = pair?;
            if let Some(o) = orgs.get_mut(&org) {
                o.signals.push(signal);
            }
        }
        Ok(LoadFacts {
            today: as_of,
            filter: f,
            threshold: LOAD_THRESHOLD,
            orgs: orgs.into_values().collect(),
        })
    }

    /// Meetings and signals per residents' organisation, flagged above the threshold.
    /// Read from the kept counts (schema/022); for one organisation, counted from its
    /// own signals and meetings.
    pub fn load_report(&self, f: &ReportFilter) -> Result<LoadReport> {
        let f = self.report_filter(f)?;
        if f.org.is_some() {
            return Ok(self.load_facts(&f)?.report());
        }
        self.load_kept(f)
    }

    /// One report by kind.
    pub fn report(&self, kind: ReportKind, f: &ReportFilter, lang: Lang) -> Result<AnyReport> {
        Ok(match kind {
            ReportKind::Loop => AnyReport::Loop(self.loop_report(f, lang)?),
            ReportKind::Commitments => AnyReport::Commitments(self.commitments_report(f, lang)?),
            ReportKind::Cadence => AnyReport::Cadence(self.cadence_report(f)?),
            ReportKind::Load => AnyReport::Load(self.load_report(f)?),
        })
    }

    /// The records behind a figure (the `key` of a report table's cell), as IDs such as
    /// "S-42": what a screen lists when Enter is pressed on a figure.
    ///
    /// # Errors
    /// `StoreError::Invalid` for a key that names no figure.
    pub fn report_records(&self, figure: &str, f: &ReportFilter) -> Result<Vec<String>> {
        let figure = figure.trim();
        let unknown = || self.unknown_figure(figure);
        let section = figure.split(['.', ':']).next().unwrap_or("");
        let ids = |ids: Option<Vec<i64>>, letter: char| {
            ids.map(|v| {
                v.into_iter()
                    .map(|id| format!("{letter}-{id}"))
                    .collect::<Vec<_>>()
            })
        };
        let found = match section {
            "loop" => ids(self.loop_records(figure, f)?, 'S'),
            "commitments" => {
                let applied = self.report_filter(f)?;
                self.commitment_records_page(figure, &applied, 0, super::reports_kept::ALL)?
                    .map(|p| p.ids)
            }
            "cadence" => ids(self.cadence_facts(f)?.records(figure), 'O'),
            "load" => {
                let applied = self.report_filter(f)?;
                self.load_records(figure, &applied)?
            }
            _ => None,
        };
        found.ok_or_else(unknown)
    }
}

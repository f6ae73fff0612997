//! The loop's health (DESIGN section 6), as pure figures over facts the store reads:
//! feedback on time, days to first feedback, open signals by age, district and theme,
//! commitments by outcome, organisations overdue on their cadence, and load.
//!
//! Every figure has a key (e.g. `loop.open.age:15-30`). [`loop_selection`] says which
//! signals lie behind a loop figure (the store lists them with the same rules it counts
//! them by), and [`CommitmentFacts::records`] and friends list the records behind the
//! other reports' figures from the same facts as the figure, so that a list always adds
//! up to the number shown.
//!
//! Definitions, in one place:
//! - **Feedback on time**: a signal counts when the due date its first feedback had to
//!   meet lies in the period and it either has had feedback or is past that date without
//!   any. On time when the first feedback came on or before the due date in force at
//!   that moment (interim feedback moves the date for the *next* news, not the first).
//!   Merged signals are left out. Per signal: [`LoopSignal::timeliness`].
//! - **Days to first feedback**: from receiving a signal to its first feedback, for
//!   signals received in the period; the median.
//! - **Open signals**: new, triaged or in progress, received in the period; age in days
//!   on the report day: 0–14, 15–30, 31–90, over 90.
//! - **Commitments**: those due in the period, by outcome. The kept-on-time share is
//!   kept on time out of every commitment that is decided or late: kept (on time or
//!   late), broken, or open past its due date. Withdrawn and not-yet-due ones are left out.
//! - **Cadence**: residents' organisations with a cadence of N meetings a year expect a
//!   meeting at least every 365 / N days ("om de tafel"). Last meeting is the latest
//!   held or final meeting they attended, or were invited to when attendance was not
//!   taken, up to the report day; only it counts. Last contact (that meeting or feedback
//!   on one of their signals, whichever is later) is shown beside it, never counted.
//! - **Load**: meetings an organisation was invited to plus signals it raised in the
//!   [`LOAD_WINDOW_DAYS`] days up to the report day; above the threshold is too much.
//!
//! At city scale the loop report is counted, not listed: [`LoopFacts`] holds counts per
//! day, outcome, district and theme that the store reads with `GROUP BY` on indexes,
//! and the per-signal rules above ([`LoopSignal`]) are what those counts follow (the
//! tests compare both on the same data).

mod cadence;
mod commitments;
mod feedback_loop;
mod load;
mod loop_tables;
pub mod statement;
mod table;
#[cfg(test)]
mod tests;

pub use cadence::*;
pub use commitments::*;
pub use feedback_loop::*;
pub use load::*;
pub use table::*;

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;

/// The load window, as in the organisations list.
pub const LOAD_WINDOW_DAYS: i64 = 90;
/// Weeks in the weekly chart when no `from` is given.
pub const DEFAULT_WEEKS: i64 = 12;
/// Months in the monthly chart when no `from` is given.
pub const DEFAULT_MONTHS: u32 = 12;

/// The language of titles and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    fn pick(self, en: &'static str, nl: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }
}

/// What every report can be narrowed to. `from` and `to` bound the dates a report is
/// about (received, due); for cadence and load, `to` is the day they are computed for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub district: Option<String>,
    /// A theme as on signals (lower case, without `#`).
    pub theme: Option<String>,
    /// The owning service (an organisation's id).
    pub service: Option<i64>,
    /// The organisation a signal or commitment is from or to.
    pub org: Option<i64>,
}

impl ReportFilter {
    /// Whether `d` lies in `[from, to]` (either end open when not given).
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.period().contains(d)
    }

    /// The period `[from, to]`.
    pub fn period(&self) -> DateRange {
        DateRange::new(self.from, self.to)
    }

    /// The theme as stored: lower case, no leading `#`.
    pub fn theme_code(&self) -> Option<String> {
        self.theme
            .as_deref()
            .map(|t| t.trim().trim_start_matches('#').trim().to_lowercase())
            .filter(|t| !t.is_empty())
    }

    /// A refusal when the period runs backwards.
    pub fn check(&self) -> Result<(), super::Refusal> {
        match (self.from, self.to) {
            (Some(f), Some(t)) if f > t => {
                Err(super::Refusal::new(super::Problem::PeriodBackwards {
                    from: f,
                    to: t,
                }))
            }
            _ => Ok(()),
        }
    }
}

/// Days from `from` to `to`, both included; either end open when not given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> DateRange {
        DateRange { from, to }
    }

    /// From `from` to `to`, both given.
    pub fn between(from: NaiveDate, to: NaiveDate) -> DateRange {
        DateRange::new(Some(from), Some(to))
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// The days in both.
    pub fn and(self, other: DateRange) -> DateRange {
        let later = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let earlier = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        DateRange {
            from: later(self.from, other.from),
            to: earlier(self.to, other.to),
        }
    }

    /// Days up to and including `to`.
    pub fn until(to: NaiveDate) -> DateRange {
        DateRange::new(None, Some(to))
    }

    /// No day at all.
    pub fn empty() -> DateRange {
        DateRange::between(NaiveDate::MAX, NaiveDate::MIN)
    }

    pub fn is_empty(&self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if f > t)
    }

    /// The days split for counts kept per month as well as per day: the months that lie
    /// wholly inside (as the range of their first days), and the days before and after
    /// them. Every day of the range is in exactly one of the three.
    pub fn by_whole_months(self) -> MonthSplit {
        let all_days = MonthSplit {
            head: self,
            months: DateRange::empty(),
            tail: DateRange::empty(),
        };
        if self.is_empty() {
            return MonthSplit {
                head: DateRange::empty(),
                ..all_days
            };
        }
        // The first day of the first whole month, and of the last one (open: no end).
        let first = match self.from {
            None => None,
            Some(f) if f.day() == 1 => Some(f),
            Some(f) => match month_start(f).checked_add_months(Months::new(1)) {
                Some(m) => Some(m),
                None => return all_days,
            },
        };
        let last = match self.to {
            None => None,
            Some(t) if t.succ_opt().is_none_or(|next| next.day() == 1) => Some(month_start(t)),
            Some(t) => match month_start(t).checked_sub_months(Months::new(1)) {
                Some(m) => Some(m),
                None => return all_days,
            },
        };
        if let (Some(f), Some(l)) = (first, last)
            && f > l
        {
            return all_days;
        }
        let head = match (self.from, first) {
            (Some(from), Some(m)) if from < m => DateRange::between(from, m - Duration::days(1)),
            _ => DateRange::empty(),
        };
        let after_last = last.and_then(|l| l.checked_add_months(Months::new(1)));
        let tail = match (after_last, self.to) {
            (Some(next), Some(to)) if next <= to => DateRange::between(next, to),
            _ => DateRange::empty(),
        };
        MonthSplit {
            head,
            months: DateRange::new(first, last),
            tail,
        }
    }
}

/// A [`DateRange`] as whole months and the days around them
/// ([`DateRange::by_whole_months`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthSplit {
    /// Days before the first whole month.
    pub head: DateRange,
    /// The first days of the whole months.
    pub months: DateRange,
    /// Days after the last whole month.
    pub tail: DateRange,
}
// ---------------------------------------------------------------------------------
// Small pure figures.

/// The median of whole numbers; the mean of the middle two for an even count.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] as f64 + v[n / 2] as f64) / 2.0
    })
}

/// The median of whole numbers given as `(value, how many)`: the same as [`median`] of
/// the values each repeated that many times.
pub fn median_of_counts(counts: &[(i64, usize)]) -> Option<f64> {
    let mut v: Vec<(i64, usize)> = counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    v.sort_unstable();
    let n: usize = v.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    // The value at a 0-based position in the sorted list.
    let at = |i: usize| {
        let mut seen = 0;
        for (value, count) in &v {
            seen += count;
            if i < seen {
                return *value;
            }
        }
        v[v.len() - 1].0
    };
    Some(if n % 2 == 1 {
        at(n / 2) as f64
    } else {
        (at(n / 2 - 1) as f64 + at(n / 2) as f64) / 2.0
    })
}

/// `part` of `whole` in percent, rounded to one decimal; `None` of nothing.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    Some((part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// A percentage for a table: `75%`, `66.7%`, or `—` when there is nothing to divide.
pub fn percent_text(p: Option<f64>) -> String {
    match p {
        None => "—".to_string(),
        Some(p) if p.fract() == 0.0 => format!("{p:.0}%"),
        Some(p) => format!("{p:.1}%"),
    }
}

/// A median for a table: whole days without decimals.
pub fn days_text(d: Option<f64>) -> String {
    match d {
        None => "—".to_string(),
        Some(d) if d.fract() == 0.0 => format!("{d:.0}"),
        Some(d) => format!("{d:.1}"),
    }
}

/// How old an open signal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AgeBucket {
    Days0To14,
    Days15To30,
    Days31To90,
    Over90,
}

impl AgeBucket {
    pub const ALL: [AgeBucket; 4] = [
        AgeBucket::Days0To14,
        AgeBucket::Days15To30,
        AgeBucket::Days31To90,
        AgeBucket::Over90,
    ];

    /// The bucket of an age in days (a negative age, received in the future, is new).
    pub fn of(days: i64) -> AgeBucket {
        match days {
            ..=14 => AgeBucket::Days0To14,
            15..=30 => AgeBucket::Days15To30,
            31..=90 => AgeBucket::Days31To90,
            _ => AgeBucket::Over90,
        }
    }

    /// The days a signal open on `today` was received on to fall in this bucket (a
    /// signal received after `today` is not open on it).
    pub fn received_range(self, today: NaiveDate) -> DateRange {
        let ago = |n: i64| today - Duration::days(n);
        match self {
            AgeBucket::Days0To14 => DateRange::between(ago(14), today),
            AgeBucket::Days15To30 => DateRange::between(ago(30), ago(15)),
            AgeBucket::Days31To90 => DateRange::between(ago(90), ago(31)),
            AgeBucket::Over90 => DateRange::until(ago(91)),
        }
    }

    pub fn from_key(key: &str) -> Option<AgeBucket> {
        AgeBucket::ALL.into_iter().find(|b| b.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            AgeBucket::Days0To14 => "0-14",
            AgeBucket::Days15To30 => "15-30",
            AgeBucket::Days31To90 => "31-90",
            AgeBucket::Over90 => "90+",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            AgeBucket::Days0To14 => lang.pick("0–14 days", "0–14 dagen"),
            AgeBucket::Days15To30 => lang.pick("15–30 days", "15–30 dagen"),
            AgeBucket::Days31To90 => lang.pick("31–90 days", "31–90 dagen"),
            AgeBucket::Over90 => lang.pick("over 90 days", "meer dan 90 dagen"),
        }
    }
}

/// `2024-W40`: the ISO week a day falls in.
pub fn iso_week_key(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of the week `d` falls in.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// `2024-10`: the month a day falls in.
pub fn month_key(d: NaiveDate) -> String {
    format!("{}-{:02}", d.year(), d.month())
}

/// The first day of the month `d` falls in.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The days a residents' organisation with `cadence` meetings a year may go without
/// a meeting; `None` for no cadence.
pub fn cadence_days(cadence_per_year: i64) -> Option<i64> {
    (cadence_per_year > 0).then(|| 365 / cadence_per_year)
}

/// Days past the cadence on `today`: `Some(n > 0)` when overdue, `Some(0 or less)`
/// when within it, `None` when there is no cadence. Never met counts as overdue.
pub fn cadence_status(
    cadence_per_year: i64,
    last_meeting: Option<NaiveDate>,
    today: NaiveDate,
) -> CadenceStatus {
    match (cadence_days(cadence_per_year), last_meeting) {
        (None, _) => CadenceStatus::NoCadence,
        (Some(_), None) => CadenceStatus::NeverMet,
        (Some(allowed), Some(last)) => {
            let over = (today - last).num_days() - allowed;
            if over > 0 {
                CadenceStatus::Overdue(over)
            } else {
                CadenceStatus::Within
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CadenceStatus {
    NoCadence,
    Within,
    NeverMet,
    /// Days over the cadence.
    Overdue(i64),
}

/// An organisation is asked too much above the threshold.
pub fn over_load(load: i64, threshold: i64) -> bool {
    load > threshold
}

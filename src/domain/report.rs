//! The loop's health (DESIGN section 6), as pure figures over facts the store reads:
//! feedback on time, days to first feedback, open signals by age, district and theme,
//! commitments by outcome, organisations overdue on their cadence, and load.
//!
//! Every figure has a key (e.g. `loop.open.age:15-30`), and [`LoopFacts::records`] and
//! friends list the records behind a key, computed from the same facts as the figure,
//! so that the list always adds up to the number shown.
//!
//! Definitions, in one place:
//! - **Feedback on time**: a signal counts when the due date its first feedback had to
//!   meet lies in the period and it either has had feedback or is past that date without
//!   any. On time when the first feedback came on or before the due date in force at
//!   that moment (interim feedback moves the date for the *next* news, not the first).
//!   Merged signals are left out.
//! - **Days to first feedback**: from receiving a signal to its first feedback, for
//!   signals received in the period; the median.
//! - **Open signals**: new, triaged or in progress, received in the period; age in days
//!   on the report day: 0–14, 15–30, 31–90, over 90.
//! - **Commitments**: those due in the period, by outcome. The kept-on-time share is
//!   kept on time out of every commitment that is decided or late: kept (on time or
//!   late), broken, or open past its due date. Withdrawn and not-yet-due ones are left out.
//! - **Cadence**: residents' organisations with a cadence of N meetings a year expect
//!   contact at least every 365 / N days; last contact is the latest held or final
//!   meeting they attended (or whose attendance is unknown), or feedback on one of their
//!   signals, up to the report day.
//! - **Load**: meetings an organisation was invited to plus signals it raised in the
//!   [`LOAD_WINDOW_DAYS`] days up to the report day; above the threshold is too much.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

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
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
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
            (Some(f), Some(t)) if f > t => Err(super::Refusal::new(format!(
                "the period runs backwards: from {f} is after to {t}"
            ))),
            _ => Ok(()),
        }
    }
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

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The days a residents' organisation with `cadence` meetings a year may go without
/// contact; `None` for no cadence.
pub fn cadence_days(cadence_per_year: i64) -> Option<i64> {
    (cadence_per_year > 0).then(|| 365 / cadence_per_year)
}

/// Days past the cadence on `today`: `Some(n > 0)` when overdue, `Some(0 or less)`
/// when within it, `None` when there is no cadence. Never met counts as overdue.
pub fn cadence_status(
    cadence_per_year: i64,
    last_contact: Option<NaiveDate>,
    today: NaiveDate,
) -> CadenceStatus {
    match (cadence_days(cadence_per_year), last_contact) {
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

// ---------------------------------------------------------------------------------
// Tables: how any report is shown (terminal, CSV, Markdown, the Reports screen).

/// One cell, with the key of the figure it shows when there are records behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Cell {
    fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            key: None,
        }
    }

    fn figure(text: impl Into<String>, key: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            key: Some(key.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub title: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    fn new(title: &str, columns: &[&'static str]) -> Table {
        Table {
            title: title.to_string(),
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }
}

/// Tables as CSV: each table's title on a line of its own, its column headers, its
/// rows, and an empty line between tables. Every cell is neutralised (no formulas).
pub fn tables_to_csv(tables: &[Table], delimiter: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let mut rows: Vec<Vec<String>> = vec![
            vec![t.title.clone()],
            t.columns.iter().map(|c| c.to_string()).collect(),
        ];
        rows.extend(
            t.rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect()),
        );
        out.extend(super::csv_rules::write_csv(&[], &rows, delimiter, false)?);
    }
    Ok(out)
}

/// Tables as Markdown: a heading and a pipe table each.
pub fn tables_to_markdown(tables: &[Table]) -> String {
    fn cell(s: &str) -> String {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r', '\t'], " ")
    }
    let mut out = String::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("### {}\n\n", cell(&t.title)));
        let header: Vec<String> = t.columns.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", " --- |".repeat(t.columns.len())));
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(&c.text)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
    }
    out
}

fn none_label(lang: Lang) -> &'static str {
    lang.pick("(none)", "(geen)")
}

// ---------------------------------------------------------------------------------
// The loop: signals and feedback.

/// What the loop report needs of one signal (merged signals are not given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoopSignal {
    pub id: i64,
    pub received_on: NaiveDate,
    pub district: Option<String>,
    pub theme: Option<String>,
    /// New, triaged or in progress.
    pub open: bool,
    /// The feedback due date now.
    pub feedback_due: Option<NaiveDate>,
    /// The first feedback: when, and the due date in force then.
    pub first_feedback: Option<(NaiveDate, Option<NaiveDate>)>,
    /// The first final feedback.
    pub answered_on: Option<NaiveDate>,
}

/// Whether a signal's first feedback came in time, as far as is known today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeliness {
    OnTime,
    Late,
    /// No feedback yet and past the due date.
    Overdue,
}

impl LoopSignal {
    /// The due date the first feedback is measured against, and how it went; `None`
    /// while not yet decided (no feedback and not yet due) or without a due date.
    pub fn timeliness(&self, today: NaiveDate) -> Option<(NaiveDate, Timeliness)> {
        match self.first_feedback {
            Some((given, Some(due))) => Some((
                due,
                if given <= due {
                    Timeliness::OnTime
                } else {
                    Timeliness::Late
                },
            )),
            Some((_, None)) => None,
            None => match self.feedback_due {
                Some(due) if due < today => Some((due, Timeliness::Overdue)),
                _ => None,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnTime {
    pub on_time: usize,
    pub late: usize,
    pub overdue: usize,
    /// Signals counted: on time + late + overdue.
    pub counted: usize,
    pub percent: Option<f64>,
}

impl OnTime {
    fn from_counts(on_time: usize, late: usize, overdue: usize) -> OnTime {
        let counted = on_time + late + overdue;
        OnTime {
            on_time,
            late,
            overdue,
            counted,
            percent: percent(on_time, counted),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekFigure {
    /// `2024-W40`
    pub week: String,
    /// Its Monday.
    pub starts: NaiveDate,
    pub received: usize,
    pub answered: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthFigure {
    /// `2024-10`
    pub month: String,
    #[serde(flatten)]
    pub on_time: OnTime,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoopReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub feedback_on_time: OnTime,
    pub median_days_to_first_feedback: Option<f64>,
    /// Signals received in the period that have had feedback (the median's base).
    pub with_first_feedback: usize,
    pub open: usize,
    pub open_by_age: Vec<Count>,
    pub open_by_district: Vec<Count>,
    pub open_by_theme: Vec<Count>,
    pub weeks: Vec<WeekFigure>,
    pub months: Vec<MonthFigure>,
}

/// The facts of a loop report: the signals that pass the filter's district, theme,
/// service and organisation; the period is applied per figure.
#[derive(Debug, Clone)]
pub struct LoopFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub signals: Vec<LoopSignal>,
}

impl LoopFacts {
    /// Chart range: the filter's period, else the last [`DEFAULT_WEEKS`] weeks.
    fn week_range(&self) -> (NaiveDate, NaiveDate) {
        let to = self.filter.to.unwrap_or(self.today);
        let from = self
            .filter
            .from
            .unwrap_or_else(|| week_start(to) - Duration::weeks(DEFAULT_WEEKS - 1));
        (week_start(from), to)
    }

    fn month_range(&self) -> (NaiveDate, NaiveDate) {
        let to = self.filter.to.unwrap_or(self.today);
        let from = self.filter.from.unwrap_or_else(|| {
            month_start(to)
                .checked_sub_months(chrono::Months::new(DEFAULT_MONTHS - 1))
                .unwrap_or(to)
        });
        (month_start(from), to)
    }

    fn in_period(&self, d: NaiveDate) -> bool {
        self.filter.contains(d)
    }

    fn counted(&self) -> impl Iterator<Item = (&LoopSignal, NaiveDate, Timeliness)> {
        self.signals.iter().filter_map(|s| {
            let (due, t) = s.timeliness(self.today)?;
            self.in_period(due).then_some((s, due, t))
        })
    }

    fn open(&self) -> impl Iterator<Item = &LoopSignal> {
        self.signals
            .iter()
            .filter(|s| s.open && self.in_period(s.received_on) && s.received_on <= self.today)
    }

    fn first_feedback(&self) -> impl Iterator<Item = (&LoopSignal, i64)> {
        self.signals.iter().filter_map(|s| {
            let (given, _) = s.first_feedback?;
            self.in_period(s.received_on)
                .then(|| (s, (given - s.received_on).num_days().max(0)))
        })
    }

    fn age(&self, s: &LoopSignal) -> AgeBucket {
        AgeBucket::of((self.today - s.received_on).num_days())
    }

    pub fn report(&self, lang: Lang) -> LoopReport {
        let mut on = (0, 0, 0);
        for (_, _, t) in self.counted() {
            match t {
                Timeliness::OnTime => on.0 += 1,
                Timeliness::Late => on.1 += 1,
                Timeliness::Overdue => on.2 += 1,
            }
        }
        let days: Vec<i64> = self.first_feedback().map(|(_, d)| d).collect();
        let mut ages: BTreeMap<AgeBucket, usize> = AgeBucket::ALL.iter().map(|b| (*b, 0)).collect();
        let mut districts: BTreeMap<String, usize> = BTreeMap::new();
        let mut themes: BTreeMap<String, usize> = BTreeMap::new();
        let mut open = 0;
        for s in self.open() {
            open += 1;
            *ages.entry(self.age(s)).or_default() += 1;
            *districts
                .entry(s.district.clone().unwrap_or_default())
                .or_default() += 1;
            *themes
                .entry(s.theme.clone().unwrap_or_default())
                .or_default() += 1;
        }
        let by = |m: BTreeMap<String, usize>, what: &str| -> Vec<Count> {
            let mut v: Vec<Count> = m
                .into_iter()
                .map(|(name, count)| Count {
                    key: format!("loop.open.{what}:{name}"),
                    label: if name.is_empty() {
                        none_label(lang).to_string()
                    } else {
                        name
                    },
                    count,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            v
        };
        LoopReport {
            today: self.today,
            filter: self.filter.clone(),
            feedback_on_time: OnTime::from_counts(on.0, on.1, on.2),
            median_days_to_first_feedback: median(&days),
            with_first_feedback: days.len(),
            open,
            open_by_age: ages
                .into_iter()
                .map(|(b, count)| Count {
                    key: format!("loop.open.age:{}", b.key()),
                    label: b.label(lang).to_string(),
                    count,
                })
                .collect(),
            open_by_district: by(districts, "district"),
            open_by_theme: by(themes, "theme"),
            weeks: self.weeks(),
            months: self.months(),
        }
    }

    fn weeks(&self) -> Vec<WeekFigure> {
        let (from, to) = self.week_range();
        let mut weeks: BTreeMap<NaiveDate, WeekFigure> = BTreeMap::new();
        let mut monday = from;
        while monday <= to {
            weeks.insert(
                monday,
                WeekFigure {
                    week: iso_week_key(monday),
                    starts: monday,
                    received: 0,
                    answered: 0,
                },
            );
            monday += Duration::weeks(1);
        }
        let inside = |d: NaiveDate| d >= from && d <= to;
        for s in &self.signals {
            if inside(s.received_on)
                && let Some(w) = weeks.get_mut(&week_start(s.received_on))
            {
                w.received += 1;
            }
            if let Some(a) = s.answered_on
                && inside(a)
                && let Some(w) = weeks.get_mut(&week_start(a))
            {
                w.answered += 1;
            }
        }
        weeks.into_values().collect()
    }

    fn months(&self) -> Vec<MonthFigure> {
        let (from, to) = self.month_range();
        let mut months: BTreeMap<NaiveDate, (usize, usize, usize)> = BTreeMap::new();
        let mut first = from;
        while first <= to {
            months.insert(first, (0, 0, 0));
            first = match first.checked_add_months(chrono::Months::new(1)) {
                Some(next) => next,
                None => break,
            };
        }
        for s in &self.signals {
            let Some((due, t)) = s.timeliness(self.today) else {
                continue;
            };
            if due < from || due > to {
                continue;
            }
            if let Some(m) = months.get_mut(&month_start(due)) {
                match t {
                    Timeliness::OnTime => m.0 += 1,
                    Timeliness::Late => m.1 += 1,
                    Timeliness::Overdue => m.2 += 1,
                }
            }
        }
        months
            .into_iter()
            .map(|(first, (a, b, c))| MonthFigure {
                month: month_key(first),
                on_time: OnTime::from_counts(a, b, c),
            })
            .collect()
    }

    /// The signals behind a figure of the loop report, by id; `None` for a key that is
    /// not one of this report's.
    pub fn records(&self, key: &str) -> Option<Vec<i64>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        let ids: Vec<i64> = match figure {
            "loop.on_time" | "loop.late" | "loop.overdue" | "loop.counted" => {
                let want = match figure {
                    "loop.on_time" => Some(Timeliness::OnTime),
                    "loop.late" => Some(Timeliness::Late),
                    "loop.overdue" => Some(Timeliness::Overdue),
                    _ => None,
                };
                self.counted()
                    .filter(|(_, _, t)| want.is_none_or(|w| w == *t))
                    .map(|(s, _, _)| s.id)
                    .collect()
            }
            "loop.first_feedback" => self.first_feedback().map(|(s, _)| s.id).collect(),
            "loop.open" => self.open().map(|s| s.id).collect(),
            "loop.open.age" => self
                .open()
                .filter(|s| self.age(s).key() == arg)
                .map(|s| s.id)
                .collect(),
            "loop.open.district" => self
                .open()
                .filter(|s| s.district.as_deref().unwrap_or("") == arg)
                .map(|s| s.id)
                .collect(),
            "loop.open.theme" => self
                .open()
                .filter(|s| s.theme.as_deref().unwrap_or("") == arg)
                .map(|s| s.id)
                .collect(),
            "loop.week.received" | "loop.week.answered" => {
                let (from, to) = self.week_range();
                let inside = |d: NaiveDate| d >= from && d <= to && iso_week_key(d) == arg;
                self.signals
                    .iter()
                    .filter(|s| {
                        if figure == "loop.week.received" {
                            inside(s.received_on)
                        } else {
                            s.answered_on.is_some_and(inside)
                        }
                    })
                    .map(|s| s.id)
                    .collect()
            }
            "loop.month.counted" | "loop.month.on_time" => {
                let (from, to) = self.month_range();
                self.signals
                    .iter()
                    .filter(|s| match s.timeliness(self.today) {
                        Some((due, t)) => {
                            due >= from
                                && due <= to
                                && month_key(due) == arg
                                && (figure == "loop.month.counted" || t == Timeliness::OnTime)
                        }
                        None => false,
                    })
                    .map(|s| s.id)
                    .collect()
            }
            _ => return None,
        };
        Some(ids)
    }
}

impl LoopReport {
    pub fn tables(&self, lang: Lang) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let o = &self.feedback_on_time;
        let mut head = Table::new(
            l("Feedback on time", "Terugkoppeling op tijd"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        let rows: [(&str, String, Option<&str>); 8] = [
            (
                l("First feedback on time", "Eerste terugkoppeling op tijd"),
                percent_text(o.percent),
                None,
            ),
            (
                l("On time", "Op tijd"),
                o.on_time.to_string(),
                Some("loop.on_time"),
            ),
            (l("Late", "Te laat"), o.late.to_string(), Some("loop.late")),
            (
                l(
                    "Past due, no feedback yet",
                    "Over tijd, nog geen terugkoppeling",
                ),
                o.overdue.to_string(),
                Some("loop.overdue"),
            ),
            (
                l("Signals counted", "Signalen meegeteld"),
                o.counted.to_string(),
                Some("loop.counted"),
            ),
            (
                l(
                    "Median days to first feedback",
                    "Mediaan dagen tot eerste terugkoppeling",
                ),
                days_text(self.median_days_to_first_feedback),
                None,
            ),
            (
                l(
                    "Signals received with feedback",
                    "Ontvangen signalen met terugkoppeling",
                ),
                self.with_first_feedback.to_string(),
                Some("loop.first_feedback"),
            ),
            (
                l("Open signals", "Open signalen"),
                self.open.to_string(),
                Some("loop.open"),
            ),
        ];
        for (label, value, key) in rows {
            head.rows.push(vec![
                Cell::plain(label),
                match key {
                    Some(k) => Cell::figure(value, k),
                    None => Cell::plain(value),
                },
            ]);
        }
        let counts = |title: &str, first: &'static str, list: &[Count]| {
            let mut t = Table::new(title, &[first, l("Open", "Open")]);
            for c in list {
                t.rows.push(vec![
                    Cell::plain(c.label.clone()),
                    Cell::figure(c.count.to_string(), c.key.clone()),
                ]);
            }
            t
        };
        let mut weeks = Table::new(
            l(
                "Signals received and answered per week",
                "Signalen ontvangen en beantwoord per week",
            ),
            &[
                l("Week", "Week"),
                l("Received", "Ontvangen"),
                l("Answered", "Beantwoord"),
            ],
        );
        for w in &self.weeks {
            weeks.rows.push(vec![
                Cell::plain(w.week.clone()),
                Cell::figure(
                    w.received.to_string(),
                    format!("loop.week.received:{}", w.week),
                ),
                Cell::figure(
                    w.answered.to_string(),
                    format!("loop.week.answered:{}", w.week),
                ),
            ]);
        }
        let mut months = Table::new(
            l(
                "Feedback on time per month (by due date)",
                "Terugkoppeling op tijd per maand (naar termijn)",
            ),
            &[
                l("Month", "Maand"),
                l("On time", "Op tijd"),
                l("Counted", "Meegeteld"),
                "%",
            ],
        );
        for m in &self.months {
            months.rows.push(vec![
                Cell::plain(m.month.clone()),
                Cell::figure(
                    m.on_time.on_time.to_string(),
                    format!("loop.month.on_time:{}", m.month),
                ),
                Cell::figure(
                    m.on_time.counted.to_string(),
                    format!("loop.month.counted:{}", m.month),
                ),
                Cell::plain(percent_text(m.on_time.percent)),
            ]);
        }
        vec![
            head,
            counts(
                l("Open signals by age", "Open signalen naar leeftijd"),
                l("Age", "Leeftijd"),
                &self.open_by_age,
            ),
            counts(
                l("Open signals by district", "Open signalen per stadsdeel"),
                l("District", "Stadsdeel"),
                &self.open_by_district,
            ),
            counts(
                l("Open signals by theme", "Open signalen per thema"),
                l("Theme", "Thema"),
                &self.open_by_theme,
            ),
            weeks,
            months,
        ]
    }
}

// ---------------------------------------------------------------------------------
// Commitments.

/// How a commitment ended up, as reports count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentOutcome {
    KeptOnTime,
    KeptLate,
    Broken,
    OpenOverdue,
    Open,
    Withdrawn,
}

impl CommitmentOutcome {
    pub const ALL: [CommitmentOutcome; 6] = [
        CommitmentOutcome::KeptOnTime,
        CommitmentOutcome::KeptLate,
        CommitmentOutcome::Broken,
        CommitmentOutcome::OpenOverdue,
        CommitmentOutcome::Open,
        CommitmentOutcome::Withdrawn,
    ];

    pub fn of(o: super::commitment::Outcome) -> CommitmentOutcome {
        use super::commitment::Outcome as O;
        match o {
            O::KeptOnTime => CommitmentOutcome::KeptOnTime,
            O::KeptLate => CommitmentOutcome::KeptLate,
            O::Broken => CommitmentOutcome::Broken,
            O::OpenOverdue => CommitmentOutcome::OpenOverdue,
            O::Open => CommitmentOutcome::Open,
            O::Withdrawn => CommitmentOutcome::Withdrawn,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => "kept_on_time",
            CommitmentOutcome::KeptLate => "kept_late",
            CommitmentOutcome::Broken => "broken",
            CommitmentOutcome::OpenOverdue => "open_overdue",
            CommitmentOutcome::Open => "open",
            CommitmentOutcome::Withdrawn => "withdrawn",
        }
    }

    pub fn from_key(key: &str) -> Option<CommitmentOutcome> {
        CommitmentOutcome::ALL.into_iter().find(|o| o.key() == key)
    }

    /// A column header: "On time", "Late", …
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => lang.pick("On time", "Op tijd"),
            CommitmentOutcome::KeptLate => lang.pick("Late", "Te laat"),
            CommitmentOutcome::Broken => lang.pick("Broken", "Gebroken"),
            CommitmentOutcome::OpenOverdue => lang.pick("Overdue", "Over tijd"),
            CommitmentOutcome::Open => lang.pick("Open", "Open"),
            CommitmentOutcome::Withdrawn => lang.pick("Withdrawn", "Ingetrokken"),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => lang.pick("Kept on time", "Op tijd nagekomen"),
            CommitmentOutcome::KeptLate => lang.pick("Kept late", "Te laat nagekomen"),
            CommitmentOutcome::Broken => lang.pick("Broken", "Niet nagekomen"),
            CommitmentOutcome::OpenOverdue => lang.pick("Open, overdue", "Open, over tijd"),
            CommitmentOutcome::Open => lang.pick("Open", "Open"),
            CommitmentOutcome::Withdrawn => lang.pick("Withdrawn", "Ingetrokken"),
        }
    }
}

/// What the commitments report needs of one commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFact {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub service_id: Option<i64>,
    pub service_name: Option<String>,
    pub due: NaiveDate,
    pub outcome: CommitmentOutcome,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutcomeCounts {
    pub kept_on_time: usize,
    pub kept_late: usize,
    pub broken: usize,
    pub open_overdue: usize,
    pub open: usize,
    pub withdrawn: usize,
    pub total: usize,
    /// Kept on time out of kept, broken and open overdue.
    pub kept_on_time_percent: Option<f64>,
}

impl OutcomeCounts {
    fn add(&mut self, o: CommitmentOutcome) {
        match o {
            CommitmentOutcome::KeptOnTime => self.kept_on_time += 1,
            CommitmentOutcome::KeptLate => self.kept_late += 1,
            CommitmentOutcome::Broken => self.broken += 1,
            CommitmentOutcome::OpenOverdue => self.open_overdue += 1,
            CommitmentOutcome::Open => self.open += 1,
            CommitmentOutcome::Withdrawn => self.withdrawn += 1,
        }
        self.total += 1;
        let decided = self.kept_on_time + self.kept_late + self.broken + self.open_overdue;
        self.kept_on_time_percent = percent(self.kept_on_time, decided);
    }

    pub fn get(&self, o: CommitmentOutcome) -> usize {
        match o {
            CommitmentOutcome::KeptOnTime => self.kept_on_time,
            CommitmentOutcome::KeptLate => self.kept_late,
            CommitmentOutcome::Broken => self.broken,
            CommitmentOutcome::OpenOverdue => self.open_overdue,
            CommitmentOutcome::Open => self.open,
            CommitmentOutcome::Withdrawn => self.withdrawn,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCounts {
    /// `O-3`, or empty for commitments without a service.
    pub key: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: OutcomeCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentsReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub totals: OutcomeCounts,
    pub per_service: Vec<GroupCounts>,
    pub per_organisation: Vec<GroupCounts>,
}

#[derive(Debug, Clone)]
pub struct CommitmentFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub commitments: Vec<CommitmentFact>,
}

impl CommitmentFacts {
    fn in_period(&self) -> impl Iterator<Item = &CommitmentFact> {
        self.commitments
            .iter()
            .filter(|c| self.filter.contains(c.due))
    }

    pub fn report(&self, lang: Lang) -> CommitmentsReport {
        let mut totals = OutcomeCounts::default();
        let mut services: BTreeMap<String, GroupCounts> = BTreeMap::new();
        let mut orgs: BTreeMap<String, GroupCounts> = BTreeMap::new();
        for c in self.in_period() {
            totals.add(c.outcome);
            let skey = c.service_id.map(|s| format!("O-{s}")).unwrap_or_default();
            services
                .entry(skey.clone())
                .or_insert_with(|| GroupCounts {
                    key: skey,
                    name: c
                        .service_name
                        .clone()
                        .unwrap_or_else(|| lang.pick("(no service)", "(geen dienst)").to_string()),
                    counts: OutcomeCounts::default(),
                })
                .counts
                .add(c.outcome);
            let okey = format!("O-{}", c.org_id);
            orgs.entry(okey.clone())
                .or_insert_with(|| GroupCounts {
                    key: okey,
                    name: c.org_name.clone(),
                    counts: OutcomeCounts::default(),
                })
                .counts
                .add(c.outcome);
        }
        let sorted = |m: BTreeMap<String, GroupCounts>| {
            let mut v: Vec<GroupCounts> = m.into_values().collect();
            v.sort_by(|a, b| {
                (a.key.is_empty(), a.name.to_lowercase())
                    .cmp(&(b.key.is_empty(), b.name.to_lowercase()))
            });
            v
        };
        CommitmentsReport {
            today: self.today,
            filter: self.filter.clone(),
            totals,
            per_service: sorted(services),
            per_organisation: sorted(orgs),
        }
    }

    /// The commitments behind a figure: `commitments.<outcome|all>`,
    /// `commitments.service.<outcome|all>:<O-3 or empty>`, `commitments.org.<outcome|all>:<O-7>`.
    pub fn records(&self, key: &str) -> Option<Vec<i64>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        let mut parts = figure.split('.');
        if parts.next() != Some("commitments") {
            return None;
        }
        let (group, outcome) = match (parts.next(), parts.next(), parts.next()) {
            (Some(o), None, None) => (None, o),
            (Some(g @ ("service" | "org")), Some(o), None) => (Some(g), o),
            _ => return None,
        };
        let outcome = match outcome {
            "all" => None,
            o => Some(CommitmentOutcome::from_key(o)?),
        };
        Some(
            self.in_period()
                .filter(|c| outcome.is_none_or(|o| o == c.outcome))
                .filter(|c| match group {
                    None => true,
                    Some("service") => {
                        c.service_id.map(|s| format!("O-{s}")).unwrap_or_default() == arg
                    }
                    _ => format!("O-{}", c.org_id) == arg,
                })
                .map(|c| c.id)
                .collect(),
        )
    }
}

impl CommitmentsReport {
    pub fn tables(&self, lang: Lang) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut totals = Table::new(
            l("Commitments by outcome", "Toezeggingen naar uitkomst"),
            &[l("Outcome", "Uitkomst"), l("Commitments", "Toezeggingen")],
        );
        for o in CommitmentOutcome::ALL {
            totals.rows.push(vec![
                Cell::plain(o.label(lang)),
                Cell::figure(
                    self.totals.get(o).to_string(),
                    format!("commitments.{}", o.key()),
                ),
            ]);
        }
        totals.rows.push(vec![
            Cell::plain(l("Total", "Totaal")),
            Cell::figure(self.totals.total.to_string(), "commitments.all"),
        ]);
        totals.rows.push(vec![
            Cell::plain(l(
                "Kept on time (of those due or decided)",
                "Op tijd nagekomen (van verlopen of afgehandelde)",
            )),
            Cell::plain(percent_text(self.totals.kept_on_time_percent)),
        ]);
        let group = |title: &str, first: &'static str, what: &str, list: &[GroupCounts]| {
            let mut cols: Vec<&'static str> = vec!["ID", first];
            cols.extend(CommitmentOutcome::ALL.iter().map(|o| o.short_label(lang)));
            cols.push(l("Total", "Totaal"));
            cols.push(l("% on time", "% op tijd"));
            let mut t = Table::new(title, &cols);
            for g in list {
                let mut row = vec![Cell::plain(g.key.clone()), Cell::plain(g.name.clone())];
                for o in CommitmentOutcome::ALL {
                    row.push(Cell::figure(
                        g.counts.get(o).to_string(),
                        format!("commitments.{what}.{}:{}", o.key(), g.key),
                    ));
                }
                row.push(Cell::figure(
                    g.counts.total.to_string(),
                    format!("commitments.{what}.all:{}", g.key),
                ));
                row.push(Cell::plain(percent_text(g.counts.kept_on_time_percent)));
                t.rows.push(row);
            }
            t
        };
        vec![
            totals,
            group(
                l("Per service", "Per dienst"),
                l("Service", "Dienst"),
                "service",
                &self.per_service,
            ),
            group(
                l("Per organisation", "Per organisatie"),
                l("Organisation", "Organisatie"),
                "org",
                &self.per_organisation,
            ),
        ]
    }
}

// ---------------------------------------------------------------------------------
// Cadence.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadenceFact {
    pub org_id: i64,
    pub name: String,
    pub district: Option<String>,
    pub cadence_per_year: i64,
    pub last_contact: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CadenceRow {
    /// `O-7`
    pub org: String,
    pub name: String,
    pub district: Option<String>,
    pub cadence_per_year: i64,
    /// Days allowed between contacts.
    pub allowed_days: i64,
    pub last_contact: Option<NaiveDate>,
    pub days_since: Option<i64>,
    /// Days past the cadence; `None` when never met.
    pub days_over: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CadenceReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// Residents' organisations with a cadence, checked.
    pub checked: usize,
    /// Those not met within it, never met first, then most days over.
    pub overdue: Vec<CadenceRow>,
}

#[derive(Debug, Clone)]
pub struct CadenceFacts {
    /// The day the cadence is checked on.
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// Residents' organisations.
    pub orgs: Vec<CadenceFact>,
}

impl CadenceFacts {
    pub fn report(&self) -> CadenceReport {
        let mut checked = 0;
        let mut overdue = Vec::new();
        for o in &self.orgs {
            let status = cadence_status(o.cadence_per_year, o.last_contact, self.today);
            let days_over = match status {
                CadenceStatus::NoCadence => continue,
                CadenceStatus::Within => {
                    checked += 1;
                    continue;
                }
                CadenceStatus::NeverMet => None,
                CadenceStatus::Overdue(n) => Some(n),
            };
            checked += 1;
            overdue.push(CadenceRow {
                org: format!("O-{}", o.org_id),
                name: o.name.clone(),
                district: o.district.clone(),
                cadence_per_year: o.cadence_per_year,
                allowed_days: cadence_days(o.cadence_per_year).unwrap_or(0),
                last_contact: o.last_contact,
                days_since: o.last_contact.map(|d| (self.today - d).num_days()),
                days_over,
            });
        }
        overdue.sort_by(|a, b| {
            b.days_over
                .unwrap_or(i64::MAX)
                .cmp(&a.days_over.unwrap_or(i64::MAX))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        CadenceReport {
            today: self.today,
            filter: self.filter.clone(),
            checked,
            overdue,
        }
    }

    /// `cadence.overdue` (and `cadence.checked`): organisation ids.
    pub fn records(&self, key: &str) -> Option<Vec<i64>> {
        let pick = |want_overdue: bool| {
            self.orgs
                .iter()
                .filter(
                    |o| match cadence_status(o.cadence_per_year, o.last_contact, self.today) {
                        CadenceStatus::NoCadence => false,
                        CadenceStatus::Within => !want_overdue,
                        _ => true,
                    },
                )
                .map(|o| o.org_id)
                .collect()
        };
        match key {
            "cadence.overdue" => Some(pick(true)),
            "cadence.checked" => Some(pick(false)),
            _ => None,
        }
    }
}

impl CadenceReport {
    pub fn tables(&self, lang: Lang) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut head = Table::new(
            l("Cadence", "Contactfrequentie"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        head.rows.push(vec![
            Cell::plain(l(
                "Residents' organisations checked",
                "Bewonersorganisaties bekeken",
            )),
            Cell::figure(self.checked.to_string(), "cadence.checked"),
        ]);
        head.rows.push(vec![
            Cell::plain(l(
                "Not met within their cadence",
                "Niet gesproken binnen de afgesproken frequentie",
            )),
            Cell::figure(self.overdue.len().to_string(), "cadence.overdue"),
        ]);
        let mut t = Table::new(
            l(
                "Organisations not met within their cadence",
                "Organisaties niet gesproken binnen de frequentie",
            ),
            &[
                "ID",
                l("Organisation", "Organisatie"),
                l("District", "Stadsdeel"),
                l("Per year", "Per jaar"),
                l("Last contact", "Laatste contact"),
                l("Days since", "Dagen geleden"),
                l("Days over", "Dagen te laat"),
            ],
        );
        for r in &self.overdue {
            t.rows.push(vec![
                Cell::plain(r.org.clone()),
                Cell::plain(r.name.clone()),
                Cell::plain(r.district.clone().unwrap_or_default()),
                Cell::plain(r.cadence_per_year.to_string()),
                Cell::plain(
                    r.last_contact
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| l("never", "nooit").to_string()),
                ),
                Cell::plain(r.days_since.map(|d| d.to_string()).unwrap_or_default()),
                Cell::plain(
                    r.days_over
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".to_string()),
                ),
            ]);
        }
        vec![head, t]
    }
}

// ---------------------------------------------------------------------------------
// Load.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFact {
    pub org_id: i64,
    pub name: String,
    pub district: Option<String>,
    /// Meetings invited to in the window.
    pub meetings: Vec<i64>,
    /// Signals raised in the window.
    pub signals: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadRow {
    pub org: String,
    pub name: String,
    pub district: Option<String>,
    pub meetings: usize,
    pub signals: usize,
    pub load: usize,
    pub over: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub window_days: i64,
    pub threshold: i64,
    pub over: usize,
    /// Residents' organisations, highest load first.
    pub rows: Vec<LoadRow>,
}

#[derive(Debug, Clone)]
pub struct LoadFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub threshold: i64,
    pub orgs: Vec<LoadFact>,
}

impl LoadFacts {
    fn load(o: &LoadFact) -> usize {
        o.meetings.len() + o.signals.len()
    }

    pub fn report(&self) -> LoadReport {
        let mut rows: Vec<LoadRow> = self
            .orgs
            .iter()
            .map(|o| {
                let load = Self::load(o);
                LoadRow {
                    org: format!("O-{}", o.org_id),
                    name: o.name.clone(),
                    district: o.district.clone(),
                    meetings: o.meetings.len(),
                    signals: o.signals.len(),
                    load,
                    over: over_load(load as i64, self.threshold),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.load
                .cmp(&a.load)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        LoadReport {
            today: self.today,
            filter: self.filter.clone(),
            window_days: LOAD_WINDOW_DAYS,
            threshold: self.threshold,
            over: rows.iter().filter(|r| r.over).count(),
            rows,
        }
    }

    /// `load.over`: organisations (as `O-7`); `load.org:O-7`: the meetings and signals
    /// behind one organisation's load (as `M-5` and `S-42`).
    pub fn records(&self, key: &str) -> Option<Vec<String>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        match figure {
            "load.over" => Some(
                self.orgs
                    .iter()
                    .filter(|o| over_load(Self::load(o) as i64, self.threshold))
                    .map(|o| format!("O-{}", o.org_id))
                    .collect(),
            ),
            "load.org" => {
                let o = self
                    .orgs
                    .iter()
                    .find(|o| format!("O-{}", o.org_id) == arg)?;
                Some(
                    o.meetings
                        .iter()
                        .map(|m| format!("M-{m}"))
                        .chain(o.signals.iter().map(|s| format!("S-{s}")))
                        .collect(),
                )
            }
            _ => None,
        }
    }
}

impl LoadReport {
    pub fn tables(&self, lang: Lang) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut head = Table::new(
            l("Load", "Belasting"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        head.rows.push(vec![
            Cell::plain(l("Window (days)", "Periode (dagen)")),
            Cell::plain(self.window_days.to_string()),
        ]);
        head.rows.push(vec![
            Cell::plain(l("Threshold", "Drempel")),
            Cell::plain(self.threshold.to_string()),
        ]);
        head.rows.push(vec![
            Cell::plain(l(
                "Organisations above the threshold",
                "Organisaties boven de drempel",
            )),
            Cell::figure(self.over.to_string(), "load.over"),
        ]);
        let mut t = Table::new(
            l(
                "Meetings and signals per organisation, last 90 days",
                "Overleggen en signalen per organisatie, laatste 90 dagen",
            ),
            &[
                "ID",
                l("Organisation", "Organisatie"),
                l("District", "Stadsdeel"),
                l("Meetings", "Overleggen"),
                l("Signals", "Signalen"),
                l("Load", "Belasting"),
                l("Above threshold", "Boven drempel"),
            ],
        );
        for r in &self.rows {
            t.rows.push(vec![
                Cell::plain(r.org.clone()),
                Cell::plain(r.name.clone()),
                Cell::plain(r.district.clone().unwrap_or_default()),
                Cell::plain(r.meetings.to_string()),
                Cell::plain(r.signals.to_string()),
                Cell::figure(r.load.to_string(), format!("load.org:{}", r.org)),
                Cell::plain(if r.over { l("yes", "ja") } else { "" }),
            ]);
        }
        vec![head, t]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5.0));
        assert_eq!(median(&[9, 1, 5]), Some(5.0));
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
        assert_eq!(median(&[4, 4, 8, 8]), Some(6.0));
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(3, 4), Some(75.0));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent_text(Some(75.0)), "75%");
        assert_eq!(percent_text(Some(66.7)), "66.7%");
        assert_eq!(percent_text(None), "—");
    }

    #[test]
    fn age_buckets_have_edges() {
        let cases = [
            (-3, "0-14"),
            (0, "0-14"),
            (14, "0-14"),
            (15, "15-30"),
            (30, "15-30"),
            (31, "31-90"),
            (90, "31-90"),
            (91, "90+"),
            (4000, "90+"),
        ];
        for (days, key) in cases {
            assert_eq!(AgeBucket::of(days).key(), key, "{days}");
        }
    }

    #[test]
    fn iso_weeks_and_months() {
        assert_eq!(iso_week_key(d("2024-10-01")), "2024-W40");
        assert_eq!(iso_week_key(d("2024-12-30")), "2025-W01");
        assert_eq!(iso_week_key(d("2021-01-03")), "2020-W53");
        assert_eq!(week_start(d("2024-10-06")), d("2024-09-30"));
        assert_eq!(week_start(d("2024-09-30")), d("2024-09-30"));
        assert_eq!(month_key(d("2024-03-09")), "2024-03");
    }

    #[test]
    fn cadence_rules() {
        let today = d("2024-10-01");
        assert_eq!(cadence_days(2), Some(182));
        assert_eq!(cadence_days(0), None);
        assert_eq!(cadence_status(0, None, today), CadenceStatus::NoCadence);
        assert_eq!(cadence_status(2, None, today), CadenceStatus::NeverMet);
        assert_eq!(
            cadence_status(2, Some(today - Duration::days(182)), today),
            CadenceStatus::Within
        );
        assert_eq!(
            cadence_status(2, Some(today - Duration::days(183)), today),
            CadenceStatus::Overdue(1)
        );
        assert_eq!(
            cadence_status(4, Some(today - Duration::days(100)), today),
            CadenceStatus::Overdue(9)
        );
    }

    #[test]
    fn load_threshold_is_strict() {
        assert!(!over_load(6, 6));
        assert!(over_load(7, 6));
    }

    fn sig(
        id: i64,
        received: &str,
        first: Option<(&str, &str)>,
        due: &str,
        open: bool,
    ) -> LoopSignal {
        LoopSignal {
            id,
            received_on: d(received),
            district: Some("Centrum".into()),
            theme: Some("verkeer".into()),
            open,
            feedback_due: Some(d(due)),
            first_feedback: first.map(|(g, due)| (d(g), Some(d(due)))),
            answered_on: None,
        }
    }

    #[test]
    fn feedback_on_time_counts_first_feedback_against_its_due_date() {
        let today = d("2024-10-31");
        let facts = LoopFacts {
            today,
            filter: ReportFilter::default(),
            signals: vec![
                // On time, on the due date itself.
                sig(
                    1,
                    "2024-10-01",
                    Some(("2024-10-15", "2024-10-15")),
                    "2024-11-15",
                    false,
                ),
                // On time: interim feedback that moved the due date.
                sig(
                    2,
                    "2024-10-01",
                    Some(("2024-10-10", "2024-10-15")),
                    "2024-12-01",
                    true,
                ),
                // Late.
                sig(
                    3,
                    "2024-10-01",
                    Some(("2024-10-20", "2024-10-15")),
                    "2024-10-15",
                    false,
                ),
                // Past due without feedback.
                sig(4, "2024-10-01", None, "2024-10-15", true),
                // Not yet due, no feedback: not counted.
                sig(5, "2024-10-25", None, "2024-11-08", true),
            ],
        };
        let r = facts.report(Lang::En);
        assert_eq!(r.feedback_on_time.on_time, 2);
        assert_eq!(r.feedback_on_time.late, 1);
        assert_eq!(r.feedback_on_time.overdue, 1);
        assert_eq!(r.feedback_on_time.counted, 4);
        assert_eq!(r.feedback_on_time.percent, Some(50.0));
        // 14, 9 and 19 days to first feedback.
        assert_eq!(r.median_days_to_first_feedback, Some(14.0));
        assert_eq!(r.open, 3);
        assert_eq!(facts.records("loop.late"), Some(vec![3]));
        assert_eq!(facts.records("loop.overdue"), Some(vec![4]));
        assert_eq!(facts.records("loop.open.age:0-14"), Some(vec![5]));
        assert_eq!(facts.records("loop.open.age:15-30"), Some(vec![2, 4]));
        assert_eq!(facts.records("nonsense"), None);
    }

    #[test]
    fn tables_carry_keys_that_resolve() {
        let facts = LoopFacts {
            today: d("2024-10-31"),
            filter: ReportFilter::default(),
            signals: vec![sig(
                1,
                "2024-10-01",
                Some(("2024-10-15", "2024-10-15")),
                "2024-10-15",
                true,
            )],
        };
        let r = facts.report(Lang::Nl);
        for t in r.tables(Lang::Nl) {
            for row in &t.rows {
                for c in row {
                    if let Some(k) = &c.key {
                        let ids = facts.records(k).unwrap_or_else(|| panic!("{k}"));
                        if let Ok(n) = c.text.parse::<usize>() {
                            assert_eq!(ids.len(), n, "{k}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn csv_and_markdown_output() {
        let mut t = Table::new("Load", &["Organisation", "Load"]);
        t.rows.push(vec![
            Cell::plain("=HYPERLINK(\"x\")"),
            Cell::figure("7", "load.org:O-1"),
        ]);
        t.rows.push(vec![Cell::plain("a|b"), Cell::plain("1")]);
        let csv = String::from_utf8(tables_to_csv(&[t.clone(), t.clone()], b',').expect("csv"))
            .expect("utf-8");
        assert_eq!(
            csv,
            "Load\nOrganisation,Load\n\"'=HYPERLINK(\"\"x\"\")\",7\na|b,1\n\nLoad\nOrganisation,Load\n\"'=HYPERLINK(\"\"x\"\")\",7\na|b,1\n"
        );
        let md = tables_to_markdown(&[t]);
        assert!(
            md.starts_with("### Load\n\n| Organisation | Load |\n| --- | --- |\n"),
            "{md}"
        );
        assert!(md.contains("| a\\|b | 1 |"), "{md}");
    }

    #[test]
    fn backwards_period_is_refused() {
        let f = ReportFilter {
            from: Some(d("2024-10-02")),
            to: Some(d("2024-10-01")),
            ..Default::default()
        };
        assert!(f.check().is_err());
        assert!(ReportFilter::default().check().is_ok());
    }
}

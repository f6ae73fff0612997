//! The loop: signals and feedback.
//!
//! The rules are stated per signal ([`LoopSignal`]); the report is computed from counts
//! ([`LoopFacts`]) that follow those rules, so that 100,000 signals are counted by the
//! database rather than read one by one. [`LoopFacts::from_signals`] makes the same
//! counts from signals, and [`LoopSelection::matches`] says per signal which ones lie
//! behind a figure: the store's queries must agree with both (tests/report_figures.rs).

use super::table::none_label;
use super::{
    AgeBucket, DEFAULT_MONTHS, DEFAULT_WEEKS, DateRange, Lang, ReportFilter, iso_week_key,
    median_of_counts, month_key, month_start, percent, week_start,
};
use chrono::{Duration, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the loop report needs of one signal. Merged signals are given too: their
/// organisation is owed an answer, which the final feedback on the surviving signal gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoopSignal {
    pub id: i64,
    pub received_on: NaiveDate,
    pub district: Option<String>,
    pub theme: Option<String>,
    /// Owes the organisation an answer: new, triaged or in progress, or merged and not
    /// yet answered.
    pub open: bool,
    /// The promise: the first feedback due date, however often the date moved since.
    pub first_due: Option<NaiveDate>,
    /// In the inbox (new, triaged or in progress: not merged) and the due date in force
    /// there: the inbox marks it overdue once that date has passed.
    pub in_inbox: bool,
    pub due_now: Option<NaiveDate>,
    /// The first feedback: when, and the due date in force then.
    pub first_feedback: Option<(NaiveDate, Option<NaiveDate>)>,
    /// The first final feedback.
    pub answered_on: Option<NaiveDate>,
    /// The owning service and the organisation that raised it, as (id, name).
    pub service: Option<(i64, String)>,
    pub org: Option<(i64, String)>,
    /// How often its due date was moved, and by how many days in all.
    pub due_moves: usize,
    pub due_moved_days: i64,
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

/// How a signal's first feedback went, whatever the day: none yet, on or before the due
/// date in force then, or after it. The store keeps it per signal as `loop_feedback`
/// (0, 1, 2: [`FirstFeedback::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FirstFeedback {
    None,
    OnTime,
    Late,
}

impl FirstFeedback {
    pub const ALL: [FirstFeedback; 3] = [
        FirstFeedback::None,
        FirstFeedback::OnTime,
        FirstFeedback::Late,
    ];

    pub fn code(self) -> i64 {
        match self {
            FirstFeedback::None => 0,
            FirstFeedback::OnTime => 1,
            FirstFeedback::Late => 2,
        }
    }

    pub fn from_code(code: i64) -> Option<FirstFeedback> {
        FirstFeedback::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Feedback on time on `today` for a signal measured against `due`: decided once
    /// feedback came, or once the due date has passed without it.
    pub fn timeliness(self, due: NaiveDate, today: NaiveDate) -> Option<Timeliness> {
        match self {
            FirstFeedback::OnTime => Some(Timeliness::OnTime),
            FirstFeedback::Late => Some(Timeliness::Late),
            FirstFeedback::None if due < today => Some(Timeliness::Overdue),
            FirstFeedback::None => None,
        }
    }

    /// The due dates of signals with this outcome that count as decided on `today`.
    fn decided(self, today: NaiveDate) -> DateRange {
        match self {
            FirstFeedback::None => DateRange::until(today - Duration::days(1)),
            _ => DateRange::default(),
        }
    }
}

impl LoopSignal {
    /// The due date the first feedback is measured against (`loop_due`): the promise,
    /// kept with the first feedback when it came, else the first due date. Moving the
    /// date (triage, a reasoned move) never changes it.
    pub fn measured_due(&self) -> Option<NaiveDate> {
        match self.first_feedback {
            Some((_, due)) => due,
            None => self.first_due,
        }
    }

    /// How the first feedback went (`loop_feedback`).
    pub fn first_feedback_outcome(&self) -> FirstFeedback {
        match self.first_feedback {
            None => FirstFeedback::None,
            Some((given, Some(due))) if given <= due => FirstFeedback::OnTime,
            Some(_) => FirstFeedback::Late,
        }
    }

    /// The due date the first feedback is measured against, and how it went; `None`
    /// while not yet decided (no feedback and not yet due) or without a due date.
    pub fn timeliness(&self, today: NaiveDate) -> Option<(NaiveDate, Timeliness)> {
        let due = self.measured_due()?;
        let t = self.first_feedback_outcome().timeliness(due, today)?;
        Some((due, t))
    }

    /// Whole days from receiving to the first feedback (`loop_days`), never below zero.
    /// Overdue as the inbox counts it: in the inbox and past the due date in force.
    pub fn past_due_date(&self, today: NaiveDate) -> bool {
        self.in_inbox && self.due_now.is_some_and(|d| d < today)
    }

    pub fn days_to_first_feedback(&self) -> Option<i64> {
        let (given, _) = self.first_feedback?;
        Some((given - self.received_on).num_days().max(0))
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

/// Signals whose due date moved, in one group (a service, an organisation, or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Moved {
    /// `O-3`, or empty for none (no service, no organisation) and for the total.
    pub key: String,
    pub name: String,
    pub signals: usize,
    pub moves: usize,
    pub days: i64,
}

impl Moved {
    /// "3×, 41 days in all", or "-" when nothing moved.
    pub fn moves_text(&self, lang: Lang) -> String {
        if self.moves == 0 {
            return "-".to_string();
        }
        format!(
            "{}×, {} {}",
            self.moves,
            self.days,
            lang.pick("days in all", "dagen in totaal")
        )
    }
}

/// Moved signals of one service and organisation: (service, organisation, signals,
/// moves, days).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedCount {
    pub service: Option<(i64, String)>,
    pub org: Option<(i64, String)>,
    pub signals: usize,
    pub moves: usize,
    pub days: i64,
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
    /// Signals in the inbox past the due date in force: the inbox's overdue count.
    pub past_due_date: usize,
    pub open_by_age: Vec<Count>,
    pub open_by_district: Vec<Count>,
    pub open_by_theme: Vec<Count>,
    pub weeks: Vec<WeekFigure>,
    pub months: Vec<MonthFigure>,
    /// Signals received in the period whose due date moved: in all, per service and
    /// per organisation.
    pub moved: Moved,
    pub moved_per_service: Vec<Moved>,
    pub moved_per_organisation: Vec<Moved>,
}

/// Signals with one measured due date and one outcome of their first feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueCount {
    pub due: NaiveDate,
    pub feedback: FirstFeedback,
    pub count: usize,
}

/// Open signals of one district and theme, per [`AgeBucket`] (in `AgeBucket::ALL` order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCount {
    pub district: Option<String>,
    pub theme: Option<String>,
    pub by_age: [usize; 4],
}

/// The facts of a loop report: counts of the signals that pass the filter's district,
/// theme, service and organisation, each over the days [`LoopFacts`] names for it.
#[derive(Debug, Clone)]
pub struct LoopFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// Signals with a measured due date ([`LoopFacts::due_range`]), by that date and how
    /// their first feedback went.
    pub by_due: Vec<DueCount>,
    /// Signals received in the period that have had feedback, as (days to the first
    /// feedback, how many).
    pub days_to_first_feedback: Vec<(i64, usize)>,
    /// Open signals received in [`LoopFacts::open_range`], by district and theme.
    pub open: Vec<OpenCount>,
    /// Signals received per day in [`LoopFacts::week_range`].
    pub received: Vec<(NaiveDate, usize)>,
    /// Signals answered (first final feedback) per day in [`LoopFacts::week_range`].
    pub answered: Vec<(NaiveDate, usize)>,
    /// Signals received in the period whose due date moved, per service and organisation.
    pub moved: Vec<MovedCount>,
    /// Signals received in [`LoopFacts::open_range`] that are in the inbox and past the
    /// due date in force.
    pub past_due_date: usize,
}

impl LoopFacts {
    /// Chart range of the weekly series: the filter's period, else the last
    /// [`DEFAULT_WEEKS`] weeks; from a Monday.
    pub fn week_range(filter: &ReportFilter, today: NaiveDate) -> DateRange {
        let to = filter.to.unwrap_or(today);
        let from = filter
            .from
            .unwrap_or_else(|| week_start(to) - Duration::weeks(DEFAULT_WEEKS - 1));
        DateRange::between(week_start(from), to)
    }

    /// Chart range of the monthly series: the filter's period, else the last
    /// [`DEFAULT_MONTHS`] months; from the first of a month.
    pub fn month_range(filter: &ReportFilter, today: NaiveDate) -> DateRange {
        let to = filter.to.unwrap_or(today);
        let from = filter.from.unwrap_or_else(|| {
            month_start(to)
                .checked_sub_months(chrono::Months::new(DEFAULT_MONTHS - 1))
                .unwrap_or(to)
        });
        DateRange::between(month_start(from), to)
    }

    /// The measured due dates any figure looks at: the period and the monthly series.
    pub fn due_range(filter: &ReportFilter) -> DateRange {
        DateRange::new(filter.from.map(month_start), filter.to)
    }

    /// The days open signals are counted for: received in the period and by today.
    pub fn open_range(filter: &ReportFilter, today: NaiveDate) -> DateRange {
        filter.period().and(DateRange::until(today))
    }

    /// The counts, made from signals one by one: what the store's queries count.
    pub fn from_signals(
        today: NaiveDate,
        filter: ReportFilter,
        signals: &[LoopSignal],
    ) -> LoopFacts {
        let due_range = Self::due_range(&filter);
        let weeks = Self::week_range(&filter, today);
        let open_range = Self::open_range(&filter, today);
        let mut by_due: BTreeMap<(FirstFeedback, NaiveDate), usize> = BTreeMap::new();
        let mut days: BTreeMap<i64, usize> = BTreeMap::new();
        let mut open: BTreeMap<(Option<String>, Option<String>), [usize; 4]> = BTreeMap::new();
        let mut received: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let mut answered: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        type MovedKey = (Option<(i64, String)>, Option<(i64, String)>);
        let mut moved: BTreeMap<MovedKey, (usize, usize, i64)> = BTreeMap::new();
        let mut past_due_date = 0;
        for s in signals {
            if s.past_due_date(today) && open_range.contains(s.received_on) {
                past_due_date += 1;
            }
            if s.due_moves > 0 && filter.contains(s.received_on) {
                let m = moved.entry((s.service.clone(), s.org.clone())).or_default();
                m.0 += 1;
                m.1 += s.due_moves;
                m.2 += s.due_moved_days;
            }
            if let Some(due) = s.measured_due().filter(|d| due_range.contains(*d)) {
                *by_due.entry((s.first_feedback_outcome(), due)).or_default() += 1;
            }
            if let Some(n) = s.days_to_first_feedback()
                && filter.contains(s.received_on)
            {
                *days.entry(n).or_default() += 1;
            }
            if s.open && open_range.contains(s.received_on) {
                let ages = open
                    .entry((s.district.clone(), s.theme.clone()))
                    .or_default();
                let age = AgeBucket::of((today - s.received_on).num_days());
                ages[age as usize] += 1;
            }
            if weeks.contains(s.received_on) {
                *received.entry(s.received_on).or_default() += 1;
            }
            if let Some(a) = s.answered_on.filter(|a| weeks.contains(*a)) {
                *answered.entry(a).or_default() += 1;
            }
        }
        LoopFacts {
            today,
            filter,
            by_due: by_due
                .into_iter()
                .map(|((feedback, due), count)| DueCount {
                    due,
                    feedback,
                    count,
                })
                .collect(),
            days_to_first_feedback: days.into_iter().collect(),
            open: open
                .into_iter()
                .map(|((district, theme), by_age)| OpenCount {
                    district,
                    theme,
                    by_age,
                })
                .collect(),
            received: received.into_iter().collect(),
            answered: answered.into_iter().collect(),
            moved: moved
                .into_iter()
                .map(|((service, org), (signals, moves, days))| MovedCount {
                    service,
                    org,
                    signals,
                    moves,
                    days,
                })
                .collect(),
            past_due_date,
        }
    }

    /// Moved signals in all, per service and per organisation (those without a
    /// service or organisation last, then by name).
    fn moved(&self, lang: Lang) -> (Moved, Vec<Moved>, Vec<Moved>) {
        let mut total = Moved::default();
        let mut services: BTreeMap<Option<i64>, Moved> = BTreeMap::new();
        let mut orgs: BTreeMap<Option<i64>, Moved> = BTreeMap::new();
        let group = |g: &Option<(i64, String)>| Moved {
            key: g
                .as_ref()
                .map(|(id, _)| format!("O-{id}"))
                .unwrap_or_default(),
            name: g
                .as_ref()
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| none_label(lang).to_string()),
            ..Moved::default()
        };
        for c in &self.moved {
            total.signals += c.signals;
            total.moves += c.moves;
            total.days += c.days;
            for (map, g) in [(&mut services, &c.service), (&mut orgs, &c.org)] {
                let m = map
                    .entry(g.as_ref().map(|(id, _)| *id))
                    .or_insert_with(|| group(g));
                m.signals += c.signals;
                m.moves += c.moves;
                m.days += c.days;
            }
        }
        let sorted = |m: BTreeMap<Option<i64>, Moved>| {
            let mut v: Vec<Moved> = m.into_values().collect();
            v.sort_by_cached_key(|g| (g.key.is_empty(), g.name.to_lowercase(), g.key.clone()));
            v
        };
        (total, sorted(services), sorted(orgs))
    }

    /// The decided signals: (measured due date, how it went, how many).
    fn decided(&self) -> impl Iterator<Item = (NaiveDate, Timeliness, usize)> + '_ {
        self.by_due.iter().filter_map(|c| {
            let t = c.feedback.timeliness(c.due, self.today)?;
            Some((c.due, t, c.count))
        })
    }

    pub fn report(&self, lang: Lang) -> LoopReport {
        let mut on = (0, 0, 0);
        for (due, t, n) in self.decided() {
            if !self.filter.contains(due) {
                continue;
            }
            match t {
                Timeliness::OnTime => on.0 += n,
                Timeliness::Late => on.1 += n,
                Timeliness::Overdue => on.2 += n,
            }
        }
        let mut ages = [0usize; 4];
        let mut districts: BTreeMap<String, usize> = BTreeMap::new();
        let mut themes: BTreeMap<String, usize> = BTreeMap::new();
        let mut open = 0;
        for c in &self.open {
            let n: usize = c.by_age.iter().sum();
            open += n;
            for (total, here) in ages.iter_mut().zip(c.by_age) {
                *total += here;
            }
            *districts
                .entry(c.district.clone().unwrap_or_default())
                .or_default() += n;
            *themes
                .entry(c.theme.clone().unwrap_or_default())
                .or_default() += n;
        }
        let by = |m: BTreeMap<String, usize>, what: &str| -> Vec<Count> {
            let mut v: Vec<Count> = m
                .into_iter()
                .filter(|(_, count)| *count > 0)
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
        let (moved, moved_per_service, moved_per_organisation) = self.moved(lang);
        LoopReport {
            today: self.today,
            filter: self.filter.clone(),
            feedback_on_time: OnTime::from_counts(on.0, on.1, on.2),
            median_days_to_first_feedback: median_of_counts(&self.days_to_first_feedback),
            with_first_feedback: self.days_to_first_feedback.iter().map(|(_, n)| n).sum(),
            open,
            past_due_date: self.past_due_date,
            open_by_age: AgeBucket::ALL
                .iter()
                .map(|b| Count {
                    key: format!("loop.open.age:{}", b.key()),
                    label: b.label(lang).to_string(),
                    count: ages[*b as usize],
                })
                .collect(),
            open_by_district: by(districts, "district"),
            open_by_theme: by(themes, "theme"),
            weeks: self.weeks(),
            months: self.months(),
            moved,
            moved_per_service,
            moved_per_organisation,
        }
    }

    fn weeks(&self) -> Vec<WeekFigure> {
        let range = Self::week_range(&self.filter, self.today);
        let (Some(from), Some(to)) = (range.from, range.to) else {
            return Vec::new();
        };
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
        for &(day, n) in &self.received {
            if range.contains(day)
                && let Some(w) = weeks.get_mut(&week_start(day))
            {
                w.received += n;
            }
        }
        for &(day, n) in &self.answered {
            if range.contains(day)
                && let Some(w) = weeks.get_mut(&week_start(day))
            {
                w.answered += n;
            }
        }
        weeks.into_values().collect()
    }

    fn months(&self) -> Vec<MonthFigure> {
        let range = Self::month_range(&self.filter, self.today);
        let (Some(from), Some(to)) = (range.from, range.to) else {
            return Vec::new();
        };
        let mut months: BTreeMap<NaiveDate, (usize, usize, usize)> = BTreeMap::new();
        let mut first = from;
        while first <= to {
            months.insert(first, (0, 0, 0));
            first = match first.checked_add_months(chrono::Months::new(1)) {
                Some(next) => next,
                None => break,
            };
        }
        for (due, t, n) in self.decided() {
            if !range.contains(due) {
                continue;
            }
            if let Some(m) = months.get_mut(&month_start(due)) {
                match t {
                    Timeliness::OnTime => m.0 += n,
                    Timeliness::Late => m.1 += n,
                    Timeliness::Overdue => m.2 += n,
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
}

/// The signals behind a loop figure, as the store selects them (merged signals never;
/// the filter's district, theme, service and organisation always).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoopSelection {
    /// Signals whose first feedback went one of these ways, with the measured due date
    /// in the range given with it.
    Decided(Vec<(FirstFeedback, DateRange)>),
    /// Signals with feedback, received in the range.
    FirstFeedback { received: DateRange },
    /// Open signals received in the range; of one district or theme when given (the
    /// empty text is "none").
    Open {
        received: DateRange,
        district: Option<String>,
        theme: Option<String>,
    },
    /// Signals received in the range.
    Received(DateRange),
    /// Signals whose first final feedback lies in the range.
    Answered(DateRange),
    /// Signals received in the range that are in the inbox and past the due date in
    /// force on `today`.
    PastDueDate {
        received: DateRange,
        today: NaiveDate,
    },
    /// Signals received in the range whose due date moved; of one service or
    /// organisation when given (`O-3`, or the empty text for none).
    Moved {
        received: DateRange,
        service: Option<String>,
        org: Option<String>,
    },
}

impl LoopSelection {
    /// The IDs of the signals behind the figure, in order.
    pub fn select(&self, signals: &[LoopSignal]) -> Vec<i64> {
        let mut ids: Vec<i64> = signals
            .iter()
            .filter(|s| self.matches(s))
            .map(|s| s.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Whether a signal lies behind the figure.
    pub fn matches(&self, s: &LoopSignal) -> bool {
        match self {
            LoopSelection::Decided(ways) => s.measured_due().is_some_and(|due| {
                ways.iter()
                    .any(|(f, range)| *f == s.first_feedback_outcome() && range.contains(due))
            }),
            LoopSelection::FirstFeedback { received } => {
                s.first_feedback.is_some() && received.contains(s.received_on)
            }
            LoopSelection::Open {
                received,
                district,
                theme,
            } => {
                let is = |want: &Option<String>, have: &Option<String>| {
                    want.as_deref()
                        .is_none_or(|w| have.as_deref().unwrap_or("") == w)
                };
                s.open
                    && received.contains(s.received_on)
                    && is(district, &s.district)
                    && is(theme, &s.theme)
            }
            LoopSelection::Received(range) => range.contains(s.received_on),
            LoopSelection::Answered(range) => s.answered_on.is_some_and(|a| range.contains(a)),
            LoopSelection::PastDueDate { received, today } => {
                s.past_due_date(*today) && received.contains(s.received_on)
            }
            LoopSelection::Moved {
                received,
                service,
                org,
            } => {
                let is = |want: &Option<String>, have: &Option<(i64, String)>| {
                    want.as_deref().is_none_or(|w| {
                        have.as_ref()
                            .map(|(id, _)| format!("O-{id}"))
                            .unwrap_or_default()
                            == w
                    })
                };
                s.due_moves > 0
                    && received.contains(s.received_on)
                    && is(service, &s.service)
                    && is(org, &s.org)
            }
        }
    }
}

/// The Monday to Sunday of an ISO week key (`2024-W40`), if it is one as
/// [`iso_week_key`] writes it.
fn iso_week_days(key: &str) -> Option<DateRange> {
    let (year, week) = key.split_once("-W")?;
    let monday = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
    (iso_week_key(monday) == key).then(|| DateRange::between(monday, monday + Duration::days(6)))
}

/// The days of a month key (`2024-10`), if it is one as [`month_key`] writes it.
fn month_days(key: &str) -> Option<DateRange> {
    let (year, month) = key.split_once('-')?;
    let first = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))? - Duration::days(1);
    (month_key(first) == key).then(|| DateRange::between(first, last))
}

/// The signals behind a figure of the loop report (its key, e.g. `loop.late` or
/// `loop.open.age:15-30`), for the filter on `today`; `None` for a key that is not one
/// of this report's. A key with an argument that names nothing selects no signal.
pub fn loop_selection(key: &str, filter: &ReportFilter, today: NaiveDate) -> Option<LoopSelection> {
    let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
    let period = filter.period();
    let decided = |ways: &[FirstFeedback], days: DateRange| {
        LoopSelection::Decided(
            ways.iter()
                .map(|f| (*f, days.and(f.decided(today))))
                .collect(),
        )
    };
    let all = FirstFeedback::ALL;
    let open =
        |received: DateRange, district: Option<&str>, theme: Option<&str>| LoopSelection::Open {
            received: received.and(LoopFacts::open_range(filter, today)),
            district: district.map(str::to_string),
            theme: theme.map(str::to_string),
        };
    let weeks = LoopFacts::week_range(filter, today);
    let months = LoopFacts::month_range(filter, today);
    let or_none = |r: Option<DateRange>| r.unwrap_or_else(DateRange::empty);
    Some(match figure {
        "loop.on_time" => decided(&[FirstFeedback::OnTime], period),
        "loop.late" => decided(&[FirstFeedback::Late], period),
        "loop.overdue" => decided(&[FirstFeedback::None], period),
        "loop.counted" => decided(&all, period),
        "loop.first_feedback" => LoopSelection::FirstFeedback { received: period },
        "loop.past_due_date" => LoopSelection::PastDueDate {
            received: LoopFacts::open_range(filter, today),
            today,
        },
        "loop.moved" => LoopSelection::Moved {
            received: period,
            service: None,
            org: None,
        },
        "loop.moved.service" => LoopSelection::Moved {
            received: period,
            service: Some(arg.to_string()),
            org: None,
        },
        "loop.moved.org" => LoopSelection::Moved {
            received: period,
            service: None,
            org: Some(arg.to_string()),
        },
        "loop.open" => open(DateRange::default(), None, None),
        "loop.open.age" => open(
            or_none(AgeBucket::from_key(arg).map(|b| b.received_range(today))),
            None,
            None,
        ),
        "loop.open.district" => open(DateRange::default(), Some(arg), None),
        "loop.open.theme" => open(DateRange::default(), None, Some(arg)),
        "loop.week.received" => LoopSelection::Received(or_none(iso_week_days(arg)).and(weeks)),
        "loop.week.answered" => LoopSelection::Answered(or_none(iso_week_days(arg)).and(weeks)),
        "loop.month.counted" => decided(&all, or_none(month_days(arg)).and(months)),
        "loop.month.on_time" => decided(
            &[FirstFeedback::OnTime],
            or_none(month_days(arg)).and(months),
        ),
        _ => return None,
    })
}

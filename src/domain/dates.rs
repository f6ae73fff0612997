//! The one date grammar of wijkdesk: every form, command-line option, minutes token
//! and filter reads dates through [`parse_date`] and [`parse_datetime`], in Dutch and
//! English.
//!
//! Accepted: ISO `2026-12-15`; `15-12-2026`, `15/12/2026`, `15-12`, `15/12`; day and
//! month name (`15 dec`, `1 juli`, `20 januari 2027`, `dec 15`); weekdays (`vrijdag`,
//! `vr`, `fri`); `vandaag`, `morgen`, `overmorgen`; `volgende week`, `over 3 weken`,
//! `binnen twee weken`, `+14d`, `+2w`, `+3m`; `eind maart`, `begin april`. A date
//! without a year is the next one on or after today. Times: `19:30`, `19.30`,
//! `19.30 uur`, `19 uur`.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// Longest input quoted back in an error; a pasted paragraph should not fill the status line.
const MAX_QUOTED_CHARS: usize = 60;

/// Dates outside these years are refused: a typo, never a meeting or a promise.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Why a typed date or time was refused, as data: the input (shortened for quoting)
/// and what was read of it. [`crate::words`] says it, in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateError {
    /// Not read as a date at all.
    NotADate(String),
    /// Read, but no such day or not one meaning: the input and what was read.
    Impossible(String, Misread),
    /// A date before [`FIRST_YEAR`] or after [`LAST_YEAR`].
    OutOfRange(String),
    /// A date where a date and a time are needed.
    MissingTime(String),
    NotADateTime(String),
}

/// What was read of a date that is refused, with an example of what would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Misread {
    /// `vr 5 dec 2026`: the date read falls on another day than the weekday written.
    WrongWeekday { date: NaiveDate, want: Weekday },
    /// `31 feb`: a day, month (and year) that make no date; `example` is a week from today.
    NoSuchDay {
        day: u32,
        month: u32,
        year: Option<i32>,
        example: NaiveDate,
    },
    /// `15 dec 26`: a year of fewer than four digits after a month name; `example` is today.
    ShortYear { year: i32, example: NaiveDate },
    /// `1-11-24`: day, month and a two-digit year, as typed.
    TwoDigitYear {
        day: String,
        month: String,
        year: String,
    },
}

impl std::error::Error for DateError {}

impl DateError {
    /// What the parser read of the input, for refusals that read something.
    pub fn misread(&self) -> Option<&Misread> {
        match self {
            DateError::Impossible(_, read) => Some(read),
            _ => None,
        }
    }
}

/// Shortens `s` for quoting in an error message.
fn quoted(s: &str) -> String {
    match s.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

const MONTHS_EN: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const WEEKDAYS_NL_FULL: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// A weekday's name: `Fri` in English; `vrijdag` in Dutch (`dutch`).
pub fn weekday_name(day: Weekday, dutch: bool) -> &'static str {
    let i = day.num_days_from_monday() as usize;
    if dutch {
        WEEKDAYS_NL_FULL[i]
    } else {
        WEEKDAYS_EN[i]
    }
}

/// A date as the grammar writes it back and as fields echo it: `vr 4 dec 2026`
/// (`dutch`) or `Fri 4 Dec 2026`. Parses back to the same date.
pub fn describe(date: NaiveDate, dutch: bool) -> String {
    let wd = date.weekday().num_days_from_monday() as usize;
    let m = date.month0() as usize;
    if dutch {
        format!(
            "{} {} {} {}",
            WEEKDAYS_NL[wd],
            date.day(),
            MONTHS_NL[m],
            date.year()
        )
    } else {
        let month = MONTHS_EN[m];
        let month = format!("{}{}", month[..1].to_uppercase(), &month[1..]);
        format!(
            "{} {} {} {}",
            WEEKDAYS_EN[wd],
            date.day(),
            month,
            date.year()
        )
    }
}

/// [`describe`] with a time: `vr 4 dec 2026 19:30`.
pub fn describe_datetime(at: NaiveDateTime, dutch: bool) -> String {
    format!("{} {}", describe(at.date(), dutch), at.format("%H:%M"))
}

fn in_range(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// Parses a date typed by a person, relative to `today`.
///
/// Weekday names mean the next such day strictly after `today`, so `fri` typed on a
/// Friday is a week later: "by Friday" said on a Friday never means today. A date
/// without a year is the next one on or after today.
///
/// # Errors
/// [`DateError::NotADate`] for anything unrecognised, [`DateError::Impossible`] for a
/// date that was read but does not exist or contradicts itself (`31 feb`, `vr 5 dec
/// 2026` when that is a Saturday, a two-digit year), [`DateError::OutOfRange`] when
/// the result falls outside the years 1900-2200 (`+99999w`).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let trimmed = input.trim();
    let lower = trimmed.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match read(&words, today) {
        Read::Date(d) if in_range(d) => Ok(d),
        Read::Date(_) | Read::TooFar => Err(DateError::OutOfRange(quoted(trimmed))),
        Read::Impossible(read) => Err(DateError::Impossible(quoted(trimmed), read)),
        Read::Nothing => Err(DateError::NotADate(quoted(trimmed))),
    }
}

enum Read {
    Date(NaiveDate),
    /// Understood, but past the calendar's end.
    TooFar,
    Impossible(Misread),
    Nothing,
}

impl From<Option<NaiveDate>> for Read {
    fn from(d: Option<NaiveDate>) -> Self {
        d.map_or(Read::TooFar, Read::Date)
    }
}

fn read(words: &[&str], today: NaiveDate) -> Read {
    match words {
        [] => Read::Nothing,
        [w] => read_word(w, today),
        ["day", "after", "tomorrow"] => today.checked_add_days(Days::new(2)).into(),
        ["volgende" | "next", "week"] => today.checked_add_days(Days::new(7)).into(),
        ["volgende" | "next", day] if weekday(day).is_some() => read_word(day, today),
        ["over" | "in" | "binnen" | "within", n, unit] => match (count(n), unit_days(unit)) {
            (Some(n), Some(unit)) => offset(today, n, unit),
            _ => Read::Nothing,
        },
        ["end", "of", rest @ ..] | ["eind" | "einde" | "end", rest @ ..] => {
            month_edge(rest, today, true)
        }
        ["start", "of", rest @ ..] | ["begin" | "start" | "early", rest @ ..] => {
            month_edge(rest, today, false)
        }
        [day, rest @ ..] if weekday(day).is_some() && !rest.is_empty() => {
            // `vr 4 dec 2026`, as dates are echoed: the weekday must agree.
            let want = weekday(day).unwrap_or(Weekday::Mon);
            match read(rest, today) {
                Read::Date(d) if d.weekday() == want => Read::Date(d),
                Read::Date(d) => Read::Impossible(Misread::WrongWeekday { date: d, want }),
                other => other,
            }
        }
        _ => named_month_date(words, today),
    }
}

fn read_word(w: &str, today: NaiveDate) -> Read {
    let w = w.trim_end_matches(['.', ',']);
    match w {
        "today" | "vandaag" => return Read::Date(today),
        "tomorrow" | "morgen" => return today.succ_opt().into(),
        "overmorgen" => return today.checked_add_days(Days::new(2)).into(),
        _ => {}
    }
    if let Some(off) = w.strip_prefix('+') {
        let Some(unit) = off.chars().last() else {
            return Read::Nothing;
        };
        let digits = &off[..off.len() - unit.len_utf8()];
        let Some(unit) = unit_days(&unit.to_string()) else {
            return Read::Nothing;
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Read::Nothing;
        }
        // Too many digits for a u32 is still a number, just a far too large one.
        return match digits.parse::<u32>() {
            Ok(n) => offset(today, n, unit),
            Err(_) => Read::TooFar,
        };
    }
    if let Some(day) = weekday(w) {
        let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return today.checked_add_days(Days::new(u64::from(ahead))).into();
    }
    numeric_date(w, today)
}

/// A unit of an offset: days (0 means calendar months).
fn unit_days(unit: &str) -> Option<u64> {
    Some(match unit {
        "d" | "dag" | "dagen" | "day" | "days" => 1,
        "w" | "week" | "weken" | "weeks" => 7,
        "m" | "maand" | "maanden" | "month" | "months" => 0,
        _ => return None,
    })
}

fn offset(today: NaiveDate, n: u32, unit: u64) -> Read {
    if unit == 0 {
        // chrono clamps to the last day of a shorter month (31 Jan + 1m = 29 Feb).
        today.checked_add_months(Months::new(n)).into()
    } else {
        today
            .checked_add_days(Days::new(u64::from(n) * unit))
            .into()
    }
}

/// A count in digits or in words, Dutch or English, up to twelve.
fn count(w: &str) -> Option<u32> {
    const WORDS: [(&[&str], u32); 12] = [
        (&["een", "één", "eén", "one", "a"], 1),
        (&["twee", "two"], 2),
        (&["drie", "three"], 3),
        (&["vier", "four"], 4),
        (&["vijf", "five"], 5),
        (&["zes", "six"], 6),
        (&["zeven", "seven"], 7),
        (&["acht", "eight"], 8),
        (&["negen", "nine"], 9),
        (&["tien", "ten"], 10),
        (&["elf", "eleven"], 11),
        (&["twaalf", "twelve"], 12),
    ];
    if let Some(n) = number(w) {
        return Some(n);
    }
    WORDS
        .iter()
        .find(|(names, _)| names.contains(&w))
        .map(|(_, n)| *n)
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "mon" | "monday" | "ma" | "maandag" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "di" | "dinsdag" => Weekday::Tue,
        "wed" | "wednesday" | "wo" | "woensdag" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "do" | "donderdag" => Weekday::Thu,
        "fri" | "friday" | "vr" | "vrijdag" => Weekday::Fri,
        "sat" | "saturday" | "za" | "zaterdag" => Weekday::Sat,
        "sun" | "sunday" | "zo" | "zondag" => Weekday::Sun,
        _ => return None,
    })
}

/// A month name in Dutch or English, full or shortened to at least three letters
/// (`mrt`, `sept` and `okt` too).
fn month(name: &str) -> Option<u32> {
    const FULL: [(&str, &str); 12] = [
        ("januari", "january"),
        ("februari", "february"),
        ("maart", "march"),
        ("april", "april"),
        ("mei", "may"),
        ("juni", "june"),
        ("juli", "july"),
        ("augustus", "august"),
        ("september", "september"),
        ("oktober", "october"),
        ("november", "november"),
        ("december", "december"),
    ];
    let name = name.trim_end_matches(['.', ',']);
    if name == "mrt" {
        return Some(3);
    }
    if name.chars().count() < 3 {
        return None;
    }
    FULL.iter()
        .position(|(nl, en)| nl.starts_with(name) || en.starts_with(name))
        .map(|i| i as u32 + 1)
}

/// The next `month`/`day` on or after `today`, or in `year` when given.
fn day_in(year: Option<i32>, month: u32, day: u32, today: NaiveDate) -> Read {
    if let Some(y) = year {
        return match NaiveDate::from_ymd_opt(y, month, day) {
            Some(d) => Read::Date(d),
            None => impossible(day, month, Some(y), today),
        };
    }
    // 29 February: the next leap year; at most eight years on.
    for y in today.year()..=today.year().saturating_add(8) {
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day)
            && d >= today
        {
            return Read::Date(d);
        }
    }
    impossible(day, month, None, today)
}

/// A refusal with what was read and an example a week from today.
fn impossible(day: u32, month: u32, year: Option<i32>, today: NaiveDate) -> Read {
    let example = today.checked_add_days(Days::new(7)).unwrap_or(today);
    Read::Impossible(Misread::NoSuchDay {
        day,
        month,
        year,
        example,
    })
}

/// `15 dec`: the shortest form that reads back as a date on or after today (the
/// Dutch month names, which both languages read).
pub fn short(d: NaiveDate) -> String {
    format!("{} {}", d.day(), MONTHS_NL[d.month0() as usize])
}

/// `15 dec`, `1 juli 2027`, `dec 15`, `december 15 2027`.
fn named_month_date(words: &[&str], today: NaiveDate) -> Read {
    let (day, name, year) = match words {
        [a, b] | [a, b, _] if number::<u32>(a.trim_end_matches('.')).is_some() => {
            (*a, *b, words.get(2))
        }
        [a, b] | [a, b, _] if month(a).is_some() => (*b, *a, words.get(2)),
        _ => return Read::Nothing,
    };
    let (Some(day), Some(m)) = (number::<u32>(day.trim_end_matches(['.', ','])), month(name))
    else {
        return Read::Nothing;
    };
    let year = match year {
        None => None,
        Some(y) => match number::<i32>(y) {
            Some(y) if y >= 1000 => Some(y),
            Some(y) => {
                return Read::Impossible(Misread::ShortYear {
                    year: y,
                    example: today,
                });
            }
            None => return Read::Nothing,
        },
    };
    day_in(year, m, day, today)
}

/// `eind maart` (its last day), `begin april` (its first), the next such month.
fn month_edge(rest: &[&str], today: NaiveDate, end: bool) -> Read {
    let (m, year) = match rest {
        [m] => (month(m), None),
        [m, y] => match number::<i32>(y) {
            Some(y) if y >= 1000 => (month(m), Some(y)),
            _ => return Read::Nothing,
        },
        _ => return Read::Nothing,
    };
    let Some(m) = m else {
        return Read::Nothing;
    };
    let edge = |y: i32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        if end {
            first.checked_add_months(Months::new(1))?.pred_opt()
        } else {
            Some(first)
        }
    };
    match year {
        Some(y) => edge(y).into(),
        None => match edge(today.year()) {
            Some(d) if d >= today => Read::Date(d),
            _ => today.year().checked_add(1).and_then(edge).into(),
        },
    }
}

/// `2026-11-01` (year first), `1-11-2026` or `1/11/2026` (Dutch, year last), and
/// `1-11` or `1/11` without a year.
fn numeric_date(s: &str, today: NaiveDate) -> Read {
    let sep = if s.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.iter().any(|p| number::<u32>(p).is_none()) {
        return Read::Nothing;
    }
    let n = |p: &str| number::<u32>(p).unwrap_or(0);
    let short_part = |p: &str| (1..=2).contains(&p.len());
    match parts[..] {
        [y, m, d] if sep == '-' && y.len() == 4 && short_part(m) && short_part(d) => {
            day_in(Some(n(y) as i32), n(m), n(d), today)
        }
        [d, m, y] if y.len() == 4 && short_part(m) && short_part(d) => {
            day_in(Some(n(y) as i32), n(m), n(d), today)
        }
        [d, m, y] if y.len() == 2 && short_part(m) && short_part(d) => {
            Read::Impossible(Misread::TwoDigitYear {
                day: d.into(),
                month: m.into(),
                year: y.into(),
            })
        }
        [d, m] if short_part(d) && short_part(m) => day_in(None, n(m), n(d), today),
        _ => Read::Nothing,
    }
}

/// Parses ASCII digits only; `str::parse` would also accept a leading `+`.
fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `19:30`, `19.30` or `19:30:15`; the hour may have one digit.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let sep = if s.contains('.') { '.' } else { ':' };
    let mut parts = s.split(sep);
    let (h, m, sec) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() || !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    let sec = match sec {
        Some(sec) if sec.len() == 2 => number(sec)?,
        Some(_) => return None,
        None => 0,
    };
    NaiveTime::from_hms_opt(number(h)?, number(m)?, sec)
}

/// Parses a date and a time, e.g. `2026-10-16T19:30`, `vr 19:30`, `10-12-2026 19.30`
/// or `vr 19.30 uur`.
///
/// A date alone is refused rather than read as midnight: a meeting at 00:00 is
/// almost always a forgotten time.
///
/// # Errors
/// [`DateError::MissingTime`] for a date alone, the date's own error when the time is
/// fine but the date is not, and [`DateError::NotADateTime`] otherwise.
pub fn parse_datetime(input: &str, today: NaiveDate) -> Result<NaiveDateTime, DateError> {
    let trimmed = input.trim();
    if parse_date(trimmed, today).is_ok() {
        return Err(DateError::MissingTime(quoted(trimmed)));
    }
    // `19.30 uur`, `19 uur`, `19u`: the Dutch way to say the time.
    let lower = trimmed.to_lowercase();
    let (body, hour_word) = match lower
        .strip_suffix("uur")
        .or_else(|| lower.strip_suffix('u'))
        .or_else(|| lower.strip_suffix('h'))
    {
        Some(rest) if rest.ends_with(|c: char| c.is_ascii_digit() || c.is_whitespace()) => {
            (rest.trim_end(), true)
        }
        _ => (lower.as_str(), false),
    };
    // Lowercasing may change byte lengths (rare scripts); then no `uur` is cut.
    let body_original = if lower.len() == trimmed.len() {
        trimmed.get(..body.len()).unwrap_or(trimmed)
    } else {
        trimmed
    };
    let by_space = body_original
        .rsplit_once(char::is_whitespace)
        .map(|(date, time)| (date.trim_end(), time));
    // `T` as separator: the last one, since `tue`/`tomorrow` contain a `t` too.
    let by_t = body_original
        .rfind(['t', 'T'])
        .map(|at| (&body_original[..at], &body_original[at + 1..]));
    for (date, time) in by_space.into_iter().chain(by_t) {
        let time = parse_time(time).or_else(|| {
            // `19 uur`: a whole hour.
            (hour_word && (1..=2).contains(&time.len()))
                .then(|| NaiveTime::from_hms_opt(number(time)?, 0, 0))
                .flatten()
        });
        if let Some(time) = time {
            // The time is fine, so an error in the date part is the more useful message.
            return Ok(parse_date(date, today)?.and_time(time));
        }
    }
    Err(DateError::NotADateTime(quoted(trimmed)))
}
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn dt(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        d(y, m, day)
            .and_hms_opt(h, min, s)
            .expect("valid test time")
    }

    /// Wednesday.
    fn today() -> NaiveDate {
        d(2024, 10, 16)
    }

    fn p(s: &str) -> Result<NaiveDate, DateError> {
        parse_date(s, today())
    }

    #[test]
    fn iso_dates() {
        assert_eq!(p("2024-11-01"), Ok(d(2024, 11, 1)));
        assert_eq!(p("  2024-11-01 "), Ok(d(2024, 11, 1)));
        assert_eq!(p("2024-1-5"), Ok(d(2024, 1, 5)));
        assert_eq!(p("2024-02-29"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn dutch_dates() {
        assert_eq!(p("1-11-2024"), Ok(d(2024, 11, 1)));
        assert_eq!(p("01-11-2024"), Ok(d(2024, 11, 1)));
        assert_eq!(p("31-12-2025"), Ok(d(2025, 12, 31)));
    }

    #[test]
    fn impossible_dates_are_refused_with_what_was_understood() {
        for s in [
            "31-02-2024",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0-1-2024",
            "31 feb",
            "30 februari 2027",
            "31/4",
        ] {
            let err = p(s).unwrap_err();
            assert!(matches!(err, DateError::Impossible(..)), "{s}: {err:?}");
            assert!(
                matches!(err.misread(), Some(Misread::NoSuchDay { example, .. }) if *example == d(2024, 10, 23)),
                "{s}: {err:?}"
            );
            assert!(
                err.to_string()
                    .contains("which does not exist; e.g. 23 okt"),
                "{err}"
            );
        }
    }

    #[test]
    fn malformed_dates_are_errors() {
        for s in [
            "",
            " ",
            "2024",
            "2024-11",
            "2024-11-01-02",
            "2024-+1-01",
            "2024-011-01",
            "+",
            "+d",
            "+14",
            "+14x",
            "+-1d",
            "++1d",
            "+1.5d",
            "next weak",
            "over drie",
            "eind",
            "begin mar 20",
            "15 foo",
            "frid",
            "2024/11/01",
            "15",
            "dec",
            "１-11-2024",
        ] {
            assert!(
                matches!(p(s), Err(DateError::NotADate(_))),
                "{s:?} -> {:?}",
                p(s)
            );
        }
    }

    #[test]
    fn relative_days_and_weeks() {
        assert_eq!(p("+0d"), Ok(today()));
        assert_eq!(p("+14d"), Ok(d(2024, 10, 30)));
        assert_eq!(p("+14D"), Ok(d(2024, 10, 30)));
        assert_eq!(p("+2w"), Ok(d(2024, 10, 30)));
        assert_eq!(p("+0w"), Ok(today()));
        assert_eq!(p("+100d"), Ok(d(2025, 1, 24)));
    }

    #[test]
    fn relative_months_clamp_to_month_end() {
        assert_eq!(p("+3m"), Ok(d(2025, 1, 16)));
        assert_eq!(parse_date("+1m", d(2024, 1, 31)), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("+1m", d(2023, 1, 31)), Ok(d(2023, 2, 28)));
        assert_eq!(parse_date("+12m", d(2024, 2, 29)), Ok(d(2025, 2, 28)));
        assert_eq!(p("+0m"), Ok(today()));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        for s in [
            "+999999999d",
            "+99999999999999999999d",
            "+999999999w",
            "+4294967295m",
            "+99999w",
            "+2500m",
            "over 9999999 weken",
            "2201-01-01",
            "1-1-1899",
            "15 dec 3000",
        ] {
            assert_eq!(p(s), Err(DateError::OutOfRange(s.into())), "{s}");
        }
        assert!(matches!(
            parse_date("tomorrow", NaiveDate::MAX),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_date("fri", NaiveDate::MAX),
            Err(DateError::OutOfRange(_))
        ));
    }

    #[test]
    fn today_and_tomorrow() {
        for s in ["today", "vandaag", "TODAY", " Vandaag "] {
            assert_eq!(p(s), Ok(today()), "{s}");
        }
        for s in ["tomorrow", "morgen", "Morgen"] {
            assert_eq!(p(s), Ok(d(2024, 10, 17)), "{s}");
        }
    }

    #[test]
    fn weekdays_are_strictly_after_today() {
        let cases: [(&[&str], NaiveDate); 7] = [
            (&["mon", "monday", "ma", "maandag"], d(2024, 10, 21)),
            (&["tue", "tuesday", "di", "dinsdag"], d(2024, 10, 22)),
            // Today is a Wednesday: a week later.
            (&["wed", "wednesday", "wo", "woensdag"], d(2024, 10, 23)),
            (&["thu", "thursday", "do", "donderdag"], d(2024, 10, 17)),
            (&["fri", "friday", "vr", "vrijdag"], d(2024, 10, 18)),
            (&["sat", "saturday", "za", "zaterdag"], d(2024, 10, 19)),
            (&["sun", "sunday", "zo", "zondag"], d(2024, 10, 20)),
        ];
        for (names, want) in cases {
            for name in names {
                assert_eq!(p(name), Ok(want), "{name}");
                assert_eq!(p(&name.to_uppercase()), Ok(want), "{name}");
            }
        }
        // `fri` on a Friday is the next Friday.
        assert_eq!(parse_date("vr", d(2024, 10, 18)), Ok(d(2024, 10, 25)));
        assert_eq!(parse_date("sun", d(2024, 10, 19)), Ok(d(2024, 10, 20)));
    }

    #[test]
    fn error_message_quotes_input_and_lists_forms() {
        let msg = p("soon").unwrap_err().to_string();
        assert_eq!(
            msg,
            "not a date: \"soon\" (e.g. 15 dec, 15-12, vr / fri, morgen, +2w, over 3 weken, \
             eind maart)"
        );
        let msg = p("31-02-2024").unwrap_err().to_string();
        assert_eq!(
            msg,
            "not a date: \"31-02-2024\": read as day 31 of month 2 in 2024, which does not \
             exist; e.g. 23 okt"
        );
        // Control characters are escaped, not sent to the terminal.
        let msg = p("\x1b[2J").unwrap_err().to_string();
        assert!(msg.contains("\\u{1b}[2J"), "{msg}");
        // Long input is shortened.
        let long = "x".repeat(500);
        let msg = p(&long).unwrap_err().to_string();
        assert!(msg.len() < 250, "{msg}");
        assert!(msg.contains('…'));
    }

    #[test]
    fn datetimes() {
        let want = dt(2024, 10, 16, 19, 30, 0);
        for s in [
            "2024-10-16T19:30",
            "2024-10-16t19:30",
            "2024-10-16 19:30",
            "2024-10-16   19:30",
            " 2024-10-16T19:30 ",
            "16-10-2024 19:30",
            "16-10-2024T19:30",
            "today 19:30",
            "vandaag T19:30",
            "+0d 19:30",
            "+0dT19:30",
        ] {
            assert_eq!(parse_datetime(s, today()), Ok(want), "{s}");
        }
        let t = |s| parse_datetime(s, today());
        assert_eq!(t("2024-10-16T19:30:15"), Ok(dt(2024, 10, 16, 19, 30, 15)));
        assert_eq!(t("2024-10-16 9:05"), Ok(dt(2024, 10, 16, 9, 5, 0)));
        assert_eq!(t("vr 19:30"), Ok(dt(2024, 10, 18, 19, 30, 0)));
        assert_eq!(t("tue 8:00"), Ok(dt(2024, 10, 22, 8, 0, 0)));
        assert_eq!(t("tueT8:00"), Ok(dt(2024, 10, 22, 8, 0, 0)));
        assert_eq!(t("tomorrow 00:00"), Ok(dt(2024, 10, 17, 0, 0, 0)));
        assert_eq!(t("Morgen T10:00"), Ok(dt(2024, 10, 17, 10, 0, 0)));
        assert_eq!(t("+2w 23:59:59"), Ok(dt(2024, 10, 30, 23, 59, 59)));
    }

    #[test]
    fn date_without_time_asks_for_a_time() {
        for s in ["2024-10-16", "fri", "tomorrow", "+2w"] {
            let err = parse_datetime(s, today()).unwrap_err();
            assert_eq!(err, DateError::MissingTime(s.into()));
            assert!(err.to_string().contains("give a time, e.g. vr 19:30"));
        }
    }

    #[test]
    fn bad_datetimes() {
        for s in [
            "",
            "19:30",
            "2024-10-16T24:00",
            "2024-10-16 19:60",
            "2024-10-16 19:3",
            "2024-10-16 19:30:5",
            "2024-10-16 19:30:00:00",
            "2024-10-16 1930",
            "2024-10-16T",
            "T19:30",
            "soon",
            "2024-10-16 +19:30",
        ] {
            assert!(
                matches!(
                    parse_datetime(s, today()),
                    Err(DateError::NotADateTime(_) | DateError::NotADate(_))
                ),
                "{s:?} -> {:?}",
                parse_datetime(s, today())
            );
        }
        // A good time after a bad date reports the date.
        assert_eq!(
            parse_datetime("31-02-2024 19:30", today()),
            Err(DateError::Impossible(
                "31-02-2024".into(),
                Misread::NoSuchDay {
                    day: 31,
                    month: 2,
                    year: Some(2024),
                    example: d(2024, 10, 23)
                }
            ))
        );
        assert_eq!(
            parse_datetime("+999999999d 19:30", today()),
            Err(DateError::OutOfRange("+999999999d".into()))
        );
    }

    #[test]
    fn day_and_month_without_year_is_the_next_one() {
        // Today is Wednesday 16 October 2024.
        for s in [
            "15 dec",
            "15 december",
            "15 Dec",
            "dec 15",
            "December 15",
            "15-12",
            "15/12",
        ] {
            assert_eq!(p(s), Ok(d(2024, 12, 15)), "{s}");
        }
        for s in ["1 juli", "1 jul", "1 july", "1-7", "1/7", "juli 1"] {
            assert_eq!(p(s), Ok(d(2025, 7, 1)), "{s}");
        }
        assert_eq!(
            p("16 okt"),
            Ok(today()),
            "today itself is on or after today"
        );
        assert_eq!(p("15 oktober"), Ok(d(2025, 10, 15)));
        assert_eq!(p("3 mrt"), Ok(d(2025, 3, 3)));
        assert_eq!(p("3 maart"), Ok(d(2025, 3, 3)));
        assert_eq!(p("3 march"), Ok(d(2025, 3, 3)));
        assert_eq!(p("9 mei"), Ok(d(2025, 5, 9)));
        assert_eq!(p("9 may"), Ok(d(2025, 5, 9)));
        assert_eq!(p("29 feb"), Ok(d(2028, 2, 29)), "the next leap day");
    }

    #[test]
    fn day_month_and_year() {
        assert_eq!(p("20 januari 2027"), Ok(d(2027, 1, 20)));
        assert_eq!(p("20 jan 2027"), Ok(d(2027, 1, 20)));
        assert_eq!(p("January 20, 2027"), Ok(d(2027, 1, 20)));
        assert_eq!(p("20/1/2027"), Ok(d(2027, 1, 20)));
        assert_eq!(p("20-01-2027"), Ok(d(2027, 1, 20)));
        // A written year may be in the past: history is entered too.
        assert_eq!(p("1 feb 2020"), Ok(d(2020, 2, 1)));
    }

    #[test]
    fn spoken_offsets() {
        assert_eq!(p("overmorgen"), Ok(d(2024, 10, 18)));
        assert_eq!(p("day after tomorrow"), Ok(d(2024, 10, 18)));
        for s in [
            "volgende week",
            "next week",
            "over 1 week",
            "in a week",
            "+1w",
        ] {
            assert_eq!(p(s), Ok(d(2024, 10, 23)), "{s}");
        }
        for s in [
            "over 3 weken",
            "over drie weken",
            "in 3 weeks",
            "in three weeks",
            "binnen 3 weken",
            "+21d",
        ] {
            assert_eq!(p(s), Ok(d(2024, 11, 6)), "{s}");
        }
        assert_eq!(p("binnen twee weken"), Ok(d(2024, 10, 30)));
        assert_eq!(p("over 10 dagen"), Ok(d(2024, 10, 26)));
        assert_eq!(p("over 2 maanden"), Ok(d(2024, 12, 16)));
        assert_eq!(p("volgende vrijdag"), Ok(d(2024, 10, 18)));
        assert_eq!(p("next friday"), Ok(d(2024, 10, 18)));
    }

    #[test]
    fn month_edges() {
        assert_eq!(p("eind maart"), Ok(d(2025, 3, 31)));
        assert_eq!(p("end of march"), Ok(d(2025, 3, 31)));
        assert_eq!(p("eind februari"), Ok(d(2025, 2, 28)));
        assert_eq!(p("begin april"), Ok(d(2025, 4, 1)));
        assert_eq!(p("start of april"), Ok(d(2025, 4, 1)));
        // This month: its end is still ahead, its start is not.
        assert_eq!(p("eind oktober"), Ok(d(2024, 10, 31)));
        assert_eq!(p("begin oktober"), Ok(d(2025, 10, 1)));
        assert_eq!(p("eind februari 2028"), Ok(d(2028, 2, 29)));
    }

    #[test]
    fn weekday_before_a_date_must_agree() {
        // 4 December 2026 is a Friday.
        assert_eq!(p("vr 4 dec 2026"), Ok(d(2026, 12, 4)));
        assert_eq!(p("Fri 4 Dec 2026"), Ok(d(2026, 12, 4)));
        let err = p("vr 5 dec 2026").unwrap_err();
        assert_eq!(
            err.misread(),
            Some(&Misread::WrongWeekday {
                date: d(2026, 12, 5),
                want: Weekday::Fri
            })
        );
        assert_eq!(
            err.to_string(),
            "not a date: \"vr 5 dec 2026\": read Sat 5 Dec 2026, which is not a Fri; e.g. za 5 dec 2026"
        );
    }

    #[test]
    fn two_digit_years_are_refused_not_guessed() {
        let err = p("1-11-24").unwrap_err();
        assert!(matches!(err, DateError::Impossible(..)));
        assert!(err.to_string().contains("e.g. 1-11-2024"), "{err}");
        let err = p("15 dec 26").unwrap_err();
        assert_eq!(
            err.misread(),
            Some(&Misread::ShortYear {
                year: 26,
                example: today()
            })
        );
        assert!(err.to_string().contains("four digits"), "{err}");
    }

    #[test]
    fn describe_in_both_languages() {
        assert_eq!(describe(d(2026, 12, 4), true), "vr 4 dec 2026");
        assert_eq!(describe(d(2026, 12, 4), false), "Fri 4 Dec 2026");
        assert_eq!(describe(d(2027, 3, 1), true), "ma 1 mrt 2027");
    }

    #[test]
    fn dutch_times() {
        let want = dt(2026, 12, 10, 19, 30, 0);
        for s in [
            "10-12-2026 19:30",
            "10-12-2026 19.30",
            "10-12-2026 19.30 uur",
            "10 dec 2026 19:30",
            "do 10 dec 2026 19.30 uur",
            "10 december 2026 19.30u",
        ] {
            assert_eq!(parse_datetime(s, today()), Ok(want), "{s}");
        }
        assert_eq!(
            parse_datetime("vr 19.30 uur", today()),
            Ok(dt(2024, 10, 18, 19, 30, 0))
        );
        assert_eq!(
            parse_datetime("morgen 10 uur", today()),
            Ok(dt(2024, 10, 17, 10, 0, 0))
        );
        assert_eq!(
            parse_datetime("15 dec 20:00", today()),
            Ok(dt(2024, 12, 15, 20, 0, 0))
        );
    }

    /// Every form in both languages, each with the date it must give.
    #[test]
    fn every_form_in_both_languages() {
        let pairs: [(&str, &str, NaiveDate); 9] = [
            ("vandaag", "today", today()),
            ("morgen", "tomorrow", d(2024, 10, 17)),
            ("vrijdag", "friday", d(2024, 10, 18)),
            ("vr", "fri", d(2024, 10, 18)),
            ("volgende week", "next week", d(2024, 10, 23)),
            ("over twee weken", "in two weeks", d(2024, 10, 30)),
            ("eind maart", "end of march", d(2025, 3, 31)),
            ("begin april", "start of april", d(2025, 4, 1)),
            ("20 januari 2027", "20 january 2027", d(2027, 1, 20)),
        ];
        for (nl, en, want) in pairs {
            assert_eq!(p(nl), Ok(want), "{nl}");
            assert_eq!(p(en), Ok(want), "{en}");
        }
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (-200_000i32..200_000, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN))
    }

    proptest! {
        #[test]
        fn arbitrary_strings_never_panic(s in any::<String>(), today in any_date()) {
            let _ = parse_date(&s, today);
            let _ = parse_datetime(&s, today);
        }

        #[test]
        fn date_like_strings_never_panic(
            s in "[+ ]?[0-9]{0,12}[-dwmDWM:T ]?[0-9]{0,5}[-: ]?[0-9]{0,5}",
            today in any_date(),
        ) {
            let _ = parse_date(&s, today);
            let _ = parse_datetime(&s, today);
        }

        #[test]
        fn iso_and_dutch_round_trip(y in FIRST_YEAR..=LAST_YEAR, m in 1u32..=12, day in 1u32..=31) {
            // Generated day-by-day rather than filtered, so impossible dates are tested too.
            let want = NaiveDate::from_ymd_opt(y, m, day);
            prop_assert_eq!(parse_date(&format!("{y:04}-{m:02}-{day:02}"), today()).ok(), want);
            prop_assert_eq!(parse_date(&format!("{day}-{m}-{y:04}"), today()).ok(), want);
        }

        #[test]
        fn describe_parses_back(day in 0i64..100_000, dutch in any::<bool>(), today in any_date()) {
            let date = d(1900, 1, 1) + chrono::Duration::days(day);
            prop_assume!(in_range(date));
            prop_assert_eq!(parse_date(&describe(date, dutch), today), Ok(date));
        }

        #[test]
        fn a_date_without_a_year_is_never_in_the_past(
            m in 1u32..=12,
            day in 1u32..=31,
            days in 0i64..(290 * 365),
            named in any::<bool>(),
        ) {
            let today = d(1905, 1, 1) + chrono::Duration::days(days);
            let typed = if named {
                format!("{day} {}", MONTHS_NL[m as usize - 1])
            } else {
                format!("{day}-{m}")
            };
            if let Ok(got) = parse_date(&typed, today) {
                prop_assert!(got >= today, "{typed} on {today} gave {got}");
                prop_assert!(got < today + chrono::Duration::days(366 * 8 + 1));
                prop_assert_eq!((got.month(), got.day()), (m, day));
            } else {
                // Refused only when that day never exists in that month, or runs off the end.
                prop_assert!(NaiveDate::from_ymd_opt(2028, m, day).is_none() || today.year() >= LAST_YEAR - 8);
            }
        }

        #[test]
        fn refusals_say_what_they_understood(m in 1u32..=12, day in 29u32..=40) {
            prop_assume!(NaiveDate::from_ymd_opt(2028, m, day).is_none());
            let err = parse_date(&format!("{day}-{m}"), today()).unwrap_err();
            let said = err.to_string();
            let read = format!("day {day} of month {m}");
            prop_assert!(
                matches!(err.misread(), Some(Misread::NoSuchDay { day: dd, month: mm, .. }) if (*dd, *mm) == (day, m)),
                "{:?}",
                err
            );
            prop_assert!(said.contains(&read), "{}", said);
        }

        #[test]
        fn results_stay_in_the_years_allowed(s in "[+]?[0-9]{1,7}[dwm]", today in any_date()) {
            if let Ok(got) = parse_date(&s, today) {
                prop_assert!(in_range(got));
            }
        }

        #[test]
        fn relative_days_are_exact(n in 0u32..100_000, today in any_date()) {
            let want = today.checked_add_days(Days::new(u64::from(n))).filter(|d| in_range(*d));
            prop_assert_eq!(parse_date(&format!("+{n}d"), today).ok(), want);
        }
    }
}

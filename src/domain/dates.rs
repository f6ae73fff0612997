//! Dates and times as people type them: ISO, Dutch day-month-year, relative
//! offsets and weekday names in English and Dutch.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use thiserror::Error;

const DATE_FORMS: &str = "use 2024-11-01, 1-11-2024, +14d, +2w, +3m, today, tomorrow, \
     or a weekday such as fri / vr";
const DATETIME_FORMS: &str = "use 2024-10-16T19:30, 2024-10-16 19:30, or a date such as \
     fri / +2w followed by a time such as 19:30";

/// Longest input quoted back in an error; a pasted paragraph should not fill the status line.
const MAX_QUOTED_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("not a date: {0:?} ({forms})", forms = DATE_FORMS)]
    NotADate(String),
    #[error("date out of range: {0:?} (wijkdesk takes dates from 1900 to 2200)")]
    OutOfRange(String),
    #[error("no time in {0:?}: give a time, e.g. 2024-10-16T19:30")]
    MissingTime(String),
    #[error("not a date and time: {0:?} ({forms})", forms = DATETIME_FORMS)]
    NotADateTime(String),
}

/// Shortens `s` for quoting in an error message.
fn quoted(s: &str) -> String {
    match s.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// Parses a date typed by a person, relative to `today`.
///
/// Weekday names mean the next such day strictly after `today`, so `fri` typed on a
/// Friday is a week later: "by Friday" said on a Friday never means today.
///
/// # Errors
/// [`DateError::NotADate`] for anything unrecognised or impossible (`31-02-2024`),
/// [`DateError::OutOfRange`] when the result falls off the calendar (`+999999999d`).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let date = parse_any_date(input, today)?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange(quoted(input.trim())))
    }
}

/// The years a typed date may fall in: a year like 20025 or 0202 is a typing error,
/// and would sort and count wrongly in every report.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

fn parse_any_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let trimmed = input.trim();
    let lower = trimmed.to_lowercase();
    let not_a_date = || DateError::NotADate(quoted(trimmed));
    let out_of_range = || DateError::OutOfRange(quoted(trimmed));

    if let Some(offset) = lower.strip_prefix('+') {
        return parse_offset(offset, today, trimmed);
    }
    match lower.as_str() {
        "today" | "vandaag" => return Ok(today),
        "tomorrow" | "morgen" => return today.succ_opt().ok_or_else(out_of_range),
        _ => {}
    }
    if let Some(weekday) = weekday(&lower) {
        let ahead =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return today
            .checked_add_days(Days::new(u64::from(ahead)))
            .ok_or_else(out_of_range);
    }
    parse_numeric_date(&lower).ok_or_else(not_a_date)
}

/// `14d`, `2w`, `3m` after the `+`; `input` is quoted in errors.
fn parse_offset(offset: &str, today: NaiveDate, input: &str) -> Result<NaiveDate, DateError> {
    let not_a_date = || DateError::NotADate(quoted(input));
    let unit = offset.chars().last().ok_or_else(not_a_date)?;
    let digits = &offset[..offset.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_date());
    }
    // Too many digits for a u32 is still a number, just a far too large one.
    let n: Option<u32> = digits.parse().ok();
    let date = match unit {
        'd' => n.and_then(|n| today.checked_add_days(Days::new(u64::from(n)))),
        'w' => n.and_then(|n| today.checked_add_days(Days::new(u64::from(n) * 7))),
        // chrono clamps to the last day of a shorter month (31 Jan + 1m = 29 Feb).
        'm' => n.and_then(|n| today.checked_add_months(Months::new(n))),
        _ => return Err(not_a_date()),
    };
    date.ok_or_else(|| DateError::OutOfRange(quoted(input)))
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "mon" | "monday" | "ma" | "maandag" => Weekday::Mon,
        "tue" | "tuesday" | "di" | "dinsdag" => Weekday::Tue,
        "wed" | "wednesday" | "wo" | "woensdag" => Weekday::Wed,
        "thu" | "thursday" | "do" | "donderdag" => Weekday::Thu,
        "fri" | "friday" | "vr" | "vrijdag" => Weekday::Fri,
        "sat" | "saturday" | "za" | "zaterdag" => Weekday::Sat,
        "sun" | "sunday" | "zo" | "zondag" => Weekday::Sun,
        _ => return None,
    })
}

/// `2024-11-01` (year first) or `1-11-2024` (Dutch, year last).
fn parse_numeric_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (year, month, day) = if a.len() == 4 && (1..=2).contains(&c.len()) {
        (a, b, c)
    } else if c.len() == 4 && (1..=2).contains(&a.len()) {
        (c, b, a)
    } else {
        return None;
    };
    if !(1..=2).contains(&month.len()) {
        return None;
    }
    NaiveDate::from_ymd_opt(number(year)?, number(month)?, number(day)?)
}

/// Parses ASCII digits only; `str::parse` would also accept a leading `+`.
fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `19:30` or `19:30:15`; the hour may have one digit.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let mut parts = s.split(':');
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

/// Parses a date and a time, e.g. `2024-10-16T19:30` or `vr 19:30`.
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
    let by_space = trimmed
        .rsplit_once(char::is_whitespace)
        .map(|(date, time)| (date.trim_end(), time));
    // `T` as separator: the last one, since `tue`/`tomorrow` contain a `t` too.
    let by_t = trimmed
        .rfind(['t', 'T'])
        .map(|at| (&trimmed[..at], &trimmed[at + 1..]));
    for (date, time) in by_space.into_iter().chain(by_t) {
        if let Some(time) = parse_time(time) {
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
    fn impossible_dates_are_errors() {
        for s in [
            "31-02-2024",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0-1-2024",
        ] {
            assert_eq!(p(s), Err(DateError::NotADate(s.into())), "{s}");
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
            "24-11-01",
            "1-11-24",
            "2024-+1-01",
            "2024-011-01",
            "+",
            "+d",
            "+14",
            "+14x",
            "+-1d",
            "++1d",
            "+1.5d",
            "next week",
            "frid",
            "2024/11/01",
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
            "1899-12-31",
            "2201-01-01",
            "1-1-0202",
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
        let msg = p("31-02-2024").unwrap_err().to_string();
        assert_eq!(
            msg,
            "not a date: \"31-02-2024\" (use 2024-11-01, 1-11-2024, +14d, +2w, +3m, today, \
             tomorrow, or a weekday such as fri / vr)"
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
            assert!(
                err.to_string()
                    .contains("give a time, e.g. 2024-10-16T19:30")
            );
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
            Err(DateError::NotADate("31-02-2024".into()))
        );
        assert_eq!(
            parse_datetime("+999999999d 19:30", today()),
            Err(DateError::OutOfRange("+999999999d".into()))
        );
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
        fn iso_and_dutch_round_trip(y in 0i32..=9999, m in 1u32..=12, day in 1u32..=31) {
            // Generated day-by-day rather than filtered, so impossible dates are tested too.
            let want = NaiveDate::from_ymd_opt(y, m, day)
                .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()));
            prop_assert_eq!(parse_date(&format!("{y:04}-{m:02}-{day:02}"), today()).ok(), want);
            prop_assert_eq!(parse_date(&format!("{day}-{m}-{y:04}"), today()).ok(), want);
        }

        #[test]
        fn relative_days_are_exact(n in 0u32..100_000, today in any_date()) {
            let want = today
                .checked_add_days(Days::new(u64::from(n)))
                .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()));
            prop_assert_eq!(parse_date(&format!("+{n}d"), today).ok(), want);
        }
    }
}

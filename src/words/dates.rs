//! Refused dates and times in words: a [`DateError`] said in English or Dutch, and
//! the echo a date field shows under what is typed.

use super::Lang;
use crate::domain::dates::{
    DateError, FIRST_YEAR, LAST_YEAR, Misread, describe, describe_datetime, parse_date,
    parse_datetime, short, weekday_name,
};
use std::fmt;

/// Example forms in messages: relative words only, so an example is never a past date.
const DATE_FORMS_EN: &str = "e.g. 15 dec, 15-12, vr / fri, morgen, +2w, over 3 weken, eind maart";
const DATE_FORMS_NL: &str = "bijv. 15 dec, 15-12, vr, morgen, +2w, over 3 weken, eind maart";
const DATETIME_FORMS_EN: &str = "e.g. vr 19:30, 15 dec 19.30 uur, morgen 10:00";
const DATETIME_FORMS_NL: &str = "bijv. vr 19:30, 15 dec 19.30 uur, morgen 10:00";

/// `e` in `l`. The input is quoted as Rust quotes it, so control characters show
/// escaped and never reach the terminal.
pub fn say(e: &DateError, l: Lang) -> String {
    use DateError as E;
    match (e, l) {
        (E::NotADate(input), Lang::En) => format!("not a date: {input:?} ({DATE_FORMS_EN})"),
        (E::NotADate(input), Lang::Nl) => format!("geen datum: {input:?} ({DATE_FORMS_NL})"),
        (E::Impossible(input, read), Lang::En) => {
            format!("not a date: {input:?}: {}", misread(read, l))
        }
        (E::Impossible(input, read), Lang::Nl) => {
            format!("geen datum: {input:?}: {}", misread(read, l))
        }
        (E::OutOfRange(input), Lang::En) => {
            format!("date out of range: {input:?} (only years {FIRST_YEAR}-{LAST_YEAR})")
        }
        (E::OutOfRange(input), Lang::Nl) => {
            format!("datum buiten bereik: {input:?} (alleen de jaren {FIRST_YEAR}-{LAST_YEAR})")
        }
        (E::MissingTime(input), Lang::En) => {
            format!("no time in {input:?}: give a time, {DATETIME_FORMS_EN}")
        }
        (E::MissingTime(input), Lang::Nl) => {
            format!("geen tijd in {input:?}: geef een tijd, {DATETIME_FORMS_NL}")
        }
        (E::NotADateTime(input), Lang::En) => {
            format!("not a date and time: {input:?} ({DATETIME_FORMS_EN})")
        }
        (E::NotADateTime(input), Lang::Nl) => {
            format!("geen datum en tijd: {input:?} ({DATETIME_FORMS_NL})")
        }
    }
}

/// What was read of a refused date, and an example that would do.
fn misread(read: &Misread, l: Lang) -> String {
    let en = l == Lang::En;
    match read {
        Misread::WrongWeekday { date, want } => {
            if en {
                format!(
                    "read {}, which is not a {}; e.g. {}",
                    describe(*date, false),
                    weekday_name(*want, false),
                    describe(*date, true)
                )
            } else {
                format!(
                    "gelezen als {}, maar dat is geen {}; bijv. {}",
                    describe(*date, true),
                    weekday_name(*want, true),
                    describe(*date, true)
                )
            }
        }
        Misread::NoSuchDay {
            day,
            month,
            year,
            example,
        } => {
            let year = year.map(|y| format!(" in {y}")).unwrap_or_default();
            if en {
                format!(
                    "read as day {day} of month {month}{year}, which does not exist; e.g. {}",
                    short(*example)
                )
            } else {
                format!(
                    "gelezen als dag {day} van maand {month}{year}, maar die dag bestaat niet; bijv. {}",
                    short(*example)
                )
            }
        }
        Misread::ShortYear { year, example } => {
            if en {
                format!(
                    "read the year as {year}; write all four digits, e.g. {} {}",
                    short(*example),
                    chrono::Datelike::year(example)
                )
            } else {
                format!(
                    "het jaar gelezen als {year}; schrijf alle vier cijfers, bijv. {} {}",
                    short(*example),
                    chrono::Datelike::year(example)
                )
            }
        }
        Misread::TwoDigitYear { day, month, year } => {
            if en {
                format!(
                    "read day {day}, month {month} and a two-digit year; write the year in full, \
                     e.g. {day}-{month}-20{year}"
                )
            } else {
                format!(
                    "gelezen als dag {day}, maand {month} en een jaar van twee cijfers; schrijf \
                     het jaar voluit, bijv. {day}-{month}-20{year}"
                )
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(self, Lang::En))
    }
}

/// The echo a field shows under what is typed: `→ vr 4 dec 2026`, or the refusal.
/// Empty input shows nothing.
pub fn echo(input: &str, today: chrono::NaiveDate, l: Lang) -> String {
    if input.trim().is_empty() {
        return String::new();
    }
    match parse_date(input, today) {
        Ok(d) => format!("→ {}", describe(d, l == Lang::Nl)),
        Err(e) => format!("✗ {}", say(&e, l)),
    }
}

/// [`echo`] for a date and time (a meeting's start).
pub fn echo_datetime(input: &str, today: chrono::NaiveDate, l: Lang) -> String {
    if input.trim().is_empty() {
        return String::new();
    }
    match parse_datetime(input, today) {
        Ok(d) => format!("→ {}", describe_datetime(d, l == Lang::Nl)),
        Err(e) => format!("✗ {}", say(&e, l)),
    }
}

/// Every kind of date refusal, each way it is said: for the test that every problem
/// is said in both languages.
#[cfg(test)]
pub(super) fn examples() -> Vec<DateError> {
    use chrono::{NaiveDate, Weekday};
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let e = |read| DateError::Impossible("31 feb".into(), read);
    let all = vec![
        DateError::NotADate("soon".into()),
        DateError::OutOfRange("+99999w".into()),
        DateError::MissingTime("vr".into()),
        DateError::NotADateTime("vr 25:00".into()),
        e(Misread::WrongWeekday {
            date: day(2026, 12, 5),
            want: Weekday::Fri,
        }),
        e(Misread::NoSuchDay {
            day: 31,
            month: 2,
            year: None,
            example: day(2026, 1, 22),
        }),
        e(Misread::NoSuchDay {
            day: 31,
            month: 2,
            year: Some(2026),
            example: day(2026, 1, 22),
        }),
        e(Misread::ShortYear {
            year: 26,
            example: day(2026, 1, 15),
        }),
        e(Misread::TwoDigitYear {
            day: "1".into(),
            month: "11".into(),
            year: "24".into(),
        }),
    ];
    // A match with no wildcard: a new kind breaks this until it is above.
    for x in &all {
        match x {
            DateError::NotADate(_)
            | DateError::OutOfRange(_)
            | DateError::MissingTime(_)
            | DateError::NotADateTime(_) => {}
            DateError::Impossible(_, read) => match read {
                Misread::WrongWeekday { .. }
                | Misread::NoSuchDay { .. }
                | Misread::ShortYear { .. }
                | Misread::TwoDigitYear { .. } => {}
            },
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_shows_the_date_read_or_the_refusal() {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 10, 16).unwrap();
        assert_eq!(echo("vr", today, Lang::Nl), "→ vr 18 okt 2024");
        assert_eq!(echo("  ", today, Lang::Nl), "");
        assert!(echo("31 feb", today, Lang::En).starts_with("✗ not a date"));
        assert!(echo("31 feb", today, Lang::Nl).starts_with("✗ "));
        assert_eq!(
            echo_datetime("vr 19.30 uur", today, Lang::Nl),
            "→ vr 18 okt 2024 19:30"
        );
    }

    #[test]
    fn english_is_as_it_was() {
        let [
            not,
            range,
            time,
            datetime,
            weekday,
            no_day,
            no_day_year,
            short_year,
            two,
        ] = &examples()[..]
        else {
            panic!("nine examples")
        };
        let en = |e| say(e, Lang::En);
        assert_eq!(
            en(not),
            "not a date: \"soon\" (e.g. 15 dec, 15-12, vr / fri, morgen, +2w, over 3 weken, eind maart)"
        );
        assert_eq!(
            en(range),
            "date out of range: \"+99999w\" (only years 1900-2200)"
        );
        assert_eq!(
            en(time),
            "no time in \"vr\": give a time, e.g. vr 19:30, 15 dec 19.30 uur, morgen 10:00"
        );
        assert!(en(datetime).starts_with("not a date and time: \"vr 25:00\" (e.g. vr 19:30"));
        assert_eq!(
            en(weekday),
            "not a date: \"31 feb\": read Sat 5 Dec 2026, which is not a Fri; e.g. za 5 dec 2026"
        );
        assert!(
            en(no_day).ends_with("read as day 31 of month 2, which does not exist; e.g. 22 jan")
        );
        assert!(en(no_day_year).contains("day 31 of month 2 in 2026, which"));
        assert!(en(short_year).ends_with("write all four digits, e.g. 15 jan 2026"));
        assert!(en(two).ends_with("write the year in full, e.g. 1-11-2024"));
    }

    #[test]
    fn dutch_says_the_same_in_dutch() {
        let all = examples();
        let nl: Vec<String> = all.iter().map(|e| say(e, Lang::Nl)).collect();
        assert!(
            nl[0].starts_with("geen datum: \"soon\" (bijv. 15 dec"),
            "{}",
            nl[0]
        );
        assert_eq!(
            nl[4],
            "geen datum: \"31 feb\": gelezen als za 5 dec 2026, maar dat is geen vrijdag; bijv. za 5 dec 2026"
        );
        assert!(
            nl[6].contains("dag 31 van maand 2 in 2026, maar die dag bestaat niet; bijv. 22 jan")
        );
        assert!(
            nl[8].ends_with("schrijf het jaar voluit, bijv. 1-11-2024"),
            "{}",
            nl[8]
        );
    }

    #[test]
    fn the_echo_is_in_the_language_of_the_screen() {
        let today = chrono::NaiveDate::from_ymd_opt(2024, 10, 16).unwrap();
        assert_eq!(echo("vr", today, Lang::Nl), "→ vr 18 okt 2024");
        assert_eq!(echo("vr", today, Lang::En), "→ Fri 18 Oct 2024");
        assert_eq!(echo(" ", today, Lang::Nl), "");
        assert!(
            echo("31 feb", today, Lang::Nl)
                .starts_with("✗ geen datum: \"31 feb\": gelezen als dag 31")
        );
        assert!(
            echo("31 feb", today, Lang::En).starts_with("✗ not a date: \"31 feb\": read as day 31")
        );
        assert!(echo_datetime("vr", today, Lang::Nl).starts_with("✗ geen tijd in \"vr\""));
        assert_eq!(
            echo_datetime("vr 19.30 uur", today, Lang::En),
            "→ Fri 18 Oct 2024 19:30"
        );
    }
}

//! What the minutes editor shows of the syntax: the prefixes of both languages, the
//! tokens, and date examples made from today, so that every example is a date to come.

use crate::domain::dates::{describe, parse_date};
use chrono::{Datelike, Days, Months, NaiveDate};

/// The prefixes a line may start with, per kind: Dutch and English words, then the
/// one-letter forms.
pub const PREFIXES: &[(&str, &[&str])] = &[
    ("decision", &["Besluit:", "Decision:", "B:", "D:"]),
    ("action", &["Actie:", "Action:", "A:"]),
    ("commitment", &["Toezegging:", "Commitment:", "T:", "C:"]),
    ("signal", &["Signaal:", "Signal:", "S:"]),
    ("question", &["Vraag:", "Question:", "V:", "Q:"]),
];

/// The tokens, as typed.
pub const TOKENS: &[(&str, &str)] = &[
    ("owner", "@ingrid  @P-4  @DSO"),
    ("org", "org:Duinoord  org:\"Wijk X\""),
    ("theme", "#verkeer"),
];

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const MONTHS_NL_FULL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as one may type it, and the day it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExample {
    pub typed: String,
    pub date: NaiveDate,
    /// How the date is shown back: `vr 18 dec 2026`.
    pub shown: String,
}

/// Date examples for the syntax help, all after `today`: a day and month, a day-month,
/// a weekday, a count of weeks and the end of a month. Each is read back with the one
/// date grammar, so an example the grammar would not take is never shown.
pub fn date_examples(today: NaiveDate, dutch: bool) -> Vec<DateExample> {
    let months = if dutch { &MONTHS_NL } else { &MONTHS_EN };
    let in_month = |n: u32| today.checked_add_months(Months::new(n)).unwrap_or(today);
    let later = today.checked_add_days(Days::new(24)).unwrap_or(today);
    let two = in_month(2);
    let three = in_month(3);
    let typed = vec![
        format!("15 {}", months[two.month0() as usize]),
        format!("{}-{}", later.day(), later.month()),
        if dutch { "vr".into() } else { "fri".into() },
        if dutch {
            "binnen twee weken".into()
        } else {
            "+2w".into()
        },
        format!("eind {}", MONTHS_NL_FULL[three.month0() as usize]),
    ];
    typed
        .into_iter()
        .filter_map(|t| {
            let date = parse_date(&t, today).ok().filter(|d| *d > today)?;
            Some(DateExample {
                shown: describe(date, dutch),
                typed: t,
                date,
            })
        })
        .collect()
}

/// A whole line as an example: a commitment to an organisation with its date said in
/// words, the date to come.
pub fn example_line(today: NaiveDate, dutch: bool) -> String {
    let two = today.checked_add_months(Months::new(2)).unwrap_or(today);
    if dutch {
        let day = format!("1 {}", MONTHS_NL_FULL[two.month0() as usize]);
        format!("Toezegging org:Duinoord @ingrid: nieuwe lampen voor {day}")
    } else {
        format!(
            "Commitment org:Duinoord @ingrid: new street lights due:1-{}",
            two.month()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::minutes::{EntryKind, parse_line};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_example_is_a_date_to_come() {
        for today in [
            d(2026, 12, 4),
            d(2026, 12, 31),
            d(2027, 2, 28),
            d(2028, 2, 29),
            d(2027, 6, 15),
        ] {
            for dutch in [true, false] {
                let ex = date_examples(today, dutch);
                assert!(ex.len() >= 4, "{today} {dutch}: {ex:?}");
                for e in &ex {
                    assert!(e.date > today, "{today}: {e:?}");
                    assert_eq!(parse_date(&e.typed, today), Ok(e.date));
                }
                let line = parse_line(&example_line(today, dutch), today);
                assert_eq!(line.kind, EntryKind::Commitment);
                let due = line.due().expect("the example says its date");
                assert!(due > today, "{today}: {due}");
                assert_eq!(line.orgs(), ["Duinoord"]);
            }
        }
    }

    #[test]
    fn every_prefix_shown_is_understood() {
        let today = d(2026, 12, 4);
        for (kind, prefixes) in PREFIXES {
            for p in *prefixes {
                let parsed = parse_line(&format!("{p} iets"), today);
                assert_eq!(parsed.kind.code(), *kind, "{p}");
            }
        }
    }
}

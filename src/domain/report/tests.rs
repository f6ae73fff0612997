//! Unit tests of the pure figures.

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

fn sig(id: i64, received: &str, first: Option<(&str, &str)>, due: &str, open: bool) -> LoopSignal {
    LoopSignal {
        id,
        received_on: d(received),
        district: Some("Centrum".into()),
        theme: Some("verkeer".into()),
        open,
        first_due: Some(d(due)),
        first_feedback: first.map(|(g, due)| (d(g), Some(d(due)))),
        answered_on: None,
        ..LoopSignal::default()
    }
}

/// The signals behind a key, selected one by one.
fn records(
    signals: &[LoopSignal],
    key: &str,
    filter: &ReportFilter,
    today: NaiveDate,
) -> Option<Vec<i64>> {
    Some(loop_selection(key, filter, today)?.select(signals))
}

#[test]
fn feedback_on_time_counts_first_feedback_against_its_due_date() {
    let today = d("2024-10-31");
    let signals = vec![
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
    ];
    let f = ReportFilter::default();
    let facts = LoopFacts::from_signals(today, f.clone(), &signals);
    let r = facts.report(Lang::En);
    assert_eq!(r.feedback_on_time.on_time, 2);
    assert_eq!(r.feedback_on_time.late, 1);
    assert_eq!(r.feedback_on_time.overdue, 1);
    assert_eq!(r.feedback_on_time.counted, 4);
    assert_eq!(r.feedback_on_time.percent, Some(50.0));
    // 14, 9 and 19 days to first feedback.
    assert_eq!(r.median_days_to_first_feedback, Some(14.0));
    assert_eq!(r.open, 3);
    let recs = |key: &str| records(&signals, key, &f, today);
    assert_eq!(recs("loop.late"), Some(vec![3]));
    assert_eq!(recs("loop.overdue"), Some(vec![4]));
    assert_eq!(recs("loop.open.age:0-14"), Some(vec![5]));
    assert_eq!(recs("loop.open.age:15-30"), Some(vec![2, 4]));
    assert_eq!(recs("loop.open.age:nonsense"), Some(vec![]));
    assert_eq!(recs("loop.month.counted:2024-1"), Some(vec![]));
    assert_eq!(recs("loop.week.received:2024-W40"), Some(vec![1, 2, 3, 4]));
    assert_eq!(recs("nonsense"), None);
}

/// Every figure of a loop report from `signals` lists as many signals as it shows.
fn assert_keys_resolve(signals: &[LoopSignal], f: &ReportFilter, today: NaiveDate, lang: Lang) {
    let r = LoopFacts::from_signals(today, f.clone(), signals).report(lang);
    let mut keys = 0;
    for t in r.tables(lang, Rows::All) {
        for row in &t.rows {
            for c in row {
                if let Some(k) = &c.key {
                    let ids = records(signals, k, f, today).unwrap_or_else(|| panic!("{k}"));
                    let n: usize = c.text.parse().unwrap_or_else(|_| panic!("{k}: {}", c.text));
                    assert_eq!(ids.len(), n, "{k} with {f:?}");
                    keys += 1;
                }
            }
        }
    }
    assert!(keys > 10, "{keys}");
}

#[test]
fn tables_carry_keys_that_resolve() {
    let signals = vec![sig(
        1,
        "2024-10-01",
        Some(("2024-10-15", "2024-10-15")),
        "2024-10-15",
        true,
    )];
    assert_keys_resolve(
        &signals,
        &ReportFilter::default(),
        d("2024-10-31"),
        Lang::Nl,
    );
}

/// Many signals of every kind over two years, from a fixed sequence.
fn varied_signals() -> Vec<LoopSignal> {
    let start = d("2023-01-01");
    let mut x: u64 = 7;
    let mut next = |n: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % n
    };
    let districts = [None, Some(""), Some("Centrum"), Some("Escamp")];
    let themes = [None, Some("groen"), Some("verkeer")];
    (1..=400)
        .map(|id| {
            let received_on = start + Duration::days(next(700) as i64);
            let due = received_on + Duration::days(next(40) as i64);
            let first_feedback = match next(4) {
                0 => None,
                1 => Some((received_on + Duration::days(next(60) as i64), None)),
                _ => Some((
                    received_on + Duration::days(next(60) as i64) - Duration::days(3),
                    Some(due),
                )),
            };
            let answered_on = first_feedback
                .filter(|_| next(2) == 0)
                .map(|(g, _)| g + Duration::days(next(30) as i64));
            LoopSignal {
                id,
                received_on,
                district: districts[next(4) as usize].map(str::to_string),
                theme: themes[next(3) as usize].map(str::to_string),
                open: next(2) == 0,
                first_due: (next(10) > 0).then_some(due + Duration::days(next(20) as i64)),
                first_feedback,
                answered_on,
                service: [
                    None,
                    Some((3, "DSO".to_string())),
                    Some((4, "DSB".to_string())),
                ][next(3) as usize]
                    .clone(),
                org: Some((10 + next(3) as i64, "Wijkberaad".to_string())),
                due_moves: if next(3) == 0 {
                    1 + next(3) as usize
                } else {
                    0
                },
                due_moved_days: next(40) as i64,
                in_inbox: next(3) > 0,
                due_now: Some(due + Duration::days(next(60) as i64 - 20)),
            }
        })
        .collect()
}

#[test]
fn every_figure_lists_its_signals_for_every_period() {
    let signals = varied_signals();
    let today = d("2024-09-15");
    let periods = [
        (None, None),
        (Some("2024-01-01"), Some("2024-06-30")),
        (Some("2023-03-15"), None),
        (None, Some("2023-12-31")),
        (Some("2024-09-01"), Some("2024-12-31")),
    ];
    for (from, to) in periods {
        let f = ReportFilter {
            from: from.map(d),
            to: to.map(d),
            ..Default::default()
        };
        assert_keys_resolve(&signals, &f, today, Lang::En);
    }
}

#[test]
fn median_of_counts_is_the_median_of_the_values() {
    let cases: [&[i64]; 6] = [
        &[],
        &[5],
        &[9, 1, 5],
        &[1, 2, 3, 10],
        &[4, 4, 8, 8],
        &[0, 0, 0, 7, 7, 30, 2],
    ];
    for values in cases {
        let mut counts: std::collections::BTreeMap<i64, usize> = Default::default();
        for v in values {
            *counts.entry(*v).or_default() += 1;
        }
        let counts: Vec<(i64, usize)> = counts.into_iter().rev().collect();
        assert_eq!(median_of_counts(&counts), median(values), "{values:?}");
    }
    assert_eq!(median_of_counts(&[(3, 0)]), None);
}

#[test]
fn age_buckets_as_days_received() {
    let today = d("2024-10-31");
    for days in 0..200 {
        let received = today - Duration::days(days);
        for b in AgeBucket::ALL {
            assert_eq!(
                b.received_range(today).contains(received),
                AgeBucket::of(days) == b,
                "{days} days, {b:?}"
            );
        }
    }
}

#[test]
fn date_ranges() {
    let r = DateRange::between(d("2024-10-01"), d("2024-10-31"));
    assert!(r.contains(d("2024-10-01")) && r.contains(d("2024-10-31")));
    assert!(!r.contains(d("2024-11-01")));
    let open = DateRange::default();
    assert_eq!(r.and(open), r);
    assert_eq!(
        r.and(DateRange::until(d("2024-10-10"))),
        DateRange::between(d("2024-10-01"), d("2024-10-10"))
    );
    assert!(r.and(DateRange::until(d("2024-09-01"))).is_empty());
    assert!(DateRange::empty().and(open).is_empty());
    assert!(!open.is_empty());
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

#[test]
fn a_period_splits_into_whole_months_and_the_days_around_them() {
    let r = |f: &str, t: &str| DateRange::between(d(f), d(t));
    let split = r("2024-01-15", "2024-04-10").by_whole_months();
    assert_eq!(split.head, r("2024-01-15", "2024-01-31"));
    assert_eq!(split.months, r("2024-02-01", "2024-03-01"));
    assert_eq!(split.tail, r("2024-04-01", "2024-04-10"));
    // Whole months from end to end: nothing around them.
    let split = r("2024-02-01", "2024-02-29").by_whole_months();
    assert!(split.head.is_empty() && split.tail.is_empty());
    assert_eq!(split.months, r("2024-02-01", "2024-02-01"));
    // Within one month, or over two partial ones: days only.
    for (f, t) in [("2024-02-02", "2024-02-28"), ("2024-02-10", "2024-03-20")] {
        let split = r(f, t).by_whole_months();
        assert_eq!(split.head, r(f, t));
        assert!(split.months.is_empty() && split.tail.is_empty());
    }
    // Open ends: every month before (or after) is whole.
    let split = DateRange::until(d("2024-03-15")).by_whole_months();
    assert!(split.head.is_empty());
    assert_eq!(split.months, DateRange::until(d("2024-02-01")));
    assert_eq!(split.tail, r("2024-03-01", "2024-03-15"));
    let split = DateRange::default().by_whole_months();
    assert_eq!(split.months, DateRange::default());
    assert!(split.head.is_empty() && split.tail.is_empty());
    let split = DateRange::empty().by_whole_months();
    assert!(split.head.is_empty() && split.months.is_empty() && split.tail.is_empty());
}

proptest::proptest! {
    /// Every day of a period lies in exactly one part of its split, and only days of
    /// the period do; the months' part holds only months wholly inside.
    #[test]
    fn a_month_split_covers_each_day_of_the_period_once(
        from in proptest::option::of(0i64..900),
        len in -40i64..900,
        open_end in proptest::bool::ANY,
    ) {
        let base = d("2023-11-20");
        let from_day = from.map(|f| base + Duration::days(f));
        let to = if open_end { None } else { Some(from_day.unwrap_or(base) + Duration::days(len)) };
        let range = DateRange::new(from_day, to);
        let split = range.by_whole_months();
        for k in -60i64..1000 {
            let day = base + Duration::days(k);
            let parts = [
                split.head.contains(day) && !split.head.is_empty(),
                split.months.contains(month_start(day)) && !split.months.is_empty(),
                split.tail.contains(day) && !split.tail.is_empty(),
            ];
            let times = parts.iter().filter(|p| **p).count();
            proptest::prop_assert_eq!(times, usize::from(range.contains(day) && !range.is_empty()),
                "{} in {:?}: {:?}", day, range, split);
        }
    }
}

/// A screen's tables lay out only the first rows of a long list and count the rest;
/// what they lay out is what the command line prints first.
#[test]
fn the_first_rows_of_a_long_list_are_those_of_the_whole() {
    let today = d("2024-10-31");
    let signals: Vec<LoopSignal> = (1..=9)
        .map(|id| LoopSignal {
            org: Some((id, format!("Bewoners {}", 10 - id))),
            service: Some((100 + id % 2, format!("Dienst {}", id % 2))),
            due_moves: 1,
            due_moved_days: id,
            ..sig(id, "2024-10-01", None, "2024-10-15", true)
        })
        .collect();
    let r = LoopFacts::from_signals(today, ReportFilter::default(), &signals).report(Lang::En);
    let whole = r.tables(Lang::En, Rows::All);
    let first = r.tables(Lang::En, Rows::First(4));
    assert_eq!(whole.len(), first.len());
    for (w, f) in whole.iter().zip(&first) {
        assert_eq!(w.more, 0, "{}", w.title);
        assert_eq!(f.rows.len() + f.more, w.rows.len(), "{}", f.title);
        assert_eq!(f.rows[..], w.rows[..f.rows.len()], "{}", f.title);
    }
    let per_org = first.last().expect("moved per organisation");
    assert_eq!((per_org.rows.len(), per_org.more), (4, 5));
    assert_eq!(per_org.rows[0][1].text, "Bewoners 1");
}

//! Report figures on a small hand-built dataset with known answers, for every report
//! and every filter; and the records behind every figure add up to the figure.

mod support;

use chrono::NaiveDate;
use support::TempDb;
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::report::{Lang, ReportFilter, Rows};
use wijkdesk::store::{
    AnyReport, Channel, NewCommitment, NewFeedback, NewMeeting, NewOrg, NewSignal, Owner,
    ReportKind, Store, Triage,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The report day.
fn t() -> NaiveDate {
    d("2024-10-31")
}

/// IDs of the dataset's records.
struct Ids {
    a: i64,
    b: i64,
    c: i64,
    d: i64,
    e: i64,
    dso: i64,
    dsb: i64,
    s: Vec<i64>,  // s[1]..s[9]
    c_: Vec<i64>, // c_[1]..c_[7]
    m: Vec<i64>,  // m[1]..m[6]
}

fn at(store: &mut Store, day: &str) {
    store.set_as_of(Some(d(day)), t());
}

fn org(
    store: &mut Store,
    name: &str,
    kind: &str,
    district: Option<&str>,
    cadence: i64,
    short: Option<&str>,
) -> i64 {
    store
        .add_org(NewOrg {
            name: name.into(),
            short_name: short.map(str::to_string),
            kind: Some(kind.into()),
            district: district.map(str::to_string),
            cadence_per_year: Some(cadence),
            ..Default::default()
        })
        .expect("org")
        .id
}

fn signal(store: &mut Store, org: i64, theme: &str, received: &str) -> i64 {
    at(store, received);
    store
        .add_signal(NewSignal {
            title: format!("Signaal {theme} {received}"),
            org_id: Some(org),
            theme: Some(theme.into()),
            received_on: Some(d(received)),
            ..Default::default()
        })
        .expect("signal")
        .id
}

fn triage(store: &mut Store, s: i64, service: i64, day: &str) {
    at(store, day);
    store
        .triage(
            s,
            Triage {
                owner: Some(Owner {
                    person_id: None,
                    org_id: Some(service),
                }),
                ..Default::default()
            },
            None,
        )
        .expect("triage");
}

fn feedback(store: &mut Store, s: i64, day: &str, is_final: bool, next_due: Option<&str>) {
    at(store, day);
    store
        .add_feedback(
            s,
            NewFeedback {
                channel: Channel::Email,
                text: format!("Terugkoppeling {day}"),
                is_final,
                next_due: next_due.map(d),
            },
            None,
        )
        .expect("feedback");
}

fn commitment(
    store: &mut Store,
    org: i64,
    service: Option<i64>,
    due: &str,
    signal: Option<i64>,
) -> i64 {
    at(store, "2024-09-01");
    store
        .add_commitment(NewCommitment {
            text: format!("Toezegging {due}"),
            org_id: org,
            owner: Owner {
                person_id: None,
                org_id: service,
            },
            due: d(due),
            signal_id: signal,
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("commitment")
        .id
}

fn meeting(store: &mut Store, day: &str, orgs: &[i64]) -> i64 {
    at(store, "2024-06-01");
    store
        .add_meeting(NewMeeting {
            title: format!("Overleg {day}"),
            starts_at: Some(d(day).and_hms_opt(19, 30, 0).expect("time")),
            org_ids: orgs.to_vec(),
            ..Default::default()
        })
        .expect("meeting")
        .id
}

/// The dataset; the comments give each record's part in the answers.
fn build(store: &mut Store) -> Ids {
    at(store, "2024-05-01");
    let a = org(
        store,
        "Wijkberaad Noord",
        "residents",
        Some("Centrum"),
        2,
        None,
    );
    let b = org(
        store,
        "Bewoners Zuid",
        "residents",
        Some("Escamp"),
        12,
        None,
    );
    let c = org(store, "Buurt West", "residents", Some("Centrum"), 2, None);
    let d_ = org(
        store,
        "Vereniging Oost",
        "residents",
        Some("Escamp"),
        2,
        None,
    );
    let e = org(
        store,
        "Wijkraad Haven",
        "residents",
        Some("Centrum"),
        6,
        None,
    );
    let dso = org(
        store,
        "Dienst Stedelijke Ontwikkeling",
        "service",
        None,
        0,
        Some("DSO"),
    );
    let dsb = org(store, "Dienst Stadsbeheer", "service", None, 0, Some("DSB"));

    let mut s = vec![0];
    // S1: A, verkeer, received 09-02 (due 09-16), DSO; final feedback 09-10: on time, 8 days.
    s.push(signal(store, a, "verkeer", "2024-09-02"));
    triage(store, s[1], dso, "2024-09-03");
    feedback(store, s[1], "2024-09-10", true, None);
    // S2: A, groen, 09-02 (due 09-16), DSB; interim 09-16 (on the due date) promising 10-15; final 10-10.
    s.push(signal(store, a, "groen", "2024-09-02"));
    triage(store, s[2], dsb, "2024-09-03");
    feedback(store, s[2], "2024-09-16", false, Some("2024-10-15"));
    feedback(store, s[2], "2024-10-10", true, None);
    // S3: B, verkeer, 09-02 (due 09-16), DSO; final 09-20: late, 18 days.
    s.push(signal(store, b, "verkeer", "2024-09-02"));
    triage(store, s[3], dso, "2024-09-03");
    feedback(store, s[3], "2024-09-20", true, None);
    // S4: B, verkeer, 09-20 (due 10-04), DSO; no feedback: past due. Open, 41 days old.
    s.push(signal(store, b, "verkeer", "2024-09-20"));
    triage(store, s[4], dso, "2024-09-21");
    // S5: A, groen, 10-25 (due 11-08); new, not yet due: not counted. Open, 6 days old.
    s.push(signal(store, a, "groen", "2024-10-25"));
    // S6: C, verkeer, 10-10 (due 10-24), DSB; interim 10-12: on time, 2 days. Open, 21 days old.
    s.push(signal(store, c, "verkeer", "2024-10-10"));
    triage(store, s[6], dsb, "2024-10-11");
    feedback(store, s[6], "2024-10-12", false, None);
    // S7: B, groen, 06-01 (due 06-15); new, no feedback: past due. Open, 152 days old.
    s.push(signal(store, b, "groen", "2024-06-01"));
    // S8: A, verkeer, 09-05 (due 09-19), DSO; final 09-19: on time, 14 days.
    s.push(signal(store, a, "verkeer", "2024-09-05"));
    triage(store, s[8], dso, "2024-09-06");
    feedback(store, s[8], "2024-09-19", true, None);
    // S9: A, verkeer, 09-03 (due 09-17), merged into S4 on 09-22: A is still owed its
    // answer, and S4 has none yet, so S9 counts as open and past due, like any signal.
    s.push(signal(store, a, "verkeer", "2024-09-03"));
    at(store, "2024-09-22");
    store.merge_signal(s[9], s[4], true, None).expect("merge");

    let mut c_ = vec![0];
    // C1: A, DSO, due 09-30, kept 09-25: on time.
    c_.push(commitment(store, a, Some(dso), "2024-09-30", None));
    at(store, "2024-09-25");
    store.keep_commitment(c_[1], None).expect("keep");
    // C2: A, DSO, due 09-30, kept 10-05: late.
    c_.push(commitment(store, a, Some(dso), "2024-09-30", None));
    at(store, "2024-10-05");
    store.keep_commitment(c_[2], None).expect("keep");
    // C3: B, DSB, due 10-15, broken 10-20.
    c_.push(commitment(store, b, Some(dsb), "2024-10-15", None));
    at(store, "2024-10-20");
    store
        .break_commitment(c_[3], "Aannemer viel uit", "Voortaan een reserve", None)
        .expect("break");
    // C4: B, DSO, due 10-20, open: overdue.
    c_.push(commitment(store, b, Some(dso), "2024-10-20", None));
    // C5: A, no service, due 11-15, open.
    c_.push(commitment(store, a, None, "2024-11-15", None));
    // C6: C, DSB, due 10-10, withdrawn 10-01.
    c_.push(commitment(store, c, Some(dsb), "2024-10-10", None));
    at(store, "2024-10-01");
    store
        .withdraw_commitment(c_[6], "Niet meer nodig", None)
        .expect("withdraw");
    // C7: A, DSO, due 10-10, from S1 (verkeer), kept 10-10: on time.
    c_.push(commitment(store, a, Some(dso), "2024-10-10", Some(s[1])));
    at(store, "2024-10-10");
    store.keep_commitment(c_[7], None).expect("keep");

    let mut m = vec![0];
    // M1: E, 08-01, held and attended: E's last contact.
    m.push(meeting(store, "2024-08-01", &[e]));
    // M2: A and B, 10-15, planned.
    m.push(meeting(store, "2024-10-15", &[a, b]));
    // M3: A and DSO, 09-10, planned.
    m.push(meeting(store, "2024-09-10", &[a, dso]));
    // M4: A, 11-05: after the report day.
    m.push(meeting(store, "2024-11-05", &[a]));
    // M5: A, 10-20, held, attendance not taken: A's last meeting (A was invited).
    m.push(meeting(store, "2024-10-20", &[a]));
    // M6: B, 10-25, held, B absent: no contact, but B was asked.
    m.push(meeting(store, "2024-10-25", &[b]));
    at(store, "2024-10-31");
    store
        .meeting_step(m[1], MeetingEvent::Hold, None)
        .expect("hold");
    store
        .set_attendance(m[1], e, Some(true), None)
        .expect("attended");
    store
        .meeting_step(m[6], MeetingEvent::Hold, None)
        .expect("hold");
    store
        .set_attendance(m[6], b, Some(false), None)
        .expect("absent");
    store
        .meeting_step(m[5], MeetingEvent::Hold, None)
        .expect("hold");

    store.set_as_of(None, t());
    Ids {
        a,
        b,
        c,
        d: d_,
        e,
        dso,
        dsb,
        s,
        c_,
        m,
    }
}

fn setup() -> (TempDb, Store, Ids) {
    let db = TempDb::new();
    let mut store = db.open_on("anna", t());
    let ids = build(&mut store);
    assert_eq!(store.today(), t());
    (db, store, ids)
}

fn f() -> ReportFilter {
    ReportFilter::default()
}

fn sept() -> ReportFilter {
    ReportFilter {
        from: Some(d("2024-09-01")),
        to: Some(d("2024-09-30")),
        ..f()
    }
}

fn recs(store: &Store, key: &str, filter: &ReportFilter) -> Vec<String> {
    store
        .report_records(key, filter)
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn sref(ids: &Ids, n: &[usize]) -> Vec<String> {
    n.iter().map(|&i| format!("S-{}", ids.s[i])).collect()
}

fn cref(ids: &Ids, n: &[usize]) -> Vec<String> {
    n.iter().map(|&i| format!("C-{}", ids.c_[i])).collect()
}

/// (what, filter, on time, late, past due, counted, percent)
type OnTimeCase = (
    &'static str,
    ReportFilter,
    usize,
    usize,
    usize,
    usize,
    Option<f64>,
);

#[test]
fn feedback_on_time_for_every_filter() {
    let (_db, store, ids) = setup();
    // (filter, on time, late, past due, counted, percent)
    let cases: Vec<OnTimeCase> = vec![
        ("everything", f(), 4, 1, 3, 8, Some(50.0)),
        ("due in September", sept(), 3, 1, 1, 5, Some(60.0)),
        (
            "due in October",
            ReportFilter {
                from: Some(d("2024-10-01")),
                to: Some(d("2024-10-31")),
                ..f()
            },
            1,
            0,
            1,
            2,
            Some(50.0),
        ),
        (
            "theme verkeer",
            ReportFilter {
                theme: Some("#Verkeer".into()),
                ..f()
            },
            3,
            1,
            2,
            6,
            Some(50.0),
        ),
        (
            "theme groen",
            ReportFilter {
                theme: Some("groen".into()),
                ..f()
            },
            1,
            0,
            1,
            2,
            Some(50.0),
        ),
        (
            "service DSO",
            ReportFilter {
                service: Some(ids.dso),
                ..f()
            },
            2,
            1,
            1,
            4,
            Some(50.0),
        ),
        (
            "service DSB",
            ReportFilter {
                service: Some(ids.dsb),
                ..f()
            },
            2,
            0,
            0,
            2,
            Some(100.0),
        ),
        (
            "organisation A",
            ReportFilter {
                org: Some(ids.a),
                ..f()
            },
            3,
            0,
            1,
            4,
            Some(75.0),
        ),
        (
            "organisation B",
            ReportFilter {
                org: Some(ids.b),
                ..f()
            },
            0,
            1,
            2,
            3,
            Some(0.0),
        ),
        (
            "district centrum",
            ReportFilter {
                district: Some("centrum".into()),
                ..f()
            },
            4,
            0,
            1,
            5,
            Some(80.0),
        ),
        (
            "district Escamp",
            ReportFilter {
                district: Some("Escamp".into()),
                ..f()
            },
            0,
            1,
            2,
            3,
            Some(0.0),
        ),
        (
            "organisation D",
            ReportFilter {
                org: Some(ids.d),
                ..f()
            },
            0,
            0,
            0,
            0,
            None,
        ),
    ];
    for (what, filter, on, late, overdue, counted, pct) in cases {
        let r = store.loop_report(&filter, Lang::En).expect("loop report");
        let o = &r.feedback_on_time;
        assert_eq!(
            (o.on_time, o.late, o.overdue, o.counted, o.percent),
            (on, late, overdue, counted, pct),
            "{what}"
        );
    }
    assert_eq!(
        recs(&store, "loop.on_time", &sept()),
        sref(&ids, &[1, 2, 8])
    );
    assert_eq!(recs(&store, "loop.late", &f()), sref(&ids, &[3]));
    assert_eq!(recs(&store, "loop.overdue", &f()), sref(&ids, &[4, 7, 9]));
}

#[test]
fn days_to_first_feedback() {
    let (_db, store, ids) = setup();
    let median = |filter: ReportFilter| {
        let r = store.loop_report(&filter, Lang::En).expect("loop report");
        (r.median_days_to_first_feedback, r.with_first_feedback)
    };
    // 8, 14, 18, 2, 14 days.
    assert_eq!(median(f()), (Some(14.0), 5));
    // Received in September: 8, 14, 18, 14.
    assert_eq!(median(sept()), (Some(14.0), 4));
    // verkeer: 8, 18, 2, 14: the mean of the middle two.
    assert_eq!(
        median(ReportFilter {
            theme: Some("verkeer".into()),
            ..f()
        }),
        (Some(11.0), 4)
    );
    assert_eq!(
        median(ReportFilter {
            service: Some(ids.dsb),
            ..f()
        }),
        (Some(8.0), 2)
    );
    assert_eq!(
        median(ReportFilter {
            org: Some(ids.b),
            ..f()
        }),
        (Some(18.0), 1)
    );
    assert_eq!(
        median(ReportFilter {
            district: Some("Escamp".into()),
            ..f()
        }),
        (Some(18.0), 1)
    );
    assert_eq!(
        median(ReportFilter {
            org: Some(ids.d),
            ..f()
        }),
        (None, 0)
    );
    assert_eq!(
        recs(&store, "loop.first_feedback", &sept()),
        sref(&ids, &[1, 2, 3, 8])
    );
}

#[test]
fn open_signals_by_age_district_and_theme() {
    let (_db, store, ids) = setup();
    let r = store.loop_report(&f(), Lang::En).expect("loop report");
    assert_eq!(r.open, 5, "S4, S5, S6, S7 and the merged S9");
    let ages: Vec<(String, usize)> = r
        .open_by_age
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        ages,
        vec![
            ("loop.open.age:0-14".into(), 1),
            ("loop.open.age:15-30".into(), 1),
            ("loop.open.age:31-90".into(), 2),
            ("loop.open.age:90+".into(), 1)
        ]
    );
    let districts: Vec<(String, usize)> = r
        .open_by_district
        .iter()
        .map(|c| (c.label.clone(), c.count))
        .collect();
    assert_eq!(districts, vec![("Centrum".into(), 3), ("Escamp".into(), 2)]);
    let themes: Vec<(String, usize)> = r
        .open_by_theme
        .iter()
        .map(|c| (c.label.clone(), c.count))
        .collect();
    assert_eq!(themes, vec![("verkeer".into(), 3), ("groen".into(), 2)]);
    assert_eq!(recs(&store, "loop.open.age:90+", &f()), sref(&ids, &[7]));
    assert_eq!(
        recs(&store, "loop.open.age:31-90", &f()),
        sref(&ids, &[4, 9])
    );
    assert_eq!(
        recs(&store, "loop.open.district:Escamp", &f()),
        sref(&ids, &[4, 7])
    );
    assert_eq!(
        recs(&store, "loop.open.theme:groen", &f()),
        sref(&ids, &[5, 7])
    );

    // Received in September: S4 is still open, and the merged S9 still owed its answer.
    let r = store.loop_report(&sept(), Lang::En).expect("loop report");
    assert_eq!(r.open, 2);
    let service = store
        .loop_report(
            &ReportFilter {
                service: Some(ids.dsb),
                ..f()
            },
            Lang::En,
        )
        .expect("report");
    assert_eq!(service.open, 1, "S6");
    let theme = store
        .loop_report(
            &ReportFilter {
                theme: Some("groen".into()),
                ..f()
            },
            Lang::En,
        )
        .expect("report");
    assert_eq!(
        theme
            .open_by_age
            .iter()
            .map(|c| c.count)
            .collect::<Vec<_>>(),
        vec![1, 0, 0, 1]
    );
    let district = store
        .loop_report(
            &ReportFilter {
                district: Some("Centrum".into()),
                ..f()
            },
            Lang::Nl,
        )
        .expect("report");
    assert_eq!(district.open_by_district.len(), 1);
    assert_eq!(district.open_by_district[0].count, 3);
    let org = store
        .loop_report(
            &ReportFilter {
                org: Some(ids.c),
                ..f()
            },
            Lang::En,
        )
        .expect("report");
    assert_eq!(org.open, 1);
}

#[test]
fn weekly_and_monthly_series() {
    let (_db, store, ids) = setup();
    let r = store.loop_report(&f(), Lang::En).expect("loop report");
    assert_eq!(r.weeks.len(), 12, "twelve weeks up to the report day");
    assert_eq!(r.weeks.first().map(|w| w.starts), Some(d("2024-08-12")));
    assert_eq!(r.weeks.last().map(|w| w.week.as_str()), Some("2024-W44"));
    let week = |k: &str| {
        r.weeks
            .iter()
            .find(|w| w.week == k)
            .map(|w| (w.received, w.answered))
            .expect(k)
    };
    assert_eq!(week("2024-W36"), (5, 0), "S1, S2, S3, S8, S9 received");
    assert_eq!(week("2024-W37"), (0, 1), "S1 answered");
    assert_eq!(week("2024-W38"), (1, 2), "S4 received; S3 and S8 answered");
    assert_eq!(week("2024-W41"), (1, 1), "S6 received; S2 answered");
    assert_eq!(week("2024-W43"), (1, 0), "S5 received");
    assert_eq!(r.weeks.iter().map(|w| w.received).sum::<usize>(), 8);
    assert_eq!(
        recs(&store, "loop.week.answered:2024-W38", &f()),
        sref(&ids, &[3, 8])
    );

    assert_eq!(r.months.len(), 12);
    let month = |k: &str| {
        r.months
            .iter()
            .find(|m| m.month == k)
            .map(|m| (m.on_time.on_time, m.on_time.counted))
            .expect(k)
    };
    assert_eq!(month("2024-06"), (0, 1));
    assert_eq!(month("2024-09"), (3, 5));
    assert_eq!(month("2024-10"), (1, 2));
    assert_eq!(month("2024-08"), (0, 0));

    // A period gives the chart its range.
    let r = store.loop_report(&sept(), Lang::En).expect("loop report");
    // 1 September 2024 is a Sunday: its week starts in August.
    assert_eq!(r.weeks.first().map(|w| w.week.as_str()), Some("2024-W35"));
    assert_eq!(r.weeks.last().map(|w| w.week.as_str()), Some("2024-W40"));
    assert_eq!(
        r.months
            .iter()
            .map(|m| m.month.as_str())
            .collect::<Vec<_>>(),
        vec!["2024-09"]
    );
}

#[test]
fn commitments_by_outcome_service_and_organisation() {
    let (_db, store, ids) = setup();
    let r = store.commitments_report(&f(), Lang::En).expect("report");
    let t = &r.totals;
    assert_eq!(
        (
            t.kept_on_time,
            t.kept_late,
            t.broken,
            t.open_overdue,
            t.open,
            t.withdrawn,
            t.total
        ),
        (2, 1, 1, 1, 1, 1, 7)
    );
    assert_eq!(t.kept_on_time_percent, Some(40.0));
    let dso = r
        .per_service
        .iter()
        .find(|g| g.key == format!("O-{}", ids.dso))
        .expect("DSO");
    assert_eq!(dso.name, "DSO");
    assert_eq!(
        (
            dso.counts.kept_on_time,
            dso.counts.kept_late,
            dso.counts.open_overdue
        ),
        (2, 1, 1)
    );
    assert_eq!(dso.counts.kept_on_time_percent, Some(50.0));
    let dsb = r
        .per_service
        .iter()
        .find(|g| g.key == format!("O-{}", ids.dsb))
        .expect("DSB");
    assert_eq!(
        (
            dsb.counts.broken,
            dsb.counts.withdrawn,
            dsb.counts.kept_on_time_percent
        ),
        (1, 1, Some(0.0))
    );
    let none = r.per_service.last().expect("no service last");
    assert_eq!(
        (
            none.key.as_str(),
            none.counts.open,
            none.counts.kept_on_time_percent
        ),
        ("", 1, None)
    );
    let a = r
        .per_organisation
        .iter()
        .find(|g| g.key == format!("O-{}", ids.a))
        .expect("A");
    assert_eq!(
        (a.counts.total, a.counts.kept_on_time_percent),
        (4, Some(66.7))
    );

    let counts = |filter: ReportFilter| {
        let r = store.commitments_report(&filter, Lang::En).expect("report");
        (r.totals.total, r.totals.kept_on_time_percent)
    };
    assert_eq!(counts(sept()), (2, Some(50.0)), "C1, C2 due in September");
    assert_eq!(
        counts(ReportFilter {
            theme: Some("verkeer".into()),
            ..f()
        }),
        (1, Some(100.0)),
        "C7 from S1"
    );
    assert_eq!(
        counts(ReportFilter {
            district: Some("Escamp".into()),
            ..f()
        }),
        (2, Some(0.0)),
        "C3, C4"
    );
    assert_eq!(
        counts(ReportFilter {
            service: Some(ids.dsb),
            ..f()
        }),
        (2, Some(0.0)),
        "C3, C6"
    );
    assert_eq!(
        counts(ReportFilter {
            org: Some(ids.c),
            ..f()
        }),
        (1, None),
        "C6 withdrawn"
    );

    assert_eq!(
        recs(&store, "commitments.kept_on_time", &f()),
        cref(&ids, &[1, 7])
    );
    assert_eq!(
        recs(
            &store,
            &format!("commitments.service.kept_late:O-{}", ids.dso),
            &f()
        ),
        cref(&ids, &[2])
    );
    assert_eq!(
        recs(&store, "commitments.service.open:", &f()),
        cref(&ids, &[5])
    );
    assert_eq!(
        recs(&store, &format!("commitments.org.all:O-{}", ids.b), &f()),
        cref(&ids, &[3, 4])
    );
    assert_eq!(
        recs(&store, "commitments.open_overdue", &f()),
        cref(&ids, &[4])
    );
}

#[test]
fn cadence_for_every_filter() {
    let (_db, store, ids) = setup();
    let overdue = |filter: ReportFilter| {
        let r = store.cadence_report(&filter).expect("report");
        (
            r.checked,
            r.overdue
                .iter()
                .map(|o| (o.org.clone(), o.days_over))
                .collect::<Vec<_>>(),
        )
    };
    let o = |id: i64| format!("O-{id}");
    // "Om de tafel" means a meeting: feedback never satisfies the cadence. A met 10-20
    // (M5, attendance not taken): within. B's only meeting it missed (M6) and its
    // feedback (09-20) does not count: never met; so C (feedback 10-12 only) and D
    // (nothing). E last met 08-01: 91 days, 60 allowed.
    assert_eq!(
        overdue(f()),
        (
            5,
            vec![
                (o(ids.b), None),
                (o(ids.c), None),
                (o(ids.d), None),
                (o(ids.e), Some(31))
            ]
        )
    );
    let r = store.cadence_report(&f()).expect("report");
    let b = r.overdue.iter().find(|x| x.org == o(ids.b)).expect("B");
    assert_eq!(
        (b.last_meeting, b.last_contact, b.days_since, b.allowed_days),
        (None, Some(d("2024-09-20")), None, 30),
        "B's feedback is contact, not a meeting"
    );
    let e = r.overdue.iter().find(|x| x.org == o(ids.e)).expect("E");
    assert_eq!(
        (e.last_meeting, e.last_contact, e.days_since, e.allowed_days),
        (Some(d("2024-08-01")), Some(d("2024-08-01")), Some(91), 60)
    );
    // Both figures in the table, the meeting first.
    let tables = r.tables(Lang::En, Rows::All);
    let cols = &tables[1].columns;
    let at = |name: &str| cols.iter().position(|c| *c == name).expect(name);
    assert!(at("Last meeting") < at("Last contact"), "{cols:?}");
    let row_b = tables[1]
        .rows
        .iter()
        .find(|row| row[0].text == o(ids.b))
        .expect("B's row");
    assert_eq!(
        (
            row_b[at("Last meeting")].text.as_str(),
            row_b[at("Last contact")].text.as_str()
        ),
        ("never", "2024-09-20")
    );
    assert_eq!(
        overdue(ReportFilter {
            district: Some("Escamp".into()),
            ..f()
        }),
        (2, vec![(o(ids.b), None), (o(ids.d), None)])
    );
    assert_eq!(
        overdue(ReportFilter {
            org: Some(ids.e),
            ..f()
        }),
        (1, vec![(o(ids.e), Some(31))])
    );
    assert_eq!(
        overdue(ReportFilter {
            theme: Some("verkeer".into()),
            ..f()
        }),
        (3, vec![(o(ids.b), None), (o(ids.c), None)])
    );
    assert_eq!(
        overdue(ReportFilter {
            service: Some(ids.dsb),
            ..f()
        }),
        (3, vec![(o(ids.b), None), (o(ids.c), None)])
    );
    // As of 30 September: A's meeting is still to come, E is exactly at 60 days.
    assert_eq!(
        overdue(ReportFilter {
            to: Some(d("2024-09-30")),
            ..f()
        }),
        (
            5,
            vec![
                (o(ids.b), None),
                (o(ids.c), None),
                (o(ids.d), None),
                (o(ids.a), None)
            ]
        )
    );
    assert_eq!(
        recs(&store, "cadence.overdue", &f()),
        vec![o(ids.b), o(ids.c), o(ids.d), o(ids.e)]
    );
}

#[test]
fn load_for_every_filter() {
    let (_db, store, ids) = setup();
    let load = |filter: ReportFilter| {
        let r = store.load_report(&filter).expect("report");
        r.rows
            .iter()
            .map(|x| (x.org.clone(), x.meetings, x.signals, x.over))
            .collect::<Vec<_>>()
    };
    let o = |id: i64| format!("O-{id}");
    // A: M2, M3, M5 and S1, S2, S5, S8 (and merged S9): 8 > 6. M4 is after the report day.
    let all = load(f());
    assert_eq!(all[0], (o(ids.a), 3, 5, true));
    assert_eq!(
        all[1],
        (o(ids.b), 2, 2, false),
        "M2, M6 (absent still asked); S3, S4 (S7 too old)"
    );
    assert!(all.contains(&(o(ids.e), 0, 0, false)), "M1 is 91 days back");
    let r = store.load_report(&f()).expect("report");
    assert_eq!((r.over, r.threshold, r.window_days), (1, 6, 90));
    assert_eq!(recs(&store, "load.over", &f()), vec![o(ids.a)]);
    let m = |n: usize| format!("M-{}", ids.m[n]);
    assert_eq!(
        recs(&store, &format!("load.org:O-{}", ids.a), &f()),
        [m(3), m(2), m(5)]
            .into_iter()
            .chain(sref(&ids, &[1, 2, 9, 8, 5]))
            .collect::<Vec<_>>(),
        "meetings by start, then signals by receipt"
    );
    let dso = load(ReportFilter {
        service: Some(ids.dso),
        ..f()
    });
    assert_eq!(dso[0], (o(ids.a), 1, 2, false), "M3 with DSO; S1, S8");
    assert_eq!(dso[1], (o(ids.b), 0, 2, false), "S3, S4");
    let groen = load(ReportFilter {
        theme: Some("groen".into()),
        ..f()
    });
    assert_eq!(groen[0], (o(ids.a), 3, 2, false), "S2, S5");
    let sept_end = load(ReportFilter {
        to: Some(d("2024-09-30")),
        ..f()
    });
    assert_eq!(sept_end[0], (o(ids.a), 1, 4, false), "M3; S1, S2, S8, S9");
    assert!(
        sept_end.contains(&(o(ids.e), 1, 0, false)),
        "M1 inside the window"
    );
    let centrum = load(ReportFilter {
        district: Some("Centrum".into()),
        ..f()
    });
    assert_eq!(centrum.len(), 3, "A, C, E");
    assert_eq!(
        load(ReportFilter {
            org: Some(ids.c),
            ..f()
        }),
        vec![(o(ids.c), 0, 1, false)]
    );
}

#[test]
fn the_records_behind_every_figure_add_up() {
    let (_db, store, ids) = setup();
    let filters = vec![
        f(),
        sept(),
        ReportFilter {
            theme: Some("verkeer".into()),
            ..f()
        },
        ReportFilter {
            district: Some("Escamp".into()),
            ..f()
        },
        ReportFilter {
            service: Some(ids.dso),
            ..f()
        },
        ReportFilter {
            org: Some(ids.a),
            ..f()
        },
        ReportFilter {
            to: Some(d("2024-09-30")),
            ..f()
        },
    ];
    for filter in &filters {
        for kind in ReportKind::ALL {
            for lang in [Lang::En, Lang::Nl] {
                let report = store.report(kind, filter, lang).expect("report");
                let mut keys = 0;
                for table in report.tables(lang, Rows::All) {
                    assert!(!table.title.is_empty());
                    for row in &table.rows {
                        assert_eq!(row.len(), table.columns.len(), "{}", table.title);
                        for cell in row {
                            let Some(key) = &cell.key else { continue };
                            keys += 1;
                            let n: usize = cell
                                .text
                                .parse()
                                .unwrap_or_else(|_| panic!("{key}: {}", cell.text));
                            assert_eq!(recs(&store, key, filter).len(), n, "{key} with {filter:?}");
                        }
                    }
                }
                assert!(keys > 0, "{kind:?}");
                let json = serde_json::to_value(&report).expect("serialises");
                assert!(json.is_object());
                assert_eq!(
                    matches!(report, AnyReport::Loop(_)),
                    kind == ReportKind::Loop
                );
            }
        }
    }
}

#[test]
fn bad_figures_and_periods_are_clear_errors() {
    let (_db, store, _ids) = setup();
    for key in [
        "",
        "loop",
        "loop.nonsense",
        "commitments.sometimes",
        "cadence",
        "load.everything",
        "S-1",
    ] {
        let err = store.report_records(key, &f()).expect_err(key).to_string();
        assert!(err.contains("not a report figure"), "{key}: {err}");
    }
    let backwards = ReportFilter {
        from: Some(d("2024-10-01")),
        to: Some(d("2024-09-01")),
        ..f()
    };
    let err = store
        .loop_report(&backwards, Lang::En)
        .expect_err("backwards")
        .to_string();
    assert!(err.contains("backwards"), "{err}");
}

//! The proof that the figures tell the truth: a year of random but valid activity
//! (intake, triage with and without moving the date, interim and final feedback,
//! merges within and across organisations, closing and reopening, commitments made,
//! moved, kept, broken and withdrawn, meetings held with attendance taken or not),
//! played through the store, and then every report
//! figure checked against an independent computation from the timeline and the audit
//! trail, signal by signal and commitment by commitment.
//!
//! The oracle reads only `signal_event` (the timeline) and `audit` (who changed what),
//! never the columns and counters the store keeps for its reports.

mod support;

use chrono::{Duration, NaiveDate};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use support::{TempDb, residents, service, staff};
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::report::{CadenceStatus, Lang, ReportFilter, cadence_status};
use wijkdesk::store::{
    Channel, NewCommitment, NewFeedback, NewMeeting, NewSignal, Owner, Store, Triage,
};

/// A small deterministic generator, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next(100) < percent
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

struct World {
    store: Store,
    orgs: Vec<i64>,
    owners: Vec<Owner>,
}

fn world(db: &TempDb) -> World {
    let mut store = db.open_on("anna", today());
    let orgs = [
        "Wijkberaad Duinoord",
        "Bewonersorganisatie Zeeheld",
        "Vereniging Marlot",
    ]
    .iter()
    .map(|n| residents(&mut store, n).id)
    .collect();
    let dso = service(&mut store, "Dienst Stedelijke Ontwikkeling", "DSO").id;
    let dsb = service(&mut store, "Dienst Stadsbeheer", "DSB").id;
    let ingrid = staff(&mut store, "Ingrid Smits", "ismits", Some(dsb), &[], &[]).id;
    let owners = vec![
        Owner {
            person_id: None,
            org_id: Some(dso),
        },
        Owner {
            person_id: Some(ingrid),
            org_id: Some(dsb),
        },
        Owner {
            person_id: None,
            org_id: Some(dsb),
        },
    ];
    World {
        store,
        orgs,
        owners,
    }
}

fn feedback(is_final: bool, next_due: Option<NaiveDate>) -> NewFeedback {
    NewFeedback {
        channel: Channel::Email,
        text: if is_final {
            "Het is opgelost".into()
        } else {
            "We zijn ermee bezig".into()
        },
        is_final,
        next_due,
    }
}

/// One year of work, day by day. Steps the workflow refuses are simply not taken.
fn play_a_year(w: &mut World, seed: u64) {
    let mut rng = Rng(seed);
    let start = today() - Duration::days(365);
    for offset in 0..365 {
        let day = start + Duration::days(offset);
        w.store.set_as_of(Some(day), today());
        for _ in 0..rng.next(3) {
            let org = w.orgs[rng.next(3) as usize];
            w.store
                .add_signal(NewSignal {
                    title: format!("Signaal van dag {offset}"),
                    org_id: Some(org),
                    theme: Some(["verkeer", "groen", "afval"][rng.next(3) as usize].into()),
                    received_on: Some(day),
                    ..Default::default()
                })
                .expect("add signal");
        }
        let open = ids(
            &w.store,
            "SELECT id FROM signal WHERE state IN ('new', 'triaged', 'in_progress', 'answered', 'closed', 'declined') ORDER BY id",
        );
        for &id in &open {
            if !rng.chance(12) {
                continue;
            }
            let later = |n: i64| day + Duration::days(n);
            let _ = match rng.next(10) {
                0 | 1 => {
                    // Triage: keep the date, move it earlier, or later with a reason.
                    let (due, reason) = match rng.next(3) {
                        0 => (None, None),
                        1 => (Some(later(3 + rng.next(10) as i64)), None),
                        _ => (
                            Some(later(20 + rng.next(40) as i64)),
                            Some("Wacht op de aannemer".to_string()),
                        ),
                    };
                    w.store
                        .triage(
                            id,
                            Triage {
                                owner: Some(w.owners[rng.next(3) as usize]),
                                feedback_due: due,
                                reason,
                                ..Default::default()
                            },
                            None,
                        )
                        .map(|_| ())
                }
                2 => w.store.start_signal(id, None).map(|_| ()),
                3 => w
                    .store
                    .add_feedback(id, feedback(false, Some(later(14))), None)
                    .map(|_| ()),
                4 | 5 => w
                    .store
                    .add_feedback(id, feedback(true, None), None)
                    .map(|_| ()),
                6 => {
                    let into = open[rng.next(open.len() as u64) as usize];
                    w.store.merge_signal(id, into, true, None).map(|_| ())
                }
                7 => w.store.close_signal(id, None).map(|_| ()),
                8 => w
                    .store
                    .reopen_signal(id, "Het probleem is terug", None)
                    .map(|_| ()),
                _ => w
                    .store
                    .move_signal_due(
                        id,
                        later(7 + rng.next(30) as i64),
                        if rng.chance(50) {
                            "Meer tijd nodig"
                        } else {
                            ""
                        },
                        None,
                    )
                    .map(|_| ()),
            };
        }
        // A meeting now and then with one or two organisations, held that evening;
        // attendance taken for some (present or absent), not for others.
        if rng.chance(6) {
            let mut orgs = vec![w.orgs[rng.next(3) as usize]];
            if rng.chance(40) {
                orgs.push(w.orgs[rng.next(3) as usize]);
            }
            orgs.dedup();
            let m = w
                .store
                .add_meeting(NewMeeting {
                    title: format!("Overleg van dag {offset}"),
                    starts_at: day.and_hms_opt(19, 30, 0),
                    org_ids: orgs.clone(),
                    ..Default::default()
                })
                .expect("add meeting");
            if rng.chance(80) {
                w.store
                    .meeting_step(m.id, MeetingEvent::Hold, None)
                    .expect("hold the meeting that evening");
                for org in orgs {
                    match rng.next(3) {
                        0 => w.store.set_attendance(m.id, org, Some(true), None),
                        1 => w.store.set_attendance(m.id, org, Some(false), None),
                        _ => Ok(()),
                    }
                    .expect("attendance");
                }
            }
        }
        // Commitments: made at a meeting or on a signal, then moved, kept, broken or withdrawn.
        if rng.chance(30) {
            let org = w.orgs[rng.next(3) as usize];
            w.store
                .add_commitment(NewCommitment {
                    text: format!("Toezegging van dag {offset}"),
                    org_id: org,
                    owner: w.owners[rng.next(3) as usize],
                    due: day + Duration::days(7 + rng.next(50) as i64),
                    signal_id: None,
                    meeting_id: None,
                    agenda_item_id: None,
                })
                .expect("add commitment");
        }
        let open_c = ids(
            &w.store,
            "SELECT id FROM commitment WHERE state = 'open' ORDER BY id",
        );
        for id in open_c {
            if !rng.chance(8) {
                continue;
            }
            let c = w.store.commitment(id).expect("commitment");
            let _ = match rng.next(5) {
                0 => w
                    .store
                    .move_commitment(
                        id,
                        c.due.max(day) + Duration::days(1 + rng.next(30) as i64),
                        "Levering vertraagd",
                        None,
                    )
                    .map(|_| ()),
                1 | 2 => w.store.keep_commitment(id, None).map(|_| ()),
                3 => w
                    .store
                    .break_commitment(id, "Budget was op", "Voortaan eerst budget checken", None)
                    .map(|_| ()),
                _ => w
                    .store
                    .withdraw_commitment(id, "Niet meer nodig", None)
                    .map(|_| ()),
            };
        }
    }
    w.store.set_as_of(None, today());
}

fn ids(store: &Store, sql: &str) -> Vec<i64> {
    store
        .conn()
        .prepare(sql)
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// What the timeline and the audit trail say about one signal.
#[derive(Debug, Default)]
struct SignalTruth {
    promise: Option<NaiveDate>,
    first_feedback: Option<NaiveDate>,
    last_feedback: Option<NaiveDate>,
    answered: bool,
    state: String,
    due_now: Option<NaiveDate>,
    postponements: usize,
    postponed_days: i64,
    org: Option<i64>,
    service: Option<i64>,
}

impl SignalTruth {
    fn owes_answer(&self) -> bool {
        matches!(self.state.as_str(), "new" | "triaged" | "in_progress")
            || (self.state == "merged" && !self.answered)
    }
}

/// Every signal as its timeline and audit trail tell it.
fn signals_from_the_record(store: &Store) -> BTreeMap<i64, SignalTruth> {
    let mut out: BTreeMap<i64, SignalTruth> = BTreeMap::new();
    // The promise, the organisation and the owner: from the audit trail.
    let audit: Vec<(String, String, String)> = store
        .conn()
        .prepare("SELECT record, action, changes FROM audit WHERE record LIKE 'S-%' ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    for (record, action, changes) in audit {
        let id: i64 = record[2..].parse().expect("id");
        let changes: Value = serde_json::from_str(&changes).expect("json");
        let t = out.entry(id).or_default();
        let after = |field: &str| changes.get(field).map(|v| v[1].clone());
        if action == "create" {
            t.promise = after("feedback_due").and_then(|v| v.as_str().map(date));
            t.org = after("org_id").and_then(|v| v.as_i64());
        }
        if let Some(v) = after("owner_org_id") {
            t.service = v.as_i64();
        }
    }
    // Feedback, state and every change of the due date: from the timeline.
    let events: Vec<(i64, String, String, Option<String>, String)> = store
        .conn()
        .prepare("SELECT signal_id, at, event, to_state, detail FROM signal_event ORDER BY at, id")
        .expect("prepare")
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    for (id, at, event, to_state, detail) in events {
        let t = out.entry(id).or_default();
        if let Some(s) = to_state {
            t.state = s;
        }
        let gave_feedback = (event == "feedback"
            && (detail.starts_with("interim feedback") || detail.starts_with("final feedback")))
            || event == "declined";
        if gave_feedback {
            t.first_feedback.get_or_insert(date(&at));
            t.last_feedback = Some(date(&at));
            if detail.starts_with("final feedback") || event == "declined" {
                t.answered = true;
            }
        }
        if event == "due-date" {
            // "feedback due OLD → NEW (promised P): why"
            let rest = detail
                .strip_prefix("feedback due ")
                .expect("due-date detail");
            let (old, rest) = rest.split_once(" → ").expect("arrow");
            let new = date(&rest[..10]);
            let why = rest.split_once(": ").map(|(_, w)| w).unwrap_or("");
            let told = why.starts_with("announced in interim feedback") || why == "reopened";
            if !told && old != "-" && new > date(old) {
                t.postponements += 1;
                t.postponed_days += (new - date(old)).num_days();
            }
            t.due_now = Some(new);
        }
    }
    for t in out.values_mut() {
        if t.due_now.is_none() {
            t.due_now = t.promise;
        }
    }
    out
}

/// What the audit trail says about one commitment.
#[derive(Debug, Default)]
struct CommitmentTruth {
    promise: Option<NaiveDate>,
    due_now: Option<NaiveDate>,
    ended: Option<(String, NaiveDate)>,
    postponements: usize,
    postponed_days: i64,
    service: Option<i64>,
    org: Option<i64>,
}

fn commitments_from_the_record(store: &Store) -> BTreeMap<i64, CommitmentTruth> {
    let mut out: BTreeMap<i64, CommitmentTruth> = BTreeMap::new();
    let audit: Vec<(String, String, String, String)> = store
        .conn()
        .prepare(
            "SELECT record, at, action, changes FROM audit WHERE record LIKE 'C-%' ORDER BY id",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    for (record, at, action, changes) in audit {
        let id: i64 = record[2..].parse().expect("id");
        let changes: Value = serde_json::from_str(&changes).expect("json");
        let t = out.entry(id).or_default();
        let due = |i: usize| changes.get("due").and_then(|v| v[i].as_str()).map(date);
        match action.as_str() {
            "create" => {
                t.promise = due(1);
                t.due_now = due(1);
                t.org = changes["org_id"][1].as_i64();
                t.service = changes["owner_org_id"][1].as_i64();
            }
            "move" => {
                let (old, new) = (due(0).expect("old"), due(1).expect("new"));
                if new > old {
                    t.postponements += 1;
                    t.postponed_days += (new - old).num_days();
                }
                t.due_now = Some(new);
            }
            "keep" | "break" | "withdraw" => t.ended = Some((action.clone(), date(&at))),
            _ => {}
        }
    }
    out
}

fn refs(prefix: char, ids: impl IntoIterator<Item = i64>) -> Vec<String> {
    let set: BTreeSet<i64> = ids.into_iter().collect();
    set.into_iter().map(|i| format!("{prefix}-{i}")).collect()
}

fn records(store: &Store, key: &str) -> Vec<String> {
    let mut got = store
        .report_records(key, &ReportFilter::default())
        .unwrap_or_else(|e| panic!("{key}: {e}"));
    got.sort_by_key(|r| r[2..].parse::<i64>().unwrap_or(0));
    got
}

fn check_the_year(seed: u64) {
    let db = TempDb::new();
    let mut w = world(&db);
    play_a_year(&mut w, seed);
    let store = &w.store;
    let t = today();
    let signals = signals_from_the_record(store);
    let commitments = commitments_from_the_record(store);
    assert!(signals.len() > 300, "a year of intake: {}", signals.len());
    assert!(commitments.len() > 60, "{}", commitments.len());

    // Feedback on time, signal by signal: the first feedback by the promise.
    let on_time = signals
        .iter()
        .filter(|(_, s)| s.first_feedback.zip(s.promise).is_some_and(|(f, p)| f <= p));
    let late = signals
        .iter()
        .filter(|(_, s)| s.first_feedback.zip(s.promise).is_some_and(|(f, p)| f > p));
    let missed = signals
        .iter()
        .filter(|(_, s)| s.first_feedback.is_none() && s.promise.is_some_and(|p| p < t));
    assert_eq!(
        records(store, "loop.on_time"),
        refs('S', on_time.map(|(id, _)| *id))
    );
    assert_eq!(
        records(store, "loop.late"),
        refs('S', late.map(|(id, _)| *id))
    );
    assert_eq!(
        records(store, "loop.overdue"),
        refs('S', missed.map(|(id, _)| *id))
    );
    let owed = signals
        .iter()
        .filter(|(_, s)| s.owes_answer())
        .map(|(id, _)| *id);
    assert_eq!(records(store, "loop.open"), refs('S', owed));
    let past_due = signals
        .iter()
        .filter(|(_, s)| {
            matches!(s.state.as_str(), "new" | "triaged" | "in_progress")
                && s.due_now.is_some_and(|d| d < t)
        })
        .map(|(id, _)| *id)
        .collect::<Vec<_>>();
    assert_eq!(
        records(store, "loop.past_due_date"),
        refs('S', past_due.clone())
    );
    let moved = signals
        .iter()
        .filter(|(_, s)| s.postponements > 0)
        .map(|(id, _)| *id);
    assert_eq!(records(store, "loop.moved"), refs('S', moved));

    // The same figures as counts, and the inbox's overdue by the same definition.
    let r = store
        .loop_report(&ReportFilter::default(), Lang::En)
        .expect("loop report");
    let o = &r.feedback_on_time;
    assert_eq!(
        o.on_time + o.late + o.overdue,
        records(store, "loop.counted").len()
    );
    assert_eq!(r.past_due_date, past_due.len());
    assert_eq!(
        store.inbox_counts().expect("inbox counts").overdue as usize,
        past_due.len(),
        "the inbox's overdue and the report's past-due date are one definition"
    );
    let (moves, days) = signals.values().fold((0, 0), |(m, d), s| {
        (m + s.postponements, d + s.postponed_days)
    });
    assert_eq!((r.moved.moves, r.moved.days), (moves, days));
    assert!(moves > 10, "the year moved some promises: {moves}");
    check_cadence(store, &signals, &w.orgs);
    for g in &r.moved_per_organisation {
        let org: i64 = g.key[2..].parse().expect("org key");
        let (n, m, d) = signals
            .values()
            .filter(|s| s.org == Some(org) && s.postponements > 0)
            .fold((0, 0, 0), |(n, m, d), s| {
                (n + 1, m + s.postponements, d + s.postponed_days)
            });
        assert_eq!((g.signals, g.moves, g.days), (n, m, d), "{}", g.key);
    }
    for g in &r.moved_per_service {
        let service = (!g.key.is_empty()).then(|| g.key[2..].parse::<i64>().expect("key"));
        let (n, m) = signals
            .values()
            .filter(|s| s.service == service && s.postponements > 0)
            .fold((0, 0), |(n, m), s| (n + 1, m + s.postponements));
        assert_eq!((g.signals, g.moves), (n, m), "{}", g.key);
    }

    // Commitments, one by one: kept after the promise is kept late, however often moved.
    let outcome = |c: &CommitmentTruth| -> &'static str {
        match &c.ended {
            Some((a, on)) if a == "keep" => {
                if Some(*on) <= c.promise {
                    "kept_on_time"
                } else {
                    "kept_late"
                }
            }
            Some((a, _)) if a == "break" => "broken",
            Some(_) => "withdrawn",
            None if c.due_now.is_some_and(|d| d < t) => "open_overdue",
            None => "open",
        }
    };
    for key in [
        "kept_on_time",
        "kept_late",
        "broken",
        "withdrawn",
        "open_overdue",
        "open",
    ] {
        let want = commitments
            .iter()
            .filter(|(_, c)| outcome(c) == key)
            .map(|(id, _)| *id);
        assert_eq!(
            records(store, &format!("commitments.{key}")),
            refs('C', want),
            "commitments.{key}"
        );
    }
    let moved_c = commitments
        .iter()
        .filter(|(_, c)| c.postponements > 0)
        .map(|(id, _)| *id);
    assert_eq!(records(store, "commitments.moved"), refs('C', moved_c));
    let cr = store
        .commitments_report(&ReportFilter::default(), Lang::En)
        .expect("commitments report");
    let (moves, days) = commitments.values().fold((0, 0), |(m, d), c| {
        (m + c.postponements, d + c.postponed_days)
    });
    assert_eq!((cr.totals.moves, cr.totals.days_moved), (moves, days));
    for g in &cr.per_organisation {
        let org: i64 = g.key[2..].parse().expect("org key");
        let mine: Vec<&CommitmentTruth> = commitments
            .values()
            .filter(|c| c.org == Some(org))
            .collect();
        assert_eq!(g.counts.total, mine.len(), "{}", g.key);
        assert_eq!(
            g.counts.kept_late,
            mine.iter().filter(|c| outcome(c) == "kept_late").count(),
            "{}",
            g.key
        );
        assert_eq!(
            g.counts.moves,
            mine.iter().map(|c| c.postponements).sum::<usize>(),
            "{}",
            g.key
        );
    }
    for g in &cr.per_service {
        let service = (!g.key.is_empty()).then(|| g.key[2..].parse::<i64>().expect("key"));
        let mine: Vec<&CommitmentTruth> = commitments
            .values()
            .filter(|c| c.service == service)
            .collect();
        assert_eq!(g.counts.total, mine.len(), "{}", g.key);
        assert_eq!(
            g.counts.kept_on_time,
            mine.iter().filter(|c| outcome(c) == "kept_on_time").count(),
            "{}",
            g.key
        );
    }
}

/// Cadence, organisation by organisation: only held meetings it attended (or was
/// invited to, attendance not taken) count; feedback is contact, not a meeting.
fn check_cadence(store: &Store, signals: &BTreeMap<i64, SignalTruth>, orgs: &[i64]) {
    let t = today();
    let facts = store
        .cadence_facts(&ReportFilter::default())
        .expect("cadence facts");
    let mut overdue = Vec::new();
    for &org in orgs {
        let last_meeting: Option<NaiveDate> = store
            .conn()
            .query_row(
                "SELECT max(substr(m.starts_at, 1, 10)) FROM meeting m
                   JOIN meeting_org mo ON mo.meeting_id = m.id
                  WHERE mo.org_id = ?1 AND m.status IN ('held', 'final')
                    AND coalesce(mo.attended, 1) = 1",
                [org],
                |r| r.get::<_, Option<String>>(0),
            )
            .expect("last meeting")
            .map(|d| date(&d));
        let last_feedback = signals
            .values()
            .filter(|s| s.org == Some(org))
            .filter_map(|s| s.last_feedback)
            .max();
        let f = facts
            .orgs
            .iter()
            .find(|f| f.org_id == org)
            .expect("a residents' organisation in the cadence");
        assert_eq!(f.last_meeting, last_meeting, "O-{org}: last meeting");
        assert_eq!(
            f.last_contact(),
            last_meeting.max(last_feedback),
            "O-{org}: last contact"
        );
        if matches!(
            cadence_status(f.cadence_per_year, last_meeting, t),
            CadenceStatus::Overdue(_) | CadenceStatus::NeverMet
        ) {
            overdue.push(org);
        }
    }
    assert_eq!(records(store, "cadence.overdue"), refs('O', overdue));
}

#[test]
fn a_year_of_work_and_every_figure_matches_the_record() {
    for seed in [7, 2024, 99_991] {
        check_the_year(seed);
    }
}

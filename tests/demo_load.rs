//! The demo data loads through the ordinary store API and tells the story it should:
//! overdue, due-soon and on-time items relative to today, every state present.

use chrono::NaiveDate;
use wijkdesk::domain::commitment::Outcome;
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::{ActionFilter, CommitmentFilter, Ctx, SignalFilter, Store};

fn demo_store(dir: &tempfile::TempDir, scale: usize) -> Store {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut store = Store::open(&dir.path().join("demo.db"), Ctx::new("demo", today)).unwrap();
    wijkdesk::demo::load(&mut store, scale).unwrap();
    store
}

#[test]
fn demo_loads_the_seed_story() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir, 0);
    assert_eq!(
        store.today(),
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        "the loader gives the clock back"
    );
    let orgs = store.org_summaries("", 1000).unwrap();
    assert_eq!(
        orgs.iter()
            .filter(|o| o.org.kind == wijkdesk::store::OrgKind::Residents)
            .count(),
        25
    );
    assert!(
        orgs.iter()
            .any(|o| o.org.short_name.as_deref() == Some("DSO"))
    );
    assert!(
        orgs.iter().any(|o| o.cadence_overdue),
        "some organisation is overdue on its cadence"
    );

    let all = store
        .signals(&SignalFilter {
            all_states: true,
            ..Default::default()
        })
        .unwrap();
    for state in [
        SignalState::New,
        SignalState::Triaged,
        SignalState::InProgress,
        SignalState::Answered,
        SignalState::Closed,
        SignalState::Declined,
    ] {
        assert!(
            all.iter().any(|s| s.state == state),
            "no demo signal is {state}"
        );
    }
    let open = store.signals(&SignalFilter::default()).unwrap();
    assert!(open.iter().any(|s| s.overdue), "some feedback is overdue");
    let today = store.today();
    assert!(
        open.iter()
            .any(|s| !s.overdue && s.feedback_due.is_some_and(|d| (d - today).num_days() <= 7)),
        "some feedback is due within a week"
    );
    assert!(
        open.first().unwrap().overdue,
        "overdue feedback tops the inbox"
    );

    let commitments = store
        .commitments(&CommitmentFilter {
            all_states: true,
            ..Default::default()
        })
        .unwrap();
    for outcome in [
        Outcome::OpenOverdue,
        Outcome::Open,
        Outcome::KeptOnTime,
        Outcome::KeptLate,
        Outcome::Broken,
        Outcome::Withdrawn,
    ] {
        assert!(
            commitments.iter().any(|c| c.outcome == outcome),
            "no demo commitment is {}",
            outcome.code()
        );
    }
    assert!(
        commitments
            .iter()
            .any(|c| !store.commitment_moves(c.id).unwrap().is_empty())
    );
    let actions = store
        .actions(&ActionFilter {
            all_states: true,
            ..Default::default()
        })
        .unwrap();
    assert!(actions.iter().any(|a| a.overdue));

    let meetings = store.meetings(100).unwrap();
    let october = meetings
        .iter()
        .find(|m| m.starts_at.format("%Y-%m-%d").to_string() == "2024-10-16")
        .unwrap();
    assert!(store.minutes(october.id).unwrap().len() > 10);
    // Minutes lines created their records, linked to the meeting.
    let minutes: Vec<_> = meetings
        .iter()
        .flat_map(|m| store.minutes(m.id).unwrap())
        .collect();
    assert!(
        minutes
            .iter()
            .any(|m| m.created.as_deref().is_some_and(|c| c.starts_with("A-")))
    );
    assert!(
        minutes
            .iter()
            .any(|m| m.created.as_deref().is_some_and(|c| c.starts_with("C-")))
    );
    assert!(
        minutes
            .iter()
            .any(|m| m.created.as_deref().is_some_and(|c| c.starts_with("S-")))
    );
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn demo_timelines_run_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir, 0);
    let closed = store
        .signals(&SignalFilter {
            states: vec![SignalState::Closed],
            ..Default::default()
        })
        .unwrap();
    let timeline = store.timeline(closed[0].id).unwrap();
    let events: Vec<&str> = timeline.iter().map(|t| t.event.as_str()).collect();
    assert_eq!(events.first(), Some(&"received"));
    assert!(events.contains(&"closed"));
    assert!(events.contains(&"triaged") && events.contains(&"feedback"));
    let stamps: Vec<&str> = timeline.iter().map(|t| t.at.as_str()).collect();
    let mut sorted = stamps.clone();
    sorted.sort();
    assert_eq!(stamps, sorted);
}

#[test]
fn scale_adds_generated_records_deterministically() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let sa = demo_store(&a, 500);
    let sb = demo_store(&b, 500);
    let count = |s: &Store| {
        s.signals(&SignalFilter {
            all_states: true,
            ..Default::default()
        })
        .unwrap()
    };
    let (ra, rb) = (count(&sa), count(&sb));
    assert!(ra.len() >= 500);
    assert_eq!(ra, rb, "the same scale gives the same data");
    assert!(sa.check().unwrap().is_empty());
}

/// The generator stages minutes lines and moves them in batches; every one of them
/// must still reach the search index, in order, and be found.
#[test]
fn generated_minutes_are_all_stored_in_order_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir, 6000);
    let conn = rusqlite::Connection::open(dir.path().join("demo.db")).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let lines = count("SELECT count(*) FROM minute");
    assert!(lines > 50_000, "{lines} lines: more than one batch");
    assert_eq!(
        // A minutes line's row in the index: rowid ((8 + 1) << 40) - id (schema/005).
        count("SELECT count(*) FROM search WHERE rowid >> 40 = 8"),
        lines,
        "one index row per minutes line"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM minute a JOIN minute b
               ON b.meeting_id = a.meeting_id AND b.position = a.position + 1
             WHERE b.id < a.id"
        ),
        0,
        "a meeting's lines are stored in the order of their positions"
    );
    assert_eq!(
        count("SELECT count(*) FROM sqlite_temp_schema"),
        0,
        "no staging table left"
    );
    let (id, text): (i64, String) = conn
        .query_row(
            "SELECT id, text FROM minute ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let word = text
        .split_whitespace()
        .find(|w| w.len() > 5 && w.chars().all(char::is_alphabetic))
        .unwrap_or_else(|| panic!("a word in {text:?}"));
    let found: i64 = conn
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH ?1 AND rowid = ?2",
            rusqlite::params![format!("\"{word}\""), (9i64 << 40) - id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 1, "the last line is found by {word:?}");
    drop(store);
}

/// Counts that tell two loads apart: rows per table, the kept figures and the search
/// index.
fn fingerprint(path: &std::path::Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for (name, sql) in [
        ("signals", "SELECT count(*) FROM signal"),
        (
            "open",
            "SELECT count(*) FROM signal WHERE state IN ('new', 'triaged', 'in_progress')",
        ),
        ("feedback", "SELECT count(*) FROM feedback"),
        ("events", "SELECT count(*) FROM signal_event"),
        ("commitments", "SELECT count(*) FROM commitment"),
        ("minutes", "SELECT count(*) FROM minute"),
        (
            "cube",
            "SELECT count(*) + coalesce(sum(n), 0) FROM report_cube",
        ),
        (
            "org figures",
            "SELECT coalesce(sum(open_signals + open_commitments), 0) FROM org_figures",
        ),
        (
            "inbox days",
            "SELECT coalesce(sum(n), 0) FROM open_signal_days",
        ),
        (
            "search",
            "SELECT count(*) FROM search WHERE search MATCH 'terugkoppeling'",
        ),
    ] {
        out.push((
            name.to_string(),
            conn.query_row(sql, [], |r| r.get(0)).unwrap(),
        ));
    }
    out
}

#[test]
fn a_new_file_loads_without_a_journal_and_ends_the_same_in_wal_mode() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let journaled = dir.path().join("journaled.db");
    let fresh = dir.path().join("fresh.db");
    {
        let mut store = Store::open(&journaled, Ctx::new("demo", today)).unwrap();
        wijkdesk::demo::load(&mut store, 300).unwrap();
    }
    let mut store = Store::open(&fresh, Ctx::new("demo", today)).unwrap();
    wijkdesk::demo::load_into_new_file(&mut store, 300).unwrap();
    // Still open: another user can open the file and write to it.
    let mut other = Store::open(&fresh, Ctx::new("other", today)).unwrap();
    let conn = rusqlite::Connection::open(&fresh).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(conn);
    assert_eq!(fingerprint(&fresh), fingerprint(&journaled));
    let before = fingerprint(&fresh);
    let org = other.org_summaries("", 1).unwrap()[0].org.id;
    other
        .add_signal(wijkdesk::store::NewSignal {
            org_id: Some(org),
            title: "Na het laden".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(fingerprint(&fresh)[0].1, before[0].1 + 1);
    drop(store);
}

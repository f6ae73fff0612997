//! Correctness at scale (not timing): on a generated database of a few thousand
//! signals, paging through the whole inbox visits every open signal exactly once, in
//! order, forwards and backwards, with and without filters; the counts agree.

use chrono::NaiveDate;
use std::collections::HashSet;
use wijkdesk::store::{Ctx, InboxFilter, InboxKey, SignalFilter, SignalRow, Store};

fn ctx() -> Ctx {
    Ctx::new("demo", NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())
}

/// One generated database, built once and only read by the tests.
fn store() -> Store {
    static DB: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("scale.db"), ctx()).unwrap();
        wijkdesk::demo::load(&mut store, 3000).unwrap();
        // The generated city keeps only a few percent open; paging needs many more
        // than one window of rows, so half of the closed signals (and of the finished
        // actions and commitments) come back as a backlog. The kept figures follow
        // through their triggers.
        store
            .conn()
            .execute_batch(
                "UPDATE signal SET state = 'triaged', feedback_due = date(received_on, '+40 days')
                  WHERE state = 'closed' AND id % 2 = 0;
                 UPDATE action SET state = 'open', resolved_on = NULL WHERE state != 'open' AND id % 2 = 0;
                 UPDATE commitment SET state = 'open', resolved_on = NULL, acknowledgement = NULL,
                        prevention = NULL, reason = NULL
                  WHERE state != 'open' AND id % 2 = 0;",
            )
            .unwrap();
        dir
    });
    Store::open(&dir.path().join("scale.db"), ctx()).unwrap()
}

fn page_through(store: &Store, f: &InboxFilter, page: usize) -> Vec<SignalRow> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let rows = store.inbox_page(f, after, page).unwrap();
        if rows.is_empty() {
            break;
        }
        after = rows.last().map(InboxKey::of);
        all.extend(rows);
    }
    all
}

/// The inbox order, written out independently of the SQL: overdue first by received
/// date, then by the due date in force, then signals without a due date; ties by
/// received date, then id.
fn order_key(r: &SignalRow) -> (u8, Option<NaiveDate>, NaiveDate, i64) {
    match (r.overdue, r.feedback_due) {
        (true, _) => (0, None, r.received_on, r.id),
        (false, Some(d)) => (1, Some(d), r.received_on, r.id),
        (false, None) => (2, None, r.received_on, r.id),
    }
}

/// The oracle: the unpaged list sorted in Rust.
fn sorted(mut rows: Vec<SignalRow>) -> Vec<SignalRow> {
    rows.sort_by_key(order_key);
    rows
}

#[test]
fn paging_visits_every_open_signal_once_in_order() {
    let store = store();
    let expected = sorted(store.signals(&SignalFilter::default()).unwrap());
    assert!(
        expected.len() > 1000,
        "a few thousand signals, {} open",
        expected.len()
    );
    for page in [1, 7, 50, 200] {
        let got = page_through(&store, &InboxFilter::default(), page);
        assert_eq!(got.len(), expected.len(), "page size {page}");
        let ids: HashSet<i64> = got.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), got.len(), "no signal twice (page size {page})");
        assert!(
            got.windows(2).all(|w| order_key(&w[0]) < order_key(&w[1])),
            "in inbox order"
        );
        assert_eq!(got, expected, "same rows as the unpaged list, sorted");
    }
    // The oracle is not the old order by age: due dates and received dates disagree.
    let rest: Vec<&SignalRow> = expected.iter().filter(|r| !r.overdue).collect();
    assert!(
        rest.windows(2).any(|w| w[0].received_on > w[1].received_on),
        "after the overdue block the order is by due date, not by age"
    );
    let counts = store.inbox_counts().unwrap();
    assert_eq!(counts.open as usize, expected.len());
    assert_eq!(
        counts.overdue as usize,
        expected.iter().filter(|r| r.overdue).count()
    );
    assert!(
        counts.overdue > 0 && counts.overdue < counts.open,
        "both segments are exercised"
    );
}

#[test]
fn paging_backwards_returns_the_same_rows() {
    let store = store();
    let f = InboxFilter::default();
    let forward = page_through(&store, &f, 97);
    let mut back = Vec::new();
    let mut before = forward.last().map(InboxKey::of);
    back.push(forward.last().unwrap().clone());
    while let Some(key) = before {
        let rows = store.inbox_page_before(&f, Some(key), 61).unwrap();
        if rows.is_empty() {
            break;
        }
        before = rows.first().map(InboxKey::of);
        let mut rows = rows;
        rows.reverse();
        back.extend(rows);
    }
    back.reverse();
    assert_eq!(back, forward);
}

#[test]
fn filtered_paging_matches_the_filtered_list() {
    let store = store();
    let theme = "verkeer".to_string();
    let f = InboxFilter {
        theme: Some(theme.clone()),
        ..Default::default()
    };
    let got = page_through(&store, &f, 33);
    let expected = sorted(
        store
            .signals(&SignalFilter {
                theme: Some(theme),
                ..Default::default()
            })
            .unwrap(),
    );
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    let overdue = page_through(
        &store,
        &InboxFilter {
            overdue_only: true,
            ..Default::default()
        },
        40,
    );
    assert!(overdue.iter().all(|r| r.overdue));
    assert_eq!(overdue.len() as i64, store.inbox_counts().unwrap().overdue);
}

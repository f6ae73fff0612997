//! Correctness at scale (not timing) for the keyset-paged lists besides the inbox: on
//! a generated database of a few thousand signals, paging through the tracker, the
//! organisations, the meetings and the people, forwards and backwards, with and
//! without filters, gives every row exactly once and in order, the same rows as the
//! unpaged queries; the counts in the titles agree; and walking the screens (the inbox
//! too) with j, PageDown, G and k visits the same rows.

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use ratatui::layout::Size;
use std::collections::HashSet;
use wijkdesk::domain::meeting::MeetingStatus;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{
    ActionFilter, CommitmentFilter, Ctx, Meeting, NewAction, OrgSummary, Person, SignalFilter,
    Store, TrackerFilter, TrackerItem,
};
use wijkdesk::tui::testing::press;
use wijkdesk::tui::{App, Lang, Settings};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn ctx() -> Ctx {
    Ctx::new("demo", today())
}

/// One generated database, built once and only read by the tests.
fn store() -> Store {
    static DB: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("scale.db"), ctx()).unwrap();
        wijkdesk::demo::load(&mut store, 3000).unwrap();
        // The generated city keeps only a few percent open; the tracker's paging needs
        // more than one window of rows, so half of the finished actions and
        // commitments come back as a backlog (the kept figures follow through their
        // triggers).
        store
            .conn()
            .execute_batch(
                "UPDATE action SET state = 'open', resolved_on = NULL WHERE state != 'open' AND id % 2 = 0;
                 UPDATE commitment SET state = 'open', resolved_on = NULL, acknowledgement = NULL,
                        prevention = NULL, reason = NULL
                  WHERE state != 'open' AND id % 2 = 0;",
            )
            .unwrap();
        // The generator gives every action a due date; the tracker lists those without
        // one last, so add a few.
        for n in 0..5 {
            store
                .add_action(NewAction {
                    text: format!("Navragen zonder datum {n}"),
                    ..NewAction::default()
                })
                .unwrap();
        }
        dir
    });
    Store::open(&dir.path().join("scale.db"), ctx()).unwrap()
}

/// Every row, by pages of `n` after the last one seen.
fn forwards<R: Clone>(mut page: impl FnMut(Option<&R>) -> Vec<R>) -> Vec<R> {
    let mut all: Vec<R> = Vec::new();
    loop {
        let rows = page(all.last());
        if rows.is_empty() {
            break;
        }
        all.extend(rows);
    }
    all
}

/// Every row, by pages of `n` before the first one seen, from the end.
fn backwards<R: Clone>(mut page: impl FnMut(Option<&R>) -> Vec<R>) -> Vec<R> {
    let mut all: Vec<R> = Vec::new();
    loop {
        let rows = page(all.first());
        if rows.is_empty() {
            break;
        }
        all.splice(0..0, rows);
    }
    all
}

/// The tracker's rows the plain way: every open action and commitment, sorted.
fn tracker_unpaged(store: &Store, f: &TrackerFilter) -> Vec<TrackerItem> {
    let mut all: Vec<TrackerItem> = Vec::new();
    if f.org_id.is_none() {
        all.extend(
            store
                .actions(&ActionFilter {
                    owner_person_id: f.owner_person_id,
                    owner_org_id: f.owner_org_id,
                    overdue_only: f.overdue_only,
                    due_before: f.due_before,
                    ..ActionFilter::default()
                })
                .unwrap()
                .into_iter()
                .filter(|a| !(f.due_before.is_some() || f.overdue_only) || a.due.is_some())
                .map(TrackerItem::Action),
        );
    }
    all.extend(
        store
            .commitments(&CommitmentFilter {
                org_id: f.org_id,
                owner_person_id: f.owner_person_id,
                owner_org_id: f.owner_org_id,
                overdue_only: f.overdue_only,
                due_before: f.due_before,
                ..CommitmentFilter::default()
            })
            .unwrap()
            .into_iter()
            .map(TrackerItem::Commitment),
    );
    all.sort_by_key(TrackerItem::key);
    all
}

fn filters(store: &Store) -> Vec<(String, TrackerFilter)> {
    let all = tracker_unpaged(store, &TrackerFilter::default());
    let owner = all.iter().find_map(|i| match i {
        TrackerItem::Action(a) => a.owner_person_id,
        TrackerItem::Commitment(c) => c.owner_person_id,
    });
    let service = all.iter().find_map(|i| match i {
        TrackerItem::Action(a) => a.owner_org_id,
        TrackerItem::Commitment(c) => c.owner_org_id,
    });
    let org = all.iter().find_map(|i| match i {
        TrackerItem::Commitment(c) => Some(c.org_id),
        TrackerItem::Action(_) => None,
    });
    vec![
        ("none".into(), TrackerFilter::default()),
        (
            "overdue".into(),
            TrackerFilter {
                overdue_only: true,
                ..TrackerFilter::default()
            },
        ),
        (
            "due this month".into(),
            TrackerFilter {
                due_before: Some(today() + chrono::Duration::days(30)),
                ..TrackerFilter::default()
            },
        ),
        (
            "one owner".into(),
            TrackerFilter {
                owner_person_id: owner,
                ..TrackerFilter::default()
            },
        ),
        (
            "one service".into(),
            TrackerFilter {
                owner_org_id: service,
                ..TrackerFilter::default()
            },
        ),
        (
            "one organisation".into(),
            TrackerFilter {
                org_id: org,
                ..TrackerFilter::default()
            },
        ),
    ]
}

#[test]
fn tracker_pages_give_every_open_item_once_in_order() {
    let store = store();
    for (name, f) in filters(&store) {
        let expected = tracker_unpaged(&store, &f);
        assert!(!expected.is_empty(), "filter {name} lists something");
        if name == "none" {
            assert!(expected.len() > 200, "{} open items", expected.len());
            assert!(
                expected.iter().any(|i| i.due().is_none()),
                "undated actions are exercised"
            );
            assert!(expected.iter().any(TrackerItem::overdue));
            // Several items on one day, of both kinds: the tie-break is exercised.
            assert!(expected.windows(2).any(|w| w[0].due() == w[1].due()
                && matches!(w[0], TrackerItem::Action(_))
                && matches!(w[1], TrackerItem::Commitment(_))));
        }
        for n in [1, 7, 200] {
            let fwd = forwards(|last: Option<&TrackerItem>| {
                store
                    .tracker_page(&f, last.map(TrackerItem::key), n)
                    .unwrap()
            });
            let refs: HashSet<RecordRef> = fwd.iter().map(TrackerItem::reference).collect();
            assert_eq!(refs.len(), fwd.len(), "{name}, pages of {n}: nothing twice");
            assert_eq!(fwd, expected, "{name}, pages of {n}: forwards");
            let back = backwards(|first: Option<&TrackerItem>| {
                store
                    .tracker_page_before(&f, first.map(TrackerItem::key), n)
                    .unwrap()
            });
            assert_eq!(back, expected, "{name}, pages of {n}: backwards");
        }
        assert_eq!(
            store.tracker_count(&f).unwrap(),
            expected.len(),
            "{name}: count"
        );
    }
}

#[test]
fn organisation_pages_give_every_organisation_once_in_order() {
    let store = store();
    for filter in ["", "bewoners", "Centrum", "service", "zzz-nothing"] {
        let expected = store.org_summaries(filter, 1_000_000).unwrap();
        if filter.is_empty() {
            assert!(expected.len() > 50, "{} organisations", expected.len());
        }
        for n in [1, 9, 200] {
            let fwd = forwards(|last: Option<&OrgSummary>| {
                store
                    .org_page(filter, last.map(|r| r.org.name.as_str()), n)
                    .unwrap()
            });
            assert_eq!(fwd, expected, "filter {filter:?}, pages of {n}");
            let back = backwards(|first: Option<&OrgSummary>| {
                store
                    .org_page_before(filter, first.map(|r| r.org.name.as_str()), n)
                    .unwrap()
            });
            assert_eq!(back, expected, "filter {filter:?}, pages of {n}, backwards");
        }
        assert_eq!(store.org_count(filter).unwrap(), expected.len());
    }
}

#[test]
fn meeting_pages_give_every_meeting_once_in_order() {
    let store = store();
    // The plain way: every meeting, planned ones soonest first, then the rest newest first.
    let mut all = store.meetings(1_000_000).unwrap();
    let total = all.len();
    assert!(total > 50, "{total} meetings");
    assert!(
        all.iter().any(|m| m.status == MeetingStatus::Planned)
            && all.iter().any(|m| m.status != MeetingStatus::Planned),
        "both segments are exercised"
    );
    let key = |m: &Meeting| {
        let planned = m.status == MeetingStatus::Planned;
        let t = m.starts_at.and_utc().timestamp();
        (
            !planned,
            if planned { t } else { -t },
            if planned { m.id } else { -m.id },
        )
    };
    all.sort_by_key(key);
    let first = all
        .iter()
        .find(|m| m.status != MeetingStatus::Planned)
        .unwrap()
        .clone();
    for filter in ["", "overleg", &first.reference().to_string(), "zzz-nothing"] {
        let expected: Vec<Meeting> = all
            .iter()
            .filter(|m| {
                filter.is_empty()
                    || m.title.to_lowercase().contains(&filter.to_lowercase())
                    || m.reference().to_string() == filter
            })
            .cloned()
            .collect();
        for n in [1, 9, 200] {
            let fwd =
                forwards(|last: Option<&Meeting>| store.meeting_page(filter, last, n).unwrap());
            assert_eq!(fwd, expected, "filter {filter:?}, pages of {n}");
            let back = backwards(|first: Option<&Meeting>| {
                store.meeting_page_before(filter, first, n).unwrap()
            });
            assert_eq!(back, expected, "filter {filter:?}, pages of {n}, backwards");
        }
        assert_eq!(store.meeting_count(filter).unwrap(), expected.len());
    }
}

#[test]
fn people_pages_give_everyone_once_in_order() {
    let store = store();
    for filter in ["", "jan", "voorzitter", "zzz-nothing"] {
        let expected = store.people(filter, None, 1_000_000).unwrap();
        if filter.is_empty() {
            assert!(expected.len() > 100, "{} people", expected.len());
        }
        for n in [1, 9, 200] {
            let fwd = forwards(|last: Option<&Person>| store.people_page(filter, last, n).unwrap());
            assert_eq!(fwd, expected, "filter {filter:?}, pages of {n}");
            let back = backwards(|first: Option<&Person>| {
                store.people_page_before(filter, first, n).unwrap()
            });
            assert_eq!(back, expected, "filter {filter:?}, pages of {n}, backwards");
        }
        assert_eq!(store.people_count(filter).unwrap(), expected.len());
    }
}

/// The record selected on a screen, by walking it with `key` until it stops moving.
fn walk(app: &mut App, key: KeyCode) -> Vec<RecordRef> {
    let mut seen: Vec<RecordRef> = app.selected_record().into_iter().collect();
    loop {
        press(app, key);
        match app.selected_record() {
            Some(r) if seen.last() != Some(&r) => seen.push(r),
            _ => return seen,
        }
    }
}

#[test]
fn walking_the_screens_visits_every_row_once_and_g_reaches_the_end() {
    let mut store = store();
    let expected: Vec<RecordRef> = tracker_unpaged(&store, &TrackerFilter::default())
        .iter()
        .map(TrackerItem::reference)
        .collect();
    let orgs: Vec<RecordRef> = store
        .org_summaries("", 1_000_000)
        .unwrap()
        .iter()
        .map(|o| o.org.reference())
        .collect();
    let mut meetings: Vec<Meeting> = store.meetings(1_000_000).unwrap();
    meetings.sort_by_key(|m| {
        let planned = m.status == MeetingStatus::Planned;
        let t = m.starts_at.and_utc().timestamp();
        (
            !planned,
            if planned { t } else { -t },
            if planned { m.id } else { -m.id },
        )
    });
    let meetings: Vec<RecordRef> = meetings.iter().map(Meeting::reference).collect();
    let people: Vec<RecordRef> = store
        .people("", None, 1_000_000)
        .unwrap()
        .iter()
        .map(Person::reference)
        .collect();
    let signals: Vec<RecordRef> = store
        .signals(&SignalFilter::default())
        .unwrap()
        .iter()
        .map(|s| RecordRef::new(RecordKind::Signal, s.id))
        .collect();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, false, false),
        Size {
            width: 120,
            height: 40,
        },
    );
    for (screen, rows) in [
        ("inbox", &signals),
        ("tracker", &expected),
        ("organisations", &orgs),
        ("meetings", &meetings),
        ("people", &people),
    ] {
        assert!(rows.len() > 50, "{screen}: {} rows", rows.len());
        assert!(app.select_screen(screen));
        assert_eq!(
            &walk(&mut app, KeyCode::Char('j')),
            rows,
            "{screen}: j to the end"
        );
        press(&mut app, KeyCode::Char('g'));
        assert_eq!(app.selected_record().as_ref(), rows.first(), "{screen}: g");
        let by_page = walk(&mut app, KeyCode::PageDown);
        assert_eq!(by_page.last(), rows.last(), "{screen}: PageDown to the end");
        press(&mut app, KeyCode::Char('g'));
        press(&mut app, KeyCode::Char('G'));
        assert_eq!(app.selected_record().as_ref(), rows.last(), "{screen}: G");
        let up: Vec<RecordRef> = walk(&mut app, KeyCode::Char('k'))
            .into_iter()
            .rev()
            .collect();
        assert_eq!(&up, rows, "{screen}: k back to the top");
    }
}

//! The reports as the store counts them (grouped queries on the facts schema/004 keeps
//! per signal) against the same figures worked out one signal at a time from the raw
//! feedback rows, on generated data with back-dated feedback, merges and edits, for
//! many filters: every figure and every list of records behind a figure must agree.

mod support;

use chrono::{Datelike, Duration, Months, NaiveDate};
use rusqlite::params;
use support::TempDb;
use wijkdesk::domain::report::{
    Lang, LoopFacts, LoopSignal, ReportFilter, Rows, Table, loop_selection,
};
use wijkdesk::store::{Channel, NewFeedback, NewSignal, Owner, Store, Triage};

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").expect("an ISO date"))
}

/// The loop report's signals for a filter, read one by one from signal, feedback, the
/// moves kept per signal and the audit trail for the promise (not from the columns the
/// triggers and counters keep; signals the bulk writer made have no audit row, and
/// their first due date is the column's).
fn signals_one_by_one(store: &Store, f: &ReportFilter) -> Vec<LoopSignal> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT s.id, s.received_on, s.district, s.theme,
                    s.state IN ('new', 'triaged', 'in_progress')
                      OR (s.state = 'merged' AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.signal_id = s.id AND f.is_final = 1)),
                    coalesce((SELECT json_extract(a.changes, '$.first_due[1]') FROM audit a
                               WHERE a.record = 'S-' || s.id AND json_extract(a.changes, '$.first_due[1]') IS NOT NULL
                               ORDER BY a.id DESC LIMIT 1), s.first_due),
                    (SELECT f.given_on FROM feedback f WHERE f.signal_id = s.id ORDER BY f.given_on, f.id LIMIT 1),
                    (SELECT f.due_then FROM feedback f WHERE f.signal_id = s.id ORDER BY f.given_on, f.id LIMIT 1),
                    (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = s.id AND f.is_final = 1),
                    s.state IN ('new', 'triaged', 'in_progress'), s.feedback_due,
                    s.owner_org_id, (SELECT coalesce(so.short_name, so.name) FROM organisation so WHERE so.id = s.owner_org_id),
                    s.org_id, (SELECT o.name FROM organisation o WHERE o.id = s.org_id),
                    (SELECT count(*) FROM signal_due_move m WHERE m.signal_id = s.id AND m.new_due > m.old_due),
                    (SELECT coalesce(sum(julianday(m.new_due) - julianday(m.old_due)), 0)
                       FROM signal_due_move m WHERE m.signal_id = s.id AND m.new_due > m.old_due)
               FROM signal s
              WHERE (?1 IS NULL OR s.district = ?1 COLLATE NOCASE)
                AND (?2 IS NULL OR s.theme = ?2)
                AND (?3 IS NULL OR s.owner_org_id = ?3)
                AND (?4 IS NULL OR s.org_id = ?4)
              ORDER BY s.id",
        )
        .expect("prepare");
    st.query_map(params![f.district, f.theme, f.service, f.org], |r| {
        let first = date(r.get(6)?);
        let first_due = date(r.get(5)?);
        let due_then = date(r.get(7)?);
        Ok(LoopSignal {
            id: r.get(0)?,
            received_on: date(r.get(1)?).expect("received"),
            district: r.get(2)?,
            theme: r.get(3)?,
            open: r.get(4)?,
            first_due,
            first_feedback: first.map(|g| (g, due_then)),
            answered_on: date(r.get(8)?),
            in_inbox: r.get(9)?,
            due_now: date(r.get(10)?),
            service: r
                .get::<_, Option<i64>>(11)?
                .map(|id| {
                    Ok::<_, rusqlite::Error>((
                        id,
                        r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                    ))
                })
                .transpose()?,
            org: r
                .get::<_, Option<i64>>(13)?
                .map(|id| {
                    Ok::<_, rusqlite::Error>((
                        id,
                        r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                    ))
                })
                .transpose()?,
            due_moves: r.get::<_, i64>(15)? as usize,
            due_moved_days: r.get::<_, f64>(16)? as i64,
        })
    })
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

/// Each residents' organisation's last meeting and last contact up to `day`, from
/// meetings and feedback directly (the query the cadence report used before
/// schema/004): (id, last meeting, last contact).
type Contacts = (i64, Option<NaiveDate>, Option<NaiveDate>);
fn last_contacts(store: &Store, day: NaiveDate) -> Vec<Contacts> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT o.id,
                    (SELECT max(substr(m.starts_at, 1, 10))
                       FROM meeting m JOIN meeting_org mo ON mo.meeting_id = m.id
                      WHERE mo.org_id = o.id AND m.status IN ('held', 'final')
                        AND (mo.attended = 1 OR mo.attended IS NULL)
                        AND substr(m.starts_at, 1, 10) <= ?1),
                    (SELECT max(d) FROM (
                        SELECT substr(m.starts_at, 1, 10) AS d
                          FROM meeting m JOIN meeting_org mo ON mo.meeting_id = m.id
                         WHERE mo.org_id = o.id AND m.status IN ('held', 'final')
                           AND coalesce(mo.attended, 1) = 1 AND substr(m.starts_at, 1, 10) <= ?1
                        UNION ALL
                        SELECT f.given_on FROM feedback f JOIN signal s ON s.id = f.signal_id
                         WHERE s.org_id = o.id AND f.given_on <= ?1))
               FROM organisation o WHERE o.kind = 'residents' ORDER BY o.id",
        )
        .expect("prepare");
    st.query_map([day.to_string()], |r| {
        Ok((r.get(0)?, date(r.get(1)?), date(r.get(2)?)))
    })
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

fn keys(tables: &[Table]) -> Vec<(String, String)> {
    tables
        .iter()
        .flat_map(|t| &t.rows)
        .flatten()
        .filter_map(|c| c.key.clone().map(|k| (k, c.text.clone())))
        .collect()
}

/// The records behind a figure read a page of `size` at a time, each page after the
/// last ID of the one before, until no more follow.
fn paged(store: &Store, key: &str, f: &ReportFilter, size: usize) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    loop {
        let page = store
            .report_records_page(key, f, all.last().map(String::as_str), size)
            .expect("page");
        assert!(page.ids.len() <= size, "{key}: {} > {size}", page.ids.len());
        assert!(
            !page.more || page.ids.len() == size,
            "{key}: a short page says more follow"
        );
        all.extend(page.ids);
        if !page.more {
            return all;
        }
    }
}

/// The commitments and load reports read from their kept counts equal the same reports
/// worked out commitment by commitment and signal by signal (the facts the store reads
/// from the base rows), and so do the records behind every figure.
fn assert_kept_agree(store: &Store, f: &ReportFilter, after: &str) {
    let fast = store.commitments_report(f, Lang::En).expect("commitments");
    let slow = store.commitment_facts(f).expect("facts");
    assert_eq!(
        fast,
        slow.report(Lang::En),
        "commitments with {f:?} after {after}"
    );
    let figures = keys(&fast.tables(Lang::En, Rows::All));
    assert!(figures.len() >= 8, "{f:?}: {}", figures.len());
    for (key, text) in &figures {
        let got = store.report_records(key, f).expect("records");
        let want: Vec<String> = slow
            .records(key)
            .unwrap_or_else(|| panic!("{key}"))
            .into_iter()
            .map(|id| format!("C-{id}"))
            .collect();
        assert_eq!(got, want, "{key} with {f:?} after {after}");
        assert_eq!(
            &got.len().to_string(),
            text,
            "{key} with {f:?} after {after}"
        );
        assert_eq!(paged(store, key, f, 7), want, "{key} paged with {f:?}");
    }
    let fast = store.load_report(f).expect("load");
    let slow = store.load_facts(f).expect("facts");
    assert_eq!(fast, slow.report(), "load with {f:?} after {after}");
    for (key, _) in keys(&fast.tables(Lang::En, Rows::All)) {
        let got = store.report_records(&key, f).expect("records");
        assert_eq!(
            Some(got),
            slow.records(&key),
            "{key} with {f:?} after {after}"
        );
    }
}

/// The loop report, its records and the cadence's last contacts, both ways.
fn assert_agree(store: &Store, f: &ReportFilter) {
    assert_kept_agree(store, f, "");
    let today = store.today();
    let fast = store.loop_report(f, Lang::En).expect("loop report");
    // The filter as the store applies it (theme without '#', lower case).
    let applied = fast.filter.clone();
    let signals = signals_one_by_one(store, &applied);
    let slow = LoopFacts::from_signals(today, applied.clone(), &signals).report(Lang::En);
    assert_eq!(fast, slow, "loop report with {f:?}");
    let figures = keys(&fast.tables(Lang::En, Rows::All));
    assert!(figures.len() > 20, "{f:?}: {}", figures.len());
    for (key, text) in figures {
        let got = store.report_records(&key, f).expect("records");
        let want: Vec<String> = loop_selection(&key, &applied, today)
            .unwrap_or_else(|| panic!("{key}"))
            .select(&signals)
            .into_iter()
            .map(|id| format!("S-{id}"))
            .collect();
        assert_eq!(got, want, "{key} with {f:?}");
        assert_eq!(got.len().to_string(), text, "{key} with {f:?}");
        let size = if got.len() < 40 { 1 } else { 97 };
        assert_eq!(paged(store, &key, f, size), want, "{key} paged with {f:?}");
    }
    let cadence = store.cadence_facts(f).expect("cadence");
    // Which organisations a theme or service keeps, from the signals and commitments.
    let mut kept_orgs: Vec<i64> = cadence.orgs.iter().map(|o| o.org_id).collect();
    kept_orgs.sort_unstable();
    let want_orgs: Vec<i64> = store
        .conn()
        .prepare(
            "SELECT o.id FROM organisation o
              WHERE o.kind = 'residents'
                AND (?1 IS NULL OR o.district = ?1 COLLATE NOCASE)
                AND (?2 IS NULL OR EXISTS (SELECT 1 FROM signal s WHERE s.org_id = o.id AND s.theme = ?2))
                AND (?3 IS NULL OR EXISTS (SELECT 1 FROM signal s WHERE s.org_id = o.id AND s.owner_org_id = ?3)
                     OR EXISTS (SELECT 1 FROM commitment c WHERE c.org_id = o.id AND c.owner_org_id = ?3))
                AND (?4 IS NULL OR o.id = ?4)
              ORDER BY o.id",
        )
        .expect("prepare")
        .query_map(
            params![applied.district, applied.theme, applied.service, applied.org],
            |r| r.get(0),
        )
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert_eq!(kept_orgs, want_orgs, "cadence's organisations with {f:?}");
    let day = applied.to.unwrap_or(today);
    let all = last_contacts(store, day);
    let mut slow = cadence.clone();
    for o in &mut slow.orgs {
        let (_, met, contact) = *all
            .iter()
            .find(|(id, _, _)| *id == o.org_id)
            .unwrap_or_else(|| panic!("O-{}", o.org_id));
        assert_eq!(
            o.last_meeting, met,
            "last meeting of O-{} on {day}",
            o.org_id
        );
        assert_eq!(
            o.last_contact(),
            contact,
            "last contact of O-{} on {day}",
            o.org_id
        );
        // The figures again from the oracle's dates alone: feedback is contact only.
        o.last_meeting = met;
        o.last_feedback = contact.filter(|c| Some(*c) != met);
    }
    let report = store.cadence_report(f).expect("cadence report");
    assert_eq!(report, slow.report(), "cadence report with {f:?}");
    for r in &report.overdue {
        let met = all.iter().find(|(id, _, _)| format!("O-{id}") == r.org);
        let met = met.and_then(|(_, m, _)| *m);
        assert_eq!(r.last_meeting, met, "{}", r.org);
        if let Some(m) = met {
            assert!(
                (day - m).num_days() > r.allowed_days,
                "{} overdue by its meeting",
                r.org
            );
        }
    }
    let mut listed = store.report_records("cadence.overdue", f).expect("records");
    let mut shown: Vec<String> = report.overdue.iter().map(|r| r.org.clone()).collect();
    listed.sort();
    shown.sort();
    assert_eq!(listed, shown, "cadence.overdue records with {f:?}");
}

/// The facts the triggers keep on every signal equal what its feedback says.
fn assert_facts_kept(store: &Store) {
    let wrong: Vec<(i64, String)> = store
        .conn()
        .prepare(
            "SELECT s.id, concat_ws(' | ', s.first_feedback_on, s.first_feedback_due, s.answered_on, s.last_feedback_on)
               FROM signal s
              WHERE s.first_feedback_on IS NOT
                    (SELECT f.given_on FROM feedback f WHERE f.signal_id = s.id ORDER BY f.given_on, f.id LIMIT 1)
                 OR s.first_feedback_due IS NOT
                    (SELECT f.due_then FROM feedback f WHERE f.signal_id = s.id ORDER BY f.given_on, f.id LIMIT 1)
                 OR s.answered_on IS NOT
                    (SELECT min(f.given_on) FROM feedback f WHERE f.signal_id = s.id AND f.is_final = 1)
                 OR s.last_feedback_on IS NOT (SELECT max(f.given_on) FROM feedback f WHERE f.signal_id = s.id)",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(wrong.is_empty(), "{wrong:?}");
}

/// Every signal's first feedback is measured against its promise: the first due date
/// as the audit trail has it when the feedback came (the creation row, or the demo
/// story's setting of it), however often the due date moved before.
fn assert_measured_against_the_promise(store: &Store) {
    let wrong: Vec<(i64, Option<String>, Option<String>)> = store
        .conn()
        .prepare(
            "SELECT id, first_feedback_due, promise FROM (
                SELECT s.id, s.first_feedback_due,
                       (SELECT json_extract(a.changes, '$.first_due[1]') FROM audit a
                         WHERE a.record = 'S-' || s.id AND json_extract(a.changes, '$.first_due[1]') IS NOT NULL
                         ORDER BY a.id DESC LIMIT 1) AS promise
                  FROM signal s
                 WHERE s.first_feedback_on IS NOT NULL
                   AND EXISTS (SELECT 1 FROM audit a WHERE a.record = 'S-' || s.id AND a.action = 'create'))
             WHERE first_feedback_due IS NOT promise",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(wrong.is_empty(), "{wrong:?}");
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

fn text(store: &Store, sql: &str) -> String {
    store
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The demo data with 1,500 generated signals, then back-dated interim and final
/// feedback through the store (interim feedback moves the due date), merges and moves
/// of the due date (later with a reason, and earlier).
fn dataset() -> (TempDb, Store) {
    let db = TempDb::new();
    let mut store = db.open("anna");
    wijkdesk::demo::load(&mut store, 1500).expect("demo data");
    let today = store.today();
    // The generated city answers most signals within weeks and only a few percent stay
    // open: signals received over the last two months, through the store, make up the
    // open ones the changes below need.
    let open_now = ids(
        &store,
        "SELECT id FROM signal WHERE state IN ('new', 'triaged', 'in_progress')",
    )
    .len();
    let owner: i64 = store
        .conn()
        .query_row(
            "SELECT owner_person_id FROM signal WHERE owner_person_id IS NOT NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an owner");
    let org = ids(&store, "SELECT id FROM organisation ORDER BY id LIMIT 40");
    for k in 0..240usize.saturating_sub(open_now) {
        let received = today - Duration::days((k % 60) as i64 + 1);
        store.set_as_of(Some(received), today);
        let s = store
            .add_signal(NewSignal {
                title: format!("Nog open {k}"),
                org_id: Some(org[k % org.len()]),
                received_on: Some(received),
                ..Default::default()
            })
            .expect("signal");
        if k % 4 != 0 {
            let owner = Owner {
                person_id: Some(owner),
                org_id: None,
            };
            store
                .triage(
                    s.id,
                    Triage {
                        owner: Some(owner),
                        theme: None,
                        expectation: None,
                        feedback_due: None,
                        reason: None,
                    },
                    None,
                )
                .expect("triage");
        }
    }
    store.set_as_of(None, today);
    let open = ids(
        &store,
        "SELECT id FROM signal WHERE state IN ('new', 'triaged', 'in_progress') ORDER BY id LIMIT 240",
    );
    let mut written = 0;
    for (i, pair) in open.chunks(2).enumerate() {
        let id = pair[0];
        let received: NaiveDate = text(
            &store,
            &format!("SELECT received_on FROM signal WHERE id = {id}"),
        )
        .parse()
        .expect("date");
        let day = (received + Duration::days((i % 35) as i64)).min(today);
        store.set_as_of(Some(day), today);
        let fb = |is_final: bool, next: Option<i64>| NewFeedback {
            channel: Channel::Email,
            text: "Stand van zaken".into(),
            is_final,
            next_due: next.map(|n| today + Duration::days(n)),
        };
        let ok = match i % 5 {
            0 => store.add_feedback(id, fb(false, Some(10)), None).is_ok(),
            1 => {
                let first = store.add_feedback(id, fb(false, Some(3)), None).is_ok();
                store.set_as_of(Some((day + Duration::days(9)).min(today)), today);
                first && store.add_feedback(id, fb(true, None), None).is_ok()
            }
            2 => store.add_feedback(id, fb(true, None), None).is_ok(),
            3 if pair.len() == 2 => store.merge_signal(id, pair[1], true, None).is_ok(),
            // A postponement (counted), sometimes twice, and sometimes an earlier date
            // (kept on the timeline, not counted).
            _ => {
                let later = store
                    .move_signal_due(
                        id,
                        today + Duration::days(20 + (i % 3) as i64),
                        "Wacht op de aannemer",
                        None,
                    )
                    .is_ok();
                if i % 4 == 0 {
                    let _ =
                        store.move_signal_due(id, today + Duration::days(40), "Nog steeds", None);
                }
                if i % 3 == 0 {
                    let _ = store.move_signal_due(id, today + Duration::days(5), "", None);
                }
                later
            }
        };
        written += usize::from(ok);
    }
    store.set_as_of(None, today);
    assert!(written > 60, "{written}");
    (db, store)
}

fn filters(store: &Store) -> Vec<ReportFilter> {
    let today = store.today();
    let ago = |n: i64| Some(today - Duration::days(n));
    let period = |from, to| ReportFilter {
        from,
        to,
        ..Default::default()
    };
    let district = text(
        store,
        "SELECT district FROM signal WHERE district IS NOT NULL GROUP BY district ORDER BY count(*) DESC LIMIT 1",
    );
    let theme = text(
        store,
        "SELECT theme FROM signal WHERE theme IS NOT NULL GROUP BY theme ORDER BY count(*) DESC LIMIT 1",
    );
    let service: i64 = text(
        store,
        "SELECT CAST(owner_org_id AS TEXT) FROM signal WHERE owner_org_id IS NOT NULL
          GROUP BY owner_org_id ORDER BY count(*) DESC LIMIT 1",
    )
    .parse()
    .expect("id");
    let org: i64 = text(
        store,
        "SELECT CAST(org_id AS TEXT) FROM signal WHERE org_id IS NOT NULL
          GROUP BY org_id ORDER BY count(*) DESC LIMIT 1",
    )
    .parse()
    .expect("id");
    vec![
        ReportFilter::default(),
        period(ago(90), Some(today)),
        period(ago(400), ago(200)),
        period(None, ago(100)),
        period(ago(30), None),
        // Whole months only, which the days to first feedback read per month.
        period(
            today
                .with_day(1)
                .and_then(|d| d.checked_sub_months(Months::new(14))),
            today.with_day(1).map(|d| d - Duration::days(1)),
        ),
        period(
            Some(today + Duration::days(10)),
            Some(today + Duration::days(40)),
        ),
        ReportFilter {
            district: Some(district.to_uppercase()),
            ..Default::default()
        },
        ReportFilter {
            theme: Some(format!("#{}", theme.to_uppercase())),
            service: Some(service),
            ..Default::default()
        },
        ReportFilter {
            org: Some(org),
            from: ago(365),
            ..Default::default()
        },
        ReportFilter {
            district: Some(district),
            theme: Some(theme),
            to: ago(60),
            ..Default::default()
        },
    ]
}

#[test]
fn counted_reports_agree_with_signals_one_by_one() {
    let (_db, store) = dataset();
    assert_facts_kept(&store);
    assert_measured_against_the_promise(&store);
    for f in filters(&store) {
        assert_agree(&store, &f);
    }
}

#[test]
fn feedback_facts_follow_edits_moves_and_deletions() {
    let (db, store) = dataset();
    let raw = db.raw();
    raw.execute_batch(
        "UPDATE feedback SET given_on = date(given_on, '-9 days') WHERE id % 7 = 0;
         UPDATE feedback SET is_final = 1 - is_final WHERE id % 17 = 0;
         UPDATE feedback SET due_then = date(coalesce(due_then, given_on), '+5 days') WHERE id % 19 = 0;
         UPDATE feedback SET signal_id = (SELECT max(id) FROM signal) WHERE id % 13 = 0;
         DELETE FROM feedback WHERE id % 11 = 0;",
    )
    .expect("edit feedback");
    drop(raw);
    assert_facts_kept(&store);
    for f in filters(&store).into_iter().take(5) {
        assert_agree(&store, &f);
    }
}

#[test]
fn reports_follow_edits_that_move_signals_to_another_organisation_and_district() {
    let (_db, mut store) = dataset();
    // Signals with and without feedback, open and answered, move to the least used
    // organisation and district (and some to another theme), through the store's edit.
    let org: i64 = text(
        &store,
        "SELECT CAST(o.id AS TEXT) FROM organisation o WHERE o.kind = 'residents'
          ORDER BY (SELECT count(*) FROM signal s WHERE s.org_id = o.id), o.id LIMIT 1",
    )
    .parse()
    .expect("id");
    let district = text(
        &store,
        "SELECT district FROM signal WHERE district IS NOT NULL GROUP BY district ORDER BY count(*), district LIMIT 1",
    );
    let theme = text(
        &store,
        "SELECT theme FROM signal WHERE theme IS NOT NULL GROUP BY theme ORDER BY count(*), theme LIMIT 1",
    );
    let moved = ids(
        &store,
        "SELECT id FROM signal WHERE id % 9 = 0 AND state != 'merged' ORDER BY first_feedback_on IS NULL, id LIMIT 60",
    );
    assert!(moved.len() >= 40, "{}", moved.len());
    let before: i64 = text(
        &store,
        &format!("SELECT CAST(count(*) AS TEXT) FROM signal WHERE org_id = {org}"),
    )
    .parse()
    .expect("count");
    for (i, id) in moved.iter().enumerate() {
        let edit = wijkdesk::store::SignalEdit {
            org_id: Some(org),
            district: Some(district.clone()),
            theme: (i % 2 == 0).then(|| theme.clone()),
            ..Default::default()
        };
        match store.edit_signal(*id, edit, None) {
            Ok(s) => assert_eq!(
                (s.org_id, s.district.as_deref()),
                (Some(org), Some(district.as_str()))
            ),
            // Already there: nothing to change is refused, and changes nothing.
            Err(e) => assert!(e.to_string().contains("nothing to change"), "S-{id}: {e}"),
        }
    }
    let after: i64 = text(
        &store,
        &format!("SELECT CAST(count(*) AS TEXT) FROM signal WHERE org_id = {org}"),
    )
    .parse()
    .expect("count");
    assert!(after >= before + 40, "{before} → {after}");
    assert_facts_kept(&store);
    let mut all = filters(&store);
    all.extend([
        ReportFilter {
            org: Some(org),
            ..Default::default()
        },
        ReportFilter {
            district: Some(district.clone()),
            ..Default::default()
        },
        ReportFilter {
            district: Some(district),
            theme: Some(theme),
            ..Default::default()
        },
    ]);
    for f in all {
        assert_agree(&store, &f);
    }
}

/// The kept counts (schema/016) after every kind of change, each followed by the
/// reports against the signals one by one: triage and assignment, feedback on time,
/// late and interim, due-date moves, merges and a merge undone, closing and reopening,
/// commitments, an organisation's district, theme and service edited in place,
/// erasure, an import, and feedback taken away. Then the clock moves on: what depends on
/// today (overdue, age, decided) is worked out again from the same counts.
#[test]
fn kept_counts_agree_after_every_kind_of_change_and_as_the_clock_moves() {
    use wijkdesk::store::{NewCommitment, Owner, Triage};
    let (db, mut store) = dataset();
    let today = store.today();
    let quick = |store: &Store, after: &str| {
        let f = filters(store);
        for f in [&f[0], &f[1], &f[6], &f[7], &f[8]] {
            let fast = store.loop_report(f, Lang::En).expect("loop report");
            let applied = fast.filter.clone();
            let signals = signals_one_by_one(store, &applied);
            let slow = LoopFacts::from_signals(store.today(), applied, &signals).report(Lang::En);
            assert_eq!(fast, slow, "loop report with {f:?} after {after}");
            assert_kept_agree(store, f, after);
        }
    };
    quick(&store, "the data set");
    let open = ids(
        &store,
        "SELECT id FROM signal WHERE state IN ('triaged', 'in_progress') ORDER BY id DESC LIMIT 12",
    );
    let staff: i64 = text(
        &store,
        "SELECT CAST(min(p.id) AS TEXT) FROM person p JOIN organisation o ON o.id = p.org_id WHERE o.kind = 'service'",
    )
    .parse()
    .expect("id");
    let fresh = ids(
        &store,
        "SELECT id FROM signal WHERE state = 'new' ORDER BY id DESC LIMIT 1",
    );
    store
        .triage(
            fresh[0],
            Triage {
                owner: Some(Owner {
                    person_id: Some(staff),
                    org_id: None,
                }),
                ..Default::default()
            },
            None,
        )
        .expect("triage and assign");
    quick(&store, "triage and assignment");
    let fb = |is_final: bool| NewFeedback {
        channel: Channel::Email,
        text: "Bericht".into(),
        is_final,
        next_due: None,
    };
    store
        .add_feedback(open[1], fb(false), None)
        .expect("interim");
    store.add_feedback(open[2], fb(true), None).expect("final");
    store.set_as_of(Some(today + Duration::days(70)), today);
    store.add_feedback(open[3], fb(false), None).expect("late");
    store.set_as_of(None, today);
    quick(&store, "feedback interim, final and late");
    store
        .move_signal_due(open[4], today + Duration::days(30), "Vergunning", None)
        .expect("move");
    quick(&store, "a due date moved");
    store
        .merge_signal(open[5], open[6], true, None)
        .expect("merge");
    quick(&store, "a merge");
    db.raw()
        .execute(
            "UPDATE signal SET state = 'in_progress' WHERE id = ?1",
            [open[5]],
        )
        .expect("unmerge");
    quick(&store, "a merge undone");
    store.close_signal(open[2], None).expect("close");
    quick(&store, "closing");
    store
        .reopen_signal(open[2], "Toch niet", None)
        .expect("reopen");
    quick(&store, "reopening");
    let org: i64 = text(
        &store,
        "SELECT CAST(min(id) AS TEXT) FROM organisation WHERE kind = 'residents'",
    )
    .parse()
    .expect("id");
    let c = store
        .add_commitment(NewCommitment {
            text: "Terugbellen".into(),
            org_id: org,
            owner: Owner::default(),
            due: today + Duration::days(5),
            signal_id: Some(open[7]),
            meeting_id: None,
            agenda_item_id: None,
        })
        .expect("commitment");
    store.keep_commitment(c.id, None).expect("kept");
    quick(&store, "a commitment kept");
    // What `signal edit` writes: the columns, by whatever route.
    db.raw()
        .execute_batch(&format!(
            "UPDATE signal SET district = 'Escamp', theme = 'afval' WHERE id = {};
             UPDATE signal SET org_id = {org}, owner_org_id = NULL WHERE id = {};
             UPDATE signal SET district = NULL WHERE id = {};",
            open[8], open[9], open[10]
        ))
        .expect("edit");
    quick(&store, "district, theme, organisation and service edited");
    let person: i64 = text(
        &store,
        "SELECT CAST(min(p.id) AS TEXT) FROM person p JOIN organisation o ON o.id = p.org_id WHERE o.kind = 'residents'",
    )
    .parse()
    .expect("id");
    store.erase_person(person).expect("erase");
    store
        .import_orgs(b"name,district\nBewonersgroep Import,Laak\n", true)
        .expect("import");
    quick(&store, "an erasure and an import");
    db.raw()
        .execute("DELETE FROM feedback WHERE signal_id = ?1", [open[1]])
        .expect("delete feedback");
    quick(&store, "feedback taken away");
    // The clock moves on, and back: nothing kept is frozen at the day it was written.
    for shift in [1, 15, 31, 91, 400, -30] {
        store.set_as_of(Some(today + Duration::days(shift)), today);
        for f in filters(&store) {
            assert_agree(&store, &f);
        }
    }
    store.set_as_of(None, today);
}

//! The figures kept by triggers always equal the figures counted afresh: each
//! organisation's (schema/006_org_figures.sql) and the inbox's open signals per
//! feedback day and in all (schema/008_inbox_counts.sql, 023_open_signal_total.sql), the
//! open commitments in all (024_open_commitment_total.sql), checked after the demo (which replays its history through the
//! ordinary store API and adds generated data through the bulk writer), and after each
//! change that can move them: new signals, every signal step, merges, reopening,
//! feedback, edits that move a signal to another organisation, commitments kept and broken, meetings held, moved, attended or not, and
//! organisations taken off a meeting.

mod support;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use support::{TempDb, day0, days};
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::store::{
    Channel, MeetingEdit, NewCommitment, NewFeedback, NewMeeting, NewSignal, Owner, Store, Triage,
};

/// Organisations whose kept figures differ from a fresh count, with both.
fn mismatches(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare(
            "SELECT o.id, f.open_signals, f.open_commitments, f.last_contact, f.last_meeting,
                    (SELECT count(*) FROM signal s WHERE s.org_id = o.id
                        AND s.state IN ('new', 'triaged', 'in_progress')),
                    (SELECT count(*) FROM commitment c WHERE c.org_id = o.id AND c.state = 'open'),
                    (SELECT max(d) FROM (
                        SELECT substr(m.starts_at, 1, 10) AS d FROM meeting m
                          JOIN meeting_org mo ON mo.meeting_id = m.id
                         WHERE mo.org_id = o.id AND m.status IN ('held', 'final')
                           AND coalesce(mo.attended, 1) = 1
                        UNION ALL
                        SELECT f.given_on FROM feedback f JOIN signal s ON s.id = f.signal_id
                         WHERE s.org_id = o.id)),
                    -- Meetings only: held or final, attended or attendance not taken.
                    (SELECT max(substr(m.starts_at, 1, 10)) FROM meeting m
                       JOIN meeting_org mo ON mo.meeting_id = m.id
                      WHERE mo.org_id = o.id AND m.status IN ('held', 'final')
                        AND (mo.attended = 1 OR mo.attended IS NULL))
               FROM organisation o LEFT JOIN org_figures f ON f.org_id = o.id",
        )
        .expect("prepare");
    type Figures = (Option<i64>, Option<i64>, Option<String>, Option<String>);
    st.query_map([], |r| {
        let kept: Figures = (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let fresh: Figures = (r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?);
        Ok((r.get::<_, i64>(0)?, kept, fresh))
    })
    .expect("query")
    .map(|r| r.expect("row"))
    .filter(|(_, kept, fresh)| kept != fresh)
    .map(|(id, kept, fresh)| format!("O-{id}: kept {kept:?}, counted {fresh:?}"))
    .collect()
}

/// Feedback days whose kept count of open signals differs from a fresh count.
fn day_mismatches(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare(
            "SELECT due, kept, counted FROM (
                 SELECT d.due, d.n AS kept,
                        (SELECT count(*) FROM signal s WHERE coalesce(s.feedback_due, '') = d.due
                            AND s.state IN ('new', 'triaged', 'in_progress')) AS counted
                   FROM open_signal_days d
                 UNION ALL
                 SELECT coalesce(s.feedback_due, ''), 0, count(*) FROM signal s
                  WHERE s.state IN ('new', 'triaged', 'in_progress')
                    AND coalesce(s.feedback_due, '') NOT IN (SELECT due FROM open_signal_days)
                  GROUP BY 1)
              WHERE kept != counted",
        )
        .expect("prepare");
    st.query_map([], |r| {
        Ok(format!(
            "due {:?}: kept {}, counted {}",
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?
        ))
    })
    .expect("query")
    .map(|r| r.expect("row"))
    .collect()
}

/// Rows of the loop report's kept counts (schema/016 `report_cube`) that differ from a
/// fresh count over the signal table, in every cut: (kind, cut, district, theme,
/// service, a, b, kept, counted). The rules are written out here again from the
/// columns signal keeps, not read from the schema.
fn cube_mismatches(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare(
            "WITH s AS (
                 SELECT coalesce(district, '') AS d, coalesce(theme, '') AS t, coalesce(owner_org_id, 0) AS v,
                        state, received_on, feedback_due, answered_on, first_feedback_on,
                        CASE WHEN first_feedback_on IS NULL THEN coalesce(first_due, feedback_due)
                             ELSE first_feedback_due END AS measured,
                        CASE WHEN first_feedback_on IS NULL THEN 0
                             WHEN first_feedback_on <= first_feedback_due THEN 1 ELSE 2 END AS how,
                        max(0, CAST(julianday(first_feedback_on) - julianday(received_on) AS INTEGER)) AS took
                   FROM signal),
             fact(kind, d, t, v, a, b) AS (
                 SELECT 1, d, t, v, measured, how FROM s WHERE measured IS NOT NULL
                 UNION ALL SELECT 2, d, t, v, received_on, took FROM s WHERE first_feedback_on IS NOT NULL
                 UNION ALL SELECT 7, d, t, v, date(received_on, 'start of month'), took FROM s
                  WHERE first_feedback_on IS NOT NULL
                 UNION ALL SELECT 3, d, t, v, received_on, 0 FROM s
                  WHERE state IN ('new', 'triaged', 'in_progress') OR (state = 'merged' AND answered_on IS NULL)
                 UNION ALL SELECT 4, d, t, v, received_on, 0 FROM s
                 UNION ALL SELECT 5, d, t, v, answered_on, 0 FROM s WHERE answered_on IS NOT NULL
                 UNION ALL SELECT 6, d, t, v, feedback_due, received_on FROM s
                  WHERE state IN ('new', 'triaged', 'in_progress') AND feedback_due IS NOT NULL),
             fresh(kind, cut, d, t, v, a, b, n) AS (
                 SELECT kind, c.column1, iif(c.column1 & 1, '', d), iif(c.column1 & 2, '', t),
                        iif(c.column1 & 4, 0, v), a, b, count(*)
                   FROM fact, (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) c
                  GROUP BY 1, 2, 3, 4, 5, 6, 7),
             kept(kind, cut, d, t, v, a, b, n) AS (
                 SELECT kind, cut, district, theme, service, a, b, n FROM report_cube WHERE n != 0)
             SELECT k.kind, k.cut, k.d, k.t, k.v, k.a, k.b, k.n, f.n
               FROM kept k LEFT JOIN fresh f USING (kind, cut, d, t, v, a, b)
              WHERE f.n IS NOT k.n
             UNION ALL
             SELECT f.kind, f.cut, f.d, f.t, f.v, f.a, f.b, k.n, f.n
               FROM fresh f LEFT JOIN kept k USING (kind, cut, d, t, v, a, b)
              WHERE k.n IS NULL",
        )
        .expect("prepare");
    st.query_map([], |r| {
        Ok(format!(
            "kind {} cut {} ({:?}, {:?}, {}) {:?} {:?}: kept {:?}, counted {:?}",
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, rusqlite::types::Value>(5)?,
            r.get::<_, rusqlite::types::Value>(6)?,
            r.get::<_, Option<i64>>(7)?,
            r.get::<_, Option<i64>>(8)?,
        ))
    })
    .expect("query")
    .map(|r| r.expect("row"))
    .collect()
}

/// Rows of a kept table (its key columns, then its counts) that differ from the same
/// rows counted afresh by `fresh` (same columns): "key: kept [..], counted [..]".
fn table_mismatches(conn: &Connection, kept: &str, fresh: &str, keys: usize) -> Vec<String> {
    let read = |sql: &str| -> std::collections::BTreeMap<String, Vec<i64>> {
        let mut st = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let width = st.column_count();
        st.query_map([], |r| {
            let key = (0..keys)
                .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).expect("key")))
                .collect::<Vec<_>>()
                .join(" ");
            let counts = (keys..width)
                .map(|i| r.get::<_, i64>(i))
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok((key, counts))
        })
        .expect("query")
        .map(|r| r.expect("row"))
        // Rows kept at nothing are the same as rows not there.
        .filter(|(_, counts)| counts.iter().any(|n| *n != 0))
        .collect()
    };
    let (kept, fresh) = (read(kept), read(fresh));
    let mut out = Vec::new();
    for key in kept
        .keys()
        .chain(fresh.keys())
        .collect::<std::collections::BTreeSet<_>>()
    {
        if kept.get(key) != fresh.get(key) {
            out.push(format!(
                "{key}: kept {:?}, counted {:?}",
                kept.get(key),
                fresh.get(key)
            ));
        }
    }
    out
}

/// The commitments report's kept counts (schema/022 `report_ledger`) against a count
/// over commitment, its signal's theme and its moves, in every cut. The rules are
/// written out here again from the base tables, not read from the kept columns.
fn ledger_mismatches(conn: &Connection) -> Vec<String> {
    table_mismatches(
        conn,
        "SELECT cut, a, org, service, theme, outcome, due, n, moved, moves, days FROM report_ledger",
        "WITH c AS (
             SELECT c.org_id AS org, coalesce(c.owner_org_id, 0) AS service,
                    coalesce((SELECT s.theme FROM signal s WHERE s.id = c.signal_id), '') AS theme,
                    coalesce(c.first_due, c.due) AS a,
                    CASE WHEN c.state = 'kept' AND c.resolved_on > coalesce(c.first_due, c.due) THEN 'kept_late'
                         WHEN c.state = 'kept' THEN 'kept_on_time' ELSE c.state END AS outcome,
                    CASE WHEN c.state = 'open' THEN c.due ELSE '' END AS due,
                    (SELECT count(*) FROM commitment_move m WHERE m.commitment_id = c.id AND m.new_due > m.old_due) AS moves,
                    coalesce((SELECT sum(julianday(m.new_due) - julianday(m.old_due)) FROM commitment_move m
                               WHERE m.commitment_id = c.id AND m.new_due > m.old_due), 0) AS days
               FROM commitment c),
             cuts(cut) AS (SELECT 0 UNION ALL SELECT cut + 1 FROM cuts WHERE cut < 15)
         SELECT cuts.cut, iif(cuts.cut & 8, '', a), iif(cuts.cut & 1, 0, org), iif(cuts.cut & 2, 0, service),
                iif(cuts.cut & 4, '', theme), outcome, due,
                count(*), sum(moves > 0), sum(moves), CAST(sum(days) AS INTEGER)
           FROM c, cuts
          GROUP BY 1, 2, 3, 4, 5, 6, 7",
        7,
    )
}

/// The load report's kept signals per organisation and day (`report_load`) and each
/// organisation's reach (`org_reach`) against a count over signal and commitment.
fn load_mismatches(conn: &Connection) -> Vec<String> {
    let mut out = table_mismatches(
        conn,
        "SELECT cut, a, org, service, theme, n FROM report_load",
        "WITH cuts(cut) AS (VALUES (0), (1), (2), (3))
         SELECT cut, received_on, org_id, iif(cut & 1, 0, coalesce(owner_org_id, 0)),
                iif(cut & 2, '', coalesce(theme, '')), count(*)
           FROM signal, cuts WHERE org_id IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5",
        5,
    );
    out.extend(table_mismatches(
        conn,
        "SELECT org_id, kind, value, n FROM org_reach",
        "SELECT org_id, 1, owner_org_id, count(*) FROM (
             SELECT org_id, owner_org_id FROM signal WHERE org_id IS NOT NULL AND owner_org_id IS NOT NULL
             UNION ALL SELECT org_id, owner_org_id FROM commitment WHERE owner_org_id IS NOT NULL)
          GROUP BY 1, 3
         UNION ALL
         SELECT org_id, 2, theme, count(*) FROM signal WHERE org_id IS NOT NULL AND theme IS NOT NULL
          GROUP BY 1, 3",
        3,
    ));
    out
}

/// Signals whose names kept for the inbox (schema/028) differ from the names read
/// afresh: an open signal's organisation and owner as the lists show them, NULL once
/// closed.
fn inbox_name_mismatches(conn: &Connection) -> Vec<String> {
    let mut st = conn
        .prepare(
            "SELECT s.id, s.inbox_org, s.inbox_owner, o.name,
                    CASE WHEN p.name IS NULL THEN coalesce(so.short_name, so.name, '')
                         WHEN so.id IS NULL THEN p.name
                         ELSE p.name || ' (' || coalesce(so.short_name, so.name) || ')' END,
                    s.state IN ('new', 'triaged', 'in_progress')
               FROM signal s
               LEFT JOIN organisation o ON o.id = s.org_id
               LEFT JOIN person p ON p.id = s.owner_person_id
               LEFT JOIN organisation so ON so.id = s.owner_org_id",
        )
        .expect("prepare");
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })
        .expect("query");
    let mut out = Vec::new();
    for row in rows {
        let (id, org, owner, fresh_org, fresh_owner, open) = row.expect("row");
        let fresh = if open {
            (fresh_org, Some(fresh_owner))
        } else {
            (None, None)
        };
        if (org.clone(), owner.clone()) != fresh {
            out.push(format!(
                "S-{id}: kept {org:?} / {owner:?}, afresh {fresh:?}"
            ));
        }
    }
    out
}

#[track_caller]
fn check(db: &TempDb, after: &str) {
    let conn = db.raw();
    let names = inbox_name_mismatches(&conn);
    assert!(names.is_empty(), "inbox names after {after}: {names:#?}");
    let wrong = mismatches(&conn);
    assert!(wrong.is_empty(), "after {after}: {wrong:#?}");
    let days = day_mismatches(&conn);
    assert!(days.is_empty(), "inbox counts after {after}: {days:#?}");
    let cube = cube_mismatches(&conn);
    assert!(cube.is_empty(), "report counts after {after}: {cube:#?}");
    let below: i64 = conn
        .query_row("SELECT count(*) FROM report_cube WHERE n < 0", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(below, 0, "report counts below zero after {after}");
    let ledger = ledger_mismatches(&conn);
    assert!(
        ledger.is_empty(),
        "commitment counts after {after}: {ledger:#?}"
    );
    let load = load_mismatches(&conn);
    assert!(
        load.is_empty(),
        "load and reach counts after {after}: {load:#?}"
    );
    let below: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM report_ledger WHERE n < 0 OR moved < 0 OR moves < 0)
                  + (SELECT count(*) FROM report_load WHERE n < 0)
                  + (SELECT count(*) FROM org_reach WHERE n < 0)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(below, 0, "kept counts below zero after {after}");
    // The tracker tab's overdue promises, read from the kept ledger.
    let store = db.open("demo");
    let overdue: i64 = conn
        .query_row(
            "SELECT count(*) FROM commitment WHERE state = 'open' AND due < ?1",
            [store.today().to_string()],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(
        store.overdue_commitment_count().expect("kept"),
        overdue,
        "overdue commitments after {after}"
    );
    // The inbox tab's counts, read from the kept total and the days from today on.
    let (open, overdue): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE feedback_due < ?1) FROM signal
              WHERE state IN ('new', 'triaged', 'in_progress')",
            [store.today().to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count");
    let kept = store.inbox_counts().expect("kept");
    assert_eq!(
        (kept.open, kept.overdue),
        (open, overdue),
        "inbox counts after {after}"
    );
}

fn at(day: i64, hour: u32) -> NaiveDateTime {
    days(day).and_hms_opt(hour, 0, 0).expect("time")
}

fn feedback(text: &str, is_final: bool) -> NewFeedback {
    NewFeedback {
        channel: Channel::Email,
        text: text.into(),
        is_final,
        next_due: None,
    }
}

#[test]
fn kept_figures_equal_a_fresh_count_through_every_kind_of_change() {
    let db = TempDb::new();
    let mut store: Store = db.open("demo");
    wijkdesk::demo::load(&mut store, 400).expect("demo");
    check(&db, "the demo with 400 generated signals");
    let orgs: i64 = db
        .raw()
        .query_row("SELECT count(*) FROM organisation", [], |r| r.get(0))
        .expect("count");
    let figures: i64 = db
        .raw()
        .query_row("SELECT count(*) FROM org_figures", [], |r| r.get(0))
        .expect("count");
    assert_eq!(orgs, figures, "one row of figures per organisation");

    // A new organisation starts with zeros and no contact.
    let org = store
        .add_org(wijkdesk::store::NewOrg {
            name: "Bewonersgroep Figuren".into(),
            ..Default::default()
        })
        .expect("org");
    let other = store
        .add_org(wijkdesk::store::NewOrg {
            name: "Wijkvereniging Tellen".into(),
            ..Default::default()
        })
        .expect("org");
    check(&db, "two new organisations");

    // Signals through their lifecycle.
    let new = |store: &mut Store, title: &str| {
        store
            .add_signal(NewSignal {
                title: title.into(),
                org_id: Some(org.id),
                ..Default::default()
            })
            .expect("signal")
    };
    let a = new(&mut store, "Losse tegels");
    let b = new(&mut store, "Kapotte lantaarn");
    let c = new(&mut store, "Zwerfvuil");
    check(&db, "three new signals");
    let staff: i64 = db
        .raw()
        .query_row(
            "SELECT min(p.id) FROM person p JOIN organisation o ON o.id = p.org_id
              WHERE o.kind = 'service'",
            [],
            |r| r.get(0),
        )
        .expect("a member of staff");
    store
        .triage(
            a.id,
            Triage {
                owner: Some(Owner {
                    person_id: Some(staff),
                    org_id: None,
                }),
                feedback_due: Some(days(10)),
                ..Default::default()
            },
            None,
        )
        .expect("triage");
    check(&db, "triage");
    store.start_signal(a.id, None).expect("start");
    store
        .add_feedback(a.id, feedback("We kijken ernaar", false), None)
        .expect("interim feedback");
    check(&db, "interim feedback");
    store
        .add_feedback(a.id, feedback("Gerepareerd", true), None)
        .expect("final feedback");
    check(&db, "final feedback (answered)");
    store.close_signal(a.id, None).expect("close");
    check(&db, "closing");
    store
        .reopen_signal(a.id, "Toch weer los", None)
        .expect("reopen");
    check(&db, "reopening");
    // Correcting a signal moves it, with its feedback, to another organisation
    // and district.
    let moved = store
        .edit_signal(
            a.id,
            wijkdesk::store::SignalEdit {
                org_id: Some(other.id),
                district: Some("Segbroek".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    assert_eq!(moved.org_id, Some(other.id));
    check(&db, "an edit that moves a signal to another organisation");
    store
        .edit_signal(
            a.id,
            wijkdesk::store::SignalEdit {
                org_id: Some(org.id),
                title: Some("Losse tegels bij de school".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit back");
    check(&db, "an edit that moves it back");
    store.merge_signal(c.id, b.id, true, None).expect("merge");
    check(&db, "a merge");
    store
        .decline(b.id, "Niet van de gemeente", Channel::Email, None)
        .expect("decline");
    check(&db, "declining");

    // The promise moves: later with a reason (counted), then earlier; feedback after
    // the date (late) on one signal, on time on another.
    store
        .move_signal_due(a.id, days(45), "Wacht op de aannemer", None)
        .expect("later");
    check(&db, "a due date moved later");
    store
        .move_signal_due(a.id, days(12), "", None)
        .expect("earlier");
    check(&db, "a due date moved earlier");
    let d = new(&mut store, "Scheve paal");
    store.set_as_of(Some(days(60)), days(60));
    store
        .add_feedback(d.id, feedback("Te laat, excuses", false), None)
        .expect("late feedback");
    store.set_as_of(None, day0());
    check(&db, "late feedback, back-dated");
    let e = new(&mut store, "Drukke kruising");
    store
        .add_feedback(e.id, feedback("Op tijd", false), None)
        .expect("on-time feedback");
    check(&db, "feedback on time");

    // What `signal edit` changes: district, theme, organisation and owning service, as
    // a plain UPDATE (the figures follow the columns, whichever command writes them).
    let third = store
        .add_org(wijkdesk::store::NewOrg {
            name: "Buurtcomité Verhuisd".into(),
            ..Default::default()
        })
        .expect("org");
    let service: i64 = db
        .raw()
        .query_row(
            "SELECT min(id) FROM organisation WHERE kind = 'service'",
            [],
            |r| r.get(0),
        )
        .expect("a service");
    db.raw()
        .execute(
            "UPDATE signal SET district = 'Laak', theme = 'groen', org_id = ?1, owner_org_id = ?2
              WHERE id IN (?3, ?4)",
            rusqlite::params![third.id, service, d.id, e.id],
        )
        .expect("edit");
    check(&db, "district, theme, organisation and service edited");
    db.raw()
        .execute(
            "UPDATE signal SET district = NULL, theme = NULL, owner_org_id = NULL WHERE id = ?1",
            [d.id],
        )
        .expect("cleared");
    check(&db, "district, theme and service cleared");
    // Received dates corrected (by hand: the screens do not offer it) on signals that
    // had feedback: into an earlier month, then within the month.
    for (day, what) in [
        ("date(received_on, '-40 days')", "to another month"),
        ("date(received_on, 'start of month')", "within the month"),
    ] {
        db.raw()
            .execute_batch(&format!(
                "UPDATE signal SET received_on = {day}
                  WHERE id IN (SELECT signal_id FROM feedback ORDER BY signal_id LIMIT 3);"
            ))
            .expect("received date corrected");
        check(&db, &format!("received dates moved {what}"));
    }
    // A merge undone by hand, and a signal's feedback taken away.
    db.raw()
        .execute("UPDATE signal SET state = 'triaged' WHERE id = ?1", [c.id])
        .expect("unmerge");
    check(&db, "a merge undone");
    db.raw()
        .execute("UPDATE signal SET state = 'merged' WHERE id = ?1", [c.id])
        .expect("merged again");
    check(&db, "merged again");
    db.raw()
        .execute("DELETE FROM feedback WHERE signal_id = ?1", [e.id])
        .expect("feedback deleted");
    check(&db, "feedback deleted");

    // Commitments.
    let commit = |store: &mut Store, text: &str| {
        store
            .add_commitment(NewCommitment {
                text: text.into(),
                org_id: org.id,
                owner: Owner::default(),
                due: days(30),
                signal_id: None,
                meeting_id: None,
                agenda_item_id: None,
            })
            .expect("commitment")
    };
    let k1 = commit(&mut store, "Bewonersbrief sturen");
    let k2 = commit(&mut store, "Schouw plannen");
    let k3 = commit(&mut store, "Verlichting nalopen");
    check(&db, "three commitments");
    store.keep_commitment(k1.id, None).expect("keep");
    store
        .break_commitment(k2.id, "Vergeten", "Staat nu in de planning", None)
        .expect("break");
    store
        .withdraw_commitment(k3.id, "Niet meer nodig", None)
        .expect("withdraw");
    check(&db, "kept, broken and withdrawn");
    // Commitments from a signal, owned by a service: moved later (counted) and
    // earlier, kept after the promise (late), the signal's theme edited, moved to
    // another organisation and service, taken away.
    let from_signal = |store: &mut Store, text: &str, signal: i64| {
        store
            .add_commitment(NewCommitment {
                text: text.into(),
                org_id: org.id,
                owner: Owner {
                    person_id: None,
                    org_id: Some(service),
                },
                due: days(20),
                signal_id: Some(signal),
                meeting_id: None,
                agenda_item_id: None,
            })
            .expect("commitment")
    };
    let k4 = from_signal(&mut store, "Boom snoeien", e.id);
    let k5 = from_signal(&mut store, "Paal rechtzetten", e.id);
    check(&db, "commitments from a signal with a service");
    store
        .move_commitment(k4.id, days(50), "Wacht op de aannemer", None)
        .expect("later");
    store
        .move_commitment(k4.id, days(35), "Toch eerder", None)
        .expect("earlier");
    store
        .move_commitment(k5.id, days(70), "Vergunning", None)
        .expect("later");
    check(&db, "commitments moved later and earlier");
    store.set_as_of(Some(days(40)), days(40));
    store.keep_commitment(k4.id, None).expect("kept late");
    store.set_as_of(None, day0());
    check(&db, "a commitment kept after its promise");
    db.raw()
        .execute("UPDATE signal SET theme = 'verkeer' WHERE id = ?1", [e.id])
        .expect("theme");
    check(&db, "the theme of the commitments' signal edited");
    db.raw()
        .execute(
            "UPDATE commitment SET org_id = ?1, owner_org_id = NULL WHERE id = ?2",
            rusqlite::params![other.id, k5.id],
        )
        .expect("commitment moved");
    check(
        &db,
        "a commitment moved to another organisation, without a service",
    );
    db.raw()
        .execute_batch(&format!(
            "DELETE FROM commitment_move WHERE commitment_id = {k5};
             DELETE FROM minute_link WHERE commitment_id = {k5};
             DELETE FROM commitment WHERE id = {k5};",
            k5 = k5.id
        ))
        .expect("commitment deleted");
    check(&db, "a commitment and its moves deleted");

    // Meetings: planned meetings are no contact; holding one is; absence is not; a moved
    // meeting moves the contact; taking an organisation off the list removes it.
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Wijkoverleg".into(),
            starts_at: Some(at(40, 19)),
            org_ids: vec![org.id, other.id],
            ..Default::default()
        })
        .expect("meeting");
    check(&db, "a planned meeting");
    // Held on its evening: a meeting is not held before it starts.
    store.set_now(Some(at(40, 21)));
    store
        .meeting_step(meeting.id, MeetingEvent::Hold, None)
        .expect("hold");
    store.set_now(None);
    check(&db, "holding it");
    store
        .set_attendance(meeting.id, other.id, Some(false), None)
        .expect("absent");
    check(&db, "an absent organisation");
    store
        .edit_meeting(
            meeting.id,
            MeetingEdit {
                starts_at: Some(at(20, 19)),
                ..Default::default()
            },
            None,
        )
        .expect("move");
    check(&db, "moving the meeting");
    store
        .set_attendance(meeting.id, other.id, None, None)
        .expect("unknown attendance");
    store
        .edit_meeting(
            meeting.id,
            MeetingEdit {
                remove_orgs: vec![org.id],
                ..Default::default()
            },
            None,
        )
        .expect("take off");
    check(&db, "an organisation taken off a meeting");
    store
        .meeting_step(meeting.id, MeetingEvent::Finalise, None)
        .expect("finalise");
    check(&db, "finalising");

    // A second meeting: an organisation invited after it was held, present, then not;
    // then the meeting gone altogether (its invitations go with it).
    let second = store
        .add_meeting(NewMeeting {
            title: "Schouw".into(),
            starts_at: Some(at(30, 10)),
            org_ids: vec![other.id],
            ..Default::default()
        })
        .expect("meeting");
    // Held once it has started.
    store.set_now(Some(at(30, 12)));
    store
        .meeting_step(second.id, MeetingEvent::Hold, None)
        .expect("hold");
    store.set_now(None);
    check(&db, "a second meeting held");
    store
        .edit_meeting(
            second.id,
            MeetingEdit {
                add_orgs: vec![org.id],
                ..Default::default()
            },
            None,
        )
        .expect("invite after");
    check(&db, "an organisation added to a held meeting");
    store
        .set_attendance(second.id, org.id, Some(true), None)
        .expect("present");
    check(&db, "present");
    let met = store.org_summary(org.id).expect("summary");
    assert_eq!(met.last_meeting, Some(days(30)));
    store
        .set_attendance(second.id, org.id, Some(false), None)
        .expect("absent");
    check(&db, "absent after all");
    db.raw()
        .execute("DELETE FROM meeting WHERE id = ?1", [second.id])
        .expect("delete a meeting");
    check(&db, "a meeting deleted");

    // The names an open signal carries for the inbox follow the organisation, the
    // owner and the owner's organisation as they are renamed, reassigned and erased.
    store
        .edit_org(
            org.id,
            wijkdesk::store::OrgEdit {
                name: Some("Bewonersgroep Figuren en Tellen".into()),
                ..Default::default()
            },
            None,
        )
        .expect("rename");
    check(&db, "an organisation renamed");
    let service: i64 = db
        .raw()
        .query_row("SELECT org_id FROM person WHERE id = ?1", [staff], |r| {
            r.get(0)
        })
        .expect("the staff member's service");
    store
        .assign_signal(
            a.id,
            Owner {
                person_id: Some(staff),
                org_id: Some(service),
            },
            None,
        )
        .expect("assign");
    check(&db, "a signal assigned to a person of a service");
    store
        .edit_org(
            service,
            wijkdesk::store::OrgEdit {
                short_name: Some("DFT".into()),
                ..Default::default()
            },
            None,
        )
        .expect("short name");
    check(&db, "the service's short name changed");
    store
        .edit_person(
            staff,
            wijkdesk::store::PersonEdit {
                name: Some("Ans van Dijk-Tellen".into()),
                ..Default::default()
            },
            None,
        )
        .expect("rename");
    check(&db, "the owner renamed");
    let erased_name: String = db
        .raw()
        .query_row("SELECT name FROM person WHERE id = ?1", [staff], |r| {
            r.get(0)
        })
        .expect("name");
    store.erase_person(staff).expect("erase");
    check(&db, "the owner erased");
    let left: i64 = db
        .raw()
        .query_row(
            "SELECT count(*) FROM signal WHERE inbox_owner LIKE '%' || ?1 || '%'",
            [&erased_name],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left, 0, "an erased name is kept on no signal");

    // A feedback date moved by reopening, and by triage.
    let open: i64 = db
        .raw()
        .query_row(
            "SELECT count(*) FROM signal WHERE state IN ('new', 'triaged', 'in_progress')",
            [],
            |r| r.get(0),
        )
        .expect("count");
    let counts = store.inbox_counts().expect("counts");
    assert_eq!(counts.open, open, "the tab's open count");
    assert!(counts.overdue > 0 && counts.overdue < counts.open);

    // The summaries read the kept figures.
    let s = store.org_summary(org.id).expect("summary");
    assert_eq!(s.open_signals, 1, "the reopened signal");
    assert_eq!(s.open_commitments, 0);
    assert!(s.last_contact.is_some());
    // Feedback is contact, not a meeting: taken off the only meeting it had, the
    // organisation has not been met, and its cadence says so.
    assert_eq!(s.last_meeting, None);
    assert!(s.cadence_overdue, "{s:?}");
    let o = store.org_summary(other.id).expect("summary");
    assert_eq!(
        (o.last_meeting, o.last_contact),
        (Some(days(20)), Some(days(20))),
        "the finalised meeting, attendance not taken"
    );
    assert!(!o.cadence_overdue);
}

/// Back to before a migration on a plain connection (`undo`), then the migration and
/// schema/025 and 026 run as an upgrade from that version runs them: the migration
/// makes its triggers in the stored schema, and 025 and 026 take them out again and
/// put the guards back.
fn replay(db: &TempDb, undo: &str, migration: &str) -> rusqlite::Connection {
    let conn = db.raw_plain();
    let guards: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'keep_figures_%'",
        )
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(guards.len() >= 30, "{guards:?}");
    for g in &guards {
        conn.execute_batch(&format!("DROP TRIGGER {g}"))
            .expect("drop guard");
    }
    conn.execute_batch(undo).expect("undo");
    conn.execute_batch(migration).expect("the migration again");
    conn.execute_batch(include_str!("../schema/025_figures_kept_by_writers.sql"))
        .expect("schema/025 again");
    conn.execute_batch(include_str!("../schema/026_facts_kept_by_writers.sql"))
        .expect("schema/026 again");
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'keep_figures_%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(left as usize, guards.len(), "the guards are back");
    conn
}

/// A database with the demo data and `signals` generated signals, closed again.
fn demo_db(signals: usize) -> TempDb {
    let db = TempDb::new();
    let mut store: Store = db.open("demo");
    wijkdesk::demo::load(&mut store, signals).expect("demo");
    db
}

/// A `count(*)` on `conn`.
fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// schema/012 on a database that already holds meetings and feedback (one written
/// before it): the backfill gives every organisation its last meeting.
#[test]
fn the_last_meeting_is_backfilled_on_an_existing_database() {
    let db = demo_db(50);
    // Back to the state before schema/012, then 012 as a migration runs it.
    let conn = replay(
        &db,
        "DROP VIEW org_meeting;
         ALTER TABLE org_figures DROP COLUMN last_meeting;",
        include_str!("../schema/013_cadence.sql"),
    );
    let met: i64 = count(
        &conn,
        "SELECT count(*) FROM org_figures WHERE last_meeting IS NOT NULL",
    );
    assert!(met > 5, "{met} organisations with a last meeting");
    let differ: i64 = count(
        &conn,
        "SELECT count(*) FROM org_figures WHERE last_meeting IS NOT last_contact",
    );
    assert!(
        differ > 0,
        "feedback after the last meeting somewhere in the demo"
    );
    drop(conn);
    check(&db, "schema/012 on existing data");
}

/// schema/016 on a database that already holds signals, feedback, merges and moves: the
/// back-fill gives the same counts the triggers keep.
#[test]
fn the_report_counts_are_backfilled_on_an_existing_database() {
    let db = demo_db(300);
    // schema/029 sums its months from the days 016 fills.
    let conn = replay(
        &db,
        "DROP TABLE report_cube; DROP TABLE report_cut;",
        concat!(
            include_str!("../schema/016_report_figures.sql"),
            include_str!("../schema/029_feedback_days_by_month.sql")
        ),
    );
    let kept: i64 = count(&conn, "SELECT count(*) FROM report_cube WHERE n > 0");
    assert!(kept > 100, "{kept} rows kept");
    drop(conn);
    check(&db, "schema/016 on existing data");
}

/// schema/029 on a database whose days to first feedback are kept per day only: the
/// months it sums from them are the counts the triggers keep.
#[test]
fn the_days_to_first_feedback_per_month_are_backfilled_on_an_existing_database() {
    let db = demo_db(300);
    let conn = replay(
        &db,
        "DELETE FROM report_cube WHERE kind = 7;",
        include_str!("../schema/029_feedback_days_by_month.sql"),
    );
    let months: i64 = count(
        &conn,
        "SELECT count(*) FROM report_cube WHERE kind = 7 AND cut = 7 AND n > 0",
    );
    assert!(months > 10, "{months} months kept");
    drop(conn);
    check(&db, "schema/029 on existing data");
}

/// schema/022 on a database that already holds commitments (moved, kept late, from
/// signals with themes) and signals: the back-fill gives the counts the triggers keep.
#[test]
fn the_commitment_and_load_counts_are_backfilled_on_an_existing_database() {
    let db = demo_db(300);
    let undo = "DROP TABLE report_ledger; DROP TABLE report_load; DROP TABLE org_reach; DROP TABLE ledger_cut;
         ALTER TABLE commitment DROP COLUMN signal_theme;
         ALTER TABLE commitment DROP COLUMN later_moves;
         ALTER TABLE commitment DROP COLUMN later_days;";
    let conn = replay(&db, undo, include_str!("../schema/022_report_ledger.sql"));
    let kept: i64 = count(
        &conn,
        "SELECT (SELECT count(*) FROM report_ledger WHERE n > 0 AND moved > 0)
                  * (SELECT count(*) FROM report_ledger WHERE n > 0 AND theme != '' AND cut = 0)
                  * (SELECT count(*) FROM report_load WHERE n > 0)",
    );
    assert!(kept > 0, "moved commitments, themes and loads kept");
    drop(conn);
    check(&db, "schema/022 on existing data");
}

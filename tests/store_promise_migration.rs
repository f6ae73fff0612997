//! An existing database (schema 8, before promises were kept) migrates: the first due
//! date of each signal and commitment comes from the audit trail where it is there,
//! earlier triage moves are recorded as moves, and a first feedback that was measured
//! against a moved date is measured against the promise again.

mod support;

use chrono::NaiveDate;
use support::{TempDb, old_schema};
use wijkdesk::domain::commitment::Outcome;
use wijkdesk::domain::report::ReportFilter;
use wijkdesk::store::{Ctx, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn first_due_dates_come_from_the_audit_trail_and_old_moves_are_kept() {
    let db = TempDb::new();
    {
        let conn = db.raw_plain();
        old_schema(&conn, 8);
        let t = "2024-09-01T10:00:00Z";
        conn.execute_batch(&format!(
            "INSERT INTO organisation (name, kind, created_at, updated_at)
                  VALUES ('Wijkberaad Zeeheld', 'residents', '{t}', '{t}'),
                         ('Dienst Stadsbeheer', 'service', '{t}', '{t}');
             -- S-1: promised 09-15, then triage moved it to 10-30 (the old way, no reason).
             INSERT INTO signal (title, org_id, state, owner_org_id, received_on, feedback_due, created_by, created_at, updated_at)
                  VALUES ('Losse tegels', 1, 'triaged', 2, '2024-09-01', '2024-10-30', 'alice', '{t}', '{t}');
             INSERT INTO audit (at, username, record, action, changes) VALUES
                  ('{t}', 'alice', 'S-1', 'create', '{{\"title\":[null,\"Losse tegels\"],\"feedback_due\":[null,\"2024-09-15\"]}}'),
                  ('2024-09-20T10:00:00Z', 'bob', 'S-1', 'triage', '{{\"feedback_due\":[\"2024-09-15\",\"2024-10-30\"],\"state\":[\"new\",\"triaged\"]}}');
             -- Interim feedback on 10-20: measured against the moved date, it was 'on time'.
             INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, created_at)
                  VALUES (1, 0, 'email', 'We zijn ermee bezig', '2024-10-20', 'bob', '2024-10-20T10:00:00Z');
             -- S-2: made by a bulk import, no audit: its due date is its promise.
             INSERT INTO signal (title, org_id, state, received_on, feedback_due, created_by, created_at, updated_at)
                  VALUES ('Bankje kapot', 1, 'new', '2024-09-05', '2024-09-19', 'import', '{t}', '{t}');
             -- C-1: promised for 10-01, moved to 10-31, kept on 10-20: kept late.
             INSERT INTO commitment (text, org_id, owner_org_id, due, state, resolved_on, created_by, created_at, updated_at)
                  VALUES ('Tegels vastleggen', 1, 2, '2024-10-31', 'kept', '2024-10-20', 'bob', '{t}', '{t}');
             INSERT INTO audit (at, username, record, action, changes) VALUES
                  ('{t}', 'bob', 'C-1', 'create', '{{\"due\":[null,\"2024-10-01\"]}}');
             INSERT INTO commitment_move (commitment_id, old_due, new_due, reason, moved_by, moved_at)
                  VALUES (1, '2024-10-01', '2024-10-31', 'Aannemer ziek', 'bob', '2024-09-28T10:00:00Z');"
        ))
        .unwrap();
        let then: String = conn
            .query_row(
                "SELECT first_feedback_due FROM signal WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            then, "2024-10-30",
            "before: measured against the moved date"
        );
    }
    let store = Store::open(&db.path, Ctx::new("demo", d("2024-11-01"))).unwrap();

    let s1 = store.signal(1).unwrap();
    assert_eq!(
        s1.first_due,
        Some(d("2024-09-15")),
        "the promise, from the audit"
    );
    assert_eq!(
        s1.feedback_due,
        Some(d("2024-10-30")),
        "the date in force stays"
    );
    assert_eq!((s1.due_moves, s1.due_moved_days), (1, 45));
    let moves = store.signal_due_moves(1).unwrap();
    assert_eq!(moves.len(), 1);
    assert_eq!(moves[0].old_due, Some(d("2024-09-15")));
    assert_eq!(moves[0].new_due, d("2024-10-30"));
    assert_eq!(moves[0].moved_by, "bob");
    assert_eq!(store.signal(2).unwrap().first_due, Some(d("2024-09-19")));

    // The first feedback is late against the promise; S-2 has none by its promise.
    let f = ReportFilter::default();
    assert_eq!(store.report_records("loop.late", &f).unwrap(), ["S-1"]);
    assert!(store.report_records("loop.on_time", &f).unwrap().is_empty());
    assert_eq!(store.report_records("loop.overdue", &f).unwrap(), ["S-2"]);
    assert_eq!(store.report_records("loop.moved", &f).unwrap(), ["S-1"]);

    let c = store.commitment(1).unwrap();
    assert_eq!(c.first_due, d("2024-10-01"));
    assert_eq!(c.outcome, Outcome::KeptLate);
    assert_eq!(
        store.report_records("commitments.kept_late", &f).unwrap(),
        ["C-1"]
    );
}

//! The account behind each change, in the store: recorded beside the acting name, and
//! absent (not guessed) on rows written before wijkdesk recorded it.

mod support;

use support::*;
use wijkdesk::domain::{RecordKind, RecordRef};
use wijkdesk::store::{Ctx, NewOrg, Store};

fn org(store: &mut Store, name: &str) -> i64 {
    store
        .add_org(NewOrg {
            name: name.into(),
            ..Default::default()
        })
        .expect("add an organisation")
        .id
}

#[test]
fn every_audit_row_records_the_account_beside_the_acting_name() {
    let db = TempDb::new();
    let ctx = Ctx {
        user: "demo".into(),
        account: "beheer".into(),
        today: day0(),
    };
    let mut store = Store::open(&db.path, ctx).unwrap();
    let id = org(&mut store, "Wijkberaad Zeeheld");
    let h = store
        .history(RecordRef::new(RecordKind::Organisation, id))
        .unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].user, "demo");
    assert_eq!(h[0].account.as_deref(), Some("beheer"));
    assert_eq!(h[0].who(), "demo (account beheer)");

    // Ctx::new takes the account from the process, not from a variable.
    let ctx = Ctx::new("demo", day0());
    assert_eq!(ctx.account, wijkdesk::account::current());
    assert!(!ctx.account.is_empty() && ctx.account != "unknown");
}

#[test]
fn rows_from_before_the_migration_keep_their_name_and_no_account() {
    let db = TempDb::new();
    {
        // A database as wijkdesk left it before accounts were recorded (schema 8).
        let conn = db.raw_plain();
        old_schema(&conn, 8);
        conn.execute_batch(
            "INSERT INTO organisation (name, kind, created_at, updated_at)
                  VALUES ('Wijkberaad Zeeheld', 'residents', '2024-09-01T10:00:00Z', '2024-09-01T10:00:00Z');
             INSERT INTO audit (at, username, record, action, changes)
                  VALUES ('2024-09-01T10:00:00Z', 'alice', 'O-1', 'create', '{}');",
        )
        .unwrap();
    }
    let ctx = Ctx {
        user: "demo".into(),
        account: "beheer".into(),
        today: day0(),
    };
    let mut store = Store::open(&db.path, ctx).unwrap();
    let o1 = RecordRef::new(RecordKind::Organisation, 1);
    let h = store.history(o1).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].user, "alice");
    assert_eq!(h[0].account, None, "the old row's account is not known");
    assert_eq!(h[0].who(), "alice");
    // New changes on the migrated file carry the account.
    let id = org(&mut store, "Bewonersoverleg Duinoord");
    let h = store
        .history(RecordRef::new(RecordKind::Organisation, id))
        .unwrap();
    assert_eq!(h[0].account.as_deref(), Some("beheer"));
}

//! A long import never keeps other users out: it takes the write lock one batch at a
//! time, so another user's write made while it runs is stored between its batches
//! (its record's number falls between the imported ones), and the import is still
//! whole. A bad row still refuses the whole import before anything is written.
//! Asserts on order, never on timing.

mod support;

use support::TempDb;
use wijkdesk::store::NewOrg;

const ROWS: usize = 20_000;

fn csv(rows: usize, bad_line: Option<usize>) -> Vec<u8> {
    let mut data = String::from("name,kind\n");
    for i in 0..rows {
        let kind = if Some(i) == bad_line {
            "no such kind"
        } else {
            "residents"
        };
        data.push_str(&format!("Import vereniging {i:05},{kind}\n"));
    }
    data.into_bytes()
}

fn ids(db: &TempDb, sql: &str) -> Vec<i64> {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn another_users_write_gets_in_between_the_batches_of_a_long_import() {
    let db = TempDb::new();
    db.open("anna");
    let data = csv(ROWS, None);
    let path = db.path.clone();
    let import = std::thread::spawn(move || {
        let mut store = wijkdesk::store::Store::open(
            &path,
            wijkdesk::store::Ctx::new(
                "anna",
                chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            ),
        )
        .unwrap();
        store.import_orgs(&data, true).unwrap()
    });

    // Once the import has stored its first batch, another user writes.
    let reader = rusqlite::Connection::open(&db.path).unwrap();
    loop {
        let n: i64 = reader
            .query_row("SELECT count(*) FROM organisation", [], |r| r.get(0))
            .unwrap();
        if n > 0 {
            break;
        }
        assert!(
            !import.is_finished(),
            "the import ended before storing anything"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let mut bert = db.open("bert");
    let between = bert
        .add_org(NewOrg {
            name: "Tussendoor vereniging".into(),
            ..NewOrg::default()
        })
        .expect("another user's write while the import runs");

    let report = import.join().unwrap();
    assert!(report.imported, "{:?}", report.problems);
    assert!(report.problems.is_empty());
    let imported = ids(
        &db,
        "SELECT id FROM organisation WHERE name LIKE 'Import vereniging %' ORDER BY id",
    );
    assert_eq!(imported.len(), ROWS, "every row is stored");
    let (first, last) = (imported[0], imported[ROWS - 1]);
    assert!(
        first < between.id && between.id < last,
        "the other write ({}) was stored between the import's batches ({first}..{last})",
        between.id
    );
}

#[test]
fn a_bad_row_still_refuses_the_whole_import_before_anything_is_written() {
    let db = TempDb::new();
    let mut store = db.open("anna");
    // The bad row is far past the first batch.
    let report = store.import_orgs(&csv(2_000, Some(1_700)), true).unwrap();
    assert!(!report.imported);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].line, 1_702);
    assert!(ids(&db, "SELECT id FROM organisation").is_empty());
}

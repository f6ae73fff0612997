//! Several staff on one database file, as real OS processes (not threads): each test
//! starts `wijkdesk-test-helper writes` or `open` workers, which wait at a barrier so
//! that they start together.
//!
//! `WIJKDESK_CONCURRENCY_WRITES` (default 200) sets the writes per process and
//! `WIJKDESK_CONCURRENCY_PROCESSES` (default 8) the number of writing processes. A
//! longer run, with each worker's counts and its longest single write (`max_wait_ms`):
//! `WIJKDESK_CONCURRENCY_WRITES=2000 cargo test --test store_concurrency eight -- --nocapture`

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use support::{TempDb, count, day0, pragma_i64, pragma_text, raw, schema_dump};
use wijkdesk::store;

/// One multi-process scenario at a time: the tests of this file would otherwise start
/// their processes together and load a small CI machine more than the scenario asks.
static ONE_SCENARIO_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_scenario_at_a_time() -> MutexGuard<'static, ()> {
    ONE_SCENARIO_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

struct Worker {
    index: usize,
    child: Child,
}

/// `n` helper processes in `mode` (`writes` or `open`), waiting at `barrier`.
fn spawn_workers(
    mode: &str,
    db: &Path,
    barrier: &Path,
    n: usize,
    extra: &[(&str, String)],
) -> Vec<Worker> {
    (0..n)
        .map(|index| {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_wijkdesk-test-helper"));
            cmd.arg(mode)
                .arg("--db")
                .arg(db)
                .args(["--index", &index.to_string()])
                .arg("--barrier")
                .arg(barrier)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            for (k, v) in extra {
                cmd.arg(format!("--{k}")).arg(v);
            }
            Worker {
                index,
                child: cmd.spawn().expect("spawn worker process"),
            }
        })
        .collect()
}

/// Wait until every worker is at the barrier, then let them all go at once.
fn release(workers: &mut [Worker], barrier: &Path) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let ready = workers
            .iter()
            .filter(|w| barrier.join(format!("ready-{}", w.index)).exists())
            .count();
        if ready == workers.len() {
            break;
        }
        for w in workers.iter_mut() {
            if let Some(status) = w.child.try_wait().expect("try_wait") {
                panic!("worker {} exited before the start: {status}", w.index);
            }
        }
        assert!(
            Instant::now() < deadline,
            "only {ready} of {} workers got ready",
            workers.len()
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    // Written under another name and renamed, so no worker reads half a go-file.
    let start = SystemTime::now() + Duration::from_millis(150);
    let nanos = start
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_nanos();
    std::fs::write(barrier.join("go.tmp"), nanos.to_string()).expect("go file");
    std::fs::rename(barrier.join("go.tmp"), barrier.join("go")).expect("go file");
}

struct Finished {
    index: usize,
    success: bool,
    stdout: String,
    stderr: String,
}

/// Collect every worker; a hung worker is killed (a guard against a hanging CI job,
/// not a timing assertion).
fn finish(workers: Vec<Worker>, guard: Duration) -> Vec<Finished> {
    let deadline = Instant::now() + guard;
    let mut out = Vec::new();
    for mut w in workers {
        loop {
            if w.child.try_wait().expect("try_wait").is_some() {
                break;
            }
            if Instant::now() > deadline {
                let _ = w.child.kill();
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let o = w.child.wait_with_output().expect("worker output");
        out.push(Finished {
            index: w.index,
            success: o.status.success(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        });
    }
    out
}

/// The `key=value` pairs after `tag` in a worker's stdout.
fn summary(f: &Finished, tag: &str) -> BTreeMap<String, String> {
    let line = f
        .stdout
        .lines()
        .find_map(|l| l.find(tag).map(|i| &l[i + tag.len()..]))
        .unwrap_or_else(|| {
            panic!(
                "worker {}: no {tag} line\nstdout:\n{}\nstderr:\n{}",
                f.index, f.stdout, f.stderr
            )
        });
    line.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn num(m: &BTreeMap<String, String>, key: &str) -> i64 {
    m.get(key)
        .unwrap_or_else(|| panic!("no {key} in {m:?}"))
        .parse()
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn count_for(conn: &rusqlite::Connection, sql: &str, user: &str) -> i64 {
    conn.query_row(sql, [user], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn eight_processes_writing_at_once_lose_nothing_and_never_see_busy() {
    let _alone = one_scenario_at_a_time();
    let processes = env_usize("WIJKDESK_CONCURRENCY_PROCESSES", 8);
    let writes = env_usize("WIJKDESK_CONCURRENCY_WRITES", 200);
    let db = TempDb::new();
    let barrier = db.dir.path().join("barrier");
    std::fs::create_dir(&barrier).expect("barrier dir");

    // One staff member sets up the shared records and keeps the file open throughout,
    // as a screen would.
    let mut watcher = db.open("setup");
    let org = support::residents(&mut watcher, "Wijkberaad Duinoord");
    let dsb = support::service(&mut watcher, "Dienst Stadsbeheer", "DSB");
    // The theme the workers' signals use is on the kept list before they start.
    watcher
        .add_term(wijkdesk::domain::vocab::TermKind::Theme, "verkeer", None)
        .expect("add theme");
    let data_version_before = watcher.data_version().expect("data_version");

    let extra = [
        ("writes", writes.to_string()),
        ("org", org.id.to_string()),
        ("service", dsb.id.to_string()),
    ];
    let mut workers = spawn_workers("writes", &db.path, &barrier, processes, &extra);
    release(&mut workers, &barrier);
    let guard = Duration::from_secs(300.max((processes * writes / 20) as u64));
    let finished = finish(workers, guard);

    let mut summaries = Vec::new();
    for f in &finished {
        let s = summary(f, "WORKER_SUMMARY");
        eprintln!("worker {}: {s:?}", f.index); // shown with --nocapture
        assert_eq!(
            num(&s, "busy"),
            0,
            "worker {} saw 'database is locked': {s:?}\n{}",
            f.index,
            f.stderr
        );
        assert_eq!(
            num(&s, "failures"),
            0,
            "worker {}: {s:?}\n{}",
            f.index,
            f.stderr
        );
        assert!(
            f.success,
            "worker {} failed\nstdout:\n{}\nstderr:\n{}",
            f.index, f.stdout, f.stderr
        );
        assert_eq!(
            num(&s, "acknowledged"),
            writes as i64,
            "worker {}: every write acknowledged: {s:?}",
            f.index
        );
        summaries.push(s);
    }

    // Every acknowledged write is in the file, attributed to the process that made it.
    let conn = raw(&db.path);
    let mut all_org_edits = 0;
    for s in &summaries {
        let user = s["user"].as_str();
        let (signals, triages, feedback, org_edits, commitments) = (
            num(s, "signals"),
            num(s, "triages"),
            num(s, "feedback"),
            num(s, "org_edits"),
            num(s, "commitments"),
        );
        all_org_edits += org_edits;
        let audit = count_for(
            &conn,
            "SELECT count(*) FROM audit WHERE username = ?1",
            user,
        );
        assert_eq!(
            audit,
            num(s, "acknowledged"),
            "{user}: one audit row per acknowledged write"
        );
        let c = |sql: &str| count_for(&conn, sql, user);
        assert_eq!(
            c("SELECT count(*) FROM signal WHERE created_by = ?1"),
            signals,
            "{user}: signals"
        );
        assert_eq!(
            c(
                "SELECT count(*) FROM audit WHERE username = ?1 AND record LIKE 'S-%' AND action = 'create'"
            ),
            signals,
            "{user}: signal audit rows"
        );
        assert_eq!(
            c(
                "SELECT count(*) FROM signal WHERE created_by = ?1 AND state = 'triaged' AND owner_org_id IS NOT NULL"
            ),
            triages,
            "{user}: triaged signals"
        );
        assert_eq!(
            c("SELECT count(*) FROM audit WHERE username = ?1 AND action = 'triage'"),
            triages,
            "{user}"
        );
        assert_eq!(
            c("SELECT count(*) FROM feedback WHERE given_by = ?1"),
            feedback,
            "{user}: feedback rows"
        );
        assert_eq!(
            c("SELECT count(*) FROM audit WHERE username = ?1 AND action = 'feedback'"),
            feedback,
            "{user}"
        );
        assert_eq!(
            c(
                "SELECT count(*) FROM audit WHERE username = ?1 AND record = 'O-1' AND action = 'update'"
            ),
            org_edits,
            "{user}: organisation edits"
        );
        assert_eq!(
            c("SELECT count(*) FROM commitment WHERE created_by = ?1"),
            commitments,
            "{user}: commitments"
        );
        assert_eq!(
            c("SELECT count(*) FROM signal_event WHERE username = ?1 AND event != 'due-date'"),
            signals + triages + feedback,
            "{user}: timeline entries"
        );
        // Each interim feedback announces a next date: a due-date entry of its own.
        assert_eq!(
            c("SELECT count(*) FROM signal_event WHERE username = ?1 AND event = 'due-date'"),
            feedback,
            "{user}: due-date entries"
        );
    }
    assert_eq!(org.id, 1, "the audit queries above name O-1");
    let total: i64 = summaries.iter().map(|s| num(s, "acknowledged")).sum();
    assert_eq!(
        support::audit_rows(&conn),
        total + 2,
        "plus the two setup rows"
    );

    // No lost update: every acknowledged edit of the shared organisation bumped its
    // version exactly once.
    let shared = watcher.org(org.id).expect("shared org");
    assert_eq!(
        shared.version,
        1 + all_org_edits,
        "edits of the shared organisation were lost"
    );
    assert!(shared.notes.starts_with("worker"), "{}", shared.notes);

    assert_ne!(
        watcher.data_version().expect("data_version"),
        data_version_before,
        "a screen sees others' writes"
    );
    assert_eq!(watcher.check().expect("check"), Vec::<String>::new());
    assert_eq!(pragma_text(&conn, "integrity_check"), "ok");
}

/// Six processes open one file that does not exist yet, at the same moment.
fn fresh_open_race(round: usize) {
    const OPENERS: usize = 6;
    let db = TempDb::new();
    let barrier = db.dir.path().join(format!("barrier-{round}"));
    std::fs::create_dir(&barrier).expect("barrier dir");
    assert!(!db.path.exists());

    let mut workers = spawn_workers("open", &db.path, &barrier, OPENERS, &[]);
    release(&mut workers, &barrier);
    let finished = finish(workers, Duration::from_secs(300));
    for f in &finished {
        assert!(
            f.success,
            "round {round}: worker {} failed\nstdout:\n{}\nstderr:\n{}",
            f.index, f.stdout, f.stderr
        );
        let s = summary(f, "OPEN_SUMMARY");
        assert_eq!(
            num(&s, "user_version"),
            store::SCHEMA_VERSION,
            "round {round}: worker {}",
            f.index
        );
    }

    // Migrated exactly once: the schema is identical to one made by a single process,
    // and every opener's first write is there.
    let reference = TempDb::new();
    let expected_schema = schema_dump(reference.open("reference").conn());
    let conn = raw(&db.path);
    assert_eq!(
        schema_dump(&conn),
        expected_schema,
        "round {round}: schema differs from a single-process migration"
    );
    assert_eq!(
        pragma_i64(&conn, "user_version"),
        store::SCHEMA_VERSION,
        "round {round}"
    );
    assert_eq!(
        pragma_i64(&conn, "application_id"),
        i64::from(store::APPLICATION_ID),
        "round {round}"
    );
    assert_eq!(
        pragma_text(&conn, "journal_mode").to_lowercase(),
        "wal",
        "round {round}"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM organisation"),
        OPENERS as i64,
        "round {round}"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM audit"),
        OPENERS as i64,
        "round {round}"
    );
    assert_eq!(pragma_text(&conn, "integrity_check"), "ok", "round {round}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db.path)
            .expect("stat")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(
            mode, 0o600,
            "round {round}: a file created in a race is still owner-only"
        );
    }
    let store = db.open("checker");
    assert_eq!(
        store.check().expect("check"),
        Vec::<String>::new(),
        "round {round}"
    );
    assert_eq!(store.today(), day0());
}

#[test]
fn six_processes_opening_one_new_file_at_once_migrate_it_exactly_once() {
    let _alone = one_scenario_at_a_time();
    fresh_open_race(0);
}

#[test]
fn fresh_file_open_race_five_rounds() {
    let _alone = one_scenario_at_a_time();
    for round in 1..=5 {
        fresh_open_race(round);
    }
}

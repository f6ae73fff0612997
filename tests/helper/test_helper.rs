//! `wijkdesk-test-helper`: TEST-ONLY. The child processes that some integration tests
//! start: a writer to kill with SIGKILL (tests/crash_kill9.rs), a first open under
//! umask 000 (tests/store_open.rs), the writers and openers that race on one file
//! (tests/store_concurrency.rs), and another user holding the write lock
//! (tests/tui_lock_e2e.rs). The tests find it through
//! `env!("CARGO_BIN_EXE_wijkdesk-test-helper")`; it is no tool for users and does
//! nothing on its own worth running (docs/testing.md).
//!
//! Each mode prints the lines its test reads on stdout and exits non-zero (a panic)
//! when something it was asked to do failed.

use chrono::{Duration as Days, NaiveDate};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use wijkdesk::store::{
    Channel, Ctx, NewCommitment, NewFeedback, NewOrg, NewSignal, OrgEdit, Owner, Store, StoreError,
    Triage,
};

#[derive(Parser)]
#[command(about = "Test-only child processes for wijkdesk's integration tests")]
struct Args {
    #[command(subcommand)]
    mode: Mode,
}

#[derive(Subcommand)]
enum Mode {
    /// Write signals (and some feedback) forever, printing `ack TITLE` after each
    /// commit returned, until killed.
    CrashWriter {
        db: PathBuf,
        /// Marks this run's titles, so the test can tell runs apart.
        run: String,
    },
    /// Create the database (with one organisation) and print the modes of its files
    /// as `MODES db=600 wal=600 …`; the test starts it under umask 000.
    UmaskOpen { db: PathBuf },
    /// Take the database's write lock (BEGIN IMMEDIATE), create `ready`, and hold the
    /// lock until `release` exists (or two minutes pass).
    HoldLock {
        db: PathBuf,
        ready: PathBuf,
        release: PathBuf,
    },
    /// Wait at the barrier, then do `writes` writes of five kinds in turn and print
    /// `WORKER_SUMMARY key=value …`.
    Writes {
        #[command(flatten)]
        race: Race,
        #[arg(long)]
        writes: usize,
        /// The residents' organisation the writes are about.
        #[arg(long)]
        org: i64,
        /// The service that owns the triaged signals and the promises.
        #[arg(long)]
        service: i64,
    },
    /// Wait at the barrier, then open the (new) file, write one organisation and
    /// print `OPEN_SUMMARY user_version=N`.
    Open {
        #[command(flatten)]
        race: Race,
    },
}

/// Where a racing worker works and how it starts together with the others.
#[derive(clap::Args)]
struct Race {
    #[arg(long)]
    db: PathBuf,
    #[arg(long)]
    index: usize,
    /// A directory: the worker writes `ready-INDEX` and starts at the moment the
    /// test writes into `go`.
    #[arg(long)]
    barrier: PathBuf,
}

fn main() {
    match Args::parse().mode {
        Mode::CrashWriter { db, run } => crash_writer(&db, &run),
        Mode::UmaskOpen { db } => umask_open(&db),
        Mode::HoldLock { db, ready, release } => hold_lock(&db, &ready, &release),
        Mode::Writes {
            race,
            writes,
            org,
            service,
        } => {
            wait_at_barrier(&race.barrier, race.index);
            write_worker(&race.db, race.index, writes, org, service);
        }
        Mode::Open { race } => {
            wait_at_barrier(&race.barrier, race.index);
            open_worker(&race.db, race.index);
        }
    }
}

/// The day the store tests live on (tests/support's `day0`).
fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 10, 1).expect("valid date")
}

fn ctx(user: &str) -> Ctx {
    Ctx::new(user, day0())
}

fn crash_writer(db: &Path, run: &str) {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("valid date");
    let mut store = Store::open(db, Ctx::new("crashy", today)).expect("worker opens the store");
    for i in 0.. {
        let title = format!("crash run {run} write {i}");
        let s = store
            .add_signal(NewSignal {
                title: title.clone(),
                ..Default::default()
            })
            .expect("write");
        // Also exercise a transition, so multi-statement transactions get killed too.
        if i % 3 == 0 {
            let _ = store.add_feedback(
                s.id,
                NewFeedback {
                    channel: Channel::Phone,
                    text: "We kijken ernaar".into(),
                    is_final: false,
                    next_due: None,
                },
                None,
            );
        }
        println!("ack {title}");
    }
}

fn umask_open(db: &Path) {
    let mut store = Store::open(db, ctx("worker")).expect("open under umask 000");
    store.set_accept_new_terms(true);
    store
        .add_org(NewOrg {
            name: "Wijkberaad Duinoord".into(),
            kind: Some("residents".into()),
            district: Some("Scheveningen".into()),
            ..Default::default()
        })
        .expect("add residents' organisation");
    let mut line = String::from("MODES");
    for (label, suffix) in [
        ("db", ""),
        ("wal", "-wal"),
        ("shm", "-shm"),
        ("lock", ".lock"),
    ] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(m) = std::fs::metadata(&p) {
                line.push_str(&format!(" {label}={:o}", m.permissions().mode() & 0o777));
            }
        }
        #[cfg(not(unix))]
        let _ = (label, p);
    }
    println!("{line}");
}

fn hold_lock(db: &Path, ready: &Path, release: &Path) {
    let conn = rusqlite::Connection::open(db).expect("open the database");
    conn.busy_timeout(Duration::from_secs(30))
        .expect("set the busy timeout");
    conn.execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    std::fs::write(ready, b"").expect("ready file");
    let deadline = Instant::now() + Duration::from_secs(120);
    while !release.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    conn.execute_batch("ROLLBACK").expect("let the lock go");
}

/// Say "ready", then wait for the go-file, which holds a start moment a little in the
/// future: every worker sleeps until just before it and spins to it, so that all of
/// them start within microseconds of each other.
fn wait_at_barrier(dir: &Path, index: usize) {
    std::fs::write(dir.join(format!("ready-{index}")), b"").expect("ready file");
    let go = dir.join("go");
    let deadline = Instant::now() + Duration::from_secs(120);
    let start_nanos: u128 = loop {
        if let Ok(text) = std::fs::read_to_string(&go) {
            break text.trim().parse().expect("start moment in the go-file");
        }
        assert!(Instant::now() < deadline, "worker {index}: no go signal");
        std::thread::sleep(Duration::from_millis(1));
    };
    let start = UNIX_EPOCH + Duration::from_nanos(start_nanos as u64);
    if let Ok(wait) = start.duration_since(SystemTime::now())
        && wait > Duration::from_millis(3)
    {
        std::thread::sleep(wait - Duration::from_millis(2));
    }
    while SystemTime::now() < start {
        std::hint::spin_loop();
    }
}

/// The kinds of write a worker does, in turn.
const KINDS: [&str; 5] = ["signals", "triages", "feedback", "org_edits", "commitments"];

fn is_busy(e: &StoreError) -> bool {
    let m = e.to_string().to_lowercase();
    m.contains("locked") || m.contains("busy")
}

fn write_worker(db: &Path, index: usize, writes: usize, org: i64, service: i64) {
    let user = format!("worker{index}");
    let mut store = Store::open(db, ctx(&user)).unwrap_or_else(|e| panic!("{user}: open: {e}"));
    let days = |n: i64| day0() + Days::days(n);
    let service_owner = Owner {
        person_id: None,
        org_id: Some(service),
    };

    let mut acked: BTreeMap<&str, usize> = KINDS.iter().map(|k| (*k, 0)).collect();
    let (mut conflicts, mut failures, mut busy) = (0usize, 0usize, 0usize);
    // The longest a single write (with its conflict retries) took: reported, not asserted.
    let mut max_wait = Duration::ZERO;
    // The worker's latest own signal and the version it last saw of it.
    let mut own: Option<(i64, i64)> = None;

    for k in 0..writes {
        let kind = KINDS[k % KINDS.len()];
        let began = Instant::now();
        let result: Result<(), StoreError> = match kind {
            "signals" => store
                .add_signal(NewSignal {
                    title: format!("{user} signaal {k}"),
                    org_id: Some(org),
                    theme: Some("verkeer".into()),
                    ..Default::default()
                })
                .map(|s| own = Some((s.id, s.version))),
            "triages" => match own {
                Some((id, v)) => store
                    .triage(
                        id,
                        Triage {
                            owner: Some(service_owner),
                            ..Default::default()
                        },
                        Some(v),
                    )
                    .map(|s| own = Some((s.id, s.version))),
                None => Err(StoreError::Invalid(wijkdesk::domain::Problem::Failure {
                    error: "no own signal to triage".into(),
                })),
            },
            "feedback" => match own {
                Some((id, v)) => store
                    .add_feedback(
                        id,
                        NewFeedback {
                            channel: Channel::Email,
                            text: format!("{user}: we zijn ermee bezig ({k})"),
                            is_final: false,
                            next_due: Some(days(21)),
                        },
                        Some(v),
                    )
                    .map(|s| own = Some((s.id, s.version))),
                None => Err(StoreError::Invalid(wijkdesk::domain::Problem::Failure {
                    error: "no own signal to give feedback on".into(),
                })),
            },
            "org_edits" => {
                // The correct client: read fresh, edit naming that version, and on a
                // conflict read again and retry.
                let mut outcome = Err(StoreError::Invalid(wijkdesk::domain::Problem::Failure {
                    error: "no attempt".into(),
                }));
                for _ in 0..100_000 {
                    let fresh = match store.org(org) {
                        Ok(o) => o,
                        Err(e) => {
                            outcome = Err(e);
                            break;
                        }
                    };
                    let edit = OrgEdit {
                        notes: Some(format!("{user} edit {k}")),
                        ..Default::default()
                    };
                    match store.edit_org(org, edit, Some(fresh.version)) {
                        Err(StoreError::Conflict(_)) => conflicts += 1,
                        other => {
                            outcome = other.map(|_| ());
                            break;
                        }
                    }
                }
                outcome
            }
            "commitments" => store
                .add_commitment(NewCommitment {
                    text: format!("{user} toezegging {k}"),
                    org_id: org,
                    owner: service_owner,
                    due: days(30),
                    signal_id: None,
                    meeting_id: None,
                    agenda_item_id: None,
                })
                .map(|_| ()),
            _ => unreachable!(),
        };
        max_wait = max_wait.max(began.elapsed());
        if let Err(e) = result {
            failures += 1;
            if is_busy(&e) {
                busy += 1;
            }
            if failures <= 5 {
                eprintln!(
                    "WORKER_ERROR {user}: {kind}: {e} (after {:?})",
                    began.elapsed()
                );
            }
        } else {
            *acked.get_mut(kind).expect("kind") += 1;
        }
    }
    let total: usize = acked.values().sum();
    let counts: Vec<String> = acked.iter().map(|(k, v)| format!("{k}={v}")).collect();
    // The test parses this line.
    println!(
        "WORKER_SUMMARY index={index} user={user} acknowledged={total} {} conflicts={conflicts} failures={failures} busy={busy} max_wait_ms={}",
        counts.join(" "),
        max_wait.as_millis()
    );
    assert_eq!(
        failures, 0,
        "{user}: {failures} writes failed ({busy} busy/locked)"
    );
}

fn open_worker(db: &Path, index: usize) {
    let user = format!("worker{index}");
    let mut store = match Store::open(db, ctx(&user)) {
        Ok(s) => s,
        Err(e) => {
            println!("OPEN_ERROR index={index}: {e}");
            panic!("{user}: open failed: {e}");
        }
    };
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("PRAGMA user_version");
    store
        .add_org(NewOrg {
            name: format!("Organisatie van {user}"),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{user}: first write failed: {e}"));
    println!("OPEN_SUMMARY index={index} user={user} user_version={version}");
}

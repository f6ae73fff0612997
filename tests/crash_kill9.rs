//! A writer killed with SIGKILL at random moments loses nothing it acknowledged and
//! leaves a sound database. CI runs 20 kills; `WIJKDESK_CRASH_RUNS=1000 cargo test
//! --release --test crash_kill9` runs the long version (docs/operations.md). The
//! writer is `wijkdesk-test-helper crash-writer`.

use chrono::NaiveDate;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wijkdesk::store::{Ctx, SignalFilter, Store};

fn ctx(user: &str) -> Ctx {
    Ctx::new(user, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())
}

/// A cheap deterministic sequence of kill delays.
fn delays(runs: usize) -> impl Iterator<Item = Duration> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..runs).map(move |_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Duration::from_millis(5 + x % 120)
    })
}

#[test]
fn kill_9_loses_no_acknowledged_write() {
    let runs: usize = std::env::var("WIJKDESK_CRASH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    Store::open(&path, ctx("setup")).unwrap();
    let mut acknowledged: Vec<String> = Vec::new();
    for (run, delay) in delays(runs).enumerate() {
        // The writer: signals forever, each printed after its commit returned.
        let mut child = Command::new(env!("CARGO_BIN_EXE_wijkdesk-test-helper"))
            .arg("crash-writer")
            .arg(&path)
            .arg(run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(title) = line.strip_prefix("ack ") {
                    let _ = tx.send(title.to_string());
                }
            }
        });
        // Wait for the first acknowledgement, then kill after a random delay.
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("worker acknowledged a write");
        acknowledged.push(first);
        let until = Instant::now() + delay;
        while let Ok(t) = rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
            acknowledged.push(t);
            if Instant::now() >= until {
                break;
            }
        }
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();
        reader.join().unwrap();
        acknowledged.extend(rx.try_iter());

        let store = Store::open(&path, ctx("checker")).unwrap();
        assert!(
            store.check().unwrap().is_empty(),
            "run {run}: database not sound after kill -9"
        );
    }
    let store = Store::open(&path, ctx("checker")).unwrap();
    let stored: std::collections::HashSet<String> = store
        .signals(&SignalFilter {
            all_states: true,
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    let missing: Vec<&String> = acknowledged
        .iter()
        .filter(|t| !stored.contains(*t))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged writes missing, e.g. {:?}",
        missing.len(),
        missing.first()
    );
    assert!(
        acknowledged.len() >= runs,
        "every run acknowledged at least one write"
    );
}

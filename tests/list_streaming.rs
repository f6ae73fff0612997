//! The list commands stream their rows (nothing collected first), and what they print
//! is exactly what the collected lists give: on a generated database file, the real
//! binary's table, `--json` and `--csv` against an oracle built here from every row;
//! the store's streamed order against a plain sort in Rust; `| head` ends quietly;
//! and the plans of the default orderings are index range scans that need no sort
//! (plans, not timings).

mod support;

use chrono::NaiveDate;
use serde_json::Value;
use std::process::Command as StdCommand;
use support::cli::*;
use wijkdesk::cli::output::Table;
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::{ActionFilter, CommitmentFilter, Ctx, SignalFilter, SignalRow, Store};

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// A database of a few thousand generated signals, made once; each test copies none
/// of it and only reads.
fn env() -> &'static Env {
    static ENV: std::sync::OnceLock<Env> = std::sync::OnceLock::new();
    ENV.get_or_init(|| {
        let env = Env::new();
        let mut store = Store::open(&env.db, Ctx::new("demo", today())).unwrap();
        wijkdesk::demo::load(&mut store, 2500).unwrap();
        env
    })
}

fn store() -> Store {
    Store::open(&env().db, Ctx::new("tester", today())).unwrap()
}

/// Every signal, the plain way: read all, filter and sort in Rust by the documented
/// order: open with feedback overdue by received date; open not yet due by due date
/// (as the inbox); open without a due date; then the others by received date.
fn signals_oracle(store: &Store, keep: impl Fn(&SignalRow) -> bool) -> Vec<SignalRow> {
    let mut all = store
        .signals(&SignalFilter {
            all_states: true,
            ..SignalFilter::default()
        })
        .unwrap();
    // The collected list itself is under test too: take its rows, not its order.
    all.sort_by_key(|s| s.id);
    let mut rows: Vec<SignalRow> = all.into_iter().filter(|s| keep(s)).collect();
    let rank = |s: &SignalRow| match (s.state.is_open(), s.feedback_due) {
        (true, Some(d)) if d < today() => (0, None),
        (true, Some(d)) => (1, Some(d)),
        (true, None) => (2, None),
        (false, _) => (3, None),
    };
    rows.sort_by_key(|s| (rank(s), s.received_on, s.id));
    rows
}

fn ids(rows: &[SignalRow]) -> Vec<i64> {
    rows.iter().map(|r| r.id).collect()
}

#[test]
fn the_streamed_signal_order_is_the_documented_one() {
    let store = store();
    let everything = signals_oracle(&store, |_| true);
    assert!(everything.len() > 2000, "{}", everything.len());
    let org = everything.iter().find_map(|s| {
        store
            .conn()
            .query_row("SELECT org_id FROM signal WHERE id = ?1", [s.id], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .unwrap()
    });
    let owner: Option<i64> = store
        .conn()
        .query_row(
            "SELECT owner_person_id FROM signal WHERE owner_person_id IS NOT NULL
             GROUP BY owner_person_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let org_of = |id: i64| -> Option<i64> {
        store
            .conn()
            .query_row("SELECT org_id FROM signal WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let owner_of = |id: i64| -> Option<i64> {
        store
            .conn()
            .query_row(
                "SELECT owner_person_id FROM signal WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    type Keep<'a> = Box<dyn Fn(&SignalRow) -> bool + 'a>;
    let cases: Vec<(&str, SignalFilter, Keep)> = vec![
        (
            "open",
            SignalFilter::default(),
            Box::new(|s: &SignalRow| s.state.is_open()),
        ),
        (
            "all",
            SignalFilter {
                all_states: true,
                ..SignalFilter::default()
            },
            Box::new(|_: &SignalRow| true),
        ),
        (
            "closed and new",
            SignalFilter {
                states: vec![SignalState::Closed, SignalState::New],
                ..SignalFilter::default()
            },
            Box::new(|s: &SignalRow| matches!(s.state, SignalState::Closed | SignalState::New)),
        ),
        (
            "overdue",
            SignalFilter {
                overdue_only: true,
                ..SignalFilter::default()
            },
            Box::new(|s: &SignalRow| s.overdue),
        ),
        (
            "one organisation, every state",
            SignalFilter {
                all_states: true,
                org_id: org,
                ..SignalFilter::default()
            },
            Box::new(move |s: &SignalRow| org_of(s.id) == org),
        ),
        (
            "one owner",
            SignalFilter {
                owner_person_id: owner,
                ..SignalFilter::default()
            },
            Box::new(move |s: &SignalRow| s.state.is_open() && owner_of(s.id) == owner),
        ),
        (
            "theme",
            SignalFilter {
                all_states: true,
                theme: Some("#Verkeer".into()),
                ..SignalFilter::default()
            },
            Box::new(|s: &SignalRow| s.theme.as_deref() == Some("verkeer")),
        ),
    ];
    for (name, filter, keep) in cases {
        let want = ids(&signals_oracle(&store, keep));
        assert!(!want.is_empty(), "{name}: the case selects nothing");
        let mut streamed = Vec::new();
        let n = store
            .each_signal(&filter, |s| {
                streamed.push(s.id);
                Ok::<(), wijkdesk::store::StoreError>(())
            })
            .unwrap();
        assert_eq!(n, streamed.len());
        assert_eq!(streamed, want, "{name}");
        // The first rows under a limit are the first rows of the whole list.
        let first = store
            .signals(&SignalFilter {
                limit: Some(7),
                ..filter.clone()
            })
            .unwrap();
        assert_eq!(ids(&first), want[..want.len().min(7)], "{name}, limit 7");
    }
}

#[test]
fn streamed_commitments_actions_and_meetings_keep_their_order() {
    let store = store();
    for all_states in [false, true] {
        let rows = store
            .commitments(&CommitmentFilter {
                all_states,
                ..CommitmentFilter::default()
            })
            .unwrap();
        let mut want = rows.clone();
        want.sort_by_key(|c| {
            let open = c.state.code() == "open";
            (!(open && c.due < today()), !open, c.due, c.id)
        });
        let got: Vec<i64> = rows.iter().map(|c| c.id).collect();
        assert_eq!(got, want.iter().map(|c| c.id).collect::<Vec<_>>());
        let open: i64 = store
            .conn()
            .query_row(
                &format!(
                    "SELECT count(*) FROM commitment WHERE {}",
                    if all_states { "1" } else { "state = 'open'" }
                ),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows.len() as i64, open);

        let rows = store
            .actions(&ActionFilter {
                all_states,
                ..ActionFilter::default()
            })
            .unwrap();
        let mut want = rows.clone();
        want.sort_by_key(|a| {
            (
                !a.overdue,
                a.state.code() != "open",
                a.due.is_none(),
                a.due,
                a.id,
            )
        });
        let got: Vec<i64> = rows.iter().map(|a| a.id).collect();
        assert_eq!(got, want.iter().map(|a| a.id).collect::<Vec<_>>());
        let n: i64 = store
            .conn()
            .query_row(
                &format!(
                    "SELECT count(*) FROM action WHERE {}",
                    if all_states { "1" } else { "state = 'open'" }
                ),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows.len() as i64, n);
    }
    let meetings = store.meetings(usize::MAX).unwrap();
    let total: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM meeting", [], |r| r.get(0))
        .unwrap();
    assert_eq!(meetings.len() as i64, total);
    let planned =
        |m: &wijkdesk::store::Meeting| m.status.code() == "planned" && m.cancelled_at.is_none();
    let split = meetings.iter().take_while(|m| planned(m)).count();
    assert!(meetings[split..].iter().all(|m| !planned(m)));
    assert!(meetings[..split].is_sorted_by_key(|m| m.starts_at));
    assert!(meetings[split..].is_sorted_by(|a, b| a.starts_at >= b.starts_at));
}

/// The cells `signal list` shows for a signal's JSON.
fn signal_cells(v: &Value) -> Vec<String> {
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    let open = ["new", "triaged", "in_progress"].contains(&v["state"].as_str().unwrap());
    let due = match (open, v["feedback_due"].as_str()) {
        (true, Some(d)) if v["overdue"] == Value::Bool(true) => format!("{d} !"),
        (true, Some(d)) => d.to_string(),
        _ => String::new(),
    };
    vec![
        s("ref"),
        s("state"),
        due,
        s("received_on"),
        s("org"),
        s("theme"),
        s("owner"),
        s("title"),
    ]
}

fn run(args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = env().cmd();
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_streamed_table_json_and_csv_equal_the_collected_list() {
    let store = store();
    for args in [
        vec!["signal", "list"],
        vec!["signal", "list", "--all"],
        vec!["signal", "list", "--state", "closed", "--limit", "40"],
    ] {
        // The oracle: every row collected by the store, in the one JSON shape.
        let filter = SignalFilter {
            all_states: args.contains(&"--all"),
            states: if args.contains(&"closed") {
                vec![SignalState::Closed]
            } else {
                Vec::new()
            },
            limit: args.contains(&"--limit").then_some(40),
            ..SignalFilter::default()
        };
        let want: Vec<Value> = store
            .signals(&filter)
            .unwrap()
            .iter()
            .map(|s| wijkdesk::cli::json::record(format!("S-{}", s.id), s))
            .collect();
        assert!(want.len() >= 40, "{args:?}: {}", want.len());

        let mut json_args = args.clone();
        json_args.push("--json");
        let text = run(&json_args, None);
        let got: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{json_args:?} is not JSON: {e}"));
        assert_eq!(got, Value::Array(want.clone()), "{json_args:?}");
        // Written as the one pretty form the collected list had.
        assert_eq!(
            text,
            format!("{}\n", serde_json::to_string_pretty(&got).unwrap())
        );

        for columns in [None, Some("100"), Some("60")] {
            let mut t = Table::new(&[
                "ID",
                "State",
                "Due",
                "-Received",
                "~Organisation",
                "-~Theme",
                "~Owner",
                "*Title",
            ]);
            for v in &want {
                t.row(signal_cells(v));
            }
            let expected = t
                .lines(columns.map(|c| c.parse().unwrap()), false)
                .join("\n");
            assert_eq!(
                run(&args, columns),
                format!("{expected}\n"),
                "{args:?} at {columns:?} columns"
            );
        }

        let mut csv_args = args.clone();
        csv_args.push("--csv");
        let csv = run(&csv_args, None);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let refs: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        let want_refs: Vec<String> = want
            .iter()
            .map(|v| v["ref"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(refs, want_refs, "{csv_args:?}");
    }
}

#[test]
fn organisations_and_people_stream_by_pages_in_the_collected_order() {
    let store = store();
    let orgs: Vec<Value> = store
        .org_summaries("", usize::MAX >> 1)
        .unwrap()
        .iter()
        .map(|o| wijkdesk::cli::json::record(o.org.reference(), o))
        .collect();
    // More than one page of 64.
    assert!(orgs.len() > 70, "{}", orgs.len());
    let got: Value = serde_json::from_str(&run(&["org", "list", "--json"], None)).unwrap();
    assert_eq!(got, Value::Array(orgs.clone()));
    let table = run(&["org", "list"], None);
    let refs: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let want: Vec<&str> = orgs.iter().map(|o| o["ref"].as_str().unwrap()).collect();
    assert_eq!(refs, want);
    let limited: Value =
        serde_json::from_str(&run(&["org", "list", "--limit", "70", "--json"], None)).unwrap();
    assert_eq!(limited, Value::Array(orgs[..70].to_vec()));

    let people: Vec<Value> = store
        .people("", None, usize::MAX >> 1)
        .unwrap()
        .iter()
        .map(|p| wijkdesk::cli::json::record(p.reference(), p))
        .collect();
    assert!(people.len() > 128, "{}", people.len());
    let got: Value = serde_json::from_str(&run(&["person", "list", "--json"], None)).unwrap();
    assert_eq!(got, Value::Array(people.clone()));
    let table = run(&["person", "list"], None);
    let refs: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let want: Vec<&str> = people.iter().map(|p| p["ref"].as_str().unwrap()).collect();
    assert_eq!(refs, want);
}

#[test]
fn a_csv_file_is_written_whole_and_private() {
    let file = env().dir().join("signals.csv");
    let said = run(
        &[
            "signal",
            "list",
            "--all",
            "--csv",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let rows = text.lines().count() - 1;
    assert_eq!(
        said.trim(),
        format!("{rows} records written to {}", file.display())
    );
    let piped = run(&["signal", "list", "--all", "--csv"], None);
    assert_eq!(text, piped);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn a_closed_pipe_ends_every_list_quietly() {
    let bin = env!("CARGO_BIN_EXE_wijkdesk");
    let db = env().db.to_str().unwrap().to_string();
    for list in [
        "signal list --all",
        "signal list --all --json",
        "signal list --all --csv",
        "commitment list --all",
        "action list --all --json",
        "meeting list",
        "org list",
        "person list --json",
    ] {
        // The list is far longer than a pipe holds, so the writes after `head` leaves
        // fail; wijkdesk must stop without a word and exit 0.
        let script =
            format!("( '{bin}' --db '{db}' {list}; echo \"exit $?\" >&2 ) | head -n 3 > /dev/null");
        let out = StdCommand::new("sh")
            .arg("-c")
            .arg(&script)
            .env("WIJKDESK_TODAY", TODAY)
            .env("WIJKDESK_USER", "tester")
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr, "exit 0\n", "{list}");
    }
    // And the lists are long enough that the pipe did close under them.
    let full = run(&["signal", "list", "--all"], None);
    assert!(full.len() > 200_000, "{}", full.len());
}

/// Each statement of each default ordering: a range scan of the named index that
/// gives the order itself (no temporary B-tree, no full scan).
fn assert_ordered_by_index(what: &str, plans: &[String], index: &str) {
    assert!(!plans.is_empty(), "{what}: no statements");
    for plan in plans {
        assert!(plan.contains(&format!("INDEX {index}")), "{what}:\n{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{what} sorts:\n{plan}");
        assert!(
            !plan.contains("SCAN s\n") && !plan.ends_with("SCAN s"),
            "{what}:\n{plan}"
        );
    }
}

#[test]
fn the_default_orderings_are_index_range_scans() {
    // On a new, small database (no statistics) and on the generated one (with them):
    // the plan is the same.
    let fresh = Env::new();
    let small = Store::open(&fresh.db, Ctx::new("tester", today())).unwrap();
    for store in [small, store()] {
        let open = store.signal_list_plans(&SignalFilter::default()).unwrap();
        // Overdue per open state; not yet due; no due date.
        assert_eq!(open.len(), 5, "{open:#?}");
        assert_ordered_by_index("signal list", &open[..3], "signal_state");
        assert_ordered_by_index("signal list (not yet due)", &open[3..], "signal_open_due");
        let all = store
            .signal_list_plans(&SignalFilter {
                all_states: true,
                ..SignalFilter::default()
            })
            .unwrap();
        assert_eq!(all.len(), 9, "{all:#?}");
        assert_ordered_by_index("signal list --all", &all[..3], "signal_state");
        assert_ordered_by_index("signal list --all", &all[5..], "signal_state");
        let limited = store
            .signal_list_plans(&SignalFilter {
                limit: Some(50),
                ..SignalFilter::default()
            })
            .unwrap();
        assert_eq!(limited, open, "a limit changes no plan");
        // One organisation's or owner's signals: a search of their index (the few not
        // yet due are sorted by due date).
        for (what, f, index) in [
            (
                "signal list --org",
                SignalFilter {
                    org_id: Some(1),
                    all_states: true,
                    ..SignalFilter::default()
                },
                "signal_org",
            ),
            (
                "signal list --owner",
                SignalFilter {
                    owner_person_id: Some(1),
                    ..SignalFilter::default()
                },
                "signal_owner",
            ),
        ] {
            for plan in store.signal_list_plans(&f).unwrap() {
                assert!(
                    plan.contains(&format!("SEARCH s USING INDEX {index}")),
                    "{what}:\n{plan}"
                );
            }
        }

        let c = store
            .commitment_list_plans(&CommitmentFilter::default())
            .unwrap();
        assert_ordered_by_index("commitment list", &c, "commitment_open_due");
        let c = store
            .commitment_list_plans(&CommitmentFilter {
                all_states: true,
                ..CommitmentFilter::default()
            })
            .unwrap();
        assert_ordered_by_index("commitment list --all", &c[1..], "commitment_done_due");
        let a = store.action_list_plans(&ActionFilter::default()).unwrap();
        assert_ordered_by_index("action list", &a, "action_open_due");
        let a = store
            .action_list_plans(&ActionFilter {
                all_states: true,
                ..ActionFilter::default()
            })
            .unwrap();
        assert_ordered_by_index("action list --all", &a[2..], "action_done_due");
        let m = store.meeting_list_plans().unwrap();
        assert_ordered_by_index("meeting list", &m[..1], "meeting_planned");
        assert_ordered_by_index("meeting list", &m[1..], "meeting_done");
    }
}

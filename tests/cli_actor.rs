//! Who did it: every change is recorded under the operating-system account that ran
//! wijkdesk (real uid → passwd), whatever `$USER` or `$LOGNAME` say; `WIJKDESK_USER`
//! overrides the acting name for tests and demos, and the account is recorded beside it.

mod support;

use serde_json::Value;
use support::cli::*;

/// This process's account, looked up independently of wijkdesk: `id -un`.
fn account() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .expect("run id -un");
    assert!(out.status.success(), "id -un failed");
    let name = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(!name.is_empty(), "id -un printed nothing");
    name
}

/// `wijkdesk --db <db>` with nothing about the user from the caller's environment.
fn bare(env: &Env) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env_remove("WIJKDESK_USER")
        .env_remove("USER")
        .env_remove("LOGNAME");
    c
}

/// Every text value in the database file, one a line.
fn all_text(env: &Env) -> String {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                if let Ok(text) = row.get_ref(i).unwrap().as_str() {
                    out.push_str(&format!("{t}: {text}\n"));
                }
            }
        }
    }
    out
}

fn run(mut c: assert_cmd::Command, args: &[&str]) -> String {
    let out = c.args(args).output().expect("run wijkdesk");
    assert!(
        out.status.success(),
        "wijkdesk {args:?} failed\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An organisation, a signal on it, triaged: audit rows, timeline rows, created_by.
fn some_changes(env: &Env, cmd: impl Fn() -> assert_cmd::Command) {
    run(cmd(), &["init"]);
    run(cmd(), &["org", "add", "--name", "Wijkberaad Zeeheld"]);
    run(
        cmd(),
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Losse tegels",
        ],
    );
    run(cmd(), ADD_DSO);
    run(cmd(), &["signal", "triage", "S-1", "--owner", "DSO"]);
    assert!(env.db.exists());
}

#[test]
fn without_user_or_logname_the_account_is_recorded() {
    let env = Env::new();
    let me = account();
    some_changes(&env, || bare(&env));

    let history = run(bare(&env), &["history", "S-1"]);
    assert!(
        history.lines().any(|l| l.split("  ").any(|w| w == me)),
        "history does not name {me}:\n{history}"
    );
    let json: Value =
        serde_json::from_str(&run(bare(&env), &["history", "S-1", "--json"])).unwrap();
    for e in json.as_array().unwrap() {
        assert_eq!(e["user"], me.as_str(), "{e}");
        assert_eq!(e["account"], me.as_str(), "{e}");
    }
    let show = run(bare(&env), &["signal", "show", "S-1"]);
    assert!(
        show.contains(&me),
        "the timeline does not name {me}:\n{show}"
    );
    let signal: Value =
        serde_json::from_str(&run(bare(&env), &["signal", "show", "S-1", "--json"])).unwrap();
    assert_eq!(signal["signal"]["created_by"], me.as_str(), "{signal}");

    if me != "unknown" {
        let text = all_text(&env);
        assert!(!text.contains("unknown"), "\"unknown\" recorded:\n{text}");
    }
}

#[test]
fn a_false_user_variable_is_not_believed() {
    let env = Env::new();
    let me = account();
    assert_ne!(
        me, "mallory",
        "this test needs an account that is not mallory"
    );
    let cmd = || {
        let mut c = bare(&env);
        c.env("USER", "mallory").env("LOGNAME", "mallory");
        c
    };
    some_changes(&env, cmd);
    let text = all_text(&env);
    assert!(!text.contains("mallory"), "mallory recorded:\n{text}");
    assert!(
        text.contains(&format!("audit: {me}\n")),
        "{me} not recorded:\n{text}"
    );
    let history = run(cmd(), &["history", "S-1"]);
    assert!(!history.contains("mallory"), "{history}");
    assert!(history.contains(&me), "{history}");
}

#[test]
fn an_override_is_recorded_beside_the_real_account() {
    let env = Env::new();
    let me = account();
    assert_ne!(me, "demo", "this test needs an account that is not demo");
    let cmd = || {
        let mut c = bare(&env);
        c.env("WIJKDESK_USER", "demo");
        c
    };
    some_changes(&env, cmd);

    // The acting name stays where work is attributed...
    let signal: Value =
        serde_json::from_str(&run(cmd(), &["signal", "show", "S-1", "--json"])).unwrap();
    assert_eq!(signal["signal"]["created_by"], "demo", "{signal}");
    // ...and the ledger names both, in the JSON and on screen.
    let json: Value = serde_json::from_str(&run(cmd(), &["history", "S-1", "--json"])).unwrap();
    let entries = json.as_array().unwrap();
    assert!(entries.len() >= 2, "{json}");
    for e in entries {
        assert_eq!(e["user"], "demo", "{e}");
        assert_eq!(e["account"], me.as_str(), "{e}");
    }
    let both = format!("demo (account {me})");
    let history = run(cmd(), &["history", "S-1"]);
    assert!(history.contains(&both), "{history}");
    let show = run(cmd(), &["signal", "show", "S-1"]);
    assert!(show.contains(&both), "{show}");
    // Both are in the file itself, in the audit trail and the timeline.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    for table in ["audit", "signal_event"] {
        let (rows, mine): (i64, i64) = conn
            .query_row(
                &format!(
                    "SELECT count(*), count(*) FILTER (WHERE username = 'demo' AND account = ?1) FROM {table}"
                ),
                [&me],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(rows > 0, "{table} is empty");
        assert_eq!(rows, mine, "{table}: rows without demo and {me}");
    }
}

#[test]
fn mine_works_with_the_account_name() {
    let env = Env::new();
    let me = account();
    run(bare(&env), &["init"]);
    run(bare(&env), &["org", "add", "--name", "Wijkberaad Zeeheld"]);
    run(
        bare(&env),
        &[
            "org",
            "add",
            "--name",
            "Dienst Stadsbeheer",
            "--short",
            "DSB",
            "--kind",
            "service",
        ],
    );
    // An owner is staff: Linda works for a service.
    run(
        bare(&env),
        &[
            "person",
            "add",
            "--name",
            "Linda Jansen",
            "--org",
            "DSB",
            "--username",
            &me,
        ],
    );
    run(
        bare(&env),
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Losse tegels",
        ],
    );
    run(
        bare(&env),
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Van een ander",
        ],
    );
    run(bare(&env), &["signal", "triage", "S-1", "--owner", "Linda"]);
    let mine = run(bare(&env), &["signal", "list", "--mine"]);
    assert_eq!(ids(&mine), ["S-1"], "{mine}");
}

#[test]
fn a_person_export_names_the_account_that_changed_things() {
    let env = Env::new();
    let me = account();
    let cmd = || {
        let mut c = bare(&env);
        c.env("WIJKDESK_USER", "demo");
        c
    };
    run(cmd(), &["init"]);
    run(cmd(), &["person", "add", "--name", "Anna de Vries"]);
    run(cmd(), &["person", "edit", "P-1", "--role", "voorzitter"]);
    let v: Value = serde_json::from_str(&run(cmd(), &["person", "export", "P-1"])).unwrap();
    assert_eq!(v["exported_by"], me.as_str(), "{v}");
    assert_eq!(v["exported_as"], "demo", "{v}");
    let audit = v["audit"].as_array().unwrap();
    assert_eq!(audit.len(), 2, "{v}");
    for a in audit {
        assert_eq!(a["account"], me.as_str(), "{a}");
        assert_eq!(a["username"], "demo", "{a}");
    }
}

//! The database and the command line itself: init, demo, history, backup, check,
//! foreign files, help, completions and the manual page.

mod support;

use clap::CommandFactory;
use support::cli::*;
use wijkdesk::cli::Cli;

#[test]
fn init_prints_the_path_and_counts() {
    let env = Env::new();
    let out = env.ok(&["init"]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some(env.db.to_str().unwrap()));
    assert!(
        out.contains("organisations  0") && out.contains("meetings       0"),
        "{out}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&env.db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by its owner only");
    }
    // Again: nothing to migrate, same answer.
    env.ok(&["org", "add", "--name", "Wijkberaad Zeeheld"]);
    let v = env.json(&["init", "--json"]);
    assert_eq!(v["organisations"], 1);
    assert_eq!(v["path"], env.db.to_str().unwrap());
}

#[test]
fn the_database_comes_from_wijkdesk_db_when_no_flag_is_given() {
    let env = Env::new();
    let other = env.dir().join("from-env.db");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"))
        .env("WIJKDESK_DB", &other)
        .env("WIJKDESK_USER", "tester")
        .env("WIJKDESK_TODAY", TODAY)
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().next(),
        Some(other.to_str().unwrap())
    );
    assert!(other.exists());
}

#[test]
fn a_file_that_is_not_a_wijkdesk_database_is_refused_and_left_alone() {
    let env = Env::new();
    let bytes = b"Dit is geen database, maar een boodschappenlijst.\n".repeat(200);
    std::fs::write(&env.db, &bytes).unwrap();
    for args in [
        &["init"][..],
        &["signal", "list"],
        &["org", "add", "--name", "Wijkberaad Zeeheld"],
        &["demo"],
        &["check"],
        &["history", "O-1"],
    ] {
        let e = env.fails(args, 1);
        assert!(e.contains("not a wijkdesk database"), "{args:?}: {e}");
        assert_eq!(
            std::fs::read(&env.db).unwrap(),
            bytes,
            "{args:?} touched the file"
        );
    }
}

#[test]
fn a_damaged_file_is_said_in_words_and_check_lists_what_it_finds() {
    // Cut short, as a copy that stopped half-way: SQLite cannot even read the schema.
    let env = with_signal();
    let len = std::fs::metadata(&env.db).unwrap().len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&env.db)
        .unwrap();
    file.set_len(len / 3).unwrap();
    drop(file);
    let bytes = std::fs::read(&env.db).unwrap();
    for args in [
        &["signal", "list"][..],
        &["check"],
        &["org", "add", "--name", "X"],
    ] {
        let e = env.fails(args, 1);
        assert!(
            e.starts_with(&format!("error: {} is damaged (SQLite: ", env.db.display()))
                && e.contains("nothing was changed. Restore it from the last backup"),
            "{args:?}: {e}"
        );
        assert_eq!(
            std::fs::read(&env.db).unwrap(),
            bytes,
            "{args:?} touched the file"
        );
    }

    // Two pages no table owns, as a file grown by a crash can have: the file opens and
    // reads, and `check` lists what SQLite finds, a line each.
    let env = Env::new();
    env.ok(&["demo"]);
    let mut bytes = std::fs::read(&env.db).unwrap();
    let pages = u32::try_from(bytes.len() / PAGE).unwrap();
    bytes.resize(bytes.len() + 2 * PAGE, 0);
    bytes[28..32].copy_from_slice(&(pages + 2).to_be_bytes()); // the page count
    std::fs::write(&env.db, &bytes).unwrap();
    let (code, listed, said) = check(&env);
    assert_eq!(code, Some(1), "{listed}");
    assert_eq!(
        listed,
        format!(
            "integrity: Page {}: never used\nintegrity: Page {}: never used\n",
            pages + 1,
            pages + 2
        )
    );
    assert!(said.contains("2 problems found"), "{said}");
    env.ok(&["signal", "list", "--all"]);

    // One leaf page of the signals no longer a page SQLite knows: a command that reads
    // it says the file is damaged, and `check` names the table (SQLite gives up on
    // the whole file where its scan meets the page).
    let env = Env::new();
    env.ok(&["demo"]);
    let page: i64 = rusqlite::Connection::open(&env.db)
        .unwrap()
        .query_row(
            "SELECT pageno FROM dbstat WHERE name = 'signal' AND pagetype = 'leaf'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut bytes = std::fs::read(&env.db).unwrap();
    bytes[usize::try_from(page - 1).unwrap() * PAGE] = 0; // the page's kind: no kind SQLite has
    std::fs::write(&env.db, &bytes).unwrap();
    let (code, listed, _) = check(&env);
    assert_eq!(code, Some(1), "{listed}");
    assert!(
        listed
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("integrity: table signal: SQLite cannot read it")),
        "{listed}"
    );
    assert!(
        !listed.contains('\u{240a}') && !listed.contains("*** in database"),
        "{listed}"
    );
    let e = env.fails(&["signal", "list", "--all"], 1);
    assert!(
        e.starts_with("error: the database file is damaged (SQLite: ")
            && e.contains("Run `wijkdesk check` and restore the last backup"),
        "{e}"
    );
}

/// The demo's page size.
const PAGE: usize = 4096;

/// `wijkdesk check`: its exit code, what it lists and what it says.
fn check(env: &Env) -> (Option<i32>, String, String) {
    let out = env.cmd().arg("check").output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_sqlite_file_of_another_application_is_refused() {
    let env = Env::new();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        conn.execute_batch(
            "CREATE TABLE boodschappen (wat TEXT); INSERT INTO boodschappen VALUES ('kaas');",
        )
        .unwrap();
    }
    let before = dump(&env.db);
    let e = env.fails(&["signal", "list"], 1);
    assert!(e.contains("another application"), "{e}");
    assert_eq!(dump(&env.db), before);
}

#[test]
fn demo_fills_an_empty_database_and_refuses_a_used_one() {
    let env = Env::init();
    let out = env.ok(&["demo"]);
    assert!(out.starts_with("demo data added to "), "{out}");
    assert!(
        out.contains("organisations") && out.contains("signals"),
        "{out}"
    );

    let used = Env::init();
    used.ok(&["org", "add", "--name", "CLI-testorganisatie"]);
    let e = used.refused(&["demo"], 1);
    assert!(
        e.contains("already holds 1 organisation") && e.contains("--force"),
        "{e}"
    );
    used.refused(&["demo", "--scale", "abc"], 2);
}

#[test]
fn history_shows_each_change_field_by_field() {
    let env = Env::init();
    env.ok(&[
        "org",
        "add",
        "--name",
        "Wijkberaad Zeeheld",
        "--district",
        "Centrum",
    ]);
    env.ok(&["org", "edit", "O-1", "--district", "Escamp"]);
    let out = env.ok(&["history", "O-1"]);
    assert!(out.starts_with("O-1: 2 changes\n"), "{out}");
    // WIJKDESK_USER=tester: the account that ran the command is named beside it.
    let by_tester = |action: &str| {
        out.lines()
            .position(|l| l.contains(" tester (account ") && l.ends_with(&format!(")  {action}")))
    };
    let create = by_tester("create").expect("the creation");
    let update = by_tester("update").expect("the update");
    assert!(create < update, "{out}");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&out).contains("name — → Wijkberaad Zeeheld"), "{out}");
    assert!(out.contains("  district  Centrum → Escamp\n"), "{out}");
    // Empty fields of a new record are left out.
    assert!(!out.contains("notes"), "{out}");
    let ascii = env.ok(&["--ascii", "history", "O-1"]);
    assert!(
        ascii.contains("district  Centrum -> Escamp")
            && words(&ascii).contains("name - -> Wijkberaad"),
        "{ascii}"
    );

    let v = env.json(&["history", "O-1", "--json"]);
    assert_eq!(v[1]["action"], "update");
    assert_eq!(
        v[1]["changes"]["district"],
        serde_json::json!(["Centrum", "Escamp"])
    );

    env.refused(&["history", "O-9"], 1);
    let e = env.refused(&["history", "zeeheld"], 1);
    assert!(e.contains("not a valid record ID"), "{e}");
}

#[test]
fn backup_writes_a_new_file_and_check_finds_no_problems() {
    let env = seeded();
    let copy = env.dir().join("copy.db");
    let out = env.ok(&["backup", copy.to_str().unwrap()]);
    assert!(out.contains("backed up to"), "{out}");
    let listed = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"))
        .env("WIJKDESK_USER", "tester")
        .arg("--db")
        .arg(&copy)
        .args(["org", "list"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(listed.stdout)
            .unwrap()
            .contains("Wijkberaad Zeeheld"),
        "the copy is a wijkdesk database"
    );
    let e = env.refused(&["backup", copy.to_str().unwrap()], 1);
    assert!(e.contains("exists already"), "{e}");
    env.refused(&["backup"], 2);

    let out = env.ok(&["check"]);
    assert!(out.contains("no problems found"), "{out}");
}

#[test]
fn completions_for_every_shell_mention_the_commands() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.ok(&["completions", shell]);
        assert!(out.len() > 1000, "{shell}: {out}");
        for cmd in ["signal", "commitment", "minutes", "triage"] {
            assert!(out.contains(cmd), "{shell} completions lack {cmd}");
        }
    }
    env.fails(&["completions", "tcsh"], 2);
    assert!(!env.db.exists(), "completions need no database");
}

#[test]
fn man_pages_are_generated() {
    let env = Env::new();
    let out = env.ok(&["man"]);
    assert!(out.contains(".TH wijkdesk 1"), "{out}");
    for cmd in ["signal", "commitment", "meeting", "minutes", "completions"] {
        assert!(out.contains(cmd), "the man page lacks {cmd}");
    }
    let out = env.ok(&["man", "signal"]);
    assert!(
        out.contains(".TH wijkdesk-signal 1")
            && out.contains("triage")
            && out.contains(".SH EXAMPLES"),
        "{out}"
    );
    let e = env.fails(&["man", "nope"], 1);
    assert!(e.contains("no command \"nope\""), "{e}");
    assert!(!env.db.exists(), "man needs no database");
}

/// Every command has a one-line about and an example, from the same definitions as
/// completions and the man page.
#[test]
fn every_command_has_an_about_and_an_example() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("{path} {}", sub.get_name());
            if sub.get_about().is_none() {
                missing.push(format!("{name}: no about"));
            }
            let after = sub
                .get_after_help()
                .map(|s| s.to_string())
                .unwrap_or_default();
            if !after.starts_with("Examples:\n  wijkdesk") {
                missing.push(format!("{name}: no example"));
            }
            walk(sub, &name, missing);
        }
    }
    let mut missing = Vec::new();
    walk(&Cli::command(), "wijkdesk", &mut missing);
    assert!(missing.is_empty(), "{missing:#?}");
    Cli::command().debug_assert();

    let env = Env::new();
    let help = env.ok(&["signal", "triage", "--help"]);
    assert!(
        help.contains("Examples:\n  wijkdesk signal triage S-42"),
        "{help}"
    );
    let help = env.ok(&["--help"]);
    assert!(
        help.contains("Commands:")
            && help.contains("Global options:")
            && help.contains("Examples:"),
        "{help}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::init();
    env.refused(&["signaal", "list"], 2);
    env.refused(&["--lang", "fr", "signal", "list"], 2);
    env.refused(&["signal"], 2);
    env.refused(&["signal", "list", "--limit", "-1"], 2);
}

//! Refusals on the command line are said in the user's language: Dutch with
//! `--lang nl` or a Dutch locale (LC_ALL, LC_MESSAGES, LANG), English otherwise, with
//! the same English words as always.

mod support;

use support::cli::*;

/// Run, expect exit 1 with one line on stderr and the database unchanged; the line.
fn refused_with(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> String {
    let before = env.dump();
    let mut cmd = env.cmd();
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().expect("run wijkdesk");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(env.dump(), before, "{args:?} changed the database");
    stderr.trim_end().to_string()
}

#[test]
fn a_refused_step_is_english_by_default_and_dutch_with_lang_nl() {
    let env = with_signal();
    assert_eq!(
        refused_with(&env, &[], &["signal", "close", "S-1"]),
        "error: cannot close a signal that is new: record final feedback first: a signal is \
         closed only after the organisation has its answer"
    );
    assert_eq!(
        refused_with(&env, &[], &["--lang", "nl", "signal", "close", "S-1"]),
        "fout: een signaal dat nieuw is kun je niet sluiten: leg eerst de definitieve \
         terugkoppeling vast: een signaal sluit pas als de organisatie haar antwoord heeft"
    );
}

#[test]
fn a_dutch_locale_makes_refusals_dutch_unless_lang_says_otherwise() {
    let env = with_signal();
    let nl = [("LANG", "nl_NL.UTF-8")];
    let e = refused_with(&env, &nl, &["signal", "start", "S-1"]);
    assert!(
        e.starts_with("fout: een signaal dat nieuw is kun je niet in behandeling nemen"),
        "{e}"
    );
    let e = refused_with(
        &env,
        &[("LC_ALL", "nl_BE.UTF-8"), ("LANG", "en_GB.UTF-8")],
        &["signal", "start", "S-1"],
    );
    assert!(e.contains("beoordeel het eerst"), "{e}");
    let e = refused_with(&env, &nl, &["--lang", "en", "signal", "start", "S-1"]);
    assert_eq!(
        e,
        "error: cannot start a signal that is new: triage it first (owner, theme, feedback due date)"
    );
}

#[test]
fn store_problems_are_said_in_dutch_too() {
    let env = with_signal();
    let e = refused_with(
        &env,
        &[],
        &[
            "--lang", "nl", "signal", "add", "--org", "Nergens", "--title", "X",
        ],
    );
    assert_eq!(
        e,
        "fout: geen organisatie gevonden voor \"Nergens\" (geef O-7 of een deel van de naam)"
    );
    let e = refused_with(
        &env,
        &[],
        &["signal", "add", "--org", "Nergens", "--title", "X"],
    );
    assert_eq!(
        e,
        "error: no organisation matches \"Nergens\" (give O-7 or part of its name)"
    );
    // A record that is not there.
    let e = refused_with(&env, &[], &["--lang", "nl", "signal", "show", "S-99"]);
    assert_eq!(e, "fout: S-99 bestaat niet");
    // A theme that is not on its list, with how to add it.
    let e = refused_with(
        &env,
        &[],
        &[
            "--lang", "nl", "signal", "add", "--org", "Zeeheld", "--title", "X", "--theme",
            "verkeerr",
        ],
    );
    assert!(
        e.starts_with(
            "fout: 'verkeerr' is geen bekend thema (bedoel je 'verkeer'?); er is niets gewijzigd."
        ),
        "{e}"
    );
}

/// A refused date is said in the language asked, with what was read of it, and the
/// database stays as it was.
#[test]
fn a_refused_date_is_said_in_dutch_with_lang_nl_and_in_english_otherwise() {
    let env = with_signal();
    let triage = |lang: &[&'static str]| -> Vec<&'static str> {
        let mut args = lang.to_vec();
        args.extend([
            "signal", "triage", "S-1", "--owner", "P-1", "--due", "31 feb",
        ]);
        args
    };
    let nl = refused_with(&env, &[], &triage(&["--lang", "nl"]));
    assert!(
        nl.starts_with(
            "fout: geen datum: \"31 feb\": gelezen als dag 31 van maand 2, maar die dag bestaat niet; bijv. "
        ),
        "{nl}"
    );
    for english in ["not a date", "read as", "which", "does not exist", "e.g."] {
        assert!(
            !nl.contains(english),
            "English \"{english}\" in Dutch: {nl}"
        );
    }
    let en = refused_with(&env, &[], &triage(&[]));
    assert!(
        en.starts_with(
            "error: not a date: \"31 feb\": read as day 31 of month 2, which does not exist; e.g. "
        ),
        "{en}"
    );
    // A date that is not read at all, and one in the past, in Dutch too.
    let nl = refused_with(
        &env,
        &[("LANG", "nl_NL.UTF-8")],
        &["signal", "triage", "S-1", "--owner", "P-1", "--due", "soon"],
    );
    assert!(
        nl.starts_with("fout: geen datum: \"soon\" (bijv. 15 dec"),
        "{nl}"
    );
    let nl = refused_with(
        &env,
        &[],
        &[
            "--lang", "nl", "signal", "triage", "S-1", "--owner", "P-1", "--due", "1-1-2020",
        ],
    );
    assert_eq!(
        nl,
        "fout: de terugkoppeldatum 2020-01-01 ligt in het verleden"
    );
}

#[test]
fn a_record_id_that_is_not_one_is_said_in_dutch_too() {
    let env = with_signal();
    let nl = refused_with(&env, &[], &["--lang", "nl", "signal", "show", "C-3"]);
    assert_eq!(
        nl,
        "fout: geen geldige ID voor een signaal: \"C-3\" (verwacht bijv. S-42 of 42)"
    );
    let en = refused_with(&env, &[], &["signal", "show", "C-3"]);
    assert_eq!(
        en,
        "error: not a valid signal ID: \"C-3\" (expected e.g. S-42 or 42)"
    );
}

/// A file that is not a wijkdesk database is refused, untouched, in the user's
/// language: a plain text file and an SQLite file of another application.
#[test]
fn a_file_that_is_not_a_wijkdesk_database_is_refused_in_the_users_language() {
    let text = Env::new();
    let bytes = b"Boodschappen: brood, kaas, appels.\n".repeat(100);
    std::fs::write(&text.db, &bytes).unwrap();
    let path = text.db.display().to_string();
    assert_eq!(
        text.fails(&["signal", "list"], 1).trim_end(),
        format!("error: {path} is not a wijkdesk database (not an SQLite file)")
    );
    assert_eq!(
        text.fails(&["--lang", "nl", "signal", "list"], 1)
            .trim_end(),
        format!("fout: {path} is geen wijkdesk-database (geen SQLite-bestand)")
    );
    assert_eq!(
        std::fs::read(&text.db).unwrap(),
        bytes,
        "the file was touched"
    );

    let other = Env::new();
    {
        let conn = rusqlite::Connection::open(&other.db).unwrap();
        conn.execute_batch(
            "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');",
        )
        .unwrap();
    }
    let before = std::fs::read(&other.db).unwrap();
    let path = other.db.display().to_string();
    let en = other.fails(&["org", "list"], 1);
    assert_eq!(
        en.trim_end(),
        format!(
            "error: {path} is not a wijkdesk database (it is an SQLite file of another \
             application); refusing to touch it"
        )
    );
    let mut nl = other.cmd();
    nl.env("LANG", "nl_NL.UTF-8").args(["org", "list"]);
    let out = nl.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!(
            "fout: {path} is geen wijkdesk-database (het is een SQLite-bestand van een ander \
             programma); het blijft onaangeroerd"
        )
    );
    assert_eq!(
        std::fs::read(&other.db).unwrap(),
        before,
        "the file was touched"
    );
}

/// The command line's own refusals (an edit that names no field, a flag out of its
/// range, a database that is not there) are Dutch too, with the English as it was.
#[test]
fn the_command_lines_own_refusals_are_said_in_dutch_too() {
    let env = with_signal();
    let edit = ["signal", "edit", "S-1"];
    assert_eq!(
        refused_with(&env, &[], &edit),
        "error: nothing to change: give at least one of --title, --text, --org, --district, \
         --neighbourhood or --theme (see `wijkdesk signal show S-1`)"
    );
    assert_eq!(
        refused_with(&env, &[], &[&["--lang", "nl"][..], &edit].concat()),
        "fout: niets te wijzigen: geef ten minste een van --title, --text, --org, --district, \
         --neighbourhood of --theme (zie `wijkdesk signal show S-1`)"
    );

    let days = ["digest", "--days", "400"];
    assert_eq!(
        refused_with(&env, &[], &days),
        "error: --days 400 is out of range (0 to 366)"
    );
    assert_eq!(
        refused_with(&env, &[("LANG", "nl_NL.UTF-8")], &days),
        "fout: --days 400 valt buiten het bereik (0 tot en met 366)"
    );

    let small = ["snapshot", "inbox", "--width", "10", "--height", "4"];
    assert_eq!(
        refused_with(&env, &[], &small),
        "error: a snapshot needs at least 20 columns and 6 rows, not 10x4"
    );
    assert_eq!(
        refused_with(&env, &[], &[&["--lang", "nl"][..], &small].concat()),
        "fout: een momentopname vraagt minstens 20 kolommen en 6 regels, niet 10x4"
    );

    let nowhere = Env::new();
    let path = nowhere.db.display().to_string();
    assert_eq!(
        nowhere.fails(&["org", "list"], 1).trim_end(),
        format!("error: no database at {path}; `wijkdesk init` creates one")
    );
    assert_eq!(
        nowhere
            .fails(&["--lang", "nl", "org", "list"], 1)
            .trim_end(),
        format!("fout: geen database op {path}; `wijkdesk init` maakt er een")
    );
    assert!(!nowhere.db.exists(), "a database was made");
}

/// Opened without a terminal (output to a pipe), the screens say so in the user's
/// language, and neither the database nor its folder is made.
#[test]
fn the_screens_without_a_terminal_say_so_in_the_users_language_and_make_nothing() {
    let env = Env::new();
    let nested = env.dir().join("not-yet").join("team.db");
    for (vars, want) in [
        (
            &[][..],
            "error: the screens need a terminal; for scripts use the commands (wijkdesk --help)",
        ),
        (
            &[("LANG", "nl_NL.UTF-8")][..],
            "fout: de schermen hebben een terminal nodig; gebruik voor scripts de opdrachten \
             (wijkdesk --help)",
        ),
    ] {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"));
        cmd.env_remove("WIJKDESK_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .envs(vars.iter().copied());
        let out = cmd.arg("--db").arg(&nested).output().expect("run wijkdesk");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), want);
        assert!(out.stdout.is_empty());
        assert!(!env.db.exists() && !nested.parent().unwrap().exists());
    }
}

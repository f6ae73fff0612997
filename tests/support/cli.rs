//! Shared helpers for the command-line tests: a temporary database, a `wijkdesk`
//! command with a fixed user and day, and a dump to prove a database unchanged.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The day every test runs on.
pub const TODAY: &str = "2026-01-15";

pub struct Env {
    _dir: TempDir,
    pub db: PathBuf,
}

impl Env {
    /// A fresh directory with a database path in it (the file is made by the first command).
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.db");
        Env { _dir: dir, db }
    }

    /// A fresh, initialised database with the kept lists a team starts from: the
    /// districts of Den Haag with a few neighbourhoods, and the demo's themes.
    pub fn init() -> Env {
        let env = Env::new();
        env.ok(&["init"]);
        let places = env.dir().join("places.csv");
        std::fs::write(
            &places,
            "district,neighbourhood\nCentrum,Zeeheldenkwartier\nCentrum,Schilderswijk\nEscamp\n\
             Haagse Hout\nLaak\nLeidschenveen-Ypenburg\nLoosduinen\nScheveningen\nSegbroek,Duinoord\n",
        )
        .expect("write places.csv");
        env.ok(&["district", "import", places.to_str().expect("utf-8 path")]);
        let themes = env.dir().join("themes.csv");
        std::fs::write(
            &themes,
            "theme\nverkeer\ngroen\nveiligheid\neenzaamheid\ncommunicatie\nparticipatie\nafval\n\
             wonen\njeugd\nparkeren\nopenbare-ruimte\ninformatievoorziening\n",
        )
        .expect("write themes.csv");
        env.ok(&["theme", "import", themes.to_str().expect("utf-8 path")]);
        env
    }

    pub fn dir(&self) -> &Path {
        self._dir.path()
    }

    /// `wijkdesk --db <db>` with user `tester` on 2026-01-15, nothing from the caller's environment.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_wijkdesk"));
        c.env_remove("WIJKDESK_DB")
            .env_remove("COLUMNS")
            // TERM=dumb (as some CI runners set it) turns every mark into ASCII.
            .env_remove("TERM")
            // A Dutch locale would make refusals Dutch (see tests/cli_words.rs).
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("WIJKDESK_USER", "tester")
            .env("WIJKDESK_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db);
        c
    }

    /// Run and expect success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run wijkdesk");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "wijkdesk {args:?} failed ({:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
            out.status
        );
        stdout
    }

    /// Run on another day than [`TODAY`] and expect success; returns stdout.
    pub fn ok_on(&self, today: &str, args: &[&str]) -> String {
        let out = self
            .cmd()
            .env("WIJKDESK_TODAY", today)
            .args(args)
            .output()
            .expect("run wijkdesk");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "wijkdesk {args:?} on {today} failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }

    /// Run and expect success; returns the first line of stdout (a new record's ID).
    pub fn id(&self, args: &[&str]) -> String {
        let out = self.ok(args);
        let first = out.lines().next().unwrap_or_default().trim().to_string();
        assert!(!first.is_empty(), "wijkdesk {args:?} printed no ID");
        first
    }

    /// Run and expect success; returns stdout parsed as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("wijkdesk {args:?}: not JSON ({e}):\n{out}"))
    }

    /// Run and expect failure with `code`; for code 1, exactly one line on stderr
    /// starting with `error: `. Returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("run wijkdesk");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "wijkdesk {args:?}: expected exit {code}\nstdout:\n{}\nstderr:\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        if code == 1 {
            assert_eq!(
                stderr.lines().count(),
                1,
                "wijkdesk {args:?}: expected one line on stderr, got:\n{stderr}"
            );
            // `fout: ` where the user asked for Dutch.
            assert!(
                stderr.starts_with("error: ") || stderr.starts_with("fout: "),
                "wijkdesk {args:?}: stderr does not start with `error: `:\n{stderr}"
            );
        } else {
            assert!(
                stderr.contains("error") || stderr.contains("Usage"),
                "wijkdesk {args:?}: no error or usage on stderr:\n{stderr}"
            );
        }
        stderr
    }

    /// Run `args`, expect failure with `code`, and check the database did not change.
    /// Returns stderr.
    pub fn refused(&self, args: &[&str], code: i32) -> String {
        let before = self.dump();
        let stderr = self.fails(args, code);
        let after = self.dump();
        assert_eq!(
            before, after,
            "wijkdesk {args:?} failed but changed the database"
        );
        stderr
    }

    /// Every row of every table, in a stable order: equal dumps mean an unchanged database.
    pub fn dump(&self) -> String {
        dump(&self.db)
    }
}

/// A database with two residents' organisations, a service and two people:
/// O-1 Wijkberaad Zeeheld (Centrum), O-2 Bewonersorganisatie Duinoord (Segbroek),
/// O-3 Dienst Stedelijke Ontwikkeling (DSO); P-1 Bas Jansen of DSO (username tester,
/// Centrum, verkeer), P-2 Anna de Vries, voorzitter of Duinoord.
pub fn seeded() -> Env {
    let env = Env::init();
    assert_eq!(
        env.id(&[
            "org",
            "add",
            "--name",
            "Wijkberaad Zeeheld",
            "--district",
            "Centrum",
            "--neighbourhood",
            "Zeeheldenkwartier"
        ]),
        "O-1"
    );
    assert_eq!(
        env.id(&[
            "org",
            "add",
            "--name",
            "Bewonersorganisatie Duinoord",
            "--district",
            "Segbroek"
        ]),
        "O-2"
    );
    assert_eq!(env.id(ADD_DSO), "O-3");
    assert_eq!(
        env.id(&[
            "person",
            "add",
            "--name",
            "Bas Jansen",
            "--org",
            "DSO",
            "--role",
            "gebiedsregisseur",
            "--username",
            "tester",
            "--district",
            "Centrum",
            "--theme",
            "verkeer",
        ]),
        "P-1"
    );
    assert_eq!(
        env.id(&[
            "person",
            "add",
            "--name",
            "Anna de Vries",
            "--org",
            "Duinoord",
            "--role",
            "voorzitter",
            "--email",
            "anna@example.org"
        ]),
        "P-2"
    );
    env
}

/// The arguments that add the service Dienst Stedelijke Ontwikkeling (DSO).
pub const ADD_DSO: &[&str] = &[
    "org",
    "add",
    "--name",
    "Dienst Stedelijke Ontwikkeling",
    "--short",
    "DSO",
    "--kind",
    "service",
    "--cadence",
    "0",
];

impl Env {
    /// Adds the signal "Losse stoeptegels" from Wijkberaad Zeeheld (S-1 on a
    /// [`seeded`] database), with `more` arguments after the title.
    pub fn add_signal(&self, more: &[&str]) -> String {
        let mut args = vec![
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Losse stoeptegels",
        ];
        args.extend_from_slice(more);
        self.ok(&args)
    }
}

/// [`seeded`] with one signal, S-1 "Losse stoeptegels" from Wijkberaad Zeeheld.
pub fn with_signal() -> Env {
    let env = seeded();
    env.add_signal(&[]);
    env
}

pub fn dump(path: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the database read-only");
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        out.push_str(&format!("# {t}\n"));
        let n = conn
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        let mut st = conn
            .prepare(&format!(
                "SELECT * FROM \"{t}\" ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
        let mut rows = st.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}

/// Lines of a table on stdout that start with an ID (skipping the header).
pub fn ids(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The standard output of a finished command, after checking that it succeeded (its
/// standard error in the message when it did not).
pub fn succeeded(out: &std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

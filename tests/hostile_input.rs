//! Hostile input, row by row from tests/data/hostile.tsv: each is refused with a clear
//! message and changes nothing, neither the database nor the folder it is in.

mod support;

use std::ffi::OsString;
use std::path::Path;
use support::cli::{Env, dump};

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // SQLite's own side files come and go with every open.
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm") && !n.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

fn prepare(dir: &Path) {
    std::fs::write(
        dir.join("unterminated.csv"),
        "name,district\nEerste,Centrum\n\"Tweede,Centrum\nDerde,Centrum\nVierde,Centrum\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("short.csv"),
        "name,district,kind\nEerste,Centrum,residents\nTweede\n",
    )
    .unwrap();
    // Sparse: takes no room on the disk.
    let big = std::fs::File::create(dir.join("big.csv")).unwrap();
    big.set_len(51 * 1024 * 1024).unwrap();
}

fn arg(word: &str, dir: &Path) -> OsString {
    if word == "{badutf8}" {
        use std::os::unix::ffi::OsStringExt;
        return OsString::from_vec(vec![b'a', 0xff, 0xfe, b'b']);
    }
    let d = dir.to_str().unwrap();
    word.replace("{dir}", d)
        .replace("{unterminated}", &format!("{d}/unterminated.csv"))
        .replace("{short}", &format!("{d}/short.csv"))
        .replace("{big}", &format!("{d}/big.csv"))
        .replace("{zwsp}", "\u{200b}")
        .replace("{rlm}", "\u{200f}")
        .replace("{acute}", "\u{0301}")
        .replace("{vs16}", "\u{fe0f}")
        .into()
}

#[test]
fn every_hostile_row_is_refused_and_changes_nothing() {
    let table = include_str!("data/hostile.tsv");
    let env = Env::new();
    env.ok(&["demo"]);
    prepare(env.dir());
    let mut rows = 0;
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad row in hostile.tsv: {line:?}");
        let (args, code, words) = (cols[0], cols[1].parse::<i32>().unwrap(), cols[2]);
        let args: Vec<OsString> = args.split(' ').map(|w| arg(w, env.dir())).collect();
        // A row with its own --db runs without the test database's.
        let mut cmd = if args.first().is_some_and(|a| a == "--db") {
            let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_wijkdesk"));
            c.env_remove("WIJKDESK_DB")
                .env("WIJKDESK_USER", "tester")
                .env("WIJKDESK_TODAY", support::cli::TODAY)
                .env("NO_COLOR", "1");
            c
        } else {
            env.cmd()
        };
        let before = (dump(&env.db), listing(env.dir()));
        let out = cmd.args(&args).output().unwrap();
        let after = (dump(&env.db), listing(env.dir()));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{line}\nstderr: {stderr}");
        assert!(
            stderr.to_lowercase().contains(&words.to_lowercase()),
            "{line}\nstderr lacks {words:?}: {stderr}"
        );
        if code == 1 {
            assert_eq!(stderr.lines().count(), 1, "{line}\nnot one line: {stderr}");
            assert!(stderr.starts_with("error: "), "{line}\n{stderr}");
        }
        assert!(
            before == after,
            "{line}\nchanged the database or its folder"
        );
        rows += 1;
    }
    assert!(rows >= 20, "only {rows} rows in hostile.tsv");
}

#[test]
fn limit_zero_means_no_rows() {
    let env = Env::new();
    env.ok(&["demo"]);
    for list in ["org", "person", "signal", "commitment", "action", "meeting"] {
        let json = env.json(&[list, "list", "--limit", "0", "--json"]);
        assert_eq!(json, serde_json::json!([]), "{list} list --limit 0");
        let all = env.json(&[list, "list", "--json"]);
        assert!(
            !all.as_array().unwrap().is_empty(),
            "{list}: the demo has none"
        );
    }
    let hits = env.json(&["search", "overleg", "--limit", "0", "--json"]);
    assert_eq!(hits.as_array().map(Vec::len), Some(0), "{hits}");
}

#[test]
fn a_read_only_folder_is_named_as_such() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::init();
    for side in ["-wal", "-shm"] {
        let mut p = env.db.as_os_str().to_owned();
        p.push(side);
        let _ = std::fs::remove_file(p);
    }
    let _ = std::fs::remove_file(env.db.with_extension("db.lock"));
    let dir = env.dir().to_path_buf();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    // A folder that may not be written, with the database in it.
    let (code, stderr) = add_org_as_someone_else(&env);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("read-only for you"), "{stderr}");
    assert!(!stderr.contains("attempt to write"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    // A read-only database file in a folder that may be written.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let (code, stderr) = add_org_as_someone_else(&env);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("read-only for you"), "{stderr}");
    assert!(!stderr.contains("attempt to write"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// `org add` as this user, or as `nobody` when this is root (who may write anywhere).
fn add_org_as_someone_else(env: &Env) -> (Option<i32>, String) {
    // SAFETY: geteuid() has no preconditions.
    let mut cmd = if unsafe { libc::geteuid() } == 0 {
        let mut c = assert_cmd::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_wijkdesk"))
            .arg("--db")
            .arg(&env.db)
            .env("WIJKDESK_USER", "tester")
            .env("HOME", env.dir());
        c
    } else {
        env.cmd()
    };
    let out = cmd.args(["org", "add", "--name", "X"]).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

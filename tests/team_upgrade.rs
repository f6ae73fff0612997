//! The team set-up of docs/operations.md with two real accounts: a database that one
//! member of staff made and opened to the group (`chmod 660`) is upgraded by the
//! other, although the first one's lock file from `init` is still theirs alone.
//!
//! It runs the binary as two other accounts through `setpriv`, so it needs root (as
//! CI has); it fails rather than skips without it.

#![cfg(unix)]

mod support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};
use support::cli::succeeded;

const TEAM_GID: u32 = 4242;
const ANNA: u32 = 50001;
const BAS: u32 = 50002;

fn as_account(uid: u32, home: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new("setpriv")
        .args([
            "--reuid",
            &uid.to_string(),
            "--regid",
            &uid.to_string(),
            "--groups",
            &TEAM_GID.to_string(),
            "--",
            "sh",
            "-c",
            // The umask of the set-up's /etc/profile.d/wijkdesk.sh.
            "umask 007; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_wijkdesk"),
            "--db",
        ])
        .arg(db)
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", "/usr/bin:/bin")
        .env("WIJKDESK_TODAY", "2026-01-15")
        .output()
        .expect("run setpriv")
}

#[test]
fn a_second_member_of_staff_upgrades_the_shared_database() {
    // SAFETY: geteuid() has no preconditions.
    assert_eq!(
        unsafe { libc::geteuid() },
        0,
        "this test runs wijkdesk as two accounts with setpriv and needs root"
    );
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    // sudo install -d -m 2770 -g wijkdesk /srv/wijkdesk
    let team = tmp.path().join("srv");
    std::fs::create_dir(&team).unwrap();
    std::os::unix::fs::chown(&team, None, Some(TEAM_GID)).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = team.join("wijkdesk.db");

    // Anna's database from an older wijkdesk: every migration but the last.
    let mut migrations: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/schema"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    migrations.sort();
    migrations.pop();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .unwrap();
        for m in &migrations {
            conn.execute_batch(&std::fs::read_to_string(m).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", m.display()));
        }
        conn.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {};",
            migrations.len(),
            wijkdesk::store::APPLICATION_ID
        ))
        .unwrap();
    }
    // `init` left her lock file hers alone; then the database was opened to the group.
    let lock = team.join("wijkdesk.db.lock");
    std::fs::write(&lock, b"").unwrap();
    for f in [&db, &lock] {
        std::os::unix::fs::chown(f, Some(ANNA), Some(TEAM_GID)).unwrap();
    }
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o660)).unwrap();

    // The new version reaches Bas first: his first command upgrades the database.
    succeeded(
        &as_account(
            BAS,
            &team,
            &db,
            &[
                "org",
                "add",
                "--name",
                "Buurtcomité Bas",
                "--kind",
                "residents",
            ],
        ),
        "Bas upgrades and adds",
    );
    let listed = succeeded(
        &as_account(ANNA, &team, &db, &["org", "list"]),
        "Anna lists",
    );
    assert!(listed.contains("Buurtcomité Bas"), "{listed}");
    succeeded(
        &as_account(
            ANNA,
            &team,
            &db,
            &[
                "org",
                "add",
                "--name",
                "Buurtcomité Anna",
                "--kind",
                "residents",
            ],
        ),
        "Anna adds",
    );
    let listed = succeeded(&as_account(BAS, &team, &db, &["org", "list"]), "Bas lists");
    assert!(listed.contains("Buurtcomité Anna"), "{listed}");
    // The database stays the group's, readable by nobody else.
    let meta = std::fs::metadata(&db).unwrap();
    assert_eq!(meta.gid(), TEAM_GID);
    assert_eq!(
        meta.permissions().mode() & 0o007,
        0,
        "others may read the database"
    );
}

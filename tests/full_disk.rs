//! A full disk: wijkdesk says so in words, changes nothing, and works again once there
//! is room. The database lives on a small tmpfs of its own, filled to the last byte.
//!
//! Mounting needs root (as CI has); the test fails rather than skips without it.

#![cfg(target_os = "linux")]

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::cli::succeeded;

/// A tmpfs of `size` mounted on a fresh temporary folder, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        // SAFETY: geteuid() has no preconditions.
        assert_eq!(
            unsafe { libc::geteuid() },
            0,
            "this test mounts a small tmpfs to fill it and needs root"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "mount a tmpfs: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Write a file until the disk refuses another byte.
    fn fill(&self) -> PathBuf {
        let path = self.path().join("fill");
        let mut f = std::fs::File::create(&path).expect("create the filler");
        let chunk = vec![0u8; 4096];
        loop {
            match f.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    assert_eq!(e.raw_os_error(), Some(libc::ENOSPC), "{e}");
                    break;
                }
            }
        }
        // The last partial block, byte by byte.
        while f.write(&[0]).is_ok_and(|n| n == 1) {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn wijkdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wijkdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_clear()
        .env("HOME", db.parent().expect("a folder"))
        .env("PATH", "/usr/bin:/bin")
        .env("WIJKDESK_USER", "tester")
        .env("WIJKDESK_TODAY", "2026-01-15")
        .output()
        .expect("run wijkdesk")
}

#[test]
fn a_full_disk_is_said_in_words_and_nothing_is_changed() {
    let disk = SmallDisk::mount("4m");
    let db = disk.path().join("team.db");
    succeeded(&wijkdesk(&db, &["init"]), "init");
    succeeded(
        &wijkdesk(&db, &["org", "add", "--name", "Buurtcomité Laan"]),
        "org add",
    );
    let added = succeeded(
        &wijkdesk(
            &db,
            &[
                "signal",
                "add",
                "--org",
                "O-1",
                "--title",
                "Lantaarnpaal kapot",
            ],
        ),
        "signal add",
    );
    assert_eq!(added.lines().next(), Some("S-1"), "{added}");

    let filler = disk.fill();
    // Reading needs room too: SQLite sets up its shared index (`-shm`) on opening.
    for args in [
        &["signal", "list"][..],
        &["signal", "add", "--org", "O-1", "--title", "Bankje weg"][..],
    ] {
        let out = wijkdesk(&db, args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(
            said.starts_with(&format!(
                "error: the disk that holds {} is full (",
                db.display()
            )) && said.contains("free some space there and try again; nothing was changed"),
            "{args:?}: {said}"
        );
        assert!(!said.contains("disk I/O error"), "{said}");
    }

    std::fs::remove_file(filler).expect("make room");
    let listed = succeeded(&wijkdesk(&db, &["signal", "list", "--json"]), "list after");
    let signals: serde_json::Value = serde_json::from_str(&listed).expect("json");
    let titles: Vec<&str> = signals
        .as_array()
        .expect("an array")
        .iter()
        .map(|s| s["title"].as_str().expect("a title"))
        .collect();
    assert_eq!(
        titles,
        ["Lantaarnpaal kapot"],
        "the refused add left nothing"
    );
    let again = succeeded(
        &wijkdesk(
            &db,
            &["signal", "add", "--org", "O-1", "--title", "Bankje weg"],
        ),
        "signal add with room",
    );
    assert_eq!(again.lines().next(), Some("S-2"), "{again}");
}

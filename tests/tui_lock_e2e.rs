//! Another user's write lock, with the real binary in a real terminal: a helper process
//! (`wijkdesk-test-helper hold-lock`) holds `BEGIN IMMEDIATE` on the database while the
//! test types minutes lines. The screen keeps answering keys, says it waits for another
//! user's change, and stores the lines in order once the lock is free; with the lock
//! held past the wait, the lines are kept on screen and in the draft, and stored on a
//! retry. The helper holds the lock until the test creates a file: nothing depends on
//! timing.

mod support;

use support::e2e::*;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

struct Holder {
    child: Child,
    release: PathBuf,
}

impl Holder {
    /// Start the helper and wait until it holds the lock.
    fn take(db: &Path, home: &Path, name: &str) -> Holder {
        let ready = home.join(format!("{name}.ready"));
        let release = home.join(format!("{name}.release"));
        let child = Command::new(env!("CARGO_BIN_EXE_wijkdesk-test-helper"))
            .arg("hold-lock")
            .arg(db)
            .arg(&ready)
            .arg(&release)
            .spawn()
            .expect("start the lock holder");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !ready.exists() {
            assert!(Instant::now() < deadline, "the helper never took the lock");
            std::thread::sleep(Duration::from_millis(20));
        }
        Holder { child, release }
    }

    fn release(mut self) {
        std::fs::write(&self.release, b"").unwrap();
        let status = self.child.wait().expect("helper");
        assert!(status.success(), "the helper failed");
    }
}

fn command(home: &Path, db: &Path, lock_wait: u32) -> String {
    format!(
        "env LANG=C LC_ALL= WIJKDESK_LOCK_WAIT={lock_wait} WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(db)
    )
}

/// The minutes lines of M-5 as the command line shows them, in order.
fn minutes_of(db: &Path, home: &Path) -> String {
    wijkdesk_ok(db, home, &["meeting", "show", "M-5"])
}

#[test]
fn a_locked_database_never_freezes_the_screen_and_loses_no_line() {
    let tmux = Tmux::new("lock");
    let home = fresh_home("lock");
    let db = home.join("lock.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    tmux.start(120, 40, &command(&home, &db, 120));
    open_minutes(&tmux, "Bezuidenhout");
    tmux.text("Eerste regel voor het slot");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stored line 1.", 10);

    // Another user's write holds the database.
    let holder = Holder::take(&db, &home, "first");
    tmux.text("Tweede regel tijdens het slot");
    // Typing answers at once, and says that the database is held.
    let screen = tmux.wait_for("is holding the database", 10);
    assert!(
        screen.contains("> Tweede regel tijdens het slot"),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Waiting for another user's change", 10);
    assert!(
        screen.contains("[waiting] Tweede regel tijdens het slot"),
        "{screen}"
    );
    // Keys still work: the next line is typed and queued behind the first...
    tmux.text("Derde regel tijdens het slot");
    tmux.wait_for("> Derde regel tijdens het slot", 10);
    tmux.keys(&["Enter"]);
    tmux.wait_for("[waiting] Derde regel tijdens het slot", 10);
    // ...and moving works: Up to the stored lines, e to edit the one selected.
    tmux.keys(&["Up"]);
    tmux.text("e");
    tmux.wait_for("~ Eerste regel voor het slot", 10);
    tmux.keys(&["Escape"]);
    tmux.wait_for("> ", 10);
    // Nothing was stored while the lock was held: the screen claims nothing either.
    assert!(minutes_of(&db, &home).contains("Minutes (1)"));

    holder.release();
    tmux.wait_for("Stored line 3.", 20);
    let screen = tmux.capture();
    assert!(!screen.contains("[waiting]"), "{screen}");
    let show = minutes_of(&db, &home);
    assert!(show.contains("Minutes (3)"), "{show}");
    let (second, third) = (
        show.find("Tweede regel tijdens het slot")
            .expect("second line"),
        show.find("Derde regel tijdens het slot")
            .expect("third line"),
    );
    assert!(
        second < third,
        "the lines are stored in the order typed:\n{show}"
    );

    // Now a lock held past the wait (2 s here): the line is kept, and said so.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Meetings (1)", 10);
    tmux.text("q");
    tmux.wait_exit(10);
    tmux.run(&["respawn-pane", "-k", "-t", "main", &command(&home, &db, 2)]);
    open_minutes(&tmux, "Bezuidenhout");
    tmux.wait_for("Eerste regel voor het slot", 10);
    let holder = Holder::take(&db, &home, "second");
    tmux.text("Vierde regel na te lang wachten");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Waiting for another user's change", 10);
    let screen = tmux.wait_for("Kept, not stored (", 20);
    assert!(
        screen.contains("[NOT STORED] Vierde regel na te lang wachten"),
        "{screen}"
    );
    assert!(
        screen.contains("Enter on an empty line tries again"),
        "{screen}"
    );
    // The kept line is in the draft file too, so a kill now would not lose it.
    let drafts: String = std::fs::read_dir(home.join("drafts"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    assert!(
        drafts.contains("Vierde regel na te lang wachten"),
        "{drafts}"
    );
    assert!(minutes_of(&db, &home).contains("Minutes (3)"));

    holder.release();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Stored line 4.", 20);
    let show = minutes_of(&db, &home);
    assert!(show.contains("Minutes (4)"), "{show}");
    assert!(show.contains("Vierde regel na te lang wachten"), "{show}");

    // Stopped (SIGTERM) while a line waits: it is kept as a draft, comes back at the
    // next start and is stored then, once.
    let holder = Holder::take(&db, &home, "third");
    tmux.text("Vijfde regel bij het afsluiten");
    tmux.keys(&["Enter"]);
    tmux.wait_for("[waiting] Vijfde regel bij het afsluiten", 10);
    let pid = tmux.pane_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_exit(10);
    holder.release();
    assert!(minutes_of(&db, &home).contains("Minutes (4)"));
    tmux.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "main",
        &command(&home, &db, 120),
    ]);
    tmux.wait_for("Stored line 5.", 20);
    let show = minutes_of(&db, &home);
    assert!(show.contains("Minutes (5)"), "{show}");
    assert_eq!(
        show.matches("Vijfde regel bij het afsluiten").count(),
        1,
        "{show}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("Meetings (", 10);
    tmux.text("q");
    tmux.wait_exit(10);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn the_command_line_says_it_waits_and_gives_up_with_nothing_changed() {
    let home = fresh_home("lockcli");
    let db = home.join("cli.db");
    wijkdesk_ok(&db, &home, &["init"]);

    // Held past the wait: a clear message, nothing stored, and the command repeats.
    let holder = Holder::take(&db, &home, "cli");
    let out = Command::new(bin())
        .args(["org", "add", "--name", "Vereniging tijdens het slot"])
        .env("WIJKDESK_DB", &db)
        .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
        .env("WIJKDESK_LOCK_WAIT", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("waiting for another user's change to finish; giving up after 1 s"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(err.contains("WIJKDESK_LOCK_WAIT"), "{err}");
    holder.release();
    let list = wijkdesk_ok(&db, &home, &["org", "list"]);
    assert!(!list.contains("Vereniging tijdens het slot"), "{list}");

    // Held for a moment only: the command waits, says so, and succeeds.
    let holder = Holder::take(&db, &home, "cli2");
    let child = Command::new(bin())
        .args(["org", "add", "--name", "Vereniging na het slot"])
        .env("WIJKDESK_DB", &db)
        .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Release once the command has said that it waits (read from its stderr).
    let mut child = child;
    let mut stderr = child.stderr.take().unwrap();
    let mut said = Vec::new();
    {
        use std::io::Read;
        let mut byte = [0u8; 1];
        while !String::from_utf8_lossy(&said).contains('\n') {
            if stderr.read(&mut byte).unwrap() == 0 {
                break;
            }
            said.push(byte[0]);
        }
    }
    let said = String::from_utf8_lossy(&said).into_owned();
    assert!(said.contains("waiting for another user's change"), "{said}");
    holder.release();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{said}");
    let list = wijkdesk_ok(&db, &home, &["org", "list"]);
    assert!(list.contains("Vereniging na het slot"), "{list}");
    let _ = std::fs::remove_dir_all(&home);
}

/// The command line's waiting notice and its giving up are said in the user's
/// language, and so is who holds the database when a long writer left its record; a
/// record in the older form (an English line only) is shown as it was written.
#[test]
fn the_command_line_says_who_holds_the_database_in_the_users_language() {
    let home = fresh_home("lockwords");
    let db = home.join("words.db");
    wijkdesk_ok(&db, &home, &["init"]);
    let holder = Holder::take(&db, &home, "words");
    let mut record = db.as_os_str().to_owned();
    record.push(".writer");
    // What a long writer leaves: its process id (the helper's, which holds the lock),
    // the English line older versions read, and the holder as data.
    std::fs::write(
        &record,
        format!(
            "{}\njan: import of 40 rows, since 21:03\n{}\n",
            holder.child.id(),
            r#"{"Writer":{"who":"jan","activity":{"Import":{"rows":40}},"since":"21:03:00"}}"#
        ),
    )
    .unwrap();
    let add = |lang: &[&str]| {
        let out = Command::new(bin())
            .args(lang)
            .args(["org", "add", "--name", "Vereniging tijdens het slot"])
            .env("WIJKDESK_DB", &db)
            .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
            .env("WIJKDESK_LOCK_WAIT", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .output()
            .unwrap();
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let nl = add(&["--lang", "nl"]);
    assert!(
        nl.contains(
            "wacht tot de wijziging van een andere gebruiker (jan: inlezen van 40 rijen, \
             sinds 21:03) klaar is; geeft het na 1 s op"
        ),
        "{nl}"
    );
    assert!(nl.contains("er is niets gewijzigd"), "{nl}");
    let en = add(&[]);
    assert!(
        en.contains(
            "waiting for another user's change (jan: import of 40 rows, since 21:03) to \
             finish; giving up after 1 s"
        ),
        "{en}"
    );
    assert!(en.contains("nothing was changed"), "{en}");

    // An older wijkdesk's record: its line, as written, in either language.
    std::fs::write(
        &record,
        format!(
            "{}\npiet: import of organisations, since 20:15\n",
            holder.child.id()
        ),
    )
    .unwrap();
    let nl = add(&["--lang", "nl"]);
    assert!(
        nl.contains(
            "de wijziging van een andere gebruiker (piet: import of organisations, since \
             20:15) hield de database"
        ),
        "{nl}"
    );
    let _ = std::fs::remove_file(&record);
    holder.release();
    let list = wijkdesk_ok(&db, &home, &["org", "list"]);
    assert!(!list.contains("Vereniging tijdens het slot"), "{list}");
    let _ = std::fs::remove_dir_all(&home);
}

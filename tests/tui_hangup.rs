//! A dropped connection (SIGHUP) ends the screens at once and gives the terminal back
//! to the shell: out of the alternate screen, cooked mode, the exit status 129. Also
//! while the screens are stuck waiting for another program's write lock.
//! tmux runs a shell; the test types the command into it.

mod support;

use support::e2e::*;

use std::path::Path;
use std::time::{Duration, Instant};

/// The child of `parent` whose command name is `name`, from /proc.
fn child_named(parent: &str, name: &str) -> Option<String> {
    for entry in std::fs::read_dir("/proc").ok()? {
        let entry = entry.ok()?;
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid ...
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let comm = &stat[stat.find('(').unwrap_or(0) + 1..close];
        let ppid = stat[close + 1..].split_whitespace().nth(1);
        if comm == name && ppid == Some(parent) {
            return Some(entry.file_name().to_string_lossy().into_owned());
        }
    }
    None
}

fn wait_until(what: &str, secs: u64, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !done() {
        assert!(Instant::now() < deadline, "waited {secs} s for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Start the screens from a shell in tmux; returns the screens' process id.
fn start_in_shell(tmux: &Tmux, home: &Path, db: &Path) -> String {
    tmux.start(100, 30, "env PS1='shell$ ' bash --norc --noprofile");
    tmux.wait_for("shell$", 10);
    tmux.text(&format!(
        "env LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e -echo -e echo",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(db)
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Inbox:", 20);
    let shell = tmux.pane_pid();
    let mut pid = None;
    wait_until("the screens' process", 10, || {
        pid = child_named(&shell, "wijkdesk");
        pid.is_some()
    });
    pid.unwrap()
}

/// The hang-up: the process is gone and the shell has its terminal back.
fn hang_up_and_check(tmux: &Tmux, pid: &str) {
    let killed = std::process::Command::new("kill")
        .args(["-HUP", pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    // Generous: only a screen stuck for the whole lock wait (20 s and more) fails.
    wait_until("the screens to exit", 10, || {
        !Path::new(&format!("/proc/{pid}")).exists()
    });
    tmux.wait_for("exit=129", 10);
    // Cooked mode with echo, as the shell had it before (stty's words after the status).
    let mut screen = String::new();
    wait_until("stty's answer", 10, || {
        screen = tmux.capture();
        screen
            .split("exit=129")
            .nth(1)
            .is_some_and(|after| after.contains("shell$"))
    });
    let after: Vec<&str> = screen
        .split("exit=129")
        .nth(1)
        .unwrap()
        .lines()
        .map(str::trim)
        .collect();
    assert!(
        after.contains(&"icanon") && after.contains(&"echo"),
        "the terminal was left raw:\n{screen}"
    );
    for (flag, want) in [
        ("alternate_on", "0"),
        ("cursor_flag", "1"),
        ("mouse_any_flag", "0"),
    ] {
        let out = tmux.run(&[
            "display-message",
            "-p",
            "-t",
            "main",
            &format!("#{{{flag}}}"),
        ]);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            want,
            "{flag} after the hang-up; the screen shows:\n{screen}"
        );
    }
}

fn demo_home(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let home = std::env::temp_dir().join(format!("wijkdesk-hup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("hup.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    (home, db)
}

#[test]
fn a_hang_up_ends_the_screens_and_restores_the_terminal() {
    let tmux = Tmux::new("hup-idle");
    let (home, db) = demo_home("idle");
    let pid = start_in_shell(&tmux, &home, &db);
    hang_up_and_check(&tmux, &pid);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_hang_up_ends_the_screens_even_while_they_wait_for_a_lock() {
    let tmux = Tmux::new("hup-locked");
    let (home, db) = demo_home("locked");
    let pid = start_in_shell(&tmux, &home, &db);
    // Another program holds the write lock for as long as this test runs.
    let mut other = rusqlite::Connection::open(&db).unwrap();
    let lock = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    // A new organisation saved from the screens now waits for that lock.
    tmux.text("4");
    tmux.wait_for("Organisations (", 20);
    tmux.text("n");
    tmux.wait_for("New organisation", 10);
    tmux.text("Wachtende vereniging");
    tmux.wait_for("Wachtende vereniging", 10);
    tmux.keys(&["C-s"]);
    hang_up_and_check(&tmux, &pid);
    drop(lock);
    let _ = std::fs::remove_dir_all(&home);
}

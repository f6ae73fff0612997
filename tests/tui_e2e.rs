//! The real binary in a real terminal: tmux runs `wijkdesk --db X`, the test types
//! with `send-keys` and reads the screen with `capture-pane`, waiting for text with a
//! timeout (never a fixed sleep). Needs tmux: CI installs it; without it this fails.

mod support;

use support::e2e::*;

use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn find_create_quit_then_the_cli_sees_it() {
    let tmux = Tmux::new("create");
    let home = fresh_home("screens");
    let db = home.join("e2e.db");
    let out = wijkdesk(&db, &home, &["demo"]);
    assert!(
        out.status.success(),
        "wijkdesk demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let command = screens_command(&home, &db);
    tmux.start(100, 30, &command);
    // The inbox comes first; the organisations are screen 4.
    tmux.wait_for("Inbox:", 20);
    tmux.text("4");
    tmux.wait_for("Organisations (", 20);

    // Find an organisation with `/`.
    tmux.text("/Duinoord");
    let screen = tmux.wait_for("Organisations (1)", 10);
    assert!(screen.contains("Bewonersoverleg Duinoord"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Zeeheldenkwartier", 10);

    // Create one through the form.
    tmux.text("n");
    tmux.wait_for("New organisation", 10);
    tmux.text("Buurtcomité Eind-tot-eind");
    for _ in 0..3 {
        tmux.keys(&["Tab"]);
    }
    tmux.text("Centrum");
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for("Created O-", 10);
    assert!(screen.contains("Buurtcomité Eind-tot-eind"), "{screen}");

    // A resize redraws at the new size.
    let out = tmux.run(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    assert!(
        out.status.success(),
        "resize-window: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let screen = tmux.capture();
        let right_edge = screen.lines().nth(1).unwrap_or_default().chars().count();
        let bottom = screen.lines().nth(22).unwrap_or_default();
        if screen.contains("Buurtcomité Eind-tot-eind")
            && right_edge == 80
            && bottom.starts_with('└')
        {
            break;
        }
        assert!(Instant::now() < deadline, "not redrawn at 80x24:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }

    // Quit.
    tmux.text("q");
    tmux.wait_exit(10);

    let out = wijkdesk(&db, &home, &["org", "list"]);
    assert!(
        out.status.success(),
        "org list failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(
        list.contains("Buurtcomité Eind-tot-eind"),
        "org list does not show it:\n{list}"
    );
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_dropped_connection_keeps_the_half_filled_form() {
    let tmux = Tmux::new("hup");
    let home = fresh_home("hup");
    let db = home.join("hup.db");
    let drafts = home.join("drafts");
    let out = wijkdesk(&db, &home, &["demo"]);
    assert!(
        out.status.success(),
        "wijkdesk demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let command = format!(
        "env LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&drafts),
        quote(&bin()),
        quote(&db)
    );
    tmux.start(100, 30, &command);
    // The inbox comes first; the organisations are screen 4.
    tmux.wait_for("Inbox:", 20);
    tmux.text("4");
    tmux.wait_for("Organisations (", 20);
    tmux.text("n");
    tmux.wait_for("New organisation", 10);
    tmux.text("Half getypte vereniging");
    tmux.wait_for("Half getypte vereniging", 10);

    // The SSH connection drops: the pane's process gets SIGHUP.
    let pid = tmux.run(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(&pid.stdout).trim().to_string();
    let killed = Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_exit(10);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_dir(&drafts).map(|d| d.count()).unwrap_or(0) == 0 {
        assert!(
            Instant::now() < deadline,
            "no draft was kept in {}",
            drafts.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // The next start reopens it.
    tmux.run(&["respawn-pane", "-t", "main", &command]);
    tmux.wait_for("Restored the form you had not saved.", 20);
    tmux.wait_for("Half getypte vereniging", 5);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Created O-", 10);
    tmux.text("q");
    tmux.wait_exit(10);
    let list = wijkdesk(&db, &home, &["org", "list"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("Half getypte vereniging"));
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let tmux = Tmux::new("suspend");
    let home = fresh_home("tstp");
    let db = home.join("tstp.db");
    let out = wijkdesk(&db, &home, &["demo"]);
    assert!(
        out.status.success(),
        "wijkdesk demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.start(100, 30, "env PS1='shell$ ' bash --norc --noprofile");
    tmux.wait_for("shell$", 10);
    tmux.text(&format!(
        "env LANG=C WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    ));
    tmux.keys(&["Enter"]);
    // The inbox comes first.
    tmux.wait_for("Inbox:", 20);
    tmux.keys(&["C-z"]);
    tmux.wait_for("Stopped", 10);
    tmux.text("fg");
    tmux.keys(&["Enter"]);
    // Redrawn without waiting for a key.
    tmux.wait_for("Inbox:", 10);
    tmux.text("q");
    tmux.wait_for("shell$", 10);
    let _ = std::fs::remove_dir_all(&home);
}

//! The loop with the real binary in a real terminal (tmux): the screens are open on
//! the inbox; a signal added from another process with `wijkdesk signal add` shows
//! up within a second; it is triaged and answered from the keyboard; then
//! `wijkdesk signal show` prints the whole timeline. Waits for screen text with a
//! timeout, never a fixed sleep. Needs tmux (CI installs it).

mod support;

use support::e2e::*;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn wijkdesk(db: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("WIJKDESK_DB", db)
        .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
        .env("WIJKDESK_DRAFTS", home.join("drafts"))
        .env("WIJKDESK_TODAY", "2026-01-15")
        .env("WIJKDESK_USER", "demo")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run wijkdesk")
}

const SECS: Duration = Duration::from_secs(10);

#[test]
fn a_signal_from_another_shell_is_triaged_and_answered_in_the_screens() {
    let tmux = Tmux::new("inbox");
    let home = std::env::temp_dir().join(format!("wijkdesk-loop-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("loop.db");
    let out = wijkdesk(&db, &home, &["demo"]);
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let command = format!(
        "env LANG=C LC_ALL= WIJKDESK_TODAY=2026-01-15 WIJKDESK_USER=demo WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    );
    tmux.start(120, 36, &command);
    tmux.wait_for_within("Inbox: 30 open", Duration::from_secs(20));

    // Narrow the inbox to what is about to arrive (new signals sort last: by age).
    tmux.text("/lantern");
    tmux.keys(&["Enter"]);
    tmux.wait_for_within("No open signals here", SECS);

    // Another shell adds a signal: it shows up within a second.
    let out = wijkdesk(
        &db,
        &home,
        &[
            "signal",
            "add",
            "--org",
            "Zeeheld",
            "--title",
            "Broken lantern on the square",
            "--theme",
            "veiligheid",
        ],
    );
    assert!(
        out.status.success(),
        "signal add: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added = Instant::now();
    let id = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .find(|w| w.starts_with("S-"))
        .expect("the new signal's id")
        .to_string();
    tmux.wait_for_within("Broken lantern on the square", Duration::from_millis(1500));
    assert!(
        added.elapsed() <= Duration::from_millis(1500),
        "the new signal took {:?} to show",
        added.elapsed()
    );
    assert!(tmux.capture().contains("Inbox: 31 open"));

    // Triage it: the owner picked by fuzzy name, the due date the default.
    tmux.text("t");
    tmux.wait_for_within(&format!("Triage {id}"), SECS);
    tmux.text("dsb");
    tmux.wait_for_within("> DSB Dienst Stadsbeheer", SECS);
    tmux.keys(&["Enter"]); // take it; on to the theme
    tmux.keys(&["Tab"]); // the theme as it was
    tmux.text("We ask Stadsbeheer to replace it.");
    tmux.keys(&["C-s"]);
    tmux.wait_for_within(&format!("Triaged {id} "), SECS);

    // Answer it: final feedback by phone.
    tmux.text("f");
    tmux.wait_for_within(&format!("Feedback on {id}"), SECS);
    tmux.text(" "); // interim -> final
    tmux.keys(&["Tab"]);
    tmux.keys(&["Right"]); // phone
    tmux.keys(&["Tab", "Tab"]);
    tmux.text("The lantern was replaced on Tuesday.");
    tmux.keys(&["C-s"]);
    tmux.wait_for_within(&format!("Final feedback on {id} recorded"), SECS);
    tmux.text("q");

    // The command line prints the whole timeline.
    let out = wijkdesk(&db, &home, &["signal", "show", &id]);
    assert!(
        out.status.success(),
        "signal show: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut at = 0;
    for want in ["received", "triaged", "final feedback"] {
        let pos = text[at..].find(want).unwrap_or_else(|| {
            panic!("{want:?} missing (or out of order) in the timeline:\n{text}")
        });
        at += pos;
    }
    assert!(text.contains("We ask Stadsbeheer to replace it."), "{text}");
    assert!(
        text.contains("The lantern was replaced on Tuesday."),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&home);
}

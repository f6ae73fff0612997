//! Text fields in the real binary, in tmux: text typed in the feedback popup survives
//! Esc when the question is answered `n`; Ctrl-U clears the line before the cursor;
//! Ctrl-L clears and draws the whole terminal again. Waits for screen text with a
//! timeout, never a fixed sleep.

mod support;

use support::e2e::*;

use std::time::{Duration, Instant};

/// Wait until the screen no longer shows `gone`; fail with the screen after `secs`.
fn wait_gone(tmux: &Tmux, gone: &str, secs: u64) -> String {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let screen = tmux.capture();
        if !screen.contains(gone) {
            return screen;
        }
        assert!(
            Instant::now() < deadline,
            "waited {secs} s for {gone:?} to go; the screen shows:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn feedback_text_survives_esc_and_ctrl_u_clears_the_line() {
    let home = fresh_home("fields");
    let db = home.join("fields.db");
    wijkdesk_ok(&db, &home, &["demo"]);

    let tmux = Tmux::new("fields-feedback");
    tmux.start(80, 24, &screens_command(&home, &db));
    tmux.wait_for("Inbox", 20);
    tmux.keys(&["f"]);
    tmux.wait_for("Feedback on S-", 10);
    // Kind, channel, template: on to the text.
    tmux.keys(&["Tab", "Tab", "Tab"]);
    tmux.text("Eerste regel blijft");
    tmux.keys(&["Enter"]);
    tmux.text("tweede regel weg");
    tmux.wait_for("tweede regel weg", 10);

    // Esc asks; n keeps every line.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Discard what you typed?", 10);
    tmux.keys(&["n"]);
    let screen = wait_gone(&tmux, "Discard what you typed?", 10);
    assert!(screen.contains("Eerste regel blijft"), "{screen}");
    assert!(screen.contains("tweede regel weg"), "{screen}");

    // Ctrl-U: only the cursor's line, from its start to the cursor.
    tmux.keys(&["C-u"]);
    let screen = wait_gone(&tmux, "tweede regel weg", 10);
    assert!(screen.contains("Eerste regel blijft"), "{screen}");
    tmux.text("nieuw");
    tmux.wait_for("nieuw", 10);

    // Ctrl-L inside the text field: the terminal is cleared and drawn whole again,
    // the popup and its text still there.
    tmux.run(&["send-keys", "-t", "main", "C-l"]);
    let screen = tmux.wait_for("Reloaded", 10);
    assert!(screen.contains("Eerste regel blijft"), "{screen}");
    assert!(screen.contains("Feedback on S-"), "{screen}");

    // y throws it away and closes the popup.
    tmux.keys(&["Escape"]);
    tmux.wait_for("Discard what you typed?", 10);
    tmux.keys(&["y"]);
    let screen = wait_gone(&tmux, "Feedback on S-", 10);
    assert!(!screen.contains("Eerste regel blijft"), "{screen}");
    let _ = tmux.run(&["kill-server"]);
    let _ = std::fs::remove_dir_all(&home);
}

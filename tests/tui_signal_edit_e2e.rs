//! The real binary in tmux: `e` on a signal in the inbox, a corrected title saved with
//! Ctrl-S, and the new title in the inbox, in the signal's history (H) and for the
//! command line afterwards. Needs tmux: CI installs it; without it this fails.

mod support;

use support::e2e::*;

#[test]
fn edit_a_title_and_see_it_in_the_inbox_and_the_history() {
    let tmux = Tmux::new("sigedit");
    let home = fresh_home("sigedit");
    let db = home.join("e2e.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    let id = wijkdesk_ok(
        &db,
        &home,
        &["signal", "list", "--filter", "Parkeerdruk", "--json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&id).expect("JSON");
    let id = rows[0]["ref"].as_str().expect("a reference").to_string();

    let command = screens_command(&home, &db);
    tmux.start(120, 36, &command);
    tmux.wait_for("Inbox:", 20);
    tmux.text("/Parkeerdruk");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Parkeerdruk door", 20);

    tmux.text("e");
    tmux.wait_for(&format!("Edit {id}"), 20);
    // Empty the title (the cursor is at its end) and type the corrected one.
    tmux.keys(&["BSpace"; 60]);
    tmux.text("Parkeerdruk Binckhorst-Noord");
    tmux.keys(&["C-s"]);
    let screen = tmux.wait_for(&format!("{id} edited: title."), 20);
    // The inbox row has the new title, and no longer the old one.
    assert!(screen.contains("Parkeerdruk Binckhorst-Noord"), "{screen}");
    assert!(!screen.contains("bedrijfsbusjes"), "{screen}");

    // The history of the selected signal has the old title and the new.
    tmux.text("H");
    let screen = tmux.wait_for("bedrijfsbusjes in woonstraten", 20);
    assert!(screen.contains("Parkeerdruk Binckhorst-Noord"), "{screen}");
    tmux.keys(&["Escape"]);

    // The detail's timeline says what changed.
    tmux.keys(&["Enter"]);
    tmux.wait_for("Timeline", 20);
    tmux.wait_for("edited", 20);
    tmux.text("q");
    tmux.text("q");
    tmux.wait_exit(10);

    let show = wijkdesk_ok(&db, &home, &["signal", "show", &id]);
    assert!(show.contains("Parkeerdruk Binckhorst-Noord"), "{show}");
    assert!(show.contains("edited"), "{show}");
    let _ = std::fs::remove_dir_all(&home);
}

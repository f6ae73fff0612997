//! Five triages in a row with the real binary in tmux: from the unassigned view, each
//! triage is `t`, Enter (the who-does-what owner), Tab (the theme as it is), the words
//! of the expectation, Ctrl-S; after each the inbox has moved on to the next signal.
//! The database is checked after every one. Needs tmux: CI installs it.

mod support;

use support::e2e::*;
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::{Ctx, Store};

/// The store the binary writes, read as the same day.
fn open(db: &std::path::Path) -> Store {
    Store::open(db, Ctx::new("e2e", chrono::Local::now().date_naive())).unwrap()
}

/// The owner triage should suggest for signal `id`: the first who-does-what contact
/// who may own work.
fn suggested(db: &std::path::Path, id: i64) -> (i64, String) {
    let store = open(db);
    let sig = store.signal(id).unwrap();
    let eligible: Vec<String> = store
        .owner_choices()
        .unwrap()
        .into_iter()
        .map(|c| c.reference.to_string())
        .collect();
    let p = store
        .who_does_what(
            sig.district.as_deref().unwrap_or(""),
            sig.theme.as_deref().unwrap_or(""),
        )
        .unwrap()
        .into_iter()
        .find(|p| eligible.contains(&p.reference().to_string()))
        .unwrap_or_else(|| panic!("nobody covers S-{id}"));
    (p.id, p.name)
}

/// The signal the triage popup is about, from its title `Triage S-12: …`.
fn popup_id(screen: &str) -> i64 {
    let at = screen.find("Triage S-").expect("the triage popup") + "Triage S-".len();
    screen[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("an id")
}

#[test]
fn five_triages_in_tmux_each_in_four_keys() {
    let tmux = Tmux::new("triage");
    let home = fresh_home("triage");
    let db = home.join("e2e.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    let command = screens_command(&home, &db);
    tmux.start(120, 40, &command);
    tmux.wait_for("Inbox:", 20);
    // The signals nobody has yet: where triage starts.
    tmux.text("u");
    tmux.wait_for("unassigned", 10);
    let mut seen = Vec::new();
    for round in 0..5 {
        let mut keys = 0;
        tmux.text("t");
        keys += 1;
        let screen = tmux.wait_for("Triage S-", 10);
        assert!(screen.contains("(who does what)"), "{screen}");
        let id = popup_id(&screen);
        assert!(!seen.contains(&id), "round {round}: S-{id} again");
        seen.push(id);
        let (owner_id, owner_name) = suggested(&db, id);
        let due_before = open(&db).signal(id).unwrap().feedback_due;
        tmux.keys(&["Enter"]);
        tmux.keys(&["Tab"]);
        keys += 2;
        tmux.text(&format!("Round {round}: we call back this week."));
        tmux.keys(&["C-s"]);
        keys += 1;
        let screen = tmux.wait_for(&format!("Triaged S-{id} "), 10);
        assert!(screen.contains(&format!("→ {owner_name}")), "{screen}");
        assert!(!screen.contains("Timeline"), "no detail opens:\n{screen}");
        assert!(keys <= 5, "round {round}: {keys} keys");
        let sig = open(&db).signal(id).unwrap();
        assert_eq!(sig.state, SignalState::Triaged, "round {round}");
        assert_eq!(sig.owner_person_id, Some(owner_id), "round {round}");
        assert_eq!(sig.feedback_due, due_before, "round {round}: due date kept");
    }
    tmux.text("q");
    tmux.wait_exit(10);
    let _ = std::fs::remove_dir_all(&home);
}

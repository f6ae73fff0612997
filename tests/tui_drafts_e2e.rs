//! Nothing typed is lost, whatever stops the program: for every popup with typed text
//! (quick add, triage, feedback, decline, an agenda item, a new action or commitment),
//! the real binary in tmux, text typed, the process stopped by SIGHUP (a dropped
//! connection), SIGTERM or SIGKILL, and started again: the same popup is open with the
//! text. Waits for screen text with a timeout, never a fixed sleep.

mod support;

use support::e2e::*;

use std::path::Path;
use std::process::Command;

/// One popup: how to open it from the first screen, what its title says, the keys that
/// reach a text field, and the text typed there.
struct Case {
    name: &'static str,
    open: &'static [&'static str],
    title: &'static str,
    to_field: &'static [&'static str],
    text: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "quick add",
        open: &["a"],
        title: "Quick add a signal",
        to_field: &[],
        text: "Losse tegels bij het schoolplein",
    },
    Case {
        // S-6 is new: the fourth row of the demo's inbox.
        name: "triage",
        open: &["j", "j", "j", "t"],
        title: "Triage S-6",
        to_field: &["Tab", "Tab"],
        text: "Bewoners verwachten een reactie binnen twee weken",
    },
    Case {
        name: "feedback",
        open: &["f"],
        title: "Feedback on S-16",
        to_field: &["Tab", "Tab", "Tab"],
        text: "We hebben het nagevraagd bij de afdeling",
    },
    Case {
        name: "decline",
        open: &["x"],
        title: "Decline S-16",
        to_field: &[],
        text: "Dit valt buiten wat de gemeente kan doen",
    },
    Case {
        // The first meeting in the list (M-4), its agenda, a new item being typed.
        name: "agenda item",
        open: &["3", "a", "n"],
        title: "New agenda item:",
        to_field: &[],
        text: "Verkeersveiligheid rond de basisschool",
    },
    Case {
        name: "new action",
        open: &["2", "n"],
        title: "New action or commitment",
        to_field: &["Tab"],
        text: "Schouw plannen met de wijkagent",
    },
];

fn stop_and_restart(case: &Case, signal: &str, home: &Path, db: &Path) {
    let _ = std::fs::remove_dir_all(home.join("drafts"));
    let tag = format!("{}-{}", case.name.replace(' ', "-"), signal);
    let tmux = Tmux::new(&format!("drafts-{tag}"));
    tmux.start(120, 40, &screens_command(home, db));
    tmux.wait_for("Inbox:", 20);
    for k in case.open {
        tmux.keys(&[k]);
    }
    tmux.wait_for(case.title, 10);
    for k in case.to_field {
        tmux.keys(&[k]);
    }
    tmux.text(case.text);
    tmux.wait_for(case.text, 10);

    let pid = tmux.pane_pid();
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_exit(10);

    tmux.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "main",
        &screens_command(home, db),
    ]);
    let screen = tmux.wait_for(case.title, 20);
    assert!(
        screen.contains(case.text),
        "{} after SIG{signal}: the text is not back:\n{screen}",
        case.name
    );
    // Closed on purpose now, it is gone for good: the next start opens no popup.
    tmux.keys(&["Escape"]);
    let _ = tmux.run(&["kill-server"]);
}

#[test]
fn every_popup_keeps_its_text_through_hup_term_and_kill() {
    let home = fresh_home("drafts");
    let db = home.join("drafts.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    for case in CASES {
        for signal in ["HUP", "TERM", "KILL"] {
            stop_and_restart(case, signal, &home, &db);
        }
    }
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_draft_belongs_to_its_database() {
    let home = fresh_home("drafts-db");
    let db = home.join("one.db");
    let other = home.join("other.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    wijkdesk_ok(&other, &home, &["demo"]);
    let tmux = Tmux::new("drafts-db");
    tmux.start(120, 40, &screens_command(&home, &db));
    tmux.wait_for("Inbox:", 20);
    tmux.keys(&["a"]);
    tmux.wait_for("Quick add a signal", 10);
    tmux.text("Alleen voor de eerste database");
    tmux.wait_for("Alleen voor de eerste database", 10);
    let pid = tmux.pane_pid();
    assert!(
        Command::new("kill")
            .args(["-KILL", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_exit(10);

    // Another database: no popup, the draft waits.
    tmux.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "main",
        &screens_command(&home, &other),
    ]);
    let screen = tmux.wait_for("Inbox:", 20);
    assert!(!screen.contains("Quick add a signal"), "{screen}");
    tmux.text("q");
    tmux.wait_exit(10);

    // Its own database: back.
    tmux.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "main",
        &screens_command(&home, &db),
    ]);
    tmux.wait_for("Alleen voor de eerste database", 20);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_draft_that_cannot_reopen_says_where_its_text_is() {
    use wijkdesk::tui::testing::{TempDb, app_en, screen};
    let db = TempDb::new("draft-gone");
    let mut store = db.demo();
    let drafts = db.dir.join("drafts");
    let account = store.account().to_string();
    let mut draft = wijkdesk::tui::popups::form::FormDraft {
        kind: "feedback".into(),
        db: store.path().display().to_string(),
        account: account.clone(),
        ..Default::default()
    };
    // Feedback on a signal that does not exist (any more).
    draft.values.insert("ids".into(), "99999".into());
    draft
        .values
        .insert("text".into(), "Tekst die niet verloren mag gaan".into());
    let path = drafts.join("live-gone-test.toml");
    wijkdesk::drafts::keep(&path, &draft).unwrap();
    // Named as a live file of a process that is gone, for this database and account.
    let name = wijkdesk::drafts::live_path(&drafts, &draft.db, &account)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace(&format!("-{}.toml", std::process::id()), "-999999999.toml");
    std::fs::rename(&path, drafts.join(&name)).unwrap();

    let mut app = app_en(&mut store, 120, 40);
    app.set_draft_dir(&drafts);
    assert!(!app.restore_waiting_draft());
    let s = screen(&app, 120, 40);
    assert!(s.contains("could not be reopened"), "{s}");
    assert!(
        std::fs::read_to_string(drafts.join(&name))
            .unwrap()
            .contains("Tekst die niet verloren mag gaan")
    );
}

//! The real binary in tmux with TERM=dumb: every screen it shows, the report charts
//! included, is drawn with ASCII borders, bars and marks. Needs tmux (CI installs it).

mod support;

use support::e2e::*;

/// Characters on screen that are neither ASCII nor letters (names from the data).
fn marks(screen: &str) -> Vec<char> {
    screen
        .chars()
        .filter(|c| !c.is_ascii() && !c.is_alphabetic())
        .collect()
}

/// The screen once a frame is complete: two captures in a row the same.
fn settled(tmux: &Tmux, want: &str) -> String {
    let mut last = tmux.wait_for(want, 20);
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let now = tmux.capture();
        if now == last && now.contains(want) {
            return now;
        }
        last = now;
    }
    last
}

#[test]
fn term_dumb_draws_every_screen_in_ascii() {
    let tmux = Tmux::new("dumb");
    let home = fresh_home("dumb");
    let db = home.join("dumb.db");
    wijkdesk_ok(&db, &home, &["demo"]);

    let command = format!(
        "env TERM=dumb LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    );
    tmux.start(120, 36, &command);
    let screen = settled(&tmux, "Inbox:");
    assert_eq!(marks(&screen), Vec::<char>::new(), "inbox:\n{screen}");
    assert!(screen.contains("+-"), "{screen}");
    for (key, want) in [
        ("2", "Tracker"),
        ("3", "Meetings"),
        ("4", "Organisations ("),
        ("5", "People"),
        ("6", "Received per week"),
    ] {
        tmux.text(key);
        let screen = settled(&tmux, want);
        assert_eq!(
            marks(&screen),
            Vec::<char>::new(),
            "screen {key}:\n{screen}"
        );
    }
    // The report charts: bars as #, = and _.
    let screen = tmux.capture();
    assert!(screen.contains('#'), "{screen}");
    // Each report in turn.
    for want in ["Commitments by outcome", "Cadence", "Load"] {
        tmux.text("]");
        let screen = settled(&tmux, want);
        assert_eq!(marks(&screen), Vec::<char>::new(), "{want}:\n{screen}");
    }
    tmux.text("q");
    tmux.wait_exit(10);
    let _ = std::fs::remove_dir_all(&home);
}

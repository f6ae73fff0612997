//! Width in a real terminal (tmux): titles with emoji families, flags, variation
//! selectors, CJK and stacked accents neither push the inbox's border off the line nor
//! leave anything behind when the selection moves over them, and a CLI table as wide as
//! the pane never wraps. Needs tmux: CI installs it; without it this fails.

mod support;

use support::e2e::*;

const TITLES: &[&str] = &[
    "👨‍👩‍👧‍👦 speeltuin voor het hele gezin in de wijk",
    "🇳🇱🇺🇦 vlaggen aan de gevel van het buurthuis",
    "❤\u{fe0f} buurtfeest ❤\u{fe0f} met ☕\u{fe0f}",
    "日本語のタイトルはとても長いです長いです長いです",
    "Z\u{301}\u{302}\u{303}\u{304}algo gestapelde accenten op één letter",
    "Gewone titel zonder bijzondere tekens, lang genoeg om af te kappen",
];

const DUE: &str = "2026-01-29";

fn setup(tag: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let home = fresh_home(&format!("width-{tag}"));
    let db = home.join("w.db");
    wijkdesk_ok(&db, &home, &["init"]);
    wijkdesk_ok(&db, &home, &["org", "add", "--name", "町内会 Zeeheld"]);
    for t in TITLES {
        let out = std::process::Command::new(bin())
            .args(["signal", "add", "--org", "O-1", "--title", t])
            .env("WIJKDESK_DB", &db)
            .env("WIJKDESK_TODAY", "2026-01-15")
            .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (home, db)
}

/// The list rows: every one ends in the due date and the border, at the pane's edge.
fn rows(screen: &str) -> Vec<String> {
    let rows: Vec<String> = screen
        .lines()
        .filter(|l| l.contains(DUE))
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(rows.len(), TITLES.len(), "{screen}");
    for r in &rows {
        assert!(
            r.ends_with(&format!("{DUE}│")),
            "the border moved: {r:?}\n{screen}"
        );
    }
    rows
}

#[test]
fn wide_titles_keep_the_inbox_in_its_frame_and_leave_nothing_behind() {
    let (home, db) = setup("inbox");
    let tmux = Tmux::new("width");
    let command = format!(
        "env LANG=C.UTF-8 LC_ALL= WIJKDESK_TODAY=2026-01-15 WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    );
    tmux.new_session(&["-u"], 100, 24, &command);
    let first = tmux.wait_for("Inbox: 6 open", 20);
    let before = rows(&first);
    // Down over every row and back up: the rows read as before but for the marker.
    for _ in 0..TITLES.len() {
        tmux.keys(&["Down"]);
    }
    let moved = tmux.wait_for(&format!(">  S-{}", TITLES.len()), 10);
    rows(&moved);
    for _ in 0..TITLES.len() {
        tmux.keys(&["Up"]);
    }
    let back = tmux.wait_for(">  S-1 ", 10);
    assert_eq!(rows(&back), before, "{back}");
    tmux.text("q");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_table_as_wide_as_the_terminal_never_wraps() {
    let (home, db) = setup("table");
    let tmux = Tmux::new("width-table");
    let command = format!(
        "env LANG=C.UTF-8 COLUMNS=60 WIJKDESK_CONFIG={} {} --db {} signal list; echo END-OF-LIST; sleep 30",
        quote(&home.join("no-config.toml")),
        quote(&bin()),
        quote(&db)
    );
    tmux.new_session(&["-u"], 60, 20, &command);
    let screen = tmux.wait_for("END-OF-LIST", 20);
    let lines: Vec<&str> = screen
        .lines()
        .take_while(|l| !l.contains("END-OF-LIST"))
        .collect();
    // A header and one line per signal: a line wider than the pane would wrap into two.
    assert_eq!(lines.len(), TITLES.len() + 1, "{screen}");
    for l in &lines[1..] {
        assert!(l.starts_with("S-"), "{screen}");
        assert!(l.contains(DUE), "{screen}");
    }
    let _ = std::fs::remove_dir_all(&home);
}

//! The real binary in tmux, where the screens cannot start: the reason is said on the
//! terminal in the user's language, with the system's own words for the cause, and the
//! terminal is left as it was. Needs tmux (CI installs it).

mod support;

use support::e2e::*;

#[test]
fn a_database_that_cannot_be_made_is_said_in_dutch_with_its_cause() {
    let home = fresh_home("start-refused");
    // /proc takes no new folders, not even for root.
    let db = std::path::Path::new("/proc/wijkdesk-nowhere/team.db");
    let tmux = Tmux::new("start-refused");
    tmux.start(
        100,
        12,
        &format!(
            // The pane outlives the quick exit so that its last words can be read.
            "env LANG=nl_NL.UTF-8 LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}; \
             echo exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?\\(icanon\\|echo\\)' | \
             tr '\\n' ' '; echo; sleep 60",
            quote(&home.join("no-config.toml")),
            quote(&home.join("drafts")),
            quote(&bin()),
            quote(db),
        ),
    );
    let screen = tmux.wait_for("exit=1", 20);
    assert!(
        screen.contains("fout: kan /proc/wijkdesk-nowhere niet maken: "),
        "{screen}"
    );
    // The system's reason follows (its wording depends on the C library's locale).
    let line = screen
        .lines()
        .find(|l| l.starts_with("fout: "))
        .expect("the refusal");
    assert!(
        line.len() > "fout: kan /proc/wijkdesk-nowhere niet maken: ".len() + 3,
        "{line}"
    );
    assert!(!screen.contains("error:"), "the English prefix: {screen}");
    // The terminal was made ready while the database opened; it is given back as it
    // was: line editing and echo on, and not left on the alternate screen.
    let modes = tmux.wait_for("icanon", 10);
    let modes = modes
        .lines()
        .find(|l| l.contains("icanon"))
        .expect("stty's modes");
    assert_eq!(
        modes.split_whitespace().collect::<Vec<_>>(),
        ["icanon", "echo"],
        "{modes}"
    );
    let alternate = tmux.run(&["display-message", "-p", "-t", "main", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alternate.stdout).trim(), "0");
    let _ = std::fs::remove_dir_all(&home);
}

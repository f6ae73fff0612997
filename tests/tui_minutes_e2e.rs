//! Live minutes with the real binary in a real terminal: tmux runs `wijkdesk`, the test
//! opens a demo meeting's minutes editor, types ten lines (notes, decisions, actions,
//! commitments, a signal, a question; tokens that resolve, Tab completion), starts an
//! eleventh and kills the process with SIGKILL mid-line. Started again, the ten lines
//! and the unfinished eleventh are there, and the command line sees the new action,
//! commitment and signal. Waits for screen text with a timeout, never a fixed sleep.

mod support;

use support::e2e::*;

use std::process::Command;
use std::time::{Duration, Instant};

const LINES: [(&str, &str); 10] = [
    (
        "Opening door de voorzitter, iedereen welkom",
        "Stored line 1.",
    ),
    (
        "D: Het overleg wordt voortaan elk kwartaal gehouden",
        "Stored line 2.",
    ),
    (
        "A: Verslag rondsturen naar alle leden @demo due:+14d",
        "created A-",
    ),
    (
        "T: Terugkoppeling over de gevaarlijke oversteek due:+2w",
        "created C-",
    ),
    (
        "S: Losse stoeptegels bij de tramhalte #verkeer",
        "created S-",
    ),
    (
        "Q: Wanneer komt de nieuwe straatverlichting?",
        "Stored line 6.",
    ),
    (
        "A: Navragen bij @DSO hoe het met de planning staat due:vr",
        "created A-",
    ),
    // Completed with Tab below: org:"Wijkberaad Bezuidenhout".
    (
        "T: Bewonersbrief vooraf delen org:Wijkberaad-Bez",
        "created C-",
    ),
    ("B: De rondvraag wordt naar voren gehaald", "Stored line 9."),
    ("Sluiting om half tien", "Stored line 10."),
];

#[test]
fn ten_lines_a_kill_mid_line_and_everything_is_back() {
    let tmux = Tmux::new("minutes");
    let home = fresh_home("minutes");
    let db = home.join("minutes.db");
    wijkdesk_ok(&db, &home, &["demo"]);
    let command = screens_command(&home, &db);
    tmux.start(120, 40, &command);
    open_minutes(&tmux, "Bezuidenhout");

    for (i, (line, want)) in LINES.iter().enumerate() {
        tmux.text(line);
        if i == 7 {
            tmux.keys(&["Tab"]);
            tmux.wait_for("org:\"Wijkberaad Bezuidenhout\"", 10);
            tmux.text("due:+7d");
        }
        tmux.wait_for("draft saved", 10);
        tmux.keys(&["Enter"]);
        let screen = tmux.wait_for(want, 10);
        assert!(!screen.contains("draft saved"), "{screen}");
    }
    let screen = tmux.capture();
    for (line, _) in LINES.iter().take(7) {
        let body = line.split_once(": ").map(|p| p.1).unwrap_or(line);
        let start: String = body.chars().take(20).collect();
        assert!(
            screen.contains(&start),
            "{start:?} is not on the screen:\n{screen}"
        );
    }

    // The eleventh line, half typed; the process is killed outright.
    tmux.text("A: Half getypte regel over de");
    tmux.wait_for("draft saved", 10);
    let pid = tmux.pane_pid();
    let killed = Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let _ = tmux.run(&["kill-server"]);

    // Start again: the lines and the unfinished line are back.
    let tmux = Tmux::new("minutes-again");
    tmux.start(120, 40, &command);
    open_minutes(&tmux, "Bezuidenhout");
    let screen = tmux.wait_for("> A: Half getypte regel over de", 10);
    assert!(
        screen.contains("Verslag rondsturen naar alle leden"),
        "{screen}"
    );
    assert!(screen.contains("Sluiting om half tien"), "{screen}");
    assert!(screen.contains("draft saved"), "{screen}");

    let show = wijkdesk_ok(&db, &home, &["meeting", "show", "M-5"]);
    assert!(show.contains("Minutes (10)"), "{show}");
    let actions = wijkdesk_ok(&db, &home, &["action", "list"]);
    assert!(
        actions.contains("Verslag rondsturen naar alle leden"),
        "{actions}"
    );
    assert!(
        actions.contains("Navragen bij hoe het met de planning staat")
            || actions.contains("Navragen bij"),
        "{actions}"
    );
    let commitments = wijkdesk_ok(&db, &home, &["commitment", "list"]);
    assert!(
        commitments.contains("Terugkoppeling over de gevaarlijke oversteek"),
        "{commitments}"
    );
    assert!(
        commitments.contains("Bewonersbrief vooraf delen"),
        "{commitments}"
    );
    let signals = wijkdesk_ok(&db, &home, &["signal", "list"]);
    assert!(
        signals.contains("Losse stoeptegels bij de tramhalte"),
        "{signals}"
    );

    // The line is finished after all: Enter stores it and the draft is gone.
    tmux.text(" planning");
    tmux.keys(&["Enter"]);
    tmux.wait_for("created A-", 10);
    tmux.keys(&["Escape"]);
    tmux.wait_for("Meetings (1)", 10);
    tmux.text("q");
    let show = {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let s = wijkdesk_ok(&db, &home, &["meeting", "show", "M-5"]);
            if s.contains("Minutes (11)") || Instant::now() > deadline {
                break s;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    assert!(show.contains("Minutes (11)"), "{show}");
    let _ = std::fs::remove_dir_all(&home);
}

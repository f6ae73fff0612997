//! Live minutes with the real binary in a real terminal: tmux runs `wijkdesk`, the test
//! opens a demo meeting's minutes editor, types ten lines (notes, decisions, actions,
//! commitments, a signal, a question; tokens that resolve, Tab completion), starts an
//! eleventh and kills the process with SIGKILL mid-line. Started again, the ten lines
//! and the unfinished eleventh are there, and the command line sees the new action,
//! commitment and signal. Waits for screen text with a timeout, never a fixed sleep.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    std::env::var_os("WIJKDESK_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_wijkdesk")))
}

/// One tmux server of our own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(name: &str) -> Tmux {
        match Command::new("tmux").arg("-V").output() {
            Ok(o) if o.status.success() => {}
            _ => {
                panic!("tmux is not installed; the end-to-end tests need it (apt-get install tmux)")
            }
        }
        Tmux {
            socket: format!("wijkdesk-e2e-{name}-{}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn start(&self, width: u16, height: u16, command: &str) {
        let out = self.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.run(&["set-option", "-t", "main", "remain-on-exit", "on"]);
        self.run(&["set-option", "-s", "escape-time", "0"]);
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys failed");
    }

    fn text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "main", "-l", text]);
        assert!(out.status.success(), "send-keys -l failed");
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    fn wait_for(&self, want: &str, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.capture();
            if screen.contains(want) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited {secs} s for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn pane_pid(&self) -> String {
        let out = self.run(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn wijkdesk(db: &Path, home: &Path, args: &[&str]) -> String {
    let out = Command::new(bin())
        .args(args)
        .env("WIJKDESK_DB", db)
        .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
        .env("WIJKDESK_DRAFTS", home.join("drafts"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run wijkdesk");
    assert!(
        out.status.success(),
        "wijkdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

/// From the first screen to the minutes editor of the meeting titled `title`.
fn open_minutes(tmux: &Tmux, title: &str) {
    // The tab bar names every screen with its digit: " 3 Meetings ".
    let screen = tmux.wait_for(" Meetings ", 20);
    let bar = screen.lines().next().unwrap_or_default();
    let digit = bar
        .split(" Meetings ")
        .next()
        .and_then(|before| before.trim_end().chars().last())
        .filter(char::is_ascii_digit)
        .unwrap_or_else(|| panic!("no Meetings tab in {bar:?}"));
    tmux.text(&digit.to_string());
    tmux.wait_for("Meetings (", 10);
    tmux.text("/");
    tmux.text(title);
    tmux.wait_for("Meetings (1)", 10);
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Minutes of M-", 10);
}

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
    let home = std::env::temp_dir().join(format!("wijkdesk-e2e-minutes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("minutes.db");
    wijkdesk(&db, &home, &["demo"]);
    let command = format!(
        "env LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    );
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

    let show = wijkdesk(&db, &home, &["meeting", "show", "M-5"]);
    assert!(show.contains("Minutes (10)"), "{show}");
    let actions = wijkdesk(&db, &home, &["action", "list"]);
    assert!(
        actions.contains("Verslag rondsturen naar alle leden"),
        "{actions}"
    );
    assert!(
        actions.contains("Navragen bij hoe het met de planning staat")
            || actions.contains("Navragen bij"),
        "{actions}"
    );
    let commitments = wijkdesk(&db, &home, &["commitment", "list"]);
    assert!(
        commitments.contains("Terugkoppeling over de gevaarlijke oversteek"),
        "{commitments}"
    );
    assert!(
        commitments.contains("Bewonersbrief vooraf delen"),
        "{commitments}"
    );
    let signals = wijkdesk(&db, &home, &["signal", "list"]);
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
            let s = wijkdesk(&db, &home, &["meeting", "show", "M-5"]);
            if s.contains("Minutes (11)") || Instant::now() > deadline {
                break s;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    assert!(show.contains("Minutes (11)"), "{show}");
    let _ = std::fs::remove_dir_all(&home);
}

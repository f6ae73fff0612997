//! The real binary in a real terminal, for the end-to-end tests: our own tmux server
//! (`tmux -L NAME`), `send-keys` to type, `capture-pane` to read, waiting for text with a
//! timeout (never a fixed sleep). Needs tmux: CI installs it; without it a test fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The binary under test (`WIJKDESK_E2E_BIN` may point at another build of it).
pub fn bin() -> PathBuf {
    std::env::var_os("WIJKDESK_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_wijkdesk")))
}

/// One tmux server of our own (`tmux -L NAME`), killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        match Command::new("tmux").arg("-V").output() {
            Ok(o) if o.status.success() => {}
            _ => panic!(
                "tmux is not installed, and the end-to-end test of the screens needs it: \
                 install tmux (apt-get install tmux); CI installs it"
            ),
        }
        Tmux {
            socket: format!("wijkdesk-e2e-{name}-{}", std::process::id()),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Only the session "main" running `command` in a `width`×`height` pane, with tmux
    /// `flags` (e.g. `-u`: UTF-8 whatever the locale says) and no config file.
    pub fn new_session(&self, flags: &[&str], width: u16, height: u16, command: &str) {
        let (w, h) = (width.to_string(), height.to_string());
        let mut args = flags.to_vec();
        args.extend([
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &w,
            "-y",
            &h,
            command,
        ]);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn start(&self, width: u16, height: u16, command: &str) {
        self.new_session(&[], width, height, command);
        // Keep the pane after the program exits, so its last words can be read.
        self.run(&["set-option", "-t", "main", "remain-on-exit", "on"]);
        self.run(&["set-option", "-s", "escape-time", "0"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        let out = self.run(&args);
        assert!(out.status.success(), "send-keys failed");
    }

    /// Literal text (no key names).
    pub fn text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "main", "-l", text]);
        assert!(out.status.success(), "send-keys -l failed");
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// Wait until the screen shows `want`; fail with the screen after `secs` seconds.
    pub fn wait_for(&self, want: &str, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.capture();
            if screen.contains(want) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited {secs} s for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Like [`Tmux::wait_for`] with a limit finer than whole seconds.
    pub fn wait_for_within(&self, want: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let screen = self.capture();
            if screen.contains(want) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited {limit:?} for {want:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// The process id of the program in the pane.
    pub fn pane_pid(&self) -> String {
        let out = self.run(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Wait until the program in the pane has exited.
    pub fn wait_exit(&self, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let out = self.run(&["display-message", "-p", "-t", "main", "#{pane_dead}"]);
            if String::from_utf8_lossy(&out.stdout).trim() == "1" {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "wijkdesk did not exit within {secs} s; the screen shows:\n{}",
                    self.capture()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

pub fn wijkdesk(db: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("WIJKDESK_DB", db)
        .env("WIJKDESK_CONFIG", home.join("no-config.toml"))
        .env("WIJKDESK_DRAFTS", home.join("drafts"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run wijkdesk")
}

/// Run the binary and expect success; its standard output.
pub fn wijkdesk_ok(db: &Path, home: &Path, args: &[&str]) -> String {
    let out = wijkdesk(db, home, args);
    assert!(
        out.status.success(),
        "wijkdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

/// An empty home directory of one end-to-end test: `wijkdesk-e2e-NAME-PID` in the
/// temporary directory, emptied first in case an earlier run left it.
pub fn fresh_home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("wijkdesk-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).expect("create the test's home directory");
    home
}

/// The shell command that starts the screens on `db` in the C locale, with no
/// configuration file and the drafts under `home`.
pub fn screens_command(home: &Path, db: &Path) -> String {
    format!(
        "env LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&home.join("no-config.toml")),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(db)
    )
}

/// From the first screen to the Meetings screen by the digit its tab shows
/// (" 3 Meetings "); the screen's title when it is there.
pub fn meetings_screen(tmux: &Tmux) -> String {
    let screen = tmux.wait_for(" Meetings ", 20);
    let bar = screen.lines().next().unwrap_or_default();
    let digit = bar
        .split(" Meetings ")
        .next()
        .and_then(|before| before.trim_end().chars().last())
        .filter(char::is_ascii_digit)
        .unwrap_or_else(|| panic!("no Meetings tab in {bar:?}"));
    tmux.text(&digit.to_string());
    tmux.wait_for("Meetings (", 10)
}

/// The Meetings screen filtered to the one meeting titled `title`, the filter closed.
pub fn open_meeting(tmux: &Tmux, title: &str) {
    meetings_screen(tmux);
    tmux.text("/");
    tmux.text(title);
    tmux.wait_for("Meetings (1)", 10);
    tmux.keys(&["Enter"]);
}

/// The minutes editor of the meeting titled `title`.
pub fn open_minutes(tmux: &Tmux, title: &str) {
    open_meeting(tmux, title);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Minutes of M-", 10);
}

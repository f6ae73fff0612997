//! A real SMTP server for the mail tests: tests/support/smtp_server.py (aiosmtpd) on
//! 127.0.0.1, one per test. When aiosmtpd is missing, the first test installs it with
//! pip (so `cargo test` alone is enough on a new machine); when that fails too, the
//! test fails with how to install it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The SMTP server; killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    out: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// aiosmtpd importable by `python3`, installed once per test process if need be.
fn ensure_aiosmtpd() {
    static READY: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    READY.get_or_init(|| {
        let importable = || {
            Command::new("python3")
                .args(["-c", "import aiosmtpd"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if importable() {
            return;
        }
        for extra in [&[][..], &["--user"][..], &["--break-system-packages"][..]] {
            let _ = Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
                .args(extra)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if importable() {
                return;
            }
        }
    });
}

impl Server {
    pub fn start(dir: &Path, mode: &str, extra: &[&str]) -> Server {
        ensure_aiosmtpd();
        let out = dir.join(format!("received-{mode}"));
        std::fs::create_dir_all(&out).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_server.py");
        let mut child = Command::new("python3")
            .arg(script)
            .args(["--mode", mode, "--out"])
            .arg(&out)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(port) = line.trim().strip_prefix("PORT ") else {
            let out = child.wait_with_output().unwrap();
            panic!(
                "the SMTP test server did not start (is aiosmtpd installed? pip install aiosmtpd): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        Server {
            port: port.parse().unwrap(),
            child,
            out,
        }
    }

    /// The n-th message received, as raw bytes, and its envelope.
    pub fn received(&self, n: usize) -> (Vec<u8>, serde_json::Value) {
        let raw = std::fs::read(self.out.join(format!("msg-{n}.eml")))
            .unwrap_or_else(|e| panic!("message {n} not received: {e}"));
        let env = std::fs::read_to_string(self.out.join(format!("env-{n}.json"))).unwrap();
        (raw, serde_json::from_str(&env).unwrap())
    }

    pub fn count(&self) -> usize {
        std::fs::read_dir(&self.out)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".eml")
            })
            .count()
    }
}

/// A port nothing listens on.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// The mail tests' fixture: a residents' organisation with an e-mail address, a service
/// (DSB), and a signal from the first triaged to the second. Returns the signal's id.
pub fn triaged_signal(store: &mut wijkdesk::store::Store, title: &str) -> i64 {
    use wijkdesk::store::{NewOrg, NewSignal, Owner};
    let org = store
        .add_org(NewOrg {
            name: "Bewonersoverleg Duinoord".into(),
            email: Some("bo-duinoord@example.org".into()),
            ..Default::default()
        })
        .unwrap();
    let service = store
        .add_org(NewOrg {
            name: "Dienst Stadsbeheer".into(),
            short_name: Some("DSB".into()),
            kind: Some("service".into()),
            ..Default::default()
        })
        .unwrap();
    let s = store
        .add_signal(NewSignal {
            title: title.into(),
            org_id: Some(org.id),
            ..Default::default()
        })
        .unwrap();
    let owner = Owner {
        person_id: None,
        org_id: Some(service.id),
    };
    super::triage_to(store, s.id, owner);
    s.id
}

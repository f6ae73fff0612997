//! Feedback e-mail against a real SMTP server (Python's aiosmtpd, started per test on
//! 127.0.0.1): plain, STARTTLS with a test certificate, AUTH, a server that refuses
//! and one that is down. What the server received is read back by an independent
//! parser (mail-parser) and compared field by field. A missing aiosmtpd fails the
//! test: `.ci/run` installs it.

mod support;

use support::smtp_server;

use chrono::NaiveDate;
use mail_parser::MessageParser;
use smtp_server::{Server, closed_port};
use std::path::{Path, PathBuf};
use std::process::Command;
use wijkdesk::mail::{MailConfig, RawMail, retry, send_feedback};
use wijkdesk::store::{Channel, Ctx, MailStatus, NewFeedback, NewOrg, NewSignal, Store};

const TITLE: &str = "café één: losse tegels";
const TEXT: &str = "Beste bewoners,\n\nDe tegels bij café één zijn gelegd = klaar.\nGroet, Anouk";

fn config(url: String, ca: Option<PathBuf>) -> MailConfig {
    MailConfig::from_raw(RawMail {
        from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
        reply_to: Some("Team Wijkzaken <team@denhaag.example>".into()),
        url: Some(url),
        ca_file: ca,
        timeout: Some(3),
        ..Default::default()
    })
    .unwrap()
}

fn setup(dir: &Path) -> (Store, i64) {
    let ctx = Ctx::new("anouk", NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    let mut store = Store::open(&dir.join("m.db"), ctx).unwrap();
    let id = smtp_server::triaged_signal(&mut store, TITLE);
    (store, id)
}

fn fb(is_final: bool) -> NewFeedback {
    NewFeedback {
        channel: Channel::Email,
        text: TEXT.into(),
        is_final,
        next_due: None,
    }
}

/// Every field of a received message, checked by an independent parser.
fn check_message(raw: &[u8], message_id: &str, sender: &str) {
    let m = MessageParser::default().parse(raw).expect("parses");
    let from = m.from().and_then(|a| a.first()).expect("From");
    assert_eq!(from.address(), Some("wijkzaken@denhaag.example"));
    assert_eq!(from.name(), Some(sender));
    let to = m.to().and_then(|a| a.first()).expect("To");
    assert_eq!(to.address(), Some("bo-duinoord@example.org"));
    let reply = m.reply_to().and_then(|a| a.first()).expect("Reply-To");
    assert_eq!(reply.address(), Some("team@denhaag.example"));
    assert_eq!(
        m.subject(),
        Some(format!("Terugkoppeling S-1: {TITLE}").as_str())
    );
    assert_eq!(m.message_id(), Some(message_id));
    let date = m.date().expect("Date");
    let age = chrono::Utc::now().timestamp() - date.to_timestamp();
    assert!((-60..600).contains(&age), "Date {date:?}");
    let body = m.body_text(0).expect("body");
    assert_eq!(body.replace("\r\n", "\n").trim_end(), TEXT);
}

fn sent_one(store: &mut Store, cfg: &MailConfig, id: i64, server: &Server) {
    let r = send_feedback(store, Some(cfg), id, fb(true), Some("Anouk de Vries")).unwrap();
    assert_eq!(r.entry.status, MailStatus::Sent, "{}", r.summary());
    assert_eq!(r.signal.expect("recorded").state.code(), "answered");
    let (raw, env) = server.received(1);
    check_message(&raw, &r.entry.message_id, "Anouk de Vries");
    assert_eq!(env["rcpt_tos"][0], "bo-duinoord@example.org");
    assert_eq!(env["mail_from"], "wijkzaken@denhaag.example");
    let given = store.feedback_of(id).unwrap();
    assert_eq!(given.len(), 1);
    assert_eq!(given[0].text, TEXT);
}

#[test]
fn plain_smtp_delivers_every_field_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), "plain", &[]);
    let (mut store, id) = setup(dir.path());
    let cfg = config(format!("smtp://127.0.0.1:{}", server.port), None);
    sent_one(&mut store, &cfg, id, &server);
    assert_eq!(server.received(1).1["tls"], false);
}

/// A CA and a server certificate for 127.0.0.1 signed by it, made with openssl.
fn test_certificate(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl runs");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    run(&[
        &["req", "-x509"][..],
        &ec,
        &[
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=wijkdesk test CA",
        ],
    ]
    .concat());
    run(&[
        &["req"][..],
        &ec,
        &[
            "-keyout",
            "key.pem",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    ]
    .concat());
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "cert.pem",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
    ]);
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

#[test]
fn starttls_with_a_trusted_test_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = test_certificate(dir.path());
    let server = Server::start(
        dir.path(),
        "starttls",
        &[
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ],
    );
    let (mut store, id) = setup(dir.path());
    let url = format!("smtp://127.0.0.1:{}?tls=required", server.port);
    sent_one(&mut store, &config(url.clone(), Some(ca)), id, &server);
    assert_eq!(server.received(1).1["tls"], true);

    // Without the test authority the certificate is not trusted: nothing goes out in
    // the clear, the message stays in the outbox.
    let (mut store2, id2) = setup(&dir.path().join("second"));
    let r = send_feedback(&mut store2, Some(&config(url, None)), id2, fb(false), None).unwrap();
    assert_eq!(r.entry.status, MailStatus::Failed, "{}", r.summary());
    assert!(r.signal.is_none());
    assert!(store2.feedback_of(id2).unwrap().is_empty());
    assert_eq!(server.count(), 1);
}

#[test]
fn smtps_speaks_tls_from_the_first_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = test_certificate(dir.path());
    let server = Server::start(
        dir.path(),
        "tls",
        &[
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ],
    );
    let (mut store, id) = setup(dir.path());
    let url = format!("smtps://127.0.0.1:{}", server.port);
    sent_one(&mut store, &config(url, Some(ca)), id, &server);
    assert_eq!(server.received(1).1["tls"], true);
}

#[test]
fn auth_with_user_and_password_from_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        "auth",
        &["--user", "wijk", "--password", "ge heim"],
    );
    let (mut store, id) = setup(dir.path());
    // A wrong password is refused and kept; the right one (percent-encoded) goes out.
    let wrong = config(format!("smtp://wijk:fout@127.0.0.1:{}", server.port), None);
    let r = send_feedback(&mut store, Some(&wrong), id, fb(true), None).unwrap();
    assert_eq!(r.entry.status, MailStatus::Failed);
    assert!(
        r.entry.error.as_deref().unwrap().contains("535"),
        "{:?}",
        r.entry.error
    );
    assert!(!r.summary().contains("fout"), "{}", r.summary());
    let right = config(
        format!("smtp://wijk:ge%20heim@127.0.0.1:{}", server.port),
        None,
    );
    let again = retry(&mut store, Some(&right), r.entry.id).unwrap();
    assert_eq!(again.entry.status, MailStatus::Sent, "{}", again.summary());
    assert_eq!(again.entry.attempts, 2);
    assert_eq!(server.received(1).1["auth"], true);
    let m = server.received(1).0;
    let parsed = MessageParser::default().parse(&m).unwrap();
    assert_eq!(
        parsed.message_id(),
        Some(r.entry.message_id.as_str()),
        "a retry keeps its Message-ID"
    );
    assert_eq!(store.feedback_of(id).unwrap().len(), 1);
}

#[test]
fn a_refusing_server_keeps_the_message_with_its_answer() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), "refuse", &[]);
    let (mut store, id) = setup(dir.path());
    let cfg = config(format!("smtp://127.0.0.1:{}", server.port), None);
    let r = send_feedback(&mut store, Some(&cfg), id, fb(true), None).unwrap();
    assert_eq!(r.entry.status, MailStatus::Failed);
    let err = r.entry.error.clone().unwrap();
    assert!(
        err.contains("550") && err.contains("Relaying denied"),
        "{err}"
    );
    assert!(r.signal.is_none());
    assert!(
        store.feedback_of(id).unwrap().is_empty(),
        "a failed send is no feedback"
    );
    assert_eq!(store.signal(id).unwrap().state.code(), "triaged");
    let kept = store.outbox(false).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].text, TEXT);
    assert_eq!(server.count(), 0);
    let timeline = store.timeline(id).unwrap();
    assert!(
        timeline.iter().any(|e| e.event == "mail"
            && e.detail.contains("not sent")
            && e.detail.contains("550")),
        "{timeline:?}"
    );
}

#[test]
fn a_server_that_is_down_keeps_the_message_for_a_retry() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(dir.path());
    let cfg = config(format!("smtp://127.0.0.1:{}", closed_port()), None);
    let r = send_feedback(&mut store, Some(&cfg), id, fb(false), None).unwrap();
    assert_eq!(r.entry.status, MailStatus::Failed);
    assert!(
        r.entry
            .error
            .as_deref()
            .unwrap()
            .contains("could not be reached"),
        "{:?}",
        r.entry.error
    );
    assert!(store.feedback_of(id).unwrap().is_empty());

    // The server comes back: the retry sends what was typed, and only now is it feedback.
    let server = Server::start(dir.path(), "plain", &[]);
    let cfg = config(format!("smtp://127.0.0.1:{}", server.port), None);
    let again = retry(&mut store, Some(&cfg), r.entry.id).unwrap();
    assert_eq!(again.entry.status, MailStatus::Sent);
    assert_eq!(store.feedback_of(id).unwrap().len(), 1);
    assert!(
        retry(&mut store, Some(&cfg), r.entry.id).is_err(),
        "sent once only"
    );
    assert_eq!(server.count(), 1);
}

#[test]
fn without_mail_settings_a_private_outlook_draft_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(dir.path());
    let r = send_feedback(&mut store, None, id, fb(false), Some("Anouk")).unwrap();
    assert_eq!(r.entry.status, MailStatus::Draft);
    assert!(r.signal.is_none() && store.feedback_of(id).unwrap().is_empty());
    let path = PathBuf::from(r.entry.draft_path.clone().unwrap());
    assert!(path.starts_with(dir.path()), "{path:?}");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let raw = std::fs::read(&path).unwrap();
    let m = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(m.header_raw("X-Unsent").map(str::trim), Some("1"));
    assert!(
        m.from().is_none(),
        "the mail program fills in its own account"
    );
    assert_eq!(
        m.to().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("bo-duinoord@example.org")
    );
    assert_eq!(
        m.subject(),
        Some(format!("Terugkoppeling S-1: {TITLE}").as_str())
    );
    assert_eq!(
        m.body_text(0).unwrap().replace("\r\n", "\n").trim_end(),
        TEXT
    );
}

#[test]
fn the_command_line_sends_lists_the_outbox_and_retries() {
    let env = support::cli::Env::init();
    let down = closed_port();
    let conf = env.dir().join("config.toml");
    let write_conf = |port: u16| {
        std::fs::write(
            &conf,
            format!("[mail]\nfrom = \"Gemeente Den Haag <wijkzaken@denhaag.example>\"\nurl = \"smtp://127.0.0.1:{port}\"\ntimeout = 3\n"),
        )
        .unwrap();
    };
    write_conf(down);
    env.ok(&[
        "org",
        "add",
        "--name",
        "Bewonersoverleg Duinoord",
        "--email",
        "bo-duinoord@example.org",
    ]);
    env.ok(&[
        "org",
        "add",
        "--name",
        "Dienst Stadsbeheer",
        "--short",
        "DSB",
        "--kind",
        "service",
        "--cadence",
        "0",
    ]);
    env.ok(&["signal", "add", "--org", "Duinoord", "--title", TITLE]);
    env.ok(&["signal", "triage", "S-1", "--owner", "DSB"]);
    let send = |env: &support::cli::Env| {
        env.cmd()
            .env("WIJKDESK_CONFIG", &conf)
            .args([
                "feedback",
                "add",
                "S-1",
                "--channel",
                "email",
                "--text",
                TEXT,
                "--final",
                "--send",
            ])
            .output()
            .unwrap()
    };
    let out = send(&env);
    assert!(!out.status.success(), "a failed send is an error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not be reached") && err.contains("mail retry 1"),
        "{err}"
    );
    let listed = String::from_utf8_lossy(
        &env.cmd()
            .env("WIJKDESK_CONFIG", &conf)
            .args(["mail", "outbox"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(
        listed.contains("failed") && listed.contains("bo-duinoord@example.org"),
        "{listed}"
    );
    assert!(
        env.json(&["signal", "show", "S-1", "--json"])
            .to_string()
            .contains("\"triaged\"")
    );

    let server = Server::start(env.dir(), "plain", &[]);
    write_conf(server.port);
    let out = env
        .cmd()
        .env("WIJKDESK_CONFIG", &conf)
        .args(["mail", "retry", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("sent to bo-duinoord@example.org"));
    let (raw, _) = server.received(1);
    let m = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        m.subject(),
        Some(format!("Terugkoppeling S-1: {TITLE}").as_str())
    );
    assert_eq!(
        m.from().and_then(|a| a.first()).and_then(|a| a.address()),
        Some("wijkzaken@denhaag.example")
    );
    assert!(
        env.json(&["signal", "show", "S-1", "--json"])
            .to_string()
            .contains("answered")
    );
}

#[test]
fn final_feedback_reaches_every_organisation_whose_signal_was_merged_in() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), "plain", &[]);
    let (mut store, id) = setup(dir.path());
    let other = store
        .add_org(NewOrg {
            name: "Wijkberaad Zeeheld".into(),
            email: Some("zeeheld@example.org".into()),
            ..Default::default()
        })
        .unwrap();
    let dup = store
        .add_signal(NewSignal {
            title: "Tegels los bij het café".into(),
            org_id: Some(other.id),
            ..Default::default()
        })
        .unwrap();
    store.merge_signal(dup.id, id, true, None).unwrap();
    let cfg = config(format!("smtp://127.0.0.1:{}", server.port), None);
    let r = send_feedback(&mut store, Some(&cfg), id, fb(true), Some("Anouk de Vries")).unwrap();
    assert_eq!(r.entry.status, MailStatus::Sent, "{}", r.summary());
    assert_eq!(r.entry.also_to, ["zeeheld@example.org"]);

    // One message: the survivor's organisation in To, the merged one in the envelope
    // only (a blind copy: neither sees the other's address).
    assert_eq!(server.count(), 1);
    let (raw, env) = server.received(1);
    let rcpt: Vec<&str> = env["rcpt_tos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(rcpt, ["bo-duinoord@example.org", "zeeheld@example.org"]);
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("zeeheld@example.org"), "{text}");
    let m = MessageParser::default().parse(&raw).unwrap();
    assert!(m.bcc().is_none(), "no Bcc header in what was delivered");

    // The merged signal has its answer too.
    let given = store.feedback_of(dup.id).unwrap();
    assert_eq!(given.len(), 1);
    assert!(given[0].is_final);
    assert_eq!(given[0].text, TEXT);
}

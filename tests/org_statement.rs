//! The statement to an organisation (`wijkdesk org statement`): the demo
//! organisation's statement against golden files in Dutch and English, an oracle that
//! plants open signals and commitments and finds every one of them in it, the command
//! line (by name, to a private file, a clear refusal), and `--send` against a real SMTP
//! server. Regenerate the golden files after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test org_statement` and read the diff.

mod support;

use support::smtp_server;

use assert_cmd::Command;
use chrono::{Duration, NaiveDate};
use mail_parser::{MessageParser, MimeHeaders};
use std::path::{Path, PathBuf};
use wijkdesk::domain::minutes_export::Lang;
use wijkdesk::domain::report::statement::{html, markdown};
use wijkdesk::mail::{MailConfig, RawMail, send_statement};
use wijkdesk::store::{
    CommitmentFilter, Ctx, NewCommitment, NewOrg, NewSignal, Owner, SignalFilter, Store,
};

const TODAY: &str = "2026-01-15";
const DEMO_ORG: &str = "Bewonersorganisatie Zeeheldenkwartier";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn demo_store(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("demo.db"), Ctx::new("demo", today())).unwrap();
    wijkdesk::demo::load(&mut store, 0).unwrap();
    store
}

fn check_golden(name: &str, actual: &str) {
    support::golden::check(name, actual, "org_statement");
}

#[test]
fn the_demo_organisations_statement_matches_the_golden_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let id = store.resolve_org(DEMO_ORG).unwrap();
    let st = store.statement(id, None).unwrap();
    check_golden(
        "statement_zeeheldenkwartier.md",
        &(markdown(&st, Lang::Nl) + "\n"),
    );
    check_golden(
        "statement_zeeheldenkwartier.en.md",
        &(markdown(&st, Lang::En) + "\n"),
    );
    let page = html(&st, Lang::Nl);
    check_golden("statement_zeeheldenkwartier.html", &page);
    balanced(&page);
}

/// Every element opened is closed, in order (void elements aside).
fn balanced(page: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(name.as_str(), "meta" | "br" | "hr" | "img" | "link") {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "</{name}> out of order"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

/// The same statement through the binary, with the day fixed by WIJKDESK_NOW: what a
/// user gets is exactly the golden file.
#[test]
fn the_command_prints_the_golden_statement_by_name_and_writes_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_store(dir.path()));
    let db = dir.path().join("demo.db");
    let run = |args: &[&str]| {
        Command::cargo_bin("wijkdesk")
            .unwrap()
            .env("WIJKDESK_DB", &db)
            .env("WIJKDESK_NOW", format!("{TODAY}T10:00"))
            .env("WIJKDESK_TODAY", TODAY)
            .env("WIJKDESK_USER", "demo")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path())
            .args(args)
            .assert()
    };
    let out = run(&["org", "statement", "Bewonersorganisatie Zeeheld"]).success();
    let golden = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/statement_zeeheldenkwartier.md"),
    )
    .unwrap();
    let printed = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        printed == golden,
        "{}",
        support::golden::diff(&golden, &printed)
    );

    let page = dir.path().join("overzicht.html");
    run(&[
        "--lang",
        "en",
        "org",
        "statement",
        "O-2",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
    ])
    .success();
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(
        text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{text}"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&page).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // Without [mail] settings --send writes an .eml draft beside the database and the
    // organisation's history says so.
    let sent = run(&["org", "statement", "O-2", "--send"]).success();
    let said = String::from_utf8(sent.get_output().stdout.clone()).unwrap();
    assert!(
        said.starts_with("statement for ") && said.contains("written as a draft: "),
        "{said}"
    );
    let drafts: Vec<_> = std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(
        std::fs::metadata(&drafts[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let eml = std::fs::read(&drafts[0]).unwrap();
    let m = MessageParser::default().parse(&eml[..]).unwrap();
    assert_eq!(
        m.subject(),
        Some("Overzicht voor Bewonersorganisatie Zeeheldenkwartier")
    );
    assert!(m.body_html(0).is_some() && m.body_text(0).is_some());
    let history = run(&["history", "O-2"]).success();
    let history = String::from_utf8(history.get_output().stdout.clone()).unwrap();
    assert!(history.contains("statement"), "{history}");

    let bad = run(&["org", "statement", "Nergenshuizen"]).failure();
    let err = String::from_utf8(bad.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    let bad = run(&["org", "statement", "O-2", "--since", "31 feb"]).failure();
    let err = String::from_utf8(bad.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A small deterministic generator, so a failure names its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const WORDS: &[&str] = &[
    "stoep",
    "café",
    "<b>vet</b>",
    "# kop",
    "a & b",
    "*ster*",
    "[link](x)",
    "Łódź",
    "één",
    "bankje",
    "1. lijst",
    "'quote'",
    "groen",
    "\"aanhaling\"",
    "`code`",
    "spelen",
];

#[test]
fn every_open_signal_and_commitment_of_an_organisation_is_in_its_statement() {
    for seed in [7u64, 99, 2026] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo_store(dir.path());
        let org = store
            .add_org(NewOrg {
                name: format!("Wijkberaad Proef {seed}"),
                ..Default::default()
            })
            .unwrap();
        let service = store.resolve_org("Dienst Stadsbeheer").unwrap();
        let owner = Owner {
            person_id: None,
            org_id: Some(service),
        };
        let mut rng = Rng(seed);
        let title = |rng: &mut Rng| {
            (0..1 + rng.next(5))
                .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        };
        for _ in 0..(3 + rng.next(8)) {
            let received = today() - Duration::days(rng.next(400) as i64);
            let s = store
                .add_signal(NewSignal {
                    title: title(&mut rng),
                    org_id: Some(org.id),
                    received_on: Some(received),
                    ..Default::default()
                })
                .unwrap();
            if rng.next(2) == 0 {
                support::triage_to(&mut store, s.id, owner);
            }
        }
        for _ in 0..(2 + rng.next(6)) {
            store
                .add_commitment(NewCommitment {
                    text: title(&mut rng),
                    org_id: org.id,
                    owner,
                    due: today() + Duration::days(rng.next(60) as i64 - 30),
                    signal_id: None,
                    meeting_id: None,
                    agenda_item_id: None,
                })
                .unwrap();
        }
        // The truth, from the ordinary lists: the open signals and commitments.
        let open_signals = store
            .signals(&SignalFilter {
                org_id: Some(org.id),
                ..Default::default()
            })
            .unwrap();
        let open_commitments = store
            .commitments(&CommitmentFilter {
                org_id: Some(org.id),
                ..Default::default()
            })
            .unwrap();
        assert!(!open_signals.is_empty() && !open_commitments.is_empty());
        // A `since` after all of them leaves none of the open ones out.
        for since in [None, Some(today() + Duration::days(1))] {
            let st = store.statement(org.id, since).unwrap();
            let md = markdown(&st, Lang::En);
            let page = html(&st, Lang::Nl);
            for s in &open_signals {
                let head = format!("### S-{}: ", s.id);
                assert!(
                    md.contains(&head),
                    "seed {seed}, {since:?}: S-{} missing:\n{md}",
                    s.id
                );
                let h3 = format!("<h3>S-{}: {}</h3>", s.id, escape_html(&s.title));
                assert!(page.contains(&h3), "seed {seed}: {h3} missing:\n{page}");
            }
            for c in &open_commitments {
                let h3 = format!("<h3>{}: {}</h3>", c.reference(), escape_html(&c.text));
                assert!(page.contains(&h3), "seed {seed}: {h3} missing:\n{page}");
                assert!(
                    md.contains(&format!("### {}: ", c.reference())),
                    "seed {seed}"
                );
            }
            let heads = md.lines().filter(|l| l.starts_with("### S-")).count();
            let commitment_heads = md.lines().filter(|l| l.starts_with("### C-")).count();
            if since.is_some() {
                // Only open matters are after the day: exactly the lists.
                assert_eq!(heads, open_signals.len(), "seed {seed}");
                assert_eq!(commitment_heads, open_commitments.len(), "seed {seed}");
            }
            // Nothing of another organisation.
            assert!(
                !md.contains("Losse stoeptegels bij de basisschool"),
                "seed {seed}"
            );
        }
    }
}

fn mail_config(port: u16) -> MailConfig {
    MailConfig::from_raw(RawMail {
        from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
        url: Some(format!("smtp://127.0.0.1:{port}")),
        timeout: Some(5),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn send_mails_the_statement_as_text_and_html_and_notes_it_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Ctx::new("anouk", today());
    let mut store = Store::open(&dir.path().join("m.db"), ctx).unwrap();
    let signal = smtp_server::triaged_signal(&mut store, "café één: <losse> tegels");
    let org = store.signal(signal).unwrap().org_id.unwrap();
    let server = smtp_server::Server::start(dir.path(), "plain", &[]);
    let cfg = mail_config(server.port);
    let done = send_statement(&mut store, Some(&cfg), org, None, Lang::Nl).unwrap();
    assert_eq!(done.summary(), "statement sent to bo-duinoord@example.org");
    let (raw, env) = server.received(1);
    assert_eq!(env["rcpt_tos"][0], "bo-duinoord@example.org");
    let m = MessageParser::default().parse(&raw[..]).expect("parses");
    assert_eq!(m.subject(), Some("Overzicht voor Bewonersoverleg Duinoord"));
    let text = m.body_text(0).expect("a text part").replace("\r\n", "\n");
    assert!(
        text.starts_with("# Overzicht voor Bewonersoverleg Duinoord\n"),
        "{text}"
    );
    assert!(
        text.contains("### S-1: café één: \\<losse\\> tegels"),
        "{text}"
    );
    let page = m.body_html(0).expect("an html part");
    assert!(
        page.contains("<h3>S-1: café één: &lt;losse&gt; tegels</h3>"),
        "{page}"
    );
    assert!(!page.to_lowercase().contains("<script"));
    let html_part = m
        .html_part(0)
        .and_then(|p| p.content_type())
        .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or_default()));
    assert_eq!(html_part.as_deref(), Some("text/html"));

    let history = store
        .history(wijkdesk::domain::RecordRef::new(
            wijkdesk::domain::RecordKind::Organisation,
            org,
        ))
        .unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "statement");
    assert_eq!(last.changes["to"][1], "bo-duinoord@example.org");
    assert_eq!(last.changes["statement"][1], "sent");
    assert_eq!(
        last.changes["message_id"][1].as_str(),
        m.message_id(),
        "the history names the message that went out"
    );
}

#[test]
fn a_statement_that_cannot_go_out_says_why_and_notes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("m.db"), Ctx::new("anouk", today())).unwrap();
    let signal = smtp_server::triaged_signal(&mut store, "Bankje");
    let org = store.signal(signal).unwrap().org_id.unwrap();
    let before = store
        .history(wijkdesk::domain::RecordRef::new(
            wijkdesk::domain::RecordKind::Organisation,
            org,
        ))
        .unwrap()
        .len();
    let cfg = mail_config(smtp_server::closed_port());
    let err = send_statement(&mut store, Some(&cfg), org, None, Lang::En).unwrap_err();
    assert!(
        err.to_string().starts_with("the statement was not sent: "),
        "{err}"
    );
    let after = store
        .history(wijkdesk::domain::RecordRef::new(
            wijkdesk::domain::RecordKind::Organisation,
            org,
        ))
        .unwrap()
        .len();
    assert_eq!(before, after);
    // No address at all: refused before anything is built.
    let other = store
        .add_org(NewOrg {
            name: "Wijkberaad Zonder Adres".into(),
            ..Default::default()
        })
        .unwrap();
    let err = send_statement(&mut store, Some(&cfg), other.id, None, Lang::En).unwrap_err();
    assert!(err.to_string().contains("has no e-mail address"), "{err}");
}

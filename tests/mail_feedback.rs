//! Feedback by email through a sendmail-compatible command: a stand-in records what it
//! received and how it was called; feedback is recorded as given only when sending
//! succeeded; without `[mail]` settings an .eml draft is written.

mod support;

use support::smtp_server;

use chrono::NaiveDate;
use std::os::unix::fs::PermissionsExt;
use wijkdesk::mail::{MailConfig, RawMail, send_feedback};
use wijkdesk::store::{Channel, Ctx, MailStatus, NewFeedback, NewPerson, OrgEdit, Store};

fn setup(dir: &tempfile::TempDir) -> (Store, i64) {
    let ctx = Ctx::new("tester", NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
    let mut store = Store::open(&dir.path().join("m.db"), ctx).unwrap();
    let id = smtp_server::triaged_signal(&mut store, "Losse tegels");
    (store, id)
}

fn script(dir: &tempfile::TempDir, body: &str) -> String {
    let path = dir.path().join("fake-sendmail");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn sendmail(command: String) -> MailConfig {
    MailConfig::from_raw(RawMail {
        from: Some("Gemeente <wijk@example.nl>".into()),
        url: Some("sendmail".into()),
        command: Some(command),
        ..Default::default()
    })
    .unwrap()
}

fn fb(text: &str, is_final: bool) -> NewFeedback {
    NewFeedback {
        channel: Channel::Email,
        text: text.into(),
        is_final,
        next_due: None,
    }
}

#[test]
fn sent_feedback_is_recorded_and_the_command_got_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(&dir);
    let received = dir.path().join("received.eml");
    let args = dir.path().join("args");
    // Arguments one per line: lettre passes them without a shell, none is split.
    let cmd = script(
        &dir,
        &format!(
            "printf '%s\\n' \"$@\" > '{}'; cat > '{}'",
            args.display(),
            received.display()
        ),
    );
    let out = send_feedback(
        &mut store,
        Some(&sendmail(cmd)),
        id,
        fb("De tegels zijn gelegd.", true),
        None,
    )
    .unwrap();
    assert_eq!(out.entry.status, MailStatus::Sent, "{}", out.summary());
    assert_eq!(out.signal.unwrap().state.code(), "answered");
    let msg = std::fs::read_to_string(&received).unwrap();
    assert!(msg.contains("To: bo-duinoord@example.org\r\n"), "{msg}");
    assert!(
        msg.contains("From: Gemeente <wijk@example.nl>\r\n"),
        "{msg}"
    );
    assert!(
        msg.contains("Subject: Terugkoppeling S-1: Losse tegels\r\n"),
        "{msg}"
    );
    assert!(msg.contains("De tegels zijn gelegd."));
    let args = std::fs::read_to_string(&args).unwrap();
    assert_eq!(
        args.lines().collect::<Vec<_>>(),
        [
            "-i",
            "-f",
            "wijk@example.nl",
            "--",
            "bo-duinoord@example.org"
        ]
    );
    assert_eq!(store.feedback_of(id).unwrap().len(), 1);
}

#[test]
fn a_failing_mail_command_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(&dir);
    let cmd = script(&dir, "cat > /dev/null; echo 'relay refused' >&2; exit 75");
    let out = send_feedback(
        &mut store,
        Some(&sendmail(cmd)),
        id,
        fb("Wij zijn ermee bezig.", false),
        None,
    )
    .unwrap();
    assert_eq!(out.entry.status, MailStatus::Failed);
    let err = out.entry.error.clone().unwrap();
    assert!(err.contains("relay refused"), "{err}");
    assert!(store.feedback_of(id).unwrap().is_empty());
    assert_eq!(store.signal(id).unwrap().state.code(), "triaged");
    assert_eq!(
        store.outbox(false).unwrap()[0].text,
        "Wij zijn ermee bezig."
    );
}

#[test]
fn without_settings_an_eml_draft_is_written_and_nothing_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(&dir);
    let out = send_feedback(
        &mut store,
        None,
        id,
        fb("Wij zijn ermee bezig.", false),
        None,
    )
    .unwrap();
    assert_eq!(out.entry.status, MailStatus::Draft);
    let path = out.entry.draft_path.clone().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("To: bo-duinoord@example.org"), "{text}");
    assert!(text.contains("X-Unsent: 1"), "{text}");
    assert!(out.signal.is_none());
    assert!(store.feedback_of(id).unwrap().is_empty());
}

#[test]
fn a_refused_step_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(&dir);
    store.add_feedback(id, fb("Klaar.", true), None).unwrap();
    let received = dir.path().join("never.eml");
    let cmd = script(&dir, &format!("cat > '{}'", received.display()));
    let err = send_feedback(
        &mut store,
        Some(&sendmail(cmd)),
        id,
        fb("Nog een keer", true),
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("answered"), "{err}");
    assert!(!received.exists(), "no message left wijkdesk");
    assert!(store.outbox(true).unwrap().is_empty());
}

#[test]
fn without_an_organisation_address_the_contact_person_gets_it_and_erasure_reaches_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = setup(&dir);
    let org_id = store.signal(id).unwrap().org_id.unwrap();
    let org = store.org(org_id).unwrap();
    store
        .edit_org(
            org_id,
            OrgEdit {
                email: Some(String::new()),
                ..Default::default()
            },
            Some(org.version),
        )
        .unwrap();
    let p = store
        .add_person(NewPerson {
            name: "Fatima el Amrani".into(),
            org_id: Some(org_id),
            email: Some("fatima@example.org".into()),
            ..Default::default()
        })
        .unwrap();
    let cmd = script(&dir, "cat > /dev/null; echo 'mailbox full' >&2; exit 75");
    let out = send_feedback(
        &mut store,
        Some(&sendmail(cmd)),
        id,
        fb("Beste Fatima el Amrani, wij zijn ermee bezig.", false),
        None,
    )
    .unwrap();
    assert_eq!(out.entry.to, "fatima@example.org");
    assert_eq!(out.entry.status, MailStatus::Failed);
    store.erase_person(p.id).unwrap();
    let kept = store.outbox_entry(out.entry.id).unwrap();
    assert!(!kept.to.contains("fatima@example.org"), "{kept:?}");
    assert!(!kept.text.contains("Fatima"), "{kept:?}");
}

//! Feedback e-mail from the screens: the popup hands the message to a worker thread
//! and closes at once; the answer (sent, or kept in the outbox) comes back on the
//! status line, and only a sent message is recorded as feedback.

mod support;

use support::smtp_server;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use smtp_server::{Server, closed_port};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use wijkdesk::mail::{MailConfig, RawMail};
use wijkdesk::store::{MailStatus, Store};
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};
use wijkdesk::tui::worker::MailDone;
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;

fn setup(store: &mut Store) -> i64 {
    smtp_server::triaged_signal(store, "Losse tegels bij café één")
}

fn settings(port: u16) -> Settings {
    let mut s = Settings::new(Lang::En, true, false);
    s.loop_cfg.mail = Some(
        MailConfig::from_raw(RawMail {
            from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
            url: Some(format!("smtp://127.0.0.1:{port}")),
            timeout: Some(3),
            ..Default::default()
        })
        .unwrap(),
    );
    s
}

/// Open the feedback popup on the one signal, type the text, tick "email it", save.
fn email_feedback(app: &mut App, text: &str) {
    type_text(app, "/");
    type_text(app, "Losse");
    press(app, KeyCode::Enter);
    type_text(app, "s"); // start the work: interim feedback follows
    type_text(app, "f");
    assert!(
        screen(app, W, H).contains("Feedback on S-"),
        "{:?}",
        app.status()
    );
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    type_text(app, text);
    press(app, KeyCode::Tab); // next due date
    press(app, KeyCode::Tab); // email it
    app.on_key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE));
    let s = screen(app, W, H);
    assert!(s.contains("bo-duinoord@example.org"), "{s}");
    app.on_key(ctrl('s'));
}

/// The app with its sends on a thread, like the screens; answers come back here.
fn threaded(app: &mut App) -> mpsc::Receiver<MailDone> {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    app.set_mail_sink(Arc::new(move |d| {
        let _ = tx.lock().unwrap().send(d);
    }));
    rx
}

#[test]
fn the_popup_sends_on_a_worker_and_records_the_feedback_when_sent() {
    let db = TempDb::new("tui-mail-sent");
    let mut store = db.open();
    let id = setup(&mut store);
    let server = Server::start(&db.dir, "plain", &[]);
    let mut app = App::new(
        &mut store,
        settings(server.port),
        Size {
            width: W,
            height: H,
        },
    );
    let answers = threaded(&mut app);
    email_feedback(&mut app, "We zijn ermee bezig.");
    assert_eq!(app.popup_count(), 0, "the form closes at once");
    let st = app.status().unwrap_or_default().to_string();
    assert!(
        st.contains(&format!("Sending the feedback on S-{id}")),
        "{st}"
    );
    let done = answers
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    app.on_mail(done);
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains("sent by email and recorded"), "{st}");
    assert_eq!(app.store().feedback_of(id).unwrap().len(), 1);
    assert_eq!(server.count(), 1);
}

#[test]
fn a_server_that_is_down_leaves_the_message_in_the_outbox() {
    let db = TempDb::new("tui-mail-down");
    let mut store = db.open();
    let id = setup(&mut store);
    let mut app = App::new(
        &mut store,
        settings(closed_port()),
        Size {
            width: W,
            height: H,
        },
    );
    let answers = threaded(&mut app);
    email_feedback(&mut app, "We zijn ermee bezig.");
    let done = answers
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    app.on_mail(done);
    let st = app.status().unwrap_or_default().to_string();
    assert!(
        st.contains("not sent") && st.contains("mail retry 1"),
        "{st}"
    );
    assert!(app.store().feedback_of(id).unwrap().is_empty());
    let kept = app.store().outbox(false).unwrap();
    assert_eq!(kept[0].status, MailStatus::Failed);
    assert_eq!(kept[0].text, "We zijn ermee bezig.");
}

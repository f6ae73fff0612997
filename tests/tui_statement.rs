//! The statement from the Organisations screen: `O` offers to write it, e-mail it or
//! both; the work is done off the input path and the status line says where it went.

mod support;

use support::smtp_server;

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use wijkdesk::mail::{MailConfig, RawMail};
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::worker::StatementDone;
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;

/// The Organisations screen with `name` selected, and the statement's choices open.
fn open_statement(app: &mut App, name: &str) {
    type_text(app, "4");
    type_text(app, "/");
    type_text(app, name);
    press(app, KeyCode::Enter);
    type_text(app, "O");
    let s = screen(app, W, H);
    assert!(s.contains("Statement for "), "{s}");
    assert!(s.contains("Write it as a page (HTML)"), "{s}");
    assert!(s.contains("E-mail it to the organisation"), "{s}");
}

#[test]
fn o_writes_the_statement_as_a_private_page_and_says_where() {
    let db = TempDb::new("statement-write");
    let mut store = db.demo();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: W,
            height: H,
        },
    );
    open_statement(&mut app, "Zeeheld");
    press(&mut app, KeyCode::Enter);
    let status = app.status().unwrap_or_default().to_string();
    let path = db.dir.join("statements").join("O-2-2026-01-15.html");
    assert_eq!(
        status,
        format!("Statement for O-2: {}", path.display()),
        "{}",
        screen(&app, W, H)
    );
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains("<h1>Statement for Bewonersorganisatie Zeeheldenkwartier</h1>"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let dir_mode = std::fs::metadata(db.dir.join("statements"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(dir_mode & 0o777, 0o700);
}

#[test]
fn both_writes_and_mails_it_on_a_thread_and_the_answer_comes_back() {
    let db = TempDb::new("statement-send");
    let mut store = db.open();
    smtp_server::triaged_signal(&mut store, "Losse tegels bij café één");
    let server = smtp_server::Server::start(&db.dir, "plain", &[]);
    let mut settings = Settings::new(Lang::En, true, false);
    settings.loop_cfg.mail = Some(
        MailConfig::from_raw(RawMail {
            from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
            url: Some(format!("smtp://127.0.0.1:{}", server.port)),
            timeout: Some(5),
            ..Default::default()
        })
        .unwrap(),
    );
    let mut app = App::new(
        &mut store,
        settings,
        Size {
            width: W,
            height: H,
        },
    );
    let (tx, rx) = mpsc::channel::<StatementDone>();
    let tx = Mutex::new(tx);
    app.set_statement_sink(Arc::new(move |done| {
        let _ = tx.lock().unwrap().send(done);
    }));
    open_statement(&mut app, "Duinoord");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    // The key returned at once; the status line says the work is under way.
    assert_eq!(app.status(), Some("Making the statement for O-1…"));
    let done = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the thread answers");
    app.on_statement(done);
    let path = db.dir.join("statements").join("O-1-2026-01-15.html");
    assert_eq!(
        app.status(),
        Some(
            format!(
                "Statement for O-1: {}; statement sent to bo-duinoord@example.org",
                path.display()
            )
            .as_str()
        )
    );
    assert!(path.exists());
    let (raw, _) = server.received(1);
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.contains("Subject: Statement for Bewonersoverleg Duinoord"),
        "{raw}"
    );
    assert!(raw.contains("text/html"), "{raw}");
}

#[test]
fn a_statement_without_an_address_says_why_on_the_status_line() {
    let db = TempDb::new("statement-noaddr");
    let mut store = db.open();
    store
        .add_org(wijkdesk::store::NewOrg {
            name: "Wijkberaad Zonder Adres".into(),
            ..Default::default()
        })
        .unwrap();
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: W,
            height: H,
        },
    );
    open_statement(&mut app, "Zonder");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let status = app.status().unwrap_or_default();
    assert!(
        status.starts_with("Statement for O-1 not done: ") && status.contains("e-mail address"),
        "{status}"
    );
}

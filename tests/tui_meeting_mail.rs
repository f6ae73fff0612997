//! The Meetings screen's cancel and invite keys and the minutes editor's send key,
//! driven in-process: the question (with the reason) before a cancellation, the
//! question naming the recipients before a send, the send on the mail worker, and the
//! answer on the status line. Messages go to a real SMTP server (aiosmtpd).

mod support;

use support::screens::{H, W, shows};

use support::smtp_server;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use mail_parser::{MessageParser, MimeHeaders};
use ratatui::layout::Size;
use smtp_server::Server;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use wijkdesk::domain::meeting::{MeetingEvent, MeetingStatus};
use wijkdesk::mail::{MailConfig, RawMail};
use wijkdesk::store::{NewMeeting, NewOrg, Store};
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};
use wijkdesk::tui::worker::MeetingMailDone;
use wijkdesk::tui::{App, Lang, Settings};

const TO: &str = "bo-duinoord@example.org";

fn settings(port: Option<u16>) -> Settings {
    let mut s = Settings::new(Lang::En, true, false);
    s.loop_cfg.mail = port.map(|port| {
        MailConfig::from_raw(RawMail {
            from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
            url: Some(format!("smtp://127.0.0.1:{port}")),
            timeout: Some(3),
            ..Default::default()
        })
        .unwrap()
    });
    s
}

/// One organisation with an address, invited to one meeting.
fn setup(store: &mut Store) -> i64 {
    let org = store
        .add_org(NewOrg {
            name: "Bewonersoverleg Duinoord".into(),
            email: Some(TO.into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord".into(),
            starts_at: Some(
                NaiveDate::from_ymd_opt(2026, 2, 12)
                    .unwrap()
                    .and_hms_opt(19, 30, 0)
                    .unwrap(),
            ),
            location: Some("Buurthuis".into()),
            org_ids: vec![org],
            ..Default::default()
        })
        .unwrap()
        .id
}

fn app<'a>(store: &'a mut Store, s: Settings) -> App<'a> {
    App::new(
        store,
        s,
        Size {
            width: W,
            height: H,
        },
    )
}

fn status(app: &App) -> String {
    app.status().unwrap_or_default().to_string()
}

#[test]
fn cancel_asks_with_a_reason_and_esc_keeps_the_meeting() {
    let db = TempDb::new("tui-cancel");
    let mut store = db.open();
    let id = setup(&mut store);
    {
        let mut app = app(&mut store, settings(None));
        assert!(app.select_screen("meetings"));
        shows(&app, "Overleg Duinoord");
        type_text(&mut app, "c");
        shows(&app, "Cancel M-1 Overleg Duinoord on 2026-02-12 19:30?");
        shows(&app, "Reason (may be empty):");
        type_text(&mut app, "De zaal is dicht");
        press(&mut app, KeyCode::Esc);
        // A typed reason is not thrown away unasked.
        shows(&app, "Discard what you typed?");
        type_text(&mut app, "y");
        assert_eq!(app.popup_count(), 0);
        assert_eq!(
            app.store().meeting(id).unwrap().status,
            MeetingStatus::Planned
        );

        type_text(&mut app, "c");
        type_text(&mut app, "De zaal is dicht");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
        assert_eq!(status(&app), "M-1 cancelled.");
        shows(&app, "cancelled");
        // A second time: refused at once, with the reason.
        type_text(&mut app, "c");
        assert_eq!(app.popup_count(), 0);
        assert!(
            status(&app).contains("cancelled already"),
            "{}",
            status(&app)
        );
    }
    let m = store.meeting(id).unwrap();
    assert_eq!(m.status, MeetingStatus::Cancelled);
    assert_eq!(m.cancel_reason.as_deref(), Some("De zaal is dicht"));
}

#[test]
fn the_form_refuses_a_start_the_clock_change_skips_or_repeats() {
    let db = TempDb::new("tui-dst");
    let mut store = db.open();
    setup(&mut store);
    let mut app = app(&mut store, settings(None));
    assert!(app.select_screen("meetings"));
    type_text(&mut app, "n");
    shows(&app, "New meeting");
    type_text(&mut app, "Nachtschouw");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2027-03-28 02:30");
    app.on_key(ctrl('s'));
    shows(&app, "2027-03-28 02:30 does not exist in");
    assert_eq!(
        app.popup_count(),
        1,
        "the form stays open with what was typed"
    );
    for _ in 0..16 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-10-31 02:30");
    app.on_key(ctrl('s'));
    shows(&app, "2027-10-31 02:30 happens twice in");
    for _ in 0..16 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-10-31 03:00");
    app.on_key(ctrl('s'));
    shows(&app, "Created M-2");
}

#[test]
fn invite_asks_naming_the_recipients_and_sends_on_the_worker() {
    let db = TempDb::new("tui-invite");
    let mut store = db.open();
    let id = setup(&mut store);
    let server = Server::start(&db.dir, "plain", &[]);
    let mut app = app(&mut store, settings(Some(server.port)));
    let (tx, answers) = mpsc::channel::<MeetingMailDone>();
    let tx = Mutex::new(tx);
    app.set_meeting_mail_sink(Arc::new(move |d| {
        let _ = tx.lock().unwrap().send(d);
    }));
    assert!(app.select_screen("meetings"));
    type_text(&mut app, "i");
    // The question wraps in the popup: each part on its line.
    shows(&app, "E-mail the invitation for M-1 (sequence 0) to");
    shows(&app, &format!("{TO}?"));
    type_text(&mut app, "n");
    assert_eq!(server.count(), 0, "no is no");
    type_text(&mut app, "i");
    type_text(&mut app, "y");
    assert_eq!(app.popup_count(), 0);
    assert_eq!(status(&app), "Sending the invitation for M-1…");
    let done = answers
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    app.on_meeting_mail(done);
    assert_eq!(status(&app), "M-1 invitation: 1 sent");
    assert_eq!(server.count(), 1);
    let (raw, _) = server.received(1);
    let m = MessageParser::default().parse(&raw).unwrap();
    let cal = m
        .parts
        .iter()
        .find(|p| {
            p.content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
        })
        .expect("a calendar part");
    assert_eq!(
        cal.content_type().unwrap().attribute("method"),
        Some("REQUEST")
    );
    assert_eq!(app.store().meeting(id).unwrap().invited_sequence, Some(0));
}

#[test]
fn the_minutes_editor_sends_final_minutes_only() {
    let db = TempDb::new("tui-minutes-send");
    let mut store = db.open();
    let id = setup(&mut store);
    store.set_now(Some(
        NaiveDate::from_ymd_opt(2026, 2, 12)
            .unwrap()
            .and_hms_opt(22, 0, 0)
            .unwrap(),
    ));
    store.meeting_step(id, MeetingEvent::Hold, None).unwrap();
    store
        .add_minute(id, None, "D: De schouw gaat door op 3 maart")
        .unwrap();
    let server = Server::start(&db.dir, "plain", &[]);
    {
        let mut app = app(&mut store, settings(Some(server.port)));
        assert!(app.select_screen("meetings"));
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.popup_count(), 1, "the minutes editor");
        press(&mut app, KeyCode::Up); // from the input line to the lines
        type_text(&mut app, "M");
        assert!(
            status(&app).contains("Only final minutes are sent: M-1 is held"),
            "{}",
            status(&app)
        );
        assert_eq!(app.popup_count(), 1);
    }
    store
        .meeting_step(id, MeetingEvent::Finalise, None)
        .unwrap();
    let mut app = app(&mut store, settings(Some(server.port)));
    assert!(app.select_screen("meetings"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "M");
    shows(&app, "E-mail the minutes of M-1 to");
    shows(&app, &format!("{TO}?"));
    type_text(&mut app, "y");
    // No worker in tests unless one is set: it sends in place.
    assert_eq!(status(&app), "M-1 minutes: 1 sent");
    let (raw, _) = server.received(1);
    let m = MessageParser::default().parse(&raw).unwrap();
    assert!(
        m.body_text(0)
            .unwrap()
            .contains("De schouw gaat door op 3 maart")
    );
    assert_eq!(m.attachments().count(), 1);
}

//! Invitations and a cancellation from the real binary in a real terminal: tmux runs
//! `wijkdesk` with `[mail]` settings pointing at a real SMTP server (aiosmtpd). `i` on
//! the Meetings screen asks, sends on the mail worker and reports on the status line;
//! `c` asks with a reason and cancels; `i` then sends the cancellation. The server
//! received exactly those messages. Waits for screen text with a timeout, never a
//! fixed sleep.

mod support;

use support::smtp_server;

use mail_parser::{MessageParser, MimeHeaders};
use smtp_server::Server;
use support::e2e::*;

fn method(server: &Server, n: usize) -> String {
    let (raw, _) = server.received(n);
    let m = MessageParser::default().parse(&raw).unwrap();
    m.parts
        .iter()
        .find_map(|p| {
            p.content_type()
                .filter(|c| c.subtype() == Some("calendar"))
                .and_then(|c| c.attribute("method"))
                .map(String::from)
        })
        .expect("a calendar part")
}

#[test]
fn invite_cancel_and_send_the_cancellation_from_the_meetings_screen() {
    let tmux = Tmux::new("meeting-mail");
    let home = fresh_home("meeting-mail");
    let server = Server::start(&home, "plain", &[]);
    let db = home.join("mail.db");
    wijkdesk_ok(&db, &home, &["init"]);
    wijkdesk_ok(
        &db,
        &home,
        &[
            "org",
            "add",
            "--name",
            "Bewonersoverleg Duinoord",
            "--email",
            "bo-duinoord@example.org",
        ],
    );
    wijkdesk_ok(
        &db,
        &home,
        &[
            "meeting",
            "add",
            "--title",
            "Overleg Duinoord",
            "--start",
            "2030-02-12T19:30",
            "--org",
            "Duinoord",
        ],
    );
    let config = home.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[mail]\nfrom = \"Gemeente Den Haag <wijkzaken@denhaag.example>\"\n\
             url = \"smtp://127.0.0.1:{}\"\ntimeout = 5\n",
            server.port
        ),
    )
    .unwrap();
    let command = format!(
        "env LANG=C LC_ALL= WIJKDESK_CONFIG={} WIJKDESK_DRAFTS={} {} --db {}",
        quote(&config),
        quote(&home.join("drafts")),
        quote(&bin()),
        quote(&db)
    );
    tmux.start(120, 40, &command);
    meetings_screen(&tmux);
    tmux.wait_for("Meetings (1)", 10);

    tmux.text("i");
    tmux.wait_for("E-mail the invitation for M-1 (sequence 0) to", 10);
    tmux.text("y");
    tmux.wait_for("M-1 invitation: 1 sent", 20);
    assert_eq!(server.count(), 1);
    assert_eq!(method(&server, 1), "REQUEST");

    tmux.text("c");
    tmux.wait_for("Cancel M-1 Overleg Duinoord on 2030-02-12 19:30?", 10);
    tmux.text("De zaal is dicht");
    tmux.keys(&["Enter"]);
    tmux.wait_for("M-1 cancelled. Press i to send the cancellation", 10);
    tmux.text("i");
    tmux.wait_for("E-mail the cancellation for M-1 (sequence 1) to", 10);
    tmux.text("y");
    tmux.wait_for("M-1 cancellation: 1 sent", 20);
    assert_eq!(server.count(), 2);
    assert_eq!(method(&server, 2), "CANCEL");
    tmux.text("q");

    let show = wijkdesk_ok(&db, &home, &["meeting", "show", "M-1"]);
    assert!(show.contains("sent with sequence 1"), "{show}");
    assert!(show.contains("De zaal is dicht"), "{show}");
    let _ = std::fs::remove_dir_all(&home);
}

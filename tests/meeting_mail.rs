//! Meeting mail against a real SMTP server (aiosmtpd, tests/support/smtp_server.py):
//! invitations, their update after a change, the cancellation, and the final minutes.
//! Every received message is read back by independent parsers (mail-parser for the
//! message, the icalendar crate for its calendar part) and compared field by field.

mod support;

use support::smtp_server;

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::parser::{Component as Parsed, read_calendar, unfold};
use mail_parser::{Message, MessageParser, MimeHeaders};
use smtp_server::{Server, closed_port};
use support::TempDb;
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::minutes_export::Lang;
use wijkdesk::mail::{MailConfig, RawMail, retry};
use wijkdesk::meeting_mail::{invite, send_minutes};
use wijkdesk::store::{MailKind, MailStatus, MeetingEdit, NewMeeting, NewOrg, NewPerson, Store};

const FROM: &str = "wijkzaken@denhaag.example";
const DUINOORD: &str = "bo-duinoord@example.org";
const ZEEHELD: &str = "secretaris@zeeheld.example";

fn config(port: u16) -> MailConfig {
    MailConfig::from_raw(RawMail {
        from: Some(format!("Gemeente Den Haag <{FROM}>")),
        url: Some(format!("smtp://127.0.0.1:{port}")),
        timeout: Some(3),
        ..Default::default()
    })
    .unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
}

struct Fixture {
    store: Store,
    meeting: i64,
    duinoord: i64,
    zeeheld: i64,
}

/// Three organisations invited: one with its own address, one reached through its
/// contact person, one without any address. A chair from the municipality.
fn fixture(db: &TempDb) -> Fixture {
    let mut store = db.open("anouk");
    let duinoord = store
        .add_org(NewOrg {
            name: "Bewonersoverleg Duinoord".into(),
            email: Some(DUINOORD.into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let zeeheld = store
        .add_org(NewOrg {
            name: "Wijkberaad Zeeheld, \"Zee\"".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    store
        .add_person(NewPerson {
            name: "Fatima Zeeheld".into(),
            org_id: Some(zeeheld),
            email: Some(ZEEHELD.into()),
            ..Default::default()
        })
        .unwrap();
    let silent = store
        .add_org(NewOrg {
            name: "Huurdersvereniging Stil".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let chair = store
        .add_person(NewPerson {
            name: "Anouk de Vries".into(),
            username: Some("anouk".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let meeting = store
        .add_meeting(NewMeeting {
            title: "Overleg Duinoord; verkeer".into(),
            starts_at: Some(at(2026, 2, 12, 19, 30)),
            ends_at: Some(at(2026, 2, 12, 21, 30)),
            location: Some("Buurthuis De Boog, zaal 2".into()),
            org_ids: vec![duinoord, zeeheld, silent],
            chair_id: Some(chair),
            agenda: vec!["Opening".into(), "Verkeer Valkenboskade".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    Fixture {
        store,
        meeting,
        duinoord,
        zeeheld,
    }
}

/// The received messages, by recipient.
fn received(server: &Server, from: usize, n: usize) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = (from..from + n)
        .map(|i| {
            let (raw, env) = server.received(i);
            (env["rcpt_tos"][0].as_str().unwrap().to_string(), raw)
        })
        .collect();
    out.sort();
    out
}

/// The calendar part of a message: its method parameter and its text.
fn calendar_part(m: &Message<'_>) -> (String, String) {
    let part = m
        .parts
        .iter()
        .find(|p| {
            p.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("a text/calendar part");
    let method = part
        .content_type()
        .and_then(|c| c.attribute("method"))
        .expect("method=")
        .to_string();
    (method, part.text_contents().expect("text").to_string())
}

fn prop<'a>(c: &'a Parsed<'a>, name: &str) -> &'a str {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("{} has no {name}", c.name.as_str()))
        .val
        .as_str()
}

fn param<'a>(c: &'a Parsed<'a>, name: &str, key: &str) -> Option<&'a str> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key.as_str() == key)
        .and_then(|p| p.val.as_ref().map(|v| v.as_str()))
}

/// What the calendar part says, read by the icalendar crate's parser.
#[derive(Debug, PartialEq)]
struct Invitation {
    method: String,
    uid: String,
    sequence: String,
    status: String,
    organizer: String,
    organizer_cn: String,
    attendees: Vec<String>,
    start: String,
    tzid: String,
    has_last_modified: bool,
    has_dtstamp: bool,
}

fn read_invitation(text: &str) -> Invitation {
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).expect("a valid iCalendar object");
    let root = Parsed {
        name: "VCALENDAR".into(),
        properties: cal.properties.clone(),
        components: vec![],
    };
    let events: Vec<&Parsed> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1, "one event per invitation");
    let e = events[0];
    let mut attendees: Vec<String> = e
        .properties
        .iter()
        .filter(|p| p.name.as_str() == "ATTENDEE")
        .map(|p| p.val.as_str().to_string())
        .collect();
    attendees.sort();
    Invitation {
        method: prop(&root, "METHOD").to_string(),
        uid: prop(e, "UID").to_string(),
        sequence: prop(e, "SEQUENCE").to_string(),
        status: prop(e, "STATUS").to_string(),
        organizer: e
            .find_prop("ORGANIZER")
            .map(|p| p.val.as_str().to_string())
            .unwrap_or_default(),
        organizer_cn: param(e, "ORGANIZER", "CN").unwrap_or_default().to_string(),
        attendees,
        start: prop(e, "DTSTART").to_string(),
        tzid: param(e, "DTSTART", "TZID").unwrap_or_default().to_string(),
        has_last_modified: e.find_prop("LAST-MODIFIED").is_some(),
        has_dtstamp: e.find_prop("DTSTAMP").is_some(),
    }
}

/// The n messages received from `from` on, each parsed and checked as an invitation
/// to its recipient; returns the calendar as read from each, in recipient order.
fn check_round(server: &Server, from: usize, subject_word: &str) -> Vec<Invitation> {
    let msgs = received(server, from, 2);
    let rcpts: Vec<&str> = msgs.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        rcpts,
        vec![DUINOORD, ZEEHELD],
        "one message per organisation"
    );
    msgs.iter()
        .map(|(rcpt, raw)| {
            let m = MessageParser::default().parse(raw).expect("parses");
            assert_eq!(
                m.from().and_then(|a| a.first()).and_then(|a| a.address()),
                Some(FROM)
            );
            assert_eq!(
                m.to().and_then(|a| a.first()).and_then(|a| a.address()),
                Some(rcpt.as_str())
            );
            let subject = m.subject().unwrap_or_default();
            assert!(
                subject.starts_with(&format!("{subject_word}: Overleg Duinoord; verkeer (")),
                "{subject}"
            );
            let text = m.body_text(0).expect("a readable text part");
            assert!(text.contains("Buurthuis De Boog, zaal 2"), "{text}");
            let (method, cal) = calendar_part(&m);
            let inv = read_invitation(&cal);
            assert_eq!(inv.method, method, "the part's method= matches METHOD");
            inv
        })
        .collect()
}

#[test]
fn invitation_update_and_cancellation_reach_each_organisation() {
    let db = TempDb::new();
    let dir = db.dir.path().to_path_buf();
    let server = Server::start(&dir, "plain", &[]);
    let cfg = config(server.port);
    let mut f = fixture(&db);
    let id = f.meeting;
    let installation = f.store.installation_id().unwrap();
    let uid = format!("M-{id}.{installation}@wijkdesk");

    // 1. The invitation.
    let r = invite(&mut f.store, Some(&cfg), id, None, Lang::Nl).unwrap();
    assert_eq!(r.kind, MailKind::Invite);
    assert!(r.all_sent(), "{:?}", r.lines());
    assert_eq!(r.skipped, vec!["O-3 Huurdersvereniging Stil".to_string()]);
    assert_eq!(server.count(), 2);
    let first = check_round(&server, 1, "Uitnodiging");
    let expected = |sequence: &str, method: &str, status: &str, start: &str| Invitation {
        method: method.into(),
        uid: uid.clone(),
        sequence: sequence.into(),
        status: status.into(),
        organizer: format!("mailto:{FROM}"),
        organizer_cn: "Anouk de Vries".into(),
        attendees: vec![format!("mailto:{DUINOORD}"), format!("mailto:{ZEEHELD}")],
        start: start.into(),
        tzid: "Europe/Amsterdam".into(),
        has_last_modified: true,
        has_dtstamp: true,
    };
    for inv in &first {
        assert_eq!(
            *inv,
            expected("0", "REQUEST", "CONFIRMED", "20260212T193000")
        );
    }

    // 2. Moved: the update carries a higher SEQUENCE under the same UID.
    f.store
        .edit_meeting(
            id,
            MeetingEdit {
                starts_at: Some(at(2026, 2, 12, 20, 0)),
                ends_at: Some(Some(at(2026, 2, 12, 22, 0))),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let m = f.store.meeting(id).unwrap();
    assert_eq!((m.sequence, m.invited_sequence), (1, Some(0)));
    let r = invite(&mut f.store, Some(&cfg), id, None, Lang::Nl).unwrap();
    assert!(r.all_sent(), "{:?}", r.lines());
    for inv in check_round(&server, 3, "Gewijzigd") {
        assert_eq!(
            inv,
            expected("1", "REQUEST", "CONFIRMED", "20260212T200000")
        );
    }

    // 3. A title change alone is not a calendar change: no new SEQUENCE.
    f.store
        .edit_meeting(
            id,
            MeetingEdit {
                title: Some("Overleg Duinoord; verkeer".into()),
                kind: Some("wijkoverleg".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(f.store.meeting(id).unwrap().sequence, 1);

    // 4. Cancelled: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE up again.
    f.store
        .cancel_meeting(id, Some("De zaal is niet beschikbaar"), None)
        .unwrap();
    let r = invite(&mut f.store, Some(&cfg), id, None, Lang::Nl).unwrap();
    assert_eq!(r.kind, MailKind::Cancel);
    assert!(r.all_sent(), "{:?}", r.lines());
    for inv in check_round(&server, 5, "Afgelast") {
        assert_eq!(inv, expected("2", "CANCEL", "CANCELLED", "20260212T200000"));
    }
    let (raw, _) = server.received(5);
    let m = MessageParser::default().parse(&raw).unwrap();
    assert!(
        m.body_text(0)
            .unwrap()
            .contains("De zaal is niet beschikbaar")
    );

    // The meeting remembers what went out, and its history names each message.
    let m = f.store.meeting(id).unwrap();
    assert_eq!((m.sequence, m.invited_sequence), (2, Some(2)));
    let history = serde_json::to_string(&f.store.history(m.reference()).unwrap()).unwrap();
    for needle in [
        format!("invitation to {DUINOORD}"),
        format!("invitation to {ZEEHELD}"),
        format!("cancellation to {ZEEHELD}"),
        "sent, sequence 0".to_string(),
        "sent, sequence 1".to_string(),
        "sent, sequence 2".to_string(),
        "De zaal is niet beschikbaar".to_string(),
    ] {
        assert!(history.contains(&needle), "{needle} not in {history}");
    }
    let kinds: Vec<MailKind> = f
        .store
        .meeting_mail(id)
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds.len(), 6);
    assert_eq!(kinds[4..], [MailKind::Cancel, MailKind::Cancel]);
    let _ = (f.duinoord, f.zeeheld);
}

#[test]
fn the_uid_is_stable_across_exports_and_differs_between_databases() {
    let a = TempDb::new();
    let b = TempDb::new();
    let mut fa = fixture(&a);
    let fb = fixture(&b);
    let uids = |s: &Store| -> Vec<String> {
        s.meetings_for_ics(None)
            .unwrap()
            .into_iter()
            .map(|e| e.uid)
            .collect()
    };
    let first = uids(&fa.store);
    fa.store
        .edit_meeting(
            fa.meeting,
            MeetingEdit {
                location: Some("Elders".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(first, uids(&fa.store), "an edit keeps the UID");
    drop(fa);
    let reopened = a.open("someone");
    assert_eq!(first, uids(&reopened), "reopening keeps the UID");
    assert_eq!(first.len(), 1);
    assert_ne!(first, uids(&fb.store), "another database, another UID");
    // Both are the same meeting number: only the installation id tells them apart.
    assert!(first[0].starts_with("M-1.") && uids(&fb.store)[0].starts_with("M-1."));
}

#[test]
fn minutes_go_to_the_organisations_that_attended_once_final() {
    let db = TempDb::new();
    let dir = db.dir.path().to_path_buf();
    let server = Server::start(&dir, "plain", &[]);
    let cfg = config(server.port);
    let mut f = fixture(&db);
    let id = f.meeting;

    let err = send_minutes(&mut f.store, Some(&cfg), id, None, Lang::Nl)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("M-1 is planned") && err.contains("finalise"),
        "{err}"
    );
    f.store.set_now(Some(at(2026, 2, 12, 22, 0)));
    f.store.meeting_step(id, MeetingEvent::Hold, None).unwrap();
    f.store
        .add_minute(id, None, "D: De schouw gaat door op 3 maart")
        .unwrap();
    let err = send_minutes(&mut f.store, Some(&cfg), id, None, Lang::Nl)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("M-1 is held") && err.contains("finalise it first"),
        "{err}"
    );
    assert_eq!(
        server.count(),
        0,
        "nothing sent before the minutes are final"
    );

    // Zeeheld stayed away; the third organisation has no address.
    f.store
        .set_attendance(id, f.zeeheld, Some(false), None)
        .unwrap();
    f.store
        .set_attendance(id, f.duinoord, Some(true), None)
        .unwrap();
    f.store
        .meeting_step(id, MeetingEvent::Finalise, None)
        .unwrap();
    let r = send_minutes(&mut f.store, Some(&cfg), id, None, Lang::Nl).unwrap();
    assert!(r.all_sent(), "{:?}", r.lines());
    assert_eq!(r.entries.len(), 1);
    assert_eq!(r.skipped, vec!["O-3 Huurdersvereniging Stil".to_string()]);
    assert_eq!(server.count(), 1);

    let md = f.store.minutes_markdown(id, Lang::Nl).unwrap();
    assert!(md.contains("De schouw gaat door op 3 maart"));
    let (raw, env) = server.received(1);
    assert_eq!(env["rcpt_tos"][0], DUINOORD);
    let m = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        m.subject(),
        Some("Verslag: Overleg Duinoord; verkeer (12-02-2026 19:30)")
    );
    assert_eq!(
        m.body_text(0).unwrap().replace("\r\n", "\n").trim_end(),
        md.trim_end()
    );
    let text_part = m.part(m.text_body[0]).unwrap();
    assert_eq!(text_part.content_type().unwrap().subtype(), Some("plain"));
    let att: Vec<_> = m.attachments().collect();
    assert_eq!(att.len(), 1);
    assert_eq!(att[0].attachment_name(), Some("verslag-M-1-2026-02-12.md"));
    let ct = att[0].content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("markdown")));
    assert_eq!(
        String::from_utf8_lossy(att[0].contents()).replace("\r\n", "\n"),
        md
    );
    let history = serde_json::to_string(
        &f.store
            .history(f.store.meeting(id).unwrap().reference())
            .unwrap(),
    )
    .unwrap();
    assert!(
        history.contains(&format!("minutes to {DUINOORD}")),
        "{history}"
    );
}

#[test]
fn an_unreachable_server_keeps_the_invitation_for_a_retry() {
    let db = TempDb::new();
    let mut f = fixture(&db);
    let id = f.meeting;
    let down = config(closed_port());
    let r = invite(&mut f.store, Some(&down), id, None, Lang::En).unwrap();
    assert!(!r.all_sent());
    assert!(
        r.entries.iter().all(|e| e.status == MailStatus::Failed),
        "{:?}",
        r.lines()
    );
    assert_eq!(f.store.meeting(id).unwrap().invited_sequence, None);
    let outbox = f.store.outbox(false).unwrap();
    assert_eq!(outbox.len(), 2);

    let server = Server::start(db.dir.path(), "plain", &[]);
    let up = config(server.port);
    for e in outbox {
        let r = retry(&mut f.store, Some(&up), e.id).unwrap();
        assert!(r.ok(), "{}", r.summary());
    }
    let inv = check_round(&server, 1, "Invitation");
    assert_eq!(inv[0].method, "REQUEST");
    assert_eq!(inv[0].sequence, "0");
    assert_eq!(f.store.meeting(id).unwrap().invited_sequence, Some(0));
    assert!(f.store.outbox(false).unwrap().is_empty());
}

#[test]
fn without_mail_settings_invitations_are_drafts_beside_the_database() {
    let db = TempDb::new();
    let mut f = fixture(&db);
    let r = invite(&mut f.store, None, f.meeting, None, Lang::Nl).unwrap();
    assert!(r.entries.iter().all(|e| e.status == MailStatus::Draft));
    let headline = r.headline();
    let drafts = db.dir.path().join("drafts");
    assert!(
        headline.contains(&drafts.display().to_string()),
        "{headline}"
    );
    for e in &r.entries {
        let raw = std::fs::read(e.draft_path.as_deref().unwrap()).unwrap();
        let m = MessageParser::default().parse(&raw).unwrap();
        let (method, cal) = calendar_part(&m);
        assert_eq!(method, "REQUEST");
        let inv = read_invitation(&cal);
        assert_eq!(inv.sequence, "0");
        // No mailbox configured: no ORGANIZER to name.
        assert!(!cal.contains("ORGANIZER"));
    }
    assert_eq!(
        f.store.meeting(f.meeting).unwrap().invited_sequence,
        Some(0)
    );
}

#[test]
fn erasing_a_contact_person_reaches_the_invitations_kept_in_the_outbox() {
    let db = TempDb::new();
    let mut f = fixture(&db);
    invite(&mut f.store, None, f.meeting, None, Lang::Nl).unwrap();
    let kept = |s: &Store| -> String {
        s.meeting_mail(f.meeting)
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.to,
                    e.text,
                    e.calendar.clone().unwrap_or_default()
                )
            })
            .collect()
    };
    assert!(kept(&f.store).contains(ZEEHELD));
    let fatima = f
        .store
        .people("Fatima", None, 5)
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
        .id;
    f.store.erase_person(fatima).unwrap();
    let after = kept(&f.store);
    assert!(!after.contains(ZEEHELD), "{after}");
    assert!(after.contains(DUINOORD), "only her address goes");
}

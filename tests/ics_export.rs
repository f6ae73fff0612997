//! The iCalendar export, read back with an independent parser (the `icalendar` crate):
//! the fields, the time zone, escaping, and folding at 75 octets.

mod support;

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::parser::{Component as Parsed, read_calendar, unfold};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use support::{TempDb, day0, residents};
use wijkdesk::domain::ics;
use wijkdesk::domain::meeting::MeetingEvent;
use wijkdesk::domain::minutes_export::Lang;
use wijkdesk::store::{NewMeeting, Store};

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_hms_opt(h, m, 0).unwrap()
}

const TRICKY_TITLE: &str = "Overleg Duinoord; verkeer, groen \\ één 🙂";
const LONG_ITEM: &str = "Herinrichting van de Frederik Hendrikplaats: wat kan wel en wat kan niet, \
     en leg uit waarom — café-terrassen, fietsparkeren en de ‘groene loper’ 🌳🚲";

struct Exported {
    _db: TempDb,
    ids: (i64, i64),
    installation: String,
    text: String,
}

fn export() -> Exported {
    let db = TempDb::new();
    let mut store: Store = db.open("tester");
    let org = residents(&mut store, "Bewonersoverleg Duinoord, Segbroek").id;
    let planned = store
        .add_meeting(NewMeeting {
            title: TRICKY_TITLE.into(),
            kind: Some("wijkoverleg".into()),
            // Summer time: CEST.
            starts_at: Some(at(NaiveDate::from_ymd_opt(2026, 6, 3).unwrap(), 19, 30)),
            location: Some("Buurthuis; zaal 2, achterom".into()),
            org_ids: vec![org],
            agenda: vec!["Opening".into(), LONG_ITEM.into(), "Rondvraag".into()],
            ..Default::default()
        })
        .unwrap()
        .id;
    let held = store
        .add_meeting(NewMeeting {
            title: "Schouw".into(),
            // Winter time: CET, with an end.
            starts_at: Some(at(day0() + chrono::Duration::days(60), 10, 0)),
            ends_at: Some(at(day0() + chrono::Duration::days(60), 11, 15)),
            ..Default::default()
        })
        .unwrap()
        .id;
    // Held once it is over (a meeting is not held before it starts).
    store.set_now(Some(at(day0() + chrono::Duration::days(60), 11, 15)));
    store.meeting_step(held, MeetingEvent::Hold, None).unwrap();
    let events = store.meetings_for_ics(None).unwrap();
    let stamp = Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap();
    Exported {
        _db: db,
        ids: (planned, held),
        installation: store.installation_id().unwrap(),
        text: ics::calendar(&events, stamp, Lang::Nl),
    }
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

#[test]
fn the_export_parses_back_with_its_fields() {
    let e = export();
    let unfolded = unfold(&e.text);
    let cal = read_calendar(&unfolded).expect("a valid iCalendar file");
    let root = Parsed {
        name: "VCALENDAR".into(),
        properties: cal.properties.clone(),
        components: vec![],
    };
    assert_eq!(prop(&root, "VERSION"), "2.0");
    assert!(prop(&root, "PRODID").starts_with("-//wijkdesk//"));

    let tz = cal
        .components
        .iter()
        .find(|c| c.name.as_str() == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(prop(tz, "TZID"), "Europe/Amsterdam");
    let rule = |kind: &str| {
        let c = tz
            .components
            .iter()
            .find(|c| c.name.as_str() == kind)
            .unwrap();
        (
            prop(c, "TZOFFSETFROM").to_string(),
            prop(c, "TZOFFSETTO").to_string(),
            prop(c, "RRULE").to_string(),
        )
    };
    assert_eq!(
        rule("DAYLIGHT"),
        (
            "+0100".into(),
            "+0200".into(),
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into()
        )
    );
    assert_eq!(
        rule("STANDARD"),
        (
            "+0200".into(),
            "+0100".into(),
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into()
        )
    );

    let events: Vec<&Parsed> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), 2);
    // Ordered by start: the held winter meeting first.
    let (held, planned) = (events[0], events[1]);
    assert_eq!(
        prop(planned, "UID"),
        format!("M-{}.{}@wijkdesk", e.ids.0, e.installation)
    );
    assert_eq!(
        prop(held, "UID"),
        format!("M-{}.{}@wijkdesk", e.ids.1, e.installation)
    );
    assert_eq!(prop(planned, "DTSTAMP"), "20260115T080000Z");
    assert_eq!(prop(planned, "DTSTART"), "20260603T193000");
    assert_eq!(param(planned, "DTSTART", "TZID"), Some("Europe/Amsterdam"));
    assert_eq!(
        prop(planned, "DTEND"),
        "20260603T213000",
        "no end: two hours"
    );
    assert_eq!(param(planned, "DTEND", "TZID"), Some("Europe/Amsterdam"));
    assert_eq!(prop(held, "DTSTART"), "20241130T100000");
    assert_eq!(prop(held, "DTEND"), "20241130T111500");
    assert_eq!(
        prop(planned, "SUMMARY"),
        TRICKY_TITLE,
        "escaped text comes back unchanged"
    );
    assert_eq!(prop(planned, "LOCATION"), "Buurthuis; zaal 2, achterom");
    assert_eq!(
        prop(planned, "DESCRIPTION"),
        format!(
            "Agenda:\n1. Opening\n2. {LONG_ITEM}\n3. Rondvraag\n\nOrganisaties: Bewonersoverleg Duinoord, Segbroek"
        )
    );
    assert_eq!(prop(planned, "STATUS"), "CONFIRMED");
    assert_eq!(prop(held, "STATUS"), "CONFIRMED");
    assert_eq!(
        prop(held, "SEQUENCE"),
        "1",
        "held: changed once since it was planned"
    );
    assert!(held.find_prop("LOCATION").is_none(), "no empty LOCATION");
}

#[test]
fn the_high_level_parser_reads_times_with_their_zone() {
    let e = export();
    let cal: icalendar::Calendar = e.text.parse().expect("parses");
    let events: Vec<&icalendar::Event> = cal.events().collect();
    assert_eq!(events.len(), 2);
    let planned = events
        .iter()
        .find(|ev| ev.get_uid() == Some(&format!("M-{}.{}@wijkdesk", e.ids.0, e.installation)))
        .unwrap();
    assert_eq!(planned.get_summary(), Some(TRICKY_TITLE));
    assert_eq!(
        planned.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: at(NaiveDate::from_ymd_opt(2026, 6, 3).unwrap(), 19, 30),
            tzid: "Europe/Amsterdam".into(),
        }))
    );
    assert_eq!(planned.get_status(), Some(EventStatus::Confirmed));
    assert_eq!(
        planned.get_timestamp(),
        Some(Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap())
    );
}

#[test]
fn lines_are_folded_at_75_octets_with_crlf_and_survive_unfolding() {
    let e = export();
    assert!(e.text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !e.text.replace("\r\n", "").contains(['\r', '\n']),
        "every line ends in CRLF, nothing else"
    );
    let lines: Vec<&str> = e.text.split_terminator("\r\n").collect();
    let mut continuations = 0;
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.len() <= 75,
            "line {} has {} octets: {line:?}",
            i + 1,
            line.len()
        );
        if line.starts_with(' ') {
            continuations += 1;
            assert!(i > 0);
        } else {
            assert!(
                line.contains(':') || line.contains(';'),
                "line {} is neither a property nor a continuation: {line:?}",
                i + 1
            );
        }
    }
    assert!(continuations >= 3, "the long description is folded");
    // Multi-byte text (é, ‘’, emoji) comes back byte for byte after unfolding.
    let unfolded = ics::unfold(&e.text);
    let description = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("DESCRIPTION:") && l.contains("Frederik"))
        .unwrap();
    let value = ics::unescape_text(&description["DESCRIPTION:".len()..]);
    assert!(value.contains(LONG_ITEM), "{value}");
    let summary = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("SUMMARY:Overleg"))
        .unwrap();
    assert_eq!(
        ics::unescape_text(&summary["SUMMARY:".len()..]),
        TRICKY_TITLE
    );
    // Our unfolding and the parser's agree.
    assert_eq!(unfolded, unfold(&e.text));
}

#[test]
fn the_demo_calendar_parses_and_starts_from_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(
        &dir.path().join("demo.db"),
        wijkdesk::store::Ctx::new("demo", NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()),
    )
    .unwrap();
    wijkdesk::demo::load(&mut store, 0).unwrap();
    let stamp = Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap();
    let all = ics::calendar(&store.meetings_for_ics(None).unwrap(), stamp, Lang::Nl);
    let cal: icalendar::Calendar = all.parse().unwrap();
    assert_eq!(cal.events().count(), store.meetings(1000).unwrap().len());
    let from = ics::calendar(
        &store
            .meetings_for_ics(Some(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()))
            .unwrap(),
        stamp,
        Lang::Nl,
    );
    let cal: icalendar::Calendar = from.parse().unwrap();
    let planned = store
        .meetings(1000)
        .unwrap()
        .into_iter()
        .filter(|m| m.starts_at.date() >= NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())
        .count();
    assert_eq!(cal.events().count(), planned);
    assert!(planned > 0);
    for line in all.split_terminator("\r\n") {
        assert!(line.len() <= 75);
    }
}

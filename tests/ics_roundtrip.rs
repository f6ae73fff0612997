//! Property: whatever text a meeting holds, the calendar an independent parser reads
//! back from the export holds the same text, and every line stays within 75 octets.

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Component, EventLike};
use proptest::prelude::*;
use wijkdesk::domain::ics::{IcsEvent, calendar};
use wijkdesk::domain::meeting::MeetingStatus;
use wijkdesk::domain::minutes_export::Lang;

/// One line of text as the store keeps it: no control characters, trimmed (the store
/// trims locations; calendars trim values too).
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => any::<char>().prop_filter("no controls", |c| !c.is_control()),
            1 => prop::sample::select(vec!['\\', ';', ',', ':', '"', 'é', '€', '🙂', '‘', ' ']),
        ],
        1..120,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>().trim().to_string())
    .prop_filter("not empty", |s| !s.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn text_survives_export_and_parsing(title in text(), location in text(), item in text()) {
        let event = IcsEvent {
            id: 42,
            title: title.clone(),
            kind: "overleg".into(),
            starts_at: NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap(),
            ends_at: None,
            location: location.clone(),
            status: MeetingStatus::Planned,
            agenda: vec![item.clone()],
            orgs: vec![],
            sequence: 0,
            uid: wijkdesk::domain::ics::uid(42, "5f0c3a4e-2b1d-4e6f-8a9b-0c1d2e3f4a5b"),
            organizer: None,
            attendees: vec![],
            last_modified: None,
            cancel_reason: None,
        };
        let stamp = Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap();
        let ics = calendar(&[event], stamp, Lang::En);
        for line in ics.split_terminator("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let cal: icalendar::Calendar = ics.parse().map_err(TestCaseError::fail)?;
        let events: Vec<&icalendar::Event> = cal.events().collect();
        prop_assert_eq!(events.len(), 1);
        prop_assert_eq!(events[0].get_summary(), Some(title.as_str()));
        prop_assert_eq!(events[0].get_location(), Some(location.as_str()));
        let expected_description = format!("Agenda:\n1. {item}");
        prop_assert_eq!(events[0].get_description(), Some(expected_description.as_str()));
        prop_assert_eq!(events[0].get_uid(), Some("M-42.5f0c3a4e-2b1d-4e6f-8a9b-0c1d2e3f4a5b@wijkdesk"));
        prop_assert!(events[0].get_end().is_some());
    }
}

//! Meetings as an iCalendar file (RFC 5545) that Outlook and Thunderbird import.
//!
//! Pure: the store gathers [`IcsEvent`]s, [`calendar`] writes the file and
//! [`invitation`] an iTIP message (RFC 5546: REQUEST or CANCEL) for e-mail. Times are
//! local wall-clock times in Europe/Amsterdam, written with a `TZID` and the zone's
//! own definition (CET/CEST), so a calendar elsewhere shows them right. Text values
//! are escaped, content lines end in CRLF and are folded at 75 octets without
//! splitting a UTF-8 character.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use super::meeting::MeetingStatus;
use super::minutes_export::Lang;

/// The time zone every meeting time is in.
pub const TZID: &str = "Europe/Amsterdam";

/// A content line holds at most this many octets, CRLF not counted.
pub const MAX_LINE_OCTETS: usize = 75;

/// How long a meeting without an end is taken to last.
pub const DEFAULT_LENGTH_HOURS: i64 = 2;

/// One meeting as the calendar needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsEvent {
    pub id: i64,
    pub title: String,
    pub kind: String,
    /// Local time in Europe/Amsterdam.
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub location: String,
    pub status: MeetingStatus,
    /// Agenda item titles, in order.
    pub agenda: Vec<String>,
    /// Names of the organisations invited.
    pub orgs: Vec<String>,
    /// Increases with every change, so a calendar that imports again updates the event.
    pub sequence: i64,
    /// See [`uid`]: the same for this meeting in every export, unique across databases.
    pub uid: String,
    /// The configured mailbox, with the chair's name; None without `[mail]` settings.
    pub organizer: Option<Party>,
    /// The invited organisations that have an e-mail address.
    pub attendees: Vec<Party>,
    /// The meeting's last change.
    pub last_modified: Option<DateTime<Utc>>,
    /// Why it was cancelled, when it was.
    pub cancel_reason: Option<String>,
}

/// Someone in the calendar: a name and an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub email: String,
}

/// `M-<id>.<installation id>@wijkdesk`: the installation id is random and made once
/// per database, so the UID is stable across exports and never shared with a meeting of
/// another database.
pub fn uid(meeting_id: i64, installation: &str) -> String {
    format!("M-{meeting_id}.{installation}@wijkdesk")
}

/// What an iCalendar object is for (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A calendar to import or subscribe to.
    Publish,
    /// An invitation, or an update of one (a higher SEQUENCE).
    Request,
    /// The meeting is called off.
    Cancel,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }

    /// The method a meeting's invitation is sent with now.
    pub fn for_status(s: MeetingStatus) -> Method {
        if s == MeetingStatus::Cancelled {
            Method::Cancel
        } else {
            Method::Request
        }
    }
}

impl IcsEvent {
    /// The end, or two hours after the start when there is none (or it is not after the start).
    pub fn end(&self) -> NaiveDateTime {
        match self.ends_at {
            Some(end) if end > self.starts_at => end,
            _ => self.starts_at + Duration::hours(DEFAULT_LENGTH_HOURS),
        }
    }
}

/// The Europe/Amsterdam zone: CEST from the last Sunday of March at 02:00, CET from
/// the last Sunday of October at 03:00 (the EU rules since 1996).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The whole calendar: one VEVENT per meeting. `stamp` is the moment of export
/// (DTSTAMP, in UTC).
pub fn calendar(events: &[IcsEvent], stamp: DateTime<Utc>, lang: Lang) -> String {
    write(Method::Publish, events, stamp, lang)
}

/// One meeting as an iTIP message to e-mail: `Request` invites (again, when the
/// SEQUENCE rose), `Cancel` calls it off.
pub fn invitation(event: &IcsEvent, method: Method, stamp: DateTime<Utc>, lang: Lang) -> String {
    write(method, std::slice::from_ref(event), stamp, lang)
}

fn write(method: Method, events: &[IcsEvent], stamp: DateTime<Utc>, lang: Lang) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        format!(
            "PRODID:-//wijkdesk//wijkdesk {}//{}",
            env!("CARGO_PKG_VERSION"),
            match lang {
                Lang::En => "EN",
                Lang::Nl => "NL",
            }
        ),
        "VERSION:2.0".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("METHOD:{}", method.code()),
        format!(
            "X-WR-CALNAME:{}",
            escape_text(match lang {
                Lang::En => "wijkdesk meetings",
                Lang::Nl => "wijkdesk overleggen",
            })
        ),
        format!("X-WR-TIMEZONE:{TZID}"),
    ];
    lines.extend(VTIMEZONE.iter().map(|l| l.to_string()));
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", e.uid));
        lines.push(format!("DTSTAMP:{dtstamp}"));
        if let Some(t) = e.last_modified {
            lines.push(format!("LAST-MODIFIED:{}", t.format("%Y%m%dT%H%M%SZ")));
        }
        lines.push(format!("SEQUENCE:{}", e.sequence.max(0)));
        if let Some(o) = &e.organizer {
            lines.push(format!(
                "ORGANIZER;CN={}:mailto:{}",
                param(&o.name),
                o.email
            ));
        }
        for a in &e.attendees {
            // Replies go to the organizer's mailbox, where staff read them.
            lines.push(format!(
                "ATTENDEE;CN={};CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
                param(&a.name),
                a.email
            ));
        }
        lines.push(format!("DTSTART;TZID={TZID}:{}", local(e.starts_at)));
        lines.push(format!("DTEND;TZID={TZID}:{}", local(e.end())));
        lines.push(format!("SUMMARY:{}", escape_text(&e.title)));
        if !e.location.trim().is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(e.location.trim())));
        }
        let description = description(e, lang);
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        }
        if !e.kind.trim().is_empty() {
            lines.push(format!("CATEGORIES:{}", escape_text(e.kind.trim())));
        }
        let cancelled = method == Method::Cancel || e.status == MeetingStatus::Cancelled;
        lines.push(format!(
            "STATUS:{}",
            if cancelled {
                "CANCELLED"
            } else {
                status(e.status)
            }
        ));
        lines.push("TRANSP:OPAQUE".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold_line(line));
        out.push_str("\r\n");
    }
    out
}

/// A planned meeting is as confirmed as a held one (wijkdesk has no tentative
/// meetings); a cancelled one says so.
pub fn status(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned | MeetingStatus::Held | MeetingStatus::Final => "CONFIRMED",
        MeetingStatus::Cancelled => "CANCELLED",
    }
}

/// A parameter value (a CN): quoted, since names hold `,` `;` `:`; a double quote and
/// control characters cannot stand in one and are left out (RFC 5545 3.1).
fn param(s: &str) -> String {
    let clean: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    format!("\"{}\"", clean.trim())
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// Why it was cancelled (when it was), the agenda, numbered, then the organisations
/// invited.
pub fn description(e: &IcsEvent, lang: Lang) -> String {
    let mut out = String::new();
    if e.status == MeetingStatus::Cancelled {
        out.push_str(match lang {
            Lang::En => "Cancelled",
            Lang::Nl => "Afgelast",
        });
        match e.cancel_reason.as_deref().map(str::trim) {
            Some(r) if !r.is_empty() => {
                let _ = write!(out, ": {r}");
            }
            _ => out.push('.'),
        }
    }
    let agenda: Vec<&str> = e
        .agenda
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if !agenda.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str("Agenda:");
        for (i, item) in agenda.iter().enumerate() {
            let _ = write!(out, "\n{}. {item}", i + 1);
        }
    }
    let orgs: Vec<&str> = e
        .orgs
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .collect();
    if !orgs.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(match lang {
            Lang::En => "Organisations: ",
            Lang::Nl => "Organisaties: ",
        });
        out.push_str(&orgs.join(", "));
    }
    out
}

/// A TEXT value (RFC 5545 3.3.11): `\`, `;` and `,` escaped, a line break as `\n`.
/// CRLF and a lone CR count as one line break; other control characters are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The inverse of [`escape_text`]: `\\`, `\;`, `\,`, `\n` and `\N`; any other
/// backslash is kept as it is.
pub fn unescape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\\') => out.push('\\'),
            Some(';') => out.push(';'),
            Some(',') => out.push(','),
            Some('n' | 'N') => out.push('\n'),
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

/// Fold one content line: at most 75 octets per physical line, a continuation
/// starting with a space (which counts), never inside a UTF-8 character. The parts
/// are joined with CRLF; no CRLF at the end.
pub fn fold_line(line: &str) -> String {
    if line.len() <= MAX_LINE_OCTETS {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // A continuation line's leading space is one of its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out
}

/// Fold every content line of an unfolded iCalendar text (the inverse of [`unfold`]).
pub fn fold_all(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 70 * 3);
    for line in text.split_terminator("\r\n") {
        out.push_str(&fold_line(line));
        out.push_str("\r\n");
    }
    out
}

/// Undo folding: a CRLF (or LF) followed by a space or tab is removed.
pub fn unfold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut start = 0;
    while i < bytes.len() {
        let brk = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else if bytes[i] == b'\n' {
            1
        } else {
            0
        };
        if brk > 0 && matches!(bytes.get(i + brk), Some(b' ' | b'\t')) {
            out.push_str(&s[start..i]);
            i += brk + 1;
            start = i;
        } else {
            i += brk.max(1);
        }
    }
    out.push_str(&s[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use proptest::prelude::*;

    fn event() -> IcsEvent {
        IcsEvent {
            id: 7,
            title: "Overleg Duinoord; verkeer, groen".into(),
            kind: "wijkoverleg".into(),
            starts_at: NaiveDate::from_ymd_opt(2026, 3, 29)
                .unwrap()
                .and_hms_opt(19, 30, 0)
                .unwrap(),
            ends_at: None,
            location: "Wijkcentrum \\ zaal 2".into(),
            status: MeetingStatus::Planned,
            agenda: vec!["Opening".into(), "Rondvraag".into()],
            orgs: vec!["Duinoord".into()],
            sequence: 2,
            uid: uid(7, "0b6f3c1e-1d2a-4c3b-9e8f-123456789abc"),
            organizer: Some(Party {
                name: "Anouk de Vries, wijkregisseur".into(),
                email: "wijkzaken@denhaag.example".into(),
            }),
            attendees: vec![Party {
                name: "Bewonersoverleg \"Duinoord\"".into(),
                email: "bo@example.org".into(),
            }],
            last_modified: Some(Utc.with_ymd_and_hms(2026, 1, 14, 16, 0, 0).unwrap()),
            cancel_reason: None,
        }
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 15, 9, 5, 0).unwrap()
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        assert_eq!(escape_text("x\r\ny\rz"), "x\\ny\\nz");
        assert_eq!(escape_text("bell\x07 esc\x1b[0m"), "bell esc[0m");
        assert_eq!(escape_text("tab\there"), "tab\there");
        assert_eq!(escape_text("één 🙂: \"quoted\""), "één 🙂: \"quoted\"");
    }

    #[test]
    fn unescapes_text_values() {
        assert_eq!(unescape_text("a\\\\b\\;c\\,d\\ne\\Nf"), "a\\b;c,d\ne\nf");
        assert_eq!(
            unescape_text("odd \\x and trailing \\"),
            "odd \\x and trailing \\"
        );
    }

    #[test]
    fn short_lines_are_not_folded() {
        let l = "x".repeat(75);
        assert_eq!(fold_line(&l), l);
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let l = "y".repeat(200);
        let folded = fold_line(&l);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(parts[0].len(), 75);
        assert!(
            parts[1..]
                .iter()
                .all(|p| p.starts_with(' ') && p.len() <= 75)
        );
        assert_eq!(parts[1].len(), 75);
        assert_eq!(unfold(&folded), l);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // 'é' is two octets and '🙂' four: an odd offset forces a cut before them.
        let l = format!("D:{}", "é🙂".repeat(40));
        let folded = fold_line(&l);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        assert_eq!(unfold(&folded), l);
    }

    #[test]
    fn fold_all_is_the_inverse_of_unfold() {
        let ics = calendar(&[event()], stamp(), Lang::Nl);
        assert_ne!(unfold(&ics), ics, "the example has folded lines");
        assert_eq!(fold_all(&unfold(&ics)), ics);
    }

    #[test]
    fn unfold_handles_lf_and_tab_continuations() {
        assert_eq!(unfold("ab\r\n cd\n\tef\r\ngh"), "abcdef\r\ngh");
    }

    #[test]
    fn calendar_has_the_required_parts() {
        let ics = calendar(&[event()], stamp(), Lang::Nl);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for needle in [
            "VERSION:2.0\r\n",
            "PRODID:-//wijkdesk//",
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
            "METHOD:PUBLISH\r\n",
            "UID:M-7.0b6f3c1e-1d2a-4c3b-9e8f-123456789abc@wijkdesk\r\n",
            "LAST-MODIFIED:20260114T160000Z\r\n",
            "ORGANIZER;CN=\"Anouk de Vries, wijkregisseur\":mailto:wijkzaken@denhaag.example\r\n",
            "DTSTAMP:20260115T090500Z\r\n",
            "DTSTART;TZID=Europe/Amsterdam:20260329T193000\r\n",
            // No end: two hours.
            "DTEND;TZID=Europe/Amsterdam:20260329T213000\r\n",
            "SUMMARY:Overleg Duinoord\\; verkeer\\, groen\r\n",
            "LOCATION:Wijkcentrum \\\\ zaal 2\r\n",
            "DESCRIPTION:Agenda:\\n1. Opening\\n2. Rondvraag\\n\\nOrganisaties: Duinoord\r\n",
            "STATUS:CONFIRMED\r\n",
            "SEQUENCE:2\r\n",
        ] {
            assert!(
                unfold(&ics).contains(needle),
                "missing {needle:?} in\n{ics}"
            );
        }
        // Every line break is CRLF.
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn an_invitation_is_a_request_and_a_cancelled_meeting_a_cancel() {
        let e = event();
        let req = invitation(&e, Method::Request, stamp(), Lang::En);
        assert!(req.contains("\r\nMETHOD:REQUEST\r\n"));
        assert!(req.contains("\r\nSTATUS:CONFIRMED\r\n"));
        let unfolded = unfold(&req);
        assert!(
            unfolded.contains(
                "\r\nATTENDEE;CN=\"Bewonersoverleg Duinoord\";CUTYPE=GROUP;ROLE=REQ-PARTICIPANT;\
                 PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bo@example.org\r\n"
            ),
            "{unfolded}"
        );
        let mut c = e.clone();
        c.status = MeetingStatus::Cancelled;
        c.sequence = 3;
        c.cancel_reason = Some("zaal onder water".into());
        assert_eq!(Method::for_status(c.status), Method::Cancel);
        let cancel = invitation(&c, Method::Cancel, stamp(), Lang::Nl);
        for needle in [
            "\r\nMETHOD:CANCEL\r\n",
            "\r\nSTATUS:CANCELLED\r\n",
            "\r\nSEQUENCE:3\r\n",
            "\r\nDESCRIPTION:Afgelast: zaal onder water\\n\\nAgenda:",
        ] {
            assert!(cancel.contains(needle), "missing {needle:?} in\n{cancel}");
        }
        // The same meeting exported as a calendar says it is cancelled too.
        assert!(calendar(&[c], stamp(), Lang::En).contains("\r\nSTATUS:CANCELLED\r\n"));
    }

    #[test]
    fn without_an_organizer_and_attendees_those_lines_are_left_out() {
        let mut e = event();
        e.organizer = None;
        e.attendees.clear();
        e.last_modified = None;
        let ics = calendar(&[e], stamp(), Lang::En);
        assert!(!ics.contains("ORGANIZER"));
        assert!(!ics.contains("ATTENDEE"));
        assert!(!ics.contains("LAST-MODIFIED"));
    }

    #[test]
    fn an_end_before_the_start_falls_back_to_two_hours() {
        let mut e = event();
        e.ends_at = Some(e.starts_at);
        assert_eq!(e.end(), e.starts_at + Duration::hours(2));
        e.ends_at = Some(e.starts_at + Duration::minutes(90));
        assert_eq!(e.end(), e.starts_at + Duration::minutes(90));
    }

    #[test]
    fn empty_location_and_description_are_left_out() {
        let mut e = event();
        e.location = " ".into();
        e.agenda.clear();
        e.orgs.clear();
        let ics = calendar(&[e], stamp(), Lang::En);
        assert!(!ics.contains("\r\nLOCATION:"));
        assert!(!ics.contains("\r\nDESCRIPTION:"));
        assert!(ics.contains("PRODID:-//wijkdesk//wijkdesk "));
    }

    /// Text without CR or control characters other than line feed and tab.
    fn plain_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                any::<char>().prop_filter("no controls", |c| !c.is_control()),
                Just('\n'),
                Just('\t'),
                Just('\\'),
                Just(';'),
                Just(','),
                Just('é'),
                Just('🙂'),
            ],
            0..200,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn escape_round_trips(s in plain_text()) {
            let escaped = escape_text(&s);
            prop_assert!(!escaped.contains('\n') && !escaped.contains('\r'));
            prop_assert_eq!(unescape_text(&escaped), s);
        }

        #[test]
        fn fold_round_trips_and_respects_the_limit(s in plain_text()) {
            let line = format!("DESCRIPTION:{}", escape_text(&s));
            let folded = fold_line(&line);
            for (i, part) in folded.split("\r\n").enumerate() {
                prop_assert!(part.len() <= MAX_LINE_OCTETS, "{} octets", part.len());
                if i > 0 {
                    prop_assert!(part.starts_with(' '));
                }
            }
            prop_assert_eq!(unfold(&folded), line);
        }

        #[test]
        fn escape_never_panics_on_any_text(s in any::<String>()) {
            let folded = fold_line(&escape_text(&s));
            prop_assert!(folded.split("\r\n").all(|p| p.len() <= MAX_LINE_OCTETS));
        }
    }
}

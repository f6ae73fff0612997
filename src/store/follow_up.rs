//! A follow-up meeting: the next meeting of the same circle (same organisations,
//! chair, minute-taker, location and kind), its agenda filled with the standard items
//! and everything still open with these organisations, as preparation finds it.

use super::meetings::{self, AgendaItem, Meeting, NewMeeting};
use super::prepare::{PrepSection, agenda_title, prepare};
use super::{Result, Store, audit, invalid};
use crate::domain::Problem;
use crate::domain::minutes_export::{Lang, long_date};
use chrono::NaiveDateTime;
use serde::Serialize;

/// The meeting made, and its agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub meeting: Meeting,
    /// The meeting it follows up.
    pub follows: i64,
    pub agenda: Vec<AgendaItem>,
    /// How many of the agenda items are open matters carried over.
    pub carried: usize,
}

/// The standard items, in the language the agenda is written in.
struct Standard {
    opening: &'static str,
    carried: &'static str,
    other_business: &'static str,
}

const NL: Standard = Standard {
    opening: "Opening en verslag vorige vergadering",
    carried: "Wat nog openstaat: toezeggingen, acties, vragen en terugkoppeling",
    other_business: "Rondvraag",
};

const EN: Standard = Standard {
    opening: "Opening and minutes of the previous meeting",
    carried: "Carried over: open commitments, actions, questions and feedback",
    other_business: "Any other business",
};

/// The agenda of a follow-up: opening and previous minutes, what is carried over, the
/// open matters one per item, any other business.
fn standard_agenda(previous: &Meeting, carried: Vec<String>, lang: Lang) -> Vec<String> {
    let w = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    let mut out = vec![
        format!(
            "{} ({}, {})",
            w.opening,
            previous.reference(),
            long_date(previous.starts_at.date(), lang)
        ),
        w.carried.to_string(),
    ];
    out.extend(carried);
    out.push(w.other_business.to_string());
    out
}

impl Store {
    /// Plan the next meeting after `from`: the same title, kind, location, district,
    /// organisations, chair and minute-taker, starting at `starts_at`. Its agenda holds
    /// the standard items (in `lang`) and every open commitment, open action,
    /// unanswered question and signal owing feedback by its day, with these
    /// organisations. Refused when it would not start after the meeting it follows, or
    /// at a time the clock change skips or repeats.
    pub fn follow_up_meeting(
        &mut self,
        from: i64,
        starts_at: NaiveDateTime,
        ends_at: Option<NaiveDateTime>,
        lang: Lang,
    ) -> Result<FollowUp> {
        self.write(|tx, ctx| {
            let previous = meetings::get(tx, from)?;
            if starts_at <= previous.starts_at {
                return Err(invalid(Problem::FollowUpTooEarly {
                    previous: previous.reference().to_string(),
                    starts_at: previous.starts_at,
                }));
            }
            let orgs = meetings::meeting_orgs(tx, from)?;
            let meeting = meetings::insert(
                tx,
                ctx,
                NewMeeting {
                    title: previous.title.clone(),
                    kind: Some(previous.kind.clone()),
                    starts_at: Some(starts_at),
                    ends_at,
                    location: Some(previous.location.clone()),
                    district: previous.district.clone(),
                    org_ids: orgs.iter().map(|o| o.org_id).collect(),
                    chair_id: previous.chair_id,
                    minute_taker_id: previous.minute_taker_id,
                    agenda: Vec::new(),
                },
            )?;
            let prep = prepare(tx, meeting.id, ctx.today)?;
            let carried: Vec<String> = prep
                .entries()
                .into_iter()
                .filter(|e| e.section != PrepSection::Signal)
                .map(|e| agenda_title(&e.label, &e.text))
                .collect();
            let count = carried.len();
            let mut agenda = Vec::new();
            let mut changes = serde_json::Map::new();
            changes.insert(
                "follow-up of".into(),
                serde_json::json!([null, previous.reference().to_string()]),
            );
            for title in standard_agenda(&previous, carried, lang) {
                let item = meetings::append_agenda_item(tx, meeting.id, &title)?;
                changes.insert(meetings::agenda_label(&item), "added".into());
                agenda.push(item);
            }
            audit::log(tx, ctx, meeting.reference(), "agenda", changes.into())?;
            audit::log(
                tx,
                ctx,
                previous.reference(),
                "follow-up",
                serde_json::json!({ "follow-up": [null, meeting.reference().to_string()] }),
            )?;
            Ok(FollowUp {
                meeting: meetings::get(tx, meeting.id)?,
                follows: previous.id,
                agenda,
                carried: count,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::MeetingStatus;
    use chrono::NaiveDate;

    fn previous() -> Meeting {
        Meeting {
            id: 3,
            title: "Overleg".into(),
            kind: "overleg".into(),
            starts_at: NaiveDate::from_ymd_opt(2026, 12, 4)
                .unwrap()
                .and_hms_opt(19, 30, 0)
                .unwrap(),
            ends_at: None,
            location: String::new(),
            district: None,
            status: MeetingStatus::Held,
            chair_id: None,
            minute_taker_id: None,
            version: 1,
            sequence: 0,
            cancelled_at: None,
            cancel_reason: None,
            invited_sequence: None,
            updated_at: String::new(),
        }
    }

    #[test]
    fn the_standard_items_frame_what_is_carried_over() {
        let nl = standard_agenda(&previous(), vec!["C-4 Lampen".into()], Lang::Nl);
        assert_eq!(
            nl,
            [
                "Opening en verslag vorige vergadering (M-3, vrijdag 4 december 2026)",
                NL.carried,
                "C-4 Lampen",
                "Rondvraag"
            ]
        );
        let en = standard_agenda(&previous(), Vec::new(), Lang::En);
        assert_eq!(en.len(), 3);
        assert!(en[0].starts_with("Opening and minutes of the previous meeting (M-3, Friday"));
        assert_eq!(en[2], "Any other business");
    }
}

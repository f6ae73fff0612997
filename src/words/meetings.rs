//! Meetings, their agenda items and minutes lines, invitations and the outbox.

use super::Lang;
use super::names::entry_kind;
use crate::domain::Problem;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::NotOnList { who, meeting } => {
            if en {
                format!("{who} is not on the list of {meeting}")
            } else {
                format!("{who} staat niet op de lijst van {meeting}")
            }
        }
        P::AgendaItemMissing { item } => {
            if en {
                format!("agenda item {item} does not exist")
            } else {
                format!("agendapunt {item} bestaat niet")
            }
        }
        P::AgendaItemHasLines {
            position,
            title,
            lines,
        } => {
            if en {
                format!(
                    "agenda item {position} \"{title}\" has {lines} minutes line{}; move {} to another item first",
                    if *lines == 1 { "" } else { "s" },
                    if *lines == 1 { "it" } else { "them" }
                )
            } else {
                format!(
                    "agendapunt {position} \"{title}\" heeft {lines} notulenregel{}; verplaats {} eerst naar een ander punt",
                    if *lines == 1 { "" } else { "s" },
                    if *lines == 1 { "die" } else { "ze" }
                )
            }
        }
        P::AgendaItemIsSource {
            position,
            title,
            records,
        } => {
            if en {
                format!(
                    "agenda item {position} \"{title}\" is where {} came from; it stays",
                    records.join(", ")
                )
            } else {
                format!(
                    "agendapunt {position} \"{title}\" is waar {} vandaan kwam; het blijft",
                    records.join(", ")
                )
            }
        }
        P::EmptyLine => {
            if en {
                "an empty line is not stored".into()
            } else {
                "een lege regel wordt niet opgeslagen".into()
            }
        }
        P::AgendaItemNotInMeeting { item, meeting } => {
            if en {
                format!("agenda item {item} is not part of {meeting}")
            } else {
                format!("agendapunt {item} hoort niet bij {meeting}")
            }
        }
        P::MinutesLineMissing { id } => {
            if en {
                format!("minutes line {id} does not exist")
            } else {
                format!("notulenregel {id} bestaat niet")
            }
        }
        P::LineCannotBeEmptied => {
            if en {
                "a minutes line cannot be emptied; delete it instead".into()
            } else {
                "een notulenregel kan niet leeggemaakt worden; verwijder hem in plaats daarvan"
                    .into()
            }
        }
        P::LineKeepsKind { record, kind } => {
            if en {
                format!(
                    "this line created {record} and stays {} line (keep its prefix); to change {record}, \
                     change the record itself",
                    entry_kind(*kind, l)
                )
            } else {
                format!(
                    "deze regel maakte {record} aan en blijft een regel voor {} (houd het voorvoegsel); \
                     wijzig {record} zelf om het te veranderen",
                    entry_kind(*kind, l)
                )
            }
        }
        P::NoSuchLine { meeting, position } => {
            if en {
                format!("{meeting} has no line {position}")
            } else {
                format!("{meeting} heeft geen regel {position}")
            }
        }
        P::NotAQuestion {
            position,
            meeting,
            kind,
        } => {
            if en {
                format!(
                    "line {position} of {meeting} is {}, not a question",
                    entry_kind(*kind, l)
                )
            } else {
                format!(
                    "regel {position} van {meeting} is {}, geen vraag",
                    entry_kind(*kind, l)
                )
            }
        }
        P::MeetingNeedsStart => {
            if en {
                "a meeting needs a start, e.g. --start \"vr 19:30\"".into()
            } else {
                "een overleg heeft een begin nodig, bijv. --start \"vr 19:30\"".into()
            }
        }
        P::EndsBeforeStart { end, start, would } => {
            let (e, s) = if *would {
                (
                    end.format("%Y-%m-%dT%H:%M").to_string(),
                    start.format("%Y-%m-%dT%H:%M").to_string(),
                )
            } else {
                (end.to_string(), start.to_string())
            };
            match (would, en) {
                (false, true) => format!("the meeting ends ({e}) before it starts ({s})"),
                (true, true) => format!("the meeting would end ({e}) before it starts ({s})"),
                (false, false) => format!("het overleg eindigt ({e}) voordat het begint ({s})"),
                (true, false) => format!("het overleg zou eindigen ({e}) voordat het begint ({s})"),
            }
        }
        P::NotInvited { org, meeting } => {
            if en {
                format!("{org} is not invited to {meeting}")
            } else {
                format!("{org} is niet uitgenodigd voor {meeting}")
            }
        }
        P::AddedAndRemoved { org, meeting } => {
            if en {
                format!("{org} is both added to and removed from {meeting}")
            } else {
                format!("{org} wordt bij {meeting} zowel toegevoegd als weggehaald")
            }
        }
        P::OutboxMissing { id } => {
            if en {
                format!("outbox message {id} does not exist")
            } else {
                format!("uitgaand bericht {id} bestaat niet")
            }
        }
        P::OutboxNotFeedback { id } => {
            if en {
                format!("outbox message {id} is not feedback")
            } else {
                format!("uitgaand bericht {id} is geen terugkoppeling")
            }
        }
        _ => unreachable!("meetings::problem is called for its own problems only"),
    }
}

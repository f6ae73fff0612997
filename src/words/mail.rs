//! Feedback, statements, invitations and minutes that cannot be sent.

use super::Lang;
use super::names::meeting_status;
use crate::domain::Problem;
use crate::domain::meeting::MeetingStatus;

pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::FeedbackNoOrg { signal } => {
            if en {
                format!("{signal} has no organisation to send feedback to")
            } else {
                format!("{signal} heeft geen organisatie om terugkoppeling naar te sturen")
            }
        }
        P::FeedbackNoAddress { org } => {
            if en {
                format!(
                    "{org} has no e-mail address, nor a contact person with one; add one or give feedback another way"
                )
            } else {
                format!(
                    "{org} heeft geen e-mailadres, en ook geen contactpersoon met een e-mailadres; vul er een in of koppel op een andere manier terug"
                )
            }
        }
        P::OutboxSentAlready { id } => {
            if en {
                format!("outbox message {id} was sent already")
            } else {
                format!("uitgaand bericht {id} is al verstuurd")
            }
        }
        P::StatementNoAddress { org, reference } => {
            if en {
                format!(
                    "{org} has no e-mail address, nor a contact person with one; add one (wijkdesk org edit {reference} --email …)"
                )
            } else {
                format!(
                    "{org} heeft geen e-mailadres, en ook geen contactpersoon met een e-mailadres; vul er een in (wijkdesk org edit {reference} --email …)"
                )
            }
        }
        P::StatementNotSent { error } => {
            if en {
                format!("the statement was not sent: {error}")
            } else {
                format!("het overzicht is niet verstuurd: {error}")
            }
        }
        P::InvitationAfterMeeting { meeting, status } => {
            if en {
                format!(
                    "{meeting} took place already ({}): invitations are for planned meetings",
                    status.code()
                )
            } else {
                format!(
                    "{meeting} heeft al plaatsgevonden ({}): uitnodigingen zijn voor geplande overleggen",
                    meeting_status(*status, l)
                )
            }
        }
        P::NoInvitee {
            meeting,
            without_address,
        } => match (without_address.is_empty(), en) {
            (true, true) => format!(
                "{meeting} has no organisation invited; add one first (wijkdesk meeting edit {meeting} --add-org NAME)"
            ),
            (false, true) => format!(
                "{meeting}: no invited organisation has an e-mail address, nor a contact person with one ({}); add one first",
                without_address.join(", ")
            ),
            (true, false) => format!(
                "{meeting} heeft geen organisatie uitgenodigd; nodig er eerst een uit (wijkdesk meeting edit {meeting} --add-org NAAM)"
            ),
            (false, false) => format!(
                "{meeting}: geen uitgenodigde organisatie heeft een e-mailadres, en ook geen contactpersoon met een e-mailadres ({}); vul er eerst een in",
                without_address.join(", ")
            ),
        },
        P::MinutesNotFinal { meeting, status } => {
            let r = meeting;
            let how = match (status, en) {
                (MeetingStatus::Planned, true) => format!(
                    "mark it held and finalise it first (wijkdesk meeting hold {r}, wijkdesk meeting finalise {r})"
                ),
                (MeetingStatus::Held, true) => {
                    format!("finalise it first (wijkdesk meeting finalise {r})")
                }
                (_, true) => "a cancelled meeting has no minutes".to_string(),
                (MeetingStatus::Planned, false) => format!(
                    "markeer het eerst als gehouden en maak het definitief (wijkdesk meeting hold {r}, wijkdesk meeting finalise {r})"
                ),
                (MeetingStatus::Held, false) => {
                    format!("maak het eerst definitief (wijkdesk meeting finalise {r})")
                }
                (_, false) => "een afgelast overleg heeft geen notulen".to_string(),
            };
            if en {
                format!(
                    "{r} is {}: only final minutes are sent; {how}",
                    status.code()
                )
            } else {
                format!(
                    "{r} is {}: alleen definitieve notulen worden verstuurd; {how}",
                    meeting_status(*status, l)
                )
            }
        }
        P::NoMinutesRecipient {
            meeting,
            without_address,
        } => match (without_address.is_empty(), en) {
            (true, true) => format!(
                "{meeting}: no organisation attended; mark attendance first (wijkdesk meeting attend {meeting})"
            ),
            (false, true) => format!(
                "{meeting}: no organisation that attended has an e-mail address ({}); add one first",
                without_address.join(", ")
            ),
            (true, false) => format!(
                "{meeting}: er was geen organisatie aanwezig; leg eerst de aanwezigheid vast (wijkdesk meeting attend {meeting})"
            ),
            (false, false) => format!(
                "{meeting}: geen aanwezige organisatie heeft een e-mailadres ({}); vul er eerst een in",
                without_address.join(", ")
            ),
        },
        _ => unreachable!("mail::problem is called for mail problems only"),
    }
}

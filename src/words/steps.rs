//! Refused steps of the workflows (signals, actions, commitments, meetings), a required
//! field, a clock time that does not exist, and who may own a signal.

use super::names::{
    action_state_nl, commitment_state_nl, commitment_verb_nl, field, meeting_status, meeting_verb,
    signal_state, signal_verb_nl, signal_why, who_may_own,
};
use super::{Lang, capital};
use crate::domain::Problem;
use crate::domain::action::ActionEvent;
use crate::domain::problem::ClockChange;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::Required { field: f } => {
            if en {
                format!("{} is required and may not be empty", field(*f, l))
            } else {
                format!(
                    "{} is verplicht en mag niet leeg zijn",
                    capital(field(*f, l))
                )
            }
        }
        P::SignalStep { state, event } => {
            let why = signal_why(*state, *event, l);
            if en {
                format!(
                    "cannot {} a signal that is {}: {why}",
                    event.code(),
                    state.code()
                )
            } else {
                format!(
                    "een signaal dat {} is kun je niet {}: {why}",
                    signal_state(*state, l),
                    signal_verb_nl(*event)
                )
            }
        }
        P::SignalCloseWithoutFinal => {
            if en {
                "cannot close: no final feedback has been recorded".into()
            } else {
                "sluiten kan niet: er is nog geen definitieve terugkoppeling vastgelegd".into()
            }
        }
        P::ActionStep { state, event } => {
            if en {
                format!(
                    "cannot {} an action that is {}: only open actions change",
                    match event {
                        ActionEvent::Done => "finish",
                        ActionEvent::Cancel => "cancel",
                    },
                    state.code()
                )
            } else {
                format!(
                    "een actie die {} is kun je niet {}: alleen open acties veranderen",
                    action_state_nl(*state),
                    match event {
                        ActionEvent::Done => "afronden",
                        ActionEvent::Cancel => "annuleren",
                    }
                )
            }
        }
        P::CommitmentStep { state, event } => {
            if en {
                format!(
                    "cannot {} a commitment that is {}: only open commitments change",
                    event.code(),
                    state.code()
                )
            } else {
                format!(
                    "een toezegging die {} is kun je niet {}: alleen open toezeggingen veranderen",
                    commitment_state_nl(*state),
                    commitment_verb_nl(*event)
                )
            }
        }
        P::MeetingStep { status, event } => {
            use crate::domain::meeting::MeetingEvent as E;
            use crate::domain::meeting::MeetingStatus as S;
            let (st, verb) = (meeting_status(*status, l), meeting_verb(*event, l));
            match (status, event, en) {
                (S::Planned, E::Finalise, true) => {
                    "cannot finalise a meeting that is planned: mark it held first".into()
                }
                (S::Planned, E::Finalise, false) => {
                    "een gepland overleg kun je niet definitief maken: markeer het eerst als gehouden".into()
                }
                (S::Cancelled, E::Cancel, true) => "the meeting is cancelled already".into(),
                (S::Cancelled, E::Cancel, false) => "het overleg is al afgelast".into(),
                (S::Cancelled, _, true) => {
                    format!("cannot {verb} a meeting that is cancelled: plan a new one")
                }
                (S::Cancelled, _, false) => {
                    format!("een afgelast overleg kun je niet {verb}: plan een nieuw overleg")
                }
                (S::Held | S::Final, E::Cancel, true) => {
                    format!("cannot cancel a meeting that is {st}: it took place")
                }
                (S::Held | S::Final, E::Cancel, false) => {
                    format!("een overleg dat {st} is kun je niet afgelasten: het heeft plaatsgevonden")
                }
                (_, _, true) => format!("cannot {verb} a meeting that is {st}"),
                (_, _, false) => format!("een overleg dat {st} is kun je niet {verb}"),
            }
        }
        P::MeetingCancelledLocked => {
            if en {
                "the meeting is cancelled and can no longer be changed: plan a new one".into()
            } else {
                "het overleg is afgelast en kan niet meer veranderen: plan een nieuw overleg".into()
            }
        }
        P::MeetingNotStarted { starts_at } => {
            let (d, t) = (starts_at.format("%Y-%m-%d"), starts_at.format("%H:%M"));
            if en {
                format!("cannot mark a meeting held before it starts: it starts on {d} at {t}")
            } else {
                format!("een overleg is pas gehouden als het begonnen is: het begint op {d} om {t}")
            }
        }
        P::ClockTime {
            field: f,
            at,
            change,
            before,
            from,
        } => {
            let (at, before, from) = (
                at.format("%Y-%m-%d %H:%M"),
                before.format("%H:%M"),
                from.format("%H:%M"),
            );
            let what = field(*f, l);
            match (change, en) {
                (ClockChange::Skipped, true) => format!(
                    "{what} {at} does not exist in Europe/Amsterdam: the clocks go forward that night; \
                     choose a time before {before} or from {from} on"
                ),
                (ClockChange::Repeated, true) => format!(
                    "{what} {at} happens twice in Europe/Amsterdam: the clocks go back that night, so it \
                     is ambiguous; choose a time before {before} or from {from} on"
                ),
                (ClockChange::Skipped, false) => format!(
                    "{} {at} bestaat niet in Europe/Amsterdam: die nacht gaat de klok vooruit; \
                     kies een tijd voor {before} of vanaf {from}",
                    capital(what)
                ),
                (ClockChange::Repeated, false) => format!(
                    "{} {at} komt twee keer voor in Europe/Amsterdam: die nacht gaat de klok terug, \
                     dus het is dubbelzinnig; kies een tijd voor {before} of vanaf {from}",
                    capital(what)
                ),
            }
        }
        P::OwnerErased { reference } => {
            if en {
                format!(
                    "{reference} was erased and cannot own anything; {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{reference} is gewist en kan niets behandelen; {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerInResidentsOrg {
            name,
            reference,
            org,
        } => {
            if en {
                format!(
                    "{name} ({reference}) belongs to {org}, a residents' organisation: {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) hoort bij {org}, een bewonersorganisatie: {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerWithoutOrg { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) belongs to no organisation: {} (add them to theirs first)",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) hoort bij geen organisatie: {} (voeg de persoon eerst toe aan de eigen organisatie)",
                    who_may_own(l)
                )
            }
        }
        P::OwnerIsResidentsOrg { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) is a residents' organisation: {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) is een bewonersorganisatie: {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerIsPartner { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) is a partner: name a person of it as owner; {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) is een partner: noem een persoon daarvan als behandelaar; {}",
                    who_may_own(l)
                )
            }
        }
        P::PeriodBackwards { from, to } => {
            if en {
                format!("the period runs backwards: from {from} is after to {to}")
            } else {
                format!("de periode loopt achteruit: van {from} ligt na tot {to}")
            }
        }
        _ => unreachable!("steps::problem is called for its own problems only"),
    }
}

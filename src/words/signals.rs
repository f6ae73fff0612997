//! Due dates, feedback, assigning, breaking, withdrawing and merging: the refusals
//! of handling signals and what was promised.

use super::names::{record_kind, signal_state};
use super::{Lang, opt_date};
use crate::domain::Problem;
use crate::domain::RecordKind;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::FollowUpTooEarly {
            previous,
            starts_at,
        } => {
            let at = starts_at.format("%Y-%m-%d %H:%M");
            if en {
                format!("a follow-up starts after {previous} ({at}); give a later --start")
            } else {
                format!(
                    "een vervolgoverleg begint na {previous} ({at}); geef een later begin (--start)"
                )
            }
        }
        P::NextFeedbackPast { date } => {
            if en {
                format!("the next feedback date {date} is in the past")
            } else {
                format!("de volgende terugkoppeldatum {date} ligt in het verleden")
            }
        }
        P::TriageNeedsOwner => {
            if en {
                "triage needs an owner (a person or a service, e.g. --owner P-4 or --owner DSO)"
                    .into()
            } else {
                "beoordelen vraagt een behandelaar (een persoon of een dienst, bijv. --owner P-4 of --owner DSO)".into()
            }
        }
        P::FeedbackDuePast { date } => {
            if en {
                format!("the feedback due date {date} is in the past")
            } else {
                format!("de terugkoppeldatum {date} ligt in het verleden")
            }
        }
        P::LaterDueNeedsReason {
            reference,
            from,
            to,
        } => {
            let from = opt_date(*from);
            if en {
                format!(
                    "moving {reference}'s feedback due date later ({from} to {to}) needs a reason"
                )
            } else {
                format!(
                    "de terugkoppeldatum van {reference} later zetten ({from} naar {to}) vraagt een reden"
                )
            }
        }
        P::NoDueToMove { reference, state } => {
            if en {
                format!(
                    "{reference} is {}: only a signal that still owes feedback has a due date to move",
                    state.code()
                )
            } else {
                format!(
                    "{reference} is {}: alleen een signaal dat nog terugkoppeling verschuldigd is heeft een datum om te verzetten",
                    signal_state(*state, l)
                )
            }
        }
        P::DueAlready { reference, due } => {
            if en {
                format!("{reference} is due on {due} already")
            } else {
                format!("{reference} staat al op {due}")
            }
        }
        P::NothingToChange { reference } => {
            if en {
                format!("nothing to change: {reference} has these values already")
            } else {
                format!("niets te wijzigen: {reference} heeft deze waarden al")
            }
        }
        P::NotAgendaMaterial { reference, kind } => {
            if en {
                format!(
                    "{reference} is {} {}: only signals, commitments, actions and minutes lines become agenda items",
                    if *kind == RecordKind::Organisation {
                        "an"
                    } else {
                        "a"
                    },
                    kind.name()
                )
            } else {
                format!(
                    "{reference} is een {}: alleen signalen, toezeggingen, acties en notulenregels worden agendapunten",
                    record_kind(*kind, l)
                )
            }
        }
        P::AssignNotOpen { reference, state } => {
            if en {
                format!(
                    "{reference} is {}: only an open signal can be given to someone",
                    state.code()
                )
            } else {
                format!(
                    "{reference} is {}: alleen een open signaal kun je aan iemand geven",
                    signal_state(*state, l)
                )
            }
        }
        P::AssignNeedsOwner => {
            if en {
                "assigning needs an owner (a person or a service)".into()
            } else {
                "toewijzen vraagt een behandelaar (een persoon of een dienst)".into()
            }
        }
        P::BreakNeedsAnswers => {
            if en {
                "breaking a commitment needs two answers: what went wrong, and how it is prevented next time".into()
            } else {
                "een toezegging niet nakomen vraagt twee antwoorden: wat er misging, en hoe het de volgende keer voorkomen wordt".into()
            }
        }
        P::WithdrawNeedsReason => {
            if en {
                "withdrawing a commitment needs a reason".into()
            } else {
                "een toezegging intrekken vraagt een reden".into()
            }
        }
        P::MergeIntoItself => {
            if en {
                "a signal cannot be merged into itself".into()
            } else {
                "een signaal kan niet met zichzelf samengevoegd worden".into()
            }
        }
        P::MergeIntoClosed { target, state } => {
            if en {
                format!(
                    "cannot merge into {target}: it is {} (merge into an open signal)",
                    state.code()
                )
            } else {
                format!(
                    "samenvoegen met {target} kan niet: het is {} (voeg samen met een open signaal)",
                    signal_state(*state, l)
                )
            }
        }
        P::MergeAcrossOrgs {
            from,
            from_org,
            into,
            into_org,
        } => {
            let none = if en {
                "no organisation"
            } else {
                "geen organisatie"
            };
            let (fo, io) = (
                from_org.as_deref().unwrap_or(none),
                into_org.as_deref().unwrap_or(none),
            );
            if en {
                format!(
                    "{from} is from {fo} and {into} from {io}: merging across organisations needs \
                     confirmation (--yes); {fo} stays owed the final feedback"
                )
            } else {
                format!(
                    "{from} komt van {fo} en {into} van {io}: samenvoegen over organisaties heen vraagt \
                     bevestiging (--yes); {fo} blijft de definitieve terugkoppeling tegoed houden"
                )
            }
        }
        P::DuePast { date } => {
            if en {
                format!("the due date {date} is in the past")
            } else {
                format!("de datum {date} ligt in het verleden")
            }
        }
        _ => unreachable!("signals::problem is called for its own problems only"),
    }
}

//! Someone else's change since a record was read, and text that names no record, or
//! more than one.

use super::names::{record_kind, who_may_own};
use super::{Lang, s_, say};
use crate::domain::Problem;
use crate::domain::RecordKind;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::Stale { what, had, now } => {
            if en {
                format!(
                    "{what} was changed by someone else since you read it (you had version {had}, it is now {now}); \
                     reload it and try again"
                )
            } else {
                format!(
                    "{what} is door iemand anders gewijzigd sinds je het las (jij had versie {had}, nu is het {now}); \
                     laad het opnieuw en probeer het nog eens"
                )
            }
        }
        P::StaleAttendance {
            who,
            meeting,
            had,
            now,
        } => {
            if en {
                say(
                    &P::Stale {
                        what: format!("the attendance of {who} at {meeting}"),
                        had: *had,
                        now: *now,
                    },
                    l,
                )
            } else {
                say(
                    &P::Stale {
                        what: format!("de aanwezigheid van {who} bij {meeting}"),
                        had: *had,
                        now: *now,
                    },
                    l,
                )
            }
        }
        P::AttendanceGone { who, org, meeting } => match (org, en) {
            (true, true) => format!(
                "{who} was taken off the invitation to {meeting} by someone else since you read it; reload it and try again"
            ),
            (false, true) => format!(
                "{who} was taken off the list of {meeting} by someone else since you read it; reload it and try again"
            ),
            (true, false) => format!(
                "{who} is door iemand anders van de uitnodiging voor {meeting} gehaald sinds je het las; laad het opnieuw en probeer het nog eens"
            ),
            (false, false) => format!(
                "{who} is door iemand anders van de lijst van {meeting} gehaald sinds je het las; laad het opnieuw en probeer het nog eens"
            ),
        },
        P::StaleMinutesLine {
            position,
            meeting,
            had,
            now,
        } => {
            if en {
                format!(
                    "line {position} of {meeting} was changed by someone else since you read it (you had version {had}, \
                     it is now {now}); reload it and try again"
                )
            } else {
                format!(
                    "regel {position} van {meeting} is door iemand anders gewijzigd sinds je hem las (jij had versie {had}, \
                     nu is het {now}); laad hem opnieuw en probeer het nog eens"
                )
            }
        }
        P::StaleAgendaItem {
            position,
            title,
            meeting,
            had,
            now,
        } => {
            let what = if en {
                format!("agenda item {position} \"{title}\" of {meeting}")
            } else {
                format!("agendapunt {position} \"{title}\" van {meeting}")
            };
            say(
                &P::Stale {
                    what,
                    had: *had,
                    now: *now,
                },
                l,
            )
        }
        P::Ambiguous { input, kind, shown } => {
            if en {
                format!(
                    "\"{input}\" matches more than one {}: {}; type more of the name",
                    record_kind(*kind, l),
                    shown.join(", ")
                )
            } else {
                format!(
                    "\"{input}\" past bij meer dan één {}: {}; typ meer van de naam",
                    record_kind(*kind, l),
                    shown.join(", ")
                )
            }
        }
        P::NoOrgMatches { input } => {
            if en {
                format!("no organisation matches \"{input}\" (give O-7 or part of its name)")
            } else {
                format!(
                    "geen organisatie gevonden voor \"{input}\" (geef O-7 of een deel van de naam)"
                )
            }
        }
        P::NoPersonMatches { input } => {
            if en {
                format!("no person matches \"{input}\" (give P-4, a username or part of the name)")
            } else {
                format!(
                    "geen persoon gevonden voor \"{input}\" (geef P-4, een gebruikersnaam of een deel van de naam)"
                )
            }
        }
        P::OwnerNeeded => {
            if en {
                "give an owner: P-4, a username, a name or a service such as DSO".into()
            } else {
                "geef een behandelaar: P-4, een gebruikersnaam, een naam of een dienst zoals DSO"
                    .into()
            }
        }
        P::OwnerAmbiguous { input, shown, more } => {
            let shown = shown.join(", ");
            match (*more, en) {
                (0, true) => format!(
                    "\"{input}\" matches more than one owner: {shown}; type more of the name or give the ID"
                ),
                (n, true) => format!(
                    "\"{input}\" matches more than one owner: {shown} and {n} more; type more of the name or give the ID"
                ),
                (0, false) => format!(
                    "\"{input}\" past bij meer dan één behandelaar: {shown}; typ meer van de naam of geef het nummer"
                ),
                (n, false) => format!(
                    "\"{input}\" past bij meer dan één behandelaar: {shown} en nog {n}; typ meer van de naam of geef het nummer"
                ),
            }
        }
        P::NoOwnerMatches { input } => {
            if en {
                format!(
                    "no person or service matches \"{input}\" (give P-4, a username, a name or a service such as DSO)"
                )
            } else {
                format!(
                    "geen persoon of dienst gevonden voor \"{input}\" (geef P-4, een gebruikersnaam, een naam of een dienst zoals DSO)"
                )
            }
        }
        P::OnlyIneligibleOwners { input, shown } => {
            if en {
                format!(
                    "\"{input}\" matches no member of staff or service, only {}; {}",
                    shown.join(", "),
                    who_may_own(l)
                )
            } else {
                format!(
                    "\"{input}\" past bij geen medewerker of dienst, alleen bij {}; {}",
                    shown.join(", "),
                    who_may_own(l)
                )
            }
        }
        P::NotFound { reference } => {
            if en {
                format!("{reference} does not exist")
            } else {
                format!("{reference} bestaat niet")
            }
        }
        P::NotAnId { input, expected } => {
            // The example: the letter form, and the number alone where the kind is known.
            let example = match expected {
                Some(RecordKind::Organisation) => s_("O-7"),
                Some(RecordKind::Person) => s_("P-4"),
                Some(k) => {
                    let n = match k {
                        RecordKind::Signal => 42,
                        RecordKind::Action => 3,
                        RecordKind::Commitment => 12,
                        _ => 5,
                    };
                    let or = if en { "or" } else { "of" };
                    format!("{}-{n} {or} {n}", k.letter())
                }
                None => s_("S-42"),
            };
            match (expected, en) {
                (Some(k), true) => format!(
                    "not a valid {} ID: \"{input}\" (expected e.g. {example})",
                    k.name()
                ),
                (None, true) => {
                    format!("not a valid record ID: \"{input}\" (expected e.g. {example})")
                }
                (Some(k), false) => format!(
                    "geen geldige ID voor een {}: \"{input}\" (verwacht bijv. {example})",
                    record_kind(*k, l)
                ),
                (None, false) => {
                    format!("geen geldige ID: \"{input}\" (verwacht bijv. {example})")
                }
            }
        }
        _ => unreachable!("lookups::problem is called for its own problems only"),
    }
}

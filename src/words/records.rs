//! The kept lists (districts, neighbourhoods, themes), search, and the fields of
//! organisations and people.

use super::Lang;
use super::names::{known_term_nl, same_term_nl, term_kind, term_list_nl};
use crate::domain::Problem;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::TermNeedsName { kind } => {
            if en {
                format!("a {} needs a name", kind.code())
            } else {
                format!("een {} heeft een naam nodig", term_kind(*kind, l))
            }
        }
        P::TermComma { kind, name } => {
            if en {
                format!("a {} name may not contain a comma: '{name}'", kind.code())
            } else {
                format!(
                    "de naam van een {} mag geen komma bevatten: '{name}'",
                    term_kind(*kind, l)
                )
            }
        }
        P::TermExists { kind, name, listed } => {
            if en {
                format!(
                    "'{name}' is on the {} list already, as '{listed}'",
                    kind.code()
                )
            } else {
                format!(
                    "'{name}' staat al op {}, als '{listed}'",
                    term_list_nl(*kind)
                )
            }
        }
        P::TermRenameOntoExisting {
            kind,
            name,
            old_word,
            new_word,
        } => {
            let cmd = format!("wijkdesk {} merge {old_word} {new_word}", kind.command());
            if en {
                format!(
                    "'{name}' is on the {} list already; merge instead: {cmd}",
                    kind.code()
                )
            } else {
                format!(
                    "'{name}' staat al op {}; voeg ze in plaats daarvan samen: {cmd}",
                    term_list_nl(*kind)
                )
            }
        }
        P::TermSame { kind, from, into } => {
            if en {
                format!(
                    "'{from}' and '{into}' are the same {}; nothing to merge",
                    kind.code()
                )
            } else {
                format!(
                    "'{from}' en '{into}' zijn {}; niets samen te voegen",
                    same_term_nl(*kind)
                )
            }
        }
        P::SearchEmpty => {
            if en {
                "type a word to search for".into()
            } else {
                "typ een woord om op te zoeken".into()
            }
        }
        P::SearchNoWord { shown } => {
            if en {
                format!("nothing to search for in {shown}: type a word (letters or digits)")
            } else {
                format!("niets om op te zoeken in {shown}: typ een woord (letters of cijfers)")
            }
        }
        P::SearchTooManyWords { max, count } => {
            if en {
                format!("a search takes at most {max} words, not {count}")
            } else {
                format!("een zoekvraag heeft hoogstens {max} woorden, niet {count}")
            }
        }
        P::SearchTooShort { words } => {
            if en {
                format!("type a word of two letters or more to search for, not just {words}")
            } else {
                format!(
                    "typ een woord van twee letters of meer om op te zoeken, niet alleen {words}"
                )
            }
        }
        P::NotEmail { value } => {
            if en {
                format!("not an email address: \"{value}\"")
            } else {
                format!("geen e-mailadres: \"{value}\"")
            }
        }
        P::NotPhone { value } => {
            if en {
                format!("not a phone number: \"{value}\" (digits, spaces, + - ( ) only)")
            } else {
                format!("geen telefoonnummer: \"{value}\" (alleen cijfers, spaties, + - ( ))")
            }
        }
        P::UsernameTaken { username, owner } => {
            if en {
                format!("username \"{username}\" belongs to {owner} already")
            } else {
                format!("gebruikersnaam \"{username}\" is al van {owner}")
            }
        }
        P::ErasedNoEdit { reference } => {
            if en {
                format!("{reference} was erased and cannot be edited")
            } else {
                format!("{reference} is gewist en kan niet meer gewijzigd worden")
            }
        }
        P::Erased { reference } => {
            if en {
                format!("{reference} was erased")
            } else {
                format!("{reference} is gewist")
            }
        }
        P::ErasedAlready { reference } => {
            if en {
                format!("{reference} was erased already")
            } else {
                format!("{reference} is al gewist")
            }
        }
        P::UnknownOrgKind { value } => {
            if en {
                format!("unknown organisation kind \"{value}\" (use residents, service or partner)")
            } else {
                format!(
                    "onbekende soort organisatie \"{value}\" (gebruik residents, service of partner)"
                )
            }
        }
        P::CadenceRange { value } => {
            if en {
                format!("cadence must be 0 to 52 meetings a year, not {value}")
            } else {
                format!("het aantal overleggen per jaar moet 0 tot 52 zijn, niet {value}")
            }
        }
        P::OrgNameTaken { name, other } => {
            if en {
                format!("an organisation named \"{name}\" exists already ({other})")
            } else {
                format!("er bestaat al een organisatie met de naam \"{name}\" ({other})")
            }
        }
        P::NotAFigure { figure } => {
            let eg = "loop.on_time, loop.open.age:15-30, commitments.broken, \
                      commitments.service.kept_late:O-3, cadence.overdue, load.over";
            if en {
                format!("\"{figure}\" is not a report figure (e.g. {eg})")
            } else {
                format!("\"{figure}\" is geen cijfer uit het rapport (bijv. {eg})")
            }
        }
        P::UnknownTerm {
            kind,
            value,
            suggestions,
        } => {
            let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
            match (suggestions.is_empty(), en) {
                (true, true) => format!("'{value}' is not a known {}", kind.code()),
                (false, true) => format!(
                    "'{value}' is not a known {} (did you mean {}?)",
                    kind.code(),
                    quoted.join(" or ")
                ),
                (true, false) => format!("'{value}' is geen {}", known_term_nl(*kind)),
                (false, false) => format!(
                    "'{value}' is geen {} (bedoel je {}?)",
                    known_term_nl(*kind),
                    quoted.join(" of ")
                ),
            }
        }
        _ => unreachable!("records::problem is called for its own problems only"),
    }
}

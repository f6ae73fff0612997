//! Problems of reading a CSV file of organisations or people, row by row.

use super::{Lang, say};
use crate::domain::Problem;

pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::CsvOpenQuote { line } => {
            if en {
                format!(
                    "line {line}: a quote (\") opens a cell that is never closed; close it or remove it"
                )
            } else {
                format!(
                    "regel {line}: een aanhalingsteken (\") opent een cel die nooit gesloten wordt; sluit het of haal het weg"
                )
            }
        }
        P::CsvNotUtf8 { line } => {
            if en {
                format!(
                    "line {line} is not UTF-8 text; save the file as \"CSV UTF-8\" and try again"
                )
            } else {
                format!(
                    "regel {line} is geen UTF-8-tekst; sla het bestand op als \"CSV UTF-8\" en probeer het opnieuw"
                )
            }
        }
        P::CsvUnreadable { line, error } => {
            if en {
                format!("line {line}: the file cannot be read as CSV: {error}")
            } else {
                format!("regel {line}: het bestand is niet als CSV te lezen: {error}")
            }
        }
        P::CsvEmpty => {
            if en {
                "the file is empty: it needs a header line".into()
            } else {
                "het bestand is leeg: het heeft een kopregel nodig".into()
            }
        }
        P::CsvTwoColumns { line, header } => {
            if en {
                format!("line {line}: two columns give the {header}: rename or remove one")
            } else {
                format!("regel {line}: twee kolommen geven {header}: hernoem of verwijder er één")
            }
        }
        P::CsvNoNameColumn { line, found } => {
            if en {
                format!(
                    "line {line}: no name column (\"name\" or \"naam\"); the header has: {}",
                    found.join(", ")
                )
            } else {
                format!(
                    "regel {line}: geen kolom met de naam (\"name\" of \"naam\"); de kopregel heeft: {}",
                    found.join(", ")
                )
            }
        }
        P::CsvUnknownKind { value } => {
            if en {
                format!(
                    "unknown kind \"{value}\" (use residents, service or partner; bewoners, dienst or partner)"
                )
            } else {
                format!(
                    "onbekende soort \"{value}\" (gebruik bewoners, dienst of partner; residents, service of partner)"
                )
            }
        }
        P::CsvCadence { value } => {
            if en {
                format!("cadence \"{value}\" is not a number of meetings a year from 0 to 52")
            } else {
                format!("aantal overleggen per jaar \"{value}\" is geen getal van 0 tot 52")
            }
        }
        P::CsvNoSuchOrg { name } => {
            if en {
                format!("no organisation named \"{name}\"; import or add the organisations first")
            } else {
                format!(
                    "geen organisatie met de naam \"{name}\"; importeer of voeg eerst de organisaties toe"
                )
            }
        }
        P::CsvManyPeople { name, refs } => {
            if en {
                format!(
                    "\"{name}\" matches more than one person ({}); edit them one by one",
                    refs.join(", ")
                )
            } else {
                format!(
                    "\"{name}\" past bij meer dan één persoon ({}); wijzig ze één voor één",
                    refs.join(", ")
                )
            }
        }
        P::CsvTooManyCells { cells, header } => {
            if en {
                format!(
                    "{cells} cells, but the header has {header}: is a separator or quote missing?"
                )
            } else {
                format!(
                    "{cells} cellen, maar de kopregel heeft er {header}: ontbreekt er een scheidingsteken of aanhalingsteken?"
                )
            }
        }
        P::CsvTooFewCells { cells, header } => {
            if en {
                format!("{cells} cells, but the header has {header}: is a separator missing?")
            } else {
                format!(
                    "{cells} cellen, maar de kopregel heeft er {header}: ontbreekt er een scheidingsteken?"
                )
            }
        }
        P::CsvSameAsLine { first } => {
            if en {
                format!("the same as line {first}: each record once, please")
            } else {
                format!("hetzelfde als regel {first}: elk gegeven maar één keer, graag")
            }
        }
        P::CsvChangedDuringImport { problem, stored } => {
            let why = say(problem, l);
            if en {
                format!(
                    "{why} (changed by another user during the import: the {stored} rows before it were stored, \
                     this and later rows not; run the import again to finish it)"
                )
            } else {
                format!(
                    "{why} (tijdens het importeren door iemand anders gewijzigd: de {stored} regels ervoor zijn opgeslagen, \
                     deze en latere niet; importeer opnieuw om het af te maken)"
                )
            }
        }
        _ => unreachable!("csv::problem is called for CSV problems only"),
    }
}

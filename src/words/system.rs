//! Files, a busy database and failures the program cannot explain further.

use super::Lang;
use crate::domain::Problem;

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::FileExists { path } => {
            if en {
                format!("{path} exists already; choose a new file name")
            } else {
                format!("{path} bestaat al; kies een nieuwe bestandsnaam")
            }
        }
        P::NotAFileName { path } => {
            if en {
                format!("{path} is not a file name")
            } else {
                format!("{path} is geen bestandsnaam")
            }
        }
        P::PathNotUtf8 => {
            if en {
                "backup path is not valid UTF-8".into()
            } else {
                "het pad voor de reservekopie is geen geldige UTF-8".into()
            }
        }
        P::CannotCreateIn { dir, error } => {
            if en {
                format!("cannot create a file in {dir}: {error}")
            } else {
                format!("kan geen bestand maken in {dir}: {error}")
            }
        }
        P::CannotWrite {
            path,
            error,
            disk_full_hint,
        } => match (disk_full_hint, en) {
            (true, true) => format!("cannot write {path}: {error} (is the disk full?)"),
            (false, true) => format!("cannot write {path}: {error}"),
            (true, false) => format!("kan {path} niet schrijven: {error} (is de schijf vol?)"),
            (false, false) => format!("kan {path} niet schrijven: {error}"),
        },
        P::Busy {
            holder,
            waited_secs,
            screens,
        } => {
            let who = holder
                .as_ref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            match (screens, en) {
                (true, true) => format!(
                    "another user's change{who} is holding the database: nothing was saved yet and nothing you typed is lost; try again in a moment"
                ),
                (false, true) => format!(
                    "another user's change{who} held the database for {waited_secs} s; nothing was changed, repeat the command when it is done (WIJKDESK_LOCK_WAIT=SECONDS waits longer)"
                ),
                (true, false) => format!(
                    "de wijziging van een andere gebruiker{who} houdt de database vast: er is nog niets opgeslagen en niets van wat je typte gaat verloren; probeer het zo opnieuw"
                ),
                (false, false) => format!(
                    "de wijziging van een andere gebruiker{who} hield de database {waited_secs} s vast; er is niets gewijzigd, herhaal de opdracht als die klaar is (WIJKDESK_LOCK_WAIT=SECONDEN wacht langer)"
                ),
            }
        }
        P::Failure { error } => {
            if en {
                error.clone()
            } else {
                format!("het lukte niet: {error}")
            }
        }
        P::CannotCreate { path, error } => {
            if en {
                format!("cannot create {path}: {error}")
            } else {
                format!("kan {path} niet maken: {error}")
            }
        }
        _ => unreachable!("system::problem is called for its own problems only"),
    }
}

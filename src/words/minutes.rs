//! Problems of a minutes line: its tokens (`@owner`, `org:`, `#theme`, `due:`).

use super::{Lang, say};
use crate::domain::Problem;
use crate::domain::minutes::TokenKind;

fn token(t: &TokenKind, l: Lang) -> String {
    match t {
        TokenKind::Owner(name) => format!("@{name}"),
        TokenKind::Org(name) => format!("org:{name:?}"),
        TokenKind::Theme(name) => format!("#{name}"),
        TokenKind::Due(date) => format!("due:{date}"),
        TokenKind::SaidDue(date) if l == Lang::En => format!("{date} (said)"),
        TokenKind::SaidDue(date) => format!("{date} (gezegd)"),
        TokenKind::BadDue(value) => format!("due:{value:?}"),
    }
}

pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::MinutesDueEmpty => {
            if en {
                "due: needs a date right after the colon, e.g. due:+14d or due:fri".into()
            } else {
                "due: heeft direct na de dubbele punt een datum nodig, bijv. due:+14d of due:vr"
                    .into()
            }
        }
        P::MinutesNotADate { value } => {
            if en {
                format!(
                    "not a date: {value:?} (use due:+14d, due:vr, due:15-12, due:+2w, or say it: voor 1 juli)"
                )
            } else {
                format!(
                    "geen datum: {value:?} (gebruik due:+14d, due:vr, due:15-12, due:+2w, of zeg het: voor 1 juli)"
                )
            }
        }
        P::MinutesMoreThanOne { used, ignored } => {
            let (u, i) = (token(used, l), token(ignored, l));
            if en {
                format!("more than one {}: {u} is used, not {i}", used.slot())
            } else {
                let what = match used {
                    TokenKind::Owner(_) => "behandelaar",
                    TokenKind::Org(_) => "organisatie",
                    TokenKind::Theme(_) => "thema",
                    _ => "datum",
                };
                format!("meer dan één {what}: {u} geldt, niet {i}")
            }
        }
        P::MinutesTokenProblem { token, problem } => format!("{token}: {}", say(problem, l)),
        P::MinutesCommitmentNeedsOrg => {
            if en {
                "a commitment is made to an organisation: add org:NAME".into()
            } else {
                "een toezegging doe je aan een organisatie: voeg org:NAAM toe".into()
            }
        }
        P::MinutesCommitmentNeedsDue => {
            if en {
                "a commitment needs a due date: add due:+14d, due:15-12 or say \"voor 1 juli\""
                    .into()
            } else {
                "een toezegging heeft een datum nodig: voeg due:+14d of due:15-12 toe, of zeg \"voor 1 juli\"".into()
            }
        }
        P::MinutesUnknownTheme { value, problem } => {
            if en {
                format!(
                    "#{value}: {}; add it with `wijkdesk theme add {value}`",
                    say(problem, l)
                )
            } else {
                format!(
                    "#{value}: {}; voeg het toe met `wijkdesk theme add {value}`",
                    say(problem, l)
                )
            }
        }
        P::MinutesStored { text } => {
            if en {
                text.clone()
            } else {
                format!("door een eerdere versie in het Engels opgeslagen: \"{text}\"")
            }
        }
        _ => unreachable!("minutes::problem is called for minutes problems only"),
    }
}

//! The problems of a minutes line, in the interface's language. The store records them
//! in English (they are part of the line's history); the screens say them in Dutch
//! when the interface is Dutch.

use crate::tui::Lang;
use std::borrow::Cow;

/// English phrase → Dutch phrase, most specific first.
const PHRASES: &[(&str, &str)] = &[
    (
        "due: needs a date right after the colon, e.g. due:+14d or due:fri",
        "due: heeft direct na de dubbele punt een datum nodig, bijv. due:+14d of due:vr",
    ),
    (
        "a commitment is made to an organisation: add org:NAME",
        "een toezegging doe je aan een organisatie: voeg org:NAAM toe",
    ),
    (
        "a commitment needs a due date: add due:+14d, due:15-12 or say \"voor 1 juli\"",
        "een toezegging heeft een datum nodig: voeg due:+14d of due:15-12 toe, of zeg \"voor 1 juli\"",
    ),
    (
        "(give P-4, a username, a name or a service such as DSO)",
        "(geef P-4, een gebruikersnaam, een naam of een dienst zoals DSO)",
    ),
    (
        "(give P-4, a username or part of the name)",
        "(geef P-4, een gebruikersnaam of een deel van de naam)",
    ),
    (
        "(give O-7 or part of its name)",
        "(geef O-7 of een deel van de naam)",
    ),
    (
        "no person or service matches",
        "geen persoon of dienst gevonden voor",
    ),
    ("no person matches", "geen persoon gevonden voor"),
    ("no organisation matches", "geen organisatie gevonden voor"),
    (
        "matches more than one person:",
        "past bij meer dan één persoon:",
    ),
    (
        "matches more than one organisation:",
        "past bij meer dan één organisatie:",
    ),
    ("; type more of the name", "; typ meer van de naam"),
    ("not a date:", "geen datum:"),
    (
        "(use due:+14d, due:vr, due:15-12, due:+2w, or say it: voor 1 juli)",
        "(gebruik due:+14d, due:vr, due:15-12, due:+2w, of zeg het: voor 1 juli)",
    ),
    ("more than one owner:", "meer dan één behandelaar:"),
    ("more than one organisation:", "meer dan één organisatie:"),
    ("more than one theme:", "meer dan één thema:"),
    ("more than one due date:", "meer dan één datum:"),
    (" is used, not ", " geldt, niet "),
];

/// `msg` in `lang`: unchanged in English; known phrases translated in Dutch (an unknown
/// message is shown as it is rather than hidden).
pub fn localise(msg: &str, lang: Lang) -> Cow<'_, str> {
    if lang != Lang::Nl || !PHRASES.iter().any(|(en, _)| msg.contains(en)) {
        return Cow::Borrowed(msg);
    }
    let mut out = msg.to_string();
    for (en, nl) in PHRASES {
        out = out.replace(en, nl);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::minutes::parse_line;
    use chrono::NaiveDate;

    #[test]
    fn dutch_problems_are_dutch() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let parsed = parse_line("A: bellen @jan @piet due:31-02-2024 due:", today);
        let problems: Vec<String> = parsed.problems().into_iter().map(|p| p.1).collect();
        assert!(problems.len() >= 2);
        for p in &problems {
            let nl = localise(p, Lang::Nl);
            assert_ne!(nl, p.as_str(), "untranslated: {p}");
            assert!(
                !nl.contains("more than one") && !nl.contains("not a date"),
                "{nl}"
            );
        }
        let store_msg = "@nobody: no person or service matches \"nobody\" (give P-4, a username, a name or a service such as DSO)";
        assert_eq!(
            localise(store_msg, Lang::Nl),
            "@nobody: geen persoon of dienst gevonden voor \"nobody\" (geef P-4, een gebruikersnaam, een naam of een dienst zoals DSO)"
        );
        assert_eq!(localise(store_msg, Lang::En), store_msg);
        assert_eq!(localise("iets onbekends", Lang::Nl), "iets onbekends");
    }
}

//! Organisation names for narrow columns. Most residents' organisations' names start
//! with a word that only says what kind they are ("Bewonersorganisatie",
//! "Wijkberaad", "Stichting"); in a 14-column cell that word is all that shows, and
//! every row looks the same. [`OrgNames`] gives each organisation the part of its
//! name that tells it apart: its short name if it has one, else its name without a
//! leading word that several organisations share (found in the data, and a list of
//! the usual ones for an organisation that is alone in its kind). Distinct names
//! stay distinct: where two would look the same, both keep their full names.

use std::collections::{HashMap, HashSet};

/// Leading words that say what kind an organisation is, dropped even when only one
/// organisation in the data uses them.
const KIND_WORDS: &[&str] = &[
    "bewonersorganisatie",
    "bewonersvereniging",
    "bewonersoverleg",
    "bewonersplatform",
    "bewonersgroep",
    "bewonerscommissie",
    "bewonersraad",
    "belangenvereniging",
    "belangengroep",
    "huurdersvereniging",
    "huurderscommissie",
    "wijkorganisatie",
    "wijkvereniging",
    "wijkoverleg",
    "wijkberaad",
    "wijkplatform",
    "wijkraad",
    "buurtvereniging",
    "buurtorganisatie",
    "buurtraad",
    "stichting",
    "vereniging",
    "commissie",
    "dienst",
];

/// Words that start many names but tell nothing apart when dropped are kept:
/// articles ("De Vlinder" and "De Regenboog" stay as they are).
const KEEP_WORDS: &[&str] = &["de", "het", "'t", "een", "the", "a", "an", "van", "den"];

/// How many names must share a leading word before it counts as a kind word.
const SHARED_BY: usize = 2;

/// The names to show for a set of organisations, built once from the data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgNames {
    shown: HashMap<String, String>,
}

impl OrgNames {
    /// From every organisation's (name, short name).
    pub fn new<'a>(orgs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> OrgNames {
        let mut seen = HashSet::new();
        let orgs: Vec<(&str, Option<&str>)> = orgs
            .into_iter()
            .filter(|(n, _)| seen.insert(n.to_lowercase()))
            .collect();
        let mut count: HashMap<String, usize> = HashMap::new();
        for (name, _) in &orgs {
            if let Some((first, _)) = split_first(name) {
                *count.entry(first.to_lowercase()).or_default() += 1;
            }
        }
        let kind = |w: &str| {
            let w = w.to_lowercase();
            !KEEP_WORDS.contains(&w.as_str())
                && (KIND_WORDS.contains(&w.as_str())
                    || count.get(&w).copied().unwrap_or(0) >= SHARED_BY)
        };
        let mut shown: Vec<(String, String)> = orgs
            .iter()
            .map(|(name, short)| {
                let short = short
                    .map(str::trim)
                    .filter(|s| !super::text::looks_empty(s));
                let pick = short.map(str::to_string).unwrap_or_else(|| {
                    let mut rest = name.trim();
                    // At most two kind words ("Stichting Wijkberaad Noord").
                    for _ in 0..2 {
                        match split_first(rest) {
                            Some((first, after)) if kind(first) => rest = after,
                            _ => break,
                        }
                    }
                    rest.to_string()
                });
                (name.to_string(), pick)
            })
            .collect();
        // Where two would look alike, both show their full names; repeat, since a
        // full name may look like another's shortened one.
        loop {
            let mut by_shown: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, (_, s)) in shown.iter().enumerate() {
                by_shown.entry(s.to_lowercase()).or_default().push(i);
            }
            let clash: Vec<usize> = by_shown
                .into_values()
                .filter(|v| v.len() > 1)
                .flatten()
                .filter(|&i| shown[i].0 != shown[i].1)
                .collect();
            if clash.is_empty() {
                break;
            }
            for i in clash {
                shown[i].1 = shown[i].0.clone();
            }
        }
        OrgNames {
            shown: shown.into_iter().collect(),
        }
    }

    /// The name to show for the organisation called `name`; an organisation not
    /// known here loses only a usual kind word.
    pub fn get<'a>(&'a self, name: &'a str) -> &'a str {
        match self.shown.get(name) {
            Some(s) => s,
            None => strip_kind_word(name),
        }
    }

    /// [`OrgNames::get`], or the full name when it fits in `width` cells.
    pub fn fit<'a>(&'a self, name: &'a str, width: usize) -> &'a str {
        if super::text::cell_width(name) <= width {
            name
        } else {
            self.get(name)
        }
    }
}

/// The first word and the rest, when there is a rest that shows something.
fn split_first(name: &str) -> Option<(&str, &str)> {
    let name = name.trim();
    let (first, rest) = name.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    (!super::text::looks_empty(rest)).then_some((first, rest))
}

fn strip_kind_word(name: &str) -> &str {
    match split_first(name) {
        Some((first, rest)) if KIND_WORDS.contains(&first.to_lowercase().as_str()) => rest,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names(list: &[(&'static str, Option<&'static str>)]) -> OrgNames {
        OrgNames::new(list.iter().copied())
    }

    #[test]
    fn drops_the_kind_word_several_names_share() {
        let n = names(&[
            ("Bewonersorganisatie Zeeheldenkwartier", None),
            ("Bewonersorganisatie Archipel-Willemspark", None),
            ("Buurthuis De Vlinder", None),
            ("Buurthuis Het Anker", None),
            ("Politie Haaglanden", Some("Politie")),
            ("Marlot", None),
        ]);
        assert_eq!(
            n.get("Bewonersorganisatie Zeeheldenkwartier"),
            "Zeeheldenkwartier"
        );
        // Not on the list of usual words, but shared in the data.
        assert_eq!(n.get("Buurthuis De Vlinder"), "De Vlinder");
        assert_eq!(n.get("Politie Haaglanden"), "Politie");
        assert_eq!(n.get("Marlot"), "Marlot");
    }

    #[test]
    fn a_usual_kind_word_goes_even_when_alone_but_a_lone_other_word_stays() {
        let n = names(&[
            ("Stichting Duinoord", None),
            ("Welzijn Den Haag", None),
            ("Belangenvereniging Stolkpark", None),
        ]);
        assert_eq!(n.get("Stichting Duinoord"), "Duinoord");
        assert_eq!(n.get("Welzijn Den Haag"), "Welzijn Den Haag");
        assert_eq!(n.get("Belangenvereniging Stolkpark"), "Stolkpark");
        // Unknown here (a name from a row added since): only a usual word goes.
        assert_eq!(n.get("Wijkberaad Bezuidenhout"), "Bezuidenhout");
        assert_eq!(n.get("Buurthuis Noord"), "Buurthuis Noord");
    }

    #[test]
    fn articles_and_names_of_one_word_stay() {
        let n = names(&[
            ("De Vlinder", None),
            ("De Regenboog", None),
            ("Wijkberaad", None),
            ("Wijkberaad ", None),
        ]);
        assert_eq!(n.get("De Vlinder"), "De Vlinder");
        assert_eq!(n.get("Wijkberaad"), "Wijkberaad");
    }

    #[test]
    fn names_that_would_look_alike_keep_their_full_names() {
        let n = names(&[
            ("Wijkberaad Bezuidenhout", None),
            ("Bewonersorganisatie Bezuidenhout", None),
            ("Wijkberaad Kraayenstein", None),
            ("Stichting Noord", Some("Kraayenstein")),
        ]);
        assert_eq!(n.get("Wijkberaad Bezuidenhout"), "Wijkberaad Bezuidenhout");
        assert_eq!(
            n.get("Bewonersorganisatie Bezuidenhout"),
            "Bewonersorganisatie Bezuidenhout"
        );
        assert_eq!(n.get("Wijkberaad Kraayenstein"), "Wijkberaad Kraayenstein");
        assert_eq!(n.get("Stichting Noord"), "Stichting Noord");
    }

    #[test]
    fn the_full_name_when_it_fits() {
        let n = names(&[("Wijkberaad Vroondaal", None), ("Wijkberaad Marlot", None)]);
        assert_eq!(n.fit("Wijkberaad Vroondaal", 20), "Wijkberaad Vroondaal");
        assert_eq!(n.fit("Wijkberaad Vroondaal", 19), "Vroondaal");
    }

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Bewonersorganisatie".to_string()),
            Just("Wijkberaad".to_string()),
            Just("Stichting".to_string()),
            Just("De".to_string()),
            Just("Noord".to_string()),
            Just("Zuid".to_string()),
            "[A-Za-z]{1,6}",
            Just("\u{200b}".to_string()),
        ]
    }

    fn name() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn never_empty_and_distinct_names_stay_distinct(
            orgs in prop::collection::vec((name(), prop::option::of(name())), 0..12)
        ) {
            let n = OrgNames::new(orgs.iter().map(|(a, b)| (a.as_str(), b.as_deref())));
            let mut seen: HashMap<String, String> = HashMap::new();
            let mut fulls = HashSet::new();
            for (full, _) in &orgs {
                // The database keeps names unique, case aside.
                if !fulls.insert(full.to_lowercase()) {
                    continue;
                }
                let shown = n.get(full);
                if !crate::domain::text::looks_empty(full) {
                    prop_assert!(!crate::domain::text::looks_empty(shown), "{full:?} shows {shown:?}");
                }
                if let Some(other) = seen.insert(shown.to_lowercase(), full.to_lowercase()) {
                    prop_assert_eq!(other, full.to_lowercase(), "both show {:?}", shown);
                }
            }
        }
    }
}

//! Organisation names for narrow columns. Most residents' organisations' names start
//! with a word that only says what kind they are ("Bewonersorganisatie",
//! "Wijkberaad", "Stichting"); in a 14-column cell that word is all that shows, and
//! every row looks the same. [`OrgNames`] gives each organisation the part of its
//! name that tells it apart: its short name if it has one, else its name without a
//! leading word that several organisations share (found in the data, and a list of
//! the usual ones for an organisation that is alone in its kind). Distinct names
//! stay distinct: where two would look the same, both keep their full names.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

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

/// The names to show for a set of organisations, built once from the data. Only the
/// names that show differently from what [`OrgNames::get`] would make of an unknown
/// name are kept: at 20,000 organisations that is a few hundred entries, not 20,000.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgNames {
    shown: HashMap<String, String>,
}

impl OrgNames {
    /// From every organisation's (name, short name).
    ///
    /// Built without a string per organisation: names are compared through a hash of
    /// their lower case (equal hashes are then compared in full), so the screens' memory
    /// does not peak with the number of organisations.
    pub fn new<'a>(orgs: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> OrgNames {
        let mut first_of: Keyed<usize> = HashMap::default();
        let mut orgs_kept: Vec<(&str, Option<&str>)> = Vec::new();
        for (name, short) in orgs {
            match first_of.entry(lower_hash(name)) {
                Entry::Occupied(e) if lower_eq(orgs_kept[*e.get()].0, name) => continue,
                Entry::Occupied(_) => {}
                Entry::Vacant(e) => {
                    e.insert(orgs_kept.len());
                }
            }
            orgs_kept.push((name, short));
        }
        drop(first_of);
        let orgs = orgs_kept;
        let mut count: Keyed<usize> = HashMap::default();
        for (name, _) in &orgs {
            if let Some((first, _)) = split_first(name) {
                *count.entry(lower_hash(first)).or_default() += 1;
            }
        }
        let kind = |w: &str| {
            let h = lower_hash(w);
            !KEEP.has(w, h) && (KIND.has(w, h) || count.get(&h).copied().unwrap_or(0) >= SHARED_BY)
        };
        let mut shown: Vec<&str> = orgs
            .iter()
            .map(|(name, short)| {
                let short = short
                    .map(str::trim)
                    .filter(|s| !super::text::looks_empty(s));
                short.unwrap_or_else(|| {
                    let mut rest = name.trim();
                    // At most two kind words ("Stichting Wijkberaad Noord").
                    for _ in 0..2 {
                        match split_first(rest) {
                            Some((first, after)) if kind(first) => rest = after,
                            _ => break,
                        }
                    }
                    rest
                })
            })
            .collect();
        drop(count);
        // Where two would look alike, both show their full names; repeat, since a
        // full name may look like another's shortened one.
        loop {
            let mut by_hash: Vec<(u64, usize)> = shown
                .iter()
                .enumerate()
                .map(|(i, s)| (lower_hash(s), i))
                .collect();
            by_hash.sort_unstable();
            let mut clash = Vec::new();
            for run in by_hash.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
                for &(_, i) in run {
                    let alike = run
                        .iter()
                        .any(|&(_, j)| j != i && lower_eq(shown[i], shown[j]));
                    if alike && shown[i] != orgs[i].0 {
                        clash.push(i);
                    }
                }
            }
            if clash.is_empty() {
                break;
            }
            for i in clash {
                shown[i] = orgs[i].0;
            }
        }
        OrgNames {
            shown: orgs
                .iter()
                .zip(shown)
                .filter(|((name, _), pick)| *pick != strip_kind_word(name))
                .map(|((name, _), pick)| (name.to_string(), pick.to_string()))
                .collect(),
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

/// A map keyed by [`lower_hash`], which is a hash already.
type Keyed<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a over the lower-cased characters, without making the lower-cased string.
fn lower_hash(s: &str) -> u64 {
    let step = |h: u64, c: u32| (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3);
    let h: u64 = 0xcbf2_9ce4_8422_2325;
    // Most names are ASCII: the same hash without Unicode's case tables.
    if s.is_ascii() {
        return s
            .bytes()
            .fold(h, |h, b| step(h, u32::from(b.to_ascii_lowercase())));
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .fold(h, |h, c| step(h, u32::from(c)))
}

/// Equal once lower-cased (as `a.to_lowercase() == b.to_lowercase()`).
fn lower_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
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
        Some((first, rest)) if KIND.has(first, lower_hash(first)) => rest,
        _ => name,
    }
}

/// A list of words with their [`lower_hash`]es: a word is looked up by one hash of its
/// own rather than compared with each (20,000 names, each compared with the lists
/// about 80 times, were most of the 16 ms the short names took).
struct Words {
    words: &'static [&'static str],
    hashes: Vec<u64>,
}

impl Words {
    fn new(words: &'static [&'static str]) -> Words {
        Words {
            words,
            hashes: words.iter().map(|w| lower_hash(w)).collect(),
        }
    }

    /// Whether `word`, whose [`lower_hash`] is `hash`, is one of them once lower-cased.
    fn has(&self, word: &str, hash: u64) -> bool {
        self.hashes
            .iter()
            .zip(self.words)
            .any(|(h, w)| *h == hash && lower_eq(word, w))
    }
}

static KIND: LazyLock<Words> = LazyLock::new(|| Words::new(KIND_WORDS));
static KEEP: LazyLock<Words> = LazyLock::new(|| Words::new(KEEP_WORDS));

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

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

    #[test]
    fn names_shown_as_an_unknown_name_would_be_are_not_kept() {
        let list: Vec<String> = (0..1000)
            .map(|i| format!("Bewonersorganisatie Wijk {i}"))
            .collect();
        let mut orgs: Vec<(&str, Option<&str>)> = list.iter().map(|n| (n.as_str(), None)).collect();
        orgs.push(("Buurthuis De Vlinder", None));
        orgs.push(("Buurthuis Het Anker", None));
        let n = OrgNames::new(orgs);
        assert_eq!(n.get("Bewonersorganisatie Wijk 7"), "Wijk 7");
        assert_eq!(n.get("Buurthuis Het Anker"), "Het Anker");
        // Only the two whose shared first word is not a usual kind word.
        assert_eq!(n.shown.len(), 2);
    }

    #[test]
    fn case_is_ignored_alike_in_ascii_and_beyond() {
        assert_eq!(
            lower_hash("Wijkberaad Noord"),
            lower_hash("wijkberaad noord")
        );
        assert_eq!(lower_hash("ÉCOLE Noord"), lower_hash("école noord"));
        // The ASCII shortcut gives what the Unicode path gives.
        let unicode = |s: &str| {
            s.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                    (h ^ u64::from(u32::from(c))).wrapping_mul(0x0000_0100_0000_01b3)
                })
        };
        assert_eq!(lower_hash("Wijkberaad NOORD"), unicode("Wijkberaad NOORD"));
        assert_eq!(lower_hash("Noord é"), lower_hash("NOORD É"));
        assert_ne!(lower_hash("Noord"), lower_hash("Zuid"));
        assert!(lower_eq("STICHTING", "stichting"));
        assert!(lower_eq("Ärger", "äRGER"));
        assert!(!lower_eq("Stichting", "Stichtingen"));
    }

    #[test]
    fn names_equal_but_for_case_count_once() {
        let n = names(&[
            ("Buurthuis Noord", None),
            ("BUURTHUIS NOORD", None),
            ("Wijkberaad Noord", None),
        ]);
        // "Buurthuis" is one name's first word, not shared: it stays.
        assert_eq!(n.get("Buurthuis Noord"), "Buurthuis Noord");
        assert_eq!(n.get("Wijkberaad Noord"), "Noord");
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

//! Kept lists of districts, neighbourhoods and themes: how a typed value is matched
//! against a list, and which entries look like duplicates of each other.
//!
//! Matching compares accent-folded lowercase text ("Laakkwartíer" = "laakkwartier");
//! similarity is the optimal-string-alignment edit distance, so that a swapped pair
//! of letters ("Segbroke" for "Segbroek") counts as one edit.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TermKind {
    District,
    Neighbourhood,
    Theme,
}

impl TermKind {
    pub const ALL: [TermKind; 3] = [TermKind::District, TermKind::Neighbourhood, TermKind::Theme];

    pub fn code(self) -> &'static str {
        match self {
            TermKind::District => "district",
            TermKind::Neighbourhood => "neighbourhood",
            TermKind::Theme => "theme",
        }
    }

    pub fn from_code(s: &str) -> Option<TermKind> {
        TermKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The command that manages this list (neighbourhoods live under districts).
    pub fn command(self) -> &'static str {
        match self {
            TermKind::District | TermKind::Neighbourhood => "district",
            TermKind::Theme => "theme",
        }
    }

    /// The way a name of this kind is kept: themes in lower case (as they always
    /// were, `#groen` in minutes), places as typed.
    pub fn normalise(self, name: &str) -> String {
        let t = crate::domain::text::clean_line(name);
        let t = t.trim();
        match self {
            TermKind::Theme => t.trim_start_matches('#').trim().to_lowercase(),
            _ => t.to_string(),
        }
    }
}

impl fmt::Display for TermKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Lower case without accents: the form two names are compared in.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ĳ' => out.push_str("ij"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            // Hyphens and spaces are the same gap: "Den Haag-Zuid" = "den haag zuid".
            '-' | '_' => out.push(' '),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ')
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost one.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// How many edits two names of this length may differ by and still look like one:
/// short names need to be close (one edit), longer ones may have two.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Two different entries that are probably one name typed twice.
pub fn near_duplicate(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return a != b;
    }
    let len = fa.chars().count().min(fb.chars().count());
    if distance(&fa, &fb) > allowed_edits(len) {
        return false;
    }
    // Names of several words are near only when each word is: Bezuidenhout-Oost and
    // Bezuidenhout-West are two neighbourhoods, not a typo.
    let (wa, wb): (Vec<&str>, Vec<&str>) = (fa.split(' ').collect(), fb.split(' ').collect());
    if wa.len() == wb.len() && wa.len() > 1 {
        return wa.iter().zip(&wb).all(|(x, y)| {
            x == y || distance(x, y) <= allowed_edits(x.chars().count().min(y.chars().count()))
        });
    }
    true
}

/// What a typed value is, compared with a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// On the list (case and accents aside): the list's spelling.
    Known(String),
    /// Not on the list; the entries it may have meant, best first.
    Unknown { suggestions: Vec<String> },
}

/// Find `value` in `list`: an exact (folded) match, else suggestions.
pub fn resolve(value: &str, list: &[String]) -> Resolution {
    let f = fold(value);
    if let Some(hit) = list.iter().find(|n| fold(n) == f) {
        return Resolution::Known(hit.clone());
    }
    Resolution::Unknown {
        suggestions: rank(value, list).into_iter().take(3).collect(),
    }
}

/// The entries of `list` that match `query` for a picker, best first: names that
/// start with it, then names containing it, then names within a few edits of it.
/// An empty query lists everything in order.
pub fn rank(query: &str, list: &[String]) -> Vec<String> {
    let q = fold(query);
    if q.is_empty() {
        return list.to_vec();
    }
    let mut scored: Vec<(usize, usize, &String)> = list
        .iter()
        .filter_map(|name| {
            let f = fold(name);
            let score = if f == q {
                0
            } else if f.starts_with(&q) {
                1
            } else if f.contains(&q) {
                2
            } else {
                // Compare with the start of the name as long as the query, so that a
                // typo in the first letters typed still finds it.
                let head: String = f.chars().take(q.chars().count()).collect();
                let d = distance(&q, &head).min(distance(&q, &f));
                if d <= allowed_edits(q.chars().count()) {
                    3 + d
                } else {
                    return None;
                }
            };
            Some((score, f.len(), name))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
    scored.into_iter().map(|(_, _, n)| n.clone()).collect()
}

/// A value a picker or a command line would take without asking: a folded exact
/// match, or the only entry the query is a prefix of.
pub fn unique_match(query: &str, list: &[String]) -> Option<String> {
    if let Resolution::Known(n) = resolve(query, list) {
        return Some(n);
    }
    let q = fold(query);
    if q.is_empty() {
        return None;
    }
    let mut hits = list.iter().filter(|n| fold(n).starts_with(&q));
    match (hits.next(), hits.next()) {
        (Some(one), None) => Some(one.clone()),
        _ => None,
    }
}

/// Every pair of entries that looks like one name typed twice, in list order.
pub fn near_pairs(list: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in list.iter().enumerate() {
        for b in &list[i + 1..] {
            if near_duplicate(a, b) {
                out.push((a.clone(), b.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn folding_ignores_case_accents_and_gaps() {
        assert_eq!(fold("  Laakkwartíer "), "laakkwartier");
        assert_eq!(fold("Den Haag-Zuid"), "den haag zuid");
        assert_eq!(fold("Scheveningen"), fold("SCHEVENINGEN"));
        assert_ne!(fold("Segbroek"), fold("Segbroke"));
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("segbroek", "segbroke"), 1);
        assert_eq!(distance("escamp", "escamp"), 0);
        assert_eq!(distance("groen", "groei"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn near_duplicates_are_close_but_not_equal() {
        assert!(near_duplicate("Segbroek", "Segbroke"));
        assert!(near_duplicate("Laakkwartier", "Laakkwartíer"));
        assert!(near_duplicate("Escamp", "escamp"));
        assert!(!near_duplicate("Escamp", "Escamp"));
        assert!(!near_duplicate("Haagse Hout", "Segbroek"));
        // Short themes need to be very close: groen and geld are different themes.
        assert!(!near_duplicate("groen", "geld"));
        assert!(!near_duplicate("afval", "verkeer"));
        // Compass points make different neighbourhoods; a typo in one word does not.
        assert!(!near_duplicate("Bezuidenhout-Oost", "Bezuidenhout-West"));
        assert!(!near_duplicate("Bloemenbuurt-Oost", "Bloemenbuurt-West"));
        assert!(near_duplicate("Bezuidenhout-Oost", "Bezuidenhuot-Oost"));
    }

    #[test]
    fn resolve_finds_the_kept_spelling_or_suggests() {
        let l = list(&["Segbroek", "Escamp", "Laak"]);
        assert_eq!(
            resolve("segbroek", &l),
            Resolution::Known("Segbroek".into())
        );
        assert_eq!(resolve("ESCÁMP", &l), Resolution::Known("Escamp".into()));
        assert_eq!(
            resolve("Segbroke", &l),
            Resolution::Unknown {
                suggestions: vec!["Segbroek".into()]
            }
        );
        assert_eq!(
            resolve("Loosduinen", &l),
            Resolution::Unknown {
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn rank_puts_prefixes_before_fuzzy_hits() {
        let l = list(&["Escamp", "Segbroek", "Scheveningen", "Centrum"]);
        assert_eq!(rank("s", &l), ["Segbroek", "Scheveningen", "Escamp"]);
        assert_eq!(rank("segbrk", &l), ["Segbroek"]);
        assert_eq!(rank("", &l), l);
        assert!(rank("zzzz", &l).is_empty());
    }

    #[test]
    fn unique_match_takes_only_an_unambiguous_prefix() {
        let l = list(&["Escamp", "Segbroek", "Scheveningen"]);
        assert_eq!(unique_match("esc", &l), Some("Escamp".into()));
        assert_eq!(unique_match("s", &l), None);
        assert_eq!(unique_match("segbroke", &l), None);
    }

    #[test]
    fn near_pairs_lists_each_pair_once() {
        let l = list(&["Segbroek", "Escamp", "Segbroke", "escamp"]);
        assert_eq!(
            near_pairs(&l),
            [
                ("Segbroek".to_string(), "Segbroke".to_string()),
                ("Escamp".to_string(), "escamp".to_string())
            ]
        );
    }
}

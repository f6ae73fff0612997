//! Fuzzy matching for the palette, the jump list and the pickers: the query's
//! characters must appear in order in the candidate (accents and case ignored);
//! matches at word starts, runs of consecutive characters and plain substrings
//! score higher.

use crate::domain::minutes::fold;

/// A score for `candidate` against `query`, or `None` when it does not match. An empty
/// query matches everything with score 0.
pub fn score(query: &str, candidate: &str) -> Option<i64> {
    let q: Vec<char> = fold(query).chars().filter(|c| !c.is_whitespace()).collect();
    if q.is_empty() {
        return Some(0);
    }
    let folded = fold(candidate);
    let c: Vec<char> = folded.chars().collect();
    // Two greedy walks: leftmost, and preferring word starts (for acronyms such as
    // "dso"); the better one counts.
    let best = [false, true]
        .into_iter()
        .filter_map(|words| walk(&q, &c, words))
        .max()?;
    let compact: String = q.iter().collect();
    let bonus = match folded.find(&compact) {
        Some(0) => 60,
        Some(_) => 30,
        None => 0,
    };
    Some(best + bonus - (c.len() as i64 / 10).min(10))
}

fn is_word_start(c: &[char], i: usize) -> bool {
    i == 0 || !c[i - 1].is_alphanumeric()
}

fn walk(q: &[char], c: &[char], prefer_words: bool) -> Option<i64> {
    let mut total = 0i64;
    let mut from = 0usize;
    let mut prev: Option<usize> = None;
    for &qc in q {
        let leftmost = (from..c.len()).find(|&i| c[i] == qc)?;
        let i = if prefer_words {
            (from..c.len())
                .find(|&i| c[i] == qc && is_word_start(c, i))
                .unwrap_or(leftmost)
        } else {
            leftmost
        };
        let mut s = 10;
        if is_word_start(c, i) {
            s += 15;
        }
        match prev {
            Some(p) if p + 1 == i => s += 10,
            Some(p) => s -= ((i - p - 1) as i64).min(8),
            None => s -= (i as i64).min(20),
        }
        total += s;
        prev = Some(i);
        from = i + 1;
    }
    Some(total)
}

/// The indices of `items` that match, best first (stable for equal scores).
pub fn rank<'a>(query: &str, items: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
    let mut scored: Vec<(i64, usize)> = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| score(query, s).map(|sc| (sc, i)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// [`rank`]; and when nothing matches, the items within a typo or two of the query,
/// so that a picker over a kept list still offers Segbroek for "Segbroke".
pub fn rank_or_near(query: &str, items: &[&str]) -> Vec<usize> {
    let ranked = rank(query, items.iter().copied());
    if !ranked.is_empty() || query.trim().is_empty() {
        return ranked;
    }
    let names: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    crate::domain::vocab::rank(query, &names)
        .iter()
        .filter_map(|n| names.iter().position(|x| x == n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_still_finds_the_name_when_nothing_else_matches() {
        let items = ["Escamp", "Segbroek", "Scheveningen"];
        assert_eq!(rank_or_near("Segbroke", &items), [1]);
        assert_eq!(rank_or_near("seg", &items), rank("seg", items));
        assert!(rank_or_near("Rotterdam", &items).is_empty());
    }

    #[test]
    fn subsequence_ignoring_case_and_accents() {
        assert!(score("zhk", "Zeeheldenkwartier").is_some());
        assert!(score("cafe", "Café de Wijk").is_some());
        assert!(score("xyz", "Zeeheldenkwartier").is_none());
        assert_eq!(score("", "anything"), Some(0));
    }

    #[test]
    fn every_latin_letter_is_found_without_its_accent() {
        for (q, name) in [
            ("stefan", "Ștefan cel Mare-buurt"),
            ("sao", "Wijkvereniging São Paulo"),
            ("lodz", "Łódź Partnerschap"),
            ("aero", "Aerø Bewonersraad"),
            ("nguyen", "Đặng Nguyễn"),
        ] {
            assert!(score(q, name).is_some(), "{q} does not find {name}");
        }
    }

    #[test]
    fn prefixes_and_word_starts_rank_first() {
        let items = [
            "Bewonersorganisatie Duinoord",
            "Wijkberaad Duindorp",
            "Dienst Stedelijke Ontwikkeling",
        ];
        let r = rank("duin", items);
        assert_eq!(r.len(), 2);
        let r = rank(
            "dso",
            ["Bewoners de Sloop", "Dienst Stedelijke Ontwikkeling"],
        );
        assert_eq!(r[0], 1);
        let r = rank("help", ["Show the help", "help"]);
        assert_eq!(r[0], 1);
    }
}

//! Matching a typed name against known names, ignoring case and accents.

use super::fold;

/// The outcome of matching a typed name against known names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixMatch<T> {
    Unique(T),
    /// The names of all candidates that matched equally well.
    Ambiguous(Vec<String>),
    None,
}

/// Matches `query` against candidate names, ignoring case and accents. An exact
/// name wins; otherwise the query must be the start of the name or of one of its
/// words (`Zeeheld` finds "Bewonersorganisatie Zeeheldenkwartier"). `-` and `_`
/// match a space, since tokens cannot hold spaces (`@jan-de` finds "Jan de Vries").
pub fn match_prefix<'a, T: Clone>(
    query: &str,
    candidates: impl IntoIterator<Item = (&'a str, T)>,
) -> PrefixMatch<T> {
    let query = match_key(query);
    if query.is_empty() {
        return PrefixMatch::None;
    }
    let mut exact = Vec::new();
    let mut prefix = Vec::new();
    for (name, value) in candidates {
        let key = match_key(name);
        if key == query {
            exact.push((name, value));
        } else if word_starts(&key).any(|i| key[i..].starts_with(&query)) {
            prefix.push((name, value));
        }
    }
    let found = if exact.is_empty() { prefix } else { exact };
    if found.len() > 1 {
        return PrefixMatch::Ambiguous(found.into_iter().map(|(n, _)| n.to_owned()).collect());
    }
    match found.into_iter().next() {
        Some((_, value)) => PrefixMatch::Unique(value),
        None => PrefixMatch::None,
    }
}

/// Folded, with `-`/`_` as spaces and whitespace collapsed.
fn match_key(s: &str) -> String {
    fold(s)
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte offsets where a word starts: an alphanumeric after a non-alphanumeric, and 0.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_alnum = false;
    s.char_indices().filter_map(move |(i, c)| {
        let start = i == 0 || (c.is_alphanumeric() && !prev_alnum);
        prev_alnum = c.is_alphanumeric();
        start.then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn orgs() -> Vec<(&'static str, u32)> {
        vec![
            ("Bewonersorganisatie Zeeheldenkwartier", 1),
            ("Het Oude Centrum", 2),
            ("Huurdersvereniging Zuid", 3),
            ("Zuid", 4),
            ("Café de Kroon", 5),
            ("Jan de Vries", 6),
            ("Jan-Willem Bakker", 7),
        ]
    }

    #[test]
    fn match_prefix_unique_and_word_prefix() {
        let m = |q: &str| match_prefix(q, orgs());
        assert_eq!(m("Zeeheld"), PrefixMatch::Unique(1));
        assert_eq!(m("bewoners"), PrefixMatch::Unique(1));
        assert_eq!(m("oude"), PrefixMatch::Unique(2));
        assert_eq!(m("oude-cen"), PrefixMatch::Unique(2));
        assert_eq!(m("het_oude_centrum"), PrefixMatch::Unique(2));
        assert_eq!(m("CAFE"), PrefixMatch::Unique(5));
        assert_eq!(m("kroon"), PrefixMatch::Unique(5));
        assert_eq!(m("jan-de"), PrefixMatch::Unique(6));
        assert_eq!(m("jan-w"), PrefixMatch::Unique(7));
        assert_eq!(m("willem"), PrefixMatch::Unique(7));
    }

    #[test]
    fn match_prefix_exact_wins() {
        // "Zuid" is both a whole name and a word of "Huurdersvereniging Zuid".
        assert_eq!(match_prefix("zuid", orgs()), PrefixMatch::Unique(4));
    }

    #[test]
    fn match_prefix_ambiguous_and_none() {
        assert_eq!(
            match_prefix("jan", orgs()),
            PrefixMatch::Ambiguous(vec!["Jan de Vries".into(), "Jan-Willem Bakker".into()])
        );
        assert_eq!(
            match_prefix("zu", orgs()),
            PrefixMatch::Ambiguous(vec!["Huurdersvereniging Zuid".into(), "Zuid".into()])
        );
        assert_eq!(match_prefix("eeheld", orgs()), PrefixMatch::None);
        assert_eq!(match_prefix("", orgs()), PrefixMatch::None);
        assert_eq!(match_prefix(" - ", orgs()), PrefixMatch::None);
        assert_eq!(
            match_prefix("x", Vec::<(&str, u8)>::new()),
            PrefixMatch::None
        );
        let twins = [("Jan Jansen", 1), ("jan jansen", 2)];
        assert_eq!(
            match_prefix("Jan Jansen", twins),
            PrefixMatch::Ambiguous(vec!["Jan Jansen".into(), "jan jansen".into()])
        );
    }

    proptest! {
        #[test]
        fn match_prefix_never_panics(query in any::<String>(), names in prop::collection::vec(any::<String>(), 0..5)) {
            let _ = match_prefix(&query, names.iter().map(|n| (n.as_str(), ())));
            let _ = fold(&query);
        }

        #[test]
        fn every_name_finds_itself_or_a_namesake(names in prop::collection::vec("[A-Za-zéÉ -]{1,12}", 1..6)) {
            for (i, name) in names.iter().enumerate() {
                match match_prefix(name, names.iter().enumerate().map(|(j, n)| (n.as_str(), j))) {
                    PrefixMatch::Unique(j) => prop_assert_eq!(match_key(&names[j]), match_key(name)),
                    PrefixMatch::Ambiguous(found) => prop_assert!(found.len() > 1),
                    PrefixMatch::None => prop_assert!(match_key(name).is_empty(), "{i} {name:?}"),
                }
            }
        }
    }
}

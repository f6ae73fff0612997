//! `@Ingrid Smits`: an owner token is one word (names use `-` for spaces), but a
//! minute-taker types a full name with its space. Given the names that begin with the
//! token's word, the token takes in the words after it that complete one of them, so
//! the owner is the whole name and the surname does not stay in the action's text.

use super::folding::fold;
use super::parse::name_len;
use super::{ParsedLine, TokenKind};

/// At most this many words after the `@word` are tried ("Jan van der Berg-Smit").
const MORE_WORDS: usize = 4;

impl ParsedLine {
    /// The owner tokens' words that have a word after them: the ones a full name could
    /// start with (the store looks up the names that begin with each).
    pub fn owner_words_before_text(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match &t.kind {
                TokenKind::Owner(word) if !self.words_after(i).is_empty() => Some(word.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Let each owner token take in the words after it that make it one of `known`
    /// (case and accents aside), the longest such name first. The last word taken must
    /// start with a capital, as a surname does: in `@Jan bel de wethouder` "bel" is
    /// text, even when someone is called Jan Bel.
    pub fn take_full_names(&mut self, known: &[String]) {
        if known.is_empty() {
            return;
        }
        let known: Vec<String> = known.iter().map(|k| fold(k)).collect();
        for i in 0..self.tokens.len() {
            let TokenKind::Owner(word) = &self.tokens[i].kind else {
                continue;
            };
            let mut name = word.clone();
            let mut taken = None;
            for (end, w) in self.words_after(i) {
                name.push(' ');
                name.push_str(w);
                if w.chars().next().is_some_and(char::is_uppercase) && known.contains(&fold(&name))
                {
                    taken = Some((end, name.clone()));
                }
            }
            if let Some((end, full)) = taken {
                self.tokens[i].span.end = end;
                self.tokens[i].kind = TokenKind::Owner(full);
            }
        }
    }

    /// The words right after token `i`, each after one space, up to the next token:
    /// (byte offset where the word ends, the word).
    fn words_after(&self, i: usize) -> Vec<(usize, &str)> {
        let limit = self
            .tokens
            .get(i + 1)
            .map_or(self.raw.len(), |t| t.span.start);
        let mut pos = self.tokens[i].span.end;
        let mut words = Vec::new();
        while words.len() < MORE_WORDS {
            let Some(rest) = self.raw[pos..limit].strip_prefix(' ') else {
                break;
            };
            let len = name_len(rest);
            if len == 0 {
                break;
            }
            words.push((pos + 1 + len, &rest[..len]));
            pos += 1 + len;
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::minutes::{ParsedLine, TokenKind, parse_line};
    use chrono::NaiveDate;

    fn line(text: &str, known: &[&str]) -> ParsedLine {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut p = parse_line(text, today);
        let known: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        p.take_full_names(&known);
        p
    }

    #[test]
    fn a_full_name_typed_with_its_space_is_the_owner_and_leaves_the_text() {
        let p = line(
            "Actie: @Ingrid Smits belt de netbeheerder voor 1 juli",
            &["Ingrid Smits", "Ingrid Bakker"],
        );
        assert_eq!(p.owner(), Some("Ingrid Smits"));
        assert_eq!(p.title(), "belt de netbeheerder voor 1 juli");
        assert_eq!(p.plain(), "belt de netbeheerder voor 1 juli");
        assert_eq!(&p.raw[p.tokens[0].span.clone()], "@Ingrid Smits");
    }

    #[test]
    fn the_longest_name_wins_and_particles_may_be_lower_case() {
        let p = line(
            "A: @Jan van der Berg belt",
            &["Jan van", "Jan van der Berg", "Jan"],
        );
        assert_eq!(p.owner(), Some("Jan van der Berg"));
        assert_eq!(p.title(), "belt");
    }

    #[test]
    fn case_and_accents_aside_but_the_surname_is_capitalised() {
        let p = line("A: @zoe Ëlberts vraagt na", &["Zoë Elberts"]);
        assert_eq!(p.owner(), Some("zoe Ëlberts"));
        assert_eq!(p.title(), "vraagt na");
        // A lower-case word after the name reads as text, even when it completes a name.
        let p = line("A: @Jan bel de wethouder", &["Jan Bel"]);
        assert_eq!(p.owner(), Some("Jan"));
        assert_eq!(p.title(), "bel de wethouder");
    }

    #[test]
    fn unknown_words_stay_text_and_other_tokens_are_not_taken_in() {
        let p = line("A: @Ingrid Escamp bezoeken", &["Ingrid Smits"]);
        assert_eq!(p.owner(), Some("Ingrid"));
        assert_eq!(p.title(), "Escamp bezoeken");
        let p = line("A: @Ingrid #Smits bellen", &["Ingrid Smits"]);
        assert_eq!(p.owner(), Some("Ingrid"));
        assert!(matches!(p.tokens[1].kind, TokenKind::Theme(_)));
        // Two spaces, or a comma, end the name.
        let p = line("A: @Ingrid  Smits bellen", &["Ingrid Smits"]);
        assert_eq!(p.owner(), Some("Ingrid"));
        let p = line("A: @Ingrid, Smits bellen", &["Ingrid Smits"]);
        assert_eq!(p.owner(), Some("Ingrid"));
    }

    #[test]
    fn only_owner_words_with_text_after_them_are_asked_about() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let p = parse_line("A: bellen @Ingrid", today);
        assert!(p.owner_words_before_text().is_empty());
        let p = parse_line("A: @Ingrid Smits bellen", today);
        assert_eq!(p.owner_words_before_text(), ["Ingrid"]);
    }
}

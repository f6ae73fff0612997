//! What erasure looks for and what it writes instead: every way a person is written
//! down (full name, the hyphenated `@Xandra-Quibbleworth` form, username, e-mail
//! address, phone number), in any letter case, replaced by one stand-in.

use regex::Regex;
use std::borrow::Cow;

/// What every mention of an erased person becomes.
pub const STAND_IN: &str = "[verwijderd]";

/// The forms of one person's identity, found case-insensitively as whole words.
#[derive(Debug, Clone)]
pub struct Mentions {
    re: Option<Regex>,
}

/// Characters that may join the parts of a name in a mention: `Xandra Quibbleworth`,
/// `@Xandra-Quibbleworth`, `xandra_quibbleworth`, `Xandra.Quibbleworth`.
const NAME_JOIN: &str = r"[\s\-_.]+";
/// Characters people put between the digits of a phone number.
const PHONE_JOIN: &str = r"[\s\-./()]*";

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `\b` on a side only where the text there is a word character, so that a needle
/// ending in a dot or starting with `+` still matches.
fn bounded(pattern: String, first: char, last: char) -> String {
    let start = if is_word(first) { r"\b" } else { "" };
    let end = if is_word(last) { r"\b" } else { "" };
    format!("{start}(?:{pattern}){end}")
}

/// A word of a name with or without its accents (`Zoë` is also typed `Zoe`, and
/// may be stored with the accent as a separate combining mark).
fn letters_pattern(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let plain = super::minutes::fold(&c.to_string());
        let lower: String = c.to_lowercase().collect();
        if !plain.is_empty() && plain != lower {
            out.push_str(&format!(
                "(?:{}|{})",
                regex::escape(&c.to_string()),
                regex::escape(&plain)
            ));
        } else {
            out.push_str(&regex::escape(&c.to_string()));
        }
        out.push_str(r"\p{Mn}*");
    }
    out
}

fn name_pattern(name: &str) -> Option<String> {
    let parts: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|p| !p.is_empty())
        .map(letters_pattern)
        .collect();
    let first = name.trim().chars().next()?;
    let last = name.trim().chars().last()?;
    Some(bounded(parts.join(NAME_JOIN), first, last))
}

fn phone_pattern(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return None;
    }
    let join = |ds: &[char]| {
        ds.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(PHONE_JOIN)
    };
    let mut alternatives = vec![format!(r"\b{}", join(&digits))];
    // 06-1234 5678 is also written +31 6 1234 5678 or 0031 (0)6 ...
    if digits[0] == '0' && digits[1] != '0' {
        alternatives.push(format!(
            r"(?:\+|\b00){PHONE_JOIN}31{PHONE_JOIN}(?:\(0\){PHONE_JOIN})?{}",
            join(&digits[1..])
        ));
    }
    Some(format!(r"(?:{})\b", alternatives.join("|")))
}

impl Mentions {
    /// The forms of a person with this name, username, e-mail address and phone
    /// number. Forms shorter than three characters are left out: they would erase
    /// half of every text.
    pub fn new(
        name: &str,
        username: Option<&str>,
        email: Option<&str>,
        phone: Option<&str>,
    ) -> Mentions {
        let long = |s: &&str| s.trim().chars().count() >= 3;
        let mut patterns: Vec<String> = Vec::new();
        if let Some(e) = email.map(str::trim).filter(long) {
            // The address first, so that a name inside it goes with the address.
            let (f, l) = (e.chars().next().unwrap(), e.chars().last().unwrap());
            patterns.push(bounded(regex::escape(e), f, l));
        }
        if let Some(p) = phone.and_then(phone_pattern) {
            patterns.push(p);
        }
        if let Some(n) = Some(name.trim()).filter(long).and_then(name_pattern) {
            patterns.push(n);
        }
        if let Some(u) = username.map(str::trim).filter(long) {
            let (f, l) = (u.chars().next().unwrap(), u.chars().last().unwrap());
            patterns.push(bounded(regex::escape(u), f, l));
        }
        let re = (!patterns.is_empty()).then(|| {
            Regex::new(&format!("(?i){}", patterns.join("|")))
                .expect("escaped patterns always compile")
        });
        Mentions { re }
    }

    pub fn found_in(&self, text: &str) -> bool {
        self.re.as_ref().is_some_and(|re| re.is_match(text))
    }

    /// `text` with every mention replaced by [`STAND_IN`].
    pub fn replace<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match &self.re {
            Some(re) => re.replace_all(text, regex::NoExpand(STAND_IN)),
            None => Cow::Borrowed(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xandra() -> Mentions {
        Mentions::new(
            "Xandra Quibbleworth",
            Some("xquibble"),
            Some("X.Quibble@Example.org"),
            Some("06-1234 5678"),
        )
    }

    #[test]
    fn every_form_in_any_case_becomes_the_stand_in() {
        let m = xandra();
        for text in [
            "Xandra Quibbleworth",
            "@Xandra-Quibbleworth",
            "XANDRA QUIBBLEWORTH",
            "xandra_quibbleworth",
            "Xandra\n  Quibbleworth",
            "@xquibble",
            "XQuibble",
            "x.quibble@example.org",
            "0612345678",
            "06 12 34 56 78",
            "+31 6 1234 5678",
            "0031 (0)6-12345678",
        ] {
            assert_eq!(
                m.replace(text).trim_start_matches('@'),
                STAND_IN,
                "{text:?}"
            );
        }
        assert_eq!(
            m.replace("Bel @xquibble of mail x.quibble@example.org."),
            "Bel @[verwijderd] of mail [verwijderd]."
        );
    }

    #[test]
    fn accents_may_be_left_out_or_typed_apart() {
        let m = Mentions::new("Zoë de Bruïne", None, None, None);
        for text in [
            "Zoë de Bruïne",
            "@Zoe-de-Bruine",
            "ZOË DE BRUÏNE",
            "Zoe\u{308} de Brui\u{308}ne",
        ] {
            assert_eq!(
                m.replace(text).trim_start_matches('@'),
                STAND_IN,
                "{text:?}"
            );
        }
        assert_eq!(m.replace("Zoë de Bruin"), "Zoë de Bruin");
    }

    #[test]
    fn other_words_stay() {
        let m = xandra();
        for text in [
            "xquibbles",
            "Xandra",
            "Quibbleworthy",
            "06-1234 56789",
            "106-1234 5678",
            "Quibbleworth Xandra",
        ] {
            assert_eq!(m.replace(text), text, "{text:?}");
            assert!(!m.found_in(text));
        }
        let none = Mentions::new("Al", Some("x"), None, Some("112"));
        assert_eq!(none.replace("Al x 112"), "Al x 112");
    }
}

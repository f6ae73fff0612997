//! What a typed search becomes: quoted words folded as the index folds them, a record
//! ID if one was typed, and the marks around matched words in snippets.

use super::*;
use crate::domain::Problem;

/// What a typed search becomes: an FTS5 expression of quoted words, and a record ID
/// when one was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// e.g. `"een"* "centraal"*`: what the whole query means to FTS5.
    pub fts: String,
    /// "S-42", "s42" or "S 42" typed: that record comes first.
    pub record: Option<RecordRef>,
    pub(super) words: Vec<Word>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// As FTS5 gets it: `"stoep"*`; a single letter or digit is a whole word, `"a"`.
    pub(super) fts: String,
    /// The word as the index folds it (lowercase, accents off, see [`fold`]) when it is
    /// one token of letters and digits that folds to plain ASCII; `None` otherwise.
    pub(super) folded: Option<String>,
    /// Matched as the start of a word (`*`).
    pub(super) prefix: bool,
}

impl Word {
    pub(super) fn new(w: &str) -> Word {
        let quoted = format!("\"{}\"", w.replace('"', "\"\""));
        let pieces: Vec<&str> = w
            .split(|c: char| !is_token_char(c))
            .filter(|p| !p.is_empty())
            .collect();
        let last = pieces
            .last()
            .map_or(0, |p| p.chars().filter(|&c| !is_combining(c)).count());
        // A prefix of one letter would make FTS5 merge the lists of every word that
        // starts with it (a million rows for "d"): one letter is a word of its own.
        let prefix = last >= 2;
        let folded = if pieces.len() == 1 {
            Some(fold(w)).filter(|f| f.bytes().all(|b| b.is_ascii_alphanumeric()))
        } else {
            None
        };
        Word {
            fts: if prefix { quoted + "*" } else { quoted },
            folded,
            prefix,
        }
    }

    /// Whether one token of a record (as it is in the record) is a match for this word.
    pub(super) fn matches(&self, token: &str) -> Option<bool> {
        let want = self.folded.as_deref()?;
        let got = plain(token);
        Some(if self.prefix {
            got.starts_with(want)
        } else {
            got == want
        })
    }
}

/// Turn whatever was typed into a valid FTS5 query. Pure: no database needed.
///
/// Control characters are dropped; the text is split at white space and at FTS5's
/// syntax characters (`" ( ) * ^ : { } +`, and `,` `;`); punctuation at either end of a
/// word goes, and pieces without a letter or digit are dropped. Every word left becomes a
/// quoted string matched as a prefix, so FTS5 operators (`AND`, `NEAR`, `col:`) are plain
/// words. All words must match. Single letters and digits are left out; a word whose
/// last part is one ("S-4") is matched whole.
///
/// # Errors
/// `StoreError::Invalid` for text without a single letter or digit, for single letters
/// and digits only (unless they make a record ID, "S 4"), and for more than
/// [`MAX_WORDS`] words.
pub fn build_query(input: &str) -> Result<SearchQuery> {
    let cleaned = text::clean_line(input);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(invalid(Problem::SearchEmpty));
    }
    // FTS5's own syntax characters separate words; other punctuation stays inside a
    // word, which then matches as a phrase ("S-42", "anna@example.org").
    let words: Vec<&str> = trimmed
        .split(|c: char| c.is_whitespace() || SYNTAX.contains(&c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !is_combining(c)))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        let shown: String = trimmed.chars().take(40).collect();
        return Err(invalid(Problem::SearchNoWord {
            shown: shown.to_string(),
        }));
    }
    if words.len() > MAX_WORDS {
        return Err(invalid(Problem::SearchTooManyWords {
            max: MAX_WORDS,
            count: words.len(),
        }));
    }
    let record = id_in(trimmed, &words);
    // A single letter or digit is left out: as a prefix it would make FTS5 merge the
    // lists of every word that starts with it (a million rows for "d"), as a word it
    // matches little that was meant, and it is mostly the start of the next word typed.
    let single = |w: &&str| w.chars().filter(|&c| !is_combining(c)).count() < 2;
    if record.is_none() && words.iter().all(single) {
        return Err(invalid(Problem::SearchTooShort {
            words: words.join(" "),
        }));
    }
    let words: Vec<Word> = words
        .into_iter()
        .filter(|w| !single(w))
        .map(Word::new)
        .collect();
    let fts = words
        .iter()
        .map(|w| w.fts.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(SearchQuery { fts, record, words })
}

/// Characters with a meaning in FTS5 queries, and list separators: they split words.
pub(super) const SYNTAX: &[char] = &['"', '(', ')', '*', '^', ':', '{', '}', '+', ',', ';'];

/// Combining accents belong to the letter before them ("e\u{301}" is "é").
pub(super) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A character of a token for the index's tokenizer: letters, digits and the accents
/// on them; anything else separates tokens.
pub(super) fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Text as the index folds it (`unicode61 remove_diacritics 2`): lowercase, combining
/// accents dropped, and the accented Latin letters it folds made plain. Letters it keeps
/// as they are (ø, ß, ł, æ, đ, …) stay, unlike `domain::minutes::fold`: a word that is
/// plain ASCII here is the very term the index holds.
pub(super) fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_combining(c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
            'ĥ' => 'h',
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' => 'i',
            'ĵ' => 'j',
            'ķ' => 'k',
            'ĺ' | 'ļ' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ŏ' | 'ő' => 'o',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => 's',
            'ţ' | 'ť' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'ŵ' => 'w',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            c => c,
        })
        .collect()
}

/// Text folded as the index folds it, and then the letters the index keeps (ł, ø, æ, ß,
/// …) spelt as people type them without accents: "łódź" is "lodz".
pub(super) fn plain(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        match super::plan::KEPT_LETTERS.iter().find(|(_, k)| *k == c) {
            Some((ascii, _)) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// The tokens of a text: runs of letters, digits and accents.
pub(super) fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_token_char(c))
        .filter(|t| !t.is_empty())
}

/// A record ID typed as the whole query ("S 42") or as one of its words ("S-42").
pub(super) fn id_in(whole: &str, words: &[&str]) -> Option<RecordRef> {
    std::iter::once(whole)
        .chain(words.iter().copied())
        .find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            // A bare number is not an ID here: it is as likely a house number.
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            RecordRef::parse(w, None).ok()
        })
}

/// Split a snippet with marks into plain text and the character ranges of the matches.
pub(super) fn unmark(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut plain = String::with_capacity(s.len());
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut n = 0usize;
    for c in s.chars() {
        match c {
            MARK_OPEN => open = Some(n),
            MARK_CLOSE => {
                if let Some(start) = open.take()
                    && start < n
                {
                    ranges.push((start, n));
                }
            }
            '\n' | '\r' | '\t' => {
                plain.push(' ');
                n += 1;
            }
            c => {
                plain.push(c);
                n += 1;
            }
        }
    }
    (plain, ranges)
}

/// A column as `highlight()` gives it: how many tokens it has, and the marked pieces.
pub(super) fn marked(s: &str) -> (usize, Vec<&str>) {
    let mut n = 0;
    let mut spans = Vec::new();
    let mut in_token = false;
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            MARK_OPEN => open = Some(i + c.len_utf8()),
            MARK_CLOSE => {
                if let Some(start) = open.take() {
                    spans.push(&s[start..i]);
                }
            }
            c => {
                let t = is_token_char(c);
                if t && !in_token {
                    n += 1;
                }
                in_token = t;
            }
        }
    }
    (n, spans)
}

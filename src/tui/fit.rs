//! Fitting text to the terminal: messages wrapped to as many lines as they need (a
//! status or refusal is never cut), and column widths that never cut an ID or date.

use crate::domain::text::cell_width;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` broken into lines of at most `width` cells, at spaces where it can, inside
/// a word only when the word alone is wider than a line. Nothing is left out.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = cell_width(word);
            let gap = usize::from(used > 0);
            if used + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= width {
                line.push_str(word);
                used = w;
                continue;
            }
            // A word longer than a line: cut between grapheme clusters.
            for g in word.graphemes(true) {
                let gw = g.width();
                if used + gw > width && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push_str(g);
                used += gw;
            }
        }
        lines.push(line);
    }
    lines
}

/// How many lines [`wrap`] makes of `text` at `width`.
pub fn wrapped_height(text: &str, width: usize) -> usize {
    wrap(text, width).len()
}

/// The width of a column that must show every one of `cells` whole (IDs, dates),
/// and its header, and at least `min`.
pub fn whole<'a>(header: &str, cells: impl IntoIterator<Item = &'a str>, min: u16) -> u16 {
    let widest = cells
        .into_iter()
        .map(cell_width)
        .chain(std::iter::once(cell_width(header)))
        .max()
        .unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX).max(min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wraps_at_spaces_and_cuts_only_words_longer_than_a_line() {
        assert_eq!(wrap("een twee drie", 8), vec!["een twee", "drie"]);
        assert_eq!(wrap("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrapped_height("日本語のタイトル", 4), 4);
    }

    #[test]
    fn a_column_is_as_wide_as_its_widest_cell() {
        assert_eq!(whole("ID", ["S-1", "S-1000000"], 4), 9);
        assert_eq!(whole("Datum", ["", ""], 3), 5);
    }

    proptest! {
        #[test]
        fn wrapping_keeps_every_word_and_every_line_fits(
            words in prop::collection::vec("[a-zé日]{1,15}", 0..20),
            width in 1usize..30,
        ) {
            let text = words.join(" ");
            let lines = wrap(&text, width);
            for l in &lines {
                prop_assert!(cell_width(l) <= width.max(2), "{l:?} at {width}");
            }
            // Every letter, in order; only the spaces between words may move.
            let joined: String = lines.concat().replace(' ', "");
            prop_assert_eq!(joined, words.concat());
        }
    }
}

//! The minutes editor's input line: one line of text with a cursor, drawn by the
//! editor itself so that tokens can be highlighted as they are typed, and so that Tab
//! completion can replace the token under the cursor.

use crate::domain::text;
use crate::tui::input::{Edit, edit_of};
use crossterm::event::KeyEvent;
use ratatui::text::Span;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineInput {
    text: String,
    /// The cursor as a byte offset into `text`, always on a char boundary.
    cursor: usize,
}

/// The display width of a piece of text.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

impl LineInput {
    pub fn new(value: &str) -> LineInput {
        let text = text::clean_line(value);
        LineInput {
            cursor: text.len(),
            text,
        }
    }

    pub fn value(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, value: &str) {
        *self = LineInput::new(value);
    }

    /// The start of the letter (grapheme: é typed as e and an accent is one) before `at`.
    fn prev(&self, at: usize) -> usize {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
            .unwrap_or(0)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .graphemes(true)
            .next()
            .map(|g| at + g.len())
            .unwrap_or(at)
    }

    /// The start of the word before `at` (for Ctrl-W and Alt-B).
    fn word_start(&self, at: usize) -> usize {
        let before = &self.text[..at];
        let trimmed = before.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0)
    }

    fn word_end(&self, at: usize) -> usize {
        let after = &self.text[at..];
        let skip = after.len() - after.trim_start().len();
        after[skip..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, _)| at + skip + i)
            .unwrap_or(self.text.len())
    }

    /// Insert text at the cursor (cleaned of control characters and line breaks).
    pub fn insert(&mut self, s: &str) -> bool {
        let clean = text::clean_line(s);
        if clean.is_empty() {
            return false;
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        true
    }

    /// Replace a byte range (a token being completed) and put the cursor after it.
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        let end = range.end.min(self.text.len());
        let start = range.start.min(end);
        self.text.replace_range(start..end, with);
        self.cursor = start + with.len();
    }

    /// Edit with a key; true when the text changed. The keys are every text field's
    /// (see [`crate::tui::input::edit_of`]); keys that are no edit on one line (Enter,
    /// Tab, Esc, Up, Down, …) are left alone and return false.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        match edit_of(&key, false) {
            Some(edit) => self.apply(edit),
            None => false,
        }
    }

    /// Carry out one edit; true when the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let before = self.text.len();
        let at = self.cursor;
        let cut = match edit {
            Edit::Insert(c) => {
                let mut buf = [0u8; 4];
                return self.insert(c.encode_utf8(&mut buf));
            }
            Edit::Newline | Edit::Up | Edit::Down => return false,
            Edit::Backspace => self.prev(at)..at,
            Edit::Delete => at..self.next(at),
            Edit::DeleteToStart => 0..at,
            Edit::DeleteToEnd => at..self.text.len(),
            Edit::DeleteWordBack => self.word_start(at)..at,
            Edit::DeleteWordForward => at..self.word_end(at),
            moving => {
                self.cursor = match moving {
                    Edit::Left => self.prev(at),
                    Edit::Right => self.next(at),
                    Edit::WordLeft => self.word_start(at),
                    Edit::WordRight => self.word_end(at),
                    Edit::Home => 0,
                    _ => self.text.len(),
                };
                return false;
            }
        };
        self.text.replace_range(cut.clone(), "");
        self.cursor = cut.start;
        self.text.len() != before
    }

    /// The token being typed at the cursor: from the last space before the cursor to
    /// the cursor (a quoted `org:"…` counts as one token).
    pub fn token_at_cursor(&self) -> (Range<usize>, &str) {
        let before = &self.text[..self.cursor];
        let mut start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        // Inside an open quote: the token starts at its `org:"`.
        if let Some(q) = before.to_lowercase().rfind("org:\"")
            && before[q + 5..].matches('"').count() == 0
        {
            start = start.min(q);
        }
        (start..self.cursor, &self.text[start..self.cursor])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_and_moves() {
        let mut i = LineInput::new("A: bel");
        assert!(i.handle_key(k(KeyCode::Char(' '))));
        assert!(i.handle_key(k(KeyCode::Char('é'))));
        assert!(i.handle_key(k(KeyCode::Backspace)));
        assert_eq!(i.value(), "A: bel ");
        assert!(!i.handle_key(k(KeyCode::Left)));
        assert!(i.handle_key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL)));
        assert_eq!(i.value(), "A:  ");
        assert!(!i.handle_key(k(KeyCode::Enter)));
    }

    #[test]
    fn the_token_at_the_cursor() {
        let i = LineInput::new("T: x org:\"Bewoners over");
        assert_eq!(i.token_at_cursor().1, "org:\"Bewoners over");
        let i = LineInput::new("A: bel @an");
        assert_eq!(i.token_at_cursor().1, "@an");
        let mut i = LineInput::new("A: bel @an morgen");
        i.replace(7..10, "@avries");
        assert_eq!(i.value(), "A: bel @avries morgen");
        assert_eq!(i.cursor(), 14);
    }
}

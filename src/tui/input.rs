//! One text input used everywhere (filters, the palette, pickers, form fields): a thin
//! wrapper over `ratatui_textarea::TextArea` that keeps single-line fields single-line,
//! cleans pasted text and never draws a colour of its own.

use super::theme::Theme;
use crate::domain::text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea};

#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multiline: bool,
}

impl Default for TextInput {
    fn default() -> Self {
        TextInput::single("")
    }
}

impl TextInput {
    pub fn new(value: &str, multiline: bool) -> TextInput {
        let mut input = TextInput {
            area: TextArea::default(),
            multiline,
        };
        input.set_value(value);
        input.set_focus(false, Style::new(), Style::new());
        input
    }

    pub fn single(value: &str) -> TextInput {
        TextInput::new(value, false)
    }

    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn set_value(&mut self, value: &str) {
        let lines: Vec<String> = if self.multiline {
            text::clean_text(value)
                .split('\n')
                .map(str::to_string)
                .collect()
        } else {
            vec![text::clean_line(value)]
        };
        let style = self.area.style();
        let cursor = self.area.cursor_style();
        self.area = TextArea::new(lines);
        self.area.set_style(style);
        self.area.set_cursor_style(cursor);
        self.area.set_cursor_line_style(Style::new());
        self.area.set_selection_style(Style::new());
        self.area.move_cursor(CursorMove::Bottom);
        self.area.move_cursor(CursorMove::End);
    }

    /// Focus on or off in the theme's input styles (what every plain field uses).
    pub fn focus(&mut self, focused: bool, theme: &Theme) {
        let style = if focused {
            theme.input_focus
        } else {
            theme.input
        };
        self.set_focus(focused, style, theme.cursor);
    }

    /// The field's look; the cursor is drawn only when focused.
    pub fn set_focus(&mut self, focused: bool, style: Style, cursor: Style) {
        self.area.set_style(style);
        self.area.set_cursor_line_style(Style::new());
        self.area.set_selection_style(cursor);
        self.area
            .set_cursor_style(if focused { cursor } else { style });
    }

    /// Edits the text with a key; true when the text changed. Keys that mean something
    /// else here (Enter and Tab in a single-line field, Esc) are left alone.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab => return false,
            KeyCode::Enter if !self.multiline => return false,
            KeyCode::Char('m' | 'j') if ctrl && !self.multiline => return false,
            KeyCode::Up | KeyCode::Down if !self.multiline => return false,
            _ => {}
        }
        let before = self.area.lines().to_vec();
        self.area.input(key);
        self.area.lines() != before.as_slice()
    }

    /// Inserts pasted text, cleaned of control characters.
    pub fn paste(&mut self, pasted: &str) -> bool {
        let clean = if self.multiline {
            text::clean_text(pasted)
        } else {
            text::clean_line(pasted)
        };
        if clean.is_empty() {
            return false;
        }
        if self.multiline {
            for (i, line) in clean.split('\n').enumerate() {
                if i > 0 {
                    self.area.insert_newline();
                }
                self.area.insert_str(line);
            }
            true
        } else {
            self.area.insert_str(clean)
        }
    }

    pub fn widget(&self) -> impl Widget + '_ {
        &self.area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn single_line_types_and_ignores_enter() {
        let mut i = TextInput::single("ab");
        assert!(i.handle_key(key(KeyCode::Char('c'))));
        assert!(!i.handle_key(key(KeyCode::Enter)));
        assert!(i.handle_key(key(KeyCode::Backspace)));
        assert_eq!(i.value(), "ab");
        assert!(i.paste("x\ny\x1b[31m"));
        assert_eq!(i.value(), "abx y[31m");
    }

    #[test]
    fn multiline_keeps_lines() {
        let mut i = TextInput::new("one\ntwo", true);
        assert!(i.handle_key(key(KeyCode::Enter)));
        assert!(i.handle_key(key(KeyCode::Char('3'))));
        assert_eq!(i.value(), "one\ntwo\n3");
    }
}

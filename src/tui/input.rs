//! One text input used everywhere (filters, the palette, pickers, form fields): a thin
//! wrapper over `ratatui_textarea::TextArea` that keeps single-line fields single-line,
//! cleans pasted text, wraps long lines in multi-line fields and never draws a colour
//! of its own. The editing keys are decided once, in [`edit_of`], for this input and
//! for the minutes editor's own line alike.

use super::theme::Theme;
use crate::domain::text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_segmentation::UnicodeSegmentation;

/// What an editing key does in a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Newline,
    /// Backspace: the character (grapheme) before the cursor.
    Backspace,
    /// Delete: the character (grapheme) under the cursor.
    Delete,
    /// Ctrl-U: from the start of the line to the cursor.
    DeleteToStart,
    /// Ctrl-K: from the cursor to the end of the line.
    DeleteToEnd,
    /// Ctrl-W, Alt-Backspace: the word before the cursor.
    DeleteWordBack,
    /// Alt-D, Ctrl-Delete: the word after the cursor.
    DeleteWordForward,
    Left,
    Right,
    /// Ctrl-Left, Alt-Left, Alt-B.
    WordLeft,
    /// Ctrl-Right, Alt-Right, Alt-F.
    WordRight,
    /// Home, Ctrl-A.
    Home,
    /// End, Ctrl-E.
    End,
    /// Up and Down: between lines of a multi-line field.
    Up,
    Down,
}

/// The edit a key means in a text field (`multiline`: Enter, Up and Down are edits
/// there too). Keys that are no edit here (Esc, Tab, function keys, …) give `None`.
pub fn edit_of(key: &KeyEvent, multiline: bool) -> Option<Edit> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if !ctrl && !alt => Edit::Insert(c),
        KeyCode::Char(c) if ctrl && !alt => match c.to_ascii_lowercase() {
            'u' => Edit::DeleteToStart,
            'k' => Edit::DeleteToEnd,
            'w' => Edit::DeleteWordBack,
            'h' => Edit::Backspace,
            'a' => Edit::Home,
            'e' => Edit::End,
            'm' | 'j' if multiline => Edit::Newline,
            _ => return None,
        },
        KeyCode::Char(c) if alt && !ctrl => match c.to_ascii_lowercase() {
            'b' => Edit::WordLeft,
            'f' => Edit::WordRight,
            'd' => Edit::DeleteWordForward,
            _ => return None,
        },
        KeyCode::Enter if multiline => Edit::Newline,
        KeyCode::Backspace if ctrl || alt => Edit::DeleteWordBack,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete if ctrl || alt => Edit::DeleteWordForward,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left if ctrl || alt => Edit::WordLeft,
        KeyCode::Right if ctrl || alt => Edit::WordRight,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Up if multiline && !ctrl && !alt => Edit::Up,
        KeyCode::Down if multiline && !ctrl && !alt => Edit::Down,
        _ => return None,
    })
}

/// A key that edits text (not a plain character): where text is typed it edits the
/// field, before any list or screen key that shares it (Ctrl-U is page up in a list,
/// Home its top).
pub fn is_edit_key(key: &KeyEvent) -> bool {
    !matches!(key.code, KeyCode::Char(_) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT))
        && edit_of(key, false).is_some()
}

/// The number of chars of the grapheme that ends at char `col` of `line`.
fn grapheme_before(line: &str, col: usize) -> usize {
    let end = line
        .char_indices()
        .nth(col)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    line[..end]
        .graphemes(true)
        .next_back()
        .map(|g| g.chars().count())
        .unwrap_or(0)
}

/// The number of chars of the grapheme that starts at char `col` of `line`.
fn grapheme_after(line: &str, col: usize) -> usize {
    let start = line
        .char_indices()
        .nth(col)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    line[start..]
        .graphemes(true)
        .next()
        .map(|g| g.chars().count())
        .unwrap_or(0)
}

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

    /// How many lines the text has (one at least).
    pub fn line_count(&self) -> usize {
        self.area.lines().len()
    }

    /// The cursor as (line, column in chars).
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
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
        // A long line in a multi-line field wraps at the field's width (by display
        // width, between words where it can); the view follows the cursor.
        if self.multiline {
            self.area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
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
    /// else here (Enter, Up and Down in a single-line field, Tab, Esc) are left alone.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        match edit_of(&key, self.multiline) {
            Some(edit) => self.apply(edit),
            None => false,
        }
    }

    /// Carries out one edit; true when the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let (row, col) = self.cursor();
        let line = self.area.lines().get(row).cloned().unwrap_or_default();
        let before = self.area.lines().to_vec();
        match edit {
            Edit::Insert(c) if c.is_control() => {}
            Edit::Insert(c) => self.area.insert_char(c),
            Edit::Newline if self.multiline => self.area.insert_newline(),
            Edit::Newline => {}
            Edit::Backspace if col == 0 => {
                self.area.delete_char();
            }
            Edit::Backspace => {
                for _ in 0..grapheme_before(&line, col) {
                    self.area.delete_char();
                }
            }
            Edit::Delete => match grapheme_after(&line, col) {
                0 => {
                    self.area.delete_next_char();
                }
                n => {
                    for _ in 0..n {
                        self.area.delete_next_char();
                    }
                }
            },
            Edit::DeleteToStart if col == 0 => {}
            Edit::DeleteToStart => {
                self.area.delete_line_by_head();
            }
            Edit::DeleteToEnd => {
                self.area.delete_line_by_end();
            }
            Edit::DeleteWordBack => {
                self.area.delete_word();
            }
            Edit::DeleteWordForward => {
                self.area.delete_next_word();
            }
            Edit::Left => {
                for _ in 0..grapheme_before(&line, col).max(1) {
                    self.area.move_cursor(CursorMove::Back);
                }
            }
            Edit::Right => {
                for _ in 0..grapheme_after(&line, col).max(1) {
                    self.area.move_cursor(CursorMove::Forward);
                }
            }
            Edit::WordLeft => self.area.move_cursor(CursorMove::WordBack),
            Edit::WordRight => self.area.move_cursor(CursorMove::WordForward),
            Edit::Home => self.area.move_cursor(CursorMove::Head),
            Edit::End => self.area.move_cursor(CursorMove::End),
            Edit::Up => self.area.move_cursor(CursorMove::Up),
            Edit::Down => self.area.move_cursor(CursorMove::Down),
        }
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
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use unicode_width::UnicodeWidthStr;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn alt(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::ALT)
    }

    fn typed(i: &mut TextInput, s: &str) {
        for c in s.chars() {
            i.handle_key(key(KeyCode::Char(c)));
        }
    }

    /// The field drawn at `w` × `h`, one string per row, trailing blanks cut.
    fn rows(i: &TextInput, w: u16, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        i.widget().render(area, &mut buf);
        (0..h)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < w {
                    let cell = &buf[(x, y)];
                    row.push_str(cell.symbol());
                    x += cell.symbol().width().max(1) as u16;
                }
                row.trim_end().to_string()
            })
            .collect()
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

    #[test]
    fn ctrl_u_and_ctrl_k_cut_to_the_line_ends() {
        let mut i = TextInput::single("bel de wijkagent");
        for _ in 0..8 {
            i.handle_key(key(KeyCode::Left));
        }
        assert!(i.handle_key(ctrl('k')));
        assert_eq!(i.value(), "bel de w");
        assert!(i.handle_key(ctrl('u')));
        assert_eq!(i.value(), "");
        assert!(!i.handle_key(ctrl('u')), "nothing left to cut");
        // In several lines, only the cursor's line.
        let mut m = TextInput::new("eerste regel\ntweede regel", true);
        assert!(m.handle_key(ctrl('u')));
        assert_eq!(m.value(), "eerste regel\n");
        assert!(
            !m.handle_key(ctrl('u')),
            "at the line start Ctrl-U joins nothing"
        );
        assert_eq!(m.value(), "eerste regel\n");
    }

    #[test]
    fn ctrl_w_and_words() {
        let mut i = TextInput::single("bankjes bij het plein");
        assert!(i.handle_key(ctrl('w')));
        assert_eq!(i.value(), "bankjes bij het ");
        assert!(i.handle_key(alt(KeyCode::Backspace)));
        assert_eq!(i.value(), "bankjes bij ");
        // Word by word to the left, then type there.
        i.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
        i.handle_key(alt(KeyCode::Left));
        typed(&mut i, "twee ");
        assert_eq!(i.value(), "twee bankjes bij ");
        // Word by word to the right: to the start of "bij", back, and there again.
        i.handle_key(KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL));
        i.handle_key(alt(KeyCode::Left));
        i.handle_key(alt(KeyCode::Right));
        assert_eq!(i.cursor(), (0, 13));
        assert!(i.handle_key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::ALT)));
        assert_eq!(i.value(), "twee bankjes  ");
    }

    #[test]
    fn home_end_and_ctrl_a_ctrl_e() {
        let mut i = TextInput::single("plein");
        assert!(!i.handle_key(key(KeyCode::Home)));
        typed(&mut i, "[");
        assert!(!i.handle_key(key(KeyCode::End)));
        typed(&mut i, "]");
        assert_eq!(i.value(), "[plein]");
        i.handle_key(ctrl('a'));
        typed(&mut i, "<");
        i.handle_key(ctrl('e'));
        typed(&mut i, ">");
        assert_eq!(i.value(), "<[plein]>");
    }

    #[test]
    fn edits_by_grapheme_with_diacritics_and_cjk() {
        // "e" with a combining acute accent: one letter on the screen, two chars.
        let mut i = TextInput::single("Cafe\u{0301}");
        assert_eq!(i.value().chars().count(), 5);
        assert!(i.handle_key(key(KeyCode::Backspace)));
        assert_eq!(i.value(), "Caf", "the whole é goes");
        let mut i = TextInput::single("coöperatie e\u{0301}n");
        i.handle_key(key(KeyCode::Left));
        i.handle_key(key(KeyCode::Left));
        assert!(i.handle_key(key(KeyCode::Delete)));
        assert_eq!(i.value(), "coöperatie n");
        let mut i = TextInput::single("東京都");
        i.handle_key(key(KeyCode::Left));
        assert!(i.handle_key(key(KeyCode::Backspace)));
        assert_eq!(i.value(), "東都");
        assert!(i.handle_key(ctrl('w')));
        assert_eq!(i.value(), "都");
    }

    #[test]
    fn enter_up_and_down_belong_to_multi_line_fields_only() {
        assert_eq!(edit_of(&key(KeyCode::Enter), false), None);
        assert_eq!(edit_of(&key(KeyCode::Up), false), None);
        assert_eq!(edit_of(&key(KeyCode::Enter), true), Some(Edit::Newline));
        assert_eq!(edit_of(&key(KeyCode::Esc), true), None);
        assert_eq!(edit_of(&key(KeyCode::Tab), true), None);
        assert!(is_edit_key(&ctrl('u')));
        assert!(is_edit_key(&key(KeyCode::Home)));
        assert!(
            !is_edit_key(&key(KeyCode::Char('u'))),
            "plain text is text, not an edit key"
        );
        assert!(!is_edit_key(&ctrl('l')));
        assert!(!is_edit_key(&key(KeyCode::Down)));
    }

    #[test]
    fn a_long_paragraph_wraps_at_the_field_width() {
        let words = "de bankjes bij het speelveld aan de Duinstraat zijn kapot ";
        let paragraph: String = words.repeat(6).chars().take(300).collect();
        assert_eq!(paragraph.chars().count(), 300);
        let mut i = TextInput::new("", true);
        typed(&mut i, &paragraph);
        let shown = rows(&i, 40, 10);
        assert!(shown.iter().all(|r| r.width() <= 40), "{shown:#?}");
        // Every word shows whole, between spaces: nothing cut off at the right.
        let joined = shown.join(" ");
        let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(normal(&joined), normal(&paragraph), "{shown:#?}");
        assert!(
            shown.iter().filter(|r| !r.is_empty()).count() >= 8,
            "{shown:#?}"
        );
        // The cursor at the end stays in view in a field of three rows.
        let small = rows(&i, 40, 3);
        let last = small
            .iter()
            .rev()
            .find(|r| !r.is_empty())
            .expect("text shown");
        assert!(paragraph.trim_end().ends_with(last.as_str()), "{small:#?}");
        assert!(!small[0].starts_with("de bankjes"), "{small:#?}");
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let mut i = TextInput::new("", true);
        typed(&mut i, &"東京".repeat(10));
        let shown = rows(&i, 9, 5);
        // Four two-cell characters fit in nine cells, never a half one.
        assert_eq!(shown[0], "東京東京", "{shown:#?}");
        assert_eq!(shown[4], "東京東京", "{shown:#?}");
        assert!(shown.iter().all(|r| r.width() <= 9));
    }

    #[test]
    fn thirty_lines_scroll_to_the_cursor() {
        let text: Vec<String> = (1..=30).map(|n| format!("regel {n}")).collect();
        let mut i = TextInput::new(&text.join("\n"), true);
        let shown = rows(&i, 30, 5);
        assert_eq!(shown[4], "regel 30", "{shown:#?}");
        for _ in 0..29 {
            i.handle_key(key(KeyCode::Up));
        }
        let shown = rows(&i, 30, 5);
        assert_eq!(shown[0], "regel 1", "{shown:#?}");
        assert_eq!(i.cursor().0, 0);
    }
}

//! The filter line above a list: `/` starts it, what is typed narrows the list, Enter
//! keeps the filter and gives the keys back to the list, Esc clears it.

use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

/// What a filter-line action did, for the list's owner to follow up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterStep {
    /// `/`: typing goes to the filter line now.
    Started,
    /// Enter while typing: the filter stays, keys go to the list again.
    Done,
    /// Esc: the filter is gone; the whole list shows again.
    Cleared,
}

/// The filter line above a list: what is typed narrows it. Shown while typed in or
/// while it holds text.
#[derive(Debug, Clone, Default)]
pub struct FilterLine {
    input: TextInput,
    typing: bool,
}

impl FilterLine {
    /// A filter line typed into from the start (a popup's query), in the look of a
    /// field with the keys.
    pub fn typing(s: &Settings) -> FilterLine {
        let mut f = FilterLine::default();
        f.start(s);
        f
    }

    /// A filter line typed into from the start, its look left to its owner.
    pub fn open() -> FilterLine {
        FilterLine {
            input: TextInput::default(),
            typing: true,
        }
    }

    pub fn value(&self) -> String {
        self.input.value()
    }

    pub fn is_typing(&self) -> bool {
        self.typing
    }

    /// Typed in, or holding text.
    pub fn shown(&self) -> bool {
        self.typing || !self.input.value().is_empty()
    }

    pub fn start(&mut self, s: &Settings) {
        self.typing = true;
        self.input.focus(true, &s.theme);
    }

    /// Holds `text`, not typed in (a record shown by narrowing the list to it).
    pub fn set(&mut self, text: &str) {
        self.input = TextInput::single(text);
        self.typing = false;
    }

    /// Replaces the text, still typed in as before.
    pub fn set_value(&mut self, text: &str) {
        self.input.set_value(text);
    }

    pub fn clear(&mut self) {
        *self = FilterLine::default();
    }

    /// The field's look, where its owner styles it (a picker inside a form).
    pub fn set_look(&mut self, focused: bool, style: Style, cursor: Style) {
        self.input.set_focus(focused, style, cursor);
    }

    /// The list's own filter actions: `/` starts typing, Enter ends it, Esc clears.
    pub fn on_action(&mut self, action: Action, s: &Settings) -> Option<FilterStep> {
        match action {
            Action::Filter => {
                self.start(s);
                Some(FilterStep::Started)
            }
            Action::Open if self.typing => {
                self.typing = false;
                self.input.focus(false, &s.theme);
                Some(FilterStep::Done)
            }
            Action::Back if self.shown() => {
                self.clear();
                Some(FilterStep::Cleared)
            }
            _ => None,
        }
    }

    /// A key while typing; true when the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        self.typing && self.input.handle_key(key)
    }

    /// Pasted text while typing; true when the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        self.typing && self.input.paste(text)
    }

    /// The line: `mark` (in the key style while typing), then the text.
    pub fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings, mark: &str) {
        let [label, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(area);
        let style = if self.typing {
            s.theme.key
        } else {
            s.theme.muted
        };
        frame.render_widget(Paragraph::new(Span::styled(mark.to_string(), style)), label);
        frame.render_widget(self.input.widget(), field);
    }

    /// The text alone, without a mark (a picker's query inside a form).
    pub fn draw_text(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(self.input.widget(), area);
    }

    /// Draws the `/` line at the top of `area` when shown; the room left for the list.
    pub fn split(&self, frame: &mut Frame, area: Rect, s: &Settings) -> Rect {
        if !self.shown() {
            return area;
        }
        let [line, rest, _] = super::super::widgets::rows(area, 1, 0);
        self.draw(frame, line, s, "/ ");
        rest
    }
}

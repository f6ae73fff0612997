//! A fuzzy picker: type to narrow a list, Up/Down to choose, Enter to take it. Used
//! inline by the triage popup (owner, theme) and as a popup of its own
//! ([`PickerPopup`]) that hands its choice to the screen as [`Effect::Pick`].

use super::Popup;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::config::Settings;
use crate::tui::fuzzy;
use crate::tui::i18n::T;
use crate::tui::input::TextInput;
use crate::tui::widgets::{self, ListCursor, vis};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

/// One choice: what is shown, and the value handed back (an ID such as `P-4`, a name).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    pub value: String,
}

impl Choice {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Choice {
        Choice {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// What a key did to a picker.
#[derive(Debug, Clone, PartialEq)]
pub enum PickKey {
    /// Typed or moved: the list or the selection changed.
    Changed,
    /// Enter on a choice.
    Chosen(Choice),
    /// Esc.
    Cancel,
    /// Not a picker key (Tab, Ctrl-S, …).
    Ignored,
}

#[derive(Debug, Clone, Default)]
pub struct Picker {
    items: Vec<Choice>,
    query: TextInput,
    shown: Vec<usize>,
    cursor: ListCursor,
}

impl Picker {
    pub fn new(items: Vec<Choice>) -> Picker {
        let shown = (0..items.len()).collect();
        Picker {
            items,
            query: TextInput::default(),
            shown,
            cursor: ListCursor::default(),
        }
    }

    pub fn set_focus(&mut self, focused: bool, s: &Settings) {
        let style = if focused {
            s.theme.input_focus
        } else {
            s.theme.input
        };
        self.query.set_focus(focused, style, s.theme.cursor);
    }

    pub fn query(&self) -> String {
        self.query.value()
    }

    /// Start with a query typed (e.g. the current owner) and its best match selected.
    pub fn set_query(&mut self, q: &str) {
        self.query.set_value(q);
        self.refilter();
    }

    /// Highlight the choice with this value, if it is shown.
    pub fn select_value(&mut self, value: &str) {
        if let Some(pos) = self
            .shown
            .iter()
            .position(|&i| self.items[i].value.eq_ignore_ascii_case(value))
        {
            self.cursor.selected = pos;
        }
    }

    /// The highlighted choice, if any matches.
    pub fn selected(&self) -> Option<&Choice> {
        self.shown
            .get(self.cursor.selected)
            .and_then(|&i| self.items.get(i))
    }

    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    fn refilter(&mut self) {
        let q = self.query.value();
        self.shown = fuzzy::rank(
            &q,
            self.items
                .iter()
                .map(|c| format!("{} {}", c.value, c.label))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        if self.shown.is_empty() {
            // A typo in a name of a kept list (a theme) still offers the name.
            let labels: Vec<&str> = self.items.iter().map(|c| c.label.as_str()).collect();
            self.shown = fuzzy::rank_or_near(&q, &labels);
        }
        self.cursor = ListCursor::default();
    }

    pub fn handle_key(&mut self, key: KeyEvent, cx: &Cx, view: usize) -> PickKey {
        match cx.settings.keymap.lookup_event(&key, &[Scope::List], true) {
            Some(
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom),
            ) => {
                self.cursor.apply(a, self.shown.len(), view);
                PickKey::Changed
            }
            Some(Action::Open) => match self.selected() {
                Some(c) => PickKey::Chosen(c.clone()),
                None => PickKey::Ignored,
            },
            Some(Action::Back) => PickKey::Cancel,
            _ => {
                if self.query.handle_key(key) {
                    self.refilter();
                    PickKey::Changed
                } else {
                    PickKey::Ignored
                }
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.query.paste(text) {
            self.refilter();
        }
    }

    /// The query line.
    pub fn draw_query(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(self.query.widget(), area);
    }

    /// The matching choices, the highlighted one marked.
    pub fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let window = self.cursor.window(self.shown.len(), area.height as usize);
        let items: Vec<ListItem> = self.shown[window.clone()]
            .iter()
            .map(|&i| ListItem::new(vis(&self.items[i].label)))
            .collect();
        if items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.lang.t(T::NothingMatches), s.theme.muted)),
                area,
            );
            return;
        }
        let selected = Some(self.cursor.selected - window.start);
        let mut state = ListState::default().with_selected(selected);
        frame.render_stateful_widget(
            List::new(items)
                .highlight_symbol("> ")
                .highlight_style(s.theme.selected),
            area,
            &mut state,
        );
    }
}

/// A picker in a popup of its own; Enter hands the choice to the screen.
pub struct PickerPopup {
    title: String,
    tag: &'static str,
    picker: Picker,
}

impl PickerPopup {
    pub fn new(
        title: impl Into<String>,
        tag: &'static str,
        items: Vec<Choice>,
        s: &Settings,
    ) -> Self {
        let mut picker = Picker::new(items);
        picker.set_focus(true, s);
        PickerPopup {
            title: title.into(),
            tag,
            picker,
        }
    }

    /// The choices shown now (for tests).
    pub fn offered(&self) -> Vec<String> {
        self.picker
            .shown
            .iter()
            .map(|&i| self.picker.items[i].value.clone())
            .collect()
    }
}

impl Popup for PickerPopup {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize;
        match self.picker.handle_key(key, cx, view) {
            PickKey::Chosen(c) => Outcome::Effects(vec![
                Effect::Close,
                Effect::Pick {
                    tag: self.tag,
                    value: c.value,
                },
            ]),
            PickKey::Cancel => Outcome::one(Effect::Close),
            PickKey::Changed => Outcome::Handled,
            PickKey::Ignored => Outcome::Ignored,
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.picker.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 70.min(area.width.saturating_sub(4)).max(30);
        let height = area.height.saturating_sub(4).clamp(6, 22);
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let [q, list, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let [mark, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(q);
        frame.render_widget(Paragraph::new(Span::styled("> ", s.theme.key)), mark);
        self.picker.draw_query(frame, field);
        self.picker.draw_list(frame, list, s);
        frame.render_widget(
            Paragraph::new(Line::styled(
                widgets::keys_hint(s, T::PickFooter, true),
                s.theme.muted,
            )),
            foot,
        );
    }
}

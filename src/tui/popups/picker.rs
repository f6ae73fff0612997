//! A fuzzy picker: type to narrow a list, Up/Down to choose, Enter to take it. Used
//! inline by the triage popup (owner, theme) and as a popup of its own
//! ([`PickerPopup`]) that hands its choice to the screen as [`Effect::Pick`].

use super::Popup;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::fuzzy;
use crate::tui::list::{Items, List, ListKey};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph};

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
    /// The matching items, by their place in `items`.
    list: List<usize>,
}

impl Picker {
    pub fn new(items: Vec<Choice>) -> Picker {
        let list = List::held((0..items.len()).collect());
        Picker { items, list }
    }

    pub fn set_focus(&mut self, focused: bool, s: &Settings) {
        let style = if focused {
            s.theme.input_focus
        } else {
            s.theme.input
        };
        self.list.filter.set_look(focused, style, s.theme.cursor);
    }

    pub fn query(&self) -> String {
        self.list.filter.value()
    }

    /// Start with a query typed (e.g. the current owner) and its best match selected.
    pub fn set_query(&mut self, q: &str) {
        self.list.filter.set_value(q);
        self.refilter();
    }

    /// Highlight the choice with this value, if it is shown.
    pub fn select_value(&mut self, value: &str) {
        if let Some(pos) = self
            .list
            .rows()
            .iter()
            .position(|&i| self.items[i].value.eq_ignore_ascii_case(value))
        {
            self.list.select_at(pos);
        }
    }

    /// The highlighted choice, if any matches.
    pub fn selected(&self) -> Option<&Choice> {
        self.list.selected().and_then(|&i| self.items.get(i))
    }

    pub fn len(&self) -> usize {
        self.list.rows().len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn refilter(&mut self) {
        let q = self.list.filter.value();
        let mut shown = fuzzy::rank(
            &q,
            self.items
                .iter()
                .map(|c| format!("{} {}", c.value, c.label))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        if shown.is_empty() {
            // A typo in a name of a kept list (a theme) still offers the name.
            let labels: Vec<&str> = self.items.iter().map(|c| c.label.as_str()).collect();
            shown = fuzzy::rank_or_near(&q, &labels);
        }
        self.list.restart(shown);
    }

    pub fn handle_key(&mut self, key: KeyEvent, cx: &Cx, view: usize) -> PickKey {
        match self.list.on_key(key, cx.settings, view) {
            ListKey::Moved => PickKey::Changed,
            ListKey::Open => match self.selected() {
                Some(c) => PickKey::Chosen(c.clone()),
                None => PickKey::Ignored,
            },
            ListKey::Back => PickKey::Cancel,
            ListKey::Typed => {
                self.refilter();
                PickKey::Changed
            }
            ListKey::Other(_) => PickKey::Ignored,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.list.filter.paste(text) {
            self.refilter();
        }
    }

    /// The query line.
    pub fn draw_query(&self, frame: &mut Frame, area: Rect) {
        self.list.filter.draw_text(frame, area);
    }

    /// The query line after a mark.
    pub fn draw_query_marked(&self, frame: &mut Frame, area: Rect, s: &Settings, mark: &str) {
        self.list.filter.draw(frame, area, s, mark);
    }

    /// The matching choices, the highlighted one marked.
    pub fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let look = Items {
            mark: Some("> "),
            empty: Some(s.lang.t(T::NothingMatches)),
            ..Items::default()
        };
        let item = |&i: &usize| ListItem::new(vis(&self.items[i].label));
        self.list.draw_items(frame, area, s, item, look);
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
            .list
            .rows()
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
        self.picker.draw_query_marked(frame, q, s, "> ");
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

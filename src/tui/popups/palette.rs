//! The `:` command palette: every command with its keys, narrowed by fuzzy matching
//! as you type; Enter runs the chosen one.

use super::Popup;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::config::Settings;
use crate::tui::fuzzy;
use crate::tui::i18n::T;
use crate::tui::input::TextInput;
use crate::tui::widgets::{self, ListCursor};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

#[derive(Debug, Clone)]
pub struct Command {
    pub action: Action,
    pub label: String,
    pub keys: String,
}

pub struct Palette {
    commands: Vec<Command>,
    query: TextInput,
    shown: Vec<usize>,
    cursor: ListCursor,
}

impl Palette {
    pub fn new(commands: Vec<Command>, s: &Settings) -> Palette {
        let mut query = TextInput::default();
        query.focus(true, &s.theme);
        let shown = (0..commands.len()).collect();
        Palette {
            commands,
            query,
            shown,
            cursor: ListCursor::default(),
        }
    }

    fn refilter(&mut self) {
        let q = self.query.value();
        let keys: Vec<String> = self
            .commands
            .iter()
            .map(|c| format!("{} {}", c.label, c.action.name()))
            .collect();
        self.shown = fuzzy::rank(&q, keys.iter().map(String::as_str));
        self.cursor = ListCursor::default();
    }

    /// The commands currently offered, best first (for tests).
    pub fn offered(&self) -> Vec<Action> {
        self.shown
            .iter()
            .map(|&i| self.commands[i].action)
            .collect()
    }
}

impl Popup for Palette {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize;
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
                Outcome::Handled
            }
            Some(Action::Back) => Outcome::one(Effect::Close),
            Some(Action::Open) => match self.shown.get(self.cursor.selected) {
                Some(&i) => {
                    Outcome::Effects(vec![Effect::Close, Effect::Run(self.commands[i].action)])
                }
                None => Outcome::Handled,
            },
            _ => {
                if self.query.handle_key(key) {
                    self.refilter();
                }
                Outcome::Handled
            }
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if self.query.paste(text) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 64.min(area.width.saturating_sub(2));
        let height = (self.shown.len() as u16 + 4)
            .min(area.height.saturating_sub(2))
            .max(6);
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::PaletteTitle));
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let [colon, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(q);
        frame.render_widget(Paragraph::new(Span::styled(": ", s.theme.key)), colon);
        frame.render_widget(self.query.widget(), field);
        let window = self.cursor.window(self.shown.len(), list.height as usize);
        let key_w = 14usize;
        let items: Vec<ListItem> = self.shown[window.clone()]
            .iter()
            .map(|&i| {
                let c = &self.commands[i];
                let label_w = (list.width as usize).saturating_sub(key_w + 1);
                ListItem::new(Line::from(vec![
                    Span::raw(format!("{:<label_w$}", c.label)),
                    Span::styled(format!("{:>key_w$}", c.keys), s.theme.key),
                ]))
            })
            .collect();
        if items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.lang.t(T::NothingMatches), s.theme.muted)),
                list,
            );
            return;
        }
        let mut state =
            ListState::default().with_selected(Some(self.cursor.selected - window.start));
        frame.render_stateful_widget(
            List::new(items).highlight_style(s.theme.selected),
            list,
            &mut state,
        );
    }
}

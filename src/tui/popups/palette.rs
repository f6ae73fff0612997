//! The `:` command palette: every command with its keys, narrowed by fuzzy matching
//! as you type; Enter runs the chosen one.

use super::Popup;
use crate::tui::action::Action;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::fuzzy;
use crate::tui::list::{Items, List, ListKey};
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

#[derive(Debug, Clone)]
pub struct Command {
    pub action: Action,
    pub label: String,
    pub keys: String,
}

pub struct Palette {
    commands: Vec<Command>,
    /// The matching commands, by their place in `commands`.
    list: List<usize>,
}

impl Palette {
    pub fn new(commands: Vec<Command>, s: &Settings) -> Palette {
        let list = List::typed((0..commands.len()).collect(), s);
        Palette { commands, list }
    }

    fn refilter(&mut self) {
        let q = self.list.filter.value();
        let keys: Vec<String> = self
            .commands
            .iter()
            .map(|c| format!("{} {}", c.label, c.action.name()))
            .collect();
        self.list
            .restart(fuzzy::rank(&q, keys.iter().map(String::as_str)));
    }

    /// The commands currently offered, best first (for tests).
    pub fn offered(&self) -> Vec<Action> {
        self.list
            .rows()
            .iter()
            .map(|&i| self.commands[i].action)
            .collect()
    }
}

impl Popup for Palette {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize;
        match self.list.on_key(key, cx.settings, view) {
            ListKey::Back => Outcome::one(Effect::Close),
            ListKey::Open => match self.list.selected() {
                Some(&i) => {
                    Outcome::Effects(vec![Effect::Close, Effect::Run(self.commands[i].action)])
                }
                None => Outcome::Handled,
            },
            ListKey::Typed => {
                self.refilter();
                Outcome::Handled
            }
            ListKey::Moved | ListKey::Other(_) => Outcome::Handled,
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 64.min(area.width.saturating_sub(2));
        let height = (self.list.rows().len() as u16 + 4)
            .min(area.height.saturating_sub(2))
            .max(6);
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::PaletteTitle));
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        self.list.filter.draw(frame, q, s, ": ");
        let key_w = 14usize;
        let item = |&i: &usize| {
            let c = &self.commands[i];
            let label_w = (list.width as usize).saturating_sub(key_w + 1);
            ListItem::new(Line::from(vec![
                Span::raw(format!("{:<label_w$}", c.label)),
                Span::styled(format!("{:>key_w$}", c.keys), s.theme.key),
            ]))
        };
        let look = Items {
            empty: Some(s.lang.t(T::NothingMatches)),
            ..Items::default()
        };
        self.list.draw_items(frame, list, s, item, look);
    }
}

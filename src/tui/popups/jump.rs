//! Ctrl-P: jump to any organisation or person by fuzzy name or by ID (O-7, P-4).

use super::Popup;
use crate::domain::{RecordKind, RecordRef};
use crate::tui::action::{Action, Cx, Effect, Outcome, Scope};
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

/// How many organisations and people the jump list offers at most.
const CAP: usize = 5000;

struct Target {
    record: RecordRef,
    name: String,
    extra: String,
}

pub struct Jump {
    targets: Vec<Target>,
    query: TextInput,
    shown: Vec<usize>,
    cursor: ListCursor,
}

impl Jump {
    pub fn new(cx: &mut Cx) -> crate::store::Result<Jump> {
        let mut targets = Vec::new();
        for o in cx.store.org_summaries("", CAP)? {
            let extra = [o.org.short_name.clone(), o.org.district.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            targets.push(Target {
                record: o.org.reference(),
                name: o.org.name,
                extra: extra.join(", "),
            });
        }
        for p in cx.store.people("", None, CAP)? {
            let extra = [
                Some(p.role.clone()).filter(|r| !r.is_empty()),
                p.org_name.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            targets.push(Target {
                record: p.reference(),
                name: p.name,
                extra: extra.join(", "),
            });
        }
        let mut query = TextInput::default();
        query.set_focus(
            true,
            cx.settings.theme.input_focus,
            cx.settings.theme.cursor,
        );
        let shown = (0..targets.len()).collect();
        Ok(Jump {
            targets,
            query,
            shown,
            cursor: ListCursor::default(),
        })
    }

    fn refilter(&mut self) {
        let q = self.query.value();
        if let Ok(r) = RecordRef::parse(q.trim(), None)
            && matches!(r.kind, RecordKind::Organisation | RecordKind::Person)
        {
            self.shown = self
                .targets
                .iter()
                .position(|t| t.record == r)
                .into_iter()
                .collect();
        } else {
            let keys: Vec<String> = self
                .targets
                .iter()
                .map(|t| format!("{} {}", t.name, t.extra))
                .collect();
            self.shown = fuzzy::rank(&q, keys.iter().map(String::as_str));
        }
        self.cursor = ListCursor::default();
    }

    /// The records offered, best first (for tests).
    pub fn offered(&self) -> Vec<RecordRef> {
        self.shown.iter().map(|&i| self.targets[i].record).collect()
    }
}

impl Popup for Jump {
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
                    Outcome::Effects(vec![Effect::Close, Effect::Goto(self.targets[i].record)])
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
        let width = 72.min(area.width.saturating_sub(2));
        let height = 20.min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::JumpTitle));
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let [mark, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(q);
        frame.render_widget(Paragraph::new(Span::styled("> ", s.theme.key)), mark);
        frame.render_widget(self.query.widget(), field);
        let window = self.cursor.window(self.shown.len(), list.height as usize);
        let items: Vec<ListItem> = self.shown[window.clone()]
            .iter()
            .map(|&i| {
                let t = &self.targets[i];
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{:<6}", t.record.to_string()), s.theme.muted),
                    Span::raw(vis(&t.name)),
                    Span::styled(
                        if t.extra.is_empty() {
                            String::new()
                        } else {
                            format!("  {}", vis(&t.extra))
                        },
                        s.theme.muted,
                    ),
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

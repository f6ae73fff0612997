//! Help, generated from the live key map: every action in every scope with the keys
//! bound to it now, so it can never disagree with what the keys do.

use super::Popup;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One line of help: the keys and what they do (a heading when `keys` is empty).
#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    pub keys: String,
    pub what: String,
}

/// The help text for a key map; `describe` names an action (screen actions are
/// named after their screen; `None` leaves an action out).
pub fn lines(s: &Settings, describe: &dyn Fn(Action) -> Option<String>) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for scope in Scope::ALL {
        out.push(HelpLine {
            keys: String::new(),
            what: s.lang.t(scope.title()).to_string(),
        });
        for action in Action::all().into_iter().filter(|a| a.scope() == scope) {
            let Some(what) = describe(action) else {
                continue;
            };
            let keys = s.keymap.label(action);
            out.push(HelpLine {
                keys: if keys.is_empty() { "-".into() } else { keys },
                what,
            });
        }
    }
    // The editing keys are fixed (see `crate::tui::input::edit_of`), the same in
    // every text field.
    for (keys, what) in [
        ("", T::HelpTextFields),
        ("Alt-B, Alt-F", T::HelpTextWord),
        ("Home, End", T::HelpTextEnds),
        ("Ctrl-U", T::HelpTextCutStart),
        ("Ctrl-K", T::HelpTextCutEnd),
        ("Ctrl-W/Alt-D", T::HelpTextCutWord),
    ] {
        out.push(HelpLine {
            keys: keys.to_string(),
            what: s.lang.t(what).to_string(),
        });
    }
    out.push(HelpLine {
        keys: s.keymap.label(Action::Back),
        what: s.lang.t(T::HelpTextEsc).to_string(),
    });
    out
}

/// The key reference in `docs/keys.md`, made from the action table: every scope and
/// every action with its config name, default keys and what it does in both languages.
pub fn markdown() -> String {
    use crate::tui::action::ACTIONS;
    use crate::words::Lang;
    let map = crate::tui::keymap::KeyMap::default();
    let mut out = String::from(
        "# Keys\n\n\
         <!-- Made from the action table in src/tui/action.rs by \
         `WIJKDESK_WRITE_DOCS=1 cargo test --test tui_keys_remap`; do not edit. -->\n\n\
         Every action, by scope, with the name the config file's `[keys]` table uses (see \
         [the config file](screens.md#the-config-file)) and its default keys. A key is \
         looked up in the scopes of where it is pressed, the popup's or editor's own \
         first; help (`?`), the hint lines and the command palette show the keys in use.\n",
    );
    for scope in Scope::ALL {
        out.push_str(&format!(
            "\n## {} (`{}`)\n\n| action | default keys | does | doet |\n|---|---|---|---|\n",
            Lang::En.t(scope.title()),
            scope.name()
        ));
        for d in ACTIONS.iter().filter(|d| d.scope == scope) {
            let keys: Vec<String> = map
                .keys(d.action)
                .iter()
                .map(|k| format!("`{}`", k.label()))
                .collect();
            let what = |lang: Lang| match d.action {
                Action::Screen(n) => format!("{} {n}", lang.t(d.description)),
                _ => lang.t(d.description).to_string(),
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                d.name,
                keys.join(", "),
                what(Lang::En).replace('|', "\\|"),
                what(Lang::Nl).replace('|', "\\|")
            ));
        }
    }
    out
}

pub struct Help {
    lines: Vec<HelpLine>,
    scroll: usize,
}

impl Help {
    pub fn new(lines: Vec<HelpLine>) -> Help {
        Help { lines, scroll: 0 }
    }
}

impl Popup for Help {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let action = cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::List, Scope::Global], false);
        let max = self.lines.len().saturating_sub(1);
        let page = cx.size.height.saturating_sub(6) as usize;
        match action {
            Some(Action::Down) => self.scroll = (self.scroll + 1).min(max),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = (self.scroll + page).min(max),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(page),
            Some(Action::Top) => self.scroll = 0,
            Some(Action::Bottom) => self.scroll = max,
            Some(Action::Back | Action::Quit | Action::Help | Action::Open) => {
                return Outcome::one(Effect::Close);
            }
            Some(Action::QuitNow | Action::Suspend) => return Outcome::Ignored,
            _ => {}
        }
        Outcome::Handled
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let key_w = self
            .lines
            .iter()
            .map(|l| l.keys.chars().count())
            .max()
            .unwrap_or(4)
            .min(24);
        let width = 76.min(area.width.saturating_sub(2));
        let height = (self.lines.len() as u16 + 3).min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::HelpTitle));
        let body: Vec<Line> = self
            .lines
            .iter()
            .map(|l| {
                if l.keys.is_empty() {
                    Line::from(Span::styled(l.what.clone(), s.theme.section))
                } else {
                    Line::from(vec![
                        Span::styled(format!("  {:<key_w$}", l.keys), s.theme.key),
                        Span::raw("  "),
                        Span::raw(l.what.clone()),
                    ])
                }
            })
            .collect();
        let shown = inner.height.saturating_sub(1) as usize;
        let scroll = self.scroll.min(self.lines.len().saturating_sub(shown));
        let body_area = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        frame.render_widget(Paragraph::new(body).scroll((scroll as u16, 0)), body_area);
        let footer = Rect {
            y: inner.y + inner.height.saturating_sub(1),
            height: 1.min(inner.height),
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                widgets::keys_hint(s, T::HelpFooter, false),
                s.theme.muted,
            )),
            footer,
        );
    }
}

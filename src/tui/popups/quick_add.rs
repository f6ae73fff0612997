//! Quick add, from anywhere: one line such as
//! `Loose paving stones near school org:Zeeheld #verkeer` becomes a signal with its
//! organisation and theme (the same tokens as the minutes). An unknown or ambiguous
//! token is pointed out in the popup and the line stays as typed.

use super::Popup;
use crate::domain::minutes::TokenKind;
use crate::domain::vocab::{Resolution, TermKind};
use crate::store::NewSignal;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct QuickAdd {
    input: TextInput,
    problems: Vec<String>,
    /// A new theme is accepted when Enter is pressed again on the same line.
    confirmed_theme: Option<String>,
}

impl QuickAdd {
    pub fn new(s: &Settings) -> QuickAdd {
        let mut input = TextInput::default();
        input.focus(true, &s.theme);
        QuickAdd {
            input,
            problems: Vec::new(),
            confirmed_theme: None,
        }
    }

    /// The line as typed and the problems shown (for tests).
    pub fn line(&self) -> String {
        self.input.value()
    }

    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    fn submit(&mut self, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        let line = self.input.value();
        let parsed = cx.store.read_minute_line(&line, cx.store.today());
        let mut problems: Vec<String> = parsed
            .problems()
            .iter()
            .map(|(_, m)| lang.problem(m))
            .collect();
        for token in &parsed.tokens {
            let raw = &line[token.span.clone()];
            match token.kind {
                TokenKind::Owner(_) | TokenKind::Due(_) | TokenKind::BadDue(_) => {
                    problems.push(lang.f(T::QuickAddNotHere, &[("token", &raw)]))
                }
                _ => {}
            }
        }
        let org_id = match parsed.org() {
            Some(o) => match cx.store.resolve_org(o) {
                Ok(id) => Some(id),
                Err(e) => {
                    problems.push(lang.store_error(&e));
                    None
                }
            },
            None => None,
        };
        let mut theme = parsed.theme().map(|t| TermKind::Theme.normalise(t));
        // Only a theme on the list, or one confirmed with a second Enter, is stored.
        let mut add_theme = false;
        if let Some(t) = theme.clone() {
            match cx.store.resolve_term(TermKind::Theme, &t) {
                Ok(Resolution::Known(n)) => theme = Some(n),
                Ok(Resolution::Unknown { suggestions }) => {
                    if self.confirmed_theme.as_ref() == Some(&line) {
                        add_theme = true;
                    } else {
                        let mut msg = cx
                            .settings
                            .keymap
                            .fill(&lang.f(T::QuickAddNewTheme, &[("theme", &t)]), true);
                        if !suggestions.is_empty() {
                            let names: Vec<String> =
                                suggestions.iter().map(|s| format!("'{s}'")).collect();
                            msg = format!(
                                "{} {msg}",
                                lang.f(T::AskNewTermMeant, &[("names", &names.join(" / "))])
                            );
                        }
                        problems.push(msg);
                        if problems.len() == 1 {
                            self.confirmed_theme = Some(line.clone());
                        }
                    }
                }
                Err(e) => problems.push(cx.settings.lang.store_error(&e)),
            }
        }
        let title = parsed.title();
        if !title.chars().any(char::is_alphanumeric) {
            problems.push(lang.t(T::QuickAddNoTitle).to_string());
        }
        if !problems.is_empty() {
            self.problems = problems;
            return Outcome::Handled;
        }
        cx.store.set_accept_new_terms(add_theme);
        let added = cx.store.add_signal(NewSignal {
            title,
            org_id,
            theme,
            ..NewSignal::default()
        });
        cx.store.set_accept_new_terms(false);
        match added {
            Ok(s) => Outcome::Effects(vec![
                Effect::Close,
                Effect::Saved {
                    record: s.reference(),
                    message: lang.f(
                        T::QuickAdded,
                        &[("id", &s.reference()), ("title", &s.title)],
                    ),
                },
            ]),
            Err(e) => {
                self.problems = vec![cx.settings.lang.store_error(&e)];
                Outcome::Handled
            }
        }
    }
}

impl Popup for QuickAdd {
    fn draft(&self) -> Option<super::form::FormDraft> {
        let line = self.input.value();
        if line.trim().is_empty() {
            return None;
        }
        let mut values = std::collections::BTreeMap::new();
        values.insert("line".to_string(), line);
        Some(crate::drafts::draft_of("quick_add", &[], values))
    }

    fn restore_values(&mut self, values: &std::collections::BTreeMap<String, String>) {
        if let Some(line) = values.get("line") {
            self.input.set_value(line);
        }
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Form, Scope::List], true)
        {
            Some(Action::Open | Action::Save) => self.submit(cx),
            Some(Action::Back) => super::confirm::discard_or_ask(self.draft().is_some(), cx),
            _ => {
                if self.input.handle_key(key) {
                    self.confirmed_theme = None;
                }
                Outcome::Handled
            }
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.input.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let width = 78.min(area.width.saturating_sub(2)).max(30);
        let inner_w = width.saturating_sub(2).max(1) as usize;
        let problem_rows: u16 = self
            .problems
            .iter()
            .map(|p| (crate::domain::text::cell_width(p) + 2).div_ceil(inner_w) as u16)
            .sum();
        let rect = widgets::centered(area, width, 6 + problem_rows);
        let inner = widgets::popup_frame(frame, rect, s, t(T::QuickAddTitle));
        let mut lines = vec![
            Line::styled(widgets::keys_hint(s, T::QuickAddHelp, true), s.theme.muted),
            Line::raw(""),
        ];
        for p in &self.problems {
            lines.push(Line::styled(format!("! {p}"), s.theme.error));
        }
        let [text, field, foot] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Min(1),
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
        frame.render_widget(self.input.widget(), field);
        let mut spans = Vec::new();
        for (a, what) in [(Action::Open, T::FormSave), (Action::Back, T::FormCancel)] {
            if let Some(k) = s.keymap.first(a) {
                spans.extend(widgets::hint(s, k, t(what)));
            }
        }
        frame.render_widget(Paragraph::new(Line::from(spans)).style(s.theme.base), foot);
    }
}

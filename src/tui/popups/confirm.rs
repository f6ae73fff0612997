//! A yes/no question, in the yes/no scope: by default `y` (or `j`, for ja) and Enter
//! say yes; `n` and Esc say no.

use super::Popup;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct Confirm {
    question: String,
    on_yes: Vec<Effect>,
}

impl Confirm {
    /// `on_yes` runs after the question closes.
    pub fn new(question: impl Into<String>, on_yes: Vec<Effect>) -> Confirm {
        Confirm {
            question: question.into(),
            on_yes,
        }
    }
}

/// Esc where something was typed: ask "Discard what you typed?" first, and on yes
/// let the popup below throw it away ([`Popup::discard`]); with nothing typed, do
/// that at once.
pub fn discard_or_ask(typed: bool, cx: &Cx) -> Outcome {
    if typed {
        let confirm = Confirm::new(cx.t(T::FormDiscard), vec![Effect::Discard]);
        Outcome::one(Effect::Push(Box::new(confirm)))
    } else {
        Outcome::one(Effect::Discard)
    }
}

impl Popup for Confirm {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx.settings.keymap.answer(&key) {
            Some(true) => {
                let mut effects = vec![Effect::Close];
                effects.append(&mut self.on_yes);
                Outcome::Effects(effects)
            }
            Some(false) => Outcome::one(Effect::Close),
            None => Outcome::Handled,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 64.min(area.width.saturating_sub(4)).max(20);
        // Tall enough for the whole question: a long one is never cut off.
        let inner_w = usize::from(width.saturating_sub(2)).max(1);
        let words: usize = crate::domain::text::cell_width(&self.question);
        let question_lines = (words / inner_w.saturating_sub(8).max(1) + 1) as u16;
        let rect = widgets::centered(area, width, question_lines + 4);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::ConfirmTitle));
        let lines = vec![
            Line::raw(self.question.clone()),
            Line::raw(""),
            Line::styled(widgets::yes_no(s), s.theme.key),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    }
}

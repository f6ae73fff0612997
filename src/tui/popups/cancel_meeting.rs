//! Cancel a meeting: the question, with a line for the reason. Enter says yes and
//! cancels it (the reason may stay empty); Esc says no and keeps it.

use super::Popup;
use crate::store::Meeting;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct CancelMeeting {
    meeting: Meeting,
    reason: TextInput,
    problem: Option<String>,
}

impl CancelMeeting {
    pub fn new(meeting: Meeting, s: &Settings) -> CancelMeeting {
        let mut reason = TextInput::default();
        reason.focus(true, &s.theme);
        CancelMeeting {
            meeting,
            reason,
            problem: None,
        }
    }

    /// The reason as typed (for tests).
    pub fn reason(&self) -> String {
        self.reason.value()
    }

    fn question(&self, s: &Settings) -> String {
        let m = &self.meeting;
        s.lang.f(
            T::MeetingCancelQ,
            &[
                ("id", &m.reference()),
                ("title", &crate::domain::text::visible(&m.title)),
                ("when", &m.starts_at.format("%Y-%m-%d %H:%M")),
            ],
        )
    }

    fn cancel(&mut self, cx: &mut Cx) -> Outcome {
        let reason = self.reason.value();
        let reason = Some(reason.trim()).filter(|r| !r.is_empty());
        let lang = cx.settings.lang;
        match cx
            .store
            .cancel_meeting(self.meeting.id, reason, Some(self.meeting.version))
        {
            Ok(m) => {
                let id = m.reference();
                let message = if m.invited_sequence.is_some() {
                    let key = cx.settings.keymap.label(Action::MeetingInvite);
                    lang.f(T::MeetingCancelDoneInvite, &[("id", &id), ("key", &key)])
                } else {
                    lang.f(T::MeetingCancelDone, &[("id", &id)])
                };
                Outcome::Effects(vec![
                    Effect::Close,
                    Effect::Saved {
                        record: id,
                        message,
                    },
                ])
            }
            Err(e) => {
                self.problem = Some(cx.settings.lang.store_error(&e));
                Outcome::Handled
            }
        }
    }
}

impl Popup for CancelMeeting {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Form, Scope::List], true)
        {
            Some(Action::Open | Action::Save) => self.cancel(cx),
            Some(Action::Back) => {
                super::confirm::discard_or_ask(!self.reason.value().trim().is_empty(), cx)
            }
            _ => {
                self.reason.handle_key(key);
                Outcome::Handled
            }
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.reason.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let width = 72.min(area.width.saturating_sub(2)).max(30);
        let inner_w = usize::from(width.saturating_sub(2)).max(1);
        let question = self.question(s);
        let rows = |text: &str| (text.chars().count().div_ceil(inner_w)).max(1) as u16;
        let problem_rows = self.problem.as_deref().map(rows).unwrap_or(0);
        let rect = widgets::centered(area, width, rows(&question) + problem_rows + 6);
        let inner = widgets::popup_frame(frame, rect, s, t(T::MeetingCancelTitle));
        let [text, label, field, foot] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let mut lines = vec![Line::styled(question, s.theme.error)];
        if let Some(p) = &self.problem {
            lines.push(Line::styled(format!("! {p}"), s.theme.error));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
        frame.render_widget(Line::raw(t(T::MeetingCancelReason)), label);
        frame.render_widget(self.reason.widget(), field);
        frame.render_widget(
            Paragraph::new(Line::styled(
                widgets::keys_hint(s, T::MeetingCancelKeys, true),
                s.theme.key,
            )),
            foot,
        );
    }
}

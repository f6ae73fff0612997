//! The panel shown instead of the lists while the database is empty: how to load the
//! demo data, and the key that does it here.

use crate::tui::action::Action;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, s: &Settings, db: &str) {
    let t = |k| s.lang.t(k);
    let block = widgets::block(s, format!(" {} ", t(T::WelcomeTitle)), true);
    let key = |a: Action| s.keymap.first(a).unwrap_or_else(|| "-".into());
    let lines = vec![
        Line::raw(""),
        Line::styled(t(T::WelcomeTitle), s.theme.title),
        Line::raw(""),
        Line::raw(s.lang.f(T::WelcomeEmpty, &[("db", &widgets::vis(db))])),
        Line::raw(""),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(key(Action::LoadDemo), s.theme.key),
            Span::raw(format!("  {}", t(T::WelcomeLoadKey))),
        ]),
        Line::from(vec![
            Span::raw("  "),
            Span::styled("wijkdesk demo", s.theme.key),
            Span::raw(format!("  {}", t(T::WelcomeLoadShell))),
        ]),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(key(Action::New), s.theme.key),
            Span::raw(format!("  {}", t(T::WelcomeNew))),
        ]),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(key(Action::Help), s.theme.key),
            Span::raw(format!("  {}", t(T::ActHelp))),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

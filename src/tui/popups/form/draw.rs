//! Drawing a form: the fields under their labels, scrolled so that the focused one
//! shows on a short terminal, each with its message and date echo.

use super::{FieldKind, Form};
use crate::tui::settings::Settings;
use crate::tui::widgets;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

impl Form {
    /// The fields under their labels, scrolled to the focused one; the message on top,
    /// the keys at the bottom, and the conflict dialog over it all when open.
    pub(super) fn render(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let label_w = self
            .fields
            .iter()
            .map(|f| s.lang.t(f.spec.label).chars().count())
            .max()
            .unwrap_or(8) as u16
            + 2;
        let width = 78.min(area.width.saturating_sub(2)).max(30);
        let input_w = width.saturating_sub(label_w + 3);
        let body: u16 = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| f.height(input_w, i == self.focus))
            .sum();
        // The message takes the lines it needs, never cut (at least two, as before).
        let msg_lines = self
            .message
            .as_ref()
            .map(|(_, m)| crate::tui::fit::wrap(m, usize::from(width.saturating_sub(2))))
            .unwrap_or_default();
        let msg_h = if self.message.is_some() {
            (msg_lines.len() as u16).max(2)
        } else {
            0
        };
        let want_h = body + msg_h + 4;
        let rect = widgets::centered(area, width, want_h);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        if let Some((is_err, _)) = &self.message {
            let style = if *is_err { s.theme.error } else { s.theme.info };
            let r = Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: msg_h.min(inner.height),
            };
            let lines: Vec<Line> = msg_lines
                .iter()
                .map(|l| Line::styled(l.clone(), style))
                .collect();
            frame.render_widget(Paragraph::new(lines), r);
            y += r.height;
        }
        // Scroll so that the focused field is visible when the terminal is short.
        let room = bottom.saturating_sub(y + 2);
        let mut skip = 0usize;
        let focus_end: u16 = self.fields[..=self.focus.min(self.fields.len().saturating_sub(1))]
            .iter()
            .enumerate()
            .map(|(i, f)| f.height(input_w, i == self.focus))
            .sum();
        let mut hidden: u16 = 0;
        while focus_end.saturating_sub(hidden) > room && skip < self.focus {
            hidden += self.fields[skip].height(input_w, skip == self.focus);
            skip += 1;
        }
        for (i, f) in self.fields.iter().enumerate().skip(skip) {
            let h = f.height(input_w, i == self.focus);
            if y + h > bottom.saturating_sub(2) + 1 && i != self.focus {
                break;
            }
            let focused = i == self.focus;
            let marker = if focused { ">" } else { " " };
            let label = format!("{marker}{}", s.lang.t(f.spec.label));
            let lstyle = if focused {
                s.theme.label_focus
            } else {
                s.theme.label
            };
            frame.render_widget(
                Paragraph::new(Span::styled(label, lstyle)),
                Rect {
                    x: inner.x,
                    y,
                    width: label_w.min(inner.width),
                    height: 1,
                },
            );
            let input_h = f.input_height();
            let irect = Rect {
                x: inner.x + label_w + 1,
                y,
                width: input_w,
                height: input_h.min(bottom - y),
            };
            match &f.spec.kind {
                FieldKind::Choice(options) => {
                    let (l, r) = if s.ascii {
                        ("< ", " >")
                    } else {
                        ("‹ ", " ›")
                    };
                    let shown = options.get(f.choice).map(|o| s.lang.t(o.1)).unwrap_or("");
                    let style = if focused {
                        s.theme.input_focus
                    } else {
                        s.theme.input
                    };
                    let line =
                        Line::from(vec![Span::raw(l), Span::styled(shown, style), Span::raw(r)]);
                    frame.render_widget(Paragraph::new(line), irect);
                }
                FieldKind::Pick(..) => {
                    if let Some(p) = &f.picker {
                        p.draw_query(frame, irect);
                    }
                }
                _ => frame.render_widget(f.input.widget(), irect),
            }
            y += input_h;
            let list_h = f.list_height(focused).min(bottom.saturating_sub(y));
            if let (Some(p), true) = (&f.picker, list_h > 0) {
                p.draw_list(
                    frame,
                    Rect {
                        x: inner.x + label_w + 1,
                        y,
                        width: input_w,
                        height: list_h,
                    },
                    s,
                );
                y += list_h;
            }
            if let Some(err) = &f.error
                && y < bottom
            {
                let arrow = if s.ascii { "^ " } else { "↑ " };
                let eh = f.error_height(input_w).min(bottom - y);
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{arrow}{err}"), s.theme.error))
                        .wrap(Wrap { trim: true }),
                    Rect {
                        x: inner.x + label_w + 1,
                        y,
                        width: input_w,
                        height: eh,
                    },
                );
                y += eh;
            }
            if let Some(echo) = f.echo_text(focused, s.lang)
                && y < bottom
            {
                let style = if echo.starts_with('✗') {
                    s.theme.error
                } else {
                    s.theme.info
                };
                let eh = f.echo_height(input_w, focused).min(bottom - y);
                frame.render_widget(
                    Paragraph::new(Span::styled(echo, style)).wrap(Wrap { trim: true }),
                    Rect {
                        x: inner.x + label_w + 1,
                        y,
                        width: input_w,
                        height: eh,
                    },
                );
                y += eh;
            }
        }
        if inner.height >= 2 {
            let spans = widgets::form_keys(s);
            let r = Rect {
                x: inner.x,
                y: bottom - 1,
                width: inner.width,
                height: 1,
            };
            frame.render_widget(Paragraph::new(Line::from(spans)), r);
        }
        if let Some(c) = &self.conflict {
            c.draw(frame, area, s);
        }
    }
}

//! Drawing the triage popup: the fields with their messages under them, the open list
//! of the focused picker (or what the due field understood) and the key hints.

use super::{DUE, EXPECTATION, LIST_ROWS, OWNER, REASON, THEME, TriagePopup};
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crate::words::dates::echo;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

impl TriagePopup {
    /// The popup over `area`.
    pub(super) fn render(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let labels = [
            T::ColOwner,
            T::ColTheme,
            T::FieldExpectation,
            T::ColFeedbackDue,
            T::FieldDueReason,
        ];
        let label_w = labels
            .iter()
            .map(|l| t(*l).chars().count())
            .max()
            .unwrap_or(10) as u16
            + 2;
        let width = 76.min(area.width.saturating_sub(2)).max(30);
        // The popup's border is one column each side.
        let input_w = width.saturating_sub(2 + label_w + 1);
        // A message wraps to at most three rows: a refused owner says why in full.
        let err_rows = |e: &str| {
            let w = usize::from(input_w.max(10)) - 2;
            (crate::domain::text::cell_width(e) + 2)
                .div_ceil(w)
                .clamp(1, 3) as u16
        };
        let errs: u16 = self.errors.iter().flatten().map(|e| err_rows(e)).sum();
        let msg_h = u16::from(self.message.is_some()) * 2;
        let want = 1 + 1 + 3 + 1 + 1 + errs + msg_h + 1 + LIST_ROWS + 1 + 2;
        let rect = widgets::centered(area, width, want);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let input_w = inner.width.saturating_sub(label_w + 1);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        let put = |frame: &mut Frame, y: &mut u16, h: u16, line: Option<Line>, x: u16| -> Rect {
            let r = Rect {
                x,
                y: *y,
                width: if x == inner.x { inner.width } else { input_w },
                height: h.min(bottom.saturating_sub(*y)),
            };
            if let Some(l) = line {
                frame.render_widget(Paragraph::new(l), r);
            }
            *y += r.height;
            r
        };
        if let Some(m) = &self.message {
            put(
                frame,
                &mut y,
                2,
                Some(Line::styled(m.clone(), s.theme.error)),
                inner.x,
            );
        }
        let field_x = inner.x + label_w + 1;
        for (i, label) in labels.iter().enumerate() {
            let focused = self.focus == i;
            let style = if focused {
                s.theme.label_focus
            } else {
                s.theme.label
            };
            let mark = if focused { ">" } else { " " };
            let h = if i == EXPECTATION { 3 } else { 1 };
            let lrect = Rect {
                x: inner.x,
                y,
                width: label_w.min(inner.width),
                height: 1.min(bottom.saturating_sub(y)),
            };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{mark}{}", t(*label)), style)),
                lrect,
            );
            let r = put(frame, &mut y, h, None, field_x);
            match i {
                OWNER => self.owner.draw_query(frame, r),
                THEME => self.theme.draw_query(frame, r),
                EXPECTATION => frame.render_widget(self.expectation.widget(), r),
                DUE => frame.render_widget(self.due.widget(), r),
                _ => frame.render_widget(self.reason.widget(), r),
            }
            if let Some(e) = &self.errors[i] {
                let arrow = if s.ascii { "^ " } else { "↑ " };
                let r = put(frame, &mut y, err_rows(e), None, field_x);
                frame.render_widget(
                    Paragraph::new(Line::styled(format!("{arrow}{e}"), s.theme.error))
                        .wrap(Wrap { trim: false }),
                    r,
                );
            }
        }
        y += 1;
        let list = Rect {
            x: field_x,
            y,
            width: input_w,
            height: LIST_ROWS.min(bottom.saturating_sub(y + 1)),
        };
        match self.focus {
            OWNER => self.owner.draw_list(frame, list, s),
            THEME => self.theme.draw_list(frame, list, s),
            DUE | REASON => {
                // What the due field understood, as it is typed, above the forms it takes.
                let echo = echo(&self.due.value(), self.today, s.lang);
                let echo_style = if echo.starts_with('✗') {
                    s.theme.error
                } else {
                    s.theme.input
                };
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::styled(echo, echo_style),
                        Line::styled(t(T::TriageDueHelp), s.theme.muted),
                    ])
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                    list,
                )
            }
            _ => {}
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
    }
}

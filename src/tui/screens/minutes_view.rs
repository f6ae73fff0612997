//! Drawing the minutes editor: pure, from its state. Lines are hard-wrapped to the
//! width so nothing typed is cut off; tokens that resolve are marked, tokens that do
//! not are highlighted, in stored lines and in the line being typed.

use super::minutes_editor::{Focus, MinutesEditor, Pending};
use super::minutes_input::width;
use super::minutes_parts::{kind_letter, status_label, wrap};
use crate::domain::Problem;
use crate::domain::minutes::{ParsedLine, TokenKind, parse_line};
use crate::store::StoredMinute;
use crate::tui::action::Action;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use std::ops::Range;

/// Splits `text` into styled pieces: tokens that resolve in `good`, the others in `bad`.
pub fn highlight(
    text: &str,
    spans: &[(Range<usize>, bool)],
    base: Style,
    good: Style,
    bad: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (r, ok) in spans {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push(Span::styled(vis(&text[at..r.start]), base));
        }
        out.push(Span::styled(
            vis(&text[r.clone()]),
            if *ok { good } else { bad },
        ));
        at = r.end;
    }
    if at < text.len() {
        out.push(Span::styled(vis(&text[at..]), base));
    }
    out
}

/// How a token that does not resolve is shown: marked and underlined, so it stands
/// out in the monochrome theme too.
pub fn bad_token(s: &Settings) -> Style {
    s.theme.mark.add_modifier(Modifier::UNDERLINED)
}

/// Which tokens of a stored line did not resolve: the store names them in its problems.
fn stored_spans(m: &StoredMinute, parsed: &ParsedLine) -> Vec<(Range<usize>, bool)> {
    parsed
        .tokens
        .iter()
        .map(|t| {
            let raw = &m.text[t.span.clone()];
            let (token, value) = match &t.kind {
                TokenKind::Owner(v) => (format!("@{v}"), v.clone()),
                TokenKind::Org(v) => (format!("org:{v}"), v.clone()),
                TokenKind::Theme(v) => (format!("#{v}"), v.clone()),
                TokenKind::Due(_) | TokenKind::SaidDue(_) => (raw.to_string(), raw.to_string()),
                TokenKind::BadDue(_) => return (t.span.clone(), false),
            };
            let bad = m.problems.iter().any(|p| match p {
                Problem::MinutesTokenProblem { token: named, .. } => {
                    *named == token || named == raw
                }
                Problem::MinutesUnknownTheme { value: v, .. } => token == format!("#{v}"),
                // As an older version wrote them.
                Problem::MinutesStored { text } => {
                    text.starts_with(raw) || text.contains(&format!("{value}:"))
                }
                _ => false,
            });
            (t.span.clone(), !bad)
        })
        .collect()
}

impl MinutesEditor {
    /// The rows of the lines pane, and where the selected line and the current agenda
    /// item's group end (row indexes), for scrolling.
    fn rows(&self, s: &Settings, w: usize) -> (Vec<Line<'static>>, Range<usize>, usize) {
        let t = |k| s.lang.t(k);
        let theme = &s.theme;
        let order = self.ordered();
        let mut rows: Vec<Line<'static>> = Vec::new();
        let mut sel = 0..0;
        let mut anchor = 0;
        let arrow = if s.ascii { "->" } else { "→" };
        let mut groups: Vec<Option<&crate::store::AgendaItem>> = vec![None];
        groups.extend(self.agenda.iter().map(Some));
        for (gi, group) in groups.iter().enumerate() {
            let lines: Vec<usize> = order
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    let m = &self.minutes[**i];
                    let in_agenda = m
                        .agenda_item_id
                        .is_some_and(|a| self.agenda.iter().any(|x| x.id == a));
                    match group {
                        None => !in_agenda,
                        Some(item) => in_agenda && m.agenda_item_id == Some(item.id),
                    }
                })
                .map(|(k, _)| k)
                .collect();
            let current = match group {
                None => self.item.is_none(),
                Some(item) => self.item == Some(item.id),
            };
            if let Some(item) = group {
                let mark = if current { "> " } else { "  " };
                let style = if current { theme.key } else { theme.section };
                rows.push(Line::from(Span::styled(
                    format!("{mark}{gi}. {}", vis(&item.title)),
                    style,
                )));
            } else if !lines.is_empty() || (current && !self.agenda.is_empty()) {
                rows.push(Line::from(Span::styled(
                    format!("  {}", t(T::NoAgendaItem)),
                    theme.section,
                )));
            }
            for k in lines {
                let m = &self.minutes[order[k]];
                let start = rows.len();
                let mut spans = vec![
                    Span::styled(format!("{:>4} ", m.position), theme.muted),
                    Span::styled(format!("{} ", kind_letter(m.kind, s.lang)), theme.title),
                ];
                // The kind is in the letter; the text is shown after its prefix.
                let unread;
                let parsed = match self.readings.get(order[k]) {
                    Some(p) => p,
                    None => {
                        unread = parse_line(&m.text, self.today);
                        &unread
                    }
                };
                let from = parsed.prefix_end;
                let shifted: Vec<(Range<usize>, bool)> = stored_spans(m, parsed)
                    .into_iter()
                    .filter(|(r, _)| r.start >= from)
                    .map(|(r, ok)| (r.start - from..r.end - from, ok))
                    .collect();
                spans.extend(highlight(
                    &m.text[from..],
                    &shifted,
                    theme.base,
                    theme.info,
                    bad_token(s),
                ));
                if m.created.is_some() {
                    let made = m.made().join(", ");
                    spans.push(Span::styled(format!("  {arrow} {made}"), theme.key));
                }
                if m.answered {
                    spans.push(Span::styled(
                        format!("  ({})", t(T::MinutesAnswered)),
                        theme.muted,
                    ));
                }
                if m.amendment {
                    spans.push(Span::styled(
                        format!("  ({})", t(T::MinutesAmendment)),
                        theme.muted,
                    ));
                }
                let mut wrapped = wrap(spans, w, 7);
                for p in &m.problems {
                    wrapped.extend(wrap(
                        vec![Span::styled(
                            format!("       ! {}", vis(&s.lang.problem(p))),
                            theme.error,
                        )],
                        w,
                        9,
                    ));
                }
                if self.focus == Focus::Lines && k == self.selected {
                    for l in wrapped.iter_mut() {
                        *l = l.clone().style(theme.selected);
                    }
                    sel = start..start + wrapped.len();
                }
                rows.extend(wrapped);
            }
            if current {
                anchor = rows.len();
            }
        }
        (rows, sel, anchor)
    }

    pub(super) fn render(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let theme = &s.theme;
        let m = &self.meeting;
        let title = s.lang.f(
            T::MinutesTitle,
            &[("id", &m.reference()), ("title", &vis(&m.title))],
        );
        let mut status = format!(" {} ", t(status_label(m.status)));
        if m.status.minutes_locked() {
            status = format!(" {} ", t(T::MinutesAmending));
        }
        frame.render_widget(Clear, area);
        // The meeting's title gives way to the status on the right, not the other
        // way round (its ID comes first and stays).
        let room =
            usize::from(area.width).saturating_sub(4 + crate::domain::text::cell_width(&status));
        let title = crate::domain::text::fit_cells(&title, room, "…");
        let block = widgets::block(s, format!(" {title} "), true)
            .title(Line::from(Span::styled(status, theme.mark)).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height < 4 {
            return;
        }
        let [lines_area, hint_area, input_area] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);

        let w = usize::from(lines_area.width);
        let (mut rows, sel, mut anchor) = self.rows(s, w);
        // Lines typed while another user's change held the database: not stored yet.
        for q in &self.queue {
            let (mark, style) = match &q.failed {
                None => (t(T::MinutesMarkWaiting), theme.muted),
                Some(_) => (t(T::MinutesMarkFailed), theme.error),
            };
            rows.push(Line::styled(format!("  [{mark}] {}", vis(&q.text)), style));
            anchor = rows.len();
        }
        let h = usize::from(lines_area.height);
        let offset = if self.minutes.is_empty() && self.agenda.is_empty() {
            0
        } else if self.focus == Focus::Lines {
            sel.end.saturating_sub(h).min(sel.start)
        } else {
            anchor.saturating_sub(h)
        }
        .min(rows.len().saturating_sub(h));
        if self.minutes.is_empty() && self.queue.is_empty() && rows.len() < h {
            let mut rows = rows;
            rows.push(Line::raw(""));
            rows.push(Line::styled(
                format!(
                    "  {}",
                    crate::tui::widgets::keys_hint(s, T::MinutesEmpty, true)
                ),
                theme.muted,
            ));
            // Until the first line is stored: how lines are written, briefly.
            if rows.len() + 4 <= h {
                rows.push(Line::raw(""));
                for b in super::minutes_syntax::brief(s.lang, self.today) {
                    rows.extend(wrap(
                        vec![Span::styled(format!("  {}", vis(&b)), theme.muted)],
                        w,
                        4,
                    ));
                }
            }
            frame.render_widget(Paragraph::new(rows), lines_area);
        } else {
            let visible: Vec<Line> = rows.into_iter().skip(offset).take(h).collect();
            frame.render_widget(Paragraph::new(visible), lines_area);
        }

        // The hint row: a question, the completions, or the keys.
        let who = self
            .holder
            .as_ref()
            .map(|h| format!(" ({})", vis(&s.lang.holder(h))))
            .unwrap_or_default();
        let hint = if let Some(p) = &self.pending {
            let q = match p {
                Pending::Delete(m) => s.lang.f(T::MinutesDeleteQ, &[("n", &m.position)]),
                Pending::Finalise => s.lang.f(T::MeetingFinaliseQ, &[("id", &m.reference())]),
                Pending::FinaliseProblems(lines) => {
                    self.render_problems(frame, lines_area, lines, s);
                    s.lang.f(
                        T::FinaliseProblemsQ,
                        &[
                            ("n", &lines.len()),
                            ("first", &lines.first().map(|l| l.position).unwrap_or(0)),
                        ],
                    )
                }
            };
            Line::from(vec![
                Span::styled(q, theme.error),
                Span::raw("  "),
                Span::styled(crate::tui::widgets::yes_no(s), theme.key),
            ])
        } else if let Some(c) = &self.completion {
            let complete = s.keymap.first(Action::MinutesComplete).unwrap_or_default();
            let mut spans = vec![Span::styled(format!("{complete}: "), theme.key)];
            for (i, cand) in c.candidates.iter().enumerate() {
                let style = if i == c.index {
                    theme.selected
                } else {
                    theme.base
                };
                spans.push(Span::styled(vis(cand), style));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        } else if let Some(why) = self.queue.iter().find_map(|q| q.failed.as_ref()) {
            Line::styled(
                crate::tui::widgets::keys_hint_f(
                    s,
                    T::MinutesNotStored,
                    &[("why", &vis(why))],
                    true,
                ),
                theme.error,
            )
        } else if !self.queue.is_empty() {
            Line::styled(
                s.lang.f(
                    T::MinutesWaiting,
                    &[("n", &self.queue.len()), ("who", &who)],
                ),
                theme.info,
            )
        } else if self.locked && self.editing.is_none() {
            Line::styled(
                crate::tui::widgets::keys_hint_f(s, T::MinutesLocked, &[("who", &who)], true),
                theme.info,
            )
        } else if let Some(e) = &self.editing {
            Line::styled(
                crate::tui::widgets::keys_hint_f(
                    s,
                    T::MinutesHintEdit,
                    &[("n", &e.position)],
                    true,
                ),
                theme.info,
            )
        } else {
            let item = self
                .item
                .and_then(|i| self.agenda.iter().position(|a| a.id == i))
                .map(|p| format!("{}. {}", p + 1, vis(&self.agenda[p].title)))
                .unwrap_or_else(|| t(T::NoAgendaItem).to_string());
            let keys = match self.focus {
                Focus::Input => crate::tui::widgets::keys_hint(s, T::MinutesHintInput, true),
                Focus::Lines => crate::tui::widgets::keys_hint(s, T::MinutesHintList, false),
            };
            Line::from(vec![
                Span::styled(s.lang.f(T::MinutesItem, &[("item", &item)]), theme.section),
                Span::raw("  "),
                Span::styled(keys, theme.muted),
            ])
        };
        frame.render_widget(Paragraph::new(hint), hint_area);
        self.render_input(frame, input_area, s);
    }

    /// The lines that still have problems, in a box at the bottom of the lines pane.
    fn render_problems(&self, frame: &mut Frame, area: Rect, lines: &[StoredMinute], s: &Settings) {
        let w = usize::from(area.width.saturating_sub(2)).max(8);
        let mut rows: Vec<Line<'static>> = Vec::new();
        for l in lines {
            let problems: Vec<String> = l.problems.iter().map(|p| s.lang.problem(p)).collect();
            let text = s.lang.f(
                T::FinaliseProblemLine,
                &[("n", &l.position), ("problems", &vis(&problems.join("; ")))],
            );
            rows.extend(wrap(vec![Span::styled(text, s.theme.error)], w, 4));
        }
        let height = (rows.len() as u16 + 2).min(area.height);
        let rect = Rect {
            y: area.y + area.height - height,
            height,
            ..area
        };
        frame.render_widget(Clear, rect);
        let block = widgets::block(s, format!(" {} ", s.lang.t(T::SyntaxFinaliseTitle)), true);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        frame.render_widget(Paragraph::new(rows), inner);
    }

    fn render_input(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let theme = &s.theme;
        let focused = self.focus == Focus::Input && self.pending.is_none();
        let prompt = if self.editing.is_some() { "~ " } else { "> " };
        let badge = if self.draft_saved && self.editing.is_none() && !self.input.value().is_empty()
        {
            format!(" {}", s.lang.t(T::MinutesDraftSaved))
        } else {
            String::new()
        };
        let badge_w = width(&badge) as u16;
        let [p, field, b] = Layout::horizontal([
            Constraint::Length(2),
            Constraint::Min(4),
            Constraint::Length(badge_w),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                prompt,
                if focused { theme.key } else { theme.muted },
            )),
            p,
        );
        frame.render_widget(Paragraph::new(Span::styled(badge, theme.muted)), b);
        let text = self.input.value();
        let spans = highlight(text, &self.spans, theme.base, theme.info, bad_token(s));
        // Scroll sideways so the cursor stays in view.
        let cursor_col = width(&text[..self.input.cursor()]);
        let fw = usize::from(field.width).saturating_sub(1).max(1);
        let skip = cursor_col.saturating_sub(fw);
        frame.render_widget(
            Paragraph::new(Line::from(spans)).scroll((0, skip as u16)),
            field,
        );
        if focused {
            let x = field.x + (cursor_col - skip) as u16;
            let pos = Position { x, y: field.y };
            if let Some(cell) = frame.buffer_mut().cell_mut(pos) {
                cell.set_style(theme.cursor);
            }
            frame.set_cursor_position(pos);
        }
    }
}

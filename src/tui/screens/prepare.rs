//! Preparing a planned meeting: everything still open with its organisations (feedback
//! owed, open signals, commitments and actions, unanswered questions carried over from
//! earlier meetings), Space to select, Enter to turn the selection into agenda items.

use crate::store::{AgendaSource, Meeting, PrepEntry, PrepSection};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::Popup;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, ListCursor, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::BTreeSet;

pub fn section_title(section: PrepSection) -> T {
    match section {
        PrepSection::FeedbackOwed => T::PrepFeedbackOwed,
        PrepSection::Signal => T::PrepSignals,
        PrepSection::Commitment => T::PrepCommitments,
        PrepSection::Action => T::PrepActions,
        PrepSection::Question => T::PrepQuestions,
    }
}

pub struct Prepare {
    meeting: Meeting,
    orgs: Vec<String>,
    entries: Vec<PrepEntry>,
    cursor: ListCursor,
    chosen: BTreeSet<usize>,
}

impl Prepare {
    pub fn open(meeting_id: i64, cx: &mut Cx) -> crate::store::Result<Prepare> {
        let p = cx.store.prepare(meeting_id)?;
        Ok(Prepare {
            orgs: p.orgs.iter().map(|o| o.name.clone()).collect(),
            entries: p.entries(),
            meeting: p.meeting,
            cursor: ListCursor::default(),
            chosen: BTreeSet::new(),
        })
    }

    /// The number of entries selected (for tests).
    pub fn chosen(&self) -> usize {
        self.chosen.len()
    }

    fn add(&mut self, cx: &mut Cx) -> Outcome {
        let picked: Vec<usize> = if self.chosen.is_empty() {
            vec![self.cursor.selected]
        } else {
            self.chosen.iter().copied().collect()
        };
        let sources: Vec<AgendaSource> = picked
            .iter()
            .filter_map(|&i| self.entries.get(i).map(|e| e.source))
            .collect();
        if sources.is_empty() {
            return Outcome::Handled;
        }
        match cx.store.add_agenda_items_from(self.meeting.id, &sources) {
            Ok(items) => Outcome::Effects(vec![
                Effect::Close,
                Effect::Saved {
                    record: self.meeting.reference(),
                    message: cx.settings.lang.f(T::AgendaAdded, &[("n", &items.len())]),
                },
            ]),
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    /// The rows with their section headings; the second value maps each entry to its row.
    fn rows(&self, s: &Settings, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
        let theme = &s.theme;
        let mut rows = Vec::new();
        let mut at = Vec::with_capacity(self.entries.len());
        let mut section = None;
        for (i, e) in self.entries.iter().enumerate() {
            if section != Some(e.section) {
                section = Some(e.section);
                let n = self
                    .entries
                    .iter()
                    .filter(|x| x.section == e.section)
                    .count();
                rows.push(widgets::heading(
                    s,
                    s.lang.t(section_title(e.section)),
                    Some(n),
                ));
            }
            let mark = if self.chosen.contains(&i) {
                "[x]"
            } else {
                "[ ]"
            };
            let due = e
                .due
                .map(|d| format!(" ({} {d})", s.lang.t(T::Due)))
                .unwrap_or_default();
            let context = e
                .context
                .as_deref()
                .map(|c| format!(" - {}", vis(c)))
                .unwrap_or_default();
            let mut spans = vec![
                Span::raw(format!("{mark} {:<8} ", e.label)),
                Span::raw(vis(&e.text)),
                Span::styled(due, widgets::marked(s, e.overdue)),
            ];
            if width >= 100 {
                spans.push(Span::styled(context, theme.muted));
            }
            at.push(rows.len());
            rows.push(Line::from(spans));
        }
        (rows, at)
    }
}

impl Popup for Prepare {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let action = cx.settings.keymap.lookup_event(
            &key,
            &[Scope::Meetings, Scope::List, Scope::Global],
            false,
        );
        let view = usize::from(cx.size.height.saturating_sub(8));
        if let Some(a) = action
            && self.cursor.apply(a, self.entries.len(), view)
        {
            return Outcome::Handled;
        }
        match action {
            Some(Action::MeetingSelect) => {
                let i = self.cursor.selected;
                if i < self.entries.len() && !self.chosen.remove(&i) {
                    self.chosen.insert(i);
                }
                self.cursor.apply(Action::Down, self.entries.len(), view);
                Outcome::Handled
            }
            Some(Action::Open | Action::MeetingAgenda) => self.add(cx),
            Some(Action::Back | Action::Quit | Action::MeetingPrepare) => {
                Outcome::one(Effect::Close)
            }
            Some(Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh) => {
                Outcome::Ignored
            }
            _ => Outcome::Handled,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let rect = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        let mut title = s
            .lang
            .f(T::PrepareTitle, &[("id", &self.meeting.reference())]);
        title.push_str(&format!(": {}", vis(&self.meeting.title)));
        let inner = widgets::popup_frame(frame, rect, s, &title);
        let [head, list, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let when = self.meeting.starts_at.format("%Y-%m-%d %H:%M").to_string();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{when}  "), s.theme.title),
                Span::styled(vis(&self.orgs.join(", ")), s.theme.muted),
            ])),
            head,
        );
        if self.entries.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(t(T::PrepareNothing), s.theme.muted)),
                list,
            );
        } else {
            let (rows, at) = self.rows(s, inner.width);
            let sel = at.get(self.cursor.selected).copied().unwrap_or(0);
            let h = usize::from(list.height).max(1);
            let offset = sel.saturating_sub(h - 1);
            let lines: Vec<Line> = rows
                .into_iter()
                .enumerate()
                .skip(offset)
                .take(h)
                .map(|(i, l)| {
                    if i == sel {
                        l.style(s.theme.selected)
                    } else {
                        l
                    }
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), list);
        }
        let mut foot = crate::tui::widgets::keys_hint(s, T::PrepareFooter, false);
        if !self.chosen.is_empty() {
            foot = format!(
                "{}  {foot}",
                s.lang.f(T::PrepSelected, &[("n", &self.chosen.len())])
            );
        }
        frame.render_widget(Paragraph::new(Span::styled(foot, s.theme.muted)), footer);
    }
}

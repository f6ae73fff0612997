//! The conflict dialog: a save was refused because someone else changed the record
//! meanwhile. Both versions stand side by side, field by field, with the differences
//! marked, and the user chooses: overwrite with what they typed, reload the saved
//! version (after a confirmation), or go back to the form to merge by hand. Nothing is
//! overwritten silently.
//!
//! It lives inside the form popup, so every form gets it: a
//! form handler only has to implement `current`.

use crate::tui::action::{Action, Scope};
use crate::tui::component::Cx;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use std::collections::BTreeMap;

/// One field of both versions.
#[derive(Debug, Clone)]
pub struct ConflictRow {
    pub key: &'static str,
    pub label: T,
    /// What the form was opened with.
    pub base: String,
    /// What the user typed.
    pub mine: String,
    /// What is in the store now.
    pub theirs: String,
    /// For choice fields: stored code → label.
    pub options: Vec<(&'static str, T)>,
}

impl ConflictRow {
    fn same(a: &str, b: &str) -> bool {
        a.trim() == b.trim()
    }

    /// `!` both changed it differently, `<` only they did, `>` only you did, ` ` equal.
    pub fn mark(&self) -> char {
        if Self::same(&self.mine, &self.theirs) {
            return ' ';
        }
        let mine = !Self::same(&self.mine, &self.base);
        let theirs = !Self::same(&self.theirs, &self.base);
        match (mine, theirs) {
            (true, true) => '!',
            (false, true) => '<',
            _ => '>',
        }
    }

    /// The value as drawn: a choice's label, line breaks as `⏎`, controls visible.
    fn shown(&self, v: &str, s: &Settings, ascii: bool) -> String {
        if let Some((_, label)) = self.options.iter().find(|o| o.0 == v) {
            return s.lang.t(*label).to_string();
        }
        let nl = if ascii { " / " } else { " ⏎ " };
        vis(&v.trim().lines().collect::<Vec<_>>().join(nl))
    }
}

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Still deciding.
    Stay,
    /// Save the typed values against the new version.
    Overwrite,
    /// Take the saved version; the typed values are dropped (confirmed).
    Reload,
    /// Back to the form: their changes filled in where the user typed nothing.
    Merge,
}

pub struct ConflictView {
    message: String,
    rows: Vec<ConflictRow>,
    confirm_reload: bool,
    scroll: usize,
}

impl ConflictView {
    pub fn new(message: impl Into<String>, rows: Vec<ConflictRow>) -> ConflictView {
        ConflictView {
            message: message.into(),
            rows,
            confirm_reload: false,
            scroll: 0,
        }
    }

    pub fn rows(&self) -> &[ConflictRow] {
        &self.rows
    }

    /// The saved version by field key.
    pub fn theirs(&self) -> BTreeMap<String, String> {
        self.rows
            .iter()
            .map(|r| (r.key.to_string(), r.theirs.clone()))
            .collect()
    }

    /// The values to continue editing with: yours where you typed, theirs elsewhere.
    pub fn merged(&self) -> BTreeMap<String, String> {
        self.rows
            .iter()
            .map(|r| {
                let v = if ConflictRow::same(&r.mine, &r.base) {
                    &r.theirs
                } else {
                    &r.mine
                };
                (r.key.to_string(), v.clone())
            })
            .collect()
    }

    pub fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Choice {
        let km = &cx.settings.keymap;
        if self.confirm_reload {
            match km.answer(&key) {
                Some(true) => return Choice::Reload,
                Some(false) => self.confirm_reload = false,
                None => {}
            }
            return Choice::Stay;
        }
        // Its own keys first; saving again overwrites, Esc goes on editing.
        match km.lookup_event(&key, &[Scope::Conflict, Scope::Form, Scope::List], false) {
            Some(Action::ConflictOverwrite | Action::Save) => Choice::Overwrite,
            Some(Action::ConflictReload) => {
                self.confirm_reload = true;
                Choice::Stay
            }
            Some(Action::ConflictMerge | Action::Back) => Choice::Merge,
            Some(Action::Down | Action::NextField) => {
                self.scroll = (self.scroll + 1).min(self.rows.len().saturating_sub(1));
                Choice::Stay
            }
            Some(Action::Up | Action::PrevField) => {
                self.scroll = self.scroll.saturating_sub(1);
                Choice::Stay
            }
            _ => Choice::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let width = 110.min(area.width.saturating_sub(2)).max(30);
        // The message takes the lines it needs inside the frame: never cut at its edge.
        let msg_lines = crate::tui::fit::wrap(&vis(&self.message), usize::from(width - 2));
        let msg_h = (msg_lines.len() as u16).max(2);
        let want = self.rows.len() as u16 + 7 + msg_h;
        let rect = widgets::centered(area, width, want.min(area.height.saturating_sub(2)));
        let inner = widgets::popup_frame(frame, rect, s, t(T::ConflictTitle));
        let [msg, table, legend, keys] = Layout::vertical([
            Constraint::Length(msg_h),
            Constraint::Min(2),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(inner);
        let lines: Vec<Line> = msg_lines
            .into_iter()
            .map(|l| Line::styled(l, s.theme.error))
            .collect();
        frame.render_widget(Paragraph::new(lines), msg);
        let label_w = self
            .rows
            .iter()
            .map(|r| t(r.label).chars().count())
            .max()
            .unwrap_or(8)
            .max(t(T::ConflictField).chars().count()) as u16;
        let rows: Vec<Row> = self
            .rows
            .iter()
            .skip(self.scroll)
            .map(|r| {
                let mark = r.mark();
                let style = widgets::marked(s, mark != ' ');
                Row::new(vec![
                    Cell::from(Span::styled(mark.to_string(), s.theme.mark)),
                    Cell::from(Span::styled(t(r.label), s.theme.muted)),
                    Cell::from(Span::styled(r.shown(&r.mine, s, s.ascii), style)),
                    Cell::from(Span::styled(r.shown(&r.theirs, s, s.ascii), style)),
                ])
            })
            .collect();
        let header = Row::new(vec![
            "",
            t(T::ConflictField),
            t(T::ConflictYours),
            t(T::ConflictTheirs),
        ])
        .style(s.theme.header);
        let widths = [
            Constraint::Length(1),
            Constraint::Length(label_w),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ];
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            table,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(t(T::ConflictLegend), s.theme.muted)),
            legend,
        );
        let line = if self.confirm_reload {
            Line::from(vec![
                Span::styled(format!("{} ", t(T::ConflictReloadAsk)), s.theme.error),
                Span::styled(widgets::yes_no(s), s.theme.key),
            ])
        } else {
            let mut spans = Vec::new();
            for (a, what) in [
                (Action::ConflictOverwrite, T::ConflictOverwrite),
                (Action::ConflictReload, T::ConflictReload),
                (Action::ConflictMerge, T::ConflictMerge),
            ] {
                let key = s.keymap.first(a).unwrap_or_default();
                spans.extend(widgets::hint(s, key, t(what)));
            }
            Line::from(spans)
        };
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), keys);
    }
}

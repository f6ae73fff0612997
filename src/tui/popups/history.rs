//! The history of one record: who changed what and when, field by field, before →
//! after, newest first, scrollable. Reloads when the database changes.

use super::Popup;
use crate::domain::RecordRef;
use crate::store::AuditEntry;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis, who};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use serde_json::Value;

pub struct History {
    record: RecordRef,
    entries: Vec<AuditEntry>,
    scroll: u16,
    /// Rows of the list, for paging (the terminal's height less the frame).
    page: u16,
}

/// A field's name in the user's language, where the screens have one.
fn field_label(field: &str) -> Option<T> {
    Some(match field {
        "name" => T::FieldName,
        "short_name" => T::FieldShortName,
        "kind" => T::ColKind,
        "district" => T::ColDistrict,
        "neighbourhoods" => T::FieldNeighbourhoods,
        "email" => T::FieldEmail,
        "phone" => T::FieldPhone,
        "role" => T::FieldRole,
        "org_id" => T::FieldOrganisation,
        "username" => T::FieldUsername,
        "districts" => T::FieldDistricts,
        "themes" => T::FieldThemes,
        "notes" => T::FieldNotes,
        "cadence_per_year" => T::FieldCadence,
        "title" => T::ColTitle,
        "body" => T::FieldText,
        "neighbourhood" => T::FieldNeighbourhood,
        "theme" => T::ColTheme,
        _ => return None,
    })
}

/// A value from the audit trail as one line of text.
fn shown(v: &Value, ascii: bool) -> String {
    let nl = if ascii { " / " } else { " ⏎ " };
    let s = match v {
        Value::Null => return "-".into(),
        Value::String(s) if s.trim().is_empty() => return "\"\"".into(),
        Value::String(s) => s.trim().lines().collect::<Vec<_>>().join(nl),
        Value::Array(a) if a.is_empty() => return "-".into(),
        Value::Array(a) => a
            .iter()
            .map(|x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    vis(&s)
}

/// The words a meeting's history uses for attendance and invitations, in the user's
/// language; any other value as it is.
fn word(v: &Value, s: &Settings) -> String {
    let key = match v.as_str() {
        Some("attended") => T::HistAttended,
        Some("absent") => T::HistAbsent,
        Some("not marked") => T::HistNotMarked,
        Some("invited") => T::HistInvited,
        Some("no longer invited") => T::HistUninvited,
        Some("taken off the list") => T::HistOffList,
        Some("added") => T::HistAdded,
        Some("deleted") => T::HistDeleted,
        _ => return shown(v, s.ascii),
    };
    s.lang.t(key).to_string()
}

/// "Anton Brink (P-29) attended → absent", "O-20 Naam invited".
fn named_change(name: &str, change: &Value, s: &Settings) -> Line<'static> {
    let arrow = if s.ascii { "->" } else { "→" };
    let mut spans = vec![Span::raw(format!("  {} ", vis(name)))];
    match change {
        Value::Array(pair) if pair.len() == 2 => {
            spans.push(Span::raw(word(&pair[0], s)));
            spans.push(Span::styled(format!(" {arrow} "), s.theme.muted));
            spans.push(Span::raw(word(&pair[1], s)));
        }
        other => spans.push(Span::raw(word(other, s))),
    }
    Line::from(spans)
}

impl History {
    pub fn new(record: RecordRef, cx: &mut Cx) -> crate::store::Result<History> {
        let mut entries = cx.store.history(record)?;
        entries.reverse();
        Ok(History {
            record,
            entries,
            scroll: 0,
            page: cx.size.height.saturating_sub(8).max(1),
        })
    }

    pub fn record(&self) -> RecordRef {
        self.record
    }

    pub fn lines(&self, s: &Settings) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let arrow = if s.ascii { "->" } else { "→" };
        let mut lines = Vec::new();
        if self.entries.is_empty() {
            lines.push(Line::styled(t(T::HistoryEmpty), s.theme.muted));
        }
        for e in &self.entries {
            let when = e.at.replacen('T', " ", 1).trim_end_matches('Z').to_string();
            let what = match e.action.as_str() {
                "create" => t(T::AuditCreate).to_string(),
                "update" | "edit" => t(T::AuditUpdate).to_string(),
                "erase" => t(T::AuditErase).to_string(),
                other => vis(other),
            };
            lines.push(Line::from(vec![
                Span::styled(when, s.theme.muted),
                Span::raw("  "),
                Span::styled(vis(&who(s, &e.user, e.account.as_deref())), s.theme.key),
                Span::raw("  "),
                Span::styled(what, s.theme.section),
            ]));
            if let Value::Object(fields) = &e.changes {
                for (field, change) in fields {
                    // A name ("Anton Brink (P-29)", "O-20 Naam") with what happened to
                    // it reads as a sentence: "Anton Brink (P-29) attended → absent".
                    if field.contains(' ') {
                        lines.push(named_change(field, change, s));
                        continue;
                    }
                    let (before, after) = match change {
                        Value::Array(pair) if pair.len() == 2 => (&pair[0], &pair[1]),
                        other => (&Value::Null, other),
                    };
                    let name = field_label(field).map_or_else(|| vis(field), |k| t(k).to_string());
                    let mut spans = vec![Span::styled(format!("  {name}: "), s.theme.muted)];
                    if e.action != "create" {
                        spans.push(Span::raw(shown(before, s.ascii)));
                        spans.push(Span::styled(format!(" {arrow} "), s.theme.muted));
                    }
                    spans.push(Span::raw(shown(after, s.ascii)));
                    lines.push(Line::from(spans));
                }
            }
            lines.push(Line::raw(""));
        }
        lines
    }
}

impl Popup for History {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let action = cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::List, Scope::Global], false);
        match action {
            Some(Action::Down) => self.scroll = self.scroll.saturating_add(1),
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(self.page),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(self.page),
            Some(Action::Top) => self.scroll = 0,
            Some(Action::Bottom) => self.scroll = u16::MAX,
            Some(Action::Back | Action::Quit | Action::History) => {
                return Outcome::one(Effect::Close);
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    fn refresh(&mut self, cx: &mut Cx) {
        if let Ok(mut entries) = cx.store.history(self.record) {
            entries.reverse();
            self.entries = entries;
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 100.min(area.width.saturating_sub(4)).max(20);
        let height = area.height.saturating_sub(2);
        let rect = widgets::centered(area, width, height);
        let title = format!(
            "{} ({})",
            s.lang.f(T::HistoryTitle, &[("id", &self.record)]),
            s.lang.f(T::HistoryCount, &[("n", &self.entries.len())])
        );
        let inner = widgets::popup_frame(frame, rect, s, &title);
        if inner.height < 2 {
            return;
        }
        let body = Rect {
            height: inner.height - 1,
            ..inner
        };
        let lines = self.lines(s);
        let w = usize::from(body.width.max(1));
        let total: usize = lines.iter().map(|l| l.width().max(1).div_ceil(w)).sum();
        let total = u16::try_from(total).unwrap_or(u16::MAX);
        let para = Paragraph::new(lines).wrap(Wrap { trim: false });
        let scroll = self.scroll.min(total.saturating_sub(body.height));
        frame.render_widget(para.scroll((scroll, 0)), body);
        let foot = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                widgets::keys_hint(s, T::HistoryFooter, false),
                s.theme.muted,
            )),
            foot,
        );
    }
}

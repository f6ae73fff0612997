//! The editor's keys: on the input line (plain keys are text; Tab completes, Enter
//! stores) and on the lines above it (plain keys are commands: edit, move, delete,
//! answer, hold, finalise, …), and the yes/no question on the hint row.

use super::{Completion, Focus, MinutesEditor, Pending};
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::minutes::EntryKind;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::keymap::Key;
use crate::tui::screens::minutes_parts::status_label;
use crate::tui::screens::minutes_popups::{Attendance, export};
use crate::words::T;
use crossterm::event::KeyEvent;

/// How many completions are offered for one token.
const CANDIDATES: usize = 8;

impl MinutesEditor {
    pub(super) fn input_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let km = &cx.settings.keymap;
        let action = km.lookup_event(&key, &[Scope::Minutes, Scope::List], true);
        if action != Some(Action::MinutesComplete) {
            self.completion = None;
        }
        match action {
            Some(Action::MinutesComplete) => return self.complete(cx),
            Some(Action::MinutesSyntax) => {
                return Outcome::one(Effect::Push(Box::new(
                    crate::tui::screens::minutes_syntax::Syntax::new(self.today),
                )));
            }
            Some(Action::MinutesPrevItem) => {
                self.step_item(false);
                return Outcome::Handled;
            }
            Some(Action::MinutesNextItem) => {
                self.step_item(true);
                return Outcome::Handled;
            }
            _ => {}
        }
        match action {
            Some(Action::MinutesStore) => self.store_line(cx),
            // Changing an earlier line: Esc asks before the change is thrown away.
            Some(Action::Back) if self.editing.is_some() => {
                let changed = self
                    .editing
                    .as_ref()
                    .is_some_and(|m| m.text != self.input.value());
                crate::tui::popups::confirm::discard_or_ask(changed, cx)
            }
            Some(Action::Back) if !self.queue.is_empty() => Outcome::error(
                cx.settings
                    .lang
                    .f(T::MinutesCannotClose, &[("n", &self.queue.len())]),
            ),
            // A line kept as the meeting's minutes draft comes back when the editor
            // opens again; one that could not be kept (the database was locked) is asked
            // about first.
            Some(Action::Back) => crate::tui::popups::confirm::discard_or_ask(
                !self.input.value().trim().is_empty() && !self.draft_saved,
                cx,
            ),
            Some(Action::Up | Action::PageUp) if !self.minutes.is_empty() => {
                self.focus = Focus::Lines;
                self.selected = self.minutes.len() - 1;
                Outcome::Handled
            }
            _ => {
                if !Key::from_event(&key).is_text()
                    && km.lookup_event(&key, &[Scope::Global], true).is_some()
                {
                    // Quit now, suspend, help: the shell's.
                    return Outcome::Ignored;
                }
                if self.input.handle_key(key) {
                    self.changed(cx)
                } else {
                    Outcome::Handled
                }
            }
        }
    }

    pub(super) fn lines_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let action = cx.settings.keymap.lookup_event(
            &key,
            &[Scope::Minutes, Scope::Meetings, Scope::List, Scope::Global],
            false,
        );
        let last = self.minutes.len().saturating_sub(1);
        let page = usize::from(cx.size.height.saturating_sub(8)).max(1);
        let lang = cx.settings.lang;
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) if self.selected >= last => self.focus = Focus::Input,
            Some(Action::Down) => self.selected += 1,
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(page),
            Some(Action::PageDown) => self.selected = (self.selected + page).min(last),
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.selected = last,
            Some(Action::Back | Action::Quit) => self.focus = Focus::Input,
            Some(Action::MinutesPrevItem) => self.step_item(false),
            Some(Action::MinutesNextItem) => self.step_item(true),
            Some(Action::Edit | Action::Open) => {
                if let Some(m) = self.selected_minute().cloned() {
                    self.start_edit(m, cx);
                }
            }
            Some(Action::MinutesSyntax) => {
                return Outcome::one(Effect::Push(Box::new(
                    crate::tui::screens::minutes_syntax::Syntax::new(self.today),
                )));
            }
            Some(Action::MeetingFollowUp) => {
                return Outcome::one(Effect::Push(Box::new(
                    crate::tui::screens::follow_up::form(&self.meeting, cx),
                )));
            }
            Some(Action::MeetingDelete) => {
                if let Some(m) = self.selected_minute().cloned() {
                    self.pending = Some(Pending::Delete(m));
                }
            }
            Some(Action::MinutesMove) => {
                let Some(m) = self.selected_minute().cloned() else {
                    return Outcome::Handled;
                };
                let id = m.id;
                return match cx.store.move_minute(id, self.item, Some(m.version)) {
                    Ok(m) => {
                        let _ = self.reload(cx);
                        if let Some(i) = self
                            .ordered()
                            .iter()
                            .position(|&i| self.minutes[i].id == id)
                        {
                            self.selected = i;
                        }
                        Outcome::one(Effect::Status(
                            lang.f(T::MinutesMoved, &[("n", &m.position)]),
                        ))
                    }
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                };
            }
            Some(Action::MinutesAnswer) => {
                let Some(m) = self.selected_minute().cloned() else {
                    return Outcome::Handled;
                };
                if m.kind != EntryKind::Question {
                    return Outcome::error(lang.t(T::MinutesNotQuestion));
                }
                return match cx.store.answer_question(m.id, !m.answered, Some(m.version)) {
                    Ok(_) => {
                        let _ = self.reload(cx);
                        Outcome::Handled
                    }
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                };
            }
            Some(Action::MeetingHold) => return self.step_meeting(MeetingEvent::Hold, cx),
            Some(Action::MeetingFinalise) if self.meeting.status == MeetingStatus::Held => {
                self.ask_finalise(cx)
            }
            Some(Action::MeetingFinalise) => {
                return self.step_meeting(MeetingEvent::Finalise, cx);
            }
            Some(Action::MeetingExport) => return export(&self.meeting, cx),
            Some(Action::MinutesSend) => {
                return crate::tui::screens::meeting_mail::send_minutes(&self.meeting, cx);
            }
            Some(Action::MeetingAttendance) => {
                return match Attendance::open(self.meeting.id, cx) {
                    Ok(a) => Outcome::one(Effect::Push(Box::new(a))),
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                };
            }
            Some(Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh) => {
                return Outcome::Ignored;
            }
            _ if Key::from_event(&key).is_text() => {
                // Typing goes back to the input line.
                self.focus = Focus::Input;
                return self.input_key(key, cx);
            }
            _ => {}
        }
        Outcome::Handled
    }

    pub(super) fn answer_pending(&mut self, yes: bool, cx: &mut Cx) -> Outcome {
        let Some(p) = self.pending.take() else {
            return Outcome::Handled;
        };
        if !yes {
            // Back to the first line that needs fixing, ready to edit.
            if let Pending::FinaliseProblems(lines) = p
                && let Some(first) = lines.first()
                && let Ok(m) = cx.store.minute(first.id)
            {
                self.start_edit(m, cx);
            }
            return Outcome::Handled;
        }
        let lang = cx.settings.lang;
        match p {
            Pending::Finalise | Pending::FinaliseProblems(_) => {
                self.step_meeting(MeetingEvent::Finalise, cx)
            }
            Pending::Delete(m) => match cx.store.delete_minute(m.id, Some(m.version)) {
                Ok(d) => {
                    let _ = self.reload(cx);
                    let n = d.minute.position;
                    let msg = match &d.kept {
                        Some(id) => lang.f(T::MinutesDeletedKept, &[("n", &n), ("id", id)]),
                        None => lang.f(T::MinutesDeleted, &[("n", &n)]),
                    };
                    Outcome::one(Effect::Status(msg))
                }
                Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
            },
        }
    }

    /// Tab: complete the `@`, `org:` or `#` token at the cursor; Tab again cycles.
    fn complete(&mut self, cx: &mut Cx) -> Outcome {
        if let Some(c) = &mut self.completion
            && c.candidates.len() > 1
        {
            c.index = (c.index + 1) % c.candidates.len();
            let with = c.candidates[c.index].clone();
            let range = c.range.clone();
            self.input.replace(range.clone(), &with);
            c.range = range.start..range.start + with.len();
            return self.changed(cx);
        }
        let (range, token) = self.input.token_at_cursor();
        let token = token.to_string();
        let lower = token.to_lowercase();
        if !(token.starts_with('@') || token.starts_with('#') || lower.starts_with("org:")) {
            return Outcome::Handled;
        }
        let candidates = match cx.store.token_candidates(&token, CANDIDATES) {
            Ok(c) => c,
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        };
        match candidates.len() {
            0 => Outcome::error(
                cx.settings
                    .lang
                    .f(T::MinutesNoCandidates, &[("token", &token)]),
            ),
            1 => {
                self.input.replace(range, &format!("{} ", candidates[0]));
                self.changed(cx)
            }
            _ => {
                let with = candidates[0].clone();
                self.input.replace(range.clone(), &with);
                self.completion = Some(Completion {
                    range: range.start..range.start + with.len(),
                    candidates,
                    index: 0,
                });
                self.changed(cx)
            }
        }
    }

    fn step_item(&mut self, forward: bool) {
        if self.agenda.is_empty() {
            self.item = None;
            return;
        }
        let at = self
            .item
            .and_then(|i| self.agenda.iter().position(|a| a.id == i));
        let n = self.agenda.len();
        let next = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.item = Some(self.agenda[next].id);
    }

    fn step_meeting(&mut self, event: MeetingEvent, cx: &mut Cx) -> Outcome {
        match cx
            .store
            .meeting_step(self.meeting.id, event, Some(self.meeting.version))
        {
            Ok(m) => {
                self.meeting = m;
                let lang = cx.settings.lang;
                let msg = lang.f(
                    T::MeetingStepped,
                    &[
                        ("id", &self.meeting.reference()),
                        ("status", &lang.t(status_label(self.meeting.status))),
                    ],
                );
                self.refreshed(msg)
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }
}

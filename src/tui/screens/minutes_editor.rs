//! The minutes editor: a meeting's lines under their agenda items, and one input line
//! at the bottom. Enter stores the line at once (and clears its draft in the same
//! transaction); every change to the line being typed is kept as the meeting's draft
//! (one UPSERT), so a dropped connection or a killed process loses nothing.
//!
//! Two focuses: the input line (plain keys are text) and the lines above it (`Up` from
//! the input; plain keys are commands there: edit, move, delete, answer, hold, …).
//! Drawing is in [`super::minutes_view`].

use super::minutes_input::LineInput;
use super::minutes_parts::status_label;
use super::minutes_popups::{Attendance, export};
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::minutes::{EntryKind, TokenKind, parse_line};
use crate::store::{AgendaItem, Meeting, StoredMinute};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::config::Settings;
use crate::tui::keymap::Key;
use crate::tui::popups::Popup;
use crate::words::T;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::ops::Range;

/// How many completions are offered for one token.
const CANDIDATES: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Input,
    Lines,
}

/// A question asked on the hint row, answered with y/j or n/Esc.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Delete(StoredMinute),
    Finalise,
    /// Finalise asked while these lines still have problems: yes finalises anyway, no
    /// goes back to the first of them.
    FinaliseProblems(Vec<StoredMinute>),
}

/// Tab pressed on a token: what it can become, and which one is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub range: Range<usize>,
    pub candidates: Vec<String>,
    pub index: usize,
}

pub struct MinutesEditor {
    pub(super) meeting: Meeting,
    pub(super) agenda: Vec<AgendaItem>,
    pub(super) minutes: Vec<StoredMinute>,
    /// The agenda item new lines go under.
    pub(super) item: Option<i64>,
    pub(super) input: LineInput,
    pub(super) focus: Focus,
    /// The selected line, as an index into [`MinutesEditor::ordered`].
    pub(super) selected: usize,
    /// The line being edited (its text is in the input meanwhile).
    pub(super) editing: Option<StoredMinute>,
    /// The draft line, put aside while an earlier line is edited.
    stash: Option<String>,
    /// The input as typed is kept in the store.
    pub(super) draft_saved: bool,
    /// Token spans of the input and whether each resolves.
    pub(super) spans: Vec<(Range<usize>, bool)>,
    pub(super) completion: Option<Completion>,
    pub(super) pending: Option<Pending>,
    pub(super) today: NaiveDate,
    /// Lines typed while another user's change held the database, in order: they wait
    /// on the write worker and are shown as not stored yet until it says they are.
    pub(super) queue: Vec<Queued>,
    next_seq: u64,
    /// When a draft save last found the database locked: the draft then goes to the
    /// draft file only for a while, so typing never waits on the lock.
    locked_at: Option<std::time::Instant>,
    /// The last draft save found the database held (shown on the hint row until a
    /// save gets through).
    pub(super) locked: bool,
    /// Who holds the lock, where that can be told.
    pub(super) holder: Option<String>,
}

/// A line waiting to be stored, or one that could not be (kept, with why).
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub seq: u64,
    pub item: Option<i64>,
    pub text: String,
    pub failed: Option<String>,
}

/// How long a draft save waits for another user's write before the draft file alone
/// keeps the line: far longer than an ordinary write, short enough not to be felt.
const DRAFT_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// How long draft saves skip the database after finding it locked.
const LOCK_BACKOFF: std::time::Duration = std::time::Duration::from_secs(2);

impl MinutesEditor {
    /// The editor on a meeting, with the draft line back if one was kept.
    pub fn open(meeting_id: i64, cx: &mut Cx) -> crate::store::Result<MinutesEditor> {
        let meeting = cx.store.meeting(meeting_id)?;
        let draft = cx.store.minute_draft(meeting_id)?;
        let mut e = MinutesEditor {
            meeting,
            agenda: Vec::new(),
            minutes: Vec::new(),
            item: None,
            input: LineInput::new(draft.as_deref().unwrap_or("")),
            focus: Focus::Input,
            selected: 0,
            editing: None,
            stash: None,
            draft_saved: draft.is_some(),
            spans: Vec::new(),
            completion: None,
            pending: None,
            today: cx.store.today(),
            queue: Vec::new(),
            next_seq: 0,
            locked_at: None,
            locked: false,
            holder: None,
        };
        e.reload(cx)?;
        // New lines go under the item of the last line typed, else the first item.
        e.item = e
            .minutes
            .iter()
            .max_by_key(|m| m.position)
            .and_then(|m| m.agenda_item_id)
            .or_else(|| e.agenda.first().map(|a| a.id));
        e.relive(cx);
        Ok(e)
    }

    /// Ask whether to finalise: plainly, or listing the lines that still have problems.
    pub fn ask_finalise(&mut self, cx: &mut Cx) {
        self.pending = Some(match cx.store.minutes_with_problems(self.meeting.id) {
            Ok(lines) if !lines.is_empty() => Pending::FinaliseProblems(lines),
            _ => Pending::Finalise,
        });
    }

    /// Edit a line: its text into the input, the line being typed put aside.
    fn start_edit(&mut self, m: StoredMinute, cx: &mut Cx) {
        if self.editing.is_none() {
            self.stash = Some(self.input.value().to_string());
        }
        self.input = LineInput::new(&m.text);
        if let Some(i) = self
            .ordered()
            .iter()
            .position(|&i| self.minutes[i].id == m.id)
        {
            self.selected = i;
        }
        self.editing = Some(m);
        self.focus = Focus::Input;
        self.relive(cx);
    }

    /// Whether a draft line came back when the editor opened.
    pub fn restored(&self) -> bool {
        !self.input.value().is_empty()
    }

    pub fn meeting_id(&self) -> i64 {
        self.meeting.id
    }

    fn reload(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.meeting = cx.store.meeting(self.meeting.id)?;
        self.agenda = cx.store.agenda(self.meeting.id)?;
        self.minutes = cx.store.minutes(self.meeting.id)?;
        if let Some(i) = self.item
            && !self.agenda.iter().any(|a| a.id == i)
        {
            self.item = self.agenda.first().map(|a| a.id);
        }
        self.selected = self.selected.min(self.minutes.len().saturating_sub(1));
        Ok(())
    }

    /// The lines in the order shown: under their agenda items in agenda order (lines
    /// under no item first), each group by line number. Indexes into `minutes`.
    pub(super) fn ordered(&self) -> Vec<usize> {
        let group = |m: &StoredMinute| {
            m.agenda_item_id
                .and_then(|a| self.agenda.iter().position(|i| i.id == a))
                .map(|p| p + 1)
                .unwrap_or(0)
        };
        let mut idx: Vec<usize> = (0..self.minutes.len()).collect();
        idx.sort_by_key(|&i| (group(&self.minutes[i]), self.minutes[i].position));
        idx
    }

    fn selected_minute(&self) -> Option<&StoredMinute> {
        self.ordered().get(self.selected).map(|&i| &self.minutes[i])
    }

    /// Recompute which tokens of the input resolve, for highlighting.
    fn relive(&mut self, cx: &mut Cx) {
        let parsed = parse_line(self.input.value(), self.today);
        let problems: Vec<Range<usize>> = parsed.problems().into_iter().map(|p| p.0).collect();
        self.spans = parsed
            .tokens
            .iter()
            .map(|t| {
                let ok = match &t.kind {
                    TokenKind::Owner(o) => cx.store.resolve_owner(o).is_ok(),
                    TokenKind::Org(o) => cx.store.resolve_org(o).is_ok(),
                    TokenKind::Theme(_) | TokenKind::Due(_) | TokenKind::SaidDue(_) => true,
                    TokenKind::BadDue(_) => false,
                };
                (t.span.clone(), ok && !problems.contains(&t.span))
            })
            .collect();
    }

    /// The input changed: highlight again and keep it as the draft.
    fn changed(&mut self, cx: &mut Cx) -> Outcome {
        self.relive(cx);
        if self.editing.is_some() {
            return Outcome::Handled;
        }
        // While the database is locked the draft file keeps the line (App::sync_draft).
        if !self.queue.is_empty() || self.locked_at.is_some_and(|t| t.elapsed() < LOCK_BACKOFF) {
            self.draft_saved = false;
            return Outcome::Handled;
        }
        // A keystroke waits for the lock a moment only: the draft file keeps the line.
        let saved = crate::store::waiting::with_wait(DRAFT_WAIT, || {
            cx.store
                .save_minute_draft(self.meeting.id, self.input.value())
        });
        match saved {
            Ok(()) => {
                self.draft_saved = true;
                self.locked_at = None;
                self.locked = false;
                Outcome::Handled
            }
            Err(e) if e.is_busy() => {
                self.draft_saved = false;
                self.locked = true;
                self.locked_at = Some(std::time::Instant::now());
                self.holder = crate::store::waiting::holder(cx.store.path());
                Outcome::Handled
            }
            Err(e) => {
                self.draft_saved = false;
                Outcome::error(cx.settings.lang.store_error(&e))
            }
        }
    }

    /// Queue `text` for the write worker (another user's change holds the database);
    /// earlier lines that could not be stored go again first, in their order.
    fn enqueue(&mut self, text: String, cx: &mut Cx) -> Outcome {
        self.next_seq += 1;
        self.queue.push(Queued {
            seq: self.next_seq,
            item: self.item,
            text,
            failed: None,
        });
        self.input = LineInput::default();
        self.draft_saved = false;
        self.spans.clear();
        self.holder = crate::store::waiting::holder(cx.store.path());
        if self.queue.iter().any(|q| q.failed.is_some()) {
            return self.resend(cx);
        }
        let q = self.queue.last().cloned();
        if let (Some(w), Some(q)) = (cx.writes, q) {
            w.send(crate::tui::worker::WriteJob::Minute {
                seq: q.seq,
                meeting_id: self.meeting.id,
                item: q.item,
                text: q.text,
            });
        }
        Outcome::Handled
    }

    /// Send every kept line again, in order (new numbers: answers to the old sends,
    /// refused after the failure, no longer count).
    fn resend(&mut self, cx: &mut Cx) -> Outcome {
        let Some(w) = cx.writes else {
            return Outcome::error(cx.settings.keymap.fill(cx.t(T::MinutesNotStoredHint), true));
        };
        w.send(crate::tui::worker::WriteJob::Resume);
        for q in self.queue.iter_mut() {
            self.next_seq += 1;
            q.seq = self.next_seq;
            q.failed = None;
            w.send(crate::tui::worker::WriteJob::Minute {
                seq: q.seq,
                meeting_id: self.meeting.id,
                item: q.item,
                text: q.text.clone(),
            });
        }
        Outcome::Handled
    }

    /// The kept draft back: the line as typed, and lines not stored yet sent again.
    pub fn restore(
        draft: &crate::tui::popups::form::FormDraft,
        cx: &mut Cx,
    ) -> Option<MinutesEditor> {
        let mut e = MinutesEditor::open(draft.id?, cx).ok()?;
        if let Some(line) = draft.values.get("line").filter(|l| !l.is_empty()) {
            e.input = LineInput::new(line);
            e.draft_saved = false;
            e.relive(cx);
        }
        let mut n = 0;
        while let Some(text) = draft.values.get(&format!("pending.{n:04}")) {
            let item = draft
                .values
                .get(&format!("pending.{n:04}.item"))
                .and_then(|i| i.parse().ok());
            e.next_seq += 1;
            e.queue.push(Queued {
                seq: e.next_seq,
                item,
                text: text.clone(),
                failed: Some(cx.t(T::MinutesNotStoredYet).to_string()),
            });
            n += 1;
        }
        if !e.queue.is_empty() && cx.writes.is_some() {
            let _ = e.resend(cx);
        }
        Some(e)
    }

    /// Enter: store the line (or save the line being edited).
    fn store_line(&mut self, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        let text = self.input.value().trim().to_string();
        if let Some(m) = self.editing.take() {
            let result = cx.store.edit_minute(m.id, &text, Some(m.version));
            match &result {
                // Refused: the edit stays in the input. Changed by someone else: their
                // line is shown and the next Enter saves yours over it (a merge by hand).
                Err(crate::store::StoreError::Conflict(_)) => {
                    let theirs = cx.store.minute(m.id).ok();
                    let msg = match &theirs {
                        Some(t) => lang.f(
                            T::MinutesEditConflict,
                            &[("n", &m.position), ("theirs", &t.text)],
                        ),
                        None => lang.f(T::MinutesEditGone, &[("n", &m.position)]),
                    };
                    self.editing = theirs;
                    let _ = self.reload(cx);
                    return Outcome::error(cx.settings.keymap.fill(&msg, true));
                }
                Err(e) => {
                    self.editing = Some(m);
                    return Outcome::error(cx.settings.lang.store_error(e));
                }
                Ok(_) => {}
            }
            self.input = LineInput::new(self.stash.take().as_deref().unwrap_or(""));
            self.relive(cx);
            return match result {
                Ok(change) => {
                    let _ = self.reload(cx);
                    let msg = match &change.created {
                        Some(id) => {
                            lang.f(T::MinutesStoredCreated, &[("n", &m.position), ("id", id)])
                        }
                        None => lang.f(T::MinutesEdited, &[("n", &m.position)]),
                    };
                    self.refreshed(msg)
                }
                Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
            };
        }
        if text.is_empty() {
            if self.queue.iter().any(|q| q.failed.is_some()) {
                return self.resend(cx);
            }
            return Outcome::Handled;
        }
        // Lines keep their order: after one that waits, every line waits its turn.
        if !self.queue.is_empty() {
            return self.enqueue(text, cx);
        }
        match cx
            .store
            .add_minute_from_draft(self.meeting.id, self.item, &text)
        {
            Err(e) if e.is_busy() && cx.writes.is_some() => self.enqueue(text, cx),
            Ok(entry) => {
                // A line put aside for an edit that was then refused comes back.
                self.input = LineInput::new(self.stash.take().as_deref().unwrap_or(""));
                self.draft_saved = false;
                self.spans.clear();
                let _ = self.reload(cx);
                self.stored_message(&entry, cx)
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    /// The status line for a stored line: its number, what it created, its problems.
    fn stored_message(&mut self, entry: &crate::store::MinuteEntry, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        let m = &entry.minute;
        if let Some(i) = self
            .ordered()
            .iter()
            .position(|&i| self.minutes[i].id == m.id)
        {
            self.selected = i;
        }
        let n = m.position;
        let msg = if !m.problems.is_empty() {
            lang.f(
                T::MinutesStoredProblems,
                &[
                    ("n", &n),
                    (
                        "problems",
                        &m.problems
                            .iter()
                            .map(|p| lang.problem(p))
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                ],
            )
        } else if let Some(id) = &m.created {
            lang.f(T::MinutesStoredCreated, &[("n", &n), ("id", id)])
        } else {
            lang.f(T::MinutesStored, &[("n", &n)])
        };
        if m.problems.is_empty() {
            Outcome::one(Effect::Status(msg))
        } else {
            Outcome::one(Effect::Error(msg))
        }
    }

    /// A step of the meeting itself (status, a line's edit): show it behind and say so.
    fn refreshed(&self, message: String) -> Outcome {
        Outcome::one(Effect::Saved {
            record: self.meeting.reference(),
            message,
        })
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

    fn answer_pending(&mut self, yes: bool, cx: &mut Cx) -> Outcome {
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

    fn input_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let km = &cx.settings.keymap;
        let action = km.lookup_event(&key, &[Scope::Minutes, Scope::List], true);
        if action != Some(Action::MinutesComplete) {
            self.completion = None;
        }
        match action {
            Some(Action::MinutesComplete) => return self.complete(cx),
            Some(Action::MinutesSyntax) => {
                return Outcome::one(Effect::Push(Box::new(super::minutes_syntax::Syntax::new(
                    self.today,
                ))));
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

    fn lines_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
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
                return Outcome::one(Effect::Push(Box::new(super::minutes_syntax::Syntax::new(
                    self.today,
                ))));
            }
            Some(Action::MeetingFollowUp) => {
                return Outcome::one(Effect::Push(Box::new(super::follow_up::form(
                    &self.meeting,
                    cx,
                ))));
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
                return super::meeting_mail::send_minutes(&self.meeting, cx);
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
}

impl Popup for MinutesEditor {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.pending.is_some() {
            return match cx.settings.keymap.answer(&key) {
                Some(yes) => self.answer_pending(yes, cx),
                None => Outcome::Handled,
            };
        }
        match self.focus {
            Focus::Input => self.input_key(key, cx),
            Focus::Lines => self.lines_key(key, cx),
        }
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        self.focus = Focus::Input;
        self.completion = None;
        if self.input.insert(text) {
            self.changed(cx)
        } else {
            Outcome::Handled
        }
    }

    fn text_entry(&self) -> bool {
        self.focus == Focus::Input && self.pending.is_none()
    }

    fn discard(&mut self, cx: &mut Cx) -> Outcome {
        if self.editing.is_some() {
            // Back to the line that was being typed before the earlier one was opened.
            self.editing = None;
            self.input = LineInput::new(self.stash.take().as_deref().unwrap_or(""));
            self.relive(cx);
            return Outcome::Handled;
        }
        Outcome::one(Effect::Close)
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let _ = self.reload(cx);
    }

    fn draft(&self) -> Option<crate::tui::popups::form::FormDraft> {
        let line = match &self.editing {
            Some(_) => self.stash.clone().unwrap_or_default(),
            None => self.input.value().to_string(),
        };
        let line_kept = self.draft_saved && self.editing.is_none();
        if self.queue.is_empty() && (line.trim().is_empty() || line_kept) {
            return None;
        }
        let mut values = std::collections::BTreeMap::new();
        values.insert("line".to_string(), line);
        for (n, q) in self.queue.iter().enumerate() {
            values.insert(format!("pending.{n:04}"), q.text.clone());
            if let Some(i) = q.item {
                values.insert(format!("pending.{n:04}.item"), i.to_string());
            }
        }
        Some(crate::tui::popups::form::FormDraft {
            kind: "minutes".into(),
            id: Some(self.meeting.id),
            values,
            ..Default::default()
        })
    }

    fn on_write(&mut self, done: &crate::tui::worker::WriteDone, cx: &mut Cx) -> Outcome {
        if done.meeting_id != self.meeting.id {
            return Outcome::Ignored;
        }
        let Some(at) = self.queue.iter().position(|q| q.seq == done.seq) else {
            return Outcome::Handled;
        };
        match &done.result {
            Ok(entry) => {
                self.queue.remove(at);
                let _ = self.reload(cx);
                if let Some(i) = self
                    .ordered()
                    .iter()
                    .position(|&i| self.minutes[i].id == entry.minute.id)
                {
                    self.selected = i;
                }
                if self.queue.is_empty() {
                    // The lock is free: the line being typed goes back into the store.
                    self.locked_at = None;
                    self.locked = false;
                    self.holder = None;
                    if self.editing.is_none() {
                        self.draft_saved = cx
                            .store
                            .save_minute_draft(self.meeting.id, self.input.value())
                            .is_ok();
                    }
                }
                self.stored_message(entry, cx)
            }
            Err(why) => {
                let first = self.queue[at].failed.is_none()
                    && self.queue[..at].iter().all(|q| q.failed.is_none());
                self.queue[at].failed = Some(why.clone());
                if first {
                    Outcome::error(cx.settings.keymap.fill(
                        &cx.settings.lang.f(T::MinutesNotStored, &[("why", why)]),
                        true,
                    ))
                } else {
                    Outcome::Handled
                }
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        // The tab bar and the status line stay visible.
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2),
            ..area
        };
        self.render(frame, body, s);
    }
}

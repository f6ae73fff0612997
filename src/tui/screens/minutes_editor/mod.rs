//! The minutes editor: a meeting's lines under their agenda items, and one input line
//! at the bottom. Enter stores the line at once (and clears its draft in the same
//! transaction); every change to the line being typed is kept as the meeting's draft
//! (one UPSERT), so a dropped connection or a killed process loses nothing.
//!
//! Two focuses: the input line (plain keys are text) and the lines above it (`Up` from
//! the input; plain keys are commands there: edit, move, delete, answer, hold, …).
//! Here: the editor's state, typing and storing a line. Its keys are in `keys`, lines
//! waiting for another user's lock in `waiting`; drawing is in [`super::minutes_view`].

use super::minutes_input::LineInput;
use crate::domain::minutes::{ParsedLine, TokenKind};
use crate::store::{AgendaItem, Meeting, StoredMinute};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::Popup;
use crate::tui::settings::Settings;
use crate::words::T;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::ops::Range;

mod keys;
mod waiting;

pub use waiting::Queued;

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
    /// Each line as the store reads it (its tokens, full names taken whole), for
    /// drawing without asking the store.
    pub(super) readings: Vec<ParsedLine>,
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
    pub(super) holder: Option<crate::domain::problem::Holder>,
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
            readings: Vec::new(),
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
        let today = self.today;
        self.readings = self
            .minutes
            .iter()
            .map(|m| cx.store.read_minute_line(&m.text, today))
            .collect();
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
        let parsed = cx.store.read_minute_line(self.input.value(), self.today);
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
        self.written(done, cx)
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

//! Lines typed while another user's change holds the database: they wait, in order, on
//! the write worker and show as not stored yet until it answers; refused, they are
//! kept (and in the draft) to send again. A kept draft brings them back.

use super::MinutesEditor;
use crate::tui::component::{Cx, Outcome};
use crate::tui::screens::minutes_input::LineInput;
use crate::words::T;

/// A line waiting to be stored, or one that could not be (kept, with why).
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub seq: u64,
    pub item: Option<i64>,
    pub text: String,
    pub failed: Option<String>,
}

impl MinutesEditor {
    /// Queue `text` for the write worker (another user's change holds the database);
    /// earlier lines that could not be stored go again first, in their order.
    pub(super) fn enqueue(&mut self, text: String, cx: &mut Cx) -> Outcome {
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
    pub(super) fn resend(&mut self, cx: &mut Cx) -> Outcome {
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

    /// The write worker answered for a line of this meeting: stored (the next can go
    /// into the store again once none wait) or refused (kept, and said once).
    pub(super) fn written(&mut self, done: &crate::tui::worker::WriteDone, cx: &mut Cx) -> Outcome {
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
                self.queue[at].failed = Some(cx.settings.lang.problem(why));
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
}

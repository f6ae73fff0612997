//! Popups reopened from a kept draft (see [`crate::drafts`]): the ones that are
//! not a screen's own record form (those come back through
//! [`crate::tui::screens::Screen::restore_form`]).

use super::popups::Popup;
use crate::domain::{RecordKind, RecordRef};
use crate::drafts::FormDraft;
use crate::tui::action::Action;
use crate::tui::component::{Cx, Effect, Outcome};

/// The popup of a kept draft, with what was typed, if it can be opened again.
pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Box<dyn Popup>> {
    use crate::tui::screens::{minutes_editor::MinutesEditor, signal_forms, tracker_forms};
    let subject = draft.subject;
    let version = draft.subject_version.unwrap_or_default();
    let form = |out: Outcome| -> Option<Box<dyn Popup>> {
        let Outcome::Effects(effects) = out else {
            return None;
        };
        effects.into_iter().find_map(|e| match e {
            Effect::Push(mut p) => {
                p.restore_values(&draft.values);
                Some(p)
            }
            _ => None,
        })
    };
    let step = |which: Action, kind: RecordKind, cx: &mut Cx| {
        let r = RecordRef::new(kind, subject?);
        form(tracker_forms::step_form(cx, which, r, version))
    };
    match draft.kind.as_str() {
        "quick_add" => {
            let mut p = super::popups::quick_add::QuickAdd::new(cx.settings);
            p.restore_values(&draft.values);
            Some(Box::new(p))
        }
        "triage" => Some(Box::new(super::popups::triage::TriagePopup::restore(
            cx, draft,
        )?)),
        "feedback" => Some(Box::new(super::popups::feedback::FeedbackPopup::restore(
            cx, draft,
        )?)),
        "minutes" => Some(Box::new(MinutesEditor::restore(draft, cx)?)),
        "agenda" => Some(Box::new(
            crate::tui::screens::minutes_popups::Agenda::restore(draft, cx)?,
        )),
        "signal_decline" => form(signal_forms::decline_form(cx, draft.id?)),
        "signal_reopen" => form(signal_forms::reopen_form(cx, draft.id?)),
        "tracker_action" => form(tracker_forms::new_action(cx, subject)),
        "tracker_commitment" => form(tracker_forms::new_commitment(cx, subject)),
        "tracker_new" => form(tracker_forms::new_either(cx)),
        "tracker_break" => step(Action::Break, RecordKind::Commitment, cx),
        "tracker_withdraw" => step(Action::Withdraw, RecordKind::Commitment, cx),
        "tracker_move" => step(Action::MoveDue, RecordKind::Commitment, cx),
        "tracker_cancel" => step(Action::CancelAction, RecordKind::Action, cx),
        _ => None,
    }
}

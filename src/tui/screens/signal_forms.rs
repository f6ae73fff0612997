//! The signal steps the inbox and the detail share: explain a refused transition
//! before asking the store, run a step with a version check (a conflict says so and
//! reloads), and the small forms for decline, reopen and the merge picker.

use crate::domain::Field;
use crate::domain::signal::{SignalEvent, SignalState};
use crate::domain::{RecordKind, RecordRef};
use crate::store::{Channel, Signal, SignalFilter, StoreError};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::form::{FieldKind, FieldSpec, Form, FormError, FormHandler, FormValues};
use crate::tui::popups::picker::{Choice, PickerPopup};
use crate::tui::screens::org_form::store_error;
use crate::words::{Lang, T};

/// Shared with the popups that take the same steps.
pub use crate::tui::popups::{feedback::channel_label, triage::check};

/// The tag of the merge picker's choice.
pub const PICK_MERGE: &str = "merge";
/// The merge confirmed across organisations (after the yes/no question).
pub const PICK_MERGE_ACROSS: &str = "merge-across";

pub fn state_label(s: SignalState) -> T {
    match s {
        SignalState::New => T::StateNew,
        SignalState::Triaged => T::StateTriaged,
        SignalState::InProgress => T::StateInProgress,
        SignalState::Answered => T::StateAnswered,
        SignalState::Closed => T::StateClosed,
        SignalState::Declined => T::StateDeclined,
        SignalState::Merged => T::StateMerged,
    }
}

pub fn channel_choices() -> Vec<(&'static str, T)> {
    Channel::ALL
        .iter()
        .map(|c| (c.code(), channel_label(*c)))
        .collect()
}

/// After a step: say what happened, or why not; a conflict reloads.
pub fn outcome(lang: Lang, result: Result<Signal, StoreError>, done: T) -> Outcome {
    match result {
        Ok(s) => Outcome::one(Effect::Saved {
            record: s.reference(),
            message: lang.f(done, &[("id", &s.reference())]),
        }),
        Err(e) => error_outcome(lang, e),
    }
}

pub fn error_outcome(lang: Lang, e: StoreError) -> Outcome {
    match e {
        StoreError::Conflict(m) => Outcome::Effects(vec![Effect::Error(format!(
            "{} {}",
            lang.problem(&m),
            lang.t(T::ConflictReloadedSignal)
        ))]),
        e => Outcome::error(lang.store_error(&e)),
    }
}

/// `s`: start; `c`: close — steps without questions.
pub fn simple_step(cx: &mut Cx, id: i64, event: SignalEvent) -> Outcome {
    let s = match check(cx, id, event) {
        Ok(s) => s,
        Err(why) => return Outcome::error(why),
    };
    let lang = cx.settings.lang;
    match event {
        SignalEvent::Start => outcome(lang, cx.store.start_signal(id, Some(s.version)), T::Started),
        _ => outcome(lang, cx.store.close_signal(id, Some(s.version)), T::Closed),
    }
}

struct StepForm {
    id: i64,
    version: i64,
    event: SignalEvent,
}

impl FormHandler for StepForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        let (result, done) = match self.event {
            SignalEvent::Decline => {
                if v.get("text").is_empty() {
                    return Err(FormError::Field("text", lang.t(T::ErrRequired).into()));
                }
                let channel = Channel::from_code(v.get("channel")).unwrap_or(Channel::Email);
                (
                    cx.store
                        .decline(self.id, v.get("text"), channel, Some(self.version)),
                    T::Declined,
                )
            }
            _ => {
                if v.get("text").is_empty() {
                    return Err(FormError::Field("text", lang.t(T::ErrRequired).into()));
                }
                (
                    cx.store
                        .reopen_signal(self.id, v.get("text"), Some(self.version)),
                    T::Reopened,
                )
            }
        };
        match result {
            Ok(s) => Ok((s.reference(), lang.f(done, &[("id", &s.reference())]))),
            Err(e) => Err(store_error(
                e,
                &[
                    (Field::DeclineExplanation, "text"),
                    (Field::ReopenReason, "text"),
                ],
                lang,
            )),
        }
    }

    fn draft_kind(&self) -> &'static str {
        match self.event {
            SignalEvent::Decline => "signal_decline",
            _ => "signal_reopen",
        }
    }

    fn editing(&self) -> Option<(i64, i64)> {
        Some((self.id, self.version))
    }
}

/// `x`: decline with an explanation (recorded as final feedback).
pub fn decline_form(cx: &mut Cx, id: i64) -> Outcome {
    let s = match check(cx, id, SignalEvent::Decline) {
        Ok(s) => s,
        Err(why) => return Outcome::error(why),
    };
    let specs = vec![
        FieldSpec {
            key: "text",
            label: T::FieldExplanation,
            kind: FieldKind::Multiline(4),
            value: String::new(),
        },
        FieldSpec {
            key: "channel",
            label: T::FieldChannel,
            kind: FieldKind::Choice(channel_choices()),
            value: "email".into(),
        },
    ];
    let title = cx
        .settings
        .lang
        .f(T::DeclineTitle, &[("id", &s.reference())]);
    let handler = StepForm {
        id,
        version: s.version,
        event: SignalEvent::Decline,
    };
    Outcome::one(Effect::Push(Box::new(Form::new(
        title,
        specs,
        Box::new(handler),
        cx.settings,
    ))))
}

/// `o`: reopen with a reason.
pub fn reopen_form(cx: &mut Cx, id: i64) -> Outcome {
    let s = match check(cx, id, SignalEvent::Reopen) {
        Ok(s) => s,
        Err(why) => return Outcome::error(why),
    };
    let specs = vec![FieldSpec::text("text", T::FieldReason, "")];
    let title = cx
        .settings
        .lang
        .f(T::ReopenTitle, &[("id", &s.reference())]);
    let handler = StepForm {
        id,
        version: s.version,
        event: SignalEvent::Reopen,
    };
    Outcome::one(Effect::Push(Box::new(Form::new(
        title,
        specs,
        Box::new(handler),
        cx.settings,
    ))))
}

/// `m`: pick the open signal to merge into, by ID or title.
pub fn merge_picker(cx: &mut Cx, id: i64) -> Outcome {
    let s = match check(cx, id, SignalEvent::Merge) {
        Ok(s) => s,
        Err(why) => return Outcome::error(why),
    };
    let rows = match cx.store.signals(&SignalFilter {
        limit: Some(5000),
        ..SignalFilter::default()
    }) {
        Ok(r) => r,
        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
    };
    let items = rows
        .into_iter()
        .filter(|r| r.id != id)
        .map(|r| {
            let org = r.org.map(|o| format!(" ({o})")).unwrap_or_default();
            Choice::new(
                format!("S-{} {}{org}", r.id, r.title),
                format!("S-{}", r.id),
            )
        })
        .collect();
    let title = cx.settings.lang.f(T::MergeTitle, &[("id", &s.reference())]);
    Outcome::one(Effect::Push(Box::new(PickerPopup::new(
        title,
        PICK_MERGE,
        items,
        cx.settings,
    ))))
}

/// The merge picker's choice: merge `id` into it. Signals of two organisations are
/// merged only after a yes to a question that says the first stays owed its answer.
pub fn merge_into(cx: &mut Cx, id: i64, into: &str, across_confirmed: bool) -> Outcome {
    let lang = cx.settings.lang;
    let Ok(target) = RecordRef::parse(into, Some(RecordKind::Signal)) else {
        return Outcome::error(into.to_string());
    };
    let s = match check(cx, id, SignalEvent::Merge) {
        Ok(s) => s,
        Err(why) => return Outcome::error(why),
    };
    let other = match cx.store.signal(target.id) {
        Ok(t) => t,
        Err(e) => return error_outcome(lang, e),
    };
    if s.org_id != other.org_id && !across_confirmed {
        let name = |o: Option<i64>| {
            o.and_then(|o| cx.store.org(o).ok())
                .map(|o| o.name)
                .unwrap_or_else(|| "-".to_string())
        };
        let question = lang.f(
            T::MergeAcrossQuestion,
            &[
                ("id", &s.reference()),
                ("org", &name(s.org_id)),
                ("into", &target),
                ("other", &name(other.org_id)),
            ],
        );
        return Outcome::one(Effect::Push(Box::new(
            crate::tui::popups::confirm::Confirm::new(
                question,
                vec![Effect::Pick {
                    tag: PICK_MERGE_ACROSS,
                    value: into.to_string(),
                }],
            ),
        )));
    }
    match cx
        .store
        .merge_signal(id, target.id, across_confirmed, Some(s.version))
    {
        Ok(s) => Outcome::one(Effect::Saved {
            record: s.reference(),
            message: lang.f(T::Merged, &[("id", &s.reference()), ("into", &target)]),
        }),
        Err(e) => error_outcome(lang, e),
    }
}

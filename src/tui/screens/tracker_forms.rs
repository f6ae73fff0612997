//! The tracker's forms: a new action or commitment (from the tracker, or linked to a
//! signal from its detail), and the steps that need words: break (what went wrong, how it is
//! prevented),
//! withdraw (reason), move the due date (date and reason), cancel an action.
//! The same store functions as the command line.

use crate::domain::Field;
use crate::domain::RecordRef;
use crate::domain::action::ActionEvent;
use crate::domain::dates::parse_date;
use crate::store::{NewAction, NewCommitment};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::form::{
    Echo, FieldKind, FieldSpec, Form, FormError, FormHandler, FormValues,
};
use crate::tui::screens::org_form::store_error;
use crate::words::T;

const FIELDS: &[(Field, &str)] = &[
    (Field::Owner, "owner"),
    (Field::Org, "org"),
    (Field::Due, "due"),
    (Field::ActionText, "text"),
    (Field::CommitmentText, "text"),
    (Field::WhatWentWrong, "text"),
    (Field::Prevention, "prevention"),
    (Field::WithdrawReason, "text"),
    (Field::MoveReason, "text"),
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Action,
    Commitment,
    Choose,
    Break,
    Withdraw,
    Move,
    Cancel,
}

struct TrackerForm {
    kind: Kind,
    /// The signal a new record is linked to, or the record a step is about.
    id: Option<i64>,
    version: i64,
}

fn push(title: String, specs: Vec<FieldSpec>, h: TrackerForm, cx: &Cx) -> Outcome {
    let today = cx.store.today();
    Outcome::one(Effect::Push(Box::new(
        Form::new(title, specs, Box::new(h), cx.settings).with_echo("due", Echo::Date(today)),
    )))
}

fn new_specs(kind: Kind, cx: &Cx, signal: Option<i64>) -> Vec<FieldSpec> {
    let mut specs = Vec::new();
    if kind == Kind::Choose {
        specs.push(FieldSpec {
            key: "kind",
            label: T::ColKind,
            kind: FieldKind::Choice(vec![
                ("action", T::KindAction),
                ("commitment", T::KindCommitment),
            ]),
            value: "action".into(),
        });
    }
    specs.push(FieldSpec::text("text", T::FieldText, ""));
    let org = signal
        .and_then(|s| cx.store.signal(s).ok())
        .and_then(|s| s.org_id)
        .map(|o| format!("O-{o}"))
        .unwrap_or_default();
    if kind != Kind::Action {
        specs.push(FieldSpec::text("org", T::FieldOrganisation, org));
    }
    let me = cx
        .store
        .current_person()
        .ok()
        .flatten()
        .map(|p| format!("P-{p}"));
    specs.push(FieldSpec::text(
        "owner",
        T::ColOwner,
        me.unwrap_or_default(),
    ));
    specs.push(FieldSpec::text("due", T::ColDue, "+14d"));
    if signal.is_none() {
        specs.push(FieldSpec::text("signal", T::FieldSignal, ""));
    }
    specs
}

/// `A` in a signal's detail (or `n` → action in the tracker).
pub fn new_action(cx: &mut Cx, signal: Option<i64>) -> Outcome {
    let title = match signal {
        Some(s) => cx
            .settings
            .lang
            .f(T::NewActionFor, &[("id", &format!("S-{s}"))]),
        None => cx.t(T::NewAction).to_string(),
    };
    let specs = new_specs(Kind::Action, cx, signal);
    push(
        title,
        specs,
        TrackerForm {
            kind: Kind::Action,
            id: signal,
            version: 0,
        },
        cx,
    )
}

/// `C` in a signal's detail.
pub fn new_commitment(cx: &mut Cx, signal: Option<i64>) -> Outcome {
    let title = match signal {
        Some(s) => cx
            .settings
            .lang
            .f(T::NewCommitmentFor, &[("id", &format!("S-{s}"))]),
        None => cx.t(T::NewCommitment).to_string(),
    };
    let specs = new_specs(Kind::Commitment, cx, signal);
    push(
        title,
        specs,
        TrackerForm {
            kind: Kind::Commitment,
            id: signal,
            version: 0,
        },
        cx,
    )
}

/// `n` in the tracker: an action or a commitment.
pub fn new_either(cx: &mut Cx) -> Outcome {
    let specs = new_specs(Kind::Choose, cx, None);
    let title = cx.t(T::NewTrackerItem).to_string();
    push(
        title,
        specs,
        TrackerForm {
            kind: Kind::Choose,
            id: None,
            version: 0,
        },
        cx,
    )
}

/// `b`, `W`, `m`, `x`: a step that needs words, on record `r` read at `version`.
pub fn step_form(
    cx: &mut Cx,
    which: crate::tui::action::Action,
    r: RecordRef,
    version: i64,
) -> Outcome {
    use crate::tui::action::Action as A;
    let lang = cx.settings.lang;
    let (kind, title, mut specs) = match which {
        A::Break => (
            Kind::Break,
            T::BreakTitle,
            vec![
                FieldSpec {
                    key: "text",
                    label: T::FieldAcknowledgement,
                    kind: FieldKind::Multiline(3),
                    value: String::new(),
                },
                FieldSpec {
                    key: "prevention",
                    label: T::FieldPrevention,
                    kind: FieldKind::Multiline(3),
                    value: String::new(),
                },
            ],
        ),
        A::Withdraw => (
            Kind::Withdraw,
            T::WithdrawTitle,
            vec![FieldSpec::text("text", T::FieldReason, "")],
        ),
        A::MoveDue => (
            Kind::Move,
            T::MoveTitle,
            vec![FieldSpec::text("due", T::FieldNewDue, "")],
        ),
        _ => (
            Kind::Cancel,
            T::CancelTitle,
            vec![FieldSpec::text("text", T::FieldReason, "")],
        ),
    };
    if kind == Kind::Move {
        specs.push(FieldSpec::text("text", T::FieldReason, ""));
    }
    let title = lang.f(title, &[("id", &r)]);
    push(
        title,
        specs,
        TrackerForm {
            kind,
            id: Some(r.id),
            version,
        },
        cx,
    )
}

impl FormHandler for TrackerForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        let err = |e| store_error(e, FIELDS, lang);
        let required = |key: &'static str| -> Result<String, FormError> {
            match v.get(key) {
                "" => Err(FormError::Field(key, lang.t(T::ErrRequired).into())),
                s => Ok(s.to_string()),
            }
        };
        let today = cx.store.today();
        let date = |key: &'static str| -> Result<chrono::NaiveDate, FormError> {
            parse_date(&required(key)?, today).map_err(|e| FormError::Field(key, lang.date(&e)))
        };
        let kind = match self.kind {
            Kind::Choose if v.get("kind") == "commitment" => Kind::Commitment,
            Kind::Choose => Kind::Action,
            k => k,
        };
        let id = self.id.unwrap_or_default();
        let expected = Some(self.version);
        let (record, key) = match kind {
            Kind::Action | Kind::Commitment => {
                let text = required("text")?;
                let owner = cx.store.resolve_owner(&required("owner")?).map_err(err)?;
                let due = date("due")?;
                let signal = match (self.id, v.get("signal")) {
                    (Some(s), _) => Some(s),
                    (None, "") => None,
                    (None, s) => Some(
                        RecordRef::parse(s, Some(crate::domain::RecordKind::Signal))
                            .map_err(|e| FormError::Field("signal", lang.problem(&e.problem())))?
                            .id,
                    ),
                };
                if kind == Kind::Action {
                    let a = cx
                        .store
                        .add_action(NewAction {
                            text,
                            owner,
                            due: Some(due),
                            signal_id: signal,
                            meeting_id: None,
                            agenda_item_id: None,
                        })
                        .map_err(err)?;
                    (a.reference(), T::Created)
                } else {
                    let org_id = cx.store.resolve_org(&required("org")?).map_err(err)?;
                    let c = cx
                        .store
                        .add_commitment(NewCommitment {
                            text,
                            org_id,
                            owner,
                            due,
                            signal_id: signal,
                            meeting_id: None,
                            agenda_item_id: None,
                        })
                        .map_err(err)?;
                    (c.reference(), T::Created)
                }
            }
            Kind::Break => {
                let c = cx
                    .store
                    .break_commitment(id, &required("text")?, &required("prevention")?, expected)
                    .map_err(err)?;
                (c.reference(), T::Broken)
            }
            Kind::Withdraw => {
                let c = cx
                    .store
                    .withdraw_commitment(id, &required("text")?, expected)
                    .map_err(err)?;
                (c.reference(), T::Withdrawn)
            }
            Kind::Move => {
                let due = date("due")?;
                let c = cx
                    .store
                    .move_commitment(id, due, &required("text")?, expected)
                    .map_err(err)?;
                (c.reference(), T::Moved)
            }
            Kind::Cancel | Kind::Choose => {
                let reason = v.opt("text");
                let a = cx
                    .store
                    .finish_action(id, ActionEvent::Cancel, reason.as_deref(), expected)
                    .map_err(err)?;
                (a.reference(), T::Cancelled)
            }
        };
        // Made from a signal's detail: stay on the signal, which now shows it.
        let shown = match (self.kind, self.id) {
            (Kind::Action | Kind::Commitment, Some(s)) => {
                RecordRef::new(crate::domain::RecordKind::Signal, s)
            }
            _ => record,
        };
        let msg = lang.f(key, &[("id", &record), ("name", &v.get("text"))]);
        Ok((shown, msg))
    }

    fn draft_kind(&self) -> &'static str {
        match self.kind {
            Kind::Action => "tracker_action",
            Kind::Commitment => "tracker_commitment",
            Kind::Choose => "tracker_new",
            Kind::Break => "tracker_break",
            Kind::Withdraw => "tracker_withdraw",
            Kind::Move => "tracker_move",
            Kind::Cancel => "tracker_cancel",
        }
    }

    fn editing(&self) -> Option<(i64, i64)> {
        None
    }

    fn subject(&self) -> Option<(i64, i64)> {
        self.id.map(|id| (id, self.version))
    }
}

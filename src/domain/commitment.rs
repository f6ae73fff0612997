//! Commitments (toezeggingen): `open → kept | broken | withdrawn`.
//! Kept is on time or late, computed from the due date and the day it was kept.

use super::Refusal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentState {
    Open,
    Kept,
    Broken,
    Withdrawn,
}

impl CommitmentState {
    pub const ALL: [CommitmentState; 4] = [
        CommitmentState::Open,
        CommitmentState::Kept,
        CommitmentState::Broken,
        CommitmentState::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CommitmentState::Open => "open",
            CommitmentState::Kept => "kept",
            CommitmentState::Broken => "broken",
            CommitmentState::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code.trim().to_ascii_lowercase())
    }
}

impl std::fmt::Display for CommitmentState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentEvent {
    Keep,
    Break,
    Withdraw,
    Move,
}

impl CommitmentEvent {
    pub const ALL: [CommitmentEvent; 4] = [
        CommitmentEvent::Keep,
        CommitmentEvent::Break,
        CommitmentEvent::Withdraw,
        CommitmentEvent::Move,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CommitmentEvent::Keep => "keep",
            CommitmentEvent::Break => "break",
            CommitmentEvent::Withdraw => "withdraw",
            CommitmentEvent::Move => "move",
        }
    }
}

/// What resolving a commitment says: nothing (keep), a reason (withdraw), or the
/// two answers a broken promise owes (what went wrong, how it is prevented).
#[derive(Debug, Clone, Copy)]
pub enum Note<'a> {
    None,
    Reason(&'a str),
    Acknowledgement {
        what_went_wrong: &'a str,
        prevention: &'a str,
    },
}

/// The words a resolution keeps, each cleaned and required where the step needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    pub acknowledgement: Option<String>,
    pub prevention: Option<String>,
    pub reason: Option<String>,
}

/// Breaking a commitment needs both answers, withdrawing it a reason; keeping it
/// needs nothing.
pub fn resolution(event: CommitmentEvent, note: Note<'_>) -> Result<Resolution, Refusal> {
    use super::required;
    Ok(match (event, note) {
        (
            CommitmentEvent::Break,
            Note::Acknowledgement {
                what_went_wrong,
                prevention,
            },
        ) => Resolution {
            acknowledgement: Some(required(what_went_wrong, super::Field::WhatWentWrong)?),
            prevention: Some(required(prevention, super::Field::Prevention)?),
            reason: None,
        },
        (CommitmentEvent::Break, _) => {
            return Err(Refusal::new(super::Problem::BreakNeedsAnswers));
        }
        (CommitmentEvent::Withdraw, Note::Reason(r)) => Resolution {
            reason: Some(required(r, super::Field::WithdrawReason)?),
            ..Resolution::default()
        },
        (CommitmentEvent::Withdraw, _) => {
            return Err(Refusal::new(super::Problem::WithdrawNeedsReason));
        }
        _ => Resolution::default(),
    })
}

/// The whitelist: only an open commitment can change.
pub fn transition(
    state: CommitmentState,
    event: CommitmentEvent,
) -> Result<CommitmentState, Refusal> {
    use CommitmentEvent as E;
    use CommitmentState as S;
    match (state, event) {
        (S::Open, E::Keep) => Ok(S::Kept),
        (S::Open, E::Break) => Ok(S::Broken),
        (S::Open, E::Withdraw) => Ok(S::Withdrawn),
        (S::Open, E::Move) => Ok(S::Open),
        (state, event) => Err(Refusal::new(super::Problem::CommitmentStep {
            state,
            event,
        })),
    }
}

/// How a commitment ended up, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Open,
    OpenOverdue,
    KeptOnTime,
    KeptLate,
    Broken,
    Withdrawn,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::OpenOverdue => "open overdue",
            Outcome::KeptOnTime => "kept on time",
            Outcome::KeptLate => "kept late",
            Outcome::Broken => "broken",
            Outcome::Withdrawn => "withdrawn",
        }
    }
}

/// The dates an outcome is measured by: the promise (the first due date) and the due
/// date in force now (where it moved since).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dues {
    pub first: NaiveDate,
    pub now: NaiveDate,
}

impl Dues {
    /// A commitment whose due date never moved.
    pub fn unmoved(due: NaiveDate) -> Dues {
        Dues {
            first: due,
            now: due,
        }
    }
}

/// Kept on time means kept by the promise: a commitment kept after its first due date
/// is kept late however often its date moved. An open commitment is overdue once the
/// due date in force has passed (the tracker's definition too).
pub fn outcome(
    state: CommitmentState,
    due: Dues,
    resolved_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Outcome {
    match state {
        CommitmentState::Open if due.now < today => Outcome::OpenOverdue,
        CommitmentState::Open => Outcome::Open,
        CommitmentState::Kept if resolved_on.is_some_and(|d| d > due.first) => Outcome::KeptLate,
        CommitmentState::Kept => Outcome::KeptOnTime,
        CommitmentState::Broken => Outcome::Broken,
        CommitmentState::Withdrawn => Outcome::Withdrawn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommitmentEvent as E;
    use CommitmentState as S;

    #[test]
    fn only_open_commitments_change() {
        for from in S::ALL {
            for event in E::ALL {
                let got = transition(from, event);
                let want = match (from, event) {
                    (S::Open, E::Keep) => Some(S::Kept),
                    (S::Open, E::Break) => Some(S::Broken),
                    (S::Open, E::Withdraw) => Some(S::Withdrawn),
                    (S::Open, E::Move) => Some(S::Open),
                    _ => None,
                };
                match (got, want) {
                    (Ok(g), Some(w)) => assert_eq!(g, w),
                    (Err(r), None) => assert!(r.to_string().contains(from.code())),
                    (g, w) => panic!("{from:?} {event:?}: {g:?} vs {w:?}"),
                }
            }
        }
    }

    #[test]
    fn kept_late_is_computed() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let due = Dues::unmoved(d("2024-11-01"));
        let today = d("2024-12-01");
        assert_eq!(
            outcome(S::Kept, due, Some(d("2024-11-01")), today),
            Outcome::KeptOnTime
        );
        assert_eq!(
            outcome(S::Kept, due, Some(d("2024-11-02")), today),
            Outcome::KeptLate
        );
        assert_eq!(outcome(S::Open, due, None, today), Outcome::OpenOverdue);
        assert_eq!(outcome(S::Open, due, None, d("2024-11-01")), Outcome::Open);
    }

    #[test]
    fn a_moved_promise_kept_after_its_first_date_is_kept_late() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let moved = Dues {
            first: d("2024-11-01"),
            now: d("2024-12-15"),
        };
        let today = d("2024-12-01");
        assert_eq!(
            outcome(S::Kept, moved, Some(d("2024-11-20")), today),
            Outcome::KeptLate
        );
        assert_eq!(
            outcome(S::Kept, moved, Some(d("2024-10-30")), today),
            Outcome::KeptOnTime
        );
        // Open and not past the date in force: not overdue in the tracker either.
        assert_eq!(outcome(S::Open, moved, None, today), Outcome::Open);
        assert_eq!(
            outcome(S::Open, moved, None, d("2024-12-16")),
            Outcome::OpenOverdue
        );
    }

    #[test]
    fn a_resolution_says_what_its_step_needs() {
        let kept = resolution(CommitmentEvent::Keep, Note::None).expect("keep needs nothing");
        assert_eq!(kept, Resolution::default());
        assert!(resolution(CommitmentEvent::Break, Note::Reason("te laat")).is_err());
        let broken = resolution(
            CommitmentEvent::Break,
            Note::Acknowledgement {
                what_went_wrong: " aannemer failliet ",
                prevention: "twee offertes",
            },
        )
        .expect("both answers");
        assert_eq!(broken.acknowledgement.as_deref(), Some("aannemer failliet"));
        assert!(resolution(CommitmentEvent::Withdraw, Note::None).is_err());
        assert!(resolution(CommitmentEvent::Withdraw, Note::Reason("  ")).is_err());
    }
}

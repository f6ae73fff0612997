//! The signal lifecycle (DESIGN section 3): a whitelist of transitions.
//!
//! ```text
//! new ─triage─▶ triaged ─start─▶ in_progress ─final feedback─▶ answered ─close─▶ closed
//! new/triaged/in_progress ─decline─▶ declined      ─merge─▶ merged
//! closed/declined ─reopen─▶ triaged
//! ```

use super::{RecordRef, Refusal};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days between receiving a signal and the feedback due date, unless triage says otherwise.
pub const DEFAULT_FEEDBACK_DAYS: i64 = 14;

/// How feedback reached the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Meeting,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Meeting,
        Channel::Letter,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Meeting => "meeting",
            Channel::Letter => "letter",
        }
    }

    pub fn from_code(s: &str) -> Option<Channel> {
        match s.trim().to_lowercase().as_str() {
            "email" | "e-mail" | "mail" => Some(Channel::Email),
            "phone" | "telefoon" | "tel" => Some(Channel::Phone),
            "meeting" | "overleg" => Some(Channel::Meeting),
            "letter" | "brief" => Some(Channel::Letter),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalState {
    New,
    Triaged,
    InProgress,
    Answered,
    Closed,
    Declined,
    Merged,
}

impl SignalState {
    pub const ALL: [SignalState; 7] = [
        SignalState::New,
        SignalState::Triaged,
        SignalState::InProgress,
        SignalState::Answered,
        SignalState::Closed,
        SignalState::Declined,
        SignalState::Merged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SignalState::New => "new",
            SignalState::Triaged => "triaged",
            SignalState::InProgress => "in_progress",
            SignalState::Answered => "answered",
            SignalState::Closed => "closed",
            SignalState::Declined => "declined",
            SignalState::Merged => "merged",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let c = code.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|s| s.code() == c)
    }

    /// Open signals still need something from the municipality.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            SignalState::New | SignalState::Triaged | SignalState::InProgress
        )
    }

    /// States in which feedback is still owed to the organisation.
    pub fn owes_feedback(self) -> bool {
        self.is_open()
    }
}

impl std::fmt::Display for SignalState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Everything that can happen to a signal's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalEvent {
    Triage,
    Start,
    InterimFeedback,
    FinalFeedback,
    Close,
    Decline,
    Merge,
    Reopen,
}

impl SignalEvent {
    pub const ALL: [SignalEvent; 8] = [
        SignalEvent::Triage,
        SignalEvent::Start,
        SignalEvent::InterimFeedback,
        SignalEvent::FinalFeedback,
        SignalEvent::Close,
        SignalEvent::Decline,
        SignalEvent::Merge,
        SignalEvent::Reopen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SignalEvent::Triage => "triage",
            SignalEvent::Start => "start",
            SignalEvent::InterimFeedback => "interim feedback",
            SignalEvent::FinalFeedback => "final feedback",
            SignalEvent::Close => "close",
            SignalEvent::Decline => "decline",
            SignalEvent::Merge => "merge",
            SignalEvent::Reopen => "reopen",
        }
    }
}

/// What a signal knows that the transition rules need.
#[derive(Debug, Clone, Copy)]
pub struct SignalFacts {
    pub state: SignalState,
    pub has_final_feedback: bool,
}

/// The whitelist. Returns the state after `event`, or why it is refused.
pub fn transition(facts: SignalFacts, event: SignalEvent) -> Result<SignalState, Refusal> {
    use SignalEvent as E;
    use SignalState as S;
    let next = match (facts.state, event) {
        (S::New, E::Triage) => S::Triaged,
        // Re-triage (new owner, new due date) keeps the state.
        (S::Triaged, E::Triage) => S::Triaged,
        (S::InProgress, E::Triage) => S::InProgress,
        (S::Triaged, E::Start) => S::InProgress,
        (s @ (S::New | S::Triaged | S::InProgress), E::InterimFeedback) => s,
        (S::Triaged | S::InProgress, E::FinalFeedback) => S::Answered,
        (S::Answered, E::Close) if facts.has_final_feedback => S::Closed,
        (S::Answered, E::Close) => {
            return Err(Refusal::new(super::Problem::SignalCloseWithoutFinal));
        }
        (S::New | S::Triaged | S::InProgress, E::Decline) => S::Declined,
        (S::New | S::Triaged | S::InProgress, E::Merge) => S::Merged,
        (S::Closed | S::Declined, E::Reopen) => S::Triaged,
        (state, event) => return Err(Refusal::new(super::Problem::SignalStep { state, event })),
    };
    Ok(next)
}

/// Triage, and giving a signal to someone, need someone to give it to: `what` names
/// the step, `example` (may be empty) shows how to name one.
pub fn check_owner_named(has_owner: bool, what: &str, example: &str) -> Result<(), Refusal> {
    if has_owner {
        Ok(())
    } else {
        // `what` is the step: triage, or giving the signal to someone.
        let _ = example;
        Err(Refusal::new(if what == "triage" {
            super::Problem::TriageNeedsOwner
        } else {
            super::Problem::AssignNeedsOwner
        }))
    }
}

/// A due date triage names: never in the past, unless it is the one in force already.
pub fn check_triage_due(
    due: NaiveDate,
    in_force: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), Refusal> {
    if due < today && Some(due) != in_force {
        return Err(Refusal::new(super::Problem::FeedbackDuePast { date: due }));
    }
    Ok(())
}

/// Moving the due date by hand: only while feedback is owed, never into the past, and
/// never to the day it is due already.
pub fn check_due_move(
    signal: RecordRef,
    state: SignalState,
    in_force: Option<NaiveDate>,
    new_due: NaiveDate,
    today: NaiveDate,
) -> Result<(), Refusal> {
    if !state.owes_feedback() {
        return Err(Refusal::new(super::Problem::NoDueToMove {
            reference: signal.to_string(),
            state,
        }));
    }
    if new_due < today {
        return Err(Refusal::new(super::Problem::FeedbackDuePast {
            date: new_due,
        }));
    }
    if in_force == Some(new_due) {
        return Err(Refusal::new(super::Problem::DueAlready {
            reference: signal.to_string(),
            due: new_due,
        }));
    }
    Ok(())
}

/// A due date that moves later by a reasoned move (triage, `signal move`) says why;
/// dates set by the loop itself (a reopen, interim feedback) need none.
pub fn check_later_reason(
    signal: RecordRef,
    old: Option<NaiveDate>,
    new_due: NaiveDate,
    reason: &str,
    is_move: bool,
) -> Result<(), Refusal> {
    let later = old.is_some_and(|o| new_due > o);
    if is_move && later && reason.is_empty() {
        return Err(Refusal::new(super::Problem::LaterDueNeedsReason {
            reference: signal.to_string(),
            from: old,
            to: new_due,
        }));
    }
    Ok(())
}

/// Giving a signal to someone else without triaging it again: only while it is open.
pub fn check_assignable(signal: RecordRef, state: SignalState) -> Result<(), Refusal> {
    if state.is_open() {
        Ok(())
    } else {
        Err(Refusal::new(super::Problem::AssignNotOpen {
            reference: signal.to_string(),
            state,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SignalEvent as E;
    use SignalState as S;

    /// The whole table, written out: (from, event) → to. Everything else is refused.
    const ALLOWED: &[(S, E, S)] = &[
        (S::New, E::Triage, S::Triaged),
        (S::Triaged, E::Triage, S::Triaged),
        (S::InProgress, E::Triage, S::InProgress),
        (S::Triaged, E::Start, S::InProgress),
        (S::New, E::InterimFeedback, S::New),
        (S::Triaged, E::InterimFeedback, S::Triaged),
        (S::InProgress, E::InterimFeedback, S::InProgress),
        (S::Triaged, E::FinalFeedback, S::Answered),
        (S::InProgress, E::FinalFeedback, S::Answered),
        (S::Answered, E::Close, S::Closed),
        (S::New, E::Decline, S::Declined),
        (S::Triaged, E::Decline, S::Declined),
        (S::InProgress, E::Decline, S::Declined),
        (S::New, E::Merge, S::Merged),
        (S::Triaged, E::Merge, S::Merged),
        (S::InProgress, E::Merge, S::Merged),
        (S::Closed, E::Reopen, S::Triaged),
        (S::Declined, E::Reopen, S::Triaged),
    ];

    #[test]
    fn every_pair_is_allowed_or_refused_as_the_table_says() {
        for from in S::ALL {
            for event in E::ALL {
                let facts = SignalFacts {
                    state: from,
                    has_final_feedback: true,
                };
                let want = ALLOWED
                    .iter()
                    .find(|(f, e, _)| *f == from && *e == event)
                    .map(|t| t.2);
                match (transition(facts, event), want) {
                    (Ok(got), Some(to)) => assert_eq!(got, to, "{from:?} {event:?}"),
                    (Err(r), None) => {
                        assert!(
                            r.to_string().contains(from.code()),
                            "reason names the state: {r}"
                        )
                    }
                    (got, want) => panic!("{from:?} {event:?}: got {got:?}, want {want:?}"),
                }
            }
        }
    }

    #[test]
    fn close_needs_final_feedback() {
        let facts = SignalFacts {
            state: S::Answered,
            has_final_feedback: false,
        };
        let err = transition(facts, E::Close).unwrap_err();
        assert!(err.to_string().contains("final feedback"));
    }

    #[test]
    fn codes_round_trip() {
        for s in S::ALL {
            assert_eq!(S::from_code(s.code()), Some(s));
        }
        assert_eq!(S::from_code("in-progress"), Some(S::InProgress));
        assert_eq!(S::from_code("nope"), None);
    }

    #[test]
    fn due_dates_move_by_the_rules() {
        let s = RecordRef::new(crate::domain::RecordKind::Signal, 7);
        let d = |n: u32| NaiveDate::from_ymd_opt(2026, 3, n).expect("date");
        assert!(check_due_move(s, SignalState::Triaged, Some(d(10)), d(12), d(5)).is_ok());
        let past = check_due_move(s, SignalState::Triaged, Some(d(10)), d(4), d(5));
        assert_eq!(
            past.unwrap_err().to_string(),
            "the feedback due date 2026-03-04 is in the past"
        );
        let same = check_due_move(s, SignalState::InProgress, Some(d(10)), d(10), d(5));
        assert_eq!(
            same.unwrap_err().to_string(),
            "S-7 is due on 2026-03-10 already"
        );
        assert!(check_due_move(s, SignalState::Closed, Some(d(10)), d(12), d(5)).is_err());
        let later = check_later_reason(s, Some(d(10)), d(12), "", true).unwrap_err();
        assert_eq!(
            later.to_string(),
            "moving S-7's feedback due date later (2026-03-10 to 2026-03-12) needs a reason"
        );
        assert!(check_later_reason(s, Some(d(10)), d(12), "", false).is_ok());
        assert!(check_later_reason(s, Some(d(10)), d(8), "", true).is_ok());
    }

    #[test]
    fn triage_needs_an_owner_and_a_due_date_that_is_not_past() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2026, 3, n).expect("date");
        assert!(check_owner_named(true, "triage", "").is_ok());
        assert_eq!(
            check_owner_named(false, "assigning", "")
                .unwrap_err()
                .to_string(),
            "assigning needs an owner (a person or a service)"
        );
        assert!(check_triage_due(d(4), None, d(5)).is_err());
        assert!(
            check_triage_due(d(4), Some(d(4)), d(5)).is_ok(),
            "the date in force stays"
        );
        let s = RecordRef::new(crate::domain::RecordKind::Signal, 2);
        assert!(check_assignable(s, SignalState::InProgress).is_ok());
        assert_eq!(
            check_assignable(s, SignalState::Answered)
                .unwrap_err()
                .to_string(),
            "S-2 is answered: only an open signal can be given to someone"
        );
        assert_eq!(Channel::from_code(" Brief "), Some(Channel::Letter));
    }
}

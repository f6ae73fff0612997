//! The signal lifecycle (DESIGN section 3): a whitelist of transitions.
//!
//! ```text
//! new ─triage─▶ triaged ─start─▶ in_progress ─final feedback─▶ answered ─close─▶ closed
//! new/triaged/in_progress ─decline─▶ declined      ─merge─▶ merged
//! closed/declined ─reopen─▶ triaged
//! ```

use super::Refusal;
use serde::{Deserialize, Serialize};

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
}

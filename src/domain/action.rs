//! Actions: internal tasks, `open → done | cancelled`.

use super::Refusal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    Open,
    Done,
    Cancelled,
}

impl ActionState {
    pub const ALL: [ActionState; 3] =
        [ActionState::Open, ActionState::Done, ActionState::Cancelled];

    pub fn code(self) -> &'static str {
        match self {
            ActionState::Open => "open",
            ActionState::Done => "done",
            ActionState::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code.trim().to_ascii_lowercase())
    }
}

impl std::fmt::Display for ActionState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionEvent {
    Done,
    Cancel,
}

pub fn transition(state: ActionState, event: ActionEvent) -> Result<ActionState, Refusal> {
    match (state, event) {
        (ActionState::Open, ActionEvent::Done) => Ok(ActionState::Done),
        (ActionState::Open, ActionEvent::Cancel) => Ok(ActionState::Cancelled),
        (state, event) => Err(Refusal::new(super::Problem::ActionStep { state, event })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_open_actions_change() {
        for s in ActionState::ALL {
            for e in [ActionEvent::Done, ActionEvent::Cancel] {
                let r = transition(s, e);
                if s == ActionState::Open {
                    let want = if e == ActionEvent::Done {
                        ActionState::Done
                    } else {
                        ActionState::Cancelled
                    };
                    assert_eq!(r.unwrap(), want);
                } else {
                    assert!(r.unwrap_err().to_string().contains(s.code()));
                }
            }
        }
    }
}

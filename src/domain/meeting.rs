//! Meetings: `planned → held → final`. Final minutes are locked; a later change is an amendment.

use super::Refusal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Held,
    Final,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 3] = [
        MeetingStatus::Planned,
        MeetingStatus::Held,
        MeetingStatus::Final,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::Held => "held",
            MeetingStatus::Final => "final",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code.trim().to_ascii_lowercase())
    }

    /// Minutes written now count as amendments.
    pub fn minutes_locked(self) -> bool {
        self == MeetingStatus::Final
    }
}

impl std::fmt::Display for MeetingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingEvent {
    Hold,
    Finalise,
}

pub fn transition(status: MeetingStatus, event: MeetingEvent) -> Result<MeetingStatus, Refusal> {
    match (status, event) {
        (MeetingStatus::Planned, MeetingEvent::Hold) => Ok(MeetingStatus::Held),
        (MeetingStatus::Held, MeetingEvent::Finalise) => Ok(MeetingStatus::Final),
        (MeetingStatus::Planned, MeetingEvent::Finalise) => Err(Refusal::new(
            "cannot finalise a meeting that is planned: mark it held first",
        )),
        (s, e) => Err(Refusal::new(format!(
            "cannot {} a meeting that is {}",
            if e == MeetingEvent::Hold {
                "hold"
            } else {
                "finalise"
            },
            s.code()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planned_held_final() {
        use MeetingEvent::*;
        use MeetingStatus::*;
        assert_eq!(transition(Planned, Hold).unwrap(), Held);
        assert_eq!(transition(Held, Finalise).unwrap(), Final);
        for (s, e) in [
            (Planned, Finalise),
            (Held, Hold),
            (Final, Hold),
            (Final, Finalise),
        ] {
            assert!(transition(s, e).unwrap_err().0.contains(s.code()));
        }
    }
}

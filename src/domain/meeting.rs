//! Meetings: `planned → held → final`. Final minutes are locked; a later change is an amendment.

use super::Refusal;
use chrono::NaiveDateTime;
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

/// A meeting is held once it has started: marking it held before its start (local
/// wall-clock time, as `starts_at` is stored) is refused, with when it starts.
pub fn check_started(starts_at: NaiveDateTime, now: NaiveDateTime) -> Result<(), Refusal> {
    if now < starts_at {
        return Err(Refusal::new(format!(
            "cannot mark a meeting held before it starts: it starts on {} at {}",
            starts_at.format("%Y-%m-%d"),
            starts_at.format("%H:%M")
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_only_once_started() {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 27)
            .unwrap()
            .and_hms_opt(20, 0, 0)
            .unwrap();
        let before = start - chrono::Duration::minutes(1);
        let msg = check_started(start, before).unwrap_err().0;
        assert!(msg.contains("2026-01-27 at 20:00"), "{msg}");
        assert!(check_started(start, start).is_ok());
        assert!(check_started(start, start + chrono::Duration::hours(3)).is_ok());
    }

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

//! Meetings: `planned → held → final`, or `planned → cancelled`. Final minutes are
//! locked; a later change is an amendment. A cancelled meeting is an end state: it was
//! never held, so it never counts for the cadence, and it is not changed any more.

use super::Refusal;
use super::{ClockChange, Field, Problem};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Held,
    Final,
    /// Called off before it was held.
    Cancelled,
}

impl MeetingStatus {
    pub const ALL: [MeetingStatus; 4] = [
        MeetingStatus::Planned,
        MeetingStatus::Held,
        MeetingStatus::Final,
        MeetingStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::Held => "held",
            MeetingStatus::Final => "final",
            MeetingStatus::Cancelled => "cancelled",
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MeetingEvent {
    Hold,
    Finalise,
    Cancel,
}

pub fn transition(status: MeetingStatus, event: MeetingEvent) -> Result<MeetingStatus, Refusal> {
    match (status, event) {
        (MeetingStatus::Planned, MeetingEvent::Hold) => Ok(MeetingStatus::Held),
        (MeetingStatus::Held, MeetingEvent::Finalise) => Ok(MeetingStatus::Final),
        (MeetingStatus::Planned, MeetingEvent::Cancel) => Ok(MeetingStatus::Cancelled),
        (status, event) => Err(Refusal::new(Problem::MeetingStep { status, event })),
    }
}

/// A cancelled meeting is no longer changed: its details stay as they were called off.
pub fn check_editable(status: MeetingStatus) -> Result<(), Refusal> {
    if status == MeetingStatus::Cancelled {
        return Err(Refusal::new(Problem::MeetingCancelledLocked));
    }
    Ok(())
}

/// Start and end must each happen exactly once in Europe/Amsterdam.
pub fn check_times(starts: NaiveDateTime, ends: Option<NaiveDateTime>) -> Result<(), Refusal> {
    check_local_time(starts, Field::Start)?;
    if let Some(end) = ends {
        check_local_time(end, Field::End)?;
    }
    Ok(())
}

/// A meeting is held once it has started: marking it held before its start (local
/// wall-clock time, as `starts_at` is stored) is refused, with when it starts.
pub fn check_started(starts_at: NaiveDateTime, now: NaiveDateTime) -> Result<(), Refusal> {
    if now < starts_at {
        return Err(Refusal::new(Problem::MeetingNotStarted { starts_at }));
    }
    Ok(())
}

/// Meetings take place in this zone; their times are its wall-clock times.
pub const ZONE: chrono_tz::Tz = chrono_tz::Europe::Amsterdam;

/// A wall-clock time that does not exist in Europe/Amsterdam (the hour skipped when the
/// clocks go forward) or exists twice (the hour repeated when they go back) is refused,
/// naming the problem and the nearest times that are unambiguous. `what` says which time
/// (Field::Start).
pub fn check_local_time(t: NaiveDateTime, what: Field) -> Result<(), Refusal> {
    use chrono::{Duration, LocalResult, TimeZone};
    let clear = |x: NaiveDateTime| matches!(ZONE.from_local_datetime(&x), LocalResult::Single(_));
    let change = match ZONE.from_local_datetime(&t) {
        LocalResult::Single(_) => return Ok(()),
        LocalResult::None => ClockChange::Skipped,
        LocalResult::Ambiguous(..) => ClockChange::Repeated,
    };
    // The nearest whole minutes on either side that happen exactly once.
    let minute = Duration::minutes(1);
    let mut before = t - minute;
    let mut after = t + minute;
    for _ in 0..240 {
        if clear(before) {
            break;
        }
        before -= minute;
    }
    for _ in 0..240 {
        if clear(after) {
            break;
        }
        after += minute;
    }
    Err(Refusal::new(Problem::ClockTime {
        field: what,
        at: t,
        change,
        before: before + minute,
        from: after,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn the_spring_forward_gap_is_refused_with_the_times_around_it() {
        let msg = check_local_time(at(2027, 3, 28, 2, 30), Field::Start)
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            "the start 2027-03-28 02:30 does not exist in Europe/Amsterdam: the clocks go \
             forward that night; choose a time before 02:00 or from 03:00 on"
        );
        assert!(check_local_time(at(2027, 3, 28, 2, 0), Field::Start).is_err());
        assert!(check_local_time(at(2027, 3, 28, 1, 59), Field::Start).is_ok());
        assert!(check_local_time(at(2027, 3, 28, 3, 0), Field::Start).is_ok());
    }

    #[test]
    fn the_autumn_overlap_is_refused_as_ambiguous() {
        let msg = check_local_time(at(2027, 10, 31, 2, 30), Field::Start)
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            "the start 2027-10-31 02:30 happens twice in Europe/Amsterdam: the clocks go back \
             that night, so it is ambiguous; choose a time before 02:00 or from 03:00 on"
        );
        assert!(check_local_time(at(2027, 10, 31, 2, 0), Field::End).is_err());
        assert!(check_local_time(at(2027, 10, 31, 3, 0), Field::Start).is_ok());
    }

    #[test]
    fn ordinary_times_and_the_same_hour_on_other_days_pass() {
        for t in [
            at(2027, 3, 27, 2, 30),
            at(2027, 3, 29, 2, 30),
            at(2027, 10, 30, 2, 30),
            at(2026, 12, 10, 19, 30),
            at(2026, 7, 1, 0, 0),
        ] {
            assert!(check_local_time(t, Field::Start).is_ok(), "{t}");
        }
        // The rule follows the real calendar: 2026's change is on 29 March.
        assert!(check_local_time(at(2026, 3, 29, 2, 15), Field::Start).is_err());
    }

    #[test]
    fn held_only_once_started() {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 27)
            .unwrap()
            .and_hms_opt(20, 0, 0)
            .unwrap();
        let before = start - chrono::Duration::minutes(1);
        let msg = check_started(start, before).unwrap_err().to_string();
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
            assert!(transition(s, e).unwrap_err().to_string().contains(s.code()));
        }
    }

    #[test]
    fn only_a_planned_meeting_is_cancelled_and_only_once() {
        use MeetingEvent::*;
        use MeetingStatus::*;
        assert_eq!(transition(Planned, Cancel).unwrap(), Cancelled);
        assert!(
            transition(Cancelled, Cancel)
                .unwrap_err()
                .to_string()
                .contains("already")
        );
        assert!(
            transition(Held, Cancel)
                .unwrap_err()
                .to_string()
                .contains("took place")
        );
        assert!(
            transition(Final, Cancel)
                .unwrap_err()
                .to_string()
                .contains("final")
        );
        for e in [Hold, Finalise] {
            assert!(
                transition(Cancelled, e)
                    .unwrap_err()
                    .to_string()
                    .contains("cancelled")
            );
        }
        assert!(check_editable(Cancelled).is_err());
        assert!(check_editable(Planned).is_ok());
    }
}

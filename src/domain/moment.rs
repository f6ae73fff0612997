//! Moments as scripts read them: RFC 3339 in Europe/Amsterdam local time with its
//! offset (`2026-01-15T19:30:00+01:00`, `2026-07-01T10:00:00+02:00`).
//!
//! The database keeps two kinds of moment: stamps of changes in UTC
//! (`2026-01-15T18:30:05Z`) and meeting times as the wall clock in The Hague
//! (`2026-01-15T19:30`). Both are written out the same way, so a script compares them
//! without knowing which is which. The offsets come from the time-zone database
//! (chrono-tz), the same rules the meeting form uses to refuse a time the clocks skip.

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Europe::Amsterdam;

/// The offset of Europe/Amsterdam at a UTC moment (the time-zone database's rules).
pub fn offset_at_utc(utc: NaiveDateTime) -> FixedOffset {
    Amsterdam.offset_from_utc_datetime(&utc).fix()
}

/// The offset of a wall-clock time in Europe/Amsterdam. The hour that repeats in
/// October is read as the first (summer) one; the hour skipped in March as summer time.
pub fn offset_at_local(local: NaiveDateTime) -> FixedOffset {
    match Amsterdam.offset_from_local_datetime(&local) {
        LocalResult::Single(o) => o.fix(),
        LocalResult::Ambiguous(first, _) => first.fix(),
        // In the gap: the offset the clocks jumped to, an hour on.
        LocalResult::None => offset_at_local(local + Duration::hours(1)),
    }
}

/// A wall-clock time in The Hague with its offset.
pub fn from_local(local: NaiveDateTime) -> DateTime<FixedOffset> {
    let off = offset_at_local(local);
    off.from_utc_datetime(&(local - Duration::seconds(i64::from(off.local_minus_utc()))))
}

/// A UTC moment in The Hague's local time.
pub fn from_utc(utc: NaiveDateTime) -> DateTime<FixedOffset> {
    offset_at_utc(utc).from_utc_datetime(&utc)
}

/// RFC 3339 with the offset, to the second.
pub fn rfc3339(at: DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A stored moment as RFC 3339 with the Europe/Amsterdam offset: a stamp ending in `Z`
/// is UTC; one with an offset is kept as that instant; one without is a wall-clock
/// time in The Hague. `None` for text that is not a moment.
pub fn stored_to_rfc3339(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(rfc3339(from_utc(dt.naive_utc())));
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())?;
    Some(rfc3339(from_local(naive)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(
            rfc3339(from_local(at(2026, 1, 15, 19, 30))),
            "2026-01-15T19:30:00+01:00"
        );
        assert_eq!(
            rfc3339(from_local(at(2026, 7, 1, 10, 0))),
            "2026-07-01T10:00:00+02:00"
        );
        assert_eq!(
            rfc3339(from_utc(at(2026, 1, 15, 18, 30))),
            "2026-01-15T19:30:00+01:00"
        );
        assert_eq!(
            rfc3339(from_utc(at(2026, 7, 1, 8, 0))),
            "2026-07-01T10:00:00+02:00"
        );
    }

    #[test]
    fn the_switch_days() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(
            offset_at_utc(at(2026, 3, 29, 0, 59)).local_minus_utc(),
            3600
        );
        assert_eq!(offset_at_utc(at(2026, 3, 29, 1, 0)).local_minus_utc(), 7200);
        assert_eq!(
            offset_at_utc(at(2026, 10, 25, 0, 59)).local_minus_utc(),
            7200
        );
        assert_eq!(
            offset_at_utc(at(2026, 10, 25, 1, 0)).local_minus_utc(),
            3600
        );
        assert_eq!(
            offset_at_local(at(2026, 3, 29, 1, 59)).local_minus_utc(),
            3600
        );
        assert_eq!(
            offset_at_local(at(2026, 3, 29, 3, 0)).local_minus_utc(),
            7200
        );
        assert_eq!(
            offset_at_local(at(2026, 10, 25, 3, 0)).local_minus_utc(),
            3600
        );
    }

    #[test]
    fn stored_moments() {
        assert_eq!(
            stored_to_rfc3339("2026-01-15T18:30:05Z").as_deref(),
            Some("2026-01-15T19:30:05+01:00")
        );
        assert_eq!(
            stored_to_rfc3339("2026-02-12T19:30:00").as_deref(),
            Some("2026-02-12T19:30:00+01:00")
        );
        assert_eq!(
            stored_to_rfc3339("2026-06-12T19:30").as_deref(),
            Some("2026-06-12T19:30:00+02:00")
        );
        assert_eq!(stored_to_rfc3339("gisteren"), None);
        assert_eq!(stored_to_rfc3339("2026-01-15"), None);
    }
}

//! Moments as scripts read them: RFC 3339 in Europe/Amsterdam local time with its
//! offset (`2026-01-15T19:30:00+01:00`, `2026-07-01T10:00:00+02:00`).
//!
//! The database keeps two kinds of moment: stamps of changes in UTC
//! (`2026-01-15T18:30:05Z`) and meeting times as the wall clock in The Hague
//! (`2026-01-15T19:30`). Both are written out the same way, so a script compares them
//! without knowing which is which. The zone follows the EU rules in force since 1996:
//! summer time (+02:00) from the last Sunday of March 01:00 UTC to the last Sunday of
//! October 01:00 UTC, else +01:00.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Weekday,
};

const HOUR: i32 = 3600;

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("a valid first of the month");
    let mut d = next.pred_opt().expect("a day before");
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt().expect("a day before");
    }
    d
}

/// Summer time for this UTC moment?
fn summer_utc(utc: NaiveDateTime) -> bool {
    let y = utc.year();
    let start = last_sunday(y, 3).and_hms_opt(1, 0, 0).expect("01:00");
    let end = last_sunday(y, 10).and_hms_opt(1, 0, 0).expect("01:00");
    utc >= start && utc < end
}

/// The offset of Europe/Amsterdam at a UTC moment.
pub fn offset_at_utc(utc: NaiveDateTime) -> FixedOffset {
    let hours = if summer_utc(utc) { 2 } else { 1 };
    FixedOffset::east_opt(hours * HOUR).expect("a valid offset")
}

/// The offset of a wall-clock time in Europe/Amsterdam. The hour that repeats in
/// October is read as the first (summer) one; the hour skipped in March as summer time.
pub fn offset_at_local(local: NaiveDateTime) -> FixedOffset {
    let y = local.year();
    let start = last_sunday(y, 3).and_hms_opt(2, 0, 0).expect("02:00");
    let end = last_sunday(y, 10).and_hms_opt(3, 0, 0).expect("03:00");
    let hours = if local >= start && local < end { 2 } else { 1 };
    FixedOffset::east_opt(hours * HOUR).expect("a valid offset")
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

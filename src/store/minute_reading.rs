//! How the store reads a stored minutes line: the day it was written (relative dates
//! count from it) and its tokens, with owners typed as full names taken whole.

use super::{Result, Store, parse_date_col};
use crate::domain::minutes::{ParsedLine, parse_line};
use chrono::{DateTime, Local, NaiveDate};
use rusqlite::Connection;

/// The day a line was written, in local time: relative due dates (`due:+14d`) in a
/// line read again count from it, as they did when it was typed. Never after `today`
/// (a store working as of an earlier day, as the demo and tests do).
pub(crate) fn written_day(created_at: &str, today: NaiveDate) -> NaiveDate {
    let day = DateTime::parse_from_rfc3339(created_at)
        .map(|t| t.with_timezone(&Local).date_naive())
        .unwrap_or_else(|_| parse_date_col(created_at.get(..10).unwrap_or_default()));
    day.min(today)
}

/// A minutes line as the store reads it: parsed, with an owner typed as a full name
/// (`@Ingrid Smits`) taken whole when a person or an organisation is called that, so
/// that the surname is not left in the action's text.
pub(crate) fn read_line(conn: &Connection, line: &str, day: NaiveDate) -> Result<ParsedLine> {
    let mut parsed = parse_line(line, day);
    let words = parsed.owner_words_before_text();
    if words.is_empty() {
        return Ok(parsed);
    }
    // On the names' indexes (both without case): a minutes view reads every line of a
    // meeting this way, with 40,000 people and 20,000 organisations at a million
    // signals. Whoever is named is taken whole, also one who may not own: the line then
    // says so about the name that was meant.
    let mut st = conn.prepare_cached(
        "SELECT name FROM person WHERE erased_at IS NULL AND name LIKE ?1 ESCAPE '\\'
         UNION ALL
         SELECT name FROM organisation WHERE name LIKE ?1 ESCAPE '\\'",
    )?;
    let mut known = Vec::new();
    for word in words {
        let names = st.query_map([format!("{} %", super::like_escaped(word))], |r| {
            r.get::<_, String>(0)
        })?;
        for name in names {
            known.push(name?);
        }
    }
    parsed.take_full_names(&known);
    Ok(parsed)
}

pub(crate) fn written_on(conn: &Connection, minute_id: i64, today: NaiveDate) -> Result<NaiveDate> {
    let at: String = conn.query_row(
        "SELECT created_at FROM minute WHERE id = ?1",
        [minute_id],
        |r| r.get(0),
    )?;
    Ok(written_day(&at, today))
}

/// [`read_line`] for showing a line: should the names not be readable, the line as
/// typed (an owner of one word).
pub(crate) fn read_line_or_as_typed(conn: &Connection, line: &str, day: NaiveDate) -> ParsedLine {
    read_line(conn, line, day).unwrap_or_else(|_| parse_line(line, day))
}

impl Store {
    /// A minutes line as the store reads it (see [`read_line`]); the screens highlight
    /// what the store will make of it.
    pub fn read_minute_line(&self, line: &str, day: NaiveDate) -> ParsedLine {
        read_line_or_as_typed(&self.conn, line, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_line_is_never_written_after_today() {
        assert_eq!(
            written_day("2030-01-01T12:00:00Z", d(2024, 10, 1)),
            d(2024, 10, 1)
        );
        let local = DateTime::parse_from_rfc3339("2024-10-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Local)
            .date_naive();
        assert_eq!(written_day("2024-10-01T12:00:00Z", d(2025, 1, 1)), local);
        assert_eq!(written_day("2024-10-01", d(2025, 1, 1)), d(2024, 10, 1));
    }
}

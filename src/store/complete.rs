//! Candidates for shell completion: record IDs and the names of organisations and
//! people, read-only and bounded, so that a Tab at 100,000 signals answers at once.

use super::{Result, Store};
use crate::domain::RecordKind;

/// How many candidates a completion offers at most.
pub const COMPLETION_LIMIT: usize = 200;

impl Store {
    /// IDs of `kind` whose number starts with `digits` (all when empty), newest first,
    /// each with a short label: ("S-42", "Losse stoeptegels bij de school").
    pub fn completion_refs(&self, kind: RecordKind, digits: &str) -> Result<Vec<(String, String)>> {
        let (table, label) = match kind {
            RecordKind::Organisation => ("organisation", "name"),
            RecordKind::Person => (
                "person",
                "CASE WHEN erased_at IS NULL THEN name ELSE '' END",
            ),
            RecordKind::Signal => ("signal", "title"),
            RecordKind::Action => ("action", "text"),
            RecordKind::Commitment => ("commitment", "text"),
            RecordKind::Meeting => ("meeting", "title"),
        };
        let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
        // The id's text starts with the digits typed: a range on the key per length.
        let sql = format!(
            "SELECT id, {label} FROM {table} WHERE CAST(id AS TEXT) LIKE ?1 || '%' \
             ORDER BY id DESC LIMIT ?2"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params![digits, COMPLETION_LIMIT as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, label) = row?;
            let label: String = label
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            out.push((format!("{}-{id}", kind.letter()), label));
        }
        Ok(out)
    }

    /// Names of organisations (`orgs`) or people (`!orgs`) starting with `prefix`,
    /// ignoring case; erased people are left out.
    pub fn completion_names(&self, orgs: bool, prefix: &str) -> Result<Vec<String>> {
        let sql = if orgs {
            // Services are often typed by their short name (DSO).
            "SELECT name FROM organisation WHERE name LIKE ?1 || '%' ESCAPE '\\' \
             UNION SELECT short_name FROM organisation \
             WHERE short_name LIKE ?1 || '%' ESCAPE '\\' AND short_name <> '' \
             ORDER BY 1 COLLATE NOCASE LIMIT ?2"
        } else {
            "SELECT name FROM person WHERE erased_at IS NULL AND name LIKE ?1 || '%' ESCAPE '\\' \
             ORDER BY name COLLATE NOCASE LIMIT ?2"
        };
        let escaped = super::like_escaped(prefix);
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map(rusqlite::params![escaped, COMPLETION_LIMIT as i64], |r| {
            r.get::<_, String>(0)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

//! The kept lists of districts, neighbourhoods and themes (table `term`), and the gate
//! every write passes that sets one of those values: a value on the list is stored in
//! the list's spelling; an unknown one is refused unless the caller said to add it
//! ([`Store::set_accept_new_terms`]). Renaming and merging rewrite every record that
//! uses the old name, in one transaction, with an audit row per record.

use super::{Ctx, Result, Store, StoreError, invalid, join_list, now_stamp, split_list};
use crate::domain::Problem;
use crate::domain::vocab::{self, Resolution, TermKind};
use crate::domain::{RecordKind, RecordRef};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::json;
use std::cell::Cell;
use std::fmt;

thread_local! {
    /// Set for the length of one write by [`Store::write`]: whether that write may
    /// add values that are not on their list yet.
    static ACCEPT_NEW: Cell<bool> = const { Cell::new(false) };
}

/// Restores the previous setting when the write ends, whichever way it ends.
pub(crate) struct AcceptNewGuard(bool);

impl AcceptNewGuard {
    pub(crate) fn set(on: bool) -> AcceptNewGuard {
        AcceptNewGuard(ACCEPT_NEW.with(|c| c.replace(on)))
    }
}

impl Drop for AcceptNewGuard {
    fn drop(&mut self) {
        ACCEPT_NEW.with(|c| c.set(self.0));
    }
}

/// One entry of a kept list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub kind: String,
    pub name: String,
    /// Neighbourhoods: the district they lie in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// How many records use it.
    pub uses: i64,
}

/// Two entries that look like one name typed twice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearPair {
    pub kind: String,
    pub a: String,
    pub a_uses: i64,
    pub b: String,
    pub b_uses: i64,
}

impl NearPair {
    /// The entry to keep: the more used one (the first on a tie).
    pub fn keep(&self) -> (&str, &str, i64) {
        if self.b_uses > self.a_uses {
            (&self.b, &self.a, self.a_uses)
        } else {
            (&self.a, &self.b, self.b_uses)
        }
    }

    /// The command that merges the less used entry into the other.
    pub fn merge_command(&self) -> String {
        let (keep, drop, _) = self.keep();
        let kind = TermKind::from_code(&self.kind).unwrap_or(TermKind::Theme);
        let verb = match kind {
            TermKind::Neighbourhood => "merge-neighbourhood",
            _ => "merge",
        };
        format!(
            "wijkdesk {} {verb} {} {}",
            kind.command(),
            shell_word(drop),
            shell_word(keep)
        )
    }
}

fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A value that is not on its list, with what it may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTerm {
    pub kind: TermKind,
    pub value: String,
    pub suggestions: Vec<String>,
    /// A neighbourhood's district, when the write named one: where to add it.
    pub district: Option<String>,
}

impl UnknownTerm {
    /// The value and its suggestions, for [`crate::words`] to say.
    pub fn problem(&self) -> Problem {
        Problem::UnknownTerm {
            kind: self.kind,
            value: self.value.clone(),
            suggestions: self.suggestions.clone(),
        }
    }
}

impl fmt::Display for UnknownTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem().fmt(f)
    }
}

/// Counts of one value's uses, per kind: (table, column, is a comma list).
fn columns(kind: TermKind) -> &'static [(&'static str, &'static str, bool)] {
    match kind {
        TermKind::District => &[
            ("signal", "district", false),
            ("organisation", "district", false),
            ("meeting", "district", false),
            ("person", "districts", true),
        ],
        TermKind::Neighbourhood => &[
            ("signal", "neighbourhood", false),
            ("organisation", "neighbourhoods", true),
        ],
        TermKind::Theme => &[("signal", "theme", false), ("person", "themes", true)],
    }
}

fn record_kind(table: &str) -> RecordKind {
    match table {
        "signal" => RecordKind::Signal,
        "organisation" => RecordKind::Organisation,
        "meeting" => RecordKind::Meeting,
        _ => RecordKind::Person,
    }
}

/// The names on one list, in the order they were added.
pub(crate) fn names(conn: &Connection, kind: TermKind) -> Result<Vec<String>> {
    let mut st = conn.prepare_cached("SELECT name FROM term WHERE kind = ?1 ORDER BY name")?;
    let rows = st.query_map([kind.code()], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn term_id(conn: &Connection, kind: TermKind, name: &str) -> Result<Option<i64>> {
    use super::OptionalExt;
    Ok(conn
        .query_row(
            "SELECT id FROM term WHERE kind = ?1 AND name = ?2",
            params![kind.code(), name],
            |r| r.get(0),
        )
        .optional()?)
}

/// The entry a typed name stands for (case and accents aside), or a clear refusal.
fn existing(conn: &Connection, kind: TermKind, typed: &str) -> Result<String> {
    let value = kind.normalise(typed);
    match vocab::resolve(&value, &names(conn, kind)?) {
        Resolution::Known(n) => Ok(n),
        Resolution::Unknown { suggestions } => Err(StoreError::UnknownTerm(UnknownTerm {
            kind,
            value,
            suggestions,
            district: None,
        })),
    }
}

fn audit_term(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: TermKind,
    name: &str,
    action: &str,
    changes: serde_json::Value,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit (at, username, record, action, changes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            now_stamp(),
            ctx.user,
            format!("{kind}:{name}"),
            action,
            changes.to_string()
        ],
    )?;
    Ok(())
}

fn insert_term(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: TermKind,
    name: &str,
    district: Option<&str>,
) -> Result<()> {
    let district_id = match (kind, district) {
        (TermKind::Neighbourhood, Some(d)) if !d.trim().is_empty() => {
            let d = existing(tx, TermKind::District, d)?;
            term_id(tx, TermKind::District, &d)?
        }
        _ => None,
    };
    tx.execute(
        "INSERT INTO term (kind, name, district_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![kind.code(), name, district_id, now_stamp()],
    )?;
    let mut changes = json!({ "name": [null, name] });
    if let (Some(_), Some(d)) = (district_id, district) {
        changes["district"] = json!([null, d]);
    }
    audit_term(tx, ctx, kind, name, "create", changes)
}

/// The gate for a write that sets one value: `None` and blank pass as `None`; a
/// value on the list comes back in the list's spelling; an unknown value is added
/// when the write allows it, refused otherwise.
pub(crate) fn accept(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: TermKind,
    value: Option<&str>,
    district: Option<&str>,
) -> Result<Option<String>> {
    let Some(value) = value.map(|v| kind.normalise(v)).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    match vocab::resolve(&value, &names(tx, kind)?) {
        Resolution::Known(n) => Ok(Some(n)),
        Resolution::Unknown { suggestions } => {
            if ACCEPT_NEW.with(|c| c.get()) {
                insert_term(tx, ctx, kind, &value, district)?;
                Ok(Some(value))
            } else {
                Err(StoreError::UnknownTerm(UnknownTerm {
                    kind,
                    value,
                    suggestions,
                    district: district.map(str::to_string),
                }))
            }
        }
    }
}

/// [`accept`] for a comma list (a person's districts, an organisation's
/// neighbourhoods): each item through the gate, duplicates dropped.
pub(crate) fn accept_all(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: TermKind,
    values: &[String],
    district: Option<&str>,
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if let Some(n) = accept(tx, ctx, kind, Some(v), district)?
            && !out.iter().any(|o| o.eq_ignore_ascii_case(&n))
        {
            out.push(n);
        }
    }
    Ok(out)
}

fn uses(conn: &Connection, kind: TermKind) -> Result<Vec<(String, i64)>> {
    let mut counts: Vec<(String, i64)> = Vec::new();
    let mut bump = |name: &str, n: i64| {
        let f = name.to_lowercase();
        match counts.iter_mut().find(|(k, _)| *k == f) {
            Some((_, c)) => *c += n,
            None => counts.push((f, n)),
        }
    };
    for (table, col, is_list) in columns(kind) {
        if *is_list {
            let mut st = conn.prepare(&format!("SELECT {col} FROM {table} WHERE {col} <> ''"))?;
            let rows = st.query_map([], |r| r.get::<_, String>(0))?;
            for row in rows {
                for item in split_list(&row?) {
                    bump(&item, 1);
                }
            }
        } else {
            let mut st = conn.prepare(&format!(
                "SELECT {col}, count(*) FROM {table} WHERE {col} IS NOT NULL GROUP BY {col} COLLATE NOCASE"
            ))?;
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (name, n) = row?;
                bump(&name, n);
            }
        }
    }
    Ok(counts)
}

fn uses_of(counts: &[(String, i64)], name: &str) -> i64 {
    let f = name.to_lowercase();
    counts
        .iter()
        .find(|(k, _)| *k == f)
        .map(|(_, n)| *n)
        .unwrap_or(0)
}

/// Rewrite every record that uses `from` to use `to` (None: drop it from lists;
/// never used for scalar columns). Returns how many records changed.
fn rewrite(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    kind: TermKind,
    from: &str,
    to: &str,
    why: &str,
) -> Result<usize> {
    let mut changed = 0;
    let now = now_stamp();
    let from_l = from.to_lowercase();
    for (table, col, is_list) in columns(kind) {
        let rows: Vec<(i64, String)> = if *is_list {
            // People and organisations: few enough rows to split each list here.
            let mut st = tx.prepare(&format!("SELECT id, {col} FROM {table} WHERE {col} <> ''"))?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|(_, v): &(i64, String)| {
                    split_list(v).iter().any(|i| i.to_lowercase() == from_l)
                })
                .collect()
        } else {
            let mut st = tx.prepare(&format!(
                "SELECT id, {col} FROM {table} WHERE {col} = ?1 COLLATE NOCASE"
            ))?;
            let rows = st.query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        for (id, before) in rows {
            let after = if *is_list {
                let mut items: Vec<String> = Vec::new();
                for item in split_list(&before) {
                    let item = if item.to_lowercase() == from_l {
                        to.to_string()
                    } else {
                        item
                    };
                    if !items.iter().any(|i| i.eq_ignore_ascii_case(&item)) {
                        items.push(item);
                    }
                }
                join_list(&items)
            } else {
                to.to_string()
            };
            if after == before {
                continue;
            }
            tx.prepare_cached(&format!(
                "UPDATE {table} SET {col} = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1"
            ))?
            .execute(params![id, after, now])?;
            let record = RecordRef::new(record_kind(table), id);
            super::audit::log(tx, ctx, record, why, json!({ *col: [before, after] }))?;
            if *table == "signal" {
                super::timeline::log_event(
                    tx,
                    ctx,
                    id,
                    "edited",
                    None,
                    None,
                    &format!("{col} {before} → {after} ({why})"),
                )?;
            }
            changed += 1;
        }
    }
    Ok(changed)
}

impl Store {
    /// Let the following writes add values that are not on their list yet (the
    /// user confirmed them, or a command line said `--add-new`). Off by default.
    pub fn set_accept_new_terms(&mut self, on: bool) {
        self.accept_new_terms = on;
    }

    pub fn accepts_new_terms(&self) -> bool {
        self.accept_new_terms
    }

    /// The names on one list, alphabetical.
    pub fn term_names(&self, kind: TermKind) -> Result<Vec<String>> {
        names(&self.conn, kind)
    }

    /// One list with the district of each neighbourhood and how often each is used.
    pub fn terms(&self, kind: TermKind) -> Result<Vec<Term>> {
        let counts = uses(&self.conn, kind)?;
        let mut st = self.conn.prepare(
            "SELECT t.name, d.name FROM term t LEFT JOIN term d ON d.id = t.district_id
              WHERE t.kind = ?1 ORDER BY t.name",
        )?;
        let rows = st.query_map([kind.code()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, district) = row?;
            out.push(Term {
                kind: kind.code().to_string(),
                uses: uses_of(&counts, &name),
                name,
                district,
            });
        }
        Ok(out)
    }

    /// What a typed value is, compared with its list (for pickers and messages).
    pub fn resolve_term(&self, kind: TermKind, value: &str) -> Result<Resolution> {
        Ok(vocab::resolve(
            &kind.normalise(value),
            &names(&self.conn, kind)?,
        ))
    }

    /// Add a name to a list. A name that is there already (case and accents aside)
    /// is refused with the spelling on the list; a neighbourhood may name its district,
    /// which must be on the district list.
    pub fn add_term(
        &mut self,
        kind: TermKind,
        name: &str,
        district: Option<&str>,
    ) -> Result<String> {
        let name = kind.normalise(name);
        if name.is_empty() {
            return Err(invalid(Problem::TermNeedsName { kind }));
        }
        if name.contains(',') {
            return Err(invalid(Problem::TermComma {
                kind,
                name: name.to_string(),
            }));
        }
        self.write(|tx, ctx| {
            if let Resolution::Known(n) = vocab::resolve(&name, &names(tx, kind)?) {
                return Err(invalid(Problem::TermExists {
                    kind,
                    name: name.to_string(),
                    listed: n.to_string(),
                }));
            }
            insert_term(tx, ctx, kind, &name, district)?;
            Ok(name.clone())
        })
    }

    /// Add many names at once (CSV import), in one transaction: names already on
    /// their list are skipped; a neighbourhood's district must be on the list or
    /// earlier in `rows`. Returns the (kind, name) pairs added.
    pub fn import_terms(
        &mut self,
        rows: &[(TermKind, String, Option<String>)],
    ) -> Result<Vec<(TermKind, String)>> {
        for (kind, name, _) in rows {
            if name.contains(',') {
                return Err(invalid(Problem::TermComma {
                    kind: *kind,
                    name: name.to_string(),
                }));
            }
        }
        self.write(|tx, ctx| {
            let mut added = Vec::new();
            for (kind, name, district) in rows {
                let name = kind.normalise(name);
                if name.is_empty() {
                    continue;
                }
                if let Resolution::Known(_) = vocab::resolve(&name, &names(tx, *kind)?) {
                    continue;
                }
                insert_term(tx, ctx, *kind, &name, district.as_deref())?;
                added.push((*kind, name));
            }
            Ok(added)
        })
    }

    /// Rename an entry and every record that uses it. The new name may differ only in
    /// case or accents; a name that is another entry already is refused (merge them).
    /// Returns how many records were rewritten.
    pub fn rename_term(&mut self, kind: TermKind, old: &str, new: &str) -> Result<usize> {
        let new = kind.normalise(new);
        if new.is_empty() {
            return Err(invalid(Problem::TermNeedsName { kind }));
        }
        if new.contains(',') {
            return Err(invalid(Problem::TermComma {
                kind,
                name: new.to_string(),
            }));
        }
        self.write(|tx, ctx| {
            let old = existing(tx, kind, old)?;
            let others: Vec<String> = names(tx, kind)?.into_iter().filter(|n| *n != old).collect();
            if let Resolution::Known(n) = vocab::resolve(&new, &others) {
                return Err(invalid(Problem::TermRenameOntoExisting {
                    kind,
                    name: n.to_string(),
                    old_word: shell_word(&old),
                    new_word: shell_word(&n),
                }));
            }
            if old == new {
                return Ok(0);
            }
            tx.execute(
                "UPDATE term SET name = ?3 WHERE kind = ?1 AND name = ?2",
                params![kind.code(), old, new],
            )?;
            audit_term(tx, ctx, kind, &new, "rename", json!({ "name": [old, new] }))?;
            rewrite(tx, ctx, kind, &old, &new, &format!("{kind} renamed"))
        })
    }

    /// Merge entry `from` into entry `into`: every record that uses `from` uses `into`
    /// afterwards, neighbourhoods of a merged district move along, and `from` leaves
    /// the list. Returns how many records were rewritten.
    pub fn merge_terms(&mut self, kind: TermKind, from: &str, into: &str) -> Result<usize> {
        self.write(|tx, ctx| {
            let from = existing(tx, kind, from)?;
            let into = existing(tx, kind, into)?;
            if from == into {
                return Err(invalid(Problem::TermSame {
                    kind,
                    from: from.to_string(),
                    into: into.to_string(),
                }));
            }
            let n = rewrite(tx, ctx, kind, &from, &into, &format!("{kind} merged"))?;
            let from_id = term_id(tx, kind, &from)?;
            let into_id = term_id(tx, kind, &into)?;
            tx.execute(
                "UPDATE term SET district_id = ?2 WHERE district_id = ?1",
                params![from_id, into_id],
            )?;
            tx.execute("DELETE FROM term WHERE id = ?1", [from_id])?;
            audit_term(
                tx,
                ctx,
                kind,
                &from,
                "merge",
                json!({ "name": [from, into], "records": [null, n] }),
            )?;
            Ok(n)
        })
    }

    /// Entries that look like one name typed twice, with how often each is used.
    pub fn near_duplicates(&self, kind: TermKind) -> Result<Vec<NearPair>> {
        let list = names(&self.conn, kind)?;
        let pairs = vocab::near_pairs(&list);
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        let counts = uses(&self.conn, kind)?;
        Ok(pairs
            .into_iter()
            .map(|(a, b)| NearPair {
                kind: kind.code().to_string(),
                a_uses: uses_of(&counts, &a),
                b_uses: uses_of(&counts, &b),
                a,
                b,
            })
            .collect())
    }
}

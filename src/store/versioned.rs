//! One route for changing a versioned record.
//!
//! Every editable record carries a version, and every change goes the same way: read
//! the record, check and apply the change, compare the version the caller read
//! (a record changed meanwhile is a [`StoreError::Conflict`] naming both versions,
//! never a silent overwrite), bump it, read the record back, write the audit row with
//! the fields that differ and, where the change concerns a signal, its timeline line.
//! The rules are checked before the version is compared, so a change that could never
//! be made says why rather than "reload": all of it happens in the caller's
//! `BEGIN IMMEDIATE` transaction, so a conflict found last still writes nothing.
//!
//! Parts of a meeting that keep a version of their own (agenda items, attendance
//! marks, minutes lines) go through [`update_part`]: their version is compared first,
//! and the meeting's audit row tells of the change.

use super::timeline::Event;
use super::{Ctx, Result, StoreError, audit, now_stamp};
use crate::domain::Problem;
use crate::domain::{RecordKind, RecordRef};
use rusqlite::{Connection, Transaction};
use serde::Serialize;
use serde_json::Value;

/// A record kind with a version: how the store reads one.
pub(crate) trait Versioned: Serialize + Sized {
    const KIND: RecordKind;
    /// The record as stored now; `ctx` for records whose reading depends on the day
    /// (an action or commitment is overdue or not).
    fn read(conn: &Connection, ctx: &Ctx, id: i64) -> Result<Self>;
}

type After<'a, T> = Box<dyn FnOnce(&T) -> Option<Event> + 'a>;

/// What a change did, as the audit row and the timeline tell it.
pub(crate) struct Change<'a, T> {
    /// `None`: nothing differs, nothing is written.
    action: Option<&'static str>,
    /// Audit entries beyond the record's own fields (an invitation list, a reason).
    also: Vec<(String, Value)>,
    timeline: Option<After<'a, T>>,
}

impl<'a, T> Change<'a, T> {
    /// A change the audit row calls `action` ("update", "triage", "cancel", …).
    pub fn new(action: &'static str) -> Self {
        Change {
            action: Some(action),
            also: Vec::new(),
            timeline: None,
        }
    }

    /// Nothing to change: no version bump, no audit row; the record stays as read.
    pub fn unchanged() -> Self {
        Change {
            action: None,
            also: Vec::new(),
            timeline: None,
        }
    }

    /// True for [`Change::unchanged`]: the caller need write nothing either.
    pub fn is_unchanged(&self) -> bool {
        self.action.is_none()
    }

    /// Audit entries to add to the field diff.
    pub fn also(mut self, entries: impl IntoIterator<Item = (String, Value)>) -> Self {
        self.also.extend(entries);
        self
    }

    /// The timeline line, known before the change is read back.
    pub fn timeline(self, event: Event) -> Self {
        self.timeline_after(move |_| Some(event))
    }

    /// The timeline line, worked out from the record as changed (none: no line).
    pub fn timeline_after(mut self, f: impl FnOnce(&T) -> Option<Event> + 'a) -> Self {
        self.timeline = Some(Box::new(f));
        self
    }
}

/// Change record `id`, read by the caller at `expected` (`None`: whatever is there
/// now, for steps checked inside the same transaction). `apply` checks the rules and
/// writes the new values; this does the rest. Returns the record as changed.
pub(crate) fn update<'a, T: Versioned>(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    expected: Option<i64>,
    apply: impl FnOnce(&T) -> Result<Change<'a, T>>,
) -> Result<T> {
    let before = T::read(tx, ctx, id)?;
    let change = apply(&before)?;
    let Some(action) = change.action else {
        return Ok(before);
    };
    let record = RecordRef::new(T::KIND, id);
    bump_version(tx, record, expected)?;
    let after = T::read(tx, ctx, id)?;
    let mut changes = audit::diff(&before, &after);
    if let Value::Object(map) = &mut changes {
        map.extend(change.also);
    }
    audit::log(tx, ctx, record, action, changes)?;
    if let Some(event) = change.timeline.and_then(|f| f(&after)) {
        event.write(tx, ctx)?;
    }
    Ok(after)
}

/// Record the row `id` the caller has just inserted: read it back, write the audit row
/// with every field as created (and `change`'s extra entries), and its timeline line.
pub(crate) fn created<'a, T: Versioned>(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    change: Change<'a, T>,
) -> Result<T> {
    let record = T::read(tx, ctx, id)?;
    let mut changes = audit::created(&record);
    if let Value::Object(map) = &mut changes {
        map.extend(change.also);
    }
    let r = RecordRef::new(T::KIND, id);
    audit::log(tx, ctx, r, change.action.unwrap_or("create"), changes)?;
    if let Some(event) = change.timeline.and_then(|f| f(&record)) {
        event.write(tx, ctx)?;
    }
    Ok(record)
}

/// A stale read's conflict with both versions filled in: `what` is one of the Stale
/// kinds as its part names it.
fn stale(what: &Problem, want: i64, current: i64) -> StoreError {
    let (had, now) = (want, current);
    StoreError::Conflict(match what.clone() {
        Problem::StaleAgendaItem {
            position,
            title,
            meeting,
            ..
        } => Problem::StaleAgendaItem {
            position,
            title,
            meeting,
            had,
            now,
        },
        Problem::StaleAttendance { who, meeting, .. } => Problem::StaleAttendance {
            who,
            meeting,
            had,
            now,
        },
        Problem::StaleMinutesLine {
            position, meeting, ..
        } => Problem::StaleMinutesLine {
            position,
            meeting,
            had,
            now,
        },
        Problem::Stale { what, .. } => Problem::Stale { what, had, now },
        other => other,
    })
}

/// Bump the version of a record that the caller read at `expected` (None: whatever
/// is there now, for transitions checked inside the same transaction). A record that
/// changed meanwhile is a conflict, never a silent overwrite.
pub(crate) fn bump_version(
    tx: &Transaction<'_>,
    r: RecordRef,
    expected: Option<i64>,
) -> Result<i64> {
    let table = r.kind.table();
    let current: i64 = tx
        .query_row(
            &format!("SELECT version FROM {table} WHERE id = ?1"),
            [r.id],
            |row| row.get(0),
        )
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(r.to_string()),
            e => e.into(),
        })?;
    if let Some(want) = expected
        && want != current
    {
        return Err(stale(
            &Problem::Stale {
                what: r.to_string(),
                had: 0,
                now: 0,
            },
            want,
            current,
        ));
    }
    tx.execute(
        &format!("UPDATE {table} SET version = version + 1, updated_at = ?2 WHERE id = ?1"),
        rusqlite::params![r.id, now_stamp()],
    )?;
    Ok(current + 1)
}

/// A part of a meeting with a version of its own, as the caller's change found it.
pub(crate) struct Part {
    /// How a conflict names it (agenda item 2 "Verkeer" of M-5): a Stale kind.
    pub what: Problem,
    /// Its version now; `None` when it is not there (someone not on a list).
    pub version: Option<i64>,
    /// The conflict when it was there when read and is gone now.
    pub gone: Option<Problem>,
}

impl Part {
    /// A part that is there, at `version`.
    pub fn at(what: Problem, version: i64) -> Part {
        Part {
            what,
            version: Some(version),
            gone: None,
        }
    }

    /// Read at `expected` and changed (or gone) since: a conflict. Version 0 is a part
    /// the caller saw as not there, and that still is not.
    fn check(&self, expected: Option<i64>) -> Result<()> {
        let Some(want) = expected else {
            return Ok(());
        };
        match self.version {
            Some(now) if now == want => Ok(()),
            Some(now) => Err(stale(&self.what, want, now)),
            None if want == 0 => Ok(()),
            None => match &self.gone {
                Some(p) => Err(StoreError::Conflict(p.clone())),
                None => Err(stale(&self.what, want, 0)),
            },
        }
    }
}

/// What a change to a part wrote: the value to return, and the audit row for the
/// record it belongs to (`None`: nothing changed, nothing to tell).
pub(crate) struct Written<R> {
    pub value: R,
    pub audit: Option<(&'static str, Value)>,
}

impl<R> Written<R> {
    pub fn logged(value: R, action: &'static str, changes: Value) -> Self {
        Written {
            value,
            audit: Some((action, changes)),
        }
    }

    pub fn nothing(value: R) -> Self {
        Written { value, audit: None }
    }
}

/// Change a part of record `owner`: compare the part's version with `expected`,
/// apply the change (which writes the part and bumps its version), and write the
/// owner's audit row.
pub(crate) fn update_part<R>(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    owner: RecordRef,
    part: &Part,
    expected: Option<i64>,
    apply: impl FnOnce() -> Result<Written<R>>,
) -> Result<R> {
    part.check(expected)?;
    let written = apply()?;
    if let Some((action, changes)) = written.audit {
        audit::log(tx, ctx, owner, action, changes)?;
    }
    Ok(written.value)
}

/// Where an edit of an organisation or a person comes from: someone editing (every
/// save is a change, audited as "update") or a CSV import (a row that changes nothing
/// is not written; the rest is audited as "import").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Edit,
    Import,
}

impl Origin {
    /// The change to write for a record that became `after` from `before`.
    pub fn change<'a, T: PartialEq>(self, before: &T, after: &T) -> Change<'a, T> {
        match self {
            Origin::Edit => Change::new("update"),
            Origin::Import if before == after => Change::unchanged(),
            Origin::Import => Change::new("import"),
        }
    }
}

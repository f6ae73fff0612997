//! Correcting a signal: its title, text, organisation, district, neighbourhood and
//! theme, as one versioned update. The audit row keeps every changed field in full
//! (old and new), the timeline says in one line what changed from what to what, and
//! everything derived from these fields follows in the same transaction: the search
//! index and the kept figures by trigger, the loop report's facts as generated
//! columns.

use super::signal_record::Signal;
use super::timeline::Event;
use super::versioned::{self, Change};
use super::{Ctx, Result, Store, invalid, vocab};
use crate::domain::Problem;
use crate::domain::text::{self, one_line};
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required};
use rusqlite::{Transaction, params};

/// What to change; `None` keeps a field. A blank district, neighbourhood or theme
/// clears it; a signal always keeps an organisation once it has one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignalEdit {
    pub title: Option<String>,
    pub body: Option<String>,
    pub org_id: Option<i64>,
    pub district: Option<String>,
    pub neighbourhood: Option<String>,
    pub theme: Option<String>,
}

impl SignalEdit {
    pub fn is_empty(&self) -> bool {
        *self == SignalEdit::default()
    }
}

/// A value for the timeline: quoted text shortened to one line, or "-" for none.
fn shown(v: Option<&str>) -> String {
    match v {
        Some(v) if !v.trim().is_empty() => format!("\"{}\"", one_line(v, 60)),
        _ => "-".to_string(),
    }
}

fn org_name(tx: &Transaction<'_>, id: Option<i64>) -> Result<Option<String>> {
    match id {
        Some(id) => Ok(Some(super::orgs::get(tx, id)?.name)),
        None => Ok(None),
    }
}

/// The names of the fields that differ between two readings of a signal, in the
/// order the timeline names them.
pub fn signal_edit_fields(before: &Signal, after: &Signal) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (name, differs) in [
        ("title", before.title != after.title),
        ("text", before.body != after.body),
        ("organisation", before.org_id != after.org_id),
        ("district", before.district != after.district),
        ("neighbourhood", before.neighbourhood != after.neighbourhood),
        ("theme", before.theme != after.theme),
    ] {
        if differs {
            out.push(name);
        }
    }
    out
}

pub(crate) fn edit_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    edit: SignalEdit,
    expected: Option<i64>,
) -> Result<Signal> {
    versioned::update(tx, ctx, id, expected, |before: &Signal| {
        let mut after = before.clone();
        if let Some(t) = &edit.title {
            after.title = text::clean_line(&required(t, crate::domain::Field::SignalTitle)?);
        }
        if let Some(b) = &edit.body {
            after.body = text::clean_text(b);
        }
        if let Some(o) = edit.org_id {
            super::exists(tx, RecordRef::new(RecordKind::Organisation, o))?;
            after.org_id = Some(o);
        }
        if let Some(d) = &edit.district {
            after.district = vocab::accept(tx, ctx, TermKind::District, Some(d), None)?;
        }
        if let Some(n) = &edit.neighbourhood {
            after.neighbourhood = vocab::accept(
                tx,
                ctx,
                TermKind::Neighbourhood,
                Some(n),
                after.district.as_deref(),
            )?;
        }
        if let Some(t) = &edit.theme {
            after.theme = vocab::accept(tx, ctx, TermKind::Theme, Some(t), None)?;
        }
        let mut changes: Vec<String> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut note = |name: &'static str, old: String, new: String| {
            names.push(name);
            changes.push(format!("{name} {old} → {new}"));
        };
        if after.title != before.title {
            note(
                "title",
                shown(Some(&before.title)),
                shown(Some(&after.title)),
            );
        }
        if after.body != before.body {
            note("text", shown(Some(&before.body)), shown(Some(&after.body)));
        }
        if after.org_id != before.org_id {
            note(
                "organisation",
                shown(org_name(tx, before.org_id)?.as_deref()),
                shown(org_name(tx, after.org_id)?.as_deref()),
            );
        }
        for (name, old, new) in [
            ("district", &before.district, &after.district),
            ("neighbourhood", &before.neighbourhood, &after.neighbourhood),
            ("theme", &before.theme, &after.theme),
        ] {
            if old != new {
                note(name, shown(old.as_deref()), shown(new.as_deref()));
            }
        }
        if changes.is_empty() {
            return Err(invalid(Problem::NothingToChange {
                reference: before.reference().to_string(),
            }));
        }
        tx.execute(
            "UPDATE signal SET title = ?2, body = ?3, org_id = ?4, district = ?5, neighbourhood = ?6, theme = ?7
              WHERE id = ?1",
            params![
                id,
                after.title,
                after.body,
                after.org_id,
                after.district,
                after.neighbourhood,
                after.theme
            ],
        )?;
        let detail = format!("{}: {}", names.join(", "), changes.join("; "));
        Ok(Change::new("edit").timeline(Event::note(id, "edited", detail)))
    })
}

impl Store {
    /// Correct a signal's fields against the version the editor read: a change made
    /// meanwhile is a conflict, and an edit that changes nothing is refused.
    pub fn edit_signal(
        &mut self,
        id: i64,
        edit: SignalEdit,
        expected_version: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| edit_tx(tx, ctx, id, edit, expected_version))
    }
}

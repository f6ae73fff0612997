//! A meeting's agenda: its items, added, renamed, moved and deleted.

use super::{Meeting, change_action, get};
use crate::domain::Problem;
use crate::domain::{required, text};
use crate::store::labels;
use crate::store::versioned::{self, Part, Written};
use crate::store::{OptionalExt, Result, Store, audit, invalid};
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    pub position: i64,
    pub title: String,
    /// Renaming, moving or deleting names the version read; moving bumps both items.
    pub version: i64,
}

/// A step of an agenda item up or down the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaMove {
    Up,
    Down,
}

/// An agenda item with the meeting it belongs to.
pub(crate) fn agenda_item(conn: &Connection, item_id: i64) -> Result<(Meeting, AgendaItem)> {
    let found: Option<(i64, AgendaItem)> = conn
        .query_row(
            "SELECT meeting_id, id, position, title, version FROM agenda_item WHERE id = ?1",
            [item_id],
            |r| {
                Ok((
                    r.get(0)?,
                    AgendaItem {
                        id: r.get(1)?,
                        position: r.get(2)?,
                        title: r.get(3)?,
                        version: r.get(4)?,
                    },
                ))
            },
        )
        .optional()?;
    let (meeting_id, item) =
        found.ok_or_else(|| invalid(Problem::AgendaItemMissing { item: item_id }))?;
    Ok((get(conn, meeting_id)?, item))
}

pub(crate) fn agenda_of(conn: &Connection, meeting_id: i64) -> Result<Vec<AgendaItem>> {
    let mut st = conn.prepare_cached(
        "SELECT id, position, title, version FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok(AgendaItem {
            id: r.get(0)?,
            position: r.get(1)?,
            title: r.get(2)?,
            version: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Append an agenda item at the end; the caller logs it.
pub(crate) fn append_agenda_item(
    tx: &Transaction<'_>,
    meeting_id: i64,
    title: &str,
) -> Result<AgendaItem> {
    let title = text::clean_line(&required(title, crate::domain::Field::AgendaTitle)?);
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO agenda_item (meeting_id, position, title) VALUES (?1, ?2, ?3)",
        params![meeting_id, position, title],
    )?;
    Ok(AgendaItem {
        id: tx.last_insert_rowid(),
        position,
        title,
        version: 1,
    })
}

/// How the history names an agenda item: `agenda item 2 "Verkeer"`.
pub(crate) fn agenda_label(item: &AgendaItem) -> String {
    labels::agenda_label(item.position, &item.title)
}

/// An agenda item as a version conflict names it.
fn item_part(m: &Meeting, item: &AgendaItem) -> Part {
    Part::at(
        Problem::StaleAgendaItem {
            position: item.position,
            title: item.title.clone(),
            meeting: m.reference().to_string(),
            had: 0,
            now: 0,
        },
        item.version,
    )
}

fn bump_item(tx: &Transaction<'_>, item_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE agenda_item SET version = version + 1 WHERE id = ?1",
        [item_id],
    )?;
    Ok(())
}

/// Number the agenda 1, 2, 3, … in its current order.
fn renumber_agenda(tx: &Transaction<'_>, meeting_id: i64) -> Result<()> {
    for (i, item) in agenda_of(tx, meeting_id)?.iter().enumerate() {
        let want = i as i64 + 1;
        if item.position != want {
            tx.execute(
                "UPDATE agenda_item SET position = ?2, version = version + 1 WHERE id = ?1",
                params![item.id, want],
            )?;
        }
    }
    Ok(())
}

impl Store {
    pub fn agenda(&self, id: i64) -> Result<Vec<AgendaItem>> {
        agenda_of(&self.conn, id)
    }

    /// Add an agenda item at the end of the agenda.
    pub fn add_agenda_item(&mut self, meeting_id: i64, title: &str) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let m = get(tx, meeting_id)?;
            super::ensure_not_cancelled(&m)?;
            let item = append_agenda_item(tx, meeting_id, title)?;
            audit::log(
                tx,
                ctx,
                m.reference(),
                change_action(&m, "agenda"),
                serde_json::json!({ agenda_label(&item): "added" }),
            )?;
            Ok(item)
        })
    }

    /// Rename an agenda item; `expected` is the item's version the caller read.
    pub fn rename_agenda_item(
        &mut self,
        item_id: i64,
        title: &str,
        expected: Option<i64>,
    ) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let (m, before) = agenda_item(tx, item_id)?;
            super::ensure_not_cancelled(&m)?;
            versioned::update_part(tx, ctx, m.reference(), &item_part(&m, &before), expected, || {
                let title = text::clean_line(&required(title, crate::domain::Field::AgendaTitle)?);
                tx.execute(
                    "UPDATE agenda_item SET title = ?2, version = version + 1 WHERE id = ?1",
                    params![item_id, title],
                )?;
                let changes = serde_json::json!({ format!("agenda item {}", before.position): [before.title, title] });
                Ok(Written::logged(
                    AgendaItem {
                        title,
                        version: before.version + 1,
                        ..before.clone()
                    },
                    change_action(&m, "agenda"),
                    changes,
                ))
            })
        })
    }

    /// Move an agenda item one place up or down. Returns false (and changes nothing)
    /// when it is first (up) or last (down) already. `expected` is the item's version
    /// the caller read; the item it trades places with changes version too.
    pub fn move_agenda_item(
        &mut self,
        item_id: i64,
        dir: AgendaMove,
        expected: Option<i64>,
    ) -> Result<bool> {
        self.write(|tx, ctx| {
            let (m, item) = agenda_item(tx, item_id)?;
            super::ensure_not_cancelled(&m)?;
            versioned::update_part(tx, ctx, m.reference(), &item_part(&m, &item), expected, || {
                let agenda = agenda_of(tx, m.id)?;
                let at = agenda
                    .iter()
                    .position(|a| a.id == item_id)
                    .ok_or_else(|| invalid(Problem::AgendaItemMissing { item: item_id }))?;
                let other = match dir {
                    AgendaMove::Up if at > 0 => at - 1,
                    AgendaMove::Down if at + 1 < agenda.len() => at + 1,
                    _ => return Ok(Written::nothing(false)),
                };
                bump_item(tx, item_id)?;
                bump_item(tx, agenda[other].id)?;
                let mut order: Vec<i64> = agenda.iter().map(|a| a.id).collect();
                order.swap(at, other);
                for (i, id) in order.iter().enumerate() {
                    tx.execute(
                        "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
                        params![id, i as i64 + 1],
                    )?;
                }
                Ok(Written::logged(
                    true,
                    change_action(&m, "agenda"),
                    serde_json::json!({ format!("agenda item \"{}\" position", item.title): [at + 1, other + 1] }),
                ))
            })
        })
    }

    /// Delete an agenda item. Refused while minutes lines, actions or commitments hang
    /// under it: move those lines to another item first. `expected` is the item's
    /// version the caller read.
    pub fn delete_agenda_item(
        &mut self,
        item_id: i64,
        expected: Option<i64>,
    ) -> Result<AgendaItem> {
        self.write(|tx, ctx| {
            let (m, item) = agenda_item(tx, item_id)?;
            super::ensure_not_cancelled(&m)?;
            versioned::update_part(
                tx,
                ctx,
                m.reference(),
                &item_part(&m, &item),
                expected,
                || {
                    let lines: i64 = tx.query_row(
                        "SELECT count(*) FROM minute WHERE agenda_item_id = ?1",
                        [item_id],
                        |r| r.get(0),
                    )?;
                    if lines > 0 {
                        return Err(invalid(Problem::AgendaItemHasLines {
                            position: item.position,
                            title: item.title.clone(),
                            lines,
                        }));
                    }
                    let mut st = tx.prepare(
                        "SELECT 'A-' || id FROM action WHERE agenda_item_id = ?1
                     UNION ALL SELECT 'C-' || id FROM commitment WHERE agenda_item_id = ?1",
                    )?;
                    let records: Vec<String> = st
                        .query_map([item_id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    if !records.is_empty() {
                        return Err(invalid(Problem::AgendaItemIsSource {
                            position: item.position,
                            title: item.title.clone(),
                            records,
                        }));
                    }
                    tx.execute("DELETE FROM agenda_item WHERE id = ?1", [item_id])?;
                    renumber_agenda(tx, m.id)?;
                    let changes = serde_json::json!({ agenda_label(&item): "deleted" });
                    Ok(Written::logged(
                        item.clone(),
                        change_action(&m, "agenda"),
                        changes,
                    ))
                },
            )
        })
    }
}

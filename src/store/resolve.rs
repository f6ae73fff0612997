//! Turning what a user typed (an ID, a unique prefix of a name, a username, a
//! service's short name) into a record.

use super::{OptionalExt, Result, Store, StoreError, invalid};
use crate::domain::minutes::{PrefixMatch, match_prefix};
use crate::domain::{RecordKind, RecordRef};
use rusqlite::Connection;
use serde::Serialize;

/// Who is responsible: a person, a service (organisation), or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Owner {
    pub person_id: Option<i64>,
    pub org_id: Option<i64>,
}

fn looks_like_id(input: &str, kind: RecordKind) -> Option<i64> {
    RecordRef::parse(input, Some(kind)).ok().map(|r| r.id)
}

fn ambiguous(what: &str, input: &str, names: Vec<String>) -> StoreError {
    let shown: Vec<String> = names.into_iter().take(5).collect();
    invalid(format!(
        "\"{input}\" matches more than one {what}: {}; type more of the name",
        shown.join(", ")
    ))
}

pub(crate) fn org_id(conn: &Connection, input: &str) -> Result<i64> {
    if let Some(id) = looks_like_id(input, RecordKind::Organisation) {
        super::exists(conn, RecordRef::new(RecordKind::Organisation, id))?;
        return Ok(id);
    }
    let mut st = conn.prepare_cached("SELECT id, name, short_name FROM organisation")?;
    let rows: Vec<(i64, String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // A short name (DSO) typed in full wins.
    if let Some((id, _, _)) = rows.iter().find(|(_, _, s)| {
        s.as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case(input.trim()))
    }) {
        return Ok(*id);
    }
    match match_prefix(input, rows.iter().map(|(id, n, _)| (n.as_str(), *id))) {
        PrefixMatch::Unique(id) => Ok(id),
        PrefixMatch::Ambiguous(names) => Err(ambiguous("organisation", input, names)),
        PrefixMatch::None => Err(invalid(format!(
            "no organisation matches \"{input}\" (give O-7 or part of its name)"
        ))),
    }
}

pub(crate) fn person_id(conn: &Connection, input: &str) -> Result<i64> {
    if let Some(id) = looks_like_id(input, RecordKind::Person) {
        super::exists(conn, RecordRef::new(RecordKind::Person, id))?;
        return Ok(id);
    }
    let mut st =
        conn.prepare_cached("SELECT id, name, username FROM person WHERE erased_at IS NULL")?;
    let rows: Vec<(i64, String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some((id, _, _)) = rows.iter().find(|(_, _, u)| {
        u.as_deref()
            .is_some_and(|u| u.eq_ignore_ascii_case(input.trim()))
    }) {
        return Ok(*id);
    }
    match match_prefix(input, rows.iter().map(|(id, n, _)| (n.as_str(), *id))) {
        PrefixMatch::Unique(id) => Ok(id),
        PrefixMatch::Ambiguous(names) => Err(ambiguous("person", input, names)),
        PrefixMatch::None => Err(invalid(format!(
            "no person matches \"{input}\" (give P-4, a username or part of the name)"
        ))),
    }
}

/// An owner: P-4, a person's username or name, a service's short name or O-7.
pub(crate) fn owner(conn: &Connection, input: &str) -> Result<Owner> {
    let t = input.trim().trim_start_matches('@');
    if let Some(id) =
        looks_like_id(t, RecordKind::Organisation).filter(|_| t.to_uppercase().starts_with('O'))
    {
        return Ok(Owner {
            person_id: None,
            org_id: Some(org_id(conn, &format!("O-{id}"))?),
        });
    }
    if t.to_uppercase().starts_with('P') && looks_like_id(t, RecordKind::Person).is_some() {
        let pid = person_id(conn, t)?;
        return Ok(Owner {
            person_id: Some(pid),
            org_id: person_service(conn, pid)?,
        });
    }
    // A service's short name (DSO, DSB) names the service.
    let service: Option<i64> = conn
        .query_row(
            "SELECT id FROM organisation WHERE kind = 'service' AND short_name = ?1 COLLATE NOCASE",
            [t],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| {
            if e == rusqlite::Error::QueryReturnedNoRows {
                Ok(None)
            } else {
                Err(e)
            }
        })?;
    if let Some(org) = service {
        return Ok(Owner {
            person_id: None,
            org_id: Some(org),
        });
    }
    let pid = person_id(conn, t).map_err(|e| match e {
        StoreError::Invalid(m) if m.starts_with("no person") => {
            invalid(format!("no person or service matches \"{t}\" (give P-4, a username, a name or a service such as DSO)"))
        }
        e => e,
    })?;
    Ok(Owner {
        person_id: Some(pid),
        org_id: person_service(conn, pid)?,
    })
}

/// The service a member of staff works for, if their organisation is a service.
fn person_service(conn: &Connection, pid: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT o.id FROM person p JOIN organisation o ON o.id = p.org_id WHERE p.id = ?1 AND o.kind = 'service'",
            [pid],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })?)
}

impl Store {
    pub fn resolve_org(&self, input: &str) -> Result<i64> {
        org_id(&self.conn, input)
    }

    pub fn resolve_person(&self, input: &str) -> Result<i64> {
        person_id(&self.conn, input)
    }

    pub fn resolve_owner(&self, input: &str) -> Result<Owner> {
        owner(&self.conn, input)
    }

    /// A short label for an owner: the person's name, the service's short name, or both.
    pub fn owner_label(&self, owner: Owner) -> Result<String> {
        owner_label(&self.conn, owner)
    }

    /// Who is working, for the screens' top bar: "Linda Jansen (linda)" when a person
    /// has the acting user's username, else the username itself.
    pub fn display_name(&self) -> Result<String> {
        let name: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM person WHERE username = ?1 COLLATE NOCASE AND erased_at IS NULL
                  ORDER BY id LIMIT 1",
                [self.user()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match name {
            Some(n) => format!("{n} ({})", self.user()),
            None => self.user().to_string(),
        })
    }

    /// The person whose username is the current user, for "mine".
    pub fn current_person(&self) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM person WHERE username = ?1 COLLATE NOCASE",
                [self.user()],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| {
                if e == rusqlite::Error::QueryReturnedNoRows {
                    Ok(None)
                } else {
                    Err(e)
                }
            })?)
    }
}

pub(crate) fn owner_label(conn: &Connection, owner: Owner) -> Result<String> {
    let person: Option<String> = match owner.person_id {
        Some(p) => {
            Some(conn.query_row("SELECT name FROM person WHERE id = ?1", [p], |r| r.get(0))?)
        }
        None => None,
    };
    let service: Option<String> = match owner.org_id {
        Some(o) => Some(conn.query_row(
            "SELECT coalesce(short_name, name) FROM organisation WHERE id = ?1",
            [o],
            |r| r.get(0),
        )?),
        None => None,
    };
    Ok(match (person, service) {
        (Some(p), Some(s)) => format!("{p} ({s})"),
        (Some(p), None) => p,
        (None, Some(s)) => s,
        (None, None) => String::new(),
    })
}

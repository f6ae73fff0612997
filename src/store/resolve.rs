//! Turning what a user typed (an ID, a unique prefix of a name, a username, a
//! service's short name) into a record.

use super::{OptionalExt, Result, Store, StoreError, invalid};
use crate::domain::minutes::{PrefixMatch, match_prefix};
use crate::domain::org::OrgKind;
use crate::domain::owner::{Candidate, is_eligible, may_own};
use crate::domain::{Problem, RecordKind, RecordRef};
use rusqlite::Connection;
use serde::Serialize;

pub use crate::domain::owner::Owner;

fn looks_like_id(input: &str, kind: RecordKind) -> Option<i64> {
    RecordRef::parse(input, Some(kind)).ok().map(|r| r.id)
}

fn ambiguous(kind: RecordKind, input: &str, names: Vec<String>) -> StoreError {
    let shown: Vec<String> = names.into_iter().take(5).collect();
    invalid(Problem::Ambiguous {
        input: input.to_string(),
        kind,
        shown,
    })
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
        PrefixMatch::Ambiguous(names) => Err(ambiguous(RecordKind::Organisation, input, names)),
        PrefixMatch::None => Err(invalid(Problem::NoOrgMatches {
            input: input.to_string(),
        })),
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
        PrefixMatch::Ambiguous(names) => Err(ambiguous(RecordKind::Person, input, names)),
        PrefixMatch::None => Err(invalid(Problem::NoPersonMatches {
            input: input.to_string(),
        })),
    }
}

/// Someone who might own work, with what the rule and the pickers need.
struct Known {
    reference: RecordRef,
    name: String,
    /// A person's username, a service's short name.
    handle: Option<String>,
    role: String,
    /// A person's organisation: name and kind.
    org: Option<(String, OrgKind)>,
    /// An organisation's own kind.
    kind: Option<OrgKind>,
    erased: bool,
}

impl Known {
    fn candidate(&self) -> Candidate<'_> {
        match self.kind {
            Some(kind) => Candidate::Organisation {
                reference: self.reference,
                name: &self.name,
                kind,
            },
            None => Candidate::Person {
                reference: self.reference,
                name: &self.name,
                org: self.org.as_ref().map(|(n, k)| (n.as_str(), *k)),
                erased: self.erased,
            },
        }
    }

    fn eligible(&self) -> bool {
        is_eligible(&self.candidate())
    }

    fn refusal(&self) -> Option<StoreError> {
        may_own(&self.candidate()).err().map(StoreError::Refused)
    }

    fn shown(&self) -> String {
        format!("{} ({})", self.name, self.reference)
    }

    /// As an owner: a service, or a person with their service when they work for one.
    fn owner(&self) -> Owner {
        match self.kind {
            Some(_) => Owner {
                person_id: None,
                org_id: Some(self.reference.id),
            },
            None => Owner {
                person_id: Some(self.reference.id),
                org_id: None,
            },
        }
    }
}

fn kind_of(code: Option<String>) -> Option<OrgKind> {
    code.as_deref().and_then(OrgKind::from_code)
}

const PERSON_SQL: &str =
    "SELECT p.id, p.name, p.username, p.role, p.erased_at IS NOT NULL, o.name, o.kind
                            FROM person p LEFT JOIN organisation o ON o.id = p.org_id";
const ORG_SQL: &str = "SELECT id, name, short_name, kind FROM organisation";

fn person_row(r: &rusqlite::Row) -> rusqlite::Result<Known> {
    let org_name: Option<String> = r.get(5)?;
    let org_kind = kind_of(r.get(6)?);
    Ok(Known {
        reference: RecordRef::new(RecordKind::Person, r.get(0)?),
        name: r.get(1)?,
        handle: r.get(2)?,
        role: r.get(3)?,
        erased: r.get(4)?,
        org: org_name.zip(org_kind),
        kind: None,
    })
}

fn org_row(r: &rusqlite::Row) -> rusqlite::Result<Known> {
    Ok(Known {
        reference: RecordRef::new(RecordKind::Organisation, r.get(0)?),
        name: r.get(1)?,
        handle: r.get(2)?,
        role: String::new(),
        org: None,
        kind: Some(kind_of(r.get(3)?).unwrap_or(OrgKind::Residents)),
        erased: false,
    })
}

/// Everyone who might be named as an owner: people not erased, and organisations.
fn everyone(conn: &Connection) -> Result<Vec<Known>> {
    let mut out: Vec<Known> = conn
        .prepare_cached(ORG_SQL)?
        .query_map([], org_row)?
        .collect::<rusqlite::Result<_>>()?;
    // Unordered: sorting thousands of names in SQL cost more than all the rest.
    let mut st = conn.prepare_cached(&format!("{PERSON_SQL} WHERE p.erased_at IS NULL"))?;
    let people = st.query_map([], person_row)?;
    for p in people {
        out.push(p?);
    }
    Ok(out)
}

/// One record by its ID, or NotFound.
fn known(conn: &Connection, r: RecordRef) -> Result<Known> {
    let found = match r.kind {
        RecordKind::Person => conn
            .query_row(&format!("{PERSON_SQL} WHERE p.id = ?1"), [r.id], person_row)
            .optional()?,
        _ => conn
            .query_row(&format!("{ORG_SQL} WHERE id = ?1"), [r.id], org_row)
            .optional()?,
    };
    found.ok_or_else(|| StoreError::NotFound(r.to_string()))
}

fn with_service(conn: &Connection, k: &Known) -> Result<Owner> {
    let mut o = k.owner();
    if let Some(pid) = o.person_id {
        o.org_id = person_service(conn, pid)?;
    }
    Ok(o)
}

/// An owner: P-4 or O-7, a person's username, a service's short name, or a unique
/// prefix of the name of a member of staff or a service. Only those who may own work
/// (the domain's rule) are matched; naming anyone else is refused with the reason, and
/// a name that fits several is refused with the candidates.
pub(crate) fn owner(conn: &Connection, input: &str) -> Result<Owner> {
    match find_owner(conn, input)? {
        Found::Owner(o) => Ok(o),
        Found::NotAnOwner(_, why) => Err(why),
    }
}

/// An owner to filter lists by: as [`owner`], but someone who may not own work is
/// still found, so that records given such an owner before the rule stay findable.
pub(crate) fn owner_filter(conn: &Connection, input: &str) -> Result<Owner> {
    match find_owner(conn, input)? {
        Found::Owner(o) | Found::NotAnOwner(o, _) => Ok(o),
    }
}

/// What a typed owner names: one who may own, or one who may not, with the reason.
enum Found {
    Owner(Owner),
    NotAnOwner(Owner, StoreError),
}

fn find_owner(conn: &Connection, input: &str) -> Result<Found> {
    let t = input.trim().trim_start_matches('@').trim();
    if t.is_empty() {
        return Err(invalid(Problem::OwnerNeeded));
    }
    for kind in [RecordKind::Person, RecordKind::Organisation] {
        if t.to_uppercase().starts_with(kind.letter())
            && let Some(id) = looks_like_id(t, kind)
        {
            let k = known(conn, RecordRef::new(kind, id))?;
            return found(conn, &k);
        }
    }
    // A username or a service's short name typed in full, the eligible first: looked
    // up directly, since minutes tokens are mostly these and are checked as typed.
    let mut by_handle: Vec<Known> = conn
        .prepare_cached(&format!(
            "{PERSON_SQL} WHERE p.erased_at IS NULL AND p.username = ?1 COLLATE NOCASE"
        ))?
        .query_map([t], person_row)?
        .collect::<rusqlite::Result<_>>()?;
    let orgs = conn
        .prepare_cached(&format!("{ORG_SQL} WHERE short_name = ?1 COLLATE NOCASE"))?
        .query_map([t], org_row)?
        .collect::<rusqlite::Result<Vec<Known>>>()?;
    by_handle.extend(orgs);
    by_handle.sort_by_key(|k| !k.eligible());
    if let Some(k) = by_handle.first() {
        return found(conn, k);
    }
    let all = everyone(conn)?;
    let (eligible, others): (Vec<&Known>, Vec<&Known>) = all.iter().partition(|k| k.eligible());
    let matching = |list: &[&Known]| -> Vec<usize> {
        match match_prefix(
            t,
            list.iter().enumerate().map(|(i, k)| (k.name.as_str(), i)),
        ) {
            PrefixMatch::Unique(i) => vec![i],
            PrefixMatch::Ambiguous(names) => {
                let names: std::collections::HashSet<&str> =
                    names.iter().map(String::as_str).collect();
                (0..list.len())
                    .filter(|&i| names.contains(list[i].name.as_str()))
                    .collect()
            }
            PrefixMatch::None => Vec::new(),
        }
    };
    let hits = matching(&eligible);
    match hits.as_slice() {
        [i] => return found(conn, eligible[*i]),
        [] => {}
        many => {
            let shown = first_five(&eligible, many);
            let more = many.len().saturating_sub(5);
            return Err(invalid(Problem::OwnerAmbiguous {
                input: t.to_string(),
                shown,
                more,
            }));
        }
    }
    // Nobody who may own: say why when the name is someone else's.
    let people = others;
    match matching(&people).as_slice() {
        [i] => found(conn, people[*i]),
        [] => Err(invalid(Problem::NoOwnerMatches {
            input: t.to_string(),
        })),
        many => {
            let shown = first_five(&people, many);
            Err(invalid(Problem::OnlyIneligibleOwners {
                input: t.to_string(),
                shown,
            }))
        }
    }
}

/// The first five candidates by name, for a message.
fn first_five(list: &[&Known], hits: &[usize]) -> Vec<String> {
    let mut hits: Vec<&Known> = hits.iter().map(|&i| list[i]).collect();
    hits.sort_by(|a, b| {
        (a.name.to_lowercase(), a.reference.id).cmp(&(b.name.to_lowercase(), b.reference.id))
    });
    hits.iter().take(5).map(|k| k.shown()).collect()
}

fn found(conn: &Connection, k: &Known) -> Result<Found> {
    let o = with_service(conn, k)?;
    Ok(match k.refusal() {
        None => Found::Owner(o),
        Some(why) => Found::NotAnOwner(o, why),
    })
}

/// Refuses an owner that the domain's rule does not allow (or that does not exist):
/// every write that sets an owner calls this, whatever resolved it.
pub(crate) fn check_owner(conn: &Connection, owner: Owner) -> Result<()> {
    let parts = [
        owner
            .person_id
            .map(|p| RecordRef::new(RecordKind::Person, p)),
        owner
            .org_id
            .map(|o| RecordRef::new(RecordKind::Organisation, o)),
    ];
    for r in parts.into_iter().flatten() {
        if let Some(e) = known(conn, r)?.refusal() {
            return Err(e);
        }
    }
    Ok(())
}

/// The service a member of staff works for, if their organisation is a service.
fn person_service(conn: &Connection, pid: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT o.id FROM person p JOIN organisation o ON o.id = p.org_id WHERE p.id = ?1 AND o.kind = 'service'",
            [pid],
            |r| r.get(0),
        )
        .optional()?)
}

/// One person or service that may own work: what an owner picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerChoice {
    /// `P-4` or `O-7`.
    pub reference: RecordRef,
    pub name: String,
    /// A person's username or a service's short name.
    pub handle: Option<String>,
    /// A person's role and organisation, comma-separated; empty for a service.
    pub detail: String,
    pub is_service: bool,
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

    /// An owner to filter lists by: anyone [`Store::resolve_owner`] finds, and also
    /// someone who may not own work (records from before the rule stay findable).
    pub fn resolve_owner_filter(&self, input: &str) -> Result<Owner> {
        owner_filter(&self.conn, input)
    }

    /// Everyone who may own work (services first, then staff by name): what owner
    /// pickers and `@` completion offer.
    pub fn owner_choices(&self) -> Result<Vec<OwnerChoice>> {
        let mut out: Vec<OwnerChoice> = everyone(&self.conn)?
            .into_iter()
            .filter(Known::eligible)
            .map(|k| OwnerChoice {
                reference: k.reference,
                detail: [Some(k.role.clone()), k.org.as_ref().map(|(n, _)| n.clone())]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                is_service: k.kind.is_some(),
                name: k.name,
                handle: k.handle.filter(|h| !h.is_empty()),
            })
            .collect();
        out.sort_by(|a, b| {
            (!a.is_service, a.name.to_lowercase(), a.reference.id).cmp(&(
                !b.is_service,
                b.name.to_lowercase(),
                b.reference.id,
            ))
        });
        Ok(out)
    }

    /// Refused with the reason when `owner` may not own work.
    pub fn check_owner(&self, owner: Owner) -> Result<()> {
        check_owner(&self.conn, owner)
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

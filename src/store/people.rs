//! People: contact persons of organisations and service staff (personal data).

use super::versioned::{self, Change, Origin, Versioned};
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, invalid, join_list, now_stamp, problem,
    split_list, vocab,
};
use crate::domain::Problem;
use crate::domain::person::check_contact;
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required, text};
use rusqlite::{Connection, Row, Transaction, params};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub org_id: Option<i64>,
    pub org_name: Option<String>,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub username: Option<String>,
    /// Districts and themes a member of staff covers (who-does-what).
    pub districts: Vec<String>,
    pub themes: Vec<String>,
    pub notes: String,
    pub erased: bool,
    pub version: i64,
}

impl Person {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Person, self.id)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NewPerson {
    pub name: String,
    pub org_id: Option<i64>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub username: Option<String>,
    pub districts: Vec<String>,
    pub themes: Vec<String>,
    pub notes: Option<String>,
}

/// A partial edit: `None` leaves a field as it is; `org_id: Some(None)` detaches.
#[derive(Debug, Clone, Default)]
pub struct PersonEdit {
    pub name: Option<String>,
    pub org_id: Option<Option<i64>>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub username: Option<String>,
    pub districts: Option<Vec<String>>,
    pub themes: Option<Vec<String>>,
    pub notes: Option<String>,
}

/// The people filter: name, role, organisation, e-mail user, districts, themes.
const PEOPLE_MATCH: &str = "?1 = '%%' OR p.name LIKE ?1 OR p.role LIKE ?1 OR o.name LIKE ?1
    OR o.short_name LIKE ?1 OR p.districts LIKE ?1 OR p.themes LIKE ?1 OR p.username LIKE ?1";

const SELECT: &str =
    "SELECT p.id, p.name, p.org_id, o.name, p.role, p.email, p.phone, p.username, p.districts,
                             p.themes, p.notes, p.erased_at IS NOT NULL, p.version
                      FROM person p LEFT JOIN organisation o ON o.id = p.org_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        org_id: r.get(2)?,
        org_name: r.get(3)?,
        role: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        username: r.get(7)?,
        districts: split_list(&r.get::<_, String>(8)?),
        themes: split_list(&r.get::<_, String>(9)?),
        notes: r.get(10)?,
        erased: r.get(11)?,
        version: r.get(12)?,
    })
}

fn opt_clean(s: Option<String>) -> Option<String> {
    s.map(|v| text::clean_line(&v).trim().to_string())
        .filter(|v| !v.is_empty())
}

fn validate(p: &Person) -> Result<()> {
    check_contact(p.email.as_deref(), p.phone.as_deref()).map_err(problem)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Person> {
    conn.query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Person, id).to_string()))
}

fn check_org(tx: &Transaction<'_>, org: Option<i64>) -> Result<()> {
    if let Some(o) = org {
        super::exists(tx, RecordRef::new(RecordKind::Organisation, o))?;
    }
    Ok(())
}

fn check_username(tx: &Transaction<'_>, username: &Option<String>, id: i64) -> Result<()> {
    if let Some(u) = username {
        let other: Option<i64> = tx
            .query_row(
                "SELECT id FROM person WHERE username = ?1 AND id != ?2",
                params![u, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(o) = other {
            return Err(invalid(Problem::UsernameTaken {
                username: u.to_string(),
                owner: RecordRef::new(RecordKind::Person, o).to_string(),
            }));
        }
    }
    Ok(())
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewPerson) -> Result<Person> {
    let name = text::clean_line(&required(&new.name, crate::domain::Field::PersonName)?);
    check_org(tx, new.org_id)?;
    let draft = Person {
        id: 0,
        name,
        org_id: new.org_id,
        org_name: None,
        role: new
            .role
            .map(|r| text::clean_line(&r).trim().to_string())
            .unwrap_or_default(),
        email: opt_clean(new.email),
        phone: opt_clean(new.phone),
        username: opt_clean(new.username),
        districts: vocab::accept_all(tx, ctx, TermKind::District, &new.districts, None)?,
        themes: vocab::accept_all(tx, ctx, TermKind::Theme, &new.themes, None)?,
        notes: new.notes.map(|n| text::clean_text(&n)).unwrap_or_default(),
        erased: false,
        version: 1,
    };
    validate(&draft)?;
    check_username(tx, &draft.username, 0)?;
    let now = now_stamp();
    tx.execute(
        "INSERT INTO person (name, org_id, role, email, phone, username, districts, themes, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            draft.name,
            draft.org_id,
            draft.role,
            draft.email,
            draft.phone,
            draft.username,
            join_list(&draft.districts),
            join_list(&draft.themes),
            draft.notes,
            now
        ],
    )?;
    versioned::created(tx, ctx, tx.last_insert_rowid(), Change::new("create"))
}

impl Versioned for Person {
    const KIND: RecordKind = RecordKind::Person;

    fn read(conn: &Connection, _ctx: &Ctx, id: i64) -> Result<Person> {
        get(conn, id)
    }
}

/// Change the fields `edit` gives, on person `id` read at `expected`: `person edit`,
/// the person form and a CSV import's matched row all come this way.
pub(crate) fn update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    edit: PersonEdit,
    expected: Option<i64>,
    origin: Origin,
) -> Result<Person> {
    versioned::update(tx, ctx, id, expected, |before: &Person| {
        if before.erased {
            return Err(invalid(Problem::ErasedNoEdit {
                reference: before.reference().to_string(),
            }));
        }
        let mut after = before.clone();
        if let Some(n) = edit.name {
            after.name = text::clean_line(&required(&n, crate::domain::Field::PersonName)?);
        }
        if let Some(o) = edit.org_id {
            check_org(tx, o)?;
            after.org_id = o;
        }
        if let Some(r) = edit.role {
            after.role = text::clean_line(&r).trim().to_string();
        }
        if let Some(e) = edit.email {
            after.email = opt_clean(Some(e));
        }
        if let Some(p) = edit.phone {
            after.phone = opt_clean(Some(p));
        }
        if let Some(u) = edit.username {
            after.username = opt_clean(Some(u));
        }
        if let Some(d) = edit.districts {
            after.districts = vocab::accept_all(tx, ctx, TermKind::District, &d, None)?;
        }
        if let Some(t) = edit.themes {
            after.themes = vocab::accept_all(tx, ctx, TermKind::Theme, &t, None)?;
        }
        if let Some(n) = edit.notes {
            after.notes = text::clean_text(&n);
        }
        validate(&after)?;
        check_username(tx, &after.username, id)?;
        let change = origin.change(before, &after);
        if change.is_unchanged() {
            return Ok(change);
        }
        tx.execute(
            "UPDATE person SET name = ?2, org_id = ?3, role = ?4, email = ?5, phone = ?6, username = ?7,
                    districts = ?8, themes = ?9, notes = ?10 WHERE id = ?1",
            params![
                id,
                after.name,
                after.org_id,
                after.role,
                after.email,
                after.phone,
                after.username,
                join_list(&after.districts),
                join_list(&after.themes),
                after.notes
            ],
        )?;
        Ok(change)
    })
}

impl Store {
    pub fn add_person(&mut self, new: NewPerson) -> Result<Person> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        get(&self.conn, id)
    }

    pub fn edit_person(
        &mut self,
        id: i64,
        edit: PersonEdit,
        expected_version: Option<i64>,
    ) -> Result<Person> {
        self.write(|tx, ctx| update(tx, ctx, id, edit, expected_version, Origin::Edit))
    }

    /// People whose name, role, organisation, district or theme contains `filter`.
    pub fn people(&self, filter: &str, org: Option<i64>, limit: usize) -> Result<Vec<Person>> {
        let like = format!("%{}%", filter.trim());
        // One organisation's people: a search on its index, not a walk of everyone.
        let range = if org.is_some() {
            "AND p.org_id = ?2"
        } else {
            ""
        };
        let mut st = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE (?1 = '%%' OR p.name LIKE ?1 OR p.role LIKE ?1 OR o.name LIKE ?1 OR o.short_name LIKE ?1
                             OR p.districts LIKE ?1 OR p.themes LIKE ?1 OR p.username LIKE ?1)
                      AND (?2 IS NULL OR p.org_id = ?2) {range}
             ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3"
        ))?;
        let rows = st.query_map(params![like, org, limit as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Up to `n` people after `after` (from the top when `None`), in name order, who
    /// match `filter` as in [`Store::people`]: a walk of the name index from the key.
    pub fn people_page(
        &self,
        filter: &str,
        after: Option<&Person>,
        n: usize,
    ) -> Result<Vec<Person>> {
        self.people_rows(filter, after, false, n)
    }

    /// Up to `n` people before `before` (the last `n` when `None`), in name order.
    pub fn people_page_before(
        &self,
        filter: &str,
        before: Option<&Person>,
        n: usize,
    ) -> Result<Vec<Person>> {
        let mut rows = self.people_rows(filter, before, true, n)?;
        rows.reverse();
        Ok(rows)
    }

    /// How many people match `filter`.
    pub fn people_count(&self, filter: &str) -> Result<usize> {
        let like = format!("%{}%", filter.trim());
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM person p LEFT JOIN organisation o ON o.id = p.org_id WHERE {PEOPLE_MATCH}"
            ))?
            .query_row([like], |r| r.get(0))?;
        Ok(n as usize)
    }

    fn people_rows(
        &self,
        filter: &str,
        key: Option<&Person>,
        backwards: bool,
        n: usize,
    ) -> Result<Vec<Person>> {
        let like = format!("%{}%", filter.trim());
        let (op, dir) = if backwards {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        let range = if key.is_some() {
            format!("AND (p.name COLLATE NOCASE, p.id) {op} (?2, ?3)")
        } else {
            "AND ?2 IS NULL AND ?3 IS NULL".into()
        };
        let mut st = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE ({PEOPLE_MATCH}) {range}
             ORDER BY p.name COLLATE NOCASE {dir}, p.id {dir} LIMIT ?4"
        ))?;
        let rows = st.query_map(
            params![
                like,
                key.map(|p| p.name.as_str()),
                key.map(|p| p.id),
                n as i64
            ],
            from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Who does what: staff who cover `district` and `theme` (either may be empty for
    /// "any"), people covering both first, then those covering all districts.
    pub fn who_does_what(&self, district: &str, theme: &str) -> Result<Vec<Person>> {
        let all = self.people("", None, usize::MAX >> 1)?;
        let d = district.trim().to_lowercase();
        let t = theme.trim().to_lowercase();
        let mut hits: Vec<(u8, Person)> = all
            .into_iter()
            .filter(|p| !p.erased && (!p.districts.is_empty() || !p.themes.is_empty()))
            .filter_map(|p| {
                let covers_d = d.is_empty() || p.districts.iter().any(|x| x.to_lowercase() == d);
                let any_d = p.districts.is_empty();
                let covers_t = t.is_empty() || p.themes.iter().any(|x| x.to_lowercase() == t);
                let any_t = p.themes.is_empty();
                if !(covers_d || any_d) || !(covers_t || any_t) {
                    return None;
                }
                // Exact cover ranks before "covers every district/theme".
                let rank = u8::from(!covers_d) + u8::from(!covers_t);
                Some((rank, p))
            })
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        Ok(hits.into_iter().map(|(_, p)| p).collect())
    }

    /// The kept lists of districts and themes, for pickers.
    pub fn districts_and_themes(&self) -> Result<(Vec<String>, Vec<String>)> {
        // The kept lists: a value that is on no list cannot be chosen.
        Ok((
            vocab::names(&self.conn, TermKind::District)?,
            vocab::names(&self.conn, TermKind::Theme)?,
        ))
    }
}

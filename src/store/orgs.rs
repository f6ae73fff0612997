//! Organisations: residents' organisations, municipal services and partners.

use super::versioned::{self, Change, Origin, Versioned};
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, date_str, invalid, join_list, now_stamp,
    parse_date_col, problem, split_list, vocab,
};
use crate::domain::Problem;
use crate::domain::org::{
    DEFAULT_CADENCE, LOAD_THRESHOLD, cadence_overdue, check_cadence, check_email, parse_kind,
};
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, Row, Transaction, params};
use serde::{Deserialize, Serialize};

pub use crate::domain::org::OrgKind;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: OrgKind,
    pub district: Option<String>,
    pub neighbourhoods: Vec<String>,
    pub email: Option<String>,
    pub cadence_per_year: i64,
    pub notes: String,
    pub version: i64,
}

impl Organisation {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Organisation, self.id)
    }

    /// The short name where there is one (DSO), else the name.
    pub fn label(&self) -> &str {
        self.short_name
            .as_deref()
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.name)
    }
}

/// One organisation with the figures its list row shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgSummary {
    #[serde(flatten)]
    pub org: Organisation,
    pub open_signals: i64,
    pub open_commitments: i64,
    /// The last held or final meeting it attended (or was invited to, attendance not taken).
    pub last_meeting: Option<NaiveDate>,
    /// The last meeting or feedback on one of its signals, whichever is later.
    pub last_contact: Option<NaiveDate>,
    /// Not met within its cadence: counts meetings only ("om de tafel"), never feedback.
    pub cadence_overdue: bool,
    /// Meetings and signals in the last 90 days.
    pub load: i64,
    pub over_load: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct NewOrg {
    pub name: String,
    pub short_name: Option<String>,
    pub kind: Option<String>,
    pub district: Option<String>,
    pub neighbourhoods: Vec<String>,
    pub email: Option<String>,
    pub cadence_per_year: Option<i64>,
    pub notes: Option<String>,
}

/// A partial edit: `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct OrgEdit {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub kind: Option<String>,
    pub district: Option<String>,
    pub neighbourhoods: Option<Vec<String>>,
    pub email: Option<String>,
    pub cadence_per_year: Option<i64>,
    pub notes: Option<String>,
}

const COLS: &str =
    "id, name, short_name, kind, district, neighbourhoods, email, cadence_per_year, notes, version";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Organisation> {
    let kind: String = r.get(3)?;
    Ok(Organisation {
        id: r.get(0)?,
        name: r.get(1)?,
        short_name: r.get(2)?,
        kind: OrgKind::from_code(&kind).unwrap_or(OrgKind::Residents),
        district: r.get(4)?,
        neighbourhoods: split_list(&r.get::<_, String>(5)?),
        email: r.get(6)?,
        cadence_per_year: r.get(7)?,
        notes: r.get(8)?,
        version: r.get(9)?,
    })
}

fn opt_clean(s: Option<String>) -> Option<String> {
    s.map(|v| text::clean_line(&v).trim().to_string())
        .filter(|v| !v.is_empty())
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Organisation> {
    conn.query_row(
        &format!("SELECT {COLS} FROM organisation WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Organisation, id).to_string()))
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewOrg) -> Result<Organisation> {
    let name = required(&new.name, crate::domain::Field::OrgName).map_err(StoreError::from)?;
    let name = text::clean_line(&name);
    let kind = parse_kind(new.kind.as_deref()).map_err(problem)?;
    let email = opt_clean(new.email);
    check_email(email.as_deref()).map_err(problem)?;
    let cadence = new.cadence_per_year.unwrap_or(DEFAULT_CADENCE);
    check_cadence(cadence).map_err(problem)?;
    let taken: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisation WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = taken {
        return Err(invalid(Problem::OrgNameTaken {
            name: name.to_string(),
            other: RecordRef::new(RecordKind::Organisation, id).to_string(),
        }));
    }
    let now = now_stamp();
    let district = vocab::accept(tx, ctx, TermKind::District, new.district.as_deref(), None)?;
    let neighbourhoods = vocab::accept_all(
        tx,
        ctx,
        TermKind::Neighbourhood,
        &new.neighbourhoods,
        district.as_deref(),
    )?;
    tx.execute(
        "INSERT INTO organisation (name, short_name, kind, district, neighbourhoods, email, cadence_per_year, notes,
                                   created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            name,
            opt_clean(new.short_name),
            kind.code(),
            district,
            join_list(&neighbourhoods),
            email,
            cadence,
            new.notes.map(|n| text::clean_text(&n)).unwrap_or_default(),
            now
        ],
    )?;
    versioned::created(tx, ctx, tx.last_insert_rowid(), Change::new("create"))
}

impl Versioned for Organisation {
    const KIND: RecordKind = RecordKind::Organisation;

    fn read(conn: &Connection, _ctx: &Ctx, id: i64) -> Result<Organisation> {
        get(conn, id)
    }
}

/// Change the fields `edit` gives, on organisation `id` read at `expected`: `org edit`,
/// the organisation form and a CSV import's matched row all come this way.
pub(crate) fn update(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    edit: OrgEdit,
    expected: Option<i64>,
    origin: Origin,
) -> Result<Organisation> {
    versioned::update(tx, ctx, id, expected, |before: &Organisation| {
        let mut after = before.clone();
        if let Some(n) = edit.name {
            after.name = text::clean_line(&required(&n, crate::domain::Field::OrgName)?);
            let clash: Option<i64> = tx
                .query_row(
                    "SELECT id FROM organisation WHERE name = ?1 AND id != ?2",
                    params![after.name, id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = clash {
                return Err(invalid(Problem::OrgNameTaken {
                    name: after.name.to_string(),
                    other: RecordRef::new(RecordKind::Organisation, other).to_string(),
                }));
            }
        }
        if let Some(s) = edit.short_name {
            after.short_name = opt_clean(Some(s));
        }
        if let Some(k) = edit.kind {
            after.kind = parse_kind(Some(&k)).map_err(problem)?;
        }
        if let Some(d) = edit.district {
            after.district = vocab::accept(tx, ctx, TermKind::District, Some(&d), None)?;
        }
        if let Some(n) = edit.neighbourhoods {
            after.neighbourhoods = vocab::accept_all(
                tx,
                ctx,
                TermKind::Neighbourhood,
                &n,
                after.district.as_deref(),
            )?;
        }
        if let Some(e) = edit.email {
            after.email = opt_clean(Some(e));
            check_email(after.email.as_deref()).map_err(problem)?;
        }
        if let Some(c) = edit.cadence_per_year {
            check_cadence(c).map_err(problem)?;
            after.cadence_per_year = c;
        }
        if let Some(n) = edit.notes {
            after.notes = text::clean_text(&n);
        }
        let change = origin.change(before, &after);
        if change.is_unchanged() {
            return Ok(change);
        }
        tx.execute(
            "UPDATE organisation SET name = ?2, short_name = ?3, kind = ?4, district = ?5, neighbourhoods = ?6,
                    email = ?7, cadence_per_year = ?8, notes = ?9 WHERE id = ?1",
            params![
                id,
                after.name,
                after.short_name,
                after.kind.code(),
                after.district,
                join_list(&after.neighbourhoods),
                after.email,
                after.cadence_per_year,
                after.notes
            ],
        )?;
        Ok(change)
    })
}

impl Store {
    pub fn add_org(&mut self, new: NewOrg) -> Result<Organisation> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn org(&self, id: i64) -> Result<Organisation> {
        get(&self.conn, id)
    }

    /// Edit the fields given; `expected_version` is the version the caller read.
    pub fn edit_org(
        &mut self,
        id: i64,
        edit: OrgEdit,
        expected_version: Option<i64>,
    ) -> Result<Organisation> {
        self.write(|tx, ctx| update(tx, ctx, id, edit, expected_version, Origin::Edit))
    }

    /// Organisations with their list figures, filtered by a case-insensitive text over
    /// name, short name, kind and district. Ordered by name.
    pub fn org_summaries(&self, filter: &str, limit: usize) -> Result<Vec<OrgSummary>> {
        self.org_page(filter, None, limit)
    }

    /// How many organisations the filter of [`Store::org_summaries`] lets through.
    pub fn org_count(&self, filter: &str) -> Result<usize> {
        let like = format!("%{}%", filter.trim());
        let n: i64 = self.conn.prepare_cached(
            "SELECT count(*) FROM organisation o
              WHERE ?1 = '%%' OR o.name LIKE ?1 OR o.short_name LIKE ?1 OR o.kind LIKE ?1 OR o.district LIKE ?1",
        )?
        .query_row([like], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Up to `n` organisations after `after` (a name; from the top when `None`), in
    /// name order: one range scan on the name index, however far down the list.
    pub fn org_page(&self, filter: &str, after: Option<&str>, n: usize) -> Result<Vec<OrgSummary>> {
        self.org_rows(filter, after, false, n)
    }

    /// Up to `n` organisations before `before` (from the end when `None`), in name order.
    pub fn org_page_before(
        &self,
        filter: &str,
        before: Option<&str>,
        n: usize,
    ) -> Result<Vec<OrgSummary>> {
        let mut rows = self.org_rows(filter, before, true, n)?;
        rows.reverse();
        Ok(rows)
    }

    /// The figures come from `org_figures` (kept by triggers, schema/006); only the
    /// load, which depends on today, is counted here, for the rows returned.
    fn org_rows(
        &self,
        filter: &str,
        from: Option<&str>,
        backwards: bool,
        n: usize,
    ) -> Result<Vec<OrgSummary>> {
        let today = self.today();
        let since = date_str(today - Duration::days(90));
        let like = format!("%{}%", filter.trim());
        let (bound, order) = if backwards {
            ("?5 IS NULL OR o.name < ?5", "DESC")
        } else {
            ("?5 IS NULL OR o.name > ?5", "ASC")
        };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {COLS}, coalesce(f.open_signals, 0), coalesce(f.open_commitments, 0), f.last_contact,
               (SELECT count(*) FROM meeting_org mo JOIN meeting m ON m.id = mo.meeting_id
                 WHERE mo.org_id = o.id AND m.cancelled_at IS NULL
                   AND substr(m.starts_at, 1, 10) >= ?2 AND substr(m.starts_at, 1, 10) <= ?3)
             + (SELECT count(*) FROM signal s INDEXED BY signal_org WHERE s.org_id = o.id AND s.received_on >= ?2),
               f.last_meeting
             FROM organisation o LEFT JOIN org_figures f ON f.org_id = o.id
             WHERE ({bound})
               AND (?1 = '%%' OR o.name LIKE ?1 OR o.short_name LIKE ?1 OR o.kind LIKE ?1 OR o.district LIKE ?1)
             ORDER BY o.name {order}
             LIMIT ?4"
        ))?;
        let rows = st.query_map(
            params![
                like,
                since,
                date_str(today),
                n.min(i64::MAX as usize) as i64,
                from
            ],
            |r| {
                let org = from_row(r)?;
                let last: Option<String> = r.get(12)?;
                let met: Option<String> = r.get(14)?;
                Ok((
                    org,
                    r.get::<_, i64>(10)?,
                    r.get::<_, i64>(11)?,
                    (last, met),
                    r.get::<_, i64>(13)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (org, open_signals, open_commitments, (last, met), load) = row?;
            let last_contact = last.map(|d| parse_date_col(&d));
            let last_meeting = met.map(|d| parse_date_col(&d));
            let cadence_overdue =
                cadence_overdue(org.kind, org.cadence_per_year, last_meeting, today);
            out.push(OrgSummary {
                org,
                open_signals,
                open_commitments,
                last_meeting,
                last_contact,
                cadence_overdue,
                load,
                over_load: load > LOAD_THRESHOLD,
            });
        }
        Ok(out)
    }

    pub fn org_summary(&self, id: i64) -> Result<OrgSummary> {
        let org = self.org(id)?;
        self.org_summaries(&org.name, usize::MAX >> 1)?
            .into_iter()
            .find(|s| s.org.id == id)
            .ok_or_else(|| StoreError::NotFound(org.reference().to_string()))
    }
}

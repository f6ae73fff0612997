//! Organisations and people to and from CSV.
//!
//! Import reads what spreadsheets write (comma or semicolon, with or without a byte-order
//! mark, English or Dutch headers; see [`crate::domain::csv_rules`]), tries every row in
//! one `BEGIN IMMEDIATE` transaction through the same create and update functions as
//! `org add`/`org edit` and `person add`/`person edit` (so checks, messages, versions,
//! audit rows and the search index are the same), and keeps the result only when asked
//! to and when every row could be taken: all or nothing. A preview is the same run,
//! rolled back. Organisations are matched by name, people by name and organisation: a
//! match is updated (only the columns the file has), anything else is created.
//!
//! Export writes every cell through [`csv_rules::neutralise`], so no cell starts a
//! spreadsheet formula; import takes exactly that guard off again, so an export
//! re-imports to the same data.

use super::versioned::Origin;
use super::{Ctx, OptionalExt, Result, Store, StoreError, invalid, orgs, people, problem, waiting};
use crate::domain::Problem;
use crate::domain::csv_rules::{self, OrgField, PersonField};
use crate::domain::{required, text};
use rusqlite::{Transaction, params};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Rows shown in a preview's sample.
pub const SAMPLE_ROWS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Unchanged,
}

impl RowAction {
    pub fn code(self) -> &'static str {
        match self {
            RowAction::Create => "create",
            RowAction::Update => "update",
            RowAction::Unchanged => "unchanged",
        }
    }
}

/// What happens (or would happen) to one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowPlan {
    pub line: u64,
    pub action: RowAction,
    /// The record updated, or created once imported ("O-7"); `None` for a row that
    /// would be created by a preview.
    pub record: Option<String>,
    pub name: String,
    /// The fields an update changes.
    pub changed: Vec<&'static str>,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub line: u64,
    /// `problem` in English, for `--json` and logs.
    pub message: String,
    /// What is wrong, for the screens and the command line to say in their language.
    #[serde(skip)]
    pub problem: Problem,
}

impl RowProblem {
    pub fn new(line: u64, problem: Problem) -> Self {
        RowProblem {
            line,
            message: problem.to_string(),
            problem,
        }
    }
}

/// A column of the file and the field it fills (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    pub header: String,
    pub field: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub delimiter: char,
    pub bom: bool,
    pub columns: Vec<ColumnUse>,
    /// Data rows read (blank lines not counted).
    pub rows: usize,
    /// The fields of the sample, in order.
    pub sample_fields: Vec<&'static str>,
    /// The first rows as read, by field.
    pub sample: Vec<Vec<String>>,
    pub plan: Vec<RowPlan>,
    pub problems: Vec<RowProblem>,
    /// True when the rows were stored; false for a preview and whenever a row failed.
    pub imported: bool,
}

impl ImportReport {
    pub fn count(&self, action: RowAction) -> usize {
        self.plan.iter().filter(|p| p.action == action).count()
    }
}

/// Records as an export holds them: one row per record, in field order, values as
/// stored (not yet neutralised).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTable {
    pub headers: Vec<&'static str>,
    /// "O-7", one per row.
    pub ids: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ExportTable {
    /// CSV with every cell neutralised; `bom` and `;` for Excel in a Dutch locale, which
    /// also gets CRLF line ends.
    pub fn to_csv(&self, delimiter: u8, bom: bool) -> Result<Vec<u8>> {
        csv_rules::write_csv_lines(&self.headers, &self.rows, delimiter, bom, bom).map_err(|e| {
            StoreError::Io(Problem::CsvNotWritten {
                error: e.to_string(),
            })
        })
    }

    /// An array of objects in the shape `list --json` and `show --json` print: `ref`
    /// ("O-7") and the numeric `id`, every field, lists as arrays, counts as numbers,
    /// an empty optional field as `null`.
    pub fn to_json(&self, list_fields: &[&str]) -> serde_json::Value {
        use serde_json::Value;
        /// Fields that are numbers in the records themselves.
        const NUMBERS: &[&str] = &["cadence_per_year"];
        /// Text that is never missing, only empty.
        const TEXT: &[&str] = &["name", "notes"];
        let rows = self.ids.iter().zip(&self.rows).map(|(id, row)| {
            let mut m = serde_json::Map::new();
            m.insert("ref".into(), id.clone().into());
            if let Ok(r) = crate::domain::RecordRef::parse(id, None) {
                m.insert("id".into(), r.id.into());
            }
            for (h, v) in self.headers.iter().zip(row) {
                let value = if list_fields.contains(h) {
                    Value::from(csv_rules::split_list(v))
                } else if NUMBERS.contains(h) {
                    v.trim()
                        .parse::<i64>()
                        .map(Value::from)
                        .unwrap_or(Value::Null)
                } else if v.is_empty() && !TEXT.contains(h) {
                    Value::Null
                } else {
                    Value::from(v.clone())
                };
                m.insert((*h).to_string(), value);
            }
            Value::Object(m)
        });
        Value::Array(rows.collect())
    }
}

/// A file read: which column is which field, and the rows by field.
struct Parsed<F> {
    delimiter: u8,
    bom: bool,
    columns: Vec<ColumnUse>,
    present: Vec<F>,
    rows: Vec<(u64, BTreeMap<F, String>)>,
    /// Data rows read, including those refused while reading.
    read: usize,
    problems: Vec<RowProblem>,
}

fn parse<F: Copy + Ord>(
    data: &[u8],
    from_header: fn(&str) -> Option<F>,
    header_of: fn(F) -> &'static str,
    name_field: F,
) -> Result<Parsed<F>> {
    let (data, bom) = csv_rules::strip_bom(data);
    let delimiter = csv_rules::sniff_delimiter(data);
    if let Some(line) = csv_rules::unterminated_quote(data, delimiter) {
        return Err(invalid(Problem::CsvOpenQuote { line }));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut records = reader.byte_records();
    let utf8 = |b: &[u8], line: u64| -> Result<String> {
        std::str::from_utf8(b)
            .map(str::to_string)
            .map_err(|_| invalid(Problem::CsvNotUtf8 { line }))
    };
    let read_error = |e: csv::Error| {
        let line = e.position().map(|p| p.line()).unwrap_or(0);
        invalid(Problem::CsvUnreadable {
            line,
            error: e.to_string(),
        })
    };
    let header = match records.next() {
        Some(r) => r.map_err(read_error)?,
        None => return Err(invalid(Problem::CsvEmpty)),
    };
    let header_line = header.position().map(|p| p.line()).unwrap_or(1);
    let mut columns = Vec::new();
    let mut fields: Vec<Option<F>> = Vec::new();
    let mut present: Vec<F> = Vec::new();
    for h in header.iter() {
        let h = text::clean_line(&utf8(h, header_line)?).trim().to_string();
        let field = if h.is_empty() { None } else { from_header(&h) };
        if let Some(f) = field {
            if present.contains(&f) {
                return Err(invalid(Problem::CsvTwoColumns {
                    line: header_line,
                    header: header_of(f).to_string(),
                }));
            }
            present.push(f);
        }
        columns.push(ColumnUse {
            header: h,
            field: field.map(header_of),
        });
        fields.push(field);
    }
    if !present.contains(&name_field) {
        let found: Vec<&str> = columns.iter().map(|c| c.header.as_str()).collect();
        return Err(invalid(Problem::CsvNoNameColumn {
            line: header_line,
            found: found.iter().map(|s| s.to_string()).collect(),
        }));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut read = 0;
    for record in records {
        let record = record.map_err(read_error)?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        read += 1;
        if record.len() > fields.len() && record.iter().skip(fields.len()).any(|c| !c.is_empty()) {
            problems.push(RowProblem::new(
                line,
                Problem::CsvTooManyCells {
                    cells: record.len(),
                    header: fields.len(),
                },
            ));
            continue;
        }
        if record.len() < fields.len() {
            problems.push(RowProblem::new(
                line,
                Problem::CsvTooFewCells {
                    cells: record.len(),
                    header: fields.len(),
                },
            ));
            continue;
        }
        let mut cells = BTreeMap::new();
        for (i, field) in fields.iter().enumerate() {
            let Some(f) = field else { continue };
            let raw = record.get(i).unwrap_or(b"");
            cells.insert(*f, csv_rules::restore(&utf8(raw, line)?).into_owned());
        }
        rows.push((line, cells));
    }
    Ok(Parsed {
        delimiter,
        bom,
        columns,
        present,
        rows,
        read,
        problems,
    })
}

/// Run one row's writes so that a failing row leaves nothing behind.
/// Rows stored in one transaction at most: the write lock is held for one batch only,
/// so no other user waits long behind an import of any size.
const BATCH_ROWS: usize = 500;
/// And for about this long at most.
const BATCH_TIME: std::time::Duration = std::time::Duration::from_millis(200);

/// Between batches the lock is left free this long: writers waiting for it poll every
/// half to two milliseconds, and would otherwise miss the moment between one batch's
/// commit and the next one's begin.
pub(crate) const BATCH_GAP: std::time::Duration = std::time::Duration::from_millis(3);

/// Whether a batch that started at `started` with `n` rows in it takes one more.
fn batch_open(n: usize, started: std::time::Instant) -> bool {
    n == 0 || (n < BATCH_ROWS && started.elapsed() < BATCH_TIME)
}

fn in_savepoint<T>(tx: &Transaction<'_>, f: impl FnOnce() -> Result<T>) -> Result<T> {
    tx.execute_batch("SAVEPOINT csv_row")?;
    match f() {
        Ok(v) => {
            tx.execute_batch("RELEASE csv_row")?;
            Ok(v)
        }
        Err(e) => {
            tx.execute_batch("ROLLBACK TO csv_row; RELEASE csv_row")?;
            Err(e)
        }
    }
}

fn opt_clean(s: &str) -> Option<String> {
    Some(text::clean_line(s).trim().to_string()).filter(|v| !v.is_empty())
}

fn clean_items(cell: &str) -> Vec<String> {
    csv_rules::split_list(&text::clean_line(cell))
}

type RowOutcome = (RowAction, Option<String>, String, Vec<&'static str>);

fn org_row(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    cells: &BTreeMap<OrgField, String>,
) -> Result<RowOutcome> {
    let get = |f: OrgField| cells.get(&f).map(String::as_str);
    let name = text::clean_line(&required(
        get(OrgField::Name).unwrap_or(""),
        crate::domain::Field::Name,
    )?);
    let cadence = csv_rules::cadence(get(OrgField::Cadence)).map_err(problem)?;
    let kind = match get(OrgField::Kind) {
        Some(k) => csv_rules::org_kind(k).map_err(problem)?,
        None => None,
    };
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisation WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    let Some(id) = existing else {
        let org = orgs::insert(
            tx,
            ctx,
            orgs::NewOrg {
                name,
                short_name: get(OrgField::ShortName).and_then(opt_clean),
                kind: kind.map(|k| k.code().to_string()),
                district: get(OrgField::District).and_then(opt_clean),
                neighbourhoods: get(OrgField::Neighbourhoods)
                    .map(clean_items)
                    .unwrap_or_default(),
                email: get(OrgField::Email).and_then(opt_clean),
                cadence_per_year: cadence,
                notes: get(OrgField::Notes).map(str::to_string),
            },
        )?;
        return Ok((
            RowAction::Create,
            Some(org.reference().to_string()),
            org.name,
            Vec::new(),
        ));
    };
    let before = orgs::get(tx, id)?;
    let edit = orgs::OrgEdit {
        name: Some(name),
        short_name: get(OrgField::ShortName).map(str::to_string),
        kind: kind.map(|k| k.code().to_string()),
        district: get(OrgField::District).map(str::to_string),
        neighbourhoods: get(OrgField::Neighbourhoods).map(clean_items),
        email: get(OrgField::Email).map(str::to_string),
        cadence_per_year: cadence,
        notes: get(OrgField::Notes).map(str::to_string),
    };
    let after = orgs::update(tx, ctx, id, edit, Some(before.version), Origin::Import)?;
    let mut changed = Vec::new();
    let mut note = |differs: bool, f: OrgField| {
        if differs {
            changed.push(f.header());
        }
    };
    note(after.name != before.name, OrgField::Name);
    note(after.short_name != before.short_name, OrgField::ShortName);
    note(after.kind != before.kind, OrgField::Kind);
    note(after.district != before.district, OrgField::District);
    note(
        after.neighbourhoods != before.neighbourhoods,
        OrgField::Neighbourhoods,
    );
    note(after.email != before.email, OrgField::Email);
    note(
        after.cadence_per_year != before.cadence_per_year,
        OrgField::Cadence,
    );
    note(after.notes != before.notes, OrgField::Notes);
    let record = Some(before.reference().to_string());
    let action = if changed.is_empty() {
        RowAction::Unchanged
    } else {
        RowAction::Update
    };
    Ok((action, record, after.name, changed))
}

/// An organisation named in a people file: its exact name, its short name, its ID, or
/// a unique prefix of its name (as everywhere else).
fn org_named(tx: &Transaction<'_>, cell: &str) -> Result<i64> {
    let name = text::clean_line(cell).trim().to_string();
    let exact: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisation WHERE name = ?1
             UNION ALL SELECT id FROM organisation WHERE short_name = ?1 COLLATE NOCASE
             LIMIT 1",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = exact {
        return Ok(id);
    }
    super::resolve::org_id(tx, &name).map_err(|e| match e {
        StoreError::Invalid(Problem::NoOrgMatches { .. }) => invalid(Problem::CsvNoSuchOrg {
            name: name.to_string(),
        }),
        e => e,
    })
}

fn person_row(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    cells: &BTreeMap<PersonField, String>,
) -> Result<RowOutcome> {
    let get = |f: PersonField| cells.get(&f).map(String::as_str);
    let name = text::clean_line(&required(
        get(PersonField::Name).unwrap_or(""),
        crate::domain::Field::Name,
    )?);
    let org_column = get(PersonField::Organisation);
    let org_id = match org_column.map(str::trim).filter(|o| !o.is_empty()) {
        Some(o) => Some(org_named(tx, o)?),
        None => None,
    };
    let mut st = tx.prepare_cached(
        "SELECT id FROM person WHERE name = ?1 COLLATE NOCASE AND erased_at IS NULL
            AND (?2 = 0 OR org_id IS ?3) ORDER BY id",
    )?;
    let matches: Vec<i64> = st
        .query_map(params![name, org_column.is_some(), org_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let id = match matches.as_slice() {
        [] => {
            let p = people::insert(
                tx,
                ctx,
                people::NewPerson {
                    name,
                    org_id,
                    role: get(PersonField::Role).map(str::to_string),
                    email: get(PersonField::Email).map(str::to_string),
                    phone: get(PersonField::Phone).map(str::to_string),
                    username: get(PersonField::Username).map(str::to_string),
                    districts: get(PersonField::Districts)
                        .map(clean_items)
                        .unwrap_or_default(),
                    themes: get(PersonField::Themes)
                        .map(clean_items)
                        .unwrap_or_default(),
                    notes: get(PersonField::Notes).map(str::to_string),
                },
            )?;
            return Ok((
                RowAction::Create,
                Some(p.reference().to_string()),
                p.name,
                Vec::new(),
            ));
        }
        [id] => *id,
        many => {
            let refs: Vec<String> = many.iter().map(|i| format!("P-{i}")).collect();
            return Err(invalid(Problem::CsvManyPeople {
                name: name.to_string(),
                refs,
            }));
        }
    };
    let before = people::get(tx, id)?;
    let edit = people::PersonEdit {
        name: Some(name),
        org_id: org_column.map(|_| org_id),
        role: get(PersonField::Role).map(str::to_string),
        email: get(PersonField::Email).map(str::to_string),
        phone: get(PersonField::Phone).map(str::to_string),
        username: get(PersonField::Username).map(str::to_string),
        districts: get(PersonField::Districts).map(clean_items),
        themes: get(PersonField::Themes).map(clean_items),
        notes: get(PersonField::Notes).map(str::to_string),
    };
    let after = people::update(tx, ctx, id, edit, Some(before.version), Origin::Import)?;
    let mut changed = Vec::new();
    let mut note = |differs: bool, f: PersonField| {
        if differs {
            changed.push(f.header());
        }
    };
    note(after.name != before.name, PersonField::Name);
    note(after.org_id != before.org_id, PersonField::Organisation);
    note(after.role != before.role, PersonField::Role);
    note(after.email != before.email, PersonField::Email);
    note(after.phone != before.phone, PersonField::Phone);
    note(after.username != before.username, PersonField::Username);
    note(after.districts != before.districts, PersonField::Districts);
    note(after.themes != before.themes, PersonField::Themes);
    note(after.notes != before.notes, PersonField::Notes);
    let record = Some(before.reference().to_string());
    let action = if changed.is_empty() {
        RowAction::Unchanged
    } else {
        RowAction::Update
    };
    Ok((action, record, after.name, changed))
}

impl Store {
    /// Import organisations from CSV bytes. With `commit` false, or when any row cannot
    /// be taken, nothing is stored and the report says what would happen.
    ///
    /// # Errors
    /// `StoreError::Invalid` for a file that cannot be read at all (not UTF-8, no
    /// header, no name column); row problems are in the report instead.
    pub fn import_orgs(&mut self, data: &[u8], commit: bool) -> Result<ImportReport> {
        let parsed = parse(
            data,
            OrgField::from_header,
            OrgField::header,
            OrgField::Name,
        )?;
        let key = |cells: &BTreeMap<OrgField, String>| {
            text::clean_line(cells.get(&OrgField::Name).map(String::as_str).unwrap_or(""))
                .trim()
                .to_lowercase()
        };
        self.import(parsed, commit, key, org_row)
    }

    /// Import people from CSV bytes; see [`Store::import_orgs`]. The organisation
    /// column names an organisation that exists already (its name, short name or ID).
    pub fn import_people(&mut self, data: &[u8], commit: bool) -> Result<ImportReport> {
        let parsed = parse(
            data,
            PersonField::from_header,
            PersonField::header,
            PersonField::Name,
        )?;
        let key = |cells: &BTreeMap<PersonField, String>| {
            let cell = |f| {
                text::clean_line(cells.get(&f).map(String::as_str).unwrap_or(""))
                    .trim()
                    .to_lowercase()
            };
            format!(
                "{}\u{0}{}",
                cell(PersonField::Name),
                cell(PersonField::Organisation)
            )
        };
        self.import(parsed, commit, key, person_row)
    }

    fn import<F: Copy + Ord + FieldName>(
        &mut self,
        parsed: Parsed<F>,
        commit: bool,
        key: impl Fn(&BTreeMap<F, String>) -> String,
        row: fn(&Transaction<'_>, &Ctx, &BTreeMap<F, String>) -> Result<RowOutcome>,
    ) -> Result<ImportReport> {
        let Parsed {
            delimiter,
            bom,
            columns,
            present,
            rows,
            read,
            mut problems,
        } = parsed;
        let sample_fields: Vec<&'static str> = present.iter().map(|f| f.name()).collect();
        let sample = rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, cells)| {
                present
                    .iter()
                    .map(|f| cells.get(f).cloned().unwrap_or_default())
                    .collect()
            })
            .collect();
        let ctx = self.ctx.clone();
        let _terms = super::vocab::AcceptNewGuard::set(self.accept_new_terms);
        // Each record once: a later row with the same key is refused before anything.
        let mut todo = Vec::with_capacity(rows.len());
        let mut seen: HashMap<String, u64> = HashMap::new();
        for (line, cells) in &rows {
            let k = key(cells);
            if let Some(first) = seen.get(&k).filter(|_| !k.trim_matches('\0').is_empty()) {
                problems.push(RowProblem::new(
                    *line,
                    Problem::CsvSameAsLine { first: *first },
                ));
                continue;
            }
            seen.insert(k, *line);
            todo.push((*line, cells));
        }
        let _holder = (commit && !todo.is_empty()).then(|| {
            waiting::announce(
                &self.path,
                &ctx.user,
                crate::domain::problem::Activity::Import { rows: todo.len() },
            )
        });
        // First every row is tried and rolled back, batch by batch: the lock is held for
        // one batch at a time, so other users' changes get in between. Only when every
        // row can be taken are they stored, again batch by batch.
        let mut plan = Vec::with_capacity(todo.len());
        let mut at = 0;
        while at < todo.len() {
            let started = std::time::Instant::now();
            let tx = self.begin_immediate()?;
            let mut n = 0;
            while at < todo.len() && batch_open(n, started) {
                let (line, cells) = todo[at];
                match in_savepoint(&tx, || row(&tx, &ctx, cells)) {
                    Ok((action, record, name, changed)) => plan.push(RowPlan {
                        line,
                        action,
                        record,
                        name,
                        changed,
                    }),
                    Err(e) => problems.push(RowProblem::new(line, e.into_problem())),
                }
                at += 1;
                n += 1;
            }
            tx.rollback()?;
            std::thread::sleep(BATCH_GAP);
        }
        problems.sort_by_key(|p| p.line);
        for p in &mut plan {
            if p.action == RowAction::Create {
                p.record = None;
            }
        }
        let mut imported = false;
        if commit && problems.is_empty() {
            let mut stored = Vec::with_capacity(plan.len());
            let mut failed = None;
            let mut at = 0;
            'batches: while at < todo.len() {
                let started = std::time::Instant::now();
                let tx = self.begin_immediate()?;
                let mut done = Vec::new();
                while at < todo.len() && batch_open(done.len(), started) {
                    let (line, cells) = todo[at];
                    match in_savepoint(&tx, || row(&tx, &ctx, cells)) {
                        Ok((action, record, name, changed)) => done.push(RowPlan {
                            line,
                            action,
                            record,
                            name,
                            changed,
                        }),
                        Err(e) => {
                            tx.rollback()?;
                            failed = Some((line, e.into_problem()));
                            break 'batches;
                        }
                    }
                    at += 1;
                }
                tx.commit()?;
                stored.extend(done);
                std::thread::sleep(BATCH_GAP);
            }
            match failed {
                None => {
                    plan = stored;
                    imported = true;
                }
                // Someone changed a record between the check and its batch (rare):
                // say what was stored; the import can be run again, rows are matched.
                Some((line, why)) => problems.push(RowProblem::new(
                    line,
                    Problem::CsvChangedDuringImport {
                        problem: Box::new(why),
                        stored: stored.len(),
                    },
                )),
            }
        }
        Ok(ImportReport {
            delimiter: char::from(delimiter),
            bom,
            columns,
            rows: read,
            sample_fields,
            sample,
            plan,
            problems,
            imported,
        })
    }

    /// Every organisation, by name, as an export holds it.
    pub fn export_orgs(&self) -> Result<ExportTable> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM organisation ORDER BY name COLLATE NOCASE, id")?;
        let ids: Vec<i64> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut table = ExportTable {
            headers: OrgField::ALL.iter().map(|f| f.header()).collect(),
            ids: Vec::with_capacity(ids.len()),
            rows: Vec::with_capacity(ids.len()),
        };
        for id in ids {
            let o = orgs::get(&self.conn, id)?;
            table.ids.push(o.reference().to_string());
            table.rows.push(
                OrgField::ALL
                    .iter()
                    .map(|f| match f {
                        OrgField::Name => o.name.clone(),
                        OrgField::ShortName => o.short_name.clone().unwrap_or_default(),
                        OrgField::Kind => o.kind.code().to_string(),
                        OrgField::District => o.district.clone().unwrap_or_default(),
                        OrgField::Neighbourhoods => o.neighbourhoods.join(", "),
                        OrgField::Email => o.email.clone().unwrap_or_default(),
                        OrgField::Cadence => o.cadence_per_year.to_string(),
                        OrgField::Notes => o.notes.clone(),
                    })
                    .collect(),
            );
        }
        Ok(table)
    }

    /// Every person who was not erased, by name and organisation, as an export holds it.
    pub fn export_people(&self) -> Result<ExportTable> {
        let mut st = self.conn.prepare(
            "SELECT p.id FROM person p LEFT JOIN organisation o ON o.id = p.org_id
              WHERE p.erased_at IS NULL
              ORDER BY p.name COLLATE NOCASE, o.name COLLATE NOCASE, p.id",
        )?;
        let ids: Vec<i64> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut table = ExportTable {
            headers: PersonField::ALL.iter().map(|f| f.header()).collect(),
            ids: Vec::with_capacity(ids.len()),
            rows: Vec::with_capacity(ids.len()),
        };
        for id in ids {
            let p = people::get(&self.conn, id)?;
            table.ids.push(p.reference().to_string());
            table.rows.push(
                PersonField::ALL
                    .iter()
                    .map(|f| match f {
                        PersonField::Name => p.name.clone(),
                        PersonField::Organisation => p.org_name.clone().unwrap_or_default(),
                        PersonField::Role => p.role.clone(),
                        PersonField::Email => p.email.clone().unwrap_or_default(),
                        PersonField::Phone => p.phone.clone().unwrap_or_default(),
                        PersonField::Username => p.username.clone().unwrap_or_default(),
                        PersonField::Districts => p.districts.join(", "),
                        PersonField::Themes => p.themes.join(", "),
                        PersonField::Notes => p.notes.clone(),
                    })
                    .collect(),
            );
        }
        Ok(table)
    }
}

/// The export name of a field, for a preview's sample.
pub trait FieldName {
    fn name(self) -> &'static str;
}

impl FieldName for OrgField {
    fn name(self) -> &'static str {
        self.header()
    }
}

impl FieldName for PersonField {
    fn name(self) -> &'static str {
        self.header()
    }
}

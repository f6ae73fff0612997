//! Bulk loading for generated data (`demo --scale N`): one transaction, prepared
//! statements, rows written with their final facts, and whatever the triggers would
//! have kept (the search index, each organisation's figures, the inbox's counts per
//! day) built once at the end by set-wise statements with the same results. Only the
//! demo generator and benchmarks use it.
//!
//! What the load sets aside and puts back, all inside its one transaction (so a failed
//! load leaves the database as it was):
//! - the search index's insert triggers on the tables it fills: each trigger's own
//!   statement is run once over the new rows instead (`NEW` becomes the table's
//!   alias), newest first, so FTS5 receives ascending rowids and writes a few large
//!   segments instead of one tiny segment per statement;
//! - the per-row triggers of the kept figures named in [`REBUILT`]: recounted at the
//!   end with the migrations' own fresh counts. Triggers the loader does not know keep
//!   firing row by row, so a kept figure added later stays right (only slower); the
//!   kept figures' guards (schema/025) are set aside too, as they only check;
//! - secondary indexes of the tables it fills, when the load is larger than what is
//!   there: built once from sorted rows instead of row by row;
//! - `synchronous`, the page cache and FTS5's merge settings: back to what they were,
//!   and the file is synced by the commit and a checkpoint at the end.

use super::{Result, Store, date_str};
use crate::domain::Problem;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Transaction, TransactionBehavior, params};

/// The tables a bulk load writes.
const TABLES: &[&str] = &[
    "organisation",
    "person",
    "signal",
    "feedback",
    "signal_event",
    "signal_due_move",
    "commitment",
    "commitment_move",
    "action",
    "meeting",
    "meeting_org",
    "minute",
];

/// The search index's kinds in rowid order (schema/005): built in this order, every
/// row FTS5 receives has a higher rowid than the one before.
const SEARCH_ORDER: &[&str] = &[
    "organisation",
    "person",
    "signal",
    "feedback",
    "commitment",
    "action",
    "meeting",
    "minute",
];

/// Per-row triggers whose figures [`Bulk::commit`] recounts from scratch. Each either
/// fills a kept table (recounted by [`REBUILD`]) or derives a column the loader writes
/// itself (a signal's feedback facts, a feedback's due date then).
const REBUILT: &[&str] = &[
    "org_figures_new_org",
    "org_figures_signal_insert",
    "org_figures_commitment_insert",
    "org_figures_feedback_insert",
    "org_figures_meeting_org_insert",
    "org_figures_last_meeting_org_insert",
    "open_signal_days_insert",
    "open_signal_total_insert",
    "open_commitment_total_insert",
    "signal_feedback_facts_insert",
    "feedback_due_then",
    "report_cube_signal_insert",
    "report_cube_signal_update",
    "report_cube_signal_delete",
    "commitment_signal_theme_insert",
    "commitment_later_insert",
    "report_ledger_insert",
    "report_ledger_update",
    "report_ledger_delete",
    "report_load_signal_insert",
    "report_load_signal_update",
    "report_load_signal_delete",
    "org_reach_commitment_insert",
    "org_reach_commitment_update",
    "org_reach_commitment_delete",
];

/// The fresh counts, as the migrations that made the kept tables fill them
/// (schema/006, 008, 013, 023, 024).
const REBUILD: &str = "
    INSERT OR IGNORE INTO org_figures (org_id) SELECT id FROM organisation;
    UPDATE org_figures SET
        open_signals = (SELECT count(*) FROM signal s WHERE s.org_id = org_figures.org_id
                           AND s.state IN ('new', 'triaged', 'in_progress')),
        open_commitments = (SELECT count(*) FROM commitment c WHERE c.org_id = org_figures.org_id
                               AND c.state = 'open'),
        last_contact = (SELECT max(day) FROM org_contact k WHERE k.org_id = org_figures.org_id),
        last_meeting = (SELECT max(day) FROM org_meeting k WHERE k.org_id = org_figures.org_id);
    DELETE FROM open_signal_days;
    INSERT INTO open_signal_days (due, n)
    SELECT coalesce(feedback_due, ''), count(*) FROM signal
     WHERE state IN ('new', 'triaged', 'in_progress')
     GROUP BY 1;
    UPDATE open_signal_total
       SET n = (SELECT count(*) FROM signal WHERE state IN ('new', 'triaged', 'in_progress'));
    UPDATE open_commitment_total SET n = (SELECT count(*) FROM commitment WHERE state = 'open');";

/// The loop report's kept counts counted afresh with schema/016's own back-fill (the
/// view of every signal's facts and the two inserts), so there is one definition of
/// what a signal counts as, and schema/029's months summed from its days.
fn rebuild_cube() -> String {
    const MIGRATION: &str = include_str!("../../schema/016_report_figures.sql");
    const FROM: &str = "CREATE VIEW signal_cube_fact";
    const TO: &str = "DROP VIEW signal_cube_fact;";
    let start = MIGRATION
        .find(FROM)
        .expect("schema/016 defines signal_cube_fact");
    let end = MIGRATION
        .find(TO)
        .expect("schema/016 drops signal_cube_fact")
        + TO.len();
    let backfill = MIGRATION[start..end]
        .replace(FROM, "CREATE TEMP VIEW signal_cube_fact")
        .replace(TO, "DROP VIEW temp.signal_cube_fact;");
    let months = include_str!("../../schema/029_feedback_days_by_month.sql");
    format!("DELETE FROM report_cube;\n{backfill}\n{months}")
}

/// The commitments, load and cadence reports' kept counts (and the commitment columns
/// they follow from) counted afresh with schema/022's own back-fill.
fn rebuild_ledger() -> String {
    const MIGRATION: &str = include_str!("../../schema/022_report_ledger.sql");
    const FROM: &str = "-- back-fill: begin";
    const TO: &str = "-- back-fill: end";
    let start = MIGRATION
        .find(FROM)
        .expect("schema/022 marks its back-fill");
    let end = MIGRATION
        .find(TO)
        .expect("schema/022 marks its back-fill's end");
    format!(
        "DELETE FROM report_ledger; DELETE FROM report_load; DELETE FROM org_reach;\n{}",
        &MIGRATION[start..end]
    )
}

/// FTS5 settings for the load: pending terms gathered in memory up to this size, and
/// no merging until the one `optimize` at the end.
const LOAD_HASHSIZE: i64 = 96 * 1024 * 1024;

pub struct Bulk<'a> {
    tx: Transaction<'a>,
    stamp: String,
    user: String,
    account: String,
    /// Triggers set aside, to be created again (name, SQL), in their original order.
    triggers: Vec<(String, String)>,
    /// The search index's rows for new records: (table, statement taking the first new id).
    search: Vec<(String, String)>,
    /// Indexes set aside, to be built again.
    indexes: Vec<String>,
    /// The highest id of each table before the load.
    before: Vec<(String, i64)>,
    /// FTS5 settings before the load: (key, value or none).
    fts: Vec<(String, Option<i64>)>,
    /// Names this load as the writer while it runs (see [`super::waiting`]).
    _holder: Option<super::waiting::HolderRecord>,
}

/// A generated signal with its facts as of today.
pub struct BulkSignal<'s> {
    pub title: &'s str,
    pub body: &'s str,
    pub org_id: i64,
    pub district: Option<&'s str>,
    pub theme: &'s str,
    pub state: &'s str,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub expectation: Option<&'s str>,
    pub received_on: NaiveDate,
    /// The due date in force now.
    pub feedback_due: NaiveDate,
    /// The promise made at intake.
    pub first_due: NaiveDate,
    pub due_moves: i64,
    pub due_moved_days: i64,
    pub merged_into: Option<i64>,
    /// From its feedback, as the triggers of schema/004 keep them.
    pub first_feedback_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub last_feedback_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: &'s str,
    pub updated_at: &'s str,
}

/// A generated commitment.
pub struct BulkCommitment<'s> {
    pub text: &'s str,
    pub org_id: i64,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub due: NaiveDate,
    pub first_due: NaiveDate,
    pub state: &'s str,
    pub resolved_on: Option<NaiveDate>,
    pub acknowledgement: Option<&'s str>,
    pub prevention: Option<&'s str>,
    pub reason: Option<&'s str>,
    pub signal_id: Option<i64>,
    pub version: i64,
    pub created_at: &'s str,
    pub updated_at: &'s str,
}

/// A generated action.
pub struct BulkAction<'s> {
    pub text: &'s str,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub due: NaiveDate,
    pub state: &'s str,
    pub resolved_on: Option<NaiveDate>,
    pub reason: Option<&'s str>,
    pub signal_id: Option<i64>,
    pub created_at: &'s str,
    pub updated_at: &'s str,
}

/// The search trigger's statement over every new row of its table, or None when the
/// trigger is not the plain "insert one row into the index" kind.
fn search_statement(table: &str, sql: &str) -> Option<String> {
    let flat = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let upper = flat.to_ascii_uppercase();
    let head = format!("AFTER INSERT ON {} ", table.to_ascii_uppercase());
    let after = upper.find(&head)? + head.len() - 1;
    let begin = after + upper[after..].find(" BEGIN ")?;
    let when = flat[after..begin].trim();
    let when = match when.get(..5) {
        Some(w) if w.eq_ignore_ascii_case("WHEN ") => Some(when[5..].trim()),
        _ if when.is_empty() => None,
        _ => return None,
    };
    let body = flat[begin + 7..].trim();
    let body = body.strip_suffix("END")?.trim().strip_suffix(';')?.trim();
    const INTO: &str = "INSERT INTO search (rowid, title, body) ";
    let rest = body.get(..INTO.len())?;
    if !rest.eq_ignore_ascii_case(INTO) {
        return None;
    }
    let rest = body[INTO.len()..].trim();
    // One statement only: a second one would need its own translation.
    if rest.contains(';') {
        return None;
    }
    let exprs = if rest.len() > 6 && rest[..6].eq_ignore_ascii_case("VALUES") {
        rest[6..]
            .trim()
            .strip_prefix('(')?
            .strip_suffix(')')?
            .to_string()
    } else if rest.len() > 6 && rest[..6].eq_ignore_ascii_case("SELECT") {
        // A SELECT without a FROM of its own (subqueries are in parentheses).
        let mut depth = 0i32;
        let tail = &rest[6..];
        let mut words = String::new();
        for c in tail.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => words.push(c.to_ascii_uppercase()),
                _ => {}
            }
        }
        if words.contains(" FROM ") || words.contains(" WHERE ") {
            return None;
        }
        tail.to_string()
    } else {
        return None;
    };
    let filter = when.map(|w| format!(" AND ({w})")).unwrap_or_default();
    Some(format!(
        "INSERT INTO search (rowid, title, body) SELECT {exprs} FROM {table} AS NEW
          WHERE NEW.id > ?1{filter} ORDER BY NEW.id DESC"
    ))
}

impl Store {
    /// Start a bulk load of about `signals` signals; nothing is visible to others until
    /// `Bulk::commit`.
    pub fn bulk(&mut self, signals: usize) -> Result<Bulk<'_>> {
        self.keep_figures()?;
        let user = self.ctx.user.clone();
        let account = self.ctx.account.clone();
        let holder = super::waiting::announce(
            &self.path,
            &user,
            crate::domain::problem::Activity::DemoData,
        );

        // One transaction of gigabytes: with the default 2 MB page cache SQLite spills
        // pages to the WAL and rewrites them again and again. Nothing is synced until
        // the end (the commit syncs the WAL, the checkpoint the file); a load cut off
        // by a crash is a transaction that never committed.
        self.conn.execute_batch(
            "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = OFF;",
        )?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut before = Vec::new();
        for t in TABLES {
            let max: i64 = tx.query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM {t}"),
                [],
                |r| r.get(0),
            )?;
            before.push((t.to_string(), max));
        }
        let existing: i64 = tx.query_row("SELECT count(*) FROM signal", [], |r| r.get(0))?;
        let list = TABLES
            .iter()
            .map(|t| format!("'{t}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut triggers = Vec::new();
        let mut search = Vec::new();
        let mut made = Vec::new();
        {
            let mut st = tx.prepare(&format!(
                "SELECT name, tbl_name, sql FROM sqlite_master
                  WHERE type = 'trigger' AND tbl_name IN ({list}) ORDER BY rowid"
            ))?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                made.push(row?);
            }
        }
        made.extend(super::figures::made_on(&tx, TABLES)?);
        for (name, table, sql) in made {
            if REBUILT.contains(&name.as_str()) || super::figures::is_guard(&name) {
                triggers.push((name, sql));
            } else if let Some(stmt) = search_statement(&table, &sql) {
                search.push((table, stmt));
                triggers.push((name, sql));
            }
        }
        search.sort_by_key(|(t, _)| SEARCH_ORDER.iter().position(|s| s == t));
        for (name, _) in &triggers {
            tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
        }
        // Indexes are built faster from all rows at once, but only when most rows are
        // new: rebuilding a large table's indexes for a few rows would be the slow way.
        let mut indexes = Vec::new();
        if signals as i64 > existing {
            let mut st = tx.prepare(&format!(
                "SELECT name, sql FROM sqlite_master
                  WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list}) ORDER BY rowid"
            ))?;
            let rows =
                st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            let mut names = Vec::new();
            for row in rows {
                let (name, sql) = row?;
                names.push(name);
                indexes.push(sql);
            }
            drop(st);
            for name in names {
                tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            }
        }
        let mut fts = Vec::new();
        for key in ["automerge", "crisismerge", "hashsize"] {
            let v: Option<i64> = tx
                .query_row("SELECT v FROM search_config WHERE k = ?1", [key], |r| {
                    r.get(0)
                })
                .ok();
            fts.push((key.to_string(), v));
        }
        for (key, v) in [
            ("automerge", 0),
            ("crisismerge", 1999),
            ("hashsize", LOAD_HASHSIZE),
        ] {
            tx.execute(
                "INSERT INTO search (search, rank) VALUES (?1, ?2)",
                params![key, v],
            )?;
        }
        Ok(Bulk {
            tx,
            stamp: super::now_stamp(),
            user,
            account,
            triggers,
            search,
            indexes,
            before,
            fts,
            _holder: holder,
        })
    }

    /// [`Store::bulk`] into a database made for it (`demo --scale N` on a new file):
    /// written without a journal and held exclusively until [`Store::finish_bulk`]
    /// switches it to WAL and syncs it. Half the bytes: the rows go to the file once,
    /// not to the WAL and then again into the file. A load cut off by a crash or an
    /// error leaves a damaged file: delete it and run the command again. Never for a
    /// database that holds anything worth keeping.
    pub fn bulk_new_file(&mut self, signals: usize) -> Result<Bulk<'_>> {
        // Out of WAL mode needs this connection alone on the file; from here on nobody
        // else may read what is half written (they wait, and are told who writes).
        self.conn
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE;")?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = OFF", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("off") {
            self.conn.execute_batch("PRAGMA locking_mode = NORMAL;")?;
            return Err(super::StoreError::Io(Problem::InUse {
                path: self.path.display().to_string(),
            }));
        }
        self.bulk(signals)
    }
}

impl Bulk<'_> {
    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn org(
        &self,
        name: &str,
        kind: &str,
        district: Option<&str>,
        neighbourhoods: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO organisation (name, kind, district, neighbourhoods, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![name, kind, district, neighbourhoods, self.stamp])?;
        Ok(self.tx.last_insert_rowid())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn person(
        &self,
        name: &str,
        org_id: i64,
        role: &str,
        email: Option<&str>,
        username: Option<&str>,
        districts: &str,
        themes: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO person (name, org_id, role, email, username, districts, themes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )?
            .execute(params![name, org_id, role, email, username, districts, themes, self.stamp])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn signal(&self, s: &BulkSignal<'_>) -> Result<i64> {
        let first_due = date_str(s.first_due);
        self.tx
            .prepare_cached(
                "INSERT INTO signal (title, body, org_id, district, theme, state, owner_person_id, owner_org_id,
                                     expectation, received_on, feedback_due, first_due, due_moves, due_moved_days,
                                     merged_into, first_feedback_on, first_feedback_due, answered_on,
                                     last_feedback_on, version, created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                         ?20, ?21, ?22, ?23)",
            )?
            .execute(params![
                s.title,
                s.body,
                s.org_id,
                s.district,
                s.theme,
                s.state,
                s.owner_person_id,
                s.owner_org_id,
                s.expectation,
                date_str(s.received_on),
                date_str(s.feedback_due),
                first_due,
                s.due_moves,
                s.due_moved_days,
                s.merged_into,
                s.first_feedback_on.map(date_str),
                // Every feedback is measured against the promise (schema/009).
                s.first_feedback_on.map(|_| first_due.as_str()),
                s.answered_on.map(date_str),
                s.last_feedback_on.map(date_str),
                s.version,
                self.user,
                s.created_at,
                s.updated_at,
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// A line on a signal's timeline.
    pub fn event(
        &self,
        signal_id: i64,
        at: &str,
        event: &str,
        from: Option<&str>,
        to: Option<&str>,
        detail: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO signal_event (signal_id, at, username, account, event, from_state, to_state, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![signal_id, at, self.user, self.account, event, from, to, detail])?;
        Ok(())
    }

    /// A postponement of a signal's feedback date, with its reason.
    pub fn due_move(
        &self,
        signal_id: i64,
        old_due: NaiveDate,
        new_due: NaiveDate,
        reason: &str,
        at: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO signal_due_move (signal_id, old_due, new_due, reason, moved_by, moved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![signal_id, date_str(old_due), date_str(new_due), reason, self.user, at])?;
        Ok(())
    }

    /// Feedback given on `given_on`, measured against the signal's promise `due_then`.
    #[allow(clippy::too_many_arguments)]
    pub fn feedback(
        &self,
        signal_id: i64,
        is_final: bool,
        channel: &str,
        text: &str,
        given_on: NaiveDate,
        next_due: Option<NaiveDate>,
        due_then: NaiveDate,
        created_at: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, next_due, due_then,
                                       created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                signal_id,
                is_final,
                channel,
                text,
                date_str(given_on),
                self.user,
                next_due.map(date_str),
                date_str(due_then),
                created_at
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn commitment(&self, c: &BulkCommitment<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO commitment (text, org_id, owner_person_id, owner_org_id, due, first_due, state,
                                         resolved_on, acknowledgement, prevention, reason, signal_id, version,
                                         created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                c.text,
                c.org_id,
                c.owner_person_id,
                c.owner_org_id,
                date_str(c.due),
                date_str(c.first_due),
                c.state,
                c.resolved_on.map(date_str),
                c.acknowledgement,
                c.prevention,
                c.reason,
                c.signal_id,
                c.version,
                self.user,
                c.created_at,
                c.updated_at
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn commitment_move(
        &self,
        commitment_id: i64,
        old_due: NaiveDate,
        new_due: NaiveDate,
        reason: &str,
        at: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO commitment_move (commitment_id, old_due, new_due, reason, moved_by, moved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![commitment_id, date_str(old_due), date_str(new_due), reason, self.user, at])?;
        Ok(())
    }

    pub fn action(&self, a: &BulkAction<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO action (text, owner_person_id, owner_org_id, due, state, resolved_on, reason, signal_id,
                                     created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                a.text,
                a.owner_person_id,
                a.owner_org_id,
                date_str(a.due),
                a.state,
                a.resolved_on.map(date_str),
                a.reason,
                a.signal_id,
                self.user,
                a.created_at,
                a.updated_at
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn meeting(
        &self,
        title: &str,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
        status: &str,
        district: Option<&str>,
        org_id: i64,
        created_at: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO meeting (title, kind, starts_at, ends_at, location, district, status, created_by,
                                      created_at, updated_at)
                 VALUES (?1, 'wijkoverleg', ?2, ?3, 'Buurthuis', ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute(params![
                title,
                super::meetings::dt_str(starts_at),
                super::meetings::dt_str(ends_at),
                district,
                status,
                self.user,
                created_at
            ])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "INSERT INTO meeting_org (meeting_id, org_id, attended) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, org_id, (status != "planned").then_some(true)])?;
        Ok(id)
    }

    pub fn minute(
        &self,
        meeting_id: i64,
        position: i64,
        kind: &str,
        text: &str,
        at: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO minute (meeting_id, position, kind, text, created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            )?
            .execute(params![meeting_id, position, kind, text, self.user, at])?;
        Ok(())
    }

    /// Finish: indexes, kept figures and the search index built, the triggers back, one
    /// audit row that says what happened, and the file synced.
    pub fn commit(self, summary: &str) -> Result<()> {
        let tx = &self.tx;
        for sql in &self.indexes {
            tx.execute_batch(sql)?;
        }
        // Only the kept tables whose triggers were set aside need the recount; all of
        // them are recounted together (they are the migrations' own fresh counts).
        if !self.triggers.is_empty()
            && self
                .triggers
                .iter()
                .any(|(n, _)| n.starts_with("org_figures") || n.starts_with("open_signal"))
        {
            tx.execute_batch(REBUILD)?;
        }
        if self
            .triggers
            .iter()
            .any(|(n, _)| n.starts_with("report_cube"))
        {
            tx.execute_batch(&rebuild_cube())?;
        }
        if self.triggers.iter().any(|(n, _)| {
            n.starts_with("report_ledger")
                || n.starts_with("report_load")
                || n.starts_with("org_reach")
        }) {
            tx.execute_batch(&rebuild_ledger())?;
        }
        for (table, sql) in &self.search {
            let first = self
                .before
                .iter()
                .find(|(t, _)| t == table)
                .map(|(_, m)| *m)
                .unwrap_or(0);
            tx.execute(sql, [first])?;
        }
        for (_, sql) in &self.triggers {
            tx.execute_batch(sql)?;
        }
        for (key, v) in &self.fts {
            let value = v.unwrap_or(match key.as_str() {
                "automerge" => 4,
                "crisismerge" => 16,
                _ => 1024 * 1024,
            });
            tx.execute(
                "INSERT INTO search (search, rank) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        // One segment instead of the dozens the load wrote: every lookup seeks in each.
        tx.execute("INSERT INTO search (search) VALUES ('optimize')", [])?;
        // Generated records take their districts and themes from the demo's lists;
        // whatever else they used joins the kept lists, so every value is on one.
        tx.execute(
            "INSERT OR IGNORE INTO term (kind, name, created_at)
             SELECT DISTINCT 'district', district, ?1 FROM organisation WHERE district IS NOT NULL
             UNION SELECT DISTINCT 'district', district, ?1 FROM signal WHERE district IS NOT NULL
             UNION SELECT DISTINCT 'theme', theme, ?1 FROM signal WHERE theme IS NOT NULL",
            [&self.stamp],
        )?;
        tx.execute(
            "INSERT INTO audit (at, username, account, record, action, changes) VALUES (?1, ?2, ?3, 'demo', 'generate', ?4)",
            params![self.stamp, self.user, self.account, serde_json::json!({ "generated": [null, summary] }).to_string()],
        )?;
        // Fresh statistics, so the planner knows the tables are now large.
        tx.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        self.tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// After a bulk load: the page cache and `synchronous` back to the defaults, and the
    /// WAL the load wrote copied into the database and synced (the checkpoint syncs the
    /// file), so the load is on disk and the next user does not start by checkpointing
    /// gigabytes.
    pub fn finish_bulk(&mut self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA cache_size = -2000; PRAGMA synchronous = FULL;")?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("off") {
            // Loaded without a journal (Store::bulk_new_file): on disk first, then WAL
            // again and the file shared again (the exclusive lock goes with the next
            // read; WAL entered while exclusive would stay exclusive).
            std::fs::File::open(&self.path)
                .and_then(|f| f.sync_all())
                .map_err(|e| {
                    super::StoreError::Io(Problem::CannotSync {
                        path: self.path.display().to_string(),
                        error: e.to_string(),
                    })
                })?;
            self.conn.execute_batch("PRAGMA locking_mode = NORMAL;")?;
            self.conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
            let wal: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !wal.eq_ignore_ascii_case("wal") {
                return Err(super::StoreError::Io(Problem::NoWal {
                    path: self.path.display().to_string(),
                    mode: wal,
                }));
            }
            return Ok(());
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::search_statement;

    #[test]
    fn a_search_trigger_becomes_one_statement_over_the_new_rows() {
        let sql = "CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
            INSERT INTO search (rowid, title, body) VALUES ((5 << 40) - NEW.id, '', NEW.text);
        END";
        assert_eq!(
            search_statement("feedback", sql).as_deref(),
            Some(
                "INSERT INTO search (rowid, title, body) SELECT (5 << 40) - NEW.id, '', NEW.text FROM feedback AS NEW
          WHERE NEW.id > ?1 ORDER BY NEW.id DESC"
            )
        );
        let person = "CREATE TRIGGER search_person_insert AFTER INSERT ON person WHEN NEW.erased_at IS NULL BEGIN
            INSERT INTO search (rowid, title, body)
            SELECT (3 << 40) - NEW.id, NEW.name, concat_ws(' ', NEW.role,
                   (SELECT o.name FROM organisation o WHERE o.id = NEW.org_id));
        END";
        let got = search_statement("person", person).expect("translated");
        assert!(got.contains("FROM person AS NEW"), "{got}");
        assert!(got.contains("AND (NEW.erased_at IS NULL)"), "{got}");
    }

    #[test]
    fn other_triggers_are_left_alone() {
        // Two statements, a WHERE of its own, another table: not translated.
        for sql in [
            "CREATE TRIGGER t AFTER INSERT ON minute BEGIN INSERT INTO search (rowid, title, body) VALUES (1, '', NEW.text); DELETE FROM x; END",
            "CREATE TRIGGER t AFTER INSERT ON agenda_item BEGIN INSERT INTO search (rowid, title, body) SELECT m.id, m.title, '' FROM meeting m WHERE m.id = NEW.meeting_id; END",
            "CREATE TRIGGER t AFTER UPDATE OF text ON minute BEGIN INSERT INTO search (rowid, title, body) VALUES (1, '', NEW.text); END",
            "CREATE TRIGGER t AFTER INSERT ON minute BEGIN UPDATE org_figures SET n = n + 1; END",
        ] {
            assert_eq!(search_statement("minute", sql), None, "{sql}");
        }
    }
}

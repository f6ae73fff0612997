//! Bulk loading for generated data (`demo --scale N`): prepared statements, no per-row
//! audit, committed about once a second (see [`Bulk::breathe`]) so that other users'
//! writes get in between. Only the demo generator and benchmarks use it.

use super::{Result, Store, date_str, now_stamp};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Transaction, TransactionBehavior, params};

pub struct Bulk<'a> {
    tx: Transaction<'a>,
    stamp: String,
    user: String,
    account: String,
    /// Minutes lines waiting in `temp.bulk_minute`.
    staged: usize,
    /// When the current transaction began.
    since: std::time::Instant,
    /// Names this load as the writer while it runs (see [`super::waiting`]).
    _holder: Option<super::waiting::HolderRecord>,
}

/// How long one transaction of a bulk load holds the write lock at most (about).
const BULK_BATCH: std::time::Duration = std::time::Duration::from_secs(1);

/// Minutes lines moved into the real table at once: large enough that FTS5 writes few
/// segments, small enough that the staging table stays a few megabytes.
const STAGED_MINUTES: usize = 50_000;

/// A generated signal with the facts the generator decided.
pub struct BulkSignal<'s> {
    pub title: &'s str,
    pub body: &'s str,
    pub org_id: i64,
    pub district: Option<&'s str>,
    pub theme: &'s str,
    pub state: &'s str,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub received_on: NaiveDate,
    pub feedback_due: NaiveDate,
}

impl Store {
    /// Start a bulk load; nothing is visible to others until `Bulk::commit`.
    pub fn bulk(&mut self) -> Result<Bulk<'_>> {
        let user = self.ctx.user.clone();
        let account = self.ctx.account.clone();
        let holder = super::waiting::announce(&self.path, &user, "generating demo data");
        // One transaction of hundreds of megabytes: with the default 2 MB page cache
        // SQLite spills pages to the WAL and rewrites them again and again. The
        // staging table lives in memory: as a temp file, with secure_delete zeroing
        // every emptied batch, it cost 20 of the 55 seconds at 100,000 signals.
        self.conn
            .execute_batch("PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY;")?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS bulk_minute (
                 meeting_id INTEGER NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL);
             DELETE FROM temp.bulk_minute;",
        )?;
        Ok(Bulk {
            tx,
            stamp: now_stamp(),
            user,
            account,
            staged: 0,
            since: std::time::Instant::now(),
            _holder: holder,
        })
    }
}

impl Bulk<'_> {
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

    pub fn person(
        &self,
        name: &str,
        org_id: i64,
        role: &str,
        districts: &str,
        themes: &str,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO person (name, org_id, role, districts, themes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            )?
            .execute(params![name, org_id, role, districts, themes, self.stamp])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn signal(&self, s: &BulkSignal<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO signal (title, body, org_id, district, theme, state, owner_person_id, owner_org_id,
                                     received_on, feedback_due, first_due, created_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?12)",
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
                date_str(s.received_on),
                date_str(s.feedback_due),
                self.user,
                self.stamp
            ])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "INSERT INTO signal_event (signal_id, at, username, account, event, to_state, detail)
                 VALUES (?1, ?2, ?3, ?4, 'received', 'new', 'generated')",
            )?
            .execute(params![
                id,
                format!("{}T09:00:00Z", date_str(s.received_on)),
                self.user,
                self.account
            ])?;
        Ok(id)
    }

    pub fn feedback(
        &self,
        signal_id: i64,
        is_final: bool,
        channel: &str,
        text: &str,
        given_on: NaiveDate,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![signal_id, is_final, channel, text, date_str(given_on), self.user, self.stamp])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn commitment(
        &self,
        text: &str,
        org_id: i64,
        owner_person_id: Option<i64>,
        due: NaiveDate,
        state: &str,
        resolved_on: Option<NaiveDate>,
        signal_id: Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<i64> {
        let ack = (state == "broken").then_some("Te laat opgepakt.");
        let prevention =
            (state == "broken").then_some("Voortaan bewaakt in de wekelijkse planning.");
        let reason =
            (state == "withdrawn").then_some("Niet meer nodig na overleg met de organisatie.");
        self.tx
            .prepare_cached(
                "INSERT INTO commitment (text, org_id, owner_person_id, due, state, resolved_on, acknowledgement, reason,
                                         signal_id, meeting_id, created_by, created_at, updated_at, prevention)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
            )?
            .execute(params![
                text,
                org_id,
                owner_person_id,
                date_str(due),
                state,
                resolved_on.map(date_str),
                ack,
                reason,
                signal_id,
                meeting_id,
                self.user,
                self.stamp,
                prevention
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn action(
        &self,
        text: &str,
        owner_person_id: Option<i64>,
        due: NaiveDate,
        state: &str,
        signal_id: Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO action (text, owner_person_id, due, state, signal_id, meeting_id, created_by, created_at,
                                     updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )?
            .execute(params![text, owner_person_id, date_str(due), state, signal_id, meeting_id, self.user, self.stamp])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn meeting(
        &self,
        title: &str,
        starts_at: NaiveDateTime,
        status: &str,
        district: Option<&str>,
        org_id: i64,
    ) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO meeting (title, kind, starts_at, location, district, status, created_by, created_at, updated_at)
                 VALUES (?1, 'wijkoverleg', ?2, 'Buurthuis', ?3, ?4, ?5, ?6, ?6)",
            )?
            .execute(params![title, super::meetings::dt_str(starts_at), district, status, self.user, self.stamp])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached(
                "INSERT INTO meeting_org (meeting_id, org_id, attended) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, org_id, (status != "planned").then_some(true)])?;
        Ok(id)
    }

    /// Minutes lines are staged and moved in batches (see [`STAGED_MINUTES`]).
    pub fn minute(&mut self, meeting_id: i64, position: i64, kind: &str, text: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO temp.bulk_minute (meeting_id, position, kind, text) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![meeting_id, position, kind, text])?;
        self.staged += 1;
        if self.staged >= STAGED_MINUTES {
            self.move_minutes()?;
        }
        Ok(())
    }

    /// One INSERT ... SELECT for the staged lines: the search-index trigger then runs
    /// inside a single statement, so FTS5 gathers the terms of the whole batch before
    /// writing them. Row by row, each statement's savepoint made FTS5 flush a tiny
    /// segment and merge them over and over (most of the time `demo --scale` took).
    fn move_minutes(&mut self) -> Result<()> {
        // Ids in the order the lines came; rows inserted newest first, because the
        // search index orders rows newest first (schema/005) and FTS5 flushes its
        // pending terms whenever a rowid is not above the one before.
        self.tx.execute(
            "INSERT INTO minute (id, meeting_id, position, kind, text, created_by, created_at, updated_at)
             SELECT (SELECT coalesce(max(id), 0) FROM minute)
                      + rowid - (SELECT min(rowid) FROM temp.bulk_minute) + 1,
                    meeting_id, position, kind, text, ?1, ?2, ?2
               FROM temp.bulk_minute ORDER BY rowid DESC",
            params![self.user, self.stamp],
        )?;
        self.tx.execute("DELETE FROM temp.bulk_minute", [])?;
        self.staged = 0;
        Ok(())
    }

    /// Commit what is there and begin again once the lock was held [`BULK_BATCH`]: no
    /// other user's write waits long behind a load of any size. Staged minutes lines
    /// stay staged (the temporary table is this connection's own).
    pub fn breathe(&mut self) -> Result<()> {
        if self.since.elapsed() < BULK_BATCH {
            return Ok(());
        }
        self.tx.execute_batch("COMMIT")?;
        std::thread::sleep(super::csv_io::BATCH_GAP);
        self.tx.execute_batch("BEGIN IMMEDIATE")?;
        self.since = std::time::Instant::now();
        Ok(())
    }

    /// Finish, with one audit row that says what happened.
    pub fn commit(mut self, summary: &str) -> Result<()> {
        self.move_minutes()?;
        self.tx.execute("DROP TABLE temp.bulk_minute", [])?;
        // Generated records take their districts and themes from the demo's lists;
        // whatever else they used joins the kept lists, so every value is on one.
        self.tx.execute(
            "INSERT OR IGNORE INTO term (kind, name, created_at)
             SELECT DISTINCT 'district', district, ?1 FROM organisation WHERE district IS NOT NULL
             UNION SELECT DISTINCT 'district', district, ?1 FROM signal WHERE district IS NOT NULL
             UNION SELECT DISTINCT 'theme', theme, ?1 FROM signal WHERE theme IS NOT NULL",
            [&self.stamp],
        )?;
        self.tx.execute(
            "INSERT INTO audit (at, username, account, record, action, changes) VALUES (?1, ?2, ?3, 'demo', 'generate', ?4)",
            params![self.stamp, self.user, self.account, serde_json::json!({ "generated": [null, summary] }).to_string()],
        )?;
        // Fresh statistics, so the planner knows the tables are now large.
        self.tx
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
        // Back to SQLite's default page cache for whatever this connection does next.
        self.tx.execute_batch("PRAGMA cache_size = -2000;")?;
        self.tx.commit()?;
        Ok(())
    }
}

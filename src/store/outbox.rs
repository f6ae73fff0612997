//! The outbox: every feedback e-mail wijkdesk composed, kept with what was typed so
//! that a message the server refused or could not reach is never lost and can be sent
//! again. Only a sent message becomes feedback given (in the same transaction).

use super::signals::{Channel, NewFeedback, Signal, add_feedback_tx, log_event};
use super::{Result, Store, audit, date_str, now_stamp, parse_date_col};
use crate::domain::{RecordKind, RecordRef};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::Serialize;
use serde_json::json;

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailStatus {
    /// Handed to the transport; no answer yet (or wijkdesk stopped meanwhile).
    Sending,
    Sent,
    /// Refused or not delivered: `error` says why; it can be retried.
    Failed,
    /// Written as an `.eml` file for the user to send.
    Draft,
}

impl MailStatus {
    pub fn code(self) -> &'static str {
        match self {
            MailStatus::Sending => "sending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
            MailStatus::Draft => "draft",
        }
    }

    fn parse(s: &str) -> MailStatus {
        match s {
            "sent" => MailStatus::Sent,
            "failed" => MailStatus::Failed,
            "draft" => MailStatus::Draft,
            _ => MailStatus::Sending,
        }
    }
}

/// A message to keep before it is sent.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub signal_id: i64,
    pub is_final: bool,
    pub text: String,
    pub next_due: Option<NaiveDate>,
    pub to: String,
    /// Final feedback: the organisations whose signals were merged into this one, owed
    /// the same answer (sent as Bcc, so no one sees the others' addresses).
    pub also_to: Vec<String>,
    pub subject: String,
    /// The staff member's name for the From display name.
    pub sender_name: Option<String>,
    pub message_id: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub signal_id: i64,
    pub is_final: bool,
    pub text: String,
    pub next_due: Option<NaiveDate>,
    pub to: String,
    pub also_to: Vec<String>,
    pub subject: String,
    pub sender_name: Option<String>,
    pub message_id: String,
    pub status: MailStatus,
    pub error: Option<String>,
    pub draft_path: Option<String>,
    pub attempts: i64,
    pub feedback_id: Option<i64>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

impl OutboxEntry {
    /// The feedback this message gives once it is sent.
    pub fn feedback(&self) -> NewFeedback {
        NewFeedback {
            channel: Channel::Email,
            text: self.text.clone(),
            is_final: self.is_final,
            next_due: self.next_due,
        }
    }

    pub fn signal_ref(&self) -> RecordRef {
        RecordRef::new(RecordKind::Signal, self.signal_id)
    }
}

const COLS: &str = "id, signal_id, is_final, text, next_due, to_addr, subject, sender_name, \
                    message_id, status, error, draft_path, attempts, feedback_id, created_by, \
                    created_at, updated_at, also_to";

fn row(r: &Row<'_>) -> rusqlite::Result<OutboxEntry> {
    Ok(OutboxEntry {
        id: r.get(0)?,
        signal_id: r.get(1)?,
        is_final: r.get(2)?,
        text: r.get(3)?,
        next_due: r.get::<_, Option<String>>(4)?.map(|d| parse_date_col(&d)),
        to: r.get(5)?,
        subject: r.get(6)?,
        sender_name: r.get(7)?,
        message_id: r.get(8)?,
        status: MailStatus::parse(&r.get::<_, String>(9)?),
        error: r.get(10)?,
        draft_path: r.get(11)?,
        attempts: r.get(12)?,
        feedback_id: r.get(13)?,
        created_by: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
        also_to: r
            .get::<_, String>(17)?
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect(),
    })
}

fn get_tx(tx: &Transaction<'_>, id: i64) -> Result<OutboxEntry> {
    tx.query_row(
        &format!("SELECT {COLS} FROM outbox WHERE id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or_else(|| super::StoreError::NotFound(format!("outbox message {id}")))
}

fn set_status(
    tx: &Transaction<'_>,
    ctx: &super::Ctx,
    id: i64,
    status: MailStatus,
    error: Option<&str>,
    draft_path: Option<&str>,
    feedback_id: Option<i64>,
) -> Result<OutboxEntry> {
    let before = get_tx(tx, id)?;
    tx.execute(
        "UPDATE outbox SET status = ?2, error = ?3, draft_path = coalesce(?4, draft_path),
                feedback_id = coalesce(?5, feedback_id),
                attempts = attempts + (?2 IN ('sent', 'failed')), updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            status.code(),
            error,
            draft_path,
            feedback_id,
            now_stamp()
        ],
    )?;
    audit::log(
        tx,
        ctx,
        before.signal_ref(),
        "mail",
        json!({
            "mail": [before.status.code(), status.code()],
            "message_id": [serde_json::Value::Null, before.message_id],
            "error": [before.error, error],
        }),
    )?;
    // The signal's timeline says what became of the message, beside the feedback.
    let detail = match status {
        MailStatus::Sent => format!("e-mail to {} sent (outbox {id})", before.to),
        MailStatus::Failed => format!(
            "e-mail to {} not sent: {} (outbox {id})",
            before.to,
            error.unwrap_or_default()
        ),
        MailStatus::Draft => format!(
            "e-mail to {} written as a draft: {}",
            before.to,
            draft_path.unwrap_or_default()
        ),
        MailStatus::Sending => String::new(),
    };
    if !detail.is_empty() {
        log_event(tx, ctx, before.signal_id, "mail", None, None, &detail)?;
    }
    get_tx(tx, id)
}

impl Store {
    /// Keep a message before it goes out, so nothing typed is lost whatever happens.
    pub fn outbox_add(&mut self, m: NewMail) -> Result<OutboxEntry> {
        self.write(|tx, ctx| {
            let text = crate::domain::required(&m.text, "the feedback text")?;
            let now = now_stamp();
            tx.execute(
                "INSERT INTO outbox (signal_id, is_final, text, next_due, to_addr, subject, sender_name,
                                     message_id, status, created_by, created_at, updated_at, also_to)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'sending', ?9, ?10, ?10, ?11)",
                params![
                    m.signal_id,
                    m.is_final,
                    text,
                    m.next_due.map(date_str),
                    m.to,
                    m.subject,
                    m.sender_name,
                    m.message_id,
                    ctx.user,
                    now,
                    m.also_to.join(", ")
                ],
            )?;
            let id = tx.last_insert_rowid();
            let entry = get_tx(tx, id)?;
            audit::log(
                tx,
                ctx,
                entry.signal_ref(),
                "mail",
                json!({"mail": [null, "sending"], "to": [null, entry.to], "message_id": [null, entry.message_id]}),
            )?;
            Ok(entry)
        })
    }

    /// The message went out: mark it sent and record the feedback it gives, together.
    pub fn outbox_sent(&mut self, id: i64) -> Result<(OutboxEntry, Signal)> {
        self.write(|tx, ctx| {
            let entry = get_tx(tx, id)?;
            let signal = add_feedback_tx(tx, ctx, entry.signal_id, entry.feedback(), None)?;
            let fid: i64 = tx.query_row(
                "SELECT max(id) FROM feedback WHERE signal_id = ?1",
                [entry.signal_id],
                |r| r.get(0),
            )?;
            let entry = set_status(tx, ctx, id, MailStatus::Sent, None, None, Some(fid))?;
            Ok((entry, signal))
        })
    }

    /// The message went out but the feedback could not be recorded (the signal moved
    /// on meanwhile): it is sent all the same, with the reason kept beside it.
    pub fn outbox_sent_unrecorded(&mut self, id: i64, why: &str) -> Result<OutboxEntry> {
        self.write(|tx, ctx| set_status(tx, ctx, id, MailStatus::Sent, Some(why), None, None))
    }

    /// Not delivered: keep the message with the server's answer, for a retry.
    pub fn outbox_failed(&mut self, id: i64, error: &str) -> Result<OutboxEntry> {
        self.write(|tx, ctx| set_status(tx, ctx, id, MailStatus::Failed, Some(error), None, None))
    }

    /// Written as an `.eml` draft at `path`: nothing was given yet.
    pub fn outbox_draft(&mut self, id: i64, path: &str) -> Result<OutboxEntry> {
        self.write(|tx, ctx| set_status(tx, ctx, id, MailStatus::Draft, None, Some(path), None))
    }

    pub fn outbox_entry(&self, id: i64) -> Result<OutboxEntry> {
        self.conn
            .query_row(
                &format!("SELECT {COLS} FROM outbox WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?
            .ok_or_else(|| super::StoreError::NotFound(format!("outbox message {id}")))
    }

    /// The outbox, newest first; `all` includes the sent messages.
    pub fn outbox(&self, all: bool) -> Result<Vec<OutboxEntry>> {
        let filter = if all { "" } else { "WHERE status <> 'sent'" };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLS} FROM outbox {filter} ORDER BY id DESC"
        ))?;
        let rows = stmt
            .query_map([], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

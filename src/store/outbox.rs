//! The outbox: every e-mail wijkdesk composed, kept with what was typed so that a
//! message the server refused or could not reach is never lost and can be sent again.
//! Feedback: only a sent message becomes feedback given (in the same transaction).
//! Meeting mail (invitations, cancellations, minutes): each change of status is written
//! in the meeting's history; a sent invitation records the SEQUENCE it carried.

use super::signal_record::Signal;
use super::signals::{NewFeedback, add_feedback_tx};
use super::timeline::log_event;
use super::{Result, Store, audit, date_str, now_stamp, parse_date_col};
use crate::domain::Problem;
use crate::domain::signal::Channel;
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

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailKind {
    /// Feedback on a signal.
    Feedback,
    /// A meeting's invitation, or its update.
    Invite,
    /// A meeting's cancellation.
    Cancel,
    /// A finalised meeting's minutes.
    Minutes,
}

impl MailKind {
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Feedback => "feedback",
            MailKind::Invite => "invite",
            MailKind::Cancel => "cancel",
            MailKind::Minutes => "minutes",
        }
    }

    fn parse(s: &str) -> MailKind {
        match s {
            "invite" => MailKind::Invite,
            "cancel" => MailKind::Cancel,
            "minutes" => MailKind::Minutes,
            _ => MailKind::Feedback,
        }
    }

    /// How the meeting's history names the message.
    fn words(self) -> &'static str {
        match self {
            MailKind::Feedback => "feedback",
            MailKind::Invite => "invitation",
            MailKind::Cancel => "cancellation",
            MailKind::Minutes => "minutes",
        }
    }
}

/// A meeting's message to keep before it is sent.
#[derive(Debug, Clone)]
pub struct NewMeetingMail {
    pub kind: MailKind,
    pub meeting_id: i64,
    pub to: String,
    pub subject: String,
    /// The readable text.
    pub text: String,
    /// The iCalendar part of an invitation or cancellation, and its SEQUENCE.
    pub calendar: Option<String>,
    pub sequence: Option<i64>,
    /// A file to attach: its name and text (the minutes' .md).
    pub attachment: Option<(String, String)>,
    pub sender_name: Option<String>,
    pub message_id: String,
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
    pub kind: MailKind,
    /// Feedback: the signal; meeting mail: None.
    pub signal_id: Option<i64>,
    /// Meeting mail: the meeting.
    pub meeting_id: Option<i64>,
    #[serde(skip)]
    pub calendar: Option<String>,
    pub sequence: Option<i64>,
    pub attachment_name: Option<String>,
    #[serde(skip)]
    pub attachment: Option<String>,
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

    /// The signal of a feedback message (as before meeting mail; see [`Self::record`]).
    pub fn signal_ref(&self) -> RecordRef {
        self.record()
    }

    /// The record the message is about: its signal, or its meeting.
    pub fn record(&self) -> RecordRef {
        match (self.signal_id, self.meeting_id) {
            (Some(s), _) => RecordRef::new(RecordKind::Signal, s),
            (None, Some(m)) => RecordRef::new(RecordKind::Meeting, m),
            (None, None) => RecordRef::new(RecordKind::Signal, 0),
        }
    }
}

const COLS: &str = "id, signal_id, is_final, text, next_due, to_addr, subject, sender_name, \
                    message_id, status, error, draft_path, attempts, feedback_id, created_by, \
                    created_at, updated_at, also_to, kind, meeting_id, calendar, sequence, \
                    attachment_name, attachment";

fn row(r: &Row<'_>) -> rusqlite::Result<OutboxEntry> {
    Ok(OutboxEntry {
        id: r.get(0)?,
        signal_id: r.get(1)?,
        kind: MailKind::parse(&r.get::<_, String>(18)?),
        meeting_id: r.get(19)?,
        calendar: r.get(20)?,
        sequence: r.get(21)?,
        attachment_name: r.get(22)?,
        attachment: r.get(23)?,
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
    .ok_or_else(|| super::StoreError::Invalid(Problem::OutboxMissing { id }))
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
    if let (None, Some(meeting_id)) = (before.signal_id, before.meeting_id) {
        return meeting_mail_status(tx, ctx, before, meeting_id, status, error, draft_path);
    }
    audit::log(
        tx,
        ctx,
        before.record(),
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
    if !detail.is_empty()
        && let Some(signal_id) = before.signal_id
    {
        log_event(tx, ctx, signal_id, "mail", None, None, &detail)?;
    }
    get_tx(tx, id)
}

/// A meeting's message changed status: its history says which message, to whom, what
/// became of it and (for an invitation or cancellation) the SEQUENCE; once sent, the
/// meeting remembers the SEQUENCE that went out (written as a draft counts).
fn meeting_mail_status(
    tx: &Transaction<'_>,
    ctx: &super::Ctx,
    before: OutboxEntry,
    meeting_id: i64,
    status: MailStatus,
    error: Option<&str>,
    draft_path: Option<&str>,
) -> Result<OutboxEntry> {
    let seq = before
        .sequence
        .map(|n| format!(", sequence {n}"))
        .unwrap_or_default();
    let outcome = match status {
        MailStatus::Sent => format!("sent{seq} (outbox {})", before.id),
        MailStatus::Failed => format!(
            "not sent{seq}: {} (outbox {}; wijkdesk mail retry {})",
            error.unwrap_or_default(),
            before.id,
            before.id
        ),
        MailStatus::Draft => format!("draft{seq}: {}", draft_path.unwrap_or_default()),
        MailStatus::Sending => format!("sending{seq}"),
    };
    let field = format!("{} to {}", before.kind.words(), before.to);
    audit::log(
        tx,
        ctx,
        RecordRef::new(RecordKind::Meeting, meeting_id),
        "mail",
        json!({ field: [before.status.code(), outcome] }),
    )?;
    // A draft counts as sent: without a mail server, the user sends it by hand.
    if matches!(status, MailStatus::Sent | MailStatus::Draft)
        && matches!(before.kind, MailKind::Invite | MailKind::Cancel)
        && let Some(n) = before.sequence
    {
        tx.execute(
            "UPDATE meeting SET invited_sequence = max(coalesce(invited_sequence, -1), ?2) WHERE id = ?1",
            params![meeting_id, n],
        )?;
    }
    get_tx(tx, before.id)
}

impl Store {
    /// Keep a message before it goes out, so nothing typed is lost whatever happens.
    pub fn outbox_add(&mut self, m: NewMail) -> Result<OutboxEntry> {
        self.write(|tx, ctx| {
            let text = crate::domain::required(&m.text, crate::domain::Field::FeedbackText)?;
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
                entry.record(),
                "mail",
                json!({"mail": [null, "sending"], "to": [null, entry.to], "message_id": [null, entry.message_id]}),
            )?;
            Ok(entry)
        })
    }

    /// Keep a meeting's message (invitation, cancellation, minutes) before it goes out.
    pub fn outbox_add_meeting(&mut self, m: NewMeetingMail) -> Result<OutboxEntry> {
        self.write(|tx, ctx| {
            super::exists(tx, RecordRef::new(RecordKind::Meeting, m.meeting_id))?;
            let now = now_stamp();
            let (att_name, att) = m.attachment.clone().unzip();
            tx.execute(
                "INSERT INTO outbox (kind, meeting_id, is_final, text, to_addr, subject, sender_name,
                                     message_id, status, created_by, created_at, updated_at,
                                     calendar, sequence, attachment_name, attachment)
                 VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, 'sending', ?8, ?9, ?9, ?10, ?11, ?12, ?13)",
                params![
                    m.kind.code(),
                    m.meeting_id,
                    m.text,
                    m.to,
                    m.subject,
                    m.sender_name,
                    m.message_id,
                    ctx.user,
                    now,
                    m.calendar,
                    m.sequence,
                    att_name,
                    att
                ],
            )?;
            get_tx(tx, tx.last_insert_rowid())
        })
    }

    /// A meeting's message went out.
    pub fn outbox_meeting_sent(&mut self, id: i64) -> Result<OutboxEntry> {
        self.write(|tx, ctx| set_status(tx, ctx, id, MailStatus::Sent, None, None, None))
    }

    /// A meeting's messages, oldest first.
    pub fn meeting_mail(&self, meeting_id: i64) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLS} FROM outbox WHERE meeting_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt
            .query_map([meeting_id], row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The message went out: mark it sent and record the feedback it gives, together.
    pub fn outbox_sent(&mut self, id: i64) -> Result<(OutboxEntry, Signal)> {
        self.write(|tx, ctx| {
            let entry = get_tx(tx, id)?;
            let signal_id = entry
                .signal_id
                .ok_or_else(|| super::StoreError::Invalid(Problem::OutboxNotFeedback { id }))?;
            let signal = add_feedback_tx(tx, ctx, signal_id, entry.feedback(), None)?;
            let fid: i64 = tx.query_row(
                "SELECT max(id) FROM feedback WHERE signal_id = ?1",
                [signal_id],
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
            .ok_or_else(|| super::StoreError::Invalid(Problem::OutboxMissing { id }))
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

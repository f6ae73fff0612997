//! Sending mail, through the `lettre` crate: the `[mail]` settings, building a
//! message, and handing it to SMTP, a sendmail-compatible command or an `.eml` draft.
//! Feedback e-mail (below) is the first user; minutes, calendars and statements can
//! build an [`Outgoing`] and call [`compose`] and [`deliver`] the same way.

use crate::domain::Problem;
use crate::domain::ics::{self, Method};
use crate::store::{
    MailKind, MailStatus, NewFeedback, NewMail, OutboxEntry, Signal, Store, StoreError,
};
use chrono::Utc;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, Message, MultiPart, SinglePart};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SendmailTransport, SmtpTransport, Transport as _};
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `[mail]` table as written in the config file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMail {
    pub from: Option<String>,
    pub reply_to: Option<String>,
    /// `smtp://user:pass@host:587?tls=required`, `smtps://host`, `sendmail` or `file`.
    pub url: Option<String>,
    /// With `url = "sendmail"`: the command to run (default `/usr/sbin/sendmail`).
    pub command: Option<String>,
    /// With `url = "file"`: where drafts go (default: beside the database).
    pub dir: Option<PathBuf>,
    /// A PEM file with the certificate authority of an internal mail server.
    pub ca_file: Option<PathBuf>,
    /// Seconds to wait for the server (default 20).
    pub timeout: Option<u64>,
}

/// How messages leave wijkdesk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// lettre's connection URL: `smtp://`, `smtp://…?tls=required` (STARTTLS), `smtps://`.
    Smtp(String),
    /// A sendmail-compatible command; lettre runs it without a shell, as
    /// `command -i -f FROM -- TO`, so no address is ever split or interpreted.
    Sendmail(Option<String>),
    /// `.eml` drafts in this folder (None: beside the database).
    File(Option<PathBuf>),
}

/// The checked `[mail]` settings.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
    pub route: Route,
    pub ca_file: Option<PathBuf>,
    pub timeout: Duration,
}

impl MailConfig {
    /// Check the table; the message says what to write instead.
    pub fn from_raw(raw: RawMail) -> Result<MailConfig, String> {
        let from = raw
            .from
            .as_deref()
            .ok_or("[mail] needs from = \"Name <address>\"")?;
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("[mail] from = \"{from}\": not an address ({e})"))?;
        let reply_to = raw
            .reply_to
            .as_deref()
            .map(|r| {
                r.parse::<Mailbox>()
                    .map_err(|e| format!("[mail] reply_to = \"{r}\": not an address ({e})"))
            })
            .transpose()?;
        let url = raw.url.as_deref().map(str::trim).unwrap_or("file");
        let route = match url {
            "file" => Route::File(raw.dir),
            "sendmail" => Route::Sendmail(raw.command.filter(|c| !c.trim().is_empty())),
            u if u.starts_with("smtp://") || u.starts_with("smtps://") => {
                // Checked now, so a typo is reported at start and not at the first send.
                SmtpTransport::from_url(u)
                    .map_err(|e| format!("[mail] url = \"{}\": {e}", redact(u)))?;
                Route::Smtp(u.to_string())
            }
            other => {
                return Err(format!(
                    "[mail] url = \"{}\": use smtp://host:port, smtps://host, \"sendmail\" or \"file\"",
                    redact(other)
                ));
            }
        };
        Ok(MailConfig {
            from,
            reply_to,
            route,
            ca_file: raw.ca_file,
            timeout: Duration::from_secs(raw.timeout.unwrap_or(20).clamp(1, 300)),
        })
    }

    /// Where messages go, in words for the screens (no password).
    pub fn describe(&self) -> String {
        match &self.route {
            Route::Smtp(u) => redact(u),
            Route::Sendmail(c) => c.clone().unwrap_or_else(|| "sendmail".into()),
            Route::File(Some(d)) => d.display().to_string(),
            Route::File(None) => "file".into(),
        }
    }
}

/// A URL without its password, for messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// A message to send: who to, and what, as typed.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub to: String,
    /// Blind copies: organisations owed the same answer (merged signals).
    pub bcc: Vec<String>,
    pub subject: String,
    pub body: String,
    /// The staff member's name, shown as the From display name (the address is always
    /// the configured mailbox).
    pub sender_name: Option<String>,
    /// Without angle brackets.
    pub message_id: String,
}

/// Why a message did not go out.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct MailError {
    pub message: String,
}

fn err(message: impl Into<String>) -> MailError {
    MailError {
        message: message.into(),
    }
}

/// What a message carries beside its text.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// An iTIP calendar part: the method (`REQUEST`, `CANCEL`) and the iCalendar text.
    /// The message becomes multipart/alternative: the text, then `text/calendar`.
    pub calendar: Option<(String, String)>,
    /// A Markdown file attached: its name and text. The message becomes
    /// multipart/mixed: the text, then the file.
    pub attachment: Option<(String, String)>,
}

/// Build the message. Without settings (drafts only) it has no From: the mail program
/// that opens the draft fills in its own account.
pub fn compose(cfg: Option<&MailConfig>, out: &Outgoing) -> Result<Message, MailError> {
    let b = builder(cfg, out)?;
    let msg = b
        .header(ContentType::TEXT_PLAIN)
        .body(out.body.replace("\r\n", "\n"))
        .map_err(|e| err(format!("cannot build the message: {e}")))?;
    Ok(finish(cfg, msg))
}

/// [`compose`], with a calendar part or an attachment.
pub fn compose_parts(
    cfg: Option<&MailConfig>,
    out: &Outgoing,
    parts: &Parts,
) -> Result<Message, MailError> {
    let b = builder(cfg, out)?;
    let text = out.body.replace("\r\n", "\n");
    let content =
        |t: &str| ContentType::parse(t).map_err(|e| err(format!("cannot build the message: {e}")));
    let built = match (&parts.calendar, &parts.attachment) {
        (None, None) => b.header(ContentType::TEXT_PLAIN).body(text),
        (Some((method, ics)), _) => b.multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(text))
                .singlepart(
                    SinglePart::builder()
                        .header(content(&format!(
                            "text/calendar; method={method}; charset=utf-8"
                        ))?)
                        .body(ics.clone()),
                ),
        ),
        (None, Some((name, file))) => b.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(text))
                .singlepart(
                    Attachment::new(name.clone())
                        .body(file.clone(), content("text/markdown; charset=utf-8")?),
                ),
        ),
    };
    let msg = built.map_err(|e| err(format!("cannot build the message: {e}")))?;
    Ok(finish(cfg, msg))
}

/// The message with `out.body` as its plain text and `html` as the HTML alternative.
pub fn compose_html(
    cfg: Option<&MailConfig>,
    out: &Outgoing,
    html: &str,
) -> Result<Message, MailError> {
    let msg = builder(cfg, out)?
        .multipart(MultiPart::alternative_plain_html(
            out.body.replace("\r\n", "\n"),
            html.to_string(),
        ))
        .map_err(|e| err(format!("cannot build the message: {e}")))?;
    Ok(finish(cfg, msg))
}

/// A draft without settings leaves From to the mail program that opens it.
fn finish(cfg: Option<&MailConfig>, mut msg: Message) -> Message {
    if cfg.is_none() {
        msg.headers_mut().remove::<lettre::message::header::From>();
    }
    msg
}

/// Every header of a message: From, To, Bcc, Subject, Date, Message-ID, Reply-To.
fn builder(
    cfg: Option<&MailConfig>,
    out: &Outgoing,
) -> Result<lettre::message::MessageBuilder, MailError> {
    let to: Mailbox = out
        .to
        .parse()
        .map_err(|e| err(format!("\"{}\" is not an e-mail address ({e})", out.to)))?;
    let placeholder: Mailbox = "wijkdesk <draft@wijkdesk.invalid>".parse().expect("valid");
    let from = match cfg {
        Some(c) => {
            let name = out
                .sender_name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from)
                .or_else(|| c.from.name.clone());
            Mailbox::new(name, c.from.email.clone())
        }
        None => placeholder.clone(),
    };
    let mut b = Message::builder().from(from).to(to);
    for a in &out.bcc {
        let m: Mailbox = a
            .parse()
            .map_err(|e| err(format!("\"{a}\" is not an e-mail address ({e})")))?;
        b = b.bcc(m);
    }
    // A draft shows who else gets it; a sent message keeps Bcc in the envelope only.
    if cfg.is_none_or(|c| matches!(c.route, Route::File(_))) {
        b = b.keep_bcc();
    }
    let mut b = b
        .subject(one_line(&out.subject))
        .date_now()
        .message_id(Some(format!("<{}>", out.message_id)));
    if let Some(r) = cfg.and_then(|c| c.reply_to.clone()) {
        b = b.reply_to(r);
    }
    Ok(b)
}

/// Header text may not carry a line break.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_control())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a message left wijkdesk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The server (or the sendmail command) accepted it.
    Sent,
    /// Written as an `.eml` draft here, to send by hand.
    Draft(PathBuf),
}

/// Send `msg` by the configured route; without settings, or with `url = "file"`,
/// write a draft into `drafts` (or the configured folder).
pub fn deliver(
    cfg: Option<&MailConfig>,
    msg: &Message,
    drafts: &Path,
) -> Result<Delivery, MailError> {
    match cfg.map(|c| &c.route) {
        None => write_draft(msg, drafts),
        Some(Route::File(dir)) => write_draft(msg, dir.as_deref().unwrap_or(drafts)),
        Some(Route::Sendmail(cmd)) => {
            let t = match cmd {
                Some(c) => SendmailTransport::new_with_command(c),
                None => SendmailTransport::new(),
            };
            t.send(msg)
                .map(|_| Delivery::Sent)
                .map_err(|e| err(format!("the sendmail command failed: {e}")))
        }
        Some(Route::Smtp(url)) => {
            let cfg = cfg.expect("route comes from cfg");
            let t = smtp(url, cfg)?;
            t.send(msg).map(|_| Delivery::Sent).map_err(|e| {
                let why = match e.status() {
                    Some(code) => format!("the mail server refused the message ({code}): {e}"),
                    None => format!(
                        "the mail server could not be reached ({}): {e}",
                        redact(url)
                    ),
                };
                err(why)
            })
        }
    }
}

fn smtp(url: &str, cfg: &MailConfig) -> Result<SmtpTransport, MailError> {
    let bad = |e: lettre::transport::smtp::Error| err(format!("{}: {e}", redact(url)));
    let mut b = SmtpTransport::from_url(url)
        .map_err(bad)?
        .timeout(Some(cfg.timeout));
    if let Some(ca) = &cfg.ca_file {
        // The same TLS mode as the URL says, trusting the internal authority too.
        let u = url::Url::parse(url).map_err(|e| err(e.to_string()))?;
        let host = u.host_str().unwrap_or_default().to_string();
        let pem = std::fs::read(ca)
            .map_err(|e| err(format!("cannot read ca_file {}: {e}", ca.display())))?;
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| err(format!("ca_file {}: {e}", ca.display())))?;
        let params = TlsParameters::builder(host)
            .add_root_certificate(cert)
            .build_rustls()
            .map_err(bad)?;
        let tls = |q: &str| u.query_pairs().any(|(k, v)| k == "tls" && v == q);
        let mode = if u.scheme() == "smtps" {
            Some(Tls::Wrapper(params))
        } else if tls("required") {
            Some(Tls::Required(params))
        } else if tls("opportunistic") {
            Some(Tls::Opportunistic(params))
        } else {
            None
        };
        if let Some(m) = mode {
            b = b.tls(m);
        }
    }
    Ok(b.build())
}

/// An `.eml` draft: `X-Unsent: 1` makes Outlook open it as a message to send, and
/// only its owner may read it (0600, never over an existing file).
fn write_draft(msg: &Message, dir: &Path) -> Result<Delivery, MailError> {
    crate::files::create_dir_private(dir)
        .map_err(|e| err(format!("cannot create {}: {e}", dir.display())))?;
    let mut msg = msg.clone();
    msg.headers_mut().insert_raw(HeaderValue::new(
        HeaderName::new_from_ascii_str("X-Unsent"),
        "1".into(),
    ));
    let id = msg
        .headers()
        .get_raw("Message-ID")
        .unwrap_or("message")
        .to_string();
    let safe: String = id
        .trim_matches(|c| c == '<' || c == '>')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    for n in 0..100 {
        let name = if n == 0 {
            format!("{safe}.eml")
        } else {
            format!("{safe}-{n}.eml")
        };
        let path = dir.join(name);
        match crate::files::create_new(&path) {
            Ok(mut f) => {
                f.write_all(&msg.formatted())
                    .map_err(|e| err(format!("cannot write {}: {e}", path.display())))?;
                return Ok(Delivery::Draft(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(err(format!("cannot write {}: {e}", path.display()))),
        }
    }
    Err(err(format!(
        "too many drafts named {safe} in {}",
        dir.display()
    )))
}

/// Drafts without a configured folder go beside the database.
pub fn drafts_dir(store: &Store) -> PathBuf {
    store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.join("drafts"))
        .unwrap_or_else(|| PathBuf::from("drafts"))
}

/// The outcome of feedback by e-mail.
#[derive(Debug)]
pub struct EmailFeedback {
    pub entry: OutboxEntry,
    /// The signal after the feedback was recorded: only when the message was sent.
    pub signal: Option<Signal>,
}

impl EmailFeedback {
    /// One line for the user: sent, draft (where) or failed (why, and how to retry).
    pub fn summary(&self) -> String {
        let e = &self.entry;
        if e.kind != MailKind::Feedback {
            return meeting_mail_summary(e);
        }
        match e.status {
            MailStatus::Sent => match &self.signal {
                Some(_) => format!("sent to {} (outbox {})", e.to, e.id),
                None => format!(
                    "sent to {} (outbox {}), but not recorded: {}",
                    e.to,
                    e.id,
                    e.error.as_deref().unwrap_or("")
                ),
            },
            MailStatus::Draft => format!(
                "not sent: draft written to {}; send it from your mail program, then record the feedback",
                e.draft_path.as_deref().unwrap_or("?")
            ),
            MailStatus::Failed | MailStatus::Sending => format!(
                "not sent: {}; kept in the outbox as {} (wijkdesk mail retry {})",
                e.error.as_deref().unwrap_or("no answer"),
                e.id,
                e.id
            ),
        }
    }
}

impl EmailFeedback {
    /// Sent, and (for feedback) recorded as given.
    pub fn ok(&self) -> bool {
        self.entry.status == MailStatus::Sent
            && (self.entry.kind != MailKind::Feedback || self.signal.is_some())
    }
}

/// One line for a meeting's message: sent, draft (where) or failed (why, and the retry).
pub fn meeting_mail_summary(e: &OutboxEntry) -> String {
    match e.status {
        MailStatus::Sent => format!("sent to {} (outbox {})", e.to, e.id),
        MailStatus::Draft => format!(
            "not sent: draft for {} written to {}; send it from your mail program",
            e.to,
            e.draft_path.as_deref().unwrap_or("?")
        ),
        MailStatus::Failed | MailStatus::Sending => format!(
            "not sent to {}: {}; kept in the outbox as {} (wijkdesk mail retry {})",
            e.to,
            e.error.as_deref().unwrap_or("no answer"),
            e.id,
            e.id
        ),
    }
}

/// The address feedback on `signal` goes to: the organisation's, else its contact
/// person's.
pub fn recipient(store: &Store, signal: &Signal) -> Result<String, StoreError> {
    let org_id = signal.org_id.ok_or_else(|| {
        StoreError::Invalid(Problem::FeedbackNoOrg {
            signal: signal.reference().to_string(),
        })
    })?;
    let org = store.org(org_id)?;
    if let Some(e) = org.email.filter(|e| !e.trim().is_empty()) {
        return Ok(e);
    }
    store
        .people("", Some(org_id), 50)?
        .into_iter()
        .find_map(|p| p.email.filter(|e| !e.trim().is_empty()))
        .ok_or_else(|| {
            StoreError::Invalid(Problem::FeedbackNoAddress {
                org: org.name.clone(),
            })
        })
}

/// Send feedback on a signal by e-mail. The step is checked before anything is
/// sent; the message is kept in the outbox first, so a refusal or an unreachable
/// server loses nothing; only a sent message is recorded as feedback given.
pub fn send_feedback(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    signal_id: i64,
    feedback: NewFeedback,
    sender_name: Option<&str>,
) -> Result<EmailFeedback, StoreError> {
    use crate::domain::signal::{SignalEvent, SignalFacts, transition};
    let signal = store.signal(signal_id)?;
    let to = recipient(store, &signal)?;
    let has_final = store.feedback_of(signal_id)?.iter().any(|f| f.is_final);
    let event = if feedback.is_final {
        SignalEvent::FinalFeedback
    } else {
        SignalEvent::InterimFeedback
    };
    transition(
        SignalFacts {
            state: signal.state,
            has_final_feedback: has_final,
        },
        event,
    )?;
    crate::domain::required(&feedback.text, crate::domain::Field::FeedbackText)?;
    let domain = cfg
        .map(|c| c.from.email.domain().to_string())
        .unwrap_or_else(|| "wijkdesk.invalid".into());
    // Final feedback answers every organisation whose signal was merged into this one.
    let mut also_to: Vec<String> = Vec::new();
    if feedback.is_final {
        for owed in store.owed_through(signal_id)? {
            if let Ok(a) = recipient(store, &owed)
                && a != to
                && !also_to.contains(&a)
            {
                also_to.push(a);
            }
        }
    }
    let entry = store.outbox_add(NewMail {
        signal_id,
        is_final: feedback.is_final,
        text: feedback.text,
        next_due: feedback.next_due,
        to,
        also_to,
        subject: format!("Terugkoppeling {}: {}", signal.reference(), signal.title),
        sender_name: sender_name.map(String::from),
        message_id: format!(
            "{}.{}.{}@{domain}",
            signal.reference(),
            Utc::now().timestamp_millis(),
            std::process::id()
        ),
    })?;
    attempt(store, cfg, entry)
}

/// Send (again) a message kept in the outbox.
pub fn retry(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    id: i64,
) -> Result<EmailFeedback, StoreError> {
    let entry = store.outbox_entry(id)?;
    if entry.status == MailStatus::Sent {
        return Err(StoreError::Invalid(Problem::OutboxSentAlready { id }));
    }
    if entry.kind != MailKind::Feedback {
        return Ok(EmailFeedback {
            entry: attempt_meeting(store, cfg, entry)?,
            signal: None,
        });
    }
    attempt(store, cfg, entry)
}

/// Send (again) a meeting's message from the outbox: exactly what was composed.
pub fn attempt_meeting(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    entry: OutboxEntry,
) -> Result<OutboxEntry, StoreError> {
    let out = Outgoing {
        to: entry.to.clone(),
        bcc: Vec::new(),
        subject: entry.subject.clone(),
        body: entry.text.clone(),
        sender_name: entry.sender_name.clone(),
        message_id: entry.message_id.clone(),
    };
    let method = match entry.kind {
        MailKind::Cancel => Method::Cancel,
        _ => Method::Request,
    };
    let parts = Parts {
        calendar: entry
            .calendar
            .clone()
            .map(|c| (method.code().to_string(), ics::fold_all(&c))),
        attachment: entry.attachment_name.clone().zip(entry.attachment.clone()),
    };
    let sent = compose_parts(cfg, &out, &parts).and_then(|m| deliver(cfg, &m, &drafts_dir(store)));
    match sent {
        Ok(Delivery::Sent) => store.outbox_meeting_sent(entry.id),
        Ok(Delivery::Draft(path)) => store.outbox_draft(entry.id, &path.display().to_string()),
        Err(e) => store.outbox_failed(entry.id, &e.message),
    }
}

fn attempt(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    entry: OutboxEntry,
) -> Result<EmailFeedback, StoreError> {
    let out = Outgoing {
        to: entry.to.clone(),
        bcc: entry.also_to.clone(),
        subject: entry.subject.clone(),
        body: entry.text.clone(),
        sender_name: entry.sender_name.clone(),
        message_id: entry.message_id.clone(),
    };
    let sent = compose(cfg, &out).and_then(|m| deliver(cfg, &m, &drafts_dir(store)));
    match sent {
        Ok(Delivery::Sent) => match store.outbox_sent(entry.id) {
            Ok((entry, signal)) => Ok(EmailFeedback {
                entry,
                signal: Some(signal),
            }),
            Err(e) => Ok(EmailFeedback {
                entry: store.outbox_sent_unrecorded(entry.id, &e.to_string())?,
                signal: None,
            }),
        },
        Ok(Delivery::Draft(path)) => Ok(EmailFeedback {
            entry: store.outbox_draft(entry.id, &path.display().to_string())?,
            signal: None,
        }),
        Err(e) => Ok(EmailFeedback {
            entry: store.outbox_failed(entry.id, &e.message)?,
            signal: None,
        }),
    }
}

/// The staff member's own name for the From display name: the person whose username
/// is the account. None: the configured display name stays.
pub fn sender_name(store: &Store) -> Option<String> {
    let id = store.current_person().ok().flatten()?;
    store.person(id).ok().map(|p| p.name)
}

/// The address an organisation is written to: its own, else its first contact
/// person's that has one.
pub fn org_address(store: &Store, org_id: i64) -> Result<String, StoreError> {
    let org = store.org(org_id)?;
    if let Some(e) = org.email.clone().filter(|e| !e.trim().is_empty()) {
        return Ok(e);
    }
    store
        .people("", Some(org_id), 50)?
        .into_iter()
        .find_map(|p| p.email.filter(|e| !e.trim().is_empty()))
        .ok_or_else(|| {
            StoreError::Invalid(Problem::StatementNoAddress {
                org: org.name.clone(),
                reference: org.reference().to_string(),
            })
        })
}

/// What became of a statement sent by e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementSent {
    Sent { to: String },
    Draft { to: String, path: PathBuf },
}

impl StatementSent {
    pub fn summary(&self) -> String {
        match self {
            StatementSent::Sent { to } => format!("statement sent to {to}"),
            StatementSent::Draft { to, path } => format!(
                "statement for {to} written as a draft: {} (send it from your mail program)",
                path.display()
            ),
        }
    }
}

/// E-mail the statement to the organisation: the Markdown as the plain text, the HTML
/// page as its alternative. Sent or written as a draft, it is noted in the
/// organisation's history; a message that could not go out is an error and changes
/// nothing (the statement can be made again at any time).
pub fn send_statement(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    org_id: i64,
    since: Option<chrono::NaiveDate>,
    lang: crate::domain::minutes_export::Lang,
) -> Result<StatementSent, StoreError> {
    use crate::domain::minutes_export::Lang;
    use crate::domain::report::statement::{html, markdown};
    let to = org_address(store, org_id)?;
    let st = store.statement(org_id, since)?;
    let domain = cfg
        .map(|c| c.from.email.domain().to_string())
        .unwrap_or_else(|| "wijkdesk.invalid".into());
    let subject = match lang {
        Lang::Nl => format!("Overzicht voor {}", st.name),
        Lang::En => format!("Statement for {}", st.name),
    };
    let out = Outgoing {
        to: to.clone(),
        bcc: Vec::new(),
        subject,
        body: markdown(&st, lang),
        sender_name: sender_name(store),
        message_id: format!(
            "statement.{}.{}.{}@{domain}",
            st.reference,
            Utc::now().timestamp_millis(),
            std::process::id()
        ),
    };
    let msg = compose_html(cfg, &out, &html(&st, lang))
        .map_err(|e| StoreError::Invalid(Problem::Failure { error: e.message }))?;
    let done = deliver(cfg, &msg, &drafts_dir(store))
        .map_err(|e| StoreError::Invalid(Problem::StatementNotSent { error: e.message }))?;
    let (how, result) = match done {
        Delivery::Sent => ("sent".to_string(), StatementSent::Sent { to: to.clone() }),
        Delivery::Draft(path) => (
            format!("draft {}", path.display()),
            StatementSent::Draft {
                to: to.clone(),
                path,
            },
        ),
    };
    store.record_statement_sent(org_id, &to, &how, &out.message_id)?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> MailConfig {
        MailConfig::from_raw(RawMail {
            from: Some("Gemeente Den Haag <wijkzaken@denhaag.example>".into()),
            url: Some("file".into()),
            ..Default::default()
        })
        .unwrap()
    }

    fn out(subject: &str, sender: Option<&str>) -> Outgoing {
        Outgoing {
            to: "bo@example.org".into(),
            bcc: Vec::new(),
            subject: subject.into(),
            body: "Beste bewoners".into(),
            sender_name: sender.map(String::from),
            message_id: "S-1.1@denhaag.example".into(),
        }
    }

    fn text(m: &Message) -> String {
        String::from_utf8(m.formatted()).unwrap()
    }

    #[test]
    fn header_injection_is_impossible() {
        let m = compose(Some(&cfg()), &out("Hallo\r\nBcc: evil@example.com", None)).unwrap();
        let t = text(&m);
        assert!(!t.contains("\r\nBcc:"), "{t}");
        assert!(
            t.contains("Subject: Hallo Bcc: evil@example.com\r\n"),
            "{t}"
        );
    }

    #[test]
    fn the_staff_name_stands_in_the_display_name_the_address_stays() {
        let t = text(&compose(Some(&cfg()), &out("x", Some("Anouk de Vries"))).unwrap());
        assert!(
            t.contains("From: \"Anouk de Vries\" <wijkzaken@denhaag.example>\r\n"),
            "{t}"
        );
        let t = text(&compose(Some(&cfg()), &out("x", Some("  "))).unwrap());
        assert!(
            t.contains("From: \"Gemeente Den Haag\" <wijkzaken@denhaag.example>\r\n"),
            "{t}"
        );
        assert!(t.contains("Message-ID: <S-1.1@denhaag.example>\r\n"), "{t}");
    }

    #[test]
    fn a_draft_without_settings_has_no_from_and_a_bad_address_is_refused() {
        let t = text(&compose(None, &out("x", Some("Anouk"))).unwrap());
        assert!(!t.contains("From:"), "{t}");
        let mut o = out("x", None);
        o.to = "not an address".into();
        assert!(compose(Some(&cfg()), &o).is_err());
    }
}

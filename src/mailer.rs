//! Sending feedback by email through the server's mail command (`sendmail -t` by
//! default), or writing an `.eml` file to send by hand when there is none.

use crate::domain::mail::Email;
use chrono::Utc;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How a message left wijkdesk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The mail command accepted it (exit 0).
    Sent,
    /// No mail command: written here for the user to send.
    Saved(PathBuf),
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct MailError(pub String);

/// Hand `email` to `command` (split on whitespace, e.g. "sendmail -t"); with no
/// command, write `<dir>/<message-id>.eml`. Only a successful send counts as sent.
pub fn deliver(
    email: &Email,
    command: Option<&str>,
    eml_dir: &Path,
    message_id: &str,
) -> Result<Delivery, MailError> {
    let text = email.render(Utc::now(), message_id);
    match command.map(str::trim).filter(|c| !c.is_empty()) {
        Some(cmd) => {
            let mut parts = cmd.split_whitespace();
            let program = parts.next().unwrap_or("sendmail");
            let mut child = Command::new(program)
                .args(parts)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| MailError(format!("cannot run the mail command \"{cmd}\": {e}")))?;
            // A command that fails early may close its input first: its exit status
            // and stderr say more than the broken pipe, so read those before judging.
            let written = child
                .stdin
                .take()
                .ok_or_else(|| MailError("the mail command has no input".into()))?
                .write_all(text.as_bytes());
            let out = child
                .wait_with_output()
                .map_err(|e| MailError(format!("the mail command failed: {e}")))?;
            if out.status.success() {
                written.map_err(|e| {
                    MailError(format!("the mail command did not take the message: {e}"))
                })?;
                Ok(Delivery::Sent)
            } else {
                let why = String::from_utf8_lossy(&out.stderr);
                let why = why.lines().next().unwrap_or("").trim();
                Err(MailError(format!(
                    "the mail command \"{cmd}\" failed ({}){}",
                    out.status,
                    if why.is_empty() {
                        String::new()
                    } else {
                        format!(": {why}")
                    }
                )))
            }
        }
        None => {
            crate::files::create_dir_private(eml_dir)
                .map_err(|e| MailError(format!("cannot create {}: {e}", eml_dir.display())))?;
            let safe: String = message_id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let path = eml_dir.join(format!("{safe}.eml"));
            crate::files::replace(&path, text.as_bytes())
                .map_err(|e| MailError(format!("cannot write {}: {e}", path.display())))?;
            Ok(Delivery::Saved(path))
        }
    }
}

/// The outcome of feedback by email.
#[derive(Debug)]
pub struct EmailFeedback {
    pub delivery: Delivery,
    /// The signal after the feedback was recorded; `None` when only an `.eml` file
    /// was written (nothing was given yet).
    pub signal: Option<crate::store::Signal>,
}

/// Send feedback on a signal to its organisation's contact address, and record it as
/// given only when the mail command succeeded. The transition is checked before
/// anything is sent, so a refused step never sends a message.
pub fn send_feedback(
    store: &mut crate::store::Store,
    signal_id: i64,
    feedback: crate::store::NewFeedback,
    from: &str,
    command: Option<&str>,
    eml_dir: &Path,
) -> Result<EmailFeedback, crate::store::StoreError> {
    use crate::domain::signal::{SignalEvent, SignalFacts, transition};
    use crate::store::StoreError;
    let signal = store.signal(signal_id)?;
    let org_id = signal.org_id.ok_or_else(|| {
        StoreError::Invalid(format!(
            "{} has no organisation to send feedback to",
            signal.reference()
        ))
    })?;
    let org = store.org(org_id)?;
    let to = org.email.clone().ok_or_else(|| {
        StoreError::Invalid(format!(
            "{} has no contact email address; add one or give feedback another way",
            org.name
        ))
    })?;
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
    crate::domain::required(&feedback.text, "the feedback text")?;
    let email = Email {
        from: from.to_string(),
        to,
        subject: format!("Terugkoppeling {}: {}", signal.reference(), signal.title),
        body: feedback.text.clone(),
    };
    let message_id = format!(
        "{}.{}@wijkdesk",
        signal.reference(),
        Utc::now().timestamp_millis()
    );
    let delivery =
        deliver(&email, command, eml_dir, &message_id).map_err(|e| StoreError::Io(e.0))?;
    let signal = match delivery {
        Delivery::Sent => Some(store.add_feedback(signal_id, feedback, None)?),
        Delivery::Saved(_) => None,
    };
    Ok(EmailFeedback { delivery, signal })
}

//! `wijkdesk meeting cancel`, `wijkdesk meeting invite` and `wijkdesk minutes send`:
//! a meeting in the organisations' calendars, and its minutes in their mailboxes.

use crate::cli::output::{Out, with_ref};
use crate::cli::{CliError, Expect, Result, id_of};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::domain::minutes_export::Lang as DocLang;
use crate::mail::sender_name;
use crate::meeting_mail::{MeetingMail, invite, send_minutes};
use crate::store::Store;
use clap::Args;

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// M-5 or 5
    meeting: String,
    /// Why it does not go ahead (in the history and the cancellation e-mail)
    #[arg(long)]
    reason: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MeetingMailArgs {
    /// M-5 or 5
    meeting: String,
    /// Print the outbox entries as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn cancel(a: CancelArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let m = store.cancel_meeting(id, a.reason.as_deref(), a.expect.expect_version)?;
    if a.json {
        return out.json(&with_ref(m.reference(), &m));
    }
    out.line(format!("{} is now cancelled", m.reference()))?;
    if m.invited_sequence.is_some() {
        out.line(format!(
            "invitations went out: send the cancellation with `wijkdesk meeting invite {}`",
            m.reference()
        ))?;
    }
    Ok(())
}

pub(super) fn invite_cmd(
    a: MeetingMailArgs,
    store: &mut Store,
    out: &mut Out,
    lang: DocLang,
) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let cfg = crate::cli::mail::mail_config();
    let sender = sender_name(store);
    let r = invite(store, cfg.as_ref(), id, sender.as_deref(), lang)?;
    report(r, out, a.json)
}

pub(super) fn minutes_send(
    a: MeetingMailArgs,
    store: &mut Store,
    out: &mut Out,
    lang: DocLang,
) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let cfg = crate::cli::mail::mail_config();
    let sender = sender_name(store);
    let r = send_minutes(store, cfg.as_ref(), id, sender.as_deref(), lang)?;
    report(r, out, a.json)
}

/// One line per message; an error status when any was not sent (a draft is not sent).
fn report(r: MeetingMail, out: &mut Out, json: bool) -> Result<()> {
    if json {
        out.json(&r.entries)?;
    } else {
        for line in r.lines() {
            out.line(line)?;
        }
    }
    let failed = r
        .entries
        .iter()
        .filter(|e| e.status == crate::store::MailStatus::Failed)
        .count();
    if failed > 0 {
        return Err(CliError::Said(Problem::NotSent {
            failed,
            outbox: true,
        }));
    }
    Ok(())
}

//! `wijkdesk mail`: the outbox (feedback, meeting invitations and minutes), and sending
//! again what failed.

use super::{App, CliError, Result};
use crate::domain::Problem;
use crate::mail::{MailConfig, retry};
use crate::store::MailStatus;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum MailCmd {
    /// List the e-mail that was not sent: failed (with the server's answer), drafts, and with --all the sent ones
    #[command(
        after_help = "Examples:\n  wijkdesk mail outbox\n  wijkdesk mail outbox --all --json"
    )]
    Outbox(OutboxArgs),
    /// Send failed messages again: one by its number, or every failed one
    #[command(
        long_about = "Send a message from the outbox again, with the [mail] settings of the config file, \
                      exactly as it was composed (an invitation keeps its SEQUENCE). Feedback that goes \
                      out now is recorded as the feedback it gives; a meeting's message is recorded in \
                      the meeting's history. One that fails again stays in the outbox with the new answer.",
        after_help = "Examples:\n  wijkdesk mail retry 3\n  wijkdesk mail retry --all"
    )]
    Retry(RetryArgs),
}

#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// Also list the sent messages
    #[arg(long)]
    all: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RetryArgs {
    /// The outbox number (see `wijkdesk mail outbox`)
    #[arg(required_unless_present = "all")]
    id: Option<i64>,
    /// Every failed message
    #[arg(long, conflicts_with = "id")]
    all: bool,
}

/// The `[mail]` settings of the config file; its problems go to standard error.
pub(super) fn mail_config() -> Option<MailConfig> {
    let (cfg, warnings) = crate::config::Config::load();
    for w in warnings {
        eprintln!("warning: {w}");
    }
    cfg.loop_cfg.mail
}

pub(super) fn run(cmd: MailCmd, app: &mut App) -> Result<()> {
    match cmd {
        MailCmd::Outbox(a) => {
            let rows = app.store.outbox(a.all)?;
            if a.json {
                return app.out.json(&rows);
            }
            if rows.is_empty() {
                return app.out.line("the outbox is empty");
            }
            for e in rows {
                let why = match e.status {
                    MailStatus::Failed => format!(": {}", e.error.as_deref().unwrap_or("")),
                    MailStatus::Draft => format!(": {}", e.draft_path.as_deref().unwrap_or("")),
                    _ => String::new(),
                };
                app.out.line(format!(
                    "{:>4}  {:<7}  {}  {}  {}{why}",
                    e.id,
                    e.status.code(),
                    e.record(),
                    e.to,
                    e.subject
                ))?;
            }
            Ok(())
        }
        MailCmd::Retry(a) => {
            let cfg = mail_config();
            let ids: Vec<i64> = match a.id {
                Some(id) => vec![id],
                None => app
                    .store
                    .outbox(false)?
                    .into_iter()
                    .filter(|e| e.status == MailStatus::Failed)
                    .map(|e| e.id)
                    .rev()
                    .collect(),
            };
            if ids.is_empty() {
                return app.out.line("no failed messages to send");
            }
            let mut failed = 0;
            for id in ids {
                let r = retry(&mut app.store, cfg.as_ref(), id)?;
                if !r.ok() {
                    failed += 1;
                }
                app.out.line(format!("{id}: {}", r.summary()))?;
            }
            if failed > 0 {
                return Err(CliError::Said(Problem::NotSent {
                    failed,
                    outbox: false,
                }));
            }
            Ok(())
        }
    }
}

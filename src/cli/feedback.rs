//! `wijkdesk feedback`: what an organisation was told about its signal, when and how.

use super::signal::{ChannelArg, changed};
use super::{App, CliError, Expect, Result, id_of};
use crate::domain::{Problem, RecordKind};
use crate::mail::{send_feedback, sender_name};
use crate::store::{Channel, MailStatus, NewFeedback};
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum FeedbackCmd {
    /// Record feedback given on a signal: interim (with the date of the next news) or final
    #[command(
        long_about = "Record what the organisation was told about its signal. Interim feedback \
                      (\"we are on it, expect news by …\") keeps the signal's state and, with --next, \
                      moves its feedback due date; final feedback (--final) makes the signal answered, \
                      after which it can be closed.",
        after_help = "Examples:\n  wijkdesk feedback add S-42 --channel email --text \"Gemeld bij DSO, reactie volgt\" --next +2w\n  \
                      wijkdesk feedback add S-42 --channel phone --text \"De tegels zijn vervangen\" --final\n  \
                      wijkdesk feedback add S-42 --channel email --text \"De tegels zijn vervangen\" --final --send"
    )]
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// S-42 or 42
    signal: String,
    /// How the organisation was told
    #[arg(long, value_enum)]
    channel: ChannelArg,
    /// What the organisation was told (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    text: String,
    /// Final feedback: the signal is answered
    #[arg(long = "final")]
    is_final: bool,
    /// Interim feedback: when the organisation can expect news next (becomes the feedback due date)
    #[arg(long, value_name = "DATE", conflicts_with = "is_final")]
    next: Option<String>,
    /// E-mail it to the organisation (its address, else its contact person's) with the
    /// config's [mail] settings; recorded only when it was sent, else kept in the outbox
    #[arg(long)]
    send: bool,
    #[command(flatten)]
    expect: Expect,
    /// Print the signal as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: FeedbackCmd, app: &mut App) -> Result<()> {
    match cmd {
        FeedbackCmd::Add(a) => {
            let id = id_of(RecordKind::Signal, &a.signal)?;
            let next_due = a
                .next
                .as_deref()
                .map(|d| app.due_date(d, |date| Problem::NextFeedbackPast { date }))
                .transpose()?;
            let fb = NewFeedback {
                channel: a.channel.into(),
                text: a.text,
                is_final: a.is_final,
                next_due,
            };
            let s = if a.send {
                if fb.channel != Channel::Email {
                    return Err(CliError::Said(Problem::NeedsFlag {
                        flag: "--send".into(),
                        needs: "--channel email".into(),
                    }));
                }
                if let Some(v) = a.expect.expect_version {
                    let now = app.store.signal(id)?.version;
                    if now != v {
                        return Err(CliError::Said(Problem::ChangedMeanwhile {
                            reference: format!("S-{id}"),
                            now,
                            expected: v,
                        }));
                    }
                }
                let cfg = super::mail::mail_config();
                let name = sender_name(&app.store);
                let r = send_feedback(&mut app.store, cfg.as_ref(), id, fb, name.as_deref())?;
                match r.signal.clone() {
                    Some(s) => {
                        if !a.json {
                            app.out.line(format!("e-mail {}", r.summary()))?;
                        }
                        s
                    }
                    // A draft is fine (exit 0); a failure is not feedback given.
                    None if r.entry.status == MailStatus::Draft => {
                        return app.out.line(r.summary());
                    }
                    None => {
                        let e = &r.entry;
                        return Err(CliError::Said(Problem::FeedbackMailNotGiven {
                            to: e.to.clone(),
                            id: e.id,
                            sent: e.status == MailStatus::Sent,
                            error: e.error.clone(),
                        }));
                    }
                }
            } else {
                app.store.add_feedback(id, fb, a.expect.expect_version)?
            };
            let detail = if a.is_final {
                ": final feedback recorded".to_string()
            } else {
                let due = s
                    .feedback_due
                    .map(|d| format!(", next feedback due {d}"))
                    .unwrap_or_default();
                format!(": interim feedback recorded{due}")
            };
            changed(app, &s, a.json, &detail)
        }
    }
}

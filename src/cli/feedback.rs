//! `wijkdesk feedback`: what an organisation was told about its signal, when and how.

use super::signal::{ChannelArg, changed};
use super::{App, Expect, Result, id_of};
use crate::domain::RecordKind;
use crate::store::NewFeedback;
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
                      wijkdesk feedback add S-42 --channel phone --text \"De tegels zijn vervangen\" --final"
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
    /// What the organisation was told
    #[arg(long)]
    text: String,
    /// Final feedback: the signal is answered
    #[arg(long = "final")]
    is_final: bool,
    /// Interim feedback: when the organisation can expect news next (becomes the feedback due date)
    #[arg(long, value_name = "DATE", conflicts_with = "is_final")]
    next: Option<String>,
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
                .map(|d| app.due_date(d, "the next feedback date"))
                .transpose()?;
            let s = app.store.add_feedback(
                id,
                NewFeedback {
                    channel: a.channel.into(),
                    text: a.text,
                    is_final: a.is_final,
                    next_due,
                },
                a.expect.expect_version,
            )?;
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

//! `wijkdesk digest`: a short plain-text list of what is overdue or due soon for one
//! person, for a login message or a daily mail from cron.

use super::output::fit;
use super::{App, CliError, Result};
use crate::domain::Problem;
use crate::store::{DIGEST_DAYS, Digest, DigestItem, MeetingTask};
use clap::Args;

/// Characters of a record's text shown on a digest line.
const TEXT_WIDTH: usize = 60;

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Whose digest: a username, P-4 or a unique prefix of a name [default: the current user]
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Look this many days ahead
    #[arg(long, value_name = "N", default_value_t = DIGEST_DAYS)]
    pub days: i64,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn run(a: DigestArgs, app: &mut App) -> Result<()> {
    if !(0..=366).contains(&a.days) {
        return Err(CliError::Said(Problem::FlagOutOfRange {
            flag: "--days".into(),
            value: a.days,
            min: 0,
            max: 366,
        }));
    }
    let person = match &a.user {
        Some(who) => app.store.digest_person(who)?,
        None => app.store.current_person()?.ok_or_else(|| {
            CliError::Said(Problem::NoPersonForUser {
                user: app.store.user().to_string(),
                mine: false,
            })
        })?,
    };
    let digest = app.store.digest(person, a.days)?;
    if a.json {
        return app.out.json(&digest);
    }
    for line in lines(&digest, app.out.none() == "-") {
        app.out.line(line)?;
    }
    Ok(())
}

fn days_text(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "1 day ago".to_string(),
        d if d < 0 => format!("{} days ago", -d),
        d => format!("in {d} days"),
    }
}

fn item_line(i: &DigestItem, ascii: bool) -> String {
    let what = match &i.org {
        Some(org) => format!("{} to {org}: {}", i.kind.label(), i.text),
        None => format!("{}: {}", i.kind.label(), i.text),
    };
    format!(
        "  {:<6} {}  (due {}, {})",
        i.record,
        fit(&what, TEXT_WIDTH, ascii),
        i.due,
        days_text(i.days)
    )
}

/// The digest as plain lines (no colour, no escapes): what a mail or `motd` shows.
pub(crate) fn lines(d: &Digest, ascii: bool) -> Vec<String> {
    let mut out = vec![format!(
        "wijkdesk digest for {} ({}), {}",
        d.person_name,
        d.person,
        d.today.format("%A %-d %B %Y")
    )];
    let ahead = if d.days == 1 {
        "the next day".to_string()
    } else {
        format!("the next {} days", d.days)
    };
    if d.is_empty() {
        out.push(format!("Nothing overdue or due in {ahead}."));
        return out;
    }
    let mut section = |title: String, items: Vec<String>| {
        if !items.is_empty() {
            out.push(String::new());
            out.push(format!("{title} ({})", items.len()));
            out.extend(items);
        }
    };
    section(
        "Overdue".to_string(),
        d.overdue.iter().map(|i| item_line(i, ascii)).collect(),
    );
    section(
        format!("Due in {ahead}"),
        d.due_soon.iter().map(|i| item_line(i, ascii)).collect(),
    );
    section(
        "Meetings".to_string(),
        d.meetings
            .iter()
            .map(|m| {
                let task = match m.task {
                    MeetingTask::Prepare => "prepare",
                    MeetingTask::FinaliseMinutes => "finalise the minutes",
                };
                let roles = if m.roles.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.roles.join(", "))
                };
                format!(
                    "  {:<6} {}  {}: {task}{roles}",
                    m.record,
                    fit(&m.title, TEXT_WIDTH, ascii),
                    m.starts_at.format("%a %Y-%m-%d %H:%M")
                )
            })
            .collect(),
    );
    out
}

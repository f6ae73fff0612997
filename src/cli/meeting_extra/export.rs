//! `wijkdesk meeting export` and `wijkdesk minutes export`: meetings as iCalendar and
//! minutes as Markdown.

use super::emit;
use crate::cli::output::Out;
use crate::cli::{Result, id_of};
use crate::domain::RecordKind;
use crate::domain::dates::parse_date;
use crate::domain::ics;
use crate::domain::minutes_export::Lang as DocLang;
use crate::store::Store;
use chrono::Utc;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// iCalendar (RFC 5545)
    Ics,
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    #[arg(long, value_enum, default_value = "ics")]
    format: CalendarFormat,
    /// Only meetings on or after this day: today, 1-1-2026, begin maart, …
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MinutesExportArgs {
    /// M-5 or 5
    meeting: String,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(super) fn export_ics(
    a: IcsArgs,
    store: &mut Store,
    out: &mut Out,
    lang: DocLang,
) -> Result<()> {
    let CalendarFormat::Ics = a.format;
    let from = a
        .from
        .as_deref()
        .map(|d| parse_date(d, store.today()))
        .transpose()?;
    // The configured mailbox is the ORGANIZER; without [mail] settings it is left out.
    let mailbox = crate::cli::mail::mail_config().map(|c| crate::domain::ics::Party {
        name: c
            .from
            .name
            .clone()
            .unwrap_or_else(|| c.from.email.to_string()),
        email: c.from.email.to_string(),
    });
    let events = store.calendar_events(from, mailbox.as_ref())?;
    let text = ics::calendar(&events, Utc::now(), lang);
    emit(out, a.output.as_deref(), &text, "\r\n")
}

pub(super) fn minutes_export(
    a: MinutesExportArgs,
    store: &mut Store,
    out: &mut Out,
    lang: DocLang,
) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let text = store.minutes_markdown(id, lang)?;
    emit(out, a.output.as_deref(), &text, "\n")
}

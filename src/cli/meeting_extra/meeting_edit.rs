//! `wijkdesk meeting edit`: change a meeting's details or who is invited.

use crate::cli::output::{Out, with_ref};
use crate::cli::{CliError, Expect, Result, id_of};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::domain::dates::parse_datetime;
use crate::store::{MeetingEdit, Store};
use chrono::{NaiveDateTime, NaiveTime};
use clap::Args;

#[derive(Debug, Args)]
pub struct EditArgs {
    /// M-5 or 5
    meeting: String,
    #[arg(long)]
    title: Option<String>,
    /// e.g. overleg, bijeenkomst, schouw
    #[arg(long)]
    kind: Option<String>,
    /// When it starts: "vr 19:30", "15 jan 19.30 uur", "10-12-2026 19:30", 2026-12-10T19:30
    #[arg(long, value_name = "DATETIME")]
    start: Option<String>,
    /// When it ends: a date and time, or a time on the day it starts (21:30)
    #[arg(long, value_name = "DATETIME", conflicts_with = "no_end")]
    end: Option<String>,
    /// Forget the end (calendars then take two hours)
    #[arg(long)]
    no_end: bool,
    #[arg(long)]
    location: Option<String>,
    #[arg(long, conflicts_with = "no_district")]
    district: Option<String>,
    #[arg(long)]
    no_district: bool,
    /// The chair (P-4 or a unique prefix of a name)
    #[arg(long, conflicts_with = "no_chair")]
    chair: Option<String>,
    #[arg(long)]
    no_chair: bool,
    /// Who takes the minutes (P-4 or a unique prefix of a name)
    #[arg(long, conflicts_with = "no_minute_taker")]
    minute_taker: Option<String>,
    #[arg(long)]
    no_minute_taker: bool,
    /// Invite an organisation (O-7 or a unique prefix of its name); repeat for more
    #[arg(long = "add-org", value_name = "ORG")]
    add_orgs: Vec<String>,
    /// Take an organisation off the invitation list; repeat for more
    #[arg(long = "remove-org", value_name = "ORG")]
    remove_orgs: Vec<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed meeting as JSON
    #[arg(long)]
    json: bool,
}

/// The end of a meeting: a full date and time, or a time on its start day.
fn end_time(input: &str, start: NaiveDateTime, today: chrono::NaiveDate) -> Result<NaiveDateTime> {
    match parse_datetime(input, today) {
        Ok(dt) => Ok(dt),
        Err(e) => {
            let t = input.trim();
            NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .map(|time| start.date().and_time(time))
                .map_err(|_| e.into())
        }
    }
}

pub(super) fn edit(a: EditArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let current = store.meeting(id)?;
    let today = store.today();
    let starts_at = a
        .start
        .as_deref()
        .map(|s| parse_datetime(s, today))
        .transpose()?;
    let start = starts_at.unwrap_or(current.starts_at);
    let ends_at = match (&a.end, a.no_end) {
        (Some(e), _) => Some(Some(end_time(e, start, today)?)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let person =
        |store: &Store, given: &Option<String>, none: bool| -> Result<Option<Option<i64>>> {
            Ok(match (given, none) {
                (Some(p), _) => Some(Some(store.resolve_person(p)?)),
                (None, true) => Some(None),
                (None, false) => None,
            })
        };
    let edit = MeetingEdit {
        title: a.title,
        kind: a.kind,
        starts_at,
        ends_at,
        location: a.location,
        district: match (a.district, a.no_district) {
            (Some(d), _) => Some(Some(d)),
            (None, true) => Some(None),
            (None, false) => None,
        },
        chair_id: person(store, &a.chair, a.no_chair)?,
        minute_taker_id: person(store, &a.minute_taker, a.no_minute_taker)?,
        add_orgs: a
            .add_orgs
            .iter()
            .map(|o| store.resolve_org(o))
            .collect::<Result<_, _>>()?,
        remove_orgs: a
            .remove_orgs
            .iter()
            .map(|o| store.resolve_org(o))
            .collect::<Result<_, _>>()?,
    };
    let nothing = edit.title.is_none()
        && edit.kind.is_none()
        && edit.starts_at.is_none()
        && edit.ends_at.is_none()
        && edit.location.is_none()
        && edit.district.is_none()
        && edit.chair_id.is_none()
        && edit.minute_taker_id.is_none()
        && edit.add_orgs.is_empty()
        && edit.remove_orgs.is_empty();
    if nothing {
        return Err(CliError::Said(Problem::NoChangeGiven {
            kind: RecordKind::Meeting,
            reference: crate::cli::r(RecordKind::Meeting, id),
        }));
    }
    let m = store.edit_meeting(id, edit, a.expect.expect_version)?;
    if a.json {
        return out.json(&with_ref(m.reference(), &m));
    }
    out.line(format!("{} changed (version {})", m.reference(), m.version))?;
    if m.invited_sequence.is_some_and(|n| n < m.sequence) {
        out.line(format!(
            "the invitations sent are out of date: `wijkdesk meeting invite {}` sends the update",
            m.reference()
        ))?;
    }
    Ok(())
}

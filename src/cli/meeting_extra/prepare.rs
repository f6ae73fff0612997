//! `wijkdesk meeting prepare`: everything still open with a meeting's organisations,
//! and putting entries of it on the agenda.

use super::resolve_line;
use crate::cli::output::{Out, Table, with_ref};
use crate::cli::{CliError, Result, id_of};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::domain::RecordRef;
use crate::store::{AgendaSource, PrepEntry, PrepSection, Store};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct PrepareArgs {
    /// M-5 or 5
    meeting: String,
    /// Put an entry on the agenda: S-12, C-4, A-3 or a question M-3/7; repeat for more
    #[arg(long = "add", value_name = "ENTRY")]
    add: Vec<String>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

/// `S-12`, `C-4`, `A-3` or a minutes line `M-3/7`.
fn agenda_source(store: &Store, input: &str) -> Result<AgendaSource> {
    if input.contains('/') {
        return Ok(AgendaSource::Minute(resolve_line(store, input)?.id));
    }
    let r = RecordRef::parse(input, None)?;
    match r.kind {
        RecordKind::Signal | RecordKind::Commitment | RecordKind::Action => {
            Ok(AgendaSource::Record(r))
        }
        _ => Err(CliError::Said(Problem::NotForAgenda {
            reference: r.to_string(),
        })),
    }
}

fn section_title(s: PrepSection) -> &'static str {
    match s {
        PrepSection::FeedbackOwed => "Feedback owed by the meeting",
        PrepSection::Signal => "Other open signals",
        PrepSection::Commitment => "Open commitments",
        PrepSection::Action => "Open actions",
        PrepSection::Question => "Unanswered questions from earlier meetings",
    }
}

pub(super) fn prepare(a: PrepareArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let sources = a
        .add
        .iter()
        .map(|s| agenda_source(store, s))
        .collect::<Result<Vec<_>>>()?;
    let added = if sources.is_empty() {
        Vec::new()
    } else {
        store.add_agenda_items_from(id, &sources)?
    };
    let prep = store.prepare(id)?;
    if a.json {
        return out.json(&json!({
            "meeting": with_ref(prep.meeting.reference(), &prep.meeting),
            "organisations": prep.orgs,
            "entries": prep.entries(),
            "added": added,
        }));
    }
    if !sources.is_empty() {
        for item in &added {
            out.line(format!(
                "added agenda item {}: {}",
                item.position, item.title
            ))?;
        }
        if added.len() < sources.len() {
            out.line(format!(
                "{} already on the agenda",
                sources.len() - added.len()
            ))?;
        }
        return Ok(());
    }
    let m = &prep.meeting;
    let orgs: Vec<&str> = prep.orgs.iter().map(|o| o.name.as_str()).collect();
    out.line(format!(
        "{}  {}  {}",
        m.reference(),
        m.starts_at.format("%Y-%m-%d %H:%M"),
        m.title
    ))?;
    if !orgs.is_empty() {
        out.line(format!("with {}", orgs.join(", ")))?;
    }
    if prep.is_empty() {
        out.blank()?;
        return out.line("nothing is open with these organisations");
    }
    let entries = prep.entries();
    for section in [
        PrepSection::FeedbackOwed,
        PrepSection::Signal,
        PrepSection::Commitment,
        PrepSection::Action,
        PrepSection::Question,
    ] {
        let rows: Vec<&PrepEntry> = entries.iter().filter(|e| e.section == section).collect();
        out.heading(section_title(section), rows.len())?;
        if rows.is_empty() {
            continue;
        }
        let mut t = Table::new(&["Entry", "Due", "~Text", "~With"]);
        for e in rows {
            let due = match (e.due, e.overdue) {
                (Some(d), true) => format!("{d} overdue"),
                (Some(d), false) => d.to_string(),
                (None, _) => String::new(),
            };
            t.row(vec![
                e.label.clone(),
                due,
                e.text.clone(),
                e.context.clone().unwrap_or_default(),
            ]);
        }
        out.table(&t)?;
    }
    out.blank()?;
    out.line(format!(
        "put entries on the agenda with `wijkdesk meeting prepare {} --add S-12 --add M-3/7`",
        m.reference()
    ))
}

//! `wijkdesk minutes list|edit|move|delete|answer`: a meeting's minutes lines after they
//! were typed.

use super::{agenda_item_at, line_label, resolve_line};
use crate::cli::output::{Out, Table};
use crate::cli::{Expect, Result, id_of};
use crate::domain::RecordKind;
use crate::domain::RecordRef;
use crate::store::Store;
use clap::{ArgGroup, Args};

#[derive(Debug, Args)]
pub struct MinutesListArgs {
    /// M-5 or 5
    meeting: String,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MinutesEditArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    /// The new text, with the syntax of live minutes (`-` reads standard input)
    #[arg(value_parser = crate::cli::stdin::text)]
    text: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["item", "no_item"])))]
pub struct MinutesMoveArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    /// The agenda item's number
    #[arg(long, value_name = "N")]
    item: Option<i64>,
    /// Under no agenda item
    #[arg(long)]
    no_item: bool,
    #[command(flatten)]
    expect: Expect,
}

#[derive(Debug, Args)]
pub struct MinutesLineArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    #[command(flatten)]
    expect: Expect,
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The question's line: M-3/7 is line 7 of M-3
    line: String,
    /// Mark it open again
    #[arg(long)]
    undo: bool,
    #[command(flatten)]
    expect: Expect,
}

pub(super) fn minutes_list(a: MinutesListArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    store.meeting(id)?;
    let lines = store.minutes(id)?;
    if a.json {
        let v: Vec<_> = lines
            .iter()
            .map(|l| {
                let mut v = serde_json::to_value(l).unwrap_or_default();
                if let serde_json::Value::Object(m) = &mut v {
                    m.insert("ref".into(), line_label(l).into());
                }
                v
            })
            .collect();
        return out.json(&v);
    }
    if lines.is_empty() {
        return out.line(format!("M-{id} has no minutes yet"));
    }
    let agenda = store.agenda(id)?;
    let mut t = Table::new(&["Line", "Item", "Kind", "~Text", "Created", "~Problems"]);
    for l in &lines {
        let item = l
            .agenda_item_id
            .and_then(|a| agenda.iter().find(|i| i.id == a))
            .map(|i| i.position.to_string())
            .unwrap_or_default();
        let mut kind = l.kind.code().to_string();
        if l.kind == crate::domain::minutes::EntryKind::Question && l.answered {
            kind.push_str(" (answered)");
        }
        if l.amendment {
            kind.push_str(" *");
        }
        t.row(vec![
            line_label(l),
            item,
            kind,
            l.text.clone(),
            l.made().join(", "),
            crate::words::Lang::En.problems(&l.problems, "; "),
        ]);
    }
    out.table(&t)?;
    if lines.iter().any(|l| l.amendment) {
        out.line("* amendment: written after the minutes were final")?;
    }
    Ok(())
}

pub(super) fn minutes_edit(a: MinutesEditArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let change = store.edit_minute(line.id, &a.text, a.expect.expect_version)?;
    if a.json {
        return out.json(&change);
    }
    let l = &change.minute;
    if !change.changed {
        return out.line(format!("{} is unchanged", line_label(l)));
    }
    let amended = if l.amendment {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!(
        "{} {}: {}{amended}",
        line_label(l),
        l.kind.code(),
        l.text
    ))?;
    if let Some(c) = &change.created {
        out.line(format!("created {c}"))?;
    }
    if let Some(k) = &change.kept {
        out.line(format!(
            "{k} was created from this line before and is not changed; change {k} itself if needed"
        ))?;
    }
    for p in &l.problems {
        out.line(format!("problem: {p}"))?;
    }
    Ok(())
}

pub(super) fn minutes_move(a: MinutesMoveArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let item = match a.item {
        Some(n) => Some(agenda_item_at(store, line.meeting_id, n)?),
        None => None,
    };
    let moved = store.move_minute(
        line.id,
        item.as_ref().map(|i| i.id),
        a.expect.expect_version,
    )?;
    let to = match &item {
        Some(i) => format!("agenda item {}. {}", i.position, i.title),
        None => "no agenda item".to_string(),
    };
    let amended = if moved.amendment {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!("{} is now under {to}{amended}", line_label(&moved)))
}

/// How to undo a record that a deleted line leaves behind.
fn how_to_undo(record: &str) -> String {
    match RecordRef::parse(record, None).map(|r| r.kind) {
        Ok(RecordKind::Action) => format!("`wijkdesk action cancel {record}`"),
        Ok(RecordKind::Commitment) => {
            format!("`wijkdesk commitment withdraw {record} --reason …`")
        }
        Ok(RecordKind::Signal) => format!("`wijkdesk signal decline {record} --explanation …`"),
        _ => "its own command".to_string(),
    }
}

pub(super) fn minutes_delete(a: MinutesLineArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let meeting = store.meeting(line.meeting_id)?;
    let gone = store.delete_minute(line.id, a.expect.expect_version)?;
    let amended = if meeting.status.minutes_locked() {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!(
        "deleted {}: {}{amended}",
        line_label(&gone.minute),
        gone.minute.text
    ))?;
    if let Some(k) = &gone.kept {
        out.line(format!(
            "{k}, created from this line, stays; to undo it use {}",
            how_to_undo(k)
        ))?;
    }
    Ok(())
}

pub(super) fn minutes_answer(a: AnswerArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let l = store.answer_question(line.id, !a.undo, a.expect.expect_version)?;
    out.line(format!(
        "{} is {}: {}",
        line_label(&l),
        if l.answered { "answered" } else { "open" },
        l.text
    ))
}

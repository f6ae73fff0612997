//! `wijkdesk action`: internal tasks with an owner and a due date.

use super::commitment::owner_filter;
use super::output::{due_cell, opt, with_ref};
use super::{App, Expect, Result, id_of, opt_id_of, r};
use crate::domain::action::ActionEvent;
use crate::domain::{Problem, RecordKind};
use crate::store::{Action, ActionFilter, NewAction};
use chrono::Duration;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ActionCmd {
    /// Add an internal task; prints its ID
    #[command(
        after_help = "Examples:\n  wijkdesk action add --text \"Schouw Valkenboskade plannen\" --owner P-4 --due fri\n  \
                      wijkdesk action add --text \"Aannemer bellen\" --owner DSO --signal S-42"
    )]
    Add(AddArgs),
    /// List actions: open ones by default, overdue first, then by due date
    #[command(
        long_about = "List actions: the open ones unless --all; overdue first, then by due date. \
                      A ! after the due date marks it overdue.",
        after_help = "Examples:\n  wijkdesk action list\n  wijkdesk action list --mine --week\n  wijkdesk action list --all --signal S-42 --json"
    )]
    List(ListArgs),
    /// Show an action
    #[command(after_help = "Examples:\n  wijkdesk action show A-3")]
    Show {
        /// A-3 or 3
        action: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Mark an action done
    #[command(after_help = "Examples:\n  wijkdesk action done A-3")]
    Done(Step),
    /// Cancel an action, optionally with a reason
    #[command(after_help = "Examples:\n  wijkdesk action cancel A-3 --reason \"Dubbel met A-2\"")]
    Cancel(CancelArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// What is to be done (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    text: String,
    /// Who does it, staff of a service or partner or a service: P-4, a username, a unique
    /// prefix of a name, or a service such as DSO
    #[arg(long)]
    owner: Option<String>,
    /// By when: +2w, vr / fri, 15 jan, over 3 weken, eind maart (any date form; see wijkdesk --help)
    #[arg(long, value_name = "DATE")]
    due: Option<String>,
    /// The signal it belongs to (S-42)
    #[arg(long, value_name = "S-ID")]
    signal: Option<String>,
    /// The meeting it comes from (M-5)
    #[arg(long, value_name = "M-ID")]
    meeting: Option<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Actions in every state, not only the open ones
    #[arg(long)]
    all: bool,
    /// Only actions of this owner (P-4, a name, DSO)
    #[arg(long, conflicts_with = "mine")]
    owner: Option<String>,
    /// Only my actions (the person whose username is mine)
    #[arg(long)]
    mine: bool,
    /// Only open actions past their due date
    #[arg(long)]
    overdue: bool,
    /// Only actions due within a week from today
    #[arg(long)]
    week: bool,
    /// Only actions belonging to this signal
    #[arg(long, value_name = "S-ID")]
    signal: Option<String>,
    /// Only actions from this meeting
    #[arg(long, value_name = "M-ID")]
    meeting: Option<String>,
    /// At most N rows
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    sheet: super::sheet::CsvArgs,
}

#[derive(Debug, Args)]
pub struct Step {
    /// A-3 or 3
    action: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// A-3 or 3
    action: String,
    /// Why it is cancelled (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    reason: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: ActionCmd, app: &mut App) -> Result<()> {
    match cmd {
        ActionCmd::Add(a) => add(app, a),
        ActionCmd::List(a) => list(app, a),
        ActionCmd::Show { action, json } => show(app, &action, json),
        ActionCmd::Done(s) => {
            let id = id_of(RecordKind::Action, &s.action)?;
            let a =
                app.store
                    .finish_action(id, ActionEvent::Done, None, s.expect.expect_version)?;
            changed(app, &a, s.json)
        }
        ActionCmd::Cancel(c) => {
            let id = id_of(RecordKind::Action, &c.action)?;
            let a = app.store.finish_action(
                id,
                ActionEvent::Cancel,
                c.reason.as_deref(),
                c.expect.expect_version,
            )?;
            changed(app, &a, c.json)
        }
    }
}

fn changed(app: &mut App, a: &Action, json: bool) -> Result<()> {
    if json {
        return app.out.json(&with_ref(a.reference(), a));
    }
    app.out
        .line(format!("{} is now {}", a.reference(), a.state))
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let owner = a
        .owner
        .as_deref()
        .map(|o| app.owner(o))
        .transpose()?
        .unwrap_or_default();
    let due = a
        .due
        .as_deref()
        .map(|d| app.due_date(d, |date| Problem::DuePast { date }))
        .transpose()?;
    let signal_id = opt_id_of(RecordKind::Signal, a.signal.as_deref())?;
    let meeting_id = opt_id_of(RecordKind::Meeting, a.meeting.as_deref())?;
    let action = app.store.add_action(NewAction {
        text: a.text,
        owner,
        due,
        signal_id,
        meeting_id,
        agenda_item_id: None,
    })?;
    if a.json {
        return app.out.json(&with_ref(action.reference(), &action));
    }
    app.out.line(action.reference().to_string())
}

fn links(a: &Action) -> String {
    let mut l = Vec::new();
    if let Some(s) = a.signal_id {
        l.push(r(RecordKind::Signal, s));
    }
    if let Some(m) = a.meeting_id {
        l.push(r(RecordKind::Meeting, m));
    }
    l.join(" ")
}

fn list(app: &mut App, a: ListArgs) -> Result<()> {
    let owner = a
        .owner
        .as_deref()
        .map(|o| app.owner_filter(o))
        .transpose()?;
    let (mut owner_person_id, owner_org_id) = owner_filter(owner);
    if a.mine {
        owner_person_id = Some(app.me()?);
    }
    let signal_id = opt_id_of(RecordKind::Signal, a.signal.as_deref())?;
    let meeting_id = opt_id_of(RecordKind::Meeting, a.meeting.as_deref())?;
    let filter = ActionFilter {
        all_states: a.all,
        owner_person_id,
        owner_org_id,
        overdue_only: a.overdue,
        due_before: a.week.then(|| app.today() + Duration::days(7)),
        signal_id,
        meeting_id,
        limit: a.limit,
    };
    // Rows go out as they are read (see `signal list`).
    let (store, out) = (&app.store, &mut app.out);
    if a.sheet.wanted() {
        let fields = super::sheet::ACTION_FIELDS;
        return super::sheet::list_streamed(out, app.lang, &a.sheet, fields, |emit| {
            store.each_action(&filter, |x| emit(with_ref(x.reference(), &x)))?;
            Ok(())
        });
    }
    if a.json {
        return out.json_streamed(|emit| {
            store.each_action(&filter, |x| emit(with_ref(x.reference(), &x)))?;
            Ok(())
        });
    }
    let n = store.snapshot(|store| {
        out.table_streamed(
            &["ID", "State", "Due", "~Owner", "-Links", "*Text"],
            |emit| {
                store.each_action(&filter, |x| {
                    emit(vec![
                        x.reference().to_string(),
                        x.state.code().into(),
                        due_cell(x.due, x.overdue),
                        x.owner.clone(),
                        links(&x),
                        x.text.clone(),
                    ])
                })?;
                Ok(())
            },
        )
    })?;
    if n == 0 {
        return app.out.line("no actions");
    }
    Ok(())
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = id_of(RecordKind::Action, input)?;
    let a = app.store.action(id)?;
    if json {
        return app.out.json(&with_ref(a.reference(), &a));
    }
    app.out.line(format!("{}  {}", a.reference(), a.text))?;
    let due = a
        .due
        .map(|d| {
            if a.overdue {
                format!("{d} (OVERDUE)")
            } else {
                d.to_string()
            }
        })
        .unwrap_or_default();
    app.out.fields(&[
        ("state", a.state.code().to_string()),
        ("owner", a.owner.clone()),
        ("due", due),
        (
            "resolved",
            a.resolved_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("reason", opt(&a.reason)),
        (
            "signal",
            a.signal_id
                .map(|s| r(RecordKind::Signal, s))
                .unwrap_or_default(),
        ),
        (
            "meeting",
            a.meeting_id
                .map(|m| r(RecordKind::Meeting, m))
                .unwrap_or_default(),
        ),
        ("created by", a.created_by.clone()),
        ("version", a.version.to_string()),
    ])
}

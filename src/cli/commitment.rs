//! `wijkdesk commitment`: promises to an organisation (toezeggingen).

use super::output::{Table, moment, opt, with_ref};
use super::{App, Expect, Result, id_of, opt_id_of, r};
use crate::domain::{Problem, RecordKind};
use crate::store::{Commitment, CommitmentFilter, NewCommitment, Owner};
use chrono::Duration;
use clap::{Args, Subcommand};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum CommitmentCmd {
    /// Record a promise to an organisation; prints its ID
    #[command(
        long_about = "Record a promise made to an organisation, by an owner, with a due date; it may \
                      come from a signal and/or a meeting.",
        after_help = "Examples:\n  wijkdesk commitment add --org Duinoord --text \"Verlichting Valkenboskade hersteld\" --due \"eind maart\" --owner P-4\n  \
                      wijkdesk commitment add --org Zeeheld --text \"Terugkoppeling over de tegels\" --due +2w --signal S-42"
    )]
    Add(AddArgs),
    /// List commitments: open ones by default, overdue first, then by due date
    #[command(
        after_help = "Examples:\n  wijkdesk commitment list\n  wijkdesk commitment list --overdue --owner DSO\n  \
                      wijkdesk commitment list --week --mine\n  wijkdesk commitment list --all --org Duinoord --json"
    )]
    List(ListArgs),
    /// Show a commitment with the history of its due date
    #[command(after_help = "Examples:\n  wijkdesk commitment show C-12")]
    Show {
        /// C-12 or 12
        commitment: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Mark a commitment kept (on time or late is computed)
    #[command(after_help = "Examples:\n  wijkdesk commitment keep C-12")]
    Keep(Step),
    /// Mark a commitment broken, admitting what went wrong and how it is prevented
    #[command(
        long_about = "Mark a commitment broken. Admitting it takes two answers, both required: what \
                      went wrong, and how it is prevented next time. Both are on the timeline and in exports.",
        after_help = "Examples:\n  wijkdesk commitment break C-12 --what-went-wrong \"De aannemer ging failliet\" \\\n      --prevention \"We plannen voortaan met twee aannemers\""
    )]
    Break(BreakArgs),
    /// Withdraw a commitment, with a reason
    #[command(
        after_help = "Examples:\n  wijkdesk commitment withdraw C-12 --reason \"Het plan is door de raad geschrapt\""
    )]
    Withdraw(WithdrawArgs),
    /// Move a commitment's due date, with a reason; the old and new dates are kept
    #[command(
        after_help = "Examples:\n  wijkdesk commitment move C-12 --due +2w --reason \"Levering vertraagd\""
    )]
    Move(MoveArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The organisation the promise is made to (O-7 or a unique prefix of its name)
    #[arg(long)]
    org: String,
    /// What is promised (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    text: String,
    /// When: +2w, vr / fri, 15 jan, over 3 weken, eind maart (any date form; see wijkdesk --help)
    #[arg(long, value_name = "DATE")]
    due: String,
    /// Who keeps it, staff of a service or partner or a service: P-4, a username, a unique
    /// prefix of a name, or a service such as DSO
    #[arg(long)]
    owner: Option<String>,
    /// The signal it comes from (S-42)
    #[arg(long, value_name = "S-ID")]
    signal: Option<String>,
    /// The meeting where it was made (M-5)
    #[arg(long, value_name = "M-ID")]
    meeting: Option<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Commitments in every state, not only the open ones
    #[arg(long)]
    all: bool,
    /// Only commitments to this organisation
    #[arg(long)]
    org: Option<String>,
    /// Only commitments of this owner (P-4, a name, DSO)
    #[arg(long, conflicts_with = "mine")]
    owner: Option<String>,
    /// Only my commitments (the person whose username is mine)
    #[arg(long)]
    mine: bool,
    /// Only open commitments past their due date
    #[arg(long)]
    overdue: bool,
    /// Only commitments due within a week from today
    #[arg(long)]
    week: bool,
    /// Only commitments coming from this signal
    #[arg(long, value_name = "S-ID")]
    signal: Option<String>,
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
    /// C-12 or 12
    commitment: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct BreakArgs {
    /// C-12 or 12
    commitment: String,
    /// What went wrong
    #[arg(long, alias = "acknowledgement")]
    what_went_wrong: String,
    /// How it is prevented next time
    #[arg(long)]
    prevention: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// C-12 or 12
    commitment: String,
    /// Why it is withdrawn (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    reason: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// C-12 or 12
    commitment: String,
    /// The new due date: +2w, vr / fri, 15 jan, eind maart (any date form)
    #[arg(long, value_name = "DATE")]
    due: String,
    /// Why it moves (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    reason: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: CommitmentCmd, app: &mut App) -> Result<()> {
    match cmd {
        CommitmentCmd::Add(a) => add(app, a),
        CommitmentCmd::List(a) => list(app, a),
        CommitmentCmd::Show { commitment, json } => show(app, &commitment, json),
        CommitmentCmd::Keep(s) => {
            let id = id_of(RecordKind::Commitment, &s.commitment)?;
            let c = app.store.keep_commitment(id, s.expect.expect_version)?;
            changed(app, &c, s.json)
        }
        CommitmentCmd::Break(a) => {
            let id = id_of(RecordKind::Commitment, &a.commitment)?;
            let c = app.store.break_commitment(
                id,
                &a.what_went_wrong,
                &a.prevention,
                a.expect.expect_version,
            )?;
            changed(app, &c, a.json)
        }
        CommitmentCmd::Withdraw(a) => {
            let id = id_of(RecordKind::Commitment, &a.commitment)?;
            let c = app
                .store
                .withdraw_commitment(id, &a.reason, a.expect.expect_version)?;
            changed(app, &c, a.json)
        }
        CommitmentCmd::Move(a) => {
            let id = id_of(RecordKind::Commitment, &a.commitment)?;
            let due = app.due_date(&a.due, |date| Problem::DuePast { date })?;
            let c = app
                .store
                .move_commitment(id, due, &a.reason, a.expect.expect_version)?;
            if a.json {
                return app.out.json(&with_ref(c.reference(), &c));
            }
            app.out
                .line(format!("{} is now due {}", c.reference(), c.due))
        }
    }
}

fn changed(app: &mut App, c: &Commitment, json: bool) -> Result<()> {
    if json {
        return app.out.json(&with_ref(c.reference(), c));
    }
    app.out
        .line(format!("{} is now {}", c.reference(), c.outcome.code()))
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let org_id = app.org(&a.org)?;
    let due = app.due_date(&a.due, |date| Problem::DuePast { date })?;
    let owner = a
        .owner
        .as_deref()
        .map(|o| app.owner(o))
        .transpose()?
        .unwrap_or_default();
    let signal_id = opt_id_of(RecordKind::Signal, a.signal.as_deref())?;
    let meeting_id = opt_id_of(RecordKind::Meeting, a.meeting.as_deref())?;
    let c = app.store.add_commitment(NewCommitment {
        text: a.text,
        org_id,
        owner,
        due,
        signal_id,
        meeting_id,
        agenda_item_id: None,
    })?;
    if a.json {
        return app.out.json(&with_ref(c.reference(), &c));
    }
    app.out.line(c.reference().to_string())
}

/// Split an owner into the two filter fields: a person wins over their service.
pub(super) fn owner_filter(owner: Option<Owner>) -> (Option<i64>, Option<i64>) {
    match owner {
        Some(Owner {
            person_id: Some(p), ..
        }) => (Some(p), None),
        Some(Owner {
            person_id: None,
            org_id,
        }) => (None, org_id),
        None => (None, None),
    }
}

fn list(app: &mut App, a: ListArgs) -> Result<()> {
    let org_id = a.org.as_deref().map(|o| app.org(o)).transpose()?;
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
    let filter = CommitmentFilter {
        all_states: a.all,
        org_id,
        owner_person_id,
        owner_org_id,
        overdue_only: a.overdue,
        due_before: a.week.then(|| app.today() + Duration::days(7)),
        signal_id,
        limit: a.limit,
    };
    // Rows go out as they are read (see `signal list`).
    let (store, out) = (&app.store, &mut app.out);
    if a.sheet.wanted() {
        let fields = super::sheet::COMMITMENT_FIELDS;
        return super::sheet::list_streamed(out, app.lang, &a.sheet, fields, |emit| {
            store.each_commitment(&filter, |c| emit(with_ref(c.reference(), &c)))?;
            Ok(())
        });
    }
    if a.json {
        return out.json_streamed(|emit| {
            store.each_commitment(&filter, |c| emit(with_ref(c.reference(), &c)))?;
            Ok(())
        });
    }
    let n = store.snapshot(|store| {
        out.table_streamed(
            &["ID", "State", "Due", "~Organisation", "~Owner", "*Text"],
            |emit| {
                store.each_commitment(&filter, |c| {
                    emit(vec![
                        c.reference().to_string(),
                        c.outcome.code().into(),
                        c.due.to_string(),
                        c.org.clone(),
                        c.owner.clone(),
                        c.text.clone(),
                    ])
                })?;
                Ok(())
            },
        )
    })?;
    if n == 0 {
        return app.out.line("no commitments");
    }
    Ok(())
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = id_of(RecordKind::Commitment, input)?;
    let c = app.store.commitment(id)?;
    let moves = app.store.commitment_moves(id)?;
    if json {
        return app.out.json(&json!({
            "commitment": with_ref(c.reference(), &c),
            "moves": moves,
        }));
    }
    app.out.line(format!("{}  {}", c.reference(), c.text))?;
    app.out.fields(&[
        ("state", c.outcome.code().to_string()),
        (
            "organisation",
            format!("{} ({})", c.org, r(RecordKind::Organisation, c.org_id)),
        ),
        ("owner", c.owner.clone()),
        ("due", c.due.to_string()),
        ("promised", c.first_due.to_string()),
        ("moved", moved_text(&c)),
        (
            "resolved",
            c.resolved_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("what went wrong", opt(&c.acknowledgement)),
        ("prevented by", opt(&c.prevention)),
        ("reason", opt(&c.reason)),
        (
            "signal",
            c.signal_id
                .map(|s| r(RecordKind::Signal, s))
                .unwrap_or_default(),
        ),
        (
            "meeting",
            c.meeting_id
                .map(|m| r(RecordKind::Meeting, m))
                .unwrap_or_default(),
        ),
        ("created by", c.created_by.clone()),
        ("version", c.version.to_string()),
    ])?;
    app.out.heading("Due date moves", moves.len())?;
    if !moves.is_empty() {
        let arrow = app.out.arrow();
        let mut t = Table::new(&["When", "~Who", "From", "To", "*Reason"]);
        for m in &moves {
            t.row(vec![
                moment(&m.moved_at),
                m.moved_by.clone(),
                m.old_due.to_string(),
                format!("{arrow} {}", m.new_due),
                m.reason.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    Ok(())
}

/// "3×, 41 days in all" (the days each postponement added), or empty.
fn moved_text(c: &crate::store::Commitment) -> String {
    if c.moves == 0 {
        return String::new();
    }
    format!("{}×, {} days in all", c.moves, c.days_moved)
}

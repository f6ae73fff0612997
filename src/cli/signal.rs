//! `wijkdesk signal`: intake, triage and the lifecycle of signals.

use super::output::{Table, due_cell, moment, opt, with_ref};
use super::{App, CliError, Expect, Result, id_of, opt_id_of, r};
use crate::domain::signal::SignalState;
use crate::domain::{Problem, RecordKind};
use crate::store::{
    ActionFilter, Channel, CommitmentFilter, NewSignal, Signal, SignalEdit, SignalFilter,
    SignalRow, Triage,
};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum SignalCmd {
    /// Record a signal an organisation raised; prints its ID
    #[command(
        long_about = "Record a signal an organisation raised on behalf of its neighbourhood. Its \
                      feedback is due 14 days after it was received, until triage says otherwise.",
        after_help = "Examples:\n  wijkdesk signal add --org Zeeheld --title \"Losse stoeptegels bij de school\" --theme verkeer\n  \
                      wijkdesk signal add --org O-7 --title \"Zwerfafval Valkenboskade\" --received 2026-01-10 --body \"Sinds de kerst …\""
    )]
    Add(AddArgs),
    /// List signals: open ones by default, overdue feedback first, then by age
    #[command(
        long_about = "List signals: the open ones (new, triaged, in_progress) unless --all or --state \
                      says otherwise; overdue feedback first (oldest first), then the open ones not yet due \
                      by due date, as the inbox shows them, then the others oldest first. Due is when feedback is \
                      due; a ! after it marks it overdue. Long text is shortened with … to fit the \
                      terminal; --json gives everything.",
        after_help = "Examples:\n  wijkdesk signal list\n  wijkdesk signal list --overdue --mine\n  \
                      wijkdesk signal list --state new --state triaged --district Escamp\n  \
                      wijkdesk signal list --all --org Zeeheld --json"
    )]
    List(ListArgs),
    /// Show a signal: its fields, owner, feedback, linked records and timeline
    #[command(
        after_help = "Examples:\n  wijkdesk signal show S-42\n  wijkdesk signal show 42 --json"
    )]
    Show {
        /// S-42 or 42
        signal: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Triage: set the owner, theme, expectation and feedback due date
    #[command(
        long_about = "Triage a new signal (or re-triage one): who owns it (a person or a service), its \
                      theme, the expectation given to the organisation (what can and cannot be done, and \
                      why) and when feedback is due (default: 14 days after it was received).",
        after_help = "Examples:\n  wijkdesk signal triage S-42 --owner P-4 --theme verkeer --due +14d\n  \
                      wijkdesk signal triage S-42 --owner DSO --expectation \"Herstel binnen zes weken\""
    )]
    Triage(TriageArgs),
    /// Correct a signal: title, text, organisation, district, neighbourhood or theme
    #[command(
        long_about = "Correct what a signal says and where it belongs: its title, its text, the \
                      organisation that raised it, its district, neighbourhood and theme. Only the \
                      fields given change; a blank --district, --neighbourhood or --theme clears it. \
                      The history keeps the old and new values, the timeline says what changed, and \
                      search, the inbox and the reports follow at once. Nothing to change is an error.",
        after_help = "Examples:\n  wijkdesk signal edit S-42 --title \"Losse stoeptegels Fahrenheitstraat\"\n  \
                      wijkdesk signal edit S-42 --org Zeeheld --district Segbroek --expect-version 3\n  \
                      pbpaste | wijkdesk signal edit S-42 --text -"
    )]
    Edit(EditArgs),
    /// Start work on a triaged signal
    #[command(after_help = "Examples:\n  wijkdesk signal start S-42")]
    Start(Step),
    /// Decline a signal, with an explanation that is sent back as feedback
    #[command(
        after_help = "Examples:\n  wijkdesk signal decline S-42 --explanation \"Dit is particulier terrein; de eigenaar is aangeschreven\""
    )]
    Decline(DeclineArgs),
    /// Merge a signal into another (open) one about the same thing
    #[command(
        long_about = "Merge a signal into another open one about the same thing. The merged signal's \
                      organisation stays owed its answer: the final feedback on the surviving signal is \
                      recorded for it too, and until then it counts as open in the reports. Merging \
                      signals of two organisations needs --yes.",
        after_help = "Examples:\n  wijkdesk signal merge S-41 --into S-42\n  wijkdesk signal merge S-41 --into S-42 --yes    (another organisation's signal)"
    )]
    Merge(MergeArgs),
    /// Move the feedback due date (a reason is required when it moves later)
    #[command(
        long_about = "Move the feedback due date. The first due date stays the promise the reports \
                      measure against; every move is on the timeline with the old and new date, who \
                      and why, and is counted in the reports. A reason is required when the date \
                      moves later.",
        after_help = "Examples:\n  wijkdesk signal move S-42 --due +2w --reason \"Wacht op advies van de dienst\""
    )]
    Move(MoveArgs),
    /// Close an answered signal (final feedback is required)
    #[command(after_help = "Examples:\n  wijkdesk signal close S-42")]
    Close(Step),
    /// Reopen a closed or declined signal, with a reason
    #[command(
        after_help = "Examples:\n  wijkdesk signal reopen S-42 --reason \"De tegels liggen er weer los\""
    )]
    Reopen(ReopenArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The organisation that raised it (O-7 or a unique prefix of its name)
    #[arg(long)]
    org: String,
    /// A short title
    #[arg(long)]
    title: String,
    /// e.g. verkeer, groen, veiligheid
    #[arg(long)]
    theme: Option<String>,
    /// The full text, e.g. a pasted e-mail (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    body: Option<String>,
    /// The district (default: the organisation's)
    #[arg(long)]
    district: Option<String>,
    /// The neighbourhood (wijk)
    #[arg(long)]
    neighbourhood: Option<String>,
    /// When it was received (default today): vandaag, 10-1-2026, 10 jan 2026, …
    #[arg(long, value_name = "DATE")]
    received: Option<String>,
    /// The meeting where it was raised (M-5)
    #[arg(long, value_name = "M-ID")]
    meeting: Option<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateArg {
    New,
    Triaged,
    #[value(name = "in_progress", alias = "in-progress")]
    InProgress,
    Answered,
    Closed,
    Declined,
    Merged,
}

impl From<StateArg> for SignalState {
    fn from(s: StateArg) -> Self {
        match s {
            StateArg::New => SignalState::New,
            StateArg::Triaged => SignalState::Triaged,
            StateArg::InProgress => SignalState::InProgress,
            StateArg::Answered => SignalState::Answered,
            StateArg::Closed => SignalState::Closed,
            StateArg::Declined => SignalState::Declined,
            StateArg::Merged => SignalState::Merged,
        }
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Signals in every state, not only the open ones
    #[arg(long, conflicts_with = "state")]
    all: bool,
    /// Only signals in this state; repeat or separate with commas for more
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATE")]
    state: Vec<StateArg>,
    /// Only signals from this organisation
    #[arg(long)]
    org: Option<String>,
    /// Only signals owned by this person or service (P-4, a name, DSO)
    #[arg(long, conflicts_with_all = ["mine", "unassigned"])]
    owner: Option<String>,
    /// Only signals owned by me (the person whose username is mine)
    #[arg(long, conflicts_with = "unassigned")]
    mine: bool,
    /// Only signals without an owner
    #[arg(long)]
    unassigned: bool,
    /// Only open signals whose feedback is overdue
    #[arg(long)]
    overdue: bool,
    /// Only signals with this theme
    #[arg(long)]
    theme: Option<String>,
    /// Only signals in this district
    #[arg(long)]
    district: Option<String>,
    /// Only signals whose title, organisation or theme contains TEXT
    #[arg(long, short, value_name = "TEXT")]
    filter: Option<String>,
    /// At most N rows
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    sheet: super::sheet::CsvArgs,
}

/// A state change that needs nothing but the signal.
#[derive(Debug, Args)]
pub struct Step {
    /// S-42 or 42
    signal: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct TriageArgs {
    /// S-42 or 42
    signal: String,
    /// The owner, staff of a service or partner or a service: P-4, a username, a unique
    /// prefix of a name, or a service such as DSO
    #[arg(long)]
    owner: Option<String>,
    /// The theme, e.g. verkeer, groen, veiligheid
    #[arg(long)]
    theme: Option<String>,
    /// What can and cannot be done, and why (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    expectation: Option<String>,
    /// A new feedback due date: +2w, vr / fri, 15 jan, volgende week (default: keep the one in force)
    #[arg(long, value_name = "DATE")]
    due: Option<String>,
    /// Why the due date moves: required when --due is later than the date in force (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    reason: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// S-42 or 42
    signal: String,
    /// A new title
    #[arg(long)]
    title: Option<String>,
    /// The full text in place of the old (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    text: Option<String>,
    /// The organisation that raised it (O-7 or a unique prefix of its name)
    #[arg(long)]
    org: Option<String>,
    /// The district (a blank value clears it)
    #[arg(long)]
    district: Option<String>,
    /// The neighbourhood (wijk; a blank value clears it)
    #[arg(long)]
    neighbourhood: Option<String>,
    /// The theme, e.g. verkeer, groen, veiligheid (a blank value clears it)
    #[arg(long)]
    theme: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChannelArg {
    #[value(alias = "e-mail", alias = "mail")]
    Email,
    #[value(alias = "telefoon")]
    Phone,
    #[value(alias = "overleg")]
    Meeting,
    #[value(alias = "brief")]
    Letter,
}

impl From<ChannelArg> for Channel {
    fn from(c: ChannelArg) -> Self {
        match c {
            ChannelArg::Email => Channel::Email,
            ChannelArg::Phone => Channel::Phone,
            ChannelArg::Meeting => Channel::Meeting,
            ChannelArg::Letter => Channel::Letter,
        }
    }
}

#[derive(Debug, Args)]
pub struct DeclineArgs {
    /// S-42 or 42
    signal: String,
    /// Why it cannot be done; sent to the organisation as final feedback (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    explanation: String,
    /// How the explanation reaches the organisation
    #[arg(long, value_enum, default_value = "email")]
    channel: ChannelArg,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The signal to merge (S-41)
    signal: String,
    /// The open signal it is merged into (S-42)
    #[arg(long, value_name = "S-ID")]
    into: String,
    /// Confirm merging signals of two different organisations
    #[arg(long)]
    yes: bool,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// S-42 or 42
    signal: String,
    /// The new feedback due date: +2w, vr / fri, 15 jan, eind maart (any date form)
    #[arg(long, value_name = "DATE")]
    due: String,
    /// Why it moves (required when later) (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text, default_value = "")]
    reason: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ReopenArgs {
    /// S-42 or 42
    signal: String,
    /// Why it is reopened (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    reason: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: SignalCmd, app: &mut App) -> Result<()> {
    match cmd {
        SignalCmd::Add(a) => add(app, a),
        SignalCmd::List(a) => list(app, a),
        SignalCmd::Show { signal, json } => show(app, &signal, json),
        SignalCmd::Triage(a) => triage(app, a),
        SignalCmd::Edit(a) => edit(app, a),
        SignalCmd::Start(s) => {
            let id = id_of(RecordKind::Signal, &s.signal)?;
            let sig = app.store.start_signal(id, s.expect.expect_version)?;
            changed(app, &sig, s.json, "")
        }
        SignalCmd::Decline(a) => {
            let id = id_of(RecordKind::Signal, &a.signal)?;
            let sig = app.store.decline(
                id,
                &a.explanation,
                a.channel.into(),
                a.expect.expect_version,
            )?;
            changed(
                app,
                &sig,
                a.json,
                "; the explanation is recorded as final feedback",
            )
        }
        SignalCmd::Merge(a) => {
            let id = id_of(RecordKind::Signal, &a.signal)?;
            let into = id_of(RecordKind::Signal, &a.into)?;
            let sig = app
                .store
                .merge_signal(id, into, a.yes, a.expect.expect_version)?;
            changed(
                app,
                &sig,
                a.json,
                &format!(" into {}", r(RecordKind::Signal, into)),
            )
        }
        SignalCmd::Close(s) => {
            let id = id_of(RecordKind::Signal, &s.signal)?;
            let sig = app.store.close_signal(id, s.expect.expect_version)?;
            changed(app, &sig, s.json, "")
        }
        SignalCmd::Move(a) => {
            let id = id_of(RecordKind::Signal, &a.signal)?;
            let due = app.due_date(&a.due, |date| Problem::FeedbackDuePast { date })?;
            let sig = app
                .store
                .move_signal_due(id, due, &a.reason, a.expect.expect_version)?;
            let promise = sig
                .first_due
                .map(|p| format!(" (promised {p})"))
                .unwrap_or_default();
            changed(app, &sig, a.json, &format!(": feedback due {due}{promise}"))
        }
        SignalCmd::Reopen(a) => {
            let id = id_of(RecordKind::Signal, &a.signal)?;
            let sig = app
                .store
                .reopen_signal(id, &a.reason, a.expect.expect_version)?;
            let due = sig
                .feedback_due
                .map(|d| format!("; feedback due {d}"))
                .unwrap_or_default();
            changed(app, &sig, a.json, &due)
        }
    }
}

/// After a change: the record as JSON, or one line saying where it stands now.
pub(super) fn changed(app: &mut App, s: &Signal, json: bool, detail: &str) -> Result<()> {
    if json {
        return app.out.json(&with_ref(s.reference(), s));
    }
    app.out
        .line(format!("{} is now {}{detail}", s.reference(), s.state))
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let org_id = app.org(&a.org)?;
    let received_on = match &a.received {
        Some(d) => {
            let d = app.date(d)?;
            if d > app.today() {
                return Err(CliError::Said(Problem::ReceivedInFuture {
                    date: d,
                    today: app.today(),
                }));
            }
            Some(d)
        }
        None => None,
    };
    let meeting_id = opt_id_of(RecordKind::Meeting, a.meeting.as_deref())?;
    let s = app.store.add_signal(NewSignal {
        title: a.title,
        body: a.body,
        org_id: Some(org_id),
        district: a.district,
        neighbourhood: a.neighbourhood,
        theme: a.theme,
        received_on,
        meeting_id,
    })?;
    if a.json {
        return app.out.json(&with_ref(s.reference(), &s));
    }
    app.out.line(s.reference().to_string())
}

fn list(app: &mut App, a: ListArgs) -> Result<()> {
    let org_id = a.org.as_deref().map(|o| app.org(o)).transpose()?;
    let owner = a
        .owner
        .as_deref()
        .map(|o| app.owner_filter(o))
        .transpose()?;
    let mine = if a.mine { Some(app.me()?) } else { None };
    // An owner that is only a service matches signals of the service and its staff.
    let service_only = owner
        .filter(|o| o.person_id.is_none())
        .and_then(|o| o.org_id);
    let filter = SignalFilter {
        states: a.state.into_iter().map(SignalState::from).collect(),
        all_states: a.all,
        org_id,
        owner_person_id: mine.or(owner.and_then(|o| o.person_id)),
        owner_org_id: service_only,
        unassigned: a.unassigned,
        overdue_only: a.overdue,
        theme: a.theme,
        district: a.district,
        text: a.filter,
        limit: a.limit,
    };
    // Rows go out as they are read: a list of a million holds no more memory than one
    // of fifty.
    let (store, out) = (&app.store, &mut app.out);
    if a.sheet.wanted() {
        let fields = super::sheet::SIGNAL_FIELDS;
        return super::sheet::list_streamed(out, app.lang, &a.sheet, fields, |emit| {
            store.each_signal(&filter, |x| emit(with_ref(r(RecordKind::Signal, x.id), &x)))?;
            Ok(())
        });
    }
    if a.json {
        return out.json_streamed(|emit| {
            store.each_signal(&filter, |x| emit(with_ref(r(RecordKind::Signal, x.id), &x)))?;
            Ok(())
        });
    }
    let n = store.snapshot(|store| {
        out.table_streamed(SIGNAL_COLUMNS, |emit| {
            store.each_signal(&filter, |x| emit(signal_cells(&x)))?;
            Ok(())
        })
    })?;
    if n == 0 {
        return app.out.line("no signals");
    }
    Ok(())
}

const SIGNAL_COLUMNS: &[&str] = &[
    "ID",
    "State",
    "Due",
    "-Received",
    "~Organisation",
    "-~Theme",
    "~Owner",
    "*Title",
];

fn signal_cells(x: &SignalRow) -> Vec<String> {
    let due = if x.state.owes_feedback() {
        due_cell(x.feedback_due, x.overdue)
    } else {
        String::new()
    };
    vec![
        r(RecordKind::Signal, x.id),
        x.state.code().into(),
        due,
        x.received_on.to_string(),
        opt(&x.org),
        opt(&x.theme),
        x.owner.clone(),
        x.title.clone(),
    ]
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = id_of(RecordKind::Signal, input)?;
    let s = app.store.signal(id)?;
    let owner = app.owner_label(s.owner())?;
    let org = match s.org_id {
        Some(o) => Some(app.store.org(o)?),
        None => None,
    };
    let feedback = app.store.feedback_of(id)?;
    let timeline = app.store.timeline(id)?;
    let commitments = app.store.commitments(&CommitmentFilter {
        all_states: true,
        signal_id: Some(id),
        ..Default::default()
    })?;
    let actions = app.store.actions(&ActionFilter {
        all_states: true,
        signal_id: Some(id),
        ..Default::default()
    })?;
    let today = app.today();
    if json {
        return app.out.json(&json!({
            "signal": with_ref(s.reference(), &s),
            "organisation": org.as_ref().map(|o| o.name.clone()),
            "owner": owner,
            "overdue": s.is_overdue(today),
            "feedback": feedback,
            "commitments": commitments.iter().map(|c| with_ref(c.reference(), c)).collect::<Vec<_>>(),
            "actions": actions.iter().map(|a| with_ref(a.reference(), a)).collect::<Vec<_>>(),
            "timeline": timeline,
        }));
    }
    app.out.line(format!("{}  {}", s.reference(), s.title))?;
    let due = match s.feedback_due {
        Some(d) if s.is_overdue(today) => format!("{d} (OVERDUE)"),
        Some(d) if s.state.owes_feedback() => d.to_string(),
        Some(d) => format!("{d} (no feedback owed now)"),
        None => String::new(),
    };
    let org = org
        .map(|o| format!("{} ({})", o.name, o.reference()))
        .unwrap_or_default();
    app.out.fields(&[
        ("state", s.state.code().to_string()),
        ("organisation", org),
        ("district", opt(&s.district)),
        ("neighbourhood", opt(&s.neighbourhood)),
        ("theme", opt(&s.theme)),
        ("owner", owner),
        ("received", s.received_on.to_string()),
        ("feedback due", due),
        ("promised", promised_text(&s)),
        ("expectation", opt(&s.expectation)),
        (
            "merged into",
            s.merged_into
                .map(|m| r(RecordKind::Signal, m))
                .unwrap_or_default(),
        ),
        (
            "raised in",
            s.meeting_id
                .map(|m| r(RecordKind::Meeting, m))
                .unwrap_or_default(),
        ),
        ("created by", s.created_by.clone()),
        ("version", s.version.to_string()),
    ])?;
    if !s.body.trim().is_empty() {
        app.out.blank()?;
        app.out.text_block("  ", &s.body)?;
    }
    app.out.heading("Feedback", feedback.len())?;
    for f in &feedback {
        let kind = if f.is_final { "final" } else { "interim" };
        let next = f
            .next_due
            .map(|d| format!(", next news by {d}"))
            .unwrap_or_default();
        app.out.line(format!(
            "{}  {kind} by {}  {}{next}",
            f.given_on,
            f.channel.code(),
            f.given_by
        ))?;
        app.out.text_block("    ", &f.text)?;
    }
    if !commitments.is_empty() {
        app.out.heading("Commitments", commitments.len())?;
        let mut t = Table::new(&["ID", "State", "Due", "~Owner", "*Text"]);
        for c in &commitments {
            t.row(vec![
                c.reference().to_string(),
                c.outcome.code().into(),
                c.due.to_string(),
                c.owner.clone(),
                c.text.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    if !actions.is_empty() {
        app.out.heading("Actions", actions.len())?;
        let mut t = Table::new(&["ID", "State", "Due", "~Owner", "*Text"]);
        for a in &actions {
            t.row(vec![
                a.reference().to_string(),
                a.state.code().into(),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                a.owner.clone(),
                a.text.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Timeline", timeline.len())?;
    if !timeline.is_empty() {
        let mut t = Table::new(&["When", "~Who", "Event", "*Detail"]);
        for e in &timeline {
            t.row(vec![
                moment(&e.at),
                e.who(),
                e.event.clone(),
                e.detail.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    Ok(())
}

fn triage(app: &mut App, a: TriageArgs) -> Result<()> {
    let id = id_of(RecordKind::Signal, &a.signal)?;
    let owner = a.owner.as_deref().map(|o| app.owner(o)).transpose()?;
    let due = a
        .due
        .as_deref()
        .map(|d| app.due_date(d, |date| Problem::FeedbackDuePast { date }))
        .transpose()?;
    let s = app.store.triage(
        id,
        Triage {
            owner,
            theme: a.theme,
            expectation: a.expectation,
            feedback_due: due,
            reason: a.reason,
        },
        a.expect.expect_version,
    )?;
    let label = app.owner_label(s.owner())?;
    let due = s
        .feedback_due
        .map(|d| format!(", feedback due {d}"))
        .unwrap_or_default();
    changed(app, &s, a.json, &format!(": owner {label}{due}"))
}

fn edit(app: &mut App, a: EditArgs) -> Result<()> {
    let id = id_of(RecordKind::Signal, &a.signal)?;
    let org_id = a.org.as_deref().map(|o| app.org(o)).transpose()?;
    let edit = SignalEdit {
        title: a.title,
        body: a.text,
        org_id,
        district: a.district,
        neighbourhood: a.neighbourhood,
        theme: a.theme,
    };
    if edit.is_empty() {
        return Err(CliError::Said(Problem::NoChangeGiven {
            kind: RecordKind::Signal,
            reference: r(RecordKind::Signal, id),
        }));
    }
    let before = app.store.signal(id)?;
    let s = app.store.edit_signal(id, edit, a.expect.expect_version)?;
    if a.json {
        return app.out.json(&with_ref(s.reference(), &s));
    }
    let diff = crate::store::signal_edit_fields(&before, &s);
    app.out.line(format!(
        "{} edited: {} (version {})",
        s.reference(),
        diff.join(", "),
        s.version
    ))
}

/// The promise and how the date moved since: "2026-01-11 (moved 2×, 21 days in all)".
fn promised_text(s: &crate::store::Signal) -> String {
    match s.first_due {
        Some(p) if s.due_moves > 0 => format!(
            "{p} (moved {}×, {} days in all)",
            s.due_moves, s.due_moved_days
        ),
        Some(p) => p.to_string(),
        None => String::new(),
    }
}

//! `wijkdesk org`: residents' organisations, municipal services and partners.

use super::output::{Table, due_cell, opt, opt_d, with_ref};
use super::{App, CliError, Expect, Result, r};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::store::{CommitmentFilter, NewOrg, OrgEdit, OrgKind, OrgSummary, SignalFilter};
use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum OrgCmd {
    /// List organisations with open signals, open commitments, last meeting, last contact and load
    #[command(
        long_about = "List organisations by name, with their open signals and commitments, the last \
                      contact (a meeting held or feedback given), the load (meetings and signals in the \
                      last 90 days) and flags: `cadence` when a residents' organisation was not met \
                      within its cadence, `load` when it is asked too much.",
        after_help = "Examples:\n  wijkdesk org list\n  wijkdesk org list --filter Escamp\n  wijkdesk org list --json"
    )]
    List {
        /// Only organisations whose name, short name, kind or district contains TEXT
        #[arg(long, short, value_name = "TEXT")]
        filter: Option<String>,
        /// At most N rows
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Add an organisation; prints its ID
    #[command(
        after_help = "Examples:\n  wijkdesk org add --name \"Wijkberaad Zeeheld\" --district Centrum --neighbourhood Zeeheldenkwartier\n  \
                      wijkdesk org add --name \"Dienst Stedelijke Ontwikkeling\" --short DSO --kind service --cadence 0"
    )]
    Add(AddArgs),
    /// Show an organisation: fields, people, open signals and commitments, last meeting and contact, load
    #[command(
        after_help = "Examples:\n  wijkdesk org show O-7\n  wijkdesk org show Zeeheld --json"
    )]
    Show {
        /// O-7, 7 or a unique prefix of the name
        org: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Change fields of an organisation
    #[command(
        long_about = "Change the fields given and leave the others as they are. An empty value \
                      (--email \"\") clears a field; --neighbourhood replaces the whole list.",
        after_help = "Examples:\n  wijkdesk org edit O-7 --district Segbroek\n  wijkdesk org edit Zeeheld --cadence 4 --expect-version 3"
    )]
    Edit(EditArgs),
    /// Import organisations from a CSV file: a preview, or with --yes all rows or none
    #[command(
        after_help = "Examples:\n  wijkdesk org import organisaties.csv\n  wijkdesk org import organisaties.csv --yes"
    )]
    Import(super::csv::ImportArgs),
    /// Export every organisation as CSV (re-importable) or JSON
    #[command(
        after_help = "Examples:\n  wijkdesk org export > organisaties.csv\n  wijkdesk org export --excel -o organisaties.csv"
    )]
    Export(super::csv::ExportArgs),
    /// The statement to an organisation: what it raised, what was promised to it, what became of it
    #[command(
        long_about = "Write a plain-language statement an organisation can read without knowing \
                      wijkdesk: every signal it raised (state, the service handling it, the expectation \
                      given, every feedback with its date and whether it came on time, due dates moved \
                      and why), every commitment made to it (kept, not kept with what went wrong and how \
                      it is prevented, moved with the reasons, open with its due date), the meetings held \
                      with it and what was decided, and its open questions. Open signals and commitments \
                      always stand in it; --since leaves out closed matters and meetings from before that \
                      day. In Dutch unless --lang en (or an English LANG). --send e-mails it to the \
                      organisation (the Markdown as text, the HTML page beside it) with the [mail] \
                      settings, and notes that in the organisation's history (`wijkdesk history O-7`).",
        after_help = "Examples:\n  wijkdesk org statement O-7\n  wijkdesk org statement Zeeheld --since 2025-07-01 --format html -o overzicht.html\n  \
                      wijkdesk --lang en org statement O-7 --send"
    )]
    Statement(StatementArgs),
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum StatementFormat {
    /// Markdown, readable as plain text
    #[default]
    Md,
    /// One self-contained HTML page (printable; no scripts, nothing fetched)
    Html,
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    /// O-7, 7 or a unique prefix of the name
    org: String,
    /// Leave out closed matters and meetings from before this day (open ones always stay)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// md or html
    #[arg(long, value_enum, default_value = "md")]
    format: StatementFormat,
    /// Write to FILE (private, 0600) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// E-mail it to the organisation (its address, else its contact person's)
    #[arg(long)]
    send: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// A residents' organisation (bewonersorganisatie, wijkberaad, …)
    #[value(alias = "bewoners")]
    Residents,
    /// A municipal service (dienst)
    #[value(alias = "dienst")]
    Service,
    /// A partner: police, welfare, housing corporation
    Partner,
}

impl KindArg {
    fn code(self) -> String {
        match self {
            KindArg::Residents => OrgKind::Residents,
            KindArg::Service => OrgKind::Service,
            KindArg::Partner => OrgKind::Partner,
        }
        .code()
        .to_string()
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The full name
    #[arg(long)]
    name: String,
    /// residents, service or partner
    #[arg(long, value_enum, default_value = "residents")]
    kind: KindArg,
    /// The district (stadsdeel)
    #[arg(long)]
    district: Option<String>,
    /// A short name, e.g. DSO
    #[arg(long)]
    short: Option<String>,
    /// E-mail address
    #[arg(long)]
    email: Option<String>,
    /// Meetings a year the organisation expects (default 2)
    #[arg(long, value_name = "N")]
    cadence: Option<i64>,
    /// A neighbourhood (wijk) the organisation covers; repeat for more
    #[arg(long = "neighbourhood", value_name = "NAME")]
    neighbourhoods: Vec<String>,
    /// Free notes (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    notes: Option<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// O-7, 7 or a unique prefix of the name
    org: String,
    /// A new name
    #[arg(long)]
    name: Option<String>,
    /// residents, service or partner
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// The district (stadsdeel)
    #[arg(long)]
    district: Option<String>,
    /// A short name, e.g. DSO
    #[arg(long)]
    short: Option<String>,
    /// E-mail address
    #[arg(long)]
    email: Option<String>,
    /// Meetings a year the organisation expects
    #[arg(long, value_name = "N")]
    cadence: Option<i64>,
    /// The neighbourhoods, replacing the list; repeat for more
    #[arg(long = "neighbourhood", value_name = "NAME")]
    neighbourhoods: Vec<String>,
    /// Free notes (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    notes: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: OrgCmd, app: &mut App) -> Result<()> {
    match cmd {
        OrgCmd::List {
            filter,
            limit,
            json,
        } => list(app, filter.as_deref().unwrap_or(""), limit, json),
        OrgCmd::Add(a) => add(app, a),
        OrgCmd::Show { org, json } => show(app, &org, json),
        OrgCmd::Edit(a) => edit(app, a),
        OrgCmd::Import(a) => super::csv::import_orgs(a, app),
        OrgCmd::Export(a) => super::csv::export_orgs(a, app),
        OrgCmd::Statement(a) => statement(app, a),
    }
}

fn statement(app: &mut App, a: StatementArgs) -> Result<()> {
    use crate::domain::report::statement::{html, markdown};
    let id = app.org(&a.org)?;
    let since = a.since.as_deref().map(|s| app.date(s)).transpose()?;
    let lang = super::meeting_extra::doc_lang(app.lang);
    if a.send {
        let cfg = super::mail::mail_config();
        let done = crate::mail::send_statement(&mut app.store, cfg.as_ref(), id, since, lang)?;
        app.out.line(done.summary())?;
        if a.output.is_none() {
            return Ok(());
        }
    }
    let st = app.store.statement(id, since)?;
    let text = match a.format {
        StatementFormat::Md => markdown(&st, lang) + "\n",
        StatementFormat::Html => html(&st, lang),
    };
    match &a.output {
        Some(path) => {
            crate::files::replace(path, text.as_bytes()).map_err(|e| {
                CliError::Said(crate::domain::Problem::CannotWrite {
                    path: path.display().to_string(),
                    error: e.to_string(),
                    disk_full_hint: false,
                })
            })?;
            app.out.line(format!("wrote {}", path.display()))
        }
        None => {
            let w = app.out.raw();
            for line in text.split_terminator('\n') {
                writeln!(w, "{}", crate::domain::text::visible(line))?;
            }
            Ok(())
        }
    }
}

/// Organisations handed over a page at a time (keyset on the name), up to `limit`.
fn each_org(
    store: &crate::store::Store,
    filter: &str,
    limit: Option<usize>,
    emit: &mut dyn FnMut(&OrgSummary) -> Result<()>,
) -> Result<()> {
    const PAGE: usize = 64;
    let mut left = limit.unwrap_or(usize::MAX);
    let mut after: Option<String> = None;
    while left > 0 {
        let want = left.min(PAGE);
        let page = store.org_page(filter, after.as_deref(), want)?;
        for o in &page {
            emit(o)?;
        }
        left -= page.len();
        if page.len() < want {
            break;
        }
        after = page.last().map(|o| o.org.name.clone());
    }
    Ok(())
}

fn list(app: &mut App, filter: &str, limit: Option<usize>, json: bool) -> Result<()> {
    // Rows go out as they are read (see `signal list`).
    let (store, out) = (&app.store, &mut app.out);
    if json {
        return out.json_streamed(|emit| {
            each_org(store, filter, limit, &mut |o| {
                emit(with_ref(o.org.reference(), o))
            })
        });
    }
    let headers = [
        "ID",
        "*Name",
        "-Kind",
        "~District",
        "Signals",
        "Commitments",
        "-Last meeting",
        "-Last contact",
        "-Load",
        "~Flags",
    ];
    let n = store.snapshot(|store| {
        out.table_streamed(&headers, |emit| {
            each_org(store, filter, limit, &mut |o| {
                emit(vec![
                    o.org.reference().to_string(),
                    o.org.name.clone(),
                    o.org.kind.code().to_string(),
                    opt(&o.org.district),
                    o.open_signals.to_string(),
                    o.open_commitments.to_string(),
                    opt_d(&o.last_meeting),
                    opt_d(&o.last_contact),
                    o.load.to_string(),
                    flags(o),
                ])
            })
        })
    })?;
    if n == 0 {
        return app.out.line("no organisations");
    }
    Ok(())
}

fn flags(o: &OrgSummary) -> String {
    let mut f = Vec::new();
    if o.cadence_overdue {
        f.push("cadence");
    }
    if o.over_load {
        f.push("load");
    }
    f.join(" ")
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let org = app.store.add_org(NewOrg {
        name: a.name,
        short_name: a.short,
        kind: Some(a.kind.code()),
        district: a.district,
        neighbourhoods: a.neighbourhoods,
        email: a.email,
        cadence_per_year: a.cadence,
        notes: a.notes,
    })?;
    if a.json {
        return app.out.json(&with_ref(org.reference(), &org));
    }
    app.out.line(org.reference().to_string())
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = app.org(input)?;
    let s = app.store.org_summary(id)?;
    let people = app.store.people("", Some(id), i64::MAX as usize)?;
    let signals = app.store.signals(&SignalFilter {
        org_id: Some(id),
        ..Default::default()
    })?;
    let commitments = app.store.commitments(&CommitmentFilter {
        org_id: Some(id),
        ..Default::default()
    })?;
    if json {
        return app.out.json(&json!({
            "organisation": with_ref(s.org.reference(), &s),
            "people": people.iter().map(|p| with_ref(p.reference(), p)).collect::<Vec<_>>(),
            "open_signals": signals.iter().map(|x| with_ref(r(RecordKind::Signal, x.id), x)).collect::<Vec<_>>(),
            "open_commitments": commitments.iter().map(|c| with_ref(c.reference(), c)).collect::<Vec<_>>(),
        }));
    }
    let o = &s.org;
    let title = match &o.short_name {
        Some(short) if !short.is_empty() => format!("{}  {} ({short})", o.reference(), o.name),
        _ => format!("{}  {}", o.reference(), o.name),
    };
    app.out.line(title)?;
    let cadence = if o.kind != OrgKind::Residents || o.cadence_per_year == 0 {
        format!("{} a year (not tracked)", o.cadence_per_year)
    } else if s.cadence_overdue {
        format!(
            "{} meetings a year: OVERDUE, not met within its cadence",
            o.cadence_per_year
        )
    } else {
        format!(
            "{} meetings a year: met within its cadence",
            o.cadence_per_year
        )
    };
    let load = if s.over_load {
        format!(
            "{} in the last 90 days: above the threshold of {}, asked too much",
            s.load,
            crate::store::LOAD_THRESHOLD
        )
    } else {
        format!("{} in the last 90 days", s.load)
    };
    app.out.fields(&[
        ("kind", o.kind.code().to_string()),
        ("district", opt(&o.district)),
        ("neighbourhoods", o.neighbourhoods.join(", ")),
        ("email", opt(&o.email)),
        ("cadence", cadence),
        (
            "last meeting",
            s.last_meeting
                .map(|d| d.to_string())
                .unwrap_or_else(|| "never".into()),
        ),
        (
            "last contact",
            s.last_contact
                .map(|d| d.to_string())
                .unwrap_or_else(|| "never".into()),
        ),
        ("load", load),
        ("notes", o.notes.clone()),
        ("version", o.version.to_string()),
    ])?;
    app.out.heading("People", people.len())?;
    if !people.is_empty() {
        let mut t = Table::new(&["ID", "*Name", "~Role", "~Email", "Phone"]);
        for p in &people {
            t.row(vec![
                p.reference().to_string(),
                p.name.clone(),
                p.role.clone(),
                opt(&p.email),
                opt(&p.phone),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Open signals", signals.len())?;
    if !signals.is_empty() {
        let mut t = Table::new(&["ID", "State", "Due", "~Owner", "*Title"]);
        for x in &signals {
            let due = due_cell(x.feedback_due, x.overdue);
            t.row(vec![
                r(RecordKind::Signal, x.id),
                x.state.code().into(),
                due,
                x.owner.clone(),
                x.title.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Open commitments", commitments.len())?;
    if !commitments.is_empty() {
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
    Ok(())
}

fn edit(app: &mut App, a: EditArgs) -> Result<()> {
    let id = app.org(&a.org)?;
    let edit = OrgEdit {
        name: a.name,
        short_name: a.short,
        kind: a.kind.map(KindArg::code),
        district: a.district,
        neighbourhoods: (!a.neighbourhoods.is_empty()).then_some(a.neighbourhoods),
        email: a.email,
        cadence_per_year: a.cadence,
        notes: a.notes,
    };
    if edit.name.is_none()
        && edit.short_name.is_none()
        && edit.kind.is_none()
        && edit.district.is_none()
        && edit.neighbourhoods.is_none()
        && edit.email.is_none()
        && edit.cadence_per_year.is_none()
        && edit.notes.is_none()
    {
        return Err(CliError::Said(Problem::NoChangeGiven {
            kind: RecordKind::Organisation,
            reference: r(RecordKind::Organisation, id),
        }));
    }
    let org = app.store.edit_org(id, edit, a.expect.expect_version)?;
    if a.json {
        return app.out.json(&with_ref(org.reference(), &org));
    }
    app.out.line(format!(
        "{} updated (version {})",
        org.reference(),
        org.version
    ))
}

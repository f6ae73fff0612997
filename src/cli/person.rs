//! `wijkdesk person`: contact persons and service staff, and who does what.

use super::output::{Table, due_cell, opt, with_ref};
use super::{App, CliError, Expect, Result, r};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::domain::vocab::TermKind;
use crate::store::{
    ActionFilter, CommitmentFilter, NewPerson, Person, PersonEdit, SignalFilter, UnknownTerm,
};
use clap::{Args, Subcommand};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum PersonCmd {
    /// List people, optionally of one organisation
    #[command(
        after_help = "Examples:\n  wijkdesk person list\n  wijkdesk person list --org Duinoord\n  wijkdesk person list --filter wijkagent --json"
    )]
    List {
        /// Only people of this organisation (O-7 or a unique prefix of its name)
        #[arg(long)]
        org: Option<String>,
        /// Only people whose name, role, organisation, district, theme or username contains TEXT
        #[arg(long, short, value_name = "TEXT")]
        filter: Option<String>,
        /// At most N rows
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Only people with no recorded activity since DATE (retention review)
        #[arg(long, value_name = "DATE")]
        inactive_since: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Everything held about a person, as JSON (AVG right of access)
    #[command(
        long_about = "Write everything wijkdesk holds about a person as JSON: the record, their \
                      organisation and role, meetings, what they own, feedback they gave, text that \
                      names them and the audit trail.",
        after_help = "Examples:\n  wijkdesk person export P-4 > p4.json"
    )]
    Export {
        /// P-4, a username or a unique prefix of the name
        person: String,
    },
    /// Anonymise a person everywhere (AVG right to erasure); cannot be undone
    #[command(
        long_about = "Replace every mention of the person - full name (also @First-Last), username, \
                      e-mail address and phone number, in any letter case - with [verwijderd], in \
                      every text of the database: the record, minutes, signals, feedback, meetings, \
                      timelines, the audit trail and the search index; and in form drafts of the \
                      screens on this account. Prints how many places changed, per kind; one audit \
                      entry records the erasure. The database is rebuilt so no copy is left in the \
                      file or its WAL. Backups, exports and mail made earlier still hold the data \
                      (docs/operations.md). Needs --yes.",
        after_help = "Examples:\n  wijkdesk person export P-4 > p4.json\n  wijkdesk person erase P-4 --yes"
    )]
    Erase {
        /// P-4 (an ID, so that nobody is erased by a mistyped prefix)
        person: String,
        /// Yes, erase: this cannot be undone
        #[arg(long)]
        yes: bool,
    },
    /// Add a person; prints the ID
    #[command(
        long_about = "Add a person with a role in an organisation. Service staff carry the districts \
                      and themes they cover (who does what); their username is their login, for --mine.",
        after_help = "Examples:\n  wijkdesk person add --name \"Anna de Vries\" --org Duinoord --role voorzitter --email anna@example.org\n  \
                      wijkdesk person add --name \"Bas Jansen\" --org DSO --role gebiedsregisseur --username bjansen \\\n    \
                      --district Escamp --theme verkeer --theme groen"
    )]
    Add(AddArgs),
    /// Import people from a CSV file: a preview, or with --yes all rows or none
    #[command(after_help = "Examples:\n  wijkdesk person import contactpersonen.csv --yes")]
    Import(super::csv::ImportArgs),
    /// Export every person (not erased) as CSV (re-importable) or JSON
    #[command(
        name = "export-all",
        after_help = "Examples:\n  wijkdesk person export-all -o mensen.csv"
    )]
    ExportAll(super::csv::ExportArgs),
    /// Show a person with what they own: open signals, commitments and actions
    #[command(
        after_help = "Examples:\n  wijkdesk person show P-4\n  wijkdesk person show \"Anna de\" --json"
    )]
    Show {
        /// P-4, 4, a username or a unique prefix of the name
        person: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Change fields of a person
    #[command(
        long_about = "Change the fields given and leave the others as they are. An empty value clears a \
                      field; --district and --theme replace the whole list; --no-org detaches the person \
                      from their organisation.",
        after_help = "Examples:\n  wijkdesk person edit P-4 --role secretaris\n  wijkdesk person edit P-4 --username tester --expect-version 2"
    )]
    Edit(EditArgs),
    /// Who does what: the contact points for a district and a theme
    #[command(
        long_about = "The staff who cover a district and a theme: those who cover both first, then \
                      those who cover every district or every theme. Leave either out for any.",
        after_help = "Examples:\n  wijkdesk person who --district Escamp --theme verkeer\n  wijkdesk person who --theme groen --json"
    )]
    Who {
        /// The district (stadsdeel)
        #[arg(long)]
        district: Option<String>,
        /// The theme, e.g. verkeer
        #[arg(long)]
        theme: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The full name
    #[arg(long)]
    name: String,
    /// The organisation (O-7 or a unique prefix of its name)
    #[arg(long)]
    org: Option<String>,
    /// e.g. voorzitter, secretaris, gebiedsregisseur, wijkagent
    #[arg(long)]
    role: Option<String>,
    /// E-mail address
    #[arg(long)]
    email: Option<String>,
    /// Phone number
    #[arg(long)]
    phone: Option<String>,
    /// The login of a member of staff, for --mine
    #[arg(long)]
    username: Option<String>,
    /// A district the person covers; repeat for more
    #[arg(long = "district", value_name = "DISTRICT")]
    districts: Vec<String>,
    /// A theme the person covers; repeat for more
    #[arg(long = "theme", value_name = "THEME")]
    themes: Vec<String>,
    /// Free notes (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    notes: Option<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// P-4, 4, a username or a unique prefix of the name
    person: String,
    /// A new name
    #[arg(long)]
    name: Option<String>,
    /// Move to this organisation (O-7 or a unique prefix of its name)
    #[arg(long, conflicts_with = "no_org")]
    org: Option<String>,
    /// Detach the person from their organisation
    #[arg(long)]
    no_org: bool,
    /// The role, e.g. voorzitter, secretaris, wijkagent
    #[arg(long)]
    role: Option<String>,
    /// E-mail address
    #[arg(long)]
    email: Option<String>,
    /// Phone number
    #[arg(long)]
    phone: Option<String>,
    /// The login of a member of staff, for --mine
    #[arg(long)]
    username: Option<String>,
    /// The districts covered, replacing the list; repeat for more
    #[arg(long = "district", value_name = "DISTRICT")]
    districts: Vec<String>,
    /// The themes covered, replacing the list; repeat for more
    #[arg(long = "theme", value_name = "THEME")]
    themes: Vec<String>,
    /// Free notes (`-` reads standard input)
    #[arg(long, value_parser = crate::cli::stdin::text)]
    notes: Option<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: PersonCmd, app: &mut App) -> Result<()> {
    match cmd {
        PersonCmd::List {
            org,
            filter,
            limit,
            inactive_since: Some(since),
            json,
        } => {
            if org.is_some() || filter.is_some() || limit.is_some() {
                return Err(CliError::Said(Problem::InactiveSinceAlone));
            }
            let since = app.date(&since)?;
            let people = app.store.people_inactive_since(since)?;
            people_table(app, &people, json, "nobody is inactive since then")
        }
        PersonCmd::List {
            org,
            filter,
            limit,
            inactive_since: None,
            json,
        } => list(app, org, filter, limit, json),
        PersonCmd::Export { person } => {
            let id = app.person(&person)?;
            let v = app.store.export_person(id)?;
            app.out.json(&v)
        }
        PersonCmd::Erase { person, yes } => {
            let r = crate::domain::RecordRef::parse(&person, Some(RecordKind::Person))?;
            app.store.person(r.id)?;
            if !yes {
                return Err(CliError::Said(Problem::EraseNeedsYes {
                    reference: r.to_string(),
                }));
            }
            let mut erasure = app.store.erase_person(r.id)?;
            // Form drafts of the screens on this machine may quote the person too.
            let drafts = crate::drafts::scrub(&erasure.mentions);
            if let Ok(n) = drafts {
                erasure.add("drafts", n);
            }
            app.out.line(format!(
                "{r} erased ({} places anonymised)",
                erasure.total()
            ))?;
            for (kind, n) in &erasure.counts {
                app.out
                    .line(format!("  {n} {}", crate::store::erasure_kind_label(kind)))?;
            }
            if let Err(e) = drafts {
                app.out
                    .line(format!("note: the drafts folder could not be checked: {e}"))?;
            }
            if let Some(e) = &erasure.rebuild_failed {
                app.out.line(format!(
                    "note: the erasure is stored, but the file could not be rebuilt ({e}); freed pages may hold old text until it is: make room and run `sqlite3 FILE VACUUM` with everyone out"
                ))?;
            } else if !erasure.wal_cleared {
                app.out.line(
                    "note: another program has the database open; its write-ahead log still holds old pages until that program closes it",
                )?;
            }
            Ok(())
        }
        PersonCmd::Add(a) => add(app, a),
        PersonCmd::Import(a) => super::csv::import_people(a, app),
        PersonCmd::ExportAll(a) => super::csv::export_people(a, app),
        PersonCmd::Show { person, json } => show(app, &person, json),
        PersonCmd::Edit(a) => edit(app, a),
        PersonCmd::Who {
            district,
            theme,
            json,
        } => who(app, district, theme, json),
    }
}

fn name_of(p: &Person) -> String {
    if p.erased {
        format!("{} (erased)", p.name)
    } else {
        p.name.clone()
    }
}

fn people_table(app: &mut App, people: &[Person], json: bool, empty: &str) -> Result<()> {
    if json {
        return app
            .out
            .json_rows(people.iter().map(|p| with_ref(p.reference(), p)));
    }
    if people.is_empty() {
        return app.out.line(empty);
    }
    let mut t = Table::new(&PEOPLE_COLUMNS);
    for p in people {
        t.row(person_cells(p));
    }
    app.out.table(&t)
}

const PEOPLE_COLUMNS: [&str; 8] = [
    "ID",
    "*Name",
    "~Role",
    "~Organisation",
    "-~Email",
    "Phone",
    "-~Districts",
    "-~Themes",
];

fn person_cells(p: &Person) -> Vec<String> {
    vec![
        p.reference().to_string(),
        name_of(p),
        p.role.clone(),
        opt(&p.org_name),
        opt(&p.email),
        opt(&p.phone),
        p.districts.join(", "),
        p.themes.join(", "),
    ]
}

fn list(
    app: &mut App,
    org: Option<String>,
    filter: Option<String>,
    limit: Option<usize>,
    json: bool,
) -> Result<()> {
    let org = org.map(|o| app.org(&o)).transpose()?;
    let filter = filter.unwrap_or_default();
    if org.is_some() {
        // One organisation's people: a short list.
        let people = app
            .store
            .people(&filter, org, limit.unwrap_or(i64::MAX as usize))?;
        return people_table(app, &people, json, "no people");
    }
    // Everyone: a page at a time (keyset on the name), written as it comes.
    let each =
        |store: &crate::store::Store, emit: &mut dyn FnMut(&Person) -> Result<()>| -> Result<()> {
            const PAGE: usize = 64;
            let mut left = limit.unwrap_or(usize::MAX);
            let mut after: Option<Person> = None;
            while left > 0 {
                let want = left.min(PAGE);
                let page = store.people_page(&filter, after.as_ref(), want)?;
                for p in &page {
                    emit(p)?;
                }
                left -= page.len();
                if page.len() < want {
                    break;
                }
                after = page.last().cloned();
            }
            Ok(())
        };
    let (store, out) = (&app.store, &mut app.out);
    if json {
        return out.json_streamed(|emit| each(store, &mut |p| emit(with_ref(p.reference(), p))));
    }
    let n = store.snapshot(|store| {
        out.table_streamed(&PEOPLE_COLUMNS, |emit| {
            each(store, &mut |p| emit(person_cells(p)))
        })
    })?;
    if n == 0 {
        return app.out.line("no people");
    }
    Ok(())
}

/// A district or theme to look up: the list's spelling of it, or of the only name it
/// starts; anything else is refused with what it may have meant.
fn on_list(app: &App, kind: TermKind, typed: Option<String>) -> Result<Option<String>> {
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    let names = app.store.term_names(kind)?;
    if let Some(n) = crate::domain::vocab::unique_match(&kind.normalise(&typed), &names) {
        return Ok(Some(n));
    }
    let suggestions = crate::domain::vocab::rank(&typed, &names)
        .into_iter()
        .take(3)
        .collect();
    let u = UnknownTerm {
        kind,
        value: typed,
        suggestions,
        district: None,
    };
    Err(CliError::Said(Problem::TermNotListed {
        problem: Box::new(u.problem()),
        list: super::vocab::list_command(kind).to_string(),
    }))
}

fn who(app: &mut App, district: Option<String>, theme: Option<String>, json: bool) -> Result<()> {
    let district = on_list(app, TermKind::District, district)?;
    let theme = on_list(app, TermKind::Theme, theme)?;
    let people = app.store.who_does_what(
        district.as_deref().unwrap_or(""),
        theme.as_deref().unwrap_or(""),
    )?;
    if json {
        return app
            .out
            .json_rows(people.iter().map(|p| with_ref(p.reference(), p)));
    }
    if people.is_empty() {
        return app.out.line("nobody covers that district and theme");
    }
    let mut t = Table::new(&[
        "ID",
        "*Name",
        "~Role",
        "~Organisation",
        "~Districts",
        "~Themes",
        "-~Email",
        "-Phone",
    ]);
    let all = |v: &Vec<String>| {
        if v.is_empty() {
            "all".to_string()
        } else {
            v.join(", ")
        }
    };
    for p in &people {
        t.row(vec![
            p.reference().to_string(),
            p.name.clone(),
            p.role.clone(),
            opt(&p.org_name),
            all(&p.districts),
            all(&p.themes),
            opt(&p.email),
            opt(&p.phone),
        ]);
    }
    app.out.table(&t)
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let org_id = a.org.map(|o| app.org(&o)).transpose()?;
    let p = app.store.add_person(NewPerson {
        name: a.name,
        org_id,
        role: a.role,
        email: a.email,
        phone: a.phone,
        username: a.username,
        districts: a.districts,
        themes: a.themes,
        notes: a.notes,
    })?;
    if a.json {
        return app.out.json(&with_ref(p.reference(), &p));
    }
    app.out.line(p.reference().to_string())
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = app.person(input)?;
    let p = app.store.person(id)?;
    let signals = app.store.signals(&SignalFilter {
        owner_person_id: Some(id),
        ..Default::default()
    })?;
    let commitments = app.store.commitments(&CommitmentFilter {
        owner_person_id: Some(id),
        ..Default::default()
    })?;
    let actions = app.store.actions(&ActionFilter {
        owner_person_id: Some(id),
        ..Default::default()
    })?;
    if json {
        return app.out.json(&json!({
            "person": with_ref(p.reference(), &p),
            "open_signals": signals.iter().map(|x| with_ref(r(RecordKind::Signal, x.id), x)).collect::<Vec<_>>(),
            "open_commitments": commitments.iter().map(|c| with_ref(c.reference(), c)).collect::<Vec<_>>(),
            "open_actions": actions.iter().map(|a| with_ref(a.reference(), a)).collect::<Vec<_>>(),
        }));
    }
    app.out
        .line(format!("{}  {}", p.reference(), name_of(&p)))?;
    let org = match (p.org_id, &p.org_name) {
        (Some(o), Some(n)) => format!("{n} ({})", r(RecordKind::Organisation, o)),
        _ => String::new(),
    };
    app.out.fields(&[
        ("organisation", org),
        ("role", p.role.clone()),
        ("email", opt(&p.email)),
        ("phone", opt(&p.phone)),
        ("username", opt(&p.username)),
        ("districts", p.districts.join(", ")),
        ("themes", p.themes.join(", ")),
        ("notes", p.notes.clone()),
        ("version", p.version.to_string()),
    ])?;
    app.out.heading("Open signals", signals.len())?;
    if !signals.is_empty() {
        let mut t = Table::new(&["ID", "State", "Due", "~Organisation", "*Title"]);
        for x in &signals {
            t.row(vec![
                r(RecordKind::Signal, x.id),
                x.state.code().into(),
                due_cell(x.feedback_due, x.overdue),
                opt(&x.org),
                x.title.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Open commitments", commitments.len())?;
    if !commitments.is_empty() {
        let mut t = Table::new(&["ID", "State", "Due", "~Organisation", "*Text"]);
        for c in &commitments {
            t.row(vec![
                c.reference().to_string(),
                c.outcome.code().into(),
                c.due.to_string(),
                c.org.clone(),
                c.text.clone(),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Open actions", actions.len())?;
    if !actions.is_empty() {
        let mut t = Table::new(&["ID", "Due", "*Text"]);
        for a in &actions {
            let due = due_cell(a.due, a.overdue);
            t.row(vec![a.reference().to_string(), due, a.text.clone()]);
        }
        app.out.table(&t)?;
    }
    Ok(())
}

fn edit(app: &mut App, a: EditArgs) -> Result<()> {
    let id = app.person(&a.person)?;
    let org_id = if a.no_org {
        Some(None)
    } else {
        a.org.map(|o| app.org(&o).map(Some)).transpose()?
    };
    let edit = PersonEdit {
        name: a.name,
        org_id,
        role: a.role,
        email: a.email,
        phone: a.phone,
        username: a.username,
        districts: (!a.districts.is_empty()).then_some(a.districts),
        themes: (!a.themes.is_empty()).then_some(a.themes),
        notes: a.notes,
    };
    if edit.name.is_none()
        && edit.org_id.is_none()
        && edit.role.is_none()
        && edit.email.is_none()
        && edit.phone.is_none()
        && edit.username.is_none()
        && edit.districts.is_none()
        && edit.themes.is_none()
        && edit.notes.is_none()
    {
        return Err(CliError::Said(Problem::NoChangeGiven {
            kind: RecordKind::Person,
            reference: r(RecordKind::Person, id),
        }));
    }
    let p = app.store.edit_person(id, edit, a.expect.expect_version)?;
    if a.json {
        return app.out.json(&with_ref(p.reference(), &p));
    }
    app.out
        .line(format!("{} updated (version {})", p.reference(), p.version))
}

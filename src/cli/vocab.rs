//! `wijkdesk district` and `wijkdesk theme`: the kept lists that every district,
//! neighbourhood and theme of a record comes from.

use super::output::Table;
use super::{App, CliError, Result};
use crate::domain::Problem;
use crate::domain::vocab::{Resolution, TermKind, fold};
use crate::store::{NearPair, StoreError, UnknownTerm};
use clap::{Args, Subcommand};
use serde_json::json;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum DistrictCmd {
    /// List the districts with how many records use each
    #[command(after_help = "Examples:\n  wijkdesk district list\n  wijkdesk district list --json")]
    List(ListArgs),
    /// Add a district to the list
    #[command(after_help = "Examples:\n  wijkdesk district add Segbroek")]
    Add(NameArg),
    /// Rename a district and every record that uses it
    #[command(after_help = "Examples:\n  wijkdesk district rename Segbroke Segbroek")]
    Rename(RenameArgs),
    /// Merge a district into another: every record moves along, the first leaves the list
    #[command(
        long_about = "Merge the first district into the second: every signal, organisation, meeting and \
                      person that uses the first uses the second afterwards (each change in the history), \
                      its neighbourhoods move along, and the first leaves the list. All or nothing.",
        after_help = "Examples:\n  wijkdesk district merge Segbroke Segbroek"
    )]
    Merge(MergeArgs),
    /// List districts and neighbourhoods that look like one name typed twice
    #[command(
        long_about = "List pairs of districts, and of neighbourhoods, that differ only in case, accents or \
                      a letter or two (Segbroek ~ Segbroke), with how many records use each and the \
                      command that merges the less used one into the other. Exits 0 either way.",
        after_help = "Examples:\n  wijkdesk district check"
    )]
    Check(CheckArgs),
    /// Add districts (first column) and their neighbourhoods (optional second column) from a CSV file
    #[command(
        long_about = "Read a CSV file (comma or semicolon) whose first column is a district and whose \
                      optional second column is a neighbourhood in it; a header row (district, stadsdeel, \
                      name, naam) is skipped. Names on the list already are skipped. All or nothing.",
        after_help = "Examples:\n  wijkdesk district import stadsdelen.csv"
    )]
    Import(ImportArgs),
    /// List the neighbourhoods, with their district
    #[command(
        after_help = "Examples:\n  wijkdesk district neighbourhoods\n  wijkdesk district neighbourhoods Centrum --json"
    )]
    Neighbourhoods {
        /// Only the neighbourhoods of this district
        district: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Add a neighbourhood (wijk) to the list, in a district
    #[command(
        after_help = "Examples:\n  wijkdesk district add-neighbourhood Zeeheldenkwartier --district Centrum"
    )]
    AddNeighbourhood {
        /// The neighbourhood's name
        name: String,
        /// The district it lies in (on the district list)
        #[arg(long)]
        district: Option<String>,
    },
    /// Rename a neighbourhood and every record that uses it
    #[command(
        after_help = "Examples:\n  wijkdesk district rename-neighbourhood Zeeheldenkwartir Zeeheldenkwartier"
    )]
    RenameNeighbourhood(RenameArgs),
    /// Merge a neighbourhood into another: every record moves along, the first leaves the list
    #[command(after_help = "Examples:\n  wijkdesk district merge-neighbourhood Duinoort Duinoord")]
    MergeNeighbourhood(MergeArgs),
}

#[derive(Debug, Subcommand)]
pub enum ThemeCmd {
    /// List the themes with how many records use each
    #[command(after_help = "Examples:\n  wijkdesk theme list\n  wijkdesk theme list --json")]
    List(ListArgs),
    /// Add a theme to the list
    #[command(after_help = "Examples:\n  wijkdesk theme add groen")]
    Add(NameArg),
    /// Rename a theme and every record that uses it
    #[command(after_help = "Examples:\n  wijkdesk theme rename verkeersveiligheid verkeer")]
    Rename(RenameArgs),
    /// Merge a theme into another: every record moves along, the first leaves the list
    #[command(after_help = "Examples:\n  wijkdesk theme merge groenn groen")]
    Merge(MergeArgs),
    /// List themes that look like one name typed twice
    #[command(after_help = "Examples:\n  wijkdesk theme check")]
    Check(CheckArgs),
    /// Add themes from a CSV file (first column; a header row theme/thema/name/naam is skipped)
    #[command(after_help = "Examples:\n  wijkdesk theme import themas.csv")]
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct NameArg {
    /// The name
    name: String,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The name on the list now
    old: String,
    /// The new name
    new: String,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The entry that leaves the list
    from: String,
    /// The entry that stays
    into: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print JSON instead of lines
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file; `-` reads standard input
    #[arg(value_name = "FILE.csv")]
    file: PathBuf,
}

/// The command that lists the names of a kind.
pub(super) fn list_command(kind: TermKind) -> &'static str {
    match kind {
        TermKind::District => "wijkdesk district list",
        TermKind::Neighbourhood => "wijkdesk district neighbourhoods",
        TermKind::Theme => "wijkdesk theme list",
    }
}

/// A name that is not on its list, in a list command: no `--add-new` hint here.
fn on_list(e: StoreError) -> CliError {
    match e {
        StoreError::UnknownTerm(u) => CliError::Said(Problem::TermNotListed {
            problem: Box::new(u.problem()),
            list: list_command(u.kind).to_string(),
        }),
        e => e.into(),
    }
}

pub(super) fn run_district(cmd: DistrictCmd, app: &mut App) -> Result<()> {
    let d = TermKind::District;
    let n = TermKind::Neighbourhood;
    match cmd {
        DistrictCmd::List(a) => list(app, d, a.json),
        DistrictCmd::Add(a) => add(app, d, &a.name, None),
        DistrictCmd::Rename(a) => rename(app, d, &a.old, &a.new),
        DistrictCmd::Merge(a) => merge(app, d, &a.from, &a.into),
        DistrictCmd::Check(a) => check(app, &[d, n], a.json),
        DistrictCmd::Import(a) => import(app, d, &a.file),
        DistrictCmd::Neighbourhoods { district, json } => {
            let mut terms = app.store.terms(n)?;
            if let Some(typed) = district {
                let want = match app.store.resolve_term(d, &typed)? {
                    Resolution::Known(w) => w,
                    Resolution::Unknown { suggestions } => {
                        return Err(on_list(StoreError::UnknownTerm(UnknownTerm {
                            kind: d,
                            value: typed,
                            suggestions,
                            district: None,
                        })));
                    }
                };
                terms.retain(|t| t.district.as_deref() == Some(want.as_str()));
            }
            if json {
                return app.out.json(&terms);
            }
            let mut t = Table::new(&["NEIGHBOURHOOD", "DISTRICT", "USES"]);
            for term in &terms {
                t.row(vec![
                    term.name.clone(),
                    term.district.clone().unwrap_or_default(),
                    term.uses.to_string(),
                ]);
            }
            app.out.table(&t)
        }
        DistrictCmd::AddNeighbourhood { name, district } => add(app, n, &name, district.as_deref()),
        DistrictCmd::RenameNeighbourhood(a) => rename(app, n, &a.old, &a.new),
        DistrictCmd::MergeNeighbourhood(a) => merge(app, n, &a.from, &a.into),
    }
}

pub(super) fn run_theme(cmd: ThemeCmd, app: &mut App) -> Result<()> {
    let t = TermKind::Theme;
    match cmd {
        ThemeCmd::List(a) => list(app, t, a.json),
        ThemeCmd::Add(a) => add(app, t, &a.name, None),
        ThemeCmd::Rename(a) => rename(app, t, &a.old, &a.new),
        ThemeCmd::Merge(a) => merge(app, t, &a.from, &a.into),
        ThemeCmd::Check(a) => check(app, &[t], a.json),
        ThemeCmd::Import(a) => import(app, t, &a.file),
    }
}

fn list(app: &mut App, kind: TermKind, json: bool) -> Result<()> {
    let terms = app.store.terms(kind)?;
    if json {
        return app.out.json(&terms);
    }
    let mut t = Table::new(&[
        match kind {
            TermKind::District => "DISTRICT",
            TermKind::Neighbourhood => "NEIGHBOURHOOD",
            TermKind::Theme => "THEME",
        },
        "USES",
    ]);
    for term in &terms {
        t.row(vec![term.name.clone(), term.uses.to_string()]);
    }
    app.out.table(&t)
}

fn add(app: &mut App, kind: TermKind, name: &str, district: Option<&str>) -> Result<()> {
    let name = app.store.add_term(kind, name, district).map_err(on_list)?;
    app.out.line(format!("added {kind} {name}"))?;
    // Added on purpose, but say so when it looks like a name already there.
    for p in app.store.near_duplicates(kind)? {
        let other = match (p.a == name, p.b == name) {
            (true, _) => &p.b,
            (_, true) => &p.a,
            _ => continue,
        };
        app.out.line(format!(
            "note: {name} looks like {other}; if they are one {kind}, merge them: {}",
            p.merge_command()
        ))?;
    }
    Ok(())
}

fn rename(app: &mut App, kind: TermKind, old: &str, new: &str) -> Result<()> {
    let n = app.store.rename_term(kind, old, new).map_err(on_list)?;
    app.out.line(format!(
        "renamed {kind} {old} to {}; {n} record{} changed",
        kind.normalise(new),
        if n == 1 { "" } else { "s" }
    ))
}

fn merge(app: &mut App, kind: TermKind, from: &str, into: &str) -> Result<()> {
    let n = app.store.merge_terms(kind, from, into).map_err(on_list)?;
    app.out.line(format!(
        "merged {kind} {} into {}; {n} record{} changed",
        kind.normalise(from),
        kind.normalise(into),
        if n == 1 { "" } else { "s" }
    ))
}

/// One line per near-duplicate pair, with the command that merges it.
pub(super) fn near_lines(pairs: &[NearPair]) -> Vec<String> {
    pairs
        .iter()
        .map(|p| {
            let (keep, drop, drop_uses) = p.keep();
            let keep_uses = if keep == p.a { p.a_uses } else { p.b_uses };
            format!(
                "{} {keep} ({keep_uses} record{}) ~ {drop} ({drop_uses} record{}): {}",
                p.kind,
                if keep_uses == 1 { "" } else { "s" },
                if drop_uses == 1 { "" } else { "s" },
                p.merge_command()
            )
        })
        .collect()
}

fn check(app: &mut App, kinds: &[TermKind], json: bool) -> Result<()> {
    let mut pairs = Vec::new();
    for k in kinds {
        pairs.extend(app.store.near_duplicates(*k)?);
    }
    if json {
        let rows: Vec<_> = pairs
            .iter()
            .map(|p| json!({ "kind": p.kind, "a": p.a, "a_uses": p.a_uses, "b": p.b, "b_uses": p.b_uses, "merge": p.merge_command() }))
            .collect();
        return app.out.json(&rows);
    }
    if pairs.is_empty() {
        let what: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        return app
            .out
            .line(format!("no near-duplicate {} names", what.join(" or ")));
    }
    for line in near_lines(&pairs) {
        app.out.line(line)?;
    }
    Ok(())
}

const HEADERS: &[&str] = &[
    "name",
    "naam",
    "district",
    "stadsdeel",
    "theme",
    "thema",
    "neighbourhood",
    "wijk",
    "buurt",
];

fn import(app: &mut App, kind: TermKind, file: &std::path::Path) -> Result<()> {
    let data = super::csv::read_input(file)?;
    let text = std::str::from_utf8(&data).map_err(|_| {
        CliError::Said(Problem::NotUtf8Text {
            path: file.display().to_string(),
        })
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            CliError::Said(Problem::FileLine {
                path: file.display().to_string(),
                line: i + 1,
                error: e.to_string(),
            })
        })?;
        let cell = |n: usize| record.get(n).map(str::trim).unwrap_or("").to_string();
        if i == 0 && HEADERS.contains(&fold(&cell(0)).as_str()) {
            continue;
        }
        let first = cell(0);
        if first.is_empty() {
            continue;
        }
        match kind {
            TermKind::District => {
                rows.push((TermKind::District, first.clone(), None));
                let second = cell(1);
                if !second.is_empty() {
                    rows.push((TermKind::Neighbourhood, second, Some(first)));
                }
            }
            k => rows.push((k, first, None)),
        }
    }
    if rows.is_empty() {
        return Err(CliError::Said(Problem::NoNamesIn {
            path: file.display().to_string(),
        }));
    }
    let added = app.store.import_terms(&rows).map_err(on_list)?;
    for (k, name) in &added {
        app.out.line(format!("added {k} {name}"))?;
    }
    app.out.line(format!(
        "{} added, {} on the list already",
        added.len(),
        rows.len() - added.len()
    ))
}

//! `wijkdesk org import|export` and `wijkdesk person import|export-all`: organisations
//! and people as CSV (or JSON), for spreadsheets and for moving between databases.

use super::output::Table;
use super::{App, CliError, Result};
use crate::domain::Problem;
use crate::sheets::MAX_IMPORT_BYTES;
use crate::store::{ExportTable, ImportReport, RowAction};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

/// Rows of the plan listed before "… and N more".
const PLAN_LINES: usize = 50;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV file: comma- or semicolon-separated, UTF-8 with or without a byte-order
    /// mark, headers in English or Dutch; `-` reads standard input
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// Import; without it only a preview is shown and nothing is stored
    #[arg(long)]
    pub yes: bool,
    /// Print the preview or result as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CSV that re-imports to the same data
    Csv,
    /// JSON, with each record's ID
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// CSV for Excel in a Dutch locale: semicolons and a UTF-8 byte-order mark
    #[arg(long)]
    pub excel: bool,
    /// Write to FILE (readable by its owner only) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub(crate) fn import_orgs(a: ImportArgs, app: &mut App) -> Result<()> {
    let data = read_input(&a.file)?;
    let report = app.store.import_orgs(&data, a.yes)?;
    show_import(app, &a, &report, "organisations")
}

pub(crate) fn import_people(a: ImportArgs, app: &mut App) -> Result<()> {
    let data = read_input(&a.file)?;
    let report = app.store.import_people(&data, a.yes)?;
    show_import(app, &a, &report, "people")
}

pub(crate) fn export_orgs(a: ExportArgs, app: &mut App) -> Result<()> {
    let table = app.store.export_orgs()?;
    export(app, &a, &table, &["neighbourhoods"])
}

pub(crate) fn export_people(a: ExportArgs, app: &mut App) -> Result<()> {
    let table = app.store.export_people()?;
    export(app, &a, &table, &["districts", "themes"])
}

pub(super) fn read_input(path: &Path) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    let (name, read) = if path.as_os_str() == "-" {
        let r = std::io::stdin()
            .lock()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut data);
        ("standard input".to_string(), r)
    } else {
        let r = std::fs::File::open(path)
            .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut data));
        (path.display().to_string(), r)
    };
    read.map_err(|e| {
        CliError::Said(Problem::CannotRead {
            path: name.clone(),
            error: e.to_string(),
        })
    })?;
    if data.len() as u64 > MAX_IMPORT_BYTES {
        return Err(CliError::Said(Problem::ImportTooLarge {
            path: name,
            mb: MAX_IMPORT_BYTES / (1024 * 1024),
        }));
    }
    Ok(data)
}

fn export(app: &mut App, a: &ExportArgs, table: &ExportTable, lists: &[&str]) -> Result<()> {
    let data = match a.format {
        ExportFormat::Csv => {
            let (delimiter, bom) = if a.excel { (b';', true) } else { (b',', false) };
            // Dutch headings under --lang nl: the import reads them as the same fields.
            let mut table = table.clone();
            table.headers =
                super::sheet::Flavour::new(a.excel, app.lang).export_headings(&table.headers);
            table.to_csv(delimiter, bom)?
        }
        ExportFormat::Json => {
            if a.output.is_none() {
                return app.out.json(&table.to_json(lists));
            }
            let mut text = serde_json::to_string_pretty(&table.to_json(lists)).map_err(|e| {
                CliError::Said(Problem::JsonNotWritten {
                    error: e.to_string(),
                })
            })?;
            text.push('\n');
            text.into_bytes()
        }
    };
    match &a.output {
        Some(path) => {
            write_owner_only(path, &data)?;
            app.out.line(format!(
                "{} records written to {}",
                table.rows.len(),
                path.display()
            ))
        }
        // Into a file or pipe exactly; on a terminal made visible line by line.
        None if std::io::stdout().is_terminal() => {
            for line in String::from_utf8_lossy(&data).lines() {
                app.out.line(line)?;
            }
            Ok(())
        }
        None => {
            app.out.raw().write_all(&data)?;
            Ok(())
        }
    }
}

/// An export holds personal data: the file is readable by its owner only.
fn write_owner_only(path: &Path, data: &[u8]) -> Result<()> {
    // Replaced whole, so an existing file's wider mode is not kept.
    crate::files::replace(path, data).map_err(|e| {
        CliError::Said(Problem::CannotWrite {
            path: path.display().to_string(),
            error: e.to_string(),
            disk_full_hint: false,
        })
    })
}

fn show_import(app: &mut App, a: &ImportArgs, r: &ImportReport, what: &str) -> Result<()> {
    if a.json {
        app.out.json(r)?;
    } else {
        print_import(app, a, r, what)?;
    }
    if !r.problems.is_empty() {
        return Err(CliError::Reported(Problem::NothingImported {
            lines: r.problems.iter().map(|p| p.line).collect(),
        }));
    }
    Ok(())
}

/// A sample column's header, marked for the table: names shortened last, long text
/// shortened first.
fn sample_header(field: &'static str) -> &'static str {
    const MARKED: &[&str] = &[
        "*name",
        "~notes",
        "~neighbourhoods",
        "~email",
        "~organisation",
        "~role",
        "~districts",
        "~themes",
        "~district",
    ];
    MARKED
        .iter()
        .find(|m| &m[1..] == field)
        .copied()
        .unwrap_or(field)
}

fn print_import(app: &mut App, a: &ImportArgs, r: &ImportReport, what: &str) -> Result<()> {
    let separator = match r.delimiter {
        ';' => "semicolons",
        '\t' => "tabs",
        _ => "commas",
    };
    app.out.line(format!(
        "{}: {} row{} of {what}, separated by {separator}{}",
        a.file.display(),
        r.rows,
        if r.rows == 1 { "" } else { "s" },
        if r.bom {
            ", with a byte-order mark"
        } else {
            ""
        }
    ))?;
    let columns: Vec<String> = r
        .columns
        .iter()
        .filter(|c| !c.header.is_empty())
        .map(|c| match c.field {
            Some(f) if f == c.header => f.to_string(),
            Some(f) => format!("{} → {f}", c.header),
            None => format!("{} (ignored)", c.header),
        })
        .collect();
    app.out.line(format!("columns: {}", columns.join(", ")))?;

    if !r.sample.is_empty() {
        app.out.blank()?;
        app.out.line("First rows:")?;
        let headers: Vec<&'static str> = r.sample_fields.iter().map(|f| sample_header(f)).collect();
        let mut t = Table::new(&headers);
        for row in &r.sample {
            t.row(row.clone());
        }
        app.out.table(&t)?;
    }

    app.out.blank()?;
    let (create, update) = if r.imported {
        ("created", "updated")
    } else {
        ("to create", "to update")
    };
    app.out.line(format!(
        "{} {create}, {} {update}, {} unchanged",
        r.count(RowAction::Create),
        r.count(RowAction::Update),
        r.count(RowAction::Unchanged)
    ))?;
    let mut t = Table::new(&["Line", "Action", "ID", "*Name", "~Changes"]);
    for p in r
        .plan
        .iter()
        .filter(|p| p.action != RowAction::Unchanged)
        .take(PLAN_LINES)
    {
        t.row(vec![
            p.line.to_string(),
            p.action.code().to_string(),
            p.record.clone().unwrap_or_default(),
            p.name.clone(),
            p.changed.join(", "),
        ]);
    }
    if !t.is_empty() {
        app.out.table(&t)?;
    }
    let changing = r
        .plan
        .iter()
        .filter(|p| p.action != RowAction::Unchanged)
        .count();
    if changing > PLAN_LINES {
        app.out
            .line(format!("… and {} more", changing - PLAN_LINES))?;
    }

    if !r.problems.is_empty() {
        app.out.blank()?;
        app.out
            .line(format!("Cannot import ({}):", r.problems.len()))?;
        let lang = super::words_lang(app.lang);
        for p in &r.problems {
            app.out
                .line(format!("  line {}: {}", p.line, lang.problem(&p.problem)))?;
        }
        app.out.blank()?;
        if r.problems
            .iter()
            .any(|p| matches!(p.problem, crate::domain::Problem::UnknownTerm { .. }))
        {
            app.out.line(
                "Districts, neighbourhoods and themes must be on their lists (wijkdesk district list, \
                 wijkdesk theme list); --add-new adds the new ones.",
            )?;
        }
        return app
            .out
            .line("Nothing was imported: correct these lines and run the import again.");
    }
    app.out.blank()?;
    if r.imported {
        app.out.line("Imported.")
    } else {
        app.out
            .line("Preview only: nothing was stored. Run again with --yes to import.")
    }
}

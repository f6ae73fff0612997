//! The database itself: init, demo, history, backup, check; and the generated
//! completions and manual page.

use super::output::{Out, moment};
use super::{App, Cli, CliError, Result};
use crate::domain::Problem;
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef};
use crate::store::SCHEMA_VERSION;
use clap::{Args, CommandFactory};
use serde_json::{Value, json};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Also generate N signals, with feedback, commitments, actions and minutes (for benchmarks)
    #[arg(long, value_name = "N", default_value_t = 0)]
    scale: usize,
    /// Add the demo data even though the database already holds organisations
    #[arg(long)]
    force: bool,
    /// Print what was added as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The record: O-7, P-4, S-42, A-3, C-12 or M-5
    record: String,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new file to write (must not exist)
    file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

fn counts(app: &App) -> Result<Vec<(&'static str, i64)>> {
    let mut out = Vec::new();
    for kind in RecordKind::ALL {
        let label = match kind {
            RecordKind::Organisation => "organisations",
            RecordKind::Person => "people",
            RecordKind::Signal => "signals",
            RecordKind::Action => "actions",
            RecordKind::Commitment => "commitments",
            RecordKind::Meeting => "meetings",
        };
        out.push((label, app.store.count(kind)?));
    }
    Ok(out)
}

pub(super) fn init(a: InitArgs, app: &mut App) -> Result<()> {
    let path = app.store.path().display().to_string();
    let counts = counts(app)?;
    if a.json {
        let mut map = serde_json::Map::new();
        map.insert("path".into(), json!(path));
        map.insert("schema_version".into(), json!(SCHEMA_VERSION));
        for (k, n) in &counts {
            map.insert((*k).into(), json!(n));
        }
        return app.out.json(&Value::Object(map));
    }
    app.out.line(&path)?;
    let pairs: Vec<(&str, String)> = counts.iter().map(|(k, n)| (*k, n.to_string())).collect();
    app.out.fields(&pairs)
}

pub(super) fn demo(a: DemoArgs, app: &mut App) -> Result<()> {
    let orgs = app.store.count(RecordKind::Organisation)?;
    if orgs > 0 && !a.force {
        return Err(CliError::Said(Problem::DemoNeedsEmpty {
            path: app.store.path().display().to_string(),
            orgs,
        }));
    }
    // A new, empty file is loaded without a journal: should the load fail, the file
    // is deleted and the command run again.
    let summary = if app.store.is_empty()? && a.scale > 0 {
        crate::demo::load_into_new_file(&mut app.store, a.scale).map_err(|e| {
            CliError::Said(Problem::DemoHalfWritten {
                path: app.store.path().display().to_string(),
                problem: Box::new(e.into_problem()),
            })
        })?
    } else {
        crate::demo::load(&mut app.store, a.scale)?
    };
    if a.json {
        return app.out.json(&summary);
    }
    app.out
        .line(format!("demo data added to {}", app.store.path().display()))?;
    app.out.fields(&[
        ("organisations", summary.organisations.to_string()),
        ("people", summary.people.to_string()),
        ("signals", summary.signals.to_string()),
        ("feedback", summary.feedback.to_string()),
        ("commitments", summary.commitments.to_string()),
        ("actions", summary.actions.to_string()),
        ("meetings", summary.meetings.to_string()),
        ("minutes lines", summary.minutes.to_string()),
    ])
}

/// A value from the audit trail, for reading: text as is, lists joined, nothing as —.
fn audit_value(v: &Value, none: &str) -> String {
    match v {
        Value::Null => none.to_string(),
        Value::String(s) if s.is_empty() => "\"\"".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "[]".to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| audit_value(i, none))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// One line of history: line breaks become spaces.
fn vis_line(s: &str) -> String {
    s.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

pub(super) fn history(a: HistoryArgs, app: &mut App) -> Result<()> {
    let record = RecordRef::parse(&a.record, None)?;
    let entries = app.store.history(record)?;
    if a.json {
        return app.out.json(&entries);
    }
    let (none, arrow) = (app.out.none(), app.out.arrow());
    app.out.line(format!(
        "{record}: {} change{}",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    ))?;
    for e in &entries {
        app.out.blank()?;
        app.out
            .line(format!("{}  {}  {}", moment(&e.at), e.who(), e.action))?;
        if let Value::Object(fields) = &e.changes {
            // Fields line up; a name ("Anton Brink (P-29)", "O-20 Naam") reads as a
            // sentence: "Anton Brink (P-29) attended → absent".
            let named = |k: &str| k.contains(' ');
            let pad = fields
                .keys()
                .filter(|k| !named(k))
                .map(|k| k.chars().count())
                .max()
                .unwrap_or(0);
            for (field, change) in fields {
                let gap = if named(field) {
                    format!("{field} ")
                } else {
                    format!("{field:<pad$}  ")
                };
                let (before, after) = match change {
                    Value::Array(pair) if pair.len() == 2 => (&pair[0], &pair[1]),
                    Value::String(sentence) => {
                        app.out.line(vis_line(&format!("  {gap}{sentence}")))?;
                        continue;
                    }
                    other => (&Value::Null, other),
                };
                if before.is_null() && is_empty(after) {
                    continue; // an empty field of a new record
                }
                let line = format!(
                    "  {gap}{} {arrow} {}",
                    audit_value(before, none),
                    audit_value(after, none)
                );
                // Multi-line text shows as one line: the line breaks become spaces.
                app.out
                    .line(line.split(['\n', '\r']).collect::<Vec<_>>().join(" "))?;
            }
        }
    }
    Ok(())
}

pub(super) fn backup(a: BackupArgs, app: &mut App) -> Result<()> {
    app.store.backup(&a.file)?;
    app.out.line(format!(
        "{} backed up to {}",
        app.store.path().display(),
        a.file.display()
    ))
}

/// `wijkdesk check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print the result as JSON (`ok`, `problems`, `near_duplicates`); the exit code is the same
    #[arg(long)]
    json: bool,
}

pub(super) fn check(a: CheckArgs, app: &mut App) -> Result<()> {
    let problems = app.store.check()?;
    let path = app.store.path().display().to_string();
    // Near-duplicate names are no damage to the file: listed, but not a failure.
    let mut pairs = Vec::new();
    for kind in TermKind::ALL {
        match app.store.near_duplicates(kind) {
            Ok(found) => pairs.extend(found),
            // A damaged file is reported below; its names are not worth a second error.
            Err(_) if !problems.is_empty() => {}
            Err(e) => return Err(e.into()),
        }
    }
    if a.json {
        app.out.json(&json!({
            "path": path,
            "schema_version": SCHEMA_VERSION,
            "ok": problems.is_empty(),
            "problems": problems,
            "near_duplicates": pairs,
        }))?;
        if problems.is_empty() {
            return Ok(());
        }
        app.out.flush()?;
        return Err(CliError::Reported(Problem::CheckFound {
            path: path.to_string(),
            problems: problems.len(),
        }));
    }
    for line in super::vocab::near_lines(&pairs) {
        app.out.line(format!("near-duplicate {line}"))?;
    }
    if problems.is_empty() {
        return app.out.line(format!(
            "{path}: no problems found (schema version {SCHEMA_VERSION})"
        ));
    }
    for p in &problems {
        app.out.line(p)?;
    }
    app.out.flush()?;
    Err(CliError::Reported(Problem::CheckFound {
        path: path.to_string(),
        problems: problems.len(),
    }))
}

pub(super) fn completions(a: CompletionsArgs, out: &mut Out) -> Result<()> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics on a closed pipe, a write here fails cleanly.
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "wijkdesk", &mut script);
    out.raw().write_all(&script)?;
    if a.shell == clap_complete::Shell::Bash {
        out.raw()
            .write_all(super::manual::BASH_RECORDS.as_bytes())?;
    }
    Ok(())
}

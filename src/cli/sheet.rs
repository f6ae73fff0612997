//! Spreadsheets on the command line: `--csv`, `--excel` and `-o FILE` on a list, in
//! the same fields as its JSON. How a file is written is [`crate::sheets`]'s, shared
//! with the screens: `--excel` is its Excel flavour, `--lang nl` its Dutch headings.

pub use crate::sheets::*;

use super::{App, CliError, Lang, Result};
use crate::domain::Problem;
use clap::Args;
use serde_json::Value;
use std::io::IsTerminal;
use std::path::PathBuf;

/// `--csv` and `--excel` on a list.
#[derive(Debug, Clone, Args)]
pub struct CsvArgs {
    /// Print CSV (the fields of --json, one row per record) instead of a table
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// CSV for Excel in a Dutch locale: semicolons, a UTF-8 byte-order mark, CRLF, dates
    /// as 15-01-2026 (implies --csv)
    #[arg(long, conflicts_with = "json")]
    pub excel: bool,
    /// With --csv or --excel: write to FILE (readable by its owner only) instead of
    /// standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl CsvArgs {
    pub fn wanted(&self) -> bool {
        self.csv || self.excel
    }
}

/// Records as CSV on standard output (or `-o FILE`, readable by its owner only):
/// `rows` hands each record's JSON (`list --json`) to its argument, `fields` are the
/// columns. Each row is written as it comes, into a pipe or a file; on a terminal the
/// text is gathered first (to make it visible).
pub(crate) fn list_streamed<F>(
    out: &mut super::output::Out,
    lang: Option<Lang>,
    a: &CsvArgs,
    fields: &[&str],
    rows: F,
) -> Result<()>
where
    F: FnOnce(&mut dyn FnMut(Value) -> Result<()>) -> Result<()>,
{
    let f = Flavour::new(a.excel, lang).with_ascii(out.ascii());
    let headers: Vec<String> = fields.iter().map(|c| f.heading(c)).collect();
    let write = |out: &mut dyn std::io::Write| -> Result<usize> {
        let mut sink = f.sink(out, &headers)?;
        rows(&mut |v| Ok(sink.row(row_of(&link(v), fields, f))?))?;
        Ok(sink.finish()?)
    };
    match &a.output {
        Some(path) => {
            // A list holds personal data: the file is readable by its owner only.
            let n = crate::files::replace_with(path, write).map_err(|e| match e {
                CliError::Said(Problem::OutputNotWritten { error }) => {
                    CliError::Said(Problem::CannotWrite {
                        path: path.display().to_string(),
                        error,
                        disk_full_hint: false,
                    })
                }
                other => other,
            })?;
            out.line(format!("{n} records written to {}", path.display()))
        }
        None if std::io::stdout().is_terminal() => {
            let mut data = Vec::new();
            write(&mut data)?;
            print_to(out, &data)
        }
        None => {
            write(out.raw())?;
            Ok(())
        }
    }
}

impl Flavour {
    /// The flavour a list command asks for: `--excel`, headings in Dutch under `--lang nl`.
    pub fn new(excel: bool, lang: Option<Lang>) -> Flavour {
        Flavour {
            excel,
            dutch: lang == Some(Lang::Nl),
            ascii: false,
        }
    }
}

/// CSV as it is into a file or a pipe; made visible line by line on a terminal.
pub(crate) fn print(app: &mut App, data: &[u8]) -> Result<()> {
    print_to(&mut app.out, data)
}

fn print_to(out: &mut super::output::Out, data: &[u8]) -> Result<()> {
    if std::io::stdout().is_terminal() {
        for line in String::from_utf8_lossy(data).lines() {
            out.line(line)?;
        }
        return Ok(());
    }
    out.raw().write_all(data)?;
    Ok(())
}

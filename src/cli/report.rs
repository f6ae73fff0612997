//! `wijkdesk report loop|commitments|cadence|load|all|records`: is the loop closed?
//! (DESIGN section 6) As a table, CSV, Markdown, JSON, or as charts in HTML and SVG.

use super::output::Table;
use super::report_charts::{self, Chart, Reports};
use super::report_html;
use super::{App, CliError, Result};
use crate::domain::Problem;
use crate::domain::report::{self, Lang, ReportFilter, Rows};
use crate::store::{AnyReport, ReportKind};
use clap::{Args, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

/// How the filters apply, appended to each report's long help.
macro_rules! filter_help {
    () => {
        "\n\nEvery report takes the same filters. --from and --to bound the dates a report is \
         about: when feedback was due (feedback on time), when signals came in (days to first \
         feedback, open signals, the weekly chart) and when commitments were due. For cadence and \
         load, --to is the day they are computed for (default today). --district, --theme, \
         --service (the owning service) and --org (the organisation a signal or commitment is from \
         or to) narrow what is counted."
    };
}

#[derive(Debug, Subcommand)]
pub enum ReportCmd {
    /// Feedback on time, days to first feedback, open signals by age, district and theme
    #[command(
        long_about = concat!(
            "Is the loop closed? The share of signals whose first feedback came by its due date, \
             the median days to first feedback, open signals by age (0-14, 15-30, 31-90, over 90 \
             days), district and theme, signals received and answered per week, and feedback on \
             time per month.",
            filter_help!()
        ),
        after_help = "Examples:\n  wijkdesk report loop\n  wijkdesk report loop --from 2024-09-01 --to 2024-09-30 --district Escamp\n  \
                      wijkdesk report loop --service DSO --format md"
    )]
    Loop(ReportArgs),
    /// Commitments kept on time, kept late, broken, open overdue: in total, per service and per organisation
    #[command(
        long_about = concat!(
            "Commitments due in the period by outcome: kept on time, kept late, broken, open and \
             overdue, open, withdrawn; in total, per owning service and per organisation. The \
             kept-on-time share counts kept, broken and overdue commitments; withdrawn and \
             not-yet-due ones are left out.",
            filter_help!()
        ),
        after_help = "Examples:\n  wijkdesk report commitments\n  wijkdesk report commitments --org Duinoord --format csv"
    )]
    Commitments(ReportArgs),
    /// Residents' organisations not met within their cadence (meetings only)
    #[command(
        long_about = concat!(
            "Residents' organisations not met within their cadence (N meetings a year: at least \
             every 365/N days), never met first. Only meetings count: the last meeting is the \
             latest held or final meeting they attended, or were invited to when attendance was \
             not taken. Last contact (that meeting or feedback on one of their signals) is shown \
             beside it and never counts for the cadence.",
            filter_help!()
        ),
        after_help = "Examples:\n  wijkdesk report cadence\n  wijkdesk report cadence --district Centrum --to 2024-12-31"
    )]
    Cadence(ReportArgs),
    /// Meetings and signals per organisation in the last 90 days, flagged above the threshold
    #[command(
        long_about = concat!(
            "Per residents' organisation: the meetings it was invited to and the signals it raised \
             in the 90 days up to the report day, highest first, flagged above the load threshold. \
             With --theme only signals on that theme count; with --service only that service's \
             signals and the meetings it was at too.",
            filter_help!()
        ),
        after_help = "Examples:\n  wijkdesk report load\n  wijkdesk report load --format json"
    )]
    Load(ReportArgs),
    /// All four reports at once: the monthly report, e.g. as one HTML file with charts
    #[command(
        long_about = concat!(
            "The feedback loop, commitments, cadence and load reports together. With --format \
             html: one self-contained HTML file (no network, no script; prints on A4) with the key \
             figures, every chart as SVG and every table, in the language of --lang (else \
             $WIJKDESK_LANG or the locale). With --format svg: one chart (--chart).",
            filter_help!()
        ),
        after_help = "Examples:\n  wijkdesk report all --format html > rapport.html\n  \
                      wijkdesk --lang nl report all --format html -o rapport.html --from 2024-09-01 --to 2024-09-30\n  \
                      wijkdesk report all --format svg --chart weekly > weekly.svg\n  \
                      wijkdesk report all --format json"
    )]
    All(ReportArgs),
    /// The records behind a figure, e.g. loop.late or commitments.broken (see --format json for keys)
    #[command(
        long_about = "List the records behind one figure of a report: the keys are in the `key` \
                      fields of `--format json`, e.g. loop.on_time, loop.late, loop.overdue, \
                      loop.open.age:15-30, loop.open.theme:verkeer, commitments.broken, \
                      commitments.service.kept_late:O-3, cadence.overdue, load.over, load.org:O-7. \
                      Give the same filters as the report.",
        after_help = "Examples:\n  wijkdesk report records loop.late --from 2024-09-01\n  wijkdesk report records cadence.overdue"
    )]
    Records(RecordsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// From this day on (2024-09-01, 1-9-2024)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Up to and including this day
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this district (stadsdeel)
    #[arg(long, value_name = "DISTRICT")]
    pub district: Option<String>,
    /// Only this theme
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// Only what this service owns (DSO, O-3 or a unique prefix of its name)
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// Only this organisation (O-7 or a unique prefix of its name)
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned tables
    Table,
    /// CSV: one long table, a row per figure (report, table, row, label, measure, value,
    /// figure key); cells that could start a formula are neutralised
    Csv,
    /// Markdown tables
    Md,
    /// JSON, with the key of every figure
    Json,
    /// One self-contained HTML page with the key figures, charts (inline SVG) and tables
    Html,
    /// One chart as an SVG image (choose it with --chart)
    Svg,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// The same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// CSV for Excel in a Dutch locale: semicolons, a UTF-8 byte-order mark, CRLF,
    /// dates as 15-01-2026 and decimals with a comma (implies --format csv)
    #[arg(long, visible_alias = "semicolon", conflicts_with = "json")]
    pub excel: bool,
    /// The chart for --format svg [default: the report's first chart]
    #[arg(long, value_enum, value_name = "CHART")]
    pub chart: Option<Chart>,
    /// Write the HTML or SVG to this file (readable by its owner only) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RecordsArgs {
    /// The figure's key, e.g. loop.late
    #[arg(value_name = "FIGURE")]
    pub figure: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn run(cmd: ReportCmd, app: &mut App) -> Result<()> {
    let (kind, args) = match cmd {
        ReportCmd::Loop(a) => (ReportKind::Loop, with_format(a)),
        ReportCmd::Commitments(a) => (ReportKind::Commitments, with_format(a)),
        ReportCmd::Cadence(a) => (ReportKind::Cadence, with_format(a)),
        ReportCmd::Load(a) => (ReportKind::Load, with_format(a)),
        ReportCmd::All(a) => return all(with_format(a), app),
        ReportCmd::Records(a) => return records(a, app),
    };
    let filter = filter(&args.filter, app)?;
    if matches!(args.format, ReportFormat::Html | ReportFormat::Svg) {
        return pictures(Some(kind), &args, &filter, app);
    }
    self::table_formats(kind, &args, &filter, app)
}

/// --json and --excel say the format themselves.
fn with_format(mut args: ReportArgs) -> ReportArgs {
    if args.json {
        args.format = ReportFormat::Json;
    } else if args.excel {
        args.format = ReportFormat::Csv;
    }
    args
}

/// Tables and their headings in the language of --lang; the figures' keys stay.
fn table_lang(app: &App) -> Lang {
    match app.lang {
        Some(super::Lang::Nl) => Lang::Nl,
        _ => Lang::En,
    }
}

/// Table, CSV, Markdown or JSON of one report.
fn table_formats(
    kind: ReportKind,
    args: &ReportArgs,
    filter: &ReportFilter,
    app: &mut App,
) -> Result<()> {
    no_output_file(args)?;
    let filter = filter.clone();
    let lang = table_lang(app);
    let report = app.store.report(kind, &filter, lang)?;
    let tables = report.tables(lang, Rows::All);
    match args.format {
        ReportFormat::Json => app.out.json(&serde_json::json!({
            "report": kind.code(),
            "figures": report,
            "tables": tables,
        })),
        ReportFormat::Csv => {
            let flavour =
                super::sheet::Flavour::new(args.excel, app.lang).with_ascii(app.out.ascii());
            let data = super::sheet::report_long(flavour, kind.code(), &tables)?;
            super::sheet::print(app, &data)
        }
        ReportFormat::Md => data_out(app, &report::tables_to_markdown(&tables)),
        ReportFormat::Html | ReportFormat::Svg => pictures(Some(kind), args, &filter, app),
        ReportFormat::Table => {
            app.out.line(caption(kind, &filter, app))?;
            for t in tables {
                app.out.blank()?;
                app.out.line(&t.title)?;
                let headers: Vec<&'static str> = t
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| if i == main_column(&t) { main(c) } else { c })
                    .collect();
                let mut out = Table::new(&headers);
                for row in t.rows {
                    out.row(row.into_iter().map(|c| c.text).collect());
                }
                if out.is_empty() {
                    app.out.line("  (none)")?;
                } else {
                    app.out.table(&out)?;
                }
            }
            Ok(())
        }
    }
}

/// `report all`: the four reports, one after another (JSON: one object).
fn all(args: ReportArgs, app: &mut App) -> Result<()> {
    let filter = filter(&args.filter, app)?;
    if !matches!(args.format, ReportFormat::Html | ReportFormat::Svg) {
        no_output_file(&args)?;
    }
    match args.format {
        ReportFormat::Html | ReportFormat::Svg => pictures(None, &args, &filter, app),
        ReportFormat::Json => {
            let lang = table_lang(app);
            let mut reports = serde_json::Map::new();
            for kind in ReportKind::ALL {
                let report = app.store.report(kind, &filter, lang)?;
                let tables = report.tables(lang, Rows::All);
                reports.insert(
                    kind.code().to_string(),
                    serde_json::json!({ "figures": report, "tables": tables }),
                );
            }
            app.out
                .json(&serde_json::json!({ "report": "all", "reports": reports }))
        }
        // One long table for all four: the `report` column says which.
        ReportFormat::Csv => {
            let lang = table_lang(app);
            let mut all = Vec::new();
            for kind in ReportKind::ALL {
                let report = app.store.report(kind, &filter, lang)?;
                all.push((kind.code(), report.tables(lang, Rows::All)));
            }
            let flavour =
                super::sheet::Flavour::new(args.excel, app.lang).with_ascii(app.out.ascii());
            let data = super::sheet::reports_long(flavour, &all)?;
            super::sheet::print(app, &data)
        }
        format => {
            for (i, kind) in ReportKind::ALL.into_iter().enumerate() {
                if i > 0 && format == ReportFormat::Table {
                    app.out.blank()?;
                }
                table_formats(kind, &args, &filter, app)?;
            }
            Ok(())
        }
    }
}

/// The language of a document for people who read no terminal: --lang, else
/// $WIJKDESK_LANG, else the locale.
fn document_lang(app: &App) -> crate::words::Lang {
    use crate::words::Lang as L;
    match app.lang {
        Some(super::Lang::En) => L::En,
        Some(super::Lang::Nl) => L::Nl,
        None => std::env::var("WIJKDESK_LANG")
            .ok()
            .and_then(|v| L::parse(&v))
            .unwrap_or_else(L::from_env),
    }
}

/// `--format html` (every report) or `--format svg` (one chart), from the same
/// report structs the tables show.
fn pictures(
    kind: Option<ReportKind>,
    args: &ReportArgs,
    filter: &ReportFilter,
    app: &mut App,
) -> Result<()> {
    let lang = document_lang(app);
    let chart = match (args.format, kind, args.chart) {
        (ReportFormat::Svg, None, None) => {
            return Err(CliError::Said(Problem::SvgNeedsChart {
                charts: chart_names(&Chart::ALL),
            }));
        }
        (ReportFormat::Svg, Some(k), None) => Some(report_charts::charts_of(k)[0]),
        (ReportFormat::Svg, Some(k), Some(c)) if !report_charts::charts_of(k).contains(&c) => {
            return Err(CliError::Said(Problem::NoSuchChart {
                report: k.code().to_string(),
                chart: c.code().to_string(),
                has: chart_names(report_charts::charts_of(k)),
            }));
        }
        (_, _, c) => c,
    };
    let dl = report_charts::domain_lang(lang);
    let loop_ = match app.store.report(ReportKind::Loop, filter, dl)? {
        AnyReport::Loop(r) => r,
        _ => unreachable!("asked for the loop report"),
    };
    let commitments = match app.store.report(ReportKind::Commitments, filter, dl)? {
        AnyReport::Commitments(r) => r,
        _ => unreachable!("asked for the commitments report"),
    };
    let cadence = match app.store.report(ReportKind::Cadence, filter, dl)? {
        AnyReport::Cadence(r) => r,
        _ => unreachable!("asked for the cadence report"),
    };
    let load = match app.store.report(ReportKind::Load, filter, dl)? {
        AnyReport::Load(r) => r,
        _ => unreachable!("asked for the load report"),
    };
    let reports = Reports {
        loop_,
        commitments,
        cadence,
        load,
    };
    let text = match (args.format, chart) {
        (ReportFormat::Svg, Some(c)) => report_charts::svg(c, &reports, lang),
        _ => {
            let label = |id: i64| {
                app.store
                    .org(id)
                    .map(|o| o.label().to_string())
                    .unwrap_or_else(|_| format!("O-{id}"))
            };
            let scope = report_html::Scope {
                today: app.today(),
                filter: filter.clone(),
                service: filter.service.map(label),
                org: filter.org.map(label),
            };
            report_html::html(&reports, &scope, lang, kind)
        }
    }
    .map_err(CliError::Said)?;
    match &args.output {
        Some(path) => crate::files::replace(path, text.as_bytes()).map_err(|e| {
            CliError::Said(Problem::CannotWrite {
                path: path.display().to_string(),
                error: e.to_string(),
                disk_full_hint: false,
            })
        }),
        None => {
            app.out.raw().write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

/// `-o` is for the pictures; a table, CSV, Markdown or JSON is never silently printed
/// instead of going to the file asked for.
fn no_output_file(args: &ReportArgs) -> Result<()> {
    match &args.output {
        Some(path) if !matches!(args.format, ReportFormat::Html | ReportFormat::Svg) => {
            Err(CliError::Said(Problem::OutputOnlyPictures {
                path: path.display().to_string(),
            }))
        }
        _ => Ok(()),
    }
}

fn chart_names(charts: &[Chart]) -> String {
    charts
        .iter()
        .map(|c| c.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Records are read and printed a page at a time: the first page is small, so that the
/// first lines come at once however many follow; each next page is five times larger,
/// up to [`RECORDS_PAGE_MOST`], so that a figure of 700,000 signals is read in a dozen
/// pages rather than 700 (each page searches the figure's index again: 31 s for all of
/// "feedback on time" at a million in pages of 1,000), and memory stays within a page.
const RECORDS_FIRST_PAGE: usize = 200;
const RECORDS_PAGE_MOST: usize = 100_000;

fn records(a: RecordsArgs, app: &mut App) -> Result<()> {
    let filter = filter(&a.filter, app)?;
    // The first page before anything is printed: an unknown figure is one message.
    let first = app
        .store
        .report_records_page(&a.figure, &filter, None, RECORDS_FIRST_PAGE)?;
    let store = &app.store;
    // Each record, then `None` at the end of each page.
    let pages = |emit: &mut dyn FnMut(Option<String>) -> Result<()>| -> Result<()> {
        let mut page = first;
        let mut size = RECORDS_FIRST_PAGE;
        loop {
            let last = page.ids.last().cloned();
            for id in page.ids {
                emit(Some(id))?;
            }
            emit(None)?;
            if !page.more {
                return Ok(());
            }
            size = (size * 5).min(RECORDS_PAGE_MOST);
            page = store.report_records_page(&a.figure, &filter, last.as_deref(), size)?;
        }
    };
    if a.json {
        return app.out.json_streamed(|emit| {
            pages(&mut |id| id.map_or(Ok(()), |id| emit(serde_json::Value::String(id))))
        });
    }
    let mut any = false;
    let out = &mut app.out;
    // A page is shown as soon as it is read, not when the output buffer fills.
    pages(&mut |id| match id {
        Some(id) => {
            any = true;
            out.line(id)
        }
        None => out.flush(),
    })?;
    if !any {
        return out.line(format!("no records behind {}", a.figure));
    }
    Ok(())
}

/// The filter flags as the store takes them.
pub(crate) fn filter(a: &FilterArgs, app: &App) -> Result<ReportFilter> {
    let date = |d: &Option<String>| d.as_deref().map(|d| app.date(d)).transpose();
    Ok(ReportFilter {
        from: date(&a.from)?,
        to: date(&a.to)?,
        district: a.district.clone(),
        theme: a.theme.clone(),
        service: a.service.as_deref().map(|s| app.org(s)).transpose()?,
        org: a.org.as_deref().map(|o| app.org(o)).transpose()?,
    })
}

/// A first line saying what the report covers.
fn caption(kind: ReportKind, f: &ReportFilter, app: &App) -> String {
    let mut parts = vec![format!("Report {} on {}", kind.code(), app.today())];
    match (f.from, f.to) {
        (Some(from), Some(to)) => parts.push(format!("from {from} to {to}")),
        (Some(from), None) => parts.push(format!("from {from}")),
        (None, Some(to)) => parts.push(format!("to {to}")),
        (None, None) => {}
    }
    if let Some(d) = &f.district {
        parts.push(format!("district {d}"));
    }
    if let Some(t) = &f.theme {
        parts.push(format!("theme {t}"));
    }
    let label = |id: i64| {
        app.store
            .org(id)
            .map(|o| o.label().to_string())
            .unwrap_or_else(|_| format!("O-{id}"))
    };
    if let Some(s) = f.service {
        parts.push(format!("service {}", label(s)));
    }
    if let Some(o) = f.org {
        parts.push(format!("organisation {}", label(o)));
    }
    parts.join(", ")
}

/// The text column of a table: the first, or the second after an ID.
fn main_column(t: &report::Table) -> usize {
    usize::from(t.columns.first() == Some(&"ID"))
}

/// A header marked as the main text column (shortened last to fit the terminal).
fn main(header: &'static str) -> &'static str {
    const MARKED: &[&str] = &[
        "*Figure",
        "*Organisation",
        "*Service",
        "*Outcome",
        "*Age",
        "*District",
        "*Theme",
        "*Week",
        "*Month",
    ];
    MARKED
        .iter()
        .find(|m| &m[1..] == header)
        .copied()
        .unwrap_or(header)
}

/// CSV or Markdown: as it is into a file or a pipe; made visible on a terminal.
fn data_out(app: &mut App, text: &str) -> Result<()> {
    if std::io::stdout().is_terminal() {
        for line in text.lines() {
            app.out.line(line)?;
        }
        return Ok(());
    }
    let text = if app.out.ascii() {
        crate::domain::glyphs::ascii_text(text)
    } else {
        text.into()
    };
    app.out.raw().write_all(text.as_bytes())?;
    Ok(())
}

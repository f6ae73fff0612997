//! The report's charts as SVG, drawn with plotters from the same report structs the
//! tables show (never counted again here). Text is written as SVG `<text>`, so no font
//! file is needed; the viewer's sans-serif draws it. The colours differ in lightness as
//! well as hue, so that the charts still read when printed in grey.

use crate::domain::Problem;
use crate::domain::report::{
    CadenceReport, CommitmentOutcome, CommitmentsReport, LoadReport, LoopReport,
};
use crate::store::ReportKind;
use crate::words::{Lang, T};
use clap::ValueEnum;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One chart of the monthly report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Chart {
    /// Feedback on time per month, in percent (report loop)
    OnTime,
    /// Signals received and answered per week (report loop)
    Weekly,
    /// Commitments by outcome (report commitments)
    Outcomes,
    /// Commitments per service, by outcome (report commitments)
    Services,
    /// Open signals per district (report loop)
    Districts,
    /// Organisations overdue on their cadence: days since the last meeting (report cadence)
    Cadence,
    /// Meetings and signals per organisation in the last 90 days (report load)
    Load,
}

impl Chart {
    pub const ALL: [Chart; 7] = [
        Chart::OnTime,
        Chart::Weekly,
        Chart::Outcomes,
        Chart::Services,
        Chart::Districts,
        Chart::Cadence,
        Chart::Load,
    ];

    /// The name on the command line and the `id` of the chart in the HTML.
    pub fn code(self) -> &'static str {
        match self {
            Chart::OnTime => "on-time",
            Chart::Weekly => "weekly",
            Chart::Outcomes => "outcomes",
            Chart::Services => "services",
            Chart::Districts => "districts",
            Chart::Cadence => "cadence",
            Chart::Load => "load",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Chart::OnTime => T::ChartOnTime,
            Chart::Weekly => T::ChartWeekly,
            Chart::Outcomes => T::ChartOutcomes,
            Chart::Services => T::ChartServices,
            Chart::Districts => T::ChartDistricts,
            Chart::Cadence => T::ChartCadence,
            Chart::Load => T::ChartLoad,
        })
    }
}

/// The charts each report draws, its first one the default for --format svg.
pub fn charts_of(kind: ReportKind) -> &'static [Chart] {
    match kind {
        ReportKind::Loop => &[Chart::OnTime, Chart::Weekly, Chart::Districts],
        ReportKind::Commitments => &[Chart::Outcomes, Chart::Services],
        ReportKind::Cadence => &[Chart::Cadence],
        ReportKind::Load => &[Chart::Load],
    }
}

/// The four reports, as the store computed them.
pub struct Reports {
    pub loop_: LoopReport,
    pub commitments: CommitmentsReport,
    pub cadence: CadenceReport,
    pub load: LoadReport,
}

/// Dark to light, so that neighbours stay apart in grey (viridis-like, colour-blind safe).
const DARK: RGBColor = RGBColor(0x1d, 0x3b, 0x6e);
const LIGHT: RGBColor = RGBColor(0x9e, 0xc5, 0xe0);
const MARK: RGBColor = RGBColor(0xb2, 0x3a, 0x1e);
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const EDGE: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
const OUTCOME_COLOURS: [RGBColor; 6] = [
    RGBColor(0x0b, 0x30, 0x5e), // kept on time: darkest
    RGBColor(0x3e, 0x7c, 0xb1), // kept late
    RGBColor(0xb2, 0x3a, 0x1e), // broken
    RGBColor(0xe8, 0x9f, 0x3c), // open and overdue
    RGBColor(0xc9, 0xdc, 0xee), // open
    RGBColor(0xee, 0xee, 0xee), // withdrawn: lightest
];
const FONT: &str = "sans-serif";
const WIDTH: u32 = 760;

/// Organisations shown at most in a per-organisation chart (the tables list all).
pub const TOP: usize = 15;

/// What to draw: bars with labels, or nothing (said as a line of text).
type Drawn = Result<(), Box<dyn std::error::Error>>;

/// The chart as a standalone SVG document.
pub fn svg(chart: Chart, r: &Reports, lang: Lang) -> Result<String, Problem> {
    let height = height(chart, r);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        let not_drawn = |e: &dyn std::fmt::Display| Problem::ChartNotDrawn {
            chart: chart.code().to_string(),
            error: e.to_string(),
        };
        draw(chart, r, lang, &root).map_err(|e| not_drawn(&e))?;
        root.present().map_err(|e| not_drawn(&e))?;
    }
    Ok(out)
}

fn height(chart: Chart, r: &Reports) -> u32 {
    let rows = |n: usize| 90 + 26 * n.clamp(2, TOP) as u32;
    match chart {
        Chart::OnTime => 340,
        Chart::Weekly => 380,
        Chart::Outcomes => rows(CommitmentOutcome::ALL.len()),
        Chart::Services => rows(r.commitments.per_service.len()) + 40,
        Chart::Districts => rows(r.loop_.open_by_district.len()),
        Chart::Cadence => rows(r.cadence.overdue.len()),
        Chart::Load => rows(r.load.rows.len()) + 40,
    }
}

fn draw(chart: Chart, r: &Reports, lang: Lang, root: &DrawingArea<SVGBackend, Shift>) -> Drawn {
    root.fill(&WHITE)?;
    let title = chart.title(lang);
    match chart {
        Chart::OnTime => {
            let months: Vec<(String, Option<f64>, usize)> = r
                .loop_
                .months
                .iter()
                .map(|m| (m.month.clone(), m.on_time.percent, m.on_time.counted))
                .collect();
            on_time(root, title, &months, lang)
        }
        Chart::Weekly => {
            let weeks: Vec<(String, usize, usize)> = r
                .loop_
                .weeks
                .iter()
                .map(|w| (w.week.clone(), w.received, w.answered))
                .collect();
            weekly(root, title, &weeks, lang)
        }
        Chart::Outcomes => {
            let rows: Vec<Row> = CommitmentOutcome::ALL
                .iter()
                .enumerate()
                .map(|(i, o)| Row {
                    label: o.label(domain_lang(lang)).to_string(),
                    parts: vec![(r.commitments.totals.get(*o), OUTCOME_COLOURS[i])],
                    note: None,
                })
                .collect();
            bars(root, title, &rows, lang.t(T::ChartCommitments), &[], None)
        }
        Chart::Services => {
            let rows: Vec<Row> = r
                .commitments
                .per_service
                .iter()
                .take(TOP)
                .map(|g| Row {
                    label: g.name.clone(),
                    parts: CommitmentOutcome::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, o)| (g.counts.get(*o), OUTCOME_COLOURS[i]))
                        .collect(),
                    note: None,
                })
                .collect();
            let legend: Vec<(String, RGBColor)> = CommitmentOutcome::ALL
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    (
                        o.short_label(domain_lang(lang)).to_string(),
                        OUTCOME_COLOURS[i],
                    )
                })
                .collect();
            bars(
                root,
                title,
                &rows,
                lang.t(T::ChartCommitments),
                &legend,
                None,
            )
        }
        Chart::Districts => {
            let rows: Vec<Row> = r
                .loop_
                .open_by_district
                .iter()
                .take(TOP)
                .map(|c| Row {
                    label: c.label.clone(),
                    parts: vec![(c.count, DARK)],
                    note: None,
                })
                .collect();
            bars(root, title, &rows, lang.t(T::ChartOpenSignals), &[], None)
        }
        Chart::Cadence => {
            let rows: Vec<Row> = r
                .cadence
                .overdue
                .iter()
                .take(TOP)
                .map(|c| match c.days_since {
                    Some(since) => Row {
                        label: c.name.clone(),
                        parts: vec![
                            (since.min(c.allowed_days).max(0) as usize, LIGHT),
                            ((since - c.allowed_days).max(0) as usize, MARK),
                        ],
                        note: None,
                    },
                    None => Row {
                        label: c.name.clone(),
                        parts: vec![],
                        note: Some(lang.t(T::ChartNeverMet).to_string()),
                    },
                })
                .collect();
            let legend = vec![
                (lang.t(T::ChartWithinCadence).to_string(), LIGHT),
                (lang.t(T::ChartOverCadence).to_string(), MARK),
            ];
            bars(root, title, &rows, lang.t(T::ChartDaysSince), &legend, None)
        }
        Chart::Load => {
            let rows: Vec<Row> = r
                .load
                .rows
                .iter()
                .take(TOP)
                .map(|l| Row {
                    label: l.name.clone(),
                    parts: vec![(l.meetings, DARK), (l.signals, LIGHT)],
                    note: None,
                })
                .collect();
            let legend = vec![
                (lang.t(T::ChartMeetings).to_string(), DARK),
                (lang.t(T::ChartSignals).to_string(), LIGHT),
            ];
            let threshold = (
                r.load.threshold.max(0) as usize,
                lang.f(T::ChartThreshold, &[("n", &r.load.threshold)]),
            );
            bars(
                root,
                title,
                &rows,
                lang.t(T::ChartLoadAxis),
                &legend,
                Some(threshold),
            )
        }
    }
}

pub(crate) fn domain_lang(lang: Lang) -> crate::domain::report::Lang {
    match lang {
        Lang::En => crate::domain::report::Lang::En,
        Lang::Nl => crate::domain::report::Lang::Nl,
    }
}

fn font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&INK)
}

fn caption(root: &DrawingArea<SVGBackend, Shift>, title: &str) -> Drawn {
    root.draw(&Text::new(
        title.to_string(),
        (12, 8),
        (FONT, 18).into_font().style(FontStyle::Bold).color(&INK),
    ))?;
    Ok(())
}

/// "No data" in the middle of an empty chart.
fn nothing(root: &DrawingArea<SVGBackend, Shift>, lang: Lang) -> Drawn {
    root.draw(&Text::new(
        lang.t(T::ChartNoData).to_string(),
        (24, 48),
        font(14),
    ))?;
    Ok(())
}

/// Feedback on time per month: a bar per month in percent, with the count under it.
fn on_time(
    root: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    months: &[(String, Option<f64>, usize)],
    lang: Lang,
) -> Drawn {
    caption(root, title)?;
    if months.is_empty() {
        return nothing(root, lang);
    }
    let n = months.len() as i32;
    let area = root.margin(36, 8, 8, 16);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(44)
        .y_label_area_size(48)
        .build_cartesian_2d((0..n).into_segmented(), 0f64..112f64)?;
    let labels: Vec<String> = months.iter().map(|m| m.0.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(months.len())
        .x_label_formatter(&|v| segment_label(v, &labels))
        .y_labels(7)
        .y_label_formatter(&|v| {
            if *v <= 100.0 {
                format!("{v:.0}%")
            } else {
                String::new()
            }
        })
        .x_desc(lang.t(T::ChartMonth))
        .y_desc(lang.t(T::ChartPercentOnTime))
        .label_style(font(12))
        .axis_desc_style(font(12))
        .draw()?;
    chart.draw_series(months.iter().enumerate().filter_map(|(i, (_, p, _))| {
        let p = (*p)?;
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(i as i32), 0.0),
                (SegmentValue::Exact(i as i32 + 1), p),
            ],
            DARK.filled(),
        );
        bar.set_margin(0, 0, 6, 6);
        Some(bar)
    }))?;
    chart.draw_series(months.iter().enumerate().map(|(i, (_, p, counted))| {
        let text = match p {
            Some(p) => format!("{} ({counted})", percent(*p)),
            None => "-".to_string(),
        };
        let y = p.unwrap_or(0.0) + 1.5;
        Text::new(
            text,
            (SegmentValue::CenterOf(i as i32), y),
            font(11).pos(Pos::new(HPos::Center, VPos::Bottom)),
        )
    }))?;
    Ok(())
}

fn percent(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

fn segment_label(v: &SegmentValue<i32>, labels: &[String]) -> String {
    match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Received and answered per week, side by side.
fn weekly(
    root: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    weeks: &[(String, usize, usize)],
    lang: Lang,
) -> Drawn {
    caption(root, title)?;
    if weeks.is_empty() {
        return nothing(root, lang);
    }
    let n = weeks.len() as i32;
    let top = weeks.iter().map(|w| w.1.max(w.2)).max().unwrap_or(0).max(1);
    let area = root.margin(36, 48, 8, 16);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(44)
        .y_label_area_size(48)
        .build_cartesian_2d((0..n).into_segmented(), 0f64..(top as f64 * 1.15).ceil())?;
    // A label per week while they fit, else every other or fourth week.
    let every = weeks.len().div_ceil(13);
    let labels: Vec<String> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i % every == 0 {
                short_week(&w.0)
            } else {
                String::new()
            }
        })
        .collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .x_labels(weeks.len())
        .x_label_formatter(&|v| segment_label(v, &labels))
        .y_labels(top.min(8) + 1)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(format!(
            "{} {}",
            lang.t(T::ChartWeek),
            years(weeks.iter().map(|w| w.0.as_str()))
        ))
        .y_desc(lang.t(T::ChartSignals))
        .label_style(font(12))
        .axis_desc_style(font(12))
        .draw()?;
    // Each week's segment is split in two by pixel margins on its halves.
    let seg = (WIDTH - 24 - 48) / weeks.len().max(1) as u32;
    let half = seg / 2;
    for (series, colour) in [(0usize, DARK), (1usize, LIGHT)] {
        chart.draw_series(weeks.iter().enumerate().filter_map(move |(i, w)| {
            let v = if series == 0 { w.1 } else { w.2 } as f64;
            if v == 0.0 {
                return None;
            }
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i as i32), 0.0),
                    (SegmentValue::Exact(i as i32 + 1), v),
                ],
                ShapeStyle::from(colour).filled(),
            );
            let gap = (seg / 8).max(1);
            if series == 0 {
                bar.set_margin(0, 0, gap, half);
            } else {
                bar.set_margin(0, 0, half, gap);
            }
            Some(bar)
        }))?;
    }
    legend_below(
        root,
        56,
        &[
            (lang.t(T::ChartReceived).to_string(), DARK),
            (lang.t(T::ChartAnswered).to_string(), LIGHT),
        ],
    )?;
    Ok(())
}

/// "2024" or "2024-2025": the years of keys such as `2024-W40`.
fn years<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    let years: Vec<&str> = keys.filter_map(|k| k.split('-').next()).collect();
    match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// `2024-W40` as `W40`: the year is in the axis title's period.
fn short_week(key: &str) -> String {
    key.split_once('-')
        .map(|(_, w)| w.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// A horizontal bar, stacked from parts.
struct Row {
    label: String,
    parts: Vec<(usize, RGBColor)>,
    /// Written instead of a bar ("never met").
    note: Option<String>,
}

/// Horizontal bars, one per row, stacked from their parts, the total at the end.
fn bars(
    root: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    rows: &[Row],
    axis: &str,
    legend: &[(String, RGBColor)],
    threshold: Option<(usize, String)>,
) -> Drawn {
    caption(root, title)?;
    if rows.is_empty() {
        root.draw(&Text::new("-".to_string(), (24, 48), font(14)))?;
        return Ok(());
    }
    let n = rows.len() as i32;
    let total = |r: &Row| r.parts.iter().map(|p| p.0).sum::<usize>();
    let top = rows
        .iter()
        .map(total)
        .chain(threshold.iter().map(|t| t.0))
        .max()
        .unwrap_or(0)
        .max(1);
    let longest = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = (longest.min(34) as u32 * 7 + 12).max(60);
    let bottom_extra = if legend.is_empty() { 0 } else { 40 };
    let area = root.margin(36, 8 + bottom_extra, 8, 16);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(36)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0f64..(top as f64 * 1.12).ceil(), (0..n).into_segmented())?;
    let labels: Vec<String> = rows.iter().map(|r| shorten(&r.label, 34)).collect();
    // Row 0 at the top: the segments count from the bottom.
    let flip = |i: usize| n - 1 - i as i32;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .y_labels(rows.len())
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels
                .get((n - 1 - *i) as usize)
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        })
        .x_labels(top.min(10) + 1)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(axis)
        .label_style(font(12))
        .axis_desc_style(font(12))
        .draw()?;
    for (i, row) in rows.iter().enumerate() {
        let y = flip(i);
        let mut at = 0usize;
        let mut drawn = Vec::new();
        for (value, colour) in &row.parts {
            if *value == 0 {
                continue;
            }
            let corners = [
                (at as f64, SegmentValue::Exact(y)),
                ((at + value) as f64, SegmentValue::Exact(y + 1)),
            ];
            let mut bar = Rectangle::new(corners.clone(), ShapeStyle::from(*colour).filled());
            bar.set_margin(4, 4, 0, 0);
            drawn.push(bar);
            // An outline, so that the lightest parts still show on paper.
            let mut edge = Rectangle::new(corners, ShapeStyle::from(EDGE).stroke_width(1));
            edge.set_margin(4, 4, 0, 0);
            drawn.push(edge);
            at += value;
        }
        chart.draw_series(drawn)?;
        let text = match &row.note {
            Some(note) => note.clone(),
            None => total(row).to_string(),
        };
        chart.draw_series(std::iter::once(Text::new(
            text,
            (at as f64 + top as f64 * 0.01, SegmentValue::CenterOf(y)),
            font(11).pos(Pos::new(HPos::Left, VPos::Center)),
        )))?;
    }
    if let Some((limit, label)) = threshold {
        let x = limit as f64;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, SegmentValue::Exact(0)), (x, SegmentValue::Exact(n))],
            ShapeStyle::from(MARK).stroke_width(2),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            label,
            (x, SegmentValue::Exact(n)),
            font(11).pos(Pos::new(HPos::Center, VPos::Bottom)),
        )))?;
    }
    legend_below(root, label_width as i32 + 8, legend)
}

/// The legend under a chart, in one row: a swatch with a border (it prints) and a name.
fn legend_below(
    root: &DrawingArea<SVGBackend, Shift>,
    left: i32,
    legend: &[(String, RGBColor)],
) -> Drawn {
    let (_, h) = root.dim_in_pixel();
    let y = h as i32 - 22;
    let mut x = left;
    for (text, colour) in legend {
        let swatch = [(x, y - 6), (x + 14, y + 6)];
        root.draw(&Rectangle::new(swatch, ShapeStyle::from(*colour).filled()))?;
        root.draw(&Rectangle::new(
            swatch,
            ShapeStyle::from(INK).stroke_width(1),
        ))?;
        root.draw(&Text::new(
            text.clone(),
            (x + 20, y),
            font(12).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 20 + text.chars().count() as i32 * 7 + 18;
    }
    Ok(())
}

/// At most `max` characters, with "..." when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(3)).collect();
    format!("{}...", cut.trim_end())
}

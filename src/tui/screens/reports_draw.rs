//! Drawing the Reports screen, from its state alone: the report tabs, the filter line,
//! the charts and the document of tables. Charts use bar heights and printed values
//! only (no colour is needed to read them), so they work in monochrome.

use super::reports::{Chart, LoopChart, Reports, SECTIONS, Section};
use super::reports_doc::Part;
use crate::domain::report::{CommitmentOutcome, OutcomeCounts};
use crate::tui::action::Action;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

/// Rows of a chart, borders included.
const CHART_H: u16 = 8;
/// Columns of a 12-bar chart: bars two wide, one apart, and the borders.
const CHART_W: u16 = 12 * 3 - 1 + 2;

/// How tall the charts of a section are in a body of `height` rows.
fn chart_height(section: usize, height: u16) -> u16 {
    match section {
        0 | 1 if height >= 18 => CHART_H,
        _ => 0,
    }
}

/// The rows of tables shown for a terminal of `size` (tab and status lines, the two
/// header lines, the charts and the borders taken off).
pub fn table_rows(section: usize, size: Size) -> usize {
    let body = size.height.saturating_sub(2);
    usize::from(
        body.saturating_sub(2)
            .saturating_sub(chart_height(section, body))
            .saturating_sub(2),
    )
}

// The screen calls its drawing and page size as its own methods, so that reports.rs
// need not import this file, which imports it.
impl Reports {
    pub(super) fn table_rows(section: usize, size: Size) -> usize {
        table_rows(section, size)
    }

    pub(super) fn draw_screen(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        draw(self, frame, area, s)
    }
}

pub fn draw(r: &Reports, frame: &mut Frame, area: Rect, s: &Settings) {
    let charts = chart_height(r.section, area.height);
    let [tabs, filters, chart, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(charts),
        Constraint::Min(0),
    ])
    .areas(area);
    draw_tabs(r, frame, tabs, s);
    frame.render_widget(Paragraph::new(filter_line(r, s)), filters);
    let block = widgets::block(s, format!(" {} ", s.lang.t(SECTIONS[r.section])), true)
        .title_bottom(hints(s).right_aligned());
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let Some(section) = &r.sections[r.section] else {
        let line = if r.pending[r.section] {
            Span::styled(s.lang.t(T::ReportCounting), s.theme.muted)
        } else {
            let msg = r.error.as_deref().unwrap_or("");
            Span::styled(
                s.lang.f(T::ReportComputing, &[("error", &vis(msg))]),
                s.theme.error,
            )
        };
        frame.render_widget(Paragraph::new(line), inner);
        return;
    };
    if charts > 0 {
        match &section.chart {
            Chart::Loop(report) => loop_charts(report, frame, chart, s),
            Chart::Outcomes(totals) => outcome_chart(totals, frame, chart, s),
            Chart::None => {}
        }
    }
    draw_doc(r, section, frame, inner, s);
}

fn draw_tabs(r: &Reports, frame: &mut Frame, area: Rect, s: &Settings) {
    let mut spans = vec![Span::raw(" ")];
    for (i, t) in SECTIONS.iter().enumerate() {
        let style = if i == r.section {
            s.theme.tab_active
        } else {
            s.theme.tab
        };
        spans.push(Span::styled(format!(" {} ", s.lang.t(*t)), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn filter_line(r: &Reports, s: &Settings) -> Line<'static> {
    let t = |k| s.lang.t(k);
    let f = &r.filter;
    let period = match (f.from, f.to) {
        (None, None) => t(T::ReportAllTime).to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => format!("{a} –"),
        (None, Some(b)) => format!("– {b}"),
    };
    let mut spans = vec![
        Span::styled(format!(" {}: ", t(T::ReportPeriod)), s.theme.muted),
        Span::raw(period),
    ];
    let mut parts = Vec::new();
    if let Some(d) = &f.district {
        parts.push((t(T::ColDistrict), vis(d)));
    }
    if let Some(th) = &f.theme {
        parts.push((t(T::ColTheme), format!("#{}", vis(th))));
    }
    if let Some(id) = f.service {
        let name = r.service_name.clone().unwrap_or_else(|| format!("O-{id}"));
        parts.push((t(T::FieldService), vis(&name)));
    }
    if let Some(id) = f.org {
        let name = r.org_name.clone().unwrap_or_else(|| format!("O-{id}"));
        parts.push((t(T::FieldOrganisation), vis(&name)));
    }
    if parts.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", t(T::ReportNoFilter)),
            s.theme.muted,
        ));
    }
    for (label, value) in parts {
        spans.push(Span::styled(format!(" · {label}: "), s.theme.muted));
        spans.push(Span::styled(value, s.theme.mark));
    }
    Line::from(spans)
}

fn hints(s: &Settings) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    let keys = [
        (Action::ReportNextSection, T::HintReport),
        (Action::ReportRight, T::HintFigure),
        (Action::Open, T::HintRecords),
        (Action::FilterBy, T::HintFilter),
        (Action::ReportPeriod, T::HintPeriod),
    ];
    for (a, what) in keys {
        if let Some(k) = s.keymap.first(a) {
            let k = match a {
                Action::ReportNextSection => format!(
                    "{}{}",
                    s.keymap
                        .first(Action::ReportPrevSection)
                        .unwrap_or_default(),
                    k
                ),
                Action::ReportRight => format!(
                    "{}/{}",
                    s.keymap.first(Action::ReportLeft).unwrap_or_default(),
                    k
                ),
                _ => k,
            };
            spans.push(Span::styled(k, s.theme.key));
            spans.push(Span::raw(format!(" {} ", s.lang.t(what))));
        }
    }
    Line::from(spans)
}

/// A 12-bar chart: bars two wide, each with its label and value.
fn bars<'a>(title: String, bars: Vec<Bar<'a>>, max: Option<u64>, s: &Settings) -> BarChart<'a> {
    let mut chart = BarChart::default()
        .block(widgets::block(s, format!(" {title} "), false))
        .data(BarGroup::default().bars(&bars))
        .bar_width(2)
        .bar_gap(1)
        .bar_style(s.theme.base)
        .value_style(s.theme.selected)
        .label_style(s.theme.muted)
        .style(s.theme.base);
    if let Some(m) = max {
        chart = chart.max(m);
    }
    if s.ascii {
        chart = chart.bar_set(crate::tui::theme::ASCII_BARS);
    }
    chart
}

/// A bar two wide whose value is printed in it once it is a whole cell high.
fn value_bar(value: u64, label: String) -> Bar<'static> {
    Bar::default()
        .value(value)
        .label(label)
        .text_value(format!("{value:>2}"))
}

/// The last part of a key such as `2026-W02` or `2026-01`: `02`, `01`.
fn tail(key: &str) -> String {
    key.rsplit(['W', '-']).next().unwrap_or(key).to_string()
}

fn loop_charts(r: &LoopChart, frame: &mut Frame, area: Rect, s: &Settings) {
    let weeks: Vec<_> = r.weeks.iter().rev().take(12).rev().collect();
    let months: Vec<_> = r.months.iter().rev().take(12).rev().collect();
    let received = weeks
        .iter()
        .map(|w| value_bar(w.received as u64, tail(&w.week)))
        .collect();
    let answered = weeks
        .iter()
        .map(|w| value_bar(w.answered as u64, tail(&w.week)))
        .collect();
    let on_time = months
        .iter()
        .map(|m| {
            let p = m.on_time.percent.unwrap_or(0.0).round() as u64;
            value_bar(p, tail(&m.month))
        })
        .collect();
    let charts = [
        bars(s.lang.t(T::ChartReceived).into(), received, None, s),
        bars(s.lang.t(T::ChartAnswered).into(), answered, None, s),
        bars(s.lang.t(T::ChartOnTime).into(), on_time, Some(100), s),
    ];
    // As many as fit side by side, in this order.
    let n = usize::from(area.width / CHART_W).clamp(1, charts.len());
    let areas = Layout::horizontal(vec![Constraint::Length(CHART_W); n])
        .spacing(1)
        .split(area);
    for (chart, a) in charts.into_iter().zip(areas.iter()) {
        frame.render_widget(chart, *a);
    }
}

fn outcome_chart(totals: &OutcomeCounts, frame: &mut Frame, area: Rect, s: &Settings) {
    let lang = match s.lang {
        crate::words::Lang::En => crate::domain::report::Lang::En,
        crate::words::Lang::Nl => crate::domain::report::Lang::Nl,
    };
    let bars: Vec<Bar> = CommitmentOutcome::ALL
        .iter()
        .map(|o| {
            let n = totals.get(*o) as u64;
            Bar::default()
                .value(n)
                .label(Line::from(o.label(lang)))
                .text_value(format!(" {n}"))
        })
        .collect();
    let width = area.width.min(80);
    let mut chart = BarChart::horizontal(bars)
        .block(widgets::block(
            s,
            format!(" {} ", s.lang.t(T::ChartOutcomes)),
            false,
        ))
        .bar_width(1)
        .bar_gap(0)
        .bar_style(s.theme.base)
        .value_style(s.theme.selected)
        .style(s.theme.base);
    if s.ascii {
        chart = chart.bar_set(crate::tui::theme::ASCII_BARS);
    }
    frame.render_widget(chart, Rect { width, ..area });
}

fn draw_doc(r: &Reports, section: &Section, frame: &mut Frame, area: Rect, s: &Settings) {
    let doc = &section.doc;
    let view = usize::from(area.height).max(1);
    let selected = r.selected[r.section];
    // The stored scroll, kept around the selection (pure: drawing changes nothing).
    let mut top = r.scroll[r.section].min(doc.lines.len().saturating_sub(view));
    if let Some(f) = doc.figures.get(selected) {
        if f.line < top {
            top = f.line;
        } else if f.line >= top + view {
            top = f.line + 1 - view;
        }
    }
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(top)
        .take(view)
        .map(|segs| {
            Line::from(
                segs.iter()
                    .map(|seg| {
                        let style = match seg.part {
                            Part::Title => s.theme.section,
                            Part::Header => s.theme.header,
                            Part::Text => s.theme.base,
                            Part::Figure(i) if i == selected => s.theme.selected,
                            Part::Figure(_) => s.theme.base,
                        };
                        Span::styled(vis(&seg.text), style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

//! The monthly report as one self-contained HTML file: the key figures, every chart as
//! inline SVG and every report table, in English or Dutch. No script, no font, no
//! image or style sheet from elsewhere (a Content-Security-Policy says so to the
//! browser too), and a print style sheet for A4.

use super::report_charts::{Chart, Reports, charts_of, domain_lang, svg};
use crate::domain::report::{ReportFilter, Rows, Table, days_text, percent_text};
use crate::store::ReportKind;
use crate::words::{Lang, T};
use chrono::NaiveDate;
use std::fmt::Write;

const STYLE: &str = r#"
:root { color: #222; background: #fff; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1d3b6e; padding-bottom: .15rem; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.made { color: #555; margin: 0 0 1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .6rem; margin: 0; }
.figure { border: 1px solid #999; border-left: 6px solid #1d3b6e; padding: .4rem .6rem; break-inside: avoid; }
.figure dt { font-size: .85rem; color: #444; }
.figure dd { margin: .1rem 0 0; font-size: 1.5rem; font-weight: bold; }
.figure dd small { font-size: .8rem; font-weight: normal; color: #444; }
figure.chart { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: .85rem; color: #444; }
table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .9rem; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; }
th, td { border: 1px solid #bbb; padding: .15rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.tables { break-before: page; page-break-before: always; }
  .figure { border-left-color: #000; }
}
"#;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::domain::text::visible_text(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What the report covers, for the line under the title: "Period: all time · no filter".
pub struct Scope {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// The names of --service and --org, as typed resolved to their labels.
    pub service: Option<String>,
    pub org: Option<String>,
}

impl Scope {
    fn text(&self, lang: Lang) -> String {
        let f = &self.filter;
        let period = match (f.from, f.to) {
            (Some(a), Some(b)) => format!("{a} – {b}"),
            (Some(a), None) => format!("{a} –"),
            (None, Some(b)) => format!("– {b}"),
            (None, None) => lang.t(T::ReportAllTime).to_string(),
        };
        let mut parts = vec![format!("{}: {period}", lang.t(T::ReportPeriod))];
        let mut filters = Vec::new();
        if let Some(d) = &f.district {
            filters.push(format!("{} {d}", lang.t(T::TermDistrict)));
        }
        if let Some(t) = &f.theme {
            filters.push(format!("{} {t}", lang.t(T::TermTheme)));
        }
        if let Some(s) = &self.service {
            filters.push(format!("{} {s}", lang.t(T::FieldService).to_lowercase()));
        }
        if let Some(o) = &self.org {
            filters.push(format!(
                "{} {o}",
                lang.t(T::FieldOrganisation).to_lowercase()
            ));
        }
        if filters.is_empty() {
            parts.push(lang.t(T::ReportNoFilter).to_string());
        } else {
            parts.extend(filters);
        }
        parts.join(" · ")
    }
}

/// The report as one HTML document: all four, or only the one `only` names.
pub fn html(
    r: &Reports,
    scope: &Scope,
    lang: Lang,
    only: Option<ReportKind>,
) -> Result<String, crate::domain::Problem> {
    let shown = |kind: ReportKind| only.is_none_or(|o| o == kind);
    let dl = domain_lang(lang);
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let title = lang.f(T::HtmlTitle, &[("date", &scope.today)]);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"wijkdesk {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&title)
    );
    let made = lang.f(
        T::HtmlMade,
        &[("date", &scope.today), ("scope", &scope.text(lang))],
    );
    let _ = write!(
        h,
        "<header>\n<h1>{}</h1>\n<p class=\"made\">{}</p>\n</header>\n",
        esc(&title),
        esc(&made)
    );

    // Key figures.
    let _ = write!(
        h,
        "<section class=\"key\">\n<h2>{}</h2>\n<dl class=\"figures\">\n",
        esc(lang.t(T::HtmlKeyFigures))
    );
    let on_time = &r.loop_.feedback_on_time;
    let totals = &r.commitments.totals;
    let kept_decided = totals.kept_on_time + totals.kept_late + totals.broken + totals.open_overdue;
    let of = |n: usize, of: usize| lang.f(T::HtmlOfCounted, &[("n", &n), ("of", &of)]);
    let figures: Vec<(&str, T, String, Option<String>)> = vec![
        (
            "loop.on_time",
            T::HtmlFeedbackOnTime,
            percent_text(on_time.percent),
            Some(of(on_time.on_time, on_time.counted)),
        ),
        (
            "loop.median_days",
            T::HtmlMedianDays,
            days_text(r.loop_.median_days_to_first_feedback),
            None,
        ),
        (
            "loop.open",
            T::HtmlOpenSignals,
            r.loop_.open.to_string(),
            None,
        ),
        (
            "loop.past_due",
            T::HtmlPastDue,
            r.loop_.past_due_date.to_string(),
            None,
        ),
        (
            "commitments.kept_on_time_percent",
            T::HtmlKeptOnTime,
            percent_text(totals.kept_on_time_percent),
            Some(of(totals.kept_on_time, kept_decided)),
        ),
        (
            "cadence.overdue",
            T::HtmlCadenceOverdue,
            r.cadence.overdue.len().to_string(),
            Some(of(r.cadence.overdue.len(), r.cadence.checked)),
        ),
        (
            "load.over",
            T::HtmlLoadOver,
            r.load.over.to_string(),
            Some(of(r.load.over, r.load.rows.len())),
        ),
    ];
    for (key, label, value, detail) in figures {
        let section = key.split('.').next().unwrap_or("");
        if !ReportKind::ALL
            .into_iter()
            .any(|k| k.code() == section && shown(k))
        {
            continue;
        }
        let detail = detail
            .map(|d| format!(" <small>({})</small>", esc(&d)))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<div class=\"figure\" data-key=\"{key}\"><dt>{}</dt><dd><span class=\"value\">{}</span>{detail}</dd></div>",
            esc(lang.t(label)),
            esc(&value)
        );
    }
    h.push_str("</dl>\n</section>\n");

    // Charts.
    let _ = write!(
        h,
        "<section class=\"charts\">\n<h2>{}</h2>\n",
        esc(lang.t(T::HtmlCharts))
    );
    let charts: Vec<Chart> = match only {
        Some(kind) => charts_of(kind).to_vec(),
        None => Chart::ALL.to_vec(),
    };
    for chart in charts {
        let drawn = svg(chart, r, lang)?;
        let _ = write!(
            h,
            "<figure class=\"chart\" id=\"chart-{}\" data-chart=\"{}\">\n{}\n</figure>\n",
            chart.code(),
            chart.code(),
            inline_svg(&drawn, chart.title(lang)),
        );
    }
    h.push_str("</section>\n");

    // Tables: the same the terminal shows.
    let _ = write!(
        h,
        "<section class=\"tables\">\n<h2>{}</h2>\n",
        esc(lang.t(T::HtmlTables))
    );
    let sections = [
        (
            ReportKind::Loop,
            T::ReportSectionLoop,
            r.loop_.tables(dl, Rows::All),
        ),
        (
            ReportKind::Commitments,
            T::ReportSectionCommitments,
            r.commitments.tables(dl, Rows::All),
        ),
        (
            ReportKind::Cadence,
            T::ReportSectionCadence,
            r.cadence.tables(dl, Rows::All),
        ),
        (
            ReportKind::Load,
            T::ReportSectionLoad,
            r.load.tables(dl, Rows::All),
        ),
    ];
    for (kind, name, tables) in sections {
        if !shown(kind) {
            continue;
        }
        let _ = writeln!(h, "<h3>{}</h3>", esc(lang.t(name)));
        for t in &tables {
            table(&mut h, t, lang);
        }
    }
    h.push_str("</section>\n</body>\n</html>\n");
    Ok(h)
}

/// A plotters SVG made fit to sit in a page: scaled by CSS, with a title for screen
/// readers.
fn inline_svg(svg: &str, title: &str) -> String {
    let svg = svg.trim();
    let svg = svg
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .unwrap_or(svg)
        .trim_start();
    match svg.find('>') {
        Some(end) if svg.starts_with("<svg") => format!(
            "{} role=\"img\" aria-label=\"{}\"><title>{}</title>{}",
            &svg[..end],
            esc(title),
            esc(title),
            &svg[end + 1..]
        ),
        _ => svg.to_string(),
    }
}

fn table(h: &mut String, t: &Table, lang: Lang) {
    let _ = write!(
        h,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&t.title)
    );
    for c in &t.columns {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(c));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    if t.rows.is_empty() {
        let _ = writeln!(
            h,
            "<tr><td colspan=\"{}\">{}</td></tr>",
            t.columns.len().max(1),
            esc(lang.t(T::HtmlNone))
        );
    }
    for row in &t.rows {
        h.push_str("<tr>");
        for cell in row {
            let numeric = cell
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '—');
            let class = if numeric { " class=\"n\"" } else { "" };
            match &cell.key {
                Some(k) => {
                    let _ = write!(
                        h,
                        "<td{class} data-key=\"{}\">{}</td>",
                        esc(k),
                        esc(&cell.text)
                    );
                }
                None => {
                    let _ = write!(h, "<td{class}>{}</td>", esc(&cell.text));
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

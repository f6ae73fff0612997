//! Reports: is the loop closed? (DESIGN section 6.) Four reports, one at a time
//! (`[` and `]`): the feedback loop, commitments, cadence and load, as tables with the
//! charts a person would rather look at than read. Every number with records behind it
//! is a figure: j/k and h/l move between figures, Enter lists the records behind the
//! selected one (exactly what `Store::report_records` gives) and Enter there opens one.
//! `F` filters by district, theme, service or organisation, `p` sets the period.
//!
//! Only the report shown is computed: on refresh (the data changed, or a filter did),
//! and when another report is shown for the first time since; never while drawing.
//! Drawing lives in [`super::reports_draw`].

use super::Screen;
use super::reports_doc::{Doc, Figure, MAX_ROWS_SHOWN};
use super::reports_popups::{PICK_PERIOD_DATES, PeriodDates, Records};
use crate::domain::RecordRef;
use crate::domain::report::{
    Lang as RLang, LoopReport, MonthFigure, OutcomeCounts, ReportFilter, Rows, WeekFigure,
};
use crate::store::{AnyReport, OrgKind, ReportKind};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::picker::{Choice, PickerPopup};
use crate::tui::settings::Settings;
use crate::tui::worker::{Answer, Ask, RECORDS_PAGE, ReportDone, ReportJob};
use crate::words::{Lang, T};
use chrono::{Datelike, Duration, Months, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;

pub const SECTIONS: [T; 4] = [
    T::ReportSectionLoop,
    T::ReportSectionCommitments,
    T::ReportSectionCadence,
    T::ReportSectionLoad,
];

const PICK_KIND: &str = "report_filter_kind";
const PICK_PERIOD: &str = "report_period";
const PICK_DISTRICT: &str = "report_district";
const PICK_THEME: &str = "report_theme";
const PICK_SERVICE: &str = "report_service";
const PICK_ORG: &str = "report_org";

/// One report as computed for the filter and data shown.
pub struct Section {
    /// Its tables as a document of lines and figures.
    pub doc: Doc,
    pub chart: Chart,
}

/// What a report's charts are drawn from.
pub enum Chart {
    None,
    Loop(LoopChart),
    Outcomes(OutcomeCounts),
}

/// What the loop report's charts draw: its weeks and months, the last twelve of each.
/// Only these are kept, not the whole report (whose per-organisation rows run to
/// 18,800 at a million signals).
pub struct LoopChart {
    pub weeks: Vec<WeekFigure>,
    pub months: Vec<MonthFigure>,
}

impl LoopChart {
    fn of(r: LoopReport) -> LoopChart {
        let last = |n: usize| n.saturating_sub(12);
        let (mut weeks, mut months) = (r.weeks, r.months);
        weeks.drain(..last(weeks.len()));
        months.drain(..last(months.len()));
        LoopChart { weeks, months }
    }
}

#[derive(Default)]
pub struct Reports {
    pub(super) section: usize,
    pub(super) filter: ReportFilter,
    /// Names for the filter line: the service and the organisation.
    pub(super) service_name: Option<String>,
    pub(super) org_name: Option<String>,
    /// Per report: computed for the current filter and data, or not (yet).
    pub(super) sections: [Option<Section>; 4],
    pub(super) error: Option<String>,
    /// The selected figure per section.
    pub(super) selected: [usize; 4],
    /// Per section, the key of the figure to select again once it is recomputed.
    wanted: [Option<String>; 4],
    /// The first document line shown, per section.
    pub(super) scroll: [usize; 4],
    /// Asked of the report worker and not back yet, per section.
    pub(super) pending: [bool; 4],
    /// Counts the invalidations; a worker's answer to an older one is dropped.
    generation: u64,
    /// The records behind a figure were asked of the worker and are not back yet.
    records_pending: bool,
}

/// The list of records behind a figure, or the error that stopped it.
/// The popup listing a figure's records, from their first page.
fn records_popup(
    figure: Figure,
    filter: &ReportFilter,
    page: crate::store::Result<crate::store::RecordsPage>,
    cx: &mut Cx,
) -> Outcome {
    match page {
        Ok(page) => Outcome::one(Effect::Push(Box::new(Records::new(
            figure,
            filter.clone(),
            page,
            cx,
        )))),
        Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
    }
}

fn report_lang(lang: Lang) -> RLang {
    match lang {
        Lang::En => RLang::En,
        Lang::Nl => RLang::Nl,
    }
}

impl Reports {
    /// Forget the computed reports (the data or the filter changed), remembering the
    /// figure selected in each so that it is selected again when recomputed.
    fn invalidate(&mut self) {
        self.generation += 1;
        self.pending = [false; 4];
        self.records_pending = false;
        for i in 0..SECTIONS.len() {
            if let Some(key) = self.selected_key(i) {
                self.wanted[i] = Some(key);
            }
            self.sections[i] = None;
        }
    }

    /// Compute the report shown if it is not computed yet: on the report worker when
    /// the shell runs one (the screen says "counting…" until it answers), else here.
    fn ensure_shown(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        let i = self.section;
        if self.sections[i].is_some() || self.pending[i] {
            return Ok(());
        }
        let lang = report_lang(cx.settings.lang);
        if let Some(worker) = cx.reports {
            let job = ReportJob {
                generation: self.generation,
                ask: Ask::Report(ReportKind::ALL[i]),
                filter: self.filter.clone(),
                lang,
            };
            if worker.ask(job) {
                self.pending[i] = true;
                return Ok(());
            }
        }
        let report = cx.store.report(ReportKind::ALL[i], &self.filter, lang);
        self.install(i, report, cx)
    }

    /// Lay out a computed report (or keep its error) for section `i`.
    fn install(
        &mut self,
        i: usize,
        report: crate::store::Result<AnyReport>,
        cx: &Cx,
    ) -> crate::store::Result<()> {
        let lang = report_lang(cx.settings.lang);
        let result = report.map(|report| {
            let width = usize::from(cx.size.width.saturating_sub(4)).max(20);
            let s = &cx.settings;
            let tables = report.tables(lang, Rows::First(MAX_ROWS_SHOWN));
            let doc = Doc::build(&tables, width, |n| {
                crate::tui::widgets::keys_hint_f(s, T::ReportMoreRows, &[("n", &n)], false)
            });
            let chart = match report {
                AnyReport::Loop(r) => Chart::Loop(LoopChart::of(r)),
                AnyReport::Commitments(r) => Chart::Outcomes(r.totals),
                AnyReport::Cadence(_) | AnyReport::Load(_) => Chart::None,
            };
            Section { doc, chart }
        });
        crate::tui::give_back_freed_memory();
        match result {
            Ok(section) => {
                self.selected[i] = self.wanted[i]
                    .take()
                    .and_then(|k| section.doc.find(&k))
                    .unwrap_or(0);
                self.sections[i] = Some(section);
                self.error = None;
                self.keep_in_view(cx);
                Ok(())
            }
            Err(e) => {
                self.error = Some(cx.settings.lang.store_error(&e));
                Err(e)
            }
        }
    }

    /// Recompute what is shown after a filter changed.
    fn recompute(&mut self, cx: &mut Cx) -> Outcome {
        self.invalidate();
        self.show_section(cx)
    }

    /// Show the current section, computing it if needed.
    fn show_section(&mut self, cx: &mut Cx) -> Outcome {
        match self.ensure_shown(cx) {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn doc(&self, section: usize) -> Option<&Doc> {
        self.sections[section].as_ref().map(|s| &s.doc)
    }

    fn selected_key(&self, section: usize) -> Option<String> {
        self.doc(section)
            .and_then(|d| d.figures.get(self.selected[section]))
            .map(|f| f.key.clone())
    }

    /// The selected figure's key and label in the current section.
    pub fn selected_figure(&self) -> Option<(String, String)> {
        self.selected_doc_figure().map(|f| (f.key, f.label))
    }

    fn selected_doc_figure(&self) -> Option<Figure> {
        self.doc(self.section)
            .and_then(|d| d.figures.get(self.selected[self.section]))
            .cloned()
    }

    /// The filter the figures are computed with (for tests).
    pub fn filter(&self) -> &ReportFilter {
        &self.filter
    }

    /// Scroll so that the selected figure's line is in view.
    fn keep_in_view(&mut self, cx: &Cx) {
        let view = Self::table_rows(self.section, cx.size);
        let selected = self.selected[self.section];
        let Some((line, below)) = self.doc(self.section).and_then(|d| {
            let line = d.figures.get(selected)?.line;
            // Below the last figure, what ends the report: the line that says how many
            // more rows there are.
            let last = selected + 1 == d.figures.len();
            Some((line, if last { d.lines.len() - 1 } else { line }))
        }) else {
            return;
        };
        let s = &mut self.scroll[self.section];
        if line < *s + 2 {
            // Show the table's title and header above its first figure.
            *s = line.saturating_sub(2);
        } else if below >= *s + view {
            *s = (below + 1 - view).min(line);
        }
    }

    fn step(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let sec = self.section;
        let Some(doc) = self.doc(sec) else {
            return Outcome::Handled;
        };
        let cur = self.selected[sec];
        let n = doc.figures.len();
        let view = Self::table_rows(sec, cx.size).max(1);
        let next = match action {
            Action::Up => doc.vertical(cur, false),
            Action::Down => doc.vertical(cur, true),
            Action::ReportLeft => doc.horizontal(cur, false),
            Action::ReportRight => doc.horizontal(cur, true),
            Action::Top => Some(0),
            Action::Bottom => n.checked_sub(1),
            Action::PageUp | Action::PageDown => {
                let line = doc.figures.get(cur).map(|f| f.line).unwrap_or(0);
                let target = if action == Action::PageDown {
                    line + view
                } else {
                    line.saturating_sub(view)
                };
                doc.figures
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, f)| f.line.abs_diff(target))
                    .map(|(i, _)| i)
            }
            _ => None,
        };
        match next {
            Some(i) => {
                self.selected[sec] = i;
                self.keep_in_view(cx);
            }
            // At the top: show the charts and titles above the first figure.
            None if action == Action::Up => self.scroll[sec] = 0,
            None => {}
        }
        Outcome::Handled
    }

    fn open_records(&mut self, cx: &mut Cx) -> Outcome {
        let Some(figure) = self.selected_doc_figure() else {
            return Outcome::error(cx.settings.keymap.fill(cx.t(T::NoFigure), false));
        };
        // On the worker when there is one: the list opens when its first page is found.
        if let Some(worker) = cx.reports {
            let job = ReportJob {
                generation: self.generation,
                ask: Ask::Records {
                    figure: figure.key.clone(),
                    label: figure.label.clone(),
                    count: figure.count,
                },
                filter: self.filter.clone(),
                lang: report_lang(cx.settings.lang),
            };
            if worker.ask(job) {
                self.records_pending = true;
                return Outcome::Handled;
            }
        }
        let page = cx
            .store
            .report_records_page(&figure.key, &self.filter, None, RECORDS_PAGE);
        records_popup(figure, &self.filter, page, cx)
    }

    fn picker(cx: &Cx, tag: &'static str, title: T, items: Vec<Choice>) -> Outcome {
        Outcome::one(Effect::Push(Box::new(PickerPopup::new(
            cx.t(title),
            tag,
            items,
            cx.settings,
        ))))
    }

    fn filter_kinds(&self, cx: &Cx) -> Outcome {
        let items = vec![
            Choice::new(cx.t(T::ReportPeriod), "period"),
            Choice::new(cx.t(T::ColDistrict), "district"),
            Choice::new(cx.t(T::ColTheme), "theme"),
            Choice::new(cx.t(T::FieldService), "service"),
            Choice::new(cx.t(T::FieldOrganisation), "org"),
            Choice::new(cx.t(T::FilterClear), "clear"),
        ];
        Self::picker(cx, PICK_KIND, T::FilterByTitle, items)
    }

    fn periods(&self, cx: &Cx) -> Outcome {
        let items = [
            (T::PeriodWeeks12, "weeks12"),
            (T::PeriodMonths3, "months3"),
            (T::PeriodMonths12, "months12"),
            (T::PeriodThisYear, "year"),
            (T::PeriodAll, "all"),
            (T::PeriodCustom, "custom"),
        ]
        .into_iter()
        .map(|(t, v)| Choice::new(cx.t(t), v))
        .collect();
        Self::picker(cx, PICK_PERIOD, T::PeriodTitle, items)
    }

    fn filter_values(&self, cx: &mut Cx, kind: &str) -> Outcome {
        let (tag, items): (&'static str, Vec<Choice>) = match kind {
            "period" => return self.periods(cx),
            "district" | "theme" => {
                let (districts, themes) = match cx.store.districts_and_themes() {
                    Ok(x) => x,
                    Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
                };
                let (tag, list) = if kind == "district" {
                    (PICK_DISTRICT, districts)
                } else {
                    (PICK_THEME, themes)
                };
                (
                    tag,
                    list.into_iter()
                        .map(|d| Choice::new(d.clone(), d))
                        .collect(),
                )
            }
            _ => match cx.store.org_summaries("", 5000) {
                Ok(orgs) => {
                    let service = kind == "service";
                    (
                        if service { PICK_SERVICE } else { PICK_ORG },
                        orgs.into_iter()
                            .filter(|o| !service || o.org.kind == OrgKind::Service)
                            .map(|o| Choice::new(o.org.name.clone(), o.org.reference().to_string()))
                            .collect(),
                    )
                }
                Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
            },
        };
        Self::picker(cx, tag, T::FilterByTitle, items)
    }

    /// A period preset, ending today.
    fn preset(&mut self, name: &str, today: NaiveDate) {
        let from = match name {
            "weeks12" => Some(today - Duration::weeks(12)),
            "months3" => today.checked_sub_months(Months::new(3)),
            "months12" => today.checked_sub_months(Months::new(12)),
            "year" => NaiveDate::from_ymd_opt(today.year(), 1, 1),
            _ => None,
        };
        self.filter.from = from;
        self.filter.to = from.map(|_| today);
    }
}

impl Screen for Reports {
    fn id(&self) -> &'static str {
        "reports"
    }

    fn title(&self) -> T {
        T::ScreenReports
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.invalidate();
        self.ensure_shown(cx)
    }

    fn scope(&self) -> Option<Scope> {
        Some(Scope::Reports)
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        match action {
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::ReportLeft
            | Action::ReportRight => self.step(action, cx),
            Action::ReportNextSection | Action::ReportPrevSection => {
                let d = if action == Action::ReportNextSection {
                    1
                } else {
                    3
                };
                self.section = (self.section + d) % SECTIONS.len();
                self.keep_in_view(cx);
                self.show_section(cx)
            }
            Action::Open => self.open_records(cx),
            Action::FilterBy => self.filter_kinds(cx),
            Action::ReportPeriod => self.periods(cx),
            Action::Back if self.filter != ReportFilter::default() => {
                self.filter = ReportFilter::default();
                self.service_name = None;
                self.org_name = None;
                self.recompute(cx)
            }
            _ => Outcome::Ignored,
        }
    }

    fn on_pick(&mut self, tag: &'static str, value: &str, cx: &mut Cx) -> Outcome {
        match tag {
            PICK_KIND if value == "clear" => {
                self.filter = ReportFilter::default();
                self.service_name = None;
                self.org_name = None;
            }
            PICK_KIND => return self.filter_values(cx, value),
            PICK_PERIOD if value == "custom" => {
                let p = PeriodDates::new(self.filter.from, self.filter.to, cx.settings);
                return Outcome::one(Effect::Push(Box::new(p)));
            }
            PICK_PERIOD => self.preset(value, cx.store.today()),
            PICK_PERIOD_DATES => {
                let (from, to) = value.split_once('|').unwrap_or((value, ""));
                let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
                let (from, to) = (date(from), date(to));
                if let (Some(f), Some(t)) = (from, to)
                    && f > t
                {
                    return Outcome::error(format!("{}: {f} > {t}", cx.t(T::PeriodTitle)));
                }
                self.filter.from = from;
                self.filter.to = to;
            }
            PICK_DISTRICT => self.filter.district = Some(value.to_string()),
            PICK_THEME => self.filter.theme = Some(value.to_string()),
            PICK_SERVICE | PICK_ORG => {
                let Ok(r) = RecordRef::parse(value, None) else {
                    return Outcome::Handled;
                };
                let name = cx.store.org(r.id).ok().map(|o| o.name);
                if tag == PICK_SERVICE {
                    self.filter.service = Some(r.id);
                    self.service_name = name;
                } else {
                    self.filter.org = Some(r.id);
                    self.org_name = name;
                }
            }
            _ => return Outcome::Ignored,
        }
        self.recompute(cx)
    }

    fn on_report(&mut self, done: ReportDone, cx: &mut Cx) -> Outcome {
        if done.generation != self.generation {
            return Outcome::Ignored;
        }
        match done.answer {
            Answer::Report(kind, report) => {
                let Some(i) = ReportKind::ALL.iter().position(|k| *k == kind) else {
                    return Outcome::Ignored;
                };
                if !self.pending[i] {
                    return Outcome::Ignored;
                }
                self.pending[i] = false;
                let report = report
                    .map(|r| *r)
                    .map_err(crate::store::StoreError::Invalid);
                // An error is kept in `error` and drawn in place of the report.
                let _ = self.install(i, report, cx);
                Outcome::Handled
            }
            Answer::Records {
                figure,
                label,
                count,
                page,
            } if self.records_pending => {
                self.records_pending = false;
                let figure = Figure {
                    key: figure,
                    label,
                    count,
                    line: 0,
                    x: 0,
                };
                let filter = self.filter.clone();
                records_popup(
                    figure,
                    &filter,
                    page.map_err(crate::store::StoreError::Invalid),
                    cx,
                )
            }
            Answer::Records { .. } => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        self.draw_screen(frame, area, s);
    }
}

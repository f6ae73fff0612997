//! Organisations: a filtered list with the figures that matter, and a detail pane
//! (beside the list when the terminal is wide, full size on Enter) with the
//! organisation's people, open signals, open commitments and meetings.

use super::Screen;
use super::org_form;
use crate::domain::minutes_export::Lang as DocLang;
use crate::domain::{RecordKind, RecordRef};
use crate::store::{
    Commitment, CommitmentFilter, Meeting, OrgKind, OrgSummary, Person, SignalFilter, SignalRow,
};
use crate::tui::action::Action;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{Columns, FilterStep, List, WIDE};
use crate::tui::popups::form::{Form, FormDraft};
use crate::tui::popups::picker::{Choice, PickerPopup};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::tui::window::Keyset;
use crate::tui::worker::StatementJob;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};

/// How many of an organisation's meetings its detail shows.
const DETAIL_MEETINGS: usize = 20;

pub struct OrgDetail {
    pub summary: OrgSummary,
    pub people: Vec<Person>,
    pub signals: Vec<SignalRow>,
    pub commitments: Vec<Commitment>,
    pub meetings: Vec<Meeting>,
}

#[derive(Default)]
pub struct Organisations {
    list: List<OrgSummary>,
    /// How many organisations the filter lets through (the list holds a window).
    total: usize,
    detail: Option<OrgDetail>,
    full: bool,
    detail_scroll: u16,
}

pub fn kind_label(kind: OrgKind) -> T {
    match kind {
        OrgKind::Residents => T::KindResidents,
        OrgKind::Service => T::KindService,
        OrgKind::Partner => T::KindPartner,
    }
}

/// The list's height in rows for a terminal of this size.
fn view_rows(cx: &Cx, filter_line: bool) -> usize {
    widgets::table_rows(cx.size.height.saturating_sub(2)).saturating_sub(usize::from(filter_line))
}

fn same_org(a: &OrgSummary, b: &OrgSummary) -> bool {
    a.org.id == b.org.id
}

impl Organisations {
    fn selected_id(&self) -> Option<i64> {
        self.list.selected().map(|r| r.org.id)
    }

    fn filter_shown(&self) -> bool {
        self.list.filter.shown()
    }

    /// Organisations in name order, a page at a time, keyed by name.
    fn pages<'a>(&self, cx: &'a Cx) -> Keyset<'a, String, OrgSummary> {
        Keyset::new(
            cx.store,
            self.list.filter.value(),
            |s, f, r, n| s.org_page(f, r.map(|r| r.org.name.as_str()), n),
            |s, f, r, n| s.org_page_before(f, r.map(|r| r.org.name.as_str()), n),
        )
    }

    /// Reload the rows around the selection (the data or the screen size changed).
    fn load(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        let view = view_rows(cx, self.filter_shown());
        let margin = cx.list_margin();
        let mut pages = self.pages(cx);
        self.list.reload(&mut pages, view, margin, same_org)?;
        self.total = cx.store.org_count(&self.list.filter.value())?;
        self.load_detail(cx)
    }

    /// After a cursor move: the detail pane follows now, or once the cursor rests.
    fn follow_cursor(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        if self.list.follow_now(cx.defer_details) {
            self.load_detail(cx)
        } else {
            Ok(())
        }
    }

    fn load_detail(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.list.settled();
        let wanted = self.full || cx.size.width >= WIDE;
        let Some(summary) = self.list.selected().cloned().filter(|_| wanted) else {
            self.detail = None;
            return Ok(());
        };
        if self.detail.as_ref().is_some_and(|d| d.summary == summary) {
            return Ok(());
        }
        let id = summary.org.id;
        let people = cx.store.people("", Some(id), 50)?;
        let signals = cx.store.signals(&SignalFilter {
            org_id: Some(id),
            limit: Some(50),
            ..SignalFilter::default()
        })?;
        let commitments = cx.store.commitments(&CommitmentFilter {
            org_id: Some(id),
            limit: Some(50),
            ..CommitmentFilter::default()
        })?;
        let meetings = cx.store.org_meetings(id, DETAIL_MEETINGS)?;
        self.detail = Some(OrgDetail {
            summary,
            people,
            signals,
            commitments,
            meetings,
        });
        self.detail_scroll = 0;
        Ok(())
    }

    fn refilter(&mut self, cx: &mut Cx) -> Outcome {
        let view = view_rows(cx, self.filter_shown());
        let mut pages = self.pages(cx);
        let done = self
            .list
            .top(&mut pages, view)
            .and_then(|()| cx.store.org_count(&self.list.filter.value()))
            .and_then(|total| {
                self.total = total;
                self.load_detail(cx)
            });
        match done {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn detail_lines(&self, s: &Settings, d: &OrgDetail) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let o = &d.summary.org;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", vis(&o.name), o.reference()),
            s.theme.title,
        ))];
        if let Some(short) = &o.short_name {
            lines.push(widgets::field(s, t(T::FieldShortName), short));
        }
        lines.push(widgets::field(s, t(T::ColKind), t(kind_label(o.kind))));
        lines.push(widgets::field(
            s,
            t(T::ColDistrict),
            o.district.as_deref().unwrap_or("-"),
        ));
        if !o.neighbourhoods.is_empty() {
            lines.push(widgets::field(
                s,
                t(T::FieldNeighbourhoods),
                &o.neighbourhoods.join(", "),
            ));
        }
        if let Some(e) = &o.email {
            lines.push(widgets::field(s, t(T::FieldEmail), e));
        }
        let day = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.to_string())
                .unwrap_or_else(|| t(T::Never).to_string())
        };
        // The cadence counts meetings only; last contact also counts feedback.
        let mut met = vec![
            Span::styled(format!("{}: ", t(T::FieldLastMeeting)), s.theme.muted),
            Span::raw(day(d.summary.last_meeting)),
            Span::raw(format!(
                " · {}",
                s.lang.f(T::CadencePerYear, &[("n", &o.cadence_per_year)])
            )),
        ];
        if d.summary.cadence_overdue {
            met.push(Span::styled(
                format!(" {}", t(T::CadenceOverdue)),
                s.theme.mark,
            ));
        }
        lines.push(Line::from(met));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t(T::FieldLastContact)), s.theme.muted),
            Span::raw(day(d.summary.last_contact)),
            Span::styled(format!(" {}", t(T::FieldLastContactHelp)), s.theme.muted),
        ]));
        let mut load = vec![
            Span::styled(format!("{}: ", t(T::ColLoad)), s.theme.muted),
            Span::raw(s.lang.f(T::LoadIn90, &[("n", &d.summary.load)])),
        ];
        if d.summary.over_load {
            load.push(Span::styled(format!(" {}", t(T::OverLoad)), s.theme.mark));
        }
        lines.push(Line::from(load));
        lines.push(Line::raw(""));
        lines.push(widgets::heading(
            s,
            t(T::SectionPeople),
            Some(d.people.len()),
        ));
        for p in &d.people {
            let role = if p.role.is_empty() {
                String::new()
            } else {
                format!(" - {}", vis(&p.role))
            };
            lines.push(Line::raw(format!(
                "  {} {}{role}",
                p.reference(),
                vis(&p.name)
            )));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionSignals),
            Some(d.signals.len()),
        ));
        for sig in &d.signals {
            let due = sig
                .feedback_due
                .map(|d| format!(" ({} {d})", t(T::Due)))
                .unwrap_or_default();
            let style = widgets::marked(s, sig.overdue);
            lines.push(Line::from(vec![
                Span::raw(format!("  S-{} {}", sig.id, vis(&sig.title))),
                Span::styled(due, style),
            ]));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionCommitments),
            Some(d.commitments.len()),
        ));
        for c in &d.commitments {
            let overdue = c.outcome == crate::domain::commitment::Outcome::OpenOverdue;
            lines.push(Line::from(vec![
                Span::raw(format!("  {} {}", c.reference(), vis(&c.text))),
                Span::styled(
                    format!(" ({} {})", t(T::Due), c.due),
                    widgets::marked(s, overdue),
                ),
            ]));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionMeetings),
            Some(d.meetings.len()),
        ));
        for m in &d.meetings {
            let status = match m.status {
                crate::domain::meeting::MeetingStatus::Planned => t(T::MeetingPlanned),
                crate::domain::meeting::MeetingStatus::Held => t(T::MeetingHeld),
                crate::domain::meeting::MeetingStatus::Final => t(T::MeetingFinal),
                crate::domain::meeting::MeetingStatus::Cancelled => t(T::MeetingCancelled),
            };
            lines.push(Line::raw(format!(
                "  {} {} {} ({status})",
                m.reference(),
                m.starts_at.format("%Y-%m-%d"),
                vis(&m.title)
            )));
        }
        if !o.notes.trim().is_empty() {
            lines.push(widgets::heading(s, t(T::FieldNotes), None));
            for l in o.notes.lines() {
                lines.push(Line::raw(format!("  {}", vis(l))));
            }
        }
        lines
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let title = format!(" {} ({}) ", t(T::ScreenOrganisations), self.total);
        let legend = Line::from(Span::styled(
            format!(" {} ", t(T::OrgLegend)),
            s.theme.muted,
        ))
        .right_aligned();
        let block = widgets::block(s, title, !self.full).title_bottom(legend);
        let inner_area = self.list.filter.split(frame, area, s);
        // Beside the detail pane the kind is shown there, so the name gets its room
        // (two date columns: last meeting and last contact).
        let with_kind = inner_area.width >= 110;
        // Narrower still (beside the detail, which shows it) the district goes too.
        let with_district = inner_area.width >= 76;
        // The name column's width (the rest after the fixed ones, as the table lays
        // them out): a name that does not fit shows the part that tells it apart.
        let fixed = [with_kind.then_some(9), with_district.then_some(12)]
            .into_iter()
            .flatten()
            .chain([3, 3, 10, 10, 3, 4]);
        let (n, sum) = fixed.fold((1u16, 0u16), |(n, w), c| (n + 1, w + c));
        let name_w = usize::from(inner_area.width.saturating_sub(4 + sum + (n - 1)));
        let row = |r: &OrgSummary| {
            let o = &r.org;
            let day = |d: Option<chrono::NaiveDate>| {
                d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
            };
            let cad = if r.cadence_overdue { "!" } else { "" };
            let load = if r.over_load {
                format!("{}!", r.load)
            } else {
                r.load.to_string()
            };
            let mut cells = vec![Text::from(vis(s.org_names.fit(&o.name, name_w)))];
            if with_kind {
                cells.push(Text::from(t(kind_label(o.kind))));
            }
            if with_district {
                cells.push(Text::from(vis(o.district.as_deref().unwrap_or(""))));
            }
            cells.extend([
                Text::from(r.open_signals.to_string()),
                Text::from(r.open_commitments.to_string()),
                Text::from(day(r.last_meeting)),
                Text::from(day(r.last_contact)),
                Text::from(Span::styled(cad, s.theme.mark)),
                Text::from(Span::styled(load, widgets::marked(s, r.over_load))),
            ]);
            cells
        };
        let mut widths = vec![Constraint::Min(14)];
        let mut header = vec![t(T::ColName)];
        if with_kind {
            widths.push(Constraint::Length(9));
            header.push(t(T::ColKind));
        }
        if with_district {
            widths.push(Constraint::Length(12));
        }
        widths.extend([
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(3),
            Constraint::Length(4),
        ]);
        header.extend([
            t(T::ColSignals),
            t(T::ColCommitments),
            t(T::ColLastMeeting),
            t(T::ColLastContact),
            t(T::ColCadence),
            t(T::ColLoad),
        ]);
        if with_district {
            header.insert(if with_kind { 2 } else { 1 }, t(T::ColDistrict));
        }
        let columns = Columns::new(header, widths, 1);
        let empty = Some(t(T::NothingMatches));
        self.list
            .draw_table(frame, inner_area, s, block, columns, row, empty);
    }

    fn draw_detail(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let title = format!(" {} ", s.lang.t(T::Detail));
        let block = widgets::block(s, title, self.full);
        let lines = match &self.detail {
            Some(d) => self.detail_lines(s, d),
            None => vec![Line::styled(s.lang.t(T::NothingSelected), s.theme.muted)],
        };
        widgets::paragraph(frame, area, block, lines, self.detail_scroll);
    }
}

impl Screen for Organisations {
    fn id(&self) -> &'static str {
        "organisations"
    }

    fn title(&self) -> T {
        T::ScreenOrganisations
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.detail = None;
        self.load(cx)
    }

    fn text_entry(&self) -> bool {
        self.list.filter.is_typing()
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.list.filter.key(key) {
            return self.refilter(cx);
        }
        Outcome::Handled
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            return self.refilter(cx);
        }
        Outcome::Ignored
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let view = view_rows(cx, self.filter_shown());
        if self.full {
            let step = view as u16;
            match action {
                Action::Up => self.detail_scroll = self.detail_scroll.saturating_sub(1),
                Action::Down => self.detail_scroll = self.detail_scroll.saturating_add(1),
                Action::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(step),
                Action::PageDown => self.detail_scroll = self.detail_scroll.saturating_add(step),
                Action::Top => self.detail_scroll = 0,
                Action::Back | Action::Quit | Action::Open => self.full = false,
                Action::Edit => return self.edit(cx),
                Action::New => return self.new_form(cx),
                Action::OrgStatement => return self.statement(cx),
                _ => return Outcome::Ignored,
            }
            return Outcome::Handled;
        }
        let mut pages = self.pages(cx);
        match self.list.step(action, &mut pages, view) {
            Ok(true) => {
                return match self.follow_cursor(cx) {
                    Ok(()) => Outcome::Handled,
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                };
            }
            Ok(false) => {}
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        }
        match self.list.filter.on_action(action, cx.settings) {
            Some(FilterStep::Cleared) => {
                return match self.load(cx) {
                    Ok(()) => Outcome::Handled,
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                };
            }
            Some(_) => return Outcome::Handled,
            None => {}
        }
        match action {
            Action::Open if !self.list.is_empty() => {
                self.full = true;
                match self.load_detail(cx) {
                    Ok(()) => Outcome::Handled,
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                }
            }
            Action::New => self.new_form(cx),
            Action::Edit => self.edit(cx),
            Action::OrgStatement => self.statement(cx),
            _ => Outcome::Ignored,
        }
    }

    fn on_pick(&mut self, tag: &'static str, value: &str, cx: &mut Cx) -> Outcome {
        if tag != PICK_STATEMENT {
            return Outcome::Ignored;
        }
        let Some(id) = self.selected_id() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        let job = StatementJob {
            org_id: id,
            lang: match cx.settings.lang {
                crate::words::Lang::En => DocLang::En,
                crate::words::Lang::Nl => DocLang::Nl,
            },
            write_to: matches!(value, "write" | "both").then(|| statements_dir(cx)),
            send: matches!(value, "send" | "both"),
            cfg: cx.settings.loop_cfg.mail.clone(),
        };
        Outcome::one(Effect::Statement(Box::new(job)))
    }

    fn show(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if record.kind != RecordKind::Organisation {
            return false;
        }
        self.full = false;
        let Ok(anchor) = cx.store.org_summary(record.id) else {
            return false;
        };
        let view = view_rows(cx, self.filter_shown());
        let mut pages = self.pages(cx);
        if self.list.show(&mut pages, &anchor, view, same_org).is_err() {
            return false;
        }
        if self.selected_id() != Some(record.id) {
            // The filter hides it: narrow the list to it instead.
            self.list.filter.set(&anchor.org.name);
            let view = view_rows(cx, true);
            let mut pages = self.pages(cx);
            if self.list.show(&mut pages, &anchor, view, same_org).is_err() {
                return false;
            }
        }
        self.total = cx.store.org_count(&self.list.filter.value()).unwrap_or(0);
        self.detail = None;
        self.load_detail(cx).is_ok() && self.selected_id() == Some(record.id)
    }

    fn restore_form(&self, draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
        org_form::restore(draft, cx)
    }

    fn district_hint(&self) -> Option<String> {
        self.list.selected().and_then(|r| r.org.district.clone())
    }

    // Trust: conflicts, history, AVG
    fn selected(&self) -> Option<RecordRef> {
        self.list.selected().map(|r| r.org.reference())
    }

    fn wants_settle(&self) -> bool {
        self.list.unsettled()
    }

    fn settle(&mut self, cx: &mut Cx) -> bool {
        self.list.unsettled() && self.load_detail(cx).is_ok()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        if self.full {
            self.draw_detail(frame, area, s);
        } else if area.width >= WIDE {
            let [list, detail] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(area);
            self.draw_list(frame, list, s);
            self.draw_detail(frame, detail, s);
        } else {
            self.draw_list(frame, area, s);
        }
    }
}

/// The picker tag of the statement's choices.
const PICK_STATEMENT: &str = "statement";

/// Statements written from the screens go beside the database, in a private folder.
fn statements_dir(cx: &Cx) -> std::path::PathBuf {
    cx.store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.join("statements"))
        .unwrap_or_else(|| std::path::PathBuf::from("statements"))
}

impl Organisations {
    /// Ask what to do with the selected organisation's statement: write it, e-mail it, or both.
    fn statement(&mut self, cx: &mut Cx) -> Outcome {
        let Some(id) = self.selected_id() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        let name = match cx.store.org(id) {
            Ok(o) => o.name,
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        };
        let dir = statements_dir(cx).display().to_string();
        let lang = cx.settings.lang;
        let items = vec![
            Choice::new(lang.f(T::StatementWrite, &[("dir", &dir)]), "write"),
            Choice::new(cx.t(T::StatementSend), "send"),
            Choice::new(cx.t(T::StatementBoth), "both"),
        ];
        Outcome::one(Effect::Push(Box::new(PickerPopup::new(
            lang.f(T::StatementTitle, &[("name", &name)]),
            PICK_STATEMENT,
            items,
            cx.settings,
        ))))
    }

    fn new_form(&mut self, cx: &mut Cx) -> Outcome {
        Outcome::one(Effect::Push(Box::new(org_form::new_form(cx))))
    }

    fn edit(&mut self, cx: &mut Cx) -> Outcome {
        let Some(id) = self.selected_id() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        match cx.store.org(id) {
            Ok(org) => Outcome::one(Effect::Push(Box::new(org_form::edit_form(&org, cx)))),
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }
}

//! The tracker: open actions and commitments together, overdue first, then by due
//! date. Filters: mine, overdue, due this week, an organisation, a service. Keys to
//! mark done or kept, break, withdraw, move the due date, cancel an action; Enter
//! shows a commitment's detail with its due-date history.

use super::Screen;
use super::tracker_forms;
use crate::domain::action::{ActionEvent, ActionState};
use crate::domain::{RecordKind, RecordRef};
use crate::store::{CommitmentMove, StoreError, TrackerFilter};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{Columns, List};
use crate::tui::popups::picker::{Choice, PickerPopup};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::tui::window::Keyset;
use crate::words::T;
use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const PICK_KIND: &str = "tracker_filter_kind";
const PICK_ORG: &str = "tracker_org";
const PICK_SERVICE: &str = "tracker_service";

pub use crate::store::TrackerItem as Item;

#[derive(Default, Clone, PartialEq)]
struct Filters {
    mine: Option<i64>,
    overdue: bool,
    week: bool,
    org: Option<(i64, String)>,
    service: Option<(i64, String)>,
}

#[derive(Default)]
pub struct Tracker {
    list: List<Item>,
    /// How many rows the filters let through (the list holds a window).
    total: usize,
    filters: Filters,
    detail: Option<(Item, Vec<CommitmentMove>)>,
    scroll: u16,
    overdue_commitments: usize,
    view: usize,
}

fn view_rows(cx: &Cx) -> usize {
    widgets::table_rows(cx.size.height.saturating_sub(3))
}

/// The last day of this week (Sunday).
fn end_of_week(today: NaiveDate) -> NaiveDate {
    today + Duration::days(6 - i64::from(today.weekday().num_days_from_monday()))
}

fn same_item(a: &Item, b: &Item) -> bool {
    a.reference() == b.reference()
}

impl Tracker {
    fn query(&self, today: NaiveDate) -> TrackerFilter {
        let f = &self.filters;
        TrackerFilter {
            owner_person_id: f.mine,
            owner_org_id: f.service.as_ref().map(|s| s.0),
            org_id: f.org.as_ref().map(|o| o.0),
            overdue_only: f.overdue,
            due_before: f.week.then(|| end_of_week(today)),
        }
    }

    /// The tracker's rows a page at a time, in due-date order.
    fn pages<'a>(&self, cx: &'a Cx) -> Keyset<'a, TrackerFilter, Item> {
        Keyset::new(
            cx.store,
            self.query(cx.store.today()),
            |s, f, r, n| s.tracker_page(f, r.map(Item::key), n),
            |s, f, r, n| s.tracker_page_before(f, r.map(Item::key), n),
        )
    }

    /// Reload the rows around the selection.
    fn load(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.view = view_rows(cx);
        let margin = cx.list_margin();
        let mut pages = self.pages(cx);
        self.list.reload(&mut pages, self.view, margin, same_item)?;
        self.total = cx.store.tracker_count(&pages.filter)?;
        Ok(())
    }

    /// Start at the top again (the filters changed).
    fn reload(&mut self, cx: &mut Cx) -> Outcome {
        self.view = view_rows(cx);
        let mut pages = self.pages(cx);
        let done = self
            .list
            .top(&mut pages, self.view)
            .and_then(|()| cx.store.tracker_count(&pages.filter));
        match done {
            Ok(total) => {
                self.total = total;
                Outcome::Handled
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn current(&self) -> Option<&Item> {
        match &self.detail {
            Some((i, _)) => Some(i),
            None => self.list.selected(),
        }
    }

    fn done(&mut self, cx: &mut Cx) -> Outcome {
        let Some(item) = self.current().cloned() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        let lang = cx.settings.lang;
        let result = match &item {
            Item::Action(a) => cx
                .store
                .finish_action(a.id, ActionEvent::Done, None, Some(a.version))
                .map(|a| (a.reference(), T::Done)),
            Item::Commitment(c) => cx
                .store
                .keep_commitment(c.id, Some(c.version))
                .map(|c| (c.reference(), T::Kept)),
        };
        match result {
            Ok((r, key)) => Outcome::one(Effect::Saved {
                record: r,
                message: lang.f(key, &[("id", &r)]),
            }),
            Err(StoreError::Conflict(m)) => Outcome::Effects(vec![Effect::Error(format!(
                "{} {}",
                lang.problem(&m),
                lang.t(T::ConflictReloadedSignal)
            ))]),
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn step(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let Some(item) = self.current().cloned() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        let r = item.reference();
        let fits = matches!(
            (&item, action),
            (
                Item::Commitment(_),
                Action::Break | Action::Withdraw | Action::MoveDue
            ) | (Item::Action(_), Action::CancelAction)
        );
        if !fits {
            return Outcome::error(cx.settings.lang.f(T::NotForThis, &[("id", &r)]));
        }
        tracker_forms::step_form(cx, action, r, item.version())
    }

    fn open(&mut self, cx: &mut Cx) -> Outcome {
        let Some(item) = self.list.selected().cloned() else {
            return Outcome::Handled;
        };
        let moves = match &item {
            Item::Commitment(c) => match cx.store.commitment_moves(c.id) {
                Ok(m) => m,
                Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
            },
            Item::Action(_) => Vec::new(),
        };
        self.detail = Some((item, moves));
        self.scroll = 0;
        Outcome::Handled
    }

    fn filter_kinds(&self, cx: &Cx) -> Outcome {
        let items = vec![
            Choice::new(cx.t(T::FilterWeekLabel), "week"),
            Choice::new(cx.t(T::FieldOrganisation), "org"),
            Choice::new(cx.t(T::KindService), "service"),
            Choice::new(cx.t(T::FilterClear), "clear"),
        ];
        let p = PickerPopup::new(cx.t(T::FilterByTitle), PICK_KIND, items, cx.settings);
        Outcome::one(Effect::Push(Box::new(p)))
    }

    fn pick_org(&self, cx: &mut Cx, services: bool) -> Outcome {
        let orgs = match cx.store.org_summaries("", 5000) {
            Ok(o) => o,
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        };
        let items = orgs
            .into_iter()
            .filter(|o| !services || o.org.kind == crate::store::OrgKind::Service)
            .map(|o| Choice::new(o.org.name.clone(), o.org.reference().to_string()))
            .collect();
        let tag = if services { PICK_SERVICE } else { PICK_ORG };
        let p = PickerPopup::new(cx.t(T::FilterByTitle), tag, items, cx.settings);
        Outcome::one(Effect::Push(Box::new(p)))
    }

    fn labels(&self, s: &Settings) -> Vec<String> {
        let t = |k| s.lang.t(k);
        let f = &self.filters;
        let mut v = Vec::new();
        if f.mine.is_some() {
            v.push(t(T::FilterMineLabel).to_string());
        }
        if f.overdue {
            v.push(t(T::FilterOverdueLabel).to_string());
        }
        if f.week {
            v.push(t(T::FilterWeekLabel).to_string());
        }
        if let Some((_, n)) = &f.org {
            v.push(format!("org: {}", vis(n)));
        }
        if let Some((_, n)) = &f.service {
            v.push(format!("{}: {}", t(T::KindService), vis(n)));
        }
        v
    }

    fn detail_lines(&self, s: &Settings) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let Some((item, moves)) = &self.detail else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        match item {
            Item::Commitment(c) => {
                lines.push(Line::styled(
                    format!("{} {}", c.reference(), vis(&c.text)),
                    s.theme.title,
                ));
                lines.push(widgets::field(s, t(T::ColState), c.outcome.code()));
                lines.push(widgets::field(s, t(T::FieldOrganisation), &c.org));
                lines.push(widgets::field(s, t(T::ColOwner), &c.owner));
                lines.push(widgets::field(s, t(T::ColDue), &c.due.to_string()));
                if c.moves > 0 || c.first_due != c.due {
                    lines.push(widgets::field(
                        s,
                        t(T::FieldPromised),
                        &s.lang.f(
                            T::PromisedMoved,
                            &[
                                ("date", &c.first_due.to_string()),
                                ("n", &c.moves.to_string()),
                                ("days", &c.days_moved.to_string()),
                            ],
                        ),
                    ));
                }
                if let Some(sig) = c.signal_id {
                    lines.push(widgets::field(s, t(T::FieldSignal), &format!("S-{sig}")));
                }
                for (label, v) in [
                    (T::FieldAcknowledgement, &c.acknowledgement),
                    (T::FieldPrevention, &c.prevention),
                    (T::FieldReason, &c.reason),
                ] {
                    if let Some(v) = v {
                        lines.push(widgets::field(s, t(label), v));
                    }
                }
                lines.push(Line::raw(""));
                lines.push(widgets::heading(
                    s,
                    t(T::SectionDueHistory),
                    Some(moves.len()),
                ));
                for m in moves {
                    lines.push(Line::raw(format!(
                        "  {} {}: {} → {} ({})",
                        m.moved_at.chars().take(10).collect::<String>(),
                        vis(&m.moved_by),
                        m.old_due,
                        m.new_due,
                        vis(&m.reason)
                    )));
                }
            }
            Item::Action(a) => {
                lines.push(Line::styled(
                    format!("{} {}", a.reference(), vis(&a.text)),
                    s.theme.title,
                ));
                lines.push(widgets::field(s, t(T::ColState), a.state.code()));
                lines.push(widgets::field(s, t(T::ColOwner), &a.owner));
                let due = a.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
                lines.push(widgets::field(s, t(T::ColDue), &due));
                if let Some(sig) = a.signal_id {
                    lines.push(widgets::field(s, t(T::FieldSignal), &format!("S-{sig}")));
                }
            }
        }
        lines
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let mut title = format!(" {} ({}) ", t(T::ScreenTracker), self.total);
        let labels = self.labels(s);
        if !labels.is_empty() {
            title = format!("{title}[{}] ", labels.join(", "));
        }
        let block = widgets::block(s, title, true);
        let wide = area.width >= 100;
        let row = |i: &Item| {
            let (what, org, owner, state) = match i {
                Item::Action(a) => (
                    vis(&a.text),
                    String::new(),
                    vis(&a.owner),
                    if a.state == ActionState::Open {
                        "open"
                    } else {
                        a.state.code()
                    },
                ),
                Item::Commitment(c) => {
                    let org = vis(s.org_names.get(&c.org));
                    (vis(&c.text), org, vis(&c.owner), c.state.code())
                }
            };
            let due = match i.due() {
                Some(d) if i.overdue() => format!("!{d}"),
                Some(d) => format!(" {d}"),
                None => String::new(),
            };
            let mut cells = vec![Text::from(i.reference().to_string()), Text::from(what)];
            if wide {
                cells.push(Text::from(org));
            }
            cells.extend([
                Text::from(owner),
                Text::from(state),
                Text::from(Span::styled(due, widgets::marked(s, i.overdue()))),
            ]);
            cells
        };
        // IDs are never cut: as wide as the longest held.
        let id_w = self
            .list
            .whole_width(t(T::ColId), 6, |i| i.reference().to_string());
        let mut widths = vec![Constraint::Length(id_w), Constraint::Min(16)];
        let mut header = vec![t(T::ColId), t(T::ColWhat)];
        if wide {
            widths.push(Constraint::Length(20));
            header.push(t(T::FieldOrganisation));
        }
        widths.extend([
            Constraint::Length(if wide { 18 } else { 12 }),
            Constraint::Length(7),
            Constraint::Length(11),
        ]);
        header.extend([t(T::ColOwner), t(T::ColState), t(T::ColDue)]);
        let columns = Columns::new(header, widths, 2);
        let empty = Some(t(T::NothingMatches));
        self.list
            .draw_table(frame, area, s, block, columns, row, empty);
    }
}

impl Screen for Tracker {
    fn id(&self) -> &'static str {
        "tracker"
    }

    fn title(&self) -> T {
        T::ScreenTracker
    }

    fn scope(&self) -> Option<Scope> {
        Some(Scope::Tracker)
    }

    fn badge(&self) -> Option<String> {
        Some(format!("({}!)", self.overdue_commitments))
    }

    fn refresh_counts(&mut self, cx: &mut Cx) {
        if let Ok(n) = cx.store.overdue_commitment_count() {
            self.overdue_commitments = n as usize;
        }
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.refresh_counts(cx);
        self.load(cx)?;
        if let Some(r) = self.detail.as_ref().map(|(i, _)| i.reference()) {
            self.detail = None;
            if self.list.selected().map(Item::reference) == Some(r) {
                self.open(cx);
            }
        }
        Ok(())
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.detail.is_some() {
            match action {
                Action::Up => self.scroll = self.scroll.saturating_sub(1),
                Action::Down => self.scroll = self.scroll.saturating_add(1),
                Action::Back | Action::Quit | Action::Open => self.detail = None,
                Action::Done => return self.done(cx),
                a @ (Action::Break | Action::Withdraw | Action::MoveDue | Action::CancelAction) => {
                    return self.step(a, cx);
                }
                _ => return Outcome::Ignored,
            }
            return Outcome::Handled;
        }
        let mut pages = self.pages(cx);
        match self.list.step(action, &mut pages, self.view) {
            Ok(true) => return Outcome::Handled,
            Ok(false) => {}
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        }
        match action {
            Action::Open => self.open(cx),
            Action::New => tracker_forms::new_either(cx),
            Action::Done => self.done(cx),
            a @ (Action::Break | Action::Withdraw | Action::MoveDue | Action::CancelAction) => {
                self.step(a, cx)
            }
            Action::FilterMine => {
                if self.filters.mine.take().is_none() {
                    match cx.store.current_person() {
                        Ok(Some(p)) => self.filters.mine = Some(p),
                        Ok(None) => {
                            let user = cx.store.user().to_string();
                            return Outcome::error(
                                cx.settings.lang.f(T::NoPersonForUser, &[("user", &user)]),
                            );
                        }
                        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
                    }
                }
                self.reload(cx)
            }
            Action::FilterOverdue => {
                self.filters.overdue = !self.filters.overdue;
                self.reload(cx)
            }
            Action::FilterBy => self.filter_kinds(cx),
            Action::Back if self.filters != Filters::default() => {
                self.filters = Filters::default();
                self.reload(cx)
            }
            _ => Outcome::Ignored,
        }
    }

    fn on_pick(&mut self, tag: &'static str, value: &str, cx: &mut Cx) -> Outcome {
        let org = |cx: &mut Cx| {
            let r = RecordRef::parse(value, Some(RecordKind::Organisation)).ok()?;
            cx.store.org(r.id).ok().map(|o| (o.id, o.name))
        };
        match (tag, value) {
            (PICK_KIND, "week") => {
                self.filters.week = !self.filters.week;
                self.reload(cx)
            }
            (PICK_KIND, "clear") => {
                self.filters = Filters::default();
                self.reload(cx)
            }
            (PICK_KIND, "service") => self.pick_org(cx, true),
            (PICK_KIND, _) => self.pick_org(cx, false),
            (PICK_ORG, _) => {
                self.filters.org = org(cx);
                self.reload(cx)
            }
            (PICK_SERVICE, _) => {
                self.filters.service = org(cx);
                self.reload(cx)
            }
            _ => Outcome::Ignored,
        }
    }

    fn show(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if !matches!(record.kind, RecordKind::Action | RecordKind::Commitment) {
            return false;
        }
        self.view = view_rows(cx);
        let shown = cx.store.tracker_item(record).and_then(|item| {
            let mut pages = self.pages(cx);
            self.list.show(&mut pages, &item, self.view, same_item)?;
            self.total = cx.store.tracker_count(&pages.filter)?;
            Ok(())
        });
        if shown.is_err() {
            return false;
        }
        if self.list.selected().map(Item::reference) == Some(record) {
            if self.detail.is_some() {
                self.open(cx);
            }
        } else {
            // Done, kept, withdrawn or filtered out: not listed.
            self.detail = None;
        }
        true
    }

    fn selected(&self) -> Option<RecordRef> {
        self.current().map(Item::reference)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let [body, hints] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        if self.detail.is_some() {
            let block = widgets::block(s, format!(" {} ", s.lang.t(T::Detail)), true);
            widgets::paragraph(frame, body, block, self.detail_lines(s), self.scroll);
        } else {
            self.draw_list(frame, body, s);
        }
        let mut spans = vec![Span::raw(" ")];
        for (a, what) in [
            (Action::Done, T::HintDone),
            (Action::Break, T::HintBreak),
            (Action::Withdraw, T::HintWithdraw),
            (Action::MoveDue, T::HintMove),
            (Action::CancelAction, T::HintCancelAction),
            (Action::FilterMine, T::FilterMineLabel),
            (Action::FilterOverdue, T::FilterOverdueLabel),
            (Action::FilterBy, T::HintFilterBy),
        ] {
            if let Some(k) = s.keymap.first(a) {
                spans.push(Span::styled(k, s.theme.key));
                spans.push(Span::raw(format!(" {} ", s.lang.t(what))));
            }
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), hints);
    }
}

//! The inbox: open signals, overdue feedback first, then by age, read a window at a
//! time with keyset paging (never OFFSET, never the whole table). Triage from the
//! keyboard: single keys on the selected signal, or on every marked one; Enter
//! opens the signal in full with its timeline.

use super::signal_detail::SignalDetail;
use super::signal_forms::{self, PICK_MERGE, PICK_MERGE_ACROSS, state_label};
use super::tracker_forms;
use super::{AfterTriage, Screen};
use crate::domain::signal::SignalEvent;
use crate::domain::{RecordKind, RecordRef};
use crate::store::{InboxCounts, InboxFilter, InboxKey, SignalRow};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{Columns, FilterStep, List};
use crate::tui::popups::feedback::FeedbackPopup;
use crate::tui::popups::picker::{Choice, PickerPopup};
use crate::tui::popups::triage::TriagePopup;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::tui::window::Keyset;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::BTreeSet;

const PICK_KIND: &str = "inbox_filter_kind";
const PICK_DISTRICT: &str = "inbox_district";
const PICK_THEME: &str = "inbox_theme";
const PICK_ORG: &str = "inbox_org";

#[derive(Default)]
pub struct Inbox {
    list: List<SignalRow>,
    filter: InboxFilter,
    /// Shown names of the quick filters (the organisation's name, not its id).
    org_name: Option<String>,
    marks: BTreeSet<i64>,
    detail: Option<SignalDetail>,
    scroll: u16,
    counts: InboxCounts,
    today: chrono::NaiveDate,
    view: usize,
    /// Where the signal being triaged stood, so that saving moves on to the next one.
    triage_from: Option<InboxKey>,
}

fn view_rows(cx: &Cx, filter_line: bool) -> usize {
    widgets::table_rows(cx.size.height.saturating_sub(3)).saturating_sub(usize::from(filter_line))
}

impl Inbox {
    fn current_row(&self) -> Option<&SignalRow> {
        self.list.selected()
    }

    /// The signal keys act on: the one in the detail, else the selected row.
    fn target(&self) -> Option<i64> {
        match &self.detail {
            Some(d) => Some(d.signal.id),
            None => self.current_row().map(|r| r.id),
        }
    }

    fn filter_shown(&self) -> bool {
        self.list.filter.shown()
    }

    fn query(&self) -> InboxFilter {
        let text = self.list.filter.value();
        InboxFilter {
            text: Some(text).filter(|t| !t.trim().is_empty()),
            ..self.filter.clone()
        }
    }

    /// The inbox a page at a time (keyset queries on the open-signal indexes).
    fn pages<'a>(&self, cx: &'a Cx) -> Keyset<'a, InboxFilter, SignalRow> {
        Keyset::new(
            cx.store,
            self.query(),
            |s, f, r, n| s.inbox_page(f, r.map(InboxKey::of), n),
            |s, f, r, n| s.inbox_page_before(f, r.map(InboxKey::of), n),
        )
    }

    /// Reload the rows around the selected signal (or from the top).
    fn load(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.today = cx.store.today();
        self.view = view_rows(cx, self.filter_shown());
        let margin = cx.list_margin();
        let mut pages = self.pages(cx);
        self.list
            .reload(&mut pages, self.view, margin, |a, b| a.id == b.id)
    }

    fn reload_from_top(&mut self, cx: &mut Cx) -> Outcome {
        self.today = cx.store.today();
        self.view = view_rows(cx, self.filter_shown());
        let mut pages = self.pages(cx);
        match self.list.top(&mut pages, self.view) {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn open_detail(&mut self, cx: &mut Cx, id: i64) -> Outcome {
        match SignalDetail::load(cx, id) {
            Ok(d) => {
                self.detail = Some(d);
                self.scroll = 0;
                Outcome::Handled
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    /// The inbox position of signal `id` (the selected row or the one in the detail).
    fn key_of(&self, id: i64) -> Option<InboxKey> {
        if let Some(r) = self.list.rows().iter().find(|r| r.id == id) {
            return Some(InboxKey::of(r));
        }
        let sig = &self.detail.as_ref().filter(|d| d.signal.id == id)?.signal;
        Some(InboxKey {
            overdue: sig.is_overdue(self.today),
            due: sig.feedback_due,
            received_on: sig.received_on,
            id,
        })
    }

    /// The next signal still to triage after `from` in the inbox's order (from the
    /// top again when there is none below), within the filters shown.
    fn next_untriaged(&self, cx: &Cx, from: InboxKey) -> crate::store::Result<Option<SignalRow>> {
        let f = InboxFilter {
            untriaged: true,
            ..self.query()
        };
        if let Some(r) = cx.store.inbox_page(&f, Some(from), 1)?.pop() {
            return Ok(Some(r));
        }
        Ok(cx.store.inbox_page(&f, None, 1)?.pop())
    }

    fn targets(&self) -> Vec<i64> {
        if self.detail.is_none() && !self.marks.is_empty() {
            self.marks.iter().copied().collect()
        } else {
            self.target().into_iter().collect()
        }
    }

    fn step(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        let Some(id) = self.target() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        match action {
            Action::Triage => {
                let targets = self.targets();
                self.triage_from = (targets.len() == 1).then(|| self.key_of(id)).flatten();
                match TriagePopup::new(cx, targets) {
                    Ok(p) => Outcome::one(Effect::Push(Box::new(p))),
                    Err(why) => Outcome::error(why),
                }
            }
            Action::Feedback => match FeedbackPopup::new(cx, self.targets()) {
                Ok(p) => Outcome::one(Effect::Push(Box::new(p))),
                Err(why) => Outcome::error(why),
            },
            Action::Start => signal_forms::simple_step(cx, id, SignalEvent::Start),
            Action::CloseSignal => signal_forms::simple_step(cx, id, SignalEvent::Close),
            Action::Decline => signal_forms::decline_form(cx, id),
            Action::Reopen => signal_forms::reopen_form(cx, id),
            Action::Merge => signal_forms::merge_picker(cx, id),
            Action::Edit => super::signal_edit::edit_form(cx, id),
            Action::AddAction => tracker_forms::new_action(cx, Some(id)),
            Action::AddCommitment => tracker_forms::new_commitment(cx, Some(id)),
            _ => Outcome::Ignored,
        }
    }

    fn toggle(&mut self, cx: &mut Cx, which: Action) -> Outcome {
        match which {
            Action::FilterMine => {
                if self.filter.owner_person_id.is_some() {
                    self.filter.owner_person_id = None;
                } else {
                    match cx.store.current_person() {
                        Ok(Some(p)) => self.filter.owner_person_id = Some(p),
                        Ok(None) => {
                            return Outcome::error(cx.settings.lang.f(
                                T::NoPersonForUser,
                                &[("user", &cx.store.user().to_string())],
                            ));
                        }
                        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
                    }
                }
            }
            Action::FilterOverdue => self.filter.overdue_only = !self.filter.overdue_only,
            _ => self.filter.unassigned = !self.filter.unassigned,
        }
        self.reload_from_top(cx)
    }

    fn filter_kinds(&self, cx: &Cx) -> Outcome {
        let items = vec![
            Choice::new(cx.t(T::ColDistrict), "district"),
            Choice::new(cx.t(T::ColTheme), "theme"),
            Choice::new(cx.t(T::FieldOrganisation), "org"),
            Choice::new(cx.t(T::FilterClear), "clear"),
        ];
        Outcome::one(Effect::Push(Box::new(PickerPopup::new(
            cx.t(T::FilterByTitle),
            PICK_KIND,
            items,
            cx.settings,
        ))))
    }

    fn filter_values(&self, cx: &mut Cx, kind: &str) -> Outcome {
        let (tag, items): (&'static str, Vec<Choice>) = match kind {
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
                Ok(orgs) => (
                    PICK_ORG,
                    orgs.into_iter()
                        .map(|o| Choice::new(o.org.name.clone(), o.org.reference().to_string()))
                        .collect(),
                ),
                Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
            },
        };
        Outcome::one(Effect::Push(Box::new(PickerPopup::new(
            cx.t(T::FilterByTitle),
            tag,
            items,
            cx.settings,
        ))))
    }

    /// The active filters, for the title.
    fn filter_labels(&self, s: &Settings) -> Vec<String> {
        let t = |k| s.lang.t(k);
        let mut v = Vec::new();
        if self.filter.owner_person_id.is_some() {
            v.push(t(T::FilterMineLabel).to_string());
        }
        if self.filter.overdue_only {
            v.push(t(T::FilterOverdueLabel).to_string());
        }
        if self.filter.unassigned {
            v.push(t(T::FilterUnassignedLabel).to_string());
        }
        if let Some(d) = &self.filter.district {
            v.push(format!("{}: {}", t(T::ColDistrict), vis(d)));
        }
        if let Some(th) = &self.filter.theme {
            v.push(format!("#{}", vis(th)));
        }
        if let Some(o) = &self.org_name {
            v.push(format!("org: {}", vis(o)));
        }
        let text = self.list.filter.value();
        if !text.is_empty() {
            v.push(format!("/{}", vis(&text)));
        }
        v
    }

    fn hints(&self, s: &Settings) -> Line<'static> {
        let mut spans = vec![Span::raw(" ")];
        let keys = [
            (Action::Triage, T::HintTriage),
            (Action::Start, T::HintStart),
            (Action::Feedback, T::HintFeedback),
            (Action::Decline, T::HintDecline),
            (Action::Merge, T::HintMerge),
            (Action::CloseSignal, T::HintClose),
            (Action::Reopen, T::HintReopen),
            (Action::Mark, T::HintMark),
            (Action::QuickAdd, T::HintAdd),
        ];
        for (a, what) in keys {
            if let Some(k) = s.keymap.first(a) {
                spans.push(Span::styled(k, s.theme.key));
                spans.push(Span::raw(format!(" {} ", s.lang.t(what))));
            }
        }
        Line::from(spans)
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let mut title = format!(
            " {} ",
            s.lang.f(
                T::InboxTitle,
                &[
                    ("open", &self.counts.open),
                    ("overdue", &self.counts.overdue)
                ]
            )
        );
        let labels = self.filter_labels(s);
        if !labels.is_empty() {
            title = format!("{title}[{}] ", labels.join(", "));
        }
        if !self.marks.is_empty() {
            title.push_str(&s.lang.f(T::MarkedCount, &[("n", &self.marks.len())]));
            title.push(' ');
        }
        let block = widgets::block(s, title, true);
        let inner_area = self.list.filter.split(frame, area, s);
        let held = self.list.rows();
        let (_, in_view) = self.list.in_view(widgets::table_rows(inner_area.height));
        let wide = inner_area.width >= 110;
        let row = |r: &SignalRow| {
            let mark = if self.marks.contains(&r.id) { "*" } else { " " };
            let due = match r.feedback_due {
                Some(d) if r.overdue => format!("!{d}"),
                Some(d) => format!(" {d}"),
                None => String::new(),
            };
            let mut cells = vec![
                Text::from(format!("{mark}S-{}", r.id)),
                Text::from(vis(s.org_names.get(r.org.as_deref().unwrap_or("")))),
                Text::from(vis(&r.title)),
            ];
            if wide {
                cells.push(Text::from(vis(r.theme.as_deref().unwrap_or(""))));
            }
            cells.extend([
                Text::from(vis(&r.owner)),
                Text::from(t(state_label(r.state))),
                Text::from(Span::styled(due, widgets::marked(s, r.overdue))),
            ]);
            cells
        };
        // IDs are never cut, and the column keeps its width as rows are loaded and
        // scrolled: as wide as the highest number there is (the mark and "S-" before it).
        let longest = held
            .iter()
            .map(|r| r.id)
            .fold(self.counts.last_signal, i64::max);
        let id_w = crate::tui::fit::whole(t(T::ColId), [format!("*S-{longest}").as_str()], 0);
        // The organisation as wide as its longest shown name, within a fifth of the
        // width; the title gets the rest.
        let orgs = in_view
            .iter()
            .map(|r| s.org_names.get(r.org.as_deref().unwrap_or("")));
        let org_w = crate::tui::fit::whole(t(T::FieldOrganisation), orgs, 0)
            .min((inner_area.width.saturating_sub(2) / 5).clamp(14, 20));
        let mut widths = vec![
            Constraint::Length(id_w),
            Constraint::Length(org_w),
            Constraint::Min(16),
        ];
        let mut header = vec![t(T::ColId), t(T::FieldOrganisation), t(T::ColTitle)];
        if wide {
            widths.push(Constraint::Length(12));
            header.push(t(T::ColTheme));
        }
        widths.extend([
            Constraint::Length(if wide { 18 } else { 12 }),
            Constraint::Length(11),
            Constraint::Length(11),
        ]);
        header.extend([t(T::ColOwner), t(T::ColState), t(T::ColDue)]);
        let columns = Columns::new(header, widths, 3);
        let empty = Some(t(T::InboxEmpty));
        self.list
            .draw_table(frame, inner_area, s, block, columns, row, empty);
    }
}

impl Screen for Inbox {
    fn id(&self) -> &'static str {
        "inbox"
    }

    fn title(&self) -> T {
        T::ScreenInbox
    }

    fn scope(&self) -> Option<Scope> {
        Some(Scope::Inbox)
    }

    fn badge(&self) -> Option<String> {
        Some(format!("({}/{}!)", self.counts.open, self.counts.overdue))
    }

    fn refresh_counts(&mut self, cx: &mut Cx) {
        if let Ok(c) = cx.store.inbox_counts() {
            self.counts = c;
        }
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.refresh_counts(cx);
        if let Some(id) = self.detail.as_ref().map(|d| d.signal.id) {
            self.detail = Some(SignalDetail::load(cx, id)?);
        }
        self.load(cx)
    }

    fn text_entry(&self) -> bool {
        self.list.filter.is_typing()
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.list.filter.key(key) {
            return self.reload_from_top(cx);
        }
        Outcome::Handled
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            return self.reload_from_top(cx);
        }
        Outcome::Ignored
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.detail.is_some() {
            let step = self.view.max(1) as u16;
            match action {
                Action::Up => self.scroll = self.scroll.saturating_sub(1),
                Action::Down => self.scroll = self.scroll.saturating_add(1),
                Action::PageUp => self.scroll = self.scroll.saturating_sub(step),
                Action::PageDown => self.scroll = self.scroll.saturating_add(step),
                Action::Top => self.scroll = 0,
                Action::Back | Action::Quit | Action::Open => self.detail = None,
                a => return self.step(a, cx),
            }
            return Outcome::Handled;
        }
        let mut pages = self.pages(cx);
        match self.list.step(action, &mut pages, self.view) {
            Ok(true) => return Outcome::Handled,
            Ok(false) => {}
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        }
        match self.list.filter.on_action(action, cx.settings) {
            Some(FilterStep::Started) => {
                self.view = view_rows(cx, true);
                return Outcome::Handled;
            }
            Some(FilterStep::Done) => return Outcome::Handled,
            Some(FilterStep::Cleared) => return self.reload_from_top(cx),
            None => {}
        }
        match action {
            Action::Back if !self.marks.is_empty() => {
                self.marks.clear();
                Outcome::Handled
            }
            Action::Open => match self.current_row().map(|r| r.id) {
                Some(id) => self.open_detail(cx, id),
                None => Outcome::Handled,
            },
            Action::Mark => {
                if let Some(id) = self.current_row().map(|r| r.id) {
                    if !self.marks.remove(&id) {
                        self.marks.insert(id);
                    }
                    let mut pages = self.pages(cx);
                    if let Err(e) = self.list.step(Action::Down, &mut pages, self.view) {
                        return Outcome::error(cx.settings.lang.store_error(&e));
                    }
                }
                Outcome::Handled
            }
            Action::New => Outcome::one(Effect::Run(Action::QuickAdd)),
            a @ (Action::FilterMine | Action::FilterOverdue | Action::FilterUnassigned) => {
                self.toggle(cx, a)
            }
            Action::FilterBy => self.filter_kinds(cx),
            a => self.step(a, cx),
        }
    }

    fn restore_form(
        &self,
        draft: &crate::tui::popups::form::FormDraft,
        cx: &mut Cx,
    ) -> Option<crate::tui::popups::form::Form> {
        super::signal_edit::restore(draft, cx)
    }

    fn on_pick(&mut self, tag: &'static str, value: &str, cx: &mut Cx) -> Outcome {
        match tag {
            PICK_KIND if value == "clear" => {
                self.filter = InboxFilter::default();
                self.org_name = None;
                self.reload_from_top(cx)
            }
            PICK_KIND => self.filter_values(cx, value),
            PICK_DISTRICT => {
                self.filter.district = Some(value.to_string());
                self.reload_from_top(cx)
            }
            PICK_THEME => {
                self.filter.theme = Some(value.to_string());
                self.reload_from_top(cx)
            }
            PICK_ORG => {
                let Ok(r) = RecordRef::parse(value, Some(RecordKind::Organisation)) else {
                    return Outcome::Handled;
                };
                self.filter.org_id = Some(r.id);
                self.org_name = cx.store.org(r.id).ok().map(|o| o.name);
                self.reload_from_top(cx)
            }
            PICK_MERGE | PICK_MERGE_ACROSS => match self.target() {
                Some(id) => signal_forms::merge_into(cx, id, value, tag == PICK_MERGE_ACROSS),
                None => Outcome::Handled,
            },
            _ => Outcome::Ignored,
        }
    }

    fn show(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if record.kind != RecordKind::Signal {
            return false;
        }
        let listed = self.list.select_where(|r| r.id == record.id, self.view);
        // A signal shown in the detail stays there (with what just happened to it).
        if self.detail.is_some() || !listed {
            return matches!(self.open_detail(cx, record.id), Outcome::Handled);
        }
        true
    }

    fn open_record(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if record.kind != RecordKind::Signal {
            return false;
        }
        self.list.select_where(|r| r.id == record.id, self.view);
        matches!(self.open_detail(cx, record.id), Outcome::Handled)
    }

    fn after_triage(&mut self, record: RecordRef, cx: &mut Cx) -> AfterTriage {
        let Some(from) = self.triage_from.take().filter(|k| k.id == record.id) else {
            return AfterTriage::ShowIt;
        };
        if record.kind != RecordKind::Signal {
            return AfterTriage::ShowIt;
        }
        self.detail = None;
        self.scroll = 0;
        match self.next_untriaged(cx, from) {
            Ok(Some(next)) => {
                let view = self.view;
                let mut pages = self.pages(cx);
                if self
                    .list
                    .show(&mut pages, &next, view, |a, b| a.id == b.id)
                    .is_err()
                {
                    return AfterTriage::ShowIt;
                }
                AfterTriage::MovedOn
            }
            // Nothing left to triage: the list stays as reloaded around where it was.
            Ok(None) => AfterTriage::NoneLeft,
            Err(_) => AfterTriage::ShowIt,
        }
    }

    fn selected(&self) -> Option<RecordRef> {
        self.target()
            .map(|id| RecordRef::new(RecordKind::Signal, id))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let [_, body, hints] = widgets::rows(area, 0, 1);
        match &self.detail {
            Some(d) => {
                let title = format!(" {} ", s.lang.t(T::SignalDetailTitle));
                let block = widgets::block(s, title, true);
                let text = Paragraph::new(d.lines(s, self.today))
                    .block(block)
                    .wrap(ratatui::widgets::Wrap { trim: false })
                    .scroll((self.scroll, 0));
                frame.render_widget(text, body);
            }
            None => self.draw_list(frame, body, s),
        }
        let mut line = self.hints(s);
        // In the detail, its own keys before edit (which both views have).
        let extra: &[(Action, T)] = if self.detail.is_some() {
            &[
                (Action::AddAction, T::HintAddAction),
                (Action::AddCommitment, T::HintAddCommitment),
                (Action::Edit, T::HintEditSignal),
            ]
        } else {
            &[(Action::Edit, T::HintEditSignal)]
        };
        for &(a, what) in extra {
            if let Some(k) = s.keymap.first(a) {
                line.spans.push(Span::styled(k, s.theme.key));
                line.spans.push(Span::raw(format!(" {} ", s.lang.t(what))));
            }
        }
        frame.render_widget(Paragraph::new(line), hints);
    }
}

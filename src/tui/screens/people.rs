//! People: contact persons and service staff. Staff carry the districts and themes
//! they cover (who-does-what), shown in the detail and edited in the form.

use super::{Screen, person_form};
use crate::domain::{RecordKind, RecordRef};
use crate::store::Person;
use crate::tui::action::Action;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{Columns, FilterStep, List, WIDE};
use crate::tui::popups::form::{Form, FormDraft};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::tui::window::Keyset;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::text::{Line, Span};

// Trust: conflicts, history, AVG
pub mod avg;

#[derive(Default)]
pub struct People {
    list: List<Person>,
    /// How many people the filter lets through (the list holds a window).
    total: usize,
    full: bool,
    detail_scroll: u16,
    /// In the full view: the person's open signals and commitments, to open.
    work: Vec<(RecordRef, String)>,
    work_cursor: usize,
    // Trust: conflicts, history, AVG
    retention: avg::Retention,
}

fn view_rows(cx: &Cx, filter_line: bool) -> usize {
    widgets::table_rows(cx.size.height.saturating_sub(2)).saturating_sub(usize::from(filter_line))
}

impl People {
    fn selected(&self) -> Option<&Person> {
        self.list.selected()
    }

    fn filter_shown(&self) -> bool {
        self.list.filter.shown()
    }

    /// People in name order, a page at a time.
    fn pages<'a>(&self, cx: &'a Cx) -> Keyset<'a, String, Person> {
        Keyset::new(
            cx.store,
            self.list.filter.value(),
            |s, f, r, n| s.people_page(f, r, n),
            |s, f, r, n| s.people_page_before(f, r, n),
        )
    }

    /// Reload around the selection, or around `keep` when given.
    fn load(&mut self, cx: &mut Cx, keep: Option<i64>) -> crate::store::Result<()> {
        let view = view_rows(cx, self.filter_shown());
        // Trust: conflicts, history, AVG: the retention review is a short
        // list, held whole.
        if let Some(day) = self.retention.since {
            let rows = cx.store.people_inactive_since(day)?;
            self.total = rows.len();
            let keep = keep.or_else(|| self.selected().map(|p| p.id));
            self.list.hold(rows, view, |p| Some(p.id) == keep);
            return Ok(());
        }
        let margin = cx.list_margin();
        let mut pages = self.pages(cx);
        match keep.map(|id| cx.store.person(id)).transpose()? {
            Some(person) if self.selected().map(|p| p.id) != Some(person.id) => {
                self.list
                    .show(&mut pages, &person, view, |a, b| a.id == b.id)?;
            }
            _ => self
                .list
                .reload(&mut pages, view, margin, |a, b| a.id == b.id)?,
        }
        self.total = cx.store.people_count(&self.list.filter.value())?;
        Ok(())
    }

    /// A new filter: start at the top.
    fn refilter(&mut self, cx: &mut Cx) -> Outcome {
        if self.retention.since.is_some() {
            return self.reload(cx, None);
        }
        let view = view_rows(cx, self.filter_shown());
        let mut pages = self.pages(cx);
        let done = self
            .list
            .top(&mut pages, view)
            .and_then(|()| cx.store.people_count(&self.list.filter.value()));
        match done {
            Ok(total) => {
                self.total = total;
                Outcome::Handled
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn reload(&mut self, cx: &mut Cx, keep: Option<i64>) -> Outcome {
        match self.load(cx, keep) {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn detail_lines(&self, s: &Settings, p: &Person) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", vis(&p.name), p.reference()),
            s.theme.title,
        ))];
        if p.erased {
            lines.push(Line::styled(t(T::Erased), s.theme.mark));
        }
        lines.push(widgets::field(
            s,
            t(T::FieldRole),
            if p.role.is_empty() { "-" } else { &p.role },
        ));
        let org = match (p.org_id, &p.org_name) {
            (Some(id), Some(name)) => format!("{name} (O-{id})"),
            _ => "-".into(),
        };
        lines.push(widgets::field(s, t(T::FieldOrganisation), &org));
        lines.push(widgets::field(
            s,
            t(T::FieldEmail),
            p.email.as_deref().unwrap_or("-"),
        ));
        lines.push(widgets::field(
            s,
            t(T::FieldPhone),
            p.phone.as_deref().unwrap_or("-"),
        ));
        if let Some(u) = &p.username {
            lines.push(widgets::field(s, t(T::FieldUsername), u));
        }
        if !p.districts.is_empty() || !p.themes.is_empty() {
            lines.push(Line::raw(""));
            lines.push(widgets::heading(s, t(T::SectionCovers), None));
            let all = t(T::Any);
            let d = if p.districts.is_empty() {
                all.to_string()
            } else {
                p.districts.join(", ")
            };
            let th = if p.themes.is_empty() {
                all.to_string()
            } else {
                p.themes.join(", ")
            };
            lines.push(widgets::field(s, t(T::FieldDistricts), &d));
            lines.push(widgets::field(s, t(T::FieldThemes), &th));
        }
        if !p.notes.trim().is_empty() {
            lines.push(Line::raw(""));
            lines.push(widgets::heading(s, t(T::FieldNotes), None));
            for l in p.notes.lines() {
                lines.push(Line::raw(format!("  {}", vis(l))));
            }
        }
        lines
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let title = self.list_title(s);
        let legend = Line::from(Span::styled(
            format!(" {} ", t(T::PeopleLegend)),
            s.theme.muted,
        ))
        .right_aligned();
        let block = widgets::block(s, title, !self.full).title_bottom(legend);
        let area = self.list.filter.split(frame, area, s);
        let area = self.draw_retention(frame, area, s);
        // Beside the detail pane, email and phone are shown there.
        let wide = area.width >= 90;
        let row = |p: &Person| {
            let staff = if p.districts.is_empty() && p.themes.is_empty() {
                ""
            } else {
                "*"
            };
            let mut cells = vec![
                Text::from(format!("{}{staff}", vis(&p.name))),
                Text::from(vis(&p.role)),
                Text::from(vis(s.org_names.get(p.org_name.as_deref().unwrap_or("")))),
            ];
            if wide {
                cells.push(Text::from(vis(p.email.as_deref().unwrap_or(""))));
                cells.push(Text::from(vis(p.phone.as_deref().unwrap_or(""))));
            }
            cells
        };
        let mut widths = vec![
            Constraint::Length(20),
            Constraint::Length(15),
            Constraint::Min(14),
        ];
        let mut header = vec![t(T::ColName), t(T::FieldRole), t(T::FieldOrganisation)];
        if wide {
            widths.extend([Constraint::Length(24), Constraint::Length(13)]);
            header.extend([t(T::FieldEmail), t(T::FieldPhone)]);
        }
        let columns = Columns::new(header, widths, 1);
        let empty = Some(t(T::NothingMatches));
        self.list
            .draw_table(frame, area, s, block, columns, row, empty);
    }

    /// The full view of the selected person, with what they have open.
    fn open_full(&mut self, cx: &mut Cx) -> Outcome {
        self.full = true;
        self.detail_scroll = 0;
        self.work_cursor = 0;
        match self.load_work(cx) {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    /// The selected person's open signals (by inbox order) and open commitments.
    fn load_work(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.work.clear();
        let Some(id) = self.selected().map(|p| p.id) else {
            return Ok(());
        };
        let today = cx.store.today();
        let signals = cx.store.inbox_page(
            &crate::store::InboxFilter {
                owner_person_id: Some(id),
                ..Default::default()
            },
            None,
            100,
        )?;
        for r in signals {
            let due = r
                .feedback_due
                .map(|d| {
                    format!(
                        " ({} {}{d})",
                        cx.t(T::Due),
                        if r.overdue { "!" } else { "" }
                    )
                })
                .unwrap_or_default();
            self.work.push((
                RecordRef::new(RecordKind::Signal, r.id),
                format!("S-{} {}{due}", r.id, vis(&r.title)),
            ));
        }
        let commitments = cx.store.commitments(&crate::store::CommitmentFilter {
            owner_person_id: Some(id),
            limit: Some(100),
            ..Default::default()
        })?;
        for c in commitments {
            let late = if c.due < today { "!" } else { "" };
            self.work.push((
                c.reference(),
                format!(
                    "{} {} ({} {late}{})",
                    c.reference(),
                    vis(&c.text.replace('\n', " ")),
                    cx.t(T::Due),
                    c.due
                ),
            ));
        }
        self.work_cursor = self.work_cursor.min(self.work.len().saturating_sub(1));
        Ok(())
    }

    /// Keep the chosen line of the work list on screen.
    fn follow_work(&mut self, cx: &Cx) {
        let base = self
            .selected()
            .map(|p| self.detail_lines(cx.settings, p).len())
            .unwrap_or(0);
        let line = (base + 2 + self.work_cursor) as u16;
        let height = cx.size.height.saturating_sub(5).max(3);
        if line < self.detail_scroll {
            self.detail_scroll = line;
        } else if line >= self.detail_scroll + height {
            self.detail_scroll = line + 1 - height;
        }
    }

    fn draw_detail(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let block = widgets::block(s, format!(" {} ", s.lang.t(T::Detail)), self.full);
        let mut lines = match self.selected() {
            Some(p) => self.detail_lines(s, p),
            None => vec![Line::styled(s.lang.t(T::NothingSelected), s.theme.muted)],
        };
        if self.full && self.selected().is_some() {
            lines.push(Line::raw(""));
            lines.push(widgets::heading(
                s,
                s.lang.t(T::SectionOpenWork),
                Some(self.work.len()),
            ));
            for (i, (_, text)) in self.work.iter().enumerate() {
                let (mark, style) = if i == self.work_cursor {
                    ("> ", s.theme.selected)
                } else {
                    ("  ", s.theme.base)
                };
                lines.push(Line::styled(format!("{mark}{text}"), style));
            }
            if !self.work.is_empty() {
                lines.push(Line::styled(
                    format!(
                        "  {}",
                        crate::tui::widgets::keys_hint(s, T::PersonWorkHint, true)
                    ),
                    s.theme.muted,
                ));
            }
        }
        widgets::paragraph(frame, area, block, lines, self.detail_scroll);
    }

    fn edit(&self, cx: &mut Cx) -> Outcome {
        let Some(p) = self.selected() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        match cx.store.person(p.id) {
            Ok(p) if p.erased => Outcome::error(cx.t(T::ErasedNoEdit)),
            Ok(p) => Outcome::one(Effect::Push(Box::new(person_form::edit_form(&p, cx)))),
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }
}

impl Screen for People {
    fn id(&self) -> &'static str {
        "people"
    }

    fn title(&self) -> T {
        T::ScreenPeople
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        let keep = self.selected().map(|p| p.id);
        self.load(cx, keep)?;
        if self.full {
            self.load_work(cx)?;
        }
        Ok(())
    }

    fn text_entry(&self) -> bool {
        self.list.filter.is_typing() || self.retention.typing
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.retention.typing {
            return self.retention_key(key);
        }
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
        // Trust: conflicts, history, AVG
        if let Some(out) = self.avg_action(action, cx) {
            return out;
        }
        let view = view_rows(cx, self.filter_shown());
        if self.full {
            let has_work = !self.work.is_empty();
            match action {
                Action::Up if has_work => {
                    self.work_cursor = self.work_cursor.saturating_sub(1);
                    self.follow_work(cx);
                }
                Action::Down if has_work => {
                    self.work_cursor = (self.work_cursor + 1).min(self.work.len() - 1);
                    self.follow_work(cx);
                }
                Action::Open if has_work => {
                    let r = self.work[self.work_cursor.min(self.work.len() - 1)].0;
                    return Outcome::one(Effect::Open(r));
                }
                Action::Up => self.detail_scroll = self.detail_scroll.saturating_sub(1),
                Action::Down => self.detail_scroll = self.detail_scroll.saturating_add(1),
                Action::Top => self.detail_scroll = 0,
                Action::Back | Action::Quit | Action::Open => self.full = false,
                Action::Edit => return self.edit(cx),
                Action::New => {
                    return Outcome::one(Effect::Push(Box::new(person_form::new_form(cx))));
                }
                _ => return Outcome::Ignored,
            }
            return Outcome::Handled;
        }
        let mut pages = self.pages(cx);
        match self.list.step(action, &mut pages, view) {
            Ok(true) => {
                self.detail_scroll = 0;
                return Outcome::Handled;
            }
            Ok(false) => {}
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        }
        match self.list.filter.on_action(action, cx.settings) {
            Some(FilterStep::Cleared) => {
                let keep = self.selected().map(|p| p.id);
                return self.reload(cx, keep);
            }
            Some(_) => return Outcome::Handled,
            None => {}
        }
        match action {
            Action::Open if !self.list.is_empty() => self.open_full(cx),
            Action::New => Outcome::one(Effect::Push(Box::new(person_form::new_form(cx)))),
            Action::Edit => self.edit(cx),
            _ => Outcome::Ignored,
        }
    }

    fn show(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if record.kind != RecordKind::Person {
            return false;
        }
        self.full = false;
        if self.load(cx, Some(record.id)).is_err() {
            return false;
        }
        if self.selected().map(|p| p.id) != Some(record.id) {
            // The filter (or the retention review) hides them: narrow to their name.
            match cx.store.person(record.id) {
                Ok(p) => self.list.filter.set(&p.name),
                Err(_) => return false,
            }
            if self.load(cx, Some(record.id)).is_err() {
                return false;
            }
        }
        self.selected().map(|p| p.id) == Some(record.id)
    }

    fn open_record(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if !self.show(record, cx) {
            return false;
        }
        matches!(self.open_full(cx), Outcome::Handled)
    }

    fn restore_form(&self, draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
        person_form::restore(draft, cx)
    }

    fn district_hint(&self) -> Option<String> {
        self.selected().and_then(|p| p.districts.first().cloned())
    }

    // Trust: conflicts, history, AVG
    fn selected(&self) -> Option<RecordRef> {
        People::selected(self).map(|p| p.reference())
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

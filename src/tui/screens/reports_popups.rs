//! The Reports screen's popups: the records behind a figure (Enter opens one), and a
//! period typed as two dates.

use super::reports_doc::Figure;
use crate::domain::RecordRef;
use crate::domain::dates::parse_date;
use crate::domain::report::ReportFilter;
use crate::store::RecordsPage;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::popups::Popup;
use crate::tui::popups::jump::record_title;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, ListCursor, vis};
use crate::tui::worker::RECORDS_PAGE;
use crate::words::T;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

/// Titles are looked up for this many records; further ones show their ID only.
const TITLED: usize = 500;

/// The tag of a typed period handed back to the screen: `from|to`, either may be empty.
pub const PICK_PERIOD_DATES: &str = "report_period_dates";

pub struct Records {
    title: String,
    records: Vec<(String, String)>,
    cursor: ListCursor,
    /// The figure and filter the records are behind, for the pages that follow.
    key: String,
    filter: ReportFilter,
    /// Whether more records follow the last one listed.
    more: bool,
}

impl Records {
    /// The popup from the first page of a figure's records; the rest are read a page
    /// at a time as the cursor comes near the end (all of them on End).
    pub fn new(figure: Figure, filter: ReportFilter, first: RecordsPage, cx: &mut Cx) -> Records {
        let mut popup = Records {
            title: String::new(),
            records: Vec::new(),
            cursor: ListCursor::default(),
            key: figure.key,
            filter,
            more: first.more,
        };
        popup.append(first.ids, cx);
        // The figure's own number while pages are still to come.
        let n = match figure.count {
            Some(n) if popup.more && n > popup.records.len() => n,
            _ => popup.records.len(),
        };
        popup.title = cx.settings.lang.f(
            T::RecordsTitle,
            &[("n", &n), ("figure", &vis(&figure.label))],
        );
        popup
    }

    fn append(&mut self, ids: Vec<String>, cx: &mut Cx) {
        let start = self.records.len();
        self.records
            .extend(ids.into_iter().enumerate().map(|(i, id)| {
                let title = RecordRef::parse(&id, None)
                    .ok()
                    .filter(|_| start + i < TITLED)
                    .and_then(|r| record_title(cx.store, r))
                    .unwrap_or_default();
                (id, title)
            }));
    }

    /// The next page, when more follow; the list stays as it is if it cannot be read.
    fn next_page(&mut self, cx: &mut Cx) {
        if !self.more {
            return;
        }
        let after = self.records.last().map(|(id, _)| id.clone());
        match cx
            .store
            .report_records_page(&self.key, &self.filter, after.as_deref(), RECORDS_PAGE)
        {
            Ok(page) => {
                self.more = page.more;
                self.append(page.ids, cx);
            }
            Err(_) => self.more = false,
        }
    }

    /// The IDs listed, in order (for tests).
    pub fn offered(&self) -> Vec<String> {
        self.records.iter().map(|(id, _)| id.clone()).collect()
    }
}

impl Popup for Records {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize;
        match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::List, Scope::Global], false)
        {
            Some(
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom),
            ) => {
                if matches!(a, Action::Bottom) {
                    while self.more {
                        self.next_page(cx);
                    }
                }
                self.cursor.apply(a, self.records.len(), view);
                if self.cursor.selected + view.max(1) >= self.records.len() {
                    self.next_page(cx);
                }
                Outcome::Handled
            }
            Some(Action::Back) => Outcome::one(Effect::Close),
            Some(Action::Open) => match self
                .records
                .get(self.cursor.selected)
                .and_then(|(id, _)| RecordRef::parse(id, None).ok())
            {
                Some(r) => Outcome::Effects(vec![Effect::Close, Effect::Goto(r)]),
                None => Outcome::Handled,
            },
            Some(Action::Quit) => Outcome::one(Effect::Close),
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 76.min(area.width.saturating_sub(2));
        let height = (self.records.len() as u16 + 3)
            .clamp(6, 24)
            .min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let [list, foot] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::styled(
                crate::tui::widgets::keys_hint(s, T::RecordsFooter, false),
                s.theme.muted,
            )),
            foot,
        );
        if self.records.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.lang.t(T::RecordsNone), s.theme.muted)),
                list,
            );
            return;
        }
        let window = self.cursor.window(self.records.len(), list.height as usize);
        let items: Vec<ListItem> = self.records[window.clone()]
            .iter()
            .map(|(id, title)| {
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{id:<7} "), s.theme.muted),
                    Span::raw(vis(title)),
                ]))
            })
            .collect();
        let mut state =
            ListState::default().with_selected(Some(self.cursor.selected - window.start));
        frame.render_stateful_widget(
            List::new(items).highlight_style(s.theme.selected),
            list,
            &mut state,
        );
    }
}

/// Two dates, typed.
pub struct PeriodDates {
    from: TextInput,
    to: TextInput,
    focus: usize,
    error: Option<String>,
}

impl PeriodDates {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>, s: &Settings) -> PeriodDates {
        let text = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut p = PeriodDates {
            from: TextInput::single(&text(from)),
            to: TextInput::single(&text(to)),
            focus: 0,
            error: None,
        };
        p.restyle(s);
        p
    }

    fn restyle(&mut self, s: &Settings) {
        let t = &s.theme;
        self.from.set_focus(
            self.focus == 0,
            if self.focus == 0 {
                t.input_focus
            } else {
                t.input
            },
            t.cursor,
        );
        self.to.set_focus(
            self.focus == 1,
            if self.focus == 1 {
                t.input_focus
            } else {
                t.input
            },
            t.cursor,
        );
    }

    fn submit(&mut self, cx: &Cx) -> Outcome {
        let today = cx.store.today();
        let lang = cx.settings.lang;
        let parse = |s: String| -> Result<Option<NaiveDate>, String> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                parse_date(&s, today).map(Some).map_err(|e| lang.date(&e))
            }
        };
        let from = match parse(self.from.value()) {
            Ok(d) => d,
            Err(e) => {
                self.error = Some(format!("{}: {e}", cx.t(T::PeriodFrom)));
                return Outcome::Handled;
            }
        };
        let to = match parse(self.to.value()) {
            Ok(d) => d,
            Err(e) => {
                self.error = Some(format!("{}: {e}", cx.t(T::PeriodTo)));
                return Outcome::Handled;
            }
        };
        let text = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        Outcome::Effects(vec![
            Effect::Close,
            Effect::Pick {
                tag: PICK_PERIOD_DATES,
                value: format!("{}|{}", text(from), text(to)),
            },
        ])
    }
}

impl Popup for PeriodDates {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Form, Scope::List], true)
        {
            Some(Action::Back) => return Outcome::one(Effect::Close),
            Some(Action::Open | Action::Save) => return self.submit(cx),
            Some(Action::NextField | Action::PrevField) => {
                self.focus = 1 - self.focus;
                self.restyle(cx.settings);
                return Outcome::Handled;
            }
            _ => {}
        }
        let input = if self.focus == 0 {
            &mut self.from
        } else {
            &mut self.to
        };
        if input.handle_key(key) {
            self.error = None;
            Outcome::Handled
        } else {
            Outcome::Ignored
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        let input = if self.focus == 0 {
            &mut self.from
        } else {
            &mut self.to
        };
        input.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 64.min(area.width.saturating_sub(2));
        let rect = widgets::centered(area, width, 9);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::PeriodTitle));
        let [from, to, msg] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        for (i, (area, label, input)) in [
            (from, T::PeriodFrom, &self.from),
            (to, T::PeriodTo, &self.to),
        ]
        .into_iter()
        .enumerate()
        {
            let [l, f] =
                Layout::horizontal([Constraint::Length(12), Constraint::Min(1)]).areas(area);
            let style = if self.focus == i {
                s.theme.label_focus
            } else {
                s.theme.label
            };
            frame.render_widget(Paragraph::new(Span::styled(s.lang.t(label), style)), l);
            frame.render_widget(input.widget(), f);
        }
        let (text, style) = match &self.error {
            Some(e) => (vis(e), s.theme.error),
            None => (
                crate::tui::widgets::keys_hint(s, T::PeriodHelp, true),
                s.theme.muted,
            ),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, style)).wrap(Wrap { trim: true }),
            msg,
        );
    }
}

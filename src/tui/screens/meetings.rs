//! Meetings: upcoming (planned) first, then held and final ones, newest first; a detail
//! pane with the organisations and their attendance, the agenda and the minutes. Enter
//! opens the minutes editor; `p` prepares a planned meeting, `a` edits the agenda,
//! `A` marks attendance, `h` holds, `F` finalises, `x` exports the minutes.
//!
//! The screen's own keys are the [`Scope::Meetings`] scope, looked up by the shell like
//! every screen's; while "finalise?" is asked, the yes/no scope comes first.

use super::minutes_editor::MinutesEditor;
use super::minutes_parts::status_label;
use super::minutes_popups::{Agenda, Attendance, export};
use super::prepare::Prepare;
use super::{Screen, meeting_form};
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::{RecordKind, RecordRef};
use crate::store::{AgendaItem, Meeting, MeetingOrg, MeetingPerson};
use crate::tui::action::{Action, Scope};
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

pub struct MeetingDetail {
    pub meeting: Meeting,
    pub orgs: Vec<MeetingOrg>,
    /// Everyone on the attendance list: the organisations' people and staff.
    pub people: Vec<MeetingPerson>,
    pub agenda: Vec<AgendaItem>,
    pub lines: usize,
    pub chair: Option<String>,
    pub taker: Option<String>,
    pub draft: bool,
}

#[derive(Default)]
pub struct Meetings {
    list: List<Meeting>,
    /// How many meetings the filter lets through (the list holds a window).
    total: usize,
    detail: Option<MeetingDetail>,
    /// `F` was pressed: the question is on screen, y/n answers it.
    confirm_finalise: bool,
    today: Option<chrono::NaiveDate>,
}

fn view_rows(cx: &Cx) -> usize {
    let body = cx.size.height.saturating_sub(2);
    let list = if cx.size.width >= WIDE {
        body
    } else {
        body / 2
    };
    widgets::table_rows(list)
}

fn same_meeting(a: &Meeting, b: &Meeting) -> bool {
    a.id == b.id
}

impl Meetings {
    fn selected(&self) -> Option<&Meeting> {
        self.list.selected()
    }

    /// Meetings in list order, a page at a time.
    fn pages<'a>(&self, cx: &'a Cx) -> Keyset<'a, String, Meeting> {
        Keyset::new(
            cx.store,
            self.list.filter.value(),
            |s, f, r, n| s.meeting_page(f, r, n),
            |s, f, r, n| s.meeting_page_before(f, r, n),
        )
    }

    /// A new filter: start at the top.
    fn refilter(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        let mut pages = self.pages(cx);
        self.list.top(&mut pages, view_rows(cx))?;
        self.total = cx.store.meeting_count(&self.list.filter.value())?;
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
        let Some(m) = self.selected().cloned() else {
            self.detail = None;
            return Ok(());
        };
        let name = |id: Option<i64>| id.and_then(|p| cx.store.person(p).ok()).map(|p| p.name);
        self.detail = Some(MeetingDetail {
            orgs: cx.store.meeting_orgs(m.id)?,
            people: cx.store.meeting_people(m.id)?,
            agenda: cx.store.agenda(m.id)?,
            lines: cx.store.minutes(m.id)?.len(),
            chair: name(m.chair_id),
            taker: name(m.minute_taker_id),
            draft: cx.store.minute_draft(m.id)?.is_some(),
            meeting: m,
        });
        Ok(())
    }

    /// Reload around the selected meeting (the data or the screen size changed).
    fn load(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.today = Some(cx.store.today());
        let margin = cx.list_margin();
        let mut pages = self.pages(cx);
        self.list
            .reload(&mut pages, view_rows(cx), margin, same_meeting)?;
        self.total = cx.store.meeting_count(&self.list.filter.value())?;
        self.load_detail(cx)
    }

    fn done(r: crate::store::Result<()>, lang: crate::words::Lang) -> Outcome {
        match r {
            Ok(()) => Outcome::Handled,
            Err(e) => Outcome::error(lang.store_error(&e)),
        }
    }

    fn push<P: crate::tui::popups::Popup + 'static>(
        r: crate::store::Result<P>,
        lang: crate::words::Lang,
    ) -> Outcome {
        match r {
            Ok(p) => Outcome::one(Effect::Push(Box::new(p))),
            Err(e) => Outcome::error(lang.store_error(&e)),
        }
    }

    fn step(&mut self, event: MeetingEvent, cx: &mut Cx) -> Outcome {
        let Some(m) = self.selected().cloned() else {
            return Outcome::error(cx.t(T::NothingSelected));
        };
        match cx.store.meeting_step(m.id, event, Some(m.version)) {
            Ok(after) => {
                let lang = cx.settings.lang;
                let message = lang.f(
                    T::MeetingStepped,
                    &[
                        ("id", &after.reference()),
                        ("status", &lang.t(status_label(after.status))),
                    ],
                );
                Outcome::one(Effect::Saved {
                    record: after.reference(),
                    message,
                })
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn detail_lines(&self, s: &Settings, d: &MeetingDetail) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let m = &d.meeting;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} ({})", vis(&m.title), m.reference()),
            s.theme.title,
        ))];
        let mut when = m.starts_at.format("%Y-%m-%d %H:%M").to_string();
        if let Some(e) = m.ends_at {
            when.push_str(&e.format("–%H:%M").to_string());
        }
        let mut status = vec![
            Span::styled(format!("{}: ", t(T::ColStatus)), s.theme.muted),
            Span::raw(t(status_label(m.status))),
        ];
        if self.overdue(m) {
            status.push(Span::styled(
                format!(" {}", t(T::MeetingOverdue)),
                s.theme.mark,
            ));
        }
        lines.push(Line::from(status));
        lines.push(widgets::field(s, t(T::ColWhen), &when));
        lines.push(widgets::field(s, t(T::FieldMeetingKind), &m.kind));
        if !m.location.is_empty() {
            lines.push(widgets::field(s, t(T::FieldLocation), &m.location));
        }
        if let Some(dist) = &m.district {
            lines.push(widgets::field(s, t(T::ColDistrict), dist));
        }
        if let Some(c) = &d.chair {
            lines.push(widgets::field(s, t(T::FieldChair), c));
        }
        if let Some(c) = &d.taker {
            lines.push(widgets::field(s, t(T::FieldMinuteTaker), c));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionAttendance),
            Some(d.orgs.len() + d.people.len()),
        ));
        let mark = |v: Option<bool>| match v {
            Some(true) => ("[x]", t(T::Attended)),
            Some(false) => ("[-]", t(T::Absent)),
            None => ("[ ]", ""),
        };
        for o in &d.orgs {
            let (mark, word) = mark(o.attended);
            lines.push(Line::from(vec![
                Span::raw(format!("  {mark} {}", vis(&o.name))),
                Span::styled(format!(" {word}"), s.theme.muted),
            ]));
        }
        for p in &d.people {
            let (mark, word) = mark(p.attended);
            let of = p
                .org
                .as_deref()
                .or(Some(p.role.as_str()).filter(|r| !r.trim().is_empty()))
                .map(|o| format!(" - {}", vis(o)))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("    {mark} {}", vis(&p.name))),
                Span::styled(format!("{of} {word}"), s.theme.muted),
            ]));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionAgenda),
            Some(d.agenda.len()),
        ));
        for (i, a) in d.agenda.iter().enumerate() {
            lines.push(Line::raw(format!("  {}. {}", i + 1, vis(&a.title))));
        }
        let mut minutes = vec![Span::styled(
            format!("{}: ", t(T::SectionMinutes)),
            s.theme.section,
        )];
        minutes.push(Span::raw(s.lang.f(T::MinutesLines, &[("n", &d.lines)])));
        if d.draft {
            minutes.push(Span::styled(
                format!(" ({})", t(T::MinutesDraftSaved)),
                s.theme.mark,
            ));
        }
        lines.push(Line::from(minutes));
        lines
    }

    /// Planned, but its day has passed.
    fn overdue(&self, m: &Meeting) -> bool {
        m.status == MeetingStatus::Planned && self.today.is_some_and(|d| m.starts_at.date() < d)
    }

    fn draw_list(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let title = format!(" {} ({}) ", t(T::ScreenMeetings), self.total);
        let bottom = if self.confirm_finalise {
            let id = self
                .selected()
                .map(|m| m.reference().to_string())
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(
                    format!(" {} ", s.lang.f(T::MeetingFinaliseQ, &[("id", &id)])),
                    s.theme.error,
                ),
                Span::styled(format!("{} ", crate::tui::widgets::yes_no(s)), s.theme.key),
            ])
        } else {
            Line::from(Span::styled(
                format!(
                    " {} ",
                    crate::tui::widgets::keys_hint(s, T::MeetingsLegend, false)
                ),
                s.theme.muted,
            ))
        };
        let block = widgets::block(s, title, true).title_bottom(bottom);
        let inner_area = self.list.filter.split(frame, area, s);
        let row = |m: &Meeting| {
            let status = t(status_label(m.status));
            let mark = if self.overdue(m) { "!" } else { "" };
            vec![
                Text::from(m.reference().to_string()),
                Text::from(m.starts_at.format("%Y-%m-%d %H:%M").to_string()),
                Text::from(Line::from(vec![
                    Span::styled(
                        status.to_string(),
                        if m.status == MeetingStatus::Planned {
                            s.theme.key
                        } else {
                            s.theme.base
                        },
                    ),
                    Span::styled(mark, s.theme.mark),
                ])),
                Text::from(vis(&m.title)),
            ]
        };
        // IDs are never cut: as wide as the longest held.
        let id_w = self.list.whole_width("", 5, |m| m.reference().to_string());
        let widths = vec![
            Constraint::Length(id_w),
            Constraint::Length(16),
            Constraint::Length(11),
            Constraint::Min(10),
        ];
        let header = vec!["", t(T::ColWhen), t(T::ColStatus), t(T::ColTitle)];
        let columns = Columns::new(header, widths, 4);
        // An empty list shows its empty table: the detail beside it says so.
        self.list
            .draw_table(frame, inner_area, s, block, columns, row, None);
    }

    fn draw_detail(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let block = widgets::block(s, format!(" {} ", s.lang.t(T::Detail)), false);
        let lines = match &self.detail {
            Some(d) => self.detail_lines(s, d),
            None => vec![Line::styled(s.lang.t(T::NothingSelected), s.theme.muted)],
        };
        widgets::paragraph(frame, area, block, lines, 0);
    }
}

impl Screen for Meetings {
    fn id(&self) -> &'static str {
        "meetings"
    }

    fn title(&self) -> T {
        T::ScreenMeetings
    }

    fn refresh(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.load(cx)
    }

    fn text_entry(&self) -> bool {
        self.list.filter.is_typing()
    }

    fn scope(&self) -> Option<Scope> {
        Some(if self.confirm_finalise {
            Scope::Confirm
        } else {
            Scope::Meetings
        })
    }

    fn on_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.list.filter.is_typing() && self.list.filter.key(key) {
            return Self::done(self.refilter(cx), cx.settings.lang);
        }
        Outcome::Handled
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            return Self::done(self.refilter(cx), cx.settings.lang);
        }
        Outcome::Ignored
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> Outcome {
        if self.confirm_finalise {
            self.confirm_finalise = false;
            return if action == Action::Yes {
                self.step(MeetingEvent::Finalise, cx)
            } else {
                Outcome::Handled
            };
        }
        let view = view_rows(cx);
        let mut pages = self.pages(cx);
        match self.list.step(action, &mut pages, view) {
            Ok(true) => return Self::done(self.follow_cursor(cx), cx.settings.lang),
            Ok(false) => {}
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        }
        match self.list.filter.on_action(action, cx.settings) {
            Some(FilterStep::Started) => return Outcome::Handled,
            Some(FilterStep::Done) => return Self::done(self.load_detail(cx), cx.settings.lang),
            Some(FilterStep::Cleared) => return Self::done(self.load(cx), cx.settings.lang),
            None => {}
        }
        let selected = self.selected().map(|m| (m.id, m.status));
        match (action, selected) {
            (Action::New, _) => Outcome::one(Effect::Push(Box::new(meeting_form::new_form(cx)))),
            (Action::Edit, Some((id, _))) => match cx.store.meeting(id) {
                Ok(m) => Outcome::one(Effect::Push(Box::new(meeting_form::edit_form(&m, cx)))),
                Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
            },
            (Action::Open, Some((id, _))) => {
                Self::push(MinutesEditor::open(id, cx), cx.settings.lang)
            }
            (Action::MeetingPrepare, Some((id, MeetingStatus::Planned))) => {
                Self::push(Prepare::open(id, cx), cx.settings.lang)
            }
            (Action::MeetingPrepare, Some((id, status))) => {
                let lang = cx.settings.lang;
                Outcome::error(lang.f(
                    T::PrepareNotPlanned,
                    &[
                        ("id", &RecordRef::new(RecordKind::Meeting, id)),
                        ("status", &lang.t(status_label(status))),
                    ],
                ))
            }
            (Action::MeetingAgenda, Some((id, _))) => {
                Self::push(Agenda::open(id, cx), cx.settings.lang)
            }
            (Action::MeetingFollowUp, Some((id, _))) => match cx.store.meeting(id) {
                Ok(m) => Outcome::one(Effect::Push(Box::new(super::follow_up::form(&m, cx)))),
                Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
            },
            (Action::MeetingAttendance, Some((id, _))) => {
                Self::push(Attendance::open(id, cx), cx.settings.lang)
            }
            (Action::MeetingHold, Some(_)) => self.step(MeetingEvent::Hold, cx),
            // Lines with problems: the editor lists them and asks, and "no" goes to
            // the first of them.
            (Action::MeetingFinalise, Some((id, MeetingStatus::Held)))
                if cx
                    .store
                    .minutes_with_problems(id)
                    .is_ok_and(|l| !l.is_empty()) =>
            {
                match MinutesEditor::open(id, cx) {
                    Ok(mut e) => {
                        e.ask_finalise(cx);
                        Outcome::one(Effect::Push(Box::new(e)))
                    }
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                }
            }
            (Action::MeetingFinalise, Some((_, MeetingStatus::Held))) => {
                self.confirm_finalise = true;
                Outcome::Handled
            }
            // Not held: the store says why not.
            (Action::MeetingFinalise, Some(_)) => self.step(MeetingEvent::Finalise, cx),
            (Action::MeetingExport, Some(_)) => match self.selected().cloned() {
                Some(m) => export(&m, cx),
                None => Outcome::Handled,
            },
            (Action::MeetingCancel, Some(_)) => match self.selected().cloned() {
                Some(m) => super::meeting_mail::cancel(&m, cx),
                None => Outcome::Handled,
            },
            (Action::MeetingInvite, Some((id, _))) => match cx.store.meeting(id) {
                Ok(m) => super::meeting_mail::invite(&m, cx),
                Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
            },
            (
                Action::Edit
                | Action::Open
                | Action::MeetingPrepare
                | Action::MeetingAgenda
                | Action::MeetingAttendance
                | Action::MeetingHold
                | Action::MeetingFinalise
                | Action::MeetingExport
                | Action::MeetingCancel
                | Action::MeetingInvite
                | Action::MeetingFollowUp,
                None,
            ) => Outcome::error(cx.t(T::NothingSelected)),
            _ => Outcome::Ignored,
        }
    }

    fn show(&mut self, record: RecordRef, cx: &mut Cx) -> bool {
        if record.kind != RecordKind::Meeting {
            return false;
        }
        let Ok(meeting) = cx.store.meeting(record.id) else {
            return false;
        };
        let view = view_rows(cx);
        let mut pages = self.pages(cx);
        if self
            .list
            .show(&mut pages, &meeting, view, same_meeting)
            .is_err()
        {
            return false;
        }
        if self.selected().map(|m| m.id) != Some(record.id) {
            // The filter hides it: show the whole list.
            self.list.filter.clear();
            let mut pages = self.pages(cx);
            if self
                .list
                .show(&mut pages, &meeting, view, same_meeting)
                .is_err()
            {
                return false;
            }
        }
        self.total = cx
            .store
            .meeting_count(&self.list.filter.value())
            .unwrap_or(0);
        self.load_detail(cx).is_ok() && self.selected().map(|m| m.id) == Some(record.id)
    }

    fn restore_form(&self, draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
        meeting_form::restore(draft, cx).or_else(|| super::follow_up::restore(draft, cx))
    }

    fn district_hint(&self) -> Option<String> {
        self.selected().and_then(|m| m.district.clone())
    }

    fn selected(&self) -> Option<RecordRef> {
        Meetings::selected(self).map(|m| m.reference())
    }

    fn wants_settle(&self) -> bool {
        self.list.unsettled()
    }

    fn settle(&mut self, cx: &mut Cx) -> bool {
        self.list.unsettled() && self.load_detail(cx).is_ok()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        if area.width >= WIDE {
            let [list, detail] =
                Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                    .areas(area);
            self.draw_list(frame, list, s);
            self.draw_detail(frame, detail, s);
        } else {
            let [list, detail] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(area);
            self.draw_list(frame, list, s);
            self.draw_detail(frame, detail, s);
        }
    }
}

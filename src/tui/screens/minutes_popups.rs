//! Two small popups of a meeting: its agenda (add, rename, reorder, delete) and its
//! attendance (per organisation and per person); and the Markdown export. Closing
//! either popup after a change says so and shows the meeting (the screens behind
//! reload by themselves after every write: see `App::catch_up`).

use crate::store::{AgendaItem, AgendaMove, Meeting, MeetingOrg, MeetingPerson, StoreError};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::popups::Popup;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, ListCursor, vis};
use crate::words::{Lang, T};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The keys a meeting popup understands, as actions.
fn lookup(key: &KeyEvent, cx: &Cx) -> Option<Action> {
    cx.settings
        .keymap
        .lookup_event(key, &[Scope::Meetings, Scope::List, Scope::Global], false)
}

/// The keys of a line typed in a meeting popup (a new agenda item, a name): Enter and
/// Esc by default; plain characters are text.
fn typing(key: &KeyEvent, cx: &Cx) -> Option<Action> {
    cx.settings.keymap.lookup_event(key, &[Scope::List], true)
}

/// Close, and show the meeting with a word that it was saved when something changed.
fn close(changed: bool, meeting: &Meeting, cx: &Cx) -> Outcome {
    if !changed {
        return Outcome::one(Effect::Close);
    }
    let message = cx.settings.lang.f(
        T::SavedChanges,
        &[("id", &meeting.reference()), ("name", &vis(&meeting.title))],
    );
    Outcome::Effects(vec![
        Effect::Close,
        Effect::Saved {
            record: meeting.reference(),
            message,
        },
    ])
}

/// The rows of a list popup with the selection, scrolled into view.
fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    s: &Settings,
    rows: Vec<Line<'static>>,
    selected: usize,
) {
    let h = usize::from(area.height).max(1);
    let offset = selected.saturating_sub(h - 1);
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(h)
        .map(|(i, l)| {
            if i == selected {
                l.style(s.theme.selected)
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

enum Prompt {
    New,
    /// The item and the version the title was read at.
    Rename(i64, i64),
    Delete(AgendaItem),
}

/// A change refused because someone else changed the list meanwhile: the popup is
/// reloaded (the caller does that) and says so; nothing of the user's was saved.
fn conflict_outcome(e: StoreError, lang: Lang) -> Outcome {
    match e {
        StoreError::Conflict(m) => Outcome::error(format!(
            "{} {}",
            lang.problem(&m),
            lang.t(T::ConflictReloadedSignal)
        )),
        e => Outcome::error(lang.store_error(&e)),
    }
}

pub struct Agenda {
    meeting: Meeting,
    items: Vec<AgendaItem>,
    cursor: ListCursor,
    prompt: Option<(Prompt, TextInput)>,
    changed: bool,
}

impl Agenda {
    pub fn open(meeting_id: i64, cx: &mut Cx) -> crate::store::Result<Agenda> {
        Ok(Agenda {
            meeting: cx.store.meeting(meeting_id)?,
            items: cx.store.agenda(meeting_id)?,
            cursor: ListCursor::default(),
            prompt: None,
            changed: false,
        })
    }

    fn reload(&mut self, cx: &mut Cx, select: Option<i64>) -> Outcome {
        self.changed = true;
        match cx.store.agenda(self.meeting.id) {
            Ok(items) => {
                self.items = items;
                if let Some(id) = select
                    && let Some(i) = self.items.iter().position(|a| a.id == id)
                {
                    self.cursor.selected = i;
                }
                self.cursor.clamp(self.items.len(), 10);
                Outcome::Handled
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    fn prompt_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let Some((prompt, input)) = &mut self.prompt else {
            return Outcome::Ignored;
        };
        if let Prompt::Delete(item) = prompt {
            let item = item.clone();
            return match cx.settings.keymap.answer(&key) {
                Some(true) => {
                    self.prompt = None;
                    match cx.store.delete_agenda_item(item.id, Some(item.version)) {
                        Ok(_) => self.reload(cx, None),
                        Err(e) => {
                            let _ = self.reload(cx, None);
                            conflict_outcome(e, cx.settings.lang)
                        }
                    }
                }
                Some(false) => {
                    self.prompt = None;
                    Outcome::Handled
                }
                None => Outcome::Handled,
            };
        }
        match typing(&key, cx) {
            Some(Action::Back) => {
                crate::tui::popups::confirm::discard_or_ask(self.draft().is_some(), cx)
            }
            Some(Action::Open) => {
                let title = input.value();
                let result = match prompt {
                    Prompt::New => cx.store.add_agenda_item(self.meeting.id, &title),
                    Prompt::Rename(id, version) => {
                        cx.store.rename_agenda_item(*id, &title, Some(*version))
                    }
                    Prompt::Delete(_) => return Outcome::Handled,
                };
                match result {
                    Ok(item) => {
                        self.prompt = None;
                        self.reload(cx, Some(item.id))
                    }
                    Err(StoreError::Conflict(m)) => {
                        // Keep what was typed; the list shows their title now, and
                        // Enter again puts the typed one over it.
                        let id = match prompt {
                            Prompt::Rename(id, _) => Some(*id),
                            _ => None,
                        };
                        let _ = self.reload(cx, id);
                        if let Some((Prompt::Rename(id, version), _)) = &mut self.prompt
                            && let Some(now) = self.items.iter().find(|a| a.id == *id)
                        {
                            *version = now.version;
                        }
                        Outcome::error(format!(
                            "{} {}",
                            cx.settings.lang.problem(&m),
                            cx.settings.keymap.fill(cx.t(T::ConflictKeptTyped), true)
                        ))
                    }
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                }
            }
            _ => {
                input.handle_key(key);
                Outcome::Handled
            }
        }
    }

    fn start_prompt(&mut self, prompt: Prompt, value: &str, s: &Settings) {
        let mut input = TextInput::single(value);
        input.focus(true, &s.theme);
        self.prompt = Some((prompt, input));
    }
}

impl Agenda {
    /// The agenda again with the title that was being typed (a kept draft).
    pub fn restore(draft: &crate::tui::popups::form::FormDraft, cx: &mut Cx) -> Option<Agenda> {
        let mut a = Agenda::open(draft.id?, cx).ok()?;
        let title = draft.values.get("title").cloned().unwrap_or_default();
        let prompt = match (draft.subject, draft.subject_version) {
            (Some(item), Some(version)) => Prompt::Rename(item, version),
            _ => Prompt::New,
        };
        a.start_prompt(prompt, &title, cx.settings);
        Some(a)
    }
}

impl Popup for Agenda {
    fn discard(&mut self, _cx: &mut Cx) -> Outcome {
        if self.prompt.take().is_some() {
            return Outcome::Handled;
        }
        Outcome::one(Effect::Close)
    }

    fn draft(&self) -> Option<crate::tui::popups::form::FormDraft> {
        let (prompt, input) = self.prompt.as_ref()?;
        let title = input.value();
        let (subject, subject_version) = match prompt {
            Prompt::New if !title.trim().is_empty() => (None, None),
            Prompt::Rename(id, version)
                if self.items.iter().any(|a| a.id == *id && a.title != title) =>
            {
                (Some(*id), Some(*version))
            }
            _ => return None,
        };
        let mut values = std::collections::BTreeMap::new();
        values.insert("title".to_string(), title);
        Some(crate::tui::popups::form::FormDraft {
            kind: "agenda".into(),
            id: Some(self.meeting.id),
            values,
            subject,
            subject_version,
            ..Default::default()
        })
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.prompt.is_some() {
            return self.prompt_key(key, cx);
        }
        let selected = self.items.get(self.cursor.selected).cloned();
        let action = lookup(&key, cx);
        if let Some(a) = action
            && self.cursor.apply(a, self.items.len(), 10)
        {
            return Outcome::Handled;
        }
        match (action, selected) {
            (Some(Action::Back | Action::Quit), _) => close(self.changed, &self.meeting, cx),
            (Some(Action::New), _) => {
                self.start_prompt(Prompt::New, "", cx.settings);
                Outcome::Handled
            }
            (Some(Action::Edit | Action::Open), Some(item)) => {
                self.start_prompt(
                    Prompt::Rename(item.id, item.version),
                    &item.title,
                    cx.settings,
                );
                Outcome::Handled
            }
            (Some(Action::MeetingDelete), Some(item)) => {
                self.prompt = Some((Prompt::Delete(item), TextInput::default()));
                Outcome::Handled
            }
            (Some(a @ (Action::MeetingItemUp | Action::MeetingItemDown)), Some(item)) => {
                let dir = if a == Action::MeetingItemUp {
                    AgendaMove::Up
                } else {
                    AgendaMove::Down
                };
                match cx.store.move_agenda_item(item.id, dir, Some(item.version)) {
                    Ok(_) => self.reload(cx, Some(item.id)),
                    Err(e) => {
                        let _ = self.reload(cx, Some(item.id));
                        conflict_outcome(e, cx.settings.lang)
                    }
                }
            }
            (Some(Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh), _) => {
                Outcome::Ignored
            }
            _ => Outcome::Handled,
        }
    }

    fn text_entry(&self) -> bool {
        matches!(self.prompt, Some((Prompt::New | Prompt::Rename(..), _)))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let height = (self.items.len() as u16 + 6).clamp(9, area.height.saturating_sub(2));
        let rect = widgets::centered(area, 72, height);
        let title = s
            .lang
            .f(T::AgendaTitle, &[("id", &self.meeting.reference())]);
        let inner = widgets::popup_frame(frame, rect, s, &title);
        let [list, prompt, footer] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        if self.items.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(t(T::AgendaEmpty), s.theme.muted)),
                list,
            );
        } else {
            let rows = self
                .items
                .iter()
                .enumerate()
                .map(|(i, a)| Line::raw(format!("{:>2}. {}", i + 1, vis(&a.title))))
                .collect();
            draw_rows(frame, list, s, rows, self.cursor.selected);
        }
        if let Some((p, input)) = &self.prompt {
            let label = match p {
                Prompt::New => t(T::AgendaNewPrompt).to_string(),
                Prompt::Rename(..) => t(T::AgendaRenamePrompt).to_string(),
                Prompt::Delete(item) => s.lang.f(T::AgendaDeleteQ, &[("title", &vis(&item.title))]),
            };
            let [l, f] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(prompt);
            frame.render_widget(Paragraph::new(Span::styled(label, s.theme.label_focus)), l);
            if matches!(p, Prompt::Delete(_)) {
                frame.render_widget(
                    Paragraph::new(Span::styled(crate::tui::widgets::yes_no(s), s.theme.key)),
                    f,
                );
            } else {
                frame.render_widget(input.widget(), f);
            }
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                crate::tui::widgets::keys_hint(s, T::AgendaFooter, false),
                s.theme.muted,
            )),
            footer,
        );
    }
}

/// One row of the attendance list.
#[derive(Debug, Clone)]
enum Who {
    Org(MeetingOrg),
    Person(MeetingPerson),
}

pub struct Attendance {
    meeting: Meeting,
    rows: Vec<Who>,
    cursor: ListCursor,
    changed: bool,
    /// `n`: someone to add by name, username or P- number (staff as well).
    adding: Option<TextInput>,
}

impl Attendance {
    pub fn open(meeting_id: i64, cx: &mut Cx) -> crate::store::Result<Attendance> {
        let mut a = Attendance {
            meeting: cx.store.meeting(meeting_id)?,
            rows: Vec::new(),
            cursor: ListCursor::default(),
            changed: false,
            adding: None,
        };
        a.load(cx)?;
        Ok(a)
    }

    /// The organisations, then the people marked so far and the people of the
    /// organisations invited.
    fn load(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        let orgs = cx.store.meeting_orgs(self.meeting.id)?;
        let mut people = cx.store.meeting_people(self.meeting.id)?;
        for o in &orgs {
            for p in cx.store.people("", Some(o.org_id), 50)? {
                if !people.iter().any(|m| m.person_id == p.id) {
                    people.push(MeetingPerson {
                        person_id: p.id,
                        name: p.name.clone(),
                        org: Some(o.name.clone()),
                        role: p.role.clone(),
                        attended: None,
                        version: 0,
                    });
                }
            }
        }
        self.rows = orgs.into_iter().map(Who::Org).collect();
        self.rows.extend(people.into_iter().map(Who::Person));
        Ok(())
    }

    fn toggle(&mut self, cx: &mut Cx) -> Outcome {
        let Some(row) = self.rows.get(self.cursor.selected).cloned() else {
            return Outcome::Handled;
        };
        let next = |v: Option<bool>| match v {
            None => Some(true),
            Some(true) => Some(false),
            Some(false) => None,
        };
        let result = match row {
            Who::Org(o) => cx.store.set_attendance(
                self.meeting.id,
                o.org_id,
                next(o.attended),
                Some(o.version),
            ),
            Who::Person(p) => cx.store.set_person_attendance(
                self.meeting.id,
                p.person_id,
                next(p.attended),
                Some(p.version),
            ),
        };
        self.changed = true;
        let reloaded = self.load(cx);
        match result.and(reloaded) {
            Ok(()) => Outcome::Handled,
            Err(e) => conflict_outcome(e, cx.settings.lang),
        }
    }

    /// `d` on a person: take them off the list (an organisation stays: it is invited).
    fn remove(&mut self, cx: &mut Cx) -> Outcome {
        let Some(Who::Person(p)) = self.rows.get(self.cursor.selected).cloned() else {
            return Outcome::Handled;
        };
        if p.version == 0 {
            return Outcome::Handled;
        }
        let result = cx
            .store
            .remove_meeting_person(self.meeting.id, p.person_id, Some(p.version));
        self.changed = true;
        let reloaded = self.load(cx);
        self.cursor.clamp(self.rows.len(), 10);
        match result.and(reloaded) {
            Ok(()) => Outcome::Handled,
            Err(e) => conflict_outcome(e, cx.settings.lang),
        }
    }

    /// Enter in the `n` prompt: put the person on the list as present. What was typed
    /// stays while it names nobody, or more than one.
    fn add(&mut self, cx: &mut Cx) -> Outcome {
        let Some(input) = &self.adding else {
            return Outcome::Handled;
        };
        let typed = input.value();
        let id = match cx.store.resolve_person(typed.trim()) {
            Ok(id) => id,
            Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
        };
        let listed = self.rows.iter().find_map(|r| match r {
            Who::Person(p) if p.person_id == id => Some(p.version),
            _ => None,
        });
        if let Some(v) = listed
            && v > 0
        {
            self.adding = None;
            self.select_person(id);
            return Outcome::error(
                cx.settings
                    .lang
                    .f(T::AttendanceListed, &[("name", &vis(typed.trim()))]),
            );
        }
        let result = cx
            .store
            .set_person_attendance(self.meeting.id, id, Some(true), Some(0));
        self.changed = true;
        let reloaded = self.load(cx);
        match result.and(reloaded) {
            Ok(()) => {
                self.adding = None;
                self.select_person(id);
                Outcome::Handled
            }
            Err(e) => conflict_outcome(e, cx.settings.lang),
        }
    }

    fn select_person(&mut self, id: i64) {
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| matches!(r, Who::Person(p) if p.person_id == id))
        {
            self.cursor.selected = i;
        }
    }

    fn adding_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match typing(&key, cx) {
            Some(Action::Back) => {
                let typed = self
                    .adding
                    .as_ref()
                    .is_some_and(|i| !i.value().trim().is_empty());
                crate::tui::popups::confirm::discard_or_ask(typed, cx)
            }
            Some(Action::Open) => self.add(cx),
            _ => {
                if let Some(input) = &mut self.adding {
                    input.handle_key(key);
                }
                Outcome::Handled
            }
        }
    }
}

impl Popup for Attendance {
    fn discard(&mut self, _cx: &mut Cx) -> Outcome {
        if self.adding.take().is_some() {
            return Outcome::Handled;
        }
        Outcome::one(Effect::Close)
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.adding.is_some() {
            return self.adding_key(key, cx);
        }
        let action = lookup(&key, cx);
        let view = usize::from(cx.size.height.saturating_sub(8));
        if let Some(a) = action
            && self.cursor.apply(a, self.rows.len(), view)
        {
            return Outcome::Handled;
        }
        match action {
            Some(Action::MeetingSelect | Action::Open) => self.toggle(cx),
            Some(Action::New) => {
                let mut input = TextInput::single("");
                input.focus(true, &cx.settings.theme);
                self.adding = Some(input);
                Outcome::Handled
            }
            Some(Action::MeetingDelete) => self.remove(cx),
            Some(Action::Back | Action::Quit | Action::MeetingAttendance) => {
                close(self.changed, &self.meeting, cx)
            }
            Some(Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh) => {
                Outcome::Ignored
            }
            _ => Outcome::Handled,
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let _ = self.load(cx);
    }

    fn text_entry(&self) -> bool {
        self.adding.is_some()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let height = (self.rows.len() as u16 + 7).min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, 76, height);
        let title = s
            .lang
            .f(T::AttendanceTitle, &[("id", &self.meeting.reference())]);
        let inner = widgets::popup_frame(frame, rect, s, &title);
        let prompt_height = if self.adding.is_some() { 2 } else { 0 };
        let [list, prompt, footer] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(prompt_height),
            Constraint::Length(1),
        ])
        .areas(inner);
        let mark = |v: Option<bool>| match v {
            Some(true) => ("[x]", t(T::Attended)),
            Some(false) => ("[-]", t(T::Absent)),
            None => ("[ ]", ""),
        };
        let rows = self
            .rows
            .iter()
            .map(|r| match r {
                Who::Org(o) => {
                    let (m, w) = mark(o.attended);
                    Line::from(vec![
                        Span::raw(format!("{m} ")),
                        Span::styled(vis(&o.name), s.theme.title),
                        Span::styled(format!(" {w}"), s.theme.muted),
                    ])
                }
                Who::Person(p) => {
                    let (m, w) = mark(p.attended);
                    // Staff without an organisation are known by their role.
                    let org = p
                        .org
                        .as_deref()
                        .or(Some(p.role.as_str()).filter(|r| !r.trim().is_empty()))
                        .map(|o| format!(" - {}", vis(o)))
                        .unwrap_or_default();
                    Line::from(vec![
                        Span::raw(format!("  {m} {}", vis(&p.name))),
                        Span::styled(format!("{org} {w}"), s.theme.muted),
                    ])
                }
            })
            .collect();
        draw_rows(frame, list, s, rows, self.cursor.selected);
        if let Some(input) = &self.adding {
            let [l, f] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(prompt);
            frame.render_widget(
                Paragraph::new(Span::styled(t(T::AttendanceAddPrompt), s.theme.label_focus)),
                l,
            );
            frame.render_widget(input.widget(), f);
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                crate::tui::widgets::keys_hint(s, T::AttendanceFooter, false),
                s.theme.muted,
            )),
            footer,
        );
    }
}

/// Write the minutes as Markdown into the current directory, never over a file.
pub fn export(meeting: &Meeting, cx: &mut Cx) -> Outcome {
    let lang = match cx.settings.lang {
        Lang::En => crate::domain::minutes_export::Lang::En,
        Lang::Nl => crate::domain::minutes_export::Lang::Nl,
    };
    let md = match cx.store.minutes_markdown(meeting.id, lang) {
        Ok(md) => md,
        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
    };
    let dir = std::env::current_dir().unwrap_or_default();
    let base = format!(
        "minutes-M-{}-{}",
        meeting.id,
        meeting.starts_at.format("%Y-%m-%d")
    );
    let mut path = dir.join(format!("{base}.md"));
    let mut n = 2;
    // Private, never over an existing file or through a planted link.
    let mut written = crate::files::write_new(&path, md.as_bytes());
    while matches!(&written, Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists) && n < 1000 {
        path = dir.join(format!("{base}-{n}.md"));
        n += 1;
        written = crate::files::write_new(&path, md.as_bytes());
    }
    match written {
        Ok(()) => Outcome::one(Effect::Status(
            cx.settings
                .lang
                .f(T::MinutesExported, &[("path", &path.display())]),
        )),
        Err(e) => Outcome::error(format!("{}: {e}", path.display())),
    }
}

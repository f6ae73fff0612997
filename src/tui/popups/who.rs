//! Who does what ("bij wie moet je zijn?"): pick a district, then a theme, each with a
//! fuzzy picker, and see the contact persons who cover them with role, organisation,
//! email and phone. The results follow the pickers as you move. Enter on a contact
//! opens that person (with their open signals and commitments); opened on a signal,
//! a key gives the signal to the chosen contact.

use super::Popup;
use super::conflict::{Choice as ConflictChoice, ConflictRow, ConflictView};
use crate::domain::{RecordKind, RecordRef};
use crate::store::{Owner, Person, StoreError};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::fuzzy;
use crate::tui::list::{self, Items, List};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

/// One fuzzy picker over a list of names; the first entry ("") means any.
struct Picker {
    items: Vec<String>,
    /// The matching names, by their place in `items`.
    list: List<usize>,
}

impl Picker {
    fn new(mut items: Vec<String>) -> Picker {
        items.insert(0, String::new());
        let list = List::held((0..items.len()).collect());
        Picker { items, list }
    }

    fn chosen(&self) -> String {
        self.list
            .selected()
            .map(|&i| self.items[i].clone())
            .unwrap_or_default()
    }

    fn refilter(&mut self) {
        let q = self.list.filter.value();
        let shown = if q.trim().is_empty() {
            (0..self.items.len()).collect()
        } else {
            let items: Vec<&str> = self.items.iter().map(String::as_str).collect();
            let ranked = fuzzy::rank_or_near(&q, &items);
            ranked.into_iter().filter(|&i| i != 0).collect()
        };
        self.list.restart(shown);
    }

    fn select(&mut self, name: &str) {
        if let Some(pos) = self
            .list
            .rows()
            .iter()
            .position(|&i| self.items[i].eq_ignore_ascii_case(name))
        {
            self.list.select_at(pos);
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings, title: &str, focused: bool) {
        let block = widgets::block(s, format!(" {title} "), focused);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        self.list.filter.draw(frame, q, s, "> ");
        let item = |&i: &usize| {
            let name = &self.items[i];
            if name.is_empty() {
                ListItem::new(Span::styled(s.lang.t(T::Any), s.theme.muted))
            } else {
                ListItem::new(vis(name))
            }
        };
        self.list.draw_items(frame, list, s, item, Items::default());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    District,
    Theme,
    Results,
}

/// The signal the popup was opened on, as it was read.
struct Target {
    id: i64,
    version: i64,
    /// Its owner then, for the conflict dialog.
    owner: String,
}

pub struct Who {
    district: Picker,
    theme: Picker,
    pane: Pane,
    results: List<Person>,
    error: Option<String>,
    target: Option<Target>,
    /// Someone else changed the signal: their owner beside the chosen one.
    conflict: Option<(ConflictView, i64)>,
}

impl Who {
    /// Opens on the district of what was selected, if any.
    pub fn new(cx: &mut Cx, district_hint: Option<String>) -> crate::store::Result<Who> {
        let (districts, themes) = cx.store.districts_and_themes()?;
        let mut who = Who {
            district: Picker::new(districts),
            theme: Picker::new(themes),
            pane: Pane::District,
            results: List::default(),
            error: None,
            target: None,
            conflict: None,
        };
        if let Some(d) = district_hint {
            who.district.select(&d);
        }
        who.restyle(cx.settings);
        who.lookup(cx);
        Ok(who)
    }

    /// Opened on a signal: start at its district and theme, and offer to give it to
    /// the contact chosen.
    pub fn for_signal(mut self, cx: &mut Cx, id: i64) -> crate::store::Result<Who> {
        let sig = cx.store.signal(id)?;
        if let Some(d) = &sig.district {
            self.district.select(d);
        }
        if let Some(t) = &sig.theme {
            self.theme.select(t);
        }
        self.target = Some(Target {
            id,
            version: sig.version,
            owner: cx.store.owner_label(sig.owner())?,
        });
        self.lookup(cx);
        Ok(self)
    }

    /// The signal a contact can be given, if the popup was opened on one (for tests).
    pub fn target(&self) -> Option<RecordRef> {
        self.target
            .as_ref()
            .map(|t| RecordRef::new(RecordKind::Signal, t.id))
    }

    /// The conflict dialog, when one is open (for tests).
    pub fn conflict(&self) -> Option<&ConflictView> {
        self.conflict.as_ref().map(|(v, _)| v)
    }

    /// Give the target signal to person `person`, at the version it was read.
    fn assign(&mut self, cx: &mut Cx, person: i64) -> Outcome {
        let lang = cx.settings.lang;
        let Some(t) = &self.target else {
            return Outcome::error(cx.t(T::WhoNoSignal));
        };
        let owner = Owner {
            person_id: Some(person),
            org_id: None,
        };
        match cx.store.assign_signal(t.id, owner, Some(t.version)) {
            Ok(s) => {
                let label = cx.store.owner_label(s.owner()).unwrap_or_default();
                Outcome::Effects(vec![
                    Effect::Close,
                    Effect::Saved {
                        record: s.reference(),
                        message: lang
                            .f(T::WhoAssigned, &[("id", &s.reference()), ("owner", &label)]),
                    },
                ])
            }
            Err(StoreError::Conflict(_)) => {
                let id = RecordRef::new(RecordKind::Signal, t.id);
                let mine = cx
                    .store
                    .owner_label(owner)
                    .unwrap_or_else(|_| format!("P-{person}"));
                let theirs = cx
                    .store
                    .signal(t.id)
                    .and_then(|sig| cx.store.owner_label(sig.owner()))
                    .unwrap_or_default();
                let row = ConflictRow {
                    key: "owner",
                    label: T::ColOwner,
                    base: t.owner.clone(),
                    mine,
                    theirs,
                    options: Vec::new(),
                };
                let msg = lang.f(T::WhoConflict, &[("id", &id)]);
                self.conflict = Some((ConflictView::new(msg, vec![row]), person));
                Outcome::Handled
            }
            Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
        }
    }

    /// A key in the conflict dialog: overwrite with the chosen contact, or keep theirs.
    fn on_conflict_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let Some((view, person)) = self.conflict.as_mut() else {
            return Outcome::Ignored;
        };
        let person = *person;
        let choice = view.handle_key(key, cx);
        if choice == ConflictChoice::Stay {
            return Outcome::Handled;
        }
        self.conflict = None;
        // Either way the signal's version now is the one to write over.
        if let Some(t) = self.target.as_mut() {
            match cx.store.signal(t.id) {
                Ok(sig) => {
                    t.version = sig.version;
                    t.owner = cx.store.owner_label(sig.owner()).unwrap_or_default();
                }
                Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
            }
        }
        match choice {
            ConflictChoice::Overwrite => self.assign(cx, person),
            _ => Outcome::Effects(vec![Effect::Status(
                cx.t(T::WhoConflictReloaded).to_string(),
            )]),
        }
    }

    fn restyle(&mut self, s: &Settings) {
        let on = |p| self.pane == p;
        let (d, t) = (on(Pane::District), on(Pane::Theme));
        self.district.list.filter.set_look(
            d,
            if d { s.theme.input_focus } else { s.theme.base },
            s.theme.cursor,
        );
        self.theme.list.filter.set_look(
            t,
            if t { s.theme.input_focus } else { s.theme.base },
            s.theme.cursor,
        );
    }

    fn lookup(&mut self, cx: &mut Cx) {
        match cx
            .store
            .who_does_what(&self.district.chosen(), &self.theme.chosen())
        {
            Ok(r) => {
                self.results.restart(r);
                self.error = None;
            }
            Err(e) => {
                self.results.restart(self.results.rows().to_vec());
                self.error = Some(cx.settings.lang.store_error(&e));
            }
        }
    }

    /// The people shown now (for tests).
    pub fn results(&self) -> &[Person] {
        self.results.rows()
    }

    fn picker(&mut self) -> Option<&mut Picker> {
        match self.pane {
            Pane::District => Some(&mut self.district),
            Pane::Theme => Some(&mut self.theme),
            Pane::Results => None,
        }
    }
}

impl Popup for Who {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.conflict.is_some() {
            return self.on_conflict_key(key, cx);
        }
        let view = 8;
        let text = self.pane != Pane::Results;
        let action =
            cx.settings
                .keymap
                .lookup_event(&key, &[Scope::Who, Scope::List, Scope::Form], text);
        let chosen = (self.pane == Pane::Results)
            .then(|| self.results.selected().map(|p| p.id))
            .flatten();
        let out = match action {
            Some(Action::Open) if chosen.is_some() => {
                let person = chosen.unwrap_or_default();
                Outcome::Effects(vec![
                    Effect::Close,
                    Effect::Open(RecordRef::new(RecordKind::Person, person)),
                ])
            }
            Some(Action::WhoAssign) if self.pane == Pane::Results => match chosen {
                Some(p) => self.assign(cx, p),
                None => Outcome::Handled,
            },
            Some(a) if list::moves(a) => {
                match self.picker() {
                    Some(p) => {
                        p.list.step_held(a, view);
                        self.lookup(cx);
                    }
                    None => {
                        self.results.step_held(a, view);
                    }
                }
                Outcome::Handled
            }
            Some(Action::Open | Action::NextField) => {
                self.pane = match self.pane {
                    Pane::District => Pane::Theme,
                    Pane::Theme | Pane::Results => Pane::Results,
                };
                Outcome::Handled
            }
            Some(Action::PrevField) => {
                self.pane = match self.pane {
                    Pane::Results => Pane::Theme,
                    _ => Pane::District,
                };
                Outcome::Handled
            }
            Some(Action::Back | Action::Quit) => match self.pane {
                Pane::District => Outcome::one(Effect::Close),
                Pane::Theme => {
                    self.pane = Pane::District;
                    Outcome::Handled
                }
                Pane::Results => {
                    self.pane = Pane::Theme;
                    Outcome::Handled
                }
            },
            Some(Action::QuitNow | Action::Suspend) => Outcome::Ignored,
            _ => {
                if let Some(p) = self.picker()
                    && p.list.filter.key(key)
                {
                    p.refilter();
                    self.lookup(cx);
                }
                Outcome::Handled
            }
        };
        self.restyle(cx.settings);
        out
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if let Some(p) = self.picker()
            && p.list.filter.paste(text)
        {
            p.refilter();
            self.lookup(cx);
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        self.pane != Pane::Results
    }

    fn refresh(&mut self, cx: &mut Cx) {
        self.lookup(cx);
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let width = 100.min(area.width.saturating_sub(2));
        let height = 32.min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, t(T::WhoTitle));
        let pick_h = (inner.height / 2).clamp(4, 10);
        let [pickers, results, footer] = Layout::vertical([
            Constraint::Length(pick_h),
            Constraint::Min(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        let [dl, tl] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(pickers);
        self.district.draw(
            frame,
            dl,
            s,
            t(T::PickDistrict),
            self.pane == Pane::District,
        );
        self.theme
            .draw(frame, tl, s, t(T::PickTheme), self.pane == Pane::Theme);
        let d = self.district.chosen();
        let th = self.theme.chosen();
        let label = |v: &str| {
            if v.is_empty() {
                t(T::Any).to_string()
            } else {
                vis(v)
            }
        };
        let title = format!(
            " {}: {} / {} ({}) ",
            t(T::WhoContacts),
            label(&d),
            label(&th),
            self.results.rows().len()
        );
        let block = widgets::block(s, title, self.pane == Pane::Results);
        let list_area = block.inner(results);
        frame.render_widget(block, results);
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(Span::styled(e.clone(), s.theme.error)),
                list_area,
            );
        } else if self.results.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(t(T::WhoNobody), s.theme.muted)),
                list_area,
            );
        } else {
            let item = |p: &Person| {
                let role = if p.role.is_empty() {
                    String::new()
                } else {
                    format!(", {}", vis(&p.role))
                };
                let org = p
                    .org_name
                    .as_deref()
                    .map(|o| format!(" - {}", vis(o)))
                    .unwrap_or_default();
                let contact = [p.email.as_deref(), p.phone.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>();
                ListItem::new(vec![
                    Line::from(vec![
                        Span::styled(vis(&p.name), s.theme.title),
                        Span::raw(format!("{role}{org}")),
                    ]),
                    Line::from(Span::raw(format!("    {}", vis(&contact.join("  "))))),
                ])
            };
            let look = Items {
                lines: 2,
                unfocused: self.pane != Pane::Results,
                ..Items::default()
            };
            self.results.draw_items(frame, list_area, s, item, look);
        }
        if self.pane == Pane::Results && !self.results.is_empty() {
            let mut spans = Vec::new();
            if let Some(k) = s.keymap.first(Action::Open) {
                spans.extend(widgets::hint(s, k, t(T::WhoOpenPerson)));
            }
            let give = self.target.as_ref().map(|tg| {
                s.lang.f(
                    T::WhoAssignTo,
                    &[("id", &RecordRef::new(RecordKind::Signal, tg.id))],
                )
            });
            if let (Some(k), Some(g)) = (s.keymap.first(Action::WhoAssign), give.as_deref()) {
                spans.extend(widgets::hint(s, k, g));
            }
            if let Some(k) = s.keymap.first(Action::Back) {
                spans.extend(widgets::hint(s, k, t(T::WhoBack)));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), footer);
        } else {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    widgets::keys_hint(s, T::WhoFooter, true),
                    s.theme.muted,
                )),
                footer,
            );
        }
        if let Some((view, _)) = &self.conflict {
            view.draw(frame, area, s);
        }
    }
}

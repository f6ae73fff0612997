//! Triage one signal, or every marked one: owner (fuzzy over people and services),
//! theme, expectation and the feedback due date. The due date shown is the one in
//! force, and it stays unless the user types another (2026-02-01, +14d, +2w, fri/vr);
//! moving it later needs a reason, and the move goes on the timeline. Messages stand
//! next to the field they are about; with several signals each is triaged in its own
//! transaction (an empty due date keeps each one's own).

//!
//! Split by job: this file holds the popup's state and keys; [`choices`] who may own
//! the work and whether a signal may be triaged now; [`save`] the triage itself, a
//! conflict's merge and the report; [`draw`] the drawing.

mod choices;
mod draw;
mod save;

pub use choices::{check, owner_choices};
pub use save::finish;

use super::Popup;
use super::picker::{Choice, PickKey, Picker};
use crate::domain::signal::SignalEvent;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Outcome};
use crate::tui::input::TextInput;
use crate::tui::keymap::arrow_down;
use crate::tui::settings::Settings;
use crate::tui::terms;
use crate::words::T;
use chrono::Duration;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

const OWNER: usize = 0;
const THEME: usize = 1;
const EXPECTATION: usize = 2;
const DUE: usize = 3;
const REASON: usize = 4;
const FIELDS: usize = 5;
const LIST_ROWS: u16 = 5;

pub struct TriagePopup {
    /// Signals and the version each was read at.
    targets: Vec<(i64, i64)>,
    title: String,
    owner: Picker,
    theme: Picker,
    expectation: TextInput,
    due: TextInput,
    /// The due date in force when the popup opened (one signal).
    current_due: Option<chrono::NaiveDate>,
    /// For echoing the date the due field understood.
    today: chrono::NaiveDate,
    reason: TextInput,
    focus: usize,
    errors: [Option<String>; FIELDS],
    message: Option<String>,
    /// A theme not on the list, asked about before saving.
    ask_new: Option<crate::store::UnknownTerm>,
    /// The fields as opened: a draft is kept only of what was changed.
    initial: std::collections::BTreeMap<String, String>,
}

impl TriagePopup {
    /// Refuses up front (with the reason) when the first signal cannot be triaged.
    pub fn new(cx: &mut Cx, ids: Vec<i64>) -> Result<TriagePopup, String> {
        let first = *ids
            .first()
            .ok_or_else(|| cx.t(T::NothingSelected).to_string())?;
        let mut targets = Vec::new();
        let mut refused = Vec::new();
        for id in &ids {
            match check(cx, *id, SignalEvent::Triage) {
                Ok(s) => targets.push((s.id, s.version)),
                Err(why) => refused.push(why),
            }
        }
        if targets.is_empty() {
            return Err(refused.join("; "));
        }
        let sig = cx
            .store
            .signal(first)
            .map_err(|e| cx.settings.lang.store_error(&e))?;
        let lang = cx.settings.lang;
        let title = if ids.len() == 1 {
            lang.f(
                T::TriageTitle,
                &[("id", &sig.reference()), ("title", &sig.title)],
            )
        } else {
            lang.f(T::TriageManyTitle, &[("n", &targets.len())])
        };
        let mut owners = owner_choices(cx).map_err(|e| cx.settings.lang.store_error(&e))?;
        if ids.len() == 1 {
            choices::suggest_first(cx, &sig, &mut owners)
                .map_err(|e| cx.settings.lang.store_error(&e))?;
        }
        let (_, themes) = cx
            .store
            .districts_and_themes()
            .map_err(|e| cx.settings.lang.store_error(&e))?;
        let mut owner = Picker::new(owners);
        let mut theme = Picker::new(
            themes
                .into_iter()
                .map(|t| Choice::new(t.clone(), t))
                .collect(),
        );
        if ids.len() == 1 {
            let current = match (sig.owner_person_id, sig.owner_org_id) {
                (Some(p), _) => Some(format!("P-{p}")),
                (None, Some(o)) => Some(format!("O-{o}")),
                _ => None,
            };
            if let Some(v) = current {
                owner.set_query(&v);
                owner.select_value(&v);
            }
            if let Some(t) = &sig.theme {
                theme.set_query(t);
                theme.select_value(t);
            }
        }
        let current_due = if ids.len() == 1 {
            sig.feedback_due.or_else(|| {
                Some(cx.store.today() + Duration::days(cx.settings.loop_cfg.feedback_days))
            })
        } else {
            None
        };
        let due = current_due.map(|d| d.to_string()).unwrap_or_default();
        let mut p = TriagePopup {
            targets,
            title,
            owner,
            theme,
            expectation: TextInput::new(
                sig.expectation
                    .as_deref()
                    .filter(|_| ids.len() == 1)
                    .unwrap_or(""),
                true,
            ),
            due: TextInput::single(&due),
            current_due: current_due.filter(|_| sig.feedback_due.is_some()),
            today: cx.store.today(),
            reason: TextInput::single(""),
            focus: OWNER,
            errors: Default::default(),
            message: (!refused.is_empty()).then(|| refused.join("; ")),
            ask_new: None,
            initial: Default::default(),
        };
        p.initial = p.fields();
        p.restyle(cx.settings);
        Ok(p)
    }

    /// The fields as typed, by name (for the draft).
    fn fields(&self) -> std::collections::BTreeMap<String, String> {
        let mut v = std::collections::BTreeMap::new();
        v.insert("owner".into(), self.owner.query());
        if let Some(c) = self.owner.selected() {
            v.insert("owner.value".into(), c.value.clone());
        }
        v.insert("theme".into(), self.theme.query());
        v.insert("expectation".into(), self.expectation.value());
        v.insert("due".into(), self.due.value());
        v.insert("reason".into(), self.reason.value());
        v
    }

    /// The popup again on the signals of a kept draft, with what was typed.
    pub fn restore(cx: &mut Cx, draft: &super::form::FormDraft) -> Option<TriagePopup> {
        let ids = crate::drafts::ids(draft);
        let mut p = TriagePopup::new(cx, ids).ok()?;
        p.restore_values(&draft.values);
        p.message = Some(cx.t(T::DraftWaiting).to_string());
        p.restyle(cx.settings);
        Some(p)
    }

    /// The message over the fields, e.g. the question before a new theme is added (for tests).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The message next to a field (for tests).
    pub fn error(&self, field: usize) -> Option<&str> {
        self.errors.get(field).and_then(|e| e.as_deref())
    }

    fn restyle(&mut self, s: &Settings) {
        self.owner.set_focus(self.focus == OWNER, s);
        self.theme.set_focus(self.focus == THEME, s);
        for (i, input) in [
            (EXPECTATION, &mut self.expectation),
            (DUE, &mut self.due),
            (REASON, &mut self.reason),
        ] {
            let on = self.focus == i;
            let style = if on {
                s.theme.input_focus
            } else {
                s.theme.input
            };
            input.set_focus(on, style, s.theme.cursor);
        }
    }
    fn field_error(&mut self, field: usize, msg: String) -> Outcome {
        self.errors[field] = Some(msg);
        self.focus = field;
        Outcome::Handled
    }
}

impl Popup for TriagePopup {
    fn draft(&self) -> Option<super::form::FormDraft> {
        let values = self.fields();
        if values == self.initial {
            return None;
        }
        Some(crate::drafts::draft_of("triage", &self.targets, values))
    }

    fn restore_values(&mut self, values: &std::collections::BTreeMap<String, String>) {
        let get = |k: &str| values.get(k).cloned().unwrap_or_default();
        self.owner.set_query(&get("owner"));
        if let Some(v) = values.get("owner.value") {
            self.owner.select_value(v);
        }
        self.theme.set_query(&get("theme"));
        self.theme.select_value(&get("theme"));
        self.expectation.set_value(&get("expectation"));
        if values.contains_key("due") {
            self.due.set_value(&get("due"));
        }
        self.reason.set_value(&get("reason"));
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if let Some(u) = self.ask_new.take() {
            let out = match cx.settings.keymap.answer(&key) {
                Some(true) => match terms::add(cx.store, &u) {
                    Ok(_) => {
                        self.message = None;
                        self.submit(cx)
                    }
                    Err(e) => self.field_error(THEME, cx.settings.lang.store_error(&e)),
                },
                Some(false) => {
                    self.message = None;
                    self.field_error(THEME, terms::declined(cx.settings.lang, &u))
                }
                None => {
                    self.ask_new = Some(u);
                    Outcome::Handled
                }
            };
            self.restyle(cx.settings);
            return out;
        }
        let out = match cx.settings.keymap.lookup_event(&key, &[Scope::Form], true) {
            // Up and Down move in the open list of a picker.
            Some(Action::NextField) if arrow_down(&key).is_none() => {
                self.focus = (self.focus + 1) % FIELDS;
                Outcome::Handled
            }
            Some(Action::PrevField) if arrow_down(&key).is_none() => {
                self.focus = (self.focus + FIELDS - 1) % FIELDS;
                Outcome::Handled
            }
            Some(Action::Save) => self.submit(cx),
            _ => {
                let picker = match self.focus {
                    OWNER => Some(&mut self.owner),
                    THEME => Some(&mut self.theme),
                    _ => None,
                };
                match picker {
                    Some(p) => match p.handle_key(key, cx, LIST_ROWS as usize) {
                        PickKey::Chosen(c) => {
                            p.set_query(&c.label);
                            p.select_value(&c.value);
                            self.errors[self.focus] = None;
                            self.focus += 1;
                            Outcome::Handled
                        }
                        PickKey::Cancel => {
                            super::confirm::discard_or_ask(self.draft().is_some(), cx)
                        }
                        PickKey::Changed => {
                            self.errors[self.focus] = None;
                            Outcome::Handled
                        }
                        PickKey::Ignored => Outcome::Ignored,
                    },
                    None => {
                        let single_line = matches!(self.focus, DUE | REASON);
                        let input = match self.focus {
                            DUE => &mut self.due,
                            REASON => &mut self.reason,
                            _ => &mut self.expectation,
                        };
                        match cx.settings.keymap.lookup_event(&key, &[Scope::List], true) {
                            Some(Action::Back) => {
                                super::confirm::discard_or_ask(self.draft().is_some(), cx)
                            }
                            Some(Action::Open) if single_line => self.submit(cx),
                            Some(Action::Down | Action::Up) if single_line => Outcome::Handled,
                            _ => {
                                if input.handle_key(key) {
                                    self.errors[self.focus] = None;
                                }
                                Outcome::Handled
                            }
                        }
                    }
                }
            }
        };
        self.restyle(cx.settings);
        out
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match self.focus {
            OWNER => self.owner.paste(text),
            THEME => self.theme.paste(text),
            EXPECTATION => {
                self.expectation.paste(text);
            }
            DUE => {
                self.due.paste(text);
            }
            _ => {
                self.reason.paste(text);
            }
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }
    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        self.render(frame, area, s);
    }
}

//! A generic form: labelled fields, a validation message next to the field it is
//! about, Tab/Shift-Tab (and Down/Up) between fields, Enter on the last field or
//! Ctrl-S saves, Esc asks before throwing typed text away. What saving means is the
//! [`FormHandler`]'s business (one per record kind, next to its screen).
//!
//! Here: the form's keys and saving. Its fields are in `field`, its drawing in
//! `draw`, the dialog for a record someone else saved meanwhile in `conflict`.

use super::Popup;
use super::confirm::Confirm;
use super::conflict::ConflictView;
use crate::domain::RecordRef;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::keymap::Key;
use crate::tui::settings::Settings;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::BTreeMap;

mod conflict;
mod draw;
mod field;

use field::Field;
pub use field::{Echo, FieldKind, FieldSpec};

/// The values of a form by field key.
#[derive(Debug, Clone, Default)]
pub struct FormValues(pub BTreeMap<String, String>);

impl FormValues {
    /// The trimmed value of a field ("" when there is no such field).
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(|s| s.trim()).unwrap_or("")
    }

    /// The value, or `None` when blank.
    pub fn opt(&self, key: &str) -> Option<String> {
        Some(self.get(key).to_string()).filter(|s| !s.is_empty())
    }

    /// A comma-separated list.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.get(key)
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// Why a form was not saved.
#[derive(Debug, Clone, PartialEq)]
pub enum FormError {
    /// About one field: shown next to it.
    Field(&'static str, String),
    /// About the whole form.
    General(String),
    /// Someone else changed the record meanwhile; the typed values stay.
    Conflict(String),
    /// A district, neighbourhood or theme not on its list: the form asks whether to
    /// add it, and saves again when the answer is yes.
    NewTerm(crate::store::UnknownTerm),
}

/// Saves a form: one per kind of record.
pub trait FormHandler {
    /// Validate and save; on success the record and a message for the status line.
    fn submit(
        &mut self,
        values: &FormValues,
        cx: &mut Cx,
    ) -> Result<(RecordRef, String), FormError>;
    /// The draft kind, e.g. "organisation", matched by a screen's `restore_form`.
    fn draft_kind(&self) -> &'static str;
    /// The record being edited and the version it was read at (None for a new one).
    fn editing(&self) -> Option<(i64, i64)>;

    /// What the form is about, for its draft: by default the record it edits.
    fn subject(&self) -> Option<(i64, i64)> {
        self.editing()
    }

    // Trust: conflicts, history, AVG
    /// After a [`FormError::Conflict`]: reload the record, take its version as the one
    /// the next save is made against, and return its values by field key, as the
    /// form's fields would hold them. `None` (the default, or the record is gone):
    /// the form only says that it changed.
    fn current(&mut self, _cx: &mut Cx) -> Option<BTreeMap<String, String>> {
        None
    }
}

pub use crate::drafts::FormDraft;

pub struct Form {
    title: String,
    fields: Vec<Field>,
    focus: usize,
    handler: Box<dyn FormHandler>,
    message: Option<(bool, String)>,
    // Trust: conflicts, history, AVG
    conflict: Option<ConflictView>,
    /// A name not on its list that the form asks about before saving again.
    ask_new: Option<crate::store::UnknownTerm>,
}

impl Form {
    pub fn new(
        title: impl Into<String>,
        specs: Vec<FieldSpec>,
        handler: Box<dyn FormHandler>,
        s: &Settings,
    ) -> Form {
        let fields = specs
            .into_iter()
            .map(|spec| {
                let multiline = matches!(spec.kind, FieldKind::Multiline(_));
                let choice = match &spec.kind {
                    FieldKind::Choice(options) => {
                        options.iter().position(|o| o.0 == spec.value).unwrap_or(0)
                    }
                    _ => 0,
                };
                let input = TextInput::new(&spec.value, multiline);
                let picker = match &spec.kind {
                    FieldKind::Pick(items, _) => Some(super::picker::Picker::new(items.clone())),
                    _ => None,
                };
                let mut f = Field {
                    input,
                    choice,
                    initial: String::new(),
                    error: None,
                    echo: None,
                    picker,
                    fresh: false,
                    spec,
                };
                if f.picker.is_some() {
                    let v = f.spec.value.clone();
                    f.set(&v);
                }
                f.initial = f.value();
                f
            })
            .collect();
        let mut form = Form {
            title: title.into(),
            fields,
            focus: 0,
            handler,
            message: None,
            conflict: None,
            ask_new: None,
        };
        form.restyle(s);
        form
    }

    /// Make the field `key` echo the date (or date and time) it understood.
    pub fn with_echo(mut self, key: &str, echo: Echo) -> Form {
        for f in self.fields.iter_mut().filter(|f| f.spec.key == key) {
            f.echo = Some(echo);
        }
        self
    }

    /// Put typed values back (a restored draft); the form then counts as changed.
    pub fn with_values(mut self, values: &BTreeMap<String, String>) -> Form {
        for f in &mut self.fields {
            if let Some(v) = values.get(f.spec.key) {
                f.set(v);
            }
        }
        self
    }

    pub fn with_message(mut self, msg: impl Into<String>) -> Form {
        self.message = Some((false, msg.into()));
        self
    }

    pub fn values(&self) -> FormValues {
        FormValues(
            self.fields
                .iter()
                .map(|f| (f.spec.key.to_string(), f.value()))
                .collect(),
        )
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.value() != f.initial)
    }

    /// The message next to a field, if any (for tests).
    pub fn error(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.spec.key == key)
            .and_then(|f| f.error.as_deref())
    }

    fn restyle(&mut self, s: &Settings) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            let focused = i == self.focus;
            let style = if focused {
                s.theme.input_focus
            } else {
                s.theme.input
            };
            f.input.set_focus(focused, style, s.theme.cursor);
            if let Some(p) = &mut f.picker {
                p.set_focus(focused, s);
            }
        }
    }

    /// A key for a focused pick field: typing and moving in its list, Enter takes the
    /// highlighted item and goes on. `None`: the form's own key (Tab, Ctrl-S, Esc).
    fn pick_key(&mut self, key: KeyEvent, action: Option<Action>, cx: &mut Cx) -> Option<Outcome> {
        let i = self.focus;
        let FieldKind::Pick(_, rows) = self.fields.get(i)?.spec.kind else {
            return None;
        };
        let arrow = crate::tui::keymap::is_vertical_arrow(&key);
        match action {
            Some(Action::NextField | Action::PrevField) if !arrow => return None,
            Some(Action::Save | Action::Back) => return None,
            _ => {}
        }
        let field = &mut self.fields[i];
        let fresh = std::mem::take(&mut field.fresh);
        let picker = field.picker.as_mut()?;
        let letter = crate::tui::keymap::typed_char(&key).is_some();
        if fresh && letter {
            picker.set_query("");
        }
        Some(match picker.handle_key(key, cx, usize::from(rows)) {
            super::picker::PickKey::Chosen(c) => {
                field.set(&c.value);
                field.error = None;
                if self.focus + 1 == self.fields.len() {
                    self.submit(cx)
                } else {
                    self.move_focus(true);
                    Outcome::Handled
                }
            }
            super::picker::PickKey::Changed => {
                field.error = None;
                Outcome::Handled
            }
            super::picker::PickKey::Cancel => self.cancel(cx),
            super::picker::PickKey::Ignored => Outcome::Handled,
        })
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.fields[self.focus].fresh = true;
    }

    fn submit(&mut self, cx: &mut Cx) -> Outcome {
        for f in &mut self.fields {
            f.error = None;
        }
        self.message = None;
        let values = self.values();
        match self.handler.submit(&values, cx) {
            Ok((record, message)) => {
                Outcome::Effects(vec![Effect::Close, Effect::Saved { record, message }])
            }
            Err(FormError::Field(key, msg)) => {
                if let Some(i) = self.fields.iter().position(|f| f.spec.key == key) {
                    self.fields[i].error = Some(msg);
                    self.focus = i;
                    self.message = Some((true, cx.t(T::FormNotSaved).to_string()));
                } else {
                    self.message = Some((true, msg));
                }
                Outcome::Handled
            }
            Err(FormError::General(msg)) => {
                self.message = Some((true, msg));
                Outcome::Handled
            }
            Err(FormError::NewTerm(u)) => {
                let prefix = crate::tui::terms::field_prefix(u.kind);
                if let Some(i) = self
                    .fields
                    .iter()
                    .position(|f| f.spec.key.starts_with(prefix))
                {
                    self.focus = i;
                }
                self.message = Some((false, crate::tui::terms::question(cx.settings.lang, &u)));
                self.ask_new = Some(u);
                Outcome::Handled
            }
            Err(FormError::Conflict(msg)) => {
                match self.handler.current(cx) {
                    Some(theirs) => self.conflict = Some(self.conflict_view(msg, &theirs)),
                    None => {
                        let keep = cx.settings.keymap.fill(cx.t(T::FormConflict), true);
                        self.message = Some((true, format!("{msg} {keep}")))
                    }
                }
                Outcome::Handled
            }
        }
    }

    fn cancel(&mut self, cx: &mut Cx) -> Outcome {
        if self.is_dirty() {
            let confirm = Confirm::new(cx.t(T::FormDiscard), vec![Effect::Close]);
            Outcome::one(Effect::Push(Box::new(confirm)))
        } else {
            Outcome::one(Effect::Close)
        }
    }

    /// A key on a choice field: the choice scope's keys step through the options, and
    /// a typed letter picks the first option it starts.
    fn edit_choice(
        field: &mut Field,
        key: &KeyEvent,
        keymap: &crate::tui::keymap::KeyMap,
        lang_label: impl Fn(T) -> &'static str,
    ) -> bool {
        let FieldKind::Choice(options) = &field.spec.kind else {
            return false;
        };
        let n = options.len().max(1);
        let action = keymap.lookup_event(key, &[Scope::Choice], false);
        match (action, crate::tui::keymap::typed_char(key)) {
            (Some(Action::ChoiceNext), _) => field.choice = (field.choice + 1) % n,
            (Some(Action::ChoicePrev), _) => field.choice = (field.choice + n - 1) % n,
            (_, Some(c)) => {
                let c = c.to_lowercase().next().unwrap_or(c);
                match options.iter().position(|o| {
                    o.0.starts_with(c) || lang_label(o.1).to_lowercase().starts_with(c)
                }) {
                    Some(i) => field.choice = i,
                    None => return false,
                }
            }
            _ => return false,
        }
        true
    }
}

impl Popup for Form {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if self.conflict.is_some() {
            return self.on_conflict_key(key, cx);
        }
        if let Some(u) = self.ask_new.take() {
            let out = match cx.settings.keymap.answer(&key) {
                Some(true) => match crate::tui::terms::add(cx.store, &u) {
                    Ok(_) => self.submit(cx),
                    Err(e) => {
                        self.message = Some((true, cx.settings.lang.store_error(&e)));
                        Outcome::Handled
                    }
                },
                Some(false) => {
                    let msg = crate::tui::terms::declined(cx.settings.lang, &u);
                    if let Some(f) = self.fields.get_mut(self.focus) {
                        f.error = Some(msg.clone());
                    }
                    self.message = Some((true, msg));
                    Outcome::Handled
                }
                None => {
                    self.ask_new = Some(u);
                    Outcome::Handled
                }
            };
            self.restyle(cx.settings);
            return out;
        }
        // Up and Down move between the lines of a field of several lines, and on to
        // the field before or after from its first or last line.
        if let Some(field) = self.fields.get_mut(self.focus)
            && field.input.is_multiline()
            && let Some(down) = crate::tui::keymap::arrow_down(&key)
        {
            let (row, _) = field.input.cursor();
            let last = field.input.line_count().saturating_sub(1);
            if (!down && row > 0) || (down && row < last) {
                field.input.handle_key(key);
                return Outcome::Handled;
            }
        }
        let action = cx
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Form, Scope::List], true);
        if let Some(out) = self.pick_key(key, action, cx) {
            self.restyle(cx.settings);
            return out;
        }
        let out = match action {
            Some(Action::NextField) => {
                self.move_focus(true);
                Outcome::Handled
            }
            Some(Action::PrevField) => {
                self.move_focus(false);
                Outcome::Handled
            }
            Some(Action::Save) => self.submit(cx),
            Some(Action::Back) => self.cancel(cx),
            Some(Action::Open) => {
                let field = &mut self.fields[self.focus];
                if field.input.is_multiline() {
                    field.input.handle_key(key);
                    Outcome::Handled
                } else if self.focus + 1 == self.fields.len() {
                    self.submit(cx)
                } else {
                    self.move_focus(true);
                    Outcome::Handled
                }
            }
            Some(_) => Outcome::Ignored,
            None => {
                // Global keys that make sense over a form (quit now, suspend) go to the shell.
                if !Key::from_event(&key).is_text()
                    && cx
                        .settings
                        .keymap
                        .lookup_event(&key, &[Scope::Global], true)
                        .is_some()
                {
                    return Outcome::Ignored;
                }
                let lang = cx.settings.lang;
                let field = &mut self.fields[self.focus];
                let changed = if matches!(field.spec.kind, FieldKind::Choice(_)) {
                    Form::edit_choice(field, &key, &cx.settings.keymap, |t| lang.t(t))
                } else {
                    field.input.handle_key(key)
                };
                if changed {
                    field.error = None;
                }
                Outcome::Handled
            }
        };
        self.restyle(cx.settings);
        out
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.conflict.is_some() {
            return Outcome::Handled;
        }
        let field = &mut self.fields[self.focus];
        if let Some(p) = &mut field.picker {
            p.paste(text);
            field.error = None;
        } else if !matches!(field.spec.kind, FieldKind::Choice(_)) && field.input.paste(text) {
            field.error = None;
        }
        self.restyle(cx.settings);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draft(&self) -> Option<FormDraft> {
        if !self.is_dirty() {
            return None;
        }
        let (id, version) = match self.handler.editing() {
            Some((id, v)) => (Some(id), Some(v)),
            None => (None, None),
        };
        Some(FormDraft {
            kind: self.handler.draft_kind().to_string(),
            id,
            version,
            db: String::new(),
            values: self.values().0,
            account: String::new(),
            subject: self.handler.subject().map(|s| s.0),
            subject_version: self.handler.subject().map(|s| s.1),
        })
    }

    fn restore_values(&mut self, values: &BTreeMap<String, String>) {
        for f in &mut self.fields {
            if let Some(v) = values.get(f.spec.key) {
                f.set(v);
            }
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        self.render(frame, area, s);
    }
}

//! One definition for the forms that add and edit a record (organisation, person,
//! meeting). Each kind declares what differs — its fields, the fields it requires,
//! its checks, its draft kind and its save — as a [`RecordForm`]; what is the same
//! (the new and edit forms, reopening a draft, the version the save is made against,
//! reloading after someone else's change, the status line's words) is written once
//! here.

use crate::domain::RecordRef;
use crate::store::StoreError;
use crate::tui::component::Cx;
use crate::tui::popups::form::{
    Echo, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};
use crate::words::{Lang, T};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One kind of record as a form: its declaration.
pub trait RecordForm: 'static {
    /// The record as the form reads it, with whatever else its fields show (a
    /// meeting's organisations and people by name).
    type Record: 'static;
    /// What the checks worked out from the typed values for the save (a number, the
    /// ids names stand for).
    type Checked;

    /// The draft kind, matched when a kept draft is reopened.
    const DRAFT_KIND: &'static str;
    /// The title of the form for a new record.
    const NEW_TITLE: T;
    /// Fields that may not be left empty, in the order they are checked.
    const REQUIRED: &'static [&'static str];
    /// Words in the store's refusals that name a field: (word, field key).
    const STORE_FIELDS: &'static [(crate::domain::Field, &'static str)];

    /// The record `id` as it is now.
    fn load(cx: &Cx, id: i64) -> crate::store::Result<Self::Record>;
    /// Which record it is and the version it was read at.
    fn stamp(r: &Self::Record) -> (RecordRef, i64);
    /// The fields, filled from the record (or the defaults of a new one).
    fn fields(r: Option<&Self::Record>) -> Vec<FieldSpec>;
    /// Date fields that show, while focused, the date they understood.
    fn echoes(_today: NaiveDate) -> Vec<(&'static str, Echo)> {
        Vec::new()
    }
    /// The validation hook: refusals beside their field, after the required fields.
    fn check(v: &FormValues, cx: &mut Cx) -> Result<Self::Checked, FormError>;
    /// Store a new record (`original` is `None`) or the fields that changed, against
    /// `version`; the record's reference and name for the status line.
    fn save(
        v: &FormValues,
        checked: Self::Checked,
        original: Option<&Self::Record>,
        version: i64,
        cx: &mut Cx,
    ) -> crate::store::Result<(RecordRef, String)>;
}

/// The form for a new record of kind `F`.
pub fn new_form<F: RecordForm>(cx: &Cx) -> Form {
    let handler = Handler::<F> {
        original: None,
        version: 0,
    };
    with_echoes::<F>(
        Form::new(
            cx.t(F::NEW_TITLE),
            F::fields(None),
            Box::new(handler),
            cx.settings,
        ),
        cx,
    )
}

/// The form that edits `r`, saved against `version` (the one it was read at).
pub fn edit_form<F: RecordForm>(r: F::Record, version: i64, cx: &Cx) -> Form {
    let title = format!("{} {}", cx.t(T::EditTitle), F::stamp(&r).0);
    let specs = F::fields(Some(&r));
    let handler = Handler::<F> {
        original: Some(r),
        version,
    };
    with_echoes::<F>(Form::new(title, specs, Box::new(handler), cx.settings), cx)
}

/// A kept draft of kind `F` in its form again (`None`: not this kind, or its record
/// is gone). An edit keeps the version it was typed against, so that a change made
/// since is a conflict rather than silently overwritten.
pub fn restore<F: RecordForm>(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != F::DRAFT_KIND {
        return None;
    }
    let form = match draft.id {
        None => new_form::<F>(cx),
        Some(id) => {
            let r = F::load(cx, id).ok()?;
            let version = draft.version.unwrap_or(F::stamp(&r).1);
            edit_form::<F>(r, version, cx)
        }
    };
    Some(
        form.with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

fn with_echoes<F: RecordForm>(mut form: Form, cx: &Cx) -> Form {
    for (key, echo) in F::echoes(cx.store.today()) {
        form = form.with_echo(key, echo);
    }
    form
}

/// Saves a form of kind `F`.
struct Handler<F: RecordForm> {
    /// The record as read (None: a new one).
    original: Option<F::Record>,
    /// The version the next save is made against.
    version: i64,
}

impl<F: RecordForm> Handler<F> {
    /// Read the record again and save against its version from now on; its values.
    fn reload(&mut self, cx: &mut Cx) -> Option<BTreeMap<String, String>> {
        let now = F::load(cx, F::stamp(self.original.as_ref()?).0.id).ok()?;
        let values = F::fields(Some(&now))
            .into_iter()
            .map(|f| (f.key.to_string(), f.value))
            .collect();
        self.version = F::stamp(&now).1;
        self.original = Some(now);
        Some(values)
    }
}

impl<F: RecordForm> FormHandler for Handler<F> {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        if let Some(key) = F::REQUIRED.iter().copied().find(|k| v.get(k).is_empty()) {
            return Err(FormError::Field(key, lang.t(T::ErrRequired).to_string()));
        }
        let checked = F::check(v, cx)?;
        match F::save(v, checked, self.original.as_ref(), self.version, cx) {
            Ok((r, name)) => {
                let key = if self.original.is_some() {
                    T::SavedChanges
                } else {
                    T::Created
                };
                Ok((r, lang.f(key, &[("id", &r), ("name", &name)])))
            }
            Err(e) => {
                if matches!(e, StoreError::Conflict(_)) {
                    // Saving again applies these values over the other change, knowingly.
                    self.reload(cx);
                }
                Err(store_error(e, F::STORE_FIELDS, lang))
            }
        }
    }

    fn draft_kind(&self) -> &'static str {
        F::DRAFT_KIND
    }

    fn editing(&self) -> Option<(i64, i64)> {
        self.original
            .as_ref()
            .map(|r| (F::stamp(r).0.id, self.version))
    }

    // Trust: conflicts, history, AVG
    fn current(&mut self, cx: &mut Cx) -> Option<BTreeMap<String, String>> {
        self.reload(cx)
    }
}

/// Checks that need no database, in the user's language.
pub fn check_email(v: &FormValues, key: &'static str, lang: Lang) -> Result<(), FormError> {
    let e = v.get(key);
    if !e.is_empty()
        && (!e.contains('@')
            || e.contains(char::is_whitespace)
            || e.starts_with('@')
            || e.ends_with('@'))
    {
        return Err(FormError::Field(key, lang.t(T::ErrEmail).to_string()));
    }
    Ok(())
}

/// A store error as a form error, in `lang`: beside the field `fields` maps the
/// problem's field to, else about the whole form.
pub fn store_error(
    e: StoreError,
    fields: &[(crate::domain::Field, &'static str)],
    lang: Lang,
) -> FormError {
    let problem = match e {
        StoreError::Conflict(_) => return FormError::Conflict(lang.t(T::ErrConflict).to_string()),
        StoreError::UnknownTerm(u) => return FormError::NewTerm(u),
        StoreError::Invalid(p) => p,
        StoreError::Refused(r) => r.0,
        other => return FormError::General(lang.store_error(&other)),
    };
    let key = problem
        .field()
        .and_then(|f| fields.iter().find(|(field, _)| *field == f))
        .map(|(_, key)| *key);
    let said = lang.problem(&problem);
    match key {
        Some(k) => FormError::Field(k, said),
        None => FormError::General(said),
    }
}

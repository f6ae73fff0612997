//! The person form: new and edit. Staff's districts and themes are comma-separated.

use super::org_form::{check_email, store_error};
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::store::{NewPerson, Person, PersonEdit, StoreError};
use crate::tui::action::Cx;
use crate::tui::i18n::T;
use crate::tui::popups::form::{
    FieldKind, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};

pub const DRAFT_KIND: &str = "person";

fn specs(p: Option<&Person>, org: Option<String>) -> Vec<FieldSpec> {
    let s = |f: fn(&Person) -> Option<String>| p.and_then(f).unwrap_or_default();
    vec![
        FieldSpec::text("name", T::FieldName, s(|p| Some(p.name.clone()))),
        FieldSpec::text(
            "org",
            T::FieldOrganisation,
            org.or_else(|| p.and_then(|p| p.org_name.clone()))
                .unwrap_or_default(),
        ),
        FieldSpec::text("role", T::FieldRole, s(|p| Some(p.role.clone()))),
        FieldSpec::text("email", T::FieldEmail, s(|p| p.email.clone())),
        FieldSpec::text("phone", T::FieldPhone, s(|p| p.phone.clone())),
        FieldSpec::text("username", T::FieldUsername, s(|p| p.username.clone())),
        FieldSpec {
            key: "notes",
            label: T::FieldNotes,
            kind: FieldKind::Multiline(2),
            value: s(|p| Some(p.notes.clone())),
        },
        FieldSpec::text(
            "districts",
            T::FieldDistricts,
            s(|p| Some(p.districts.join(", "))),
        ),
        FieldSpec::text("themes", T::FieldThemes, s(|p| Some(p.themes.join(", ")))),
    ]
}

/// A new person, optionally in an organisation (by name).
pub fn new_form(org: Option<String>, cx: &Cx) -> Form {
    let handler = PersonForm {
        id: None,
        version: 0,
        original: None,
    };
    Form::new(
        cx.t(T::NewPerson),
        specs(None, org),
        Box::new(handler),
        cx.settings,
    )
}

pub fn edit_form(p: &Person, cx: &Cx) -> Form {
    let handler = PersonForm {
        id: Some(p.id),
        version: p.version,
        original: Some(p.clone()),
    };
    Form::new(
        format!("{} {}", cx.t(T::EditTitle), p.reference()),
        specs(Some(p), None),
        Box::new(handler),
        cx.settings,
    )
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != DRAFT_KIND {
        return None;
    }
    let form = match draft.id {
        None => new_form(None, cx),
        Some(id) => {
            let mut p = cx.store.person(id).ok()?;
            p.version = draft.version.unwrap_or(p.version);
            edit_form(&p, cx)
        }
    };
    Some(
        form.with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

struct PersonForm {
    id: Option<i64>,
    version: i64,
    original: Option<Person>,
}

const STORE_FIELDS: &[(Field, &str)] = &[
    (Field::Email, "email"),
    (Field::Phone, "phone"),
    (Field::Username, "username"),
    (Field::Org, "org"),
    (Field::PersonName, "name"),
];

impl FormHandler for PersonForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        if v.get("name").is_empty() {
            return Err(FormError::Field("name", lang.t(T::ErrRequired).to_string()));
        }
        check_email(v, "email", lang)?;
        if !v
            .get("phone")
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(FormError::Field("phone", lang.t(T::ErrPhone).to_string()));
        }
        let org_id = match v.opt("org") {
            None => None,
            Some(o) => match cx.store.resolve_org(&o) {
                Ok(id) => Some(id),
                Err(e) => return Err(FormError::Field("org", cx.settings.lang.store_error(&e))),
            },
        };
        let result = match (&self.id, &self.original) {
            (Some(id), Some(orig)) => {
                let changed = |new: &str, old: Option<&str>| {
                    (new != old.unwrap_or("")).then(|| new.to_string())
                };
                let edit = PersonEdit {
                    name: changed(v.get("name"), Some(&orig.name)),
                    org_id: (org_id != orig.org_id).then_some(org_id),
                    role: changed(v.get("role"), Some(&orig.role)),
                    email: changed(v.get("email"), orig.email.as_deref()),
                    phone: changed(v.get("phone"), orig.phone.as_deref()),
                    username: changed(v.get("username"), orig.username.as_deref()),
                    districts: (v.list("districts") != orig.districts).then(|| v.list("districts")),
                    themes: (v.list("themes") != orig.themes).then(|| v.list("themes")),
                    notes: changed(v.get("notes"), Some(orig.notes.trim())),
                };
                cx.store.edit_person(*id, edit, Some(self.version))
            }
            _ => cx.store.add_person(NewPerson {
                name: v.get("name").into(),
                org_id,
                role: v.opt("role"),
                email: v.opt("email"),
                phone: v.opt("phone"),
                username: v.opt("username"),
                districts: v.list("districts"),
                themes: v.list("themes"),
                notes: v.opt("notes"),
            }),
        };
        match result {
            Ok(p) => {
                let key = if self.id.is_some() {
                    T::SavedChanges
                } else {
                    T::Created
                };
                Ok((
                    p.reference(),
                    lang.f(key, &[("id", &p.reference()), ("name", &p.name)]),
                ))
            }
            Err(e) => {
                if let (StoreError::Conflict(_), Some(id)) = (&e, self.id)
                    && let Ok(now) = cx.store.person(id)
                {
                    self.version = now.version;
                    self.original = Some(now);
                }
                Err(store_error(e, STORE_FIELDS, lang))
            }
        }
    }

    fn draft_kind(&self) -> &'static str {
        DRAFT_KIND
    }

    fn editing(&self) -> Option<(i64, i64)> {
        self.id.map(|id| (id, self.version))
    }

    // Trust: conflicts, history, AVG
    fn current(&mut self, cx: &mut Cx) -> Option<std::collections::BTreeMap<String, String>> {
        let now = cx.store.person(self.id?).ok()?;
        let values = specs(Some(&now), None)
            .into_iter()
            .map(|f| (f.key.to_string(), f.value))
            .collect();
        self.version = now.version;
        self.original = Some(now);
        Some(values)
    }
}

//! The person form: new and edit. Staff's districts and themes are comma-separated.

use super::record_form::{self, RecordForm, check_email};
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::store::{NewPerson, Person, PersonEdit};
use crate::tui::component::Cx;
use crate::tui::popups::form::{FieldKind, FieldSpec, Form, FormDraft, FormError, FormValues};
use crate::words::T;

pub const DRAFT_KIND: &str = "person";

fn specs(p: Option<&Person>) -> Vec<FieldSpec> {
    let s = |f: fn(&Person) -> Option<String>| p.and_then(f).unwrap_or_default();
    vec![
        FieldSpec::text("name", T::FieldName, s(|p| Some(p.name.clone()))),
        FieldSpec::text(
            "org",
            T::FieldOrganisation,
            p.and_then(|p| p.org_name.clone()).unwrap_or_default(),
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

pub fn new_form(cx: &Cx) -> Form {
    record_form::new_form::<PersonForm>(cx)
}

pub fn edit_form(p: &Person, cx: &Cx) -> Form {
    record_form::edit_form::<PersonForm>(p.clone(), p.version, cx)
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    record_form::restore::<PersonForm>(draft, cx)
}

/// The person as a record form.
struct PersonForm;

impl RecordForm for PersonForm {
    type Record = Person;
    /// The organisation the typed name stands for.
    type Checked = Option<i64>;

    const DRAFT_KIND: &'static str = DRAFT_KIND;
    const NEW_TITLE: T = T::NewPerson;
    const REQUIRED: &'static [&'static str] = &["name"];
    const STORE_FIELDS: &'static [(Field, &'static str)] = &[
        (Field::Email, "email"),
        (Field::Phone, "phone"),
        (Field::Username, "username"),
        (Field::Org, "org"),
        (Field::PersonName, "name"),
    ];

    fn load(cx: &Cx, id: i64) -> crate::store::Result<Person> {
        cx.store.person(id)
    }

    fn stamp(p: &Person) -> (RecordRef, i64) {
        (p.reference(), p.version)
    }

    fn fields(p: Option<&Person>) -> Vec<FieldSpec> {
        specs(p)
    }

    fn check(v: &FormValues, cx: &mut Cx) -> Result<Option<i64>, FormError> {
        let lang = cx.settings.lang;
        check_email(v, "email", lang)?;
        if !v
            .get("phone")
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(FormError::Field("phone", lang.t(T::ErrPhone).to_string()));
        }
        match v.opt("org") {
            None => Ok(None),
            Some(o) => match cx.store.resolve_org(&o) {
                Ok(id) => Ok(Some(id)),
                Err(e) => Err(FormError::Field("org", cx.settings.lang.store_error(&e))),
            },
        }
    }

    fn save(
        v: &FormValues,
        org_id: Option<i64>,
        original: Option<&Person>,
        version: i64,
        cx: &mut Cx,
    ) -> crate::store::Result<(RecordRef, String)> {
        let p = match original {
            Some(orig) => {
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
                cx.store.edit_person(orig.id, edit, Some(version))?
            }
            None => cx.store.add_person(NewPerson {
                name: v.get("name").into(),
                org_id,
                role: v.opt("role"),
                email: v.opt("email"),
                phone: v.opt("phone"),
                username: v.opt("username"),
                districts: v.list("districts"),
                themes: v.list("themes"),
                notes: v.opt("notes"),
            })?,
        };
        Ok((p.reference(), p.name))
    }
}

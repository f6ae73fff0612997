//! The organisation form: new and edit, with validation next to the field and a
//! version check so that nobody's edit is silently overwritten.

use crate::domain::Field;
use crate::domain::RecordRef;
use crate::store::{NewOrg, OrgEdit, Organisation, StoreError};
use crate::tui::action::Cx;
use crate::tui::i18n::{Lang, T};
use crate::tui::popups::form::{
    FieldKind, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};

pub const DRAFT_KIND: &str = "organisation";

fn specs(o: Option<&Organisation>) -> Vec<FieldSpec> {
    let kind = o.map(|o| o.kind.code()).unwrap_or("residents");
    vec![
        FieldSpec::text(
            "name",
            T::FieldName,
            o.map(|o| o.name.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "short_name",
            T::FieldShortName,
            o.and_then(|o| o.short_name.clone()).unwrap_or_default(),
        ),
        FieldSpec {
            key: "kind",
            label: T::ColKind,
            kind: FieldKind::Choice(vec![
                ("residents", T::KindResidents),
                ("service", T::KindService),
                ("partner", T::KindPartner),
            ]),
            value: kind.to_string(),
        },
        FieldSpec::text(
            "district",
            T::ColDistrict,
            o.and_then(|o| o.district.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "neighbourhoods",
            T::FieldNeighbourhoods,
            o.map(|o| o.neighbourhoods.join(", ")).unwrap_or_default(),
        ),
        FieldSpec {
            key: "notes",
            label: T::FieldNotes,
            kind: FieldKind::Multiline(3),
            value: o.map(|o| o.notes.clone()).unwrap_or_default(),
        },
        FieldSpec::text(
            "email",
            T::FieldEmail,
            o.and_then(|o| o.email.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "cadence",
            T::FieldCadence,
            o.map(|o| o.cadence_per_year.to_string())
                .unwrap_or_else(|| "2".into()),
        ),
    ]
}

pub fn new_form(cx: &Cx) -> Form {
    let handler = OrgForm {
        id: None,
        version: 0,
        original: None,
    };
    Form::new(
        cx.t(T::NewOrganisation),
        specs(None),
        Box::new(handler),
        cx.settings,
    )
}

pub fn edit_form(org: &Organisation, cx: &Cx) -> Form {
    let handler = OrgForm {
        id: Some(org.id),
        version: org.version,
        original: Some(org.clone()),
    };
    let title = format!("{} {}", cx.t(T::EditTitle), org.reference());
    Form::new(title, specs(Some(org)), Box::new(handler), cx.settings)
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != DRAFT_KIND {
        return None;
    }
    let form = match draft.id {
        None => new_form(cx),
        Some(id) => {
            let mut org = cx.store.org(id).ok()?;
            // Keep the version the draft was typed against, so a change made since is a conflict.
            org.version = draft.version.unwrap_or(org.version);
            edit_form(&org, cx)
        }
    };
    Some(
        form.with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

struct OrgForm {
    id: Option<i64>,
    version: i64,
    original: Option<Organisation>,
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
pub fn store_error(e: StoreError, fields: &[(Field, &'static str)], lang: Lang) -> FormError {
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

const STORE_FIELDS: &[(Field, &str)] = &[
    (Field::Email, "email"),
    (Field::Cadence, "cadence"),
    (Field::OrgKind, "kind"),
    (Field::OrgName, "name"),
];

impl FormHandler for OrgForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        if v.get("name").is_empty() {
            return Err(FormError::Field("name", lang.t(T::ErrRequired).to_string()));
        }
        check_email(v, "email", lang)?;
        let cadence = match v.get("cadence") {
            "" => 2,
            c => match c.parse::<i64>() {
                Ok(n) if (0..=52).contains(&n) => n,
                _ => {
                    return Err(FormError::Field(
                        "cadence",
                        lang.t(T::ErrCadence).to_string(),
                    ));
                }
            },
        };
        let result = match (&self.id, &self.original) {
            (Some(id), Some(orig)) => {
                let changed = |new: String, old: String| (new != old).then_some(new);
                let edit = OrgEdit {
                    name: changed(v.get("name").into(), orig.name.clone()),
                    short_name: changed(
                        v.get("short_name").into(),
                        orig.short_name.clone().unwrap_or_default(),
                    ),
                    kind: changed(v.get("kind").into(), orig.kind.code().into()),
                    district: changed(
                        v.get("district").into(),
                        orig.district.clone().unwrap_or_default(),
                    ),
                    neighbourhoods: (v.list("neighbourhoods") != orig.neighbourhoods)
                        .then(|| v.list("neighbourhoods")),
                    email: changed(
                        v.get("email").into(),
                        orig.email.clone().unwrap_or_default(),
                    ),
                    cadence_per_year: (cadence != orig.cadence_per_year).then_some(cadence),
                    notes: changed(v.get("notes").into(), orig.notes.trim().to_string()),
                };
                cx.store.edit_org(*id, edit, Some(self.version))
            }
            _ => cx.store.add_org(NewOrg {
                name: v.get("name").into(),
                short_name: v.opt("short_name"),
                kind: v.opt("kind"),
                district: v.opt("district"),
                neighbourhoods: v.list("neighbourhoods"),
                email: v.opt("email"),
                cadence_per_year: Some(cadence),
                notes: v.opt("notes"),
            }),
        };
        match result {
            Ok(org) => {
                let key = if self.id.is_some() {
                    T::SavedChanges
                } else {
                    T::Created
                };
                Ok((
                    org.reference(),
                    lang.f(key, &[("id", &org.reference()), ("name", &org.name)]),
                ))
            }
            Err(e) => {
                if let (StoreError::Conflict(_), Some(id)) = (&e, self.id) {
                    // Saving again applies these values over the other change, knowingly.
                    if let Ok(now) = cx.store.org(id) {
                        self.version = now.version;
                        self.original = Some(now);
                    }
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
        let now = cx.store.org(self.id?).ok()?;
        let values = specs(Some(&now))
            .into_iter()
            .map(|f| (f.key.to_string(), f.value))
            .collect();
        self.version = now.version;
        self.original = Some(now);
        Some(values)
    }
}

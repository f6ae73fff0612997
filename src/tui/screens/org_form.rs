//! The organisation form: new and edit, with validation next to the field and a
//! version check so that nobody's edit is silently overwritten.

use super::record_form::{self, RecordForm};
use crate::domain::Field;
// Where the other forms have long found them.
pub use super::record_form::{check_email, store_error};
use crate::domain::RecordRef;
use crate::store::{NewOrg, OrgEdit, Organisation};
use crate::tui::component::Cx;
use crate::tui::popups::form::{FieldKind, FieldSpec, Form, FormDraft, FormError, FormValues};
use crate::words::T;

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
    record_form::new_form::<OrgForm>(cx)
}

pub fn edit_form(org: &Organisation, cx: &Cx) -> Form {
    record_form::edit_form::<OrgForm>(org.clone(), org.version, cx)
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    record_form::restore::<OrgForm>(draft, cx)
}

/// The organisation as a record form.
struct OrgForm;

impl RecordForm for OrgForm {
    type Record = Organisation;
    /// The cadence (meetings a year).
    type Checked = i64;

    const DRAFT_KIND: &'static str = DRAFT_KIND;
    const NEW_TITLE: T = T::NewOrganisation;
    const REQUIRED: &'static [&'static str] = &["name"];
    const STORE_FIELDS: &'static [(Field, &'static str)] = &[
        (Field::Email, "email"),
        (Field::Cadence, "cadence"),
        (Field::OrgKind, "kind"),
        (Field::OrgName, "name"),
    ];

    fn load(cx: &Cx, id: i64) -> crate::store::Result<Organisation> {
        cx.store.org(id)
    }

    fn stamp(o: &Organisation) -> (RecordRef, i64) {
        (o.reference(), o.version)
    }

    fn fields(o: Option<&Organisation>) -> Vec<FieldSpec> {
        specs(o)
    }

    fn check(v: &FormValues, cx: &mut Cx) -> Result<i64, FormError> {
        let lang = cx.settings.lang;
        check_email(v, "email", lang)?;
        match v.get("cadence") {
            "" => Ok(2),
            c => match c.parse::<i64>() {
                Ok(n) if (0..=52).contains(&n) => Ok(n),
                _ => Err(FormError::Field(
                    "cadence",
                    lang.t(T::ErrCadence).to_string(),
                )),
            },
        }
    }

    fn save(
        v: &FormValues,
        cadence: i64,
        original: Option<&Organisation>,
        version: i64,
        cx: &mut Cx,
    ) -> crate::store::Result<(RecordRef, String)> {
        let org = match original {
            Some(orig) => {
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
                cx.store.edit_org(orig.id, edit, Some(version))?
            }
            None => cx.store.add_org(NewOrg {
                name: v.get("name").into(),
                short_name: v.opt("short_name"),
                kind: v.opt("kind"),
                district: v.opt("district"),
                neighbourhoods: v.list("neighbourhoods"),
                email: v.opt("email"),
                cadence_per_year: Some(cadence),
                notes: v.opt("notes"),
            })?,
        };
        Ok((org.reference(), org.name))
    }
}

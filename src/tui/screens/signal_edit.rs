//! The signal edit form (`e` in the inbox and the signal detail): title, text,
//! organisation, district, neighbourhood and theme. The organisation and the three
//! kept lists are picked from their lists; a name that is on none is refused beside
//! its field with the names that are allowed. Saving is one versioned update: a
//! change made meanwhile opens the conflict dialog with what was typed kept.

use super::org_form::store_error;
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::domain::vocab::{Resolution, TermKind};
use crate::store::{Signal, SignalEdit, StoreError, UnknownTerm};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::form::{
    FieldKind, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};
use crate::tui::popups::picker::Choice;
use crate::words::{Lang, T};
use std::collections::BTreeMap;

pub const DRAFT_KIND: &str = "signal_edit";
/// Rows of the list under a focused pick field.
const LIST_ROWS: u16 = 4;

/// The lists the pick fields offer, read once when the form opens.
struct Lists {
    /// Organisation name → id.
    orgs: Vec<(String, i64)>,
    districts: Vec<String>,
    neighbourhoods: Vec<String>,
    themes: Vec<String>,
}

impl Lists {
    fn load(cx: &Cx) -> crate::store::Result<Lists> {
        let orgs = cx
            .store
            .org_summaries("", 5000)?
            .into_iter()
            .map(|o| (o.org.name, o.org.id))
            .collect();
        Ok(Lists {
            orgs,
            districts: cx.store.term_names(TermKind::District)?,
            neighbourhoods: cx.store.term_names(TermKind::Neighbourhood)?,
            themes: cx.store.term_names(TermKind::Theme)?,
        })
    }

    fn org_name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.orgs.iter().find(|o| o.1 == id))
            .map(|o| o.0.clone())
            .unwrap_or_default()
    }

    fn names(&self, kind: TermKind) -> &[String] {
        match kind {
            TermKind::District => &self.districts,
            TermKind::Neighbourhood => &self.neighbourhoods,
            TermKind::Theme => &self.themes,
        }
    }
}

fn pick(names: &[String]) -> Vec<Choice> {
    names
        .iter()
        .map(|n| Choice::new(n.clone(), n.clone()))
        .collect()
}

/// The fields as the form shows them for `s`, by key.
fn values_of(s: &Signal, lists: &Lists) -> BTreeMap<String, String> {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    BTreeMap::from([
        ("title".to_string(), s.title.clone()),
        ("text".to_string(), s.body.trim().to_string()),
        ("org".to_string(), lists.org_name(s.org_id)),
        ("district".to_string(), o(&s.district)),
        ("neighbourhood".to_string(), o(&s.neighbourhood)),
        ("theme".to_string(), o(&s.theme)),
    ])
}

fn specs(s: &Signal, lists: &Lists) -> Vec<FieldSpec> {
    let v = values_of(s, lists);
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let orgs: Vec<Choice> = lists
        .orgs
        .iter()
        .map(|(n, _)| Choice::new(n.clone(), n.clone()))
        .collect();
    vec![
        FieldSpec::text("title", T::ColTitle, get("title")),
        FieldSpec {
            key: "text",
            label: T::FieldText,
            kind: FieldKind::Multiline(5),
            value: get("text"),
        },
        FieldSpec {
            key: "org",
            label: T::FieldOrganisation,
            kind: FieldKind::Pick(orgs, LIST_ROWS),
            value: get("org"),
        },
        FieldSpec {
            key: "district",
            label: T::ColDistrict,
            kind: FieldKind::Pick(pick(&lists.districts), LIST_ROWS),
            value: get("district"),
        },
        FieldSpec {
            key: "neighbourhood",
            label: T::FieldNeighbourhood,
            kind: FieldKind::Pick(pick(&lists.neighbourhoods), LIST_ROWS),
            value: get("neighbourhood"),
        },
        FieldSpec {
            key: "theme",
            label: T::ColTheme,
            kind: FieldKind::Pick(pick(&lists.themes), LIST_ROWS),
            value: get("theme"),
        },
    ]
}

fn form(s: &Signal, lists: Lists, cx: &Cx) -> Form {
    let title = cx
        .settings
        .lang
        .f(T::SignalEditTitle, &[("id", &s.reference())]);
    let specs = specs(s, &lists);
    let handler = SignalEditForm {
        id: s.id,
        version: s.version,
        original: s.clone(),
        lists,
    };
    Form::new(title, specs, Box::new(handler), cx.settings)
}

/// `e`: the edit form of signal `id`.
pub fn edit_form(cx: &mut Cx, id: i64) -> Outcome {
    let opened = cx
        .store
        .signal(id)
        .and_then(|s| Lists::load(cx).map(|l| (s, l)));
    match opened {
        Ok((s, lists)) => Outcome::one(Effect::Push(Box::new(form(&s, lists, cx)))),
        Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
    }
}

/// A kept draft of the form, against the version it was typed on.
pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != DRAFT_KIND {
        return None;
    }
    let mut s = cx.store.signal(draft.id?).ok()?;
    s.version = draft.version.unwrap_or(s.version);
    let lists = Lists::load(cx).ok()?;
    Some(
        form(&s, lists, cx)
            .with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

struct SignalEditForm {
    id: i64,
    version: i64,
    original: Signal,
    lists: Lists,
}

/// A name that is on no list, refused with what is allowed: the near names first.
fn not_on_list(cx: &Cx, u: &UnknownTerm, allowed: &[String]) -> String {
    let lang: Lang = cx.settings.lang;
    let key = cx
        .settings
        .keymap
        .first(crate::tui::action::Action::Lists)
        .unwrap_or_default();
    let mut names: Vec<String> = u.suggestions.clone();
    for n in allowed {
        if names.len() >= 5 {
            break;
        }
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    let mut list = names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ");
    if allowed.len() > names.len() {
        list.push_str(", …");
    }
    if allowed.is_empty() {
        list = "-".into();
    }
    lang.f(
        T::SignalEditNotOnList,
        &[
            ("value", &u.value),
            ("kind", &crate::tui::terms::kind_word(lang, u.kind)),
            ("names", &list),
            ("key", &key),
        ],
    )
}

impl SignalEditForm {
    /// Check a kept-list field before saving: the list's spelling, or refused.
    fn term(
        &self,
        cx: &Cx,
        v: &FormValues,
        key: &'static str,
        kind: TermKind,
    ) -> Result<String, FormError> {
        let typed = v.get(key);
        if typed.is_empty() {
            return Ok(String::new());
        }
        match cx.store.resolve_term(kind, typed) {
            Ok(Resolution::Known(n)) => Ok(n),
            Ok(Resolution::Unknown { suggestions }) => {
                let u = UnknownTerm {
                    kind,
                    value: typed.to_string(),
                    suggestions,
                    district: None,
                };
                Err(FormError::Field(
                    key,
                    not_on_list(cx, &u, self.lists.names(kind)),
                ))
            }
            Err(e) => Err(FormError::Field(key, cx.settings.lang.store_error(&e))),
        }
    }

    fn edit(&self, cx: &Cx, v: &FormValues) -> Result<SignalEdit, FormError> {
        let lang = cx.settings.lang;
        let o = &self.original;
        if v.get("title").is_empty() {
            return Err(FormError::Field("title", lang.t(T::ErrRequired).into()));
        }
        let org = v.get("org");
        let org_id = if org.is_empty() {
            if o.org_id.is_some() {
                return Err(FormError::Field("org", lang.t(T::ErrRequired).into()));
            }
            None
        } else {
            match self
                .lists
                .orgs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(org))
            {
                Some((_, id)) => Some(*id),
                None => {
                    return Err(FormError::Field(
                        "org",
                        lang.f(T::SignalEditNoOrg, &[("name", &org)]),
                    ));
                }
            }
        };
        let district = self.term(cx, v, "district", TermKind::District)?;
        let neighbourhood = self.term(cx, v, "neighbourhood", TermKind::Neighbourhood)?;
        let theme = self.term(cx, v, "theme", TermKind::Theme)?;
        let changed = |new: String, old: Option<&str>| {
            (new.as_str() != old.unwrap_or("").trim()).then_some(new)
        };
        Ok(SignalEdit {
            title: changed(v.get("title").into(), Some(&o.title)),
            body: changed(v.get("text").into(), Some(&o.body)),
            org_id: org_id.filter(|id| Some(*id) != o.org_id),
            district: changed(district, o.district.as_deref()),
            neighbourhood: changed(neighbourhood, o.neighbourhood.as_deref()),
            theme: changed(theme, o.theme.as_deref()),
        })
    }
}

const STORE_FIELDS: &[(Field, &str)] = &[
    (Field::SignalTitle, "title"),
    (Field::Org, "org"),
    (Field::District, "district"),
    (Field::Neighbourhood, "neighbourhood"),
    (Field::Theme, "theme"),
];

impl FormHandler for SignalEditForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        let edit = self.edit(cx, v)?;
        let r = self.original.reference();
        if edit.is_empty() {
            return Ok((r, lang.f(T::SignalEditNothing, &[("id", &r)])));
        }
        match cx.store.edit_signal(self.id, edit, Some(self.version)) {
            Ok(s) => {
                let fields = crate::store::signal_edit_fields(&self.original, &s).join(", ");
                Ok((
                    s.reference(),
                    lang.f(
                        T::SignalEdited,
                        &[("id", &s.reference()), ("fields", &fields)],
                    ),
                ))
            }
            Err(e) => {
                if let StoreError::UnknownTerm(u) = &e {
                    let key = crate::tui::terms::field_prefix(u.kind);
                    let msg = not_on_list(cx, u, self.lists.names(u.kind));
                    return Err(FormError::Field(key, msg));
                }
                if let StoreError::Conflict(_) = &e
                    && let Ok(now) = cx.store.signal(self.id)
                {
                    // Saving again applies these values over the other change, knowingly.
                    self.version = now.version;
                    self.original = now;
                }
                Err(store_error(e, STORE_FIELDS, lang))
            }
        }
    }

    fn draft_kind(&self) -> &'static str {
        DRAFT_KIND
    }

    fn editing(&self) -> Option<(i64, i64)> {
        Some((self.id, self.version))
    }

    fn current(&mut self, cx: &mut Cx) -> Option<BTreeMap<String, String>> {
        let now = cx.store.signal(self.id).ok()?;
        let values = values_of(&now, &self.lists);
        self.version = now.version;
        self.original = now;
        Some(values)
    }
}

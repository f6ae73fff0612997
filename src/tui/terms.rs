//! Asking before a district, neighbourhood or theme that is not on its kept list is
//! added: the question, and what a yes does.

use crate::domain::vocab::TermKind;
use crate::store::{Store, UnknownTerm};
use crate::words::{Lang, T};

pub fn kind_word(lang: Lang, kind: TermKind) -> &'static str {
    lang.t(match kind {
        TermKind::District => T::TermDistrict,
        TermKind::Neighbourhood => T::TermNeighbourhood,
        TermKind::Theme => T::TermTheme,
    })
}

/// "'Segbroke' is not on the list (district). Did you mean 'Segbroek'? Add it … y/n"
pub fn question(lang: Lang, u: &UnknownTerm) -> String {
    let kind = kind_word(lang, u.kind);
    let ask = lang.f(T::AskNewTerm, &[("value", &u.value), ("kind", &kind)]);
    if u.suggestions.is_empty() {
        return ask;
    }
    let names: Vec<String> = u.suggestions.iter().map(|s| format!("'{s}'")).collect();
    let meant = lang.f(T::AskNewTermMeant, &[("names", &names.join(" / "))]);
    match ask.split_once(". ") {
        Some((first, rest)) => format!("{first}. {meant} {rest}"),
        None => format!("{meant} {ask}"),
    }
}

pub fn declined(lang: Lang, u: &UnknownTerm) -> String {
    lang.f(T::NewTermDeclined, &[("kind", &kind_word(lang, u.kind))])
}

/// A yes: put exactly the name asked about on its list (a neighbourhood in the
/// district the form named), so that saving again takes it.
pub fn add(store: &mut Store, u: &UnknownTerm) -> crate::store::Result<String> {
    store.add_term(u.kind, &u.value, u.district.as_deref())
}

/// The form field a name of this kind is typed in ("district", "districts", …).
pub fn field_prefix(kind: TermKind) -> &'static str {
    match kind {
        TermKind::District => "district",
        TermKind::Neighbourhood => "neighbourhood",
        TermKind::Theme => "theme",
    }
}

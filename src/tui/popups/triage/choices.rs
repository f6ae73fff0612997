//! Who may own a signal's work, with the likely owners first, and whether a signal may
//! be triaged (or given feedback) now.

use super::super::picker::Choice;
use crate::domain::signal::{SignalEvent, SignalFacts, transition};
use crate::store::Signal;
use crate::tui::component::Cx;
use crate::words::T;

/// The signal, if `event` may happen to it now; else why not, in plain words.
pub fn check(cx: &Cx, id: i64, event: SignalEvent) -> Result<Signal, String> {
    let lang = cx.settings.lang;
    let s = cx.store.signal(id).map_err(|e| lang.store_error(&e))?;
    let has_final = cx
        .store
        .feedback_of(id)
        .map_err(|e| lang.store_error(&e))?
        .iter()
        .any(|f| f.is_final);
    let facts = SignalFacts {
        state: s.state,
        has_final_feedback: has_final,
    };
    match transition(facts, event) {
        Ok(_) => Ok(s),
        Err(r) => Err(format!("{}: {}", s.reference(), lang.problem(&r.0))),
    }
}

/// Those who may own work (services, then staff with role and organisation), by ID.
/// Residents are not offered: they never own the municipality's work.
pub fn owner_choices(cx: &Cx) -> crate::store::Result<Vec<Choice>> {
    Ok(cx
        .store
        .owner_choices()?
        .into_iter()
        .map(|c| {
            let label = if c.is_service {
                format!(
                    "{} {} ({})",
                    c.handle.as_deref().unwrap_or_default(),
                    c.name,
                    cx.t(T::KindService)
                )
                .trim()
                .to_string()
            } else if c.detail.is_empty() {
                c.name
            } else {
                format!("{} - {}", c.name, c.detail)
            };
            Choice::new(label, c.reference.to_string())
        })
        .collect())
}

/// Who-does-what first: the people who cover the signal's district and theme (best
/// cover first, as the who-does-what popup ranks them) lead the owner list, marked,
/// so that the one selected when the popup opens is the likely owner.
pub(super) fn suggest_first(
    cx: &Cx,
    sig: &crate::store::Signal,
    owners: &mut Vec<Choice>,
) -> crate::store::Result<()> {
    let district = sig.district.as_deref().unwrap_or("");
    let theme = sig.theme.as_deref().unwrap_or("");
    if district.trim().is_empty() && theme.trim().is_empty() {
        return Ok(());
    }
    let mark = cx.t(T::TriageCovers);
    let mut first = Vec::new();
    for p in cx.store.who_does_what(district, theme)? {
        let value = p.reference().to_string();
        if let Some(i) = owners.iter().position(|c| c.value == value) {
            let mut c = owners.remove(i);
            // Next to the name, so that a narrow list still shows it.
            c.label = c
                .label
                .replacen(&p.name, &format!("{} ({mark})", p.name), 1);
            first.push(c);
        }
    }
    first.append(owners);
    *owners = first;
    Ok(())
}

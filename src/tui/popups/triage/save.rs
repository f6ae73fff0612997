//! Saving the triage: every field checked, each signal in its own transaction, a
//! conflict on one signal merged into the popup, and the report of what was done.

use super::super::Popup;
use super::{DUE, OWNER, REASON, THEME, TriagePopup};
use crate::domain::dates::parse_date;
use crate::domain::vocab::{Resolution, TermKind};
use crate::store::{StoreError, Triage, UnknownTerm};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::terms;
use crate::words::{Lang, T};

impl TriagePopup {
    pub(super) fn submit(&mut self, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        self.errors = Default::default();
        self.message = None;
        // A choice taken from the list stands for itself; anything else typed is
        // matched as everywhere else (ID, username, unique prefix), never as the
        // list's best guess, so that text matching nobody or several is refused.
        let query = self.owner.query();
        let owner = match self.owner.selected() {
            _ if query.trim().is_empty() => Err(lang.t(T::ErrOwnerRequired).to_string()),
            Some(c) if c.label == query || c.value.eq_ignore_ascii_case(query.trim()) => cx
                .store
                .resolve_owner(&c.value)
                .map_err(|e| cx.settings.lang.store_error(&e)),
            _ => cx
                .store
                .resolve_owner(&query)
                .map_err(|e| cx.settings.lang.store_error(&e)),
        };
        let owner = match owner {
            Ok(o) => o,
            Err(e) => return self.field_error(OWNER, e),
        };
        let today = cx.store.today();
        // Empty, or the date in force: the due date stays as it is.
        let due = match self.due.value().trim() {
            "" => None,
            typed => match parse_date(typed, today) {
                Ok(d) if Some(d) == self.current_due => None,
                Ok(d) if d < today => {
                    return self.field_error(DUE, lang.f(T::ErrDueInPast, &[("date", &d)]));
                }
                Ok(d) => Some(d),
                Err(e) => return self.field_error(DUE, lang.date(&e)),
            },
        };
        let reason = Some(self.reason.value()).filter(|r| !r.trim().is_empty());
        if let (Some(d), Some(now)) = (due, self.current_due)
            && d > now
            && reason.is_none()
        {
            return self.field_error(
                REASON,
                lang.f(T::ErrReasonForLaterDue, &[("from", &now), ("to", &d)]),
            );
        }
        let mut theme = match self.theme.selected() {
            Some(c) if !self.theme.query().trim().is_empty() => Some(c.value.clone()),
            _ => Some(self.theme.query()).filter(|t| !t.trim().is_empty()),
        };
        // A theme not on the list is added only after a yes.
        if let Some(t) = &theme {
            match cx.store.resolve_term(TermKind::Theme, t) {
                Ok(Resolution::Known(n)) => theme = Some(n),
                Ok(Resolution::Unknown { suggestions }) => {
                    let u = UnknownTerm {
                        kind: TermKind::Theme,
                        value: TermKind::Theme.normalise(t),
                        suggestions,
                        district: None,
                    };
                    self.message = Some(terms::question(lang, &u));
                    self.ask_new = Some(u);
                    self.focus = THEME;
                    return Outcome::Handled;
                }
                Err(e) => return self.field_error(THEME, cx.settings.lang.store_error(&e)),
            }
        }
        let expectation = Some(self.expectation.value()).filter(|e| !e.trim().is_empty());
        let mut done = Vec::new();
        let mut refused = Vec::new();
        let mut conflict = false;
        let mut saved = None;
        for (id, version) in self.targets.clone() {
            let t = Triage {
                owner: Some(owner),
                theme: theme.clone(),
                expectation: expectation.clone(),
                feedback_due: due,
                reason: reason.clone(),
            };
            match cx.store.triage(id, t, Some(version)) {
                Ok(s) => {
                    done.push(s.reference());
                    saved = Some(s);
                }
                // One signal: the popup stays open with what was typed.
                Err(e) if e.is_busy() && self.targets.len() == 1 => {
                    self.message = Some(cx.settings.lang.store_error(&e));
                    return Outcome::Handled;
                }
                Err(StoreError::Conflict(_)) if self.targets.len() == 1 => {
                    return self.merge(cx);
                }
                Err(StoreError::Conflict(m)) => {
                    conflict = true;
                    refused.push(format!("S-{id}: {}", lang.problem(&m)));
                }
                Err(e) => refused.push(format!("S-{id}: {}", lang.store_error(&e))),
            }
        }
        match saved {
            // One signal: say to whom and until when, and let the screen move on.
            Some(s) if self.targets.len() == 1 => {
                let owner = cx.store.owner_label(s.owner()).unwrap_or_default();
                let due = s
                    .feedback_due
                    .map(|d| short_date(d, self.today, lang == Lang::Nl))
                    .unwrap_or_else(|| "-".into());
                let message = lang.f(
                    T::TriagedTo,
                    &[("id", &s.reference()), ("owner", &owner), ("due", &due)],
                );
                Outcome::Effects(vec![
                    Effect::Close,
                    Effect::Triaged {
                        record: s.reference(),
                        message,
                    },
                ])
            }
            _ => finish(lang, done, refused, conflict, T::Triaged, T::TriagedMany),
        }
    }

    /// Someone else changed the signal meanwhile: take its new version, fill in their
    /// values where nothing was typed, keep what was, and let the user check and save
    /// again (as the record forms' merge does).
    fn merge(&mut self, cx: &mut Cx) -> Outcome {
        let Some(&(id, _)) = self.targets.first() else {
            return Outcome::Handled;
        };
        let sig = match cx.store.signal(id) {
            Ok(s) => s,
            Err(e) => {
                self.message = Some(cx.settings.lang.store_error(&e));
                return Outcome::Handled;
            }
        };
        let mut theirs = std::collections::BTreeMap::new();
        let owner = match (sig.owner_person_id, sig.owner_org_id) {
            (Some(p), _) => format!("P-{p}"),
            (None, Some(o)) => format!("O-{o}"),
            _ => String::new(),
        };
        theirs.insert("owner".to_string(), owner.clone());
        theirs.insert("owner.value".to_string(), owner);
        theirs.insert("theme".to_string(), sig.theme.clone().unwrap_or_default());
        theirs.insert(
            "expectation".to_string(),
            sig.expectation.clone().unwrap_or_default(),
        );
        if let Some(d) = sig.feedback_due {
            theirs.insert("due".to_string(), d.to_string());
        }
        theirs.insert("reason".to_string(), String::new());
        let mine = self.fields();
        let mut merged = theirs.clone();
        for (k, v) in &mine {
            if self.initial.get(k) != Some(v) {
                merged.insert(k.clone(), v.clone());
            }
        }
        self.restore_values(&merged);
        self.targets[0].1 = sig.version;
        self.initial = theirs;
        let said = cx
            .settings
            .lang
            .f(T::TriageConflict, &[("id", &sig.reference())]);
        self.message = Some(cx.settings.keymap.fill(&said, true));
        self.restyle(cx.settings);
        Outcome::Handled
    }
}

/// `vr 18 dec`, with the year only when it is not this year's.
fn short_date(d: chrono::NaiveDate, today: chrono::NaiveDate, dutch: bool) -> String {
    use chrono::Datelike;
    let full = crate::domain::dates::describe(d, dutch);
    if d.year() == today.year() {
        full.trim_end_matches(&format!(" {}", d.year())).to_string()
    } else {
        full
    }
}

/// Close and report: one signal saved, several counted, refusals listed; a conflict reloads.
pub fn finish(
    lang: crate::tui::Lang,
    done: Vec<crate::domain::RecordRef>,
    refused: Vec<String>,
    conflict: bool,
    one: T,
    many: T,
) -> Outcome {
    let mut effects = vec![Effect::Close];
    let msg = if done.len() == 1 && refused.is_empty() {
        lang.f(one, &[("id", &done[0])])
    } else {
        let mut m = lang.f(many, &[("n", &done.len())]);
        if !refused.is_empty() {
            m.push_str(&format!(
                " {} {}",
                lang.t(T::RefusedPrefix),
                refused.join("; ")
            ));
        }
        m
    };
    match done.first() {
        Some(r) if !conflict => effects.push(Effect::Saved {
            record: *r,
            message: msg,
        }),
        _ => {
            if conflict {
                effects.push(Effect::Error(format!(
                    "{msg} {}",
                    lang.t(T::ConflictReloadedSignal)
                )));
            } else {
                effects.push(Effect::Error(msg));
            }
        }
    }
    Outcome::Effects(effects)
}

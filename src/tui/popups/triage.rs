//! Triage one signal, or every marked one: owner (fuzzy over people and services),
//! theme, expectation and the feedback due date. The due date shown is the one in
//! force, and it stays unless the user types another (2026-02-01, +14d, +2w, fri/vr);
//! moving it later needs a reason, and the move goes on the timeline. Messages stand
//! next to the field they are about; with several signals each is triaged in its own
//! transaction (an empty due date keeps each one's own).

use super::Popup;
use super::picker::{Choice, PickKey, Picker};
use crate::domain::dates::parse_date;
use crate::domain::signal::{SignalEvent, SignalFacts, transition};
use crate::domain::vocab::{Resolution, TermKind};
use crate::store::{Signal, StoreError, Triage, UnknownTerm};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::settings::Settings;
use crate::tui::input::TextInput;
use crate::tui::keymap::arrow_down;
use crate::tui::terms;
use crate::tui::widgets;
use crate::words::dates::echo;
use crate::words::{Lang, T};
use chrono::Duration;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

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

const OWNER: usize = 0;
const THEME: usize = 1;
const EXPECTATION: usize = 2;
const DUE: usize = 3;
const REASON: usize = 4;
const FIELDS: usize = 5;
const LIST_ROWS: u16 = 5;

pub struct TriagePopup {
    /// Signals and the version each was read at.
    targets: Vec<(i64, i64)>,
    title: String,
    owner: Picker,
    theme: Picker,
    expectation: TextInput,
    due: TextInput,
    /// The due date in force when the popup opened (one signal).
    current_due: Option<chrono::NaiveDate>,
    /// For echoing the date the due field understood.
    today: chrono::NaiveDate,
    reason: TextInput,
    focus: usize,
    errors: [Option<String>; FIELDS],
    message: Option<String>,
    /// A theme not on the list, asked about before saving.
    ask_new: Option<crate::store::UnknownTerm>,
    /// The fields as opened: a draft is kept only of what was changed.
    initial: std::collections::BTreeMap<String, String>,
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
fn suggest_first(
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

impl TriagePopup {
    /// Refuses up front (with the reason) when the first signal cannot be triaged.
    pub fn new(cx: &mut Cx, ids: Vec<i64>) -> Result<TriagePopup, String> {
        let first = *ids
            .first()
            .ok_or_else(|| cx.t(T::NothingSelected).to_string())?;
        let mut targets = Vec::new();
        let mut refused = Vec::new();
        for id in &ids {
            match check(cx, *id, SignalEvent::Triage) {
                Ok(s) => targets.push((s.id, s.version)),
                Err(why) => refused.push(why),
            }
        }
        if targets.is_empty() {
            return Err(refused.join("; "));
        }
        let sig = cx
            .store
            .signal(first)
            .map_err(|e| cx.settings.lang.store_error(&e))?;
        let lang = cx.settings.lang;
        let title = if ids.len() == 1 {
            lang.f(
                T::TriageTitle,
                &[("id", &sig.reference()), ("title", &sig.title)],
            )
        } else {
            lang.f(T::TriageManyTitle, &[("n", &targets.len())])
        };
        let mut owners = owner_choices(cx).map_err(|e| cx.settings.lang.store_error(&e))?;
        if ids.len() == 1 {
            suggest_first(cx, &sig, &mut owners).map_err(|e| cx.settings.lang.store_error(&e))?;
        }
        let (_, themes) = cx
            .store
            .districts_and_themes()
            .map_err(|e| cx.settings.lang.store_error(&e))?;
        let mut owner = Picker::new(owners);
        let mut theme = Picker::new(
            themes
                .into_iter()
                .map(|t| Choice::new(t.clone(), t))
                .collect(),
        );
        if ids.len() == 1 {
            let current = match (sig.owner_person_id, sig.owner_org_id) {
                (Some(p), _) => Some(format!("P-{p}")),
                (None, Some(o)) => Some(format!("O-{o}")),
                _ => None,
            };
            if let Some(v) = current {
                owner.set_query(&v);
                owner.select_value(&v);
            }
            if let Some(t) = &sig.theme {
                theme.set_query(t);
                theme.select_value(t);
            }
        }
        let current_due = if ids.len() == 1 {
            sig.feedback_due.or_else(|| {
                Some(cx.store.today() + Duration::days(cx.settings.loop_cfg.feedback_days))
            })
        } else {
            None
        };
        let due = current_due.map(|d| d.to_string()).unwrap_or_default();
        let mut p = TriagePopup {
            targets,
            title,
            owner,
            theme,
            expectation: TextInput::new(
                sig.expectation
                    .as_deref()
                    .filter(|_| ids.len() == 1)
                    .unwrap_or(""),
                true,
            ),
            due: TextInput::single(&due),
            current_due: current_due.filter(|_| sig.feedback_due.is_some()),
            today: cx.store.today(),
            reason: TextInput::single(""),
            focus: OWNER,
            errors: Default::default(),
            message: (!refused.is_empty()).then(|| refused.join("; ")),
            ask_new: None,
            initial: Default::default(),
        };
        p.initial = p.fields();
        p.restyle(cx.settings);
        Ok(p)
    }

    /// The fields as typed, by name (for the draft).
    fn fields(&self) -> std::collections::BTreeMap<String, String> {
        let mut v = std::collections::BTreeMap::new();
        v.insert("owner".into(), self.owner.query());
        if let Some(c) = self.owner.selected() {
            v.insert("owner.value".into(), c.value.clone());
        }
        v.insert("theme".into(), self.theme.query());
        v.insert("expectation".into(), self.expectation.value());
        v.insert("due".into(), self.due.value());
        v.insert("reason".into(), self.reason.value());
        v
    }

    /// The popup again on the signals of a kept draft, with what was typed.
    pub fn restore(cx: &mut Cx, draft: &super::form::FormDraft) -> Option<TriagePopup> {
        let ids = crate::drafts::ids(draft);
        let mut p = TriagePopup::new(cx, ids).ok()?;
        p.restore_values(&draft.values);
        p.message = Some(cx.t(T::DraftWaiting).to_string());
        p.restyle(cx.settings);
        Some(p)
    }

    /// The message over the fields, e.g. the question before a new theme is added (for tests).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The message next to a field (for tests).
    pub fn error(&self, field: usize) -> Option<&str> {
        self.errors.get(field).and_then(|e| e.as_deref())
    }

    fn restyle(&mut self, s: &Settings) {
        self.owner.set_focus(self.focus == OWNER, s);
        self.theme.set_focus(self.focus == THEME, s);
        for (i, input) in [
            (EXPECTATION, &mut self.expectation),
            (DUE, &mut self.due),
            (REASON, &mut self.reason),
        ] {
            let on = self.focus == i;
            let style = if on {
                s.theme.input_focus
            } else {
                s.theme.input
            };
            input.set_focus(on, style, s.theme.cursor);
        }
    }

    fn submit(&mut self, cx: &mut Cx) -> Outcome {
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

    fn field_error(&mut self, field: usize, msg: String) -> Outcome {
        self.errors[field] = Some(msg);
        self.focus = field;
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

impl Popup for TriagePopup {
    fn draft(&self) -> Option<super::form::FormDraft> {
        let values = self.fields();
        if values == self.initial {
            return None;
        }
        Some(crate::drafts::draft_of("triage", &self.targets, values))
    }

    fn restore_values(&mut self, values: &std::collections::BTreeMap<String, String>) {
        let get = |k: &str| values.get(k).cloned().unwrap_or_default();
        self.owner.set_query(&get("owner"));
        if let Some(v) = values.get("owner.value") {
            self.owner.select_value(v);
        }
        self.theme.set_query(&get("theme"));
        self.theme.select_value(&get("theme"));
        self.expectation.set_value(&get("expectation"));
        if values.contains_key("due") {
            self.due.set_value(&get("due"));
        }
        self.reason.set_value(&get("reason"));
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if let Some(u) = self.ask_new.take() {
            let out = match cx.settings.keymap.answer(&key) {
                Some(true) => match terms::add(cx.store, &u) {
                    Ok(_) => {
                        self.message = None;
                        self.submit(cx)
                    }
                    Err(e) => self.field_error(THEME, cx.settings.lang.store_error(&e)),
                },
                Some(false) => {
                    self.message = None;
                    self.field_error(THEME, terms::declined(cx.settings.lang, &u))
                }
                None => {
                    self.ask_new = Some(u);
                    Outcome::Handled
                }
            };
            self.restyle(cx.settings);
            return out;
        }
        let out = match cx.settings.keymap.lookup_event(&key, &[Scope::Form], true) {
            // Up and Down move in the open list of a picker.
            Some(Action::NextField) if arrow_down(&key).is_none() => {
                self.focus = (self.focus + 1) % FIELDS;
                Outcome::Handled
            }
            Some(Action::PrevField) if arrow_down(&key).is_none() => {
                self.focus = (self.focus + FIELDS - 1) % FIELDS;
                Outcome::Handled
            }
            Some(Action::Save) => self.submit(cx),
            _ => {
                let picker = match self.focus {
                    OWNER => Some(&mut self.owner),
                    THEME => Some(&mut self.theme),
                    _ => None,
                };
                match picker {
                    Some(p) => match p.handle_key(key, cx, LIST_ROWS as usize) {
                        PickKey::Chosen(c) => {
                            p.set_query(&c.label);
                            p.select_value(&c.value);
                            self.errors[self.focus] = None;
                            self.focus += 1;
                            Outcome::Handled
                        }
                        PickKey::Cancel => {
                            super::confirm::discard_or_ask(self.draft().is_some(), cx)
                        }
                        PickKey::Changed => {
                            self.errors[self.focus] = None;
                            Outcome::Handled
                        }
                        PickKey::Ignored => Outcome::Ignored,
                    },
                    None => {
                        let single_line = matches!(self.focus, DUE | REASON);
                        let input = match self.focus {
                            DUE => &mut self.due,
                            REASON => &mut self.reason,
                            _ => &mut self.expectation,
                        };
                        match cx.settings.keymap.lookup_event(&key, &[Scope::List], true) {
                            Some(Action::Back) => {
                                super::confirm::discard_or_ask(self.draft().is_some(), cx)
                            }
                            Some(Action::Open) if single_line => self.submit(cx),
                            Some(Action::Down | Action::Up) if single_line => Outcome::Handled,
                            _ => {
                                if input.handle_key(key) {
                                    self.errors[self.focus] = None;
                                }
                                Outcome::Handled
                            }
                        }
                    }
                }
            }
        };
        self.restyle(cx.settings);
        out
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        match self.focus {
            OWNER => self.owner.paste(text),
            THEME => self.theme.paste(text),
            EXPECTATION => {
                self.expectation.paste(text);
            }
            DUE => {
                self.due.paste(text);
            }
            _ => {
                self.reason.paste(text);
            }
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let labels = [
            T::ColOwner,
            T::ColTheme,
            T::FieldExpectation,
            T::ColFeedbackDue,
            T::FieldDueReason,
        ];
        let label_w = labels
            .iter()
            .map(|l| t(*l).chars().count())
            .max()
            .unwrap_or(10) as u16
            + 2;
        let width = 76.min(area.width.saturating_sub(2)).max(30);
        // The popup's border is one column each side.
        let input_w = width.saturating_sub(2 + label_w + 1);
        // A message wraps to at most three rows: a refused owner says why in full.
        let err_rows = |e: &str| {
            let w = usize::from(input_w.max(10)) - 2;
            (crate::domain::text::cell_width(e) + 2)
                .div_ceil(w)
                .clamp(1, 3) as u16
        };
        let errs: u16 = self.errors.iter().flatten().map(|e| err_rows(e)).sum();
        let msg_h = u16::from(self.message.is_some()) * 2;
        let want = 1 + 1 + 3 + 1 + 1 + errs + msg_h + 1 + LIST_ROWS + 1 + 2;
        let rect = widgets::centered(area, width, want);
        let inner = widgets::popup_frame(frame, rect, s, &self.title);
        let input_w = inner.width.saturating_sub(label_w + 1);
        let mut y = inner.y;
        let bottom = inner.y + inner.height;
        let put = |frame: &mut Frame, y: &mut u16, h: u16, line: Option<Line>, x: u16| -> Rect {
            let r = Rect {
                x,
                y: *y,
                width: if x == inner.x { inner.width } else { input_w },
                height: h.min(bottom.saturating_sub(*y)),
            };
            if let Some(l) = line {
                frame.render_widget(Paragraph::new(l), r);
            }
            *y += r.height;
            r
        };
        if let Some(m) = &self.message {
            put(
                frame,
                &mut y,
                2,
                Some(Line::styled(m.clone(), s.theme.error)),
                inner.x,
            );
        }
        let field_x = inner.x + label_w + 1;
        for (i, label) in labels.iter().enumerate() {
            let focused = self.focus == i;
            let style = if focused {
                s.theme.label_focus
            } else {
                s.theme.label
            };
            let mark = if focused { ">" } else { " " };
            let h = if i == EXPECTATION { 3 } else { 1 };
            let lrect = Rect {
                x: inner.x,
                y,
                width: label_w.min(inner.width),
                height: 1.min(bottom.saturating_sub(y)),
            };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{mark}{}", t(*label)), style)),
                lrect,
            );
            let r = put(frame, &mut y, h, None, field_x);
            match i {
                OWNER => self.owner.draw_query(frame, r),
                THEME => self.theme.draw_query(frame, r),
                EXPECTATION => frame.render_widget(self.expectation.widget(), r),
                DUE => frame.render_widget(self.due.widget(), r),
                _ => frame.render_widget(self.reason.widget(), r),
            }
            if let Some(e) = &self.errors[i] {
                let arrow = if s.ascii { "^ " } else { "↑ " };
                let r = put(frame, &mut y, err_rows(e), None, field_x);
                frame.render_widget(
                    Paragraph::new(Line::styled(format!("{arrow}{e}"), s.theme.error))
                        .wrap(Wrap { trim: false }),
                    r,
                );
            }
        }
        y += 1;
        let list = Rect {
            x: field_x,
            y,
            width: input_w,
            height: LIST_ROWS.min(bottom.saturating_sub(y + 1)),
        };
        match self.focus {
            OWNER => self.owner.draw_list(frame, list, s),
            THEME => self.theme.draw_list(frame, list, s),
            DUE | REASON => {
                // What the due field understood, as it is typed, above the forms it takes.
                let echo = echo(&self.due.value(), self.today, s.lang);
                let echo_style = if echo.starts_with('✗') {
                    s.theme.error
                } else {
                    s.theme.input
                };
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::styled(echo, echo_style),
                        Line::styled(t(T::TriageDueHelp), s.theme.muted),
                    ])
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                    list,
                )
            }
            _ => {}
        }
        if inner.height >= 2 {
            let mut spans = Vec::new();
            for (a, what) in [
                (Action::NextField, T::FormNext),
                (Action::Save, T::FormSave),
                (Action::Back, T::FormCancel),
            ] {
                if let Some(k) = s.keymap.first(a) {
                    spans.extend(widgets::hint(s, k, t(what)));
                }
            }
            let r = Rect {
                x: inner.x,
                y: bottom - 1,
                width: inner.width,
                height: 1,
            };
            frame.render_widget(Paragraph::new(Line::from(spans)), r);
        }
    }
}

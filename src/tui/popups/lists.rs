//! The kept lists of districts, neighbourhoods and themes, from the palette: type to
//! narrow, Tab for the next list, Enter on a name that is not there adds it (after a
//! yes), Ctrl-R renames the chosen one, Ctrl-E merges it into another. Every rename
//! and merge rewrites the records that use the name, as `wijkdesk district merge` does.

use super::Popup;
use crate::domain::vocab::{self, TermKind};
use crate::store::{Term, UnknownTerm};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{Items, List, ListKey};
use crate::tui::settings::Settings;
use crate::tui::terms;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

const KINDS: [TermKind; 3] = [TermKind::District, TermKind::Neighbourhood, TermKind::Theme];

/// What the typed line is for.
#[derive(Debug, Clone, PartialEq)]
enum Mode {
    /// Narrowing the list; Enter on an unknown name asks to add it.
    Browse,
    /// A new name for this entry.
    Rename(String),
    /// Choosing the entry to merge this one into.
    MergeInto(String),
    /// y/n: add this name.
    AskAdd(String),
    /// y/n: merge the first into the second.
    AskMerge(String, String),
}

pub struct ListsPopup {
    kind: usize,
    terms: Vec<Term>,
    /// Names that look like another entry typed twice, with that entry.
    near: Vec<(String, String)>,
    /// The names shown, by their place in `terms`, and the typed line.
    list: List<usize>,
    mode: Mode,
    message: Option<(bool, String)>,
}

impl ListsPopup {
    pub fn new(cx: &mut Cx) -> crate::store::Result<ListsPopup> {
        let mut p = ListsPopup {
            kind: 0,
            terms: Vec::new(),
            near: Vec::new(),
            list: List::typed(Vec::new(), cx.settings),
            mode: Mode::Browse,
            message: None,
        };
        p.reload(cx)?;
        Ok(p)
    }

    fn kind(&self) -> TermKind {
        KINDS[self.kind]
    }

    fn reload(&mut self, cx: &mut Cx) -> crate::store::Result<()> {
        self.terms = cx.store.terms(self.kind())?;
        self.near = cx
            .store
            .near_duplicates(self.kind())?
            .into_iter()
            .flat_map(|p| [(p.a.clone(), p.b.clone()), (p.b, p.a)])
            .collect();
        self.refilter();
        Ok(())
    }

    fn refilter(&mut self) {
        let q = match &self.mode {
            Mode::Browse | Mode::MergeInto(_) => self.list.filter.value(),
            _ => String::new(),
        };
        let names: Vec<&str> = self.terms.iter().map(|t| t.name.as_str()).collect();
        let mut shown = if q.trim().is_empty() {
            (0..names.len()).collect()
        } else {
            crate::tui::fuzzy::rank_or_near(&q, &names)
        };
        if let Mode::MergeInto(from) = &self.mode {
            shown.retain(|&i| self.terms[i].name != *from);
        }
        self.list.restart(shown);
    }

    fn selected(&self) -> Option<&Term> {
        self.list.selected().and_then(|&i| self.terms.get(i))
    }

    /// The names shown, in order (for tests).
    pub fn names(&self) -> Vec<String> {
        self.list
            .rows()
            .iter()
            .map(|&i| self.terms[i].name.clone())
            .collect()
    }

    /// The message or question shown under the list (for tests).
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|(_, m)| m.as_str())
    }

    fn set_mode(&mut self, mode: Mode, text: &str) {
        self.mode = mode;
        self.list.filter.set_value(text);
        self.refilter();
    }

    fn done(&mut self, cx: &mut Cx, msg: String) -> Outcome {
        self.set_mode(Mode::Browse, "");
        if let Err(e) = self.reload(cx) {
            self.message = Some((true, cx.settings.lang.store_error(&e)));
            return Outcome::Handled;
        }
        self.message = Some((false, msg.clone()));
        Outcome::one(Effect::Status(msg))
    }

    fn fail(&mut self, e: crate::store::StoreError, lang: crate::words::Lang) -> Outcome {
        self.message = Some((true, lang.store_error(&e)));
        Outcome::Handled
    }

    fn on_enter(&mut self, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        let kind = self.kind();
        match self.mode.clone() {
            Mode::Browse => {
                let typed = self.list.filter.value();
                if typed.trim().is_empty() {
                    return Outcome::Handled;
                }
                let names: Vec<String> = self.terms.iter().map(|t| t.name.clone()).collect();
                match vocab::resolve(&kind.normalise(&typed), &names) {
                    vocab::Resolution::Known(n) => {
                        self.message = Some((false, lang.f(T::ListsOnList, &[("name", &n)])));
                        Outcome::Handled
                    }
                    vocab::Resolution::Unknown { suggestions } => {
                        let u = UnknownTerm {
                            kind,
                            value: kind.normalise(&typed),
                            suggestions,
                            district: None,
                        };
                        self.message = Some((false, terms::question(lang, &u)));
                        self.mode = Mode::AskAdd(u.value);
                        Outcome::Handled
                    }
                }
            }
            Mode::Rename(old) => {
                let new = self.list.filter.value();
                match cx.store.rename_term(kind, &old, &new) {
                    Ok(n) => {
                        let msg = lang.f(
                            T::ListsRenamed,
                            &[("old", &old), ("new", &kind.normalise(&new)), ("n", &n)],
                        );
                        self.done(cx, msg)
                    }
                    Err(e) => self.fail(e, cx.settings.lang),
                }
            }
            Mode::MergeInto(from) => match self.selected() {
                Some(t) => {
                    let into = t.name.clone();
                    let uses = self
                        .terms
                        .iter()
                        .find(|t| t.name == from)
                        .map(|t| t.uses)
                        .unwrap_or(0);
                    self.message = Some((
                        false,
                        lang.f(
                            T::ListsAskMerge,
                            &[("from", &from), ("into", &into), ("n", &uses)],
                        ),
                    ));
                    self.mode = Mode::AskMerge(from, into);
                    Outcome::Handled
                }
                None => Outcome::Handled,
            },
            Mode::AskAdd(_) | Mode::AskMerge(..) => Outcome::Handled,
        }
    }

    fn on_answer(&mut self, yes: bool, cx: &mut Cx) -> Outcome {
        let lang = cx.settings.lang;
        let kind = self.kind();
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        if !yes {
            self.message = None;
            self.set_mode(Mode::Browse, "");
            return Outcome::Handled;
        }
        match mode {
            Mode::AskAdd(name) => match cx.store.add_term(kind, &name, None) {
                Ok(n) => {
                    let msg = lang.f(
                        T::NewTermAdded,
                        &[("kind", &terms::kind_word(lang, kind)), ("value", &n)],
                    );
                    self.done(cx, msg)
                }
                Err(e) => self.fail(e, cx.settings.lang),
            },
            Mode::AskMerge(from, into) => match cx.store.merge_terms(kind, &from, &into) {
                Ok(n) => {
                    let msg = lang.f(
                        T::ListsMerged,
                        &[("from", &from), ("into", &into), ("n", &n)],
                    );
                    self.done(cx, msg)
                }
                Err(e) => self.fail(e, cx.settings.lang),
            },
            other => {
                self.mode = other;
                Outcome::Handled
            }
        }
    }
}

/// A prompt of the catalogue with the name and the live keys filled in.
fn said(cx: &Cx, key: T, name: &str) -> String {
    let text = cx.settings.lang.f(key, &[("name", &name)]);
    cx.settings.keymap.fill(&text, true)
}

impl Popup for ListsPopup {
    fn discard(&mut self, _cx: &mut Cx) -> Outcome {
        if self.mode == Mode::Browse {
            return Outcome::one(Effect::Close);
        }
        self.message = None;
        self.set_mode(Mode::Browse, "");
        Outcome::Handled
    }

    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        if matches!(self.mode, Mode::AskAdd(_) | Mode::AskMerge(..)) {
            return match cx.settings.keymap.answer(&key) {
                Some(yes) => self.on_answer(yes, cx),
                None => Outcome::Handled,
            };
        }
        let own = if self.mode == Mode::Browse {
            cx.settings.keymap.lookup_command(&key, &[Scope::Lists])
        } else {
            None
        };
        match own {
            Some(Action::ListsRename) => {
                if let Some(t) = self.selected().map(|t| t.name.clone()) {
                    self.message = Some((false, said(cx, T::ListsRenaming, &t)));
                    self.set_mode(Mode::Rename(t.clone()), &t);
                }
                return Outcome::Handled;
            }
            Some(Action::ListsMerge) => {
                if let Some(t) = self.selected().map(|t| t.name.clone()) {
                    self.message = Some((false, said(cx, T::ListsMerging, &t)));
                    self.set_mode(Mode::MergeInto(t), "");
                }
                return Outcome::Handled;
            }
            Some(a @ (Action::ListsNextKind | Action::ListsPrevKind)) => {
                self.kind = if a == Action::ListsNextKind {
                    (self.kind + 1) % KINDS.len()
                } else {
                    (self.kind + KINDS.len() - 1) % KINDS.len()
                };
                self.message = None;
                self.list.filter.set_value("");
                if let Err(e) = self.reload(cx) {
                    return self.fail(e, cx.settings.lang);
                }
                return Outcome::Handled;
            }
            _ => {}
        }
        let view = cx.size.height.saturating_sub(10) as usize;
        match self.list.on_key(key, cx.settings, view) {
            ListKey::Back => match &self.mode {
                Mode::Browse => Outcome::one(Effect::Close),
                // A new name typed: asked before it goes.
                Mode::Rename(old) => {
                    let typed = self.list.filter.value() != *old;
                    super::confirm::discard_or_ask(typed, cx)
                }
                _ => self.discard(cx),
            },
            ListKey::Open => self.on_enter(cx),
            ListKey::Typed => {
                self.refilter();
                Outcome::Handled
            }
            ListKey::Moved | ListKey::Other(_) => Outcome::Handled,
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let _ = self.reload(cx);
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let t = |k| s.lang.t(k);
        let width = 72.min(area.width.saturating_sub(2));
        let height = (self.list.rows().len() as u16 + 8)
            .min(area.height.saturating_sub(2))
            .max(10);
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, t(T::ListsTitle));
        let [tabs, q, list, msg, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        let mut spans = Vec::new();
        for (i, k) in KINDS.iter().enumerate() {
            let style = if i == self.kind {
                s.theme.selected
            } else {
                s.theme.muted
            };
            spans.push(Span::styled(
                format!(" {} ", terms::kind_word(s.lang, *k)),
                style,
            ));
            spans.push(Span::raw(" "));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
        let prompt = match self.mode {
            Mode::Rename(_) => "= ",
            Mode::MergeInto(_) => "→ ",
            _ => "> ",
        };
        self.list.filter.draw(frame, q, s, prompt);
        let item = |&i: &usize| {
            let term = &self.terms[i];
            let mut spans = vec![Span::raw(term.name.clone())];
            if let Some(d) = &term.district {
                spans.push(Span::styled(format!(" ({d})"), s.theme.muted));
            }
            spans.push(Span::styled(
                format!("  {}", s.lang.f(T::ListsUses, &[("n", &term.uses)])),
                s.theme.muted,
            ));
            for (a, b) in &self.near {
                if *a == term.name {
                    spans.push(Span::styled(format!("  ~ {b}"), s.theme.error));
                }
            }
            ListItem::new(Line::from(spans))
        };
        let empty = widgets::keys_hint(s, T::ListsEnterToAdd, true);
        let look = Items {
            empty: Some(&empty),
            ..Items::default()
        };
        self.list.draw_items(frame, list, s, item, look);
        if let Some((is_err, m)) = &self.message {
            let style = if *is_err { s.theme.error } else { s.theme.key };
            frame.render_widget(
                Paragraph::new(Span::styled(m.clone(), style)).wrap(Wrap { trim: true }),
                msg,
            );
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                widgets::keys_hint(s, T::ListsKeys, true),
                s.theme.muted,
            )),
            keys,
        );
    }
}

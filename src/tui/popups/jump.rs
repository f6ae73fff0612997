//! Ctrl-P: jump to any record by fuzzy name or by ID (O-7, P-4, S-42, A-3, C-12, M-5).
//!
//! Organisations and people (a few thousand at most) are held in memory and matched
//! fuzzily. Signals, actions, commitments and meetings can be 100,000 rows, so they
//! are never loaded whole: an ID is looked up directly, and other text asks the
//! full-text index for its best hits, which are then ranked together with the names.

use super::Popup;
use crate::domain::{RecordKind, RecordRef};
use crate::store::{SearchKind, Store};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::fuzzy;
use crate::tui::list::{Items, List, ListKey};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

/// How many organisations and people the jump list offers at most.
const CAP: usize = 5000;
/// Full-text hits asked for per keystroke.
const SEARCHED: usize = 40;
/// Below every fuzzy name match: full-text hits whose title does not match fuzzily.
const TEXT_ONLY: i64 = -10_000;

#[derive(Debug, Clone)]
struct Target {
    record: RecordRef,
    name: String,
    extra: String,
}

pub struct Jump {
    /// Organisations and people.
    targets: Vec<Target>,
    /// The other kinds, found for the current query.
    found: Vec<Target>,
    /// Indices into `targets` followed by `found` (index - targets.len()).
    list: List<usize>,
}

/// A record's name by its ID, or `None` when it does not exist.
pub fn record_title(store: &Store, r: RecordRef) -> Option<String> {
    match r.kind {
        RecordKind::Organisation => store.org(r.id).ok().map(|o| o.name),
        RecordKind::Person => store.person(r.id).ok().map(|p| p.name),
        RecordKind::Signal => store.signal(r.id).ok().map(|s| s.title),
        RecordKind::Action => store.action(r.id).ok().map(|a| a.text),
        RecordKind::Commitment => store.commitment(r.id).ok().map(|c| c.text),
        RecordKind::Meeting => store.meeting(r.id).ok().map(|m| m.title),
    }
}

fn kind_label(kind: SearchKind, s: &Settings) -> &'static str {
    super::search::heading(kind, s.lang)
}

impl Jump {
    pub fn new(cx: &mut Cx) -> crate::store::Result<Jump> {
        let mut targets = Vec::new();
        for o in cx.store.org_summaries("", CAP)? {
            let extra = [o.org.short_name.clone(), o.org.district.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            targets.push(Target {
                record: o.org.reference(),
                name: o.org.name,
                extra: extra.join(", "),
            });
        }
        for p in cx.store.people("", None, CAP)? {
            let extra = [
                Some(p.role.clone()).filter(|r| !r.is_empty()),
                p.org_name.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            targets.push(Target {
                record: p.reference(),
                name: p.name,
                extra: extra.join(", "),
            });
        }
        let list = List::typed((0..targets.len()).collect(), cx.settings);
        Ok(Jump {
            targets,
            found: Vec::new(),
            list,
        })
    }

    fn target(&self, i: usize) -> &Target {
        match i.checked_sub(self.targets.len()) {
            Some(j) => &self.found[j],
            None => &self.targets[i],
        }
    }

    fn refilter(&mut self, cx: &mut Cx) {
        let q = self.list.filter.value();
        self.found.clear();
        // An ID: that record alone, of whatever kind.
        if let Ok(r) = RecordRef::parse(q.trim(), None) {
            if let Some(i) = self.targets.iter().position(|t| t.record == r) {
                self.list.restart(vec![i]);
                return;
            }
            if let Some(name) = record_title(cx.store, r) {
                self.found.push(Target {
                    record: r,
                    name,
                    extra: String::new(),
                });
                self.list.restart(vec![self.targets.len()]);
                return;
            }
        }
        // Names, fuzzily, with the full-text index's hits of the other kinds.
        let mut scored: Vec<(i64, usize)> = self
            .targets
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                fuzzy::score(&q, &format!("{} {}", t.name, t.extra)).map(|sc| (sc, i))
            })
            .collect();
        if !q.trim().is_empty()
            && let Ok(hits) = cx.store.search(&q, SEARCHED)
        {
            for (rank, h) in hits.into_iter().enumerate() {
                let Ok(record) = RecordRef::parse(&h.record, None) else {
                    continue;
                };
                if matches!(record.kind, RecordKind::Organisation | RecordKind::Person)
                    || self.found.iter().any(|f| f.record == record)
                {
                    continue;
                }
                let score = fuzzy::score(&q, &h.title).unwrap_or(TEXT_ONLY - rank as i64);
                scored.push((score, self.targets.len() + self.found.len()));
                self.found.push(Target {
                    record,
                    name: h.title,
                    extra: kind_label(h.kind, cx.settings).to_string(),
                });
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.list
            .restart(scored.into_iter().map(|(_, i)| i).collect());
    }

    /// The records offered, best first (for tests).
    pub fn offered(&self) -> Vec<RecordRef> {
        self.list
            .rows()
            .iter()
            .map(|&i| self.target(i).record)
            .collect()
    }
}

impl Popup for Jump {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize;
        match self.list.on_key(key, cx.settings, view) {
            ListKey::Back => Outcome::one(Effect::Close),
            ListKey::Open => match self.list.selected() {
                Some(&i) => {
                    Outcome::Effects(vec![Effect::Close, Effect::Goto(self.target(i).record)])
                }
                None => Outcome::Handled,
            },
            ListKey::Typed => {
                self.refilter(cx);
                Outcome::Handled
            }
            ListKey::Moved | ListKey::Other(_) => Outcome::Handled,
        }
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.list.filter.paste(text) {
            self.refilter(cx);
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 72.min(area.width.saturating_sub(2));
        let height = 20.min(area.height.saturating_sub(2));
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::JumpTitle));
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        self.list.filter.draw(frame, q, s, "> ");
        let item = |&i: &usize| {
            let t = self.target(i);
            ListItem::new(Line::from(vec![
                Span::styled(format!("{:<6} ", t.record.to_string()), s.theme.muted),
                Span::raw(vis(&t.name)),
                Span::styled(
                    if t.extra.is_empty() {
                        String::new()
                    } else {
                        format!("  {}", vis(&t.extra))
                    },
                    s.theme.muted,
                ),
            ]))
        };
        let empty = if self.list.filter.value().trim().is_empty() {
            s.lang.t(T::JumpHint)
        } else {
            s.lang.t(T::NothingMatches)
        };
        let look = Items {
            empty: Some(empty),
            ..Items::default()
        };
        self.list.draw_items(frame, list, s, item, look);
    }
}

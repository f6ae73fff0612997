//! Full-text search (`S`, Ctrl-F): results as you type, grouped by kind, with the text
//! around each match and the matched words highlighted. Enter opens the record on the
//! screen that lists its kind. The store turns any text into a valid query or a plain
//! message; that message is shown here, never an error from SQLite.
//!
//! A search runs on every key, so it may take at most [`TYPING_BUDGET`]: a search that
//! would take longer shows what it found by then, its count marked with `+`, and the
//! next key searches afresh. Typing never waits on a slow query.

use super::Popup;
use crate::domain::RecordRef;
use crate::store::{SearchHit, SearchKind};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::list::{List, ListKey};
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis};
use crate::words::{Lang, T};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::time::Duration;

/// Hits asked of the store per keystroke.
pub const LIMIT: usize = 50;

/// How long one keystroke's search may take before it settles for what it found.
pub const TYPING_BUDGET: Duration = Duration::from_millis(40);

pub struct Search {
    /// The hits, in the order shown, and the query line.
    hits: List<SearchHit>,
    /// The store's message for a query it cannot take.
    message: Option<String>,
    /// The search ran out of time before it read every kind.
    partial: bool,
}

/// A group heading in the user's language.
pub fn heading(kind: SearchKind, lang: Lang) -> &'static str {
    match lang {
        Lang::En => kind.heading(),
        Lang::Nl => kind.heading_nl(),
    }
}

impl Search {
    pub fn new(cx: &mut Cx) -> Search {
        Search {
            hits: List::typed(Vec::new(), cx.settings),
            message: None,
            partial: false,
        }
    }

    /// Ask the store again for what is typed now.
    fn research(&mut self, cx: &mut Cx) {
        let q = self.hits.filter.value();
        self.partial = false;
        if q.trim().is_empty() {
            self.hits.restart(Vec::new());
            self.message = None;
            return;
        }
        match cx.store.search_within(&q, LIMIT, Some(TYPING_BUDGET)) {
            Ok((hits, complete)) => {
                self.hits.restart(hits);
                self.partial = !complete;
                self.message = None;
            }
            Err(e) => {
                self.hits.restart(Vec::new());
                self.message = Some(cx.settings.lang.store_error(&e));
            }
        }
    }

    /// The records found, in the order shown (for tests).
    pub fn offered(&self) -> Vec<String> {
        self.hits.rows().iter().map(|h| h.record.clone()).collect()
    }

    /// The message shown instead of results, if any (for tests).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the last search ran out of time before it read every kind.
    pub fn partial(&self) -> bool {
        self.partial
    }

    /// The lines of the result list and, per hit, the line its title is on.
    fn lines(&self, s: &Settings, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
        let mut lines = Vec::new();
        let hits = self.hits.rows();
        let mut at = Vec::with_capacity(hits.len());
        let mut kind = None;
        for (i, h) in hits.iter().enumerate() {
            if kind != Some(h.kind) {
                kind = Some(h.kind);
                let n = hits.iter().filter(|x| x.kind == h.kind).count();
                lines.push(widgets::heading(s, heading(h.kind, s.lang), Some(n)));
            }
            at.push(lines.len());
            let style = if i == self.hits.selected_index() {
                s.theme.selected
            } else {
                s.theme.base
            };
            let title = clip(&vis(&h.title), width.saturating_sub(10));
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<7}", h.record), style),
                Span::styled(title, style),
            ]));
            let snippet = if h.snippet.trim().is_empty() || h.snippet == h.title {
                None
            } else {
                Some(h)
            };
            if let Some(h) = snippet {
                lines.push(snippet_line(s, h, width.saturating_sub(4)));
            }
        }
        (lines, at)
    }
}

/// `text` cut to `max` cells, with an ellipsis when cut; never inside a grapheme cluster.
fn clip(text: &str, max: usize) -> String {
    crate::domain::text::fit_cells(text, max, "…")
}

/// The snippet, indented, matched words in the mark style (bold and underlined in
/// monochrome, so they show without colour).
fn snippet_line(s: &Settings, h: &SearchHit, max: usize) -> Line<'static> {
    let chars: Vec<char> = h.snippet.chars().collect();
    // Start a little before the first match so that it is on screen.
    let first = h.highlights.first().map(|r| r.0).unwrap_or(0);
    let mut start = if first + 8 > max {
        first.saturating_sub(max / 3)
    } else {
        0
    };
    // From the start of a word.
    if start > 0
        && let Some(sp) = (start..first).find(|&i| chars[i].is_whitespace())
    {
        start = sp + 1;
    }
    let end = chars.len().min(start + max.saturating_sub(1));
    let hl = s
        .theme
        .mark
        .add_modifier(ratatui::style::Modifier::UNDERLINED);
    let lead = if start > 0 && chars.get(start - 1) != Some(&'…') {
        "    …"
    } else {
        "    "
    };
    let mut spans = vec![Span::raw(lead)];
    let mut run = String::new();
    let mut run_style = Style::default();
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        let inside = h.highlights.iter().any(|&(a, b)| i >= a && i < b);
        let style = if inside { hl } else { s.theme.muted };
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(vis(&std::mem::take(&mut run)), run_style));
        }
        run_style = style;
        run.push(*c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(vis(&run), run_style));
    }
    Line::from(spans)
}

impl Popup for Search {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let view = cx.size.height.saturating_sub(8) as usize / 2;
        match self.hits.on_key(key, cx.settings, view) {
            ListKey::Back => Outcome::one(Effect::Close),
            ListKey::Open => match self.hits.selected() {
                Some(h) => match RecordRef::parse(&h.record, None) {
                    Ok(r) => Outcome::Effects(vec![Effect::Close, Effect::Goto(r)]),
                    Err(_) => {
                        Outcome::error(cx.settings.lang.f(T::NoScreenFor, &[("id", &h.record)]))
                    }
                },
                None => Outcome::Handled,
            },
            ListKey::Typed => {
                self.research(cx);
                Outcome::Handled
            }
            ListKey::Moved | ListKey::Other(_) => Outcome::Handled,
        }
    }

    fn on_paste(&mut self, text: &str, cx: &mut Cx) -> Outcome {
        if self.hits.filter.paste(text) {
            self.research(cx);
        }
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn refresh(&mut self, cx: &mut Cx) {
        let keep = self.hits.selected().map(|h| h.record.clone());
        self.research(cx);
        if let Some(k) = keep
            && let Some(i) = self.hits.rows().iter().position(|h| h.record == k)
        {
            self.hits.select_at(i);
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 96.min(area.width.saturating_sub(4));
        let height = 30.min(area.height.saturating_sub(4));
        let rect = widgets::centered(area, width, height);
        let title = if self.hits.is_empty() {
            s.lang.t(T::SearchTitle).to_string()
        } else {
            // "50+ found": more may match than were read in time.
            let n = format!(
                "{}{}",
                self.hits.rows().len(),
                if self.partial { "+" } else { "" }
            );
            format!(
                "{} - {}",
                s.lang.t(T::SearchTitle),
                s.lang.f(T::SearchCount, &[("n", &n)])
            )
        };
        let inner = widgets::popup_frame(frame, rect, s, &title);
        let [q, list, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        self.hits.filter.draw(frame, q, s, "> ");
        frame.render_widget(
            Paragraph::new(Line::styled(
                widgets::keys_hint(s, T::SearchFooter, true),
                s.theme.muted,
            )),
            foot,
        );
        let msg = |text: &str, style: Style| {
            Paragraph::new(Span::styled(text.to_string(), style)).wrap(Wrap { trim: true })
        };
        if let Some(m) = &self.message {
            frame.render_widget(msg(&vis(m), s.theme.error), list);
            return;
        }
        if self.hits.is_empty() {
            let text = if self.hits.filter.value().trim().is_empty() {
                s.lang.t(T::SearchHint)
            } else {
                s.lang.t(T::NothingMatches)
            };
            frame.render_widget(msg(text, s.theme.muted), list);
            return;
        }
        let (lines, at) = self.lines(s, usize::from(list.width));
        // Scroll so that the selected hit (its title and snippet) is in view.
        let h = usize::from(list.height).max(1);
        let selected = self.hits.selected_index();
        let sel = at.get(selected).copied().unwrap_or(0);
        let top = if selected == 0 {
            0
        } else {
            (sel + 2).saturating_sub(h)
        };
        let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
        frame.render_widget(Paragraph::new(shown), list);
    }
}

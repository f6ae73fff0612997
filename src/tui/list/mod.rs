//! The one list component of the list screens and the filtered-list popups.
//!
//! A [`List`] holds a [`Window`] of rows (paged from the store with keyset queries,
//! or held whole when the list is short or already in memory), moves the selection
//! with the list actions (Up, Down, PageUp, PageDown, Top, Bottom: never raw keys),
//! carries an optional [`FilterLine`] typed into with the shared text input, and draws
//! the rows in view as a table (screens) or as items (popups), with the selection bar
//! and the line that stands in for an empty list.
//!
//! What stays with a screen or popup is what is its own: where the rows come from
//! (a [`Pages`] source or the rows it holds), its columns and how a row reads, and its
//! actions.

use super::action::{Action, Scope};
use super::settings::Settings;
use super::table::TableRow;
use super::widgets::{self, ListCursor};
#[cfg(test)]
use super::window::MARGIN;
use super::window::{Pages, Window};
use crate::store::Result;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, List as ItemList, ListItem, ListState, Paragraph, Wrap};

mod filter_line;

pub use filter_line::{FilterLine, FilterStep};

/// From this width on, a list screen's detail pane stands beside the list.
pub const WIDE: u16 = 110;

/// Whether `action` moves a list's selection (Up, Down, PageUp, PageDown, Top, Bottom).
pub fn moves(action: Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    )
}

/// What a key did to a list typed into (a popup's choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    /// The selection moved.
    Moved,
    /// The text typed changed: the owner narrows the list again.
    Typed,
    /// Enter: the owner takes the selected row.
    Open,
    /// Esc.
    Back,
    /// Neither a list key nor text (Tab, Ctrl-S, …), with its action if it has one.
    Other(Option<Action>),
}

/// The rows a held list already has: nothing more to fetch.
struct Held;

impl<R> Pages<R> for Held {
    fn after(&mut self, _: Option<&R>, _: usize) -> Result<Vec<R>> {
        Ok(Vec::new())
    }
    fn before(&mut self, _: Option<&R>, _: usize) -> Result<Vec<R>> {
        Ok(Vec::new())
    }
}

/// A table's columns: the header, the widths, and how many leading columns name the
/// record (the selection bar covers those).
pub struct Columns<'a> {
    pub header: Vec<&'a str>,
    pub widths: Vec<Constraint>,
    pub key_cols: usize,
}

impl<'a> Columns<'a> {
    pub fn new(header: Vec<&'a str>, widths: Vec<Constraint>, key_cols: usize) -> Self {
        Columns {
            header,
            widths,
            key_cols,
        }
    }
}

/// How a popup's items look.
#[derive(Debug, Clone, Copy, Default)]
pub struct Items<'a> {
    /// Drawn before the selected item (and room kept for it before the others).
    pub mark: Option<&'static str>,
    /// Stands in for an empty list.
    pub empty: Option<&'a str>,
    /// Lines each item takes (one when zero).
    pub lines: usize,
    /// The list is not where keys go: no selection shown.
    pub unfocused: bool,
}

/// One list: its rows in view, the selection, paging and the filter line.
#[derive(Debug, Clone)]
pub struct List<R> {
    window: Window<R>,
    pub filter: FilterLine,
    /// The selection moved and what follows it (a detail pane) waits for it to rest.
    unsettled: bool,
}

impl<R> Default for List<R> {
    fn default() -> Self {
        List {
            window: Window::default(),
            filter: FilterLine::default(),
            unsettled: false,
        }
    }
}

impl<R: Clone> List<R> {
    /// A list held whole, typed into from the start (a popup's choices).
    pub fn typed(rows: Vec<R>, s: &Settings) -> List<R> {
        let mut l = List::held(rows);
        l.filter.start(s);
        l
    }

    /// A list held whole with a filter line typed into, its look left to its owner.
    pub fn held(rows: Vec<R>) -> List<R> {
        let mut l = List {
            window: Window::default(),
            filter: FilterLine::open(),
            unsettled: false,
        };
        l.restart(rows);
        l
    }

    /// The rows held (all of a short list, a window of a long one).
    pub fn rows(&self) -> &[R] {
        &self.window.rows
    }

    pub fn is_empty(&self) -> bool {
        self.window.rows.is_empty()
    }

    pub fn selected(&self) -> Option<&R> {
        self.window.selected()
    }

    /// Where the selection is among the rows held.
    pub fn selected_index(&self) -> usize {
        self.window.cursor.selected
    }

    /// Selects the first held row `pick` names; false when none does.
    pub fn select_where(&mut self, pick: impl Fn(&R) -> bool, view: usize) -> bool {
        match self.window.rows.iter().position(pick) {
            Some(i) => {
                self.window.cursor.selected = i;
                self.window.cursor.clamp(self.window.rows.len(), view);
                true
            }
            None => false,
        }
    }

    // Paged from the store.

    /// Reload around the selected row, keeping it (by `same`) and its place on screen,
    /// with `margin` rows beyond the screen.
    pub fn reload(
        &mut self,
        src: &mut impl Pages<R>,
        view: usize,
        margin: usize,
        same: impl Fn(&R, &R) -> bool,
    ) -> Result<()> {
        self.window.reload(src, view, margin, same)
    }

    /// Load the rows around `row` and select it.
    pub fn show(
        &mut self,
        src: &mut impl Pages<R>,
        row: &R,
        view: usize,
        same: impl Fn(&R, &R) -> bool,
    ) -> Result<()> {
        self.window.show(src, row, view, same)
    }

    /// From the top again (a new filter).
    pub fn top(&mut self, src: &mut impl Pages<R>, view: usize) -> Result<()> {
        self.window.top(src, view)
    }

    /// A movement action over a paged list; false when the action is not one.
    pub fn step(&mut self, action: Action, src: &mut impl Pages<R>, view: usize) -> Result<bool> {
        self.window.apply(action, src, view)
    }

    // Held whole.

    /// Hold `rows` whole, selecting the one `keep` picks (else the first), where the
    /// selection stood on screen.
    pub fn hold(&mut self, rows: Vec<R>, view: usize, keep: impl Fn(&R) -> bool) {
        self.window.hold_all(rows, view, keep);
    }

    /// Hold `rows` whole from the top, the first selected (a new filter).
    pub fn restart(&mut self, rows: Vec<R>) {
        self.window.hold_all(rows, 1, |_| false);
        self.window.cursor = ListCursor::default();
    }

    /// A movement action over the rows held; false when the action is not one.
    pub fn step_held(&mut self, action: Action, view: usize) -> bool {
        // Held rows reach both ends, so nothing is fetched.
        self.window.apply(action, &mut Held, view).unwrap_or(false)
    }

    /// A key in a list held whole and typed into: the movement actions move, Enter and
    /// Esc go to the owner, and other keys type into the filter line.
    pub fn on_key(&mut self, key: KeyEvent, s: &Settings, view: usize) -> ListKey {
        let action = s.keymap.lookup_event(&key, &[Scope::List], true);
        match action {
            Some(a) if self.step_held(a, view) => ListKey::Moved,
            Some(Action::Open) => ListKey::Open,
            Some(Action::Back) => ListKey::Back,
            _ if self.filter.key(key) => ListKey::Typed,
            other => ListKey::Other(other),
        }
    }

    /// After a move: whether what follows the selection (a detail pane) should follow
    /// now; when the shell defers it, it waits until the selection rests (a held key
    /// then costs the list's bytes, not the pane's).
    pub fn follow_now(&mut self, defer: bool) -> bool {
        self.unsettled = defer;
        !defer
    }

    /// The selection moved and what follows it has not caught up.
    pub fn unsettled(&self) -> bool {
        self.unsettled
    }

    /// What follows the selection has caught up with it.
    pub fn settled(&mut self) {
        self.unsettled = false;
    }

    /// Select the `i`th row held, when there is one.
    pub fn select_at(&mut self, i: usize) {
        if i < self.window.rows.len() {
            self.window.cursor.selected = i;
        }
    }

    // Drawing (pure: drawing never changes the list).

    /// The held rows a view of `height` rows shows, and where the first of them is.
    pub fn in_view(&self, height: usize) -> (usize, &[R]) {
        let range = self.window.cursor.window(self.window.rows.len(), height);
        (range.start, &self.window.rows[range])
    }

    /// The width of a column that shows `cell` of every held row whole (IDs are never
    /// cut), and its header, and at least `min`.
    pub fn whole_width(&self, header: &str, min: u16, cell: impl Fn(&R) -> String) -> u16 {
        let cells: Vec<String> = self.window.rows.iter().map(cell).collect();
        super::fit::whole(header, cells.iter().map(String::as_str), min)
    }

    /// The rows in view as a table in `block`, the selected one marked; `empty` stands
    /// in for an empty list.
    #[allow(clippy::too_many_arguments)]
    pub fn draw_table<'a>(
        &self,
        frame: &mut Frame,
        area: Rect,
        s: &Settings,
        block: Block<'_>,
        columns: Columns<'_>,
        row: impl FnMut(&R) -> TableRow<'a>,
        empty: Option<&str>,
    ) {
        let (start, shown) = self.in_view(widgets::table_rows(area.height));
        let rows: Vec<TableRow> = shown.iter().map(row).collect();
        let selected = (!self.is_empty()).then(|| self.window.cursor.selected - start);
        widgets::table(
            frame,
            area,
            s,
            block,
            columns.header,
            &columns.widths,
            rows,
            selected,
            columns.key_cols,
        );
        if let Some(text) = empty.filter(|_| self.is_empty()) {
            let line = Rect {
                x: area.x + 2,
                y: area.y + 2,
                width: area.width.saturating_sub(4),
                height: 1,
            };
            frame.render_widget(
                Paragraph::new(Span::styled(text.to_string(), s.theme.muted)),
                line,
            );
        }
    }

    /// The rows in view as items filling `area`, the selected one in the selection
    /// style; `look.empty` stands in for an empty list.
    pub fn draw_items<'a>(
        &self,
        frame: &mut Frame,
        area: Rect,
        s: &Settings,
        item: impl FnMut(&R) -> ListItem<'a>,
        look: Items<'_>,
    ) {
        if self.is_empty() {
            if let Some(text) = look.empty {
                frame.render_widget(
                    Paragraph::new(Span::styled(text.to_string(), s.theme.muted))
                        .wrap(Wrap { trim: true }),
                    area,
                );
            }
            return;
        }
        let fit = usize::from(area.height) / look.lines.max(1);
        let (start, shown) = self.in_view(fit.max(1));
        let items: Vec<ListItem> = shown.iter().map(item).collect();
        let selected = (!look.unfocused).then(|| self.window.cursor.selected - start);
        let mut state = ListState::default().with_selected(selected);
        let mut list = ItemList::new(items).highlight_style(s.theme.selected);
        if let Some(mark) = look.mark {
            list = list.highlight_symbol(mark);
        }
        frame.render_stateful_widget(list, area, &mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Lang;
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::text::Text;

    /// The numbers 0..len, or those the filter's digits start, a page at a time.
    struct Numbers {
        len: u32,
        starting: String,
    }

    impl Numbers {
        fn all(&self) -> Vec<u32> {
            (0..self.len)
                .filter(|n| n.to_string().starts_with(&self.starting))
                .collect()
        }
    }

    impl Pages<u32> for Numbers {
        fn after(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
            Ok(self
                .all()
                .into_iter()
                .filter(|x| row.is_none_or(|r| x > r))
                .take(n)
                .collect())
        }
        fn before(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
            let mut v: Vec<u32> = self
                .all()
                .into_iter()
                .filter(|x| row.is_none_or(|r| x < r))
                .collect();
            Ok(v.split_off(v.len().saturating_sub(n)))
        }
    }

    fn numbers(len: u32) -> Numbers {
        Numbers {
            len,
            starting: String::new(),
        }
    }

    fn settings() -> Settings {
        Settings::new(Lang::En, true, false)
    }

    fn typed(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// The text of a drawn table of the list's rows, a row a line.
    fn drawn(list: &List<u32>, height: u16, empty: Option<&str>) -> Vec<String> {
        let s = settings();
        let mut term = Terminal::new(TestBackend::new(30, height)).unwrap();
        term.draw(|f| {
            let cols = Columns {
                header: vec!["n"],
                widths: vec![Constraint::Min(5)],
                key_cols: 1,
            };
            let block = widgets::block(&s, " numbers ", true);
            list.draw_table(
                f,
                f.area(),
                &s,
                block,
                cols,
                |n| vec![Text::from(n.to_string())],
                empty,
            );
        })
        .unwrap();
        let buf = term.backend().buffer();
        (0..height)
            .map(|y| {
                (0..30)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn paging_stops_at_both_ends_and_jumps_to_them() {
        let mut src = numbers(1_000);
        let mut l = List::default();
        l.top(&mut src, 10).unwrap();
        // At the top, up and page up stay on the first row.
        assert!(l.step(Action::Up, &mut src, 10).unwrap());
        assert!(l.step(Action::PageUp, &mut src, 10).unwrap());
        assert_eq!(l.selected(), Some(&0));
        l.step(Action::PageDown, &mut src, 10).unwrap();
        assert_eq!(l.selected(), Some(&10));
        l.step(Action::Bottom, &mut src, 10).unwrap();
        assert_eq!(l.selected(), Some(&999));
        // At the bottom, down and page down stay on the last row.
        l.step(Action::Down, &mut src, 10).unwrap();
        l.step(Action::PageDown, &mut src, 10).unwrap();
        assert_eq!(l.selected(), Some(&999));
        l.step(Action::PageUp, &mut src, 10).unwrap();
        assert_eq!(l.selected(), Some(&989));
        l.step(Action::Top, &mut src, 10).unwrap();
        assert_eq!(l.selected(), Some(&0));
        // Not a movement: the list leaves it to its owner.
        assert!(!l.step(Action::Open, &mut src, 10).unwrap());
        // The last rows drawn are the list's last, the selection on the last.
        l.step(Action::Bottom, &mut src, 10).unwrap();
        let lines = drawn(&l, 8, None);
        assert!(lines[6].contains("> 999"), "{lines:?}");
        assert!(lines[2].contains("995"), "{lines:?}");
        // A detail pane deferred by the shell waits until the selection rests.
        assert!(!l.follow_now(true) && l.unsettled());
        l.settled();
        assert!(!l.unsettled());
        assert!(l.follow_now(false) && !l.unsettled());
    }

    #[test]
    fn a_refresh_keeps_the_selected_row_by_its_key() {
        let mut src = numbers(500);
        let mut l = List::default();
        l.top(&mut src, 10).unwrap();
        for _ in 0..3 {
            l.step(Action::PageDown, &mut src, 10).unwrap();
        }
        assert_eq!(l.selected(), Some(&30));
        // Rows before it went away (another process): the same row stays selected.
        let mut fewer = Numbers {
            len: 500,
            starting: String::new(),
        };
        struct Without<'a>(&'a mut Numbers, std::ops::Range<u32>);
        impl Pages<u32> for Without<'_> {
            fn after(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
                let mut v = self.0.after(row, n + 50)?;
                v.retain(|x| !self.1.contains(x));
                v.truncate(n);
                Ok(v)
            }
            fn before(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
                let mut v = self.0.before(row, n + 50)?;
                v.retain(|x| !self.1.contains(x));
                Ok(v.split_off(v.len().saturating_sub(n)))
            }
        }
        l.reload(&mut Without(&mut fewer, 20..28), 10, MARGIN, |a, b| a == b)
            .unwrap();
        assert_eq!(l.selected(), Some(&30));
        // Held whole, the kept row is found by its key among the new rows.
        let mut held: List<u32> = List::default();
        held.hold((0..50).collect(), 10, |_| false);
        held.step_held(Action::PageDown, 10);
        held.step_held(Action::Down, 10);
        let keep = *held.selected().unwrap();
        assert_eq!(keep, 11);
        held.hold((5..60).rev().collect(), 10, |n| *n == keep);
        assert_eq!(held.selected(), Some(&11));
    }

    #[test]
    fn the_filter_line_narrows_the_list_and_esc_brings_it_back() {
        let s = settings();
        let mut src = numbers(300);
        let mut l: List<u32> = List::default();
        l.top(&mut src, 10).unwrap();
        assert!(!l.filter.shown());
        // Typing before `/` goes nowhere.
        assert!(!l.filter.key(typed('2')));
        assert_eq!(
            l.filter.on_action(Action::Filter, &s),
            Some(FilterStep::Started)
        );
        for c in ['2', '5'] {
            assert!(l.filter.key(typed(c)));
            src.starting = l.filter.value();
            l.top(&mut src, 10).unwrap();
        }
        let mut seen = vec![*l.selected().unwrap()];
        while l.step(Action::Down, &mut src, 10).unwrap() {
            let now = *l.selected().unwrap();
            if Some(&now) == seen.last() {
                break;
            }
            seen.push(now);
        }
        assert_eq!(
            seen,
            vec![25, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259]
        );
        // Enter ends typing and keeps the filter; its line stays.
        assert_eq!(l.filter.on_action(Action::Open, &s), Some(FilterStep::Done));
        assert!(l.filter.shown() && !l.filter.is_typing());
        assert!(!l.filter.key(typed('9')));
        assert_eq!(l.filter.value(), "25");
        // Esc clears it.
        assert_eq!(
            l.filter.on_action(Action::Back, &s),
            Some(FilterStep::Cleared)
        );
        assert!(!l.filter.shown());
        assert_eq!(l.filter.on_action(Action::Back, &s), None);
        // A list held whole narrows from the top.
        let mut held = List::typed((0..100u32).collect(), &s);
        held.step_held(Action::Bottom, 10);
        assert!(held.filter.key(typed('7')));
        let q = held.filter.value();
        held.restart((0..100u32).filter(|n| n.to_string().contains(&q)).collect());
        assert_eq!(held.selected(), Some(&7));
        assert_eq!(held.rows().len(), 19);
    }

    #[test]
    fn keys_in_a_typed_list_move_type_or_go_to_its_owner() {
        let s = settings();
        let mut l = List::typed(vec!["alpha", "beta", "gamma"], &s);
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(l.on_key(key(KeyCode::Down), &s, 5), ListKey::Moved);
        assert_eq!(l.selected(), Some(&"beta"));
        assert_eq!(l.on_key(key(KeyCode::PageDown), &s, 5), ListKey::Moved);
        assert_eq!(l.selected(), Some(&"gamma"));
        // Letters are text here, not the list's j/k.
        assert_eq!(l.on_key(typed('j'), &s, 5), ListKey::Typed);
        assert_eq!(l.filter.value(), "j");
        assert_eq!(l.selected(), Some(&"gamma"));
        assert_eq!(l.on_key(key(KeyCode::Enter), &s, 5), ListKey::Open);
        assert_eq!(l.on_key(key(KeyCode::Esc), &s, 5), ListKey::Back);
        assert!(matches!(
            l.on_key(key(KeyCode::Tab), &s, 5),
            ListKey::Other(_)
        ));
    }

    #[test]
    fn an_empty_list_selects_nothing_and_says_so() {
        let mut src = numbers(0);
        let mut l: List<u32> = List::default();
        l.top(&mut src, 10).unwrap();
        assert!(l.is_empty() && l.selected().is_none());
        for a in [Action::Down, Action::PageDown, Action::Bottom, Action::Up] {
            assert!(l.step(a, &mut src, 10).unwrap());
            assert!(l.selected().is_none());
        }
        assert!(!l.select_where(|_| true, 10));
        let lines = drawn(&l, 6, Some("Nothing matches"));
        assert!(lines[2].contains("Nothing matches"), "{lines:?}");
        assert!(!lines.iter().any(|l| l.contains('>')), "{lines:?}");
        // Without a stand-in line, an empty list draws only its frame and header.
        let lines = drawn(&l, 6, None);
        assert!(!lines.iter().any(|l| l.contains("Nothing")), "{lines:?}");
        let mut held: List<u32> = List::default();
        held.restart(Vec::new());
        assert!(held.step_held(Action::Down, 10));
        assert!(held.selected().is_none());
    }
}

//! A window on a long ordered list, paged with keyset queries (never OFFSET): a screen
//! holds at most [`HOLD`] rows around the selection, fetches the next or previous page
//! when the selection nears an end, and jumps to either end with one query. What it
//! costs to move, page or jump does not grow with the length of the list.

use super::action::Action;
use super::widgets::ListCursor;
use crate::store::{Result, Store};

/// Rows fetched when the selection nears an end of what is held.
pub const PAGE: usize = 200;
/// At most this many rows are held; the far end is dropped and fetched again.
pub const HOLD: usize = 600;
/// Fetch more when the selection is this close to an end of what is held.
const NEAR: usize = 10;
/// Rows loaded beyond one screenful on a reload: just enough that a move within the
/// screen fetches nothing (a reload follows every change anyone makes). The first
/// frame's reload loads none: they follow once the frame is out.
pub const MARGIN: usize = NEAR + 1;

/// Where a list's rows come from: pages after or before a row, in list order. The row
/// itself is the key (each source knows which of its columns order the list).
pub trait Pages<R> {
    /// Up to `n` rows after `row`, or from the top when `None`.
    fn after(&mut self, row: Option<&R>, n: usize) -> Result<Vec<R>>;
    /// Up to `n` rows before `row`, or the last `n` when `None`; in list order.
    fn before(&mut self, row: Option<&R>, n: usize) -> Result<Vec<R>>;
}

/// A store query for a page of a list: the store, the list's filter, the row to page
/// from, how many rows.
pub type PageQuery<F, R> = fn(&Store, &F, Option<&R>, usize) -> Result<Vec<R>>;

/// A list's pages from the store's two keyset queries under one filter.
pub struct Keyset<'a, F, R> {
    store: &'a Store,
    pub filter: F,
    after: PageQuery<F, R>,
    before: PageQuery<F, R>,
}

impl<'a, F, R> Keyset<'a, F, R> {
    pub fn new(
        store: &'a Store,
        filter: F,
        after: PageQuery<F, R>,
        before: PageQuery<F, R>,
    ) -> Self {
        Keyset {
            store,
            filter,
            after,
            before,
        }
    }
}

impl<F, R> Pages<R> for Keyset<'_, F, R> {
    fn after(&mut self, row: Option<&R>, n: usize) -> Result<Vec<R>> {
        (self.after)(self.store, &self.filter, row, n)
    }
    fn before(&mut self, row: Option<&R>, n: usize) -> Result<Vec<R>> {
        (self.before)(self.store, &self.filter, row, n)
    }
}

#[derive(Debug, Clone)]
pub struct Window<R> {
    pub rows: Vec<R>,
    pub cursor: ListCursor,
    /// The rows held start at the top of the list / reach its end.
    at_start: bool,
    at_end: bool,
}

impl<R> Default for Window<R> {
    fn default() -> Self {
        Window {
            rows: Vec::new(),
            cursor: ListCursor::default(),
            at_start: true,
            at_end: true,
        }
    }
}

impl<R: Clone> Window<R> {
    pub fn selected(&self) -> Option<&R> {
        self.rows.get(self.cursor.selected)
    }

    /// Reload around the selected row, keeping it where it stood on screen; `same`
    /// recognises it among the new rows. A row that no longer belongs to the list is
    /// replaced by the one that now stands in its place.
    /// `margin` rows beyond the screen are loaded too.
    pub fn reload(
        &mut self,
        src: &mut impl Pages<R>,
        view: usize,
        margin: usize,
        same: impl Fn(&R, &R) -> bool,
    ) -> Result<()> {
        let view = view.max(1);
        let keep = self.selected().cloned();
        let on_screen = self.cursor.selected.saturating_sub(self.cursor.offset);
        let from_top = self.at_start && self.cursor.selected < view;
        let anchor = keep.as_ref().filter(|_| !from_top);
        let n_before = self.fill(src, anchor, view, margin)?;
        let idx = keep
            .and_then(|k| self.rows.iter().position(|r| same(r, &k)))
            .unwrap_or(n_before);
        // At the top, the top stays in view (a row added above shows).
        self.select(idx, if from_top { idx } else { on_screen }, view);
        Ok(())
    }

    /// Load the rows around `row` and select it (or the row now in its place), a third
    /// of the way down the screen.
    pub fn show(
        &mut self,
        src: &mut impl Pages<R>,
        row: &R,
        view: usize,
        same: impl Fn(&R, &R) -> bool,
    ) -> Result<()> {
        let view = view.max(1);
        let n_before = self.fill(src, Some(row), view, MARGIN)?;
        let idx = self
            .rows
            .iter()
            .position(|r| same(r, row))
            .unwrap_or(n_before);
        self.select(idx, view / 3, view);
        Ok(())
    }

    /// Hold a screenful before `anchor` and from it on a screenful and `margin` rows;
    /// how many are before.
    fn fill(
        &mut self,
        src: &mut impl Pages<R>,
        anchor: Option<&R>,
        view: usize,
        margin: usize,
    ) -> Result<usize> {
        let before = match anchor {
            Some(row) => src.before(Some(row), view)?,
            None => Vec::new(),
        };
        self.at_start = anchor.is_none() || before.len() < view;
        let want = view + margin;
        let rest = src.after(before.last(), want)?;
        self.at_end = rest.len() < want;
        let n_before = before.len();
        self.rows = before;
        self.rows.extend(rest);
        Ok(n_before)
    }

    fn select(&mut self, idx: usize, on_screen: usize, view: usize) {
        self.cursor.selected = idx;
        self.cursor.offset = idx.saturating_sub(on_screen);
        self.cursor.clamp(self.rows.len(), view);
    }

    /// Hold a whole short list (no paging), selecting the row `keep` picks if any.
    pub fn hold_all(&mut self, rows: Vec<R>, view: usize, keep: impl Fn(&R) -> bool) {
        let on_screen = self.cursor.selected.saturating_sub(self.cursor.offset);
        let idx = rows.iter().position(keep).unwrap_or(0);
        self.rows = rows;
        self.at_start = true;
        self.at_end = true;
        self.select(idx, on_screen, view.max(1));
    }

    /// Start again at the top (a new filter).
    pub fn top(&mut self, src: &mut impl Pages<R>, view: usize) -> Result<()> {
        let want = view.max(1) + MARGIN;
        self.rows = src.after(None, want)?;
        self.at_start = true;
        self.at_end = self.rows.len() < want;
        self.cursor = ListCursor::default();
        self.cursor.clamp(self.rows.len(), view);
        Ok(())
    }

    /// Jump to the last row of the whole list.
    pub fn bottom(&mut self, src: &mut impl Pages<R>, view: usize) -> Result<()> {
        let want = view.max(1) + MARGIN;
        self.rows = src.before(None, want)?;
        self.at_end = true;
        self.at_start = self.rows.len() < want;
        self.cursor.selected = self.rows.len().saturating_sub(1);
        self.cursor.offset = self.rows.len().saturating_sub(view.max(1));
        self.cursor.clamp(self.rows.len(), view);
        Ok(())
    }

    /// Apply a movement (j/k, page, g/G); false when the action is not one.
    pub fn apply(&mut self, action: Action, src: &mut impl Pages<R>, view: usize) -> Result<bool> {
        match action {
            Action::Top if !self.at_start => self.top(src, view)?,
            Action::Bottom if !self.at_end => self.bottom(src, view)?,
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                // Hold the rows the move reaches before moving, then page on.
                let reach = match action {
                    Action::PageUp | Action::PageDown => view.max(1),
                    _ => 1,
                };
                self.page(src, reach)?;
                self.cursor.apply(action, self.rows.len(), view);
                self.page(src, 0)?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Fetch the next or previous page when the selection is within `reach` rows (and
    /// a margin) of an end of the rows held.
    fn page(&mut self, src: &mut impl Pages<R>, reach: usize) -> Result<()> {
        if !self.at_end && self.cursor.selected + reach + NEAR >= self.rows.len() {
            let more = src.after(self.rows.last(), PAGE)?;
            self.at_end = more.len() < PAGE;
            self.rows.extend(more);
            if self.rows.len() > HOLD {
                let drop = self.rows.len() - HOLD;
                self.rows.drain(..drop);
                self.cursor.selected -= drop;
                self.cursor.offset = self.cursor.offset.saturating_sub(drop);
                self.at_start = false;
            }
        } else if !self.at_start && self.cursor.selected < reach + NEAR {
            let more = src.before(self.rows.first(), PAGE)?;
            self.at_start = more.len() < PAGE;
            let n = more.len();
            self.rows.splice(0..0, more);
            self.cursor.selected += n;
            self.cursor.offset += n;
            if self.rows.len() > HOLD {
                self.rows.truncate(HOLD);
                self.at_end = false;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers 0..len as a list, counting the queries and the rows they return.
    struct Numbers {
        len: u32,
        queries: usize,
        largest: usize,
    }

    impl Pages<u32> for Numbers {
        fn after(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
            self.queries += 1;
            let from = row.map_or(0, |r| r + 1);
            let out: Vec<u32> = (from..self.len).take(n).collect();
            self.largest = self.largest.max(out.len());
            Ok(out)
        }
        fn before(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
            self.queries += 1;
            let to = row.map_or(self.len, |r| *r);
            let mut out: Vec<u32> = (0..to).rev().take(n).collect();
            out.reverse();
            self.largest = self.largest.max(out.len());
            Ok(out)
        }
    }

    fn numbers(len: u32) -> Numbers {
        Numbers {
            len,
            queries: 0,
            largest: 0,
        }
    }

    #[test]
    fn walking_down_and_up_visits_every_row_once_in_order() {
        let mut src = numbers(5_000);
        let mut w = Window::default();
        w.top(&mut src, 30).unwrap();
        let mut seen = vec![*w.selected().unwrap()];
        while w.apply(Action::Down, &mut src, 30).unwrap() {
            let now = *w.selected().unwrap();
            if now == *seen.last().unwrap() {
                break;
            }
            seen.push(now);
            assert!(w.rows.len() <= HOLD + PAGE);
        }
        assert_eq!(seen, (0..5_000).collect::<Vec<_>>());
        let mut back = vec![*w.selected().unwrap()];
        loop {
            w.apply(Action::Up, &mut src, 30).unwrap();
            let now = *w.selected().unwrap();
            if now == *back.last().unwrap() {
                break;
            }
            back.push(now);
        }
        back.reverse();
        assert_eq!(back, (0..5_000).collect::<Vec<_>>());
    }

    #[test]
    fn g_and_shift_g_jump_to_the_ends_with_one_small_query() {
        let mut src = numbers(1_000_000);
        let mut w = Window::default();
        w.top(&mut src, 30).unwrap();
        let before = src.queries;
        w.apply(Action::Bottom, &mut src, 30).unwrap();
        assert_eq!(w.selected(), Some(&999_999));
        assert_eq!(src.queries, before + 1);
        w.apply(Action::Top, &mut src, 30).unwrap();
        assert_eq!(w.selected(), Some(&0));
        assert!(src.largest <= PAGE, "fetched {} rows at once", src.largest);
        // At the end, page up walks back through pages fetched before.
        w.apply(Action::Bottom, &mut src, 30).unwrap();
        for _ in 0..100 {
            w.apply(Action::PageUp, &mut src, 30).unwrap();
        }
        assert_eq!(w.selected(), Some(&(999_999 - 3_000)));
    }

    #[test]
    fn a_first_frame_holds_a_screenful_and_the_margin_follows_it() {
        let mut src = numbers(10_000);
        let mut w = Window::default();
        w.reload(&mut src, 30, 0, |a, b| a == b).unwrap();
        assert_eq!(w.rows, (0..30).collect::<Vec<_>>());
        assert_eq!(w.selected(), Some(&0));
        // After the frame: the same place, now with the rows a move within the
        // screen needs, so walking to the screen's last row asks for nothing.
        w.reload(&mut src, 30, MARGIN, |a, b| a == b).unwrap();
        assert_eq!(w.rows.len(), 30 + MARGIN);
        assert_eq!(w.selected(), Some(&0));
        let queries = src.queries;
        for _ in 0..29 {
            w.apply(Action::Down, &mut src, 30).unwrap();
        }
        assert_eq!(w.selected(), Some(&29));
        assert_eq!(src.queries, queries);
    }

    #[test]
    fn reload_keeps_the_selected_row_and_its_place_on_screen() {
        let mut src = numbers(10_000);
        let mut w = Window::default();
        w.top(&mut src, 30).unwrap();
        for _ in 0..5 {
            w.apply(Action::PageDown, &mut src, 30).unwrap();
        }
        let (sel, on_screen) = (*w.selected().unwrap(), w.cursor.selected - w.cursor.offset);
        w.reload(&mut src, 30, MARGIN, |a, b| a == b).unwrap();
        assert_eq!(w.selected(), Some(&sel));
        assert_eq!(w.cursor.selected - w.cursor.offset, on_screen);
        // The selected row went away: its successor takes its place.
        let gone = sel;
        let mut without = Numbers {
            len: 10_000,
            queries: 0,
            largest: 0,
        };
        struct Skip<'a>(&'a mut Numbers, u32);
        impl Pages<u32> for Skip<'_> {
            fn after(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
                let mut v = self.0.after(row, n + 1)?;
                v.retain(|r| *r != self.1);
                v.truncate(n);
                Ok(v)
            }
            fn before(&mut self, row: Option<&u32>, n: usize) -> Result<Vec<u32>> {
                let mut v = self.0.before(row, n + 1)?;
                v.retain(|r| *r != self.1);
                let cut = v.len().saturating_sub(n);
                Ok(v.split_off(cut))
            }
        }
        w.reload(&mut Skip(&mut without, gone), 30, MARGIN, |a, b| a == b)
            .unwrap();
        assert_eq!(w.selected(), Some(&(gone + 1)));
    }

    #[test]
    fn an_empty_list_holds_nothing_and_moves_nowhere() {
        let mut src = numbers(0);
        let mut w: Window<u32> = Window::default();
        w.top(&mut src, 30).unwrap();
        assert!(w.selected().is_none());
        assert!(w.apply(Action::Down, &mut src, 30).unwrap());
        w.apply(Action::Bottom, &mut src, 30).unwrap();
        assert!(w.selected().is_none());
        w.reload(&mut src, 30, MARGIN, |a, b| a == b).unwrap();
        assert!(w.rows.is_empty());
    }
}

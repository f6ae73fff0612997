//! A frame's change from a blank screen, without a blank buffer to compare it with.
//!
//! ratatui writes a frame as the difference between two buffers of the whole screen
//! (228 KiB each at 120x40). Before the first frame the screen is blank, so the first
//! frame's difference is the one from `Buffer::empty`: [`from_blank`] gives exactly
//! those cells, in the same order, comparing each with [`Cell::EMPTY`] instead of
//! with a second buffer that would have to be made and filled first.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;

/// The cells `Buffer::empty(next.area).diff(next)` gives (ratatui-core 0.1), in order.
pub fn from_blank(next: &Buffer) -> FromBlank<'_> {
    FromBlank {
        cells: &next.content,
        area: next.area,
        pos: 0,
        trailing: None,
    }
}

/// See [`from_blank`].
pub struct FromBlank<'a> {
    cells: &'a [Cell],
    area: Rect,
    pos: usize,
    /// The columns under a wide emoji with a variation selector: ratatui writes what
    /// is in them, as some terminals leave them otherwise.
    trailing: Option<(usize, usize)>,
}

impl FromBlank<'_> {
    fn pos_of(&self, index: usize) -> (u16, u16) {
        let w = usize::from(self.area.width);
        (
            (index % w + usize::from(self.area.x)) as u16,
            (index / w + usize::from(self.area.y)) as u16,
        )
    }
}

/// As ratatui's, for a cell not to be written at all.
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

impl<'a> Iterator for FromBlank<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let cells = self.cells;
        let len = cells.len();
        if let Some((mut next, mut end)) = self.trailing.take() {
            while next < end {
                let j = next;
                next += usize::from(cells[j].cell_width().max(1));
                end = end.max(next).min(len);
                if !is_skip(&cells[j]) && cells[j].symbol() != Cell::EMPTY.symbol() {
                    self.trailing = Some((next, end));
                    let (x, y) = self.pos_of(j);
                    return Some((x, y, &cells[j]));
                }
            }
            self.pos = end;
        }
        while self.pos < len {
            let i = self.pos;
            self.pos += 1;
            let cell = &cells[i];
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos += usize::from(width.get()) - 1;
                    if *cell != Cell::EMPTY {
                        let (x, y) = self.pos_of(i);
                        return Some((x, y, cell));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let width = usize::from(cell.cell_width());
                    if cell.diff_option == CellDiffOption::None && *cell == Cell::EMPTY {
                        self.pos += width.saturating_sub(1);
                        continue;
                    }
                    // A blank cell is one column wide and unstyled, so nothing of it
                    // is left to clear on the columns after this one.
                    if width > 1 && cell.symbol().contains('\u{FE0F}') {
                        self.trailing = Some((i + 1, (i + width).min(len)));
                    } else if width > 1 {
                        self.pos += width - 1;
                    }
                    let (x, y) = self.pos_of(i);
                    return Some((x, y, cell));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Style};
    use std::num::NonZeroU16;

    /// What a widget may leave in a cell: text of one or two columns (emoji with and
    /// without a variation selector among them), any style, and the diff options.
    fn cell() -> impl Strategy<Value = Cell> {
        let symbol = prop_oneof![
            Just(" "),
            Just("a"),
            Just("é"),
            Just("─"),
            Just("語"),
            Just("❤\u{FE0F}"),
            Just("👍"),
            Just("ｶﾞ"),
        ];
        let colour = prop_oneof![
            Just(Color::Reset),
            Just(Color::Yellow),
            (0u8..=255).prop_map(Color::Indexed)
        ];
        let option = prop_oneof![
            6 => Just(CellDiffOption::None),
            1 => Just(CellDiffOption::Skip),
            1 => Just(CellDiffOption::AlwaysUpdate),
            1 => (1u16..4).prop_map(|w| CellDiffOption::ForcedWidth(NonZeroU16::new(w).unwrap())),
        ];
        (
            symbol,
            colour.clone(),
            colour,
            any::<u16>(),
            option,
            any::<u8>(),
        )
            .prop_map(|(symbol, fg, bg, bits, option, skip)| {
                let mut cell = Cell::new(symbol);
                cell.set_style(
                    Style::new()
                        .fg(fg)
                        .bg(bg)
                        .add_modifier(Modifier::from_bits_truncate(bits)),
                );
                cell.diff_option = option;
                #[allow(deprecated)]
                {
                    cell.skip = skip % 8 == 0;
                }
                cell
            })
    }

    fn blank_heavy(cells: Vec<(bool, Cell)>) -> Vec<Cell> {
        cells
            .into_iter()
            .map(|(blank, c)| if blank { Cell::EMPTY } else { c })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The cells, their places and their order are ratatui's own diff from a blank
        /// buffer, cell for cell.
        #[test]
        fn gives_what_ratatuis_diff_from_a_blank_buffer_gives(
            x in 0u16..3,
            y in 0u16..3,
            width in 1u16..10,
            height in 1u16..5,
            cells in prop::collection::vec((any::<bool>(), cell()), 45),
        ) {
            let area = Rect::new(x, y, width, height);
            let mut next = Buffer::empty(area);
            let cells = blank_heavy(cells);
            for (i, pos) in area.positions().enumerate() {
                next[pos] = cells[i % cells.len()].clone();
            }
            let ours: Vec<_> = from_blank(&next).collect();
            let theirs = Buffer::empty(area).diff(&next);
            prop_assert_eq!(ours, theirs);
        }

        /// The same for text written as widgets write it (wide characters leave the
        /// cells after them blank).
        #[test]
        fn gives_what_ratatui_gives_for_written_text(
            width in 1u16..14,
            lines in prop::collection::vec("[a-zé語👍 ]{0,12}|❤\u{FE0F}x", 1..5),
        ) {
            let area = Rect::new(0, 0, width, lines.len() as u16);
            let mut next = Buffer::empty(area);
            for (y, line) in lines.iter().enumerate() {
                next.set_stringn(0, y as u16, line, usize::from(width), Style::new().fg(Color::Yellow));
            }
            let ours: Vec<_> = from_blank(&next).collect();
            let theirs = Buffer::empty(area).diff(&next);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn a_blank_buffer_gives_nothing() {
        let blank = Buffer::empty(Rect::new(0, 0, 120, 40));
        assert_eq!(from_blank(&blank).count(), 0);
    }
}

//! A list's table, drawn as ratatui's `Table` draws it (one header row, one line per
//! row, the selection mark's room before the columns, one space between columns,
//! columns from the start) but with the columns laid out by arithmetic when they are
//! lengths and at most one minimum that all fit: ratatui lays them out with its
//! constraint solver, about a sixth of a start's instructions. Anything else goes to
//! ratatui's own layout. Cells of plain ASCII are written directly (see [`draw_cell`]).
//! The tests compare every drawn cell with ratatui's `Table`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{Block, Widget};

/// Drawn before the selected row; its room is kept before every row.
pub const SELECTION_MARK: &str = "> ";

/// One row: a cell per column.
pub type TableRow<'a> = Vec<Text<'a>>;

/// Each column's start (from the table's inner left edge, the selection mark's room
/// included) and width, in a table `width` wide.
pub fn column_spans(width: u16, widths: &[Constraint]) -> Vec<(u16, u16)> {
    let mark = (SELECTION_MARK.len() as u16).min(width);
    match by_arithmetic(width - mark, widths) {
        Some(spans) => spans.into_iter().map(|(x, w)| (x + mark, w)).collect(),
        None => by_solver(width, widths),
    }
}

/// Lengths as asked and the one minimum given the rest, when that is all there is
/// and it fits; None otherwise.
fn by_arithmetic(room: u16, widths: &[Constraint]) -> Option<Vec<(u16, u16)>> {
    let mut asked = 0u32;
    let mut minimum = false;
    for c in widths {
        match *c {
            Constraint::Length(n) => asked += u32::from(n),
            Constraint::Min(n) if !minimum => {
                minimum = true;
                asked += u32::from(n);
            }
            _ => return None,
        }
    }
    let gaps = widths.len().saturating_sub(1) as u32;
    let spare = u32::from(room).checked_sub(asked + gaps)?;
    let mut x = 0u32;
    let mut spans = Vec::with_capacity(widths.len());
    for c in widths {
        let w = match *c {
            Constraint::Min(n) => u32::from(n) + spare,
            Constraint::Length(n) => u32::from(n),
            _ => unreachable!("only lengths and one minimum get here"),
        };
        spans.push((x as u16, w as u16));
        x += w + 1;
    }
    Some(spans)
}

/// As ratatui's `Table` lays out its columns.
fn by_solver(width: u16, widths: &[Constraint]) -> Vec<(u16, u16)> {
    let [_, columns] = Layout::horizontal([
        Constraint::Length(SELECTION_MARK.len() as u16),
        Constraint::Fill(0),
    ])
    .areas(Rect::new(0, 0, width, 1));
    Layout::horizontal(widths.to_vec())
        .flex(Flex::Start)
        .spacing(1)
        .split(columns)
        .iter()
        .map(|r| (r.x, r.width))
        .collect()
}

/// Draw the table in `block` over `area`: the header in `header_style`, then the rows
/// that fit, the selection mark before the `selected` one. Returns the columns' spans
/// (as [`column_spans`]; empty when nothing fits), for what is drawn over the table.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    block: &Block<'_>,
    header: &[&str],
    header_style: Style,
    widths: &[Constraint],
    rows: &[TableRow<'_>],
    selected: Option<usize>,
) -> Vec<(u16, u16)> {
    block.render(area, buf);
    let inner = block.inner(area);
    if inner.is_empty() {
        return Vec::new();
    }
    let spans = column_spans(inner.width, widths);
    let cell = |x: u16, w: u16, y: u16| Rect::new(inner.x + x, y, w, 1);
    buf.set_style(Rect { height: 1, ..inner }, header_style);
    for (&(x, w), title) in spans.iter().zip(header) {
        draw_cell(&Text::from(*title), cell(x, w, inner.y), buf);
    }
    let selected = selected.map(|i| i.min(rows.len().saturating_sub(1)));
    let mark = (SELECTION_MARK.len() as u16).min(inner.width);
    for (i, row) in rows.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
        if selected == Some(i) {
            Text::from(SELECTION_MARK).render(cell(0, mark, y), buf);
        }
        for (&(x, w), text) in spans.iter().zip(row) {
            draw_cell(text, cell(x, w, y), buf);
        }
    }
    spans
}

/// `text` in a one-line `area`, as ratatui's `Text` draws itself. One line of
/// printable ASCII without an alignment (most cells: IDs, dates, states, most
/// titles) is written a character a cell; ratatui splits every span into graphemes
/// and measures each, a tenth of a start's instructions.
fn draw_cell(text: &Text<'_>, area: Rect, buf: &mut Buffer) {
    let [line] = text.lines.as_slice() else {
        return text.render(area, buf);
    };
    let plain = text.alignment.is_none()
        && line.alignment.is_none()
        && line
            .spans
            .iter()
            .all(|span| crate::domain::text::is_printable_ascii(&span.content));
    if !plain {
        return text.render(area, buf);
    }
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if text.style != Style::default() {
        buf.set_style(area, text.style);
    }
    if line.spans.iter().all(|span| span.content.is_empty()) {
        return;
    }
    if line.style != Style::default() {
        buf.set_style(area, line.style);
    }
    let mut x = area.x;
    for span in &line.spans {
        for b in span.content.bytes() {
            if x >= area.right() {
                return;
            }
            buf[(x, area.y)]
                .set_char(char::from(b))
                .set_style(span.style);
            x += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::{Line, Span};
    use ratatui::widgets::{HighlightSpacing, Row, StatefulWidget, Table, TableState};

    /// What ratatui's `Table` draws with the settings the lists use.
    fn by_ratatui(
        area: Rect,
        block: &Block<'_>,
        header: &[&str],
        header_style: Style,
        widths: &[Constraint],
        rows: &[TableRow<'_>],
        selected: Option<usize>,
    ) -> Buffer {
        let mut buf = Buffer::empty(area);
        let table = Table::new(rows.iter().map(|r| Row::new(r.clone())), widths.to_vec())
            .header(Row::new(header.to_vec()).style(header_style))
            .block(block.clone())
            .column_spacing(1)
            .flex(Flex::Start)
            .highlight_symbol(SELECTION_MARK)
            .highlight_spacing(HighlightSpacing::Always);
        let mut state = TableState::default().with_selected(selected);
        StatefulWidget::render(table, area, &mut buf, &mut state);
        buf
    }

    fn constraint() -> impl Strategy<Value = Constraint> {
        prop_oneof![
            6 => (0u16..30).prop_map(Constraint::Length),
            2 => (0u16..30).prop_map(Constraint::Min),
            1 => (0u16..30).prop_map(Constraint::Max),
            1 => (0u16..5).prop_map(Constraint::Fill),
        ]
    }

    fn cell_text() -> impl Strategy<Value = Text<'static>> {
        let word = prop_oneof![
            Just(String::new()),
            "[a-z ]{0,12}",
            "[A-Za-z0-9 -]{0,40}",
            Just("Één straat — ééntje".to_string()),
            Just("日本語のタイトル".to_string()),
        ];
        (word, any::<bool>()).prop_map(|(w, styled)| {
            if styled {
                Text::from(Line::from(vec![
                    Span::styled(
                        w.clone(),
                        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                    ),
                    Span::raw("!"),
                ]))
            } else {
                Text::from(w)
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn draws_what_ratatuis_table_draws(
            width in 0u16..140,
            height in 0u16..12,
            widths in prop::collection::vec(constraint(), 1..8),
            cells in prop::collection::vec(cell_text(), 0..64),
            selected in prop::option::of(0usize..10),
            bordered in any::<bool>(),
        ) {
            let area = Rect::new(3, 1, width, height);
            let block = if bordered { Block::bordered().title(" Inbox (3) ") } else { Block::new() };
            // Narrower than the selection mark, ratatui draws the mark over the border.
            prop_assume!(selected.is_none() || block.inner(area).width >= SELECTION_MARK.len() as u16);
            let header: Vec<&str> = ["ID", "Organisation", "Titel", "Eigenaar", "Staat", "Termijn", "x", "y"]
                .into_iter()
                .take(widths.len())
                .collect();
            let rows: Vec<TableRow> = cells
                .chunks(widths.len())
                .take(block.inner(area).height.saturating_sub(1) as usize)
                .map(|c| c.to_vec())
                .collect();
            let header_style = Style::new().bold().fg(Color::Yellow);
            let mut ours = Buffer::empty(area);
            draw(&mut ours, area, &block, &header, header_style, &widths, &rows, selected);
            let theirs = by_ratatui(area, &block, &header, header_style, &widths, &rows, selected);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn the_arithmetic_lays_out_columns_as_the_solver_does(
            width in 0u16..300,
            widths in prop::collection::vec(constraint(), 1..9),
        ) {
            let mark = (SELECTION_MARK.len() as u16).min(width);
            if let Some(spans) = by_arithmetic(width - mark, &widths) {
                let spans: Vec<(u16, u16)> = spans.into_iter().map(|(x, w)| (x + mark, w)).collect();
                prop_assert_eq!(spans, by_solver(width, &widths));
            }
        }
    }

    #[test]
    fn the_usual_list_is_laid_out_by_arithmetic() {
        let inbox = [
            Constraint::Length(8),
            Constraint::Length(20),
            Constraint::Min(16),
            Constraint::Length(12),
            Constraint::Length(18),
            Constraint::Length(11),
            Constraint::Length(11),
        ];
        let spans = by_arithmetic(118, &inbox).expect("fits in 120 columns");
        assert_eq!(spans[2], (30, 118 - 8 - 20 - 12 - 18 - 11 - 11 - 6));
        assert_eq!(spans, {
            let solved = by_solver(120, &inbox);
            solved
                .into_iter()
                .map(|(x, w)| (x - 2, w))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            by_arithmetic(50, &inbox),
            None,
            "too narrow: the solver decides"
        );
    }
}

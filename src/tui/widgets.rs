//! Shared drawing: blocks with the chosen border set, scrolling tables that build rows
//! only for what is visible, centred popups, and the list cursor.

use super::action::Action;
use super::settings::Settings;
use super::table::TableRow;
use super::theme::ASCII_BORDER;
use crate::domain::text;
use crate::words::T;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use std::ops::Range;

/// Record text as it may be drawn: control and bidi characters as visible stand-ins.
pub fn vis(s: &str) -> String {
    text::visible(s).into_owned()
}

/// Who made a change, in the user's language: the acting name, and the account beside
/// it when an override (`WIJKDESK_USER`) made the two differ.
pub fn who(s: &Settings, user: &str, account: Option<&str>) -> String {
    match account {
        Some(a) if a != user => s
            .lang
            .f(T::ActorAccount, &[("user", &user), ("account", &a)]),
        _ => user.to_string(),
    }
}

/// A bordered block in the user's border set.
pub fn block<'a>(s: &Settings, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let mut b = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused {
            s.theme.border_focus
        } else {
            s.theme.border
        })
        .title(title)
        .title_style(s.theme.title)
        .style(s.theme.base);
    if s.ascii {
        b = b.border_set(ASCII_BORDER);
    }
    b
}

/// Every mark left in a drawn frame in ASCII, one column each (`--ascii`,
/// `ascii = true`, `TERM=dumb`): whatever widget drew it (bars, scroll marks, an
/// ellipsis), the terminal gets no box, block or arrow character. Letters stay.
pub fn ascii_buffer(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        let sym = cell.symbol();
        if sym.is_ascii() {
            continue;
        }
        let folded = crate::domain::glyphs::ascii_narrow(sym);
        if folded != sym {
            let folded = folded.into_owned();
            cell.set_symbol(&folded);
        }
    }
}

/// A separator that stays ASCII when asked.
pub fn sep(s: &Settings) -> &'static str {
    if s.ascii { " | " } else { " │ " }
}

/// Where the selection is and what the list scrolled to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    /// Moves for a movement action; false when the action is not a movement.
    pub fn apply(&mut self, action: Action, len: usize, view: usize) -> bool {
        let view = view.max(1);
        let last = len.saturating_sub(1);
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => self.selected.saturating_sub(view),
            Action::PageDown => (self.selected + view).min(last),
            _ => return false,
        };
        self.clamp(len, view);
        true
    }

    /// Keeps the selection inside the list and the view around the selection.
    pub fn clamp(&mut self, len: usize, view: usize) {
        let view = view.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + view {
            self.offset = self.selected + 1 - view;
        }
        self.offset = self.offset.min(len.saturating_sub(view));
    }

    /// The rows to draw in a view of `height` rows (pure: drawing never changes state).
    pub fn window(&self, len: usize, height: usize) -> Range<usize> {
        let mut c = *self;
        c.clamp(len, height);
        c.offset..(c.offset + height).min(len)
    }
}

/// A table of the rows in `window`. The selected row has the marker and its first
/// `key_cols` columns (what names the record: ID, organisation, title) in the selection
/// style, not the whole width: moving the selection then rewrites two short stretches
/// of the screen instead of two full rows, which is what a slow SSH link feels.
#[allow(clippy::too_many_arguments)]
pub fn table(
    frame: &mut Frame,
    area: Rect,
    s: &Settings,
    block: Block<'_>,
    header: Vec<&str>,
    widths: &[Constraint],
    rows: Vec<TableRow<'_>>,
    selected: Option<usize>,
    key_cols: usize,
) {
    let inner = block.inner(area);
    let buf = frame.buffer_mut();
    let spans = super::table::draw(
        buf,
        area,
        &block,
        &header,
        s.theme.header,
        widths,
        &rows,
        selected,
    );
    // The header is one row; the rows given are the window, so no offset.
    if let Some(i) = selected {
        let y = inner.y.saturating_add(1).saturating_add(i as u16);
        if y < inner.bottom() {
            let width = key_columns_width(inner.width, &spans, key_cols);
            let bar = Rect::new(inner.x, y, width, 1);
            buf.set_style(bar, s.theme.selected);
        }
    }
}

/// How far the selection bar reaches: the marker and the first `key_cols` of the
/// columns at `spans`.
fn key_columns_width(width: u16, spans: &[(u16, u16)], key_cols: usize) -> u16 {
    match key_cols {
        0 => (super::table::SELECTION_MARK.len() as u16).min(width),
        k if k >= spans.len() => width,
        k => spans[k - 1].0 + spans[k - 1].1,
    }
}

/// The number of table rows that fit in `area` (borders and header taken off).
pub fn table_rows(area_height: u16) -> usize {
    area_height.saturating_sub(3) as usize
}

/// `area` as `top` rows, the rest, and `bottom` rows: what
/// `Layout::vertical([Length(top), Min(0), Length(bottom)])` gives, by arithmetic
/// when both fit (every frame's first split; the solver is its slow way to say so).
pub fn rows(area: Rect, top: u16, bottom: u16) -> [Rect; 3] {
    let Some(middle) = area
        .height
        .checked_sub(top)
        .and_then(|h| h.checked_sub(bottom))
    else {
        return Layout::vertical([
            Constraint::Length(top),
            Constraint::Min(0),
            Constraint::Length(bottom),
        ])
        .areas(area);
    };
    let row = |y: u16, height: u16| Rect { y, height, ..area };
    [
        row(area.y, top),
        row(area.y + top, middle),
        row(area.y + top + middle, bottom),
    ]
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

/// Clears `area` and draws a popup frame; returns the inside.
pub fn popup_frame(frame: &mut Frame, area: Rect, s: &Settings, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let b = block(s, Span::styled(format!(" {title} "), s.theme.title), true);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    inner
}

/// A section heading in a detail pane.
pub fn heading(s: &Settings, title: &str, count: Option<usize>) -> Line<'static> {
    let text = match count {
        Some(n) => format!("{title} ({n})"),
        None => title.to_string(),
    };
    Line::from(Span::styled(text, s.theme.section))
}

/// `label: value` in a detail pane.
pub fn field(s: &Settings, label: &str, value: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), s.theme.muted),
        Span::raw(vis(value)),
    ])
}

/// Lines in a block, scrolled by `scroll` lines.
pub fn paragraph(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    lines: Vec<Line<'_>>,
    scroll: u16,
) {
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// A form's keys, as the key map has them: next field, save, cancel.
pub fn form_keys(s: &Settings) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (action, what) in [
        (Action::NextField, T::FormNext),
        (Action::Save, T::FormSave),
        (Action::Back, T::FormCancel),
    ] {
        if let Some(k) = s.keymap.first(action) {
            spans.extend(hint(s, k, s.lang.t(what)));
        }
    }
    spans
}

/// A key and what it does, for hints.
pub fn hint<'a>(s: &Settings, key: String, what: &'a str) -> Vec<Span<'a>> {
    vec![
        Span::styled(key, s.theme.key),
        Span::raw(" "),
        Span::raw(what),
        Span::raw("  "),
    ]
}

/// A hint line of the catalogue with the live keys filled in (see
/// [`super::keymap::KeyMap::fill`]); `text_entry` where plain characters are typed text.
pub fn keys_hint(s: &Settings, key: T, text_entry: bool) -> String {
    s.keymap.fill(s.lang.t(key), text_entry)
}

/// As [`keys_hint`], with the catalogue's own placeholders filled first.
pub fn keys_hint_f(
    s: &Settings,
    key: T,
    args: &[(&str, &dyn std::fmt::Display)],
    text_entry: bool,
) -> String {
    s.keymap.fill(&s.lang.f(key, args), text_entry)
}

/// "y = yes, n = no" with the live keys; in Dutch the yes is shown as `j` where that
/// key says yes.
pub fn yes_no(s: &Settings) -> String {
    let letter = s.lang.t(T::YesLetter);
    let yes = s.keymap.keys(Action::Yes);
    let yes = yes
        .iter()
        .find(|k| k.label() == letter)
        .or(yes.first())
        .map(|k| k.label())
        .unwrap_or_else(|| "-".into());
    let no = s.keymap.first(Action::No).unwrap_or_else(|| "-".into());
    s.lang.f(T::ConfirmKeys, &[("yes", &yes), ("no", &no)])
}

/// A style for a marked cell (overdue, over the threshold) or the plain one.
pub fn marked(s: &Settings, on: bool) -> Style {
    if on { s.theme.mark } else { s.theme.base }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_as_the_solver_does() {
        for height in 0..40 {
            for top in 0..6 {
                for bottom in 0..14 {
                    let area = Rect::new(2, 3, 50, height);
                    let solved: [Rect; 3] = Layout::vertical([
                        Constraint::Length(top),
                        Constraint::Min(0),
                        Constraint::Length(bottom),
                    ])
                    .areas(area);
                    assert_eq!(rows(area, top, bottom), solved, "{height} {top} {bottom}");
                }
            }
        }
    }

    #[test]
    fn cursor_scrolls_with_the_selection() {
        let mut c = ListCursor::default();
        for _ in 0..12 {
            c.apply(Action::Down, 20, 5);
        }
        assert_eq!(c.selected, 12);
        assert_eq!(c.offset, 8);
        c.apply(Action::Bottom, 20, 5);
        assert_eq!((c.selected, c.offset), (19, 15));
        c.apply(Action::Top, 20, 5);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.clamp(0, 5);
        assert_eq!((c.selected, c.offset), (0, 0));
        let c = ListCursor {
            selected: 9,
            offset: 0,
        };
        assert_eq!(c.window(20, 4), 6..10);
    }
}

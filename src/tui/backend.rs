//! ratatui's crossterm backend, with a frame's characters written as bytes.
//!
//! `CrosstermBackend::draw` sends every cell's text through crossterm's `Print`, that
//! is through `fmt::write`: about 7% of a start's instructions for one full frame.
//! [`FrameBackend`] draws the same bytes (the moves, colours and attributes still by
//! crossterm's own commands, the text written as it is) and hands everything else to
//! the crossterm backend it wraps. A property test compares the bytes of both.

use crossterm::queue;
use crossterm::style::{
    Attribute as CAttribute, Color as CColor, Colors as CColors, SetAttribute, SetBackgroundColor,
    SetColors, SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// A crossterm backend whose frames are written with fewer steps.
pub struct FrameBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> FrameBackend<W> {
    pub fn new(writer: W) -> Self {
        FrameBackend {
            inner: CrosstermBackend::new(writer),
        }
    }

    pub fn writer_mut(&mut self) -> &mut W {
        self.inner.writer_mut()
    }
}

/// Commands queued outside a frame (a synchronised update's start and end) go to the
/// same writer.
impl<W: Write> Write for FrameBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    /// As `CrosstermBackend::draw` (ratatui-crossterm 0.1), the text of each cell
    /// written directly.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = self.inner.writer_mut();
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline_color = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                move_to(w, x, y)?;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                queue_modifier_change(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                queue!(
                    w,
                    SetColors(CColors::new(
                        cell.fg.into_crossterm(),
                        cell.bg.into_crossterm()
                    ))
                )?;
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline_color {
                queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
                underline_color = cell.underline_color;
            }
            w.write_all(cell.symbol().as_bytes())?;
        }
        queue!(
            w,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(CAttribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    /// Standard output's size, where the frames go (one system call; ratatui asks
    /// before every frame); crossterm's answer when it is not a terminal. crossterm
    /// opens and closes `/dev/tty` for every answer.
    fn size(&self) -> io::Result<Size> {
        screen_size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The size of the terminal the screens are drawn on: standard output's (one system
/// call), or crossterm's answer when it is not a terminal.
pub fn screen_size() -> io::Result<Size> {
    stdout_size().map_or_else(
        || crossterm::terminal::size().map(|(width, height)| Size::new(width, height)),
        Ok,
    )
}

/// The size of the terminal on standard output, if it is one.
#[cfg(unix)]
fn stdout_size() -> Option<Size> {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the one given, which outlives
    // the call; a descriptor that is not a terminal makes it fail, nothing else.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    let read = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
    (read == 0 && ws.ws_col > 0 && ws.ws_row > 0).then(|| Size::new(ws.ws_col, ws.ws_row))
}

#[cfg(not(unix))]
fn stdout_size() -> Option<Size> {
    None
}

/// crossterm's `MoveTo(x, y)` (`ESC [ row ; column H`, counted from 1), without
/// `fmt::write`: a frame has hundreds of them, one for each run of changed cells.
fn move_to(w: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut buf = [0u8; 14];
    buf[..2].copy_from_slice(b"\x1b[");
    let mut n = 2;
    n += decimal(u32::from(y) + 1, &mut buf[n..]);
    buf[n] = b';';
    n += 1;
    n += decimal(u32::from(x) + 1, &mut buf[n..]);
    buf[n] = b'H';
    w.write_all(&buf[..=n])
}

/// `v` in decimal at the start of `out` (room for five digits); how many digits.
fn decimal(v: u32, out: &mut [u8]) -> usize {
    let mut digits = [0u8; 5];
    let (mut v, mut i) = (v, digits.len());
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    out[..len].copy_from_slice(&digits[i..]);
    len
}

/// The attributes that take a cell from `from` to `to`, in the order ratatui's
/// crossterm backend sends them (its `ModifierDiff`, which is private).
fn queue_modifier_change(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(CAttribute::NoReverse))?;
    }
    let reset_intensity = removed.contains(Modifier::BOLD) || removed.contains(Modifier::DIM);
    if reset_intensity {
        // Normal intensity ends both; what stays is set again.
        queue!(w, SetAttribute(CAttribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(w, SetAttribute(CAttribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(w, SetAttribute(CAttribute::Bold))?;
        }
    }
    for (m, off) in [
        (Modifier::ITALIC, CAttribute::NoItalic),
        (Modifier::UNDERLINED, CAttribute::NoUnderline),
        (Modifier::CROSSED_OUT, CAttribute::NotCrossedOut),
        (Modifier::HIDDEN, CAttribute::NoHidden),
    ] {
        if removed.contains(m) {
            queue!(w, SetAttribute(off))?;
        }
    }
    if removed.contains(Modifier::SLOW_BLINK) || removed.contains(Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(CAttribute::NoBlink))?;
    }
    let added = to - from;
    for (m, on, unless_reset) in [
        (Modifier::REVERSED, CAttribute::Reverse, false),
        (Modifier::BOLD, CAttribute::Bold, true),
        (Modifier::ITALIC, CAttribute::Italic, false),
        (Modifier::UNDERLINED, CAttribute::Underlined, false),
        (Modifier::DIM, CAttribute::Dim, true),
        (Modifier::CROSSED_OUT, CAttribute::CrossedOut, false),
        (Modifier::HIDDEN, CAttribute::Hidden, false),
        (Modifier::SLOW_BLINK, CAttribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, CAttribute::RapidBlink, false),
    ] {
        if added.contains(m) && !(unless_reset && reset_intensity) {
            queue!(w, SetAttribute(on))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn color() -> impl Strategy<Value = Color> {
        prop_oneof![
            Just(Color::Reset),
            Just(Color::Yellow),
            Just(Color::DarkGray),
            (0u8..=255).prop_map(Color::Indexed),
            (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    fn cell() -> impl Strategy<Value = (String, Style)> {
        (
            prop_oneof![
                Just(" ".to_string()),
                "[a-z]",
                Just("é".to_string()),
                // One column each: a wide character set cell by cell would break
                // the buffer's own rules (its diff, not the drawing, deals with those).
                Just("─".to_string()),
            ],
            color(),
            color(),
            color(),
            any::<u16>(),
        )
            .prop_map(|(symbol, fg, bg, underline, bits)| {
                let style = Style::new()
                    .fg(fg)
                    .bg(bg)
                    .underline_color(underline)
                    .add_modifier(Modifier::from_bits_truncate(bits));
                (symbol, style)
            })
    }

    /// The move's bytes equal crossterm's `MoveTo` at every number of digits.
    #[test]
    fn a_move_is_written_as_crossterm_writes_it() {
        // (crossterm's own overflows at 65535: it adds 1 in u16.)
        let edges = [0u16, 1, 8, 9, 10, 98, 99, 100, 998, 999, 9998, 9999, 65534];
        for x in edges {
            for y in edges {
                let mut ours = Vec::new();
                move_to(&mut ours, x, y).unwrap();
                let mut theirs = Vec::new();
                queue!(theirs, crossterm::cursor::MoveTo(x, y)).unwrap();
                assert_eq!(ours, theirs, "({x}, {y})");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Two frames, the second drawn over the first: the bytes of every change
        /// (moves between runs, colours, attributes on and off) equal the crossterm
        /// backend's.
        #[test]
        fn writes_the_bytes_the_crossterm_backend_writes(
            width in 1u16..12,
            height in 1u16..5,
            first in prop::collection::vec(cell(), 60),
            second in prop::collection::vec(cell(), 60),
            keep in prop::collection::vec(any::<bool>(), 60),
        ) {
            let area = Rect::new(0, 0, width, height);
            let fill = |cells: &[(String, Style)], buf: &mut Buffer, keep: Option<&[bool]>| {
                for (i, pos) in area.positions().enumerate() {
                    if keep.is_some_and(|k| k[i % k.len()]) {
                        continue;
                    }
                    let (symbol, style) = &cells[i % cells.len()];
                    buf[pos].set_symbol(symbol).set_style(*style);
                }
            };
            let before = Buffer::empty(area);
            let mut one = Buffer::empty(area);
            fill(&first, &mut one, None);
            let mut two = one.clone();
            fill(&second, &mut two, Some(&keep));
            let mut ours = FrameBackend::new(Vec::new());
            let mut theirs = CrosstermBackend::new(Vec::new());
            for (from, to) in [(&before, &one), (&one, &two)] {
                ours.draw(from.diff(to).into_iter()).unwrap();
                theirs.draw(from.diff(to).into_iter()).unwrap();
            }
            prop_assert_eq!(ours.writer_mut().clone(), theirs.writer().clone());
        }
    }
}

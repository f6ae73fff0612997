//! The terminal the screens draw on: taken, each frame written in one piece, given back
//! and taken again for Ctrl-Z and `$EDITOR`.

use super::App;
use super::backend::FrameBackend;
use super::blank_diff::from_blank;
use crate::words::{Lang, T};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
};
use crossterm::{execute, queue};
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};
use std::io::{Result, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The terminal the screens draw on.
pub(super) type Screen = Terminal<FrameBackend<FrameWriter<Stdout>>>;

/// The standard output as the screens write to it: everything queued is held and leaves
/// in one write. Through the standard output's own buffer (1 KiB) a full frame went out
/// as a dozen writes, each a wake-up of the terminal, or of SSH and the terminal at the
/// other end; and ratatui flushes when it has drawn, before the end of the synchronised
/// update is queued, so while a frame is drawn its flush waits for the frame's end.
pub struct FrameWriter<W: Write> {
    out: W,
    pending: Vec<u8>,
    holding: bool,
}

/// What a full frame takes (an inbox at 120x40 is about 10 KB), kept between frames.
const FRAME_BYTES: usize = 64 * 1024;

impl<W: Write> FrameWriter<W> {
    fn new(out: W) -> FrameWriter<W> {
        FrameWriter {
            out,
            pending: Vec::with_capacity(FRAME_BYTES),
            holding: false,
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<()> {
        if self.holding || self.pending.is_empty() {
            return Ok(());
        }
        let written = self
            .out
            .write_all(&self.pending)
            .and_then(|()| self.out.flush());
        self.pending.clear();
        written
    }
}

/// Raw mode, the alternate screen, bracketed paste and the mouse (if chosen), with the
/// terminal given back before a panic's message; the terminal's size. The screen to
/// draw on comes with the first frame ([`first_frame`]).
pub(super) fn take(mouse: bool) -> Result<Size> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    enter_screen(mouse)?;
    super::backend::screen_size().inspect_err(|_| {
        let _ = ratatui::try_restore();
    })
}

/// The first frame, and the screen to draw the next ones on.
///
/// ratatui's terminal keeps two buffers of the whole screen and writes each frame as
/// their difference; on the first frame the second one is only ever blank. So the
/// first frame is drawn into one buffer and written as its difference from a blank
/// screen (the alternate screen starts blank), and the terminal's two buffers are made
/// once it is out, the one the next frame is compared with holding this frame. That
/// spares a start filling a buffer of 228 KiB (at 120x40) and comparing it cell by
/// cell before anything shows. The bytes are those ratatui would write.
pub(super) fn first_frame(app: &App, size: Size) -> Result<Screen> {
    first_frame_on(
        FrameWriter::new(std::io::stdout()),
        Viewport::Fullscreen,
        Rect::from((Position::ORIGIN, size)),
        |f, area| app.draw_in(f, area),
    )
}

fn first_frame_on<W: Write>(
    writer: FrameWriter<W>,
    viewport: Viewport,
    area: Rect,
    render: impl FnOnce(&mut Frame, Rect),
) -> Result<Terminal<FrameBackend<FrameWriter<W>>>> {
    // ratatui makes a frame only for a terminal's own buffer: a terminal of no size
    // (no buffers to fill) lends its frame to the one buffer of this frame.
    let mut canvas = Terminal::with_options(
        FrameBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::ZERO),
        },
    )?;
    *canvas.current_buffer_mut() = blank_buffer(area);
    render(&mut canvas.get_frame(), area);
    let frame = std::mem::take(canvas.current_buffer_mut());

    let mut backend = FrameBackend::new(writer);
    backend.writer_mut().holding = true;
    let drawn = queue!(backend, BeginSynchronizedUpdate)
        .and_then(|()| backend.draw(from_blank(&frame)))
        .and_then(|()| backend.hide_cursor())
        .and_then(|()| queue!(backend, EndSynchronizedUpdate));
    backend.writer_mut().holding = false;
    drawn?;
    Backend::flush(&mut backend)?;

    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
    if terminal.get_frame().area() == frame.area {
        *terminal.current_buffer_mut() = frame;
        terminal.swap_buffers();
    } else {
        // Resized since: the next frame is drawn whole on a blank screen.
        terminal
            .backend_mut()
            .clear_region(ratatui::backend::ClearType::All)?;
    }
    Ok(terminal)
}

/// `Buffer::empty(area)`, its memory taken from the system in one go: the buffer is
/// 228 KiB at 120x40, and its 57 pages faulted in one by one as they were filled took
/// twice as long as asking for them all at once.
fn blank_buffer(area: Rect) -> Buffer {
    let cells = usize::from(area.width) * usize::from(area.height);
    let mut content: Vec<ratatui::buffer::Cell> = Vec::with_capacity(cells);
    #[cfg(target_os = "linux")]
    {
        let page = 4096;
        let start = content.as_mut_ptr() as usize;
        let end = start + cells * std::mem::size_of::<ratatui::buffer::Cell>();
        let (first, last) = (start.div_ceil(page) * page, end / page * page);
        if last > first {
            // SAFETY: the range lies within the vector's own allocation, and
            // MADV_POPULATE_WRITE only maps its pages (as a write to each would); it
            // changes no byte. A kernel without it (before 5.14) says EINVAL, and the
            // pages are then faulted in as they are filled.
            unsafe {
                libc::madvise(
                    first as *mut libc::c_void,
                    last - first,
                    libc::MADV_POPULATE_WRITE,
                );
            }
        }
    }
    content.resize(cells, ratatui::buffer::Cell::EMPTY);
    Buffer { area, content }
}

/// One frame, wrapped in synchronized-output escapes so terminals show it whole, in
/// one write.
pub(super) fn draw(terminal: &mut Screen, app: &App) -> Result<()> {
    draw_whole(terminal, |f| app.draw(f))
}

fn draw_whole<W: Write>(
    terminal: &mut Terminal<FrameBackend<FrameWriter<W>>>,
    render: impl FnOnce(&mut Frame),
) -> Result<()> {
    terminal.backend_mut().writer_mut().holding = true;
    let drawn = queue!(terminal.backend_mut(), BeginSynchronizedUpdate)
        .and_then(|()| terminal.draw(render).map(|_| ()))
        .and_then(|()| queue!(terminal.backend_mut(), EndSynchronizedUpdate));
    terminal.backend_mut().writer_mut().holding = false;
    drawn?;
    Backend::flush(terminal.backend_mut())
}

/// Ctrl-L: wipe the terminal and make the next frame draw every cell again.
/// (`Terminal::clear` would do this too, but first asks the terminal for the cursor
/// position: a query that waits on the input thread's reader.)
pub fn repaint<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
) -> std::result::Result<(), B::Error> {
    terminal
        .backend_mut()
        .clear_region(ratatui::backend::ClearType::All)?;
    // Both buffers empty: the next frame differs from "nothing" in every drawn cell.
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

/// Raw mode, the alternate screen, bracketed paste and the mouse if chosen: at the
/// start, and again after Ctrl-Z or `$EDITOR`.
fn enter_screen(mouse: bool) -> Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

fn new_screen() -> Result<Screen> {
    Terminal::new(FrameBackend::new(FrameWriter::new(std::io::stdout())))
}

/// Ctrl-Z: give the terminal back, stop (SIGTSTP), and take it again on `fg`.
pub(super) fn suspend(terminal: &mut Screen, mouse: bool) -> Result<()> {
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::try_restore()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_screen(mouse)?;
    // A fresh terminal draws everything again. (`Terminal::clear` would ask the terminal
    // for the cursor position: a query that waits on the input thread's reader.)
    execute!(std::io::stdout(), Clear(ClearType::All))?;
    *terminal = new_screen()?;
    Ok(())
}

/// Set while `$EDITOR` runs, so the input thread leaves the keys to it.
pub(super) static INPUT_PAUSED: AtomicBool = AtomicBool::new(false);

/// Ctrl-O in a text: leave the screen, edit a temporary file in `$VISUAL` or
/// `$EDITOR` (else `vi`), come back and redraw; the text as saved, or why not.
pub(super) fn external_edit(
    terminal: &mut Screen,
    text: &str,
    mouse: bool,
    lang: Lang,
) -> std::result::Result<String, String> {
    INPUT_PAUSED.store(true, Ordering::SeqCst);
    // Let the input thread finish its current wait before the editor reads keys.
    std::thread::sleep(Duration::from_millis(80));
    // A folder of our own with an unguessable name: no one can plant a link or read it.
    let dir = crate::files::private_temp_dir("wijkdesk-edit");
    let path = dir.as_ref().map(|d| d.join("text.txt")).unwrap_or_default();
    let outcome = (|| {
        dir.as_ref()
            .map_err(|e| lang.f(T::EditorNoFolder, &[("error", e)]))?;
        let file_failed = |e: std::io::Error| {
            lang.f(
                T::EditorFileFailed,
                &[("path", &path.display()), ("error", &e)],
            )
        };
        crate::files::write_new(&path, text.as_bytes()).map_err(file_failed)?;
        let editor = std::env::var("VISUAL")
            .ok()
            .or_else(|| std::env::var("EDITOR").ok())
            .filter(|e| !e.trim().is_empty())
            .unwrap_or_else(|| "vi".into());
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        if mouse {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
        }
        let _ = ratatui::try_restore();
        let mut parts = editor.split_whitespace();
        let program = parts.next().unwrap_or("vi");
        let status = std::process::Command::new(program)
            .args(parts)
            .arg(&path)
            .status();
        let _ = enter_screen(mouse);
        let _ = execute!(std::io::stdout(), Clear(ClearType::All));
        if let Ok(t) = new_screen() {
            *terminal = t;
        }
        match status {
            Ok(s) if s.success() => std::fs::read_to_string(&path).map_err(file_failed),
            Ok(s) => Err(lang.f(T::EditorExited, &[("editor", &editor), ("status", &s)])),
            Err(e) => Err(lang.f(T::EditorNotRun, &[("editor", &editor), ("error", &e)])),
        }
    })();
    let _ = std::fs::remove_file(&path);
    if let Ok(d) = &dir {
        let _ = std::fs::remove_dir_all(d);
    }
    INPUT_PAUSED.store(false, Ordering::SeqCst);
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;
    use ratatui::{TerminalOptions, Viewport};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Each write that reaches the terminal, as it arrived.
    #[derive(Clone, Default)]
    struct Writes(Rc<RefCell<Vec<String>>>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> Result<usize> {
            self.0
                .borrow_mut()
                .push(String::from_utf8_lossy(buf).into_owned());
            Ok(buf.len())
        }
        fn flush(&mut self) -> Result<()> {
            Ok(())
        }
    }

    fn terminal(writes: &Writes) -> Terminal<FrameBackend<FrameWriter<Writes>>> {
        let backend = FrameBackend::new(FrameWriter::new(writes.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, 30, 4));
        Terminal::with_options(backend, TerminalOptions { viewport }).unwrap()
    }

    fn text(word: &str) -> impl FnOnce(&mut Frame) {
        move |f| f.render_widget(Paragraph::new(word), f.area())
    }

    #[test]
    fn a_frame_leaves_in_one_write_wrapped_in_a_synchronised_update() {
        let writes = Writes::default();
        let mut t = terminal(&writes);
        draw_whole(&mut t, text("wijkdesk")).unwrap();
        let all = writes.0.borrow();
        let [one] = all.as_slice() else {
            panic!("{} writes: {all:?}", all.len())
        };
        assert!(one.starts_with("\x1b[?2026h"), "{one:?}");
        assert!(one.contains("wijkdesk"), "{one:?}");
        assert!(one.ends_with("\x1b[?2026l"), "{one:?}");
    }

    /// A frame of words here and there, some wide and styled, for the first-frame tests.
    fn scattered(words: &'static [&'static str]) -> impl FnOnce(&mut Frame, Rect) {
        move |f, area| {
            for (i, word) in words.iter().enumerate() {
                let style =
                    ratatui::style::Style::new().fg(ratatui::style::Color::Indexed(i as u8));
                let row = Rect::new(
                    area.x + (i as u16 * 7) % area.width,
                    area.y + i as u16 % area.height,
                    12,
                    1,
                );
                f.render_widget(Paragraph::new(*word).style(style), row.intersection(area));
            }
        }
    }

    const FIRST: &[&str] = &["wijkdesk", "Inbox 30", "語 wide", "❤\u{FE0F} x", "S-16"];
    const SECOND: &[&str] = &["wijkdesk", "Inbox 31", "語 wide", "S-17"];

    /// The first frame drawn on its own buffer writes what ratatui's terminal writes
    /// for it, and the frame after it what ratatui writes after it: the next frame
    /// is compared with the first.
    #[test]
    fn the_first_frame_and_the_next_write_what_ratatuis_terminal_writes() {
        let area = Rect::new(0, 0, 30, 4);
        let ours = Writes::default();
        let mut t = first_frame_on(
            FrameWriter::new(ours.clone()),
            Viewport::Fixed(area),
            area,
            scattered(FIRST),
        )
        .unwrap();
        draw_whole(&mut t, |f| scattered(SECOND)(f, area)).unwrap();

        let theirs = Writes::default();
        let mut t = terminal(&theirs);
        draw_whole(&mut t, |f| scattered(FIRST)(f, area)).unwrap();
        draw_whole(&mut t, |f| scattered(SECOND)(f, area)).unwrap();

        let (ours, theirs) = (ours.0.borrow(), theirs.0.borrow());
        assert_eq!(ours.len(), 2, "{ours:?}");
        assert!(
            ours[0].contains("Inbox 30") && ours[1].contains('1'),
            "{ours:?}"
        );
        assert_eq!(*ours, *theirs);
    }

    /// A terminal resized between the size read and the first frame: the screen is
    /// wiped and the next frame drawn whole, at the new size.
    #[test]
    fn a_terminal_resized_before_the_first_frame_gets_the_next_one_whole() {
        let drawn_for = Rect::new(0, 0, 20, 3);
        let now = Rect::new(0, 0, 30, 4);
        let writes = Writes::default();
        let mut t = first_frame_on(
            FrameWriter::new(writes.clone()),
            Viewport::Fixed(now),
            drawn_for,
            scattered(FIRST),
        )
        .unwrap();
        draw_whole(&mut t, |f| scattered(FIRST)(f, now)).unwrap();
        let all = writes.0.borrow();
        // The first frame, the wipe, the next frame in full.
        assert_eq!(all.len(), 3, "{all:?}");
        assert_eq!(all[1], "\x1b[2J", "{all:?}");
        assert!(
            all[2].contains("wijkdesk") && all[2].contains("Inbox 30"),
            "{all:?}"
        );
    }

    /// The first frame's buffer is ratatui's blank buffer, at every size (less than a
    /// page, a page, the usual screens, a large one).
    #[test]
    fn the_first_frames_buffer_is_a_blank_buffer() {
        for (w, h) in [(0, 0), (1, 1), (30, 4), (120, 40), (80, 24), (400, 120)] {
            let area = Rect::new(0, 0, w, h);
            assert_eq!(blank_buffer(area), Buffer::empty(area), "{w}x{h}");
        }
        let offset = Rect::new(3, 2, 50, 10);
        assert_eq!(blank_buffer(offset), Buffer::empty(offset));
    }

    #[test]
    fn each_later_frame_is_one_write_too() {
        let writes = Writes::default();
        let mut t = terminal(&writes);
        for word in ["one", "two", "six"] {
            draw_whole(&mut t, text(word)).unwrap();
        }
        let all = writes.0.borrow();
        assert_eq!(all.len(), 3, "{all:?}");
        for frame in all.iter() {
            assert!(frame.starts_with("\x1b[?2026h"), "{frame:?}");
            assert!(frame.ends_with("\x1b[?2026l"), "{frame:?}");
        }
        assert!(all[2].contains("six"), "{all:?}");
    }
}

//! The terminal the screens draw on: taken, each frame written in one piece, given back
//! and taken again for Ctrl-Z and `$EDITOR`.

use super::App;
use super::backend::FrameBackend;
use crate::words::{Lang, T};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
};
use crossterm::{execute, queue};
use ratatui::{Frame, Terminal};
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
/// terminal given back before a panic's message; the screen to draw on.
pub(super) fn take(mouse: bool) -> Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    enter_screen(mouse)?;
    new_screen().inspect_err(|_| {
        let _ = ratatui::try_restore();
    })
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
    terminal.backend_mut().flush()
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

//! The floor under the screens' first frame: a program that only opens a wijkdesk
//! database (SQLite reads and parses its schema, with the same bundled SQLite and
//! build flags), runs one query and writes one line, ended as the screens end a frame.
//! `benches/first_frame.py` times it on a pseudo-terminal beside `less` and wijkdesk.
//!
//! ```sh
//! cargo build --release --example open_floor
//! target/release/examples/open_floor wijkdesk.db
//! ```

use std::io::Write;

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: open_floor DATABASE");
        std::process::exit(2);
    };
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let counted = rusqlite::Connection::open_with_flags(&path, flags).and_then(|db| {
        db.query_row("SELECT count(*) FROM organisation WHERE id < 10", [], |r| {
            r.get::<_, i64>(0)
        })
    });
    match counted {
        Ok(n) => {
            let mut out = std::io::stdout();
            // The end of a synchronised update, as the screens' first frame ends.
            let _ = write!(out, "{n} organisations\x1b[?2026l");
            let _ = out.flush();
            // Stay until the bench has read it (it kills this process).
            std::thread::sleep(std::time::Duration::from_secs(5));
        }
        Err(e) => {
            eprintln!("open_floor: {e}");
            std::process::exit(1);
        }
    }
}

//! What the command line prints: aligned tables that fit the terminal, field lists,
//! and JSON.
//!
//! Everything a record holds comes from outside (pasted e-mails, imported files), so
//! every line written here passes through [`visible`]: no control or escape sequence
//! reaches the terminal. JSON escapes control characters itself; bidirectional and C1
//! controls are escaped here as well.

use super::{CliError, Result};
use crate::domain::Problem;
use crate::domain::text::{cell_width, fit_cells, is_bidi_control, visible};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Write};

/// Two spaces between table columns.
const GAP: usize = 2;
/// Text columns (`~`) are shortened to this many characters before any goes shorter.
const FLEX_MIN: usize = 10;
/// The main text column (`*`, e.g. a title) keeps at least this many while others shrink.
const MAIN_MIN: usize = 24;
/// No text column goes below this.
const LAST_MIN: usize = 4;

/// Standard output, buffered, with the display settings of this run.
pub struct Out {
    w: BufWriter<io::StdoutLock<'static>>,
    ascii: bool,
    width: Option<usize>,
    /// `--json-lines`: a list is one compact JSON value per line instead of an array.
    json_lines: bool,
}

impl Out {
    pub fn new(ascii: bool) -> Out {
        Out {
            w: BufWriter::new(io::stdout().lock()),
            ascii,
            width: terminal_width(),
            json_lines: false,
        }
    }

    /// Lists as JSON Lines (one record per line) instead of one array.
    pub fn set_json_lines(&mut self, on: bool) {
        self.json_lines = on;
    }

    /// One line of text, made safe for the terminal. A line break inside becomes `␊`.
    /// With `--ascii` (or `TERM=dumb`) every mark is ASCII; letters stay.
    pub fn line(&mut self, s: impl AsRef<str>) -> Result<()> {
        let line = visible(s.as_ref());
        if self.ascii {
            writeln!(self.w, "{}", crate::domain::glyphs::ascii_text(&line))?;
        } else {
            writeln!(self.w, "{line}")?;
        }
        Ok(())
    }

    /// Whether marks are written in ASCII (`--ascii`, `TERM=dumb`).
    pub fn ascii(&self) -> bool {
        self.ascii
    }

    /// Several lines of multi-line text (a body, an explanation), each indented.
    pub fn text_block(&mut self, indent: &str, s: &str) -> Result<()> {
        for l in s.lines() {
            self.line(format!("{indent}{}", l.replace('\t', "    ")))?;
        }
        Ok(())
    }

    pub fn blank(&mut self) -> Result<()> {
        writeln!(self.w)?;
        Ok(())
    }

    /// `label  value` pairs with the values aligned; multi-line values continue
    /// indented under the first line; empty values are left out.
    pub fn fields(&mut self, pairs: &[(&str, String)]) -> Result<()> {
        let pad = pairs
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0)
            + GAP;
        for (k, v) in pairs {
            if v.trim().is_empty() {
                continue;
            }
            let mut lines = v.lines();
            let first = lines.next().unwrap_or("");
            self.line(format!("{k:<pad$}{first}"))?;
            for l in lines {
                self.line(format!("{:pad$}{}", "", l.replace('\t', "    ")))?;
            }
        }
        Ok(())
    }

    /// A heading for a section of a `show`.
    pub fn heading(&mut self, title: &str, count: usize) -> Result<()> {
        self.blank()?;
        self.line(format!("{title} ({count})"))
    }

    pub fn table(&mut self, t: &Table) -> Result<()> {
        let (width, ascii) = (self.width, self.ascii);
        t.each_line(width, ascii, |line| self.table_line(&line))
    }

    fn table_line(&mut self, l: &str) -> Result<()> {
        if self.ascii {
            // One column for one, so that the columns stay aligned.
            writeln!(self.w, "{}", crate::domain::glyphs::ascii_narrow(l))?;
        } else {
            writeln!(self.w, "{l}")?;
        }
        Ok(())
    }

    /// A table of any length in memory that does not grow with it: `rows` hands every
    /// row to its argument, and is called twice — once to measure the columns, once
    /// to write each line as it comes — so it must give the same rows both times
    /// (read them in one [`crate::store::Store::snapshot`]). The lines are exactly the
    /// ones [`Out::table`] writes for the same rows. Returns how many rows there were;
    /// with none, nothing is written.
    pub fn table_streamed<F>(&mut self, headers: &[&'static str], mut rows: F) -> Result<usize>
    where
        F: FnMut(&mut dyn FnMut(Vec<String>) -> Result<()>) -> Result<()>,
    {
        let mut t = Table::new(headers);
        rows(&mut |cells| {
            let cells = t.cells(cells);
            t.measure(&cells);
            Ok(())
        })?;
        if t.is_empty() {
            return Ok(0);
        }
        let layout = t.layout(self.width);
        let ascii = self.ascii;
        self.table_line(&t.header_line(&layout, ascii))?;
        rows(&mut |cells| {
            let line = t.line(&layout, &t.cells(cells), ascii);
            self.table_line(&line)
        })?;
        Ok(t.count)
    }

    /// Pretty JSON in the one shape (see `cli::json`); bidirectional and C1 controls in
    /// strings are escaped as `\uXXXX`. A list under `--json-lines` is one line per item.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let v = super::json::value(value);
        if let (true, serde_json::Value::Array(items)) = (self.json_lines, &v) {
            for item in items {
                self.json_item_line(item)?;
            }
            return Ok(());
        }
        let text = serde_json::to_string_pretty(&v).map_err(|e| {
            CliError::Said(Problem::JsonNotWritten {
                error: e.to_string(),
            })
        })?;
        writeln!(self.w, "{}", escape_json(&text))?;
        Ok(())
    }

    fn json_item_line(&mut self, item: &serde_json::Value) -> Result<()> {
        let text = serde_json::to_string(item).map_err(|e| {
            CliError::Said(Problem::JsonNotWritten {
                error: e.to_string(),
            })
        })?;
        writeln!(self.w, "{}", escape_json(&text))?;
        Ok(())
    }

    /// A list as JSON written item by item as they come: one array (each item as
    /// `json` prints it, indented), or JSON Lines under `--json-lines`. Nothing is
    /// collected first.
    pub fn json_rows<I, T>(&mut self, items: I) -> Result<()>
    where
        I: IntoIterator<Item = T>,
        T: Serialize,
    {
        self.json_streamed(|emit| {
            for item in items {
                emit(serde_json::to_value(&item).unwrap_or(serde_json::Value::Null))?;
            }
            Ok(())
        })
    }

    /// [`Out::json_rows`] for items read one at a time: `items` hands each item's
    /// JSON to its argument, which writes it at once (in the one shape of `cli::json`).
    pub fn json_streamed<F>(&mut self, items: F) -> Result<()>
    where
        F: FnOnce(&mut dyn FnMut(serde_json::Value) -> Result<()>) -> Result<()>,
    {
        if self.json_lines {
            return items(&mut |item| self.json_item_line(&super::json::value(&item)));
        }
        let mut first = true;
        items(&mut |item| {
            let text = serde_json::to_string_pretty(&super::json::value(&item)).map_err(|e| {
                CliError::Said(Problem::JsonNotWritten {
                    error: e.to_string(),
                })
            })?;
            self.w.write_all(if first { b"[\n" } else { b",\n" })?;
            first = false;
            let text = escape_json(&text);
            for (i, l) in text.lines().enumerate() {
                if i > 0 {
                    self.w.write_all(b"\n")?;
                }
                write!(self.w, "  {l}")?;
            }
            Ok(())
        })?;
        self.w.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
        Ok(())
    }

    /// "—" for a missing value, "-" with `--ascii`.
    pub fn none(&self) -> &'static str {
        if self.ascii { "-" } else { "—" }
    }

    pub fn arrow(&self) -> &'static str {
        if self.ascii { "->" } else { "→" }
    }

    /// The writer itself, for generated text (completions, man page) that holds no record data.
    pub fn raw(&mut self) -> &mut dyn Write {
        &mut self.w
    }

    pub fn flush(&mut self) -> Result<()> {
        self.w.flush()?;
        Ok(())
    }
}

/// The width to fit: the terminal's when standard output is one, else `$COLUMNS`
/// when set, else unlimited (a pipe or a file gets whole lines).
fn terminal_width() -> Option<usize> {
    if let Some(c) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0)
    {
        return Some(c);
    }
    if io::stdout().is_terminal() {
        return crossterm::terminal::size()
            .ok()
            .map(|(w, _)| usize::from(w))
            .filter(|w| *w > 0);
    }
    None
}

/// Outside string literals pretty JSON holds only ASCII, so every character escaped
/// here sits inside a string, where `\uXXXX` means the same character.
fn escape_json(s: &str) -> String {
    if !s.chars().any(needs_json_escape) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if needs_json_escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_json_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || is_bidi_control(c)
}

/// An aligned table. Cells are made visible when added.
pub struct Table {
    headers: Vec<&'static str>,
    /// How far each column may be shortened (with …) to fit; 0 for never (IDs, dates, states).
    min: Vec<usize>,
    /// Columns left out, left to right, when the table cannot fit otherwise.
    optional: Vec<bool>,
    rows: Vec<Vec<String>>,
    /// The widest cell of each column so far, headers included.
    natural: Vec<usize>,
    /// Rows measured or added.
    count: usize,
}

/// Where each shown column goes: its index and width.
struct Layout {
    cols: Vec<usize>,
    widths: Vec<usize>,
}

impl Table {
    /// Columns by header, with marks in front: `~` a text column that may be shortened to
    /// fit, `*` the main text column (shortened last), `-` a column left out when there
    /// is no room (`-~Theme`).
    pub fn new(headers: &[&'static str]) -> Table {
        let marks = |h: &str| h.len() - h.trim_start_matches(['~', '*', '-']).len();
        Table {
            headers: headers.iter().map(|h| &h[marks(h)..]).collect(),
            min: headers
                .iter()
                .map(|h| {
                    let m = &h[..marks(h)];
                    if m.contains('*') {
                        MAIN_MIN
                    } else if m.contains('~') {
                        FLEX_MIN
                    } else {
                        0
                    }
                })
                .collect(),
            optional: headers
                .iter()
                .map(|h| h[..marks(h)].contains('-'))
                .collect(),
            rows: Vec::new(),
            natural: headers.iter().map(|h| cell_width(&h[marks(h)..])).collect(),
            count: 0,
        }
    }

    /// A row's cells as the table shows them: one line each, one per column.
    fn cells(&self, cells: Vec<String>) -> Vec<String> {
        let mut cells: Vec<String> = cells.into_iter().map(one_line).collect();
        cells.resize(self.headers.len(), String::new());
        cells
    }

    /// Count a row towards the column widths without keeping it.
    fn measure(&mut self, cells: &[String]) {
        for (w, cell) in self.natural.iter_mut().zip(cells) {
            *w = (*w).max(cell_width(cell));
        }
        self.count += 1;
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let cells = self.cells(cells);
        self.measure(&cells);
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn len(&self) -> usize {
        self.count
    }

    /// The lines [`Out::table`] writes, for a terminal `width` columns wide (`None`: a
    /// pipe): for tests that hold a streamed table against a collected one.
    #[doc(hidden)]
    pub fn lines(&self, width: Option<usize>, ascii: bool) -> Vec<String> {
        self.render(width, ascii)
    }

    fn render(&self, width: Option<usize>, ascii: bool) -> Vec<String> {
        let mut out = Vec::with_capacity(self.rows.len() + 1);
        let _ = self.each_line(width, ascii, |line| {
            out.push(line);
            Ok(())
        });
        out
    }

    /// The header line, then each row's, laid out once for all of them.
    fn each_line(
        &self,
        width: Option<usize>,
        ascii: bool,
        mut write: impl FnMut(String) -> Result<()>,
    ) -> Result<()> {
        let layout = self.layout(width);
        write(self.header_line(&layout, ascii))?;
        for row in &self.rows {
            write(self.line(&layout, row, ascii))?;
        }
        Ok(())
    }

    fn header_line(&self, layout: &Layout, ascii: bool) -> String {
        let header: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        self.line(layout, &header, ascii)
    }

    /// One row laid out: cells shortened to their column and padded.
    fn line(&self, layout: &Layout, row: &[String], ascii: bool) -> String {
        let Layout { cols, widths } = layout;
        let mut line = String::with_capacity(widths.iter().sum::<usize>() + GAP * cols.len());
        for (k, &i) in cols.iter().enumerate() {
            let mut used = cell_width(&row[i]);
            if used <= widths[i] {
                line.push_str(&row[i]);
            } else {
                let cell = fit(&row[i], widths[i], ascii);
                used = cell_width(&cell);
                line.push_str(&cell);
            }
            if k + 1 < cols.len() {
                let pad = widths[i].saturating_sub(used) + GAP;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        line.truncate(line.trim_end().len());
        line
    }

    /// Which columns are shown and how wide, from the widest cells measured.
    fn layout(&self, width: Option<usize>) -> Layout {
        let n = self.headers.len();
        let mut widths = self.natural.clone();
        let mut shown = vec![true; n];
        if let Some(limit) = width {
            let total = |ws: &[usize], shown: &[bool]| {
                let cols: Vec<usize> = (0..n).filter(|&i| shown[i]).collect();
                cols.iter().map(|&i| ws[i]).sum::<usize>() + GAP * cols.len().saturating_sub(1)
            };
            // Leave out optional columns while the table cannot fit even with every text
            // column at its minimum.
            let at_min: Vec<usize> = (0..n)
                .map(|i| {
                    if self.min[i] > 0 {
                        widths[i].min(self.min[i])
                    } else {
                        widths[i]
                    }
                })
                .collect();
            for i in 0..n {
                if total(&at_min, &shown) <= limit {
                    break;
                }
                if self.optional[i] {
                    shown[i] = false;
                }
            }
            // The widest text column gives a character first, down to its minimum; then the
            // other text columns go shorter, and the main one last. IDs, dates and states never do.
            for pass in 0..3 {
                let floor = |i: usize| match pass {
                    0 => self.min[i],
                    1 if self.min[i] >= MAIN_MIN => self.min[i],
                    _ => LAST_MIN,
                };
                while total(&widths, &shown) > limit {
                    let candidate = (0..n)
                        .filter(|&i| shown[i] && self.min[i] > 0 && widths[i] > floor(i))
                        .max_by_key(|&i| widths[i]);
                    match candidate {
                        Some(i) => widths[i] -= 1,
                        None => break,
                    }
                }
            }
        }
        let cols: Vec<usize> = (0..n).filter(|&i| shown[i]).collect();
        Layout { cols, widths }
    }
}

/// A cell is one line: line breaks and tabs become spaces, then it is made visible.
fn one_line(s: String) -> String {
    let flat = if s.contains(['\n', '\r', '\t']) {
        s.replace(['\n', '\r', '\t'], " ")
    } else {
        s
    };
    let shown = match visible(&flat) {
        std::borrow::Cow::Owned(shown) => Some(shown),
        std::borrow::Cow::Borrowed(_) => None,
    };
    shown.unwrap_or(flat)
}

/// Shorten to `width` terminal cells with an ellipsis, never splitting a grapheme
/// cluster (an emoji family, a flag, a letter with its accents).
pub fn fit(s: &str, width: usize, ascii: bool) -> String {
    fit_cells(s, width, if ascii { "..." } else { "…" })
}

/// A due date in a table; ` !` after it marks it overdue.
pub fn due_cell(due: Option<chrono::NaiveDate>, overdue: bool) -> String {
    match due {
        Some(d) if overdue => format!("{d} !"),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

/// An optional string for display: empty when missing.
pub fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// An optional value for display via `Display`.
pub fn opt_d<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map(|v| v.to_string()).unwrap_or_default()
}

/// A record's JSON with its user-facing reference (`"ref": "S-42"`) added.
pub fn with_ref<T: Serialize>(reference: impl std::fmt::Display, value: &T) -> serde_json::Value {
    super::json::record(reference, value)
}

/// A stored moment as local time in The Hague, to the minute: `2026-01-15T10:04:05Z`
/// as `2026-01-15 11:04`, `2026-01-15T19:30` as it is; the same moment `--json` gives
/// with its offset.
pub fn moment(at: &str) -> String {
    let local = crate::domain::moment::stored_to_rfc3339(at).unwrap_or_else(|| at.to_string());
    let s = local.trim_end_matches('Z').replacen('T', " ", 1);
    s.chars().take(16).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_shortens_with_ellipsis() {
        assert_eq!(fit("abcdef", 10, false), "abcdef");
        assert_eq!(fit("abcdef", 4, false), "abc…");
        assert_eq!(fit("abcdef", 5, true), "ab...");
    }

    #[test]
    fn table_fits_width_and_aligns() {
        let mut t = Table::new(&["ID", "State", "*Title"]);
        t.row(vec![
            "S-1".into(),
            "new".into(),
            "a rather long title that will not fit in the width".into(),
        ]);
        t.row(vec!["S-22".into(), "in_progress".into(), "short".into()]);
        let lines = t.render(Some(40), false);
        assert!(lines.iter().all(|l| cell_width(l) <= 40), "{lines:#?}");
        assert!(lines[1].ends_with('…'));
        assert_eq!(lines[0].find("State"), lines[1].find("new"));
    }

    #[test]
    fn optional_columns_go_first_when_there_is_no_room() {
        let mut t = Table::new(&["ID", "-Received", "~Owner", "*Title"]);
        t.row(vec![
            "S-1".into(),
            "2026-01-15".into(),
            "Bas Jansen (DSO)".into(),
            "a title of some length here".into(),
        ]);
        let wide = t.render(Some(200), false);
        assert!(wide[0].contains("Received"));
        let narrow = t.render(Some(40), false);
        assert!(!narrow[0].contains("Received"), "{narrow:#?}");
        assert!(
            narrow.iter().all(|l| l.chars().count() <= 40),
            "{narrow:#?}"
        );
    }

    /// Where `needle` starts in `line`, in terminal cells.
    fn cell_of(line: &str, needle: &str) -> usize {
        cell_width(&line[..line.find(needle).expect(needle)])
    }

    #[test]
    fn emoji_cjk_and_stacked_accents_never_shift_a_column() {
        let titles = [
            "👨‍👩‍👧‍👦 speeltuin voor het hele gezin in de wijk",
            "🇳🇱🇺🇦🇵🇸 vlaggen aan de gevel",
            "❤\u{fe0f} buurtfeest ❤\u{fe0f}",
            "日本語のタイトルはとても長いです長いです",
            "Z\u{301}\u{302}\u{303}\u{304}\u{305}algo tekst met veel tekens",
            "plain ascii title that is long enough to be cut",
        ];
        for limit in [None, Some(60), Some(41), Some(33)] {
            let mut t = Table::new(&["ID", "*Title", "~Owner", "State"]);
            for (i, title) in titles.iter().enumerate() {
                t.row(vec![
                    format!("S-{i}"),
                    title.to_string(),
                    "日本 owner".into(),
                    "STATE".into(),
                ]);
            }
            let lines = t.render(limit, false);
            let at = cell_of(&lines[0], "State");
            for l in &lines[1..] {
                assert_eq!(cell_of(l, "STATE"), at, "{limit:?}: {lines:#?}");
                if let Some(w) = limit {
                    assert!(cell_width(l) <= w, "{w}: {l:?}");
                }
            }
        }
    }

    #[test]
    fn cells_are_made_visible() {
        let mut t = Table::new(&["A"]);
        t.row(vec!["x\u{1b}[31my\u{202e}".into()]);
        let lines = t.render(None, false);
        assert!(!lines[1].contains('\u{1b}'));
        assert!(lines[1].contains("⟨U+202E⟩"));
    }

    #[test]
    fn moments_show_in_local_time() {
        assert_eq!(moment("2026-01-15T10:04:05Z"), "2026-01-15 11:04");
        assert_eq!(moment("2026-07-15T10:04:05Z"), "2026-07-15 12:04");
        assert_eq!(moment("2026-01-15T19:30"), "2026-01-15 19:30");
    }

    #[test]
    fn json_escapes_bidi_and_c1() {
        assert_eq!(escape_json("\"a\u{202e}b\u{85}\""), "\"a\\u202eb\\u0085\"");
        let v: String = serde_json::from_str(&escape_json("\"a\u{202e}b\"")).unwrap();
        assert_eq!(v, "a\u{202e}b");
    }
}

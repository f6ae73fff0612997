//! `-` for a text argument: the text comes from standard input (`--body -`,
//! `--text -`, a minutes line `-`), so a pasted e-mail or a script's output needs no
//! quoting. A literal "-" is never stored.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

/// The most a text argument reads: far above any e-mail body, a bound for a wrong pipe.
pub const MAX_STDIN_BYTES: usize = 1024 * 1024;

/// Standard input gives one text per command.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Why standard input gave no text: reported as one line (exit 1), not as a usage error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StdinError(pub String);

impl std::fmt::Display for StdinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StdinError {}

/// The value as given, or standard input when it is `-` (a clap value parser).
pub fn text(value: &str) -> Result<String, StdinError> {
    if value != "-" {
        return Ok(value.to_string());
    }
    if TAKEN.swap(true, Ordering::SeqCst) {
        return Err(StdinError(
            "standard input gives only one text per command; \
             give the other texts on the command line"
                .into(),
        ));
    }
    read(std::io::stdin().lock()).map_err(StdinError)
}

/// The message when parsing the command line failed because standard input could not
/// be read for a `-` argument.
pub fn failure(e: &clap::Error) -> Option<String> {
    use std::error::Error as _;
    let source = e.source()?;
    source
        .downcast_ref::<StdinError>()
        .map(|s| format!("{}: {s}", argument(e)))
}

/// The argument being read, e.g. `--body`.
fn argument(e: &clap::Error) -> String {
    match e.get(clap::error::ContextKind::InvalidArg) {
        Some(clap::error::ContextValue::String(a)) => {
            let name = a.split_whitespace().next().unwrap_or("");
            // A positional argument is shown as <LINE>: say "line".
            name.trim_start_matches('<')
                .trim_end_matches('>')
                .to_lowercase()
                .replace('_', " ")
        }
        _ => "-".into(),
    }
}

/// Read a text from `r`: UTF-8, at most `MAX_STDIN_BYTES`, a trailing line break dropped.
pub fn read(r: impl Read) -> Result<String, String> {
    let mut data = Vec::new();
    r.take(MAX_STDIN_BYTES as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if data.len() > MAX_STDIN_BYTES {
        return Err(format!(
            "standard input is larger than {} KB; nothing was changed",
            MAX_STDIN_BYTES / 1024
        ));
    }
    let mut text = String::from_utf8(data).map_err(|e| {
        format!(
            "standard input is not UTF-8 text (byte {} is not); nothing was changed",
            e.utf8_error().valid_up_to() + 1
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    while text.ends_with('\n') || text.ends_with('\r') {
        text.pop();
    }
    if text.trim().is_empty() {
        return Err("standard input is empty; nothing was changed".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_drops_the_last_line_break() {
        assert_eq!(read("één\ntwee\r\n".as_bytes()).unwrap(), "één\ntwee");
        assert_eq!(read("\u{feff}x".as_bytes()).unwrap(), "x");
    }

    #[test]
    fn refuses_empty_too_large_and_not_utf8() {
        assert!(read("".as_bytes()).unwrap_err().contains("empty"));
        let big = vec![b'a'; MAX_STDIN_BYTES + 1];
        assert!(read(&big[..]).unwrap_err().contains("larger than"));
        assert!(read(&b"ab\xffcd"[..]).unwrap_err().contains("byte 3"));
    }

    #[test]
    fn other_values_pass_as_they_are() {
        assert_eq!(text("Gemeld bij DSO").unwrap(), "Gemeld bij DSO");
        assert_eq!(text("--").unwrap(), "--");
    }
}

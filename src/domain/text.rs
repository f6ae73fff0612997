//! Hygiene for text from outside (pasted e-mails, imported files): control and
//! escape characters must never reach the terminal.
//!
//! Input is cleaned on the way in ([`clean_line`], [`clean_text`]); bidirectional
//! controls are kept there, because they can be legitimate in Arabic or Hebrew
//! text, and are made visible on the way out ([`visible`]) so that they cannot
//! reorder what the reader sees.

use std::borrow::Cow;
use std::fmt::Write as _;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f' | '\u{80}'..='\u{9f}')
}

/// Characters that change the direction of the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// Characters that take no room on screen: zero-width spaces and joiners, the word
/// joiner, the byte-order mark, soft hyphens, invisible operators and the bidi controls.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || is_control(c)
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{3164}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fe00}'..='\u{fe0f}'
        )
}

/// True when the text shows nothing: only white space, invisible characters and
/// characters that take no cell of their own (combining marks alone, variation
/// selectors), e.g. a title typed as three zero-width spaces or a lone accent.
pub fn looks_empty(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || is_invisible(c) || c.width().unwrap_or(0) == 0)
}

/// `s` on one line (runs of white space as one space), cut to `max` characters with
/// an ellipsis: a timeline's short mention of a longer text.
pub fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        format!("{}…", flat.chars().take(max - 1).collect::<String>())
    } else {
        flat
    }
}

/// Cleans text for a single-line field: removes control characters and turns
/// tabs and line breaks into spaces, so that pasted lines do not run words together.
/// Bidirectional controls are kept; [`visible`] shows them.
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(' '),
            '\r' => {
                // `\r\n` is one line break, so one space.
                if chars.peek() != Some(&'\n') {
                    out.push(' ');
                }
            }
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Cleans multi-line text: keeps `\n` and `\t`, turns `\r\n` and a lone `\r` into
/// `\n`, and removes every other control character.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Prepares text for display: every control character becomes a visible stand-in
/// (`␛` for ESC, the Unicode control pictures for other C0 controls and DEL, `�` for
/// C1 controls) and every bidirectional control becomes a marker such as `⟨U+202E⟩`.
/// Borrows when there is nothing to replace, which is nearly always.
pub fn visible(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(|c| is_control(c) || is_bidi_control(c)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            // U+2400..U+241F are the control pictures for NUL..US, in order; ESC is among them.
            '\0'..='\x1f' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}')),
            '\x7f' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            c if is_bidi_control(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "⟨U+{:04X}⟩", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for text written to files and pipes, where line structure is part of
/// the format: keeps `\n`, `\t` and the `\r` of `\r\n`, and makes every other control
/// and every bidirectional control visible. Text that reached the database by another
/// route (a restore, another tool, an older version) cannot retitle or clear the
/// terminal of whoever `cat`s or `grep`s the export.
pub fn visible_text(s: &str) -> Cow<'_, str> {
    let bad = |(i, c): (usize, char)| {
        (is_control(c) || is_bidi_control(c))
            && c != '\n'
            && c != '\t'
            && !(c == '\r' && s.as_bytes().get(i + 1) == Some(&b'\n'))
    };
    if !s.char_indices().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if bad((i, c)) {
            out.push_str(&s[start..i]);
            out.push_str(&visible(&s[i..i + c.len_utf8()]));
            start = i + c.len_utf8();
        }
    }
    out.push_str(&s[start..]);
    Cow::Owned(out)
}

/// Words that start many organisation names and say only what kind it is: a narrow
/// column shows what follows them ("Zeeheldenkwartier", not "Bewonersorganisatie").
const GENERIC_PREFIXES: &[&str] = &[
    "Bewonersorganisatie ",
    "Bewonersvereniging ",
    "Bewonersoverleg ",
    "Bewonersplatform ",
    "Bewonersgroep ",
    "Wijkorganisatie ",
    "Wijkvereniging ",
    "Wijkoverleg ",
    "Wijkberaad ",
    "Wijkplatform ",
    "Wijkraad ",
    "Vereniging ",
    "Commissie ",
];

/// The distinguishing part of an organisation's name, for narrow columns.
pub fn short_org_name(name: &str) -> &str {
    for p in GENERIC_PREFIXES {
        if let Some(rest) = name.strip_prefix(p)
            && !rest.trim().is_empty()
        {
            return rest;
        }
    }
    name
}

/// The terminal cells `s` takes, counted the way the screens draw it: grapheme cluster
/// by cluster (an emoji family, a flag, a letter with stacked accents is one), each as
/// wide as Unicode says (two for CJK and emoji, none for a cluster that draws nothing).
pub fn cell_width(s: &str) -> usize {
    // Printable ASCII, most cells of every list and report, is one cluster and one cell
    // a byte; segmenting it was a quarter of a million-signal report's time.
    if is_printable_ascii(s) {
        return s.len();
    }
    if s.chars().all(stands_alone) {
        return s.chars().filter_map(UnicodeWidthChar::width).sum();
    }
    clusters_width(s)
}

/// Only printable ASCII (space to `~`): a cell a byte, each byte its own cluster.
pub fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Characters each of which is a grapheme cluster of its own beside any other of them:
/// printable ASCII, the Latin letters with their accents as one character (`é`, `ë`,
/// `ł`), general punctuation (dashes, quotes, `…`), currency signs, arrows and
/// mathematical signs. Text of those (Dutch names, `—`, `×`) is measured a character
/// at a time; anything else (a combining accent, an emoji, a joiner) goes by cluster.
fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{ac}' // Latin-1 without the soft hyphen
        | '\u{ae}'..='\u{24f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{20a0}'..='\u{20c0}'
        | '\u{2190}'..='\u{22ff}')
}

fn clusters_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` shortened to at most `width` cells, ending in `mark` (`…`) when shortened. Never
/// splits a grapheme cluster; a wide character that does not fit is left out whole, so
/// the result may be a cell short (pad it with [`pad_cells`]).
pub fn fit_cells(s: &str, width: usize, mark: &str) -> String {
    if cell_width(s) <= width {
        return s.to_string();
    }
    let mark_w = cell_width(mark);
    let (room, mark) = if width > mark_w {
        (width - mark_w, mark)
    } else {
        (width, "")
    };
    let mut out = String::with_capacity(s.len().min(room * 4) + mark.len());
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push_str(mark);
    out
}

/// `s` followed by spaces up to `width` cells.
pub fn pad_cells(s: &str, width: usize) -> String {
    let w = cell_width(s);
    let mut out = String::with_capacity(s.len() + width.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_with_nothing_to_show_looks_empty() {
        for empty in [
            "",
            " \t",
            "\u{200b}\u{200b}",
            "\u{200f}",
            "\u{0301}\u{0301}",
            "\u{200e}\u{0301} \u{0302}",
            "\u{fe0f}\u{e0101}",
            "\u{20e3}",
        ] {
            assert!(super::looks_empty(empty), "{empty:?}");
        }
        for shown in [
            "a",
            "e\u{0301}",
            "\u{200b}x",
            "👍",
            "\u{1f468}\u{200d}\u{1f469}",
            "·",
        ] {
            assert!(!super::looks_empty(shown), "{shown:?}");
        }
    }

    #[test]
    fn visible_text_keeps_line_structure_only() {
        let s = "a\x1b]0;x\x07b\r\nc\td\re\u{202e}f\u{85}\n";
        let v = super::visible_text(s);
        assert_eq!(v, "a␛]0;x␇b\r\nc\td␍e⟨U+202E⟩f\u{fffd}\n");
        assert!(matches!(
            super::visible_text("plain\r\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn short_org_names_drop_the_kind_word() {
        assert_eq!(
            super::short_org_name("Bewonersorganisatie Zeeheldenkwartier"),
            "Zeeheldenkwartier"
        );
        assert_eq!(
            super::short_org_name("Wijkberaad Bezuidenhout"),
            "Bezuidenhout"
        );
        assert_eq!(
            super::short_org_name("Dienst Stadsbeheer"),
            "Dienst Stadsbeheer"
        );
        assert_eq!(super::short_org_name("Wijkberaad "), "Wijkberaad ");
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_line_removes_controls() {
        assert_eq!(clean_line("plain text"), "plain text");
        assert_eq!(clean_line("a\x1b[31mred\x1b[0m"), "a[31mred[0m");
        assert_eq!(clean_line("nul\0here"), "nulhere");
        assert_eq!(clean_line("del\x7f"), "del");
        assert_eq!(clean_line("c1\u{9b}31m\u{85}"), "c131m");
        assert_eq!(clean_line("bell\x07"), "bell");
    }

    #[test]
    fn clean_line_turns_tabs_and_breaks_into_spaces() {
        assert_eq!(clean_line("a\tb"), "a b");
        assert_eq!(clean_line("line one\nline two"), "line one line two");
        assert_eq!(clean_line("line one\r\nline two"), "line one line two");
        assert_eq!(clean_line("old\rmac"), "old mac");
        assert_eq!(clean_line("\r"), " ");
    }

    #[test]
    fn clean_line_keeps_bidi_and_unicode() {
        let s = "abc \u{202e}cba\u{202c} één 🙂 שלום \u{061c}";
        assert_eq!(clean_line(s), s);
    }

    #[test]
    fn clean_text_normalises_line_breaks() {
        assert_eq!(clean_text("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(clean_text("\r\r\n"), "\n\n");
        assert_eq!(clean_text("col\tcol\n"), "col\tcol\n");
        assert_eq!(clean_text("x\x1b]0;title\x07y\u{90}"), "x]0;titley");
        assert_eq!(clean_text("\u{2067}rtl\u{2069}"), "\u{2067}rtl\u{2069}");
    }

    #[test]
    fn visible_borrows_when_clean() {
        assert!(matches!(visible("nothing to see 🙂 één"), Cow::Borrowed(_)));
        assert!(matches!(visible(""), Cow::Borrowed(_)));
    }

    #[test]
    fn visible_shows_controls() {
        assert_eq!(visible("a\x1bb"), "a␛b");
        assert_eq!(visible("\0\x07\t\n\x1f"), "␀␇␉␊␟");
        assert_eq!(visible("x\x7f"), "x␡");
        assert_eq!(visible("\u{80}\u{9f}"), "\u{fffd}\u{fffd}");
    }

    #[test]
    fn visible_marks_bidi() {
        assert_eq!(visible("abc\u{202e}def"), "abc⟨U+202E⟩def");
        assert_eq!(
            visible("\u{200e}\u{200f}\u{061c}"),
            "⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"
        );
        assert_eq!(visible("\u{2066}x\u{2069}"), "⟨U+2066⟩x⟨U+2069⟩");
        assert_eq!(
            visible("\u{202a}\u{202b}\u{202c}\u{202d}")
                .matches("⟨U+")
                .count(),
            4
        );
        // Ordinary right-to-left letters are left alone.
        assert!(matches!(visible("שלום مرحبا"), Cow::Borrowed(_)));
    }

    /// Titles that used to overflow a column: emoji families (ZWJ), flags, variation
    /// selectors, CJK, stacked combining marks.
    const HOSTILE: &[&str] = &[
        "👨‍👩‍👧‍👦 gezin",
        "🇳🇱🇺🇦 vlaggen",
        "❤️ hart",
        "日本語のタイトル",
        "Z\u{301}\u{302}\u{303}\u{304}algo",
        "e\u{301}e\u{301}n",
    ];

    #[test]
    fn cells_count_clusters_not_characters() {
        assert_eq!(cell_width("abc"), 3);
        assert_eq!(cell_width("日本"), 4);
        assert_eq!(cell_width("👨‍👩‍👧‍👦"), 2);
        assert_eq!(cell_width("🇳🇱"), 2);
        assert_eq!(cell_width("Z\u{301}\u{302}\u{303}"), 1);
        assert_eq!(fit_cells("日本語", 5, "…"), "日本…");
        assert_eq!(fit_cells("日本語", 4, "…"), "日…");
        assert_eq!(fit_cells("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 3, "…"), "👨‍👩‍👧‍👦…");
        assert_eq!(pad_cells("日本", 6), "日本  ");
        for t in HOSTILE {
            for w in 0..12 {
                let f = fit_cells(t, w, "…");
                assert!(cell_width(&f) <= w, "{t:?} at {w}: {f:?}");
                assert_eq!(cell_width(&pad_cells(&f, w)), w.max(cell_width(&f)));
            }
        }
    }

    fn forbidden(c: char) -> bool {
        is_control(c) || is_bidi_control(c)
    }

    /// Each character measured alone is its own cluster, next to a letter and next to
    /// itself, as wide as its cluster.
    #[test]
    fn every_character_standing_alone_is_a_cluster_of_its_own() {
        let alone = (0..=0x22ffu32)
            .filter_map(char::from_u32)
            .filter(|&c| super::stands_alone(c));
        for c in alone {
            for s in [format!("a{c}a"), format!("{c}{c}")] {
                let n = s.chars().count();
                assert_eq!(
                    s.graphemes(true).count(),
                    n,
                    "{c:?} (U+{:04X})",
                    u32::from(c)
                );
                assert_eq!(cell_width(&s), clusters_width(&s), "U+{:04X}", u32::from(c));
            }
        }
    }

    proptest! {
        #[test]
        fn visible_clean_line_is_safe(s in any::<String>()) {
            let shown = visible(&clean_line(&s)).into_owned();
            prop_assert!(!shown.chars().any(forbidden), "{shown:?}");
        }

        #[test]
        fn visible_is_safe_on_raw_input(s in any::<String>()) {
            prop_assert!(!visible(&s).chars().any(forbidden));
        }

        #[test]
        fn hostile_mix_is_safe(s in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200e}\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{61c}a-z ]{0,40}") {
            let line = clean_line(&s);
            prop_assert!(!line.chars().any(is_control));
            let text = clean_text(&s);
            prop_assert!(!text.chars().any(|c| is_control(c) && c != '\n' && c != '\t'));
            prop_assert!(!text.contains('\r'));
            prop_assert!(!visible(&line).chars().any(forbidden));
            prop_assert!(!visible(&text).chars().any(forbidden));
        }


        #[test]
        fn width_of_text_standing_alone_is_the_width_of_its_clusters(
            s in "[ -~\\u{a0}-\\u{24f}\\u{2010}-\\u{2027}\\u{2030}-\\u{205e}\\u{20a0}-\\u{20c0}\\u{2190}-\\u{22ff}]{0,30}",
            t in "[a-z\\u{e9}\\u{2014}\\u{301}\\u{200d}\\u{fe0f}\\u{ad}\\u{2028}\\u{1f469}\\u{1f1f3}\\u{1f1f1}\\u{1100}\\u{1161}]{0,20}"
        ) {
            prop_assert_eq!(cell_width(&s), clusters_width(&s), "{:?}", s);
            let mixed = format!("{s}{t}{s}");
            prop_assert_eq!(cell_width(&mixed), clusters_width(&mixed), "{:?}", mixed);
        }

        #[test]
        fn width_of_plain_ascii_is_the_width_of_its_clusters(
            s in "(\\r\\n|[\\x00-\\x7f]){0,40}|[ -~]{0,40}|[ -~\\u{301}\\u{200d}\\r\\n]{0,40}|\\PC{0,20}"
        ) {
            prop_assert_eq!(cell_width(&s), clusters_width(&s), "{:?}", s);
        }

        #[test]
        fn fitting_never_overflows_nor_splits_a_cluster(s in any::<String>(), w in 0usize..40) {
            let f = fit_cells(&s, w, "…");
            prop_assert!(cell_width(&f) <= w);
            // What is kept is whole clusters of the original, in order.
            let kept = f.strip_suffix('…').unwrap_or(&f);
            let orig: Vec<&str> = s.graphemes(true).collect();
            let got: Vec<&str> = kept.graphemes(true).collect();
            if cell_width(&s) > w {
                prop_assert!(orig.len() >= got.len());
                prop_assert_eq!(&orig[..got.len().saturating_sub(1)], &got[..got.len().saturating_sub(1)]);
            } else {
                prop_assert_eq!(f, s);
            }
        }

        #[test]
        fn cleaning_is_idempotent(s in any::<String>()) {
            let line = clean_line(&s);
            prop_assert_eq!(clean_line(&line), line.clone());
            let text = clean_text(&s);
            prop_assert_eq!(clean_text(&text), text.clone());
        }
    }
}

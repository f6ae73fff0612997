//! Marks in plain ASCII, for `--ascii`, `ascii = true` and `TERM=dumb`: the dashes,
//! arrows, ellipses, ticks, box drawing and block characters wijkdesk draws become
//! characters every terminal and screen reader has. Letters are never touched: a name
//! such as "Één" stays as it is.

/// The ASCII for a mark, one column wide, so that a drawn frame keeps its layout;
/// `None` for anything that is not one of wijkdesk's marks (letters, digits, ASCII).
pub fn narrow(c: char) -> Option<char> {
    Some(match c {
        '\u{2014}' | '\u{2013}' | '\u{2012}' | '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '\u{2026}' => '.',
        '\u{00b7}' | '\u{2022}' | '\u{2219}' | '\u{22c5}' => '*',
        '\u{00d7}' | '\u{2715}' | '\u{2717}' | '\u{2718}' => 'x',
        '\u{2713}' | '\u{2714}' | '\u{221a}' => 'v',
        '\u{2192}' | '\u{25b6}' | '\u{25ba}' | '\u{25b8}' | '\u{203a}' | '\u{00bb}' => '>',
        '\u{2190}' | '\u{25c0}' | '\u{25c4}' | '\u{25c2}' | '\u{2039}' | '\u{00ab}' => '<',
        '\u{2191}' | '\u{25b2}' | '\u{25b4}' => '^',
        '\u{2193}' | '\u{25bc}' | '\u{25be}' => 'v',
        '\u{2018}' | '\u{2019}' | '\u{201a}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        '\u{240a}' | '\u{23ce}' => '/',
        '\u{2264}' => '<',
        '\u{2265}' => '>',
        '\u{00a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' => ' ',
        '\u{25cf}' | '\u{25cb}' | '\u{25c9}' | '\u{25ef}' => 'o',
        '\u{25a0}' | '\u{25aa}' => '#',
        '\u{25a1}' | '\u{25ab}' => '.',
        // Box drawing: lines, then every corner and junction.
        '\u{2500}' | '\u{2501}' | '\u{2504}' | '\u{2505}' | '\u{2508}' | '\u{2509}'
        | '\u{254c}' | '\u{254d}' | '\u{2550}' | '\u{2574}' | '\u{2576}' | '\u{2578}'
        | '\u{257a}' | '\u{257c}' | '\u{257e}' => '-',
        '\u{2502}' | '\u{2503}' | '\u{2506}' | '\u{2507}' | '\u{250a}' | '\u{250b}'
        | '\u{254e}' | '\u{254f}' | '\u{2551}' | '\u{2575}' | '\u{2577}' | '\u{2579}'
        | '\u{257b}' | '\u{257d}' | '\u{257f}' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        // Blocks: the tops of bars and sparklines by height, full, shades.
        '\u{2581}'..='\u{2583}' => '_',
        '\u{2584}'..='\u{2587}' => '=',
        '\u{2588}' | '\u{2589}' | '\u{258a}' | '\u{258b}' | '\u{258c}' | '\u{2593}' => '#',
        '\u{258d}'..='\u{258f}' | '\u{2595}' => '|',
        '\u{2580}' | '\u{2594}' => '"',
        '\u{2590}' | '\u{2592}' => '%',
        '\u{2591}' => ':',
        '\u{2596}'..='\u{259f}' => '#',
        // Braille dots (canvas charts).
        '\u{2800}' => ' ',
        '\u{2801}'..='\u{28ff}' => '.',
        _ => return None,
    })
}

/// The ASCII for a mark in running text, where it may take more than one column
/// ("..." for an ellipsis, "->" for an arrow).
pub fn wide(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2026}' => "...",
        '\u{2192}' => "->",
        '\u{2190}' => "<-",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2194}' => "<->",
        _ => return None,
    })
}

/// `s` with every mark in ASCII, in running text.
pub fn ascii_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match (wide(c), narrow(c)) {
            (Some(w), _) => out.push_str(w),
            (None, Some(n)) => out.push(n),
            (None, None) => out.push(c),
        }
    }
    out.into()
}

/// `s` with every mark in ASCII, each in one column (for aligned tables and frames).
pub fn ascii_narrow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    s.chars()
        .map(|c| narrow(c).unwrap_or(c))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_ascii_and_letters_stay() {
        assert_eq!(
            ascii_text("0–14 dagen · 3×, 41 — …"),
            "0-14 dagen * 3x, 41 - ..."
        );
        assert_eq!(ascii_text("before → after"), "before -> after");
        assert_eq!(ascii_text("Één Ştefan"), "Één Ştefan");
        assert_eq!(ascii_narrow("┌─┐│└┘├┤"), "+-+|++++");
        assert_eq!(ascii_narrow("▁▂▃▄▅▆▇█"), "___====#");
        assert_eq!(ascii_narrow("a…"), "a.");
    }

    #[test]
    fn every_box_block_and_braille_character_has_an_ascii_form() {
        for c in ('\u{2500}'..='\u{259f}').chain('\u{2800}'..='\u{28ff}') {
            let n = narrow(c).unwrap_or_else(|| panic!("{c:?} has no ASCII form"));
            assert!(n.is_ascii(), "{c:?}");
        }
    }
}

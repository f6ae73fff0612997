//! Small pieces that the meeting and minutes screens share: the letter of a line's
//! kind, the word for a meeting's status and wrapping styled text. A leaf, so that the
//! editor, its drawing, its syntax popup and meeting mail import it and not each other.

use super::minutes_input::width;
use crate::domain::meeting::MeetingStatus;
use crate::domain::minutes::EntryKind;
use crate::words::{Lang, T};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The letter a line's kind is marked with (the prefix a user types for it).
pub fn kind_letter(kind: EntryKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (EntryKind::Note, _) => " ",
        (EntryKind::Decision, Lang::En) => "D",
        (EntryKind::Decision, Lang::Nl) => "B",
        (EntryKind::Action, _) => "A",
        (EntryKind::Commitment, _) => "T",
        (EntryKind::Signal, _) => "S",
        (EntryKind::Question, Lang::En) => "Q",
        (EntryKind::Question, Lang::Nl) => "V",
    }
}

pub fn status_label(status: MeetingStatus) -> T {
    match status {
        MeetingStatus::Planned => T::MeetingPlanned,
        MeetingStatus::Held => T::MeetingHeld,
        MeetingStatus::Final => T::MeetingFinal,
        MeetingStatus::Cancelled => T::MeetingCancelled,
    }
}

/// Wraps styled pieces to `w` columns at spaces, as people read; a word wider than a
/// row is split where it stands. Continuation rows start with `indent` spaces.
pub fn wrap(spans: Vec<Span<'static>>, w: usize, indent: usize) -> Vec<Line<'static>> {
    let w = w.max(indent + 4);
    // Words: runs of letters with the spaces after them, each letter keeping its style.
    let mut words: Vec<Vec<(char, Style, usize)>> = vec![Vec::new()];
    for span in &spans {
        for c in span.content.chars() {
            let last = words.last_mut().expect("one word at least");
            let after_space = last.last().is_some_and(|&(p, _, _)| p == ' ');
            if after_space && c != ' ' {
                words.push(Vec::new());
            }
            let cw = width(c.encode_utf8(&mut [0u8; 4]));
            words
                .last_mut()
                .expect("one word at least")
                .push((c, span.style, cw));
        }
    }
    let mut rows: Vec<Vec<(char, Style, usize)>> = vec![Vec::new()];
    let mut used = 0;
    let new_row = |rows: &mut Vec<Vec<(char, Style, usize)>>, used: &mut usize| {
        rows.push(vec![(' ', Style::default(), 1); indent]);
        *used = indent;
    };
    for word in words {
        let inked: usize = word.iter().filter(|c| c.0 != ' ').map(|c| c.2).sum();
        let at_start = used <= indent && rows.len() > 1 || used == 0;
        if used + inked > w && !at_start && inked <= w - indent {
            new_row(&mut rows, &mut used);
        }
        for cell in word {
            if used + cell.2 > w {
                if cell.0 == ' ' {
                    continue;
                }
                new_row(&mut rows, &mut used);
            }
            used += cell.2;
            rows.last_mut().expect("one row at least").push(cell);
        }
    }
    rows.into_iter()
        .map(|row| {
            let mut out: Vec<Span<'static>> = Vec::new();
            for (c, style, _) in row {
                match out.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => out.push(Span::styled(c.to_string(), style)),
                }
            }
            Line::from(out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_indents_continuations() {
        let spans = vec![Span::raw("een toezegging aan een organisatie, met datum")];
        let rows = texts(&wrap(spans, 20, 2));
        assert_eq!(
            rows,
            ["een toezegging aan ", "  een organisatie, ", "  met datum"],
        );
        assert!(rows.iter().all(|r| width(r.trim_end()) <= 20), "{rows:?}");
    }

    #[test]
    fn keeps_styles_across_a_break_and_splits_only_words_wider_than_a_row() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let spans = vec![
            Span::raw("Actie "),
            Span::styled("@ingrid", bold),
            Span::raw(" bankjesonderhoudsprogramma"),
        ];
        let lines = wrap(spans, 12, 0);
        assert_eq!(
            texts(&lines),
            ["Actie ", "@ingrid bank", "jesonderhoud", "sprogramma"]
        );
        assert_eq!(lines[1].spans[0].content, "@ingrid");
        assert_eq!(lines[1].spans[0].style, bold);
    }
}

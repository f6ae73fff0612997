//! The syntax of minutes lines, on a key in the editor (and, shorter, in the empty
//! editor): the prefixes in both languages, the tokens, and dates to come as examples.

use super::minutes_input::width as width_of;
use super::minutes_parts::wrap;
use crate::domain::minutes::syntax::{PREFIXES, TOKENS, date_examples, example_line};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::Popup;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::{Lang, T};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn kind_word(kind: &str) -> T {
    match kind {
        "decision" => T::SyntaxDecision,
        "action" => T::SyntaxAction,
        "commitment" => T::SyntaxCommitment,
        "signal" => T::SyntaxSignal,
        _ => T::SyntaxQuestion,
    }
}

fn token_word(kind: &str) -> T {
    match kind {
        "owner" => T::SyntaxOwner,
        "org" => T::SyntaxOrg,
        _ => T::SyntaxTheme,
    }
}

/// The whole syntax, one entry a row: what to type, and what it does.
pub fn rows(lang: Lang, today: NaiveDate) -> Vec<(String, String)> {
    let dutch = lang == Lang::Nl;
    let mut out: Vec<(String, String)> = PREFIXES
        .iter()
        .map(|(kind, p)| (p.join("  "), lang.t(kind_word(kind)).to_string()))
        .collect();
    out.push((String::new(), lang.t(T::SyntaxNote).to_string()));
    out.extend(
        TOKENS
            .iter()
            .map(|(kind, typed)| (typed.to_string(), lang.t(token_word(kind)).to_string())),
    );
    let dates = date_examples(today, dutch);
    if let Some(first) = dates.iter().find(|d| !d.typed.contains(' ')) {
        out.push((
            format!("due:+14d  due:{}", first.typed),
            lang.t(T::SyntaxDue).to_string(),
        ));
    }
    for d in &dates {
        out.push((format!("  {}", d.typed), format!("→ {}", d.shown)));
    }
    out
}

/// Three short rows for the empty editor: the prefixes, the tokens, an example.
pub fn brief(lang: Lang, today: NaiveDate) -> Vec<String> {
    let dutch = lang == Lang::Nl;
    // Both languages, the interface's first: "Besluit/Decision:".
    let prefixes: Vec<String> = PREFIXES
        .iter()
        .map(|(_, p)| {
            let (a, b) = if dutch { (p[0], p[1]) } else { (p[1], p[0]) };
            format!("{}/{b}", a.trim_end_matches(':'))
        })
        .collect();
    let date = date_examples(today, dutch)
        .into_iter()
        .find(|d| !d.typed.contains(' '))
        .map(|d| d.typed)
        .unwrap_or_default();
    vec![
        lang.f(T::SyntaxBriefPrefixes, &[("prefixes", &prefixes.join(" "))]),
        lang.f(T::SyntaxBriefTokens, &[("date", &date)]),
        lang.f(
            T::SyntaxBriefExample,
            &[("line", &example_line(today, dutch))],
        ),
    ]
}

pub struct Syntax {
    today: NaiveDate,
}

impl Syntax {
    pub fn new(today: NaiveDate) -> Syntax {
        Syntax { today }
    }
}

impl Popup for Syntax {
    fn handle_key(&mut self, _key: KeyEvent, _cx: &mut Cx) -> Outcome {
        // Any key closes: the help is read, then typing goes on.
        Outcome::one(Effect::Close)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let rows = rows(s.lang, self.today);
        let width = area.width.min(100);
        let w = usize::from(width.saturating_sub(2));
        let left = rows
            .iter()
            .map(|(a, _)| width_of(a))
            .max()
            .unwrap_or(0)
            .min(w / 2);
        // Each row: what to type, then what it does, wrapped under itself.
        let mut lines: Vec<Line> = Vec::new();
        for (a, b) in rows {
            let pad = left.saturating_sub(width_of(&a));
            lines.extend(wrap(
                vec![
                    Span::styled(format!("{a}{}  ", " ".repeat(pad)), s.theme.key),
                    Span::raw(b),
                ],
                w,
                left + 2,
            ));
        }
        lines.extend(wrap(
            vec![Span::styled(
                example_line(self.today, s.lang == Lang::Nl),
                s.theme.info,
            )],
            w,
            2,
        ));
        lines.extend(wrap(
            vec![Span::styled(s.lang.t(T::SyntaxFooter), s.theme.muted)],
            w,
            0,
        ));
        let height = (lines.len() as u16 + 2).min(area.height);
        let rect = widgets::centered(area, width, height);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(T::SyntaxTitle));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

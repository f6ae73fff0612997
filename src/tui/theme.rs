//! Colours and attributes. The default theme uses the terminal's own 16-colour
//! palette (never RGB), so it follows the user's terminal scheme. The monochrome theme
//! (`theme = "mono"` or `NO_COLOR`) uses attributes only, with `Color::Reset`
//! everywhere: no colour escape is ever written, and the selection is reverse video.
//! (crossterm's own NO_COLOR handling writes a bare `ESC[;m` that cancels reverse
//! video, so it must never be asked to write a colour at all.)

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub mono: bool,
    pub base: Style,
    pub title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub header: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focus: Style,
    pub muted: Style,
    pub key: Style,
    pub error: Style,
    pub info: Style,
    /// Marks something that needs attention (overdue, over the load threshold).
    pub mark: Style,
    pub label: Style,
    pub label_focus: Style,
    pub input: Style,
    pub input_focus: Style,
    pub cursor: Style,
    pub section: Style,
}

impl Theme {
    pub fn default_theme() -> Theme {
        let plain = Style::new();
        Theme {
            mono: false,
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            tab: plain,
            tab_active: plain
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            header: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: plain.fg(Color::Black).bg(Color::Cyan),
            border: plain.fg(Color::DarkGray),
            border_focus: plain.fg(Color::Cyan),
            muted: plain.fg(Color::DarkGray),
            key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            info: plain.fg(Color::Green),
            mark: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            label: plain,
            label_focus: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            input: plain.add_modifier(Modifier::UNDERLINED),
            input_focus: plain.add_modifier(Modifier::UNDERLINED),
            cursor: plain.add_modifier(Modifier::REVERSED),
            section: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    /// Attributes only; `Color::Reset` everywhere.
    pub fn mono() -> Theme {
        let plain = Style::new().fg(Color::Reset).bg(Color::Reset);
        Theme {
            mono: true,
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            tab: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            muted: plain,
            key: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            info: plain,
            mark: plain.add_modifier(Modifier::BOLD),
            label: plain,
            label_focus: plain.add_modifier(Modifier::BOLD),
            input: plain.add_modifier(Modifier::UNDERLINED),
            input_focus: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            cursor: plain.add_modifier(Modifier::REVERSED),
            section: plain.add_modifier(Modifier::BOLD),
        }
    }
}

/// Bars in plain ASCII (report charts under `--ascii` or `TERM=dumb`): `#` for a
/// whole cell, `=` from half, `_` below.
pub const ASCII_BARS: ratatui::symbols::bar::Set<'static> = ratatui::symbols::bar::Set {
    full: "#",
    seven_eighths: "=",
    three_quarters: "=",
    five_eighths: "=",
    half: "=",
    three_eighths: "_",
    one_quarter: "_",
    one_eighth: "_",
    empty: " ",
};

/// Borders in plain ASCII, for screen readers and terminals without box drawing.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(t: &Theme) -> Vec<Style> {
        vec![
            t.base,
            t.title,
            t.tab,
            t.tab_active,
            t.header,
            t.selected,
            t.border,
            t.border_focus,
            t.muted,
            t.key,
            t.error,
            t.info,
            t.mark,
            t.label,
            t.label_focus,
            t.input,
            t.input_focus,
            t.cursor,
            t.section,
        ]
    }

    #[test]
    fn mono_has_no_colour_and_reverses_the_selection() {
        let t = Theme::mono();
        for s in styles(&t) {
            assert!(matches!(s.fg, Some(Color::Reset)), "{s:?}");
            assert!(matches!(s.bg, Some(Color::Reset)), "{s:?}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn default_theme_uses_the_16_colour_palette() {
        for s in styles(&Theme::default_theme()) {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{s:?}");
            }
        }
    }
}

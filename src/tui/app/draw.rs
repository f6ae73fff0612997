//! The pure draw: the tab bar, the visible screen, the popups and the status line, from
//! the state alone (no store access; the store's path and user are plain fields).

use super::App;
use crate::tui::action::Action;
use crate::tui::screens::{Screen, welcome};
use crate::tui::widgets;
use crate::words::T;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

impl App<'_> {
    /// Draw everything from the state; no store access.
    pub fn draw(&self, frame: &mut Frame) {
        self.draw_in(frame, frame.area());
    }

    /// As [`App::draw`], on `area` of the frame's buffer (the first frame is drawn on
    /// a frame that does not know its area: see `terminal::first_frame`).
    pub fn draw_in(&self, frame: &mut Frame, area: Rect) {
        // A message takes the lines it needs (never cut), up to a third of the screen.
        let status_h = self
            .status_lines(area.width)
            .len()
            .clamp(1, usize::from(area.height / 3).max(1)) as u16;
        let [tabs, body, status] = widgets::rows(area, 1, status_h);
        self.draw_tabs(frame, tabs);
        if self.welcome {
            welcome::draw(
                frame,
                body,
                &self.settings,
                &self.store.path().display().to_string(),
            );
        } else {
            self.screens[self.current].draw(frame, body, &self.settings);
        }
        self.draw_status(frame, status);
        // Popups leave one line for the status; a message of more lines keeps them all.
        let popup_area = Rect {
            height: area.height.saturating_sub(status_h - 1),
            ..area
        };
        for p in &self.popups {
            p.draw(frame, popup_area, &self.settings);
        }
        if self.settings.ascii {
            crate::tui::widgets::ascii_buffer(frame.buffer_mut());
        }
    }

    fn draw_tabs(&self, frame: &mut Frame, area: Rect) {
        let s = &self.settings;
        let width = usize::from(area.width);
        let cells = crate::domain::text::cell_width;
        // Inbox and tracker: live counts after the title. Where the tabs do not fit,
        // they shorten step by step: short names, then no padding and no program
        // name; only below 80 columns do the other tabs lose their counts, and then
        // their names. The current tab always shows in full.
        let file = self
            .store
            .path()
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let user = widgets::vis(self.store.user());
        // Level by level: full names; short names; no program name; no padding; the
        // other tabs without counts; the other tabs as digits.
        let label = |i: usize, screen: &dyn Screen, level: u8| {
            let badge = screen.badge().map(|b| format!(" {b}")).unwrap_or_default();
            let short = s.lang.t(short_title(screen.title()));
            let n = i + 1;
            match level {
                0 => format!(" {n} {}{badge} ", s.lang.t(screen.title())),
                1 | 2 => format!(" {n} {short}{badge} "),
                3 => format!("{n} {short}{badge}"),
                _ if i == self.current => format!("{n} {short}{badge}"),
                4 => format!("{n} {short}"),
                _ => format!("{n}"),
            }
        };
        let tabs_width = |l: u8| -> usize {
            self.screens
                .iter()
                .enumerate()
                .map(|(i, sc)| cells(&label(i, sc.as_ref(), l)) + 1)
                .sum()
        };
        let head = |l: u8| if l < 2 { " wijkdesk " } else { "" };
        let tight = |l: u8| l >= 3;
        // The widest level that fits beside the user's name (from level 2 on, the
        // name may go too).
        let level = (0..6u8)
            .find(|&l| {
                let right = if l < 3 { cells(&user) + 2 } else { 0 };
                cells(head(l)) + tabs_width(l) + right <= width
            })
            .unwrap_or(5);
        let mut spans = vec![Span::styled(head(level), s.theme.title)];
        for (i, screen) in self.screens.iter().enumerate() {
            let style = if i == self.current {
                s.theme.tab_active
            } else {
                s.theme.tab
            };
            if i > 0 || !tight(level) {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(label(i, screen.as_ref(), level), style));
        }
        let used = cells(head(level)) + tabs_width(level) - usize::from(tight(level));
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        // Who is working and on which file, as much of it as the tabs leave room for:
        // the person's name with the account, else the name alone (80 columns with
        // every tab named), else the username; the file name where it fits.
        let me = widgets::vis(&self.me);
        let name_only = me
            .strip_suffix(&format!(" ({user})"))
            .map(|name| format!("{name} "));
        let right = [
            Some(format!("{me} @ {} ", widgets::vis(&file))),
            Some(format!("{me} ")),
            Some(format!("{user} @ {} ", widgets::vis(&file))),
            name_only,
            Some(format!("{user} ")),
        ];
        let Some(right) = right
            .into_iter()
            .flatten()
            .find(|r| used + 1 + cells(r) <= width)
        else {
            return;
        };
        let w = cells(&right) as u16;
        let r = Rect {
            x: area.x + area.width - w,
            width: w,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Span::styled(right, s.theme.muted)).right_aligned(),
            r,
        );
    }

    /// The status message as the lines it takes at `width` (none without a message).
    fn status_lines(&self, width: u16) -> Vec<String> {
        match &self.status {
            Some((_, m)) => {
                crate::tui::fit::wrap(&widgets::vis(m), usize::from(width).saturating_sub(2))
            }
            None => Vec::new(),
        }
    }

    fn draw_status(&self, frame: &mut Frame, area: Rect) {
        let s = &self.settings;
        let lines: Vec<Line> = match &self.status {
            Some((error, _)) => {
                let style = if *error { s.theme.error } else { s.theme.info };
                let mut lines = self.status_lines(area.width);
                // Taller than a third of the screen: the end shows (it says what to do).
                let skip = lines.len().saturating_sub(usize::from(area.height));
                lines
                    .drain(skip..)
                    .map(|l| Line::from(Span::styled(format!(" {l}"), style)))
                    .collect()
            }
            None => {
                let mut spans = vec![Span::raw(" ")];
                let hints = [
                    (Action::Help, T::HintHelp),
                    (Action::Palette, T::HintPalette),
                    (Action::Jump, T::HintJump),
                    (Action::Who, T::HintWho),
                    (Action::Filter, T::HintFilter),
                    (Action::New, T::HintNew),
                    (Action::Quit, T::HintQuit),
                ];
                for (a, what) in hints {
                    if let Some(k) = s.keymap.first(a) {
                        spans.extend(widgets::hint(s, k, s.lang.t(what)));
                    }
                }
                vec![Line::from(spans)]
            }
        };
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The tab's name where the screen's full title does not fit.
fn short_title(title: T) -> T {
    match title {
        T::ScreenInbox => T::TabInbox,
        T::ScreenTracker => T::TabTracker,
        T::ScreenMeetings => T::TabMeetings,
        T::ScreenOrganisations => T::TabOrganisations,
        T::ScreenPeople => T::TabPeople,
        T::ScreenReports => T::TabReports,
        other => other,
    }
}

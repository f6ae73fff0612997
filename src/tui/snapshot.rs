//! One frame of a screen as plain text: `wijkdesk snapshot SCREEN`, the documentation
//! and the tests all draw through here, on ratatui's `TestBackend`.

use super::Options;
use super::action::Action;
use super::app::App;
use super::settings::Settings;
use crate::domain::Problem;
use crate::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use ratatui::text::Span;

/// Popups that can be snapshot over the first screen, and the action that opens them.
pub const POPUPS: &[(&str, Action)] = &[
    ("help", Action::Help),
    ("palette", Action::Palette),
    ("jump", Action::Jump),
    ("who", Action::Who),
    ("lists", Action::Lists),
    ("form", Action::New),
    // Inbox and tracker.
    ("quick_add", Action::QuickAdd),
    // Search and reports: the search popup, with a query typed.
    ("search", Action::Search),
];

// Search and reports
/// What the `search` snapshot shows as typed: a word found in several kinds of the demo data.
pub const SEARCH_EXAMPLE: &str = "afval";

/// Render `screen` (a screen id such as `organisations`, or a popup: `help`,
/// `palette`, `jump`, `who`, `form`) at `width` × `height`, with the user's settings.
pub fn snapshot(
    store: &mut Store,
    screen: &str,
    width: u16,
    height: u16,
    opts: &Options,
) -> Result<String, Problem> {
    let mut settings = Settings::load(opts);
    // A snapshot is a picture of the screen, not of the config file's problems.
    settings.warnings.clear();
    render_named(store, settings, screen, width, height)
}

/// Like [`snapshot`] with explicit settings (tests).
pub fn render_named(
    store: &mut Store,
    settings: Settings,
    screen: &str,
    width: u16,
    height: u16,
) -> Result<String, Problem> {
    if width < 20 || height < 6 {
        return Err(Problem::SnapshotTooSmall { width, height });
    }
    let mut app = App::new(store, settings, Size { width, height });
    let name = screen.trim().to_lowercase();
    let name = match name.as_str() {
        "orgs" | "org" | "organisaties" | "organizations" => "organisations",
        "personen" | "persons" | "person" => "people",
        // Inbox and tracker.
        "signals" | "signalen" => "inbox",
        "voortgang" | "actions" | "commitments" => "tracker",
        // Meetings and minutes.
        "overleggen" | "meeting" => "meetings",
        // Search and reports.
        "rapporten" | "report" => "reports",
        "zoeken" => "search",
        other => other,
    };
    // Meetings and minutes: the minutes editor and the preparation view of
    // the first meeting listed (the next one planned).
    let opens = match name {
        "minutes" | "notulen" => Some(Action::Open),
        "prepare" | "voorbereiden" => Some(Action::MeetingPrepare),
        _ => None,
    };
    if let Some(action) = opens
        && app.select_screen("meetings")
    {
        app.update(action);
        return Ok(render(&app, width, height));
    }
    if let Some((_, action)) = POPUPS.iter().find(|(n, _)| *n == name) {
        // Inbox and tracker: the organisation form, now that the inbox is first.
        if name == "form" {
            app.select_screen("organisations");
        }
        app.update(*action);
        // Search and reports: results, not an empty box.
        if name == "search" {
            app.on_paste(SEARCH_EXAMPLE);
        }
    } else if !app.select_screen(name) {
        let mut names = app.screen_ids();
        names.extend(POPUPS.iter().map(|(n, _)| *n));
        return Err(Problem::NoScreen {
            name: screen.to_string(),
            screens: names.iter().map(|n| n.to_string()).collect(),
        });
    }
    Ok(render(&app, width, height))
}

/// Draw the app once at this size and return the text.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(t) => t,
        Err(e) => match e {},
    };
    if let Err(e) = terminal.draw(|f| app.draw(f)) {
        match e {}
    }
    buffer_text(terminal.backend().buffer())
}

/// A buffer as lines of text, trailing spaces trimmed; wide characters count once.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = Span::raw(sym).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

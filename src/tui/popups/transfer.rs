//! Spreadsheets from the screens (`:` palette): export every list as CSV files, and
//! import organisations or people from a CSV file whose path is typed here. The same
//! files and rules as `wijkdesk … export|import` and `list --csv`; the work itself is
//! [`crate::tui::csv_files`]'s, run off the input path.

use super::Popup;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
pub use crate::tui::csv_files::{ImportJob, ImportKind, export_all, import_file};
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::T;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use std::path::PathBuf;

/// The prompt's title.
fn title(kind: ImportKind) -> T {
    match kind {
        ImportKind::Organisations => T::ActImportOrgs,
        ImportKind::People => T::ActImportPeople,
    }
}

/// Asks for the path of the file to import.
pub struct ImportPrompt {
    kind: ImportKind,
    path: TextInput,
}

impl ImportPrompt {
    pub fn new(kind: ImportKind, s: &Settings) -> ImportPrompt {
        Self::with_path(kind, "", s)
    }

    /// The prompt again with the path typed before (the import was refused: correct
    /// the path or the file and try again).
    pub fn with_path(kind: ImportKind, typed: &str, s: &Settings) -> ImportPrompt {
        let mut path = TextInput::single(typed);
        path.focus(true, &s.theme);
        ImportPrompt { kind, path }
    }
}

/// `~/x.csv` as the shell would read it: in the user's home folder.
fn expand(path: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    match path
        .strip_prefix("~/")
        .and_then(|rest| Some(home()?.join(rest)))
    {
        Some(p) => p,
        None => PathBuf::from(path),
    }
}

impl Popup for ImportPrompt {
    fn handle_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        match cx.settings.keymap.lookup_event(&key, &[Scope::List], true) {
            Some(Action::Back) => {
                super::confirm::discard_or_ask(!self.path.value().trim().is_empty(), cx)
            }
            Some(Action::Open) => {
                let typed = self.path.value();
                let typed = typed.trim();
                if typed.is_empty() {
                    return Outcome::one(Effect::Error(cx.t(T::ImportNoPath).into()));
                }
                // The import runs off the input path and says how it went; the
                // screens show the new records by themselves (the store's change
                // generation moves).
                let job = ImportJob {
                    kind: self.kind,
                    path: expand(typed),
                    typed: typed.to_string(),
                };
                Outcome::Effects(vec![Effect::Close, Effect::Import(job)])
            }
            _ => {
                self.path.handle_key(key);
                Outcome::Handled
            }
        }
    }

    fn on_paste(&mut self, text: &str, _cx: &mut Cx) -> Outcome {
        self.path.paste(text);
        Outcome::Handled
    }

    fn text_entry(&self) -> bool {
        true
    }

    fn draw(&self, frame: &mut Frame, area: Rect, s: &Settings) {
        let width = 72.min(area.width.saturating_sub(2));
        let rect = widgets::centered(area, width, 7);
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(title(self.kind)));
        let [label, field, _, help] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(Span::styled(s.lang.t(T::ImportPath), s.theme.key)),
            label,
        );
        frame.render_widget(self.path.widget(), field);
        frame.render_widget(
            Paragraph::new(widgets::keys_hint(s, T::ImportHelp, true)).wrap(Wrap { trim: true }),
            help,
        );
    }
}

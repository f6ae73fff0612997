//! Privacy (AVG) on the People screen: export everything held about the selected
//! person to a file only its owner can read, erase the person behind a typed
//! confirmation, and the retention review: people inactive since a date.

use super::People;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::popups::erase::Erase;
use crate::tui::settings::Settings;
use crate::words::{Lang, T};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use std::path::{Path, PathBuf};

/// The retention review: a date being typed, or the one in force.
#[derive(Default)]
pub struct Retention {
    pub typing: bool,
    pub input: TextInput,
    pub since: Option<NaiveDate>,
    pub error: bool,
}

impl Retention {
    pub fn shown(&self) -> bool {
        self.typing || self.since.is_some()
    }
}

/// Where exports go: `$WIJKDESK_EXPORT_DIR`, else `exports` in the user's data
/// directory (`~/.local/share/wijkdesk/exports`), never beside a shared database.
pub fn export_dir() -> PathBuf {
    if let Ok(p) = std::env::var("WIJKDESK_EXPORT_DIR")
        && !p.trim().is_empty()
    {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("nl", "wijkdesk", "wijkdesk")
        .map(|d| d.data_dir().join("exports"))
        .unwrap_or_else(|| PathBuf::from("exports"))
}

/// Write the export of person `id` to `dir/P-id.json`, readable by its owner only.
pub fn write_export(store: &Store, id: i64, dir: &Path, lang: Lang) -> Result<PathBuf, String> {
    let value = store.export_person(id).map_err(|e| lang.store_error(&e))?;
    // The same shape as `wijkdesk person export` prints (moments with their offset).
    let text = serde_json::to_string_pretty(&crate::sheets::json::value(&value))
        .map_err(|e| e.to_string())?;
    crate::files::create_dir_private(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("P-{id}.json"));
    // Replaced whole: an older file may have been created with wider permissions.
    crate::files::replace(&path, format!("{text}\n").as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

impl People {
    /// The privacy actions and the retention prompt; `None` leaves the action to the list.
    pub(super) fn avg_action(&mut self, action: Action, cx: &mut Cx) -> Option<Outcome> {
        let lang = cx.settings.lang;
        if self.retention.typing {
            return Some(match action {
                Action::Open => {
                    let typed = self.retention.input.value();
                    match crate::domain::dates::parse_date(&typed, cx.store.today()) {
                        Ok(d) => {
                            self.retention.since = Some(d);
                            self.retention.typing = false;
                            self.retention.error = false;
                            self.list = Default::default();
                            self.reload(cx, None)
                        }
                        Err(e) => {
                            self.retention.error = true;
                            Outcome::error(lang.date(&e))
                        }
                    }
                }
                Action::Back => {
                    self.retention = Retention::default();
                    self.reload(cx, None)
                }
                _ => Outcome::Handled,
            });
        }
        match action {
            Action::Retention => {
                self.retention.typing = true;
                self.retention.error = false;
                let t = &cx.settings.theme;
                self.retention.input.focus(true, t);
                Some(Outcome::Handled)
            }
            Action::Back | Action::Quit if self.retention.since.is_some() && !self.full => {
                self.retention = Retention::default();
                let keep = self.selected().map(|p| p.id);
                Some(self.reload(cx, keep))
            }
            Action::ExportPerson => {
                let p = self.selected()?;
                let (id, r) = (p.id, p.reference());
                Some(match write_export(cx.store, id, &export_dir(), lang) {
                    Ok(path) => Outcome::one(Effect::Status(
                        lang.f(T::Exported, &[("id", &r), ("path", &path.display())]),
                    )),
                    Err(e) => Outcome::error(lang.f(T::ExportFailed, &[("error", &e)])),
                })
            }
            Action::ErasePerson => {
                let p = self.selected()?;
                Some(match cx.store.person(p.id) {
                    Ok(p) if p.erased => Outcome::error(lang.t(T::ErasedNoEdit)),
                    Ok(p) => Outcome::one(Effect::Push(Box::new(Erase::new(&p, cx.settings)))),
                    Err(e) => Outcome::error(cx.settings.lang.store_error(&e)),
                })
            }
            _ => None,
        }
    }

    /// A key typed into the retention date.
    pub(super) fn retention_key(&mut self, key: crossterm::event::KeyEvent) -> Outcome {
        if self.retention.input.handle_key(key) {
            self.retention.error = false;
        }
        Outcome::Handled
    }

    /// The list's title: the retention review says what it shows.
    pub(super) fn list_title(&self, s: &Settings) -> String {
        let mut title = s.lang.t(T::ScreenPeople).to_string();
        if let Some(d) = self.retention.since {
            title = format!("{title}: {}", s.lang.f(T::RetentionTitle, &[("date", &d)]));
        }
        format!(" {title} ({}) ", self.total)
    }

    /// The retention line above the list while it is typed or in force; returns the rest.
    pub(super) fn draw_retention(&self, frame: &mut Frame, area: Rect, s: &Settings) -> Rect {
        if !self.retention.shown() {
            return area;
        }
        let prompt = s.lang.t(T::RetentionPrompt);
        let [line, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let w = prompt.chars().count() as u16 + 1;
        let [label, field] =
            Layout::horizontal([Constraint::Length(w), Constraint::Min(1)]).areas(line);
        let style = if self.retention.error {
            s.theme.error
        } else if self.retention.typing {
            s.theme.key
        } else {
            s.theme.muted
        };
        frame.render_widget(Paragraph::new(Span::styled(prompt, style)), label);
        frame.render_widget(self.retention.input.widget(), field);
        rest
    }
}

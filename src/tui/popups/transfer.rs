//! Spreadsheets from the screens (`:` palette): export every list as CSV files, and
//! import organisations or people from a CSV file whose path is typed here. The same
//! files and rules as `wijkdesk … export|import` and `list --csv`.

use super::Popup;
use crate::domain::RecordKind;
use crate::sheets::{self as sheet, Flavour};
use crate::store::{ActionFilter, CommitmentFilter, RowAction, SignalFilter, Store};
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::input::TextInput;
use crate::tui::settings::Settings;
use crate::tui::widgets;
use crate::words::{Lang, T};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use std::path::{Path, PathBuf};

/// Write every list as a CSV file in the Excel flavour (Dutch headings in Dutch) into
/// `dir`, each readable by its owner only. Returns the files written.
pub fn export_all(store: &Store, dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, String> {
    let day = store.today();
    let f = Flavour {
        excel: true,
        dutch: lang == Lang::Nl,
        ascii: false,
    };
    let err = |e: crate::store::StoreError| lang.store_error(&e);
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();
    files.push((
        "organisations",
        store
            .export_orgs()
            .map_err(err)?
            .to_csv(b';', true)
            .map_err(err)?,
    ));
    files.push((
        "people",
        store
            .export_people()
            .map_err(err)?
            .to_csv(b';', true)
            .map_err(err)?,
    ));
    let unwritten = |e: std::io::Error| format!("cannot write: {e}");
    let signals: Vec<_> = store
        .signals(&SignalFilter {
            all_states: true,
            ..Default::default()
        })
        .map_err(err)?
        .iter()
        .map(|x| sheet::json::record(crate::domain::RecordRef::new(RecordKind::Signal, x.id), x))
        .collect();
    files.push((
        "signals",
        sheet::records(f, sheet::SIGNAL_FIELDS, &sheet::with_links(signals)).map_err(unwritten)?,
    ));
    let commitments: Vec<_> = store
        .commitments(&CommitmentFilter {
            all_states: true,
            ..Default::default()
        })
        .map_err(err)?
        .iter()
        .map(|c| sheet::json::record(c.reference(), c))
        .collect();
    files.push((
        "commitments",
        sheet::records(f, sheet::COMMITMENT_FIELDS, &sheet::with_links(commitments))
            .map_err(unwritten)?,
    ));
    let actions: Vec<_> = store
        .actions(&ActionFilter {
            all_states: true,
            ..Default::default()
        })
        .map_err(err)?
        .iter()
        .map(|a| sheet::json::record(a.reference(), a))
        .collect();
    files.push((
        "actions",
        sheet::records(f, sheet::ACTION_FIELDS, &sheet::with_links(actions)).map_err(unwritten)?,
    ));
    let meetings: Vec<_> = store
        .meetings(i64::MAX as usize)
        .map_err(err)?
        .iter()
        .map(|m| sheet::json::record(m.reference(), m))
        .collect();
    files.push((
        "meetings",
        sheet::records(f, sheet::MEETING_FIELDS, &meetings).map_err(unwritten)?,
    ));
    crate::files::create_dir_private(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, data) in files {
        let path = dir.join(format!("wijkdesk-{name}-{day}.csv"));
        // Replaced whole: an older file may have been created with wider permissions.
        crate::files::replace(&path, &data).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// What an import brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Organisations,
    People,
}

/// Import `path` for real when every line can be taken; nothing at all otherwise.
/// The status line's message either way.
pub fn import_file(
    store: &mut Store,
    kind: ImportKind,
    path: &Path,
    lang: Lang,
) -> Result<String, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if data.len() as u64 > sheet::MAX_IMPORT_BYTES {
        return Err(lang.f(T::ImportTooLarge, &[("path", &path.display())]));
    }
    let apply = |store: &mut Store, yes: bool| match kind {
        ImportKind::Organisations => store.import_orgs(&data, yes),
        ImportKind::People => store.import_people(&data, yes),
    };
    // A preview first: a file with a bad line imports nothing.
    let preview = apply(store, false).map_err(|e| lang.store_error(&e))?;
    if let Some(p) = preview.problems.first() {
        return Err(lang.f(
            T::ImportRefused,
            &[
                ("n", &preview.problems.len()),
                ("line", &p.line),
                ("message", &lang.problem(&p.problem)),
            ],
        ));
    }
    let done = apply(store, true).map_err(|e| lang.store_error(&e))?;
    Ok(lang.f(
        T::ImportDone,
        &[
            ("created", &done.count(RowAction::Create)),
            ("updated", &done.count(RowAction::Update)),
            ("unchanged", &done.count(RowAction::Unchanged)),
            ("path", &path.display()),
        ],
    ))
}

/// An import to run off the input path: reading the file and writing the store may
/// take a while, and the screens keep answering keys meanwhile.
#[derive(Debug, Clone)]
pub struct ImportJob {
    pub kind: ImportKind,
    pub path: PathBuf,
    /// The path as typed, for the prompt that comes back when the import is refused.
    pub typed: String,
}

impl ImportJob {
    /// What the status line says while it runs.
    pub fn working(&self, lang: Lang) -> String {
        lang.f(T::ImportWorking, &[("path", &self.path.display())])
    }

    /// Do it on `store` (the job's own connection, or the screen's in tests).
    pub fn run(&self, store: &mut Store, lang: Lang) -> Result<String, String> {
        import_file(store, self.kind, &self.path, lang)
    }
}

impl ImportKind {
    fn title(self) -> T {
        match self {
            ImportKind::Organisations => T::ActImportOrgs,
            ImportKind::People => T::ActImportPeople,
        }
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
        let inner = widgets::popup_frame(frame, rect, s, s.lang.t(self.kind.title()));
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

//! Lists as CSV files from the screens: every list exported, organisations or people
//! imported from a file. The work behind the spreadsheet prompts
//! (`popups::transfer`), run off the input path; the same files and rules as
//! `wijkdesk … export|import` and `list --csv`.

use crate::domain::RecordKind;
use crate::sheets::{self as sheet, Flavour};
use crate::store::{ActionFilter, CommitmentFilter, RowAction, SignalFilter, Store};
use crate::words::{Lang, T};
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

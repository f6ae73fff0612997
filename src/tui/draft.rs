//! Half-filled forms kept on disk when the program is stopped before they were saved
//! (SIGTERM, SIGHUP from a dropped SSH connection, a panic, Ctrl-C), and reopened at
//! the next start on the same database. `$WIJKDESK_DRAFTS` overrides the directory.

use super::popups::form::FormDraft;
use std::path::{Path, PathBuf};

pub fn dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("WIJKDESK_DRAFTS")
        && !p.trim().is_empty()
    {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("nl", "wijkdesk", "wijkdesk")
        .map(|d| d.data_local_dir().join("drafts"))
}

/// Writes the draft (readable by its owner only); returns where.
pub fn save(draft: &FormDraft) -> std::io::Result<PathBuf> {
    let dir = dir().ok_or_else(|| std::io::Error::other("no directory for drafts"))?;
    save_in(&dir, draft)
}

pub fn save_in(dir: &Path, draft: &FormDraft) -> std::io::Result<PathBuf> {
    crate::files::create_dir_private(dir)?;
    let text = toml::to_string(draft).map_err(std::io::Error::other)?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    let path = dir.join(format!("draft-{stamp}-{}.toml", std::process::id()));
    crate::files::write_new(&path, text.as_bytes())?;
    Ok(path)
}

/// The newest draft for database `db`, removed from disk (it is open again now).
pub fn take_latest(db: &str) -> Option<FormDraft> {
    take_latest_in(&dir()?, db)
}

pub fn take_latest_in(dir: &Path, db: &str) -> Option<FormDraft> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files.into_iter().rev() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(draft) = toml::from_str::<FormDraft>(&text) else {
            continue;
        };
        if draft.db == db {
            let _ = std::fs::remove_file(&path);
            return Some(draft);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_only_for_its_database() {
        let dir = std::env::temp_dir().join(format!("wijkdesk-drafts-{}", std::process::id()));
        let mut d = FormDraft {
            kind: "organisation".into(),
            db: "/x.db".into(),
            ..FormDraft::default()
        };
        d.values
            .insert("name".into(), "Half \"typed\"\nname".into());
        save_in(&dir, &d).unwrap();
        assert_eq!(take_latest_in(&dir, "/other.db"), None);
        assert_eq!(take_latest_in(&dir, "/x.db"), Some(d));
        assert_eq!(take_latest_in(&dir, "/x.db"), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

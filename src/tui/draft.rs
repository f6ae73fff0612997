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
    crate::files::own_dir_private(dir)?;
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

/// Rewrites every draft in the drafts folder that mentions an erased person, with
/// the same stand-in as the database; returns how many changed. Every file there is
/// read as text, whatever kind of draft it is, so drafts of any database are cleaned.
pub fn scrub(mentions: &crate::domain::erasure::Mentions) -> std::io::Result<usize> {
    match dir() {
        Some(d) => scrub_in(&d, mentions),
        None => Ok(0),
    }
}

pub fn scrub_in(dir: &Path, mentions: &crate::domain::erasure::Mentions) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut changed = 0;
    for entry in entries {
        let entry = entry?;
        // Only plain files: a link planted in the folder is not followed.
        if !entry.file_type()?.is_file() {
            continue;
        }
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let clean = mentions.replace(&text);
        if clean != text {
            // Replaced, not rewritten in place: the old blocks are freed whole.
            crate::files::replace(&path, clean.as_bytes())?;
            changed += 1;
        }
    }
    Ok(changed)
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

    #[test]
    fn scrub_rewrites_only_drafts_that_mention_the_person() {
        let dir = tempfile_dir("scrub");
        let mut d = FormDraft {
            kind: "meeting".into(),
            db: "/x.db".into(),
            ..FormDraft::default()
        };
        d.values
            .insert("title".into(), "Overleg met @Xandra-Quibbleworth".into());
        let named = save_in(&dir, &d).unwrap();
        d.values.insert("title".into(), "Overleg".into());
        std::thread::sleep(std::time::Duration::from_millis(2));
        let other = save_in(&dir, &d).unwrap();
        let before = std::fs::read_to_string(&other).unwrap();
        let m = crate::domain::erasure::Mentions::new("Xandra Quibbleworth", None, None, None);
        assert_eq!(scrub_in(&dir, &m).unwrap(), 1);
        let text = std::fs::read_to_string(&named).unwrap();
        assert!(!text.to_lowercase().contains("quibbleworth"), "{text}");
        assert!(text.contains("Overleg met @[verwijderd]"), "{text}");
        assert_eq!(std::fs::read_to_string(&other).unwrap(), before);
        assert_eq!(scrub_in(&dir.join("absent"), &m).unwrap(), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempfile_dir(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("wijkdesk-drafts-{name}-{}", std::process::id()))
    }
}

//! Half-filled forms and popups kept on disk while they are typed, so that nothing is
//! lost when the program is stopped before they were saved (SIGTERM, SIGHUP from a
//! dropped SSH connection, kill -9, a panic, Ctrl-C), and reopened at the next start on
//! the same database by the same account. `$WIJKDESK_DRAFTS` overrides the directory.
//!
//! The screens keep one live file per running process (`live-<db>-<account>-<pid>.toml`,
//! replaced whole on every change, owner-only); a new start takes the newest one of its
//! database and account whose process is gone.
//!
//! This module is the files: where they are, their format (with [`draft_of`] and
//! [`ids`] for drafts about signals), and [`scrub`], which both front ends call when a
//! person is erased. Which popup a draft reopens is the screens' business
//! (`tui::restore`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A half-filled form kept on disk when the program is stopped (SIGTERM, SIGHUP, a
/// panic, Ctrl-C), reopened at the next start.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub kind: String,
    pub id: Option<i64>,
    pub version: Option<i64>,
    /// The database it belongs to.
    pub db: String,
    pub values: BTreeMap<String, String>,
    /// The account that typed it: a draft comes back to its own account only.
    #[serde(default)]
    pub account: String,
    /// What a form that edits no record is about (the signal a new action is for, the
    /// record a step is taken on) and the version it was read at.
    #[serde(default)]
    pub subject: Option<i64>,
    #[serde(default)]
    pub subject_version: Option<i64>,
}

/// A draft of a popup about the signals `targets` (id and version read).
pub fn draft_of(
    kind: &str,
    targets: &[(i64, i64)],
    mut values: BTreeMap<String, String>,
) -> FormDraft {
    if !targets.is_empty() {
        let ids: Vec<String> = targets.iter().map(|t| t.0.to_string()).collect();
        values.insert("ids".into(), ids.join(","));
    }
    FormDraft {
        kind: kind.into(),
        values,
        ..FormDraft::default()
    }
}

/// The signals a draft is about.
pub fn ids(draft: &FormDraft) -> Vec<i64> {
    draft
        .values
        .get("ids")
        .map(|s| s.split(',').filter_map(|i| i.trim().parse().ok()).collect())
        .unwrap_or_default()
}

/// Where drafts are kept: `$WIJKDESK_DRAFTS`, else `drafts` in the user's local data
/// directory.
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

/// The live draft file of this process for database `db` and `account`.
pub fn live_path(dir: &Path, db: &str, account: &str) -> PathBuf {
    dir.join(format!(
        "live-{}-{}-{}.toml",
        db_key(db),
        safe(account),
        std::process::id()
    ))
}

/// A short stable name for a database path (FNV-1a of its text).
fn db_key(db: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in db.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn safe(account: &str) -> String {
    account
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect()
}

/// Replace the live draft at `path` with `draft` (a new private file renamed over the
/// old one: a kill in between leaves the old draft whole). Not synced to the disk on
/// every key: a killed process loses nothing that was written; a power cut may lose
/// the last keys.
pub fn keep(path: &Path, draft: &FormDraft) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no directory for drafts"))?;
    crate::files::create_dir_private(dir)?;
    let text = toml::to_string(draft).map_err(std::io::Error::other)?;
    let (tmp, mut f) = crate::files::unique_new(dir, ".live", ".tmp")?;
    let written = std::io::Write::write_all(&mut f, text.as_bytes())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The newest draft left for `db` by `account` (a live file of a process that is no
/// longer running, or a draft kept at exit by an older version), and where it is.
/// The caller removes the file once the draft is open again.
pub fn waiting_in(dir: &Path, db: &str, account: &str) -> Option<(FormDraft, PathBuf)> {
    let mine = live_path(dir, db, account);
    let prefix = format!("live-{}-{}-", db_key(db), safe(account));
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let wanted = if let Some(rest) = name.strip_prefix(&prefix) {
                let pid = rest.trim_end_matches(".toml").parse::<i32>().ok()?;
                e.path() == mine || !alive(pid)
            } else {
                name.starts_with("draft-") && name.ends_with(".toml")
            };
            let modified = e.metadata().ok()?.modified().ok()?;
            wanted.then(|| (modified, e.path()))
        })
        .collect();
    found.sort();
    for (_, path) in found.into_iter().rev() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(draft) = toml::from_str::<FormDraft>(&text) else {
            continue;
        };
        if draft.db == db && (draft.account.is_empty() || draft.account == account) {
            return Some((draft, path));
        }
    }
    None
}

fn alive(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only asks whether the process exists.
        let answered = unsafe { libc::kill(pid, 0) } == 0;
        let exists =
            answered || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        exists && !exited(pid)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Whether `pid` has ended and waits only to be reaped (a zombie): a copy killed with
/// its terminal stays one until its parent collects it, which in a container without
/// an init that reaps can be for good, and its draft would never be reopened.
fn exited(pid: i32) -> bool {
    // The state follows the command name, which is in parentheses and may hold any.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after = &stat[stat.rfind(')')? + 1..];
            after
                .split_whitespace()
                .next()
                .map(|s| matches!(s, "Z" | "X"))
        })
        .unwrap_or(false)
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

    /// A copy that ended and was not collected yet (a zombie) has left its draft.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_that_ended_but_is_not_collected_is_not_alive() {
        use std::process::Command;
        let mut running = Command::new("sleep").arg("30").spawn().expect("sleep");
        assert!(alive(running.id() as i32));
        let mut ended = Command::new("true").spawn().expect("true");
        let pid = ended.id() as i32;
        // Not waited for, it stays a zombie once it has ended.
        let give_up = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !exited(pid) && std::time::Instant::now() < give_up {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(!alive(pid), "pid {pid} ended and waits to be collected");
        ended.wait().expect("collected");
        running.kill().expect("kill");
        running.wait().expect("collected");
    }

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
    fn a_live_draft_comes_back_to_its_database_and_account_only() {
        let dir = std::env::temp_dir().join(format!("wijkdesk-live-{}", std::process::id()));
        let mut d = FormDraft {
            kind: "quick_add".into(),
            db: "/x.db".into(),
            account: "anna".into(),
            ..FormDraft::default()
        };
        d.values.insert("line".into(), "Losse tegels".into());
        let path = live_path(&dir, "/x.db", "anna");
        keep(&path, &d).unwrap();
        d.values
            .insert("line".into(), "Losse tegels bij school".into());
        keep(&path, &d).unwrap();
        assert_eq!(waiting_in(&dir, "/other.db", "anna"), None);
        assert_eq!(waiting_in(&dir, "/x.db", "bert"), None);
        assert_eq!(waiting_in(&dir, "/x.db", "anna"), Some((d, path.clone())));
        // Only the one file: replaced whole, no temporary left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
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

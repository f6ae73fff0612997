//! Every file wijkdesk writes goes through here. Exports, backups, drafts and minutes
//! hold personal data, so a file is private from its first byte: created with mode
//! 0600 (folders 0700) whatever the umask, never through a planted symbolic link
//! (`O_EXCL`, `O_NOFOLLOW`), and a file that is replaced is written beside it and
//! renamed into place, so it never keeps the old file's wider mode.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Mode of every file wijkdesk creates.
pub const FILE_MODE: u32 = 0o600;
/// Mode of every folder wijkdesk creates.
pub const DIR_MODE: u32 = 0o700;

/// Creates `dir` and any missing parents, each new one readable by its owner only.
pub fn create_dir_private(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
    builder.create(dir)
}

/// Like [`create_dir_private`] for a folder that belongs to wijkdesk alone (drafts,
/// exports of the screens): one that exists already, made by an older version or
/// under a wide umask, is narrowed to 0700 when it is this user's.
pub fn own_dir_private(dir: &Path) -> io::Result<()> {
    create_dir_private(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = std::fs::symlink_metadata(dir)?;
        // SAFETY: geteuid() has no preconditions.
        let mine = meta.uid() == unsafe { libc::geteuid() };
        if meta.is_dir() && mine && meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(DIR_MODE))?;
        }
    }
    Ok(())
}

/// Options for a new file with `mode`: it must not exist yet, and a symbolic link in
/// its place is refused rather than followed.
pub fn new_file_options(mode: u32) -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(mode).custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    let _ = mode;
    o
}

/// A new, empty file at `path`, mode 0600; fails if anything is there already.
pub fn create_new(path: &Path) -> io::Result<File> {
    let file = new_file_options(FILE_MODE).open(path)?;
    // The mode passed to open() is narrowed by the umask, never widened; set it
    // exactly so that a umask of 077 or 000 gives the same file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

/// Writes `data` to a new file at `path` (see [`create_new`]).
pub fn write_new(path: &Path, data: &[u8]) -> io::Result<()> {
    let mut f = create_new(path)?;
    f.write_all(data)?;
    f.sync_all()
}

/// Writes `data` to `path`, replacing what is there: the text goes to a new private
/// file beside it, which is then renamed over `path`. A crash or a full disk leaves
/// the old file whole, and a planted link is replaced, not followed.
pub fn replace(path: &Path, data: &[u8]) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, mut f) = unique_new(&dir, &format!(".{name}"), ".tmp")?;
    let written = f
        .write_all(data)
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// [`replace`] with the contents written by `write` as they come (through a buffer),
/// for files too large to gather first: a private temporary file beside `path`,
/// renamed over it once complete, removed when `write` fails.
pub fn replace_with<T, E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    if path.is_dir() {
        return Err(io::Error::other("is a directory").into());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, f) = unique_new(&dir, &format!(".{name}"), ".tmp")?;
    let mut w = io::BufWriter::new(f);
    let written = write(&mut w).and_then(|out| {
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(out)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Creates a new private file `dir/<prefix>-<unique><suffix>`; returns its path.
pub fn unique_new(dir: &Path, prefix: &str, suffix: &str) -> io::Result<(PathBuf, File)> {
    for _ in 0..1000 {
        let path = dir.join(format!("{prefix}-{}{suffix}", unique_token()));
        match create_new(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("cannot find a free file name"))
}

/// A new folder that only this user can enter, under the user's own runtime folder
/// (`$XDG_RUNTIME_DIR`: in memory, never on a disk, gone at logout) when there is
/// one, else under the system's temporary folder; its name cannot be guessed and
/// taken beforehand (an existing one is never reused).
pub fn private_temp_dir(prefix: &str) -> io::Result<PathBuf> {
    let base = runtime_dir().unwrap_or_else(std::env::temp_dir);
    for _ in 0..1000 {
        let dir = base.join(format!("{prefix}-{}", unique_token()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("cannot create a temporary folder"))
}

/// `$XDG_RUNTIME_DIR` when it is a folder of this user's that only they may enter.
fn runtime_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("XDG_RUNTIME_DIR")?);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = std::fs::symlink_metadata(&dir).ok()?;
        // SAFETY: geteuid() has no preconditions.
        let mine = meta.uid() == unsafe { libc::geteuid() };
        (meta.is_dir() && mine && meta.permissions().mode() & 0o077 == 0).then_some(dir)
    }
    #[cfg(not(unix))]
    Some(dir)
}

/// Hard to guess: process, clock, a counter and the address of a stack value.
fn unique_token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let local = 0u8;
    let addr = &local as *const u8 as u64;
    let mixed = nanos.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17)
        ^ addr.wrapping_mul(0xBF58_476D_1CE4_E5B9)
        ^ n.wrapping_mul(0x94D0_49BB_1331_11EB);
    format!("{}-{mixed:016x}", std::process::id())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_and_replaced_files_are_private_and_links_are_not_followed() {
        let dir = private_temp_dir("wijkdesk-files-test").unwrap();
        assert_eq!(mode(&dir), 0o700);
        let target = dir.join("victim");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_new(&link, b"x").is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");

        let wide = dir.join("wide");
        std::fs::write(&wide, "old").unwrap();
        std::fs::set_permissions(&wide, std::fs::Permissions::from_mode(0o644)).unwrap();
        replace(&wide, b"new").unwrap();
        assert_eq!(mode(&wide), 0o600);
        assert_eq!(std::fs::read_to_string(&wide).unwrap(), "new");
        replace(&link, b"over").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert_eq!(mode(&link), 0o600);

        let old = dir.join("old-drafts");
        std::fs::create_dir(&old).unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_dir_private(&old).unwrap();
        assert_eq!(
            mode(&old),
            0o755,
            "a folder wijkdesk did not make keeps its mode"
        );
        own_dir_private(&old).unwrap();
        assert_eq!(mode(&old), 0o700);

        let sub = dir.join("a/b");
        create_dir_private(&sub).unwrap();
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&dir.join("a")), 0o700);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

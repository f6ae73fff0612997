//! The operating-system account that runs wijkdesk: the process's real uid, looked up
//! in the passwd database. Never `$USER` or `$LOGNAME`: cron, `su` and some SSH set-ups
//! leave them unset, and anyone can set them to anything.

use std::sync::OnceLock;

/// The account of this process, looked up once: its passwd name, or "uid 1234" when
/// the passwd database has no entry for the uid.
pub fn current() -> &'static str {
    static ACCOUNT: OnceLock<String> = OnceLock::new();
    ACCOUNT.get_or_init(|| describe(real_uid()))
}

/// The name of `uid` as [`current`] shows it: the passwd name, else "uid N".
pub fn describe(uid: u32) -> String {
    name_of(uid).unwrap_or_else(|| format!("uid {uid}"))
}

#[cfg(unix)]
pub fn real_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

#[cfg(not(unix))]
pub fn real_uid() -> u32 {
    0
}

/// The passwd entry's name for `uid`, if there is one (getpwuid_r: thread-safe).
#[cfg(unix)]
pub fn name_of(uid: u32) -> Option<String> {
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        // SAFETY: passwd is plain data; all-zero is a valid value that getpwuid_r fills.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the duration of the call and `buf.len()`
        // is the true size of the buffer the strings are written into.
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
        match rc {
            libc::EINTR => continue,
            // An entry with long fields: a bigger buffer, within reason.
            libc::ERANGE if buf.len() < 1 << 20 => {
                let bigger = buf.len() * 2;
                buf.resize(bigger, 0);
                continue;
            }
            _ => {}
        }
        if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: on success pw_name points to a NUL-terminated string inside `buf`.
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) }
            .to_string_lossy()
            .into_owned();
        return (!name.is_empty()).then_some(name);
    }
}

#[cfg(not(unix))]
pub fn name_of(_uid: u32) -> Option<String> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The name `id -un` gives for this process's uid: a second, independent lookup.
    fn id_un() -> Option<String> {
        let out = std::process::Command::new("id").arg("-un").output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    #[test]
    fn the_account_is_the_passwd_name_of_the_real_uid() {
        let Some(expected) = id_un() else {
            eprintln!("no `id` command here; skipped");
            return;
        };
        assert_eq!(current(), expected);
        assert_eq!(name_of(real_uid()).as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn root_is_uid_zero() {
        assert_eq!(name_of(0).as_deref(), Some("root"));
    }

    #[test]
    fn a_uid_without_passwd_entry_is_named_by_number() {
        // Far above any uid a system hands out; nobody's passwd has it.
        let uid = 3_999_999_937;
        assert_eq!(name_of(uid), None);
        assert_eq!(describe(uid), "uid 3999999937");
    }
}

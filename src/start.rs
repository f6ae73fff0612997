//! What the `wijkdesk` binary does first, in place of Rust's runtime start.
//!
//! The binary has its own C `main` (src/main.rs): Rust's runtime start reads
//! `/proc/self/maps` to find the main thread's stack and sets up a signal stack, only to
//! say "stack overflow" in words should it ever overflow, and that took 0.14 ms of every
//! start. What wijkdesk needs of that start is here, done as std does it.

/// The standard descriptors open and SIGPIPE ignored, as std's start leaves them.
#[cfg(unix)]
pub fn as_std_does() {
    // A standard descriptor left closed by whoever started wijkdesk would be given to
    // the next file opened (a draft, an export), and a message meant for the terminal
    // would be written into it: each closed one is opened on /dev/null first.
    for fd in 0..=2 {
        // SAFETY: F_GETFD only reads the descriptor's flags.
        let closed = unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        // SAFETY: a NUL-terminated path; the lowest free descriptor is `fd`, as the
        // ones below it are open by now.
        if closed && unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) } != fd {
            std::process::abort();
        }
    }
    // A closed pipe is then an error each command treats as done (`| head`), not a
    // signal that ends the program mid-write.
    // SAFETY: setting a signal's disposition to "ignore" has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// In a child process (the test's own descriptors stay as they are): standard
    /// output and error closed, then the start; both are /dev/null, and a file opened
    /// afterwards gets a descriptor of its own.
    #[test]
    fn closed_standard_descriptors_are_opened_on_dev_null() {
        // SAFETY: the child only makes system calls (nothing that allocates) and leaves
        // by `_exit`.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            let code = unsafe {
                libc::close(1);
                libc::close(2);
                as_std_does();
                let file = libc::open(c"/proc/self/maps".as_ptr(), libc::O_RDONLY);
                let mut link = [0u8; 16];
                // No allocation after fork: another test thread may hold malloc's lock.
                let ok = [c"/proc/self/fd/1", c"/proc/self/fd/2"].iter().all(|path| {
                    let n = libc::readlink(path.as_ptr(), link.as_mut_ptr().cast(), 16);
                    n == 9 && &link[..9] == b"/dev/null"
                });
                if ok && file > 2 { 0 } else { 1 }
            };
            unsafe { libc::_exit(code) };
        }
        let mut status = 0;
        // SAFETY: waits for the child just made.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert!(libc::WIFEXITED(status), "status {status}");
        assert_eq!(libc::WEXITSTATUS(status), 0);
    }
}

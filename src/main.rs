//! The `wijkdesk` binary: thin on purpose; everything lives in the library.
//!
//! It starts as a C program does, from its own `main`, without Rust's runtime start
//! (0.14 ms of every start; see `wijkdesk::start`). What wijkdesk needs of that start
//! is done here, as std does it: the standard descriptors open and SIGPIPE ignored
//! (`start::as_std_does`), a panic ending in status 101, standard output flushed at the
//! end. An overflowing stack still stops the program, by SIGSEGV instead of a message.
#![no_main]

use std::process::ExitCode;
use wijkdesk::cli::{Cli, run};

#[unsafe(no_mangle)]
extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    #[cfg(unix)]
    wijkdesk::start::as_std_does();
    // Arguments come from std as usual: with glibc it reads them before `main`.
    let code = match std::panic::catch_unwind(wijkdesk_main) {
        Ok(code) if code == ExitCode::SUCCESS => 0,
        Ok(_) => 1,
        // The panic hook has said what happened.
        Err(_) => 101,
    };
    // `exit` does this for std::process::exit; a return from `main` does not.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    code
}

fn wijkdesk_main() -> ExitCode {
    // Readable reports for panics.
    wijkdesk::install_error_hooks();
    // A file-size limit (`ulimit -f`) makes a write fail with an error wijkdesk
    // reports and cleans up after, instead of killing it mid-file.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" has no preconditions.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    match Cli::from_command_line() {
        Ok(cli) => run(cli),
        Err(e) => match wijkdesk::cli::stdin::failure(&e) {
            // Standard input could not be read for a `-` argument: one line, like any error.
            Some(msg) => {
                eprintln!("error: {msg}");
                ExitCode::FAILURE
            }
            None => e.exit(),
        },
    }
}

//! The `wijkdesk` binary: thin on purpose; everything lives in the library.

use std::process::ExitCode;
use wijkdesk::cli::{Cli, run};

fn main() -> ExitCode {
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

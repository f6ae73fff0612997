//! The `wijkdesk` binary: thin on purpose; everything lives in the library.

use clap::Parser;
use std::process::ExitCode;
use wijkdesk::cli::{Cli, run};

fn main() -> ExitCode {
    // Readable reports for panics.
    wijkdesk::install_error_hooks();
    run(Cli::parse())
}

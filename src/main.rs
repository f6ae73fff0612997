//! The `wijkdesk` binary: thin on purpose; everything lives in the library.

use clap::Parser;
use std::process::ExitCode;
use wijkdesk::cli::{Cli, run};

fn main() -> ExitCode {
    // Readable reports for panics; a failure to install the hook is not worth stopping for.
    let _ = color_eyre::install();
    run(Cli::parse())
}

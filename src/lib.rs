//! wijkdesk: the loop between a municipality and its residents' organisations.
//!
//! Layers, each in its own module:
//! - [`domain`]: pure rules (states, transitions, dates, the minutes parser); no I/O.
//! - [`store`]: the only module that speaks SQL.
//! - [`cli`]: the command line, on top of domain and store.
//! - [`sheets`]: records as JSON and lists as CSV, for the command line and the screens.
//! - [`demo`]: the demo data drawn from the seeds.
//! - [`words`]: problems and refusals in English or Dutch, for the screens and the
//!   command line.
//! - [`account`]: the operating-system account that runs wijkdesk.
//! - [`config`]: the config file, read by the screens and the command line alike.
//! - [`drafts`]: half-typed forms kept on disk, their files and their erasure.

pub mod account;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod drafts;
pub mod files;
pub mod mail;
pub mod meeting_mail;
pub mod sheets;
pub mod start;
pub mod store;
pub mod tui;
pub mod words;

/// Install color-eyre's panic and error hooks, once per process. A second
/// `color_eyre::install()` fails, and building that failure's report resolves a
/// backtrace when `RUST_BACKTRACE` is set: about 100 ms before the first frame.
pub fn install_error_hooks() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // A failure to install the hooks is not worth stopping for.
    ONCE.call_once(|| {
        let _ = color_eyre::install();
    });
}

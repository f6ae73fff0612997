//! wijkdesk: the loop between a municipality and its residents' organisations.
//!
//! Layers, each in its own module:
//! - [`domain`]: pure rules (states, transitions, dates, the minutes parser); no I/O.
//! - [`store`]: the only module that speaks SQL.
//! - [`cli`]: the command line, on top of domain and store.
//! - [`demo`]: the demo data drawn from the seeds.
//! - [`account`]: the operating-system account that runs wijkdesk.

pub mod account;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod files;
pub mod mail;
pub mod store;
pub mod tui;

//! Pure domain code: states, transitions, dates, IDs, the minutes parser.
//! Nothing here touches a terminal or a database.

pub mod action;
pub mod commitment;
pub mod csv_rules;
pub mod dates;
pub mod erasure;
pub mod glyphs;
pub mod ics;
pub mod ids;
pub mod mail;
pub mod meeting;
pub mod minutes;
pub mod minutes_export;
pub mod moment;
pub mod org;
pub mod org_names;
pub mod owner;
pub mod person;
pub mod report;
pub mod signal;
pub mod text;
pub mod vocab;

pub use ids::{RecordKind, RecordRef};

/// A refused step, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

impl Refusal {
    pub fn new(msg: impl Into<String>) -> Self {
        Refusal(msg.into())
    }
}

/// Require non-blank text for a field, e.g. a decline explanation.
pub fn required(text: &str, what: &str) -> Result<String, Refusal> {
    let t = text::clean_text(text).trim().to_string();
    // Only zero-width spaces, direction marks or combining marks with nothing to
    // sit on look empty in every list.
    if text::looks_empty(&t) {
        Err(Refusal::new(format!(
            "{what} is required and may not be empty"
        )))
    } else {
        Ok(t)
    }
}

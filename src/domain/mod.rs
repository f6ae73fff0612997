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
pub mod problem;
pub mod report;
pub mod signal;
pub mod text;
pub mod vocab;

pub use ids::{RecordKind, RecordRef};
pub use problem::{ClockChange, Field, Problem};

/// A refused step: which rule, with which values. [`crate::words`] says it in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub Problem);

impl Refusal {
    pub fn new(problem: Problem) -> Self {
        Refusal(problem)
    }
}

/// Require non-blank text for a field, e.g. a decline explanation.
pub fn required(text: &str, what: Field) -> Result<String, Refusal> {
    let t = text::clean_text(text).trim().to_string();
    // Only zero-width spaces, direction marks or combining marks with nothing to
    // sit on look empty in every list.
    if text::looks_empty(&t) {
        Err(Refusal::new(Problem::Required { field: what }))
    } else {
        Ok(t)
    }
}

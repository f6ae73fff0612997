//! Popups live on a stack above the screens; the top one gets the keys.

pub mod cancel_meeting;
pub mod confirm;
// Trust: conflicts, history, AVG
pub mod conflict;
pub mod erase;
pub mod form;
pub mod help;
pub mod history;
pub mod jump;
pub mod lists;
pub mod palette;
pub mod who;
// Inbox and tracker
pub mod feedback;
pub mod picker;
pub mod quick_add;
pub mod triage;
// Search and reports
pub mod search;
// Spreadsheets
pub mod transfer;

/// The protocol every popup speaks lives with the rest of the component protocol.
pub use super::component::Popup;

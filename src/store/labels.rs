//! How the history names what a change touched: people, organisations, agenda items,
//! attendance marks and invitation lists. A leaf: the audit trail reads old rows in
//! these words and every writer writes new rows in them, so neither imports the other.

use crate::domain::{RecordKind, RecordRef};
use serde_json::Value;

/// An attendance mark as a word, for the history.
pub(crate) fn attendance_word(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "attended",
        Some(false) => "absent",
        None => "not marked",
    }
}

/// How the history names a person: "Anton Brink (P-29)".
pub(crate) fn person_label(name: &str, id: i64) -> String {
    format!("{name} ({})", RecordRef::new(RecordKind::Person, id))
}

/// How the history names an organisation: "O-20 Bewonersorganisatie X".
pub(crate) fn org_label(name: &str, id: i64) -> String {
    format!("{} {name}", RecordRef::new(RecordKind::Organisation, id))
}

/// How the history names an agenda item: `agenda item 2 "Verkeer"`.
pub(crate) fn agenda_label(position: i64, title: &str) -> String {
    format!("agenda item {position} \"{title}\"")
}

/// The history's sentences for a changed invitation list, one per organisation:
/// "O-20 Bewonersorganisatie X": "invited" or "no longer invited".
pub(crate) fn invitation_changes(before: &[String], after: &[String]) -> Vec<(String, Value)> {
    let gone = before
        .iter()
        .filter(|o| !after.contains(o))
        .map(|o| (o.clone(), serde_json::json!("no longer invited")));
    let new = after
        .iter()
        .filter(|o| !before.contains(o))
        .map(|o| (o.clone(), serde_json::json!("invited")));
    gone.chain(new).collect()
}

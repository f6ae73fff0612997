//! The kept draft of a popup about signals (see [`crate::tui::draft`]): the popups
//! write it, and [`super::restore`] reads it back, so it stands apart from both.

use super::form::FormDraft;
use std::collections::BTreeMap;

/// A draft of a popup about the signals `targets` (id and version read).
pub fn draft_of(
    kind: &str,
    targets: &[(i64, i64)],
    mut values: BTreeMap<String, String>,
) -> FormDraft {
    if !targets.is_empty() {
        let ids: Vec<String> = targets.iter().map(|t| t.0.to_string()).collect();
        values.insert("ids".into(), ids.join(","));
    }
    FormDraft {
        kind: kind.into(),
        values,
        ..FormDraft::default()
    }
}

/// The signals a draft is about.
pub fn ids(draft: &FormDraft) -> Vec<i64> {
    draft
        .values
        .get("ids")
        .map(|s| s.split(',').filter_map(|i| i.trim().parse().ok()).collect())
        .unwrap_or_default()
}

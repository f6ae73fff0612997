//! The dialog inside the form when someone else saved the record meanwhile: both
//! versions of every field, and overwrite, reload or merge.

use super::{FieldKind, Form};
use crate::tui::component::{Cx, Outcome};
use crate::tui::popups::conflict::{Choice, ConflictRow, ConflictView};
use crate::words::T;
use crossterm::event::KeyEvent;
use std::collections::BTreeMap;

impl Form {
    /// Both versions of every field, for the conflict dialog.
    pub(super) fn conflict_view(
        &self,
        msg: String,
        theirs: &BTreeMap<String, String>,
    ) -> ConflictView {
        let rows = self
            .fields
            .iter()
            .map(|f| ConflictRow {
                key: f.spec.key,
                label: f.spec.label,
                base: f.initial.clone(),
                mine: f.value(),
                theirs: theirs.get(f.spec.key).cloned().unwrap_or_default(),
                options: match &f.spec.kind {
                    FieldKind::Choice(o) => o.clone(),
                    _ => Vec::new(),
                },
            })
            .collect();
        ConflictView::new(msg, rows)
    }

    /// Put `values` in the fields; `base` becomes what counts as unchanged.
    pub(super) fn reset_to(
        &mut self,
        values: &BTreeMap<String, String>,
        base: &BTreeMap<String, String>,
    ) {
        for f in &mut self.fields {
            f.error = None;
            if let Some(v) = values.get(f.spec.key) {
                f.set(v);
            }
            if let Some(b) = base.get(f.spec.key) {
                f.initial = b.clone();
            }
        }
    }

    /// The open conflict dialog, if any (for tests).
    pub fn conflict(&self) -> Option<&ConflictView> {
        self.conflict.as_ref()
    }

    pub(super) fn on_conflict_key(&mut self, key: KeyEvent, cx: &mut Cx) -> Outcome {
        let Some(view) = self.conflict.as_mut() else {
            return Outcome::Ignored;
        };
        match view.handle_key(key, cx) {
            Choice::Stay => return Outcome::Handled,
            Choice::Overwrite => {
                self.conflict = None;
                return self.submit(cx);
            }
            Choice::Reload => {
                let theirs = view.theirs();
                self.reset_to(&theirs, &theirs);
                self.message = Some((false, cx.t(T::ConflictReloaded).to_string()));
            }
            Choice::Merge => {
                let (merged, theirs) = (view.merged(), view.theirs());
                self.reset_to(&merged, &theirs);
                self.message = Some((false, cx.t(T::ConflictMerging).to_string()));
            }
        }
        self.conflict = None;
        self.restyle(cx.settings);
        Outcome::Handled
    }
}

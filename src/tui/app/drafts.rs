//! What is being typed, kept as a draft file as it changes (a killed terminal loses
//! nothing), and reopened in its form or popup when the app starts again.

use super::App;
use crate::tui::component::Cx;
use crate::tui::popups::form::FormDraft;
use crate::words::T;

impl App<'_> {
    /// Keep drafts in `dir` from now on: whatever is typed is written there as it
    /// changes, for this database and account.
    pub fn set_draft_dir(&mut self, dir: &std::path::Path) {
        let db = self.store.path().display().to_string();
        self.draft_file = Some(crate::drafts::live_path(dir, &db, self.store.account()));
    }

    /// Write the draft file if what is typed changed since (remove it when nothing
    /// is); the path when a draft is kept.
    pub fn sync_draft(&mut self) -> Option<std::path::PathBuf> {
        let path = self.draft_file.clone()?;
        let draft = self.draft();
        let text = draft.as_ref().and_then(|d| toml::to_string(d).ok());
        if text != self.draft_written {
            let written = match &draft {
                Some(d) => crate::drafts::keep(&path, d),
                None => std::fs::remove_file(&path).or_else(|e| {
                    if e.kind() == std::io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                }),
            };
            match written {
                Ok(()) => self.draft_written = text,
                Err(e) => {
                    let why = crate::domain::Problem::CannotWrite {
                        path: path.display().to_string(),
                        error: e.to_string(),
                        disk_full_hint: false,
                    };
                    self.set_error(self.settings.lang.problem(&why))
                }
            }
        }
        self.draft_written.as_ref().map(|_| path)
    }

    /// Reopen the newest draft left for this database and account, if any.
    pub fn restore_waiting_draft(&mut self) -> bool {
        let Some(dir) = self
            .draft_file
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
        else {
            return false;
        };
        let db = self.store.path().display().to_string();
        let Some((draft, path)) = crate::drafts::waiting_in(&dir, &db, self.store.account()) else {
            return false;
        };
        if !self.restore_draft(&draft) {
            // Its record is gone or its step no longer possible: say where the text is.
            let msg = self.settings.lang.f(
                T::DraftNotReopened,
                &[("kind", &draft.kind), ("path", &path.display())],
            );
            self.set_error(msg);
            return false;
        }
        self.sync_draft();
        if Some(&path) != self.draft_file.as_ref() {
            let _ = std::fs::remove_file(&path);
        }
        true
    }

    /// The form the user was typing in, if any, as a draft to keep.
    pub fn draft(&self) -> Option<FormDraft> {
        self.popups
            .iter()
            .rev()
            .find_map(|p| p.draft())
            .map(|mut d| {
                d.db = self.store.path().display().to_string();
                d.account = self.store.account().to_string();
                d
            })
    }

    /// Reopen a kept draft in its form; false when no screen knows it.
    pub fn restore_draft(&mut self, draft: &FormDraft) -> bool {
        for i in 0..self.screens.len() {
            let form = {
                let mut cx = cx!(self);
                self.screens[i].restore_form(draft, &mut cx)
            };
            if let Some(f) = form {
                self.popups.push(Box::new(f));
                self.dirty = true;
                return true;
            }
        }
        // Popups that are not a screen's record form: reopened over the screen they
        // belong to.
        let home = match draft.kind.as_str() {
            "triage" | "feedback" | "signal_decline" | "signal_reopen" => Some("inbox"),
            "minutes" | "agenda" => Some("meetings"),
            k if k.starts_with("tracker_") => Some("tracker"),
            _ => None,
        };
        if let Some(id) = home {
            self.select_screen(id);
        }
        let popup = {
            let mut cx = cx!(self);
            crate::tui::restore::restore(draft, &mut cx)
        };
        match popup {
            Some(p) => {
                self.popups.push(p);
                self.set_info(self.settings.lang.t(T::DraftWaiting));
                self.dirty = true;
                true
            }
            None => false,
        }
    }
}

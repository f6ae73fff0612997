//! Reloading what is shown: after any event when the store's change generation moved
//! (a write on this connection, a worker's or another process's), on Ctrl-L and a
//! larger terminal, and for a stale screen when it is switched to.

use super::App;
use crate::tui::component::Cx;

impl App<'_> {
    /// Organisation names as narrow columns show them (before the screens draw),
    /// worked out again only when a name changed.
    pub(super) fn refresh_org_names(&mut self) {
        let generation = self.store.org_names_generation().ok();
        if generation.is_some() && generation == self.org_names_seen {
            return;
        }
        // Every name in one buffer: 20,000 organisations are one allocation, not 40,000.
        let mut text = String::new();
        let mut spans: Vec<(u32, u32, Option<u32>)> = Vec::new();
        let read = self.store.each_org_name(|name, short| {
            let start = text.len() as u32;
            text.push_str(name);
            let name_end = text.len() as u32;
            let short_end = short.map(|s| {
                text.push_str(s);
                text.len() as u32
            });
            spans.push((start, name_end, short_end));
        });
        if read.is_ok() {
            let at = |a: u32, b: u32| &text[a as usize..b as usize];
            self.settings.org_names = crate::domain::org_names::OrgNames::new(
                spans
                    .iter()
                    .map(|&(a, b, c)| (at(a, b), c.map(|c| at(b, c)))),
            );
            self.org_names_seen = generation;
        }
    }

    /// Reload what is shown when the store's change generation moved since the last
    /// reload: a write by a screen or popup on this connection, by a worker thread or
    /// by another process. The shell calls it after every event it handles, so no
    /// component has to say that others need reloading.
    pub(super) fn catch_up(&mut self) {
        match self.store.change_generation() {
            Ok(g) if g != self.seen => self.refresh_visible(),
            Ok(_) => {}
            Err(e) => {
                let msg = self.settings.lang.store_error(&e);
                if self.status.as_ref().map(|s| &s.1) != Some(&msg) {
                    self.set_error(msg);
                    self.dirty = true;
                }
            }
        }
    }

    /// Reload the visible screen (and popups that show data); the others reload when shown.
    pub(super) fn refresh_visible(&mut self) {
        // All of it from one committed state: the tabs' counts agree with the rows, and
        // the generation is that state's, so a write that lands meanwhile is caught
        // next time.
        let snapshot = self.store.begin_snapshot();
        if let Ok(g) = self.store.change_generation() {
            self.seen = g;
        }
        self.welcome = self.store.is_empty().unwrap_or(false);
        self.me = self
            .store
            .display_name()
            .unwrap_or_else(|_| self.store.user().to_string());
        if !self.first_frame {
            self.refresh_org_names();
        }
        for s in self.stale.iter_mut() {
            *s = true;
        }
        let i = self.current;
        let result = {
            let mut cx = cx!(self);
            self.screens[i].refresh(&mut cx)
        };
        self.stale[i] = false;
        if let Err(e) = result {
            self.set_error(self.settings.lang.store_error(&e));
        }
        let mut cx = cx!(self);
        for p in self.popups.iter_mut() {
            p.refresh(&mut cx);
        }
        // Inbox and tracker: the tabs' live counts (the screen just reloaded has its own).
        for (k, screen) in self.screens.iter_mut().enumerate() {
            if k != i {
                screen.refresh_counts(&mut cx);
            }
        }
        self.store.end_snapshot(snapshot);
        self.dirty = true;
    }

    pub(super) fn switch(&mut self, i: usize) {
        if i >= self.screens.len() {
            return;
        }
        self.current = i;
        if self.stale[i] {
            let snapshot = self.store.begin_snapshot();
            let result = {
                let mut cx = cx!(self);
                self.screens[i].refresh(&mut cx)
            };
            self.store.end_snapshot(snapshot);
            self.stale[i] = false;
            if let Err(e) = result {
                self.set_error(self.settings.lang.store_error(&e));
            }
        }
        self.dirty = true;
    }
}

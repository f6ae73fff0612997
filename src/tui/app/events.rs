//! Input events: a key, a paste, text back from `$EDITOR`, the tick, a resize, the
//! cursor coming to rest. A key goes to the top popup, else through the key map to an
//! action (see `actions`), else to the screen as typed text; after each event the shell
//! catches up with the store's writes and keeps the draft.

use super::App;
use crate::tui::action::{Action, Scope};
use crate::tui::component::{Cx, Outcome};
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Size;

impl App<'_> {
    /// A key from the terminal.
    pub fn on_key(&mut self, key: KeyEvent) {
        self.key_input(key);
        self.catch_up();
        self.arm_settle();
        self.sync_draft();
    }

    fn key_input(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.keys_since_tick = true;
        self.dirty = true;
        self.status = None;
        // Ctrl-L works from anywhere, inside popups and text fields too: a garbled
        // terminal is wiped and drawn again, and the data reloaded.
        if self
            .settings
            .keymap
            .lookup_event(&key, &[Scope::Global], true)
            == Some(Action::Refresh)
        {
            self.clear = true;
            self.update(Action::Refresh);
            return;
        }
        if let Some(top) = self.popups.last_mut() {
            let text = top.text_entry();
            let out = {
                let mut cx = cx!(self);
                top.handle_key(key, &mut cx)
            };
            match out {
                Outcome::Ignored => {
                    let global = self
                        .settings
                        .keymap
                        .lookup_event(&key, &[Scope::Global], text);
                    if let Some(
                        a @ (Action::QuitNow | Action::Suspend | Action::Help | Action::Refresh),
                    ) = global
                    {
                        self.update(a);
                    }
                }
                o => self.apply(o),
            }
            return;
        }
        let text = self.screens[self.current].text_entry();
        let scopes: &[Scope] = if self.welcome {
            &[Scope::Welcome, Scope::List, Scope::Global]
        } else {
            &[Scope::List, Scope::Global]
        };
        // Inbox and tracker: the screen's own keys come first.
        let own: Vec<Scope> = self.screens[self.current]
            .scope()
            .filter(|_| !self.welcome)
            .into_iter()
            .chain(scopes.iter().copied())
            .collect();
        let scopes = own.as_slice();
        match self.settings.keymap.lookup_event(&key, scopes, text) {
            Some(action) => self.update(action),
            None if text => {
                let i = self.current;
                let out = {
                    let mut cx = cx!(self);
                    self.screens[i].on_key(key, &mut cx)
                };
                self.apply(out);
            }
            None => {}
        }
    }

    /// Pasted text (bracketed paste): never interpreted as keys.
    pub fn on_paste(&mut self, text: &str) {
        self.paste_input(text);
        self.catch_up();
        self.arm_settle();
        self.sync_draft();
    }

    fn paste_input(&mut self, text: &str) {
        self.keys_since_tick = true;
        self.dirty = true;
        let out = {
            let mut cx = cx!(self);
            match self.popups.last_mut() {
                Some(top) => top.on_paste(text, &mut cx),
                None => self.screens[self.current].on_paste(text, &mut cx),
            }
        };
        self.apply(out);
    }

    // Inbox and tracker
    /// Text a popup asked to edit in `$EDITOR`, once.
    pub fn take_external_edit(&mut self) -> Option<String> {
        self.external_edit.take()
    }

    /// The edited text back from `$EDITOR` (or `Err` with why not), for the top popup.
    pub fn external_edited(&mut self, result: Result<String, String>) {
        self.dirty = true;
        let out = {
            let mut cx = cx!(self);
            match self.popups.last_mut() {
                Some(top) => top.edited(result, &mut cx),
                None => Outcome::Ignored,
            }
        };
        self.apply(out);
        self.catch_up();
        self.sync_draft();
    }

    /// The cursor rested: the current screen brings its detail pane up to date.
    pub fn settle(&mut self) {
        self.settle_at = None;
        let i = self.current;
        let mut cx = cx!(self);
        if self.screens[i].settle(&mut cx) {
            self.dirty = true;
        }
    }

    /// After input: if the screen now waits for the cursor to rest, (re)start the wait.
    fn arm_settle(&mut self) {
        if let Some(delay) = self.settle_delay {
            self.settle_at = self.screens[self.current]
                .wants_settle()
                .then(|| std::time::Instant::now() + delay);
        }
    }

    /// The periodic tick: reload what is visible when another process wrote.
    pub fn on_tick(&mut self) {
        // A tick with no key since the last one: the moment to checkpoint (off the
        // input path; see Store::defer_checkpoints).
        if !std::mem::take(&mut self.keys_since_tick)
            && let Err(e) = self.store.checkpoint_if_written()
        {
            self.set_error(self.settings.lang.store_error(&e));
            self.dirty = true;
        }
        self.catch_up();
        self.sync_draft();
    }

    pub fn on_resize(&mut self, width: u16, height: u16) {
        let grew = width > self.size.width || height > self.size.height;
        self.size = Size { width, height };
        if grew {
            self.refresh_visible();
        }
        self.dirty = true;
    }
}

//! The shell's own actions (help, the palette, jump, who-does-what, screens, export and
//! import, …) and what help and the palette call each action; every other action goes
//! to the visible screen.

use super::App;
use crate::tui::action::Action;
use crate::tui::component::{Cx, Outcome};
use crate::tui::popups::help::{self, Help};
use crate::tui::popups::jump::Jump;
use crate::tui::popups::lists::ListsPopup;
use crate::tui::popups::palette::{Command, Palette};
use crate::tui::popups::who::Who;
use crate::words::T;

impl App<'_> {
    /// What an action is called in help and the palette; `None` for screens that do not exist.
    pub fn describe(&self, action: Action) -> Option<String> {
        let t = |k| self.settings.lang.t(k);
        match action {
            Action::Screen(n) => {
                let screen = self.screens.get(n.index())?;
                Some(format!("{} {}", t(T::ActScreen), t(screen.title())))
            }
            a => Some(t(a.description()).to_string()),
        }
    }

    fn commands(&self) -> Vec<Command> {
        Action::all()
            .into_iter()
            .filter(|a| a.in_palette() && (self.welcome || *a != Action::LoadDemo))
            .filter_map(|a| {
                let label = self.describe(a)?;
                Some(Command {
                    action: a,
                    label,
                    keys: self.settings.keymap.label(a),
                })
            })
            .collect()
    }

    /// Do an action.
    pub fn update(&mut self, action: Action) {
        self.dirty = true;
        match action {
            Action::Help => {
                let lines = help::lines(&self.settings, &|a| self.describe(a));
                self.popups.push(Box::new(Help::new(lines)));
            }
            Action::Palette => {
                let p = Palette::new(self.commands(), &self.settings);
                self.popups.push(Box::new(p));
            }
            Action::Jump => {
                let jump = {
                    let mut cx = cx!(self);
                    Jump::new(&mut cx)
                };
                match jump {
                    Ok(j) => self.popups.push(Box::new(j)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::Who => {
                let hint = self.screens[self.current].district_hint();
                // Opened on a signal, who-does-what can give it to the contact chosen.
                let signal = self.screens[self.current]
                    .selected()
                    .filter(|r| r.kind == crate::domain::RecordKind::Signal);
                let who = {
                    let mut cx = cx!(self);
                    match signal {
                        Some(r) => {
                            Who::new(&mut cx, hint).and_then(|w| w.for_signal(&mut cx, r.id))
                        }
                        None => Who::new(&mut cx, hint),
                    }
                };
                match who {
                    Ok(w) => self.popups.push(Box::new(w)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::Lists => {
                let lists = {
                    let mut cx = cx!(self);
                    ListsPopup::new(&mut cx)
                };
                match lists {
                    Ok(l) => self.popups.push(Box::new(l)),
                    Err(e) => self.set_error(self.settings.lang.store_error(&e)),
                }
            }
            Action::ExportSheets => self.export_sheets(),
            Action::ImportOrgs | Action::ImportPeople => {
                use crate::tui::popups::transfer::{ImportKind, ImportPrompt};
                let kind = if action == Action::ImportOrgs {
                    ImportKind::Organisations
                } else {
                    ImportKind::People
                };
                self.popups
                    .push(Box::new(ImportPrompt::new(kind, &self.settings)));
            }
            Action::QuitNow => self.quit = true,
            Action::NextScreen => self.switch((self.current + 1) % self.screens.len()),
            Action::PrevScreen => {
                self.switch((self.current + self.screens.len() - 1) % self.screens.len())
            }
            // `switch` ignores a screen that does not exist.
            Action::Screen(n) => self.switch(n.index()),
            Action::Suspend => self.suspend = true,
            Action::Refresh => {
                self.refresh_visible();
                self.set_info(self.settings.lang.t(T::Reloaded));
            }
            Action::LoadDemo if self.welcome => self.load_demo(),
            // Inbox and tracker: quick add, from anywhere.
            Action::QuickAdd => {
                let p = crate::tui::popups::quick_add::QuickAdd::new(&self.settings);
                self.popups.push(Box::new(p));
            }
            // Search and reports: full-text search, from anywhere.
            Action::Search => {
                let p = {
                    let mut cx = cx!(self);
                    crate::tui::popups::search::Search::new(&mut cx)
                };
                self.popups.push(Box::new(p));
            }
            // Trust: conflicts, history, AVG
            Action::History => self.open_history(),
            other => {
                let i = self.current;
                let out = {
                    let mut cx = cx!(self);
                    self.screens[i].on_action(other, &mut cx)
                };
                match out {
                    Outcome::Ignored if other == Action::Quit => self.quit = true,
                    out => self.apply(out),
                }
            }
        }
    }

    // Trust: conflicts, history, AVG
    /// The history popup of the record selected on the visible screen.
    fn open_history(&mut self) {
        let Some(record) = self.screens[self.current].selected() else {
            self.set_error(self.settings.lang.t(T::HistoryNothing));
            return;
        };
        let popup = {
            let mut cx = cx!(self);
            crate::tui::popups::history::History::new(record, &mut cx)
        };
        match popup {
            Ok(h) => self.popups.push(Box::new(h)),
            Err(e) => self.set_error(self.settings.lang.store_error(&e)),
        }
    }

    fn load_demo(&mut self) {
        match crate::demo::load(self.store, 0) {
            Ok(sum) => {
                self.catch_up();
                let msg = self.settings.lang.f(
                    T::DemoLoaded,
                    &[
                        ("orgs", &sum.organisations),
                        ("people", &sum.people),
                        ("signals", &sum.signals),
                    ],
                );
                self.set_info(msg);
            }
            Err(e) => self.set_error(self.settings.lang.store_error(&e)),
        }
    }
}

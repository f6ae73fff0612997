//! What popups and screens ask the shell to do ([`Effect`]): the status line, the popup
//! stack, a record to show on the screen that lists it, a job to run off the input path.

use super::App;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::screens::{AfterTriage, Screen};
use crate::words::T;

impl App<'_> {
    pub(super) fn apply(&mut self, outcome: Outcome) {
        let Outcome::Effects(effects) = outcome else {
            return;
        };
        for effect in effects {
            match effect {
                Effect::Status(m) => self.set_info(m),
                Effect::Error(m) => self.set_error(m),
                Effect::Push(p) => self.popups.push(p),
                Effect::Close => {
                    self.popups.pop();
                }
                Effect::Discard => {
                    let out = match self.popups.last_mut() {
                        Some(top) => {
                            let mut cx = cx!(self);
                            top.discard(&mut cx)
                        }
                        None => Outcome::Ignored,
                    };
                    self.apply(out);
                }
                Effect::Saved { record, message } => {
                    // Shown as it is now: the write moved the generation.
                    self.catch_up();
                    self.goto(record);
                    self.set_info(message);
                }
                Effect::Triaged { record, message } => {
                    self.catch_up();
                    let i = self.current;
                    let after = {
                        let mut cx = cx!(self);
                        self.screens[i].after_triage(record, &mut cx)
                    };
                    match after {
                        AfterTriage::MovedOn => self.set_info(message),
                        AfterTriage::NoneLeft => {
                            let none_left = self.settings.lang.t(T::NothingLeftToTriage);
                            self.set_info(format!("{message} {none_left}"));
                        }
                        AfterTriage::ShowIt => {
                            self.goto(record);
                            self.set_info(message);
                        }
                    }
                }
                Effect::Run(a) => self.update(a),
                Effect::Goto(r) => self.goto(r),
                Effect::Open(r) => {
                    self.catch_up();
                    self.open_record(r);
                }
                // Inbox and tracker.
                Effect::Pick { tag, value } => {
                    let i = self.current;
                    let out = {
                        let mut cx = cx!(self);
                        self.screens[i].on_pick(tag, &value, &mut cx)
                    };
                    self.apply(out);
                }
                Effect::ExternalEdit(text) => self.external_edit = Some(text),
                Effect::Mail(job) => self.send_mail(*job),
                Effect::MeetingMail(job) => self.send_meeting_mail(*job),
                Effect::Statement(job) => self.run_statement(*job),
                Effect::Import(job) => self.import(job),
            }
        }
    }

    /// Show a record in full on the screen that lists it.
    fn open_record(&mut self, record: crate::domain::RecordRef) {
        self.show_on_its_screen(record, |screen, cx| screen.open_record(record, cx));
    }

    /// Show a record on the screen that lists it.
    fn goto(&mut self, record: crate::domain::RecordRef) {
        self.show_on_its_screen(record, |screen, cx| screen.show(record, cx));
    }

    /// Make the first screen that `show` shows the record on the current one.
    fn show_on_its_screen(
        &mut self,
        record: crate::domain::RecordRef,
        show: impl Fn(&mut dyn Screen, &mut Cx) -> bool,
    ) {
        for i in 0..self.screens.len() {
            let shown = {
                let mut cx = cx!(self);
                show(self.screens[i].as_mut(), &mut cx)
            };
            if shown {
                self.current = i;
                self.stale[i] = false;
                return;
            }
        }
        self.set_error(self.settings.lang.f(T::NotFound, &[("id", &record)]));
    }
}

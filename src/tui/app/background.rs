//! Work off the input path and its results. Mail, statements, exports and imports run
//! on threads of their own with their own connection (see [`crate::tui::worker`]);
//! without a sink (tests) they run in place. Results, reports and waiting writes come
//! back here as events, and the store's change generation refreshes what is shown.

use super::{App, Finish};
use crate::store::Store;
use crate::tui::component::{Cx, Outcome};
use crate::tui::popups::transfer;
use crate::tui::worker;
use crate::words::T;

impl App<'_> {
    /// A write that waited off the input path is done: the popup that asked shows it.
    pub fn on_write(&mut self, done: worker::WriteDone) {
        self.dirty = true;
        let mut out = Outcome::Ignored;
        for i in (0..self.popups.len()).rev() {
            let mut cx = cx!(self);
            out = self.popups[i].on_write(&done, &mut cx);
            if !matches!(out, Outcome::Ignored) {
                break;
            }
        }
        match (out, &done.result) {
            (Outcome::Ignored, Ok(e)) => {
                let n = e.minute.position;
                self.set_info(self.settings.lang.f(T::MinutesStored, &[("n", &n)]));
            }
            (Outcome::Ignored, Err(why)) => self.set_error(self.settings.lang.problem(why)),
            (out, _) => self.apply(out),
        }
        self.catch_up();
        self.sync_draft();
    }

    /// A job done in the background is back: the shell takes its result in.
    pub fn on_background(&mut self, finish: Finish) {
        self.dirty = true;
        finish(self);
        self.catch_up();
    }

    /// Do `work` on a thread of its own with its own connection when the shell runs
    /// jobs in the background (the screens), else in place (tests); either way `take`
    /// takes the result in on the input thread, and the store's change generation then
    /// refreshes what is shown. True when it went to the background.
    fn in_background<R: Send + 'static>(
        &mut self,
        work: impl FnOnce(&mut Store) -> R + Send + 'static,
        failed: impl FnOnce(crate::domain::Problem) -> R + Send + 'static,
        take: impl FnOnce(&mut App<'_>, R) + Send + 'static,
    ) -> bool {
        match self.background.clone() {
            Some(sink) => {
                let path = self.store.path().to_path_buf();
                let ctx = self.store.ctx().clone();
                worker::in_background(path, ctx, work, failed, move |r| {
                    sink(Box::new(move |app| take(app, r)))
                });
                true
            }
            None => {
                let r = work(self.store);
                take(self, r);
                false
            }
        }
    }

    /// Every list as CSV files, off the input path: at a million signals the export
    /// takes a while, and the screens keep working meanwhile.
    pub(super) fn export_sheets(&mut self) {
        let dir = crate::tui::screens::people::avg::export_dir();
        let lang = self.settings.lang;
        if self.background.is_some() {
            self.set_info(lang.f(T::ExportSheetsWorking, &[("dir", &dir.display())]));
        }
        let to = dir.clone();
        self.in_background(
            move |s| transfer::export_all(s, &to, lang),
            move |why| Err(lang.problem(&why)),
            move |app, r| match r {
                Ok(files) => app.set_info(lang.f(
                    T::ExportSheetsDone,
                    &[("n", &files.len()), ("dir", &dir.display())],
                )),
                Err(e) => app.set_error(e),
            },
        );
    }

    /// Import a CSV file off the input path (a large file takes a while to check and
    /// write). Refused, the prompt comes back with the path to correct, unless
    /// something else was opened meanwhile.
    pub(super) fn import(&mut self, job: transfer::ImportJob) {
        let lang = self.settings.lang;
        if self.background.is_some() {
            self.set_info(job.working(lang));
        }
        let (kind, typed) = (job.kind, job.typed.clone());
        self.in_background(
            move |s| job.run(s, lang),
            move |why| Err(lang.problem(&why)),
            move |app, r| match r {
                Ok(msg) => app.set_info(msg),
                Err(why) => {
                    if app.popups.is_empty() {
                        let prompt = transfer::ImportPrompt::with_path(kind, &typed, &app.settings);
                        app.popups.push(Box::new(prompt));
                    }
                    app.set_error(why);
                }
            },
        );
    }

    pub(super) fn run_statement(&mut self, job: worker::StatementJob) {
        let id = crate::domain::RecordRef::new(crate::domain::RecordKind::Organisation, job.org_id);
        if self.statement_sink.is_some() {
            self.set_info(self.settings.lang.f(T::StatementWorking, &[("id", &id)]));
        }
        let sink = self.statement_sink.clone();
        let (spawn, run) = (worker::spawn_statement, worker::run_statement_job);
        self.off_input(sink, job, spawn, run, Self::on_statement);
    }

    /// Do `job` on a thread of its own when `sink` is set (the screens), else in place
    /// (tests); either way `take` is how the shell takes the answer in.
    fn off_input<J, D: 'static>(
        &mut self,
        sink: Option<std::sync::Arc<dyn Fn(D) + Send + Sync>>,
        job: J,
        spawn: worker::Spawn<J, D>,
        run: fn(&mut Store, J) -> D,
        take: fn(&mut Self, D),
    ) {
        match sink {
            Some(sink) => {
                let path = self.store.path().to_path_buf();
                let ctx = self.store.ctx().clone();
                spawn(path, ctx, job, Box::new(move |done| sink(done)));
            }
            None => {
                let done = run(self.store, job);
                take(self, done);
            }
        }
    }

    /// A statement was written or sent (or not): say where it went.
    pub fn on_statement(&mut self, done: worker::StatementDone) {
        let lang = self.settings.lang;
        self.dirty = true;
        let id = done.org.to_string();
        match done.result {
            Ok(said) => self.set_info(lang.f(
                T::StatementDone,
                &[("id", &id), ("where", &said.join("; "))],
            )),
            Err(why) => self.set_error(lang.f(
                T::StatementFailed,
                &[("id", &id), ("why", &lang.problem(&why))],
            )),
        }
        self.catch_up();
    }

    pub(super) fn send_mail(&mut self, job: worker::MailJob) {
        let sink = self.mail_sink.clone();
        let (spawn, run) = (worker::spawn_mail, worker::run_mail_job);
        self.off_input(sink, job, spawn, run, Self::on_mail);
    }

    pub(super) fn send_meeting_mail(&mut self, job: worker::MeetingMailJob) {
        let sink = self.meeting_mail_sink.clone();
        let (spawn, run) = (worker::spawn_meeting_mail, worker::run_meeting_mail_job);
        self.off_input(sink, job, spawn, run, Self::on_meeting_mail);
    }

    /// A meeting's mail finished: how many went out, where the drafts are, what failed.
    pub fn on_meeting_mail(&mut self, done: worker::MeetingMailDone) {
        self.dirty = true;
        self.say_meeting_mail(done);
        self.catch_up();
    }

    fn say_meeting_mail(&mut self, done: worker::MeetingMailDone) {
        use crate::store::{MailKind, MailStatus};
        let lang = self.settings.lang;
        let id = done.meeting.to_string();
        let r = match done.result {
            Err(why) => return self.set_error(format!("{id}: {}", lang.problem(&why))),
            Ok(r) => r,
        };
        let count = |s: &[MailStatus]| r.entries.iter().filter(|e| s.contains(&e.status)).count();
        let what = lang.t(match r.kind {
            MailKind::Cancel => T::MailWhatCancel,
            MailKind::Minutes => T::MailWhatMinutes,
            _ => T::MailWhatInvite,
        });
        let mut parts = vec![lang.f(T::MailSentN, &[("n", &count(&[MailStatus::Sent]))])];
        let drafts = count(&[MailStatus::Draft]);
        if drafts > 0 {
            parts.push(lang.f(T::MailDraftsN, &[("n", &drafts), ("dir", &r.drafts_dir())]));
        }
        let failed = count(&[MailStatus::Failed, MailStatus::Sending]);
        if failed > 0 {
            parts.push(lang.f(T::MailFailedN, &[("n", &failed)]));
        }
        if !r.skipped.is_empty() {
            parts.push(lang.f(T::MailNoAddressN, &[("n", &r.skipped.len())]));
        }
        let msg = format!("{id} {what}: {}", parts.join(", "));
        if failed > 0 {
            self.set_error(msg);
        } else {
            self.set_info(msg);
        }
    }

    /// A send finished: say how it went, and show the feedback when it was given.
    pub fn on_mail(&mut self, done: worker::MailDone) {
        use crate::store::MailStatus;
        let lang = self.settings.lang;
        self.dirty = true;
        let id = done.signal.to_string();
        match done.result {
            Err(why) => self.set_error(format!("{id}: {}", lang.problem(&why))),
            Ok(r) => {
                let e = &r.entry;
                match (e.status, &r.signal) {
                    (MailStatus::Sent, Some(_)) => {
                        self.set_info(lang.f(T::FeedbackSent, &[("id", &id)]))
                    }
                    (MailStatus::Sent, None) => self.set_error(lang.f(
                        T::FeedbackSentUnrecorded,
                        &[("id", &id), ("why", &e.error.clone().unwrap_or_default())],
                    )),
                    (MailStatus::Draft, _) => self.set_info(lang.f(
                        T::FeedbackEml,
                        &[("path", &e.draft_path.clone().unwrap_or_default())],
                    )),
                    _ => self.set_error(lang.f(
                        T::FeedbackMailFailed,
                        &[
                            ("id", &id),
                            ("why", &e.error.clone().unwrap_or_default()),
                            ("n", &e.id),
                        ],
                    )),
                }
            }
        }
        self.catch_up();
    }

    /// A report computed by the worker: the screen that asked shows it.
    pub fn on_report(&mut self, done: worker::ReportDone) {
        let Some(i) = self.screens.iter().position(|s| s.id() == "reports") else {
            return;
        };
        let out = {
            let mut cx = cx!(self);
            self.screens[i].on_report(done, &mut cx)
        };
        if i == self.current && !matches!(out, Outcome::Ignored) {
            self.dirty = true;
            self.apply(out);
        }
        self.catch_up();
    }
}

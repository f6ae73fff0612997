//! Work off the input path. Reports: a thread with its own read connection computes the
//! report a screen asks for, and the result comes back as an event. The screen draws
//! at once ("counting…") and keys keep working while a report over 100,000 signals is
//! counted; a result for a filter or data that changed meanwhile is dropped by its
//! generation number. Mail, statements and exports: [`in_background`], one thread and
//! connection per job, its result handed back to the shell as an event. Minutes lines
//! that wait for another user's lock: [`WriteWorker`].

use crate::domain::Problem;
use crate::domain::report::{Lang, ReportFilter};
use crate::store::{AnyReport, Ctx, RecordsPage, ReportKind, Store};
use std::cell::{Cell, OnceCell};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// What starts a worker's thread.
type Start = Box<dyn FnOnce() -> JoinHandle<()>>;

/// A worker's thread, started when the first job is sent to it: starting a thread
/// (its stack, its malloc arena) costs about 0.1 ms, which the screens would otherwise
/// spend before their first frame on workers that most sessions never ask anything.
struct Deferred {
    start: Cell<Option<Start>>,
    thread: OnceCell<JoinHandle<()>>,
}

impl Deferred {
    fn new(body: impl FnOnce() + Send + 'static) -> Self {
        Deferred {
            start: Cell::new(Some(Box::new(move || std::thread::spawn(body)))),
            thread: OnceCell::new(),
        }
    }

    /// Start the thread unless it runs already.
    fn started(&self) {
        if let Some(start) = self.start.take() {
            let _ = self.thread.set(start());
        }
    }

    /// Whether there is no thread still at work (one never started has nothing to do).
    fn is_finished(&self) -> bool {
        self.thread.get().is_none_or(JoinHandle::is_finished)
    }
}

/// What the screen asks for.
pub enum Ask {
    /// A whole report.
    Report(ReportKind),
    /// The first page of the records behind one figure (`loop.on_time`, …), to list
    /// under `label`; `count` is the number the figure shows.
    Records {
        figure: String,
        label: String,
        count: Option<usize>,
    },
}

/// One thing to compute.
pub struct ReportJob {
    /// Which request this answers (the screen counts them).
    pub generation: u64,
    pub ask: Ask,
    pub filter: ReportFilter,
    pub lang: Lang,
}

/// What came back; an error is what went wrong, put into words by the screen that
/// shows it (in its language).
pub enum Answer {
    Report(ReportKind, Result<Box<AnyReport>, Problem>),
    Records {
        figure: String,
        label: String,
        count: Option<usize>,
        page: Result<RecordsPage, Problem>,
    },
}

/// Records behind a figure are listed this many at a time.
pub const RECORDS_PAGE: usize = 200;

pub struct ReportDone {
    pub generation: u64,
    pub answer: Answer,
}

/// The worker thread's inbox; dropping it ends the thread.
pub struct ReportWorker {
    jobs: Sender<ReportJob>,
    thread: Deferred,
}

impl ReportWorker {
    /// Start the thread on the database at `path`; `deliver` hands each result to the
    /// shell (in the screens: an event into the one event channel).
    pub fn spawn(path: PathBuf, ctx: Ctx, deliver: impl Fn(ReportDone) + Send + 'static) -> Self {
        let (jobs, inbox) = mpsc::channel::<ReportJob>();
        let thread = Deferred::new(move || {
            let mut store: Option<Store> = None;
            while let Ok(job) = inbox.recv() {
                if store.is_none() {
                    match Store::open(&path, ctx.clone()) {
                        Ok(s) => store = Some(s),
                        Err(e) => {
                            deliver(ReportDone {
                                generation: job.generation,
                                answer: failed(job.ask, e.into_problem()),
                            });
                            continue;
                        }
                    }
                }
                let Some(s) = store.as_ref() else { continue };
                let answer = match job.ask {
                    Ask::Report(kind) => Answer::Report(
                        kind,
                        s.report(kind, &job.filter, job.lang)
                            .map(Box::new)
                            .map_err(|e| e.into_problem()),
                    ),
                    Ask::Records {
                        figure,
                        label,
                        count,
                    } => Answer::Records {
                        page: s
                            .report_records_page(&figure, &job.filter, None, RECORDS_PAGE)
                            .map_err(|e| e.into_problem()),
                        figure,
                        label,
                        count,
                    },
                };
                deliver(ReportDone {
                    generation: job.generation,
                    answer,
                });
            }
        });
        ReportWorker { jobs, thread }
    }

    /// Ask for something; false when the thread is gone (the caller computes it itself).
    pub fn ask(&self, job: ReportJob) -> bool {
        self.thread.started();
        self.jobs.send(job).is_ok()
    }
}

/// The answer to `ask` when the database could not be opened.
fn failed(ask: Ask, message: Problem) -> Answer {
    match ask {
        Ask::Report(kind) => Answer::Report(kind, Err(message)),
        Ask::Records {
            figure,
            label,
            count,
        } => Answer::Records {
            figure,
            label,
            count,
            page: Err(message),
        },
    }
}

/// Do `work` on a thread of its own with its own connection to the database at
/// `path`, off the input path (a mail server or a long export may take seconds);
/// `deliver` hands its result back, or `failed`'s (with why) when the database cannot
/// be opened.
pub fn in_background<R: Send + 'static>(
    path: PathBuf,
    ctx: Ctx,
    work: impl FnOnce(&mut Store) -> R + Send + 'static,
    failed: impl FnOnce(Problem) -> R + Send + 'static,
    deliver: impl FnOnce(R) + Send + 'static,
) {
    std::thread::spawn(move || {
        let done = match Store::open(&path, ctx) {
            Ok(mut store) => work(&mut store),
            Err(e) => failed(e.into_problem()),
        };
        deliver(done);
    });
}

/// Starts a job of kind `J` on its own thread; the answer `D` goes to the callback.
pub type Spawn<J, D> = fn(PathBuf, Ctx, J, Box<dyn FnOnce(D) + Send>);

/// Feedback to send by e-mail, off the input path: the server may take seconds or
/// not answer at all, and the screen keeps working meanwhile.
pub struct MailJob {
    pub signal_id: i64,
    pub feedback: crate::store::NewFeedback,
    pub sender_name: Option<String>,
    pub cfg: Option<crate::mail::MailConfig>,
}

/// How the send went; an error (the step was refused, the database) is what went wrong.
pub struct MailDone {
    pub signal: crate::domain::RecordRef,
    pub result: Result<crate::mail::EmailFeedback, Problem>,
}

/// Do the job on `store` (the worker's own connection, or the screen's in tests).
pub fn run_mail_job(store: &mut Store, job: MailJob) -> MailDone {
    let signal = crate::domain::RecordRef::new(crate::domain::RecordKind::Signal, job.signal_id);
    let result = crate::mail::send_feedback(
        store,
        job.cfg.as_ref(),
        job.signal_id,
        job.feedback,
        job.sender_name.as_deref(),
    )
    .map_err(|e| e.into_problem());
    MailDone { signal, result }
}

/// Send on a thread of its own with its own connection; `deliver` hands the answer
/// back to the shell.
pub fn spawn_mail(
    path: PathBuf,
    ctx: Ctx,
    job: MailJob,
    deliver: Box<dyn FnOnce(MailDone) + Send>,
) {
    let signal = crate::domain::RecordRef::new(crate::domain::RecordKind::Signal, job.signal_id);
    let failed = move |why| MailDone {
        signal,
        result: Err(why),
    };
    in_background(path, ctx, |s| run_mail_job(s, job), failed, deliver);
}

/// A meeting's mail to send off the input path: its invitation (or update, or
/// cancellation), or its final minutes.
pub struct MeetingMailJob {
    pub meeting_id: i64,
    /// The minutes; otherwise the invitation.
    pub minutes: bool,
    pub sender_name: Option<String>,
    pub cfg: Option<crate::mail::MailConfig>,
    pub lang: crate::domain::minutes_export::Lang,
}

/// How it went; a refusal or a database error is what went wrong.
pub struct MeetingMailDone {
    pub meeting: crate::domain::RecordRef,
    pub result: Result<crate::meeting_mail::MeetingMail, Problem>,
}

/// Do the job on `store` (the worker's own connection, or the screen's in tests).
pub fn run_meeting_mail_job(store: &mut Store, job: MeetingMailJob) -> MeetingMailDone {
    let meeting = crate::domain::RecordRef::new(crate::domain::RecordKind::Meeting, job.meeting_id);
    let send = if job.minutes {
        crate::meeting_mail::send_minutes
    } else {
        crate::meeting_mail::invite
    };
    let result = send(
        store,
        job.cfg.as_ref(),
        job.meeting_id,
        job.sender_name.as_deref(),
        job.lang,
    )
    .map_err(|e| e.into_problem());
    MeetingMailDone { meeting, result }
}

/// Send on a thread of its own with its own connection; `deliver` hands the answer
/// back to the shell.
pub fn spawn_meeting_mail(
    path: PathBuf,
    ctx: Ctx,
    job: MeetingMailJob,
    deliver: Box<dyn FnOnce(MeetingMailDone) + Send>,
) {
    let meeting = crate::domain::RecordRef::new(crate::domain::RecordKind::Meeting, job.meeting_id);
    let failed = move |why| MeetingMailDone {
        meeting,
        result: Err(why),
    };
    in_background(path, ctx, |s| run_meeting_mail_job(s, job), failed, deliver);
}

/// The statement to an organisation, written to a file and/or e-mailed, off the input
/// path (the mail server may take seconds).
pub struct StatementJob {
    pub org_id: i64,
    pub lang: crate::domain::minutes_export::Lang,
    /// The folder to write the HTML page into (private), if it is to be written.
    pub write_to: Option<PathBuf>,
    pub send: bool,
    pub cfg: Option<crate::mail::MailConfig>,
}

/// What became of it: one line per step (where it went), or why it failed.
pub struct StatementDone {
    pub org: crate::domain::RecordRef,
    pub result: Result<Vec<String>, Problem>,
}

/// Where the page for `org` goes in `dir`: one file per organisation and day.
pub fn statement_path(dir: &std::path::Path, org: &str, today: chrono::NaiveDate) -> PathBuf {
    dir.join(format!("{org}-{today}.html"))
}

/// Do the job on `store` (the thread's own connection, or the screen's in tests).
pub fn run_statement_job(store: &mut Store, job: StatementJob) -> StatementDone {
    let org = crate::domain::RecordRef::new(crate::domain::RecordKind::Organisation, job.org_id);
    let mut said = Vec::new();
    let result = (|| -> Result<Vec<String>, Problem> {
        if let Some(dir) = &job.write_to {
            let st = store
                .statement(job.org_id, None)
                .map_err(|e| e.into_problem())?;
            let page = crate::domain::report::statement::html(&st, job.lang);
            crate::files::create_dir_private(dir).map_err(|e| Problem::CannotCreate {
                path: dir.display().to_string(),
                error: e.to_string(),
            })?;
            let path = statement_path(dir, &org.to_string(), store.today());
            crate::files::replace(&path, page.as_bytes()).map_err(|e| Problem::CannotWrite {
                path: path.display().to_string(),
                error: e.to_string(),
                disk_full_hint: false,
            })?;
            said.push(path.display().to_string());
        }
        if job.send {
            let sent =
                crate::mail::send_statement(store, job.cfg.as_ref(), job.org_id, None, job.lang)
                    .map_err(|e| match said.first() {
                        Some(path) => Problem::WrittenNotSent {
                            path: path.clone(),
                            problem: Box::new(e.into_problem()),
                        },
                        None => e.into_problem(),
                    })?;
            said.push(sent.summary());
        }
        Ok(said.clone())
    })();
    StatementDone { org, result }
}

/// Run the job on a thread of its own with its own connection.
pub fn spawn_statement(
    path: PathBuf,
    ctx: Ctx,
    job: StatementJob,
    deliver: Box<dyn FnOnce(StatementDone) + Send>,
) {
    let org = crate::domain::RecordRef::new(crate::domain::RecordKind::Organisation, job.org_id);
    let failed = move |why| StatementDone {
        org,
        result: Err(why),
    };
    in_background(path, ctx, |s| run_statement_job(s, job), failed, deliver);
}

/// A write from the screens that found another user's change in the way: it waits on
/// the write worker's own connection, off the input path, in the order given.
pub enum WriteJob {
    /// A minutes line typed while the database was locked.
    Minute {
        seq: u64,
        meeting_id: i64,
        item: Option<i64>,
        text: String,
    },
    /// After a failure every queued job is refused at once (so nothing is stored out
    /// of order); this marker, sent before a retry, starts storing again.
    Resume,
}

/// What came of a [`WriteJob`]; an error is what went wrong.
pub struct WriteDone {
    pub seq: u64,
    pub meeting_id: i64,
    pub result: Result<crate::store::MinuteEntry, Problem>,
}

/// The write worker's inbox; dropping it ends the thread once the queue is done.
pub struct WriteWorker {
    jobs: Sender<WriteJob>,
    thread: Deferred,
}

impl WriteWorker {
    /// Start the thread on the database at `path`. Each write waits for the lock as
    /// long as `WIJKDESK_LOCK_WAIT` says (a minute by default).
    pub fn spawn(path: PathBuf, ctx: Ctx, deliver: impl Fn(WriteDone) + Send + 'static) -> Self {
        let (jobs, inbox) = mpsc::channel::<WriteJob>();
        let thread = Deferred::new(move || {
            crate::store::waiting::set_thread_wait(None);
            let mut store: Option<Store> = None;
            let mut refusing: Option<Problem> = None;
            while let Ok(job) = inbox.recv() {
                let (seq, meeting_id, item, text) = match job {
                    WriteJob::Resume => {
                        refusing = None;
                        continue;
                    }
                    WriteJob::Minute {
                        seq,
                        meeting_id,
                        item,
                        text,
                    } => (seq, meeting_id, item, text),
                };
                let result = match &refusing {
                    Some(why) => Err(why.clone()),
                    None => {
                        let opened = match store.take() {
                            Some(s) => Ok(s),
                            None => Store::open(&path, ctx.clone()).map_err(|e| e.into_problem()),
                        };
                        match opened {
                            Err(why) => Err(why),
                            Ok(s) => {
                                let s = store.insert(s);
                                let started = std::time::Instant::now();
                                s.add_minute_from_draft(meeting_id, item, &text).map_err(
                                    |e| match e.is_busy() {
                                        true => {
                                            crate::store::waiting::held(&path, started.elapsed())
                                        }
                                        false => e.into_problem(),
                                    },
                                )
                            }
                        }
                    }
                };
                if let Err(why) = &result {
                    refusing = Some(why.clone());
                }
                deliver(WriteDone {
                    seq,
                    meeting_id,
                    result,
                });
            }
        });
        WriteWorker { jobs, thread }
    }

    /// Closing: no more jobs; wait up to `within` for the thread to answer what it has
    /// (with [`crate::store::waiting::abandon_waits`] that is at once: a write either
    /// went through or gave up), so that no line is both stored and kept as a draft.
    pub fn finish(self, within: std::time::Duration) {
        drop(self.jobs);
        let until = std::time::Instant::now() + within;
        while !self.thread.is_finished() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Queue a write; false when the thread is gone.
    pub fn send(&self, job: WriteJob) -> bool {
        self.thread.started();
        self.jobs.send(job).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Deferred;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_workers_thread_starts_with_its_first_job_and_only_once() {
        let ran = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&ran);
        let worker = Deferred::new(move || flag.store(true, Ordering::SeqCst));
        assert!(worker.thread.get().is_none(), "no thread before a job");
        assert!(
            worker.is_finished(),
            "a worker never started has nothing to finish"
        );
        worker.started();
        worker.started();
        let thread = worker
            .thread
            .into_inner()
            .expect("started by the first job");
        thread.join().unwrap();
        assert!(ran.load(Ordering::SeqCst));
    }
}

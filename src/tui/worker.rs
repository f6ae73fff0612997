//! Reports off the input path: a thread with its own read connection computes the
//! report a screen asks for, and the result comes back as an event. The screen draws
//! at once ("counting…") and keys keep working while a report over 100,000 signals is
//! counted; a result for a filter or data that changed meanwhile is dropped by its
//! generation number.

use crate::domain::report::{Lang, ReportFilter};
use crate::store::{AnyReport, Ctx, ReportKind, Store};
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};

/// One report to compute.
pub struct ReportJob {
    /// Which request this answers (the screen counts them).
    pub generation: u64,
    pub kind: ReportKind,
    pub filter: ReportFilter,
    pub lang: Lang,
}

/// A computed report, or the message of the error that stopped it.
pub struct ReportDone {
    pub generation: u64,
    pub kind: ReportKind,
    pub report: Result<AnyReport, String>,
}

/// The worker thread's inbox; dropping it ends the thread.
pub struct ReportWorker {
    jobs: Sender<ReportJob>,
}

impl ReportWorker {
    /// Start the thread on the database at `path`; `deliver` hands each result to the
    /// shell (in the screens: an event into the one event channel).
    pub fn spawn(path: PathBuf, ctx: Ctx, deliver: impl Fn(ReportDone) + Send + 'static) -> Self {
        let (jobs, inbox) = mpsc::channel::<ReportJob>();
        std::thread::spawn(move || {
            let mut store: Option<Store> = None;
            while let Ok(job) = inbox.recv() {
                let report = match &mut store {
                    Some(s) => s.report(job.kind, &job.filter, job.lang),
                    None => Store::open(&path, ctx.clone()).and_then(|s| {
                        let r = s.report(job.kind, &job.filter, job.lang);
                        store = Some(s);
                        r
                    }),
                };
                deliver(ReportDone {
                    generation: job.generation,
                    kind: job.kind,
                    report: report.map_err(|e| e.to_string()),
                });
            }
        });
        ReportWorker { jobs }
    }

    /// Ask for a report; false when the thread is gone (the caller computes it itself).
    pub fn ask(&self, job: ReportJob) -> bool {
        self.jobs.send(job).is_ok()
    }
}

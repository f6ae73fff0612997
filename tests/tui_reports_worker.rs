//! Reports off the input path: with a report worker (as the screens run), the Reports
//! screen draws at once with "Counting…", keys keep working, and the report appears
//! when the worker's answer is handed to the shell: the same frame as computing it in
//! place. An answer for a filter that changed meanwhile is dropped, and the newer one
//! shown.

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use std::sync::mpsc;
use std::time::Duration;
use wijkdesk::tui::testing::{TempDb, fixed_ctx, press, screen, type_text};
use wijkdesk::tui::worker::{ReportDone, ReportWorker};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;

fn app(store: &mut wijkdesk::store::Store) -> App<'_> {
    App::new(
        store,
        Settings::new(Lang::En, false, false),
        Size {
            width: W,
            height: H,
        },
    )
}

/// A worker on `db` whose answers arrive on the returned receiver.
fn worker(db: &TempDb) -> (ReportWorker, mpsc::Receiver<ReportDone>) {
    let (tx, rx) = mpsc::channel();
    let w = ReportWorker::spawn(db.path.clone(), fixed_ctx(), move |done| {
        let _ = tx.send(done);
    });
    (w, rx)
}

fn answer(rx: &mpsc::Receiver<ReportDone>) -> ReportDone {
    rx.recv_timeout(Duration::from_secs(30))
        .expect("the worker answers")
}

#[test]
fn the_report_is_counted_off_the_input_path_and_then_shown() {
    let db = TempDb::new("reports-worker");
    let mut store = db.demo();
    // The frame as computed in place, for comparison.
    let expected = {
        let mut app = app(&mut store);
        app.select_screen("reports");
        screen(&app, W, H)
    };
    let (w, rx) = worker(&db);
    let mut app = app(&mut store);
    app.set_report_worker(w);
    app.select_screen("reports");
    let waiting = screen(&app, W, H);
    assert!(waiting.contains("Counting…"), "{waiting}");
    // Keys work meanwhile: the help opens and closes.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.popup_count(), 1);
    press(&mut app, KeyCode::Esc);
    app.on_report(answer(&rx));
    assert_eq!(screen(&app, W, H), expected);

    // Another report: counted on the worker as well.
    press(&mut app, KeyCode::Char(']'));
    assert!(screen(&app, W, H).contains("Counting…"));
    app.on_report(answer(&rx));
    let s = screen(&app, W, H);
    assert!(!s.contains("Counting…"), "{s}");
    assert!(s.contains("Commitments"), "{s}");
}

#[test]
fn an_answer_for_an_older_filter_is_dropped() {
    let db = TempDb::new("reports-worker-stale");
    let mut store = db.demo();
    let (w, rx) = worker(&db);
    let mut app = app(&mut store);
    app.set_report_worker(w);
    app.select_screen("reports");
    // A new period before the first answer is back: that answer is out of date.
    type_text(&mut app, "p");
    type_text(&mut app, "From");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2025-12-01");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-01-15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let first = answer(&rx);
    app.on_report(first);
    assert!(
        screen(&app, W, H).contains("Counting…"),
        "the answer for the old filter is not shown"
    );
    app.on_report(answer(&rx));
    let s = screen(&app, W, H);
    assert!(!s.contains("Counting…"), "{s}");
    assert!(s.contains("2025-12-01 – 2026-01-15"), "{s}");
}

#[test]
fn the_records_behind_a_figure_are_found_on_the_worker_and_then_listed() {
    let db = TempDb::new("reports-worker-records");
    let mut store = db.demo();
    // The list as found in place, for comparison.
    let expected = {
        let mut app = app(&mut store);
        app.select_screen("reports");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.popup_count(), 1);
        screen(&app, W, H)
    };
    let (w, rx) = worker(&db);
    let mut app = app(&mut store);
    app.set_report_worker(w);
    app.select_screen("reports");
    app.on_report(answer(&rx));
    // Enter on the first figure: the frame comes at once, the list when found.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "nothing waits on the input path");
    app.on_report(answer(&rx));
    assert_eq!(app.popup_count(), 1, "{}", screen(&app, W, H));
    assert_eq!(screen(&app, W, H), expected);
}

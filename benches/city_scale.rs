//! City-scale benchmarks: every screen, the store operations behind them, and the
//! bytes sent to the terminal, on a generated database (100,000 signals and about a
//! million minute lines by default).
//!
//!     cargo bench --bench city_scale                        # 100,000 signals
//!     WIJKDESK_BENCH_SCALE=1000 cargo bench --bench city_scale
//!
//! Prints one line per figure: median and 99th percentile over many runs, or bytes.
//! The database is generated once per scale into target/ and reused. Timing is never
//! asserted: docs/performance.md records the figures with this command.
//!
//!     WIJKDESK_BENCH_DB=/path/to/big.db   # measure an existing database instead
//!     WIJKDESK_BENCH_ONLY=report          # only figures whose name contains this

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};
use wijkdesk::domain::report::{Lang as ReportLang, ReportFilter};
use wijkdesk::store::{Ctx, InboxFilter, ReportKind, Store};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;

fn ctx() -> Ctx {
    Ctx::new("demo", chrono::Local::now().date_naive())
}

/// The generated database for `scale` signals, built once.
fn database(scale: usize) -> PathBuf {
    if let Ok(given) = std::env::var("WIJKDESK_BENCH_DB") {
        return PathBuf::from(given);
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench data directory");
    let path = dir.join(format!("city-{scale}.db"));
    if !path.exists() {
        let tmp = dir.join(format!("city-{scale}.db.partial"));
        let _ = std::fs::remove_file(&tmp);
        eprintln!("generating {scale} signals into {} (once)…", path.display());
        let t = Instant::now();
        let mut store = Store::open(&tmp, ctx()).expect("open");
        wijkdesk::demo::load(&mut store, scale).expect("generate");
        drop(store);
        eprintln!("generated in {:.1} s", t.elapsed().as_secs_f64());
        std::fs::rename(&tmp, &path).expect("rename");
        for suffix in ["-wal", "-shm", ".lock"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
        }
    }
    path
}

/// Whether a figure is wanted (WIJKDESK_BENCH_ONLY selects by part of its name).
fn wanted(name: &str) -> bool {
    std::env::var("WIJKDESK_BENCH_ONLY").map_or(true, |only| name.contains(&only))
}

/// Median and 99th percentile of `runs` timings of `f`.
fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..runs.min(5) {
        f();
    }
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    percentiles(times)
}

/// Median and 99th percentile of some timings.
fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (p(0.5), p(0.99))
}

/// Measure and print one figure, if it is wanted.
fn bench(name: &str, runs: usize, f: impl FnMut()) {
    if wanted(name) {
        report(name, measure(runs, f));
    }
}

fn report(name: &str, (p50, p99): (Duration, Duration)) {
    println!(
        "{name:<48} p50 {:>8.3} ms   p99 {:>8.3} ms",
        ms(p50),
        ms(p99)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn settings() -> Settings {
    Settings::new(Lang::En, false, false)
}

fn test_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(W, H)).expect("terminal")
}

/// A writer that counts what the real crossterm backend would send.
#[derive(Clone, Default)]
struct Counter(Rc<RefCell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        *self.0.borrow_mut() += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map(|kib| kib / 1024.0)
        .unwrap_or(f64::NAN)
}

fn screens(path: &Path, runs: usize) {
    let mut store = Store::open(path, ctx()).expect("open");
    let ids = App::new(
        &mut store,
        settings(),
        Size {
            width: W,
            height: H,
        },
    )
    .screen_ids();
    drop(store);
    for id in &ids {
        let figures = [
            "j/k",
            "page down/up",
            "G/g (end and back)",
            "open detail + back",
            "filter: type 'e', erase",
            "switch screen (Tab, BackTab)",
        ];
        if !wanted(&format!("first frame: {id}"))
            && !figures
                .iter()
                .any(|f| wanted(&format!("key to frame: {id} {f}")))
        {
            continue;
        }
        // First frame: open the database, load what the screen shows, draw.
        bench(&format!("first frame: {id}"), runs / 5, || {
            let mut store = Store::open(path, ctx()).expect("open");
            let mut app = App::new(
                &mut store,
                settings(),
                Size {
                    width: W,
                    height: H,
                },
            );
            app.select_screen(id);
            test_terminal().draw(|f| app.draw(f)).expect("draw");
        });
        let mut store = Store::open(path, ctx()).expect("open");
        let mut app = App::new(
            &mut store,
            settings(),
            Size {
                width: W,
                height: H,
            },
        );
        app.select_screen(id);
        let mut term = test_terminal();
        let mut frame = |app: &mut App, k: KeyCode| {
            app.on_key(key(k));
            term.draw(|f| app.draw(f)).expect("draw");
        };
        let mut down = true;
        bench(&format!("key to frame: {id} j/k"), runs, || {
            frame(
                &mut app,
                if down {
                    KeyCode::Char('j')
                } else {
                    KeyCode::Char('k')
                },
            );
            down = !down;
        });
        let mut forward = true;
        bench(&format!("key to frame: {id} page down/up"), runs, || {
            frame(
                &mut app,
                if forward {
                    KeyCode::PageDown
                } else {
                    KeyCode::PageUp
                },
            );
            forward = !forward;
        });
        bench(
            &format!("key to frame: {id} G/g (end and back)"),
            runs / 5,
            || {
                frame(&mut app, KeyCode::Char('G'));
                frame(&mut app, KeyCode::Char('g'));
            },
        );
        bench(
            &format!("key to frame: {id} open detail + back"),
            runs / 5,
            || {
                frame(&mut app, KeyCode::Enter);
                frame(&mut app, KeyCode::Esc);
            },
        );
        bench(
            &format!("key to frame: {id} filter: type 'e', erase"),
            runs / 5,
            || {
                frame(&mut app, KeyCode::Char('/'));
                frame(&mut app, KeyCode::Char('e'));
                frame(&mut app, KeyCode::Backspace);
                frame(&mut app, KeyCode::Esc);
            },
        );
        bench(
            &format!("key to frame: {id} switch screen (Tab, BackTab)"),
            runs / 5,
            || {
                frame(&mut app, KeyCode::Tab);
                frame(&mut app, KeyCode::BackTab);
            },
        );
    }
}

/// The Reports screen as the shell runs it, with reports counted on the worker thread:
/// the first frame (drawn at once, "Counting…") and the time until the report is drawn.
fn reports_worker(path: &Path, runs: usize) {
    let first = "first frame: reports, counted on the worker";
    let shown = "reports: worker, until the report is drawn";
    let enter = "key to frame: reports, Enter on a figure (worker)";
    let listed = "reports: worker, until the figure's records are listed";
    if ![first, shown, enter, listed].iter().any(|n| wanted(n)) {
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = || {
        let tx = tx.clone();
        wijkdesk::tui::worker::ReportWorker::spawn(path.to_path_buf(), ctx(), move |done| {
            let _ = tx.send(done);
        })
    };
    let (mut firsts, mut totals) = (Vec::new(), Vec::new());
    let (mut enters, mut lists) = (Vec::new(), Vec::new());
    for _ in 0..(runs / 5).max(1) {
        let t = Instant::now();
        let mut store = Store::open(path, ctx()).expect("open");
        let mut app = App::new(
            &mut store,
            settings(),
            Size {
                width: W,
                height: H,
            },
        );
        app.set_report_worker(worker());
        app.select_screen("reports");
        let mut term = test_terminal();
        term.draw(|f| app.draw(f)).expect("draw");
        firsts.push(t.elapsed());
        let done = rx.recv().expect("the worker answers");
        app.on_report(done);
        term.draw(|f| app.draw(f)).expect("draw");
        totals.push(t.elapsed());
        // Enter on the first figure, Esc to close the list again.
        let t = Instant::now();
        app.on_key(key(KeyCode::Enter));
        term.draw(|f| app.draw(f)).expect("draw");
        enters.push(t.elapsed());
        let done = rx.recv().expect("the worker answers");
        app.on_report(done);
        term.draw(|f| app.draw(f)).expect("draw");
        lists.push(t.elapsed());
        app.on_key(key(KeyCode::Esc));
    }
    report(first, percentiles(firsts));
    report(shown, percentiles(totals));
    report(enter, percentiles(enters));
    report(listed, percentiles(lists));
}

/// Bytes written through the real crossterm backend, for every screen: the first
/// frame, a cursor move, a page scroll and an idle tick.
fn bytes(path: &Path) {
    let mut store = Store::open(path, ctx()).expect("open");
    let mut app = App::new(
        &mut store,
        settings(),
        Size {
            width: W,
            height: H,
        },
    );
    // As the screens run: panes beside lists follow the cursor when it rests.
    app.set_settle_delay(wijkdesk::tui::SETTLE);
    let counter = Counter::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    let mut term =
        Terminal::with_options(CrosstermBackend::new(counter.clone()), options).expect("terminal");
    let mut sent = |app: &mut App, k: Option<KeyCode>| {
        if let Some(k) = k {
            app.on_key(key(k));
        }
        *counter.0.borrow_mut() = 0;
        if app.take_dirty() {
            term.draw(|f| app.draw(f)).expect("draw");
        }
        *counter.0.borrow()
    };
    let line = |name: String, n: usize| {
        if wanted(&name) {
            println!("{name:<48} {n:>8} bytes");
        }
    };
    for id in app.screen_ids() {
        app.select_screen(id);
        app.mark_dirty();
        line(format!("bytes: {id} first frame"), sent(&mut app, None));
        line(
            format!("bytes: {id} cursor move (j)"),
            sent(&mut app, Some(KeyCode::Char('j'))),
        );
        // A detail pane beside the list follows once the cursor rests.
        if app.next_wakeup().is_some() {
            app.settle();
            line(
                format!("bytes: {id} detail pane at rest"),
                sent(&mut app, None),
            );
        }
        line(
            format!("bytes: {id} page scroll (PageDown)"),
            sent(&mut app, Some(KeyCode::PageDown)),
        );
        app.on_tick();
        line(format!("bytes: {id} idle tick"), sent(&mut app, None));
    }
}

fn store_ops(path: &Path, runs: usize) {
    bench("store: open the database", runs / 5, || {
        Store::open(path, ctx()).expect("open");
    });
    let store = Store::open(path, ctx()).expect("open");
    bench("store: inbox first page (200 rows)", runs, || {
        store
            .inbox_page(&InboxFilter::default(), None, 200)
            .expect("page");
    });
    let page = store
        .inbox_page(&InboxFilter::default(), None, 5000)
        .expect("page");
    let deep = page.last().map(wijkdesk::store::InboxKey::of);
    bench("store: inbox page after row 5,000", runs, || {
        store
            .inbox_page(&InboxFilter::default(), deep, 200)
            .expect("page");
    });
    bench("store: inbox counts (tab)", runs, || {
        store.inbox_counts().expect("counts");
    });
    bench("store: inbox filtered by text 'school'", runs / 5, || {
        let f = InboxFilter {
            text: Some("school".into()),
            ..Default::default()
        };
        store.inbox_page(&f, None, 200).expect("page");
    });
    let all = ReportFilter::default();
    for kind in ReportKind::ALL {
        bench(&format!("report: {}", kind.code()), runs / 10, || {
            store.report(kind, &all, ReportLang::En).expect("report");
        });
    }
    bench(
        "report: records behind 'feedback on time'",
        runs / 10,
        || {
            store.report_records("loop.on_time", &all).expect("records");
        },
    );
    // Every report narrowed each way the Reports screen and `report --…` narrow it.
    let first = |sql: &str| -> Option<String> {
        store
            .conn()
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .ok()
            .flatten()
    };
    let id = |sql: &str| first(sql).and_then(|t| t.parse::<i64>().ok());
    let today = store.today();
    let filters = [
        (
            "12 months",
            ReportFilter {
                from: today.checked_sub_months(chrono::Months::new(12)),
                to: Some(today),
                ..Default::default()
            },
        ),
        (
            "district",
            ReportFilter {
                district: first(
                    "SELECT district FROM organisation WHERE district IS NOT NULL LIMIT 1",
                ),
                ..Default::default()
            },
        ),
        (
            "theme",
            ReportFilter {
                theme: first("SELECT theme FROM signal WHERE theme IS NOT NULL LIMIT 1"),
                ..Default::default()
            },
        ),
        (
            "service",
            ReportFilter {
                service: id(
                    "SELECT CAST(min(id) AS TEXT) FROM organisation WHERE kind = 'service'",
                ),
                ..Default::default()
            },
        ),
        (
            "organisation",
            ReportFilter {
                org: id("SELECT CAST(max(id) AS TEXT) FROM organisation WHERE kind = 'residents'"),
                ..Default::default()
            },
        ),
    ];
    for (label, f) in &filters {
        for kind in ReportKind::ALL {
            bench(
                &format!("report: {} by {label}", kind.code()),
                runs / 10,
                || {
                    store.report(kind, f, ReportLang::En).expect("report");
                },
            );
        }
    }
    for key in [
        "loop.open.age:90+",
        "commitments.broken",
        "cadence.overdue",
        "load.over",
    ] {
        bench(
            &format!("report: records behind '{key}'"),
            runs / 10,
            || {
                let _ = store.report_records(key, &all);
            },
        );
    }
    // What the Reports screen and `report records` read first: one page.
    for key in [
        "loop.on_time",
        "loop.open.age:90+",
        "commitments.all",
        "commitments.broken",
        "commitments.open_overdue",
        "load.over",
    ] {
        bench(
            &format!("report: first page of records behind '{key}'"),
            runs / 10,
            || {
                let _ = store.report_records_page(key, &all, None, 200);
            },
        );
    }
    // Search as you type: every prefix of a few queries, as the popup runs them.
    // A broader set, typed key by key: one figure over every key of every query.
    let typed = [
        "de",
        "het",
        "bewoners",
        "overleg",
        "wijkagent",
        "gemeente",
        "stadsdeel",
        "terugkoppeling",
        "speeltuin",
        "school",
        "vergadering",
        "een centraal aanspreekpunt",
        "de wijkagent licht de cijfers toe",
        "S-4242",
        "M-5000 overleg",
        "zzzq",
        "coördinatie",
        "straße",
        "anna@example.org",
        "2024",
    ];
    let name = "search as you type: 20 queries, each key";
    if wanted(name) {
        let mut times = Vec::new();
        // Per prefix typed, its slowest time: the keys worth looking at.
        let mut worst: std::collections::HashMap<&str, Duration> = Default::default();
        for _ in 0..(runs / 50).max(1) {
            for query in typed {
                for n in (1..=query.len()).filter(|&n| query.is_char_boundary(n)) {
                    let t = Instant::now();
                    let _ = store.search(&query[..n], 50);
                    let d = t.elapsed();
                    times.push(d);
                    let w = worst.entry(&query[..n]).or_default();
                    *w = (*w).max(d);
                }
            }
        }
        let slowest = times.iter().max().copied().unwrap_or_default();
        report(name, percentiles(times));
        println!(
            "{:<48} {:>8.3} ms",
            "search as you type: the slowest key",
            ms(slowest)
        );
        let mut worst: Vec<(&str, Duration)> = worst.into_iter().collect();
        worst.sort_by_key(|w| std::cmp::Reverse(w.1));
        for (typed, d) in worst.iter().take(5) {
            println!("{:<48} {:>8.3} ms", format!("  slowest: '{typed}'"), ms(*d));
        }
    }
    for query in [
        "de",
        "school",
        "speeltuin",
        "een centraal",
        "S-4242",
        "zzzq",
    ] {
        let prefixes: Vec<&str> = (1..=query.len())
            .filter(|&n| query.is_char_boundary(n))
            .map(|n| &query[..n])
            .collect();
        // Each prefix is one key press; the figure is over every key of every run.
        let name = format!("search as you type: '{query}', each key");
        if wanted(&name) {
            let mut times = Vec::new();
            for _ in 0..(runs / 10).max(1) {
                for p in &prefixes {
                    let t = Instant::now();
                    // A single letter or a lone hyphen is a message, not an error.
                    let _ = store.search(p, 50);
                    times.push(t.elapsed());
                }
            }
            report(&name, percentiles(times));
        }
        bench(&format!("search: '{query}'"), runs / 5, || {
            let _ = store.search(query, 50);
        });
    }
    drop(store);
    let mut store = Store::open(path, ctx()).expect("open");
    // As the screens do: checkpoints wait for an idle tick.
    store.defer_checkpoints().expect("defer checkpoints");
    let meeting = store
        .meetings(1)
        .expect("meetings")
        .first()
        .map(|m| m.id)
        .expect("a meeting");
    let mut n = 0;
    bench("store: a minutes line stored (Enter)", runs / 5, || {
        n += 1;
        store
            .add_minute(
                meeting,
                None,
                &format!("Benchmark line {n}: de wijkagent licht de cijfers toe"),
            )
            .expect("minute");
    });
    bench(
        "store: checkpoint on an idle tick, after 20 lines",
        runs / 10,
        || {
            for i in 0..20 {
                store
                    .add_minute(meeting, None, &format!("Regel {i} voor het controlepunt"))
                    .expect("minute");
            }
            store.checkpoint_if_written().expect("checkpoint");
        },
    );
}

fn main() {
    // `cargo bench` passes --bench; plain runs of the compiled binary work too.
    let scale: usize = std::env::var("WIJKDESK_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let runs: usize = std::env::var("WIJKDESK_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let path = database(scale);
    let signals: i64 = rusqlite::Connection::open(&path)
        .and_then(|c| c.query_row("SELECT count(*) FROM signal", [], |r| r.get(0)))
        .expect("count the signals");
    println!(
        "wijkdesk city-scale benchmark: {} ({signals} signals), {W}x{H}, {runs} runs per figure",
        path.display()
    );
    store_ops(&path, runs);
    screens(&path, runs);
    reports_worker(&path, runs);
    bytes(&path);
    println!(
        "{:<48} {:>8.1} MiB",
        "peak memory of this process (VmHWM)",
        peak_rss_mib()
    );
}

//! The Reports screen: snapshots, and Enter on a figure listing exactly the
//! records `Store::report_records` gives, on the demo data with today fixed.

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::domain::RecordRef;
use wijkdesk::domain::report::ReportFilter;
use wijkdesk::store::Store;
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Nl, "nl")];
const W: u16 = 120;
const H: u16 = 60;

fn app(store: &mut Store, lang: Lang, w: u16, h: u16) -> App<'_> {
    let mut app = App::new(
        store,
        Settings::new(lang, true, false),
        Size {
            width: w,
            height: h,
        },
    );
    assert!(app.select_screen("reports"));
    app
}

fn snap(name: &str, setup: impl Fn(&mut App)) {
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let db = TempDb::new("reports-snap");
            let mut store = db.demo();
            let mut app = app(&mut store, lang, w, h);
            setup(&mut app);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), screen(&app, w, h));
        }
    }
}

#[test]
fn reports_snapshots() {
    snap("reports", |_| {});
    snap("reports_commitments", |app| type_text(app, "]"));
    snap("reports_load", |app| type_text(app, "[j"));
}

/// The record IDs listed in the records popup, top to bottom.
fn listed(app: &App) -> Vec<String> {
    screen(app, W, H)
        .lines()
        .filter_map(|l| {
            let inner = l.split('│').nth(2)?.trim_start();
            let id = inner.split_whitespace().next()?;
            RecordRef::parse(id, None).ok().map(|r| r.to_string())
        })
        .collect()
}

fn records(db: &TempDb, key: &str, f: &ReportFilter) -> Vec<String> {
    db.open().report_records(key, f).unwrap()
}

#[test]
fn enter_on_a_figure_lists_exactly_its_records_and_opens_one() {
    let db = TempDb::new("reports-records");
    let mut store = db.demo();
    let late = records(&db, "loop.late", &ReportFilter::default());
    assert!(!late.is_empty() && late.len() < 20, "{late:?}");
    let mut app = app(&mut store, Lang::En, W, H);
    // On time, then Late.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 1);
    let s = screen(&app, W, H);
    assert!(s.contains(&format!("{} behind Late", late.len())), "{s}");
    assert_eq!(listed(&app), late, "{s}");
    // Enter opens the first one on its screen.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0);
    assert_eq!(app.screen_id(), "inbox");
    assert_eq!(
        app.selected_record().map(|r| r.to_string()),
        Some(late[0].clone())
    );
}

#[test]
fn every_figure_of_every_report_lists_what_report_records_gives() {
    let db = TempDb::new("reports-all");
    let mut store = db.demo();
    let mut app = app(&mut store, Lang::En, W, H);
    let mut seen = 0;
    for _section in 0..4 {
        // Walk the figures of the first few rows, left to right.
        for _ in 0..6 {
            press(&mut app, KeyCode::Enter);
            let s = screen(&app, W, H);
            let title = s
                .lines()
                .find(|l| l.contains(" behind "))
                .unwrap_or_else(|| panic!("no records popup:\n{s}"))
                .to_string();
            let words: Vec<&str> = title.split_whitespace().collect();
            let at = words.iter().position(|w| *w == "behind").expect("behind");
            let n: usize = words[at - 1].parse().expect("a count");
            let ids = listed(&app);
            assert!(
                ids.len() == n || (n > ids.len() && ids.len() >= 15),
                "{title}\n{s}"
            );
            press(&mut app, KeyCode::Esc);
            assert_eq!(app.popup_count(), 0);
            seen += 1;
            press(&mut app, KeyCode::Char('l'));
            press(&mut app, KeyCode::Down);
        }
        type_text(&mut app, "]");
    }
    assert_eq!(seen, 24);
}

#[test]
fn filters_by_district_and_period_narrow_the_figures() {
    let db = TempDb::new("reports-filter");
    let mut store = db.demo();
    let (districts, _) = store.districts_and_themes().unwrap();
    let district = districts[0].clone();
    let mut app = app(&mut store, Lang::En, W, H);
    // F, District, the first district.
    type_text(&mut app, "F");
    type_text(&mut app, "District");
    press(&mut app, KeyCode::Enter);
    app.on_paste(&district);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let s = screen(&app, W, H);
    assert!(s.contains(&format!("District: {district}")), "{s}");
    let f = ReportFilter {
        district: Some(district.clone()),
        ..Default::default()
    };
    // The open signals figure (the last of the first table).
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let open = records(&db, "loop.open", &f);
    let s = screen(&app, W, H);
    assert!(
        s.contains(&format!("{} behind Open signals", open.len())),
        "{s}"
    );
    assert_eq!(
        listed(&app),
        open.iter()
            .take(listed(&app).len())
            .cloned()
            .collect::<Vec<_>>()
    );
    press(&mut app, KeyCode::Esc);

    // p, From/to: a typed period.
    type_text(&mut app, "p");
    type_text(&mut app, "From");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2025-12-01");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-01-15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    assert!(screen(&app, W, H).contains("2025-12-01 – 2026-01-15"));
    let f = ReportFilter {
        from: chrono::NaiveDate::from_ymd_opt(2025, 12, 1),
        to: chrono::NaiveDate::from_ymd_opt(2026, 1, 15),
        ..f
    };
    press(&mut app, KeyCode::Enter);
    let open = records(&db, "loop.open", &f);
    assert!(
        screen(&app, W, H).contains(&format!("{} behind Open signals", open.len())),
        "{}",
        screen(&app, W, H)
    );
    press(&mut app, KeyCode::Esc);
    // A bad date is said next to the field; Esc keeps the filter.
    type_text(&mut app, "p");
    type_text(&mut app, "From");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "gisteren");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app, W, H).contains("not a date"),
        "{}",
        screen(&app, W, H)
    );
    press(&mut app, KeyCode::Esc);
    // Esc on the screen clears every filter.
    press(&mut app, KeyCode::Esc);
    assert!(screen(&app, W, H).contains("all time · no filter"));
}

/// The count in the title of the records popup opened on the selected figure, then
/// the popup closed again.
fn behind(app: &mut App, figure: &str) -> usize {
    press(app, KeyCode::Enter);
    let s = screen(app, W, H);
    let title = s
        .lines()
        .find(|l| l.contains(&format!(" behind {figure}")))
        .unwrap_or_else(|| panic!("no records popup for {figure}:\n{s}"))
        .to_string();
    press(app, KeyCode::Esc);
    let words: Vec<&str> = title.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "behind").expect("behind");
    words[at - 1].parse().expect("a count")
}

#[test]
fn each_report_is_computed_for_the_filter_and_data_shown() {
    let db = TempDb::new("reports-lazy");
    let mut store = db.demo();
    let (districts, _) = store.districts_and_themes().unwrap();
    let district = districts[0].clone();
    let mut writer = db.open();
    let mut app = app(&mut store, Lang::En, W, H);
    // A filter set on the first report holds for a report shown later.
    type_text(&mut app, "F");
    type_text(&mut app, "District");
    press(&mut app, KeyCode::Enter);
    app.on_paste(&district);
    press(&mut app, KeyCode::Enter);
    let f = ReportFilter {
        district: Some(district.clone()),
        ..Default::default()
    };
    type_text(&mut app, "]");
    assert_eq!(
        behind(&mut app, "Kept on time"),
        records(&db, "commitments.kept_on_time", &f).len()
    );
    // Another process writes: the report shown is recomputed, the selection kept.
    type_text(&mut app, "[");
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    let before = behind(&mut app, "Open signals");
    assert_eq!(before, records(&db, "loop.open", &f).len());
    writer
        .add_signal(wijkdesk::store::NewSignal {
            title: "Losliggende stoeptegels".into(),
            district: Some(district.clone()),
            ..Default::default()
        })
        .expect("signal");
    app.on_tick();
    assert_eq!(behind(&mut app, "Open signals"), before + 1);
    assert_eq!(records(&db, "loop.open", &f).len(), before + 1);
    // A report not shown at a write is computed afresh when shown.
    let kept = |db: &TempDb| {
        records(db, "commitments.kept_on_time", &f).len()
            + records(db, "commitments.kept_late", &f).len()
    };
    let before = kept(&db);
    let open: i64 = writer
        .conn()
        .query_row(
            "SELECT c.id FROM commitment c JOIN organisation o ON o.id = c.org_id
              WHERE c.state = 'open' AND o.district = ?1 ORDER BY c.id LIMIT 1",
            [&district],
            |r| r.get(0),
        )
        .expect("an open commitment in the district");
    writer.keep_commitment(open, None).expect("keep");
    app.on_tick();
    assert_eq!(kept(&db), before + 1);
    type_text(&mut app, "]");
    let on_time = behind(&mut app, "Kept on time");
    press(&mut app, KeyCode::Down);
    let late = behind(&mut app, "Kept late");
    assert_eq!(on_time + late, before + 1);
}

/// A figure with more records than one page: the popup says the figure's number, lists
/// the first page, reads the next as the cursor comes near the end, and all on End.
#[test]
fn a_long_list_of_records_comes_a_page_at_a_time() {
    let db = TempDb::new("reports-pages");
    {
        let mut store = db.open();
        wijkdesk::demo::load(&mut store, 1200).expect("generated signals");
    }
    let all = records(&db, "loop.on_time", &ReportFilter::default());
    let page = wijkdesk::tui::worker::RECORDS_PAGE;
    assert!(all.len() > 2 * page, "{} records", all.len());
    let mut store = db.open();
    let mut app = app(&mut store, Lang::En, W, H);
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, W, H);
    assert!(
        s.contains(&format!("{} behind On time", all.len())),
        "the figure's number while pages follow:\n{s}"
    );
    let shown = listed(&app);
    assert_eq!(shown, all[..shown.len()], "the first records, in order");
    // Down to the end of the first page reads the next: the cursor goes on past it.
    for _ in 0..page + 5 {
        press(&mut app, KeyCode::Down);
    }
    let s = screen(&app, W, H);
    let selected = s
        .lines()
        .filter_map(|l| l.split('│').nth(2))
        .map(str::trim_start)
        .find(|l| all[page + 5] == l.split_whitespace().next().unwrap_or(""));
    assert!(selected.is_some(), "record {} listed:\n{s}", all[page + 5]);
    // End: the last record of all.
    press(&mut app, KeyCode::End);
    assert_eq!(listed(&app).last(), all.last(), "{}", screen(&app, W, H));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.selected_record().map(|r| r.to_string()).as_ref(),
        all.last()
    );
}

/// More organisations with a moved due date than the screen lays out (500): it shows
/// the first ones in the order `report loop` prints them, then says how many more there
/// are, every one of them counted.
#[test]
fn a_long_list_shows_its_first_rows_and_counts_the_rest() {
    use wijkdesk::domain::report::{Lang as RLang, Rows};
    use wijkdesk::store::{NewOrg, NewSignal, ReportKind};
    let db = TempDb::new("reports-long");
    let mut store = db.demo();
    let later = store.today() + chrono::Duration::days(30);
    for k in 0..503 {
        let org = store
            .add_org(NewOrg {
                name: format!("Bewonersgroep {k:03}"),
                ..Default::default()
            })
            .expect("org");
        let s = store
            .add_signal(NewSignal {
                title: "Losse tegel".into(),
                org_id: Some(org.id),
                ..Default::default()
            })
            .expect("signal");
        store
            .move_signal_due(s.id, later, "Wacht op de aannemer", None)
            .expect("moved");
    }
    let report = store
        .report(ReportKind::Loop, &ReportFilter::default(), RLang::En)
        .expect("report");
    let all = report.tables(RLang::En, Rows::All);
    let per_org = &all.last().expect("per organisation").rows;
    assert!(per_org.len() > 503, "{}", per_org.len());
    let name = |i: usize| per_org[i][1].text.clone();
    let mut app = app(&mut store, Lang::En, W, H);
    press(&mut app, KeyCode::End);
    let s = screen(&app, W, H);
    assert!(s.contains(&name(499)), "the 500th row:\n{s}");
    assert!(!s.contains(&name(500)), "the 501st row is not shown:\n{s}");
    let more = format!("… and {} more rows", per_org.len() - 500);
    assert!(s.contains(&more), "{more}:\n{s}");
}

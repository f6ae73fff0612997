//! The search popup and Ctrl-P quick jump, driven by keys on the demo data.

use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::domain::RecordRef;
use wijkdesk::store::Store;
use wijkdesk::tui::testing::{TempDb, ctrl, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Nl, "nl")];
const W: u16 = 120;
const H: u16 = 40;

fn app(store: &mut Store, lang: Lang, w: u16, h: u16) -> App<'_> {
    let mut app = App::new(
        store,
        Settings::new(lang, true, false),
        Size {
            width: w,
            height: h,
        },
    );
    app.select_screen("organisations");
    app
}

#[test]
fn search_popup_snapshots() {
    for (lang, code) in LANGS {
        for (w, h) in SIZES {
            let db = TempDb::new("search-snap");
            let mut store = db.demo();
            let mut app = app(&mut store, lang, w, h);
            type_text(&mut app, "S");
            type_text(&mut app, "afval");
            let path = db.path.display().to_string();
            let text = screen(&app, w, h).replace(&path, "[DB]");
            insta::assert_snapshot!(format!("search_{code}_{w}x{h}"), text);
        }
    }
}

/// Type a query in the search popup, take the first hit, and check it is shown selected.
fn open_first_hit(query: &str, kind_screen: &str) {
    let db = TempDb::new("search-open");
    let mut store = db.demo();
    let first = store.search(query, 50).unwrap()[0].record.clone();
    let want = RecordRef::parse(&first, None).unwrap();
    let mut app = app(&mut store, Lang::En, W, H);
    app.on_key(ctrl('f'));
    assert_eq!(app.popup_count(), 1);
    type_text(&mut app, query);
    let s = screen(&app, W, H);
    assert!(s.contains(&first), "{first} not offered:\n{s}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    assert_eq!(app.screen_id(), kind_screen);
    assert_eq!(app.selected_record(), Some(want), "{}", screen(&app, W, H));
}

#[test]
fn enter_opens_the_record_on_its_screen_selected() {
    open_first_hit("zwerfafval meeuwen", "inbox");
    open_first_hit("vijf werkdagen", "tracker");
    open_first_hit("Hofkwartier", "organisations");
    open_first_hit("Ingrid Smits", "people");
}

#[test]
fn down_then_enter_opens_the_second_hit() {
    let db = TempDb::new("search-down");
    let mut store = db.demo();
    let hits = store.search("afval", 50).unwrap();
    let second = RecordRef::parse(&hits[1].record, None).unwrap();
    let mut app = app(&mut store, Lang::En, W, H);
    type_text(&mut app, "S");
    type_text(&mut app, "afval");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_record(), Some(second));
}

#[test]
fn hostile_queries_show_results_or_a_message() {
    let db = TempDb::new("search-hostile");
    let mut store = db.demo();
    let queries = [
        "\"",
        "\"stoep",
        "stoep\"",
        "*",
        "stoep*",
        "NEAR",
        "NEAR(stoep tegel)",
        "(",
        ")",
        "()",
        "(stoep",
        "AND",
        "stoep AND",
        "OR NOT",
        "-",
        "^",
        ":",
        "title:stoep",
        "{}",
        "'; DROP TABLE signal; --",
        "\u{202e}stoep",
        "+",
        "\"*()\"",
    ];
    let expected: Vec<Result<usize, String>> = queries
        .iter()
        .map(|q| {
            store
                .search(q, 50)
                .map(|h| h.len())
                .map_err(|e| e.to_string())
        })
        .collect();
    let mut app = app(&mut store, Lang::En, W, H);
    for (q, want) in queries.iter().zip(expected) {
        type_text(&mut app, "S");
        assert_eq!(app.popup_count(), 1, "{q}");
        app.on_paste(q);
        let s = screen(&app, W, H);
        match want {
            Ok(0) => assert!(s.contains("Nothing matches"), "{q}:\n{s}"),
            Ok(n) => assert!(s.contains(&format!("{n} found")), "{q}:\n{s}"),
            Err(msg) => {
                let start: String = msg.chars().take(30).collect();
                assert!(s.contains(&start), "{q}: {msg}\n{s}");
            }
        }
        press(&mut app, KeyCode::Enter);
        if app.popup_count() == 1 {
            press(&mut app, KeyCode::Esc);
        }
        assert_eq!(app.popup_count(), 0, "{q}");
        app.select_screen("organisations");
    }
}

/// Ctrl-P, type, Enter: the record is shown selected on its screen.
fn jump(app: &mut App, typed: &str) {
    app.on_key(ctrl('p'));
    type_text(app, typed);
    press(app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 0, "{typed}");
}

#[test]
fn quick_jump_reaches_every_kind_by_id_and_by_name() {
    let db = TempDb::new("jump-kinds");
    let mut store = db.demo();
    let sig = store.search("Zwerfafval", 5).unwrap()[0].record.clone();
    let com = store.search("vijf werkdagen", 5).unwrap()[0].record.clone();
    let mut app = app(&mut store, Lang::En, W, H);
    for (id, screen_id) in [
        ("O-4", "organisations"),
        ("P-42", "people"),
        (sig.as_str(), "inbox"),
        (com.as_str(), "tracker"),
        ("M-3", "meetings"),
    ] {
        jump(&mut app, id);
        assert_eq!(app.screen_id(), screen_id, "{id}");
        assert_eq!(
            app.selected_record(),
            Some(RecordRef::parse(id, None).unwrap()),
            "{id}:\n{}",
            screen(&app, W, H)
        );
    }
    // By name: a signal's and a commitment's words, fuzzily.
    jump(&mut app, "zwerfafval meeuw");
    assert_eq!(app.screen_id(), "inbox");
    assert_eq!(
        app.selected_record().map(|r| r.to_string()),
        Some(sig.clone())
    );
    jump(&mut app, "Kapotte container binnen");
    assert_eq!(app.screen_id(), "tracker");
    assert_eq!(app.selected_record().map(|r| r.to_string()), Some(com));
    // Names of organisations still match fuzzily, before text hits.
    jump(&mut app, "zeehld");
    assert_eq!(app.screen_id(), "organisations");
    // An ID that does not exist offers nothing; Enter does nothing.
    app.on_key(ctrl('p'));
    type_text(&mut app, "S-99999");
    assert!(screen(&app, W, H).contains("Nothing matches"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 1);
}

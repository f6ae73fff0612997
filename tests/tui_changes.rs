//! The store says what changed: its change generation moves with every committed
//! write, on any connection and by any path, and the shell reloads what is shown
//! whenever it moved — no screen or popup has to ask for it.

mod support;

use crossterm::event::KeyCode;
use support::screens::{H, W, app};
use wijkdesk::store::{NewOrg, NewSignal, Store};
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{TempDb, fixed_ctx, press, screen, type_text};

/// The number after `label` and " (" on the screen, as in " Tracker (12) ".
fn count_after(s: &str, label: &str) -> usize {
    let pat = format!("{label} (");
    let at = s
        .find(&pat)
        .unwrap_or_else(|| panic!("no {pat:?} on the screen:\n{s}"));
    s[at + pat.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number after {pat:?}:\n{s}"))
}

/// The inbox tab's open count: " 1 Inbox (open/overdue!) ".
fn inbox_open(s: &str) -> usize {
    count_after(s, "Inbox")
}

/// The minutes-line count in the meetings screen's detail pane ("7 lines").
fn minutes_lines(s: &str) -> usize {
    let at = s
        .find(" lines")
        .unwrap_or_else(|| panic!("no minutes line count on the screen:\n{s}"));
    let digits: String = s[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// The meetings screen narrowed to one meeting.
fn meeting_shown(app: &mut App, title: &str) {
    assert!(app.select_screen("meetings"));
    type_text(app, "/");
    type_text(app, title);
    press(app, KeyCode::Enter);
}

fn open_editor(app: &mut App) {
    press(app, KeyCode::Enter);
    let s = screen(app, W, H);
    assert!(s.contains("Minutes of M-"), "{s}");
}

#[test]
fn the_generation_moves_with_every_commit_on_any_connection_and_not_with_reads() {
    let db = TempDb::new("changes-store");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let g0 = store.change_generation().unwrap();
    // Reads, also inside a snapshot, leave it alone.
    store.org_names().unwrap();
    store.snapshot(|s| s.org_names()).unwrap();
    assert_eq!(store.change_generation().unwrap(), g0);

    // Its own write through Store::write.
    store
        .add_org(NewOrg {
            name: "Generatie Een".into(),
            ..Default::default()
        })
        .unwrap();
    let g1 = store.change_generation().unwrap();
    assert!(g1 > g0, "{g0} → {g1}");

    // Its own write by another commit path (CSV import takes BEGIN IMMEDIATE itself).
    let csv = "Naam;Soort\r\nGeneratie Twee;bewonersorganisatie\r\n";
    let r = store.import_orgs(csv.as_bytes(), true).unwrap();
    assert!(r.problems.is_empty() && r.imported, "{:?}", r.problems);
    let g2 = store.change_generation().unwrap();
    assert!(g2 > g1, "{g1} → {g2}");

    // A refused write commits nothing and moves nothing.
    let refused = store.add_org(NewOrg::default());
    assert!(refused.is_err());
    assert_eq!(store.change_generation().unwrap(), g2);

    // Another connection's write.
    other
        .add_org(NewOrg {
            name: "Generatie Drie".into(),
            ..Default::default()
        })
        .unwrap();
    let g3 = store.change_generation().unwrap();
    assert!(g3 > g2, "{g2} → {g3}");
}

#[test]
fn an_action_from_a_minutes_line_shows_on_the_tracker_without_ctrl_l() {
    let db = TempDb::new("changes-tracker");
    let mut store = db.demo();
    let mut app = app(&mut store);
    // The tracker has been seen, so it holds a count that the line must move.
    assert!(app.select_screen("tracker"));
    let before = count_after(&screen(&app, W, H), "┌ Tracker");

    meeting_shown(&mut app, "Bezuidenhout");
    open_editor(&mut app);
    type_text(
        &mut app,
        "A: Lantaarnpaal uit de notulen melden @demo due:+1d",
    );
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, W, H);
    assert!(s.contains("created A-"), "{s}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));

    assert!(app.select_screen("tracker"));
    let s = screen(&app, W, H);
    assert_eq!(count_after(&s, "┌ Tracker"), before + 1, "{s}");
    assert!(s.contains("Lantaarnpaal uit de notulen"), "{s}");
    assert!(!s.contains("Reloaded"), "no Ctrl-L was needed:\n{s}");
}

#[test]
fn a_signal_from_a_minutes_line_moves_the_inbox_tab_count_at_once() {
    let db = TempDb::new("changes-tab");
    let mut store = db.demo();
    let mut app = app(&mut store);
    meeting_shown(&mut app, "Bezuidenhout");
    let before = inbox_open(&screen(&app, W, H));
    open_editor(&mut app);
    type_text(&mut app, "S: Losse stoeptegels bij de bibliotheek #verkeer");
    press(&mut app, KeyCode::Enter);
    // The tab bar above the open editor already counts it.
    let s = screen(&app, W, H);
    assert!(s.contains("created S-"), "{s}");
    assert_eq!(inbox_open(&s), before + 1, "{s}");
}

#[test]
fn deleting_a_minutes_line_updates_the_meeting_behind_the_editor() {
    let db = TempDb::new("changes-delete");
    let mut store = db.demo();
    let mut app = app(&mut store);
    meeting_shown(&mut app, "Bezuidenhout");
    let start = minutes_lines(&screen(&app, W, H));

    open_editor(&mut app);
    type_text(&mut app, "Opening door de voorzitter");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0);
    let s = screen(&app, W, H);
    assert_eq!(minutes_lines(&s), start + 1, "{s}");

    // The line again, deleted from the list of lines.
    open_editor(&mut app);
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "d");
    type_text(&mut app, "y");
    let s = screen(&app, W, H);
    assert!(s.contains("Deleted line"), "{s}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.popup_count(), 0, "{}", screen(&app, W, H));
    let s = screen(&app, W, H);
    assert_eq!(minutes_lines(&s), start, "{s}");
}

#[test]
fn a_write_by_a_second_connection_shows_after_a_tick() {
    let db = TempDb::new("changes-other");
    let mut store = db.demo();
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut app = app(&mut store);
    assert!(app.select_screen("tracker"));
    let before = inbox_open(&screen(&app, W, H));
    app.on_tick();
    app.take_dirty();
    app.on_tick();
    assert!(!app.take_dirty(), "nothing moved, nothing to draw");

    other
        .add_signal(NewSignal {
            title: "Melding van een collega".into(),
            ..Default::default()
        })
        .unwrap();
    // Not before the tick: the screen is not read while idle.
    assert_eq!(inbox_open(&screen(&app, W, H)), before);
    app.on_tick();
    assert!(app.take_dirty());
    let s = screen(&app, W, H);
    assert_eq!(inbox_open(&s), before + 1, "{s}");
}

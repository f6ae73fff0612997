//! The ledger's rules in the screens: triage shows the due date in force and keeps it,
//! a later date needs a reason (said next to the field), and merging signals of two
//! organisations asks first.

use crossterm::event::KeyCode;
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::SignalFilter;
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{
    TempDb, app_en, ctrl, filter_inbox, press, screen, signal_by_title, type_text,
};

const W: u16 = 120;
const H: u16 = 40;

/// From the owner field (after choosing one) to the due date: theme, expectation, due.
fn to_due(app: &mut App) {
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
}

fn clear(app: &mut App) {
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn triage_keeps_the_date_in_force_and_a_later_one_needs_a_reason() {
    let db = TempDb::new("ledger-triage");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let before = store.signal(id).unwrap();
    assert_eq!(before.state, SignalState::New);
    let due = before.feedback_due.expect("a due date");
    assert!(due < store.today(), "the demo's signal is overdue: {due}");
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");

    // The popup shows the date in force, and saving keeps it.
    type_text(&mut app, "t");
    type_text(&mut app, "Ingrid");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, W, H);
    assert!(s.contains(&due.to_string()), "the due date in force:\n{s}");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{:?}", app.status());
    let after = app.store().signal(id).unwrap();
    assert_eq!(after.state, SignalState::Triaged);
    assert_eq!(after.feedback_due, Some(due), "triage kept the date");
    assert_eq!(after.due_moves, 0);

    // A later date without a reason: refused next to the reason field, nothing saved.
    type_text(&mut app, "t");
    press(&mut app, KeyCode::Enter);
    to_due(&mut app);
    clear(&mut app);
    type_text(&mut app, "+14d");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 1, "the popup stays open");
    let s = screen(&app, W, H);
    assert!(s.contains("needs a reason"), "{s}");
    assert_eq!(app.store().signal(id).unwrap().feedback_due, Some(due));

    // With a reason the date moves; the promise stays.
    type_text(&mut app, "Wacht op advies van de dienst");
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0, "{:?}", app.status());
    let moved = app.store().signal(id).unwrap();
    let today = app.store().today();
    assert_eq!(moved.feedback_due, Some(today + chrono::Duration::days(14)));
    assert_eq!(moved.first_due, before.first_due, "the promise never moves");
    assert_eq!(moved.due_moves, 1);
    let timeline = app.store().timeline(id).unwrap();
    assert!(
        timeline
            .iter()
            .any(|e| e.event == "due-date" && e.detail.contains("Wacht op advies van de dienst")),
        "{timeline:#?}"
    );

    // The detail says what was promised and how often it moved.
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, W, H);
    assert!(s.contains("Promised"), "{s}");
    assert!(s.contains("moved 1×"), "{s}");
}

#[test]
fn merging_signals_of_two_organisations_asks_first() {
    let db = TempDb::new("ledger-merge");
    let mut store = db.demo();
    let open = store.signals(&SignalFilter::default()).unwrap();
    let first = open
        .iter()
        .find(|r| r.org.is_some())
        .expect("an open signal");
    let other = open
        .iter()
        .find(|r| r.org.is_some() && r.org != first.org)
        .expect("another organisation's open signal");
    let (id, into) = (first.id, other.id);
    let title: String = first.title.chars().take(20).collect();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, &title);

    // No: nothing merged.
    type_text(&mut app, "m");
    type_text(&mut app, &format!("S-{into}"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.popup_count(), 1, "a question: {:?}", app.status());
    // The whole question is on the screen, however it wraps.
    let s = screen(&app, W, H);
    let flat: String = s
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "Merge across organisations?",
        "stays owed its answer",
        "recorded for it too",
    ] {
        assert!(flat.contains(words), "{words:?} in:\n{s}");
    }
    type_text(&mut app, "n");
    assert_eq!(app.popup_count(), 0);
    assert!(app.store().signal(id).unwrap().state.is_open());

    // Yes: merged, and the timeline says the organisation is still owed its answer.
    type_text(&mut app, "m");
    type_text(&mut app, &format!("S-{into}"));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "y");
    let merged = app.store().signal(id).unwrap();
    assert_eq!(merged.state, SignalState::Merged, "{:?}", app.status());
    assert_eq!(merged.merged_into, Some(into));
    let timeline = app.store().timeline(id).unwrap();
    assert!(
        timeline
            .iter()
            .any(|e| e.detail.contains("is owed the final feedback")),
        "{timeline:#?}"
    );
}

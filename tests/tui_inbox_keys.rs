//! The signal loop from the keyboard, in-process: a demo signal from new to closed
//! (triage, start, interim feedback, a commitment kept, final feedback, close), and
//! refused steps that leave the signal as it was and say why.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::screens::{H, W, shows};
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::CommitmentFilter;
use wijkdesk::tui::App;
use wijkdesk::tui::testing::{
    TempDb, app_en, ctrl, filter_inbox, press, screen, signal_by_title, type_text,
};

fn space(app: &mut App) {
    app.on_key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE));
}

#[test]
fn a_signal_from_new_to_closed_by_keys() {
    let db = TempDb::new("loop-keys");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    assert_eq!(store.signal(id).unwrap().state, SignalState::New);
    let mut app = app_en(&mut store, W, H);
    assert_eq!(app.screen_id(), "inbox");
    filter_inbox(&mut app, "Parkeerdruk");
    shows(&app, &format!("S-{id}"));

    // Triage: owner by fuzzy name, theme kept, an expectation, the default due date.
    type_text(&mut app, "t");
    shows(&app, &format!("Triage S-{id}"));
    type_text(&mut app, "Ingrid");
    press(&mut app, KeyCode::Enter); // take the owner
    press(&mut app, KeyCode::Tab); // theme as it was
    type_text(&mut app, "We check the parking pressure with DSO.");
    app.on_key(ctrl('s'));
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains(&format!("Triaged S-{id}")), "{st}");
    assert_eq!(app.popup_count(), 0);

    // Start, then interim feedback.
    type_text(&mut app, "s");
    assert!(
        app.status().unwrap_or_default().contains("Started"),
        "{:?}",
        app.status()
    );
    type_text(&mut app, "f");
    shows(&app, &format!("Feedback on S-{id}"));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "We are on it; expect news in two weeks.");
    app.on_key(ctrl('s'));
    assert!(
        app.status()
            .unwrap_or_default()
            .contains("Interim feedback"),
        "{:?}\n{}",
        app.status(),
        screen(&app, W, H)
    );

    // The detail: a commitment linked to the signal.
    press(&mut app, KeyCode::Enter);
    shows(&app, "Timeline");
    type_text(&mut app, "C");
    shows(&app, &format!("New commitment for S-{id}"));
    type_text(&mut app, "Extra parking check in February");
    press(&mut app, KeyCode::Tab); // organisation: the signal's own
    press(&mut app, KeyCode::Tab); // owner: the current user (demo is a person)
    app.on_key(ctrl('s'));
    let commitments = app
        .store()
        .commitments(&CommitmentFilter {
            signal_id: Some(id),
            ..CommitmentFilter::default()
        })
        .unwrap();
    assert_eq!(
        commitments.len(),
        1,
        "{:?}\n{}",
        app.status(),
        screen(&app, W, H)
    );
    let c = commitments[0].reference().to_string();
    shows(&app, &c); // the detail lists it

    // Keep it from the tracker.
    type_text(&mut app, "2");
    assert_eq!(app.screen_id(), "tracker");
    for _ in 0..200 {
        let s = screen(&app, W, H);
        if s.lines().any(|l| l.contains("│> ") && l.contains(&c)) {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "d");
    assert!(
        app.status().unwrap_or_default().contains("kept"),
        "{:?}",
        app.status()
    );

    // Final feedback and close, back on the signal's detail.
    type_text(&mut app, "1");
    shows(&app, "Timeline");
    type_text(&mut app, "f");
    space(&mut app); // interim -> final
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "The extra parking spaces are open.");
    app.on_key(ctrl('s'));
    assert!(
        app.status().unwrap_or_default().contains("Final feedback"),
        "{:?}",
        app.status()
    );
    type_text(&mut app, "c");
    assert!(
        app.status().unwrap_or_default().contains("Closed"),
        "{:?}",
        app.status()
    );
    let s = shows(&app, "closed");
    assert!(s.contains("The extra parking spaces are open."), "{s}");
    drop(app);

    // The store holds every step, and the timeline shows them in order.
    let sig = store.signal(id).unwrap();
    assert_eq!(sig.state, SignalState::Closed);
    assert!(sig.owner_person_id.is_some());
    assert_eq!(
        sig.expectation.as_deref(),
        Some("We check the parking pressure with DSO.")
    );
    let fb = store.feedback_of(id).unwrap();
    assert_eq!(
        fb.iter().map(|f| f.is_final).collect::<Vec<_>>(),
        [false, true]
    );
    let kept = store.commitment(commitments[0].id).unwrap();
    assert_eq!(kept.state.code(), "kept");
    let events: Vec<String> = store
        .timeline(id)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    let want = [
        "received",
        "triaged",
        "started",
        "feedback",
        "commitment",
        "commitment",
        "feedback",
        "closed",
    ];
    let mut at = 0;
    for e in &events {
        if at < want.len() && e.contains(want[at]) {
            at += 1;
        }
    }
    assert_eq!(at, want.len(), "timeline in order {want:?}, got {events:?}");
}

#[test]
fn refused_steps_leave_the_signal_and_say_why() {
    let db = TempDb::new("loop-refused");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let before = store.signal(id).unwrap();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");

    // Close a new signal: no final feedback yet.
    type_text(&mut app, "c");
    let st = app.status().unwrap_or_default().to_string();
    assert!(
        st.contains(&format!("S-{id}")) && st.contains("cannot"),
        "{st}"
    );
    shows(&app, "cannot");
    // Start before triage; reopen an open signal.
    type_text(&mut app, "s");
    assert!(
        app.status().unwrap_or_default().contains("cannot"),
        "{:?}",
        app.status()
    );
    type_text(&mut app, "o");
    assert!(
        app.status().unwrap_or_default().contains("cannot"),
        "{:?}",
        app.status()
    );
    assert_eq!(app.popup_count(), 0);

    // Triage without an owner: the message stands next to the owner field.
    type_text(&mut app, "t");
    app.on_key(ctrl('s'));
    shows(&app, "Choose an owner");
    press(&mut app, KeyCode::Esc);
    // Feedback without text.
    type_text(&mut app, "f");
    app.on_key(ctrl('s'));
    shows(&app, "Required.");
    press(&mut app, KeyCode::Esc);
    drop(app);
    assert_eq!(store.signal(id).unwrap(), before);
    assert!(store.feedback_of(id).unwrap().is_empty());
}

#[test]
fn marked_signals_are_triaged_each_on_its_own() {
    let db = TempDb::new("loop-marks");
    let mut store = db.demo();
    let mut app = app_en(&mut store, W, H);
    // The first two rows of the inbox.
    space(&mut app);
    space(&mut app);
    shows(&app, "2 marked");
    type_text(&mut app, "t");
    shows(&app, "Triage 2 marked signals");
    type_text(&mut app, "Ingrid");
    app.on_key(ctrl('s'));
    let st = app.status().unwrap_or_default().to_string();
    assert!(
        st.contains("Triaged 2") || st.contains("Triaged S-"),
        "{st}"
    );
}

#[test]
fn quick_add_points_out_problems_and_keeps_the_line() {
    let db = TempDb::new("loop-quick");
    let mut store = db.demo();
    let before = store.inbox_counts().unwrap();
    let mut app = app_en(&mut store, W, H);
    type_text(&mut app, "a");
    type_text(
        &mut app,
        "Loose paving stones near school org:Nowhere #verkeer",
    );
    press(&mut app, KeyCode::Enter);
    let s = shows(&app, "no organisation matches");
    assert!(
        s.contains("Loose paving stones near school org:Nowhere"),
        "{s}"
    );
    for _ in 0.."Nowhere #verkeer".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Zeeheld #verkeer");
    press(&mut app, KeyCode::Enter);
    let st = app.status().unwrap_or_default().to_string();
    assert!(st.contains("Added S-"), "{st}\n{}", screen(&app, W, H));
    drop(app);
    assert_eq!(store.inbox_counts().unwrap().open, before.open + 1);
    let id = signal_by_title(&store, "Loose paving stones near school");
    let s = store.signal(id).unwrap();
    assert_eq!(s.theme.as_deref(), Some("verkeer"));
    assert!(s.org_id.is_some());
}

#[test]
fn the_owner_picker_offers_staff_only_and_refuses_a_resident_or_several() {
    let db = TempDb::new("loop-owner");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let before = store.signal(id).unwrap();
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    type_text(&mut app, "t");
    shows(&app, &format!("Triage S-{id}"));

    // A residents' chair is not in the list, and typing the name is refused with why.
    type_text(&mut app, "Hans van der Meer");
    let s = shows(&app, "Nothing matches.");
    assert!(
        !s.lines()
            .any(|l| l.contains("Hans van der Meer -") || l.contains("> Hans")),
        "a resident offered as owner:\n{s}"
    );
    app.on_key(ctrl('s'));
    let s = shows(&app, "a residents' organisation");
    assert!(s.contains("Hans van der Meer (P-1)"), "{s}");
    assert_eq!(app.popup_count(), 1, "the form stays open");

    // Text that fits several members of staff: refused with the candidates, not the
    // list's first guess.
    for _ in 0.."Hans van der Meer".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "de");
    app.on_key(ctrl('s'));
    let s = shows(&app, "matches more than one owner");
    assert!(s.contains("Marloes de Wit (P-"), "{s}");

    // Text that matches nobody at all.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "Zzyzx");
    app.on_key(ctrl('s'));
    shows(&app, "no person or service matches");
    press(&mut app, KeyCode::Esc);
    drop(app);
    assert_eq!(store.signal(id).unwrap(), before, "nothing was saved");
}

#[test]
fn the_commitment_form_refuses_a_resident_as_owner() {
    let db = TempDb::new("loop-form-owner");
    let mut store = db.demo();
    let id = signal_by_title(&store, "Parkeerdruk");
    let mut app = app_en(&mut store, W, H);
    filter_inbox(&mut app, "Parkeerdruk");
    press(&mut app, KeyCode::Enter);
    shows(&app, "Timeline");
    type_text(&mut app, "C");
    shows(&app, &format!("New commitment for S-{id}"));
    type_text(&mut app, "Extra parking check in February");
    press(&mut app, KeyCode::Tab); // organisation: the signal's own
    press(&mut app, KeyCode::Tab); // owner: the current user, replaced by a resident
    for _ in 0..8 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Hans van der Meer");
    app.on_key(ctrl('s'));
    shows(&app, "a residents' organisation");
    assert_eq!(
        app.popup_count(),
        1,
        "the form stays open with the typed values"
    );
    let none = app
        .store()
        .commitments(&CommitmentFilter {
            signal_id: Some(id),
            ..CommitmentFilter::default()
        })
        .unwrap();
    assert!(none.is_empty(), "{none:?}");
}

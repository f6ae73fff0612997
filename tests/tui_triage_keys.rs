//! Triage at the speed of speech, in-process through the real key map: five triages
//! in a row, each at most five keys besides the words typed, each moving on to the
//! next untriaged signal in the inbox's order with the who-does-what owner; and the
//! who-does-what popup giving a signal to a contact, opening a person, and showing
//! the conflict dialog when someone else changed the signal meanwhile.

use crossterm::event::{KeyCode, KeyEvent};
use wijkdesk::domain::signal::SignalState;
use wijkdesk::store::{InboxFilter, Store};
use wijkdesk::tui::testing::{TempDb, app_en, ctrl, fixed_ctx, key, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 120;
const H: u16 = 40;

/// The keys a user presses, counted; the words they type are not.
struct Keys {
    n: usize,
}

impl Keys {
    fn press(&mut self, app: &mut App, k: KeyEvent) {
        self.n += 1;
        app.on_key(k);
    }
}

/// The first untriaged signal in the inbox's order.
fn first_untriaged(store: &Store) -> i64 {
    let f = InboxFilter {
        untriaged: true,
        ..Default::default()
    };
    store.inbox_page(&f, None, 1).unwrap()[0].id
}

/// The owner triage should suggest: the first who-does-what contact for the signal's
/// district and theme who may own work.
fn suggested_owner(store: &Store, id: i64) -> (i64, String) {
    let sig = store.signal(id).unwrap();
    let eligible: Vec<String> = store
        .owner_choices()
        .unwrap()
        .into_iter()
        .map(|c| c.reference.to_string())
        .collect();
    let p = store
        .who_does_what(
            sig.district.as_deref().unwrap_or(""),
            sig.theme.as_deref().unwrap_or(""),
        )
        .unwrap()
        .into_iter()
        .find(|p| eligible.contains(&p.reference().to_string()))
        .unwrap_or_else(|| panic!("nobody covers S-{id}"));
    (p.id, p.name)
}

fn select(app: &mut App, id: i64) {
    for _ in 0..500 {
        if app.selected_record().map(|r| r.id) == Some(id) {
            return;
        }
        app.on_key(key(KeyCode::Char('j')));
    }
    panic!("S-{id} is not in the inbox");
}

#[test]
fn five_triages_in_a_row_take_at_most_five_keys_each() {
    let db = TempDb::new("triage-five");
    let mut store = db.demo();
    let first = first_untriaged(&store);
    let mut app = app_en(&mut store, W, H);
    assert_eq!(app.screen_id(), "inbox");
    // Getting to the first one is navigation, not triage.
    select(&mut app, first);
    for round in 0..5 {
        // The inbox selected the next untriaged signal itself: no key was spent on it.
        let id = app.selected_record().expect("a signal is selected").id;
        let (expected_next, (owner_id, owner_name), due_before) = {
            let st = app.store();
            let sig = st.signal(id).unwrap();
            (
                first_untriaged(st),
                suggested_owner(st, id),
                sig.feedback_due,
            )
        };
        assert_eq!(
            id, expected_next,
            "round {round}: the next untriaged signal"
        );
        let mut keys = Keys { n: 0 };
        keys.press(&mut app, key(KeyCode::Char('t')));
        assert_eq!(app.popup_count(), 1, "round {round}: the triage popup");
        let frame = screen(&app, W, H);
        assert!(frame.contains(&format!("Triage S-{id}")), "{frame}");
        assert!(
            frame.contains("(who does what)"),
            "suggestion marked:\n{frame}"
        );
        keys.press(&mut app, key(KeyCode::Enter)); // the suggested owner
        keys.press(&mut app, key(KeyCode::Tab)); // the theme as it is

        type_text(&mut app, &format!("We look into it, round {round}."));
        keys.press(&mut app, ctrl('s'));
        assert!(keys.n <= 5, "round {round}: {} keys", keys.n);
        assert_eq!(app.popup_count(), 0, "round {round}: no popup stays open");
        let status = app.status().unwrap_or_default().to_string();
        assert!(
            status.starts_with(&format!("Triaged S-{id} → {owner_name}"))
                && status.contains(", due "),
            "round {round}: {status}"
        );
        let frame = screen(&app, W, H);
        assert!(
            !frame.contains(" Signal ") || frame.contains("Inbox"),
            "no detail opens:\n{frame}"
        );
        let sig = app.store().signal(id).unwrap();
        assert_eq!(sig.state, SignalState::Triaged, "round {round}");
        assert_eq!(sig.owner_person_id, Some(owner_id), "round {round}");
        assert_eq!(sig.feedback_due, due_before, "round {round}: due date kept");
        assert_eq!(
            sig.expectation.as_deref(),
            Some(format!("We look into it, round {round}.").as_str())
        );
        assert_ne!(app.selected_record().map(|r| r.id), Some(id));
    }
}

#[test]
fn triage_speaks_dutch_and_suggests_in_dutch() {
    let db = TempDb::new("triage-nl");
    let mut store = db.demo();
    let first = first_untriaged(&store);
    let (_, owner_name) = suggested_owner(&store, first);
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        ratatui::layout::Size {
            width: W,
            height: H,
        },
    );
    select(&mut app, first);
    app.on_key(key(KeyCode::Char('t')));
    let frame = screen(&app, W, H);
    assert!(frame.contains("(wie doet wat)"), "{frame}");
    app.on_key(key(KeyCode::Enter));
    app.on_key(ctrl('s'));
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.starts_with(&format!("S-{first} beoordeeld → {owner_name}"))
            && status.contains(", uiterlijk "),
        "{status}"
    );
    assert_ne!(app.selected_record().map(|r| r.id), Some(first));
}

/// Opens who-does-what on the selected signal and goes to its contacts.
fn who_contacts(app: &mut App) {
    app.on_key(key(KeyCode::Char('w')));
    assert_eq!(app.popup_count(), 1);
    app.on_key(key(KeyCode::Enter)); // district as the signal's
    app.on_key(key(KeyCode::Enter)); // theme as the signal's
}

#[test]
fn who_does_what_gives_the_selected_signal_to_a_contact() {
    let db = TempDb::new("who-assign");
    let mut store = db.demo();
    let id = first_untriaged(&store);
    let (owner_id, owner_name) = suggested_owner(&store, id);
    let events_before = store.timeline(id).unwrap().len();
    let mut app = app_en(&mut store, W, H);
    select(&mut app, id);
    who_contacts(&mut app);
    let frame = screen(&app, W, H);
    assert!(frame.contains(&format!("give S-{id} to them")), "{frame}");
    assert!(frame.contains("open person"), "{frame}");
    app.on_key(key(KeyCode::Char('a')));
    assert_eq!(app.popup_count(), 0);
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.contains(&format!("S-{id} given to {owner_name}")),
        "{status}"
    );
    let st = app.store();
    let sig = st.signal(id).unwrap();
    assert_eq!(sig.owner_person_id, Some(owner_id));
    assert_eq!(sig.state, SignalState::New, "giving is not triaging");
    assert_eq!(sig.version, 2, "a versioned write");
    let timeline = st.timeline(id).unwrap();
    assert_eq!(timeline.len(), events_before + 1);
    let last = timeline.last().unwrap();
    assert_eq!(last.event, "assigned");
    assert!(last.detail.contains(&owner_name), "{}", last.detail);
}

#[test]
fn who_does_what_refuses_a_stale_signal_with_the_conflict_dialog() {
    let db = TempDb::new("who-conflict");
    let mut store = db.demo();
    let id = first_untriaged(&store);
    let (owner_id, owner_name) = suggested_owner(&store, id);
    let mut app = app_en(&mut store, W, H);
    select(&mut app, id);
    who_contacts(&mut app);
    // Someone else gives the signal to another person meanwhile.
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let someone = other
        .owner_choices()
        .unwrap()
        .into_iter()
        .find(|c| !c.is_service && c.reference.id != owner_id)
        .unwrap();
    let theirs = other
        .assign_signal(
            id,
            wijkdesk::store::Owner {
                person_id: Some(someone.reference.id),
                org_id: None,
            },
            None,
        )
        .unwrap();
    drop(other);
    app.on_key(key(KeyCode::Char('a')));
    let frame = screen(&app, W, H);
    assert!(frame.contains("Changed by someone else"), "{frame}");
    assert!(frame.contains(&someone.name), "their owner shows:\n{frame}");
    assert_eq!(
        app.store().signal(id).unwrap().owner_person_id,
        Some(someone.reference.id),
        "nothing written over theirs yet"
    );
    // Overwrite: the chosen contact, on top of their version.
    app.on_key(key(KeyCode::Char('o')));
    let sig = app.store().signal(id).unwrap();
    assert_eq!(sig.owner_person_id, Some(owner_id), "{:?}", app.status());
    assert_eq!(sig.version, theirs.version + 1);
    assert!(
        app.status()
            .unwrap_or_default()
            .contains(&format!("given to {owner_name}"))
    );
}

#[test]
fn enter_on_a_contact_opens_the_person_with_their_open_work() {
    let db = TempDb::new("who-person");
    let mut store = db.demo();
    let id = first_untriaged(&store);
    let (owner_id, owner_name) = suggested_owner(&store, id);
    // Give them the signal first, so that it shows among their open work.
    store
        .assign_signal(
            id,
            wijkdesk::store::Owner {
                person_id: Some(owner_id),
                org_id: None,
            },
            None,
        )
        .unwrap();
    let mut app = app_en(&mut store, W, H);
    select(&mut app, id);
    who_contacts(&mut app);
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.popup_count(), 0);
    assert_eq!(app.screen_id(), "people");
    let frame = screen(&app, W, H);
    assert!(frame.contains(&owner_name), "{frame}");
    assert!(frame.contains("Open signals and commitments"), "{frame}");
    assert!(frame.contains(&format!("S-{id} ")), "{frame}");
    // Choose the signal and open it.
    for _ in 0..200 {
        if screen(&app, W, H).contains(&format!("> S-{id} ")) {
            break;
        }
        app.on_key(key(KeyCode::Down));
    }
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.screen_id(), "inbox");
    let frame = screen(&app, W, H);
    assert!(frame.contains("Timeline"), "the signal in full:\n{frame}");
    assert_eq!(app.selected_record().map(|r| r.id), Some(id));
}

#[test]
fn who_does_what_speaks_dutch_in_its_hints_and_the_person_view() {
    let db = TempDb::new("who-nl");
    let mut store = db.demo();
    let id = first_untriaged(&store);
    let (_, owner_name) = suggested_owner(&store, id);
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::Nl, true, false),
        ratatui::layout::Size {
            width: W,
            height: H,
        },
    );
    select(&mut app, id);
    who_contacts(&mut app);
    let frame = screen(&app, W, H);
    assert!(
        frame.contains(&format!("geef S-{id} aan deze persoon")),
        "{frame}"
    );
    assert!(frame.contains("persoon openen"), "{frame}");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.screen_id(), "people");
    let frame = screen(&app, W, H);
    assert!(frame.contains(&owner_name), "{frame}");
    assert!(frame.contains("Open signalen en toezeggingen"), "{frame}");
}

#[test]
fn a_closed_signal_is_not_given_to_anyone() {
    let db = TempDb::new("assign-closed");
    let mut store = db.demo();
    let closed = store
        .signals(&wijkdesk::store::SignalFilter {
            states: vec![SignalState::Closed],
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .next()
        .expect("a closed demo signal");
    let before = store.signal(closed.id).unwrap();
    let someone = store
        .owner_choices()
        .unwrap()
        .into_iter()
        .find(|c| !c.is_service)
        .unwrap();
    let err = store
        .assign_signal(
            closed.id,
            wijkdesk::store::Owner {
                person_id: Some(someone.reference.id),
                org_id: None,
            },
            Some(before.version),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("only an open signal"), "{err}");
    assert_eq!(store.signal(closed.id).unwrap(), before, "nothing changed");
}

#[test]
fn a_triage_from_the_signals_detail_moves_on_too() {
    let db = TempDb::new("triage-detail");
    let mut store = db.demo();
    let first = first_untriaged(&store);
    let mut app = app_en(&mut store, W, H);
    select(&mut app, first);
    app.on_key(key(KeyCode::Enter));
    assert!(
        screen(&app, W, H).contains("Timeline"),
        "the detail is open"
    );
    app.on_key(key(KeyCode::Char('t')));
    app.on_key(key(KeyCode::Enter));
    app.on_key(key(KeyCode::Tab));
    app.on_key(ctrl('s'));
    assert_eq!(app.popup_count(), 0);
    let frame = screen(&app, W, H);
    assert!(!frame.contains("Timeline"), "the detail closed:\n{frame}");
    assert_eq!(
        app.store().signal(first).unwrap().state,
        SignalState::Triaged
    );
    let next = first_untriaged(app.store());
    assert_eq!(app.selected_record().map(|r| r.id), Some(next));
}

#[test]
fn triaging_the_last_untriaged_signal_says_none_is_left() {
    let db = TempDb::new("triage-last");
    let mut store = db.demo();
    // Triage all but one directly in the store, as colleagues would have.
    let f = InboxFilter {
        untriaged: true,
        ..Default::default()
    };
    let open = store.inbox_page(&f, None, 10_000).unwrap();
    assert!(open.len() > 1, "the demo has several untriaged signals");
    let last = open.last().unwrap().id;
    for row in &open[..open.len() - 1] {
        let (owner_id, _) = suggested_owner(&store, row.id);
        let t = wijkdesk::store::Triage {
            owner: Some(wijkdesk::store::Owner {
                person_id: Some(owner_id),
                org_id: None,
            }),
            theme: None,
            expectation: Some("Done by a colleague.".into()),
            feedback_due: None,
            reason: None,
        };
        store.triage(row.id, t, None).unwrap();
    }
    assert_eq!(first_untriaged(&store), last);
    let mut app = app_en(&mut store, W, H);
    select(&mut app, last);
    app.on_key(key(KeyCode::Char('t')));
    app.on_key(key(KeyCode::Enter));
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "The last one.");
    app.on_key(ctrl('s'));
    let status = app.status().unwrap_or_default().to_string();
    assert!(
        status.starts_with(&format!("Triaged S-{last} → "))
            && status.ends_with("Nothing left to triage."),
        "{status}"
    );
    assert_eq!(
        app.store().signal(last).unwrap().state,
        SignalState::Triaged
    );
}

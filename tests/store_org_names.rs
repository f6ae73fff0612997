//! The organisation-name generation (schema/021): it moves whenever an organisation is
//! added, renamed or given another short name, on any connection, and not on other
//! edits; and the screens show a rename made by another user after their refresh.

use ratatui::layout::Size;
use wijkdesk::store::{NewOrg, OrgEdit};
use wijkdesk::tui::testing::{TempDb, ctrl, screen};
use wijkdesk::tui::{App, Lang, Settings};

#[test]
fn the_generation_moves_with_names_only() {
    let db = TempDb::new("org-names-gen");
    let mut store = db.open();
    let g0 = store.org_names_generation().unwrap();
    let org = store
        .add_org(NewOrg {
            name: "Bewonersorganisatie Eikenhorst".into(),
            ..Default::default()
        })
        .unwrap();
    let g1 = store.org_names_generation().unwrap();
    assert!(g1 > g0, "{g0} → {g1}");
    store
        .edit_org(
            org.id,
            OrgEdit {
                notes: Some("Meets on Tuesdays.".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(
        store.org_names_generation().unwrap(),
        g1,
        "notes are no name"
    );
    store
        .edit_org(
            org.id,
            OrgEdit {
                short_name: Some("Eikenhorst".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let g2 = store.org_names_generation().unwrap();
    assert!(g2 > g1, "{g1} → {g2}");
    // Another user's rename, on a connection of its own.
    let mut other = db.open();
    other
        .edit_org(
            org.id,
            OrgEdit {
                name: Some("Bewonersvereniging Eikenhorst".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert!(store.org_names_generation().unwrap() > g2);
}

#[test]
fn the_screens_show_another_users_rename_after_their_refresh() {
    let db = TempDb::new("org-names-tui");
    let mut store = db.demo();
    let (id, name) = {
        let orgs = store.org_names().unwrap();
        let (name, _) = orgs
            .into_iter()
            .find(|(n, s)| n.starts_with("Bewonersorganisatie Zeeheldenkwartier") && s.is_none())
            .expect("the demo has the Zeeheldenkwartier");
        let id = store.resolve_org(&name).unwrap();
        (id, name)
    };
    let mut app = App::new(
        &mut store,
        Settings::new(Lang::En, true, false),
        Size {
            width: 80,
            height: 24,
        },
    );
    let before = screen(&app, 80, 24);
    assert!(before.contains("Zeeheldenkwarti"), "{name}:\n{before}");
    let mut other = db.open();
    other
        .edit_org(
            id,
            OrgEdit {
                short_name: Some("Zeehelden-Noord".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    app.on_key(ctrl('l'));
    let after = screen(&app, 80, 24);
    assert!(after.contains("Zeehelden-Noord"), "{after}");
}

#[test]
fn the_terminal_draws_first_and_shortens_the_names_right_after() {
    let db = TempDb::new("org-names-first-frame");
    let mut store = db.demo();
    let size = Size {
        width: 80,
        height: 24,
    };
    let settings = || Settings::new(Lang::En, true, false);
    let settled = {
        let app = App::new(&mut store, settings(), size);
        screen(&app, 80, 24)
    };
    let mut app = App::new_for_terminal(&mut store, settings(), size);
    let first = screen(&app, 80, 24);
    assert!(app.after_first_frame(), "the names were left for later");
    assert!(app.take_dirty(), "and the frame is drawn again");
    assert_eq!(screen(&app, 80, 24), settled);
    assert!(!app.after_first_frame(), "only once");
    // The first frame already drops the usual kind words, so little moves.
    assert_eq!(first.lines().count(), settled.lines().count());
    assert!(first.contains("Inbox"), "{first}");
}

//! Who is working, on the screens: the top bar names the person whose username is the
//! account, and history shows the account beside an overriding name.

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijkdesk::store::{Ctx, NewOrg, NewPerson, NewSignal, Owner, Store, Triage};
use wijkdesk::tui::testing::{TempDb, press, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

/// This process's account, looked up independently of wijkdesk: `id -un`.
fn account() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .expect("run id -un");
    assert!(out.status.success(), "id -un failed");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn open_app(store: &mut Store, w: u16, h: u16) -> App<'_> {
    App::new(
        store,
        Settings::new(Lang::En, true, false),
        Size {
            width: w,
            height: h,
        },
    )
}

fn top_bar(app: &App, w: u16, h: u16) -> String {
    screen(app, w, h)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

fn org(store: &mut Store) {
    store
        .add_org(NewOrg {
            name: "Wijkberaad Zeeheld".into(),
            ..Default::default()
        })
        .unwrap();
}

#[test]
fn the_top_bar_names_the_person_whose_username_is_the_account() {
    let me = account();
    let db = TempDb::new("actor-top-bar");
    let mut store = Store::open(&db.path, Ctx::new(wijkdesk::account::current(), today())).unwrap();
    assert_eq!(store.user(), me);
    org(&mut store);
    store
        .add_person(NewPerson {
            name: "Linda Jansen".into(),
            username: Some(me.clone()),
            ..Default::default()
        })
        .unwrap();
    let app = open_app(&mut store, 160, 30);
    let bar = top_bar(&app, 160, 30);
    assert!(
        bar.ends_with(&format!(" Linda Jansen ({me}) @ wijkdesk.db")),
        "{bar}"
    );
    // Where the tabs leave less room, the file name gives way to the person's name;
    // at 80 columns, where every tab keeps its name, the name stands without the
    // account. (Measured for account names up to 8 characters.)
    if me.chars().count() <= 8 {
        for (w, end) in [
            (120, format!(" Linda Jansen ({me})")),
            (80, " Linda Jansen".to_string()),
        ] {
            let bar = top_bar(&app, w, 30);
            assert!(bar.ends_with(&end), "{w}: {bar}");
            assert!(bar.contains(" 6 Reports"), "{w}: {bar}");
        }
    }
    // Below 80 columns the other tabs give way first (digits), and whatever room is
    // left names the person; where even the name does not fit, the account stands alone.
    let bar = top_bar(&app, 60, 30);
    assert!(bar.contains(" 2 3 4 5 6 "), "{bar}");
    assert!(
        bar.ends_with(&format!(" Linda Jansen ({me}) @ wijkdesk.db")),
        "{bar}"
    );
    if me.chars().count() <= 8 {
        let bar = top_bar(&app, 36, 30);
        assert!(bar.ends_with(&format!(" {me}")), "{bar}");
        assert!(!bar.contains("Linda"), "{bar}");
    }
}

#[test]
fn without_a_matching_person_the_top_bar_names_the_account() {
    let me = account();
    let db = TempDb::new("actor-top-bar-bare");
    let mut store = Store::open(&db.path, Ctx::new(wijkdesk::account::current(), today())).unwrap();
    org(&mut store);
    store
        .add_person(NewPerson {
            name: "Linda Jansen".into(),
            username: Some(format!("not-{me}")),
            ..Default::default()
        })
        .unwrap();
    let app = open_app(&mut store, 120, 30);
    let bar = top_bar(&app, 120, 30);
    assert!(bar.ends_with(&format!(" {me} @ wijkdesk.db")), "{bar}");
    assert!(!bar.contains("Linda"), "{bar}");
}

#[test]
fn history_shows_the_account_beside_an_overriding_name() {
    let db = TempDb::new("actor-history");
    let ctx = Ctx {
        user: "demo".into(),
        account: "beheer".into(),
        today: today(),
    };
    let mut store = Store::open(&db.path, ctx).unwrap();
    org(&mut store);
    let mut app = open_app(&mut store, 120, 30);
    assert!(app.select_screen("organisations"));
    type_text(&mut app, "H");
    let s = screen(&app, 120, 30);
    assert!(s.contains("demo (account beheer)"), "{s}");
    press(&mut app, KeyCode::Esc);

    // Without an override the name stands alone.
    drop(app);
    drop(store);
    let ctx = Ctx {
        user: "beheer".into(),
        account: "beheer".into(),
        today: today(),
    };
    let mut store = Store::open(&db.path, ctx).unwrap();
    store
        .add_org(NewOrg {
            name: "Bewonersoverleg Duinoord".into(),
            ..Default::default()
        })
        .unwrap();
    let mut app = open_app(&mut store, 120, 30);
    assert!(app.select_screen("organisations"));
    type_text(&mut app, "/Duinoord");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "H");
    let s = screen(&app, 120, 30);
    assert!(s.contains("History of O-2"), "{s}");
    assert!(s.contains("beheer  created"), "{s}");
    assert!(!s.contains("(account"), "{s}");
}

#[test]
fn mine_in_the_inbox_is_the_person_whose_username_is_the_account() {
    let me = account();
    let db = TempDb::new("actor-mine");
    let mut store = Store::open(&db.path, Ctx::new(wijkdesk::account::current(), today())).unwrap();
    org(&mut store);
    // An owner is staff: Linda works for a service.
    let dsb = store
        .add_org(NewOrg {
            name: "Dienst Stadsbeheer".into(),
            kind: Some("service".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let linda = store
        .add_person(NewPerson {
            name: "Linda Jansen".into(),
            org_id: Some(dsb),
            username: Some(me.clone()),
            ..Default::default()
        })
        .unwrap()
        .id;
    for title in ["Losse tegels bij de school", "Kapotte lantaarnpaal"] {
        store
            .add_signal(NewSignal {
                title: title.into(),
                org_id: Some(1),
                ..Default::default()
            })
            .unwrap();
    }
    store
        .triage(
            1,
            Triage {
                owner: Some(Owner {
                    person_id: Some(linda),
                    org_id: None,
                }),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let mut app = open_app(&mut store, 160, 30);
    assert!(app.select_screen("inbox"));
    let before = screen(&app, 160, 30);
    assert!(before.contains("Kapotte lantaarnpaal"), "{before}");
    type_text(&mut app, "@");
    let s = screen(&app, 160, 30);
    assert!(s.contains("Losse tegels bij de school"), "{s}");
    assert!(!s.contains("Kapotte lantaarnpaal"), "{s}");
    assert!(!s.contains("No person has the username"), "{s}");
}

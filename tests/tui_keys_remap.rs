//! Every action remapped to another key, through the same `[keys]` override users
//! have: the screens and the main popups follow the new keys, the old ones do nothing,
//! and help and the hint lines show the new keys.

mod support;

use crossterm::event::KeyEvent;
use ratatui::layout::Size;
use std::collections::BTreeMap;
use support::screens::notes_changed_elsewhere;
use wijkdesk::store::Store;
use wijkdesk::tui::action::{ACTIONS, Action, Scope, ScreenNumber};
use wijkdesk::tui::keymap::{Key, KeyMap};
use wijkdesk::tui::testing::{TempDb, fixed_ctx, screen, type_text};
use wijkdesk::tui::{App, Lang, Settings};

const W: u16 = 140;
const H: u16 = 45;

/// Keys no action has by default and no text field takes: Alt and Ctrl-Alt letters
/// and digits (but Alt-B, Alt-D, Alt-F, which edit text) and the function keys with
/// Shift or Alt, enough for one key per action.
fn spare_keys() -> Vec<String> {
    let letters = "aceghijklmnopqrstuvwxyz";
    let mut keys = Vec::new();
    keys.extend(letters.chars().map(|c| format!("alt-{c}")));
    keys.extend(letters.to_uppercase().chars().map(|c| format!("alt-{c}")));
    keys.extend(('0'..='9').map(|c| format!("alt-{c}")));
    keys.extend(('a'..='z').map(|c| format!("ctrl-alt-{c}")));
    keys.extend((1..=12).map(|n| format!("shift-f{n}")));
    keys.extend(('0'..='9').map(|c| format!("ctrl-alt-{c}")));
    keys.extend((1..=12).map(|n| format!("alt-f{n}")));
    keys
}

/// Every action on a key of its own that none had before.
fn remapped() -> (KeyMap, BTreeMap<String, Vec<String>>) {
    let spare = spare_keys();
    assert!(spare.len() >= ACTIONS.len(), "not enough spare keys");
    let defaults = KeyMap::default();
    let overrides: BTreeMap<String, Vec<String>> = ACTIONS
        .iter()
        .zip(&spare)
        .map(|(d, k)| (d.name.to_string(), vec![k.clone()]))
        .collect();
    let (map, warnings) = KeyMap::with_overrides(&overrides);
    assert!(warnings.is_empty(), "{warnings:?}");
    for d in ACTIONS {
        let new = map.keys(d.action);
        assert_eq!(new.len(), 1, "{} has {new:?}", d.name);
        assert!(
            !defaults.keys(d.action).contains(&new[0]),
            "{} kept its key",
            d.name
        );
    }
    (map, overrides)
}

fn ev(k: Key) -> KeyEvent {
    KeyEvent::new(k.code, k.mods)
}

struct Drive<'s> {
    app: App<'s>,
    map: KeyMap,
}

impl Drive<'_> {
    /// The new key of an action.
    fn new_key(&self, a: Action) -> KeyEvent {
        ev(self.map.keys(a)[0])
    }

    fn label(&self, a: Action) -> String {
        self.map.keys(a)[0].label()
    }

    fn press(&mut self, a: Action) {
        let k = self.new_key(a);
        self.app.on_key(k);
    }

    /// The default key an action had: now it must leave the screen as it was.
    fn press_old_and_see_nothing(&mut self, a: Action) {
        let old = KeyMap::default().keys(a)[0];
        let before = self.screen();
        let popups = self.app.popup_count();
        self.app.on_key(ev(old));
        assert_eq!(
            self.app.popup_count(),
            popups,
            "the old key {} of {a:?} still acts",
            old.label()
        );
        assert_eq!(
            before,
            self.screen(),
            "the old key {} of {a:?} still acts",
            old.label()
        );
        assert!(!self.app.should_quit());
    }

    fn screen(&self) -> String {
        screen(&self.app, W, H)
    }

    fn shows(&self, text: &str) -> String {
        let s = self.screen();
        assert!(s.contains(text), "expected {text:?} on the screen:\n{s}");
        s
    }

    /// Close the top popup with the new Back, answering the new Yes where it asks.
    fn close_popup(&mut self) {
        let n = self.app.popup_count();
        self.press(Action::Back);
        if self.app.popup_count() > n {
            self.press(Action::Yes);
        }
        assert!(self.app.popup_count() < n, "{}", self.screen());
    }
}

fn drive(store: &mut Store) -> Drive<'_> {
    let (map, _) = remapped();
    let mut settings = Settings::new(Lang::En, true, false);
    settings.keymap = map.clone();
    let app = App::new(
        store,
        settings,
        Size {
            width: W,
            height: H,
        },
    );
    Drive { app, map }
}

#[test]
fn every_action_has_a_new_key_through_the_config_override() {
    let (map, overrides) = remapped();
    // The same spelling a config file's [keys] table has.
    let toml: String = overrides
        .iter()
        .map(|(name, keys)| format!("{name} = \"{}\"\n", keys[0]))
        .collect();
    let parsed: BTreeMap<String, String> = toml::from_str(&toml).unwrap();
    assert_eq!(parsed.len(), ACTIONS.len());
    // Each scope's keys are distinct, so every one is reachable.
    for scope in Scope::ALL {
        let keys: Vec<Key> = ACTIONS
            .iter()
            .filter(|d| d.scope == scope)
            .flat_map(|d| map.keys(d.action).to_vec())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{scope:?}: {k:?} twice");
            assert_eq!(
                map.lookup(*k, &[scope], false).map(|a| a.scope()),
                Some(scope)
            );
        }
    }
}

#[test]
fn the_screens_follow_the_remapped_keys() {
    let db = TempDb::new("keys-remap-screens");
    let mut store = db.demo();
    let mut d = drive(&mut store);
    assert_eq!(d.app.screen_id(), "inbox");

    // The hint line under the screens shows the new keys.
    d.shows(&format!("{} help", d.label(Action::Help)));
    d.shows(&format!("{} quit", d.label(Action::Quit)));

    // Lists move with the new keys only.
    let first = d.app.selected_record();
    d.press_old_and_see_nothing(Action::Down);
    d.press(Action::Down);
    assert_ne!(d.app.selected_record(), first, "the new down moves");
    d.press(Action::Up);
    assert_eq!(d.app.selected_record(), first, "the new up moves back");
    d.press(Action::Bottom);
    assert_ne!(d.app.selected_record(), first);
    d.press(Action::Top);
    assert_eq!(d.app.selected_record(), first);

    // Help lists every scope and shows the new keys, and its footer says them.
    d.press_old_and_see_nothing(Action::Help);
    d.press(Action::Help);
    assert_eq!(d.app.popup_count(), 1);
    // Refresh is on no hint line: only help can show its new key.
    let help = d.shows(&d.label(Action::Refresh));
    let footer = format!(
        "{} closes; {}/{} scroll",
        d.label(Action::Back),
        d.label(Action::Down),
        d.label(Action::Up)
    );
    assert!(help.contains(&footer), "{footer:?} not in\n{help}");
    d.close_popup();

    // The inbox's own keys: triage opens on the new key, and closes with the new Back.
    d.press_old_and_see_nothing(Action::Triage);
    d.press(Action::Triage);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.close_popup();
    assert_eq!(d.app.popup_count(), 0);

    // Screens switch on the new keys.
    d.press_old_and_see_nothing(Action::Screen(ScreenNumber::Two));
    d.press(Action::Screen(ScreenNumber::Two));
    assert_eq!(d.app.screen_id(), "tracker");
    d.press_old_and_see_nothing(Action::NextScreen);
    d.press(Action::NextScreen);
    assert_eq!(d.app.screen_id(), "meetings");
    d.press(Action::PrevScreen);
    assert_eq!(d.app.screen_id(), "tracker");
    // The tracker's filter picker opens on the new key and closes on the new Back.
    d.press_old_and_see_nothing(Action::FilterBy);
    d.press(Action::FilterBy);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.close_popup();
    d.press(Action::NextScreen);

    // Meetings: its legend shows the new keys; the agenda opens on the new key and
    // its footer names the new keys too.
    d.shows(&format!("{} minutes", d.label(Action::Open)));
    d.shows(&format!("{} agenda", d.label(Action::MeetingAgenda)));
    d.press_old_and_see_nothing(Action::MeetingAgenda);
    d.press(Action::MeetingAgenda);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.shows(&format!(
        "{} new  {} rename",
        d.label(Action::New),
        d.label(Action::Edit),
    ));
    d.press_old_and_see_nothing(Action::Back);
    d.close_popup();
    d.press(Action::MeetingAttendance);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.shows(&format!(
        "{} present/absent",
        d.label(Action::MeetingSelect)
    ));
    d.close_popup();

    // Organisations: filter, a form with fields, Esc asks, and the question takes the
    // new yes only.
    d.press(Action::Screen(ScreenNumber::Four));
    assert_eq!(d.app.screen_id(), "organisations");
    d.press_old_and_see_nothing(Action::New);
    d.press(Action::New);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    type_text(&mut d.app, "Buurtvereniging Remap");
    d.press(Action::NextField);
    d.press(Action::PrevField);
    d.press(Action::Back);
    assert_eq!(d.app.popup_count(), 2, "typed text is asked about");
    d.shows(&format!(
        "{} = yes, {} = no",
        d.label(Action::Yes),
        d.label(Action::No)
    ));
    d.press_old_and_see_nothing(Action::Yes);
    d.press(Action::No);
    assert_eq!(d.app.popup_count(), 1, "no keeps the form");
    d.press(Action::Back);
    d.press(Action::Yes);
    assert_eq!(d.app.popup_count(), 0, "yes throws it away");

    // The kept lists: the new keys switch between the lists, and its footer says so.
    d.press(Action::Lists);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.shows(&format!("{} next list", d.label(Action::ListsNextKind)));
    d.press_old_and_see_nothing(Action::ListsNextKind);
    let before = d.screen();
    d.press(Action::ListsNextKind);
    assert_ne!(before, d.screen(), "the new key shows the next list");
    d.press(Action::ListsPrevKind);
    assert_eq!(before, d.screen(), "and back");
    d.close_popup();

    // The palette lists commands with their new keys.
    d.press(Action::Palette);
    assert_eq!(d.app.popup_count(), 1);
    // Export is on no hint line: only the palette can show its new key here.
    d.shows(&d.label(Action::ExportSheets));
    d.close_popup();

    // People: the list moves on the new keys.
    d.press(Action::Screen(ScreenNumber::Five));
    assert_eq!(d.app.screen_id(), "people");
    let first = d.app.selected_record();
    d.press_old_and_see_nothing(Action::Down);
    d.press(Action::Down);
    assert_ne!(d.app.selected_record(), first);

    // Reports: the new keys move between sections.
    d.press(Action::Screen(ScreenNumber::Six));
    assert_eq!(d.app.screen_id(), "reports");
    d.press_old_and_see_nothing(Action::ReportNextSection);
    let before = d.screen();
    d.press(Action::ReportNextSection);
    assert_ne!(before, d.screen(), "the new key moves to the next section");

    // Quit: the old key does nothing, the new one quits.
    d.press_old_and_see_nothing(Action::Quit);
    d.press(Action::Quit);
    assert!(d.app.should_quit());
}

#[test]
fn the_empty_database_loads_the_demo_on_the_remapped_key() {
    let db = TempDb::new("keys-remap-welcome");
    let mut store = db.open();
    let mut d = drive(&mut store);
    d.shows("load the demo data now");
    d.shows(&d.label(Action::LoadDemo));
    d.press_old_and_see_nothing(Action::LoadDemo);
    d.press(Action::LoadDemo);
    d.shows("Demo data loaded");
}

#[test]
fn the_conflict_dialog_and_its_question_follow_the_remapped_keys() {
    let db = TempDb::new("keys-remap-conflict");
    let mut store = db.demo();
    let id = store
        .org_summaries("Bewonersoverleg Duinoord", 5)
        .unwrap()
        .into_iter()
        .find(|o| o.org.name == "Bewonersoverleg Duinoord")
        .unwrap()
        .org
        .id;
    let mut other = Store::open(&db.path, fixed_ctx()).unwrap();
    let mut d = drive(&mut store);
    d.press(Action::Screen(ScreenNumber::Four));
    d.press(Action::Filter);
    type_text(&mut d.app, "Duinoord");
    d.press(Action::Open);
    d.press(Action::Edit);
    assert_eq!(d.app.popup_count(), 1, "{}", d.screen());
    d.press(Action::NextField);
    type_text(&mut d.app, "BOD");
    notes_changed_elsewhere(&mut other, id);
    d.press(Action::Save);
    d.shows("Someone else changed this record");
    d.shows(&format!("{} ", d.label(Action::ConflictOverwrite)));
    d.shows(&format!("{} ", d.label(Action::ConflictMerge)));

    // The old keys of the dialog do nothing; reload asks first, and the new no keeps
    // the dialog.
    d.press_old_and_see_nothing(Action::ConflictOverwrite);
    d.press_old_and_see_nothing(Action::ConflictMerge);
    d.press(Action::ConflictReload);
    d.shows(&format!(
        "{} = yes, {} = no",
        d.label(Action::Yes),
        d.label(Action::No)
    ));
    d.press_old_and_see_nothing(Action::No);
    d.press(Action::No);
    d.shows("Someone else changed this record");

    // Merge goes back to the form with what was typed; saving then goes through.
    d.press(Action::ConflictMerge);
    assert_eq!(d.app.popup_count(), 1);
    d.press(Action::Save);
    assert_eq!(d.app.popup_count(), 0, "{}", d.screen());
    let org = d.app.store().org(id).unwrap();
    assert_eq!(org.short_name.as_deref(), Some("BOD"));
    assert_eq!(org.notes, "changed elsewhere");
}

#[test]
fn docs_keys_lists_every_action_from_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
    let made = wijkdesk::tui::popups::help::markdown();
    if std::env::var_os("WIJKDESK_WRITE_DOCS").is_some() {
        std::fs::write(path, &made).unwrap();
    }
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    for d in ACTIONS {
        assert!(
            doc.contains(&format!("| `{}` |", d.name)),
            "docs/keys.md lacks {}",
            d.name
        );
    }
    assert!(
        doc == made,
        "docs/keys.md is not the action table: run WIJKDESK_WRITE_DOCS=1 cargo test --test tui_keys_remap"
    );
}

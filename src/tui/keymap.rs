//! The key map as data: action ↔ keys ↔ description. The defaults live in
//! [`DEFAULTS`]; the config file's `[keys]` table replaces the keys of any action.
//! Help and the palette are generated from the live map, so they cannot disagree.

use super::action::{Action, Scope};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// One key with its modifiers, normalised so that `G` and `Shift-g` are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
        let mut mods = mods & relevant;
        let code = match code {
            // Shift is already in the character; BackTab already means Shift-Tab.
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    code
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                code
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            c => c,
        };
        Key { code, mods }
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        Key::new(ev.code, ev.modifiers)
    }

    /// A key that types text where text can be typed.
    pub fn is_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    /// A key that edits text in a text field (see [`crate::tui::input::edit_of`]).
    pub fn is_edit(&self) -> bool {
        crate::tui::input::is_edit_key(&KeyEvent::new(self.code, self.mods))
    }

    /// Parses the config file's spelling: `j`, `G`, `?`, `ctrl-p`, `alt-x`, `shift-tab`,
    /// `enter`, `esc`, `f1`, `pagedown`, `space`, …
    pub fn parse(input: &str) -> Result<Key, String> {
        let s = input.trim();
        if s.chars().count() == 1 {
            return Ok(Key::new(
                KeyCode::Char(s.chars().next().unwrap_or(' ')),
                KeyModifiers::NONE,
            ));
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_lowercase();
            let Some((prefix, len)) = [
                "ctrl-", "ctrl+", "c-", "alt-", "alt+", "m-", "shift-", "shift+", "s-",
            ]
            .iter()
            .find(|p| lower.starts_with(**p) && rest.len() > p.len())
            .map(|p| (*p, p.len())) else {
                break;
            };
            mods |= match prefix.chars().next() {
                Some('c') => KeyModifiers::CONTROL,
                Some('a') | Some('m') => KeyModifiers::ALT,
                _ => KeyModifiers::SHIFT,
            };
            rest = &rest[len..];
        }
        let lower = rest.to_lowercase();
        let code = match lower.as_str() {
            "enter" | "return" | "ret" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" | "bs" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "space" => KeyCode::Char(' '),
            "minus" => KeyCode::Char('-'),
            "plus" => KeyCode::Char('+'),
            f if f.starts_with('f')
                && f.len() > 1
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ if rest.chars().count() == 1 => {
                let c = rest.chars().next().unwrap_or(' ');
                if mods.contains(KeyModifiers::SHIFT) && !mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => return Err(format!("\"{input}\"")),
        };
        Ok(Key::new(code, mods))
    }

    /// How help and the palette show the key.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        out.push_str(&name);
        out
    }
}

/// The default bindings.
pub const DEFAULTS: &[(&str, &[&str])] = &[
    ("help", &["?", "f1"]),
    ("palette", &[":"]),
    ("jump", &["ctrl-p"]),
    ("who", &["w"]),
    ("lists", &["L"]),
    ("export_csv", &["f7"]),
    ("import_orgs", &["f8"]),
    ("import_people", &["f9"]),
    ("next_screen", &["tab"]),
    ("prev_screen", &["shift-tab"]),
    ("screen_1", &["1"]),
    ("screen_2", &["2"]),
    ("screen_3", &["3"]),
    ("screen_4", &["4"]),
    ("screen_5", &["5"]),
    ("screen_6", &["6"]),
    ("screen_7", &["7"]),
    ("screen_8", &["8"]),
    ("screen_9", &["9"]),
    ("refresh", &["ctrl-l"]),
    ("suspend", &["ctrl-z"]),
    ("quit", &["q"]),
    ("quit_now", &["ctrl-c"]),
    ("up", &["k", "up"]),
    ("down", &["j", "down"]),
    ("top", &["g", "home"]),
    ("bottom", &["G", "end"]),
    ("page_up", &["ctrl-u", "pageup"]),
    ("page_down", &["ctrl-d", "pagedown"]),
    ("open", &["enter"]),
    ("back", &["esc"]),
    ("filter", &["/"]),
    ("new", &["n"]),
    ("edit", &["e"]),
    ("load_demo", &["d"]),
    ("next_field", &["tab", "down"]),
    ("prev_field", &["shift-tab", "up"]),
    ("save", &["ctrl-s"]),
    // Trust: conflicts, history, AVG
    ("history", &["H"]),
    ("export_person", &["X"]),
    ("org_statement", &["O"]),
    ("erase_person", &["D"]),
    ("retention", &["R"]),
    // Meetings and minutes
    ("meeting_prepare", &["p"]),
    ("meeting_agenda", &["a"]),
    ("meeting_attendance", &["A"]),
    ("meeting_hold", &["h"]),
    ("meeting_finalise", &["F"]),
    ("meeting_export", &["x"]),
    ("meeting_select", &["space"]),
    ("meeting_delete", &["d", "delete"]),
    ("meeting_item_up", &["K", "shift-up"]),
    ("meeting_item_down", &["J", "shift-down"]),
    ("meeting_cancel", &["c"]),
    ("meeting_invite", &["i"]),
    ("meeting_follow_up", &["N"]),
    ("minutes_send", &["M"]),
    ("minutes_complete", &["tab"]),
    ("minutes_prev_item", &["alt-up", "f5"]),
    ("minutes_next_item", &["alt-down", "f6"]),
    ("minutes_move", &["m"]),
    ("minutes_answer", &["v"]),
    ("minutes_syntax", &["f2"]),
    // Inbox and tracker.
    ("quick_add", &["a"]),
    ("mark", &["space"]),
    ("filter_mine", &["@"]),
    ("filter_overdue", &["!"]),
    ("filter_unassigned", &["u"]),
    ("filter_by", &["F"]),
    ("triage", &["t"]),
    ("start", &["s"]),
    ("feedback", &["f"]),
    ("decline", &["x"]),
    ("merge", &["m"]),
    ("close_signal", &["c"]),
    ("reopen", &["o"]),
    ("add_action", &["A"]),
    ("add_commitment", &["C"]),
    ("done", &["d"]),
    ("break", &["b"]),
    ("withdraw", &["W"]),
    ("move_due", &["m"]),
    ("cancel_action", &["x"]),
    ("who_assign", &["a"]),
    // Search and reports
    ("search", &["ctrl-f", "S"]),
    ("report_next_section", &["]"]),
    ("report_prev_section", &["["]),
    ("report_left", &["h", "left"]),
    ("report_right", &["l", "right"]),
    ("report_period", &["p"]),
];

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<(Action, Vec<Key>)>,
}

/// Two actions that can be reached in the same context may not share a key.
fn may_clash(a: Action, b: Action) -> bool {
    (a.scope() == Scope::Form) == (b.scope() == Scope::Form)
}

impl Default for KeyMap {
    fn default() -> Self {
        let bindings = Action::all()
            .into_iter()
            .map(|a| {
                let name = a.name();
                let keys = DEFAULTS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, ks)| ks.iter().filter_map(|k| Key::parse(k).ok()).collect())
                    .unwrap_or_default();
                (a, keys)
            })
            .collect();
        KeyMap { bindings }
    }
}

impl KeyMap {
    /// The defaults with the config's `[keys]` applied; problems come back as warnings
    /// in plain words, and the rest of the map still applies.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> (KeyMap, Vec<String>) {
        let mut map = KeyMap::default();
        let mut warnings = Vec::new();
        for (name, keys) in overrides {
            let Some(action) = Action::from_name(name) else {
                warnings.push(format!("[keys] {name}: no such action"));
                continue;
            };
            let mut parsed = Vec::new();
            for k in keys {
                match Key::parse(k) {
                    Ok(key) if action.scope() == Scope::Form && key.is_text() => {
                        warnings.push(format!(
                            "[keys] {name}: \"{k}\" types text in a form; not bound"
                        ));
                    }
                    Ok(key) => parsed.push(key),
                    Err(e) => warnings.push(format!("[keys] {name}: {e} is not a key")),
                }
            }
            for (other, other_keys) in map.bindings.iter_mut() {
                if *other != action && may_clash(*other, action) {
                    other_keys.retain(|k| !parsed.contains(k));
                }
            }
            if let Some((_, ks)) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
                *ks = parsed;
            }
        }
        (map, warnings)
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The keys of an action as help shows them: `k, Up`.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The first key of an action, for hints.
    pub fn first(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(Key::label)
    }

    /// The action a key means in a context of `scopes` (searched in order). Where text
    /// can be typed, plain characters are text and never actions, and the editing keys
    /// (Ctrl-U, Home, Left, …) edit the text: only a form's own keys (Tab, Ctrl-S, Esc,
    /// or what the config binds there) come before them.
    pub fn lookup(&self, key: Key, scopes: &[Scope], text_entry: bool) -> Option<Action> {
        if text_entry && key.is_text() {
            return None;
        }
        let editing = text_entry && key.is_edit();
        scopes
            .iter()
            .filter(|s| !editing || **s == Scope::Form)
            .find_map(|scope| {
                self.bindings
                    .iter()
                    .find(|(a, keys)| a.scope() == *scope && keys.contains(&key))
                    .map(|(a, _)| *a)
            })
    }

    pub fn lookup_event(
        &self,
        ev: &KeyEvent,
        scopes: &[Scope],
        text_entry: bool,
    ) -> Option<Action> {
        self.lookup(Key::from_event(ev), scopes, text_entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn parses_and_labels() {
        assert_eq!(
            k("ctrl-p"),
            Key::new(KeyCode::Char('p'), KeyModifiers::CONTROL)
        );
        assert_eq!(k("G"), Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(k("shift-g"), k("G"));
        assert_eq!(
            k("shift-tab"),
            Key::new(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!(k("F1").code, KeyCode::F(1));
        assert_eq!(k("ctrl-p").label(), "Ctrl-P");
        assert_eq!(k("shift-tab").label(), "Shift-Tab");
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("nonsense").is_err());
    }

    #[test]
    fn every_default_parses_and_names_an_action() {
        for (name, keys) in DEFAULTS {
            assert!(Action::from_name(name).is_some(), "{name}");
            for key in *keys {
                assert!(Key::parse(key).is_ok(), "{name}: {key}");
            }
        }
        for a in Action::all() {
            assert!(
                !KeyMap::default().keys(a).is_empty(),
                "{a:?} has no default key"
            );
        }
    }

    #[test]
    fn scopes_decide_and_text_wins_in_inputs() {
        let map = KeyMap::default();
        let tab = k("tab");
        assert_eq!(
            map.lookup(tab, &[Scope::List, Scope::Global], false),
            Some(Action::NextScreen)
        );
        assert_eq!(
            map.lookup(tab, &[Scope::Form, Scope::List], true),
            Some(Action::NextField)
        );
        assert_eq!(
            map.lookup(k("j"), &[Scope::List], false),
            Some(Action::Down)
        );
        assert_eq!(map.lookup(k("j"), &[Scope::List], true), None);
        assert_eq!(
            map.lookup(k("down"), &[Scope::List], true),
            Some(Action::Down)
        );
        // Editing keys edit the text where text is typed, and move the list elsewhere.
        assert_eq!(map.lookup(k("ctrl-u"), &[Scope::List], true), None);
        assert_eq!(map.lookup(k("home"), &[Scope::List], true), None);
        assert_eq!(
            map.lookup(k("ctrl-u"), &[Scope::List], false),
            Some(Action::PageUp)
        );
        assert_eq!(
            map.lookup(k("home"), &[Scope::List], false),
            Some(Action::Top)
        );
        assert_eq!(
            map.lookup(k("ctrl-l"), &[Scope::Global], true),
            Some(Action::Refresh)
        );
    }

    #[test]
    fn overrides_replace_and_steal_keys() {
        let mut o = BTreeMap::new();
        o.insert(
            "down".to_string(),
            vec!["n".to_string(), "down".to_string()],
        );
        o.insert("bogus".to_string(), vec!["x".to_string()]);
        o.insert(
            "save".to_string(),
            vec!["s".to_string(), "ctrl-w".to_string()],
        );
        let (map, warnings) = KeyMap::with_overrides(&o);
        assert_eq!(
            map.lookup(k("n"), &[Scope::List], false),
            Some(Action::Down)
        );
        assert_eq!(map.lookup(k("j"), &[Scope::List], false), None);
        assert!(map.keys(Action::New).is_empty());
        assert_eq!(map.keys(Action::Save), &[k("ctrl-w")]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}

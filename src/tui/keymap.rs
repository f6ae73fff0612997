//! The key map: action ↔ keys. The defaults come from the action table
//! ([`super::action::ACTIONS`]); the config file's `[keys]` table replaces the keys of
//! any action. Help, the hint lines and the palette are generated from the live map,
//! so they cannot disagree with it. This and the text-input widget are the only places
//! that look at raw key codes.

use super::action::{ACTIONS, Action, Scope};
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

#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<(Action, Vec<Key>)>,
}

/// Two actions that can be reached in the same context may not share a key. A popup's
/// own question is looked up before anything else while it is open, so its keys clash
/// only with its own.
fn may_clash(a: Action, b: Action) -> bool {
    let (sa, sb) = (a.scope(), b.scope());
    if sa.is_popup() || sb.is_popup() {
        return sa == sb;
    }
    (sa == Scope::Form) == (sb == Scope::Form)
}

impl Default for KeyMap {
    fn default() -> Self {
        let bindings = ACTIONS
            .iter()
            .map(|d| {
                let keys = d.keys.iter().filter_map(|k| Key::parse(k).ok()).collect();
                (d.action, keys)
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

    /// The action of a key that is no typed text, looked up in `scopes` before the text
    /// field beside them may take it as an editing key (a popup's own Ctrl keys).
    pub fn lookup_command(&self, ev: &KeyEvent, scopes: &[Scope]) -> Option<Action> {
        let key = Key::from_event(ev);
        if key.is_text() {
            return None;
        }
        self.lookup(key, scopes, false)
    }

    /// The answer to a yes/no question: `Some(true)` yes, `Some(false)` no, `None`
    /// another key.
    pub fn answer(&self, ev: &KeyEvent) -> Option<bool> {
        match self.lookup_event(ev, &[Scope::Confirm], false) {
            Some(Action::Yes) => Some(true),
            Some(Action::No) => Some(false),
            _ => None,
        }
    }

    /// A hint line's text: each action's first live key and what it does here, as
    /// `j down  Enter open`; actions without a key are left out.
    pub fn hints(&self, items: &[(Action, &str)]) -> String {
        items
            .iter()
            .filter_map(|(a, what)| self.first(*a).map(|k| format!("{k} {what}")))
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// The first key of an action that works in this context: where text is typed, plain
    /// characters and editing keys do not reach the action, so the hint skips them.
    pub fn first_for(&self, action: Action, text_entry: bool) -> Option<String> {
        self.keys(action)
            .iter()
            .find(|k| !text_entry || !(k.is_text() || k.is_edit()))
            .map(Key::label)
    }

    /// A hint line from the catalogue with every `{action_name}` filled in with that
    /// action's live key, so a remapped key shows as what it now is. Other
    /// placeholders are left for the caller.
    pub fn fill(&self, text: &str, text_entry: bool) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            let name = &after[..j];
            match Action::from_name(name) {
                Some(a) => {
                    out.push_str(&self.first_for(a, text_entry).unwrap_or_else(|| "-".into()))
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The live keys of two actions as one label, `k/j` or `Up/Down`, for a pair such
    /// as up and down in a hint.
    pub fn pair(&self, a: Action, b: Action) -> String {
        match (self.first(a), self.first(b)) {
            (Some(x), Some(y)) => format!("{x}/{y}"),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => String::new(),
        }
    }
}

/// A typed character (no Ctrl or Alt), for a choice picked by its first letter.
pub fn typed_char(ev: &KeyEvent) -> Option<char> {
    match Key::from_event(ev) {
        Key {
            code: KeyCode::Char(c),
            mods,
        } if !mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    }
}

/// An arrow up or down without modifiers: in a multi-line text or an open list inside
/// a form these move within it rather than to the next field.
pub fn is_vertical_arrow(ev: &KeyEvent) -> bool {
    let k = Key::from_event(ev);
    k.mods.is_empty() && matches!(k.code, KeyCode::Up | KeyCode::Down)
}

/// Which way a vertical arrow goes: `Some(true)` down, `Some(false)` up.
pub fn arrow_down(ev: &KeyEvent) -> Option<bool> {
    if !is_vertical_arrow(ev) {
        return None;
    }
    Some(ev.code == KeyCode::Down)
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
        for d in ACTIONS {
            assert!(Action::from_name(d.name).is_some(), "{}", d.name);
            for key in d.keys {
                assert!(Key::parse(key).is_ok(), "{}: {key}", d.name);
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

//! What a user can ask for: every bindable action, with its stable name (used in the
//! config file and the command palette), its scope and its description key.
//!
//! Components do not see keys for these: the key map turns keys into actions, and
//! [`crate::tui::app::App::update`] routes each action to the popup, the screen or
//! the shell itself.

use super::i18n::T;

/// Where a key binding applies. A key is looked up in the scopes of the context it is
/// pressed in, in order, so the same key can mean different things in a form and a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    List,
    Welcome,
    Form,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Global, Scope::List, Scope::Welcome, Scope::Form];

    pub fn title(self) -> T {
        match self {
            Scope::Global => T::ScopeGlobal,
            Scope::List => T::ScopeList,
            Scope::Welcome => T::ScopeWelcome,
            Scope::Form => T::ScopeForm,
        }
    }
}

/// Every action a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Global.
    Help,
    Palette,
    Jump,
    Who,
    Quit,
    QuitNow,
    NextScreen,
    PrevScreen,
    /// Switch to the n-th registered screen (1-based).
    Screen(u8),
    Suspend,
    Refresh,
    // Lists.
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Back,
    Filter,
    New,
    Edit,
    // The empty-database welcome panel.
    LoadDemo,
    // Forms.
    NextField,
    PrevField,
    Save,
}

impl Action {
    /// Every action, in the order help and the palette list them.
    pub fn all() -> Vec<Action> {
        let mut v = vec![
            Action::Help,
            Action::Palette,
            Action::Jump,
            Action::Who,
            Action::NextScreen,
            Action::PrevScreen,
        ];
        v.extend((1..=9).map(Action::Screen));
        v.extend([
            Action::Refresh,
            Action::Suspend,
            Action::Quit,
            Action::QuitNow,
            Action::Up,
            Action::Down,
            Action::Top,
            Action::Bottom,
            Action::PageUp,
            Action::PageDown,
            Action::Open,
            Action::Back,
            Action::Filter,
            Action::New,
            Action::Edit,
            Action::LoadDemo,
            Action::NextField,
            Action::PrevField,
            Action::Save,
        ]);
        v
    }

    pub fn scope(self) -> Scope {
        use Action::*;
        match self {
            Help | Palette | Jump | Who | Quit | QuitNow | NextScreen | PrevScreen | Screen(_)
            | Suspend | Refresh => Scope::Global,
            Up | Down | Top | Bottom | PageUp | PageDown | Open | Back | Filter | New | Edit => {
                Scope::List
            }
            LoadDemo => Scope::Welcome,
            NextField | PrevField | Save => Scope::Form,
        }
    }

    /// The name used in the config file's `[keys]` table and matched by the palette.
    pub fn name(self) -> String {
        use Action::*;
        let s = match self {
            Help => "help",
            Palette => "palette",
            Jump => "jump",
            Who => "who",
            Quit => "quit",
            QuitNow => "quit_now",
            NextScreen => "next_screen",
            PrevScreen => "prev_screen",
            Screen(n) => return format!("screen_{n}"),
            Suspend => "suspend",
            Refresh => "refresh",
            Up => "up",
            Down => "down",
            Top => "top",
            Bottom => "bottom",
            PageUp => "page_up",
            PageDown => "page_down",
            Open => "open",
            Back => "back",
            Filter => "filter",
            New => "new",
            Edit => "edit",
            LoadDemo => "load_demo",
            NextField => "next_field",
            PrevField => "prev_field",
            Save => "save",
        };
        s.to_string()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        let name = name.trim().to_lowercase().replace('-', "_");
        Action::all().into_iter().find(|a| a.name() == name)
    }

    /// The description shown in help and the palette (screen actions are named after
    /// their screen by the caller).
    pub fn description(self) -> T {
        use Action::*;
        match self {
            Help => T::ActHelp,
            Palette => T::ActPalette,
            Jump => T::ActJump,
            Who => T::ActWho,
            Quit => T::ActQuit,
            QuitNow => T::ActQuitNow,
            NextScreen => T::ActNextScreen,
            PrevScreen => T::ActPrevScreen,
            Screen(_) => T::ActScreen,
            Suspend => T::ActSuspend,
            Refresh => T::ActRefresh,
            Up => T::ActUp,
            Down => T::ActDown,
            Top => T::ActTop,
            Bottom => T::ActBottom,
            PageUp => T::ActPageUp,
            PageDown => T::ActPageDown,
            Open => T::ActOpen,
            Back => T::ActBack,
            Filter => T::ActFilter,
            New => T::ActNew,
            Edit => T::ActEdit,
            LoadDemo => T::ActLoadDemo,
            NextField => T::ActNextField,
            PrevField => T::ActPrevField,
            Save => T::ActSave,
        }
    }

    /// Offered in the command palette (form and movement keys are not commands).
    pub fn in_palette(self) -> bool {
        !matches!(
            self,
            Action::Up
                | Action::Down
                | Action::Top
                | Action::Bottom
                | Action::PageUp
                | Action::PageDown
                | Action::Back
                | Action::Palette
                | Action::NextField
                | Action::PrevField
                | Action::Save
        )
    }
}

/// What a screen or popup asks the shell to do after handling a key.
pub enum Effect {
    /// A message for the status line.
    Status(String),
    /// A refusal or error for the status line, in plain words.
    Error(String),
    /// Open a popup on top of the stack.
    Push(Box<dyn super::popups::Popup>),
    /// Close the top popup.
    Close,
    /// A record was saved: reload the screens, show it, and say so.
    Saved {
        record: crate::domain::RecordRef,
        message: String,
    },
    /// Do an action as if its key was pressed (the palette).
    Run(Action),
    /// Show a record on the screen that lists it (the jump list).
    Goto(crate::domain::RecordRef),
}

/// The answer to a key or an action.
pub enum Outcome {
    /// Not for me: let the next one try.
    Ignored,
    /// Done; the screen changed.
    Handled,
    /// Done, and the shell has work to do.
    Effects(Vec<Effect>),
}

impl Outcome {
    pub fn one(e: Effect) -> Outcome {
        Outcome::Effects(vec![e])
    }

    pub fn error(msg: impl Into<String>) -> Outcome {
        Outcome::one(Effect::Error(msg.into()))
    }
}

/// What handlers may use: the store, the user's settings, the terminal's size.
pub struct Cx<'a> {
    pub store: &'a mut crate::store::Store,
    pub settings: &'a super::config::Settings,
    /// The whole terminal; lists size what they load by it.
    pub size: ratatui::layout::Size,
}

impl Cx<'_> {
    pub fn t(&self, key: T) -> &'static str {
        self.settings.lang.t(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::all() {
            assert_eq!(Action::from_name(&a.name()), Some(a), "{a:?}");
        }
        assert_eq!(Action::from_name("quit-now"), Some(Action::QuitNow));
        assert_eq!(Action::from_name("nonsense"), None);
    }
}

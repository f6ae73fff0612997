//! The action vocabulary: every bindable action, defined once in [`ACTIONS`] with its
//! stable name (the config file's `[keys]` table and the command palette), its scope,
//! its default keys and its description in the language catalogue. The key map, help,
//! the hint lines and the palette are all generated from that table.
//!
//! Components do not see keys for these: the key map turns keys into actions, and
//! the shell, the popups and the screens act on them. This module is a leaf: it knows
//! nothing of components, settings or keys beyond their spelling.

use crate::words::T;

/// Where a key binding applies. A key is looked up in the scopes of the context it is
/// pressed in, in order, so the same key can mean different things in a form and a list.
/// Popups and editors declare theirs like screens do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    List,
    Welcome,
    Form,
    /// A choice field in a form (left/right through the options).
    Choice,
    /// A yes/no question.
    Confirm,
    /// Someone else saved the record meanwhile: overwrite, reload or merge.
    Conflict,
    /// The typed confirmation before a person's data is erased.
    Erase,
    /// The kept lists of districts, neighbourhoods and themes.
    Lists,
    /// The meetings list and its popups (agenda, attendance, preparation).
    Meetings,
    /// The minutes editor; plain characters are typed text while the input line has focus.
    Minutes,
    /// Keys that mean something on one screen only.
    Inbox,
    Tracker,
    Reports,
    /// The who-does-what popup's list of contacts.
    Who,
}

impl Scope {
    /// In the order help lists them.
    pub const ALL: [Scope; 15] = [
        Scope::Global,
        Scope::List,
        Scope::Welcome,
        Scope::Form,
        Scope::Choice,
        Scope::Confirm,
        Scope::Conflict,
        Scope::Erase,
        Scope::Lists,
        Scope::Meetings,
        Scope::Minutes,
        Scope::Inbox,
        Scope::Tracker,
        Scope::Reports,
        Scope::Who,
    ];

    pub fn title(self) -> T {
        match self {
            Scope::Global => T::ScopeGlobal,
            Scope::List => T::ScopeList,
            Scope::Welcome => T::ScopeWelcome,
            Scope::Form => T::ScopeForm,
            Scope::Choice => T::ScopeChoice,
            Scope::Confirm => T::ScopeConfirm,
            Scope::Conflict => T::ScopeConflict,
            Scope::Erase => T::ScopeErase,
            Scope::Lists => T::ScopeLists,
            Scope::Meetings => T::ScopeMeetings,
            Scope::Minutes => T::ScopeMinutes,
            Scope::Inbox => T::ScopeInbox,
            Scope::Tracker => T::ScopeTracker,
            Scope::Reports => T::ScopeReports,
            Scope::Who => T::ScopeWho,
        }
    }

    /// The stable name docs and tests use.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::List => "list",
            Scope::Welcome => "welcome",
            Scope::Form => "form",
            Scope::Choice => "choice",
            Scope::Confirm => "confirm",
            Scope::Conflict => "conflict",
            Scope::Erase => "erase",
            Scope::Lists => "lists",
            Scope::Meetings => "meetings",
            Scope::Minutes => "minutes",
            Scope::Inbox => "inbox",
            Scope::Tracker => "tracker",
            Scope::Reports => "reports",
            Scope::Who => "who",
        }
    }

    /// A popup's own question: its keys are looked up only while it is open, so they
    /// take keys from nothing else.
    pub fn is_popup(self) -> bool {
        matches!(
            self,
            Scope::Choice | Scope::Confirm | Scope::Conflict | Scope::Erase | Scope::Lists
        )
    }
}

/// Every action a key can be bound to; see [`ACTIONS`] for what each one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Help,
    Palette,
    Jump,
    Who,
    Lists,
    ExportSheets,
    ImportOrgs,
    ImportPeople,
    NextScreen,
    PrevScreen,
    /// Go to the n-th screen (the digit keys).
    Screen(ScreenNumber),
    Refresh,
    Suspend,
    Quit,
    QuitNow,
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
    LoadDemo,
    NextField,
    PrevField,
    Save,
    ExternalEditor,
    ChoiceNext,
    ChoicePrev,
    Yes,
    No,
    History,
    ExportPerson,
    ErasePerson,
    Retention,
    OrgStatement,
    ConflictOverwrite,
    ConflictReload,
    ConflictMerge,
    EraseConfirm,
    ListsNextKind,
    ListsPrevKind,
    ListsRename,
    ListsMerge,
    MeetingPrepare,
    MeetingAgenda,
    MeetingAttendance,
    MeetingHold,
    MeetingFinalise,
    MeetingExport,
    MeetingSelect,
    MeetingDelete,
    MeetingItemUp,
    MeetingItemDown,
    MeetingCancel,
    MeetingInvite,
    MeetingFollowUp,
    MinutesStore,
    MinutesSend,
    MinutesComplete,
    MinutesPrevItem,
    MinutesNextItem,
    MinutesMove,
    MinutesAnswer,
    MinutesSyntax,
    QuickAdd,
    Mark,
    FilterMine,
    FilterOverdue,
    FilterUnassigned,
    FilterBy,
    Triage,
    Start,
    Feedback,
    Decline,
    Merge,
    CloseSignal,
    Reopen,
    AddAction,
    AddCommitment,
    Done,
    Break,
    Withdraw,
    MoveDue,
    CancelAction,
    WhoAssign,
    Search,
    ReportNextSection,
    ReportPrevSection,
    ReportLeft,
    ReportRight,
    ReportPeriod,
}

/// Which of the first nine screens a digit key goes to (`screen_1` … `screen_9`): a
/// closed set, so that every screen action has its row in [`ACTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenNumber {
    One = 1,
    Two,
    Three,
    Four,
    Five,
    Six,
    Seven,
    Eight,
    Nine,
}

impl ScreenNumber {
    /// 1 to 9, as the tabs number the screens.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The screen's place in the list of screens (from 0).
    pub const fn index(self) -> usize {
        self as usize - 1
    }
}

impl std::fmt::Display for ScreenNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// One action, defined once.
#[derive(Debug, Clone, Copy)]
pub struct ActionDef {
    pub action: Action,
    /// The name in the config file's `[keys]` table and the palette.
    pub name: &'static str,
    pub scope: Scope,
    /// The default keys, in the config file's spelling (see `keymap::Key::parse`).
    pub keys: &'static [&'static str],
    /// What help and the palette say it does (screen actions are named after their
    /// screen by the caller).
    pub description: T,
}

/// Declares the rows of [`ACTIONS`] and, from the same rows, [`Action::def`]: an
/// exhaustive `match`, so an action without its row does not compile (and a second row
/// for one action is an unreachable pattern, denied).
macro_rules! action_table {
    ($(
        $variant:ident $(($arg:path))? => $name:literal, $scope:ident, [$($key:literal),+], $description:ident;
    )*) => {
        /// Every action, in the order help and the palette list them.
        pub const ACTIONS: &[ActionDef] = &[$(*Action::$variant $(($arg))?.def()),*];

        impl Action {
            /// Its row in [`ACTIONS`].
            #[deny(unreachable_patterns)]
            pub const fn def(self) -> &'static ActionDef {
                match self {
                    $(Action::$variant $(($arg))? => &ActionDef {
                        action: Action::$variant $(($arg))?,
                        name: $name,
                        scope: Scope::$scope,
                        keys: &[$($key),+],
                        description: T::$description,
                    },)*
                }
            }
        }
    };
}

#[rustfmt::skip]
action_table! {
    Help => "help", Global, ["?", "f1"], ActHelp;
    Palette => "palette", Global, [":"], ActPalette;
    Jump => "jump", Global, ["ctrl-p"], ActJump;
    Who => "who", Global, ["w"], ActWho;
    Lists => "lists", Global, ["L"], ActLists;
    ExportSheets => "export_csv", Global, ["f7"], ActExportSheets;
    ImportOrgs => "import_orgs", Global, ["f8"], ActImportOrgs;
    ImportPeople => "import_people", Global, ["f9"], ActImportPeople;
    NextScreen => "next_screen", Global, ["tab"], ActNextScreen;
    PrevScreen => "prev_screen", Global, ["shift-tab"], ActPrevScreen;
    Screen(ScreenNumber::One) => "screen_1", Global, ["1"], ActScreen;
    Screen(ScreenNumber::Two) => "screen_2", Global, ["2"], ActScreen;
    Screen(ScreenNumber::Three) => "screen_3", Global, ["3"], ActScreen;
    Screen(ScreenNumber::Four) => "screen_4", Global, ["4"], ActScreen;
    Screen(ScreenNumber::Five) => "screen_5", Global, ["5"], ActScreen;
    Screen(ScreenNumber::Six) => "screen_6", Global, ["6"], ActScreen;
    Screen(ScreenNumber::Seven) => "screen_7", Global, ["7"], ActScreen;
    Screen(ScreenNumber::Eight) => "screen_8", Global, ["8"], ActScreen;
    Screen(ScreenNumber::Nine) => "screen_9", Global, ["9"], ActScreen;
    Refresh => "refresh", Global, ["ctrl-l"], ActRefresh;
    Suspend => "suspend", Global, ["ctrl-z"], ActSuspend;
    Quit => "quit", Global, ["q"], ActQuit;
    QuitNow => "quit_now", Global, ["ctrl-c"], ActQuitNow;
    Up => "up", List, ["k", "up"], ActUp;
    Down => "down", List, ["j", "down"], ActDown;
    Top => "top", List, ["g", "home"], ActTop;
    Bottom => "bottom", List, ["G", "end"], ActBottom;
    PageUp => "page_up", List, ["ctrl-u", "pageup"], ActPageUp;
    PageDown => "page_down", List, ["ctrl-d", "pagedown"], ActPageDown;
    Open => "open", List, ["enter"], ActOpen;
    Back => "back", List, ["esc"], ActBack;
    Filter => "filter", List, ["/"], ActFilter;
    New => "new", List, ["n"], ActNew;
    Edit => "edit", List, ["e"], ActEdit;
    LoadDemo => "load_demo", Welcome, ["d"], ActLoadDemo;
    NextField => "next_field", Form, ["tab", "down"], ActNextField;
    PrevField => "prev_field", Form, ["shift-tab", "up"], ActPrevField;
    Save => "save", Form, ["ctrl-s"], ActSave;
    ExternalEditor => "external_editor", Form, ["ctrl-o"], ActExternalEditor;
    ChoiceNext => "choice_next", Choice, ["space", "right"], ActChoiceNext;
    ChoicePrev => "choice_prev", Choice, ["left"], ActChoicePrev;
    // Popups' own questions.
    Yes => "yes", Confirm, ["y", "Y", "j", "J", "enter"], ActYes;
    No => "no", Confirm, ["n", "N", "esc"], ActNo;
    History => "history", Global, ["H"], ActHistory;
    ExportPerson => "export_person", List, ["X"], ActExportPerson;
    ErasePerson => "erase_person", List, ["D"], ActErasePerson;
    Retention => "retention", List, ["R"], ActRetention;
    OrgStatement => "org_statement", List, ["O"], ActOrgStatement;
    ConflictOverwrite => "conflict_overwrite", Conflict, ["o", "O"], ActConflictOverwrite;
    ConflictReload => "conflict_reload", Conflict, ["r", "R"], ActConflictReload;
    ConflictMerge => "conflict_merge", Conflict, ["m", "M"], ActConflictMerge;
    EraseConfirm => "erase_confirm", Erase, ["enter"], ActEraseConfirm;
    ListsNextKind => "lists_next_kind", Lists, ["tab"], ActListsNextKind;
    ListsPrevKind => "lists_prev_kind", Lists, ["shift-tab"], ActListsPrevKind;
    ListsRename => "lists_rename", Lists, ["ctrl-r"], ActListsRename;
    ListsMerge => "lists_merge", Lists, ["ctrl-e"], ActListsMerge;
    MeetingPrepare => "meeting_prepare", Meetings, ["p"], ActMeetingPrepare;
    MeetingAgenda => "meeting_agenda", Meetings, ["a"], ActMeetingAgenda;
    MeetingAttendance => "meeting_attendance", Meetings, ["A"], ActMeetingAttendance;
    MeetingHold => "meeting_hold", Meetings, ["h"], ActMeetingHold;
    MeetingFinalise => "meeting_finalise", Meetings, ["F"], ActMeetingFinalise;
    MeetingExport => "meeting_export", Meetings, ["x"], ActMeetingExport;
    MeetingSelect => "meeting_select", Meetings, ["space"], ActMeetingSelect;
    MeetingDelete => "meeting_delete", Meetings, ["d", "delete"], ActMeetingDelete;
    MeetingItemUp => "meeting_item_up", Meetings, ["K", "shift-up"], ActMeetingItemUp;
    MeetingItemDown => "meeting_item_down", Meetings, ["J", "shift-down"], ActMeetingItemDown;
    MeetingCancel => "meeting_cancel", Meetings, ["c"], ActMeetingCancel;
    MeetingInvite => "meeting_invite", Meetings, ["i"], ActMeetingInvite;
    MeetingFollowUp => "meeting_follow_up", Meetings, ["N"], ActMeetingFollowUp;
    MinutesStore => "minutes_store", Minutes, ["enter"], ActMinutesStore;
    MinutesSend => "minutes_send", Minutes, ["M"], ActMinutesSend;
    MinutesComplete => "minutes_complete", Minutes, ["tab"], ActMinutesComplete;
    MinutesPrevItem => "minutes_prev_item", Minutes, ["alt-up", "f5"], ActMinutesPrevItem;
    MinutesNextItem => "minutes_next_item", Minutes, ["alt-down", "f6"], ActMinutesNextItem;
    MinutesMove => "minutes_move", Minutes, ["m"], ActMinutesMove;
    MinutesAnswer => "minutes_answer", Minutes, ["v"], ActMinutesAnswer;
    MinutesSyntax => "minutes_syntax", Minutes, ["f2"], ActMinutesSyntax;
    QuickAdd => "quick_add", Global, ["a"], ActQuickAdd;
    Mark => "mark", List, ["space"], ActMark;
    FilterMine => "filter_mine", List, ["@"], ActFilterMine;
    FilterOverdue => "filter_overdue", List, ["!"], ActFilterOverdue;
    FilterUnassigned => "filter_unassigned", List, ["u"], ActFilterUnassigned;
    FilterBy => "filter_by", List, ["F"], ActFilterBy;
    Triage => "triage", Inbox, ["t"], ActTriage;
    Start => "start", Inbox, ["s"], ActStart;
    Feedback => "feedback", Inbox, ["f"], ActFeedback;
    Decline => "decline", Inbox, ["x"], ActDecline;
    Merge => "merge", Inbox, ["m"], ActMerge;
    CloseSignal => "close_signal", Inbox, ["c"], ActCloseSignal;
    Reopen => "reopen", Inbox, ["o"], ActReopen;
    AddAction => "add_action", Inbox, ["A"], ActAddAction;
    AddCommitment => "add_commitment", Inbox, ["C"], ActAddCommitment;
    Done => "done", Tracker, ["d"], ActDone;
    Break => "break", Tracker, ["b"], ActBreak;
    Withdraw => "withdraw", Tracker, ["W"], ActWithdraw;
    MoveDue => "move_due", Tracker, ["m"], ActMoveDue;
    CancelAction => "cancel_action", Tracker, ["x"], ActCancelAction;
    WhoAssign => "who_assign", Who, ["a"], ActWhoAssign;
    Search => "search", Global, ["ctrl-f", "S"], ActSearch;
    ReportNextSection => "report_next_section", Reports, ["]"], ActReportNextSection;
    ReportPrevSection => "report_prev_section", Reports, ["["], ActReportPrevSection;
    ReportLeft => "report_left", Reports, ["h", "left"], ActReportLeft;
    ReportRight => "report_right", Reports, ["l", "right"], ActReportRight;
    ReportPeriod => "report_period", Reports, ["p"], ActReportPeriod;
}

impl Action {
    /// Every action, in the order help and the palette list them.
    pub fn all() -> Vec<Action> {
        ACTIONS.iter().map(|d| d.action).collect()
    }

    pub fn scope(self) -> Scope {
        self.def().scope
    }

    /// The name used in the config file's `[keys]` table and matched by the palette.
    pub fn name(self) -> String {
        self.def().name.to_string()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        let name = name.trim().to_lowercase().replace('-', "_");
        ACTIONS.iter().find(|d| d.name == name).map(|d| d.action)
    }

    /// The description shown in help and the palette (screen actions are named after
    /// their screen by the caller).
    pub fn description(self) -> T {
        self.def().description
    }

    /// Offered in the command palette (form and movement keys and popups' own keys are
    /// not commands).
    pub fn in_palette(self) -> bool {
        // The minutes editor's keys are no commands; nor are who-does-what's, which act
        // on the contact chosen in its popup.
        let scope = self.scope();
        scope != Scope::Minutes
            && scope != Scope::Who
            && !scope.is_popup()
            && !matches!(
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
                    | Action::ExternalEditor
            )
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

    /// One row per action is the compiler's check (see `action_table!`); names are
    /// strings, so their uniqueness is this test's.
    #[test]
    fn every_name_is_unique_and_every_scope_has_actions() {
        for (i, d) in ACTIONS.iter().enumerate() {
            assert!(
                ACTIONS[i + 1..].iter().all(|o| o.name != d.name),
                "{} twice",
                d.name
            );
            assert!(!d.keys.is_empty(), "{:?} has no default key", d.action);
            assert_eq!(d.action.def().name, d.name, "{:?}", d.action);
        }
        for scope in Scope::ALL {
            assert!(ACTIONS.iter().any(|d| d.scope == scope), "{scope:?} empty");
        }
    }
}

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
    Screen(u8),
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

const fn def(
    action: Action,
    name: &'static str,
    scope: Scope,
    keys: &'static [&'static str],
    description: T,
) -> ActionDef {
    ActionDef {
        action,
        name,
        scope,
        keys,
        description,
    }
}

use Action as A;

/// Every action, in the order help and the palette list them.
#[rustfmt::skip]
pub const ACTIONS: &[ActionDef] = &[
    def(A::Help, "help", Scope::Global, &["?", "f1"], T::ActHelp),
    def(A::Palette, "palette", Scope::Global, &[":"], T::ActPalette),
    def(A::Jump, "jump", Scope::Global, &["ctrl-p"], T::ActJump),
    def(A::Who, "who", Scope::Global, &["w"], T::ActWho),
    def(A::Lists, "lists", Scope::Global, &["L"], T::ActLists),
    def(A::ExportSheets, "export_csv", Scope::Global, &["f7"], T::ActExportSheets),
    def(A::ImportOrgs, "import_orgs", Scope::Global, &["f8"], T::ActImportOrgs),
    def(A::ImportPeople, "import_people", Scope::Global, &["f9"], T::ActImportPeople),
    def(A::NextScreen, "next_screen", Scope::Global, &["tab"], T::ActNextScreen),
    def(A::PrevScreen, "prev_screen", Scope::Global, &["shift-tab"], T::ActPrevScreen),
    def(A::Screen(1), "screen_1", Scope::Global, &["1"], T::ActScreen),
    def(A::Screen(2), "screen_2", Scope::Global, &["2"], T::ActScreen),
    def(A::Screen(3), "screen_3", Scope::Global, &["3"], T::ActScreen),
    def(A::Screen(4), "screen_4", Scope::Global, &["4"], T::ActScreen),
    def(A::Screen(5), "screen_5", Scope::Global, &["5"], T::ActScreen),
    def(A::Screen(6), "screen_6", Scope::Global, &["6"], T::ActScreen),
    def(A::Screen(7), "screen_7", Scope::Global, &["7"], T::ActScreen),
    def(A::Screen(8), "screen_8", Scope::Global, &["8"], T::ActScreen),
    def(A::Screen(9), "screen_9", Scope::Global, &["9"], T::ActScreen),
    def(A::Refresh, "refresh", Scope::Global, &["ctrl-l"], T::ActRefresh),
    def(A::Suspend, "suspend", Scope::Global, &["ctrl-z"], T::ActSuspend),
    def(A::Quit, "quit", Scope::Global, &["q"], T::ActQuit),
    def(A::QuitNow, "quit_now", Scope::Global, &["ctrl-c"], T::ActQuitNow),
    def(A::Up, "up", Scope::List, &["k", "up"], T::ActUp),
    def(A::Down, "down", Scope::List, &["j", "down"], T::ActDown),
    def(A::Top, "top", Scope::List, &["g", "home"], T::ActTop),
    def(A::Bottom, "bottom", Scope::List, &["G", "end"], T::ActBottom),
    def(A::PageUp, "page_up", Scope::List, &["ctrl-u", "pageup"], T::ActPageUp),
    def(A::PageDown, "page_down", Scope::List, &["ctrl-d", "pagedown"], T::ActPageDown),
    def(A::Open, "open", Scope::List, &["enter"], T::ActOpen),
    def(A::Back, "back", Scope::List, &["esc"], T::ActBack),
    def(A::Filter, "filter", Scope::List, &["/"], T::ActFilter),
    def(A::New, "new", Scope::List, &["n"], T::ActNew),
    def(A::Edit, "edit", Scope::List, &["e"], T::ActEdit),
    def(A::LoadDemo, "load_demo", Scope::Welcome, &["d"], T::ActLoadDemo),
    def(A::NextField, "next_field", Scope::Form, &["tab", "down"], T::ActNextField),
    def(A::PrevField, "prev_field", Scope::Form, &["shift-tab", "up"], T::ActPrevField),
    def(A::Save, "save", Scope::Form, &["ctrl-s"], T::ActSave),
    def(A::ExternalEditor, "external_editor", Scope::Form, &["ctrl-o"], T::ActExternalEditor),
    def(A::ChoiceNext, "choice_next", Scope::Choice, &["space", "right"], T::ActChoiceNext),
    def(A::ChoicePrev, "choice_prev", Scope::Choice, &["left"], T::ActChoicePrev),
    // Popups' own questions.
    def(A::Yes, "yes", Scope::Confirm, &["y", "Y", "j", "J", "enter"], T::ActYes),
    def(A::No, "no", Scope::Confirm, &["n", "N", "esc"], T::ActNo),
    def(A::History, "history", Scope::Global, &["H"], T::ActHistory),
    def(A::ExportPerson, "export_person", Scope::List, &["X"], T::ActExportPerson),
    def(A::ErasePerson, "erase_person", Scope::List, &["D"], T::ActErasePerson),
    def(A::Retention, "retention", Scope::List, &["R"], T::ActRetention),
    def(A::OrgStatement, "org_statement", Scope::List, &["O"], T::ActOrgStatement),
    def(A::ConflictOverwrite, "conflict_overwrite", Scope::Conflict, &["o", "O"], T::ActConflictOverwrite),
    def(A::ConflictReload, "conflict_reload", Scope::Conflict, &["r", "R"], T::ActConflictReload),
    def(A::ConflictMerge, "conflict_merge", Scope::Conflict, &["m", "M"], T::ActConflictMerge),
    def(A::EraseConfirm, "erase_confirm", Scope::Erase, &["enter"], T::ActEraseConfirm),
    def(A::ListsNextKind, "lists_next_kind", Scope::Lists, &["tab"], T::ActListsNextKind),
    def(A::ListsPrevKind, "lists_prev_kind", Scope::Lists, &["shift-tab"], T::ActListsPrevKind),
    def(A::ListsRename, "lists_rename", Scope::Lists, &["ctrl-r"], T::ActListsRename),
    def(A::ListsMerge, "lists_merge", Scope::Lists, &["ctrl-e"], T::ActListsMerge),
    def(A::MeetingPrepare, "meeting_prepare", Scope::Meetings, &["p"], T::ActMeetingPrepare),
    def(A::MeetingAgenda, "meeting_agenda", Scope::Meetings, &["a"], T::ActMeetingAgenda),
    def(A::MeetingAttendance, "meeting_attendance", Scope::Meetings, &["A"], T::ActMeetingAttendance),
    def(A::MeetingHold, "meeting_hold", Scope::Meetings, &["h"], T::ActMeetingHold),
    def(A::MeetingFinalise, "meeting_finalise", Scope::Meetings, &["F"], T::ActMeetingFinalise),
    def(A::MeetingExport, "meeting_export", Scope::Meetings, &["x"], T::ActMeetingExport),
    def(A::MeetingSelect, "meeting_select", Scope::Meetings, &["space"], T::ActMeetingSelect),
    def(A::MeetingDelete, "meeting_delete", Scope::Meetings, &["d", "delete"], T::ActMeetingDelete),
    def(A::MeetingItemUp, "meeting_item_up", Scope::Meetings, &["K", "shift-up"], T::ActMeetingItemUp),
    def(A::MeetingItemDown, "meeting_item_down", Scope::Meetings, &["J", "shift-down"], T::ActMeetingItemDown),
    def(A::MeetingCancel, "meeting_cancel", Scope::Meetings, &["c"], T::ActMeetingCancel),
    def(A::MeetingInvite, "meeting_invite", Scope::Meetings, &["i"], T::ActMeetingInvite),
    def(A::MeetingFollowUp, "meeting_follow_up", Scope::Meetings, &["N"], T::ActMeetingFollowUp),
    def(A::MinutesStore, "minutes_store", Scope::Minutes, &["enter"], T::ActMinutesStore),
    def(A::MinutesSend, "minutes_send", Scope::Minutes, &["M"], T::ActMinutesSend),
    def(A::MinutesComplete, "minutes_complete", Scope::Minutes, &["tab"], T::ActMinutesComplete),
    def(A::MinutesPrevItem, "minutes_prev_item", Scope::Minutes, &["alt-up", "f5"], T::ActMinutesPrevItem),
    def(A::MinutesNextItem, "minutes_next_item", Scope::Minutes, &["alt-down", "f6"], T::ActMinutesNextItem),
    def(A::MinutesMove, "minutes_move", Scope::Minutes, &["m"], T::ActMinutesMove),
    def(A::MinutesAnswer, "minutes_answer", Scope::Minutes, &["v"], T::ActMinutesAnswer),
    def(A::MinutesSyntax, "minutes_syntax", Scope::Minutes, &["f2"], T::ActMinutesSyntax),
    def(A::QuickAdd, "quick_add", Scope::Global, &["a"], T::ActQuickAdd),
    def(A::Mark, "mark", Scope::List, &["space"], T::ActMark),
    def(A::FilterMine, "filter_mine", Scope::List, &["@"], T::ActFilterMine),
    def(A::FilterOverdue, "filter_overdue", Scope::List, &["!"], T::ActFilterOverdue),
    def(A::FilterUnassigned, "filter_unassigned", Scope::List, &["u"], T::ActFilterUnassigned),
    def(A::FilterBy, "filter_by", Scope::List, &["F"], T::ActFilterBy),
    def(A::Triage, "triage", Scope::Inbox, &["t"], T::ActTriage),
    def(A::Start, "start", Scope::Inbox, &["s"], T::ActStart),
    def(A::Feedback, "feedback", Scope::Inbox, &["f"], T::ActFeedback),
    def(A::Decline, "decline", Scope::Inbox, &["x"], T::ActDecline),
    def(A::Merge, "merge", Scope::Inbox, &["m"], T::ActMerge),
    def(A::CloseSignal, "close_signal", Scope::Inbox, &["c"], T::ActCloseSignal),
    def(A::Reopen, "reopen", Scope::Inbox, &["o"], T::ActReopen),
    def(A::AddAction, "add_action", Scope::Inbox, &["A"], T::ActAddAction),
    def(A::AddCommitment, "add_commitment", Scope::Inbox, &["C"], T::ActAddCommitment),
    def(A::Done, "done", Scope::Tracker, &["d"], T::ActDone),
    def(A::Break, "break", Scope::Tracker, &["b"], T::ActBreak),
    def(A::Withdraw, "withdraw", Scope::Tracker, &["W"], T::ActWithdraw),
    def(A::MoveDue, "move_due", Scope::Tracker, &["m"], T::ActMoveDue),
    def(A::CancelAction, "cancel_action", Scope::Tracker, &["x"], T::ActCancelAction),
    def(A::WhoAssign, "who_assign", Scope::Who, &["a"], T::ActWhoAssign),
    def(A::Search, "search", Scope::Global, &["ctrl-f", "S"], T::ActSearch),
    def(A::ReportNextSection, "report_next_section", Scope::Reports, &["]"], T::ActReportNextSection),
    def(A::ReportPrevSection, "report_prev_section", Scope::Reports, &["["], T::ActReportPrevSection),
    def(A::ReportLeft, "report_left", Scope::Reports, &["h", "left"], T::ActReportLeft),
    def(A::ReportRight, "report_right", Scope::Reports, &["l", "right"], T::ActReportRight),
    def(A::ReportPeriod, "report_period", Scope::Reports, &["p"], T::ActReportPeriod),
];

impl Action {
    /// Every action, in the order help and the palette list them.
    pub fn all() -> Vec<Action> {
        ACTIONS.iter().map(|d| d.action).collect()
    }

    /// Its line in [`ACTIONS`]; every action has one (a unit test checks).
    pub fn def(self) -> &'static ActionDef {
        ACTIONS
            .iter()
            .find(|d| d.action == self)
            .unwrap_or(&ACTIONS[0])
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

    #[test]
    fn every_action_is_defined_once() {
        for (i, d) in ACTIONS.iter().enumerate() {
            assert!(
                ACTIONS[i + 1..]
                    .iter()
                    .all(|o| o.action != d.action && o.name != d.name),
                "{:?} twice",
                d.action
            );
            assert!(!d.keys.is_empty(), "{:?} has no default key", d.action);
        }
        for scope in Scope::ALL {
            assert!(ACTIONS.iter().any(|d| d.scope == scope), "{scope:?} empty");
        }
    }
}

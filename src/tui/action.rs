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
    // Meetings and minutes
    /// The meetings list and its popups (agenda, attendance, preparation).
    Meetings,
    /// The minutes editor; plain characters are typed text while the input line has focus.
    Minutes,
    // Inbox and tracker: keys that mean something on one screen only.
    Inbox,
    Tracker,
    // Search and reports
    Reports,
    /// The who-does-what popup's list of contacts.
    Who,
}

impl Scope {
    pub const ALL: [Scope; 10] = [
        Scope::Global,
        Scope::List,
        Scope::Welcome,
        Scope::Form,
        // Meetings and minutes
        Scope::Meetings,
        Scope::Minutes,
        // Inbox and tracker.
        Scope::Inbox,
        Scope::Tracker,
        // Search and reports
        Scope::Reports,
        Scope::Who,
    ];

    pub fn title(self) -> T {
        match self {
            Scope::Global => T::ScopeGlobal,
            Scope::List => T::ScopeList,
            Scope::Welcome => T::ScopeWelcome,
            Scope::Form => T::ScopeForm,
            // Meetings and minutes
            Scope::Meetings => T::ScopeMeetings,
            Scope::Minutes => T::ScopeMinutes,
            // Inbox and tracker.
            Scope::Inbox => T::ScopeInbox,
            Scope::Tracker => T::ScopeTracker,
            // Search and reports
            Scope::Reports => T::ScopeReports,
            Scope::Who => T::ScopeWho,
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
    /// The kept lists of districts, neighbourhoods and themes (from the palette).
    Lists,
    /// Every list as CSV files for a spreadsheet (from the palette).
    ExportSheets,
    /// Organisations or people from a CSV file (from the palette).
    ImportOrgs,
    ImportPeople,
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
    // Trust: conflicts, history, AVG
    History,
    ExportPerson,
    OrgStatement,
    ErasePerson,
    Retention,
    // Meetings and minutes
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
    MinutesSend,
    MinutesComplete,
    MinutesPrevItem,
    MinutesNextItem,
    MinutesMove,
    MinutesAnswer,
    MinutesSyntax,
    // Inbox and tracker.
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
    /// Who does what: give the selected signal to the chosen contact.
    WhoAssign,
    // Search and reports
    Search,
    ReportNextSection,
    ReportPrevSection,
    ReportLeft,
    ReportRight,
    ReportPeriod,
}

/// The actions of the inbox and the tracker, in help order.
pub const LOOP_ACTIONS: [Action; 20] = [
    Action::QuickAdd,
    Action::Mark,
    Action::FilterMine,
    Action::FilterOverdue,
    Action::FilterUnassigned,
    Action::FilterBy,
    Action::Triage,
    Action::Start,
    Action::Feedback,
    Action::Decline,
    Action::Merge,
    Action::CloseSignal,
    Action::Reopen,
    Action::AddAction,
    Action::AddCommitment,
    Action::Done,
    Action::Break,
    Action::Withdraw,
    Action::MoveDue,
    Action::CancelAction,
];

impl Action {
    /// Every action, in the order help and the palette list them.
    pub fn all() -> Vec<Action> {
        let mut v = vec![
            Action::Help,
            Action::Palette,
            Action::Jump,
            Action::Who,
            Action::Lists,
            Action::ExportSheets,
            Action::ImportOrgs,
            Action::ImportPeople,
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
        // Trust: conflicts, history, AVG
        v.extend([
            Action::History,
            Action::ExportPerson,
            Action::ErasePerson,
            Action::Retention,
            Action::OrgStatement,
        ]);
        // Meetings and minutes
        v.extend([
            Action::MeetingPrepare,
            Action::MeetingAgenda,
            Action::MeetingAttendance,
            Action::MeetingHold,
            Action::MeetingFinalise,
            Action::MeetingExport,
            Action::MeetingSelect,
            Action::MeetingDelete,
            Action::MeetingItemUp,
            Action::MeetingItemDown,
            Action::MeetingCancel,
            Action::MeetingInvite,
            Action::MeetingFollowUp,
            Action::MinutesSend,
            Action::MinutesComplete,
            Action::MinutesPrevItem,
            Action::MinutesNextItem,
            Action::MinutesMove,
            Action::MinutesAnswer,
            Action::MinutesSyntax,
        ]);
        // Inbox and tracker.
        v.extend(LOOP_ACTIONS);
        v.push(Action::WhoAssign);
        // Search and reports
        v.extend([
            Action::Search,
            Action::ReportNextSection,
            Action::ReportPrevSection,
            Action::ReportLeft,
            Action::ReportRight,
            Action::ReportPeriod,
        ]);
        v
    }

    pub fn scope(self) -> Scope {
        use Action::*;
        match self {
            Help | Palette | Jump | Who | Lists | Quit | QuitNow | NextScreen | PrevScreen
            | Screen(_) | Suspend | Refresh => Scope::Global,
            ExportSheets | ImportOrgs | ImportPeople => Scope::Global,
            Up | Down | Top | Bottom | PageUp | PageDown | Open | Back | Filter | New | Edit => {
                Scope::List
            }
            LoadDemo => Scope::Welcome,
            NextField | PrevField | Save => Scope::Form,
            // Trust: conflicts, history, AVG
            History => Scope::Global,
            ExportPerson | ErasePerson | Retention | OrgStatement => Scope::List,
            // Meetings and minutes
            MeetingPrepare | MeetingAgenda | MeetingAttendance | MeetingHold | MeetingFinalise
            | MeetingExport | MeetingSelect | MeetingDelete | MeetingItemUp | MeetingItemDown
            | MeetingCancel | MeetingInvite | MeetingFollowUp => Scope::Meetings,
            MinutesComplete | MinutesPrevItem | MinutesNextItem | MinutesMove | MinutesAnswer
            | MinutesSend | MinutesSyntax => Scope::Minutes,
            // Inbox and tracker.
            QuickAdd => Scope::Global,
            Mark | FilterMine | FilterOverdue | FilterUnassigned | FilterBy => Scope::List,
            Triage | Start | Feedback | Decline | Merge | CloseSignal | Reopen | AddAction
            | AddCommitment => Scope::Inbox,
            Done | Break | Withdraw | MoveDue | CancelAction => Scope::Tracker,
            WhoAssign => Scope::Who,
            // Search and reports
            Search => Scope::Global,
            ReportNextSection | ReportPrevSection | ReportLeft | ReportRight | ReportPeriod => {
                Scope::Reports
            }
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
            Lists => "lists",
            ExportSheets => "export_csv",
            ImportOrgs => "import_orgs",
            ImportPeople => "import_people",
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
            // Trust: conflicts, history, AVG
            History => "history",
            ExportPerson => "export_person",
            OrgStatement => "org_statement",
            ErasePerson => "erase_person",
            Retention => "retention",
            // Meetings and minutes
            MeetingPrepare => "meeting_prepare",
            MeetingAgenda => "meeting_agenda",
            MeetingAttendance => "meeting_attendance",
            MeetingHold => "meeting_hold",
            MeetingFinalise => "meeting_finalise",
            MeetingExport => "meeting_export",
            MeetingSelect => "meeting_select",
            MeetingDelete => "meeting_delete",
            MeetingItemUp => "meeting_item_up",
            MeetingItemDown => "meeting_item_down",
            MeetingCancel => "meeting_cancel",
            MeetingInvite => "meeting_invite",
            MeetingFollowUp => "meeting_follow_up",
            MinutesSend => "minutes_send",
            MinutesComplete => "minutes_complete",
            MinutesPrevItem => "minutes_prev_item",
            MinutesNextItem => "minutes_next_item",
            MinutesMove => "minutes_move",
            MinutesAnswer => "minutes_answer",
            MinutesSyntax => "minutes_syntax",
            // Inbox and tracker.
            QuickAdd => "quick_add",
            Mark => "mark",
            FilterMine => "filter_mine",
            FilterOverdue => "filter_overdue",
            FilterUnassigned => "filter_unassigned",
            FilterBy => "filter_by",
            Triage => "triage",
            Start => "start",
            Feedback => "feedback",
            Decline => "decline",
            Merge => "merge",
            CloseSignal => "close_signal",
            Reopen => "reopen",
            AddAction => "add_action",
            AddCommitment => "add_commitment",
            Done => "done",
            Break => "break",
            Withdraw => "withdraw",
            MoveDue => "move_due",
            CancelAction => "cancel_action",
            WhoAssign => "who_assign",
            // Search and reports
            Search => "search",
            ReportNextSection => "report_next_section",
            ReportPrevSection => "report_prev_section",
            ReportLeft => "report_left",
            ReportRight => "report_right",
            ReportPeriod => "report_period",
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
            Lists => T::ActLists,
            ExportSheets => T::ActExportSheets,
            ImportOrgs => T::ActImportOrgs,
            ImportPeople => T::ActImportPeople,
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
            // Trust: conflicts, history, AVG
            History => T::ActHistory,
            ExportPerson => T::ActExportPerson,
            OrgStatement => T::ActOrgStatement,
            ErasePerson => T::ActErasePerson,
            Retention => T::ActRetention,
            // Meetings and minutes
            MeetingPrepare => T::ActMeetingPrepare,
            MeetingAgenda => T::ActMeetingAgenda,
            MeetingAttendance => T::ActMeetingAttendance,
            MeetingHold => T::ActMeetingHold,
            MeetingFinalise => T::ActMeetingFinalise,
            MeetingExport => T::ActMeetingExport,
            MeetingSelect => T::ActMeetingSelect,
            MeetingDelete => T::ActMeetingDelete,
            MeetingItemUp => T::ActMeetingItemUp,
            MeetingItemDown => T::ActMeetingItemDown,
            MeetingCancel => T::ActMeetingCancel,
            MeetingInvite => T::ActMeetingInvite,
            MeetingFollowUp => T::ActMeetingFollowUp,
            MinutesSend => T::ActMinutesSend,
            MinutesComplete => T::ActMinutesComplete,
            MinutesPrevItem => T::ActMinutesPrevItem,
            MinutesNextItem => T::ActMinutesNextItem,
            MinutesMove => T::ActMinutesMove,
            MinutesAnswer => T::ActMinutesAnswer,
            MinutesSyntax => T::ActMinutesSyntax,
            // Inbox and tracker.
            QuickAdd => T::ActQuickAdd,
            Mark => T::ActMark,
            FilterMine => T::ActFilterMine,
            FilterOverdue => T::ActFilterOverdue,
            FilterUnassigned => T::ActFilterUnassigned,
            FilterBy => T::ActFilterBy,
            Triage => T::ActTriage,
            Start => T::ActStart,
            Feedback => T::ActFeedback,
            Decline => T::ActDecline,
            Merge => T::ActMerge,
            CloseSignal => T::ActCloseSignal,
            Reopen => T::ActReopen,
            AddAction => T::ActAddAction,
            AddCommitment => T::ActAddCommitment,
            Done => T::ActDone,
            Break => T::ActBreak,
            Withdraw => T::ActWithdraw,
            MoveDue => T::ActMoveDue,
            CancelAction => T::ActCancelAction,
            WhoAssign => T::ActWhoAssign,
            // Search and reports
            Search => T::ActSearch,
            ReportNextSection => T::ActReportNextSection,
            ReportPrevSection => T::ActReportPrevSection,
            ReportLeft => T::ActReportLeft,
            ReportRight => T::ActReportRight,
            ReportPeriod => T::ActReportPeriod,
        }
    }

    /// Offered in the command palette (form and movement keys are not commands).
    pub fn in_palette(self) -> bool {
        // Meetings and minutes: the minutes editor's keys are no commands; nor are
        // who-does-what's, which act on the contact chosen in its popup.
        self.scope() != Scope::Minutes
            && self.scope() != Scope::Who
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
    /// The top popup throws away what was typed (the answer to "Discard what you
    /// typed?"): see [`super::popups::Popup::discard`].
    Discard,
    /// A record was saved: show it on the screen that lists it, and say so. (The
    /// shell reloads what is shown whenever the store's change generation moves;
    /// this effect only says what to select.)
    Saved {
        record: crate::domain::RecordRef,
        message: String,
    },
    /// One signal was triaged: where the screen keeps a triage queue (the inbox) move
    /// on to the next untriaged signal instead of showing this one.
    Triaged {
        record: crate::domain::RecordRef,
        message: String,
    },
    /// Do an action as if its key was pressed (the palette).
    Run(Action),
    /// Show a record on the screen that lists it (the jump list).
    Goto(crate::domain::RecordRef),
    /// Show a record in full on the screen that lists it (a person from who-does-what).
    Open(crate::domain::RecordRef),
    // Inbox and tracker.
    /// A picker's choice for the current screen: what was picked (`tag`) and its value.
    Pick { tag: &'static str, value: String },
    /// Edit text in `$EDITOR` (the shell leaves the screen, runs it and comes back),
    /// then hand the result to the top popup.
    ExternalEdit(String),
    /// Send feedback by e-mail off the input path; the answer comes back later.
    Mail(Box<super::worker::MailJob>),
    /// Send a meeting's invitation or minutes off the input path.
    MeetingMail(Box<super::worker::MeetingMailJob>),
    /// Write and/or e-mail an organisation's statement off the input path.
    Statement(Box<super::worker::StatementJob>),
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
    /// Computes reports on its own thread, when the shell runs one (not in tests).
    pub reports: Option<&'a super::worker::ReportWorker>,
    /// Stores writes that wait for another user's change, off the input path, when the
    /// shell runs one (not in tests: there a locked write is refused at once).
    pub writes: Option<&'a super::worker::WriteWorker>,
    /// A detail pane beside a list follows the selection once the cursor rests
    /// ([`super::screens::Screen::settle`]) rather than on every move; the shell sets
    /// this, tests need not.
    pub defer_details: bool,
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

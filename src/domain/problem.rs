//! What went wrong, as data: which rule, which field, which values. The domain and the
//! store return these; the screens and the command line put them into words through
//! [`crate::words`], in the user's language. No sentence is built here.

use super::RecordKind;
use super::action::{ActionEvent, ActionState};
use super::commitment::{CommitmentEvent, CommitmentState};
use super::dates::DateError;
use super::meeting::{MeetingEvent, MeetingStatus};
use super::minutes::{EntryKind, TokenKind};
use super::signal::{SignalEvent, SignalState};
use super::vocab::TermKind;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// A field a problem is about: forms place the problem beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Name,
    PersonName,
    OrgName,
    OrgKind,
    Email,
    Phone,
    Username,
    Cadence,
    Org,
    SignalTitle,
    MeetingTitle,
    AgendaTitle,
    ActionText,
    CommitmentText,
    FeedbackText,
    DeclineExplanation,
    ReopenReason,
    WhatWentWrong,
    Prevention,
    WithdrawReason,
    MoveReason,
    Owner,
    Due,
    FeedbackDue,
    Start,
    End,
    Orgs,
    Period,
    Search,
    District,
    Neighbourhood,
    Theme,
}

/// Which way the clocks change on the night of a time that is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockChange {
    /// The hour skipped when the clocks go forward.
    Skipped,
    /// The hour repeated when they go back.
    Repeated,
}

/// What a long writer does while it holds the database (its record beside the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activity {
    /// Importing `rows` rows of a CSV file.
    Import { rows: usize },
    /// Generating demo data.
    DemoData,
}

/// Who holds the write lock, as the record a long writer leaves says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Holder {
    /// `who` (the account) doing `activity` since `since` (the writer's wall clock).
    Writer {
        who: String,
        activity: Activity,
        since: NaiveTime,
    },
    /// A record an older wijkdesk left, in its own (English) words: shown as it is.
    Stated { text: String },
}

/// What SQLite said went wrong, as far as it tells the user what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DbTrouble {
    /// Another user's change held the lock too long.
    Busy,
    ReadOnly,
    DiskFull,
    NotADatabase,
    CannotOpen,
    /// The file is damaged: SQLite met a page it cannot make sense of.
    Corrupt,
    /// Anything else: the error's own text says it.
    Other,
}

/// One refused step or rejected value. Minutes lines keep theirs as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Blank text where text is needed.
    Required {
        field: Field,
    },
    SignalStep {
        state: SignalState,
        event: SignalEvent,
    },
    SignalCloseWithoutFinal,
    ActionStep {
        state: ActionState,
        event: ActionEvent,
    },
    CommitmentStep {
        state: CommitmentState,
        event: CommitmentEvent,
    },
    MeetingStep {
        status: MeetingStatus,
        event: MeetingEvent,
    },
    MeetingCancelledLocked,
    MeetingNotStarted {
        starts_at: NaiveDateTime,
    },
    /// A wall-clock time that does not exist, or exists twice, in Europe/Amsterdam;
    /// `before` is the last clear minute before it, `from` the first after it.
    ClockTime {
        field: Field,
        at: NaiveDateTime,
        change: ClockChange,
        before: NaiveDateTime,
        from: NaiveDateTime,
    },
    OwnerErased {
        reference: String,
    },
    OwnerInResidentsOrg {
        name: String,
        reference: String,
        org: String,
    },
    OwnerWithoutOrg {
        name: String,
        reference: String,
    },
    OwnerIsResidentsOrg {
        name: String,
        reference: String,
    },
    OwnerIsPartner {
        name: String,
        reference: String,
    },
    PeriodBackwards {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// A problem with one record, named in front.
    Of {
        reference: String,
        problem: Box<Problem>,
    },

    /// Someone else changed `what` since it was read.
    Stale {
        what: String,
        had: i64,
        now: i64,
    },
    StaleAttendance {
        who: String,
        meeting: String,
        had: i64,
        now: i64,
    },
    /// Someone else took `who` off the meeting's invitation (an organisation) or list.
    AttendanceGone {
        who: String,
        org: bool,
        meeting: String,
    },
    StaleMinutesLine {
        position: i64,
        meeting: String,
        had: i64,
        now: i64,
    },
    StaleAgendaItem {
        position: i64,
        title: String,
        meeting: String,
        had: i64,
        now: i64,
    },

    /// `input` matches several records of `kind`.
    Ambiguous {
        input: String,
        kind: RecordKind,
        shown: Vec<String>,
    },
    NoOrgMatches {
        input: String,
    },
    NoPersonMatches {
        input: String,
    },
    OwnerNeeded,
    OwnerAmbiguous {
        input: String,
        shown: Vec<String>,
        more: usize,
    },
    NoOwnerMatches {
        input: String,
    },
    OnlyIneligibleOwners {
        input: String,
        shown: Vec<String>,
    },

    FollowUpTooEarly {
        previous: String,
        starts_at: NaiveDateTime,
    },
    NextFeedbackPast {
        date: NaiveDate,
    },
    TriageNeedsOwner,
    FeedbackDuePast {
        date: NaiveDate,
    },
    LaterDueNeedsReason {
        reference: String,
        from: Option<NaiveDate>,
        to: NaiveDate,
    },
    NoDueToMove {
        reference: String,
        state: SignalState,
    },
    DueAlready {
        reference: String,
        due: NaiveDate,
    },
    NothingToChange {
        reference: String,
    },
    NotAgendaMaterial {
        reference: String,
        kind: RecordKind,
    },
    AssignNotOpen {
        reference: String,
        state: SignalState,
    },
    AssignNeedsOwner,
    BreakNeedsAnswers,
    WithdrawNeedsReason,
    MergeIntoItself,
    MergeIntoClosed {
        target: String,
        state: SignalState,
    },
    /// `from_org`/`into_org` are None for a signal of no organisation.
    MergeAcrossOrgs {
        from: String,
        from_org: Option<String>,
        into: String,
        into_org: Option<String>,
    },

    TermNeedsName {
        kind: TermKind,
    },
    TermComma {
        kind: TermKind,
        name: String,
    },
    TermExists {
        kind: TermKind,
        name: String,
        listed: String,
    },
    /// Renaming onto a name on the list: merge instead (the words are shell-quoted).
    TermRenameOntoExisting {
        kind: TermKind,
        name: String,
        old_word: String,
        new_word: String,
    },
    TermSame {
        kind: TermKind,
        from: String,
        into: String,
    },

    NotOnList {
        who: String,
        meeting: String,
    },
    AgendaItemMissing {
        item: i64,
    },
    AgendaItemHasLines {
        position: i64,
        title: String,
        lines: i64,
    },
    AgendaItemIsSource {
        position: i64,
        title: String,
        records: Vec<String>,
    },
    EmptyLine,
    AgendaItemNotInMeeting {
        item: i64,
        meeting: String,
    },
    MinutesLineMissing {
        id: i64,
    },
    LineCannotBeEmptied,
    LineKeepsKind {
        record: String,
        kind: EntryKind,
    },
    NoSuchLine {
        meeting: String,
        position: i64,
    },
    NotAQuestion {
        position: i64,
        meeting: String,
        kind: EntryKind,
    },

    SearchEmpty,
    SearchNoWord {
        shown: String,
    },
    SearchTooManyWords {
        max: usize,
        count: usize,
    },
    SearchTooShort {
        words: String,
    },

    MeetingNeedsStart,
    /// `would`: an edit that would make it so, rather than a new meeting.
    EndsBeforeStart {
        end: NaiveDateTime,
        start: NaiveDateTime,
        would: bool,
    },
    NotInvited {
        org: String,
        meeting: String,
    },
    AddedAndRemoved {
        org: String,
        meeting: String,
    },

    OutboxMissing {
        id: i64,
    },
    OutboxNotFeedback {
        id: i64,
    },

    NotEmail {
        value: String,
    },
    NotPhone {
        value: String,
    },
    UsernameTaken {
        username: String,
        owner: String,
    },
    ErasedNoEdit {
        reference: String,
    },
    Erased {
        reference: String,
    },
    ErasedAlready {
        reference: String,
    },
    UnknownOrgKind {
        value: String,
    },
    CadenceRange {
        value: i64,
    },
    OrgNameTaken {
        name: String,
        other: String,
    },
    NotAFigure {
        figure: String,
    },

    /// A file that would be overwritten.
    FileExists {
        path: String,
    },
    NotAFileName {
        path: String,
    },
    PathNotUtf8,
    /// The operating system's own words for a failure are in `error`.
    CannotCreateIn {
        dir: String,
        error: String,
    },
    CannotWrite {
        path: String,
        error: String,
        disk_full_hint: bool,
    },
    CannotCreate {
        path: String,
        error: String,
    },

    CsvOpenQuote {
        line: u64,
    },
    CsvNotUtf8 {
        line: u64,
    },
    CsvUnreadable {
        line: u64,
        error: String,
    },
    CsvEmpty,
    CsvTwoColumns {
        line: u64,
        header: String,
    },
    CsvNoNameColumn {
        line: u64,
        found: Vec<String>,
    },
    CsvUnknownKind {
        value: String,
    },
    CsvCadence {
        value: String,
    },
    CsvNoSuchOrg {
        name: String,
    },
    CsvManyPeople {
        name: String,
        refs: Vec<String>,
    },
    CsvTooManyCells {
        cells: usize,
        header: usize,
    },
    CsvTooFewCells {
        cells: usize,
        header: usize,
    },
    CsvSameAsLine {
        first: u64,
    },
    /// A row that stopped the import half-way: `stored` rows before it were stored.
    CsvChangedDuringImport {
        problem: Box<Problem>,
        stored: usize,
    },

    FeedbackNoOrg {
        signal: String,
    },
    FeedbackNoAddress {
        org: String,
    },
    OutboxSentAlready {
        id: i64,
    },
    StatementNoAddress {
        org: String,
        reference: String,
    },
    StatementNotSent {
        error: String,
    },
    InvitationAfterMeeting {
        meeting: String,
        status: MeetingStatus,
    },
    /// No one to invite: no organisation invited, or none of them (`without_address`) has an address.
    NoInvitee {
        meeting: String,
        without_address: Vec<String>,
    },
    MinutesNotFinal {
        meeting: String,
        status: MeetingStatus,
    },
    NoMinutesRecipient {
        meeting: String,
        without_address: Vec<String>,
    },

    /// `due:` with nothing after the colon.
    MinutesDueEmpty,
    MinutesNotADate {
        value: String,
    },
    /// A second owner, organisation, theme or date: the first is used.
    MinutesMoreThanOne {
        used: TokenKind,
        ignored: TokenKind,
    },
    /// A token (`@jan`, `org:Duin`) that does not resolve, and why.
    MinutesTokenProblem {
        token: String,
        problem: Box<Problem>,
    },
    MinutesCommitmentNeedsOrg,
    MinutesCommitmentNeedsDue,
    /// A `#theme` not on the list: the signal is made without it.
    MinutesUnknownTheme {
        value: String,
        problem: Box<Problem>,
    },
    /// A problem an older version stored as English text.
    MinutesStored {
        text: String,
    },

    /// A district, neighbourhood or theme that is not on its kept list.
    UnknownTerm {
        kind: TermKind,
        value: String,
        suggestions: Vec<String>,
    },
    NotFound {
        reference: String,
    },
    /// Another user's change (`holder`: who and what, when known) held the database
    /// longer than this write would wait; nothing was written. `screens`: the user is
    /// in the screens, where what was typed stays.
    Busy {
        holder: Option<Holder>,
        waited_secs: u64,
        screens: bool,
    },
    /// A write that waits for another user's change, and gives up after `limit_secs`.
    Waiting {
        holder: Option<Holder>,
        limit_secs: u64,
    },
    /// Another user's change held the database for `waited_secs` (a queued line).
    Held {
        holder: Option<Holder>,
        waited_secs: u64,
    },
    /// The database file (`path`), or its folder (`folder`), is read-only for this user.
    ReadOnlyPlace {
        path: String,
        folder: bool,
    },
    /// The disk (file system) that holds the database at `path` has no room left for
    /// this user, `free` bytes: SQLite cannot even set up its shared index to read.
    NoSpace {
        path: String,
        free: u64,
    },
    /// The database file at `path` is damaged where SQLite reads it on opening; its own
    /// words in `error`.
    Damaged {
        path: String,
        error: String,
    },
    /// A folder where a database file was expected.
    IsADirectory {
        path: String,
    },
    /// The operating system's or SQLite's own words are in `error`.
    CannotOpen {
        path: String,
        error: String,
    },
    CannotLock {
        path: String,
        error: String,
    },
    CannotSync {
        path: String,
        error: String,
    },
    /// A file that is not an SQLite file at all.
    NotSqlite {
        path: String,
    },
    /// An SQLite file of another application.
    OtherApplication {
        path: String,
    },
    /// A database of a newer wijkdesk (`found`) than this one understands.
    SchemaNewer {
        found: i64,
        understood: i64,
    },
    /// The journal could not be switched to WAL (SQLite kept `mode`).
    NoWal {
        path: String,
        mode: String,
    },
    /// A load into a new file that another process has open.
    InUse {
        path: String,
    },
    /// A database error SQLite reported; `error` is its own text.
    Database {
        trouble: DbTrouble,
        error: String,
    },
    /// CSV text that could not be made (`error`: the writer's own words).
    CsvNotWritten {
        error: String,
    },
    /// A statement written to `path` but not sent, and why.
    WrittenNotSent {
        path: String,
        problem: Box<Problem>,
    },
    /// A date or time typed that could not be read.
    Date(DateError),
    /// Text that is not an ID of a record (of `expected`, when one kind is wanted).
    NotAnId {
        input: String,
        expected: Option<RecordKind>,
    },
    /// A due date (an action's or a commitment's) that lies before today.
    DuePast {
        date: NaiveDate,
    },
    /// A failure the program cannot explain further; `error` is the system's own text.
    Failure {
        error: String,
    },

    // The command line's own refusals. Words as typed (flags, paths, commands, chart
    // codes) are data: they are the same in every language.
    /// `flag` works only together with `needs` (e.g. "--send", "--channel email").
    NeedsFlag {
        flag: String,
        needs: String,
    },
    /// `flag` given `value`, outside `min` to `max`.
    FlagOutOfRange {
        flag: String,
        value: i64,
        min: i64,
        max: i64,
    },
    /// `--inactive-since` given with a filter that does not go with it.
    InactiveSinceAlone,
    /// `--expect-version` with more than one attendance mark.
    ExpectVersionOneMark,
    /// No person has `user` as username: for `--mine` (`mine`), else for the digest.
    NoPersonForUser {
        user: String,
        mine: bool,
    },
    /// An edit of `reference` (a record of `kind`) that names no field to change.
    NoChangeGiven {
        kind: RecordKind,
        reference: String,
    },
    /// `reference` is at version `now`, not `expected`: nothing was sent.
    ChangedMeanwhile {
        reference: String,
        now: i64,
        expected: i64,
    },
    ReceivedInFuture {
        date: NaiveDate,
        today: NaiveDate,
    },
    /// `failed` messages not sent; `outbox`: say they wait in the outbox.
    NotSent {
        failed: usize,
        outbox: bool,
    },
    /// A term not on its list, and the command (`list`) that shows the list.
    TermNotListed {
        problem: Box<Problem>,
        list: String,
    },
    NotUtf8Text {
        path: String,
    },
    /// A line of `path` the CSV reader refused; `error` is the reader's own text.
    FileLine {
        path: String,
        line: usize,
        error: String,
    },
    NoNamesIn {
        path: String,
    },
    /// Standard output (or the file it goes to) could not be written; the OS's text.
    OutputNotWritten {
        error: String,
    },
    /// JSON that could not be made; `error` is the writer's own text.
    JsonNotWritten {
        error: String,
    },
    /// The operating system's own words are in `error`.
    CannotRead {
        path: String,
        error: String,
    },
    CannotMakeFolder {
        path: String,
        error: String,
    },
    ImportTooLarge {
        path: String,
        mb: u64,
    },
    NoDatabase {
        path: String,
    },
    NotAMinutesLineRef {
        input: String,
    },
    /// `meeting` has no agenda item `item`; `has`: how many it has, when said.
    NoAgendaItem {
        meeting: String,
        item: i64,
        has: Option<usize>,
    },
    NotForAgenda {
        reference: String,
    },
    /// An agenda item moved past the top (`first`) or the bottom.
    AgendaItemAtEnd {
        item: i64,
        first: bool,
    },
    /// A manual page asked for a command that is not there.
    NoCommand {
        command: String,
        commands: Vec<String>,
    },
    /// `--format svg` without a chart; `charts`: the chart codes to choose from.
    SvgNeedsChart {
        charts: String,
    },
    NoSuchChart {
        report: String,
        chart: String,
        has: String,
    },
    /// `-o path` with a format that is not a picture.
    OutputOnlyPictures {
        path: String,
    },
    EraseNeedsYes {
        reference: String,
    },
    /// Demo data asked for a database (`path`) that holds `orgs` organisations.
    DemoNeedsEmpty {
        path: String,
        orgs: i64,
    },
    /// A demo load into a new file that failed (`problem`): the file may be half written.
    DemoHalfWritten {
        path: String,
        problem: Box<Problem>,
    },
    /// Feedback e-mail to `to` (outbox `id`) that was not given: `sent` but the
    /// feedback not recorded, or not sent and kept for a retry. `error`: why, as the
    /// outbox keeps it.
    FeedbackMailNotGiven {
        to: String,
        id: i64,
        sent: bool,
        error: Option<String>,
    },
    /// An import refused whole: these lines (numbers as in the file) cannot be taken.
    NothingImported {
        lines: Vec<u64>,
    },
    /// `check` found `problems` problems in the database at `path` (listed on stdout).
    CheckFound {
        path: String,
        problems: usize,
    },
    /// A chart (its code) the drawing library could not draw; `error`: its own text.
    ChartNotDrawn {
        chart: String,
        error: String,
    },
    /// A snapshot of the screens asked at a size they cannot be drawn in.
    SnapshotTooSmall {
        width: u16,
        height: u16,
    },
    /// A snapshot of a screen (`name`) that is not there; `screens`: the names there are.
    NoScreen {
        name: String,
        screens: Vec<String>,
    },
    /// Minutes of `meeting` not made final: each line (its position) still has problems.
    MinutesHaveProblems {
        meeting: String,
        lines: Vec<(i64, Vec<Problem>)>,
    },
}

impl Problem {
    /// The problem about `reference` (e.g. "M-3: ...").
    pub fn of(reference: impl Into<String>, problem: Problem) -> Problem {
        Problem::Of {
            reference: reference.into(),
            problem: Box::new(problem),
        }
    }

    /// The field a form should show this problem beside, if any.
    pub fn field(&self) -> Option<Field> {
        use Problem as P;
        match self {
            P::Required { field } | P::ClockTime { field, .. } => Some(*field),
            P::Of { problem, .. } => problem.field(),
            P::OwnerErased { .. }
            | P::OwnerInResidentsOrg { .. }
            | P::OwnerWithoutOrg { .. }
            | P::OwnerIsResidentsOrg { .. }
            | P::OwnerIsPartner { .. }
            | P::OwnerNeeded
            | P::OwnerAmbiguous { .. }
            | P::NoOwnerMatches { .. }
            | P::OnlyIneligibleOwners { .. }
            | P::NoPersonMatches { .. }
            | P::TriageNeedsOwner
            | P::AssignNeedsOwner => Some(Field::Owner),
            P::NoOrgMatches { .. } => Some(Field::Org),
            P::Ambiguous { kind, .. } => Some(match kind {
                RecordKind::Organisation => Field::Org,
                _ => Field::Owner,
            }),
            P::PeriodBackwards { .. } => Some(Field::Period),
            P::FollowUpTooEarly { .. } | P::MeetingNeedsStart | P::MeetingNotStarted { .. } => {
                Some(Field::Start)
            }
            P::EndsBeforeStart { .. } => Some(Field::End),
            P::NotInvited { .. } | P::AddedAndRemoved { .. } => Some(Field::Orgs),
            P::NextFeedbackPast { .. } | P::FeedbackDuePast { .. } | P::NoDueToMove { .. } => {
                Some(Field::FeedbackDue)
            }
            P::DueAlready { .. } | P::DuePast { .. } => Some(Field::Due),
            P::LaterDueNeedsReason { .. } => Some(Field::MoveReason),
            P::BreakNeedsAnswers => Some(Field::WhatWentWrong),
            P::WithdrawNeedsReason => Some(Field::WithdrawReason),
            P::SearchEmpty
            | P::SearchNoWord { .. }
            | P::SearchTooManyWords { .. }
            | P::SearchTooShort { .. } => Some(Field::Search),
            P::NotEmail { .. } => Some(Field::Email),
            P::NotPhone { .. } => Some(Field::Phone),
            P::UsernameTaken { .. } => Some(Field::Username),
            P::UnknownOrgKind { .. } => Some(Field::OrgKind),
            P::CadenceRange { .. } => Some(Field::Cadence),
            P::OrgNameTaken { .. } => Some(Field::OrgName),
            P::TermNeedsName { .. }
            | P::TermComma { .. }
            | P::TermExists { .. }
            | P::TermRenameOntoExisting { .. }
            | P::TermSame { .. } => Some(Field::Name),
            P::SignalStep { .. }
            | P::SignalCloseWithoutFinal
            | P::ActionStep { .. }
            | P::CommitmentStep { .. }
            | P::MeetingStep { .. }
            | P::MeetingCancelledLocked
            | P::Stale { .. }
            | P::StaleAttendance { .. }
            | P::AttendanceGone { .. }
            | P::StaleMinutesLine { .. }
            | P::StaleAgendaItem { .. }
            | P::NothingToChange { .. }
            | P::NotAgendaMaterial { .. }
            | P::AssignNotOpen { .. }
            | P::MergeIntoItself
            | P::MergeIntoClosed { .. }
            | P::MergeAcrossOrgs { .. }
            | P::NotOnList { .. }
            | P::AgendaItemMissing { .. }
            | P::AgendaItemHasLines { .. }
            | P::AgendaItemIsSource { .. }
            | P::EmptyLine
            | P::AgendaItemNotInMeeting { .. }
            | P::MinutesLineMissing { .. }
            | P::LineCannotBeEmptied
            | P::LineKeepsKind { .. }
            | P::NoSuchLine { .. }
            | P::NotAQuestion { .. }
            | P::OutboxMissing { .. }
            | P::OutboxNotFeedback { .. }
            | P::ErasedNoEdit { .. }
            | P::Erased { .. }
            | P::ErasedAlready { .. }
            | P::NotAFigure { .. }
            | P::FileExists { .. }
            | P::NotAFileName { .. }
            | P::PathNotUtf8
            | P::CannotCreateIn { .. }
            | P::CannotWrite { .. }
            | P::CannotCreate { .. }
            | P::CsvOpenQuote { .. }
            | P::CsvNotUtf8 { .. }
            | P::CsvUnreadable { .. }
            | P::CsvEmpty
            | P::CsvTwoColumns { .. }
            | P::CsvNoNameColumn { .. }
            | P::CsvManyPeople { .. }
            | P::CsvTooManyCells { .. }
            | P::CsvTooFewCells { .. }
            | P::CsvSameAsLine { .. }
            | P::NotFound { .. }
            | P::Busy { .. }
            | P::Waiting { .. }
            | P::Held { .. }
            | P::ReadOnlyPlace { .. }
            | P::NoSpace { .. }
            | P::Damaged { .. }
            | P::IsADirectory { .. }
            | P::CannotOpen { .. }
            | P::CannotLock { .. }
            | P::CannotSync { .. }
            | P::NotSqlite { .. }
            | P::OtherApplication { .. }
            | P::SchemaNewer { .. }
            | P::NoWal { .. }
            | P::InUse { .. }
            | P::Database { .. }
            | P::CsvNotWritten { .. }
            | P::WrittenNotSent { .. }
            | P::Date(_)
            | P::NotAnId { .. }
            | P::Failure { .. }
            | P::NeedsFlag { .. }
            | P::FlagOutOfRange { .. }
            | P::InactiveSinceAlone
            | P::ExpectVersionOneMark
            | P::NoPersonForUser { .. }
            | P::NoChangeGiven { .. }
            | P::ChangedMeanwhile { .. }
            | P::ReceivedInFuture { .. }
            | P::NotSent { .. }
            | P::TermNotListed { .. }
            | P::NotUtf8Text { .. }
            | P::FileLine { .. }
            | P::NoNamesIn { .. }
            | P::OutputNotWritten { .. }
            | P::JsonNotWritten { .. }
            | P::CannotRead { .. }
            | P::CannotMakeFolder { .. }
            | P::ImportTooLarge { .. }
            | P::NoDatabase { .. }
            | P::NotAMinutesLineRef { .. }
            | P::NoAgendaItem { .. }
            | P::NotForAgenda { .. }
            | P::AgendaItemAtEnd { .. }
            | P::NoCommand { .. }
            | P::SvgNeedsChart { .. }
            | P::NoSuchChart { .. }
            | P::OutputOnlyPictures { .. }
            | P::EraseNeedsYes { .. }
            | P::DemoNeedsEmpty { .. }
            | P::DemoHalfWritten { .. }
            | P::SnapshotTooSmall { .. }
            | P::ChartNotDrawn { .. }
            | P::NothingImported { .. }
            | P::CheckFound { .. }
            | P::NoScreen { .. }
            | P::FeedbackMailNotGiven { .. }
            | P::MinutesHaveProblems { .. }
            | P::FeedbackNoOrg { .. }
            | P::FeedbackNoAddress { .. }
            | P::OutboxSentAlready { .. }
            | P::StatementNoAddress { .. }
            | P::StatementNotSent { .. }
            | P::InvitationAfterMeeting { .. }
            | P::NoInvitee { .. }
            | P::MinutesNotFinal { .. }
            | P::NoMinutesRecipient { .. }
            | P::MinutesCommitmentNeedsOrg
            | P::MinutesCommitmentNeedsDue
            | P::MinutesStored { .. } => None,
            P::MinutesDueEmpty | P::MinutesNotADate { .. } => Some(Field::Due),
            P::MinutesMoreThanOne { ignored, .. } => Some(match ignored {
                TokenKind::Owner(_) => Field::Owner,
                TokenKind::Org(_) => Field::Org,
                TokenKind::Theme(_) => Field::Theme,
                _ => Field::Due,
            }),
            P::MinutesTokenProblem { problem, .. } | P::MinutesUnknownTheme { problem, .. } => {
                problem.field()
            }
            P::CsvChangedDuringImport { problem, .. } => problem.field(),
            P::CsvUnknownKind { .. } => Some(Field::OrgKind),
            P::CsvCadence { .. } => Some(Field::Cadence),
            P::CsvNoSuchOrg { .. } => Some(Field::Org),
            P::UnknownTerm { kind, .. } => Some(match kind {
                TermKind::District => Field::District,
                TermKind::Neighbourhood => Field::Neighbourhood,
                TermKind::Theme => Field::Theme,
            }),
        }
    }
}

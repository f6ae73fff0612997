//! Problems and refusals in words, in English or Dutch. The domain and the store say
//! what went wrong as data ([`Problem`], [`StoreError`]); the screens and the command
//! line put it into words here, at the edge, in the user's language.

//!
//! One file per job: [`names`] (fields, states, steps, kinds), the problems by area
//! ([`steps`], [`lookups`], [`signals`], [`meetings`], [`records`], [`system`],
//! [`csv`], [`mail`], [`minutes`], [`command_line`]), refused dates ([`dates`]), and the screens' own
//! strings ([`catalogue`]: [`T`], [`Lang::t`], [`Lang::f`]). [`say`] sends each
//! problem to its area.

use crate::domain::problem::Problem;
use crate::store::StoreError;
use std::fmt;

pub mod catalogue;
mod command_line;
mod csv;
pub mod dates;
mod lookups;
mod mail;
mod meetings;
mod minutes;
mod names;
mod records;
mod signals;
mod steps;
mod system;

#[cfg(test)]
mod examples;
#[cfg(test)]
mod tests;

pub use catalogue::T;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        if s == "en" || s.starts_with("en_") || s.starts_with("en-") || s == "english" {
            Some(Lang::En)
        } else if s == "nl"
            || s.starts_with("nl_")
            || s.starts_with("nl-")
            || s == "nederlands"
            || s == "dutch"
        {
            Some(Lang::Nl)
        } else {
            None
        }
    }

    /// Dutch when the locale (LC_ALL, then LC_MESSAGES, then LANG) starts with "nl".
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .unwrap_or_default();
        if locale.to_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// `problem` in this language.
    pub fn problem(self, problem: &Problem) -> String {
        say(problem, self)
    }

    /// A refused date or time in this language.
    pub fn date(self, e: &crate::domain::dates::DateError) -> String {
        dates::say(e, self)
    }

    /// Problems in this language, one after another.
    pub fn problems(self, problems: &[Problem], sep: &str) -> String {
        problems
            .iter()
            .map(|p| say(p, self))
            .collect::<Vec<_>>()
            .join(sep)
    }

    /// Who holds the database, and since when, in this language (a record an older
    /// wijkdesk left is said as it was written).
    pub fn holder(self, h: &crate::domain::problem::Holder) -> String {
        system::holder(h, self)
    }

    /// A store error in this language.
    pub fn store_error(self, e: &StoreError) -> String {
        match e {
            StoreError::NotFound(r) => say(
                &Problem::NotFound {
                    reference: r.clone(),
                },
                self,
            ),
            StoreError::Conflict(p) | StoreError::Invalid(p) | StoreError::Busy(p) => say(p, self),
            StoreError::Refused(r) => say(&r.0, self),
            StoreError::UnknownTerm(u) => say(&u.problem(), self),
            StoreError::Io(p) | StoreError::NotWijkdesk(p) => say(p, self),
            StoreError::Sqlite(e) => say(&crate::store::sqlite_problem(e), self),
        }
    }
}

impl fmt::Display for crate::domain::ids::IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(&self.problem(), Lang::En))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(self, Lang::En))
    }
}

/// In English: the line an older wijkdesk, which reads only that, shows of who holds
/// the database.
impl fmt::Display for crate::domain::problem::Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&system::holder(self, Lang::En))
    }
}

fn s_(x: &str) -> String {
    x.to_owned()
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The first letter in upper case, for a phrase that opens a Dutch sentence.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `p` in `l`.
pub fn say(p: &Problem, l: Lang) -> String {
    use Problem as P;
    match p {
        P::Of { reference, problem } => format!("{reference}: {}", say(problem, l)),
        P::Date(e) => dates::say(e, l),
        P::Required { .. }
        | P::SignalStep { .. }
        | P::SignalCloseWithoutFinal
        | P::ActionStep { .. }
        | P::CommitmentStep { .. }
        | P::MeetingStep { .. }
        | P::MeetingCancelledLocked
        | P::MeetingNotStarted { .. }
        | P::ClockTime { .. }
        | P::OwnerErased { .. }
        | P::OwnerInResidentsOrg { .. }
        | P::OwnerWithoutOrg { .. }
        | P::OwnerIsResidentsOrg { .. }
        | P::OwnerIsPartner { .. }
        | P::PeriodBackwards { .. } => steps::problem(p, l),
        P::Stale { .. }
        | P::StaleAttendance { .. }
        | P::AttendanceGone { .. }
        | P::StaleMinutesLine { .. }
        | P::StaleAgendaItem { .. }
        | P::Ambiguous { .. }
        | P::NoOrgMatches { .. }
        | P::NoPersonMatches { .. }
        | P::OwnerNeeded
        | P::OwnerAmbiguous { .. }
        | P::NoOwnerMatches { .. }
        | P::OnlyIneligibleOwners { .. }
        | P::NotFound { .. }
        | P::NotAnId { .. } => lookups::problem(p, l),
        P::FollowUpTooEarly { .. }
        | P::NextFeedbackPast { .. }
        | P::TriageNeedsOwner
        | P::FeedbackDuePast { .. }
        | P::LaterDueNeedsReason { .. }
        | P::NoDueToMove { .. }
        | P::DueAlready { .. }
        | P::NothingToChange { .. }
        | P::NotAgendaMaterial { .. }
        | P::AssignNotOpen { .. }
        | P::AssignNeedsOwner
        | P::BreakNeedsAnswers
        | P::WithdrawNeedsReason
        | P::MergeIntoItself
        | P::MergeIntoClosed { .. }
        | P::MergeAcrossOrgs { .. }
        | P::DuePast { .. } => signals::problem(p, l),
        P::NotOnList { .. }
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
        | P::MeetingNeedsStart
        | P::EndsBeforeStart { .. }
        | P::NotInvited { .. }
        | P::AddedAndRemoved { .. }
        | P::OutboxMissing { .. }
        | P::OutboxNotFeedback { .. } => meetings::problem(p, l),
        P::TermNeedsName { .. }
        | P::TermComma { .. }
        | P::TermExists { .. }
        | P::TermRenameOntoExisting { .. }
        | P::TermSame { .. }
        | P::UnknownTerm { .. }
        | P::SearchEmpty
        | P::SearchNoWord { .. }
        | P::SearchTooManyWords { .. }
        | P::SearchTooShort { .. }
        | P::NotEmail { .. }
        | P::NotPhone { .. }
        | P::UsernameTaken { .. }
        | P::ErasedNoEdit { .. }
        | P::Erased { .. }
        | P::ErasedAlready { .. }
        | P::UnknownOrgKind { .. }
        | P::CadenceRange { .. }
        | P::OrgNameTaken { .. }
        | P::NotAFigure { .. } => records::problem(p, l),
        P::FileExists { .. }
        | P::NotAFileName { .. }
        | P::PathNotUtf8
        | P::CannotCreateIn { .. }
        | P::CannotWrite { .. }
        | P::CannotCreate { .. }
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
        | P::Failure { .. } => system::problem(p, l),
        P::CsvOpenQuote { .. }
        | P::CsvNotUtf8 { .. }
        | P::CsvUnreadable { .. }
        | P::CsvEmpty
        | P::CsvTwoColumns { .. }
        | P::CsvNoNameColumn { .. }
        | P::CsvUnknownKind { .. }
        | P::CsvCadence { .. }
        | P::CsvNoSuchOrg { .. }
        | P::CsvManyPeople { .. }
        | P::CsvTooManyCells { .. }
        | P::CsvTooFewCells { .. }
        | P::CsvSameAsLine { .. }
        | P::CsvChangedDuringImport { .. } => csv::problem(p, l),
        P::FeedbackNoOrg { .. }
        | P::FeedbackNoAddress { .. }
        | P::OutboxSentAlready { .. }
        | P::StatementNoAddress { .. }
        | P::StatementNotSent { .. }
        | P::InvitationAfterMeeting { .. }
        | P::NoInvitee { .. }
        | P::MinutesNotFinal { .. }
        | P::NoMinutesRecipient { .. } => mail::problem(p, l),
        P::MinutesDueEmpty
        | P::MinutesNotADate { .. }
        | P::MinutesMoreThanOne { .. }
        | P::MinutesTokenProblem { .. }
        | P::MinutesCommitmentNeedsOrg
        | P::MinutesCommitmentNeedsDue
        | P::MinutesUnknownTheme { .. }
        | P::MinutesStored { .. } => minutes::problem(p, l),
        P::NeedsFlag { .. }
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
        | P::MinutesHaveProblems { .. } => command_line::problem(p, l),
    }
}

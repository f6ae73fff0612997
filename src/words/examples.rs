//! Every kind of problem, with each of its ways of being said: what the tests in
//! [`super::tests`] walk in both languages.

use super::dates;
use crate::domain::RecordKind;
use crate::domain::action::{ActionEvent, ActionState};
use crate::domain::commitment::{CommitmentEvent, CommitmentState};
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::minutes::{EntryKind, TokenKind};
use crate::domain::problem::{Activity, ClockChange, DbTrouble, Field, Holder, Problem};
use crate::domain::signal::{SignalEvent, SignalState};
use crate::domain::vocab::TermKind;
use chrono::{NaiveDate, NaiveDateTime};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(m, d).and_hms_opt(h, 30, 0).unwrap()
}

fn time(h: u32, m: u32) -> chrono::NaiveTime {
    chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn s(x: &str) -> String {
    x.to_string()
}

pub(super) const FIELDS: [Field; 32] = [
    Field::Name,
    Field::PersonName,
    Field::OrgName,
    Field::OrgKind,
    Field::Email,
    Field::Phone,
    Field::Username,
    Field::Cadence,
    Field::Org,
    Field::SignalTitle,
    Field::MeetingTitle,
    Field::AgendaTitle,
    Field::ActionText,
    Field::CommitmentText,
    Field::FeedbackText,
    Field::DeclineExplanation,
    Field::ReopenReason,
    Field::WhatWentWrong,
    Field::Prevention,
    Field::WithdrawReason,
    Field::MoveReason,
    Field::Owner,
    Field::Due,
    Field::FeedbackDue,
    Field::Start,
    Field::End,
    Field::Orgs,
    Field::Period,
    Field::Search,
    Field::District,
    Field::Neighbourhood,
    Field::Theme,
];

/// Every field is in [`FIELDS`]: a new one breaks this match until it is listed.
pub(super) fn field_listed(f: Field) -> bool {
    match f {
        Field::Name
        | Field::PersonName
        | Field::OrgName
        | Field::OrgKind
        | Field::Email
        | Field::Phone
        | Field::Username
        | Field::Cadence
        | Field::Org
        | Field::SignalTitle
        | Field::MeetingTitle
        | Field::AgendaTitle
        | Field::ActionText
        | Field::CommitmentText
        | Field::FeedbackText
        | Field::DeclineExplanation
        | Field::ReopenReason
        | Field::WhatWentWrong
        | Field::Prevention
        | Field::WithdrawReason
        | Field::MoveReason
        | Field::Owner
        | Field::Due
        | Field::FeedbackDue
        | Field::Start
        | Field::End
        | Field::Orgs
        | Field::Period
        | Field::Search
        | Field::District
        | Field::Neighbourhood
        | Field::Theme => FIELDS.contains(&f),
    }
}

/// Every kind of problem, with each of its ways of being said. A new kind breaks
/// [`kind`] until it is numbered, and the test below until it is here.
pub(super) fn examples() -> Vec<Problem> {
    use Problem as P;
    let mut all: Vec<Problem> = FIELDS.iter().map(|&field| P::Required { field }).collect();
    for state in SignalState::ALL {
        for event in SignalEvent::ALL {
            all.push(P::SignalStep { state, event });
        }
    }
    for state in ActionState::ALL {
        for event in [ActionEvent::Done, ActionEvent::Cancel] {
            all.push(P::ActionStep { state, event });
        }
    }
    for state in CommitmentState::ALL {
        for event in CommitmentEvent::ALL {
            all.push(P::CommitmentStep { state, event });
        }
    }
    for status in MeetingStatus::ALL {
        for event in [
            MeetingEvent::Hold,
            MeetingEvent::Finalise,
            MeetingEvent::Cancel,
        ] {
            all.push(P::MeetingStep { status, event });
        }
    }
    for field in [Field::Start, Field::End] {
        for change in [ClockChange::Skipped, ClockChange::Repeated] {
            all.push(P::ClockTime {
                field,
                at: at(3, 29, 2),
                change,
                before: at(3, 29, 1),
                from: at(3, 29, 3),
            });
        }
    }
    for kind in RecordKind::ALL {
        all.push(P::Ambiguous {
            input: s("jan"),
            kind,
            shown: vec![s("Jan Smit"), s("Jan de Wit")],
        });
        all.push(P::NotAgendaMaterial {
            reference: s("X-1"),
            kind,
        });
    }
    for kind in TermKind::ALL {
        all.push(P::TermNeedsName { kind });
        all.push(P::TermComma {
            kind,
            name: s("Noord,Zuid"),
        });
        all.push(P::TermExists {
            kind,
            name: s("noord"),
            listed: s("Noord"),
        });
        all.push(P::TermRenameOntoExisting {
            kind,
            name: s("Zuid"),
            old_word: s("Noord"),
            new_word: s("Zuid"),
        });
        all.push(P::TermSame {
            kind,
            from: s("Noord"),
            into: s("noord"),
        });
        all.push(P::UnknownTerm {
            kind,
            value: s("Nord"),
            suggestions: vec![],
        });
        all.push(P::UnknownTerm {
            kind,
            value: s("Nord"),
            suggestions: vec![s("Noord"), s("Oost")],
        });
    }
    for kind in EntryKind::ALL {
        all.push(P::LineKeepsKind {
            record: s("A-3"),
            kind,
        });
        all.push(P::NotAQuestion {
            position: 2,
            meeting: s("M-3"),
            kind,
        });
    }
    for status in MeetingStatus::ALL {
        all.push(P::InvitationAfterMeeting {
            meeting: s("M-3"),
            status,
        });
        all.push(P::MinutesNotFinal {
            meeting: s("M-3"),
            status,
        });
    }
    for state in SignalState::ALL {
        all.push(P::NoDueToMove {
            reference: s("S-12"),
            state,
        });
        all.push(P::AssignNotOpen {
            reference: s("S-12"),
            state,
        });
        all.push(P::MergeIntoClosed {
            target: s("S-9"),
            state,
        });
    }
    for b in [false, true] {
        all.push(P::AttendanceGone {
            who: s("O-7"),
            org: b,
            meeting: s("M-3"),
        });
        all.push(P::EndsBeforeStart {
            end: at(2, 12, 18),
            start: at(2, 12, 19),
            would: b,
        });
        all.push(P::CannotWrite {
            path: s("/tmp/kopie.db"),
            error: s("(os error 28)"),
            disk_full_hint: b,
        });
    }
    let few = |b: bool| {
        if b {
            vec![]
        } else {
            vec![s("Duinoord"), s("Zeeheldenkwartier")]
        }
    };
    for b in [false, true] {
        all.push(P::NoInvitee {
            meeting: s("M-3"),
            without_address: few(b),
        });
        all.push(P::NoMinutesRecipient {
            meeting: s("M-3"),
            without_address: few(b),
        });
    }
    let tokens = [
        TokenKind::Owner(s("jan")),
        TokenKind::Org(s("Duin")),
        TokenKind::Theme(s("groen")),
        TokenKind::Due(day(3, 1)),
        TokenKind::SaidDue(day(7, 1)),
        TokenKind::BadDue(s("31-02")),
    ];
    for used in &tokens {
        all.push(P::MinutesMoreThanOne {
            used: used.clone(),
            ignored: tokens[5].clone(),
        });
    }
    for more in [0, 3] {
        all.push(P::OwnerAmbiguous {
            input: s("jan"),
            shown: vec![s("Jan Smit (P-4)")],
            more,
        });
    }
    for lines in [1, 4] {
        all.push(P::AgendaItemHasLines {
            position: 2,
            title: s("Groen"),
            lines,
        });
    }
    for (fo, io) in [(Some(s("Duinoord")), None), (None, Some(s("Bomenbuurt")))] {
        all.push(P::MergeAcrossOrgs {
            from: s("S-3"),
            from_org: fo,
            into: s("S-9"),
            into_org: io,
        });
    }
    all.extend([
        P::SignalCloseWithoutFinal,
        P::MeetingCancelledLocked,
        P::MeetingNotStarted {
            starts_at: at(2, 12, 19),
        },
        P::OwnerErased {
            reference: s("P-4"),
        },
        P::OwnerInResidentsOrg {
            name: s("Jan Smit"),
            reference: s("P-4"),
            org: s("Duinoord"),
        },
        P::OwnerWithoutOrg {
            name: s("Jan Smit"),
            reference: s("P-4"),
        },
        P::OwnerIsResidentsOrg {
            name: s("Duinoord"),
            reference: s("O-7"),
        },
        P::OwnerIsPartner {
            name: s("Haag Wonen"),
            reference: s("O-8"),
        },
        P::PeriodBackwards {
            from: day(3, 1),
            to: day(2, 1),
        },
        P::of("M-3", P::MeetingCancelledLocked),
        P::Stale {
            what: s("S-12"),
            had: 3,
            now: 4,
        },
        P::StaleAttendance {
            who: s("P-4"),
            meeting: s("M-3"),
            had: 1,
            now: 2,
        },
        P::StaleMinutesLine {
            position: 2,
            meeting: s("M-3"),
            had: 1,
            now: 2,
        },
        P::StaleAgendaItem {
            position: 2,
            title: s("Groen"),
            meeting: s("M-3"),
            had: 1,
            now: 2,
        },
        P::NoOrgMatches { input: s("Duin") },
        P::NoPersonMatches { input: s("Jan") },
        P::OwnerNeeded,
        P::NoOwnerMatches { input: s("Jan") },
        P::OnlyIneligibleOwners {
            input: s("Jan"),
            shown: vec![s("Jan Smit (P-4)")],
        },
        P::FollowUpTooEarly {
            previous: s("M-3"),
            starts_at: at(2, 12, 19),
        },
        P::NextFeedbackPast { date: day(1, 2) },
        P::TriageNeedsOwner,
        P::FeedbackDuePast { date: day(1, 2) },
        P::LaterDueNeedsReason {
            reference: s("S-12"),
            from: Some(day(2, 1)),
            to: day(3, 1),
        },
        P::DueAlready {
            reference: s("C-2"),
            due: day(3, 1),
        },
        P::NothingToChange {
            reference: s("S-12"),
        },
        P::AssignNeedsOwner,
        P::BreakNeedsAnswers,
        P::WithdrawNeedsReason,
        P::MergeIntoItself,
        P::NotOnList {
            who: s("P-4"),
            meeting: s("M-3"),
        },
        P::AgendaItemMissing { item: 9 },
        P::AgendaItemIsSource {
            position: 2,
            title: s("Groen"),
            records: vec![s("A-3"), s("C-2")],
        },
        P::EmptyLine,
        P::AgendaItemNotInMeeting {
            item: 9,
            meeting: s("M-3"),
        },
        P::MinutesLineMissing { id: 9 },
        P::LineCannotBeEmptied,
        P::NoSuchLine {
            meeting: s("M-3"),
            position: 9,
        },
        P::SearchEmpty,
        P::SearchNoWord { shown: s("\"?!\"") },
        P::SearchTooManyWords { max: 16, count: 20 },
        P::SearchTooShort { words: s("a b") },
        P::MeetingNeedsStart,
        P::NotInvited {
            org: s("O-7"),
            meeting: s("M-3"),
        },
        P::AddedAndRemoved {
            org: s("O-7"),
            meeting: s("M-3"),
        },
        P::OutboxMissing { id: 9 },
        P::OutboxNotFeedback { id: 9 },
        P::NotEmail { value: s("jan@") },
        P::NotPhone { value: s("06-abc") },
        P::UsernameTaken {
            username: s("jsmit"),
            owner: s("P-4"),
        },
        P::ErasedNoEdit {
            reference: s("P-4"),
        },
        P::Erased {
            reference: s("P-4"),
        },
        P::ErasedAlready {
            reference: s("P-4"),
        },
        P::UnknownOrgKind {
            value: s("vereniging"),
        },
        P::CadenceRange { value: 60 },
        P::OrgNameTaken {
            name: s("Duinoord"),
            other: s("O-7"),
        },
        P::NotAFigure { figure: s("lus.x") },
        P::FileExists {
            path: s("/tmp/kopie.db"),
        },
        P::NotAFileName { path: s("/tmp/") },
        P::PathNotUtf8,
        P::CannotCreateIn {
            dir: s("/tmp"),
            error: s("(os error 13)"),
        },
        P::CannotCreate {
            path: s("/tmp/kopie.db"),
            error: s("(os error 13)"),
        },
        P::CsvOpenQuote { line: 3 },
        P::CsvNotUtf8 { line: 3 },
        P::CsvUnreadable {
            line: 3,
            error: s("(3:1)"),
        },
        P::CsvEmpty,
        P::CsvTwoColumns {
            line: 1,
            header: s("e-mail"),
        },
        P::CsvNoNameColumn {
            line: 1,
            found: vec![s("mail"), s("telefoon")],
        },
        P::CsvUnknownKind {
            value: s("vereniging"),
        },
        P::CsvCadence { value: s("60") },
        P::CsvNoSuchOrg { name: s("Duin") },
        P::CsvManyPeople {
            name: s("Jan"),
            refs: vec![s("P-4"), s("P-5")],
        },
        P::CsvTooManyCells {
            cells: 5,
            header: 4,
        },
        P::CsvTooFewCells {
            cells: 3,
            header: 4,
        },
        P::CsvSameAsLine { first: 2 },
        P::CsvChangedDuringImport {
            problem: Box::new(P::NotEmail { value: s("jan@") }),
            stored: 40,
        },
        P::FeedbackNoOrg { signal: s("S-12") },
        P::FeedbackNoAddress { org: s("Duinoord") },
        P::OutboxSentAlready { id: 9 },
        P::StatementNoAddress {
            org: s("Duinoord"),
            reference: s("O-7"),
        },
        P::StatementNotSent { error: s("(421)") },
        P::NotFound {
            reference: s("S-999"),
        },
        P::Failure {
            error: s("SQLITE_IOERR (10)"),
        },
        P::Busy {
            // An older wijkdesk's record, shown as written (its English is tested
            // in store::waiting).
            holder: Some(Holder::Stated {
                text: s("jan: 21:03"),
            }),
            waited_secs: 5,
            screens: true,
        },
        P::Busy {
            holder: None,
            waited_secs: 5,
            screens: false,
        },
        P::Busy {
            holder: Some(Holder::Writer {
                who: s("jan"),
                activity: Activity::Import { rows: 40 },
                since: time(21, 3),
            }),
            waited_secs: 5,
            screens: false,
        },
        P::Waiting {
            holder: Some(Holder::Writer {
                who: s("jan"),
                activity: Activity::DemoData,
                since: time(21, 3),
            }),
            limit_secs: 60,
        },
        P::Waiting {
            holder: None,
            limit_secs: 60,
        },
        P::Held {
            holder: Some(Holder::Writer {
                who: s("jan"),
                activity: Activity::Import { rows: 40 },
                since: time(21, 3),
            }),
            waited_secs: 5,
        },
        P::Held {
            holder: None,
            waited_secs: 5,
        },
        P::ReadOnlyPlace {
            path: s("/srv/wijk/wijkdesk.db"),
            folder: false,
        },
        P::ReadOnlyPlace {
            path: s("/srv/wijk"),
            folder: true,
        },
        P::NoSpace {
            path: s("/srv/wijk/wijkdesk.db"),
            free: 12_288,
        },
        P::Damaged {
            path: s("/srv/wijk/wijkdesk.db"),
            error: s("SQLITE_CORRUPT (11)"),
        },
        P::IsADirectory {
            path: s("/srv/wijk"),
        },
        P::CannotOpen {
            path: s("/srv/wijk/wijkdesk.db"),
            error: s("(os error 13)"),
        },
        P::CannotLock {
            path: s("/srv/wijk/wijkdesk.db.lock"),
            error: s("(os error 11)"),
        },
        P::CannotSync {
            path: s("/srv/wijk/wijkdesk.db"),
            error: s("(os error 5)"),
        },
        P::NotSqlite {
            path: s("/srv/wijk/notities.txt"),
        },
        P::OtherApplication {
            path: s("/srv/wijk/places.sqlite"),
        },
        P::SchemaNewer {
            found: 30,
            understood: 21,
        },
        P::NoWal {
            path: s("/srv/wijk/wijkdesk.db"),
            mode: s("delete"),
        },
        P::InUse {
            path: s("/srv/wijk/demo.db"),
        },
        P::CsvNotWritten {
            error: s("(os error 28)"),
        },
        P::WrittenNotSent {
            path: s("/srv/wijk/O-7-2026-03-01.html"),
            problem: Box::new(P::StatementNotSent { error: s("(421)") }),
        },
        P::Database {
            trouble: DbTrouble::Busy,
            error: s("SQLITE_IOERR (10)"),
        },
        P::Database {
            trouble: DbTrouble::ReadOnly,
            error: s("SQLITE_IOERR (10)"),
        },
        P::Database {
            trouble: DbTrouble::DiskFull,
            error: s("SQLITE_IOERR (10)"),
        },
        P::Database {
            trouble: DbTrouble::NotADatabase,
            error: s("SQLITE_IOERR (10)"),
        },
        P::Database {
            trouble: DbTrouble::CannotOpen,
            error: s("SQLITE_IOERR (10)"),
        },
        P::Database {
            trouble: DbTrouble::Corrupt,
            error: s("SQLITE_CORRUPT (11)"),
        },
        P::Database {
            trouble: DbTrouble::Other,
            error: s("SQLITE_IOERR (10)"),
        },
        P::MinutesDueEmpty,
        P::MinutesNotADate { value: s("31-02") },
        P::MinutesTokenProblem {
            token: s("@jan"),
            problem: Box::new(P::NoOwnerMatches { input: s("jan") }),
        },
        P::MinutesCommitmentNeedsOrg,
        P::MinutesCommitmentNeedsDue,
        P::MinutesUnknownTheme {
            value: s("groen"),
            problem: Box::new(P::UnknownTerm {
                kind: TermKind::Theme,
                value: s("groen"),
                suggestions: vec![],
            }),
        },
        P::MinutesStored {
            text: s("more than one owner: @jan is used, not @piet"),
        },
        P::DuePast { date: day(1, 2) },
        P::NeedsFlag {
            flag: s("--send"),
            needs: s("--channel email"),
        },
        P::FlagOutOfRange {
            flag: s("--days"),
            value: 400,
            min: 0,
            max: 366,
        },
        P::InactiveSinceAlone,
        P::ExpectVersionOneMark,
        P::ChangedMeanwhile {
            reference: s("S-1"),
            now: 3,
            expected: 2,
        },
        P::ReceivedInFuture {
            date: day(3, 2),
            today: day(3, 1),
        },
        P::TermNotListed {
            problem: Box::new(P::UnknownTerm {
                kind: TermKind::District,
                value: s("Centurm"),
                suggestions: vec![s("Centrum")],
            }),
            list: s("wijkdesk district list"),
        },
        P::NotUtf8Text {
            path: s("wijken.csv"),
        },
        P::FileLine {
            path: s("wijken.csv"),
            line: 3,
            error: s("(os error 5)"),
        },
        P::NoNamesIn {
            path: s("wijken.csv"),
        },
        P::OutputNotWritten {
            error: s("(os error 28)"),
        },
        P::JsonNotWritten {
            error: s("(os error 28)"),
        },
        P::CannotRead {
            path: s("orgs.csv"),
            error: s("Permission denied (os error 13)"),
        },
        P::CannotMakeFolder {
            path: s("/tmp/man"),
            error: s("Permission denied (os error 13)"),
        },
        P::ImportTooLarge {
            path: s("orgs.csv"),
            mb: 50,
        },
        P::NoDatabase {
            path: s("/tmp/x.db"),
        },
        P::NotAMinutesLineRef { input: s("M-5") },
        P::NotForAgenda {
            reference: s("O-7"),
        },
        P::NoCommand {
            command: s("meeting adx"),
            commands: vec![s("org"), s("meeting")],
        },
        P::SvgNeedsChart {
            charts: s("weekly, load"),
        },
        P::NoSuchChart {
            report: s("cadence"),
            chart: s("weekly"),
            has: s("cadence"),
        },
        P::OutputOnlyPictures {
            path: s("rapport.md"),
        },
        P::EraseNeedsYes {
            reference: s("P-4"),
        },
    ]);
    for b in [false, true] {
        all.push(P::NoPersonForUser {
            user: s("jan"),
            mine: b,
        });
        all.push(P::NotSent {
            failed: 2,
            outbox: b,
        });
        all.push(P::AgendaItemAtEnd { item: 1, first: b });
        all.push(P::NoAgendaItem {
            meeting: s("M-5"),
            item: 9,
            has: b.then_some(3),
        });
    }
    all.push(P::DemoHalfWritten {
        path: s("/tmp/x.db"),
        problem: Box::new(P::Database {
            trouble: DbTrouble::DiskFull,
            error: s("(os error 28)"),
        }),
    });
    for (sent, error) in [(true, Some("(os error 5)")), (false, None)] {
        all.push(P::FeedbackMailNotGiven {
            to: s("info@duinoord.nl"),
            id: 4,
            sent,
            error: error.map(s),
        });
    }
    for n in [1, 3] {
        all.push(P::NothingImported {
            lines: (3..3 + n).collect(),
        });
        all.push(P::CheckFound {
            path: s("/tmp/x.db"),
            problems: n as usize,
        });
    }
    all.push(P::ChartNotDrawn {
        chart: s("weekly"),
        error: s("(os error 12)"),
    });
    all.push(P::SnapshotTooSmall {
        width: 10,
        height: 4,
    });
    all.push(P::NoScreen {
        name: s("inbx"),
        screens: vec![s("inbox"), s("meetings")],
    });
    for n in [1, 2] {
        all.push(P::MinutesHaveProblems {
            meeting: s("M-3"),
            lines: (1..=n)
                .map(|i| {
                    (
                        i + 2,
                        vec![P::MinutesDueEmpty, P::MinutesCommitmentNeedsOrg],
                    )
                })
                .collect(),
        });
    }
    for orgs in [1, 2] {
        all.push(P::DemoNeedsEmpty {
            path: s("/tmp/x.db"),
            orgs,
        });
    }
    for k in RecordKind::ALL {
        all.push(P::NoChangeGiven {
            kind: k,
            reference: s("S-1"),
        });
    }
    all.push(P::NotAnId {
        input: s("x"),
        expected: None,
    });
    for k in RecordKind::ALL {
        all.push(P::NotAnId {
            input: s("x"),
            expected: Some(k),
        });
    }
    all.extend(dates::examples().into_iter().map(P::Date));
    all
}

//! Every problem is said in English and in Dutch, with no English left in the Dutch.

use super::examples::{FIELDS, examples, field_listed};
use super::*;
use crate::domain::signal::{SignalEvent, SignalState};
use std::collections::BTreeSet;

fn s(x: &str) -> String {
    x.to_string()
}

/// The kinds, numbered; a match with no wildcard, so a new kind must be added.
fn kind(p: &Problem) -> usize {
    use Problem as P;
    match p {
        P::Required { .. } => 0,
        P::SignalStep { .. } => 1,
        P::SignalCloseWithoutFinal => 2,
        P::ActionStep { .. } => 3,
        P::CommitmentStep { .. } => 4,
        P::MeetingStep { .. } => 5,
        P::MeetingCancelledLocked => 6,
        P::MeetingNotStarted { .. } => 7,
        P::ClockTime { .. } => 8,
        P::OwnerErased { .. } => 9,
        P::OwnerInResidentsOrg { .. } => 10,
        P::OwnerWithoutOrg { .. } => 11,
        P::OwnerIsResidentsOrg { .. } => 12,
        P::OwnerIsPartner { .. } => 13,
        P::PeriodBackwards { .. } => 14,
        P::Of { .. } => 15,
        P::Stale { .. } => 16,
        P::StaleAttendance { .. } => 17,
        P::AttendanceGone { .. } => 18,
        P::StaleMinutesLine { .. } => 19,
        P::StaleAgendaItem { .. } => 20,
        P::Ambiguous { .. } => 21,
        P::NoOrgMatches { .. } => 22,
        P::NoPersonMatches { .. } => 23,
        P::OwnerNeeded => 24,
        P::OwnerAmbiguous { .. } => 25,
        P::NoOwnerMatches { .. } => 26,
        P::OnlyIneligibleOwners { .. } => 27,
        P::FollowUpTooEarly { .. } => 28,
        P::NextFeedbackPast { .. } => 29,
        P::TriageNeedsOwner => 30,
        P::FeedbackDuePast { .. } => 31,
        P::LaterDueNeedsReason { .. } => 32,
        P::NoDueToMove { .. } => 33,
        P::DueAlready { .. } => 34,
        P::NothingToChange { .. } => 35,
        P::NotAgendaMaterial { .. } => 36,
        P::AssignNotOpen { .. } => 37,
        P::AssignNeedsOwner => 38,
        P::BreakNeedsAnswers => 39,
        P::WithdrawNeedsReason => 40,
        P::MergeIntoItself => 41,
        P::MergeIntoClosed { .. } => 42,
        P::MergeAcrossOrgs { .. } => 43,
        P::TermNeedsName { .. } => 44,
        P::TermComma { .. } => 45,
        P::TermExists { .. } => 46,
        P::TermRenameOntoExisting { .. } => 47,
        P::TermSame { .. } => 48,
        P::NotOnList { .. } => 49,
        P::AgendaItemMissing { .. } => 50,
        P::AgendaItemHasLines { .. } => 51,
        P::AgendaItemIsSource { .. } => 52,
        P::EmptyLine => 53,
        P::AgendaItemNotInMeeting { .. } => 54,
        P::MinutesLineMissing { .. } => 55,
        P::LineCannotBeEmptied => 56,
        P::LineKeepsKind { .. } => 57,
        P::NoSuchLine { .. } => 58,
        P::NotAQuestion { .. } => 59,
        P::SearchEmpty => 60,
        P::SearchNoWord { .. } => 61,
        P::SearchTooManyWords { .. } => 62,
        P::SearchTooShort { .. } => 63,
        P::MeetingNeedsStart => 64,
        P::EndsBeforeStart { .. } => 65,
        P::NotInvited { .. } => 66,
        P::AddedAndRemoved { .. } => 67,
        P::OutboxMissing { .. } => 68,
        P::OutboxNotFeedback { .. } => 69,
        P::NotEmail { .. } => 70,
        P::NotPhone { .. } => 71,
        P::UsernameTaken { .. } => 72,
        P::ErasedNoEdit { .. } => 73,
        P::Erased { .. } => 74,
        P::ErasedAlready { .. } => 75,
        P::UnknownOrgKind { .. } => 76,
        P::CadenceRange { .. } => 77,
        P::OrgNameTaken { .. } => 78,
        P::NotAFigure { .. } => 79,
        P::FileExists { .. } => 80,
        P::NotAFileName { .. } => 81,
        P::PathNotUtf8 => 82,
        P::CannotCreateIn { .. } => 83,
        P::CannotWrite { .. } => 84,
        P::CannotCreate { .. } => 85,
        P::CsvOpenQuote { .. } => 86,
        P::CsvNotUtf8 { .. } => 87,
        P::CsvUnreadable { .. } => 88,
        P::CsvEmpty => 89,
        P::CsvTwoColumns { .. } => 90,
        P::CsvNoNameColumn { .. } => 91,
        P::CsvUnknownKind { .. } => 92,
        P::CsvCadence { .. } => 93,
        P::CsvNoSuchOrg { .. } => 94,
        P::CsvManyPeople { .. } => 95,
        P::CsvTooManyCells { .. } => 96,
        P::CsvTooFewCells { .. } => 97,
        P::CsvSameAsLine { .. } => 98,
        P::CsvChangedDuringImport { .. } => 99,
        P::FeedbackNoOrg { .. } => 100,
        P::FeedbackNoAddress { .. } => 101,
        P::OutboxSentAlready { .. } => 102,
        P::StatementNoAddress { .. } => 103,
        P::StatementNotSent { .. } => 104,
        P::InvitationAfterMeeting { .. } => 105,
        P::NoInvitee { .. } => 106,
        P::MinutesNotFinal { .. } => 107,
        P::NoMinutesRecipient { .. } => 108,
        P::UnknownTerm { .. } => 109,
        P::NotFound { .. } => 110,
        P::Failure { .. } => 111,
        P::MinutesDueEmpty => 112,
        P::MinutesNotADate { .. } => 113,
        P::MinutesMoreThanOne { .. } => 114,
        P::MinutesTokenProblem { .. } => 115,
        P::MinutesCommitmentNeedsOrg => 116,
        P::MinutesCommitmentNeedsDue => 117,
        P::MinutesUnknownTheme { .. } => 118,
        P::MinutesStored { .. } => 119,
        P::Busy { .. } => 120,
        P::Date(_) => 121,
        P::DuePast { .. } => 122,
        P::NotAnId { .. } => 123,
        P::Waiting { .. } => 124,
        P::Held { .. } => 125,
        P::ReadOnlyPlace { .. } => 126,
        P::IsADirectory { .. } => 127,
        P::CannotOpen { .. } => 128,
        P::CannotLock { .. } => 129,
        P::CannotSync { .. } => 130,
        P::NotSqlite { .. } => 131,
        P::OtherApplication { .. } => 132,
        P::SchemaNewer { .. } => 133,
        P::NoWal { .. } => 134,
        P::InUse { .. } => 135,
        P::Database { .. } => 136,
        P::CsvNotWritten { .. } => 137,
        P::WrittenNotSent { .. } => 138,
        P::NeedsFlag { .. } => 139,
        P::FlagOutOfRange { .. } => 140,
        P::InactiveSinceAlone => 141,
        P::ExpectVersionOneMark => 142,
        P::NoPersonForUser { .. } => 143,
        P::NoChangeGiven { .. } => 144,
        P::ChangedMeanwhile { .. } => 145,
        P::ReceivedInFuture { .. } => 146,
        P::NotSent { .. } => 147,
        P::TermNotListed { .. } => 148,
        P::NotUtf8Text { .. } => 149,
        P::FileLine { .. } => 150,
        P::NoNamesIn { .. } => 151,
        P::OutputNotWritten { .. } => 152,
        P::JsonNotWritten { .. } => 153,
        P::CannotRead { .. } => 154,
        P::CannotMakeFolder { .. } => 155,
        P::ImportTooLarge { .. } => 156,
        P::NoDatabase { .. } => 157,
        P::NotAMinutesLineRef { .. } => 158,
        P::NoAgendaItem { .. } => 159,
        P::NotForAgenda { .. } => 160,
        P::AgendaItemAtEnd { .. } => 161,
        P::NoCommand { .. } => 162,
        P::SvgNeedsChart { .. } => 163,
        P::NoSuchChart { .. } => 164,
        P::OutputOnlyPictures { .. } => 165,
        P::EraseNeedsYes { .. } => 166,
        P::DemoNeedsEmpty { .. } => 167,
        P::DemoHalfWritten { .. } => 168,
        P::MinutesHaveProblems { .. } => 169,
        P::FeedbackMailNotGiven { .. } => 170,
        P::SnapshotTooSmall { .. } => 171,
        P::NoScreen { .. } => 172,
        P::ChartNotDrawn { .. } => 173,
        P::NothingImported { .. } => 174,
        P::CheckFound { .. } => 175,
        P::NoSpace { .. } => 176,
        P::Damaged { .. } => 177,
    }
}

const KINDS: usize = 178;

/// Words that are English and never Dutch: one of them in a Dutch message means
/// a sentence was left untranslated.
const ENGLISH: &[&str] = &[
    "the",
    "cannot",
    "already",
    "needs",
    "need",
    "must",
    "does",
    "matches",
    "more",
    "give",
    "organisation",
    "person",
    "only",
    "first",
    "after",
    "before",
    "which",
    "and",
    "not",
    "has",
    "have",
    "with",
    "been",
    "there",
    "please",
    "should",
    "would",
    "every",
    "into",
    "from",
    "nothing",
    "type",
    "name",
    "signal",
    "commitment",
    "action",
    "line",
    "mark",
    "changed",
    "someone",
    "else",
    "again",
    "reload",
    "choose",
    "exists",
    "file",
    "cells",
    "header",
    "missing",
    "unknown",
    "known",
    "did",
    "you",
    "mean",
    "add",
    "takes",
    "word",
    "words",
    "search",
    "owner",
    "date",
    "reason",
    "explanation",
    "feedback",
    "empty",
    "required",
    "may",
    "cancelled",
    "planned",
    "held",
    "final",
    "triaged",
    "answered",
    "closed",
    "declined",
    "merged",
    "done",
    "kept",
    "broken",
    "withdrawn",
    "finish",
    "cancel",
    "finalise",
    "item",
    "agenda",
    "minutes",
    "question",
    "note",
    "decision",
    "invited",
    "removed",
    "message",
    "sent",
    "address",
    "erased",
    "edited",
    "number",
    "digits",
    "spaces",
    "username",
    "belongs",
    "figure",
    "report",
    "write",
    "create",
    "disk",
    "full",
    "valid",
    "backup",
    "read",
    "quote",
    "column",
    "columns",
    "rows",
    "import",
    "same",
    "once",
    "statement",
    "took",
    "place",
    "attended",
    "attendance",
    "invitation",
    "invitations",
    "list",
    "clocks",
    "forward",
    "back",
    "twice",
    "time",
    "period",
    "runs",
    "backwards",
    "to",
    "an",
];

#[test]
fn every_kind_is_in_the_examples() {
    let seen: BTreeSet<usize> = examples().iter().map(kind).collect();
    let all: BTreeSet<usize> = (0..KINDS).collect();
    assert_eq!(seen, all, "kinds without an example");
    assert!(FIELDS.iter().all(|&f| field_listed(f)));
}

#[test]
fn every_problem_is_said_in_english_and_in_dutch() {
    // Quoted values, commands and options are the same in both languages; what is
    // around them must be Dutch.
    let same_in_both = regex::Regex::new(
        r#""[^"]*"|'[^']*'|wijkdesk [^,;)]*|--[a-z-]+|[a-z_]+(?:\.[A-Za-z0-9_:-]+)+"#,
    )
    .unwrap();
    for p in examples() {
        let en = say(&p, Lang::En);
        let nl = say(&p, Lang::Nl);
        assert!(!en.trim().is_empty(), "{p:?}");
        assert_ne!(en, nl, "not translated: {p:?}");
        for text in [&en, &nl] {
            assert!(
                !text.contains('{') && !text.contains('}'),
                "placeholder left: {text}"
            );
        }
        let prose = same_in_both.replace_all(&nl, " ");
        for word in prose.split(|c: char| !c.is_alphanumeric()) {
            let w = word.to_lowercase();
            assert!(
                !ENGLISH.contains(&w.as_str()),
                "English \"{w}\" in Dutch: {nl}"
            );
        }
    }
}

#[test]
fn a_refusal_is_said_in_the_language_asked() {
    let p = Problem::SignalStep {
        state: SignalState::Triaged,
        event: SignalEvent::Close,
    };
    assert_eq!(
        say(&p, Lang::En),
        "cannot close a signal that is triaged: record final feedback first: a signal is \
         closed only after the organisation has its answer"
    );
    assert!(say(&p, Lang::Nl).starts_with("een signaal dat beoordeeld is kun je niet sluiten"));
    let e = StoreError::NotFound(s("S-999"));
    assert_eq!(e.to_string(), "S-999 does not exist");
    assert_eq!(Lang::Nl.store_error(&e), "S-999 bestaat niet");
}

// The screens' catalogue.

fn placeholders(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn every_key_has_both_languages_and_the_same_placeholders() {
    for k in T::ALL {
        assert!(!k.en().trim().is_empty(), "{k:?} has no English");
        assert!(!k.nl().trim().is_empty(), "{k:?} has no Dutch");
        assert_eq!(placeholders(k.en()), placeholders(k.nl()), "{k:?}");
    }
}

#[test]
fn fills_placeholders_and_parses_languages() {
    assert_eq!(
        Lang::Nl.f(T::NotFound, &[("id", &"O-7")]),
        "O-7 is niet gevonden."
    );
    assert_eq!(Lang::parse("nl_NL.UTF-8"), Some(Lang::Nl));
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
}

#[test]
fn the_retention_prompts_examples_are_dates_the_parser_reads() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let june = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    for lang in [Lang::En, Lang::Nl] {
        let prompt = lang.t(T::RetentionPrompt);
        for example in ["1 jun 2025", "1-6-2025"] {
            assert!(prompt.contains(example), "{prompt}");
            assert_eq!(
                crate::domain::dates::parse_date(example, today),
                Ok(june),
                "{example}"
            );
        }
    }
}

#[test]
fn a_holder_is_said_in_the_readers_language_and_an_older_record_as_written() {
    use crate::domain::problem::{Activity, Holder};
    let h = Holder::Writer {
        who: "jan".into(),
        activity: Activity::Import { rows: 40 },
        since: chrono::NaiveTime::from_hms_opt(21, 3, 0).unwrap(),
    };
    assert_eq!(Lang::En.holder(&h), "jan: import of 40 rows, since 21:03");
    assert_eq!(
        Lang::Nl.holder(&h),
        "jan: inlezen van 40 rijen, sinds 21:03"
    );
    assert_eq!(h.to_string(), Lang::En.holder(&h));
    let old = Holder::Stated {
        text: "jan: import of organisations, since 21:03".into(),
    };
    assert_eq!(
        Lang::Nl.holder(&old),
        "jan: import of organisations, since 21:03"
    );
}

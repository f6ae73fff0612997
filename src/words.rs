//! Problems and refusals in words, in English or Dutch. The domain and the store say
//! what went wrong as data ([`Problem`], [`StoreError`]); the screens and the command
//! line put it into words here, at the edge, in the user's language.

use crate::domain::RecordKind;
use crate::domain::action::{ActionEvent, ActionState};
use crate::domain::commitment::{CommitmentEvent, CommitmentState};
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::minutes::EntryKind;
use crate::domain::minutes::TokenKind;
use crate::domain::problem::{ClockChange, Field, Problem};
use crate::domain::signal::{SignalEvent, SignalState};
use crate::domain::vocab::TermKind;
use crate::store::StoreError;
use std::fmt;

pub mod dates;

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

    /// Dutch when `dutch`, else English.
    pub fn dutch_if(dutch: bool) -> Lang {
        if dutch { Lang::Nl } else { Lang::En }
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
            other => other.to_string(),
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

fn field(f: Field, l: Lang) -> &'static str {
    let en = l == Lang::En;
    match f {
        Field::Name => {
            if en {
                "the name"
            } else {
                "de naam"
            }
        }
        Field::PersonName => {
            if en {
                "the person's name"
            } else {
                "de naam van de persoon"
            }
        }
        Field::OrgName => {
            if en {
                "the organisation's name"
            } else {
                "de naam van de organisatie"
            }
        }
        Field::OrgKind => {
            if en {
                "the kind of organisation"
            } else {
                "de soort organisatie"
            }
        }
        Field::Email => {
            if en {
                "the email address"
            } else {
                "het e-mailadres"
            }
        }
        Field::Phone => {
            if en {
                "the phone number"
            } else {
                "het telefoonnummer"
            }
        }
        Field::Username => {
            if en {
                "the username"
            } else {
                "de gebruikersnaam"
            }
        }
        Field::Cadence => {
            if en {
                "the cadence"
            } else {
                "het aantal overleggen per jaar"
            }
        }
        Field::Org => {
            if en {
                "the organisation"
            } else {
                "de organisatie"
            }
        }
        Field::SignalTitle => {
            if en {
                "a signal's title"
            } else {
                "de titel van een signaal"
            }
        }
        Field::MeetingTitle => {
            if en {
                "a meeting's title"
            } else {
                "de titel van een overleg"
            }
        }
        Field::AgendaTitle => {
            if en {
                "an agenda item's title"
            } else {
                "de titel van een agendapunt"
            }
        }
        Field::ActionText => {
            if en {
                "an action's text"
            } else {
                "de tekst van een actie"
            }
        }
        Field::CommitmentText => {
            if en {
                "a commitment's text"
            } else {
                "de tekst van een toezegging"
            }
        }
        Field::FeedbackText => {
            if en {
                "the feedback text"
            } else {
                "de tekst van de terugkoppeling"
            }
        }
        Field::DeclineExplanation => {
            if en {
                "an explanation for declining"
            } else {
                "een toelichting bij het afwijzen"
            }
        }
        Field::ReopenReason => {
            if en {
                "a reason for reopening"
            } else {
                "een reden om te heropenen"
            }
        }
        Field::WhatWentWrong => {
            if en {
                "what went wrong (breaking a commitment)"
            } else {
                "wat er misging (bij een niet nagekomen toezegging)"
            }
        }
        Field::Prevention => {
            if en {
                "how it is prevented next time (breaking a commitment)"
            } else {
                "hoe het de volgende keer voorkomen wordt (bij een niet nagekomen toezegging)"
            }
        }
        Field::WithdrawReason => {
            if en {
                "a reason for withdrawing"
            } else {
                "een reden om in te trekken"
            }
        }
        Field::MoveReason => {
            if en {
                "a reason for moving the due date"
            } else {
                "een reden om de datum te verzetten"
            }
        }
        Field::Owner => {
            if en {
                "the owner"
            } else {
                "de behandelaar"
            }
        }
        Field::Due => {
            if en {
                "the due date"
            } else {
                "de datum"
            }
        }
        Field::FeedbackDue => {
            if en {
                "the feedback due date"
            } else {
                "de terugkoppeldatum"
            }
        }
        Field::Start => {
            if en {
                "the start"
            } else {
                "het begin"
            }
        }
        Field::End => {
            if en {
                "the end"
            } else {
                "het einde"
            }
        }
        Field::Orgs => {
            if en {
                "the organisations"
            } else {
                "de organisaties"
            }
        }
        Field::Period => {
            if en {
                "the period"
            } else {
                "de periode"
            }
        }
        Field::Search => {
            if en {
                "the search"
            } else {
                "de zoekvraag"
            }
        }
        Field::District => {
            if en {
                "the district"
            } else {
                "de wijk"
            }
        }
        Field::Neighbourhood => {
            if en {
                "the neighbourhood"
            } else {
                "de buurt"
            }
        }
        Field::Theme => {
            if en {
                "the theme"
            } else {
                "het thema"
            }
        }
    }
}

fn signal_state(s: SignalState, l: Lang) -> &'static str {
    match l {
        Lang::En => s.code(),
        Lang::Nl => match s {
            SignalState::New => "nieuw",
            SignalState::Triaged => "beoordeeld",
            SignalState::InProgress => "in behandeling",
            SignalState::Answered => "beantwoord",
            SignalState::Closed => "gesloten",
            SignalState::Declined => "afgewezen",
            SignalState::Merged => "samengevoegd",
        },
    }
}

/// "cannot {verb} a signal": the Dutch infinitive for a signal step.
fn signal_verb_nl(e: SignalEvent) -> &'static str {
    match e {
        SignalEvent::Triage => "beoordelen",
        SignalEvent::Start => "in behandeling nemen",
        SignalEvent::InterimFeedback => "een tussenbericht geven",
        SignalEvent::FinalFeedback => "definitief terugkoppelen",
        SignalEvent::Close => "sluiten",
        SignalEvent::Decline => "afwijzen",
        SignalEvent::Merge => "samenvoegen",
        SignalEvent::Reopen => "heropenen",
    }
}

fn action_state_nl(s: ActionState) -> &'static str {
    match s {
        ActionState::Open => "open",
        ActionState::Done => "afgerond",
        ActionState::Cancelled => "geannuleerd",
    }
}

fn commitment_state_nl(s: CommitmentState) -> &'static str {
    match s {
        CommitmentState::Open => "open",
        CommitmentState::Kept => "nagekomen",
        CommitmentState::Broken => "niet nagekomen",
        CommitmentState::Withdrawn => "ingetrokken",
    }
}

fn commitment_verb_nl(e: CommitmentEvent) -> &'static str {
    match e {
        CommitmentEvent::Keep => "als nagekomen markeren",
        CommitmentEvent::Break => "als niet nagekomen markeren",
        CommitmentEvent::Withdraw => "intrekken",
        CommitmentEvent::Move => "verzetten",
    }
}

fn meeting_status(s: MeetingStatus, l: Lang) -> &'static str {
    match l {
        Lang::En => s.code(),
        Lang::Nl => match s {
            MeetingStatus::Planned => "gepland",
            MeetingStatus::Held => "gehouden",
            MeetingStatus::Final => "definitief",
            MeetingStatus::Cancelled => "afgelast",
        },
    }
}

fn meeting_verb(e: MeetingEvent, l: Lang) -> &'static str {
    match (e, l) {
        (MeetingEvent::Hold, Lang::En) => "hold",
        (MeetingEvent::Finalise, Lang::En) => "finalise",
        (MeetingEvent::Cancel, Lang::En) => "cancel",
        (MeetingEvent::Hold, Lang::Nl) => "als gehouden markeren",
        (MeetingEvent::Finalise, Lang::Nl) => "definitief maken",
        (MeetingEvent::Cancel, Lang::Nl) => "afgelasten",
    }
}

fn term_kind(k: TermKind, l: Lang) -> &'static str {
    match l {
        Lang::En => k.code(),
        Lang::Nl => match k {
            TermKind::District => "wijk",
            TermKind::Neighbourhood => "buurt",
            TermKind::Theme => "thema",
        },
    }
}

/// "the theme list" in Dutch: "de lijst met thema's".
fn term_list_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "de lijst met wijken",
        TermKind::Neighbourhood => "de lijst met buurten",
        TermKind::Theme => "de lijst met thema's",
    }
}

/// "a known theme" in Dutch: the adjective agrees with the noun (de wijk, het thema).
fn known_term_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "bekende wijk",
        TermKind::Neighbourhood => "bekende buurt",
        TermKind::Theme => "bekend thema",
    }
}

/// "the same theme" in Dutch.
fn same_term_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "dezelfde wijk",
        TermKind::Neighbourhood => "dezelfde buurt",
        TermKind::Theme => "hetzelfde thema",
    }
}

fn record_kind(k: RecordKind, l: Lang) -> &'static str {
    match l {
        Lang::En => k.name(),
        Lang::Nl => match k {
            RecordKind::Organisation => "organisatie",
            RecordKind::Person => "persoon",
            RecordKind::Signal => "signaal",
            RecordKind::Action => "actie",
            RecordKind::Commitment => "toezegging",
            RecordKind::Meeting => "overleg",
        },
    }
}

/// "an action", "een actie": a minutes line's kind with its article.
fn entry_kind(k: EntryKind, l: Lang) -> &'static str {
    match (k, l) {
        (EntryKind::Action, Lang::En) => "an action",
        (EntryKind::Commitment, Lang::En) => "a commitment",
        (EntryKind::Signal, Lang::En) => "a signal",
        (EntryKind::Decision, Lang::En) => "a decision",
        (EntryKind::Question, Lang::En) => "a question",
        (EntryKind::Note, Lang::En) => "a note",
        (EntryKind::Action, Lang::Nl) => "een actie",
        (EntryKind::Commitment, Lang::Nl) => "een toezegging",
        (EntryKind::Signal, Lang::Nl) => "een signaal",
        (EntryKind::Decision, Lang::Nl) => "een besluit",
        (EntryKind::Question, Lang::Nl) => "een vraag",
        (EntryKind::Note, Lang::Nl) => "een notitie",
    }
}

fn who_may_own(l: Lang) -> &'static str {
    match l {
        Lang::En => "an owner is a person of a service or partner organisation, or a service",
        Lang::Nl => {
            "een behandelaar is een persoon van een dienst of partnerorganisatie, of een dienst"
        }
    }
}

fn signal_why(state: SignalState, event: SignalEvent, l: Lang) -> &'static str {
    use SignalEvent as E;
    use SignalState as S;
    let en = l == Lang::En;
    match (state, event) {
        (S::New | S::Triaged | S::InProgress, E::Close) => {
            if en {
                "record final feedback first: a signal is closed only after the organisation has its answer"
            } else {
                "leg eerst de definitieve terugkoppeling vast: een signaal sluit pas als de organisatie haar antwoord heeft"
            }
        }
        (S::New, E::Start) => {
            if en {
                "triage it first (owner, theme, feedback due date)"
            } else {
                "beoordeel het eerst (behandelaar, thema, terugkoppeldatum)"
            }
        }
        (S::New, E::FinalFeedback) => {
            if en {
                "triage it first, so that it has an owner"
            } else {
                "beoordeel het eerst, zodat het een behandelaar heeft"
            }
        }
        (S::InProgress, E::Start) => {
            if en {
                "it is already in progress"
            } else {
                "het is al in behandeling"
            }
        }
        (S::Closed | S::Declined, _) => {
            if en {
                "it is finished; reopen it first (with a reason)"
            } else {
                "het is afgehandeld; heropen het eerst (met een reden)"
            }
        }
        (S::Merged, _) => {
            if en {
                "it was merged into another signal; work on that one"
            } else {
                "het is samengevoegd met een ander signaal; werk aan dat signaal"
            }
        }
        (S::Answered, _) => {
            if en {
                "it is answered; close it, or record more with the next signal"
            } else {
                "het is beantwoord; sluit het, of leg meer vast bij een volgend signaal"
            }
        }
        (_, E::Reopen) => {
            if en {
                "only closed or declined signals can be reopened"
            } else {
                "alleen gesloten of afgewezen signalen kunnen heropend worden"
            }
        }
        _ => {
            if en {
                "that step is not part of the signal workflow"
            } else {
                "die stap hoort niet bij de werkwijze voor signalen"
            }
        }
    }
}

fn s_(x: &str) -> String {
    x.to_owned()
}

fn opt_date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `p` in `l`.
pub fn say(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::Required { field: f } => {
            if en {
                format!("{} is required and may not be empty", field(*f, l))
            } else {
                format!(
                    "{} is verplicht en mag niet leeg zijn",
                    capital(field(*f, l))
                )
            }
        }
        P::SignalStep { state, event } => {
            let why = signal_why(*state, *event, l);
            if en {
                format!(
                    "cannot {} a signal that is {}: {why}",
                    event.code(),
                    state.code()
                )
            } else {
                format!(
                    "een signaal dat {} is kun je niet {}: {why}",
                    signal_state(*state, l),
                    signal_verb_nl(*event)
                )
            }
        }
        P::SignalCloseWithoutFinal => {
            if en {
                "cannot close: no final feedback has been recorded".into()
            } else {
                "sluiten kan niet: er is nog geen definitieve terugkoppeling vastgelegd".into()
            }
        }
        P::ActionStep { state, event } => {
            if en {
                format!(
                    "cannot {} an action that is {}: only open actions change",
                    match event {
                        ActionEvent::Done => "finish",
                        ActionEvent::Cancel => "cancel",
                    },
                    state.code()
                )
            } else {
                format!(
                    "een actie die {} is kun je niet {}: alleen open acties veranderen",
                    action_state_nl(*state),
                    match event {
                        ActionEvent::Done => "afronden",
                        ActionEvent::Cancel => "annuleren",
                    }
                )
            }
        }
        P::CommitmentStep { state, event } => {
            if en {
                format!(
                    "cannot {} a commitment that is {}: only open commitments change",
                    event.code(),
                    state.code()
                )
            } else {
                format!(
                    "een toezegging die {} is kun je niet {}: alleen open toezeggingen veranderen",
                    commitment_state_nl(*state),
                    commitment_verb_nl(*event)
                )
            }
        }
        P::MeetingStep { status, event } => {
            use MeetingEvent as E;
            use MeetingStatus as S;
            let (st, verb) = (meeting_status(*status, l), meeting_verb(*event, l));
            match (status, event, en) {
                (S::Planned, E::Finalise, true) => {
                    "cannot finalise a meeting that is planned: mark it held first".into()
                }
                (S::Planned, E::Finalise, false) => {
                    "een gepland overleg kun je niet definitief maken: markeer het eerst als gehouden".into()
                }
                (S::Cancelled, E::Cancel, true) => "the meeting is cancelled already".into(),
                (S::Cancelled, E::Cancel, false) => "het overleg is al afgelast".into(),
                (S::Cancelled, _, true) => {
                    format!("cannot {verb} a meeting that is cancelled: plan a new one")
                }
                (S::Cancelled, _, false) => {
                    format!("een afgelast overleg kun je niet {verb}: plan een nieuw overleg")
                }
                (S::Held | S::Final, E::Cancel, true) => {
                    format!("cannot cancel a meeting that is {st}: it took place")
                }
                (S::Held | S::Final, E::Cancel, false) => {
                    format!("een overleg dat {st} is kun je niet afgelasten: het heeft plaatsgevonden")
                }
                (_, _, true) => format!("cannot {verb} a meeting that is {st}"),
                (_, _, false) => format!("een overleg dat {st} is kun je niet {verb}"),
            }
        }
        P::MeetingCancelledLocked => {
            if en {
                "the meeting is cancelled and can no longer be changed: plan a new one".into()
            } else {
                "het overleg is afgelast en kan niet meer veranderen: plan een nieuw overleg".into()
            }
        }
        P::MeetingNotStarted { starts_at } => {
            let (d, t) = (starts_at.format("%Y-%m-%d"), starts_at.format("%H:%M"));
            if en {
                format!("cannot mark a meeting held before it starts: it starts on {d} at {t}")
            } else {
                format!("een overleg is pas gehouden als het begonnen is: het begint op {d} om {t}")
            }
        }
        P::ClockTime {
            field: f,
            at,
            change,
            before,
            from,
        } => {
            let (at, before, from) = (
                at.format("%Y-%m-%d %H:%M"),
                before.format("%H:%M"),
                from.format("%H:%M"),
            );
            let what = field(*f, l);
            match (change, en) {
                (ClockChange::Skipped, true) => format!(
                    "{what} {at} does not exist in Europe/Amsterdam: the clocks go forward that night; \
                     choose a time before {before} or from {from} on"
                ),
                (ClockChange::Repeated, true) => format!(
                    "{what} {at} happens twice in Europe/Amsterdam: the clocks go back that night, so it \
                     is ambiguous; choose a time before {before} or from {from} on"
                ),
                (ClockChange::Skipped, false) => format!(
                    "{} {at} bestaat niet in Europe/Amsterdam: die nacht gaat de klok vooruit; \
                     kies een tijd voor {before} of vanaf {from}",
                    capital(what)
                ),
                (ClockChange::Repeated, false) => format!(
                    "{} {at} komt twee keer voor in Europe/Amsterdam: die nacht gaat de klok terug, \
                     dus het is dubbelzinnig; kies een tijd voor {before} of vanaf {from}",
                    capital(what)
                ),
            }
        }
        P::OwnerErased { reference } => {
            if en {
                format!(
                    "{reference} was erased and cannot own anything; {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{reference} is gewist en kan niets behandelen; {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerInResidentsOrg {
            name,
            reference,
            org,
        } => {
            if en {
                format!(
                    "{name} ({reference}) belongs to {org}, a residents' organisation: {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) hoort bij {org}, een bewonersorganisatie: {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerWithoutOrg { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) belongs to no organisation: {} (add them to theirs first)",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) hoort bij geen organisatie: {} (voeg de persoon eerst toe aan de eigen organisatie)",
                    who_may_own(l)
                )
            }
        }
        P::OwnerIsResidentsOrg { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) is a residents' organisation: {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) is een bewonersorganisatie: {}",
                    who_may_own(l)
                )
            }
        }
        P::OwnerIsPartner { name, reference } => {
            if en {
                format!(
                    "{name} ({reference}) is a partner: name a person of it as owner; {}",
                    who_may_own(l)
                )
            } else {
                format!(
                    "{name} ({reference}) is een partner: noem een persoon daarvan als behandelaar; {}",
                    who_may_own(l)
                )
            }
        }
        P::PeriodBackwards { from, to } => {
            if en {
                format!("the period runs backwards: from {from} is after to {to}")
            } else {
                format!("de periode loopt achteruit: van {from} ligt na tot {to}")
            }
        }
        P::Of { reference, problem } => format!("{reference}: {}", say(problem, l)),
        P::Stale { what, had, now } => {
            if en {
                format!(
                    "{what} was changed by someone else since you read it (you had version {had}, it is now {now}); \
                     reload it and try again"
                )
            } else {
                format!(
                    "{what} is door iemand anders gewijzigd sinds je het las (jij had versie {had}, nu is het {now}); \
                     laad het opnieuw en probeer het nog eens"
                )
            }
        }
        P::StaleAttendance {
            who,
            meeting,
            had,
            now,
        } => {
            if en {
                say(
                    &P::Stale {
                        what: format!("the attendance of {who} at {meeting}"),
                        had: *had,
                        now: *now,
                    },
                    l,
                )
            } else {
                say(
                    &P::Stale {
                        what: format!("de aanwezigheid van {who} bij {meeting}"),
                        had: *had,
                        now: *now,
                    },
                    l,
                )
            }
        }
        P::AttendanceGone { who, org, meeting } => match (org, en) {
            (true, true) => format!(
                "{who} was taken off the invitation to {meeting} by someone else since you read it; reload it and try again"
            ),
            (false, true) => format!(
                "{who} was taken off the list of {meeting} by someone else since you read it; reload it and try again"
            ),
            (true, false) => format!(
                "{who} is door iemand anders van de uitnodiging voor {meeting} gehaald sinds je het las; laad het opnieuw en probeer het nog eens"
            ),
            (false, false) => format!(
                "{who} is door iemand anders van de lijst van {meeting} gehaald sinds je het las; laad het opnieuw en probeer het nog eens"
            ),
        },
        P::StaleMinutesLine {
            position,
            meeting,
            had,
            now,
        } => {
            if en {
                format!(
                    "line {position} of {meeting} was changed by someone else since you read it (you had version {had}, \
                     it is now {now}); reload it and try again"
                )
            } else {
                format!(
                    "regel {position} van {meeting} is door iemand anders gewijzigd sinds je hem las (jij had versie {had}, \
                     nu is het {now}); laad hem opnieuw en probeer het nog eens"
                )
            }
        }
        P::StaleAgendaItem {
            position,
            title,
            meeting,
            had,
            now,
        } => {
            let what = if en {
                format!("agenda item {position} \"{title}\" of {meeting}")
            } else {
                format!("agendapunt {position} \"{title}\" van {meeting}")
            };
            say(
                &P::Stale {
                    what,
                    had: *had,
                    now: *now,
                },
                l,
            )
        }
        P::Ambiguous { input, kind, shown } => {
            if en {
                format!(
                    "\"{input}\" matches more than one {}: {}; type more of the name",
                    record_kind(*kind, l),
                    shown.join(", ")
                )
            } else {
                format!(
                    "\"{input}\" past bij meer dan één {}: {}; typ meer van de naam",
                    record_kind(*kind, l),
                    shown.join(", ")
                )
            }
        }
        P::NoOrgMatches { input } => {
            if en {
                format!("no organisation matches \"{input}\" (give O-7 or part of its name)")
            } else {
                format!(
                    "geen organisatie gevonden voor \"{input}\" (geef O-7 of een deel van de naam)"
                )
            }
        }
        P::NoPersonMatches { input } => {
            if en {
                format!("no person matches \"{input}\" (give P-4, a username or part of the name)")
            } else {
                format!(
                    "geen persoon gevonden voor \"{input}\" (geef P-4, een gebruikersnaam of een deel van de naam)"
                )
            }
        }
        P::OwnerNeeded => {
            if en {
                "give an owner: P-4, a username, a name or a service such as DSO".into()
            } else {
                "geef een behandelaar: P-4, een gebruikersnaam, een naam of een dienst zoals DSO"
                    .into()
            }
        }
        P::OwnerAmbiguous { input, shown, more } => {
            let shown = shown.join(", ");
            match (*more, en) {
                (0, true) => format!(
                    "\"{input}\" matches more than one owner: {shown}; type more of the name or give the ID"
                ),
                (n, true) => format!(
                    "\"{input}\" matches more than one owner: {shown} and {n} more; type more of the name or give the ID"
                ),
                (0, false) => format!(
                    "\"{input}\" past bij meer dan één behandelaar: {shown}; typ meer van de naam of geef het nummer"
                ),
                (n, false) => format!(
                    "\"{input}\" past bij meer dan één behandelaar: {shown} en nog {n}; typ meer van de naam of geef het nummer"
                ),
            }
        }
        P::NoOwnerMatches { input } => {
            if en {
                format!(
                    "no person or service matches \"{input}\" (give P-4, a username, a name or a service such as DSO)"
                )
            } else {
                format!(
                    "geen persoon of dienst gevonden voor \"{input}\" (geef P-4, een gebruikersnaam, een naam of een dienst zoals DSO)"
                )
            }
        }
        P::OnlyIneligibleOwners { input, shown } => {
            if en {
                format!(
                    "\"{input}\" matches no member of staff or service, only {}; {}",
                    shown.join(", "),
                    who_may_own(l)
                )
            } else {
                format!(
                    "\"{input}\" past bij geen medewerker of dienst, alleen bij {}; {}",
                    shown.join(", "),
                    who_may_own(l)
                )
            }
        }
        P::FollowUpTooEarly {
            previous,
            starts_at,
        } => {
            let at = starts_at.format("%Y-%m-%d %H:%M");
            if en {
                format!("a follow-up starts after {previous} ({at}); give a later --start")
            } else {
                format!(
                    "een vervolgoverleg begint na {previous} ({at}); geef een later begin (--start)"
                )
            }
        }
        P::NextFeedbackPast { date } => {
            if en {
                format!("the next feedback date {date} is in the past")
            } else {
                format!("de volgende terugkoppeldatum {date} ligt in het verleden")
            }
        }
        P::TriageNeedsOwner => {
            if en {
                "triage needs an owner (a person or a service, e.g. --owner P-4 or --owner DSO)"
                    .into()
            } else {
                "beoordelen vraagt een behandelaar (een persoon of een dienst, bijv. --owner P-4 of --owner DSO)".into()
            }
        }
        P::FeedbackDuePast { date } => {
            if en {
                format!("the feedback due date {date} is in the past")
            } else {
                format!("de terugkoppeldatum {date} ligt in het verleden")
            }
        }
        P::LaterDueNeedsReason {
            reference,
            from,
            to,
        } => {
            let from = opt_date(*from);
            if en {
                format!(
                    "moving {reference}'s feedback due date later ({from} to {to}) needs a reason"
                )
            } else {
                format!(
                    "de terugkoppeldatum van {reference} later zetten ({from} naar {to}) vraagt een reden"
                )
            }
        }
        P::NoDueToMove { reference, state } => {
            if en {
                format!(
                    "{reference} is {}: only a signal that still owes feedback has a due date to move",
                    state.code()
                )
            } else {
                format!(
                    "{reference} is {}: alleen een signaal dat nog terugkoppeling verschuldigd is heeft een datum om te verzetten",
                    signal_state(*state, l)
                )
            }
        }
        P::DueAlready { reference, due } => {
            if en {
                format!("{reference} is due on {due} already")
            } else {
                format!("{reference} staat al op {due}")
            }
        }
        P::NothingToChange { reference } => {
            if en {
                format!("nothing to change: {reference} has these values already")
            } else {
                format!("niets te wijzigen: {reference} heeft deze waarden al")
            }
        }
        P::NotAgendaMaterial { reference, kind } => {
            if en {
                format!(
                    "{reference} is {} {}: only signals, commitments, actions and minutes lines become agenda items",
                    if *kind == RecordKind::Organisation {
                        "an"
                    } else {
                        "a"
                    },
                    kind.name()
                )
            } else {
                format!(
                    "{reference} is een {}: alleen signalen, toezeggingen, acties en notulenregels worden agendapunten",
                    record_kind(*kind, l)
                )
            }
        }
        P::AssignNotOpen { reference, state } => {
            if en {
                format!(
                    "{reference} is {}: only an open signal can be given to someone",
                    state.code()
                )
            } else {
                format!(
                    "{reference} is {}: alleen een open signaal kun je aan iemand geven",
                    signal_state(*state, l)
                )
            }
        }
        P::AssignNeedsOwner => {
            if en {
                "assigning needs an owner (a person or a service)".into()
            } else {
                "toewijzen vraagt een behandelaar (een persoon of een dienst)".into()
            }
        }
        P::BreakNeedsAnswers => {
            if en {
                "breaking a commitment needs two answers: what went wrong, and how it is prevented next time".into()
            } else {
                "een toezegging niet nakomen vraagt twee antwoorden: wat er misging, en hoe het de volgende keer voorkomen wordt".into()
            }
        }
        P::WithdrawNeedsReason => {
            if en {
                "withdrawing a commitment needs a reason".into()
            } else {
                "een toezegging intrekken vraagt een reden".into()
            }
        }
        P::MergeIntoItself => {
            if en {
                "a signal cannot be merged into itself".into()
            } else {
                "een signaal kan niet met zichzelf samengevoegd worden".into()
            }
        }
        P::MergeIntoClosed { target, state } => {
            if en {
                format!(
                    "cannot merge into {target}: it is {} (merge into an open signal)",
                    state.code()
                )
            } else {
                format!(
                    "samenvoegen met {target} kan niet: het is {} (voeg samen met een open signaal)",
                    signal_state(*state, l)
                )
            }
        }
        P::MergeAcrossOrgs {
            from,
            from_org,
            into,
            into_org,
        } => {
            let none = if en {
                "no organisation"
            } else {
                "geen organisatie"
            };
            let (fo, io) = (
                from_org.as_deref().unwrap_or(none),
                into_org.as_deref().unwrap_or(none),
            );
            if en {
                format!(
                    "{from} is from {fo} and {into} from {io}: merging across organisations needs \
                     confirmation (--yes); {fo} stays owed the final feedback"
                )
            } else {
                format!(
                    "{from} komt van {fo} en {into} van {io}: samenvoegen over organisaties heen vraagt \
                     bevestiging (--yes); {fo} blijft de definitieve terugkoppeling tegoed houden"
                )
            }
        }
        P::TermNeedsName { kind } => {
            if en {
                format!("a {} needs a name", kind.code())
            } else {
                format!("een {} heeft een naam nodig", term_kind(*kind, l))
            }
        }
        P::TermComma { kind, name } => {
            if en {
                format!("a {} name may not contain a comma: '{name}'", kind.code())
            } else {
                format!(
                    "de naam van een {} mag geen komma bevatten: '{name}'",
                    term_kind(*kind, l)
                )
            }
        }
        P::TermExists { kind, name, listed } => {
            if en {
                format!(
                    "'{name}' is on the {} list already, as '{listed}'",
                    kind.code()
                )
            } else {
                format!(
                    "'{name}' staat al op {}, als '{listed}'",
                    term_list_nl(*kind)
                )
            }
        }
        P::TermRenameOntoExisting {
            kind,
            name,
            old_word,
            new_word,
        } => {
            let cmd = format!("wijkdesk {} merge {old_word} {new_word}", kind.command());
            if en {
                format!(
                    "'{name}' is on the {} list already; merge instead: {cmd}",
                    kind.code()
                )
            } else {
                format!(
                    "'{name}' staat al op {}; voeg ze in plaats daarvan samen: {cmd}",
                    term_list_nl(*kind)
                )
            }
        }
        P::TermSame { kind, from, into } => {
            if en {
                format!(
                    "'{from}' and '{into}' are the same {}; nothing to merge",
                    kind.code()
                )
            } else {
                format!(
                    "'{from}' en '{into}' zijn {}; niets samen te voegen",
                    same_term_nl(*kind)
                )
            }
        }
        P::NotOnList { who, meeting } => {
            if en {
                format!("{who} is not on the list of {meeting}")
            } else {
                format!("{who} staat niet op de lijst van {meeting}")
            }
        }
        P::AgendaItemMissing { item } => {
            if en {
                format!("agenda item {item} does not exist")
            } else {
                format!("agendapunt {item} bestaat niet")
            }
        }
        P::AgendaItemHasLines {
            position,
            title,
            lines,
        } => {
            if en {
                format!(
                    "agenda item {position} \"{title}\" has {lines} minutes line{}; move {} to another item first",
                    if *lines == 1 { "" } else { "s" },
                    if *lines == 1 { "it" } else { "them" }
                )
            } else {
                format!(
                    "agendapunt {position} \"{title}\" heeft {lines} notulenregel{}; verplaats {} eerst naar een ander punt",
                    if *lines == 1 { "" } else { "s" },
                    if *lines == 1 { "die" } else { "ze" }
                )
            }
        }
        P::AgendaItemIsSource {
            position,
            title,
            records,
        } => {
            if en {
                format!(
                    "agenda item {position} \"{title}\" is where {} came from; it stays",
                    records.join(", ")
                )
            } else {
                format!(
                    "agendapunt {position} \"{title}\" is waar {} vandaan kwam; het blijft",
                    records.join(", ")
                )
            }
        }
        P::EmptyLine => {
            if en {
                "an empty line is not stored".into()
            } else {
                "een lege regel wordt niet opgeslagen".into()
            }
        }
        P::AgendaItemNotInMeeting { item, meeting } => {
            if en {
                format!("agenda item {item} is not part of {meeting}")
            } else {
                format!("agendapunt {item} hoort niet bij {meeting}")
            }
        }
        P::MinutesLineMissing { id } => {
            if en {
                format!("minutes line {id} does not exist")
            } else {
                format!("notulenregel {id} bestaat niet")
            }
        }
        P::LineCannotBeEmptied => {
            if en {
                "a minutes line cannot be emptied; delete it instead".into()
            } else {
                "een notulenregel kan niet leeggemaakt worden; verwijder hem in plaats daarvan"
                    .into()
            }
        }
        P::LineKeepsKind { record, kind } => {
            if en {
                format!(
                    "this line created {record} and stays {} line (keep its prefix); to change {record}, \
                     change the record itself",
                    entry_kind(*kind, l)
                )
            } else {
                format!(
                    "deze regel maakte {record} aan en blijft een regel voor {} (houd het voorvoegsel); \
                     wijzig {record} zelf om het te veranderen",
                    entry_kind(*kind, l)
                )
            }
        }
        P::NoSuchLine { meeting, position } => {
            if en {
                format!("{meeting} has no line {position}")
            } else {
                format!("{meeting} heeft geen regel {position}")
            }
        }
        P::NotAQuestion {
            position,
            meeting,
            kind,
        } => {
            if en {
                format!(
                    "line {position} of {meeting} is {}, not a question",
                    entry_kind(*kind, l)
                )
            } else {
                format!(
                    "regel {position} van {meeting} is {}, geen vraag",
                    entry_kind(*kind, l)
                )
            }
        }
        P::SearchEmpty => {
            if en {
                "type a word to search for".into()
            } else {
                "typ een woord om op te zoeken".into()
            }
        }
        P::SearchNoWord { shown } => {
            if en {
                format!("nothing to search for in {shown}: type a word (letters or digits)")
            } else {
                format!("niets om op te zoeken in {shown}: typ een woord (letters of cijfers)")
            }
        }
        P::SearchTooManyWords { max, count } => {
            if en {
                format!("a search takes at most {max} words, not {count}")
            } else {
                format!("een zoekvraag heeft hoogstens {max} woorden, niet {count}")
            }
        }
        P::SearchTooShort { words } => {
            if en {
                format!("type a word of two letters or more to search for, not just {words}")
            } else {
                format!(
                    "typ een woord van twee letters of meer om op te zoeken, niet alleen {words}"
                )
            }
        }
        P::MeetingNeedsStart => {
            if en {
                "a meeting needs a start, e.g. --start \"vr 19:30\"".into()
            } else {
                "een overleg heeft een begin nodig, bijv. --start \"vr 19:30\"".into()
            }
        }
        P::EndsBeforeStart { end, start, would } => {
            let (e, s) = if *would {
                (
                    end.format("%Y-%m-%dT%H:%M").to_string(),
                    start.format("%Y-%m-%dT%H:%M").to_string(),
                )
            } else {
                (end.to_string(), start.to_string())
            };
            match (would, en) {
                (false, true) => format!("the meeting ends ({e}) before it starts ({s})"),
                (true, true) => format!("the meeting would end ({e}) before it starts ({s})"),
                (false, false) => format!("het overleg eindigt ({e}) voordat het begint ({s})"),
                (true, false) => format!("het overleg zou eindigen ({e}) voordat het begint ({s})"),
            }
        }
        P::NotInvited { org, meeting } => {
            if en {
                format!("{org} is not invited to {meeting}")
            } else {
                format!("{org} is niet uitgenodigd voor {meeting}")
            }
        }
        P::AddedAndRemoved { org, meeting } => {
            if en {
                format!("{org} is both added to and removed from {meeting}")
            } else {
                format!("{org} wordt bij {meeting} zowel toegevoegd als weggehaald")
            }
        }
        P::OutboxMissing { id } => {
            if en {
                format!("outbox message {id} does not exist")
            } else {
                format!("uitgaand bericht {id} bestaat niet")
            }
        }
        P::OutboxNotFeedback { id } => {
            if en {
                format!("outbox message {id} is not feedback")
            } else {
                format!("uitgaand bericht {id} is geen terugkoppeling")
            }
        }
        P::NotEmail { value } => {
            if en {
                format!("not an email address: \"{value}\"")
            } else {
                format!("geen e-mailadres: \"{value}\"")
            }
        }
        P::NotPhone { value } => {
            if en {
                format!("not a phone number: \"{value}\" (digits, spaces, + - ( ) only)")
            } else {
                format!("geen telefoonnummer: \"{value}\" (alleen cijfers, spaties, + - ( ))")
            }
        }
        P::UsernameTaken { username, owner } => {
            if en {
                format!("username \"{username}\" belongs to {owner} already")
            } else {
                format!("gebruikersnaam \"{username}\" is al van {owner}")
            }
        }
        P::ErasedNoEdit { reference } => {
            if en {
                format!("{reference} was erased and cannot be edited")
            } else {
                format!("{reference} is gewist en kan niet meer gewijzigd worden")
            }
        }
        P::Erased { reference } => {
            if en {
                format!("{reference} was erased")
            } else {
                format!("{reference} is gewist")
            }
        }
        P::ErasedAlready { reference } => {
            if en {
                format!("{reference} was erased already")
            } else {
                format!("{reference} is al gewist")
            }
        }
        P::UnknownOrgKind { value } => {
            if en {
                format!("unknown organisation kind \"{value}\" (use residents, service or partner)")
            } else {
                format!(
                    "onbekende soort organisatie \"{value}\" (gebruik residents, service of partner)"
                )
            }
        }
        P::CadenceRange { value } => {
            if en {
                format!("cadence must be 0 to 52 meetings a year, not {value}")
            } else {
                format!("het aantal overleggen per jaar moet 0 tot 52 zijn, niet {value}")
            }
        }
        P::OrgNameTaken { name, other } => {
            if en {
                format!("an organisation named \"{name}\" exists already ({other})")
            } else {
                format!("er bestaat al een organisatie met de naam \"{name}\" ({other})")
            }
        }
        P::NotAFigure { figure } => {
            let eg = "loop.on_time, loop.open.age:15-30, commitments.broken, \
                      commitments.service.kept_late:O-3, cadence.overdue, load.over";
            if en {
                format!("\"{figure}\" is not a report figure (e.g. {eg})")
            } else {
                format!("\"{figure}\" is geen cijfer uit het rapport (bijv. {eg})")
            }
        }
        P::FileExists { path } => {
            if en {
                format!("{path} exists already; choose a new file name")
            } else {
                format!("{path} bestaat al; kies een nieuwe bestandsnaam")
            }
        }
        P::NotAFileName { path } => {
            if en {
                format!("{path} is not a file name")
            } else {
                format!("{path} is geen bestandsnaam")
            }
        }
        P::PathNotUtf8 => {
            if en {
                "backup path is not valid UTF-8".into()
            } else {
                "het pad voor de reservekopie is geen geldige UTF-8".into()
            }
        }
        P::CannotCreateIn { dir, error } => {
            if en {
                format!("cannot create a file in {dir}: {error}")
            } else {
                format!("kan geen bestand maken in {dir}: {error}")
            }
        }
        P::CannotWrite {
            path,
            error,
            disk_full_hint,
        } => match (disk_full_hint, en) {
            (true, true) => format!("cannot write {path}: {error} (is the disk full?)"),
            (false, true) => format!("cannot write {path}: {error}"),
            (true, false) => format!("kan {path} niet schrijven: {error} (is de schijf vol?)"),
            (false, false) => format!("kan {path} niet schrijven: {error}"),
        },
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
        | P::CsvChangedDuringImport { .. } => csv(p, l),
        P::UnknownTerm {
            kind,
            value,
            suggestions,
        } => {
            let quoted: Vec<String> = suggestions.iter().map(|s| format!("'{s}'")).collect();
            match (suggestions.is_empty(), en) {
                (true, true) => format!("'{value}' is not a known {}", kind.code()),
                (false, true) => format!(
                    "'{value}' is not a known {} (did you mean {}?)",
                    kind.code(),
                    quoted.join(" or ")
                ),
                (true, false) => format!("'{value}' is geen {}", known_term_nl(*kind)),
                (false, false) => format!(
                    "'{value}' is geen {} (bedoel je {}?)",
                    known_term_nl(*kind),
                    quoted.join(" of ")
                ),
            }
        }
        P::FeedbackNoOrg { .. }
        | P::FeedbackNoAddress { .. }
        | P::OutboxSentAlready { .. }
        | P::StatementNoAddress { .. }
        | P::StatementNotSent { .. }
        | P::InvitationAfterMeeting { .. }
        | P::NoInvitee { .. }
        | P::MinutesNotFinal { .. }
        | P::NoMinutesRecipient { .. } => mail(p, l),
        P::MinutesDueEmpty
        | P::MinutesNotADate { .. }
        | P::MinutesMoreThanOne { .. }
        | P::MinutesTokenProblem { .. }
        | P::MinutesCommitmentNeedsOrg
        | P::MinutesCommitmentNeedsDue
        | P::MinutesUnknownTheme { .. }
        | P::MinutesStored { .. } => minutes(p, l),
        P::NotFound { reference } => {
            if en {
                format!("{reference} does not exist")
            } else {
                format!("{reference} bestaat niet")
            }
        }
        P::Busy {
            holder,
            waited_secs,
            screens,
        } => {
            let who = holder
                .as_ref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            match (screens, en) {
                (true, true) => format!(
                    "another user's change{who} is holding the database: nothing was saved yet and nothing you typed is lost; try again in a moment"
                ),
                (false, true) => format!(
                    "another user's change{who} held the database for {waited_secs} s; nothing was changed, repeat the command when it is done (WIJKDESK_LOCK_WAIT=SECONDS waits longer)"
                ),
                (true, false) => format!(
                    "de wijziging van een andere gebruiker{who} houdt de database vast: er is nog niets opgeslagen en niets van wat je typte gaat verloren; probeer het zo opnieuw"
                ),
                (false, false) => format!(
                    "de wijziging van een andere gebruiker{who} hield de database {waited_secs} s vast; er is niets gewijzigd, herhaal de opdracht als die klaar is (WIJKDESK_LOCK_WAIT=SECONDEN wacht langer)"
                ),
            }
        }
        P::Date(e) => dates::say(e, l),
        P::NotAnId { input, expected } => {
            // The example: the letter form, and the number alone where the kind is known.
            let example = match expected {
                Some(RecordKind::Organisation) => s_("O-7"),
                Some(RecordKind::Person) => s_("P-4"),
                Some(k) => {
                    let n = match k {
                        RecordKind::Signal => 42,
                        RecordKind::Action => 3,
                        RecordKind::Commitment => 12,
                        _ => 5,
                    };
                    let or = if en { "or" } else { "of" };
                    format!("{}-{n} {or} {n}", k.letter())
                }
                None => s_("S-42"),
            };
            match (expected, en) {
                (Some(k), true) => format!(
                    "not a valid {} ID: \"{input}\" (expected e.g. {example})",
                    k.name()
                ),
                (None, true) => {
                    format!("not a valid record ID: \"{input}\" (expected e.g. {example})")
                }
                (Some(k), false) => format!(
                    "geen geldige ID voor een {}: \"{input}\" (verwacht bijv. {example})",
                    record_kind(*k, l)
                ),
                (None, false) => {
                    format!("geen geldige ID: \"{input}\" (verwacht bijv. {example})")
                }
            }
        }
        P::DuePast { date } => {
            if en {
                format!("the due date {date} is in the past")
            } else {
                format!("de datum {date} ligt in het verleden")
            }
        }
        P::Failure { error } => {
            if en {
                error.clone()
            } else {
                format!("het lukte niet: {error}")
            }
        }
        P::CannotCreate { path, error } => {
            if en {
                format!("cannot create {path}: {error}")
            } else {
                format!("kan {path} niet maken: {error}")
            }
        }
    }
}

fn csv(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::CsvOpenQuote { line } => {
            if en {
                format!(
                    "line {line}: a quote (\") opens a cell that is never closed; close it or remove it"
                )
            } else {
                format!(
                    "regel {line}: een aanhalingsteken (\") opent een cel die nooit gesloten wordt; sluit het of haal het weg"
                )
            }
        }
        P::CsvNotUtf8 { line } => {
            if en {
                format!(
                    "line {line} is not UTF-8 text; save the file as \"CSV UTF-8\" and try again"
                )
            } else {
                format!(
                    "regel {line} is geen UTF-8-tekst; sla het bestand op als \"CSV UTF-8\" en probeer het opnieuw"
                )
            }
        }
        P::CsvUnreadable { line, error } => {
            if en {
                format!("line {line}: the file cannot be read as CSV: {error}")
            } else {
                format!("regel {line}: het bestand is niet als CSV te lezen: {error}")
            }
        }
        P::CsvEmpty => {
            if en {
                "the file is empty: it needs a header line".into()
            } else {
                "het bestand is leeg: het heeft een kopregel nodig".into()
            }
        }
        P::CsvTwoColumns { line, header } => {
            if en {
                format!("line {line}: two columns give the {header}: rename or remove one")
            } else {
                format!("regel {line}: twee kolommen geven {header}: hernoem of verwijder er één")
            }
        }
        P::CsvNoNameColumn { line, found } => {
            if en {
                format!(
                    "line {line}: no name column (\"name\" or \"naam\"); the header has: {}",
                    found.join(", ")
                )
            } else {
                format!(
                    "regel {line}: geen kolom met de naam (\"name\" of \"naam\"); de kopregel heeft: {}",
                    found.join(", ")
                )
            }
        }
        P::CsvUnknownKind { value } => {
            if en {
                format!(
                    "unknown kind \"{value}\" (use residents, service or partner; bewoners, dienst or partner)"
                )
            } else {
                format!(
                    "onbekende soort \"{value}\" (gebruik bewoners, dienst of partner; residents, service of partner)"
                )
            }
        }
        P::CsvCadence { value } => {
            if en {
                format!("cadence \"{value}\" is not a number of meetings a year from 0 to 52")
            } else {
                format!("aantal overleggen per jaar \"{value}\" is geen getal van 0 tot 52")
            }
        }
        P::CsvNoSuchOrg { name } => {
            if en {
                format!("no organisation named \"{name}\"; import or add the organisations first")
            } else {
                format!(
                    "geen organisatie met de naam \"{name}\"; importeer of voeg eerst de organisaties toe"
                )
            }
        }
        P::CsvManyPeople { name, refs } => {
            if en {
                format!(
                    "\"{name}\" matches more than one person ({}); edit them one by one",
                    refs.join(", ")
                )
            } else {
                format!(
                    "\"{name}\" past bij meer dan één persoon ({}); wijzig ze één voor één",
                    refs.join(", ")
                )
            }
        }
        P::CsvTooManyCells { cells, header } => {
            if en {
                format!(
                    "{cells} cells, but the header has {header}: is a separator or quote missing?"
                )
            } else {
                format!(
                    "{cells} cellen, maar de kopregel heeft er {header}: ontbreekt er een scheidingsteken of aanhalingsteken?"
                )
            }
        }
        P::CsvTooFewCells { cells, header } => {
            if en {
                format!("{cells} cells, but the header has {header}: is a separator missing?")
            } else {
                format!(
                    "{cells} cellen, maar de kopregel heeft er {header}: ontbreekt er een scheidingsteken?"
                )
            }
        }
        P::CsvSameAsLine { first } => {
            if en {
                format!("the same as line {first}: each record once, please")
            } else {
                format!("hetzelfde als regel {first}: elk gegeven maar één keer, graag")
            }
        }
        P::CsvChangedDuringImport { problem, stored } => {
            let why = say(problem, l);
            if en {
                format!(
                    "{why} (changed by another user during the import: the {stored} rows before it were stored, \
                     this and later rows not; run the import again to finish it)"
                )
            } else {
                format!(
                    "{why} (tijdens het importeren door iemand anders gewijzigd: de {stored} regels ervoor zijn opgeslagen, \
                     deze en latere niet; importeer opnieuw om het af te maken)"
                )
            }
        }
        _ => unreachable!("csv() is called for CSV problems only"),
    }
}

fn mail(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::FeedbackNoOrg { signal } => {
            if en {
                format!("{signal} has no organisation to send feedback to")
            } else {
                format!("{signal} heeft geen organisatie om terugkoppeling naar te sturen")
            }
        }
        P::FeedbackNoAddress { org } => {
            if en {
                format!(
                    "{org} has no e-mail address, nor a contact person with one; add one or give feedback another way"
                )
            } else {
                format!(
                    "{org} heeft geen e-mailadres, en ook geen contactpersoon met een e-mailadres; vul er een in of koppel op een andere manier terug"
                )
            }
        }
        P::OutboxSentAlready { id } => {
            if en {
                format!("outbox message {id} was sent already")
            } else {
                format!("uitgaand bericht {id} is al verstuurd")
            }
        }
        P::StatementNoAddress { org, reference } => {
            if en {
                format!(
                    "{org} has no e-mail address, nor a contact person with one; add one (wijkdesk org edit {reference} --email …)"
                )
            } else {
                format!(
                    "{org} heeft geen e-mailadres, en ook geen contactpersoon met een e-mailadres; vul er een in (wijkdesk org edit {reference} --email …)"
                )
            }
        }
        P::StatementNotSent { error } => {
            if en {
                format!("the statement was not sent: {error}")
            } else {
                format!("het overzicht is niet verstuurd: {error}")
            }
        }
        P::InvitationAfterMeeting { meeting, status } => {
            if en {
                format!(
                    "{meeting} took place already ({}): invitations are for planned meetings",
                    status.code()
                )
            } else {
                format!(
                    "{meeting} heeft al plaatsgevonden ({}): uitnodigingen zijn voor geplande overleggen",
                    meeting_status(*status, l)
                )
            }
        }
        P::NoInvitee {
            meeting,
            without_address,
        } => match (without_address.is_empty(), en) {
            (true, true) => format!(
                "{meeting} has no organisation invited; add one first (wijkdesk meeting edit {meeting} --add-org NAME)"
            ),
            (false, true) => format!(
                "{meeting}: no invited organisation has an e-mail address, nor a contact person with one ({}); add one first",
                without_address.join(", ")
            ),
            (true, false) => format!(
                "{meeting} heeft geen organisatie uitgenodigd; nodig er eerst een uit (wijkdesk meeting edit {meeting} --add-org NAAM)"
            ),
            (false, false) => format!(
                "{meeting}: geen uitgenodigde organisatie heeft een e-mailadres, en ook geen contactpersoon met een e-mailadres ({}); vul er eerst een in",
                without_address.join(", ")
            ),
        },
        P::MinutesNotFinal { meeting, status } => {
            let r = meeting;
            let how = match (status, en) {
                (MeetingStatus::Planned, true) => format!(
                    "mark it held and finalise it first (wijkdesk meeting hold {r}, wijkdesk meeting finalise {r})"
                ),
                (MeetingStatus::Held, true) => {
                    format!("finalise it first (wijkdesk meeting finalise {r})")
                }
                (_, true) => "a cancelled meeting has no minutes".to_string(),
                (MeetingStatus::Planned, false) => format!(
                    "markeer het eerst als gehouden en maak het definitief (wijkdesk meeting hold {r}, wijkdesk meeting finalise {r})"
                ),
                (MeetingStatus::Held, false) => {
                    format!("maak het eerst definitief (wijkdesk meeting finalise {r})")
                }
                (_, false) => "een afgelast overleg heeft geen notulen".to_string(),
            };
            if en {
                format!(
                    "{r} is {}: only final minutes are sent; {how}",
                    status.code()
                )
            } else {
                format!(
                    "{r} is {}: alleen definitieve notulen worden verstuurd; {how}",
                    meeting_status(*status, l)
                )
            }
        }
        P::NoMinutesRecipient {
            meeting,
            without_address,
        } => match (without_address.is_empty(), en) {
            (true, true) => format!(
                "{meeting}: no organisation attended; mark attendance first (wijkdesk meeting attend {meeting})"
            ),
            (false, true) => format!(
                "{meeting}: no organisation that attended has an e-mail address ({}); add one first",
                without_address.join(", ")
            ),
            (true, false) => format!(
                "{meeting}: er was geen organisatie aanwezig; leg eerst de aanwezigheid vast (wijkdesk meeting attend {meeting})"
            ),
            (false, false) => format!(
                "{meeting}: geen aanwezige organisatie heeft een e-mailadres ({}); vul er eerst een in",
                without_address.join(", ")
            ),
        },
        _ => unreachable!("mail() is called for mail problems only"),
    }
}

fn token(t: &TokenKind, l: Lang) -> String {
    match t {
        TokenKind::Owner(name) => format!("@{name}"),
        TokenKind::Org(name) => format!("org:{name:?}"),
        TokenKind::Theme(name) => format!("#{name}"),
        TokenKind::Due(date) => format!("due:{date}"),
        TokenKind::SaidDue(date) if l == Lang::En => format!("{date} (said)"),
        TokenKind::SaidDue(date) => format!("{date} (gezegd)"),
        TokenKind::BadDue(value) => format!("due:{value:?}"),
    }
}

fn minutes(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::MinutesDueEmpty => {
            if en {
                "due: needs a date right after the colon, e.g. due:+14d or due:fri".into()
            } else {
                "due: heeft direct na de dubbele punt een datum nodig, bijv. due:+14d of due:vr"
                    .into()
            }
        }
        P::MinutesNotADate { value } => {
            if en {
                format!(
                    "not a date: {value:?} (use due:+14d, due:vr, due:15-12, due:+2w, or say it: voor 1 juli)"
                )
            } else {
                format!(
                    "geen datum: {value:?} (gebruik due:+14d, due:vr, due:15-12, due:+2w, of zeg het: voor 1 juli)"
                )
            }
        }
        P::MinutesMoreThanOne { used, ignored } => {
            let (u, i) = (token(used, l), token(ignored, l));
            if en {
                format!("more than one {}: {u} is used, not {i}", used.slot())
            } else {
                let what = match used {
                    TokenKind::Owner(_) => "behandelaar",
                    TokenKind::Org(_) => "organisatie",
                    TokenKind::Theme(_) => "thema",
                    _ => "datum",
                };
                format!("meer dan één {what}: {u} geldt, niet {i}")
            }
        }
        P::MinutesTokenProblem { token, problem } => format!("{token}: {}", say(problem, l)),
        P::MinutesCommitmentNeedsOrg => {
            if en {
                "a commitment is made to an organisation: add org:NAME".into()
            } else {
                "een toezegging doe je aan een organisatie: voeg org:NAAM toe".into()
            }
        }
        P::MinutesCommitmentNeedsDue => {
            if en {
                "a commitment needs a due date: add due:+14d, due:15-12 or say \"voor 1 juli\""
                    .into()
            } else {
                "een toezegging heeft een datum nodig: voeg due:+14d of due:15-12 toe, of zeg \"voor 1 juli\"".into()
            }
        }
        P::MinutesUnknownTheme { value, problem } => {
            if en {
                format!(
                    "#{value}: {}; add it with `wijkdesk theme add {value}`",
                    say(problem, l)
                )
            } else {
                format!(
                    "#{value}: {}; voeg het toe met `wijkdesk theme add {value}`",
                    say(problem, l)
                )
            }
        }
        P::MinutesStored { text } => {
            if en {
                text.clone()
            } else {
                format!("door een eerdere versie in het Engels opgeslagen: \"{text}\"")
            }
        }
        _ => unreachable!("minutes() is called for minutes problems only"),
    }
}

/// The first letter in upper case, for a phrase that opens a Dutch sentence.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::problem::ClockChange;
    use chrono::{NaiveDate, NaiveDateTime};
    use std::collections::BTreeSet;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
        day(m, d).and_hms_opt(h, 30, 0).unwrap()
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    const FIELDS: [Field; 32] = [
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
    fn field_listed(f: Field) -> bool {
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
    fn examples() -> Vec<Problem> {
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
                holder: Some(s("jan")),
                waited_secs: 5,
                screens: true,
            },
            P::Busy {
                holder: None,
                waited_secs: 5,
                screens: false,
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
        ]);
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
        }
    }

    const KINDS: usize = 124;

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
}

//! The names of fields, states, steps and kinds of record, in English and Dutch: the
//! words the problems are made of.

use super::Lang;
use crate::domain::RecordKind;
use crate::domain::action::ActionState;
use crate::domain::commitment::CommitmentEvent;
use crate::domain::commitment::CommitmentState;
use crate::domain::meeting::MeetingEvent;
use crate::domain::meeting::MeetingStatus;
use crate::domain::minutes::EntryKind;
use crate::domain::problem::Field;
use crate::domain::signal::SignalEvent;
use crate::domain::signal::SignalState;
use crate::domain::vocab::TermKind;

pub(super) fn field(f: Field, l: Lang) -> &'static str {
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

pub(super) fn signal_state(s: SignalState, l: Lang) -> &'static str {
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
pub(super) fn signal_verb_nl(e: SignalEvent) -> &'static str {
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

pub(super) fn action_state_nl(s: ActionState) -> &'static str {
    match s {
        ActionState::Open => "open",
        ActionState::Done => "afgerond",
        ActionState::Cancelled => "geannuleerd",
    }
}

pub(super) fn commitment_state_nl(s: CommitmentState) -> &'static str {
    match s {
        CommitmentState::Open => "open",
        CommitmentState::Kept => "nagekomen",
        CommitmentState::Broken => "niet nagekomen",
        CommitmentState::Withdrawn => "ingetrokken",
    }
}

pub(super) fn commitment_verb_nl(e: CommitmentEvent) -> &'static str {
    match e {
        CommitmentEvent::Keep => "als nagekomen markeren",
        CommitmentEvent::Break => "als niet nagekomen markeren",
        CommitmentEvent::Withdraw => "intrekken",
        CommitmentEvent::Move => "verzetten",
    }
}

pub(super) fn meeting_status(s: MeetingStatus, l: Lang) -> &'static str {
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

pub(super) fn meeting_verb(e: MeetingEvent, l: Lang) -> &'static str {
    match (e, l) {
        (MeetingEvent::Hold, Lang::En) => "hold",
        (MeetingEvent::Finalise, Lang::En) => "finalise",
        (MeetingEvent::Cancel, Lang::En) => "cancel",
        (MeetingEvent::Hold, Lang::Nl) => "als gehouden markeren",
        (MeetingEvent::Finalise, Lang::Nl) => "definitief maken",
        (MeetingEvent::Cancel, Lang::Nl) => "afgelasten",
    }
}

pub(super) fn term_kind(k: TermKind, l: Lang) -> &'static str {
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
pub(super) fn term_list_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "de lijst met wijken",
        TermKind::Neighbourhood => "de lijst met buurten",
        TermKind::Theme => "de lijst met thema's",
    }
}

/// "a known theme" in Dutch: the adjective agrees with the noun (de wijk, het thema).
pub(super) fn known_term_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "bekende wijk",
        TermKind::Neighbourhood => "bekende buurt",
        TermKind::Theme => "bekend thema",
    }
}

/// "the same theme" in Dutch.
pub(super) fn same_term_nl(k: TermKind) -> &'static str {
    match k {
        TermKind::District => "dezelfde wijk",
        TermKind::Neighbourhood => "dezelfde buurt",
        TermKind::Theme => "hetzelfde thema",
    }
}

pub(super) fn record_kind(k: RecordKind, l: Lang) -> &'static str {
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
pub(super) fn entry_kind(k: EntryKind, l: Lang) -> &'static str {
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

pub(super) fn who_may_own(l: Lang) -> &'static str {
    match l {
        Lang::En => "an owner is a person of a service or partner organisation, or a service",
        Lang::Nl => {
            "een behandelaar is een persoon van een dienst of partnerorganisatie, of een dienst"
        }
    }
}

pub(super) fn signal_why(state: SignalState, event: SignalEvent, l: Lang) -> &'static str {
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

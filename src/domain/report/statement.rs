//! The statement to an organisation: everything it raised, everything promised to it,
//! the meetings held with it and what was decided, and what is still open, written so
//! that the organisation can read it without knowing wijkdesk.
//!
//! Pure: the store gathers a [`Statement`], [`markdown`] and [`html`] write it, in
//! Dutch or English. Both go through one list of [`Block`]s, so the two formats say
//! the same; every piece of record text is escaped for the format it lands in.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::commitment::CommitmentState;
use crate::domain::meeting::MeetingStatus;
use crate::domain::minutes_export::{Lang, long_date, md};
use crate::domain::signal::SignalState;

/// Everything a statement says about one organisation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// `O-7`
    pub reference: String,
    pub name: String,
    /// The day the statement speaks of ("today").
    pub today: NaiveDate,
    /// Closed history before this day is left out; open matters never are.
    pub since: Option<NaiveDate>,
    pub signals: Vec<StatementSignal>,
    pub commitments: Vec<StatementCommitment>,
    /// Held or final meetings, oldest first.
    pub meetings: Vec<StatementMeeting>,
    /// Planned meetings from today on.
    pub planned: Vec<StatementMeeting>,
    pub questions: Vec<StatementQuestion>,
}

/// A due date moved, with the reason the organisation was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueChange {
    pub on: NaiveDate,
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackGiven {
    pub on: NaiveDate,
    pub is_final: bool,
    /// `email`, `phone`, `meeting`, `letter`
    pub channel: String,
    pub text: String,
    /// Interim feedback: when the next news was promised.
    pub next_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementSignal {
    pub reference: String,
    pub title: String,
    pub received_on: NaiveDate,
    pub state: SignalState,
    /// The service that handles it (never a person's name).
    pub service: Option<String>,
    pub expectation: Option<String>,
    /// The first feedback due date: the promise.
    pub promised: Option<NaiveDate>,
    /// The due date in force.
    pub due: Option<NaiveDate>,
    pub moves: Vec<DueChange>,
    /// Oldest first.
    pub feedback: Vec<FeedbackGiven>,
    /// Merged: the signal whose answer it gets.
    pub merged_into: Option<String>,
}

impl StatementSignal {
    /// Still owes the organisation an answer (the loop's definition).
    pub fn is_open(&self) -> bool {
        match self.state {
            SignalState::New | SignalState::Triaged | SignalState::InProgress => true,
            SignalState::Merged => !self.feedback.iter().any(|f| f.is_final),
            _ => false,
        }
    }

    /// Whether the first feedback kept the promise: `None` when there is no feedback
    /// yet or nothing was promised.
    pub fn first_on_time(&self) -> Option<bool> {
        let first = self.feedback.first()?;
        Some(first.on <= self.promised?)
    }

    /// The date feedback number `i` had to meet: the promise for the first, the
    /// date the interim feedback before it announced for the others.
    pub fn due_for(&self, i: usize) -> Option<NaiveDate> {
        if i == 0 {
            self.promised
        } else {
            self.feedback.get(i - 1).and_then(|f| f.next_due)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementCommitment {
    pub reference: String,
    pub text: String,
    pub service: Option<String>,
    pub made_on: NaiveDate,
    /// Where it was made: a meeting's title and day.
    pub meeting: Option<(String, NaiveDate)>,
    /// The signal it answers, e.g. `S-4`.
    pub signal: Option<String>,
    /// The first due date: the promise.
    pub promised: NaiveDate,
    pub due: NaiveDate,
    pub state: CommitmentState,
    pub resolved_on: Option<NaiveDate>,
    pub moves: Vec<DueChange>,
    /// Broken: what went wrong.
    pub acknowledgement: Option<String>,
    /// Broken: how it is prevented next time.
    pub prevention: Option<String>,
    /// Withdrawn: why.
    pub reason: Option<String>,
}

impl StatementCommitment {
    pub fn is_open(&self) -> bool {
        self.state == CommitmentState::Open
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementMeeting {
    pub reference: String,
    pub title: String,
    pub day: NaiveDate,
    pub status: MeetingStatus,
    /// `None`: attendance not taken.
    pub attended: Option<bool>,
    pub decisions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementQuestion {
    pub text: String,
    pub meeting_title: String,
    pub asked_on: NaiveDate,
}

/// One piece of the document, the same in both formats.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(String),
    Sub(String),
    Para(String),
    /// Label and value(s): one value stands on the line, several make a nested list.
    Fields(Vec<(String, Vec<String>)>),
    List(Vec<String>),
}

struct Words {
    title: &'static str,
    intro: &'static str,
    as_of: &'static str,
    since: &'static str,
    all_time: &'static str,
    in_short: &'static str,
    signals: &'static str,
    no_signals: &'static str,
    commitments: &'static str,
    no_commitments: &'static str,
    meetings: &'static str,
    no_meetings: &'static str,
    planned: &'static str,
    questions: &'static str,
    no_questions: &'static str,
    received: &'static str,
    state: &'static str,
    handled_by: &'static str,
    expectation: &'static str,
    promised: &'static str,
    moved: &'static str,
    feedback: &'static str,
    no_feedback_yet: &'static str,
    next_news: &'static str,
    made: &'static str,
    outcome: &'static str,
    went_wrong: &'static str,
    prevention: &'static str,
    why: &'static str,
    you_were: &'static str,
    decided: &'static str,
    no_decisions: &'static str,
    interim: &'static str,
    final_: &'static str,
    on_time: &'static str,
    present: &'static str,
    absent: &'static str,
    invited: &'static str,
    in_meeting: &'static str,
    on_signal: &'static str,
    not_yet_set: &'static str,
    footer: &'static str,
}

const EN: Words = Words {
    title: "Statement for",
    intro: "This is what your organisation raised with the municipality, what was promised to you, \
            and what became of it: every signal with the feedback you received and whether it came \
            when promised, every commitment made to you, the meetings held with you and what was \
            decided there, and the questions that are still open.",
    as_of: "As of",
    since: "Covering what happened since",
    all_time: "Covering everything recorded.",
    in_short: "In short",
    signals: "Signals you raised",
    no_signals: "No signals in this period.",
    commitments: "Commitments made to you",
    no_commitments: "No commitments in this period.",
    meetings: "Meetings with you",
    no_meetings: "No meetings held with you in this period.",
    planned: "Planned",
    questions: "Open questions",
    no_questions: "No questions are open.",
    received: "Received",
    state: "State",
    handled_by: "Handled by",
    expectation: "What you can expect",
    promised: "Feedback promised by",
    moved: "Date moved",
    feedback: "Feedback",
    no_feedback_yet: "No feedback yet",
    next_news: "Next news by",
    made: "Made on",
    outcome: "Outcome",
    went_wrong: "What went wrong",
    prevention: "How we prevent it",
    why: "Why",
    you_were: "Your organisation",
    decided: "Decided",
    no_decisions: "No decisions were recorded.",
    interim: "interim",
    final_: "final",
    on_time: "on time",
    present: "was present",
    absent: "was absent",
    invited: "was invited",
    in_meeting: "in the meeting",
    on_signal: "about signal",
    not_yet_set: "not set yet",
    footer: "Something missing or not right? Reply to this message or tell us at the next meeting; \
             please mention the number (such as S-12 or C-3).",
};

const NL: Words = Words {
    title: "Overzicht voor",
    intro: "Dit is wat uw organisatie bij de gemeente heeft aangekaart, wat u is toegezegd en wat \
            daarvan terechtkwam: elk signaal met de terugkoppeling die u kreeg en of die op tijd \
            kwam, elke toezegging aan u, de overleggen met u en wat daar is besloten, en de vragen \
            die nog openstaan.",
    as_of: "Stand van",
    since: "Over wat er gebeurde sinds",
    all_time: "Over alles wat is vastgelegd.",
    in_short: "In het kort",
    signals: "Signalen van u",
    no_signals: "Geen signalen in deze periode.",
    commitments: "Toezeggingen aan u",
    no_commitments: "Geen toezeggingen in deze periode.",
    meetings: "Overleggen met u",
    no_meetings: "Geen overleggen met u in deze periode.",
    planned: "Gepland",
    questions: "Open vragen",
    no_questions: "Er staan geen vragen open.",
    received: "Ontvangen",
    state: "Stand",
    handled_by: "In behandeling bij",
    expectation: "Wat u kunt verwachten",
    promised: "Terugkoppeling beloofd uiterlijk",
    moved: "Datum verschoven",
    feedback: "Terugkoppeling",
    no_feedback_yet: "Nog geen terugkoppeling",
    next_news: "Volgend bericht uiterlijk",
    made: "Toegezegd op",
    outcome: "Uitkomst",
    went_wrong: "Wat ging er mis",
    prevention: "Hoe we dat voorkomen",
    why: "Waarom",
    you_were: "Uw organisatie",
    decided: "Besloten",
    no_decisions: "Er zijn geen besluiten vastgelegd.",
    interim: "tussentijds",
    final_: "definitief",
    on_time: "op tijd",
    present: "was aanwezig",
    absent: "was afwezig",
    invited: "was uitgenodigd",
    in_meeting: "in het overleg",
    on_signal: "over signaal",
    not_yet_set: "nog niet bepaald",
    footer: "Mist er iets of klopt er iets niet? Antwoord op dit bericht of zeg het in het volgende \
             overleg; noem dan het nummer (zoals S-12 of C-3).",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// "26 December 2025" / "26 december 2025".
pub fn day(d: NaiveDate, lang: Lang) -> String {
    let long = long_date(d, lang);
    long.split_once(' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(long)
}

fn pick(lang: Lang, en: String, nl: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

fn days(n: i64, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 day".into(),
        (Lang::En, n) => format!("{n} days"),
        (Lang::Nl, 1) => "1 dag".into(),
        (Lang::Nl, n) => format!("{n} dagen"),
    }
}

fn signal_state(s: &StatementSignal, lang: Lang) -> String {
    let (en, nl) = match s.state {
        SignalState::New => (
            "received, not yet assigned",
            "ontvangen, nog niet toegewezen",
        ),
        SignalState::Triaged => (
            "assigned, work not yet started",
            "toegewezen, nog niet gestart",
        ),
        SignalState::InProgress => ("being worked on", "in behandeling"),
        SignalState::Answered => ("answered", "beantwoord"),
        SignalState::Closed => ("closed", "afgesloten"),
        SignalState::Declined => ("declined, with an explanation", "afgewezen, met uitleg"),
        SignalState::Merged => {
            let into = s.merged_into.as_deref().unwrap_or("?");
            return pick(
                lang,
                format!("taken together with {into}; the answer given there is yours too"),
                format!("samengevoegd met {into}; het antwoord daarop geldt ook voor u"),
            );
        }
    };
    pick(lang, en.into(), nl.into())
}

fn channel(c: &str, lang: Lang) -> String {
    let (en, nl) = match c {
        "email" => ("by e-mail", "per e-mail"),
        "phone" => ("by phone", "telefonisch"),
        "meeting" => ("in a meeting", "in een overleg"),
        "letter" => ("by letter", "per brief"),
        other => (other, other),
    };
    pick(lang, en.into(), nl.into())
}

fn move_line(m: &DueChange, lang: Lang) -> String {
    let from = m.from.map(|d| day(d, lang)).unwrap_or_else(|| "–".into());
    let on = day(m.on, lang);
    pick(
        lang,
        format!("{from} → {} (on {on}): {}", day(m.to, lang), m.reason),
        format!("{from} → {} (op {on}): {}", day(m.to, lang), m.reason),
    )
}

fn feedback_line(s: &StatementSignal, i: usize, lang: Lang) -> String {
    let w = words(lang);
    let f = &s.feedback[i];
    let kind = if f.is_final { w.final_ } else { w.interim };
    let mut head = format!("{}, {}, {kind}", day(f.on, lang), channel(&f.channel, lang));
    if let Some(due) = s.due_for(i) {
        if f.on <= due {
            head.push_str(&format!(", {}", w.on_time));
        } else {
            let late = (f.on - due).num_days();
            head.push_str(&pick(
                lang,
                format!(", late ({} after {})", days(late, lang), day(due, lang)),
                format!(", te laat ({} na {})", days(late, lang), day(due, lang)),
            ));
        }
    }
    format!("{head}: {}", f.text)
}

fn commitment_outcome(c: &StatementCommitment, today: NaiveDate, lang: Lang) -> String {
    let on = c
        .resolved_on
        .map(|d| day(d, lang))
        .unwrap_or_else(|| "?".into());
    match c.state {
        CommitmentState::Kept => {
            let late = c
                .resolved_on
                .map(|d| (d - c.promised).num_days())
                .unwrap_or(0);
            if late <= 0 {
                pick(
                    lang,
                    format!("kept on {on}, on time"),
                    format!("nagekomen op {on}, op tijd"),
                )
            } else {
                pick(
                    lang,
                    format!(
                        "kept on {on}, {} after the first promised date",
                        days(late, lang)
                    ),
                    format!(
                        "nagekomen op {on}, {} na de eerst beloofde datum",
                        days(late, lang)
                    ),
                )
            }
        }
        CommitmentState::Broken => pick(
            lang,
            format!("not kept (recorded on {on})"),
            format!("niet nagekomen (vastgelegd op {on})"),
        ),
        CommitmentState::Withdrawn => pick(
            lang,
            format!("withdrawn on {on}"),
            format!("ingetrokken op {on}"),
        ),
        CommitmentState::Open if c.due < today => {
            let over = (today - c.due).num_days();
            pick(
                lang,
                format!(
                    "open, due {}: {} overdue",
                    day(c.due, lang),
                    days(over, lang)
                ),
                format!(
                    "open, uiterlijk {}: {} over tijd",
                    day(c.due, lang),
                    days(over, lang)
                ),
            )
        }
        CommitmentState::Open => pick(
            lang,
            format!("open, due {}", day(c.due, lang)),
            format!("open, uiterlijk {}", day(c.due, lang)),
        ),
    }
}

fn summary(st: &Statement, lang: Lang) -> Vec<String> {
    let open_signals = st.signals.iter().filter(|s| s.is_open()).count();
    let with_fb: Vec<bool> = st
        .signals
        .iter()
        .filter_map(|s| s.first_on_time())
        .collect();
    let on_time = with_fb.iter().filter(|b| **b).count();
    let waiting_late = st
        .signals
        .iter()
        .filter(|s| {
            s.feedback.is_empty() && s.is_open() && s.promised.is_some_and(|p| p < st.today)
        })
        .count();
    let count = |state: CommitmentState| st.commitments.iter().filter(|c| c.state == state).count();
    let kept_on_time = st
        .commitments
        .iter()
        .filter(|c| {
            c.state == CommitmentState::Kept && c.resolved_on.is_some_and(|d| d <= c.promised)
        })
        .count();
    let kept = count(CommitmentState::Kept);
    let overdue = st
        .commitments
        .iter()
        .filter(|c| c.is_open() && c.due < st.today)
        .count();
    let open_q = st.questions.len();
    let held = st.meetings.len();
    let n = st.signals.len();
    let c = st.commitments.len();
    match lang {
        Lang::En => vec![
            format!("Signals raised: {n}, of which {open_signals} still open."),
            format!(
                "First feedback on time: {on_time} of {}. Still waiting past the promised date: {waiting_late}.",
                with_fb.len()
            ),
            format!(
                "Commitments made to you: {c}: {kept} kept ({kept_on_time} on time), {} not kept, {} withdrawn, {} open ({overdue} overdue).",
                count(CommitmentState::Broken),
                count(CommitmentState::Withdrawn),
                count(CommitmentState::Open)
            ),
            format!("Meetings held with you: {held}."),
            format!("Open questions: {open_q}."),
        ],
        Lang::Nl => vec![
            format!("Signalen aangekaart: {n}, waarvan {open_signals} nog open."),
            format!(
                "Eerste terugkoppeling op tijd: {on_time} van {}. Nog zonder terugkoppeling na de beloofde datum: {waiting_late}.",
                with_fb.len()
            ),
            format!(
                "Toezeggingen aan u: {c}: {kept} nagekomen ({kept_on_time} op tijd), {} niet nagekomen, {} ingetrokken, {} open ({overdue} over tijd).",
                count(CommitmentState::Broken),
                count(CommitmentState::Withdrawn),
                count(CommitmentState::Open)
            ),
            format!("Overleggen met u gehouden: {held}."),
            format!("Open vragen: {open_q}."),
        ],
    }
}

fn signal_blocks(st: &Statement, s: &StatementSignal, lang: Lang, out: &mut Vec<Block>) {
    let w = words(lang);
    out.push(Block::Sub(format!("{}: {}", s.reference, s.title)));
    let mut f: Vec<(String, Vec<String>)> = vec![
        (w.received.into(), vec![day(s.received_on, lang)]),
        (w.state.into(), vec![signal_state(s, lang)]),
    ];
    if let Some(svc) = &s.service {
        f.push((w.handled_by.into(), vec![svc.clone()]));
    }
    if let Some(e) = s.expectation.as_deref().filter(|e| !e.trim().is_empty()) {
        f.push((w.expectation.into(), vec![e.to_string()]));
    }
    if let Some(p) = s.promised {
        f.push((w.promised.into(), vec![day(p, lang)]));
    }
    if !s.moves.is_empty() {
        f.push((
            w.moved.into(),
            s.moves.iter().map(|m| move_line(m, lang)).collect(),
        ));
    }
    if s.feedback.is_empty() {
        let why = match (s.is_open(), s.promised) {
            (true, Some(p)) if p < st.today => pick(
                lang,
                format!(
                    "{}: the promised date passed {} ago",
                    w.no_feedback_yet,
                    days((st.today - p).num_days(), lang)
                ),
                format!(
                    "{}: de beloofde datum is {} voorbij",
                    w.no_feedback_yet,
                    days((st.today - p).num_days(), lang)
                ),
            ),
            _ => w.no_feedback_yet.to_string(),
        };
        f.push((w.feedback.into(), vec![why]));
    } else {
        f.push((
            w.feedback.into(),
            (0..s.feedback.len())
                .map(|i| feedback_line(s, i, lang))
                .collect(),
        ));
    }
    if s.is_open() && s.state != SignalState::Merged {
        let next = s
            .due
            .map(|d| day(d, lang))
            .unwrap_or_else(|| w.not_yet_set.to_string());
        f.push((w.next_news.into(), vec![next]));
    }
    out.push(Block::Fields(f));
}

fn commitment_blocks(st: &Statement, c: &StatementCommitment, lang: Lang, out: &mut Vec<Block>) {
    let w = words(lang);
    out.push(Block::Sub(format!("{}: {}", c.reference, c.text)));
    let mut made = day(c.made_on, lang);
    if let Some((title, d)) = &c.meeting {
        made.push_str(&format!(
            ", {} \"{title}\" ({})",
            w.in_meeting,
            day(*d, lang)
        ));
    }
    if let Some(sig) = &c.signal {
        made.push_str(&format!(", {} {sig}", w.on_signal));
    }
    let mut f: Vec<(String, Vec<String>)> = vec![(w.made.into(), vec![made])];
    if let Some(svc) = &c.service {
        f.push((w.handled_by.into(), vec![svc.clone()]));
    }
    let promised = pick(lang, "Promised for".into(), "Beloofd voor".into());
    f.push((promised, vec![day(c.promised, lang)]));
    if !c.moves.is_empty() {
        f.push((
            w.moved.into(),
            c.moves.iter().map(|m| move_line(m, lang)).collect(),
        ));
    }
    f.push((
        w.outcome.into(),
        vec![commitment_outcome(c, st.today, lang)],
    ));
    if c.state == CommitmentState::Broken {
        if let Some(a) = c
            .acknowledgement
            .as_deref()
            .filter(|a| !a.trim().is_empty())
        {
            f.push((w.went_wrong.into(), vec![a.to_string()]));
        }
        if let Some(p) = c.prevention.as_deref().filter(|p| !p.trim().is_empty()) {
            f.push((w.prevention.into(), vec![p.to_string()]));
        }
    }
    if c.state == CommitmentState::Withdrawn
        && let Some(r) = c.reason.as_deref().filter(|r| !r.trim().is_empty())
    {
        f.push((w.why.into(), vec![r.to_string()]));
    }
    out.push(Block::Fields(f));
}

fn meeting_blocks(m: &StatementMeeting, lang: Lang, out: &mut Vec<Block>) {
    let w = words(lang);
    out.push(Block::Sub(format!(
        "{}: {} ({})",
        day(m.day, lang),
        m.title,
        m.reference
    )));
    let was = match m.attended {
        Some(true) => w.present,
        Some(false) => w.absent,
        None => w.invited,
    };
    let decided = if m.decisions.is_empty() {
        vec![w.no_decisions.to_string()]
    } else {
        m.decisions.clone()
    };
    out.push(Block::Fields(vec![
        (w.you_were.into(), vec![was.to_string()]),
        (w.decided.into(), decided),
    ]));
}

/// The document as blocks: what both formats write.
pub fn blocks(st: &Statement, lang: Lang) -> Vec<Block> {
    let w = words(lang);
    let mut out = vec![
        Block::Title(format!("{} {}", w.title, st.name)),
        Block::Para(format!("{} {}.", w.as_of, long_date(st.today, lang))),
        Block::Para(match st.since {
            Some(d) => format!("{} {}.", w.since, day(d, lang)),
            None => w.all_time.to_string(),
        }),
        Block::Para(w.intro.to_string()),
        Block::Heading(w.in_short.into()),
        Block::List(summary(st, lang)),
    ];
    // Open matters first: they are what the organisation is waiting for.
    let mut signals: Vec<&StatementSignal> = st.signals.iter().collect();
    signals.sort_by_key(|s| (!s.is_open(), s.received_on, s.reference.clone()));
    out.push(Block::Heading(w.signals.into()));
    if signals.is_empty() {
        out.push(Block::Para(w.no_signals.into()));
    }
    for s in signals {
        signal_blocks(st, s, lang, &mut out);
    }
    let mut commitments: Vec<&StatementCommitment> = st.commitments.iter().collect();
    commitments.sort_by_key(|c| (!c.is_open(), c.due, c.reference.clone()));
    out.push(Block::Heading(w.commitments.into()));
    if commitments.is_empty() {
        out.push(Block::Para(w.no_commitments.into()));
    }
    for c in commitments {
        commitment_blocks(st, c, lang, &mut out);
    }
    out.push(Block::Heading(w.meetings.into()));
    if st.meetings.is_empty() {
        out.push(Block::Para(w.no_meetings.into()));
    }
    for m in &st.meetings {
        meeting_blocks(m, lang, &mut out);
    }
    if !st.planned.is_empty() {
        out.push(Block::Fields(vec![(
            w.planned.into(),
            st.planned
                .iter()
                .map(|m| format!("{}: {} ({})", day(m.day, lang), m.title, m.reference))
                .collect(),
        )]));
    }
    out.push(Block::Heading(w.questions.into()));
    if st.questions.is_empty() {
        out.push(Block::Para(w.no_questions.into()));
    } else {
        out.push(Block::List(
            st.questions
                .iter()
                .map(|q| {
                    pick(
                        lang,
                        format!(
                            "{} (asked in \"{}\", {})",
                            q.text,
                            q.meeting_title,
                            day(q.asked_on, lang)
                        ),
                        format!(
                            "{} (gesteld in \"{}\", {})",
                            q.text,
                            q.meeting_title,
                            day(q.asked_on, lang)
                        ),
                    )
                })
                .collect(),
        ));
    }
    out.push(Block::Para(w.footer.into()));
    out
}

/// The statement as Markdown.
pub fn markdown(st: &Statement, lang: Lang) -> String {
    let mut out = String::new();
    for b in blocks(st, lang) {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md(&t))),
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", md(&t))),
            Block::Sub(t) => out.push_str(&format!("### {}\n\n", md(&t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", md(&t))),
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", md(&i)));
                }
                out.push('\n');
            }
            Block::Fields(fields) => {
                for (label, values) in fields {
                    match values.as_slice() {
                        [one] => out.push_str(&format!("- **{}**: {}\n", md(&label), md(one))),
                        many => {
                            out.push_str(&format!("- **{}**:\n", md(&label)));
                            for v in many {
                                out.push_str(&format!("  - {}\n", md(v)));
                            }
                        }
                    }
                }
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Escape text for HTML element content and attribute values; control characters go.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.45;\
max-width:46em;margin:2em auto;padding:0 1em;color:#111;background:#fff}\
h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.25em;border-bottom:1px solid #999;\
margin-top:1.8em;padding-bottom:.15em}h3{font-size:1.05em;margin:1.3em 0 .3em}\
dl{margin:0 0 0 1em}dt{font-weight:bold;margin-top:.3em}dd{margin:0 0 0 1.2em}\
dd ul{margin:.1em 0;padding-left:1.2em}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2,h3{break-after:avoid}\
dl{break-inside:avoid}}";

/// The statement as one self-contained HTML page: no scripts, no images, nothing fetched.
pub fn html(st: &Statement, lang: Lang) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let w = words(lang);
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        html_escape(w.title),
        html_escape(&st.name)
    ));
    for b in blocks(st, lang) {
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", html_escape(&t))),
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", html_escape(&t))),
            Block::Sub(t) => out.push_str(&format!("<h3>{}</h3>\n", html_escape(&t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", html_escape(&t))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", html_escape(&i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Fields(fields) => {
                out.push_str("<dl>\n");
                for (label, values) in fields {
                    out.push_str(&format!("<dt>{}</dt>\n", html_escape(&label)));
                    match values.as_slice() {
                        [one] => out.push_str(&format!("<dd>{}</dd>\n", html_escape(one))),
                        many => {
                            out.push_str("<dd><ul>\n");
                            for v in many {
                                out.push_str(&format!("<li>{}</li>\n", html_escape(v)));
                            }
                            out.push_str("</ul></dd>\n");
                        }
                    }
                }
                out.push_str("</dl>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn signal(reference: &str, state: SignalState) -> StatementSignal {
        StatementSignal {
            reference: reference.into(),
            title: "Losse stoeptegels".into(),
            received_on: d(2026, 1, 1),
            state,
            service: Some("Dienst Stadsbeheer".into()),
            expectation: None,
            promised: Some(d(2026, 1, 15)),
            due: Some(d(2026, 1, 15)),
            moves: Vec::new(),
            feedback: Vec::new(),
            merged_into: None,
        }
    }

    fn statement() -> Statement {
        let mut late = signal("S-2", SignalState::Answered);
        late.feedback = vec![
            FeedbackGiven {
                on: d(2026, 1, 10),
                is_final: false,
                channel: "email".into(),
                text: "We kijken ernaar".into(),
                next_due: Some(d(2026, 1, 20)),
            },
            FeedbackGiven {
                on: d(2026, 1, 25),
                is_final: true,
                channel: "phone".into(),
                text: "Hersteld".into(),
                next_due: None,
            },
        ];
        Statement {
            reference: "O-7".into(),
            name: "Wijkberaad <Zeeheld> & co".into(),
            today: d(2026, 2, 1),
            since: None,
            signals: vec![signal("S-1", SignalState::Triaged), late],
            commitments: vec![StatementCommitment {
                reference: "C-3".into(),
                text: "Bankje plaatsen".into(),
                service: None,
                made_on: d(2026, 1, 2),
                meeting: None,
                signal: None,
                promised: d(2026, 1, 10),
                due: d(2026, 1, 20),
                state: CommitmentState::Broken,
                resolved_on: Some(d(2026, 1, 21)),
                moves: vec![DueChange {
                    on: d(2026, 1, 9),
                    from: Some(d(2026, 1, 10)),
                    to: d(2026, 1, 20),
                    reason: "Levering vertraagd".into(),
                }],
                acknowledgement: Some("Vergeten te bestellen".into()),
                prevention: Some("Bestellingen in de planning".into()),
                reason: None,
            }],
            meetings: Vec::new(),
            planned: Vec::new(),
            questions: Vec::new(),
        }
    }

    #[test]
    fn every_feedback_is_measured_against_the_date_it_had_to_meet() {
        let st = statement();
        let text = markdown(&st, Lang::En);
        assert!(
            text.contains("10 January 2026, by e-mail, interim, on time: We kijken ernaar"),
            "{text}"
        );
        assert!(
            text.contains(
                "25 January 2026, by phone, final, late (5 days after 20 January 2026): Hersteld"
            ),
            "{text}"
        );
        assert!(
            text.contains("No feedback yet: the promised date passed 17 days ago"),
            "{text}"
        );
    }

    #[test]
    fn a_broken_commitment_says_what_went_wrong_and_why_it_moved() {
        let text = markdown(&statement(), Lang::Nl);
        assert!(
            text.contains("niet nagekomen (vastgelegd op 21 januari 2026)"),
            "{text}"
        );
        assert!(
            text.contains("**Wat ging er mis**: Vergeten te bestellen"),
            "{text}"
        );
        assert!(
            text.contains("**Hoe we dat voorkomen**: Bestellingen in de planning"),
            "{text}"
        );
        assert!(
            text.contains(
                "10 januari 2026 → 20 januari 2026 (op 9 januari 2026): Levering vertraagd"
            ),
            "{text}"
        );
    }

    #[test]
    fn open_matters_come_first_and_the_summary_counts_them() {
        let text = markdown(&statement(), Lang::En);
        let s1 = text.find("### S-1:").unwrap();
        let s2 = text.find("### S-2:").unwrap();
        assert!(s1 < s2);
        assert!(
            text.contains("Signals raised: 2, of which 1 still open."),
            "{text}"
        );
        assert!(
            text.contains(
                "First feedback on time: 1 of 1. Still waiting past the promised date: 1."
            ),
            "{text}"
        );
    }

    #[test]
    fn html_is_escaped_and_self_contained() {
        let page = html(&statement(), Lang::En);
        assert!(
            page.contains("Wijkberaad &lt;Zeeheld&gt; &amp; co"),
            "{page}"
        );
        assert!(!page.contains("<Zeeheld>"));
        assert!(!page.to_lowercase().contains("<script"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        let md = markdown(&statement(), Lang::En);
        assert!(md.contains("Wijkberaad \\<Zeeheld\\> & co"), "{md}");
    }

    proptest::proptest! {
        #[test]
        fn html_escape_leaves_no_markup(s in proptest::prelude::any::<String>()) {
            let e = html_escape(&s);
            proptest::prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"'));
        }
    }
}

//! Minutes as a readable Markdown summary ("begrijpelijke samenvatting"): the header,
//! who was there, then what residents want to know first (decisions, commitments,
//! actions, new signals, open questions), then the notes per agenda item.
//!
//! Pure: the store gathers a [`MinutesDoc`], [`render`] writes the text. Everything
//! typed is escaped, so a line cannot turn into a heading, a link or HTML.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::meeting::MeetingStatus;
use super::minutes::EntryKind;

/// The language of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    /// From a locale such as `nl_NL.UTF-8` or `en`; `None` when it is neither language.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let l = locale.trim().to_ascii_lowercase();
        if l.starts_with("nl") {
            Some(Lang::Nl)
        } else if l.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// Everything the export shows about one meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinutesDoc {
    /// e.g. `M-5`
    pub reference: String,
    pub title: String,
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub location: String,
    pub district: Option<String>,
    pub status: MeetingStatus,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    /// Organisations invited, with their attendance.
    pub orgs: Vec<Attendance>,
    /// People on the attendance list.
    pub people: Vec<Attendance>,
    /// The agenda items in order. Lines without an item go in a section without a
    /// title ("Algemeen"), which the store puts first.
    pub sections: Vec<Section>,
    /// Commitments made in the meeting, in the order they were made.
    pub commitments: Vec<Task>,
    /// Actions agreed in the meeting.
    pub actions: Vec<Task>,
    /// Signals raised in the meeting.
    pub signals: Vec<RaisedSignal>,
    /// Lines deleted after the minutes were final.
    pub removed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub name: String,
    /// For a person: their organisation.
    pub detail: Option<String>,
    /// `None`: invited, not known whether they came.
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// `None` for the lines that belong to no agenda item.
    pub title: Option<String>,
    pub lines: Vec<Line>,
}

/// One minutes line, ready to read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub kind: EntryKind,
    /// The text without its prefix and tokens.
    pub text: String,
    /// The record it created, e.g. `A-3`.
    pub record: Option<String>,
    /// Who, as the `@` token named them (resolved to a name where possible).
    pub owner: Option<String>,
    /// The organisation of an `org:` token.
    pub org: Option<String>,
    pub due: Option<NaiveDate>,
    pub answered: bool,
    /// Written or changed after the minutes were final.
    pub amendment: bool,
    /// What the line still lacks (an owner not chosen, a date not understood …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
}

/// Something a minutes line names that is not settled yet, with the words as typed,
/// so the reader is told what is missing instead of seeing a raw token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "what", content = "typed", rename_all = "snake_case")]
pub enum Missing {
    /// An `@name` that names nobody, or more than one person.
    Owner(String),
    /// An `org:name` that names no organisation, or more than one.
    Org(String),
    /// A `due:` that is not a date.
    Due(String),
    /// A `#theme` that is not in the list of themes.
    Theme(String),
    /// A commitment without an organisation.
    NoOrg,
    /// A commitment without a due date.
    NoDue,
    /// More than one owner, organisation, theme or date named: "owner", "organisation",
    /// "theme" or "due date".
    Several(String),
}

impl Missing {
    /// "owner not yet chosen: 'Ingrid'" / "behandelaar nog niet gekozen: 'Ingrid'".
    pub fn say(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let q = |s: &str| format!("'{}'", md(s));
        match self {
            Missing::Owner(o) if nl => format!("behandelaar nog niet gekozen: {}", q(o)),
            Missing::Owner(o) => format!("owner not yet chosen: {}", q(o)),
            Missing::Org(o) if nl => format!("organisatie nog niet gekozen: {}", q(o)),
            Missing::Org(o) => format!("organisation not yet chosen: {}", q(o)),
            Missing::Due(d) if d.trim().is_empty() && nl => "datum ontbreekt".into(),
            Missing::Due(d) if d.trim().is_empty() => "date missing".into(),
            Missing::Due(d) if nl => format!("datum niet begrepen: {}", q(d)),
            Missing::Due(d) => format!("date not understood: {}", q(d)),
            Missing::Theme(t) if nl => format!("thema onbekend: {}", q(t)),
            Missing::Theme(t) => format!("unknown theme: {}", q(t)),
            Missing::NoOrg if nl => "nog geen organisatie genoemd".into(),
            Missing::NoOrg => "no organisation named yet".into(),
            Missing::NoDue if nl => "nog geen datum genoemd".into(),
            Missing::NoDue => "no due date given yet".into(),
            Missing::Several(what) if nl => {
                let w = match what.as_str() {
                    "owner" => "behandelaar",
                    "organisation" => "organisatie",
                    "theme" => "thema",
                    _ => "datum",
                };
                format!("meer dan één {w} genoemd")
            }
            Missing::Several(what) => format!("more than one {} named", md(what)),
        }
    }
}

/// A commitment or action in the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// `C-12`, `A-3`; `None` for a line whose record could not be made yet.
    pub reference: Option<String>,
    pub text: String,
    /// Commitments: to whom.
    pub org: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub state: TaskState,
    pub amendment: bool,
    /// Why a line made no record yet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TaskState {
    Open,
    /// A commitment kept.
    Kept,
    /// A commitment broken.
    Broken,
    Withdrawn,
    /// An action done.
    Done,
    Cancelled,
    /// The line is in the minutes but its record is not made yet (a token to fix).
    NotRecorded,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaisedSignal {
    pub reference: Option<String>,
    pub title: String,
    pub org: Option<String>,
    pub amendment: bool,
    /// Why a line made no signal yet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
}

struct Words {
    minutes: &'static str,
    planned: &'static str,
    cancelled: &'static str,
    draft: &'static str,
    final_: &'static str,
    date: &'static str,
    location: &'static str,
    kind: &'static str,
    district: &'static str,
    chair: &'static str,
    minute_taker: &'static str,
    reference: &'static str,
    attendance: &'static str,
    present: &'static str,
    absent: &'static str,
    invited: &'static str,
    nobody: &'static str,
    summary: &'static str,
    decisions: &'static str,
    commitments: &'static str,
    actions: &'static str,
    signals: &'static str,
    questions: &'static str,
    none: &'static str,
    to: &'static str,
    by: &'static str,
    due: &'static str,
    from: &'static str,
    notes: &'static str,
    other: &'static str,
    no_notes: &'static str,
    answered: &'static str,
    amended: &'static str,
    removed: &'static str,
}

const NL: Words = Words {
    minutes: "Verslag",
    planned: "Dit overleg heeft nog niet plaatsgevonden.",
    cancelled: "Dit overleg is afgelast.",
    draft: "Concept: dit verslag is nog niet vastgesteld.",
    final_: "Dit verslag is vastgesteld.",
    date: "Datum",
    location: "Plaats",
    kind: "Soort overleg",
    district: "Stadsdeel",
    chair: "Voorzitter",
    minute_taker: "Notulist",
    reference: "Kenmerk",
    attendance: "Aanwezigheid",
    present: "Aanwezig",
    absent: "Afwezig",
    invited: "Uitgenodigd, aanwezigheid niet bijgehouden",
    nobody: "Er is geen aanwezigheid vastgelegd.",
    summary: "Samenvatting",
    decisions: "Besluiten",
    commitments: "Toezeggingen",
    actions: "Acties",
    signals: "Nieuwe signalen",
    questions: "Open vragen",
    none: "Geen.",
    to: "aan",
    by: "door",
    due: "uiterlijk",
    from: "van",
    notes: "Verslag per agendapunt",
    other: "Algemeen",
    no_notes: "Geen aantekeningen.",
    answered: "beantwoord",
    amended: "gewijzigd na vaststelling",
    removed: "Verwijderd na vaststelling",
};

const EN: Words = Words {
    minutes: "Minutes",
    planned: "This meeting has not taken place yet.",
    cancelled: "This meeting was cancelled.",
    draft: "Draft: these minutes are not final yet.",
    final_: "These minutes are final.",
    date: "Date",
    location: "Location",
    kind: "Kind of meeting",
    district: "District",
    chair: "Chair",
    minute_taker: "Minute-taker",
    reference: "Reference",
    attendance: "Attendance",
    present: "Present",
    absent: "Absent",
    invited: "Invited, attendance not recorded",
    nobody: "No attendance was recorded.",
    summary: "Summary",
    decisions: "Decisions",
    commitments: "Commitments",
    actions: "Actions",
    signals: "New signals",
    questions: "Open questions",
    none: "None.",
    to: "to",
    by: "by",
    due: "due",
    from: "from",
    notes: "Notes per agenda item",
    other: "General",
    no_notes: "No notes.",
    answered: "answered",
    amended: "amended after the minutes were final",
    removed: "Removed after the minutes were final",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The label a line of this kind gets in the notes; notes have none.
pub fn kind_label(kind: EntryKind, lang: Lang) -> Option<&'static str> {
    let (nl, en) = match kind {
        EntryKind::Note => return None,
        EntryKind::Decision => ("Besluit", "Decision"),
        EntryKind::Action => ("Actie", "Action"),
        EntryKind::Commitment => ("Toezegging", "Commitment"),
        EntryKind::Signal => ("Signaal", "Signal"),
        EntryKind::Question => ("Vraag", "Question"),
    };
    Some(match lang {
        Lang::Nl => nl,
        Lang::En => en,
    })
}

fn state_label(state: TaskState, lang: Lang) -> Option<&'static str> {
    let (nl, en) = match state {
        TaskState::Open => return None,
        TaskState::Kept => ("nagekomen", "kept"),
        TaskState::Broken => ("niet nagekomen", "broken"),
        TaskState::Withdrawn => ("ingetrokken", "withdrawn"),
        TaskState::Done => ("gedaan", "done"),
        TaskState::Cancelled => ("vervallen", "cancelled"),
        TaskState::NotRecorded => ("nog niet geregistreerd", "not registered yet"),
    };
    Some(match lang {
        Lang::Nl => nl,
        Lang::En => en,
    })
}

/// "vrijdag 26 december 2025" / "Friday 26 December 2025".
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    const DAYS_EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS_NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let wd = d.weekday().num_days_from_monday() as usize;
    let m = d.month0() as usize;
    match lang {
        Lang::Nl => format!(
            "{} {} {} {}",
            super::dates::weekday_name(d.weekday(), true),
            d.day(),
            MONTHS_NL[m],
            d.year()
        ),
        Lang::En => format!("{} {} {} {}", DAYS_EN[wd], d.day(), MONTHS_EN[m], d.year()),
    }
}

/// The date and time of a meeting: "vrijdag 26 december 2025, 19:30–21:30".
pub fn when(start: NaiveDateTime, end: Option<NaiveDateTime>, lang: Lang) -> String {
    let day = long_date(start.date(), lang);
    let from = start.format("%H:%M");
    match end {
        Some(e) if e.date() == start.date() && e > start => {
            format!("{day}, {from}–{}", e.format("%H:%M"))
        }
        Some(e) if e > start => format!(
            "{day}, {from} – {}, {}",
            long_date(e.date(), lang),
            e.format("%H:%M")
        ),
        _ => format!("{day}, {from}"),
    }
}

/// Escape text for Markdown: inline markup characters get a backslash, and what
/// would start a block (a heading, quote, list or numbered item) is defused.
pub fn md(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars().filter(|c| !c.is_control()) {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A block marker at the start: `# x`, `- x`, `+ x`, `= x`, `12. x`, `3) x`.
    let first = out.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// The whole document.
pub fn render(doc: &MinutesDoc, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {}: {}", w.minutes, md(&doc.title));
    out.push('\n');
    let status = match doc.status {
        MeetingStatus::Planned => w.planned,
        MeetingStatus::Cancelled => w.cancelled,
        MeetingStatus::Held => w.draft,
        MeetingStatus::Final => w.final_,
    };
    let _ = writeln!(out, "{status}");
    out.push('\n');
    let mut header: Vec<(&str, String)> = vec![(w.date, when(doc.starts_at, doc.ends_at, lang))];
    if !doc.location.trim().is_empty() {
        header.push((w.location, md(&doc.location)));
    }
    if !doc.kind.trim().is_empty() {
        header.push((w.kind, md(&doc.kind)));
    }
    if let Some(d) = doc.district.as_deref().filter(|d| !d.trim().is_empty()) {
        header.push((w.district, md(d)));
    }
    if let Some(c) = doc.chair.as_deref().filter(|c| !c.trim().is_empty()) {
        header.push((w.chair, md(c)));
    }
    if let Some(m) = doc.minute_taker.as_deref().filter(|m| !m.trim().is_empty()) {
        header.push((w.minute_taker, md(m)));
    }
    header.push((w.reference, md(&doc.reference)));
    for (label, value) in header {
        let _ = writeln!(out, "- **{label}:** {value}");
    }

    attendance(&mut out, doc, w);
    summary(&mut out, doc, w, lang);
    notes(&mut out, doc, w, lang);

    if !doc.removed.is_empty() {
        let _ = writeln!(out, "\n## {}\n", w.removed);
        for r in &doc.removed {
            let _ = writeln!(out, "- ~~{}~~", md(r));
        }
    }
    out
}

fn attendance(out: &mut String, doc: &MinutesDoc, w: &Words) {
    let _ = writeln!(out, "\n## {}\n", w.attendance);
    let everyone: Vec<&Attendance> = doc.orgs.iter().chain(&doc.people).collect();
    if everyone.is_empty() {
        let _ = writeln!(out, "{}", w.nobody);
        return;
    }
    for (label, want) in [
        (w.present, Some(true)),
        (w.absent, Some(false)),
        (w.invited, None),
    ] {
        let names: Vec<String> = everyone
            .iter()
            .filter(|a| a.attended == want)
            .map(
                |a| match a.detail.as_deref().filter(|d| !d.trim().is_empty()) {
                    Some(d) => format!("{} ({})", md(&a.name), md(d)),
                    None => md(&a.name),
                },
            )
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "- **{label}:** {}", names.join(", "));
        }
    }
}

/// " (C-12, nagekomen)", " (A-3)", "" …
fn tag(reference: Option<&str>, extra: &[&str]) -> String {
    let parts: Vec<&str> = reference.into_iter().chain(extra.iter().copied()).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

fn amended(is: bool, w: &Words) -> String {
    if is {
        format!(" *({})*", w.amended)
    } else {
        String::new()
    }
}

/// "nog niet geregistreerd: behandelaar nog niet gekozen: 'Ingrid'", or the state alone.
fn state_with(state: TaskState, missing: &[Missing], lang: Lang) -> Option<String> {
    let label = state_label(state, lang)?;
    if state != TaskState::NotRecorded || missing.is_empty() {
        return Some(label.to_string());
    }
    let why: Vec<String> = missing.iter().map(|m| m.say(lang)).collect();
    Some(format!("{label} — {}", why.join("; ")))
}

fn task_line(t: &Task, w: &Words, lang: Lang) -> String {
    let mut details = Vec::new();
    if let Some(o) = t.org.as_deref().filter(|o| !o.trim().is_empty()) {
        details.push(format!("{} {}", w.to, md(o)));
    }
    if let Some(o) = t.owner.as_deref().filter(|o| !o.trim().is_empty()) {
        details.push(format!("{} {}", w.by, md(o)));
    }
    if let Some(d) = t.due {
        details.push(format!("{} {}", w.due, long_date(d, lang)));
    }
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" — {}", details.join(", "))
    };
    let state: Vec<String> = state_with(t.state, &t.missing, lang).into_iter().collect();
    let state: Vec<&str> = state.iter().map(String::as_str).collect();
    format!(
        "- {}{details}{}{}",
        md(&t.text),
        tag(t.reference.as_deref(), &state),
        amended(t.amendment, w)
    )
}

/// Who, to whom and when, for a line that made no record: "BSD, uiterlijk …"; for a
/// decision or question also what it still lacks.
fn line_context(l: &Line, w: &Words, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = l.owner.as_deref().filter(|o| !o.trim().is_empty()) {
        out.push(md(o));
    }
    if let Some(o) = l.org.as_deref().filter(|o| !o.trim().is_empty()) {
        out.push(md(o));
    }
    if let Some(d) = l.due {
        out.push(format!("{} {}", w.due, long_date(d, lang)));
    }
    if matches!(l.kind, EntryKind::Decision | EntryKind::Question) {
        out.extend(l.missing.iter().map(|m| m.say(lang)));
    }
    out
}

fn summary(out: &mut String, doc: &MinutesDoc, w: &Words, lang: Lang) {
    let _ = writeln!(out, "\n## {}", w.summary);
    let lines = || doc.sections.iter().flat_map(|s| &s.lines);

    let _ = writeln!(out, "\n### {}\n", w.decisions);
    let decisions: Vec<&Line> = lines().filter(|l| l.kind == EntryKind::Decision).collect();
    if decisions.is_empty() {
        let _ = writeln!(out, "{}", w.none);
    }
    for (i, d) in decisions.iter().enumerate() {
        let context = line_context(d, w, lang);
        let context = if context.is_empty() {
            String::new()
        } else {
            format!(" ({})", context.join(", "))
        };
        let _ = writeln!(
            out,
            "{}. {}{context}{}",
            i + 1,
            md(&d.text),
            amended(d.amendment, w)
        );
    }

    for (title, tasks) in [(w.commitments, &doc.commitments), (w.actions, &doc.actions)] {
        let _ = writeln!(out, "\n### {title}\n");
        if tasks.is_empty() {
            let _ = writeln!(out, "{}", w.none);
        }
        for t in tasks {
            let _ = writeln!(out, "{}", task_line(t, w, lang));
        }
    }

    let _ = writeln!(out, "\n### {}\n", w.signals);
    if doc.signals.is_empty() {
        let _ = writeln!(out, "{}", w.none);
    }
    for s in &doc.signals {
        let from = match s.org.as_deref().filter(|o| !o.trim().is_empty()) {
            Some(o) => format!(" — {} {}", w.from, md(o)),
            None => String::new(),
        };
        let state: Vec<String> = if s.reference.is_none() {
            state_with(TaskState::NotRecorded, &s.missing, lang)
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        let state: Vec<&str> = state.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "- {}{from}{}{}",
            md(&s.title),
            tag(s.reference.as_deref(), &state),
            amended(s.amendment, w)
        );
    }

    let _ = writeln!(out, "\n### {}\n", w.questions);
    let questions: Vec<&Line> = lines()
        .filter(|l| l.kind == EntryKind::Question && !l.answered)
        .collect();
    if questions.is_empty() {
        let _ = writeln!(out, "{}", w.none);
    }
    for q in questions {
        let context = line_context(q, w, lang);
        let context = if context.is_empty() {
            String::new()
        } else {
            format!(" ({})", context.join(", "))
        };
        let _ = writeln!(out, "- {}{context}{}", md(&q.text), amended(q.amendment, w));
    }
}

fn notes(out: &mut String, doc: &MinutesDoc, w: &Words, lang: Lang) {
    let _ = writeln!(out, "\n## {}", w.notes);
    let mut number = 0;
    for section in &doc.sections {
        match &section.title {
            Some(t) => {
                number += 1;
                let _ = writeln!(out, "\n### {number}. {}\n", md(t));
            }
            None if section.lines.is_empty() => continue,
            None => {
                let _ = writeln!(out, "\n### {}\n", w.other);
            }
        }
        if section.lines.is_empty() {
            let _ = writeln!(out, "*{}*", w.no_notes);
        }
        for l in &section.lines {
            let label = match kind_label(l.kind, lang) {
                Some(k) => format!("**{k}:** "),
                None => String::new(),
            };
            let mut extra: Vec<String> = Vec::new();
            if l.record.is_none() {
                extra = line_context(l, w, lang);
                if matches!(
                    l.kind,
                    EntryKind::Action | EntryKind::Commitment | EntryKind::Signal
                ) {
                    extra.extend(state_with(TaskState::NotRecorded, &l.missing, lang));
                } else if l.kind == EntryKind::Note {
                    extra.extend(l.missing.iter().map(|m| m.say(lang)));
                }
            }
            if l.kind == EntryKind::Question && l.answered {
                extra.push(w.answered.to_string());
            }
            let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
            let _ = writeln!(
                out,
                "- {label}{}{}{}",
                md(&l.text),
                tag(l.record.as_deref(), &extra),
                amended(l.amendment, w)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn line(kind: EntryKind, text: &str) -> Line {
        Line {
            kind,
            text: text.into(),
            record: None,
            owner: None,
            org: None,
            due: None,
            answered: false,
            amendment: false,
            missing: Vec::new(),
        }
    }

    fn doc() -> MinutesDoc {
        MinutesDoc {
            reference: "M-3".into(),
            title: "Overleg Duinoord".into(),
            kind: "wijkoverleg".into(),
            starts_at: at(2026, 1, 13, 19, 30),
            ends_at: Some(at(2026, 1, 13, 21, 0)),
            location: "Wijkcentrum".into(),
            district: Some("Segbroek".into()),
            status: MeetingStatus::Final,
            chair: Some("Anna de Vries".into()),
            minute_taker: None,
            orgs: vec![
                Attendance {
                    name: "Duinoord".into(),
                    detail: None,
                    attended: Some(true),
                },
                Attendance {
                    name: "Politie".into(),
                    detail: None,
                    attended: Some(false),
                },
            ],
            people: vec![Attendance {
                name: "Jan Jansen".into(),
                detail: Some("Duinoord".into()),
                attended: None,
            }],
            sections: vec![
                Section {
                    title: Some("Opening".into()),
                    lines: vec![
                        line(EntryKind::Note, "Welkom"),
                        Line {
                            amendment: true,
                            ..line(EntryKind::Decision, "Schouw op 3 maart")
                        },
                    ],
                },
                Section {
                    title: Some("Rondvraag".into()),
                    lines: vec![],
                },
                Section {
                    title: None,
                    lines: vec![
                        Line {
                            owner: Some("DSB".into()),
                            ..line(EntryKind::Question, "Wanneer komt de bank terug?")
                        },
                        Line {
                            answered: true,
                            ..line(EntryKind::Question, "Is de lamp gemaakt?")
                        },
                    ],
                },
            ],
            commitments: vec![Task {
                reference: Some("C-4".into()),
                text: "Verlichting herstellen".into(),
                org: Some("Duinoord".into()),
                owner: Some("Piet (DSO)".into()),
                due: Some(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
                state: TaskState::Kept,
                amendment: false,
                missing: Vec::new(),
            }],
            actions: vec![],
            signals: vec![RaisedSignal {
                reference: None,
                title: "Losse tegels".into(),
                org: Some("Duinoord".into()),
                amendment: false,
                missing: vec![Missing::Theme("verkeer".into())],
            }],
            removed: vec!["Een regel die weg moest".into()],
        }
    }

    #[test]
    fn dutch_dates_and_times() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 26).unwrap();
        assert_eq!(long_date(d, Lang::Nl), "vrijdag 26 december 2025");
        assert_eq!(long_date(d, Lang::En), "Friday 26 December 2025");
        assert_eq!(
            when(
                at(2025, 12, 26, 19, 30),
                Some(at(2025, 12, 26, 21, 30)),
                Lang::Nl
            ),
            "vrijdag 26 december 2025, 19:30–21:30"
        );
        assert_eq!(
            when(at(2025, 12, 26, 19, 30), None, Lang::En),
            "Friday 26 December 2025, 19:30"
        );
        assert_eq!(
            when(
                at(2025, 12, 26, 22, 0),
                Some(at(2025, 12, 27, 1, 0)),
                Lang::Nl
            ),
            "vrijdag 26 december 2025, 22:00 – zaterdag 27 december 2025, 01:00"
        );
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(md("# kop"), "\\# kop");
        assert_eq!(md("- lijst"), "\\- lijst");
        assert_eq!(md("12. punt"), "12\\. punt");
        assert_eq!(
            md("a *b* _c_ [d](e) <f>"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\>"
        );
        assert_eq!(md("gewoon  tekst\nmet regel"), "gewoon tekst met regel");
        assert_eq!(md("'s avonds 10.30 uur"), "'s avonds 10.30 uur");
    }

    #[test]
    fn renders_summary_before_notes() {
        let text = render(&doc(), Lang::Nl);
        let pos = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("missing {needle:?} in\n{text}"))
        };
        assert!(text.starts_with("# Verslag: Overleg Duinoord\n"));
        assert!(pos("Dit verslag is vastgesteld.\n") < pos("## Aanwezigheid"));
        pos("- **Kenmerk:** M-3\n");
        assert!(pos("## Aanwezigheid") < pos("## Samenvatting"));
        assert!(pos("## Samenvatting") < pos("## Verslag per agendapunt"));
        assert!(pos("### Besluiten") < pos("### Toezeggingen"));
        assert!(pos("### Toezeggingen") < pos("### Acties"));
        assert!(pos("### Acties") < pos("### Nieuwe signalen"));
        assert!(pos("### Nieuwe signalen") < pos("### Open vragen"));
        pos("- **Datum:** dinsdag 13 januari 2026, 19:30–21:00");
        pos("- **Aanwezig:** Duinoord\n");
        pos("- **Afwezig:** Politie\n");
        pos("- **Uitgenodigd, aanwezigheid niet bijgehouden:** Jan Jansen (Duinoord)\n");
        pos("1. Schouw op 3 maart *(gewijzigd na vaststelling)*\n");
        pos(
            "- Verlichting herstellen — aan Duinoord, door Piet (DSO), uiterlijk zondag 1 februari 2026 (C-4, nagekomen)\n",
        );
        pos("### Acties\n\nGeen.\n");
        pos("- Losse tegels — van Duinoord (nog niet geregistreerd — thema onbekend: 'verkeer')\n");
        pos("- Wanneer komt de bank terug? (DSB)\n");
        assert!(!text[pos("### Open vragen")..pos("## Verslag per")].contains("lamp"));
        pos(
            "### 1. Opening\n\n- Welkom\n- **Besluit:** Schouw op 3 maart *(gewijzigd na vaststelling)*\n",
        );
        pos("### 2. Rondvraag\n\n*Geen aantekeningen.*\n");
        pos("### Algemeen\n");
        pos("- **Vraag:** Is de lamp gemaakt? (beantwoord)\n");
        pos("## Verwijderd na vaststelling\n\n- ~~Een regel die weg moest~~\n");
        assert!(!text.contains("Notulist"), "no minute-taker, no line");
    }

    #[test]
    fn renders_in_english() {
        let text = render(&doc(), Lang::En);
        for needle in [
            "# Minutes: Overleg Duinoord\n",
            "These minutes are final.\n",
            "- **Reference:** M-3\n",
            "- **Date:** Tuesday 13 January 2026, 19:30–21:00",
            "## Summary",
            "### Commitments",
            "(C-4, kept)",
            "- **Question:** Is de lamp gemaakt? (answered)",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
    }

    #[test]
    fn an_empty_meeting_still_reads_well() {
        let mut d = doc();
        d.orgs.clear();
        d.people.clear();
        d.sections.clear();
        d.commitments.clear();
        d.signals.clear();
        d.removed.clear();
        d.status = MeetingStatus::Planned;
        let text = render(&d, Lang::Nl);
        assert!(text.contains("Dit overleg heeft nog niet plaatsgevonden."));
        assert!(text.contains("Er is geen aanwezigheid vastgelegd."));
        assert_eq!(text.matches("Geen.").count(), 5, "{text}");
        assert!(!text.contains("Verwijderd"));
    }

    #[test]
    fn locales() {
        assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
    }

    proptest! {
        /// Whatever is typed stays inside its list item: one line, no block start.
        #[test]
        fn escaped_text_is_one_inline_line(s in any::<String>()) {
            let e = md(&s);
            prop_assert!(!e.contains('\n'));
            prop_assert!(!e.starts_with(['#', '-', '+', '=', '>', '*']));
        }
    }
}

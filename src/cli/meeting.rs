//! `wijkdesk meeting` and `wijkdesk minutes`: meetings, their agenda, attendance and minutes.

use super::output::{Table, opt, with_ref};
use super::{App, CliError, Expect, Result, id_of, r};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::domain::meeting::MeetingEvent;
use crate::store::{Meeting, NewMeeting, StoredMinute};
use chrono::{NaiveDateTime, NaiveTime};
use clap::{Args, Subcommand};
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Plan a meeting with one or more organisations; prints its ID
    #[command(
        after_help = "Examples:\n  wijkdesk meeting add --title \"Overleg Duinoord\" --start 2026-02-12T19:30 --end 21:30 --org Duinoord \\\n    \
                      --chair P-4 --agenda \"Opening\" --agenda \"Verkeer Valkenboskade\" --agenda \"Rondvraag\"\n  \
                      wijkdesk meeting add --title \"Stadsdeeloverleg Escamp\" --start \"vr 19:30\" --org Zeeheld --org Moerwijk"
    )]
    Add(AddArgs),
    /// List meetings: planned ones first (soonest first), then the others (latest first)
    #[command(
        after_help = "Examples:\n  wijkdesk meeting list\n  wijkdesk meeting list --limit 10 --json"
    )]
    List {
        /// At most N rows
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        sheet: super::sheet::CsvArgs,
    },
    /// Show a meeting: header, organisations with attendance, agenda and minutes
    #[command(
        after_help = "Examples:\n  wijkdesk meeting show M-5\n  wijkdesk meeting show 5 --json"
    )]
    Show {
        /// M-5 or 5
        meeting: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Mark a planned meeting held, once it has started
    #[command(
        long_about = "Mark a planned meeting held. Refused before it starts (its start is local \
                      wall-clock time); WIJKDESK_NOW=\"2026-02-12 19:30\" sets the local time for \
                      scripts and tests.",
        after_help = "Examples:\n  wijkdesk meeting hold M-5\n  wijkdesk meeting hold M-5 --expect-version 3"
    )]
    Hold(Step),
    /// Make a held meeting's minutes final (later lines are amendments)
    #[command(
        long_about = "Make a held meeting's minutes final; lines written later are amendments. \
                      Refused while lines still have problems (an owner, organisation or date that \
                      did not resolve): they are listed with their numbers, to fix with `minutes \
                      edit M-5/3 \"…\"`; --force finalises anyway.",
        after_help = "Examples:\n  wijkdesk meeting finalise M-5\n  wijkdesk meeting finalise M-5 --force"
    )]
    Finalise(FinaliseArgs),
    /// Plan the next meeting of the same circle, with the open matters on its agenda
    #[command(
        name = "follow-up",
        long_about = "Plan the meeting that follows M-ID: the same title, kind, location, district, \
                      invited organisations, chair and minute-taker. Its agenda holds the standard items \
                      (opening and the previous minutes; what is carried over; any other business) and, \
                      one item each, everything still open with these organisations: open commitments, \
                      open actions, unanswered questions and signals owing feedback by its day (as \
                      `meeting prepare` lists them). The agenda is written in --lang, else the locale's \
                      language, else Dutch. A start the clock change skips or repeats is refused.",
        after_help = "Examples:\n  wijkdesk meeting follow-up M-5 --start \"15 jan 19:30\" --end 21:30\n  \
                      wijkdesk meeting follow-up M-5 --start \"over 4 weken 19.30 uur\" --json"
    )]
    FollowUp(FollowUpArgs),
    #[command(flatten)]
    Extra(super::meeting_extra::MeetingExtraCmd),
}

#[derive(Debug, Subcommand)]
pub enum MinutesCmd {
    /// Add one line to a meeting's minutes, with the syntax of live minutes
    #[command(
        long_about = "Add one line to a meeting's minutes. A prefix gives its kind: none for a note, \
                      D: or B: (Besluit:, Decision:) a decision, A: (Actie:, Action:) an action, T: or C: \
                      (Toezegging:, Commitment:) a commitment, S: (Signaal:, Signal:) a signal, Q: or V: \
                      (Vraag:, Question:) an open question; tokens may stand before the colon (Actie @jan:). \
                      Tokens link it: @owner, org:NAME, #theme, due:DATE in any date form (due:+2w, due:vr, \
                      due:15-12, due:\"15 dec\"). In an action or commitment a due date may also be said: \"voor 1 juli\", \
                      \"uiterlijk vrijdag\", \"binnen twee weken\", \"eind januari\"; the words stay in the \
                      text. An action without @owner whose first word is the name of exactly one person is \
                      theirs. A: creates an action, T: a commitment (it needs org: or a meeting with one \
                      organisation, and a due date; several org: make one commitment each), S: a signal. A \
                      token that does not resolve is reported as a problem; the line is kept as typed.",
        after_help = "Examples:\n  wijkdesk minutes add M-5 \"D: De schouw gaat door op 3 maart\"\n  \
                      wijkdesk minutes add M-5 \"A: Aannemer bellen over de tegels @DSO due:+2w\" --item 2\n  \
                      wijkdesk minutes add M-5 \"T: Verlichting hersteld org:Duinoord @P-4 voor eind maart\""
    )]
    Add(MinuteArgs),
    #[command(flatten)]
    Extra(super::meeting_extra::MinutesExtraCmd),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The meeting's title
    #[arg(long)]
    title: String,
    /// When it starts: "vr 19:30", "15 jan 19.30 uur", "10-12-2026 19:30", 2026-12-10T19:30
    #[arg(long, value_name = "DATETIME")]
    start: String,
    /// When it ends: a date and time, or a time on the day it starts (21:30)
    #[arg(long, value_name = "DATETIME")]
    end: Option<String>,
    /// e.g. overleg (the default), bijeenkomst, schouw
    #[arg(long)]
    kind: Option<String>,
    /// Where it is held
    #[arg(long)]
    location: Option<String>,
    /// The district (stadsdeel)
    #[arg(long)]
    district: Option<String>,
    /// An organisation invited (O-7 or a unique prefix of its name); repeat for more
    #[arg(long = "org", value_name = "ORG")]
    orgs: Vec<String>,
    /// The chair (P-4 or a unique prefix of a name)
    #[arg(long)]
    chair: Option<String>,
    /// Who takes the minutes (P-4 or a unique prefix of a name)
    #[arg(long)]
    minute_taker: Option<String>,
    /// An agenda item, in order; repeat for more
    #[arg(long = "agenda", value_name = "ITEM")]
    agenda: Vec<String>,
    /// Print the new record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct Step {
    /// M-5 or 5
    meeting: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct FinaliseArgs {
    #[command(flatten)]
    step: Step,
    /// Finalise even though lines still have problems
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// The meeting followed up: M-5 or 5
    meeting: String,
    /// When it starts: "15 jan 19:30", "do 19.30 uur", "10-12-2026 19:30", 2026-12-10T19:30
    #[arg(long, value_name = "DATETIME")]
    start: String,
    /// When it ends: a date and time, or a time on the day it starts (21:30)
    #[arg(long, value_name = "DATETIME")]
    end: Option<String>,
    /// Print the new meeting and its agenda as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MinuteArgs {
    /// M-5 or 5
    meeting: String,
    /// The line, e.g. "A: Aannemer bellen @DSO due:+2w" (`-` reads standard input)
    #[arg(value_parser = crate::cli::stdin::text)]
    line: String,
    /// The agenda item it belongs to, by its number in `meeting show`
    #[arg(long, value_name = "N")]
    item: Option<i64>,
    /// Print the stored line as JSON
    #[arg(long)]
    json: bool,
}

pub(super) fn run(cmd: MeetingCmd, app: &mut App) -> Result<()> {
    match cmd {
        MeetingCmd::Add(a) => add(app, a),
        MeetingCmd::List { limit, json, sheet } => list(app, limit, json, sheet),
        MeetingCmd::Show { meeting, json } => show(app, &meeting, json),
        MeetingCmd::Hold(s) => step(app, s, MeetingEvent::Hold),
        MeetingCmd::Finalise(f) => finalise(app, f),
        MeetingCmd::FollowUp(f) => follow_up(app, f),
        MeetingCmd::Extra(c) => {
            super::meeting_extra::run_meeting(c, &mut app.store, &mut app.out, app.lang)
        }
    }
}

pub(super) fn run_minutes(cmd: MinutesCmd, app: &mut App) -> Result<()> {
    match cmd {
        MinutesCmd::Add(a) => add_minute(app, a),
        MinutesCmd::Extra(c) => {
            super::meeting_extra::run_minutes(c, &mut app.store, &mut app.out, app.lang)
        }
    }
}

fn step(app: &mut App, s: Step, event: MeetingEvent) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &s.meeting)?;
    let m = app.store.meeting_step(id, event, s.expect.expect_version)?;
    if s.json {
        return app.out.json(&with_ref(m.reference(), &m));
    }
    app.out
        .line(format!("{} is now {}", m.reference(), m.status))
}

/// Finalise, unless lines still have problems and --force is not given: then each is
/// named with its number and what is wrong, and nothing changes.
fn finalise(app: &mut App, f: FinaliseArgs) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &f.step.meeting)?;
    let m = app.store.meeting(id)?;
    // A meeting that cannot be finalised yet is refused for that reason first.
    let lines = match m.status {
        crate::domain::meeting::MeetingStatus::Held => app.store.minutes_with_problems(id)?,
        _ => Vec::new(),
    };
    if !lines.is_empty() && !f.force {
        return Err(CliError::Said(Problem::MinutesHaveProblems {
            meeting: m.reference().to_string(),
            lines: lines
                .iter()
                .map(|l| (l.position, l.problems.clone()))
                .collect(),
        }));
    }
    step(app, f.step, MeetingEvent::Finalise)
}

fn follow_up(app: &mut App, f: FollowUpArgs) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &f.meeting)?;
    let start = app.datetime(&f.start)?;
    let end = f
        .end
        .as_deref()
        .map(|e| end_time(app, e, start))
        .transpose()?;
    let lang = super::meeting_extra::doc_lang(app.lang);
    let made = app.store.follow_up_meeting(id, start, end, lang)?;
    if f.json {
        return app.out.json(&json!({
            "meeting": with_ref(made.meeting.reference(), &made.meeting),
            "follows": crate::domain::RecordRef::new(RecordKind::Meeting, made.follows).to_string(),
            "agenda": made.agenda,
            "carried": made.carried,
        }));
    }
    app.out.line(format!(
        "{} {} ({}), follow-up of {}",
        made.meeting.reference(),
        made.meeting.title,
        when(&made.meeting),
        crate::domain::RecordRef::new(RecordKind::Meeting, made.follows)
    ))?;
    for (i, a) in made.agenda.iter().enumerate() {
        app.out.line(format!("  {:>2}. {}", i + 1, a.title))?;
    }
    Ok(())
}

/// The end of a meeting: a full date and time, or a time on its start day.
fn end_time(app: &App, input: &str, start: NaiveDateTime) -> Result<NaiveDateTime> {
    match app.datetime(input) {
        Ok(dt) => Ok(dt),
        Err(e) => {
            let t = input.trim();
            NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .map(|time| start.date().and_time(time))
                .map_err(|_| e)
        }
    }
}

fn add(app: &mut App, a: AddArgs) -> Result<()> {
    let start = app.datetime(&a.start)?;
    let end = a
        .end
        .as_deref()
        .map(|e| end_time(app, e, start))
        .transpose()?;
    let org_ids = a
        .orgs
        .iter()
        .map(|o| app.org(o))
        .collect::<Result<Vec<_>>>()?;
    let chair_id = a.chair.as_deref().map(|p| app.person(p)).transpose()?;
    let minute_taker_id = a
        .minute_taker
        .as_deref()
        .map(|p| app.person(p))
        .transpose()?;
    let m = app.store.add_meeting(NewMeeting {
        title: a.title,
        kind: a.kind,
        starts_at: Some(start),
        ends_at: end,
        location: a.location,
        district: a.district,
        org_ids,
        chair_id,
        minute_taker_id,
        agenda: a.agenda,
    })?;
    if a.json {
        return app.out.json(&with_ref(m.reference(), &m));
    }
    app.out.line(m.reference().to_string())
}

fn when(m: &Meeting) -> String {
    let start = m.starts_at.format("%Y-%m-%d %H:%M").to_string();
    match m.ends_at {
        Some(e) if e.date() == m.starts_at.date() => format!("{start}–{}", e.format("%H:%M")),
        Some(e) => format!("{start} – {}", e.format("%Y-%m-%d %H:%M")),
        None => start,
    }
}

fn list(
    app: &mut App,
    limit: Option<usize>,
    json: bool,
    sheet: super::sheet::CsvArgs,
) -> Result<()> {
    // Rows go out as they are read (see `signal list`).
    let (store, out) = (&app.store, &mut app.out);
    if sheet.wanted() {
        let fields = super::sheet::MEETING_FIELDS;
        return super::sheet::list_streamed(out, app.lang, &sheet, fields, |emit| {
            store.each_meeting(limit, |m| emit(with_ref(m.reference(), &m)))?;
            Ok(())
        });
    }
    if json {
        return out.json_streamed(|emit| {
            store.each_meeting(limit, |m| emit(with_ref(m.reference(), &m)))?;
            Ok(())
        });
    }
    let headers = [
        "ID",
        "Status",
        "Start",
        "~Kind",
        "*Title",
        "-~Organisations",
    ];
    let n = store.snapshot(|store| {
        out.table_streamed(&headers, |emit| {
            store.each_meeting(limit, |m| {
                let orgs = store.meeting_orgs(m.id)?;
                let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
                emit(vec![
                    m.reference().to_string(),
                    m.status.code().into(),
                    m.starts_at.format("%Y-%m-%d %H:%M").to_string(),
                    m.kind.clone(),
                    m.title.clone(),
                    names.join(", "),
                ])
            })?;
            Ok(())
        })
    })?;
    if n == 0 {
        return app.out.line("no meetings");
    }
    Ok(())
}

fn person_label(app: &App, id: Option<i64>) -> Result<String> {
    Ok(match id {
        Some(p) => format!(
            "{} ({})",
            app.store.person(p)?.name,
            r(RecordKind::Person, p)
        ),
        None => String::new(),
    })
}

fn show(app: &mut App, input: &str, json: bool) -> Result<()> {
    let id = id_of(RecordKind::Meeting, input)?;
    let m = app.store.meeting(id)?;
    let orgs = app.store.meeting_orgs(id)?;
    let people = app.store.meeting_people(id)?;
    let agenda = app.store.agenda(id)?;
    let minutes = app.store.minutes(id)?;
    if json {
        return app.out.json(&json!({
            "meeting": with_ref(m.reference(), &m),
            "organisations": orgs,
            "people": people,
            "agenda": agenda,
            "minutes": minutes,
            "calendar": {
                "sequence": m.sequence,
                "invited_sequence": m.invited_sequence,
                "uid": crate::domain::ics::uid(m.id, &app.store.installation_id()?),
            },
        }));
    }
    app.out.line(format!("{}  {}", m.reference(), m.title))?;
    let chair = person_label(app, m.chair_id)?;
    let taker = person_label(app, m.minute_taker_id)?;
    let mut fields = vec![
        ("status", m.status.code().to_string()),
        ("kind", m.kind.clone()),
        ("when", when(&m)),
        ("location", m.location.clone()),
        ("district", opt(&m.district)),
        ("chair", chair),
        ("minute-taker", taker),
        ("version", m.version.to_string()),
    ];
    if let Some(at) = &m.cancelled_at {
        let why = m
            .cancel_reason
            .as_deref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        fields.push(("cancelled", format!("{at}{why}")));
    }
    fields.push((
        "invitations",
        match m.invited_sequence {
            None => format!("none sent (sequence {})", m.sequence),
            Some(n) if n < m.sequence => format!(
                "out of date: sent with sequence {n}, now {} (wijkdesk meeting invite {})",
                m.sequence,
                m.reference()
            ),
            Some(n) => format!("sent with sequence {n}"),
        },
    ));
    app.out.fields(&fields)?;
    app.out.heading("Organisations", orgs.len())?;
    if !orgs.is_empty() {
        let mut t = Table::new(&["ID", "*Name", "Attended"]);
        for o in &orgs {
            let attended = match o.attended {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            };
            t.row(vec![
                r(RecordKind::Organisation, o.org_id),
                o.name.clone(),
                attended.into(),
            ]);
        }
        app.out.table(&t)?;
    }
    // Everyone on the list: the organisations' people and the municipality's staff.
    if !people.is_empty() {
        app.out.heading("People", people.len())?;
        let mut t = Table::new(&["ID", "*Name", "~Organisation or role", "Attended"]);
        for p in &people {
            let attended = match p.attended {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            };
            t.row(vec![
                r(RecordKind::Person, p.person_id),
                p.name.clone(),
                p.org.clone().unwrap_or_else(|| p.role.clone()),
                attended.into(),
            ]);
        }
        app.out.table(&t)?;
    }
    app.out.heading("Agenda", agenda.len())?;
    for item in &agenda {
        app.out
            .line(format!("{:>3}. {}", item.position, item.title))?;
    }
    app.out.heading("Minutes", minutes.len())?;
    // Lines without an agenda item first, then each item's lines in agenda order.
    let mut groups: Vec<(Option<String>, Vec<&StoredMinute>)> = vec![(
        None,
        minutes
            .iter()
            .filter(|l| l.agenda_item_id.is_none())
            .collect(),
    )];
    for item in &agenda {
        let lines: Vec<&StoredMinute> = minutes
            .iter()
            .filter(|l| l.agenda_item_id == Some(item.id))
            .collect();
        groups.push((Some(format!("{}. {}", item.position, item.title)), lines));
    }
    for (title, lines) in groups {
        if lines.is_empty() {
            continue;
        }
        if let Some(t) = title {
            app.out.line(format!("  [{t}]"))?;
        }
        for l in lines {
            minute_lines(app, l, "    ")?;
        }
    }
    Ok(())
}

/// A stored minutes line: its kind and text, then what it created and its problems.
fn minute_lines(app: &mut App, l: &StoredMinute, indent: &str) -> Result<()> {
    let amended = if l.amendment { " (amendment)" } else { "" };
    let answered = if l.answered { " (answered)" } else { "" };
    app.out.line(format!(
        "{indent}{:<10}  {}{amended}{answered}",
        l.kind.code(),
        l.text
    ))?;
    if l.created.is_some() {
        let made = l.made().join(", ");
        app.out
            .line(format!("{indent}{:<10}  created {made}", ""))?;
    }
    for p in &l.problems {
        app.out.line(format!("{indent}{:<10}  problem: {p}", ""))?;
    }
    Ok(())
}

fn add_minute(app: &mut App, a: MinuteArgs) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let item = match a.item {
        Some(n) => {
            let agenda = app.store.agenda(id)?;
            let found = agenda.iter().find(|i| i.position == n).ok_or_else(|| {
                CliError::Said(Problem::NoAgendaItem {
                    meeting: r(RecordKind::Meeting, id),
                    item: n,
                    has: Some(agenda.len()),
                })
            })?;
            Some(found.id)
        }
        None => None,
    };
    let entry = app.store.add_minute(id, item, &a.line)?;
    if a.json {
        return app.out.json(&entry);
    }
    let l = &entry.minute;
    let amended = if l.amendment {
        " (amendment: the minutes were final)"
    } else {
        ""
    };
    app.out
        .line(format!("{}: {}{amended}", l.kind.code(), l.text))?;
    if let Some(c) = &l.created {
        let mut all = vec![c.clone()];
        all.extend(entry.also_created.iter().cloned());
        app.out.line(format!("created {}", all.join(", ")))?;
    }
    for p in &l.problems {
        app.out.line(format!("problem: {p}"))?;
    }
    Ok(())
}

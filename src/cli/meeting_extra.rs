//! `wijkdesk meeting edit|agenda|prepare|attend|export` and `wijkdesk minutes
//! list|edit|move|delete|answer|export`: everything about meetings and minutes after
//! `add`, `list`, `show`, `hold` and `finalise`.
//!
//! Minutes lines are named by their meeting and number: `M-5/3` is line 3 of M-5
//! (`minutes list M-5` shows the numbers). Agenda items are named by their number on
//! the agenda.

use super::output::{Out, Table, with_ref};
use super::{CliError, Expect, Lang, Result, id_of};
use crate::domain::RecordKind;
use crate::domain::RecordRef;
use crate::domain::dates::{parse_date, parse_datetime};
use crate::domain::ics;
use crate::domain::minutes_export::Lang as DocLang;
use crate::domain::text::visible;
use crate::store::{
    AgendaItem, AgendaMove, AgendaSource, MeetingEdit, PrepEntry, PrepSection, Store, StoredMinute,
};
use chrono::{NaiveDateTime, NaiveTime, Utc};
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum MeetingExtraCmd {
    /// Change a meeting's details or who is invited
    #[command(
        long_about = "Change a meeting's title, kind, start and end, location, district, chair or \
                      minute-taker, and invite organisations or take them off the list. Only the \
                      fields given change. After the minutes are final the change is recorded as an \
                      amendment.",
        after_help = "Examples:\n  wijkdesk meeting edit M-5 --start \"2026-02-12 19:30\" --end 21:30\n  \
                      wijkdesk meeting edit M-5 --add-org Duinoord --remove-org Zorgvliet --chair P-4"
    )]
    Edit(Box<EditArgs>),
    /// The agenda: list it, add, rename, move or delete items
    #[command(
        after_help = "Examples:\n  wijkdesk meeting agenda M-5\n  wijkdesk meeting agenda M-5 add \"Verkeer Valkenboskade\"\n  \
                      wijkdesk meeting agenda M-5 move 3 up\n  wijkdesk meeting agenda M-5 rename 2 \"Groen en afval\"\n  \
                      wijkdesk meeting agenda M-5 delete 4"
    )]
    Agenda(AgendaArgs),
    /// Everything still open with a meeting's organisations; --add puts entries on the agenda
    #[command(
        long_about = "Prepare a meeting: open signals of the organisations invited (and the feedback \
                      owed to them by the day of the meeting), open commitments to them, open actions \
                      from earlier meetings with them or on their signals, and questions from earlier \
                      meetings that are not answered yet. --add turns entries into agenda items.",
        after_help = "Examples:\n  wijkdesk meeting prepare M-7\n  wijkdesk meeting prepare M-7 --add S-12 --add M-3/7\n  \
                      wijkdesk meeting prepare M-7 --json"
    )]
    Prepare(PrepareArgs),
    /// Mark who came: organisations and people, present or absent
    #[command(
        after_help = "Examples:\n  wijkdesk meeting attend M-5 --org Duinoord --org Zorgvliet\n  \
                      wijkdesk meeting attend M-5 --org Politie --absent\n  wijkdesk meeting attend M-5 --person \"Anna de Vries\""
    )]
    Attend(AttendArgs),
    /// Export meetings as an iCalendar file for Outlook or Thunderbird
    #[command(
        long_about = "Write the meetings as an iCalendar file (RFC 5545) with their agenda, in the \
                      Europe/Amsterdam time zone. Importing it again updates the same events.",
        after_help = "Examples:\n  wijkdesk meeting export --format ics --from today --output overleggen.ics\n  \
                      wijkdesk meeting export --from 2026-01-01 > overleggen.ics"
    )]
    Export(IcsArgs),
}

#[derive(Debug, Subcommand)]
pub enum MinutesExtraCmd {
    /// List a meeting's minutes lines with their numbers (M-5/3)
    #[command(
        after_help = "Examples:\n  wijkdesk minutes list M-5\n  wijkdesk minutes list M-5 --json"
    )]
    List(MinutesListArgs),
    /// Change a line; a line that could not make its record yet makes it when it resolves
    #[command(
        long_about = "Change the text of a minutes line. The line is read again: if it could not \
                      create its action, commitment or signal before (a token did not resolve) and it \
                      resolves now, the record is created. A line that created a record keeps it, \
                      unchanged: change the record itself for that. After the minutes are final the \
                      change is recorded as an amendment.",
        after_help = "Examples:\n  wijkdesk minutes edit M-5/4 \"A: Tegels laten herstellen @DSO due:+2w\""
    )]
    Edit(MinutesEditArgs),
    /// Put a line under another agenda item
    #[command(
        after_help = "Examples:\n  wijkdesk minutes move M-5/4 --item 2\n  wijkdesk minutes move M-5/4 --no-item"
    )]
    Move(MinutesMoveArgs),
    /// Delete a line (what it created stays)
    #[command(after_help = "Examples:\n  wijkdesk minutes delete M-5/4")]
    Delete(MinutesLineArgs),
    /// Mark an open question answered (or open again with --undo)
    #[command(
        after_help = "Examples:\n  wijkdesk minutes answer M-3/7\n  wijkdesk minutes answer M-3/7 --undo"
    )]
    Answer(AnswerArgs),
    /// The minutes as a readable Markdown summary
    #[command(
        long_about = "Write the minutes as Markdown: the header, attendance, a summary first (decisions, \
                      commitments and actions with owner and due date, new signals, open questions), \
                      then the notes per agenda item. In Dutch unless --lang en (or an English LANG).",
        after_help = "Examples:\n  wijkdesk minutes export M-5\n  wijkdesk minutes export M-5 --output verslag.md"
    )]
    Export(MinutesExportArgs),
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// M-5 or 5
    meeting: String,
    #[arg(long)]
    title: Option<String>,
    /// e.g. overleg, bijeenkomst, schouw
    #[arg(long)]
    kind: Option<String>,
    /// When it starts: 2026-02-12T19:30, "2026-02-12 19:30", "vr 19:30"
    #[arg(long, value_name = "DATETIME")]
    start: Option<String>,
    /// When it ends: a date and time, or a time on the day it starts (21:30)
    #[arg(long, value_name = "DATETIME", conflicts_with = "no_end")]
    end: Option<String>,
    /// Forget the end (calendars then take two hours)
    #[arg(long)]
    no_end: bool,
    #[arg(long)]
    location: Option<String>,
    #[arg(long, conflicts_with = "no_district")]
    district: Option<String>,
    #[arg(long)]
    no_district: bool,
    /// The chair (P-4 or a unique prefix of a name)
    #[arg(long, conflicts_with = "no_chair")]
    chair: Option<String>,
    #[arg(long)]
    no_chair: bool,
    /// Who takes the minutes (P-4 or a unique prefix of a name)
    #[arg(long, conflicts_with = "no_minute_taker")]
    minute_taker: Option<String>,
    #[arg(long)]
    no_minute_taker: bool,
    /// Invite an organisation (O-7 or a unique prefix of its name); repeat for more
    #[arg(long = "add-org", value_name = "ORG")]
    add_orgs: Vec<String>,
    /// Take an organisation off the invitation list; repeat for more
    #[arg(long = "remove-org", value_name = "ORG")]
    remove_orgs: Vec<String>,
    #[command(flatten)]
    expect: Expect,
    /// Print the changed meeting as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// M-5 or 5
    meeting: String,
    #[command(subcommand)]
    cmd: Option<AgendaCmd>,
}

#[derive(Debug, Subcommand)]
pub enum AgendaCmd {
    /// Show the agenda (also what `meeting agenda M-5` alone does)
    #[command(
        after_help = "Examples:\n  wijkdesk meeting agenda M-5 list\n  wijkdesk meeting agenda M-5 list --json"
    )]
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Add an item at the end
    #[command(
        after_help = "Examples:\n  wijkdesk meeting agenda M-5 add \"Verkeer Valkenboskade\""
    )]
    Add { title: String },
    /// Give item N another title
    #[command(after_help = "Examples:\n  wijkdesk meeting agenda M-5 rename 2 \"Groen en afval\"")]
    Rename {
        /// The item's number on the agenda
        item: i64,
        title: String,
    },
    /// Move item N one place up or down
    #[command(after_help = "Examples:\n  wijkdesk meeting agenda M-5 move 3 up")]
    Move {
        /// The item's number on the agenda
        item: i64,
        #[arg(value_enum)]
        direction: Direction,
    },
    /// Delete item N (refused while minutes lines are under it)
    #[command(after_help = "Examples:\n  wijkdesk meeting agenda M-5 delete 4")]
    Delete {
        /// The item's number on the agenda
        item: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Args)]
pub struct PrepareArgs {
    /// M-5 or 5
    meeting: String,
    /// Put an entry on the agenda: S-12, C-4, A-3 or a question M-3/7; repeat for more
    #[arg(long = "add", value_name = "ENTRY")]
    add: Vec<String>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).multiple(true).args(["orgs", "people"])))]
pub struct AttendArgs {
    /// M-5 or 5
    meeting: String,
    /// An organisation (O-7 or a unique prefix of its name); repeat for more
    #[arg(long = "org", value_name = "ORG")]
    orgs: Vec<String>,
    /// A person (P-4 or a unique prefix of a name); repeat for more
    #[arg(long = "person", value_name = "PERSON")]
    people: Vec<String>,
    /// They did not come
    #[arg(long, conflicts_with = "unknown")]
    absent: bool,
    /// Invited; whether they came is not known
    #[arg(long)]
    unknown: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// iCalendar (RFC 5545)
    Ics,
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    #[arg(long, value_enum, default_value = "ics")]
    format: CalendarFormat,
    /// Only meetings on or after this day: 2026-01-01, 1-1-2026, today
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MinutesListArgs {
    /// M-5 or 5
    meeting: String,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct MinutesEditArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    /// The new text, with the syntax of live minutes
    text: String,
    #[command(flatten)]
    expect: Expect,
    /// Print the result as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["item", "no_item"])))]
pub struct MinutesMoveArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    /// The agenda item's number
    #[arg(long, value_name = "N")]
    item: Option<i64>,
    /// Under no agenda item
    #[arg(long)]
    no_item: bool,
    #[command(flatten)]
    expect: Expect,
}

#[derive(Debug, Args)]
pub struct MinutesLineArgs {
    /// The line: M-5/3 is line 3 of M-5
    line: String,
    #[command(flatten)]
    expect: Expect,
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The question's line: M-3/7 is line 7 of M-3
    line: String,
    /// Mark it open again
    #[arg(long)]
    undo: bool,
    #[command(flatten)]
    expect: Expect,
}

#[derive(Debug, Args)]
pub struct MinutesExportArgs {
    /// M-5 or 5
    meeting: String,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run a `meeting` subcommand of this file. `lang` is the global `--lang`, if given.
pub fn run_meeting(
    cmd: MeetingExtraCmd,
    store: &mut Store,
    out: &mut Out,
    lang: Option<Lang>,
) -> Result<()> {
    match cmd {
        MeetingExtraCmd::Edit(a) => edit(*a, store, out),
        MeetingExtraCmd::Agenda(a) => agenda(a, store, out),
        MeetingExtraCmd::Prepare(a) => prepare(a, store, out),
        MeetingExtraCmd::Attend(a) => attend(a, store, out),
        MeetingExtraCmd::Export(a) => export_ics(a, store, out, doc_lang(lang)),
    }
}

/// Run a `minutes` subcommand of this file. `lang` is the global `--lang`, if given.
pub fn run_minutes(
    cmd: MinutesExtraCmd,
    store: &mut Store,
    out: &mut Out,
    lang: Option<Lang>,
) -> Result<()> {
    match cmd {
        MinutesExtraCmd::List(a) => minutes_list(a, store, out),
        MinutesExtraCmd::Edit(a) => minutes_edit(a, store, out),
        MinutesExtraCmd::Move(a) => minutes_move(a, store, out),
        MinutesExtraCmd::Delete(a) => minutes_delete(a, store, out),
        MinutesExtraCmd::Answer(a) => minutes_answer(a, store, out),
        MinutesExtraCmd::Export(a) => minutes_export(a, store, out, doc_lang(lang)),
    }
}

/// The language of an export: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`), else Dutch, the language of the residents the minutes are for.
pub fn doc_lang(lang: Option<Lang>) -> DocLang {
    match lang {
        Some(Lang::En) => DocLang::En,
        Some(Lang::Nl) => DocLang::Nl,
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.trim().is_empty())
            .and_then(|v| DocLang::from_locale(&v))
            .unwrap_or(DocLang::Nl),
    }
}

/// `M-5/3`, `m5/3` or `5/3`: (meeting id, line number).
pub fn parse_line_ref(input: &str) -> Result<(i64, i64)> {
    let bad = || {
        CliError::msg(format!(
            "not a minutes line: \"{}\" (expected e.g. M-5/3, line 3 of M-5; see `wijkdesk minutes list M-5`)",
            input.trim()
        ))
    };
    let (meeting, line) = input.trim().split_once('/').ok_or_else(bad)?;
    let meeting = RecordRef::parse(meeting, Some(RecordKind::Meeting))
        .map_err(|_| bad())?
        .id;
    let line: i64 = line.trim().parse().map_err(|_| bad())?;
    if line <= 0 {
        return Err(bad());
    }
    Ok((meeting, line))
}

fn line_label(m: &StoredMinute) -> String {
    format!("M-{}/{}", m.meeting_id, m.position)
}

fn resolve_line(store: &Store, input: &str) -> Result<StoredMinute> {
    let (meeting, position) = parse_line_ref(input)?;
    Ok(store.minute_at(meeting, position)?)
}

fn agenda_item_at(store: &Store, meeting_id: i64, n: i64) -> Result<AgendaItem> {
    let agenda = store.agenda(meeting_id)?;
    agenda.into_iter().find(|i| i.position == n).ok_or_else(|| {
        CliError::msg(format!(
            "M-{meeting_id} has no agenda item {n} (see `wijkdesk meeting agenda M-{meeting_id}`)"
        ))
    })
}

/// The end of a meeting: a full date and time, or a time on its start day.
fn end_time(input: &str, start: NaiveDateTime, today: chrono::NaiveDate) -> Result<NaiveDateTime> {
    match parse_datetime(input, today) {
        Ok(dt) => Ok(dt),
        Err(e) => {
            let t = input.trim();
            NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .map(|time| start.date().and_time(time))
                .map_err(|_| e.into())
        }
    }
}

fn edit(a: EditArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let current = store.meeting(id)?;
    let today = store.today();
    let starts_at = a
        .start
        .as_deref()
        .map(|s| parse_datetime(s, today))
        .transpose()?;
    let start = starts_at.unwrap_or(current.starts_at);
    let ends_at = match (&a.end, a.no_end) {
        (Some(e), _) => Some(Some(end_time(e, start, today)?)),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let person =
        |store: &Store, given: &Option<String>, none: bool| -> Result<Option<Option<i64>>> {
            Ok(match (given, none) {
                (Some(p), _) => Some(Some(store.resolve_person(p)?)),
                (None, true) => Some(None),
                (None, false) => None,
            })
        };
    let edit = MeetingEdit {
        title: a.title,
        kind: a.kind,
        starts_at,
        ends_at,
        location: a.location,
        district: match (a.district, a.no_district) {
            (Some(d), _) => Some(Some(d)),
            (None, true) => Some(None),
            (None, false) => None,
        },
        chair_id: person(store, &a.chair, a.no_chair)?,
        minute_taker_id: person(store, &a.minute_taker, a.no_minute_taker)?,
        add_orgs: a
            .add_orgs
            .iter()
            .map(|o| store.resolve_org(o))
            .collect::<Result<_, _>>()?,
        remove_orgs: a
            .remove_orgs
            .iter()
            .map(|o| store.resolve_org(o))
            .collect::<Result<_, _>>()?,
    };
    let nothing = edit.title.is_none()
        && edit.kind.is_none()
        && edit.starts_at.is_none()
        && edit.ends_at.is_none()
        && edit.location.is_none()
        && edit.district.is_none()
        && edit.chair_id.is_none()
        && edit.minute_taker_id.is_none()
        && edit.add_orgs.is_empty()
        && edit.remove_orgs.is_empty();
    if nothing {
        return Err(CliError::msg(
            "nothing to change: give --title, --start, --add-org or another field (see --help)",
        ));
    }
    let m = store.edit_meeting(id, edit, a.expect.expect_version)?;
    if a.json {
        return out.json(&with_ref(m.reference(), &m));
    }
    out.line(format!("{} changed (version {})", m.reference(), m.version))
}

fn print_agenda(store: &Store, out: &mut Out, meeting_id: i64) -> Result<()> {
    let agenda = store.agenda(meeting_id)?;
    if agenda.is_empty() {
        return out.line(format!("M-{meeting_id} has no agenda yet"));
    }
    for item in &agenda {
        out.line(format!("{:>3}. {}", item.position, item.title))?;
    }
    Ok(())
}

fn agenda(a: AgendaArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    store.meeting(id)?;
    match a.cmd.unwrap_or(AgendaCmd::List { json: false }) {
        AgendaCmd::List { json } => {
            if json {
                return out.json(&store.agenda(id)?);
            }
        }
        AgendaCmd::Add { title } => {
            store.add_agenda_item(id, &title)?;
        }
        AgendaCmd::Rename { item, title } => {
            let it = agenda_item_at(store, id, item)?;
            store.rename_agenda_item(it.id, &title)?;
        }
        AgendaCmd::Move { item, direction } => {
            let it = agenda_item_at(store, id, item)?;
            let dir = match direction {
                Direction::Up => AgendaMove::Up,
                Direction::Down => AgendaMove::Down,
            };
            if !store.move_agenda_item(it.id, dir)? {
                return Err(CliError::msg(format!(
                    "agenda item {item} is {} already",
                    if dir == AgendaMove::Up {
                        "first"
                    } else {
                        "last"
                    }
                )));
            }
        }
        AgendaCmd::Delete { item } => {
            let it = agenda_item_at(store, id, item)?;
            store.delete_agenda_item(it.id)?;
        }
    }
    print_agenda(store, out, id)
}

/// `S-12`, `C-4`, `A-3` or a minutes line `M-3/7`.
fn agenda_source(store: &Store, input: &str) -> Result<AgendaSource> {
    if input.contains('/') {
        return Ok(AgendaSource::Minute(resolve_line(store, input)?.id));
    }
    let r = RecordRef::parse(input, None)?;
    match r.kind {
        RecordKind::Signal | RecordKind::Commitment | RecordKind::Action => {
            Ok(AgendaSource::Record(r))
        }
        _ => Err(CliError::msg(format!(
            "{r}: only signals (S-12), commitments (C-4), actions (A-3) and minutes lines (M-3/7) go on an agenda"
        ))),
    }
}

fn section_title(s: PrepSection) -> &'static str {
    match s {
        PrepSection::FeedbackOwed => "Feedback owed by the meeting",
        PrepSection::Signal => "Other open signals",
        PrepSection::Commitment => "Open commitments",
        PrepSection::Action => "Open actions",
        PrepSection::Question => "Unanswered questions from earlier meetings",
    }
}

fn prepare(a: PrepareArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let sources = a
        .add
        .iter()
        .map(|s| agenda_source(store, s))
        .collect::<Result<Vec<_>>>()?;
    let added = if sources.is_empty() {
        Vec::new()
    } else {
        store.add_agenda_items_from(id, &sources)?
    };
    let prep = store.prepare(id)?;
    if a.json {
        return out.json(&json!({
            "meeting": with_ref(prep.meeting.reference(), &prep.meeting),
            "organisations": prep.orgs,
            "entries": prep.entries(),
            "added": added,
        }));
    }
    if !sources.is_empty() {
        for item in &added {
            out.line(format!(
                "added agenda item {}: {}",
                item.position, item.title
            ))?;
        }
        if added.len() < sources.len() {
            out.line(format!(
                "{} already on the agenda",
                sources.len() - added.len()
            ))?;
        }
        return Ok(());
    }
    let m = &prep.meeting;
    let orgs: Vec<&str> = prep.orgs.iter().map(|o| o.name.as_str()).collect();
    out.line(format!(
        "{}  {}  {}",
        m.reference(),
        m.starts_at.format("%Y-%m-%d %H:%M"),
        m.title
    ))?;
    if !orgs.is_empty() {
        out.line(format!("with {}", orgs.join(", ")))?;
    }
    if prep.is_empty() {
        out.blank()?;
        return out.line("nothing is open with these organisations");
    }
    let entries = prep.entries();
    for section in [
        PrepSection::FeedbackOwed,
        PrepSection::Signal,
        PrepSection::Commitment,
        PrepSection::Action,
        PrepSection::Question,
    ] {
        let rows: Vec<&PrepEntry> = entries.iter().filter(|e| e.section == section).collect();
        out.heading(section_title(section), rows.len())?;
        if rows.is_empty() {
            continue;
        }
        let mut t = Table::new(&["Entry", "Due", "~Text", "~With"]);
        for e in rows {
            let due = match (e.due, e.overdue) {
                (Some(d), true) => format!("{d} overdue"),
                (Some(d), false) => d.to_string(),
                (None, _) => String::new(),
            };
            t.row(vec![
                e.label.clone(),
                due,
                e.text.clone(),
                e.context.clone().unwrap_or_default(),
            ]);
        }
        out.table(&t)?;
    }
    out.blank()?;
    out.line(format!(
        "put entries on the agenda with `wijkdesk meeting prepare {} --add S-12 --add M-3/7`",
        m.reference()
    ))
}

fn attend(a: AttendArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let attended = if a.unknown { None } else { Some(!a.absent) };
    let word = match attended {
        Some(true) => "present",
        Some(false) => "absent",
        None => "invited, attendance unknown",
    };
    let orgs = a
        .orgs
        .iter()
        .map(|o| store.resolve_org(o))
        .collect::<Result<Vec<_>, _>>()?;
    let people = a
        .people
        .iter()
        .map(|p| store.resolve_person(p))
        .collect::<Result<Vec<_>, _>>()?;
    for org in orgs {
        store.set_attendance(id, org, attended)?;
        out.line(format!("{}: {}", store.org(org)?.name, word))?;
    }
    for p in people {
        store.set_person_attendance(id, p, attended)?;
        out.line(format!("{}: {}", store.person(p)?.name, word))?;
    }
    Ok(())
}

/// Write an export to a file, or to standard output made safe for the terminal.
fn emit(out: &mut Out, output: Option<&Path>, text: &str, eol: &str) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text)
                .map_err(|e| CliError::msg(format!("cannot write {}: {e}", path.display())))?;
            out.line(format!("wrote {}", path.display()))
        }
        None => {
            let w = out.raw();
            for line in text.split_terminator(eol) {
                write!(w, "{}{eol}", visible(line))?;
            }
            Ok(())
        }
    }
}

fn export_ics(a: IcsArgs, store: &mut Store, out: &mut Out, lang: DocLang) -> Result<()> {
    let CalendarFormat::Ics = a.format;
    let from = a
        .from
        .as_deref()
        .map(|d| parse_date(d, store.today()))
        .transpose()?;
    let events = store.meetings_for_ics(from)?;
    let text = ics::calendar(&events, Utc::now(), lang);
    emit(out, a.output.as_deref(), &text, "\r\n")
}

fn minutes_list(a: MinutesListArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    store.meeting(id)?;
    let lines = store.minutes(id)?;
    if a.json {
        let v: Vec<_> = lines
            .iter()
            .map(|l| {
                let mut v = serde_json::to_value(l).unwrap_or_default();
                if let serde_json::Value::Object(m) = &mut v {
                    m.insert("ref".into(), line_label(l).into());
                }
                v
            })
            .collect();
        return out.json(&v);
    }
    if lines.is_empty() {
        return out.line(format!("M-{id} has no minutes yet"));
    }
    let agenda = store.agenda(id)?;
    let mut t = Table::new(&["Line", "Item", "Kind", "~Text", "Created", "~Problems"]);
    for l in &lines {
        let item = l
            .agenda_item_id
            .and_then(|a| agenda.iter().find(|i| i.id == a))
            .map(|i| i.position.to_string())
            .unwrap_or_default();
        let mut kind = l.kind.code().to_string();
        if l.kind == crate::domain::minutes::EntryKind::Question && l.answered {
            kind.push_str(" (answered)");
        }
        if l.amendment {
            kind.push_str(" *");
        }
        t.row(vec![
            line_label(l),
            item,
            kind,
            l.text.clone(),
            l.created.clone().unwrap_or_default(),
            l.problems.join("; "),
        ]);
    }
    out.table(&t)?;
    if lines.iter().any(|l| l.amendment) {
        out.line("* amendment: written after the minutes were final")?;
    }
    Ok(())
}

fn minutes_edit(a: MinutesEditArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let change = store.edit_minute(line.id, &a.text, a.expect.expect_version)?;
    if a.json {
        return out.json(&change);
    }
    let l = &change.minute;
    if !change.changed {
        return out.line(format!("{} is unchanged", line_label(l)));
    }
    let amended = if l.amendment {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!(
        "{} {}: {}{amended}",
        line_label(l),
        l.kind.code(),
        l.text
    ))?;
    if let Some(c) = &change.created {
        out.line(format!("created {c}"))?;
    }
    if let Some(k) = &change.kept {
        out.line(format!(
            "{k} was created from this line before and is not changed; change {k} itself if needed"
        ))?;
    }
    for p in &l.problems {
        out.line(format!("problem: {p}"))?;
    }
    Ok(())
}

fn minutes_move(a: MinutesMoveArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let item = match a.item {
        Some(n) => Some(agenda_item_at(store, line.meeting_id, n)?),
        None => None,
    };
    let moved = store.move_minute(
        line.id,
        item.as_ref().map(|i| i.id),
        a.expect.expect_version,
    )?;
    let to = match &item {
        Some(i) => format!("agenda item {}. {}", i.position, i.title),
        None => "no agenda item".to_string(),
    };
    let amended = if moved.amendment {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!("{} is now under {to}{amended}", line_label(&moved)))
}

/// How to undo a record that a deleted line leaves behind.
fn how_to_undo(record: &str) -> String {
    match RecordRef::parse(record, None).map(|r| r.kind) {
        Ok(RecordKind::Action) => format!("`wijkdesk action cancel {record}`"),
        Ok(RecordKind::Commitment) => {
            format!("`wijkdesk commitment withdraw {record} --reason …`")
        }
        Ok(RecordKind::Signal) => format!("`wijkdesk signal decline {record} --explanation …`"),
        _ => "its own command".to_string(),
    }
}

fn minutes_delete(a: MinutesLineArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let meeting = store.meeting(line.meeting_id)?;
    let gone = store.delete_minute(line.id, a.expect.expect_version)?;
    let amended = if meeting.status.minutes_locked() {
        " (amendment: the minutes are final)"
    } else {
        ""
    };
    out.line(format!(
        "deleted {}: {}{amended}",
        line_label(&gone.minute),
        gone.minute.text
    ))?;
    if let Some(k) = &gone.kept {
        out.line(format!(
            "{k}, created from this line, stays; to undo it use {}",
            how_to_undo(k)
        ))?;
    }
    Ok(())
}

fn minutes_answer(a: AnswerArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let line = resolve_line(store, &a.line)?;
    let l = store.answer_question(line.id, !a.undo, a.expect.expect_version)?;
    out.line(format!(
        "{} is {}: {}",
        line_label(&l),
        if l.answered { "answered" } else { "open" },
        l.text
    ))
}

fn minutes_export(
    a: MinutesExportArgs,
    store: &mut Store,
    out: &mut Out,
    lang: DocLang,
) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    let text = store.minutes_markdown(id, lang)?;
    emit(out, a.output.as_deref(), &text, "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct Meeting {
        #[command(subcommand)]
        cmd: MeetingExtraCmd,
    }

    #[derive(Debug, Parser)]
    struct Minutes {
        #[command(subcommand)]
        cmd: MinutesExtraCmd,
    }

    #[test]
    fn clap_definitions_are_sound() {
        Meeting::command().debug_assert();
        Minutes::command().debug_assert();
    }

    #[test]
    fn line_references() {
        assert_eq!(
            parse_line_ref("M-5/3").ok().map(|r| (r.0, r.1)),
            Some((5, 3))
        );
        assert_eq!(
            parse_line_ref("m5/12").ok().map(|r| (r.0, r.1)),
            Some((5, 12))
        );
        assert_eq!(
            parse_line_ref(" 7/1 ").ok().map(|r| (r.0, r.1)),
            Some((7, 1))
        );
        for bad in ["M-5", "S-5/3", "M-5/0", "M-5/x", "/3", ""] {
            assert!(parse_line_ref(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn agenda_takes_a_meeting_then_a_subcommand() {
        let m = Meeting::try_parse_from(["meeting", "agenda", "M-5", "move", "3", "up"]).unwrap();
        let MeetingExtraCmd::Agenda(a) = m.cmd else {
            panic!("not agenda")
        };
        assert_eq!(a.meeting, "M-5");
        assert!(matches!(
            a.cmd,
            Some(AgendaCmd::Move {
                item: 3,
                direction: Direction::Up
            })
        ));
        let m = Meeting::try_parse_from(["meeting", "agenda", "M-5"]).unwrap();
        assert!(matches!(
            m.cmd,
            MeetingExtraCmd::Agenda(AgendaArgs { cmd: None, .. })
        ));
    }

    #[test]
    fn attend_needs_someone() {
        assert!(Meeting::try_parse_from(["meeting", "attend", "M-5"]).is_err());
        assert!(
            Meeting::try_parse_from([
                "meeting",
                "attend",
                "M-5",
                "--org",
                "X",
                "--absent",
                "--unknown"
            ])
            .is_err()
        );
        assert!(
            Meeting::try_parse_from(["meeting", "attend", "M-5", "--person", "P-1", "--absent"])
                .is_ok()
        );
    }

    #[test]
    fn move_needs_a_target() {
        assert!(Minutes::try_parse_from(["minutes", "move", "M-5/3"]).is_err());
        assert!(
            Minutes::try_parse_from(["minutes", "move", "M-5/3", "--item", "2", "--no-item"])
                .is_err()
        );
        assert!(Minutes::try_parse_from(["minutes", "move", "M-5/3", "--no-item"]).is_ok());
    }

    #[test]
    fn export_language() {
        assert_eq!(doc_lang(Some(Lang::En)), DocLang::En);
        assert_eq!(doc_lang(Some(Lang::Nl)), DocLang::Nl);
    }
}

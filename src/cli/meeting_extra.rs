//! `wijkdesk meeting edit|agenda|prepare|attend|export` and `wijkdesk minutes
//! list|edit|move|delete|answer|export`: everything about meetings and minutes after
//! `add`, `list`, `show`, `hold` and `finalise`.
//!
//! Minutes lines are named by their meeting and number: `M-5/3` is line 3 of M-5
//! (`minutes list M-5` shows the numbers). Agenda items are named by their number on
//! the agenda.
//!
//! Each command group has its own module; this file holds the two command enums, their
//! dispatch and the helpers the groups share.

mod agenda;
mod attend;
mod calendar;
mod export;
mod meeting_edit;
mod minutes_lines;
mod prepare;

use crate::domain::Problem;
use agenda::{AgendaArgs, agenda};
use attend::{AttendArgs, attend};
use calendar::{CancelArgs, MeetingMailArgs, cancel, invite_cmd, minutes_send};
use export::{IcsArgs, MinutesExportArgs, export_ics, minutes_export};
use meeting_edit::{EditArgs, edit};
use minutes_lines::{
    AnswerArgs, MinutesEditArgs, MinutesLineArgs, MinutesListArgs, MinutesMoveArgs, minutes_answer,
    minutes_delete, minutes_edit, minutes_list, minutes_move,
};
use prepare::{PrepareArgs, prepare};

use super::output::Out;
use super::{CliError, Lang, Result};
use crate::domain::RecordKind;
use crate::domain::RecordRef;
use crate::domain::minutes_export::Lang as DocLang;
use crate::domain::text::{visible, visible_text};
use crate::store::{AgendaItem, Store, StoredMinute};
use clap::Subcommand;
use std::path::Path;

#[derive(Debug, Subcommand)]
pub enum MeetingExtraCmd {
    /// Change a meeting's details or who is invited
    #[command(
        long_about = "Change a meeting's title, kind, start and end, location, district, chair or \
                      minute-taker, and invite organisations or take them off the list. Only the \
                      fields given change. After the minutes are final the change is recorded as an \
                      amendment.",
        after_help = "Examples:\n  wijkdesk meeting edit M-5 --start \"vr 19.30 uur\" --end 21:30\n  \
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
    /// Call off a planned meeting, with a reason; `meeting invite` then sends the cancellation
    #[command(
        long_about = "Cancel a planned meeting. It stays in the list as cancelled (among the meetings \
                      that are over), is never counted as held, and can no longer be changed, held or \
                      finalised. Its calendar entry says STATUS:CANCELLED; when invitations went out, \
                      `wijkdesk meeting invite` sends the organisations the cancellation (METHOD:CANCEL).",
        after_help = "Examples:\n  wijkdesk meeting cancel M-5 --reason \"De zaal is niet beschikbaar\"\n  \
                      wijkdesk meeting cancel M-5 && wijkdesk meeting invite M-5"
    )]
    Cancel(CancelArgs),
    /// E-mail the invitation (or its update, or the cancellation) to the invited organisations
    #[command(
        long_about = "E-mail each invited organisation (its address, else its contact person's) an \
                      invitation their calendar understands: a readable text and an iCalendar part \
                      (METHOD:REQUEST). After the time, place or invitation list changed, the same \
                      command sends the update (a higher SEQUENCE replaces the earlier copy); after \
                      `meeting cancel` it sends the cancellation (METHOD:CANCEL). Sent with the [mail] \
                      settings; without them each message is written as an .eml draft. A message that \
                      is not sent stays in the outbox (wijkdesk mail retry). The meeting's history \
                      records each message, to whom and with which sequence.",
        after_help = "Examples:\n  wijkdesk meeting invite M-5\n  wijkdesk meeting edit M-5 --start \"vr 20:00\" && wijkdesk meeting invite M-5"
    )]
    Invite(MeetingMailArgs),
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
    /// E-mail the final minutes to the organisations that attended
    #[command(
        long_about = "E-mail a finalised meeting's minutes to the organisations that attended (marked \
                      present, or invited when attendance was not taken): the Markdown summary as the \
                      text, and attached as a .md file. Refused before the meeting is finalised. Sent \
                      with the [mail] settings, else written as .eml drafts; the meeting's history \
                      records each message.",
        after_help = "Examples:\n  wijkdesk meeting finalise M-5 && wijkdesk minutes send M-5\n  wijkdesk minutes send M-5 --lang en"
    )]
    Send(MeetingMailArgs),
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
        MeetingExtraCmd::Cancel(a) => cancel(a, store, out),
        MeetingExtraCmd::Invite(a) => invite_cmd(a, store, out, doc_lang(lang)),
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
        MinutesExtraCmd::Send(a) => minutes_send(a, store, out, doc_lang(lang)),
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
        CliError::Said(Problem::NotAMinutesLineRef {
            input: input.trim().to_string(),
        })
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
        CliError::Said(Problem::NoAgendaItem {
            meeting: format!("M-{meeting_id}"),
            item: n,
            has: None,
        })
    })
}

/// Write an export to a file, or to standard output made safe for the terminal.
fn emit(out: &mut Out, output: Option<&Path>, text: &str, eol: &str) -> Result<()> {
    match output {
        Some(path) => {
            crate::files::replace(path, visible_text(text).as_bytes()).map_err(|e| {
                CliError::Said(crate::domain::Problem::CannotWrite {
                    path: path.display().to_string(),
                    error: e.to_string(),
                    disk_full_hint: false,
                })
            })?;
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

#[cfg(test)]
mod tests {
    use super::agenda::{AgendaCmd, Direction};
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
                direction: Direction::Up,
                ..
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

//! `wijkdesk meeting agenda`: list a meeting's agenda, add, rename, move or delete items.

use super::agenda_item_at;
use crate::cli::output::Out;
use crate::cli::{CliError, Expect, Result, id_of};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::store::{AgendaMove, Store};
use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// M-5 or 5
    pub(super) meeting: String,
    /// Print the agenda as JSON (without a subcommand)
    #[arg(long)]
    pub(super) json: bool,
    #[command(subcommand)]
    pub(super) cmd: Option<AgendaCmd>,
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
        #[command(flatten)]
        expect: Expect,
    },
    /// Move item N one place up or down
    #[command(after_help = "Examples:\n  wijkdesk meeting agenda M-5 move 3 up")]
    Move {
        /// The item's number on the agenda
        item: i64,
        #[arg(value_enum)]
        direction: Direction,
        #[command(flatten)]
        expect: Expect,
    },
    /// Delete item N (refused while minutes lines are under it)
    #[command(after_help = "Examples:\n  wijkdesk meeting agenda M-5 delete 4")]
    Delete {
        /// The item's number on the agenda
        item: i64,
        #[command(flatten)]
        expect: Expect,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    Up,
    Down,
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

pub(super) fn agenda(a: AgendaArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    store.meeting(id)?;
    match a.cmd.unwrap_or(AgendaCmd::List { json: a.json }) {
        AgendaCmd::List { json } => {
            if json || a.json {
                return out.json(&store.agenda(id)?);
            }
        }
        AgendaCmd::Add { title } => {
            store.add_agenda_item(id, &title)?;
        }
        AgendaCmd::Rename {
            item,
            title,
            expect,
        } => {
            let it = agenda_item_at(store, id, item)?;
            store.rename_agenda_item(it.id, &title, expect.expect_version)?;
        }
        AgendaCmd::Move {
            item,
            direction,
            expect,
        } => {
            let it = agenda_item_at(store, id, item)?;
            let dir = match direction {
                Direction::Up => AgendaMove::Up,
                Direction::Down => AgendaMove::Down,
            };
            if !store.move_agenda_item(it.id, dir, expect.expect_version)? {
                return Err(CliError::Said(Problem::AgendaItemAtEnd {
                    item,
                    first: dir == AgendaMove::Up,
                }));
            }
        }
        AgendaCmd::Delete { item, expect } => {
            let it = agenda_item_at(store, id, item)?;
            store.delete_agenda_item(it.id, expect.expect_version)?;
        }
    }
    print_agenda(store, out, id)
}

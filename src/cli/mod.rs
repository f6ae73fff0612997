//! The command line: every step of the workflows without the screens (DESIGN section 5).
//!
//! One file per command group holds its clap definitions and what it does; this file
//! holds the top level, the global flags, the dispatch and the mapping of errors to
//! one line on stderr and an exit code (0 ok, 1 error, 2 usage).

mod action;
mod admin;
mod command_line;
mod commitment;
mod csv;
mod digest;
mod feedback;
pub use crate::sheets::json;
mod mail;
mod manual;
mod meeting;
mod meeting_extra;
mod org;
pub mod output;
mod person;
mod report;
mod report_charts;
mod report_html;
mod search;
pub mod sheet;
mod signal;
pub mod stdin;
mod vocab;

use crate::domain::dates::{DateError, parse_date, parse_datetime};
use crate::domain::ids::IdError;
use crate::domain::text::visible;
use crate::domain::{Problem, RecordKind, RecordRef, Refusal};
use crate::store::{Ctx, Owner, Store, StoreError, default_db_path};
use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, Parser, Subcommand, ValueEnum};
use output::Out;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "Close the loop between a municipality and its residents' organisations";

const LONG_ABOUT: &str = "\
Close the loop between a municipality and its residents' organisations: signals, \
promises, meetings and feedback, in the terminal.

Without a command, wijkdesk opens the screens. With one, it does a single step from the \
shell, for scripts and quick entry. Records are shown and accepted as a letter and a \
number: O-7 organisation, P-4 person, S-42 signal, A-3 action, C-12 commitment, \
M-5 meeting; a bare number works where the kind is clear, and organisations and people \
can also be named by a unique prefix of their name.

Lists print an aligned table; --json prints JSON in one shape for every command (ref and \
id, ISO dates, moments with their offset; schemas in docs/schema) and --csv or --excel a \
spreadsheet. A text argument given as - is read from standard input. A command that \
creates a record prints its ID alone on the first line. Errors are one line on stderr starting with `error: `; \
the exit code is 0 when all went well, 1 on an error, 2 on a usage error.

Dates are read the same way everywhere, in Dutch or English: 2026-12-15, 15-12-2026, \
15/12/2026, 15-12, 15/12, \"15 dec\", \"1 juli\", \"20 januari 2027\"; weekdays (vrijdag, vr, \
fri: the next one after today); vandaag, morgen, overmorgen; \"volgende week\", \"over 3 \
weken\", \"binnen twee weken\", +14d, +2w, +3m; \"eind maart\", \"begin april\". A date \
without a year is the next one on or after today. Times: 19:30, 19.30, \"19.30 uur\" \
(\"vr 19.30 uur\", \"10-12-2026 19:30\"). An impossible date (31 feb, a two-digit year) is \
refused with what was read, and so is a year outside 1900-2200 (+99999w).

Every change is recorded under the operating-system account that runs wijkdesk (the \
process's user id, looked up in the passwd database; $USER and $LOGNAME are not read). \
--mine finds the person whose username is that account. $WIJKDESK_USER sets another \
name to act under, for tests and demos: the history then names both, as \
\"demo (account linda)\".

A change waits while another user's change holds the database, and says so on stderr \
within a second; after $WIJKDESK_LOCK_WAIT seconds (default 60) it gives up with \
nothing changed, and the command can simply be repeated.";

const EXAMPLES: &str = "\
Examples:
  wijkdesk init
  wijkdesk demo
  wijkdesk signal list --overdue
  wijkdesk signal add --org Zeeheld --title \"Losse stoeptegels bij de school\" --theme verkeer
  wijkdesk signal triage S-42 --owner P-4 --due +14d
  wijkdesk --db /srv/wijkdesk/team.db commitment list --mine";

#[derive(Debug, Parser)]
#[command(
    name = "wijkdesk",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Option<Command>,
}

const GLOBAL: &str = "Global options";

/// Flags that every command accepts.
#[derive(Debug, Clone, Args)]
pub struct Globals {
    /// The database file [default: $WIJKDESK_DB, else wijkdesk.db in the user's data directory]
    #[arg(long, global = true, env = "WIJKDESK_DB", value_name = "PATH", hide_env_values = true, help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// Interface language of the screens, of the HTML and SVG report, and of CSV headings and report tables
    #[arg(long, global = true, value_enum, value_name = "LANG", help_heading = GLOBAL)]
    pub lang: Option<Lang>,
    /// Only ASCII in borders, charts and marks (e.g. ... instead of …); also when TERM=dumb
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub ascii: bool,
    /// Add a district, neighbourhood or theme that is not on its list yet, instead of refusing it
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub add_new: bool,
    /// With --json: a list as JSON Lines (one record per line) instead of one array
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json_lines: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    En,
    Nl,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database and print its path and record counts
    #[command(
        long_about = "Create the database file (readable by its owner only) or bring an existing one \
                      up to the current schema, then print its path and how many records it holds.",
        after_help = "Examples:\n  wijkdesk init\n  wijkdesk --db ./team.db init"
    )]
    Init(admin::InitArgs),
    /// Fill the database with the demo data
    #[command(
        long_about = "Fill the database with the demo data drawn from the seeds: the Hague residents' \
                      organisations, municipal services, invented people, meetings with minutes, signals, \
                      commitments, actions and feedback, with dates relative to today. --scale N adds N \
                      generated signals for benchmarks. Refuses a database that already holds \
                      organisations, unless --force. Into a new, empty file the generated records are \
                      written without a journal (half the bytes); should that be cut off, delete the file \
                      and run the command again.",
        after_help = "Examples:\n  wijkdesk demo\n  wijkdesk --db /tmp/big.db demo --scale 100000"
    )]
    Demo(admin::DemoArgs),
    /// Organisations: list, add, show, edit, import, export, statement
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk org list\n  wijkdesk org show Zeeheld"
    )]
    Org(org::OrgCmd),
    /// People and who does what: list, add, show, edit, who, import, export-all; AVG export and erase
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk person list --org DSO\n  wijkdesk person who --district Escamp --theme verkeer"
    )]
    Person(person::PersonCmd),
    /// Signals: add, list, show, triage, start, decline, merge, close, reopen
    #[command(
        subcommand,
        long_about = "Signals: problems, questions and ideas that organisations raise on behalf of their \
                      neighbourhood. new → triaged → in_progress → (final feedback) answered → closed; \
                      new, triaged and in_progress signals can be declined (with an explanation) or \
                      merged; closed and declined signals can be reopened (with a reason).",
        after_help = "Examples:\n  wijkdesk signal list --mine\n  wijkdesk signal show S-42\n  wijkdesk signal close S-42"
    )]
    Signal(signal::SignalCmd),
    /// Feedback to the organisation that raised a signal
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk feedback add S-42 --channel email --text \"Gemeld bij DSO\" --next +2w"
    )]
    Feedback(feedback::FeedbackCmd),
    /// E-mail: the outbox of feedback, invitations and minutes that were not sent, and sending them again
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk mail outbox\n  wijkdesk mail retry 3"
    )]
    Mail(mail::MailCmd),
    /// Commitments (promises to an organisation): add, list, show, keep, break, withdraw, move
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk commitment list --overdue\n  wijkdesk commitment keep C-12"
    )]
    Commitment(commitment::CommitmentCmd),
    /// Actions (internal tasks): add, list, show, done, cancel
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk action list --mine\n  wijkdesk action done A-3"
    )]
    Action(action::ActionCmd),
    /// Meetings: add, list, show, edit, agenda, attend, prepare, hold, finalise, follow-up, cancel, invite, export (ics)
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk meeting list\n  wijkdesk meeting show M-5"
    )]
    Meeting(meeting::MeetingCmd),
    /// Minutes: add, list, edit, move, delete and answer lines; export as Markdown; send by e-mail
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk minutes add M-5 \"A: Stoeptegels laten herstellen @DSO due:+2w\""
    )]
    Minutes(meeting::MinutesCmd),
    /// Districts and their neighbourhoods: the kept list; list, add, rename, merge, check, import
    #[command(
        subcommand,
        long_about = "The kept list of districts (stadsdelen) and their neighbourhoods (wijken). A record's \
                      district or neighbourhood must be on the list: a name is matched regardless of case \
                      and accents, and an unknown one is refused unless the command says --add-new.",
        after_help = "Examples:\n  wijkdesk district list\n  wijkdesk district check\n  wijkdesk district merge Segbroke Segbroek"
    )]
    District(vocab::DistrictCmd),
    /// Themes: the kept list; list, add, rename, merge, check, import
    #[command(
        subcommand,
        long_about = "The kept list of themes (groen, verkeer, …). A signal's or person's theme must be on \
                      the list: a name is matched regardless of case and accents, and an unknown one is \
                      refused unless the command says --add-new.",
        after_help = "Examples:\n  wijkdesk theme list\n  wijkdesk theme add afval\n  wijkdesk theme import themas.csv"
    )]
    Theme(vocab::ThemeCmd),
    /// Search every record: organisations, people, signals, feedback, commitments, actions, meetings, minutes
    #[command(
        long_about = "Search the words of every record. Each word matches the start of a word, accents and \
                      case do not matter (een finds Eén), all words must match. An ID such as S-42 puts \
                      that record first. Results are grouped by kind.",
        after_help = "Examples:\n  wijkdesk search stoeptegels\n  wijkdesk search een centraal aanspreekpunt\n  wijkdesk search S-42 --json"
    )]
    Search(search::SearchArgs),
    /// Reports: is the loop closed? loop, commitments, cadence, load
    #[command(
        subcommand,
        after_help = "Examples:\n  wijkdesk report loop\n  wijkdesk report commitments --format csv > toezeggingen.csv"
    )]
    Report(report::ReportCmd),
    /// What is overdue or due in the next 7 days for a person (for a login message or cron)
    #[command(after_help = "Examples:\n  wijkdesk digest\n  wijkdesk digest --user anna --days 14")]
    Digest(digest::DigestArgs),
    /// Show who changed a record, when, and what: field by field, before → after
    #[command(
        long_about = "Show who changed a record, when, and what: field by field, before → after. \
                      Who is the operating-system account that made the change; where \
                      $WIJKDESK_USER named someone else, both show: \"demo (account linda)\". \
                      Changes from before wijkdesk recorded accounts show the name alone.",
        after_help = "Examples:\n  wijkdesk history S-42\n  wijkdesk history O-7 --json"
    )]
    History(admin::HistoryArgs),
    /// Write a consistent copy of the database to a new file, while others keep working
    #[command(after_help = "Examples:\n  wijkdesk backup ~/wijkdesk-2026-01-15.db")]
    Backup(admin::BackupArgs),
    /// Check the database file for corruption and broken links
    #[command(
        long_about = "Run SQLite's integrity and foreign-key checks. Prints the problems found and \
                      exits 1 when there are any.",
        after_help = "Examples:\n  wijkdesk check\n  wijkdesk check --json"
    )]
    Check(admin::CheckArgs),
    /// Print a shell completion script
    #[command(
        long_about = "Print a completion script for the given shell, generated from the same command \
                      definitions as --help. The bash script also completes record IDs (S-4<Tab>) and \
                      the names of organisations and people from the database that --db on the line \
                      names, else $WIJKDESK_DB, else the default.",
        after_help = "Examples:\n  wijkdesk completions bash > ~/.local/share/bash-completion/completions/wijkdesk\n  \
                      wijkdesk completions zsh > ~/.zfunc/_wijkdesk\n  \
                      wijkdesk completions fish > ~/.config/fish/completions/wijkdesk.fish"
    )]
    Completions(admin::CompletionsArgs),
    /// Print the manual page (roff)
    #[command(
        long_about = "Print the manual page in roff, generated from the same command definitions as \
                      --help; give a command (signal, meeting add) to get the page of that command, or \
                      --dir to write every page: wijkdesk.1, wijkdesk-signal.1, wijkdesk-meeting-add.1 \
                      and so on, so that every page a page names is there. Each page has EXAMPLES, \
                      ENVIRONMENT and FILES.",
        after_help = "Examples:\n  wijkdesk man | man -l -\n  wijkdesk man meeting add | man -l -\n  \
                      wijkdesk man --dir ~/.local/share/man/man1"
    )]
    Man(manual::ManArgs),
    /// Candidates for shell completion (called by the bash completion script)
    #[command(
        hide = true,
        after_help = "Examples:\n  wijkdesk complete --cword 3 -- wijkdesk signal show S-4"
    )]
    Complete(manual::CompleteArgs),
    /// Print one frame of a screen as plain text (documentation, scripts, tests)
    #[command(
        after_help = "Examples:\n  wijkdesk snapshot organisations --width 100 --height 30\n  wijkdesk --lang nl snapshot who"
    )]
    Snapshot(SnapshotArgs),
}

/// What went wrong in a command.
#[derive(Debug)]
pub enum CliError {
    /// A refusal or problem, said on stderr in the user's language (--lang, else the
    /// locale).
    Said(Problem),
    /// A district, neighbourhood or theme not on its list: said with how to add it.
    NewTerm(crate::store::UnknownTerm),
    /// Already reported in detail on stdout (e.g. `check` found problems): exit 1
    /// with a one-line summary on stderr, in the user's language.
    Reported(Problem),
    /// The reader of our output went away (`| head`): not an error.
    BrokenPipe,
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::UnknownTerm(u) => CliError::NewTerm(u),
            e => CliError::Said(e.into_problem()),
        }
    }
}

impl From<IdError> for CliError {
    fn from(e: IdError) -> Self {
        CliError::Said(e.problem())
    }
}

impl From<DateError> for CliError {
    fn from(e: DateError) -> Self {
        CliError::Said(Problem::Date(e))
    }
}

impl From<Refusal> for CliError {
    fn from(e: Refusal) -> Self {
        CliError::Said(e.0)
    }
}

impl CliError {
    /// The message for stderr in `lang`.
    pub fn say(self, lang: crate::words::Lang) -> String {
        use crate::words::Lang as L;
        match self {
            CliError::Reported(p) => lang.problem(&p),
            CliError::Said(p) => lang.problem(&p),
            CliError::NewTerm(u) => match lang {
                L::En => format!(
                    "{}; nothing was changed. Use a name from `{}`, or repeat with --add-new to add '{}' to the list",
                    lang.problem(&u.problem()),
                    vocab::list_command(u.kind),
                    u.value
                ),
                L::Nl => format!(
                    "{}; er is niets gewijzigd. Gebruik een naam uit `{}`, of herhaal met --add-new om '{}' aan de lijst toe te voegen",
                    lang.problem(&u.problem()),
                    vocab::list_command(u.kind),
                    u.value
                ),
            },
            CliError::BrokenPipe => String::new(),
        }
    }
}

/// The language of messages: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG).
pub fn words_lang(lang: Option<Lang>) -> crate::words::Lang {
    match lang {
        Some(Lang::En) => crate::words::Lang::En,
        Some(Lang::Nl) => crate::words::Lang::Nl,
        None => crate::words::Lang::from_env(),
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Said(Problem::OutputNotWritten {
                error: e.to_string(),
            })
        }
    }
}

/// Run one command line; the exit code says how it went.
pub fn run(cli: Cli) -> ExitCode {
    let Some(command) = cli.command else {
        return open_screens(&cli.globals);
    };
    match dispatch(command, &cli.globals) {
        Ok(()) | Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = words_lang(cli.globals.lang);
            let m = e.say(lang);
            // One line, safe for the terminal: the message may quote what was typed or stored.
            let flat: String = m.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                lang.t(crate::words::T::ErrorPrefix),
                visible(&flat)
            );
            ExitCode::FAILURE
        }
    }
}

/// The screens, opened when no command is given. Replaced when the screens land.
pub fn open_screens(globals: &Globals) -> ExitCode {
    match crate::tui::run(tui_options(globals)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let flat: String = failure
                .say()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let prefix = failure.lang().t(crate::words::T::ErrorPrefix);
            let _ = writeln!(std::io::stderr(), "{prefix}: {}", visible(&flat));
            ExitCode::FAILURE
        }
    }
}

fn tui_options(globals: &Globals) -> crate::tui::Options {
    crate::tui::Options {
        db: Some(db_path(globals)),
        lang: globals.lang.map(|l| match l {
            Lang::En => "en".to_string(),
            Lang::Nl => "nl".to_string(),
        }),
        ascii: globals.ascii || crate::config::dumb_terminal(),
    }
}

/// `wijkdesk snapshot`: one frame of a screen as plain text.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// A screen (organisations, people, …) or a popup drawn over the first screen (help, palette, jump, who, form)
    pub screen: String,
    /// Width in columns
    #[arg(long, default_value_t = 100)]
    pub width: u16,
    /// Height in rows
    #[arg(long, default_value_t = 30)]
    pub height: u16,
}

/// The database path: --db (or $WIJKDESK_DB), else the user's data directory.
pub fn db_path(globals: &Globals) -> PathBuf {
    globals
        .db
        .clone()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(default_db_path)
}

fn dispatch(command: Command, globals: &Globals) -> Result<()> {
    let mut out = Out::new(globals.ascii || crate::config::dumb_terminal());
    out.set_json_lines(globals.json_lines);
    match command {
        Command::Completions(a) => admin::completions(a, &mut out)?,
        Command::Man(a) => manual::man(a, &mut out)?,
        Command::Complete(a) => {
            let db = manual::db_on_line(a.words(), db_path(globals));
            manual::complete(a, &db, &mut out)?
        }
        command => {
            let path = db_path(globals);
            // Only init and demo make a database; a mistyped --db must not leave an
            // empty one (and its folders) behind.
            if !matches!(command, Command::Init(_) | Command::Demo(_)) && !path.exists() {
                return Err(CliError::Said(Problem::NoDatabase {
                    path: path.display().to_string(),
                }));
            }
            // A write that waits for another user's change says so at once, and gives
            // up after the stated time (WIJKDESK_LOCK_WAIT) with nothing changed.
            crate::store::waiting::set_thread_wait(None);
            crate::store::waiting::set_thread_notice(Some(Box::new({
                let path = path.clone();
                let lang = words_lang(globals.lang);
                move || {
                    let _ = writeln!(
                        std::io::stderr(),
                        "wijkdesk: {}",
                        lang.problem(&crate::store::waiting::waiting(&path))
                    );
                }
            })));
            let mut store = Store::open(&path, Ctx::from_env())?;
            store.set_accept_new_terms(globals.add_new);
            let mut app = App {
                store,
                out,
                lang: globals.lang,
            };
            match command {
                Command::Init(a) => admin::init(a, &mut app)?,
                Command::Demo(a) => admin::demo(a, &mut app)?,
                Command::Org(c) => org::run(c, &mut app)?,
                Command::Person(c) => person::run(c, &mut app)?,
                Command::Signal(c) => signal::run(c, &mut app)?,
                Command::Feedback(c) => feedback::run(c, &mut app)?,
                Command::Mail(c) => mail::run(c, &mut app)?,
                Command::Commitment(c) => commitment::run(c, &mut app)?,
                Command::Action(c) => action::run(c, &mut app)?,
                Command::Meeting(c) => meeting::run(c, &mut app)?,
                Command::Minutes(c) => meeting::run_minutes(c, &mut app)?,
                Command::District(c) => vocab::run_district(c, &mut app)?,
                Command::Theme(c) => vocab::run_theme(c, &mut app)?,
                Command::Search(a) => search::run(a, &mut app)?,
                Command::Report(c) => report::run(c, &mut app)?,
                Command::Digest(a) => digest::run(a, &mut app)?,
                Command::History(a) => admin::history(a, &mut app)?,
                Command::Backup(a) => admin::backup(a, &mut app)?,
                Command::Check(a) => admin::check(a, &mut app)?,
                Command::Snapshot(a) => {
                    let text = crate::tui::snapshot(
                        &mut app.store,
                        &a.screen,
                        a.width,
                        a.height,
                        &tui_options(globals),
                    )
                    .map_err(CliError::Said)?;
                    write!(app.out.raw(), "{text}")?;
                }
                Command::Completions(_) | Command::Man(_) | Command::Complete(_) => {
                    unreachable!("handled above")
                }
            }
            return app.out.flush();
        }
    }
    out.flush()
}

/// What a command works with: the store and standard output.
pub(crate) struct App {
    pub store: Store,
    pub out: Out,
    /// --lang, for output that is written for residents (minutes exports).
    pub lang: Option<Lang>,
}

impl App {
    pub fn today(&self) -> NaiveDate {
        self.store.today()
    }

    /// A date as typed, in the one grammar of `domain::dates`.
    pub fn date(&self, input: &str) -> Result<NaiveDate> {
        Ok(parse_date(input, self.today())?)
    }

    /// A date that may not lie before today (due dates, next feedback); `past` is
    /// the refusal for one that does.
    pub fn due_date(&self, input: &str, past: fn(NaiveDate) -> Problem) -> Result<NaiveDate> {
        let d = self.date(input)?;
        if d < self.today() {
            return Err(CliError::Said(past(d)));
        }
        Ok(d)
    }

    pub fn datetime(&self, input: &str) -> Result<NaiveDateTime> {
        Ok(parse_datetime(input, self.today())?)
    }

    pub fn org(&self, input: &str) -> Result<i64> {
        Ok(self.store.resolve_org(input)?)
    }

    pub fn person(&self, input: &str) -> Result<i64> {
        Ok(self.store.resolve_person(input)?)
    }

    pub fn owner(&self, input: &str) -> Result<Owner> {
        Ok(self.store.resolve_owner(input)?)
    }

    /// An owner for `--owner` on a list: records owned before the owner rule stay findable.
    pub fn owner_filter(&self, input: &str) -> Result<Owner> {
        Ok(self.store.resolve_owner_filter(input)?)
    }

    /// The person whose username is the current user, for `--mine`.
    pub fn me(&self) -> Result<i64> {
        self.store.current_person()?.ok_or_else(|| {
            CliError::Said(Problem::NoPersonForUser {
                user: self.store.user().to_string(),
                mine: true,
            })
        })
    }

    /// A label for an owner, empty when there is none.
    pub fn owner_label(&self, owner: Owner) -> Result<String> {
        Ok(self.store.owner_label(owner)?)
    }
}

/// The id of a record of `kind` typed as S-42, s42 or 42.
pub(crate) fn id_of(kind: RecordKind, input: &str) -> Result<i64> {
    Ok(RecordRef::parse(input, Some(kind))?.id)
}

/// An optional link given as `--signal S-42` / `--meeting M-5`.
pub(crate) fn opt_id_of(kind: RecordKind, input: Option<&str>) -> Result<Option<i64>> {
    input.map(|s| id_of(kind, s)).transpose()
}

/// A user-facing reference such as S-42.
pub(crate) fn r(kind: RecordKind, id: i64) -> String {
    RecordRef::new(kind, id).to_string()
}

/// The `--expect-version` flag shared by every change.
#[derive(Debug, Clone, Copy, Args)]
pub struct Expect {
    /// Refuse the change when the record is no longer at version N (see `show --json`)
    #[arg(long, value_name = "N")]
    pub expect_version: Option<i64>,
}

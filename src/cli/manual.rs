//! `wijkdesk man`: manual pages, one per command, that refer only to pages that are
//! written too; and `wijkdesk complete`, which the bash completion script calls to
//! complete record IDs and the names of organisations and people from the database.

use super::output::Out;
use super::{CliError, Result};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::store::{Ctx, Store};
use clap::{Args, Command, CommandFactory};
use roff::{Roff, bold, italic, roman};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command to print the page of, e.g. `signal` or `meeting add` (default: the main page)
    #[arg(value_name = "COMMAND")]
    command: Vec<String>,
    /// Write every page (wijkdesk.1, wijkdesk-signal.1, wijkdesk-meeting-add.1, …) into this folder
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

/// The command tree as the pages show it: without the `help` subcommands (`--help`
/// is on every page) and without hidden commands.
fn tree() -> Command {
    fn no_help(cmd: Command) -> Command {
        cmd.disable_help_subcommand(true).mut_subcommands(no_help)
    }
    let mut cmd = no_help(super::Cli::command());
    cmd.build();
    cmd
}

pub(super) fn man(a: ManArgs, out: &mut Out) -> Result<()> {
    let root = tree();
    if let Some(dir) = a.dir {
        crate::files::create_dir_private(&dir).map_err(|e| {
            CliError::Said(Problem::CannotMakeFolder {
                path: dir.display().to_string(),
                error: e.to_string(),
            })
        })?;
        let mut written = Vec::new();
        write_all(&root, &[], &dir, &mut written)?;
        for name in written {
            out.line(dir.join(name).display().to_string())?;
        }
        return Ok(());
    }
    let mut path: Vec<&Command> = Vec::new();
    let mut at = &root;
    for word in &a.command {
        let next = at
            .get_subcommands()
            .find(|c| c.get_name() == word || c.get_all_aliases().any(|x| x == word))
            .ok_or_else(|| {
                let names: Vec<&str> = at
                    .get_subcommands()
                    .filter(|c| !c.is_hide_set())
                    .map(|c| c.get_name())
                    .collect();
                CliError::Said(Problem::NoCommand {
                    command: a.command.join(" "),
                    commands: names.iter().map(|n| n.to_string()).collect(),
                })
            })?;
        path.push(at);
        at = next;
    }
    out.raw().write_all(page(at, &path).as_bytes())?;
    Ok(())
}

fn write_all(
    cmd: &Command,
    parents: &[&Command],
    dir: &Path,
    written: &mut Vec<String>,
) -> Result<()> {
    let name = format!("{}.1", page_name(cmd));
    crate::files::replace(&dir.join(&name), page(cmd, parents).as_bytes()).map_err(|e| {
        CliError::Said(Problem::CannotWrite {
            path: dir.join(&name).display().to_string(),
            error: e.to_string(),
            disk_full_hint: false,
        })
    })?;
    written.push(name);
    let mut with_me: Vec<&Command> = parents.to_vec();
    with_me.push(cmd);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_all(sub, &with_me, dir, written)?;
    }
    Ok(())
}

/// `wijkdesk-meeting-add`: the page's name, as clap names the command after `build`.
fn page_name(cmd: &Command) -> String {
    cmd.get_display_name().unwrap_or(cmd.get_name()).to_string()
}

/// One page: clap_mangen's sections, then EXAMPLES, ENVIRONMENT, FILES and SEE ALSO.
fn page(cmd: &Command, parents: &[&Command]) -> String {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("wijkdesk {}", env!("CARGO_PKG_VERSION")))
        .manual("wijkdesk manual");
    let mut buf: Vec<u8> = Vec::new();
    let _ = man.render_title(&mut buf);
    let _ = man.render_name_section(&mut buf);
    let _ = man.render_synopsis_section(&mut buf);
    let _ = man.render_description_section(&mut buf);
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        let _ = man.render_options_section(&mut buf);
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        let _ = man.render_subcommands_section(&mut buf);
    }
    let mut roff = Roff::default();
    examples(&mut roff, cmd);
    environment(&mut roff);
    files(&mut roff);
    see_also(&mut roff, cmd, parents);
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    text.push_str(&roff.render());
    // Each rendered piece starts with the same quote definition; once is enough.
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if preamble && !seen.insert(line.to_string()) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The lines of `after_help` under "Examples:", one command a line.
fn examples(roff: &mut Roff, cmd: &Command) {
    let Some(after) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) else {
        return;
    };
    let text = after.to_string();
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("Examples:"))
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    roff.control("SH", ["EXAMPLES"]);
    roff.control("RS", ["4"]);
    roff.control("nf", []);
    for l in lines {
        roff.text([roman(l)]);
    }
    roff.control("fi", []);
    roff.control("RE", []);
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "WIJKDESK_DB",
        "The database file when --db is not given (else wijkdesk.db in the user's data directory).",
    ),
    (
        "WIJKDESK_CONFIG",
        "The config file (else config.toml in the user's config directory): language, theme, ASCII, mouse, keys, [mail].",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The language of the screens and of exports when neither --lang nor the config file says: nl... gives Dutch.",
    ),
    (
        "WIJKDESK_LANG",
        "The language of the HTML and SVG report (en or nl) when --lang is not given; else the locale.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, the screens use no colour: bold, underline and reverse video only.",
    ),
    (
        "TERM",
        "dumb: borders, charts and marks in ASCII only, as with --ascii.",
    ),
    (
        "COLUMNS",
        "The width command-line tables fit, when standard output is not a terminal.",
    ),
    (
        "VISUAL, EDITOR",
        "The editor for long texts in the screens (Ctrl-O).",
    ),
    (
        "XDG_RUNTIME_DIR",
        "Where the text for the editor is written (a private folder, removed afterwards), when it is a folder only its owner may enter; else the temporary folder.",
    ),
    (
        "WIJKDESK_DRAFTS",
        "Where half-filled forms and popups are kept as they are typed, to come back after the program was stopped (else drafts in the user's local data directory).",
    ),
    (
        "WIJKDESK_LOCK_WAIT",
        "Seconds a change waits while another user's change holds the database (default 60); then it gives up with nothing changed.",
    ),
    (
        "WIJKDESK_EXPORT_DIR",
        "Where exports made in the screens go (else exports in the user's data directory).",
    ),
    (
        "WIJKDESK_USER",
        "Another name to act under, for tests and demos; the history names both it and the account.",
    ),
    (
        "WIJKDESK_TODAY, WIJKDESK_NOW",
        "The day (2026-01-15) or local time (2026-01-15T09:30) to work with instead of the clock, for tests and demos.",
    ),
];

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*what)]);
    }
}

fn files(roff: &mut Roff) {
    // As the directories crate puts them on Linux (XDG); other systems use their own.
    let data = "~/.local/share/wijkdesk";
    let config = "~/.config/wijkdesk";
    let local = data;
    let entries = [
        (
            format!("{data}/wijkdesk.db ($XDG_DATA_HOME/wijkdesk/wijkdesk.db)"),
            "The database (SQLite, mode 0600), with the -wal and -shm files beside it while in use. \
             It holds every record, the history (audit) and the mail outbox: feedback that could not \
             be sent waits there (wijkdesk mail outbox).".to_string(),
        ),
        (
            "DB.lock".to_string(),
            "Beside the database: held while the file is created or migrated.".to_string(),
        ),
        (
            format!("{config}/config.toml ($XDG_CONFIG_HOME/wijkdesk/config.toml)"),
            "The config file (see WIJKDESK_CONFIG).".to_string(),
        ),
        (
            format!("{local}/drafts/"),
            "Half-filled forms and popups, mode 0600, written as they are typed and reopened at the next start (see WIJKDESK_DRAFTS).".to_string(),
        ),
        (
            format!("{data}/exports/"),
            "Exports made in the screens (see WIJKDESK_EXPORT_DIR).".to_string(),
        ),
    ];
    roff.control("SH", ["FILES"]);
    for (path, what) in entries {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
}

/// The main page and the page of the command above: both always written with this one.
fn see_also(roff: &mut Roff, cmd: &Command, parents: &[&Command]) {
    let mut refs: Vec<String> = Vec::new();
    if let Some(root) = parents.first() {
        refs.push(format!("{}(1)", page_name(root)));
    }
    if parents.len() > 1
        && let Some(parent) = parents.last()
    {
        refs.push(format!("{}(1)", page_name(parent)));
    }
    let _ = cmd;
    if refs.is_empty() {
        return;
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(refs.join(", "))]);
}

// ---------------------------------------------------------------------------------
// Completion.

#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The index of the word being completed in WORDS (bash's COMP_CWORD)
    #[arg(long, value_name = "N")]
    cword: usize,
    /// The command line so far (bash's COMP_WORDS), starting with wijkdesk
    #[arg(
        value_name = "WORDS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    words: Vec<String>,
}

/// What a word on the command line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Record(RecordKind),
    /// An organisation: its name or O-ref.
    Org,
    /// A person: name or P-ref.
    Person,
    /// A person or a service (owners).
    Owner,
    /// Any record ID (history).
    AnyRef,
}

/// What an argument takes, from its name (`--org`, `<SIGNAL>`) and the command it is on.
fn want_of(arg: &clap::Arg, command: &str) -> Option<Want> {
    let id = arg.get_id().as_str().to_lowercase();
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_lowercase())
        .unwrap_or_default();
    let names = [id.as_str(), value.as_str()];
    let has = |words: &[&str]| names.iter().any(|n| words.contains(n));
    if has(&[
        "org",
        "orgs",
        "service",
        "organisation",
        "from_org",
        "to_org",
    ]) {
        return Some(Want::Org);
    }
    if has(&[
        "person",
        "people",
        "chair",
        "minuter",
        "attendee",
        "attendees",
        "by",
    ]) {
        return Some(Want::Person);
    }
    if has(&["owner"]) {
        return Some(Want::Owner);
    }
    if has(&["signal", "signals", "into"]) {
        return Some(Want::Record(RecordKind::Signal));
    }
    if has(&["meeting"]) {
        return Some(Want::Record(RecordKind::Meeting));
    }
    if has(&["commitment"]) {
        return Some(Want::Record(RecordKind::Commitment));
    }
    if has(&["action"]) {
        return Some(Want::Record(RecordKind::Action));
    }
    if has(&["id", "ids", "record", "ref", "line"]) {
        return Some(match command {
            "signal" | "feedback" => Want::Record(RecordKind::Signal),
            "commitment" => Want::Record(RecordKind::Commitment),
            "action" => Want::Record(RecordKind::Action),
            "meeting" | "minutes" => Want::Record(RecordKind::Meeting),
            "org" => Want::Org,
            "person" => Want::Person,
            _ => Want::AnyRef,
        });
    }
    None
}

/// `wijkdesk complete --cword N -- WORDS…`: one candidate a line, already escaped for
/// bash, or nothing (then the script falls back to clap's completion of commands and
/// flags). Never an error: a Tab must not print one.
pub(super) fn complete(a: CompleteArgs, db: &Path, out: &mut Out) -> Result<()> {
    let Some(want) = what_to_complete(&a.words, a.cword) else {
        return Ok(());
    };
    if !db.exists() {
        return Ok(());
    }
    let Ok(store) = Store::open(db, Ctx::from_env()) else {
        return Ok(());
    };
    let current = unescape(a.words.get(a.cword).map(String::as_str).unwrap_or(""));
    for c in candidates(&store, want, &current) {
        out.raw()
            .write_all(format!("{}\n", bash_escape(&c)).as_bytes())?;
    }
    Ok(())
}

/// The argument the word at `cword` is a value of, walking the command tree.
fn what_to_complete(words: &[String], cword: usize) -> Option<Want> {
    let root = tree();
    let current = words.get(cword).map(String::as_str).unwrap_or("");
    if current.starts_with('-') {
        return None;
    }
    let mut cmd = &root;
    let mut positional = 0usize;
    let mut i = 1;
    let mut pending: Option<&clap::Arg> = None;
    while i < cword {
        let w = words[i].as_str();
        if pending.take().is_some() {
            i += 1;
            continue;
        }
        if let Some(flag) = w.strip_prefix("--") {
            if flag.contains('=') {
                i += 1;
                continue;
            }
            pending = cmd
                .get_arguments()
                .find(|a| a.get_long() == Some(flag))
                .filter(|a| a.get_action().takes_values());
        } else if let Some(short) = w.strip_prefix('-').filter(|s| s.len() == 1) {
            let c = short.chars().next();
            pending = cmd
                .get_arguments()
                .find(|a| a.get_short() == c)
                .filter(|a| a.get_action().takes_values());
        } else if let Some(sub) = cmd.get_subcommands().find(|s| s.get_name() == w) {
            cmd = sub;
            positional = 0;
        } else {
            positional += 1;
        }
        i += 1;
    }
    let name = cmd.get_name().to_string();
    let parent_command = |c: &Command| -> String {
        // The noun of `wijkdesk signal show`: the page name's second word.
        page_name(c).split('-').nth(1).unwrap_or(&name).to_string()
    };
    let noun = parent_command(cmd);
    if let Some(arg) = pending {
        return want_of(arg, &noun).or_else(|| looks_like_ref(current));
    }
    // A positional argument: the n-th one, or the last when it takes many.
    let positionals: Vec<&clap::Arg> = cmd.get_positionals().collect();
    let arg = positionals.get(positional).or_else(|| {
        positionals
            .last()
            .filter(|a| a.get_num_args().is_some_and(|n| n.max_values() > 1))
    })?;
    want_of(arg, &noun).or_else(|| looks_like_ref(current))
}

/// `S-4`, `s4`, `C-`: an ID being typed.
fn looks_like_ref(word: &str) -> Option<Want> {
    let mut chars = word.chars();
    let letter = chars.next()?;
    let rest: String = chars.collect();
    let rest = rest.strip_prefix('-').unwrap_or(&rest);
    if !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    RecordKind::ALL
        .into_iter()
        .find(|k| k.letter().eq_ignore_ascii_case(&letter))
        .map(Want::Record)
}

fn candidates(store: &Store, want: Want, current: &str) -> Vec<String> {
    let digits = |w: &str| -> Option<String> {
        let rest = w.get(1..)?.trim_start_matches('-');
        rest.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| rest.to_string())
    };
    let refs = |kind: RecordKind| -> Vec<String> {
        let typed = match current.chars().next() {
            Some(c) if c.eq_ignore_ascii_case(&kind.letter()) => digits(current),
            None => Some(String::new()),
            Some(c) if c.is_ascii_digit() => Some(current.to_string()),
            _ => None,
        };
        match typed {
            Some(d) => store
                .completion_refs(kind, &d)
                .map(|v| v.into_iter().map(|(r, _)| r).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    };
    let names = |orgs: bool| -> Vec<String> {
        if looks_like_ref(current).is_some() {
            return Vec::new();
        }
        store.completion_names(orgs, current).unwrap_or_default()
    };
    let mut out: Vec<String> = match want {
        Want::Record(kind) => refs(kind),
        Want::Org => {
            let mut v = names(true);
            v.extend(refs(RecordKind::Organisation));
            v
        }
        Want::Person => {
            let mut v = names(false);
            v.extend(refs(RecordKind::Person));
            v
        }
        Want::Owner => {
            let mut v = names(false);
            v.extend(names(true));
            v.extend(refs(RecordKind::Person));
            v.extend(refs(RecordKind::Organisation));
            v
        }
        Want::AnyRef => match looks_like_ref(current) {
            Some(Want::Record(kind)) => refs(kind),
            _ => Vec::new(),
        },
    };
    // Only what continues the word typed (IDs ignore case and the dash).
    let typed = current.to_lowercase();
    out.retain(|c| {
        let c = c.to_lowercase();
        c.starts_with(&typed) || c.replacen('-', "", 1).starts_with(&typed)
    });
    // An ID typed without its dash completes to the ID with it.
    out.dedup();
    out
}

/// The word as typed so far, without bash's quoting: `Bewoners\ D`, `'Bewoners D`.
fn unescape(word: &str) -> String {
    let word = word.strip_prefix(['\'', '"']).unwrap_or(word);
    let mut out = String::new();
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A word as bash reads it back: spaces and quotes escaped with a backslash.
fn bash_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            continue;
        }
        if " \t'\"\\$`!&|;()<>*?[]{}#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The bash script: clap's completion of commands and flags, and, for a value that
/// names a record, an organisation or a person, the candidates `wijkdesk complete`
/// reads from the database (the one --db names on the line, else $WIJKDESK_DB).
pub const BASH_RECORDS: &str = r#"
# Record IDs (S-42, C-12, O-7 …) and names of organisations and people, from the database.
_wijkdesk_records() {
    local found
    found=$("${COMP_WORDS[0]}" complete --cword "$COMP_CWORD" -- "${COMP_WORDS[@]}" 2>/dev/null)
    if [[ -n "$found" ]]; then
        mapfile -t COMPREPLY <<< "$found"
        return 0
    fi
    _wijkdesk "$@"
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _wijkdesk_records -o nosort -o bashdefault -o default wijkdesk
else
    complete -F _wijkdesk_records -o bashdefault -o default wijkdesk
fi
"#;

/// The database a completion reads: --db on the line being completed, else the default.
pub(super) fn db_on_line(words: &[String], fallback: PathBuf) -> PathBuf {
    words
        .windows(2)
        .find(|w| w[0] == "--db")
        .map(|w| PathBuf::from(&w[1]))
        .or_else(|| {
            words
                .iter()
                .find_map(|w| w.strip_prefix("--db=").map(PathBuf::from))
        })
        .unwrap_or(fallback)
}

impl CompleteArgs {
    pub(super) fn words(&self) -> &[String] {
        &self.words
    }
}

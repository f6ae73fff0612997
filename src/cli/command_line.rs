//! Reading this process's command line. The everyday start of the screens (`wijkdesk`,
//! perhaps with global options) is read by a parser of the global options alone:
//! building every command's definitions cost about 1 ms of each start.

use super::{Cli, Globals};
use clap::{Args, FromArgMatches, Parser};

impl Cli {
    /// The command line of this process, read. Opening the screens (global options at
    /// most, the everyday start) is read without building the definitions of every
    /// command, which cost about 1 ms of a start; anything else, including `--help`,
    /// `--version` and every mistake, is read by the whole parser.
    pub fn from_command_line() -> Result<Cli, clap::Error> {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        match Cli::screens_only(&args) {
            Some(cli) => Ok(cli),
            None => Cli::try_parse_from(args),
        }
    }

    /// `args` read as the screens with global options only, if that is what they are:
    /// the same definitions of those options, with no commands, help or version beside.
    fn screens_only(args: &[std::ffi::OsString]) -> Option<Cli> {
        let globals_only = Globals::augment_args(clap::Command::new("wijkdesk"))
            .disable_help_flag(true)
            .disable_version_flag(true);
        let matches = globals_only.try_get_matches_from(args).ok()?;
        let globals = Globals::from_arg_matches(&matches).ok()?;
        Some(Cli {
            globals,
            command: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("wijkdesk")
            .chain(words.iter().copied())
            .map(Into::into)
            .collect()
    }

    #[test]
    fn the_screens_are_read_as_the_whole_parser_reads_them() {
        for words in [
            &[][..],
            &["--db", "team.db"],
            &["--db=team.db", "--ascii"],
            &["--lang", "nl"],
            &["--lang=en", "--add-new", "--json-lines", "--db", "x y.db"],
        ] {
            let args = argv(words);
            let quick = Cli::screens_only(&args).expect("read as the screens");
            let whole = Cli::try_parse_from(&args).expect("the whole parser reads it");
            assert!(whole.command.is_none(), "{words:?}");
            assert_eq!(format!("{quick:?}"), format!("{whole:?}"), "{words:?}");
        }
    }

    #[test]
    fn commands_help_version_and_mistakes_go_to_the_whole_parser() {
        for words in [
            &["init"][..],
            &["--db", "team.db", "signal", "list"],
            &["--help"],
            &["-h"],
            &["--version"],
            &["-V"],
            &["--lang", "de"],
            &["--db"],
            &["--no-such-flag"],
            &["team.db"],
        ] {
            assert!(Cli::screens_only(&argv(words)).is_none(), "{words:?}");
        }
    }
}

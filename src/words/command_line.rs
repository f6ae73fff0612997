//! The command line's own refusals: flags that do not go together, files it reads or
//! writes, edits that change nothing. Flags, paths and commands are the same in both
//! languages; the operating system's own words for a failure are kept as they are.

use super::Lang;
use crate::domain::RecordKind;
use crate::domain::problem::Problem;

/// What an edit of a record of `kind` (`reference`) could be given, after "give".
fn change_hint(kind: RecordKind, reference: &str, en: bool) -> String {
    match (kind, en) {
        (RecordKind::Signal, true) => format!(
            "give at least one of --title, --text, --org, --district, --neighbourhood or --theme (see `wijkdesk signal show {reference}`)"
        ),
        (RecordKind::Signal, false) => format!(
            "geef ten minste een van --title, --text, --org, --district, --neighbourhood of --theme (zie `wijkdesk signal show {reference}`)"
        ),
        (RecordKind::Organisation, true) => {
            "give at least one field, e.g. --district Segbroek".into()
        }
        (RecordKind::Organisation, false) => {
            "geef ten minste een veld, bijv. --district Segbroek".into()
        }
        (RecordKind::Person, true) => "give at least one field, e.g. --role secretaris".into(),
        (RecordKind::Person, false) => "geef ten minste een veld, bijv. --role secretaris".into(),
        (RecordKind::Meeting, true) => {
            "give --title, --start, --add-org or another field (see --help)".into()
        }
        (RecordKind::Meeting, false) => {
            "geef --title, --start, --add-org of een ander veld (zie --help)".into()
        }
        (_, true) => "give at least one field (see --help)".into(),
        (_, false) => "geef ten minste een veld (zie --help)".into(),
    }
}

/// `p`, one of the command line's problems, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::NeedsFlag { flag, needs } => {
            if en {
                format!("{flag} needs {needs}")
            } else {
                format!("{flag} werkt alleen met {needs}")
            }
        }
        P::FlagOutOfRange {
            flag,
            value,
            min,
            max,
        } => {
            if en {
                format!("{flag} {value} is out of range ({min} to {max})")
            } else {
                format!("{flag} {value} valt buiten het bereik ({min} tot en met {max})")
            }
        }
        P::InactiveSinceAlone => {
            if en {
                "--inactive-since lists everyone inactive; leave out --org, --filter and --limit"
                    .into()
            } else {
                "--inactive-since toont iedereen die inactief is; laat --org, --filter en --limit weg"
                    .into()
            }
        }
        P::ExpectVersionOneMark => {
            if en {
                "--expect-version names the version of one mark: give one --org or one --person"
                    .into()
            } else {
                "--expect-version noemt de versie van één aanwezigheid: geef één --org of één --person"
                    .into()
            }
        }
        P::NoPersonForUser { user, mine } => match (mine, en) {
            (true, true) => format!(
                "--mine: no person has the username \"{user}\"; set it with `wijkdesk person edit P-4 --username {user}`"
            ),
            (true, false) => format!(
                "--mine: niemand heeft de gebruikersnaam \"{user}\"; stel die in met `wijkdesk person edit P-4 --username {user}`"
            ),
            (false, true) => format!(
                "no person has the username \"{user}\"; give --user NAME, or set it with `wijkdesk person edit P-4 --username {user}`"
            ),
            (false, false) => format!(
                "niemand heeft de gebruikersnaam \"{user}\"; geef --user NAAM, of stel die in met `wijkdesk person edit P-4 --username {user}`"
            ),
        },
        P::NoChangeGiven { kind, reference } => {
            let hint = change_hint(*kind, reference, en);
            if en {
                format!("nothing to change: {hint}")
            } else {
                format!("niets te wijzigen: {hint}")
            }
        }
        P::ChangedMeanwhile {
            reference,
            now,
            expected,
        } => {
            if en {
                format!(
                    "{reference} changed meanwhile (version {now}, expected {expected}); nothing was sent"
                )
            } else {
                format!(
                    "{reference} is intussen gewijzigd (versie {now}, verwacht {expected}); er is niets verstuurd"
                )
            }
        }
        P::ReceivedInFuture { date, today } => {
            if en {
                format!("the received date {date} is in the future (today is {today})")
            } else {
                format!("de ontvangstdatum {date} ligt in de toekomst (vandaag is {today})")
            }
        }
        P::NotSent { failed, outbox } => match (outbox, en) {
            (false, true) => format!("{failed} message(s) not sent"),
            (true, true) => format!(
                "{failed} message(s) not sent; they are kept in the outbox (wijkdesk mail retry --all)"
            ),
            (false, false) => format!("{failed} bericht(en) niet verstuurd"),
            (true, false) => format!(
                "{failed} bericht(en) niet verstuurd; ze blijven in de uitbak (wijkdesk mail retry --all)"
            ),
        },
        P::TermNotListed { problem, list } => {
            let said = super::say(problem, l);
            if en {
                format!("{said}; see `{list}`")
            } else {
                format!("{said}; zie `{list}`")
            }
        }
        P::NotUtf8Text { path } => {
            if en {
                format!("{path} is not UTF-8 text; save it as CSV UTF-8 and try again")
            } else {
                format!(
                    "{path} is geen UTF-8-tekst; sla het op als CSV UTF-8 en probeer het opnieuw"
                )
            }
        }
        P::FileLine { path, line, error } => {
            if en {
                format!("{path}: line {line}: {error}")
            } else {
                format!("{path}: regel {line}: {error}")
            }
        }
        P::NoNamesIn { path } => {
            if en {
                format!("{path} holds no names; nothing was added")
            } else {
                format!("{path} bevat geen namen; er is niets toegevoegd")
            }
        }
        P::OutputNotWritten { error } => {
            if en {
                format!("cannot write the output: {error}")
            } else {
                format!("kan de uitvoer niet schrijven: {error}")
            }
        }
        P::JsonNotWritten { error } => {
            if en {
                format!("cannot write JSON: {error}")
            } else {
                format!("kan de JSON niet maken: {error}")
            }
        }
        P::CannotRead { path, error } => {
            if en {
                format!("cannot read {path}: {error}")
            } else {
                format!("kan {path} niet lezen: {error}")
            }
        }
        P::CannotMakeFolder { path, error } => {
            if en {
                format!("cannot make {path}: {error}")
            } else {
                format!("kan de map {path} niet maken: {error}")
            }
        }
        P::ImportTooLarge { path, mb } => {
            if en {
                format!(
                    "{path} is larger than {mb} MB; an import file is a list of records, split it"
                )
            } else {
                format!(
                    "{path} is groter dan {mb} MB; een inleesbestand is een lijst van gegevens, splits het"
                )
            }
        }
        P::NoDatabase { path } => {
            if en {
                format!("no database at {path}; `wijkdesk init` creates one")
            } else {
                format!("geen database op {path}; `wijkdesk init` maakt er een")
            }
        }
        P::NotAMinutesLineRef { input } => {
            if en {
                format!(
                    "not a minutes line: \"{input}\" (expected e.g. M-5/3, line 3 of M-5; see `wijkdesk minutes list M-5`)"
                )
            } else {
                format!(
                    "geen notulenregel: \"{input}\" (verwacht bijv. M-5/3, regel 3 van M-5; zie `wijkdesk minutes list M-5`)"
                )
            }
        }
        P::NoAgendaItem { meeting, item, has } => match (has, en) {
            (None, true) => format!(
                "{meeting} has no agenda item {item} (see `wijkdesk meeting agenda {meeting}`)"
            ),
            (None, false) => format!(
                "{meeting} heeft geen agendapunt {item} (zie `wijkdesk meeting agenda {meeting}`)"
            ),
            (Some(n), true) => format!(
                "{meeting} has no agenda item {item} (it has {n}; see `wijkdesk meeting show {meeting}`)"
            ),
            (Some(n), false) => format!(
                "{meeting} heeft geen agendapunt {item} (het heeft er {n}; zie `wijkdesk meeting show {meeting}`)"
            ),
        },
        P::NotForAgenda { reference } => {
            if en {
                format!(
                    "{reference}: only signals (S-12), commitments (C-4), actions (A-3) and minutes lines (M-3/7) go on an agenda"
                )
            } else {
                format!(
                    "{reference}: alleen signalen (S-12), toezeggingen (C-4), acties (A-3) en notulenregels (M-3/7) kunnen een agendapunt worden"
                )
            }
        }
        P::AgendaItemAtEnd { item, first } => match (first, en) {
            (true, true) => format!("agenda item {item} is first already"),
            (false, true) => format!("agenda item {item} is last already"),
            (true, false) => format!("agendapunt {item} staat al bovenaan"),
            (false, false) => format!("agendapunt {item} staat al onderaan"),
        },
        P::NoCommand { command, commands } => {
            let commands = commands.join(", ");
            if en {
                format!("no command \"{command}\"; the commands here are: {commands}")
            } else {
                format!("geen opdracht \"{command}\"; de opdrachten hier zijn: {commands}")
            }
        }
        P::SvgNeedsChart { charts } => {
            if en {
                format!("--format svg draws one chart: add --chart ({charts})")
            } else {
                format!("--format svg tekent één grafiek: geef --chart ({charts})")
            }
        }
        P::NoSuchChart { report, chart, has } => {
            if en {
                format!(
                    "report {report} has no chart {chart}; it has {has} (report all has every chart)"
                )
            } else {
                format!(
                    "rapport {report} heeft geen grafiek {chart}; het heeft {has} (rapport all heeft elke grafiek)"
                )
            }
        }
        P::OutputOnlyPictures { path } => {
            if en {
                format!(
                    "-o {path} writes --format html or svg; send other formats to a file with > {path}"
                )
            } else {
                format!(
                    "-o {path} schrijft --format html of svg; stuur andere formaten naar een bestand met > {path}"
                )
            }
        }
        P::EraseNeedsYes { reference } => {
            if en {
                format!(
                    "erasing {reference} cannot be undone; export it first (wijkdesk person export {reference}) and add --yes"
                )
            } else {
                format!(
                    "wissen van {reference} is niet terug te draaien; exporteer eerst (wijkdesk person export {reference}) en geef --yes"
                )
            }
        }
        P::DemoNeedsEmpty { path, orgs } => {
            if en {
                format!(
                    "{path} already holds {orgs} organisation{}; the demo data goes into an empty database \
                     (use --db to choose another file, or --force to add it anyway)",
                    if *orgs == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{path} bevat al {orgs} {}; de demogegevens gaan in een lege database \
                     (kies met --db een ander bestand, of voeg ze met --force toch toe)",
                    if *orgs == 1 {
                        "organisatie"
                    } else {
                        "organisaties"
                    }
                )
            }
        }
        P::DemoHalfWritten { path, problem } => {
            let said = super::say(problem, l);
            if en {
                format!("{said}; {path} may be half written: delete it and run the command again")
            } else {
                format!(
                    "{said}; {path} is misschien half geschreven: verwijder het en voer de opdracht opnieuw uit"
                )
            }
        }
        P::FeedbackMailNotGiven {
            to,
            id,
            sent,
            error,
        } => {
            let error = error.as_deref();
            match (sent, en) {
                (true, true) => format!(
                    "sent to {to} (outbox {id}), but not recorded: {}",
                    error.unwrap_or("")
                ),
                (true, false) => format!(
                    "verstuurd naar {to} (uitbak {id}), maar niet vastgelegd: {}",
                    error.unwrap_or("")
                ),
                (false, true) => format!(
                    "not sent: {}; kept in the outbox as {id} (wijkdesk mail retry {id})",
                    error.unwrap_or("no answer")
                ),
                (false, false) => format!(
                    "niet verstuurd: {}; bewaard in de uitbak als {id} (wijkdesk mail retry {id})",
                    error.unwrap_or("geen antwoord")
                ),
            }
        }
        P::NothingImported { lines } => {
            let n = lines.len();
            let which = lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            match (n, en) {
                (1, true) => format!("nothing was imported: 1 line cannot be taken (line {which})"),
                (_, true) => {
                    format!("nothing was imported: {n} lines cannot be taken (line {which})")
                }
                (1, false) => {
                    format!(
                        "er is niets ingelezen: 1 regel kan niet worden overgenomen (regel {which})"
                    )
                }
                (_, false) => format!(
                    "er is niets ingelezen: {n} regels kunnen niet worden overgenomen (regel {which})"
                ),
            }
        }
        P::CheckFound { path, problems } => match (problems, en) {
            (1, true) => format!("{path}: 1 problem found"),
            (n, true) => format!("{path}: {n} problems found"),
            (1, false) => format!("{path}: 1 probleem gevonden"),
            (n, false) => format!("{path}: {n} problemen gevonden"),
        },
        P::ChartNotDrawn { chart, error } => {
            if en {
                format!("chart {chart}: {error}")
            } else {
                format!("grafiek {chart}: {error}")
            }
        }
        P::SnapshotTooSmall { width, height } => {
            if en {
                format!("a snapshot needs at least 20 columns and 6 rows, not {width}x{height}")
            } else {
                format!(
                    "een momentopname vraagt minstens 20 kolommen en 6 regels, niet {width}x{height}"
                )
            }
        }
        P::NoScreen { name, screens } => {
            let screens = screens.join(", ");
            if en {
                format!("no screen called \"{name}\"; choose one of: {screens}")
            } else {
                format!("geen scherm met de naam \"{name}\"; kies een van: {screens}")
            }
        }
        P::MinutesHaveProblems { meeting, lines } => {
            let each = lines
                .iter()
                .map(|(position, problems)| {
                    let said = l.problems(problems, ", ");
                    let said = crate::domain::text::visible(&said);
                    if en {
                        format!("line {position}: {said}")
                    } else {
                        format!("regel {position}: {said}")
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            let first = lines.first().map(|(p, _)| *p).unwrap_or(1);
            match (lines.len(), en) {
                (1, true) => format!(
                    "{meeting} not finalised: 1 line still has problems ({each}); fix with `wijkdesk minutes edit {meeting}/{first} \"…\"`, or finalise anyway with --force"
                ),
                (n, true) => format!(
                    "{meeting} not finalised: {n} lines still have problems ({each}); fix with `wijkdesk minutes edit {meeting}/{first} \"…\"`, or finalise anyway with --force"
                ),
                (1, false) => format!(
                    "{meeting} is niet definitief gemaakt: 1 regel heeft nog problemen ({each}); herstel met `wijkdesk minutes edit {meeting}/{first} \"…\"`, of maak toch definitief met --force"
                ),
                (n, false) => format!(
                    "{meeting} is niet definitief gemaakt: {n} regels hebben nog problemen ({each}); herstel met `wijkdesk minutes edit {meeting}/{first} \"…\"`, of maak toch definitief met --force"
                ),
            }
        }
        _ => unreachable!("command_line::problem is called for its own problems only"),
    }
}

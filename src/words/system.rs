//! Files, a busy database and failures the program cannot explain further.

use super::Lang;
use crate::domain::Problem;
use crate::domain::problem::{Activity, DbTrouble, Holder};

/// Who holds the database and since when, in `l` ("jan: import of 40 rows, since
/// 21:03"). A record an older wijkdesk left is said as it was written.
pub(super) fn holder(h: &Holder, l: Lang) -> String {
    let en = l == Lang::En;
    match h {
        Holder::Stated { text } => text.clone(),
        Holder::Writer {
            who,
            activity,
            since,
        } => {
            let what = match (activity, en) {
                (Activity::Import { rows }, true) => format!("import of {rows} rows"),
                (Activity::Import { rows }, false) => format!("inlezen van {rows} rijen"),
                (Activity::DemoData, true) => "generating demo data".to_string(),
                (Activity::DemoData, false) => "demogegevens aanmaken".to_string(),
            };
            let since = since.format("%H:%M");
            if en {
                format!("{who}: {what}, since {since}")
            } else {
                format!("{who}: {what}, sinds {since}")
            }
        }
    }
}

/// " (holder)", or nothing when no one is named.
fn holder_(h: Option<&Holder>, l: Lang) -> String {
    h.map(|h| format!(" ({})", holder(h, l)))
        .unwrap_or_default()
}

/// `p`, one of the problems above, in `l`.
pub(super) fn problem(p: &Problem, l: Lang) -> String {
    use Problem as P;
    let en = l == Lang::En;
    match p {
        P::FileExists { path } => {
            if en {
                format!("{path} exists already; choose a new file name")
            } else {
                format!("{path} bestaat al; kies een nieuwe bestandsnaam")
            }
        }
        P::NotAFileName { path } => {
            if en {
                format!("{path} is not a file name")
            } else {
                format!("{path} is geen bestandsnaam")
            }
        }
        P::PathNotUtf8 => {
            if en {
                "backup path is not valid UTF-8".into()
            } else {
                "het pad voor de reservekopie is geen geldige UTF-8".into()
            }
        }
        P::CannotCreateIn { dir, error } => {
            if en {
                format!("cannot create a file in {dir}: {error}")
            } else {
                format!("kan geen bestand maken in {dir}: {error}")
            }
        }
        P::CannotWrite {
            path,
            error,
            disk_full_hint,
        } => match (disk_full_hint, en) {
            (true, true) => format!("cannot write {path}: {error} (is the disk full?)"),
            (false, true) => format!("cannot write {path}: {error}"),
            (true, false) => format!("kan {path} niet schrijven: {error} (is de schijf vol?)"),
            (false, false) => format!("kan {path} niet schrijven: {error}"),
        },
        P::Busy {
            holder,
            waited_secs,
            screens,
        } => {
            let who = holder_(holder.as_ref(), l);
            match (screens, en) {
                (true, true) => format!(
                    "another user's change{who} is holding the database: nothing was saved yet and nothing you typed is lost; try again in a moment"
                ),
                (false, true) => format!(
                    "another user's change{who} held the database for {waited_secs} s; nothing was changed, repeat the command when it is done (WIJKDESK_LOCK_WAIT=SECONDS waits longer)"
                ),
                (true, false) => format!(
                    "de wijziging van een andere gebruiker{who} houdt de database vast: er is nog niets opgeslagen en niets van wat je typte gaat verloren; probeer het zo opnieuw"
                ),
                (false, false) => format!(
                    "de wijziging van een andere gebruiker{who} hield de database {waited_secs} s vast; er is niets gewijzigd, herhaal de opdracht als die klaar is (WIJKDESK_LOCK_WAIT=SECONDEN wacht langer)"
                ),
            }
        }
        P::Failure { error } => {
            if en {
                error.clone()
            } else {
                format!("het lukte niet: {error}")
            }
        }
        P::CannotCreate { path, error } => {
            if en {
                format!("cannot create {path}: {error}")
            } else {
                format!("kan {path} niet maken: {error}")
            }
        }
        P::Waiting { holder, limit_secs } => {
            let who = holder_(holder.as_ref(), l);
            if en {
                format!(
                    "waiting for another user's change{who} to finish; giving up after {limit_secs} s"
                )
            } else {
                format!(
                    "wacht tot de wijziging van een andere gebruiker{who} klaar is; geeft het na {limit_secs} s op"
                )
            }
        }
        P::Held {
            holder,
            waited_secs,
        } => {
            let who = holder_(holder.as_ref(), l);
            if en {
                format!("another user's change{who} held the database for {waited_secs} s")
            } else {
                format!(
                    "de wijziging van een andere gebruiker{who} hield de database {waited_secs} s vast"
                )
            }
        }
        P::ReadOnlyPlace { path, folder } => match (folder, en) {
            (false, true) => format!(
                "{path} is read-only for you; wijkdesk needs to write to it (ask for write access or use a copy)"
            ),
            (true, true) => format!(
                "the folder {path} is read-only for you; wijkdesk needs to write the database and its -wal and -shm files there"
            ),
            (false, false) => format!(
                "{path} is voor jou alleen-lezen; wijkdesk moet erin kunnen schrijven (vraag om schrijfrechten of gebruik een kopie)"
            ),
            (true, false) => format!(
                "de map {path} is voor jou alleen-lezen; wijkdesk moet daar de database en de bestanden -wal en -shm kunnen schrijven"
            ),
        },
        P::NoSpace { path, free } => {
            let free = amount(*free);
            if en {
                format!(
                    "the disk that holds {path} is full ({free} free for you): free some space there and try again; nothing was changed"
                )
            } else {
                format!(
                    "de schijf waarop {path} staat is vol ({free} vrij voor jou): maak daar ruimte vrij en probeer het opnieuw; er is niets gewijzigd"
                )
            }
        }
        P::Damaged { path, error } => {
            if en {
                format!(
                    "{path} is damaged (SQLite: {error}); nothing was changed. Restore it from the last backup: see \"Backup and restore\" in docs/operations.md"
                )
            } else {
                format!(
                    "{path} is beschadigd (SQLite: {error}); er is niets gewijzigd. Zet de laatste reservekopie terug: zie \"Backup and restore\" in docs/operations.md"
                )
            }
        }
        P::IsADirectory { path } => {
            if en {
                format!("{path} is a directory, not a database file")
            } else {
                format!("{path} is een map, geen databasebestand")
            }
        }
        P::CannotOpen { path, error } => {
            if en {
                format!("cannot open {path}: {error}")
            } else {
                format!("kan {path} niet openen: {error}")
            }
        }
        P::CannotLock { path, error } => {
            if en {
                format!("cannot lock {path}: {error}")
            } else {
                format!("kan {path} niet vergrendelen: {error}")
            }
        }
        P::CannotSync { path, error } => {
            if en {
                format!("cannot sync {path}: {error}")
            } else {
                format!("kan {path} niet naar de schijf schrijven: {error}")
            }
        }
        P::NotSqlite { path } => {
            if en {
                format!("{path} is not a wijkdesk database (not an SQLite file)")
            } else {
                format!("{path} is geen wijkdesk-database (geen SQLite-bestand)")
            }
        }
        P::OtherApplication { path } => {
            if en {
                format!(
                    "{path} is not a wijkdesk database (it is an SQLite file of another application); refusing to touch it"
                )
            } else {
                format!(
                    "{path} is geen wijkdesk-database (het is een SQLite-bestand van een ander programma); het blijft onaangeroerd"
                )
            }
        }
        P::SchemaNewer { found, understood } => {
            if en {
                format!(
                    "this database has schema version {found}, newer than this wijkdesk understands ({understood}); upgrade wijkdesk"
                )
            } else {
                format!(
                    "deze database heeft schemaversie {found}, nieuwer dan deze versie van het programma begrijpt ({understood}); installeer een nieuwere wijkdesk"
                )
            }
        }
        P::NoWal { path, mode } => {
            if en {
                format!("cannot switch {path} to WAL mode (got {mode})")
            } else {
                format!("kan {path} niet in WAL-modus zetten (SQLite gaf {mode})")
            }
        }
        P::InUse { path } => {
            if en {
                format!(
                    "{path} is in use by another process; a demo load into a new file needs it alone"
                )
            } else {
                format!(
                    "{path} is in gebruik door een ander proces; demogegevens in een nieuw bestand laden kan alleen als niemand anders het open heeft"
                )
            }
        }
        P::Database { trouble, error } => match (trouble, en) {
            (DbTrouble::Busy, true) => "another user's change held the database too long; nothing was changed, repeat the command when it is done".into(),
            (DbTrouble::Busy, false) => "de wijziging van een andere gebruiker hield de database te lang vast; er is niets gewijzigd, herhaal de opdracht als die klaar is".into(),
            (DbTrouble::ReadOnly, true) => "the database file is read-only for you; nothing was changed".into(),
            (DbTrouble::ReadOnly, false) => "het databasebestand is voor jou alleen-lezen; er is niets gewijzigd".into(),
            (DbTrouble::DiskFull, true) => "the disk is full; nothing was changed".into(),
            (DbTrouble::DiskFull, false) => "de schijf is vol; er is niets gewijzigd".into(),
            (DbTrouble::NotADatabase, true) => "the file is not a wijkdesk database".into(),
            (DbTrouble::NotADatabase, false) => "het bestand is geen wijkdesk-database".into(),
            (DbTrouble::Corrupt, true) => format!(
                "the database file is damaged (SQLite: {error}); nothing was changed. Run `wijkdesk check` and restore the last backup: see \"Backup and restore\" in docs/operations.md"
            ),
            (DbTrouble::Corrupt, false) => format!(
                "het databasebestand is beschadigd (SQLite: {error}); er is niets gewijzigd. Draai `wijkdesk check` en zet de laatste reservekopie terug: zie \"Backup and restore\" in docs/operations.md"
            ),
            (DbTrouble::CannotOpen, true) => format!("cannot open the database: {error}"),
            (DbTrouble::CannotOpen, false) => format!("kan de database niet openen: {error}"),
            (DbTrouble::Other, true) => format!("database error: {error}"),
            (DbTrouble::Other, false) => format!("databasefout: {error}"),
        },
        P::CsvNotWritten { error } => {
            if en {
                format!("cannot write CSV: {error}")
            } else {
                format!("kan de CSV niet maken: {error}")
            }
        }
        P::WrittenNotSent { path, problem } => {
            if en {
                format!("written to {path}, but {}", super::say(problem, l))
            } else {
                format!("geschreven naar {path}, maar {}", super::say(problem, l))
            }
        }
        _ => unreachable!("system::problem is called for its own problems only"),
    }
}

/// An amount of disk space as people read it: "512 bytes", "12 KiB", "3.4 MiB".
fn amount(bytes: u64) -> String {
    const KIB: u64 = 1024;
    match bytes {
        b if b < KIB => format!("{b} bytes"),
        b if b < KIB * KIB => format!("{} KiB", b / KIB),
        b => format!("{:.1} MiB", b as f64 / (KIB * KIB) as f64),
    }
}

//! `wijkdesk meeting attend`: mark who came, organisations and people: the
//! organisations' people and the municipality's own staff alike.

use crate::cli::output::Out;
use crate::cli::{CliError, Expect, Result, id_of};
use crate::domain::Problem;
use crate::domain::RecordKind;
use crate::store::Store;
use clap::{ArgGroup, Args};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).multiple(true).args(["orgs", "people"])))]
pub struct AttendArgs {
    /// M-5 or 5
    meeting: String,
    /// An organisation (O-7 or a unique prefix of its name); repeat for more
    #[arg(long = "org", value_name = "ORG")]
    orgs: Vec<String>,
    /// A person (P-4, a username or a unique prefix of a name), of an organisation or
    /// of the municipality's staff; repeat for more
    #[arg(long = "person", value_name = "PERSON")]
    people: Vec<String>,
    /// They did not come
    #[arg(long, conflicts_with = "unknown")]
    absent: bool,
    /// Invited; whether they came is not known
    #[arg(long)]
    unknown: bool,
    /// With one organisation or person: refuse when their mark is no longer at
    /// version N (`meeting show --json`; 0: not on the list yet)
    #[command(flatten)]
    expect: Expect,
}

pub(super) fn attend(a: AttendArgs, store: &mut Store, out: &mut Out) -> Result<()> {
    let id = id_of(RecordKind::Meeting, &a.meeting)?;
    if a.expect.expect_version.is_some() && a.orgs.len() + a.people.len() != 1 {
        return Err(CliError::Said(Problem::ExpectVersionOneMark));
    }
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
        store.set_attendance(id, org, attended, a.expect.expect_version)?;
        out.line(format!("{}: {}", store.org(org)?.name, word))?;
    }
    for p in people {
        store.set_person_attendance(id, p, attended, a.expect.expect_version)?;
        out.line(format!("{}: {}", store.person(p)?.name, word))?;
    }
    Ok(())
}

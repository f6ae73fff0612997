//! Organisations: the three kinds the municipality works with.

use super::Refusal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Meetings per 90 days above which an organisation is asked too much (participatiemoe).
pub const LOAD_THRESHOLD: i64 = 6;

/// The cadence a new organisation gets: met twice a year.
pub const DEFAULT_CADENCE: i64 = 2;

/// A residents' organisation, a municipal service or a partner (police, welfare, housing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Residents,
    Service,
    Partner,
}

impl OrgKind {
    pub const ALL: [OrgKind; 3] = [OrgKind::Residents, OrgKind::Service, OrgKind::Partner];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Residents => "residents",
            OrgKind::Service => "service",
            OrgKind::Partner => "partner",
        }
    }

    pub fn from_code(s: &str) -> Option<OrgKind> {
        match s.trim().to_lowercase().as_str() {
            "residents" | "resident" | "bewoners" | "bo" => Some(OrgKind::Residents),
            "service" | "dienst" => Some(OrgKind::Service),
            "partner" => Some(OrgKind::Partner),
            _ => None,
        }
    }
}

/// The kind written in a form or on the command line; none given is a residents'
/// organisation.
pub fn parse_kind(kind: Option<&str>) -> Result<OrgKind, Refusal> {
    match kind {
        None => Ok(OrgKind::Residents),
        Some(k) => OrgKind::from_code(k).ok_or_else(|| {
            Refusal::new(super::Problem::UnknownOrgKind {
                value: k.to_string(),
            })
        }),
    }
}

/// An organisation's address: something with an `@` inside, no spaces.
pub fn check_email(email: Option<&str>) -> Result<(), Refusal> {
    if let Some(e) = email
        && (!e.contains('@')
            || e.contains(char::is_whitespace)
            || e.starts_with('@')
            || e.ends_with('@'))
    {
        return Err(Refusal::new(super::Problem::NotEmail {
            value: e.to_string(),
        }));
    }
    Ok(())
}

/// Meetings a year: from none to one a week.
pub fn check_cadence(cadence: i64) -> Result<(), Refusal> {
    if (0..=52).contains(&cadence) {
        Ok(())
    } else {
        Err(Refusal::new(super::Problem::CadenceRange {
            value: cadence,
        }))
    }
}

/// Residents' organisations expect to be met `cadence` times a year; services and
/// partners are not on a cadence. `last` is the last meeting, never feedback.
pub fn cadence_overdue(
    kind: OrgKind,
    cadence: i64,
    last: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    use super::report::{CadenceStatus, cadence_status};
    kind == OrgKind::Residents
        && matches!(
            cadence_status(cadence, last, today),
            CadenceStatus::NeverMet | CadenceStatus::Overdue(_)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_fields_are_checked() {
        assert_eq!(parse_kind(None), Ok(OrgKind::Residents));
        assert_eq!(parse_kind(Some("dienst")), Ok(OrgKind::Service));
        assert!(parse_kind(Some("club")).is_err());
        assert!(check_email(Some("info@wijk.nl")).is_ok());
        for bad in ["info", "@wijk.nl", "info@", "in fo@wijk.nl"] {
            assert!(check_email(Some(bad)).is_err(), "{bad}");
        }
        assert!(check_cadence(0).is_ok() && check_cadence(52).is_ok());
        assert_eq!(
            check_cadence(53).unwrap_err().to_string(),
            "cadence must be 0 to 52 meetings a year, not 53"
        );
    }
}

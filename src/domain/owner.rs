//! Who may own a signal, a commitment or an action: staff, that is a person of a
//! service or a partner organisation, or a service itself. A residents' organisation
//! raises signals and is promised things; it never owns the municipality's work.

use super::org::OrgKind;
use super::{RecordRef, Refusal};
use crate::domain::Problem;
use serde::Serialize;

/// Who is responsible for a signal, commitment or action: a person, a service
/// (organisation), or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Owner {
    pub person_id: Option<i64>,
    pub org_id: Option<i64>,
}

impl Owner {
    /// True when someone is named: a person, a service or both.
    pub fn is_named(&self) -> bool {
        self.person_id.is_some() || self.org_id.is_some()
    }
}

/// What a would-be owner is, as far as the rule needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate<'a> {
    Person {
        reference: RecordRef,
        name: &'a str,
        /// The organisation the person belongs to: its name and kind.
        org: Option<(&'a str, OrgKind)>,
        erased: bool,
    },
    Organisation {
        reference: RecordRef,
        name: &'a str,
        kind: OrgKind,
    },
}

/// Whether `c` may own work; if not, why, in words a user can act on.
pub fn may_own(c: &Candidate) -> Result<(), Refusal> {
    match *c {
        Candidate::Person {
            erased: true,
            reference,
            ..
        } => Err(Refusal::new(Problem::OwnerErased {
            reference: reference.to_string(),
        })),
        Candidate::Person {
            org: Some((_, OrgKind::Service | OrgKind::Partner)),
            ..
        } => Ok(()),
        Candidate::Person {
            reference,
            name,
            org: Some((org, OrgKind::Residents)),
            ..
        } => Err(Refusal::new(Problem::OwnerInResidentsOrg {
            name: name.to_string(),
            reference: reference.to_string(),
            org: org.to_string(),
        })),
        Candidate::Person {
            reference,
            name,
            org: None,
            ..
        } => Err(Refusal::new(Problem::OwnerWithoutOrg {
            name: name.to_string(),
            reference: reference.to_string(),
        })),
        Candidate::Organisation {
            kind: OrgKind::Service,
            ..
        } => Ok(()),
        Candidate::Organisation {
            reference,
            name,
            kind: OrgKind::Residents,
        } => Err(Refusal::new(Problem::OwnerIsResidentsOrg {
            name: name.to_string(),
            reference: reference.to_string(),
        })),
        Candidate::Organisation {
            reference,
            name,
            kind: OrgKind::Partner,
        } => Err(Refusal::new(Problem::OwnerIsPartner {
            name: name.to_string(),
            reference: reference.to_string(),
        })),
    }
}

/// Whether `c` may own work: [`may_own`] without building the reason (cheap enough to
/// sort thousands of people by).
pub fn is_eligible(c: &Candidate) -> bool {
    matches!(
        c,
        Candidate::Person {
            erased: false,
            org: Some((_, OrgKind::Service | OrgKind::Partner)),
            ..
        } | Candidate::Organisation {
            kind: OrgKind::Service,
            ..
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RecordKind;

    fn person(org: Option<(&'static str, OrgKind)>, erased: bool) -> Candidate<'static> {
        Candidate::Person {
            reference: RecordRef::new(RecordKind::Person, 4),
            name: "Anna de Vries",
            org,
            erased,
        }
    }

    fn org(kind: OrgKind) -> Candidate<'static> {
        Candidate::Organisation {
            reference: RecordRef::new(RecordKind::Organisation, 7),
            name: "Wijkberaad Zeeheld",
            kind,
        }
    }

    #[test]
    fn is_eligible_agrees_with_may_own() {
        let orgs = [
            None,
            Some(("X", OrgKind::Residents)),
            Some(("X", OrgKind::Service)),
            Some(("X", OrgKind::Partner)),
        ];
        for org in orgs {
            for erased in [false, true] {
                let c = person(org, erased);
                assert_eq!(is_eligible(&c), may_own(&c).is_ok(), "{c:?}");
            }
        }
        for kind in OrgKind::ALL {
            let c = self::org(kind);
            assert_eq!(is_eligible(&c), may_own(&c).is_ok(), "{c:?}");
        }
    }

    #[test]
    fn staff_and_services_may_own() {
        assert!(is_eligible(&person(Some(("DSO", OrgKind::Service)), false)));
        assert!(is_eligible(&person(
            Some(("Politie", OrgKind::Partner)),
            false
        )));
        assert!(is_eligible(&org(OrgKind::Service)));
    }

    #[test]
    fn residents_partners_as_such_and_the_unattached_may_not() {
        let e = may_own(&person(
            Some(("Wijkberaad Zeeheld", OrgKind::Residents)),
            false,
        ))
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "Anna de Vries (P-4) belongs to Wijkberaad Zeeheld, a residents' organisation: \
             an owner is a person of a service or partner organisation, or a service"
        );
        assert!(
            may_own(&person(None, false))
                .unwrap_err()
                .to_string()
                .contains("no organisation")
        );
        assert!(
            may_own(&person(Some(("DSO", OrgKind::Service)), true))
                .unwrap_err()
                .to_string()
                .contains("erased")
        );
        assert!(
            may_own(&org(OrgKind::Residents))
                .unwrap_err()
                .to_string()
                .contains("residents' organisation")
        );
        assert!(
            may_own(&org(OrgKind::Partner))
                .unwrap_err()
                .to_string()
                .contains("partner")
        );
        for e in [
            may_own(&person(None, false)),
            may_own(&org(OrgKind::Residents)),
            may_own(&org(OrgKind::Partner)),
        ] {
            assert!(!e.unwrap_err().to_string().contains('\n'), "one line");
        }
    }
}

//! Organisations: the three kinds the municipality works with.

use serde::{Deserialize, Serialize};

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

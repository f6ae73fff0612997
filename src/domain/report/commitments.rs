//! Commitments by outcome: in total, per service and per organisation.

use super::table::{Cell, Rows, Table};
use super::{Lang, ReportFilter, percent, percent_text};
use crate::domain::commitment::Outcome;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// How a commitment ended up, as reports count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentOutcome {
    KeptOnTime,
    KeptLate,
    Broken,
    OpenOverdue,
    Open,
    Withdrawn,
}

impl CommitmentOutcome {
    pub const ALL: [CommitmentOutcome; 6] = [
        CommitmentOutcome::KeptOnTime,
        CommitmentOutcome::KeptLate,
        CommitmentOutcome::Broken,
        CommitmentOutcome::OpenOverdue,
        CommitmentOutcome::Open,
        CommitmentOutcome::Withdrawn,
    ];

    pub fn of(o: Outcome) -> CommitmentOutcome {
        use Outcome as O;
        match o {
            O::KeptOnTime => CommitmentOutcome::KeptOnTime,
            O::KeptLate => CommitmentOutcome::KeptLate,
            O::Broken => CommitmentOutcome::Broken,
            O::OpenOverdue => CommitmentOutcome::OpenOverdue,
            O::Open => CommitmentOutcome::Open,
            O::Withdrawn => CommitmentOutcome::Withdrawn,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => "kept_on_time",
            CommitmentOutcome::KeptLate => "kept_late",
            CommitmentOutcome::Broken => "broken",
            CommitmentOutcome::OpenOverdue => "open_overdue",
            CommitmentOutcome::Open => "open",
            CommitmentOutcome::Withdrawn => "withdrawn",
        }
    }

    pub fn from_key(key: &str) -> Option<CommitmentOutcome> {
        CommitmentOutcome::ALL.into_iter().find(|o| o.key() == key)
    }

    /// A column header: "On time", "Late", …
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => lang.pick("On time", "Op tijd"),
            CommitmentOutcome::KeptLate => lang.pick("Late", "Te laat"),
            CommitmentOutcome::Broken => lang.pick("Broken", "Gebroken"),
            CommitmentOutcome::OpenOverdue => lang.pick("Overdue", "Over tijd"),
            CommitmentOutcome::Open => lang.pick("Open", "Open"),
            CommitmentOutcome::Withdrawn => lang.pick("Withdrawn", "Ingetrokken"),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CommitmentOutcome::KeptOnTime => lang.pick("Kept on time", "Op tijd nagekomen"),
            CommitmentOutcome::KeptLate => lang.pick("Kept late", "Te laat nagekomen"),
            CommitmentOutcome::Broken => lang.pick("Broken", "Niet nagekomen"),
            CommitmentOutcome::OpenOverdue => lang.pick("Open, overdue", "Open, over tijd"),
            CommitmentOutcome::Open => lang.pick("Open", "Open"),
            CommitmentOutcome::Withdrawn => lang.pick("Withdrawn", "Ingetrokken"),
        }
    }
}

/// What the commitments report needs of one commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentFact {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub service_id: Option<i64>,
    pub service_name: Option<String>,
    /// The promise (first due date): the report's period is applied to it.
    pub due: NaiveDate,
    /// How often the due date moved later, and by how many days in all.
    pub moves: usize,
    pub days_moved: i64,
    pub outcome: CommitmentOutcome,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OutcomeCounts {
    pub kept_on_time: usize,
    pub kept_late: usize,
    pub broken: usize,
    pub open_overdue: usize,
    pub open: usize,
    pub withdrawn: usize,
    pub total: usize,
    /// Kept on time out of kept, broken and open overdue.
    pub kept_on_time_percent: Option<f64>,
    /// Commitments whose due date moved, how often in all, and the days from their
    /// promises to their dates in force.
    pub moved: usize,
    pub moves: usize,
    pub days_moved: i64,
}

impl OutcomeCounts {
    fn add_fact(&mut self, c: &CommitmentFact) {
        self.add(c.outcome);
        if c.moves > 0 {
            self.moved += 1;
            self.moves += c.moves;
            self.days_moved += c.days_moved;
        }
    }

    /// "3×, 41 days in all", or "-" when nothing moved.
    pub fn moves_text(&self, lang: Lang) -> String {
        if self.moves == 0 {
            return "-".to_string();
        }
        format!(
            "{}×, {} {}",
            self.moves,
            self.days_moved,
            lang.pick("days in all", "dagen in totaal")
        )
    }

    fn add(&mut self, o: CommitmentOutcome) {
        match o {
            CommitmentOutcome::KeptOnTime => self.kept_on_time += 1,
            CommitmentOutcome::KeptLate => self.kept_late += 1,
            CommitmentOutcome::Broken => self.broken += 1,
            CommitmentOutcome::OpenOverdue => self.open_overdue += 1,
            CommitmentOutcome::Open => self.open += 1,
            CommitmentOutcome::Withdrawn => self.withdrawn += 1,
        }
        self.total += 1;
        let decided = self.kept_on_time + self.kept_late + self.broken + self.open_overdue;
        self.kept_on_time_percent = percent(self.kept_on_time, decided);
    }

    /// Counts made elsewhere (the store's kept figures): by outcome in the order of
    /// [`CommitmentOutcome::ALL`], with the moves.
    pub fn from_counts(
        by_outcome: [usize; 6],
        moved: usize,
        moves: usize,
        days_moved: i64,
    ) -> OutcomeCounts {
        let [
            kept_on_time,
            kept_late,
            broken,
            open_overdue,
            open,
            withdrawn,
        ] = by_outcome;
        let decided = kept_on_time + kept_late + broken + open_overdue;
        OutcomeCounts {
            kept_on_time,
            kept_late,
            broken,
            open_overdue,
            open,
            withdrawn,
            total: by_outcome.iter().sum(),
            kept_on_time_percent: percent(kept_on_time, decided),
            moved,
            moves,
            days_moved,
        }
    }

    pub fn get(&self, o: CommitmentOutcome) -> usize {
        match o {
            CommitmentOutcome::KeptOnTime => self.kept_on_time,
            CommitmentOutcome::KeptLate => self.kept_late,
            CommitmentOutcome::Broken => self.broken,
            CommitmentOutcome::OpenOverdue => self.open_overdue,
            CommitmentOutcome::Open => self.open,
            CommitmentOutcome::Withdrawn => self.withdrawn,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCounts {
    /// `O-3`, or empty for commitments without a service.
    pub key: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: OutcomeCounts,
}

impl GroupCounts {
    /// A service's row: `O-3`, or "(no service)" for commitments without one.
    pub fn service(
        id: Option<i64>,
        name: Option<String>,
        counts: OutcomeCounts,
        lang: Lang,
    ) -> GroupCounts {
        GroupCounts {
            key: id.map(|s| format!("O-{s}")).unwrap_or_default(),
            name: name.unwrap_or_else(|| lang.pick("(no service)", "(geen dienst)").to_string()),
            counts,
        }
    }

    /// An organisation's row.
    pub fn org(id: i64, name: String, counts: OutcomeCounts) -> GroupCounts {
        GroupCounts {
            key: format!("O-{id}"),
            name,
            counts,
        }
    }
}

/// Those without a service last, then by name; by key where names are alike.
fn sorted(groups: impl Iterator<Item = GroupCounts>) -> Vec<GroupCounts> {
    let mut v: Vec<GroupCounts> = groups.collect();
    v.sort_by_cached_key(|g| (g.key.is_empty(), g.name.to_lowercase(), g.key.clone()));
    v
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentsReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub totals: OutcomeCounts,
    pub per_service: Vec<GroupCounts>,
    pub per_organisation: Vec<GroupCounts>,
}

#[derive(Debug, Clone)]
pub struct CommitmentFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub commitments: Vec<CommitmentFact>,
}

impl CommitmentFacts {
    fn in_period(&self) -> impl Iterator<Item = &CommitmentFact> {
        self.commitments
            .iter()
            .filter(|c| self.filter.contains(c.due))
    }

    pub fn report(&self, lang: Lang) -> CommitmentsReport {
        let mut totals = OutcomeCounts::default();
        let mut services: BTreeMap<Option<i64>, GroupCounts> = BTreeMap::new();
        let mut orgs: BTreeMap<i64, GroupCounts> = BTreeMap::new();
        for c in self.in_period() {
            totals.add_fact(c);
            services
                .entry(c.service_id)
                .or_insert_with(|| {
                    GroupCounts::service(
                        c.service_id,
                        c.service_name.clone(),
                        OutcomeCounts::default(),
                        lang,
                    )
                })
                .counts
                .add_fact(c);
            orgs.entry(c.org_id)
                .or_insert_with(|| GroupCounts {
                    key: format!("O-{}", c.org_id),
                    name: c.org_name.clone(),
                    counts: OutcomeCounts::default(),
                })
                .counts
                .add_fact(c);
        }
        CommitmentsReport::from_groups(
            self.today,
            self.filter.clone(),
            totals,
            services.into_values().collect(),
            orgs.into_values().collect(),
        )
    }

    /// The commitments behind a figure: `commitments.<outcome|all>`,
    /// `commitments.service.<outcome|all>:<O-3 or empty>`, `commitments.org.<outcome|all>:<O-7>`.
    pub fn records(&self, key: &str) -> Option<Vec<i64>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        let mut parts = figure.split('.');
        if parts.next() != Some("commitments") {
            return None;
        }
        if figure == "commitments.moved" {
            return Some(
                self.in_period()
                    .filter(|c| c.moves > 0)
                    .map(|c| c.id)
                    .collect(),
            );
        }
        let (group, outcome) = match (parts.next(), parts.next(), parts.next()) {
            (Some(o), None, None) => (None, o),
            (Some(g @ ("service" | "org")), Some(o), None) => (Some(g), o),
            _ => return None,
        };
        let outcome = match outcome {
            "all" => None,
            o => Some(CommitmentOutcome::from_key(o)?),
        };
        Some(
            self.in_period()
                .filter(|c| outcome.is_none_or(|o| o == c.outcome))
                .filter(|c| match group {
                    None => true,
                    Some("service") => {
                        c.service_id.map(|s| format!("O-{s}")).unwrap_or_default() == arg
                    }
                    _ => format!("O-{}", c.org_id) == arg,
                })
                .map(|c| c.id)
                .collect(),
        )
    }
}

impl CommitmentsReport {
    /// The report from counts made elsewhere (the store's kept figures), its groups in
    /// the report's order.
    pub fn from_groups(
        today: NaiveDate,
        filter: ReportFilter,
        totals: OutcomeCounts,
        per_service: Vec<GroupCounts>,
        per_organisation: Vec<GroupCounts>,
    ) -> CommitmentsReport {
        CommitmentsReport {
            today,
            filter,
            totals,
            per_service: sorted(per_service.into_iter()),
            per_organisation: sorted(per_organisation.into_iter()),
        }
    }

    pub fn tables(&self, lang: Lang, rows: Rows) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut totals = Table::new(
            l("Commitments by outcome", "Toezeggingen naar uitkomst"),
            &[l("Outcome", "Uitkomst"), l("Commitments", "Toezeggingen")],
        );
        for o in CommitmentOutcome::ALL {
            totals.rows.push(vec![
                Cell::plain(o.label(lang)),
                Cell::figure(
                    self.totals.get(o).to_string(),
                    format!("commitments.{}", o.key()),
                ),
            ]);
        }
        totals.rows.push(vec![
            Cell::plain(l("Total", "Totaal")),
            Cell::figure(self.totals.total.to_string(), "commitments.all"),
        ]);
        totals.rows.push(vec![
            Cell::plain(l(
                "Kept on time (of those due or decided)",
                "Op tijd nagekomen (van verlopen of afgehandelde)",
            )),
            Cell::plain(percent_text(self.totals.kept_on_time_percent)),
        ]);
        totals.rows.push(vec![
            Cell::plain(l(
                "Due date moved (commitments)",
                "Vervaldatum verzet (toezeggingen)",
            )),
            Cell::figure(self.totals.moved.to_string(), "commitments.moved"),
        ]);
        totals.rows.push(vec![
            Cell::plain(l("Moves in all", "Keer verzet in totaal")),
            Cell::plain(self.totals.moves_text(lang)),
        ]);
        let group = |title: &str, first: &'static str, what: &str, list: &[GroupCounts]| {
            let mut cols: Vec<&'static str> = vec!["ID", first];
            cols.extend(CommitmentOutcome::ALL.iter().map(|o| o.short_label(lang)));
            cols.push(l("Total", "Totaal"));
            cols.push(l("% on time", "% op tijd"));
            cols.push(l("Moved", "Verzet"));
            let mut t = Table::new(title, &cols);
            t.push_rows(list, rows, |g| {
                let mut row = vec![Cell::plain(g.key.clone()), Cell::plain(g.name.clone())];
                for o in CommitmentOutcome::ALL {
                    row.push(Cell::figure(
                        g.counts.get(o).to_string(),
                        format!("commitments.{what}.{}:{}", o.key(), g.key),
                    ));
                }
                row.push(Cell::figure(
                    g.counts.total.to_string(),
                    format!("commitments.{what}.all:{}", g.key),
                ));
                row.push(Cell::plain(percent_text(g.counts.kept_on_time_percent)));
                row.push(Cell::plain(g.counts.moves_text(lang)));
                row
            });
            t
        };
        vec![
            totals,
            group(
                l("Per service", "Per dienst"),
                l("Service", "Dienst"),
                "service",
                &self.per_service,
            ),
            group(
                l("Per organisation", "Per organisatie"),
                l("Organisation", "Organisatie"),
                "org",
                &self.per_organisation,
            ),
        ]
    }
}

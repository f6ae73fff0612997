//! Load: meetings and signals per residents' organisation in the last 90 days.

use super::table::{Cell, Rows, Table};
use super::{LOAD_WINDOW_DAYS, Lang, ReportFilter, over_load};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFact {
    pub org_id: i64,
    pub name: String,
    pub district: Option<String>,
    /// Meetings invited to in the window.
    pub meetings: Vec<i64>,
    /// Signals raised in the window.
    pub signals: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadRow {
    pub org: String,
    pub name: String,
    pub district: Option<String>,
    pub meetings: usize,
    pub signals: usize,
    pub load: usize,
    pub over: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub window_days: i64,
    pub threshold: i64,
    pub over: usize,
    /// Residents' organisations, highest load first.
    pub rows: Vec<LoadRow>,
}

#[derive(Debug, Clone)]
pub struct LoadFacts {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    pub threshold: i64,
    pub orgs: Vec<LoadFact>,
}

/// One organisation's load as counted elsewhere (the store's kept figures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadCount {
    pub org_id: i64,
    pub name: String,
    pub district: Option<String>,
    pub meetings: usize,
    pub signals: usize,
}

impl LoadReport {
    /// The report from each organisation's counts: highest load first.
    pub fn from_counts(
        today: NaiveDate,
        filter: ReportFilter,
        threshold: i64,
        counts: impl IntoIterator<Item = LoadCount>,
    ) -> LoadReport {
        let mut rows: Vec<(i64, LoadRow)> = counts
            .into_iter()
            .map(|o| {
                let load = o.meetings + o.signals;
                let row = LoadRow {
                    org: format!("O-{}", o.org_id),
                    name: o.name,
                    district: o.district,
                    meetings: o.meetings,
                    signals: o.signals,
                    load,
                    over: over_load(load as i64, threshold),
                };
                (o.org_id, row)
            })
            .collect();
        // Highest load first, then by name; by id where names are alike.
        rows.sort_by_cached_key(|(id, r)| (std::cmp::Reverse(r.load), r.name.to_lowercase(), *id));
        let rows: Vec<LoadRow> = rows.into_iter().map(|(_, r)| r).collect();
        LoadReport {
            today,
            filter,
            window_days: LOAD_WINDOW_DAYS,
            threshold,
            over: rows.iter().filter(|r| r.over).count(),
            rows,
        }
    }
}

impl LoadFacts {
    fn load(o: &LoadFact) -> usize {
        o.meetings.len() + o.signals.len()
    }

    pub fn report(&self) -> LoadReport {
        LoadReport::from_counts(
            self.today,
            self.filter.clone(),
            self.threshold,
            self.orgs.iter().map(|o| LoadCount {
                org_id: o.org_id,
                name: o.name.clone(),
                district: o.district.clone(),
                meetings: o.meetings.len(),
                signals: o.signals.len(),
            }),
        )
    }

    /// `load.over`: organisations (as `O-7`); `load.org:O-7`: the meetings and signals
    /// behind one organisation's load (as `M-5` and `S-42`).
    pub fn records(&self, key: &str) -> Option<Vec<String>> {
        let (figure, arg) = key.split_once(':').unwrap_or((key, ""));
        match figure {
            "load.over" => Some(
                self.orgs
                    .iter()
                    .filter(|o| over_load(Self::load(o) as i64, self.threshold))
                    .map(|o| format!("O-{}", o.org_id))
                    .collect(),
            ),
            "load.org" => {
                let o = self
                    .orgs
                    .iter()
                    .find(|o| format!("O-{}", o.org_id) == arg)?;
                Some(
                    o.meetings
                        .iter()
                        .map(|m| format!("M-{m}"))
                        .chain(o.signals.iter().map(|s| format!("S-{s}")))
                        .collect(),
                )
            }
            _ => None,
        }
    }
}

impl LoadReport {
    pub fn tables(&self, lang: Lang, rows: Rows) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut head = Table::new(
            l("Load", "Belasting"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        head.rows.push(vec![
            Cell::plain(l("Window (days)", "Periode (dagen)")),
            Cell::plain(self.window_days.to_string()),
        ]);
        head.rows.push(vec![
            Cell::plain(l("Threshold", "Drempel")),
            Cell::plain(self.threshold.to_string()),
        ]);
        head.rows.push(vec![
            Cell::plain(l(
                "Organisations above the threshold",
                "Organisaties boven de drempel",
            )),
            Cell::figure(self.over.to_string(), "load.over"),
        ]);
        let mut t = Table::new(
            l(
                "Meetings and signals per organisation, last 90 days",
                "Overleggen en signalen per organisatie, laatste 90 dagen",
            ),
            &[
                "ID",
                l("Organisation", "Organisatie"),
                l("District", "Stadsdeel"),
                l("Meetings", "Overleggen"),
                l("Signals", "Signalen"),
                l("Load", "Belasting"),
                l("Above threshold", "Boven drempel"),
            ],
        );
        t.push_rows(&self.rows, rows, |r| {
            vec![
                Cell::plain(r.org.clone()),
                Cell::plain(r.name.clone()),
                Cell::plain(r.district.clone().unwrap_or_default()),
                Cell::plain(r.meetings.to_string()),
                Cell::plain(r.signals.to_string()),
                Cell::figure(r.load.to_string(), format!("load.org:{}", r.org)),
                Cell::plain(if r.over { l("yes", "ja") } else { "" }),
            ]
        });
        vec![head, t]
    }
}

//! Cadence: residents' organisations not met within their cadence. "Om de tafel"
//! means a meeting: only held meetings count, never feedback; last contact (a meeting
//! or feedback) is shown beside it.

use super::table::{Cell, Rows, Table};
use super::{CadenceStatus, Lang, ReportFilter, cadence_days, cadence_status};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadenceFact {
    pub org_id: i64,
    pub name: String,
    pub district: Option<String>,
    pub cadence_per_year: i64,
    /// The last held or final meeting it attended (or attendance not taken).
    pub last_meeting: Option<NaiveDate>,
    /// The last feedback on one of its signals, or the last contact kept for it
    /// (meeting or feedback, whichever is later): only the later of this and the last
    /// meeting is ever shown, and that is the same either way.
    pub last_feedback: Option<NaiveDate>,
}

impl CadenceFact {
    /// The last meeting or feedback, whichever is later.
    pub fn last_contact(&self) -> Option<NaiveDate> {
        self.last_meeting.max(self.last_feedback)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CadenceRow {
    /// `O-7`
    pub org: String,
    pub name: String,
    pub district: Option<String>,
    pub cadence_per_year: i64,
    /// Days allowed between meetings.
    pub allowed_days: i64,
    pub last_meeting: Option<NaiveDate>,
    /// The last meeting or feedback: shown, never counted for the cadence.
    pub last_contact: Option<NaiveDate>,
    /// Days since the last meeting.
    pub days_since: Option<i64>,
    /// Days past the cadence; `None` when never met.
    pub days_over: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CadenceReport {
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// Residents' organisations with a cadence, checked.
    pub checked: usize,
    /// Those not met within it, never met first, then most days over.
    pub overdue: Vec<CadenceRow>,
}

#[derive(Debug, Clone)]
pub struct CadenceFacts {
    /// The day the cadence is checked on.
    pub today: NaiveDate,
    pub filter: ReportFilter,
    /// Residents' organisations.
    pub orgs: Vec<CadenceFact>,
}

impl CadenceFacts {
    pub fn report(&self) -> CadenceReport {
        let mut checked = 0;
        let mut overdue = Vec::new();
        for o in &self.orgs {
            let status = cadence_status(o.cadence_per_year, o.last_meeting, self.today);
            let days_over = match status {
                CadenceStatus::NoCadence => continue,
                CadenceStatus::Within => {
                    checked += 1;
                    continue;
                }
                CadenceStatus::NeverMet => None,
                CadenceStatus::Overdue(n) => Some(n),
            };
            checked += 1;
            overdue.push(CadenceRow {
                org: format!("O-{}", o.org_id),
                name: o.name.clone(),
                district: o.district.clone(),
                cadence_per_year: o.cadence_per_year,
                allowed_days: cadence_days(o.cadence_per_year).unwrap_or(0),
                last_meeting: o.last_meeting,
                last_contact: o.last_contact(),
                days_since: o.last_meeting.map(|d| (self.today - d).num_days()),
                days_over,
            });
        }
        overdue.sort_by(|a, b| {
            b.days_over
                .unwrap_or(i64::MAX)
                .cmp(&a.days_over.unwrap_or(i64::MAX))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        CadenceReport {
            today: self.today,
            filter: self.filter.clone(),
            checked,
            overdue,
        }
    }

    /// `cadence.overdue` (and `cadence.checked`): organisation ids.
    pub fn records(&self, key: &str) -> Option<Vec<i64>> {
        let pick = |want_overdue: bool| {
            self.orgs
                .iter()
                .filter(
                    |o| match cadence_status(o.cadence_per_year, o.last_meeting, self.today) {
                        CadenceStatus::NoCadence => false,
                        CadenceStatus::Within => !want_overdue,
                        _ => true,
                    },
                )
                .map(|o| o.org_id)
                .collect()
        };
        match key {
            "cadence.overdue" => Some(pick(true)),
            "cadence.checked" => Some(pick(false)),
            _ => None,
        }
    }
}

impl CadenceReport {
    pub fn tables(&self, lang: Lang, rows: Rows) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let mut head = Table::new(
            l("Cadence", "Contactfrequentie"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        head.rows.push(vec![
            Cell::plain(l(
                "Residents' organisations checked",
                "Bewonersorganisaties bekeken",
            )),
            Cell::figure(self.checked.to_string(), "cadence.checked"),
        ]);
        head.rows.push(vec![
            Cell::plain(l(
                "Not met within their cadence",
                "Niet gesproken binnen de afgesproken frequentie",
            )),
            Cell::figure(self.overdue.len().to_string(), "cadence.overdue"),
        ]);
        let mut t = Table::new(
            l(
                "Organisations not met within their cadence",
                "Organisaties niet gesproken binnen de frequentie",
            ),
            &[
                "ID",
                l("Organisation", "Organisatie"),
                l("District", "Stadsdeel"),
                l("Per year", "Per jaar"),
                l("Last meeting", "Laatste overleg"),
                l("Last contact", "Laatste contact"),
                l("Days since", "Dagen geleden"),
                l("Days over", "Dagen te laat"),
            ],
        );
        t.push_rows(&self.overdue, rows, |r| {
            vec![
                Cell::plain(r.org.clone()),
                Cell::plain(r.name.clone()),
                Cell::plain(r.district.clone().unwrap_or_default()),
                Cell::plain(r.cadence_per_year.to_string()),
                Cell::plain(
                    r.last_meeting
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| l("never", "nooit").to_string()),
                ),
                Cell::plain(
                    r.last_contact
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| l("never", "nooit").to_string()),
                ),
                Cell::plain(r.days_since.map(|d| d.to_string()).unwrap_or_default()),
                Cell::plain(
                    r.days_over
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".to_string()),
                ),
            ]
        });
        vec![head, t]
    }
}

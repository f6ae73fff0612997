//! The loop report as tables.

use super::table::{Cell, Rows, Table};
use super::{Count, Lang, LoopReport, Moved, days_text, percent_text};

impl LoopReport {
    pub fn tables(&self, lang: Lang, rows: Rows) -> Vec<Table> {
        let l = |en, nl| lang.pick(en, nl);
        let o = &self.feedback_on_time;
        let mut head = Table::new(
            l("Feedback on time", "Terugkoppeling op tijd"),
            &[l("Figure", "Cijfer"), l("Value", "Waarde")],
        );
        let figures: [(&str, String, Option<&str>); 11] = [
            (
                l("First feedback on time", "Eerste terugkoppeling op tijd"),
                percent_text(o.percent),
                None,
            ),
            (
                l("On time", "Op tijd"),
                o.on_time.to_string(),
                Some("loop.on_time"),
            ),
            (l("Late", "Te laat"), o.late.to_string(), Some("loop.late")),
            (
                l(
                    "No feedback by the promised date",
                    "Geen terugkoppeling op de beloofde datum",
                ),
                o.overdue.to_string(),
                Some("loop.overdue"),
            ),
            (
                l("Signals counted", "Signalen meegeteld"),
                o.counted.to_string(),
                Some("loop.counted"),
            ),
            (
                l(
                    "Median days to first feedback",
                    "Mediaan dagen tot eerste terugkoppeling",
                ),
                days_text(self.median_days_to_first_feedback),
                None,
            ),
            (
                l(
                    "Signals received with feedback",
                    "Ontvangen signalen met terugkoppeling",
                ),
                self.with_first_feedback.to_string(),
                Some("loop.first_feedback"),
            ),
            (
                l("Open signals", "Open signalen"),
                self.open.to_string(),
                Some("loop.open"),
            ),
            (
                l(
                    "Past the due date in force (inbox)",
                    "Over de geldende datum (inbox)",
                ),
                self.past_due_date.to_string(),
                Some("loop.past_due_date"),
            ),
            (
                l("Due date moved (signals)", "Vervaldatum verzet (signalen)"),
                self.moved.signals.to_string(),
                Some("loop.moved"),
            ),
            (
                l("Moves in all", "Keer verzet in totaal"),
                self.moved.moves_text(lang),
                None,
            ),
        ];
        for (label, value, key) in figures {
            head.rows.push(vec![
                Cell::plain(label),
                match key {
                    Some(k) => Cell::figure(value, k),
                    None => Cell::plain(value),
                },
            ]);
        }
        let counts = |title: &str, first: &'static str, list: &[Count]| {
            let mut t = Table::new(title, &[first, l("Open", "Open")]);
            for c in list {
                t.rows.push(vec![
                    Cell::plain(c.label.clone()),
                    Cell::figure(c.count.to_string(), c.key.clone()),
                ]);
            }
            t
        };
        let moved = |title: &str, first: &'static str, what: &str, list: &[Moved]| {
            let mut t = Table::new(
                title,
                &["ID", first, l("Signals", "Signalen"), l("Moved", "Verzet")],
            );
            t.push_rows(list, rows, |g| {
                vec![
                    Cell::plain(g.key.clone()),
                    Cell::plain(g.name.clone()),
                    Cell::figure(
                        g.signals.to_string(),
                        format!("loop.moved.{what}:{}", g.key),
                    ),
                    Cell::plain(g.moves_text(lang)),
                ]
            });
            t
        };
        let mut weeks = Table::new(
            l(
                "Signals received and answered per week",
                "Signalen ontvangen en beantwoord per week",
            ),
            &[
                l("Week", "Week"),
                l("Received", "Ontvangen"),
                l("Answered", "Beantwoord"),
            ],
        );
        for w in &self.weeks {
            weeks.rows.push(vec![
                Cell::plain(w.week.clone()),
                Cell::figure(
                    w.received.to_string(),
                    format!("loop.week.received:{}", w.week),
                ),
                Cell::figure(
                    w.answered.to_string(),
                    format!("loop.week.answered:{}", w.week),
                ),
            ]);
        }
        let mut months = Table::new(
            l(
                "Feedback on time per month (by due date)",
                "Terugkoppeling op tijd per maand (naar termijn)",
            ),
            &[
                l("Month", "Maand"),
                l("On time", "Op tijd"),
                l("Counted", "Meegeteld"),
                "%",
            ],
        );
        for m in &self.months {
            months.rows.push(vec![
                Cell::plain(m.month.clone()),
                Cell::figure(
                    m.on_time.on_time.to_string(),
                    format!("loop.month.on_time:{}", m.month),
                ),
                Cell::figure(
                    m.on_time.counted.to_string(),
                    format!("loop.month.counted:{}", m.month),
                ),
                Cell::plain(percent_text(m.on_time.percent)),
            ]);
        }
        vec![
            head,
            counts(
                l("Open signals by age", "Open signalen naar leeftijd"),
                l("Age", "Leeftijd"),
                &self.open_by_age,
            ),
            counts(
                l("Open signals by district", "Open signalen per stadsdeel"),
                l("District", "Stadsdeel"),
                &self.open_by_district,
            ),
            counts(
                l("Open signals by theme", "Open signalen per thema"),
                l("Theme", "Thema"),
                &self.open_by_theme,
            ),
            weeks,
            months,
            moved(
                l(
                    "Due dates moved per service",
                    "Vervaldatum verzet per dienst",
                ),
                l("Service", "Dienst"),
                "service",
                &self.moved_per_service,
            ),
            moved(
                l(
                    "Due dates moved per organisation",
                    "Vervaldatum verzet per organisatie",
                ),
                l("Organisation", "Organisatie"),
                "org",
                &self.moved_per_organisation,
            ),
        ]
    }
}

//! Preparing a meeting: everything still open with its organisations, and turning
//! chosen entries into agenda items.
//!
//! Open signals, open commitments and feedback owed are those of any organisation
//! invited. Carry-over from earlier meetings (open actions, unanswered questions)
//! follows the residents' organisations invited; only when no residents' organisation
//! is invited does it follow the services and partners, so that the police attending
//! two districts' meetings does not carry one district's questions into the other.

use super::meetings::{self, AgendaItem, Meeting, MeetingOrg, change_action};
use super::minute_reading::{read_line, read_line_or_as_typed, written_day};
use super::{Result, Store, actions, audit, commitments, invalid, signal_record};
use crate::domain::Problem;
use crate::domain::signal::SignalState;
use crate::domain::{RecordKind, RecordRef};
use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;

/// Where an agenda item comes from: a signal, commitment or action, or a minutes line
/// (an open question) by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaSource {
    Record(RecordRef),
    Minute(i64),
}

/// An open signal of one of the meeting's organisations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrepSignal {
    pub id: i64,
    pub title: String,
    pub org: Option<String>,
    pub state: SignalState,
    pub feedback_due: Option<NaiveDate>,
    /// Feedback is overdue today.
    pub overdue: bool,
}

impl PrepSignal {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Signal, self.id)
    }
}

/// An unanswered question from an earlier meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenQuestion {
    pub minute_id: i64,
    pub meeting_id: i64,
    pub meeting_title: String,
    pub meeting_date: NaiveDate,
    /// The line's number in its meeting: `M-3/7` is line 7 of M-3.
    pub position: i64,
    /// The question without its prefix and tokens.
    pub text: String,
}

impl OpenQuestion {
    /// `M-3/7`
    pub fn label(&self) -> String {
        format!("M-{}/{}", self.meeting_id, self.position)
    }
}

/// Everything still open with a meeting's organisations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preparation {
    pub meeting: Meeting,
    pub orgs: Vec<MeetingOrg>,
    /// Open signals, feedback due soonest first.
    pub signals: Vec<PrepSignal>,
    /// Open commitments to these organisations, due soonest first.
    pub commitments: Vec<commitments::Commitment>,
    /// Open actions from meetings with these organisations or on their signals.
    pub actions: Vec<actions::Action>,
    /// Unanswered questions from earlier meetings with these organisations.
    pub questions: Vec<OpenQuestion>,
    /// Open signals whose feedback is due by the day of the meeting: owed at the table.
    pub feedback_owed: Vec<PrepSignal>,
}

/// Which list of a preparation an entry is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrepSection {
    FeedbackOwed,
    Signal,
    Commitment,
    Action,
    Question,
}

/// One line of a preparation, for a list to select from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrepEntry {
    pub section: PrepSection,
    pub source: AgendaSource,
    /// `S-12`, `C-4`, `A-3`, `M-3/7`
    pub label: String,
    pub text: String,
    /// What it concerns: the organisation; for an action the meeting or signal it
    /// came from; for a question the meeting it was asked in.
    pub context: Option<String>,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
}

impl Preparation {
    pub fn is_empty(&self) -> bool {
        self.signals.is_empty()
            && self.commitments.is_empty()
            && self.actions.is_empty()
            && self.questions.is_empty()
    }

    /// All entries in one list: feedback owed, the other open signals, commitments,
    /// actions, questions. A signal that owes feedback is listed once, under feedback owed.
    pub fn entries(&self) -> Vec<PrepEntry> {
        let signal = |section, s: &PrepSignal| PrepEntry {
            section,
            source: AgendaSource::Record(s.reference()),
            label: s.reference().to_string(),
            text: s.title.clone(),
            context: s.org.clone(),
            due: s.feedback_due,
            overdue: s.overdue,
        };
        let mut out: Vec<PrepEntry> = self
            .feedback_owed
            .iter()
            .map(|s| signal(PrepSection::FeedbackOwed, s))
            .collect();
        out.extend(
            self.signals
                .iter()
                .filter(|s| !self.feedback_owed.iter().any(|f| f.id == s.id))
                .map(|s| signal(PrepSection::Signal, s)),
        );
        out.extend(self.commitments.iter().map(|c| PrepEntry {
            section: PrepSection::Commitment,
            source: AgendaSource::Record(c.reference()),
            label: c.reference().to_string(),
            text: c.text.clone(),
            context: Some(c.org.clone()),
            due: Some(c.due),
            overdue: c.outcome == crate::domain::commitment::Outcome::OpenOverdue,
        }));
        out.extend(self.actions.iter().map(|a| {
            PrepEntry {
                section: PrepSection::Action,
                source: AgendaSource::Record(a.reference()),
                label: a.reference().to_string(),
                text: a.text.clone(),
                context: a
                    .meeting_id
                    .map(|m| RecordRef::new(RecordKind::Meeting, m))
                    .or(a.signal_id.map(|s| RecordRef::new(RecordKind::Signal, s)))
                    .map(|r| r.to_string()),
                due: a.due,
                overdue: a.overdue,
            }
        }));
        out.extend(self.questions.iter().map(|q| PrepEntry {
            section: PrepSection::Question,
            source: AgendaSource::Minute(q.minute_id),
            label: q.label(),
            text: q.text.clone(),
            context: Some(format!("M-{} {}", q.meeting_id, q.meeting_title)),
            due: None,
            overdue: false,
        }));
        out
    }
}

/// `1,2,3` for an `IN (…)` list of ids (integers only, so nothing to escape).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn query_ids(conn: &Connection, sql: &str) -> Result<Vec<i64>> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Agenda titles are kept to one readable line.
const MAX_TITLE_CHARS: usize = 100;

pub(crate) fn agenda_title(label: &str, text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let full = format!("{label} {text}");
    match full.char_indices().nth(MAX_TITLE_CHARS - 1) {
        Some((cut, _)) => format!("{}…", full[..cut].trim_end()),
        None => full,
    }
}

pub(crate) fn prepare(conn: &Connection, meeting_id: i64, today: NaiveDate) -> Result<Preparation> {
    let meeting = meetings::get(conn, meeting_id)?;
    let orgs = meetings::meeting_orgs(conn, meeting_id)?;
    let all: Vec<i64> = orgs.iter().map(|o| o.org_id).collect();
    let residents = query_ids(
        conn,
        &format!(
            "SELECT id FROM organisation WHERE kind = 'residents' AND id IN ({})",
            id_list(&all)
        ),
    )?;
    let carry = if residents.is_empty() {
        all.clone()
    } else {
        residents
    };
    let day = meeting.starts_at.date();
    let (all, carry) = (id_list(&all), id_list(&carry));

    let mut signals_out = Vec::new();
    for id in query_ids(
        conn,
        &format!(
            "SELECT id FROM signal WHERE org_id IN ({all}) AND state IN ('new', 'triaged', 'in_progress')
             ORDER BY feedback_due IS NULL, feedback_due, received_on, id"
        ),
    )? {
        let s = signal_record::get(conn, id)?;
        let org = match s.org_id {
            Some(o) => Some(super::orgs::get(conn, o)?.name),
            None => None,
        };
        signals_out.push(PrepSignal {
            overdue: s.is_overdue(today),
            id: s.id,
            title: s.title,
            org,
            state: s.state,
            feedback_due: s.feedback_due,
        });
    }
    let feedback_owed = signals_out
        .iter()
        .filter(|s| s.state.owes_feedback() && s.feedback_due.is_some_and(|d| d <= day))
        .cloned()
        .collect();

    let commitments_out = query_ids(
        conn,
        &format!(
            "SELECT id FROM commitment WHERE state = 'open' AND org_id IN ({all}) ORDER BY due, id"
        ),
    )?
    .into_iter()
    .map(|id| commitments::get(conn, id, today))
    .collect::<Result<Vec<_>>>()?;

    let actions_out = query_ids(
        conn,
        &format!(
            "SELECT id FROM action WHERE state = 'open'
               AND (meeting_id = {meeting_id}
                    OR meeting_id IN (SELECT meeting_id FROM meeting_org WHERE org_id IN ({carry}))
                    OR signal_id IN (SELECT id FROM signal WHERE org_id IN ({all})))
             ORDER BY due IS NULL, due, id"
        ),
    )?
    .into_iter()
    .map(|id| actions::get(conn, id, today))
    .collect::<Result<Vec<_>>>()?;

    let mut st = conn.prepare(&format!(
        "SELECT mi.id, mi.meeting_id, m.title, m.starts_at, mi.position, mi.text, mi.created_at
           FROM minute mi JOIN meeting m ON m.id = mi.meeting_id
          WHERE mi.kind = 'question' AND mi.answered = 0 AND mi.meeting_id != ?1
            AND m.starts_at < ?2
            AND mi.meeting_id IN (SELECT meeting_id FROM meeting_org WHERE org_id IN ({carry}))
          ORDER BY m.starts_at, mi.meeting_id, mi.position"
    ))?;
    let questions = st
        .query_map(
            params![meeting_id, meetings::dt_str(meeting.starts_at)],
            |r| {
                let text: String = r.get(5)?;
                let written: String = r.get(6)?;
                let day = written_day(&written, today);
                let parsed = read_line_or_as_typed(conn, &text, day);
                Ok(OpenQuestion {
                    minute_id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    meeting_title: r.get(2)?,
                    meeting_date: meetings::parse_dt(&r.get::<_, String>(3)?).date(),
                    position: r.get(4)?,
                    text: parsed.title(),
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(Preparation {
        meeting,
        orgs,
        signals: signals_out,
        commitments: commitments_out,
        actions: actions_out,
        questions,
        feedback_owed,
    })
}

impl Store {
    /// Everything still open with the meeting's organisations.
    pub fn prepare(&self, meeting_id: i64) -> Result<Preparation> {
        prepare(&self.conn, meeting_id, self.today())
    }

    /// Add agenda items for the chosen entries, titled after them ("S-12 Losse
    /// stoeptegels bij de school"). An entry already on the agenda is skipped; the
    /// items added are returned.
    pub fn add_agenda_items_from(
        &mut self,
        meeting_id: i64,
        sources: &[AgendaSource],
    ) -> Result<Vec<AgendaItem>> {
        self.write(|tx, ctx| {
            let m = meetings::get(tx, meeting_id)?;
            let mut titles = Vec::with_capacity(sources.len());
            for source in sources {
                let title = match *source {
                    AgendaSource::Record(r) => match r.kind {
                        RecordKind::Signal => {
                            agenda_title(&r.to_string(), &signal_record::get(tx, r.id)?.title)
                        }
                        RecordKind::Commitment => agenda_title(
                            &r.to_string(),
                            &commitments::get(tx, r.id, ctx.today)?.text,
                        ),
                        other => {
                            return Err(invalid(Problem::NotAgendaMaterial {
                                reference: r.to_string(),
                                kind: other,
                            }));
                        }
                    },
                    AgendaSource::Minute(id) => {
                        let line = meetings::minute_get(tx, id)?;
                        let written: String = tx.query_row(
                            "SELECT created_at FROM minute WHERE id = ?1",
                            [id],
                            |r| r.get(0),
                        )?;
                        let parsed = read_line(tx, &line.text, written_day(&written, ctx.today))?;
                        agenda_title(
                            &format!("M-{}/{}", line.meeting_id, line.position),
                            &parsed.title(),
                        )
                    }
                };
                titles.push(title);
            }
            let mut existing: Vec<String> = meetings::agenda_of(tx, meeting_id)?
                .into_iter()
                .map(|a| a.title)
                .collect();
            let mut added = Vec::new();
            for title in titles {
                if existing.contains(&title) {
                    continue;
                }
                let item = meetings::append_agenda_item(tx, meeting_id, &title)?;
                existing.push(item.title.clone());
                added.push(item);
            }
            if !added.is_empty() {
                let mut changes = serde_json::Map::new();
                for item in &added {
                    changes.insert(meetings::agenda_label(item), "added".into());
                }
                audit::log(
                    tx,
                    ctx,
                    m.reference(),
                    change_action(&m, "agenda"),
                    changes.into(),
                )?;
            }
            Ok(added)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_titles_are_one_short_line() {
        assert_eq!(
            agenda_title("S-12", "Losse  stoeptegels\nbij de school"),
            "S-12 Losse stoeptegels bij de school"
        );
        let long = agenda_title("C-1", &"é".repeat(300));
        assert_eq!(long.chars().count(), MAX_TITLE_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn id_lists_are_plain_numbers() {
        assert_eq!(id_list(&[1, 22, 3]), "1,22,3");
        assert_eq!(id_list(&[]), "");
    }
}

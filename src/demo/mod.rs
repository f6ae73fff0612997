//! The demo data: the seeds' organisations, invented people, signals, promises and
//! meetings, with dates relative to today; and a generator for large databases.
//!
//! The loader replays history through the ordinary store API, day by day, so the
//! demo holds exactly what real use would: audit rows, timelines, version numbers.

pub mod data;
mod generate;

use crate::domain::Problem;
use crate::domain::action::{ActionEvent, ActionState};
use crate::domain::commitment::CommitmentState;
use crate::domain::meeting::{MeetingEvent, MeetingStatus};
use crate::domain::signal::SignalState;
use crate::domain::vocab::TermKind;
use crate::store::{
    Channel, NewAction, NewCommitment, NewFeedback, NewMeeting, NewOrg, NewPerson, NewSignal,
    Owner, Result, Store, StoreError, Triage,
};
use chrono::{Duration, NaiveDate};
use data::{Demo, DemoDay};
use serde::Serialize;
use std::collections::HashMap;

/// What `load` added.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub people: usize,
    pub signals: usize,
    pub feedback: usize,
    pub commitments: usize,
    pub actions: usize,
    pub meetings: usize,
    pub minutes: usize,
}

/// Fill the database with the demo data, plus `scale` generated signals.
pub fn load(store: &mut Store, scale: usize) -> Result<DemoSummary> {
    load_with(store, scale, false)
}

/// [`load`] into an empty database made for it: the generated signals are written
/// without a journal, half the bytes (see [`Store::bulk_new_file`]). A load that fails
/// part way leaves a damaged file: delete it and run the command again.
pub fn load_into_new_file(store: &mut Store, scale: usize) -> Result<DemoSummary> {
    load_with(store, scale, true)
}

fn load_with(store: &mut Store, scale: usize, new_file: bool) -> Result<DemoSummary> {
    let today = store.today();
    let demo = data::demo().map_err(|error| StoreError::Invalid(Problem::Failure { error }))?;
    let out = Loader {
        store,
        demo,
        today,
        orgs: HashMap::new(),
        people: HashMap::new(),
        signals: HashMap::new(),
        meetings: HashMap::new(),
        summary: DemoSummary::default(),
        moved: 0,
    }
    .run();
    // Whatever happened, go back to the real clock.
    let mut summary = out?;
    if scale > 0 {
        let g = if new_file {
            generate::generate_into_new_file(store, scale)?
        } else {
            generate::generate(store, scale)?
        };
        summary.add(&g);
    }
    Ok(summary)
}

impl DemoSummary {
    fn add(&mut self, more: &DemoSummary) {
        self.organisations += more.organisations;
        self.people += more.people;
        self.signals += more.signals;
        self.feedback += more.feedback;
        self.commitments += more.commitments;
        self.actions += more.actions;
        self.meetings += more.meetings;
        self.minutes += more.minutes;
    }
}

struct Loader<'s> {
    store: &'s mut Store,
    demo: &'static Demo,
    today: NaiveDate,
    orgs: HashMap<&'static str, i64>,
    people: HashMap<&'static str, i64>,
    signals: HashMap<&'static str, i64>,
    meetings: HashMap<&'static str, i64>,
    summary: DemoSummary,
    /// Promises moved after they were missed, so far.
    moved: usize,
}

fn context(what: &str, e: StoreError) -> StoreError {
    StoreError::Invalid(Problem::Failure {
        error: format!("demo data, {what}: {e}"),
    })
}

impl Loader<'_> {
    fn run(mut self) -> Result<DemoSummary> {
        let result = self.load_all();
        self.store.set_as_of(None, self.today);
        result.map(|()| self.summary)
    }

    /// Work as if it were `offset` days from today (never in the future).
    fn at(&mut self, day: NaiveDate) {
        let day = day.min(self.today);
        self.store.set_as_of(Some(day), self.today);
    }

    fn day(&self, offset: i64) -> NaiveDate {
        self.today + Duration::days(offset)
    }

    fn load_all(&mut self) -> Result<()> {
        self.lists()?;
        self.organisations()?;
        self.persons()?;
        self.signals()?;
        self.meetings()?;
        self.commitments()?;
        self.actions()?;
        Ok(())
    }

    /// The kept lists first: every district, neighbourhood and theme the demo uses.
    fn lists(&mut self) -> Result<()> {
        self.at(self.day(-800));
        let mut rows: Vec<(TermKind, String, Option<String>)> = Vec::new();
        rows.extend(
            self.demo
                .districts
                .iter()
                .map(|d| (TermKind::District, d.clone(), None)),
        );
        rows.extend(
            self.demo
                .themes
                .iter()
                .map(|t| (TermKind::Theme, t.clone(), None)),
        );
        for o in &self.demo.organisations {
            for n in &o.neighbourhoods {
                rows.push((TermKind::Neighbourhood, n.clone(), o.district.clone()));
            }
        }
        self.store
            .import_terms(&rows)
            .map_err(|e| context("lists", e))?;
        Ok(())
    }

    fn organisations(&mut self) -> Result<()> {
        self.at(self.day(-800));
        for o in &self.demo.organisations {
            let org = self
                .store
                .add_org(NewOrg {
                    name: o.name.clone(),
                    short_name: o.short.clone(),
                    kind: Some(o.kind.code().into()),
                    district: o.district.clone(),
                    neighbourhoods: o.neighbourhoods.clone(),
                    email: o.email.clone(),
                    cadence_per_year: Some(i64::from(o.cadence_per_year)),
                    notes: Some(o.notes.clone()),
                })
                .map_err(|e| context(&o.name, e))?;
            self.orgs.insert(&o.name, org.id);
            self.summary.organisations += 1;
        }
        Ok(())
    }

    fn persons(&mut self) -> Result<()> {
        for p in &self.demo.people {
            let person = self
                .store
                .add_person(NewPerson {
                    name: p.name.clone(),
                    org_id: self.orgs.get(p.org.as_str()).copied(),
                    role: Some(p.role.clone()),
                    email: p.email.clone(),
                    phone: p.phone.clone(),
                    username: p.username.clone(),
                    districts: p.districts.clone(),
                    themes: p.themes.clone(),
                    notes: None,
                })
                .map_err(|e| context(&p.name, e))?;
            self.people.insert(&p.name, person.id);
            self.summary.people += 1;
        }
        Ok(())
    }

    fn owner(&self, name: &str) -> Result<Owner> {
        let pid = *self.people.get(name).ok_or_else(|| {
            StoreError::Invalid(Problem::Failure {
                error: format!("demo data: unknown person {name}"),
            })
        })?;
        let person = self.store.person(pid)?;
        let service = match person.org_id {
            Some(o) if self.store.org(o)?.kind == crate::store::OrgKind::Service => Some(o),
            _ => None,
        };
        Ok(Owner {
            person_id: Some(pid),
            org_id: service,
        })
    }

    /// The day a linked signal came in (or long ago when there is none).
    fn received(&self, signal_id: Option<i64>) -> Result<NaiveDate> {
        Ok(match signal_id {
            Some(id) => self.store.signal(id)?.received_on,
            None => NaiveDate::MIN,
        })
    }

    fn signals(&mut self) -> Result<()> {
        for s in &self.demo.signals {
            self.signal(s).map_err(|e| context(&s.title, e))?;
            self.summary.signals += 1;
        }
        Ok(())
    }

    fn signal(&mut self, s: &'static data::DemoSignal) -> Result<()> {
        if s.state == SignalState::Merged {
            return Err(StoreError::Invalid(Problem::Failure {
                error: "the demo cannot tell a merged signal".into(),
            }));
        }
        let received = self.day(-s.received_days_ago);
        self.at(received);
        let sig = self.store.add_signal(NewSignal {
            title: s.title.clone(),
            body: Some(s.body.clone()),
            org_id: self.orgs.get(s.org.as_str()).copied(),
            neighbourhood: s.neighbourhood.clone(),
            theme: Some(s.theme.clone()),
            received_on: Some(received),
            ..Default::default()
        })?;
        self.signals.insert(&s.title, sig.id);
        let id = sig.id;
        // The feedback date the story tells (overdue, due soon or later) is the one the
        // organisation was promised at intake.
        let due = s.feedback_due_offset.map(|o| self.day(o));
        if let Some(d) = due {
            self.store.set_feedback_due(id, d)?;
        }
        if s.state == SignalState::New {
            return Ok(());
        }
        // Triage the day after it came in (or on the day, when it is due that soon).
        let triage_day = (received + Duration::days(1))
            .min(due.unwrap_or(self.today))
            .max(received);
        self.at(triage_day);
        let owner = match &s.owner {
            Some(name) => self.owner(name)?,
            None => Owner::default(),
        };
        self.store.triage(
            id,
            Triage {
                owner: Some(owner),
                theme: None,
                expectation: s.expectation.clone(),
                feedback_due: None,
                reason: None,
            },
            None,
        )?;
        if matches!(
            s.state,
            SignalState::InProgress | SignalState::Answered | SignalState::Closed
        ) {
            self.store.start_signal(id, None)?;
        }
        let feedback: Vec<_> = if s.state == SignalState::Declined {
            s.feedback
                .iter()
                .take(s.feedback.len().saturating_sub(1))
                .collect()
        } else {
            s.feedback.iter().collect()
        };
        for f in feedback {
            self.at(self.day(-f.days_ago).max(triage_day));
            self.store.add_feedback(
                id,
                NewFeedback {
                    channel: f.channel,
                    text: f.text.clone(),
                    is_final: f.is_final,
                    next_due: None,
                },
                None,
            )?;
            self.summary.feedback += 1;
        }
        match s.state {
            SignalState::Closed => {
                let last = s
                    .feedback
                    .last()
                    .map(|f| self.day(-f.days_ago + 2))
                    .unwrap_or(self.today);
                self.at(last);
                self.store.close_signal(id, None)?;
            }
            SignalState::Declined => {
                let when = s
                    .feedback
                    .last()
                    .map(|f| self.day(-f.days_ago))
                    .unwrap_or(self.today);
                self.at(when.max(triage_day));
                let explanation = s
                    .decline_explanation
                    .as_deref()
                    .unwrap_or("Dit valt buiten wat de gemeente kan doen.");
                let ch = s
                    .feedback
                    .last()
                    .map(|f| f.channel)
                    .unwrap_or(Channel::Email);
                self.store.decline(id, explanation, ch, None)?;
                self.summary.feedback += 1;
            }
            _ => {}
        }
        // Two promises that were missed and then moved, with a reason: the inbox
        // follows the new date, the reports still count the promise as missed.
        if s.state == SignalState::InProgress
            && due.is_some_and(|d| d < self.today)
            && self.moved < 2
        {
            self.at(self.today - Duration::days(2));
            self.store.move_signal_due(
                id,
                self.today + Duration::days(21),
                "Wacht op het advies van de dienst; de organisatie is gebeld",
                None,
            )?;
            self.moved += 1;
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<()> {
        for m in &self.demo.meetings {
            self.meeting(m).map_err(|e| context(&m.title, e))?;
            self.summary.meetings += 1;
        }
        Ok(())
    }

    fn meeting(&mut self, m: &'static data::DemoMeeting) -> Result<()> {
        if m.status == MeetingStatus::Cancelled {
            return Err(StoreError::Invalid(Problem::Failure {
                error: "the demo cannot tell a cancelled meeting".into(),
            }));
        }
        let start = match m.day {
            DemoDay::Date(d) => d,
            DemoDay::Offset(days) => self.day(days),
        }
        .and_time(m.start);
        let end = m.end.map(|t| start.date().and_time(t));
        // Planned meetings were put in the diary a few weeks ahead.
        let made_on = if m.status == MeetingStatus::Planned {
            self.day(-14)
        } else {
            start.date() - Duration::days(21)
        };
        self.at(made_on);
        let meeting = self.store.add_meeting(NewMeeting {
            title: m.title.clone(),
            kind: Some(m.kind.clone()),
            starts_at: Some(start),
            ends_at: end,
            location: Some(m.location.clone()),
            district: m.district.clone(),
            org_ids: m
                .orgs
                .iter()
                .filter_map(|o| self.orgs.get(o.as_str()).copied())
                .collect(),
            chair_id: m
                .chair
                .as_ref()
                .and_then(|p| self.people.get(p.as_str()).copied()),
            minute_taker_id: m
                .minute_taker
                .as_ref()
                .and_then(|p| self.people.get(p.as_str()).copied()),
            agenda: m.agenda.clone(),
        })?;
        self.meetings.insert(&m.title, meeting.id);
        if m.status == MeetingStatus::Planned {
            return Ok(());
        }
        self.at(start.date());
        for org in &m.orgs {
            if let Some(id) = self.orgs.get(org.as_str()) {
                self.store
                    .set_attendance(meeting.id, *id, Some(m.attended.contains(org)), None)?;
            }
        }
        let agenda = self.store.agenda(meeting.id)?;
        for line in &m.minutes {
            let item = agenda.get(line.agenda).map(|a| a.id);
            self.store.add_minute(meeting.id, item, &line.line)?;
            self.summary.minutes += 1;
        }
        // The demo's history is what happened: the meeting was held on its evening,
        // also when the demo is loaded as of a day before it.
        let clock = self.store.fixed_now();
        self.store
            .set_now(Some(meeting.ends_at.unwrap_or(meeting.starts_at)));
        let held = self
            .store
            .meeting_step(meeting.id, MeetingEvent::Hold, None);
        self.store.set_now(clock);
        held?;
        if m.status == MeetingStatus::Final {
            self.at(start.date() + Duration::days(7));
            self.store
                .meeting_step(meeting.id, MeetingEvent::Finalise, None)?;
        }
        Ok(())
    }

    fn commitments(&mut self) -> Result<()> {
        for c in &self.demo.commitments {
            self.commitment(c).map_err(|e| context(&c.text, e))?;
            self.summary.commitments += 1;
        }
        Ok(())
    }

    fn commitment(&mut self, c: &'static data::DemoCommitment) -> Result<()> {
        let first_due = c
            .moves
            .first()
            .map(|m| m.from_offset)
            .unwrap_or(c.due_offset);
        let signal_id = c
            .signal_title
            .as_ref()
            .and_then(|t| self.signals.get(t.as_str()).copied());
        // Promised after the signal came in, and some weeks before it was due.
        let made = self
            .day(first_due.min(c.due_offset) - 45)
            .max(self.received(signal_id)?);
        self.at(made);
        let owner = self.owner(&c.owner)?;
        let org_id = *self.orgs.get(c.org.as_str()).ok_or_else(|| {
            StoreError::Invalid(Problem::Failure {
                error: format!("demo data: unknown org {}", c.org),
            })
        })?;
        let created = self.store.add_commitment(NewCommitment {
            text: c.text.clone(),
            org_id,
            owner,
            due: self.day(first_due),
            signal_id,
            meeting_id: c
                .meeting
                .as_ref()
                .and_then(|t| self.meetings.get(t.as_str()).copied()),
            agenda_item_id: None,
        })?;
        for mv in &c.moves {
            // Moved a week before the old due date.
            self.at(self.day(mv.from_offset - 7).max(made));
            self.store
                .move_commitment(created.id, self.day(mv.to_offset), &mv.reason, None)?;
        }
        let resolved = c.resolved_offset.map(|o| self.day(o)).unwrap_or(self.today);
        self.at(resolved);
        match c.state {
            CommitmentState::Open => {}
            CommitmentState::Kept => {
                self.store.keep_commitment(created.id, None)?;
            }
            CommitmentState::Broken => {
                let ack = c
                    .acknowledgement
                    .as_deref()
                    .unwrap_or("Niet op tijd opgepakt. Voortaan wekelijks bewaakt.");
                // The story's acknowledgement names both answers; "Voortaan" starts the second.
                let (wrong, prevent) = match ack.split_once(" Voortaan ") {
                    Some((w, p)) => (w.to_string(), format!("Voortaan {p}")),
                    None => (
                        ack.to_string(),
                        "Wordt besproken in het volgende overleg.".to_string(),
                    ),
                };
                self.store
                    .break_commitment(created.id, &wrong, &prevent, None)?;
            }
            CommitmentState::Withdrawn => {
                self.store.withdraw_commitment(
                    created.id,
                    c.reason.as_deref().unwrap_or("Niet meer nodig."),
                    None,
                )?;
            }
        }
        Ok(())
    }

    fn actions(&mut self) -> Result<()> {
        for a in &self.demo.actions {
            self.action(a).map_err(|e| context(&a.text, e))?;
            self.summary.actions += 1;
        }
        Ok(())
    }

    fn action(&mut self, a: &data::DemoAction) -> Result<()> {
        let signal_id = a
            .signal_title
            .as_ref()
            .and_then(|t| self.signals.get(t.as_str()).copied());
        self.at(self.day(a.due_offset - 21).max(self.received(signal_id)?));
        let owner = self.owner(&a.owner)?;
        let created = self.store.add_action(NewAction {
            text: a.text.clone(),
            owner,
            due: Some(self.day(a.due_offset)),
            signal_id,
            meeting_id: a
                .meeting
                .as_ref()
                .and_then(|t| self.meetings.get(t.as_str()).copied()),
            agenda_item_id: None,
        })?;
        self.at(self.day(a.due_offset - 2));
        match a.state {
            ActionState::Open => {}
            ActionState::Done => {
                self.store
                    .finish_action(created.id, ActionEvent::Done, None, None)?;
            }
            ActionState::Cancelled => {
                self.store.finish_action(
                    created.id,
                    ActionEvent::Cancel,
                    Some("Niet meer nodig"),
                    None,
                )?;
            }
        }
        Ok(())
    }
}

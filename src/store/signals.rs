//! Signals, their feedback and their timeline.

use super::signal_dues::set_due;
use super::signal_merges::answer_merged;
use super::signal_record::{Signal, facts, get, step};
use super::timeline::Event;
use super::versioned::{self, Change};
use super::{
    Ctx, Result, Store, date_str, invalid, now_stamp, parse_date_col, problem,
    resolve::{Owner, owner_label},
    vocab,
};
use crate::domain::Problem;
use crate::domain::signal::{
    Channel, DEFAULT_FEEDBACK_DAYS, SignalEvent, SignalState, check_owner_named, check_triage_due,
    transition,
};
use crate::domain::text::one_line;
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::{Duration, NaiveDate};
use rusqlite::{Row, Transaction, params};
use serde::Serialize;

/// A signal as a list shows it: with names instead of ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignalRow {
    pub id: i64,
    pub title: String,
    pub org: Option<String>,
    pub district: Option<String>,
    pub theme: Option<String>,
    pub owner: String,
    pub state: SignalState,
    pub received_on: NaiveDate,
    pub feedback_due: Option<NaiveDate>,
    pub overdue: bool,
}

#[derive(Debug, Clone, Default)]
pub struct NewSignal {
    pub title: String,
    pub body: Option<String>,
    pub org_id: Option<i64>,
    pub district: Option<String>,
    pub neighbourhood: Option<String>,
    pub theme: Option<String>,
    pub received_on: Option<NaiveDate>,
    pub meeting_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct Triage {
    pub owner: Option<Owner>,
    pub theme: Option<String>,
    pub expectation: Option<String>,
    /// A new due date; `None` keeps the one in force.
    pub feedback_due: Option<NaiveDate>,
    /// Why the due date moves: required when it moves later.
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewFeedback {
    pub channel: Channel,
    pub text: String,
    pub is_final: bool,
    /// Interim feedback: when the organisation can expect news next.
    pub next_due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    pub id: i64,
    pub signal_id: i64,
    pub is_final: bool,
    pub channel: Channel,
    pub text: String,
    pub given_on: NaiveDate,
    pub given_by: String,
    pub next_due: Option<NaiveDate>,
}

/// The columns of a list row, shared by every signal list.
pub(crate) const ROW_SELECT: &str = "SELECT s.id, s.title, o.name, s.district, s.theme, s.owner_person_id, s.owner_org_id,
        s.state, s.received_on, s.feedback_due,
        coalesce(p.name, '') || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ' (' ELSE '' END
          || coalesce(coalesce(so.short_name, so.name), '')
          || CASE WHEN p.name IS NOT NULL AND so.id IS NOT NULL THEN ')' ELSE '' END
   FROM signal s
   LEFT JOIN organisation o ON o.id = s.org_id
   LEFT JOIN person p ON p.id = s.owner_person_id
   LEFT JOIN organisation so ON so.id = s.owner_org_id";

pub(crate) fn row_from(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<SignalRow> {
    let state = SignalState::from_code(&r.get::<_, String>(7)?).unwrap_or(SignalState::New);
    let due = r.get::<_, Option<String>>(9)?.map(|d| parse_date_col(&d));
    Ok(SignalRow {
        id: r.get(0)?,
        title: r.get(1)?,
        org: r.get(2)?,
        district: r.get(3)?,
        theme: r.get(4)?,
        owner: r.get(10)?,
        state,
        received_on: parse_date_col(&r.get::<_, String>(8)?),
        feedback_due: due,
        overdue: state.owes_feedback() && due.is_some_and(|d| d < today),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub at: String,
    /// The acting name (the account, or the `WIJKDESK_USER` override).
    pub user: String,
    /// The operating-system account behind the event; `None` for rows from before
    /// accounts were recorded, and for minutes (their audit rows have it).
    pub account: Option<String>,
    pub event: String,
    pub detail: String,
}

impl TimelineEntry {
    /// Who did it: "demo (account root)" when an override hid the account.
    pub fn who(&self) -> String {
        super::actor_label(&self.user, self.account.as_deref())
    }
}

/// Which signals a list shows.
#[derive(Debug, Clone, Default)]
pub struct SignalFilter {
    /// Empty: the open states.
    pub states: Vec<SignalState>,
    pub all_states: bool,
    pub org_id: Option<i64>,
    pub owner_person_id: Option<i64>,
    /// A service: signals it owns, or that one of its staff owns.
    pub owner_org_id: Option<i64>,
    pub unassigned: bool,
    pub overdue_only: bool,
    pub theme: Option<String>,
    pub district: Option<String>,
    pub text: Option<String>,
    pub limit: Option<usize>,
}

pub(crate) fn insert(tx: &Transaction<'_>, ctx: &Ctx, new: NewSignal) -> Result<Signal> {
    let title = text::clean_line(&required(&new.title, crate::domain::Field::SignalTitle)?);
    let mut district = vocab::accept(tx, ctx, TermKind::District, new.district.as_deref(), None)?;
    if let Some(org) = new.org_id {
        let org = super::orgs::get(tx, org)?;
        district = district.or(org.district);
    }
    let neighbourhood = vocab::accept(
        tx,
        ctx,
        TermKind::Neighbourhood,
        new.neighbourhood.as_deref(),
        district.as_deref(),
    )?;
    let theme = vocab::accept(tx, ctx, TermKind::Theme, new.theme.as_deref(), None)?;
    if let Some(m) = new.meeting_id {
        super::exists(tx, RecordRef::new(RecordKind::Meeting, m))?;
    }
    let received = new.received_on.unwrap_or(ctx.today);
    let due = received + Duration::days(DEFAULT_FEEDBACK_DAYS);
    let now = now_stamp();
    tx.execute(
        "INSERT INTO signal (title, body, org_id, district, neighbourhood, theme, state, received_on, feedback_due,
                             first_due, meeting_id, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'new', ?7, ?8, ?8, ?9, ?10, ?11, ?11)",
        params![
            title,
            new.body.map(|b| text::clean_text(&b)).unwrap_or_default(),
            new.org_id,
            district,
            neighbourhood,
            theme,
            date_str(received),
            date_str(due),
            new.meeting_id,
            ctx.user,
            now
        ],
    )?;
    let detail = match new.meeting_id {
        Some(m) => format!("raised in M-{m}"),
        None => String::new(),
    };
    versioned::created(
        tx,
        ctx,
        tx.last_insert_rowid(),
        Change::new("create").timeline_after(|s: &Signal| {
            Some(Event {
                signal_id: s.id,
                name: "received",
                from: None,
                to: Some(SignalState::New),
                detail,
            })
        }),
    )
}

pub(crate) fn add_feedback_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    fb: NewFeedback,
    expected: Option<i64>,
) -> Result<Signal> {
    get(tx, id)?;
    let text = required(&fb.text, crate::domain::Field::FeedbackText)?;
    let event = if fb.is_final {
        SignalEvent::FinalFeedback
    } else {
        SignalEvent::InterimFeedback
    };
    let after = step(tx, ctx, id, expected, event, "feedback", |before, _| {
        if let Some(d) = fb.next_due
            && d < ctx.today
        {
            return Err(invalid(Problem::NextFeedbackPast { date: d }));
        }
        tx.execute(
            "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, next_due, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, fb.is_final, fb.channel.code(), text, date_str(ctx.today), ctx.user, fb.next_due.map(date_str), now_stamp()],
        )?;
        let fid = tx.last_insert_rowid();
        // Interim feedback tells the organisation when to expect news: that date is the
        // next promise (not a move: the organisation was told).
        if let Some(d) = fb.next_due {
            set_due(
                tx,
                ctx,
                before,
                d,
                &format!("announced in interim feedback #{fid}"),
                false,
            )?;
        }
        let kind = if fb.is_final { "final" } else { "interim" };
        Ok(format!(
            "{kind} feedback #{fid} by {}: {}",
            fb.channel.code(),
            one_line(&text, 80)
        ))
    })?;
    if fb.is_final {
        answer_merged(tx, ctx, &after, fb.channel, &text)?;
    }
    Ok(after)
}

impl Store {
    pub fn add_signal(&mut self, new: NewSignal) -> Result<Signal> {
        self.write(|tx, ctx| insert(tx, ctx, new))
    }

    pub fn signal(&self, id: i64) -> Result<Signal> {
        get(&self.conn, id)
    }

    pub fn triage(&mut self, id: i64, t: Triage, expected: Option<i64>) -> Result<Signal> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, expected, |before: &Signal| {
                let to = transition(facts(tx, before)?, SignalEvent::Triage)?;
                let owner = t.owner.unwrap_or(before.owner());
                check_owner_named(
                    owner.is_named(),
                    "triage",
                    ", e.g. --owner P-4 or --owner DSO",
                )
                .map_err(problem)?;
                super::resolve::check_owner(tx, owner)?;
                if let Some(d) = t.feedback_due {
                    check_triage_due(d, before.feedback_due, ctx.today).map_err(problem)?;
                }
                // The due date in force stays unless triage names another one.
                match (t.feedback_due, before.feedback_due) {
                    (Some(d), _) => set_due(tx, ctx, before, d, t.reason.as_deref().unwrap_or(""), true)?,
                    (None, None) => {
                        let d = ctx.today + Duration::days(DEFAULT_FEEDBACK_DAYS);
                        set_due(tx, ctx, before, d, "", false)?;
                        tx.execute("UPDATE signal SET first_due = coalesce(first_due, ?2) WHERE id = ?1",
                            params![id, date_str(d)])?;
                    }
                    (None, Some(_)) => {}
                }
                let due = get(tx, id)?.feedback_due.unwrap_or(ctx.today);
                let theme = vocab::accept(tx, ctx, TermKind::Theme, t.theme.as_deref(), None)?
                    .or(before.theme.clone());
                let expectation = t
                    .expectation
                    .map(|e| text::clean_text(&e).trim().to_string())
                    .filter(|e| !e.is_empty())
                    .or(before.expectation.clone());
                tx.execute(
                    "UPDATE signal SET owner_person_id = ?2, owner_org_id = ?3, theme = ?4, expectation = ?5,
                            state = ?6
                     WHERE id = ?1",
                    params![id, owner.person_id, owner.org_id, theme, expectation, to.code()],
                )?;
                let label = owner_label(tx, owner)?;
                let mut detail = format!("owner {label}, feedback due {due}");
                if let Some(e) = &expectation {
                    detail.push_str(&format!("; expectation: {}", one_line(e, 60)));
                }
                Ok(Change::new("triage").timeline(Event::step(id, "triaged", before.state, to, detail)))
            })
        })
    }

    pub fn start_signal(&mut self, id: i64, expected: Option<i64>) -> Result<Signal> {
        self.write(|tx, ctx| {
            step(
                tx,
                ctx,
                id,
                expected,
                SignalEvent::Start,
                "started",
                |_, _| Ok(String::new()),
            )
        })
    }

    pub fn add_feedback(
        &mut self,
        id: i64,
        fb: NewFeedback,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| add_feedback_tx(tx, ctx, id, fb, expected))
    }

    /// Decline with an explanation, which is recorded as final feedback too: the
    /// organisation hears what can and cannot be done, and why.
    pub fn decline(
        &mut self,
        id: i64,
        explanation: &str,
        channel: Channel,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            get(tx, id)?;
            let explanation = required(explanation, crate::domain::Field::DeclineExplanation)?;
            step(tx, ctx, id, expected, SignalEvent::Decline, "declined", |_, _| {
                tx.execute(
                    "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, created_at)
                     VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, channel.code(), explanation, date_str(ctx.today), ctx.user, now_stamp()],
                )?;
                Ok(one_line(&explanation, 80))
            })
        })
    }

    pub fn close_signal(&mut self, id: i64, expected: Option<i64>) -> Result<Signal> {
        self.write(|tx, ctx| {
            step(
                tx,
                ctx,
                id,
                expected,
                SignalEvent::Close,
                "closed",
                |_, _| Ok(String::new()),
            )
        })
    }

    pub fn reopen_signal(
        &mut self,
        id: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            get(tx, id)?;
            let reason = required(reason, crate::domain::Field::ReopenReason)?;
            step(
                tx,
                ctx,
                id,
                expected,
                SignalEvent::Reopen,
                "reopened",
                |before, _| {
                    let due = ctx.today + Duration::days(DEFAULT_FEEDBACK_DAYS);
                    set_due(tx, ctx, before, due, "reopened", false)?;
                    Ok(one_line(&reason, 80))
                },
            )
        })
    }

    pub fn feedback_of(&self, id: i64) -> Result<Vec<Feedback>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, signal_id, is_final, channel, text, given_on, given_by, next_due FROM feedback
             WHERE signal_id = ?1 ORDER BY given_on, id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(Feedback {
                id: r.get(0)?,
                signal_id: r.get(1)?,
                is_final: r.get(2)?,
                channel: Channel::from_code(&r.get::<_, String>(3)?).unwrap_or(Channel::Email),
                text: r.get(4)?,
                given_on: parse_date_col(&r.get::<_, String>(5)?),
                given_by: r.get(6)?,
                next_due: r.get::<_, Option<String>>(7)?.map(|d| parse_date_col(&d)),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything that happened to a signal, oldest first: state changes, feedback,
    /// linked actions and commitments, and meetings whose minutes mention it.
    pub fn timeline(&self, id: i64) -> Result<Vec<TimelineEntry>> {
        get(&self.conn, id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT at, username, event, detail, id, account FROM signal_event WHERE signal_id = ?1
             UNION ALL
             SELECT m.starts_at, mi.created_by, 'meeting', 'discussed in M-' || m.id || ' ' || m.title || ': ' || mi.text, 0, NULL
               FROM minute mi JOIN meeting m ON m.id = mi.meeting_id
              WHERE mi.signal_id = ?1
             ORDER BY 1, 5",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(TimelineEntry {
                at: r.get(0)?,
                user: r.get(1)?,
                account: r.get(5)?,
                event: r.get(2)?,
                detail: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Set the feedback due date and the promise directly: the demo's story only (it
    /// tells when each organisation was promised an answer). Users move the date
    /// through triage, a reasoned move or interim feedback, and never the promise.
    pub(crate) fn set_feedback_due(&mut self, id: i64, due: NaiveDate) -> Result<Signal> {
        self.write(|tx, ctx| {
            versioned::update(tx, ctx, id, None, |_: &Signal| {
                tx.execute(
                    "UPDATE signal SET feedback_due = ?2,
                            first_due = CASE WHEN first_feedback_on IS NULL THEN ?2 ELSE first_due END
                      WHERE id = ?1",
                    params![id, date_str(due)],
                )?;
                Ok(Change::new("update"))
            })
        })
    }
}

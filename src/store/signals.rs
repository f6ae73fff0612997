//! Signals, their feedback and their timeline.

use super::signal_dues::set_due;
use super::signal_merges::answer_merged;
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, audit, bump_version, date_str, invalid, now_stamp,
    parse_date_col,
    resolve::{Owner, owner_label},
    vocab,
};
use crate::domain::Problem;
use crate::domain::signal::{SignalEvent, SignalFacts, SignalState, transition};
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, required, text};
use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, Row, Transaction, params};
use serde::{Deserialize, Serialize};

/// Days between receiving a signal and the feedback due date, unless triage says otherwise.
pub const DEFAULT_FEEDBACK_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Meeting,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Meeting,
        Channel::Letter,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::Meeting => "meeting",
            Channel::Letter => "letter",
        }
    }

    pub fn from_code(s: &str) -> Option<Channel> {
        match s.trim().to_lowercase().as_str() {
            "email" | "e-mail" | "mail" => Some(Channel::Email),
            "phone" | "telefoon" | "tel" => Some(Channel::Phone),
            "meeting" | "overleg" => Some(Channel::Meeting),
            "letter" | "brief" => Some(Channel::Letter),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub org_id: Option<i64>,
    pub district: Option<String>,
    pub neighbourhood: Option<String>,
    pub theme: Option<String>,
    pub state: SignalState,
    pub owner_person_id: Option<i64>,
    pub owner_org_id: Option<i64>,
    pub expectation: Option<String>,
    pub received_on: NaiveDate,
    /// The due date in force: the promise, or where it moved since.
    pub feedback_due: Option<NaiveDate>,
    /// The promise: the first feedback due date. Reports measure against it.
    pub first_due: Option<NaiveDate>,
    /// How often the due date was moved later (triage or a reasoned move), and by how
    /// many days in all.
    pub due_moves: i64,
    pub due_moved_days: i64,
    pub merged_into: Option<i64>,
    pub meeting_id: Option<i64>,
    pub created_by: String,
    pub version: i64,
}

impl Signal {
    pub fn reference(&self) -> RecordRef {
        RecordRef::new(RecordKind::Signal, self.id)
    }

    pub fn owner(&self) -> Owner {
        Owner {
            person_id: self.owner_person_id,
            org_id: self.owner_org_id,
        }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.state.owes_feedback() && self.feedback_due.is_some_and(|d| d < today)
    }
}

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

const SELECT: &str = "SELECT id, title, body, org_id, district, neighbourhood, theme, state, owner_person_id,
                             owner_org_id, expectation, received_on, feedback_due, merged_into, meeting_id,
                             created_by, version, first_due, due_moves, due_moved_days FROM signal";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Signal> {
    let state: String = r.get(7)?;
    Ok(Signal {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        org_id: r.get(3)?,
        district: r.get(4)?,
        neighbourhood: r.get(5)?,
        theme: r.get(6)?,
        state: SignalState::from_code(&state).unwrap_or(SignalState::New),
        owner_person_id: r.get(8)?,
        owner_org_id: r.get(9)?,
        expectation: r.get(10)?,
        received_on: parse_date_col(&r.get::<_, String>(11)?),
        feedback_due: r.get::<_, Option<String>>(12)?.map(|d| parse_date_col(&d)),
        merged_into: r.get(13)?,
        meeting_id: r.get(14)?,
        created_by: r.get(15)?,
        version: r.get(16)?,
        first_due: r.get::<_, Option<String>>(17)?.map(|d| parse_date_col(&d)),
        due_moves: r.get(18)?,
        due_moved_days: r.get(19)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Signal> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(RecordRef::new(RecordKind::Signal, id).to_string()))
}

fn has_final_feedback(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM feedback WHERE signal_id = ?1 AND is_final = 1)",
        [id],
        |r| r.get(0),
    )?)
}

pub(super) fn facts(conn: &Connection, s: &Signal) -> Result<SignalFacts> {
    Ok(SignalFacts {
        state: s.state,
        has_final_feedback: has_final_feedback(conn, s.id)?,
    })
}

pub(crate) fn log_event(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    signal_id: i64,
    event: &str,
    from: Option<SignalState>,
    to: Option<SignalState>,
    detail: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO signal_event (signal_id, at, username, account, event, from_state, to_state, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            signal_id,
            now_stamp(),
            ctx.user,
            ctx.account,
            event,
            from.map(|s| s.code()),
            to.map(|s| s.code()),
            detail
        ],
    )?;
    Ok(())
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
    let s = get(tx, tx.last_insert_rowid())?;
    audit::log(tx, ctx, s.reference(), "create", audit::created(&s))?;
    let detail = match new.meeting_id {
        Some(m) => format!("raised in M-{m}"),
        None => String::new(),
    };
    log_event(
        tx,
        ctx,
        s.id,
        "received",
        None,
        Some(SignalState::New),
        &detail,
    )?;
    Ok(s)
}

/// Apply a state change with its audit row and timeline entry.
pub(super) fn change_state(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    before: &Signal,
    to: SignalState,
    expected_version: Option<i64>,
    event: &str,
    detail: &str,
) -> Result<Signal> {
    let version = bump_version(tx, before.reference(), expected_version)?;
    tx.execute(
        "UPDATE signal SET state = ?2 WHERE id = ?1",
        params![before.id, to.code()],
    )?;
    let mut after = get(tx, before.id)?;
    after.version = version;
    audit::log(
        tx,
        ctx,
        after.reference(),
        event,
        audit::diff(before, &after),
    )?;
    log_event(
        tx,
        ctx,
        before.id,
        event,
        Some(before.state),
        Some(to),
        detail,
    )?;
    Ok(after)
}

pub(crate) fn add_feedback_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    id: i64,
    fb: NewFeedback,
    expected: Option<i64>,
) -> Result<Signal> {
    let before = get(tx, id)?;
    let text = required(&fb.text, crate::domain::Field::FeedbackText)?;
    let event = if fb.is_final {
        SignalEvent::FinalFeedback
    } else {
        SignalEvent::InterimFeedback
    };
    let to = transition(facts(tx, &before)?, event)?;
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
            &before,
            d,
            &format!("announced in interim feedback #{fid}"),
            false,
        )?;
    }
    let kind = if fb.is_final { "final" } else { "interim" };
    let detail = format!(
        "{kind} feedback #{fid} by {}: {}",
        fb.channel.code(),
        one_line(&text, 80)
    );
    let after = change_state(tx, ctx, &before, to, expected, "feedback", &detail)?;
    if fb.is_final {
        answer_merged(tx, ctx, &after, fb.channel, &text)?;
    }
    Ok(after)
}

pub(super) fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max {
        format!("{}…", flat.chars().take(max - 1).collect::<String>())
    } else {
        flat
    }
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
            let before = get(tx, id)?;
            let to = transition(facts(tx, &before)?, SignalEvent::Triage)?;
            let owner = t.owner.unwrap_or(before.owner());
            if owner.person_id.is_none() && owner.org_id.is_none() {
                return Err(invalid(Problem::TriageNeedsOwner));
            }
            super::resolve::check_owner(tx, owner)?;
            if let Some(d) = t.feedback_due
                && d < ctx.today
                && Some(d) != before.feedback_due
            {
                return Err(invalid(Problem::FeedbackDuePast { date: d }));
            }
            // The due date in force stays unless triage names another one.
            match (t.feedback_due, before.feedback_due) {
                (Some(d), _) => set_due(tx, ctx, &before, d, t.reason.as_deref().unwrap_or(""), true)?,
                (None, None) => {
                    let d = ctx.today + Duration::days(DEFAULT_FEEDBACK_DAYS);
                    set_due(tx, ctx, &before, d, "", false)?;
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
                "UPDATE signal SET owner_person_id = ?2, owner_org_id = ?3, theme = ?4, expectation = ?5
                 WHERE id = ?1",
                params![id, owner.person_id, owner.org_id, theme, expectation],
            )?;
            let label = owner_label(tx, owner)?;
            let mut detail = format!("owner {label}, feedback due {due}");
            if let Some(e) = &expectation {
                detail.push_str(&format!("; expectation: {}", one_line(e, 60)));
            }
            let version = bump_version(tx, before.reference(), expected)?;
            tx.execute("UPDATE signal SET state = ?2 WHERE id = ?1", params![id, to.code()])?;
            let mut after = get(tx, id)?;
            after.version = version;
            audit::log(tx, ctx, after.reference(), "triage", audit::diff(&before, &after))?;
            log_event(tx, ctx, id, "triaged", Some(before.state), Some(to), &detail)?;
            Ok(after)
        })
    }

    pub fn start_signal(&mut self, id: i64, expected: Option<i64>) -> Result<Signal> {
        self.write(|tx, ctx| {
            let before = get(tx, id)?;
            let to = transition(facts(tx, &before)?, SignalEvent::Start)?;
            change_state(tx, ctx, &before, to, expected, "started", "")
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
            let before = get(tx, id)?;
            let explanation = required(explanation, crate::domain::Field::DeclineExplanation)?;
            let to = transition(facts(tx, &before)?, SignalEvent::Decline)?;
            tx.execute(
                "INSERT INTO feedback (signal_id, is_final, channel, text, given_on, given_by, created_at)
                 VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)",
                params![id, channel.code(), explanation, date_str(ctx.today), ctx.user, now_stamp()],
            )?;
            change_state(tx, ctx, &before, to, expected, "declined", &one_line(&explanation, 80))
        })
    }

    pub fn close_signal(&mut self, id: i64, expected: Option<i64>) -> Result<Signal> {
        self.write(|tx, ctx| {
            let before = get(tx, id)?;
            let to = transition(facts(tx, &before)?, SignalEvent::Close)?;
            change_state(tx, ctx, &before, to, expected, "closed", "")
        })
    }

    pub fn reopen_signal(
        &mut self,
        id: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<Signal> {
        self.write(|tx, ctx| {
            let before = get(tx, id)?;
            let reason = required(reason, crate::domain::Field::ReopenReason)?;
            let to = transition(facts(tx, &before)?, SignalEvent::Reopen)?;
            let due = ctx.today + Duration::days(DEFAULT_FEEDBACK_DAYS);
            set_due(tx, ctx, &before, due, "reopened", false)?;
            change_state(
                tx,
                ctx,
                &before,
                to,
                expected,
                "reopened",
                &one_line(&reason, 80),
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
            let before = get(tx, id)?;
            let version = bump_version(tx, before.reference(), None)?;
            tx.execute(
                "UPDATE signal SET feedback_due = ?2,
                        first_due = CASE WHEN first_feedback_on IS NULL THEN ?2 ELSE first_due END
                  WHERE id = ?1",
                params![id, date_str(due)],
            )?;
            let mut after = get(tx, id)?;
            after.version = version;
            audit::log(
                tx,
                ctx,
                after.reference(),
                "update",
                audit::diff(&before, &after),
            )?;
            Ok(after)
        })
    }
}

//! A signal in full: its fields, the feedback it received, the actions and
//! commitments linked to it, and its timeline (every event with date and user).

use super::signal_forms::{channel_label, state_label};
use crate::store::{
    Action as StoreAction, ActionFilter, Commitment, CommitmentFilter, Feedback, Signal,
    TimelineEntry,
};
use crate::tui::component::Cx;
use crate::tui::settings::Settings;
use crate::tui::widgets::{self, vis, who};
use crate::words::T;
use ratatui::text::{Line, Span};

pub struct SignalDetail {
    pub signal: Signal,
    pub org: Option<String>,
    pub org_email: Option<String>,
    pub owner: String,
    pub feedback: Vec<Feedback>,
    pub actions: Vec<StoreAction>,
    pub commitments: Vec<Commitment>,
    pub timeline: Vec<TimelineEntry>,
}

impl SignalDetail {
    pub fn load(cx: &Cx, id: i64) -> crate::store::Result<SignalDetail> {
        let signal = cx.store.signal(id)?;
        let org = match signal.org_id {
            Some(o) => Some(cx.store.org(o)?),
            None => None,
        };
        let owner = cx.store.owner_label(signal.owner())?;
        let feedback = cx.store.feedback_of(id)?;
        let actions = cx.store.actions(&ActionFilter {
            all_states: true,
            signal_id: Some(id),
            limit: Some(50),
            ..ActionFilter::default()
        })?;
        let commitments = cx.store.commitments(&CommitmentFilter {
            all_states: true,
            signal_id: Some(id),
            limit: Some(50),
            ..CommitmentFilter::default()
        })?;
        let timeline = cx.store.timeline(id)?;
        Ok(SignalDetail {
            org: org.as_ref().map(|o| o.name.clone()),
            org_email: org.and_then(|o| o.email),
            signal,
            owner,
            feedback,
            actions,
            commitments,
            timeline,
        })
    }

    pub fn lines(&self, s: &Settings, today: chrono::NaiveDate) -> Vec<Line<'static>> {
        let t = |k| s.lang.t(k);
        let sig = &self.signal;
        let mut lines = vec![Line::from(Span::styled(
            format!("{} {}", sig.reference(), vis(&sig.title)),
            s.theme.title,
        ))];
        lines.push(widgets::field(s, t(T::ColState), t(state_label(sig.state))));
        lines.push(widgets::field(
            s,
            t(T::FieldOrganisation),
            self.org.as_deref().unwrap_or("-"),
        ));
        if let Some(d) = &sig.district {
            lines.push(widgets::field(s, t(T::ColDistrict), d));
        }
        if let Some(n) = &sig.neighbourhood {
            lines.push(widgets::field(s, t(T::FieldNeighbourhood), n));
        }
        lines.push(widgets::field(
            s,
            t(T::ColTheme),
            sig.theme.as_deref().unwrap_or("-"),
        ));
        let owner = if self.owner.is_empty() {
            "-"
        } else {
            &self.owner
        };
        lines.push(widgets::field(s, t(T::ColOwner), owner));
        lines.push(widgets::field(
            s,
            t(T::FieldReceived),
            &sig.received_on.to_string(),
        ));
        if let Some(due) = sig.feedback_due {
            let overdue = sig.is_overdue(today);
            let mark = if overdue { "!" } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", t(T::ColFeedbackDue)), s.theme.muted),
                Span::styled(format!("{mark}{due}"), widgets::marked(s, overdue)),
            ]));
        }
        // The promise stays visible once the date has moved away from it.
        if let Some(promise) = sig.first_due
            && (sig.due_moves > 0 || sig.feedback_due != Some(promise))
        {
            let text = if sig.due_moves > 0 {
                s.lang.f(
                    T::PromisedMoved,
                    &[
                        ("date", &promise.to_string()),
                        ("n", &sig.due_moves.to_string()),
                        ("days", &sig.due_moved_days.to_string()),
                    ],
                )
            } else {
                promise.to_string()
            };
            lines.push(widgets::field(s, t(T::FieldPromised), &text));
        }
        if let Some(e) = &sig.expectation {
            lines.push(widgets::field(s, t(T::FieldExpectation), e));
        }
        if let Some(m) = sig.merged_into {
            lines.push(widgets::field(s, t(T::FieldMergedInto), &format!("S-{m}")));
        }
        for l in sig.body.lines().filter(|l| !l.trim().is_empty()) {
            lines.push(Line::raw(format!("  {}", vis(l))));
        }
        lines.push(Line::raw(""));
        lines.push(widgets::heading(
            s,
            t(T::SectionFeedback),
            Some(self.feedback.len()),
        ));
        for f in &self.feedback {
            let kind = if f.is_final {
                t(T::FeedbackFinal)
            } else {
                t(T::FeedbackInterim)
            };
            let next = f.next_due.map(|d| format!(" → {d}")).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {} {} ", f.given_on, vis(&f.given_by)),
                    s.theme.muted,
                ),
                Span::raw(format!(
                    "{kind}, {}{next}: {}",
                    t(channel_label(f.channel)),
                    vis(&f.text.replace('\n', " ")),
                )),
            ]));
        }
        if !self.actions.is_empty() || !self.commitments.is_empty() {
            lines.push(widgets::heading(
                s,
                t(T::SectionLinked),
                Some(self.actions.len() + self.commitments.len()),
            ));
        }
        for a in &self.actions {
            let due = a
                .due
                .map(|d| format!(" ({} {d})", t(T::Due)))
                .unwrap_or_default();
            lines.push(Line::raw(format!(
                "  {} [{}] {}{due}",
                a.reference(),
                a.state.code(),
                vis(&a.text)
            )));
        }
        for c in &self.commitments {
            lines.push(Line::raw(format!(
                "  {} [{}] {} ({} {})",
                c.reference(),
                c.state.code(),
                vis(&c.text),
                t(T::Due),
                c.due
            )));
        }
        lines.push(widgets::heading(
            s,
            t(T::SectionTimeline),
            Some(self.timeline.len()),
        ));
        for e in &self.timeline {
            let at = e.at.replace('T', " ");
            let at = at.trim_end_matches('Z');
            let at: String = at.chars().take(16).collect();
            let detail = if e.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", vis(&e.detail))
            };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {at} {} ", vis(&who(s, &e.user, e.account.as_deref()))),
                    s.theme.muted,
                ),
                Span::styled(e.event.clone(), s.theme.key),
                Span::raw(detail),
            ]));
        }
        lines
    }
}

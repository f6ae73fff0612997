//! Meeting mail: invitations (iTIP REQUEST), their updates and cancellations (CANCEL),
//! and the finalised minutes to the organisations that attended.
//!
//! Each message goes to one organisation and is kept in the outbox before it is sent,
//! as feedback is ([`crate::mail`]): a server that refuses or cannot be reached loses
//! nothing (`wijkdesk mail retry`), and without `[mail]` settings each becomes an `.eml`
//! draft. The meeting's history records every message, to whom and with which SEQUENCE.

use crate::domain::Problem;
use crate::domain::ics::{self, Method, Party};
use crate::domain::meeting::MeetingStatus;
use crate::domain::minutes_export::Lang;
use crate::mail::{MailConfig, attempt_meeting, meeting_mail_summary};
use crate::store::{MailKind, MailStatus, Meeting, NewMeetingMail, OutboxEntry, Store, StoreError};
use chrono::Utc;
use std::fmt::Write as _;

/// What became of a meeting's messages.
#[derive(Debug)]
pub struct MeetingMail {
    pub kind: MailKind,
    /// The SEQUENCE an invitation or cancellation carried.
    pub sequence: Option<i64>,
    /// One outbox entry per organisation.
    pub entries: Vec<OutboxEntry>,
    /// Organisations left out: no e-mail address, nor a contact person with one.
    pub skipped: Vec<String>,
}

impl MeetingMail {
    /// Every message went out.
    pub fn all_sent(&self) -> bool {
        self.entries.iter().all(|e| e.status == MailStatus::Sent)
    }

    /// One line per message, then one per organisation left out.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.entries.iter().map(meeting_mail_summary).collect();
        for s in &self.skipped {
            out.push(format!(
                "{s}: no e-mail address, nor a contact person with one: left out"
            ));
        }
        out
    }

    /// The folder the drafts were written to (empty when none was).
    pub fn drafts_dir(&self) -> String {
        self.entries
            .iter()
            .find_map(|e| e.draft_path.as_deref())
            .and_then(|p| std::path::Path::new(p).parent())
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    }

    /// One line for the screens: how many went out, drafts, failures.
    pub fn headline(&self) -> String {
        let count = |s: MailStatus| self.entries.iter().filter(|e| e.status == s).count();
        let what = match self.kind {
            MailKind::Invite => "invitation",
            MailKind::Cancel => "cancellation",
            MailKind::Minutes => "minutes",
            MailKind::Feedback => "message",
        };
        let seq = self
            .sequence
            .map(|n| format!(" (sequence {n})"))
            .unwrap_or_default();
        let mut parts = vec![format!("{what}{seq}: {} sent", count(MailStatus::Sent))];
        let drafts = count(MailStatus::Draft);
        if drafts > 0 {
            parts.push(format!("{drafts} draft(s) in {}", self.drafts_dir()));
        }
        let failed = count(MailStatus::Failed) + count(MailStatus::Sending);
        if failed > 0 {
            parts.push(format!("{failed} not sent (wijkdesk mail outbox)"));
        }
        if !self.skipped.is_empty() {
            parts.push(format!("{} without an address", self.skipped.len()));
        }
        parts.join(", ")
    }
}

/// The configured mailbox as the calendar's ORGANIZER address.
fn mailbox(cfg: Option<&MailConfig>) -> Option<Party> {
    cfg.map(|c| Party {
        name: c
            .from
            .name
            .clone()
            .unwrap_or_else(|| c.from.email.to_string()),
        email: c.from.email.to_string(),
    })
}

fn refuse(problem: Problem) -> StoreError {
    StoreError::Invalid(problem)
}

/// The meeting and who its invitation would go to (and, apart, the organisations
/// without an address); refused for a meeting that took place or no one can receive.
pub fn invitation_plan(
    store: &Store,
    meeting_id: i64,
) -> Result<(Meeting, Vec<Party>, Vec<String>), StoreError> {
    let m = store.meeting(meeting_id)?;
    if matches!(m.status, MeetingStatus::Held | MeetingStatus::Final) {
        return Err(refuse(Problem::InvitationAfterMeeting {
            meeting: m.reference().to_string(),
            status: m.status,
        }));
    }
    let (to, skipped) = store.meeting_invitees(meeting_id)?;
    if to.is_empty() {
        return Err(refuse(no_one(&m, &skipped)));
    }
    Ok((m, to, skipped))
}

/// E-mail a meeting's invitation to every invited organisation: METHOD:REQUEST with the
/// current SEQUENCE (so a changed meeting replaces the copy in their calendars), or
/// METHOD:CANCEL once it is cancelled. A meeting that took place is refused.
pub fn invite(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    meeting_id: i64,
    sender_name: Option<&str>,
    lang: Lang,
) -> Result<MeetingMail, StoreError> {
    let (m, to, skipped) = invitation_plan(store, meeting_id)?;
    let method = Method::for_status(m.status);
    let event = store.meeting_ics_event(meeting_id, mailbox(cfg).as_ref())?;
    let calendar = ics::invitation(&event, method, Utc::now(), lang);
    let kind = if method == Method::Cancel {
        MailKind::Cancel
    } else {
        MailKind::Invite
    };
    // An update only when the copies sent earlier are out of date.
    let update = m.invited_sequence.is_some_and(|n| n < m.sequence) && method == Method::Request;
    let subject = subject(&m, kind, update, lang);
    let text = invitation_text(&m, &event, kind, update, lang);
    let domain = cfg
        .map(|c| c.from.email.domain().to_string())
        .unwrap_or_else(|| "wijkdesk.invalid".into());
    let stamp = Utc::now().timestamp_millis();
    let mut entries = Vec::new();
    for (n, p) in to.iter().enumerate() {
        let entry = store.outbox_add_meeting(NewMeetingMail {
            kind,
            meeting_id,
            to: p.email.clone(),
            subject: subject.clone(),
            text: text.clone(),
            // Kept unfolded, so erasing a name finds it whole; folded again to send.
            calendar: Some(ics::unfold(&calendar)),
            sequence: Some(m.sequence),
            attachment: None,
            sender_name: sender_name.map(String::from),
            message_id: format!(
                "{}.{}.{}.{stamp}.{}.{n}@{domain}",
                m.reference(),
                kind.code(),
                m.sequence,
                std::process::id()
            ),
        })?;
        entries.push(attempt_meeting(store, cfg, entry)?);
    }
    Ok(MeetingMail {
        kind,
        sequence: Some(m.sequence),
        entries,
        skipped,
    })
}

/// The finalised meeting and who its minutes would go to (and, apart, the organisations
/// that attended without an address); refused before the minutes are final or when no
/// one can receive them.
pub fn minutes_plan(
    store: &Store,
    meeting_id: i64,
) -> Result<(Meeting, Vec<String>, Vec<String>), StoreError> {
    let m = store.meeting(meeting_id)?;
    if m.status != MeetingStatus::Final {
        return Err(refuse(Problem::MinutesNotFinal {
            meeting: m.reference().to_string(),
            status: m.status,
        }));
    }
    let (to, skipped) = minutes_recipients(store, meeting_id)?;
    if to.is_empty() {
        return Err(refuse(Problem::NoMinutesRecipient {
            meeting: m.reference().to_string(),
            without_address: skipped.clone(),
        }));
    }
    Ok((m, to, skipped))
}

/// E-mail a finalised meeting's minutes (the Markdown summary as the text, and as an
/// attached .md) to the organisations that attended: marked present, or invited when
/// attendance was not taken (as the cadence counts them).
pub fn send_minutes(
    store: &mut Store,
    cfg: Option<&MailConfig>,
    meeting_id: i64,
    sender_name: Option<&str>,
    lang: Lang,
) -> Result<MeetingMail, StoreError> {
    let (m, to, skipped) = minutes_plan(store, meeting_id)?;
    let md = store.minutes_markdown(meeting_id, lang)?;
    let file = format!(
        "{}-{}-{}.md",
        match lang {
            Lang::Nl => "verslag",
            Lang::En => "minutes",
        },
        m.reference(),
        m.starts_at.format("%Y-%m-%d")
    );
    let subject = subject(&m, MailKind::Minutes, false, lang);
    let domain = cfg
        .map(|c| c.from.email.domain().to_string())
        .unwrap_or_else(|| "wijkdesk.invalid".into());
    let stamp = Utc::now().timestamp_millis();
    let mut entries = Vec::new();
    for (n, email) in to.iter().enumerate() {
        let entry = store.outbox_add_meeting(NewMeetingMail {
            kind: MailKind::Minutes,
            meeting_id,
            to: email.clone(),
            subject: subject.clone(),
            text: md.clone(),
            calendar: None,
            sequence: None,
            attachment: Some((file.clone(), md.clone())),
            sender_name: sender_name.map(String::from),
            message_id: format!(
                "{}.minutes.{stamp}.{}.{n}@{domain}",
                m.reference(),
                std::process::id()
            ),
        })?;
        entries.push(attempt_meeting(store, cfg, entry)?);
    }
    Ok(MeetingMail {
        kind: MailKind::Minutes,
        sequence: None,
        entries,
        skipped,
    })
}

/// Who the minutes go to: the addresses of the organisations that attended (present,
/// or attendance not taken), and apart, by name, those that have no address.
pub fn minutes_recipients(
    store: &Store,
    meeting_id: i64,
) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let mut to = Vec::new();
    let mut skipped = Vec::new();
    for o in store.meeting_orgs(meeting_id)? {
        if o.attended == Some(false) {
            continue;
        }
        match store.org_mail_address(o.org_id)? {
            Some(email) => to.push(email),
            None => skipped.push(format!("O-{} {}", o.org_id, o.name)),
        }
    }
    Ok((to, skipped))
}

fn no_one(m: &Meeting, skipped: &[String]) -> Problem {
    Problem::NoInvitee {
        meeting: m.reference().to_string(),
        without_address: skipped.to_vec(),
    }
}

fn when(m: &Meeting) -> String {
    let mut s = m.starts_at.format("%d-%m-%Y %H:%M").to_string();
    if let Some(end) = m.ends_at.filter(|e| *e > m.starts_at) {
        if end.date() == m.starts_at.date() {
            let _ = write!(s, "–{}", end.format("%H:%M"));
        } else {
            let _ = write!(s, " – {}", end.format("%d-%m-%Y %H:%M"));
        }
    }
    s
}

fn subject(m: &Meeting, kind: MailKind, update: bool, lang: Lang) -> String {
    let word = match (kind, update, lang) {
        (MailKind::Cancel, _, Lang::Nl) => "Afgelast",
        (MailKind::Cancel, _, Lang::En) => "Cancelled",
        (MailKind::Minutes, _, Lang::Nl) => "Verslag",
        (MailKind::Minutes, _, Lang::En) => "Minutes",
        (_, true, Lang::Nl) => "Gewijzigd",
        (_, true, Lang::En) => "Changed",
        (_, false, Lang::Nl) => "Uitnodiging",
        (_, false, Lang::En) => "Invitation",
    };
    format!(
        "{word}: {} ({})",
        m.title,
        m.starts_at.format("%d-%m-%Y %H:%M")
    )
}

/// The readable part beside the calendar part: what, when, where, the agenda.
fn invitation_text(
    m: &Meeting,
    e: &ics::IcsEvent,
    kind: MailKind,
    update: bool,
    lang: Lang,
) -> String {
    let nl = lang == Lang::Nl;
    let mut out = String::new();
    let opening = match (kind, update, nl) {
        (MailKind::Cancel, _, true) => "Dit overleg gaat niet door.",
        (MailKind::Cancel, _, false) => "This meeting is cancelled.",
        (_, true, true) => "Dit overleg is gewijzigd; de uitnodiging hieronder vervangt de vorige.",
        (_, true, false) => "This meeting has changed; this invitation replaces the earlier one.",
        (_, false, true) => "U bent uitgenodigd voor dit overleg.",
        (_, false, false) => "You are invited to this meeting.",
    };
    let _ = writeln!(out, "{opening}\n");
    let _ = writeln!(out, "{}", m.title);
    let _ = writeln!(out, "{}: {}", if nl { "Wanneer" } else { "When" }, when(m));
    if !m.location.trim().is_empty() {
        let _ = writeln!(out, "{}: {}", if nl { "Waar" } else { "Where" }, m.location);
    }
    if let Some(r) = m.cancel_reason.as_deref().filter(|r| !r.trim().is_empty()) {
        let _ = writeln!(out, "{}: {r}", if nl { "Reden" } else { "Reason" });
    }
    let agenda: Vec<&String> = e.agenda.iter().filter(|a| !a.trim().is_empty()).collect();
    if !agenda.is_empty() && kind != MailKind::Cancel {
        let _ = writeln!(out, "\nAgenda:");
        for (i, a) in agenda.iter().enumerate() {
            let _ = writeln!(out, "{}. {a}", i + 1);
        }
    }
    if !e.orgs.is_empty() {
        let _ = writeln!(
            out,
            "\n{}: {}",
            if nl { "Uitgenodigd" } else { "Invited" },
            e.orgs.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        match (kind, nl) {
            (MailKind::Cancel, true) =>
                "Uw agenda haalt het overleg weg met het agenda-item bij dit bericht.",
            (MailKind::Cancel, false) =>
                "Your calendar removes the meeting with the calendar item in this message.",
            (_, true) => "Het overleg staat als agenda-item bij dit bericht.",
            (_, false) => "The meeting is attached as a calendar item.",
        }
    );
    out
}

//! The Meetings screen's and the minutes editor's mail keys: cancel a meeting (a
//! question with a reason), e-mail its invitation, e-mail its final minutes. Each send
//! asks first, naming who it goes to, then runs off the input path (the mail worker).

use crate::domain::meeting::MeetingStatus;
use crate::domain::minutes_export::Lang as DocLang;
use crate::store::Meeting;
use crate::tui::component::{Cx, Effect, Outcome};
use crate::tui::popups::cancel_meeting::CancelMeeting;
use crate::tui::popups::confirm::Confirm;
use crate::tui::worker::MeetingMailJob;
use crate::words::{Lang, T};

fn doc_lang(cx: &Cx) -> DocLang {
    match cx.settings.lang {
        Lang::En => DocLang::En,
        Lang::Nl => DocLang::Nl,
    }
}

fn job(meeting: &Meeting, minutes: bool, cx: &Cx) -> Effect {
    Effect::MeetingMail(Box::new(MeetingMailJob {
        meeting_id: meeting.id,
        minutes,
        sender_name: crate::mail::sender_name(cx.store),
        cfg: cx.settings.loop_cfg.mail.clone(),
        lang: doc_lang(cx),
    }))
}

/// The question before cancelling; the store refuses what cannot be cancelled.
pub fn cancel(meeting: &Meeting, cx: &mut Cx) -> Outcome {
    if let Err(e) = crate::domain::meeting::transition(
        meeting.status,
        crate::domain::meeting::MeetingEvent::Cancel,
    ) {
        return Outcome::error(format!("{}: {}", meeting.reference(), e.0));
    }
    Outcome::one(Effect::Push(Box::new(CancelMeeting::new(
        meeting.clone(),
        cx.settings,
    ))))
}

/// Ask, then send the invitation: REQUEST, or CANCEL once the meeting is cancelled.
pub fn invite(meeting: &Meeting, cx: &mut Cx) -> Outcome {
    let lang = cx.settings.lang;
    // The same refusals as the command line's, from the same place.
    let (meeting, to, skipped) = match crate::meeting_mail::invitation_plan(cx.store, meeting.id) {
        Ok(plan) => plan,
        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
    };
    let meeting = &meeting;
    let what = lang.t(if meeting.status == MeetingStatus::Cancelled {
        T::MailWhatCancel
    } else {
        T::MailWhatInvite
    });
    let mut names: Vec<String> = to.iter().map(|p| p.email.clone()).collect();
    if !skipped.is_empty() {
        names.push(lang.f(T::MailNoAddressN, &[("n", &skipped.len())]));
    }
    let question = lang.f(
        T::MeetingInviteQ,
        &[
            ("what", &what),
            ("id", &meeting.reference()),
            ("n", &meeting.sequence),
            ("to", &names.join(", ")),
        ],
    );
    let sending = lang.f(
        T::MailSending,
        &[("what", &what), ("id", &meeting.reference())],
    );
    Outcome::one(Effect::Push(Box::new(Confirm::new(
        question,
        vec![Effect::Status(sending), job(meeting, false, cx)],
    ))))
}

/// Ask, then send the final minutes to the organisations that attended.
pub fn send_minutes(meeting: &Meeting, cx: &mut Cx) -> Outcome {
    let lang = cx.settings.lang;
    if meeting.status != MeetingStatus::Final {
        return Outcome::error(lang.f(
            T::MinutesSendNotFinal,
            &[
                ("id", &meeting.reference()),
                (
                    "status",
                    &lang.t(super::minutes_parts::status_label(meeting.status)),
                ),
            ],
        ));
    }
    let (meeting, to, _) = match crate::meeting_mail::minutes_plan(cx.store, meeting.id) {
        Ok(plan) => plan,
        Err(e) => return Outcome::error(cx.settings.lang.store_error(&e)),
    };
    let meeting = &meeting;
    let what = lang.t(T::MailWhatMinutes);
    let question = lang.f(
        T::MinutesSendQ,
        &[("id", &meeting.reference()), ("to", &to.join(", "))],
    );
    let sending = lang.f(
        T::MailSending,
        &[("what", &what), ("id", &meeting.reference())],
    );
    Outcome::one(Effect::Push(Box::new(Confirm::new(
        question,
        vec![Effect::Status(sending), job(meeting, true, cx)],
    ))))
}

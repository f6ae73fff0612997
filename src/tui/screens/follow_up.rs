//! The follow-up meeting: one key on a meeting (the Meetings screen, the minutes
//! editor) asks only when, proposing four weeks later at the same time, and makes the
//! next meeting of the same circle with the open matters on its agenda.

use super::meeting_form::parse_when;
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::domain::meeting::check_local_time;
use crate::store::Meeting;
use crate::tui::component::Cx;
use crate::tui::popups::form::{
    Echo, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};
use crate::words::{Lang, T};
use chrono::{Duration, NaiveDate, NaiveDateTime};

pub const DRAFT_KIND: &str = "follow-up";

/// The proposed start and end: four weeks after the meeting, at the same time; a week
/// later again while that is not after today.
pub fn proposed(m: &Meeting, today: NaiveDate) -> (NaiveDateTime, Option<NaiveDateTime>) {
    let mut shift = Duration::weeks(4);
    while (m.starts_at + shift).date() <= today {
        shift += Duration::weeks(1);
    }
    (m.starts_at + shift, m.ends_at.map(|e| e + shift))
}

struct FollowUpForm {
    from: i64,
}

pub fn form(m: &Meeting, cx: &Cx) -> Form {
    let (start, end) = proposed(m, cx.store.today());
    let dt = |d: NaiveDateTime| d.format("%Y-%m-%d %H:%M").to_string();
    let title = cx.settings.lang.f(
        T::FollowUpTitle,
        &[
            ("id", &m.reference()),
            ("title", &crate::tui::widgets::vis(&m.title)),
        ],
    );
    Form::new(
        title,
        vec![
            FieldSpec::text("start", T::FieldStart, dt(start)),
            FieldSpec::text("end", T::FieldEnd, end.map(dt).unwrap_or_default()),
        ],
        Box::new(FollowUpForm { from: m.id }),
        cx.settings,
    )
    .with_echo("start", Echo::DateTime(cx.store.today()))
}

/// The form again from a kept draft.
pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != DRAFT_KIND {
        return None;
    }
    let m = cx.store.meeting(draft.subject?).ok()?;
    Some(
        form(&m, cx)
            .with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

fn when(
    v: &FormValues,
    key: &'static str,
    day: Option<NaiveDateTime>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Option<NaiveDateTime>, FormError> {
    let at = match v.get(key).trim() {
        "" => return Ok(None),
        s => parse_when(s, day, today).map_err(|e| FormError::Field(key, lang.date(&e)))?,
    };
    let what = if key == "end" {
        Field::End
    } else {
        Field::Start
    };
    check_local_time(at, what).map_err(|r| FormError::Field(key, lang.problem(&r.0)))?;
    Ok(Some(at))
}

impl FormHandler for FollowUpForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        let today = cx.store.today();
        let start = when(v, "start", None, today, lang)?
            .ok_or_else(|| FormError::Field("start", lang.t(T::ErrRequired).to_string()))?;
        let end = when(v, "end", Some(start), today, lang)?;
        let doc_lang = match lang {
            Lang::En => crate::domain::minutes_export::Lang::En,
            Lang::Nl => crate::domain::minutes_export::Lang::Nl,
        };
        match cx.store.follow_up_meeting(self.from, start, end, doc_lang) {
            Ok(made) => {
                let from = RecordRef::new(crate::domain::RecordKind::Meeting, made.follows);
                Ok((
                    made.meeting.reference(),
                    lang.f(
                        T::FollowUpCreated,
                        &[
                            ("id", &made.meeting.reference()),
                            ("from", &from),
                            ("n", &made.carried),
                        ],
                    ),
                ))
            }
            Err(e) => Err(super::org_form::store_error(
                e,
                &[(Field::Start, "start"), (Field::End, "end")],
                lang,
            )),
        }
    }

    fn draft_kind(&self) -> &'static str {
        DRAFT_KIND
    }

    fn editing(&self) -> Option<(i64, i64)> {
        None
    }

    fn subject(&self) -> Option<(i64, i64)> {
        Some((self.from, 0))
    }
}

//! The meeting form: new and edit. Organisations are typed as a comma-separated list
//! of names (a unique prefix or short name is enough); chair and minute-taker as a
//! name, username or P-ID. A name that matches nothing or more than one is reported
//! next to its field.

use super::org_form::store_error;
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::domain::dates::{DateError, parse_date, parse_datetime};
use crate::store::{Meeting, MeetingEdit, NewMeeting, StoreError};
use crate::tui::action::Cx;
use crate::tui::i18n::{Lang, T};
use crate::tui::popups::form::Echo;
use crate::tui::popups::form::{
    FieldKind, FieldSpec, Form, FormDraft, FormError, FormHandler, FormValues,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

pub const DRAFT_KIND: &str = "meeting";

/// What an existing meeting's fields show.
struct Shown {
    orgs: Vec<(i64, String)>,
    chair: String,
    taker: String,
}

fn person_name(cx: &Cx, id: Option<i64>) -> String {
    id.and_then(|p| cx.store.person(p).ok())
        .map(|p| p.name)
        .unwrap_or_default()
}

fn shown(m: &Meeting, cx: &Cx) -> Shown {
    Shown {
        orgs: cx
            .store
            .meeting_orgs(m.id)
            .unwrap_or_default()
            .into_iter()
            .map(|o| (o.org_id, o.name))
            .collect(),
        chair: person_name(cx, m.chair_id),
        taker: person_name(cx, m.minute_taker_id),
    }
}

fn specs(m: Option<&Meeting>, sh: Option<&Shown>) -> Vec<FieldSpec> {
    let dt = |d: &NaiveDateTime| d.format("%Y-%m-%d %H:%M").to_string();
    vec![
        FieldSpec::text(
            "title",
            T::FieldTitle,
            m.map(|m| m.title.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "kind",
            T::FieldMeetingKind,
            m.map(|m| m.kind.clone())
                .unwrap_or_else(|| "overleg".into()),
        ),
        FieldSpec::text(
            "start",
            T::FieldStart,
            m.map(|m| dt(&m.starts_at)).unwrap_or_default(),
        ),
        FieldSpec::text(
            "end",
            T::FieldEnd,
            m.and_then(|m| m.ends_at.as_ref().map(dt))
                .unwrap_or_default(),
        ),
        FieldSpec::text(
            "location",
            T::FieldLocation,
            m.map(|m| m.location.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "district",
            T::ColDistrict,
            m.and_then(|m| m.district.clone()).unwrap_or_default(),
        ),
        FieldSpec {
            key: "orgs",
            label: T::FieldOrganisations,
            kind: FieldKind::Multiline(2),
            value: sh
                .map(|s| {
                    s.orgs
                        .iter()
                        .map(|o| o.1.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
        },
        FieldSpec::text(
            "chair",
            T::FieldChair,
            sh.map(|s| s.chair.clone()).unwrap_or_default(),
        ),
        FieldSpec::text(
            "minute_taker",
            T::FieldMinuteTaker,
            sh.map(|s| s.taker.clone()).unwrap_or_default(),
        ),
    ]
}

pub fn new_form(cx: &Cx) -> Form {
    let handler = MeetingForm {
        id: None,
        version: 0,
        original: None,
        orgs: Vec::new(),
    };
    Form::new(
        cx.t(T::NewMeeting),
        specs(None, None),
        Box::new(handler),
        cx.settings,
    )
    .with_echo("start", Echo::DateTime(cx.store.today()))
}

pub fn edit_form(m: &Meeting, cx: &Cx) -> Form {
    let sh = shown(m, cx);
    let handler = MeetingForm {
        id: Some(m.id),
        version: m.version,
        original: Some(m.clone()),
        orgs: sh.orgs.iter().map(|o| o.0).collect(),
    };
    let title = format!("{} {}", cx.t(T::EditTitle), m.reference());
    Form::new(
        title,
        specs(Some(m), Some(&sh)),
        Box::new(handler),
        cx.settings,
    )
    .with_echo("start", Echo::DateTime(cx.store.today()))
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    if draft.kind != DRAFT_KIND {
        return None;
    }
    let form = match draft.id {
        None => new_form(cx),
        Some(id) => {
            let mut m = cx.store.meeting(id).ok()?;
            m.version = draft.version.unwrap_or(m.version);
            edit_form(&m, cx)
        }
    };
    Some(
        form.with_values(&draft.values)
            .with_message(cx.t(T::DraftRestored)),
    )
}

struct MeetingForm {
    id: Option<i64>,
    version: i64,
    original: Option<Meeting>,
    orgs: Vec<i64>,
}

/// A start or end as the date grammar reads it (`10-12-2026 19:30`, `vr 19.30 uur`);
/// a date alone starts at 19:30, the usual evening meeting; for the end also just
/// `21:30` on the start's day.
pub fn parse_when(
    s: &str,
    day_of: Option<NaiveDateTime>,
    today: NaiveDate,
) -> Result<NaiveDateTime, DateError> {
    let s = s.trim();
    match parse_datetime(s, today) {
        Ok(at) => Ok(at),
        Err(DateError::MissingTime(_)) => {
            let day = parse_date(s, today)?;
            Ok(day.and_time(NaiveTime::from_hms_opt(19, 30, 0).unwrap_or_default()))
        }
        Err(e) => {
            let time = NaiveTime::parse_from_str(s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(s, "%H.%M"))
                .ok();
            match (day_of, time) {
                (Some(day), Some(t)) => Ok(day.date().and_time(t)),
                _ => Err(e),
            }
        }
    }
}

fn when(
    v: &FormValues,
    key: &'static str,
    day: Option<NaiveDateTime>,
    today: NaiveDate,
    lang: Lang,
) -> Result<Option<NaiveDateTime>, FormError> {
    let at = match v.get(key) {
        "" => return Ok(None),
        s => parse_when(s, day, today).map_err(|e| FormError::Field(key, e.to_string()))?,
    };
    // A time the clock change skips or repeats is refused beside its field.
    let what = if key == "end" {
        Field::End
    } else {
        Field::Start
    };
    crate::domain::meeting::check_local_time(at, what)
        .map_err(|r| FormError::Field(key, lang.problem(&r.0)))?;
    Ok(Some(at))
}

fn person(cx: &Cx, v: &FormValues, key: &'static str) -> Result<Option<i64>, FormError> {
    match v.get(key) {
        "" => Ok(None),
        name => cx
            .store
            .resolve_person(name)
            .map(Some)
            .map_err(|e| FormError::Field(key, e.to_string())),
    }
}

impl FormHandler for MeetingForm {
    fn submit(&mut self, v: &FormValues, cx: &mut Cx) -> Result<(RecordRef, String), FormError> {
        let lang = cx.settings.lang;
        if v.get("title").is_empty() {
            return Err(FormError::Field(
                "title",
                lang.t(T::ErrRequired).to_string(),
            ));
        }
        let today = cx.store.today();
        let start = when(v, "start", None, today, lang)?
            .ok_or_else(|| FormError::Field("start", lang.t(T::ErrRequired).to_string()))?;
        let end = when(v, "end", Some(start), today, lang)?;
        let mut orgs = Vec::new();
        for name in v
            .get("orgs")
            .split([',', '\n'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let id = cx
                .store
                .resolve_org(name)
                .map_err(|e| FormError::Field("orgs", cx.settings.lang.store_error(&e)))?;
            if !orgs.contains(&id) {
                orgs.push(id);
            }
        }
        let chair = person(cx, v, "chair")?;
        let taker = person(cx, v, "minute_taker")?;
        let result = match (&self.id, &self.original) {
            (Some(id), Some(orig)) => {
                let edit = MeetingEdit {
                    title: (v.get("title") != orig.title).then(|| v.get("title").into()),
                    kind: (v.get("kind") != orig.kind).then(|| v.get("kind").into()),
                    starts_at: (start != orig.starts_at).then_some(start),
                    ends_at: (end != orig.ends_at).then_some(end),
                    location: (v.get("location") != orig.location)
                        .then(|| v.get("location").into()),
                    district: (v.opt("district") != orig.district).then(|| v.opt("district")),
                    chair_id: (chair != orig.chair_id).then_some(chair),
                    minute_taker_id: (taker != orig.minute_taker_id).then_some(taker),
                    add_orgs: orgs
                        .iter()
                        .filter(|o| !self.orgs.contains(o))
                        .copied()
                        .collect(),
                    remove_orgs: self
                        .orgs
                        .iter()
                        .filter(|o| !orgs.contains(o))
                        .copied()
                        .collect(),
                };
                cx.store.edit_meeting(*id, edit, Some(self.version))
            }
            _ => cx.store.add_meeting(NewMeeting {
                title: v.get("title").into(),
                kind: v.opt("kind"),
                starts_at: Some(start),
                ends_at: end,
                location: v.opt("location"),
                district: v.opt("district"),
                org_ids: orgs,
                chair_id: chair,
                minute_taker_id: taker,
                agenda: Vec::new(),
            }),
        };
        match result {
            Ok(m) => {
                let key = if self.id.is_some() {
                    T::SavedChanges
                } else {
                    T::Created
                };
                Ok((
                    m.reference(),
                    lang.f(key, &[("id", &m.reference()), ("name", &m.title)]),
                ))
            }
            Err(e) => {
                if let (StoreError::Conflict(_), Some(id)) = (&e, self.id)
                    && let Ok(now) = cx.store.meeting(id)
                {
                    self.version = now.version;
                    self.original = Some(now);
                }
                Err(store_error(
                    e,
                    &[
                        (Field::MeetingTitle, "title"),
                        (Field::Start, "start"),
                        (Field::End, "end"),
                        (Field::Orgs, "orgs"),
                        (Field::Org, "orgs"),
                    ],
                    lang,
                ))
            }
        }
    }

    fn draft_kind(&self) -> &'static str {
        DRAFT_KIND
    }

    fn editing(&self) -> Option<(i64, i64)> {
        self.id.map(|id| (id, self.version))
    }
}

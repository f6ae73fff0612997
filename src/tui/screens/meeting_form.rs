//! The meeting form: new and edit. Organisations are typed as a comma-separated list
//! of names (a unique prefix or short name is enough); chair and minute-taker as a
//! name, username or P-ID. A name that matches nothing or more than one is reported
//! next to its field.

use super::record_form::{self, RecordForm};
use crate::domain::Field;
use crate::domain::RecordRef;
use crate::domain::dates::{DateError, parse_date, parse_datetime};
use crate::store::{Meeting, MeetingEdit, NewMeeting};
use crate::tui::component::Cx;
use crate::tui::popups::form::Echo;
use crate::tui::popups::form::{FieldKind, FieldSpec, Form, FormDraft, FormError, FormValues};
use crate::words::{Lang, T};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

pub const DRAFT_KIND: &str = "meeting";

/// An existing meeting with what its fields show by name.
struct Shown {
    meeting: Meeting,
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
        meeting: m.clone(),
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

fn specs(sh: Option<&Shown>) -> Vec<FieldSpec> {
    let m = sh.map(|s| &s.meeting);
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
    record_form::new_form::<MeetingForm>(cx)
}

pub fn edit_form(m: &Meeting, cx: &Cx) -> Form {
    record_form::edit_form::<MeetingForm>(shown(m, cx), m.version, cx)
}

pub fn restore(draft: &FormDraft, cx: &mut Cx) -> Option<Form> {
    record_form::restore::<MeetingForm>(draft, cx)
}

/// The meeting as a record form.
struct MeetingForm;

/// What the checks read from the typed values.
struct Checked {
    start: NaiveDateTime,
    end: Option<NaiveDateTime>,
    orgs: Vec<i64>,
    chair: Option<i64>,
    taker: Option<i64>,
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
        s => parse_when(s, day, today).map_err(|e| FormError::Field(key, lang.date(&e)))?,
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
            .map_err(|e| FormError::Field(key, cx.settings.lang.store_error(&e))),
    }
}

impl RecordForm for MeetingForm {
    type Record = Shown;
    type Checked = Checked;

    const DRAFT_KIND: &'static str = DRAFT_KIND;
    const NEW_TITLE: T = T::NewMeeting;
    const REQUIRED: &'static [&'static str] = &["title", "start"];
    const STORE_FIELDS: &'static [(Field, &'static str)] = &[
        (Field::MeetingTitle, "title"),
        (Field::Start, "start"),
        (Field::End, "end"),
        (Field::Orgs, "orgs"),
        (Field::Org, "orgs"),
    ];

    fn load(cx: &Cx, id: i64) -> crate::store::Result<Shown> {
        Ok(shown(&cx.store.meeting(id)?, cx))
    }

    fn stamp(sh: &Shown) -> (RecordRef, i64) {
        (sh.meeting.reference(), sh.meeting.version)
    }

    fn fields(sh: Option<&Shown>) -> Vec<FieldSpec> {
        specs(sh)
    }

    fn echoes(today: NaiveDate) -> Vec<(&'static str, Echo)> {
        vec![("start", Echo::DateTime(today))]
    }

    fn check(v: &FormValues, cx: &mut Cx) -> Result<Checked, FormError> {
        let today = cx.store.today();
        let start = when(v, "start", None, today, cx.settings.lang)?
            .ok_or_else(|| FormError::Field("start", cx.t(T::ErrRequired).to_string()))?;
        let end = when(v, "end", Some(start), today, cx.settings.lang)?;
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
        Ok(Checked {
            start,
            end,
            orgs,
            chair: person(cx, v, "chair")?,
            taker: person(cx, v, "minute_taker")?,
        })
    }

    fn save(
        v: &FormValues,
        c: Checked,
        original: Option<&Shown>,
        version: i64,
        cx: &mut Cx,
    ) -> crate::store::Result<(RecordRef, String)> {
        let m = match original {
            Some(sh) => {
                let orig = &sh.meeting;
                let had: Vec<i64> = sh.orgs.iter().map(|o| o.0).collect();
                let edit = MeetingEdit {
                    title: (v.get("title") != orig.title).then(|| v.get("title").into()),
                    kind: (v.get("kind") != orig.kind).then(|| v.get("kind").into()),
                    starts_at: (c.start != orig.starts_at).then_some(c.start),
                    ends_at: (c.end != orig.ends_at).then_some(c.end),
                    location: (v.get("location") != orig.location)
                        .then(|| v.get("location").into()),
                    district: (v.opt("district") != orig.district).then(|| v.opt("district")),
                    chair_id: (c.chair != orig.chair_id).then_some(c.chair),
                    minute_taker_id: (c.taker != orig.minute_taker_id).then_some(c.taker),
                    add_orgs: c
                        .orgs
                        .iter()
                        .filter(|o| !had.contains(o))
                        .copied()
                        .collect(),
                    remove_orgs: had
                        .iter()
                        .filter(|o| !c.orgs.contains(o))
                        .copied()
                        .collect(),
                };
                cx.store.edit_meeting(orig.id, edit, Some(version))?
            }
            None => cx.store.add_meeting(NewMeeting {
                title: v.get("title").into(),
                kind: v.opt("kind"),
                starts_at: Some(c.start),
                ends_at: c.end,
                location: v.opt("location"),
                district: v.opt("district"),
                org_ids: c.orgs,
                chair_id: c.chair,
                minute_taker_id: c.taker,
                agenda: Vec::new(),
            })?,
        };
        Ok((m.reference(), m.title))
    }
}

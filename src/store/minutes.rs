//! Minutes after they were typed: edit, move, delete, answer; the draft of the line
//! being typed; and the minutes gathered for the Markdown export.
//!
//! A line that created an action, commitment or signal keeps it whatever happens to
//! the line: an edit re-stores the text and its problems and leaves the record alone,
//! a delete removes the line and not the record. A line whose tokens did not resolve
//! creates its record the moment an edit makes it resolve. Once the minutes are final,
//! every change is an amendment: the line is marked and the audit row says "amend".

use super::meetings::{
    self, MINUTE_SELECT, Meeting, StoredMinute, change_action, minute_from_row, minute_get,
    realise, store_resolution,
};
use super::minute_reading::{read_line, written_on};
use super::versioned::{self, Part, Written};
use super::{
    Ctx, OptionalExt, Result, Store, StoreError, actions, audit, commitments, invalid, now_stamp,
    resolve, signal_record,
};
use crate::domain::Problem;
use crate::domain::action::ActionState;
use crate::domain::commitment::CommitmentState;
use crate::domain::minutes::{EntryKind, ParsedLine, TokenKind, fold};
use crate::domain::minutes_export::{
    Attendance, Lang, Line, MinutesDoc, Missing, RaisedSignal, Section, Task, TaskState, render,
};
use crate::domain::{RecordKind, RecordRef, text};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use serde_json::{Value, json};

/// What an edit of a minutes line did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinuteChange {
    pub minute: StoredMinute,
    /// False when the text was the same and nothing new resolved: nothing was written.
    pub changed: bool,
    /// The record this edit created: the line resolves now.
    pub created: Option<String>,
    /// The record the line created earlier, left exactly as it was.
    pub kept: Option<String>,
}

/// What deleting a minutes line did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeletedMinute {
    pub minute: StoredMinute,
    /// The record the line created; it stays.
    pub kept: Option<String>,
}

/// A line as a version conflict names it: `line 3 of M-5`.
fn line_part(m: &StoredMinute) -> Part {
    Part::at(
        Problem::StaleMinutesLine {
            position: m.position,
            meeting: RecordRef::new(RecordKind::Meeting, m.meeting_id).to_string(),
            had: 0,
            now: 0,
        },
        m.version,
    )
}

/// Bump a line's version; the caller compared it (see [`line_part`]).
fn bump_minute(tx: &Transaction<'_>, m: &StoredMinute) -> Result<()> {
    tx.execute(
        "UPDATE minute SET version = version + 1, updated_at = ?2 WHERE id = ?1",
        params![m.id, now_stamp()],
    )?;
    Ok(())
}

fn line_key(m: &StoredMinute) -> String {
    format!("minute {}", m.position)
}

fn edit_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    minute_id: i64,
    new_text: &str,
    expected: Option<i64>,
) -> Result<MinuteChange> {
    let before = minute_get(tx, minute_id)?;
    versioned::update_part(
        tx,
        ctx,
        meeting_ref(&before),
        &line_part(&before),
        expected,
        || {
            let meeting = meetings::get(tx, before.meeting_id)?;
            let line = text::clean_line(new_text);
            if line.trim().is_empty() {
                return Err(invalid(Problem::LineCannotBeEmptied));
            }
            let parsed = read_line(tx, &line, written_on(tx, minute_id, ctx.today)?)?;
            let had = before.created.clone();
            if had.is_some() && parsed.kind != before.kind {
                return Err(invalid(Problem::LineKeepsKind {
                    record: had.clone().unwrap_or_default(),
                    kind: before.kind,
                }));
            }
            let resolution = realise(
                tx,
                ctx,
                &meeting,
                before.agenda_item_id,
                &parsed,
                had.is_none(),
            )?;
            let created = resolution.created_ref().map(|r| r.to_string());
            if line == before.text && created.is_none() && resolution.problems == before.problems {
                return Ok(Written::nothing(MinuteChange {
                    minute: before.clone(),
                    changed: false,
                    created: None,
                    kept: had,
                }));
            }
            bump_minute(tx, &before)?;
            tx.execute(
                "UPDATE minute SET text = ?2, kind = ?3, amendment = amendment OR ?4 WHERE id = ?1",
                params![
                    minute_id,
                    line,
                    parsed.kind.code(),
                    meeting.status.minutes_locked()
                ],
            )?;
            if had.is_some() {
                tx.execute(
                    "UPDATE minute SET problems = ?2 WHERE id = ?1",
                    params![minute_id, meetings::problems_column(&resolution.problems)],
                )?;
            } else {
                store_resolution(tx, minute_id, &resolution)?;
            }
            let mut changes = json!({ line_key(&before): [before.text, line] });
            if let (Some(c), Value::Object(map)) = (&created, &mut changes) {
                map.insert(format!("{} created", line_key(&before)), json!([null, c]));
            }
            Ok(Written::logged(
                MinuteChange {
                    minute: minute_get(tx, minute_id)?,
                    changed: true,
                    created,
                    kept: had,
                },
                change_action(&meeting, "update"),
                changes,
            ))
        },
    )
}

/// The meeting a line belongs to, whose history tells of its changes.
fn meeting_ref(m: &StoredMinute) -> RecordRef {
    RecordRef::new(RecordKind::Meeting, m.meeting_id)
}

/// The record a stored line created, as a reference.
fn created_ref(m: &StoredMinute) -> Option<RecordRef> {
    m.created
        .as_deref()
        .and_then(|c| RecordRef::parse(c, None).ok())
}

impl Store {
    /// One minutes line by its id.
    pub fn minute(&self, minute_id: i64) -> Result<StoredMinute> {
        minute_get(&self.conn, minute_id)
    }

    /// The minutes line that made a commitment, if one did (as its first or a further
    /// organisation's commitment).
    pub fn commitment_line(&self, commitment_id: i64) -> Result<Option<StoredMinute>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "{MINUTE_SELECT} WHERE commitment_id = ?1
                        OR id IN (SELECT minute_id FROM minute_link WHERE commitment_id = ?1)"
                ),
                [commitment_id],
                minute_from_row,
            )
            .optional()?)
    }

    /// The lines of a meeting that still have problems (an owner, organisation or date
    /// that did not resolve), in the order shown: what finalising asks about.
    pub fn minutes_with_problems(&self, meeting_id: i64) -> Result<Vec<StoredMinute>> {
        meetings::get(&self.conn, meeting_id)?;
        let mut st = self.conn.prepare_cached(&format!(
            "{MINUTE_SELECT} WHERE meeting_id = ?1 AND problems != '' ORDER BY position, id"
        ))?;
        let rows = st.query_map([meeting_id], minute_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A meeting's line by its number (`position`), as `M-5/3` names it.
    pub fn minute_at(&self, meeting_id: i64, position: i64) -> Result<StoredMinute> {
        let m = meetings::get(&self.conn, meeting_id)?;
        self.conn
            .query_row(
                &format!("{MINUTE_SELECT} WHERE meeting_id = ?1 AND position = ?2"),
                params![meeting_id, position],
                minute_from_row,
            )
            .optional()?
            .ok_or_else(|| {
                invalid(Problem::NoSuchLine {
                    meeting: m.reference().to_string(),
                    position,
                })
            })
    }

    /// Change a line's text. The line is parsed again; a line that had not created its
    /// record yet creates it now when it resolves. A line that did create one keeps it
    /// linked and unchanged (only the text and its problems are stored); its kind
    /// cannot change.
    pub fn edit_minute(
        &mut self,
        minute_id: i64,
        text: &str,
        expected: Option<i64>,
    ) -> Result<MinuteChange> {
        self.write(|tx, ctx| edit_tx(tx, ctx, minute_id, text, expected))
    }

    /// Put a line under another agenda item (`None`: under none). What it created
    /// moves along.
    pub fn move_minute(
        &mut self,
        minute_id: i64,
        agenda_item_id: Option<i64>,
        expected: Option<i64>,
    ) -> Result<StoredMinute> {
        self.write(|tx, ctx| {
            let before = minute_get(tx, minute_id)?;
            let meeting = meetings::get(tx, before.meeting_id)?;
            let title = |item: Option<i64>| -> Result<Option<String>> {
                match item {
                    None => Ok(None),
                    Some(a) => {
                        let (m, item) = meetings::agenda_item(tx, a)?;
                        if m.id != meeting.id {
                            return Err(invalid(Problem::AgendaItemNotInMeeting {
                                item: a,
                                meeting: meeting.reference().to_string(),
                            }));
                        }
                        Ok(Some(item.title))
                    }
                }
            };
            let to = title(agenda_item_id)?;
            if before.agenda_item_id == agenda_item_id {
                return Ok(before);
            }
            let from = title(before.agenda_item_id)?;
            versioned::update_part(tx, ctx, meeting.reference(), &line_part(&before), expected, || {
                bump_minute(tx, &before)?;
                tx.execute(
                    "UPDATE minute SET agenda_item_id = ?2, amendment = amendment OR ?3 WHERE id = ?1",
                    params![minute_id, agenda_item_id, meeting.status.minutes_locked()],
                )?;
                if let Some(r) = created_ref(&before)
                    && matches!(r.kind, RecordKind::Action | RecordKind::Commitment)
                {
                    tx.execute(
                        &format!(
                            "UPDATE {} SET agenda_item_id = ?2 WHERE id = ?1",
                            r.kind.table()
                        ),
                        params![r.id, agenda_item_id],
                    )?;
                }
                Ok(Written::logged(
                    minute_get(tx, minute_id)?,
                    change_action(&meeting, "update"),
                    json!({ format!("{} agenda item", line_key(&before)): [from, to] }),
                ))
            })
        })
    }

    /// Delete a line. The action, commitment or signal it created stays (and is named
    /// in the answer, so the user can be told).
    pub fn delete_minute(
        &mut self,
        minute_id: i64,
        expected: Option<i64>,
    ) -> Result<DeletedMinute> {
        self.write(|tx, ctx| {
            let before = minute_get(tx, minute_id)?;
            let meeting = meetings::get(tx, before.meeting_id)?;
            versioned::update_part(
                tx,
                ctx,
                meeting.reference(),
                &line_part(&before),
                expected,
                || {
                    tx.execute("DELETE FROM minute WHERE id = ?1", [minute_id])?;
                    let mut changes = json!({ line_key(&before): [before.text, null] });
                    if let (Some(c), Value::Object(map)) = (&before.created, &mut changes) {
                        map.insert(format!("{} kept", line_key(&before)), json!([c, c]));
                    }
                    Ok(Written::logged(
                        DeletedMinute {
                            kept: before.created.clone(),
                            minute: before.clone(),
                        },
                        change_action(&meeting, "update"),
                        changes,
                    ))
                },
            )
        })
    }

    /// Mark a question answered (or open again). Answering is not an amendment: the
    /// question is usually answered in a later meeting, after these minutes are final.
    pub fn answer_question(
        &mut self,
        minute_id: i64,
        answered: bool,
        expected: Option<i64>,
    ) -> Result<StoredMinute> {
        self.write(|tx, ctx| {
            let before = minute_get(tx, minute_id)?;
            if before.kind != EntryKind::Question {
                return Err(invalid(Problem::NotAQuestion {
                    position: before.position,
                    meeting: RecordRef::new(RecordKind::Meeting, before.meeting_id).to_string(),
                    kind: before.kind,
                }));
            }
            if before.answered == answered {
                return Ok(before);
            }
            let meeting = meetings::get(tx, before.meeting_id)?;
            versioned::update_part(tx, ctx, meeting.reference(), &line_part(&before), expected, || {
                bump_minute(tx, &before)?;
                tx.execute(
                    "UPDATE minute SET answered = ?2 WHERE id = ?1",
                    params![minute_id, answered],
                )?;
                Ok(Written::logged(
                    minute_get(tx, minute_id)?,
                    if answered { "answer" } else { "reopen" },
                    json!({ format!("{} answered", line_key(&before)): [before.answered, answered] }),
                ))
            })
        })
    }

    /// Keep the line being typed for this meeting and the current user: one UPSERT,
    /// cheap enough for every pause in typing. An empty text removes the draft.
    pub fn save_minute_draft(&mut self, meeting_id: i64, text: &str) -> Result<()> {
        let text = text::clean_line(text);
        let user = self.ctx.user.clone();
        let result = if text.is_empty() {
            self.conn
                .prepare_cached("DELETE FROM minute_draft WHERE meeting_id = ?1 AND username = ?2")?
                .execute(params![meeting_id, user])
        } else {
            self.conn
                .prepare_cached(
                    "INSERT INTO minute_draft (meeting_id, username, text, updated_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (meeting_id, username) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                )?
                .execute(params![meeting_id, user, text, now_stamp()])
        };
        match result {
            Ok(_) => Ok(()),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                Err(StoreError::NotFound(
                    RecordRef::new(RecordKind::Meeting, meeting_id).to_string(),
                ))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The current user's draft line for this meeting, if any.
    pub fn minute_draft(&self, meeting_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT text FROM minute_draft WHERE meeting_id = ?1 AND username = ?2",
            )?
            .query_row(params![meeting_id, self.ctx.user], |r| r.get(0))
            .optional()?
            .filter(|t: &String| !t.is_empty()))
    }

    pub fn clear_minute_draft(&mut self, meeting_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM minute_draft WHERE meeting_id = ?1 AND username = ?2")?
            .execute(params![meeting_id, self.ctx.user])?;
        Ok(())
    }

    /// Store a line typed in the editor and clear the draft it was, in one transaction:
    /// after a crash there is either the draft or the line, never both.
    pub fn add_minute_from_draft(
        &mut self,
        meeting_id: i64,
        agenda_item_id: Option<i64>,
        line: &str,
    ) -> Result<meetings::MinuteEntry> {
        self.write(|tx, ctx| {
            let entry = meetings::add_minute_tx(tx, ctx, meeting_id, agenda_item_id, line)?;
            tx.execute(
                "DELETE FROM minute_draft WHERE meeting_id = ?1 AND username = ?2",
                params![meeting_id, ctx.user],
            )?;
            Ok(entry)
        })
    }

    /// Everything the Markdown export shows about a meeting.
    pub fn minutes_doc(&self, meeting_id: i64) -> Result<MinutesDoc> {
        minutes_doc(&self.conn, meeting_id, self.today())
    }

    /// The minutes as readable Markdown.
    pub fn minutes_markdown(&self, meeting_id: i64, lang: Lang) -> Result<String> {
        let md = render(&self.minutes_doc(meeting_id)?, lang);
        Ok(crate::domain::text::visible_text(&md).into_owned())
    }
}

/// Whether a typed part matches a name: the start of the name or of one of its words,
/// ignoring case and accents; `-` and `_` stand for spaces.
fn completes(query: &str, name: &str) -> Option<bool> {
    let key = |s: &str| {
        fold(s)
            .replace(['-', '_'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (q, n) = (key(query), key(name));
    if n.starts_with(&q) {
        return Some(true);
    }
    n.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some(start)
        })
        .any(|i| n[i..].starts_with(&q))
        .then_some(false)
}

/// Sorted: names that start with the query first, then alphabetical; no duplicates.
fn ranked(mut found: Vec<(bool, String)>, limit: usize) -> Vec<String> {
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| fold(&a.1).cmp(&fold(&b.1))));
    let mut out: Vec<String> = Vec::new();
    for (_, token) in found {
        if !out.contains(&token) {
            out.push(token);
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

impl Store {
    /// Completions for the token being typed (Tab in the minutes editor): `partial` is
    /// the token so far with its sigil (`@an`, `org:duin`, `#ver`); the answer holds
    /// whole tokens that resolve, e.g. `@avries`, `@DSO`, `org:"Bewonersoverleg
    /// Duinoord"`, `#verkeer`. People are offered by username where they have one,
    /// else by name with `-` for spaces.
    pub fn token_candidates(&self, partial: &str, limit: usize) -> Result<Vec<String>> {
        let partial = partial.trim_start();
        let mut found: Vec<(bool, String)> = Vec::new();
        if let Some(q) = partial.strip_prefix('@') {
            // Only those who may own work: a completion always resolves.
            for c in self.owner_choices()? {
                let token = match (&c.handle, c.is_service) {
                    (Some(h), _) => format!("@{h}"),
                    // A service is offered by its short name only.
                    (None, true) => continue,
                    (None, false) => {
                        format!(
                            "@{}",
                            c.name.split_whitespace().collect::<Vec<_>>().join("-")
                        )
                    }
                };
                let hit = [Some(c.name.as_str()), c.handle.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|n| completes(q, n))
                    .max();
                if let Some(first) = hit {
                    found.push((first, token));
                }
            }
        } else if let Some(q) = partial
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("org:"))
            .map(|_| partial[4..].trim_start_matches('"'))
        {
            let mut st = self
                .conn
                .prepare_cached("SELECT name, short_name FROM organisation")?;
            let rows = st.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })?;
            for row in rows {
                let (name, short) = row?;
                let hit = [Some(name.as_str()), short.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter_map(|n| completes(q, n))
                    .max();
                if let Some(first) = hit {
                    let token = if name.contains(char::is_whitespace) || name.contains('"') {
                        format!("org:\"{}\"", name.replace('"', ""))
                    } else {
                        format!("org:{name}")
                    };
                    found.push((first, token));
                }
            }
        } else if let Some(q) = partial.strip_prefix('#') {
            let (_, themes) = self.districts_and_themes()?;
            for t in themes {
                if let Some(first) = completes(q, &t) {
                    found.push((first, format!("#{}", t.replace(char::is_whitespace, "-"))));
                }
            }
        }
        Ok(ranked(found, limit))
    }
}

fn person_name(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    match id {
        None => Ok(None),
        Some(p) => Ok(conn
            .query_row("SELECT name FROM person WHERE id = ?1", [p], |r| r.get(0))
            .optional()?),
    }
}

/// The readable parts of a line: its text without tokens, who, to whom and when as
/// far as the tokens resolve, and what the line still lacks (never a raw token).
fn readable(conn: &Connection, m: &StoredMinute, parsed: &ParsedLine) -> Line {
    let owner = parsed.owner().and_then(|o| {
        resolve::owner(conn, o)
            .and_then(|owner| resolve::owner_label(conn, owner))
            .ok()
            .filter(|l| !l.is_empty())
    });
    let org = parsed.org().and_then(|o| {
        resolve::org_id(conn, o)
            .and_then(|id| super::orgs::get(conn, id))
            .map(|org| org.name)
            .ok()
    });
    Line {
        kind: m.kind,
        text: parsed.plain(),
        record: m.created.as_ref().map(|_| m.made().join(", ")),
        owner,
        org,
        due: parsed.due(),
        answered: m.answered,
        amendment: m.amendment,
        missing: missing(conn, m, parsed),
    }
}

/// Whether `p` says the theme `th` is not on the list.
fn unknown_theme(p: &Problem, th: &str) -> bool {
    match p {
        Problem::MinutesUnknownTheme { value, .. } => value == th,
        Problem::MinutesStored { text } => text.starts_with(&format!("#{th}:")),
        _ => false,
    }
}

/// What a line names that does not resolve, and what a commitment line lacks.
fn missing(conn: &Connection, m: &StoredMinute, parsed: &ParsedLine) -> Vec<Missing> {
    let mut out: Vec<Missing> = Vec::new();
    let mut push = |x: Missing| {
        if !out.contains(&x) {
            out.push(x);
        }
    };
    for t in &parsed.tokens {
        match &t.kind {
            TokenKind::Owner(o) if resolve::owner(conn, o).is_err() => {
                push(Missing::Owner(o.clone()))
            }
            TokenKind::Org(o) if resolve::org_id(conn, o).is_err() => push(Missing::Org(o.clone())),
            TokenKind::BadDue(v) => push(Missing::Due(v.clone())),
            TokenKind::Theme(th) if m.problems.iter().any(|p| unknown_theme(p, th)) => {
                push(Missing::Theme(th.clone()))
            }
            _ => {}
        }
    }
    for p in &m.problems {
        match p {
            Problem::MinutesMoreThanOne { used, .. } => {
                push(Missing::Several(used.slot().to_string()))
            }
            Problem::MinutesCommitmentNeedsOrg => push(Missing::NoOrg),
            Problem::MinutesCommitmentNeedsDue => push(Missing::NoDue),
            // As an older version wrote them.
            Problem::MinutesStored { text } => {
                if let Some(what) = text
                    .strip_prefix("more than one ")
                    .and_then(|r| r.split(':').next())
                {
                    push(Missing::Several(what.to_string()));
                } else if text.starts_with("a commitment is made to an organisation") {
                    push(Missing::NoOrg);
                } else if text.starts_with("a commitment needs a due date") {
                    push(Missing::NoDue);
                }
            }
            _ => {}
        }
    }
    out
}

fn commitment_task(c: &commitments::Commitment, amendment: bool) -> Task {
    Task {
        reference: Some(c.reference().to_string()),
        text: c.text.clone(),
        org: Some(c.org.clone()),
        owner: Some(c.owner.clone()).filter(|o| !o.is_empty()),
        due: Some(c.due),
        state: match c.state {
            CommitmentState::Open => TaskState::Open,
            CommitmentState::Kept => TaskState::Kept,
            CommitmentState::Broken => TaskState::Broken,
            CommitmentState::Withdrawn => TaskState::Withdrawn,
        },
        amendment,
        missing: Vec::new(),
    }
}

fn action_task(a: &actions::Action, amendment: bool) -> Task {
    Task {
        reference: Some(a.reference().to_string()),
        text: a.text.clone(),
        org: None,
        owner: Some(a.owner.clone()).filter(|o| !o.is_empty()),
        due: a.due,
        state: match a.state {
            ActionState::Open => TaskState::Open,
            ActionState::Done => TaskState::Done,
            ActionState::Cancelled => TaskState::Cancelled,
        },
        amendment,
        missing: Vec::new(),
    }
}

fn unrecorded(line: &Line) -> Task {
    Task {
        reference: None,
        text: line.text.clone(),
        org: line.org.clone(),
        owner: line.owner.clone(),
        due: line.due,
        state: TaskState::NotRecorded,
        amendment: line.amendment,
        missing: line.missing.clone(),
    }
}

fn ids(conn: &Connection, sql: &str, meeting_id: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([meeting_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn minutes_doc(
    conn: &Connection,
    meeting_id: i64,
    today: NaiveDate,
) -> Result<MinutesDoc> {
    let m: Meeting = meetings::get(conn, meeting_id)?;
    let orgs = meetings::meeting_orgs(conn, meeting_id)?
        .into_iter()
        .map(|o| Attendance {
            name: o.name,
            detail: None,
            attended: o.attended,
        })
        .collect();
    let people = meetings::meeting_people(conn, meeting_id)?
        .into_iter()
        .map(|p| Attendance {
            name: p.name,
            // Municipal staff without an organisation are known by their role.
            detail: p.org.or(Some(p.role).filter(|r| !r.trim().is_empty())),
            attended: p.attended,
        })
        .collect();
    let agenda = meetings::agenda_of(conn, meeting_id)?;
    let stored: Vec<StoredMinute> = {
        let mut st = conn.prepare(&format!(
            "{MINUTE_SELECT} WHERE meeting_id = ?1 ORDER BY position, id"
        ))?;
        st.query_map([meeting_id], minute_from_row)?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut lines: Vec<(Option<i64>, &StoredMinute, Line)> = Vec::with_capacity(stored.len());
    for s in &stored {
        let parsed = read_line(conn, &s.text, written_on(conn, s.id, today)?)?;
        lines.push((s.agenda_item_id, s, readable(conn, s, &parsed)));
    }

    let mut sections = Vec::with_capacity(agenda.len() + 1);
    let known: Vec<i64> = agenda.iter().map(|a| a.id).collect();
    let loose: Vec<Line> = lines
        .iter()
        .filter(|(item, _, _)| item.is_none_or(|i| !known.contains(&i)))
        .map(|(_, _, l)| l.clone())
        .collect();
    if !loose.is_empty() {
        sections.push(Section {
            title: None,
            lines: loose,
        });
    }
    for item in &agenda {
        sections.push(Section {
            title: Some(item.title.clone()),
            lines: lines
                .iter()
                .filter(|(i, _, _)| *i == Some(item.id))
                .map(|(_, _, l)| l.clone())
                .collect(),
        });
    }

    // The summary follows the order things were said; records made outside the
    // minutes but linked to the meeting come after.
    let mut commitments_out = Vec::new();
    let mut actions_out = Vec::new();
    let mut signals_out = Vec::new();
    let (mut seen_c, mut seen_a, mut seen_s) = (Vec::new(), Vec::new(), Vec::new());
    for (_, s, line) in &lines {
        let made = created_ref(s);
        match (s.kind, made) {
            (EntryKind::Commitment, Some(r)) if r.kind == RecordKind::Commitment => {
                commitments_out.push(commitment_task(
                    &commitments::get(conn, r.id, today)?,
                    s.amendment,
                ));
                seen_c.push(r.id);
                // The same promise to the line's further organisations, right after.
                for also in s
                    .also_created
                    .iter()
                    .filter_map(|c| RecordRef::parse(c, None).ok())
                {
                    commitments_out.push(commitment_task(
                        &commitments::get(conn, also.id, today)?,
                        s.amendment,
                    ));
                    seen_c.push(also.id);
                }
            }
            (EntryKind::Commitment, None) => commitments_out.push(unrecorded(line)),
            (EntryKind::Action, Some(r)) if r.kind == RecordKind::Action => {
                actions_out.push(action_task(&actions::get(conn, r.id, today)?, s.amendment));
                seen_a.push(r.id);
            }
            (EntryKind::Action, None) => actions_out.push(unrecorded(line)),
            (EntryKind::Signal, Some(r)) if r.kind == RecordKind::Signal => {
                let sig = signal_record::get(conn, r.id)?;
                signals_out.push(RaisedSignal {
                    reference: Some(sig.reference().to_string()),
                    title: sig.title.clone(),
                    org: org_name(conn, sig.org_id)?,
                    amendment: s.amendment,
                    missing: Vec::new(),
                });
                seen_s.push(r.id);
            }
            (EntryKind::Signal, None) => signals_out.push(RaisedSignal {
                reference: None,
                title: line.text.clone(),
                org: line.org.clone(),
                amendment: s.amendment,
                missing: line.missing.clone(),
            }),
            _ => {}
        }
    }
    for id in ids(
        conn,
        "SELECT id FROM commitment WHERE meeting_id = ?1 ORDER BY id",
        meeting_id,
    )? {
        if !seen_c.contains(&id) {
            commitments_out.push(commitment_task(&commitments::get(conn, id, today)?, false));
        }
    }
    for id in ids(
        conn,
        "SELECT id FROM action WHERE meeting_id = ?1 ORDER BY id",
        meeting_id,
    )? {
        if !seen_a.contains(&id) {
            actions_out.push(action_task(&actions::get(conn, id, today)?, false));
        }
    }
    for id in ids(
        conn,
        "SELECT id FROM signal WHERE meeting_id = ?1 ORDER BY id",
        meeting_id,
    )? {
        if !seen_s.contains(&id) {
            let sig = signal_record::get(conn, id)?;
            signals_out.push(RaisedSignal {
                reference: Some(sig.reference().to_string()),
                title: sig.title.clone(),
                org: org_name(conn, sig.org_id)?,
                amendment: false,
                missing: Vec::new(),
            });
        }
    }

    Ok(MinutesDoc {
        reference: m.reference().to_string(),
        title: m.title.clone(),
        kind: m.kind.clone(),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: m.location.clone(),
        district: m.district.clone(),
        status: m.status,
        chair: person_name(conn, m.chair_id)?,
        minute_taker: person_name(conn, m.minute_taker_id)?,
        orgs,
        people,
        sections,
        commitments: commitments_out,
        actions: actions_out,
        signals: signals_out,
        removed: removed_after_final(conn, &m)?,
    })
}

fn org_name(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    match id {
        None => Ok(None),
        Some(o) => Ok(Some(super::orgs::get(conn, o)?.name)),
    }
}

/// The texts of lines deleted after the minutes were final, from the audit trail.
fn removed_after_final(conn: &Connection, m: &Meeting) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for entry in audit::history(conn, m.reference())? {
        if entry.action != "amend" {
            continue;
        }
        let Value::Object(map) = &entry.changes else {
            continue;
        };
        for (key, change) in map {
            let is_line = key
                .strip_prefix("minute ")
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()));
            if is_line
                && let Some([Value::String(before), Value::Null]) =
                    change.as_array().map(Vec::as_slice)
            {
                out.push(before.clone());
            }
        }
    }
    Ok(out)
}

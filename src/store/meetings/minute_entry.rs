//! Minutes lines as they are entered: stored the moment they are typed, their tokens
//! resolved, and `A:`, `T:` and `S:` lines made into their action, commitment or signal
//! in the same transaction.

use super::{Meeting, get, meeting_orgs};
use crate::domain::Problem;
use crate::domain::minutes::{EntryKind, ParsedLine, fold};
use crate::domain::vocab::TermKind;
use crate::domain::{RecordKind, RecordRef, text};
use crate::store::{
    Ctx, OptionalExt, Result, Store, StoreError, actions, audit, commitments, invalid, now_stamp,
    resolve::{self, Owner},
    signals,
};
use rusqlite::{Connection, Row, Transaction, params};
use serde::Serialize;

/// A minutes line as stored, with what it created and what could not be resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMinute {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub position: i64,
    pub kind: EntryKind,
    pub text: String,
    pub created: Option<String>,
    /// Further commitments the line made, one per further organisation it names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_created: Vec<String>,
    /// What could not be resolved; `--json` gives each in English.
    #[serde(serialize_with = "english")]
    pub problems: Vec<Problem>,
    pub answered: bool,
    pub amendment: bool,
    pub created_by: String,
    pub version: i64,
}

impl StoredMinute {
    /// Every record the line made: the one in `created`, then the further commitments.
    pub fn made(&self) -> Vec<String> {
        self.created
            .iter()
            .chain(&self.also_created)
            .cloned()
            .collect()
    }
}

fn english<S: serde::Serializer>(
    problems: &[Problem],
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(problems.iter().map(Problem::to_string))
}

/// A line's problems as the `problems` column keeps them: one JSON value a line.
pub(crate) fn problems_column(problems: &[Problem]) -> String {
    problems
        .iter()
        .filter_map(|p| serde_json::to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `problems` column read back; a line an older version stored as English text is
/// kept as that text.
fn problems_of(column: &str) -> Vec<Problem> {
    column
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|_| Problem::MinutesStored {
                text: l.to_string(),
            })
        })
        .collect()
}

/// What `add_minute` did with a line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinuteEntry {
    pub minute: StoredMinute,
    pub parsed_kind: EntryKind,
    /// Commitments made on the same line to further organisations, beyond the one
    /// in `minute.created`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_created: Vec<String>,
}

pub(crate) fn minute_from_row(r: &Row<'_>) -> rusqlite::Result<StoredMinute> {
    let kind: String = r.get(4)?;
    let created = match (
        r.get::<_, Option<i64>>(6)?,
        r.get::<_, Option<i64>>(7)?,
        r.get::<_, Option<i64>>(8)?,
    ) {
        (Some(s), _, _) => Some(format!("S-{s}")),
        (_, Some(a), _) => Some(format!("A-{a}")),
        (_, _, Some(c)) => Some(format!("C-{c}")),
        _ => None,
    };
    let problems: String = r.get(9)?;
    let mut also: Vec<i64> = r
        .get::<_, Option<String>>(14)?
        .unwrap_or_default()
        .split(',')
        .filter_map(|c| c.trim().parse().ok())
        .collect();
    also.sort_unstable();
    Ok(StoredMinute {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        position: r.get(3)?,
        kind: EntryKind::from_code(&kind).unwrap_or(EntryKind::Note),
        text: r.get(5)?,
        created,
        also_created: also
            .into_iter()
            .map(|c| RecordRef::new(RecordKind::Commitment, c).to_string())
            .collect(),
        problems: problems_of(&problems),
        answered: r.get(10)?,
        amendment: r.get(11)?,
        created_by: r.get(12)?,
        version: r.get(13)?,
    })
}

pub(crate) const MINUTE_SELECT: &str = "SELECT id, meeting_id, agenda_item_id, position, kind, text, signal_id, action_id,
                                    commitment_id, problems, answered, amendment, created_by, version,
                                    (SELECT group_concat(l.commitment_id) FROM minute_link l
                                      WHERE l.minute_id = minute.id) FROM minute";

/// Store one minutes line and create what it asks for. Unresolvable tokens never lose
/// the line: it is stored as typed, with its problems listed.
pub(crate) fn add_minute_tx(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    meeting_id: i64,
    agenda_item_id: Option<i64>,
    line: &str,
) -> Result<MinuteEntry> {
    let meeting = get(tx, meeting_id)?;
    super::ensure_not_cancelled(&meeting)?;
    let line = text::clean_line(line);
    if line.trim().is_empty() {
        return Err(invalid(Problem::EmptyLine));
    }
    if let Some(a) = agenda_item_id {
        let ok: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM agenda_item WHERE id = ?1 AND meeting_id = ?2",
                params![a, meeting_id],
                |r| r.get(0),
            )
            .optional()?;
        if ok.is_none() {
            return Err(invalid(Problem::AgendaItemNotInMeeting {
                item: a,
                meeting: meeting.reference().to_string(),
            }));
        }
    }
    let parsed = crate::store::minute_reading::read_line(tx, &line, ctx.today)?;
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM minute WHERE meeting_id = ?1",
        [meeting_id],
        |r| r.get(0),
    )?;
    let now = now_stamp();
    tx.execute(
        "INSERT INTO minute (meeting_id, agenda_item_id, position, kind, text, amendment, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![meeting_id, agenda_item_id, position, parsed.kind.code(), line, meeting.status.minutes_locked(), ctx.user, now],
    )?;
    let id = tx.last_insert_rowid();
    let r = realise(tx, ctx, &meeting, agenda_item_id, &parsed, true)?;
    store_resolution(tx, id, &r)?;
    let minute = minute_get(tx, id)?;
    let action = if minute.amendment { "amend" } else { "create" };
    audit::log(
        tx,
        ctx,
        meeting.reference(),
        action,
        serde_json::json!({ "minute": [null, line] }),
    )?;
    Ok(MinuteEntry {
        parsed_kind: parsed.kind,
        minute,
        also_created: r
            .also_committed
            .iter()
            .map(|&c| RecordRef::new(RecordKind::Commitment, c).to_string())
            .collect(),
    })
}

pub(crate) fn minute_get(conn: &Connection, id: i64) -> Result<StoredMinute> {
    conn.query_row(
        &format!("{MINUTE_SELECT} WHERE id = ?1"),
        [id],
        minute_from_row,
    )
    .optional()?
    .ok_or_else(|| invalid(Problem::MinutesLineMissing { id }))
}

/// What resolving a line's tokens gave: the problems found and the record created.
#[derive(Debug, Default)]
pub(crate) struct Resolution {
    pub problems: Vec<Problem>,
    /// (signal, action, commitment)
    pub created: (Option<i64>, Option<i64>, Option<i64>),
    /// Further commitments when the line names several organisations.
    pub also_committed: Vec<i64>,
}

impl Resolution {
    pub(crate) fn created_ref(&self) -> Option<RecordRef> {
        match self.created {
            (Some(s), _, _) => Some(RecordRef::new(RecordKind::Signal, s)),
            (_, Some(a), _) => Some(RecordRef::new(RecordKind::Action, a)),
            (_, _, Some(c)) => Some(RecordRef::new(RecordKind::Commitment, c)),
            _ => None,
        }
    }
}

/// Write a resolution onto its minutes line: the links and the problems.
pub(crate) fn store_resolution(tx: &Transaction<'_>, minute_id: i64, r: &Resolution) -> Result<()> {
    tx.execute(
        "UPDATE minute SET signal_id = ?2, action_id = ?3, commitment_id = ?4, problems = ?5 WHERE id = ?1",
        params![minute_id, r.created.0, r.created.1, r.created.2, problems_column(&r.problems)],
    )?;
    tx.execute("DELETE FROM minute_link WHERE minute_id = ?1", [minute_id])?;
    for c in &r.also_committed {
        tx.execute(
            "INSERT INTO minute_link (minute_id, commitment_id) VALUES (?1, ?2)",
            params![minute_id, c],
        )?;
    }
    Ok(())
}

/// Resolve a line's tokens and, when complete and `create` is set, create its action,
/// commitment or signal. With `create` unset (the line made its record before) only
/// the tokens are checked, so that the text can still be highlighted.
pub(crate) fn realise(
    tx: &Transaction<'_>,
    ctx: &Ctx,
    meeting: &Meeting,
    agenda_item_id: Option<i64>,
    parsed: &ParsedLine,
    create: bool,
) -> Result<Resolution> {
    let mut problems: Vec<Problem> = parsed.problems().into_iter().map(|(_, m)| m).collect();
    let owner = match parsed.owner() {
        Some(o) => match resolve::owner(tx, o) {
            Ok(owner) => Some(owner),
            Err(e) => {
                problems.push(Problem::MinutesTokenProblem {
                    token: format!("@{o}"),
                    problem: Box::new(e.into_problem()),
                });
                None
            }
        },
        None => None,
    };
    // "Actie: Ingrid regelt de bankjes": a first word that names exactly one person
    // owns the line when no @owner is typed.
    let owner = match owner {
        None if matches!(parsed.kind, EntryKind::Action | EntryKind::Commitment) => {
            named_owner(tx, &parsed.title())?
        }
        owner => owner,
    };
    let orgs = meeting_orgs(tx, meeting.id)?;
    let mut org_ids = Vec::new();
    for o in parsed.orgs() {
        match resolve::org_id(tx, o) {
            Ok(id) if !org_ids.contains(&id) => org_ids.push(id),
            Ok(_) => {}
            Err(e) => problems.push(Problem::MinutesTokenProblem {
                token: format!("org:{o}"),
                problem: Box::new(e.into_problem()),
            }),
        }
    }
    if parsed.orgs().is_empty() && orgs.len() == 1 {
        org_ids.push(orgs[0].org_id);
    }
    let org = org_ids.first().copied();
    let title = parsed.title();
    let mut created: (Option<i64>, Option<i64>, Option<i64>) = (None, None, None);
    let mut also_committed = Vec::new();
    if create && problems.is_empty() {
        match parsed.kind {
            EntryKind::Action => {
                let a = actions::insert(
                    tx,
                    ctx,
                    actions::NewAction {
                        text: title,
                        owner: owner.unwrap_or_default(),
                        due: parsed.due(),
                        signal_id: None,
                        meeting_id: Some(meeting.id),
                        agenda_item_id,
                    },
                )?;
                created.1 = Some(a.id);
            }
            EntryKind::Commitment => match (org, parsed.due()) {
                (Some(_), Some(due)) => {
                    // One commitment per organisation: each is kept or broken on its own.
                    for &org_id in &org_ids {
                        let c = commitments::insert(
                            tx,
                            ctx,
                            commitments::NewCommitment {
                                text: title.clone(),
                                org_id,
                                owner: owner.unwrap_or_default(),
                                due,
                                signal_id: None,
                                meeting_id: Some(meeting.id),
                                agenda_item_id,
                            },
                        )?;
                        match created.2 {
                            None => created.2 = Some(c.id),
                            Some(_) => also_committed.push(c.id),
                        }
                    }
                }
                (None, _) => problems.push(Problem::MinutesCommitmentNeedsOrg),
                (_, None) => problems.push(Problem::MinutesCommitmentNeedsDue),
            },
            EntryKind::Signal => {
                // An unknown #theme must not cost the line typed in a meeting: the
                // signal is made without it and the token is listed as a problem.
                let theme = match crate::store::vocab::accept(
                    tx,
                    ctx,
                    TermKind::Theme,
                    parsed.theme(),
                    None,
                ) {
                    Ok(t) => t,
                    Err(StoreError::UnknownTerm(u)) => {
                        problems.push(Problem::MinutesUnknownTheme {
                            value: u.value.clone(),
                            problem: Box::new(u.problem()),
                        });
                        None
                    }
                    Err(e) => return Err(e),
                };
                let s = signals::insert(
                    tx,
                    ctx,
                    signals::NewSignal {
                        title,
                        org_id: org,
                        theme,
                        meeting_id: Some(meeting.id),
                        ..Default::default()
                    },
                )?;
                created.0 = Some(s.id);
            }
            _ => {}
        }
    }
    Ok(Resolution {
        problems,
        created,
        also_committed,
    })
}

/// The person a line's first word names, when it is a capitalised name that matches
/// exactly one person; otherwise no owner, and no problem either: it was just a word.
fn named_owner(conn: &Connection, title: &str) -> Result<Option<Owner>> {
    let Some(word) = title.split_whitespace().next() else {
        return Ok(None);
    };
    let word = word.trim_end_matches([',', ':', '.']);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if !capitalised || word.chars().count() < 2 || !word.chars().all(char::is_alphabetic) {
        return Ok(None);
    }
    // A whole word of the name, not a prefix: "Bel de aannemer" must not find Bella.
    let key = fold(word);
    let mut st = conn.prepare_cached(
        "SELECT id, name, coalesce(username, '') FROM person WHERE erased_at IS NULL",
    )?;
    let mut found = Vec::new();
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (id, name, username) = row?;
        if fold(&username) == key || name.split_whitespace().any(|w| fold(w) == key) {
            found.push(id);
        }
    }
    Ok(match found[..] {
        [id] => resolve::owner(conn, &format!("P-{id}")).ok(),
        _ => None,
    })
}

impl Store {
    pub fn minutes(&self, meeting_id: i64) -> Result<Vec<StoredMinute>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{MINUTE_SELECT} WHERE meeting_id = ?1 ORDER BY position, id"
        ))?;
        let rows = st.query_map([meeting_id], minute_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_minute(
        &mut self,
        meeting_id: i64,
        agenda_item_id: Option<i64>,
        line: &str,
    ) -> Result<MinuteEntry> {
        self.write(|tx, ctx| add_minute_tx(tx, ctx, meeting_id, agenda_item_id, line))
    }

    /// The owner as it would be resolved from a minutes token; for previews.
    pub fn preview_owner(&self, token: &str) -> Result<Owner> {
        resolve::owner(&self.conn, token)
    }
}

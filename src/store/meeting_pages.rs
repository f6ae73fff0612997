//! The Meetings screen's list, a page at a time: planned meetings first, soonest
//! first; then held, final and cancelled ones, newest first. Each segment is a range scan on its
//! own partial index (schema/007_list_pages.sql), so a page deep in ten years of meetings costs what
//! the first does, and no meeting is left out for being old.

use super::meetings::{Meeting, SELECT, from_row};
use super::{Result, Store};
use crate::domain::meeting::MeetingStatus;
use crate::domain::{RecordKind, RecordRef};
use rusqlite::types::Value;

/// Which part of the list, in list order.
#[derive(Clone, Copy, PartialEq)]
enum Segment {
    Planned,
    Done,
}

impl Segment {
    fn of(m: &Meeting) -> Segment {
        if m.status == MeetingStatus::Planned {
            Segment::Planned
        } else {
            Segment::Done
        }
    }

    fn index(self) -> &'static str {
        match self {
            Segment::Planned => "meeting_planned",
            Segment::Done => "meeting_done",
        }
    }

    fn state(self) -> &'static str {
        match self {
            Segment::Planned => "status = 'planned' AND cancelled_at IS NULL",
            Segment::Done => "status IN ('held', 'final') OR cancelled_at IS NOT NULL",
        }
    }

    /// Planned meetings run forwards in time, the others backwards.
    fn forwards(self) -> bool {
        self == Segment::Planned
    }
}

impl Store {
    /// Up to `n` meetings after `after` (from the top when `None`), in list order,
    /// whose title contains `filter` or whose ID it is.
    pub fn meeting_page(
        &self,
        filter: &str,
        after: Option<&Meeting>,
        n: usize,
    ) -> Result<Vec<Meeting>> {
        let mut rows = Vec::new();
        let planned_key = after.filter(|m| Segment::of(m) == Segment::Planned);
        if after.is_none() || planned_key.is_some() {
            rows = self.segment(Segment::Planned, filter, planned_key, true, n)?;
        }
        if rows.len() < n {
            let done_key = after.filter(|m| Segment::of(m) == Segment::Done);
            rows.extend(self.segment(Segment::Done, filter, done_key, true, n - rows.len())?);
        }
        Ok(rows)
    }

    /// Up to `n` meetings before `before` (the last `n` when `None`), in list order.
    pub fn meeting_page_before(
        &self,
        filter: &str,
        before: Option<&Meeting>,
        n: usize,
    ) -> Result<Vec<Meeting>> {
        let mut rows = Vec::new();
        let done_key = before.filter(|m| Segment::of(m) == Segment::Done);
        if before.is_none() || done_key.is_some() {
            rows = self.segment(Segment::Done, filter, done_key, false, n)?;
        }
        if rows.len() < n {
            let planned_key = before.filter(|m| Segment::of(m) == Segment::Planned);
            rows.extend(self.segment(
                Segment::Planned,
                filter,
                planned_key,
                false,
                n - rows.len(),
            )?);
        }
        rows.reverse();
        Ok(rows)
    }

    /// An organisation's meetings, in list order (planned soonest first, then the
    /// others newest first), at most `n`: a search on meeting_org, not a scan.
    pub fn org_meetings(&self, org_id: i64, n: usize) -> Result<Vec<Meeting>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE id IN (SELECT meeting_id FROM meeting_org WHERE org_id = ?1)
              ORDER BY (status = 'planned' AND cancelled_at IS NULL) DESC,
                       CASE WHEN status = 'planned' AND cancelled_at IS NULL THEN starts_at END ASC,
                       starts_at DESC, id DESC
              LIMIT ?2"
        ))?;
        let rows = st.query_map(rusqlite::params![org_id, n as i64], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many meetings the filter lets through.
    pub fn meeting_count(&self, filter: &str) -> Result<usize> {
        let (cond, values) = filter_clause(filter);
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM meeting WHERE {cond}"))?
            .query_row(rusqlite::params_from_iter(values), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// One segment's meetings nearest to `key` (nearest first): `down` walks in list
    /// order, else against it.
    fn segment(
        &self,
        seg: Segment,
        filter: &str,
        key: Option<&Meeting>,
        down: bool,
        n: usize,
    ) -> Result<Vec<Meeting>> {
        let ascending = seg.forwards() == down;
        let (cond, mut values) = filter_clause(filter);
        let mut sql = SELECT.replace(
            "FROM meeting",
            &format!("FROM meeting INDEXED BY {}", seg.index()),
        );
        sql.push_str(&format!(" WHERE ({}) AND ({cond})", seg.state()));
        if let Some(k) = key {
            let op = if ascending { ">" } else { "<" };
            sql.push_str(&format!(" AND (starts_at, id) {op} (?, ?)"));
            values.push(Value::Text(super::meetings::dt_str(k.starts_at)));
            values.push(Value::Integer(k.id));
        }
        let dir = if ascending { "ASC" } else { "DESC" };
        sql.push_str(&format!(" ORDER BY starts_at {dir}, id {dir} LIMIT {n}"));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(values), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The filter: a title containing the text (any case), or the meeting's ID.
fn filter_clause(filter: &str) -> (String, Vec<Value>) {
    let q = filter.trim();
    if q.is_empty() {
        return ("1".into(), Vec::new());
    }
    let like = format!(
        "%{}%",
        q.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let id = RecordRef::parse(q, Some(RecordKind::Meeting))
        .ok()
        .filter(|r| r.kind == RecordKind::Meeting)
        .map_or(-1, |r| r.id);
    (
        "title LIKE ? ESCAPE '\\' OR id = ?".into(),
        vec![Value::Text(like), Value::Integer(id)],
    )
}

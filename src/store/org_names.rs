//! Every organisation's name and short name, for the screens' narrow columns (see
//! [`crate::domain::org_names::OrgNames`]).

use super::{Result, Store};

impl Store {
    /// (name, short name) of every organisation. Organisations are few (hundreds at
    /// most), so this is read whole when the data changes.
    pub fn org_names(&self) -> Result<Vec<(String, Option<String>)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT name, short_name FROM organisation")?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

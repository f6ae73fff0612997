//! Every organisation's name and short name, for the screens' narrow columns (see
//! [`crate::domain::org_names::OrgNames`]).

use super::{Result, Store};
use rusqlite::types::Type;

impl Store {
    /// (name, short name) of every organisation, read whole: the screens read it again
    /// only when [`Store::org_names_generation`] moved.
    pub fn org_names(&self) -> Result<Vec<(String, Option<String>)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT name, short_name FROM organisation")?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// A number that moves whenever an organisation is added, removed or renamed, on any
    /// connection (schema/021), so the screens know when the short names are stale.
    pub fn org_names_generation(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT n FROM org_names_generation WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }

    /// Each organisation's (name, short name), borrowed for the call: no string per
    /// organisation is made (the screens gather them into one buffer).
    pub fn each_org_name(&self, mut f: impl FnMut(&str, Option<&str>)) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached("SELECT name, short_name FROM organisation")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let text = |e| rusqlite::Error::FromSqlConversionFailure(0, Type::Text, Box::new(e));
            let name = r.get_ref(0)?.as_str().map_err(text)?;
            let short = r.get_ref(1)?.as_str_or_null().map_err(text)?;
            f(name, short);
        }
        Ok(())
    }
}

//! Snapshots: reads that see one committed state of the database while others write
//! (a read transaction), so that what is shown together agrees with itself.

use super::{Store, StoreError};

impl Store {
    /// Run `f` on one snapshot of the database (a read transaction): a list read
    /// twice (once to measure its columns, once to print) sees the same rows both
    /// times while others write.
    pub fn snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(StoreError::from)?;
        let out = f(self);
        // Only read: ending it either way is the same.
        tx.commit().map_err(StoreError::from)?;
        out
    }

    /// Begin a snapshot that [`Store::end_snapshot`] ends, for a caller whose reads
    /// cannot sit in one closure: the screens' refresh reads through every screen, and
    /// its counts and rows must come from the same committed state. Its file locks are
    /// taken once, not once per statement. `false` when a transaction was already open
    /// (the reads then belong to it). A write ends the snapshot before it begins.
    pub fn begin_snapshot(&mut self) -> bool {
        if !self.conn.is_autocommit() || self.conn.execute_batch("BEGIN").is_err() {
            return false;
        }
        self.in_snapshot = true;
        true
    }

    /// End the snapshot [`Store::begin_snapshot`] began (when it did).
    pub fn end_snapshot(&mut self, began: bool) {
        if began {
            self.close_snapshot();
        }
    }

    /// End a snapshot that is open, if one is: before a write on this connection.
    pub(super) fn close_snapshot(&mut self) {
        if self.in_snapshot {
            self.in_snapshot = false;
            // Only read: ending it either way is the same.
            if self.conn.execute_batch("COMMIT").is_err() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::store::NewOrg;
    use crate::store::testing::TempDb;

    fn orgs(store: &crate::store::Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM organisation", [], |r| r.get(0))
            .unwrap()
    }

    fn org(name: &str) -> NewOrg {
        NewOrg {
            name: name.into(),
            ..NewOrg::default()
        }
    }

    /// Reading in a snapshot moves nothing (the change generation stays, so the
    /// screens do not reload for it), and another connection's write is not seen
    /// until the snapshot ends.
    #[test]
    fn a_snapshot_reads_one_committed_state() {
        let db = TempDb::new("snapshot-state");
        let mut store = db.open();
        let mut other = db.open();
        other.add_org(org("Bewonersraad Oost")).unwrap();
        let before = store.change_generation().unwrap();
        let began = store.begin_snapshot();
        assert!(began);
        assert_eq!(orgs(&store), 1);
        store.end_snapshot(began);
        assert_eq!(
            store.change_generation().unwrap(),
            before,
            "reading moved it"
        );

        let began = store.begin_snapshot();
        assert_eq!(orgs(&store), 1);
        other.add_org(org("Wijkberaad West")).unwrap();
        assert_eq!(orgs(&store), 1, "another's write seen inside the snapshot");
        store.end_snapshot(began);
        assert_eq!(orgs(&store), 2);
        assert!(store.conn().is_autocommit());
        assert_ne!(store.change_generation().unwrap(), before);
    }

    /// A write while a snapshot is open ends the snapshot and goes through; ending it
    /// afterwards changes nothing, and a snapshot begun inside a transaction is that
    /// transaction's.
    #[test]
    fn a_write_ends_an_open_snapshot() {
        let db = TempDb::new("snapshot-write");
        let mut store = db.open();
        let began = store.begin_snapshot();
        assert!(began);
        store.add_org(org("Bewonersraad Oost")).unwrap();
        assert!(store.conn().is_autocommit());
        store.end_snapshot(began);
        assert_eq!(orgs(&store), 1);

        store.conn().execute_batch("BEGIN").unwrap();
        assert!(!store.begin_snapshot());
        store.end_snapshot(false);
        assert!(
            !store.conn().is_autocommit(),
            "ended a transaction it did not begin"
        );
        store.conn().execute_batch("ROLLBACK").unwrap();
    }
}

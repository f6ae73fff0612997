//! A database for tests: a fresh file in its own temporary directory, removed on drop,
//! opened by the user "demo" on a fixed day. The store's own tests use it; the screens'
//! test helpers (`tui::testing`) add the demo data on top. Nothing here runs in
//! the application.

use super::{Ctx, Store};
use chrono::NaiveDate;
use std::path::PathBuf;

/// The day every test and snapshot lives on, and the user "demo" on an account of the
/// same name, so that results do not depend on the account that runs the tests.
pub fn fixed_ctx() -> Ctx {
    Ctx {
        user: "demo".into(),
        account: "demo".into(),
        today: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
    }
}

/// A fresh database file `name` in its own temporary directory (removed on drop).
pub struct TempDb {
    pub dir: PathBuf,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new(tag: &str) -> TempDb {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("wijkdesk-test-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("wijkdesk.db");
        TempDb { dir, path }
    }

    /// An empty store on this file.
    pub fn open(&self) -> Store {
        Store::open(&self.path, fixed_ctx()).expect("open the test database")
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

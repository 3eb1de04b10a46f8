//! The installation's database as the binary and its operator handle it:
//! opened from a URL, migrated, probed, its counters checked, and the
//! context the services run in. The server needs exactly this and nothing
//! of the store underneath: it does not depend on `emenda-store` (a test
//! in `tests/` keeps it so), so it cannot name a store type, and every
//! query stays behind the services.

use crate::context::ServiceContext;
use crate::error::ServiceResult;
use emenda_store::{consistency, DatabaseTarget, Store};

/// An open database: a pool of connections to one SQLite file or
/// PostgreSQL database. Cheap to clone (clones share the pool).
#[derive(Debug, Clone)]
pub struct Database {
    store: Store,
    confirmed_email_required: bool,
}

/// A counter whose stored value differs from its recount from the rows it
/// summarises (see [`Database::recount_counters`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterMismatch {
    /// The table holding the counter, e.g. `proposals`.
    pub table: String,
    /// The row's id (`user_id/space_id` for a support tally).
    pub id: String,
    /// The counter column, e.g. `comments_count`.
    pub column: String,
    /// The value recomputed from the rows.
    pub expected: i64,
    /// The value stored.
    pub found: i64,
}

/// `url` with any password removed, safe to log.
pub fn redacted(url: &str) -> String {
    DatabaseTarget::parse(url).redacted()
}

impl From<Store> for Database {
    /// A database over a store someone already opened (the test harnesses,
    /// which make theirs per test).
    fn from(store: Store) -> Self {
        Self { store, confirmed_email_required: false }
    }
}

impl Database {
    /// Connects to `url`: `postgres://…` for PostgreSQL, a path or
    /// `sqlite://path` for SQLite (the file and its folders are created for
    /// the server's user only). Does not migrate: see [`Database::migrate`].
    pub fn open(url: &str) -> ServiceResult<Self> {
        Ok(Self { store: Store::open(&DatabaseTarget::parse(url), None)?, confirmed_email_required: false })
    }

    /// Applies every pending migration; returns how many ran.
    pub fn migrate(&self) -> ServiceResult<usize> {
        Ok(self.store.migrate()?)
    }

    /// Whether SQLite keeps each statement's plan (its query planner
    /// stability guarantee); always true on PostgreSQL. The server warns
    /// at start when it is missing.
    pub fn plans_are_stable(&self) -> ServiceResult<bool> {
        Ok(self.store.plans_are_stable()?)
    }

    /// Checks that the database answers (readiness probes).
    pub fn ping(&self) -> ServiceResult<()> {
        Ok(self.store.ping()?)
    }

    /// The most database work that can run at once (the pool's size), which
    /// the server sizes its blocking threads by.
    pub fn max_connections(&self) -> u32 {
        self.store.max_connections()
    }

    /// Recounts every denormalised counter from its rows, in one snapshot,
    /// and lists those that disagree. Scans whole tables: an operator's
    /// command for a quiet moment, never a request's work.
    pub fn recount_counters(&self) -> ServiceResult<Vec<CounterMismatch>> {
        let found = self.store.read(consistency::recount)?;
        Ok(found
            .into_iter()
            .map(|m| CounterMismatch {
                table: m.table,
                id: m.id,
                column: m.column,
                expected: m.expected,
                found: m.found,
            })
            .collect())
    }

    /// The context every service runs in, over this database, with the
    /// real clock and UUID v7 ids.
    pub fn context(&self) -> ServiceContext {
        ServiceContext::from(self.store.clone()).with_confirmed_email_required(self.confirmed_email_required)
    }

    /// The same database, whose services ask people to confirm their
    /// address before they write when `required` (a site that sends
    /// e-mail; see `ServiceContext::with_confirmed_email_required`).
    pub fn requiring_confirmed_email(mut self, required: bool) -> Self {
        self.confirmed_email_required = required;
        self
    }
}

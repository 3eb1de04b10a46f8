//! The only crate that speaks SQL. It hides whether the installation runs
//! on SQLite or PostgreSQL: services get a [`Store`], open a read or a write
//! transaction, and call one query module per aggregate with the [`Tx`] they
//! are handed. No diesel type crosses this crate's boundary.

pub mod amendments;
pub mod answers;
pub mod audit;
#[cfg(feature = "bulk")]
pub mod bulk;
pub mod comments;
mod connection;
pub mod consistency;
pub mod email_tokens;
pub mod erasure;
pub mod error;
pub mod exports;
pub mod follows;
mod group_commit;
pub mod hiding;
mod migrations;
pub mod moderation;
pub mod notifications;
pub mod outbox;
pub mod pages;
pub mod proposal_view;
pub mod proposals;
pub mod public_log;
pub mod roles;
mod schema;
pub mod search;
pub mod sequences;
pub mod spaces;
pub mod supports;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tokens;
mod types;
pub mod users;
pub mod versions;

pub use connection::{Backend, DatabaseTarget};
pub use error::StoreError;
pub use group_commit::{Lane, MAX_BATCH};
pub use migrations::schema_columns;

use connection::{DbConnection, Pool};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::{PgConnection, SqliteConnection};

/// Creates the SQLite file (and its missing folders) for the server's user
/// only, unless it exists: SQLite then gives its WAL and shared-memory
/// files the same permissions. An existing file or folder is left as the
/// operator set it.
fn create_private_file(path: &std::path::Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
        let mut folders = std::fs::DirBuilder::new();
        folders.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut folders, 0o700);
        folders.create(parent)?;
    }
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other.map(drop),
    }
}

/// Reaches the store inside a value that holds one: the services' shared
/// context. It is a trait of this crate on purpose: a method of a trait
/// can be called only where the trait can be named, so the crates that
/// depend on the store (the services) reach the database through the
/// context, and the crates that do not (the API, the server) hold the
/// same context without any way to the store behind it.
pub trait HasStore {
    /// The store.
    fn store(&self) -> &Store;
}

/// An open transaction. Query functions take `&mut Tx` so that every write
/// of one operation commits or rolls back together.
pub struct Tx<'a> {
    connection: &'a mut DbConnection,
}

impl Tx<'_> {
    fn conn(&mut self) -> &mut DbConnection {
        self.connection
    }

    /// Runs `work` inside a savepoint of this transaction: an `Err` rolls
    /// back what `work` wrote and leaves the transaction usable (on
    /// PostgreSQL a failed statement otherwise spoils the rest of the
    /// transaction), an `Ok` keeps it. Writes that share one transaction
    /// (`Store::write_grouped`) each run in one.
    pub(crate) fn savepoint<T, E>(&mut self, work: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let begun = match &mut *self.connection {
            DbConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction(c),
            DbConnection::Postgres(c) => AnsiTransactionManager::begin_transaction(c),
        };
        begun.map_err(StoreError::from)?;
        let outcome = work(&mut Tx { connection: self.connection });
        let finished = end_savepoint(self.connection, outcome.is_ok());
        match (outcome, finished) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(release)) => Err(StoreError::from(release).into()),
            (Err(error), _) => Err(error),
        }
    }

    /// How many transactions and savepoints are open on this connection,
    /// as diesel counts them; `None` once its bookkeeping is broken.
    fn depth(&mut self) -> Option<u32> {
        let depth = match &mut *self.connection {
            DbConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth(),
            DbConnection::Postgres(c) => AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth(),
        };
        depth.ok().map(|d| d.map_or(0, std::num::NonZeroU32::get))
    }

    /// Whether this is still the one transaction it was opened as, with
    /// no savepoint left open: what a shared transaction checks after each
    /// write (`Store::write_grouped`). False when a savepoint could not be
    /// rolled back, or the database ended the transaction on its own (on
    /// SQLite a full disk or an I/O error rolls it back), after which the
    /// next statements would each commit on their own.
    pub(crate) fn is_intact(&mut self) -> bool {
        self.depth() == Some(1)
    }

    /// Rolls back the savepoint a write left open when it panicked inside it.
    pub(crate) fn roll_back_open_savepoint(&mut self) {
        if self.depth().is_some_and(|d| d > 1) {
            // A failure leaves the transaction broken, which the batch
            // then sees (`is_intact`) and fails on.
            let _ = end_savepoint(self.connection, false);
        }
    }

    /// Which backend this transaction runs on (for the rare query that must
    /// differ, such as row locks).
    pub fn backend(&self) -> Backend {
        match self.connection {
            DbConnection::Sqlite(_) => Backend::Sqlite,
            DbConnection::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Ends the innermost savepoint: keeps what it wrote (`RELEASE`) or rolls
/// it back (`ROLLBACK TO`).
fn end_savepoint(connection: &mut DbConnection, keep: bool) -> diesel::QueryResult<()> {
    match (connection, keep) {
        (DbConnection::Sqlite(c), true) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Sqlite(c), false) => AnsiTransactionManager::rollback_transaction(c),
        (DbConnection::Postgres(c), true) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Postgres(c), false) => AnsiTransactionManager::rollback_transaction(c),
    }
}

/// The database of one installation: a pool of connections to one target.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    backend: Backend,
    writer_queue: WriterQueue,
    lanes: std::sync::Arc<group_commit::Lanes>,
}

/// The queue in which this process's SQLite writers wait for the one write
/// lock SQLite has. Without it, a writer that finds the lock taken waits in
/// SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and
/// polls: throughput holds but a few unlucky writers wait close to a second
/// while the lock changes hands thousands of times. Waiting here instead,
/// each writer is woken the moment the one before commits. It decides
/// nothing: `BEGIN IMMEDIATE` still takes the database's lock, and writers
/// in other processes still queue in the busy handler. Writers wait here
/// before taking a pooled connection, so a queue of writers never holds the
/// connections readers need. Unused on PostgreSQL, which locks rows.
/// The lock is fair: the turn passes to the writer that has waited
/// longest, so no writer is overtaken again and again by newcomers.
#[derive(Clone, Default)]
struct WriterQueue(std::sync::Arc<parking_lot::FairMutex<()>>);

impl WriterQueue {
    /// Waits for this process's turn to write; the turn ends when the guard
    /// is dropped, after the commit or rollback.
    fn turn(&self) -> parking_lot::FairMutexGuard<'_, ()> {
        self.0.lock()
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.backend).finish_non_exhaustive()
    }
}

impl Store {
    /// Connects to `target` (creating the SQLite file if needed). Does not
    /// migrate: call [`Store::migrate`]. A SQLite file and the folders it
    /// needs are created readable by the server's user only (0600 and
    /// 0700): the database holds e-mails and password hashes.
    pub fn open(target: &DatabaseTarget, max_connections: Option<u32>) -> Result<Self, StoreError> {
        if target.backend == Backend::Sqlite {
            create_private_file(std::path::Path::new(&target.location))
                .map_err(|e| StoreError::Unavailable(Box::new(e)))?;
        }
        connection::prepare_file(target)?;
        let pool = connection::build_pool(target, max_connections)?;
        Ok(Self { pool, backend: target.backend, writer_queue: WriterQueue::default(), lanes: Default::default() })
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// How many connections the pool may hold: the most database work that
    /// can run at once, which the server sizes its blocking threads by.
    pub fn max_connections(&self) -> u32 {
        self.pool.max_size()
    }

    /// Applies every pending migration for this backend; returns how many ran.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut connection = self.connection()?;
        migrations::run(&mut connection)
    }

    /// Whether every statement keeps the plan it was prepared with: SQLite's
    /// query planner stability guarantee, compiled in through
    /// `.cargo/config.toml`. Without it, each cached statement with a bound
    /// `LIMIT` (every page), a `LIKE` or a value the planner could look at
    /// is parsed and planned again on every call, which cost a proposal
    /// page a third of its time. The server warns at start when it is
    /// missing. Always true on PostgreSQL, which plans its own way.
    pub fn plans_are_stable(&self) -> Result<bool, StoreError> {
        #[derive(diesel::QueryableByName)]
        struct CompileOption {
            #[diesel(sql_type = diesel::sql_types::Text)]
            compile_options: String,
        }
        let mut pooled = self.connection()?;
        let connection: &mut DbConnection = &mut pooled;
        match connection {
            DbConnection::Sqlite(c) => {
                let options: Vec<CompileOption> =
                    diesel::RunQueryDsl::load(diesel::sql_query("PRAGMA compile_options"), c)?;
                Ok(options.iter().any(|o| o.compile_options == "ENABLE_QPSG"))
            }
            DbConnection::Postgres(_) => Ok(true),
        }
    }

    /// Checks the database answers (for readiness probes).
    pub fn ping(&self) -> Result<(), StoreError> {
        self.connection()?.batch_execute("SELECT 1").map_err(StoreError::from)
    }

    fn connection(&self) -> Result<diesel::r2d2::PooledConnection<connection::ConnectionManager>, StoreError> {
        self.pool.get().map_err(|e| StoreError::Unavailable(Box::new(e)))
    }

    /// Runs `work` in a read transaction: a consistent snapshot of the data.
    /// On PostgreSQL it is `REPEATABLE READ READ ONLY`, so every query of
    /// one read (a proposal, its version, its authors, its counts) sees the
    /// same committed state even while writers commit in between; on
    /// SQLite (WAL) a read transaction is a snapshot from its first read.
    pub fn read<T, E>(&self, work: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.transaction("BEGIN", "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", work)
    }

    /// Runs `work` on a connection without a transaction around it: for a
    /// read that is ONE statement, which the database already runs as its
    /// own snapshot, so the read costs one round trip instead of three
    /// (`BEGIN`, the statement, `COMMIT`). Anything that reads twice must
    /// use [`Store::read`], or its reads may see different moments.
    pub fn read_statement<T, E>(&self, work: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut pooled = self.connection()?;
        let connection: &mut DbConnection = &mut pooled;
        work(&mut Tx { connection })
    }

    /// Runs `work` in a write transaction. On SQLite it begins IMMEDIATE, so
    /// the write lock is taken up front and concurrent writers queue instead
    /// of failing half-way (in this process, in [`WriterQueue`]); on
    /// PostgreSQL rows are locked as they are written (see each query
    /// module).
    pub fn write<T, E>(&self, work: impl FnOnce(&mut Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let _turn = (self.backend == Backend::Sqlite).then(|| self.writer_queue.turn());
        self.transaction("BEGIN IMMEDIATE", "BEGIN", work)
    }

    fn transaction<T, E>(
        &self,
        sqlite_begin: &str,
        postgres_begin: &str,
        work: impl FnOnce(&mut Tx<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut pooled = self.connection()?;
        let connection: &mut DbConnection = &mut pooled;
        match connection {
            DbConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, sqlite_begin),
            DbConnection::Postgres(c) => AnsiTransactionManager::begin_transaction_sql(c, postgres_begin),
        }
        .map_err(StoreError::from)?;
        let outcome = work(&mut Tx { connection });
        let finish = match (&outcome, &mut *connection) {
            (Ok(_), DbConnection::Sqlite(c)) => {
                <AnsiTransactionManager as TransactionManager<SqliteConnection>>::commit_transaction(c)
            }
            (Ok(_), DbConnection::Postgres(c)) => {
                <AnsiTransactionManager as TransactionManager<PgConnection>>::commit_transaction(c)
            }
            (Err(_), DbConnection::Sqlite(c)) => {
                <AnsiTransactionManager as TransactionManager<SqliteConnection>>::rollback_transaction(c)
            }
            (Err(_), DbConnection::Postgres(c)) => {
                <AnsiTransactionManager as TransactionManager<PgConnection>>::rollback_transaction(c)
            }
        };
        match (outcome, finish) {
            (Ok(value), Ok(())) => Ok(value),
            (Ok(_), Err(commit_error)) => Err(StoreError::from(commit_error).into()),
            (Err(error), _) => Err(error),
        }
    }
}

//! A fresh database for each test, on either backend, so tests never see
//! each other's data and run in parallel. SQLite: a file in a new temporary
//! folder. PostgreSQL: a new database on the server named by
//! `EMENDA_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`),
//! dropped when the test ends.
//!
//! Every test database starts migrated and empty, copied from a **template**
//! migrated once: running the migrations for each of hundreds of tests
//! would cost more than the tests themselves. The template's name carries a
//! fingerprint of the backend's migration files, so a changed migration
//! gets a new template and an old one is never handed out. nextest runs
//! every test in its own process, many at once, so the template is built
//! race-safely across processes: under a name nobody uses, then renamed
//! into place (atomic on both backends), with a PostgreSQL advisory lock so
//! only one process builds it. Templates are kept between runs; a
//! PostgreSQL template refuses connections, because `CREATE DATABASE …
//! TEMPLATE` fails while anyone is connected to the template.

use crate::connection::DbConnection;
use crate::{Backend, DatabaseTarget, Store, StoreError, Tx};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// The server tests create their PostgreSQL databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("EMENDA_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

enum Cleanup {
    Folder(PathBuf),
    Database { admin_url: String, name: String },
}

/// A database that exists for as long as this value does.
pub struct TestDatabase {
    /// Where it is.
    pub target: DatabaseTarget,
    cleanup: Cleanup,
}

impl TestDatabase {
    /// Creates a migrated, empty database on `backend`. Panics when it
    /// cannot: a test without its database must fail loudly, not pass
    /// silently.
    pub fn new(backend: Backend) -> Self {
        let name = format!("emenda_test_{}", uuid::Uuid::now_v7().simple());
        match backend {
            Backend::Sqlite => {
                let folder = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&folder).expect("create a temporary folder");
                let path = folder.join("emenda.db");
                std::fs::copy(sqlite_template(), &path).expect("copy the SQLite template");
                TestDatabase {
                    target: DatabaseTarget::parse(path.to_str().expect("utf-8 temp path")),
                    cleanup: Cleanup::Folder(folder),
                }
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let template = postgres_template(&admin_url);
                let mut admin = admin_connection(&admin_url);
                // Nobody connects to the template, so this can only fail on
                // a passing autovacuum worker or a process that has just
                // renamed it into place and is still closing: try again.
                retry_while_busy(|| admin.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}")))
                    .expect("create a test database from the template");
                TestDatabase {
                    target: postgres_target(&admin_url, &name),
                    cleanup: Cleanup::Database { admin_url, name },
                }
            }
        }
    }

    /// A migrated store on this database. The database already is migrated;
    /// migrating again is a no-op kept so that a store is never handed out
    /// behind the embedded migrations, whatever the template holds.
    pub fn store(&self) -> Store {
        let store = Store::open(&self.target, Some(16)).expect("open the test database");
        store.migrate().expect("migrate the test database");
        store
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Folder(folder) => {
                let _ = std::fs::remove_dir_all(folder);
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(mut admin) = PgConnection::establish(&crate::connection::postgres_url(admin_url)) {
                    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

fn admin_connection(admin_url: &str) -> PgConnection {
    PgConnection::establish(&crate::connection::postgres_url(admin_url))
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is needed by the tests: {e}"))
}

/// The URL of database `name` on the server of `admin_url`, without TLS.
/// The pool opens each connection on a thread of its own, also while a
/// caller waits: after a test whose requests waited at once, connections
/// can still be opening when the test returns, and once its database is
/// dropped they retry. A TLS handshake in flight when the process exits
/// meets OpenSSL's exit-time cleanup: tests that had passed died with
/// SIGSEGV (two fresh-clone runs in four, both after concurrent writes).
/// Nothing here tests TLS, which the server's own connections keep as the
/// operator sets it.
fn postgres_target(admin_url: &str, name: &str) -> DatabaseTarget {
    let base = admin_url.rsplit_once('/').map_or(admin_url, |(base, _)| base);
    DatabaseTarget::parse(&format!("{base}/{name}?sslmode=disable"))
}

/// A 64-bit FNV-1a fingerprint of one backend's migration files (relative
/// paths and contents, in path order). Written out rather than taken from
/// `std`'s hasher, whose algorithm may change between Rust releases: the
/// name must be the same for every test binary of one run.
fn migrations_fingerprint(backend: Backend) -> u64 {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations").join(match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    });
    let mut files = Vec::new();
    collect_files(&folder, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no migrations found in {}", folder.display());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in files {
        let relative = file.strip_prefix(&folder).unwrap_or(&file);
        let contents = std::fs::read(&file).expect("read a migration file");
        feed(relative.to_string_lossy().as_bytes());
        feed(&(contents.len() as u64).to_le_bytes());
        feed(&contents);
    }
    hash
}

fn collect_files(folder: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("read the migrations folder") {
        let path = entry.expect("read the migrations folder").path();
        if path.is_dir() {
            collect_files(&path, into);
        } else {
            into.push(path);
        }
    }
}

/// Runs `work` again while PostgreSQL says the database involved is in use
/// by another session (for at most about ten seconds).
fn retry_while_busy(mut work: impl FnMut() -> diesel::QueryResult<()>) -> diesel::QueryResult<()> {
    let mut attempts = 0;
    loop {
        match work() {
            Err(e) if e.to_string().contains("is being accessed by other users") && attempts < 100 => {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// The migrated SQLite template file for the current migrations, built on
/// first use. Each process that finds it missing builds its own copy under
/// a private name and renames it into place: whichever rename lands last,
/// the file at the template's path is always complete.
fn sqlite_template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let fingerprint = migrations_fingerprint(Backend::Sqlite);
        let path = std::env::temp_dir().join(format!("emenda_template_{fingerprint:016x}.db"));
        if !path.exists() {
            let building =
                path.with_extension(format!("{}.{}.building", std::process::id(), uuid::Uuid::now_v7().simple()));
            // Default rollback journal, not WAL: the migrated template is
            // then one self-contained file once the connection closes.
            let mut connection = DatabaseTarget::parse(building.to_str().expect("utf-8 temp path"))
                .connect()
                .expect("open the SQLite template");
            crate::migrations::run(&mut connection).expect("migrate the SQLite template");
            drop(connection);
            std::fs::rename(&building, &path).expect("move the SQLite template into place");
        }
        path
    })
}

/// The name of the migrated PostgreSQL template for the current
/// migrations, built on first use by whichever process gets there first.
fn postgres_template(admin_url: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let fingerprint = migrations_fingerprint(Backend::Postgres);
        let name = format!("emenda_template_{fingerprint:016x}");
        let mut admin = admin_connection(admin_url);
        if !database_exists(&mut admin, &name) {
            // Session-level, so it outlives the statements below; released
            // explicitly, and by PostgreSQL if this process dies.
            let key = fingerprint as i64;
            admin.batch_execute(&format!("SELECT pg_advisory_lock({key})")).expect("lock the template");
            if !database_exists(&mut admin, &name) {
                build_postgres_template(&mut admin, admin_url, &name);
            }
            admin.batch_execute(&format!("SELECT pg_advisory_unlock({key})")).expect("unlock the template");
        }
        name
    })
}

/// Builds the template under the advisory lock: migrated under a name of
/// its own (a build cut short leaves only that, dropped by the next
/// builder), then renamed, so a database with the template's name is
/// always fully migrated; finally closed to connections.
fn build_postgres_template(admin: &mut PgConnection, admin_url: &str, name: &str) {
    let building = format!("{name}_building");
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)")).expect("drop a stale build");
    admin.batch_execute(&format!("CREATE DATABASE {building}")).expect("create the template");
    let mut connection = postgres_target(admin_url, &building).connect().expect("connect to the template");
    crate::migrations::run(&mut connection).expect("migrate the template");
    // Closes the session; PostgreSQL may take a moment to notice, hence
    // the retries of the rename.
    drop(connection);
    retry_while_busy(|| admin.batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}")))
        .expect("move the template into place");
    admin
        .batch_execute(&format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true"))
        .expect("close the template to connections");
}

fn database_exists(admin: &mut PgConnection, name: &str) -> bool {
    use diesel::sql_types::Bool;
    // `name` is built here from hex digits only: nothing to escape.
    diesel::select(diesel::dsl::sql::<Bool>(&format!("EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')")))
        .get_result(admin)
        .expect("look the template up")
}

/// Runs raw SQL outside the application's query modules, as an attacker with
/// database access would; returns the affected row count.
pub fn execute_raw(store: &Store, sql: &str) -> Result<usize, StoreError> {
    store.write(|tx| match tx.conn() {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).execute(c).map_err(StoreError::from),
        DbConnection::Postgres(c) => diesel::sql_query(sql).execute(c).map_err(StoreError::from),
    })
}

/// Runs raw SQL inside the caller's transaction, as a failing database
/// or an attacker would (a `ROLLBACK` the code did not ask for).
pub fn execute_in(tx: &mut Tx<'_>, sql: &str) -> Result<(), StoreError> {
    tx.conn().batch_execute(sql).map_err(StoreError::from)
}

/// Runs raw SQL statements in one transaction, as an attacker with database
/// access would, so that nothing else sees a state in between.
pub fn execute_raw_together(store: &Store, statements: &[&str]) -> Result<(), StoreError> {
    store.write(|tx| {
        for sql in statements {
            match tx.conn() {
                DbConnection::Sqlite(c) => diesel::sql_query(*sql).execute(c).map_err(StoreError::from)?,
                DbConnection::Postgres(c) => diesel::sql_query(*sql).execute(c).map_err(StoreError::from)?,
            };
        }
        Ok(())
    })
}

/// The first column of every row a raw query returns, as text (the query
/// names it `value`): how a test reads what is stored, exactly as stored.
pub fn query_text(store: &Store, sql: &str) -> Result<Vec<String>, StoreError> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }
    let rows: Vec<Row> = store.read(|tx| match tx.conn() {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c).map_err(StoreError::from),
        DbConnection::Postgres(c) => diesel::sql_query(sql).load(c).map_err(StoreError::from),
    })?;
    Ok(rows.into_iter().map(|row| row.value).collect())
}

/// Every `table.column` of the database, in every table whatever its
/// purpose (the full-text index's own tables too), whose value holds
/// `needle`, ignoring ASCII case: how a test proves that a person's
/// address, handle and name are gone from everywhere, without a list of
/// places that a new table could escape. Binary columns are read as their
/// bytes (PostgreSQL `bytea` through `encode(…, 'escape')`).
pub fn columns_holding(store: &Store, needle: &str) -> Result<Vec<String>, StoreError> {
    let columns = query_text(
        store,
        match store.backend() {
            crate::Backend::Sqlite => {
                "SELECT m.name || '.' || p.name || '.' || lower(p.type) AS value FROM sqlite_master m \
                 JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
            }
            crate::Backend::Postgres => {
                "SELECT c.table_name || '.' || c.column_name || '.' || c.data_type AS value \
                 FROM information_schema.columns c JOIN information_schema.tables t \
                 ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
            }
        },
    )?;
    let mut found = Vec::new();
    let needle = needle.to_ascii_lowercase().replace('\'', "''");
    for column in columns {
        let mut parts = column.splitn(3, '.');
        let (Some(table), Some(name), Some(kind)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let value = match (store.backend(), kind) {
            (crate::Backend::Postgres, "bytea") => format!("encode(\"{name}\", 'escape')"),
            (crate::Backend::Postgres, _) => format!("CAST(\"{name}\" AS TEXT)"),
            (crate::Backend::Sqlite, _) => format!("CAST(\"{name}\" AS TEXT)"),
        };
        let sql =
            format!("SELECT CAST(COUNT(*) AS TEXT) AS value FROM \"{table}\" WHERE lower({value}) LIKE '%{needle}%'");
        if query_text(store, &sql)?.first().is_some_and(|count| count != "0") {
            found.push(format!("{table}.{name}"));
        }
    }
    Ok(found)
}

/// Runs `work` while a write transaction holds `table` against writes
/// (reads go on): requests that write to it pile up and are let go
/// together when `work` returns, so a race test can make them meet. On
/// SQLite the write transaction holds the whole database.
pub fn while_table_is_held<T>(store: &Store, table: &str, work: impl FnOnce() -> T) -> Result<T, StoreError> {
    store.write(|tx| {
        if let DbConnection::Postgres(connection) = tx.conn() {
            connection.batch_execute(&format!("LOCK TABLE {table} IN EXCLUSIVE MODE"))?;
        }
        Ok(work())
    })
}

/// Moves every recorded sign-in attempt `by` into the past: for the
/// sign-in throttling, which only compares these times with the clock, as
/// if that much time had passed, so a test over HTTP need not sleep.
pub fn age_sign_in_attempts(store: &Store, by: chrono::Duration) -> Result<usize, StoreError> {
    use crate::schema::login_attempts;
    use crate::types::Stored;
    use chrono::{DateTime, Utc};
    use diesel::prelude::*;
    store.write(|tx| {
        let rows: Vec<(Stored<uuid::Uuid>, Stored<DateTime<Utc>>)> =
            login_attempts::table.select((login_attempts::id, login_attempts::created_at)).load(tx.conn())?;
        for (id, at) in &rows {
            diesel::update(login_attempts::table.filter(login_attempts::id.eq(id)))
                .set(login_attempts::created_at.eq(Stored(at.0 - by)))
                .execute(tx.conn())?;
        }
        Ok(rows.len())
    })
}

thread_local! {
    /// The statements this thread's connections ran while recording.
    static RECORDED: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Hands every connection opened after the first call a hook that notes
/// the SQL of each statement it starts, while its thread records.
fn install_query_hook() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        fn hook() -> Option<Box<dyn diesel::connection::Instrumentation>> {
            Some(Box::new(|event: diesel::connection::InstrumentationEvent<'_>| {
                if let diesel::connection::InstrumentationEvent::StartQuery { query, .. } = event {
                    RECORDED.with(|recorded| {
                        if let Some(statements) = recorded.borrow_mut().as_mut() {
                            statements.push(query.to_string());
                        }
                    });
                }
            }))
        }
        diesel::connection::set_default_instrumentation(hook).expect("install the query hook");
    });
}

/// Runs `work` and returns, with its result, the SQL of every statement
/// this thread ran meanwhile, in order: how a test counts the queries an
/// operation costs (the services run on the caller's thread). Connections
/// opened before the first call are not watched, so call
/// [`watch_queries`] before the database is opened.
pub fn record_queries<T>(work: impl FnOnce() -> T) -> (T, Vec<String>) {
    install_query_hook();
    RECORDED.with(|recorded| *recorded.borrow_mut() = Some(Vec::new()));
    let result = work();
    let statements = RECORDED.with(|recorded| recorded.borrow_mut().take()).unwrap_or_default();
    (result, statements)
}

/// Makes every connection opened from now on watchable by
/// [`record_queries`].
pub fn watch_queries() {
    install_query_hook();
}

/// Whether a statement reads or writes `table` (by name, quoted or not).
pub fn touches_table(statement: &str, table: &str) -> bool {
    let lower = statement.to_ascii_lowercase();
    ["from", "update", "into", "join"].iter().any(|verb| {
        [
            format!("{verb} \"{table}\""),
            format!("{verb} `{table}`"),
            format!("{verb} {table} "),
            format!("{verb} {table}\n"),
        ]
        .iter()
        .any(|needle| lower.contains(needle.as_str()))
            || lower.ends_with(&format!("{verb} {table}"))
    })
}

/// Declares each listed `fn name(backend: Backend)` as two tests, one per
/// backend: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name($crate::Backend::Sqlite) })+
        }
        mod postgres {
            $(#[test] fn $name() { super::$name($crate::Backend::Postgres) })+
        }
    };
}

/// The bodies a letter in the outbox keeps (tests check that a sent letter
/// keeps none: they may hold a link that opens an account).
pub fn letter_bodies(tx: &mut Tx<'_>, id: uuid::Uuid) -> Result<(String, String), StoreError> {
    use crate::schema::mail_outbox;
    use crate::types::Stored;
    use diesel::{ExpressionMethods, QueryDsl};
    Ok(mail_outbox::table
        .filter(mail_outbox::id.eq(Stored(id)))
        .select((mail_outbox::body_text, mail_outbox::body_html))
        .first(tx.conn())?)
}

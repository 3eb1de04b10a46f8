//! One connection type over SQLite and PostgreSQL, and the pool that hands
//! them out. Which backend is used is decided once, from the database URL.

use crate::error::StoreError;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::{Connection, PgConnection, SqliteConnection};
use std::time::Duration;

/// A connection to whichever database the installation uses. Queries are
/// written once against this type; diesel dispatches to the right backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// The embedded default.
    Sqlite(SqliteConnection),
    /// The production backend.
    Postgres(PgConnection),
}

/// The two supported backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, a file in the data folder.
    Sqlite,
    /// PostgreSQL, over the network.
    Postgres,
}

/// Where the database is, parsed from a URL: `postgres://…` or
/// `postgresql://…` for PostgreSQL; `sqlite://path` or a plain path for SQLite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseTarget {
    /// Which backend.
    pub backend: Backend,
    /// What the backend's driver is given: a URL or a file path.
    pub location: String,
}

impl DatabaseTarget {
    /// Reads a database URL.
    pub fn parse(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self { backend: Backend::Postgres, location: url.to_owned() }
        } else {
            let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
            Self { backend: Backend::Sqlite, location: path.to_owned() }
        }
    }

    /// The URL with any password removed, safe to log.
    pub fn redacted(&self) -> String {
        match self.backend {
            Backend::Sqlite => self.location.clone(),
            Backend::Postgres => redact_password(&self.location),
        }
    }

    /// Opens one connection, set up the way the application expects.
    pub fn connect(&self) -> Result<DbConnection, StoreError> {
        let unavailable = |e: diesel::ConnectionError| StoreError::Unavailable(Box::new(e));
        let mut connection = match self.backend {
            Backend::Sqlite => DbConnection::Sqlite(SqliteConnection::establish(&self.location).map_err(unavailable)?),
            Backend::Postgres => {
                DbConnection::Postgres(PgConnection::establish(&postgres_url(&self.location)).map_err(unavailable)?)
            }
        };
        prepare(&mut connection)?;
        Ok(connection)
    }
}

/// The URL libpq is given: unless the operator chose otherwise, GSSAPI
/// encryption is not attempted (`gssencmode=disable`). Trying it loads the
/// Kerberos library, whose thread-specific data is torn down at process
/// exit while the pool's background threads may still be connecting, which
/// crashes short-lived commands (`emenda migrate`) at exit. TLS and
/// password authentication are unaffected.
pub fn postgres_url(url: &str) -> String {
    if url.contains("gssencmode=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}gssencmode=disable")
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    match rest.split_once('@') {
        Some((credentials, host)) if credentials.contains(':') => {
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

/// Per-connection settings. SQLite: a busy timeout first, so that writers
/// queue instead of failing at once, then foreign keys enforced, and a
/// page cache of 16 MiB instead of SQLite's 2 MiB (8 connections: at most
/// 128 MiB). Reads of texts are why: a search's page of results reads its
/// texts for the snippets, p50 5.7 ms with 2 MiB against 3.9 ms with
/// 16 MiB at 10,000 proposals (`docs/performance.md`). (It was first
/// raised against stalls in the full-text index's merges, whose cause was
/// stale statistics, see [`prepare_file`].) WAL is a property of the file,
/// set once by [`prepare_file`].
fn prepare(connection: &mut DbConnection) -> Result<(), StoreError> {
    let setup = match connection {
        DbConnection::Sqlite(_) => {
            "PRAGMA busy_timeout = 15000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
             PRAGMA cache_size = -16384;"
        }
        DbConnection::Postgres(_) => "SET TIME ZONE 'UTC';",
    };
    connection.batch_execute(setup).map_err(StoreError::from)
}

/// Readies a SQLite file before the pool opens connections to it, on one
/// connection of its own: write-ahead logging, so readers never wait for
/// the writer (changing the journal mode needs the file to itself), and
/// no planner statistics for the full-text index's own tables
/// ([`forget_index_statistics`]), which a connection reads once, when it
/// opens.
pub(crate) fn prepare_file(target: &DatabaseTarget) -> Result<(), StoreError> {
    if target.backend == Backend::Sqlite {
        let mut connection = target.connect()?;
        connection.batch_execute("PRAGMA journal_mode = WAL;")?;
        forget_index_statistics(&mut connection)?;
    }
    Ok(())
}

/// The statistics tables `ANALYZE` writes, where they exist.
const STATISTICS: [&str; 2] = ["sqlite_stat1", "sqlite_stat4"];

/// Removes the planner's statistics of the FTS5 index's own tables
/// (`proposal_search_fts_*`). FTS5 reads and deletes its segments by key
/// ranges (`WHERE id>=? AND id<=?`), which only a seek on the key serves
/// well. Statistics taken while the index was nearly empty (an `ANALYZE`
/// after a bulk load, before the start-up filled the index) said two rows,
/// and with them SQLite planned each range as a scan of the whole table:
/// every merge of the index's segments, however small, read all of it
/// (12,377 page reads every 16th version written at 10,000 proposals; at
/// 100,000, 10 ms a version on average and 214 ms at p99). Without
/// statistics the planner takes the table for a large one and seeks;
/// `docs/performance.md` has the numbers.
fn forget_index_statistics(connection: &mut DbConnection) -> Result<(), StoreError> {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let DbConnection::Sqlite(sqlite) = connection else { return Ok(()) };
    let present: Vec<Name> = diesel::RunQueryDsl::load(
        diesel::sql_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')",
        ),
        sqlite,
    )?;
    for table in STATISTICS.iter().filter(|t| present.iter().any(|p| p.name == **t)) {
        sqlite.batch_execute(&format!("DELETE FROM {table} WHERE tbl LIKE 'proposal\\_search\\_fts%' ESCAPE '\\'"))?;
    }
    Ok(())
}

/// Hands out connections to one database target.
#[derive(Debug)]
pub struct ConnectionManager {
    target: DatabaseTarget,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = StoreError;

    fn connect(&self) -> Result<DbConnection, StoreError> {
        self.target.connect()
    }

    fn is_valid(&self, connection: &mut DbConnection) -> Result<(), StoreError> {
        connection.ping().map_err(StoreError::from)
    }

    fn has_broken(&self, connection: &mut DbConnection) -> bool {
        connection.is_broken()
    }
}

/// A pool of connections.
pub type Pool = r2d2::Pool<ConnectionManager>;

/// Builds a pool. SQLite allows one writer at a time whatever the pool size,
/// so a small pool serves it; PostgreSQL gets more.
pub fn build_pool(target: &DatabaseTarget, max_size: Option<u32>) -> Result<Pool, StoreError> {
    let default_size = match target.backend {
        Backend::Sqlite => 8,
        Backend::Postgres => 16,
    };
    r2d2::Pool::builder()
        .max_size(max_size.unwrap_or(default_size))
        // Open connections as they are needed, not all at start: several
        // instances (or test servers) share one PostgreSQL's connection limit.
        // And none in the background to keep a spare: a pool thread still in
        // a TLS handshake when a short command (`migrate`, `seed`) returns
        // from `main` met OpenSSL's exit-time cleanup and crashed the process
        // (about one `migrate` in five on PostgreSQL). With no spare kept, a
        // connection is opened only while a caller waits for it.
        .min_idle(Some(0))
        // No `SELECT 1` before each use: on PostgreSQL that test was a
        // round trip of its own in front of every one-statement read,
        // doubling its cost. A connection that broke is found by the
        // query that meets it: diesel marks it broken, the pool drops it
        // (`has_broken`) and that one request answers 503
        // `database_unavailable`; the next gets a new connection.
        .test_on_check_out(false)
        .connection_timeout(Duration::from_secs(10))
        .build(ConnectionManager { target: target.clone() })
        .map_err(|e| StoreError::Unavailable(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(DatabaseTarget::parse("postgres://u@h/db").backend, Backend::Postgres);
        assert_eq!(DatabaseTarget::parse("postgresql://u@h/db").backend, Backend::Postgres);
        let sqlite = DatabaseTarget::parse("sqlite://data/emenda.db");
        assert_eq!((sqlite.backend, sqlite.location.as_str()), (Backend::Sqlite, "data/emenda.db"));
        assert_eq!(DatabaseTarget::parse("data/emenda.db").location, "data/emenda.db");
    }

    #[test]
    fn gssapi_encryption_is_off_unless_asked_for() {
        assert_eq!(postgres_url("postgres://u@h/db"), "postgres://u@h/db?gssencmode=disable");
        assert_eq!(
            postgres_url("postgres://u@h/db?sslmode=require"),
            "postgres://u@h/db?sslmode=require&gssencmode=disable"
        );
        assert_eq!(postgres_url("postgres://u@h/db?gssencmode=prefer"), "postgres://u@h/db?gssencmode=prefer");
    }

    #[test]
    fn passwords_are_not_logged() {
        let target = DatabaseTarget::parse("postgres://emenda:s3cret@db.example:5432/emenda");
        assert_eq!(target.redacted(), "postgres://emenda:***@db.example:5432/emenda");
        assert_eq!(DatabaseTarget::parse("postgres://emenda@db/emenda").redacted(), "postgres://emenda@db/emenda");
    }
}

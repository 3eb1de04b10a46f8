//! A fresh database for each test, on either backend, so tests never see
//! each other's data and run in parallel. SQLite: a file in a new temporary
//! folder. PostgreSQL: a new database on the server named by
//! `EMENDA_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`),
//! dropped when the test ends.

use crate::connection::DbConnection;
use crate::{Backend, DatabaseTarget, Store, StoreError};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use std::path::PathBuf;

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
    /// Creates an empty database on `backend`. Panics when it cannot: a test
    /// without its database must fail loudly, not pass silently.
    pub fn new(backend: Backend) -> Self {
        let name = format!("emenda_test_{}", uuid::Uuid::now_v7().simple());
        match backend {
            Backend::Sqlite => {
                let folder = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&folder).expect("create a temporary folder");
                let path = folder.join("emenda.db");
                TestDatabase {
                    target: DatabaseTarget::parse(path.to_str().expect("utf-8 temp path")),
                    cleanup: Cleanup::Folder(folder),
                }
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let mut admin = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is needed by the tests: {e}"));
                admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
                TestDatabase {
                    target: DatabaseTarget::parse(&format!("{base}/{name}")),
                    cleanup: Cleanup::Database { admin_url, name },
                }
            }
        }
    }

    /// A migrated store on this database.
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
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

/// Runs raw SQL outside the application's query modules, as an attacker with
/// database access would; returns the affected row count.
pub fn execute_raw(store: &Store, sql: &str) -> Result<usize, StoreError> {
    store.write(|tx| match tx.conn() {
        DbConnection::Sqlite(c) => diesel::sql_query(sql).execute(c).map_err(StoreError::from),
        DbConnection::Postgres(c) => diesel::sql_query(sql).execute(c).map_err(StoreError::from),
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

//! A database for the tests of the `emenda` binary, which reach it only as
//! an operator does: by the URL they hand the binary. The server does not
//! depend on the store (a test in `tests/` keeps it so), so its tests get
//! their databases here, without naming a store type.

use emenda_store::testing::TestDatabase;
use emenda_store::Backend;
use std::path::Path;

/// The database engines the binary runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A file in the data folder.
    Sqlite,
    /// A database on the test PostgreSQL server.
    Postgres,
}

/// A place for the binary's database, gone when this value is dropped: a
/// fresh, migrated PostgreSQL database, or for SQLite the binary's own
/// default file in its data folder (which the binary creates).
pub struct BinaryDatabase {
    engine: Engine,
    postgres: Option<TestDatabase>,
}

impl BinaryDatabase {
    /// A fresh database on `engine`.
    pub fn new(engine: Engine) -> Self {
        let postgres = (engine == Engine::Postgres).then(|| TestDatabase::new(Backend::Postgres));
        Self { engine, postgres }
    }

    /// Its engine.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// What `EMENDA_DATABASE_URL` should say for a binary whose data folder
    /// is `data_dir`.
    pub fn url(&self, data_dir: &Path) -> String {
        match &self.postgres {
            Some(database) => database.target.location.clone(),
            None => data_dir.join("emenda.db").to_string_lossy().into_owned(),
        }
    }
}

/// Declares each listed `fn name(engine: Engine)` as two tests, one per
/// engine: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! engine_tests {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name($crate::binary::Engine::Sqlite) })+
        }
        mod postgres {
            $(#[test] fn $name() { super::$name($crate::binary::Engine::Postgres) })+
        }
    };
}

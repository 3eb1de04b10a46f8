//! Schema migrations, embedded in the binary: one set per backend, kept in
//! step (a test compares the resulting tables and columns).

use crate::connection::DbConnection;
use crate::error::StoreError;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

pub(crate) fn run(connection: &mut DbConnection) -> Result<usize, StoreError> {
    let applied = match connection {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.len()),
        DbConnection::Postgres(c) => c.run_pending_migrations(POSTGRES).map(|v| v.len()),
    };
    applied.map_err(|e| StoreError::Migration(e.to_string()))
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

/// Every `table.column` of the application schema, sorted: the two backends
/// must give the same list.
pub fn schema_columns(store: &crate::Store) -> Result<Vec<String>, StoreError> {
    store.read(|tx| {
        let rows: Vec<ColumnRow> = match tx.conn() {
            DbConnection::Sqlite(c) => diesel::sql_query(
                "SELECT m.name AS table_name, p.name AS column_name \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
                 AND m.name != '__diesel_schema_migrations'",
            )
            .load(c)?,
            DbConnection::Postgres(c) => diesel::sql_query(
                "SELECT table_name::text AS table_name, column_name::text AS column_name \
                 FROM information_schema.columns WHERE table_schema = current_schema() \
                 AND table_name != '__diesel_schema_migrations'",
            )
            .load(c)?,
        };
        let mut columns: Vec<String> =
            rows.into_iter().map(|r| format!("{}.{}", r.table_name, r.column_name)).collect();
        columns.sort();
        Ok(columns)
    })
}

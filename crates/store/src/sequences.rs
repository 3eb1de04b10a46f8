//! Gap-free counters. The increment happens inside the caller's write
//! transaction, so a rolled-back operation gives its number back and the
//! row lock (PostgreSQL) or write lock (SQLite) keeps numbers unique.

use crate::{StoreError, Tx};
use diesel::prelude::*;

/// The sequence behind proposal reference codes.
pub const PROPOSAL_REFERENCE: &str = "proposal_reference";

#[derive(diesel::QueryableByName)]
struct Taken {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    value: i64,
}

/// Takes the next number of a sequence, in one statement: the row stays
/// locked until the caller's transaction ends, so every statement saved
/// here is time another publication does not wait.
pub fn next(tx: &mut Tx<'_>, name: &str) -> Result<i64, StoreError> {
    use crate::connection::DbConnection;
    use diesel::sql_types::Text;
    let sql = "UPDATE sequences SET value = value + 1 WHERE name = $1 RETURNING value";
    let taken: Vec<Taken> = match tx.conn() {
        DbConnection::Postgres(c) => diesel::sql_query(sql).bind::<Text, _>(name).load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(sql.replace('$', "?")).bind::<Text, _>(name).load(c)?,
    };
    match taken.as_slice() {
        [one] => Ok(one.value),
        _ => Err(StoreError::Corrupt(format!("missing sequence {name}"))),
    }
}

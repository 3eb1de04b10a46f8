//! Gap-free counters. The increment happens inside the caller's write
//! transaction, so a rolled-back operation gives its number back and the
//! row lock (PostgreSQL) or write lock (SQLite) keeps numbers unique.

use crate::schema::sequences;
use crate::{StoreError, Tx};
use diesel::prelude::*;

/// The sequence behind proposal reference codes.
pub const PROPOSAL_REFERENCE: &str = "proposal_reference";

/// Takes the next number of a sequence.
pub fn next(tx: &mut Tx<'_>, name: &str) -> Result<i64, StoreError> {
    let updated = diesel::update(sequences::table.filter(sequences::name.eq(name)))
        .set(sequences::value.eq(sequences::value + 1))
        .execute(tx.conn())?;
    if updated != 1 {
        return Err(StoreError::Corrupt(format!("missing sequence {name}")));
    }
    Ok(sequences::table.filter(sequences::name.eq(name)).select(sequences::value).first(tx.conn())?)
}

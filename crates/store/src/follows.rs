//! Who follows which proposal: one row per person and proposal, so that
//! following twice is following once and a count is the rows' count.

use crate::connection::DbConnection;
use crate::schema::proposal_follows;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// Records that `user_id` follows `proposal_id`; false when they already
/// did (the first follow's time stays).
pub fn follow(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let insert = diesel::insert_into(proposal_follows::table)
        .values((
            proposal_follows::proposal_id.eq(Stored(proposal_id)),
            proposal_follows::user_id.eq(Stored(user_id)),
            proposal_follows::created_at.eq(Stored(at)),
        ))
        .on_conflict_do_nothing();
    // `ON CONFLICT` is said by each backend's own query builder: a
    // concurrent follow's row is waited for, never duplicated nor an error.
    let inserted = match tx.conn() {
        DbConnection::Sqlite(c) => insert.execute(c)?,
        DbConnection::Postgres(c) => insert.execute(c)?,
    };
    Ok(inserted == 1)
}

/// Stops `user_id` following `proposal_id`; false when they did not.
pub fn unfollow(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> Result<bool, StoreError> {
    let deleted = diesel::delete(
        proposal_follows::table
            .filter(proposal_follows::proposal_id.eq(Stored(proposal_id)))
            .filter(proposal_follows::user_id.eq(Stored(user_id))),
    )
    .execute(tx.conn())?;
    Ok(deleted == 1)
}

/// Whether `user_id` follows `proposal_id`.
pub fn is_following(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> Result<bool, StoreError> {
    Ok(diesel::select(diesel::dsl::exists(
        proposal_follows::table
            .filter(proposal_follows::proposal_id.eq(Stored(proposal_id)))
            .filter(proposal_follows::user_id.eq(Stored(user_id))),
    ))
    .get_result(tx.conn())?)
}

/// How many people follow `proposal_id`: counted from the rows (by the
/// primary key's index), so it cannot drift from them.
pub fn count(tx: &mut Tx<'_>, proposal_id: Uuid) -> Result<i64, StoreError> {
    Ok(proposal_follows::table
        .filter(proposal_follows::proposal_id.eq(Stored(proposal_id)))
        .count()
        .get_result(tx.conn())?)
}

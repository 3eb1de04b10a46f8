//! Refresh tokens, stored as hashes only. Tokens of one sign-in form a
//! family: rotating one spends it and issues the next of the family.

use crate::schema::refresh_tokens;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// A refresh token as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshTokenRecord {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Owner.
    pub user_id: Uuid,
    /// The sign-in it descends from.
    pub family_id: Uuid,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was exchanged for a new one.
    pub used_at: Option<DateTime<Utc>>,
    /// When it was revoked.
    pub revoked_at: Option<DateTime<Utc>>,
    /// The token it was last exchanged for.
    pub successor_id: Option<Uuid>,
}

/// What issuing a token writes.
#[derive(Debug, Clone)]
pub struct NewRefreshToken<'a> {
    /// UUID v7: ordering by id is ordering by creation, which keyset pagination relies on.
    pub id: Uuid,
    /// Owner.
    pub user_id: Uuid,
    /// Family.
    pub family_id: Uuid,
    /// SHA-256 of the token, hex.
    pub token_hash: &'a str,
    /// Issue time.
    pub created_at: DateTime<Utc>,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

/// Stores a new token.
pub fn insert(tx: &mut Tx<'_>, token: &NewRefreshToken<'_>) -> Result<(), StoreError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(Stored(token.id)),
            refresh_tokens::user_id.eq(Stored(token.user_id)),
            refresh_tokens::family_id.eq(Stored(token.family_id)),
            refresh_tokens::token_hash.eq(token.token_hash),
            refresh_tokens::created_at.eq(Stored(token.created_at)),
            refresh_tokens::expires_at.eq(Stored(token.expires_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// A token as read back; the hash stays in the database.
#[derive(Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
struct TokenRow {
    id: Stored<Uuid>,
    user_id: Stored<Uuid>,
    family_id: Stored<Uuid>,
    expires_at: Stored<DateTime<Utc>>,
    used_at: Option<Stored<DateTime<Utc>>>,
    revoked_at: Option<Stored<DateTime<Utc>>>,
    successor_id: Option<Stored<Uuid>>,
}

impl From<TokenRow> for RefreshTokenRecord {
    fn from(row: TokenRow) -> Self {
        RefreshTokenRecord {
            id: row.id.0,
            user_id: row.user_id.0,
            family_id: row.family_id.0,
            expires_at: row.expires_at.0,
            used_at: row.used_at.map(|t| t.0),
            revoked_at: row.revoked_at.map(|t| t.0),
            successor_id: row.successor_id.map(|t| t.0),
        }
    }
}

/// The token with this hash.
pub fn find_by_hash(tx: &mut Tx<'_>, token_hash: &str) -> Result<Option<RefreshTokenRecord>, StoreError> {
    let row: Option<TokenRow> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(TokenRow::as_select())
        .first(tx.conn())
        .optional()?;
    Ok(row.map(RefreshTokenRecord::from))
}

/// Marks a live token spent for `successor_id`. Returns `false` when it
/// was already spent or revoked, which is how two concurrent refreshes
/// with one token are told apart: only one of them gets `true`.
pub fn spend(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>, successor_id: Uuid) -> Result<bool, StoreError> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(Stored(id)))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set((refresh_tokens::used_at.eq(Stored(at)), refresh_tokens::successor_id.eq(Stored(successor_id))))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// The token with this id.
pub fn find(tx: &mut Tx<'_>, id: Uuid) -> Result<Option<RefreshTokenRecord>, StoreError> {
    let row: Option<TokenRow> = refresh_tokens::table
        .filter(refresh_tokens::id.eq(Stored(id)))
        .select(TokenRow::as_select())
        .first(tx.conn())
        .optional()?;
    Ok(row.map(RefreshTokenRecord::from))
}

/// Names the token a spent token was exchanged for again (a lost answer
/// retried): the spent token keeps its spending time, so the grace for
/// retries still counts from the first exchange.
pub fn set_successor(tx: &mut Tx<'_>, id: Uuid, successor_id: Uuid) -> Result<(), StoreError> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::id.eq(Stored(id))))
        .set(refresh_tokens::successor_id.eq(Stored(successor_id)))
        .execute(tx.conn())?;
    Ok(())
}

/// Retires a live, unused token (a successor whose answer was lost).
/// Returns `false` when it was used or revoked meanwhile, so a retry and a
/// use of the successor cannot both win.
pub fn retire_unused(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(Stored(id)))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Stored(at)))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Revokes every live token of a family.
pub fn revoke_family(tx: &mut Tx<'_>, family_id: Uuid, at: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(Stored(family_id)))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Stored(at)))
    .execute(tx.conn())?)
}

/// Revokes every live token of a user (password change, block).
pub fn revoke_all_for_user(tx: &mut Tx<'_>, user_id: Uuid, at: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(Stored(user_id)))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Stored(at)))
    .execute(tx.conn())?)
}

//! Refresh tokens, stored as hashes only. Tokens of one sign-in form a
//! family: rotating one spends it and issues the next of the family.

use crate::convert::{id_text, parse_id, parse_opt_time, parse_time, time_text};
use crate::schema::refresh_tokens;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

/// A refresh token as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshTokenRecord {
    /// Id.
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
}

/// What issuing a token writes.
#[derive(Debug, Clone)]
pub struct NewRefreshToken<'a> {
    /// Id.
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
            refresh_tokens::id.eq(id_text(token.id)),
            refresh_tokens::user_id.eq(id_text(token.user_id)),
            refresh_tokens::family_id.eq(id_text(token.family_id)),
            refresh_tokens::token_hash.eq(token.token_hash),
            refresh_tokens::created_at.eq(time_text(token.created_at)),
            refresh_tokens::expires_at.eq(time_text(token.expires_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

type TokenRow = (String, String, String, String, Option<String>, Option<String>);

/// The token with this hash.
pub fn find_by_hash(tx: &mut Tx<'_>, token_hash: &str) -> Result<Option<RefreshTokenRecord>, StoreError> {
    let row: Option<TokenRow> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family_id,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            refresh_tokens::revoked_at,
        ))
        .first(tx.conn())
        .optional()?;
    row.map(|(id, user_id, family_id, expires_at, used_at, revoked_at)| {
        Ok(RefreshTokenRecord {
            id: parse_id(&id)?,
            user_id: parse_id(&user_id)?,
            family_id: parse_id(&family_id)?,
            expires_at: parse_time(&expires_at)?,
            used_at: parse_opt_time(used_at.as_deref())?,
            revoked_at: parse_opt_time(revoked_at.as_deref())?,
        })
    })
    .transpose()
}

/// Marks a live token spent. Returns `false` when it was already spent or
/// revoked, which is how two concurrent refreshes with one token are told
/// apart: only one of them gets `true`.
pub fn spend(tx: &mut Tx<'_>, id: Uuid, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id_text(id)))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(time_text(at)))
    .execute(tx.conn())?;
    Ok(updated == 1)
}

/// Revokes every live token of a family.
pub fn revoke_family(tx: &mut Tx<'_>, family_id: Uuid, at: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(id_text(family_id)))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(time_text(at)))
    .execute(tx.conn())?)
}

/// Revokes every live token of a user (password change, block).
pub fn revoke_all_for_user(tx: &mut Tx<'_>, user_id: Uuid, at: DateTime<Utc>) -> Result<usize, StoreError> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(id_text(user_id)))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(time_text(at)))
    .execute(tx.conn())?)
}

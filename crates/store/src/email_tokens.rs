//! Single-use links sent by e-mail (confirming an address, resetting a
//! password), stored as SHA-256 hashes only: a copy of the database opens
//! no account. Each is bound to its account, its purpose and the address
//! it was sent to.

use crate::schema::email_tokens;
use crate::types::Stored;
use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use emenda_domain::mail::TokenPurpose;
use uuid::Uuid;

/// A link's token as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailTokenRecord {
    /// Whose account it opens.
    pub user_id: Uuid,
    /// What it proves or allows.
    pub purpose: TokenPurpose,
    /// The address it was sent to.
    pub email: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// When it was used (or retired unused).
    pub used_at: Option<DateTime<Utc>>,
}

/// What issuing a link writes.
#[derive(Debug, Clone)]
pub struct NewEmailToken<'a> {
    /// SHA-256 of the token, hex.
    pub token_hash: &'a str,
    /// Whose account it opens.
    pub user_id: Uuid,
    /// What it proves or allows.
    pub purpose: TokenPurpose,
    /// The address it is sent to.
    pub email: &'a str,
    /// Issue time.
    pub created_at: DateTime<Utc>,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = email_tokens)]
struct TokenRow {
    user_id: Stored<Uuid>,
    purpose: Stored<TokenPurpose>,
    email: String,
    expires_at: Stored<DateTime<Utc>>,
    used_at: Option<Stored<DateTime<Utc>>>,
}

/// Stores a new link's token.
pub fn insert(tx: &mut Tx<'_>, token: &NewEmailToken<'_>) -> Result<(), StoreError> {
    diesel::insert_into(email_tokens::table)
        .values((
            email_tokens::token_hash.eq(token.token_hash),
            email_tokens::user_id.eq(Stored(token.user_id)),
            email_tokens::purpose.eq(Stored(token.purpose)),
            email_tokens::email.eq(token.email),
            email_tokens::created_at.eq(Stored(token.created_at)),
            email_tokens::expires_at.eq(Stored(token.expires_at)),
        ))
        .execute(tx.conn())?;
    Ok(())
}

/// The token with this hash.
pub fn find(tx: &mut Tx<'_>, token_hash: &str) -> Result<Option<EmailTokenRecord>, StoreError> {
    let row: Option<TokenRow> = email_tokens::table
        .filter(email_tokens::token_hash.eq(token_hash))
        .select(TokenRow::as_select())
        .first(tx.conn())
        .optional()?;
    Ok(row.map(|row| EmailTokenRecord {
        user_id: row.user_id.0,
        purpose: row.purpose.0,
        email: row.email,
        expires_at: row.expires_at.0,
        used_at: row.used_at.map(|t| t.0),
    }))
}

/// Spends the token; false when it was already spent (by a concurrent
/// use: the `WHERE` decides, so two uses cannot both succeed).
pub fn spend(tx: &mut Tx<'_>, token_hash: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let spent = diesel::update(
        email_tokens::table.filter(email_tokens::token_hash.eq(token_hash)).filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Some(Stored(at))))
    .execute(tx.conn())?;
    Ok(spent == 1)
}

/// Retires every unused token of `user_id` for `purpose`: once the
/// password changed, an older reset link must not change it again.
pub fn retire_unused(
    tx: &mut Tx<'_>,
    user_id: Uuid,
    purpose: TokenPurpose,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(
        email_tokens::table
            .filter(email_tokens::user_id.eq(Stored(user_id)))
            .filter(email_tokens::purpose.eq(Stored(purpose)))
            .filter(email_tokens::used_at.is_null()),
    )
    .set(email_tokens::used_at.eq(Some(Stored(at))))
    .execute(tx.conn())?;
    Ok(())
}

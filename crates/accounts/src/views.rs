//! What the account services hand to their callers. A person's account is
//! shown differently to each audience (to everyone, to themselves, to
//! admins), so this view is not serialised as it is: the API projects it
//! per audience, and the e-mail it carries never reaches a public answer
//! by accident.

use chrono::{DateTime, Utc};
use emenda_domain::mail::Language;
use emenda_store::users::UserRecord;
use uuid::Uuid;

/// A person's account, without anything secret (no password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Their id.
    pub id: Uuid,
    /// The e-mail they sign in with: shown only to them and to admins.
    pub email: String,
    /// Public handle, unique, lower case.
    pub nickname: String,
    /// The name shown next to their contributions.
    pub display_name: String,
    /// When an admin verified their identity (spaces may require it).
    pub verified_at: Option<DateTime<Utc>>,
    /// When the account was blocked, while it is.
    pub blocked_at: Option<DateTime<Utc>>,
    /// Registration time.
    pub created_at: DateTime<Utc>,
    /// The version of the privacy notice accepted at sign-up (none for an
    /// account an operator made): theirs and admins' to see.
    pub privacy_version: Option<i32>,
    /// When they proved they read mail at `email`.
    pub email_confirmed_at: Option<DateTime<Utc>>,
    /// The language they read the platform and its e-mail in.
    pub language: Language,
    /// When the account will be deleted, while its deletion is pending
    /// (the person may cancel until then).
    pub deletion_due_at: Option<DateTime<Utc>>,
}

impl From<UserRecord> for User {
    fn from(r: UserRecord) -> Self {
        Self {
            id: r.id,
            email: r.email,
            nickname: r.nickname,
            display_name: r.display_name,
            verified_at: r.verified_at,
            blocked_at: r.blocked_at,
            created_at: r.created_at,
            privacy_version: r.privacy_version,
            email_confirmed_at: r.email_confirmed_at,
            language: r.language,
            deletion_due_at: r.deletion_due_at,
        }
    }
}

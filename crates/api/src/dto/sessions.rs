//! The signed-in person: their own profile, and a session's tokens.

use crate::dto::users::UserDto;
use chrono::{DateTime, Utc};
use emenda_accounts::{Session, SignedInUser};
use emenda_domain::mail::Language;
use emenda_domain::policy::RoleGrant;
use serde::Serialize;
use utoipa::ToSchema;

/// The caller's own profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeDto {
    /// Public part.
    #[serde(flatten)]
    pub user: UserDto,
    /// The e-mail they sign in with.
    pub email: String,
    /// Roles beyond participant.
    pub roles: Vec<RoleGrant>,
    /// Blocked users cannot act (they never get this far, but clients show it).
    pub blocked: bool,
    /// The version of the privacy notice they accepted at sign-up
    /// (`/pages/privacy/versions/{n}`); absent for an account an operator made.
    pub privacy_version: Option<i32>,
    /// Whether they proved they read mail at `email`. Where the site sends
    /// e-mail (`/site`'s `email`), writing waits for it (`email_unconfirmed`).
    pub email_confirmed: bool,
    /// The language they read the platform and its e-mail in.
    pub language: Language,
    /// When the account will be deleted, while its deletion is pending:
    /// it writes nothing (`deletion_pending`) until the person cancels
    /// (`DELETE /me/deletion`).
    pub deletion_due_at: Option<DateTime<Utc>>,
}

impl From<&SignedInUser> for MeDto {
    fn from(signed_in: &SignedInUser) -> Self {
        Self {
            user: UserDto::from(&signed_in.user),
            email: signed_in.user.email.clone(),
            roles: signed_in.roles.clone(),
            blocked: signed_in.user.blocked_at.is_some(),
            privacy_version: signed_in.user.privacy_version,
            email_confirmed: signed_in.user.email_confirmed_at.is_some(),
            language: signed_in.user.language,
            deletion_due_at: signed_in.user.deletion_due_at,
        }
    }
}

/// Tokens for a session.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDto {
    /// Send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single use: exchange at `/auth/refresh` for the next pair.
    pub refresh_token: String,
    /// Who signed in.
    pub user: MeDto,
}

impl From<Session> for SessionDto {
    fn from(session: Session) -> Self {
        Self {
            user: MeDto::from(&session.user),
            access_token: session.access_token,
            token_type: "Bearer".into(),
            expires_in: session.expires_in,
            refresh_token: session.refresh_token,
        }
    }
}

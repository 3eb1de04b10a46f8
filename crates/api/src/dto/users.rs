//! A person as others see them, and as admins see them.

use chrono::{DateTime, Utc};
use emenda_accounts::User;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A user as others see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    /// Their id.
    pub id: Uuid,
    /// Public handle.
    pub nickname: String,
    /// The name shown next to their contributions.
    pub display_name: String,
    /// An admin verified their identity.
    pub verified: bool,
    /// Registration time.
    pub created_at: DateTime<Utc>,
}

impl From<&User> for UserDto {
    fn from(user: &User) -> Self {
        Self {
            id: user.id,
            nickname: user.nickname.clone(),
            display_name: user.display_name.clone(),
            verified: user.verified_at.is_some(),
            created_at: user.created_at,
        }
    }
}

/// A user's standing, as admins see it after a change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountStandingDto {
    /// The public part of the user.
    #[serde(flatten)]
    pub user: UserDto,
    /// When the identity was verified.
    pub verified_at: Option<DateTime<Utc>>,
    /// Whether the account is blocked now.
    pub blocked: bool,
    /// Since when.
    pub blocked_at: Option<DateTime<Utc>>,
}

impl From<&User> for AccountStandingDto {
    fn from(user: &User) -> Self {
        Self {
            user: UserDto::from(user),
            verified_at: user.verified_at,
            blocked: user.blocked_at.is_some(),
            blocked_at: user.blocked_at,
        }
    }
}

/// An account as admins find it: its standing and its e-mail, which only
/// the person and admins see.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountDto {
    /// Standing.
    #[serde(flatten)]
    pub standing: AccountStandingDto,
    /// E-mail address.
    pub email: String,
    /// Registration time.
    pub created_at: DateTime<Utc>,
}

impl From<User> for AccountDto {
    fn from(user: User) -> Self {
        Self { standing: AccountStandingDto::from(&user), created_at: user.created_at, email: user.email }
    }
}

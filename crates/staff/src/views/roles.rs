//! A user's roles.

use emenda_domain::policy::RoleGrant;
use serde::Serialize;
use uuid::Uuid;

/// A user's roles after a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserRoles {
    /// The user.
    pub user_id: Uuid,
    /// Every role they hold now.
    pub roles: Vec<RoleGrant>,
}

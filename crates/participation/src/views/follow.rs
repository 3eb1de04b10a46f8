//! Whether the caller follows a proposal.

use serde::Serialize;

/// The caller's follow of a proposal, and how many people follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowState {
    /// Whether the caller follows it (after the request).
    pub following: bool,
    /// How many people follow it, the caller included.
    pub followers: i64,
}

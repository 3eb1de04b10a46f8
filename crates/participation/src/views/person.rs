//! Who did something, as shown next to what they did.

use serde::Serialize;
use uuid::Uuid;

/// A participant as others see them next to their contribution (a
/// comment's author, a supporter): enough to name and link them, nothing
/// private.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    /// Their user id.
    pub id: Uuid,
    /// Public handle.
    pub nickname: String,
    /// The name they chose to be shown.
    pub display_name: String,
}

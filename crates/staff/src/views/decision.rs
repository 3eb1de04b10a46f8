//! Amendment decisions: the staff queue and an acceptance's outcome.

use emenda_domain::amendment::Mergeability;
use emenda_participation::views::{AmendmentSummary, VersionSummary};
use serde::Serialize;

/// An amendment in the staff queue, with its proposal and whether it still
/// applies cleanly, so the queue needs no request per item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    /// The amendment, its fields inline.
    #[serde(flatten)]
    pub amendment: AmendmentSummary,
    /// The proposal's reference code, for its address.
    pub proposal_reference: String,
    /// The proposal's current title.
    pub proposal_title: String,
    /// The proposal's current version.
    pub current_version: i32,
    /// While evaluating: `up_to_date`, `clean` or `conflict`.
    pub mergeability: Option<Mergeability>,
}

/// The outcome of an acceptance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accepted {
    /// The amendment, now accepted.
    pub amendment: AmendmentSummary,
    /// The version it produced (absent when its text was already current).
    pub version: Option<VersionSummary>,
}

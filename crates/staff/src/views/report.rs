//! A report, as its reporter gets it back.

use chrono::{DateTime, Utc};
use emenda_domain::moderation::{ReportReason, ReportState, Target};
use serde::Serialize;
use uuid::Uuid;

/// A report as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// The report's id.
    pub id: Uuid,
    /// What was reported.
    pub target: Target,
    /// Why it was reported.
    pub reason: ReportReason,
    /// What is wrong, in the reporter's words (empty when none were given).
    pub details: String,
    /// `open` until staff work it.
    pub state: ReportState,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

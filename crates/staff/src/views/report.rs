//! A report, as its reporter gets it back.

use chrono::{DateTime, Utc};
use emenda_domain::moderation::{ReportReason, ReportState, Target};
use serde::Serialize;
use uuid::Uuid;

/// A report as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// Its id.
    pub id: Uuid,
    /// What was reported.
    pub target: Target,
    /// Why.
    pub reason: ReportReason,
    /// What is wrong, in the reporter's words (empty when none were given).
    pub details: String,
    /// `open` until staff work it.
    pub state: ReportState,
    /// When.
    pub created_at: DateTime<Utc>,
}

//! What waits for staff, counted: the numbers the staff console shows next
//! to its sections.

use serde::Serialize;

/// What waits for staff in the spaces they look after (or one of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSummary {
    /// Amendments waiting for a decision (the amendment queue).
    pub amendments_waiting: i64,
    /// Items with open reports (the report queue).
    pub reports_open: i64,
    /// Visible proposals not answered yet (still `published`).
    pub proposals_awaiting_answer: i64,
    /// Of those, the ones that reached their space's support threshold:
    /// the first to answer.
    pub proposals_awaiting_answer_qualified: i64,
}

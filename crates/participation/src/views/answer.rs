//! An official answer to a proposal.

use chrono::{DateTime, Utc};
use emenda_domain::proposal::ProposalState;
use emenda_store::answers::AnswerRecord;
use serde::Serialize;
use uuid::Uuid;

/// An official answer: the state staff set and the public text that
/// explains it. Answers are appended, never changed; the latest is in
/// force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answer {
    /// The state it set: `evaluating`, `accepted` or `rejected`.
    pub state: ProposalState,
    /// The official text (Markdown).
    pub answer: String,
    /// The staff member who answered.
    pub staff_id: Uuid,
    /// Their display name, as the answer is signed.
    pub staff_name: String,
    /// When it was given.
    pub created_at: DateTime<Utc>,
}

impl From<AnswerRecord> for Answer {
    fn from(r: AnswerRecord) -> Self {
        Self {
            state: r.state,
            answer: r.answer,
            staff_id: r.staff_id,
            staff_name: r.staff_name,
            created_at: r.created_at,
        }
    }
}

//! The staff's report queue: one entry per reported or moderated item,
//! with everything needed to triage it without opening it.

use chrono::{DateTime, Utc};
use emenda_domain::moderation::{ReportReason, ReportState, Target};
use emenda_store::moderation::ReportRecord;
use serde::Serialize;
use uuid::Uuid;

/// What staff see of an item without opening it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preview {
    /// The title, or the first 200 characters of a comment (null for a
    /// deleted comment).
    pub text: Option<String>,
    /// Its author, whom an admin may need to find.
    pub author_id: Uuid,
    /// Their nickname.
    pub author_nickname: String,
}

/// One report, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueReport {
    /// The report's id.
    pub id: Uuid,
    /// Why it was reported.
    pub reason: ReportReason,
    /// What is wrong, in the reporter's words (may be empty).
    pub details: String,
    /// Who reported.
    pub reporter_nickname: String,
    /// `open`, `upheld` or `dismissed`.
    pub state: ReportState,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl From<ReportRecord> for QueueReport {
    fn from(r: ReportRecord) -> Self {
        Self {
            id: r.id,
            reason: r.reason,
            details: r.details,
            reporter_nickname: r.reporter_nickname,
            state: r.state,
            created_at: r.created_at,
        }
    }
}

/// How many reports name each reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReasonCounts {
    /// `spam`.
    pub spam: i64,
    /// `offensive`.
    pub offensive: i64,
    /// `does_not_belong`.
    pub does_not_belong: i64,
    /// `other`.
    pub other: i64,
}

impl ReasonCounts {
    /// The counts per reason; reasons not listed have none.
    pub fn from_counts(counts: &[(ReportReason, i64)]) -> Self {
        let mut all = Self::default();
        for (reason, count) in counts {
            match reason {
                ReportReason::Spam => all.spam = *count,
                ReportReason::Offensive => all.offensive = *count,
                ReportReason::DoesNotBelong => all.does_not_belong = *count,
                ReportReason::Other => all.other = *count,
            }
        }
        all
    }
}

/// One item in the report queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationItem {
    /// The queue entry's id (its position in the queue).
    pub id: Uuid,
    /// The item reported or moderated.
    pub target: Target,
    /// The item's space: only its staff act on it.
    pub space_id: Uuid,
    /// The proposal it is or belongs to.
    pub proposal_id: Option<Uuid>,
    /// That proposal's reference code, for its public address.
    pub proposal_reference: Option<String>,
    /// Title or text preview and author (null when the item is gone).
    pub preview: Option<Preview>,
    /// Hidden now from everyone but staff of the space.
    pub hidden: bool,
    /// Hidden with its blocked author (unblocking shows it again).
    pub hidden_by_block: bool,
    /// Reports not yet worked by staff.
    pub open_reports: i32,
    /// The audit entry of the staff hide in force: set while staff hid the
    /// item from view (not automatically, nor with its author's block).
    /// An unhide that names it as `undo` undoes that hide, reopening the
    /// reports it upheld.
    pub hide_entry_id: Option<Uuid>,
    /// Every report of the item, by reason.
    pub reasons: ReasonCounts,
    /// The latest three reports, newest first.
    pub latest_reports: Vec<QueueReport>,
    /// When it was last reported.
    pub last_reported_at: Option<DateTime<Utc>>,
}

//! An amendment: in a list or a queue, and whole, with its diff and how it
//! would merge.

use chrono::{DateTime, Utc};
use emenda_domain::amendment::{AmendmentState, Assessment, FieldConflict, Mergeability};
use emenda_domain::diff::{ChangeExcerpt, TextDiff};
use emenda_domain::merge::MergeSegment;
use emenda_store::amendments::AmendmentRecord;
use serde::Serialize;
use uuid::Uuid;

/// An amendment in a list or a queue: its decision, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentSummary {
    /// Its id: `/amendments/{id}`.
    pub id: Uuid,
    /// The proposal it amends.
    pub proposal_id: Uuid,
    /// Who asked for it.
    pub author_id: Uuid,
    /// Their nickname.
    pub author_nickname: String,
    /// The version its author read: its diff is against that version.
    pub base_version: i32,
    /// Proposed title.
    pub title: String,
    /// Where the decision stands: `evaluating` until staff accept or reject
    /// it, or its author withdraws it.
    pub state: AmendmentState,
    /// Who decided it (or the author who withdrew it).
    pub decided_by: Option<Uuid>,
    /// When it was decided or withdrawn.
    pub decided_at: Option<DateTime<Utc>>,
    /// Public reason of a rejection, or the note of an acceptance.
    pub decision_reason: Option<String>,
    /// The version an acceptance produced.
    pub resulting_version: Option<i32>,
    /// The proposal a rejected amendment was promoted to.
    pub promoted_proposal_id: Option<Uuid>,
    /// Rejected because its proposal was withdrawn or answered, not on its
    /// merits; such an amendment cannot be promoted.
    pub closed_by_proposal: bool,
    /// Hidden by moderation: only staff of the space see it.
    pub hidden: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Its first change in its sentence, for a card: in lists, the queue and
    /// the amendment itself (null only where a list leaves it out).
    pub excerpt: Option<ChangeExcerpt>,
}

impl From<&AmendmentRecord> for AmendmentSummary {
    fn from(r: &AmendmentRecord) -> Self {
        Self {
            id: r.id,
            proposal_id: r.proposal_id,
            author_id: r.author_id,
            author_nickname: r.author_nickname.clone(),
            base_version: r.base_version,
            title: r.title.clone(),
            state: r.state,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
            decision_reason: r.decision_reason.clone(),
            resulting_version: r.resulting_version,
            promoted_proposal_id: r.promoted_proposal_id,
            closed_by_proposal: r.closed_by_proposal,
            hidden: r.hidden,
            created_at: r.created_at,
            updated_at: r.updated_at,
            excerpt: None,
        }
    }
}

impl From<AmendmentRecord> for AmendmentSummary {
    fn from(r: AmendmentRecord) -> Self {
        Self::from(&r)
    }
}

/// The amendment's change against its base version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentDiff {
    /// How the title changes.
    pub title: TextDiff,
    /// How the text changes.
    pub body: TextDiff,
}

/// What accepting now would give, field by field: the text where it
/// merges cleanly (null where in conflict), and always the whole text as
/// segments, agreed pieces and conflicts in order, so a client resolves a
/// conflict by choosing or editing each conflict's side, with no string
/// surgery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergedPreview {
    /// Resulting title.
    pub title: Option<String>,
    /// Resulting body.
    pub body: Option<String>,
    /// The resulting title as agreed pieces and conflicts.
    pub title_segments: Vec<MergeSegment>,
    /// The resulting body as agreed pieces and conflicts.
    pub body_segments: Vec<MergeSegment>,
}

/// What the caller may do to an amendment now, each flag decided by the
/// same rules the write applies, for this caller: true exactly when that
/// write would be accepted (at the moment of reading; the write decides
/// again). All false for an anonymous reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentActions {
    /// `POST /amendments/{id}/withdraw`: its author, while it is under
    /// evaluation.
    pub withdraw: bool,
    /// `POST /amendments/{id}/promote`: its author, once it was rejected on
    /// its merits (not closed with its proposal) and not yet promoted,
    /// where the space takes new proposals from them.
    pub promote: bool,
    /// `POST /moderation/amendments/{id}/accept`: staff of the space, not
    /// its author, while it is under evaluation and its proposal is open.
    /// When `mergeability` is `conflict`, the acceptance needs the final
    /// text.
    pub accept: bool,
    /// `POST /moderation/amendments/{id}/reject`: staff of the space, not
    /// its author, while it is under evaluation.
    pub reject: bool,
    /// `POST /amendments/{id}/comments`: comment on it (a root comment).
    /// Comments open, its proposal not withdrawn, neither hidden.
    pub comment: bool,
}

/// An amendment with its text, its diff and, while it is evaluated, how
/// it would merge into the current version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Amendment {
    /// Its decision and proposed title.
    #[serde(flatten)]
    pub summary: AmendmentSummary,
    /// Proposed text (the whole text).
    pub body: String,
    /// Why the change is needed.
    pub rationale: String,
    /// The proposal's reference code, for its address.
    pub proposal_reference: String,
    /// The proposal's current version.
    pub current_version: i32,
    /// Change against the base version.
    pub diff: AmendmentDiff,
    /// While evaluating: `up_to_date`, `clean` or `conflict`.
    pub mergeability: Option<Mergeability>,
    /// While evaluating and in conflict: the regions to resolve.
    pub conflicts: Vec<FieldConflict>,
    /// While evaluating: the text accepting now would produce.
    pub merged_preview: Option<MergedPreview>,
    /// What the caller may do to it now.
    pub actions: AmendmentActions,
}

impl Amendment {
    /// The amendment `record` with its diff, while it is evaluated its
    /// `assessment` against the proposal's current version, and what the
    /// reader may do.
    pub(crate) fn new(
        record: AmendmentRecord,
        proposal_reference: String,
        current_version: i32,
        diff: AmendmentDiff,
        assessment: Option<&Assessment>,
        actions: AmendmentActions,
    ) -> Self {
        let summary = AmendmentSummary::from(&record);
        Self {
            summary,
            body: record.body,
            rationale: record.rationale,
            proposal_reference,
            current_version,
            diff,
            mergeability: assessment.map(|a| a.mergeability),
            conflicts: assessment.map(|a| a.conflicts.clone()).unwrap_or_default(),
            merged_preview: assessment.map(|a| MergedPreview {
                title: a.title.clone(),
                body: a.body.clone(),
                title_segments: a.title_segments.clone(),
                body_segments: a.body_segments.clone(),
            }),
            actions,
        }
    }
}

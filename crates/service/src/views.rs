//! What services hand to their callers: plain views of the data, owned by
//! the service layer. The store's records stay the store's (they can grow
//! columns, change shape or carry secrets such as a password hash) and the
//! api crate maps these views to its DTOs without ever seeing the store.

use chrono::{DateTime, Utc};
use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::space::SpaceSettings;
use emenda_store::amendments::AmendmentRecord;
use emenda_store::answers::AnswerRecord;
use emenda_store::audit::AuditEntry;
use emenda_store::proposals::{AuthorRecord, ProposalRecord};
use emenda_store::spaces::SpaceRecord;
use emenda_store::supports::SupporterRecord;
use emenda_store::versions::VersionRecord;
use uuid::Uuid;

/// A participatory space and its settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    /// Id.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Description (Markdown).
    pub description: String,
    /// Rules of participation.
    pub settings: SpaceSettings,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<SpaceRecord> for Space {
    fn from(r: SpaceRecord) -> Self {
        Self {
            id: r.id,
            slug: r.slug,
            title: r.title,
            description: r.description,
            settings: r.settings,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// A proposal's state and counters (its text is in its versions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Id.
    pub id: Uuid,
    /// Reference code.
    pub reference: String,
    /// Space.
    pub space_id: Uuid,
    /// Who published it.
    pub creator_id: Uuid,
    /// State.
    pub state: ProposalState,
    /// Number of the current version.
    pub current_version: i32,
    /// Current title.
    pub title: String,
    /// Supports that count (their giver reached the space's minimum).
    pub supports_count: i32,
    /// Every support, counted or pending.
    pub supports_given: i32,
    /// When the proposal first reached the space's support threshold.
    pub qualified_at: Option<DateTime<Utc>>,
    /// Visible comments.
    pub comments_count: i32,
    /// Hidden by moderation.
    pub hidden: bool,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// The proposal this one grew out of (a promoted amendment).
    pub derived_from: Option<Uuid>,
}

impl From<ProposalRecord> for Proposal {
    fn from(r: ProposalRecord) -> Self {
        Self {
            id: r.id,
            reference: r.reference,
            space_id: r.space_id,
            creator_id: r.creator_id,
            state: r.state,
            current_version: r.current_version,
            title: r.title,
            supports_count: r.supports_count,
            supports_given: r.supports_given,
            qualified_at: r.qualified_at,
            comments_count: r.comments_count,
            hidden: r.hidden,
            created_at: r.created_at,
            updated_at: r.updated_at,
            derived_from: r.derived_from,
        }
    }
}

/// One author of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// User id.
    pub user_id: Uuid,
    /// Nickname.
    pub nickname: String,
    /// Display name.
    pub display_name: String,
    /// `creator` or `coauthor`.
    pub kind: String,
}

impl From<AuthorRecord> for Author {
    fn from(r: AuthorRecord) -> Self {
        Self { user_id: r.user_id, nickname: r.nickname, display_name: r.display_name, kind: r.kind }
    }
}

/// An official answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Id.
    pub id: Uuid,
    /// The proposal answered.
    pub proposal_id: Uuid,
    /// The state it set.
    pub state: ProposalState,
    /// The official text (Markdown).
    pub answer: String,
    /// Who answered.
    pub staff_id: Uuid,
    /// Their display name.
    pub staff_name: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<AnswerRecord> for Answer {
    fn from(r: AnswerRecord) -> Self {
        Self {
            id: r.id,
            proposal_id: r.proposal_id,
            state: r.state,
            answer: r.answer,
            staff_id: r.staff_id,
            staff_name: r.staff_name,
            created_at: r.created_at,
        }
    }
}

/// One immutable version of a proposal, with its place in the hash chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The proposal.
    pub proposal_id: Uuid,
    /// 1..n.
    pub number: i32,
    /// Title.
    pub title: String,
    /// Body (Markdown).
    pub body: String,
    /// Who wrote it.
    pub editor_id: Uuid,
    /// Their nickname.
    pub editor_nickname: String,
    /// How it came to be.
    pub kind: VersionKind,
    /// The amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// The staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// Edit summary.
    pub summary: Option<String>,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// SHA-256 of its canonical encoding.
    pub content_hash: String,
    /// The previous version's hash.
    pub previous_hash: Option<String>,
}

impl From<VersionRecord> for Version {
    fn from(r: VersionRecord) -> Self {
        Self {
            proposal_id: r.proposal_id,
            number: r.number,
            title: r.title,
            body: r.body,
            editor_id: r.editor_id,
            editor_nickname: r.editor_nickname,
            kind: r.kind,
            amendment_id: r.amendment_id,
            accepted_by: r.accepted_by,
            summary: r.summary,
            created_at: r.created_at,
            content_hash: r.content_hash,
            previous_hash: r.previous_hash,
        }
    }
}

/// An amendment and its decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// Id.
    pub id: Uuid,
    /// The proposal it amends.
    pub proposal_id: Uuid,
    /// Who asked for it.
    pub author_id: Uuid,
    /// Their nickname.
    pub author_nickname: String,
    /// The version its author saw.
    pub base_version: i32,
    /// Proposed title.
    pub title: String,
    /// Proposed body.
    pub body: String,
    /// Why.
    pub rationale: String,
    /// State.
    pub state: AmendmentState,
    /// Who decided (or the author who withdrew).
    pub decided_by: Option<Uuid>,
    /// When.
    pub decided_at: Option<DateTime<Utc>>,
    /// Public reason of a rejection, or the note of an acceptance.
    pub decision_reason: Option<String>,
    /// The version an acceptance produced.
    pub resulting_version: Option<i32>,
    /// The proposal it was promoted to.
    pub promoted_proposal_id: Option<Uuid>,
    /// Rejected because its proposal closed, not on its merits.
    pub closed_by_proposal: bool,
    /// Hidden by moderation (only staff of the space see it).
    pub hidden: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<AmendmentRecord> for Amendment {
    fn from(r: AmendmentRecord) -> Self {
        Self {
            id: r.id,
            proposal_id: r.proposal_id,
            author_id: r.author_id,
            author_nickname: r.author_nickname,
            base_version: r.base_version,
            title: r.title,
            body: r.body,
            rationale: r.rationale,
            state: r.state,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
            decision_reason: r.decision_reason,
            resulting_version: r.resulting_version,
            promoted_proposal_id: r.promoted_proposal_id,
            hidden: r.hidden,
            closed_by_proposal: r.closed_by_proposal,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// One audit-log entry as readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecordView {
    /// Id.
    pub id: Uuid,
    /// Who did it; `None` for the system.
    pub actor_id: Option<Uuid>,
    /// What was done.
    pub action: AuditAction,
    /// Kind of the thing changed.
    pub target_kind: String,
    /// Id of the thing changed.
    pub target_id: Uuid,
    /// Space concerned.
    pub space_id: Option<Uuid>,
    /// Facts worth keeping.
    pub details: serde_json::Value,
    /// Who may read it.
    pub visibility: AuditVisibility,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<AuditEntry> for AuditRecordView {
    fn from(r: AuditEntry) -> Self {
        Self {
            id: r.id,
            actor_id: r.actor_id,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            space_id: r.space_id,
            details: r.details,
            visibility: r.visibility,
            created_at: r.created_at,
        }
    }
}

/// The caller's own support of a proposal, so they can see whether it
/// still counts and what changed since they gave it ("you supported
/// version 3; now at 5").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySupport {
    /// The version the support is pinned to.
    pub version: i32,
    /// The proposal's current version.
    pub current_version: i32,
    /// Not counted yet: the caller has fewer supports in the space than
    /// its `minimum_supports_per_user`.
    pub pending: bool,
    /// When it was first given.
    pub supported_at: DateTime<Utc>,
    /// When it was last given or re-confirmed.
    pub confirmed_at: DateTime<Utc>,
}

/// A counted supporter, as public supporter lists show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supporter {
    /// User id.
    pub user_id: Uuid,
    /// Nickname.
    pub nickname: String,
    /// Display name.
    pub display_name: String,
    /// The version their support is pinned to.
    pub version: i32,
    /// When they gave it.
    pub supported_at: DateTime<Utc>,
}

impl From<SupporterRecord> for Supporter {
    fn from(r: SupporterRecord) -> Self {
        Self {
            user_id: r.user_id,
            nickname: r.nickname,
            display_name: r.display_name,
            version: r.version,
            supported_at: r.created_at,
        }
    }
}

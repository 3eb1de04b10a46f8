//! A proposal: in a list, and whole, as its page shows it.

use crate::views::{Answer, MySupport, ProposalSpace};
use chrono::{DateTime, Utc};
use emenda_domain::amendment::AmendmentState;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::search::SnippetPart;
use emenda_domain::topics::Topic;
use emenda_store::proposal_view::ProposalPage;
use emenda_store::proposals::{AuthorRecord, ProposalRecord};
use serde::Serialize;
use uuid::Uuid;

/// A proposal in a list: its state and counters, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalSummary {
    /// Its id; a path takes it or the reference code.
    pub id: Uuid,
    /// Reference code, e.g. `EMD-PROP-2026-11-42`; also accepted wherever
    /// a path takes the id.
    pub reference: String,
    /// The space it was published in.
    pub space_id: Uuid,
    /// Where it stands: published, evaluating (staff are looking at it),
    /// accepted or rejected (answered), or withdrawn by its authors.
    pub state: ProposalState,
    /// Current title.
    pub title: String,
    /// Current version number (= number of versions).
    pub current_version: i32,
    /// Supports that count (their giver reached the space's
    /// `minimum_supports_per_user`).
    pub supports_count: i32,
    /// Every support, counted or pending.
    pub supports_given: i32,
    /// When the proposal reached the space's support threshold (stays set).
    pub qualified_at: Option<DateTime<Utc>>,
    /// Visible comments.
    pub comments_count: i32,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change of its text, state, counters or filing.
    pub updated_at: DateTime<Utc>,
    /// The slug of the space's category it is filed under (the space's
    /// `categories` name it); `null`: none.
    pub category: Option<String>,
    /// The slug of the space's area it is filed under; `null`: none.
    pub area: Option<String>,
    /// In the results of a search (`q`): how it matched; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchHit>,
}

/// How a proposal matched a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// Its title holds every term (these come first).
    pub in_title: bool,
    /// The passage of its text around the first matched word, in pieces
    /// to highlight; absent when the text holds none (the title matched).
    pub snippet: Option<Vec<SnippetPart>>,
}

impl From<ProposalRecord> for ProposalSummary {
    fn from(r: ProposalRecord) -> Self {
        Self {
            id: r.id,
            reference: r.reference,
            space_id: r.space_id,
            state: r.state,
            title: r.title,
            current_version: r.current_version,
            supports_count: r.supports_count,
            supports_given: r.supports_given,
            qualified_at: r.qualified_at,
            comments_count: r.comments_count,
            created_at: r.created_at,
            updated_at: r.updated_at,
            category: r.category,
            area: r.area,
            search: None,
        }
    }
}

/// One author of a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Author {
    /// Their user id.
    pub user_id: Uuid,
    /// Public handle.
    pub nickname: String,
    /// The name shown.
    pub display_name: String,
    /// `creator` (who published it) or `coauthor` (whose amendment was
    /// accepted into it).
    pub kind: String,
}

impl From<AuthorRecord> for Author {
    fn from(r: AuthorRecord) -> Self {
        Self { user_id: r.user_id, nickname: r.nickname, display_name: r.display_name, kind: r.kind }
    }
}

/// Counters shown on a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalCounters {
    /// Supports that count (their giver reached the space's
    /// `minimum_supports_per_user`).
    pub supports: i32,
    /// Every support, counted or pending.
    pub supports_given: i32,
    /// Visible comments.
    pub comments: i32,
}

/// A proposal's amendments by state, as many as the reader may list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentCounts {
    /// Waiting for a decision.
    pub evaluating: i64,
    /// Accepted into a version.
    pub accepted: i64,
    /// Rejected, on their merits or because the proposal closed.
    pub rejected: i64,
    /// Withdrawn by their authors.
    pub withdrawn: i64,
}

impl AmendmentCounts {
    /// The counts per state; states not listed have none.
    pub fn from_counts(counts: &[(AmendmentState, i64)]) -> Self {
        let mut all = Self::default();
        for (state, n) in counts {
            match state {
                AmendmentState::Evaluating => all.evaluating = *n,
                AmendmentState::Accepted => all.accepted = *n,
                AmendmentState::Rejected => all.rejected = *n,
                AmendmentState::Withdrawn => all.withdrawn = *n,
            }
        }
        all
    }
}

/// What the caller may do to a proposal now, each flag decided by the same
/// rules the write applies, for this caller: true exactly when that write
/// would be accepted (at the moment of reading; the write decides again).
/// All false for an anonymous reader: every one of these needs a sign-in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalActions {
    /// `PUT …/support`: give a support, or re-confirm theirs on the current
    /// version. Supports open, a verified identity if the space asks for
    /// one, the proposal open (published or evaluating) and not hidden, and
    /// for a new support room under the space's per-user limit and, unless
    /// it takes supports beyond it, the proposal's threshold.
    pub support: bool,
    /// `DELETE …/support`: take a support back (idempotent, so true whether
    /// or not the caller supports it). Supports open and the proposal open:
    /// once closed, supports are final.
    pub withdraw_support: bool,
    /// `POST …/amendments`: request an amendment. Amendments open, a
    /// verified identity if the space asks one to propose, the proposal
    /// open, and no amendment of the caller's still under evaluation on it.
    pub amend: bool,
    /// `POST …/comments`: comment (a root comment). Comments open, the
    /// proposal not withdrawn and not hidden.
    pub comment: bool,
    /// `POST …/versions`: publish a new version. An author, while the
    /// proposal is published (not yet answered), within the edit limits
    /// (per hour and in all).
    pub edit: bool,
    /// `POST …/withdraw`: withdraw the proposal. An author, while it is
    /// published or evaluating.
    pub withdraw: bool,
    /// `POST /moderation/proposals/{id}/answer`: give an official answer.
    /// Staff of the space, unless the proposal was withdrawn.
    pub answer: bool,
    /// `POST /reports` naming this proposal: report it. Not one's own, not
    /// hidden, and not reported by the caller already.
    pub report: bool,
    /// `POST /moderation/proposals/{id}/hide`, `…/unhide`, `…/dismiss`:
    /// moderate it. Staff of the space.
    pub moderate: bool,
    /// `PUT …/filing`: file it under other categories or areas of its
    /// space. Staff of the space; an author while it takes edits.
    pub file: bool,
}

/// A proposal with its current text, as its page shows it to one reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Proposal {
    /// Its id; a path takes it or the reference code.
    pub id: Uuid,
    /// Reference code, e.g. `EMD-PROP-2026-11-42`; also accepted wherever
    /// a path takes the id.
    pub reference: String,
    /// The space it was published in.
    pub space_id: Uuid,
    /// Its space's slug (also in `space`).
    pub space_slug: String,
    /// The space's name and rules, so a page can draw its actions (support
    /// open? threshold? amendments open?) from this one response.
    pub space: ProposalSpace,
    /// Where it stands: published, evaluating (staff are looking at it),
    /// accepted or rejected (answered), or withdrawn by its authors.
    pub state: ProposalState,
    /// Current version number; versions run 1..current_version.
    pub current_version: i32,
    /// Current title.
    pub title: String,
    /// Current text (Markdown).
    pub body: String,
    /// How the current version came to be.
    pub current_version_kind: VersionKind,
    /// Hash of the current version (the head of the chain).
    pub content_hash: String,
    /// Creator first, then co-authors, in the order they joined.
    pub authors: Vec<Author>,
    /// Supports and comments.
    pub counters: ProposalCounters,
    /// Amendments by state, as many as the reader may list.
    pub amendments: AmendmentCounts,
    /// The official answer in force; earlier ones at `/answers`.
    pub answer: Option<Answer>,
    /// The proposal this one grew out of (a promoted amendment).
    pub derived_from: Option<Uuid>,
    /// The space's category it is filed under; `null`: none.
    pub category: Option<Topic>,
    /// The space's area it is filed under; `null`: none.
    pub area: Option<Topic>,
    /// Hidden by moderation (only staff of its space can still see it).
    pub hidden: bool,
    /// When the proposal reached the space's support threshold (stays set
    /// once reached); `null` while not qualified.
    pub qualified_at: Option<DateTime<Utc>>,
    /// The caller's own support; `null` when anonymous or not supporting.
    pub my_support: Option<MySupport>,
    /// What the caller may do to it now.
    pub actions: ProposalActions,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change of its text, state, counters or filing.
    pub updated_at: DateTime<Utc>,
}

impl Proposal {
    /// The page read in one statement, with what depends on the reader:
    /// the amendment counts they may see (already in `page`), their own
    /// support and what they may do.
    pub(crate) fn from_page(page: ProposalPage, my_support: Option<MySupport>, actions: ProposalActions) -> Self {
        let (p, current) = (page.proposal, page.current);
        Self {
            id: p.id,
            reference: p.reference,
            space_id: p.space_id,
            space_slug: page.space.slug.clone(),
            space: page.space.into(),
            state: p.state,
            current_version: p.current_version,
            title: current.title,
            body: current.body,
            current_version_kind: current.kind,
            content_hash: current.content_hash,
            authors: page.authors.into_iter().map(Author::from).collect(),
            counters: ProposalCounters {
                supports: p.supports_count,
                supports_given: p.supports_given,
                comments: p.comments_count,
            },
            amendments: AmendmentCounts::from_counts(&page.amendment_counts),
            answer: page.answer.map(Answer::from),
            derived_from: p.derived_from,
            category: page.category,
            area: page.area,
            hidden: p.hidden,
            qualified_at: p.qualified_at,
            my_support,
            actions,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

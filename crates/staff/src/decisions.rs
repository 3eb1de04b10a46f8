//! Staff decisions on amendments: the queue, accept (with a three-way merge
//! when the proposal moved on) and reject (with a public reason). Each
//! amendment is decided exactly once, whoever clicks at the same moment.

use crate::views::{Accepted, QueueItem};
use emenda_domain::amendment::{already_decided, ensure_can_accept, ensure_can_reject, AmendmentState};
use emenda_domain::audit::AuditAction;
use emenda_domain::error::Validation;
use emenda_domain::listing::QueueSort;
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::{ensure_staff_of, Actor, StaffScope};
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::values::{validate_text, Body, StaffText, Title};
use emenda_domain::{DomainError, ErrorCode};
use emenda_participation::amendments::{assess_against_current, summary_with_excerpt};
use emenda_participation::lifecycle::{self, NextVersion};
use emenda_participation::lock_visible_amendment;
use emenda_participation::views::{AmendmentSummary, VersionSummary};
use emenda_participation::{load_visible_proposal, LockedProposal, ProposalKey};
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::amendments::{self, AmendmentRecord};
use emenda_store::proposals::{self as proposal_rows, ProposalRecord};
use emenda_store::spaces;
use emenda_store::versions;
use emenda_store::HasStore;
use uuid::Uuid;

/// What staff send to accept an amendment.
#[derive(Debug, Clone, Default)]
pub struct Acceptance {
    /// Final title, overriding the proposed or merged one.
    pub title: Option<String>,
    /// Final body, overriding the proposed or merged one.
    pub body: Option<String>,
    /// A note recorded with the decision.
    pub note: Option<String>,
}

/// Which amendments the staff's queue shows, and in which order.
#[derive(Debug, Clone, Copy)]
pub struct AmendmentQueue<'a> {
    /// Only this space (slug); the caller must be its staff.
    pub space: Option<&'a str>,
    /// Only amendments of this proposal; the caller must be staff of its
    /// space.
    pub proposal: Option<&'a ProposalKey>,
    /// Only amendments in this state.
    pub state: AmendmentState,
    /// Oldest or newest first.
    pub sort: QueueSort,
}

/// Amendment decisions.
#[derive(Debug, Clone)]
pub struct DecisionService {
    ctx: ServiceContext,
}

fn amendment_target(amendment: &AmendmentRecord, proposal: &ProposalRecord) -> AuditTarget {
    AuditTarget { kind: "amendment", id: amendment.id, space_id: Some(proposal.space_id) }
}

/// The spaces a staff queue covers: `space_slug` only (the caller must be
/// staff of it), or every space the caller has staff powers in (`None`:
/// all). Callers with no staff powers are refused (`staff_only`).
pub(crate) fn queue_spaces(
    tx: &mut emenda_store::Tx<'_>,
    actor: &Actor,
    space_slug: Option<&str>,
) -> ServiceResult<Option<Vec<Uuid>>> {
    Ok(match space_slug {
        Some(slug) => {
            let space = spaces::find_by_slug(tx, slug)?.ok_or_else(|| DomainError::not_found("space"))?;
            ensure_staff_of(actor, space.id)?;
            Some(vec![space.id])
        }
        None => match actor.staff_scope() {
            StaffScope::Everywhere => None,
            StaffScope::Spaces(own) => Some(own),
            StaffScope::Nowhere => {
                return Err(DomainError::forbidden(ErrorCode::StaffOnly, "only staff may see the queue").into())
            }
        },
    })
}

impl DecisionService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Amendments in a state, in the queue's order, of the spaces the
    /// caller is staff of (or of one space, or one proposal, only). A
    /// proposal named is one the caller may see (`not_found` otherwise),
    /// in a space they are staff of (`staff_only` otherwise, as for a
    /// space named).
    pub fn queue(
        &self,
        actor: &Actor,
        wanted: &AmendmentQueue<'_>,
        after: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<QueueItem>> {
        self.ctx.store().read(|tx| {
            let spaces = queue_spaces(tx, actor, wanted.space)?;
            let proposal = match wanted.proposal {
                Some(key) => {
                    let proposal = load_visible_proposal(tx, key, Some(actor))?;
                    ensure_staff_of(actor, proposal.space_id)?;
                    Some(proposal.id)
                }
                None => None,
            };
            let filter = amendments::QueueFilter { spaces: spaces.as_deref(), proposal, state: wanted.state };
            let rows = amendments::queue(tx, &filter, wanted.sort, after, limit)?;
            // One proposal read per item, and a merge assessment that the
            // cache usually answers (computed once per amendment and
            // current version); a page is at most 100 items.
            rows.into_iter()
                .map(|amendment| {
                    let proposal = proposal_rows::find_by_id(tx, amendment.proposal_id)?
                        .ok_or_else(|| DomainError::not_found("proposal"))?;
                    let mergeability = if amendment.state == AmendmentState::Evaluating {
                        Some(assess_against_current(tx, &amendment, &proposal)?.0.mergeability)
                    } else {
                        None
                    };
                    Ok(QueueItem {
                        proposal_reference: proposal.reference,
                        proposal_title: proposal.title,
                        current_version: proposal.current_version,
                        mergeability,
                        amendment: summary_with_excerpt(tx, amendment)?,
                    })
                })
                .collect()
        })
    }

    /// Accepts an amendment: up to date, its text becomes the next version;
    /// stale but clean, the merged text does; in conflict, refused with the
    /// conflicts unless staff send the final text of each conflicting field.
    pub fn accept(&self, actor: &Actor, id: Uuid, acceptance: &Acceptance) -> ServiceResult<Accepted> {
        let (sent_title, sent_body, note) = Validation::new()
            .optional("title", acceptance.title.as_deref().map(Title::parse))
            .optional("body", acceptance.body.as_deref().map(Body::parse))
            .optional(
                "note",
                acceptance
                    .note
                    .as_deref()
                    .filter(|n| !emenda_domain::text::is_blank_text(n))
                    .map(|n| StaffText::parse_field("note", n)),
            )
            .finish()?;
        let (sent_title, sent_body, note) = (sent_title.as_ref(), sent_body.as_ref(), note.as_ref());
        self.ctx.write_as(actor, |tx| {
            // The proposal is locked before anything is read: acceptances
            // of different amendments, edits and withdrawals of the proposal
            // queue, and each sees the version the one before it wrote.
            let (amendment, LockedProposal { proposal, space }) = lock_visible_amendment(tx, id, Some(actor))?;
            ensure_can_accept(actor, space.id, amendment.author_id, amendment.state, proposal.state)?;
            let (assessment, current) = assess_against_current(tx, &amendment, &proposal)?;
            let (title, body) = assessment.final_text(sent_title.map(Title::as_str), sent_body.map(Body::as_str))?;
            // A merge of two valid texts can still outgrow the limits.
            let (title, body) = validate_text(&title, &body)?;
            // Staff who send a text of their own are credited for it, unless
            // it is the amendment merged as it was (a conflict left no
            // such text: whatever they sent is theirs).
            let merged = assessment.final_text(None, None).ok().and_then(|(t, b)| validate_text(&t, &b).ok());
            let rewritten = merged.is_none_or(|(t, b)| t.as_str() != title.as_str() || b.as_str() != body.as_str());
            let now = self.ctx.clock.now();
            if !amendments::decide(tx, id, AmendmentState::Accepted, actor.user_id, note.map(StaffText::as_str), now)? {
                return Err(already_decided().into());
            }
            let unchanged = title.as_str() == current.title && body.as_str() == current.body;
            let resulting = if unchanged {
                current.number
            } else {
                lifecycle::append_version(
                    &self.ctx,
                    tx,
                    &proposal,
                    &NextVersion {
                        base: current.number,
                        allowed_states: &ProposalState::OPEN,
                        title: title.as_str(),
                        body: body.as_str(),
                        editor_id: amendment.author_id,
                        kind: VersionKind::Amendment,
                        amendment_id: Some(amendment.id),
                        accepted_by: Some(actor.user_id),
                        rewritten_by: rewritten.then_some(actor.user_id),
                        summary: None,
                    },
                )?
            };
            amendments::set_resulting_version(tx, id, resulting)?;
            proposal_rows::add_author(tx, proposal.id, amendment.author_id, "coauthor", now)?;
            let decided = NotificationPayload {
                outcome: Some("accepted".into()),
                reason: note.map(|n| n.as_str().to_owned()),
                subject_id: Some(amendment.id),
                version: Some(resulting),
                ..lifecycle::about(&proposal, title.as_str())
            };
            let author = Some(amendment.author_id);
            self.ctx.notify(
                tx,
                NotificationKind::AmendmentDecided,
                Some(actor.user_id),
                Some(proposal.id),
                author,
                &decided,
            )?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentAccepted,
                amendment_target(&amendment, &proposal),
                serde_json::json!({
                    "proposal_id": proposal.id,
                    "proposal_reference": proposal.reference,
                    "version": resulting,
                    "mergeability": assessment.mergeability,
                    "edited_by_staff": rewritten,
                }),
            )?;
            let amendment = amendments::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("amendment"))?;
            let version = if unchanged { None } else { versions::get(tx, proposal.id, resulting)? };
            Ok(Accepted { amendment: amendment.into(), version: version.map(VersionSummary::from) })
        })
    }

    /// Rejects an amendment with a public reason.
    pub fn reject(&self, actor: &Actor, id: Uuid, reason: &str) -> ServiceResult<AmendmentSummary> {
        let reason = StaffText::parse_field("reason", reason)?;
        self.ctx.write_as(actor, |tx| {
            let (amendment, LockedProposal { proposal, space }) = lock_visible_amendment(tx, id, Some(actor))?;
            ensure_can_reject(actor, space.id, amendment.author_id, amendment.state)?;
            let now = self.ctx.clock.now();
            if !amendments::decide(tx, id, AmendmentState::Rejected, actor.user_id, Some(reason.as_str()), now)? {
                return Err(already_decided().into());
            }
            let decided = NotificationPayload {
                outcome: Some("rejected".into()),
                reason: Some(reason.as_str().to_owned()),
                subject_id: Some(amendment.id),
                ..lifecycle::about(&proposal, &proposal.title)
            };
            let author = Some(amendment.author_id);
            self.ctx.notify(
                tx,
                NotificationKind::AmendmentDecided,
                Some(actor.user_id),
                Some(proposal.id),
                author,
                &decided,
            )?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentRejected,
                amendment_target(&amendment, &proposal),
                serde_json::json!({
                    "proposal_id": proposal.id,
                    "proposal_reference": proposal.reference,
                    "reason": reason.as_str(),
                }),
            )?;
            Ok(amendments::find_by_id(tx, id)?
                .map(AmendmentSummary::from)
                .ok_or_else(|| DomainError::not_found("amendment"))?)
        })
    }
}

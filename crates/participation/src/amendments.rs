//! Amendments, participant side: request, read (with a diff against the
//! base and a merge preview against the current version), withdraw, and
//! promote a rejected one into a proposal of its own.

use crate::access::{load_visible_amendment, lock_visible_amendment};
use crate::actions;
use crate::analysis;
use crate::proposals::{Draft, ProposalService};
use crate::rules::{ensure_none_open, one_open};
use crate::views::{Amendment, AmendmentDiff, AmendmentSummary, Proposal};
use crate::{load_visible_proposal, lock_visible_proposal, LockedProposal, ProposalKey};
use emenda_domain::amendment::{
    already_decided, assess, ensure_can_amend, ensure_can_promote, ensure_can_withdraw_amendment, ensure_changes_base,
    list_scope, AmendmentState, Assessment, ListScope, Texts,
};
use emenda_domain::audit::AuditAction;
use emenda_domain::diff::{diff_texts, first_change, Granularity};
use emenda_domain::error::Validation;
use emenda_domain::policy::Actor;
use emenda_domain::proposal::ensure_existing_version;
use emenda_domain::topics::Filing;
use emenda_domain::values::{validate_text, Rationale};
use emenda_domain::{DomainError, ErrorCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceError, ServiceResult};
use emenda_store::amendments::{self, AmendmentRecord, NewAmendment};
use emenda_store::proposals::ProposalRecord;
use emenda_store::spaces::{self, SpaceRecord};
use emenda_store::versions::{self, VersionRecord};
use emenda_store::HasStore;
use emenda_store::{follows, StoreError, Tx};
use std::sync::Arc;
use uuid::Uuid;

/// A new amendment as sent by a participant.
#[derive(Debug, Clone)]
pub struct AmendmentRequest {
    /// Proposed title (full text).
    pub title: String,
    /// Proposed body (full text).
    pub body: String,
    /// Why the change is needed.
    pub rationale: String,
    /// The version the participant read.
    pub base_version: i32,
}

fn version(tx: &mut Tx<'_>, proposal_id: Uuid, number: i32) -> ServiceResult<VersionRecord> {
    versions::get(tx, proposal_id, number)?
        .ok_or_else(|| StoreError::Corrupt(format!("version {number} of {proposal_id} is missing")).into())
}

/// The amendment's change against its base version, computed at most once
/// per amendment (its base and text never change).
fn diff_against_base(tx: &mut Tx<'_>, amendment: &AmendmentRecord) -> ServiceResult<Arc<AmendmentDiff>> {
    analysis::amendment_diff(amendment.id, || {
        let base = version(tx, amendment.proposal_id, amendment.base_version)?;
        Ok::<_, ServiceError>(AmendmentDiff {
            title: diff_texts(&base.title, &amendment.title, Granularity::Word),
            body: diff_texts(&base.body, &amendment.body, Granularity::Word),
        })
    })
}

/// The amendment as a list item with its first change in its sentence, so
/// a list needs no request per item to show what each one changes.
pub fn summary_with_excerpt(tx: &mut Tx<'_>, amendment: AmendmentRecord) -> ServiceResult<AmendmentSummary> {
    let diff = diff_against_base(tx, &amendment)?;
    Ok(AmendmentSummary { excerpt: first_change(&diff.title, &diff.body), ..AmendmentSummary::from(amendment) })
}

/// How the amendment, written against `base`, applies to `current`.
fn assess_versions(
    amendment: &AmendmentRecord,
    base: &VersionRecord,
    current: &VersionRecord,
) -> ServiceResult<Assessment> {
    Ok(assess(
        Texts { title: &base.title, body: &base.body },
        Texts { title: &current.title, body: &current.body },
        Texts { title: &amendment.title, body: &amendment.body },
        base.number == current.number,
    )?)
}

/// How the amendment would apply to the proposal's current version, and
/// that version. Used for the preview and by the decision itself.
pub fn assess_against_current(
    tx: &mut Tx<'_>,
    amendment: &AmendmentRecord,
    proposal: &ProposalRecord,
) -> ServiceResult<(Arc<Assessment>, VersionRecord)> {
    let current = version(tx, proposal.id, proposal.current_version)?;
    let assessment = cached_assessment(tx, amendment, &current)?;
    Ok((assessment, current))
}

/// The assessment against `current`, from the cache or computed (loading
/// the base version only then).
fn cached_assessment(
    tx: &mut Tx<'_>,
    amendment: &AmendmentRecord,
    current: &VersionRecord,
) -> ServiceResult<Arc<Assessment>> {
    analysis::assessment(amendment.id, current.number, || {
        let base = version(tx, amendment.proposal_id, amendment.base_version)?;
        assess_versions(amendment, &base, current)
    })
}

fn amendment_target(amendment_id: Uuid, proposal: &ProposalRecord) -> AuditTarget {
    AuditTarget { kind: "amendment", id: amendment_id, space_id: Some(proposal.space_id) }
}

/// Amendments, participant side.
#[derive(Debug, Clone)]
pub struct AmendmentService {
    ctx: ServiceContext,
    proposals: ProposalService,
}

impl AmendmentService {
    /// The service; promoted amendments are published through `proposals`.
    pub fn new(ctx: ServiceContext, proposals: ProposalService) -> Self {
        Self { ctx, proposals }
    }

    /// The amendment as `reader` sees it, on `proposal` in `space`.
    fn view(
        &self,
        tx: &mut Tx<'_>,
        amendment: AmendmentRecord,
        proposal: ProposalRecord,
        space: &SpaceRecord,
        reader: Option<&Actor>,
    ) -> ServiceResult<Amendment> {
        let actions =
            reader.map(|actor| actions::for_amendment(actor, &amendment, &proposal, space)).unwrap_or_default();
        let assessment = if amendment.state == AmendmentState::Evaluating {
            let current = version(tx, proposal.id, proposal.current_version)?;
            Some(cached_assessment(tx, &amendment, &current)?)
        } else {
            None
        };
        let diff = diff_against_base(tx, &amendment)?;
        let mut view = Amendment::new(
            amendment,
            proposal.reference,
            proposal.current_version,
            AmendmentDiff::clone(&diff),
            assessment.as_deref(),
            actions,
        );
        view.summary.excerpt = first_change(&diff.title, &diff.body);
        Ok(view)
    }

    /// Requests an amendment of a proposal.
    pub fn create(
        &self,
        actor: &Actor,
        proposal_key: &ProposalKey,
        request: &AmendmentRequest,
    ) -> ServiceResult<Amendment> {
        let ((title, body), rationale) = Validation::new()
            .field("body", validate_text(&request.title, &request.body))
            .field("rationale", Rationale::parse(&request.rationale))
            .finish()?;
        let result = self.ctx.write_as(actor, |tx| {
            let LockedProposal { proposal, space } = lock_visible_proposal(tx, proposal_key, Some(actor))?;
            ensure_can_amend(actor, &space.settings, proposal.state)?;
            ensure_existing_version("base_version", request.base_version, proposal.current_version)?;
            let base = version(tx, proposal.id, request.base_version)?;
            ensure_changes_base(
                Texts { title: &base.title, body: &base.body },
                Texts { title: title.as_str(), body: body.as_str() },
            )?;
            ensure_none_open(tx, proposal.id, actor.user_id)?;
            let id = self.ctx.ids.new_id();
            amendments::insert(
                tx,
                &NewAmendment {
                    id,
                    proposal_id: proposal.id,
                    author_id: actor.user_id,
                    base_version: request.base_version,
                    title: title.as_str(),
                    body: body.as_str(),
                    rationale: rationale.as_str(),
                    created_at: self.ctx.clock.now(),
                },
            )?;
            // Who amends hears what becomes of the proposal (and may stop).
            follows::follow(tx, proposal.id, actor.user_id, self.ctx.clock.now())?;
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentCreated,
                amendment_target(id, &proposal),
                serde_json::json!({
                    "proposal_id": proposal.id,
                    "proposal_reference": proposal.reference,
                    "base_version": request.base_version,
                }),
            )?;
            let amendment = amendments::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("amendment"))?;
            self.view(tx, amendment, proposal, &space, Some(actor))
        });
        match result {
            // Two requests racing: the partial unique index decides.
            Err(error) if error.duplicate().is_some() => Err(one_open().into()),
            other => other,
        }
    }

    /// One amendment, as `actor` may see it.
    pub fn get(&self, id: Uuid, actor: Option<&Actor>) -> ServiceResult<Amendment> {
        self.ctx.store().read(|tx| {
            let (amendment, proposal, space) = load_visible_amendment(tx, id, actor)?;
            self.view(tx, amendment, proposal, &space, actor)
        })
    }

    /// A proposal's amendments, oldest first, as `actor` may see them.
    pub fn list(
        &self,
        proposal_key: &ProposalKey,
        actor: Option<&Actor>,
        state: Option<AmendmentState>,
        after: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<AmendmentSummary>> {
        self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, proposal_key, actor)?;
            let space = spaces::find_by_id(tx, proposal.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
            let only_author = match list_scope(&space.settings, actor, space.id) {
                ListScope::All => None,
                ListScope::AuthoredBy(user) => Some(user),
                ListScope::Nothing => return Ok(Vec::new()),
            };
            let staff = actor.is_some_and(|a| a.is_staff_of(space.id));
            amendments::list_for_proposal(tx, proposal.id, state, only_author, staff, after, limit)?
                .into_iter()
                .map(|amendment| summary_with_excerpt(tx, amendment))
                .collect()
        })
    }

    /// Its author withdraws an amendment under evaluation.
    pub fn withdraw(&self, actor: &Actor, id: Uuid) -> ServiceResult<Amendment> {
        self.ctx.write_as(actor, |tx| {
            let (amendment, LockedProposal { proposal, space }) = lock_visible_amendment(tx, id, Some(actor))?;
            ensure_can_withdraw_amendment(actor, amendment.author_id, amendment.state)?;
            let now = self.ctx.clock.now();
            if !amendments::decide(tx, id, AmendmentState::Withdrawn, actor.user_id, None, now)? {
                return Err(already_decided().into());
            }
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentWithdrawn,
                amendment_target(id, &proposal),
                serde_json::json!({ "proposal_id": proposal.id, "proposal_reference": proposal.reference }),
            )?;
            let amendment = amendments::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("amendment"))?;
            self.view(tx, amendment, proposal, &space, Some(actor))
        })
    }

    /// Its author turns a rejected amendment, once, into a new proposal in
    /// the same space, linked to the original.
    pub fn promote(&self, actor: &Actor, id: Uuid) -> ServiceResult<Proposal> {
        self.ctx.write_as(actor, |tx| {
            let (amendment, LockedProposal { proposal: original, space }) =
                lock_visible_amendment(tx, id, Some(actor))?;
            ensure_can_promote(
                actor,
                amendment.author_id,
                amendment.state,
                amendment.promoted_proposal_id.is_some(),
                amendment.closed_by_proposal,
            )?;
            // Filed where the original is: a topic in use stays offered.
            let filing = Filing { category: original.category.clone(), area: original.area.clone() };
            let draft = Draft { title: &amendment.title, body: &amendment.body, filing: &filing };
            let created = self.proposals.publish(tx, actor, &space, &draft, Some((original.id, amendment.id)))?;
            let now = self.ctx.clock.now();
            if !amendments::mark_promoted(tx, id, created.id, now)? {
                return Err(
                    DomainError::conflict(ErrorCode::AmendmentPromoted, "the amendment was already promoted").into()
                );
            }
            self.ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentPromoted,
                amendment_target(id, &original),
                serde_json::json!({
                    "proposal_id": original.id,
                    "proposal_reference": original.reference,
                    "new_proposal_id": created.id,
                    "reference": created.reference,
                }),
            )?;
            self.proposals.view_for(tx, created, actor)
        })
    }
}

//! The one write path of a proposal's text and state. An author's edit, a
//! staff acceptance of an amendment, a withdrawal and an official answer
//! all change a proposal through these functions, so the rules that hold
//! for every change live once: a version follows the one the writer read
//! (compare-and-set on the number), a state changes only from the states
//! it may leave, and a proposal that closes takes its open amendments
//! with it. The caller holds the proposal's lock
//! ([`crate::lock_visible_proposal`]) and writes the audit entry of its own
//! act.

use emenda_domain::amendment::AmendmentState;
use emenda_domain::audit::AuditAction;
use emenda_domain::notification::{NotificationKind, NotificationPayload};
use emenda_domain::policy::Actor;
use emenda_domain::proposal::{state_changed, ProposalState, VersionKind};
use emenda_domain::DomainError;
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::amendments;
use emenda_store::proposals::{self as proposal_rows, ProposalRecord};
use emenda_store::versions::{self, NewVersion};
use emenda_store::Tx;
use uuid::Uuid;

/// The text and provenance of a proposal's next version.
#[derive(Debug, Clone, Copy)]
pub struct NextVersion<'a> {
    /// The version the writer read; the new one is the one after it.
    pub base: i32,
    /// The states in which the proposal takes a new version from this
    /// writer (an author edits fewer states than staff accept in).
    pub allowed_states: &'a [ProposalState],
    /// Full title.
    pub title: &'a str,
    /// Full body.
    pub body: &'a str,
    /// Whose words these are: the author, or the amendment's author.
    pub editor_id: Uuid,
    /// Why the version exists.
    pub kind: VersionKind,
    /// The amendment accepted into it.
    pub amendment_id: Option<Uuid>,
    /// The staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// The staff member who, accepting it, rewrote its text.
    pub rewritten_by: Option<Uuid>,
    /// The author's note on an edit.
    pub summary: Option<&'a str>,
}

/// Appends the proposal's next version and makes it current; returns its
/// number. When the proposal is no longer at `next.base` (only possible
/// for a writer that read before it locked), nothing is written and the
/// error carries the current number (`stale_version`).
pub fn append_version(
    ctx: &ServiceContext,
    tx: &mut Tx<'_>,
    proposal: &ProposalRecord,
    next: &NextVersion<'_>,
) -> ServiceResult<i32> {
    let now = ctx.clock.now();
    if !proposal_rows::advance_version(tx, proposal.id, next.base, next.allowed_states, next.title, now)? {
        let current =
            proposal_rows::find_by_id(tx, proposal.id)?.map_or(proposal.current_version, |p| p.current_version);
        return Err(DomainError::StaleVersion { current }.into());
    }
    let number = next.base + 1;
    versions::append(
        tx,
        &NewVersion {
            proposal_id: proposal.id,
            reference: &proposal.reference,
            number,
            title: next.title,
            body: next.body,
            editor_id: next.editor_id,
            kind: next.kind,
            amendment_id: next.amendment_id,
            accepted_by: next.accepted_by,
            rewritten_by: next.rewritten_by,
            summary: next.summary,
            created_at: now,
        },
    )?;
    crate::search::index(tx, proposal.id, next.title, next.body)?;
    let payload = NotificationPayload { version: Some(number), ..about(proposal, next.title) };
    let actor = next.accepted_by.unwrap_or(next.editor_id);
    ctx.notify(tx, NotificationKind::VersionPublished, Some(actor), Some(proposal.id), None, &payload)?;
    Ok(number)
}

/// What every notification about `proposal` says of it: its address and
/// `title` (the title it has after the act).
pub fn about(proposal: &ProposalRecord, title: &str) -> NotificationPayload {
    NotificationPayload {
        reference: Some(proposal.reference.clone()),
        title: Some(title.to_owned()),
        ..NotificationPayload::default()
    }
}

/// Moves the proposal from one of `from` to `to`. A state that closes the
/// proposal (withdrawn, accepted, rejected) rejects its open amendments
/// with a public reason, in the same transaction.
pub fn change_state(
    ctx: &ServiceContext,
    tx: &mut Tx<'_>,
    actor: &Actor,
    proposal: &ProposalRecord,
    from: &[ProposalState],
    to: ProposalState,
) -> ServiceResult<()> {
    if !proposal_rows::change_state(tx, proposal.id, from, to, ctx.clock.now())? {
        return Err(state_changed().into());
    }
    if to.closes_amendments() {
        let reason = if to == ProposalState::Withdrawn { "proposal withdrawn" } else { "proposal answered" };
        close_open_amendments(ctx, tx, actor, proposal, reason)?;
    }
    Ok(())
}

/// Rejects every open amendment of a proposal that has just closed with a
/// public `reason`. Such amendments are marked so they cannot be promoted:
/// nobody judged them.
fn close_open_amendments(
    ctx: &ServiceContext,
    tx: &mut Tx<'_>,
    actor: &Actor,
    proposal: &ProposalRecord,
    reason: &str,
) -> ServiceResult<()> {
    let open =
        amendments::list_for_proposal(tx, proposal.id, Some(AmendmentState::Evaluating), None, true, None, i64::MAX)?;
    let now = ctx.clock.now();
    for amendment in open {
        if amendments::close_with_proposal(tx, amendment.id, actor.user_id, reason, now)? {
            ctx.audit(
                tx,
                Some(actor.user_id),
                AuditAction::AmendmentRejected,
                AuditTarget { kind: "amendment", id: amendment.id, space_id: Some(proposal.space_id) },
                serde_json::json!({ "proposal_id": proposal.id, "proposal_reference": proposal.reference, "reason": reason }),
            )?;
            let closed = NotificationPayload {
                outcome: Some("rejected".into()),
                reason: Some(reason.to_owned()),
                subject_id: Some(amendment.id),
                ..about(proposal, &proposal.title)
            };
            let author = Some(amendment.author_id);
            ctx.notify(
                tx,
                NotificationKind::AmendmentDecided,
                Some(actor.user_id),
                Some(proposal.id),
                author,
                &closed,
            )?;
        }
    }
    Ok(())
}

//! The doors to a proposal and to an amendment: found by their key, as
//! the caller may see them (hidden content exists only for staff of its
//! space; a `participants` space shows an amendment to its author and
//! staff only), and, for writes, locked in the one lock order. Every write
//! of the crate goes through these, and so does every read except the
//! proposal page's single statement, which applies the same rule
//! (`may_see`) to what it read.

use emenda_domain::amendment::can_see;
use emenda_domain::policy::Actor;
use emenda_domain::reference::ProposalKey;
use emenda_domain::DomainError;
use emenda_service::{ServiceError, ServiceResult};
use emenda_store::amendments::{self, AmendmentRecord};
use emenda_store::proposals::{self as proposal_rows, ProposalRecord};
use emenda_store::spaces::{self as space_rows, SpaceRecord};
use emenda_store::Tx;
use uuid::Uuid;

/// A proposal as a writer holds it: the row read under its lock, and its
/// space read under the space's share lock (see [`lock_visible_proposal`]).
/// The space comes back so that no caller reads it a second time.
#[derive(Debug, Clone)]
pub struct LockedProposal {
    /// The proposal, as committed before this writer took it.
    pub proposal: ProposalRecord,
    /// Its space, whose settings cannot change before the writer commits.
    pub space: SpaceRecord,
}

/// Finds a proposal by UUID or reference code, as the caller may see it:
/// hidden proposals exist only for staff of their space.
pub fn load_visible_proposal(
    tx: &mut Tx<'_>,
    key: &ProposalKey,
    actor: Option<&Actor>,
) -> ServiceResult<ProposalRecord> {
    visible(find_by_key(tx, key)?, actor)
}

/// Finds a proposal by UUID or reference code whether or not it is hidden.
/// Only for the few acts a hidden proposal must not block (a supporter
/// taking back their support); everything else goes through
/// [`load_visible_proposal`].
pub fn find_by_key(tx: &mut Tx<'_>, key: &ProposalKey) -> ServiceResult<Option<ProposalRecord>> {
    Ok(match key {
        ProposalKey::Id(id) => proposal_rows::find_by_id(tx, *id)?,
        ProposalKey::Reference(reference) => proposal_rows::find_by_reference(tx, reference)?,
    })
}

/// Whether `actor` may see a proposal with this hidden flag in this space:
/// hidden proposals exist only for staff of their space.
pub fn may_see(hidden: bool, space_id: Uuid, actor: Option<&Actor>) -> bool {
    !hidden || actor.is_some_and(|a| a.is_staff_of(space_id))
}

/// The door of every write that depends on a proposal's state: its space's
/// row in share mode, then the proposal's row locked and read under the
/// lock, in three statements, so the caller decides on what is committed
/// and concurrent writers of the same proposal queue (see
/// `docs/architecture.md`, Concurrency).
///
/// The space comes first: every write on a proposal may depend on a space
/// setting (`comments_open`, `amendments_open`, `max_reports_before_hiding`,
/// …), and a settings change holds that row exclusively. A write in flight
/// therefore commits before a closing that follows it, or waits for the
/// closing and reads the new settings: nothing lands after a deadline in
/// the log's order. Space before proposal is the order a settings change
/// takes too, so the two never wait on each other.
pub fn lock_visible_proposal(
    tx: &mut Tx<'_>,
    key: &ProposalKey,
    actor: Option<&Actor>,
) -> ServiceResult<LockedProposal> {
    let not_found = || DomainError::not_found("proposal");
    let (id, space_id) = proposal_rows::locate(tx, key)?.ok_or_else(not_found)?;
    let space = space_rows::lock_for_share(tx, space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
    let proposal = visible(proposal_rows::find_for_update(tx, id)?, actor)?;
    Ok(LockedProposal { proposal, space })
}

fn visible(found: Option<ProposalRecord>, actor: Option<&Actor>) -> ServiceResult<ProposalRecord> {
    match found {
        Some(p) if may_see(p.hidden, p.space_id, actor) => Ok(p),
        _ => Err(DomainError::not_found("proposal").into()),
    }
}

/// Loads the amendment, its proposal and its space, as `actor` may see them.
pub fn load_visible_amendment(
    tx: &mut Tx<'_>,
    id: Uuid,
    actor: Option<&Actor>,
) -> ServiceResult<(AmendmentRecord, ProposalRecord, SpaceRecord)> {
    let amendment = amendments::find_by_id(tx, id)?.ok_or_else(|| DomainError::not_found("amendment"))?;
    let proposal = load_visible_proposal(tx, &ProposalKey::Id(amendment.proposal_id), actor)
        .map_err(|_| ServiceError::from(DomainError::not_found("amendment")))?;
    let space = space_rows::find_by_id(tx, proposal.space_id)?.ok_or_else(|| DomainError::not_found("space"))?;
    ensure_visible(&amendment, &space, actor)?;
    Ok((amendment, proposal, space))
}

/// The amendment rules of who sees what: a `participants` space shows an
/// amendment to its author and staff only, and a hidden one is staff's.
fn ensure_visible(amendment: &AmendmentRecord, space: &SpaceRecord, actor: Option<&Actor>) -> ServiceResult<()> {
    let staff = actor.is_some_and(|a| a.is_staff_of(space.id));
    if !can_see(&space.settings, actor, space.id, amendment.author_id) || (amendment.hidden && !staff) {
        return Err(DomainError::not_found("amendment").into());
    }
    Ok(())
}

/// Like [`load_visible_amendment`], for writes: the proposal is locked
/// first (the locking rule, [`lock_visible_proposal`]), then the amendment
/// is read under that lock, so a decision, a withdrawal or a promotion sees
/// every change committed to the proposal and its amendments before it.
/// Nothing is read twice.
pub fn lock_visible_amendment(
    tx: &mut Tx<'_>,
    id: Uuid,
    actor: Option<&Actor>,
) -> ServiceResult<(AmendmentRecord, LockedProposal)> {
    let not_found = || ServiceError::from(DomainError::not_found("amendment"));
    let proposal_id = amendments::proposal_of(tx, id)?.ok_or_else(not_found)?;
    let locked = lock_visible_proposal(tx, &ProposalKey::Id(proposal_id), actor).map_err(|_| not_found())?;
    let amendment = amendments::find_by_id(tx, id)?.ok_or_else(not_found)?;
    ensure_visible(&amendment, &locked.space, actor)?;
    Ok((amendment, locked))
}

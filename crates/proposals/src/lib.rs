//! The proposal service: spaces, proposals and their versions (and, later,
//! amendments, supports, comments and reports). Each operation is one
//! transaction: load, let the domain decide, write, record in the audit log.

pub mod amendments;
pub mod analysis;
pub mod comments;
pub mod proposals;
pub mod spaces;
pub mod supports;
pub mod versions;

pub use amendments::AmendmentService;
pub use comments::CommentService;
pub use proposals::{ProposalService, ProposalView};
pub use spaces::SpaceService;
pub use supports::SupportService;
pub use versions::HistoryService;

use emenda_domain::policy::Actor;
use emenda_domain::reference::looks_like_reference;
use emenda_domain::DomainError;
use emenda_service::ServiceResult;
use emenda_store::proposal_view::ProposalKey;
use emenda_store::proposals::{self as proposal_rows, ProposalRecord};
use emenda_store::spaces as space_rows;
use emenda_store::Tx;
use uuid::Uuid;

/// Finds a proposal by UUID or reference code, as the caller may see it:
/// hidden proposals exist only for staff of their space.
pub fn load_visible_proposal(tx: &mut Tx<'_>, key: &str, actor: Option<&Actor>) -> ServiceResult<ProposalRecord> {
    visible(find_by_key(tx, key)?, actor)
}

/// Finds a proposal by UUID or reference code whether or not it is hidden.
/// Only for the few acts a hidden proposal must not block (a supporter
/// taking back their support); everything else goes through
/// [`load_visible_proposal`].
pub fn find_by_key(tx: &mut Tx<'_>, key: &str) -> ServiceResult<Option<ProposalRecord>> {
    Ok(match proposal_key(key) {
        Some(ProposalKey::Id(id)) => proposal_rows::find_by_id(tx, id)?,
        Some(ProposalKey::Reference(reference)) => proposal_rows::find_by_reference(tx, reference)?,
        None => None,
    })
}

/// How `key` names a proposal: a UUID or a reference code; `None` when it
/// can be neither (no proposal has that name).
pub fn proposal_key(key: &str) -> Option<ProposalKey<'_>> {
    if let Ok(id) = Uuid::parse_str(key) {
        Some(ProposalKey::Id(id))
    } else if looks_like_reference(key) {
        Some(ProposalKey::Reference(key))
    } else {
        None
    }
}

/// Whether `actor` may see a proposal with this hidden flag in this space:
/// hidden proposals exist only for staff of their space.
pub fn may_see(hidden: bool, space_id: Uuid, actor: Option<&Actor>) -> bool {
    !hidden || actor.is_some_and(|a| a.is_staff_of(space_id))
}

/// Like [`load_visible_proposal`], for writes that depend on the proposal's
/// state: the row is locked first and read again under the lock, so the
/// caller decides on what is committed and concurrent writers of the same
/// proposal queue (see `docs/architecture.md`, Concurrency).
///
/// Before the proposal, its space's row is taken in share mode: every write
/// on a proposal may depend on a space setting (`comments_open`,
/// `amendments_open`, `max_reports_before_hiding`, …), and a settings change
/// holds that row exclusively. A write in flight therefore commits before
/// a closing that follows it, or waits for the closing and reads the new
/// settings (the caller reads the space after this returns): nothing lands
/// after a deadline in the log's order. Space before proposal is the order
/// a settings change takes too, so the two never wait on each other.
pub fn lock_visible_proposal(tx: &mut Tx<'_>, key: &str, actor: Option<&Actor>) -> ServiceResult<ProposalRecord> {
    let found = load_visible_proposal(tx, key, actor)?;
    space_rows::lock_for_share(tx, found.space_id)?;
    visible(proposal_rows::find_for_update(tx, found.id)?, actor)
}

fn visible(found: Option<ProposalRecord>, actor: Option<&Actor>) -> ServiceResult<ProposalRecord> {
    match found {
        Some(p) if may_see(p.hidden, p.space_id, actor) => Ok(p),
        _ => Err(DomainError::not_found("proposal").into()),
    }
}

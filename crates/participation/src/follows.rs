//! Following a proposal: a person's private wish to hear when it changes
//! or is decided. Idempotent both ways, never audited (it is no public
//! act), and counted from its rows.

use crate::views::FollowState;
use crate::{find_by_key, load_visible_proposal, may_see, ProposalKey};
use emenda_domain::policy::Actor;
use emenda_domain::DomainError;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::{follows, HasStore, Tx};
use uuid::Uuid;

/// Follows.
#[derive(Debug, Clone)]
pub struct FollowService {
    ctx: ServiceContext,
}

impl FollowService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Follows the proposal `key`, which the caller must be able to see.
    /// Following it again changes nothing.
    pub fn follow(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<FollowState> {
        self.ctx.write_as(actor, |tx| {
            let proposal = load_visible_proposal(tx, key, Some(actor))?;
            follows::follow(tx, proposal.id, actor.user_id, self.ctx.clock.now())?;
            state(tx, proposal.id, actor.user_id)
        })
    }

    /// Stops following the proposal `key`. Nothing to stop is not an
    /// error. A proposal hidden since it was followed can still be
    /// unfollowed, so hiding never keeps anyone following it.
    pub fn unfollow(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<FollowState> {
        self.ctx.write_as(actor, |tx| {
            let not_found = || DomainError::not_found("proposal");
            let found = find_by_key(tx, key)?.ok_or_else(not_found)?;
            // Only the visibility of one they do not follow is checked, so
            // a hidden proposal answers as a missing one.
            if !may_see(found.hidden, found.space_id, Some(actor))
                && !follows::is_following(tx, found.id, actor.user_id)?
            {
                return Err(not_found().into());
            }
            follows::unfollow(tx, found.id, actor.user_id)?;
            state(tx, found.id, actor.user_id)
        })
    }

    /// Whether `actor` follows the proposal `key`, with its follower count.
    pub fn get(&self, actor: &Actor, key: &ProposalKey) -> ServiceResult<FollowState> {
        self.ctx.store().read(|tx| {
            let proposal = load_visible_proposal(tx, key, Some(actor))?;
            state(tx, proposal.id, actor.user_id)
        })
    }
}

/// The follow state as this transaction sees it.
fn state(tx: &mut Tx<'_>, proposal_id: Uuid, user_id: Uuid) -> ServiceResult<FollowState> {
    Ok(FollowState {
        following: follows::is_following(tx, proposal_id, user_id)?,
        followers: follows::count(tx, proposal_id)?,
    })
}

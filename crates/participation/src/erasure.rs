//! An account erased at the end of its grace period (docs/domain.md, Data
//! rights), in one transaction: the person's supports on proposals still
//! open are withdrawn the way they would withdraw them (counters, the
//! public log), then `emenda_store::erasure::erase` empties every row of
//! what identifies them, and a public audit entry names only the
//! account's id. The request and its cancellation are
//! `emenda_accounts::deletion`.

use crate::supports::SupportService;
use crate::ProposalKey;
use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{ensure_admins_remain, Actor};
use emenda_domain::support::ensure_can_withdraw;
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::erasure::{self, Erased};
use emenda_store::proposals as proposal_rows;
use emenda_store::{roles, spaces, supports, users, HasStore};
use uuid::Uuid;

/// Erases accounts whose deletion is due.
#[derive(Debug, Clone)]
pub struct ErasureService {
    ctx: ServiceContext,
    supports: SupportService,
}

impl ErasureService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { supports: SupportService::new(ctx.clone()), ctx }
    }

    /// Erases the account `user_id` if its deletion is due now; `None`
    /// when it is not (cancelled, not yet due, erased already: a second
    /// instance got there first). Refused while the account is the last
    /// active administrator.
    pub fn erase_if_due(&self, user_id: Uuid) -> ServiceResult<Option<Erased>> {
        self.ctx.store().write(|tx| {
            // Admin grants, then the user: the order a block takes.
            let admins = roles::lock_admins(tx)?;
            let Some(user) = users::find_for_update(tx, user_id)? else { return Ok(None) };
            let now = self.ctx.clock.now();
            if user.deleted_at.is_some() || user.deletion_due_at.is_none_or(|due| due > now) {
                return Ok(None);
            }
            if admins.contains(&user_id) {
                let mut remaining = 0;
                for admin in admins.iter().filter(|&&a| a != user_id) {
                    if users::find_by_id(tx, *admin)?.is_some_and(|o| o.blocked_at.is_none() && o.deleted_at.is_none())
                    {
                        remaining += 1;
                    }
                }
                ensure_admins_remain(remaining)?;
            }
            let actor = Actor { user_id, verified: user.verified_at.is_some(), roles: roles::grants_of(tx, user_id)? };
            for proposal_id in supports::held_by(tx, user_id)? {
                let Some(proposal) = proposal_rows::find_by_id(tx, proposal_id)? else { continue };
                let Some(space) = spaces::find_by_id(tx, proposal.space_id)? else { continue };
                // A support on a proposal that no longer takes withdrawals
                // (answered, withdrawn, supports closed) is a settled public
                // fact: it stays, counted, under an id nobody can name.
                if ensure_can_withdraw(&space.settings, proposal.state).is_ok() {
                    self.supports.withdraw_in(tx, &actor, &ProposalKey::Id(proposal_id))?;
                }
            }
            let erased = erasure::erase(tx, &user, now)?;
            self.ctx.audit(
                tx,
                None,
                AuditAction::AccountDeleted,
                AuditTarget { kind: "user", id: user_id, space_id: None },
                serde_json::json!({}),
            )?;
            Ok(Some(erased))
        })
    }
}

//! The moderation services over a world's context.

use crate::world::World;
use emenda_staff::{AnswerService, AuditService, DecisionService, RoleService, UserModerationService};

/// The moderation services over a world's context, built the way
/// `api::state::AppState::new` builds them.
pub struct Moderation {
    /// Amendment decisions.
    pub decisions: DecisionService,
    /// Official answers.
    pub answers: AnswerService,
    /// Audit log reads.
    pub audit: AuditService,
    /// Role grants.
    pub roles: RoleService,
    /// Account verification and blocks.
    pub users: UserModerationService,
}

impl Moderation {
    /// The services over `world`'s store.
    pub fn of(world: &World) -> Self {
        Moderation {
            decisions: DecisionService::new(world.ctx.clone()),
            answers: AnswerService::new(world.ctx.clone(), world.proposals.clone()),
            audit: AuditService::new(world.ctx.clone()),
            roles: RoleService::new(world.ctx.clone()),
            users: UserModerationService::new(world.ctx.clone()),
        }
    }
}

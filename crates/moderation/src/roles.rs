//! Granting and revoking roles (admins only). Every change is public in the
//! audit log, so citizens can see who holds power where.

use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{ensure_admin, Actor, RoleGrant};
use emenda_domain::DomainError;
use emenda_store::{roles, spaces, users, AuditTarget, ServiceContext, ServiceResult};
use uuid::Uuid;

/// Roles.
#[derive(Debug, Clone)]
pub struct RoleService {
    ctx: ServiceContext,
}

impl RoleService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Grants a role; granting one already held changes nothing. Returns the
    /// user's roles afterwards.
    pub fn grant(&self, actor: &Actor, user_id: Uuid, grant: RoleGrant) -> ServiceResult<Vec<RoleGrant>> {
        self.change(actor, user_id, grant, true)
    }

    /// Revokes a role; revoking one not held changes nothing.
    pub fn revoke(&self, actor: &Actor, user_id: Uuid, grant: RoleGrant) -> ServiceResult<Vec<RoleGrant>> {
        if user_id == actor.user_id && grant.role == emenda_domain::policy::Role::Admin && grant.space_id.is_none() {
            return Err(
                DomainError::conflict("cannot_revoke_self", "an admin cannot remove their own admin role").into()
            );
        }
        self.change(actor, user_id, grant, false)
    }

    fn change(&self, actor: &Actor, user_id: Uuid, grant: RoleGrant, add: bool) -> ServiceResult<Vec<RoleGrant>> {
        ensure_admin(actor)?;
        let now = self.ctx.clock.now();
        self.ctx.store.write(|tx| {
            users::find_by_id(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            if let Some(space) = grant.space_id {
                spaces::find_by_id(tx, space)?
                    .ok_or_else(|| DomainError::invalid("space", "unknown_space", "no such space"))?;
            }
            let changed = if add {
                roles::grant(tx, self.ctx.ids.new_id(), user_id, grant, Some(actor.user_id), now)?
            } else {
                roles::revoke(tx, user_id, grant)?
            };
            if changed {
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    if add { AuditAction::RoleGranted } else { AuditAction::RoleRevoked },
                    AuditTarget { kind: "user", id: user_id, space_id: grant.space_id },
                    serde_json::json!({ "role": grant.role, "space_id": grant.space_id }),
                )?;
            }
            Ok(roles::grants_of(tx, user_id)?)
        })
    }
}

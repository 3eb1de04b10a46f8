//! Granting and revoking roles (admins only). Every change is public in the
//! audit log, so citizens can see who holds power where.

use crate::views::UserRoles;
use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{
    ensure_admin, ensure_admins_remain, ensure_can_revoke, ensure_grant_scope, Actor, Role, RoleGrant,
};
use emenda_domain::{DomainError, FieldCode};
use emenda_service::{AuditTarget, ServiceContext, ServiceResult};
use emenda_store::HasStore;
use emenda_store::{roles, spaces, users, Tx};
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

    /// Grants a role, everywhere or in the space with `space_slug`;
    /// granting one already held changes nothing. Returns the user's roles
    /// afterwards.
    pub fn grant(
        &self,
        actor: &Actor,
        user_id: Uuid,
        role: Role,
        space_slug: Option<&str>,
    ) -> ServiceResult<UserRoles> {
        self.change(actor, user_id, role, space_slug, true)
    }

    /// Revokes a role; revoking one not held changes nothing.
    pub fn revoke(
        &self,
        actor: &Actor,
        user_id: Uuid,
        role: Role,
        space_slug: Option<&str>,
    ) -> ServiceResult<UserRoles> {
        self.change(actor, user_id, role, space_slug, false)
    }

    fn change(
        &self,
        actor: &Actor,
        user_id: Uuid,
        role: Role,
        space_slug: Option<&str>,
        add: bool,
    ) -> ServiceResult<UserRoles> {
        ensure_admin(actor)?;
        if role == Role::Admin && space_slug.is_some() {
            // Refused before the slug is even looked up: admin is global.
            ensure_grant_scope(RoleGrant { role, space_id: Some(Uuid::nil()) })?;
        }
        let now = self.ctx.clock.now();
        self.ctx.store().write(|tx| {
            // The locking rule: the admin grants are locked before the
            // caller's own power is checked again under that lock, so an
            // admin removed a moment ago cannot remove another.
            let admins = roles::lock_admins(tx)?;
            crate::users::ensure_active_admin(tx, actor)?;
            users::find_by_id(tx, user_id)?.ok_or_else(|| DomainError::not_found("user"))?;
            let space_id = match space_slug {
                Some(slug) => Some(spaces::find_by_slug(tx, slug)?.ok_or_else(|| DomainError::not_found("space"))?.id),
                None => None,
            };
            let grant = RoleGrant { role, space_id };
            ensure_grant_scope(grant)?;
            let changed = if add {
                ensure_unmistakable(tx, user_id)?;
                roles::grant(tx, self.ctx.ids.new_id(), user_id, grant, Some(actor.user_id), now)?
            } else {
                ensure_can_revoke(actor, user_id, grant)?;
                if role == Role::Admin && admins.contains(&user_id) {
                    // Admins whose accounts are to be deleted are leaving.
                    let mut staying = 0;
                    for admin in admins.iter().filter(|&&a| a != user_id) {
                        if users::find_by_id(tx, *admin)?.is_some_and(|u| u.deletion_due_at.is_none()) {
                            staying += 1;
                        }
                    }
                    ensure_admins_remain(staying)?;
                }
                roles::revoke(tx, user_id, grant)?
            };
            if changed {
                self.ctx.audit(
                    tx,
                    Some(actor.user_id),
                    if add { AuditAction::RoleGranted } else { AuditAction::RoleRevoked },
                    AuditTarget { kind: "user", id: user_id, space_id },
                    serde_json::json!({ "role": role, "space_id": space_id }),
                )?;
            }
            Ok(UserRoles { user_id, roles: roles::grants_of(tx, user_id)? })
        })
    }
}

/// Refuses to make someone staff or admin while another account's display
/// name or nickname looks like theirs. Letting it through would leave
/// an ordinary account, or a second staff member, shown as that person:
/// exactly the impersonation the reservation exists to prevent. Refusing
/// costs the admin a clear `name_reserved` and the new staff member an
/// account with a distinct name, which is the safer failure. A user who
/// already holds a role was checked when first given one. The names are
/// locked exclusively first, so no registration of a look-alike slips in
/// between the check and the grant.
fn ensure_unmistakable(tx: &mut Tx<'_>, user_id: Uuid) -> ServiceResult<()> {
    users::lock_reserved_names(tx, true)?;
    if roles::grants_of(tx, user_id)?.is_empty() && users::has_look_alike(tx, user_id)? {
        return Err(DomainError::invalid(
            "id",
            FieldCode::NameReserved,
            "another account's name looks like this user's; a staff name must be unmistakable",
        )
        .into());
    }
    Ok(())
}

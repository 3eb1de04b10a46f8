//! Who may do what. Each function answers one question from the facts the
//! caller loaded (the actor's roles, the space's settings, the proposal's
//! state) so the same answer is given wherever the question is asked.

use crate::codes::{ErrorCode, FieldCode};
use crate::error::DomainError;
use crate::space::SpaceSettings;
use crate::string_enum;
use uuid::Uuid;

string_enum! {
    /// A power granted to a user on top of being a participant.
    pub enum Role {
        /// Public-administration staff: decide amendments, answer, moderate.
        Staff => "staff",
        /// Configures spaces and people; has every staff power everywhere.
        Admin => "admin",
    }
}

/// One role held by a user, everywhere (`space_id == None`) or in one space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// The space it applies to; `None` for all spaces.
    pub space_id: Option<Uuid>,
}

/// A signed-in person as the rules see them, loaded fresh from the database
/// on every request so that a revoked role or a block takes effect at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's id.
    pub user_id: Uuid,
    /// Whether their identity was verified.
    pub verified: bool,
    /// Roles beyond participant.
    pub roles: Vec<RoleGrant>,
}

impl Actor {
    /// A participant with no roles.
    pub fn participant(user_id: Uuid, verified: bool) -> Self {
        Self { user_id, verified, roles: Vec::new() }
    }

    /// Holds the admin role.
    pub fn is_admin(&self) -> bool {
        self.roles.iter().any(|g| g.role == Role::Admin)
    }

    /// Holds staff powers in `space_id`: admin, global staff, or staff of it.
    pub fn is_staff_of(&self, space_id: Uuid) -> bool {
        self.is_admin() || self.roles.iter().any(|g| g.role == Role::Staff && g.space_id.is_none_or(|s| s == space_id))
    }

    /// Holds staff powers in at least one space.
    pub fn is_any_staff(&self) -> bool {
        self.is_admin() || self.roles.iter().any(|g| g.role == Role::Staff)
    }
}

/// Where an actor has staff powers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffScope {
    /// In every space (admins, global staff).
    Everywhere,
    /// In these spaces only.
    Spaces(Vec<Uuid>),
    /// Nowhere.
    Nowhere,
}

impl Actor {
    /// The spaces this actor has staff powers in.
    pub fn staff_scope(&self) -> StaffScope {
        if self.is_admin() || self.roles.iter().any(|g| g.role == Role::Staff && g.space_id.is_none()) {
            return StaffScope::Everywhere;
        }
        let spaces: Vec<Uuid> =
            self.roles.iter().filter(|g| g.role == Role::Staff).filter_map(|g| g.space_id).collect();
        if spaces.is_empty() {
            StaffScope::Nowhere
        } else {
            StaffScope::Spaces(spaces)
        }
    }
}

/// Staff-only audit entries are for staff with powers over what is listed:
/// everywhere for an unfiltered log, or in the space the log is filtered to.
pub fn can_read_staff_audit(actor: Option<&Actor>, space_id: Option<Uuid>) -> bool {
    actor.is_some_and(|a| match space_id {
        Some(space) => a.is_staff_of(space),
        None => a.staff_scope() == StaffScope::Everywhere,
    })
}

/// Configuring spaces and people is for admins only.
pub fn ensure_admin(actor: &Actor) -> Result<(), DomainError> {
    if actor.is_admin() {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::AdminOnly, "only administrators may do this"))
    }
}

/// An admin cannot remove their own global admin role: someone must always
/// be able to administer the installation.
pub fn ensure_can_revoke(actor: &Actor, user_id: Uuid, grant: RoleGrant) -> Result<(), DomainError> {
    if user_id == actor.user_id && grant.role == Role::Admin && grant.space_id.is_none() {
        Err(DomainError::conflict(ErrorCode::CannotRevokeSelf, "an admin cannot remove their own admin role"))
    } else {
        Ok(())
    }
}

/// Admin is one global power: an admin grant tied to a space would read as
/// a limit that the policy does not apply, so it is refused.
pub fn ensure_grant_scope(grant: RoleGrant) -> Result<(), DomainError> {
    if grant.role == Role::Admin && grant.space_id.is_some() {
        return Err(DomainError::invalid(
            "space",
            FieldCode::NotAllowed,
            "the admin role is global; grant or revoke it without a space",
        ));
    }
    Ok(())
}

/// The installation always keeps an administrator: a change that would
/// leave `admins_after` at zero is refused, whoever asks and however
/// changes interleave (the caller counts under a lock on the admin grants).
pub fn ensure_admins_remain(admins_after: i64) -> Result<(), DomainError> {
    if admins_after < 1 {
        return Err(DomainError::conflict(ErrorCode::LastAdmin, "the last administrator cannot be removed or blocked"));
    }
    Ok(())
}

/// Publishing a proposal needs an open space, and verification when the
/// space asks for it.
pub fn ensure_can_propose(actor: &Actor, settings: &SpaceSettings) -> Result<(), DomainError> {
    if !settings.proposals_open {
        return Err(DomainError::forbidden(ErrorCode::ProposalsClosed, "this space is not taking new proposals"));
    }
    if settings.verification_required_to_propose && !actor.verified {
        return Err(DomainError::forbidden(
            ErrorCode::VerificationRequired,
            "this space requires a verified identity to propose",
        ));
    }
    Ok(())
}

/// Only an author (the creator or a co-author) edits or withdraws a proposal.
pub fn ensure_author(is_author: bool) -> Result<(), DomainError> {
    if is_author {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::NotAuthor, "only the proposal's authors may do this"))
    }
}

/// Staff of a space decide its amendments, answer its proposals and
/// moderate its content; everyone else is refused (`staff_only`).
pub fn ensure_staff_of(actor: &Actor, space_id: Uuid) -> Result<(), DomainError> {
    if actor.is_staff_of(space_id) {
        Ok(())
    } else {
        Err(DomainError::forbidden(ErrorCode::StaffOnly, "only staff of this space may do this"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: Vec<RoleGrant>) -> Actor {
        Actor { user_id: Uuid::nil(), verified: false, roles }
    }

    #[test]
    fn staff_scope() {
        let space = Uuid::from_u128(1);
        let other = Uuid::from_u128(2);
        let local = actor(vec![RoleGrant { role: Role::Staff, space_id: Some(space) }]);
        assert!(local.is_staff_of(space));
        assert!(!local.is_staff_of(other));
        assert!(local.is_any_staff() && !local.is_admin());

        let global = actor(vec![RoleGrant { role: Role::Staff, space_id: None }]);
        assert!(global.is_staff_of(space) && global.is_staff_of(other));

        let admin = actor(vec![RoleGrant { role: Role::Admin, space_id: None }]);
        assert!(admin.is_staff_of(other) && ensure_admin(&admin).is_ok());
        assert_eq!(ensure_admin(&global).unwrap_err().code(), "admin_only");
        assert!(!actor(vec![]).is_any_staff());
    }

    #[test]
    fn staff_scopes_and_audit_access() {
        let space = Uuid::from_u128(1);
        let local = actor(vec![RoleGrant { role: Role::Staff, space_id: Some(space) }]);
        assert_eq!(local.staff_scope(), StaffScope::Spaces(vec![space]));
        assert_eq!(actor(vec![RoleGrant { role: Role::Staff, space_id: None }]).staff_scope(), StaffScope::Everywhere);
        assert_eq!(actor(vec![RoleGrant { role: Role::Admin, space_id: None }]).staff_scope(), StaffScope::Everywhere);
        assert_eq!(actor(vec![]).staff_scope(), StaffScope::Nowhere);
        assert!(can_read_staff_audit(Some(&local), Some(space)));
        assert!(!can_read_staff_audit(Some(&local), None));
        assert!(!can_read_staff_audit(Some(&local), Some(Uuid::from_u128(2))));
        assert!(!can_read_staff_audit(None, Some(space)));
    }

    #[test]
    fn proposing_follows_space_settings() {
        let participant = actor(vec![]);
        let open = SpaceSettings::default();
        assert!(ensure_can_propose(&participant, &open).is_ok());
        let closed = SpaceSettings { proposals_open: false, ..Default::default() };
        assert_eq!(ensure_can_propose(&participant, &closed).unwrap_err().code(), "proposals_closed");
        let strict = SpaceSettings { verification_required_to_propose: true, ..Default::default() };
        assert_eq!(ensure_can_propose(&participant, &strict).unwrap_err().code(), "verification_required");
        let verified = Actor { verified: true, ..participant };
        assert!(ensure_can_propose(&verified, &strict).is_ok());
    }

    #[test]
    fn admins_keep_their_own_admin_role() {
        let admin =
            Actor { user_id: Uuid::from_u128(3), ..actor(vec![RoleGrant { role: Role::Admin, space_id: None }]) };
        let own = RoleGrant { role: Role::Admin, space_id: None };
        assert_eq!(ensure_can_revoke(&admin, admin.user_id, own).unwrap_err().code(), "cannot_revoke_self");
        assert!(ensure_can_revoke(&admin, Uuid::from_u128(4), own).is_ok());
        let staff = RoleGrant { role: Role::Staff, space_id: None };
        assert!(ensure_can_revoke(&admin, admin.user_id, staff).is_ok());
    }

    #[test]
    fn admin_is_global_and_never_the_last_removed() {
        let space = Some(Uuid::from_u128(9));
        let DomainError::Invalid(fields) =
            ensure_grant_scope(RoleGrant { role: Role::Admin, space_id: space }).unwrap_err()
        else {
            panic!("an admin grant with a space is a field error");
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("space", "not_allowed"));
        assert!(ensure_grant_scope(RoleGrant { role: Role::Admin, space_id: None }).is_ok());
        assert!(ensure_grant_scope(RoleGrant { role: Role::Staff, space_id: space }).is_ok());
        assert_eq!(ensure_admins_remain(0).unwrap_err().code(), "last_admin");
        assert!(ensure_admins_remain(1).is_ok());
    }

    #[test]
    fn only_authors_edit() {
        assert!(ensure_author(true).is_ok());
        assert_eq!(ensure_author(false).unwrap_err().code(), "not_author");
    }
}

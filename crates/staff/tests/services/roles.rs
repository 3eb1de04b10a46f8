//! Role grants on both backends, below HTTP: only admins grant and revoke,
//! admin is global, an admin keeps their own admin role, a removed admin's
//! stale powers are checked again under the lock, and every change (only
//! changes) is in the public audit log.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::audit::AuditFilter;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::policy::{Role, RoleGrant};
use emenda_domain::space::SpaceSettings;
use emenda_store::HasStore;
use emenda_store::{backend_tests, Backend};
use emenda_test_support::{code, field_codes, person, Moderation, World};
use uuid::Uuid;

fn only_admins_grant_and_revoke(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let global_staff = person(&w.ctx, "globale", &[RoleGrant { role: Role::Staff, space_id: None }]);
    let target = w.participant("cittadina");
    for not_admin in [&staff, &global_staff, &target] {
        assert_eq!(code(m.roles.grant(not_admin, target.user_id, Role::Staff, Some(&space.slug))), "admin_only");
        assert_eq!(code(m.roles.revoke(not_admin, staff.user_id, Role::Staff, Some(&space.slug))), "admin_only");
    }
    assert!(w.actions_on(target.user_id).is_empty());
}

fn grants_name_a_user_and_a_space_and_admin_is_global(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let target = w.participant("cittadina");
    assert_eq!(code(m.roles.grant(&w.admin, Uuid::now_v7(), Role::Staff, None)), "not_found");
    assert_eq!(code(m.roles.grant(&w.admin, target.user_id, Role::Staff, Some("nessuno"))), "not_found");
    for slug in [space.slug.as_str(), "nessuno"] {
        assert_eq!(
            field_codes(m.roles.grant(&w.admin, target.user_id, Role::Admin, Some(slug))),
            [("space".to_owned(), "not_allowed")],
            "an admin grant is refused before {slug} is looked up"
        );
    }
    assert!(w.actions_on(target.user_id).is_empty());
}

fn changes_are_audited_once_and_publicly(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let target = w.participant("cittadina");
    let local = RoleGrant { role: Role::Staff, space_id: Some(space.id) };
    assert_eq!(m.roles.grant(&w.admin, target.user_id, Role::Staff, Some(&space.slug)).unwrap().roles, [local]);
    assert_eq!(m.roles.grant(&w.admin, target.user_id, Role::Staff, Some(&space.slug)).unwrap().roles, [local]);
    assert!(m.roles.revoke(&w.admin, target.user_id, Role::Staff, Some(&space.slug)).unwrap().roles.is_empty());
    assert!(m.roles.revoke(&w.admin, target.user_id, Role::Staff, Some(&space.slug)).unwrap().roles.is_empty());
    let entries = w.audit_of(target.user_id);
    let actions: Vec<_> = entries.iter().map(|e| e.action).collect();
    assert_eq!(actions, [AuditAction::RoleGranted, AuditAction::RoleRevoked], "repeats change nothing");
    for entry in &entries {
        assert_eq!(entry.visibility, AuditVisibility::Public);
        assert_eq!((entry.actor_id, entry.space_id), (Some(w.admin.user_id), Some(space.id)));
        assert_eq!(entry.details["role"], "staff");
    }
    // Anonymous readers see role changes.
    let public = m.audit.list(None, &AuditFilter::default(), None, 100).unwrap();
    assert_eq!(public.iter().filter(|e| e.target_id == target.user_id).count(), 2);
}

fn admins_keep_their_own_admin_role_and_stale_admins_lose_power(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    assert_eq!(code(m.roles.revoke(&w.admin, w.admin.user_id, Role::Admin, None)), "cannot_revoke_self");
    let second = person(&w.ctx, "seconda", &[]);
    let granted = m.roles.grant(&w.admin, second.user_id, Role::Admin, None).unwrap().roles;
    let second = emenda_domain::policy::Actor { roles: granted, ..second };
    // An admin may take staff roles off themselves.
    m.roles.grant(&second, second.user_id, Role::Staff, None).unwrap();
    assert_eq!(m.roles.revoke(&second, second.user_id, Role::Staff, None).unwrap().roles.len(), 1);

    m.roles.revoke(&w.admin, second.user_id, Role::Admin, None).unwrap();
    // `second` still carries the admin role it was loaded with: the grants
    // read again under the lock decide.
    assert_eq!(code(m.roles.revoke(&second, w.admin.user_id, Role::Admin, None)), "admin_only");
    assert_eq!(code(m.roles.grant(&second, second.user_id, Role::Admin, None)), "admin_only");
    let grants_of = |user| w.ctx.store().read(|tx| emenda_store::roles::grants_of(tx, user)).unwrap();
    assert_eq!(grants_of(w.admin.user_id), [RoleGrant { role: Role::Admin, space_id: None }]);
    assert!(grants_of(second.user_id).is_empty());
}

backend_tests!(
    only_admins_grant_and_revoke,
    grants_name_a_user_and_a_space_and_admin_is_global,
    changes_are_audited_once_and_publicly,
    admins_keep_their_own_admin_role_and_stale_admins_lose_power,
);

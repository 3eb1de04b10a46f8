//! Reading the audit log on both backends, below HTTP: public entries for
//! everyone; staff-only entries for admins and global staff everywhere, and
//! for space staff only when the list is filtered to their own space.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::audit::AuditFilter;
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::policy::{Role, RoleGrant};
use emenda_domain::space::SpaceSettings;
use emenda_service::AuditTarget;
use emenda_store::HasStore;
use emenda_store::{backend_tests, Backend};
use emenda_test_support::{person, Moderation, World};
use uuid::Uuid;

fn space_staff_read_staff_entries_of_their_space_only(backend: Backend) {
    let w = World::new(backend);
    let m = Moderation::of(&w);
    let space = w.space("viali", SpaceSettings::default());
    let elsewhere = w.space("altrove", SpaceSettings::default());
    let staff = w.staff_of("funzionaria", &space);
    let other_staff = w.staff_of("estraneo", &elsewhere);
    let global_staff = person(&w.ctx, "globale", &[RoleGrant { role: Role::Staff, space_id: None }]);
    let citizen = w.participant("cittadina");
    // Today's staff-only actions concern people, not spaces; the reading
    // rule does not depend on which action it is, so one is recorded about
    // the space directly.
    let noted = Uuid::now_v7();
    w.ctx
        .store()
        .write(|tx| {
            w.ctx.audit(
                tx,
                Some(w.admin.user_id),
                AuditAction::UserVerified,
                AuditTarget { kind: "user", id: noted, space_id: Some(space.id) },
                serde_json::json!({}),
            )
        })
        .unwrap();
    m.users.verify(&w.admin, citizen.user_id).unwrap();
    let sees = |reader: Option<&emenda_domain::policy::Actor>, space_id: Option<Uuid>, target: Uuid| {
        m.audit
            .list(reader, &AuditFilter { space_id, ..AuditFilter::default() }, None, 100)
            .unwrap()
            .iter()
            .any(|e| e.target_id == target)
    };

    assert!(sees(Some(&staff), Some(space.id), noted), "space staff, filtered to their space");
    assert!(!sees(Some(&staff), None, noted), "space staff, unfiltered: public entries only");
    assert!(!sees(Some(&staff), None, citizen.user_id));
    assert!(!sees(Some(&other_staff), Some(space.id), noted), "staff of another space");
    assert!(!sees(Some(&citizen), Some(space.id), noted));
    assert!(!sees(None, Some(space.id), noted));
    for everywhere in [&w.admin, &global_staff] {
        assert!(sees(Some(everywhere), None, noted));
        assert!(sees(Some(everywhere), None, citizen.user_id));
        assert!(sees(Some(everywhere), Some(space.id), noted));
    }
    // Public entries of the space are there for everyone.
    let public =
        m.audit.list(None, &AuditFilter { space_id: Some(space.id), ..AuditFilter::default() }, None, 100).unwrap();
    assert!(public.iter().any(|e| e.action == AuditAction::SpaceCreated));
    assert!(public.iter().all(|e| e.visibility == AuditVisibility::Public && e.space_id == Some(space.id)));
}

backend_tests!(space_staff_read_staff_entries_of_their_space_only);

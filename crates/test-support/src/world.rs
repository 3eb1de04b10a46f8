//! What every service test starts from: a fresh, migrated database on one
//! backend, the services built over it the way `server::app::state` builds
//! them, and helpers that add people, spaces, proposals and amendments.
//! The moderation tests start from the same world.

use emenda_domain::audit::AuditAction;
use emenda_domain::policy::{Actor, Role, RoleGrant, StaffScope};
use emenda_domain::space::SpaceSettings;
use emenda_participation::amendments::AmendmentRequest;
use emenda_participation::spaces::NewSpace;
use emenda_participation::views::{Amendment, Proposal, Space};
use emenda_participation::{AmendmentService, ProposalKey, ProposalService, SpaceService};
use emenda_service::{ServiceContext, ServiceError, ServiceResult};
use emenda_store::audit::{self, AuditEntry, AuditReader};
use emenda_store::testing::TestDatabase;
use emenda_store::users::{self, NewUser};
use emenda_store::versions::{self, VersionRecord};
use emenda_store::HasStore;
use emenda_store::{roles, Backend, StoreError};
use std::sync::{Arc, Barrier};
use uuid::Uuid;

/// A body every test proposal starts with (long enough to be valid).
pub const BODY: &str = "Piantare alberi lungo il viale della stazione.\n\nCosto previsto: 45.000 euro.";

/// A rationale long enough to be valid.
pub const WHY: &str = "Serve a rendere il testo più chiaro.";

/// The services over one test database.
pub struct World {
    /// Store, clock and ids, shared by every service.
    pub ctx: ServiceContext,
    /// Spaces.
    pub spaces: SpaceService,
    /// Proposals.
    pub proposals: ProposalService,
    /// Amendments, participant side.
    pub amendments: AmendmentService,
    /// A global admin, written to the database.
    pub admin: Actor,
    // Last, so the database outlives the services' connections.
    _db: TestDatabase,
}

impl World {
    /// The world on a fresh database of `backend`.
    pub fn new(backend: Backend) -> Self {
        let db = TestDatabase::new(backend);
        let ctx = ServiceContext::from(db.store());
        let proposals = ProposalService::new(ctx.clone(), "TST");
        let admin = person(&ctx, "admin", &[RoleGrant { role: Role::Admin, space_id: None }]);
        World {
            spaces: SpaceService::new(ctx.clone()),
            amendments: AmendmentService::new(ctx.clone(), proposals.clone()),
            proposals,
            admin,
            ctx,
            _db: db,
        }
    }

    /// A participant without roles.
    pub fn participant(&self, nickname: &str) -> Actor {
        person(&self.ctx, nickname, &[])
    }

    /// Staff of one space.
    pub fn staff_of(&self, nickname: &str, space: &Space) -> Actor {
        person(&self.ctx, nickname, &[RoleGrant { role: Role::Staff, space_id: Some(space.id) }])
    }

    /// A space created by the admin.
    pub fn space(&self, slug: &str, settings: SpaceSettings) -> Space {
        let space = NewSpace {
            slug: slug.into(),
            title: format!("Spazio {slug}"),
            description: "Un processo partecipativo.".into(),
            settings,
        };
        self.spaces.create(&self.admin, &space).expect("create a space")
    }

    /// A proposal published by `author` with [`BODY`].
    pub fn publish(&self, author: &Actor, space: &Space, title: &str) -> Proposal {
        self.proposals.create(author, &space.slug, title, BODY).expect("publish a proposal")
    }

    /// `author` asks to replace the body of `proposal` as of `base_version`.
    pub fn amend(&self, author: &Actor, proposal: Uuid, base_version: i32, body: &str) -> ServiceResult<Amendment> {
        let request = AmendmentRequest {
            title: self.proposal(proposal).title,
            body: body.into(),
            rationale: WHY.into(),
            base_version,
        };
        self.amendments.create(author, &ProposalKey::Id(proposal), &request)
    }

    /// A proposal as its admin sees it now.
    pub fn proposal(&self, id: Uuid) -> Proposal {
        self.proposals.get(&ProposalKey::Id(id), Some(&self.admin)).expect("read the proposal")
    }

    /// Every version of a proposal, oldest first.
    pub fn versions(&self, proposal: Uuid) -> Vec<VersionRecord> {
        self.ctx.store().read(|tx| versions::list(tx, proposal, 0, 1_000)).expect("read the versions")
    }

    /// Every audit entry about `target`, oldest first, as an admin reads them.
    pub fn audit_of(&self, target: Uuid) -> Vec<AuditEntry> {
        let reader = AuditReader { include_staff: true, user_id: None, staff_scope: StaffScope::Everywhere };
        let mut entries = self
            .ctx
            .store()
            .read(|tx| audit::list(tx, &reader, &audit::AuditFilter::default(), None, 1_000))
            .expect("read the audit log");
        entries.retain(|e| e.target_id == target);
        entries.reverse();
        entries
    }

    /// The actions of [`World::audit_of`].
    pub fn actions_on(&self, target: Uuid) -> Vec<AuditAction> {
        self.audit_of(target).into_iter().map(|e| e.action).collect()
    }
}

/// A user with `grants`, written to the database: services that guard
/// power (roles, blocks) read the grants again under their lock.
pub fn person(ctx: &ServiceContext, nickname: &str, grants: &[RoleGrant]) -> Actor {
    let id = Uuid::now_v7();
    let now = ctx.clock.now();
    ctx.store()
        .write(|tx| {
            users::insert(
                tx,
                &NewUser {
                    id,
                    email: &format!("{nickname}@example.it"),
                    nickname,
                    display_name: nickname,
                    password_hash: "not a password hash: these users never sign in",
                    created_at: now,
                },
            )?;
            for grant in grants {
                roles::grant(tx, Uuid::now_v7(), id, *grant, None, now)?;
            }
            Ok::<_, StoreError>(())
        })
        .expect("write a user");
    Actor { user_id: id, verified: false, roles: grants.to_vec() }
}

/// The stable code of a refusal; a storage failure fails the test.
pub fn code<T: std::fmt::Debug>(result: ServiceResult<T>) -> &'static str {
    match result {
        Err(ServiceError::Rule(rule)) => rule.code().as_str(),
        Err(ServiceError::Access(refusal)) => refusal.code().as_str(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The `(field, code)` pairs of a validation refusal.
pub fn field_codes<T: std::fmt::Debug>(result: ServiceResult<T>) -> Vec<(String, &'static str)> {
    match result {
        Err(ServiceError::Rule(emenda_domain::DomainError::Invalid(fields))) => {
            fields.into_iter().map(|f| (f.field, f.code.as_str())).collect()
        }
        other => panic!("expected field errors, got {other:?}"),
    }
}

/// Runs `first` and `second` at the same moment on two threads (a barrier
/// releases both), many rounds of which show an unlocked read-then-write.
pub fn race<A, B>(first: impl FnOnce() -> A + Send, second: impl FnOnce() -> B + Send) -> (A, B)
where
    A: Send,
    B: Send,
{
    let barrier = Arc::new(Barrier::new(2));
    std::thread::scope(|scope| {
        let a = scope.spawn(|| {
            barrier.wait();
            first()
        });
        let b = scope.spawn(|| {
            barrier.wait();
            second()
        });
        (a.join().expect("first"), b.join().expect("second"))
    })
}

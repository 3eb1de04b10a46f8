//! What every service needs: the store, the clock and the id source, passed
//! in so tests can fix time and ids.

use emenda_domain::audit::AuditAction;
use emenda_domain::clock::{Clock, IdGenerator, SystemClock, UuidV7};
use emenda_store::audit::{self, AuditEntry};
use emenda_store::{Store, StoreError, Tx};
use std::sync::Arc;
use uuid::Uuid;

/// Shared by all services; cheap to clone.
#[derive(Clone)]
pub struct ServiceContext {
    /// The database.
    pub store: Store,
    /// Where "now" comes from.
    pub clock: Arc<dyn Clock>,
    /// Where new ids come from.
    pub ids: Arc<dyn IdGenerator>,
}

impl std::fmt::Debug for ServiceContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceContext").field("store", &self.store).finish_non_exhaustive()
    }
}

/// The subject of an audit entry.
#[derive(Debug, Clone, Copy)]
pub struct AuditTarget {
    /// Kind, e.g. `proposal`.
    pub kind: &'static str,
    /// Id.
    pub id: Uuid,
    /// Space concerned, if any.
    pub space_id: Option<Uuid>,
}

impl ServiceContext {
    /// The real clock and UUID v7 ids.
    pub fn new(store: Store) -> Self {
        Self { store, clock: Arc::new(SystemClock), ids: Arc::new(UuidV7) }
    }

    /// Checks that the database answers (readiness probes).
    pub fn ready(&self) -> Result<(), StoreError> {
        self.store.ping()
    }

    /// Records a state change in the audit log, inside the caller's
    /// transaction so the change and its record commit together.
    pub fn audit(
        &self,
        tx: &mut Tx<'_>,
        actor_id: Option<Uuid>,
        action: AuditAction,
        target: AuditTarget,
        details: serde_json::Value,
    ) -> Result<(), StoreError> {
        audit::insert(
            tx,
            &AuditEntry {
                id: self.ids.new_id(),
                actor_id,
                action,
                target_kind: target.kind.to_owned(),
                target_id: target.id,
                space_id: target.space_id,
                details,
                visibility: action.visibility(),
                created_at: self.clock.now(),
            },
        )
    }
}

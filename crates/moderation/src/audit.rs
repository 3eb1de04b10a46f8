//! Reading the audit log: public entries for everyone, all for staff.

use emenda_domain::policy::{can_read_staff_audit, Actor};
use emenda_store::audit::{self, AuditEntry};
use emenda_store::{ServiceContext, ServiceResult};
use uuid::Uuid;

/// Reads the audit log.
#[derive(Debug, Clone)]
pub struct AuditService {
    ctx: ServiceContext,
}

impl AuditService {
    /// The service.
    pub fn new(ctx: ServiceContext) -> Self {
        Self { ctx }
    }

    /// Newest first, before the cursor. Staff-only entries are included for
    /// admins and global staff everywhere, and for space staff when the list
    /// is filtered to their space.
    pub fn list(
        &self,
        actor: Option<&Actor>,
        space_id: Option<Uuid>,
        before: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<AuditEntry>> {
        let include_staff = can_read_staff_audit(actor, space_id);
        self.ctx.store.read(|tx| Ok(audit::list(tx, include_staff, space_id, before, limit)?))
    }
}

//! Reading the audit log: public entries for everyone, all for staff (its
//! re-verification is the transparency log's: `public_log`).

use crate::views::AuditEntry;
use emenda_domain::audit::AuditFilter;
use emenda_domain::policy::{can_read_staff_audit, Actor, StaffScope};
use emenda_domain::transparency::EntryKind;
use emenda_domain::DomainError;
use emenda_service::{ServiceContext, ServiceResult};
use emenda_store::audit::{self, AuditReader};
use emenda_store::public_log;
use emenda_store::users;
use emenda_store::HasStore;
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
    /// is filtered to their space. Entries about an amendment the reader may
    /// not see (see `amendment::can_see`) are left out until it is decided.
    pub fn list(
        &self,
        actor: Option<&Actor>,
        filter: &AuditFilter,
        before: Option<Uuid>,
        limit: i64,
    ) -> ServiceResult<Vec<AuditEntry>> {
        let reader = AuditReader {
            include_staff: can_read_staff_audit(actor, filter.space_id),
            user_id: actor.map(|a| a.user_id),
            staff_scope: actor.map_or(StaffScope::Nowhere, Actor::staff_scope),
        };
        self.ctx.store().read(|tx| {
            let entries = audit::list(tx, &reader, filter, before, limit)?;
            let mut actors: Vec<Uuid> = entries.iter().filter_map(|e| e.actor_id).collect();
            actors.sort_unstable();
            actors.dedup();
            let names: std::collections::HashMap<Uuid, String> =
                users::display_names(tx, &actors)?.into_iter().collect();
            let subjects: Vec<(Uuid, i32)> = entries.iter().map(|e| (e.id, 0)).collect();
            let indexes = public_log::leaf_indexes(tx, EntryKind::Audit, &subjects)?;
            Ok(entries
                .into_iter()
                .map(|entry| {
                    let actor_name = entry.actor_id.and_then(|id| names.get(&id).cloned());
                    let log_index = indexes.get(&(entry.id, 0)).copied();
                    AuditEntry { actor_name, log_index, ..AuditEntry::from(entry) }
                })
                .collect())
        })
    }

    /// One entry, when the reader may see it: read as the log filtered to
    /// the entry's own space reads it, so space staff see their space's
    /// staff-only entries here as they do in that list, and nobody sees an
    /// entry the list would hide from them. Anything else is not found
    /// (whether the entry exists is not told).
    pub fn entry(&self, actor: Option<&Actor>, id: Uuid) -> ServiceResult<AuditEntry> {
        let space_id = self
            .ctx
            .store()
            .read(|tx| audit::space_of(tx, id))?
            .ok_or_else(|| DomainError::not_found("audit entry"))?;
        let filter = AuditFilter { space_id, entry_id: Some(id), ..AuditFilter::default() };
        self.list(actor, &filter, None, 1)?
            .into_iter()
            .next()
            .ok_or_else(|| DomainError::not_found("audit entry").into())
    }
}

//! What services hand to their callers: plain views of the data, owned by
//! the service layer. The store's records stay the store's (they can grow
//! columns, change shape or carry secrets such as a password hash) and the
//! api crate maps these views to its DTOs without ever seeing the store.

use chrono::{DateTime, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_store::audit::AuditEntry;
use uuid::Uuid;

/// One audit-log entry as readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRecordView {
    /// Id.
    pub id: Uuid,
    /// Who did it; `None` for the system.
    pub actor_id: Option<Uuid>,
    /// What was done.
    pub action: AuditAction,
    /// Kind of the thing changed.
    pub target_kind: String,
    /// Id of the thing changed.
    pub target_id: Uuid,
    /// Space concerned.
    pub space_id: Option<Uuid>,
    /// Facts worth keeping.
    pub details: serde_json::Value,
    /// Who may read it.
    pub visibility: AuditVisibility,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<AuditEntry> for AuditRecordView {
    fn from(r: AuditEntry) -> Self {
        Self {
            id: r.id,
            actor_id: r.actor_id,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            space_id: r.space_id,
            details: r.details,
            visibility: r.visibility,
            created_at: r.created_at,
        }
    }
}

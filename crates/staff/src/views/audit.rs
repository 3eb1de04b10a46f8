//! One entry of the audit log.

use chrono::{DateTime, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use serde::Serialize;
use uuid::Uuid;

/// One recorded state change, as the public (or staff) log shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Its id; the log is ordered by it, newest first.
    pub id: Uuid,
    /// Who did it; absent for the system (an item hidden by its reports).
    pub actor_id: Option<Uuid>,
    /// Their display name, as it is now (absent with `actor_id`).
    pub actor_name: Option<String>,
    /// What was done, e.g. `proposal.edited`.
    pub action: AuditAction,
    /// Kind of the thing changed, e.g. `proposal`.
    pub target_kind: String,
    /// Id of the thing changed.
    pub target_id: Uuid,
    /// The space concerned, if any.
    pub space_id: Option<Uuid>,
    /// The facts of the change (reference, version, reason, …).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub details: serde_json::Value,
    /// `public` or `staff`.
    pub visibility: AuditVisibility,
    /// When it happened.
    pub created_at: DateTime<Utc>,
    /// Its leaf index in the public transparency log (`/log`), null until
    /// sequenced (about a second after it is written).
    pub log_index: Option<u64>,
}

impl From<emenda_store::audit::AuditEntry> for AuditEntry {
    fn from(r: emenda_store::audit::AuditEntry) -> Self {
        Self {
            id: r.id,
            actor_id: r.actor_id,
            actor_name: None,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            space_id: r.space_id,
            details: r.details,
            visibility: r.visibility,
            created_at: r.created_at,
            log_index: None,
        }
    }
}

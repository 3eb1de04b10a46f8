//! The audit log: public entries for everyone, all entries for staff, and
//! the public check of its hash chain.

use crate::auth::MaybeUser;
use crate::extract::{blocking, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::audit::AuditVisibility;
use emenda_domain::audit_chain::AuditChainReport;
use emenda_service::views::AuditRecordView;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// One recorded state change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryDto {
    /// Id.
    pub id: Uuid,
    /// Who did it; absent for the system.
    pub actor_id: Option<Uuid>,
    /// What was done, e.g. `proposal.edited`.
    pub action: String,
    /// Kind of the thing changed.
    pub target_kind: String,
    /// Id of the thing changed.
    pub target_id: Uuid,
    /// Space concerned.
    pub space_id: Option<Uuid>,
    /// Facts of the change.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// `public` or `staff`.
    pub visibility: AuditVisibility,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<AuditRecordView> for AuditEntryDto {
    fn from(e: AuditRecordView) -> Self {
        Self {
            id: e.id,
            actor_id: e.actor_id,
            action: e.action.as_str().to_owned(),
            target_kind: e.target_kind,
            target_id: e.target_id,
            space_id: e.space_id,
            details: e.details,
            visibility: e.visibility,
            created_at: e.created_at,
        }
    }
}

/// Audit list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Only entries of this space (slug).
    pub space: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

/// The audit log, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "transparency", params(AuditQuery),
    responses((status = 200, description = "A page of entries, newest first.", body = Page<AuditEntryDto>),
        (status = 404, description = "The `space` filter names no space (`not_found`).")))]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    user: MaybeUser,
    query: Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("audit").with("space", &query.space);
    let before: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || {
        let space_id = query.space.as_deref().map(|slug| state.proposals.space_id(slug)).transpose()?;
        state.audit.list(user.actor().as_ref(), space_id, before, limit + 1)
    })
    .await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |e| e.id, AuditEntryDto::from)))
}

/// Re-verifies the audit log's hash chain, so anyone can check that no
/// entry was changed, removed or slipped in. Public: the chain covers
/// staff-only entries too, but the report names only sequence numbers.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "transparency",
    responses((status = 200, description = "The result of the check.", body = AuditChainReport)))]
#[get("/audit/verify")]
pub async fn verify_audit(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let report = blocking(move || state.audit.verify()).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_audit).service(verify_audit);
}

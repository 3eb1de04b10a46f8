//! The audit log: public entries for everyone, all entries for staff, and
//! the public re-check of the transparency log that holds it.

use crate::auth::MaybeUser;
use crate::extract::{blocking, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use emenda_domain::audit::{AuditAction, AuditFilter};
use emenda_domain::transparency::LogReport;
use emenda_domain::FieldCode;
use emenda_staff::views::AuditEntry;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// Audit list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Only entries of this space (slug).
    pub space: Option<String>,
    /// Only entries of this kind, e.g. `amendment.accepted`.
    #[param(value_type = Option<AuditAction>)]
    pub action: Option<String>,
    /// Only entries about this proposal (UUID or reference code): its own,
    /// its amendments' and its comments'.
    pub proposal: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// The audit log, newest first. A page ends early (with `next_cursor`)
/// once its entries' details pass 256 KiB.
#[utoipa::path(tag = "transparency", params(AuditQuery),
    responses((status = 200, description = "A page of entries, newest first.", body = Page<AuditEntry>),
        (status = 404, description = "The `space` filter names no space, or `proposal` no proposal the caller may see (`not_found`)."),
        (status = 422, description = "`action` is not a kind of entry, or `proposal` neither a UUID nor a reference (`validation_failed`).")))]
#[get("/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    user: MaybeUser,
    query: Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let action = query
        .action
        .as_deref()
        .map(|a| {
            AuditAction::parse(a)
                .ok_or_else(|| ApiError::invalid_field("action", FieldCode::InvalidChoice, "not a kind of entry"))
        })
        .transpose()?;
    let proposal = crate::extract::proposal_param(query.proposal.as_deref())?;
    let scope = CursorScope::new("audit")
        .with("space", &query.space)
        .with("action", &query.action)
        .with("proposal", &query.proposal);
    let before: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || {
        let actor = user.actor();
        let space_id = query.space.as_deref().map(|slug| state.proposals.space_id(slug)).transpose()?;
        let proposal_id = proposal.map(|key| state.proposals.visible_id(&key, actor.as_ref())).transpose()?;
        let filter = AuditFilter { space_id, action, proposal_id, entry_id: None };
        state.audit.list(actor.as_ref(), &filter, before, limit + 1)
    })
    .await?;
    let details_size = |e: &AuditEntry| serde_json::to_string(&e.details).map_or(0, |text| text.len());
    let page = pagination::page_within(rows, limit, PAGE_DETAILS_BYTES, details_size, &scope, |e| e.id);
    Ok(HttpResponse::Ok().json(page))
}

/// How many bytes of details one page of the log carries before it ends
/// early: an entry's details can hold a 20,000-character reason or note,
/// and a hundred of those made an 8 MiB page.
const PAGE_DETAILS_BYTES: usize = 256 * 1024;

/// One entry of the log, at an address a citation or a link can keep
/// (the log's pages move as it grows). The same rules as the list: an
/// entry the caller could not see there is not found here.
#[utoipa::path(tag = "transparency",
    params(("id" = Uuid, Path, description = "The entry's id.")),
    responses((status = 200, description = "The entry.", body = AuditEntry),
        (status = 404, description = "No entry with this id that the caller may see (`not_found`).")))]
#[get("/audit/{id}")]
pub async fn get_audit_entry(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let entry = blocking(move || state.audit.entry(user.actor().as_ref(), id)).await?;
    Ok(HttpResponse::Ok().json(entry))
}

/// Where a verification segment starts.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VerifyQuery {
    /// The `next` of the previous segment; 0 or absent: the first leaf.
    #[param(minimum = 0)]
    pub from: Option<u64>,
}

/// Re-checks the public record, one segment of at most 1,000 entries of
/// the transparency log per call, against the latest signed checkpoint:
/// the signature, the stored tree against the signed root, each entry
/// against its leaf, and each audit entry and version against the entry
/// that logged it. Follow `next` into `from` until `complete`. This is the
/// server checking itself, which catches changes made behind its back; a
/// witness that keeps checkpoints (`/log`) is what holds against the
/// operator.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "transparency", params(VerifyQuery),
    responses((status = 200, description = "The result of the check of this segment.", body = LogReport),
        (status = 422, description = "`from` is beyond the signed tree (`validation_failed`).")))]
#[get("/audit/verify")]
pub async fn verify_audit(state: web::Data<AppState>, query: Query<VerifyQuery>) -> ApiResult<HttpResponse> {
    let from = query.into_inner().from.unwrap_or(0);
    let report = blocking(move || state.log.verify(from)).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit).service(verify_audit).service(get_audit_entry);
}

//! Supports: give or re-confirm (PUT), withdraw (DELETE), and the list of a
//! proposal's counted supporters.

use crate::auth::{CurrentUser, MaybeUser};
use crate::extract::{blocking, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{delete, get, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_participation::supports::SupporterCursor;
use emenda_participation::views::{SupportOutcome, Supporter};
use emenda_participation::ProposalKey;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// Gives a support on the proposal's current version, or re-confirms the
/// caller's support on it. Idempotent.
#[utoipa::path(tag = "supports",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses(
        (status = 201, description = "A new support, pinned to the current version.", body = SupportOutcome),
        (status = 200, description = "The caller already supported it: the support is now pinned to the current version.", body = SupportOutcome),
        (status = 403, description = "The space takes no supports (`supports_closed`) or requires a verified identity (`verification_required`), or the account is blocked."),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`)."),
        (status = 409, description = "The proposal is closed (`proposal_withdrawn`, `proposal_answered`), the caller gave as many supports as the space allows (`support_limit_reached`), or the proposal reached its threshold and takes no more (`support_threshold_reached`).")))]
#[put("/proposals/{id}/support")]
pub async fn support_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
) -> ApiResult<HttpResponse> {
    let outcome = blocking(move || state.supports.support(&user.actor(), &id)).await?;
    Ok(if outcome.created { HttpResponse::Created().json(outcome) } else { HttpResponse::Ok().json(outcome) })
}

/// Withdraws the caller's support. Idempotent: 204 whether or not there
/// was one.
#[utoipa::path(tag = "supports",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses(
        (status = 204, description = "The caller does not support the proposal (any more)."),
        (status = 403, description = "The space takes no supports (`supports_closed`), or the account is blocked."),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`)."),
        (status = 409, description = "The proposal is closed and its supports are final (`proposal_withdrawn`, `proposal_answered`).")))]
#[delete("/proposals/{id}/support")]
pub async fn unsupport_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
) -> ApiResult<HttpResponse> {
    blocking(move || state.supports.withdraw(&user.actor(), &id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Supporter list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SupportersQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CursorPosition {
    at: DateTime<Utc>,
    id: Uuid,
}

/// The proposal's counted supporters, oldest support first; pending
/// supports (below the space's minimum) are not listed.
#[utoipa::path(tag = "supports",
    params(("id" = String, Path, description = "UUID or reference code"), SupportersQuery),
    responses(
        (status = 200, description = "A page of supporters.", body = Page<Supporter>),
        (status = 403, description = "The space keeps its supporters private and the caller is not its staff (`supporters_private`); the count stays in the proposal."),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`).")))]
#[get("/proposals/{id}/supporters")]
pub async fn list_supporters(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<SupportersQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let scope = supporters_scope(&id);
    let after = scope
        .decode::<CursorPosition>(query.cursor.as_deref())?
        .map(|c| SupporterCursor { supported_at: c.at, user_id: c.id });
    let key = id.0.clone();
    let rows = blocking(move || state.supports.supporters(&key, user.actor().as_ref(), after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(supporters_page(rows, limit, &id)))
}

/// What a supporters cursor is bound to: the proposal as the address names it.
fn supporters_scope(id: &ProposalKey) -> CursorScope {
    CursorScope::new("supporters").with("proposal", &id.to_string())
}

/// A page of supporters read with `limit + 1` rows, its cursor good at
/// `/proposals/{id}/supporters` for the same `id`.
pub(crate) fn supporters_page(rows: Vec<Supporter>, limit: i64, id: &ProposalKey) -> Page<Supporter> {
    let position = |s: &Supporter| CursorPosition { at: s.supported_at, id: s.user.id };
    pagination::page(rows, limit, &supporters_scope(id), position)
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(support_proposal).service(unsupport_proposal).service(list_supporters);
}

//! Amendments, participant side: request, list, read with diff and merge
//! preview, withdraw, promote.

use crate::auth::{CurrentUser, MaybeUser};
use crate::extract::{blocking, Body, ProposalPath, Query};
use crate::http;
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use emenda_domain::amendment::AmendmentState;
use emenda_participation::amendments::AmendmentRequest;
use emenda_participation::views::{Amendment, AmendmentSummary, Proposal};
use emenda_participation::ProposalKey;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A new amendment: the whole proposed text, why, and the version it was
/// written against (so it can be merged with later edits).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "title": "Più alberi in via Roma",
    "body": "Proponiamo di piantare venti alberi lungo via Roma, tra piazza Dante e la stazione.",
    "rationale": "Dieci alberi non bastano a fare ombra.",
    "base_version": 1
}))]
pub struct CreateAmendmentRequest {
    /// Proposed title (the whole title): 10 to 150 characters once trimmed.
    #[schema(schema_with = crate::text_schema::title)]
    pub title: String,
    /// Proposed text (the whole text), Markdown: 15 to 20,000 characters.
    #[schema(schema_with = crate::text_schema::body)]
    pub body: String,
    /// Why the change is needed: 10 to 2,000 characters.
    #[schema(schema_with = crate::text_schema::rationale)]
    pub rationale: String,
    /// The version the text was written against.
    #[schema(minimum = 1)]
    pub base_version: i32,
}

/// Requests an amendment.
#[utoipa::path(tag = "amendments",
    params(("id" = String, Path, description = "UUID or reference code")), request_body = CreateAmendmentRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "The amendment, under evaluation.", body = Amendment),
        (status = 403, description = "The space takes no amendments, requires a verified identity, or the account is blocked."),
        (status = 409, description = "The proposal takes no amendments now, or the caller already has an open one (`amendment_open_exists`).")))]
#[post("/proposals/{id}/amendments")]
pub async fn create_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
    body: Body<CreateAmendmentRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let request = AmendmentRequest {
        title: body.title,
        body: body.body,
        rationale: body.rationale,
        base_version: body.base_version,
    };
    let view = blocking(move || state.amendments.create(&user.actor(), &id, &request)).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Amendment list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AmendmentListQuery {
    /// Only amendments in this state.
    #[param(inline)]
    pub state: Option<AmendmentState>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// A proposal's amendments, oldest first (as the space's visibility allows).
#[utoipa::path(tag = "amendments",
    params(("id" = String, Path, description = "UUID or reference code"), AmendmentListQuery),
    responses((status = 200, description = "A page of amendments.", body = Page<AmendmentSummary>)))]
#[get("/proposals/{id}/amendments")]
pub async fn list_amendments(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<AmendmentListQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let after: Option<Uuid> = amendments_scope(&id, query.state).decode(query.cursor.as_deref())?;
    let key = id.0.clone();
    let rows =
        blocking(move || state.amendments.list(&key, user.actor().as_ref(), query.state, after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(amendments_page(rows, limit, &id, query.state)))
}

/// What an amendment list cursor is bound to: the proposal as the address
/// names it, and the state filter.
fn amendments_scope(id: &ProposalKey, state: Option<AmendmentState>) -> CursorScope {
    CursorScope::new("proposal_amendments").with("proposal", &id.to_string()).with("state", &state)
}

/// A page of a proposal's amendments read with `limit + 1` rows, its cursor
/// good at `/proposals/{id}/amendments` for the same `id` and `state`.
pub(crate) fn amendments_page(
    rows: Vec<AmendmentSummary>,
    limit: i64,
    id: &ProposalKey,
    state: Option<AmendmentState>,
) -> Page<AmendmentSummary> {
    pagination::page(rows, limit, &amendments_scope(id, state), |a| a.id)
}

/// One amendment with diff, mergeability, conflicts and merged preview.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "amendments", params(("id" = Uuid, Path)),
    responses((status = 200, description = "The amendment with its diff and, while evaluated, its mergeability.", body = Amendment)))]
#[get("/amendments/{id}")]
pub async fn get_amendment(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.amendments.get(id.into_inner(), user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Its author withdraws an amendment under evaluation.
#[utoipa::path(tag = "amendments", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 200, description = "The amendment, now withdrawn.", body = Amendment),
        (status = 403, description = "Only its author may withdraw it (`not_amendment_author`)."),
        (status = 409, description = "Already decided or withdrawn (`amendment_decided`, `amendment_withdrawn`).")))]
#[post("/amendments/{id}/withdraw")]
pub async fn withdraw_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.amendments.withdraw(&user.actor(), id.into_inner())).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Its author turns a rejected amendment into a new proposal (once).
#[utoipa::path(tag = "amendments", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 201, description = "The new proposal.", body = Proposal,
            headers(("ETag" = String, description = "Entity tag of the new proposal."))),
        (status = 403, description = "Only its author may promote it (`not_amendment_author`)."),
        (status = 409, description = "Not rejected, already promoted, or closed with its proposal (`amendment_not_rejected`, `amendment_promoted`, `amendment_closed_with_proposal`).")))]
#[post("/amendments/{id}/promote")]
pub async fn promote_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.amendments.promote(&user.actor(), id.into_inner())).await?;
    Ok(http::with_proposal(HttpResponse::Created(), view))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_amendment)
        .service(list_amendments)
        .service(get_amendment)
        .service(withdraw_amendment)
        .service(promote_amendment);
}

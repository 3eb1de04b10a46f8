//! The moderation service's routes for amendments and answers: the staff
//! queue, accept, reject, and official answers to proposals.

use crate::auth::CurrentUser;
use crate::extract::blocking;
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiResult, Problem};
use crate::routes::amendments::AmendmentSummaryDto;
use crate::routes::proposals::ProposalDto;
use crate::routes::versions::{version_summary, VersionSummaryDto};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use emenda_domain::amendment::{AmendmentState, Mergeability};
use emenda_domain::proposal::ProposalState;
use emenda_moderation::decisions::{Acceptance, QueueItem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Queue parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct QueueQuery {
    /// Only this space (slug).
    pub space: Option<String>,
    /// State (default `evaluating`).
    pub state: Option<AmendmentState>,
    /// Page size, 1-100.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// An amendment in the staff queue, with its proposal and whether it still
/// applies cleanly, so the queue needs no request per item.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItemDto {
    /// The amendment.
    #[serde(flatten)]
    pub amendment: AmendmentSummaryDto,
    /// The proposal's reference code.
    pub proposal_reference: String,
    /// The proposal's current title.
    pub proposal_title: String,
    /// The proposal's current version.
    pub current_version: i32,
    /// While evaluating: `up_to_date`, `clean` or `conflict`.
    pub mergeability: Option<Mergeability>,
}

impl From<QueueItem> for QueueItemDto {
    fn from(item: QueueItem) -> Self {
        Self {
            amendment: AmendmentSummaryDto::from(&item.amendment),
            proposal_reference: item.proposal_reference,
            proposal_title: item.proposal_title,
            current_version: item.current_version,
            mergeability: item.mergeability,
        }
    }
}

/// The amendments waiting for a decision, oldest first (staff).
#[utoipa::path(get, path = "/api/v1/moderation/amendments", tag = "moderation", params(QueueQuery),
    security(("bearer" = [])),
    responses((status = 200, body = Page<QueueItemDto>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/moderation/amendments")]
pub async fn amendment_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<QueueQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let wanted = query.state.unwrap_or(AmendmentState::Evaluating);
    let scope = CursorScope::new("moderation_queue").with("space", &query.space).with("state", &wanted);
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || state.decisions.queue(&user.actor(), query.space.as_deref(), wanted, after, limit + 1))
        .await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |item| item.amendment.id, QueueItemDto::from)))
}

/// An acceptance (`{}` for a plain one); a final title or body overrides
/// the proposed or merged one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// Final title.
    pub title: Option<String>,
    /// Final body.
    pub body: Option<String>,
    /// Note recorded with the decision.
    pub note: Option<String>,
}

/// The outcome of an acceptance.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedDto {
    /// The amendment, now accepted.
    pub amendment: AmendmentSummaryDto,
    /// The new version (absent when the text was already current).
    pub version: Option<VersionSummaryDto>,
}

/// Accepts an amendment (staff of the space).
#[utoipa::path(post, path = "/api/v1/moderation/amendments/{id}/accept", tag = "moderation", params(("id" = Uuid, Path)),
    request_body = AcceptRequest, security(("bearer" = [])),
    responses((status = 200, body = AcceptedDto), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`merge_conflict` with `conflicts`, or already decided"),
        (status = 422, body = Problem)))]
#[post("/moderation/amendments/{id}/accept")]
pub async fn accept_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<AcceptRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let acceptance = Acceptance { title: body.title, body: body.body, note: body.note };
    let accepted = blocking(move || state.decisions.accept(&user.actor(), id.into_inner(), &acceptance)).await?;
    Ok(HttpResponse::Ok().json(AcceptedDto {
        amendment: AmendmentSummaryDto::from(&accepted.amendment),
        version: accepted.version.as_ref().map(version_summary),
    }))
}

/// A rejection.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    /// Public reason (required).
    pub reason: String,
}

/// Rejects an amendment with a public reason (staff of the space).
#[utoipa::path(post, path = "/api/v1/moderation/amendments/{id}/reject", tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RejectRequest, security(("bearer" = [])),
    responses((status = 200, body = AmendmentSummaryDto), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/moderation/amendments/{id}/reject")]
pub async fn reject_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RejectRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.into_inner().reason;
    let amendment = blocking(move || state.decisions.reject(&user.actor(), id.into_inner(), &reason)).await?;
    Ok(HttpResponse::Ok().json(AmendmentSummaryDto::from(&amendment)))
}

/// An official answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    /// `evaluating`, `accepted` or `rejected`.
    pub state: ProposalState,
    /// Official text (Markdown), shown publicly.
    pub answer: String,
}

/// Answers a proposal (staff of the space).
#[utoipa::path(post, path = "/api/v1/moderation/proposals/{id}/answer", tag = "moderation",
    params(("id" = String, Path, description = "UUID or reference code")), request_body = AnswerRequest,
    security(("bearer" = [])),
    responses((status = 200, body = ProposalDto), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/moderation/proposals/{id}/answer")]
pub async fn answer_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: web::Json<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let view = blocking(move || state.answers.answer(&user.actor(), &id, body.state, &body.answer)).await?;
    Ok(HttpResponse::Ok().json(ProposalDto::from(view)))
}

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(amendment_queue).service(accept_amendment).service(reject_amendment).service(answer_proposal);
}

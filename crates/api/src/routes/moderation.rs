//! The moderation service's routes for amendments and answers: the staff
//! queue, accept, reject, and official answers to proposals.

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use emenda_domain::amendment::AmendmentState;
use emenda_domain::listing::QueueSort;
use emenda_domain::proposal::ProposalState;
use emenda_participation::views::{AmendmentSummary, Proposal};
use emenda_staff::decisions::{Acceptance, AmendmentQueue};
use emenda_staff::views::{Accepted, QueueItem, StaffSummary};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// Queue parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct QueueQuery {
    /// Only this space (slug).
    pub space: Option<String>,
    /// Only amendments of this proposal (UUID or reference code), in a
    /// space the caller is staff of.
    pub proposal: Option<String>,
    /// Only amendments in this state (default `evaluating`).
    #[param(inline)]
    pub state: Option<AmendmentState>,
    /// `oldest` first (default: what has waited longest) or `newest` first.
    #[param(inline)]
    pub sort: Option<QueueSort>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// The amendments waiting for a decision (staff), oldest first unless
/// `sort=newest`; one space or one proposal at a time if asked.
#[utoipa::path(tag = "moderation", params(QueueQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "A page of the queue, in the order asked for.", body = Page<QueueItem>),
        (status = 403, description = "Only staff may see the queue, of the space or proposal named (`staff_only`)."),
        (status = 404, description = "The `space` filter names no space, or `proposal` no proposal the caller may see (`not_found`)."),
        (status = 422, description = "`proposal` is neither a UUID nor a reference code, `state` or `sort` is not one of its values, or `cursor` belongs to another query (`validation_failed`).")))]
#[get("/moderation/amendments")]
pub async fn amendment_queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<QueueQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let proposal = crate::extract::proposal_param(query.proposal.as_deref())?;
    let wanted = query.state.unwrap_or(AmendmentState::Evaluating);
    let sort = query.sort.unwrap_or(QueueSort::Oldest);
    // A position means something only in its order and filters: a cursor
    // of the oldest-first queue is refused for the newest-first one.
    let scope = CursorScope::new("moderation_queue")
        .with("space", &query.space)
        .with("proposal", &query.proposal)
        .with("state", &wanted)
        .with("sort", &sort);
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || {
        let queue = AmendmentQueue { space: query.space.as_deref(), proposal: proposal.as_ref(), state: wanted, sort };
        state.decisions.queue(&user.actor(), &queue, after, limit + 1)
    })
    .await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |item| item.amendment.id)))
}

/// Which space's counts.
#[derive(Debug, Deserialize, IntoParams)]
pub struct SummaryQuery {
    /// Only this space (slug); absent: every space the caller is staff of.
    pub space: Option<String>,
}

/// What waits for staff: amendments to decide, items with open reports,
/// proposals not answered yet (and how many of those reached their
/// threshold), in one read.
#[utoipa::path(tag = "moderation", params(SummaryQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The counts.", body = StaffSummary),
        (status = 403, description = "Only staff (of the space named) may see them (`staff_only`)."),
        (status = 404, description = "The `space` filter names no space (`not_found`).")))]
#[get("/moderation/summary")]
pub async fn staff_summary(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<SummaryQuery>,
) -> ApiResult<HttpResponse> {
    let space = query.into_inner().space;
    let summary = blocking(move || state.summary.summary(&user.actor(), space.as_deref())).await?;
    Ok(HttpResponse::Ok().json(summary))
}

/// An acceptance (`{}` for a plain one); a final title or body overrides
/// the proposed or merged one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "note": "Accolto dopo la riunione del 12 novembre." }))]
pub struct AcceptRequest {
    /// Final title, resolving conflicts: 10 to 150 characters.
    #[schema(schema_with = crate::text_schema::optional_title)]
    pub title: Option<String>,
    /// Final text, resolving conflicts: 15 to 20,000 characters.
    #[schema(schema_with = crate::text_schema::optional_body)]
    pub body: Option<String>,
    /// Note recorded with the decision, shown publicly: up to 20,000
    /// characters; blank means none.
    #[schema(schema_with = crate::text_schema::staff_note)]
    pub note: Option<String>,
}

/// Accepts an amendment (staff of the space).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    request_body = AcceptRequest, security(("bearer" = [])),
    responses((status = 200, description = "The accepted amendment and the version it produced.", body = Accepted),
        (status = 403, description = "Only staff of the space may decide (`staff_only`), and not on their own amendment (`own_amendment`)."),
        (status = 409, description = "`merge_conflict` with `conflicts` (send a final `title` and/or `body`), or the amendment or proposal changed (`amendment_decided`, `amendment_withdrawn`, `proposal_changed`, …).")))]
#[post("/moderation/amendments/{id}/accept")]
pub async fn accept_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<AcceptRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let acceptance = Acceptance { title: body.title, body: body.body, note: body.note };
    let accepted = blocking(move || state.decisions.accept(&user.actor(), id.into_inner(), &acceptance)).await?;
    Ok(HttpResponse::Ok().json(accepted))
}

/// A rejection.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "reason": "La via è troppo stretta per venti alberi." }))]
pub struct RejectRequest {
    /// Public reason: 1 to 20,000 characters.
    #[schema(schema_with = crate::text_schema::staff_text)]
    pub reason: String,
}

/// Rejects an amendment with a public reason (staff of the space).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RejectRequest, security(("bearer" = [])),
    responses((status = 200, description = "The rejected amendment.", body = AmendmentSummary),
        (status = 403, description = "Only staff of the space may decide (`staff_only`), and not on their own amendment (`own_amendment`)."),
        (status = 409, description = "Already decided or withdrawn (`amendment_decided`, `amendment_withdrawn`).")))]
#[post("/moderation/amendments/{id}/reject")]
pub async fn reject_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<RejectRequest>,
) -> ApiResult<HttpResponse> {
    let reason = body.into_inner().reason;
    let amendment = blocking(move || state.decisions.reject(&user.actor(), id.into_inner(), &reason)).await?;
    Ok(HttpResponse::Ok().json(amendment))
}

/// An official answer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "state": "accepted", "answer": "Il Comune pianterà gli alberi in primavera." }))]
pub struct AnswerRequest {
    /// The state the answer puts the proposal in.
    pub state: AnswerState,
    /// Official text (Markdown), shown publicly: 1 to 20,000 characters.
    #[schema(schema_with = crate::text_schema::staff_text)]
    pub answer: String,
}

/// The states an official answer can set: a proposal cannot be answered
/// back to `published` or into `withdrawn`, so the request type does not
/// offer them.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerState {
    /// Under evaluation by the institution.
    Evaluating,
    /// Accepted.
    Accepted,
    /// Rejected.
    Rejected,
}

impl From<AnswerState> for ProposalState {
    fn from(state: AnswerState) -> Self {
        match state {
            AnswerState::Evaluating => ProposalState::Evaluating,
            AnswerState::Accepted => ProposalState::Accepted,
            AnswerState::Rejected => ProposalState::Rejected,
        }
    }
}

/// Answers a proposal (staff of the space).
#[utoipa::path(tag = "moderation",
    params(("id" = String, Path, description = "UUID or reference code")), request_body = AnswerRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The proposal with its answer.", body = Proposal),
        (status = 403, description = "Only staff of the space may answer (`staff_only`)."),
        (status = 409, description = "The proposal was withdrawn or changed state meanwhile (`proposal_withdrawn`, `state_changed`).")))]
#[post("/moderation/proposals/{id}/answer")]
pub async fn answer_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
    body: Body<AnswerRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let view = blocking(move || state.answers.answer(&user.actor(), &id, body.state.into(), &body.answer)).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(amendment_queue)
        .service(accept_amendment)
        .service(reject_amendment)
        .service(answer_proposal)
        .service(staff_summary);
}

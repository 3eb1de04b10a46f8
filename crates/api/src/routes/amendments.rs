//! Amendments, participant side: request, list, read with diff and merge
//! preview, withdraw, promote.

use crate::auth::{CurrentUser, MaybeUser};
use crate::extract::{blocking, Body, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::routes::proposals::{with_etag, ProposalDto};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::amendment::{AmendmentState, FieldConflict, Mergeability};
use emenda_domain::diff::TextDiff;
use emenda_domain::merge::MergeSegment;
use emenda_proposals::amendments::{AmendmentRequest, AmendmentView};
use emenda_service::views::Amendment;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// An amendment in a list or a queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentSummaryDto {
    /// Id.
    pub id: Uuid,
    /// The proposal it amends.
    pub proposal_id: Uuid,
    /// Author.
    pub author_id: Uuid,
    /// Author's nickname.
    pub author_nickname: String,
    /// The version its author read.
    pub base_version: i32,
    /// Proposed title.
    pub title: String,
    /// State.
    pub state: AmendmentState,
    /// Who decided (or withdrew) it.
    pub decided_by: Option<Uuid>,
    /// When.
    pub decided_at: Option<DateTime<Utc>>,
    /// Public reason of a rejection, or the note of an acceptance.
    pub decision_reason: Option<String>,
    /// The version an acceptance produced.
    pub resulting_version: Option<i32>,
    /// The proposal a rejected amendment was promoted to.
    pub promoted_proposal_id: Option<Uuid>,
    /// Rejected because its proposal was withdrawn or answered, not on its
    /// merits; such an amendment cannot be promoted.
    pub closed_by_proposal: bool,
    /// Hidden by moderation: only staff of the space see it.
    pub hidden: bool,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<&Amendment> for AmendmentSummaryDto {
    fn from(a: &Amendment) -> Self {
        Self {
            id: a.id,
            proposal_id: a.proposal_id,
            author_id: a.author_id,
            author_nickname: a.author_nickname.clone(),
            base_version: a.base_version,
            title: a.title.clone(),
            state: a.state,
            decided_by: a.decided_by,
            decided_at: a.decided_at,
            decision_reason: a.decision_reason.clone(),
            resulting_version: a.resulting_version,
            promoted_proposal_id: a.promoted_proposal_id,
            closed_by_proposal: a.closed_by_proposal,
            hidden: a.hidden,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// The amendment's change against its base version.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentDiffDto {
    /// Title change.
    pub title: TextDiff,
    /// Body change.
    pub body: TextDiff,
}

/// What accepting now would give, field by field: the text where it
/// merges cleanly (null where in conflict), and always the whole text as
/// segments, agreed pieces and conflicts in order, so a client resolves a
/// conflict by choosing or editing each conflict's side, with no string
/// surgery.
#[derive(Debug, Serialize, ToSchema)]
pub struct MergedPreviewDto {
    /// Resulting title.
    pub title: Option<String>,
    /// Resulting body.
    pub body: Option<String>,
    /// The resulting title as agreed pieces and conflicts.
    pub title_segments: Vec<MergeSegment>,
    /// The resulting body as agreed pieces and conflicts.
    pub body_segments: Vec<MergeSegment>,
}

/// An amendment with its text, diff and mergeability.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentDto {
    /// Summary.
    #[serde(flatten)]
    pub summary: AmendmentSummaryDto,
    /// Proposed body (full text).
    pub body: String,
    /// Why.
    pub rationale: String,
    /// The proposal's reference code.
    pub proposal_reference: String,
    /// The proposal's current version.
    pub current_version: i32,
    /// Change against the base version.
    pub diff: AmendmentDiffDto,
    /// While evaluating: `up_to_date`, `clean` or `conflict`.
    pub mergeability: Option<Mergeability>,
    /// While evaluating and in conflict: the regions to resolve.
    pub conflicts: Vec<FieldConflict>,
    /// While evaluating: the text accepting now would produce.
    pub merged_preview: Option<MergedPreviewDto>,
}

impl From<AmendmentView> for AmendmentDto {
    fn from(v: AmendmentView) -> Self {
        let (mergeability, conflicts, merged_preview) = match v.assessment {
            Some(a) => (
                Some(a.mergeability),
                a.conflicts.clone(),
                Some(MergedPreviewDto {
                    title: a.title.clone(),
                    body: a.body.clone(),
                    title_segments: a.title_segments.clone(),
                    body_segments: a.body_segments.clone(),
                }),
            ),
            None => (None, Vec::new(), None),
        };
        Self {
            summary: AmendmentSummaryDto::from(&v.amendment),
            body: v.amendment.body,
            rationale: v.amendment.rationale,
            proposal_reference: v.proposal.reference,
            current_version: v.current_version,
            diff: AmendmentDiffDto { title: v.diff.title.clone(), body: v.diff.body.clone() },
            mergeability,
            conflicts,
            merged_preview,
        }
    }
}

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
    responses((status = 201, description = "The amendment, under evaluation.", body = AmendmentDto),
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
    Ok(HttpResponse::Created().json(AmendmentDto::from(view)))
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
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

/// A proposal's amendments, oldest first (as the space's visibility allows).
#[utoipa::path(tag = "amendments",
    params(("id" = String, Path, description = "UUID or reference code"), AmendmentListQuery),
    responses((status = 200, description = "A page of amendments.", body = Page<AmendmentSummaryDto>)))]
#[get("/proposals/{id}/amendments")]
pub async fn list_amendments(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<AmendmentListQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("proposal_amendments").with("proposal", &id.to_string()).with("state", &query.state);
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows =
        blocking(move || state.amendments.list(&id, user.actor().as_ref(), query.state, after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |a| a.id, |a| AmendmentSummaryDto::from(&a))))
}

/// One amendment with diff, mergeability, conflicts and merged preview.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "amendments", params(("id" = Uuid, Path)),
    responses((status = 200, description = "The amendment with its diff and, while evaluated, its mergeability.", body = AmendmentDto)))]
#[get("/amendments/{id}")]
pub async fn get_amendment(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.amendments.get(id.into_inner(), user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(AmendmentDto::from(view)))
}

/// Its author withdraws an amendment under evaluation.
#[utoipa::path(tag = "amendments", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 200, description = "The amendment, now withdrawn.", body = AmendmentDto),
        (status = 403, description = "Only its author may withdraw it (`not_amendment_author`)."),
        (status = 409, description = "Already decided or withdrawn (`amendment_decided`, `amendment_withdrawn`).")))]
#[post("/amendments/{id}/withdraw")]
pub async fn withdraw_amendment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.amendments.withdraw(&user.actor(), id.into_inner())).await?;
    Ok(HttpResponse::Ok().json(AmendmentDto::from(view)))
}

/// Its author turns a rejected amendment into a new proposal (once).
#[utoipa::path(tag = "amendments", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 201, description = "The new proposal.", body = ProposalDto,
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
    Ok(with_etag(HttpResponse::Created(), view))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_amendment)
        .service(list_amendments)
        .service(get_amendment)
        .service(withdraw_amendment)
        .service(promote_amendment);
}

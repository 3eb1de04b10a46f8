//! Proposals: list, publish, read (with `ETag`), edit as a new version,
//! withdraw.

use crate::auth::{CurrentUser, MaybeUser};
use crate::extract::blocking;
use crate::pagination::{self, Page};
use crate::problem::{ApiError, ApiResult, Problem};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::amendment::AmendmentState;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::FieldCode;
use emenda_proposals::proposals::ProposalEdit;
use emenda_proposals::ProposalView;
use emenda_store::answers::AnswerRecord;
use emenda_store::proposals::{ProposalCursor, ProposalFilter, ProposalRecord, ProposalSort};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A proposal in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalSummaryDto {
    /// Id.
    pub id: Uuid,
    /// Reference code.
    pub reference: String,
    /// Space id.
    pub space_id: Uuid,
    /// State.
    pub state: ProposalState,
    /// Current title.
    pub title: String,
    /// Current version number (= number of versions).
    pub current_version: i32,
    /// Supports.
    pub supports_count: i32,
    /// Comments.
    pub comments_count: i32,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<ProposalRecord> for ProposalSummaryDto {
    fn from(p: ProposalRecord) -> Self {
        Self {
            id: p.id,
            reference: p.reference,
            space_id: p.space_id,
            state: p.state,
            title: p.title,
            current_version: p.current_version,
            supports_count: p.supports_count,
            comments_count: p.comments_count,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// An author.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorDto {
    /// User id.
    pub user_id: Uuid,
    /// Nickname.
    pub nickname: String,
    /// Display name.
    pub display_name: String,
    /// `creator` or `coauthor`.
    pub kind: String,
}

/// Counters shown on a proposal.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountersDto {
    /// Supports.
    pub supports: i32,
    /// Visible comments.
    pub comments: i32,
}

/// An official answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerDto {
    /// The state it set.
    pub state: ProposalState,
    /// Official text (Markdown).
    pub answer: String,
    /// The staff member.
    pub staff_id: Uuid,
    /// Their display name.
    pub staff_name: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<AnswerRecord> for AnswerDto {
    fn from(a: AnswerRecord) -> Self {
        Self {
            state: a.state,
            answer: a.answer,
            staff_id: a.staff_id,
            staff_name: a.staff_name,
            created_at: a.created_at,
        }
    }
}

/// Amendments of a proposal by state.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct AmendmentCountsDto {
    /// Waiting for a decision.
    pub evaluating: i64,
    /// Accepted.
    pub accepted: i64,
    /// Rejected.
    pub rejected: i64,
    /// Withdrawn by their authors.
    pub withdrawn: i64,
}

impl AmendmentCountsDto {
    fn from_counts(counts: &[(AmendmentState, i64)]) -> Self {
        let mut dto = Self::default();
        for (state, n) in counts {
            match state {
                AmendmentState::Evaluating => dto.evaluating = *n,
                AmendmentState::Accepted => dto.accepted = *n,
                AmendmentState::Rejected => dto.rejected = *n,
                AmendmentState::Withdrawn => dto.withdrawn = *n,
            }
        }
        dto
    }
}

/// A proposal with its current text.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalDto {
    /// Id.
    pub id: Uuid,
    /// Reference code, e.g. `EMD-PROP-2026-11-42`.
    pub reference: String,
    /// Space id.
    pub space_id: Uuid,
    /// Space slug.
    pub space_slug: String,
    /// State.
    pub state: ProposalState,
    /// Current version number; versions run 1..current_version.
    pub current_version: i32,
    /// Current title.
    pub title: String,
    /// Current body (Markdown).
    pub body: String,
    /// How the current version came to be.
    pub current_version_kind: VersionKind,
    /// Hash of the current version (head of the chain).
    pub content_hash: String,
    /// Creator first, then co-authors.
    pub authors: Vec<AuthorDto>,
    /// Counters.
    pub counters: CountersDto,
    /// Amendments by state (as counted for everyone).
    pub amendments: AmendmentCountsDto,
    /// The official answer in force; earlier ones at `/answers`.
    pub answer: Option<AnswerDto>,
    /// The proposal this one grew out of (a promoted amendment).
    pub derived_from: Option<Uuid>,
    /// Publication time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<ProposalView> for ProposalDto {
    fn from(v: ProposalView) -> Self {
        let p = v.proposal;
        Self {
            id: p.id,
            reference: p.reference,
            space_id: p.space_id,
            space_slug: v.space_slug,
            state: p.state,
            current_version: p.current_version,
            title: v.current.title,
            body: v.current.body,
            current_version_kind: v.current.kind,
            content_hash: v.current.content_hash,
            authors: v
                .authors
                .into_iter()
                .map(|a| AuthorDto {
                    user_id: a.user_id,
                    nickname: a.nickname,
                    display_name: a.display_name,
                    kind: a.kind,
                })
                .collect(),
            counters: CountersDto { supports: p.supports_count, comments: p.comments_count },
            amendments: AmendmentCountsDto::from_counts(&v.amendment_counts),
            answer: v.answer.map(AnswerDto::from),
            derived_from: p.derived_from,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// The entity tag of a proposal's current representation: changes with
/// every version and every state change.
pub fn etag(view: &ProposalView) -> String {
    format!("\"{}.{}\"", view.proposal.current_version, view.proposal.updated_at.timestamp_micros())
}

/// The version number an `If-Match` tag was issued for.
fn version_from_etag(tag: &str) -> Option<i32> {
    tag.trim().trim_start_matches("W/").trim_matches('"').split('.').next()?.parse().ok()
}

fn with_etag(mut response: actix_web::HttpResponseBuilder, view: ProposalView) -> HttpResponse {
    response.insert_header((header::ETAG, etag(&view))).json(ProposalDto::from(view))
}

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ProposalListQuery {
    /// Space slug.
    pub space: Option<String>,
    /// State.
    pub state: Option<ProposalState>,
    /// Only proposals this user (id) is an author of.
    pub author: Option<Uuid>,
    /// `recent` (default), `most_supported` or `most_commented`.
    pub sort: Option<String>,
    /// Page size, 1-100.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct CursorPosition {
    k: i64,
    id: Uuid,
}

fn parse_sort(sort: Option<&str>) -> Result<ProposalSort, ApiError> {
    match sort.unwrap_or("recent") {
        "recent" => Ok(ProposalSort::Recent),
        "most_supported" => Ok(ProposalSort::MostSupported),
        "most_commented" => Ok(ProposalSort::MostCommented),
        _ => Err(ApiError::invalid_field(
            "sort",
            FieldCode::InvalidChoice,
            "use recent, most_supported or most_commented",
        )),
    }
}

/// Lists visible proposals.
#[utoipa::path(get, path = "/api/v1/proposals", tag = "proposals", params(ProposalListQuery),
    responses((status = 200, body = Page<ProposalSummaryDto>), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    query: web::Query<ProposalListQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let sort = parse_sort(query.sort.as_deref())?;
    let after = pagination::decode_cursor::<CursorPosition>(query.cursor.as_deref())?
        .map(|c| ProposalCursor { key: c.k, id: c.id });
    let rows = blocking(move || {
        let space_id = query.space.as_deref().map(|slug| state.proposals.space_id(slug)).transpose()?;
        let filter = ProposalFilter { space_id, state: query.state, author_id: query.author };
        state.proposals.list(&filter, sort, after, limit + 1)
    })
    .await?;
    let position = move |p: &ProposalRecord| CursorPosition {
        k: i64::from(match sort {
            ProposalSort::Recent => 0,
            ProposalSort::MostSupported => p.supports_count,
            ProposalSort::MostCommented => p.comments_count,
        }),
        id: p.id,
    };
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, position, ProposalSummaryDto::from)))
}

/// A new proposal.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateProposalRequest {
    /// 10-150 characters.
    pub title: String,
    /// Markdown, 15-20,000 characters.
    pub body: String,
}

/// Publishes a proposal in a space.
#[utoipa::path(post, path = "/api/v1/spaces/{slug}/proposals", tag = "proposals", params(("slug" = String, Path)),
    request_body = CreateProposalRequest, security(("bearer" = [])),
    responses((status = 201, body = ProposalDto), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/spaces/{slug}/proposals")]
pub async fn create_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: web::Json<CreateProposalRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let view = blocking(move || state.proposals.create(&user.actor(), &slug, &body.title, &body.body)).await?;
    let location = format!("/api/v1/proposals/{}", view.proposal.id);
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, location));
    Ok(with_etag(response, view))
}

/// A proposal by UUID or reference code.
#[utoipa::path(get, path = "/api/v1/proposals/{id}", tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")),
    responses((status = 200, body = ProposalDto, headers(("ETag" = String))), (status = 304), (status = 404, body = Problem)))]
#[get("/proposals/{id}")]
pub async fn get_proposal(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.proposals.get(&id, user.actor().as_ref())).await?;
    let tag = etag(&view);
    let unchanged = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v == tag);
    if unchanged {
        return Ok(HttpResponse::NotModified().insert_header((header::ETAG, tag)).finish());
    }
    Ok(with_etag(HttpResponse::Ok(), view))
}

/// An author's edit.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditProposalRequest {
    /// New title.
    pub title: String,
    /// New body.
    pub body: String,
    /// What changed, in a line.
    pub summary: Option<String>,
    /// The version the edit starts from; or send `If-Match` with the ETag.
    pub base_version: Option<i32>,
}

/// Publishes a new version (authors, while `published`).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/versions", tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code"), ("If-Match" = Option<String>, Header)),
    request_body = EditProposalRequest, security(("bearer" = [])),
    responses((status = 201, body = ProposalDto), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "`stale_version` with `current_version`, or the proposal is no longer editable"),
        (status = 422, body = Problem)))]
#[post("/proposals/{id}/versions")]
pub async fn edit_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
    body: web::Json<EditProposalRequest>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let if_match = req.headers().get(header::IF_MATCH).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let base_version = match (body.base_version, if_match.as_deref()) {
        (Some(n), _) => n,
        (None, Some(tag)) => version_from_etag(tag).ok_or_else(|| {
            ApiError::invalid_field("If-Match", FieldCode::InvalidEtag, "send the ETag of the proposal")
        })?,
        (None, None) => {
            return Err(ApiError::invalid_field(
                "base_version",
                FieldCode::Required,
                "say which version the edit is based on (base_version or If-Match)",
            ))
        }
    };
    let edit = ProposalEdit { title: body.title, body: body.body, summary: body.summary, base_version };
    let view = blocking(move || state.proposals.edit(&user.actor(), &id, &edit)).await?;
    Ok(with_etag(HttpResponse::Created(), view))
}

/// Withdraws a proposal (authors).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/withdraw", tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses((status = 200, body = ProposalDto), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/proposals/{id}/withdraw")]
pub async fn withdraw_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.proposals.withdraw(&user.actor(), &id)).await?;
    Ok(with_etag(HttpResponse::Ok(), view))
}

/// Every official answer of a proposal, newest (the one in force) first.
#[utoipa::path(get, path = "/api/v1/proposals/{id}/answers", tag = "proposals",
    params(("id" = String, Path, description = "UUID or reference code")),
    responses((status = 200, body = Vec<AnswerDto>), (status = 404, body = Problem)))]
#[get("/proposals/{id}/answers")]
pub async fn list_answers(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let answers = blocking(move || state.proposals.answers(&id, user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(answers.into_iter().map(AnswerDto::from).collect::<Vec<_>>()))
}

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_answers)
        .service(list_proposals)
        .service(create_proposal)
        .service(get_proposal)
        .service(edit_proposal)
        .service(withdraw_proposal);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_carry_the_version() {
        assert_eq!(version_from_etag("\"7.1732550000000000\""), Some(7));
        assert_eq!(version_from_etag("W/\"3.1\""), Some(3));
        assert_eq!(version_from_etag("\"abc\""), None);
    }
}

//! Comments and comment votes: threads on proposals and amendments, one
//! comment, its revisions, edits, deletion and votes.

use crate::auth::{CurrentUser, MaybeUser};
use crate::extract::{blocking, Body, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use emenda_domain::comment::{Alignment, CommentCursor, CommentOrder};
use emenda_domain::reference::ProposalKey;
use emenda_participation::comments::{CommentEdit, CommentRequest, CommentTarget};
use emenda_participation::views::{Comment, CommentRevision, VoteOutcome};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A new comment or reply.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "body": "Sono d'accordo, ma servono anche panchine.", "alignment": "in_favor" }))]
pub struct CreateCommentRequest {
    /// Markdown source: 1 to 2,000 characters once trimmed.
    #[schema(schema_with = crate::text_schema::comment_body)]
    pub body: String,
    /// Where the author stands; `neutral` when absent.
    pub alignment: Option<Alignment>,
    /// The comment replied to (same proposal or amendment; depth 3 at most).
    pub parent_id: Option<Uuid>,
}

/// An edit of one's own comment: a new body, a new alignment, or both.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditCommentRequest {
    /// New Markdown source: 1 to 2,000 characters once trimmed.
    #[schema(schema_with = crate::text_schema::comment_body)]
    pub body: Option<String>,
    /// New alignment.
    pub alignment: Option<Alignment>,
    /// The revision edited; `stale_revision` (409) if it is no longer current.
    #[schema(minimum = 1)]
    pub revision: Option<i32>,
}

/// A vote on a comment.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// 1 (up), -1 (down) or 0 (remove the vote).
    #[schema(minimum = -1, maximum = 1)]
    pub value: i64,
}

/// Thread list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct CommentListQuery {
    /// `oldest` (default), `newest`, `best` (score) or `most_discussed` (replies).
    #[param(inline)]
    pub order: Option<CommentOrder>,
    /// List the direct replies of this comment instead of the roots.
    pub parent_id: Option<Uuid>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// Revision list parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct RevisionListQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

fn create(
    state: web::Data<AppState>,
    user: CurrentUser,
    target: TargetKey,
    body: CreateCommentRequest,
) -> impl FnOnce() -> emenda_service::ServiceResult<Comment> {
    let request = CommentRequest { body: body.body, alignment: body.alignment, parent_id: body.parent_id };
    move || state.comments.create(&user.actor(), target.as_target(), &request)
}

/// A thread target as it came in the path.
enum TargetKey {
    Proposal(ProposalKey),
    Amendment(Uuid),
}

impl TargetKey {
    fn as_target(&self) -> CommentTarget<'_> {
        match self {
            TargetKey::Proposal(key) => CommentTarget::Proposal(key),
            TargetKey::Amendment(id) => CommentTarget::Amendment(*id),
        }
    }

    fn scope(&self, query: &CommentListQuery, order: CommentOrder) -> CursorScope {
        let scope = match self {
            TargetKey::Proposal(key) => CursorScope::new("proposal_comments").with("proposal", &key.to_string()),
            TargetKey::Amendment(id) => CursorScope::new("amendment_comments").with("amendment", id),
        };
        scope.with("order", &order).with("parent_id", &query.parent_id)
    }
}

async fn list(
    state: web::Data<AppState>,
    user: MaybeUser,
    target: TargetKey,
    query: CommentListQuery,
) -> ApiResult<HttpResponse> {
    let limit = pagination::limit(query.limit)?;
    let order = query.order.unwrap_or(CommentOrder::Oldest);
    let scope = target.scope(&query, order);
    let after: Option<CommentCursor> = scope.decode(query.cursor.as_deref())?;
    let parent_id = query.parent_id;
    let rows = blocking(move || {
        state.comments.list(target.as_target(), user.actor().as_ref(), order, parent_id, after, limit + 1)
    })
    .await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |c| c.cursor(order))))
}

/// Comments on a proposal (or replies to one of them).
#[utoipa::path(tag = "comments",
    params(("id" = String, Path, description = "UUID or reference code")), request_body = CreateCommentRequest,
    security(("bearer" = [])),
    responses((status = 201, description = "The comment.", body = Comment),
        (status = 403, description = "The space takes no comments (`comments_closed`), or the account is blocked."),
        (status = 409, description = "The proposal was withdrawn (`proposal_withdrawn`), or the parent was deleted or hidden (`comment_deleted`, `comment_hidden`).")))]
#[post("/proposals/{id}/comments")]
pub async fn create_proposal_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
    body: Body<CreateCommentRequest>,
) -> ApiResult<HttpResponse> {
    let work = create(state, user, TargetKey::Proposal(id.0), body.into_inner());
    Ok(HttpResponse::Created().json(blocking(work).await?))
}

/// A page of a proposal's comments: roots, or the direct replies of `parent_id`.
#[utoipa::path(tag = "comments",
    params(("id" = String, Path, description = "UUID or reference code"), CommentListQuery),
    responses((status = 200, description = "A page of comments.", body = Page<Comment>)))]
#[get("/proposals/{id}/comments")]
pub async fn list_proposal_comments(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<CommentListQuery>,
) -> ApiResult<HttpResponse> {
    list(state, user, TargetKey::Proposal(id.0), query.into_inner()).await
}

/// Comments on an amendment (or replies to one of them).
#[utoipa::path(tag = "comments",
    params(("id" = Uuid, Path)), request_body = CreateCommentRequest, security(("bearer" = [])),
    responses((status = 201, description = "The comment.", body = Comment),
        (status = 403, description = "The space takes no comments (`comments_closed`), or the account is blocked."),
        (status = 409, description = "The proposal was withdrawn (`proposal_withdrawn`), or the parent was deleted or hidden (`comment_deleted`, `comment_hidden`).")))]
#[post("/amendments/{id}/comments")]
pub async fn create_amendment_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<CreateCommentRequest>,
) -> ApiResult<HttpResponse> {
    let work = create(state, user, TargetKey::Amendment(id.into_inner()), body.into_inner());
    Ok(HttpResponse::Created().json(blocking(work).await?))
}

/// A page of an amendment's comments (as the amendment's visibility allows).
#[utoipa::path(tag = "comments",
    params(("id" = Uuid, Path), CommentListQuery),
    responses((status = 200, description = "A page of comments.", body = Page<Comment>)))]
#[get("/amendments/{id}/comments")]
pub async fn list_amendment_comments(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<Uuid>,
    query: Query<CommentListQuery>,
) -> ApiResult<HttpResponse> {
    list(state, user, TargetKey::Amendment(id.into_inner()), query.into_inner()).await
}

/// One comment.
#[utoipa::path(tag = "comments", params(("id" = Uuid, Path)),
    responses((status = 200, description = "The comment (a placeholder if deleted or hidden).", body = Comment)))]
#[get("/comments/{id}")]
pub async fn get_comment(state: web::Data<AppState>, user: MaybeUser, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.comments.get(id.into_inner(), user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Its author edits a comment; every revision is kept.
#[utoipa::path(tag = "comments", params(("id" = Uuid, Path)),
    request_body = EditCommentRequest, security(("bearer" = [])),
    responses((status = 200, description = "The comment at its new revision.", body = Comment),
        (status = 403, description = "Not its author (`not_comment_author`), or comments closed (`comments_closed`)."),
        (status = 409, description = "Deleted, hidden or edited meanwhile (`comment_deleted`, `comment_hidden`, `stale_revision`).")))]
#[patch("/comments/{id}")]
pub async fn edit_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<EditCommentRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let edit = CommentEdit { body: body.body, alignment: body.alignment, revision: body.revision };
    let view = blocking(move || state.comments.edit(&user.actor(), id.into_inner(), &edit)).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Its author deletes a comment; a placeholder stays in the thread.
#[utoipa::path(tag = "comments", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 200, description = "The placeholder.", body = Comment),
        (status = 403, description = "Not its author (`not_comment_author`); staff hide comments instead."),
        (status = 409, description = "Already deleted (`comment_deleted`).")))]
#[delete("/comments/{id}")]
pub async fn delete_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let view = blocking(move || state.comments.delete(&user.actor(), id.into_inner())).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// A comment's revisions, oldest first (a deleted or hidden comment's only
/// for staff of its space).
#[utoipa::path(tag = "comments",
    params(("id" = Uuid, Path), RevisionListQuery),
    responses((status = 200, description = "A page of revisions.", body = Page<CommentRevision>)))]
#[get("/comments/{id}/revisions")]
pub async fn list_comment_revisions(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: web::Path<Uuid>,
    query: Query<RevisionListQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let id = id.into_inner();
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("comment_revisions").with("comment", &id);
    let after: Option<i32> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || state.comments.revisions(id, user.actor().as_ref(), after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |r| r.revision)))
}

/// Votes a comment up (1) or down (-1), or removes the vote (0); not one's own.
#[utoipa::path(tag = "comments", params(("id" = Uuid, Path)),
    request_body = VoteRequest, security(("bearer" = [])),
    responses((status = 200, description = "The comment's votes and the caller's vote.", body = VoteOutcome),
        (status = 403, description = "One's own comment (`own_comment`), or comments closed (`comments_closed`)."),
        (status = 409, description = "Deleted or hidden (`comment_deleted`, `comment_hidden`).")))]
#[put("/comments/{id}/vote")]
pub async fn vote_comment(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<VoteRequest>,
) -> ApiResult<HttpResponse> {
    let value = body.into_inner().value;
    let votes = blocking(move || state.comments.vote(&user.actor(), id.into_inner(), value)).await?;
    Ok(HttpResponse::Ok().json(votes))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_proposal_comment)
        .service(list_proposal_comments)
        .service(create_amendment_comment)
        .service(list_amendment_comments)
        .service(get_comment)
        .service(edit_comment)
        .service(delete_comment)
        .service(list_comment_revisions)
        .service(vote_comment);
}

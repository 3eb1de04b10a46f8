//! Account moderation (admins): verify an identity, block with a public
//! justification, unblock.

use crate::auth::CurrentUser;
use crate::dto::users::{AccountDto, AccountStandingDto};
use crate::extract::{blocking, Body, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// User search parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct UserSearchQuery {
    /// Start of a nickname or e-mail, or part of a display name; any case,
    /// up to 100 characters. Blank or absent lists everyone.
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// Finds accounts by nickname, e-mail or name, in nickname order (admins).
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "moderation", params(UserSearchQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "A page of matching accounts, by nickname.", body = Page<AccountDto>),
        (status = 403, description = "Only administrators may do this (`admin_only`)."),
        (status = 422, description = "`q` is too long or holds control characters (`validation_failed`, field `q`).")))]
#[get("/moderation/users")]
pub async fn search_users(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<UserSearchQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let limit = pagination::limit(query.limit)?;
    let q = query.q.unwrap_or_default();
    let scope = CursorScope::new("user_search").with("q", &q);
    let after: Option<String> = scope.decode(query.cursor.as_deref())?;
    let found = blocking(move || state.user_moderation.search(&user.actor(), &q, after.as_deref(), limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(found, limit, &scope, |u| u.nickname.clone()).map(AccountDto::from)))
}

/// Why a user is blocked; shown publicly in the audit log.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockRequest {
    /// Public justification: 1 to 20,000 characters.
    #[schema(schema_with = crate::text_schema::staff_text)]
    pub justification: String,
    /// Also hide every proposal, amendment and comment of the user that is
    /// visible now (unblocking shows exactly those again). Default false.
    #[serde(default)]
    pub hide_content: bool,
}

/// Verifies a user's identity (idempotent).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 200, description = "The user's standing now.", body = AccountStandingDto),
        (status = 403, description = "Only administrators may do this (`admin_only`).")))]
#[post("/moderation/users/{id}/verify")]
pub async fn verify_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let record = blocking(move || state.user_moderation.verify(&user.actor(), id)).await?;
    Ok(HttpResponse::Ok().json(AccountStandingDto::from(&record)))
}

/// Blocks a user: their sessions end at once (idempotent).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    request_body = BlockRequest, security(("bearer" = [])),
    responses((status = 200, description = "The user's standing now.", body = AccountStandingDto),
        (status = 403, description = "Only administrators may do this (`admin_only`)."),
        (status = 409, description = "An admin cannot block themselves or the last admin (`cannot_block_self`, `last_admin`).")))]
#[post("/moderation/users/{id}/block")]
pub async fn block_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<BlockRequest>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let body = body.into_inner();
    let record =
        blocking(move || state.user_moderation.block_with(&user.actor(), id, &body.justification, body.hide_content))
            .await?;
    Ok(HttpResponse::Ok().json(AccountStandingDto::from(&record)))
}

/// Lifts a block (idempotent).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    security(("bearer" = [])),
    responses((status = 200, description = "The user's standing now.", body = AccountStandingDto),
        (status = 403, description = "Only administrators may do this (`admin_only`).")))]
#[post("/moderation/users/{id}/unblock")]
pub async fn unblock_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let record = blocking(move || state.user_moderation.unblock(&user.actor(), id)).await?;
    Ok(HttpResponse::Ok().json(AccountStandingDto::from(&record)))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(search_users).service(verify_user).service(block_user).service(unblock_user);
}

//! Account moderation (admins): verify an identity, block with a public
//! justification, unblock.

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body};
use crate::problem::ApiResult;
use crate::routes::auth::UserDto;
use crate::state::AppState;
use actix_web::{post, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_service::views::User;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A user's standing, as admins see it after a change.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountStandingDto {
    /// The public part of the user.
    #[serde(flatten)]
    pub user: UserDto,
    /// When the identity was verified.
    pub verified_at: Option<DateTime<Utc>>,
    /// Whether the account is blocked now.
    pub blocked: bool,
    /// Since when.
    pub blocked_at: Option<DateTime<Utc>>,
}

impl From<&User> for AccountStandingDto {
    fn from(user: &User) -> Self {
        Self {
            user: UserDto::from(user),
            verified_at: user.verified_at,
            blocked: user.blocked_at.is_some(),
            blocked_at: user.blocked_at,
        }
    }
}

/// Why a user is blocked; shown publicly in the audit log.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockRequest {
    /// Public justification: 1 to 20,000 characters.
    #[schema(
        min_length = 1,
        max_length = 20000,
        pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
    )]
    pub justification: String,
    /// Also hide every proposal, amendment and comment of the user that is
    /// visible now (unblocking shows exactly those again). Default false.
    #[serde(default)]
    pub hide_content: bool,
}

/// Verifies a user's identity (idempotent).
#[utoipa::path(post, path = "/api/v1/moderation/users/{id}/verify", tag = "moderation", params(("id" = Uuid, Path)),
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
#[utoipa::path(post, path = "/api/v1/moderation/users/{id}/block", tag = "moderation", params(("id" = Uuid, Path)),
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
#[utoipa::path(post, path = "/api/v1/moderation/users/{id}/unblock", tag = "moderation", params(("id" = Uuid, Path)),
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
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(verify_user).service(block_user).service(unblock_user);
}

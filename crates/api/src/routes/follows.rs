//! Follows: the caller follows a proposal (PUT), stops (DELETE), or asks
//! whether they do (GET). Private to the caller; idempotent.

use crate::auth::CurrentUser;
use crate::extract::{blocking, ProposalPath};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{delete, get, put, web, HttpResponse};
use emenda_participation::views::FollowState;
use utoipa_actix_web::service_config::ServiceConfig;

/// Whether the caller follows the proposal, and how many people do.
#[utoipa::path(tag = "follows",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's follow and the follower count.", body = FollowState),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`).")))]
#[get("/proposals/{id}/follow")]
pub async fn get_follow(state: web::Data<AppState>, user: CurrentUser, id: ProposalPath) -> ApiResult<HttpResponse> {
    let follow = blocking(move || state.follows.get(&user.actor(), &id)).await?;
    Ok(HttpResponse::Ok().json(follow))
}

/// Follows the proposal. Idempotent: following it again changes nothing.
#[utoipa::path(tag = "follows",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller follows it.", body = FollowState),
        (status = 403, description = "The account is blocked (`account_blocked`)."),
        (status = 404, description = "No such proposal, or one the caller may not see (`not_found`).")))]
#[put("/proposals/{id}/follow")]
pub async fn follow_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
) -> ApiResult<HttpResponse> {
    let follow = blocking(move || state.follows.follow(&user.actor(), &id)).await?;
    Ok(HttpResponse::Ok().json(follow))
}

/// Stops following the proposal. Idempotent: not following it is not an
/// error; a proposal hidden since it was followed can still be unfollowed.
#[utoipa::path(tag = "follows",
    params(("id" = String, Path, description = "UUID or reference code")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller does not follow it (any more).", body = FollowState),
        (status = 403, description = "The account is blocked (`account_blocked`)."),
        (status = 404, description = "No such proposal, or one the caller may not see and does not follow (`not_found`).")))]
#[delete("/proposals/{id}/follow")]
pub async fn unfollow_proposal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: ProposalPath,
) -> ApiResult<HttpResponse> {
    let follow = blocking(move || state.follows.unfollow(&user.actor(), &id)).await?;
    Ok(HttpResponse::Ok().json(follow))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_follow).service(follow_proposal).service(unfollow_proposal);
}

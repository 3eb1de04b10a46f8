//! Granting and revoking staff and admin roles (admins).

use crate::auth::CurrentUser;
use crate::extract::blocking;
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{delete, put, web, HttpResponse};
use emenda_domain::policy::Role;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A role, everywhere or in one space.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    /// `staff` or `admin`.
    pub role: Role,
    /// Slug of the space; omitted for everywhere.
    pub space: Option<String>,
}

async fn change(
    state: web::Data<AppState>,
    user: CurrentUser,
    user_id: Uuid,
    body: RoleRequest,
    grant: bool,
) -> ApiResult<HttpResponse> {
    let roles = blocking(move || {
        let space = body.space.as_deref();
        if grant {
            state.roles.grant(&user.actor(), user_id, body.role, space)
        } else {
            state.roles.revoke(&user.actor(), user_id, body.role, space)
        }
    })
    .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "user_id": user_id, "roles": roles })))
}

/// Grants a role (idempotent).
#[utoipa::path(put, path = "/api/v1/moderation/users/{id}/roles", tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RoleRequest, security(("bearer" = [])),
    responses((status = 200, description = "the user's roles now"), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[put("/moderation/users/{id}/roles")]
pub async fn grant_role(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RoleRequest>,
) -> ApiResult<HttpResponse> {
    change(state, user, id.into_inner(), body.into_inner(), true).await
}

/// Revokes a role (idempotent).
#[utoipa::path(delete, path = "/api/v1/moderation/users/{id}/roles", tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RoleRequest, security(("bearer" = [])),
    responses((status = 200, description = "the user's roles now"), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/moderation/users/{id}/roles")]
pub async fn revoke_role(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RoleRequest>,
) -> ApiResult<HttpResponse> {
    change(state, user, id.into_inner(), body.into_inner(), false).await
}

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(grant_role).service(revoke_role);
}

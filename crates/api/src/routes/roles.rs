//! Granting and revoking staff and admin roles (admins).

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{delete, put, web, HttpResponse};
use emenda_domain::policy::Role;
use emenda_staff::views::UserRoles;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A role, everywhere or in one space.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    /// `staff` or `admin`.
    pub role: Role,
    /// Slug of the space; omitted for every space.
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
    Ok(HttpResponse::Ok().json(roles))
}

/// Grants a role (idempotent).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RoleRequest, security(("bearer" = [])),
    responses((status = 200, description = "The user's roles now.", body = UserRoles),
        (status = 403, description = "Only administrators may do this (`admin_only`)."),
        (status = 409, description = "An admin cannot remove their own admin role, nor the last admin's (`cannot_revoke_self`, `last_admin`).")))]
#[put("/moderation/users/{id}/roles")]
pub async fn grant_role(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<RoleRequest>,
) -> ApiResult<HttpResponse> {
    change(state, user, id.into_inner(), body.into_inner(), true).await
}

/// Revokes a role (idempotent).
#[utoipa::path(tag = "moderation", params(("id" = Uuid, Path)),
    request_body = RoleRequest, security(("bearer" = [])),
    responses((status = 200, description = "The user's roles now.", body = UserRoles),
        (status = 403, description = "Only administrators may do this (`admin_only`)."),
        (status = 409, description = "An admin cannot remove their own admin role, nor the last admin's (`cannot_revoke_self`, `last_admin`).")))]
#[delete("/moderation/users/{id}/roles")]
pub async fn revoke_role(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: Body<RoleRequest>,
) -> ApiResult<HttpResponse> {
    change(state, user, id.into_inner(), body.into_inner(), false).await
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(grant_role).service(revoke_role);
}

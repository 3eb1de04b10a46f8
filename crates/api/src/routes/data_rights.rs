//! What the GDPR gives every person over their data: a copy of all of it,
//! and deleting the account, with a grace period they may cancel in
//! (docs/domain.md, Data rights).

use crate::auth::CurrentUser;
use crate::extract::Query;
use crate::extract::{blocking, Body};
use crate::problem::ApiResult;
use crate::rate_limit::ClientAddress;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{delete, get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_accounts::export::Export;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A deletion, proven by the password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccountRequest {
    /// The account's password.
    pub password: String,
}

/// Where a deletion stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeletionDto {
    /// `scheduled` (the grace period runs; sign in and cancel before
    /// `deletion_due_at` to keep the account) or `deleted` (the site keeps
    /// no grace period: the account is erased already).
    pub state: String,
    /// When the account is, or was, erased.
    pub deletion_due_at: DateTime<Utc>,
}

/// Deletes the caller's account after the site's grace period
/// (`EMENDA_ACCOUNT_DELETION_GRACE`, 7 days unless the site says
/// otherwise; `0` erases it at once). Every session closes now; a letter
/// says when. Personal data are erased, supports on open proposals
/// withdrawn; what the person published stays, as "Partecipante eliminato".
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", request_body = DeleteAccountRequest,
    security(("bearer" = [])),
    responses((status = 202, description = "Scheduled: erased at `deletion_due_at` unless cancelled.", body = DeletionDto),
        (status = 200, description = "Erased now (no grace period).", body = DeletionDto),
        (status = 409, description = "The last administrator cannot leave (`last_admin`)."),
        (status = 429, description = "Too many wrong passwords (`too_many_attempts`, with `Retry-After`)."),
        (status = 422, description = "The password is wrong (field `password`, `mismatch`).")))]
#[delete("/me")]
pub async fn delete_account(
    state: web::Data<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    body: Body<DeleteAccountRequest>,
) -> ApiResult<HttpResponse> {
    let password = body.into_inner().password;
    let user_id = user.0.user.id;
    let request = {
        let state = state.clone();
        blocking(move || state.accounts.request_deletion(user_id, &password, address.0)).await?
    };
    if request.immediate {
        // The request is committed: if the erasure cannot finish now, the
        // data-rights thread finishes it, and the answer says it is due.
        match blocking(move || state.erasure.erase_if_due(user_id)).await {
            Ok(Some(_)) => {
                return Ok(
                    HttpResponse::Ok().json(DeletionDto { state: "deleted".into(), deletion_due_at: request.due_at })
                )
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%user_id, error = ?error, "an immediate erasure is left to the background"),
        }
    }
    Ok(HttpResponse::Accepted().json(DeletionDto { state: "scheduled".into(), deletion_due_at: request.due_at }))
}

/// Cancels the caller's pending deletion: the account stays, and may
/// write again. Cancelling when nothing is pending changes nothing.
#[utoipa::path(tag = "auth", security(("bearer" = [])),
    responses((status = 204, description = "No deletion pending any more (`GET /me` shows it).")))]
#[delete("/me/deletion")]
pub async fn cancel_deletion(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    let user_id = user.0.user.id;
    blocking(move || state.accounts.cancel_deletion(user_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Asks for a copy of everything the platform keeps about the caller: a
/// ZIP (JSON and CSV) built in the background, offered by e-mail where
/// the site sends it, and at `GET /me/exports/{id}/archive`, for 7 days.
/// Asking again within 24 hours answers the same export.
#[utoipa::path(tag = "auth", security(("bearer" = [])),
    responses((status = 202, description = "Asked for (or asked for already today).", body = Export)))]
#[post("/me/export")]
pub async fn request_export(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    let user_id = user.0.user.id;
    let export = blocking(move || state.accounts.request_export(user_id)).await?;
    Ok(HttpResponse::Accepted().json(export))
}

/// The caller's copies of their data, newest first.
#[utoipa::path(tag = "auth", security(("bearer" = [])),
    responses((status = 200, description = "The exports.", body = Vec<Export>)))]
#[get("/me/exports")]
pub async fn list_exports(state: web::Data<AppState>, user: CurrentUser) -> ApiResult<HttpResponse> {
    let user_id = user.0.user.id;
    let found = blocking(move || state.accounts.exports(user_id)).await?;
    Ok(HttpResponse::Ok().json(found))
}

/// The archive, never kept by a cache.
fn zip_answer(export: &Export, bytes: Vec<u8>) -> HttpResponse {
    let name = format!("dati-{}.zip", export.requested_at.format("%Y-%m-%d"));
    HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("Referrer-Policy", "no-referrer"))
        .body(bytes)
}

/// The archive of the caller's export, while it is kept.
#[utoipa::path(tag = "auth", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The export's id")),
    responses((status = 200, description = "The ZIP.", content_type = "application/zip", body = Vec<u8>),
        (status = 404, description = "No such export of the caller's, not built yet, or expired (`not_found`).")))]
#[get("/me/exports/{id}/archive")]
pub async fn own_archive(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (user_id, id) = (user.0.user.id, id.into_inner());
    let (export, bytes) = blocking(move || state.accounts.export_archive(user_id, id)).await?;
    Ok(zip_answer(&export, bytes))
}

/// The token of a letter's download link.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ArchiveQuery {
    /// The `token` of the link in the letter.
    pub token: String,
}

/// The archive a letter's link names, without signing in (the letter is
/// the proof), while it is kept.
#[utoipa::path(extensions(("x-rate-limit" = json!("auth"))), tag = "auth", params(ArchiveQuery),
    responses((status = 200, description = "The ZIP.", content_type = "application/zip", body = Vec<u8>),
        (status = 404, description = "The link is unknown or expired (`not_found`).")))]
#[get("/exports/archive")]
pub async fn archive_by_link(state: web::Data<AppState>, query: Query<ArchiveQuery>) -> ApiResult<HttpResponse> {
    let token = query.into_inner().token;
    let (export, bytes) = blocking(move || state.accounts.export_archive_by_token(&token)).await?;
    Ok(zip_answer(&export, bytes))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(delete_account)
        .service(cancel_deletion)
        .service(request_export)
        .service(list_exports)
        .service(own_archive)
        .service(archive_by_link);
}

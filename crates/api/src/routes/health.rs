//! Probes for operators and orchestrators.

use crate::extract::blocking;
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};

/// Liveness: the process answers.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process answers.")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// Readiness: the database answers.
#[utoipa::path(tag = "operations",
    responses((status = 200, description = "The database answers.")))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let database = state.database.clone();
    blocking(move || database.ping()).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "ready" })))
}

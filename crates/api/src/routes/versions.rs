//! A proposal's history: versions, diffs and chain verification.

use crate::auth::MaybeUser;
use crate::extract::{blocking, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use emenda_domain::diff::Granularity;
use emenda_domain::history::ChainReport;
use emenda_domain::FieldCode;
use emenda_participation::views::{Version, VersionDiff, VersionSummary};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VersionListQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// Versions, oldest first.
#[utoipa::path(tag = "history",
    params(("id" = String, Path, description = "UUID or reference code"), VersionListQuery),
    responses((status = 200, description = "A page of versions, oldest first.", body = Page<VersionSummary>)))]
#[get("/proposals/{id}/versions")]
pub async fn list_versions(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<VersionListQuery>,
) -> ApiResult<HttpResponse> {
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("versions").with("proposal", &id.to_string());
    let after: i32 = scope.decode(query.cursor.as_deref())?.unwrap_or(0);
    let rows = blocking(move || state.history.list(&id, user.actor().as_ref(), after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |v| v.number)))
}

/// A version number from the path: a whole number from 1 to 2³¹−1, else
/// 422 naming `n` (`malformed` or `out_of_range`), as the same number in a
/// query string or a body is refused; a well-formed number that is not a
/// version of the proposal is 404.
fn version_number(raw: &str) -> ApiResult<i32> {
    let malformed = || ApiError::invalid_field("n", FieldCode::Malformed, "must be a whole number");
    let out_of_range =
        || ApiError::invalid_field("n", FieldCode::OutOfRange, format!("must be between 1 and {}", i32::MAX));
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed());
    }
    match raw.parse::<i32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(out_of_range()),
    }
}

/// One version with its text.
#[utoipa::path(tag = "history",
    params(("id" = String, Path, description = "UUID or reference code"), ("n" = i32, Path, minimum = 1, description = "Version number, from 1")),
    responses((status = 200, description = "The version with its text.", body = Version)))]
#[get("/proposals/{id}/versions/{n}")]
pub async fn get_version(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let number = version_number(&path.1)?;
    let version = blocking(move || state.history.get(&id, user.actor().as_ref(), number)).await?;
    Ok(HttpResponse::Ok().json(version))
}

/// Diff parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct DiffQuery {
    /// Older version (default: the one before `to`).
    #[param(minimum = 1)]
    pub from: Option<i32>,
    /// Newer version (default: the current one).
    #[param(minimum = 1)]
    pub to: Option<i32>,
    /// Unit compared: `word` (default) or `line`.
    #[param(inline)]
    pub granularity: Option<Granularity>,
}

/// Compares two versions.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "history",
    params(("id" = String, Path, description = "UUID or reference code"), DiffQuery),
    responses((status = 200, description = "The difference between the two versions.", body = VersionDiff)))]
#[get("/proposals/{id}/diff")]
pub async fn diff_versions(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    query: Query<DiffQuery>,
) -> ApiResult<HttpResponse> {
    let query = query.into_inner();
    let granularity = query.granularity.unwrap_or(Granularity::Word);
    let diff =
        blocking(move || state.history.diff(&id, user.actor().as_ref(), query.from, query.to, granularity)).await?;
    Ok(HttpResponse::Ok().json(diff))
}

/// Re-verifies the hash chain of every version.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "history",
    params(("id" = String, Path, description = "UUID or reference code")),
    responses((status = 200, description = "The result of the check.", body = ChainReport)))]
#[get("/proposals/{id}/history/verify")]
pub async fn verify_history(state: web::Data<AppState>, user: MaybeUser, id: ProposalPath) -> ApiResult<HttpResponse> {
    let report = blocking(move || state.history.verify(&id, user.actor().as_ref())).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_versions).service(get_version).service(diff_versions).service(verify_history);
}

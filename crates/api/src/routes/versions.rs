//! A proposal's history: versions, diffs and chain verification.

use crate::auth::MaybeUser;
use crate::extract::{blocking, ProposalPath, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::diff::{Granularity, TextDiff};
use emenda_domain::history::ChainReport;
use emenda_domain::proposal::VersionKind;
use emenda_domain::FieldCode;
use emenda_service::views::Version;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A version without its text.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionSummaryDto {
    /// 1..n.
    pub number: i32,
    /// Who wrote it.
    pub editor_id: Uuid,
    /// Their nickname.
    pub editor_nickname: String,
    /// How it came to be.
    pub kind: VersionKind,
    /// The amendment it came from.
    pub amendment_id: Option<Uuid>,
    /// Staff member who accepted that amendment.
    pub accepted_by: Option<Uuid>,
    /// Edit summary.
    pub summary: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// SHA-256 of the canonical encoding.
    pub content_hash: String,
    /// The previous version's hash.
    pub previous_hash: Option<String>,
}

/// A version with its full text.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionDto {
    /// Metadata.
    #[serde(flatten)]
    pub meta: VersionSummaryDto,
    /// Title.
    pub title: String,
    /// Body (Markdown).
    pub body: String,
}

/// The metadata of a version.
pub fn version_summary(v: &Version) -> VersionSummaryDto {
    VersionSummaryDto {
        number: v.number,
        editor_id: v.editor_id,
        editor_nickname: v.editor_nickname.clone(),
        kind: v.kind,
        amendment_id: v.amendment_id,
        accepted_by: v.accepted_by,
        summary: v.summary.clone(),
        created_at: v.created_at,
        content_hash: v.content_hash.clone(),
        previous_hash: v.previous_hash.clone(),
    }
}

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct VersionListQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

/// Versions, oldest first.
#[utoipa::path(tag = "history",
    params(("id" = String, Path, description = "UUID or reference code"), VersionListQuery),
    responses((status = 200, description = "A page of versions, oldest first.", body = Page<VersionSummaryDto>)))]
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
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |v| v.number, |v| version_summary(&v))))
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
    responses((status = 200, description = "The version with its text.", body = VersionDto)))]
#[get("/proposals/{id}/versions/{n}")]
pub async fn get_version(
    state: web::Data<AppState>,
    user: MaybeUser,
    id: ProposalPath,
    path: web::Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let number = version_number(&path.1)?;
    let v = blocking(move || state.history.get(&id, user.actor().as_ref(), number)).await?;
    Ok(HttpResponse::Ok().json(VersionDto { meta: version_summary(&v), title: v.title, body: v.body }))
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

/// The difference between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffDto {
    /// Older version.
    pub from: i32,
    /// Newer version.
    pub to: i32,
    /// Unit compared.
    pub granularity: Granularity,
    /// Title difference.
    pub title: TextDiff,
    /// Body difference.
    pub body: TextDiff,
}

/// Compares two versions.
#[utoipa::path(extensions(("x-rate-limit" = json!("expensive"))), tag = "history",
    params(("id" = String, Path, description = "UUID or reference code"), DiffQuery),
    responses((status = 200, description = "The difference between the two versions.", body = DiffDto)))]
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
    Ok(HttpResponse::Ok().json(DiffDto {
        from: diff.from,
        to: diff.to,
        granularity,
        title: diff.title,
        body: diff.body,
    }))
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

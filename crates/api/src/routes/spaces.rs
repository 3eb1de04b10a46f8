//! Spaces: anyone reads them; admins create and configure them.

use crate::auth::CurrentUser;
use crate::extract::blocking;
use crate::pagination::{self, CursorScope, Page};
use crate::problem::{ApiResult, Problem};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use emenda_domain::space::{SettingsPatch, SpaceSettings};
use emenda_proposals::spaces::{NewSpace, SpaceChange};
use emenda_service::views::Space;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A space.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpaceDto {
    /// Id.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Markdown description.
    pub description: String,
    /// Settings.
    pub settings: SpaceSettings,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<Space> for SpaceDto {
    fn from(s: Space) -> Self {
        Self {
            id: s.id,
            slug: s.slug,
            title: s.title,
            description: s.description,
            settings: s.settings,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// A new space.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSpaceRequest {
    /// URL name: 3-60 of a-z, 0-9 and single hyphens.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Markdown description.
    #[serde(default)]
    pub description: String,
    /// Settings; omitted ones take their defaults.
    #[serde(default)]
    pub settings: SpaceSettings,
}

/// Changes to a space; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSpaceRequest {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// Settings to change.
    pub settings: Option<SettingsPatch>,
}

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// Page size, 1-100.
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Lists spaces, oldest first.
#[utoipa::path(get, path = "/api/v1/spaces", tag = "spaces", params(ListQuery),
    responses((status = 200, body = Page<SpaceDto>), (status = 422, body = Problem)))]
#[get("/spaces")]
pub async fn list_spaces(state: web::Data<AppState>, query: web::Query<ListQuery>) -> ApiResult<HttpResponse> {
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("spaces");
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || state.spaces.list(after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |s| s.id, SpaceDto::from)))
}

/// Creates a space (admins).
#[utoipa::path(post, path = "/api/v1/spaces", tag = "spaces", request_body = CreateSpaceRequest, security(("bearer" = [])),
    responses((status = 201, body = SpaceDto), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/spaces")]
pub async fn create_space(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<CreateSpaceRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let input = NewSpace { slug: body.slug, title: body.title, description: body.description, settings: body.settings };
    let space = blocking(move || state.spaces.create(&user.actor(), &input)).await?;
    Ok(HttpResponse::Created().json(SpaceDto::from(space)))
}

/// One space with its settings.
#[utoipa::path(get, path = "/api/v1/spaces/{slug}", tag = "spaces", params(("slug" = String, Path)),
    responses((status = 200, body = SpaceDto), (status = 404, body = Problem)))]
#[get("/spaces/{slug}")]
pub async fn get_space(state: web::Data<AppState>, slug: web::Path<String>) -> ApiResult<HttpResponse> {
    let space = blocking(move || state.spaces.get(&slug)).await?;
    Ok(HttpResponse::Ok().json(SpaceDto::from(space)))
}

/// Changes a space's texts or settings (admins).
#[utoipa::path(patch, path = "/api/v1/spaces/{slug}", tag = "spaces", params(("slug" = String, Path)),
    request_body = UpdateSpaceRequest, security(("bearer" = [])),
    responses((status = 200, body = SpaceDto), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[patch("/spaces/{slug}")]
pub async fn update_space(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: web::Json<UpdateSpaceRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let change = SpaceChange { title: body.title, description: body.description, settings: body.settings };
    let space = blocking(move || state.spaces.update(&user.actor(), &slug, &change)).await?;
    Ok(HttpResponse::Ok().json(SpaceDto::from(space)))
}

/// Registers the routes.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_spaces).service(create_space).service(get_space).service(update_space);
}

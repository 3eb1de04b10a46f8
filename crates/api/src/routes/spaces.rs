//! Spaces: anyone reads them; admins create and configure them.

use crate::auth::CurrentUser;
use crate::extract::{blocking, Body, Query};
use crate::pagination::{self, CursorScope, Page};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use emenda_domain::space::{Phase, SettingsPatch, SpaceSettings};
use emenda_domain::topics::Topic;
use emenda_participation::spaces::{NewSpace, SpaceChange};
use emenda_participation::views::Space;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

/// A new space.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "slug": "bilancio-2027",
    "title": "Bilancio partecipativo 2027",
    "description": "Come spendere 500.000 euro nei quartieri.",
    "settings": { "amendments_enabled": true }
}))]
pub struct CreateSpaceRequest {
    /// URL name: 3 to 60 of `a-z`, `0-9` and single hyphens inside.
    #[schema(schema_with = crate::text_schema::slug)]
    pub slug: String,
    /// Title: 3 to 150 characters once trimmed, one line.
    #[schema(schema_with = crate::text_schema::space_title)]
    pub title: String,
    /// Markdown description, up to 20,000 characters.
    #[serde(default)]
    #[schema(schema_with = crate::text_schema::description)]
    pub description: String,
    /// Settings; omitted ones take their defaults.
    #[serde(default)]
    pub settings: SpaceSettings,
}

/// Changes to a space; omitted fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSpaceRequest {
    /// New title: 3 to 150 characters once trimmed, one line.
    #[schema(schema_with = crate::text_schema::optional_space_title)]
    pub title: Option<String>,
    /// New Markdown description, up to 20,000 characters.
    #[schema(schema_with = crate::text_schema::optional_description)]
    pub description: Option<String>,
    /// Settings to change.
    pub settings: Option<SettingsPatch>,
    /// The process's phases, in order: the whole new list (an empty one
    /// removes them). Each starts after the one before has ended; only the
    /// last may be open-ended.
    pub phases: Option<Vec<Phase>>,
    /// What the space's proposals may be about: the whole new list, in
    /// order (at most 40). Staff of the space may change this and `areas`
    /// alone; a category leaves only when no proposal is filed under it
    /// (409 `topic_in_use`).
    pub categories: Option<Vec<Topic>>,
    /// Where its proposals may apply (districts, villages…): the whole new
    /// list, in order, as `categories`.
    pub areas: Option<Vec<Topic>>,
}

/// List parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page, unchanged.
    #[param(schema_with = crate::pagination::cursor_schema)]
    pub cursor: Option<String>,
}

/// Lists spaces, oldest first.
#[utoipa::path(tag = "spaces", params(ListQuery),
    responses((status = 200, description = "A page of spaces.", body = Page<Space>)))]
#[get("/spaces")]
pub async fn list_spaces(state: web::Data<AppState>, query: Query<ListQuery>) -> ApiResult<HttpResponse> {
    let limit = pagination::limit(query.limit)?;
    let scope = CursorScope::new("spaces");
    let after: Option<Uuid> = scope.decode(query.cursor.as_deref())?;
    let rows = blocking(move || state.spaces.list(after, limit + 1)).await?;
    Ok(HttpResponse::Ok().json(pagination::page(rows, limit, &scope, |s| s.id)))
}

/// Creates a space (admins).
#[utoipa::path(tag = "spaces", request_body = CreateSpaceRequest, security(("bearer" = [])),
    responses((status = 201, description = "The new space.", body = Space),
        (status = 403, description = "Only administrators may create spaces (`admin_only`)."),
        (status = 409, description = "The slug is taken (`slug_taken`).")))]
#[post("/spaces")]
pub async fn create_space(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Body<CreateSpaceRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let input = NewSpace { slug: body.slug, title: body.title, description: body.description, settings: body.settings };
    let space = blocking(move || state.spaces.create(&user.actor(), &input)).await?;
    Ok(HttpResponse::Created().json(space))
}

/// One space with its settings.
#[utoipa::path(tag = "spaces", params(("slug" = String, Path)),
    responses((status = 200, description = "The space.", body = Space)))]
#[get("/spaces/{slug}")]
pub async fn get_space(state: web::Data<AppState>, slug: web::Path<String>) -> ApiResult<HttpResponse> {
    let space = blocking(move || state.spaces.get(&slug)).await?;
    Ok(HttpResponse::Ok().json(space))
}

/// Changes a space's texts or settings (admins).
#[utoipa::path(tag = "spaces", params(("slug" = String, Path)),
    request_body = UpdateSpaceRequest, security(("bearer" = [])),
    responses((status = 200, description = "The space as changed.", body = Space),
        (status = 403, description = "Only administrators may change spaces (`admin_only`); staff of the space may change its `categories` and `areas` alone (`staff_only` for anyone else)."),
        (status = 409, description = "A category or area to remove still has proposals filed under it (`topic_in_use`).")))]
#[patch("/spaces/{slug}")]
pub async fn update_space(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Body<UpdateSpaceRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let change = SpaceChange {
        title: body.title,
        description: body.description,
        settings: body.settings,
        phases: body.phases,
        categories: body.categories,
        areas: body.areas,
    };
    let space = blocking(move || state.spaces.update(&user.actor(), &slug, &change)).await?;
    Ok(HttpResponse::Ok().json(space))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_spaces).service(create_space).service(get_space).service(update_space);
}

//! The site itself: who publishes it (the owning body, from the server's
//! settings) and its own pages (legal notes, privacy notice, accessibility
//! statement), which anyone reads and admins edit, version by version.

use crate::auth::CurrentUser;
use crate::dto::site::Site;
use crate::extract::{blocking, Body};
use crate::problem::ApiResult;
use crate::state::AppState;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{get, put, web, HttpResponse};
use emenda_staff::views::{Page, PageSummary};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

/// What the site's header and footer show.
#[utoipa::path(tag = "site",
    responses((status = 200, description = "The owning body and the site's pages.", body = Site)))]
#[get("/site")]
pub async fn get_site(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let owner = state.owner.clone();
    let email = state.accounts.sends_email();
    let pages = blocking(move || state.pages.in_force()).await?;
    Ok(HttpResponse::Ok().json(Site { owner, pages, email }))
}

/// The owning body's logo, when one is configured.
#[utoipa::path(tag = "site",
    responses((status = 200, description = "The logo (SVG or PNG).", content_type = "image/*"),
        (status = 404, description = "No logo is configured (`not_found`).")))]
#[get("/site/logo")]
pub async fn get_logo(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let Some(logo) = state.logo.clone() else {
        return Err(emenda_domain::DomainError::not_found("logo").into());
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, HeaderValue::from_static(logo.media_type)))
        .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")))
        .body(logo.bytes))
}

/// One of the site's pages as it is now.
#[utoipa::path(tag = "site", params(("slug" = String, Path, description = "`note-legali`, `privacy` or `accessibilita`")),
    responses((status = 200, description = "The version in force.", body = Page),
        (status = 404, description = "No such page (`not_found`).")))]
#[get("/pages/{slug}")]
pub async fn get_page(state: web::Data<AppState>, slug: web::Path<String>) -> ApiResult<HttpResponse> {
    let page = blocking(move || state.pages.get(&slug, None)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Every version of a page, newest first.
#[utoipa::path(tag = "site", params(("slug" = String, Path, description = "`note-legali`, `privacy` or `accessibilita`")),
    responses((status = 200, description = "The versions, newest first.", body = Vec<PageSummary>),
        (status = 404, description = "No such page (`not_found`).")))]
#[get("/pages/{slug}/versions")]
pub async fn list_page_versions(state: web::Data<AppState>, slug: web::Path<String>) -> ApiResult<HttpResponse> {
    let versions = blocking(move || state.pages.versions(&slug)).await?;
    Ok(HttpResponse::Ok().json(versions))
}

/// One version of a page, e.g. the privacy notice a person accepted.
#[utoipa::path(tag = "site",
    params(("slug" = String, Path, description = "`note-legali`, `privacy` or `accessibilita`"), ("version" = i32, Path)),
    responses((status = 200, description = "That version.", body = Page),
        (status = 404, description = "No such page or version (`not_found`).")))]
#[get("/pages/{slug}/versions/{version}")]
pub async fn get_page_version(state: web::Data<AppState>, path: web::Path<(String, i32)>) -> ApiResult<HttpResponse> {
    let (slug, version) = path.into_inner();
    let page = blocking(move || state.pages.get(&slug, Some(version))).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// A new version of a page.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "title": "Informativa sulla privacy", "body": "Il titolare del trattamento è …", "base_version": 1 }))]
pub struct EditPageRequest {
    /// Title: 3 to 150 characters once trimmed, one line.
    #[schema(schema_with = crate::text_schema::space_title)]
    pub title: String,
    /// Text in Markdown: 1 to 20,000 characters once trimmed.
    #[schema(schema_with = crate::text_schema::staff_text)]
    pub body: String,
    /// The version the edit was written from.
    #[schema(minimum = 1)]
    pub base_version: i32,
}

/// Publishes a new version of a page (admins); the old ones stay readable.
#[utoipa::path(tag = "site", params(("slug" = String, Path, description = "`note-legali`, `privacy` or `accessibilita`")),
    request_body = EditPageRequest, security(("bearer" = [])),
    responses((status = 200, description = "The new version, now in force.", body = Page),
        (status = 403, description = "Only administrators edit the site's pages (`admin_only`)."),
        (status = 404, description = "No such page (`not_found`)."),
        (status = 409, description = "The page changed since `base_version` (`stale_version`, with `current_version`).")))]
#[put("/pages/{slug}")]
pub async fn edit_page(
    state: web::Data<AppState>,
    user: CurrentUser,
    slug: web::Path<String>,
    body: Body<EditPageRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    let page =
        blocking(move || state.pages.edit(&user.actor(), &slug, &body.title, &body.body, body.base_version)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_site)
        .service(get_logo)
        .service(get_page)
        .service(list_page_versions)
        .service(get_page_version)
        .service(edit_page);
}

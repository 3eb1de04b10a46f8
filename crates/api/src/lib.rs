//! The JSON API: thin actix-web handlers that parse a request, call a
//! service on the blocking pool, and map the result (or the error, as
//! problem+json). The OpenAPI document is generated from these handlers.

pub mod auth;
pub mod connections;
pub mod extract;
pub mod http;
pub mod input;
pub mod openapi;
pub mod pagination;
pub mod problem;
pub mod rate_limit;
pub mod routes;
pub mod state;
pub mod text_schema;

pub use state::AppState;

use actix_web::web;

/// Largest JSON body accepted: a 20,000-character body of 4-byte characters
/// plus a title fits with room to spare.
pub const JSON_LIMIT_BYTES: usize = 256 * 1024;

/// A `GET` route outside `/api/v1` whose other methods answer like the
/// API's: 405 problem+json with `Allow` (actix's own 405 is plain text
/// without `Allow`).
fn get_only<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path).route(web::get().to(handler)).default_service(web::to(routes::not_found))
}

/// Registers every API route and the extractor settings that turn bad input
/// into problem+json.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(extract::json_config())
        // Raw bodies (read by the NUL check) obey the same limit as JSON.
        .app_data(web::PayloadConfig::new(JSON_LIMIT_BYTES))
        .app_data(extract::query_config())
        .app_data(extract::path_config())
        .service(get_only("/healthz", routes::health::healthz))
        .service(get_only("/readyz", routes::health::readyz))
        .service(get_only("/api/openapi.json", openapi::openapi_json))
        .service(
            web::scope("/api/v1")
                // Innermost first: the NUL check reads the body, so it runs
                // only after the token was checked.
                .wrap(actix_web::middleware::from_fn(input::refuse_nul))
                .wrap(actix_web::middleware::from_fn(auth::authenticate))
                .wrap(actix_web::middleware::from_fn(rate_limit::enforce))
                .wrap(actix_web::middleware::from_fn(http::cache_headers))
                .wrap(actix_web::middleware::from_fn(connections::bound_body_time))
                .configure(routes::auth::configure)
                .configure(routes::spaces::configure)
                .configure(routes::proposals::configure)
                .configure(routes::versions::configure)
                .configure(routes::amendments::configure)
                .configure(routes::supports::configure)
                .configure(routes::comments::configure)
                .configure(routes::moderation::configure)
                .configure(routes::reports::configure)
                .configure(routes::audit::configure)
                .configure(routes::roles::configure)
                .configure(routes::users::configure)
                .default_service(web::to(routes::not_found)),
        )
        // Every other `/api` path is an API path too: problem+json, never
        // the web app's page.
        .service(web::scope("/api").default_service(web::to(routes::not_found)));
}

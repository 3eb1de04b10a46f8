//! The JSON API: thin actix-web handlers that parse a request, call a
//! service on the blocking pool, and map the result (or the error, as
//! problem+json). Each route is declared once, on its handler; the router,
//! the OpenAPI document, the 405 answers and the rate limiter all come from
//! that one registration (`routes`).

pub mod auth;
pub mod compression;
pub mod connections;
pub mod dto;
pub mod extract;
pub mod http;
pub mod input;
pub mod openapi;
pub mod pagination;
pub mod problem;
pub mod rate_limit;
pub mod route_table;
pub mod routes;
pub mod state;
pub mod text_schema;

pub use state::AppState;

use actix_web::web;

/// Largest JSON body accepted: a 20,000-character body of 4-byte characters
/// plus a title fits with room to spare.
pub const JSON_LIMIT_BYTES: usize = 256 * 1024;

/// Registers every API route on the server's app (see [`routes::register`]).
pub fn configure(cfg: &mut web::ServiceConfig) {
    routes::register(&mut utoipa_actix_web::service_config::ServiceConfig::new(cfg));
}

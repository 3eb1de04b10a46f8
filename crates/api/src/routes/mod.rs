//! One module per resource; each registers its own routes.

pub mod amendments;
pub mod audit;
pub mod auth;
pub mod comments;
pub mod health;
pub mod moderation;
pub mod proposals;
pub mod reports;
pub mod roles;
pub mod spaces;
pub mod supports;
pub mod users;
pub mod versions;

use actix_web::{HttpRequest, HttpResponse};

/// Requests no route took answer with problem+json like every other error:
/// 405 with `Allow` when the path exists under other methods, else 404.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    crate::http::no_route(req.path())
}

//! One module per resource; each registers its own routes.

pub mod amendments;
pub mod audit;
pub mod auth;
pub mod health;
pub mod moderation;
pub mod proposals;
pub mod roles;
pub mod spaces;
pub mod users;
pub mod versions;

use crate::problem::ApiError;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// Unknown API paths answer with problem+json like every other error.
pub async fn not_found() -> HttpResponse {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API resource").error_response()
}

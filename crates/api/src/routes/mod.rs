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
use actix_web::{HttpResponse, ResponseError};
use emenda_domain::ErrorCode;

/// Unknown API paths answer with problem+json like every other error.
pub async fn not_found() -> HttpResponse {
    ApiError::new(ErrorCode::NotFound, "no such API resource").error_response()
}

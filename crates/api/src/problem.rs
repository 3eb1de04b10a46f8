//! RFC 9457 problem details: every error leaves the API in this one shape,
//! with a stable `code` and, for bad input, the fields at fault.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use emenda_domain::amendment::FieldConflict;
use emenda_domain::DomainError;
use emenda_store::{ServiceError, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// JSON path of the field, e.g. `title` or `settings.support_threshold`.
    pub field: String,
    /// Stable code, e.g. `too_short`.
    pub code: String,
    /// Human explanation.
    pub message: String,
}

/// An error response (`application/problem+json`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// URI naming the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the problem type.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// What happened in this case.
    pub detail: String,
    /// Stable machine code.
    pub code: String,
    /// Fields at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// With `stale_version`: the version that is current now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// With `merge_conflict`: the regions to resolve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<Vec<FieldConflict>>,
}

/// An error on its way to becoming a problem response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    problem: Box<Problem>,
    retry_after: Option<u64>,
}

impl ApiError {
    /// A problem with no field errors.
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> Self {
        Self {
            status,
            problem: Box::new(Problem {
                kind: format!("urn:emenda:problem:{code}"),
                title: status.canonical_reason().unwrap_or("Error").to_owned(),
                status: status.as_u16(),
                detail: detail.into(),
                code: code.to_owned(),
                errors: None,
                current_version: None,
                conflicts: None,
            }),
            retry_after: None,
        }
    }

    /// A 422 naming one field.
    pub fn invalid_field(field: &str, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut error =
            Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "the request has invalid fields");
        error.problem.errors = Some(vec![ProblemField { field: field.into(), code: code.into(), message }]);
        error
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(retry_after: u64) -> Self {
        DomainError::RateLimited { retry_after }.into()
    }

    /// The stable code.
    pub fn code(&self) -> &str {
        &self.problem.code
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.problem.code, self.problem.detail)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        response.content_type("application/problem+json");
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.json(&*self.problem)
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        let status = match &error {
            DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            DomainError::Unauthenticated | DomainError::InvalidCredentials | DomainError::InvalidToken { .. } => {
                StatusCode::UNAUTHORIZED
            }
            DomainError::Forbidden { .. } => StatusCode::FORBIDDEN,
            DomainError::NotFound { .. } => StatusCode::NOT_FOUND,
            DomainError::StaleVersion { .. } | DomainError::Conflict { .. } | DomainError::MergeConflict(_) => {
                StatusCode::CONFLICT
            }
            DomainError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        };
        let mut api = ApiError::new(status, error.code(), error.to_string());
        match error {
            DomainError::Invalid(fields) => {
                api.problem.errors = Some(
                    fields
                        .into_iter()
                        .map(|f| ProblemField { field: f.field, code: f.code.into(), message: f.message })
                        .collect(),
                );
            }
            DomainError::Conflict { field: Some(field), code, message } => {
                api.problem.errors = Some(vec![ProblemField { field: field.into(), code: code.into(), message }]);
            }
            DomainError::StaleVersion { current } => api.problem.current_version = Some(current),
            DomainError::MergeConflict(conflicts) => api.problem.conflicts = Some(conflicts),
            DomainError::RateLimited { retry_after } => api.retry_after = Some(retry_after),
            _ => {}
        }
        api
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match &error {
            StoreError::Unavailable(_) | StoreError::Busy(_) => {
                tracing::warn!(error = %error, cause = ?std::error::Error::source(&error), "database not available");
                let mut api = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    error.code(),
                    "the service is busy; try again shortly",
                );
                api.retry_after = Some(1);
                api
            }
            StoreError::Duplicate { .. } => {
                ApiError::new(StatusCode::CONFLICT, "duplicate", "the request conflicts with existing data")
            }
            _ => {
                tracing::error!(error = %error, cause = ?std::error::Error::source(&error), "storage failure");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "something went wrong on our side")
            }
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Rule(rule) => rule.into(),
            ServiceError::Store(store) => store.into(),
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "overloaded", "the server is overloaded; try again shortly")
    }
}

/// Shorthand for handler results.
pub type ApiResult<T> = Result<T, ApiError>;

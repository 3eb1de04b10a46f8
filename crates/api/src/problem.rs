//! RFC 9457 problem details: every error leaves the API in this one shape,
//! with a stable `code` and, for bad input, the fields at fault.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use emenda_domain::amendment::FieldConflict;
use emenda_domain::{DomainError, ErrorCode, FieldCode};
use emenda_service::{AccessError, InternalError, ServiceError};
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// JSON path of the field (or the query parameter or header), e.g.
    /// `title` or `settings.support_threshold`.
    pub field: String,
    /// Stable code, e.g. `too_short`.
    pub code: FieldCode,
    /// Human explanation.
    pub message: String,
}

/// An error response (`application/problem+json`, RFC 9457). Branch on
/// `code`, never on `detail`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:emenda:problem:validation_failed",
    "title": "Unprocessable Entity",
    "status": 422,
    "detail": "the request has invalid fields",
    "code": "validation_failed",
    "errors": [
        {"field": "title", "code": "too_short", "message": "must be at least 10 characters"},
        {"field": "body", "code": "required", "message": "is required"}
    ]
}))]
pub struct Problem {
    /// URI naming the problem type: `urn:emenda:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the problem type (the HTTP reason phrase).
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// What happened in this case, for people; never parse it.
    pub detail: String,
    /// Stable machine code: branch on this.
    pub code: ErrorCode,
    /// With `validation_failed`: every field at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// With `stale_version`: the version that is current now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// With `merge_conflict`: the regions to resolve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<Vec<FieldConflict>>,
}

/// The HTTP status of each code: one table, so a code always means the
/// same status wherever it comes from.
pub fn status_of(code: ErrorCode) -> StatusCode {
    use ErrorCode as C;
    match code {
        C::MalformedRequest | C::MalformedIfMatch => StatusCode::BAD_REQUEST,
        C::Unauthenticated | C::InvalidCredentials | C::TokenInvalid | C::TokenExpired | C::TokenReused => {
            StatusCode::UNAUTHORIZED
        }
        C::AdminOnly
        | C::StaffOnly
        | C::NotAuthor
        | C::NotAmendmentAuthor
        | C::OwnAmendment
        | C::ProposalsClosed
        | C::AmendmentsClosed
        | C::VerificationRequired
        | C::EmailUnconfirmed
        | C::DeletionPending
        | C::AccountBlocked
        | C::SupportsClosed
        | C::SupportersPrivate
        | C::CommentsClosed
        | C::NotCommentAuthor
        | C::OwnComment => StatusCode::FORBIDDEN,
        C::NotFound => StatusCode::NOT_FOUND,
        C::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        C::StaleVersion
        | C::MergeConflict
        | C::ProposalWithdrawn
        | C::ProposalAnswered
        | C::ProposalClosed
        | C::ProposalChanged
        | C::StateChanged
        | C::AmendmentOpenExists
        | C::AmendmentDecided
        | C::AmendmentWithdrawn
        | C::AmendmentNotRejected
        | C::AmendmentPromoted
        | C::AmendmentClosedWithProposal
        | C::SupportLimitReached
        | C::SupportThresholdReached
        | C::EmailTaken
        | C::EmailOff
        | C::NicknameTaken
        | C::SlugTaken
        | C::CannotRevokeSelf
        | C::CannotBlockSelf
        | C::LastAdmin
        | C::Duplicate
        | C::TopicInUse
        | C::CommentDeleted
        | C::CommentHidden
        | C::StaleRevision
        | C::EditLimitReached
        | C::ContentHidden
        | C::AlreadyReported
        | C::CannotReportOwn
        | C::ModerationChanged => StatusCode::CONFLICT,
        C::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
        C::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        C::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        C::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        C::RateLimited | C::TooManyAttempts | C::EditRateLimited => StatusCode::TOO_MANY_REQUESTS,
        C::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        C::DatabaseUnavailable | C::DatabaseBusy | C::Overloaded => StatusCode::SERVICE_UNAVAILABLE,
        C::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
        C::RequestHeadTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
    }
}

/// An error on its way to becoming a problem response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    problem: Box<Problem>,
    retry_after: Option<u64>,
}

impl ApiError {
    /// A problem with no field errors; the status follows from the code.
    pub fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        let status = status_of(code);
        Self {
            status,
            problem: Box::new(Problem {
                kind: format!("urn:emenda:problem:{code}"),
                title: status.canonical_reason().unwrap_or("Error").to_owned(),
                status: status.as_u16(),
                detail: detail.into(),
                code,
                errors: None,
                current_version: None,
                conflicts: None,
            }),
            retry_after: None,
        }
    }

    /// A 422 `validation_failed` naming one field.
    pub fn invalid_field(field: &str, code: FieldCode, message: impl Into<String>) -> Self {
        Self::invalid_fields(vec![ProblemField { field: field.into(), code, message: message.into() }])
    }

    /// A 422 `validation_failed` naming every field at fault.
    pub fn invalid_fields(fields: Vec<ProblemField>) -> Self {
        let mut error = Self::new(ErrorCode::ValidationFailed, "the request has invalid fields");
        error.problem.errors = Some(fields);
        error
    }

    /// 401: the operation needs a signed-in caller and none was given.
    pub fn unauthenticated() -> Self {
        Self::new(ErrorCode::Unauthenticated, "sign in to do this")
    }

    /// 429 with `Retry-After`: this client sends too many requests.
    pub fn rate_limited(retry_after: u64) -> Self {
        let mut error =
            Self::new(ErrorCode::RateLimited, format!("too many requests; try again in {retry_after} seconds"));
        error.retry_after = Some(retry_after);
        error
    }

    /// The same problem in other words (the code, and so the status, stay).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.problem.detail = detail.into();
        self
    }

    /// The problem document as JSON text, for answers written outside
    /// actix-web's response path (a connection refused on arrival).
    pub fn problem_json(&self) -> String {
        serde_json::to_string(&*self.problem).unwrap_or_default()
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.problem.code
    }

    /// The fields at fault (empty unless `validation_failed`).
    pub fn fields(&self) -> &[ProblemField] {
        self.problem.errors.as_deref().unwrap_or_default()
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
        if self.status == StatusCode::REQUEST_TIMEOUT {
            // The rest of a stalled body is never read: the connection
            // cannot carry another request, so it ends with this answer.
            response.force_close();
        }
        response.json(&*self.problem)
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        let mut api = ApiError::new(error.code(), error.to_string());
        match error {
            DomainError::Invalid(fields) => {
                api.problem.errors = Some(
                    fields
                        .into_iter()
                        .map(|f| ProblemField { field: f.field, code: f.code, message: f.message })
                        .collect(),
                );
            }
            DomainError::Conflict { field: Some(field), message, .. } => {
                api.problem.errors = Some(vec![ProblemField { field: field.into(), code: FieldCode::Taken, message }]);
            }
            DomainError::StaleVersion { current } => api.problem.current_version = Some(current),
            DomainError::MergeConflict(conflicts) => api.problem.conflicts = Some(conflicts),
            DomainError::TooSoon { retry_after, .. } => api.retry_after = Some(retry_after),
            DomainError::Forbidden { .. }
            | DomainError::NotFound { .. }
            | DomainError::Conflict { field: None, .. } => {}
        }
        api
    }
}

impl From<AccessError> for ApiError {
    fn from(error: AccessError) -> Self {
        let mut api = ApiError::new(error.code(), error.to_string());
        if let AccessError::TooManyAttempts { retry_after } = error {
            api.retry_after = Some(retry_after);
        }
        api
    }
}

impl From<InternalError> for ApiError {
    fn from(error: InternalError) -> Self {
        tracing::error!(error = %error, cause = %error.source, "internal failure");
        ApiError::new(ErrorCode::InternalError, "something went wrong on our side")
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Rule(rule) => rule.into(),
            ServiceError::Access(refusal) => refusal.into(),
            ServiceError::Store(store) => {
                // Answered by its code: the store's error stays behind
                // the services.
                let code = store.code();
                match code {
                    ErrorCode::DatabaseUnavailable | ErrorCode::DatabaseBusy => {
                        tracing::warn!(error = %store, cause = ?std::error::Error::source(&store), "database not available");
                        let mut api = ApiError::new(code, "the service is busy; try again shortly");
                        api.retry_after = Some(1);
                        api
                    }
                    ErrorCode::Duplicate => ApiError::new(code, "the request conflicts with existing data"),
                    _ => {
                        tracing::error!(error = %store, cause = ?std::error::Error::source(&store), "storage failure");
                        ApiError::new(ErrorCode::InternalError, "something went wrong on our side")
                    }
                }
            }
            ServiceError::Internal(internal) => internal.into(),
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(_: actix_web::error::BlockingError) -> Self {
        let mut api = ApiError::new(ErrorCode::Overloaded, "the server is overloaded; try again shortly");
        api.retry_after = Some(1);
        api
    }
}

/// Shorthand for handler results.
pub type ApiResult<T> = Result<T, ApiError>;

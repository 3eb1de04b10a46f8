//! The ways a request can break a rule.

use thiserror::Error;

/// One problem with one input field, reported back to the client so a form
/// can show the message next to the right input.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The JSON field at fault, e.g. `title`.
    pub field: String,
    /// A stable machine code, e.g. `too_short`.
    pub code: &'static str,
    /// A human explanation.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), code, message: message.into() }
    }
}

/// A refused operation. Every variant has a stable [`DomainError::code`] that
/// clients may rely on; the API turns it into a problem+json response.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// The input broke one or more validation rules.
    #[error("the request has invalid fields")]
    Invalid(Vec<FieldError>),
    /// The operation needs a signed-in user.
    #[error("sign in to do this")]
    Unauthenticated,
    /// The e-mail or password is wrong (never says which).
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    /// A token is malformed, expired, revoked or already used.
    #[error("{message}")]
    InvalidToken {
        /// Stable code, e.g. `token_expired`.
        code: &'static str,
        /// Explanation.
        message: String,
    },
    /// The user is known but may not do this.
    #[error("{message}")]
    Forbidden {
        /// Stable code, e.g. `not_author`.
        code: &'static str,
        /// Explanation.
        message: String,
    },
    /// The thing asked for does not exist (or is not visible to the caller).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for, e.g. `proposal`.
        what: &'static str,
    },
    /// An edit was based on a version that is no longer current.
    #[error("the proposal has moved on to version {current}")]
    StaleVersion {
        /// The version that is current now.
        current: i32,
    },
    /// Accepting an amendment would need a choice only a person can make.
    #[error("the amendment conflicts with changes made since it was written")]
    MergeConflict(Vec<crate::amendment::FieldConflict>),
    /// Too many attempts in a short time; try again after `retry_after` seconds.
    #[error("too many attempts; try again in {retry_after} seconds")]
    RateLimited {
        /// Seconds until an attempt may succeed again.
        retry_after: u64,
    },
    /// The operation conflicts with the current state of the data.
    #[error("{message}")]
    Conflict {
        /// Stable code, e.g. `email_taken`.
        code: &'static str,
        /// Explanation.
        message: String,
        /// The field at fault, when one input causes it.
        field: Option<&'static str>,
    },
}

impl DomainError {
    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Invalid(_) => "validation_failed",
            DomainError::Unauthenticated => "unauthenticated",
            DomainError::InvalidCredentials => "invalid_credentials",
            DomainError::InvalidToken { code, .. }
            | DomainError::Forbidden { code, .. }
            | DomainError::Conflict { code, .. } => code,
            DomainError::NotFound { .. } => "not_found",
            DomainError::StaleVersion { .. } => "stale_version",
            DomainError::RateLimited { .. } => "rate_limited",
            DomainError::MergeConflict(_) => "merge_conflict",
        }
    }

    /// Shorthand for a single-field validation error.
    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        DomainError::Invalid(vec![FieldError::new(field, code, message)])
    }

    /// Shorthand for a refusal.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        DomainError::Forbidden { code, message: message.into() }
    }

    /// Shorthand for a state conflict not tied to one field.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        DomainError::Conflict { code, message: message.into(), field: None }
    }

    /// Shorthand for a missing thing.
    pub fn not_found(what: &'static str) -> Self {
        DomainError::NotFound { what }
    }
}

/// Collects field errors from several validations so a client sees every
/// problem of a form at once rather than one per round trip.
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    /// Starts an empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value when valid, remembers the errors otherwise.
    pub fn check<T>(&mut self, result: Result<T, DomainError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(DomainError::Invalid(mut errors)) => {
                self.errors.append(&mut errors);
                None
            }
            Err(other) => {
                self.errors.push(FieldError::new("", other.code(), other.to_string()));
                None
            }
        }
    }

    /// Fails with every collected error, if any.
    pub fn finish(self) -> Result<(), DomainError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self.errors))
        }
    }
}

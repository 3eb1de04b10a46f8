//! What a service operation can fail with. Four kinds, each answered
//! differently: a broken rule (the caller's to fix), a refused credential
//! (the caller's to renew), storage trouble (retry or the platform's
//! fault) and an internal failure (always the platform's fault, never
//! blamed on the request or the database).

use emenda_domain::{DomainError, ErrorCode};
use emenda_store::StoreError;
use thiserror::Error;

/// The caller's credentials were refused: the outcomes of signing in,
/// refreshing and presenting an access token.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccessError {
    /// The e-mail or password is wrong (never says which).
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    /// A token is malformed, unknown, expired, not valid yet or reused.
    #[error("{message}")]
    Token {
        /// `token_invalid`, `token_expired` or `token_reused`.
        code: ErrorCode,
        /// Explanation.
        message: String,
    },
    /// Too many failed sign-ins for one e-mail from this client address
    /// (or from addresses it never signed in from); try again later.
    #[error("too many failed sign-ins; try again in {retry_after} seconds")]
    TooManyAttempts {
        /// Seconds until an attempt is let through again.
        retry_after: u64,
    },
}

impl AccessError {
    /// A refused token.
    pub fn token(code: ErrorCode, message: impl Into<String>) -> Self {
        AccessError::Token { code, message: message.into() }
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            AccessError::InvalidCredentials => ErrorCode::InvalidCredentials,
            AccessError::Token { code, .. } => *code,
            AccessError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
        }
    }
}

/// A failure that is neither a rule nor storage: password hashing, the
/// random source, token signing. The cause is kept for the log; the caller
/// only learns that something went wrong on the platform's side.
#[derive(Debug, Error)]
#[error("{context}")]
pub struct InternalError {
    /// What was being done.
    pub context: &'static str,
    /// Why it failed.
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

impl InternalError {
    /// Wraps a cause with what was being done.
    pub fn new(context: &'static str, source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self { context, source: source.into() }
    }
}

/// Storage failed: the database is unreachable or busy, a constraint
/// refused a write, or what it holds does not parse. Opaque on purpose:
/// the store's error stays the store's, and callers above the services
/// answer by [`StorageError::code`] (its message and cause are for the
/// log).
#[derive(Debug, Error)]
#[error(transparent)]
pub struct StorageError(StoreError);

impl StorageError {
    /// The stable code: `database_unavailable`, `database_busy`,
    /// `duplicate`, or `internal_error` for anything else.
    pub fn code(&self) -> ErrorCode {
        self.0.code()
    }

    /// The unique constraint a write ran into, when that is what failed:
    /// a service turns two requests racing for one name into the rule's
    /// own refusal (`slug_taken`, `already_reported`, …).
    pub fn duplicate(&self) -> Option<&str> {
        match &self.0 {
            StoreError::Duplicate { constraint } => Some(constraint),
            _ => None,
        }
    }
}

/// What every service operation returns on failure.
#[derive(Debug, Error)]
pub enum ServiceError {
    /// A rule refused the operation.
    #[error(transparent)]
    Rule(#[from] DomainError),
    /// The caller's credentials were refused.
    #[error(transparent)]
    Access(#[from] AccessError),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StorageError),
    /// Something on the platform's side failed.
    #[error(transparent)]
    Internal(#[from] InternalError),
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        ServiceError::Store(StorageError(error))
    }
}

impl ServiceError {
    /// The error in words for a person at a terminal: a validation failure
    /// names each field at fault and why (its `Display` says only that some
    /// field was invalid, which is what an API answer's title needs).
    pub fn explain(&self) -> String {
        match self {
            ServiceError::Rule(DomainError::Invalid(fields)) => {
                fields.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
            }
            other => other.to_string(),
        }
    }

    /// The unique constraint a write ran into, when that is what failed
    /// (see [`StorageError::duplicate`]).
    pub fn duplicate(&self) -> Option<&str> {
        match self {
            ServiceError::Store(storage) => storage.duplicate(),
            _ => None,
        }
    }
}

/// Shorthand for service results.
pub type ServiceResult<T> = Result<T, ServiceError>;

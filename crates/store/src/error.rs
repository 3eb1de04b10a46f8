//! Storage failures.

use emenda_domain::ErrorCode;
use thiserror::Error;

/// A failure of the database or of the data read from it.
#[derive(Debug, Error)]
pub enum StoreError {
    /// No connection could be had (database down, pool exhausted).
    #[error("database unavailable")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A unique constraint refused a write; `constraint` names what was
    /// duplicated, as far as the backend tells.
    #[error("duplicate value for {constraint}")]
    Duplicate {
        /// The constraint, index or column list the backend reported.
        constraint: String,
    },
    /// Writers collided and the backend gave up waiting; worth a retry.
    #[error("the database is busy")]
    Busy(#[source] diesel::result::Error),
    /// Stored data does not have the shape the code expects.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error("database error")]
    Query(#[source] diesel::result::Error),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
}

impl StoreError {
    /// A stable machine code, for logs and problem responses.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Unavailable(_) => ErrorCode::DatabaseUnavailable,
            StoreError::Duplicate { .. } => ErrorCode::Duplicate,
            StoreError::Busy(_) => ErrorCode::DatabaseBusy,
            StoreError::Corrupt(_) | StoreError::Query(_) | StoreError::Migration(_) => ErrorCode::InternalError,
        }
    }
}

impl From<diesel::result::Error> for StoreError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &error {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => StoreError::Duplicate {
                constraint: info.constraint_name().map(str::to_owned).unwrap_or_else(|| info.message().to_owned()),
            },
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => StoreError::Busy(error),
            Error::DatabaseError(_, info) if info.message().contains("database is locked") => StoreError::Busy(error),
            _ => StoreError::Query(error),
        }
    }
}

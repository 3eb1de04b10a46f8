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
    /// The commit a write shared with other writes failed (see
    /// `Store::write_grouped`): every write of the batch gets this, with the
    /// failure's code and message, since the failure itself is had once.
    #[error("the shared commit failed: {message}")]
    SharedCommit {
        /// The failure's own code.
        code: ErrorCode,
        /// The failure's message, for the log.
        message: String,
    },
    /// A shared transaction ended before this write's outcome was known:
    /// another write of its batch left it broken (a savepoint that could
    /// not be rolled back, the database ending it on its own), or it
    /// could not begin.
    #[error("the write's batch was abandoned")]
    BatchAbandoned,
}

impl StoreError {
    /// A stable machine code, for logs and problem responses.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Unavailable(_) => ErrorCode::DatabaseUnavailable,
            StoreError::Duplicate { .. } => ErrorCode::Duplicate,
            StoreError::Busy(_) => ErrorCode::DatabaseBusy,
            StoreError::SharedCommit { code, .. } => *code,
            StoreError::Corrupt(_) | StoreError::Query(_) | StoreError::Migration(_) | StoreError::BatchAbandoned => {
                ErrorCode::InternalError
            }
        }
    }

    /// This failure as each write of a shared commit is told it.
    pub(crate) fn shared(&self) -> StoreError {
        StoreError::SharedCommit { code: self.code(), message: self.to_string() }
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
            // The lock order (docs/architecture.md) leaves no cycle; should
            // one appear anyway, PostgreSQL aborts one side, and that side
            // may retry: it is the database being busy, not a broken query.
            Error::DatabaseError(_, info) if info.message().contains("deadlock detected") => StoreError::Busy(error),
            // A stored value that does not parse as its column's type
            // (see `types::Stored`) is corrupt data, not a query failure.
            Error::DeserializationError(cause) => match corrupt_value(cause.as_ref()) {
                Some(corrupt) => StoreError::Corrupt(corrupt),
                None => StoreError::Query(error),
            },
            _ => StoreError::Query(error),
        }
    }
}

/// The [`CorruptValue`] behind a deserialisation failure, if that is what
/// it is, as a message naming the column when diesel knows it.
fn corrupt_value(cause: &(dyn std::error::Error + 'static)) -> Option<String> {
    let field = cause.downcast_ref::<diesel::result::DeserializeFieldError>().and_then(|f| f.field_name.as_deref());
    let mut current = Some(cause);
    while let Some(error) = current {
        if let Some(corrupt) = error.downcast_ref::<CorruptValue>() {
            return Some(match field {
                Some(field) => format!("{field}: {corrupt}"),
                None => corrupt.to_string(),
            });
        }
        current = error.source();
    }
    None
}

/// Stored text that is not what its column holds. Carried as the cause of
/// diesel's deserialisation error and turned into `StoreError::Corrupt`.
#[derive(Debug, thiserror::Error)]
#[error("not a {kind}: {text}")]
pub(crate) struct CorruptValue {
    /// The type expected ([`StoredText::KIND`]).
    pub(crate) kind: &'static str,
    /// The text found.
    pub(crate) text: String,
}

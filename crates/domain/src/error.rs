//! The ways a request can break a rule.

use thiserror::Error;

pub use crate::codes::{ErrorCode, FieldCode};

/// One problem with one input field, reported back to the client so a form
/// can show the message next to the right input.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The JSON field (or query parameter, or header) at fault, e.g. `title`.
    pub field: String,
    /// A stable machine code, e.g. `too_short`.
    pub code: FieldCode,
    /// A human explanation.
    pub message: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        Self { field: field.into(), code, message: message.into() }
    }
}

/// A refused operation: a rule said no. Every variant has a stable
/// [`DomainError::code`] that clients may rely on; the API turns it into a
/// problem+json response. Conditions of the transport (no token, a bad
/// token, too many requests) are not rules and are not here.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    /// The input broke one or more validation rules.
    #[error("the request has invalid fields")]
    Invalid(Vec<FieldError>),
    /// The user is known but may not do this.
    #[error("{message}")]
    Forbidden {
        /// Stable code, e.g. `not_author`.
        code: ErrorCode,
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
    MergeConflict(Vec<crate::conflict::FieldConflict>),
    /// The operation conflicts with the current state of the data.
    #[error("{message}")]
    Conflict {
        /// Stable code, e.g. `email_taken`.
        code: ErrorCode,
        /// Explanation.
        message: String,
        /// The field at fault, when one input causes it.
        field: Option<&'static str>,
    },
    /// Allowed again later: a rule limits how often this may happen.
    #[error("{message}")]
    TooSoon {
        /// Stable code, e.g. `edit_rate_limited`.
        code: ErrorCode,
        /// Explanation.
        message: String,
        /// Seconds until it is allowed again.
        retry_after: u64,
    },
}

impl DomainError {
    /// The stable machine code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::Invalid(_) => ErrorCode::ValidationFailed,
            DomainError::Forbidden { code, .. }
            | DomainError::Conflict { code, .. }
            | DomainError::TooSoon { code, .. } => *code,
            DomainError::NotFound { .. } => ErrorCode::NotFound,
            DomainError::StaleVersion { .. } => ErrorCode::StaleVersion,
            DomainError::MergeConflict(_) => ErrorCode::MergeConflict,
        }
    }

    /// Shorthand for a single-field validation error.
    pub fn invalid(field: &str, code: FieldCode, message: impl Into<String>) -> Self {
        DomainError::Invalid(vec![FieldError::new(field, code, message)])
    }

    /// Shorthand for a refusal.
    pub fn forbidden(code: ErrorCode, message: impl Into<String>) -> Self {
        DomainError::Forbidden { code, message: message.into() }
    }

    /// Shorthand for a state conflict not tied to one field.
    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        DomainError::Conflict { code, message: message.into(), field: None }
    }

    /// Shorthand for a missing thing.
    pub fn not_found(what: &'static str) -> Self {
        DomainError::NotFound { what }
    }
}

/// The field errors a failed check contributes, at least one and never
/// without a field: an error that is not a field error (or an `Invalid` with
/// no fields) is reported on `field`.
fn field_errors(field: &str, error: DomainError) -> (FieldError, Vec<FieldError>) {
    match error {
        DomainError::Invalid(errors) => {
            let mut errors = errors.into_iter();
            match errors.next() {
                Some(first) => (first, errors.collect()),
                None => (FieldError::new(field, FieldCode::Invalid, "is not valid"), Vec::new()),
            }
        }
        DomainError::NotFound { what } => {
            (FieldError::new(field, FieldCode::NotFound, format!("no such {what}")), Vec::new())
        }
        other => (FieldError::new(field, FieldCode::Invalid, other.to_string()), Vec::new()),
    }
}

/// Adds the errors of a failed check to what was collected so far.
fn failed<T, V>(state: Collected<T>, field: &str, error: DomainError) -> Collected<V> {
    let (head, tail) = field_errors(field, error);
    match state {
        Collected::Valid(_) => Collected::Invalid { first: head, rest: tail },
        Collected::Invalid { first, mut rest } => {
            rest.push(head);
            rest.extend(tail);
            Collected::Invalid { first, rest }
        }
    }
}

/// Where a [`Validation`] stands: every value so far, or at least one error.
#[derive(Debug)]
enum Collected<T> {
    Valid(T),
    Invalid { first: FieldError, rest: Vec<FieldError> },
}

/// Validates the fields of a form together, so a client sees every problem
/// at once rather than one per round trip, and hands back the parsed values
/// only when all are valid: there is no value to unwrap and no empty error
/// list to invent.
///
/// ```
/// use emenda_domain::error::Validation;
/// use emenda_domain::values::{Nickname, DisplayName};
///
/// let (nickname, name) = Validation::new()
///     .field("nickname", Nickname::parse("mario_rossi"))
///     .field("display_name", DisplayName::parse("Mario"))
///     .finish()
///     .unwrap();
/// assert_eq!((nickname.as_str(), name.as_str()), ("mario_rossi", "Mario"));
/// ```
#[derive(Debug)]
#[must_use = "call finish() to get the values or the errors"]
pub struct Validation<T> {
    state: Collected<T>,
}

impl Default for Validation<()> {
    fn default() -> Self {
        Self::new()
    }
}

impl Validation<()> {
    /// Starts a validation with no fields yet.
    pub fn new() -> Self {
        Validation { state: Collected::Valid(()) }
    }
}

impl<T> Validation<T> {
    /// Adds a checked value for `field`; an error that is not a field error
    /// is reported on `field`.
    pub fn field<U>(self, field: &str, result: Result<U, DomainError>) -> Validation<T::Output>
    where
        T: Append<U>,
    {
        match result {
            Ok(value) => Validation {
                state: match self.state {
                    Collected::Valid(values) => Collected::Valid(values.append(value)),
                    Collected::Invalid { first, rest } => Collected::Invalid { first, rest },
                },
            },
            Err(error) => Validation { state: failed(self.state, field, error) },
        }
    }

    /// Adds an optional field: `None` (not sent) is valid and gives `None`.
    pub fn optional<U>(self, field: &str, result: Option<Result<U, DomainError>>) -> Validation<T::Output>
    where
        T: Append<Option<U>>,
    {
        self.field(field, result.transpose())
    }

    /// Adds a rule without a value (e.g. a password check) for `field`.
    pub fn rule(self, field: &str, result: Result<(), DomainError>) -> Validation<T> {
        match result {
            Ok(()) => self,
            Err(error) => Validation { state: failed(self.state, field, error) },
        }
    }

    /// Every value, in the order the fields were added, or every error.
    pub fn finish(self) -> Result<T, DomainError> {
        match self.state {
            Collected::Valid(values) => Ok(values),
            Collected::Invalid { first, mut rest } => {
                rest.insert(0, first);
                Err(DomainError::Invalid(rest))
            }
        }
    }
}

/// A tuple that can grow by one value, so [`Validation::field`] can build a
/// flat tuple of values (up to 12).
pub trait Append<U> {
    /// The tuple with `U` added at the end.
    type Output;
    /// Adds `value` at the end.
    fn append(self, value: U) -> Self::Output;
}

macro_rules! append_impls {
    ($( ($($name:ident),*) )*) => {
        $(
            impl<$($name,)* U> Append<U> for ($($name,)*) {
                type Output = ($($name,)* U,);
                #[allow(non_snake_case)]
                fn append(self, value: U) -> Self::Output {
                    let ($($name,)*) = self;
                    ($($name,)* value,)
                }
            }
        )*
    };
}

append_impls! {
    ()
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
    (A, B, C, D, E, F, G)
    (A, B, C, D, E, F, G, H)
    (A, B, C, D, E, F, G, H, I)
    (A, B, C, D, E, F, G, H, I, J)
    (A, B, C, D, E, F, G, H, I, J, K)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(n: u32) -> Result<u32, DomainError> {
        Ok(n)
    }

    #[test]
    fn all_valid_fields_give_their_values_in_order() {
        let values = Validation::new().field("a", ok(1)).rule("b", Ok(())).field("c", Ok("tre")).finish();
        assert_eq!(values, Ok((1, "tre")));
        let (single,) = Validation::new().field("a", ok(7)).finish().unwrap();
        assert_eq!(single, 7);
        assert_eq!(Validation::new().finish(), Ok(()));
    }

    #[test]
    fn every_error_is_reported_with_its_field() {
        let err = Validation::new()
            .field("title", Err::<u32, _>(DomainError::invalid("title", FieldCode::TooShort, "corto")))
            .field("body", ok(2))
            .rule("password", Err(DomainError::invalid("password", FieldCode::TooShort, "corta")))
            .field("space", Err::<u32, _>(DomainError::not_found("space")))
            .field("empty", Err::<u32, _>(DomainError::Invalid(Vec::new())))
            .finish()
            .unwrap_err();
        let DomainError::Invalid(errors) = err else { panic!("expected field errors") };
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(
            fields,
            [("title", "too_short"), ("password", "too_short"), ("space", "not_found"), ("empty", "invalid"),]
        );
    }

    #[test]
    fn optional_fields_may_be_absent() {
        let (title, note) = Validation::new()
            .optional("title", None::<Result<u32, DomainError>>)
            .optional("note", Some(ok(3)))
            .finish()
            .unwrap();
        assert_eq!((title, note), (None, Some(3)));
        assert!(Validation::new()
            .optional("note", Some(Err::<u32, _>(DomainError::invalid("note", FieldCode::Required, "serve"))))
            .finish()
            .is_err());
    }
}

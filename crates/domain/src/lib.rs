//! Emenda's business rules, free of I/O.
//!
//! Everything that decides whether something may happen, or what a piece of
//! data means, lives here so that it can be tested without a database or a
//! server: validated value types, state machines, the permission policy, text
//! diffs, the tamper-evident version history and reference codes.

pub mod amendment;
pub mod audit;
mod bounded;
pub mod clock;
pub mod codes;
pub mod comment;
pub mod conflict;
pub mod diff;
pub mod error;
pub mod history;
pub mod listing;
mod macros;
pub mod mail;
pub mod merge;
pub mod moderation;
pub mod notification;
pub mod policy;
pub mod proposal;
pub mod reference;
pub mod search;
pub mod session;
pub mod sign_in;
pub mod site;
pub mod space;
pub mod support;
pub mod text;
pub mod topics;
pub mod transparency;
pub mod values;
pub mod witness;

pub use error::{DomainError, ErrorCode, FieldCode, FieldError};

//! The kernel the services share, between the rules (`emenda-domain`) and
//! the SQL (`emenda-store`): the context every operation runs in (store,
//! clock, ids, audit log) and the one error type every operation returns.
//! It lives in its own crate so that the crate that speaks SQL keeps only
//! SQL and records, and the api crate maps service errors without seeing
//! the store.

pub mod context;
pub mod database;
pub mod error;

pub use context::{AuditTarget, ServiceContext};
pub use database::Database;
pub use error::{AccessError, InternalError, ServiceError, ServiceResult, StorageError};

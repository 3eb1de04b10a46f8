//! The kernel the services share, between the rules (`emenda-domain`) and
//! the SQL (`emenda-store`): the context every operation runs in (store,
//! clock, ids, audit log), the one error type every operation returns, and
//! the database as the binary handles it (`database`). It lives in its own
//! crate so that the crate that speaks SQL keeps only SQL and records, and
//! the api and server crates map service errors and open the database
//! without seeing the store. What each service returns is a view of its
//! own crate (`views`).

pub mod context;
pub mod database;
pub mod error;

pub use context::{AuditTarget, ServiceContext};
pub use database::Database;
pub use error::{AccessError, InternalError, ServiceError, ServiceResult, StorageError};

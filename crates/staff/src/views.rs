//! What the moderation services hand to their callers, which is also what
//! the API sends: each view is its resource's wire shape, serialised as it
//! is (its schema derived behind this crate's `openapi` feature). The
//! store's records (a report, an item's moderation row, its preview) stay
//! the store's; the services build these from them.

pub mod audit;
pub mod decision;
pub mod page;
pub mod queue;
pub mod report;
pub mod roles;
pub mod summary;

pub use audit::AuditEntry;
pub use decision::{Accepted, QueueItem};
pub use page::{Page, PageAuthor, PageSummary};
pub use queue::{ModerationItem, Preview, QueueReport, ReasonCounts};
pub use report::Report;
pub use roles::UserRoles;
pub use summary::StaffSummary;

//! The moderation service: what staff and admins do to others' content and
//! accounts, and the audit log that makes it accountable. Amendment
//! decisions, answers and the report queue join it as they are built.

pub mod audit;
pub mod roles;

pub use audit::AuditService;
pub use roles::RoleService;

//! What staff and administrators do, and the log that holds them to it:
//! the public administration's answers and decisions on what citizens
//! wrote, the moderation of content and accounts, and the audit log: amendment
//! decisions, official answers, role grants, account verification and
//! blocks, reports and the report queue, audit reads, and the
//! administration's own pages (legal notes, privacy, accessibility). What it returns
//! is a view (`views`), which the API sends as it is.

pub mod answers;
pub mod audit;
pub mod decisions;
pub mod pages;
pub mod public_log;
pub mod reports;
pub mod roles;
pub mod summary;
pub mod users;
pub mod views;

pub use answers::AnswerService;
pub use audit::AuditService;
pub use decisions::DecisionService;
pub use pages::PageService;
pub use public_log::LogService;
pub use reports::ReportService;
pub use roles::RoleService;
pub use summary::SummaryService;
pub use users::UserModerationService;

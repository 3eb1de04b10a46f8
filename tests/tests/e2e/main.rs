//! Every end-to-end test in one binary (one link instead of one per file):
//! each module starts real `emenda` servers over real sockets, on both
//! backends, through the harness in `emenda-tests` (and `layers`, which
//! reads the manifests: the crates above the services never see the store).

mod account_deletion;
mod accounts_and_sessions;
mod actions;
mod amendments;
mod audit_log;
mod comments;
mod data_export;
mod demo_data;
mod email;
mod error_codes;
mod follows;
mod hostile_input;
mod http_semantics;
mod layers;
mod no_lost_updates;
mod notifications;
mod openapi;
mod proposal_read;
mod proposals;
mod public_pages;
mod queues;
mod races;
mod reports;
mod search;
mod sign_in_throttling;
mod site;
mod spaces;
mod staff_summary;
mod supports;
mod topics;
mod transparency_log;
mod user_moderation;

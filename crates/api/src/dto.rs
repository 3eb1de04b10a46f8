//! The few answers whose wire shape differs from the service's view, one
//! file per resource. Everything else the API sends is a view serialised
//! as the service returns it (each view's crate derives its schema behind
//! its `openapi` feature), so a field is declared once, where the data is.
//!
//! A person is the one thing shown differently to each audience: to
//! everyone (`UserDto`), to themselves (`MeDto`, in a `SessionDto`), to
//! admins (`AccountStandingDto`, `AccountDto`). These projections, with
//! their derived flags (`verified`, `blocked`), live here, so the account
//! view with its e-mail is never serialised whole.
//!
//! A proposal read with its first lists (`ProposalRead`) is another: one
//! answer composed of several views; so is the site (`Site`: the owning
//! body from the server's settings, and its pages).

pub mod mail;
pub mod notifications;
pub mod proposal_read;
pub mod sessions;
pub mod site;
pub mod users;

//! People and sessions: registration, sign-in, token rotation, and turning
//! a bearer token into an [`emenda_domain::policy::Actor`] with roles read
//! fresh from the database.

pub mod deletion;
pub mod email;
pub mod export;
pub mod notifications;
pub mod outbox;
pub mod passwords;
pub mod service;
pub mod tokens;
pub mod views;

pub use deletion::DeletionRequest;
pub use email::MailSite;
pub use service::{AccountService, AuthSettings, Session, SignedInUser};
pub use tokens::JwtKeys;
pub use views::User;

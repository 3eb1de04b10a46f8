//! The moderation services' rules on both backends, below HTTP, in one binary.

mod answers;
mod audit;
mod decisions;
mod roles;
mod users;

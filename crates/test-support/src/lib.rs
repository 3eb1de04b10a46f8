//! Fixtures shared by the service crates' tests, in a crate of their own so
//! that the proposals and moderation tests start from the same world
//! without including each other's files.

pub mod binary;
pub mod moderation;
pub mod smtp;
pub mod world;

pub use moderation::Moderation;
pub use world::*;

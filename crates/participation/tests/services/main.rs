//! The proposal services' rules on both backends, below HTTP, in one binary.

mod amendments;
mod proposals;
mod search;

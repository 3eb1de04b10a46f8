//! The migrations are embedded at compile time (`migrations.rs`); this tells
//! Cargo to rebuild the crate when a migration is added or edited, which it
//! would not notice otherwise, leaving a binary without the new migration.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}

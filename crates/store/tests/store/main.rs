//! The store's tests on both backends, in one binary: schema parity,
//! transactions, immutability triggers, the audit chain, read snapshots and
//! the counter consistency check.

mod common;
mod consistency;
mod erasure;
mod immutability;
mod outbox;
mod public_log;
mod read_snapshots;
mod schema;
mod stored_values;
mod transactions;

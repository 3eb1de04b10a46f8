//! How quickly writes reach a signed checkpoint of the transparency log:
//! after a load, the delay of every entry written since a given instant,
//! as p50, p99 and the maximum.

use anyhow::Context;
use chrono::{DateTime, Utc};
use emenda_store::{public_log, DatabaseTarget, Store};

/// Options of `emenda-bench log-delays`.
#[derive(Debug, clap::Args)]
pub struct LogDelayOptions {
    /// The database the server ran on.
    #[arg(long)]
    pub database_url: String,
    /// Only entries written at or after this instant (RFC 3339).
    #[arg(long)]
    pub since: DateTime<Utc>,
}

/// Prints one JSON line: entries, p50, p99 and max delay in milliseconds.
pub fn report(options: &LogDelayOptions) -> anyhow::Result<()> {
    let store = Store::open(&DatabaseTarget::parse(&options.database_url), Some(1)).context("opening the database")?;
    let mut delays = store.read(|tx| public_log::integration_delays(tx, options.since))?;
    delays.sort_by(f64::total_cmp);
    let at = |q: f64| delays.get(((delays.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0) * 1000.0;
    println!(
        "{}",
        serde_json::json!({ "entries": delays.len(), "p50_ms": at(0.5), "p99_ms": at(0.99), "max_ms": at(1.0) })
    );
    Ok(())
}

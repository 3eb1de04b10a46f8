//! What notifying many costs: after edits of a proposal that many people
//! follow, waits until every edit's notifications are written, then
//! reports how long each fan-out took after its edit committed and how
//! many notifications a second were written.

use anyhow::{bail, Context};
use chrono::{DateTime, Utc};
use emenda_store::{notifications, DatabaseTarget, Store};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Options of `emenda-bench fan-out`.
#[derive(Debug, clap::Args)]
pub struct FanOutOptions {
    /// The database the server ran on.
    #[arg(long)]
    pub database_url: String,
    /// The followed proposal.
    #[arg(long)]
    pub proposal: Uuid,
    /// Only events written at or after this instant (RFC 3339).
    #[arg(long)]
    pub since: DateTime<Utc>,
    /// How long to wait for the fan-outs to end.
    #[arg(long, default_value_t = 900)]
    pub timeout: u64,
}

/// Prints one JSON line: events, notifications, per-event delay from the
/// edit's commit to the end of its fan-out (p50, max, ms), and
/// notifications written per second over the whole span.
pub fn report(options: &FanOutOptions) -> anyhow::Result<()> {
    let store = Store::open(&DatabaseTarget::parse(&options.database_url), Some(1)).context("opening the database")?;
    let deadline = Instant::now() + Duration::from_secs(options.timeout);
    let times = loop {
        let times = store.read(|tx| notifications::fan_out_times(tx, options.proposal, options.since))?;
        if times.iter().all(|(_, done, _)| done.is_some()) {
            break times;
        }
        if Instant::now() > deadline {
            bail!("the fan-outs did not end within {} s", options.timeout);
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut delays: Vec<f64> = times
        .iter()
        .filter_map(|(created, done, _)| done.map(|d| (d - *created).num_microseconds().unwrap_or(0) as f64 / 1000.0))
        .collect();
    delays.sort_by(f64::total_cmp);
    let at = |q: f64| delays.get(((delays.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    let notified: i64 = times.iter().map(|(_, _, n)| n).sum();
    let first = times.iter().map(|(c, _, _)| *c).min();
    let last = times.iter().filter_map(|(_, d, _)| *d).max();
    let span = first.zip(last).map_or(0.0, |(f, l)| (l - f).num_milliseconds() as f64 / 1000.0);
    println!(
        "{}",
        serde_json::json!({
            "events": times.len(),
            "notifications": notified,
            "p50_ms": at(0.5),
            "max_ms": at(1.0),
            "per_second": if span > 0.0 { (notified as f64 / span).round() } else { 0.0 },
        })
    );
    Ok(())
}

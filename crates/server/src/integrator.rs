//! The log's integrator: a thread that, a few times a second, sequences
//! whatever entries writes left pending and signs the new checkpoint. Every
//! instance runs one; on PostgreSQL only one integrates at a time (the
//! others find the lock taken and wait for their next turn), so a second
//! instance takes over at once if the first stops.

use emenda_staff::LogService;
use std::time::Duration;

/// How often the integrator looks for pending entries: an entry is in a
/// signed checkpoint within about this long of its commit, plus the time
/// of one batch.
pub const POLL: Duration = Duration::from_millis(100);

/// Starts the integrator thread for this process.
pub fn spawn(log: LogService) {
    let started = std::thread::Builder::new().name("log-integrator".into()).spawn(move || loop {
        std::thread::sleep(POLL);
        match log.has_pending() {
            Ok(false) => {}
            Ok(true) => {
                if let Err(error) = log.integrate() {
                    tracing::warn!(%error, "integrating the transparency log failed; retrying");
                }
            }
            Err(error) => tracing::warn!(%error, "reading the transparency log's pending entries failed; retrying"),
        }
    });
    if let Err(error) = started {
        tracing::error!(%error, "the transparency log's integrator could not start");
    }
}

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

/// The longest wait between attempts while they keep failing (a database
/// restarting, a full disk): the log catches up within this long of the
/// cause going away, and the operator's log gets a line per attempt, not
/// ten a second.
pub const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The wait before the next attempt after `failures` failed ones in a row:
/// [`POLL`] while all is well, doubling with each failure up to
/// [`MAX_BACKOFF`].
pub fn wait_after(failures: u32) -> Duration {
    POLL.saturating_mul(1 << failures.min(10)).min(MAX_BACKOFF)
}

/// Starts the integrator thread for this process.
pub fn spawn(log: LogService) {
    let started = std::thread::Builder::new().name("log-integrator".into()).spawn(move || {
        let mut failures = 0u32;
        loop {
            std::thread::sleep(wait_after(failures));
            let outcome =
                log.has_pending().and_then(|pending| if pending { log.integrate().map(|_| ()) } else { Ok(()) });
            match outcome {
                Ok(()) => {
                    if failures > 0 {
                        tracing::info!(failures, "the transparency log is integrating again");
                    }
                    failures = 0;
                }
                Err(error) => {
                    failures = failures.saturating_add(1);
                    let retry_in_ms = u64::try_from(wait_after(failures).as_millis()).unwrap_or(u64::MAX);
                    tracing::warn!(%error, failures, retry_in_ms, "integrating the transparency log failed; retrying");
                }
            }
        }
    });
    if let Err(error) = started {
        tracing::error!(%error, "the transparency log's integrator could not start");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_back_off_to_a_ceiling_and_success_resets() {
        assert_eq!(wait_after(0), POLL);
        assert_eq!(wait_after(1), Duration::from_millis(200));
        assert_eq!(wait_after(3), Duration::from_millis(800));
        assert_eq!(wait_after(6), MAX_BACKOFF);
        assert_eq!(wait_after(u32::MAX), MAX_BACKOFF);
    }
}

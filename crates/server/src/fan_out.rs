//! The notifications' fan-out: a thread that turns each event an act
//! wrote into its notifications and letters, after the act committed.
//! Every instance runs one; an event is leased to one of them at a time,
//! and a batch done twice (a crash between its commit and the next)
//! writes nothing twice. Between events, it sends the daily digests that
//! are due, every `digest_every` (when the site sends e-mail).

use crate::app::integrator::wait_after;
use emenda_accounts::AccountService;

/// Starts the fan-out thread for this process.
pub fn spawn(accounts: AccountService, digest_every: Option<std::time::Duration>) {
    let started = std::thread::Builder::new().name("notification-fan-out".into()).spawn(move || {
        let mut failures = 0u32;
        let mut last_digests: Option<std::time::Instant> = None;
        loop {
            if let Some(every) = digest_every.filter(|every| last_digests.is_none_or(|at| at.elapsed() >= *every)) {
                last_digests = Some(std::time::Instant::now());
                match accounts.send_digests() {
                    Ok(0) => {}
                    Ok(sent) => tracing::info!(sent, every_s = every.as_secs(), "daily digests written to the outbox"),
                    Err(error) => tracing::warn!(error = %error, "the daily digests failed; retrying at the next pass"),
                }
            }
            match accounts.fan_out_next() {
                // More may wait: no pause between events.
                Ok(Some(done)) => {
                    failures = 0;
                    tracing::debug!(event = %done.event_id, notified = done.notified, letters = done.letters, "notified");
                }
                Ok(None) => {
                    failures = 0;
                    std::thread::sleep(wait_after(0));
                }
                Err(error) => {
                    failures = failures.saturating_add(1);
                    tracing::warn!(error = %error, failures, "the notification fan-out failed; retrying");
                    std::thread::sleep(wait_after(failures));
                }
            }
        }
    });
    if let Err(error) = started {
        tracing::error!(error = %error, "the notification fan-out could not start: nobody will be notified");
    }
}

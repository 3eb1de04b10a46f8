//! The data-rights worker: a thread that builds the copies of their data
//! people asked for, drops the archives whose week is over, and erases
//! the accounts whose deletion grace period is over, each in its own
//! transaction. Every instance runs one; an account erased by another
//! instance first is simply not due any more (`ErasureService::erase_if_due`
//! reads it under its lock), and an export built twice is stored once
//! (only a pending one takes an archive).

use crate::app::integrator::wait_after;
use emenda_accounts::AccountService;
use emenda_participation::erasure::ErasureService;
use std::time::Duration;

/// Accounts taken per look.
const BATCH: i64 = 50;

/// How often to look for exports to build: a person waits for theirs.
const EXPORTS_EVERY: Duration = Duration::from_secs(1);

/// Builds every pending export, then drops expired archives; a failure
/// is logged and tried again at the next look.
fn build_exports(accounts: &AccountService) {
    loop {
        match accounts.build_next_export() {
            Ok(Some(export)) => tracing::info!(%export, "a data export was built"),
            Ok(None) => break,
            Err(error) => {
                tracing::warn!(error = %error, "building a data export failed; retrying");
                break;
            }
        }
    }
    if let Err(error) = accounts.expire_exports() {
        tracing::warn!(error = %error, "dropping expired data exports failed; retrying");
    }
}

/// How often to look: often enough that an account is erased soon after
/// its time, at most once a minute, at least once a second.
fn look_every(grace: chrono::Duration) -> Duration {
    let half = grace.to_std().unwrap_or_default() / 2;
    half.clamp(Duration::from_secs(1), Duration::from_secs(60))
}

/// Starts the erasure thread for this process.
pub fn spawn(accounts: AccountService, erasure: ErasureService, grace: chrono::Duration) {
    let every = look_every(grace);
    let started = std::thread::Builder::new().name("data-rights".into()).spawn(move || {
        let mut failures = 0u32;
        let mut last_erasure: Option<std::time::Instant> = None;
        loop {
            build_exports(&accounts);
            if last_erasure.is_some_and(|at| at.elapsed() < every) {
                std::thread::sleep(EXPORTS_EVERY);
                continue;
            }
            last_erasure = Some(std::time::Instant::now());
            let pause = match erase_due(&accounts, &erasure) {
                Ok(()) => {
                    failures = 0;
                    EXPORTS_EVERY
                }
                Err(error) => {
                    failures = failures.saturating_add(1);
                    tracing::warn!(error = %error, failures, "erasing deleted accounts failed; retrying");
                    wait_after(failures).max(EXPORTS_EVERY)
                }
            };
            std::thread::sleep(pause);
        }
    });
    if let Err(error) = started {
        tracing::error!(error = %error, "the account erasure could not start: deleted accounts will wait");
    }
}

/// Erases every account due now; one that fails is named and left for
/// the next look (the others go ahead).
fn erase_due(accounts: &AccountService, erasure: &ErasureService) -> Result<(), emenda_service::ServiceError> {
    for user_id in accounts.deletions_due(BATCH)? {
        match erasure.erase_if_due(user_id) {
            Ok(Some(erased)) => tracing::info!(
                %user_id,
                audit_details = erased.audit_details,
                letters = erased.letters,
                notifications = erased.notifications,
                "account erased at the end of its grace period"
            ),
            Ok(None) => {}
            Err(error) => tracing::warn!(%user_id, error = %error, "this account could not be erased yet"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_often_enough_for_the_grace_period() {
        assert_eq!(look_every(chrono::Duration::zero()), Duration::from_secs(1));
        assert_eq!(look_every(chrono::Duration::seconds(4)), Duration::from_secs(2));
        assert_eq!(look_every(chrono::Duration::days(7)), Duration::from_secs(60));
    }
}

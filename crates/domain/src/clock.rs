//! Time and identifiers, injected so that rules and tests are deterministic.

use chrono::{DateTime, SubsecRound, TimeZone, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use uuid::Uuid;

/// Where "now" comes from. Times are kept to the microsecond because that is
/// what both databases store and what the history hash covers.
pub trait Clock: Send + Sync {
    /// The current instant, truncated to microseconds.
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now().trunc_subsecs(6)
    }
}

/// A clock for tests: starts at a given instant and moves only when told.
#[derive(Debug)]
pub struct ManualClock {
    micros: AtomicI64,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self { micros: AtomicI64::new(start.timestamp_micros()) }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        let step = by.num_microseconds().unwrap_or(i64::MAX);
        self.micros.fetch_add(step, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        Utc.timestamp_micros(self.micros.load(Ordering::SeqCst)).single().unwrap_or_default()
    }
}

/// Where new ids come from: UUID v7, so ids sort by creation time, which the
/// keyset pagination of lists relies on.
pub trait IdGenerator: Send + Sync {
    /// A fresh, unique id.
    fn new_id(&self) -> Uuid;
}

/// UUID v7 from the system clock and randomness.
#[derive(Debug, Default, Clone, Copy)]
pub struct UuidV7;

impl IdGenerator for UuidV7 {
    fn new_id(&self) -> Uuid {
        Uuid::now_v7()
    }
}

/// The one textual form of an instant used in storage, hashes and the API:
/// RFC 3339, UTC, always six fractional digits, so text order is time order.
pub fn format_timestamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// Reads back a timestamp written by [`format_timestamp`] (or any RFC 3339).
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_and_sort_as_text() {
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 3, 1, 9, 5, 7).unwrap());
        let a = clock.now();
        clock.advance(chrono::Duration::microseconds(1));
        let b = clock.now();
        let (ta, tb) = (format_timestamp(a), format_timestamp(b));
        assert_eq!(ta, "2026-03-01T09:05:07.000000Z");
        assert!(ta < tb);
        assert_eq!(parse_timestamp(&tb), Some(b));
    }

    #[test]
    fn system_clock_is_truncated_to_microseconds() {
        let now = SystemClock.now();
        assert_eq!(now.timestamp_subsec_nanos() % 1000, 0);
    }
}

//! When a sign-in attempt may go ahead.
//!
//! Counting failed sign-ins per e-mail alone turns the limit into a weapon:
//! ten wrong passwords from anywhere lock the account for everyone, so
//! anyone can keep an official out of their own account. Here failures are
//! counted per account *and* client address, and the owner's usual
//! addresses are judged apart from everyone else's:
//!
//! - an address is **known** for an account when the account signed in
//!   from it (with the right password) within [`SignInLimits::known_for`];
//! - every address has its own budget for the account: the first
//!   [`SignInLimits::free_per_address`] failures in the window cost nothing,
//!   then each further failure doubles the wait counted from the last one
//!   (1 s, 2 s, 4 s, …, at most [`SignInLimits::max_delay`]), and at
//!   [`SignInLimits::max_per_address`] failures the address waits until the
//!   oldest of them leaves the window;
//! - the addresses that are not known share one more budget for the
//!   account, shaped the same way ([`SignInLimits::free_from_unknown`],
//!   [`SignInLimits::max_from_unknown`]), so guesses spread over many
//!   addresses are slowed and capped like guesses from one;
//! - a known address is judged only by its own failures.
//!
//! What that holds against: a stranger, or a botnet of them, never delays
//! the owner at an address the owner signed in from lately, and together
//! they get at most `max_from_unknown` wrong passwords checked per account
//! per window. What it does not: someone behind the owner's own address
//! (the same office or home network, the same carrier NAT) shares the
//! owner's budget there and can use it up; and strangers who use up the
//! shared budget delay the owner at a *new* address too, until the window
//! frees up or the owner signs in from a known one. A right password from
//! an address forgives that address's failures (whoever knows the password
//! gains nothing by guessing).

use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;
use std::net::IpAddr;

/// The limits of the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLimits {
    /// How long a failure counts.
    pub window: Duration,
    /// Failures per account and address in the window that cost no wait.
    pub free_per_address: u32,
    /// Failures per account and address in the window after which that
    /// address waits for the window to free up.
    pub max_per_address: u32,
    /// Failures per account from all unknown addresses together that cost
    /// no wait.
    pub free_from_unknown: u32,
    /// Failures per account from all unknown addresses together after
    /// which every unknown address waits for the window to free up.
    pub max_from_unknown: u32,
    /// The longest wait the doubling reaches.
    pub max_delay: Duration,
    /// How long after a successful sign-in its address stays known.
    pub known_for: Duration,
}

impl Default for SignInLimits {
    /// Ten wrong passwords per window from strangers in all, as before the
    /// rule existed, and as many again per address the owner uses: a
    /// person mistyping gets three tries at once and then a few seconds'
    /// pause, a guesser gets nowhere.
    fn default() -> Self {
        Self {
            window: Duration::minutes(15),
            free_per_address: 3,
            max_per_address: 10,
            free_from_unknown: 5,
            max_from_unknown: 10,
            max_delay: Duration::minutes(15),
            known_for: Duration::days(30),
        }
    }
}

impl SignInLimits {
    /// Before when a failure (first) and a success (second) no longer
    /// count for anything at `now`, so they can be forgotten.
    pub fn forget_before(&self, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        (now - self.window, now - self.known_for)
    }
}

/// One past sign-in attempt for the account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInAttempt {
    /// The client address, as [`address_key`] spells it.
    pub address: String,
    /// Whether the password was right.
    pub succeeded: bool,
    /// When it was made.
    pub at: DateTime<Utc>,
}

/// Whether an attempt may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInVerdict {
    /// Check the password.
    Allow,
    /// Refuse without checking; the next attempt from this address may go
    /// ahead in this many seconds (unless others fail meanwhile).
    Wait {
        /// Whole seconds, at least 1.
        seconds: u64,
    },
}

/// The network one client is taken to be: an IPv4 address itself, an
/// IPv6 address its /64 (one household or device gets a whole /64 and may
/// change addresses inside it at will), an IPv4-mapped IPv6 address its
/// IPv4 address. Every per-address count keys on this.
pub fn client_network(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The address an attempt is counted under. IPv6 hosts usually hold a
/// whole /64 and change addresses inside it (privacy extensions), so an
/// IPv6 address counts as its /64: one budget per host, and the owner's
/// device stays known when its address changes. An IPv4 address mapped
/// into IPv6 counts as the IPv4 address.
pub fn address_key(address: IpAddr) -> String {
    match client_network(address) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(network) => format!("{network}/64"),
    }
}

/// Judges an attempt from `address` at `now`, given the account's past
/// attempts (in any order; those outside their periods are ignored).
pub fn judge_sign_in(
    history: &[SignInAttempt],
    address: &str,
    now: DateTime<Utc>,
    limits: &SignInLimits,
) -> SignInVerdict {
    let (counted_since, known_since) = limits.forget_before(now);
    let known: HashSet<&str> =
        history.iter().filter(|a| a.succeeded && a.at >= known_since).map(|a| a.address.as_str()).collect();
    let failures = || history.iter().filter(|a| !a.succeeded && a.at >= counted_since);
    let own: Vec<DateTime<Utc>> = failures().filter(|a| a.address == address).map(|a| a.at).collect();
    let mut free_at = next_free(own, limits.free_per_address, limits.max_per_address, limits);
    if !known.contains(address) {
        let unknown: Vec<DateTime<Utc>> =
            failures().filter(|a| !known.contains(a.address.as_str())).map(|a| a.at).collect();
        free_at = free_at.max(next_free(unknown, limits.free_from_unknown, limits.max_from_unknown, limits));
    }
    match free_at.map(|at| (at - now).num_microseconds().unwrap_or(i64::MAX)) {
        Some(micros) if micros > 0 => {
            let seconds = micros / 1_000_000 + i64::from(micros % 1_000_000 != 0);
            SignInVerdict::Wait { seconds: u64::try_from(seconds).unwrap_or(u64::MAX) }
        }
        _ => SignInVerdict::Allow,
    }
}

/// The wait after `failures` failures when `free` cost none: doubling from
/// one second, at most `limits.max_delay`.
fn delay(failures: usize, free: u32, limits: &SignInLimits) -> Duration {
    let Some(over) = failures.checked_sub(usize::try_from(free).unwrap_or(usize::MAX)) else {
        return Duration::zero();
    };
    let seconds = u32::try_from(over).ok().and_then(|over| 1i64.checked_shl(over)).filter(|s| *s > 0);
    seconds.map_or(limits.max_delay, |s| Duration::seconds(s).min(limits.max_delay))
}

/// When one budget lets the next attempt through: `None` if at once.
fn next_free(mut failures: Vec<DateTime<Utc>>, free: u32, max: u32, limits: &SignInLimits) -> Option<DateTime<Utc>> {
    failures.sort_unstable();
    let count = failures.len();
    let last = *failures.last()?;
    if count < usize::try_from(free).unwrap_or(usize::MAX) {
        return None;
    }
    let mut at = last + delay(count, free, limits);
    let max = usize::try_from(max.max(1)).unwrap_or(usize::MAX);
    if let Some(oldest_over) = count.checked_sub(max).and_then(|i| failures.get(i)) {
        // The count falls below the cap when this failure leaves the window.
        at = at.max(*oldest_over + limits.window);
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    const OWNER: &str = "192.0.2.10";
    const STRANGER: &str = "203.0.113.9";

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).single().unwrap_or_default() + Duration::seconds(seconds)
    }

    fn failure(address: &str, seconds: i64) -> SignInAttempt {
        SignInAttempt { address: address.into(), succeeded: false, at: at(seconds) }
    }

    fn success(address: &str, seconds: i64) -> SignInAttempt {
        SignInAttempt { address: address.into(), succeeded: true, at: at(seconds) }
    }

    fn judge(history: &[SignInAttempt], address: &str, now: i64) -> SignInVerdict {
        judge_sign_in(history, address, at(now), &SignInLimits::default())
    }

    fn wait(verdict: SignInVerdict) -> u64 {
        match verdict {
            SignInVerdict::Allow => 0,
            SignInVerdict::Wait { seconds } => seconds,
        }
    }

    #[test]
    fn three_failures_are_free_then_the_wait_doubles_up_to_the_cap() {
        let mut history = Vec::new();
        let mut now = 0;
        let mut waits = Vec::new();
        for _ in 0..10 {
            let verdict = judge(&history, STRANGER, now);
            waits.push(wait(verdict));
            now += i64::try_from(wait(verdict)).unwrap_or(0);
            history.push(failure(STRANGER, now));
        }
        assert_eq!(waits, [0, 0, 0, 1, 2, 4, 8, 16, 32, 64]);
        // Ten failures from 0 s to 127 s: the address waits until the
        // first leaves the window (at 900 s), not just 128 s.
        assert_eq!(judge(&history, STRANGER, now), SignInVerdict::Wait { seconds: 900 - 127 });
        assert_eq!(judge(&history, STRANGER, 900), SignInVerdict::Allow);
    }

    #[test]
    fn a_known_address_is_judged_by_its_own_failures_only() {
        let mut history = vec![success(OWNER, -86_400)];
        history.extend((0..10).map(|i| failure(STRANGER, i)));
        assert!(matches!(judge(&history, STRANGER, 10), SignInVerdict::Wait { .. }));
        assert_eq!(judge(&history, OWNER, 10), SignInVerdict::Allow);
        // The owner's own mistakes still count, at their own address.
        history.extend((10..13).map(|i| failure(OWNER, i)));
        assert_eq!(judge(&history, OWNER, 12), SignInVerdict::Wait { seconds: 1 });
    }

    #[test]
    fn unknown_addresses_share_a_budget() {
        let botnet: Vec<String> = (1..=12).map(|i| format!("198.51.100.{i}")).collect();
        let mut history = vec![success(OWNER, -60)];
        // Five addresses fail once each: still free for everyone.
        history.extend((0..5).map(|i| failure(&botnet[i], 0)));
        assert_eq!(judge(&history, &botnet[5], 0), SignInVerdict::Wait { seconds: 1 });
        assert_eq!(judge(&history, &botnet[5], 1), SignInVerdict::Allow);
        history.push(failure(&botnet[5], 1));
        assert_eq!(judge(&history, &botnet[6], 1), SignInVerdict::Wait { seconds: 2 });
        // Ten in all: every unknown address waits for the window…
        history.extend((6..10).map(|i| failure(&botnet[i], 100)));
        assert_eq!(judge(&history, &botnet[11], 100), SignInVerdict::Wait { seconds: 800 });
        // …the owner's known address does not.
        assert_eq!(judge(&history, OWNER, 100), SignInVerdict::Allow);
        // An address stays known for 30 days after its last success.
        let month = 30 * 86_400;
        let late: Vec<SignInAttempt> =
            std::iter::once(success(OWNER, 0)).chain((0..5).map(|_| failure(STRANGER, month))).collect();
        assert_eq!(judge(&late, OWNER, month), SignInVerdict::Allow);
        let later: Vec<SignInAttempt> =
            std::iter::once(success(OWNER, 0)).chain((0..5).map(|_| failure(STRANGER, month + 1))).collect();
        assert_eq!(judge(&later, OWNER, month + 1), SignInVerdict::Wait { seconds: 1 });
    }

    #[test]
    fn failures_leave_the_window() {
        let history: Vec<SignInAttempt> = (0..10).map(|_| failure(STRANGER, 0)).collect();
        assert_eq!(judge(&history, STRANGER, 899), SignInVerdict::Wait { seconds: 1 });
        assert_eq!(judge(&history, STRANGER, 900), SignInVerdict::Allow);
    }

    #[test]
    fn ipv6_hosts_count_as_their_64() {
        let key = |text: &str| address_key(text.parse().unwrap_or(IpAddr::from([0, 0, 0, 0])));
        assert_eq!(key("203.0.113.9"), "203.0.113.9");
        assert_eq!(key("::ffff:203.0.113.9"), "203.0.113.9");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:bbbb:cccc:dddd:eeee"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
    }

    /// Addresses 0 to 5, of which 0 and 1 may be known.
    fn address(i: u8) -> String {
        format!("10.0.0.{i}")
    }

    fn attempts() -> impl Strategy<Value = Vec<SignInAttempt>> {
        proptest::collection::vec(
            (0u8..6, proptest::bool::weighted(0.1), -2_000i64..=0).prop_map(|(who, succeeded, seconds)| {
                SignInAttempt { address: address(if succeeded { who % 2 } else { who }), succeeded, at: at(seconds) }
            }),
            0..40,
        )
    }

    proptest! {
        /// One more failure, anywhere, never shortens anyone's wait.
        #[test]
        fn the_wait_never_decreases_as_failures_grow(
            history in attempts(),
            from in 0u8..6,
            asking in 0u8..6,
            extra in 0i64..=1_000,
        ) {
            let now = 1_000;
            let before = wait(judge(&history, &address(asking), now));
            let mut more = history.clone();
            more.push(failure(&address(from), extra));
            let after = wait(judge(&more, &address(asking), now));
            prop_assert!(after >= before, "{} < {}", after, before);
        }

        /// The owner's known address is unaffected by any number of
        /// failures from other addresses.
        #[test]
        fn a_known_address_ignores_failures_elsewhere(
            history in attempts(),
            strangers in proptest::collection::vec((1u8..6, -1_000i64..=0), 0..60),
        ) {
            let mut owned = history.clone();
            owned.push(success(&address(0), -3_000));
            let alone = judge(&owned, &address(0), 0);
            owned.extend(strangers.iter().map(|(who, seconds)| failure(&address(*who), *seconds)));
            prop_assert_eq!(judge(&owned, &address(0), 0), alone);
        }

        /// `Retry-After` is honest: after waiting it, with nothing new, the
        /// attempt goes ahead; and no wait is longer than the window or the
        /// longest delay.
        #[test]
        fn the_wait_is_bounded_and_enough(history in attempts(), asking in 0u8..6) {
            let limits = SignInLimits::default();
            let seconds = wait(judge(&history, &address(asking), 0));
            let longest = limits.window.max(limits.max_delay).num_seconds();
            prop_assert!(i64::try_from(seconds).unwrap_or(i64::MAX) <= longest);
            let later = i64::try_from(seconds).unwrap_or(0);
            prop_assert_eq!(judge(&history, &address(asking), later), SignInVerdict::Allow);
        }

        /// Below both free allowances nobody waits.
        #[test]
        fn the_first_failures_are_free(count in 0usize..3, spread in 0usize..2) {
            let history: Vec<SignInAttempt> =
                (0..count).map(|i| failure(&address(u8::try_from(i % (spread + 1)).unwrap_or(0)), 0)).collect();
            for asking in 0..6 {
                prop_assert_eq!(judge(&history, &address(asking), 0), SignInVerdict::Allow);
            }
        }
    }
}

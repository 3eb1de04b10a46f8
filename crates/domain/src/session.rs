//! What happens when a refresh token comes back after it was exchanged.
//!
//! Refresh tokens rotate: each exchange spends the token and issues its
//! successor. A spent token that comes back normally means it was copied,
//! and the whole sign-in (the token family) is revoked. One innocent case
//! looks the same: the client sent the exchange, the server rotated, and
//! the answer was lost (the page reloaded, the network dropped) before the
//! client stored the successor. Revoking then signs a reader out on every
//! device for a reload at the wrong moment.
//!
//! The rule tells the two apart with what only the server knows: a lost
//! answer means the successor was never used, and the token comes back
//! within seconds. Inside that grace window, counted from the first
//! exchange, with the latest successor still unused, the server retires
//! that successor and exchanges again (as often as the client retries in
//! the window). What a thief replaying inside the window gains is what a
//! thief who copied the live token gains, which no rotation scheme can
//! tell from its owner: a session that lasts until the owner refreshes
//! again (presenting a retired token, which revokes the family), or for as
//! long as the thief keeps refreshing if the owner never comes back; and
//! an access token that works until it expires (at most 15 minutes), since
//! access tokens are checked by signature, not against the family.

use chrono::{DateTime, Duration, Utc};

/// How long after an exchange a lost answer may be retried: a reload takes
/// a second or two before the new page sends its refresh; every second
/// more is a second in which a copy of the spent token would be taken for
/// the real client.
pub const REFRESH_RETRY_GRACE: Duration = Duration::seconds(10);

/// What the server does with a refresh token it has seen before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replay {
    /// A lost answer: retire the unused successor and exchange again.
    ExchangeAgain,
    /// A copied token: revoke the whole family.
    RevokeFamily,
}

/// The token as the rule needs it.
#[derive(Debug, Clone, Copy)]
pub struct SpentToken {
    /// When it was exchanged; `None` if it never was (only revoked).
    pub used_at: Option<DateTime<Utc>>,
    /// Whether it was revoked (sign-out, block, or an earlier replay).
    pub revoked: bool,
    /// Whether the token it was exchanged for is still live and unused.
    pub successor_unused: bool,
}

/// Judges a replay of `token` at `now` with the given grace window.
pub fn judge_replay(token: SpentToken, now: DateTime<Utc>, grace: Duration) -> Replay {
    let Some(used_at) = token.used_at else { return Replay::RevokeFamily };
    let since = now - used_at;
    let fresh = since >= Duration::zero() && since <= grace;
    if fresh && !token.revoked && token.successor_unused {
        Replay::ExchangeAgain
    } else {
        Replay::RevokeFamily
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().unwrap_or_default() + Duration::seconds(seconds)
    }

    #[test]
    fn a_lost_answer_is_exchanged_again() {
        let token = SpentToken { used_at: Some(at(0)), revoked: false, successor_unused: true };
        assert_eq!(judge_replay(token, at(2), REFRESH_RETRY_GRACE), Replay::ExchangeAgain);
        assert_eq!(judge_replay(token, at(10), REFRESH_RETRY_GRACE), Replay::ExchangeAgain);
        assert_eq!(judge_replay(token, at(11), REFRESH_RETRY_GRACE), Replay::RevokeFamily);
    }

    #[test]
    fn a_used_successor_or_a_revoked_token_means_a_copy() {
        let used = SpentToken { used_at: Some(at(0)), revoked: false, successor_unused: false };
        assert_eq!(judge_replay(used, at(1), REFRESH_RETRY_GRACE), Replay::RevokeFamily);
        let revoked = SpentToken { used_at: Some(at(0)), revoked: true, successor_unused: true };
        assert_eq!(judge_replay(revoked, at(1), REFRESH_RETRY_GRACE), Replay::RevokeFamily);
        let never_used = SpentToken { used_at: None, revoked: true, successor_unused: true };
        assert_eq!(judge_replay(never_used, at(1), REFRESH_RETRY_GRACE), Replay::RevokeFamily);
    }

    proptest! {
        /// Only a fresh, unrevoked token whose successor nobody used is
        /// exchanged again; everything else revokes.
        #[test]
        fn only_the_innocent_case_is_forgiven(
            used in proptest::option::of(-100i64..100),
            now in -100i64..200,
            revoked in any::<bool>(),
            successor_unused in any::<bool>(),
        ) {
            let token = SpentToken { used_at: used.map(at), revoked, successor_unused };
            let verdict = judge_replay(token, at(now), REFRESH_RETRY_GRACE);
            let innocent = used.is_some_and(|u| (0..=10).contains(&(now - u))) && !revoked && successor_unused;
            prop_assert_eq!(verdict == Replay::ExchangeAgain, innocent);
        }
    }
}

//! Access tokens (short-lived JWTs) and refresh tokens (random secrets of
//! which only a hash is stored).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use emenda_domain::notification::NotificationKind;
use emenda_domain::ErrorCode;
use emenda_service::{AccessError, InternalError};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Claims of an access token. Roles are deliberately absent: they are read
/// from the database on each request so that revoking one works at once.
#[derive(Debug, Serialize, Deserialize)]
struct AccessClaims {
    sub: Uuid,
    iat: i64,
    /// The issue time in microseconds, as the database dates a closing of
    /// sessions: `iat` counts whole seconds, and a token issued in the
    /// second its sessions were closed, just before, must not survive it.
    /// Absent from tokens issued before it existed (their second stands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iat_us: Option<i64>,
    nbf: i64,
    exp: i64,
    iss: String,
}

const ISSUER: &str = "emenda";

/// The issuer of unsubscribe links: another issuer than access tokens', so
/// neither is ever taken for the other.
const UNSUBSCRIBE_ISSUER: &str = "emenda-unsubscribe";

/// Claims of an unsubscribe link: whose letters of which kind to stop. No
/// expiry: a letter read a year later still unsubscribes.
#[derive(Debug, Serialize, Deserialize)]
struct UnsubscribeClaims {
    sub: Uuid,
    kind: NotificationKind,
    iss: String,
}

/// How far instances' clocks may disagree before a token issued "in the
/// future" (or not valid yet) is refused.
const CLOCK_LEEWAY_SECONDS: i64 = 60;

/// The HMAC keys for access tokens, made from the configured secret.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

impl JwtKeys {
    /// Keys from a secret (at least 32 bytes are expected by configuration).
    pub fn from_secret(secret: &[u8]) -> Self {
        Self { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret) }
    }

    /// Signs an access token for `user_id` valid until `expires_at`.
    /// Signing fails only on a broken key, which is the platform's fault.
    pub fn issue(&self, user_id: Uuid, now: DateTime<Utc>, expires_at: DateTime<Utc>) -> Result<String, InternalError> {
        let claims = AccessClaims {
            sub: user_id,
            iat: now.timestamp(),
            iat_us: Some(now.timestamp_micros()),
            nbf: now.timestamp(),
            exp: expires_at.timestamp(),
            iss: ISSUER.into(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| InternalError::new("signing an access token", e))
    }

    /// Signs an unsubscribe link's token: it stops letters of `kind` to
    /// `user_id`, and does nothing else.
    pub fn issue_unsubscribe(&self, user_id: Uuid, kind: NotificationKind) -> Result<String, InternalError> {
        let claims = UnsubscribeClaims { sub: user_id, kind, iss: UNSUBSCRIBE_ISSUER.into() };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| InternalError::new("signing an unsubscribe link", e))
    }

    /// Checks an unsubscribe link's token; returns whom and which kind it
    /// names.
    pub fn verify_unsubscribe(&self, token: &str) -> Result<(Uuid, NotificationKind), AccessError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[UNSUBSCRIBE_ISSUER]);
        validation.validate_exp = false;
        validation.set_required_spec_claims(&["sub", "iss"]);
        let claims = decode::<UnsubscribeClaims>(token, &self.decoding, &validation)
            .map_err(|_| AccessError::token(ErrorCode::TokenInvalid, "the unsubscribe link is not valid"))?
            .claims;
        Ok((claims.sub, claims.kind))
    }

    /// Checks signature, issuer, issue time, not-before and expiry (against
    /// `now`, the service's clock); returns the user id.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Uuid, AccessError> {
        self.verify_issued(token, now).map(|(user_id, _)| user_id)
    }

    /// [`JwtKeys::verify`], with when the token was issued, in microseconds
    /// since the epoch (a token issued before its account's sessions were
    /// closed is refused).
    pub fn verify_issued(&self, token: &str, now: DateTime<Utc>) -> Result<(Uuid, i64), AccessError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        // Times are checked below against the injected clock, not the
        // library's system clock.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp", "nbf", "sub", "iss"]);
        let invalid = |message: &str| AccessError::token(ErrorCode::TokenInvalid, message);
        let claims = decode::<AccessClaims>(token, &self.decoding, &validation)
            .map_err(|_| invalid("the access token is not valid"))?
            .claims;
        let now = now.timestamp();
        if claims.iat > now + CLOCK_LEEWAY_SECONDS || claims.nbf > now + CLOCK_LEEWAY_SECONDS {
            return Err(invalid("the access token is not valid yet"));
        }
        if claims.exp <= now {
            return Err(AccessError::token(ErrorCode::TokenExpired, "the access token has expired"));
        }
        Ok((claims.sub, claims.iat_us.unwrap_or(claims.iat.saturating_mul(1_000_000))))
    }
}

/// A new random secret: 32 bytes from the operating system, URL-safe text.
/// Fails only when the operating system has no randomness to give.
pub fn random_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The stored form of a refresh token: SHA-256, hex. A database leak then
/// gives nobody a usable token.
pub fn hash_refresh_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn tokens_verify_until_they_expire() {
        let keys = JwtKeys::from_secret(b"a test secret that is long enough!!");
        let now = Utc::now();
        let user = Uuid::now_v7();
        let token = keys.issue(user, now, now + Duration::minutes(15)).unwrap();
        assert_eq!(keys.verify(&token, now).unwrap(), user);
        let later = now + Duration::minutes(16);
        assert_eq!(keys.verify(&token, later).unwrap_err().code(), "token_expired");
    }

    #[test]
    fn tokens_from_another_secret_or_tampered_are_refused() {
        let keys = JwtKeys::from_secret(b"a test secret that is long enough!!");
        let other = JwtKeys::from_secret(b"another secret that is long enough!");
        let now = Utc::now();
        let token = other.issue(Uuid::now_v7(), now, now + Duration::minutes(5)).unwrap();
        assert_eq!(keys.verify(&token, now).unwrap_err().code(), "token_invalid");
        assert_eq!(keys.verify("not.a.token", now).unwrap_err().code(), "token_invalid");
    }

    #[test]
    fn tokens_issued_in_the_future_are_refused() {
        let keys = JwtKeys::from_secret(b"a test secret that is long enough!!");
        let now = Utc::now();
        let user = Uuid::now_v7();
        let early = keys.issue(user, now + Duration::minutes(10), now + Duration::minutes(20)).unwrap();
        assert_eq!(keys.verify(&early, now).unwrap_err().code(), "token_invalid");
        let skewed = keys.issue(user, now + Duration::seconds(30), now + Duration::minutes(15)).unwrap();
        assert_eq!(keys.verify(&skewed, now).unwrap(), user, "a small clock skew is tolerated");
        // A token without `nbf` (as issued by an older build) is refused.
        let claims =
            serde_json::json!({ "sub": user, "iat": now.timestamp(), "exp": now.timestamp() + 60, "iss": "emenda" });
        let bare = encode(&Header::new(Algorithm::HS256), &claims, &keys.encoding).unwrap();
        assert_eq!(keys.verify(&bare, now).unwrap_err().code(), "token_invalid");
    }

    #[test]
    fn secrets_are_random_and_hashes_stable() {
        assert_ne!(random_secret().unwrap(), random_secret().unwrap());
        assert_eq!(random_secret().unwrap().len(), 43);
        assert_eq!(hash_refresh_token("abc"), hash_refresh_token("abc"));
        assert_eq!(hash_refresh_token("abc").len(), 64);
    }
}

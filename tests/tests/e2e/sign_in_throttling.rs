//! Failed sign-ins are throttled per account and client address, over
//! HTTP on both backends: a stranger guessing an official's password is
//! delayed more and more and then capped, while the official, at the
//! address they signed in from before, signs in at once. The server trusts
//! `X-Forwarded-For`, as behind a proxy, so each request names its client.
//! Time passes by moving the recorded attempts into the past
//! (`age_sign_in_attempts`), never by sleeping.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_api::rate_limit::RateLimits;
use emenda_store::testing::age_sign_in_attempts;
use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, PASSWORD};
use serde_json::json;

const OFFICIAL: &str = "sindaca@example.it";
const OWNER: &str = "192.0.2.10";
const STRANGER: &str = "203.0.113.9";

fn behind_a_proxy(backend: Backend) -> TestApp {
    let generous = RateLimits {
        auth_per_minute: 100_000,
        writes_per_minute: 100_000,
        expensive_reads_per_minute: 100_000,
        trust_proxy_headers: true,
    };
    let app = TestApp::spawn_with_limits(backend, generous);
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": OFFICIAL, "password": PASSWORD, "nickname": "sindaca", "display_name": "La sindaca", "privacy_version": 1 }),
    )
    .expect(201);
    // The official has signed in from their usual address before.
    sign_in(&app, OFFICIAL, PASSWORD, OWNER).expect(200);
    app
}

fn sign_in(app: &TestApp, email: &str, password: &str, from: &str) -> Reply {
    let body = json!({ "email": email, "password": password });
    app.call_with("POST", "/api/v1/auth/login", None, Some(&body), &[("X-Forwarded-For", from)])
}

/// The `Retry-After` of a 429 `too_many_attempts` problem.
#[track_caller]
fn retry_after(reply: &Reply) -> u64 {
    reply.expect_problem(429, "too_many_attempts");
    reply.retry_after.as_deref().expect("Retry-After").parse().expect("seconds")
}

fn pass(app: &TestApp, seconds: u64) {
    age_sign_in_attempts(&app.store, chrono::Duration::seconds(i64::try_from(seconds).unwrap())).unwrap();
}

/// A stranger guesses `email`'s password from one address, each guess as
/// soon as it is let through, until the wait is longer than the doubling
/// reaches before the cap; returns the waits met. After each refusal the
/// official signs in from their usual address, at once.
fn stranger_guesses(app: &TestApp, email: &str) -> Vec<u64> {
    let mut waits = Vec::new();
    for _ in 0..30 {
        let guess = sign_in(app, email, "tentativo-sbagliato", STRANGER);
        if guess.status == 401 {
            guess.expect_problem(401, "invalid_credentials");
            continue;
        }
        let wait = retry_after(&guess);
        waits.push(wait);
        sign_in(app, OFFICIAL, PASSWORD, OWNER).expect(200);
        if wait > 64 {
            return waits;
        }
        // Asked again before the wait is over: still refused.
        assert!(retry_after(&sign_in(app, email, "tentativo-sbagliato", STRANGER)) <= wait);
        pass(app, wait);
    }
    panic!("the stranger was never capped: {waits:?}")
}

fn a_stranger_cannot_lock_the_official_out(backend: Backend) {
    let app = behind_a_proxy(backend);
    let waits = stranger_guesses(&app, OFFICIAL);
    // Three free guesses, then 1 s, 2 s, … 64 s; after ten guesses in
    // 127 s the stranger waits until the first leaves the 15-minute window.
    assert_eq!(waits[..7], [1, 2, 4, 8, 16, 32, 64], "{waits:?}");
    assert_eq!(waits.len(), 8, "{waits:?}");
    assert!((700..=900 - 127).contains(&waits[7]), "{waits:?}");
    // Even the right password is refused to the stranger now…
    retry_after(&sign_in(&app, OFFICIAL, PASSWORD, STRANGER));
    // …while the official signs in from their usual address at once.
    sign_in(&app, OFFICIAL, PASSWORD, OWNER).expect(200);

    // An e-mail nobody registered meets exactly the same waits: the
    // throttling says nothing about which accounts exist.
    let unknown = stranger_guesses(&app, "nessuno@example.it");
    assert_eq!(unknown[..7], waits[..7], "{unknown:?}");
    assert_eq!(unknown.len(), 8, "{unknown:?}");

    // Once the window has passed, the stranger may guess again.
    pass(&app, 900);
    sign_in(&app, OFFICIAL, "tentativo-sbagliato", STRANGER).expect_problem(401, "invalid_credentials");
}

/// Guesses from many addresses share one budget for the account: the
/// first five cost nothing, then each waits twice as long, and after ten
/// every address the official never signed in from waits for the window;
/// the official's usual address is untouched throughout.
fn strangers_share_one_budget_for_the_account(backend: Backend) {
    let app = behind_a_proxy(backend);
    let botnet: Vec<String> = (1..=12).map(|i| format!("198.51.100.{i}")).collect();
    for address in &botnet[..5] {
        sign_in(&app, OFFICIAL, "tentativo-sbagliato", address).expect_problem(401, "invalid_credentials");
    }
    let mut waits = Vec::new();
    for address in &botnet[5..11] {
        // A fresh address, which never failed itself, still waits.
        let wait = retry_after(&sign_in(&app, OFFICIAL, "tentativo-sbagliato", address));
        waits.push(wait);
        sign_in(&app, OFFICIAL, PASSWORD, OWNER).expect(200);
        if wait > 16 {
            break;
        }
        pass(&app, wait);
        sign_in(&app, OFFICIAL, "tentativo-sbagliato", address).expect_problem(401, "invalid_credentials");
    }
    assert_eq!(waits[..5], [1, 2, 4, 8, 16], "{waits:?}");
    assert_eq!(waits.len(), 6, "{waits:?}");
    assert!((800..=900 - 31).contains(&waits[5]), "{waits:?}");
    // The cost, as documented: the official at an address they never
    // signed in from waits like any stranger.
    retry_after(&sign_in(&app, OFFICIAL, PASSWORD, &botnet[11]));
    sign_in(&app, OFFICIAL, PASSWORD, OWNER).expect(200);
}

backend_tests!(a_stranger_cannot_lock_the_official_out, strangers_share_one_budget_for_the_account);

//! Session rules that depend on time, with a clock the test moves.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::{Duration, TimeZone, Utc};
use emenda_accounts::service::Registration;
use emenda_accounts::{AccountService, AuthSettings, JwtKeys};
use emenda_domain::clock::ManualClock;
use emenda_service::AccessError;
use emenda_service::{ServiceContext, ServiceError};
use emenda_store::testing::TestDatabase;
use emenda_store::HasStore;
use emenda_store::{backend_tests, users, Backend};
use std::net::IpAddr;
use std::sync::Arc;

const OWNER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 10));
const STRANGER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 9));

fn service(db: &TestDatabase) -> (AccountService, Arc<ManualClock>, ServiceContext) {
    let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
    let ctx = ServiceContext::from(db.store()).with_clock(clock.clone());
    let keys = JwtKeys::from_secret(b"a secret for the session tests, long");
    (AccountService::new(ctx.clone(), keys, AuthSettings::default()), clock, ctx)
}

fn register(accounts: &AccountService) {
    accounts
        .register(&Registration {
            email: "anna@example.it".into(),
            password: "una-password-lunga".into(),
            nickname: "anna".into(),
            display_name: "Anna".into(),
            consent: emenda_accounts::service::Consent::ByOperator,
            language: emenda_domain::mail::Language::It,
        })
        .unwrap();
}

fn refused(error: ServiceError) -> AccessError {
    match error {
        ServiceError::Access(refusal) => refusal,
        other => panic!("expected refused credentials, got {other:?}"),
    }
}

/// The waits a stranger at `STRANGER` meets guessing `email`'s password
/// until the cap: each guess made as soon as it is let through.
fn waits_until_the_cap(accounts: &AccountService, clock: &ManualClock, email: &str) -> Vec<u64> {
    let mut waits = Vec::new();
    loop {
        match refused(accounts.login(email, "sbagliata", STRANGER).unwrap_err()) {
            AccessError::InvalidCredentials => {}
            AccessError::TooManyAttempts { retry_after } if retry_after <= 64 => {
                waits.push(retry_after);
                clock.advance(Duration::seconds(i64::try_from(retry_after).unwrap()));
            }
            AccessError::TooManyAttempts { retry_after } => {
                waits.push(retry_after);
                return waits;
            }
            other => panic!("unexpected refusal {other:?}"),
        }
    }
}

fn throttling_is_per_address_and_ends_with_its_window(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, ctx) = service(&db);
    register(&accounts);
    accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    // Three free failures, then 1 s, 2 s, … 64 s, then ten failures in
    // 127 s: the stranger waits until the first leaves the window.
    assert_eq!(waits_until_the_cap(&accounts, &clock, "anna@example.it"), [1, 2, 4, 8, 16, 32, 64, 900 - 127]);
    // The owner, at the address they signed in from, is not delayed at all.
    accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    // An e-mail nobody registered meets exactly the same waits.
    assert_eq!(waits_until_the_cap(&accounts, &clock, "nessuno@example.it"), [1, 2, 4, 8, 16, 32, 64, 900 - 127]);
    clock.advance(Duration::minutes(16));
    assert_eq!(
        refused(accounts.login("anna@example.it", "sbagliata", STRANGER).unwrap_err()),
        AccessError::InvalidCredentials
    );
    // What is left: the owner's address once (its latest success) and the
    // new failure; failures older than the window are forgotten.
    let left = ctx.store().read(|tx| users::login_attempts(tx, "anna@example.it")).unwrap();
    let summary: Vec<(&str, bool)> = left.iter().map(|a| (a.address.as_str(), a.succeeded)).collect();
    assert_eq!(summary, [("192.0.2.10", true), ("203.0.113.9", false)]);
}

/// Mistakes at the owner's own address cost a short pause, and the right
/// password there forgives them.
fn a_success_forgives_its_addresss_failures(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, _) = service(&db);
    register(&accounts);
    for _ in 0..3 {
        refused(accounts.login("anna@example.it", "sbagliata", OWNER).unwrap_err());
    }
    assert_eq!(
        refused(accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap_err()),
        AccessError::TooManyAttempts { retry_after: 1 }
    );
    clock.advance(Duration::seconds(1));
    accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    for _ in 0..3 {
        assert_eq!(
            refused(accounts.login("anna@example.it", "sbagliata", OWNER).unwrap_err()),
            AccessError::InvalidCredentials
        );
    }
}

fn access_and_refresh_tokens_expire(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, _) = service(&db);
    register(&accounts);
    let session = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    assert_eq!(session.expires_in, 900);
    accounts.authenticate(&session.access_token).unwrap();
    clock.advance(Duration::minutes(16));
    assert_eq!(refused(accounts.authenticate(&session.access_token).unwrap_err()).code(), "token_expired");
    let rotated = accounts.refresh(&session.refresh_token).unwrap();
    accounts.authenticate(&rotated.access_token).unwrap();
    clock.advance(Duration::days(31));
    assert_eq!(refused(accounts.refresh(&rotated.refresh_token).unwrap_err()).code(), "token_expired");
}

/// A reload at the moment of a rotation loses the answer: the client comes
/// back with the token it already spent. Within the grace window, with the
/// successor never used, it gets a new pair instead of a revoked family;
/// the retired successor, if it ever turns up, is a copy.
fn a_lost_rotation_answer_may_be_retried_within_the_grace(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, _) = service(&db);
    register(&accounts);
    let session = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    let lost = accounts.refresh(&session.refresh_token).unwrap();
    clock.advance(Duration::seconds(4));
    let lost_again = accounts.refresh(&session.refresh_token).unwrap();
    clock.advance(Duration::seconds(4));
    let retried = accounts.refresh(&session.refresh_token).unwrap();
    assert_ne!(retried.refresh_token, lost.refresh_token);
    assert_ne!(retried.refresh_token, lost_again.refresh_token);
    let next = accounts.refresh(&retried.refresh_token).unwrap();
    // The successor whose answer was lost was retired: if it comes back,
    // someone holds a copy, and the whole sign-in ends.
    assert_eq!(refused(accounts.refresh(&lost.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&next.refresh_token).unwrap_err()).code(), "token_reused");
}

/// The grace covers one lost answer, soon after the exchange, whose
/// successor nobody used; any other replay revokes the family.
fn replays_outside_the_grace_revoke_the_family(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, _) = service(&db);
    register(&accounts);
    let too_late = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    let successor = accounts.refresh(&too_late.refresh_token).unwrap();
    clock.advance(Duration::seconds(11));
    assert_eq!(refused(accounts.refresh(&too_late.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&successor.refresh_token).unwrap_err()).code(), "token_reused");

    let received = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    let used = accounts.refresh(&received.refresh_token).unwrap();
    let latest = accounts.refresh(&used.refresh_token).unwrap();
    assert_eq!(refused(accounts.refresh(&received.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&latest.refresh_token).unwrap_err()).code(), "token_reused");

    // The window counts from the first exchange, not from each retry.
    let retried = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    accounts.refresh(&retried.refresh_token).unwrap();
    clock.advance(Duration::seconds(6));
    let retry = accounts.refresh(&retried.refresh_token).unwrap();
    clock.advance(Duration::seconds(6));
    assert_eq!(refused(accounts.refresh(&retried.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&retry.refresh_token).unwrap_err()).code(), "token_reused");

    let signed_out = accounts.login("anna@example.it", "una-password-lunga", OWNER).unwrap();
    let user_id = accounts.authenticate(&signed_out.access_token).unwrap().user.id;
    accounts.logout(user_id, &signed_out.refresh_token).unwrap();
    assert_eq!(refused(accounts.refresh(&signed_out.refresh_token).unwrap_err()).code(), "token_reused");
}

backend_tests!(
    throttling_is_per_address_and_ends_with_its_window,
    a_success_forgives_its_addresss_failures,
    access_and_refresh_tokens_expire,
    a_lost_rotation_answer_may_be_retried_within_the_grace,
    replays_outside_the_grace_revoke_the_family
);

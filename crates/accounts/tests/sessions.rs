//! Session rules that depend on time, with a clock the test moves.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::{Duration, TimeZone, Utc};
use emenda_accounts::service::Registration;
use emenda_accounts::{AccountService, AuthSettings, JwtKeys};
use emenda_domain::clock::{ManualClock, UuidV7};
use emenda_service::AccessError;
use emenda_service::{ServiceContext, ServiceError};
use emenda_store::testing::TestDatabase;
use emenda_store::{backend_tests, users, Backend};
use std::sync::Arc;

fn service(db: &TestDatabase) -> (AccountService, Arc<ManualClock>, ServiceContext) {
    let clock = Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()));
    let ctx = ServiceContext { store: db.store(), clock: clock.clone(), ids: Arc::new(UuidV7) };
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
        })
        .unwrap();
}

fn refused(error: ServiceError) -> AccessError {
    match error {
        ServiceError::Access(refusal) => refusal,
        other => panic!("expected refused credentials, got {other:?}"),
    }
}

fn throttling_ends_with_its_window(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, ctx) = service(&db);
    register(&accounts);
    for _ in 0..10 {
        assert_eq!(
            refused(accounts.login("anna@example.it", "sbagliata").unwrap_err()),
            AccessError::InvalidCredentials
        );
        clock.advance(Duration::seconds(30));
    }
    let AccessError::TooManyAttempts { retry_after } =
        refused(accounts.login("anna@example.it", "una-password-lunga").unwrap_err())
    else {
        panic!("expected a rate limit")
    };
    // The oldest failure was 5 minutes ago: the window frees in 10 minutes.
    assert_eq!(retry_after, 600);
    clock.advance(Duration::minutes(16));
    accounts.login("anna@example.it", "una-password-lunga").unwrap();
    let since = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
    let (kept, _) = ctx.store.read(|tx| users::recent_failures(tx, "anna@example.it", since)).unwrap();
    assert_eq!(kept, 0, "failures older than the window are forgotten");
}

fn access_and_refresh_tokens_expire(backend: Backend) {
    let db = TestDatabase::new(backend);
    let (accounts, clock, _) = service(&db);
    register(&accounts);
    let session = accounts.login("anna@example.it", "una-password-lunga").unwrap();
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
    let session = accounts.login("anna@example.it", "una-password-lunga").unwrap();
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
    let too_late = accounts.login("anna@example.it", "una-password-lunga").unwrap();
    let successor = accounts.refresh(&too_late.refresh_token).unwrap();
    clock.advance(Duration::seconds(11));
    assert_eq!(refused(accounts.refresh(&too_late.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&successor.refresh_token).unwrap_err()).code(), "token_reused");

    let received = accounts.login("anna@example.it", "una-password-lunga").unwrap();
    let used = accounts.refresh(&received.refresh_token).unwrap();
    let latest = accounts.refresh(&used.refresh_token).unwrap();
    assert_eq!(refused(accounts.refresh(&received.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&latest.refresh_token).unwrap_err()).code(), "token_reused");

    // The window counts from the first exchange, not from each retry.
    let retried = accounts.login("anna@example.it", "una-password-lunga").unwrap();
    accounts.refresh(&retried.refresh_token).unwrap();
    clock.advance(Duration::seconds(6));
    let retry = accounts.refresh(&retried.refresh_token).unwrap();
    clock.advance(Duration::seconds(6));
    assert_eq!(refused(accounts.refresh(&retried.refresh_token).unwrap_err()).code(), "token_reused");
    assert_eq!(refused(accounts.refresh(&retry.refresh_token).unwrap_err()).code(), "token_reused");

    let signed_out = accounts.login("anna@example.it", "una-password-lunga").unwrap();
    let user_id = accounts.authenticate(&signed_out.access_token).unwrap().user.id;
    accounts.logout(user_id, &signed_out.refresh_token).unwrap();
    assert_eq!(refused(accounts.refresh(&signed_out.refresh_token).unwrap_err()).code(), "token_reused");
}

backend_tests!(
    throttling_ends_with_its_window,
    access_and_refresh_tokens_expire,
    a_lost_rotation_answer_may_be_retried_within_the_grace,
    replays_outside_the_grace_revoke_the_family
);

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

backend_tests!(throttling_ends_with_its_window, access_and_refresh_tokens_expire);

//! Transactions on both backends: uniqueness, rollback, gap-free
//! sequences and the compare-and-set that prevents lost updates.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{seed_proposal, seed_user};
use chrono::Utc;
use emenda_domain::proposal::ProposalState;
use emenda_store::testing::TestDatabase;
use emenda_store::{backend_tests, proposals, sequences, users, Backend, StoreError};
use uuid::Uuid;

fn duplicate_emails_are_reported(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    seed_user(&store, "mario");
    let again = store.write(|tx| {
        users::insert(
            tx,
            &users::NewUser {
                id: Uuid::now_v7(),
                email: "mario@example.it",
                nickname: "altro",
                display_name: "Altro",
                password_hash: "x",
                created_at: Utc::now(),
            },
        )
    });
    assert!(matches!(again, Err(StoreError::Duplicate { .. })), "{again:?}");
}

fn failed_transactions_leave_nothing(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    /// A rule that refuses after something was written.
    #[derive(Debug)]
    enum Refused {
        Rule,
        Store(#[allow(dead_code)] StoreError),
    }
    impl From<StoreError> for Refused {
        fn from(error: StoreError) -> Self {
            Refused::Store(error)
        }
    }
    let outcome: Result<(), Refused> = store.write(|tx| {
        sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
        Err(Refused::Rule)
    });
    assert!(matches!(outcome, Err(Refused::Rule)));
    assert!(outcome.is_err());
    let next = store.write(|tx| sequences::next(tx, sequences::PROPOSAL_REFERENCE)).expect("next");
    assert_eq!(next, 1, "a rolled-back number is given back: references stay gap-free");
}

fn concurrent_sequence_numbers_are_unique_and_gap_free(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let store = store.clone();
            std::thread::spawn(move || store.write(|tx| sequences::next(tx, sequences::PROPOSAL_REFERENCE)))
        })
        .collect();
    let mut numbers: Vec<i64> = handles.into_iter().map(|h| h.join().expect("thread").expect("next")).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
}

fn version_compare_and_set_lets_one_writer_win(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let (proposal, _) = seed_proposal(&store);
    let open = ProposalState::OPEN;
    let advance = |from: i32, states: &[ProposalState], title: &str| {
        store.write(|tx| proposals::advance_version(tx, proposal, from, states, title, Utc::now())).expect("cas")
    };
    assert!(advance(1, &open, "Nuovo titolo"));
    assert!(!advance(1, &open, "Altro titolo"), "a stale base loses");
    assert!(!advance(2, &[ProposalState::Evaluating], "Altro titolo"), "a state that no longer allows it loses");
    let record = store.read(|tx| proposals::find_by_id(tx, proposal)).expect("read").expect("found");
    assert_eq!((record.current_version, record.title.as_str()), (2, "Nuovo titolo"));
}

backend_tests!(
    duplicate_emails_are_reported,
    failed_transactions_leave_nothing,
    concurrent_sequence_numbers_are_unique_and_gap_free,
    version_compare_and_set_lets_one_writer_win,
);

/// The SQLite compiled in keeps each statement's plan (see
/// `.cargo/config.toml`): without it every cached statement with a bound
/// `LIMIT` is parsed and planned again on each call.
#[test]
fn sqlite_plans_are_stable() {
    let db = TestDatabase::new(Backend::Sqlite);
    assert!(db.store().plans_are_stable().unwrap(), "SQLite was built without SQLITE_ENABLE_QPSG");
}

/// The pool does not test a connection before handing it out (that was a
/// round trip in front of every read). A connection the server closed is
/// found by the request that meets it, which fails once; the pool drops it
/// and the next request gets a new one, so a database restart costs one
/// failed request per pooled connection, never a pool of dead ones.
#[test]
fn a_connection_the_server_closed_costs_one_request() {
    let db = TestDatabase::new(Backend::Postgres);
    let store = db.store();
    // One pooled connection, idle.
    store.read(|tx| users::find_by_email(tx, "nobody@example.it")).unwrap();
    let other = db.store();
    let close_others = || {
        emenda_store::testing::execute_raw(
            &other,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .unwrap()
    };
    close_others();
    let met = store.read(|tx| users::find_by_email(tx, "nobody@example.it"));
    assert!(met.is_err(), "the closed connection was handed out and failed");
    for _ in 0..3 {
        store.read(|tx| users::find_by_email(tx, "nobody@example.it")).expect("a new connection");
    }
    // The same for a one-statement read, which runs outside a transaction.
    close_others();
    let met = store.read_statement(|tx| users::find_by_email(tx, "nobody@example.it"));
    assert!(met.is_err(), "the closed connection was handed out and failed");
    for _ in 0..3 {
        store.read_statement(|tx| users::find_by_email(tx, "nobody@example.it")).expect("a new connection");
    }
}

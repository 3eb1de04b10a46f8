//! Transactions on both backends: uniqueness, rollback, gap-free
//! sequences and the compare-and-set that prevents lost updates.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{seed_proposal, seed_user};
use chrono::Utc;
use emenda_domain::proposal::ProposalState;
use emenda_store::testing::TestDatabase;
use emenda_store::{backend_tests, proposals, sequences, users, Backend, Lane, StoreError};
use uuid::Uuid;

/// How a test write ends: a rule refused it after it wrote something, or
/// the store failed.
#[derive(Debug)]
enum Ending {
    Refused,
    Store(#[allow(dead_code)] StoreError),
}

impl From<StoreError> for Ending {
    fn from(error: StoreError) -> Self {
        Ending::Store(error)
    }
}

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
    let outcome: Result<(), Ending> = store.write(|tx| {
        sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
        Err(Ending::Refused)
    });
    assert!(matches!(outcome, Err(Ending::Refused)));
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

fn grouped_writes_share_a_commit_and_keep_their_own_outcome(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    seed_user(&store, "mario");
    // The first write holds its batch open until every other writer has
    // queued, so they run together in the next one.
    let (release, held) = std::sync::mpsc::channel::<()>();
    let first = {
        let store = store.clone();
        std::thread::spawn(move || {
            store.write_grouped(Lane::Publications, move |tx| {
                let number = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
                held.recv().expect("released");
                Ok::<_, Ending>((number, std::thread::current().id()))
            })
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(100));
    let writers: Vec<_> = (1..24)
        .map(|i| {
            let store = store.clone();
            std::thread::spawn(move || {
                let caller = std::thread::current().id();
                let outcome = store.write_grouped(Lane::Publications, move |tx| {
                    let number = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
                    match i % 4 {
                        // A rule refuses after the number was taken.
                        1 => Err(Ending::Refused),
                        // The database refuses a statement after the number
                        // was taken (on PostgreSQL this spoils the whole
                        // transaction unless its savepoint is rolled back).
                        2 => {
                            let duplicate = users::NewUser {
                                id: Uuid::now_v7(),
                                email: "mario@example.it",
                                nickname: "mario-bis",
                                display_name: "Doppione",
                                password_hash: "x",
                                created_at: Utc::now(),
                            };
                            users::insert(tx, &duplicate)?;
                            Ok((number, std::thread::current().id()))
                        }
                        _ => Ok((number, std::thread::current().id())),
                    }
                });
                (i, caller, outcome)
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    release.send(()).expect("first writer waits");
    let (first_number, _) = first.join().expect("first writer").expect("first write commits");
    assert_eq!(first_number, 1);
    let mut numbers = vec![first_number];
    let mut ran_elsewhere = 0;
    for (i, caller, outcome) in writers.into_iter().map(|h| h.join().expect("writer")) {
        match (i % 4, outcome) {
            (1, Err(Ending::Refused)) => {}
            (2, Err(Ending::Store(StoreError::Duplicate { .. }))) => {}
            (0 | 3, Ok((number, ran_on))) => {
                numbers.push(number);
                ran_elsewhere += usize::from(ran_on != caller);
            }
            (_, other) => panic!("writer {i} ended with {other:?}"),
        }
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>(), "refused writes gave their numbers back");
    match backend {
        Backend::Sqlite => assert!(ran_elsewhere > 0, "the queued writes shared a batch led by another writer"),
        // No batches on PostgreSQL: each write is its own transaction.
        Backend::Postgres => assert_eq!(ran_elsewhere, 0),
    }
    let next = store.write(|tx| sequences::next(tx, sequences::PROPOSAL_REFERENCE)).expect("next");
    assert_eq!(next, 13, "nothing of a refused write was committed");
}

/// Starts a grouped write that takes a reference number and waits for
/// `release` before finishing: the batch it leads stays open meanwhile.
fn hold_a_batch_open(store: &emenda_store::Store) -> (std::sync::mpsc::Sender<()>, std::thread::JoinHandle<i64>) {
    let (release, held) = std::sync::mpsc::channel::<()>();
    let store = store.clone();
    let first = std::thread::spawn(move || {
        store
            .write_grouped(Lane::Publications, move |tx| {
                let number = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
                held.recv().expect("released");
                Ok::<_, StoreError>(number)
            })
            .expect("the first write commits")
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
    (release, first)
}

/// A write that panics in a shared batch panics on its own thread, and
/// the rest of its batch commits.
fn a_panic_in_a_batch_is_its_writers_alone(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let (release, first) = hold_a_batch_open(&store);
    let writers: Vec<_> = (1..9)
        .map(|i| {
            let store = store.clone();
            std::thread::spawn(move || {
                store.write_grouped(Lane::Publications, move |tx| {
                    let number = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
                    assert!(i != 4, "writer 4 breaks");
                    Ok::<_, StoreError>(number)
                })
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(200));
    release.send(()).expect("first writer waits");
    assert_eq!(first.join().expect("first writer"), 1);
    let outcomes: Vec<_> = writers.into_iter().map(std::thread::JoinHandle::join).collect();
    assert!(outcomes[3].is_err(), "writer 4's own thread panicked");
    let mut numbers: Vec<i64> = outcomes
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != 3)
        .map(|(i, o)| o.unwrap_or_else(|_| panic!("writer {} panicked", i + 1)).expect("committed"))
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (2..=8).collect::<Vec<_>>(), "the panicking write gave its number back");
}

/// On SQLite, a transaction the database ends on its own in the middle of
/// a batch fails the whole batch: nothing after it commits alone, and
/// nothing before it is reported committed.
#[test]
fn a_batch_the_database_ended_fails_whole() {
    let db = TestDatabase::new(Backend::Sqlite);
    let store = db.store();
    let (release, first) = hold_a_batch_open(&store);
    // The breaking write queues first, then the others.
    let spawn = |store: emenda_store::Store, breaks: bool| {
        std::thread::spawn(move || {
            store.write_grouped(Lane::Publications, move |tx| {
                let number = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
                if breaks {
                    emenda_store::testing::execute_in(tx, "ROLLBACK")?;
                }
                Ok::<_, StoreError>(number)
            })
        })
    };
    let mut writers = vec![spawn(store.clone(), true)];
    std::thread::sleep(std::time::Duration::from_millis(50));
    writers.extend((0..8).map(|_| spawn(store.clone(), false)));
    std::thread::sleep(std::time::Duration::from_millis(200));
    release.send(()).expect("first writer waits");
    assert_eq!(first.join().expect("first writer"), 1);
    for writer in writers {
        let outcome = writer.join().expect("no panic");
        assert!(outcome.is_err(), "every write of the broken batch fails: {outcome:?}");
    }
    let next = store.write(|tx| sequences::next(tx, sequences::PROPOSAL_REFERENCE)).expect("next");
    assert_eq!(next, 2, "nothing of the broken batch was committed");
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
    grouped_writes_share_a_commit_and_keep_their_own_outcome,
    a_panic_in_a_batch_is_its_writers_alone,
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

//! Read transactions are snapshots on both backends: a write committed
//! half-way through a read is not seen by the rest of that read.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::Utc;
use emenda_store::testing::TestDatabase;
use emenda_store::{backend_tests, users, Backend, Store, StoreError};
use uuid::Uuid;

fn register(store: &Store, nickname: &str) {
    let email = format!("{nickname}@example.it");
    store
        .write(|tx| {
            users::insert(
                tx,
                &users::NewUser {
                    id: Uuid::now_v7(),
                    email: &email,
                    nickname,
                    display_name: nickname,
                    password_hash: "x",
                    created_at: Utc::now(),
                },
            )
        })
        .expect("insert user");
}

fn a_read_does_not_see_a_write_committed_during_it(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    register(&store, "prima");
    let (first, second) = store
        .read(|tx| {
            let first = users::find_by_email(tx, "prima@example.it")?.map(|u| u.nickname);
            // Another connection commits a new user and renames nothing in
            // between; the read must go on seeing the state it started with.
            let writer = store.clone();
            std::thread::spawn(move || register(&writer, "seconda")).join().expect("writer");
            let second = users::find_by_email(tx, "seconda@example.it")?.map(|u| u.nickname);
            Ok::<_, StoreError>((first, second))
        })
        .expect("read");
    assert_eq!(first.as_deref(), Some("prima"));
    assert_eq!(second, None, "the read saw a write committed after it began");
    let after = store.read(|tx| users::find_by_email(tx, "seconda@example.it")).expect("read");
    assert!(after.is_some(), "a new read sees the committed write");
}

backend_tests!(a_read_does_not_see_a_write_committed_during_it);

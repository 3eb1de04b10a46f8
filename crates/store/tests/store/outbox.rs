//! The mail outbox on both backends: a letter is taken by one sender at a
//! time (its lease), every take counts as an attempt, a failed letter
//! waits for its retry time, and a sent one forgets its bodies.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{post_letter, seed_user};
use chrono::{Duration, Utc};
use emenda_domain::mail::{Language, Letter, MailKind, MailState};
use emenda_store::outbox::{self, NewMail};
use emenda_store::testing::{letter_bodies, TestDatabase};
use emenda_store::{backend_tests, Backend, Store};
use std::sync::{Arc, Barrier};
use uuid::Uuid;

fn enqueue(store: &Store, user: Uuid, n: usize) -> Vec<Uuid> {
    let letter = Letter { subject: "Oggetto".into(), text: "testo con link".into(), html: "<p>html</p>".into() };
    let at = Utc::now() - Duration::seconds(1);
    (0..n).map(|_| post_letter(store, user, "maria@example.it", MailKind::PasswordReset, &letter, at)).collect()
}

fn a_letter_is_leased_retried_and_forgets_its_bodies_when_sent(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let user = seed_user(&store, "maria");
    let id = enqueue(&store, user, 1)[0];
    let now = Utc::now();
    let lease = now + Duration::seconds(60);

    let taken = store.write(|tx| outbox::claim_due(tx, now, lease, 10)).unwrap();
    assert_eq!((taken.len(), taken[0].attempts), (1, 1));
    assert!(store.write(|tx| outbox::claim_due(tx, now, lease, 10)).unwrap().is_empty(), "leased to the first taker");
    // Its taker died: after the lease another takes it, as a second attempt.
    let later = lease + Duration::seconds(1);
    let again = store.write(|tx| outbox::claim_due(tx, later, later + Duration::seconds(60), 10)).unwrap();
    assert_eq!(again[0].attempts, 2);

    let retry_at = later + Duration::seconds(30);
    assert!(store.write(|tx| outbox::mark_failed(tx, id, 2, "451 try later", Some(retry_at))).unwrap());
    assert!(store.write(|tx| outbox::claim_due(tx, later, retry_at, 10)).unwrap().is_empty(), "not due yet");
    let third = store.write(|tx| outbox::claim_due(tx, retry_at, retry_at + Duration::seconds(60), 10)).unwrap();
    assert_eq!(third[0].attempts, 3);
    assert_eq!(store.read(|tx| letter_bodies(tx, id)).unwrap(), ("testo con link".into(), "<p>html</p>".into()));

    assert!(!store.write(|tx| outbox::mark_sent(tx, id, 2, retry_at)).unwrap(), "attempt 2 was taken over by 3");
    assert!(store.write(|tx| outbox::mark_sent(tx, id, 3, retry_at)).unwrap());
    assert_eq!(store.read(|tx| letter_bodies(tx, id)).unwrap(), (String::new(), String::new()));
    let listed = store.read(|tx| outbox::list(tx, Some(MailState::Sent), None, 10)).unwrap();
    assert_eq!((listed.len(), listed[0].last_error.as_deref()), (1, None));
    let far = retry_at + Duration::days(1);
    assert!(store.write(|tx| outbox::claim_due(tx, far, far, 10)).unwrap().is_empty(), "a sent letter stays sent");
}

/// A letter taken at every attempt and never recorded (its sender died
/// each time) is given up, not taken forever.
fn a_letter_that_kills_its_senders_dies(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let user = seed_user(&store, "maria");
    let id = enqueue(&store, user, 1)[0];
    let mut now = Utc::now();
    for attempt in 1..=emenda_domain::mail::MAX_ATTEMPTS {
        let taken = store.write(|tx| outbox::claim_due(tx, now, now + Duration::seconds(10), 1)).unwrap();
        assert_eq!(taken[0].attempts, attempt);
        now += Duration::seconds(11);
    }
    assert!(store.write(|tx| outbox::claim_due(tx, now, now + Duration::seconds(10), 1)).unwrap().is_empty());
    let dead = store.read(|tx| outbox::list(tx, Some(MailState::Dead), None, 10)).unwrap();
    assert_eq!(dead.iter().map(|l| l.id).collect::<Vec<_>>(), vec![id]);
}

/// A letter written in a transaction that fails is not there: the outbox
/// commits with the change that writes to it, or not at all.
fn a_letter_rolls_back_with_its_transaction(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let user = seed_user(&store, "maria");
    let letter = Letter { subject: "Oggetto".into(), text: "testo".into(), html: "<p>html</p>".into() };
    let failed: Result<(), emenda_store::StoreError> = store.write(|tx| {
        let id = Uuid::now_v7();
        outbox::enqueue(
            tx,
            &NewMail {
                id,
                message_id: &format!("<{id}@example.it>"),
                user_id: Some(user),
                recipient: "maria@example.it",
                kind: MailKind::PasswordReset,
                language: Language::It,
                letter: &letter,
                created_at: Utc::now(),
                unsubscribe_url: None,
            },
        )?;
        Err(emenda_store::StoreError::Corrupt("the change after the letter failed".into()))
    });
    assert!(failed.is_err());
    assert!(store.read(|tx| outbox::list(tx, None, None, 10)).unwrap().is_empty());
}

/// Senders taking letters at the same moment never take the same one.
fn parallel_senders_never_take_one_letter_twice(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let user = seed_user(&store, "maria");
    let ids = enqueue(&store, user, 40);
    let senders = 8;
    let barrier = Arc::new(Barrier::new(senders));
    let taken: Vec<Uuid> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..senders)
            .map(|_| {
                let (store, barrier) = (store.clone(), barrier.clone());
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    barrier.wait();
                    loop {
                        let now = Utc::now();
                        let claimed =
                            store.write(|tx| outbox::claim_due(tx, now, now + Duration::minutes(5), 3)).unwrap();
                        if claimed.is_empty() {
                            return mine;
                        }
                        mine.extend(claimed.into_iter().map(|m| m.id));
                    }
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = taken.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), taken.len(), "a letter was taken twice");
    let mut expected = ids;
    expected.sort();
    assert_eq!(sorted, expected, "every letter was taken");
}

backend_tests!(
    a_letter_is_leased_retried_and_forgets_its_bodies_when_sent,
    a_letter_that_kills_its_senders_dies,
    a_letter_rolls_back_with_its_transaction,
    parallel_senders_never_take_one_letter_twice
);

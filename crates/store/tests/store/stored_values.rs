//! Typed values through diesel, against a real database of each backend:
//! stored as the exact text the storage decisions name, and text that is
//! not of its column's type reported as corrupt.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::{TimeZone, Utc};
use emenda_store::testing::{execute_raw, query_text, TestDatabase};
use emenda_store::{spaces as space_rows, users as user_rows, Backend, Store, StoreError};
use uuid::Uuid;

fn seed_user(store: &Store) -> Uuid {
    let id = Uuid::now_v7();
    let created_at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap() + chrono::Duration::nanoseconds(5_999);
    let user = user_rows::NewUser {
        id,
        email: "a@example.it",
        nickname: "a",
        display_name: "A",
        password_hash: "x",
        created_at,
    };
    store.write(|tx| user_rows::insert(tx, &user)).unwrap();
    id
}

/// Typed writes store exactly the text the storage decisions name.
fn typed_values_are_stored_as_their_exact_text(backend: Backend) {
    let database = TestDatabase::new(backend);
    let store = database.store();
    let id = seed_user(&store);
    let space = space_rows::SpaceRecord {
        id: Uuid::now_v7(),
        slug: "s".into(),
        title: "S".into(),
        description: String::new(),
        settings: Default::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    store.write(|tx| space_rows::insert(tx, &space)).unwrap();
    let stored_id = query_text(&store, "SELECT id AS value FROM users").unwrap();
    let created_at = query_text(&store, "SELECT created_at AS value FROM users").unwrap();
    assert_eq!(stored_id, [id.hyphenated().to_string()]);
    assert_eq!(created_at, ["2026-11-25T10:00:00.000005Z"]);
    let visibility = query_text(&store, "SELECT amendments_visibility AS value FROM spaces").unwrap();
    assert_eq!(visibility, [space.settings.amendments_visibility.as_str()]);
    let read = store.read(|tx| user_rows::find_by_id(tx, id)).unwrap().unwrap();
    assert_eq!(read.created_at.timestamp_subsec_micros(), 5);
}

/// Text that is not of its column's type is corrupt data, reported as
/// such, and never a panic.
fn unparsable_text_is_reported_as_corrupt(backend: Backend) {
    let database = TestDatabase::new(backend);
    let store = database.store();
    let id = seed_user(&store);
    execute_raw(&store, "UPDATE users SET verified_at = 'yesterday'").unwrap();
    match store.read(|tx| user_rows::find_by_id(tx, id)) {
        Err(StoreError::Corrupt(message)) => assert_eq!(message, "verified_at: not a timestamp: yesterday"),
        other => panic!("expected corrupt data, got {other:?}"),
    }
}

emenda_store::backend_tests!(typed_values_are_stored_as_their_exact_text, unparsable_text_is_reported_as_corrupt);

//! The schema on both backends: migrations apply once, both backends
//! describe the same tables, columns, keys, indexes, checks and triggers,
//! and drift on one side fails; foreign keys and WAL are on.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::seed_user;
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{backend_tests, Backend};

fn other(backend: Backend) -> Backend {
    match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    }
}

/// Lines of `a` missing from `b`, for a readable failure.
fn missing(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|line| !b.contains(line)).cloned().collect()
}

fn migrations_are_idempotent(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    assert_eq!(store.migrate().expect("second run"), 0);
    store.ping().expect("ping");
}

fn both_backends_have_the_same_schema(backend: Backend) {
    let db = TestDatabase::new(backend);
    let schema = emenda_store::schema_columns(&db.store()).expect("schema");
    let other_db = TestDatabase::new(other(backend));
    let other_schema = emenda_store::schema_columns(&other_db.store()).expect("schema");
    // The description covers what must not drift, not just names.
    for expected in [
        "column proposal_versions.content_hash text not null default=none pk=0",
        "column proposal_versions.number integer not null default=none pk=2",
        "column proposals.hidden boolean not null default=false pk=0",
        "column audit_log.seq integer null default=none pk=0",
        "foreign key amendments.proposal_id -> proposals.id on delete no action",
        "unique index amendments(proposal_id,author_id) name=amendments_one_open where=state = 'evaluating'",
        "unique index role_grants(user_id,role,<expr>) name=role_grants_unique where=-",
        "unique index users(email) name=- where=-",
        "unique index audit_log(seq) name=audit_log_seq where=-",
        "check spaces.amendments_visibility",
        "check log_entries.kind",
        "unique index log_entries(kind,subject_id,subject_number) name=log_entries_subject where=-",
        "guard audit_log refuses delete,replace,update",
        "guard proposal_versions refuses delete,replace,update",
        "guard proposal_answers refuses delete,replace,update",
    ] {
        assert!(schema.iter().any(|line| line == expected), "{expected} not in {schema:#?}");
    }
    assert_eq!(
        (missing(&schema, &other_schema), missing(&other_schema, &schema)),
        (vec![], vec![]),
        "the two backends' schemas differ"
    );
}

fn drift_on_one_backend_is_caught(backend: Backend) {
    let baseline = emenda_store::schema_columns(&TestDatabase::new(other(backend)).store()).expect("schema");
    let drifts = [
        "CREATE INDEX users_created ON users (created_at)",
        "CREATE UNIQUE INDEX spaces_title ON spaces (title) WHERE proposals_open",
        "ALTER TABLE login_attempts ADD COLUMN note TEXT",
        "CREATE TABLE extra (id TEXT PRIMARY KEY NOT NULL, n INTEGER CHECK (n > 0))",
        "DROP INDEX proposals_comments",
    ];
    for drift in drifts {
        let db = TestDatabase::new(backend);
        let store = db.store();
        execute_raw(&store, drift).expect("drift");
        assert_ne!(emenda_store::schema_columns(&store).expect("schema"), baseline, "{drift} went unnoticed");
    }
    // A trigger dropped on one backend shows too.
    let db = TestDatabase::new(backend);
    let store = db.store();
    let drop = match backend {
        Backend::Sqlite => "DROP TRIGGER proposal_answers_no_replace",
        Backend::Postgres => "DROP TRIGGER proposal_answers_immutable ON proposal_answers",
    };
    execute_raw(&store, drop).expect("drop trigger");
    assert_ne!(emenda_store::schema_columns(&store).expect("schema"), baseline, "a dropped trigger went unnoticed");
}

fn foreign_keys_are_enforced_and_sqlite_uses_wal(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let orphan = execute_raw(
        &store,
        "INSERT INTO proposal_authors (proposal_id, user_id, kind, added_at) \
         VALUES ('missing', 'missing', 'creator', '2026-11-25T10:00:00.000000Z')",
    );
    assert!(orphan.is_err(), "rows pointing nowhere are refused");
    if backend == Backend::Sqlite {
        seed_user(&store, "scrittore");
        let wal = format!("{}-wal", db.target.location);
        assert!(std::path::Path::new(&wal).exists(), "SQLite runs in WAL mode");
    }
}

backend_tests!(
    migrations_are_idempotent,
    both_backends_have_the_same_schema,
    drift_on_one_backend_is_caught,
    foreign_keys_are_enforced_and_sqlite_uses_wal,
);

/// Rows the planner's statistics hold for the full-text index's tables.
fn index_statistics(store: &emenda_store::Store) -> Vec<String> {
    emenda_store::testing::query_text(
        store,
        "SELECT tbl AS value FROM sqlite_stat1 WHERE tbl LIKE 'proposal_search_fts%' ORDER BY tbl",
    )
    .unwrap()
}

/// Statistics of the full-text index's tables taken while it was nearly
/// empty made SQLite scan the whole index for each of its key ranges;
/// opening the database forgets them (SQLite; PostgreSQL has no FTS5).
#[test]
fn statistics_of_the_search_index_are_forgotten_on_open() {
    let database = TestDatabase::new(Backend::Sqlite);
    let store = database.store();
    execute_raw(&store, "ANALYZE").unwrap();
    assert!(!index_statistics(&store).is_empty(), "ANALYZE of an empty index records it");
    let other_statistics = |store: &emenda_store::Store| {
        emenda_store::testing::query_text(store, "SELECT CAST(count(*) AS TEXT) AS value FROM sqlite_stat1").unwrap()
    };
    let before = other_statistics(&store);
    drop(store);
    let reopened = database.store();
    assert_eq!(index_statistics(&reopened), Vec::<String>::new());
    assert_ne!(other_statistics(&reopened), before, "only the index's rows went");
    assert_ne!(other_statistics(&reopened), vec!["0".to_owned()], "the other tables keep theirs");
}

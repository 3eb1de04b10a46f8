//! Store behaviour on both backends: migrations, immutability enforced by
//! the database, uniqueness, sequences and transactions.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::{TimeZone, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{audit, backend_tests, proposals, sequences, spaces, users, versions, Backend, Store, StoreError};
use uuid::Uuid;

/// Every message in an error's chain, so a test can ask which rule refused.
fn refusal(outcome: Result<usize, StoreError>) -> String {
    let error = outcome.expect_err("the statement must be refused");
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

fn seed_user(store: &Store, nickname: &str) -> Uuid {
    let id = Uuid::now_v7();
    let email = format!("{nickname}@example.it");
    store
        .write(|tx| {
            users::insert(
                tx,
                &users::NewUser {
                    id,
                    email: &email,
                    nickname,
                    display_name: nickname,
                    password_hash: "x",
                    created_at: Utc::now(),
                },
            )
        })
        .expect("insert user");
    id
}

fn seed_proposal(store: &Store) -> (Uuid, Uuid) {
    let user = seed_user(store, "autrice");
    let space = spaces::SpaceRecord {
        id: Uuid::now_v7(),
        slug: "spazio".into(),
        title: "Spazio".into(),
        description: String::new(),
        settings: Default::default(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    };
    let proposal = Uuid::now_v7();
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
    store
        .write(|tx| {
            spaces::insert(tx, &space)?;
            let n = sequences::next(tx, sequences::PROPOSAL_REFERENCE)?;
            proposals::insert(
                tx,
                &proposals::NewProposal {
                    id: proposal,
                    reference: &format!("EMD-PROP-2026-11-{n}"),
                    sequence: n,
                    space_id: space.id,
                    creator_id: user,
                    title: "Titolo di prova",
                    created_at: at,
                    derived_from: None,
                },
            )?;
            versions::append(
                tx,
                &versions::NewVersion {
                    proposal_id: proposal,
                    number: 1,
                    title: "Titolo di prova",
                    body: "Corpo di prova",
                    editor_id: user,
                    kind: VersionKind::Created,
                    amendment_id: None,
                    accepted_by: None,
                    summary: None,
                    created_at: at,
                },
            )
        })
        .map(|_hash| ())
        .expect("seed proposal");
    (proposal, user)
}

fn migrations_are_idempotent(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    assert_eq!(store.migrate().expect("second run"), 0);
    store.ping().expect("ping");
}

fn versions_refuse_update_and_delete(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let (proposal, _) = seed_proposal(&store);
    let update =
        execute_raw(&store, &format!("UPDATE proposal_versions SET body = 'falso' WHERE proposal_id = '{proposal}'"));
    assert!(refusal(update).contains("proposal_versions rows are immutable"));
    let delete = execute_raw(&store, &format!("DELETE FROM proposal_versions WHERE proposal_id = '{proposal}'"));
    assert!(refusal(delete).contains("proposal_versions rows are immutable"));
    if backend == Backend::Postgres {
        assert!(refusal(execute_raw(&store, "TRUNCATE proposal_versions")).contains("rows are immutable"));
    }
    let body = store.read(|tx| versions::get(tx, proposal, 1)).expect("read").expect("v1").body;
    assert_eq!(body, "Corpo di prova");
}

fn audit_refuses_update_and_delete(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let entry = audit::AuditEntry {
        id: Uuid::now_v7(),
        actor_id: None,
        action: AuditAction::SpaceCreated,
        target_kind: "space".to_owned(),
        target_id: Uuid::now_v7(),
        space_id: None,
        details: serde_json::json!({ "slug": "spazio" }),
        visibility: AuditVisibility::Public,
        created_at: Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap(),
    };
    store.write(|tx| audit::insert(tx, &entry)).expect("insert is allowed");
    let update = execute_raw(&store, "UPDATE audit_log SET visibility = 'staff'");
    assert!(refusal(update).contains("audit_log rows are immutable"));
    assert!(refusal(execute_raw(&store, "DELETE FROM audit_log")).contains("audit_log rows are immutable"));
    if backend == Backend::Postgres {
        assert!(refusal(execute_raw(&store, "TRUNCATE audit_log")).contains("audit_log rows are immutable"));
    }
    let reader = audit::AuditReader {
        include_staff: true,
        user_id: None,
        staff_scope: emenda_domain::policy::StaffScope::Everywhere,
    };
    let stored = store.read(|tx| audit::list(tx, &reader, None, None, 10)).expect("read");
    assert_eq!(stored, vec![entry], "the entry is unchanged");
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
        "check audit_head.id",
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

fn appended_versions_are_chained_and_answers_immutable(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let (proposal, user) = seed_proposal(&store);
    let hash = store
        .write(|tx| {
            versions::append(
                tx,
                &versions::NewVersion {
                    proposal_id: proposal,
                    number: 2,
                    title: "Titolo di prova",
                    body: "Corpo cambiato",
                    editor_id: user,
                    kind: VersionKind::Edited,
                    amendment_id: None,
                    accepted_by: None,
                    summary: Some("modifica"),
                    created_at: Utc::now(),
                },
            )
        })
        .expect("append");
    let (v1, v2) = store
        .read(|tx| {
            Ok::<_, StoreError>((versions::get(tx, proposal, 1)?.unwrap(), versions::get(tx, proposal, 2)?.unwrap()))
        })
        .expect("read");
    assert_eq!(v2.content_hash, hash);
    assert_eq!(v2.previous_hash.as_deref(), Some(v1.content_hash.as_str()));
    let gap = store.write(|tx| {
        versions::append(
            tx,
            &versions::NewVersion {
                proposal_id: proposal,
                number: 4,
                title: "Titolo di prova",
                body: "Salto",
                editor_id: user,
                kind: VersionKind::Edited,
                amendment_id: None,
                accepted_by: None,
                summary: None,
                created_at: Utc::now(),
            },
        )
    });
    assert!(matches!(gap, Err(StoreError::Corrupt(_))), "a version cannot skip a number");
    let answer = Uuid::now_v7();
    store
        .write(|tx| {
            emenda_store::answers::insert(
                tx,
                answer,
                proposal,
                emenda_domain::proposal::ProposalState::Evaluating,
                "In valutazione",
                user,
                Utc::now(),
            )
        })
        .expect("answer");
    let update = execute_raw(&store, "UPDATE proposal_answers SET answer = 'altro'");
    assert!(refusal(update).contains("proposal_answers rows are immutable"));
    assert!(
        refusal(execute_raw(&store, "DELETE FROM proposal_answers")).contains("proposal_answers rows are immutable")
    );
    if backend == Backend::Postgres {
        assert!(refusal(execute_raw(&store, "TRUNCATE proposal_answers")).contains("rows are immutable"));
    }
    let answers = store.read(|tx| emenda_store::answers::list(tx, proposal)).expect("read");
    assert_eq!((answers.len(), answers[0].answer.as_str()), (1, "In valutazione"), "the answer is unchanged");
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
    foreign_keys_are_enforced_and_sqlite_uses_wal,
    appended_versions_are_chained_and_answers_immutable,
    migrations_are_idempotent,
    versions_refuse_update_and_delete,
    audit_refuses_update_and_delete,
    duplicate_emails_are_reported,
    failed_transactions_leave_nothing,
    concurrent_sequence_numbers_are_unique_and_gap_free,
    version_compare_and_set_lets_one_writer_win,
    both_backends_have_the_same_schema,
    drift_on_one_backend_is_caught,
);

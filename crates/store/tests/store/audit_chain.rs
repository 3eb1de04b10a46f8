//! The audit log as one hash chain, on both backends: appends link in one
//! total order even when many run at once, tampering is detected and the
//! first broken link named, and REPLACE cannot rewrite immutable rows.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{refusal, seed_proposal};
use chrono::{TimeZone, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::audit_chain::AuditChainReport;
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_store::audit::{self, AuditEntry, ChainRow};
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{answers, backend_tests, versions, Backend, Store, StoreError};
use uuid::Uuid;

/// The outcome of a whole-chain check, as (valid, entries, first invalid, unchained).
fn summary(report: &AuditChainReport) -> (bool, u64, Option<i64>, u64) {
    assert!(report.complete, "a whole-chain check reaches the end");
    (report.valid, report.entries, report.first_invalid, report.unchained)
}

fn entry(n: u128) -> AuditEntry {
    AuditEntry {
        id: Uuid::now_v7(),
        actor_id: None,
        action: AuditAction::SpaceCreated,
        target_kind: "space".to_owned(),
        target_id: Uuid::from_u128(n),
        space_id: None,
        details: serde_json::json!({ "n": n.to_string() }),
        visibility: AuditVisibility::Public,
        created_at: Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap(),
    }
}

fn append(store: &Store, count: u128) {
    for n in 0..count {
        store.write(|tx| audit::insert(tx, &entry(n))).expect("append");
    }
}

fn verify(store: &Store, page_size: i64) -> AuditChainReport {
    store.read(|tx| audit::verify(tx, page_size)).expect("verify")
}

fn chain(store: &Store) -> Vec<ChainRow> {
    store.read(|tx| audit::chain_page(tx, 0, 10_000)).expect("chain")
}

/// Every message in an error's chain, so a test can ask which rule refused.
fn appends_form_one_verified_chain(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    assert_eq!(summary(&verify(&store, 1000)), (true, 0, None, 0));
    append(&store, 7);
    let rows = chain(&store);
    assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), (1..=7).collect::<Vec<_>>());
    assert_eq!(rows[0].previous_hash, None);
    for pair in rows.windows(2) {
        assert_eq!(pair[1].previous_hash.as_deref(), Some(pair[0].entry_hash.as_str()));
    }
    // Small pages exercise the streaming: 7 entries in pages of 3 and of 7.
    for page in [1, 3, 7, 1000] {
        assert_eq!(summary(&verify(&store, page)), (true, 7, None, 0));
    }
    // A rolled-back append gives its number back.
    let failed: Result<(), StoreError> = store.write(|tx| {
        audit::insert(tx, &entry(99))?;
        Err(StoreError::Corrupt("abandon".to_owned()))
    });
    assert!(failed.is_err());
    append(&store, 1);
    assert_eq!(chain(&store).last().unwrap().seq, 8);
    assert!(verify(&store, 2).valid);
}

/// A long log is checked in bounded segments: each call checks at most its
/// budget, hands over the last number and hash, and the segments together
/// find what one pass finds (here a changed entry in the second segment).
fn long_logs_are_verified_in_bounded_segments(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    append(&store, 25);
    let segment =
        |after: i64, hash: Option<&str>| store.read(|tx| audit::verify_segment(tx, after, hash, 10)).expect("segment");
    let mut reports = vec![segment(0, None)];
    while !reports.last().unwrap().complete {
        let last = reports.last().unwrap();
        assert!(last.valid && last.entries <= 10, "{last:?}");
        reports.push(segment(last.last_seq, last.last_hash.clone().as_deref()));
    }
    assert_eq!(
        reports.iter().map(|r| (r.last_seq, r.complete)).collect::<Vec<_>>(),
        [(10, false), (20, false), (25, true)]
    );
    assert!(reports.iter().all(|r| r.valid));
    // A segment resumed from a hash that is not the entry's own fails at
    // its first link: the caller cannot skip the part it did not check.
    let forged = segment(15, reports[0].last_hash.as_deref());
    assert_eq!((forged.valid, forged.first_invalid), (false, Some(16)));
    let unguard = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable",
    };
    execute_raw(&store, unguard).unwrap();
    execute_raw(&store, "UPDATE audit_log SET details = '{\"n\":\"forged\"}' WHERE seq = 14").unwrap();
    let second = segment(reports[0].last_seq, reports[0].last_hash.as_deref());
    assert_eq!((second.valid, second.first_invalid), (false, Some(14)));
    assert_eq!(summary(&verify(&store, 1000)).2, Some(14), "one pass agrees");
}

fn concurrent_appends_never_fork(backend: Backend) {
    const THREADS: usize = 24;
    const EACH: u128 = 4;
    let db = TestDatabase::new(backend);
    let store = db.store();
    let start = std::sync::Arc::new(std::sync::Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let store = store.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                for n in 0..EACH {
                    store.write(|tx| audit::insert(tx, &entry(t as u128 * 100 + n))).expect("concurrent append");
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread");
    }
    let total = THREADS as u64 * EACH as u64;
    let report = verify(&store, 10);
    assert_eq!(summary(&report), (true, total, None, 0));
    let rows = chain(&store);
    let mut links: Vec<Option<String>> = rows.iter().map(|r| r.previous_hash.clone()).collect();
    links.sort();
    links.dedup();
    assert_eq!(links.len() as u64, total, "no two entries link to the same predecessor");
}

fn tampering_is_detected_and_the_first_broken_link_named(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    append(&store, 5);
    let disable = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable",
    };
    execute_raw(&store, disable).expect("an attacker with database access drops the trigger");
    let changed = execute_raw(&store, "UPDATE audit_log SET visibility = 'staff' WHERE seq = 3").expect("tamper");
    assert_eq!(changed, 1);
    let report = verify(&store, 2);
    assert_eq!((report.valid, report.entries, report.first_invalid), (false, 5, Some(3)));

    // A removed entry is named, and so is a removed tail: the head still
    // holds the number of the last entry really appended.
    let db = TestDatabase::new(backend);
    let store = db.store();
    append(&store, 4);
    let disable = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_delete",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable",
    };
    execute_raw(&store, disable).expect("drop the trigger");
    execute_raw(&store, "DELETE FROM audit_log WHERE seq = 2").expect("remove an entry");
    assert_eq!(verify(&store, 1000).first_invalid, Some(2), "a removed entry is named");
    execute_raw(&store, "DELETE FROM audit_log WHERE seq >= 2").expect("remove the tail");
    let report = verify(&store, 1000);
    assert_eq!((report.valid, report.entries, report.first_invalid), (false, 1, Some(2)));
}

fn replacing_an_audit_entry_is_refused_or_detected(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    append(&store, 3);
    let before = chain(&store);
    let second = &before[1];
    let (replace_by_id, replace_by_seq) = match backend {
        Backend::Sqlite => (
            format!(
                "REPLACE INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at, seq, \
                 previous_hash, entry_hash) VALUES ('{}', 'space.created', 'space', '{}', '{{}}', 'staff', '{}', 2, \
                 '{}', '{}')",
                second.id,
                second.target_id,
                second.created_at,
                second.previous_hash.as_deref().unwrap(),
                second.entry_hash
            ),
            format!(
                "INSERT OR REPLACE INTO audit_log (id, action, target_kind, target_id, details, visibility, \
                 created_at, seq) VALUES ('{}', 'space.created', 'space', 'x', '{{}}', 'public', '{}', 2)",
                Uuid::now_v7(),
                second.created_at
            ),
        ),
        Backend::Postgres => (
            format!(
                "INSERT INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at, seq) \
                 VALUES ('{}', 'space.created', 'space', 'x', '{{}}', 'staff', '{}', 2) \
                 ON CONFLICT (id) DO UPDATE SET visibility = EXCLUDED.visibility",
                second.id, second.created_at
            ),
            format!(
                "INSERT INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at, seq) \
                 VALUES ('{}', 'space.created', 'space', 'x', '{{}}', 'staff', '{}', 2) \
                 ON CONFLICT (seq) DO UPDATE SET visibility = EXCLUDED.visibility",
                Uuid::now_v7(),
                second.created_at
            ),
        ),
    };
    assert!(refusal(execute_raw(&store, &replace_by_id)).contains("audit_log rows are immutable"));
    assert!(refusal(execute_raw(&store, &replace_by_seq)).contains("audit_log rows are immutable"));
    assert_eq!(chain(&store), before, "the entries are unchanged");
    assert!(verify(&store, 1000).valid);

    // Without the guard, a REPLACE goes through on SQLite: the chain shows it.
    if backend == Backend::Sqlite {
        execute_raw(&store, "DROP TRIGGER audit_log_no_replace").expect("drop the guard");
        execute_raw(&store, &replace_by_id).expect("REPLACE rewrites the row");
        let report = verify(&store, 1000);
        assert_eq!((report.valid, report.first_invalid), (false, Some(2)));
    }
}

/// A proposal with version 1 (the shared seed) and one official answer.
fn seed(store: &Store) -> (Uuid, Uuid, Uuid) {
    let (proposal, user) = seed_proposal(store);
    let answer = Uuid::now_v7();
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
    store
        .write(|tx| answers::insert(tx, answer, proposal, ProposalState::Evaluating, "In valutazione", user, at))
        .expect("seed an answer");
    (proposal, user, answer)
}

fn replace_cannot_rewrite_versions_or_answers(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let (proposal, user, answer) = seed(&store);
    let at = "2026-11-25T10:00:00.000000Z";
    let version_columns = "(proposal_id, number, title, body, editor_id, kind, created_at, content_hash) VALUES \
         ('{p}', 1, 'Titolo di prova', 'falso', '{u}', 'created', '{at}', 'x')";
    let version_values =
        version_columns.replace("{p}", &proposal.to_string()).replace("{u}", &user.to_string()).replace("{at}", at);
    let answer_values = format!(
        "(id, proposal_id, state, answer, staff_id, created_at) VALUES ('{answer}', '{proposal}', 'accepted', 'falso', '{user}', '{at}')"
    );
    let statements: Vec<(String, &str)> = match backend {
        Backend::Sqlite => vec![
            (format!("REPLACE INTO proposal_versions {version_values}"), "proposal_versions rows are immutable"),
            (format!("INSERT OR REPLACE INTO proposal_versions {version_values}"), "proposal_versions rows are immutable"),
            (format!("REPLACE INTO proposal_answers {answer_values}"), "proposal_answers rows are immutable"),
            (format!("INSERT OR REPLACE INTO proposal_answers {answer_values}"), "proposal_answers rows are immutable"),
        ],
        Backend::Postgres => vec![
            (
                format!(
                    "INSERT INTO proposal_versions {version_values} ON CONFLICT (proposal_id, number) \
                     DO UPDATE SET body = EXCLUDED.body"
                ),
                "proposal_versions rows are immutable",
            ),
            (
                format!("INSERT INTO proposal_answers {answer_values} ON CONFLICT (id) DO UPDATE SET answer = EXCLUDED.answer"),
                "proposal_answers rows are immutable",
            ),
        ],
    };
    for (sql, expected) in &statements {
        let message = refusal(execute_raw(&store, sql));
        assert!(message.contains(expected), "{sql}: {message}");
    }
    let version = store.read(|tx| versions::get(tx, proposal, 1)).unwrap().unwrap();
    assert_eq!((version.body.as_str(), version.kind), ("Corpo di prova", VersionKind::Created));
    let answers = store.read(|tx| answers::list(tx, proposal)).unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!((answers[0].answer.as_str(), answers[0].state), ("In valutazione", ProposalState::Evaluating));
}

backend_tests!(
    long_logs_are_verified_in_bounded_segments,
    appends_form_one_verified_chain,
    concurrent_appends_never_fork,
    tampering_is_detected_and_the_first_broken_link_named,
    replacing_an_audit_entry_is_refused_or_detected,
    replace_cannot_rewrite_versions_or_answers,
);

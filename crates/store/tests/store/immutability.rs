//! The database itself refuses to change history: versions, answers and
//! the audit log cannot be updated, deleted or replaced, on both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{refusal, seed_proposal};
use chrono::{TimeZone, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::proposal::VersionKind;
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{audit, backend_tests, versions, Backend, StoreError};
use uuid::Uuid;

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
    let stored = store.read(|tx| audit::list(tx, &reader, &audit::AuditFilter::default(), None, 10)).expect("read");
    assert_eq!(stored, vec![entry], "the entry is unchanged");
}

/// The one change the database allows an audit entry: its details
/// erased (`{}`, their commitment kept, dated), once, with nothing else
/// changed; and the one change to its log entry: the salt gone, nothing
/// else. Anything more is refused.
fn audit_details_may_only_be_erased(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let entry = audit::AuditEntry {
        id: Uuid::now_v7(),
        actor_id: None,
        action: AuditAction::UserRegistered,
        target_kind: "user".to_owned(),
        target_id: Uuid::now_v7(),
        space_id: None,
        details: serde_json::json!({ "nickname": "ornellap" }),
        visibility: AuditVisibility::Staff,
        created_at: Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap(),
    };
    store.write(|tx| audit::insert(tx, &entry)).expect("insert is allowed");
    let id = entry.id;
    let erase = |extra: &str, details: &str| {
        execute_raw(
            &store,
            &format!(
                "UPDATE audit_log SET details = '{details}', details_commitment = 'sha256:00', \
                 details_erased_at = '2026-12-01T00:00:00.000000Z'{extra} WHERE id = '{id}'"
            ),
        )
    };
    let refused = "audit_log rows are immutable";
    assert!(refusal(erase("", "{\"nickname\":\"altro\"}")).contains(refused), "details other than {{}}");
    assert!(refusal(erase(", action = 'user.verified'", "{}")).contains(refused), "another field with them");
    assert!(refusal(erase(", visibility = 'public'", "{}")).contains(refused), "the visibility with them");
    let uncommitted = execute_raw(
        &store,
        &format!("UPDATE audit_log SET details = '{{}}', details_erased_at = '2026-12-01T00:00:00.000000Z' WHERE id = '{id}'"),
    );
    assert!(refusal(uncommitted).contains(refused), "erased without the commitment");
    // Its log entry's salt cannot go while the details are there.
    let early = execute_raw(&store, &format!("UPDATE log_entries SET salt = NULL WHERE subject_id = '{id}'"));
    assert!(
        refusal(early).contains("a log entry only ever receives its leaf index"),
        "salt dropped before the erasure"
    );
    assert_eq!(erase("", "{}").expect("the erasure is allowed"), 1);
    assert!(refusal(erase("", "{}")).contains(refused), "erased twice");
    // Its log entry: the salt may go, nothing else may change with it.
    let log = "a log entry only ever receives its leaf index, once, or loses an erased salt";
    let salt_changed = execute_raw(&store, &format!("UPDATE log_entries SET salt = 'altro' WHERE subject_id = '{id}'"));
    assert!(refusal(salt_changed).contains(log));
    let with_entry = execute_raw(
        &store,
        &format!("UPDATE log_entries SET salt = NULL, subject_number = 1 WHERE subject_id = '{id}'"),
    );
    assert!(refusal(with_entry).contains(log));
    assert_eq!(
        execute_raw(&store, &format!("UPDATE log_entries SET salt = NULL WHERE subject_id = '{id}'")).expect("allowed"),
        1
    );
    assert!(refusal(execute_raw(&store, "DELETE FROM log_entries")).contains("append-only"));
    // An entry about anything but a user keeps its details.
    let space_entry = audit::AuditEntry {
        id: Uuid::now_v7(),
        target_kind: "space".to_owned(),
        action: AuditAction::SpaceCreated,
        details: serde_json::json!({ "slug": "spazio" }),
        visibility: AuditVisibility::Public,
        ..entry
    };
    store.write(|tx| audit::insert(tx, &space_entry)).expect("insert is allowed");
    let other = execute_raw(
        &store,
        &format!(
            "UPDATE audit_log SET details = '{{}}', details_commitment = 'sha256:00', \
             details_erased_at = '2026-12-01T00:00:00.000000Z' WHERE id = '{}'",
            space_entry.id
        ),
    );
    assert!(refusal(other).contains(refused), "a space's entry erased");
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
                    reference: "EMD-PROP-2026-11-1",
                    number: 2,
                    title: "Titolo di prova",
                    body: "Corpo cambiato",
                    editor_id: user,
                    kind: VersionKind::Edited,
                    amendment_id: None,
                    accepted_by: None,
                    rewritten_by: None,
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
                reference: "EMD-PROP-2026-11-1",
                number: 4,
                title: "Titolo di prova",
                body: "Salto",
                editor_id: user,
                kind: VersionKind::Edited,
                amendment_id: None,
                accepted_by: None,
                rewritten_by: None,
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

backend_tests!(
    audit_details_may_only_be_erased,
    versions_refuse_update_and_delete,
    audit_refuses_update_and_delete,
    appended_versions_are_chained_and_answers_immutable,
);

//! The transparency log's storage on both backends: the tree it builds in
//! batches is RFC 6962's (published test vectors, and a reference written
//! from the RFC for every size up to 300, with every inclusion and
//! consistency proof), the server's check refuses a tampered tile, entry,
//! checkpoint or signature, and REPLACE cannot rewrite immutable rows.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use crate::common::{refusal, seed_proposal, seed_user};
use chrono::{TimeZone, Utc};
use emenda_domain::audit::{AuditAction, AuditVisibility};
use emenda_domain::proposal::{ProposalState, VersionKind};
use emenda_domain::transparency::{self as tlog, tree, EntryKind, Hash, LogProblem, LogSigner};
use emenda_store::audit::{self, AuditEntry};
use emenda_store::public_log::{self, NewEntry, StoredHashes};
use emenda_store::testing::{execute_raw, TestDatabase};
use emenda_store::{answers, backend_tests, bulk, proposals, supports, versions, Backend, Store, StoreError};
use uuid::Uuid;

fn signer() -> LogSigner {
    LogSigner::from_seed("test.emenda.example/log", &[7u8; 32]).unwrap().0
}

/// Adds raw entries and sequences them in one batch.
fn add(store: &Store, signer: &LogSigner, entries: &[Vec<u8>]) {
    store
        .write(|tx| {
            for entry in entries {
                public_log::enqueue(
                    tx,
                    &NewEntry {
                        kind: EntryKind::Audit,
                        subject_id: Uuid::now_v7(),
                        subject_number: 0,
                        salt: None,
                        entry,
                        created_at: Utc::now(),
                    },
                )?;
            }
            public_log::integrate(tx, signer, Utc::now(), 10_000)
        })
        .unwrap();
}

fn root_of(store: &Store, size: u64) -> Hash {
    store.read(|tx| StoredHashes::new(tx).root(size)).unwrap()
}

fn hex(hash: &Hash) -> String {
    tlog::hex(&hash.0)
}

/// The inputs of RFC 6962's reference tests (as in Certificate
/// Transparency's and Go's test suites), and the roots of their first n.
const RFC_LEAVES: [&[u8]; 8] = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
];
const RFC_ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

fn the_tree_matches_rfc_6962_test_vectors(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let signer = signer();
    // In batches of 1, 2 and 5, so that growing a partial tile is covered.
    let leaves: Vec<Vec<u8>> = RFC_LEAVES.iter().map(|l| l.to_vec()).collect();
    add(&store, &signer, &leaves[..1]);
    add(&store, &signer, &leaves[1..3]);
    add(&store, &signer, &leaves[3..]);
    for (n, expected) in RFC_ROOTS.iter().enumerate() {
        assert_eq!(hex(&root_of(&store, n as u64 + 1)), *expected, "root of the first {}", n + 1);
    }
    let checkpoints = store.read(public_log::checkpoints).unwrap();
    let sizes: Vec<u64> = checkpoints.iter().map(|(size, _)| *size).collect();
    assert_eq!(sizes, [1, 3, 8]);
    let opened = tlog::open_checkpoint(checkpoints[2].1.as_bytes(), signer.verifier_key()).unwrap();
    assert_eq!(hex(opened.hash()), RFC_ROOTS[7]);
}

/// RFC 6962 section 2.1, written out from the RFC over a list of leaf
/// hashes: MTH, PATH and SUBPROOF by their recursive definitions, with the
/// subtree hashes remembered (so that every size up to 300 is quick).
struct Reference<'a> {
    leaves: &'a [Hash],
    roots: std::cell::RefCell<std::collections::HashMap<(usize, usize), Hash>>,
}

impl Reference<'_> {
    /// MTH(D[lo:hi]).
    fn root(&self, lo: usize, hi: usize) -> Hash {
        if let Some(hash) = self.roots.borrow().get(&(lo, hi)) {
            return *hash;
        }
        let hash = match hi - lo {
            0 => tree::EMPTY_HASH,
            1 => self.leaves[lo],
            n => tree::node_hash(self.root(lo, lo + split(n)), self.root(lo + split(n), hi)),
        };
        self.roots.borrow_mut().insert((lo, hi), hash);
        hash
    }

    /// PATH(m, D[lo:hi]) (section 2.1.1).
    fn path(&self, m: usize, lo: usize, hi: usize) -> Vec<Hash> {
        let n = hi - lo;
        if n <= 1 {
            return Vec::new();
        }
        let k = split(n);
        let (mut path, sibling) = if m < k {
            (self.path(m, lo, lo + k), self.root(lo + k, hi))
        } else {
            (self.path(m - k, lo + k, hi), self.root(lo, lo + k))
        };
        path.push(sibling);
        path
    }

    /// SUBPROOF(m, D[lo:hi], complete) (section 2.1.2).
    fn subproof(&self, m: usize, lo: usize, hi: usize, complete: bool) -> Vec<Hash> {
        let n = hi - lo;
        if m == n {
            return if complete { Vec::new() } else { vec![self.root(lo, hi)] };
        }
        let k = split(n);
        let (mut proof, sibling) = if m <= k {
            (self.subproof(m, lo, lo + k, complete), self.root(lo + k, hi))
        } else {
            (self.subproof(m - k, lo + k, hi, false), self.root(lo, lo + k))
        };
        proof.push(sibling);
        proof
    }
}

/// The largest power of two smaller than n (n ≥ 2).
fn split(n: usize) -> usize {
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

fn proofs_for_every_size_up_to_300_match_the_rfc(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let signer = signer();
    let entries: Vec<Vec<u8>> = (0..300u32).map(|i| format!("entry {i}").into_bytes()).collect();
    // Batches of uneven sizes, across the first tile's edge at 256.
    let mut at = 0;
    for batch in [1, 2, 3, 7, 50, 130, 70, 37] {
        add(&store, &signer, &entries[at..at + batch]);
        at += batch;
    }
    assert_eq!(at, 300);
    let leaves: Vec<Hash> = entries.iter().map(|e| tlog::leaf_hash(e)).collect();
    let reference = Reference { leaves: &leaves, roots: Default::default() };
    store
        .read(|tx| {
            let hashes = StoredHashes::new(tx);
            for t in 1..=300usize {
                let root = reference.root(0, t);
                assert_eq!(hashes.root(t as u64)?, root, "root of {t}");
                for (n, leaf) in leaves.iter().enumerate().take(t) {
                    let proof = hashes.inclusion_proof(t as u64, n as u64)?;
                    assert_eq!(proof, reference.path(n, 0, t), "inclusion of {n} in {t}");
                    tree::check_record(&proof, t as u64, root, n as u64, *leaf).unwrap();
                }
                for m in 1..=t {
                    let proof = hashes.consistency_proof(t as u64, m as u64)?;
                    assert_eq!(proof, reference.subproof(m, 0, t, true), "consistency of {m} with {t}");
                    tree::check_tree(&proof, t as u64, root, m as u64, reference.root(0, m)).unwrap();
                }
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

fn audit_entry(n: u128) -> AuditEntry {
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

/// A log of 300 audit entries, sequenced; the server's check holds.
fn logged_audit(store: &Store, signer: &LogSigner) -> u64 {
    for n in 0..300 {
        store.write(|tx| audit::insert(tx, &audit_entry(n))).unwrap();
    }
    store.write(|tx| public_log::integrate(tx, signer, Utc::now(), 10_000)).unwrap();
    let report = check(store, signer, 0);
    assert!(report.valid && report.complete && report.tree_size == 300, "{report:?}");
    report.tree_size
}

fn check(store: &Store, signer: &LogSigner, from: u64) -> tlog::LogReport {
    store.read(|tx| public_log::verify_segment(tx, signer.verifier_key(), from)).unwrap()
}

/// The whole log checked segment by segment: the first report that fails.
fn whole_check(store: &Store, signer: &LogSigner) -> tlog::LogReport {
    let mut from = 0;
    loop {
        let report = check(store, signer, from);
        if !report.valid || report.complete {
            return report;
        }
        from = report.next;
    }
}

fn a_tampered_tile_entry_checkpoint_or_signature_is_refused(backend: Backend) {
    let signer = signer();
    let unguard = |store: &Store| {
        let statements: &[&str] = match backend {
            Backend::Sqlite => &[
                "DROP TRIGGER log_entries_sequenced_once",
                "DROP TRIGGER log_tiles_only_grow",
                "DROP TRIGGER log_checkpoints_no_update",
            ],
            Backend::Postgres => &[
                "ALTER TABLE log_entries DISABLE TRIGGER USER",
                "ALTER TABLE log_tiles DISABLE TRIGGER USER",
                "ALTER TABLE log_checkpoints DISABLE TRIGGER USER",
            ],
        };
        for sql in statements {
            execute_raw(store, sql).unwrap();
        }
    };
    let fresh = || {
        let db = TestDatabase::new(backend);
        let store = db.store();
        let size = logged_audit(&store, &signer);
        assert!(whole_check(&store, &signer).valid);
        unguard(&store);
        (db, store, size)
    };
    let bytes = |backend: Backend, hex: &str| match backend {
        Backend::Sqlite => format!("X'{hex}'"),
        Backend::Postgres => format!("'\\x{hex}'::bytea"),
    };
    let outcome = |report: tlog::LogReport| (report.valid, report.problem, report.first_invalid);

    // An entry changed: its leaf no longer matches.
    let (_db, store, _) = fresh();
    let forged = bytes(backend, &tlog::hex(b"emenda-log-v1\nkind audit\n"));
    execute_raw(&store, &format!("UPDATE log_entries SET entry = {forged} WHERE leaf_index = 270")).unwrap();
    assert_eq!(outcome(whole_check(&store, &signer)), (false, Some(LogProblem::LeafHash), Some(270)));

    // A hash in a full tile changed: the tile no longer matches its parent.
    let (_db, store, _) = fresh();
    let zeros = bytes(backend, &"00".repeat(32));
    let set_first_hash = match backend {
        Backend::Sqlite => {
            format!("UPDATE log_tiles SET data = {zeros} || substr(data, 33) WHERE level = 0 AND idx = 0")
        }
        Backend::Postgres => {
            format!("UPDATE log_tiles SET data = {zeros} || substring(data FROM 33) WHERE level = 0 AND idx = 0")
        }
    };
    execute_raw(&store, &set_first_hash).unwrap();
    let report = whole_check(&store, &signer);
    assert!(!report.valid && report.problem.is_some(), "{report:?}");

    // A checkpoint whose size was changed, or whose signature was.
    for (find, replace) in [("\n300\n", "\n299\n"), ("\n\u{2014} ", "\n\u{2014} x")] {
        let (_db, store, _) = fresh();
        let note = store.read(public_log::checkpoint).unwrap().unwrap();
        let changed = note.replacen(find, replace, 1).replace('\'', "''");
        execute_raw(&store, &format!("UPDATE log_checkpoints SET note = '{changed}' WHERE size = 300")).unwrap();
        assert_eq!(outcome(check(&store, &signer, 0)).1, Some(LogProblem::Signature), "{find:?}");
    }

    // A checkpoint signed by another key.
    let (_db, store, _) = fresh();
    let other = LogSigner::from_seed("test.emenda.example/log", &[8u8; 32]).unwrap().0;
    assert_eq!(check(&store, &other, 0).problem, Some(LogProblem::Signature));

    // An audit row changed behind the log's back, or one slipped in.
    let (_db, store, _) = fresh();
    let unguard_audit = match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER USER",
    };
    execute_raw(&store, unguard_audit).unwrap();
    execute_raw(&store, "UPDATE audit_log SET visibility = 'staff' WHERE details = '{\"n\":\"299\"}'").unwrap();
    assert_eq!(outcome(whole_check(&store, &signer)), (false, Some(LogProblem::RecordChanged), Some(299)));
    let (_db, store, _) = fresh();
    execute_raw(
        &store,
        "INSERT INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at) VALUES \
         ('01900000-0000-7000-8000-000000000009', 'space.created', 'space', '01900000-0000-7000-8000-000000000009', \
         '{}', 'public', '2026-12-01T10:00:00.000000Z')",
    )
    .unwrap();
    assert_eq!(outcome(whole_check(&store, &signer)), (false, Some(LogProblem::UnloggedRecord), None));
}

fn replacing_log_or_audit_rows_is_refused(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let signer = signer();
    logged_audit(&store, &signer);
    let first = store.read(|tx| public_log::entries(tx, 0, 1)).unwrap().remove(0);
    let at = "2026-12-01T10:00:00.000000Z";
    let statements: Vec<(String, &str)> = match backend {
        Backend::Sqlite => vec![
            (
                format!(
                    "REPLACE INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at) \
                     VALUES ('{}', 'space.created', 'space', 'x', '{{}}', 'staff', '{at}')",
                    first.subject_id
                ),
                "audit_log rows are immutable",
            ),
            (
                format!(
                    "REPLACE INTO log_entries (id, leaf_index, kind, subject_id, subject_number, entry, created_at) \
                     VALUES (1, 0, 'audit', '{}', 0, X'00', '{at}')",
                    first.subject_id
                ),
                "log_entries rows are append-only",
            ),
            ("REPLACE INTO log_tiles (level, idx, data) VALUES (0, 0, X'00')".into(), "log_tiles rows only grow"),
            ("REPLACE INTO log_bundles (idx, data) VALUES (0, X'00')".into(), "log_bundles rows only grow"),
            (
                format!(
                    "REPLACE INTO log_checkpoints (size, root_hash, note, created_at) VALUES (300, 'x', 'x', '{at}')"
                ),
                "log_checkpoints rows are immutable",
            ),
        ],
        Backend::Postgres => vec![
            (
                format!(
                    "INSERT INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at) \
                     VALUES ('{}', 'space.created', 'space', 'x', '{{}}', 'staff', '{at}') \
                     ON CONFLICT (id) DO UPDATE SET visibility = EXCLUDED.visibility",
                    first.subject_id
                ),
                "audit_log rows are immutable",
            ),
            (
                "INSERT INTO log_tiles (level, idx, data) VALUES (0, 0, '\\x00'::bytea) \
                 ON CONFLICT (level, idx) DO UPDATE SET data = EXCLUDED.data"
                    .into(),
                "log_tiles rows only grow",
            ),
            (
                format!(
                    "INSERT INTO log_checkpoints (size, root_hash, note, created_at) VALUES (300, 'x', 'x', '{at}') \
                     ON CONFLICT (size) DO UPDATE SET note = EXCLUDED.note"
                ),
                "log_checkpoints rows are immutable",
            ),
            ("DELETE FROM log_entries WHERE leaf_index = 0".into(), "log_entries rows are append-only"),
            ("UPDATE log_entries SET leaf_index = 5 WHERE leaf_index = 0".into(), "only ever receives its leaf index"),
        ],
    };
    for (sql, expected) in &statements {
        let message = refusal(execute_raw(&store, sql));
        assert!(message.contains(expected), "{sql}: {message}");
    }
    assert!(whole_check(&store, &signer).valid);
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

fn records_from_before_the_log_are_entered_first_in_order(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let signer = signer();
    // An upgraded database: audit entries written before the log (one from
    // before the old hash chain, two chained, out of id order) and a
    // proposal's version, none of them in the log.
    let rows = [
        ("01900000-0000-7000-8000-000000000003", "NULL"),
        ("01900000-0000-7000-8000-000000000002", "2"),
        ("01900000-0000-7000-8000-000000000001", "1"),
    ];
    let (proposal, _) = seed_proposal(&store);
    let unguard = match backend {
        Backend::Sqlite => "DROP TRIGGER log_entries_no_delete",
        Backend::Postgres => "ALTER TABLE log_entries DISABLE TRIGGER USER",
    };
    execute_raw(&store, unguard).unwrap();
    execute_raw(&store, "DELETE FROM log_entries").unwrap();
    for (id, seq) in rows {
        execute_raw(
            &store,
            &format!(
                "INSERT INTO audit_log (id, action, target_kind, target_id, details, visibility, created_at, seq) \
                 VALUES ('{id}', 'space.created', 'space', '{id}', '{{}}', 'public', '2026-11-30T10:00:00.000000Z', {seq})"
            ),
        )
        .unwrap();
    }
    let added = store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap();
    assert_eq!(added, 4, "three audit entries and one version");
    // Backfilling again before the first checkpoint adds nothing.
    assert_eq!(store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap(), 0);
    store.write(|tx| public_log::integrate(tx, &signer, Utc::now(), 10_000)).unwrap();
    let entries = store.read(|tx| public_log::entries(tx, 0, 10)).unwrap();
    let order: Vec<String> = entries.iter().map(|e| e.subject_id.clone()).collect();
    assert_eq!(
        order,
        [
            "01900000-0000-7000-8000-000000000003".to_owned(),
            "01900000-0000-7000-8000-000000000001".to_owned(),
            "01900000-0000-7000-8000-000000000002".to_owned(),
            proposal.to_string(),
        ],
        "the unchained entry, then the chain in seq order, then the versions"
    );
    assert!(whole_check(&store, &signer).valid);
    // Once a checkpoint exists, backfilling is over.
    assert_eq!(store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap(), 0);
}

fn supports_from_before_they_were_logged_are_logged_at_start(backend: Backend) {
    let db = TestDatabase::new(backend);
    let store = db.store();
    let signer = signer();
    let (proposal, _) = seed_proposal(&store);
    store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap();
    store.write(|tx| public_log::integrate(tx, &signer, Utc::now(), 10_000)).unwrap();
    // Supports written without their entries, as before supports entered
    // the log (or by a bulk load): no event, no pseudonym salt.
    let supporters = [seed_user(&store, "prima"), seed_user(&store, "seconda")];
    let space = store.read(|tx| Ok::<_, StoreError>(proposals::find_by_id(tx, proposal)?.unwrap().space_id)).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap();
    store
        .write(|tx| {
            let rows: Vec<bulk::BulkSupport> = supporters
                .iter()
                .map(|user| bulk::BulkSupport {
                    proposal_id: proposal,
                    user_id: *user,
                    space_id: space,
                    version: 1,
                    created_at: at,
                })
                .collect();
            bulk::insert_supports(tx, &rows)?;
            bulk::insert_tallies(tx, &supporters.map(|user| (user, space, 1)))
        })
        .unwrap();
    assert_eq!(store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap(), 2, "one entry per support");
    assert_eq!(store.write(|tx| public_log::backfill(tx, Utc::now())).unwrap(), 0, "and only once");
    store.write(|tx| public_log::integrate(tx, &signer, Utc::now(), 10_000)).unwrap();
    let size = store.read(public_log::latest_size).unwrap().unwrap();
    let entries = store.read(|tx| public_log::entries(tx, 0, i64::try_from(size).unwrap())).unwrap();
    for user in supporters {
        let (support, (_, salt)) = store
            .read(|tx| {
                Ok::<_, StoreError>((
                    supports::find(tx, proposal, user)?.unwrap(),
                    supports::tally_and_salt(tx, user, space)?,
                ))
            })
            .unwrap();
        let event = support.log_event.expect("the support names its entry").to_string();
        let entry = entries.iter().find(|e| e.subject_id == event).expect("the entry it names");
        let parsed = tlog::parse_entry(&entry.entry).unwrap();
        let pseudonym = tlog::supporter_pseudonym(&salt.expect("a pseudonym salt"), &user.to_string());
        assert_eq!(
            (parsed.kind, parsed.field("event"), parsed.field("supporter"), parsed.field("created_at")),
            (EntryKind::Support, Some("given"), Some(pseudonym.as_str()), Some("2026-11-30T10:00:00.000000Z"))
        );
    }
    assert!(whole_check(&store, &signer).valid);
}

backend_tests!(
    records_from_before_the_log_are_entered_first_in_order,
    supports_from_before_they_were_logged_are_logged_at_start,
    the_tree_matches_rfc_6962_test_vectors,
    proofs_for_every_size_up_to_300_match_the_rfc,
    a_tampered_tile_entry_checkpoint_or_signature_is_refused,
    replacing_log_or_audit_rows_is_refused,
    replace_cannot_rewrite_versions_or_answers,
);

//! The transparency log over HTTP on both backends: served in the c2sp.org
//! formats and checked by an implementation other than the signer's; a
//! witness that kept a checkpoint catches a rewrite and a rollback; a
//! deleted newest version is named; parallel writers and two instances on
//! one database leave one tree with every write in it exactly once.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_domain::transparency::{self as tlog, tree, Hash};
use emenda_domain::witness::{self, LogSource, WitnessError};
use emenda_store::public_log::{self, StoredHashes};
use emenda_store::testing::{execute_raw, execute_raw_together};
use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::json;
use std::io::Read;

/// A file of the log as served: status, the headers that matter, bytes.
struct Served {
    status: u16,
    content_type: String,
    cache_control: String,
    cors: String,
    bytes: Vec<u8>,
}

fn served(app: &TestApp, path: &str) -> Served {
    let response = match ureq::get(&format!("{}/log/{path}", app.base)).call() {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(other) => panic!("{path}: {other}"),
    };
    let header = |name: &str| response.header(name).unwrap_or_default().to_owned();
    let (status, content_type, cache_control, cors) =
        (response.status(), header("Content-Type"), header("Cache-Control"), header("Access-Control-Allow-Origin"));
    let mut bytes = Vec::new();
    response.into_reader().read_to_end(&mut bytes).unwrap();
    Served { status, content_type, cache_control, cors, bytes }
}

/// The log of a test server, for the witness.
struct Http<'a>(&'a TestApp);

impl LogSource for Http<'_> {
    fn fetch(&self, path: &str) -> Result<Vec<u8>, String> {
        let file = served(self.0, path);
        if file.status == 200 {
            Ok(file.bytes)
        } else {
            Err(format!("{path}: {}", file.status))
        }
    }
}

/// RFC 6962 section 2.1, written out from the RFC: the Merkle tree hash of
/// a list of leaf hashes (the split is the largest power of two below n).
fn reference_root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => tree::EMPTY_HASH,
        1 => leaves[0],
        n => {
            let k = 1 << (usize::BITS - 1 - (n - 1).leading_zeros());
            tree::node_hash(reference_root(&leaves[..k]), reference_root(&leaves[k..]))
        }
    }
}

/// Some writes of every logged kind: accounts and roles, a space, two
/// proposals, an edit.
fn some_writes(app: &TestApp) -> String {
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let proposal = app.proposal(&author, "spazio", "Una proposta registrata")["id"].as_str().unwrap().to_owned();
    app.proposal(&author, "spazio", "Una seconda proposta registrata");
    app.post(
        &format!("/api/v1/proposals/{proposal}/versions"),
        Some(&author.token),
        json!({ "title": "Una proposta registrata e corretta", "body": "Il testo corretto.", "base_version": 1 }),
    )
    .expect(201);
    proposal
}

fn the_log_is_served_in_the_c2sp_formats(backend: Backend) {
    let app = TestApp::spawn(backend);
    some_writes(&app);
    let size = app.wait_for_log();
    assert!((8..256).contains(&size), "{size}");

    let key = served(&app, "key");
    assert_eq!((key.status, key.cors.as_str()), (200, "*"));
    let key = String::from_utf8(key.bytes).unwrap().trim().to_owned();
    assert_eq!(key, app.log_signer.verifier_key());
    assert!(key.starts_with("test.emenda.example/log+"), "{key}");

    let checkpoint = served(&app, "checkpoint");
    assert_eq!((checkpoint.status, checkpoint.cache_control.as_str()), (200, "no-cache"));
    assert!(checkpoint.content_type.starts_with("text/plain"), "{}", checkpoint.content_type);
    // Opened with the signed-note verifier, not with the code that signed.
    let opened = tlog::open_checkpoint(&checkpoint.bytes, &key).unwrap();
    assert_eq!((opened.origin(), opened.size()), ("test.emenda.example/log", size));
    let text = String::from_utf8(checkpoint.bytes.clone()).unwrap();
    assert!(text.starts_with(&format!("test.emenda.example/log\n{size}\n")), "{text}");

    let bundle = served(&app, &format!("tile/entries/000.p/{size}"));
    assert_eq!((bundle.status, bundle.cache_control.as_str()), (200, "public, max-age=31536000, immutable"));
    assert_eq!(bundle.content_type, "application/octet-stream");
    let entries = tlog::unbundle(&bundle.bytes).unwrap();
    assert_eq!(entries.len() as u64, size);
    let kinds: std::collections::BTreeSet<_> =
        entries.iter().map(|e| tlog::parse_entry(e).unwrap().kind.as_str()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["audit", "version"]);
    // No e-mail, no text: ids, kinds, times and commitments only.
    let all = String::from_utf8(bundle.bytes.clone()).unwrap_or_default();
    assert!(!all.contains('@') && !all.contains("Il testo corretto"), "{all}");

    let tile = served(&app, &format!("tile/0/000.p/{size}"));
    assert_eq!(tile.status, 200);
    let leaves: Vec<Hash> = entries.iter().map(|e| tlog::leaf_hash(e)).collect();
    let tile_hashes: Vec<Hash> = tile.bytes.chunks(32).map(|c| Hash(c.try_into().unwrap())).collect();
    assert_eq!(tile_hashes, leaves);
    assert_eq!(reference_root(&leaves), *opened.hash(), "the RFC 6962 root, computed independently");
    // A narrower tile is a prefix; a wider one is not there yet; a path
    // that is not a tile is not found.
    let narrower = served(&app, "tile/0/000.p/3");
    assert_eq!(narrower.bytes, tile.bytes[..96]);
    for missing in [
        format!("tile/0/000.p/{}", size + 1),
        "tile/0/000".into(),
        "tile/0/5".into(),
        "tile/0/000.p/0".into(),
        "tile/1/000.p/1".into(),
        "tile/entries/001".into(),
    ] {
        assert_eq!(served(&app, &missing).status, 404, "{missing}");
    }
}

fn versions_and_audit_entries_name_their_leaf_and_prove_it(backend: Backend) {
    let app = TestApp::spawn(backend);
    let proposal = some_writes(&app);
    let size = app.wait_for_log();
    let key = app.log_signer.verifier_key().to_owned();
    let checkpoint = tlog::open_checkpoint(&served(&app, "checkpoint").bytes, &key).unwrap();
    let versions = app.get(&format!("/api/v1/proposals/{proposal}/versions"), None).expect(200).clone();
    let bundle = served(&app, &format!("tile/entries/000.p/{size}")).bytes;
    let entries = tlog::unbundle(&bundle).unwrap();
    let from_hex = |hex: &str| {
        let bytes: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
        Hash(bytes.try_into().unwrap())
    };
    for version in versions["items"].as_array().unwrap() {
        let index = version["log_index"].as_u64().unwrap();
        let entry = tlog::parse_entry(entries[index as usize]).unwrap();
        assert_eq!(entry.field("content_hash"), version["content_hash"].as_str(), "{version}");
        assert_eq!(entry.field("number").map(str::to_owned), Some(version["number"].to_string()));
        let proof = app.get(&format!("/api/v1/log/inclusion?index={index}&size={size}"), None).expect(200).clone();
        let hashes: Vec<Hash> =
            proof["hashes"].as_array().unwrap().iter().map(|h| from_hex(h.as_str().unwrap())).collect();
        tree::check_record(&hashes, size, *checkpoint.hash(), index, tlog::leaf_hash(entries[index as usize])).unwrap();
        // The same proof does not prove another entry there.
        let other = tlog::leaf_hash(entries[(index as usize + 1) % entries.len()]);
        assert!(tree::check_record(&hashes, size, *checkpoint.hash(), index, other).is_err());
    }
    let audit = app.get("/api/v1/audit?limit=100", None).expect(200).clone();
    for item in audit["items"].as_array().unwrap() {
        let index = item["log_index"].as_u64().unwrap() as usize;
        assert_eq!(tlog::parse_entry(entries[index]).unwrap().field("id"), item["id"].as_str());
    }
    // Consistency from an older tree: its root is the reference root of
    // its leaves.
    let leaves: Vec<Hash> = entries.iter().map(|e| tlog::leaf_hash(e)).collect();
    let proof = app.get(&format!("/api/v1/log/consistency?old=3&size={size}"), None).expect(200).clone();
    let hashes: Vec<Hash> = proof["hashes"].as_array().unwrap().iter().map(|h| from_hex(h.as_str().unwrap())).collect();
    tree::check_tree(&hashes, size, *checkpoint.hash(), 3, reference_root(&leaves[..3])).unwrap();
    for (path, field) in [
        (format!("/api/v1/log/inclusion?index={size}&size={size}"), "index"),
        (format!("/api/v1/log/inclusion?index=0&size={}", size + 1), "size"),
        (format!("/api/v1/log/consistency?old=0&size={size}"), "old"),
        (format!("/api/v1/log/consistency?old={}&size={size}", size + 1), "old"),
    ] {
        let body = app.get(&path, None);
        let body = body.expect_problem(422, "validation_failed");
        assert!(body["errors"].as_array().unwrap().iter().any(|e| e["field"] == field), "{path}: {body}");
    }
}

fn a_witness_catches_a_rewritten_past_and_a_rollback(backend: Backend) {
    let app = TestApp::spawn(backend);
    let proposal = some_writes(&app);
    app.wait_for_log();
    let key = app.log_signer.verifier_key().to_owned();
    let first = witness::witness(&Http(&app), &key, None).unwrap();
    assert_eq!(first.entries_checked, first.size);
    let author = app.participant("secondo");
    app.proposal(&author, "spazio", "Una terza proposta registrata");
    app.wait_for_log();
    let second = witness::witness(&Http(&app), &key, Some(&first.checkpoint)).unwrap();
    assert_eq!(second.extends, Some(first.size));
    // The command-line witness keeps the same checkpoint in its state file.
    let state = std::env::temp_dir().join(format!("emenda-witness-{}.txt", uuid::Uuid::now_v7()));
    emenda_server::verify_log::run(&app.base, Some(&key), Some(&state)).unwrap();
    let kept = std::fs::read_to_string(&state).unwrap();
    assert!(
        kept.starts_with(&format!("key {key}\n")) && kept.ends_with(std::str::from_utf8(&second.checkpoint).unwrap()),
        "{kept}"
    );
    assert!(second.size > first.size);

    // The operator rewrites the past: an entry changed, every tile and
    // checkpoint rebuilt and signed again with the log's own key. The log
    // is consistent with itself, and the server's own check of its records
    // passes once the record is changed too.
    let lock = match backend {
        Backend::Sqlite => "SELECT 1",
        Backend::Postgres => "SELECT pg_advisory_xact_lock(28549255059500903)",
    };
    let unguard: &[&str] = match backend {
        Backend::Sqlite => &[
            "DROP TRIGGER log_entries_sequenced_once",
            "DROP TRIGGER log_entries_no_delete",
            "DROP TRIGGER log_tiles_no_delete",
            "DROP TRIGGER log_bundles_no_delete",
            "DROP TRIGGER log_checkpoints_no_delete",
            "DROP TRIGGER audit_log_no_update",
        ],
        Backend::Postgres => &[
            "ALTER TABLE log_entries DISABLE TRIGGER USER",
            "ALTER TABLE log_tiles DISABLE TRIGGER USER",
            "ALTER TABLE log_bundles DISABLE TRIGGER USER",
            "ALTER TABLE log_checkpoints DISABLE TRIGGER USER",
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
        ],
    };
    for sql in unguard {
        execute_raw(&app.store, sql).unwrap();
    }
    let rewrite = |statements: &[&str]| {
        let mut all = vec![lock];
        all.extend_from_slice(statements);
        all.extend_from_slice(&[
            "DELETE FROM log_tiles",
            "DELETE FROM log_bundles",
            "DELETE FROM log_checkpoints",
            "UPDATE log_entries SET leaf_index = NULL",
        ]);
        execute_raw_together(&app.store, &all).unwrap();
    };
    // The proposal's creation will say the system did it: the audit row
    // and its log entry rebuilt to match (the salt is the operator's to
    // read), then every tile and checkpoint.
    let (entry_id, rebuilt): (String, Vec<u8>) = app
        .store
        .read(|tx| {
            let ids = audit_ids(tx)?;
            let row = emenda_store::audit::stored_rows(tx, &ids)?
                .into_iter()
                .find(|r| r.target_id == proposal && r.action == "proposal.created")
                .unwrap();
            let salt = salt_of(tx, &row.id)?;
            let forged = tlog::AuditLeaf { actor_id: None, ..row.fields() };
            Ok::<_, emenda_store::StoreError>((row.id.clone(), public_log::audit_entry(&forged, &salt)?))
        })
        .unwrap();
    let hex: String = rebuilt.iter().map(|b| format!("{b:02x}")).collect();
    let set_entry = match backend {
        Backend::Sqlite => format!("UPDATE log_entries SET entry = X'{hex}' WHERE subject_id = '{entry_id}'"),
        Backend::Postgres => {
            format!("UPDATE log_entries SET entry = '\\x{hex}'::bytea WHERE subject_id = '{entry_id}'")
        }
    };
    let forged_actor = format!("UPDATE audit_log SET actor_id = NULL WHERE id = '{entry_id}'");
    rewrite(&[&forged_actor, &set_entry]);
    let size = app.wait_for_log();
    assert_eq!(size, second.size, "the same number of entries, signed again");
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!(report["valid"], true, "the server's own check cannot see it: {report}");
    // A new witness sees a consistent log; one that kept a checkpoint does not.
    witness::witness(&Http(&app), &key, None).unwrap();
    let caught = witness::witness(&Http(&app), &key, Some(&second.checkpoint)).unwrap_err();
    assert!(matches!(caught, WitnessError::NotExtended { kept, .. } if kept == second.size), "{caught}");
    let refused = emenda_server::verify_log::run(&app.base, None, Some(&state)).unwrap_err().to_string();
    assert!(refused.contains("does not extend the checkpoint kept at size"), "{refused}");
    assert_eq!(std::fs::read_to_string(&state).unwrap(), kept, "a failed run keeps the old checkpoint");
    let _ = std::fs::remove_file(&state);

    // A rollback: the log as it was at the first checkpoint (the database
    // restored from then), then new writes.
    let rollback = format!(
        "DELETE FROM log_entries WHERE id NOT IN (SELECT id FROM log_entries ORDER BY id LIMIT {})",
        first.size
    );
    rewrite(&[&rollback]);
    app.wait_for_log();
    let late = app.participant("dopo");
    app.proposal(&late, "spazio", "Una proposta dopo il ripristino");
    app.proposal(&late, "spazio", "Un'altra proposta dopo il ripristino");
    let rolled = app.wait_for_log();
    assert!(rolled > second.size, "{rolled} entries after the rollback, {} before", second.size);
    let caught = witness::witness(&Http(&app), &key, Some(&second.checkpoint)).unwrap_err();
    assert!(matches!(caught, WitnessError::NotExtended { .. }), "{caught}");
    // A tampered checkpoint signature is refused outright.
    let mut forged = first.checkpoint.clone();
    let at = forged.len() - 3;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    assert!(matches!(witness::witness(&Http(&app), &key, Some(&forged)), Err(WitnessError::Checkpoint(_))));
}

/// The ids of every audit entry in the log.
fn audit_ids(tx: &mut emenda_store::Tx<'_>) -> Result<Vec<String>, emenda_store::StoreError> {
    Ok(public_log::insertion_order(tx)?
        .iter()
        .filter_map(|(kind, entry)| (kind == "audit").then(|| tlog::parse_entry(entry).ok()).flatten())
        .filter_map(|e| e.field("id").map(str::to_owned))
        .collect())
}

/// The salt of an audit entry's commitment.
fn salt_of(tx: &mut emenda_store::Tx<'_>, id: &str) -> Result<String, emenda_store::StoreError> {
    let mut from = 0;
    loop {
        let page = public_log::entries(tx, from, 1_000)?;
        if let Some(entry) = page.iter().find(|e| e.subject_id == id) {
            return Ok(entry.salt.clone().unwrap_or_default());
        }
        from = page.last().map(|e| e.leaf_index + 1).unwrap();
    }
}

fn deleting_the_newest_version_is_named_by_the_history_check(backend: Backend) {
    let app = TestApp::spawn(backend);
    let proposal = some_writes(&app);
    let path = format!("/api/v1/proposals/{proposal}/history/verify");
    assert_eq!(app.get(&path, None).expect(200)["valid"], true);
    let unguard = match backend {
        Backend::Sqlite => "DROP TRIGGER proposal_versions_no_delete",
        Backend::Postgres => "ALTER TABLE proposal_versions DISABLE TRIGGER USER",
    };
    execute_raw(&app.store, unguard).unwrap();
    let cut = format!("DELETE FROM proposal_versions WHERE proposal_id = '{proposal}' AND number = 2");
    assert_eq!(execute_raw(&app.store, &cut).unwrap(), 1);
    let report = app.get(&path, None).expect(200).clone();
    assert_eq!(
        (report["valid"].clone(), report["versions"].clone(), report["first_invalid"].clone()),
        (json!(false), json!(1), json!(2)),
        "{report}"
    );
}

/// Every checkpoint the log signed extends the one before it.
fn checkpoints_form_one_chain(app: &TestApp) -> usize {
    let key = app.log_signer.verifier_key().to_owned();
    app.store
        .read(|tx| {
            let checkpoints = public_log::checkpoints(tx)?;
            let hashes = StoredHashes::new(tx);
            let opened: Vec<_> =
                checkpoints.iter().map(|(_, note)| tlog::open_checkpoint(note.as_bytes(), &key).unwrap()).collect();
            for pair in opened.windows(2) {
                let (old, new) = (&pair[0], &pair[1]);
                assert!(old.size() < new.size());
                if old.size() > 0 {
                    let proof = hashes.consistency_proof(new.size(), old.size())?;
                    tree::check_tree(&proof, new.size(), *new.hash(), old.size(), *old.hash()).unwrap();
                }
            }
            Ok::<_, emenda_store::StoreError>(opened.len())
        })
        .unwrap()
}

/// Every write's record is in the log once, at contiguous indexes, and the
/// server's check of the whole log holds.
fn every_record_is_logged_once(app: &TestApp) {
    let size = app.wait_for_log();
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!(
        (report["valid"].clone(), report["complete"].clone(), report["tree_size"].clone()),
        (json!(true), json!(true), json!(size)),
        "{report}"
    );
    let entries = app.store.read(|tx| public_log::entries(tx, 0, i64::MAX)).unwrap();
    assert_eq!(entries.len() as u64, size);
    assert!(entries.iter().enumerate().all(|(i, e)| e.leaf_index == i as u64));
}

fn parallel_writers_of_every_kind_leave_one_tree(backend: Backend) {
    let app = std::sync::Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let host = app.participant("ospite");
    let shared = app.proposal(&host, "spazio", "La proposta di tutti")["id"].as_str().unwrap().to_owned();
    let people: Vec<_> = (0..64).map(|i| app.participant(&format!("persona{i}"))).collect();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(64));
    let threads: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(i, person)| {
            let (app, barrier, shared) = (app.clone(), barrier.clone(), shared.clone());
            std::thread::spawn(move || {
                barrier.wait();
                match i % 3 {
                    0 => {
                        let id = app.proposal(&person, "spazio", &format!("Proposta parallela {i}"))["id"].as_str().unwrap().to_owned();
                        app.post(
                            &format!("/api/v1/proposals/{id}/versions"),
                            Some(&person.token),
                            json!({ "title": format!("Proposta parallela {i}, corretta"), "body": "Il testo corretto dopo la prima stesura.", "base_version": 1 }),
                        )
                        .expect(201);
                    }
                    1 => {
                        app.post(&format!("/api/v1/proposals/{shared}/comments"), Some(&person.token), json!({ "body": format!("Commento {i}") }))
                            .expect(201);
                    }
                    _ => {
                        app.proposal(&person, "spazio", &format!("Altra proposta parallela {i}"));
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    every_record_is_logged_once(&app);
    assert!(checkpoints_form_one_chain(&app) >= 2);
}

fn two_instances_on_one_database_build_one_tree(backend: Backend) {
    let first = std::sync::Arc::new(TestApp::spawn(backend));
    let second = std::sync::Arc::new(first.beside());
    let admin = first.admin();
    first.space(&admin, "spazio", json!({}));
    let people: Vec<_> = (0..32).map(|i| first.participant(&format!("persona{i}"))).collect();
    let threads: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(i, person)| {
            let app = if i % 2 == 0 { first.clone() } else { second.clone() };
            std::thread::spawn(move || {
                for round in 0..3 {
                    app.proposal(&person, "spazio", &format!("Proposta {i} giro {round}"));
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    every_record_is_logged_once(&first);
    assert!(checkpoints_form_one_chain(&first) >= 2);
    // Both serve the same signed tree.
    assert_eq!(served(&first, "checkpoint").bytes, served(&second, "checkpoint").bytes);
}

/// Every entry of the log as served, bundle by bundle, up to `size`.
fn all_entries(app: &TestApp, size: u64) -> Vec<Vec<u8>> {
    let mut entries = Vec::new();
    for index in 0..size.div_ceil(tlog::TILE_WIDTH) {
        let width = (size - index * tlog::TILE_WIDTH).min(tlog::TILE_WIDTH);
        let width = u32::try_from(width).unwrap();
        let path = tlog::TileRequest::Entries { index, width }.path();
        let bundle = served(app, &path);
        assert_eq!(bundle.status, 200, "{path}");
        entries.extend(tlog::unbundle(&bundle.bytes).unwrap().into_iter().map(<[u8]>::to_vec));
    }
    entries
}

fn supports_are_logged_under_pseudonyms_an_auditor_can_recount(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("proponente");
    let (anna, bruno) = (app.participant("anna"), app.participant("bruno"));
    app.space(&admin, "soglia", json!({ "minimum_supports_per_user": 2, "support_threshold": 2 }));
    let id = |p: serde_json::Value| p["id"].as_str().unwrap().to_owned();
    let p = id(app.proposal(&author, "soglia", "Più alberi in via Roma"));
    let q = id(app.proposal(&author, "soglia", "Una fontana in piazza"));
    let support = |who: &emenda_tests::TestUser, proposal: &str, method: &str| {
        let reply = app.call(method, &format!("/api/v1/proposals/{proposal}/support"), Some(&who.token), None);
        assert!(reply.status < 300, "{method} {proposal}: {}", reply.body);
    };
    // Anna's first waits for her second; Bruno crosses the minimum on q;
    // Anna crosses it on q, which brings both proposals to the threshold;
    // Anna re-confirms p, then withdraws q (below the minimum again).
    support(&anna, &p, "PUT");
    support(&bruno, &p, "PUT");
    support(&bruno, &q, "PUT");
    support(&anna, &q, "PUT");
    support(&anna, &p, "PUT");
    support(&anna, &q, "DELETE");
    let size = app.wait_for_log();
    let entries = all_entries(&app, size);
    let parsed: Vec<tlog::ParsedEntry> = entries.iter().map(|e| tlog::parse_entry(e).unwrap()).collect();
    let events: Vec<&str> =
        parsed.iter().filter(|e| e.kind == tlog::EntryKind::Support).filter_map(|e| e.field("event")).collect();
    assert_eq!(events, ["given", "given", "given", "given", "confirmed", "withdrawn"]);
    // No support entry names its giver (their accounts are public records,
    // their supports are not): only pseudonyms, one per person.
    let supports: String = entries
        .iter()
        .filter(|e| tlog::parse_entry(e).unwrap().kind == tlog::EntryKind::Support)
        .map(|e| String::from_utf8(e.clone()).unwrap())
        .collect();
    assert!(!supports.contains(&anna.id) && !supports.contains(&bruno.id), "{supports}");
    let pseudonyms: std::collections::BTreeSet<&str> = parsed.iter().filter_map(|e| e.field("supporter")).collect();
    assert_eq!(pseudonyms.len(), 2, "{pseudonyms:?}");

    // The auditor's recount from the log alone is the proposals' counters,
    // and the moment each reached the threshold.
    let recounted = emenda_domain::support::recount_from_log(&parsed, 2, 2).unwrap();
    for proposal in [&p, &q] {
        let shown = app.get(&format!("/api/v1/proposals/{proposal}"), None).expect(200).clone();
        let logged = &recounted[proposal.as_str()];
        assert_eq!(
            (shown["counters"]["supports_given"].as_i64(), shown["counters"]["supports"].as_i64()),
            (Some(i64::from(logged.given)), Some(i64::from(logged.counted))),
            "{proposal}: {logged:?}"
        );
        let at = |text: &str| chrono::DateTime::parse_from_rfc3339(text).unwrap();
        assert_eq!(at(shown["qualified_at"].as_str().unwrap()), at(logged.reached_at.as_deref().unwrap()));
    }
    assert_eq!((recounted[p.as_str()].given, recounted[q.as_str()].given), (2, 1));

    // Anna's receipt leads her, and only her, to her support's entry.
    let mine =
        app.get(&format!("/api/v1/proposals/{p}"), Some(&anna.token)).expect(200)["my_support"]["receipt"].clone();
    let salt = mine["salt"].as_str().unwrap();
    let pseudonym = tlog::supporter_pseudonym(salt, &anna.id);
    assert_eq!(mine["pseudonym"], pseudonym.as_str());
    let entry = &parsed[usize::try_from(mine["log_index"].as_u64().unwrap()).unwrap()];
    assert_eq!(
        (entry.kind, entry.field("proposal"), entry.field("event"), entry.field("supporter")),
        (tlog::EntryKind::Support, Some(p.as_str()), Some("given"), Some(pseudonym.as_str()))
    );
    let theirs =
        app.get(&format!("/api/v1/proposals/{p}"), Some(&bruno.token)).expect(200)["my_support"]["receipt"].clone();
    assert_ne!(theirs["salt"], mine["salt"]);
    assert!(app.get(&format!("/api/v1/proposals/{p}"), None).expect(200)["my_support"].is_null());
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!((report["valid"].as_bool(), report["complete"].as_bool()), (Some(true), Some(true)), "{report}");
}

fn an_erased_version_leaves_its_commitments_and_every_check_intact(backend: Backend) {
    let app = TestApp::spawn(backend);
    let proposal = some_writes(&app);
    let key = emenda_domain::reference::ProposalKey::parse(&proposal).unwrap();
    let history = app.state(b"demo secret long enough for the test!", "EMD").history;
    let verify = format!("/api/v1/proposals/{proposal}/history/verify");
    let before = app.get(&format!("/api/v1/proposals/{proposal}/versions/1"), None).expect(200).clone();
    assert!(before["erased_at"].is_null());

    // The version in force cannot be erased, nor without a reason.
    let refused = history.erase(&key, 2, "dati personali").unwrap_err().explain();
    assert!(refused.contains("version in force"), "{refused}");
    assert!(history.erase(&key, 1, "  ").is_err());
    history.erase(&key, 1, "Richiesta di cancellazione dell'autrice (art. 17 GDPR)").unwrap();
    let again = history.erase(&key, 1, "di nuovo").unwrap_err().explain();
    assert!(again.contains("already erased"), "{again}");

    let erased = app.get(&format!("/api/v1/proposals/{proposal}/versions/1"), None).expect(200).clone();
    assert_eq!((erased["title"].as_str(), erased["body"].as_str()), (Some(""), Some("")), "{erased}");
    assert!(erased["erased_at"].is_string(), "{erased}");
    assert_eq!(erased["content_hash"], before["content_hash"], "the hash stays");
    // A comparison says which side was erased, so that the emptied text is
    // not read as the author's deletion.
    let diff = app.get(&format!("/api/v1/proposals/{proposal}/diff?from=1&to=2"), None).expect(200).clone();
    assert_eq!((diff["from_erased_at"].clone(), diff["to_erased_at"].is_null()), (erased["erased_at"].clone(), true));
    // The chain, the log and a witness all still hold.
    let report = app.get(&verify, None).expect(200).clone();
    assert_eq!(report["valid"], true, "{report}");
    app.wait_for_log();
    let report = app.get("/api/v1/audit/verify", None).expect(200).clone();
    assert_eq!((report["valid"].as_bool(), report["complete"].as_bool()), (Some(true), Some(true)), "{report}");
    witness::witness(&Http(&app), app.log_signer.verifier_key(), None).unwrap();
    // The erasure is on the public record, with its reason.
    let entries = app.get("/api/v1/audit?action=version.erased", None).expect(200).clone();
    assert_eq!(entries["items"][0]["details"]["reason"], "Richiesta di cancellazione dell'autrice (art. 17 GDPR)");
    assert_eq!(entries["items"][0]["details"]["version"], 1);

    // The database lets nothing else change: not the erased version's
    // commitments, not the text of one still held.
    let forged = format!(
        "UPDATE proposal_versions SET title_commitment = body_commitment WHERE proposal_id = '{proposal}' AND number = 1"
    );
    let retitled =
        format!("UPDATE proposal_versions SET title = 'Altro' WHERE proposal_id = '{proposal}' AND number = 2");
    let emptied = format!(
        "UPDATE proposal_versions SET title = '', body = '', summary = NULL, text_salt = NULL, erased_at = 'x', \
         title_commitment = 'a', body_commitment = 'b', content_hash = 'c' WHERE proposal_id = '{proposal}' AND number = 2"
    );
    for sql in [&forged, &retitled, &emptied] {
        let error = format!("{:?}", execute_raw(&app.store, sql).unwrap_err());
        assert!(error.contains("immutable"), "{sql}: {error}");
    }
    // Forged once the guard is dropped: the history check names it.
    let unguard = match backend {
        Backend::Sqlite => "DROP TRIGGER proposal_versions_no_update",
        Backend::Postgres => "ALTER TABLE proposal_versions DISABLE TRIGGER USER",
    };
    execute_raw(&app.store, unguard).unwrap();
    execute_raw(&app.store, &forged).unwrap();
    let report = app.get(&verify, None).expect(200).clone();
    assert_eq!((report["valid"].clone(), report["first_invalid"].clone()), (json!(false), json!(1)), "{report}");
}

backend_tests!(
    the_log_is_served_in_the_c2sp_formats,
    versions_and_audit_entries_name_their_leaf_and_prove_it,
    a_witness_catches_a_rewritten_past_and_a_rollback,
    deleting_the_newest_version_is_named_by_the_history_check,
    parallel_writers_of_every_kind_leave_one_tree,
    two_instances_on_one_database_build_one_tree,
    supports_are_logged_under_pseudonyms_an_auditor_can_recount,
    an_erased_version_leaves_its_commitments_and_every_check_intact,
);

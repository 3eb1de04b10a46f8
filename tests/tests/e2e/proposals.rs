//! Proposals and their history over HTTP, on both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::testing::execute_raw;
use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::{json, Value};

/// Rebuilds the new text from the old one and a list of diff ops, checking
/// each equal/deleted run really is the next part of the old text.
fn apply(old: &str, ops: &Value) -> String {
    let mut rest = old;
    let mut out = String::new();
    for op in ops.as_array().expect("ops") {
        let text = op["text"].as_str().expect("text");
        match op["op"].as_str().expect("op") {
            "equal" => {
                rest = rest.strip_prefix(text).expect("equal run matches the old text");
                out.push_str(text);
            }
            "delete" => rest = rest.strip_prefix(text).expect("deleted run matches the old text"),
            "insert" => out.push_str(text),
            other => panic!("unknown op {other}"),
        }
    }
    assert!(rest.is_empty(), "ops cover the whole old text");
    out
}

fn full_flow(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("giulia");
    app.space(&admin, "bilancio-2026", json!({}));

    let created = app.post(
        "/api/v1/spaces/bilancio-2026/proposals",
        Some(&author.token),
        json!({ "title": "  Un giardino condiviso in via Fioravanti  ", "body": "Proponiamo orti rialzati e panchine.\n\nCosto: 45.000 euro." }),
    );
    let proposal = created.expect(201).clone();
    let id = proposal["id"].as_str().unwrap().to_owned();
    let reference = proposal["reference"].as_str().unwrap().to_owned();
    assert_eq!(proposal["title"], "Un giardino condiviso in via Fioravanti", "titles are trimmed");
    assert_eq!(proposal["current_version"], 1);
    assert_eq!(proposal["state"], "published");
    assert_eq!(proposal["authors"][0]["nickname"], "giulia");
    assert!(reference.starts_with("TST-PROP-") && reference.ends_with("-1"), "{reference}");

    let v2 = app.post(
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&author.token),
        json!({ "title": "Un giardino condiviso in via Fioravanti", "body": "Proponiamo orti rialzati accessibili e panchine.\n\nCosto: 45.000 euro.", "summary": "Accessibilità", "base_version": 1 }),
    );
    assert_eq!(v2.expect(201)["current_version"], 2);
    let etag = v2.etag.clone().expect("ETag on edit");
    let v3 = app.call_with(
        "POST",
        &format!("/api/v1/proposals/{reference}/versions"),
        Some(&author.token),
        Some(&json!({ "title": "Un giardino condiviso e una serra in via Fioravanti", "body": "Proponiamo orti rialzati accessibili, una serra e panchine.\n\nCosto: 52.000 euro." })),
        &[("If-Match", &etag)],
    );
    assert_eq!(v3.expect(201)["current_version"], 3, "If-Match stands in for base_version");

    let versions = app.get(&format!("/api/v1/proposals/{id}/versions"), None);
    let items = versions.expect(200)["items"].as_array().unwrap().clone();
    let numbers: Vec<i64> = items.iter().map(|v| v["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(items[0]["kind"], "created");
    assert_eq!(items[1]["kind"], "edited");
    assert_eq!(items[1]["summary"], "Accessibilità");
    assert_eq!(items[1]["previous_hash"], items[0]["content_hash"]);
    assert_eq!(items[2]["previous_hash"], items[1]["content_hash"]);

    let v1 = app.get(&format!("/api/v1/proposals/{id}/versions/1"), None).expect(200).clone();
    let v3_text = app.get(&format!("/api/v1/proposals/{id}/versions/3"), None).expect(200).clone();
    for granularity in ["word", "line"] {
        let diff = app.get(&format!("/api/v1/proposals/{id}/diff?from=1&to=3&granularity={granularity}"), None);
        let diff = diff.expect(200);
        assert_eq!(diff["granularity"], granularity);
        assert_eq!(apply(v1["body"].as_str().unwrap(), &diff["body"]["ops"]), v3_text["body"].as_str().unwrap());
        assert_eq!(apply(v1["title"].as_str().unwrap(), &diff["title"]["ops"]), v3_text["title"].as_str().unwrap());
        assert!(!diff["body"]["hunks"].as_array().unwrap().is_empty());
    }
    let word = app.get(&format!("/api/v1/proposals/{id}/diff?from=1&to=3"), None);
    let ops = word.expect(200)["body"]["ops"].as_array().unwrap().clone();
    assert!(ops.iter().any(|o| o["op"] == "insert" && o["text"].as_str().unwrap().contains("serra")));
    assert!(ops.iter().any(|o| o["op"] == "delete" && o["text"] == "45.000"));

    let verify = app.get(&format!("/api/v1/proposals/{reference}/history/verify"), None);
    assert_eq!(verify.expect(200), &json!({ "valid": true, "versions": 3, "first_invalid": null }));

    let by_reference = app.get(&format!("/api/v1/proposals/{reference}"), None);
    assert_eq!(by_reference.expect(200)["id"], id.as_str());
    assert_eq!(by_reference.body["current_version"], 3);
    let tag = by_reference.etag.clone().expect("ETag");
    let again = app.call_with("GET", &format!("/api/v1/proposals/{id}"), None, None, &[("If-None-Match", &tag)]);
    assert_eq!(again.status, 304);
}

fn refusals(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    let other = app.participant("altro");
    app.space(&admin, "spazio", json!({}));
    let id = app.proposal(&author, "spazio", "Una proposta di prova")["id"].as_str().unwrap().to_owned();
    let edit = |base: i64| json!({ "title": "Una proposta di prova", "body": format!("Un testo nuovo, versione {base}."), "base_version": base });

    // Anonymous.
    app.post(
        "/api/v1/spaces/spazio/proposals",
        None,
        json!({ "title": "Titolo valido qui", "body": "Corpo valido della proposta." }),
    )
    .expect_problem(401, "unauthenticated");
    app.post(&format!("/api/v1/proposals/{id}/versions"), None, edit(1)).expect_problem(401, "unauthenticated");
    app.post("/api/v1/spaces/spazio/proposals", Some("not-a-token"), json!({})).expect_problem(401, "token_invalid");
    // Not the author.
    app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&other.token), edit(1))
        .expect_problem(403, "not_author");
    app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&other.token), json!({}))
        .expect_problem(403, "not_author");
    // Stale base.
    app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&author.token), edit(1)).expect(201);
    let stale = app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&author.token), edit(1));
    assert_eq!(stale.expect_problem(409, "stale_version")["current_version"], 2);
    app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&author.token), edit(9))
        .expect_problem(422, "validation_failed");
    // No base at all.
    app.post(
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&author.token),
        json!({ "title": "Una proposta di prova", "body": "Ancora un altro testo." }),
    )
    .expect_problem(422, "validation_failed");
    // Unchanged text.
    let current = app.get(&format!("/api/v1/proposals/{id}"), None).body;
    app.post(
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&author.token),
        json!({ "title": current["title"], "body": current["body"], "base_version": 2 }),
    )
    .expect_problem(422, "validation_failed");
    // Invalid input: every field reported.
    let invalid =
        app.post("/api/v1/spaces/spazio/proposals", Some(&author.token), json!({ "title": "corto", "body": "" }));
    let fields: Vec<&str> = invalid.expect_problem(422, "validation_failed")["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "body"]);
    let missing = app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&author.token),
        json!({ "title": "Manca il corpo del testo" }),
    );
    assert_eq!(missing.expect_problem(422, "validation_failed")["errors"][0]["field"], "body");
    let huge = "x".repeat(300 * 1024);
    app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&author.token),
        json!({ "title": "Titolo valido qui", "body": huge }),
    )
    .expect_problem(413, "payload_too_large");
    let long_body = "è".repeat(20_001);
    app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&author.token),
        json!({ "title": "Titolo valido qui", "body": long_body }),
    )
    .expect_problem(422, "validation_failed");
    // Unknown things.
    app.post(
        "/api/v1/spaces/nessuno/proposals",
        Some(&author.token),
        json!({ "title": "Titolo valido qui", "body": "Corpo valido della proposta." }),
    )
    .expect_problem(404, "not_found");
    app.get("/api/v1/proposals/TST-PROP-2020-01-999", None).expect_problem(404, "not_found");
    app.get("/api/v1/proposals/qualcosa", None).expect_problem(404, "not_found");
    app.get(&format!("/api/v1/proposals/{id}/versions/99"), None).expect_problem(404, "not_found");
    app.get(&format!("/api/v1/proposals/{id}/diff?from=1&to=99"), None).expect_problem(422, "validation_failed");
    app.get(&format!("/api/v1/proposals/{id}/diff?granularity=char"), None).expect_problem(422, "validation_failed");
    app.get("/api/v1/proposals?limit=500", None).expect_problem(422, "validation_failed");
    app.get("/api/v1/proposals?cursor=%%%", None).expect_problem(422, "validation_failed");
    app.get("/api/v1/proposals?sort=random", None).expect_problem(422, "validation_failed");
    // Withdrawn: no more edits, no second withdrawal.
    let withdrawn = app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), json!({}));
    assert_eq!(withdrawn.expect(200)["state"], "withdrawn");
    app.post(&format!("/api/v1/proposals/{id}/versions"), Some(&author.token), edit(2))
        .expect_problem(409, "proposal_withdrawn");
    app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), json!({}))
        .expect_problem(409, "proposal_withdrawn");
    // Closed space.
    app.call(
        "PATCH",
        "/api/v1/spaces/spazio",
        Some(&admin.token),
        Some(&json!({ "settings": { "proposals_open": false } })),
    )
    .expect(200);
    app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&author.token),
        json!({ "title": "Titolo valido qui", "body": "Corpo valido della proposta." }),
    )
    .expect_problem(403, "proposals_closed");
    // Nothing half-written: still two versions, chain intact.
    let verify = app.get(&format!("/api/v1/proposals/{id}/history/verify"), None);
    assert_eq!(verify.expect(200)["versions"], 2);
    assert_eq!(verify.body["valid"], true);
}

fn verification_requirement(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let citizen = app.participant("cittadino");
    app.space(&admin, "verificati", json!({ "verification_required_to_propose": true }));
    app.post(
        "/api/v1/spaces/verificati/proposals",
        Some(&citizen.token),
        json!({ "title": "Titolo valido qui", "body": "Corpo valido della proposta." }),
    )
    .expect_problem(403, "verification_required");
}

fn lists_filter_sort_and_paginate(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let anna = app.participant("anna");
    let luca = app.participant("luca");
    app.space(&admin, "uno", json!({}));
    app.space(&admin, "due", json!({}));
    let mut created = Vec::new();
    for i in 0..5 {
        let author = if i % 2 == 0 { &anna } else { &luca };
        let space = if i < 3 { "uno" } else { "due" };
        created.push(
            app.proposal(author, space, &format!("Proposta numero {i} di prova"))["id"].as_str().unwrap().to_owned(),
        );
    }
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = app.get(&format!("/api/v1/proposals?limit=2&cursor={cursor}"), None);
        let body = page.expect(200).clone();
        seen.extend(body["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()));
        match body["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => break,
        }
    }
    let newest_first: Vec<String> = created.iter().rev().cloned().collect();
    assert_eq!(seen, newest_first, "pages cover every proposal once, newest first");

    let in_space = app.get("/api/v1/proposals?space=uno", None);
    assert_eq!(in_space.expect(200)["items"].as_array().unwrap().len(), 3);
    let by_anna = app.get(&format!("/api/v1/proposals?author={}", anna.id), None);
    assert_eq!(by_anna.expect(200)["items"].as_array().unwrap().len(), 3);
    app.post(&format!("/api/v1/proposals/{}/withdraw", created[1]), Some(&luca.token), json!({})).expect(200);
    let withdrawn = app.get("/api/v1/proposals?state=withdrawn", None);
    let items = withdrawn.expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], created[1].as_str());
    let supported = app.get("/api/v1/proposals?sort=most_supported&limit=4", None);
    assert_eq!(supported.expect(200)["items"].as_array().unwrap().len(), 4);
    let rest = app.get(
        &format!(
            "/api/v1/proposals?sort=most_supported&limit=4&cursor={}",
            supported.body["next_cursor"].as_str().unwrap()
        ),
        None,
    );
    assert_eq!(rest.expect(200)["items"].as_array().unwrap().len(), 1);
    app.get("/api/v1/proposals?space=nessuno", None).expect_problem(404, "not_found");
}

fn tampering_is_detected(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let id = app.proposal(&author, "spazio", "Una proposta di prova")["id"].as_str().unwrap().to_owned();
    for n in 1..=3 {
        app.post(
            &format!("/api/v1/proposals/{id}/versions"),
            Some(&author.token),
            json!({ "title": "Una proposta di prova", "body": format!("Testo della versione {}", n + 1), "base_version": n }),
        )
        .expect(201);
    }
    // An attacker with database access must first remove the protection…
    let disable = match backend {
        Backend::Sqlite => "DROP TRIGGER proposal_versions_no_update",
        Backend::Postgres => "ALTER TABLE proposal_versions DISABLE TRIGGER proposal_versions_immutable",
    };
    execute_raw(&app.store, disable).expect("disable the trigger");
    execute_raw(
        &app.store,
        &format!("UPDATE proposal_versions SET body = 'Testo falsificato' WHERE proposal_id = '{id}' AND number = 3"),
    )
    .expect("tamper");
    // …and the chain still names the first broken link.
    let verify = app.get(&format!("/api/v1/proposals/{id}/history/verify"), None);
    assert_eq!(verify.expect(200), &json!({ "valid": false, "versions": 4, "first_invalid": 3 }));
}

fn spa_and_unknown_paths(backend: Backend) {
    let app = TestApp::spawn(backend);
    let page = app.get("/", None);
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.csp.as_deref().is_some_and(|csp| csp.contains("default-src 'self'")), "the app is served with a CSP");
    let deep_link = app.get("/proposals/TST-PROP-2026-11-1", None);
    assert_eq!(deep_link.status, 200, "client-side routes get the app");
    app.get("/api/v1/does-not-exist", None).expect_problem(404, "not_found");
    let (first, second) = (app.get("/healthz", None), app.get("/api/v1/does-not-exist", None));
    assert_eq!(first.expect(200)["status"], "ok");
    let (a, b) = (first.request_id.expect("x-request-id"), second.request_id.expect("x-request-id on errors too"));
    assert_ne!(a, b);
    assert_eq!(app.get("/readyz", None).expect(200)["status"], "ready");
}

/// A proposal takes so many author edits an hour: the next is 429
/// `edit_rate_limited` with `Retry-After`, and nothing is written.
fn edits_are_limited_per_hour(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let id = app.proposal(&author, "spazio", "Una proposta riscritta spesso")["id"].as_str().unwrap().to_owned();
    let edit = |base: i64| {
        app.post(
            &format!("/api/v1/proposals/{id}/versions"),
            Some(&author.token),
            json!({ "title": format!("Riscrittura numero {base}"), "body": format!("Il testo alla versione {}.", base + 1), "base_version": base }),
        )
    };
    let per_hour = emenda_domain::proposal::EditLimits::default().per_hour as i64;
    for base in 1..=per_hour {
        edit(base).expect(201);
    }
    let refused = edit(per_hour + 1);
    refused.expect_problem(429, "edit_rate_limited");
    let retry_after: u64 = refused.retry_after.as_deref().unwrap().parse().unwrap();
    assert!(
        (3_500..=3_600).contains(&retry_after),
        "the first edit of the hour leaves it in about an hour: {retry_after}"
    );
    let proposal = app.get(&format!("/api/v1/proposals/{id}"), None);
    assert_eq!(proposal.expect(200)["current_version"], per_hour + 1, "nothing was written");
}

backend_tests!(
    edits_are_limited_per_hour,
    full_flow,
    refusals,
    verification_requirement,
    lists_filter_sort_and_paginate,
    tampering_is_detected,
    spa_and_unknown_paths,
);

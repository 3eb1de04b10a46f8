//! Many writers at once: no lost update, no gaps, on both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::json;
use std::sync::{Arc, Barrier};

fn concurrent_edits_from_one_base_let_exactly_one_win(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let id = app.proposal(&author, "spazio", "Una proposta contesa")["id"].as_str().unwrap().to_owned();
    let writers = 32;
    let barrier = Arc::new(Barrier::new(writers));
    let handles: Vec<_> = (0..writers)
        .map(|i| {
            let (app, barrier, token, id) = (app.clone(), barrier.clone(), author.token.clone(), id.clone());
            std::thread::spawn(move || {
                barrier.wait();
                app.post(
                    &format!("/api/v1/proposals/{id}/versions"),
                    Some(&token),
                    json!({ "title": "Una proposta contesa", "body": format!("La versione dello scrittore {i}."), "base_version": 1 }),
                )
            })
        })
        .collect();
    let replies: Vec<_> = handles.into_iter().map(|h| h.join().expect("writer")).collect();
    let won = replies.iter().filter(|r| r.status == 201).count();
    let stale: Vec<_> = replies.iter().filter(|r| r.status == 409).collect();
    assert_eq!(won, 1, "exactly one edit wins: {:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());
    assert_eq!(stale.len(), writers - 1);
    for reply in stale {
        assert_eq!(reply.code(), "stale_version");
        assert_eq!(reply.body["current_version"], 2);
    }
    let versions = app.get(&format!("/api/v1/proposals/{id}/versions"), None);
    let numbers: Vec<i64> =
        versions.expect(200)["items"].as_array().unwrap().iter().map(|v| v["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(app.get(&format!("/api/v1/proposals/{id}/history/verify"), None).expect(200)["valid"], true);
}

fn concurrent_publications_get_gap_free_references(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let authors: Vec<_> = (0..4).map(|i| app.participant(&format!("autore{i}"))).collect();
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let (app, token) = (app.clone(), authors[i % 4].token.clone());
            std::thread::spawn(move || {
                app.post(
                    "/api/v1/spaces/spazio/proposals",
                    Some(&token),
                    json!({ "title": format!("Proposta parallela {i}"), "body": "Un corpo valido per la prova." }),
                )
            })
        })
        .collect();
    let mut numbers: Vec<u64> = handles
        .into_iter()
        .map(|h| {
            let reply = h.join().expect("writer");
            let reference = reply.expect(201)["reference"].as_str().unwrap().to_owned();
            reference.rsplit('-').next().unwrap().parse().unwrap()
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
}

backend_tests!(concurrent_edits_from_one_base_let_exactly_one_win, concurrent_publications_get_gap_free_references);

//! The demo data loads on both backends, is valid, and has what it
//! promises: two spaces, a dozen proposals with histories, amendments in
//! every state (one stale but clean, one in conflict), answers, supports
//! (one proposal qualified, one supporter on an older version), comment
//! threads (alignment, votes, an edited and a deleted comment) and a
//! comment hidden by its readers' reports.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn demo_loads_once_and_is_consistent(backend: Backend) {
    let app = TestApp::spawn(backend);
    let state = app.state(b"demo secret long enough for the test!", "EMD");
    assert!(emenda_server::seed::load_demo(&state).unwrap(), "first load");
    assert!(!emenda_server::seed::load_demo(&state).unwrap(), "second load does nothing");

    assert_eq!(app.get("/api/v1/spaces", None).expect(200)["items"].as_array().unwrap().len(), 2);
    let proposals = app.get("/api/v1/proposals?limit=100", None).expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(proposals.len(), 12);
    let with_history = proposals.iter().filter(|p| (3..=7).contains(&p["current_version"].as_i64().unwrap())).count();
    assert!(with_history >= 5, "several proposals have 3 to 7 versions");

    let mut states = BTreeMap::new();
    let mut mergeability = BTreeMap::new();
    for proposal in &proposals {
        let id = proposal["id"].as_str().unwrap();
        assert_eq!(app.get(&format!("/api/v1/proposals/{id}/history/verify"), None).expect(200)["valid"], true);
        for amendment in
            app.get(&format!("/api/v1/proposals/{id}/amendments"), None).expect(200)["items"].as_array().unwrap()
        {
            *states.entry(amendment["state"].as_str().unwrap().to_owned()).or_insert(0) += 1;
            let full = app.get(&format!("/api/v1/amendments/{}", amendment["id"].as_str().unwrap()), None);
            if let Some(m) = full.expect(200)["mergeability"].as_str() {
                *mergeability.entry(m.to_owned()).or_insert(0) += 1;
            }
        }
    }
    for state in ["evaluating", "accepted", "rejected", "withdrawn"] {
        assert!(states.contains_key(state), "no {state} amendment in {states:?}");
    }
    for m in ["up_to_date", "clean", "conflict"] {
        assert!(mergeability.contains_key(m), "no {m} amendment in {mergeability:?}");
    }
    let answered: Vec<&str> =
        proposals.iter().map(|p| p["state"].as_str().unwrap()).filter(|s| *s != "published").collect();
    assert_eq!(answered.len(), 3);

    participation_is_there(&app, &proposals);
}

fn demo_token(app: &TestApp, nickname: &str) -> String {
    let body = json!({ "email": format!("{nickname}@emenda.example"), "password": emenda_server::seed::DEMO_PASSWORD });
    app.post("/api/v1/auth/login", None, body).expect(200)["access_token"].as_str().unwrap().to_owned()
}

fn participation_is_there(app: &TestApp, proposals: &[Value]) {
    let qualified = app.get("/api/v1/proposals?qualified=true", None).expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(qualified.len(), 1, "one qualified proposal");
    assert!(qualified[0]["supports_count"].as_i64().unwrap() >= 5 && !qualified[0]["qualified_at"].is_null());

    // Giulia supported the underpass before its author's last edit.
    let giulia = demo_token(app, "giulia_rinaldi");
    let underpass = proposals.iter().find(|p| p["title"].as_str().unwrap().contains("sottopasso")).unwrap();
    let path = format!("/api/v1/proposals/{}", underpass["id"].as_str().unwrap());
    let view = app.get(&path, Some(&giulia)).expect(200).clone();
    let mine = &view["my_support"];
    assert!(mine["version"].as_i64().unwrap() < mine["current_version"].as_i64().unwrap(), "{mine}");

    // The garden's discussion: alignment, votes, edit, deletion, a hidden spam comment.
    let garden = qualified[0]["id"].as_str().unwrap();
    let roots = app.get(&format!("/api/v1/proposals/{garden}/comments?order=oldest"), None).expect(200)["items"]
        .as_array()
        .unwrap()
        .clone();
    assert!(roots.len() >= 4, "{roots:?}");
    assert!(roots.iter().any(|c| c["edited"] == true), "an edited comment");
    assert!(roots.iter().any(|c| c["deleted"] == true && c["body"].is_null() && c["replies_count"] == 1));
    assert!(roots.iter().any(|c| c["hidden"] == true && c["body"].is_null()), "the hidden spam is a placeholder");
    for alignment in ["in_favor", "neutral"] {
        assert!(roots.iter().any(|c| c["alignment"] == alignment), "a root {alignment}");
    }
    let best = app.get(&format!("/api/v1/proposals/{garden}/comments?order=best&limit=1"), None);
    assert_eq!(best.expect(200)["items"][0]["votes"]["up"], 3);
    let deep = roots.iter().find(|c| c["replies_count"].as_i64().unwrap() >= 3).expect("a deep thread");
    let replies =
        app.get(&format!("/api/v1/proposals/{garden}/comments?parent_id={}", deep["id"].as_str().unwrap()), None);
    assert_eq!(replies.expect(200)["items"].as_array().unwrap().len(), 1);
    let garden_view = app.get(&format!("/api/v1/proposals/{garden}"), None).expect(200).clone();
    let live = roots.iter().filter(|c| c["deleted"] == false && c["hidden"] == false).count() as i64
        + roots.iter().map(|c| c["replies_count"].as_i64().unwrap()).sum::<i64>();
    assert_eq!(garden_view["counters"]["comments"].as_i64().unwrap(), live, "the counter equals the live comments");

    // The staff queue holds the hidden spam and the reported heated comment.
    let staff = demo_token(app, "partecipazione");
    let queue = app.get("/api/v1/moderation/reports", Some(&staff)).expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(queue.len(), 2, "{queue:?}");
    assert_eq!(queue.iter().filter(|e| e["hidden"] == true).count(), 1);
}

backend_tests!(demo_loads_once_and_is_consistent);

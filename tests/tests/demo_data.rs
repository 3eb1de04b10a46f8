//! The demo data loads on both backends, is valid, and has what it
//! promises: two spaces, a dozen proposals with histories, amendments in
//! every state (one stale but clean, one in conflict), answers.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use std::collections::BTreeMap;

fn demo_loads_once_and_is_consistent(backend: Backend) {
    let app = TestApp::spawn(backend);
    let state = emenda_server::app::state(app.store.clone(), b"demo secret long enough for the test!", "EMD");
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
}

backend_tests!(demo_loads_once_and_is_consistent);

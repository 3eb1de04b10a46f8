//! A process's phases and totals: admins set the phases (checked field by
//! field), the space says which one is under way, and its totals count
//! visible proposals with their supports and comments.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use chrono::{Duration, Utc};
use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::{json, Value};

fn patch(app: &TestApp, token: &str, body: Value) -> emenda_tests::Reply {
    app.call("PATCH", "/api/v1/spaces/quartieri", Some(token), Some(&body))
}

fn phases_say_where_a_process_stands(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    let space = app.get("/api/v1/spaces/quartieri", None).expect(200).clone();
    assert_eq!((space["phases"].clone(), space["current_phase"].clone()), (json!([]), Value::Null));
    let day = |offset: i64| (Utc::now().date_naive() + Duration::days(offset)).format("%Y-%m-%d").to_string();
    let phases = json!([
        { "name": "Proposte", "starts_on": day(-30), "ends_on": day(-1) },
        { "name": "Valutazione tecnica", "starts_on": day(0), "ends_on": day(20) },
        { "name": "Voto", "starts_on": day(30), "ends_on": null },
    ]);
    let changed = patch(&app, &admin.token, json!({ "phases": phases })).expect(200).clone();
    assert_eq!(changed["phases"], phases);
    assert_eq!(changed["current_phase"], 1);
    assert_eq!(
        app.get("/api/v1/spaces?limit=10", None).expect(200)["items"][0]["current_phase"],
        1,
        "lists say it too"
    );
    // Checked field by field; nothing is written when one is wrong.
    let wrong = json!([
        { "name": "No", "starts_on": day(0) },
        { "name": "Voto", "starts_on": day(-5), "ends_on": day(-10) },
    ]);
    let refused = patch(&app, &admin.token, json!({ "phases": wrong }));
    let fields: Vec<&str> = refused.expect_problem(422, "validation_failed")["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["phases.0.name", "phases.1.ends_on", "phases.1.starts_on"]);
    assert_eq!(app.get("/api/v1/spaces/quartieri", None).expect(200)["phases"], phases);
    let citizen = app.participant("cittadina");
    patch(&app, &citizen.token, json!({ "phases": [] })).expect_problem(403, "admin_only");
    assert_eq!(patch(&app, &admin.token, json!({ "phases": [] })).expect(200)["phases"], json!([]));
}

fn totals_count_what_is_visible(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({}));
    app.space(&admin, "altro", json!({}));
    let author = app.participant("autrice");
    let fan = app.participant("sostenitrice");
    let one = app.proposal(&author, "quartieri", "Una proposta per il quartiere");
    let two = app.proposal(&author, "quartieri", "Un'altra proposta per il quartiere");
    app.proposal(&author, "altro", "Una proposta altrove, non contata");
    let one_id = one["id"].as_str().unwrap();
    app.call("PUT", &format!("/api/v1/proposals/{one_id}/support"), Some(&fan.token), None).expect(201);
    app.post(&format!("/api/v1/proposals/{one_id}/comments"), Some(&fan.token), json!({ "body": "Ottima idea." }))
        .expect(201);
    let totals = |slug: &str| app.get(&format!("/api/v1/spaces/{slug}"), None).expect(200)["totals"].clone();
    assert_eq!(totals("quartieri"), json!({ "proposals": 2, "supports": 1, "comments": 1 }));
    assert_eq!(totals("altro"), json!({ "proposals": 1, "supports": 0, "comments": 0 }));
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, "quartieri");
    let two_id = two["id"].as_str().unwrap();
    app.call("POST", &format!("/api/v1/moderation/proposals/{two_id}/hide"), Some(&staff.token), None).expect(200);
    assert_eq!(
        totals("quartieri"),
        json!({ "proposals": 1, "supports": 1, "comments": 1 }),
        "a hidden proposal is not counted"
    );
}

backend_tests!(phases_say_where_a_process_stands, totals_count_what_is_visible);

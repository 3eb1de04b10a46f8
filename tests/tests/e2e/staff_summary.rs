//! What waits for staff, counted: each count moves with the queue it
//! counts, staff see their own spaces only, and nobody else sees any.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser};
use serde_json::{json, Value};

fn summary(app: &TestApp, user: &TestUser, query: &str) -> Value {
    app.get(&format!("/api/v1/moderation/summary{query}"), Some(&user.token)).expect(200).clone()
}

fn counts(amendments: i64, reports: i64, awaiting: i64, qualified: i64) -> Value {
    json!({
        "amendments_waiting": amendments,
        "reports_open": reports,
        "proposals_awaiting_answer": awaiting,
        "proposals_awaiting_answer_qualified": qualified,
    })
}

fn counts_follow_the_queues_of_the_staffs_own_spaces(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "quartieri", json!({ "support_threshold": 1 }));
    app.space(&admin, "altro", json!({}));
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, "quartieri");
    let author = app.participant("autrice");
    let fan = app.participant("sostenitrice");
    let one = app.proposal(&author, "quartieri", "Una proposta per il quartiere");
    app.proposal(&author, "quartieri", "Un'altra proposta per il quartiere");
    app.proposal(&author, "altro", "Una proposta altrove, non contata");
    assert_eq!(summary(&app, &staff, ""), counts(0, 0, 2, 0));
    assert_eq!(summary(&app, &admin, ""), counts(0, 0, 3, 0), "admins count every space");
    assert_eq!(summary(&app, &admin, "?space=altro"), counts(0, 0, 1, 0));

    let id = one["id"].as_str().unwrap();
    app.call("PUT", &format!("/api/v1/proposals/{id}/support"), Some(&fan.token), None).expect(201);
    assert_eq!(summary(&app, &staff, ""), counts(0, 0, 2, 1), "a qualified proposal comes first");
    let amendment = app
        .post(
            &format!("/api/v1/proposals/{id}/amendments"),
            Some(&fan.token),
            json!({ "title": "Una proposta per il quartiere", "body": "Un testo cambiato, abbastanza lungo.", "rationale": "Il testo attuale non basta.", "base_version": 1 }),
        )
        .expect(201)
        .clone();
    app.post(
        "/api/v1/reports",
        Some(&fan.token),
        json!({ "target": { "kind": "proposal", "id": id }, "reason": "spam" }),
    )
    .expect(201);
    assert_eq!(summary(&app, &staff, "?space=quartieri"), counts(1, 1, 2, 1));
    let amendment_id = amendment["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/moderation/amendments/{amendment_id}/reject"),
        Some(&staff.token),
        json!({ "reason": "Non serve." }),
    )
    .expect(200);
    app.post(
        &format!("/api/v1/moderation/proposals/{id}/answer"),
        Some(&staff.token),
        json!({ "state": "accepted", "answer": "La realizzeremo." }),
    )
    .expect(200);
    assert_eq!(summary(&app, &staff, ""), counts(0, 1, 1, 0), "decided and answered leave their counts");

    app.get("/api/v1/moderation/summary", Some(&author.token)).expect_problem(403, "staff_only");
    app.get("/api/v1/moderation/summary?space=altro", Some(&staff.token)).expect_problem(403, "staff_only");
    app.get("/api/v1/moderation/summary?space=nessuno", Some(&staff.token)).expect_problem(404, "not_found");
    app.get("/api/v1/moderation/summary", None).expect_problem(401, "unauthenticated");
}

backend_tests!(counts_follow_the_queues_of_the_staffs_own_spaces);

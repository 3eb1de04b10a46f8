//! Admins verify and block accounts; admin is one global role; staff never
//! decide their own amendment; closed proposals close their amendments.
//! Every gate and refusal on both backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser, PASSWORD};
use serde_json::{json, Value};

fn moderate(app: &TestApp, who: &TestUser, user: &TestUser, action: &str, body: Value) -> emenda_tests::Reply {
    app.post(&format!("/api/v1/moderation/users/{}/{action}", user.id), Some(&who.token), body)
}

fn public_audit_actions(app: &TestApp) -> Vec<Value> {
    app.get("/api/v1/audit?limit=100", None).expect(200)["items"].as_array().unwrap().clone()
}

fn admin_is_global_only(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("candidata");
    let roles = format!("/api/v1/moderation/users/{}/roles", user.id);
    for method in ["PUT", "DELETE"] {
        let reply = app.call(method, &roles, Some(&admin.token), Some(&json!({ "role": "admin", "space": "spazio" })));
        let body = reply.expect_problem(422, "validation_failed");
        assert_eq!(
            (body["errors"][0]["field"].as_str(), body["errors"][0]["code"].as_str()),
            (Some("space"), Some("not_allowed"))
        );
    }
    let me = app.get("/api/v1/me", Some(&user.token));
    assert_eq!(me.expect(200)["roles"], json!([]), "a refused grant leaves nothing behind");
    app.call("PUT", &roles, Some(&admin.token), Some(&json!({ "role": "staff", "space": "spazio" }))).expect(200);
}

fn verification_opens_the_gates_that_need_it(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "verificato", json!({ "verification_required_to_propose": true }));
    let citizen = app.participant("cittadina");
    let staff = app.participant("funzionario");
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", staff.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff" })),
    )
    .expect(200);
    let propose = || {
        app.post(
            "/api/v1/spaces/verificato/proposals",
            Some(&citizen.token),
            json!({ "title": "Una proposta verificata", "body": "Un testo abbastanza lungo per essere valido." }),
        )
    };
    propose().expect_problem(403, "verification_required");
    for who in [&citizen, &staff] {
        moderate(&app, who, &citizen, "verify", json!({})).expect_problem(403, "admin_only");
    }
    moderate(&app, &admin, &citizen, "verify", json!({})).expect(200);
    let again = moderate(&app, &admin, &citizen, "verify", json!({}));
    assert_eq!(again.expect(200)["verified"], true, "verifying twice is harmless");
    assert_eq!(app.get("/api/v1/me", Some(&citizen.token)).expect(200)["verified"], true);
    propose().expect(201);
    assert!(
        !public_audit_actions(&app).iter().any(|e| e["action"] == "user.verified"),
        "a verification concerns a private person: staff-only"
    );
    let staff_view = app.get("/api/v1/audit?limit=100", Some(&admin.token));
    let verified: Vec<_> =
        staff_view.expect(200)["items"].as_array().unwrap().iter().filter(|e| e["action"] == "user.verified").collect();
    assert_eq!(verified.len(), 1, "audited once");
}

fn a_block_ends_every_session_at_once(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let target = app.participant("bloccato");
    let bystander = app.participant("passante");
    moderate(&app, &bystander, &target, "block", json!({ "justification": "Spam ripetuto" }))
        .expect_problem(403, "admin_only");
    moderate(&app, &admin, &target, "block", json!({ "justification": "   " }))
        .expect_problem(422, "validation_failed");
    moderate(&app, &admin, &target, "block", json!({})).expect_problem(422, "validation_failed");
    moderate(&app, &admin, &admin, "block", json!({ "justification": "Per errore" }))
        .expect_problem(409, "cannot_block_self");
    let blocked = moderate(&app, &admin, &target, "block", json!({ "justification": "Messaggi offensivi ripetuti" }));
    assert_eq!(blocked.expect(200)["blocked"], true);
    // The live access token stops working at once, for reads and writes.
    app.get("/api/v1/me", Some(&target.token)).expect_problem(403, "account_blocked");
    app.get("/api/v1/proposals", Some(&target.token)).expect_problem(403, "account_blocked");
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": target.refresh }))
        .expect_problem(403, "account_blocked");
    app.post("/api/v1/auth/login", None, json!({ "email": target.email, "password": PASSWORD }))
        .expect_problem(403, "account_blocked");
    let entry = public_audit_actions(&app).into_iter().find(|e| e["action"] == "user.blocked").expect("public entry");
    assert_eq!(entry["details"]["justification"], "Messaggi offensivi ripetuti");
    moderate(&app, &admin, &target, "unblock", json!({})).expect(200);
    let back = app.login(&target.email);
    app.get("/api/v1/me", Some(&back.token)).expect(200);
    assert!(public_audit_actions(&app).iter().any(|e| e["action"] == "user.unblocked"));
}

fn the_last_admin_cannot_be_blocked(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let second = app.participant("seconda");
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", second.id),
        Some(&admin.token),
        Some(&json!({ "role": "admin" })),
    )
    .expect(200);
    moderate(&app, &second, &admin, "block", json!({ "justification": "Abuso di potere" })).expect(200);
    // The blocked admin's token is refused, and the one left cannot be blocked by anyone.
    moderate(&app, &admin, &second, "block", json!({ "justification": "Ritorsione" }))
        .expect_problem(403, "account_blocked");
    let roles = format!("/api/v1/moderation/users/{}/roles", second.id);
    app.call("DELETE", &roles, Some(&second.token), Some(&json!({ "role": "admin" })))
        .expect_problem(409, "cannot_revoke_self");
}

fn staff_never_decide_their_own_amendment(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let id = app.proposal(&author, "spazio", "Una proposta da emendare")["id"].as_str().unwrap().to_owned();
    let amendment = app
        .post(
            &format!("/api/v1/proposals/{id}/amendments"),
            Some(&admin.token),
            json!({ "title": "Un titolo emendato", "body": "Un testo emendato dallo staff.", "rationale": "Chiarezza.", "base_version": 1 }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(&format!("/api/v1/moderation/amendments/{amendment}/accept"), Some(&admin.token), json!({}))
        .expect_problem(403, "own_amendment");
    app.post(
        &format!("/api/v1/moderation/amendments/{amendment}/reject"),
        Some(&admin.token),
        json!({ "reason": "Non serve" }),
    )
    .expect_problem(403, "own_amendment");
    let state = app.get(&format!("/api/v1/amendments/{amendment}"), Some(&admin.token));
    assert_eq!(state.expect(200)["state"], "evaluating");
}

fn closed_proposals_close_their_amendments_for_good(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let amender = app.participant("emendatore");
    let request = |id: &str| {
        app.post(
            &format!("/api/v1/proposals/{id}/amendments"),
            Some(&amender.token),
            json!({ "title": "Un titolo emendato", "body": "Un testo emendato e migliore.", "rationale": "Chiarezza.", "base_version": 1 }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned()
    };
    // A final answer closes the open amendments, with a public reason.
    for state in ["accepted", "rejected"] {
        let id =
            app.proposal(&author, "spazio", &format!("Proposta che riceve {state}"))["id"].as_str().unwrap().to_owned();
        let amendment = request(&id);
        app.post(
            &format!("/api/v1/moderation/proposals/{id}/answer"),
            Some(&admin.token),
            json!({ "state": state, "answer": "La risposta ufficiale." }),
        )
        .expect(200);
        let closed = app.get(&format!("/api/v1/amendments/{amendment}"), None);
        let body = closed.expect(200);
        assert_eq!(
            (body["state"].as_str(), body["decision_reason"].as_str()),
            (Some("rejected"), Some("proposal answered")),
            "{body}"
        );
        assert_eq!(body["closed_by_proposal"], true);
        app.post(&format!("/api/v1/amendments/{amendment}/promote"), Some(&amender.token), json!({}))
            .expect_problem(409, "amendment_closed_with_proposal");
    }
    // An answer that is not final (evaluating) leaves them open.
    let id = app.proposal(&author, "spazio", "Proposta in valutazione")["id"].as_str().unwrap().to_owned();
    let amendment = request(&id);
    app.post(
        &format!("/api/v1/moderation/proposals/{id}/answer"),
        Some(&admin.token),
        json!({ "state": "evaluating", "answer": "La stiamo valutando." }),
    )
    .expect(200);
    assert_eq!(app.get(&format!("/api/v1/amendments/{amendment}"), None).expect(200)["state"], "evaluating");
    // A withdrawal closes them too, and they cannot be promoted.
    app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), json!({})).expect(200);
    app.post(&format!("/api/v1/amendments/{amendment}/promote"), Some(&amender.token), json!({}))
        .expect_problem(409, "amendment_closed_with_proposal");
}

backend_tests!(
    admin_is_global_only,
    verification_opens_the_gates_that_need_it,
    a_block_ends_every_session_at_once,
    the_last_admin_cannot_be_blocked,
    staff_never_decide_their_own_amendment,
    closed_proposals_close_their_amendments_for_good
);

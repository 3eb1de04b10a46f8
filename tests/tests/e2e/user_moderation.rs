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

fn register(app: &TestApp, email: &str, nickname: &str, display_name: &str) {
    let body = json!({ "email": email, "password": PASSWORD, "nickname": nickname, "display_name": display_name, "privacy_version": 1 });
    app.post("/api/v1/auth/register", None, body).expect(201);
}

fn nicknames(reply: &emenda_tests::Reply) -> Vec<String> {
    reply.expect(200)["items"].as_array().unwrap().iter().map(|u| u["nickname"].as_str().unwrap().to_owned()).collect()
}

/// Admins find people by the start of a nickname or e-mail, or by part of
/// the name, in any case; `%` and `_` are plain characters; pages follow
/// one another; nobody else may search.
fn admins_find_people_to_act_on(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    register(&app, "giulia.rinaldi@comune.example", "giulia_r", "Giulia Rinaldi");
    register(&app, "g.bianchi@posta.example", "gbianchi", "Giorgio Bianchi");
    register(&app, "marta@posta.example", "marta", "Marta Rinaldini");
    register(&app, "sconto@posta.example", "sconto50", "Sconto 50% Rinaldi");
    let search = |q: &str| app.get(&format!("/api/v1/moderation/users?q={q}"), Some(&admin.token));

    assert_eq!(nicknames(&search("GIU")), ["giulia_r"], "nickname prefix, any case");
    assert_eq!(nicknames(&search("g.bian")), ["gbianchi"], "e-mail prefix");
    assert_eq!(nicknames(&search("rinald")), ["giulia_r", "marta", "sconto50"], "part of the name");
    assert_eq!(nicknames(&search("posta")), Vec::<String>::new(), "e-mails match from their start only");
    assert_eq!(nicknames(&search("50%25")), ["sconto50"], "a literal percent sign");
    assert_eq!(nicknames(&search("%25bianchi")), Vec::<String>::new(), "% is no wildcard");
    assert_eq!(nicknames(&search("g_")), Vec::<String>::new(), "_ is no wildcard");
    let found = search("giulia_");
    let entry = &found.expect(200)["items"][0];
    assert_eq!(entry["email"], "giulia.rinaldi@comune.example");
    assert_eq!((entry["blocked"].clone(), entry["verified_at"].clone()), (json!(false), Value::Null));

    // Everyone, a page at a time, in nickname order.
    let first = app.get("/api/v1/moderation/users?limit=2", Some(&admin.token));
    assert_eq!(nicknames(&first), ["admin", "gbianchi"]);
    let cursor = first.body["next_cursor"].as_str().unwrap().to_owned();
    let second = app.get(&format!("/api/v1/moderation/users?limit=2&cursor={cursor}"), Some(&admin.token));
    assert_eq!(nicknames(&second), ["giulia_r", "marta"]);
    let third = app.get(
        &format!("/api/v1/moderation/users?limit=2&cursor={}", second.body["next_cursor"].as_str().unwrap()),
        Some(&admin.token),
    );
    assert_eq!(nicknames(&third), ["sconto50"]);
    assert!(third.body["next_cursor"].is_null());
    let other = app.get(&format!("/api/v1/moderation/users?q=g&cursor={cursor}"), Some(&admin.token));
    assert_eq!(other.expect_problem(422, "validation_failed")["errors"][0]["code"], "invalid_cursor");

    let long = app.get(&format!("/api/v1/moderation/users?q={}", "a".repeat(101)), Some(&admin.token));
    let error = &long.expect_problem(422, "validation_failed")["errors"][0];
    assert_eq!((error["field"].as_str(), error["code"].as_str()), (Some("q"), Some("too_long")));
    app.get("/api/v1/moderation/users?q=a%0Ab", Some(&admin.token)).expect_problem(422, "validation_failed");

    app.get("/api/v1/moderation/users", None).expect_problem(401, "unauthenticated");
    let citizen = app.login("marta@posta.example");
    app.get("/api/v1/moderation/users?q=g", Some(&citizen.token)).expect_problem(403, "admin_only");
    app.get("/api/v1/moderation/users?q=a%0Ab", Some(&citizen.token)).expect_problem(403, "admin_only");
    app.space(&admin, "spazio", json!({}));
    let staff = app.login("g.bianchi@posta.example");
    let grant = json!({ "role": "staff", "space": "spazio" });
    let roles = format!("/api/v1/moderation/users/{}/roles", staff.id);
    app.call("PUT", &roles, Some(&admin.token), Some(&grant)).expect(200);
    app.get("/api/v1/moderation/users?q=g", Some(&staff.token)).expect_problem(403, "admin_only");
}

backend_tests!(
    admins_find_people_to_act_on,
    admin_is_global_only,
    verification_opens_the_gates_that_need_it,
    a_block_ends_every_session_at_once,
    the_last_admin_cannot_be_blocked,
    staff_never_decide_their_own_amendment,
    closed_proposals_close_their_amendments_for_good
);

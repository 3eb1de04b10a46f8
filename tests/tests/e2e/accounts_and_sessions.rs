//! Registration, sign-in, token rotation and roles over HTTP, on both
//! backends.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_api::rate_limit::RateLimits;
use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, PASSWORD};
use serde_json::json;

fn registration_rules(backend: Backend) {
    let app = TestApp::spawn(backend);
    let user = app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": "Anna@Example.IT", "password": PASSWORD, "nickname": "Anna_F", "display_name": "Anna Ferri", "privacy_version": 1 }),
    );
    let body = user.expect(201);
    assert_eq!(body["nickname"], "anna_f");
    assert!(body.get("email").is_none(), "the public user shape has no e-mail");
    assert!(body.get("password_hash").is_none());

    let again = app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": "anna@example.it", "password": PASSWORD, "nickname": "altra", "display_name": "Altra", "privacy_version": 1 }),
    );
    assert_eq!(again.expect_problem(409, "email_taken")["errors"][0]["field"], "email");
    let nick = app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": "altra@example.it", "password": PASSWORD, "nickname": "ANNA_F", "display_name": "Altra", "privacy_version": 1 }),
    );
    assert_eq!(nick.expect_problem(409, "nickname_taken")["errors"][0]["field"], "nickname");
    let invalid = app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": "non-una-mail", "password": "corta", "nickname": "1x", "display_name": "", "privacy_version": 1 }),
    );
    let mut fields: Vec<String> = invalid.expect_problem(422, "validation_failed")["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    fields.sort();
    assert_eq!(fields, ["display_name", "email", "nickname", "password"]);
    app.post("/api/v1/auth/register", None, json!({ "email": "x@example.it", "password": PASSWORD, "nickname": "xyz", "display_name": "X", "role": "admin" }))
        .expect_problem(422, "validation_failed");
    let malformed = app.call_with("POST", "/api/v1/auth/register", None, None, &[("Content-Type", "application/json")]);
    assert_eq!(malformed.status, 400);
}

fn login_refresh_logout(backend: Backend) {
    let app = TestApp::spawn(backend);
    let user = app.participant("marco");
    let me = app.get("/api/v1/me", Some(&user.token));
    let body = me.expect(200);
    assert_eq!(body["email"], "marco@example.it");
    assert_eq!(body["roles"], json!([]));
    assert_eq!(body["blocked"], false);

    app.post("/api/v1/auth/login", None, json!({ "email": "marco@example.it", "password": "sbagliata!!" }))
        .expect_problem(401, "invalid_credentials");
    app.post("/api/v1/auth/login", None, json!({ "email": "nessuno@example.it", "password": PASSWORD }))
        .expect_problem(401, "invalid_credentials");
    app.get("/api/v1/me", None).expect_problem(401, "unauthenticated");
    app.get("/api/v1/me", Some("abc.def.ghi")).expect_problem(401, "token_invalid");
    let basic = app.call_with("GET", "/api/v1/me", None, None, &[("Authorization", "Basic Zm9vOmJhcg==")]);
    basic.expect_problem(401, "token_invalid");

    // Rotation: the new pair works, the old refresh token does not…
    let rotated = app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": user.refresh }));
    let rotated = rotated.expect(200).clone();
    let new_refresh = rotated["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(new_refresh, user.refresh);
    app.get("/api/v1/me", Some(rotated["access_token"].as_str().unwrap())).expect(200);
    // …once its successor was used, the old one coming back is a copy and
    // revokes the whole family, the newest token included.
    let newest = app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": new_refresh }));
    let newest = newest.expect(200)["refresh_token"].as_str().unwrap().to_owned();
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": user.refresh }))
        .expect_problem(401, "token_reused");
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": newest })).expect_problem(401, "token_reused");
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": "inventato" }))
        .expect_problem(401, "token_invalid");

    // Logout ends that session only.
    let first = app.login("marco@example.it");
    let second = app.login("marco@example.it");
    app.post("/api/v1/auth/logout", Some(&first.token), json!({ "refresh_token": first.refresh })).expect(204);
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": first.refresh }))
        .expect_problem(401, "token_reused");
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": second.refresh })).expect(200);
    app.post("/api/v1/auth/logout", None, json!({ "refresh_token": second.refresh }))
        .expect_problem(401, "unauthenticated");
}

fn roles_are_read_on_every_request(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let user = app.participant("futura_admin");
    let space = json!({ "slug": "nuovo", "title": "Nuovo spazio", "description": "" });
    app.post("/api/v1/spaces", Some(&user.token), space.clone()).expect_problem(403, "admin_only");
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&user.token),
        Some(&json!({ "role": "admin" })),
    )
    .expect_problem(403, "admin_only");
    let granted = app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "admin" })),
    );
    assert_eq!(granted.expect(200)["roles"], json!([{ "role": "admin", "space_id": null }]));
    // The same access token now carries admin powers…
    app.post("/api/v1/spaces", Some(&user.token), space).expect(201);
    app.call(
        "DELETE",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "admin" })),
    )
    .expect(200);
    // …and loses them at once when revoked.
    app.call("PATCH", "/api/v1/spaces/nuovo", Some(&user.token), Some(&json!({ "title": "Cambiato" })))
        .expect_problem(403, "admin_only");
    let staff = app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "nuovo" })),
    );
    let roles = staff.expect(200)["roles"].clone();
    assert_eq!(roles[0]["role"], "staff");
    assert!(roles[0]["space_id"].is_string());
    app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "nessuno" })),
    )
    .expect_problem(404, "not_found");
    app.call(
        "DELETE",
        &format!("/api/v1/moderation/users/{}/roles", admin.id),
        Some(&admin.token),
        Some(&json!({ "role": "admin" })),
    )
    .expect_problem(409, "cannot_revoke_self");
}

fn spaces_crud(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let created =
        app.space(&admin, "mobilita", json!({ "support_threshold": 100, "amendments_visibility": "participants" }));
    assert_eq!(created["settings"]["support_threshold"], 100);
    assert_eq!(created["settings"]["proposals_open"], true, "omitted settings take defaults");
    assert_eq!(created["settings"]["max_reports_before_hiding"], 3);
    app.post("/api/v1/spaces", Some(&admin.token), json!({ "slug": "mobilita", "title": "Doppione" }))
        .expect_problem(409, "slug_taken");
    let bad = app.post(
        "/api/v1/spaces",
        Some(&admin.token),
        json!({ "slug": "Con Spazi", "title": "Ok titolo", "settings": { "support_limit_per_user": -1 } }),
    );
    let fields: Vec<&str> = bad.expect_problem(422, "validation_failed")["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["slug", "settings.support_limit_per_user"]);
    app.post(
        "/api/v1/spaces",
        Some(&admin.token),
        json!({ "slug": "altro", "title": "Ok titolo", "settings": { "non_esiste": true } }),
    )
    .expect_problem(422, "validation_failed");
    let patched = app.call(
        "PATCH",
        "/api/v1/spaces/mobilita",
        Some(&admin.token),
        Some(&json!({ "settings": { "comments_open": false } })),
    );
    let patched = patched.expect(200);
    assert_eq!(patched["settings"]["comments_open"], false);
    assert_eq!(patched["settings"]["support_threshold"], 100, "a patch keeps what it does not name");
    app.call(
        "PATCH",
        "/api/v1/spaces/mobilita",
        Some(&admin.token),
        Some(&json!({ "settings": { "max_reports_before_hiding": 0 } })),
    )
    .expect_problem(422, "validation_failed");
    assert_eq!(app.get("/api/v1/spaces/mobilita", None).expect(200)["settings"]["max_reports_before_hiding"], 3);
    let list = app.get("/api/v1/spaces", None);
    assert_eq!(list.expect(200)["items"].as_array().unwrap().len(), 1);
    app.get("/api/v1/spaces/nessuno", None).expect_problem(404, "not_found");
}

/// A token that is present but wrong is an error everywhere, including the
/// public reads that do not need a caller: it is never silently anonymous.
fn an_invalid_token_is_refused_on_every_endpoint(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let forged = emenda_accounts::tokens::JwtKeys::from_secret(b"another secret that is long enough!")
        .issue(
            uuid::Uuid::parse_str(&admin.id).unwrap(),
            chrono::Utc::now(),
            chrono::Utc::now() + chrono::Duration::minutes(5),
        )
        .unwrap();
    for path in
        ["/api/v1/proposals", "/api/v1/spaces", "/api/v1/spaces/spazio", "/api/v1/audit", "/api/v1/audit/verify"]
    {
        app.get(path, Some(&forged)).expect_problem(401, "token_invalid");
        app.get(path, Some("not.a.token")).expect_problem(401, "token_invalid");
        app.get(path, None).expect(200);
    }
}

backend_tests!(
    an_invalid_token_is_refused_on_every_endpoint,
    request_rates_are_limited,
    registration_rules,
    login_refresh_logout,
    roles_are_read_on_every_request,
    spaces_crud,
);

fn request_rates_are_limited(backend: Backend) {
    let limits = RateLimits {
        auth_per_minute: 4,
        writes_per_minute: 3,
        expensive_reads_per_minute: 5,
        trust_proxy_headers: false,
    };
    let app = TestApp::spawn_with_limits(backend, limits);
    let admin = app.admin(); // one sign-in
    let user = app.participant("frettoloso"); // a registration and a sign-in
    let other = app.login("admin@example.it"); // the fourth auth request
    let refused =
        app.post("/api/v1/auth/login", None, json!({ "email": "frettoloso@example.it", "password": PASSWORD }));
    refused.expect_problem(429, "rate_limited");
    let wait: u64 = refused.retry_after.as_deref().expect("Retry-After").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");

    app.space(&admin, "spazio", json!({}));
    for i in 0..3 {
        app.proposal(&user, "spazio", &format!("Proposta numero {i} di prova"));
    }
    let fourth = app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&user.token),
        json!({ "title": "Una proposta di troppo", "body": "Un testo abbastanza lungo per essere valido." }),
    );
    fourth.expect_problem(429, "rate_limited");
    assert!(fourth.retry_after.is_some());
    // Limits are per user for writes, and reads are not limited.
    app.proposal(&other, "spazio", "La proposta di un'altra persona");
    for _ in 0..10 {
        app.get("/api/v1/proposals", Some(&user.token)).expect(200);
    }
    // Reads that cost real work are limited per address.
    let id = app.get("/api/v1/proposals", None).body["items"][0]["id"].as_str().expect("id").to_owned();
    for _ in 0..5 {
        app.get(&format!("/api/v1/proposals/{id}/history/verify"), None).expect(200);
    }
    // Spelling the path with escapes does not get around the limit.
    let costly = app.get(&format!("/api/v1/proposals/{id}/%64iff?from=1&to=1"), None);
    costly.expect_problem(429, "rate_limited");
    assert!(costly.retry_after.is_some());
}

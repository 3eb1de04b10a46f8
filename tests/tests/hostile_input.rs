//! Input crafted to break storage or mislead readers is refused with a
//! clear 422 naming the field, the same on both backends, and leaves
//! nothing behind.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, Reply, TestApp, PASSWORD};
use serde_json::json;

#[track_caller]
fn refused(reply: &Reply, field: &str, code: &str) {
    let body = reply.expect_problem(422, "validation_failed");
    let errors = body["errors"].as_array().unwrap();
    assert!(errors.iter().any(|e| e["field"] == field && e["code"] == code), "expected {field}/{code} in {body}");
}

fn nul_is_refused_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    refused(&app.get("/api/v1/spaces/%00", None), "path", "invalid_characters");
    refused(&app.get("/api/v1/proposals?space=%00", None), "space", "invalid_characters");
    refused(&app.get("/api/v1/proposals/EMD-PROP%00", None), "path", "invalid_characters");
    let login = app.post("/api/v1/auth/login", None, json!({ "email": "a\u{0}@example.it", "password": PASSWORD }));
    refused(&login, "email", "invalid_characters");
    // Any JSON media type the server reads is checked too.
    for media_type in ["text/json", "application/vnd.emenda+json"] {
        let sneaky = app.call_with(
            "POST",
            "/api/v1/auth/login",
            None,
            Some(&json!({ "email": "b\u{0}@example.it", "password": PASSWORD })),
            &[("Content-Type", media_type)],
        );
        refused(&sneaky, "email", "invalid_characters");
    }
    let grant = app.call(
        "PUT",
        &format!("/api/v1/moderation/users/{}/roles", user.id),
        Some(&admin.token),
        Some(&json!({ "role": "staff", "space": "spa\u{0}zio" })),
    );
    refused(&grant, "space", "invalid_characters");
    let proposal = app.post(
        "/api/v1/spaces/spazio/proposals",
        Some(&user.token),
        json!({ "title": "Un titolo\u{0} valido", "body": "Un testo abbastanza lungo per essere valido." }),
    );
    refused(&proposal, "title", "invalid_characters");
    let nested = app.call(
        "PATCH",
        "/api/v1/spaces/spazio",
        Some(&admin.token),
        Some(&json!({ "settings": { "amendments_visibility": "all\u{0}" } })),
    );
    refused(&nested, "settings.amendments_visibility", "invalid_characters");
    assert_eq!(app.get("/api/v1/proposals", None).expect(200)["items"], json!([]), "nothing was stored");
}

fn misleading_text_is_refused_or_normalised(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    let publish = |title: &str, body: &str| {
        app.post("/api/v1/spaces/spazio/proposals", Some(&user.token), json!({ "title": title, "body": body }))
    };
    let body = "Un testo abbastanza lungo per essere valido.";
    let invisible = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".repeat(4);
    assert_eq!(publish(&invisible, body).expect_problem(422, "validation_failed")["errors"][0]["field"], "title");
    refused(&publish("Un titolo\u{2028}su due righe", body), "title", "invalid_characters");
    refused(&publish("Un titolo \u{202E}rovesciato", body), "title", "invalid_characters");
    refused(
        &publish("Un titolo valido qui", "Un testo con un controllo \u{85} nascosto dentro."),
        "body",
        "invalid_characters",
    );
    let created = publish("Un titolo valido qui", "Prima riga\rseconda riga\r\nterza riga del testo.");
    assert_eq!(created.expect(201)["body"], "Prima riga\nseconda riga\nterza riga del testo.");
    let register = |email: &str, display: &str| {
        app.post(
            "/api/v1/auth/register",
            None,
            json!({ "email": email, "password": PASSWORD, "nickname": "nuova_utente", "display_name": display }),
        )
    };
    refused(&register("nuova@example.it", "Nome \u{2066}nascosto"), "display_name", "invalid_characters");
    for bad in ["senza-chiocciola", "due@@example.it", "spazio @example.it", "a@localhost", "a@-bad-.it"] {
        let reply = register(bad, "Nuova Utente");
        let fields = reply.expect_problem(422, "validation_failed")["errors"].clone();
        assert!(fields.as_array().unwrap().iter().any(|e| e["field"] == "email"), "{bad}: {fields}");
    }
    register("nuova@example.it", "Nuova Utente").expect(201);
}

/// An id that is not a UUID is named where it was sent, however deep in
/// the body, and nothing is written.
fn malformed_ids_in_bodies_name_their_field(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let user = app.participant("cittadina");
    let proposal = app.proposal(&user, "spazio", "Una panchina nuova in piazza")["id"].as_str().unwrap().to_owned();
    let comments = format!("/api/v1/proposals/{proposal}/comments");
    let reply = app.post(&comments, Some(&user.token), json!({ "body": "Un commento", "parent_id": "nope" }));
    refused(&reply, "parent_id", "invalid_format");
    let report = json!({ "target": { "kind": "comment", "id": "zz" }, "reason": "spam" });
    refused(&app.post("/api/v1/reports", Some(&user.token), report), "target.id", "invalid_format");
    assert_eq!(app.get(&comments, None).expect(200)["items"].as_array().unwrap().len(), 0);
}

/// Every bad query parameter is named, each under its own name, whatever
/// else is wrong beside it; a parameter the list does not take is refused
/// like a body field the request does not take; a version number in the
/// path obeys the same range as everywhere else.
fn query_and_path_errors_name_every_parameter(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, "spazio", json!({}));
    let author = app.participant("autrice");
    let proposal = app.proposal(&author, "spazio", "Una proposta con una versione")["id"].as_str().unwrap().to_owned();
    refused(&app.get("/api/v1/proposals?qualified=maybe", None), "qualified", "malformed");
    let both = app.get("/api/v1/proposals?qualified=maybe&limit=0&state=nowhere", None);
    refused(&both, "qualified", "malformed");
    refused(&both, "limit", "out_of_range");
    refused(&both, "state", "invalid_choice");
    assert_eq!(both.body["errors"].as_array().unwrap().len(), 3, "{}", both.body);
    refused(&app.get("/api/v1/proposals?sate=accepted", None), "sate", "malformed");
    app.get("/api/v1/proposals?qualified=true&limit=5", None).expect(200);
    for number in ["0", "-1", "2147483648", "99999999999999999999"] {
        refused(&app.get(&format!("/api/v1/proposals/{proposal}/versions/{number}"), None), "n", "out_of_range");
    }
    refused(&app.get(&format!("/api/v1/proposals/{proposal}/versions/uno"), None), "n", "malformed");
    app.get(&format!("/api/v1/proposals/{proposal}/versions/1"), None).expect(200);
    app.get(&format!("/api/v1/proposals/{proposal}/versions/2"), None).expect_problem(404, "not_found");
}

backend_tests!(
    query_and_path_errors_name_every_parameter,
    nul_is_refused_everywhere,
    misleading_text_is_refused_or_normalised,
    malformed_ids_in_bodies_name_their_field
);

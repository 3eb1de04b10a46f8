//! The audit log and the OpenAPI document.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp};
use serde_json::json;

fn audit_log_shows_public_entries_to_all_and_the_rest_to_staff(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let author = app.participant("autrice");
    app.space(&admin, "spazio", json!({}));
    let id = app.proposal(&author, "spazio", "Una proposta tracciata")["id"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/proposals/{id}/versions"),
        Some(&author.token),
        json!({ "title": "Una proposta tracciata", "body": "Un testo cambiato per la prova.", "base_version": 1 }),
    )
    .expect(201);
    app.post(&format!("/api/v1/proposals/{id}/withdraw"), Some(&author.token), json!({})).expect(200);

    let public = app.get("/api/v1/audit?limit=100", None);
    let actions: Vec<&str> =
        public.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions[..4], ["proposal.withdrawn", "proposal.edited", "proposal.created", "space.created"]);
    assert!(actions.contains(&"role.granted"));
    assert!(!actions.contains(&"user.registered"), "registrations are not public");
    let all = app.get("/api/v1/audit?limit=100", Some(&admin.token));
    let staff_view: Vec<&str> =
        all.expect(200)["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(staff_view.contains(&"user.registered"));
    let participant_view = app.get("/api/v1/audit?limit=100", Some(&author.token));
    assert_eq!(participant_view.expect(200)["items"].as_array().unwrap().len(), actions.len());
    let by_space = app.get("/api/v1/audit?space=spazio", None);
    assert_eq!(by_space.expect(200)["items"].as_array().unwrap().len(), 4);
    let first_page = app.get("/api/v1/audit?limit=2", None);
    let cursor = first_page.expect(200)["next_cursor"].as_str().unwrap().to_owned();
    let second_page = app.get(&format!("/api/v1/audit?limit=2&cursor={cursor}"), None);
    assert_eq!(second_page.expect(200)["items"][0]["action"], "proposal.created");
}

fn openapi_describes_every_route(backend: Backend) {
    let app = TestApp::spawn(backend);
    let doc = app.get("/api/openapi.json", None);
    let doc = doc.expect(200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let expected = [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/spaces", "get"),
        ("/api/v1/spaces", "post"),
        ("/api/v1/spaces/{slug}", "get"),
        ("/api/v1/spaces/{slug}", "patch"),
        ("/api/v1/proposals", "get"),
        ("/api/v1/spaces/{slug}/proposals", "post"),
        ("/api/v1/proposals/{id}", "get"),
        ("/api/v1/proposals/{id}/versions", "post"),
        ("/api/v1/proposals/{id}/versions", "get"),
        ("/api/v1/proposals/{id}/versions/{n}", "get"),
        ("/api/v1/proposals/{id}/diff", "get"),
        ("/api/v1/proposals/{id}/history/verify", "get"),
        ("/api/v1/proposals/{id}/withdraw", "post"),
        ("/api/v1/proposals/{id}/answers", "get"),
        ("/api/v1/proposals/{id}/amendments", "post"),
        ("/api/v1/proposals/{id}/amendments", "get"),
        ("/api/v1/amendments/{id}", "get"),
        ("/api/v1/amendments/{id}/withdraw", "post"),
        ("/api/v1/amendments/{id}/promote", "post"),
        ("/api/v1/moderation/amendments", "get"),
        ("/api/v1/moderation/amendments/{id}/accept", "post"),
        ("/api/v1/moderation/amendments/{id}/reject", "post"),
        ("/api/v1/moderation/proposals/{id}/answer", "post"),
        ("/api/v1/audit", "get"),
        ("/api/v1/audit/verify", "get"),
        ("/api/v1/moderation/users/{id}/roles", "put"),
        ("/api/v1/moderation/users/{id}/roles", "delete"),
        ("/healthz", "get"),
        ("/readyz", "get"),
    ];
    for (path, method) in expected {
        assert!(doc["paths"][path][method].is_object(), "{method} {path} is not documented");
    }
    for schema in [
        "Problem",
        "ProposalDto",
        "TextDiff",
        "SpaceSettings",
        "SessionDto",
        "ChainReport",
        "AmendmentDto",
        "FieldConflict",
        "AcceptedDto",
        "AuditChainReport",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "schema {schema} missing");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

backend_tests!(audit_log_shows_public_entries_to_all_and_the_rest_to_staff, openapi_describes_every_route);

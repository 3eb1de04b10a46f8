//! The site's owner and its own pages: anyone reads them, admins publish
//! new versions (old ones stay readable, the log records each), and sign-up
//! records the version of the privacy notice in force.
#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::Backend;
use emenda_tests::{backend_tests, TestApp, TestUser, PASSWORD};
use serde_json::{json, Value};
use std::sync::{Arc, Barrier};

fn edit(app: &TestApp, who: &TestUser, slug: &str, title: &str, body: &str, base: i64) -> emenda_tests::Reply {
    app.call(
        "PUT",
        &format!("/api/v1/pages/{slug}"),
        Some(&who.token),
        Some(&json!({ "title": title, "body": body, "base_version": base })),
    )
}

fn register(app: &TestApp, nickname: &str, privacy_version: Option<i64>) -> emenda_tests::Reply {
    let mut body = json!({
        "email": format!("{nickname}@example.it"),
        "password": PASSWORD,
        "nickname": nickname,
        "display_name": nickname,
    });
    if let Some(version) = privacy_version {
        body["privacy_version"] = json!(version);
    }
    app.post("/api/v1/auth/register", None, body)
}

fn the_site_names_its_owner_and_its_pages(backend: Backend) {
    let app = TestApp::spawn(backend);
    let site = app.get("/api/v1/site", None).expect(200).clone();
    assert_eq!(site["owner"]["name"], "Comune di Prova");
    assert_eq!(site["owner"]["email"], "partecipazione@comune.prova.it");
    assert_eq!(site["owner"]["logo"], false);
    let pages: Vec<(&str, i64)> = site["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["slug"].as_str().unwrap(), p["version"].as_i64().unwrap()))
        .collect();
    assert_eq!(pages, [("note-legali", 1), ("privacy", 1), ("accessibilita", 1)]);
    let privacy = app.get("/api/v1/pages/privacy", None).expect(200).clone();
    assert_eq!((privacy["version"].as_i64(), privacy["current_version"].as_i64()), (Some(1), Some(1)));
    assert_eq!(privacy["author"], Value::Null, "the shipped text has no author");
    assert!(privacy["body"].as_str().unwrap().contains("Titolare del trattamento"));
    let statement = app.get("/api/v1/pages/accessibilita", None).expect(200).clone();
    assert!(statement["body"].as_str().unwrap().contains("Meccanismo di feedback"), "AGID asks for one");
    app.get("/api/v1/pages/cookie", None).expect_problem(404, "not_found");
    app.get("/api/v1/pages/privacy/versions/2", None).expect_problem(404, "not_found");
    app.get("/api/v1/site/logo", None).expect_problem(404, "not_found");
}

fn admins_publish_versions_and_every_version_stays_readable(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let citizen = app.participant("cittadina");
    let staff = app.participant("ufficio");
    app.space(&admin, "giardini", json!({}));
    app.grant_staff(&admin, &staff, "giardini");
    let text = "Il sito è pubblicato dal Comune di Prova.\n\nI contenuti sono in CC BY 4.0.";
    for who in [&citizen, &staff] {
        edit(&app, who, "note-legali", "Note legali", text, 1).expect_problem(403, "admin_only");
    }
    let short = edit(&app, &admin, "note-legali", "No", "", 1);
    let fields: Vec<&str> = short.expect_problem(422, "validation_failed")["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "body"], "both wrong fields at once");
    let published = edit(&app, &admin, "note-legali", "Note legali", text, 1).expect(200).clone();
    assert_eq!((published["version"].as_i64(), published["current_version"].as_i64()), (Some(2), Some(2)));
    assert_eq!(published["author"]["id"], json!(admin.id));
    let stale = edit(&app, &admin, "note-legali", "Note legali", "Un altro testo.", 1);
    assert_eq!(stale.expect_problem(409, "stale_version")["current_version"], 2);
    edit(&app, &admin, "cookie", "Cookie", "Nessun cookie.", 1).expect_problem(404, "not_found");
    let versions = app.get("/api/v1/pages/note-legali/versions", None).expect(200).clone();
    let numbers: Vec<i64> = versions.as_array().unwrap().iter().map(|v| v["version"].as_i64().unwrap()).collect();
    assert_eq!(numbers, [2, 1]);
    let first = app.get("/api/v1/pages/note-legali/versions/1", None).expect(200).clone();
    assert_eq!((first["version"].as_i64(), first["current_version"].as_i64()), (Some(1), Some(2)));
    assert!(first["body"].as_str().unwrap().contains("Creative Commons"));
    assert_eq!(app.get("/api/v1/pages/note-legali", None).expect(200)["body"], text);
    let site = app.get("/api/v1/site", None).expect(200).clone();
    assert_eq!(site["pages"][0]["version"], 2);
    let log = app.get("/api/v1/audit", None).expect(200).clone();
    let entries: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|e| e["action"] == "page.edited").collect();
    assert_eq!(entries.len(), 1, "{log}");
    assert_eq!(entries[0]["details"]["page"], "note-legali");
    assert_eq!(entries[0]["details"]["version"], 2);
}

/// Admins publishing from the same version at once: one new version, the
/// others told it is stale; nothing half-written.
fn concurrent_edits_of_a_page_publish_one_version(backend: Backend) {
    let app = Arc::new(TestApp::spawn(backend));
    let admin = Arc::new(app.admin());
    let writers = 6;
    let barrier = Arc::new(Barrier::new(writers));
    let handles: Vec<_> = (0..writers)
        .map(|i| {
            let (app, admin, barrier) = (app.clone(), admin.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let reply =
                    edit(&app, &admin, "privacy", "Informativa sulla privacy", &format!("Testo numero {i}."), 1);
                (reply.status, reply.code().to_owned())
            })
        })
        .collect();
    let mut outcomes: Vec<(u16, String)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    outcomes.sort_unstable();
    let stale = (409, "stale_version".to_owned());
    assert_eq!(outcomes, [(200, String::new()), stale.clone(), stale.clone(), stale.clone(), stale.clone(), stale]);
    let versions = app.get("/api/v1/pages/privacy/versions", None).expect(200).clone();
    assert_eq!(versions.as_array().unwrap().len(), 2);
}

fn sign_up_records_the_privacy_notice_in_force(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    let missing = register(&app, "senzaconsenso", None);
    let problem = missing.expect_problem(422, "validation_failed");
    assert_eq!(
        (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
        (&json!("privacy_version"), &json!("required"))
    );
    register(&app, "anna", Some(1)).expect(201);
    let anna = app.login("anna@example.it");
    assert_eq!(app.get("/api/v1/me", Some(&anna.token)).expect(200)["privacy_version"], 1);
    edit(
        &app,
        &admin,
        "privacy",
        "Informativa sulla privacy",
        "Nuova informativa: il titolare è il Comune di Prova.",
        1,
    )
    .expect(200);
    let stale = register(&app, "bruno", Some(1));
    let problem = stale.expect_problem(422, "validation_failed");
    assert_eq!(
        (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
        (&json!("privacy_version"), &json!("mismatch"))
    );
    app.post("/api/v1/auth/login", None, json!({ "email": "bruno@example.it", "password": PASSWORD }))
        .expect_problem(401, "invalid_credentials");
    register(&app, "bruno", Some(2)).expect(201);
    let bruno = app.login("bruno@example.it");
    assert_eq!(app.get("/api/v1/me", Some(&bruno.token)).expect(200)["privacy_version"], 2);
    assert_eq!(app.get("/api/v1/me", Some(&anna.token)).expect(200)["privacy_version"], 1, "what Anna accepted stays");
    assert_eq!(
        app.get("/api/v1/me", Some(&admin.token)).expect(200)["privacy_version"],
        Value::Null,
        "made by an operator"
    );
}

backend_tests!(
    the_site_names_its_owner_and_its_pages,
    admins_publish_versions_and_every_version_stays_readable,
    concurrent_edits_of_a_page_publish_one_version,
    sign_up_records_the_privacy_notice_in_force,
);

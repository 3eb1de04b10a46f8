//! "Scarica i miei dati": a person gets a ZIP of everything the platform
//! keeps about them (JSON and a CSV per section), built in the background,
//! at their signed-in address for it and, where the site sends e-mail, by
//! a letter's link that is its own proof; nobody else gets it; it goes
//! with the account.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::testing::query_text;
use emenda_store::Backend;
use emenda_test_support::smtp::SmtpServer;
use emenda_tests::{backend_tests, TestApp, TestUser, MAIL_LINKS, PASSWORD};
use serde_json::{json, Value};
use std::io::Read;
use std::time::{Duration, Instant};

const SPACE: &str = "borgo";

/// The raw answer to a GET: status, content type, cache control, bytes.
fn download(url: &str, token: Option<&str>) -> (u16, String, String, Vec<u8>) {
    let mut request = ureq::get(url);
    if let Some(token) = token {
        request = request.set("Authorization", &format!("Bearer {token}"));
    }
    let response = match request.call() {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => panic!("{url}: {error}"),
    };
    let status = response.status();
    let kind = response.content_type().to_owned();
    let cache = response.header("Cache-Control").unwrap_or_default().to_owned();
    let mut bytes = Vec::new();
    response.into_reader().read_to_end(&mut bytes).unwrap();
    (status, kind, cache, bytes)
}

/// The files of a ZIP, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_owned(), text)
        })
        .collect()
}

/// Waits until the export is built; returns it.
fn ready(app: &TestApp, who: &TestUser) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let list = app.get("/api/v1/me/exports", Some(&who.token)).expect(200).clone();
        if list[0]["state"] == "ready" {
            return list[0].clone();
        }
        assert!(Instant::now() < deadline, "the export was not built: {list}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Publishes, comments, supports and follows as `who`: something in each
/// section.
fn take_part(app: &TestApp, who: &TestUser, other: &TestUser) -> String {
    app.proposal(who, SPACE, "Un mercato contadino il sabato");
    let reference =
        app.proposal(other, SPACE, "Una ciclabile lungo il fiume")["reference"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/proposals/{reference}/comments"),
        Some(&who.token),
        json!({ "body": "=HYPERLINK(\"http://x\"), con una virgola" }),
    )
    .expect(201);
    app.call("PUT", &format!("/api/v1/proposals/{reference}/support"), Some(&who.token), None).expect(201);
    reference
}

fn a_person_downloads_everything_about_them(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let other = app.participant("altra");
    let person = app.participant("lettrice");
    let supported = take_part(&app, &person, &other);

    let asked = app.post("/api/v1/me/export", Some(&person.token), json!({})).expect(202).clone();
    assert_eq!(asked["state"], "pending");
    let again = app.post("/api/v1/me/export", Some(&person.token), json!({})).expect(202).clone();
    assert_eq!(again["id"], asked["id"], "asking again the same day gives the same export");
    let export = ready(&app, &person);
    let id = export["id"].as_str().unwrap();
    let url = format!("{}/api/v1/me/exports/{id}/archive", app.base);

    let (status, kind, cache, bytes) = download(&url, Some(&person.token));
    assert_eq!((status, kind.as_str(), cache.as_str()), (200, "application/zip", "no-store"));
    assert_eq!(export["size"].as_u64(), Some(bytes.len() as u64));
    let files = unzip(&bytes);
    for name in
        ["LEGGIMI.txt", "dati.json", "account.csv", "comments.csv", "supports.csv", "sign_ins.csv", "versions.csv"]
    {
        assert!(files.contains_key(name), "{name} missing: {:?}", files.keys().collect::<Vec<_>>());
    }
    let data: Value = serde_json::from_str(&files["dati.json"]).unwrap();
    let sections = &data["sections"];
    assert_eq!(sections["account"][0]["email"], person.email.as_str());
    assert_eq!(sections["account"][0]["privacy_version"], "1");
    assert_eq!(sections["proposals"][0]["title"], "Un mercato contadino il sabato");
    assert_eq!(sections["supports"][0]["reference"], supported.as_str());
    assert_eq!(sections["comments"][0]["body"], "=HYPERLINK(\"http://x\"), con una virgola");
    assert!(sections["sign_ins"].as_array().unwrap().iter().any(|s| s["succeeded"] == "true"));
    assert!(!sections["follows"].as_array().unwrap().is_empty(), "authoring and supporting follow");
    // The CSV quotes the comma and defuses the formula.
    assert!(
        files["comments.csv"].contains("\"'=HYPERLINK(\"\"http://x\"\"), con una virgola\""),
        "{}",
        files["comments.csv"]
    );
    // Nothing of anyone else.
    assert!(!files["dati.json"].contains(&other.email));

    // Nobody else gets it.
    assert_eq!(download(&url, Some(&other.token)).0, 404);
    assert_eq!(download(&url, None).0, 401);
    assert_eq!(download(&format!("{}/api/v1/exports/archive?token=indovinato", app.base), None).0, 404);
}

fn the_letter_link_is_the_proof_and_goes_with_the_account(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail_and_grace(backend, &smtp.url(), chrono::Duration::zero());
    let email = "lettrice@example.it";
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": email, "password": PASSWORD, "nickname": "lettrice", "display_name": "Lettrice", "privacy_version": 1 }),
    )
    .expect(201);
    let letter = |subject: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(found) = smtp.messages_to(email).into_iter().find(|m| m.subject.contains(subject)) {
                return found;
            }
            assert!(Instant::now() < deadline, "no letter about {subject:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let token = letter("Conferma").link_token().unwrap();
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect(204);
    let person = app.login(email);

    app.post("/api/v1/me/export", Some(&person.token), json!({})).expect(202);
    let told = letter("sono pronti");
    let link = told.text.lines().find(|l| l.contains("/api/v1/exports/archive?token=")).unwrap().trim().to_owned();
    assert!(link.starts_with(MAIL_LINKS), "{link}");
    let local = link.replacen(MAIL_LINKS, &app.base, 1);
    let (status, kind, _, bytes) = download(&local, None);
    assert_eq!((status, kind.as_str()), (200, "application/zip"));
    assert!(unzip(&bytes)["dati.json"].contains(email));

    // Erased with the account: the link and the rows go.
    app.call("DELETE", "/api/v1/me", Some(&person.token), Some(&json!({ "password": PASSWORD }))).expect(200);
    assert_eq!(download(&local, None).0, 404);
    let left = query_text(&app.store, "SELECT CAST(COUNT(*) AS TEXT) AS value FROM data_exports").unwrap();
    assert_eq!(left, ["0"]);
}

backend_tests!(a_person_downloads_everything_about_them, the_letter_link_is_the_proof_and_goes_with_the_account);

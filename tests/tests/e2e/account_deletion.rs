//! A person deletes their account: proven by the password, after a grace
//! period they may cancel in (sign in again, cancel), or at once where the
//! site keeps none. Afterwards no table holds their address, handle or
//! name; their supports on open proposals are withdrawn with every counter
//! exact, those on closed ones stay; what they published stays, authored by
//! "Partecipante eliminato" (an empty name); every history, the public log
//! and its checkpoints still verify; and the public log says an account was
//! deleted, naming only its id.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::testing::columns_holding;
use emenda_store::Backend;
use emenda_test_support::smtp::{ReceivedMail, SmtpServer};
use emenda_tests::{backend_tests, TestApp, TestUser, MAIL_LINKS, PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const SPACE: &str = "quartiere";
const EMAIL: &str = "ornella.pisani@esempio.it";
const NICKNAME: &str = "ornellap";
const NAME: &str = "Ornella Pisani Vanoni";

/// Registers the person whose account the tests delete, with a name and
/// handle found nowhere else, and signs them in.
fn ornella(app: &TestApp) -> TestUser {
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": EMAIL, "password": PASSWORD, "nickname": NICKNAME, "display_name": NAME, "privacy_version": 1 }),
    )
    .expect(201);
    app.login(EMAIL)
}

fn counters(app: &TestApp, reference: &str) -> (i64, i64) {
    let p = app.get(&format!("/api/v1/proposals/{reference}"), None).expect(200).clone();
    (p["counters"]["supports"].as_i64().unwrap(), p["counters"]["supports_given"].as_i64().unwrap())
}

fn delete_account(app: &TestApp, who: &TestUser, password: &str) -> emenda_tests::Reply {
    app.call("DELETE", "/api/v1/me", Some(&who.token), Some(&json!({ "password": password })))
}

/// Where any of the person's identifying data is still stored.
fn traces(app: &TestApp) -> Vec<String> {
    let mut found = Vec::new();
    for needle in [EMAIL, NICKNAME, NAME, "Pisani"] {
        for column in columns_holding(&app.store, needle).unwrap() {
            found.push(format!("{needle:?} in {column}"));
        }
    }
    found
}

/// Every segment of the public log verifies, to its end.
fn log_verifies(app: &TestApp) {
    app.wait_for_log();
    let mut from = 0;
    loop {
        let report = app.get(&format!("/api/v1/audit/verify?from={from}"), None).expect(200).clone();
        assert_eq!(report["valid"], true, "the log does not verify: {report}");
        if report["complete"] == true {
            return;
        }
        from = report["next"].as_u64().unwrap();
    }
}

fn history_verifies(app: &TestApp, reference: &str) {
    let report = app.get(&format!("/api/v1/proposals/{reference}/history/verify"), None).expect(200).clone();
    assert_eq!(report["valid"], true, "{reference}: {report}");
}

/// Erased at once (no grace period): nothing of the person remains,
/// everything they touched still adds up and verifies.
fn an_erased_account_leaves_no_personal_datum(backend: Backend) {
    let app = TestApp::spawn_with_deletion_grace(backend, chrono::Duration::zero());
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let staff = app.participant("ufficio");
    app.grant_staff(&admin, &staff, SPACE);
    let other = app.participant("vicino");
    let person = ornella(&app);

    // Her own proposal, edited once; a comment and a reply on another's;
    // supports on an open proposal and on one answered since; a report.
    let own = app.proposal(&person, SPACE, "Una biblioteca di quartiere")["reference"].as_str().unwrap().to_owned();
    app.post(
        &format!("/api/v1/proposals/{own}/versions"),
        Some(&person.token),
        json!({ "title": "Una biblioteca di quartiere", "body": "Con una sala studio aperta la sera.", "base_version": 1 }),
    )
    .expect(201);
    let open = app.proposal(&other, SPACE, "Un orto condiviso")["reference"].as_str().unwrap().to_owned();
    let closed = app.proposal(&other, SPACE, "Una fontana nel parco")["reference"].as_str().unwrap().to_owned();
    let closed_id =
        app.get(&format!("/api/v1/proposals/{closed}"), None).expect(200)["id"].as_str().unwrap().to_owned();
    for reference in [&open, &closed] {
        app.call("PUT", &format!("/api/v1/proposals/{reference}/support"), Some(&person.token), None).expect(201);
    }
    app.call("PUT", &format!("/api/v1/proposals/{open}/support"), Some(&other.token), None).expect(201);
    app.post(
        &format!("/api/v1/moderation/proposals/{closed_id}/answer"),
        Some(&staff.token),
        json!({ "state": "accepted", "answer": "La fontana sarà installata." }),
    )
    .expect(200);
    let asked = app
        .post(
            &format!("/api/v1/proposals/{open}/comments"),
            Some(&other.token),
            json!({ "body": "Chi lo cura d'estate?" }),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(
        &format!("/api/v1/proposals/{open}/comments"),
        Some(&person.token),
        json!({ "body": "Facciamo i turni tra vicini.", "parent_id": asked }),
    )
    .expect(201);
    app.post(
        "/api/v1/reports",
        Some(&person.token),
        json!({ "target": { "kind": "comment", "id": asked }, "reason": "spam" }),
    )
    .expect(201);
    // The reply reached its addressee, naming her.
    let deadline = Instant::now() + Duration::from_secs(30);
    let told = loop {
        let page = app.get("/api/v1/me/notifications", Some(&other.token)).expect(200).clone();
        if let Some(reply) = page["items"].as_array().unwrap().iter().find(|n| n["kind"] == "comment_reply") {
            break reply.clone();
        }
        assert!(Instant::now() < deadline, "the reply was never notified");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(told["payload"]["by"], NAME);
    assert!(!traces(&app).is_empty(), "the search finds her before the deletion");
    let (open_before, closed_before) = (counters(&app, &open), counters(&app, &closed));
    assert_eq!(open_before, (2, 2));

    // A wrong password changes nothing.
    delete_account(&app, &person, "non-la-sua-password").expect_problem(422, "validation_failed");
    app.get("/api/v1/me", Some(&person.token)).expect(200);

    let erased = delete_account(&app, &person, PASSWORD).expect(200).clone();
    assert_eq!(erased["state"], "deleted");

    // She is gone: every trace of her data, her session, her password.
    // (Looked for before anyone tries her address again: a sign-in attempt
    // is recorded for the throttle whatever the address, known or not.)
    assert_eq!(traces(&app), Vec::<String>::new(), "personal data left after the erasure");
    app.get("/api/v1/me", Some(&person.token)).expect(401);
    app.post("/api/v1/auth/login", None, json!({ "email": EMAIL, "password": PASSWORD }))
        .expect_problem(401, "invalid_credentials");
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": person.refresh })).expect(401);

    // Her support on the open proposal is withdrawn, the one on the closed
    // proposal stays; every counter matches its rows.
    assert_eq!(counters(&app, &open), (open_before.0 - 1, open_before.1 - 1));
    assert_eq!(counters(&app, &closed), closed_before);
    app.assert_counters_consistent();

    // What she published stays, authored by nobody nameable.
    let own_page = app.get(&format!("/api/v1/proposals/{own}"), None).expect(200).clone();
    assert_eq!(own_page["authors"][0]["display_name"], "");
    assert_eq!(own_page["current_version"], 2);
    let replies = app.get(&format!("/api/v1/proposals/{open}/comments?parent_id={asked}"), None).expect(200).clone();
    let reply = replies["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["body"] == "Facciamo i turni tra vicini.")
        .unwrap_or_else(|| panic!("her reply is still shown: {replies}"))
        .clone();
    assert_eq!(reply["author"]["display_name"], "");
    let told = app.get("/api/v1/me/notifications", Some(&other.token)).expect(200).clone();
    let told = told["items"].as_array().unwrap().iter().find(|n| n["kind"] == "comment_reply").unwrap().clone();
    assert!(told["payload"].get("by").is_none(), "the notice no longer names her: {told}");

    // Every history and the whole log still verify; the log tells of the
    // deletion by the account's id alone.
    for reference in [&own, &open, &closed] {
        history_verifies(&app, reference);
    }
    log_verifies(&app);
    let entries = app.get("/api/v1/audit?action=account.deleted", None).expect(200).clone();
    let entry = &entries["items"][0];
    assert_eq!(entry["target_id"], person.id.as_str());
    assert_eq!(entry["details"], json!({}));
    let registered = app.get("/api/v1/audit?action=user.registered&limit=100", Some(&admin.token)).expect(200).clone();
    let hers = registered["items"].as_array().unwrap().iter().find(|e| e["target_id"] == person.id.as_str()).unwrap();
    assert_eq!(hers["details"], json!({}), "her registration no longer names her");
}

/// With a grace period: every session closes at the request, signing in
/// again is allowed but writes wait, cancelling restores the account, and
/// a second request erases it once the period is over.
fn a_pending_deletion_can_be_cancelled_then_runs_out(backend: Backend) {
    let app = TestApp::spawn_with_deletion_grace(backend, chrono::Duration::seconds(3));
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    let person = ornella(&app);
    let reference = app.proposal(&person, SPACE, "Una panchina all'ombra")["reference"].as_str().unwrap().to_owned();

    let scheduled = delete_account(&app, &person, PASSWORD).expect(202).clone();
    assert_eq!(scheduled["state"], "scheduled");
    let due: chrono::DateTime<chrono::Utc> = scheduled["deletion_due_at"].as_str().unwrap().parse().unwrap();
    assert!(due > chrono::Utc::now() + chrono::Duration::seconds(1), "due {due}: the grace period is 3 s");
    app.get("/api/v1/me", Some(&person.token)).expect(401);

    // Back before it runs out: she reads, but writes nothing until she cancels.
    let back = app.login(EMAIL);
    let me = app.get("/api/v1/me", Some(&back.token)).expect(200).clone();
    assert_eq!(me["deletion_due_at"].as_str().map(|d| d.parse::<chrono::DateTime<chrono::Utc>>().unwrap()), Some(due));
    app.post(&format!("/api/v1/proposals/{reference}/comments"), Some(&back.token), json!({ "body": "Ancora qui." }))
        .expect_problem(403, "deletion_pending");
    app.call("DELETE", "/api/v1/me/deletion", Some(&back.token), None).expect(204);
    assert_eq!(app.get("/api/v1/me", Some(&back.token)).expect(200)["deletion_due_at"], Value::Null);
    app.post(&format!("/api/v1/proposals/{reference}/comments"), Some(&back.token), json!({ "body": "Ancora qui." }))
        .expect(201);
    // Past the date she set first, the cancelled deletion does not run.
    std::thread::sleep(Duration::from_secs(4));
    app.get("/api/v1/me", Some(&back.token)).expect(200);

    // Asked again, and left to run out.
    delete_account(&app, &back, PASSWORD).expect(202);
    // (Watched in the database: a sign-in attempt would itself record
    // the address, for the throttle.)
    let deadline = Instant::now() + Duration::from_secs(30);
    while !traces(&app).is_empty() {
        assert!(Instant::now() < deadline, "not erased after its grace period: {:?}", traces(&app));
        std::thread::sleep(Duration::from_millis(200));
    }
    app.get("/api/v1/me", Some(&back.token)).expect(401);
    app.post("/api/v1/auth/login", None, json!({ "email": EMAIL, "password": PASSWORD }))
        .expect_problem(401, "invalid_credentials");
    let page = app.get(&format!("/api/v1/proposals/{reference}"), None).expect(200).clone();
    assert_eq!(page["authors"][0]["display_name"], "");
    history_verifies(&app, &reference);
    log_verifies(&app);
}

/// The first letter to the person that `matches`, waited for.
fn letter_to(smtp: &SmtpServer, matches: impl Fn(&ReceivedMail) -> bool) -> ReceivedMail {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(found) = smtp.messages_to(EMAIL).into_iter().find(|m| matches(m)) {
            return found;
        }
        assert!(Instant::now() < deadline, "no such letter to {EMAIL}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Where the site sends e-mail, the person is told when the account goes
/// and how to keep it; once it is erased, no letter, sent or waiting,
/// keeps their address or name.
fn with_email_the_person_is_told_and_no_letter_keeps_them(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail_and_grace(backend, &smtp.url(), chrono::Duration::seconds(2));
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": EMAIL, "password": PASSWORD, "nickname": NICKNAME, "display_name": NAME, "privacy_version": 1 }),
    )
    .expect(201);
    let token = letter_to(&smtp, |_| true).link_token().unwrap();
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect(204);
    let person = app.login(EMAIL);

    delete_account(&app, &person, PASSWORD).expect(202);
    let told = letter_to(&smtp, |m| m.subject.contains("sarà eliminato"));
    assert!(told.text.contains("il giorno "), "{}", told.text);
    assert!(told.text.contains(&format!("{MAIL_LINKS}/accedi")), "{}", told.text);
    assert!(told.text.contains(NAME), "a proven address is greeted by name: {}", told.text);

    let deadline = Instant::now() + Duration::from_secs(30);
    while !traces(&app).is_empty() {
        assert!(Instant::now() < deadline, "not erased: {:?}", traces(&app));
        std::thread::sleep(Duration::from_millis(200));
    }
    log_verifies(&app);
}

/// The installation keeps an administrator: the last one cannot leave.
fn the_last_administrator_cannot_delete_their_account(backend: Backend) {
    let app = TestApp::spawn_with_deletion_grace(backend, chrono::Duration::zero());
    let admin = app.admin();
    delete_account(&app, &admin, PASSWORD).expect_problem(409, "last_admin");
    app.get("/api/v1/me", Some(&admin.token)).expect(200);
}

/// An administrator whose account is to be deleted acts on nothing, and
/// counts as leaving: the other cannot leave after them.
fn an_administrator_leaving_acts_on_nothing(backend: Backend) {
    let app = TestApp::spawn_with_deletion_grace(backend, chrono::Duration::days(1));
    let admin = app.admin();
    let second = ornella(&app);
    let roles = |of: &TestUser| format!("/api/v1/moderation/users/{}/roles", of.id);
    app.call("PUT", &roles(&second), Some(&admin.token), Some(&json!({ "role": "admin" }))).expect(200);
    delete_account(&app, &second, PASSWORD).expect(202);
    let back = app.login(EMAIL);
    app.post(
        "/api/v1/spaces",
        Some(&back.token),
        json!({ "slug": "nuovo", "title": "Spazio nuovo", "description": "Un percorso di prova", "settings": {} }),
    )
    .expect_problem(403, "deletion_pending");
    app.call("DELETE", &roles(&admin), Some(&back.token), Some(&json!({ "role": "admin" })))
        .expect_problem(403, "deletion_pending");
    app.post(&format!("/api/v1/moderation/users/{}/verify", admin.id), Some(&back.token), json!({}))
        .expect_problem(403, "deletion_pending");
    // The one staying cannot leave: the other is leaving.
    delete_account(&app, &admin, PASSWORD).expect_problem(409, "last_admin");
    // Cancelled, the second is an administrator again, and the first may go.
    app.call("DELETE", "/api/v1/me/deletion", Some(&back.token), None).expect(204);
    app.post(
        "/api/v1/spaces",
        Some(&back.token),
        json!({ "slug": "nuovo", "title": "Spazio nuovo", "description": "Un percorso di prova", "settings": {} }),
    )
    .expect(201);
    delete_account(&app, &admin, PASSWORD).expect(202);
}

backend_tests!(
    an_administrator_leaving_acts_on_nothing,
    an_erased_account_leaves_no_personal_datum,
    a_pending_deletion_can_be_cancelled_then_runs_out,
    with_email_the_person_is_told_and_no_letter_keeps_them,
    the_last_administrator_cannot_delete_their_account,
);

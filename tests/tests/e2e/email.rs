//! E-mail, delivered to a real SMTP server and read back: the address
//! confirmation that writing waits for, password reset links that work
//! once and tell nobody which addresses have accounts, the notices of a
//! changed password or address, and letters that fail: retried when the
//! failure is passing, given up (for an admin to see and retry) when not.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_store::testing::execute_in;
use emenda_store::Backend;
use emenda_test_support::smtp::{ReceivedMail, SmtpServer};
use emenda_tests::{backend_tests, TestApp, TestUser, MAIL_LINKS, PASSWORD};
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const SPACE: &str = "piazza";

fn register(app: &TestApp, nickname: &str, language: &str) -> TestUser {
    let email = format!("{nickname}@example.it");
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": email, "password": PASSWORD, "nickname": nickname, "display_name": nickname,
                "privacy_version": 1, "language": language }),
    )
    .expect(201);
    app.login(&email)
}

/// The letters `address` received, waiting until there are `count`.
fn letters_to(smtp: &SmtpServer, address: &str, count: usize) -> Vec<ReceivedMail> {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let letters = smtp.messages_to(address);
        if letters.len() >= count {
            return letters;
        }
        assert!(std::time::Instant::now() < deadline, "{} of {count} letters reached {address}", letters.len());
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn me(app: &TestApp, user: &TestUser) -> serde_json::Value {
    app.get("/api/v1/me", Some(&user.token)).expect(200).clone()
}

/// A person who signs up gets a link in their language; until they open
/// it they may read and sign in but not write; the link works once.
fn sign_up_asks_to_confirm_the_address_before_writing(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    assert_eq!(app.get("/api/v1/site", None).expect(200)["email"], true);

    let maria = register(&app, "maria", "it");
    let john = register(&app, "john", "en");
    let letter = letters_to(&smtp, &maria.email, 1).remove(0);
    assert_eq!(letter.subject, "Conferma il tuo indirizzo su Comune di Prova");
    assert!(letter.message_id.ends_with("@comune.prova.it>"), "{}", letter.message_id);
    assert!(letter.html.contains("<a href=\"https://partecipa.comune.prova.it/conferma-indirizzo#token="));
    let link = letter.link(&format!("{MAIL_LINKS}/conferma-indirizzo#token=")).unwrap();
    let token = letter.link_token().unwrap();
    assert!(link.ends_with(&token));
    assert_eq!(letters_to(&smtp, &john.email, 1)[0].subject, "Confirm your address on Comune di Prova");
    // The account's own words (its name) go only to an address it proved.
    assert_eq!(letter.text.lines().next(), Some("Ciao,"), "{}", letter.text);
    assert_eq!(me(&app, &maria)["email_confirmed"], false);
    assert_eq!(me(&app, &john)["language"], "en");

    let proposal = json!({ "title": "Una panchina in piazza", "body": "Un testo abbastanza lungo per essere valido." });
    app.post(&format!("/api/v1/spaces/{SPACE}/proposals"), Some(&maria.token), proposal.clone())
        .expect_problem(403, "email_unconfirmed");
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect(204);
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect_problem(422, "validation_failed");
    assert_eq!(me(&app, &maria)["email_confirmed"], true);
    app.post(&format!("/api/v1/spaces/{SPACE}/proposals"), Some(&maria.token), proposal).expect(201);

    // A confirmed address needs no new link; an unconfirmed one gets one.
    app.post("/api/v1/me/email-confirmation", Some(&maria.token), json!({})).expect(202);
    app.post("/api/v1/me/email-confirmation", Some(&john.token), json!({})).expect(202);
    assert_eq!(letters_to(&smtp, &john.email, 2).len(), 2);
    std::thread::sleep(Duration::from_millis(1_500));
    assert_eq!(smtp.messages_to(&maria.email).len(), 1, "a confirmed address gets no new link");
    // The operator's admin is confirmed, and got no letter.
    assert_eq!(me(&app, &admin)["email_confirmed"], true);
    assert!(smtp.messages_to(&admin.email).is_empty());
}

/// A site without e-mail says so, and does not make writing wait.
fn without_email_nothing_waits_for_it(backend: Backend) {
    let app = TestApp::spawn(backend);
    let admin = app.admin();
    app.space(&admin, SPACE, json!({}));
    assert_eq!(app.get("/api/v1/site", None).expect(200)["email"], false);
    let maria = app.participant("maria");
    assert_eq!(me(&app, &maria)["email_confirmed"], false);
    app.proposal(&maria, SPACE, "Una panchina in piazza");
    app.post("/api/v1/auth/password-reset", None, json!({ "email": maria.email })).expect_problem(409, "email_off");
    app.post("/api/v1/me/email-confirmation", Some(&maria.token), json!({})).expect_problem(409, "email_off");
    // The address changes at once, unconfirmed.
    let change = app.call(
        "PUT",
        "/api/v1/me/email",
        Some(&maria.token),
        Some(&json!({ "password": PASSWORD, "email": "maria.rossi@example.it" })),
    );
    assert_eq!(change.expect(202)["status"], "done");
    assert_eq!(me(&app, &maria)["email"], "maria.rossi@example.it");
}

/// The reset form answers the same for every address; a link works once,
/// only for its account, only while the account keeps the address, and
/// only for an hour; using it closes every session and sends a notice.
fn a_reset_link_works_once_for_its_account_only(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let maria = register(&app, "maria", "it");
    let bruno = register(&app, "bruno", "it");
    letters_to(&smtp, &bruno.email, 1);

    let unknown = app.post("/api/v1/auth/password-reset", None, json!({ "email": "nessuno@example.it" }));
    let known = app.post("/api/v1/auth/password-reset", None, json!({ "email": " MARIA@example.it " }));
    assert_eq!((unknown.status, &unknown.body), (known.status, &known.body), "the same answer either way");
    assert_eq!(known.status, 202);
    let letters = letters_to(&smtp, &maria.email, 2);
    let reset = letters.iter().find(|l| l.subject.starts_with("Nuova password")).unwrap();
    let token = reset.link_token().unwrap();
    assert!(reset.text.contains(&format!("{MAIL_LINKS}/nuova-password#token={token}")));

    // Another purpose's endpoint does not take it.
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect_problem(422, "validation_failed");
    let new_password = "una-password-nuova-e-lunga";
    app.post("/api/v1/auth/password-reset/confirm", None, json!({ "token": token, "password": "corta" }))
        .expect_problem(422, "validation_failed");
    app.post("/api/v1/auth/password-reset/confirm", None, json!({ "token": token, "password": new_password }))
        .expect(204);
    let again =
        app.post("/api/v1/auth/password-reset/confirm", None, json!({ "token": token, "password": "ancora-un-altra" }));
    assert_eq!(again.expect_problem(422, "validation_failed")["errors"][0]["code"], "invalid");

    // Only Maria's password changed; her old sessions are closed.
    app.post("/api/v1/auth/login", None, json!({ "email": maria.email, "password": PASSWORD }))
        .expect_problem(401, "invalid_credentials");
    app.post("/api/v1/auth/login", None, json!({ "email": maria.email, "password": new_password })).expect(200);
    app.post("/api/v1/auth/login", None, json!({ "email": bruno.email, "password": PASSWORD })).expect(200);
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": maria.refresh })).expect(401);
    app.get("/api/v1/me", Some(&maria.token)).expect_problem(401, "token_invalid");
    let notice = letters_to(&smtp, &maria.email, 3).into_iter().find(|l| l.subject.contains("è cambiata")).unwrap();
    assert!(notice.text.contains(&format!("{MAIL_LINKS}/password-dimenticata")));
    assert!(notice.link_token().is_none(), "a notice carries no token");
    // Reading the link proved the address.
    let signed_in = app.post("/api/v1/auth/login", None, json!({ "email": maria.email, "password": new_password }));
    assert_eq!(signed_in.expect(200)["user"]["email_confirmed"], true);

    // An expired link says so.
    app.post("/api/v1/auth/password-reset", None, json!({ "email": bruno.email })).expect(202);
    let token = letters_to(&smtp, &bruno.email, 2)[1].link_token().unwrap();
    app.store.write(|tx| execute_in(tx, "UPDATE email_tokens SET expires_at = '2000-01-01T00:00:00.000000Z'")).unwrap();
    let expired =
        app.post("/api/v1/auth/password-reset/confirm", None, json!({ "token": token, "password": new_password }));
    assert_eq!(expired.expect_problem(422, "validation_failed")["errors"][0]["code"], "expired");
    app.post("/api/v1/auth/login", None, json!({ "email": bruno.email, "password": PASSWORD })).expect(200);
}

/// A form that sends mail cannot flood an inbox: three letters of a kind
/// an hour at most, while the answer stays the same.
fn reset_letters_are_limited_per_account(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let maria = register(&app, "maria", "it");
    letters_to(&smtp, &maria.email, 1);
    for _ in 0..5 {
        app.post("/api/v1/auth/password-reset", None, json!({ "email": maria.email })).expect(202);
    }
    letters_to(&smtp, &maria.email, 4);
    std::thread::sleep(Duration::from_millis(1_500));
    assert_eq!(smtp.messages_to(&maria.email).len(), 4, "the welcome and three reset links");
}

/// Changing the password keeps the caller signed in and no one else;
/// changing the address waits for the new address's link, then tells
/// the old address.
fn password_and_address_changes_are_proven_and_told(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let maria = register(&app, "maria", "en");
    letters_to(&smtp, &maria.email, 1);

    let wrong = app.call(
        "PUT",
        "/api/v1/me/password",
        Some(&maria.token),
        Some(&json!({ "password": "not-the-password", "new_password": "una-password-nuova-e-lunga" })),
    );
    assert_eq!(wrong.expect_problem(422, "validation_failed")["errors"][0]["field"], "password");
    let changed = app.call(
        "PUT",
        "/api/v1/me/password",
        Some(&maria.token),
        Some(&json!({ "password": PASSWORD, "new_password": "una-password-nuova-e-lunga" })),
    );
    let session = changed.expect(200).clone();
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": maria.refresh })).expect(401);
    app.post("/api/v1/auth/refresh", None, json!({ "refresh_token": session["refresh_token"] })).expect(200);
    let notice = letters_to(&smtp, &maria.email, 2).into_iter().find(|l| l.subject.contains("password")).unwrap();
    assert_eq!(notice.subject, "Your password on Comune di Prova changed");
    let token = session["access_token"].as_str().unwrap();

    app.admin();
    app.call(
        "PUT",
        "/api/v1/me/email",
        Some(token),
        Some(&json!({ "password": "una-password-nuova-e-lunga", "email": "ADMIN@example.it" })),
    )
    .expect_problem(409, "email_taken");
    let pending = app.call(
        "PUT",
        "/api/v1/me/email",
        Some(token),
        Some(&json!({ "password": "una-password-nuova-e-lunga", "email": "maria.new@example.it" })),
    );
    assert_eq!(pending.expect(202)["status"], "pending");
    let confirm = letters_to(&smtp, "maria.new@example.it", 1).remove(0);
    assert_eq!(app.get("/api/v1/me", Some(token)).expect(200)["email"], maria.email, "not before the link");
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": confirm.link_token().unwrap() })).expect(204);
    let me = app.get("/api/v1/me", Some(token)).expect(200).clone();
    assert_eq!((me["email"].as_str(), me["email_confirmed"].as_bool()), (Some("maria.new@example.it"), Some(true)));
    let told = letters_to(&smtp, &maria.email, 3).into_iter().find(|l| l.subject.starts_with("Your address")).unwrap();
    assert!(told.text.contains("m***@example.it"), "{}", told.text);
    app.post(
        "/api/v1/auth/login",
        None,
        json!({ "email": "maria.new@example.it", "password": "una-password-nuova-e-lunga" }),
    )
    .expect(200);
}

/// A refusal for good kills a letter at once; a passing one is retried
/// later. Admins see both, with the mail server's words, and may put a
/// dead letter back in line; nobody else sees the outbox.
fn failed_letters_are_retried_or_given_up_for_admins_to_see(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let admin = app.admin();
    let refused = register(&app, "refuse_anna", "it");
    register(&app, "later_bruno", "it");
    let carla = register(&app, "carla", "it");
    letters_to(&smtp, &carla.email, 1);

    let outbox = |state: &str| {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let page =
                app.get(&format!("/api/v1/moderation/mail?state={state}"), Some(&admin.token)).expect(200).clone();
            if page["items"].as_array().unwrap().len() == 1 || std::time::Instant::now() > deadline {
                return page;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let dead = outbox("dead");
    assert_eq!(dead["items"][0]["recipient"], refused.email);
    assert!(dead["items"][0]["last_error"].as_str().unwrap().contains("550"), "{}", dead["items"][0]);
    assert_eq!(dead["items"][0]["attempts"], 1);
    let pending = outbox("pending");
    let waiting = &pending["items"][0];
    assert_eq!(waiting["recipient"], "later_bruno@example.it");
    assert!(waiting["last_error"].as_str().unwrap().contains("451"), "{waiting}");
    assert_eq!(waiting["attempts"], 1);
    assert_eq!(pending["counts"], json!({ "pending": 1, "sent": 1, "dead": 1 }));

    app.get("/api/v1/moderation/mail", Some(&carla.token)).expect_problem(403, "admin_only");
    let id = dead["items"][0]["id"].as_str().unwrap();
    app.post(&format!("/api/v1/moderation/mail/{id}/retry"), Some(&carla.token), json!({}))
        .expect_problem(403, "admin_only");
    app.post(&format!("/api/v1/moderation/mail/{id}/retry"), Some(&admin.token), json!({})).expect(204);
    // Tried again at once, and refused again.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let page = app.get("/api/v1/moderation/mail?state=dead", Some(&admin.token)).expect(200).clone();
        if page["items"].as_array().unwrap().len() == 1
            && page["items"][0]["attempts"] == 1
            && page["counts"]["pending"] == 1
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the retried letter did not come back: {page}");
        std::thread::sleep(Duration::from_millis(100));
    }
    app.post(
        &format!("/api/v1/moderation/mail/{}/retry", waiting["id"].as_str().unwrap()),
        Some(&admin.token),
        json!({}),
    )
    .expect_problem(404, "not_found");
}

/// A registration refused writes no letter.
fn a_refused_registration_sends_nothing(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let maria = register(&app, "maria", "it");
    letters_to(&smtp, &maria.email, 1);
    app.post(
        "/api/v1/auth/register",
        None,
        json!({ "email": "altra@example.it", "password": PASSWORD, "nickname": "maria", "display_name": "Altra",
                "privacy_version": 1 }),
    )
    .expect_problem(409, "nickname_taken");
    std::thread::sleep(Duration::from_millis(1_500));
    assert!(smtp.messages_to("altra@example.it").is_empty());
    assert_eq!(smtp.messages().len(), 1);
}

/// Whoever knew the old password and asked to move the account to their
/// address loses that change when the owner resets the password: the
/// link no longer works.
fn a_password_reset_cancels_a_pending_change_of_address(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_with_mail(backend, &smtp.url());
    let maria = register(&app, "maria", "it");
    let token = letters_to(&smtp, &maria.email, 1)[0].link_token().unwrap();
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": token })).expect(204);
    let moved = app.call(
        "PUT",
        "/api/v1/me/email",
        Some(&maria.token),
        Some(&json!({ "password": PASSWORD, "email": "intruso@example.it" })),
    );
    assert_eq!(moved.expect(202)["status"], "pending");
    let hijack = letters_to(&smtp, "intruso@example.it", 1)[0].link_token().unwrap();
    app.post("/api/v1/auth/password-reset", None, json!({ "email": maria.email })).expect(202);
    let reset = letters_to(&smtp, &maria.email, 2)[1].link_token().unwrap();
    app.post(
        "/api/v1/auth/password-reset/confirm",
        None,
        json!({ "token": reset, "password": "una-password-nuova-e-lunga" }),
    )
    .expect(204);
    app.post("/api/v1/auth/confirm-email", None, json!({ "token": hijack })).expect_problem(422, "validation_failed");
    let signed_in =
        app.post("/api/v1/auth/login", None, json!({ "email": maria.email, "password": "una-password-nuova-e-lunga" }));
    assert_eq!(signed_in.expect(200)["user"]["email"], maria.email);
}

backend_tests!(
    sign_up_asks_to_confirm_the_address_before_writing,
    without_email_nothing_waits_for_it,
    a_reset_link_works_once_for_its_account_only,
    reset_letters_are_limited_per_account,
    password_and_address_changes_are_proven_and_told,
    failed_letters_are_retried_or_given_up_for_admins_to_see,
    a_refused_registration_sends_nothing,
    a_password_reset_cancels_a_pending_change_of_address,
);
